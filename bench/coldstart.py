"""Cold starts under the real Lambda runtime: each function's init plus its first invoke, next to a
handler that only imports boto3, in the same run; written to docs/benchmarks.md.

Each run is a fresh runtime (the SAM CLI's emulator and awslambdaric, as `masthead invoke` runs
them): the built layer with its bytecode at its /opt place, the events/ file of the function, tracing
on as deployed, a seeded moto server for AWS. Init and the first invoke are measured in the runtime
process (the emulator's REPORT line is wrong about both).

  .venv/bin/python bench/coldstart.py [--runs 5] [--print]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

from sections import write_section  # bench/sections.py

from masthead_tools.local.invoke import invoke, invoke_folder, local_endpoint

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- coldstart:start -->", "<!-- coldstart:end -->"
FUNCTIONS = {
    "ExtractFunction": "extract-s3-put.json",
    "IndexFunction": "index-message.json",
    "NotifyFunction": "notify-stream-insert.json",
}
BARE = "import boto3\n\n\ndef lambda_handler(event, context):\n    return {}\n"


def measure(runs: int) -> dict[str, list[tuple[float, float]]]:
    env_file = json.loads((ROOT / "events" / "env.json").read_text(encoding="utf-8"))
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in ["bare boto3 handler", *FUNCTIONS]}
    server, endpoint = local_endpoint({}, ROOT)
    credentials = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    try:
        with tempfile.TemporaryDirectory() as bare:
            Path(bare, "app.py").write_text(BARE)
            for _ in range(runs):  # interleaved, so machine noise hits every target alike
                done = invoke_folder(ROOT, Path(bare), "app.lambda_handler", {}, {"AWS_REGION": "ap-northeast-1", **credentials})
                samples["bare boto3 handler"].append((done.report["init_s"], done.report["duration_s"]))
                for function, event_file in FUNCTIONS.items():
                    # As deployed: tracing on, the template's log level.
                    overrides = {**env_file[function], **endpoint, "POWERTOOLS_TRACE_DISABLED": "false", "POWERTOOLS_LOG_LEVEL": "INFO"}
                    event = json.loads((ROOT / "events" / event_file).read_text(encoding="utf-8"))
                    done = invoke(ROOT, function, event, overrides, credentials=credentials)
                    if done.exit_code:
                        raise RuntimeError(f"{function} failed under the runtime: {done.response}")
                    samples[function].append((done.report["init_s"], done.report["duration_s"]))
    finally:
        server.stop()
    return samples


def render(samples: dict[str, list[tuple[float, float]]], runs: int) -> str:
    def median_total(name: str) -> float:
        return statistics.median(i + d for i, d in samples[name])

    base = median_total("bare boto3 handler")
    lines = [
        START,
        "## Cold starts under the Lambda runtime",
        "",
        f"`bench/coldstart.py`: {runs} fresh runtimes per target, interleaved (the SAM CLI's emulator and awslambdaric on",
        "Python 3.13, as `masthead invoke` runs them; the built layer with its bytecode; tracing on as deployed; each",
        "function's events/ file against a seeded moto server). Init and the first invoke are measured inside the",
        "runtime process. Ratio: init + first invoke against the bare `import boto3` handler's (medians).",
        "",
        "| target | init s | first invoke s | init + first invoke s | ratio |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, values in samples.items():
        init, first = statistics.median(v[0] for v in values), statistics.median(v[1] for v in values)
        lines.append(f"| {name} | {init:.2f} | {first:.2f} | {median_total(name):.2f} | {median_total(name) / base:.1f}× |")
    worst = max(median_total(f) / base for f in FUNCTIONS)
    verdict = "met" if worst <= 1.5 else f"not met: the slowest function is at {worst:.1f}×"
    lines += ["", f"Goal: at most 1.5× the bare handler ({verdict}).", END]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--print", action="store_true", help="print the section instead of writing docs/benchmarks.md")
    args = parser.parse_args()
    if not sys.platform.startswith("linux"):
        print("bench/coldstart.py: the emulator runs on Linux; skipped")
        return 0
    section = render(measure(args.runs), args.runs)
    if args.print:
        print(section)
    else:
        write_section(section, ROOT / "docs" / "benchmarks.md", START, END)
        print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
