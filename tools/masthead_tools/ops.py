"""Operators' tools: move dead letters back to their queue, and replay failed stream batches.

Dead letters hold whole messages, so a redrive after the cause is fixed reprocesses them exactly
(the index applies each change once, by S3 sequencer). A failed DynamoDB-stream batch is different:
Lambda's OnFailure message records only where the batch lies on the stream (shard and sequence
numbers), and the stream keeps records for 24 hours. Within that time `replay` reads the records
back and publishes their notifications; after it, the positions point at nothing and the
notifications are lost (the index itself is correct: only the announcements are missing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass
class Redriven:
    moved: int = 0
    reasons: dict[str, int] = field(default_factory=dict)  # why each was dead-lettered at once


def redrive(sqs, dead_letter_url: str, source_url: str, limit: int | None = None) -> Redriven:
    """Move messages from a dead-letter queue back to the queue they came from (send, then delete,
    so a crash in between duplicates a message rather than losing it: the pipeline is idempotent)."""
    result = Redriven()
    while limit is None or result.moved < limit:
        response = sqs.receive_message(QueueUrl=dead_letter_url, MaxNumberOfMessages=10, MessageAttributeNames=["All"], WaitTimeSeconds=0)
        messages = response.get("Messages", [])
        if not messages:
            break
        for message in messages:
            reason = (message.get("MessageAttributes") or {}).get("reason", {}).get("StringValue")
            if reason:
                result.reasons[reason] = result.reasons.get(reason, 0) + 1
            sqs.send_message(QueueUrl=source_url, MessageBody=message["Body"])
            sqs.delete_message(QueueUrl=dead_letter_url, ReceiptHandle=message["ReceiptHandle"])
            result.moved += 1
    return result


@dataclass
class Replayed:
    batches: int = 0
    records: int = 0
    notifications: int = 0
    expired: list[str] = field(default_factory=list)  # batches whose records the stream no longer holds


def _batch_records(streams, info: dict) -> list[dict]:
    """The stream records of one failed batch, as Lambda would have delivered them."""
    iterator = streams.get_shard_iterator(
        StreamArn=info["streamArn"],
        ShardId=info["shardId"],
        ShardIteratorType="AT_SEQUENCE_NUMBER",
        SequenceNumber=info["startSequenceNumber"],
    )["ShardIterator"]
    end = int(info["endSequenceNumber"])
    records: list[dict] = []
    while iterator:
        response = streams.get_records(ShardIterator=iterator, Limit=1000)
        for record in response["Records"]:
            if int(record["dynamodb"]["SequenceNumber"]) > end:
                return records
            records.append(record)
        if not response["Records"] or len(records) >= int(info.get("batchSize") or 10_000):
            break
        iterator = response.get("NextShardIterator")
    return records


def replay_stream_failures(sqs, streams, dead_letter_url: str, notify_step) -> Replayed:
    """Re-read each failed stream batch recorded in NotifyDeadLetterQueue and publish its notifications."""
    result = Replayed()
    while True:
        messages = sqs.receive_message(QueueUrl=dead_letter_url, MaxNumberOfMessages=10, WaitTimeSeconds=0).get("Messages", [])
        if not messages:
            return result
        for message in messages:
            info = json.loads(message["Body"]).get("DDBStreamBatchInfo") or {}
            try:
                records = _batch_records(streams, info)
            except Exception as exc:  # noqa: BLE001 - TrimmedDataAccess, ExpiredIterator, ResourceNotFound
                if type(exc).__name__ not in (
                    "TrimmedDataAccessException",
                    "ExpiredIteratorException",
                    "ResourceNotFoundException",
                    "ClientError",
                ):
                    raise
                result.expired.append(f"{info.get('shardId')}:{info.get('startSequenceNumber')}-{info.get('endSequenceNumber')}")
                continue  # left in the queue: the operator sees it, and it expires with the queue's retention
            changes = [(record["dynamodb"]["SequenceNumber"], notify_step.parse(record)) for record in records]
            pending = [(sequence, n) for sequence, change in changes for n in notify_step.notifications(change)]
            refused = notify_step.send(pending) if pending else set()
            if refused:
                raise RuntimeError(f"SNS refused {len(refused)} notification(s); run replay again")
            result.batches += 1
            result.records += len(records)
            result.notifications += len(pending)
            sqs.delete_message(QueueUrl=dead_letter_url, ReceiptHandle=message["ReceiptHandle"])
