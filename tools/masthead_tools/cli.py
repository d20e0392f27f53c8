"""The `masthead` command: extract, demo, the index reader (articles, issues, rejected), and the
operators' redrive and replay."""

from __future__ import annotations

import argparse
import json
import os
import sys


def _extract(args) -> int:
    import gc

    from masthead.extract import ExtractOptions, extract, reject_too_large

    # What the imports made lives to the end: the collector need not go through it again each time
    # the pages' garbage triggers a full collection (a percent of a run over many pages).
    gc.freeze()
    root = os.path.realpath(args.root) if args.root else None
    options = ExtractOptions(time_budget=args.time_budget or None)
    if args.max_bytes:
        options = ExtractOptions(max_bytes=args.max_bytes, time_budget=options.time_budget)
    any_rejected = False
    folders: dict[str, str] = {}  # each folder resolved once: a realpath per file is a syscall per path part
    for name in args.files:
        key = _key_under(root, name, folders) if root else _plain_key(name)
        if key is None:
            print(f"masthead extract: {name} is not under --root {args.root}", file=sys.stderr)
            return 2
        try:
            # The size is checked before the file is read, as the extract function does with S3.
            too_big = os.stat(name).st_size > options.max_bytes
            result = reject_too_large(key, options) if too_big else extract(key, _file_bytes(name), options)
        except OSError as exc:
            print(f"masthead extract: cannot read {name}: {exc.strerror}", file=sys.stderr)
            return 2
        any_rejected |= not result.accepted
        record = result.as_dict(with_body=args.with_body)
        if args.json:
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            _print_human(record)
    return 1 if any_rejected else 0


def _key_under(root: str, name: str, folders: dict[str, str]) -> str | None:
    """The S3 key of a file under `root` (both resolved, so a symlinked root or a "../" path gives
    the same key); None when the file is not under it. Plain strings: a pathlib object per file
    was a percent of a run over many small pages."""
    parent, base = os.path.split(name)
    folder = folders.get(parent) or folders.setdefault(parent, os.path.realpath(parent or "."))
    full = os.path.join(folder, base)
    prefix = root if root.endswith("/") else root + "/"
    return full[len(prefix) :] if full.startswith(prefix) and len(full) > len(prefix) else None


def _plain_key(name: str) -> str:
    """The key of a file named without --root: its path without "." parts, doubled slashes or a
    leading "./" or "/" (what pathlib's as_posix() gives, stripped; pathlib costs 4 ms to import)."""
    return "/".join(part for part in name.split("/") if part and part != ".").lstrip("./")


def _file_bytes(name: str) -> bytes:
    with open(name, "rb") as upload:
        return upload.read()


def _demo(args) -> int:
    from .local.demo import run  # moto and rich: only the demo pays for them

    return run(args)


def _up(args) -> int:
    from .local.up import run  # moto: only the local tools pay for it

    return run(args)


def _tail(args) -> int:
    from .tail import find_topic, tail

    session = _ops_session(args)
    sns = session.client("sns", endpoint_url=args.endpoint_url)
    topic = args.topic_arn or (_stack_resource(session, args, "NotificationsTopic") if args.stack_name and not args.endpoint_url else None)
    topic = topic or find_topic(sns, args.stack_name)
    if not topic:
        print("masthead tail: no NotificationsTopic found; give --topic-arn or --stack-name", file=sys.stderr)
        return 2
    print(f"tailing {topic} (Ctrl-C stops)", file=sys.stderr, flush=True)
    tail(session.client("sqs", endpoint_url=args.endpoint_url), sns, topic, args.count, args.timeout, args.json)
    return 0


def _invoke(args) -> int:
    from .local.invoke import run

    return run(args)


def _seed(args) -> int:
    from .local.seed import run

    return run(args)


def _read(args) -> int:
    from .reader_cli import run

    _local_defaults(args)
    return run(args)


_QUEUES = {"ingest": ("IngestDeadLetterQueue", "IngestQueue"), "index": ("IndexDeadLetterQueue", "IndexQueue")}


def _stack_resource(session, args, logical_id: str) -> str:
    """A resource's physical id (queue URL, topic ARN) in the deployed stack."""
    cloudformation = session.client("cloudformation", endpoint_url=args.endpoint_url)
    return cloudformation.describe_stack_resource(StackName=args.stack_name, LogicalResourceId=logical_id)["StackResourceDetail"][
        "PhysicalResourceId"
    ]


def _ops_session(args):
    import boto3

    _local_defaults(args)
    return boto3.session.Session(region_name=args.region) if args.region else boto3.session.Session()


def _local_defaults(args) -> None:
    """Against a local endpoint (masthead up) any key does, and the region is the local stack's:
    a machine without AWS configuration works as it is."""
    if getattr(args, "endpoint_url", None):
        os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
        os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")
        if not (args.region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")):
            args.region = "ap-northeast-1"


def _redrive(args) -> int:
    from .ops import redrive

    session = _ops_session(args)
    dead_letter_id, source_id = _QUEUES[args.queue]
    if not (args.stack_name or (args.dead_letter_url and args.queue_url)):
        print("masthead redrive: give --stack-name, or --dead-letter-url and --queue-url", file=sys.stderr)
        return 2
    dead_letter_url = args.dead_letter_url or _stack_resource(session, args, dead_letter_id)
    source_url = args.queue_url or _stack_resource(session, args, source_id)
    result = redrive(session.client("sqs", endpoint_url=args.endpoint_url), dead_letter_url, source_url, args.limit)
    print(f"moved {result.moved} message(s) from {dead_letter_id} back to {source_id}")
    for reason, count in sorted(result.reasons.items()):
        print(f"  {count} had been refused at once: {reason}")
    return 0


def _reindex(args) -> int:
    from .reindex import new_run_id, read_progress, start_run, watch

    session = _ops_session(args)
    if args.endpoint_url and not args.stack_name:  # a local endpoint (masthead up) holds one stack
        from .local_names import one_index_table, one_reindex_state_machine

        args.state_machine_arn = args.state_machine_arn or one_reindex_state_machine(session, args.endpoint_url)
        args.table = args.table or one_index_table(session, args.endpoint_url)
    if not (args.stack_name or (args.state_machine_arn and args.table)):
        print("masthead reindex: give --stack-name, or --state-machine-arn and --table", file=sys.stderr)
        return 2
    state_machine = args.state_machine_arn or _stack_resource(session, args, "ReindexStateMachine")
    table = args.table or _stack_resource(session, args, "IndexTable")
    sfn = session.client("stepfunctions", endpoint_url=args.endpoint_url)
    dynamodb = session.client("dynamodb", endpoint_url=args.endpoint_url)
    run_id = args.resume or new_run_id()
    execution = start_run(sfn, state_machine, run_id, args.prefix, args.outdated_only)
    what = f"objects under {args.prefix!r}" if args.prefix else "every object"
    print(f"{'resumed' if args.resume else 'started'} {run_id}: {what}{' (outdated only)' if args.outdated_only else ''}", file=sys.stderr)
    if args.no_wait:
        print(json.dumps({"run_id": run_id, "execution_arn": execution}))
        return 0
    progress = watch(lambda: read_progress(sfn, dynamodb, table, execution, run_id), interval=args.interval)
    if args.json:
        print(json.dumps(progress.as_dict()))
    if progress.status != "SUCCEEDED" or progress.failed:
        print(f"the run did not finish ({progress.status.lower()}); resume it: masthead reindex --resume {run_id} ...", file=sys.stderr)
        return 1
    if not progress.settled:
        print(f"{progress.sent - progress.indexed} message(s) not indexed yet: see IndexQueue and its dead-letter queue", file=sys.stderr)
        return 1
    return 0


def _replay(args) -> int:
    from masthead.adapters.aws import SnsPublisher
    from masthead.service.notify_step import NotifyStep

    from .ops import replay_stream_failures

    session = _ops_session(args)
    if not (args.stack_name or (args.dead_letter_url and args.topic_arn)):
        print("masthead replay: give --stack-name, or --dead-letter-url and --topic-arn", file=sys.stderr)
        return 2
    dead_letter_url = args.dead_letter_url or _stack_resource(session, args, "NotifyDeadLetterQueue")
    topic_arn = args.topic_arn or _stack_resource(session, args, "NotificationsTopic")
    step = NotifyStep(SnsPublisher(session.client("sns", endpoint_url=args.endpoint_url), topic_arn))
    result = replay_stream_failures(
        session.client("sqs", endpoint_url=args.endpoint_url),
        session.client("dynamodbstreams", endpoint_url=args.endpoint_url),
        dead_letter_url,
        step,
    )
    print(f"replayed {result.batches} failed batch(es): {result.records} index change(s), {result.notifications} notification(s) published")
    for batch in result.expired:
        print(
            f"  not replayable: the stream no longer holds {batch} (records are kept 24 hours); those notifications are lost",
            file=sys.stderr,
        )
    return 1 if result.expired else 0


def _print_human(record: dict) -> None:
    print(f"{record['key']}: {record['status']}")
    if record["status"] == "rejected":
        print(f"  {record['error']['code']}: {record['error']['message']}")
        return
    for field, value in record.items():
        if field in ("key", "status", "body") or value in (None, [], ""):
            continue
        print(f"  {field}: {value if not isinstance(value, list) else '; '.join(map(str, value))}")


def _reader_args(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--table", help="index table name (default: from --stack-name, else $MASTHEAD_TABLE)")
    sub.add_argument("--stack-name", help="CloudFormation stack whose IndexTable to read")
    sub.add_argument("--endpoint-url", help="a local endpoint (masthead up: its one IndexTable is found without --table)")
    sub.add_argument("--region", default=None)
    sub.add_argument("--limit", type=int, default=20, help="items per page")
    sub.add_argument("--cursor", help="continue from the cursor a previous page printed")
    sub.add_argument("--json", action="store_true", help="one JSON document instead of a table")


class ExtractOptionsDefaults:
    TIME_BUDGET = 1.0  # as ExtractOptions; repeated here so --help does not import the extractor


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="masthead", description=__doc__)
    subs = parser.add_subparsers(dest="command", required=True)

    ex = subs.add_parser("extract", help="extract metadata from local files (no AWS)")
    ex.add_argument("files", nargs="+", metavar="FILE")
    ex.add_argument("--root", help="keys are paths relative to this folder (as S3 keys relative to the bucket)")
    ex.add_argument("--json", action="store_true", help="one JSON object per line")
    ex.add_argument("--with-body", action="store_true", help="include the body text")
    ex.add_argument("--max-bytes", type=int, help=argparse.SUPPRESS)
    ex.add_argument(
        "--time-budget",
        type=float,
        default=ExtractOptionsDefaults.TIME_BUDGET,
        metavar="SECONDS",
        help="reject a file whose extraction takes longer as too_slow (default %(default)s; 0: no limit)",
    )
    ex.set_defaults(func=_extract)

    _add_demo(subs)
    _add_seed(subs)
    _add_invoke(subs)

    rd = subs.add_parser("redrive", help="move dead letters back to the queue they came from (after fixing the cause)")
    rd.add_argument(
        "queue", choices=sorted(_QUEUES), help="ingest: IngestDeadLetterQueue -> IngestQueue; index: IndexDeadLetterQueue -> IndexQueue"
    )
    rp = subs.add_parser("replay", help="publish the notifications of failed stream batches (NotifyDeadLetterQueue), within 24 h")
    for sub in (rd, rp):
        sub.add_argument("--stack-name", help="the deployed stack (queues and topic are looked up in it)")
        sub.add_argument("--dead-letter-url", help=argparse.SUPPRESS)
        sub.add_argument("--endpoint-url", help="a local AWS endpoint")
        sub.add_argument("--region", default=None)
    rd.add_argument("--queue-url", help=argparse.SUPPRESS)
    rd.add_argument("--limit", type=int, help="move at most this many")
    rd.set_defaults(func=_redrive)
    rp.add_argument("--topic-arn", help=argparse.SUPPRESS)
    rp.set_defaults(func=_replay)

    _add_reindex(subs)
    _add_up(subs)

    for name, text in (("articles", "list or get articles"), ("issues", "list or get issues"), ("rejected", "list rejected uploads")):
        sub = subs.add_parser(name, help=text)
        _reader_args(sub)
        if name == "articles":
            group = sub.add_mutually_exclusive_group()
            group.add_argument("--id", help="get one article by id")
            group.add_argument("--issue", help="articles of an issue, in the issue's order")
            group.add_argument("--category")
            group.add_argument("--tag")
            group.add_argument("--author")
            group.add_argument("--scheduled", action="store_true", help="articles waiting for their release time, soonest first")
        if name == "issues":
            sub.add_argument("--id", help="get one issue by id")
        sub.set_defaults(func=_read)
    return parser


def _add_demo(subs) -> None:
    demo = subs.add_parser("demo", help="run the whole pipeline on an embedded AWS (moto) over a folder of uploads")
    demo.add_argument("--source", help="folder of uploads, keys relative to it (default: the repo's samples/)")
    demo.add_argument("--json", action="store_true", help="print the final state as one JSON document")
    demo.add_argument("--template", help="path to template.yaml (default: the repo's)")
    demo.add_argument(
        "--runtime",
        choices=("inprocess", "lambda"),
        default="inprocess",
        help="inprocess: the handlers called in this process (default); lambda: each built function under the Lambda runtime "
        "emulator (awslambdaric, Python 3.13; Linux, no Docker), with its Timeout and MemorySize",
    )
    demo.add_argument(
        "--at",
        metavar="TIME",
        help="then run the clock to TIME (ISO 8601 with an offset, e.g. 2031-01-15T09:00+09:00): release and expiry timers due "
        "by then fire, as EventBridge Scheduler would",
    )
    demo.add_argument(
        "--reindex",
        action="store_true",
        help="then reindex every stored upload on the template's state machine (moto runs its definition), as masthead reindex does",
    )
    demo.set_defaults(func=_demo)


def _add_invoke(subs) -> None:
    invoke = subs.add_parser("invoke", help="run one built function under the Lambda runtime emulator (no Docker), on a local AWS")
    invoke.add_argument("function", help="the function's logical id in template.yaml (ExtractFunction, IndexFunction, NotifyFunction)")
    invoke.add_argument("-e", "--event", required=True, help="the event file (events/...)")
    invoke.add_argument("--env-vars", help="an env file as sam local invoke takes (events/env.json)")
    invoke.add_argument("--region", default="ap-northeast-1", help="default %(default)s (the events' region)")
    invoke.add_argument("--timeout", type=int, help="seconds, instead of the template's Timeout")
    invoke.add_argument("--root", help=argparse.SUPPRESS)
    invoke.set_defaults(func=_invoke)


def _add_up(subs) -> None:
    up = subs.add_parser(
        "up", help="start the pipeline on a local AWS endpoint and keep it up: upload, query and subscribe with any client"
    )
    up.add_argument("--port", type=int, default=4566, help="the endpoint's port (default %(default)s)")
    up.add_argument("--source", help="seed the bucket from this folder first (keys relative to it)")
    up.add_argument("--runtime", choices=("inprocess", "lambda"), default="inprocess", help="as for masthead demo")
    up.add_argument("--stack-name", default="masthead-local", help="the names the resources follow (default %(default)s)")
    up.add_argument("--template", help="path to template.yaml (default: the repo's)")
    up.add_argument("--state", help="a folder to keep the bucket in between runs (restored on start, saved on stop)")
    up.set_defaults(func=_up)
    tl = subs.add_parser("tail", help="print the index's notifications as they arrive (from a queue of its own on the topic)")
    tl.add_argument("--endpoint-url", help="a local endpoint (masthead up)")
    tl.add_argument("--stack-name", help="the stack whose NotificationsTopic to follow")
    tl.add_argument("--topic-arn", help=argparse.SUPPRESS)
    tl.add_argument("--region", default=None)
    tl.add_argument("--json", action="store_true", help="one JSON notification per line")
    tl.add_argument("--count", type=int, help="stop after this many")
    tl.add_argument("--timeout", type=float, help="stop after this many seconds")
    tl.set_defaults(func=_tail)


def _add_reindex(subs) -> None:
    rx = subs.add_parser(
        "reindex", help="extract the stored uploads again (after an extractor upgrade) on the stack's state machine, with progress"
    )
    rx.add_argument("--stack-name", help="the deployed stack (its ReindexStateMachine and IndexTable)")
    rx.add_argument("--prefix", default="", help="only keys under this prefix (e.g. articles/2024/); default: all")
    rx.add_argument("--outdated-only", action="store_true", help="only keys an older extractor version indexed (or none did)")
    rx.add_argument("--resume", metavar="RUN_ID", help="run an interrupted or failed run again, under the same run id")
    rx.add_argument("--no-wait", action="store_true", help="start it, print its run id and execution ARN, and return")
    rx.add_argument("--json", action="store_true", help="print the final progress as JSON")
    rx.add_argument("--interval", type=float, default=2.0, help=argparse.SUPPRESS)
    rx.add_argument("--endpoint-url", help="a local endpoint (masthead up: its state machine and table are found without --stack-name)")
    rx.add_argument("--region", default=None)
    rx.add_argument("--state-machine-arn", help=argparse.SUPPRESS)
    rx.add_argument("--table", help=argparse.SUPPRESS)
    rx.set_defaults(func=_reindex)


def _add_seed(subs) -> None:
    seed = subs.add_parser(
        "seed", help="create the template's resources on a local AWS endpoint (a moto server), named as events/env.json names them"
    )
    seed.add_argument("--endpoint-url", default="http://127.0.0.1:5000", help="the local endpoint (default %(default)s)")
    seed.add_argument(
        "--stack-name", default="masthead-dev", help="the stack the names follow (default %(default)s, as in events/env.json)"
    )
    seed.add_argument("--root", help=argparse.SUPPRESS)
    seed.set_defaults(func=_seed)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        if type(exc).__name__ != "EndpointConnectionError":
            raise
        print(f"masthead {args.command}: {exc} (is `masthead up` running there?)", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
