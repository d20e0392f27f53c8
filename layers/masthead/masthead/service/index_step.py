"""The index step: one index message -> one planned, guarded transaction on the index table."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import ValidationError

from ..errors import ConcurrentChange, Unprocessable, UnstorableChange
from ..extract.rejections import bounded_message
from ..index.plan import Plan, claimed_issues, doc_key, plan_change
from ..messages import IndexMessage
from ..model import Rejection, RejectionError
from ..ports import IndexStore

log = logging.getLogger("masthead")


@dataclass
class IndexStep:
    store: IndexStore
    max_attempts: int = 5
    # Jittered exponential backoff between attempts on a contended key or issue item ("full
    # jitter"): concurrent writers spread out instead of colliding again at once.
    backoff_base_seconds: float = 0.05
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    @staticmethod
    def parse(body: str) -> IndexMessage:
        try:
            return IndexMessage.model_validate_json(body)
        except ValidationError as exc:
            raise Unprocessable(f"not an index message: {exc.error_count()} problem(s), first: {exc.errors()[0]['msg']}") from None

    def handle(self, message: IndexMessage) -> Plan:
        """One index message (see parse): plan against the stored state and write; re-plan if a
        writer raced us. A change DynamoDB can never store becomes a rejection (`cannot_index`)."""
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
            plan = plan_change(message, current, claims=claims)
            try:
                self.store.apply(plan)
                return plan
            except ConcurrentChange:
                if attempt + 1 < self.max_attempts:
                    self.sleep(random.uniform(0, self.backoff_base_seconds * 2**attempt))
        raise ConcurrentChange(f"{message.key}: still contended after {self.max_attempts} attempts")
