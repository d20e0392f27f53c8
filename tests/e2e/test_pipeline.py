"""End to end on the embedded AWS: uploads in, index and notifications out, as S3 would deliver them."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime

import jsonschema

from masthead.extract import extract
from masthead.ids import article_id_for_key
from masthead.index.visibility import visibility
from masthead_tools.local.demo import final_state, run_pipeline
from masthead_tools.local.stack import upload_folder
from tests.builders import NOTIFICATION_SCHEMA as SCHEMA
from tests.builders import SAMPLES, TEMPLATE


def expected_outcomes(folder):
    """What extraction alone says of each file: the pipeline must agree."""
    out = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        key = path.relative_to(folder).as_posix()
        out[key] = extract(key, path.read_bytes()).as_dict()
    return out


def check_state(state, outcomes):
    accepted = {k: v for k, v in outcomes.items() if v["status"] == "accepted" and v["kind"] == "article"}
    # Articles whose release time is still ahead wait in the scheduled list, announced as scheduled.
    now = datetime.now(UTC)
    waiting = {k for k, v in accepted.items() if visibility(v, now) == "scheduled"}
    assert sorted(a["key"] for a in state["scheduled"]) == sorted(waiting)
    accepted = {k: v for k, v in accepted.items() if k not in waiting}
    manifests = {k: v for k, v in outcomes.items() if v["status"] == "accepted" and v["kind"] == "issue"}
    rejected = {k: v for k, v in outcomes.items() if v["status"] == "rejected"}

    assert sorted(a["key"] for a in state["articles"]) == sorted(accepted)
    for article in state["articles"]:
        want = accepted[article["key"]]
        for field in ("title", "authors", "published_at", "category", "tags", "issue_id", "language", "summary"):
            assert article[field] == want[field], (article["key"], field)
    assert sorted(r["key"] for r in state["rejected"]) == sorted(rejected)
    for r in state["rejected"]:
        assert r["error"] == rejected[r["key"]]["error"]
    assert sorted(i["issue_id"] for i in state["issues"]) == sorted({m["issue_id"] for m in manifests.values()})

    # Issue aggregates are exact.
    for issue in state["issues"]:
        members = [a for a in accepted.values() if a["issue_id"] == issue["issue_id"]]
        assert issue["article_count"] == len(members)
        assert issue["categories"] == sorted({a["category"] for a in members if a["category"]})

    # One notification per change, each valid against the schema.
    for n in state["notifications"]:
        jsonschema.validate(n["body"], SCHEMA, format_checker=jsonschema.FormatChecker())
    counts = Counter(n["event_type"] for n in state["notifications"])
    assert counts["article.published"] == len(accepted)
    assert counts["article.scheduled"] == len(waiting)
    assert counts["article.rejected"] == len(rejected)
    assert counts["article.updated"] == counts["article.removed"] == 0
    published_keys = [n["body"]["article"]["key"] for n in state["notifications"] if n["event_type"] == "article.published"]
    assert sorted(published_keys) == sorted(accepted)
    assert len({n["body"]["event_id"] for n in state["notifications"]}) == len(state["notifications"])
    assert state["dead_letters"] and not any(state["dead_letters"].values())


def test_samples_end_to_end():
    outcomes = expected_outcomes(SAMPLES)
    assert any(v["status"] == "rejected" for v in outcomes.values()) and any(v["status"] == "accepted" for v in outcomes.values())
    state = run_pipeline(SAMPLES, TEMPLATE)
    check_state(state, outcomes)
    assert state["scheduled"], "the samples show a scheduled article"
    assert [t["message"]["kind"] for t in state["timers"]] == ["release"] * len(state["scheduled"])


def test_samples_with_the_clock_run_past_every_release_and_expiry():
    state = run_pipeline(SAMPLES, TEMPLATE, at=datetime(2100, 1, 1, tzinfo=UTC))
    assert state["scheduled"] == [] and state["timers"] == []
    kinds = Counter((n["event_type"], n["body"].get("reason")) for n in state["notifications"])
    released = sorted(n["body"]["article"]["key"] for n in state["notifications"] if n["event_type"] == "article.scheduled")
    assert released and kinds[("article.removed", "expired")] == len(released)  # the sample expires, too
    assert not any(a["key"] in released for a in state["articles"])


def test_shared_corpus_end_to_end_matches_expected_labels(corpus, tmp_path):
    import shutil

    labels = json.loads((corpus / "expected.json").read_text())["files"]
    uploads = tmp_path / "uploads"
    for key in labels:
        (uploads / key).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(corpus / key, uploads / key)
    state = run_pipeline(uploads, TEMPLATE)
    check_state(state, expected_outcomes(uploads))
    by_key = {a["key"]: a for a in state["articles"]}
    rejected = {r["key"] for r in state["rejected"]}
    issues = {i["issue_id"]: i for i in state["issues"]}
    for key, want in labels.items():
        if want["status"] == "rejected":
            assert key in rejected
        elif want.get("kind") == "issue":
            assert issues[want["issue_id"]]["title"] == want["title"]
        else:
            got = by_key[key]
            for field in ("title", "category", "language", "issue_id", "subtitle"):
                if field in want:
                    assert got[field] == want[field], (key, field)
            if "authors" in want:
                assert sorted(got["authors"]) == sorted(want["authors"])
            if "published" in want:
                assert got["published_at"][:10] == want["published"]


# --- named delivery cases: S3 delivers at least once and out of order ----------------------------

ARTICLE = "---\ntitle: {title}\ncategory: {category}\nissue: {issue}\ndate: 2025-01-0{day}\n---\n\nBody text of the article.\n"


def body(title="First", category="News", issue="iolite-vol-1", day=1):
    return ARTICLE.format(title=title, category=category, issue=issue, day=day).encode()


def capture_ingest(stack):
    return stack.take_ingest_messages()


def deliver(stack, bodies):
    stack.deliver_ingest_messages(bodies)
    stack.run_until_idle()


def event_types(stack):
    return [n["event_type"] for n in stack.notifications()]


def test_url_encoded_key_end_to_end(stack):
    key = "articles/iolite-vol-1/Web3 特集+インタビュー (1).md"
    stack.upload(key, body())
    stack.run_until_idle()
    assert stack.reader().get_article(article_id_for_key(key))["key"] == key


def test_same_event_twice_is_applied_once(stack):
    stack.upload("articles/a.md", body())
    events = capture_ingest(stack)
    deliver(stack, events + events)
    assert event_types(stack) == ["article.published", "issue.updated"]
    assert stack.reader().get_issue("iolite-vol-1")["article_count"] == 1


def test_older_event_after_newer_is_ignored(stack):
    stack.upload("articles/a.md", body(title="Old"))
    stack.upload("articles/a.md", body(title="New"))
    old, new = capture_ingest(stack)
    deliver(stack, [new, old])
    assert stack.reader().get_article(article_id_for_key("articles/a.md"))["title"] == "New"
    assert event_types(stack) == ["article.published", "issue.updated"]


def test_delete_older_than_the_stored_version_is_ignored(stack):
    stack.upload("articles/a.md", body(title="One"))
    stack.delete("articles/a.md")
    stack.upload("articles/a.md", body(title="Two"))
    put1, delete, put2 = capture_ingest(stack)
    deliver(stack, [put1, put2, delete])
    assert stack.reader().get_article(article_id_for_key("articles/a.md"))["title"] == "Two"


def test_create_update_delete(stack):
    reader = stack.reader()
    article_id = article_id_for_key("articles/a.md")
    stack.upload("articles/a.md", body(title="First"))
    stack.run_until_idle()
    stack.upload("articles/a.md", body(title="Second", category="Tax"))
    stack.run_until_idle()
    assert reader.get_article(article_id)["title"] == "Second"
    assert reader.get_issue("iolite-vol-1")["categories"] == ["Tax"]
    stack.delete("articles/a.md")
    stack.run_until_idle()
    assert reader.get_article(article_id) is None
    assert reader.articles_in_category("Tax").items == reader.articles_in_issue("iolite-vol-1").items == []
    assert reader.latest_articles().items == []
    assert reader.get_issue("iolite-vol-1") is None  # no manifest and no articles left
    types = event_types(stack)
    assert [t for t in types if t.startswith("article.")] == ["article.published", "article.updated", "article.removed"]
    assert types.count("issue.updated") == 3


def test_reuploading_identical_content_sends_nothing(stack):
    stack.upload("articles/a.md", body())
    stack.run_until_idle()
    stack.notifications()
    stack.upload("articles/a.md", body())
    stack.run_until_idle()
    assert stack.notifications() == []


def test_file_moved_to_another_issue(stack):
    reader = stack.reader()
    stack.upload("issues/one.yaml", b"publication: Iolite\nvolume: 1\ntitle: One\nreleased_on: 2025-01-01\n")
    stack.upload("issues/two.yaml", b"publication: Iolite\nvolume: 2\ntitle: Two\nreleased_on: 2025-03-01\n")
    stack.upload("articles/iolite-vol-1/a.md", body(issue="iolite-vol-1"))
    stack.upload("articles/iolite-vol-1/b.md", body(issue="iolite-vol-1", category="Tax"))
    stack.run_until_idle()
    assert reader.get_issue("iolite-vol-1")["article_count"] == 2
    # A move is a delete of the old key and a create of the new one.
    stack.delete("articles/iolite-vol-1/b.md")
    stack.upload("articles/iolite-vol-2/b.md", body(issue="iolite-vol-2", category="Tax"))
    stack.run_until_idle()
    one, two = reader.get_issue("iolite-vol-1"), reader.get_issue("iolite-vol-2")
    assert (one["article_count"], one["categories"]) == (1, ["News"])
    assert (two["article_count"], two["categories"]) == (1, ["Tax"])
    assert [a["key"] for a in reader.articles_in_issue("iolite-vol-2").items] == ["articles/iolite-vol-2/b.md"]
    assert [i["issue_id"] for i in reader.issues().items] == ["iolite-vol-2", "iolite-vol-1"]


def test_s3_test_event_is_acknowledged(stack):
    stack.sqs.send_message(
        QueueUrl=stack.queue_urls["IngestQueue"], MessageBody=json.dumps({"Service": "Amazon S3", "Event": "s3:TestEvent"})
    )
    stack.run_until_idle()
    assert stack.notifications() == []
    assert not any(stack.dead_letters().values())


def test_event_for_an_object_already_deleted(stack):
    stack.upload("articles/a.md", body())
    stack.delete("articles/a.md")
    put, delete = capture_ingest(stack)
    versions = stack.s3.list_object_versions(Bucket=stack.bucket, Prefix="articles/a.md")
    for v in versions.get("Versions", []):  # the version the put event names is gone for good
        stack.s3.delete_object(Bucket=stack.bucket, Key="articles/a.md", VersionId=v["VersionId"])
    deliver(stack, [put, delete])
    assert stack.reader().get_article(article_id_for_key("articles/a.md")) is None
    assert stack.notifications() == []
    assert not any(stack.dead_letters().values())


def test_rejected_file_is_visible_with_its_reason_and_never_retried(stack):
    stack.upload("articles/bad.md", b"")
    stack.run_until_idle()
    (rejected,) = stack.reader().rejected().items
    assert rejected["key"] == "articles/bad.md" and rejected["error"]["code"] == "empty_file"
    (n,) = stack.notifications()
    assert n["event_type"] == "article.rejected" and n["body"]["rejection"]["message"]
    assert not any(stack.dead_letters().values())
    # Fixing the file publishes it and takes it off the rejected list.
    stack.upload("articles/bad.md", body())
    stack.run_until_idle()
    assert stack.reader().rejected().items == []


def test_a_real_fault_lands_in_the_dead_letter_queue_after_retries(stack, monkeypatch):
    from masthead.adapters import aws

    def failing_read(*args, **kwargs):
        raise ConnectionError("S3 is unreachable")

    monkeypatch.setattr(aws.S3Objects, "read", failing_read)
    stack.upload("articles/a.md", body())
    stack.run_until_idle()
    assert stack.dead_letters()["IngestDeadLetterQueue"] == 1


def test_demo_final_state_shape(stack):
    upload_folder(stack, SAMPLES)
    stack.run_until_idle()
    state = final_state(stack)
    assert set(state) >= {"articles", "issues", "rejected", "notifications"}
    assert all("event_type" in n and "body" in n for n in state["notifications"])


def test_deleting_the_current_version_for_good_brings_the_previous_one_back(stack):
    stack.upload("articles/a.md", body(title="Version one"))
    second = stack.upload("articles/a.md", body(title="Version two"))
    stack.run_until_idle()
    stack.notifications()
    stack.delete("articles/a.md", version_id=second["s3"]["object"]["versionId"])
    stack.run_until_idle()
    assert stack.reader().get_article(article_id_for_key("articles/a.md"))["title"] == "Version one"
    assert [n["event_type"] for n in stack.notifications()] == ["article.updated"]


def test_deleting_an_old_version_changes_nothing(stack):
    first = stack.upload("articles/a.md", body(title="Version one"))
    stack.upload("articles/a.md", body(title="Version two"))
    stack.run_until_idle()
    stack.notifications()
    stack.delete("articles/a.md", version_id=first["s3"]["object"]["versionId"])
    stack.run_until_idle()
    assert stack.reader().get_article(article_id_for_key("articles/a.md"))["title"] == "Version two"
    assert stack.notifications() == []
