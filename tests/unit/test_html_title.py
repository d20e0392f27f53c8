"""The headline an HTML page shows (htmltitle): which <h1> or <h2> it is, without a kicker, a
badge, a logo or the site's name. Each rule on a fixture of its own."""

from __future__ import annotations

import pytest

from tests.html_pages import BODY, extracted, meta, page, text_of


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
    ("site", "og_title"),
    [("lastampa.it", "Perturbazione polare al Centro - La Stampa"), ("NEWS WEB EASY", "NEWS WEB EASY|Perturbazione polare al Centro")],
)
def test_the_site_name_before_or_after_a_metadata_title_is_dropped(site, og_title):
    head = meta("og:site_name", site, "property") + meta("og:title", og_title, "property")
    assert extracted(page(head, '<div class="logo"><h1>Site</h1></div>' + BODY, lang="it"))["title"] == "Perturbazione polare al Centro"


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
