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
from ..index import schema as s
from ..index.plan import Plan, Put, claimed_issues, doc_key, plan_change, plan_issue_release, plan_release, run_progress
from ..index.timers import SCHEDULED_TIME, timer_changes, timer_name
from ..index.visibility import instant, visibility
from ..messages import IndexMessage, ReleaseMessage
from ..model import ArticleMetadata, Rejection, RejectionError
from ..ports import IndexStore, ReleaseTimers

log = logging.getLogger("masthead")


def _now() -> datetime:
    return datetime.now(UTC)


def _overdue(doc: dict | None, now: datetime) -> bool:
    """An accepted article stored with a visibility its times no longer give (due or expired)."""
    if not doc or doc.get("type") != "article" or doc.get("status") != "accepted" or "visibility" not in doc:
        return False
    return doc["visibility"] != visibility(doc, now)


@dataclass
class IndexStep:
    store: IndexStore
    # Release and expiry timers (EventBridge Scheduler); None where nothing is ever scheduled.
    timers: ReleaseTimers | None = None
    clock: Callable[[], datetime] = field(default=_now, repr=False)
    # The zone an issue's `released_on` day begins in (the publisher's, DefaultTimeZone).
    default_tz: str = "Asia/Tokyo"
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
            return self._release_issue(message) if message.kind == "issue" else self._release(message)
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
        claims: dict = {}

        def plan_for(current: dict | None, now: datetime) -> Plan:
            claims.clear()
            claims.update({issue_id: self.store.issue_claims(issue_id) for issue_id in claimed_issues(message, current)})
            issue_release_at = self._issue_release_for(message)
            return plan_change(message, current, now, claims=claims, issue_release_at=issue_release_at, tz=self.default_tz)

        current, plan, now = self._write(message.key, self.clock, plan_for)
        if message.reindex_run:
            # The run's progress, an ADD of its own: in the change's transaction, concurrent writers
            # would conflict on the counter. A message retried after this may be counted twice:
            # the counts are at least once.
            self.store.apply(Plan("progress", (run_progress(message.reindex_run, message.key, plan.outcome),)))
        self._set_timers(current, plan, now)
        if claims and plan.writes:
            self._follow_issues(sorted(claims), now)
        return plan

    def _write(self, key: str, clock: Callable[[], datetime], plan_for) -> tuple[dict | None, Plan, datetime]:
        """Read the key's stored item, plan against it and write the plan as one guarded transaction;
        if a writer raced us (ConcurrentChange), again after a jittered backoff. Returns what was
        read, the plan written and the time it was planned at."""
        for attempt in range(self.max_attempts):
            current = self.store.get(doc_key(key))
            now = clock()
            plan = plan_for(current, now)
            try:
                self.store.apply(plan)
                return current, plan, now
            except ConcurrentChange:
                if attempt + 1 < self.max_attempts:
                    self.sleep(random.uniform(0, self.backoff_base_seconds * 2**attempt))
        raise ConcurrentChange(f"{key}: still contended after {self.max_attempts} attempts")

    def _issue_release_for(self, message: IndexMessage) -> str | None:
        """For an article that follows its issue (an issue, no release time of its own): the
        issue's release time while the issue is not released yet."""
        extraction = message.extraction
        if not isinstance(extraction, ArticleMetadata) or not extraction.issue_id or extraction.release_at:
            return None
        return self._pending_issue_release(extraction.issue_id)

    def _pending_issue_release(self, issue_id: str) -> str | None:
        issue = self.store.get({s.TABLE_PK: s.issue_pk(issue_id), s.TABLE_SK: s.ISSUE_SK})
        return issue.get("release_at") if issue and issue.get("visibility") == "scheduled" else None

    def _release(self, message: ReleaseMessage) -> Plan:
        """A release or expiry time came: the article's visibility at the time the timer was set
        for (the scheduler fires at or after it), if the version it was set for is still stored.
        An article that follows its issue is judged by the issue's release as it stands now."""

        def scheduled_time() -> datetime:
            return max(self.clock(), instant(message.scheduled_time) or self.clock())

        def plan_for(current: dict | None, at: datetime) -> Plan:
            if current is not None and current.get("issue_id") and not current.get("release_at"):
                return plan_release(message, current, at, self._pending_issue_release(current["issue_id"]))
            return plan_release(message, current, at)

        current, plan, at = self._write(message.key, scheduled_time, plan_for)
        self._set_timers(current, plan, at)
        return plan

    def _release_issue(self, message: ReleaseMessage) -> Plan:
        """An issue's release day began: list it, then release the articles that follow it."""
        at = max(self.clock(), instant(message.scheduled_time) or self.clock())
        issue = self.store.get({s.TABLE_PK: s.issue_pk(message.key), s.TABLE_SK: s.ISSUE_SK})
        plan = plan_issue_release(message, issue, at)
        try:
            self.store.apply(plan)
        except ConcurrentChange:
            return Plan("stale")  # its claims changed meanwhile: that change set the issue's timer anew
        if plan.writes:
            self._follow_issues([message.key], at)
        return plan

    def _follow_issues(self, issue_ids: list[str], now: datetime) -> None:
        """After an issue's manifest or release changed: its release timer, and its articles that
        follow it (no release time of their own) judged again: listed ones withheld while the issue
        waits, waiting ones released with it."""
        for issue_id in issue_ids:
            issue = self.store.get({s.TABLE_PK: s.issue_pk(issue_id), s.TABLE_SK: s.ISSUE_SK}) or {}
            waiting = issue.get("visibility") == "scheduled"
            if self.timers is not None:
                self._set_issue_timer(issue_id, issue if waiting else None)
            listed = self.store.list_members(s.issue_list(issue_id)) if waiting else []
            scheduled = [a for a in self.store.list_members(s.SCHEDULED_LIST) if a.get("issue_id") == issue_id]
            stamp = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            for key in sorted({a["key"] for a in listed + scheduled if a.get("key") and not a.get("release_at")}):
                article = self.store.get(doc_key(key))  # listing entries carry no sequencer: the article does
                if article is not None and article.get("sequencer"):
                    self._release(ReleaseMessage(kind="release", key=key, sequencer=article["sequencer"], scheduled_time=stamp))

    def _set_issue_timer(self, issue_id: str, waiting_issue: dict | None) -> None:
        assert self.timers is not None
        name = timer_name("issue", issue_id)
        release = instant((waiting_issue or {}).get("release_at"))
        if waiting_issue is None or release is None:
            self.timers.clear(name)
            return
        version = str(waiting_issue.get("claims_version"))
        self.timers.set(name, release, {"kind": "issue", "key": issue_id, "sequencer": version, "scheduled_time": SCHEDULED_TIME})

    def _set_timers(self, current: dict | None, plan: Plan, now: datetime) -> None:
        """After a write (or a repeat of the stored version, whose timer setting may have failed
        before): the stored article's release or expiry timer, moved, set or cleared. A stale
        message changes no timer: the newer version set its own."""
        if plan.outcome == "stale":
            return
        written = plan.ops[0].item if plan.ops and isinstance(plan.ops[0], Put) else current
        if _overdue(written, now) and written is not None:
            # Stored as waiting, but its time has passed (a retry after the timer could not be
            # set, an event delivered late): judge it now instead of setting a timer in the past.
            stamp = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            self._release(ReleaseMessage(kind="release", key=written["key"], sequencer=written["sequencer"], scheduled_time=stamp))
            return
        if self.timers is None:
            return
        changes = timer_changes(current, written, now)
        for name, (at, message) in changes.set.items():
            self.timers.set(name, at, message)
        for name in changes.clear:
            self.timers.clear(name)
