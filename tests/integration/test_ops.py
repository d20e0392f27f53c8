"""Operators' tools on the embedded AWS: redrive dead letters, replay failed stream batches."""

from __future__ import annotations

import json

from masthead_tools.cli import main
from masthead_tools.ops import redrive, replay_stream_failures


def test_redrive_moves_dead_letters_back_and_they_are_indexed_once_fixed(stack, monkeypatch, capsys):
    from masthead.adapters.aws import S3Objects

    def broken(*args, **kwargs):
        raise ConnectionError("S3 is unreachable")

    with monkeypatch.context() as patch:
        patch.setattr(S3Objects, "read", broken)
        stack.upload("articles/ops/a.md", b"---\ntitle: A\n---\nBody.\n")
        stack.run_until_idle()
    assert stack.dead_letters()["IngestDeadLetterQueue"] == 1
    assert stack.reader().latest_articles().items == []
    # The cause is fixed; the operator redrives with the command line.
    code = main(
        [
            "redrive",
            "ingest",
            "--dead-letter-url",
            stack.queue_urls["IngestDeadLetterQueue"],
            "--queue-url",
            stack.queue_urls["IngestQueue"],
        ]
    )
    assert code == 0 and "moved 1 message(s)" in capsys.readouterr().out
    stack.run_until_idle()
    assert [a["title"] for a in stack.reader().latest_articles().items] == ["A"]
    assert stack.dead_letters()["IngestDeadLetterQueue"] == 0


def test_redrive_reports_why_messages_were_refused_at_once(stack):
    stack.sqs.send_message(QueueUrl=stack.queue_urls["IngestQueue"], MessageBody="garbage")
    stack.run_until_idle()
    result = redrive(stack.sqs, stack.queue_urls["IngestDeadLetterQueue"], stack.queue_urls["IngestQueue"])
    assert result.moved == 1 and list(result.reasons) == ["message body is not JSON: Expecting value"]


def test_replay_publishes_the_notifications_of_a_failed_stream_batch(stack, monkeypatch):
    from masthead.adapters.aws import SnsPublisher
    from masthead.service.notify_step import NotifyStep

    with monkeypatch.context() as patch:
        patch.setattr(SnsPublisher, "publish_batch", lambda self, items: {owner for owner, _b, _a in items})  # SNS refuses all
        stack.upload("articles/ops/b.md", b"---\ntitle: B\n---\nBody.\n")
        stack.run_until_idle()
    assert stack.notifications() == []
    assert stack.dead_letters()["NotifyDeadLetterQueue"] == 1
    info = json.loads(
        stack.sqs.receive_message(QueueUrl=stack.queue_urls["NotifyDeadLetterQueue"], VisibilityTimeout=0)["Messages"][0]["Body"]
    )
    assert set(info["DDBStreamBatchInfo"]) >= {"shardId", "startSequenceNumber", "endSequenceNumber", "streamArn"}  # positions, not records

    step = NotifyStep(SnsPublisher(stack.sns, stack.topic_arn))
    result = replay_stream_failures(stack.sqs, stack.streams, stack.queue_urls["NotifyDeadLetterQueue"], step)
    assert (result.batches, result.expired) == (1, [])
    assert [n["event_type"] for n in stack.notifications()] == ["article.published"]
    assert stack.dead_letters()["NotifyDeadLetterQueue"] == 0
