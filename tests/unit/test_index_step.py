"""The index step against a fake store: a writer that races us forces a re-plan, never a lost update."""

from __future__ import annotations

import pytest

from masthead.adapters.dynamodb import ConcurrentChange
from masthead.index.plan import Put, plan_change
from masthead.service.index_step import IndexStep
from tests.builders import message, stored_after


class RacingStore:
    """Answers reads from `items`; the first write loses to a newer write made in between."""

    def __init__(self, newer_item):
        self.items = {}
        self.newer_item = newer_item
        self.applied = []
        self.raced = False

    def get(self, key):
        return self.items.get(key["PK"])

    def apply(self, plan):
        if not self.raced:
            self.raced = True
            self.items[self.newer_item["PK"]] = self.newer_item  # another Lambda got there first
            raise ConcurrentChange("ConditionalCheckFailed")
        self.applied.append(plan)
        for op in plan.ops:
            if isinstance(op, Put) and op.item["SK"] == "ARTICLE":
                self.items[op.item["PK"]] = op.item


def test_a_lost_race_against_a_newer_change_becomes_a_noop():
    newer = stored_after(plan_change(message(seq="0C", title="Newest"), None))
    store = RacingStore(newer)
    plan = IndexStep(store).handle(message(seq="0B", title="Older"))
    assert plan.outcome == "stale" and store.applied == [plan]
    assert store.items[newer["PK"]]["title"] == "Newest"


def test_a_lost_race_against_an_older_change_is_replanned_on_top_of_it():
    older = stored_after(plan_change(message(seq="0A", title="Older"), None))
    store = RacingStore(older)
    plan = IndexStep(store).handle(message(seq="0B", title="Newer", sha="s2"))
    assert plan.outcome == "updated"
    assert store.items[older["PK"]]["title"] == "Newer"


def test_endless_contention_fails_the_record_for_a_retry():
    class AlwaysRacing:
        def get(self, key):
            return None

        def apply(self, plan):
            raise ConcurrentChange("TransactionConflict")

    pauses = []
    with pytest.raises(ConcurrentChange):
        IndexStep(AlwaysRacing(), max_attempts=3, sleep=pauses.append).handle(message())
    # Jittered exponential backoff between attempts, none after the last.
    assert len(pauses) == 2 and 0 <= pauses[0] <= 0.05 and 0 <= pauses[1] <= 0.1
