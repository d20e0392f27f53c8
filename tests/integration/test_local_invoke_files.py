"""What `sam local invoke` runs, without Docker: each function's handler with its events/env.json
variables (the template declares every one), against a moto server seeded by `masthead seed`, fed
the events/ files. Proves the README's commands have something to read and somewhere to write."""

from __future__ import annotations

import importlib.util
import json

import boto3
import pytest

from masthead.service import runtime
from masthead_tools.local.seed import event_objects, seed
from masthead_tools.local.server import RecordingMotoServer
from masthead_tools.local.stack import patched_environ
from masthead_tools.local.template import function_environment, load_template, resources_of_type, sam_local_environment
from tests.builders import EVENTS, ROOT, TEMPLATE, load_event
from tests.fakes import FakeContext

ENV = json.loads((EVENTS / "env.json").read_text(encoding="utf-8"))
TEMPLATE_DOC = load_template(TEMPLATE)
FUNCTIONS = resources_of_type(TEMPLATE_DOC, "AWS::Serverless::Function")


@pytest.fixture(scope="module")
def endpoint():
    server = RecordingMotoServer()  # starts from an empty state, leaves one
    server.start()
    url = server.url
    with patched_environ({"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "ap-northeast-1"}):
        made = seed(url, ROOT)
        yield url, made
    server.stop()


def invoke(function: str, event_file: str, url: str) -> dict:
    """The function's handler as sam local invoke would run it: the template's variables with
    env.json's over them (the local endpoint in place of Docker's host name), the event file."""
    variables = sam_local_environment(TEMPLATE_DOC, function, {**ENV[function], "AWS_ENDPOINT_URL": url}, region="ap-northeast-1")
    props = FUNCTIONS[function]["Properties"]
    module_name, attr = props["Handler"].rsplit(".", 1)
    with patched_environ(variables):
        runtime.reset()
        spec = importlib.util.spec_from_file_location(f"local_{function}", ROOT / props["CodeUri"] / f"{module_name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        try:
            return getattr(module, attr)(load_event(event_file), FakeContext())
        finally:
            runtime.reset()


def client(name: str, url: str):
    return boto3.session.Session(region_name="ap-northeast-1").client(name, endpoint_url=url)


def test_every_variable_in_env_json_is_declared_by_the_template():
    # sam local invoke drops the variables a function does not declare.
    for function, variables in ENV.items():
        declared = set(function_environment(TEMPLATE_DOC, function))
        assert set(variables) <= declared, f"{function}: {sorted(set(variables) - declared)} not in template.yaml"


def test_the_put_event_names_a_sample_that_seed_uploads_with_its_etag_and_size(endpoint):
    _url, made = endpoint
    (key,) = event_objects(EVENTS)
    assert made["uploaded"] == [key]
    body = json.loads(load_event("extract-s3-put.json")["Records"][0]["body"])
    obj = body["Records"][0]["s3"]["object"]
    assert "versionId" not in obj  # a seeded object's version id is the endpoint's own
    assert obj["size"] == (ROOT / "samples" / key).stat().st_size


def test_extract_reads_the_seeded_upload_and_queues_its_metadata(endpoint):
    url, made = endpoint
    assert invoke("ExtractFunction", "extract-s3-put.json", url) == {"batchItemFailures": []}
    sqs = client("sqs", url)
    messages = sqs.receive_message(QueueUrl=made["queues"]["IndexQueue"], MaxNumberOfMessages=10).get("Messages", [])
    (message,) = [json.loads(m["Body"]) for m in messages]
    assert message["key"] == event_objects(EVENTS)[0] and message["extraction"]["status"] == "accepted"


def test_extract_acks_the_test_event(endpoint):
    url, _made = endpoint
    assert invoke("ExtractFunction", "extract-s3-test-event.json", url) == {"batchItemFailures": []}


def test_index_writes_the_message_to_the_table(endpoint):
    url, made = endpoint
    assert invoke("IndexFunction", "index-message.json", url) == {"batchItemFailures": []}
    assert client("dynamodb", url).scan(TableName=made["table"], Select="COUNT")["Count"] > 0


def test_notify_publishes_the_stream_record_to_the_topic(endpoint):
    url, made = endpoint
    sqs, sns = client("sqs", url), client("sns", url)
    subscriber = sqs.create_queue(QueueName="local-invoke-subscriber")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=subscriber, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=made["topic_arn"], Protocol="sqs", Endpoint=arn)
    assert invoke("NotifyFunction", "notify-stream-insert.json", url) == {"batchItemFailures": []}
    (published,) = sqs.receive_message(QueueUrl=subscriber, MaxNumberOfMessages=10)["Messages"]
    assert json.loads(json.loads(published["Body"])["Message"])["event_type"] == "article.published"
