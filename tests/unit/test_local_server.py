"""What the local endpoint notes of each AWS call (masthead invoke's "AWS calls the function made"),
from requests as each service's protocol shapes them: plain data, no server."""

from __future__ import annotations

import io
import json
from urllib.parse import urlencode

from masthead_tools.local import server as server_module
from masthead_tools.local.server import Call, _Recorder, describe, s3_object_changes, summarise


def _environ(method: str = "POST", path: str = "/", target: str = "", query: str = "") -> dict:
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query}
    if target:
        environ["HTTP_X_AMZ_TARGET"] = target
    return environ


def test_an_s3_read_names_the_bucket_and_the_utf8_key():
    # WSGI passes the path as its bytes read as Latin-1.
    raw_path = "/uploads/articles/Web3 特集.md".encode().decode("latin-1")
    assert describe(_environ("GET", raw_path), b"") == Call("S3", "GetObject", "uploads/articles/Web3 特集.md")
    assert describe(_environ("HEAD", "/uploads/a.md", query="versionId=v1"), b"") == Call("S3", "HeadObject", "uploads/a.md?versionId=v1")
    assert describe(_environ("PUT", "/uploads"), b"") == Call("S3", "CreateBucket", "uploads")


def test_json_protocol_calls_name_the_table_or_queue_and_count_batch_entries():
    transact = {"TransactItems": [{"Put": {"TableName": "idx", "Item": {}}}, {"Delete": {"TableName": "idx", "Key": {}}}]}
    assert str(describe(_environ(target="DynamoDB_20120810.TransactWriteItems"), json.dumps(transact).encode())) == (
        "DynamoDB TransactWriteItems idx (2 entries)"
    )
    assert describe(_environ(target="DynamoDB_20120810.GetItem"), b'{"TableName": "idx"}') == Call("DynamoDB", "GetItem", "idx")
    batch = {"QueueUrl": "http://127.0.0.1:5000/123456789012/dev-IndexQueue", "Entries": [{"Id": "1"}, {"Id": "2"}, {"Id": "3"}]}
    assert str(describe(_environ(target="AmazonSQS.SendMessageBatch"), json.dumps(batch).encode())) == (
        "SQS SendMessageBatch dev-IndexQueue (3 entries)"
    )


def test_polling_and_lookups_are_not_noted():
    assert describe(_environ(target="AmazonSQS.ReceiveMessage"), b'{"QueueUrl": "http://h/1/q"}') is None
    assert describe(_environ(target="AmazonSQS.GetQueueUrl"), b'{"QueueName": "q"}') is None
    assert describe(_environ("POST", "/moto-api/reset"), b"") is None


def test_an_sns_batch_publish_in_the_query_protocol_names_the_topic_and_counts_entries():
    body = urlencode(
        {
            "Action": "PublishBatch",
            "TopicArn": "arn:aws:sns:ap-northeast-1:123456789012:dev-NotificationsTopic",
            "PublishBatchRequestEntries.member.1.Id": "a",
            "PublishBatchRequestEntries.member.1.Message": "{}",
            "PublishBatchRequestEntries.member.2.Id": "b",
            "PublishBatchRequestEntries.member.2.Message": "{}",
        }
    ).encode()
    assert str(describe(_environ(), body)) == "SNS PublishBatch dev-NotificationsTopic (2 entries)"


def test_the_recorder_notes_calls_only_while_recording_and_leaves_the_body_for_the_app():
    seen = []

    def app(environ, start_response):
        seen.append(environ["wsgi.input"].read())
        return [b""]

    recorder = _Recorder(app)
    body = b'{"TableName": "idx"}'

    def call():
        environ = {**_environ(target="DynamoDB_20120810.PutItem"), "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body)}
        recorder(environ, None)

    call()
    recorder.recording = True
    call()
    assert recorder.calls == [Call("DynamoDB", "PutItem", "idx")]
    assert seen == [body, body]


def test_the_recorder_holds_back_only_the_calls_a_delay_matches(monkeypatch):
    slept = []
    monkeypatch.setattr(server_module.time, "sleep", slept.append)
    recorder = _Recorder(lambda environ, start_response: [b""])
    recorder.delays.append((lambda call: call.action == "GetObject" and call.target == "b/slow.html", 3.0))

    def request(path: str, method: str = "GET") -> None:
        recorder({"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "", "wsgi.input": io.BytesIO(b"")}, None)

    request("/b/slow.html")
    request("/b/fast.html")
    request("/b/slow.html", method="PUT")
    assert slept == [3.0]
    assert recorder.calls == []  # delaying is not recording


def test_a_summary_counts_repeated_calls_in_first_seen_order():
    calls = [Call("S3", "GetObject", "b/k"), Call("SQS", "SendMessageBatch", "q"), Call("S3", "GetObject", "b/k")]
    assert summarise(calls) == ["S3 GetObject b/k  (x2)", "SQS SendMessageBatch q"]


# --- S3 event notifications from the server's S3 (masthead up) -----------------------------------


def _s3(method: str, path: str, query: str = "", host: str = "127.0.0.1:4566", **headers) -> dict:
    return {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": host, **headers}


def test_object_puts_copies_and_completed_uploads_are_created_events():
    version = {"x-amz-version-id": "v1"}
    key = b"/b/articles/%E6%97%A5%E6%9C%AC.md".decode("latin-1")
    assert s3_object_changes(_s3("PUT", key), 200, version, b"") == [("ObjectCreated:Put", "b", "articles/日本.md", "v1")]
    copy = _s3("PUT", "/b/articles/new.md", HTTP_X_AMZ_COPY_SOURCE="b/articles/old.md")
    assert s3_object_changes(copy, 200, version, b"") == [("ObjectCreated:Copy", "b", "articles/new.md", "v1")]
    done = _s3("POST", "/b/articles/big.md", "uploadId=u1")
    assert s3_object_changes(done, 200, version, b"") == [("ObjectCreated:CompleteMultipartUpload", "b", "articles/big.md", "v1")]
    virtual = _s3("PUT", "/articles/a.md", host="b.localhost:4566")
    assert s3_object_changes(virtual, 200, version, b"") == [("ObjectCreated:Put", "b", "articles/a.md", "v1")]


def test_deletes_name_the_marker_or_the_version_removed():
    marker = {"x-amz-delete-marker": "true", "x-amz-version-id": "m1"}
    assert s3_object_changes(_s3("DELETE", "/b/articles/a.md"), 204, marker, b"") == [
        ("ObjectRemoved:DeleteMarkerCreated", "b", "articles/a.md", "m1")
    ]
    one = _s3("DELETE", "/b/articles/a.md", "versionId=v1")
    assert s3_object_changes(one, 204, {}, b"") == [("ObjectRemoved:Delete", "b", "articles/a.md", "v1")]
    answer = (
        b'<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Deleted><Key>articles/a.md</Key>'
        b"<DeleteMarker>true</DeleteMarker><DeleteMarkerVersionId>m2</DeleteMarkerVersionId></Deleted>"
        b"<Deleted><Key>articles/b.md</Key><VersionId>v9</VersionId></Deleted></DeleteResult>"
    )
    assert s3_object_changes(_s3("POST", "/b", "delete="), 200, {}, answer) == [
        ("ObjectRemoved:DeleteMarkerCreated", "b", "articles/a.md", "m2"),
        ("ObjectRemoved:Delete", "b", "articles/b.md", "v9"),
    ]


def test_failed_requests_parts_tags_and_reads_change_no_object():
    assert s3_object_changes(_s3("PUT", "/b/articles/a.md"), 403, {}, b"") == []
    assert s3_object_changes(_s3("PUT", "/b/articles/a.md", "partNumber=1&uploadId=u1"), 200, {}, b"") == []
    assert s3_object_changes(_s3("PUT", "/b/articles/a.md", "tagging="), 200, {}, b"") == []
    assert s3_object_changes(_s3("GET", "/b/articles/a.md"), 200, {}, b"") == []
    assert s3_object_changes(_s3("PUT", "/b"), 200, {}, b"") == []  # CreateBucket
    assert s3_object_changes(_s3("DELETE", "/b/articles/a.md", "uploadId=u1"), 204, {}, b"") == []  # AbortMultipartUpload


def _signed(service: str, **environ) -> dict:
    scope = f"AKIDEXAMPLE/20261129/ap-northeast-1/{service}/aws4_request"
    return {**environ, "HTTP_AUTHORIZATION": f"AWS4-HMAC-SHA256 Credential={scope}, SignedHeaders=host, Signature=00"}


def test_rest_calls_of_other_services_are_not_object_changes_and_are_named_by_their_signature():
    schedule = _signed("scheduler", **_s3("PUT", "/schedules/release-a-1"))
    assert s3_object_changes(schedule, 200, {}, b"") == []  # UpdateSchedule: no object was uploaded
    assert describe(schedule, b"") == Call("Scheduler", "PUT", "/schedules/release-a-1")
    upload = _signed("s3", **_s3("PUT", "/b/articles/a.md"))
    assert s3_object_changes(upload, 200, {"x-amz-version-id": "v1"}, b"") == [("ObjectCreated:Put", "b", "articles/a.md", "v1")]
    presigned = _s3("PUT", "/b/articles/a.md", "X-Amz-Credential=AKID%2F20261129%2Fap-northeast-1%2Fs3%2Faws4_request&X-Amz-Signature=00")
    assert s3_object_changes(presigned, 200, {}, b"") == [("ObjectCreated:Put", "b", "articles/a.md", None)]
