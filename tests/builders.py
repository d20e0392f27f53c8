"""Test data every layer shares: repository paths, events/ files, index messages and the stored
items they plan, S3 notifications and stream records. One place, so no test module imports another."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from urllib.parse import quote_plus

from masthead.contract import validated
from masthead.index import schema as s
from masthead.index.plan import Plan, Put
from masthead.messages import IndexMessage, SourceObject
from masthead.model import ArticleMetadata, Rejection, RejectionError

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "template.yaml"
SAMPLES = ROOT / "samples"
EVENTS = ROOT / "events"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"

# Tests that need the extraction budget to stop an upload give the slow page a budget well below
# its time and well above a short Markdown file's (milliseconds).
SLOW_PAGE_BUDGET_SECONDS = "0.05"


def slow_page() -> bytes:
    """An article as slow to extract as the upload limits let a page be: 39,000 paragraphs, just
    under the 80,000-tag limit; about 0.2-0.3 s on a 2-core laptop."""
    paragraphs = "".join(f"<p>Paragraph {i} of a long article that goes on, with words enough to weigh.</p>" for i in range(39_000))
    return f"<html><head><title>Slow</title></head><body><h1>Slow</h1>{paragraphs}</body></html>".encode()


NOTIFICATION_SCHEMA = json.loads(resources.files("masthead").joinpath("schemas/notification.schema.json").read_text())


def load_event(name: str) -> dict:
    """One of the events/ files that `sam local invoke` uses."""
    return json.loads((EVENTS / name).read_text(encoding="utf-8"))


def article(
    key: str = "articles/a/x.md", title: str = "T", issue: str | None = "iolite-vol-1", category: str | None = "News", **fields
) -> ArticleMetadata:
    values = {
        "key": key,
        "format": "markdown",
        "article_id": "x",
        "title": title,
        "authors": ["Ann"],
        "published_at": "2024-01-02T00:00:00+09:00",
        "category": category,
        "tags": ["t1"],
        "language": "en",
        "issue_id": issue,
        "summary": "s",
        "word_count": 1,
        "reading_minutes": 1,
        **fields,
    }
    return validated(ArticleMetadata(**values))  # checked as an index message would check it


def rejection(key: str = "articles/a/x.md", code: str = "empty_file", message: str = "Empty.") -> Rejection:
    return Rejection(key=key, error=RejectionError(code=code, message=message))


def message(
    key: str = "articles/a/x.md",
    seq: str = "0A",
    action: str = "upsert",
    title: str = "T",
    issue: str | None = "iolite-vol-1",
    category: str | None = "News",
    sha: str = "s1",
    extraction: ArticleMetadata | Rejection | None = None,
    **fields,
) -> IndexMessage:
    """An index message for `key` at sequencer `seq` (right-padded as S3's are compared)."""
    if action == "upsert" and extraction is None:
        extraction = article(key, title, issue, category, **fields)
    return IndexMessage.model_validate(
        {
            "action": action,
            "key": key,
            "sequencer": seq.ljust(40, "0"),
            "source": SourceObject(bucket="b", key=key, sha256=sha),
            "extraction": extraction if action == "upsert" else None,
        }
    )


def stored_after(plan: Plan) -> dict:
    """The document item the plan writes (what the next plan will read)."""
    return next(op.item for op in plan.ops if isinstance(op, Put) and op.item[s.TABLE_SK] in (s.ARTICLE_SK, s.MANIFEST_SK))


def s3_notification(
    key: str, bucket: str = "masthead-uploads", action: str = "ObjectCreated:Put", sequencer: str = "0A", **object_fields
) -> str:
    """An ingest-queue message body as S3 sends it: one record, the key form-URL-encoded."""
    obj = {"key": quote_plus(key, safe="/"), "sequencer": sequencer, **object_fields}
    record = {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "eventTime": "2024-04-01T00:00:00.000Z",
        "eventName": action,
        "s3": {"bucket": {"name": bucket}, "object": obj},
    }
    return json.dumps({"Records": [record]})


def sqs_event(*bodies: str) -> dict:
    """A Lambda SQS event holding `bodies`, message ids m0, m1, ..."""
    return {"Records": [{"messageId": f"m{n}", "body": body, "eventSource": "aws:sqs"} for n, body in enumerate(bodies)]}


def stream_event(*changes: tuple[dict | None, dict | None]) -> dict:
    """A Lambda DynamoDB stream event of (old item, new item) changes, sequence numbers 1, 2, ..."""
    from masthead.adapters.dynamodb import to_attributes

    records = []
    for n, (old, new) in enumerate(changes, start=1):
        images: dict = {"SequenceNumber": str(n), "StreamViewType": "NEW_AND_OLD_IMAGES"}
        if old is not None:
            images["OldImage"] = to_attributes(old)
        if new is not None:
            images["NewImage"] = to_attributes(new)
        name = "INSERT" if old is None else "REMOVE" if new is None else "MODIFY"
        records.append({"eventID": str(n), "eventName": name, "eventSource": "aws:dynamodb", "dynamodb": images})
    return {"Records": records}
