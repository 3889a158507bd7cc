#!/usr/bin/env python3
"""The scale benchmark: generated catalogues of several sizes, each rendered as an A1 PDF the way a
new user would (one command; a poster series when one page cannot hold it legibly), timed against
Graphviz's own `dot -Tpdf` of the same exported graph in paired runs.

usage: bench/run.py [--sizes 58,200,350,1000,5000] [--runs 3] [--pathways build/pathways] [--timeout 900]

Prints a Markdown table: roles, links, sheets, crossings per sheet, smallest text, pathways CPU,
dot CPU, their ratio and pathways' peak memory. CPU time (user + system) and peak memory come from
the operating system's accounting of each finished process (wait4); runs alternate pathways, dot,
pathways, dot…, and the ratio is the median of the pairs' ratios, so it holds when the machine's
speed drifts. Needs `dot` (Debian's graphviz package; the benchmark only uses it as the yardstick,
the product never runs it). It is a benchmark, not a test: `make test` does not run it; `make
bench` does."""
import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run_accounted(argv, timeout):
    """Runs argv under os.wait4: (CPU seconds, peak MiB, stderr text, exit status)."""
    with tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:
            os.dup2(err.fileno(), 2)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            try:
                os.execvp(argv[0], argv)
            finally:
                os._exit(127)
        signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
        signal.alarm(timeout)
        _, status, usage = os.wait4(pid, 0)
        signal.alarm(0)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == 9:
        raise subprocess.TimeoutExpired(argv, timeout)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, text, status


def parse_report(text):
    """The render report: links, sheets, and each sheet's crossings and smallest text."""
    wrote = next((l for l in text.splitlines() if l.startswith("wrote ")), "")
    links = re.search(r"(\d+) links?", wrote)
    sheets = re.search(r"as (\d+) sheets?", wrote)
    if sheets:
        rows = re.findall(r"^\s+sheet \d+: \d+ roles?, (\d+) crossings?, smallest text ([0-9.]+) pt", text, re.M)
        crossings = [int(c) for c, _ in rows]
        smallest = min(float(t) for _, t in rows) if rows else float("nan")
        return (links.group(1) if links else "?"), int(sheets.group(1)), crossings, smallest
    crossings = re.search(r"(\d+) crossings?", wrote)
    text_pt = re.search(r"smallest text ([0-9.]+) pt", wrote)
    return ((links.group(1) if links else "?"), 1, [int(crossings.group(1))] if crossings else [],
            float(text_pt.group(1)) if text_pt else float("nan"))


def crossings_cell(crossings):
    if not crossings:
        return "?"
    if len(crossings) == 1:
        return str(crossings[0])
    return f"{min(crossings)}–{max(crossings)} (median {statistics.median(crossings):g})"


def measure(pathways, size, runs, timeout, work):
    cat = os.path.join(work, f"gen{size}.yaml")
    with open(cat, "w") as f:
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(size)], stdout=f, check=True)
    dot = os.path.join(work, f"gen{size}.dot")
    subprocess.run([pathways, "export", cat, "--format", "dot", "-o", dot], check=True)
    pdf = os.path.join(work, f"gen{size}.pdf")
    a_argv = [pathways, "render", cat, "-o", pdf, "--force"]
    b_argv = ["dot", "-Tpdf", "-o", os.path.join(work, "dot.pdf"), dot]
    a_cpu, a_peak, b_cpu, report = [], [], [], ""
    for _ in range(runs):
        cpu, peak, text, _ = run_accounted(a_argv, timeout)
        a_cpu.append(cpu), a_peak.append(peak)
        report = text
        try:
            b_cpu.append(run_accounted(b_argv, timeout)[0])
        except subprocess.TimeoutExpired:  # dot itself ran out of time: pathways' figures still count
            b_cpu.append(float(timeout))
    links, sheets, crossings, smallest = parse_report(report)
    ratios = [a / b for a, b in zip(a_cpu, b_cpu) if b > 0]
    return {"roles": size, "links": links, "sheets": sheets, "crossings": crossings_cell(crossings),
            "text": smallest, "a": statistics.median(a_cpu), "b": statistics.median(b_cpu),
            "ratio": statistics.median(ratios) if ratios else float("nan"), "peak": max(a_peak)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="58,200,350,1000,5000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pathways", default=os.path.join(HERE, "..", "build", "pathways"))
    ap.add_argument("--timeout", type=int, default=900)
    a = ap.parse_args()
    pathways = os.path.abspath(a.pathways)
    os.chdir(os.path.join(HERE, ".."))  # the generated catalogues name styles/nhs.yaml from here
    print("| roles | links | sheets | crossings per sheet | smallest text | pathways CPU | `dot -Tpdf` CPU | ratio | peak memory |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="pathways-bench-") as work:
        for size in [int(s) for s in a.sizes.split(",")]:
            try:
                m = measure(pathways, size, a.runs, a.timeout, work)
            except subprocess.TimeoutExpired:
                print(f"| {size} | | | | | > {a.timeout} s | | | |", flush=True)
                continue
            sheets = "1 page" if m["sheets"] == 1 else f"{m['sheets']} + overview"
            print(f"| {m['roles']} | {m['links']} | {sheets} | {m['crossings']} | {m['text']:.1f} pt | {m['a']:.2f} s | "
                  f"{m['b']:.3f} s | {m['ratio']:.1f}x | {m['peak']:.0f} MiB |", flush=True)


if __name__ == "__main__":
    main()
