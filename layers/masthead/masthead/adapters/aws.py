"""S3, SQS and SNS adapters: the few calls the handlers make, behind small classes a test can fake."""

from __future__ import annotations

import hashlib
import json


class ObjectGone(Exception):
    """The object (or the version the event names) no longer exists."""


class S3Objects:
    def __init__(self, client) -> None:
        self.client = client

    def read(self, bucket: str, key: str, version_id: str | None, max_bytes: int) -> tuple[bytes, dict]:
        """The object's bytes (at most max_bytes + 1 read) and its metadata (etag, size, version)."""
        from botocore.exceptions import ClientError

        args = {"Bucket": bucket, "Key": key}
        if version_id and version_id != "null":
            args["VersionId"] = version_id
        try:
            response = self.client.get_object(**args)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "NoSuchVersion", "404", "InvalidArgument"):
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


class SqsSender:
    def __init__(self, client, queue_url: str) -> None:
        self.client = client
        self.queue_url = queue_url

    def send_all(self, bodies: list[str]) -> None:
        """Send messages in batches of 10; raise if any is not accepted (the caller retries)."""
        for start in range(0, len(bodies), 10):
            chunk = bodies[start:start + 10]
            response = self.client.send_message_batch(
                QueueUrl=self.queue_url,
                Entries=[{"Id": str(n), "MessageBody": body} for n, body in enumerate(chunk)],
            )
            if response.get("Failed"):
                raise RuntimeError(f"SQS refused {len(response['Failed'])} message(s): {response['Failed'][0]}")


class SnsPublisher:
    def __init__(self, client, topic_arn: str) -> None:
        self.client = client
        self.topic_arn = topic_arn

    def publish(self, body: dict, attributes: dict[str, str]) -> str:
        response = self.client.publish(
            TopicArn=self.topic_arn,
            Message=json.dumps(body, ensure_ascii=False),
            MessageAttributes={k: {"DataType": "String", "StringValue": v} for k, v in attributes.items() if v},
        )
        return response["MessageId"]
