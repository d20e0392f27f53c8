"""S3, SQS and SNS adapters: the few calls the handlers make, behind small classes a test can fake."""

from __future__ import annotations

import hashlib
import json

from ..errors import ObjectGone
from ..ports import ObjectMeta

# What S3 answers for a key or version that does not exist. A 403 AccessDenied is NOT among them:
# S3 answers a missing key with 403 to a caller without s3:ListBucket, so a 403 means the
# function's policy is wrong, and the message must be retried (and alarm), not read as a delete.
_GONE = ("NoSuchKey", "NoSuchVersion", "404", "InvalidArgument")


class S3Objects:
    def __init__(self, client) -> None:
        self.client = client

    def read(self, bucket: str, key: str, version_id: str | None, max_bytes: int) -> tuple[bytes, ObjectMeta]:
        """The object's bytes (at most max_bytes + 1 read) and its metadata (etag, size, version)."""
        from botocore.exceptions import ClientError

        args = {"Bucket": bucket, "Key": key}
        if version_id and version_id != "null":
            args["VersionId"] = version_id
        try:
            response = self.client.get_object(**args)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in _GONE:
                raise ObjectGone(key) from exc
            raise
        body = response["Body"]
        try:
            data = body.read(max_bytes + 1)
        finally:
            body.close()
        return data, {
            "etag": (response.get("ETag") or "").strip('"') or None,
            "size": response.get("ContentLength"),
            "version_id": response.get("VersionId"),
            "sha256": hashlib.sha256(data).hexdigest(),
        }


# SendMessageBatch and PublishBatch take at most 10 entries and 256 KB in all per call.
BATCH_ENTRIES = 10
BATCH_BYTES = 256 * 1024


def _chunks(entries: list[tuple[str, str, dict]]):
    """Entries (owner id, body, extra fields) in groups within the batch limits."""
    chunk: list[tuple[str, str, dict]] = []
    size = 0
    for entry in entries:
        entry_size = len(entry[1].encode()) + 512  # attributes and envelope
        if chunk and (len(chunk) == BATCH_ENTRIES or size + entry_size > BATCH_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(entry)
        size += entry_size
    if chunk:
        yield chunk


def _send_in_batches(call, entries: list[tuple[str, str, dict]], body_field: str) -> set[str]:
    """Send every entry; return the owner ids of the entries that were refused (or whose call failed)."""
    refused: set[str] = set()
    for chunk in _chunks(entries):
        try:
            response = call([{"Id": str(n), body_field: body, **extra} for n, (_owner, body, extra) in enumerate(chunk)])
        except Exception:  # noqa: BLE001 - the owners are retried; the caller logs which
            refused.update(owner for owner, _body, _extra in chunk)
            continue
        for failure in response.get("Failed", []):
            refused.add(chunk[int(failure["Id"])][0])
    return refused


class SqsSender:
    def __init__(self, client, queue_url: str) -> None:
        self.client = client
        self.queue_url = queue_url

    def send_batch(self, messages: list[tuple[str, str]]) -> set[str]:
        """Send (owner id, body) messages, ten to a request; the owner ids of any not accepted."""
        return _send_in_batches(
            lambda entries: self.client.send_message_batch(QueueUrl=self.queue_url, Entries=entries),
            [(owner, body, {}) for owner, body in messages],
            "MessageBody",
        )


class DeadLetterQueue:
    """Where a message that can never succeed goes at once, with the reason it was refused."""

    def __init__(self, client, queue_url: str) -> None:
        self.client = client
        self.queue_url = queue_url

    def send(self, body: str, reason: str, source: str) -> None:
        self.client.send_message(
            QueueUrl=self.queue_url,
            MessageBody=body or "(empty)",
            MessageAttributes={
                "reason": {"DataType": "String", "StringValue": reason[:1000] or "unprocessable"},
                "source": {"DataType": "String", "StringValue": source or "unknown"},
            },
        )


class SnsPublisher:
    def __init__(self, client, topic_arn: str) -> None:
        self.client = client
        self.topic_arn = topic_arn

    def publish_batch(self, notifications: list[tuple[str, dict, dict[str, str]]]) -> set[str]:
        """Publish (owner id, body, attributes) notifications, ten to a request; the owners refused."""
        return _send_in_batches(
            lambda entries: self.client.publish_batch(TopicArn=self.topic_arn, PublishBatchRequestEntries=entries),
            [
                (
                    owner,
                    json.dumps(body, ensure_ascii=False),
                    {"MessageAttributes": {k: {"DataType": "String", "StringValue": v} for k, v in attributes.items() if v}},
                )
                for owner, body, attributes in notifications
            ],
            "Message",
        )


class SchedulerTimers:
    """ReleaseTimers on EventBridge Scheduler: one-time schedules in the stack's group, each
    sending its message to the index queue (with the scheduler's role) and deleting itself after.
    `make_client` makes the scheduler client when a timer is first needed: most uploads set none,
    so most containers never pay for the client."""

    def __init__(self, make_client, group: str, target_arn: str, role_arn: str) -> None:
        self._make_client = make_client
        self._client = None
        self.group = group
        self.target_arn = target_arn
        self.role_arn = role_arn

    @property
    def client(self):
        if self._client is None:
            self._client = self._make_client()
        return self._client

    def set(self, name: str, at, message: dict) -> None:
        from datetime import UTC

        args = {
            "Name": name,
            "GroupName": self.group,
            "ScheduleExpression": f"at({at.astimezone(UTC):%Y-%m-%dT%H:%M:%S})",
            "ScheduleExpressionTimezone": "UTC",
            "FlexibleTimeWindow": {"Mode": "OFF"},
            "Target": {"Arn": self.target_arn, "RoleArn": self.role_arn, "Input": json.dumps(message)},
            "ActionAfterCompletion": "DELETE",
            "State": "ENABLED",
        }
        try:
            self.client.create_schedule(**args)
        except self.client.exceptions.ConflictException:
            self.client.update_schedule(**args)  # the article's timer exists: move it

    def clear(self, name: str) -> None:
        try:
            self.client.delete_schedule(Name=name, GroupName=self.group)
        except self.client.exceptions.ResourceNotFoundException:
            pass  # fired and deleted itself, or never set
