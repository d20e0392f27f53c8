"""An article's own HTML (htmldocument): a CMS's body, a Word or Google Docs file saved as HTML, a
Notion export. Each rule on a fixture of its own."""

from __future__ import annotations

import pytest

from masthead.extract import extract
from tests.html_pages import BODY, day, extracted, meta, page


def test_an_articles_own_html_without_an_h1_is_titled_by_its_leading_heading():
    # a CMS's body: no <head>, no <h1>; its first heading, before any paragraph, is the headline
    fragment = f"<!-- wp:heading --><h2>Block editor headline</h2>{BODY}<h2>A section</h2>{BODY}"
    article = extracted(fragment, key="articles/x/fragment.html")
    assert (article["title"], article["headings"]) == ("Block editor headline", ["A section"])
    assert (
        extracted(f"<ul><li>Tag</li></ul><h3>Third level headline</h3>{BODY}", key="articles/x/f.html")["title"] == "Third level headline"
    )
    # not a heading after the text begins, nor on a page, whose <head> names it otherwise
    for html in (f"{BODY}<h2>A section</h2>{BODY}", page(meta("robots", "index"), f"<h2>Page heading</h2>{BODY}")):
        assert extract("articles/x/f.html", html.encode()).as_dict()["error"]["code"] == "missing_title"


def test_the_date_in_the_sites_bar_above_the_headline_is_the_day_the_page_was_saved():
    bar = '<div class="topnav"><ul><li class="date"><strong>Montag, 09.12.2019</strong></li><li><a href="/">Start</a></li></ul></div>'
    story = f'<div class="main"><article><h1>Neuer Geschäftsführer</h1>{BODY}</article>'
    shown = '<div class="article-date">Veröffentlicht am 07.06.2019</div>'
    # the article's own date, after the headline, wins over the bar's, in the article or beside it
    assert day(page(body=bar + story + "</div>" + shown, lang="de")) == "2019-06-07"
    assert day(page(body=bar + story.replace(BODY, shown + BODY) + "</div>", lang="de")) == "2019-06-07"
    # a page that shows no other date keeps the bar's, as the last resort
    assert day(page(body=bar + story + "</div>", lang="de")) == "2019-12-09"
    # a date above the headline in the headline's own part of the page is the article's
    above = f'<div class="main"><div class="date">07.06.2019</div><article><h1>Neuer Geschäftsführer</h1>{BODY}</article></div>'
    assert day(page(body=bar + above, lang="de")) == "2019-06-07"


def _notion_export(properties: str, body: str, script: str = "") -> str:
    rows = "".join(f"<tr class='property-row'><th>{label}</th><td>{value}</td></tr>" for label, value in properties)
    return (
        f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'/><title>Rules arrive</title>"
        f"<style>html {{ -webkit-print-color-adjust: exact; }}</style>{script}</head><body><article id='a' class='page sans'>"
        f"<header><h1 class='page-title'>Rules arrive</h1><p class='page-description'></p>"
        f"<table class='properties'><tbody>{rows}</tbody></table></header><div class='page-body'>{body}</div></article></body></html>"
    )


NOTION_PROPERTIES = (
    (
        "Author",
        "<span class='user'><span class='icon user-icon'>K</span>Ken Sato</span><span class='user'><img class='icon' src='m.png'>Mia Ito</span>",
    ),
    ("Date", "<time>@April 2, 2024 → April 5, 2024</time>"),
    ("Tags", "<span class='selected-value'>Regulation</span><span class='selected-value'>Stablecoins</span>"),
    ("Category", "Policy"),
    ("Status", "<span class='status-value'><div class='status-dot'></div>Draft</span>"),
)


def test_a_notion_page_exported_as_html_gives_its_title_sections_and_properties():
    body = f"{BODY}<h1 id='2'>Who may issue</h1><p>Only banks may issue.</p>"
    a = extracted(_notion_export(NOTION_PROPERTIES, body), with_body=True)
    assert (a["title"], a["headings"], a["body"].split("\n\n")[1:]) == (
        "Rules arrive",
        ["Who may issue"],
        ["Who may issue", "Only banks may issue."],
    )
    assert (a["authors"], a["published_at"], a["tags"], a["category"], a["draft"]) == (
        ["Ken Sato", "Mia Ito"],
        "2024-04-02T00:00:00+09:00",
        ["Regulation", "Stablecoins"],
        "Policy",
        True,
    )


@pytest.mark.parametrize(
    ("properties", "expected"),
    [
        (
            (
                ("作成者", "x"),
                ("著者", "<span class='user'>山田太郎</span>"),
                ("公開日", "<time>@2024/04/02</time>"),
                ("ステータス", "公開"),
            ),
            (["山田太郎"], "2024-04-02T00:00:00+09:00", False),
        ),
        ((("Written by", "Ann Lee"), ("Status", "Published")), (["Ann Lee"], None, False)),
        ((), ([], None, False)),
    ],
)
def test_notion_properties_in_other_words_or_none(properties, expected):
    a = extracted(_notion_export(properties, BODY))
    assert (a["authors"], a["published_at"], a["draft"]) == expected


def test_a_properties_table_on_a_web_page_is_not_read_as_a_documents():
    a = extracted(_notion_export(NOTION_PROPERTIES, BODY, script="<script>track()</script>"))
    assert (a["authors"], a["tags"], a["draft"]) == ([], [], False)


@pytest.mark.parametrize(
    ("head", "title_paragraph"),
    [
        ('<meta name="Generator" content="Microsoft Word 15"><title>Doc title</title>', ""),  # titled in its <head> only
        ('<meta name="generator" content="Google Docs"><title>Doc title</title>', "<p class='title'>Doc title</p>"),
    ],
)
def test_a_saved_documents_h1s_are_sections_and_the_first_heads_no_deck(head, title_paragraph):
    html = f"<html><head>{head}</head><body>{title_paragraph}<h1>Introduction</h1>{BODY}<h1>Second part</h1><p>More words here.</p></body></html>"
    a = extracted(html, with_body=True)
    assert (a["title"], a["subtitle"], a["headings"]) == ("Doc title", None, ["Introduction", "Second part"])
    assert a["body"].split("\n\n")[0] == "Introduction"


def test_a_byline_typed_in_a_notion_page_wins_over_its_author_property():
    a = extracted(_notion_export(NOTION_PROPERTIES, f"<p>By Ann Lee</p>{BODY}"))
    assert a["authors"] == ["Ann Lee"]
