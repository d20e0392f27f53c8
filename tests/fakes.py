"""In-memory implementations of masthead.ports, for unit tests of steps and handlers (no moto, no
sockets). Each records what it was asked to do, and can be told to refuse or fail."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from masthead.errors import ConcurrentChange, ObjectGone
from masthead.index.claims import IssueClaims
from masthead.index.plan import Delete, Plan, Put, Update
from masthead.ports import ObjectMeta


@dataclass
class FakeObjects:
    """A bucket as a dict of key -> bytes (the latest version only)."""

    objects: dict[str, bytes] = field(default_factory=dict)
    reads: list[str] = field(default_factory=list)

    def read(self, bucket: str, key: str, version_id: str | None, max_bytes: int) -> tuple[bytes, ObjectMeta]:
        self.reads.append(key)
        if key not in self.objects:
            raise ObjectGone(key)
        data = self.objects[key]
        meta: ObjectMeta = {
            "etag": hashlib.md5(data).hexdigest(),
            "size": len(data),
            "version_id": None,
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        return data[: max_bytes + 1], meta


@dataclass
class FakeQueue:
    """A queue that keeps the bodies it accepted; owners in `refuse` are refused."""

    sent: list[str] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    def send_batch(self, messages: list[tuple[str, str]]) -> set[str]:
        refused = {owner for owner, _ in messages if owner in self.refuse}
        self.sent.extend(body for owner, body in messages if owner not in refused)
        return refused


@dataclass
class FakeDeadLetters:
    parked: list[tuple[str, str, str]] = field(default_factory=list)  # (body, reason, source)

    def send(self, body: str, reason: str, source: str) -> None:
        self.parked.append((body, reason, source))


@dataclass
class FakeIndexStore:
    """A table as a dict of (pk, sk) -> item, applying plans as DynamoDB would (guards included)."""

    items: dict[tuple[str, str], dict] = field(default_factory=dict)
    fail_next: int = 0  # how many applies to fail with ConcurrentChange first

    def get(self, key: dict) -> dict | None:
        item = self.items.get(_key(key))
        return dict(item) if item else None

    def issue_claims(self, issue_id: str) -> IssueClaims:
        from masthead.index import schema as s
        from masthead.index.claims import CLAIM_SK_PREFIX

        pk = s.issue_pk(issue_id)
        claims = tuple(item for (ipk, sk), item in sorted(self.items.items()) if ipk == pk and sk.startswith(CLAIM_SK_PREFIX))
        issue = self.items.get((pk, s.ISSUE_SK)) or {}
        version = issue.get("claims_version")
        return IssueClaims(issue_id, claims, int(version) if version is not None else None)

    def list_members(self, list_name: str, limit: int = 1000) -> list[dict]:
        from masthead.index import schema as s

        return [dict(item) for _, item in sorted(self.items.items()) if item.get(s.LIST_PK) == list_name][:limit]

    def apply(self, plan: Plan) -> None:
        if self.fail_next:
            self.fail_next -= 1
            raise ConcurrentChange("raced")
        for op in plan.ops:
            if isinstance(op, Put):
                self.items[_key(op.item)] = dict(op.item)
            elif isinstance(op, Delete):
                self.items.pop(_key(op.key), None)
            elif isinstance(op, Update):
                # Counters and claims: the fake keeps the key only; the planner's tests check the expressions.
                self.items.setdefault(_key(op.key), dict(op.key))


def _key(item: dict) -> tuple[str, str]:
    from masthead.index import schema as s

    return item[s.TABLE_PK], item[s.TABLE_SK]


@dataclass
class FakePublisher:
    published: list[tuple[dict, dict[str, str]]] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    def publish_batch(self, notifications: list[tuple[str, dict, dict[str, str]]]) -> set[str]:
        refused = {owner for owner, _, _ in notifications if owner in self.refuse}
        self.published.extend((body, attributes) for owner, body, attributes in notifications if owner not in refused)
        return refused


@dataclass
class FakeContext:
    """The Lambda context a handler reads: its name, request id and remaining time."""

    remaining_ms: int = 60_000
    function_name: str = "masthead-test"
    memory_limit_in_mb: int = 1024
    invoked_function_arn: str = "arn:aws:lambda:ap-northeast-1:123456789012:function:masthead-test"
    aws_request_id: str = "00000000-0000-0000-0000-000000000000"

    def get_remaining_time_in_millis(self) -> int:
        return self.remaining_ms


class FakeTimers:
    """Release and expiry timers in memory: name -> (when, message); `fire_due` plays the scheduler."""

    def __init__(self) -> None:
        self.timers: dict[str, tuple[object, dict]] = {}
        self.calls: list[tuple[str, str]] = []

    def set(self, name: str, at, message: dict) -> None:
        self.calls.append(("set", name))
        self.timers[name] = (at, message)

    def clear(self, name: str) -> None:
        self.calls.append(("clear", name))
        self.timers.pop(name, None)

    def fire_due(self, now) -> list[dict]:
        """The messages of the timers due at `now`, removed (one-time schedules delete themselves)."""
        due = sorted((at, name) for name, (at, _) in self.timers.items() if at <= now)
        fired = []
        for at, name in due:
            message = dict(self.timers.pop(name)[1])
            message["scheduled_time"] = at.isoformat()
            fired.append(message)
        return fired
