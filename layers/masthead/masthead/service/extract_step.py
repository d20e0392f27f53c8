"""The extract step: one S3 event notification (an ingest-queue message) -> index messages."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from pydantic import ValidationError

import masthead

from ..errors import ObjectGone, Unprocessable
from ..extract import ExtractOptions, ExtractResult, extract, reject, reject_too_large
from ..messages import IndexMessage, SourceObject
from ..model import Outcome
from ..ports import MessageSender, ObjectMeta, ObjectStore
from ..s3events import NotAnS3Event, ObjectEvent, parse_notification

log = logging.getLogger("masthead")


@dataclass
class ExtractStep:
    objects: ObjectStore
    index_queue: MessageSender
    options: ExtractOptions
    # The bucket this stack owns; an event for any other is refused (None: accept any, for tools).
    bucket: str | None = None

    def message_for(self, event: ObjectEvent, options: ExtractOptions | None = None) -> IndexMessage | None:
        """The index message for one S3 event; None when the object it names is already gone."""
        options = options or self.options
        source = SourceObject(bucket=event.bucket, key=event.key, version_id=event.version_id, etag=event.etag, size=event.size)
        if event.action == "removed":
            # In a versioned bucket, deleting a version for good can bring an older one back:
            # the key is gone only if nothing is left at it, else it now holds that version.
            try:
                data, meta = self.objects.read(event.bucket, event.key, None, options.max_bytes)
            except ObjectGone:
                return IndexMessage(action="delete", key=event.key, sequencer=event.sequencer, event_time=event.event_time, source=source)
            return self._extracted(event, source.model_copy(update={"etag": None, "size": None}), data, meta, options)
        if event.size is not None and event.size > options.max_bytes:
            return self._message(event, source, reject_too_large(event.key, options))  # not even downloaded
        try:
            data, meta = self.objects.read(event.bucket, event.key, event.version_id, options.max_bytes)
        except ObjectGone:
            # Deleted (or overwritten, unversioned) since the event: the later event carries the truth.
            log.info("object already gone; nothing to do for its create event", extra={"key": event.key, "version_id": event.version_id})
            return None
        if not event.version_id and event.etag and meta["etag"] and meta["etag"] != event.etag.strip('"'):
            log.info("object changed since this event; nothing to do, the newer event will index it", extra={"key": event.key})
            return None
        return self._extracted(event, source, data, meta, options)

    def _extracted(self, event: ObjectEvent, source: SourceObject, data: bytes, meta: ObjectMeta, options: ExtractOptions) -> IndexMessage:
        source = source.model_copy(update={k: v for k, v in meta.items() if v is not None})
        too_large = len(data) > options.max_bytes
        return self._message(event, source, reject_too_large(event.key, options) if too_large else extract(event.key, data, options))

    @staticmethod
    def _message(event: ObjectEvent, source: SourceObject, result: ExtractResult) -> IndexMessage:
        """The upsert message; the message checks the result against the contract's bounds. A result
        outside them is an extractor bug: the upload is recorded as rejected, not retried forever."""

        def message(extraction: Outcome) -> IndexMessage:
            return IndexMessage(
                action="upsert",
                key=event.key,
                sequencer=event.sequencer,
                event_time=event.event_time,
                source=source,
                extraction=extraction,
                extractor_version=masthead.EXTRACTOR_VERSION,
            )

        try:
            return message(result.metadata)
        except ValidationError as exc:
            log.error(
                "extraction broke the contract", extra={"key": event.key, "problems": exc.errors(include_url=False, include_input=False)}
            )
            return message(reject(event.key, "internal_error").metadata)

    def events(self, body: str) -> list[ObjectEvent]:
        """The object events of one ingest-queue message. Raises Unprocessable for a message that
        no retry can help: not an S3 event at all, or one about a bucket this stack does not own."""
        try:
            events = parse_notification(body)
        except NotAnS3Event as exc:
            raise Unprocessable(str(exc)) from None
        if not events:
            log.info("no object events in the message (an s3:TestEvent); nothing to do")
        foreign = sorted({e.bucket for e in events if self.bucket and e.bucket != self.bucket})
        if foreign:
            raise Unprocessable(f"the event is about bucket {foreign[0]!r}, which this stack does not own ({self.bucket!r})")
        return events

    def handle(self, events: list[ObjectEvent], seconds: float | None = None) -> list[IndexMessage]:
        """One ingest-queue message's events (see events()) -> their index messages (not yet sent;
        see send). `seconds` is what the message may take at most; each extraction gets its share."""
        options = self.options
        if seconds is not None and events:
            share = seconds / len(events)
            options = replace(options, time_budget=min(options.time_budget or share, share))
        return [m for m in (self.message_for(e, options) for e in events) if m is not None]

    def send(self, messages: list[tuple[str, IndexMessage]]) -> set[str]:
        """Queue (owner id, message) pairs for the index in as few requests as possible."""
        return self.index_queue.send_batch([(owner, m.model_dump_json()) for owner, m in messages])
