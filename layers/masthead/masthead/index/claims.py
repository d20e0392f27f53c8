"""Which manifest owns an issue when more than one describes it. Pure; documented in docs/index.md.

Every accepted manifest claims its issue with a CLAIM item in the issue's partition
(ISSUE#<issue_id> / CLAIM#<manifest_id>) that holds its fields. The issue item shows the fields of
the newest claim (latest S3 event time; the key breaks ties), so a manifest copied or renamed to a
new key takes over at once, and a deleted owner hands the issue back to the next claim instead of
wiping it. Every other claiming manifest is rejected as `duplicate_issue`, naming the owner, and is
accepted again if it becomes the newest. Claims and the issue item change in the same transaction
as the manifest, guarded by the issue's claims_version, so concurrent writers re-plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import schema as s

CLAIM_SK_PREFIX = "CLAIM#"


@dataclass(frozen=True)
class IssueClaims:
    """What the index step read of one issue before planning: its claims and their version."""

    issue_id: str
    claims: tuple[dict, ...] = ()
    version: int | None = None  # None: the issue item has no claims_version yet


def claim_key(issue_id: str, manifest_pk: str) -> dict:
    return {s.TABLE_PK: s.issue_pk(issue_id), s.TABLE_SK: CLAIM_SK_PREFIX + manifest_pk.split("#", 1)[1]}


def rank(claim: dict) -> tuple[str, str]:
    """Newest first: the S3 event time of the manifest's change, then its key."""
    return (s.utc_sort_time(claim.get("event_time")) or "", claim["key"])


def claim_for(doc: dict) -> dict:
    """The claim an accepted manifest document makes on its issue."""
    return {
        **claim_key(doc["issue_id"], doc[s.TABLE_PK]),
        "type": "claim",
        "key": doc["key"],
        "manifest_pk": doc[s.TABLE_PK],
        "sequencer": doc["sequencer"],
        "event_time": doc.get("event_time"),
        "issue_id": doc["issue_id"],
        "status": "accepted",
        "owner_key": doc["key"],
        **{f: doc.get(f) for f in s.ISSUE_FIELDS},
    }


def winner(claims: list[dict]) -> dict | None:
    return max(claims, key=rank) if claims else None


def duplicate_error(owner_key: str, issue_id: str) -> dict:
    from ..extract.rejections import bounded_message

    return {"code": "duplicate_issue", "message": bounded_message("duplicate_issue", owner=owner_key, issue_id=issue_id)}
