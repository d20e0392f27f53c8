"""The index's key schema: one table, one overloaded GSI. Pure; documented in docs/index.md.

Item types (PK / SK):
  ARTICLE#<article_id> / ARTICLE            the state of one article key (accepted, rejected or deleted)
  ARTICLE#<article_id> / LIST#<list>        one listing entry of that article (its summary), on GSI ByList
  MANIFEST#<manifest_id> / MANIFEST         the state of one issue-manifest key
  ISSUE#<issue_id> / ISSUE                  the issue: manifest fields plus exact aggregates
  RUN#<run_id> / RUN, RUN#<0..9>            a reindex run's progress counters

GSI ByList (GSI1PK / GSI1SK) partitions, each one access pattern:
  ISSUE#<issue_id>     articles of an issue      <position 5 digits>#<sort time>#<article_id>  (ascending)
  CATEGORY#<category>  articles in a category    <sort time>#<article_id>                      (newest first)
  TAG#<tag>            articles with a tag       <sort time>#<article_id>
  AUTHOR#<author>      articles by an author     <sort time>#<article_id>
  LATEST#<0..7>        latest articles, sharded  <sort time>#<article_id>  (8 partitions merged by the reader)
  ISSUES               issues                    <released_on>#<issue_id>                      (newest first)
  REJECTED             rejected uploads          <rejected at>#<key>                            (newest first)
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import UTC

from .visibility import instant

TABLE_PK = "PK"
TABLE_SK = "SK"
LIST_INDEX = "ByList"
LIST_PK = "GSI1PK"
LIST_SK = "GSI1SK"
TTL_ATTRIBUTE = "expires_at"

ARTICLE_SK = "ARTICLE"
MANIFEST_SK = "MANIFEST"
ISSUE_SK = "ISSUE"
LISTING_SK_PREFIX = "LIST#"
ISSUES_LIST = "ISSUES"
REJECTED_LIST = "REJECTED"
# Articles waiting for their release time (editors' view), soonest first.
SCHEDULED_LIST = "SCHEDULED"
# Spreads "latest articles" over this many partitions so no single partition takes every write.
# A reindex run's progress: items RUN#<run id> / RUN (ReindexFunction's counters, one ADD a batch)
# and RUN#<run id> / RUN#<n> (IndexFunction's, one ADD a message, spread over RUN_SHARDS items so
# a fast run stays under one item's write rate). Read together with one Query.
RUN_SK = "RUN"
RUN_SHARDS = 10
LATEST_SHARDS = 8
NO_POSITION = 99999
CATEGORY_COUNTER_PREFIX = "cat:"
# Deleted keys keep a tombstone (so an older, late event cannot resurrect them) for this long;
# S3 delivers events within minutes, so a month is far beyond any redelivery.
TOMBSTONE_SECONDS = 30 * 24 * 3600

# What every listing entry carries: enough to render a list without a second read.
SUMMARY_FIELDS = (
    "article_id",
    "key",
    "format",
    "title",
    "subtitle",
    "authors",
    "published_at",
    "updated_at",
    "category",
    "tags",
    "labels",
    "language",
    "issue_id",
    "position",
    "summary",
    "word_count",
    "reading_minutes",
    "release_at",
    "expiry_at",
)
ARTICLE_FIELDS = SUMMARY_FIELDS + ("headings", "references", "image_credits", "related_titles", "draft")
ISSUE_FIELDS = ("publication", "volume", "title", "released_on", "cover", "features", "description")
INTERNAL_FIELDS = (TABLE_PK, TABLE_SK, LIST_PK, LIST_SK, "type", "sort_time", TTL_ATTRIBUTE)


def facet(value: str) -> str:
    """How categories, tags and author names are matched: NFKC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())


def article_pk(article_id: str) -> str:
    return f"ARTICLE#{article_id}"


def manifest_pk(manifest_id: str) -> str:
    return f"MANIFEST#{manifest_id}"


def issue_pk(issue_id: str) -> str:
    return f"ISSUE#{issue_id}"


def run_pk(run_id: str) -> str:
    return f"RUN#{run_id}"


def run_shard_sk(key: str) -> str:
    """The progress item an S3 key's messages are counted on."""
    return f"{RUN_SK}#{int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % RUN_SHARDS}"


def issue_list(issue_id: str) -> str:
    return f"ISSUE#{issue_id}"


def category_list(category: str) -> str:
    return f"CATEGORY#{facet(category)}"


def tag_list(tag: str) -> str:
    return f"TAG#{facet(tag)}"


def author_list(author: str) -> str:
    return f"AUTHOR#{facet(author)}"


def latest_list(shard: int) -> str:
    return f"LATEST#{shard}"


def latest_shard(article_id: str) -> int:
    return int(hashlib.sha256(article_id.encode()).hexdigest()[:8], 16) % LATEST_SHARDS


def utc_sort_time(iso: str | None) -> str | None:
    """ISO 8601 with any offset -> UTC 'YYYY-MM-DDTHH:MM:SSZ', which sorts as text."""
    moment = instant(iso)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


# DynamoDB allows 1,024 bytes in a sort key (2,048 in a partition key); S3 allows 1,024 in a key.
SORT_KEY_BYTES = 1024


def bounded_key(value: str, limit: int = SORT_KEY_BYTES) -> str:
    """`value` if it fits in `limit` UTF-8 bytes, else its head and a hash of the whole (still unique,
    still sorting by the head)."""
    encoded = value.encode("utf-8")
    if len(encoded) <= limit:
        return value
    digest = hashlib.sha256(encoded).hexdigest()[:16]
    head = encoded[: limit - len(digest) - 2].decode("utf-8", "ignore")
    return f"{head}#~{digest}"


def rejected_sort_key(rejected_at: str, key: str) -> str:
    return bounded_key(f"{rejected_at}#{key}")


def category_counter(category: str) -> str:
    return f"{CATEGORY_COUNTER_PREFIX}{category}"


def categories_of(issue_item: dict) -> list[str]:
    """The categories present in an issue: its counters that are above zero."""
    return sorted(
        name[len(CATEGORY_COUNTER_PREFIX) :]
        for name, count in issue_item.items()
        if name.startswith(CATEGORY_COUNTER_PREFIX) and int(count) > 0
    )


def is_public(doc: dict | None) -> bool:
    """Whether an article document is in the public lists: accepted, and neither waiting for its
    release, expired nor a draft (items written before scheduling existed have no visibility)."""
    return doc is not None and doc.get("status") == "accepted" and doc.get("visibility", "public") == "public"


def scheduled_sort_key(release_at: str, article_id: str) -> str:
    return f"{utc_sort_time(release_at)}#{article_id}"


def listing_entries(doc: dict) -> dict[str, dict]:
    """The listing items a public article document has, by sort key (SK)."""
    if not is_public(doc):
        return {}
    article_id = doc["article_id"]
    sort_time = doc["sort_time"]
    ordered = f"{sort_time}#{article_id}"
    lists: dict[str, str] = {latest_list(latest_shard(article_id)): ordered}
    if doc.get("issue_id"):
        position = doc.get("position")
        position = NO_POSITION if position is None else int(position)
        lists[issue_list(doc["issue_id"])] = f"{position:05d}#{ordered}"
    if doc.get("category"):
        lists[category_list(doc["category"])] = ordered
    for tag in doc.get("tags") or []:
        lists.setdefault(tag_list(tag), ordered)
    for author in doc.get("authors") or []:
        lists.setdefault(author_list(author), ordered)
    summary = {field: doc.get(field) for field in SUMMARY_FIELDS}
    return {
        f"{LISTING_SK_PREFIX}{name}": {
            TABLE_PK: doc[TABLE_PK],
            TABLE_SK: f"{LISTING_SK_PREFIX}{name}",
            LIST_PK: name,
            LIST_SK: sort_value,
            "type": "listing",
            "sort_time": sort_time,
            **summary,
        }
        for name, sort_value in lists.items()
    }


def public_view(item: dict) -> dict:
    """An item as readers see it: without key attributes and bookkeeping."""
    return {k: v for k, v in item.items() if k not in INTERNAL_FIELDS and not k.startswith(CATEGORY_COUNTER_PREFIX)}
