"""One Lambda batch: every record processed on its own, outputs sent together, failures reported.

A record's outcome is one of three:
- processed: its outputs (index messages, notifications) are sent with the batch's in one
  SendMessageBatch / PublishBatch pass; an output AWS refuses fails the record that made it;
- failed (any exception): reported in batchItemFailures, so SQS or the stream retries it alone;
- unprocessable (`Unprocessable`): a message that can never succeed (not JSON, not an S3 event, an
  event for another bucket) goes straight to the dead-letter queue with its reason instead of
  being retried five times, and counts as done.
Records not yet started when the function's remaining time runs short are reported as failed
without being started, so a slow batch returns in time instead of being killed whole.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from ..errors import Unprocessable
from ..ports import DeadLetters

log = logging.getLogger("masthead")

Output = TypeVar("Output")


@dataclass
class Record:
    """What the runner needs of one SQS message or stream record."""

    id: str
    body: object  # the SQS message body (str) or the stream record (dict)


@dataclass
class BatchResult:
    failed: list[str] = field(default_factory=list)
    dead_lettered: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # not started: too little time left

    def response(self) -> dict:
        return {"batchItemFailures": [{"itemIdentifier": i} for i in [*self.failed, *self.skipped]]}


def run_batch(
    records: list[Record],
    process: Callable[[Record, float | None], Iterable[Output]],
    flush: Callable[[list[tuple[str, Output]]], set[str]],
    *,
    remaining_seconds: Callable[[], float] | None = None,
    reserve_seconds: float = 0.0,
    dead_letters: DeadLetters | None = None,
    source: str = "",
) -> BatchResult:
    """Process each record (given the seconds it may use), then flush all outputs at once.

    `flush` gets (record id, output) pairs and returns the ids whose outputs were not accepted.
    """
    result = BatchResult()
    outputs: list[tuple[str, Output]] = []
    for n, record in enumerate(records):
        budget = None
        if remaining_seconds is not None:
            budget = remaining_seconds() - reserve_seconds
            if budget <= 0:
                result.skipped = [r.id for r in records[n:]]
                log.warning("too little time left for the rest of the batch; retrying it later", extra={"records": len(result.skipped)})
                break
        try:
            outputs.extend((record.id, output) for output in process(record, budget))
        except Unprocessable as exc:
            if dead_letters is None:  # a stream: its own retries and OnFailure destination take it
                log.error("record can never be processed", extra={"record_id": record.id, "reason": str(exc)})
                result.failed.append(record.id)
            else:
                _dead_letter(record, str(exc), dead_letters, source, result)
        except Exception:  # noqa: BLE001 - one record's failure must not fail its batch
            log.exception("record failed; it will be retried", extra={"record_id": record.id})
            result.failed.append(record.id)
    if outputs:
        refused = flush(outputs)
        result.failed.extend(i for i in dict.fromkeys(i for i, _ in outputs) if i in refused and i not in result.failed)
    return result


def _dead_letter(record: Record, reason: str, dead_letters: DeadLetters, source: str, result: BatchResult) -> None:
    log.error("message can never be processed; sent to the dead-letter queue", extra={"record_id": record.id, "reason": reason})
    try:
        dead_letters.send(record.body if isinstance(record.body, str) else str(record.body), reason, source)
    except Exception:  # noqa: BLE001 - if even that fails, the queue's own redrive catches it
        log.exception("could not dead-letter the message; it will be retried", extra={"record_id": record.id})
        result.failed.append(record.id)
        return
    result.dead_lettered.append(record.id)
