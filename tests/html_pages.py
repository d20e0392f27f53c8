"""Builders of the small HTML pages the web-page extractor's rules are tested on (tests/unit/test_html_*.py)."""

from __future__ import annotations

import json
import re

from masthead.extract import extract

BODY = "<p>" + "The story's first paragraph says what happened, to whom and where it happened. " * 3 + "</p>"


def page(head: str = "", body: str = "", lang: str = "en") -> str:
    return f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


def ld(value: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(value)}</script>'


def meta(name: str, content: str, attribute: str = "name") -> str:
    return f'<meta {attribute}="{name}" content="{content}">'


def extracted(html: str, key: str = "articles/x/page.html", with_body: bool = False) -> dict:
    result = extract(key, html.encode())
    assert result.accepted, result.as_dict()
    return result.as_dict(with_body=with_body)


def day(html: str) -> str | None:
    published = extracted(html)["published_at"]
    return published[:10] if published else None


def text_of(markup: str) -> str:
    return re.sub(r"<[^>]*>", "", markup).replace("\u3000", " ")
