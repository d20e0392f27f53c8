"""`masthead up` over a long run of random uploads, updates and deletes: the memory and threads of
the `masthead up` process, read from outside, written to docs/benchmarks.md.

  .venv/bin/python bench/up_soak.py [--minutes 60] [--print]
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
from pathlib import Path

import boto3
from sections import write_section  # bench/sections.py

from masthead_tools.local.server import free_port
from masthead_tools.local.soak import RandomChanges, SoakSample, UpProcess, soak
from masthead_tools.reader import IndexReader

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- up-soak:start -->", "<!-- up-soak:end -->"
EVERY = 100


def run(minutes: float) -> dict:
    with tempfile.TemporaryDirectory() as scratch, UpProcess(free_port(), Path(scratch) / "up.log", ROOT) as up:

        def client(service: str):
            return boto3.client(
                service, endpoint_url=up.endpoint, region_name="ap-northeast-1", aws_access_key_id="a", aws_secret_access_key="a"
            )

        reader = IndexReader(client("dynamodb"), up.named("table"))
        changes = RandomChanges(client("s3"), up.named("bucket"), keys=40, seed=11)
        samples = soak(
            up, changes, lambda: {a["key"]: a["title"] for a in reader.all_pages(reader.latest_articles)}, 10**9, EVERY, minutes * 60
        )
        exit_code = up.stop(signal.SIGINT)
        errors = (Path(scratch) / "up.log").read_text(encoding="utf-8").count(" ! ")
    return {"minutes": minutes, "samples": samples, "exit_code": exit_code, "errors": errors}


def _rows(samples: list[SoakSample], most: int = 14) -> list[str]:
    step = max(1, -(-len(samples) // most))
    shown = samples[::step] if samples[-1] in samples[::step] else [*samples[::step], samples[-1]]
    return [f"| {s.changes} | {s.seconds / 60:.1f} min | {s.rss_mb:.0f} MB | {s.threads} |" for s in shown]


def section(result: dict) -> str:
    samples = result["samples"]
    first, middle, last = samples[0], samples[len(samples) // 2], samples[-1]
    late = (last.rss_mb - middle.rss_mb) / max(1, last.changes - middle.changes) * 1024
    lines = [
        START,
        "## `masthead up` over a long run",
        "",
        f"`.venv/bin/python bench/up_soak.py --minutes {result['minutes']:g}`: `masthead up` in a process of its own;",
        "random uploads (new versions of 40 keys) and deletes through its endpoint, as fast as the pipeline takes",
        f"them; after every {EVERY} changes, once the index lists exactly what the bucket holds, the process's",
        "memory (RSS) and threads, read from /proc.",
        "",
        "| changes | time | RSS | threads |",
        "|---|---|---|---|",
        *_rows(samples),
        "",
        f"Memory: {first.rss_mb:.0f} MB after {first.changes} changes, {last.rss_mb:.0f} MB after {last.changes}; over the second",
        f"half of the run (from change {middle.changes}) **{late:.0f} KB a change**. What a versioned bucket keeps grows",
        "with every change (each version of each object, a few KB), as it would on AWS. Before local/up.py dropped",
        "what moto keeps for nobody (`forget_moto_bookkeeping`: its dashboard's copy of the table from every",
        "transaction, stream records every reader is past) a run like this grew by about 8 MB a change; before",
        "`local/moto_fixes.py` each index write copied the whole table for its rollback (4× slower, 1 MB a change).",
        f"Threads: {min(s.threads for s in samples)}–{max(s.threads for s in samples)} while it ran. Rounds that failed:",
        f"{result['errors']}. Stopped with SIGINT: exit code {result['exit_code']}.",
        END,
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--print", action="store_true")
    args = parser.parse_args()
    text = section(run(args.minutes))
    if args.print:
        print(text)
    else:
        write_section(text, ROOT / "docs" / "benchmarks.md", START, END)
    return 0


if __name__ == "__main__":
    sys.exit(main())
