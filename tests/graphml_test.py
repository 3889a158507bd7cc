#!/usr/bin/env python3
"""GraphML export read by a real GraphML reader (networkx, Debian's python3-networkx).

For each catalogue (and a view of one), `pathways export --format graphml` must parse, with one
node per role carrying its name, levels and settings, one edge per progression carrying its kind,
and the counts and kinds equal to what the JSON export of the same view says.

Usage: graphml_test.py PATHWAYS SOURCE_DIR
"""
import json
import subprocess
import sys
import tempfile
import os

import networkx

pathways, source = sys.argv[1], sys.argv[2]
cases = [
    ("tests/data/minimal-valid.yaml", None),
    ("data/ncl-career-pathways.yaml", None),
    ("data/ncl-career-pathways.yaml", "{settings: [social]}"),
    ("data/nhs-management-careers.yaml", None),
    ("tests/browser/hostile.yaml", None),
]
failures = 0


def check(ok, what):
    global failures
    if not ok:
        failures += 1
        print("FAILED:", what)


def export(catalogue, fmt, view):
    command = [pathways, "export", os.path.join(source, catalogue), "--format", fmt]
    if view:
        command += ["--view", view]
    return subprocess.run(command, check=True, capture_output=True).stdout


for catalogue, view in cases:
    what = catalogue + (" " + view if view else "")
    data = json.loads(export(catalogue, "json", view))
    with tempfile.NamedTemporaryFile(suffix=".graphml") as f:
        f.write(export(catalogue, "graphml", view))
        f.flush()
        g = networkx.read_graphml(f.name)
    check(g.is_directed(), what + ": the graph is directed")
    check(g.number_of_nodes() == len(data["roles"]),
          f"{what}: {len(data['roles'])} nodes ({g.number_of_nodes()})")
    links = [(r["id"], t) for r in data["roles"] for t in r["progresses_to"]]
    check(g.number_of_edges() == len(links), f"{what}: {len(links)} edges ({g.number_of_edges()})")
    names = {l["id"]: l["name"] for l in data["levels"]}
    order = {l["id"]: i for i, l in enumerate(data["levels"])}
    for role in data["roles"]:
        node = g.nodes.get(role["id"])
        if node is None:
            check(False, f"{what}: node {role['id']}")
            continue
        check(node.get("label") == role["name"], f"{what}: {role['id']} is labelled with its name")
        check(node.get("levels") == "; ".join(names[l] for l in role["levels"]), f"{what}: {role['id']} levels")
        check(node.get("setting_ids") == " ".join(role["settings"]), f"{what}: {role['id']} settings")
    lowest = {r["id"]: min(order[l] for l in r["levels"]) for r in data["roles"]}
    for a, b in links:
        want = "up" if lowest[b] > lowest[a] else "within" if lowest[b] == lowest[a] else "down"
        got = g.edges[a, b].get("kind") if g.has_edge(a, b) else None
        check(got == want, f"{what}: {a} -> {b} is {want} ({got})")
    kinds = [k for _, _, k in g.edges(data="kind")]
    print(f"{what}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges "
          f"({kinds.count('up')} up, {kinds.count('within')} within, {kinds.count('down')} down)")

if failures:
    print(f"graphml test: {failures} checks FAILED")
    sys.exit(1)
print("graphml test: all passed")
