"""Scheduled release on the embedded AWS (issue 10): the real handlers, EventBridge Scheduler's
schedules stored in moto and fired by the local clock, S3 events duplicated and out of order."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from masthead.ids import article_id_for_key

KEY = "articles/sched/preview.md"
T1 = datetime(2031, 1, 15, 0, 0, tzinfo=UTC)
T2 = datetime(2031, 3, 1, 0, 0, tzinfo=UTC)


def upload_text(release: datetime, title: str = "A preview") -> bytes:
    return f"---\ntitle: {title}\npublish_at: {release.isoformat()}\ncategory: Policy\n---\n\nThe body of the preview article.\n".encode()


def events(stack) -> Counter:
    return Counter(n["event_type"] for n in stack.notifications())


def listed(stack) -> list[str]:
    reader = stack.reader()
    return [a["key"] for a in reader.all_pages(reader.latest_articles)] + [
        a["key"] for a in reader.all_pages(reader.articles_in_category, "Policy")
    ]


def test_scheduled_then_released_once_when_the_clock_passes(stack):
    stack.upload(KEY, upload_text(T1))
    stack.run_until_idle()
    assert listed(stack) == []
    preview = stack.reader().get_article(article_id_for_key(KEY))
    assert preview["visibility"] == "scheduled" and preview["title"] == "A preview"  # readable by id
    assert [a["key"] for a in stack.reader().all_pages(stack.reader().scheduled_articles)] == [KEY]
    assert events(stack) == {"article.scheduled": 1}
    stack.run_clock(T1 - timedelta(minutes=1))
    assert listed(stack) == [] and events(stack) == {}
    assert stack.run_clock(T1 + timedelta(seconds=30)) == 1
    assert listed(stack) == [KEY, KEY] and events(stack) == {"article.published": 1}
    assert stack.pending_timers() == [] and stack.run_clock(T2) == 0


def test_an_older_version_with_an_earlier_release_arriving_late_never_publishes_early(stack):
    stack.upload(KEY, upload_text(T1, "First"))
    stack.upload(KEY, upload_text(T2, "Moved"))
    first, second = stack.take_ingest_messages()
    stack.deliver_ingest_messages([second, second, first, first])  # newest first, each twice
    stack.run_until_idle()
    assert [(t["at"], t["target"]["Input"].count('"release"')) for t in stack.pending_timers()] == [(T2, 1)]
    assert events(stack) == {"article.scheduled": 1}
    stack.run_clock(T1 + timedelta(minutes=1))
    assert listed(stack) == [] and events(stack) == {}
    stack.run_clock(T2 + timedelta(minutes=1))
    assert listed(stack) == [KEY, KEY]
    assert stack.reader().get_article(article_id_for_key(KEY))["title"] == "Moved"
    assert events(stack) == {"article.published": 1}


def test_moving_the_release_later_moves_the_timer(stack):
    stack.upload(KEY, upload_text(T1))
    stack.run_until_idle()
    stack.upload(KEY, upload_text(T2))
    stack.run_until_idle()
    assert [t["at"] for t in stack.pending_timers()] == [T2]
    assert events(stack) == {"article.scheduled": 2}  # editors hear of the new time
    stack.run_clock(T1 + timedelta(days=1))
    assert listed(stack) == [] and events(stack) == {}
    stack.run_clock(T2)
    assert events(stack) == {"article.published": 1}


def test_removing_the_file_before_its_release_leaves_no_trace(stack):
    stack.upload(KEY, upload_text(T1))
    stack.run_until_idle()
    stack.delete(KEY)
    stack.run_until_idle()
    assert stack.pending_timers() == []
    assert events(stack) == {"article.scheduled": 1}  # from the upload; nothing public, nothing to remove
    stack.run_clock(T2)
    assert listed(stack) == [] and events(stack) == {}
    assert list(stack.reader().all_pages(stack.reader().scheduled_articles)) == []


def test_a_release_time_already_past_is_public_at_once_and_sets_no_timer(stack):
    stack.upload(KEY, upload_text(datetime(2020, 1, 1, tzinfo=UTC)))
    stack.run_until_idle()
    assert listed(stack) == [KEY, KEY] and events(stack) == {"article.published": 1}
    assert stack.pending_timers() == []
