"""S3 event notifications as delivered through SQS: parsing, key decoding and ordering. Pure."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from urllib.parse import unquote_plus

SEQUENCER_WIDTH = 40


class NotAnS3Event(ValueError):
    """The message is not an S3 event notification (and is not a test event either)."""


@dataclass(frozen=True)
class ObjectEvent:
    bucket: str
    key: str
    action: Literal["created", "removed"]
    event_name: str
    sequencer: str
    version_id: str | None = None
    etag: str | None = None
    size: int | None = None
    event_time: str | None = None


def normalise_sequencer(value: str) -> str:
    """S3 sequencers are hex strings of varying length; comparable once right-padded with zeros."""
    value = value.strip().upper()
    int(value, 16)  # raises ValueError for anything that is not hex
    return value.ljust(SEQUENCER_WIDTH, "0")


def sequencer_from_time(event_time: str | None) -> str:
    """For events without a sequencer (hand-made test events): order them by eventTime instead."""
    try:
        moment = datetime.fromisoformat((event_time or "").replace("Z", "+00:00"))
    except ValueError:
        return "0" * SEQUENCER_WIDTH
    return f"{int(moment.timestamp() * 1_000_000):X}".rjust(16, "0").ljust(SEQUENCER_WIDTH, "0")


def is_newer(candidate: str, stored: str | None) -> bool:
    """True when `candidate` is a later change to the key than `stored` (both normalised)."""
    return stored is None or normalise_sequencer(candidate) > normalise_sequencer(stored)


def parse_notification(body: str | dict) -> list[ObjectEvent]:
    """The object events in one SQS message body. [] for s3:TestEvent. Raises NotAnS3Event."""
    try:
        message = json.loads(body) if isinstance(body, str) else body
    except json.JSONDecodeError as exc:
        raise NotAnS3Event(f"message body is not JSON: {exc.msg}") from None
    if isinstance(message, dict) and message.get("Type") == "Notification" and "Message" in message:
        return parse_notification(message["Message"])  # S3 -> SNS -> SQS fan-out
    if not isinstance(message, dict):
        raise NotAnS3Event("message body is not a JSON object")
    if message.get("Event") == "s3:TestEvent":
        return []
    records = message.get("Records")
    if not isinstance(records, list):
        raise NotAnS3Event("message has no Records")
    events = []
    for record in records:
        if not isinstance(record, dict) or record.get("eventSource") != "aws:s3":
            raise NotAnS3Event("record is not from aws:s3")
        name = str(record.get("eventName", ""))
        if name.startswith("ObjectCreated:"):
            action = "created"
        elif name.startswith("ObjectRemoved:"):
            action = "removed"
        else:
            continue  # restore, replication, lifecycle transitions: nothing for the index
        s3 = record.get("s3") or {}
        obj = s3.get("object") or {}
        raw_key = obj.get("key")
        bucket = (s3.get("bucket") or {}).get("name")
        if not raw_key or not bucket:
            raise NotAnS3Event("record has no bucket or key")
        sequencer = obj.get("sequencer")
        events.append(
            ObjectEvent(
                bucket=bucket,
                key=unquote_plus(raw_key),  # keys arrive form-URL-encoded: '+' is a space
                action=action,
                event_name=name,
                sequencer=normalise_sequencer(sequencer) if sequencer else sequencer_from_time(record.get("eventTime")),
                version_id=obj.get("versionId"),
                etag=obj.get("eTag"),
                size=obj.get("size"),
                event_time=record.get("eventTime"),
            )
        )
    return events


def correlation_key(body: str) -> str | None:
    """The S3 key an ingest- or index-queue message is about, for log correlation. Never raises."""
    try:
        data = json.loads(body)
        if isinstance(data, dict) and isinstance(data.get("key"), str):
            return data["key"]
        events = parse_notification(data)
        return events[0].key if events else None
    except Exception:  # noqa: BLE001 - logging must not fail the record
        return None
