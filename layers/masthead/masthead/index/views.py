"""How index items are shown to readers and in notifications: plain JSON values, one shape each."""

from __future__ import annotations

from decimal import Decimal

from . import schema as s


def to_json_types(value):
    """DynamoDB numbers come back as Decimal; JSON wants int."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [to_json_types(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json_types(v) for k, v in value.items()}
    if isinstance(value, set):
        return sorted(to_json_types(v) for v in value)
    return value


def article_view(doc: dict) -> dict:
    """An article as notifications summarise it (the SUMMARY_FIELDS)."""
    return to_json_types({field: doc.get(field) for field in s.SUMMARY_FIELDS})


def issue_view(item: dict) -> dict:
    """An issue item as readers and notifications show it: manifest fields plus aggregates."""
    view = {"issue_id": item.get("issue_id") or item[s.TABLE_PK].split("#", 1)[1]}
    view.update({f: item.get(f) for f in s.ISSUE_FIELDS})
    view["manifest_key"] = item.get("manifest_key")
    # "scheduled" until its released_on day begins: then it is listed under ISSUES.
    view["visibility"] = item.get("visibility") or "public"
    view["article_count"] = int(item.get("article_count") or 0)
    view["categories"] = s.categories_of(item)
    return to_json_types(view)
