"""The bylines an HTML page shows (htmlbyline, people): who wrote the story, not a card's, a
caption's or a comment's names. Each rule on a fixture of its own."""

from __future__ import annotations

import pytest

from tests.html_pages import BODY, day, extracted, ld, meta, page


def test_a_copyright_line_named_meta_is_no_byline():
    links = '<div class="Menu__StyledMetaLinks">Kontakt Impressum Nutzungsrichtlinien Work with us Datenschutz © 2019</div>'
    assert extracted(page(body=f"<article><h1>H</h1>{BODY}</article>{links}", lang="de"))["authors"] == []


def test_a_japanese_credit_line_under_the_headline_names_the_author():
    for line in ("文：山田太郎", "取材・文＝山田太郎、写真＝佐藤花子"):
        html = page(body=f"<article><h1>記事タイトル</h1><p>{line}</p>{BODY}</article>", lang="ja")
        assert extracted(html)["authors"] == ["山田太郎"], line


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


@pytest.mark.parametrize("dateline", ["Date @April 2, 2024", "Date: April 2, 2024", "Datum: 2. April 2024", "Posted on April 2, 2024"])
def test_a_labelled_date_marked_as_a_date_names_no_author(dateline):
    a = extracted(page(body=f"<article><h1>Headline</h1><div class='post-date'>{dateline}</div>{BODY}</article>"))
    assert (a["authors"], a["published_at"][:10]) == ([], "2024-04-02")
