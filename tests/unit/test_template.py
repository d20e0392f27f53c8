"""The template wires what the issue asks for; the code's key schema matches the template's."""

from __future__ import annotations

import json

import pytest

from masthead.index import schema as s
from masthead_tools.local.template import function_environment, load_template, resources_of_type
from tests.builders import TEMPLATE

T = load_template(TEMPLATE)
RES = T["Resources"]


def functions():
    return resources_of_type(T, "AWS::Serverless::Function")


def test_bucket_is_private_versioned_encrypted_and_tls_only():
    props = RES["ArticlesBucket"]["Properties"]
    assert props["VersioningConfiguration"]["Status"] == "Enabled"
    assert props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert all(props["PublicAccessBlockConfiguration"].values()) and len(props["PublicAccessBlockConfiguration"]) == 4
    (statement,) = RES["ArticlesBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert statement["Effect"] == "Deny" and statement["Condition"]["Bool"]["aws:SecureTransport"] == "false"
    configs = props["NotificationConfiguration"]["QueueConfigurations"]
    pairs = {(c["Event"], c["Filter"]["S3Key"]["Rules"][0]["Value"]) for c in configs}
    assert pairs == {(e, p) for e in ("s3:ObjectCreated:*", "s3:ObjectRemoved:*") for p in ("articles/", "issues/")}


def test_every_queue_has_a_dead_letter_queue_and_visibility_six_times_its_consumer():
    timeout = T["Globals"]["Function"]["Timeout"]
    consumers = {}
    for fn in functions().values():
        for event in (fn["Properties"].get("Events") or {}).values():
            if event["Type"] == "SQS":
                consumers[event["Properties"]["Queue"]["Fn::GetAtt"][0]] = fn["Properties"].get("Timeout", timeout)
                assert event["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert set(consumers) == {"IngestQueue", "IndexQueue"}
    for queue, fn_timeout in consumers.items():
        props = RES[queue]["Properties"]
        assert props["VisibilityTimeout"] >= 6 * fn_timeout
        assert props["RedrivePolicy"]["maxReceiveCount"] >= 5


def test_stream_mapping_retries_bisects_reports_failures_and_has_a_failure_destination():
    (event,) = RES["NotifyFunction"]["Properties"]["Events"].values()
    props = event["Properties"]
    assert event["Type"] == "DynamoDB"
    assert props["MaximumRetryAttempts"] >= 1 and props["BisectBatchOnFunctionError"] is True
    assert props["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert props["DestinationConfig"]["OnFailure"]["Type"] == "SQS"
    pattern = json.loads(props["FilterCriteria"]["Filters"][0]["Pattern"])
    assert set(pattern["dynamodb"]["Keys"]["SK"]["S"]) == {s.ARTICLE_SK, s.MANIFEST_SK, s.ISSUE_SK}


def test_table_keys_and_index_match_the_code():
    props = RES["IndexTable"]["Properties"]
    assert props["BillingMode"] == "PAY_PER_REQUEST"
    assert {k["KeyType"]: k["AttributeName"] for k in props["KeySchema"]} == {"HASH": s.TABLE_PK, "RANGE": s.TABLE_SK}
    (gsi,) = props["GlobalSecondaryIndexes"]
    assert gsi["IndexName"] == s.LIST_INDEX
    assert {k["KeyType"]: k["AttributeName"] for k in gsi["KeySchema"]} == {"HASH": s.LIST_PK, "RANGE": s.LIST_SK}
    assert props["StreamSpecification"]["StreamViewType"] == "NEW_AND_OLD_IMAGES"
    assert props["TimeToLiveSpecification"]["AttributeName"] == s.TTL_ATTRIBUTE


def test_no_wildcard_actions_or_resources_of_ours():
    # Which actions each function needs is proven by tests/integration/test_permissions.py; this guards the form.
    for name, fn in functions().items():
        for policy in fn["Properties"].get("Policies", []):
            for st in policy["Statement"]:
                resources = st["Resource"] if isinstance(st["Resource"], list) else [st["Resource"]]
                assert "*" not in resources, name
                actions = st["Action"] if isinstance(st["Action"], list) else [st["Action"]]
                assert not any(a.endswith(":*") or a == "*" for a in actions), name


def test_the_pipeline_prefixes_are_the_buckets_notification_prefixes():
    from masthead.ids import PIPELINE_PREFIXES

    configs = RES["ArticlesBucket"]["Properties"]["NotificationConfiguration"]["QueueConfigurations"]
    assert {c["Filter"]["S3Key"]["Rules"][0]["Value"] for c in configs} == set(PIPELINE_PREFIXES)


def test_the_reindex_state_machine_is_a_bounded_distributed_map_over_the_bucket_feeding_the_reindex_function():
    props = RES["ReindexStateMachine"]["Properties"]
    (state,) = props["Definition"]["States"].values()
    assert state["Type"] == "Map" and state["ItemProcessor"]["ProcessorConfig"]["Mode"] == "DISTRIBUTED"
    assert state["ItemReader"]["Resource"] == "arn:aws:states:::s3:listObjectsV2"
    assert state["ItemReader"]["Parameters"]["Bucket"] == "${Bucket}"
    assert props["DefinitionSubstitutions"]["Bucket"] == function_environment(T, "ReindexFunction")["BUCKET_NAME"]
    assert state["MaxConcurrency"] == "${Concurrency}" and props["DefinitionSubstitutions"]["Concurrency"] == {"Ref": "ReindexConcurrency"}
    assert state["ItemBatcher"]["MaxItemsPerBatch"] == "${BatchSize}"
    assert state["ResultPath"] is None  # per-batch results stay out of the execution's 256 KB
    (task,) = state["ItemProcessor"]["States"].values()
    assert task["Parameters"]["FunctionName"] == "${ReindexFunctionArn}"
    assert props["DefinitionSubstitutions"]["ReindexFunctionArn"] == {"Fn::GetAtt": ["ReindexFunction", "Arn"]}
    assert task["Retry"][0] == {"ErrorEquals": ["Unprocessable"], "MaxAttempts": 0}  # no retry helps a batch it cannot read
    assert task["Retry"][-1]["ErrorEquals"] == ["States.ALL"] and task["Retry"][-1]["MaxAttempts"] >= 2
    policies = props["Policies"]
    assert {"LambdaInvokePolicy": {"FunctionName": {"Ref": "ReindexFunction"}}} in policies
    actions = {
        a
        for p in policies
        if "Statement" in p
        for st in p["Statement"]
        for a in ([st["Action"]] if isinstance(st["Action"], str) else st["Action"])
    }
    assert {"s3:ListBucket", "states:StartExecution", "states:DescribeExecution"} <= actions
    # A default batch, every extraction taking its whole time budget, fits in the function's timeout.
    batch = int(T["Parameters"]["ReindexBatchSize"]["Default"])
    budget = float(T["Parameters"]["ExtractTimeBudgetSeconds"]["Default"])
    assert RES["ReindexFunction"]["Properties"]["Timeout"] >= batch * budget


def test_every_alarm_reaches_the_alarms_topic_and_every_function_keeps_logs_for_a_set_time():
    alarms = resources_of_type(T, "AWS::CloudWatch::Alarm")
    assert len(alarms) >= 11
    for name, alarm in alarms.items():
        assert {"Ref": "AlarmsTopic"} in alarm["Properties"]["AlarmActions"], name
    for name, fn in functions().items():
        group = RES[fn["Properties"]["LoggingConfig"]["LogGroup"]["Ref"]]
        assert group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"}, name
        for event in (fn["Properties"].get("Events") or {}).values():
            if event["Type"] == "SQS":
                assert event["Properties"]["ScalingConfig"]["MaximumConcurrency"] == {"Ref": "MaxConcurrency"}, name


@pytest.mark.parametrize(
    "name, variables",
    [
        (
            "ExtractFunction",
            {
                "INDEX_QUEUE_URL",
                "DEAD_LETTER_QUEUE_URL",
                "BUCKET_NAME",
                "MAX_UPLOAD_BYTES",
                "DEFAULT_TIMEZONE",
                "EXTRACT_TIME_BUDGET_SECONDS",
            },
        ),
        ("IndexFunction", {"TABLE_NAME", "DEAD_LETTER_QUEUE_URL"}),
        ("NotifyFunction", {"TOPIC_ARN"}),
    ],
)
def test_each_function_gets_its_settings_and_logging_from_the_template(name, variables):
    env = function_environment(T, name)
    assert variables <= set(env)
    assert {"POWERTOOLS_SERVICE_NAME", "POWERTOOLS_LOG_LEVEL", "POWERTOOLS_METRICS_NAMESPACE"} <= set(env)
    assert env["PYDANTIC_DISABLE_PLUGINS"] == "__all__"  # no scan of every package's metadata at a cold start


def test_settings_models_read_exactly_the_template_variables(monkeypatch):
    from masthead.settings import ExtractSettings, IndexSettings, NotifySettings, ReindexSettings

    for name, model in (
        ("ExtractFunction", ExtractSettings),
        ("IndexFunction", IndexSettings),
        ("NotifyFunction", NotifySettings),
        ("ReindexFunction", ReindexSettings),
    ):
        env = function_environment(T, name)
        aliases = {f.validation_alias for f in model.model_fields.values()}
        assert aliases <= set(env), name


def test_sam_local_environment_resolves_as_sam_does_and_keeps_only_declared_overrides():
    from masthead_tools.local.template import sam_local_environment

    env = sam_local_environment(T, "IndexFunction", {"TABLE_NAME": "local-table", "NOT_DECLARED": "x"}, region="eu-west-1")
    assert env["TABLE_NAME"] == "local-table" and "NOT_DECLARED" not in env  # SAM drops undeclared keys
    assert env["DEAD_LETTER_QUEUE_URL"] == "IndexDeadLetterQueue"  # a resource's !Ref is its logical id locally
    assert env["POWERTOOLS_LOG_LEVEL"] == "INFO" and env["AWS_ENDPOINT_URL"] == ""  # parameters at their defaults
    bucket = sam_local_environment(T, "ExtractFunction", {}, region="eu-west-1")["BUCKET_NAME"]
    assert bucket == "masthead-dev-articles-123456789012-eu-west-1"  # !Sub with the pseudo parameters


def test_the_emulators_report_line_gives_the_calls_duration_not_its_init():
    from masthead_tools.local.runtime import _emulator_duration_ms

    line = "REPORT RequestId: 1f2e\tInit Duration: 0.03 ms\tDuration: 1000.00 ms\tBilled Duration: 1000 ms\tMemory Size: 1024 MB"
    assert _emulator_duration_ms(["START RequestId: 1f2e", line]) == 1000.0
    assert _emulator_duration_ms(["no report"]) == 0.0
