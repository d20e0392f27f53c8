"""Each handler against moto, fed the same events/ files that `sam local invoke` uses."""

from __future__ import annotations

import json

from conftest import load_event

from masthead.messages import IndexMessage

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
    assert message.extraction["status"] == "accepted"
    assert message.extraction["title"] == "特集：Web3企業のトップに聞く"
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
    assert message.extraction["error"]["code"] == "binary_content"


def test_one_bad_message_fails_alone_in_its_batch(stack):
    event = _put_event_for(stack, SOURCE.encode())
    garbage = dict(event["Records"][0], messageId="garbage-1", body='{"not": "an S3 event"}')
    event["Records"].append(garbage)
    result = stack.invoke("ExtractFunction", event)
    assert result == {"batchItemFailures": [{"itemIdentifier": "garbage-1"}]}
    assert len(_received(stack, "IndexQueue")) == 1


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


def test_index_handler_fails_only_the_malformed_message(stack):
    event = load_event("index-message.json")
    event["Records"].append(dict(event["Records"][0], messageId="bad-1", body='{"action": "upsert"}'))
    assert stack.invoke("IndexFunction", event) == {"batchItemFailures": [{"itemIdentifier": "bad-1"}]}


def test_notify_handler_publishes_the_stream_record(stack):
    assert stack.invoke("NotifyFunction", load_event("notify-stream-insert.json")) == {"batchItemFailures": []}
    (notification,) = stack.notifications()
    assert notification["event_type"] == "article.published"
    assert notification["attributes"]["issue_id"] == "iolite-vol-12"
    assert notification["attributes"]["language"] == "ja"
    assert notification["body"]["article"]["key"] == KEY
