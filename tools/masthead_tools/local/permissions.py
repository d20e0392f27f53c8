"""What each function may do on AWS, and what it actually does: its IAM policy read from
template.yaml, and a recorder of every AWS call its code makes on the embedded AWS.

moto enforces no IAM, so the recorder also plays the one part of IAM that changes what the code
sees: S3 answers a read of a missing key with 403 AccessDenied, not 404, to a caller without
s3:ListBucket on the bucket (S3 GetObject documentation). With it on, a policy that forgets
ListBucket breaks deletes here exactly as it would on AWS.
"""

from __future__ import annotations

import fnmatch
import threading
from dataclasses import dataclass, field

# AWS calls -> the IAM actions they need (TransactWriteItems needs one per kind of item in it).
_TRANSACT_ACTIONS = {
    "Put": "dynamodb:PutItem",
    "Update": "dynamodb:UpdateItem",
    "Delete": "dynamodb:DeleteItem",
    "ConditionCheck": "dynamodb:ConditionCheckItem",
}
_ACTION_FOR = {
    ("sqs", "SendMessageBatch"): "sqs:SendMessage",
    ("sns", "PublishBatch"): "sns:Publish",
}


@dataclass(frozen=True)
class Call:
    function: str
    service: str
    operation: str
    params: dict = field(hash=False, compare=False)


@dataclass(frozen=True)
class Need:
    """One IAM permission a call needs: an action on a resource."""

    action: str
    resource: str
    call: str  # the call that needs it, for messages


@dataclass
class Statement:
    actions: list[str]
    resources: list[str]
    sid: str = ""

    def allows(self, action: str, resource: str) -> bool:
        return any(fnmatch.fnmatchcase(action, a) for a in self.actions) and any(fnmatch.fnmatchcase(resource, r) for r in self.resources)


def function_statements(template: dict, logical_id: str, resolver) -> list[Statement]:
    """The Allow statements of a function's inline policies (Policies: - Statement: [...])."""
    statements = []
    for policy in template["Resources"][logical_id]["Properties"].get("Policies") or []:
        if not isinstance(policy, dict) or "Statement" not in policy:
            raise ValueError(f"{logical_id}: only inline Statement policies are understood here, not {policy!r}")
        for statement in policy["Statement"]:
            if statement.get("Effect") != "Allow":
                continue
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            resources = resolver.resolve(statement["Resource"])
            statements.append(Statement(actions, resources if isinstance(resources, list) else [resources], statement.get("Sid", "")))
    return statements


class CallRecorder:
    """Records every call made through a boto3 session while a function is running."""

    def __init__(self, session, object_exists=None, may_list_bucket=None) -> None:
        self.calls: list[Call] = []
        # The function running in each thread (moto runs state machines in threads of their own,
        # whose calls are the state machine's, not a function's).
        self._running = threading.local()
        # Fault injection for tests: a callable (call) -> bool that fails the call when true.
        self.fail_when = None
        self.missing_reads: list[Call] = []  # GetObject calls on keys that did not exist
        self._object_exists = object_exists
        self._may_list_bucket = may_list_bucket
        events = session.events if hasattr(session, "events") else session._session.get_component("event_emitter")
        events.register("before-parameter-build", self._record)
        events.register("before-call.s3.GetObject", self._s3_get_object)

    @property
    def function(self) -> str | None:
        return getattr(self._running, "function", None)

    @function.setter
    def function(self, logical_id: str | None) -> None:
        self._running.function = logical_id

    def _record(self, params, model, context, **_):
        if self.function is None:
            return
        call = Call(self.function, model.service_model.service_name, model.name, dict(params))
        self.calls.append(call)
        context["masthead_call"] = call
        if self.fail_when is not None and self.fail_when(call):
            raise ConnectionError(f"injected fault in {call.service}.{call.operation}")

    def _s3_get_object(self, context, **_):
        call = context.get("masthead_call")
        if call is None or self._object_exists is None:
            return None
        params = call.params
        if self._object_exists(params["Bucket"], params["Key"], params.get("VersionId")):
            return None
        self.missing_reads.append(call)
        if self._may_list_bucket(call.function, params["Bucket"]):
            return None  # moto answers 404 NoSuchKey, as S3 does to a caller with ListBucket
        return _AccessDenied(), {"Error": {"Code": "AccessDenied", "Message": "Access Denied"}, "ResponseMetadata": {"HTTPStatusCode": 403}}


class _AccessDenied:
    status_code = 403
    headers: dict = {}
    content = b""
    raw = None


@dataclass
class Arns:
    """How the stack's resources are named in ARNs (queue URLs and table names to ARNs)."""

    region: str
    account: str
    queue_arns: dict[str, str]  # queue URL -> ARN
    encrypted_topics: set[str]

    def table(self, name: str) -> str:
        return f"arn:aws:dynamodb:{self.region}:{self.account}:table/{name}"

    def sns_key(self) -> str:
        return f"arn:aws:kms:{self.region}:{self.account}:key/aws-managed-sns-key"


def needs(call: Call, arns: Arns, object_missing: bool = False) -> list[Need]:
    """The IAM permissions one recorded call needs on AWS."""
    p = call.params
    name = f"{call.service}.{call.operation}"
    if call.service == "s3" and call.operation == "GetObject":
        found = [Need("s3:GetObject", f"arn:aws:s3:::{p['Bucket']}/{p['Key']}", name)]
        if p.get("VersionId"):
            found.append(Need("s3:GetObjectVersion", f"arn:aws:s3:::{p['Bucket']}/{p['Key']}", name))
        if object_missing:
            found.append(Need("s3:ListBucket", f"arn:aws:s3:::{p['Bucket']}", name))
        return found
    if call.service == "sqs":
        return [Need(_ACTION_FOR.get((call.service, call.operation), f"sqs:{call.operation}"), arns.queue_arns[p["QueueUrl"]], name)]
    if call.service == "sns":
        topic = p["TopicArn"]
        found = [Need(_ACTION_FOR.get((call.service, call.operation), f"sns:{call.operation}"), topic, name)]
        if topic in arns.encrypted_topics:  # SNS encrypts with the topic's key on the publisher's behalf
            found += [Need("kms:GenerateDataKey", arns.sns_key(), name), Need("kms:Decrypt", arns.sns_key(), name)]
        return found
    if call.service == "scheduler":
        schedule = f"arn:aws:scheduler:{arns.region}:{arns.account}:schedule/{p.get('GroupName', 'default')}/{p['Name']}"
        found = [Need(f"scheduler:{call.operation}", schedule, name)]
        if "Target" in p:  # a schedule runs as the role it names: the caller must be allowed to pass it
            found.append(Need("iam:PassRole", p["Target"]["RoleArn"], name))
        return found
    if call.service == "dynamodb":
        if call.operation == "TransactWriteItems":
            return [
                Need(_TRANSACT_ACTIONS[kind], arns.table(body["TableName"]), name)
                for item in p["TransactItems"]
                for kind, body in item.items()
            ]
        return [Need(f"dynamodb:{call.operation}", arns.table(p["TableName"]), name)]
    return [Need(f"{call.service}:{call.operation}", "*", name)]
