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
        if name.startswith("ObjectCreated:"):
            action = "created"
        elif name.startswith("ObjectRemoved:"):
            action = "removed"
        else:
            continue  # restore, replication, lifecycle transitions: nothing for the index
        s3 = record.get("s3") if isinstance(record.get("s3"), dict) else {}
        obj = s3.get("object") if isinstance(s3.get("object"), dict) else {}
        raw_key = obj.get("key")
        bucket = (s3.get("bucket") or {}).get("name") if isinstance(s3.get("bucket"), dict) else None
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
                version_id=obj.get("versionId") if isinstance(obj.get("versionId"), str) else None,
                etag=obj.get("eTag") if isinstance(obj.get("eTag"), str) else None,
                size=obj.get("size") if isinstance(obj.get("size"), int) else None,
                event_time=record.get("eventTime") if isinstance(record.get("eventTime"), str) else None,
            )
        )
    return events


_EVENTBRIDGE_ACTIONS = {"Object Created": "created", "Object Deleted": "removed"}


def _eventbridge_events(message: dict) -> list[ObjectEvent]:
    """An S3 event delivered through EventBridge (bucket setting "Send notifications to EventBridge")."""
    action = _EVENTBRIDGE_ACTIONS.get(str(message.get("detail-type")))
    if action is None:
        return []  # restore, tagging, ACL and lifecycle events: nothing for the index
    detail = message.get("detail")
    if not isinstance(detail, dict):
        raise NotAnS3Event("EventBridge event has no detail")
    obj = detail.get("object") if isinstance(detail.get("object"), dict) else {}
    bucket = (detail.get("bucket") or {}).get("name") if isinstance(detail.get("bucket"), dict) else None
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
            version_id=obj.get("version-id"),
            etag=obj.get("etag"),
            size=obj.get("size") if isinstance(obj.get("size"), int) else None,
            event_time=message.get("time") if isinstance(message.get("time"), str) else None,
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
