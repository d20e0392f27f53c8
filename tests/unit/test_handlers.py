"""Every handler end to end over in-memory fakes: the Lambda event in, the step through its ports,
the partial-batch response out. (tests/integration/test_handlers_on_moto.py runs them on moto.)"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from masthead import model
from masthead.extract import ExtractOptions
from masthead.handlers import extract, index, notify
from masthead.handlers.common import Wiring
from masthead.index.plan import plan_change
from masthead.messages import IndexMessage
from masthead.model import ArticleMetadata, Rejection
from masthead.service.extract_step import ExtractStep
from masthead.service.index_step import IndexStep
from masthead.service.notify_step import NotifyStep
from tests.builders import message, s3_notification, sqs_event, stored_after, stream_event
from tests.fakes import FakeContext, FakeDeadLetters, FakeIndexStore, FakeObjects, FakePublisher, FakeQueue

BUCKET = "masthead-uploads"
KEY = "articles/iolite-vol-12/Web3 特集.md"


@pytest.fixture(autouse=True)
def powertools_environment(monkeypatch):
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "masthead")
    monkeypatch.setenv("POWERTOOLS_METRICS_NAMESPACE", "Masthead")


def extract_handler(objects: FakeObjects, queue: FakeQueue, dead_letters: FakeDeadLetters, reserve: float = 0.0):
    step = ExtractStep(objects=objects, index_queue=queue, options=ExtractOptions(time_budget=None), bucket=BUCKET)
    return extract.make_handler(lambda: Wiring(step, dead_letters, reserve))


def test_extract_reads_the_decoded_key_and_queues_its_typed_metadata():
    objects, queue, parked = FakeObjects({KEY: "---\ntitle: 特集\n---\n\n本文です。\n".encode()}), FakeQueue(), FakeDeadLetters()
    response = extract_handler(objects, queue, parked)(sqs_event(s3_notification(KEY, BUCKET)), FakeContext())
    assert response == {"batchItemFailures": []}
    assert objects.reads == [KEY]  # '+' and %-escapes decoded once
    (sent,) = [IndexMessage.model_validate_json(body) for body in queue.sent]
    assert isinstance(sent.extraction, ArticleMetadata) and sent.extraction.title == "特集"
    assert sent.source.sha256 and parked.parked == []


def test_extract_queues_a_rejection_for_a_bad_upload_without_failing_the_record():
    objects, queue = FakeObjects({KEY: b"\x89PNG\r\n\x1a\n\0\0"}), FakeQueue()
    response = extract_handler(objects, queue, FakeDeadLetters())(sqs_event(s3_notification(KEY, BUCKET)), FakeContext())
    assert response == {"batchItemFailures": []}
    (sent,) = [IndexMessage.model_validate_json(body) for body in queue.sent]
    assert isinstance(sent.extraction, Rejection) and sent.extraction.error.code == "binary_content"


def test_extract_records_a_result_outside_the_contract_as_an_internal_error(monkeypatch):
    """Extraction builds plain dataclasses; the index message checks them against the contract's
    bounds. A result outside them (an extractor bug) is queued as a rejection, not retried forever."""
    from masthead.service import extract_step

    real_extract = extract_step.extract

    def overlong(key, data, options=None):
        result = real_extract(key, data, options)
        return type(result)(replace(result.metadata, tags=["x" * (model.TAG_MAX + 1)]), result.body)

    monkeypatch.setattr(extract_step, "extract", overlong)
    objects, queue = FakeObjects({KEY: b"# T\n\nBody.\n"}), FakeQueue()
    response = extract_handler(objects, queue, FakeDeadLetters())(sqs_event(s3_notification(KEY, BUCKET)), FakeContext())
    assert response == {"batchItemFailures": []}
    (sent,) = [IndexMessage.model_validate_json(body) for body in queue.sent]
    assert isinstance(sent.extraction, Rejection) and sent.extraction.error.code == "internal_error"


def test_extract_dead_letters_what_no_retry_can_help_and_processes_the_rest():
    objects, queue, parked = FakeObjects({KEY: b"# T\n\nBody.\n"}), FakeQueue(), FakeDeadLetters()
    event = sqs_event("not json", s3_notification(KEY, "someone-elses-bucket"), s3_notification(KEY, BUCKET))
    response = extract_handler(objects, queue, parked)(event, FakeContext())
    assert response == {"batchItemFailures": []}
    assert [(body, source) for body, _reason, source in parked.parked] == [
        ("not json", "IngestQueue"),
        (event["Records"][1]["body"], "IngestQueue"),
    ]
    assert "someone-elses-bucket" in parked.parked[1][1]
    assert len(queue.sent) == 1


def test_extract_fails_only_the_record_whose_output_the_queue_refused():
    objects = FakeObjects({KEY: b"# T\n\nBody.\n", "articles/b.md": b"# B\n\nBody.\n"})
    queue = FakeQueue(refuse={"m1"})
    event = sqs_event(s3_notification(KEY, BUCKET), s3_notification("articles/b.md", BUCKET))
    assert extract_handler(objects, queue, FakeDeadLetters())(event, FakeContext()) == {"batchItemFailures": [{"itemIdentifier": "m1"}]}
    assert [IndexMessage.model_validate_json(b).key for b in queue.sent] == [KEY]


def test_extract_skips_an_object_already_gone_and_acks_test_events(monkeypatch, capsys):
    monkeypatch.setenv("POWERTOOLS_LOG_LEVEL", "INFO")
    # A service name of its own: Powertools keeps one logger (and its stream) per name.
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "masthead-extract-logging-test")
    queue = FakeQueue()
    event = sqs_event(s3_notification("articles/gone.md", BUCKET), json.dumps({"Event": "s3:TestEvent", "Bucket": BUCKET}))
    assert extract_handler(FakeObjects(), queue, FakeDeadLetters())(event, FakeContext()) == {"batchItemFailures": []}
    assert queue.sent == []
    # Both "nothing to do" outcomes are logged as the function's own JSON lines, at its INFO level.
    lines = [line for line in map(json.loads, capsys.readouterr().out.splitlines()) if "level" in line]  # not the metrics
    said = {(line["level"], line["message"].split(";")[0], line.get("service")) for line in lines}
    assert ("INFO", "object already gone", "masthead-extract-logging-test") in said
    assert ("INFO", "no object events in the message (an s3:TestEvent)", "masthead-extract-logging-test") in said


def test_extract_returns_records_it_has_no_time_for_instead_of_timing_out():
    objects, queue = FakeObjects({KEY: b"# T\n\nBody.\n"}), FakeQueue()
    handler = extract_handler(objects, queue, FakeDeadLetters(), reserve=10.0)
    response = handler(sqs_event(s3_notification(KEY, BUCKET), s3_notification(KEY, BUCKET)), FakeContext(remaining_ms=9_000))
    assert response == {"batchItemFailures": [{"itemIdentifier": "m0"}, {"itemIdentifier": "m1"}]}
    assert objects.reads == [] and queue.sent == []


def index_handler(store: FakeIndexStore, dead_letters: FakeDeadLetters):
    step = IndexStep(store=store, max_attempts=3, sleep=lambda _seconds: None)
    return index.make_handler(lambda: Wiring(step, dead_letters, 0.0))


def test_index_stores_the_message_and_dead_letters_a_body_that_is_not_one():
    store, parked = FakeIndexStore(), FakeDeadLetters()
    event = sqs_event(message(seq="0A", title="Hello").model_dump_json(), '{"action": "upsert"}')
    assert index_handler(store, parked)(event, FakeContext()) == {"batchItemFailures": []}
    (doc,) = [item for item in store.items.values() if item.get("type") == "article"]
    assert (doc["title"], doc["status"]) == ("Hello", "accepted")
    assert [(body, source) for body, _reason, source in parked.parked] == [('{"action": "upsert"}', "IndexQueue")]
    assert parked.parked[0][1].startswith("not an index message")


def test_index_fails_a_record_still_contended_after_every_attempt_and_keeps_the_rest():
    store = FakeIndexStore(fail_next=3)  # the first message's three attempts all lose the race
    event = sqs_event(message(key="articles/a.md").model_dump_json(), message(key="articles/b.md").model_dump_json())
    assert index_handler(store, FakeDeadLetters())(event, FakeContext()) == {"batchItemFailures": [{"itemIdentifier": "m0"}]}
    assert [item["key"] for item in store.items.values() if item.get("type") == "article"] == ["articles/b.md"]


def notify_handler(publisher: FakePublisher):
    return notify.make_handler(lambda: Wiring(NotifyStep(topic=publisher)))


def test_notify_publishes_one_notification_per_change_with_filterable_attributes():
    published = stored_after(plan_change(message(seq="0A"), None))
    updated = stored_after(plan_change(message(seq="0B", title="T2", sha="s2"), published))
    publisher = FakePublisher()
    event = stream_event((None, published), (published, updated), (updated, updated))
    assert notify_handler(publisher)(event, FakeContext()) == {"batchItemFailures": []}
    assert [(body["event_type"], attributes["category"]) for body, attributes in publisher.published] == [
        ("article.published", "News"),
        ("article.updated", "News"),
    ]


def test_notify_fails_the_stream_record_whose_notification_was_refused():
    published = stored_after(plan_change(message(seq="0A"), None))
    publisher = FakePublisher(refuse={"2"})
    other = stored_after(plan_change(message(key="articles/b.md", seq="0A"), None))
    response = notify_handler(publisher)(stream_event((None, published), (None, other)), FakeContext())
    assert response == {"batchItemFailures": [{"itemIdentifier": "2"}]}
    assert [body["article"]["key"] for body, _ in publisher.published] == ["articles/a/x.md"]
