"""The index step: one index message -> one planned, guarded transaction on the index table."""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pydantic import ValidationError

from ..errors import ConcurrentChange, Unprocessable, UnstorableChange
from ..extract.rejections import bounded_message
from ..index.plan import Plan, Put, claimed_issues, doc_key, plan_change, plan_release
from ..index.timers import timer_changes
from ..index.visibility import instant
from ..messages import IndexMessage, ReleaseMessage
from ..model import Rejection, RejectionError
from ..ports import IndexStore, ReleaseTimers

log = logging.getLogger("masthead")


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class IndexStep:
    store: IndexStore
    # Release and expiry timers (EventBridge Scheduler); None where nothing is ever scheduled.
    timers: ReleaseTimers | None = None
    clock: Callable[[], datetime] = field(default=_now, repr=False)
    max_attempts: int = 5
    # Jittered exponential backoff between attempts on a contended key or issue item ("full
    # jitter"): concurrent writers spread out instead of colliding again at once.
    backoff_base_seconds: float = 0.05
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    @staticmethod
    def parse(body: str) -> IndexMessage | ReleaseMessage:
        """An extracted S3 change (from the extract function) or a release/expiry timer that fired."""
        try:
            data = json.loads(body)
        except ValueError:
            raise Unprocessable("not an index message: not JSON") from None
        try:
            if isinstance(data, dict) and "kind" in data:
                return ReleaseMessage.model_validate(data)
            return IndexMessage.model_validate(data)
        except ValidationError as exc:
            raise Unprocessable(f"not an index message: {exc.error_count()} problem(s), first: {exc.errors()[0]['msg']}") from None

    def handle(self, message: IndexMessage | ReleaseMessage) -> Plan:
        """One index message (see parse): plan against the stored state and write; re-plan if a
        writer raced us. A change DynamoDB can never store becomes a rejection (`cannot_index`)."""
        if isinstance(message, ReleaseMessage):
            return self._release(message)
        try:
            return self._apply(message)
        except UnstorableChange as exc:
            if isinstance(message.extraction, Rejection) or message.action == "delete":
                raise
            log.error("change cannot be stored; recording the upload as rejected", extra={"key": message.key, "reason": str(exc)})
            error = RejectionError(code="cannot_index", message=bounded_message("cannot_index", detail=str(exc)))
            rejection = Rejection(key=message.key, error=error)
            return self._apply(message.model_copy(update={"extraction": rejection}))

    def _apply(self, message: IndexMessage) -> Plan:
        key = doc_key(message.key)
        for attempt in range(self.max_attempts):
            current = self.store.get(key)
            claims = {issue_id: self.store.issue_claims(issue_id) for issue_id in claimed_issues(message, current)}
            now = self.clock()
            plan = plan_change(message, current, now, claims=claims)
            try:
                self.store.apply(plan)
            except ConcurrentChange:
                if attempt + 1 < self.max_attempts:
                    self.sleep(random.uniform(0, self.backoff_base_seconds * 2**attempt))
                continue
            self._set_timers(current, plan, now)
            return plan
        raise ConcurrentChange(f"{message.key}: still contended after {self.max_attempts} attempts")

    def _release(self, message: ReleaseMessage) -> Plan:
        """A release or expiry time came: the article's visibility at the time the timer was set
        for (the scheduler fires at or after it), if the version it was set for is still stored."""
        key = doc_key(message.key)
        for attempt in range(self.max_attempts):
            current = self.store.get(key)
            at = max(self.clock(), instant(message.scheduled_time) or self.clock())
            plan = plan_release(message, current, at)
            try:
                self.store.apply(plan)
            except ConcurrentChange:
                if attempt + 1 < self.max_attempts:
                    self.sleep(random.uniform(0, self.backoff_base_seconds * 2**attempt))
                continue
            self._set_timers(current, plan, at)
            return plan
        raise ConcurrentChange(f"{message.key}: still contended after {self.max_attempts} attempts")

    def _set_timers(self, current: dict | None, plan: Plan, now: datetime) -> None:
        """After a write (or a repeat of the stored version, whose timer setting may have failed
        before): the stored article's release or expiry timer, moved, set or cleared. A stale
        message changes no timer: the newer version set its own."""
        if self.timers is None or plan.outcome == "stale":
            return
        written = plan.ops[0].item if plan.ops and isinstance(plan.ops[0], Put) else current
        changes = timer_changes(current, written, now)
        for name, (at, message) in changes.set.items():
            self.timers.set(name, at, message)
        for name in changes.clear:
            self.timers.clear(name)
