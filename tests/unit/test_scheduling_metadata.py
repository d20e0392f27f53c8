"""Release, expiry and draft metadata in every format that has it (issue 10): what an upload says
about when it may be public. Plain data, no AWS; the index's use of it is tested apart."""

from __future__ import annotations

import json

import pytest

from masthead.extract import extract
from masthead.extract.draft import is_draft

BODY = "A body paragraph long enough to be the article's text, with a few words more.\n"


def scheduling(key: str, data: str) -> tuple:
    result = extract(key, data.encode("utf-8"))
    assert result.accepted, result.as_dict()
    found = result.as_dict()
    return found["release_at"], found["expiry_at"], found["draft"]


def front_matter(lines: str) -> str:
    return f"---\ntitle: A scheduled piece\n{lines}---\n\n{BODY}"


@pytest.mark.parametrize(
    ("lines", "release"),
    [
        ("publish_at: 2030-06-01T09:00\n", "2030-06-01T09:00:00+09:00"),  # no offset: the default zone
        ("release_at: 2030-06-01T09:00+02:00\n", "2030-06-01T09:00:00+02:00"),  # its own offset kept
        ("embargo: 2030-06-01 09:00:00Z\n", "2030-06-01T09:00:00+00:00"),
        ("embargo_until: 2030-06-01\n", "2030-06-01T00:00:00+09:00"),  # a day: from its start
        ("publishAt: '2030/06/01 9:00'\n", "2030-06-01T09:00:00+09:00"),
    ],
)
def test_a_release_time_in_front_matter_in_any_spelling_and_offset(lines, release):
    assert scheduling("articles/s/a.md", front_matter(lines)) == (release, None, False)


def test_hugo_expiry_and_draft_flags():
    assert scheduling("articles/s/a.md", front_matter("expiryDate: 2030-07-01T18:00:00+09:00\ndraft: true\n")) == (
        None,
        "2030-07-01T18:00:00+09:00",
        True,
    )
    assert scheduling("articles/s/a.md", front_matter("draft: false\n"))[2] is False
    assert scheduling("articles/s/a.md", front_matter("draft: 'yes'\n"))[2] is True


def test_jekyll_published_false_is_a_draft_and_leaves_no_date():
    assert scheduling("articles/s/a.md", front_matter("published: false\n")) == (None, None, True)


def test_nothing_declared_means_public_at_once():
    assert scheduling("articles/s/a.md", front_matter("date: 2024-01-02\n")) == (None, None, False)


@pytest.mark.parametrize("value", ["[2030, 6, 1]", "{at: tomorrow}", "soon", "'2030-13-45'"])
def test_a_release_value_that_is_not_a_time_is_ignored_not_fatal(value):
    assert scheduling("articles/s/a.md", front_matter(f"publish_at: {value}\n")) == (None, None, False)


def test_ninjs_embargo_and_pubstatus():
    ninjs = {"headline": "Embargoed news", "embargoed": "2030-06-01T00:00:00Z", "pubstatus": "usable", "body_text": BODY}
    assert scheduling("articles/s/a.json", json.dumps(ninjs)) == ("2030-06-01T00:00:00+00:00", None, False)
    withheld = {**ninjs, "pubstatus": "withheld"}
    assert scheduling("articles/s/a.json", json.dumps(withheld))[2] is True
    assert scheduling("articles/s/a.json", json.dumps({**ninjs, "pubstatus": "canceled"}))[2] is True


def test_schema_org_json_expires():
    doc = {"@type": "NewsArticle", "headline": "Offer ends", "expires": "2030-07-01", "articleBody": BODY}
    assert scheduling("articles/s/a.json", json.dumps(doc)) == (None, "2030-07-01T00:00:00+09:00", False)


def page(head: str) -> str:
    return f"<html><head><title>Offer ends</title>{head}</head><body><h1>Offer ends</h1><p>{BODY}</p></body></html>"


def test_html_expiry_from_the_opengraph_article_expiration_time():
    html = page('<meta property="article:expiration_time" content="2030-07-01T12:00:00+09:00">')
    assert scheduling("articles/s/a.html", html)[1] == "2030-07-01T12:00:00+09:00"


def test_html_expiry_from_the_robots_unavailable_after_rule():
    html = page('<meta name="robots" content="noindex, unavailable_after: 2030-07-01T12:00:00+02:00">')
    assert scheduling("articles/s/a.html", html)[1] == "2030-07-01T12:00:00+02:00"


def test_html_expiry_from_json_ld_and_the_meta_tag_first():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Offer ends", "expires": "2030-08-01"}</script>'
    assert scheduling("articles/s/a.html", page(ld))[1] == "2030-08-01T00:00:00+09:00"
    both = page(ld + '<meta property="article:expiration_time" content="2030-07-01">')
    assert scheduling("articles/s/a.html", both)[1] == "2030-07-01T00:00:00+09:00"


@pytest.mark.parametrize(
    ("flag", "status", "expected"),
    [
        (True, None, True),
        ("on", None, True),
        (False, None, False),
        (1, None, False),
        (None, "withheld", True),
        (None, "usable", False),
        (["true"], None, False),
    ],
)
def test_is_draft_reads_flags_and_statuses_of_any_type(flag, status, expected):
    assert is_draft(flag, status) is expected
