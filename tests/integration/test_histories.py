"""Random event histories against the embedded AWS: uploads, updates, bad files, deletes, article
moves, manifest copies, renames and duplicates; every S3 event delivered twice, in shuffled order,
with 20 % of the functions' AWS calls failing. After the pipeline settles (and an operator's
redrive of anything that reached a dead-letter queue), the index must be exactly what S3 holds,
issue items included: the newest manifest of an issue owns it, the others are duplicate_issue.
"""

from __future__ import annotations

import random

import jsonschema
import pytest

from masthead.extract import extract
from masthead.index import schema as s
from masthead_tools.ops import redrive
from tests.builders import NOTIFICATION_SCHEMA as SCHEMA

ISSUES = ("iolite-vol-1", "iolite-vol-2")
ARTICLE_KEYS = [f"articles/h/{name}.md" for name in ("a", "b", "c", "d")]
MANIFEST_KEYS = [f"issues/{name}.yaml" for name in ("one", "two", "copy", "renamed")]


def _article(rng) -> bytes:
    if rng.random() < 0.15:
        return b"---\ntitle: [broken\n---\n"  # rejected: bad front matter
    issue = rng.choice(ISSUES)
    return f"---\ntitle: T{rng.randrange(1000)}\ncategory: {rng.choice(['News', 'Tax'])}\nissue: {issue}\n---\nBody.\n".encode()


def _manifest(rng) -> bytes:
    if rng.random() < 0.1:
        return b"title: no volume\n"  # rejected: bad_manifest
    volume = rng.choice((1, 2))
    return f"publication: Iolite\nvolume: {volume}\ntitle: Vol {volume} v{rng.randrange(1000)}\nreleased_on: 2025-0{volume}-01\n".encode()


def _history(stack, rng, steps: int) -> dict[str, str]:
    """Apply random changes to the bucket; returns each key's latest S3 event time."""
    event_time: dict[str, str] = {}
    for _ in range(steps):
        roll = rng.random()
        key = rng.choice(ARTICLE_KEYS if roll < 0.5 else MANIFEST_KEYS)
        exists = stack.object_exists(stack.bucket, key)
        if exists and rng.random() < 0.3:
            record = stack.delete(key)
        elif key.startswith("issues/") and exists and rng.random() < 0.3:
            # A copy or rename: the same manifest under another key, the old one maybe deleted.
            target = rng.choice([k for k in MANIFEST_KEYS if k != key])
            data = stack.s3.get_object(Bucket=stack.bucket, Key=key)["Body"].read()
            record = stack.upload(target, data)
            event_time[target] = record["eventTime"]
            if rng.random() < 0.5:
                record = stack.delete(key)
        else:
            record = stack.upload(key, _article(rng) if key.startswith("articles/") else _manifest(rng))
        event_time[record["s3"]["object"]["key"].replace("%2F", "/")] = record["eventTime"]
    return event_time


def _replay_shuffled_and_duplicated(stack, rng) -> None:
    bodies = stack.take_ingest_messages()
    deliveries = bodies + rng.sample(bodies, k=len(bodies))  # every event at least twice
    rng.shuffle(deliveries)
    stack.deliver_ingest_messages(deliveries)


def _expected(stack, event_time: dict[str, str]) -> dict:
    """The index S3's current state calls for."""
    articles, rejected, claims = {}, {}, {}
    for obj in stack.s3.list_objects_v2(Bucket=stack.bucket).get("Contents", []):
        key = obj["Key"]
        result = extract(key, stack.s3.get_object(Bucket=stack.bucket, Key=key)["Body"].read()).as_dict()
        if result["status"] == "rejected":
            rejected[key] = result["error"]["code"]
        elif result["kind"] == "article":
            articles[key] = result
        else:
            claims.setdefault(result["issue_id"], []).append((s.utc_sort_time(event_time[key]), key, result))
    issues = {}
    for issue_id, contenders in claims.items():
        _time, owner, result = max(contenders)
        issues[issue_id] = (owner, result["title"])
        for _t, key, _r in contenders:
            if key != owner:
                rejected[key] = "duplicate_issue"
    return {"articles": articles, "rejected": rejected, "issues": issues}


def _settle(stack) -> None:
    stack.run_until_idle(max_rounds=2000)
    # An operator redrives whatever five failed attempts sent to a dead-letter queue.
    stack.recorder.fail_when = None
    for dead_letter, source in (("IngestDeadLetterQueue", "IngestQueue"), ("IndexDeadLetterQueue", "IndexQueue")):
        redrive(stack.sqs, stack.queue_urls[dead_letter], stack.queue_urls[source])
    stack.run_until_idle(max_rounds=2000)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_history_with_duplicates_reordering_and_faults_ends_as_s3_stands(stack, seed):
    rng = random.Random(seed)
    event_time = _history(stack, rng, steps=28)
    _replay_shuffled_and_duplicated(stack, rng)
    faults = random.Random(seed * 7919)
    stack.recorder.fail_when = lambda call: faults.random() < 0.2
    _settle(stack)

    want = _expected(stack, event_time)
    reader = stack.reader()
    got_articles = {a["key"]: a for a in reader.all_pages(reader.latest_articles)}
    assert sorted(got_articles) == sorted(want["articles"])
    for key, article in got_articles.items():
        assert (article["title"], article["issue_id"], article["category"]) == tuple(
            want["articles"][key][f] for f in ("title", "issue_id", "category")
        )
    assert {r["key"]: r["error"]["code"] for r in reader.all_pages(reader.rejected)} == want["rejected"]
    listed = {i["issue_id"]: i for i in reader.all_pages(reader.issues)}
    assert {i: (v["manifest_key"], v["title"]) for i, v in listed.items()} == want["issues"]
    for issue_id in ISSUES:
        members = [a for a in want["articles"].values() if a["issue_id"] == issue_id]
        issue = reader.get_issue(issue_id)
        assert (issue or {}).get("article_count", 0) == len(members), issue_id
        assert (issue or {}).get("categories", []) == sorted({a["category"] for a in members})
    for notification in stack.notifications():
        jsonschema.validate(notification["body"], SCHEMA)
    assert not any(stack.dead_letters().values())


# --- manifest moves and duplicates, in every order of delivery ----------------------------------------

VOL1 = b"publication: Iolite\nvolume: 1\ntitle: Volume one\nreleased_on: 2025-01-01\n"
VOL1_EDITED = b"publication: Iolite\nvolume: 1\ntitle: Volume one, edited\nreleased_on: 2025-01-01\n"


def _deliver(stack, bodies, order) -> None:
    stack.deliver_ingest_messages([bodies[n] for n in order])
    stack.run_until_idle()


ORDERS = list(__import__("itertools").permutations(range(3)))


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(map(str, o)) for o in ORDERS])
def test_a_renamed_manifest_keeps_its_issue_in_every_order(stack, order):
    stack.upload("issues/old-name.yaml", VOL1)
    stack.upload("issues/new-name.yaml", VOL1_EDITED)
    stack.delete("issues/old-name.yaml")
    _deliver(stack, stack.take_ingest_messages(), order)
    issue = stack.reader().get_issue("iolite-vol-1")
    assert (issue["manifest_key"], issue["title"]) == ("issues/new-name.yaml", "Volume one, edited")
    assert [i["issue_id"] for i in stack.reader().issues().items] == ["iolite-vol-1"]
    assert stack.reader().rejected().items == []


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(map(str, o)) for o in ORDERS])
def test_a_duplicate_manifest_is_rejected_naming_the_owner_and_takes_over_when_the_owner_goes(stack, order):
    stack.upload("issues/first.yaml", VOL1)
    stack.upload("issues/second.yaml", VOL1_EDITED)
    stack.upload("articles/iolite-vol-1/a.md", b"---\ntitle: A\n---\nBody.\n")
    _deliver(stack, stack.take_ingest_messages(), order)
    reader = stack.reader()
    issue = reader.get_issue("iolite-vol-1")
    assert (issue["manifest_key"], issue["title"], issue["article_count"]) == ("issues/second.yaml", "Volume one, edited", 1)
    (rejected,) = reader.rejected().items
    assert rejected["key"] == "issues/first.yaml" and rejected["error"]["code"] == "duplicate_issue"
    assert "issues/second.yaml" in rejected["error"]["message"]
    # The owner is deleted: the remaining manifest describes the issue again, and is no longer rejected.
    stack.delete("issues/second.yaml")
    stack.run_until_idle()
    issue = reader.get_issue("iolite-vol-1")
    assert (issue["manifest_key"], issue["title"], issue["article_count"]) == ("issues/first.yaml", "Volume one", 1)
    assert reader.rejected().items == []
    events = [n["event_type"] for n in stack.notifications()]
    assert "article.rejected" in events and events[-1] == "issue.updated"
