#!/usr/bin/env python3
"""The scale benchmark: generated catalogues of several sizes rendered as one A1 poster each,
timed against Graphviz's own `dot -Tpdf` of the same exported graph, in paired runs.

usage: bench/run.py [--sizes 58,200,350,1000] [--runs 3] [--pathways build/pathways] [--timeout 900]

Prints a Markdown table: roles, links, crossings, smallest text, pathways CPU, dot CPU, their
ratio and pathways' peak memory. Needs `farm-bench` (the tool library) and `dot` (Debian's
graphviz package; the benchmark only uses it as the yardstick, the product never runs it).
It is a benchmark, not a test: `make test` does not run it; `make bench` does."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def median_of(report, label):
    m = re.search(r"^" + re.escape(label) + r"\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)", report, re.M)
    return float(m.group(2)) if m else float("nan")


def measure(pathways, size, runs, timeout, work):
    cat = os.path.join(work, f"gen{size}.yaml")
    with open(cat, "w") as f:
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(size)], stdout=f, check=True)
    dot = os.path.join(work, f"gen{size}.dot")
    subprocess.run([pathways, "export", cat, "--format", "dot", "-o", dot], check=True)
    pdf = os.path.join(work, f"gen{size}.pdf")
    once = subprocess.run([pathways, "render", cat, "-o", pdf, "--force"], capture_output=True, text=True, timeout=timeout)
    line = once.stderr.strip().splitlines()[-1] if once.stderr.strip() else ""
    links = re.search(r"(\d+) links?", line)
    crossings = re.search(r"(\d+) crossings?", line)
    text = re.search(r"smallest text ([0-9.]+) pt", line)
    bench = subprocess.run(["farm-bench", "-n", str(runs), "--warmup", "0", "--timeout", str(timeout),
                            "--vs", f"dot -Tpdf -o {os.path.join(work, 'dot.pdf')} {dot}", "--",
                            pathways, "render", cat, "-o", pdf, "--force"], capture_output=True, text=True)
    r = bench.stdout + bench.stderr
    return {"roles": size, "links": links.group(1) if links else "?",
            "crossings": crossings.group(1) if crossings else "?", "text": text.group(1) if text else "?",
            "a": median_of(r, "A cpu s"), "b": median_of(r, "B cpu s"), "ratio": median_of(r, "A/B cpu"),
            "peak": median_of(r, "A peak MiB")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="58,200,350,1000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pathways", default=os.path.join(HERE, "..", "build", "pathways"))
    ap.add_argument("--timeout", type=int, default=900)
    a = ap.parse_args()
    print("| roles | links | crossings | smallest text on A1 | pathways CPU | `dot -Tpdf` CPU | ratio | peak memory |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="pathways-bench-") as work:
        for size in [int(s) for s in a.sizes.split(",")]:
            try:
                m = measure(a.pathways, size, a.runs, a.timeout, work)
            except subprocess.TimeoutExpired:
                print(f"| {size} | | | | > {a.timeout} s | | | |", flush=True)
                continue
            print(f"| {m['roles']} | {m['links']} | {m['crossings']} | {m['text']} pt | {m['a']:.2f} s | "
                  f"{m['b']:.3f} s | {m['ratio']:.1f}x | {m['peak']:.0f} MiB |", flush=True)


if __name__ == "__main__":
    main()
