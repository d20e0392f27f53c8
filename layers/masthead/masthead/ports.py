"""The seams between the steps and AWS: what each step needs of the outside world, as Protocols.

The adapters in adapters/ implement them over boto3; tests/fakes.py implements them in memory, so a
step or a whole handler runs in a unit test without moto or sockets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypedDict

if TYPE_CHECKING:
    from datetime import datetime

    from .index.claims import IssueClaims
    from .index.plan import Plan


class ObjectMeta(TypedDict):
    """What a read tells about the object besides its bytes."""

    etag: str | None
    size: int | None
    version_id: str | None
    sha256: str


class ObjectStore(Protocol):
    def read(self, bucket: str, key: str, version_id: str | None, max_bytes: int) -> tuple[bytes, ObjectMeta]:
        """The object's bytes (at most max_bytes + 1) and metadata; raises ObjectGone if it (or that
        version) does not exist."""
        ...


class MessageSender(Protocol):
    def send_batch(self, messages: list[tuple[str, str]]) -> set[str]:
        """Send (owner id, body) messages; the owner ids of those not accepted."""
        ...


class DeadLetters(Protocol):
    def send(self, body: str, reason: str, source: str) -> None:
        """Park a message no retry can help, with the reason and the queue it came from."""
        ...


class IndexStore(Protocol):
    def get(self, key: dict) -> dict | None:
        """The item at `key` (a consistent read), or None."""
        ...

    def issue_claims(self, issue_id: str) -> IssueClaims:
        """The manifests claiming an issue and the claims version read with them."""
        ...

    def apply(self, plan: Plan) -> None:
        """Write the plan as one transaction; raises ConcurrentChange if a guard failed and
        UnstorableChange if DynamoDB can never store it."""
        ...

    def list_members(self, list_name: str, limit: int = 1000) -> list[dict]:
        """The items in one ByList list (a Query of the index, at most `limit`)."""
        ...


class Publisher(Protocol):
    def publish_batch(self, notifications: list[tuple[str, dict, dict[str, str]]]) -> set[str]:
        """Publish (owner id, body, attributes) notifications; the owner ids of those refused."""
        ...


class ReleaseTimers(Protocol):
    """One-time timers that put a message on the index queue at a given time (EventBridge
    Scheduler on AWS): an article's release or expiry."""

    def set(self, name: str, at: datetime, message: dict) -> None:
        """Create the timer `name`, or move it, to fire `message` at `at`."""
        ...

    def clear(self, name: str) -> None:
        """Remove the timer `name` if it exists."""
        ...
