"""The dates an HTML page shows and declares, settled to the publisher's day (htmlbyline,
htmldates, pagedates). Each rule on a fixture of its own."""

from __future__ import annotations

import pytest

from tests.html_pages import BODY, day, extracted, ld, meta, page


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


def test_a_revision_date_is_the_publication_date_of_last_resort():
    # ndtv.com: only <span itemprop="dateModified">, in a <nav> dropped as furniture
    nav = '<nav><span itemprop="dateModified" content="2020-04-07T15:49:34+05:30">Updated: April 07, 2020 03:49 pm IST</span></nav>'
    article = extracted(page("", f"<div class='content'><h1>H</h1>{nav}{BODY}</div>"))
    assert (article["published_at"], article["updated_at"]) == ("2020-04-07T15:49:34+05:30", "2020-04-07T15:49:34+05:30")
    # any other date comes first
    canonical = '<link rel="canonical" href="https://example.com/2020/04/06/story/">'
    assert day(page(canonical, f"<div class='content'><h1>H</h1>{nav}{BODY}</div>")) == "2020-04-06"


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


def test_a_date_labelled_by_a_heading_in_a_list_of_facts_is_the_articles():
    facts = "<ul class='facts'><li><h5>Datum:</h5> 03.11.2021</li><li><h5>Ort:</h5> Berlin</li></ul>"
    assert day(page(body=f"<main><article><h1>Orden fürs Morden</h1>{facts}{BODY}</article></main>", lang="de")) == "2021-11-03"
