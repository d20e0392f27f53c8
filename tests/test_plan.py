"""Change planning against stored state, as plain data: ordering, duplicates, aggregates, moves."""

from __future__ import annotations

from masthead.index import schema as s
from masthead.index.plan import Delete, Put, Update, doc_key, plan_change
from masthead.messages import IndexMessage, SourceObject


def message(key="articles/a/x.md", seq="0A", action="upsert", title="T", issue="iolite-vol-1", category="News", sha="s1", **fields):
    extraction = None
    if action == "upsert":
        extraction = {"key": key, "status": "accepted", "kind": "article", "format": "markdown", "article_id": "x", "title": title,
                      "subtitle": None, "authors": ["Ann"], "published_at": "2024-01-02T00:00:00+09:00", "updated_at": None,
                      "category": category, "tags": ["t1"], "labels": [], "language": "en", "issue_id": issue, "position": None,
                      "summary": "s", "headings": [], "references": [], "image_credits": [], "related_titles": [], "word_count": 1,
                      "reading_minutes": 1, **fields}
    return IndexMessage(action=action, key=key, sequencer=seq.ljust(40, "0"), source=SourceObject(bucket="b", key=key, sha256=sha),
                        extraction=extraction)


def stored_after(plan):
    """The document item the plan writes (what the next plan will read)."""
    return next(op.item for op in plan.ops if isinstance(op, Put) and op.item[s.TABLE_SK] in (s.ARTICLE_SK, s.MANIFEST_SK))


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
    rejected = IndexMessage(action="upsert", key="articles/a/x.md", sequencer="0B".ljust(40, "0"),
                            source=SourceObject(bucket="b", key="articles/a/x.md", sha256="s2"),
                            extraction={"key": "articles/a/x.md", "status": "rejected", "error": {"code": "empty_file", "message": "m"}})
    plan = plan_change(rejected, doc)
    assert plan.outcome == "rejected"
    new = stored_after(plan)
    assert new[s.LIST_PK] == s.REJECTED_LIST and new["error"]["code"] == "empty_file"
    assert issue_deltas(plan) == {"ISSUE#iolite-vol-1": (-1, {"cat:News": -1})}


def test_manifest_sets_issue_fields_and_a_move_clears_the_old_issue():
    def manifest(seq, issue_id):
        return IndexMessage(action="upsert", key="issues/m.yaml", sequencer=seq.ljust(40, "0"), source=SourceObject(bucket="b", key="issues/m.yaml"),
                            extraction={"key": "issues/m.yaml", "status": "accepted", "kind": "issue", "issue_id": issue_id,
                                        "publication": "Iolite", "volume": 1, "title": "T", "released_on": "2024-01-01", "cover": None,
                                        "features": [], "description": None})
    first = plan_change(manifest("0A", "iolite-vol-1"), None)
    (update,) = [op for op in first.ops if isinstance(op, Update)]
    assert update.key == {s.TABLE_PK: "ISSUE#iolite-vol-1", s.TABLE_SK: s.ISSUE_SK}
    assert update.expression.startswith("SET ")
    second = plan_change(manifest("0B", "iolite-vol-2"), stored_after(first))
    targets = [(op.key[s.TABLE_PK], op.expression.split()[0]) for op in second.ops if isinstance(op, Update)]
    assert targets == [("ISSUE#iolite-vol-1", "REMOVE"), ("ISSUE#iolite-vol-2", "SET")]


def test_sort_times_are_utc_so_they_order_across_offsets():
    assert s.utc_sort_time("2024-12-05T09:00:00+09:00") == "2024-12-05T00:00:00Z"
    assert s.utc_sort_time("2024-12-04T23:00:00-05:00") == "2024-12-05T04:00:00Z"
