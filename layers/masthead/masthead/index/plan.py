"""Change planning: given one IndexMessage and the stored state of its key, what to write. Pure.

The plan is one transaction: the key's document item (guarded by the sequencer that was read, so a
concurrent writer forces a re-plan), its listing entries (put/delete), and the issue aggregates
(atomic ADDs, never read-modify-write). Applying the same message twice, or an older one after a
newer one, plans nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from ..ids import article_id_for_key, is_issue_key, manifest_id_for_key
from ..messages import IndexMessage, ReleaseMessage
from ..model import IssueMetadata, Rejection, as_dict
from ..s3events import is_newer
from . import schema as s
from .claims import IssueClaims, claim_for, claim_key, duplicate_error, winner
from .visibility import instant, issue_release, visibility


@dataclass(frozen=True)
class Put:
    item: dict
    condition: str | None = None
    names: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Delete:
    key: dict


@dataclass(frozen=True)
class Update:
    key: dict
    expression: str
    names: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    condition: str | None = None


# What a change amounts to (the Index_<outcome> metric): a write for all but the last two (an older
# or a repeated event), which plan nothing.
# "scheduled": accepted, waiting for its release time; "withheld": accepted as a draft or already
# expired (in no list, announced to nobody).
# "progress": a reindex run's counters only (service/reindex_step.py).
Outcome = Literal[
    "published", "updated", "unchanged", "removed", "deleted", "rejected", "scheduled", "withheld", "stale", "duplicate", "progress"
]


@dataclass(frozen=True)
class Plan:
    outcome: Outcome
    ops: tuple = ()

    @property
    def writes(self) -> bool:
        return bool(self.ops)


def doc_key(key: str) -> dict:
    """The document item key for an S3 key."""
    if is_issue_key(key):
        return {s.TABLE_PK: s.manifest_pk(manifest_id_for_key(key)), s.TABLE_SK: s.MANIFEST_SK}
    return {s.TABLE_PK: s.article_pk(article_id_for_key(key)), s.TABLE_SK: s.ARTICLE_SK}


def fingerprint(extraction: dict | None, sha256: str | None) -> str:
    """Changes when the content or anything extracted from it changes; equal for identical re-uploads."""
    canonical = json.dumps({"extraction": extraction, "sha256": sha256}, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _now_iso(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _guard(current: dict | None) -> tuple[str, dict, dict]:
    if current is None:
        return "attribute_not_exists(#pk)", {"#pk": s.TABLE_PK}, {}
    return "#seq = :expected_seq", {"#seq": "sequencer"}, {":expected_seq": current["sequencer"]}


def _issue_counter_update(issue_id: str, count_delta: int, category_deltas: dict[str, int]) -> Update | None:
    deltas = {c: d for c, d in category_deltas.items() if d}
    if not count_delta and not deltas:
        return None
    names = {"#type": "type", "#issue_id": "issue_id"}
    values = {":one": 1, ":count": count_delta, ":issue": "issue", ":iid": issue_id}
    adds = ["revision :one", "article_count :count"]
    for n, (category, delta) in enumerate(sorted(deltas.items())):
        names[f"#c{n}"] = s.category_counter(category)
        values[f":c{n}"] = delta
        adds.append(f"#c{n} :c{n}")
    return Update(
        key={s.TABLE_PK: s.issue_pk(issue_id), s.TABLE_SK: s.ISSUE_SK},
        expression="SET #type = :issue, #issue_id = if_not_exists(#issue_id, :iid) ADD " + ", ".join(adds),
        names=names,
        values=values,
    )


def _aggregate_ops(old: dict | None, new: dict | None) -> list[Update]:
    """Issue counters moved from the old accepted article state to the new one."""

    def membership(doc):
        if not s.is_public(doc) or not doc.get("issue_id"):
            return None, None
        return doc["issue_id"], doc.get("category")

    old_issue, old_cat = membership(old)
    new_issue, new_cat = membership(new)
    changes: dict[str, tuple[int, dict[str, int]]] = {}
    if old_issue:
        count, cats = changes.setdefault(old_issue, (0, {}))
        if old_cat:
            cats[old_cat] = cats.get(old_cat, 0) - 1
        changes[old_issue] = (count - 1, cats)
    if new_issue:
        count, cats = changes.setdefault(new_issue, (0, {}))
        if new_cat:
            cats[new_cat] = cats.get(new_cat, 0) + 1
        changes[new_issue] = (count + 1, cats)
    ops = []
    for issue_id, (count, cats) in sorted(changes.items()):
        op = _issue_counter_update(issue_id, count, cats)
        if op:
            ops.append(op)
    return ops


def _listing_ops(old: dict | None, new: dict | None) -> list:
    old_entries = s.listing_entries(old) if old else {}
    new_entries = s.listing_entries(new) if new else {}
    ops: list = [Put(item) for item in new_entries.values()]
    pk = (new or old or {})[s.TABLE_PK]
    ops += [Delete({s.TABLE_PK: pk, s.TABLE_SK: sk}) for sk in old_entries if sk not in new_entries]
    return ops


def _base_doc(message: IndexMessage, now: datetime) -> dict:
    key = doc_key(message.key)
    return {
        **key,
        "type": "manifest" if key[s.TABLE_SK] == s.MANIFEST_SK else "article",
        "key": message.key,
        "sequencer": message.sequencer,
        "event_time": message.event_time,
        "source": message.source.model_dump(),
        "extractor_version": message.extractor_version,
        "indexed_at": _now_iso(now),
        **({"reindex_run": message.reindex_run} if message.reindex_run else {}),
    }


def _new_doc(message: IndexMessage, current: dict | None, now: datetime, issue_release_at: str | None = None) -> dict:
    doc = _base_doc(message, now)
    if message.action == "delete":
        doc["status"] = "deleted"
        doc["source"] = {**doc["source"], "sha256": None}
        doc[s.TTL_ATTRIBUTE] = int(now.timestamp()) + s.TOMBSTONE_SECONDS
        doc["fingerprint"] = None
        if doc["type"] == "article":
            doc["article_id"] = article_id_for_key(message.key)
        return doc
    if message.extraction is None:  # IndexMessage guarantees an extraction for every upsert
        raise ValueError(f"{message.key}: an upsert without its extraction")
    extraction = as_dict(message.extraction)
    doc["fingerprint"] = fingerprint(extraction, message.source.sha256)
    if isinstance(message.extraction, Rejection):
        doc.update(status="rejected", error=extraction["error"], rejected_at=doc["indexed_at"])
        doc[s.LIST_PK] = s.REJECTED_LIST
        doc[s.LIST_SK] = s.rejected_sort_key(doc["indexed_at"], message.key)
        if doc["type"] == "article":
            doc["article_id"] = article_id_for_key(message.key)
        return doc
    doc["status"] = "accepted"
    if doc["type"] == "manifest":
        doc.update({f: extraction.get(f) for f in ("issue_id", *s.ISSUE_FIELDS)})
        return doc
    doc.update({f: extraction.get(f) for f in s.ARTICLE_FIELDS})
    first = (current or {}).get("first_indexed_at") if (current or {}).get("status") == "accepted" else None
    doc["first_indexed_at"] = first or doc["indexed_at"]
    # Undated articles sort by their release time, else by when they were first indexed.
    dated = s.utc_sort_time(doc.get("published_at")) or s.utc_sort_time(doc.get("release_at"))
    doc["sort_time"] = dated or doc["first_indexed_at"][:19] + "Z"
    if issue_release_at and doc.get("issue_id") and not doc.get("release_at"):
        doc["issue_release_at"] = issue_release_at  # its issue is not released yet: it waits for it
    _set_visibility(doc, now)
    return doc


def _set_visibility(doc: dict, now: datetime) -> None:
    """An accepted article's visibility at `now`; a scheduled one is in the SCHEDULED list."""
    doc["visibility"] = visibility(doc, now)
    if doc["visibility"] == "scheduled":
        doc[s.LIST_PK] = s.SCHEDULED_LIST
        doc[s.LIST_SK] = s.scheduled_sort_key(doc.get("release_at") or doc["issue_release_at"], doc["article_id"])
    else:
        doc.pop(s.LIST_PK, None)
        doc.pop(s.LIST_SK, None)


def claimed_issues(message: IndexMessage, current: dict | None) -> list[str]:
    """The issues a manifest message can change the claims of: what it claimed, what it claims now.
    The index step reads these issues' claims before planning."""
    if not is_issue_key(message.key):
        return []
    new = message.extraction.issue_id if message.action == "upsert" and isinstance(message.extraction, IssueMetadata) else None
    old = (current or {}).get("claim_issue_id")
    return sorted({i for i in (old, new) if i})


def _set_expression(fields: dict, remove: tuple = ()) -> tuple[str, dict, dict]:
    names = {f"#f{n}": f for n, f in enumerate(fields)}
    values = {f":v{n}": v for n, v in enumerate(fields.values())}
    expression = "SET " + ", ".join(f"#f{n} = :v{n}" for n in range(len(fields)))
    if remove:
        names.update({f"#r{n}": f for n, f in enumerate(remove)})
        expression += " REMOVE " + ", ".join(f"#r{n}" for n in range(len(remove)))
    return expression, names, values


def _status_fields(status: str, owner_key: str, issue_id: str, key: str, now_iso: str) -> tuple[dict, tuple]:
    """What a manifest document holds as the owner of its issue, or as a duplicate of the owner."""
    if status == "accepted":
        return {"status": "accepted", "owner_key": owner_key, "indexed_at": now_iso}, ("error", "rejected_at", s.LIST_PK, s.LIST_SK)
    return {
        "status": "rejected",
        "owner_key": owner_key,
        "error": duplicate_error(owner_key, issue_id),
        "rejected_at": now_iso,
        "indexed_at": now_iso,
        s.LIST_PK: s.REJECTED_LIST,
        s.LIST_SK: s.rejected_sort_key(now_iso, key),
    }, ()


def _restatus_other(claim: dict, status: str, owner_key: str, now_iso: str) -> list[Update]:
    """Move another manifest between owner and duplicate: its document (guarded by the sequencer
    its claim recorded) and its claim."""
    fields, remove = _status_fields(status, owner_key, claim["issue_id"], claim["key"], now_iso)
    expression, names, values = _set_expression(fields, remove)
    names["#seq"] = "sequencer"
    values[":seq"] = claim["sequencer"]
    doc = Update({s.TABLE_PK: claim["manifest_pk"], s.TABLE_SK: s.MANIFEST_SK}, expression, names, values, condition="#seq = :seq")
    claim_expression, claim_names, claim_values = _set_expression({"status": status, "owner_key": owner_key})
    return [doc, Update(claim_key(claim["issue_id"], claim["manifest_pk"]), claim_expression, claim_names, claim_values)]


def _issue_fields_update(read: IssueClaims, top: dict | None, now: datetime, tz: str) -> Update:
    """The issue item shows its owner's fields (or none), guarded by the claims version read. An
    issue whose `released_on` day has not begun (in the publisher's zone) is not listed yet."""
    version = (read.version or 0) + 1
    if top is None:
        fields: dict = {"claims_version": version}
        remove: tuple = (*s.ISSUE_FIELDS, "manifest_key", s.LIST_PK, s.LIST_SK, "visibility", "release_at")
    else:
        fields = {f: top.get(f) for f in s.ISSUE_FIELDS}
        fields.update({"manifest_key": top["key"], "type": "issue", "issue_id": read.issue_id, "claims_version": version})
        release = issue_release(top.get("released_on"), tz)
        if release is not None and release > now:
            fields.update(visibility="scheduled", release_at=release.isoformat())
            remove = (s.LIST_PK, s.LIST_SK)
        else:
            fields.update(issue_listing(read.issue_id, top.get("released_on")))
            remove = ("release_at",)
    expression, names, values = _set_expression(fields, remove)
    names["#cv"] = "claims_version"
    expression += " ADD revision :one"
    values[":one"] = 1
    condition = "attribute_not_exists(#cv)" if read.version is None else "#cv = :read_version"
    if read.version is not None:
        values[":read_version"] = read.version
    return Update({s.TABLE_PK: s.issue_pk(read.issue_id), s.TABLE_SK: s.ISSUE_SK}, expression, names, values, condition=condition)


def issue_listing(issue_id: str, released_on: object) -> dict:
    """What lists a released issue under ISSUES, newest release first."""
    return {"visibility": "public", s.LIST_PK: s.ISSUES_LIST, s.LIST_SK: f"{released_on or '0000-00-00'}#{issue_id}"}


def _manifest_ops(current: dict | None, new: dict, claims: dict[str, IssueClaims], now: datetime, tz: str) -> list:
    """Claims, owner and duplicates of the issues a manifest change touches (see index/claims.py).
    Sets `new`'s status to rejected (duplicate_issue) when another manifest owns its issue."""
    old_issue = (current or {}).get("claim_issue_id")
    new_issue = new.get("issue_id") if new["status"] == "accepted" else None
    if new_issue:
        new["claim_issue_id"] = new_issue
    ops: list = []
    for issue_id in sorted({i for i in (old_issue, new_issue) if i}):
        read = claims.get(issue_id) or IssueClaims(issue_id)
        others = [c for c in read.claims if c["manifest_pk"] != new[s.TABLE_PK]]
        mine = claim_for(new) if issue_id == new_issue else None
        top = winner(others + ([mine] if mine else []))
        if top is None:  # nobody claims the issue any more: its item loses the manifest's fields
            ops += [Delete(claim_key(issue_id, new[s.TABLE_PK])), _issue_fields_update(read, None, now, tz)]
            continue
        for claim in others:
            status = "accepted" if claim is top else "rejected"
            if (claim.get("status"), claim.get("owner_key")) != (status, top["key"]):
                ops += _restatus_other(claim, status, top["key"], _now_iso(now))
        if mine is not None:
            status = "accepted" if mine is top else "rejected"
            fields, remove = _status_fields(status, top["key"], issue_id, new["key"], _now_iso(now))
            new.update(fields)
            for name in remove:
                new.pop(name, None)
            ops.append(Put({**mine, "status": status, "owner_key": top["key"]}))
        else:
            ops.append(Delete(claim_key(issue_id, new[s.TABLE_PK])))
        ops.append(_issue_fields_update(read, top, now, tz))
    return ops


def plan_change(
    message: IndexMessage,
    current: dict | None,
    now: datetime | None = None,
    claims: dict[str, IssueClaims] | None = None,
    issue_release_at: str | None = None,
    tz: str = "Asia/Tokyo",
) -> Plan:
    """What to write for `message`, given the key's stored document item `current` (or None) and,
    for a manifest, the claims of the issues it touches (claimed_issues()). `issue_release_at`:
    for an article, its issue's release time while the issue is not released; `tz`: the zone an
    issue's `released_on` day begins in."""
    now = now or datetime.now(UTC)
    superseded = _superseded(message, current)
    if superseded:
        return Plan(superseded)

    new = _new_doc(message, current, now, issue_release_at)
    condition, names, values = _guard(current)
    is_manifest = new["type"] == "manifest"
    if _same_content(current, new) and (not is_manifest or message.reindex_run):
        assert current is not None
        if message.reindex_run and current.get("extractor_version") == message.extractor_version:
            return Plan("duplicate")  # this extractor read this version already: nothing to write
        # Identical content again: only the sequencer, source version and extractor move on.
        moved = [k for k in _VERSION_FIELDS if k in new]
        keep = {k: v for k, v in current.items() if k not in moved}
        return Plan("unchanged", (Put({**keep, **{k: new[k] for k in moved}}, condition, names, values),))

    if is_manifest:
        # Manifests always re-plan their claims (a re-upload makes a manifest the newest); this may
        # turn `new` into a duplicate_issue rejection, so the document is written after it.
        claim_ops = _manifest_ops(current, new, claims or {}, now, tz)
        ops = [Put(new, condition, names, values), *claim_ops]
    else:
        ops = [Put(new, condition, names, values), *_listing_ops(current, new), *_aggregate_ops(current, new)]

    return Plan(_outcome(current, new), tuple(ops))


# What an identical version changes on the stored item (reindex_run: a run that read it again).
_VERSION_FIELDS = ("sequencer", "source", "event_time", "extractor_version", "reindex_run")


def _superseded(message: IndexMessage, current: dict | None) -> Outcome | None:
    """ "stale" or "duplicate" when `message` must not replace the stored item; None when it may.

    An upload replaces an older version. A reindex run's message (the stored version extracted
    again) replaces only that very version, never a newer upload that arrived meanwhile nor a
    deletion; for a key with no item it is the oldest possible version (sequencer "0")."""
    if current is None:
        return None
    stored = current.get("sequencer")
    if message.reindex_run:
        return None if stored == message.sequencer and current.get("status") != "deleted" else "stale"
    if is_newer(message.sequencer, stored):
        return None
    return "duplicate" if stored == message.sequencer else "stale"


def _same_content(current: dict | None, new: dict) -> bool:
    """Whether `new` says what the stored item says (a repeated upload, or an extraction that
    came out the same)."""
    return (
        current is not None
        and current.get("status") == new["status"]
        and current.get("fingerprint") == new["fingerprint"]
        and current.get("visibility") == new.get("visibility")
        and new["status"] != "deleted"
    )


def _outcome(current: dict | None, new: dict) -> Outcome:
    was_public = s.is_public(current) if (current or {}).get("type") != "manifest" else (current or {}).get("status") == "accepted"
    if new["status"] == "deleted":
        return "removed" if was_public else "deleted"
    if new["status"] == "rejected":
        return "rejected"
    if new["type"] == "manifest" or s.is_public(new):
        return "updated" if was_public else "published"
    if was_public:
        return "removed"
    return "scheduled" if new.get("visibility") == "scheduled" else "withheld"


def run_progress(run_id: str, key: str, outcome: Outcome) -> Update:
    """A reindex run's message for `key` handled with `outcome`: ADDed to one of the run's progress
    items (the first ADD creates it)."""
    return Update(
        key={s.TABLE_PK: s.run_pk(run_id), s.TABLE_SK: s.run_shard_sk(key)},
        expression="SET #type = :type, #run = :run ADD #indexed :one, #outcome :one",
        names={"#type": "type", "#run": "run_id", "#indexed": "indexed", "#outcome": f"indexed_{outcome}"},
        values={":type": "reindex_run", ":run": run_id, ":one": 1},
    )


def run_checked(run_id: str, counts: dict[str, int]) -> Update:
    """What a reindex batch did with its keys (checked, sent, skipped_<why>), ADDed to the run's
    progress item."""
    names = {"#type": "type", "#run": "run_id"} | {f"#c{n}": name for n, name in enumerate(sorted(counts))}
    values = {":type": "reindex_run", ":run": run_id} | {f":c{n}": counts[name] for n, name in enumerate(sorted(counts))}
    adds = ", ".join(f"#c{n} :c{n}" for n in range(len(counts)))
    return Update(
        key={s.TABLE_PK: s.run_pk(run_id), s.TABLE_SK: s.RUN_SK},
        expression="SET #type = :type, #run = :run" + (f" ADD {adds}" if adds else ""),
        names=names,
        values=values,
    )


_KEEP = object()


def plan_release(message: ReleaseMessage, current: dict | None, now: datetime | None = None, issue_release_at: object = _KEEP) -> Plan:
    """A release or expiry time has come for one version of an article (an EventBridge Scheduler
    schedule fired): its visibility at that time, if the version is still the stored one. A
    schedule of a version since replaced or deleted finds another sequencer and plans nothing."""
    now = now or datetime.now(UTC)
    if (
        current is None
        or current.get("type") != "article"
        or current.get("status") != "accepted"
        or current.get("sequencer") != message.sequencer
    ):
        return Plan("stale")
    # The scheduler fires at or after the time it was given; its clock is the one that counts.
    at = max(now, instant(message.scheduled_time) or now)
    new = {**current, "indexed_at": _now_iso(now)}
    if issue_release_at is not _KEEP:  # its issue's release, as it stands now (moved, or released)
        new.pop("issue_release_at", None)
        if issue_release_at and new.get("issue_id") and not new.get("release_at"):
            new["issue_release_at"] = issue_release_at
    _set_visibility(new, at)
    if new["visibility"] == current.get("visibility", "public") and new.get("issue_release_at") == current.get("issue_release_at"):
        return Plan("duplicate")
    condition, names, values = _guard(current)
    ops = [Put(new, condition, names, values), *_listing_ops(current, new), *_aggregate_ops(current, new)]
    return Plan(_outcome(current, new), tuple(ops))


def plan_issue_release(message: ReleaseMessage, issue: dict | None, now: datetime) -> Plan:
    """An issue's `released_on` day began (its timer fired): list it under ISSUES, if its claims
    have not changed since the timer was set (`sequencer` is the claims version it was set for)."""
    if issue is None or str(issue.get("claims_version")) != message.sequencer or issue.get("visibility") != "scheduled":
        return Plan("stale")
    release = instant(issue.get("release_at"))
    if release is not None and release > max(now, instant(message.scheduled_time) or now):
        return Plan("duplicate")
    fields = issue_listing(issue["issue_id"], issue.get("released_on"))
    expression, names, values = _set_expression(fields, ("release_at",))
    expression += " ADD revision :one"
    values[":one"] = 1
    names["#cv"] = "claims_version"
    values[":cv"] = issue["claims_version"]
    key = {s.TABLE_PK: issue[s.TABLE_PK], s.TABLE_SK: s.ISSUE_SK}
    return Plan("published", (Update(key, expression, names, values, condition="#cv = :cv"),))
