"""The `masthead` command: extract, demo, and the index reader (articles, issues, rejected)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def _extract(args) -> int:
    from .extract import ExtractOptions, extract, reject_too_large

    root = Path(args.root).resolve() if args.root else None
    options = ExtractOptions(max_bytes=args.max_bytes) if args.max_bytes else ExtractOptions()
    any_rejected = False
    for name in args.files:
        path = Path(name)
        try:
            resolved = path.resolve()
            key = resolved.relative_to(root).as_posix() if root else path.as_posix().lstrip("./")
        except ValueError:
            print(f"masthead extract: {name} is not under --root {args.root}", file=sys.stderr)
            return 2
        try:
            # The size is checked before the file is read, as the extract function does with S3.
            too_big = path.stat().st_size > options.max_bytes
            result = reject_too_large(key, options) if too_big else extract(key, path.read_bytes(), options)
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


def _demo(args) -> int:
    from .local.demo import run  # moto and rich: only the demo pays for them

    return run(args)


def _read(args) -> int:
    from .reader_cli import run

    return run(args)


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
    sub.add_argument("--endpoint-url", help="a local DynamoDB endpoint, e.g. http://localhost:8000")
    sub.add_argument("--region", default=None)
    sub.add_argument("--limit", type=int, default=20, help="items per page")
    sub.add_argument("--cursor", help="continue from the cursor a previous page printed")
    sub.add_argument("--json", action="store_true", help="one JSON document instead of a table")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="masthead", description=__doc__)
    subs = parser.add_subparsers(dest="command", required=True)

    ex = subs.add_parser("extract", help="extract metadata from local files (no AWS)")
    ex.add_argument("files", nargs="+", metavar="FILE")
    ex.add_argument("--root", help="keys are paths relative to this folder (as S3 keys relative to the bucket)")
    ex.add_argument("--json", action="store_true", help="one JSON object per line")
    ex.add_argument("--with-body", action="store_true", help="include the body text")
    ex.add_argument("--max-bytes", type=int, help=argparse.SUPPRESS)
    ex.set_defaults(func=_extract)

    demo = subs.add_parser("demo", help="run the whole pipeline on an embedded AWS (moto) over a folder of uploads")
    demo.add_argument("--source", help="folder of uploads, keys relative to it (default: the repo's samples/)")
    demo.add_argument("--json", action="store_true", help="print the final state as one JSON document")
    demo.add_argument("--template", help="path to template.yaml (default: the repo's)")
    demo.set_defaults(func=_demo)

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
        if name == "issues":
            sub.add_argument("--id", help="get one issue by id")
        sub.set_defaults(func=_read)
    return parser


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


if __name__ == "__main__":
    sys.exit(main())
