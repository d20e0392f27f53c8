"""Reindexing in plain data: the planner's rules for a stored version extracted again, the batch the
state machine hands ReindexFunction, and the reindex step over fakes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

import masthead
from masthead.errors import Unprocessable
from masthead.extract import ExtractOptions
from masthead.ids import article_id_for_key
from masthead.index import schema as s
from masthead.index.plan import Put, Update, doc_key, plan_change
from masthead.messages import IndexMessage
from masthead.notify import notifications_for
from masthead.service.extract_step import ExtractStep
from masthead.service.index_step import IndexStep
from masthead.service.reindex_step import NEVER_INDEXED, ReindexStep, parse_batch
from tests.builders import message, rejection, stored_after
from tests.fakes import FakeIndexStore, FakeObjects, FakeQueue

NOW = datetime(2026, 1, 1, tzinfo=UTC)
KEY = "articles/a/x.md"


def _again(original: IndexMessage, run: str = "run-1", version: str = "v2", **changes) -> IndexMessage:
    """`original`'s version extracted again by a reindex run (what ReindexFunction sends)."""
    extraction = replace(original.extraction, **changes) if changes else original.extraction
    return original.model_copy(update={"extraction": extraction, "reindex_run": run, "extractor_version": version})


def _stored(first: IndexMessage) -> dict:
    return stored_after(plan_change(first.model_copy(update={"extractor_version": "v1"}), None, NOW))


def test_a_changed_extraction_of_the_stored_version_updates_it_and_is_announced_as_an_update():
    first = message(KEY, seq="0A")
    stored = _stored(first)
    plan = plan_change(_again(first, tags=["t1", "new"]), stored, NOW)
    assert plan.outcome == "updated"
    after = stored_after(plan)
    assert after["tags"] == ["t1", "new"] and after["extractor_version"] == "v2" and after["reindex_run"] == "run-1"
    assert after["first_indexed_at"] == stored["first_indexed_at"]
    (update,) = notifications_for(stored, after)
    assert update.event_type == "article.updated" and update.body["changed_fields"] == ["tags"]


def test_the_same_extraction_moves_only_the_extractor_version_and_announces_nothing():
    first = message(KEY, seq="0A")
    stored = _stored(first)
    plan = plan_change(_again(first), stored, NOW)
    assert plan.outcome == "unchanged"
    (put,) = plan.ops
    assert put.item == {**stored, "extractor_version": "v2", "reindex_run": "run-1", "source": put.item["source"]}
    assert notifications_for(stored, put.item) == []
    # ... and a second run with the same extractor writes nothing at all.
    assert plan_change(_again(first, run="run-2"), put.item, NOW).outcome == "duplicate"
    assert plan_change(_again(first, run="run-2"), put.item, NOW).ops == ()


@pytest.mark.parametrize("stored_seq", ["0B", "09"], ids=["newer-upload-stored", "older-version-stored"])
def test_a_reindex_message_never_replaces_another_version(stored_seq):
    stored = _stored(message(KEY, seq=stored_seq, title="Stored"))
    plan = plan_change(_again(message(KEY, seq="0A"), tags=["new"]), stored, NOW)
    assert (plan.outcome, plan.ops) == ("stale", ())


def test_a_deleted_key_is_not_brought_back():
    stored = _stored(message(KEY, seq="0A"))
    tombstone = stored_after(plan_change(message(KEY, seq="0B", action="delete"), stored, NOW))
    again = _again(message(KEY, seq="0B"), tags=["new"])
    assert plan_change(again, tombstone, NOW).outcome == "stale"


def test_an_upload_an_older_extractor_rejected_is_published_once_the_new_one_accepts_it():
    rejected = _stored(message(KEY, seq="0A", extraction=rejection(KEY, "no_body")))
    accepted = _again(message(KEY, seq="0A"))
    plan = plan_change(accepted, rejected, NOW)
    assert plan.outcome == "published"
    (published,) = notifications_for(rejected, stored_after(plan))
    assert published.event_type == "article.published"


def test_a_key_never_indexed_is_indexed_at_the_oldest_version_and_its_own_event_still_wins():
    never = message(KEY, seq=NEVER_INDEXED).model_copy(update={"sequencer": NEVER_INDEXED})
    first = plan_change(_again(never), None, NOW)
    assert first.outcome == "published"
    upload = message(KEY, seq="01", title="From its own event")
    assert plan_change(upload, stored_after(first), NOW).outcome == "updated"


def test_a_reindex_notification_has_an_event_id_of_its_own():
    """Consumers deduplicate on event_id: a run's update of a version is not a repeat of the
    update that version's upload made."""
    stored = _stored(message(KEY, seq="0A"))
    upload = message(KEY, seq="0B", tags=["x"])
    by_upload = stored_after(plan_change(upload, stored, NOW))
    by_run = stored_after(plan_change(_again(upload, tags=["x", "y"]), by_upload, NOW))
    (upload_event,) = notifications_for(stored, by_upload)
    (run_event,) = notifications_for(by_upload, by_run)
    assert (upload_event.event_type, run_event.event_type) == ("article.updated", "article.updated")
    assert upload_event.body["event_id"] != run_event.body["event_id"]
    assert notifications_for(by_upload, by_run)[0].body["event_id"] == run_event.body["event_id"]  # stable on retries


def test_the_index_step_counts_each_run_message_after_its_change():
    store = FakeIndexStore()
    step = IndexStep(store, clock=lambda: NOW)
    first = message(KEY, seq="0A").model_copy(update={"extractor_version": "v1"})
    step.handle(first)
    applied = []
    real_apply = store.apply
    store.apply = lambda plan: (applied.append(plan), real_apply(plan))[1]
    assert step.handle(_again(first, tags=["new"])).outcome == "updated"
    change, progress = applied
    assert isinstance(change.ops[0], Put) and not any(s.run_pk("run-1") in str(op) for op in change.ops)
    (counter,) = progress.ops
    assert isinstance(counter, Update) and counter.key == {s.TABLE_PK: s.run_pk("run-1"), s.TABLE_SK: s.run_shard_sk(KEY)}
    assert counter.names["#outcome"] == "indexed_updated"
    stale = message(KEY, seq="0A").model_copy(update={"reindex_run": "run-1", "sequencer": "0" * 39 + "1"})
    assert step.handle(stale).outcome == "stale"
    assert applied[-1].ops[0].names["#outcome"] == "indexed_stale"  # counted though nothing was written


# --- the batch and the step ---------------------------------------------------------------------


def test_a_batch_is_read_from_the_item_batcher_or_as_a_single_item():
    batched = parse_batch(
        {"Items": [{"Key": "articles/a.md", "ETag": '"e"', "Size": 3}], "BatchInput": {"run_id": "r", "outdated_only": True}}
    )
    single = parse_batch({"Key": "articles/a.md", "ETag": '"e"', "Size": 3, "BatchInput": {"run_id": "r", "outdated_only": True}})
    assert batched == single
    assert batched.items[0].key == "articles/a.md" and batched.outdated_only


@pytest.mark.parametrize(
    "event", [[], {"Items": [{"Key": "a"}]}, {"Items": "x", "BatchInput": {"run_id": "r"}}, {"BatchInput": {"run_id": ""}, "Key": "a"}]
)
def test_a_batch_that_is_not_one_is_unprocessable(event):
    with pytest.raises(Unprocessable):
        parse_batch(event)


def _step(objects: dict[str, bytes]) -> tuple[ReindexStep, FakeIndexStore, FakeQueue]:
    store, queue = FakeIndexStore(), FakeQueue()
    extract = ExtractStep(FakeObjects(dict(objects)), queue, ExtractOptions(), bucket="b")
    return ReindexStep(extract, store, "b"), store, queue


def _etag(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()  # noqa: S324 - S3's ETag of a single-part upload


def _index(store: FakeIndexStore, key: str, data: bytes, seq: str, version: str) -> None:
    upload = message(key, seq=seq).model_copy(update={"extractor_version": version})
    upload = upload.model_copy(update={"source": upload.source.model_copy(update={"etag": _etag(data)})})
    IndexStep(store, clock=lambda: NOW).handle(upload)


def test_the_step_queues_the_stored_version_of_each_key_that_needs_it(monkeypatch):
    monkeypatch.setattr(masthead, "EXTRACTOR_VERSION", "v2")
    files = {f"articles/{name}.md": f"---\ntitle: {name}\n---\nBody of {name}.\n".encode() for name in ("old", "new", "moved", "lost")}
    step, store, queue = _step(files)
    _index(store, "articles/old.md", files["articles/old.md"], "0A", "v1")
    _index(store, "articles/new.md", files["articles/new.md"], "0B", "v2")
    _index(store, "articles/moved.md", b"an older upload", "0C", "v1")
    listing = [{"Key": k, "ETag": f'"{_etag(v)}"', "Size": len(v)} for k, v in files.items()] + [{"Key": "exports/x.csv", "ETag": '"e"'}]
    batch = parse_batch({"Items": listing, "BatchInput": {"run_id": "run-9", "outdated_only": True}})

    counts = step.handle(batch)

    assert counts == {"checked": 5, "sent": 2, "skipped_current": 1, "skipped_pending": 1, "skipped_elsewhere": 1}
    sent = {m["key"]: m for m in map(json.loads, queue.sent)}
    assert sorted(sent) == ["articles/lost.md", "articles/old.md"]
    assert sent["articles/old.md"]["sequencer"] == store.get(doc_key("articles/old.md"))["sequencer"]
    assert sent["articles/lost.md"]["sequencer"] == NEVER_INDEXED
    assert {m["reindex_run"] for m in sent.values()} == {"run-9"} and {m["extractor_version"] for m in sent.values()} == {"v2"}
    assert store.get({s.TABLE_PK: s.run_pk("run-9"), s.TABLE_SK: s.RUN_SK}) is not None  # the progress item
    assert article_id_for_key("articles/lost.md") not in json.dumps(list(store.items))  # nothing indexed by the step itself


def test_a_batch_whose_messages_the_queue_refuses_fails_whole():
    step, _, queue = _step({"articles/a.md": b"---\ntitle: A\n---\nBody.\n"})
    queue.refuse = {"0"}
    with pytest.raises(RuntimeError, match="refused"):
        step.handle(parse_batch({"Key": "articles/a.md", "BatchInput": {"run_id": "r"}}))
