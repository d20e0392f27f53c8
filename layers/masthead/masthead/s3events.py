"""S3 event notifications as delivered through SQS: parsing, key decoding and ordering. Pure."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from urllib.parse import unquote_plus

from .errors import NotAnS3Event

SEQUENCER_WIDTH = 40


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
    if message.get("source") == "aws.s3" and "detail-type" in message:
        return _eventbridge_events(message)
    records = message.get("Records")
    if not isinstance(records, list):
        raise NotAnS3Event("message has no Records")
    events = []
    for record in records:
        if not isinstance(record, dict) or record.get("eventSource") != "aws:s3":
            raise NotAnS3Event("record is not from aws:s3")
        name = str(record.get("eventName", ""))
        action: Literal["created", "removed"]
        if name.startswith("ObjectCreated:"):
            action = "created"
        elif name.startswith("ObjectRemoved:"):
            action = "removed"
        else:
            continue  # restore, replication, lifecycle transitions: nothing for the index
        s3 = _mapping(record.get("s3"))
        obj = _mapping(s3.get("object"))
        raw_key = obj.get("key")
        bucket = _mapping(s3.get("bucket")).get("name")
        if not raw_key or not bucket:
            raise NotAnS3Event("record has no bucket or key")
        if not isinstance(raw_key, str) or not isinstance(bucket, str):
            raise NotAnS3Event("record's bucket or key is not a string")
        events.append(
            ObjectEvent(
                bucket=bucket,
                key=unquote_plus(raw_key),  # keys arrive form-URL-encoded: '+' is a space
                action=action,
                event_name=name,
                sequencer=_sequencer(obj.get("sequencer"), record.get("eventTime")),
                version_id=_text(obj.get("versionId")),
                etag=_text(obj.get("eTag")),
                size=_size(obj.get("size")),
                event_time=_text(record.get("eventTime")),
            )
        )
    return events


_EVENTBRIDGE_ACTIONS: dict[str, Literal["created", "removed"]] = {"Object Created": "created", "Object Deleted": "removed"}


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _size(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _eventbridge_events(message: dict) -> list[ObjectEvent]:
    """An S3 event delivered through EventBridge (bucket setting "Send notifications to EventBridge")."""
    action = _EVENTBRIDGE_ACTIONS.get(str(message.get("detail-type")))
    if action is None:
        return []  # restore, tagging, ACL and lifecycle events: nothing for the index
    detail = message.get("detail")
    if not isinstance(detail, dict):
        raise NotAnS3Event("EventBridge event has no detail")
    obj = _mapping(detail.get("object"))
    bucket = _mapping(detail.get("bucket")).get("name")
    raw_key = obj.get("key")
    if not isinstance(raw_key, str) or not raw_key or not isinstance(bucket, str) or not bucket:
        raise NotAnS3Event("EventBridge event has no bucket or key")
    sequencer = obj.get("sequencer")
    reason = detail.get("deletion-type") or detail.get("reason") or ""
    return [
        ObjectEvent(
            bucket=bucket,
            key=unquote_plus(raw_key),  # form-URL-encoded here too, as in the classic notification
            action=action,
            event_name=f"EventBridge:{message['detail-type']}:{reason}",
            sequencer=_sequencer(sequencer, message.get("time")),
            version_id=_text(obj.get("version-id")),
            etag=_text(obj.get("etag")),
            size=_size(obj.get("size")),
            event_time=_text(message.get("time")),
        )
    ]


def _sequencer(value, event_time) -> str:
    if isinstance(value, str) and value:
        if len(value) > SEQUENCER_WIDTH:
            raise NotAnS3Event(f"sequencer is longer than {SEQUENCER_WIDTH} hex digits")
        try:
            return normalise_sequencer(value)
        except ValueError:
            raise NotAnS3Event(f"sequencer is not hexadecimal: {value[:40]!r}") from None
    return sequencer_from_time(event_time if isinstance(event_time, str) else None)
