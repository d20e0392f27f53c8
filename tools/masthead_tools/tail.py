"""`masthead tail`: print the stack's notifications as they arrive, from a queue of its own
subscribed to the topic (removed again on exit), against AWS or a local endpoint."""

from __future__ import annotations

import json
import sys
import time
import uuid


def find_topic(sns, stack_name: str | None) -> str | None:
    """The stack's NotificationsTopic: `<stack>-NotificationsTopic`, or the only such topic."""
    topics = [t["TopicArn"] for page in sns.get_paginator("list_topics").paginate() for t in page.get("Topics", [])]
    named = [arn for arn in topics if arn.rsplit(":", 1)[-1].endswith("NotificationsTopic")]
    if stack_name:
        named = [arn for arn in named if arn.rsplit(":", 1)[-1] == f"{stack_name}-NotificationsTopic"] or named
    return named[0] if len(named) == 1 else None


def tail(sqs, sns, topic_arn: str, count: int | None = None, timeout: float | None = None, as_json: bool = False, out=None) -> int:
    """Print notifications until `count` of them, `timeout` seconds, or Ctrl-C; returns how many."""
    from .local.up import notification_line

    out = out or sys.stdout
    url = sqs.create_queue(QueueName=f"masthead-tail-{uuid.uuid4().hex[:12]}")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    subscription = sns.subscribe(TopicArn=topic_arn, Protocol="sqs", Endpoint=arn)["SubscriptionArn"]
    seen = 0
    deadline = time.monotonic() + timeout if timeout else None
    try:
        while (count is None or seen < count) and (deadline is None or time.monotonic() < deadline):
            for message in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", []):
                sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
                envelope = json.loads(message["Body"])
                body = json.loads(envelope["Message"])
                print(json.dumps(body, ensure_ascii=False) if as_json else notification_line(body), file=out, flush=True)
                seen += 1
    except KeyboardInterrupt:
        pass
    finally:
        sns.unsubscribe(SubscriptionArn=subscription)
        sqs.delete_queue(QueueUrl=url)
    return seen
