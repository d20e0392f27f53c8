"""The reindex step: a batch of the bucket's listing (from the state machine's Distributed Map) ->
the stored version of each key extracted again, queued for the index like an upload.

Each message carries the stored item's sequencer and the run's id, so the index step replaces only
that version, and only when the extraction came out different (index/plan.py). A key with no item
(its events were lost, or it was never indexed) gets sequencer "0": any real event for it wins.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

import masthead

from ..errors import Unprocessable
from ..ids import is_pipeline_key
from ..index.plan import Plan, doc_key, run_checked
from ..ports import IndexStore
from ..s3events import ObjectEvent
from .extract_step import ExtractStep

log = logging.getLogger("masthead")

# The sequencer of a key the index has never seen: older than any S3 event's.
NEVER_INDEXED = "0"


class ListedObject(BaseModel):
    """One entry of the bucket listing (S3 ListObjectsV2's Contents, as Step Functions passes it)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    key: str = Field(alias="Key")
    etag: str | None = Field(None, alias="ETag")
    size: int | None = Field(None, alias="Size")


class ReindexBatch(BaseModel):
    """What one invocation is asked to do: the run, and its share of the listing."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    run_id: str = Field(min_length=1, max_length=80)
    outdated_only: bool = False
    items: list[ListedObject] = Field(max_length=1000)


def parse_batch(event: Any) -> ReindexBatch:
    """The invocation's input: an ItemBatcher batch ({"Items": [...], "BatchInput": {...}}), or a
    single listing entry with its "BatchInput" beside it (where the map runs without a batcher)."""
    if not isinstance(event, dict):
        raise Unprocessable("not a reindex batch: not a JSON object")
    batch_input = event.get("BatchInput")
    items = event.get("Items") if "Items" in event else [{k: v for k, v in event.items() if k != "BatchInput"}]
    try:
        return ReindexBatch.model_validate({**(batch_input if isinstance(batch_input, dict) else {}), "items": items})
    except ValidationError as exc:
        raise Unprocessable(f"not a reindex batch: {exc.error_count()} problem(s), first: {exc.errors()[0]['msg']}") from None


@dataclass
class ReindexStep:
    extract: ExtractStep  # reads and extracts as the upload path does, and sends to the index queue
    store: IndexStore
    bucket: str

    def handle(self, batch: ReindexBatch, seconds: float | None = None) -> Counter[str]:
        """Queue a new extraction of each listed key that needs one; returns what happened to the
        keys (checked, sent, and why the others were skipped), also ADDed to the run's progress.
        Raises when a message could not be queued: the state machine retries the whole batch (a
        key sent twice is indexed once)."""
        counts: Counter[str] = Counter(checked=len(batch.items))
        events = []
        for item in batch.items:
            event, skipped = self._event_for(item, batch.outdated_only)
            if event is None:
                counts[f"skipped_{skipped}"] += 1
            else:
                events.append(event)
        messages = [m.model_copy(update={"reindex_run": batch.run_id}) for m in self.extract.handle(events, seconds)]
        counts["skipped_gone"] += len(events) - len(messages)
        refused = self.extract.send([(str(n), m) for n, m in enumerate(messages)])
        if refused:
            raise RuntimeError(f"the index queue refused {len(refused)} of {len(messages)} messages")
        counts["sent"] = len(messages)
        self.store.apply(Plan("progress", (run_checked(batch.run_id, +counts),)))
        return +counts

    def _event_for(self, item: ListedObject, outdated_only: bool) -> tuple[ObjectEvent | None, str]:
        """The upload event that stands for the stored version of a listed key, or None and why it
        is skipped: outside the pipeline's folders, read by this extractor already, deleted, or
        replaced by an upload whose own event is on its way (that event indexes it)."""
        if not is_pipeline_key(item.key):
            return None, "elsewhere"
        current = self.store.get(doc_key(item.key))
        if current is None:
            return self._event(item, NEVER_INDEXED, None, item.etag, None), ""
        if outdated_only and current.get("extractor_version") == masthead.EXTRACTOR_VERSION:
            return None, "current"
        if current.get("status") == "deleted":
            return None, "deleted"
        source = current.get("source") or {}
        stored_etag = (source.get("etag") or "").strip('"') or None
        if stored_etag and item.etag and stored_etag != item.etag.strip('"'):
            return None, "pending"  # the listing shows another version than the index: its event is on its way
        return self._event(item, current["sequencer"], source.get("version_id"), stored_etag or item.etag, current.get("event_time")), ""

    def _event(self, item: ListedObject, sequencer: str, version_id: str | None, etag: str | None, event_time: str | None) -> ObjectEvent:
        return ObjectEvent(
            bucket=self.bucket,
            key=item.key,
            action="created",
            event_name="Reindex",
            sequencer=sequencer,
            version_id=version_id,
            etag=etag.strip('"') if etag else None,
            size=item.size if version_id is None else None,
            event_time=event_time,
        )
