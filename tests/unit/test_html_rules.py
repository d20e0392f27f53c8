"""Each rule of the web-page extractor on a fixture of its own (the real pages in ../shared/webcorpus
measure them together: `../shared/tools/web-vs-trafilatura`)."""

from __future__ import annotations

import json
import re

import pytest

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


# --- where the story is ---------------------------------------------------------------------------


def test_an_empty_article_ad_slot_before_the_story_is_passed_over():
    html = page(body='<article class="ad"><p>Sponsored</p></article><div class="story"><h1>Real headline</h1>' + BODY + "</div>")
    assert extracted(html)["title"] == "Real headline"


def test_a_story_in_page_builder_blocks_is_read():
    # Elementor: every block of the page is an "elementor-widget"; a story in three text blocks has
    # less than half its paragraphs in each (blisterreview.com kept 34 words: its navigation line)
    block = '<div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">'
    part = "<p>" + "A sentence of the review that says how the ski skis in soft snow and on hardpack. " * 3 + "</p>"
    byline = '<div class="elementor-widget elementor-widget-post-info"><ul><li><span class="elementor-post-info__item--type-author">Luke Koppa</span></li></ul></div>'
    story = byline + "<p>Review Navigation:</p>" + "".join(f"{block}{part * 2}</div></div>" for _ in range(3))
    html = page(body=f'<div class="elementor elementor-location-single"><h1>2021-2022 Line Outline</h1>{story}</div>')
    article = extracted(html, with_body=True)
    assert article["word_count"] > 150
    assert article["authors"] == ["Luke Koppa"]
    # a widget of another kind is still page furniture
    sidebar = f'<div class="widget widget_recent_entries"><p>{"Another story entirely. " * 3}</p></div>'
    other = extracted(page(body=f"<article><h1>H</h1>{BODY}{sidebar}</article>"), with_body=True)
    assert "Another story" not in other["body"]


def test_a_blog_post_in_divs_beside_a_tagline_paragraph_is_the_body():
    # Blogger: a one-line <p> tagline in the header, the post in <div>s and <br>s inside a "widget Blog"
    post = "<div>Python 3.6.0 is the newest major release of the Python language.</div><div><br /></div>" * 8
    body = (
        "<header><p class='description'>Python core development news and information.</p></header>"
        f"<div class='widget Blog' id='Blog1'><h3 class='post-title'>Python 3.6.0 is now available!</h3>"
        f"<div class='post-body entry-content'>{post}</div></div>"
    )
    article = extracted(page("<title>Python Insider: Python 3.6.0 is now available!</title>", body), with_body=True)
    assert article["body"].startswith("Python 3.6.0 is the newest major release")
    assert article["word_count"] > 60


def test_content_root_ranks_come_from_the_candidates_as_from_each_ones_subtree():
    # the ranks of a page without paragraphs are read from its candidates, not from a walk of each
    # candidate's subtree per selector: the same ranks, nested candidates and case included
    from selectolax.lexbor import LexborHTMLParser

    from masthead.extract.htmlbody import _CONTENT_ROOT_SELECTOR, _root_rank, _root_ranks

    html = (
        "<div class='content'><div id='Content'><article><div class='post'><div class='entry-content'>x</div></div></article>"
        "<main><div class='Story-Body'>y</div></main></div></div><div class='entry'><section role='main'>z</section></div>"
        "<div class='post'><div itemprop='articleBody'>w</div></div><div class='content'>v</div>"
    )
    # with a doctype, class and id names match in their case; without one (quirks mode), in any case
    for document, expected in ((page(body=html), 10), (f"<html><body>{html}</body></html>", 12)):
        tree = LexborHTMLParser(document)
        candidates = list({node.mem_id: node for node in tree.css(_CONTENT_ROOT_SELECTOR)}.values())
        assert len(candidates) == expected
        assert _root_ranks(tree, candidates)[1] == {node.mem_id: _root_rank(node) for node in candidates}


STORY_IN_LINES = "".join(
    f"Line {n} of a court report written in line breaks, as older sites write their stories, with enough words.<br><br>"
    for n in range(1, 9)
)


def test_a_story_written_between_line_breaks_is_the_body_not_the_paragraphs_around_it():
    # juraforum.de: the story is text and <br>s in a div; the page's few <p>s are its sidebar's
    sidebar = (
        "<div class='aside-box'>" + "<p>Rechtsanwalt Berlin, Rechtsanwalt Hamburg, Rechtsanwalt Köln, Rechtsanwalt Essen</p>" * 3 + "</div>"
    )
    html = page(
        "<title>Ohne Bewerbungen kein Wohngeld</title>",
        f"<div class='main'><h1>Ohne Bewerbungen kein Wohngeld</h1><div class='articleBody'>{STORY_IN_LINES}</div></div>{sidebar}",
        lang="de",
    )
    article = extracted(html, with_body=True)
    assert article["body"].startswith("Line 1 of a court report")
    assert "Line 8 of a court report" in article["body"]
    assert "Rechtsanwalt" not in article["body"]


def test_a_deck_and_captions_in_paragraphs_give_way_to_the_story_in_lines_they_surround():
    # eluniversal.com: the deck and a caption are <p>s, the story itself text between <br>s
    deck = "<p>The senator said the president was not fit for office, in a speech on Tuesday.</p>"
    caption = "<figure><p>The president in Washington, in a photograph of the agency.</p></figure>"
    related = "<ul><li>Another story of the day</li><li>And another one</li></ul>"
    html = page(body=f"<article><h1>H</h1>{deck}{caption}<div class='note-text'>{STORY_IN_LINES}</div>{related}</article>")
    body = extracted(html, with_body=True)["body"]
    assert body.startswith("Line 1 of a court report") and "Line 8" in body
    assert "Another story of the day" not in body
    # where the paragraphs hold more than the lines, the paragraphs are the story
    address = "<div class='contact'>" + "Our office, 1 Main Street, Springfield, open on weekdays from nine to five<br>" * 4 + "</div>"
    story = extracted(page(body=f"<article><h1>H</h1>{BODY * 6}{address}</article>"), with_body=True)["body"]
    assert story.startswith("The story's first paragraph") and "Our office" not in story


def test_without_a_container_named_as_the_story_the_body_is_read_from_the_one_holding_its_paragraphs():
    # DW, Asahi, ladbible: no <article>, <main> or "content" class; the body's navigation lists and
    # teasers lay around the unnamed element that holds the story's paragraphs
    menu = "<ul>" + "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(12)) + "</ul>"
    teasers = "<div class='x9'>" + "".join(f"<div><a href='/t{n}'>Another story {n}</a></div>" for n in range(8)) + "</div>"
    byline = "<div class='x2'><span>By Jane Roe</span></div>"
    html = page(body=f"{menu}<div class='x1'><h1>H</h1>{byline}<div class='x3'>{BODY * 6}</div></div>{teasers}")
    article = extracted(html, with_body=True)
    assert article["body"].startswith("The story's first paragraph")
    assert "Section 3" not in article["body"] and "Another story" not in article["body"]
    assert article["authors"] == ["Jane Roe"]  # the byline beside the story is still read
    # a story in two unnamed parts, neither holding nearly all of it, is read whole from the page
    half = "<p>" + "The second half of the story goes on with what happened after, and who said what. " * 3 + "</p>"
    split = page(body=f"{menu}<h1>H</h1><div class='x3'>{BODY * 3}</div><div class='x4'>{half * 3}</div>")
    body = extracted(split, with_body=True)["body"]
    assert "The story's first paragraph" in body and "The second half of the story" in body


def test_list_entries_and_paragraphs_that_are_only_a_link_are_not_body_text():
    # a list of other stories or a menu inside the article, teasers as linked paragraphs; a list of
    # the story's points, and a paragraph with a link in it, stay
    stories = "<ul>" + "".join(f"<li><a href='/s{n}'>Another headline of the day, number {n}</a></li>" for n in range(5)) + "</ul>"
    teasers = "".join(f"<p><a href='/t{n}'>A teaser for a story of yesterday, number {n}</a></p>" for n in range(3))
    points = "<ul><li>The first point, <a href='/r'>with a source</a> in it.</li><li><strong>Second</strong> point</li></ul>"
    linked = "<p>Read <a href='/doc'>the court's decision</a> in full.</p>"
    body = extracted(page(body=f"<article><h1>H</h1>{BODY}{points}{linked}{stories}{teasers}</article>"), with_body=True)["body"]
    assert "Another headline of the day" not in body and "A teaser for a story" not in body
    assert "The first point, with a source in it." in body and "Second point" in body
    assert "Read the court's decision in full." in body


def test_sections_of_the_story_named_as_carrying_ads_are_the_story():
    # chip.de: each section of a review is "TestReport__Section--Ads" (an ad may sit between its
    # paragraphs); together they are the whole story, which was read as 49 words
    section = "<section class='TestReport__Section TestReport__Section--Ads'><h2>Part</h2>" + BODY * 2 + "</section>"
    ad = "<div class='ad'><p>" + "An advertisement for something else entirely, to buy today. " * 2 + "</p></div>"
    article = extracted(page(body=f"<article class='TestReport'><h1>H</h1>{section * 4}{ad}</article>"), with_body=True)
    assert article["word_count"] > 250 and "advertisement" not in article["body"]
    # sections of readers' comments holding as much stay out: they are what their name says
    for name in ("comment", "commentaires", "kommentare", "comentarios", "commenti"):  # (named in the page's language)
        comment = f"<div class='{name}'>" + BODY + "</div>"
        commented = extracted(page(body=f"<article><h1>H</h1>{BODY}{comment * 4}</article>"), with_body=True)
        assert commented["word_count"] < 60, name


def test_a_wrapper_that_ranks_as_the_post_it_holds_gives_way_to_the_post():
    # div.content holds the "widget Blog" (page furniture by name) that holds the post's own container
    post = "<div>Zhi neng xiang nian ni, a song of the summer, in its words and their readings.</div><br />" * 8
    body = (
        "<header><p class='description'>Chinese Pinyin Lyrics</p></header><div class='content'>"
        "<div class='widget Blog' id='Blog1'><div class='post hentry'><h3 class='post-title'>Zhi Neng Xiang Nian Ni</h3>"
        f"<div class='post-body entry-content'>{post}</div></div></div></div>"
    )
    article = extracted(page("<title>Zhi Neng Xiang Nian Ni</title>", body), with_body=True)
    assert article["body"].startswith("Zhi neng xiang nian ni, a song of the summer")
    # an <article> is the story itself, not the first teaser <article> inside it
    teaser = "<article class='teaser'><div>Another story, read it next.</div></article>"
    story = "<div>The story of the shower head, told in a line of its own.</div>" * 8
    html = page("<title>Duschkopf</title>", f"<article><h1>Duschkopf</h1>{story}{teaser}</article>")
    assert extracted(html, with_body=True)["body"].startswith("The story of the shower head")


def test_a_copyright_line_named_meta_is_no_byline():
    links = '<div class="Menu__StyledMetaLinks">Kontakt Impressum Nutzungsrichtlinien Work with us Datenschutz © 2019</div>'
    assert extracted(page(body=f"<article><h1>H</h1>{BODY}</article>{links}", lang="de"))["authors"] == []


def test_a_link_inside_a_line_of_a_page_without_paragraphs_stays_in_its_line():
    lines = "<div>See <a href='/new'>the What's New document</a> for more information.</div><div><br /></div>" * 6
    lines += "<div>Download it <b>here</b>.<br>Packages follow soon.</div>"
    body = extracted(page(body=f"<h1>Python 3.6.0 is now available</h1><div class='text'>{lines}</div>"), with_body=True)["body"]
    assert body.split("\n\n")[:2] == ["See the What's New document for more information."] * 2
    assert body.split("\n\n")[-2:] == ["Download it here.", "Packages follow soon."]


OUTSIDE = "<div><p>A paragraph outside the story container that is long enough to be weighed as text.</p></div>"


def test_paragraph_text_is_weighed_into_every_element_that_holds_it():
    from selectolax.lexbor import LexborHTMLParser

    from masthead.extract.htmlbody import paragraph_weights

    long_a, long_b = "A" * 40, "B" * 50
    html = page(
        body=f"<main><section><div><p>{long_a}</p><p>short</p></div><div><p>{long_b}</p></div></section>"
        f"<aside><p>{long_a}{long_b}</p></aside></main><footer><p>{long_b}</p></footer>"
    )
    tree = LexborHTMLParser(html)
    weighed = paragraph_weights(tree.css("p"), [])
    # Each element's weight is the text of the paragraphs of 30 characters or more in it (a <p>'s
    # css() includes the <p> itself).
    for node in tree.css("*"):
        inside = [len(p.text(deep=True).strip()) for p in node.css("p") if len(p.text(deep=True).strip()) >= 30]
        assert weighed.chars.get(node.mem_id, 0) == sum(inside), node.tag
    assert weighed.chars[tree.body.mem_id] == 40 + 50 + 90 + 50
    # Holders sort in document order, an element before the elements inside it.
    order = [node.tag for _, node in sorted(weighed.holders.values(), key=lambda pair: pair[0]) if node.tag != "-document"]
    assert order[:6] == ["html", "body", "main", "section", "div", "p"]


def test_an_element_matching_several_selectors_of_the_first_walk_is_taken_once():
    from selectolax.lexbor import LexborHTMLParser

    from masthead.extract.htmldoc import _first_walk

    # A <p> that is also marked up (itemprop) and named like a related block; an <aside> likewise.
    html = page(body='<p itemprop="description" class="read-more">Text</p><aside class="related" itemprop="x"><p>More</p></aside>')
    walk = _first_walk(LexborHTMLParser(html))
    assert [p.text() for p in walk.paragraphs] == ["Text", "More"]
    assert [n.tag for n in walk.containers] == ["aside"]
    assert [n.tag for n in walk.marked.itemprops] == ["p", "aside"] and [n.tag for n in walk.marked.related] == ["p", "aside"]


def test_page_furniture_is_dropped_and_a_template_or_embed_shows_nothing():
    """Containers are found by tag name, in the whole body; <template> content and <embed> are not in
    the tree at all, so they need no dropping."""
    furniture = (
        "<nav><p>Menu entry long enough to be weighed as a paragraph of text.</p></nav>"
        "<form><p>Subscribe to the newsletter to receive every story of the week.</p></form>"
        "<svg><text>Chart label</text></svg><button>Share this</button><embed src='x.swf'>"
        "<template><p class='byline'>By Template Person</p><p>Template paragraph that is never shown.</p></template>"
    )
    html = page(body=f"<div class='story'><h1>Headline</h1>{furniture}{BODY}</div><footer><p>Footer text.</p></footer>")
    result = extract("articles/x/page.html", html.encode())
    assert result.accepted and result.as_dict()["authors"] == []
    for shown in ("Menu entry", "Subscribe", "Chart label", "Share this", "Template", "Footer text"):
        assert shown not in result.body, shown
    assert "The story's first paragraph" in result.body


@pytest.mark.parametrize(
    ("paragraph", "in_body"),
    [
        ('<p class="post-meta_date">5 March 2024</p>', False),  # "meta" and "date" as whole segments of a class
        ('<p id="Byline">By Jane Roe</p>', False),  # an id, in any case
        ('<p class="byline credit">Photo: Jane Roe</p>', True),  # a credit line is read (as a credit)
        ('<p class="metadata-rich">Kept: metadata is not the word meta.</p>', True),
    ],
)
def test_a_paragraph_named_as_page_metadata_is_not_body(paragraph, in_body):
    result = extract("articles/x/p.html", page(body=f"<article><h1>H</h1>{paragraph}{BODY}</article>").encode())
    text_of = re.sub(r"<[^>]+>", "", paragraph).split(":")[-1].strip()
    assert (text_of in result.body or text_of in result.as_dict()["image_credits"]) is in_body


def test_of_two_story_containers_side_by_side_the_more_specific_one_is_read():
    # Each holds half the paragraph text; the <article> is a surer sign of the story than ".post".
    post = '<div class="post"><p>' + "Text of the first container, which is only a post. " * 3 + "</p></div>"
    article = "<article><h1>Headline</h1>" + BODY + "</article>"
    body = extract("articles/x/p.html", page(body=post + article).encode()).body
    assert "first paragraph" in body and "only a post" not in body


def test_a_wrapper_around_the_article_is_read_whole():
    # The wrapper holds the <article> (so it matches all the article does) and comes first.
    html = page(body='<div class="content"><article><h1>Headline</h1>' + BODY + "</article>" + OUTSIDE + "</div>")
    body = extract("articles/x/p.html", html.encode()).body
    assert "first paragraph" in body and "outside the story" in body


def test_a_container_with_too_small_a_share_of_the_paragraphs_is_not_the_story():
    # The <article> holds one paragraph of four: under 30 % of the page's text, so the page is read.
    html = page(body="<h1>Headline</h1><article>" + OUTSIDE + "</article>" + BODY * 3)
    body = extract("articles/x/p.html", html.encode()).body
    assert "first paragraph" in body and "outside the story" in body


def test_a_candidate_inside_a_dropped_aside_is_not_the_story():
    # The teaser holds over 30 % of the page's paragraph text, but its <aside> is dropped.
    teaser = '<aside><div class="post-content"><p>' + "Teaser text of another story. " * 14 + "</p></div></aside>"
    share = '<div class="share-bar"><p>Share this story on every network you know of today</p></div>'
    body = extract("articles/x/p.html", page(body="<h1>Headline</h1>" + teaser + BODY * 3 + share).encode()).body
    # Read as an article (the teaser's container is not taken for the story's): furniture removed.
    assert "first paragraph" in body and "Teaser" not in body and "Share this" not in body


@pytest.mark.parametrize("doctype, outside_read", [("", False), ("<!doctype html>", True)])
def test_class_names_match_in_any_case_only_on_quirks_mode_pages(doctype, outside_read):
    # Without a doctype the page is in quirks mode, where ".post-content" matches "Post-Content".
    # (outside text enough that no unnamed element holds nearly all of the paragraphs)
    html = (
        f'{doctype}<html><head><title>T</title></head><body><div class="Post-Content"><h1>H</h1>{BODY * 3}</div>{OUTSIDE * 3}</body></html>'
    )
    assert ("outside the story" in extract("articles/x/p.html", html.encode()).body) is outside_read


def test_a_form_that_wraps_the_whole_page_is_not_dropped():
    html = page(body='<form id="aspnetForm"><h1>Headline</h1>' + BODY + "</form>")
    assert "first paragraph" in extract("articles/x/p.html", html.encode()).body


DIV_STORY = "<div>" + "The story is written in divs and line breaks, with no paragraph element at all. " * 3 + "<br>Its second line.</div>"


def test_a_form_that_wraps_a_page_without_paragraphs_is_not_dropped():
    # ASP.NET pages put the whole page in one <form>; without <p>s the page is weighed by its text.
    html = page(body=f'<form id="aspnetForm"><nav><a href="/">Home</a></nav><h1>Headline</h1>{DIV_STORY}</form><aside>Ads</aside>')
    result = extract("articles/x/p.html", html.encode())
    assert result.accepted and "written in divs" in result.body and "Its second line." in result.body
    assert "Home" not in result.body and "Ads" not in result.body


def test_a_form_that_holds_little_of_a_page_without_paragraphs_is_dropped():
    html = page(body=f"<h1>Headline</h1>{DIV_STORY}<form><div>Subscribe to the newsletter</div></form>")
    assert "Subscribe" not in extract("articles/x/p.html", html.encode()).body


def test_a_page_whose_only_blocks_are_headings_is_read_from_its_text():
    html = page(body=f"<article><h1>Headline</h1><h3>Tag</h3><h3>Other</h3>{DIV_STORY}</article>")
    result = extracted(html, with_body=True)
    assert "written in divs" in result["body"] and "Tag" in result["body"]
    assert result["headings"] == ["Tag", "Other"]


def test_headings_beside_paragraphs_are_not_a_reason_to_read_the_whole_text():
    html = page(body=f"<article><h1>Headline</h1><h2>Section</h2>{BODY}<div>Loose text outside any paragraph</div></article>")
    body = extracted(html, with_body=True)["body"]
    assert "first paragraph" in body and "Section" in body and "Loose text" not in body


@pytest.mark.parametrize(
    "markup",
    [
        "<ul><li>Item one with a quote <blockquote>Quoted inside the item</blockquote></li><li>Item two</li></ul>",
        "<blockquote>An outer quote <blockquote>Quoted inside the item</blockquote></blockquote><ul><li>Item one</li><li>Item two</li></ul>",
        "<dl><dd>Item one <dl><dd>Quoted inside the item</dd></dl></dd><dd>Item two</dd></dl>",
    ],
)
def test_a_container_inside_a_container_read_whole_is_not_read_again(markup):
    body = extracted(page(body=f"<article><h1>Headline</h1>{BODY}{markup}</article>"), with_body=True)["body"]
    assert body.count("Quoted inside the item") == 1 and body.count("Item two") == 1


@pytest.mark.parametrize("wrapper", ["has-header", "layout--sidebar", "f_x_ad_y_on", "category-news-navigation-story"])
def test_a_story_wrapper_whose_class_reads_like_furniture_is_kept(wrapper):
    html = page(
        body=f'<article><div class="{wrapper}"><h1>Headline</h1>{BODY}</div><div class="share-bar"><p>Share this story on every network you know of today</p></div></article>'
    )
    result = extract("articles/x/p.html", html.encode())
    assert result.accepted and "first paragraph" in result.body and "Share this" not in result.body


def test_the_article_header_with_headline_byline_and_date_survives_boilerplate_removal():
    header = '<header class="article-header"><h1>Headline</h1><span class="byline">By Jane Roe</span><time datetime="2024-03-05T10:00:00+01:00">5 March</time></header>'
    got = extracted(page(body=f"<article>{header}{BODY}</article>"))
    assert (got["title"], got["authors"], got["published_at"][:10]) == ("Headline", ["Jane Roe"], "2024-03-05")


def test_a_kicker_in_front_of_the_metadata_title_is_dropped():
    html = page(
        meta("og:title", "Brothel busted in Boston", "property"),
        "<article><h1>Local News | Brothel busted in Boston</h1>" + BODY + "</article>",
    )
    assert extracted(html)["title"] == "Brothel busted in Boston"


def test_a_kicker_element_inside_the_h1_is_not_the_headline():
    h1 = '<h1><span class="dachzeile">Interne Unterlagen im Netz</span> <span class="headline">Daten von Rheinmetall gehackt</span></h1>'
    assert extracted(page(body=f"<article>{h1}{BODY}</article>", lang="de"))["title"] == "Daten von Rheinmetall gehackt"
    # a category named as one in front of the headline (bmjv.de, with a label for screen readers)
    h1 = '<h1><span class="category"><span class="aural">Thema </span>Verbraucherschutz</span>Mehr Transparenz bei Preisanpassungen</h1>'
    assert extracted(page(body=f"<article>{h1}{BODY}</article>", lang="de"))["title"] == "Mehr Transparenz bei Preisanpassungen"
    # an element named as a kicker that holds most of the <h1> is the headline's own words
    h1 = '<h1><span class="kicker">Storm warning for the whole coast</span> today</h1>'
    assert extracted(page(body=f"<article>{h1}{BODY}</article>"))["title"] == "Storm warning for the whole coast today"


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        # la-bas.org: a badge for subscribers after the headline
        ('Didier Porte souhaite la Santé à Balkany <span class="label abo">Abonnés</span>', "Didier Porte souhaite la Santé à Balkany"),
        ('Die Zukunft der Pflege <span class="badge-premium">Plus</span>', "Die Zukunft der Pflege"),
        # an element of the headline's own words that is no badge stays
        ('Die Zukunft der Pflege <span class="highlight">heute</span>', "Die Zukunft der Pflege heute"),
    ],
)
def test_a_badge_element_after_the_headline_in_the_h1_is_not_part_of_it(h1, expected):
    assert extracted(page(body=f"<article><h1>{h1}</h1>{BODY}</article>", lang="fr"))["title"] == expected


@pytest.mark.parametrize(
    ("title", "h1"),
    [
        # a byline after a <br>, the page's <title> with a photo credit and the site's name
        (
            "米朝首脳直通電話　習氏に挑むトランプ戦術の成否　（写真＝ロイター）　：日本経済新聞",
            "<span>米朝首脳直通電話　習氏に挑むトランプ戦術の成否</span><br><span>編集委員　中沢克二</span>",
        ),
        # the link home after the headline
        (
            "Anticorrupción decidirá en Madrid si recurre la imputación",
            '<span class="define">Anticorrupción decidirá en Madrid si recurre la imputación</span><a href="/">Ultima Hora Mallorca</a>',
        ),
        # markup laid out on lines of its own: the headline element after the line break
        (
            "The council approves the new bridge | City News",
            "\n   <span>The council approves the new bridge</span>\n   <br><span>Anna Berg, city reporter</span>\n",
        ),
    ],
)
def test_the_headline_element_of_an_h1_that_also_holds_a_byline_or_the_home_link(title, h1):
    html = page(f"<title>{title}</title>", f"<article><h1>{h1}</h1>{BODY}</article>")
    assert extracted(html)["title"] == text_of(h1.split("</span>")[0]).strip()


@pytest.mark.parametrize(
    ("title", "h1", "expected"),
    [
        (
            "这个约会软件，想用你和对方的相似好恶来帮你找对象_智能_好奇心日报",
            "好奇心日报",
            "这个约会软件，想用你和对方的相似好恶来帮你找对象",
        ),
        ("Brothel busted in downtown Boston | The Daily Planet", "The Daily Planet", "Brothel busted in downtown Boston"),
    ],
)
def test_an_h1_that_is_only_the_sites_name_gives_way_to_the_page_title(title, h1, expected):
    html = page(f"<title>{title}</title>", f'<h1 class="hidden">{h1}</h1><div>{BODY}</div>')
    assert extracted(html)["title"] == expected


@pytest.mark.parametrize(
    ("title", "address", "expected"),
    [
        ("Support — WordPress.com", "https://en.support.wordpress.com/", "Support"),
        (
            "Aus! Aus! Alles vorbei! Habeck macht die Stahnke « SPREEBLICK",
            "https://www.spreeblick.com/blog/2019/10/habeck/",
            "Aus! Aus! Alles vorbei! Habeck macht die Stahnke",
        ),
        ("ageitgey/node-unfluff · GitHub", "https://github.com/ageitgey/node-unfluff", "ageitgey/node-unfluff"),
        # a part after the bar that is not the site the address names stays
        ("Support — Help Center", "https://en.support.wordpress.com/", "Support — Help Center"),
    ],
)
def test_the_site_the_address_names_comes_off_the_page_title_without_a_declared_site_name(title, address, expected):
    html = page(f'<title>{title}</title><link rel="canonical" href="{address}">', f"<div>{BODY}</div>")
    assert extracted(html)["title"] == expected


def test_an_h2_that_is_the_whole_page_title_is_the_headline_under_a_section_h1_sharing_no_word_with_it():
    # correctiv.org without its metadata: "<h1>Aktuelle Artikel</h1>" heads the section, the story's <h2> is the <title>
    body = f"<h1>Aktuelle Artikel</h1><h2>Alle Artikel zu unseren Recherchen</h2><article><h2>„Wir haben bereits die Zusage“</h2>{BODY}</article>"
    assert extracted(page("<title>„Wir haben bereits die Zusage“</title>", body, lang="de"))["title"] == "„Wir haben bereits die Zusage“"
    # an <h1> that shares a word with the <title> stays the headline
    shared = f"<h1>Die Zusage steht</h1><article><h2>„Wir haben bereits die Zusage“</h2>{BODY}</article>"
    assert extracted(page("<title>„Wir haben bereits die Zusage“</title>", shared, lang="de"))["title"] == "Die Zusage steht"


def test_an_h2_the_page_title_holds_before_the_sites_name_is_the_headline_under_an_h1_sharing_no_word_with_it():
    # mk.co.kr without its metadata: a hidden "<h1>기사 상세</h1>" ("article page") and the story's <h2>,
    # which the <title> holds before the site's name
    body = f"<h1 class='page_ttl is_blind'>기사 상세</h1><div class='news_ttl_sec'><h2 class='news_ttl'>‘흙수저’ 소년공이 쏘아올린 정치 신화</h2></div>{BODY}"
    html = page("<title>‘흙수저’ 소년공이 쏘아올린 정치 신화 - 매일경제</title>", body, lang="ko")
    assert extracted(html)["title"] == "‘흙수저’ 소년공이 쏘아올린 정치 신화"


def test_an_h1_the_page_title_ends_with_after_a_section_word_is_the_headline():
    # goodform.ch: "<title>Blog - Schattiges Plätzchen" over the post's <h1>: the word before it is
    # the section, not a headline before the site's name
    html = page(
        "<title>Blog - Schattiges Plätzchen</title>",
        f"<h1><a href='/blog/schattiges_plaetzchen'>Schattiges Plätzchen</a></h1><div>{BODY}</div>",
    )
    assert extracted(html)["title"] == "Schattiges Plätzchen"
    # the site's name first, shorter than the headline the <h1> is (pluralsight.com)
    html = page(
        "<title>Pluralsight Tech Blog | Managing Python Environments</title>", f"<h1>Managing Python Environments</h1><div>{BODY}</div>"
    )
    assert extracted(html)["title"] == "Managing Python Environments"


@pytest.mark.parametrize(
    "logo",
    [
        '<h1 class="wpcom-title"><a class="wpcom-logo" href="https://wordpress.com/"><span>WordPress.com</span></a></h1>',
        '<h1><a href="/">The Daily Planet</a></h1>',  # a link home and nothing else
    ],
)
def test_an_h1_that_is_the_logo_gives_way_to_the_metadata_title(logo):
    head = meta("og:title", "Want to See a More Diverse WordPress Community? So Do We.", "property")
    head += meta("og:site_name", "The WordPress.com Blog", "property")
    html = page(head, f"{logo}<h2>Want to See a More Diverse WordPress Community? So Do We.</h2>{BODY}")
    assert extracted(html)["title"] == "Want to See a More Diverse WordPress Community? So Do We."
    # an <h1> that links to a story is the headline
    story = page(head, f'<h1><a href="/2020/01/story/">A Diverse Community</a></h1>{BODY}')
    assert extracted(story)["title"] == "A Diverse Community"


def test_a_logo_h1_in_front_of_the_page_title_leaves_the_headline():
    logo = '<h1 id="header"><a href="http://www.internet-law.de">Internet-Law</a></h1>'
    html = page("<title>Internet-Law &raquo; Verstößt der Ausschluss von Pseudonymen gegen deutsches Recht?</title>", logo + BODY)
    assert extracted(html)["title"] == "Verstößt der Ausschluss von Pseudonymen gegen deutsches Recht?"


@pytest.mark.parametrize("separator", ["›", "»", "•", "·"])
def test_a_logo_h1_at_the_end_of_the_page_title_leaves_the_headline(separator):
    # a club's site whose logo <h1> links home under its long name, which ends the <title>
    logo = '<h1><a href="http://www.wehranlage-horka.de" title="zur Startseite"> Historische Wehranlage in Horka e.V </a></h1>'
    html = page(f"<title>Historischer Markt {separator} Historische Wehranlage in Horka e.V</title>", logo + BODY, lang="de")
    assert extracted(html)["title"] == "Historischer Markt"
    # an <h1> as long that is no logo is the headline the <title> ends with, after the site's name
    headline = "<h1>Sebi should settle the mutual fund cases</h1>"
    titled = page(f"<title>Business Standard {separator} Sebi should settle the mutual fund cases</title>", headline + BODY)
    assert extracted(titled)["title"] == "Sebi should settle the mutual fund cases"


@pytest.mark.parametrize("line", ["Erstellt am 22.05.2014", "Created: 22 May 2014"])
def test_a_created_on_line_far_from_the_headline_dates_a_page_without_another_date(line):
    # Joomla and similar CMSs ("Erstellt am", "Created"); unmarked, below the story
    body = f"<article><h1>H</h1>{BODY * 32}<div>{line}</div></article>"
    assert day(page(body=body, lang="de")) == "2014-05-22"
    # the same line without the word is not a dateline so far down
    assert day(page(body=body.replace(line, "22.05.2014"), lang="de")) is None


def test_the_first_of_several_declared_languages_gives_the_page_its_zone():
    # <meta http-equiv="content-language" content="DE, AT, CH">: a German page, dated in Berlin
    head = '<meta http-equiv="content-language" content="DE, AT, CH">' + meta("date", "2014-05-22 10:00")
    assert extracted(page(head, "<h1>H</h1>" + BODY, lang=""))["published_at"] == "2014-05-22T10:00:00+02:00"


def test_a_declared_day_after_the_day_the_url_holds_and_the_article_shows_is_the_utc_day():
    # theverge.com: sailthru.date "2014-06-30" for a story of June 29, 8:08 pm in New York
    head = meta("sailthru.date", "2014-06-30") + '<link rel="canonical" href="https://example.com/2014/6/29/123/story">'
    shown = '<span class="publish-date">June 29, 2014 08:08 pm</span>'
    assert day(page(head, f"<article><h1>H</h1>{shown}{BODY}</article>")) == "2014-06-29"
    # a declared day that the URL and the article do not both contradict stands
    assert day(page(head, f"<article><h1>H</h1>{BODY}</article>")) == "2014-06-30"
    # nor does it where the article shows another day than the URL
    other = shown.replace("June 29", "June 28")
    assert day(page(head, f"<article><h1>H</h1>{other}{BODY}</article>")) == "2014-06-30"
    far = head.replace("2014-06-30", "2014-07-02")
    assert day(page(far, f"<article><h1>H</h1>{shown}{BODY}</article>")) == "2014-07-02"


def test_without_an_h1_the_date_beside_the_h2_headline_in_its_header_is_read():
    # sueddeutsche.de: no <h1>; the <h2> headline and the date sit in a "header" section, which is
    # page furniture anywhere else
    header = '<section class="header"><time datetime="2019-05-15 05:28:29">15. Mai 2019, 05:28 Uhr</time>'
    header += "<h2><strong>Deutschlandtakt</strong> Flixbus attackiert Deutsche Bahn</h2></section>"
    head = meta("og:title", "Flixbus attackiert Deutsche Bahn", "property")
    article = extracted(page(head, f"<article>{header}{BODY}</article>", lang="de"), with_body=True)
    assert article["published_at"] == "2019-05-15T05:28:29+02:00"
    # read, then dropped as before: the body is the story alone
    assert article["body"].startswith("The story's first paragraph")
    # an <h2> that is not the headline keeps no header around it (one that does not start the <article>)
    other = page(head.replace("Flixbus attackiert", "Ein anderer Titel über"), f"<article>{BODY}{header}{BODY}</article>", lang="de")
    assert extracted(other)["published_at"] is None
    # the header the <article> starts with is its own, whatever its <h2>
    first = page(head.replace("Flixbus attackiert", "Ein anderer Titel über"), f"<article>{header}{BODY}</article>", lang="de")
    assert extracted(first)["published_at"] == "2019-05-15T05:28:29+02:00"


def test_without_an_h1_the_h2_that_is_part_of_the_page_title_is_the_headline():
    title = "<title>Gregory Szorc's Digital Home | Mercurial's Journey to and Reflections on Python 3</title>"
    body = '<h2 class="blog_post_title"><a href="/blog/x">Mercurial\'s Journey to and Reflections on Python 3</a></h2>'
    assert extracted(page(title, body + BODY))["title"] == "Mercurial's Journey to and Reflections on Python 3"


def test_without_an_h1_or_h2_the_heading_marked_as_the_entrys_title_that_ends_the_page_title_is_the_headline():
    # Blogger: the blog's name is its header's picture; the post's title an <h3 class="entry-title">
    title = "<title>Python Insider: Python 3.6.0 is now available!</title>"
    header = "<header><a href='/'><img alt='Python Insider' src='/logo.png'></a></header>"
    post = "<div class='post hentry'><h3 class='post-title entry-title'> Python 3.6.0 is now available! </h3>"
    assert extracted(page(title, f"{header}{post}{BODY}</div>"))["title"] == "Python 3.6.0 is now available!"
    # an <h3> not marked so, in a sidebar, is not the headline
    aside = "<div class='sidebar'><h3>Python Insider</h3></div>"
    assert (
        extracted(page(title, f"{header}{aside}<div class='post'>{BODY}</div>"))["title"]
        == "Python Insider: Python 3.6.0 is now available!"
    )


def test_the_date_and_byline_right_after_an_h2_headline_are_read_as_after_an_h1():
    # gregoryszorc.com: no <h1>, no metadata; the date is in a <small> line under the <h2> headline
    title = "<title>Gregory Szorc's Digital Home | Mercurial's Journey to and Reflections on Python 3</title>"
    h2 = "<h2 class='blog_post_title'><a href='/blog/x'>Mercurial's Journey to and Reflections on Python 3</a></h2>"
    line = "<small>January 13, 2020 at 08:45 AM | categories: <a href='/c/python'>Python</a></small>"
    assert day(page(title, f"<div id='menu'><ul><li>Home</li></ul></div><div class='blog_post'>{h2}{line}{BODY}</div>")) == "2020-01-13"
    by = "<p>By Gregory Szorc</p>"
    assert extracted(page(title, f"<div class='blog_post'>{h2}{by}{BODY}</div>"))["authors"] == ["Gregory Szorc"]
    # an <h2> that is not the headline does not stand for one
    other = title.replace("Mercurial's Journey", "Another Story")
    assert day(page(other, f"<div class='blog_post'>{h2}{line}{BODY}</div>")) is None


def test_an_h2_the_page_title_names_is_the_headline_over_section_h1s_it_names_none_of():
    # novalanalove.com: a page builder's sections each have an <h1>; the post's title is an <h2>
    title = "<title>Ear Candy! | Novalanalove</title>"
    header = (
        "<div class='title_wrap'><h2>Ear Candy!</h2><div id='post-info'><p>Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel</p></div></div>"
    )
    sections = "".join(f"<section><h1>{name}</h1>{BODY}</section>" for name in ("Ear Candy allert", "Silver flash, Baby!"))
    article = extracted(page(title, header + sections, lang="de"))
    assert (article["title"], article["published_at"][:10]) == ("Ear Candy!", "2019-06-14")
    # one <h1> is the headline whatever the <title> says; so is an <h1> the <title> names
    assert extracted(page(title, header + sections.split("</section>")[0] + "</section>"))["title"] == "Ear Candy allert"
    named = title.replace("Ear Candy!", "Silver flash, Baby!")
    assert extracted(page(named, header + sections))["title"] == "Silver flash, Baby!"


def test_a_metadata_title_that_is_an_address_slug_is_no_title():
    # adac.de: og:title "adac-kindersitztest-herbst-2018" over the <h1> headline
    h1 = "18 Kindersitze im Test: Vier Modelle fallen durch"
    head = "<title>ADAC Kindersitz-Test 2018 | ADAC</title>"
    html = page(
        head + meta("og:title", "adac-kindersitztest-herbst-2018", "property"), f"<article><h1>{h1}</h1>{BODY}</article>", lang="de"
    )
    assert extracted(html)["title"] == h1
    # the next title meta stands in for it (on a page without <h1>); a lower-case title in words is a title
    twitter = meta("twitter:title", "Kindersitze im Test")
    assert extracted(html.replace("</title>", "</title>" + twitter).replace(f"<h1>{h1}</h1>", ""))["title"] == "Kindersitze im Test"
    assert extracted(html.replace("adac-kindersitztest-herbst-2018", "e-mail and k-pop in 2018"))["title"] == "e-mail and k-pop in 2018"


def test_without_a_metadata_title_the_h1_the_page_title_holds_wins_over_an_ad_h1_before_it():
    # phillyvoice.com: an ad's <h1> comes first; the story's differs from the <title> by a word
    title = "<title>Sixers game notes: Joel Embiid leads Sixers to statement victory over Boston Celtics | PhillyVoice</title>"
    story = "Sixers game notes: Joel Embiid leads Sixers to statement victory over Celtics"
    body = f"<article><div class='promo'><h1>Visit Harford County this fall</h1></div><h1>{story}</h1>{BODY}</article>"
    assert extracted(page(title, body))["title"] == story
    # a first <h1> that shares the <title>'s words stays the headline
    assert (
        extracted(page(title, body.replace("Visit Harford County", "Sixers beat the Celtics")))["title"]
        == "Sixers beat the Celtics this fall"
    )


def test_a_short_h1_sharing_words_only_with_the_site_part_of_the_page_title_is_a_label():
    # aoc.media: the logo's letter and the section, "O Opinion", as the <h1>
    title = "<title>Pour le néolibéralisme, la retraite est un archaïsme | AOC media - Analyse Opinion Critique</title>"
    body = f"<header><h1><a href='/'>O</a> Opinion</h1></header><article>{BODY}</article>"
    assert extracted(page(title, body, lang="fr"))["title"] == "Pour le néolibéralisme, la retraite est un archaïsme"
    # kommersant.ru: a short headline of its own shares no word with the <title>, nor with a site's name
    title = "<title>Андрей Колесников о встрече Владимира Путина с Анваром Ибрагимом</title>"
    assert extracted(page(title, f"<article><h1>Легкий троннинг</h1>{BODY}</article>", lang="ru"))["title"] == "Легкий троннинг"


def test_a_page_written_by_a_script_is_refused_as_such_only_when_it_holds_no_text():
    # hankookilbo.com: a Next.js page saved before its script wrote the story
    shell = '<div id="__next"></div><script>self.__next_f.push([1,"the story, for the browser"])</script>'
    html = page("<title>장동혁, 한동훈 제명했지만…ㅣ한국일보</title>", shell, lang="ko")
    result = extract("articles/x/page.html", html.encode())
    assert (result.accepted, result.metadata.error.code) == (False, "script_rendered")
    # rendered on the server, the same framework's page is read
    assert (
        extracted(page("<title>A story | Site</title>", f'<div id="__next"><article><h1>A story</h1>{BODY}</article></div>'))["title"]
        == "A story"
    )
    # a page with no text and no such script is one without a body
    assert (
        extract("articles/x/page.html", page("<title>A story</title>", "<nav><a>Home</a></nav>").encode()).metadata.error.code == "no_body"
    )


def test_without_a_metadata_title_a_section_barred_off_in_front_of_the_h1_is_not_the_headline():
    # bostonherald.com: "<div class=entry-section>Local News | </div><span>Headline</span>" in the <h1>
    h1 = "<h1><div class='entry-section'><a href='/local-news/'>Local News | </a></div><span>Brothel catering busted in Boston</span></h1>"
    assert (
        extracted(page("<title>Brothel catering busted in Boston</title>", f"<article>{h1}{BODY}</article>"))["title"]
        == "Brothel catering busted in Boston"
    )
    # a <title> that leaves out a headline's own first part does not cut it off
    quoted = "<h1>'Ends recession debate': economists weigh in on the jobs report</h1>"
    title = "<title>Economists weigh in on the jobs report</title>"
    assert (
        extracted(page(title, f"<article>{quoted}{BODY}</article>"))["title"]
        == "'Ends recession debate': economists weigh in on the jobs report"
    )


def test_an_h1_ending_the_page_title_after_a_kicker_is_the_headline_not_the_site():
    # dagbladet.no: "<title>«Evnukkmakeren»: - Nordmann dømt til livstid" over "<h1>Nordmann dømt til livstid"
    title = "<title>«Evnukkmakeren»: - Nordmann dømt til livstid</title>"
    h1 = "<h1>Nordmann dømt <span>til livstid</span></h1>"
    assert extracted(page(title, f"<article>{h1}{BODY}</article>", lang="no"))["title"] == "Nordmann dømt til livstid"


def test_an_h1_the_page_title_repeats_is_the_headline_though_the_metadata_has_another():
    head = meta("og:title", "Schrödinger’s Hack", "property")
    h1 = "Hacking, Cryptography, and the Countdown to Quantum Computing"
    html = page(head + f"<title>{h1} | The New Yorker</title>", f"<article><h1>{h1}</h1>{BODY}</article>")
    assert extracted(html)["title"] == h1
    # an <h1> the <title> does not repeat, sharing no word with the metadata title, is a section label
    label = page(head + "<title>Schrödinger’s Hack | The New Yorker</title>", f"<article><h1>Annals of Technology</h1>{BODY}</article>")
    assert extracted(label)["title"] == "Schrödinger’s Hack"


def test_without_a_metadata_title_the_h1_the_page_title_repeats_is_the_headline():
    headline = "ผล DNA ยืนยัน ศพลอยแม่น้ำโขงเป็นคนสนิท อ.สุรชัย"
    body = f'<main><div class="brand"><h1>ประชาไท</h1></div><h1>{headline}</h1>{BODY}</main>'
    assert extracted(page(f"<title>{headline} | ประชาไท Prachatai.com</title>", body, lang="th"))["title"] == headline
    # no <h1> the <title> repeats: the first one stands
    other = page("<title>Another headline | Site</title>", f"<h1>The headline</h1><h1>Second</h1>{BODY}")
    assert extracted(other)["title"] == "The headline"


def test_an_h1_in_parts_that_the_page_title_spells_whole_is_one_headline():
    # the og:title is only the first part; the <title> is the whole <h1>, spaced its own way
    head = (
        meta("og:title", "Intel NUCで最新SSDを比較してみた", "property")
        + "<title>Intel NUCで最新SSDを比較してみた：さらば平成（1/2 ページ）</title>"
    )
    h1 = '<span class="main">Intel NUCで最新SSDを比較してみた</span><i>：</i><i class="sub">さらば平成</i><span>（1/2 ページ）</span>'
    assert extracted(page(head, f"<article><h1>{h1}</h1>{BODY}</article>", lang="ja"))["title"] == (
        "Intel NUCで最新SSDを比較してみた：さらば平成（1/2 ページ）"
    )


@pytest.mark.parametrize(
    ("markup", "read"),
    [
        ("The <a href='/x'>company</a>, which <b>grew</b> (<i>fast</i>).", "The company, which grew (fast)."),
        ("<span>Breakpoint</span>: Hilfe, <em>„die Fundis“</em> kommen!", "Breakpoint: Hilfe, „die Fundis“ kommen!"),
        ("First line<br>second line", "First line second line"),  # a <br> between words still parts them
        ("<a href='/x'>岸田首相</a>は<b>19日</b>、記者団に語った。", "岸田首相は19日、記者団に語った。"),
        ("Elle a dit : <i>non</i> !", "Elle a dit : non !"),  # the page's own spaces stay
    ],
)
def test_inline_markup_inside_a_sentence_adds_no_space_to_its_text(markup, read):
    html = page(body=f"<article><h1>{markup}</h1>{BODY}<p>{markup}</p></article>")
    assert extracted(html)["title"] == read
    assert extracted(html, with_body=True)["body"].endswith("\n\n" + read)


def text_of(markup: str) -> str:
    return re.sub(r"<[^>]*>", "", markup).replace("\u3000", " ")


def test_ruby_readings_are_not_part_of_the_text():
    h1 = "<ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rp>(</rp><rt>たいばつ</rt><rp>)</rp></ruby>を禁止する"
    para = "<p><ruby>法律<rt>ほうりつ</rt></ruby>ができて、<ruby>親<rt>おや</rt></ruby>が子どもを教育するために体罰を禁止することになりました。</p>"
    found = extracted(page(body=f"<article><h1>{h1}</h1>{para}</article>", lang="ja"), with_body=True)
    assert found["title"] == "子どもへの体罰を禁止する"
    assert found["body"] == "法律ができて、親が子どもを教育するために体罰を禁止することになりました。"


@pytest.mark.parametrize(
    ("site", "og_title"),
    [("lastampa.it", "Perturbazione polare al Centro - La Stampa"), ("NEWS WEB EASY", "NEWS WEB EASY|Perturbazione polare al Centro")],
)
def test_the_site_name_before_or_after_a_metadata_title_is_dropped(site, og_title):
    head = meta("og:site_name", site, "property") + meta("og:title", og_title, "property")
    assert extracted(page(head, '<div class="logo"><h1>Site</h1></div>' + BODY, lang="it"))["title"] == "Perturbazione polare al Centro"


def test_an_element_in_a_page_furniture_role_is_not_the_story():
    # a role names what an element is whatever its class says, in any case ("Navigation")
    other = "<p>" + "A different story the site wants you to read next, with its own long teaser. " * 2 + "</p>"
    for role in ("complementary", "Navigation", "banner", "contentinfo"):
        html = page(body=f'<article><h1>Headline</h1>{BODY}<div role="{role}">{other}</div></article>')
        assert "different story" not in extracted(html, with_body=True)["body"], role
    # an element with no such role stays
    html = page(body=f'<article><h1>Headline</h1>{BODY}<div role="region">{other}</div></article>')
    assert "different story" in extracted(html, with_body=True)["body"]


def test_the_class_names_remembered_between_pages_are_bounded():
    # a page of thousands of distinct class names (generated, or hostile) does not grow the memo
    from masthead.extract import htmlbody

    blocks = "".join(
        f'<p class="c{n} x-{n}">Paragraph {n} of the story, with words in it.</p>' for n in range(htmlbody._MAX_REMEMBERED_NAMES + 500)
    )
    article = extracted(page(body=f"<article><h1>Headline</h1>{blocks}</article>"))
    assert article["word_count"] > 10_000
    assert 0 < len(htmlbody._BOILERPLATE_NAMES) <= htmlbody._MAX_REMEMBERED_NAMES


def test_the_category_and_deck_the_page_shows_fill_what_the_metadata_leaves_out():
    shown = '<a rel="category tag">Markets</a><p class="dek">The short deck that sums the story up.</p>'
    story = f"<article><h1>Headline</h1>{shown}{BODY}</article>"
    article = extracted(page(body=story))
    assert (article["category"], article["subtitle"]) == ("Markets", "The short deck that sums the story up.")
    # a category the metadata declares stays; the deck is still read
    article = extracted(page(meta("article:section", "Economy", "property"), story))
    assert (article["category"], article["subtitle"]) == ("Economy", "The short deck that sums the story up.")
    # and a declared deck stays beside the category the page shows
    declared = ld({"@type": "NewsArticle", "headline": "Headline", "alternativeHeadline": "Declared deck"})
    article = extracted(page(declared, story))
    assert (article["category"], article["subtitle"]) == ("Markets", "Declared deck")
    # with both declared, neither is read from the page
    both = ld({"@type": "NewsArticle", "headline": "Headline", "articleSection": "Economy", "alternativeHeadline": "Declared deck"})
    article = extracted(page(both, story))
    assert (article["category"], article["subtitle"]) == ("Economy", "Declared deck")


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


def test_a_short_lead_beside_one_long_paragraph_is_read_too():
    # a one-sentence Japanese lead is under the 30 characters the story's weight counts; the long
    # paragraph beside it holds the story's weight, but is no container of the story
    lead = "2024年4月1日、政府は新しい規制を発表した。"
    for html in (f"<h1>見出し</h1><p>{lead}</p>{BODY}", f"<main><div class='x'><h1>見出し</h1><p>{lead}</p>{BODY}</div></main>"):
        assert extracted(html, with_body=True)["body"].startswith(lead), html


def test_a_japanese_credit_line_under_the_headline_names_the_author():
    for line in ("文：山田太郎", "取材・文＝山田太郎、写真＝佐藤花子"):
        html = page(body=f"<article><h1>記事タイトル</h1><p>{line}</p>{BODY}</article>", lang="ja")
        assert extracted(html)["authors"] == ["山田太郎"], line


# --- dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("og_title", ['Senator calls Biden "unfit"', "Senator calls Biden"])
def test_a_metadata_title_cut_at_an_unescaped_quote_is_the_page_title(og_title):
    # content="Senator calls Biden "unfit"": the attribute ends at the second quote.
    head = f'<title>Senator calls Biden "unfit"</title><meta property="og:title" content="{og_title}">'
    assert extracted(page(head=head, body=BODY))["title"] == 'Senator calls Biden "unfit"'


def test_a_metadata_title_shorter_than_the_page_title_without_a_quote_stays():
    head = '<title>Senator calls Biden unfit for office</title><meta property="og:title" content="Senator calls Biden">'
    assert extracted(page(head=head, body=BODY))["title"] == "Senator calls Biden"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("武汉的声音：有英勇的你，才有英雄的城！-新华网", "武汉的声音：有英勇的你，才有英雄的城！"),
        ("新しいブロックチェーンの規制について｜イオライト", "新しいブロックチェーンの規制について"),
        ("短い題-サイト", "短い題-サイト"),  # too short a head to tell
        ("COVID-19 vaccines reach rural clinics", "COVID-19 vaccines reach rural clinics"),
    ],
)
def test_a_site_name_glued_to_a_cjk_page_title_is_dropped(title, expected):
    assert extracted(page(head=f"<title>{title}</title>", body=BODY))["title"] == expected


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


def test_a_generic_date_meta_yields_to_the_date_shown_in_the_article():
    body = '<article><h1>H</h1><time class="published">29.04.2020, 12:01 Uhr</time>' + BODY + "</article>"
    assert day(page(meta("date", "2020-04-30"), body, lang="de")) == "2020-04-29"


def test_todays_date_in_the_site_header_yields_to_a_date_meta():
    body = '<header><h1>Radio</h1><span class="dlf-date">Mittwoch, 26.02.2020</span></header><article><h2>Story</h2>' + BODY + "</article>"
    assert day(page(meta("date", "2017-05-01T17:05:00+0200"), body, lang="de")) == "2017-05-01"


def test_a_date_in_a_link_of_the_line_under_the_headline_is_read():
    line = '<p class="article-infos">Par <a href="/auteurs/ng/">Nicolas G.</a> le <a href="/index/2020/09/14/">14.09.2020 à 11h46</a></p>'
    assert day(page(body=f"<h1>H</h1>{line}{BODY}", lang="fr")) == "2020-09-14"
    # a long block under the headline is no dateline, nor a short line far below it
    long_block = f"<div>{BODY}<a>14.09.2020</a></div>"
    assert day(page(body=f"<h1>H</h1>{long_block}{BODY}", lang="fr")) is None
    far = "".join(f"<p>Paragraph {n} of the story, long enough to be read as text.</p>" for n in range(40))
    assert day(page(body=f"<h1>H</h1>{far}<p>le <a>14.09.2020</a></p>", lang="fr")) is None


def test_the_date_in_the_url_decides_the_order_of_an_ambiguous_numeric_date():
    shown = '<h1>H</h1><p class="date">06/01/2026</p>' + BODY
    in_url = '<link rel="canonical" href="https://www.example.com/2026/01/06/story">'
    assert day(page(in_url, shown, lang="en")) == "2026-01-06"
    assert day(page("", shown, lang="en")) == "2026-06-01"  # without it, the language's order
    # a URL date that is neither reading changes nothing
    assert day(page('<link rel="canonical" href="https://www.example.com/2026/02/09/story">', shown, lang="en")) == "2026-06-01"


def test_a_date_right_under_the_second_headline_of_a_page_with_a_hidden_one_at_its_top():
    menu = "".join(f"<div><span>Menu item {n}</span></div>" for n in range(40))
    body = f'<h1 class="hidden">Site</h1>{menu}<div class="story"><h1>H</h1><div class="xinf">2023-11-17 15:13</div>{BODY}</div>'
    assert day(page(body=body, lang="zh")) == "2023-11-17"


def test_the_country_of_the_web_address_gives_the_zone_before_the_language():
    head = meta("article:published_time", "2025-01-28T02:39:19+00:00", "property")
    body = f"<article><h1>H</h1>{BODY}</article>"
    uk = page(head + '<link rel="canonical" href="https://inews.co.uk/news/story-3504901">', body, lang="en-US")
    assert extracted(uk)["published_at"] == "2025-01-28T02:39:19+00:00"  # London in January
    bolivia = page(
        meta("article:published_time", "2022-05-04T02:41:00Z", "property") + '<link rel="canonical" href="https://eldeber.com.bo/x">',
        body,
        lang="es",
    )
    assert extracted(bolivia)["published_at"] == "2022-05-03T22:41:00-04:00"
    # a .com says nothing of a country: the language decides
    us = page(head + '<link rel="canonical" href="https://example.com/story">', body, lang="en-US")
    assert extracted(us)["published_at"] == "2025-01-27T21:39:19-05:00"


def test_the_date_in_the_url_comes_before_a_date_shown_outside_the_article():
    header = '<header class="site"><span class="date">November 9th 2023</span></header>'
    body = f"{header}<article><h1>Story</h1>{BODY}</article>"
    in_url = '<link rel="canonical" href="https://www.example.com/2023/11/08/story/">'
    assert day(page(in_url, body)) == "2023-11-08"
    assert day(page("", body)) == "2023-11-09"  # without it, the date the page shows


def test_the_first_date_after_the_headline_and_the_url_date_are_the_last_resorts():
    after_h1 = page(body='<h1>H</h1><p class="tagline">22/11/2020 - 04:30</p>' + BODY, lang="pt-BR")
    assert day(after_h1) == "2020-11-22"
    in_url = page('<link rel="canonical" href="https://example.com/news/2023-11/17/story.html">', "<h1>H</h1>" + BODY)
    assert day(in_url) == "2023-11-17"


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("http://www.cnn.com/2010/POLITICS/08/13/democrats.social.security/index.html", "2010-08-13"),
        ("http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html", "2013-08-03"),
        ("http://www.theverge.com/2014/6/29/5855710/facebook-responds", "2014-06-29"),
        ("https://example.com/2024/page/2/", None),  # a page number is no day
        ("https://example.com/2019/1/12345/", None),
    ],
)
def test_a_url_date_with_a_section_or_one_digit_segments(address, expected):
    from masthead.extract.pagedates import url_date

    assert url_date(address) == expected


def test_the_url_date_comes_before_a_date_shown_outside_the_article():
    # the story's highlights quote a date of history; the address holds the day of the story
    head = '<link rel="canonical" href="http://www.cnn.com/2010/POLITICS/08/13/democrats/index.html">'
    body = '<div class="highlights"><ul><li>The Act was signed into law on August 14, 1935</li></ul></div>'
    assert day(page(head, f"{body}<article><h1>H</h1>{BODY}</article>")) == "2010-08-13"


def test_a_utc_instant_keeps_the_day_its_url_holds():
    canonical = '<link rel="canonical" href="https://example.org/news/2020/01/15/access-restored/">'
    head = meta("article:published_time", "2020-01-15T01:01:01+00:00", "property") + canonical
    assert extracted(page(head, f"<h1>H</h1>{BODY}", lang="en-US"))["published_at"] == "2020-01-15T01:01:01+00:00"
    # without a URL date the page's zone gives the day
    head = meta("article:published_time", "2020-01-15T01:01:01+00:00", "property")
    assert extracted(page(head, f"<h1>H</h1>{BODY}", lang="en-US"))["published_at"] == "2020-01-14T20:01:01-05:00"


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ('<cite class="byline">By Jane Doe - <abbr title="2011-08-25T01:40:40Z">1 hr 4 mins ago</abbr></cite>', "2011-08-25"),
        ('<div class="timestamp updated" title="2016-06-13T1603Z">Jun 13, 4:03 PM EDT</div>', "2016-06-13"),
        ('<div class="timestamp" title="Share this story">Jun 13, 4:03 PM EDT</div>', None),  # a title that is no date
    ],
)
def test_a_date_kept_in_the_title_of_a_dated_element_is_shown(shown, expected):
    assert day(page(body=f"<article><h1>H</h1>{shown}{BODY}</article>", lang="en-GB")) == expected


def test_midnight_utc_is_a_day_and_keeps_it_in_the_pages_zone():
    head = meta("article:published_time", "2020-01-10T00:00:00+00:00", "property")
    assert extracted(page(head, f"<h1>H</h1>{BODY}", lang="en-US"))["published_at"] == "2020-01-10T00:00:00-05:00"
    # an instant a minute later is an instant: New York's evening before
    head = meta("article:published_time", "2020-01-10T00:01:00+00:00", "property")
    assert extracted(page(head, f"<h1>H</h1>{BODY}", lang="en-US"))["published_at"] == "2020-01-09T19:01:00-05:00"


def test_a_date_with_dots_is_day_first_on_an_english_page():
    assert day(page(body=f'<h1>H</h1><p class="date">10.06.2013</p>{BODY}', lang="en-US")) == "2013-06-10"
    assert day(page(body=f'<h1>H</h1><p class="date">10/06/2013</p>{BODY}', lang="en-US")) == "2013-10-06"


@pytest.mark.parametrize(
    "placeholder",
    [
        '<script>x={"pubdate":"1970-01-01T00:00:00.000+00:00"}</script>',
        ld({"@type": "NewsArticle", "headline": "H", "datePublished": "1970-01-01T00:00:00Z"}),
        ld({"@type": "NewsArticle", "headline": "H", "datePublished": 0}),
        meta("article:published_time", "1969-12-31T19:00:00-05:00", "property"),
        meta("date", "1970-01-01"),
    ],
)
def test_the_unix_epoch_is_no_publication_date(placeholder):
    assert day(page(placeholder, f"<h1>H</h1>{BODY}")) is None
    # a real date after the placeholder is still read
    assert day(page(placeholder, f'<h1>H</h1><p class="date">2019-01-02</p>{BODY}')) == "2019-01-02"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ('<script>window.__STATE__={"headline":"H","publishTime":"2024-09-04T16:20:35+05:30"}</script>', "2024-09-04T16:20:35+05:30"),
        ("<script>var utag = { ct_postDate: '2025-11-28T15:26:06+02:00' };</script>", "2025-11-28T15:26:06+02:00"),
        ('<script>tp.push(["setCustomVariable", "publishtime", "2023-10-18T12:50:38+02:00"]);</script>', "2023-10-18T12:50:38+02:00"),
        ('<script>var fcmsTpPubdate = "2026-01-06CET14:59:00";</script>', "2026-01-06T00:00:00+09:00"),
        ('<div data-publish-date="2022-03-01"></div>', "2022-03-01T00:00:00+09:00"),
        (
            '<script>var layer = {"last-updated":"2020-01-28 15:49","first-publication":"2020-01-28 15:28"};</script>',
            "2020-01-28T15:28:00+09:00",
        ),
        # an empty value is passed over; a modification date, a publisher or a bare number is no publication date
        ('<script>x={"cd_publish_date":"","published":"2021-05-06"}</script>', "2021-05-06T00:00:00+09:00"),
        ('<script>x={"modifiedTime":"2024-09-04T16:20:35+05:30","publisher":"2024-01-01","publishTime":20240904}</script>', None),
    ],
)
def test_a_publication_date_in_the_pages_own_data_is_the_last_resort(data, expected):
    assert extracted(page(body=f"<h1>H</h1>{data}{BODY}"))["published_at"] == expected
    # any date the page declares or shows comes first
    shown = f'<h1>H</h1><p class="date">2019-01-02</p>{data}{BODY}'
    assert day(page(body=shown)) == "2019-01-02"


@pytest.mark.parametrize(
    "facts",
    [
        '<div class="col">\n    <h5>Datum: </h5>03.11.2021\n        <br>\n    <h5>Autor: </h5>Peter Maahn\n    </div>',
        "<ul><li><strong>Published</strong> 03.11.2021</li></ul>",
    ],
)
def test_a_date_labelled_by_a_child_element_far_below_the_headline(facts):
    filler = "".join(f"<div>Paragraph {n} of the story, without any date in it.</div>" for n in range(40))
    html = page(body=f"<h1>H</h1>{BODY}{filler}{facts}", lang="de")
    assert day(html) == "2021-11-03"


def test_a_date_without_a_label_far_below_the_headline_is_not_the_date():
    filler = "".join(f"<div>Paragraph {n} of the story, without any date in it.</div>" for n in range(40))
    assert day(page(body=f"<h1>H</h1>{BODY}{filler}<div><h5>Next event</h5>03.11.2021</div>", lang="de")) is None


def test_a_utc_instant_takes_the_offset_another_timestamp_of_the_page_carries():
    head = meta("article:published_time", "2022-05-04T00:44:52Z", "property") + meta(
        "article:modified_time", "2022-05-03T23:39:14-03:00", "property"
    )
    assert day(page(head, "<h1>H</h1>" + BODY)) == "2022-05-03"


def test_a_utc_instant_takes_the_zone_of_the_page_language():
    head = meta("article:published_time", "2022-05-04T02:30:00Z", "property")
    assert day(page(head, "<h1>H</h1>" + BODY, lang="pt-BR")) == "2022-05-03"
    assert day(page(head, "<h1>H</h1>" + BODY, lang="ja")) == "2022-05-04"


@pytest.mark.parametrize(
    ("lang", "shown", "expected"),
    [
        ("de", "19.07.2022", "2022-07-19T00:00:00+02:00"),  # summer time in Berlin
        ("de", "19.01.2022", "2022-01-19T00:00:00+01:00"),
        ("ja", "2022年7月19日", "2022-07-19T00:00:00+09:00"),
        ("en", "July 19, 2022", "2022-07-19T00:00:00+09:00"),  # no zone for the language: the default one
    ],
)
def test_a_day_alone_is_midnight_in_the_zone_of_the_page(lang, shown, expected):
    body = f'<article><h1>H</h1><p class="date">{shown}</p>{BODY}</article>'
    assert extracted(page("", body, lang=lang))["published_at"] == expected


def test_a_day_alone_on_a_page_that_declares_no_language_is_in_the_zone_of_the_language_it_is_written_in():
    german = "<p>" + "Der Sommer ist da und die kurzen Kleider werden wieder herausgeholt, die Haare sind hochgesteckt. " * 3 + "</p>"
    body = f'<article><h1>Ear Candy!</h1><p class="date">14. Juni 2019</p>{german}</article>'
    html = f"<!doctype html><html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    assert extracted(html)["published_at"] == "2019-06-14T00:00:00+02:00"
    # written in English: no zone of its own, the default one
    assert extracted(html.replace(german, BODY).replace("14. Juni", "14 June"))["published_at"] == "2019-06-14T00:00:00+09:00"


def test_the_date_in_a_facts_list_of_a_side_column_is_read_before_the_column_is_dropped():
    side = '<aside class="columns"><ul class="content__meta"><li>Hintergrund</li><li class="item">19.07.2022</li><li>Lesedauer 10 Minuten</li></ul></aside>'
    html = page("", f"<div>{side}<article><h1>H</h1>{BODY * 3}</article></div>", lang="de")
    assert extracted(html)["published_at"] == "2022-07-19T00:00:00+02:00"
    # a side column of teasers is not the article's facts
    teasers = '<aside class="columns"><ul class="teasers"><li>Other story, 19.07.2022</li></ul></aside>'
    assert extracted(page("", f"<div>{teasers}<article><h1>H</h1>{BODY * 3}</article></div>", lang="de"))["published_at"] is None


def test_a_date_ending_the_page_title_comes_before_the_dates_of_entries_in_the_article():
    entries = '<h2>An earlier entry <span class="date">24.04.2023</span></h2><p>What happened then, in a few words.</p>'
    body = f"<article><h1>Ukrainische Gegenoffensive</h1>{entries}{BODY}</article>"
    assert day(page("<title>Ukrainische Gegenoffensive | Europa | DW | 28.04.2023</title>", body, lang="de")) == "2023-04-28"
    # a date inside the title's last part is not the whole part: the entry's date stands
    assert day(page("<title>Ukrainische Gegenoffensive | Lage am 28.04.2023</title>", body, lang="de")) == "2023-04-24"


def test_a_date_that_is_a_whole_part_of_the_page_title_between_dashes_dates_it_and_ends_its_headline():
    # schleifen.ucoz.de: "<title>Briefe - 26 Oktober 2010 - Blog - Bilder, News, Geschichte und Schleifen!"
    title = "<title>Briefe - 26 Oktober 2010 - Blog - Bilder, News, Geschichte und Schleifen!</title>"
    article = extracted(page(title, f"<div>{BODY}</div>", lang="de"))
    assert (article["title"], article["published_at"][:10]) == ("Briefe", "2010-10-26")
    # a date inside a part is the headline's own words
    own = "<title>Was am 26 Oktober 2010 geschah - Blog</title>"
    article = extracted(page(own, f"<div>{BODY}</div>", lang="de"))
    assert article["title"].startswith("Was am 26 Oktober 2010 geschah") and article["published_at"] is None


def test_a_date_in_brackets_ending_the_headline_of_the_page_title_dates_the_page():
    # news.biglobe.ne.jp: "…「お気に入りの一枚」（2020年2月15日）｜BIGLOBEニュース", the page shows no year
    title = "<title>与田祐希、すっぴんショット公開「お気に入りの一枚」（2020年2月15日）｜BIGLOBEニュース</title>"
    body = '<article><h1>与田祐希、すっぴんショット公開</h1><p class="date">2月15日（土）7時0分</p>' + BODY + "</article>"
    assert day(page(title, body, lang="ja")) == "2020-02-15"
    assert day(page(title.replace("｜BIGLOBEニュース", ""), body, lang="ja")) == "2020-02-15"
    # it may be an event's date: one the article shows comes first
    shown = body.replace("2月15日（土）", "2020年1月20日（月）")
    assert day(page(title, shown, lang="ja")) == "2020-01-20"
    # a bracket holding more than a date is part of the headline
    assert day(page(title.replace("（2020年2月15日）", "（2020年2月15日の写真）"), body, lang="ja")) is None


@pytest.mark.parametrize(
    ("lang", "element", "expected"),
    [
        # otempo.com.br: day first in Portuguese, the time after it
        ("pt-BR", '<p class="post-date">10/12/20 - 10h02</p>', "2020-12-10"),
        ("de", '<h2 class="date-header">17.7.11</h2>', "2011-07-17"),  # a Blogger date header
        ("en", '<span class="publish-time">8/17/13 11:04am</span>', "2013-08-17"),  # gizmodo: month first in English
        ("en", '<span class="date">04/19/13</span>', "2013-04-19"),
        ("en", '<span class="date">12/31/99</span>', "1999-12-31"),
        # a short line right under the headline that is only a date
        ("pt-BR", "<div>10/12/20 - 10h02</div>", "2020-12-10"),
    ],
)
def test_a_date_with_a_two_digit_year_is_read_where_the_page_marks_a_date(lang, element, expected):
    assert day(page("", f"<article><h1>H</h1>{element}{BODY}</article>", lang=lang)) == expected


def test_a_byline_under_the_headline_that_ends_with_a_date_with_a_two_digit_year_dates_the_page():
    assert day(page("", f"<article><h1>H</h1><p>By <a href='/a/jd'>Jane Doe</a>, 3/4/21</p>{BODY}</article>")) == "2021-03-04"
    # a line that is no byline ends with a version number, not a date
    assert day(page("", f"<article><h1>H</h1><p>Download the new release 1.2.21</p>{BODY}</article>")) is None


def test_a_date_with_a_two_digit_year_in_running_text_is_no_date():
    text = "<p>" + "The team won 3/4/21 of its games and shipped version 1.2.21 on time, as planned. " * 2 + "</p>"
    assert day(page("", f"<article><h1>H</h1>{BODY}{text}</article>")) is None
    # nor in a line under the headline that it does not start
    assert day(page("", f"<article><h1>H</h1><div>Version 1.2.21 is out</div>{BODY}</article>")) is None


def test_a_short_line_starting_with_a_date_right_above_the_headline_dates_the_page():
    # speicherguide.de: "<div class=detailheader>14.06.2019 (ch)<div>rating…</div></div><h1>…"
    above = "<div class='detailheader'>14.06.2019 (ch)<div class='hreview'><span>3</span> von <span>5</span></div></div>"
    html = page("", f"<div id='content'>{above}<h1>Schwierige Gespräche: so geht’s!</h1>{BODY}</div>", lang="de")
    assert day(html) == "2019-06-14"
    # a date bar above a logo's <h1> is the day's date, not the story's
    title = "<title>Schwierige Gespräche: so geht’s! | Tagblatt</title>"
    logo = page(title, f"<div id='top'><div>30.11.2026</div><h1><a href='/'>Tagblatt</a></h1></div><div>{BODY}</div>", lang="de")
    assert day(logo) is None
    # nor is a date further up the page
    far = page("", f"<div>{above}<p>Other news of the day</p><h1>Schwierige Gespräche: so geht’s!</h1>{BODY}</div>", lang="de")
    assert day(far) is None
    # the date line may sit a few levels inside the element right above (phys.org)
    info = "<div class='article__info'><div class='article__info-item'><a href='/archive/22-10-2019/'></a><p>October 22, 2019 <a href='/editorials/'><span>report</span></a></p></div></div>"
    assert day(page("", f"<article>{info}<h1>Flint flake tool partially covered by birch tar</h1>{BODY}</article>")) == "2019-10-22"
    # not inside a long one (a site's header)
    header = f"<div class='top'><p>October 22, 2019</p><p>{'Menu entries of the site and its sections. ' * 5}</p></div>"
    assert day(page("", f"<article>{header}<h1>Flint flake tool partially covered by birch tar</h1>{BODY}</article>")) is None


def test_a_date_line_right_above_a_short_headline_that_is_the_title_dates_the_page():
    # world.hey.com: the date in a <p> right above a three-word <h2> headline, no <h1>, no metadata date
    above = "<header><a href='/dhh'><p>David Heinemeier Hansson</p></a></header><p class='txt--subtle'>February 5, 2026</p>"
    html = page(
        meta("og:title", "Clankers with claws", "property"),
        f"<main>{above}<h2><span>Clankers with claws</span></h2><article>{BODY}</article></main>",
    )
    assert day(html) == "2026-02-05"
    # without the metadata: the <h2> that is the page's <title>
    bare = page(
        "<title>Clankers with claws</title>", f"<main>{above}<h2><span>Clankers with claws</span></h2><article>{BODY}</article></main>"
    )
    assert day(bare) == "2026-02-05"
    # a short <h1> that is not the title read (a logo's name) still reads as no headline to date
    logo = page("<title>Clankers with claws | Hey World</title>", f"<div><p>February 5, 2026</p><h1>Hey World</h1></div><div>{BODY}</div>")
    assert day(logo) is None


@pytest.mark.parametrize(
    ("h2", "address", "lang"),
    [
        ("Der neue Trend: Muss- statt Wunschkoalition", "/der-neue-trend-muss-statt-wunschkoalition/", "de"),
        ("Schöne Grüße aus Köln nach Berlin", "/2012/05/schoene-gruesse-aus-koeln-nach-berlin-43546.html", "de"),
        ("A headline the address spells", "/a-headline-the-address-spells", "en"),
    ],
)
def test_the_h2_the_address_spells_is_the_headline_under_a_logo_picture(h2, address, lang):
    # carta.info: no metadata title, <title> the site's name, the <h1> a logo's picture, the post's
    # title an <h2>; its byline ends with a date with a two-digit year
    head = f'<title>carta.info</title><link rel="canonical" href="http://carta.info{address}">'
    logo = "<header><h1><a href='http://carta.info/'><img src='/logo.svg' alt='carta.info'></a></h1></header>"
    story = f"<div class='posttitlein'><h2>{h2}</h2></div><div class='wrap'><p>von <a rel='author' href='/a/ks'>Klaus-Peter Schöppner</a>, 8.5.12</p>{BODY}</div>"
    article = extracted(page(head, f"{logo}<h2>Menu of the site</h2><main>{story}</main>", lang=lang))
    assert (article["title"], article["published_at"][:10]) == (h2, "2012-05-08")
    # an <h1> with words is the headline, whatever an <h2> the address spells
    with_h1 = page(head, f"<main><h1>Tiktok: Brüssel untersucht Wahleinmischung</h1><h2>{h2}</h2>{BODY}</main>", lang=lang)
    assert extracted(with_h1)["title"] == "Tiktok: Brüssel untersucht Wahleinmischung"
    # an address that spells another heading names none
    other = page(
        "<title>carta.info</title><link rel='canonical' href='http://carta.info/another-story-entirely/'>",
        f"{logo}<main>{story}</main>",
        lang=lang,
    )
    assert extracted(other)["title"] == "carta.info"


def test_a_date_in_another_storys_card_is_not_the_articles():
    # wikimediafoundation.org without its metadata: the story's date is in the header, above the
    # content; the related stories' cards, in it, show theirs
    header = (
        "<header><h1>Access to Wikipedia restored in Turkey</h1><div class='post-meta'>By WMF <time>15 January 2020</time></div></header>"
    )
    card = (
        "<div class='card card-blog'><div class='card-content'><h3><a href='/news/2019/07/22/case/'>Our legal case, expedited</a></h3>"
        "<div><p>A short teaser of the other story.</p></div><div class='post-meta'><time>22 July 2019</time></div></div></div>"
    )
    html = page("", f"{header}<main><article>{BODY * 2}</article><div class='news-list'><h3>Related</h3>{card}</div></main>")
    assert day(html) == "2020-01-15"
    # a card that holds the headline is the story's own (a Bootstrap card)
    own = "<div class='card'><div class='card-body'><h1>Access to Wikipedia restored</h1><p class='card-text'><small>15 January 2020</small></p>"
    assert day(page("", f"{own}{BODY}</div></div>")) == "2020-01-15"


def test_a_date_in_a_source_line_right_under_the_headline_dates_the_page():
    # news.sina.com.tw: "<cite>北京新浪網 (2020-01-21 11:12)</cite>" under the <h1>
    cite = "<cite><a href='/cobrand/sinacn/'>北京新浪網</a> (2020-01-21 11:12)</cite>"
    assert day(page("", f"<div class='articles'><h1>NBA歷史第二差紀錄終結</h1>{cite}{BODY}</div>", lang="zh-TW")) == "2020-01-21"


def test_a_box_named_as_a_header_after_the_headline_gives_the_date_but_not_body_text():
    # newyorker.com: "content-header__accreditation", a sibling of the headline's block, holds the date
    title_block = "<div class='content-header__title'><h1>Hacking, Cryptography, and Quantum Computing</h1></div>"
    box = "<div class='content-header__accreditation'><p class='byline'>By Alex Hutchinson</p><time>September 26, 2016</time></div>"
    html = page("", f"<article><header class='content-header'>{title_block}{box}</header>{BODY}</article>")
    article = extracted(html, with_body=True)
    assert (article["published_at"][:10], article["authors"]) == ("2016-09-26", ["Alex Hutchinson"])
    assert "September" not in article["body"]
    # a site's header before the story is no article header: its date of the day is not the story's
    canonical = '<link rel="canonical" href="https://example.com/2019/05/03/story/">'
    site = "<header class='site-header'><p class='date'>Monday, June 1, 2020</p></header>"
    story = f"<div class='wrap'>{site}<div class='story'><h1>Headline of the story</h1>{BODY * 2}</div></div>"
    assert day(page(canonical, story)) == "2019-05-03"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<div class='author'>Martin Fowler: 25 Feb 2026</div>", ["Martin Fowler"]),  # martinfowler.com
        ("<div class='author'>Martin Fowler: 25 Feb 2026, 10:42</div>", ["Martin Fowler"]),
        # a label's colon, in a box not marked as the author's, names no one
        ("<span class='news-info-update'>Son Güncelleme : 30.04.2024 - 16:49</span>", []),
        ("<div class='author'>Last Updated: 25 Feb 2026</div>", []),
    ],
)
def test_a_name_joined_to_its_date_by_a_colon_in_an_author_box_is_the_author(line, expected):
    article = extracted(page("", f"<article><h1>Fragments: February 25</h1>{line}{BODY}</article>"))
    assert (article["authors"], article["published_at"][:10] if expected else "") == (expected, "2026-02-25" if expected else "")


@pytest.mark.parametrize(
    "byline",
    [
        # technologyreview.com: a label for screen readers inside the author's link
        "<div class='byline'>By <a href='/author/jo/'>James O'Donnell<span class='screen-reader-text'>archive page</span></a></div>",
        "<p class='byline'>By <a href='/author/jo/'>James O'Donnell <span class='visually-hidden'>(opens in new tab)</span></a></p>",
        # nrk.no: the role twice, for screen readers after a dash and shown in an element of its own
        "<div class='author'><a class='author__name' href='mailto:x'>James O'Donnell<span class='sr-only'><span> – Journalist i Paris</span></span></a>"
        "<span class='author__role' aria-hidden='true'>Journalist i Paris</span></div>",
        "<div class='author'><a href='mailto:x'>James O'Donnell</a> <span class='author__role'>Journalist i Paris</span></div>",
    ],
)
def test_text_for_screen_readers_and_a_role_element_are_not_part_of_a_bylines_name(byline):
    assert extracted(page(body=f"<article><h1>Headline of the story</h1>{byline}{BODY}</article>"))["authors"] == ["James O'Donnell"]


def test_a_list_named_as_furniture_inside_a_byline_box_is_read_with_it_and_the_revision_date_is_not_the_publication():
    # opposingviews.com: the meta box's list is named "…header…", and the revision's date comes first
    box = (
        "<div class='m-detail-header--meta'><ul class='m-detail-header--horizontal-list'>"
        "<li>Author: <a rel='author' href='/author/lb'>Lauren Briggs</a></li>"
        "<li><div>Updated:</div><div><time>Mar 6, 2018</time></div><div>Original:</div><div><time>Dec 21, 2016</time></div></li>"
        "</ul></div>"
    )
    html = page(
        "", f"<article><header class='m-detail-header'><div><h1>Investor Icahn To Advise Trump</h1>{box}</div></header>{BODY}</article>"
    )
    article = extracted(html, with_body=True)
    assert (article["published_at"][:10], article["authors"]) == ("2016-12-21", ["Lauren Briggs"])
    assert "Original" not in article["body"]
    # a revision date alone is still the date the page shows
    assert day(html.replace("<div>Original:</div><div><time>Dec 21, 2016</time></div>", "")) == "2018-03-06"


def test_a_revision_date_is_the_publication_date_of_last_resort():
    # ndtv.com: only <span itemprop="dateModified">, in a <nav> dropped as furniture
    nav = '<nav><span itemprop="dateModified" content="2020-04-07T15:49:34+05:30">Updated: April 07, 2020 03:49 pm IST</span></nav>'
    article = extracted(page("", f"<div class='content'><h1>H</h1>{nav}{BODY}</div>"))
    assert (article["published_at"], article["updated_at"]) == ("2020-04-07T15:49:34+05:30", "2020-04-07T15:49:34+05:30")
    # any other date comes first
    canonical = '<link rel="canonical" href="https://example.com/2020/04/06/story/">'
    assert day(page(canonical, f"<div class='content'><h1>H</h1>{nav}{BODY}</div>")) == "2020-04-06"


def test_the_header_an_article_starts_with_gives_the_byline_though_the_headline_is_elsewhere():
    # 20min.ch: "<article><header class=Article_header>" holds the lead, the byline and the date; the
    # page's <h1> is outside the <article>
    header = (
        "<header class='Article_header__ckSlm'><div class='Article_elementLead'><p>Wahleinmischung per Algorithmus?</p></div>"
        "<div class='Article_elementAuthors__LsHcz'><dl><dt>von</dt><a href='/autoren/1/kf'><dd>Konstantin Furrer</dd></a></dl></div></header>"
    )
    html = page(
        "", f"<section><h1>Tiktok</h1></section><article>{header}<section class='Article_body'>{BODY * 2}</section></article>", lang="de"
    )
    article = extracted(html, with_body=True)
    assert article["authors"] == ["Konstantin Furrer"]
    assert "Konstantin" not in article["body"]
    # a header after the story's start is not the article's own
    late = html.replace("<article>" + header, "<article><p>" + "First words of the story come first here. " * 3 + "</p>" + header)
    assert extracted(late)["authors"] == []


def test_a_utc_instant_on_the_day_the_page_shows_keeps_its_time():
    head = meta("article:published_time", "2019-08-21T07:40:00Z", "property")
    shown = '<div class="formatted-date">21 August 2019, 7:40am</div>'
    assert extracted(page(head, f"<article><h1>H</h1>{shown}{BODY}</article>"))["published_at"] == "2019-08-21T07:40:00+00:00"


def test_a_utc_instant_of_a_page_without_a_zone_takes_the_day_the_page_shows():
    head = meta("article:published_time", "2016-12-23T00:47:31Z", "property")
    body = '<article><h1>H</h1><span class="timestamp">Published: Dec. 22, 2016, 6:47 p.m.</span>' + BODY + "</article>"
    assert day(page(head, body)) == "2016-12-22"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("10/05/2022 05:22 pm", "2022-05-10T17:22"),
        ("2022-05-10 5:22 PM", "2022-05-10T17:22"),
        ("May 10, 2022 5:22 p.m.", "2022-05-10T17:22"),
        ("10.05.2022 12:05 am", "2022-05-10T00:05"),
        ("28. April 2024, um 14:05 Uhr", "2024-04-28T14:05"),
        ("Wed, 04 May 2022 02:41:00 GMT", "2022-05-04T02:41:00+00:00"),
        ("2022/05/10 10:00 +0200", "2022-05-10T10:00:00+02:00"),
    ],
)
def test_the_time_of_day_after_a_date_is_kept_on_the_12_hour_clock_and_with_its_zone(value, expected):
    from masthead.extract.dates import iso_datetime

    assert iso_datetime(value).startswith(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020. 06. 04. 11:27", "2020-06-04T11:27:00+09:00"),  # Hungarian
        ("2024. 3. 5. 오후 3:07", "2024-03-05T15:07:00+09:00"),  # Korean, on the 12-hour clock
        ("입력 2024.03.05. 오전 10:21", "2024-03-05T10:21:00+09:00"),
        ("2024.03.05. 오후 12:30", "2024-03-05T12:30:00+09:00"),
    ],
)
def test_dates_whose_year_month_and_day_each_end_in_a_dot(value, expected):
    from masthead.extract.dates import find_date, iso_datetime

    assert iso_datetime(value) == expected
    found = find_date(f"기사 {value} 수정")
    assert found is not None and iso_datetime(found[0]) == expected


def test_a_furniture_row_right_after_the_headline_is_read_for_its_date_before_it_is_dropped():
    row = '<div class="detail-social-area"><p class="news-info"><span>30.04.2024 - 16:48</span></p><a href="/s">Paylaş</a></div>'
    html = page(body=f"<article><h1>Süper Lig’de golcülerin yarışı kıyasıya</h1><h2>Deck</h2>{row}{BODY}</article>", lang="tr")
    result = extracted(html, with_body=True)
    assert result["published_at"] == "2024-04-30T00:00:00+03:00"
    assert "Paylaş" not in result["body"]


_FORBES = "Steve Forbes: Trump is indeed a billionaire."


@pytest.mark.parametrize(
    ("head", "h1"),
    [
        (meta("og:title", _FORBES, "property") + meta("og:site_name", "Weltwoche", "property"), ""),
        (meta("og:title", _FORBES, "property"), "<h1>Die Weltwoche</h1>"),
        (f"<title>Weltwoche | {_FORBES}</title>", ""),  # no metadata title: the <h2> the <title> names
    ],
)
def test_a_furniture_row_after_an_h2_headline_and_its_lead_is_read_for_its_date_and_byline_before_it_is_dropped(head, h1):
    # weltwoche.ch: no <h1> (or only the logo's), the <h2> headline, its lead, then the share bar
    # that holds the date and the byline
    title = _FORBES
    row = (
        "<div class='social-share'><div class='pull-left'><h5>23.01.2019</h5><div>By Urs Gehriger and Florian Schwab</div></div>"
        "<div class='pull-right'><a href='/share'>Share</a></div></div>"
    )
    story = f"<div class='detail-content'><h2>{title}</h2><p class='lead'>Publishing magnate Steve Forbes tells the weekly.</p>{row}{BODY}</div>"
    result = extracted(page(head, f"{h1}<div class='content'>{story}</div>", lang="de"), with_body=True)
    assert (result["authors"], result["published_at"][:10]) == (["Urs Gehriger", "Florian Schwab"], "2019-01-23")
    assert "Share" not in result["body"]


@pytest.mark.parametrize("inside", [True, False])
def test_the_header_of_the_h2_a_breadcrumbs_h1_repeats_is_read_for_its_byline(inside):
    # abendblatt.de ends its breadcrumb trail with the story's title as an <h1>; the story's own
    # header, named as one, shows it again as an <h2> with the byline (brigitte.de: the trail in the
    # site's header, outside the article)
    title = "Warum Mangos und Papayas jetzt teurer sind"
    crumbs = f'<div id="breadcrumb" class="breadcrumb"><a href="/">Home</a><h1 class="breadcrumb__item">{title}</h1></div>'
    header = (
        f'<div class="article__header"><h2 class="article__header__headline">{title}</h2>'
        '<div class="author-info__name"><address>Melanie Wassink</address></div></div>'
    )
    article = f'<article class="article">{header}{BODY}</article>'
    body = f"<main>{crumbs}{article}</main>" if inside else f"<div class='site-header'>{crumbs}</div><main>{article}</main>"
    result = extracted(page(body=body, lang="de"))
    assert (result["title"], result["authors"]) == (title, ["Melanie Wassink"])


def test_an_h2_that_repeats_an_h1_outside_the_breadcrumbs_spares_no_header():
    title = "Warum Mangos und Papayas jetzt teurer sind"
    header = f'<div class="article__header"><h2>{title}</h2><div class="author-info__name">Melanie Wassink</div></div>'
    result = extracted(page(body=f'<main><div class="teaser"><h1>{title}</h1></div><article>{header}{BODY}</article></main>', lang="de"))
    assert result["authors"] == []


def test_a_furniture_row_without_a_date_after_the_headline_is_dropped_before_the_byline_is_looked_for():
    # its buttons would otherwise stand between the headline and the "Von …" line under it
    buttons = '<div class="entry-header-social-buttons"><ul>' + "<li><a href='/s'>Teilen</a></li>" * 40 + "</ul></div>"
    story = f'<div class="entry-content"><p><em>Von Gregory Lipinski</em></p>{BODY}</div>'
    result = extracted(page(body=f"<article><h1>Einstieg ins TV-Geschäft</h1>{buttons}{story}</article>", lang="de"))
    assert result["authors"] == ["Gregory Lipinski"]


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("Von <a rel='author' href='/a/in'>israel news</a> am 21/02/2021.", "2021-02-21T00:00:00+01:00"),
        # a date far into the box is not the one it starts with
        ("Abgelegt unter <a href='/c'>Israel</a>. " + "Sie können alle Antworten verfolgen. " * 3 + "21/02/2021", None),
    ],
)
def test_a_long_meta_box_gives_the_date_it_starts_with(start, expected):
    rest = " Abgelegt unter <a href='/c'>Israel</a>. " + "Sie können alle Antworten zu diesem Eintrag durch den RSS-Feed verfolgen. " * 4
    box = f'<div class="singlepostmeta">{start}{rest}</div>'
    assert extracted(page(body=f"<article><h1>Bennett</h1>{BODY}{box}</article>", lang="de"))["published_at"] == expected


def test_a_date_shown_with_dots_and_spaces_is_the_date_of_a_page_without_metadata():
    line = '<span class="article-datetime">2020. 06. 04. 11:27</span>'
    result = extracted(page(body=f"<article><h1>Cím</h1>{line}{BODY}</article>", lang="hu"))
    assert result["published_at"] == "2020-06-04T11:27:00+02:00"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue Jan 28 15:28:56 CET 2020", "2020-01-28T15:28:56+01:00"),
        ("Mon Jul 01 09:00:00 EDT 2019", "2019-07-01T09:00:00-04:00"),
        ("Sat Jun 01 23:30:00 UTC 2019", "2019-06-01T23:30:00+00:00"),
        # CST is Central Standard Time and China Standard Time: the page's zone then
        ("Tue Jan 28 15:28:56 CST 2020", "2020-01-28T15:28:56+09:00"),
    ],
)
def test_java_date_strings_keep_the_zone_their_abbreviation_names(value, expected):
    # Date.toString() in a CMS's JSON-LD ("datePublished":"Tue Jan 28 15:28:56 CET 2020", faz.net)
    from masthead.extract.dates import iso_datetime

    assert iso_datetime(value) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("20180619T055000+0900", "ja", "2018-06-19"),
        ("Fri Feb 18 10:27:24 2022", "de", "2022-02-18"),
        ("4 de mayo de 2022", "es", "2022-05-04"),
        ("30 августа 2021", "ru", "2021-08-30"),
        ("15 серпня 2016, 13:43", "uk", "2016-08-15"),
        ("5. tammikuuta 2024", "fi", "2024-01-05"),
        ("3. desember 2023", "no", "2023-12-03"),
        ("12 augusti 2022", "sv", "2022-08-12"),
        ("7 Maret 2021", "id", "2021-03-07"),
        ("28. April 2024 um 10:17 Uhr", "de", "2024-04-28"),
        ("31.03.2020", "de", "2020-03-31"),
        ("03/04/2020", "en-US", "2020-03-04"),
        ("03/04/2020", "fr", "2020-04-03"),
        ("2022-05-04T03:00:00 UTC", "es-AR", "2022-05-04"),
        ("19 Αυγούστου 2020 9:02 μμ", "el", "2020-08-19"),
        ("3 ΜΑΪΟΥ 2021", "el", "2021-05-03"),
        # the Solar Hijri calendar, in Persian or Arabic-script digits and with either yeh
        ("سه‌شنبه ۲۹ بهمن ۱۳۹۸", "fa", "2020-02-18"),
        ("يکشنبه ۲۱ ارديبهشت ۱۳۹۹ - ۱۸:۵۹", "fa", "2020-05-10"),
        ("۱۳۹۹/۰۲/۲۱", "fa", "2020-05-10"),
        ("5 دی 1399", "fa", "2020-12-25"),
        ("۱۵ جدی ۱۴۰۰", "fa-AF", "2022-01-05"),
        # slashes between spaces, the same on both sides (Arabic pages, in Arabic-Indic digits)
        ("الثلاثاء ١ / ١٢ / ٢٠٢٠", "ar", "2020-12-01"),
        ("04 / 05 / 2021 10:30", "en-US", "2021-04-05"),
        # a space after each dot (Austrian, Czech, Slovak pages); "del" before the year
        ("06. 01. 2026, 14:59 Uhr", "de-AT", "2026-01-06"),
        ("sábado 07 de mayo del 2022", "es", "2022-05-07"),
        # abbreviations: German "Mär", Dutch "mrt"
        ("12. MÄR 2025 18:03", "de", "2025-03-12"),
        ("3 mrt 2024", "nl", "2024-03-03"),
        # Arabic month names: Egypt's and the Gulf's, with and without the hamza, and the Levant's
        ("03 يونيو 2020", "ar", "2020-06-03"),
        ("12 اغسطس 2021", "ar", "2021-08-12"),
        ("15 آذار 2024", "ar", "2024-03-15"),
    ],
)
def test_date_forms(value, lang, expected):
    assert day(page(meta("article:published_time", value, "property"), "<h1>H</h1>" + BODY, lang=lang)) == expected


@pytest.mark.parametrize(
    ("solar_hijri", "gregorian"),
    [
        ((1399, 1, 1), (2020, 3, 20)),  # Nowruz
        ((1403, 12, 30), (2025, 3, 20)),  # the leap day of a leap year
        ((1404, 1, 1), (2025, 3, 21)),
        ((1375, 12, 30), (1997, 3, 20)),
        ((1402, 12, 30), None),  # 1402 is a common year
        ((1399, 7, 31), None),  # the second half's months have 30 days
        ((1299, 1, 1), None),  # before 1921: no page of the web
    ],
)
def test_solar_hijri_dates_convert_to_the_gregorian_calendar(solar_hijri, gregorian):
    from masthead.extract.dates import _from_solar_hijri

    assert _from_solar_hijri(*solar_hijri) == gregorian


def test_an_arabic_dateline_with_spaced_slashes_dates_the_article():
    # alyaum.com without its metadata: "الثلاثاء ١ / ١٢ / ٢٠٢٠" (Tuesday 1 December) after the time
    dateline = '<div class="aksa-date"><time> ٠٢:٠٠ </time>الثلاثاء  ١ / ١٢ / ٢٠٢٠</div>'
    published = extracted(page(body=f"<article><h1>طهران تدفن زادة</h1>{dateline}{BODY}</article>", lang="ar"))["published_at"]
    assert published.startswith("2020-12-01T")


def test_numbers_spaced_otherwise_are_not_a_date():
    from masthead.extract.dates import find_date

    assert find_date("1 /12/2020") is None  # the spaces differ around the month
    assert find_date("scores 10 - 12 - 2020") is None  # spaces only around slashes


def test_a_persian_dateline_under_the_headline_dates_the_article():
    # khabaronline.ir: "۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵" under the headline, no date in the metadata (the day in
    # Tehran's winter offset)
    dateline = '<div class="item-date"><span>۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵</span></div>'
    published = extracted(page(body=f"<article><h1>تحلیل روزنامه</h1>{dateline}{BODY}</article>", lang="fa"))["published_at"]
    assert published.startswith("2020-02-18T") and published.endswith("+03:30")


# --- related articles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "<h2>Related</h2>",
        "<div>\n   RELATED ARTICLES</div>",
        "<span>Read more</span>",
        "<h3>You may also like</h3>",
        "<div>関連記事</div>",
        "<strong>おすすめ記事</strong>",
        "<div>&#x95A2;&#x9023;&#x8A18;&#x4E8B;</div>",  # 関連記事 as character references
        "<div>&#12362;&#12377;&#12377;&#12417;&#35352;&#20107;</div>",  # おすすめ記事
    ],
)
def test_a_related_articles_heading_without_a_related_class_lists_the_titles_after_it(heading):
    html = page(body=f"<article><h1>H</h1>{BODY}</article><section>{heading}<ul><li>Other story</li><li>Third story</li></ul></section>")
    assert extracted(html)["related_titles"] == ["Other story", "Third story"]


def test_a_related_articles_heading_is_found_on_a_shift_jis_page():
    # The heading is looked for in the page's bytes: a page that is not UTF-8 is looked at as UTF-8.
    body = f"<article><h1>見出し</h1>{BODY}</article><section><h2>関連記事</h2><ul><li>別の記事</li><li>三つ目の記事</li></ul></section>"
    html = f'<!doctype html><html lang="ja"><head><meta charset="shift_jis"></head><body>{body}</body></html>'
    result = extract("articles/x/sjis.html", html.encode("cp932"))
    assert result.accepted and result.as_dict()["related_titles"] == ["別の記事", "三つ目の記事"]


def test_a_paragraph_that_starts_with_a_related_word_is_not_a_related_heading():
    body = f"<article><h1>H</h1>{BODY}<p>Related news came later in the day.</p><ul><li>Not a title</li></ul></article>"
    assert extracted(page(body=body))["related_titles"] == []


def test_a_related_articles_heading_and_its_list_may_have_space_between():
    # the list is the heading's next element, not the line break and indent before it
    html = page(
        body=f"<article><h1>H</h1>{BODY}</article><div><h3>Related</h3>\n   <ul><li>Other story</li><li>Third story</li></ul></div>"
    )
    assert extracted(html)["related_titles"] == ["Other story", "Third story"]


# --- authors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Von Vanessa Franke", ["Vanessa Franke"]),
        ("VON MORITZ GATHMANN am 21. April 2020", ["MORITZ GATHMANN"]),
        ("Andrew Husband Twitter", ["Andrew Husband"]),
        ("Michael Larabel in Valve on 3 January 2017 at 08:34 PM EDT", ["Michael Larabel"]),
        ("Monika Bolliger und Anna Trechsel", ["Monika Bolliger", "Anna Trechsel"]),
        ("Richard David Precht im Gespräch mit Karin Fischer", ["Richard David Precht", "Karin Fischer"]),
        ("Jan de Vries en Piet Jansen", ["Jan de Vries", "Piet Jansen"]),  # Dutch, Polish "and" in lower case only:
        ("Anna Nowak i Jan Kowalski", ["Anna Nowak", "Jan Kowalski"]),
        ("John I Smith", ["John I Smith"]),  # a middle initial stays
        ("dpa/lno", ["dpa/lno"]),
        ("By Perry Bacon Jr.", ["Perry Bacon Jr."]),
        # a social handle, a job title after a full name, "Last updated", the rest of a label
        ("April Glaser @aprilaser", ["April Glaser"]),
        ("Steve Gillman Contributor", ["Steve Gillman"]),
        ("Jane Doe Senior Writer", ["Jane Doe"]),
        ("Jane Writer", ["Jane Writer"]),
        ("By Joseph Brean Last updated", ["Joseph Brean"]),
        ("Joseph Brean • Last updated 1 hour ago", ["Joseph Brean"]),
        ("@asahi_shogi からのツイート", []),
        ("Rachel Brazil 0", ["Rachel Brazil"]),  # a comment counter, not a year
        ("Artikel von Alexa von Heyden", ["Alexa von Heyden"]),
        ("Article by Jane Doe", ["Jane Doe"]),
        # cnn.com: the kind of piece before "by", the outlet's name before the job title
        ("Analysis by Joan Biskupic, CNN Senior Supreme Court Analyst", ["Joan Biskupic"]),
        ("Opinion by Jane Doe", ["Jane Doe"]),
        ("Jane Doe Senior Analyst", ["Jane Doe"]),
        ("durch Stephan Markus", ["Stephan Markus"]),  # ldt.de's meta line
        # the link to the author's page, a counter of comments, a time ago
        ("Marcus De Guzman View More Articles", ["Marcus De Guzman"]),
        ("Jane Doe See all posts", ["Jane Doe"]),
        ("1 Kommentar", []),
        ("1 時間前", []),
        ("Thabo Mokone Parliamentary editor", ["Thabo Mokone"]),
        ("배윤경 기자 bykj@mk.co.kr", ["배윤경"]),
        ("Par Le Figaro et AFP, a 3 heures", ["Le Figaro", "AFP"]),
        ("Author of the article: Jody Robbins", ["Jody Robbins"]),
        ("Автор: Олеся Жуковень", ["Олеся Жуковень"]),
        ("责任编辑：孔德明", ["孔德明"]),
        # a label and its value is no one's name
        ("Foto: JEP", []),
        ("Erstellt: Uhr", []),
        ("6. Oktober um 04:00", []),  # a day without its year (facebook.com's post time)
        ("16. Oktober", []),
        # a rank and a beat before the title; a job title alone; a desk beside people; a French posting
        ("Andrea Stone Senior Washington Correspondent", ["Andrea Stone"]),
        ("Jane Roe Chief White House Correspondent", ["Jane Roe"]),
        ("Mary Jo Foley Senior Editor", ["Mary Jo Foley"]),
        ("By DAVID LIEBERMAN, Executive Editor", ["DAVID LIEBERMAN"]),
        ("Senior Reporter", []),
        ("By JORDAN ROBERTSON and RACHEL METZ - AP Technology Writers", ["JORDAN ROBERTSON", "RACHEL METZ"]),
        ("World's Editorial Writers", ["World's Editorial Writers"]),  # a desk alone is the byline
        ("Par LILIAN ALEMAGNA, LAURE BRETTON Envoyés spéciaux à Toulouse", ["LILIAN ALEMAGNA", "LAURE BRETTON"]),
        # job titles in more languages, and where the job is
        ("Marta Cañete Corresponsal en Atenas", ["Marta Cañete"]),
        ("Jean Dupont Correspondant à Berlin", ["Jean Dupont"]),
        ("Maria Rossi Giornalista", ["Maria Rossi"]),
        ("Por Rodrigo Mejías a las", ["Rodrigo Mejías"]),  # "a las 13:01": the time cut away
        # where the story was written, between the person and the date; two people without a date
        ("Patricio Candia | Palma de Mallorca | 08/01/2014", ["Patricio Candia"]),
        ("Jane Doe | John Roe", ["Jane Doe", "John Roe"]),
        ("Authors", []),  # a menu's label
        ("Last Modified", []),
        ("By Franziska Dully in Allgemein, Fashion, Kolumne", ["Franziska Dully"]),  # a post's categories
        ("By Alexa Ray Corriea\n on Jul 04, 2014\n at 11:30a @AlexaRayC", ["Alexa Ray Corriea"]),  # when and the handle
        ("so Artikel empfehlen:", []),  # a label whose value is elsewhere
        ("Name (erforderlich)", []),  # a form field's label
        ("Ondřej Katz, přihlaste se", ["Ondřej Katz"]),  # a log-in link beside the name
        ("telebasel", ["telebasel"]),  # alone, a name without capitals stays
        ("Edilson La Rosa edilsonlarosa", ["Edilson La Rosa"]),  # the account's handle
        ("Edilson La Rosaedilsonlarosa", ["Edilson La Rosa"]),  # glued in a copy
        ("María del Carmen", ["María del Carmen"]),  # a name that ends in lower case is no handle
        ("View all posts by Daniel Lemire", ["Daniel Lemire"]),
        ("Written by Eliaser Ndeyanale", ["Eliaser Ndeyanale"]),
        ("Autor/in: Korinna Hennig", ["Korinna Hennig"]),  # German's gender-inclusive labels
        ("Autor*in Korinna Hennig", ["Korinna Hennig"]),
        # espn.com: the site's address after the name, then a link to the archive
        ("By Jemele Hill<br>ESPN.com<br><a href='/jemele-hill/'>Archive</a>", ["Jemele Hill"]),
        ("elmundo.es", ["elmundo.es"]),  # an address alone is the byline the page shows
        ("文● オカモト／ASCII編集部", ["オカモト", "ASCII編集部"]),  # weekly.ascii.jp: "文●", "text by"
    ],
)
def test_visible_bylines_become_people(byline, expected):
    html = page(body=f'<article><h1>H</h1><div class="byline">{byline}</div>{BODY}</article>', lang="de")
    assert extracted(html)["authors"] == expected


def test_the_next_elements_of_the_byline_elements_kind_name_its_other_authors():
    # pravda.com.ua: one <a class="post_article_author_item"> per author, a photo and a name in each
    def item(name: str) -> str:
        return (
            f"<a href='/authors/x/' class='post_article_author_item'><span><img src='x.jpg'></span>\n      <span>{name}</span>\n    </a>\n"
        )

    indent = "\n" + " " * 40
    names = ["Ярослав Кузишин", "Антон Зелинский", "Карина Гасимова"]
    box = "<div class='post_article_author'>" + indent.join(item(n) for n in names) + indent * 8 + "<span>8 января, 17:46</span></div>"
    assert extracted(page(body=f"<article><h1>H</h1>{box}{BODY}</article>", lang="ru"))["authors"] == names
    # links of its kind that name no person (a menu's words) are not authors
    menu = "<div class='post_article_author'>" + item("Ярослав Кузишин") + indent * 8 + item("Unternehmen") + item("DW.COM") + "</div>"
    assert extracted(page(body=f"<article><h1>H</h1>{menu}{BODY}</article>", lang="ru"))["authors"] == ["Ярослав Кузишин"]


def test_a_name_without_spaces_glued_to_a_date_in_a_meta_box_is_the_byline_but_a_dates_label_is_not():
    # lifehacker.jp: "<div class=article_pArticle_MetaWrapper>島津健吾<p>2019.03.26 lastupdate</p></div>"
    box = "<div class='article_pArticle_MetaWrapper__1WTJS'>島津健吾<p class='article_pArticle_MetaDate__3zwRD'>2019.03.26 lastupdate</p></div>"
    body = "<p>" + "本文の段落です。記事の内容がここに書かれています。" * 5 + "</p>"
    assert extracted(page(body=f"<article><h1>見出し</h1>{box}{body}</article>", lang="ja"))["authors"] == ["島津健吾"]
    # a date box leaves its label when the date is cut off: "更新", "更新时间", "입력" are no names
    for line in ("2019年04月21日 12時00分更新", "更新时间 2012-12-10 17:24", "입력 2020.07.02 10:00"):
        dated = f"<div class='meta-date'>{line}</div>"
        assert extracted(page(body=f"<article><h1>見出し</h1>{dated}{body}</article>", lang="ja"))["authors"] == []


def test_a_button_named_for_the_author_is_no_byline():
    # salzburg.com: <a class="followAuthorBtn">Themen bearbeiten</a> ("edit topics")
    button = "<p class='articleDate'>06. 01. 2026</p><a href='/service/profil/themen/' class='followAuthorBtn'>Themen bearbeiten</a>"
    assert extracted(page(body=f"<article><h1>H</h1>{button}{BODY}</article>", lang="de"))["authors"] == []


def test_an_author_link_inside_a_byline_box_is_read_without_the_sections_badge_beside_it():
    # dailystar.co.uk: "<a class=Badge_badge-link>News</a>" and the author's link in one byline box
    box = (
        "<div class='Byline_author-and-badge-wrapper__2dsv1'><div><a class='Badge_badge-link__41H_0' href='/news/'>News</a></div>"
        "<div class='Authors_authors-container__wVWas'><span><a class='AuthorLink_author-link__rg5qj' href='/authors/jw/'>"
        "<strong>Joshua Whorms</strong></a></span></div></div>"
    )
    assert extracted(page(body=f"<article><h1>H</h1>{box}{BODY}</article>"))["authors"] == ["Joshua Whorms"]


def test_every_author_marked_inside_a_byline_is_read_on_its_own():
    two = '<p class="author_name"><a rel="author">Chus del Pino</a>, <a rel="author">Martí Abad (Enviado especial)</a></p>'
    assert extracted(page(body=f"<article><h1>H</h1>{two}{BODY}</article>", lang="es"))["authors"] == ["Chus del Pino", "Martí Abad"]
    spans = '<span class="first">Ingrid</span> <span class="last">Treborg</span>'
    boxes = (
        f'<div class="bylines"><div class="byline"><a rel="author" itemprop="url name">{spans}</a></div>'
        '<div class="byline"><a rel="author">Marlene Lundberg Holm</a></div></div>'
    )
    assert extracted(page(body=f"<article><h1>H</h1>{boxes}{BODY}</article>", lang="no"))["authors"] == [
        "Ingrid Treborg",
        "Marlene Lundberg Holm",
    ]
    # one author marked twice, or inside another marked element, is one author
    nested = '<div class="byline"><span class="author" itemprop="author"><a rel="author">Anna Fink</a></span></div>'
    assert extracted(page(body=f"<article><h1>H</h1>{nested}{BODY}</article>"))["authors"] == ["Anna Fink"]


def test_names_listed_as_sibling_elements_without_separators_are_each_a_person():
    names = "".join(f'<span class="simple">{n}</span> ' for n in ("Birgit Baumann", "Anna Giulia Fink", "Jan Michael Marchart"))
    byline = f'<div class="article-byline"><div class="article-origins">{names}</div></div>'
    assert extracted(page(body=f"<article><h1>H</h1>{byline}{BODY}</article>", lang="de"))["authors"] == [
        "Birgit Baumann",
        "Anna Giulia Fink",
        "Jan Michael Marchart",
    ]
    # a name split over its own elements stays one name
    split = '<div class="byline"><span class="first">Ingrid</span> <span class="last">Treborg</span></div>'
    assert extracted(page(body=f"<article><h1>H</h1>{split}{BODY}</article>", lang="no"))["authors"] == ["Ingrid Treborg"]


def test_what_follows_a_by_line_in_a_meta_line_is_not_an_author():
    line = '<div class="meta">By <a href="/author/dl/">DAVID LIEBERMAN</a> | Friday June 7, 2013 @ 6:43pm EDT Tags: '
    line += '<a href="/tag/a/">Amazon Prime</a>, <a href="/tag/b/">Steve Ballmer</a>, <a href="/tag/c/">TiVo</a></div>'
    assert extracted(page(body=f"<article><h1>H</h1>{line}{BODY}</article>"))["authors"] == ["DAVID LIEBERMAN"]


@pytest.mark.parametrize(
    ("line", "lang", "authors"),
    [
        # ladiaria.com.uy: "Escribe Camila Méndez en Territorio" ("in" the Territorio section)
        ("Escribe <a href='/periodista/cm/'>Camila Méndez</a> en Territorio", "es", ["Camila Méndez"]),
        ("Por Ana Souza em São Paulo", "pt", ["Ana Souza"]),
        ("Par Jean Dupont en collaboration", "fr", ["Jean Dupont"]),
    ],
)
def test_in_after_a_romance_by_ends_the_names(line, lang, authors):
    html = page(body=f'<article><h1>H</h1><div class="article-date-author">{line}</div>{BODY}</article>', lang=lang)
    assert extracted(html)["authors"] == authors
    # after Dutch "door", "en" is "and": the second name is not cut off
    dutch = page(body='<article><h1>H</h1><div class="article-date-author">Door Jan de Vries en Piet Bakker</div>' + BODY + "</article>")
    assert "Piet Bakker" in " ".join(extracted(dutch)["authors"])


@pytest.mark.parametrize(
    "element",
    [
        '<div class="comment-author"><cite>Tim Reader</cite> says:</div>',  # a reader, not the author
        '<p class="comment-form-author"><label>Your Name</label></p>',
        '<aside class="entry-meta-tag-list">Schlagworte Christoph Vilanek DVB-T Freenet</aside>',
        '<div class="modal fade timedContent">Jetzt Teilnehmen</div>',  # "time" in a class, no time in it
    ],
)
def test_comments_tag_lists_and_undated_time_boxes_name_no_author(element):
    assert extracted(page(body=f"<article><h1>H</h1>{BODY}{element}</article>", lang="de"))["authors"] == []


@pytest.mark.parametrize(
    "element",
    [
        # abendblatt.de: a date box named as the author's "Fr, 15.05.2020, 07.11 Uhr" ("Fr": Friday)
        '<div class="author-info_wrapper author-info_wrapper-date">Fr, 15.05.2020, 07.11 Uhr</div>',
        '<div class="byline-date">Tue, 26 November 2024</div>',
        # solarserver.de, allnewlyrics.com: the story's tags in a meta line or a box named as the author's
        '<div class="postMeta--author vcard author">01.12.2022 / <a rel="tag" href="/t/csp">CSP</a> / '
        '<a rel="tag" href="/t/i">International</a></div>',
        '<div class="metadata">114 views <a href="/tag/pj" rel="tag">PJ Morton</a>, <a href="/tag/sw" rel="tag">Stevie Wonder</a></div>',
    ],
)
def test_weekdays_and_tag_links_in_a_byline_or_meta_box_name_no_author(element):
    assert extracted(page(body=f"<article><h1>H</h1>{element}{BODY}</article>", lang="de"))["authors"] == []
    # a person beside them is still the author
    person = element.replace("</div>", " <a rel='author' href='/a/x'>Melanie Wassink</a></div>")
    assert extracted(page(body=f"<article><h1>H</h1>{person}{BODY}</article>", lang="de"))["authors"] == ["Melanie Wassink"]


def test_a_name_beside_a_relative_time_in_a_date_box_is_the_byline():
    line = '<div class="block-date">Jacobo Betancur Peláez | Publicado hace 3 horas</div>'
    assert extracted(page(body=f"<article><h1>H</h1>{line}{BODY}</article>", lang="es"))["authors"] == ["Jacobo Betancur Peláez"]


def test_a_name_escaped_twice_in_structured_data_is_unescaped():
    head = ld({"@type": "NewsArticle", "headline": "H", "author": {"@type": "Person", "name": "Lindsey O&#039;Donnell"}})
    assert extracted(page(head, f"<h1>H</h1>{BODY}"))["authors"] == ["Lindsey O'Donnell"]


def test_a_date_element_gives_no_author_from_its_punctuation():
    retrieved = '<p>Cited, 2009. <span class="reference-accessdate">. Retrieved 2010-01-25</span></p>'
    assert extracted(page(body=f"<article><h1>H</h1>{BODY}{retrieved}</article>"))["authors"] == []


@pytest.mark.parametrize(
    ("canonical", "authors"),
    [
        ("https://www.usatoday.com/story/news/1/", ["Doug Stanglin"]),
        ("https://example.com/story/news/1/", ["Doug Stanglin, USA TODAY"]),  # another site's name stays
    ],
)
def test_the_outlet_after_a_comma_that_the_address_names_is_not_an_author(canonical, authors):
    person = (
        '<div itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Doug Stanglin, USA TODAY</span></div>'
    )
    html = page(f'<link rel="canonical" href="{canonical}">', f"<article><h1>H</h1>{person}{BODY}</article>")
    assert extracted(html)["authors"] == authors


def test_the_site_its_address_names_beside_a_person_in_an_author_meta_is_not_an_author():
    head = meta("author", "By  Ed Hornick, CNN") + '<link rel="canonical" href="http://www.cnn.com/2010/POLITICS/08/13/x/index.html">'
    assert extracted(page(head, f"<h1>H</h1>{BODY}"))["authors"] == ["Ed Hornick"]


def test_the_sites_name_glued_after_a_full_name_in_an_author_meta_comes_off():
    head = meta("og:site_name", "ebrosia", "property") + meta("author", "Sebastian Held, Daniel Hentschel ebrosia, Germany")
    assert extracted(page(head, f"<article><h1>H</h1>{BODY}</article>", lang="de"))["authors"] == ["Sebastian Held", "Daniel Hentschel"]
    # a single name that ends like the site is left whole
    head = meta("og:site_name", "Bloomberg", "property") + meta("author", "Michael Bloomberg")
    assert extracted(page(head, f"<article><h1>H</h1>{BODY}</article>"))["authors"] == ["Michael Bloomberg"]


def test_an_outlet_glued_after_a_name_comes_off():
    byline = '<div class="c-byline"><span>By Samya Kullab and Vasilisa Stepanenko</span> <span>The Associated Press</span></div>'
    assert extracted(page(body=f"<article><h1>H</h1>{byline}{BODY}</article>"))["authors"] == ["Samya Kullab", "Vasilisa Stepanenko"]


def test_photo_and_styling_credits_in_an_author_meta_are_not_authors():
    credits = "Connie Wang,Sharokh Mirzai at MSA Models,Paul Warren for Amika,Gracie J using Floss Gloss"
    assert extracted(page(meta("author", credits), "<h1>H</h1>" + BODY))["authors"] == ["Connie Wang"]


def test_the_site_name_in_front_of_a_byline_is_removed_but_a_desk_named_after_the_site_is_kept():
    site = meta("og:site_name", "unocero", "property")
    assert extracted(page(site + meta("author", "unocero - Alberto Ávila"), "<h1>H</h1>" + BODY))["authors"] == ["Alberto Ávila"]
    desk = meta("og:site_name", "Apartment Therapy", "property") + meta("author", "Apartment Therapy Submissions")
    assert extracted(page(desk, "<h1>H</h1>" + BODY))["authors"] == ["Apartment Therapy Submissions"]


def test_a_publisher_named_as_author_gives_way_to_the_person_in_the_byline():
    head = ld({"@type": "NewsArticle", "headline": "H", "author": {"@type": "Organization", "name": "Deutsche Welle"}})
    body = '<article><h1>H</h1><span class="author-name">Roman Goncharenko</span>' + BODY + "</article>"
    assert extracted(page(head, body, lang="de"))["authors"] == ["Roman Goncharenko"]


def test_a_microdata_author_typed_as_an_organisation_gives_way_to_a_person_in_an_author_meta():
    desk = (
        '<div itemscope itemprop="author" itemtype="https://schema.org/Organization">'
        '<meta content="Nature Editorial" itemprop="name"></div>'
    )
    person = meta("dc.creator", "Elizabeth Gibney")
    assert extracted(page(person, f"<article><h1>H</h1>{BODY}{desk}</article>"))["authors"] == ["Elizabeth Gibney"]
    # alone, the desk stays the byline
    assert extracted(page("", f"<article><h1>H</h1>{BODY}{desk}</article>"))["authors"] == ["Nature Editorial"]


def test_a_publisher_byline_stays_when_the_page_shows_no_person():
    head = ld({"@type": "NewsArticle", "headline": "H", "author": {"@type": "Organization", "name": "朝日新聞デジタル"}})
    assert extracted(page(head, "<article><h1>H</h1>" + BODY + "</article>", lang="ja"))["authors"] == ["朝日新聞デジタル"]


def test_a_publisher_named_as_author_gives_way_to_a_bold_name_paragraph_at_the_start_or_end():
    org = ld({"@type": "NewsArticle", "headline": "H", "author": {"@type": "Organization", "name": "Lesotho Times"}})
    site = meta("og:site_name", "Lesotho Times", "property")
    under_deck = "<p><em>A deck line</em></p><p><strong>Mathatisi Sebusi/Mohalenyane Phakela</strong></p>" + BODY * 4
    assert extracted(page(org + site, f'<article><h1>H</h1><span class="author">by Lesotho Times</span>{under_deck}</article>'))[
        "authors"
    ] == ["Mathatisi Sebusi", "Mohalenyane Phakela"]
    at_end = BODY * 4 + '<p style="text-align:right"><strong>Lê Phương</strong></p>'
    assert extracted(page(org, f"<article><h1>H</h1>{at_end}</article>", lang="vi"))["authors"] == ["Lê Phương"]
    # a bold subheading is no byline, nor a bold run that is only part of its paragraph, nor one
    # in the middle of the article; and a person the metadata names is never replaced
    for body in (
        "<p><strong>Key Takeaways</strong></p>" + BODY * 4,
        "<p><strong>Round 3 Jane Doe</strong></p>" + BODY * 4,  # digits or sentence marks: a heading, a line of text
        "<p><strong>Farewell Jane Doe!</strong></p>" + BODY * 4,
        "<p><strong>Jane Doe</strong> said it was so.</p>" + BODY * 4,
        BODY * 3 + "<p><b>Jane Doe</b></p>" + BODY * 3,
    ):
        assert extracted(page(org, f"<article><h1>H</h1>{body}</article>"))["authors"] == ["Lesotho Times"]
    person = ld({"@type": "NewsArticle", "headline": "H", "author": {"@type": "Person", "name": "Ann Other"}})
    assert extracted(page(person, "<article><h1>H</h1>" + at_end + "</article>"))["authors"] == ["Ann Other"]


def test_a_bold_name_paragraph_at_the_end_is_the_byline_of_a_page_that_names_no_one():
    at_end = BODY * 4 + '<p style="text-align:right"><strong>Lê Phương</strong></p>'
    assert extracted(page("", f"<article><h1>H</h1>{at_end}</article>", lang="vi"))["authors"] == ["Lê Phương"]
    subheading = BODY * 4 + "<p><strong>Key Takeaways</strong></p>"
    assert extracted(page("", f"<article><h1>H</h1>{subheading}</article>"))["authors"] == []


def test_an_agency_dateline_wins_over_a_visible_byline_that_repeats_the_publisher():
    org = ld({"@type": "NewsArticle", "headline": "H", "author": {"@type": "Organization", "name": "Hamburger Blatt"}})
    dateline = "<p>Hamburg (dpa/lno) – Die Polizei hat am Morgen einen Mann festgenommen, der gesucht wurde.</p>"
    body = f'<article><h1>H</h1><span class="author">von Hamburger Blatt</span>{dateline}{BODY}</article>'
    assert extracted(page(org, body, lang="de"))["authors"] == ["dpa/lno"]


def test_structured_names_glued_together_are_split_but_not_last_first():
    glued = ld({"@type": "NewsArticle", "headline": "H", "author": {"@type": "Person", "name": "Trine Jørgensen og Tôrtia Reimer"}})
    assert extracted(page(glued, "<h1>H</h1>" + BODY))["authors"] == ["Trine Jørgensen", "Tôrtia Reimer"]
    last_first = ld({"@type": "NewsArticle", "headline": "H", "author": {"@type": "Person", "name": "Doe, Jane"}})
    assert extracted(page(last_first, "<h1>H</h1>" + BODY))["authors"] == ["Doe, Jane"]


def test_microdata_authors_of_photos_and_related_cards_are_not_the_articles():
    body = (
        '<article itemscope itemtype="https://schema.org/NewsArticle"><h1>H</h1>'
        '<figure itemscope itemtype="https://schema.org/ImageObject"><p itemprop="author">Greg Nelson</p></figure>'
        '<a itemprop="author" href="/a">Austin Murphy</a>' + BODY + "</article>"
        '<ul><li itemscope itemtype="https://schema.org/NewsArticle"><span itemprop="author">Someone Else</span></li></ul>'
    )
    assert extracted(page(body=body))["authors"] == ["Austin Murphy"]


@pytest.mark.parametrize(
    "byline, authors",
    [
        ('<div class="_ceVT">By <span class="rlwyg">Yomi Kazeem</span></div>', ["Yomi Kazeem"]),  # obfuscated classes
        ('<div class="Yc"><span>By </span><a href="/profile/t">Teresa Newsome</a></div>', ["Teresa Newsome"]),
        ("<p>Von Anna Fink und Jan Marchart</p>", ["Anna Fink", "Jan Marchart"]),
        ("<p>By the way, the market fell sharply on Monday</p>", []),  # not people
        ("<div><span><time>Published: 5 hours ago</time></span><span>Written by Eliaser Ndeyanale</span></div>", ["Eliaser Ndeyanale"]),
        (  # indented markup: the line is short once its whitespace is collapsed
            '<li class="information-item">Von:'
            + "\t" * 60
            + '<span><a href="/bill">Bill  MCCARTHY</a>,'
            + "\n" * 30
            + '</span><span><a href="/marisha">Marisha GOLDHAMER</a></span></li>',
            ["Bill MCCARTHY", "Marisha GOLDHAMER"],
        ),
    ],
)
def test_an_unmarked_by_line_under_the_headline(byline, authors):
    assert extracted(page(body=f"<article><h1>Headline</h1>{byline}{BODY}</article>"))["authors"] == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ('<span>Sehernur Karsu &nbsp;|</span> <span class="tarih">05.04.2025 - Güncelleme : 05.04.2025</span>', ["Sehernur Karsu"]),
        ("<span>Jane Doe ·</span><span>March 3, 2024</span>", ["Jane Doe"]),
        ("<span>Middle East |</span><span>Politics</span>", []),  # a section trail, no date beside it
        ("<span>Breaking News |</span><span>March 3, 2024</span>", []),  # a label, not a name
        ("<span>Home |</span><span>March 3, 2024</span>", []),  # one word is not a full name
    ],
)
def test_a_name_and_a_bar_beside_the_date_under_the_headline_is_the_byline(line, authors):
    html = page(body=f"<article><h1>Headline</h1><div>{line}</div>{BODY}</article>", lang="tr")
    assert extracted(html)["authors"] == authors


def test_an_unmarked_by_line_far_below_the_headline_is_not_a_byline():
    filler = "<div><span>x</span></div>" * 20
    html = page(body=f"<article><h1>Headline</h1>{filler}<p>By Anna Fink</p>{BODY}</article>")
    assert extracted(html)["authors"] == []


def test_an_author_label_in_a_facts_box_below_the_article_names_the_author():
    filler = "<div><span>x</span></div>" * 40
    box = "<ul><li><strong>Datum</strong> 28.04.2023</li><li><strong>Autorin/Autor</strong>\nRoman Goncharenko</li></ul>"
    html = page(body=f"<article><h1>Headline</h1>{BODY}</article>{filler}{box}", lang="de")
    assert extracted(html)["authors"] == ["Roman Goncharenko"]
    # a plain "By" that far down is a sentence, not a byline; a label inside a long block is prose
    prose = "<p>Author: Jane Doe wrote in her memoir about the years she spent in the city and its harbour.</p>"
    assert extracted(page(body=f"<article><h1>Headline</h1>{BODY}</article>{filler}{prose}"))["authors"] == []


def test_a_publisher_meta_named_as_author_gives_way_to_the_labelled_person():
    head = meta("publisher", "Deutsche Welle (www.dw.com)") + meta("author", "Deutsche Welle (www.dw.com)")
    body = f"<article><h1>Headline</h1>{BODY}</article><ul><li><strong>Autor</strong> Roman Goncharenko</li></ul>"
    assert extracted(page(head, body, lang="de"))["authors"] == ["Roman Goncharenko"]
    # without a publisher meta, a name the page declares stays, unless its web address says it is the site
    assert extracted(page(meta("author", "Deutsche Welle"), body, lang="de"))["authors"] == ["Deutsche Welle"]
    assert extracted(page(meta("author", "Deutsche Welle (www.dw.com)"), body, lang="de"))["authors"] == ["Roman Goncharenko"]


@pytest.mark.parametrize(
    ("author", "authors"),
    [
        ("SPIEGEL ONLINE, Hamburg, Germany", ["SPIEGEL ONLINE"]),  # spiegel.de: the publisher's address
        ("Sebastian Held, Daniel Hentschel, Germany", ["Sebastian Held", "Daniel Hentschel"]),
        ("Jane Doe, Lisa Berlin", ["Jane Doe", "Lisa Berlin"]),  # no country: every name stays
    ],
)
def test_a_place_and_country_after_the_names_in_an_author_meta_are_no_authors(author, authors):
    assert extracted(page(meta("author", author), f"<article><h1>H</h1>{BODY}</article>", lang="de"))["authors"] == authors


def test_a_publisher_in_the_author_meta_gives_way_to_a_person_in_another_author_meta():
    site = meta("og:site_name", "Badische Zeitung", "property") + meta("author", "Badische Zeitung")
    body = f"<article><h1>Headline</h1>{BODY}</article>"
    assert extracted(page(site + meta("cXenseParse:author", "Lisa Petrich", "property"), body, lang="de"))["authors"] == ["Lisa Petrich"]
    # a handle, a company, a web address, the publisher again or an agency in the other meta: the publisher stays
    for other in ("lisapetrich", "Badische Verlag GmbH", "https://example.com/lisa", "Badische Zeitung", "Anadolu Ajansı"):
        assert extracted(page(site + meta("article:byline", other), body, lang="de"))["authors"] == ["Badische Zeitung"], other
    # a person in the first author meta is never replaced by a later one
    assert extracted(page(meta("author", "Anna Fink") + meta("parsely-author", "Lisa Petrich"), body))["authors"] == ["Anna Fink"]


@pytest.mark.parametrize(
    "declared",
    [
        meta("author", "Le Monde") + '<link rel="canonical" href="https://www.lemonde.fr/politique/article/x.html">',  # the address
        meta("author", "mediaindonesia.com developer"),  # a web address
        meta("author", "Süddeutsche.de GmbH, Munich, Germany"),  # a company
        meta("author", "Prisma Média"),  # gala.fr: a media company, in French
        meta("author", "Ringier AG"),
    ],
)
def test_an_author_meta_naming_the_address_a_company_or_a_site_gives_way_to_the_byline(declared):
    body = f'<article><h1>Headline</h1><div class="author-name">Bertrand Bissuel</div>{BODY}</article>'
    assert extracted(page(declared, body, lang="fr"))["authors"] == ["Bertrand Bissuel"]


def test_a_place_after_the_name_in_a_by_line_is_not_an_author():
    for line, authors in (
        ("Von Markus Balser, Berlin", ["Markus Balser"]),
        ("Von Paula Steiger, SDA", ["Paula Steiger", "SDA"]),  # an agency stays
        ("By Jane Doe, Reuters", ["Jane Doe", "Reuters"]),
    ):
        html = page(body=f'<article><h1>H</h1><div class="byline">{line}</div>{BODY}</article>', lang="de")
        assert extracted(html)["authors"] == authors, line


def test_an_author_meta_that_spells_the_sites_domain_is_the_publisher():
    head = meta("og:site_name", "www.elespectador.com", "property") + meta("author", "El Espectador")
    body = f'<article><h1>Headline</h1><div class="author-name">Felipe Morales Sierra</div>{BODY}</article>'
    assert extracted(page(head, body, lang="es"))["authors"] == ["Felipe Morales Sierra"]
    # a name that merely starts like the domain is someone's (the page names it beside the article)
    other = meta("og:site_name", "www.elespectador.com", "property") + meta("author", "El Espectadorio")
    named = body.replace("</article>", "</article><aside>Más de El Espectadorio</aside>")
    assert extracted(page(other, named, lang="es"))["authors"] == ["El Espectadorio"]


def test_the_domain_an_author_meta_spells_is_the_one_the_publisher_registered():
    # under a subdomain ("weekly.ascii.jp") and under a country's second level ("bbc.co.uk")
    body = f'<article><h1>Headline</h1><div class="author-name">Jane Marlow</div>{BODY}</article>'
    for address, brand in (
        ("https://weekly.ascii.jp/elem/000/001/", "ASCII"),
        ("https://www.bbc.co.uk/news/world-1", "BBC"),
        ("https://edition.cnn.com/2024/05/01/x/", "CNN"),
    ):
        html = page(meta("og:url", address, "property") + meta("author", brand), body)
        assert extracted(html)["authors"] == ["Jane Marlow"], address
    # the subdomain of a blog host is its writer's, not the host's name
    html = page(meta("og:url", "https://janemarlow.substack.com/p/x", "property") + meta("author", "Jane Marlow"), body)
    assert extracted(html)["authors"] == ["Jane Marlow"]
    named = body.replace("</article>", "</article><aside>More from Weekly</aside>")
    html = page(meta("og:url", "https://weekly.ascii.jp/elem/", "property") + meta("author", "Weekly"), named)
    assert extracted(html)["authors"] == ["Weekly"]  # the subdomain's word is no publisher


def test_a_newsroom_in_another_author_meta_does_not_replace_the_publisher():
    head = meta("og:site_name", "La República", "property") + meta("author", "La República")
    for desk in ("Redacción LR", "Noticias Trome", "Online-Redaktion"):
        html = page(head + meta("article:byline", desk), f"<article><h1>Headline</h1>{BODY}</article>", lang="es")
        assert extracted(html)["authors"] == ["La República"], desk


def test_a_section_label_in_front_of_full_names_in_a_byline_is_not_an_author():
    byline = '<div class="article__author">Politik &#xB7; Jochen Bittner, Tina Hildebrandt</div>'
    assert extracted(page(body=f"<article><h1>H</h1>{byline}{BODY}</article>", lang="de"))["authors"] == [
        "Jochen Bittner",
        "Tina Hildebrandt",
    ]
    # a one-word name with nothing fuller beside it stays
    assert extracted(page(body=f'<article><h1>H</h1><div class="byline">By Kim</div>{BODY}</article>'))["authors"] == ["Kim"]


def test_an_author_meta_written_family_name_first_is_one_person_when_the_page_shows_the_name():
    head = meta("parsely-author", "Gillman, Steve")
    shown = '<img class="author-thumbnail" alt="Steve Gillman" src="/a.jpg">'
    assert extracted(page(head, f"<article><h1>H</h1>{shown}{BODY}</article>"))["authors"] == ["Steve Gillman"]
    # without the page saying so, "A, B" stays two people
    assert extracted(page(meta("author", "Smith, Jones"), f"<article><h1>H</h1>{BODY}</article>"))["authors"] == ["Smith", "Jones"]


def test_an_unmarked_by_line_does_not_replace_a_person_in_the_metadata():
    html = page('<meta name="author" content="Kim Lee">', body=f"<article><h1>Headline</h1><p>By Anna Fink</p>{BODY}</article>")
    assert extracted(html)["authors"] == ["Kim Lee"]


@pytest.mark.parametrize(
    "line, authors",
    [
        ('<span class="date">In News, Portugal, Tourism - 02 Feb 2025, 20:02</span>', []),  # sections, not people
        ('<div class="story-meta">Espectáculos / Polémica</div>', []),
        ('<div class="meta image-caption">EMBED More Videos Houston beauty chain is banning men</div>', []),
        ('<div class="post-meta">Jane Doe · 3 March 2024</div>', ["Jane Doe"]),  # a full name still counts
        ('<div class="entry-meta">By Kim · 3 March 2024</div>', ["Kim"]),  # and a "By" line
        # a menu of the site's meta links: each link a word, no name (transgen.de, horizont.net)
        ('<ul class="navmeta"><li><a href="/l">Leitlinien</a></li><li><a href="/i">Impressum</a></li></ul>', []),
        ('<div class="navigationMetaGroup"><a href="/n">Newsletter</a> <a href="/j">HORIZONTJobs</a> <a href="/a">Abo</a></div>', []),
        ('<div class="menu-meta">Jane Doe · 3 March 2024</div>', []),
        # the site's own links, named with the word its address spells (dw.com's "metaLink"s)
        ('<div class="metaLink"><a href="/en/dw-akademie/s-9519">DW AKADEMIE</a></div>', []),
        ('<div class="metaLink"><a href="/en/about-dw/s-30688">ABOUT DW</a></div>', []),
    ],
)
def test_a_date_or_meta_line_gives_authors_only_when_it_names_people(line, authors):
    canonical = '<link rel="canonical" href="https://www.dw.com/en/story/a-52047361">'
    assert extracted(page(canonical, f"<article><h1>Headline</h1>{line}{BODY}</article>"))["authors"] == authors


def test_an_account_name_in_the_metadata_gives_way_to_the_persons_name():
    person = {"@type": "Person", "name": "edilson.la.rosa"}
    head = ld({"@type": "NewsArticle", "headline": "Headline", "author": person}) + '<meta name="author" content="Edilson La Rosa">'
    assert extracted(page(head, body=BODY))["authors"] == ["Edilson La Rosa"]
    html = page(
        '<meta name="sailthru.author" content="mikecason">',
        body='<h1>Headline</h1><div class="byline">By Mike Cason | mcason@al.com</div>' + BODY,
    )
    assert extracted(html)["authors"] == ["Mike Cason"]  # and the e-mail beside the name is no second author


def test_a_domain_as_the_metadata_author_is_kept():
    assert extracted(page('<meta name="author" content="mbl.is">', body="<h1>Headline</h1>" + BODY))["authors"] == ["mbl.is"]


@pytest.mark.parametrize(
    ("shown", "authors"),
    [
        ('<div class="byline">Uppdaterad 2019-05-03 12:34</div>', []),  # Swedish: "Updated"
        ('<div class="byline">Av Anna Berg, publicerad 2019-05-03</div>', ["Anna Berg"]),
        ('<div class="byline">Oppdatert 03.05.2019</div>', []),  # Norwegian
        ('<div class="byline">Anna Berg · Oppdatert 12:34</div>', ["Anna Berg"]),
        ('<div class="byline">Anna Berg Uppdaterad 12:34</div>', ["Anna Berg"]),
        # hbl.fi: a byline of two dates, the second labelled
        ('<p class="byline"><span class="pubdate">28.5.2020 17:43</span> <span class="pubdate">Uppdaterad 28.5.2020 17:43</span></p>', []),
        ('<div class="byline">Son Güncelleme: 30.04.2024</div>', []),  # Turkish: "Last update"
        ('<div class="byline">Aggiornato il 03/05/2019</div>', []),  # Italian
    ],
)
def test_the_label_a_date_leaves_behind_is_no_author(shown, authors):
    assert extracted(page(body=f"<article><h1>A headline of a few words</h1>{shown}{BODY}</article>"))["authors"] == authors


@pytest.mark.parametrize(
    ("author", "authors"),
    [
        ("Mike Cason, mcason@al.com", ["Mike Cason"]),  # the address beside the name is no second author
        ("Ann Lee.", ["Ann Lee"]),
        ("Ann Lee Jr.", ["Ann Lee Jr."]),  # an abbreviation keeps its period
    ],
)
def test_an_address_or_a_closing_period_beside_the_name_is_not_part_of_it(author, authors):
    assert extracted(page(meta("author", author), "<h1>Headline</h1>" + BODY))["authors"] == authors


# --- budgets stay exact when found faster -----------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "<p>short</p>" * 50,
        "<div " + "a " * 1000 + ">x</div>",  # exactly 2,001 characters after '<'
        "<div " + "a " * 999 + ">x</div>",  # one short
        "<svg><path d='" + "1 " * 3000 + "'/></svg>",
        "<div " + "b " * 1500 + "<span>" + "c" * 3000,  # a '<' inside, then an unclosed long text
        "x < y " * 1000 + "<a" + "z" * 2500,
        "<1" + "q" * 3000 + ">",  # not a tag: '<' and a digit
        "x" * 1999 + "<div " + "a " * 1500 + ">",  # the '<' on a multiple of the stride
        "x" * 1000 + "<i " + "a" * 1996 + "<b " + "c" * 9000 + "<u " + "d" * 2001,  # stretches end to end
        "<" * 5000 + "<p " + "e " * 1200 + ">" + "<" * 5000,  # among thousands of '<'
        "t" * 50_000,  # no '<' at all
        "<" + "b" * 2001 + "<" + "c" * 2000,  # 2,001 characters after the '<' (long), then 2,000 (not)
    ],
)
def test_long_tags_found_with_str_methods_are_those_the_regex_finds(source):
    from masthead.extract.htmlparse import _LONG_TAG_CHARS, _long_tags

    spec = re.compile(rf"<[A-Za-z][^<>]{{{_LONG_TAG_CHARS},}}")  # what "a long tag" means: over 2,000 characters
    assert _long_tags(source) == [(m.start(), m.group(0)[1:]) for m in spec.finditer(source)]


def test_a_json_ld_person_with_given_and_family_names():
    people = [
        {"@type": "Person", "givenName": "Anna Giulia", "familyName": "Fink"},
        {"@type": "Person", "givenName": "Jan", "familyName": "Marchart"},
    ]
    html = page(ld({"@type": "NewsArticle", "headline": "H", "author": people}), "<h1>H</h1>" + BODY)
    assert extracted(html)["authors"] == ["Anna Giulia Fink", "Jan Marchart"]


def test_a_date_in_furniture_named_as_metadata_is_read_but_not_body_text():
    meta_nav = '<ul class="nav meta"><li><a href="/time/2020-10-13">13 Oct 2020 18:29</a></li></ul>'
    result = extracted(page(body=f"<article><h1>H</h1>{meta_nav}{BODY}</article>"), with_body=True)
    assert result["published_at"][:10] == "2020-10-13" and "Oct 2020" not in result["body"]


def test_a_byline_box_named_like_page_furniture_gives_the_byline_but_not_body_text():
    box = '<div class="widget article__authors"><ul><li><span class="author__name">Diogo Carleto</span></li></ul></div>'
    result = extracted(page(body=f'<main><h1>H</h1><div class="widget share">Share this</div>{box}{BODY}</main>'), with_body=True)
    assert result["authors"] == ["Diogo Carleto"]
    assert "Diogo" not in result["body"] and "Share this" not in result["body"]


def test_an_aside_or_footer_named_as_a_byline_box_gives_the_byline_and_date_but_not_body_text():
    footer = (
        '<footer class="article-meta"><p class="article-date">06.11.2023 | 14:10</p><p class="article-author">Von Anna Fink</p></footer>'
    )
    result = extracted(page(body=f"<article><header><h1>H</h1>{footer}</header>{BODY}</article>", lang="de"), with_body=True)
    assert (result["published_at"][:10], result["authors"]) == ("2023-11-06", ["Anna Fink"])
    assert "Anna Fink" not in result["body"]
    aside = '<aside class="author"><h3><a href="/auteur/jeanne-corriveau">Jeanne Corriveau</a></h3><time datetime="2020-02-19">19 février 2020</time></aside>'
    result = extracted(page(body=f"<main><h1>H</h1><div>{aside}{BODY}</div></main>", lang="fr"), with_body=True)
    assert (result["published_at"][:10], result["authors"]) == ("2020-02-19", ["Jeanne Corriveau"])
    assert "Corriveau" not in result["body"]
    # a <nav> named "meta" is the site's small top menu, and an aside named otherwise is dropped unread
    for furniture in (
        '<nav class="nav--meta"><a href="/n">Nachrichten Meinung</a></nav>',
        '<aside class="teasers"><p>Von Anna Fink</p><time datetime="2023-11-06">6. November</time></aside>',
    ):
        result = extracted(page(body=f"<main>{furniture}<h1>H</h1>{BODY}</main>", lang="de"))
        assert (result["published_at"], result["authors"]) == (None, []), furniture


@pytest.mark.parametrize(
    ("story", "authors"),
    [
        ("<p>Hamburg (dpa/lno) – Trotz eines Gesprächs zwischen den Parteien bleiben die Fronten verhärtet.</p>", ["dpa/lno"]),
        ("<p>PARIS (AFP) - The government announced on Tuesday a new plan for the railways of the country.</p>", ["AFP"]),
        ("<p>Washington (CNN) — The government announced on Tuesday a new plan for the railways of the country.</p>", []),
        (BODY + "<p>Quelle: MDR/ls</p>", ["MDR/ls"]),
        (BODY + "<p>Quelle: Statistisches Bundesamt</p>", []),
    ],
)
def test_an_agency_dateline_or_source_line_is_the_byline_of_a_page_without_one(story, authors):
    assert extracted(page(body=f"<article><h1>Headline</h1>{story}</article>"))["authors"] == authors


@pytest.mark.parametrize(
    ("lines", "authors"),
    [
        (
            "<br/>Quelle: © www.juragentur.de<br/><br/>Autor: <a href='/rechtsanwalt/'>Rechtsanwalt</a> Sebastian Einbock",
            ["Sebastian Einbock"],
        ),
        ("<br/>Author: Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("<br/>Autor: bitte melden Sie sich an, um zu kommentieren", []),  # no name after the label
    ],
)
def test_an_author_line_among_the_texts_last_lines_names_the_author_of_a_page_without_one(lines, authors):
    story = f"<div class='text'>{'Das Gericht entschied über den Fall des Klägers. ' * 5}{lines}</div>"
    assert extracted(page(body=f"<article><h1>Wohngeld</h1>{story}</article>", lang="de"))["authors"] == authors


KO_TEXT = "정부는 오늘 새로운 정책을 발표했다. 시민들은 대체로 환영하는 분위기다. " * 4


@pytest.mark.parametrize(
    ("story", "authors"),
    [
        (f"<p>(서울=연합뉴스) 홍길동 기자 = {KO_TEXT}</p>", ["홍길동"]),
        (f"<p>[부산=스포츠조선 선수민 기자] {KO_TEXT}</p>", ["선수민"]),
        (f"<p>{KO_TEXT}</p><p>마지막 문단이다.부산=선수민 기자 sunsoo@example.com</p>", ["선수민"]),
        # at the end of a long last paragraph (a short one is read as a line of its own)
        (f"<p>{KO_TEXT}</p><p>{KO_TEXT}마지막 문단이다.부산=선수민 기자 sunsoo@example.com</p>", ["선수민"]),
        (f"<p>{KO_TEXT}</p><p>김철수 이영희 기자 (kim@example.co.kr)</p>", ["김철수", "이영희"]),
        # a press conference ("기자회견") and a reporter in the text ("기자는") are no byline
        (f"<p>대통령은 기자회견에서 = {KO_TEXT}</p><p>홍길동 기자는 말했다. {KO_TEXT}</p>", []),
    ],
)
def test_a_korean_reporters_byline_in_the_text_names_the_author_of_a_page_without_one(story, authors):
    assert extracted(page(body=f"<article><h1>제목</h1>{story}</article>", lang="ko"))["authors"] == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("<span>김철수·이영희 기자</span><span>입력 2024.03.05 10:21</span>", ["김철수", "이영희"]),
        ('<div class="info">김철수 기자 입력 2024.03.05 10:21</div>', ["김철수"]),
        ('<p class="lead">정부는 기자회견을 열었다.</p>', []),
    ],
)
def test_a_korean_reporters_line_under_the_headline_is_the_byline(line, authors):
    result = extracted(page(body=f"<article><h1>제목</h1>{line}<p>{KO_TEXT}</p></article>", lang="ko"))
    assert result["authors"] == authors


@pytest.mark.parametrize(("line", "authors"), [("JIJI", ["JIJI"]), ("AFP, MANILA", ["AFP"]), ("CNN", []), ("Opinion", [])])
def test_a_wire_agency_alone_under_the_headline_is_the_byline(line, authors):
    assert extracted(page(body=f'<article><h1>Headline</h1><p class="credit">{line}</p>{BODY}</article>'))["authors"] == authors


@pytest.mark.parametrize(
    ("link", "authors"),
    [
        ('<a href="https://example.com/fr/staff/uriel-gadessaud/">Uriel Gadessaud</a>', ["Uriel Gadessaud"]),
        (
            '<a href="/autor/kf"><img alt="Kathrin F"><span class="copyright">© Kathrin Führes</span>'
            '<span itemprop="name">Kathrin Führes</span></a>',
            ["Kathrin Führes"],
        ),
        ('<a href="/author/pa">PA</a>', []),
        ('<a href="/author/180/">著者：後藤大地</a>', ["後藤大地"]),  # a name in a script without spaces
        ('<a href="/topics/uriel-gadessaud/">Uriel Gadessaud</a>', []),
        # aftonbladet.se: "/av/" (Swedish "by") and the name in an element of the link
        (
            '<a href="/av/amanda-hallsten" aria-label="Se alla artiklar av Amanda Hällsten"><span>Amanda Hällsten</span></a>',
            ["Amanda Hällsten"],
        ),
        ('<a href="/journalist/jane-doe">Jane Doe</a>', ["Jane Doe"]),
        ('<a href="https://www.asahi.com/sns/reporter/?iref=com_rnavi">Unsere Reporter</a>', []),  # the index of them all
        ('<a href="/autores/lorenzo-marina.html">Lorenzo Marina</a>', ["Lorenzo Marina"]),  # in more languages
        ('<a href="/autori/mario-rossi">Mario Rossi</a>', ["Mario Rossi"]),
        ('<a href="/contributors/jane-doe">Jane Doe</a>', ["Jane Doe"]),
    ],
)
def test_a_link_to_an_authors_page_in_the_article_names_the_author(link, authors):
    html = page(body=f"<article><h1>Headline</h1>{BODY}<p>{link}</p></article>")
    assert extracted(html)["authors"] == authors


@pytest.mark.parametrize(
    ("column", "authors", "date"),
    [
        ("Tech-Sidebar col_1_4", ["Alberto Ávila"], "2019-08-27"),  # the story's own column: read, then dropped
        ("news-related", [], None),  # a box of other stories: their author is not this one's
        ("comments", [], None),
    ],
)
def test_a_column_of_the_article_named_as_furniture_is_read_for_its_byline_and_date(column, authors, date):
    box = (
        f'<div class="{column}"><ul><li><a href="/categoria/smartphones/">Smartphones</a></li></ul>'
        '<span class="Tech-Author">Por <a href="/author/avila/">Alberto Ávila</a></span>'
        '<span class="Tech-Date">27 de agosto 2019</span></div>'
    )
    story = "<p>" + "Las marcas dificultan el trabajo de tus aplicaciones en segundo plano. " * 4 + "</p>"
    result = extracted(
        page(body=f"<article><h1>Marcas</h1><div class='row'>{box}<div>{story}</div></div></article>", lang="es"), with_body=True
    )
    assert (result["authors"], (result["published_at"] or "")[:10] or None) == (authors, date)
    assert "Smartphones" not in result["body"]


def test_a_side_column_of_two_reporters_names_both():
    people_box = "".join(
        f"<div class='author'><a class='author__name' href='mailto:{n}@nrk.no'>{name}<span> – Journalist</span></a>"
        "<span class='author__role'>Journalist</span></div>"
        for n, name in enumerate(["Mathias Hagen", "Anders Skjerdingstad"])
    )
    column = f"<div class='article-header-sidebar'><div class='authors'>{people_box}</div><ul><li>Del</li></ul></div>"
    result = extracted(page(body=f"<article><h1>Paris</h1><div>{column}<div>{BODY}</div></div></article>", lang="no"))
    assert result["authors"] == ["Mathias Hagen", "Anders Skjerdingstad"]


@pytest.mark.parametrize(
    ("byline", "lang", "authors"),
    [
        ('<h3 class="rez_autor">Von <a href="/public/mitarbeiterinfo.php?rez_id=5503">Vanessa Franke</a></h3>', "de", ["Vanessa Franke"]),
        ('<span class="auteur">Par Jean Dupont</span>', "fr", ["Jean Dupont"]),
        (
            # an avatar of initials before each name
            '<div class="autor">'
            + "".join(
                f'<div class="item"><div class="sigla"><a href="/autor?termo={n}"><div class="letras">{i}</div></a></div>'
                f'<div class="name">{n}</div></div>'
                for i, n in (("LP", "Luana Patriolino"), ("RF", "Raphael Felice"))
            )
            + "</div>",
            "pt",
            ["Luana Patriolino", "Raphael Felice"],
        ),
    ],
)
def test_a_byline_named_in_spanish_portuguese_german_or_french(byline, lang, authors):
    # after the text, far from the headline, where only its class marks it as the byline
    text = BODY + "<p>Und weiter.</p>" * 40
    assert extracted(page(body=f"<article><h1>Headline</h1>{text}{byline}</article>", lang=lang))["authors"] == authors


def test_a_byline_box_named_in_another_language_beside_furniture_words_is_read_before_it_is_dropped():
    box = '<div class="autor-share"><ul><li>Teilen Sie den Artikel</li></ul><span class="autor">Von Anna Fink</span></div>'
    result = extracted(page(body=f"<article><h1>Headline</h1>{BODY}{'<p>Und weiter.</p>' * 40}{box}</article>", lang="de"), with_body=True)
    assert result["authors"] == ["Anna Fink"] and "Teilen" not in result["body"]


def test_the_name_a_byline_marks_with_itemprop_name_is_read_without_the_outlet_beside_it():
    byline = (
        "<address class='css-4to682-StyledByline'><a href='/profile/dan-jervis-bardy'><span itemprop='name'>Dan Jervis-Bardy</span></a>"
        "<span class='css-u00k62-StyledBylineTextBlock'>The West Australian</span><span>Tue, 26 November 2024 4:30AM</span></address>"
    )
    assert extracted(page(body=f"<article><h1>Climate change</h1>{byline}{BODY}</article>"))["authors"] == ["Dan Jervis-Bardy"]


@pytest.mark.parametrize(
    "caption",
    [
        '<p class="ImageMetadata__Paragraph image-metadata"><span class="title">Felipe Berríos </span></p>',
        '<span class="title">El ministro en Madrid. <span class="author"> Juan José Guillén</span></span>',
    ],
)
def test_a_pictures_caption_and_credit_are_no_byline(caption):
    figure = f"<figure><img src='/a.jpg' alt=''><figcaption>{caption}</figcaption></figure>"
    byline = (
        "<section class='ts-byline'><span class='ts-byline__by'>Por</span><span class='ts-byline__names'> Rodrigo Mejías</span></section>"
    )
    assert extracted(page(body=f"<article><h1>Ministra</h1>{figure}{byline}{BODY}</article>", lang="es"))["authors"] == ["Rodrigo Mejías"]


@pytest.mark.parametrize(
    ("credit", "lang"), [("Фото из Инстаграма Лукаша Подольски", "ru"), ("Photo by Janet Roe", "en"), ("Foto von Reuters", "de")]
)
def test_an_author_element_that_starts_with_a_pictures_label_is_the_photographers(credit, lang):
    # football.ua: <div class="photo-text"><span class="author">Фото из Инстаграма …</span></div>
    photo = f'<div class="article-photo"><img src="/a.jpg" alt=""><div class="photo-text"><span class="author">{credit}</span></div></div>'
    assert extracted(page(body=f"<article><h1>Подольски</h1>{photo}{BODY}</article>", lang=lang))["authors"] == []
    byline = '<p class="byline">By Jane Doe</p>'
    assert extracted(page(body=f"<article><h1>Podolski</h1>{photo}{byline}{BODY}</article>", lang=lang))["authors"] == ["Jane Doe"]


def test_a_paragraph_in_a_pictures_caption_is_no_body_and_its_credit_is_kept():
    # "<figcaption><p>…</p><p>Foto: …</p></figcaption>" (abendblatt.de, nature.com): the caption
    # is neither the story's text nor its summary; its credit line is the picture's credit
    figure = (
        '<figure><img src="/a.jpg" alt=""><figcaption><div><p>Exotic fruit is in demand: the market\'s head with mangos.</p>'
        "</div><p>Photo: Michael Rauhe</p></figcaption></figure>"
    )
    result = extracted(page(body=f"<article><h1>Mangos</h1>{figure}{BODY}</article>"), with_body=True)
    assert "mangos" not in result["body"] and result["summary"].startswith("The story's first paragraph")
    assert result["image_credits"] == ["Michael Rauhe"]


def test_a_slideshows_long_captions_are_its_story():
    # popsugar.com: each slide's "caption" is a long paragraph of the article
    slide = (
        "<figure><img src='/a.jpg' alt=''><figcaption><p>"
        + "Sasha says to take the time to find pieces with meaning. " * 6
        + "</p></figcaption></figure>"
    )
    result = extracted(page(body=f"<article><h1>Decorating</h1>{slide * 3}</article>"), with_body=True)
    assert result["body"].count("Sasha says") == 18


def test_a_writers_box_named_as_a_side_column_is_read_before_it_is_dropped():
    box = '<div class="ft-mol-writer ft-mol-writer--side"><p><a href="/autores/lorenzo-marina.html">Lorenzo Marina</a></p></div>'
    result = extracted(page(body=f"<article><h1>Drogenrazzia</h1>{box}{BODY}</article>", lang="de"), with_body=True)
    assert result["authors"] == ["Lorenzo Marina"]
    assert "Lorenzo" not in result["body"]


def test_an_author_page_link_in_a_related_card_outside_the_article_is_not_the_author():
    card = '<aside><a href="/author/someone-else/">Someone Else</a></aside>'
    assert extracted(page(body=f"<article><h1>Headline</h1>{BODY}</article>{card}"))["authors"] == []


def test_the_byline_of_another_storys_card_is_not_the_articles():
    # lastampa.it: the story shows no byline; a related story's <article>, in it, shows its own
    related = (
        "<div class='entry__more'><article class='entry'><div class='entry__content'>"
        "<h3><a href='/cronaca/2020/02/18/news/neve'>Neve in arrivo</a></h3>"
        "<span class='entry__author'>giampiero maggio</span></div></article></div>"
    )
    story = f"<main><article><h1>Perturbazione polare al Centro e al Sud</h1>{BODY}{related}{BODY}</article></main>"
    assert extracted(page(body=story))["authors"] == []
    # a card's byline gives way to the article's own, further down
    own = "<p class='byline'>By Jane Doe</p>"
    assert extracted(page(body=story.replace(f"{BODY}</article>", f"{own}{BODY}</article>")))["authors"] == ["Jane Doe"]


_TEASER_LINK_CARD = (
    "<article class='card-default'><div><a href='/kaernten/19848427/video'><h2>Spektakuläres Video vom Großbrand</h2></a>"
    "<div class='t-info'><a href='https://www.kleinezeitung.at/autor/747/petra-lerchbaumer'>Petra Lerchbaumer</a></div></div></article>"
)
_TEASER_VON_CARD = (
    "<article class='card-default'><a href='/kaernten/19848427/video'><h1>Spektakuläres Video vom Großbrand</h1></a>"
    "<div class='t-info'><p>von <a href='/p/747'>Petra Lerchbaumer</a></p></div></article>"
)


def _kleinezeitung_story(card: str, after: str = "") -> str:
    return page(
        body=f"<main><article><header><h1>Nur ein Drittel der Kinder kam in die Schule</h1></header>{BODY}{card}{after}</article></main>"
    )


# kleinezeitung.at without its metadata: a teaser card in the article, below the story, holds the only
# author-page link, or a headline of its own with "von Name" under it
@pytest.mark.parametrize("card", [_TEASER_LINK_CARD, _TEASER_VON_CARD], ids=["author-page-link", "von-line"])
def test_an_author_in_another_storys_teaser_card_is_not_the_articles(card):
    assert extracted(_kleinezeitung_story(card))["authors"] == []


def test_the_articles_own_author_page_link_after_a_teaser_card_names_its_author():
    own = "<div class='t-info'><a href='https://www.kleinezeitung.at/autor/12/andre-schmidt'>André Schmidt</a></div>"
    assert extracted(_kleinezeitung_story(_TEASER_LINK_CARD, own))["authors"] == ["André Schmidt"]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("<pre>", "</pre>"), ("<dl><dt>", "</dt></dl>"), ("<h5><div>", "</div></h5>"), ("<li><h6>", "</h6></li>")],
    ids=["pre", "dt", "h5", "li-h6"],
)
def test_a_block_inside_a_block_read_whole_is_not_read_again(opening, closing):
    # a fuzzed page nested <dt>s in <dl>s: each level gave the whole text again (28 million
    # characters of body from a 1 MB page); taipeitimes.com's ranking: <li><a><h5>title</h5></a></li>
    story = f"<article><h1>Headline</h1>{BODY}{opening * 20}inner words here{closing * 20}</article>"
    assert extracted(page(body=story), with_body=True)["body"].count("inner words here") == 1


def test_an_author_in_a_small_box_with_another_storys_linked_title_is_not_the_articles():
    # freebeacon.com without its metadata: a "Top hits" column before the story lists other stories,
    # each a category, a linked <h4> and an author-page link, in boxes named after their layout
    hit = (
        "<div class='my-2'><div><div class='category'><a href='/culture/'>Culture</a></div>"
        "<h4 class='mb-0'><a href='/?p=1675563'>FACT CHECK: Is Tom Brady's New Girlfriend Jewish?</a></h4>"
        "<div class='text-blue'><div class='w-fit'><div class='w-fit'><a href='https://freebeacon.com/author/tim-rice/'>Tim Rice</a></div>"
        "<div class='w-fit'>January 11, 2023</div></div></div></div></div>"
    )
    own = "<div><span><div class='w-fit'><a href='https://freebeacon.com/author/chuck-ross/'>Chuck Ross</a></div></span></div>"
    story = f"<main><div class='grid'><h3>Top hits</h3>{hit}</div><h1>Soros-Backed Group Targets Tester</h1>{own}{BODY}</main>"
    assert extracted(page(body=story))["authors"] == ["Chuck Ross"]


def test_an_author_inside_a_link_to_another_story_with_its_title_is_not_the_articles():
    # badische-zeitung.de without its metadata: a list of teasers, each a link that holds a title, a
    # teaser and "Von Name"; the story's own author is named nowhere else on the page
    teaser = (
        "<li class='media-box__item'><a class='media-box__link' href='/freiburg/wohnen'><div class='media-box__article'>"
        "<span class='media-box__title'>Wo Studierende in Freiburg noch eine Bleibe finden</span>"
        "<span class='media-box__teaser'>Ein Überblick über die Notunterkünfte des Studierendenwerks</span>"
        "<span class='media-box__article__autor'>Von Clara Müller</span></div></a></li>"
    )
    story = f"<main><h1>Viele Studierende sind noch verzweifelt auf Wohnungssuche</h1>{BODY}<ul class='media-box'>{teaser}</ul></main>"
    assert extracted(page(body=story, lang="de"))["authors"] == []
    # a link to the author's page around the byline is no teaser
    own = "<a href='/autoren/lisa-petrich'><span class='autor'>Von Lisa Petrich</span></a>"
    assert extracted(page(body=story.replace("</h1>", f"</h1>{own}"), lang="de"))["authors"] == ["Lisa Petrich"]


def test_a_heading_marked_as_metadata_only_is_no_byline():
    # dw.com without its metadata: the site's menu, outside any <nav>, titles a group of links with
    # "<h4 class="meta">TV Sendungen</h4>" ("TV shows"); the story's byline comes later
    menu = "<ul><li><div class='flyout'><div class='flyoutGroup'><h4 class='meta'>TV Sendungen</h4><a href='/de/tv'>Alle</a></div></div></li></ul>"
    story = f"<div>{menu}<h1>Wie die Ukraine den Krieg erlebt</h1><div class='author'>Roman Goncharenko</div>{BODY}</div>"
    assert extracted(page(body=story, lang="de"))["authors"] == ["Roman Goncharenko"]
    # a heading marked as the author's is a byline
    marked = f"<main><h1>Wie die Ukraine den Krieg erlebt</h1><h4 class='author'>Roman Goncharenko</h4>{BODY}</main>"
    assert extracted(page(body=marked, lang="de"))["authors"] == ["Roman Goncharenko"]


def test_an_author_whose_own_element_is_a_linked_heading_is_the_articles():
    # elespectador.com: the byline is itself a linked heading, in a box of its own below the headline
    credit = (
        "<div class='ACredit-Info'><h3 class='ACredit-Author'><a href='/autores/Felipe Morales/'>Por Felipe Morales Sierra</a></h3></div>"
    )
    story = f"<header><h1>Operación Orión y más hechos</h1></header><main>{credit}{BODY}</main>"
    assert extracted(page(body=story, lang="es"))["authors"] == ["Felipe Morales Sierra"]


def test_an_author_page_link_in_the_headlines_box_outside_the_article_names_the_author():
    header = '<div class="articleHeader"><h1>Headline</h1><div><time>2019/02/22</time></div><a href="/author/180/">Jane Doe</a></div>'
    assert extracted(page(body=f"{header}<div><article>{BODY * 3}</article></div>"))["authors"] == ["Jane Doe"]
    # a headline in a whole column of links is no box of its facts
    column = (
        f'<div><h1>Headline</h1><ul>{"<li>Another story of the day, and its summary</li>" * 40}</ul><a href="/author/x/">Jane Doe</a></div>'
    )
    assert extracted(page(body=f"{column}<div><article>{BODY * 3}</article></div>"))["authors"] == []


def test_an_aside_of_the_article_that_marks_its_author_gives_the_byline_but_not_body_text():
    # die-tagespost.de: the byline column is an <aside> inside the <article>
    aside = "<aside><section class='author'><span class='author-name'><strong>Christoph von Ritter</strong></span></section></aside>"
    html = page(
        "",
        f"<article><div class='grid'><div class='col'><h1>Warum wir jetzt Demut brauchen</h1>{BODY}</div><div class='col'>{aside}</div></div></article>",
        lang="de",
    )
    article = extracted(html, with_body=True)
    assert article["authors"] == ["Christoph von Ritter"]
    assert "Ritter" not in article["body"]
    # the people a story mentions, each in a box of its own, are no byline
    people = (
        "<aside>"
        + "".join(f"<div class='author people'><a href='/tag/{n}'>{n}</a></div>" for n in ("Olivier Véran", "Elon Musk"))
        + "</aside>"
    )
    assert extracted(page("", f"<article><h1>H</h1>{BODY}{people}</article>", lang="fr"))["authors"] == []
    # nor is the site's sidebar outside the article
    assert extracted(page("", f"<article><h1>H</h1>{BODY}</article><aside><div class='author'>Jane Doe</div></aside>"))["authors"] == []


def test_the_person_the_rel_author_links_name_in_a_dropped_sidebar_is_the_author():
    # slate.fr: the byline is a box "L'AUTEUR" in the sidebar, dropped with it before bylines are read
    # (a page with no container named as its story: the sidebar is dropped from the page itself)
    box = "<div id='article_sidebar'><div class='article_leftbar_bloc'><span>L'AUTEUR</span>{}</div><ul><li>Topics</li></ul></div>"
    link = "<a href='/source/titiou-lecoq' rel='author'>Titiou Lecoq</a><a href='/source/titiou-lecoq'>Ses articles</a>"
    story = f"<div><h1>Headline</h1>{BODY * 2}</div>"
    assert extracted(page(body=story + box.format(link)))["authors"] == ["Titiou Lecoq"]
    # links naming several people are related stories' cards, not the byline
    cards = link + "<a href='/source/x' rel='author'>Jean Dupont</a>"
    assert extracted(page(body=story + box.format(cards)))["authors"] == []
    # nor is a link that names no person
    team = "<a href='/source/x' rel='author'>Voir tous les articles</a>"
    assert extracted(page(body=story + box.format(team)))["authors"] == []


def test_a_metadata_author_that_is_no_name_leaves_the_visible_byline_to_be_read():
    head = meta("author", "No Author")
    html = page(head, '<article><h1>Headline</h1><div class="byline">By Jane Doe</div>' + BODY + "</article>")
    assert extracted(html)["authors"] == ["Jane Doe"]


def test_an_agency_dateline_does_not_replace_a_person_byline():
    story = '<div class="byline">By Jane Doe</div><p>PARIS (AFP) - The government announced a new plan for the railways.</p>'
    assert extracted(page(body=f"<article><h1>Headline</h1>{story}</article>"))["authors"] == ["Jane Doe"]


@pytest.mark.parametrize(
    ("site", "author", "authors"),
    [
        ("ITmedia PC USER", "田中宏昌，ITmedia", ["田中宏昌"]),
        ("Example News", "Jane Doe, Example", ["Jane Doe"]),
        ("Example News", "Jane Doe, Other", ["Jane Doe", "Other"]),
        ("Example News", "Example avec AFP", ["Example", "AFP"]),
        ("Example News", "Example", ["Example"]),
    ],
)
def test_the_outlet_beside_a_person_in_an_author_meta_is_not_an_author(site, author, authors):
    head = meta("og:site_name", site, "property") + meta("author", author)
    assert extracted(page(head, "<article><h1>Headline</h1>" + BODY + "</article>"))["authors"] == authors


def test_a_microdata_person_given_several_names_is_several_people():
    body = (
        '<article itemscope itemtype="https://schema.org/NewsArticle"><h1>H</h1>'
        '<div itemprop="author" itemscope itemtype="http://schema.org/Person">'
        '<span itemprop="name">Paul Wiseman</span><span itemprop="name">Fatima Hussein</span></div>' + BODY + "</article>"
    )
    assert extracted(page(body=body))["authors"] == ["Paul Wiseman", "Fatima Hussein"]


@pytest.mark.parametrize(
    "name, authors",
    [
        ("Fatima Hussein, The Associated Press", ["Fatima Hussein"]),
        ("Jane Doe, Reuters", ["Jane Doe"]),
        ("Ann Lee, Kyodo News", ["Ann Lee"]),
        ("Povilas Aleksandravičius, professor at the faculty of human studies, Lrt.lt", ["Povilas Aleksandravičius"]),
        ("Jane Doe, site.com", ["Jane Doe"]),
        ("Doe, Jane", ["Doe, Jane"]),
        ("Jane Doe, Berlin", ["Jane Doe, Berlin"]),
    ],
)
def test_a_structured_name_followed_by_its_newsroom_is_the_person(name, authors):
    html = page(ld({"@type": "NewsArticle", "headline": "H", "author": {"@type": "Person", "name": name}}), "<h1>H</h1>" + BODY)
    assert extracted(html)["authors"] == authors


@pytest.mark.parametrize("junk", ["読了時間 3 分", "5 min read", "Veröffentlicht am 13. Mai 2026", "Published"])
def test_reading_times_and_publication_words_are_not_authors(junk):
    html = page(body=f'<article><h1>H</h1><div class="byline">{junk}</div>{BODY}</article>')
    assert extracted(html)["authors"] == []


def test_decompose_leaves_the_removed_elements_without_a_parent():
    """htmldoc reads the blocks found before boilerplate removal and keeps those with a parent:
    selectolax's decompose() must unlink every element of the subtree (and not free them)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser("<body><aside><p>gone</p><ul><li>gone too</li></ul></aside><p>kept</p></body>")
    blocks = tree.css("p, li")
    tree.css_first("aside").decompose()
    assert [(node.tag, node.parent is not None) for node in blocks] == [("p", False), ("li", False), ("p", True)]
    assert blocks[2].text() == "kept"


def test_blocks_inside_removed_furniture_are_not_read():
    body = (
        '<article><h1>H</h1><div class="share-bar"><p>Share this story with your friends on every network.</p></div>' + BODY + "</article>"
    )
    assert "Share this story" not in extracted(page(body=body), with_body=True)["body"]


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


def test_the_date_of_another_storys_card_is_not_the_articles():
    card = '<li><article><header><div class="date">19.03.2024</div><h2><a href="/a/1">Andere Geschichte</a></h2></header></article></li>'
    listing = f'<aside><ul class="listing">{card * 3}</ul></aside>'
    story = f"<article><header><h1>Orden fürs Morden</h1></header>{BODY}</article>"
    shown = '<div class="article-date">25.04.2024</div>'
    # a card's date after the story, or before it, gives way to the article's own
    assert day(page(body=f"<main>{story.replace(BODY, shown + BODY)}{listing}</main>", lang="de")) == "2024-04-25"
    assert day(page(body=f"<main>{listing}{story.replace(BODY, shown + BODY)}</main>", lang="de")) == "2024-04-25"
    # and is never taken for it
    assert day(page(body=f"<main>{story}{listing}</main>", lang="de")) is None
    # nor is the date in the heading of a list's item, a list of other stories
    listed = '<ul><li><h4><a href="/a/2">Andere Geschichte</a> <span class="time">(2024/3/18 14:10)</span></h4></li></ul>'
    assert day(page(body=f"<main>{story}{listed}</main>", lang="de")) is None
    assert day(page(body=f"<main>{story.replace(BODY, shown + BODY)}{listed}</main>", lang="de")) == "2024-04-25"
    # where the headline is in no <article>, an <article> may be the story's body
    bare = f'<main><h1>Orden fürs Morden</h1><article><div class="date">25.04.2024</div>{BODY}</article></main>'
    assert day(page(body=bare, lang="de")) == "2024-04-25"


def test_a_pictures_caption_under_the_headline_dates_the_picture_not_the_article():
    figure = '<figure><img src="/a.jpg"><figcaption><div class="caption">Soldaten in Kundus, 6.12.2010</div></figcaption></figure>'
    html = page(body=f"<main><article><h1>Orden fürs Morden</h1>{figure}{BODY}</article></main>", lang="de")
    assert day(html) is None
    dated = f"<main><article><h1>Orden fürs Morden</h1>{figure}<p>25.04.2024</p>{BODY}</article></main>"
    assert day(page(body=dated, lang="de")) == "2024-04-25"


@pytest.mark.parametrize(
    "embed",
    [
        # an Instagram post embedded in the story (jolie.de, brigitte.de): who posted it, and when
        "<blockquote class='instagram-media'><div><div><p><a href='https://www.instagram.com/p/x/'>A post shared by Spice Girls "
        "(@spicegirls)</a> on <time datetime='2019-06-16T14:30:55+00:00'>Jun 16, 2019 at 7:30am PDT</time></p></div></div></blockquote>",
        # a tweet
        "<blockquote class='twitter-tweet'><p>Words of the tweet.</p>&mdash; Jane Doe (@jane) "
        "<a href='https://twitter.com/jane/status/1'><span class='date'>June 16, 2019</span></a></blockquote>",
    ],
)
def test_an_embedded_posts_date_and_poster_are_not_the_articles(embed):
    article = extracted(page(body=f"<main><article><h1>Adele zeigt sich schlanker denn je</h1>{BODY}{embed}{BODY}</article></main>"))
    assert (article["published_at"], article["authors"]) == (None, [])


@pytest.mark.parametrize("tag", ["footer", "div"])
def test_the_articles_own_footer_that_shows_a_date_is_read_before_it_is_dropped(tag):
    # jolie.de without its metadata: the date line is the article's footer
    footer = (
        f"<{tag} class='article__footer'><div class='article__taxonomy__list'><span class='article__footer__date'>"
        "<a href='/archiv/2019/06/20'>20. Juni 2019</a></span> <strong><a href='/redaktion/amg'>Ann-Marie Galazka</a></strong>"
        f" über <a href='/stars'>Stars</a></div></{tag}>"
    )
    article = extracted(
        page(body=f"<main><article><h1>Adele zeigt sich schlanker denn je</h1>{BODY * 2}{footer}</article></main>", lang="de"),
        with_body=True,
    )
    assert article["published_at"][:10] == "2019-06-20"
    assert "Galazka" not in article["body"]
    # the site's footer is no article's date line
    site = f"<main><article><h1>Adele zeigt sich schlanker denn je</h1>{BODY * 2}</article></main><footer><p>Stand: 30.11.2026</p></footer>"
    assert day(page(body=site, lang="de")) is None


def test_a_commenters_name_a_few_levels_inside_a_comment_is_no_byline():
    # huffingtonpost.com (2010): the readers' comments mark their writers as "author_name"
    comment = "<div id='comment_57219133' class='comment_item'><div class='comment_top'><div class='comment_top_inner'><div class='author_name'>Rca Ieftin<br>0 Fans</div></div></div><p>A comment.</p></div>"
    html = page(body=f"<div class='entry'><h1>Headline of the story</h1>{BODY * 2}</div><div class='reader-area'>{comment}</div>")
    assert extracted(html)["authors"] == []
    # in Spanish, with one m
    spanish = (
        html.replace("comment_item", "comentario-item").replace("comment_57219133", "comentario-57219133").replace("comment_top", "c-top")
    )
    assert extracted(spanish)["authors"] == []
    # a post tagged "Kommentar" (an opinion piece, kinra.de) is no comment: its meta line gives the date
    meta_line = "<p class='entry-meta'>Autor: <span class='author vcard'><a rel='author' href='/?author=1'>Jana Kinra</a></span> | Artikel veröffentlicht am <abbr class='published'>16.12.2012</abbr></p>"
    post = f"<div class='hentry post post_tag-kommentar'><h1>Überwachung am Bahnhof</h1>{meta_line}{BODY}</div><p class='footer-note'>Stand: 09.03.2016</p>"
    assert day(page(body=post, lang="de")) == "2012-12-16"


def test_a_posted_by_line_names_the_author():
    byline = "<div class='post-footer'><span class='post-author vcard'>Posted by <span class='fn'>Ned Deily</span></span></div>"
    html = page(body=f"<div class='post hentry'><h1>Python 3.6.0 is now available!</h1>{BODY}{byline}</div>")
    assert extracted(html)["authors"] == ["Ned Deily"]


def test_a_meta_author_the_page_names_nowhere_else_gives_way_to_the_byline_it_shows():
    byline = "<span class='post-author vcard'>Posted by <span class='fn'>Ned Deily</span></span>"
    story = f"<div class='post hentry'><h1>Python 3.6.0 is now available!</h1>{BODY}{byline}</div>"
    # a blog theme's designer in the only author meta
    assert extracted(page(meta("author", "Marcin Wojtczuk"), story))["authors"] == ["Ned Deily"]
    # or a credit list of a photo shoot
    credits = meta("author", "Connie Wang, Sharokh Mirzai, Bethie Girmai")
    shown = f"<article><h1>Headline</h1><div class='byline'>By Connie Wang</div>{BODY}</article>"
    assert extracted(page(credits, shown))["authors"] == ["Connie Wang"]
    # the meta author the page also names elsewhere stays
    named = story.replace(BODY, "<p>Our thanks to Marcin Wojtczuk for the theme.</p>" + BODY)
    assert extracted(page(meta("author", "Marcin Wojtczuk"), named))["authors"] == ["Marcin Wojtczuk"]
    # as does one beside the structured data's author
    linked = ld({"@type": "NewsArticle", "headline": "Python 3.6.0 is now available!", "author": {"@type": "Person", "name": "Ned Deily"}})
    assert extracted(page(linked + meta("author", "Marcin Wojtczuk"), story))["authors"] == ["Ned Deily"]
    # and where no byline shows anyone, the meta author is kept
    assert extracted(page(meta("author", "Marcin Wojtczuk"), story.replace(byline, "")))["authors"] == ["Marcin Wojtczuk"]


def test_a_byline_labelled_as_a_pictures_credit_is_no_author():
    site = meta("og:site_name", "El Tiempo", "property") + meta("author", "El Tiempo")  # the publisher: the byline is read
    for label in ("Foto:", "FOTO:", "Photo", "写真："):
        credit = f'<div class="credito"><strong>{label}</strong><p class="autor">Jaiver Nieto</p></div>'
        html = page(site, f"<article><h1>Headline</h1>{credit}{BODY}</article>", lang="es")
        assert extracted(html)["authors"] == ["El Tiempo"], label
    # a label that is no picture's leaves the byline be
    byline = '<div class="credito"><strong>Por:</strong><p class="autor">Jaiver Nieto</p></div>'
    html = page(site, f"<article><h1>Headline</h1>{byline}{BODY}</article>", lang="es")
    assert extracted(html)["authors"] == ["Jaiver Nieto"]


def test_a_date_labelled_by_a_heading_in_a_list_of_facts_is_the_articles():
    facts = "<ul class='facts'><li><h5>Datum:</h5> 03.11.2021</li><li><h5>Ort:</h5> Berlin</li></ul>"
    assert day(page(body=f"<main><article><h1>Orden fürs Morden</h1>{facts}{BODY}</article></main>", lang="de")) == "2021-11-03"


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


@pytest.mark.parametrize("dateline", ["Date @April 2, 2024", "Date: April 2, 2024", "Datum: 2. April 2024", "Posted on April 2, 2024"])
def test_a_labelled_date_marked_as_a_date_names_no_author(dateline):
    a = extracted(page(body=f"<article><h1>Headline</h1><div class='post-date'>{dateline}</div>{BODY}</article>"))
    assert (a["authors"], a["published_at"][:10]) == ([], "2024-04-02")


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
