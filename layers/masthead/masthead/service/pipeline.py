"""The three steps of the pipeline, each over injected adapters (real boto3 ones, moto, or fakes).

Handlers parse the Lambda event and call these; these call the pure domain (extract, plan,
notify) and the adapters. Per-record failures raise, so the handler reports them as batch item
failures; bad *content* never raises: it becomes a rejection.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from .. import EXTRACTOR_VERSION
from ..adapters.aws import ObjectGone, S3Objects, SnsPublisher, SqsSender
from ..adapters.dynamodb import ConcurrentChange, DynamoIndexStore, from_attributes
from ..extract import ExtractOptions, extract, reject_too_large
from ..index.plan import Plan, doc_key, plan_change
from ..messages import IndexMessage, SourceObject
from ..notify import Notification, notifications_for
from ..s3events import ObjectEvent, parse_notification

log = logging.getLogger("masthead")


@dataclass
class ExtractStep:
    objects: S3Objects
    index_queue: SqsSender
    options: ExtractOptions

    def message_for(self, event: ObjectEvent) -> IndexMessage | None:
        """The index message for one S3 event; None when the object is already gone."""
        source = SourceObject(bucket=event.bucket, key=event.key, version_id=event.version_id, etag=event.etag, size=event.size)
        if event.action == "removed":
            return IndexMessage(action="delete", key=event.key, sequencer=event.sequencer, event_time=event.event_time, source=source)
        if event.size is not None and event.size > self.options.max_bytes:
            result = reject_too_large(event.key, self.options)  # not even downloaded
        else:
            try:
                data, meta = self.objects.read(event.bucket, event.key, event.version_id, self.options.max_bytes)
            except ObjectGone:
                # Deleted (or overwritten, unversioned) since the event: the later event carries the truth.
                log.info("object already gone; skipping its create event", extra={"key": event.key})
                return None
            if not event.version_id and event.etag and meta["etag"] and meta["etag"] != event.etag.strip('"'):
                log.info("object changed since this event; the newer event will index it", extra={"key": event.key})
                return None
            source = source.model_copy(update={k: v for k, v in meta.items() if v is not None})
            result = extract(event.key, data, self.options)
        return IndexMessage(
            action="upsert",
            key=event.key,
            sequencer=event.sequencer,
            event_time=event.event_time,
            source=source,
            extraction=result.as_dict(),
            extractor_version=EXTRACTOR_VERSION,
        )

    def handle(self, body: str) -> list[IndexMessage]:
        """One SQS message from the ingest queue: extract every object event, queue the results."""
        messages = [m for m in (self.message_for(e) for e in parse_notification(body)) if m is not None]
        self.index_queue.send_all([m.model_dump_json() for m in messages])
        return messages


@dataclass
class IndexStep:
    store: DynamoIndexStore
    max_attempts: int = 5

    def handle(self, body: str) -> Plan:
        """One index message: plan against the stored state and write; re-plan if a writer raced us."""
        message = IndexMessage.model_validate_json(body)
        key = doc_key(message.key)
        for _ in range(self.max_attempts):
            plan = plan_change(message, self.store.get(key))
            try:
                self.store.apply(plan)
                return plan
            except ConcurrentChange:
                continue
        raise ConcurrentChange(f"{message.key}: still contended after {self.max_attempts} attempts")


@dataclass
class NotifyStep:
    topic: SnsPublisher

    @staticmethod
    def notifications(record: dict) -> list[Notification]:
        images = record.get("dynamodb") or {}
        old = from_attributes(images["OldImage"]) if images.get("OldImage") else None
        new = from_attributes(images["NewImage"]) if images.get("NewImage") else None
        return notifications_for(old, new)

    def handle(self, record: dict) -> list[Notification]:
        """One DynamoDB stream record: publish its notifications (none for a non-change)."""
        sent = self.notifications(record)
        for notification in sent:
            self.topic.publish(notification.body, notification.attributes)
        return sent


def message_key(body: str) -> str | None:
    """The S3 key an SQS body is about, for log correlation (best effort, never raises)."""
    try:
        data = json.loads(body)
        if "key" in data:
            return data["key"]
        events = parse_notification(data)
        return events[0].key if events else None
    except Exception:  # noqa: BLE001
        return None
