"""Scheduled release and expiry in the index (issue 10), with plain data: the plan, the timers the
index step sets through a fake scheduler, and the notifications each change amounts to."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from masthead.index import schema as s
from masthead.index.plan import plan_change, plan_release
from masthead.index.timers import timer_changes, timer_name
from masthead.index.visibility import next_change, visibility
from masthead.messages import ReleaseMessage
from masthead.notify import notifications_for
from masthead.service.index_step import IndexStep
from tests.builders import message, stored_after
from tests.fakes import FakeIndexStore, FakeTimers

NOW = datetime(2030, 5, 1, 0, 0, tzinfo=UTC)
RELEASE = "2030-06-01T09:00:00+09:00"  # 2030-06-01T00:00Z
RELEASE_AT = datetime(2030, 6, 1, 0, 0, tzinfo=UTC)
EXPIRY = "2030-07-01T00:00:00+00:00"
KEY = "articles/a/x.md"


def listed(plan) -> set[str]:
    return {op.item[s.LIST_PK] for op in plan.ops if getattr(op, "item", {}).get(s.TABLE_SK, "").startswith(s.LISTING_SK_PREFIX)}


@pytest.mark.parametrize(
    ("fields", "at", "expected"),
    [
        ({}, NOW, "public"),
        ({"release_at": RELEASE}, NOW, "scheduled"),
        ({"release_at": RELEASE}, RELEASE_AT, "public"),  # at its time exactly
        ({"expiry_at": EXPIRY}, NOW, "public"),
        ({"expiry_at": EXPIRY}, datetime(2030, 7, 1, tzinfo=UTC), "expired"),
        ({"release_at": RELEASE, "draft": True}, RELEASE_AT, "draft"),
        ({"release_at": "not a time"}, NOW, "public"),
    ],
)
def test_visibility_by_the_clock(fields, at, expected):
    assert visibility(fields, at) == expected


def test_next_change_is_the_release_while_scheduled_then_the_expiry():
    doc = {"release_at": RELEASE, "expiry_at": EXPIRY}
    assert next_change(doc, NOW) == ("release", RELEASE_AT)
    assert next_change(doc, RELEASE_AT) == ("expire", datetime(2030, 7, 1, tzinfo=UTC))
    assert next_change({"draft": True, "release_at": RELEASE}, NOW) is None


def test_a_future_release_is_stored_readable_but_in_no_list_and_counts_in_no_issue():
    plan = plan_change(message(KEY, "0A", release_at=RELEASE), None, NOW)
    doc = stored_after(plan)
    assert plan.outcome == "scheduled"
    assert doc["status"] == "accepted" and doc["visibility"] == "scheduled" and doc["release_at"] == RELEASE
    assert listed(plan) == set()
    assert doc[s.LIST_PK] == s.SCHEDULED_LIST and doc[s.LIST_SK].startswith("2030-06-01T00:00:00Z#")
    assert not any(getattr(op, "expression", "").startswith("SET #type") for op in plan.ops)  # no issue counter


def test_the_release_message_of_the_stored_version_lists_it_and_is_then_a_no_op():
    scheduled = stored_after(plan_change(message(KEY, "0A", release_at=RELEASE), None, NOW))
    fired = ReleaseMessage(kind="release", key=KEY, sequencer=scheduled["sequencer"], scheduled_time="2030-06-01T00:00:00Z")
    plan = plan_release(fired, scheduled, RELEASE_AT)
    assert plan.outcome == "published"
    assert listed(plan) >= {"CATEGORY#news", "ISSUE#iolite-vol-1"}
    released = stored_after(plan)
    assert released["visibility"] == "public" and s.LIST_PK not in released
    assert plan_release(fired, released, RELEASE_AT).outcome == "duplicate"  # delivered twice


def test_a_release_message_of_a_replaced_version_does_nothing():
    scheduled = stored_after(plan_change(message(KEY, "0A", release_at=RELEASE), None, NOW))
    moved = stored_after(plan_change(message(KEY, "0B", release_at="2030-09-01T00:00:00Z"), scheduled, NOW))
    old_timer = ReleaseMessage(kind="release", key=KEY, sequencer=scheduled["sequencer"], scheduled_time="2030-06-01T00:00:00Z")
    assert plan_release(old_timer, moved, RELEASE_AT).outcome == "stale"


def test_a_timer_that_fires_early_by_the_functions_clock_trusts_the_schedulers_time():
    scheduled = stored_after(plan_change(message(KEY, "0A", release_at=RELEASE), None, NOW))
    fired = ReleaseMessage(kind="release", key=KEY, sequencer=scheduled["sequencer"], scheduled_time="2030-06-01T00:00:00Z")
    step = IndexStep(store=FakeIndexStore(), timers=FakeTimers(), clock=lambda: RELEASE_AT - timedelta(seconds=2))
    step.store.items[(scheduled[s.TABLE_PK], s.ARTICLE_SK)] = scheduled
    assert step.handle(fired).outcome == "published"


def test_an_old_version_with_an_earlier_release_arriving_late_cannot_publish():
    newer = stored_after(plan_change(message(KEY, "0B", release_at=RELEASE), None, NOW))
    late = plan_change(message(KEY, "0A", release_at="2030-05-01T00:00:00Z"), newer, NOW)
    assert late.outcome == "stale" and not late.ops


def test_expiry_takes_it_out_of_the_lists():
    public = stored_after(plan_change(message(KEY, "0A", expiry_at=EXPIRY), None, NOW))
    assert public["visibility"] == "public"
    fired = ReleaseMessage(kind="expire", key=KEY, sequencer=public["sequencer"], scheduled_time=EXPIRY)
    plan = plan_release(fired, public, datetime(2030, 7, 1, tzinfo=UTC))
    assert plan.outcome == "removed"
    deleted = {op.key[s.TABLE_SK] for op in plan.ops if hasattr(op, "key") and not hasattr(op, "expression")}
    assert "LIST#CATEGORY#news" in deleted and stored_after(plan)["visibility"] == "expired"


def test_timers_only_for_articles_that_have_times():
    plain = stored_after(plan_change(message(KEY, "0A"), None, NOW))
    assert timer_changes(None, plain, NOW).set == {} and timer_changes(None, plain, NOW).clear == ()
    scheduled = stored_after(plan_change(message(KEY, "0A", release_at=RELEASE, expiry_at=EXPIRY), None, NOW))
    changes = timer_changes(None, scheduled, NOW)
    name = timer_name("release", scheduled[s.TABLE_PK].split("#", 1)[1])
    assert list(changes.set) == [name] and changes.clear == (timer_name("expire", scheduled[s.TABLE_PK].split("#", 1)[1]),)
    at, body = changes.set[name]
    assert at == RELEASE_AT and body == {
        "kind": "release",
        "key": KEY,
        "sequencer": scheduled["sequencer"],
        "scheduled_time": "<aws.scheduler.scheduled-time>",
    }
    assert len(name) <= 64 and timer_name("release", "x" * 300) != timer_name("release", "x" * 299)


def _run(step: IndexStep, timers: FakeTimers, *messages) -> list:
    """Index each message, then the timers due at the step's clock; the notifications of every change."""
    sent = []
    for m in messages:
        before = step.store.get({s.TABLE_PK: s.article_pk(stored_key_id(m.key)), s.TABLE_SK: s.ARTICLE_SK})
        step.handle(m)
        after = step.store.get({s.TABLE_PK: s.article_pk(stored_key_id(m.key)), s.TABLE_SK: s.ARTICLE_SK})
        sent += [n.event_type for n in notifications_for(before, after)]
    return sent


def stored_key_id(key: str) -> str:
    from masthead.ids import article_id_for_key

    return article_id_for_key(key)


def test_upload_then_clock_past_release_announces_scheduled_then_published_exactly_once():
    clock = {"now": NOW}
    timers = FakeTimers()
    step = IndexStep(store=FakeIndexStore(), timers=timers, clock=lambda: clock["now"])
    assert _run(step, timers, message(KEY, "0A", release_at=RELEASE)) == ["article.scheduled"]
    assert _run(step, timers, message(KEY, "0A", release_at=RELEASE)) == []  # the same event again
    clock["now"] = RELEASE_AT + timedelta(seconds=30)
    fired = [ReleaseMessage.model_validate(m) for m in timers.fire_due(clock["now"])]
    assert _run(step, timers, *fired, *fired) == ["article.published"]  # a duplicate delivery: nothing more
    assert timers.timers == {}


def test_moving_the_release_moves_the_timer_and_deleting_clears_it_without_a_public_trace():
    clock = {"now": NOW}
    timers = FakeTimers()
    step = IndexStep(store=FakeIndexStore(), timers=timers, clock=lambda: clock["now"])
    _run(step, timers, message(KEY, "0A", release_at=RELEASE))
    assert _run(step, timers, message(KEY, "0B", release_at="2030-09-01T00:00:00Z")) == ["article.scheduled"]
    (name,) = timers.timers
    assert timers.timers[name][0] == datetime(2030, 9, 1, tzinfo=UTC)
    assert _run(step, timers, message(KEY, "0C", action="delete")) == []  # never public: nothing to announce
    assert timers.timers == {}
    clock["now"] = datetime(2031, 1, 1, tzinfo=UTC)
    assert timers.fire_due(clock["now"]) == []


def test_an_article_without_times_costs_no_scheduler_call():
    timers = FakeTimers()
    step = IndexStep(store=FakeIndexStore(), timers=timers, clock=lambda: NOW)
    assert _run(step, timers, message(KEY, "0A"), message(KEY, "0B", title="T2"), message(KEY, "0C", action="delete")) == [
        "article.published",
        "article.updated",
        "article.removed",
    ]
    assert timers.calls == []


def test_expiry_sends_article_removed_with_reason_expired():
    clock = {"now": NOW}
    timers = FakeTimers()
    step = IndexStep(store=FakeIndexStore(), timers=timers, clock=lambda: clock["now"])
    assert _run(step, timers, message(KEY, "0A", expiry_at=EXPIRY)) == ["article.published"]
    clock["now"] = datetime(2030, 7, 1, 0, 1, tzinfo=UTC)
    (fired,) = timers.fire_due(clock["now"])
    before = step.store.get({s.TABLE_PK: s.article_pk(stored_key_id(KEY)), s.TABLE_SK: s.ARTICLE_SK})
    step.handle(ReleaseMessage.model_validate(fired))
    after = step.store.get({s.TABLE_PK: s.article_pk(stored_key_id(KEY)), s.TABLE_SK: s.ARTICLE_SK})
    (removed,) = notifications_for(before, after)
    assert removed.event_type == "article.removed" and removed.body["reason"] == "expired"


def test_a_draft_is_stored_unannounced_and_publishing_it_announces_it():
    timers = FakeTimers()
    step = IndexStep(store=FakeIndexStore(), timers=timers, clock=lambda: NOW)
    assert _run(step, timers, message(KEY, "0A", draft=True)) == []
    assert _run(step, timers, message(KEY, "0B", draft=False)) == ["article.published"]
    assert _run(step, timers, message(KEY, "0C", draft=True)) == ["article.removed"]


def test_parse_tells_a_release_message_from_an_extracted_change():
    step = IndexStep(store=FakeIndexStore())
    body = json.dumps({"kind": "release", "key": KEY, "sequencer": "0A", "scheduled_time": "2030-06-01T00:00:00Z"})
    assert isinstance(step.parse(body), ReleaseMessage)
    assert not isinstance(step.parse(message(KEY).model_dump_json()), ReleaseMessage)


def test_scheduled_and_expired_notifications_match_the_published_schema():
    import jsonschema

    from tests.builders import NOTIFICATION_SCHEMA

    clock = {"now": NOW}
    store = FakeIndexStore()
    step = IndexStep(store=store, timers=FakeTimers(), clock=lambda: clock["now"])
    key = {s.TABLE_PK: s.article_pk(stored_key_id(KEY)), s.TABLE_SK: s.ARTICLE_SK}
    bodies = []
    for m in [message(KEY, "0A", release_at=RELEASE, expiry_at=EXPIRY)]:
        before = store.get(key)
        step.handle(m)
        bodies += [n.body for n in notifications_for(before, store.get(key))]
    for now in (RELEASE_AT, datetime(2030, 7, 1, tzinfo=UTC)):
        clock["now"] = now
        for fired in step.timers.fire_due(now):  # type: ignore[union-attr]
            before = store.get(key)
            step.handle(ReleaseMessage.model_validate(fired))
            bodies += [n.body for n in notifications_for(before, store.get(key))]
    assert [b["event_type"] for b in bodies] == ["article.scheduled", "article.published", "article.removed"]
    for body in bodies:
        jsonschema.validate(body, NOTIFICATION_SCHEMA, format_checker=jsonschema.FormatChecker())
    assert bodies[0]["article"]["release_at"] == RELEASE and bodies[2]["reason"] == "expired"


class _FailingTimers(FakeTimers):
    def __init__(self) -> None:
        super().__init__()
        self.failures = 1

    def set(self, name: str, at, message: dict) -> None:
        if self.failures:
            self.failures -= 1
            raise ConnectionError("scheduler unavailable")
        super().set(name, at, message)


def test_a_timer_that_could_not_be_set_is_made_good_by_the_retry_even_after_its_time():
    clock = {"now": NOW}
    timers = _FailingTimers()
    step = IndexStep(store=FakeIndexStore(), timers=timers, clock=lambda: clock["now"])
    upload = message(KEY, "0A", release_at=RELEASE)
    with pytest.raises(ConnectionError):
        step.handle(upload)  # written, but the timer failed: the record is retried
    clock["now"] = RELEASE_AT + timedelta(minutes=5)  # the retry comes after the release time
    assert step.handle(upload).outcome == "duplicate"
    stored = step.store.get({s.TABLE_PK: s.article_pk(stored_key_id(KEY)), s.TABLE_SK: s.ARTICLE_SK})
    assert stored["visibility"] == "public"  # judged at once, not left waiting for a timer in the past
    assert timers.timers == {}


def test_a_retry_before_the_release_time_sets_the_timer_it_missed():
    timers = _FailingTimers()
    step = IndexStep(store=FakeIndexStore(), timers=timers, clock=lambda: NOW)
    upload = message(KEY, "0A", release_at=RELEASE)
    with pytest.raises(ConnectionError):
        step.handle(upload)
    step.handle(upload)
    assert [at for at, _ in timers.timers.values()] == [RELEASE_AT]


def test_deleting_an_article_that_waits_for_its_issue_clears_its_timer():
    waiting = stored_after(plan_change(message(KEY, "0A"), None, NOW, issue_release_at="2030-06-01T00:00:00+09:00"))
    assert waiting["visibility"] == "scheduled" and not waiting.get("release_at")
    name = timer_name("release", waiting[s.TABLE_PK].split("#", 1)[1])
    assert list(timer_changes(None, waiting, NOW).set) == [name]
    tombstone = stored_after(plan_change(message(KEY, "0B", action="delete"), waiting, NOW))
    assert name in timer_changes(waiting, tombstone, NOW).clear
