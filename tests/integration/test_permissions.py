"""Every function's IAM policy in template.yaml against every AWS call its code makes.

moto enforces no IAM, so an end-to-end run records each call each function makes (service,
operation, parameters), turns it into the IAM actions and resources it needs on AWS, and checks
both ways: every call is allowed by that function's policy, and every action the policy grants is
needed by some call. S3's one IAM-dependent answer is played for real: a read of a missing key
gets 403 AccessDenied unless the function may s3:ListBucket.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from masthead_tools.local.permissions import Arns, function_statements, needs
from masthead_tools.local.stack import ACCOUNT_ID, REGION, upload_folder
from tests.builders import SAMPLES


def _run_everything(stack) -> None:
    """Uploads of every kind, an update, a rejection, deletes (marker and version), a move."""
    upload_folder(stack, SAMPLES)
    stack.run_until_idle()
    stack.upload("articles/perm/a.md", b"---\ntitle: A\ncategory: News\n---\nBody A.\n")
    stack.upload("articles/perm/b.md", b"---\ntitle: B\n---\nBody B.\n")
    stack.run_until_idle()
    stack.upload("articles/perm/a.md", b"---\ntitle: A, updated\ncategory: News\n---\nBody A again.\n")
    stack.upload("articles/perm/bad.json", b"{")
    stack.delete("articles/perm/b.md")
    version = stack.s3.list_object_versions(Bucket=stack.bucket, Prefix="articles/perm/a.md")["Versions"][0]["VersionId"]
    stack.delete("articles/perm/a.md", version_id=version)
    stack.upload("articles/perm/moved.md", b"---\ntitle: A, updated\n---\nBody A again.\n")
    stack.run_until_idle()
    # Release timers: set, moved, cleared, and fired as EventBridge Scheduler would.
    stack.upload("articles/perm/embargo.md", b"---\ntitle: E\npublish_at: 2099-01-01T09:00\n---\nBody E.\n")
    stack.upload("articles/perm/later.md", b"---\ntitle: L\npublish_at: 2099-01-01T09:00\n---\nBody L.\n")
    stack.run_until_idle()
    stack.upload("articles/perm/embargo.md", b"---\ntitle: E\npublish_at: 2099-02-01T09:00\n---\nBody E.\n")
    stack.delete("articles/perm/later.md")
    stack.run_until_idle()
    assert stack.fire_due_timers(datetime(2100, 1, 1, tzinfo=UTC)) >= 1  # the embargoed article (and any scheduled sample)
    stack.run_until_idle()
    # A message that can never succeed is dead-lettered by the function itself.
    stack.sqs.send_message(QueueUrl=stack.queue_urls["IngestQueue"], MessageBody="not an S3 event")
    stack.sqs.send_message(QueueUrl=stack.queue_urls["IndexQueue"], MessageBody='{"not": "an index message"}')
    stack.run_until_idle()
    # A reindex run (ReindexFunction, from the state machine) over every key; and a batch naming a
    # key whose every version went after the listing (its reads must answer 404, not 403).
    stack.reindex("perm-run")
    gone = "articles/perm/embargo.md"
    etag = stack.s3.head_object(Bucket=stack.bucket, Key=gone)["ETag"]
    for version in stack.s3.list_object_versions(Bucket=stack.bucket, Prefix=gone)["Versions"]:
        stack.s3.delete_object(Bucket=stack.bucket, Key=gone, VersionId=version["VersionId"])
    batch = {"Items": [{"Key": gone, "ETag": etag, "Size": 1}], "BatchInput": {"run_id": "perm-run", "outdated_only": False}}
    assert stack.invoke("ReindexFunction", batch)["skipped_gone"] == 1


def _arns(stack) -> Arns:
    queue_arns = {url: stack.resolver.attributes[(logical, "Arn")] for logical, url in stack.queue_urls.items()}
    encrypted = {
        stack.resolver.refs[logical]
        for logical, res in stack.template["Resources"].items()
        if res["Type"] == "AWS::SNS::Topic" and (res.get("Properties") or {}).get("KmsMasterKeyId")
    }
    return Arns(REGION, ACCOUNT_ID, queue_arns, encrypted)


@pytest.fixture
def recorded(stack):
    _run_everything(stack)
    assert stack.dead_letters() == {"IngestDeadLetterQueue": 1, "IndexDeadLetterQueue": 1, "NotifyDeadLetterQueue": 0}
    arns = _arns(stack)
    missing = {id(c) for c in stack.recorder.missing_reads}
    by_function: dict[str, list] = {name: [] for name in stack.functions}
    for call in stack.recorder.calls:
        by_function[call.function] += needs(call, arns, object_missing=id(call) in missing)
    return stack, by_function


def test_every_call_each_function_makes_is_allowed_by_its_policy(recorded):
    stack, by_function = recorded
    assert all(by_function.values()), "every function made calls"
    for function, function_needs in by_function.items():
        statements = function_statements(stack.template, function, stack.resolver)
        denied = sorted(
            {(n.call, n.action, n.resource) for n in function_needs if not any(s.allows(n.action, n.resource) for s in statements)}
        )
        assert not denied, f"{function} would be denied on AWS: {denied}"


def test_every_action_each_policy_grants_is_needed(recorded):
    stack, by_function = recorded
    for function, function_needs in by_function.items():
        for statement in function_statements(stack.template, function, stack.resolver):
            for action in statement.actions:
                used = [n for n in function_needs if n.action == action and statement.allows(action, n.resource)]
                assert used, f"{function} is granted {action} ({statement.sid}) but never needs it"


def test_deletes_are_indexed_because_missing_keys_read_as_404(stack):
    stack.upload("articles/perm/gone.md", b"---\ntitle: Gone\n---\nBody.\n")
    stack.run_until_idle()
    stack.delete("articles/perm/gone.md")
    stack.run_until_idle()
    assert stack.recorder.missing_reads, "the delete read the key and found nothing"
    assert [a["key"] for a in stack.reader().all_pages(stack.reader().latest_articles)] == []
    assert "article.removed" in [n["event_type"] for n in stack.notifications()]


def test_without_list_bucket_a_missing_key_reads_as_403_and_the_delete_never_lands(stack):
    stack.upload("articles/perm/stays.md", b"---\ntitle: Stays\n---\nBody.\n")
    stack.run_until_idle()
    stack.recorder._may_list_bucket = lambda function, bucket: False  # the policy as it was before ListBucket
    stack.delete("articles/perm/stays.md")
    stack.run_until_idle()
    # S3's 403 is not taken for "gone": the message fails, is retried and dead-lettered, and alarms.
    assert stack.dead_letters()["IngestDeadLetterQueue"] == 1
    assert [a["key"] for a in stack.reader().all_pages(stack.reader().latest_articles)] == ["articles/perm/stays.md"]
    body = json.loads(stack.sqs.receive_message(QueueUrl=stack.queue_urls["IngestDeadLetterQueue"])["Messages"][0]["Body"])
    assert body["Records"][0]["eventName"].startswith("ObjectRemoved")
