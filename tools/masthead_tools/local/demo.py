"""`masthead demo`: the whole pipeline on an embedded AWS over a folder of uploads."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

from .stack import LocalStack, aws_for, upload_folder
from .template import default_template_path


def run_pipeline(
    source: Path, template: Path, progress=None, runtime: str = "inprocess", at: datetime | None = None, reindex: bool = False
) -> dict:
    """Upload every file under `source`, run the pipeline until idle, return the final state.
    `runtime`: "inprocess" (the handlers called here) or "lambda" (each built function under the
    Lambda runtime, against a moto server). `at`: then run the clock to this time, firing the
    release and expiry timers due by then (as EventBridge Scheduler would) and running again.
    `reindex`: then run a reindex of every key on the template's state machine (as `masthead
    reindex` does on AWS) and add its progress to the state."""
    with aws_for(runtime), LocalStack(template, runtime=runtime).create() as stack:
        keys, silent = upload_folder(stack, source)
        if progress:
            progress("uploaded", len(keys))
        if silent:
            print(
                f"  note: {len(silent)} file(s) outside articles/ and issues/ send no S3 event and are not indexed: "
                + ", ".join(silent[:5])
                + (" ..." if len(silent) > 5 else ""),
                file=sys.stderr,
            )
        stack.run_until_idle(progress=progress)
        if at is not None:
            stack.run_clock(at, progress=progress)
        run = _reindex(stack, progress) if reindex else None
        return {**final_state(stack), **({"reindex": run} if run else {})}


def _reindex(stack: LocalStack, progress=None) -> dict:
    from ..reindex import new_run_id, read_progress

    run_id = new_run_id()
    execution = stack.start_reindex(run_id)
    stack.wait_for_execution(execution)
    stack.run_until_idle(progress=progress)
    return read_progress(stack.session.client("stepfunctions"), stack.dynamodb, stack.table, execution, run_id).as_dict()


def final_state(stack: LocalStack) -> dict:
    reader = stack.reader()
    articles = []
    for summary in reader.all_pages(reader.latest_articles):
        articles.append(reader.get_article(summary["article_id"]))
    return {
        "articles": articles,
        "scheduled": list(reader.all_pages(reader.scheduled_articles)),
        "timers": [
            {"name": t["name"], "at": t["at"].strftime("%Y-%m-%dT%H:%M:%SZ"), "message": json.loads(t["target"]["Input"])}
            for t in stack.pending_timers()
        ],
        "issues": list(reader.all_pages(reader.issues)),
        "rejected": list(reader.all_pages(reader.rejected)),
        "notifications": stack.notifications(),
        "dead_letters": stack.dead_letters(),
    }


def _table(title: str, columns: list[str], rows: list[list]) -> None:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # pragma: no cover - rich comes with the local extra
        print(f"\n{title}")
        for row in rows:
            print("  " + " | ".join(str(c) for c in row))
        return
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[str(c) if c not in (None, []) else "" for c in row])
    Console().print(table)


def run(args) -> int:
    template = Path(args.template) if args.template else default_template_path()
    if template is None or not template.is_file():
        print("masthead demo: template.yaml not found; pass --template", file=sys.stderr)
        return 2
    source = Path(args.source) if args.source else template.parent / "samples"
    if not source.is_dir():
        print(f"masthead demo: {source} is not a folder", file=sys.stderr)
        return 2

    def progress(step: str, count: int) -> None:
        print(f"  {step:<16} {count:>4} {'files' if step == 'uploaded' else 'records'}", file=sys.stderr, flush=True)

    where = "each function under the Lambda runtime (emulator), AWS a moto server" if args.runtime == "lambda" else "embedded AWS (moto)"
    print(f"Masthead demo: {source} -> {where}, resources from {template.name}", file=sys.stderr)
    at = _clock_time(args.at) if args.at else None
    if args.at and at is None:
        print(f"masthead demo: --at {args.at} is not an ISO 8601 time with an offset (e.g. 2031-01-15T09:00+09:00)", file=sys.stderr)
        return 2
    if args.reindex and args.runtime != "inprocess":
        print("masthead demo: --reindex runs in-process only (moto's Step Functions calls the handlers here)", file=sys.stderr)
        return 2
    state = run_pipeline(source, template, progress, args.runtime, at, reindex=args.reindex)
    if args.json:
        print(json.dumps(state, ensure_ascii=False, indent=2))
        return 0
    _print_state(state)
    return 0


def _clock_time(value: str) -> datetime | None:
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        return None
    return at if at.tzinfo is not None else None


def _print_state(state: dict) -> None:
    _table(
        f"Articles ({len(state['articles'])})",
        ["article_id", "title", "authors", "published_at", "category", "issue", "lang"],
        [
            [a["article_id"], a["title"], ", ".join(a["authors"]), a["published_at"], a["category"], a["issue_id"], a["language"]]
            for a in state["articles"]
        ],
    )
    _table(
        f"Scheduled ({len(state['scheduled'])}): readable by id, in no list until released",
        ["article_id", "title", "release_at", "expiry_at"],
        [[a["article_id"], a["title"], a["releases_at"], a["expiry_at"]] for a in state["scheduled"]],
    )
    _table(
        f"Issues ({len(state['issues'])})",
        ["issue_id", "title", "released_on", "articles", "categories"],
        [[i["issue_id"], i["title"], i["released_on"], i["article_count"], ", ".join(i["categories"])] for i in state["issues"]],
    )
    _table(
        f"Rejected ({len(state['rejected'])})",
        ["key", "code", "message"],
        [[r["key"], r["error"]["code"], r["error"]["message"]] for r in state["rejected"]],
    )
    _table(
        f"Notifications ({len(state['notifications'])})",
        ["event_type", "subject"],
        [
            [
                n["event_type"],
                (n["body"].get("article") or n["body"].get("issue") or n["body"].get("rejection") or {}).get("key")
                or (n["body"].get("issue") or {}).get("issue_id"),
            ]
            for n in state["notifications"]
        ],
    )
    if "reindex" in state:
        from ..reindex import RunProgress, line

        run = state["reindex"]
        shown = RunProgress(run["run_id"], run["status"], run["listed"], run["done"], run["failed"], run["counts"])
        print(f"Reindex run {run['run_id']}: {line(shown)}")
    dead = {k: v for k, v in state["dead_letters"].items() if v}
    print("Dead-letter queues: " + (", ".join(f"{k}={v}" for k, v in dead.items()) if dead else "empty"))
