"""The typed index reader: every access pattern of docs/index.md, each a Query or GetItem (never a Scan).

reader = IndexReader(boto3.client("dynamodb"), "masthead-prod-IndexTable-XXXX")
page = reader.articles_in_category("Tax", limit=20)
page.items, page.cursor   # pass cursor=page.cursor for the next page
"""

from __future__ import annotations

import base64
import heapq
import json
from dataclasses import dataclass

from masthead.adapters.dynamodb import from_attributes, to_attributes
from masthead.index import schema as s
from masthead.index.views import issue_view, to_json_types


@dataclass(frozen=True)
class Page:
    items: list[dict]
    cursor: str | None = None


def _encode(value) -> str | None:
    if value is None:
        return None
    return base64.urlsafe_b64encode(json.dumps(value, separators=(",", ":"), default=str).encode()).decode()


def _decode(cursor: str | None):
    if not cursor:
        return None
    try:
        return json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, json.JSONDecodeError):
        raise ValueError("invalid cursor") from None


class IndexReader:
    def __init__(self, client, table_name: str) -> None:
        self.client = client
        self.table = table_name

    # --- single items ---------------------------------------------------------------------------
    def get_article(self, article_id: str) -> dict | None:
        """The article with all its fields, or None (unknown, deleted, or rejected)."""
        response = self.client.get_item(
            TableName=self.table, Key=to_attributes({s.TABLE_PK: s.article_pk(article_id), s.TABLE_SK: s.ARTICLE_SK})
        )
        item = from_attributes(response["Item"]) if response.get("Item") else None
        if not item or item.get("status") != "accepted":
            return None
        return to_json_types(
            {k: v for k, v in s.public_view(item).items() if k not in ("fingerprint", "first_indexed_at", "event_time", "type")}
        )

    def get_issue(self, issue_id: str) -> dict | None:
        """The issue's manifest fields with its aggregates (article_count, categories)."""
        response = self.client.get_item(TableName=self.table, Key=to_attributes({s.TABLE_PK: s.issue_pk(issue_id), s.TABLE_SK: s.ISSUE_SK}))
        if not response.get("Item"):
            return None
        item = from_attributes(response["Item"])
        if not item.get("manifest_key") and not int(item.get("article_count") or 0):
            return None
        return issue_view(item)

    # --- listings -------------------------------------------------------------------------------
    def _query_list(self, partition: str, limit: int, cursor: str | None, newest_first: bool) -> Page:
        args = {
            "TableName": self.table,
            "IndexName": s.LIST_INDEX,
            "KeyConditionExpression": "#pk = :pk",
            "ExpressionAttributeNames": {"#pk": s.LIST_PK},
            "ExpressionAttributeValues": {":pk": {"S": partition}},
            "ScanIndexForward": not newest_first,
            "Limit": limit,
        }
        start = _decode(cursor)
        if start:
            args["ExclusiveStartKey"] = start
        response = self.client.query(**args)
        items = [from_attributes(i) for i in response.get("Items", [])]
        return Page(items, _encode(response.get("LastEvaluatedKey")))

    def _articles(self, partition: str, limit: int, cursor: str | None, newest_first: bool = True) -> Page:
        page = self._query_list(partition, limit, cursor, newest_first)
        return Page([to_json_types(s.public_view(i)) for i in page.items], page.cursor)

    def articles_in_issue(self, issue_id: str, limit: int = 50, cursor: str | None = None) -> Page:
        """In the issue's order (the articles' `position`), then by date, oldest first."""
        return self._articles(s.issue_list(issue_id), limit, cursor, newest_first=False)

    def articles_in_category(self, category: str, limit: int = 20, cursor: str | None = None) -> Page:
        return self._articles(s.category_list(category), limit, cursor)

    def articles_with_tag(self, tag: str, limit: int = 20, cursor: str | None = None) -> Page:
        return self._articles(s.tag_list(tag), limit, cursor)

    def articles_by_author(self, author: str, limit: int = 20, cursor: str | None = None) -> Page:
        return self._articles(s.author_list(author), limit, cursor)

    def latest_articles(self, limit: int = 20, cursor: str | None = None) -> Page:
        """Newest first across everything: one Query per shard, merged; the cursor holds each shard's place."""
        state = _decode(cursor) or {}
        heads = []
        pages = {}
        for shard in range(s.LATEST_SHARDS):
            shard_state = state.get(str(shard), {})
            if shard_state.get("done"):
                continue
            start = shard_state.get("start")
            page = self._query_list(s.latest_list(shard), limit, _encode(to_attributes(start)) if start else None, newest_first=True)
            pages[shard] = page
            for position, item in enumerate(page.items):
                heads.append((item[s.LIST_SK], shard, position, item))
        chosen = heapq.nlargest(limit, heads, key=lambda h: h[0])
        taken: dict[int, int] = {}
        for _, shard, position, _item in chosen:
            taken[shard] = max(taken.get(shard, -1), position)
        next_state = {}
        more = False
        for shard in range(s.LATEST_SHARDS):
            previous = state.get(str(shard), {})
            if previous.get("done"):
                next_state[str(shard)] = previous
                continue
            page = pages[shard]
            if shard in taken:
                last = page.items[taken[shard]]
                if taken[shard] == len(page.items) - 1 and page.cursor is None:
                    next_state[str(shard)] = {"done": True}
                else:
                    next_state[str(shard)] = {"start": {k: last[k] for k in (s.TABLE_PK, s.TABLE_SK, s.LIST_PK, s.LIST_SK)}}
                    more = True
            elif page.items:
                next_state[str(shard)] = previous
                more = True
            else:
                next_state[str(shard)] = {"done": True}
        items = [to_json_types(s.public_view(h[3])) for h in chosen]
        return Page(items, _encode(next_state) if more else None)

    def scheduled_articles(self, limit: int = 20, cursor: str | None = None) -> Page:
        """Articles waiting for their release time, soonest first (for editors: in no public list)."""
        page = self._query_list(s.SCHEDULED_LIST, limit, cursor, newest_first=False)
        fields = ("article_id", "key", "title", "authors", "category", "issue_id", "release_at", "expiry_at", "visibility")
        items = []
        for item in page.items:
            # `releases_at`: its own release time, or its issue's when it follows the issue.
            releases_at = item.get("release_at") or item.get("issue_release_at")
            items.append(to_json_types({**{f: item.get(f) for f in fields}, "releases_at": releases_at}))
        return Page(items, page.cursor)

    def issues(self, limit: int = 20, cursor: str | None = None) -> Page:
        """Issues with a manifest, newest release first."""
        page = self._query_list(s.ISSUES_LIST, limit, cursor, newest_first=True)
        return Page([issue_view(i) for i in page.items], page.cursor)

    def rejected(self, limit: int = 20, cursor: str | None = None) -> Page:
        """Rejected uploads with their reasons, most recent first."""
        page = self._query_list(s.REJECTED_LIST, limit, cursor, newest_first=True)
        return Page(
            [
                to_json_types(
                    {
                        "key": i["key"],
                        "status": "rejected",
                        "error": i["error"],
                        "rejected_at": i.get("rejected_at"),
                        "kind": "issue" if i.get("type") == "manifest" else "article",
                    }
                )
                for i in page.items
            ],
            page.cursor,
        )

    def all_pages(self, method, *args, limit: int = 100):
        """Every item of a listing, following cursors."""
        cursor = None
        while True:
            page = method(*args, limit=limit, cursor=cursor)
            yield from page.items
            if not page.cursor:
                return
            cursor = page.cursor
