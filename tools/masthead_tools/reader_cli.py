"""`masthead articles|issues|rejected`: the reader against real AWS or a local endpoint."""

from __future__ import annotations

import json
import os
import sys


def _table_name(args, session) -> str | None:
    if args.table:
        return args.table
    if args.stack_name:
        cloudformation = session.client("cloudformation", endpoint_url=args.endpoint_url)
        resource = cloudformation.describe_stack_resource(StackName=args.stack_name, LogicalResourceId="IndexTable")
        return resource["StackResourceDetail"]["PhysicalResourceId"]
    if os.environ.get("MASTHEAD_TABLE"):
        return os.environ["MASTHEAD_TABLE"]
    if args.endpoint_url:  # a local endpoint (masthead up) holds one stack: its IndexTable
        from .local_names import one_index_table

        return one_index_table(session, args.endpoint_url)
    return None


def run(args) -> int:
    import boto3

    from .reader import IndexReader

    session = boto3.session.Session(region_name=args.region) if args.region else boto3.session.Session()
    table = _table_name(args, session)
    if not table:
        print(f"masthead {args.command}: give --table, --stack-name or MASTHEAD_TABLE", file=sys.stderr)
        return 2
    reader = IndexReader(session.client("dynamodb", endpoint_url=args.endpoint_url), table)
    paging = {"limit": args.limit, "cursor": args.cursor}
    try:
        if args.command == "articles":
            if args.id:
                item = reader.get_article(args.id)
                return _emit(args, [item] if item else [], None, missing=not item)
            if args.issue:
                page = reader.articles_in_issue(args.issue, **paging)
            elif args.category:
                page = reader.articles_in_category(args.category, **paging)
            elif args.tag:
                page = reader.articles_with_tag(args.tag, **paging)
            elif args.author:
                page = reader.articles_by_author(args.author, **paging)
            elif args.scheduled:
                page = reader.scheduled_articles(**paging)
            else:
                page = reader.latest_articles(**paging)
        elif args.command == "issues":
            if args.id:
                item = reader.get_issue(args.id)
                return _emit(args, [item] if item else [], None, missing=not item)
            page = reader.issues(**paging)
        else:
            page = reader.rejected(**paging)
    except ValueError as exc:
        print(f"masthead {args.command}: {exc}", file=sys.stderr)
        return 2
    return _emit(args, page.items, page.cursor)


def _emit(args, items, cursor, missing: bool = False) -> int:
    if args.json:
        print(json.dumps({"items": items, "cursor": cursor}, ensure_ascii=False, indent=2))
    else:
        for item in items:
            if args.command == "rejected":
                print(f"{item['rejected_at']}  {item['key']}  {item['error']['code']}: {item['error']['message']}")
            elif args.command == "issues":
                print(
                    f"{item['issue_id']:<20} {item.get('released_on') or '':<10}  {item.get('title') or ''}  "
                    f"({item['article_count']} articles: {', '.join(item['categories'])})"
                )
            elif "visibility" in item and "published_at" not in item:  # --scheduled
                print(f"{item.get('releases_at') or '':<25}  {item['article_id']:<40}  {item['title']}")
            else:
                print(f"{(item.get('published_at') or '')[:10]:<10}  {item['article_id']:<40}  {item['title']}")
        if cursor:
            print(f"-- more: --cursor {cursor}")
    return 1 if missing else 0
