"""The story in an HTML page (htmlbody): its container, the page furniture dropped around it (what
holds a byline or a date read first), its blocks read once. Each rule on a fixture of its own."""

from __future__ import annotations

import re

import pytest

from masthead.extract import extract
from tests.html_pages import BODY, day, extracted, ld, meta, page


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


def test_ruby_readings_are_not_part_of_the_text():
    h1 = "<ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rp>(</rp><rt>たいばつ</rt><rp>)</rp></ruby>を禁止する"
    para = "<p><ruby>法律<rt>ほうりつ</rt></ruby>ができて、<ruby>親<rt>おや</rt></ruby>が子どもを教育するために体罰を禁止することになりました。</p>"
    found = extracted(page(body=f"<article><h1>{h1}</h1>{para}</article>", lang="ja"), with_body=True)
    assert found["title"] == "子どもへの体罰を禁止する"
    assert found["body"] == "法律ができて、親が子どもを教育するために体罰を禁止することになりました。"


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


def test_a_short_lead_beside_one_long_paragraph_is_read_too():
    # a one-sentence Japanese lead is under the 30 characters the story's weight counts; the long
    # paragraph beside it holds the story's weight, but is no container of the story
    lead = "2024年4月1日、政府は新しい規制を発表した。"
    for html in (f"<h1>見出し</h1><p>{lead}</p>{BODY}", f"<main><div class='x'><h1>見出し</h1><p>{lead}</p>{BODY}</div></main>"):
        assert extracted(html, with_body=True)["body"].startswith(lead), html


def test_the_date_in_a_facts_list_of_a_side_column_is_read_before_the_column_is_dropped():
    side = '<aside class="columns"><ul class="content__meta"><li>Hintergrund</li><li class="item">19.07.2022</li><li>Lesedauer 10 Minuten</li></ul></aside>'
    html = page("", f"<div>{side}<article><h1>H</h1>{BODY * 3}</article></div>", lang="de")
    assert extracted(html)["published_at"] == "2022-07-19T00:00:00+02:00"
    # a side column of teasers is not the article's facts
    teasers = '<aside class="columns"><ul class="teasers"><li>Other story, 19.07.2022</li></ul></aside>'
    assert extracted(page("", f"<div>{teasers}<article><h1>H</h1>{BODY * 3}</article></div>", lang="de"))["published_at"] is None


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


def test_a_furniture_row_without_a_date_after_the_headline_is_dropped_before_the_byline_is_looked_for():
    # its buttons would otherwise stand between the headline and the "Von …" line under it
    buttons = '<div class="entry-header-social-buttons"><ul>' + "<li><a href='/s'>Teilen</a></li>" * 40 + "</ul></div>"
    story = f'<div class="entry-content"><p><em>Von Gregory Lipinski</em></p>{BODY}</div>'
    result = extracted(page(body=f"<article><h1>Einstieg ins TV-Geschäft</h1>{buttons}{story}</article>", lang="de"))
    assert result["authors"] == ["Gregory Lipinski"]


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


def test_a_byline_box_named_in_another_language_beside_furniture_words_is_read_before_it_is_dropped():
    box = '<div class="autor-share"><ul><li>Teilen Sie den Artikel</li></ul><span class="autor">Von Anna Fink</span></div>'
    result = extracted(page(body=f"<article><h1>Headline</h1>{BODY}{'<p>Und weiter.</p>' * 40}{box}</article>", lang="de"), with_body=True)
    assert result["authors"] == ["Anna Fink"] and "Teilen" not in result["body"]


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
