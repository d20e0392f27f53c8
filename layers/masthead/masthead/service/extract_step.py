"""The extract step: one S3 event notification (an ingest-queue message) -> index messages."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from .. import EXTRACTOR_VERSION
from ..adapters.aws import ObjectGone, S3Objects, SqsSender
from ..extract import ExtractOptions, extract, reject_too_large
from ..messages import IndexMessage, SourceObject
from ..s3events import ObjectEvent, parse_notification

log = logging.getLogger("masthead")


@dataclass
class ExtractStep:
    objects: S3Objects
    index_queue: SqsSender
    options: ExtractOptions

    def message_for(self, event: ObjectEvent) -> IndexMessage | None:
        """The index message for one S3 event; None when the object it names is already gone."""
        source = SourceObject(bucket=event.bucket, key=event.key, version_id=event.version_id, etag=event.etag, size=event.size)
        if event.action == "removed":
            # In a versioned bucket, deleting a version for good can bring an older one back:
            # the key is gone only if nothing is left at it, else it now holds that version.
            try:
                data, meta = self.objects.read(event.bucket, event.key, None, self.options.max_bytes)
            except ObjectGone:
                return IndexMessage(action="delete", key=event.key, sequencer=event.sequencer, event_time=event.event_time, source=source)
            return self._extracted(event, source.model_copy(update={"etag": None, "size": None}), data, meta)
        if event.size is not None and event.size > self.options.max_bytes:
            return self._message(event, source, reject_too_large(event.key, self.options))  # not even downloaded
        try:
            data, meta = self.objects.read(event.bucket, event.key, event.version_id, self.options.max_bytes)
        except ObjectGone:
            # Deleted (or overwritten, unversioned) since the event: the later event carries the truth.
            log.info("object already gone; skipping its create event", extra={"key": event.key})
            return None
        if not event.version_id and event.etag and meta["etag"] and meta["etag"] != event.etag.strip('"'):
            log.info("object changed since this event; the newer event will index it", extra={"key": event.key})
            return None
        return self._extracted(event, source, data, meta)

    def _extracted(self, event: ObjectEvent, source: SourceObject, data: bytes, meta: dict) -> IndexMessage:
        source = source.model_copy(update={k: v for k, v in meta.items() if v is not None})
        too_large = len(data) > self.options.max_bytes
        return self._message(event, source, reject_too_large(event.key, self.options) if too_large else extract(event.key, data, self.options))

    @staticmethod
    def _message(event: ObjectEvent, source: SourceObject, result) -> IndexMessage:
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
