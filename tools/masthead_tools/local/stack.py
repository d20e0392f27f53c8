"""The pipeline on an embedded AWS (moto, in-process): resources as template.yaml declares them,
the real handlers, and events shaped exactly as AWS sends them.

moto cannot run Lambda functions, and its own S3 notifications lack `sequencer` and `versionId`,
so this module plays the part of the AWS services around the functions: S3 event notifications
(filtered by the template's NotificationConfiguration), the SQS and DynamoDB-stream event source
mappings (with partial batch failures, retries and dead-letter queues), and Lambda's invoke.
"""

from __future__ import annotations

import importlib.util
import json
import os
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote_plus

from .template import (
    Resolver,
    function_environment,
    global_function_property,
    load_template,
    parameter_defaults,
    resources_of_type,
)

ACCOUNT_ID = "123456789012"
REGION = "ap-northeast-1"


@dataclass
class LambdaContext:
    function_name: str
    memory_limit_in_mb: int = 512
    timeout_seconds: int = 30
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    log_group_name: str = ""
    log_stream_name: str = ""

    @property
    def invoked_function_arn(self) -> str:
        return f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:{self.function_name}"

    def get_remaining_time_in_millis(self) -> int:
        return self.timeout_seconds * 1000


@dataclass
class Function:
    logical_id: str
    handler: object  # the imported handler in-process; its "module.function" name under the runtime
    environment: dict[str, str]
    timeout: int
    memory_mb: int = 128
    sqs_sources: list[dict] = field(default_factory=list)  # {"queue_url": ..., "batch_size": ...}
    stream_sources: list[dict] = field(default_factory=list)


def matches_filter(pattern: dict, record: dict) -> bool:
    """EventBridge-style filter patterns as the template uses them (nested keys, lists of values)."""
    for name, expected in pattern.items():
        value = record.get(name) if isinstance(record, dict) else None
        if isinstance(expected, dict):
            if not isinstance(value, dict) or not matches_filter(expected, value):
                return False
        elif isinstance(expected, list):
            if value not in expected:
                return False
    return True


class LocalStack:
    """Creates the template's resources in moto and drives the functions. Use inside mock_aws()."""

    def __init__(
        self,
        template_path: str | Path,
        stack_name: str = "masthead-local",
        quiet: bool = True,
        runtime: str = "inprocess",
        overrides: dict[str, dict] | None = None,
    ) -> None:
        """`runtime`: "inprocess" calls the handlers here (moto in-process, every AWS call checked
        against the function's policy); "lambda" runs each built function under the Lambda runtime
        (local/runtime.py) against the endpoint in AWS_ENDPOINT_URL (a moto server). `overrides`:
        per function, Timeout, MemorySize, Handler or Environment values to use instead of the
        template's (what a test needs to make a function slow, small or broken)."""
        import boto3

        self.template_path = Path(template_path).resolve()
        self.root = self.template_path.parent
        self.template = load_template(self.template_path)
        self.stack_name = stack_name
        self.quiet = quiet
        if runtime not in ("inprocess", "lambda"):
            raise ValueError(f"runtime is inprocess or lambda, not {runtime!r}")
        self.runtime = runtime
        self.overrides = overrides or {}
        self._runtimes: dict = {}  # logical id -> FunctionRuntime, started on first use
        self._invoke_lock = threading.RLock()
        self.session = boto3.session.Session(region_name=REGION)
        self.s3 = self.session.client("s3")
        self.sqs = self.session.client("sqs")
        self.sns = self.session.client("sns")
        self.dynamodb = self.session.client("dynamodb")
        self.streams = self.session.client("dynamodbstreams")
        self.resolver = Resolver(
            parameters={
                **parameter_defaults(self.template),
                "AWS::StackName": stack_name,
                "AWS::AccountId": ACCOUNT_ID,
                "AWS::Region": REGION,
                "AWS::Partition": "aws",
            }
        )
        self.functions: dict[str, Function] = {}
        self.invocations: list = []  # (logical id, Invocation) under the runtime, in order
        self.queue_urls: dict[str, str] = {}
        self.dead_letter_queues: dict[str, str] = {}
        self.bucket = ""
        self.table = ""
        self.topic_arn = ""
        self.notifications_queue_url = ""
        self._shard_iterators: dict[str, str] = {}
        self._shard_of: dict[str, str] = {}  # stream sequence number -> shard id
        self._sequence = int(time.time() * 1000) << 20
        self._sequence_lock = threading.Lock()
        # True when the S3 endpoint itself reports object changes (a server's S3 events, see
        # watch_server): then upload() and delete() only make the S3 call, as any client does.
        self.events_from_server = False
        self._server_records: dict[str, dict | None] = {}

    # --- resources ------------------------------------------------------------------------------
    def create(self) -> LocalStack:
        self.create_resources()
        self._load_functions()
        self._subscribe_notifications_queue()
        if self.runtime == "inprocess":
            self._record_calls()  # under the runtime, calls are made in other processes
            self._answer_lambda_invokes()
        self._create_state_machines()
        return self

    def close(self) -> None:
        """Stop the functions' runtimes (in-process there is nothing to stop)."""
        for runtime in self._runtimes.values():
            runtime.close()
        self._runtimes.clear()

    def __enter__(self) -> LocalStack:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def create_resources(self) -> LocalStack:
        """The template's queues, topic, table and bucket, named as a stack of `stack_name` names
        them (also against a moto server: the clients follow AWS_ENDPOINT_URL)."""
        self._create_queues()
        self._create_topic()
        self._create_table()
        self._create_bucket()
        self._create_roles()
        self._create_schedule_groups()
        return self

    def _record_calls(self) -> None:
        """Record every AWS call the functions make, and answer S3 reads of missing keys as S3 does
        for the function's policy (403 without s3:ListBucket)."""
        import boto3

        from .permissions import CallRecorder, function_statements

        # The handlers' clients come from boto3's default session: a fresh one per stack, so no
        # hook outlives its stack.
        boto3.setup_default_session(region_name=REGION)
        statements = {logical: function_statements(self.template, logical, self.resolver) for logical in self.functions}

        def may_list_bucket(function: str, bucket: str) -> bool:
            return any(st.allows("s3:ListBucket", f"arn:aws:s3:::{bucket}") for st in statements[function])

        self.recorder = CallRecorder(boto3.DEFAULT_SESSION, self.object_exists, may_list_bucket)

    def object_exists(self, bucket: str, key: str, version_id: str | None = None) -> bool:
        from botocore.exceptions import ClientError

        args = {"VersionId": version_id} if version_id and version_id != "null" else {}
        try:
            self.s3.head_object(Bucket=bucket, Key=key, **args)
        except ClientError:
            return False
        return True

    def _create_queues(self) -> None:
        queues = resources_of_type(self.template, "AWS::SQS::Queue")
        # Dead-letter queues first: the others' RedrivePolicy names them.
        ordered = sorted(queues, key=lambda q: "RedrivePolicy" in (queues[q].get("Properties") or {}))
        for logical in ordered:
            props = dict(queues[logical].get("Properties") or {})
            name = f"{self.stack_name}-{logical}"
            attributes = {}
            if "VisibilityTimeout" in props:
                attributes["VisibilityTimeout"] = str(props["VisibilityTimeout"])
            if "MessageRetentionPeriod" in props:
                attributes["MessageRetentionPeriod"] = str(props["MessageRetentionPeriod"])
            if "RedrivePolicy" in props:
                redrive = self.resolver.resolve(props["RedrivePolicy"])
                attributes["RedrivePolicy"] = json.dumps(redrive)
                self.dead_letter_queues[logical] = redrive["deadLetterTargetArn"]
            url = self.sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
            arn = f"arn:aws:sqs:{REGION}:{ACCOUNT_ID}:{name}"
            self.queue_urls[logical] = url
            self.resolver.refs[logical] = url
            self.resolver.attributes[(logical, "Arn")] = arn
            self.resolver.attributes[(logical, "QueueName")] = name
            self.resolver.attributes[(logical, "QueueUrl")] = url

    def _create_topic(self) -> None:
        for logical in resources_of_type(self.template, "AWS::SNS::Topic"):
            arn = self.sns.create_topic(Name=f"{self.stack_name}-{logical}")["TopicArn"]
            self.resolver.refs[logical] = arn
            self.resolver.attributes[(logical, "TopicName")] = arn.rsplit(":", 1)[1]
            self.resolver.attributes[(logical, "TopicArn")] = arn
        # The topic downstream services subscribe to: the one NotifyFunction publishes to.
        self.topic_arn = self.resolver.resolve(function_environment(self.template, "NotifyFunction")["TOPIC_ARN"])

    def _create_table(self) -> None:
        for logical, res in resources_of_type(self.template, "AWS::DynamoDB::Table").items():
            props = res["Properties"]
            name = f"{self.stack_name}-{logical}"
            args = {
                "TableName": name,
                "AttributeDefinitions": props["AttributeDefinitions"],
                "KeySchema": props["KeySchema"],
                "BillingMode": props.get("BillingMode", "PAY_PER_REQUEST"),
            }
            if props.get("GlobalSecondaryIndexes"):
                args["GlobalSecondaryIndexes"] = props["GlobalSecondaryIndexes"]
            if props.get("StreamSpecification"):
                args["StreamSpecification"] = {"StreamEnabled": True, **props["StreamSpecification"]}
            description = self.dynamodb.create_table(**args)["TableDescription"]
            ttl = props.get("TimeToLiveSpecification")
            if ttl:
                self.dynamodb.update_time_to_live(TableName=name, TimeToLiveSpecification=ttl)
            self.resolver.refs[logical] = name
            self.resolver.attributes[(logical, "Arn")] = description["TableArn"]
            self.resolver.attributes[(logical, "StreamArn")] = description.get("LatestStreamArn", "")
            self.table = name

    def _create_bucket(self) -> None:
        for logical, res in resources_of_type(self.template, "AWS::S3::Bucket").items():
            props = res["Properties"]
            name = self.resolver.resolve(props["BucketName"])
            self.s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
            if (props.get("VersioningConfiguration") or {}).get("Status") == "Enabled":
                self.s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
            self.resolver.refs[logical] = name
            self.resolver.attributes[(logical, "Arn")] = f"arn:aws:s3:::{name}"
            self.bucket = name
            self.bucket_notifications = [
                self.resolver.resolve(config) for config in (props.get("NotificationConfiguration") or {}).get("QueueConfigurations", [])
            ]

    def _create_roles(self) -> None:
        """Roles are named, not created (moto enforces no IAM): what a function passes is the ARN."""
        for logical in resources_of_type(self.template, "AWS::IAM::Role"):
            name = f"{self.stack_name}-{logical}"
            self.resolver.refs[logical] = name
            self.resolver.attributes[(logical, "Arn")] = f"arn:aws:iam::{ACCOUNT_ID}:role/{name}"

    def _create_schedule_groups(self) -> None:
        self.schedule_groups: list[str] = []
        for logical, res in resources_of_type(self.template, "AWS::Scheduler::ScheduleGroup").items():
            name = self.resolver.resolve(res["Properties"]["Name"])
            self.session.client("scheduler").create_schedule_group(Name=name)
            self.resolver.refs[logical] = name
            self.resolver.attributes[(logical, "Arn")] = f"arn:aws:scheduler:{REGION}:{ACCOUNT_ID}:schedule-group/{name}"
            self.schedule_groups.append(name)

    # --- EventBridge Scheduler: moto stores the schedules; the clock is run here ------------------
    def pending_timers(self) -> list[dict]:
        """Every one-time schedule in the stack's groups: name, when (UTC), target queue, input."""
        scheduler = self.session.client("scheduler")
        found = []
        for group in self.schedule_groups:
            for summary in scheduler.list_schedules(GroupName=group).get("Schedules", []):
                schedule = scheduler.get_schedule(GroupName=group, Name=summary["Name"])
                at = datetime.fromisoformat(schedule["ScheduleExpression"][len("at(") : -1]).replace(tzinfo=UTC)
                found.append({"group": group, "name": schedule["Name"], "at": at, "target": schedule["Target"]})
        return sorted(found, key=lambda timer: timer["at"])

    def fire_due_timers(self, now: datetime) -> int:
        """Fire, as EventBridge Scheduler would at `now`, every schedule due by then: its input (the
        scheduled time filled in) sent to its target queue, and the schedule deleted."""
        from masthead.index.timers import SCHEDULED_TIME

        scheduler = self.session.client("scheduler")
        fired = 0
        for timer in self.pending_timers():
            if timer["at"] > now:
                continue
            queue = next(q for q in self.queue_urls if self.resolver.attributes[(q, "Arn")] == timer["target"]["Arn"])
            body = timer["target"]["Input"].replace(SCHEDULED_TIME, timer["at"].strftime("%Y-%m-%dT%H:%M:%SZ"))
            self.sqs.send_message(QueueUrl=self.queue_urls[queue], MessageBody=body)
            scheduler.delete_schedule(GroupName=timer["group"], Name=timer["name"])
            fired += 1
        return fired

    def run_clock(self, until: datetime, progress=None, max_rounds: int = 50) -> int:
        """Move the clock to `until`: fire the timers due, run the pipeline, and again for the timers
        that set (a release sets the expiry timer), until none is due. Returns how many fired."""
        total = 0
        for _ in range(max_rounds):
            fired = self.fire_due_timers(until)
            if not fired:
                return total
            total += fired
            if progress:
                progress("timers fired", fired)
            self.run_until_idle(progress=progress)
        raise RuntimeError("timers kept firing")

    def _load_functions(self) -> None:
        for logical, res in resources_of_type(self.template, "AWS::Serverless::Function").items():
            props = {**res["Properties"], **self.overrides.get(logical, {})}
            environment = {k: str(v) for k, v in self.resolver.resolve(function_environment(self.template, logical)).items()}
            environment.update(self.overrides.get(logical, {}).get("Environment", {}))
            function = Function(
                logical_id=logical,
                handler=props["Handler"] if self.runtime == "lambda" else self._import_handler(logical, props, environment),
                environment=environment,
                timeout=int(props.get("Timeout") or global_function_property(self.template, "Timeout", 3)),
                memory_mb=int(props.get("MemorySize") or global_function_property(self.template, "MemorySize", 128)),
            )
            for event in (props.get("Events") or {}).values():
                event_props = event.get("Properties") or {}
                if event["Type"] == "SQS":
                    arn = self.resolver.resolve(event_props["Queue"])
                    logical_queue = next(q for q, url in self.queue_urls.items() if self.resolver.attributes[(q, "Arn")] == arn)
                    function.sqs_sources.append({"queue": logical_queue, "batch_size": int(event_props.get("BatchSize", 10))})
                elif event["Type"] == "DynamoDB":
                    function.stream_sources.append(
                        {
                            "stream_arn": self.resolver.resolve(event_props["Stream"]),
                            "batch_size": int(event_props.get("BatchSize", 100)),
                            "max_retries": int(event_props.get("MaximumRetryAttempts", 0)),
                            "filters": [json.loads(f["Pattern"]) for f in ((event_props.get("FilterCriteria") or {}).get("Filters") or [])],
                            "on_failure": self.resolver.resolve(
                                ((event_props.get("DestinationConfig") or {}).get("OnFailure") or {}).get("Destination")
                            ),
                        }
                    )
            self.functions[logical] = function
            name = f"{self.stack_name}-{logical}"
            self.resolver.refs[logical] = name
            self.resolver.attributes[(logical, "Arn")] = f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:{name}"

    def _import_handler(self, logical: str, props: dict, environment: dict[str, str]):
        module_name, attr = props["Handler"].rsplit(".", 1)
        path = self.root / props["CodeUri"] / f"{module_name}.py"
        with self._environment(environment):
            spec = importlib.util.spec_from_file_location(f"masthead_function_{logical}", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        return getattr(module, attr)

    # --- Step Functions: moto runs the definitions; their Lambda tasks call the handlers here ----
    def _answer_lambda_invokes(self) -> None:
        import boto3

        from .statemachines import LambdaInvokes

        names = {f"{self.stack_name}-{logical}": logical for logical in self.functions}
        self.lambda_invokes = LambdaInvokes(self.invoke, names)
        self.lambda_invokes.attach(boto3.DEFAULT_SESSION)

    def _create_state_machines(self) -> None:
        from .statemachines import for_moto, state_machine_definitions

        self.state_machines: dict[str, str] = {}
        sfn = self.session.client("stepfunctions")
        for logical, (name, definition) in state_machine_definitions(self.template, self.resolver.resolve).items():
            role = f"arn:aws:iam::{ACCOUNT_ID}:role/{self.stack_name}-{logical}Role"
            arn = sfn.create_state_machine(name=name, definition=json.dumps(for_moto(definition)), roleArn=role)["stateMachineArn"]
            self.state_machines[logical] = arn
            self.resolver.refs[logical] = arn

    def start_reindex(self, run_id: str, prefix: str = "", outdated_only: bool = False, name: str | None = None) -> str:
        """Start the reindex state machine (as `masthead reindex` does on AWS); its execution ARN."""
        sfn = self.session.client("stepfunctions")
        run = {"run_id": run_id, "prefix": prefix, "outdated_only": outdated_only}
        arn = self.state_machines["ReindexStateMachine"]
        return sfn.start_execution(stateMachineArn=arn, name=name or f"{run_id}-{uuid.uuid4().hex[:8]}", input=json.dumps(run))[
            "executionArn"
        ]

    def wait_for_execution(self, execution_arn: str, timeout: float = 120.0) -> dict:
        """Wait until a state machine execution ends (moto runs it in threads of its own)."""
        sfn = self.session.client("stepfunctions")
        deadline = time.monotonic() + timeout
        while (described := sfn.describe_execution(executionArn=execution_arn))["status"] == "RUNNING":
            if time.monotonic() > deadline:
                raise TimeoutError(f"{execution_arn} still running after {timeout:.0f} s")
            time.sleep(0.05)
        return described

    def reindex(self, run_id: str, prefix: str = "", outdated_only: bool = False) -> dict:
        """A whole reindex run: the state machine to its end, then the pipeline until idle.
        Returns the execution's description."""
        described = self.wait_for_execution(self.start_reindex(run_id, prefix, outdated_only))
        self.run_until_idle()
        return described

    def _subscribe_notifications_queue(self) -> None:
        """A queue subscribed to the topic, as a downstream consumer would have."""
        url = self.sqs.create_queue(QueueName=f"{self.stack_name}-notifications-subscriber")["QueueUrl"]
        self.notifications_queue_url = url
        arn = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        self.sns.subscribe(TopicArn=self.topic_arn, Protocol="sqs", Endpoint=arn)

    def _environment(self, variables: dict[str, str]):
        quiet = {"POWERTOOLS_LOG_LEVEL": "CRITICAL"} if self.quiet else {}
        # The template declares AWS_ENDPOINT_URL empty (AWS itself); against a local server the
        # handlers call the server, as env.json sets it for sam local invoke.
        endpoint = {"AWS_ENDPOINT_URL": os.environ["AWS_ENDPOINT_URL"]} if os.environ.get("AWS_ENDPOINT_URL") else {}
        return patched_environ({**variables, **endpoint, **quiet})

    @contextmanager
    def exclusively(self):
        """Hold while calling the embedded AWS from a thread of one's own (a command under test
        polling while the index side runs): moto's backends are not thread-safe, and handlers write
        to them from this thread and from moto's state-machine threads, one invocation at a time."""
        with self._invoke_lock:
            yield

    def invoke(self, logical_id: str, event: dict) -> dict:
        """Invoke a handler as Lambda would, with the function's environment from the template."""
        from masthead.service import runtime

        function = self.functions[logical_id]
        # One invocation at a time: handlers share this process's environment, and moto's state
        # machines invoke from threads of their own.
        with self._invoke_lock:
            return self._invoke_locked(runtime, function, event)

    def _invoke_locked(self, runtime, function: Function, event: dict) -> dict:
        logical_id = function.logical_id
        self.recorder.function = logical_id
        try:
            with self._environment(function.environment):
                if _warm.get("stack") is not self:
                    # Warm between invocations, as Lambda keeps a container: the wiring (clients,
                    # settings) is built once per function, anew only for another stack.
                    runtime.reset()
                    _warm["stack"] = self
                return (
                    function.handler(
                        event, LambdaContext(function_name=f"{self.stack_name}-{logical_id}", timeout_seconds=function.timeout)
                    )
                    or {}
                )
        finally:
            self.recorder.function = None
            _drop_unpublished_metrics()

    def invoke_runtime(self, logical_id: str, event: dict):
        """Invoke the built function under the Lambda runtime; returns the runtime's Invocation."""
        runtime = self._runtimes.get(logical_id)
        if runtime is None:
            runtime = self._runtimes[logical_id] = self._start_runtime(self.functions[logical_id])
        self.invocations.append((logical_id, result := runtime.invoke(event)))
        return result

    def _start_runtime(self, function: Function):
        from .runtime import FunctionRuntime, FunctionSpec, built, ensure_built

        spec = FunctionSpec(function.logical_id, str(function.handler), function.timeout, function.memory_mb)
        code, layer = built(ensure_built(self.root), function.logical_id)
        local = {k: os.environ[k] for k in ("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY") if k in os.environ}
        # The endpoint override the template declares empty for AWS, set as env.json would set it.
        variables = {
            "HOME": os.environ.get("HOME", "/tmp"),
            **function.environment,
            **local,
            "AWS_REGION": REGION,
            "POWERTOOLS_TRACE_DISABLED": "true",  # no X-Ray daemon on a laptop
        }
        return FunctionRuntime(self.root, spec, variables, code, layer)

    def _failures(self, logical_id: str, event: dict, identifiers: list[str]) -> set[str]:
        """The records an invocation failed: its batchItemFailures, or all of them if it raised
        (in-process) or failed, timed out or crashed (under the runtime)."""
        if self.runtime == "lambda":
            done = self.invoke_runtime(logical_id, event)
            if done.failed or not isinstance(done.response, dict):
                return set(identifiers)
            result = done.response
        else:
            try:
                result = self.invoke(logical_id, event)
            except Exception:  # noqa: BLE001 - Lambda treats a raised error as the whole batch failing
                return set(identifiers)
        return {f["itemIdentifier"] for f in (result or {}).get("batchItemFailures", [])}

    # --- S3, as the bucket's notification configuration declares --------------------------------
    def _next_sequencer(self) -> str:
        with self._sequence_lock:  # uploads through a server arrive on threads of their own
            self._sequence += 1
            return f"{self._sequence:018X}"

    def _s3_event(self, name: str, key: str, obj: dict) -> dict:
        now = datetime.now(UTC)
        return {
            "eventVersion": "2.1",
            "eventSource": "aws:s3",
            "awsRegion": REGION,
            "eventTime": now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z",
            "eventName": name,
            "userIdentity": {"principalId": "AWS:AIDAEXAMPLEEDITOR"},
            "requestParameters": {"sourceIPAddress": "203.0.113.10"},
            "responseElements": {"x-amz-request-id": uuid.uuid4().hex[:16].upper(), "x-amz-id-2": uuid.uuid4().hex},
            "s3": {
                "s3SchemaVersion": "1.0",
                "configurationId": "masthead-uploads",
                "bucket": {"name": self.bucket, "ownerIdentity": {"principalId": "A3EXAMPLE"}, "arn": f"arn:aws:s3:::{self.bucket}"},
                # Keys are form-URL-encoded in S3 events: spaces as '+', non-ASCII percent-encoded.
                "object": {"key": quote_plus(key, safe="/"), **obj, "sequencer": self._next_sequencer()},
            },
        }

    def _notify_s3(self, event_name: str, key: str, obj: dict) -> dict | None:
        for config in self.bucket_notifications:
            wanted = config["Event"]
            if not (wanted == event_name or (wanted.endswith(":*") and ("s3:" + event_name).startswith(wanted[:-1]))):
                continue
            rules = {r["Name"].lower(): r["Value"] for r in config.get("Filter", {}).get("S3Key", {}).get("Rules", [])}
            if not key.startswith(rules.get("prefix", "")) or not key.endswith(rules.get("suffix", "")):
                continue
            arn = config["Queue"]
            queue = next(q for q in self.queue_urls if self.resolver.attributes[(q, "Arn")] == arn)
            record = self._s3_event(event_name, key, obj)
            self.sqs.send_message(QueueUrl=self.queue_urls[queue], MessageBody=json.dumps({"Records": [record]}))
            return record
        return None

    def watch_server(self, server) -> None:
        """Take S3 event notifications from the server's S3 (every client's uploads and deletes)."""
        server.s3_events.notify = self.on_s3_change
        self.events_from_server = True

    def on_s3_change(self, event_name: str, bucket: str, key: str, version_id: str | None) -> dict | None:
        """Deliver the event S3 sends for one object created or removed; returns its record."""
        if bucket != self.bucket:
            return None
        version = {"VersionId": version_id} if version_id and version_id != "null" else {}
        obj: dict = {"versionId": version_id} if version else {}
        if event_name.startswith("ObjectCreated"):
            head = self.s3.head_object(Bucket=bucket, Key=key, **version)
            obj.update(size=head["ContentLength"], eTag=head["ETag"].strip('"'))
        record = self._notify_s3(event_name, key, obj)
        self._server_records[key] = record
        return record

    def upload(self, key: str, data: bytes) -> dict | None:
        """Put an object and deliver its ObjectCreated event; returns the S3 event record (or None)."""
        if self.events_from_server:
            self._server_records.pop(key, None)
            self.s3.put_object(Bucket=self.bucket, Key=key, Body=data)
            return self._server_records.pop(key, None)
        response = self.s3.put_object(Bucket=self.bucket, Key=key, Body=data)
        obj = {"size": len(data), "eTag": response["ETag"].strip('"')}
        if response.get("VersionId"):
            obj["versionId"] = response["VersionId"]
        return self._notify_s3("ObjectCreated:Put", key, obj)

    def delete(self, key: str, version_id: str | None = None) -> dict | None:
        """Delete an object (a delete marker) or, with version_id, one version for good."""
        args = {"VersionId": version_id} if version_id else {}
        if self.events_from_server:
            self._server_records.pop(key, None)
            self.s3.delete_object(Bucket=self.bucket, Key=key, **args)
            return self._server_records.pop(key, None)
        response = self.s3.delete_object(Bucket=self.bucket, Key=key, **args)
        obj = {"versionId": version_id} if version_id else {}
        name = "ObjectRemoved:Delete"
        if response.get("DeleteMarker"):
            name = "ObjectRemoved:DeleteMarkerCreated"
            obj["versionId"] = response.get("VersionId")
        return self._notify_s3(name, key, obj)

    # --- event source mappings -------------------------------------------------------------------
    def _drain_queue(self, function: Function, source: dict) -> int:
        url = self.queue_urls[source["queue"]]
        response = self.sqs.receive_message(
            QueueUrl=url, MaxNumberOfMessages=min(10, source["batch_size"]), AttributeNames=["All"], MessageAttributeNames=["All"]
        )
        messages = response.get("Messages", [])
        if not messages:
            return 0
        arn = self.resolver.attributes[(source["queue"], "Arn")]
        event = {
            "Records": [
                {
                    "messageId": m["MessageId"],
                    "receiptHandle": m["ReceiptHandle"],
                    "body": m["Body"],
                    "attributes": m.get("Attributes", {}),
                    "messageAttributes": m.get("MessageAttributes", {}),
                    "md5OfBody": m["MD5OfBody"],
                    "eventSource": "aws:sqs",
                    "eventSourceARN": arn,
                    "awsRegion": REGION,
                }
                for m in messages
            ]
        }
        failed = self._failures(function.logical_id, event, [m["MessageId"] for m in messages])
        for m in messages:
            if m["MessageId"] in failed:
                # Visible again at once (instead of after the visibility timeout) so the run ends quickly.
                self.sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"], VisibilityTimeout=0)
            else:
                self.sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
        return len(messages)

    def stream_positions(self) -> set[str]:
        """The shard iterators the stream mappings read from next (what moto must keep)."""
        return set(self._shard_iterators.values())

    def _stream_records(self, stream_arn: str) -> list[dict]:
        records = []
        description = self.streams.describe_stream(StreamArn=stream_arn)["StreamDescription"]
        for shard in description["Shards"]:
            shard_id = shard["ShardId"]
            iterator = (
                self._shard_iterators.get(shard_id)
                or self.streams.get_shard_iterator(StreamArn=stream_arn, ShardId=shard_id, ShardIteratorType="TRIM_HORIZON")[
                    "ShardIterator"
                ]
            )
            response = self.streams.get_records(ShardIterator=iterator)
            self._shard_iterators[shard_id] = response["NextShardIterator"]
            for record in response["Records"]:
                self._shard_of[record["dynamodb"]["SequenceNumber"]] = shard_id
            records.extend(response["Records"])
        return records

    def _on_failure_message(self, function: Function, source: dict, batch: list[dict], attempts: int) -> str:
        """What Lambda sends to a stream mapping's OnFailure destination: where the batch lies on
        the stream, not the records themselves."""
        first, last = batch[0]["dynamodb"], batch[-1]["dynamodb"]
        return json.dumps(
            {
                "requestContext": {
                    "requestId": str(uuid.uuid4()),
                    "condition": "RetryAttemptsExhausted",
                    "approximateInvokeCount": attempts,
                    "functionArn": f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:{self.stack_name}-{function.logical_id}",
                },
                "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"},
                "version": "1.0",
                "timestamp": datetime.now(UTC).isoformat(),
                "DDBStreamBatchInfo": {
                    "shardId": self._shard_of[first["SequenceNumber"]],
                    "startSequenceNumber": first["SequenceNumber"],
                    "endSequenceNumber": last["SequenceNumber"],
                    "approximateArrivalOfFirstRecord": first.get("ApproximateCreationDateTime"),
                    "approximateArrivalOfLastRecord": last.get("ApproximateCreationDateTime"),
                    "batchSize": len(batch),
                    "streamArn": source["stream_arn"],
                },
            },
            default=str,
        )

    @staticmethod
    def _lambda_stream_record(record: dict, stream_arn: str) -> dict:
        data = dict(record["dynamodb"])
        created = data.get("ApproximateCreationDateTime")
        if isinstance(created, datetime):
            data["ApproximateCreationDateTime"] = int(created.timestamp())
        return {
            "eventID": record["eventID"],
            "eventName": record["eventName"],
            "eventVersion": "1.1",
            "eventSource": "aws:dynamodb",
            "awsRegion": REGION,
            "dynamodb": data,
            "eventSourceARN": stream_arn,
        }

    def _drain_stream(self, function: Function, source: dict) -> int:
        raw = self._stream_records(source["stream_arn"])
        try:
            return self._deliver_stream(function, source, raw)
        finally:
            for record in raw:  # read once: a stack that stays up keeps no record of them
                self._shard_of.pop(record["dynamodb"]["SequenceNumber"], None)

    def _deliver_stream(self, function: Function, source: dict, raw: list[dict]) -> int:
        records = [self._lambda_stream_record(r, source["stream_arn"]) for r in raw]
        if source["filters"]:
            records = [r for r in records if any(matches_filter(p, r) for p in source["filters"])]
        pending = records
        attempts = 0
        while pending:
            batch = pending[: source["batch_size"]]
            failures = self._failures(function.logical_id, {"Records": batch}, [r["dynamodb"]["SequenceNumber"] for r in batch])
            if not failures:
                pending = pending[len(batch) :]
                attempts = 0
                continue
            # Lambda retries from the first failed record on; after MaximumRetryAttempts the batch
            # goes to the OnFailure destination and the shard moves on.
            first = next(i for i, r in enumerate(batch) if r["dynamodb"]["SequenceNumber"] in failures)
            attempts += 1
            if attempts > source["max_retries"]:
                if source["on_failure"]:
                    queue = next(q for q in self.queue_urls if self.resolver.attributes[(q, "Arn")] == source["on_failure"])
                    self.sqs.send_message(
                        QueueUrl=self.queue_urls[queue], MessageBody=self._on_failure_message(function, source, batch[first:], attempts)
                    )
                pending = pending[len(batch) :]
                attempts = 0
            else:
                pending = pending[first:]
        return len(records)

    def run_until_idle(self, max_rounds: int = 200, progress=None) -> int:
        """Deliver queued messages and stream records to their functions until nothing moves."""
        total = 0
        for _ in range(max_rounds):
            moved = self.run_once(progress)
            total += moved
            if not moved:
                return total
        raise RuntimeError("the pipeline did not settle")

    def run_once(self, progress=None) -> int:
        """One round of every event source mapping: each queue drained, each stream read once.
        Returns how many messages and records moved."""
        moved = 0
        for function in self.functions.values():
            for source in function.sqs_sources:
                while n := self._drain_queue(function, source):
                    moved += n
                    if progress:
                        progress(function.logical_id, n)
            for source in function.stream_sources:
                n = self._drain_stream(function, source)
                moved += n
                if progress and n:
                    progress(function.logical_id, n)
        return moved

    def take_ingest_messages(self) -> list[str]:
        """Take the pending S3 event messages out of the ingest queue (to redeliver them in another
        order, twice, or not at all: what S3 and SQS may do)."""
        url = self.queue_urls["IngestQueue"]
        bodies = []
        while messages := self.sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
            for m in messages:
                bodies.append(m["Body"])
                self.sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
        return bodies

    def deliver_ingest_messages(self, bodies: list[str]) -> None:
        for body in bodies:
            self.sqs.send_message(QueueUrl=self.queue_urls["IngestQueue"], MessageBody=body)

    # --- what came out ---------------------------------------------------------------------------
    def notifications(self) -> list[dict]:
        """Notifications received by the subscribed queue so far (and removes them from it)."""
        out = []
        while True:
            response = self.sqs.receive_message(QueueUrl=self.notifications_queue_url, MaxNumberOfMessages=10)
            messages = response.get("Messages", [])
            if not messages:
                return out
            for m in messages:
                envelope = json.loads(m["Body"])
                attributes = {k: v.get("Value") for k, v in (envelope.get("MessageAttributes") or {}).items()}
                out.append({"event_type": attributes.get("event_type"), "attributes": attributes, "body": json.loads(envelope["Message"])})
                self.sqs.delete_message(QueueUrl=self.notifications_queue_url, ReceiptHandle=m["ReceiptHandle"])

    def dead_letters(self) -> dict[str, int]:
        """How many messages sit in each dead-letter queue."""
        counts = {}
        dlq_names = set(self.dead_letter_queues.values())
        for logical, url in self.queue_urls.items():
            arn = self.resolver.attributes[(logical, "Arn")]
            if arn in dlq_names or logical.endswith("DeadLetterQueue"):
                attrs = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"])["Attributes"]
                counts[logical] = int(attrs["ApproximateNumberOfMessages"])
        return counts

    def reader(self):
        from ..reader import IndexReader

        return IndexReader(self.dynamodb, self.table)


def _drop_unpublished_metrics() -> None:
    """With metrics disabled (no CloudWatch here), Powertools keeps each invocation's metrics in a
    buffer shared by every handler of the process and prints them all once it holds 100: drop
    them after each invocation instead (a stack that stays up would print them among its output)."""
    if os.environ.get("POWERTOOLS_METRICS_DISABLED", "").lower() == "true":
        from aws_lambda_powertools import Metrics

        Metrics().clear_metrics()


# The stack whose functions the process's runtime wiring was built for (see LocalStack.invoke).
_warm: dict[str, object] = {}


@contextmanager
def patched_environ(values: dict[str, str]):
    """Set environment variables for a block, then restore exactly what was there."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@contextmanager
def embedded_aws():
    """An in-process AWS for this block: fake credentials, moto for every call."""
    from moto import mock_aws

    from .moto_fixes import install

    install()
    fake = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "POWERTOOLS_TRACE_DISABLED": "true",
        "POWERTOOLS_METRICS_DISABLED": "true",
    }
    # moto runs state machines' definitions (the reindex run) only when asked to.
    with patched_environ(fake), mock_aws(config={"stepfunctions": {"execute_state_machine": True}}):
        yield


@contextmanager
def local_server():
    """A moto server on localhost for this block, the clients made here pointed at it: what
    functions running in processes of their own (the Lambda runtime) can reach."""
    from .server import RecordingMotoServer

    server = RecordingMotoServer()
    server.start()
    local = {
        "AWS_ENDPOINT_URL": server.url,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION,
    }
    try:
        with patched_environ(local):
            yield server
    finally:
        server.stop()


def aws_for(runtime: str):
    """The AWS a stack of this runtime needs: moto in-process, or a moto server for the runtime."""
    return local_server() if runtime == "lambda" else embedded_aws()


def upload_folder(stack: LocalStack, source: Path) -> tuple[list[str], list[str]]:
    """Upload every file under `source`, keys relative to it, in a stable order.

    Returns (keys uploaded, keys the bucket sends no event for: outside articles/ and issues/).
    """
    keys, silent = [], []
    for path in sorted(
        p for p in source.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(source).parts)
    ):
        key = path.relative_to(source).as_posix()
        if stack.upload(key, path.read_bytes()) is None:
            silent.append(key)
        keys.append(key)
    return keys, silent
