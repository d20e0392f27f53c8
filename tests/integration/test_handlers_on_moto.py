"""Each handler against moto, fed the same events/ files that `sam local invoke` uses."""

from __future__ import annotations

import json

from masthead.messages import IndexMessage
from tests.builders import load_event

KEY = "articles/iolite-vol-12/Web3 特集 インタビュー.md"
SOURCE = "---\ntitle: 特集：Web3企業のトップに聞く\nissue: iolite-vol-12\n---\n\n国内のWeb3企業のトップ3人に、今年の展望を聞いた。\n"


def _put_event_for(stack, body: bytes) -> dict:
    """events/extract-s3-put.json, pointed at the object as it exists in this stack's bucket."""
    response = stack.s3.put_object(Bucket=stack.bucket, Key=KEY, Body=body)
    event = load_event("extract-s3-put.json")
    s3_body = json.loads(event["Records"][0]["body"])
    obj = s3_body["Records"][0]["s3"]
    obj["bucket"]["name"] = stack.bucket
    obj["object"].update(versionId=response["VersionId"], eTag=response["ETag"].strip('"'), size=len(body))
    event["Records"][0]["body"] = json.dumps(s3_body)
    return event


def _received(stack, logical_queue: str) -> list[str]:
    response = stack.sqs.receive_message(QueueUrl=stack.queue_urls[logical_queue], MaxNumberOfMessages=10)
    return [m["Body"] for m in response.get("Messages", [])]


def test_extract_handler_reads_the_url_encoded_key_and_queues_metadata(stack):
    result = stack.invoke("ExtractFunction", _put_event_for(stack, SOURCE.encode()))
    assert result == {"batchItemFailures": []}
    (body,) = _received(stack, "IndexQueue")
    message = IndexMessage.model_validate_json(body)
    assert message.key == KEY
    assert message.extraction.status == "accepted"
    assert message.extraction.title == "特集：Web3企業のトップに聞く"
    assert message.source.sha256 and message.source.version_id


def test_extract_handler_forwards_deletes_and_acks_test_events(stack):
    assert stack.invoke("ExtractFunction", load_event("extract-s3-test-event.json")) == {"batchItemFailures": []}
    assert _received(stack, "IndexQueue") == []
    delete = load_event("extract-s3-delete.json")
    s3_body = json.loads(delete["Records"][0]["body"])
    s3_body["Records"][0]["s3"]["bucket"]["name"] = stack.bucket
    delete["Records"][0]["body"] = json.dumps(s3_body)
    assert stack.invoke("ExtractFunction", delete) == {"batchItemFailures": []}
    (body,) = _received(stack, "IndexQueue")
    assert IndexMessage.model_validate_json(body).action == "delete"


def test_extract_handler_rejects_bad_content_without_failing_the_batch(stack):
    result = stack.invoke("ExtractFunction", _put_event_for(stack, b"\x89PNG\r\n\x1a\n\0\0"))
    assert result == {"batchItemFailures": []}
    message = IndexMessage.model_validate_json(_received(stack, "IndexQueue")[0])
    assert message.extraction.error.code == "binary_content"


def _dead_letters(stack, logical_queue: str) -> list[tuple[str, str]]:
    response = stack.sqs.receive_message(QueueUrl=stack.queue_urls[logical_queue], MaxNumberOfMessages=10, MessageAttributeNames=["All"])
    return [(m["Body"], m["MessageAttributes"]["reason"]["StringValue"]) for m in response.get("Messages", [])]


# The S3 sample event from the AWS Lambda documentation: a bucket this stack does not own.
AWS_DOCS_SAMPLE = {
    "Records": [
        {
            "eventVersion": "2.0",
            "eventSource": "aws:s3",
            "awsRegion": "us-east-1",
            "eventTime": "1970-01-01T00:00:00.000Z",
            "eventName": "ObjectCreated:Put",
            "s3": {
                "s3SchemaVersion": "1.0",
                "configurationId": "testConfigRule",
                "bucket": {"name": "amzn-s3-demo-bucket", "arn": "arn:aws:s3:::amzn-s3-demo-bucket"},
                "object": {
                    "key": "test%2Fkey",
                    "size": 1024,
                    "eTag": "0123456789abcdef0123456789abcdef",
                    "sequencer": "0A1B2C3D4E5F678901",
                },
            },
        }
    ]
}


def test_messages_that_can_never_succeed_go_to_the_dead_letter_queue_at_once(stack):
    event = _put_event_for(stack, SOURCE.encode())
    good = event["Records"][0]
    event["Records"] += [
        dict(good, messageId="not-json", body="this is not JSON"),
        dict(good, messageId="not-s3", body='{"not": "an S3 event"}'),
        dict(good, messageId="foreign", body=json.dumps(AWS_DOCS_SAMPLE)),
    ]
    # Done (not retried five times): the good record is extracted, the rest dead-lettered with a reason.
    assert stack.invoke("ExtractFunction", event) == {"batchItemFailures": []}
    assert len(_received(stack, "IndexQueue")) == 1
    reasons = dict(_dead_letters(stack, "IngestDeadLetterQueue"))
    assert reasons["this is not JSON"].startswith("message body is not JSON")
    assert "has no Records" in reasons['{"not": "an S3 event"}']
    assert "amzn-s3-demo-bucket" in reasons[json.dumps(AWS_DOCS_SAMPLE)]


def test_a_genuine_failure_fails_its_record_alone_and_access_denied_is_not_a_delete(stack, monkeypatch):
    from botocore.exceptions import ClientError

    from masthead.adapters.aws import S3Objects

    real_read = S3Objects.read

    def read(self, bucket, key, version_id, max_bytes):
        if key == "articles/locked.md":  # S3's answer to a caller without permission
            raise ClientError({"Error": {"Code": "AccessDenied", "Message": "Access Denied"}}, "GetObject")
        return real_read(self, bucket, key, version_id, max_bytes)

    monkeypatch.setattr(S3Objects, "read", read)
    event = _put_event_for(stack, SOURCE.encode())
    locked = json.loads(event["Records"][0]["body"])
    locked["Records"][0]["eventName"] = "ObjectRemoved:Delete"
    locked["Records"][0]["s3"]["object"]["key"] = "articles/locked.md"
    event["Records"].append(dict(event["Records"][0], messageId="locked-1", body=json.dumps(locked)))
    assert stack.invoke("ExtractFunction", event) == {"batchItemFailures": [{"itemIdentifier": "locked-1"}]}
    (body,) = _received(stack, "IndexQueue")  # no "delete" message for the locked key
    assert IndexMessage.model_validate_json(body).key == KEY


def test_s3_events_through_eventbridge_are_understood(stack):
    response = stack.s3.put_object(Bucket=stack.bucket, Key="articles/eb/one two.md", Body=SOURCE.encode())
    detail = {
        "bucket": {"name": stack.bucket},
        "object": {
            "key": "articles/eb/one+two.md",
            "size": len(SOURCE.encode()),
            "etag": response["ETag"].strip('"'),
            "version-id": response["VersionId"],
            "sequencer": "00617F08299329D189",
        },
        "reason": "PutObject",
    }
    created = {
        "version": "0",
        "id": "1",
        "detail-type": "Object Created",
        "source": "aws.s3",
        "time": "2024-04-01T00:00:00Z",
        "resources": [f"arn:aws:s3:::{stack.bucket}"],
        "detail": detail,
    }
    event = {"Records": [dict(_put_event_for(stack, SOURCE.encode())["Records"][0], messageId="eb-1", body=json.dumps(created))]}
    assert stack.invoke("ExtractFunction", event) == {"batchItemFailures": []}
    (body,) = _received(stack, "IndexQueue")
    message = IndexMessage.model_validate_json(body)
    assert (message.key, message.action, message.extraction.title) == (
        "articles/eb/one two.md",
        "upsert",
        "特集：Web3企業のトップに聞く",
    )
    assert message.sequencer.startswith("00617F08299329D189")


def test_extract_handler_skips_an_object_already_deleted(stack):
    event = _put_event_for(stack, SOURCE.encode())
    version = json.loads(event["Records"][0]["body"])["Records"][0]["s3"]["object"]["versionId"]
    stack.s3.delete_object(Bucket=stack.bucket, Key=KEY, VersionId=version)
    assert stack.invoke("ExtractFunction", event) == {"batchItemFailures": []}
    assert _received(stack, "IndexQueue") == []


def test_index_handler_writes_the_article(stack):
    assert stack.invoke("IndexFunction", load_event("index-message.json")) == {"batchItemFailures": []}
    article_id = json.loads(load_event("index-message.json")["Records"][0]["body"])["extraction"]["article_id"]
    article = stack.reader().get_article(article_id)
    assert article["title"] == "特集：Web3企業のトップに聞く"
    assert article["source"]["version_id"] == "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"
    assert stack.reader().get_issue("iolite-vol-12")["article_count"] == 1
    # The same message again (SQS delivers at least once) changes nothing.
    assert stack.invoke("IndexFunction", load_event("index-message.json")) == {"batchItemFailures": []}
    assert stack.reader().get_issue("iolite-vol-12")["article_count"] == 1


def test_index_handler_dead_letters_a_malformed_message_at_once(stack):
    event = load_event("index-message.json")
    event["Records"].append(dict(event["Records"][0], messageId="bad-1", body='{"action": "upsert"}'))
    assert stack.invoke("IndexFunction", event) == {"batchItemFailures": []}
    ((body, reason),) = _dead_letters(stack, "IndexDeadLetterQueue")
    assert body == '{"action": "upsert"}' and reason.startswith("not an index message")


def test_notify_handler_publishes_the_stream_record(stack):
    assert stack.invoke("NotifyFunction", load_event("notify-stream-insert.json")) == {"batchItemFailures": []}
    (notification,) = stack.notifications()
    assert notification["event_type"] == "article.published"
    assert notification["attributes"]["issue_id"] == "iolite-vol-12"
    assert notification["attributes"]["language"] == "ja"
    assert notification["body"]["article"]["key"] == KEY
