"""Every access pattern is a Query or GetItem (a Scan fails the test), paginated, in the documented order."""

from __future__ import annotations

import pytest

from masthead.index import schema as s

DOC = "---\ntitle: {title}\nauthors: [{author}]\ndate: {date}\ncategory: {category}\ntags: [{tags}]\n{extra}---\n\nBody of {title}.\n"


@pytest.fixture(scope="module")
def loaded():
    """One loaded index for every test here (read-only tests)."""
    from masthead_tools.local.stack import LocalStack, embedded_aws
    from tests.builders import TEMPLATE

    with embedded_aws():
        yield _load(LocalStack(TEMPLATE).create())


def _load(stack):
    def no_scans(**kwargs):
        raise AssertionError("the reader must never Scan")

    stack.dynamodb.meta.events.register("before-call.dynamodb.Scan", no_scans)
    stack.upload("issues/v1.yaml", b"publication: Iolite\nvolume: 1\ntitle: Vol 1\nreleased_on: 2025-01-01\n")
    stack.upload("issues/v2.yaml", b"publication: Iolite\nvolume: 2\ntitle: Vol 2\nreleased_on: 2025-03-01\n")
    for n in range(12):
        extra = f"issue: iolite-vol-1\nposition: {12 - n}\n" if n % 2 == 0 else ""
        stack.upload(
            f"articles/a{n:02d}.md",
            DOC.format(
                title=f"Article {n}",
                author="Ann Lee" if n % 3 == 0 else "Bo Chen",
                date=f"2025-01-{n + 1:02d}T12:00:00+09:00",
                category="Tax" if n % 4 == 0 else "News",
                tags="tax, Japan" if n % 2 else "Japan",
                extra=extra,
            ).encode(),
        )
    stack.upload("articles/broken.md", b"")
    stack.run_until_idle()
    return stack.reader()


def titles(items):
    return [i["title"] for i in items]


def collect(reader, method, *args, limit):
    pages, cursor = [], None
    while True:
        page = method(*args, limit=limit, cursor=cursor)
        pages.append(titles(page.items))
        if not page.cursor:
            return pages
        cursor = page.cursor


def test_get_article_and_get_issue(loaded):
    from masthead.ids import article_id_for_key

    article = loaded.get_article(article_id_for_key("articles/a00.md"))
    assert article["title"] == "Article 0" and article["headings"] == [] and "body" not in article
    assert loaded.get_article("no-such-article") is None
    issue = loaded.get_issue("iolite-vol-1")
    assert (issue["title"], issue["article_count"], issue["categories"]) == ("Vol 1", 6, ["News", "Tax"])
    assert loaded.get_issue("iolite-vol-99") is None


def test_latest_merges_shards_newest_first_across_pages(loaded):
    pages = collect(loaded, loaded.latest_articles, limit=5)
    flat = [t for p in pages for t in p]
    assert flat == [f"Article {n}" for n in range(11, -1, -1)]
    assert [len(p) for p in pages] == [5, 5, 2]


def test_articles_of_an_issue_in_the_issue_order(loaded):
    items = loaded.articles_in_issue("iolite-vol-1").items
    assert titles(items) == ["Article 10", "Article 8", "Article 6", "Article 4", "Article 2", "Article 0"]  # position 2, 4, ...


@pytest.mark.parametrize(
    "method, arg, expected",
    [
        ("articles_in_category", "tax", [8, 4, 0]),  # case-insensitive
        ("articles_with_tag", "TAX", [11, 9, 7, 5, 3, 1]),
        ("articles_by_author", "ann lee", [9, 6, 3, 0]),
    ],
)
def test_facet_listings_newest_first_paginated(loaded, method, arg, expected):
    pages = collect(loaded, getattr(loaded, method), arg, limit=2)
    assert [t for p in pages for t in p] == [f"Article {n}" for n in expected]
    assert all(len(p) <= 2 for p in pages)


def test_issues_newest_first_and_rejected_with_reasons(loaded):
    assert [i["issue_id"] for i in loaded.issues().items] == ["iolite-vol-2", "iolite-vol-1"]
    (rejected,) = loaded.rejected().items
    assert rejected["key"] == "articles/broken.md" and rejected["error"]["code"] == "empty_file"


def test_listings_carry_no_internal_attributes(loaded):
    item = loaded.latest_articles(limit=1).items[0]
    assert not set(item) & {s.TABLE_PK, s.TABLE_SK, s.LIST_PK, s.LIST_SK, "type"}


def test_a_bad_cursor_is_a_clear_error(loaded):
    with pytest.raises(ValueError, match="invalid cursor"):
        loaded.articles_with_tag("tax", cursor="not-a-cursor!")
