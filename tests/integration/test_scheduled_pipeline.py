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


# --- an issue released in the future, and the articles that follow it -------------------------------

ISSUE = "iolite-vol-40"
RELEASED_ON = "2031-02-01"
ISSUE_DAY = datetime(2031, 1, 31, 15, 0, tzinfo=UTC)  # 2031-02-01 00:00 in Asia/Tokyo


def manifest(released_on: str = RELEASED_ON) -> bytes:
    return f"publication: Iolite\nvolume: 40\ntitle: February 2031 issue\nreleased_on: {released_on}\n".encode()


def issue_article(name: str, own_release: datetime | None = None) -> tuple[str, bytes]:
    release = f"publish_at: {own_release.isoformat()}\n" if own_release else ""
    text = f"---\ntitle: Feature {name}\ncategory: Policy\n{release}---\n\nThe body of feature {name}.\n"
    return f"articles/{ISSUE}/{name}.md", text.encode()


def issue_state(stack) -> tuple[list[str], list[str]]:
    reader = stack.reader()
    issues = [i["issue_id"] for i in reader.all_pages(reader.issues)]
    articles = [a["key"] for a in reader.all_pages(reader.articles_in_issue, ISSUE)]
    return issues, articles


def test_an_issue_released_in_the_future_is_listed_on_its_day_and_its_articles_follow_it(stack):
    stack.upload("issues/iolite-vol-40.yaml", manifest())
    stack.run_until_idle()
    follows = issue_article("a")
    own_time = issue_article("b", own_release=datetime(2031, 1, 20, tzinfo=UTC))  # says otherwise: earlier
    for key, data in (follows, own_time):
        stack.upload(key, data)
    stack.run_until_idle()
    assert issue_state(stack) == ([], [])
    assert stack.reader().get_issue(ISSUE)["visibility"] == "scheduled"
    assert Counter(n["event_type"] for n in stack.notifications()) == {"issue.updated": 1, "article.scheduled": 2}

    stack.run_clock(datetime(2031, 1, 20, 0, 1, tzinfo=UTC))  # the article with its own time goes first
    assert issue_state(stack) == ([], [own_time[0]])
    assert events(stack) == {"article.published": 1, "issue.updated": 1}  # the issue counts it

    stack.run_clock(ISSUE_DAY - timedelta(minutes=1))
    assert issue_state(stack) == ([], [own_time[0]])
    stack.run_clock(ISSUE_DAY + timedelta(seconds=30))
    assert issue_state(stack) == ([ISSUE], sorted([follows[0], own_time[0]]))
    sent = stack.notifications()
    assert Counter(n["event_type"] for n in sent)["article.published"] == 1
    last_issue = [n["body"]["issue"] for n in sent if n["event_type"] == "issue.updated"][-1]
    assert (last_issue["visibility"], last_issue["article_count"]) == ("public", 2)
    assert stack.pending_timers() == []


def test_an_article_listed_before_its_issues_manifest_waits_for_the_issue_once_it_arrives(stack):
    early = issue_article("early")
    stack.upload(*early)
    stack.run_until_idle()
    assert issue_state(stack) == ([], [early[0]])  # no manifest yet: nothing says to wait
    stack.notifications()
    stack.upload("issues/iolite-vol-40.yaml", manifest())
    stack.run_until_idle()
    assert issue_state(stack) == ([], [])
    removed = [n for n in stack.notifications() if n["event_type"] == "article.removed"]
    assert [n["body"]["reason"] for n in removed] == ["rescheduled"]
    stack.run_clock(ISSUE_DAY)
    assert issue_state(stack) == ([ISSUE], [early[0]])


def test_moving_the_issues_release_earlier_releases_it_and_its_articles_on_the_new_day(stack):
    stack.upload("issues/iolite-vol-40.yaml", manifest())
    stack.upload(*issue_article("a"))
    stack.run_until_idle()
    stack.upload("issues/iolite-vol-40.yaml", manifest("2031-01-10"))
    stack.run_until_idle()
    stack.notifications()
    stack.run_clock(datetime(2031, 1, 9, 15, 0, 30, tzinfo=UTC))
    assert issue_state(stack) == ([ISSUE], [f"articles/{ISSUE}/a.md"])
    assert events(stack)["article.published"] == 1
    stack.run_clock(ISSUE_DAY)  # the old day: nothing fires twice
    assert events(stack) == {}


def test_moving_the_issues_release_later_keeps_everything_waiting(stack):
    stack.upload("issues/iolite-vol-40.yaml", manifest())
    stack.upload(*issue_article("a"))
    stack.run_until_idle()
    stack.notifications()
    stack.upload("issues/iolite-vol-40.yaml", manifest("2031-03-01"))
    stack.run_until_idle()
    moved = [n["body"]["article"]["key"] for n in stack.notifications() if n["event_type"] == "article.scheduled"]
    assert moved == [f"articles/{ISSUE}/a.md"]  # editors hear of its new time
    stack.run_clock(ISSUE_DAY + timedelta(days=1))
    assert issue_state(stack) == ([], []) and events(stack).get("article.published", 0) == 0
    stack.run_clock(datetime(2031, 3, 1, tzinfo=UTC))
    assert issue_state(stack) == ([ISSUE], [f"articles/{ISSUE}/a.md"])


def test_the_scheduled_list_gives_each_article_its_release_time_own_or_its_issues(stack):
    stack.upload("issues/iolite-vol-40.yaml", manifest())
    stack.upload(*issue_article("a"))
    stack.upload(*issue_article("b", own_release=datetime(2031, 1, 20, tzinfo=UTC)))
    stack.run_until_idle()
    waiting = [(a["key"], a["releases_at"]) for a in stack.reader().all_pages(stack.reader().scheduled_articles)]
    assert waiting == [(f"articles/{ISSUE}/b.md", "2031-01-20T00:00:00+00:00"), (f"articles/{ISSUE}/a.md", "2031-02-01T00:00:00+09:00")]
