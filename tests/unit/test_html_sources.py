"""Each source an HTML page declares metadata in, read alone (htmlmeta), and the order they merge in."""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from masthead.extract import ExtractOptions, htmlmeta
from masthead.extract.htmlmeta import Declared, merge
from tests.html_pages import BODY, day, extracted, meta, page


def tree(head: str = "", body: str = "", lang: str | None = None):
    attr = f' lang="{lang}"' if lang else ""
    return LexborHTMLParser(f"<!doctype html><html{attr}><head>{head}</head><body>{body}</body></html>")


def ld(*values: object) -> str:
    return "".join(f'<script type="application/ld+json">{json.dumps(v)}</script>' for v in values)


def json_ld_of(html_tree) -> Declared:
    linked = htmlmeta.json_ld(html_tree.css('script[type="application/ld+json"]'))
    return htmlmeta.from_json_ld(linked, ExtractOptions())


def metas_of(html_tree) -> Declared:
    return htmlmeta.from_meta_tags(htmlmeta.metas([node.attributes for node in html_tree.css("meta")]))


def microdata_of(html_tree) -> Declared:
    return htmlmeta.from_microdata(html_tree.css("[itemprop]"))


# --- JSON-LD -----------------------------------------------------------------------------------------


def test_json_ld_article_in_a_graph_with_people_by_reference():
    graph = {
        "@graph": [
            {"@type": "WebPage", "@id": "#page", "datePublished": "2024-05-01T09:00:00+02:00"},
            {"@type": "Person", "@id": "#anna", "name": "Anna Fink"},
            {
                "@type": "NewsArticle",
                "headline": ["The headline"],
                "alternativeHeadline": "The deck",
                "author": [{"@id": "#anna"}, {"@type": "Person", "givenName": "Jan", "familyName": "Marchart"}, "Kim Lee"],
                "articleSection": ["Markets", "Asia"],
                "keywords": "bitcoin, ETF",
                "inLanguage": "de",
                "description": "What happened.",
            },
        ]
    }
    found = json_ld_of(tree(ld(graph)))
    assert (found.title, found.subtitle, found.language, found.summary) == ("The headline", "The deck", "de", "What happened.")
    assert found.authors == ["Anna Fink", "Jan Marchart", "Kim Lee"]
    assert found.category == ["Markets", "Asia"] and found.keywords == ["bitcoin", "ETF"]
    assert found.published == "2024-05-01T09:00:00+02:00"  # the article has none: its WebPage dates it


def test_json_ld_date_that_does_not_parse_does_not_hide_the_next_one():
    article = {"@type": "Article", "headline": "H", "datePublished": "soon", "dateCreated": "2023-02-03"}
    assert json_ld_of(tree(ld(article))).published == "2023-02-03"


def test_json_ld_issue_from_is_part_of():
    article = {
        "@type": "Article",
        "headline": "H",
        "isPartOf": {"@type": "PublicationIssue", "issueNumber": 12, "isPartOf": {"@type": "Periodical", "name": "Iolite"}},
    }
    assert json_ld_of(tree(ld(article))).issue == "iolite-vol-12"


def test_json_ld_without_an_article_declares_nothing():
    assert json_ld_of(tree(ld({"@type": "Organization", "name": "Site"}))) == Declared()


# --- meta tags ---------------------------------------------------------------------------------------


def test_meta_tags_in_their_declared_order():
    head = (
        '<meta name="twitter:title" content="Twitter title"><meta property="og:title" content="OG title">'
        '<meta name="author" content="https://example.com/staff/anna"><meta name="parsely-author" content="Anna Fink">'
        '<meta property="article:tag" content="crypto"><meta property="article:tag" content="asia, policy">'
        '<meta name="keywords" content="one, two"><meta name="description" content="Summary.">'
        '<meta property="article:published_time" content="2024-04-28T10:00:00+09:00">'
    )
    found = metas_of(tree(head))
    assert found.title == "OG title"  # og:title before twitter:title, whatever the page's order
    assert found.authors == ["Anna Fink"]  # the first author meta is a URL, not a name: the next one is read
    assert found.tags == ["crypto", "asia", "policy"] and found.keywords == ["one", "two"]
    assert (found.summary, found.published) == ("Summary.", "2024-04-28T10:00:00+09:00")


def test_meta_author_that_is_a_name():
    assert metas_of(tree('<meta name="author" content="Anna Fink">')).authors == ["Anna Fink"]


@pytest.mark.parametrize(
    ("values", "authors"),
    [
        (["Jessica Holly", "Gail Levy", "7 News WSVN"], ["Jessica Holly", "Gail Levy"]),  # each person of a repeated meta
        (["Trome", "Redacción Trome"], ["Trome"]),  # no person: the first, as one meta
    ],
)
def test_a_repeated_author_meta_names_each_person(values, authors):
    head = "".join(f'<meta property="article:author" content="{value}">' for value in values)
    assert metas_of(tree(head)).authors == authors


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        # nrk.no: "author" names one of the people the repeated article:author names with their role
        (
            '<meta name="author" content="Mathias Hagen"><meta property="article:author" content="Mathias Hagen / Journalist">'
            '<meta property="article:author" content="Anders Skjerdingstad / Journalist">',
            ["Mathias Hagen / Journalist", "Anders Skjerdingstad / Journalist"],
        ),
        # a later meta naming other people does not stand for the first one's
        (
            '<meta name="author" content="Jane Doe"><meta name="parsely-author" content="Bob Roe">'
            '<meta name="parsely-author" content="Ann Poe">',
            ["Jane Doe"],
        ),
        # nor does one whose name only starts like the first one's
        (
            '<meta name="author" content="Ann"><meta property="article:author" content="Anna Fink">'
            '<meta property="article:author" content="Bob Roe">',
            ["Ann"],
        ),
    ],
)
def test_a_later_author_meta_listing_the_first_ones_people_and_more_names_them_all(head, authors):
    assert metas_of(tree(head)).authors == authors


def test_a_byline_box_marked_as_the_author_is_split_as_a_byline():
    box = '<div itemprop="author">\n\t\tBy \t<a href="/a/jh">Jessica Holly</a>, <a href="/a/gl">Gail Levy</a>, <a href="/a/7">7 News WSVN</a>\t</div>'
    from masthead.extract import extract

    html = f"<html><body><article><h1>Crash</h1>{box}<p>{'The story of the crash on the highway. ' * 5}</p></article></body></html>"
    assert extract("articles/x.html", html.encode()).metadata.authors == ["Jessica Holly", "Gail Levy"]


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        (
            '<meta property="article:author" content="https://facebook.com/site"><meta property="lrt_authors" content="Povilas A">',
            ["Povilas A"],
        ),
        ('<meta name="cXenseParse:author" value="KT">', ["KT"]),
        ('<meta name="twitter:creator" content="Anna Fink"><meta name="smartbanner:author" content="Site Inc">', []),
        ('<meta name="sailthru.author" content="mikecason"><meta name="byline" value="Mike Cason | mcason@al.com">', ["Mike Cason"]),
        ('<meta name="author" content="www.mrsadiq.info | Sadiq Mammadov">', ["Sadiq Mammadov"]),
        ('<meta name="writer" value="田中宏昌&lt;b&gt;&lt;/b&gt;">', ["田中宏昌"]),
        # the publishing company in the first author meta, the writer in a second one
        ('<meta name="author" value="mediagene Inc."><meta name="author" value="小暮ひさのり">', ["小暮ひさのり"]),
        ('<meta name="author" content="Axel Springer Verlag">', ["Axel Springer Verlag"]),  # no one else named
    ],
)
def test_a_sites_own_author_meta_and_the_name_in_an_author_meta_value(head, authors):
    assert metas_of(tree(head)).authors == authors


def test_a_person_in_any_author_meta():
    found = htmlmeta.metas(
        [
            node.attributes
            for node in tree(
                '<meta name="author" content="Site News"><meta name="twitter:creator" content="Anna Fink">'
                '<meta name="sailthru.author" content="Site Media Inc."><meta property="cxenseparse:author" content="Lisa Petrich">'
            ).css("meta")
        ]
    )
    assert htmlmeta.person_author_meta(found, lambda name: name == "Site News") == "Lisa Petrich"
    # neither a social account's meta nor a company counts
    assert htmlmeta.person_author_meta(found, lambda name: name in ("Site News", "Lisa Petrich")) is None


# --- microdata ---------------------------------------------------------------------------------------


def test_microdata_of_the_first_item_with_an_author():
    body = (
        '<div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Micro headline</h1>'
        '<time itemprop="datePublished" datetime="2022-11-02">2 Nov</time>'
        '<span itemprop="author" itemscope><span itemprop="name">Anna Fink</span></span></div>'
        '<div itemscope itemtype="https://schema.org/NewsArticle"><span itemprop="author">Someone Else</span></div>'
    )
    found = microdata_of(tree(body=body))
    assert (found.title, found.published, found.authors) == ("Micro headline", "2022-11-02", ["Anna Fink"])


def test_a_microdata_author_in_another_storys_card_linked_whole_is_not_the_articles():
    # infoworld.com: the story's byline is no microdata author; the related stories' cards are
    card = (
        '<article itemscope itemtype="https://schema.org/Article"><a class="card" href="/article/4139495/salaries.html">'
        '<h3 class="card__title">Cloud architects earn the highest salaries</h3>'
        '<div class="card__info" itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">By David Linthicum</span></div>'
        "</a></article>"
    )
    assert microdata_of(tree(body=f'<div class="author">by <a href="/profile/nick-hodges/">Nick Hodges</a></div>{card}')).authors == []
    # an author's name linked to the author's page is the author
    own = '<span itemprop="author" itemscope><a href="/profile/nick-hodges/"><span itemprop="name">Nick Hodges</span></a></span>'
    assert microdata_of(tree(body=own)).authors == ["Nick Hodges"]


@pytest.mark.parametrize(
    "logo",
    [
        # majkaswelt.com's theme marks its logo as the headline, twice
        '<h1 class="site-title" itemprop="headline"><a href="/" rel="home"><span itemprop="headline">MajkasWelt</span></a></h1>',
        '<div class="brand"><span itemprop="headline">MajkasWelt</span></div>',
    ],
)
def test_a_microdata_headline_that_is_the_sites_logo_is_not_the_title(logo):
    body = f'<header>{logo}</header><article><h1 class="entry-title" itemprop="headline">TOP 5 Fashion Must Haves 2018</h1></article>'
    assert microdata_of(tree(body=body)).title == "TOP 5 Fashion Must Haves 2018"


# --- the document ------------------------------------------------------------------------------------


def test_document_language_and_title():
    page = tree("<title>Page title | Site</title>", lang="ja")
    assert htmlmeta.from_document(page).language == "ja" and htmlmeta.page_title(page) == "Page title | Site"


def test_site_name_is_taken_off_either_end_of_a_title():
    assert htmlmeta.without_site("Title - La Stampa", ["lastampa.it"]) == "Title"
    assert htmlmeta.without_site("NEWS WEB EASY|Title", ["NEWS WEB EASY"]) == "Title"
    assert htmlmeta.without_site("A - B", ["Other"]) == "A - B"


# --- merging -----------------------------------------------------------------------------------------


def test_each_field_comes_from_the_first_source_in_its_declared_order():
    partials = {
        "json_ld": Declared(title="LD", summary="LD summary", language="en", authors=["LD Author"], keywords=["k1"]),
        "meta": Declared(title="Meta", summary="Meta summary", language="fr", subtitle="Meta deck", tags=["t"], keywords=["k2"]),
        "microdata": Declared(title="Micro", subtitle="Micro deck", authors=["Micro Author"]),
        "document": Declared(language="de"),
    }
    merged = merge(partials)
    assert merged.title == "LD"  # JSON-LD, then meta, then microdata
    assert merged.summary == "Meta summary"  # meta description before the JSON-LD description
    assert merged.language == "de"  # <html lang> before both
    assert merged.subtitle == "Micro deck"  # JSON-LD, then microdata, then meta
    assert merged.authors == ["LD Author"]
    assert merged.tags == ["t"] and merged.keywords == ["k1", "k2"]  # added up, JSON-LD keywords first


def test_a_source_that_declares_nothing_passes_the_field_on():
    partials = {name: Declared() for name in ("json_ld", "meta", "microdata", "document")}
    partials["microdata"] = Declared(published="2024-01-02", authors=["Micro Author"])
    merged = merge(partials)
    assert merged.published == "2024-01-02" and merged.authors == ["Micro Author"] and merged.title is None


# --- read through the whole extractor ----------------------------------------------------------------


def test_json_ld_article_nested_in_a_web_page_main_entity():
    graph = {"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "headline": "H", "datePublished": "2024-01-02T09:00:00+01:00"}}
    assert day(page(ld(graph), "<h1>H</h1>" + BODY)) == "2024-01-02"


def test_an_unparseable_first_source_does_not_hide_a_good_second():
    head = ld({"@type": "NewsArticle", "headline": "H", "datePublished": "yesterday"}) + meta(
        "article:published_time", "2023-05-06T07:00:00+02:00", "property"
    )
    assert day(page(head, "<h1>H</h1>" + BODY)) == "2023-05-06"


def test_a_yoast_web_page_node_dates_the_page():
    head = ld({"@graph": [{"@type": "WebSite", "name": "S"}, {"@type": "WebPage", "datePublished": "2020-06-04T09:27:16+02:00"}]})
    assert day(page(head, "<h1>H</h1>" + BODY)) == "2020-06-04"


def test_several_json_objects_in_one_script_are_all_read():
    script = '<script type="application/ld+json">{"@type": "Organization", "name": "X"}\n{"@type": "NewsArticle", "headline": "H", "datePublished": "2020-10-26T18:10:00+01:00"}</script>'
    assert day(page(script, "<h1>H</h1>" + BODY)) == "2020-10-26"


@pytest.mark.parametrize("name", ["date.available", "cXenseParse:recs:publishtime", "parsely-pub-date", "publish_date", "datePublished"])
def test_meta_names_of_the_data_table(name):
    assert day(page(meta(name, "2022-02-18T10:27:24+01:00"), "<h1>H</h1>" + BODY)) == "2022-02-18"


def test_meta_written_with_value_instead_of_content():
    assert day(page('<meta name="article:published_time" value="2017-01-12T15:10:14-05:00">', "<h1>H</h1>" + BODY)) == "2017-01-12"


def test_a_json_ld_person_with_given_and_family_names():
    people = [
        {"@type": "Person", "givenName": "Anna Giulia", "familyName": "Fink"},
        {"@type": "Person", "givenName": "Jan", "familyName": "Marchart"},
    ]
    html = page(ld({"@type": "NewsArticle", "headline": "H", "author": people}), "<h1>H</h1>" + BODY)
    assert extracted(html)["authors"] == ["Anna Giulia Fink", "Jan Marchart"]
