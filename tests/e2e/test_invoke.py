"""`masthead invoke`: the built functions under the real Lambda runtime (the SAM CLI's emulator and
awslambdaric), without Docker, on a local AWS. Slow: it builds once and starts a runtime per call."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import boto3
import pytest

from masthead_tools.local.seed import seed
from masthead_tools.local.server import RecordingMotoServer
from masthead_tools.local.stack import patched_environ
from tests.builders import EVENTS, ROOT, SLOW_PAGE_BUDGET_SECONDS, load_event, slow_page

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the emulator runs on Linux")


def masthead(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "masthead_tools.cli", *args], capture_output=True, text=True, timeout=900, cwd=ROOT)


def test_a_function_runs_under_the_runtime_and_reports_what_the_runtime_measured():
    done = masthead("invoke", "NotifyFunction", "-e", str(EVENTS / "notify-stream-insert.json"), "--env-vars", str(EVENTS / "env.json"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == {"batchItemFailures": []}
    assert '"event_type":"article.published"' in done.stderr  # the function's own log line
    summary = done.stderr.strip().splitlines()[-1]
    assert summary.startswith("--- ok: init ") and "max memory" in summary and "None" not in summary


def _calls_listed(stderr: str) -> list[str]:
    listing = stderr.split("--- AWS calls the function made (local endpoint)\n")[1].split("--- response")[0]
    return [line.strip() for line in listing.splitlines()]


@pytest.mark.parametrize(
    ("function", "event", "expected"),
    [
        (
            "ExtractFunction",
            "extract-s3-put.json",
            [
                "S3 GetObject masthead-dev-articles-123456789012-ap-northeast-1/articles/iolite-vol-12/Web3 特集 インタビュー.md",
                "SQS SendMessageBatch masthead-dev-IndexQueue (1 entries)",
            ],
        ),
        (
            "IndexFunction",
            "index-message.json",
            ["DynamoDB GetItem masthead-dev-IndexTable", "DynamoDB TransactWriteItems masthead-dev-IndexTable"],
        ),
        ("NotifyFunction", "notify-stream-insert.json", ["SNS PublishBatch masthead-dev-NotificationsTopic (1 entries)"]),
    ],
)
def test_each_function_shows_what_it_did_on_the_seeded_local_aws(function, event, expected):
    done = masthead("invoke", function, "-e", str(EVENTS / event), "--env-vars", str(EVENTS / "env.json"))
    assert done.returncode == 0, done.stderr[-2000:]
    listed = _calls_listed(done.stderr)
    # Each call in order (a batch write's entry count follows the name where the test leaves it out).
    assert len(listed) == len(expected) and all(line.startswith(want) for line, want in zip(listed, expected, strict=True)), listed


@pytest.fixture
def local_aws():
    server = RecordingMotoServer()  # starts from an empty state, leaves one
    server.start()
    url = server.url
    with patched_environ({"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "ap-northeast-1"}):
        yield url, seed(url, ROOT), server
    server.stop()


def test_an_upload_slower_than_the_timeout_is_a_timeout_exit_not_a_success(local_aws, tmp_path):
    url, made, server = local_aws
    # S3 answers the read after 3 s and the function's timeout is one second (which the emulator
    # counts from the start of the first call, init included): the runtime has to stop the call.
    # No reserve: with one above the timeout, the handler would hand the record back unstarted.
    key, page = "articles/slow/long.html", b"<html><head><title>Long</title></head><body><h1>Long</h1><p>Words.</p></body></html>"
    boto3.session.Session(region_name="ap-northeast-1").client("s3", endpoint_url=url).put_object(Bucket=made["bucket"], Key=key, Body=page)
    server.delay(lambda call: call.action == "GetObject" and key in call.target, seconds=3)
    event = load_event("extract-s3-put.json")
    notification = json.loads(event["Records"][0]["body"])
    notification["Records"][0]["s3"]["object"].update(key=key, eTag=hashlib.md5(page).hexdigest(), size=len(page))
    event["Records"][0]["body"] = json.dumps(notification)
    env = json.loads((EVENTS / "env.json").read_text(encoding="utf-8"))
    env["ExtractFunction"].update(AWS_ENDPOINT_URL=url, BATCH_RESERVE_SECONDS="0")
    (tmp_path / "event.json").write_text(json.dumps(event))
    (tmp_path / "env.json").write_text(json.dumps(env))
    done = masthead(
        "invoke", "ExtractFunction", "-e", str(tmp_path / "event.json"), "--env-vars", str(tmp_path / "env.json"), "--timeout", "1"
    )
    assert done.returncode == 1, done.stderr[-2000:]
    assert "TIMED OUT" in done.stderr.strip().splitlines()[-1]


def _put_record(key: str, data: bytes, sequencer: str) -> dict:
    """One ingest-queue message: the events/ put notification, for another object."""
    record = json.loads(json.dumps(load_event("extract-s3-put.json")["Records"][0]))
    notification = json.loads(record["body"])
    notification["Records"][0]["s3"]["object"].update(key=key, eTag=hashlib.md5(data).hexdigest(), size=len(data), sequencer=sequencer)
    record.update(body=json.dumps(notification), messageId=f"message-{sequencer}")
    return record


def test_a_batch_with_an_upload_over_its_time_budget_indexes_the_good_ones_and_rejects_the_slow_one(local_aws, tmp_path):
    url, made, _ = local_aws
    s3 = boto3.session.Session(region_name="ap-northeast-1").client("s3", endpoint_url=url)
    uploads = {
        "articles/batch/first.md": b"# First\n\nThe first good article of the batch.\n",
        "articles/batch/slow.html": slow_page(),
        "articles/batch/last.md": b"# Last\n\nThe last good article of the batch.\n",
    }
    for key, data in uploads.items():
        s3.put_object(Bucket=made["bucket"], Key=key, Body=data)
    event = {"Records": [_put_record(key, data, f"00{n}") for n, (key, data) in enumerate(uploads.items())]}
    env = json.loads((EVENTS / "env.json").read_text(encoding="utf-8"))
    env["ExtractFunction"].update(AWS_ENDPOINT_URL=url, EXTRACT_TIME_BUDGET_SECONDS=SLOW_PAGE_BUDGET_SECONDS)
    (tmp_path / "event.json").write_text(json.dumps(event))
    (tmp_path / "env.json").write_text(json.dumps(env))
    done = masthead("invoke", "ExtractFunction", "-e", str(tmp_path / "event.json"), "--env-vars", str(tmp_path / "env.json"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == {"batchItemFailures": []}  # no record back to the queue, none to dead letters
    sqs = boto3.session.Session(region_name="ap-northeast-1").client("sqs", endpoint_url=url)
    messages = sqs.receive_message(QueueUrl=made["queues"]["IndexQueue"], MaxNumberOfMessages=10)["Messages"]
    outcomes = {
        (m := json.loads(message["Body"]))["key"]: (m["extraction"]["status"], (m["extraction"].get("error") or {}).get("code"))
        for message in messages
    }
    assert outcomes == {
        "articles/batch/first.md": ("accepted", None),
        "articles/batch/slow.html": ("rejected", "too_slow"),
        "articles/batch/last.md": ("accepted", None),
    }
    dead = sqs.receive_message(QueueUrl=made["queues"]["IngestDeadLetterQueue"], MaxNumberOfMessages=10).get("Messages", [])
    assert dead == []
