"""Change planning against stored state, as plain data: ordering, duplicates, aggregates, moves."""

from __future__ import annotations

from masthead.index import schema as s
from masthead.index.claims import IssueClaims, claim_for
from masthead.index.plan import Delete, Put, Update, doc_key, plan_change
from masthead.messages import IndexMessage, SourceObject
from tests.builders import message, stored_after


def issue_deltas(plan):
    out = {}
    for op in plan.ops:
        if isinstance(op, Update) and op.key[s.TABLE_SK] == s.ISSUE_SK and ":count" in op.values:
            cats = {op.names[n]: op.values[":" + n[1:]] for n in op.names if n.startswith("#c")}
            out[op.key[s.TABLE_PK]] = (op.values[":count"], cats)
    return out


def test_first_upsert_publishes_with_listings_and_issue_counters():
    plan = plan_change(message(), None)
    assert plan.outcome == "published"
    doc = stored_after(plan)
    assert doc[s.TABLE_PK] == doc_key("articles/a/x.md")[s.TABLE_PK]
    assert plan.ops[0].condition == "attribute_not_exists(#pk)"
    lists = {op.item[s.LIST_PK] for op in plan.ops if isinstance(op, Put) and op.item.get("type") == "listing"}
    assert lists == {"ISSUE#iolite-vol-1", "CATEGORY#news", "TAG#t1", "AUTHOR#ann", f"LATEST#{s.latest_shard(doc['article_id'])}"}
    assert issue_deltas(plan) == {"ISSUE#iolite-vol-1": (1, {"cat:News": 1})}


def test_same_sequencer_again_is_a_noop_and_older_is_stale():
    doc = stored_after(plan_change(message(seq="0B"), None))
    assert plan_change(message(seq="0B"), doc).outcome == "duplicate"
    assert not plan_change(message(seq="0B"), doc).ops
    assert plan_change(message(seq="0A", title="older"), doc).outcome == "stale"
    assert not plan_change(message(seq="0A", action="delete"), doc).ops  # an older delete is ignored


def test_newer_write_is_guarded_by_the_sequencer_it_read():
    doc = stored_after(plan_change(message(seq="0A"), None))
    plan = plan_change(message(seq="0B", title="New title"), doc)
    assert plan.outcome == "updated"
    assert plan.ops[0].condition == "#seq = :expected_seq"
    assert plan.ops[0].values[":expected_seq"] == doc["sequencer"]
    assert issue_deltas(plan) == {}  # same issue, same category: counters untouched


def test_identical_content_again_only_moves_the_sequencer():
    doc = stored_after(plan_change(message(seq="0A"), None))
    plan = plan_change(message(seq="0B"), doc)
    assert plan.outcome == "unchanged"
    assert len(plan.ops) == 1
    assert plan.ops[0].item["sequencer"].startswith("0B")
    assert plan.ops[0].item["fingerprint"] == doc["fingerprint"]


def test_category_change_moves_the_counter_atomically():
    doc = stored_after(plan_change(message(seq="0A", category="News"), None))
    plan = plan_change(message(seq="0B", category="Tax"), doc)
    assert issue_deltas(plan) == {"ISSUE#iolite-vol-1": (0, {"cat:News": -1, "cat:Tax": 1})}
    deleted = {op.key[s.TABLE_SK] for op in plan.ops if isinstance(op, Delete)}
    assert deleted == {"LIST#CATEGORY#news"}


def test_move_to_another_issue_decrements_one_and_increments_the_other():
    doc = stored_after(plan_change(message(seq="0A", issue="iolite-vol-1"), None))
    plan = plan_change(message(seq="0B", issue="iolite-vol-2"), doc)
    assert issue_deltas(plan) == {"ISSUE#iolite-vol-1": (-1, {"cat:News": -1}), "ISSUE#iolite-vol-2": (1, {"cat:News": 1})}
    assert {op.key[s.TABLE_SK] for op in plan.ops if isinstance(op, Delete)} == {"LIST#ISSUE#iolite-vol-1"}


def test_delete_leaves_a_tombstone_and_removes_every_listing():
    doc = stored_after(plan_change(message(seq="0A"), None))
    plan = plan_change(message(seq="0B", action="delete"), doc)
    assert plan.outcome == "removed"
    tomb = stored_after(plan)
    assert tomb["status"] == "deleted" and tomb[s.TTL_ATTRIBUTE] > 0
    assert s.LIST_PK not in tomb
    assert len([op for op in plan.ops if isinstance(op, Delete)]) == 5
    assert issue_deltas(plan) == {"ISSUE#iolite-vol-1": (-1, {"cat:News": -1})}
    # A create older than the delete, arriving late, cannot resurrect the article.
    assert plan_change(message(seq="0A"), tomb).outcome in ("stale", "duplicate")


def test_rejection_after_acceptance_withdraws_the_article():
    doc = stored_after(plan_change(message(seq="0A"), None))
    rejected = IndexMessage(
        action="upsert",
        key="articles/a/x.md",
        sequencer="0B".ljust(40, "0"),
        source=SourceObject(bucket="b", key="articles/a/x.md", sha256="s2"),
        extraction={"key": "articles/a/x.md", "status": "rejected", "error": {"code": "empty_file", "message": "m"}},
    )
    plan = plan_change(rejected, doc)
    assert plan.outcome == "rejected"
    new = stored_after(plan)
    assert new[s.LIST_PK] == s.REJECTED_LIST and new["error"]["code"] == "empty_file"
    assert issue_deltas(plan) == {"ISSUE#iolite-vol-1": (-1, {"cat:News": -1})}


def manifest(key="issues/m.yaml", seq="0A", issue_id="iolite-vol-1", title="T", event_time="2024-01-01T00:00:00.000Z"):
    return IndexMessage(
        action="upsert",
        key=key,
        sequencer=seq.ljust(40, "0"),
        event_time=event_time,
        source=SourceObject(bucket="b", key=key),
        extraction={
            "key": key,
            "status": "accepted",
            "kind": "issue",
            "issue_id": issue_id,
            "publication": "Iolite",
            "volume": 1,
            "title": title,
            "released_on": "2024-01-01",
            "cover": None,
            "features": [],
            "description": None,
        },
    )


def _issue_update(plan, issue_id):
    (update,) = [op for op in plan.ops if isinstance(op, Update) and op.key == {s.TABLE_PK: f"ISSUE#{issue_id}", s.TABLE_SK: s.ISSUE_SK}]
    fields = {update.names[n]: update.values[":v" + n[2:]] for n in update.names if n.startswith("#f")}
    removed = {update.names[n] for n in update.names if n.startswith("#r")}
    return fields, removed, update.condition


def test_a_manifest_claims_its_issue_and_a_move_hands_the_old_issue_back_empty():
    first = plan_change(manifest(), None)
    fields, removed, condition = _issue_update(first, "iolite-vol-1")
    assert (fields["title"], fields["manifest_key"], fields["claims_version"], removed) == ("T", "issues/m.yaml", 1, {"release_at"})
    assert condition == "attribute_not_exists(#cv)"  # guarded: a concurrent claim forces a re-plan
    claim = next(op.item for op in first.ops if isinstance(op, Put) and op.item[s.TABLE_SK].startswith("CLAIM#"))
    assert claim[s.TABLE_PK] == "ISSUE#iolite-vol-1" and claim["status"] == "accepted"

    read = IssueClaims("iolite-vol-1", (claim,), 1)
    second = plan_change(manifest(seq="0B", issue_id="iolite-vol-2"), stored_after(first), claims={"iolite-vol-1": read})
    old_fields, old_removed, old_condition = _issue_update(second, "iolite-vol-1")
    assert "title" in old_removed and "manifest_key" in old_removed and old_condition == "#cv = :read_version"
    assert _issue_update(second, "iolite-vol-2")[0]["manifest_key"] == "issues/m.yaml"
    assert [op.key for op in second.ops if isinstance(op, Delete)] == [{s.TABLE_PK: "ISSUE#iolite-vol-1", s.TABLE_SK: claim[s.TABLE_SK]}]


def test_the_newest_manifest_owns_the_issue_and_the_other_becomes_a_duplicate():
    older = stored_after(plan_change(manifest("issues/a.yaml", title="A", event_time="2024-01-01T00:00:00Z"), None))
    older_claim = {**claim_for(older), "status": "accepted", "owner_key": "issues/a.yaml"}
    read = IssueClaims("iolite-vol-1", (older_claim,), 1)
    # A newer manifest for the same issue takes over; the older one is told who owns the issue now.
    newer = plan_change(manifest("issues/b.yaml", title="B", event_time="2024-02-01T00:00:00Z"), None, claims={"iolite-vol-1": read})
    assert newer.outcome == "published" and _issue_update(newer, "iolite-vol-1")[0]["title"] == "B"
    demoted = next(op for op in newer.ops if isinstance(op, Update) and op.key[s.TABLE_PK] == older[s.TABLE_PK])
    values = {demoted.names[n]: demoted.values[":v" + n[2:]] for n in demoted.names if n.startswith("#f")}
    assert values["status"] == "rejected" and values["error"]["code"] == "duplicate_issue" and "issues/b.yaml" in values["error"]["message"]
    assert demoted.condition == "#seq = :seq" and demoted.values[":seq"] == older["sequencer"]
    # An older manifest arriving second does not take over: it is the duplicate itself.
    late = plan_change(manifest("issues/c.yaml", title="C", event_time="2023-12-01T00:00:00Z"), None, claims={"iolite-vol-1": read})
    assert late.outcome == "rejected" and stored_after(late)["error"]["code"] == "duplicate_issue"
    assert _issue_update(late, "iolite-vol-1")[0]["title"] == "A"


def test_sort_times_are_utc_so_they_order_across_offsets():
    assert s.utc_sort_time("2024-12-05T09:00:00+09:00") == "2024-12-05T00:00:00Z"
    assert s.utc_sort_time("2024-12-04T23:00:00-05:00") == "2024-12-05T04:00:00Z"
