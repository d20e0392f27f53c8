"""The index step: one index message -> one planned, guarded transaction on the index table."""

from __future__ import annotations

from dataclasses import dataclass

from ..adapters.dynamodb import ConcurrentChange, DynamoIndexStore
from ..index.plan import Plan, doc_key, plan_change
from ..messages import IndexMessage


@dataclass
class IndexStep:
    store: DynamoIndexStore
    max_attempts: int = 5

    def handle(self, body: str) -> Plan:
        """One index message: plan against the stored state and write; re-plan if a writer raced us."""
        message = IndexMessage.model_validate_json(body)
        key = doc_key(message.key)
        for _ in range(self.max_attempts):
            plan = plan_change(message, self.store.get(key))
            try:
                self.store.apply(plan)
                return plan
            except ConcurrentChange:
                continue
        raise ConcurrentChange(f"{message.key}: still contended after {self.max_attempts} attempts")
