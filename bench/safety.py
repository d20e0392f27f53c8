"""Safety benchmarks (run by `make bench`, or alone with `make bench-safety`):

  1. the per-upload budget: every case of the hostile regression corpus (tests/safety/cases.py)
     run alone through `masthead extract` as a whole process (wall and CPU time from the kernel's
     accounting of that child, its peak memory as it reports it), and its extraction CPU time in-process;
  2. AWS requests per indexed upload, end to end on the embedded AWS (every call the three
     functions make, recorded), for a bulk upload of samples/ and for uploads one at a time.

Writes the "Safety" section of docs/benchmarks.md (between the safety markers), or prints it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from sections import publish  # bench/sections.py

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "layers" / "masthead"))
sys.path.insert(0, str(ROOT))  # tests.safety.cases

START, END = "<!-- safety:start -->", "<!-- safety:end -->"


# `masthead extract` as the child, reporting its own peak memory as it exits. The kernel's ru_maxrss
# of a child is no measure of it: a child started by vfork (as subprocess starts one) keeps, past
# exec, the peak of the address space it borrowed, this benchmark's own (which grows as it runs
# every case in-process), while VmHWM is the peak of the program the child runs.
_CHILD = """
import atexit, sys

def _peak():
    try:
        with open("/proc/self/status") as status:
            kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return
    print(f"MASTHEAD-PEAK-KB {kb}", file=sys.stderr)

atexit.register(_peak)
from masthead_tools.cli import main
sys.exit(main(sys.argv[1:]))
"""
_PEAK = re.compile(r"^MASTHEAD-PEAK-KB (\d+)$", re.M)


def _run_child(argv: list[str]) -> tuple[float, float, float, str]:
    """(wall s, CPU s, peak RSS MB, stdout) of one child process: times from wait4's rusage, the
    peak as the child reports it (where it cannot: ru_maxrss, an upper bound)."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    out = process.stdout.read().decode()
    err = process.stderr.read().decode(errors="replace")
    _pid, _status, usage = os.wait4(process.pid, 0)
    process.returncode = 0
    wall = time.perf_counter() - started
    peak = _PEAK.search(err)
    return wall, usage.ru_utime + usage.ru_stime, int(peak.group(1)) / 1024 if peak else usage.ru_maxrss / 1024, out


def bench_hostile() -> tuple[dict, list[dict]]:
    from masthead.extract import ExtractOptions, extract
    from tests.safety.cases import CASES

    masthead = [sys.executable, "-c", _CHILD, "extract", "--json"]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        baseline_path = root / "articles" / "baseline.md"
        baseline_path.parent.mkdir(parents=True)
        baseline_path.write_bytes(b"# A normal article\n\nWith a body.\n")
        runs = [_run_child([*masthead, str(baseline_path), "--root", str(root)]) for _ in range(3)]
        baseline = {"wall": min(r[0] for r in runs), "cpu": min(r[1] for r in runs), "rss": min(r[2] for r in runs)}
        for case in CASES:
            data = case.data()
            path = root / case.key
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            wall, cpu, rss, out = _run_child([*masthead, str(path), "--root", str(root)])
            record = json.loads(out.splitlines()[0])
            started = time.process_time()
            extract(case.key, data, ExtractOptions(time_budget=None))
            extraction_cpu = time.process_time() - started
            rows.append(
                {
                    "case": case.name,
                    "kb": len(data) / 1024,
                    "outcome": record["status"] if record["status"] == "accepted" else record["error"]["code"],
                    "wall": wall,
                    "cpu": cpu,
                    "rss": rss,
                    "extract_cpu": extraction_cpu,
                    "lines": len(out.splitlines()),
                }
            )
            path.unlink()
    return baseline, rows


def bench_requests() -> dict:
    from masthead_tools.local.stack import LocalStack, embedded_aws, upload_folder

    results = {}
    for mode in ("bulk", "one at a time"):
        with embedded_aws():
            stack = LocalStack(ROOT / "template.yaml").create()
            if mode == "bulk":
                keys, silent = upload_folder(stack, ROOT / "samples")
                stack.run_until_idle()
                uploads = len(keys) - len(silent)
            else:
                uploads = 0
                for path in sorted((ROOT / "samples").rglob("*")):
                    if path.is_file():
                        key = path.relative_to(ROOT / "samples").as_posix()
                        uploads += stack.upload(key, path.read_bytes()) is not None
                        stack.run_until_idle()
            calls = Counter(f"{c.function}: {c.service}.{c.operation}" for c in stack.recorder.calls)
            results[mode] = {"uploads": uploads, "calls": dict(sorted(calls.items())), "total": sum(calls.values())}
    return results


def render(baseline: dict, rows: list[dict], requests: dict) -> str:
    worst_wall = max(rows, key=lambda r: r["wall"])
    worst_rss = max(rows, key=lambda r: r["rss"])
    worst_cpu = max(rows, key=lambda r: r["extract_cpu"])
    lines = [
        START,
        "## Safety: the per-upload budget",
        "",
        f"Each of the {len(rows)} cases of the hostile regression corpus (`tests/safety/cases.py`) run alone through",
        "`masthead extract --json` as a whole process; wall and CPU time are the kernel's accounting of that process,",
        "peak memory its own peak resident size (VmHWM) as it exits (interpreter start included: a two-line article takes "
        f'{baseline["wall"]:.2f} s and {baseline["rss"]:.0f} MB). "extract CPU" is `extract()` alone, in-process,',
        "with no time budget. Budget: 1 s of extraction CPU and 256 MB per upload; acceptance: 1.5 s and 400 MB per process.",
        "",
        f"- slowest process: **{worst_wall['wall']:.2f} s** ({worst_wall['case']}); most CPU in extraction: "
        f"**{worst_cpu['extract_cpu']:.2f} s** ({worst_cpu['case']}); most memory: **{worst_rss['rss']:.0f} MB** ({worst_rss['case']})",
        f"- every case printed exactly one JSON line: {all(r['lines'] == 1 for r in rows)}",
        "",
        "| case | KB | outcome | process s | process CPU s | peak MB | extract CPU s |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['case']} | {r['kb']:.0f} | {r['outcome']} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['rss']:.0f} | {r['extract_cpu']:.3f} |"
        )
    lines += [
        "",
        "## Safety: AWS requests per indexed upload",
        "",
        "Every AWS call the three functions make, recorded end to end on the embedded AWS over `samples/`",
        "(template batch sizes; Lambda's own polling of queues and the stream is not counted: it is not billed per request).",
        "",
    ]
    for mode, result in requests.items():
        lines.append(
            f"- {mode}: {result['total']} requests for {result['uploads']} uploads = **{result['total'] / result['uploads']:.2f} per upload**"
        )
    lines += ["", "| function: call | bulk | one at a time |", "|---|---:|---:|"]
    names = sorted(set(requests["bulk"]["calls"]) | set(requests["one at a time"]["calls"]))
    for name in names:
        lines.append(f"| {name} | {requests['bulk']['calls'].get(name, 0)} | {requests['one at a time']['calls'].get(name, 0)} |")
    lines += [
        "",
        "Per upload: one S3 GetObject, one GetItem and one TransactWriteItems (plus a Query for a manifest's issue claims);",
        "index messages leave in one SendMessageBatch per Lambda batch and notifications in one PublishBatch per batch.",
        END,
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--print", action="store_true", help="print the section instead of writing it")
    args = parser.parse_args()
    baseline, rows = bench_hostile()
    section = render(baseline, rows, bench_requests())
    publish(section, args.out, START, END, args.print, "the safety section")
    return 0


if __name__ == "__main__":
    sys.exit(main())
