"""The batch runner as plain data: partial failures, batched sends, dead letters, the time reserve."""

from __future__ import annotations

from masthead.service.batch import Record, Unprocessable, run_batch


class Letters:
    def __init__(self, fail=False):
        self.sent, self.fail = [], fail

    def send(self, body, reason, source):
        if self.fail:
            raise ConnectionError("SQS down")
        self.sent.append((body, reason, source))


def records(*ids):
    return [Record(id=i, body=f"body-{i}") for i in ids]


def test_outputs_are_flushed_once_and_a_refused_output_fails_only_its_record():
    flushed = []

    def process(record, _seconds):
        if record.id == "boom":
            raise RuntimeError("bug")
        return [f"{record.id}-1", f"{record.id}-2"]

    def flush(outputs):
        flushed.append(outputs)
        return {"b"}  # the service refused one of b's outputs

    result = run_batch(records("a", "b", "boom", "c"), process, flush)
    assert len(flushed) == 1 and [o for _, o in flushed[0]] == ["a-1", "a-2", "b-1", "b-2", "c-1", "c-2"]
    assert result.response() == {"batchItemFailures": [{"itemIdentifier": "boom"}, {"itemIdentifier": "b"}]}


def test_unprocessable_records_are_dead_lettered_with_their_reason_and_count_as_done():
    letters = Letters()

    def process(record, _seconds):
        if record.id == "junk":
            raise Unprocessable("not an S3 event")
        return []

    result = run_batch(records("ok", "junk"), process, lambda outputs: set(), dead_letters=letters, source="IngestQueue")
    assert result.response() == {"batchItemFailures": []} and result.dead_lettered == ["junk"]
    assert letters.sent == [("body-junk", "not an S3 event", "IngestQueue")]


def test_if_the_dead_letter_queue_is_unreachable_the_record_is_retried():
    def process(record, _seconds):
        raise Unprocessable("not JSON")

    result = run_batch(records("junk"), process, lambda outputs: set(), dead_letters=Letters(fail=True))
    assert result.response() == {"batchItemFailures": [{"itemIdentifier": "junk"}]}


def test_records_not_started_before_the_reserve_are_returned_for_a_retry():
    clock = iter([50.0, 30.0, 9.0, 8.0])  # seconds left before each record
    budgets = []

    def process(record, seconds):
        budgets.append(seconds)
        return [record.id]

    result = run_batch(
        records("a", "b", "c", "d"), process, lambda outputs: set(), remaining_seconds=lambda: next(clock), reserve_seconds=10
    )
    assert budgets == [40.0, 20.0]  # each record is told what it may use
    assert result.skipped == ["c", "d"]
    assert result.response() == {"batchItemFailures": [{"itemIdentifier": "c"}, {"itemIdentifier": "d"}]}
