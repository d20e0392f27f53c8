"""The byline and date lines typed under a title (pasted pages, Word files, Markdown), and the
sentences that only look like them."""

from __future__ import annotations

import itertools

import pytest

from masthead.extract import extract, headerlines
from tests.docx_factory import RawXml, build_docx


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ann Lee", ["Ann Lee"]),
        ("By Ann Lee and Bo Chen", ["Ann Lee", "Bo Chen"]),
        ("By Iolite editors", ["Iolite editors"]),
        ("文：山田太郎", ["山田太郎"]),
        ("文・写真：山田太郎", ["山田太郎"]),  # a credit line names the writer
        ("Text: Kato Mei", ["Kato Mei"]),
        ("Text Size", None),  # "Text" names the writer before a colon only
        ("Words Matter More Than Ever", None),
        ("（文・写真／山田太郎）", ["山田太郎"]),  # in brackets
        ("(Text: Ann Lee)", ["Ann Lee"]),
        # sentences that start like a byline
        ("By the end of the year, prices had risen by half.", None),
        ("By the way", None),
        ("Bylines are short.", None),
        ("By The Numbers What Changed In Crypto This Year", None),  # a subheading in title case
        # in the page's language
        ("Par Bertrand Bissuel", ["Bertrand Bissuel"]),
        ("Por Ana García y Luis Pérez", ["Ana García", "Luis Pérez"]),
        ("Publicado por Alberto González", ["Alberto González"]),
        ("Publiée par Marie Dupont", ["Marie Dupont"]),
        ("Scritto da Marco Rossi", ["Marco Rossi"]),
        ("geschrieben von Meike Neitz", ["Meike Neitz"]),
        # the kind of piece before the by-word
        ("Kolumne von Carla Siepmann", ["Carla Siepmann"]),
        ("Ein Kommentar von Anna Müller", ["Anna Müller"]),
        ("Análisis por Ana García", ["Ana García"]),
        ("Une chronique par Marie Dupont", ["Marie Dupont"]),
        ("Commento di Marco Rossi", ["Marco Rossi"]),
        ("Av Ola Nordmann og Kari Nordmann", ["Ola Nordmann", "Kari Nordmann"]),
        ("Av Sven Berg och Anna Lind", ["Sven Berg", "Anna Lind"]),
        ("Von Anna Müller und Max Mustermann", ["Anna Müller", "Max Mustermann"]),
        ("Von Berlin aus fährt der Zug täglich nach Hamburg.", None),
        ("Par ailleurs, le gouvernement a annoncé", None),
        ("Di Maio ha detto", None),
    ],
)
def test_byline_names(line, names):
    assert headerlines.byline_names(line) == names


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("2024/04/01Editors of Iolite", ("2024/04/01", "Editors of Iolite")),
        ("2024年4月1日 山田太郎", ("2024年4月1日", "山田太郎")),
        ("April 1, 2024 | Ann Lee", ("April 1, 2024", "Ann Lee")),
        # a person's name, a bar and the date (a time after it)
        ("Ann Lee · April 1, 2024", ("April 1, 2024", "Ann Lee")),
        ("山田太郎 / 2024.04.01", ("2024.04.01", "山田太郎")),
        ("Ann Lee · April 1, 2024 10:00", ("April 1, 2024 10:00", "Ann Lee")),  # (the time read with the date)
        ("Prices peaked — April 1, 2024", None),  # a sentence with a dash
        ("Ann Lee said on April 1, 2024", None),
        ("Markets Rallied On April 1, 2024", None),  # no bar: a line in title case, not a name
        ("2024年4月1日", ("2024年4月1日", "")),
        ("· 2024/04/01 Editors of Iolite", ("2024/04/01", "Editors of Iolite")),  # a bar in front
        # a sentence that starts with its date is text
        ("2024年4月1日、政府は新しい規制を発表した。", None),
        ("April 1, 2024 was the day the government announced new rules.", None),
        ("On April 1, 2024, the government announced new rules.", None),
        ("April 1, 2024 was the day prices peaked", None),
        # the time after the date is no byline
        ("3. Mai 2024, 17:47", ("3. Mai 2024, 17:47", "")),
        ("24.04.2024, 19:35 Uhr", ("24.04.2024, 19:35", "")),
        ("2024/04/01 10:00 Editors of Iolite", ("2024/04/01 10:00", "Editors of Iolite")),
        ("2024/04/01 am Main", None),  # a place's preposition is no time
        # after the date's time, its word and the byline's label or "by" go
        ("18.03.2020 13:15 Uhr Autor/in: Korinna Hennig", ("18.03.2020 13:15", "Korinna Hennig")),
        ("18.03.2020 13:15 Uhr von Korinna Hennig", ("18.03.2020 13:15", "Korinna Hennig")),
        ("18.03.2020 | Autor: Korinna Hennig", ("18.03.2020", "Korinna Hennig")),
        ("2024/04/01 By Ann Lee and Bo Chen", ("2024/04/01", "Ann Lee, Bo Chen")),
        # the update's time after the date is no byline
        ("November 28, 2013 -- Updated 0203 GMT (1003 HKT)", ("November 28, 2013", "")),
        ("1. April 2024 - Aktualisiert 12.00 Uhr", ("1. April 2024", "")),
        ("April 1, 2024 Posted in News", ("April 1, 2024", "")),  # a label and what it says
        ("27 OCT 2012 - 12:14 CET", ("27 OCT 2012 - 12:14 CET", "")),  # the time and its zone, read with the date
        ("30 Ekim 2020 Cuma 18:28", ("30 Ekim 2020", "")),  # the day of the week and the time
        ("2024/04/01 AP", ("2024/04/01", "AP")),  # (capitals without a time: an agency)
        ("01.04.2024 10:20 Uhr | Von Anna Müller", ("01.04.2024 10:20", "Anna Müller")),
        ("01.04.2024 10:20 Uhr, By Ann Lee", ("01.04.2024 10:20", "Ann Lee")),
        # the byline ends at a bar or a dash between spaces, before or after the date
        ("April 1, 2024 Ann Lee – 3 Kommentare", ("April 1, 2024", "Ann Lee")),
        ("Ann Lee – 3 Kommentare | April 1, 2024", ("April 1, 2024", "Ann Lee")),
        ("April 1, 2024 at 9:26 pm", ("April 1, 2024 at 9:26 pm", "")),  # the word before the time too
        ("1 avril 2024 à 10h00", ("1 avril 2024 à 10h00", "")),  # the hour written with an h
        # a byline, a bar and the date: the byline's names, in the article's language
        ("Por Ana García | 1 de abril de 2024", ("1 de abril de 2024", "Ana García")),
        ("By Ann Lee and Bo Chen · April 1, 2024", ("April 1, 2024", "Ann Lee, Bo Chen")),
    ],
)
def test_date_lines(line, found):
    assert headerlines.date_byline(line) == found


LEAD = "2024年4月1日、政府は新しい規制を発表した。"
NEXT = "次の段落もある。"


@pytest.mark.parametrize(
    ("key", "data"),
    [
        ("articles/a/p.txt", f"タイトル\n{LEAD}\n{NEXT}\n".encode()),
        ("articles/a/m.md", f"# タイトル\n\n{LEAD}\n\n{NEXT}\n".encode()),
        ("articles/a/w.docx", build_docx([("Title", "タイトル"), (None, LEAD), (None, NEXT)])),
    ],
)
def test_a_lead_that_starts_with_its_date_stays_the_text_in_every_format(key, data):
    result = extract(key, data)
    assert result.accepted and result.body == f"{LEAD}\n\n{NEXT}"
    assert (result.metadata.authors, result.metadata.published_at) == ([], None)


@pytest.mark.parametrize(
    ("source", "authors", "published"),
    [
        (f"# タイトル\n\n文：山田太郎\n\n2024年4月1日\n\n{NEXT}\n", ["山田太郎"], "2024-04-01"),
        (f"# タイトル\n\n**文：山田太郎**\n\n{NEXT}\n", ["山田太郎"], None),
        (f"# Title\n\nBy Ann Lee\n\nPublished: April 1, 2024\n\n{NEXT}\n", ["Ann Lee"], "2024-04-01"),
        # a day-first date that CommonMark reads as an ordered list's item ("3." before "Mai 2024")
        (f"# Titel\n\n3. Mai 2024\n\nVon Anna Müller\n\n{NEXT}\n", ["Anna Müller"], "2024-05-03"),
        # the front matter's values stand; the lines are still no text
        (f"---\ntitle: T\nauthor: Bo Chen\ndate: 2024-05-01\n---\nBy Ann Lee\n\n2024年4月1日\n\n{NEXT}\n", ["Bo Chen"], "2024-05-01"),
    ],
)
def test_markdown_byline_and_date_lines_under_the_title(source, authors, published):
    result = extract("articles/a/m.md", source.encode())
    assert result.accepted and result.body == NEXT
    assert (result.metadata.authors, (result.metadata.published_at or "")[:10] or None) == (authors, published)


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("Published: April 1, 2024", "2024-04-01", None),
        ("Publicado: 1 de abril de 2024", "2024-04-01", None),
        ("Veröffentlicht am 1. April 2024", "2024-04-01", None),
        ("Publié le 1 avril 2024 à 10h00", "2024-04-01", None),
        ("Pubblicato il 1 aprile 2024", "2024-04-01", None),
        ("公開日：2024年4月1日", "2024-04-01", None),
        # an update alone is the publication date as well: the article was out by then
        ("Actualizado el 2 de abril de 2024", "2024-04-02", "2024-04-02"),
        ("Aktualisiert: 02.04.2024", "2024-04-02", "2024-04-02"),
        ("Last update 2024/04/02", "2024-04-02", "2024-04-02"),
    ],
)
def test_a_date_line_labelled_in_the_articles_language_in_every_format(line, published, updated):
    for key, data in (
        ("articles/a/m.md", f"# Title\n\n{line}\n\n{NEXT}\n".encode()),
        ("articles/a/w.docx", build_docx([("Title", "Title"), (None, line), (None, NEXT)])),
        ("articles/a/p.txt", f"Title\n\n{line}\n\n{NEXT}\n".encode()),
    ):
        result = extract(key, data)
        dates = [(value or "")[:10] or None for value in (result.metadata.published_at, result.metadata.updated_at)]
        assert (dates, result.body) == ([published, updated], NEXT), key


def test_authors_listed_with_and_in_the_articles_language_are_several():
    for authors in ("Ola Nordmann og Kari Nordmann", "Sven Berg och Anna Lind", "Ana García y Luis Pérez"):
        result = extract("articles/a/m.md", f"---\ntitle: T\nauthor: {authors}\n---\n\n{NEXT}\n".encode())
        assert len(result.metadata.authors) == 2, authors


def test_a_markdown_file_without_a_title_heading_starts_with_its_title_line():
    result = extract("articles/a/m.md", f"**A bold title line**\n\n{NEXT}\n".encode())
    assert result.accepted and (result.metadata.title, result.body) == ("A bold title line", NEXT)
    # nor where the front matter names a title, even one that is no text
    rejected = extract("articles/a/m.md", f"---\ntitle: {{x: 1}}\n---\nA short line\n\n{NEXT}\n".encode())
    assert rejected.as_dict()["error"]["code"] == "missing_title"
    # a first paragraph that is a sentence is no title
    rejected = extract("articles/a/m.md", f"The story starts with a sentence.\n\n{NEXT}\n".encode())
    assert rejected.as_dict()["error"]["code"] == "missing_title"


@pytest.mark.parametrize(
    ("lines", "authors", "published", "updated"),
    [
        ("<p>Ann Lee · April 1, 2024</p>", ["Ann Lee"], "2024-04-01", None),
        ("<p>2024.04.01 / 山田太郎</p>", ["山田太郎"], "2024-04-01", None),
        ("<p>By Ann Lee</p><p>Published: April 1, 2024</p><p>Updated: April 3, 2024</p>", ["Ann Lee"], "2024-04-01", "2024-04-03"),
    ],
)
def test_an_articles_own_html_reads_its_byline_and_date_lines_as_metadata(lines, authors, published, updated):
    body = "<p>The first paragraph of the story is long enough to be one, and says what happened.</p>"
    result = extract("articles/a/f.html", f"<article><h1>記事タイトル</h1>{lines}{body}</article>".encode())
    assert result.accepted and result.body == "The first paragraph of the story is long enough to be one, and says what happened."
    found = (result.metadata.authors, result.metadata.published_at[:10], (result.metadata.updated_at or "")[:10] or None)
    assert found == (authors, published, updated)


def test_a_web_pages_lines_under_the_headline_stay_its_text():
    # a page (its <head> says what it is) keeps them: its bylines are read from its own markup
    body = "<p>The first paragraph of the story is long enough to be one, and says what happened.</p>"
    html = f"<html><head><title>A page</title></head><body><article><h1>A page</h1><p>Ann Lee · April 1, 2024</p>{body}</article></body></html>"
    assert extract("articles/a/p.html", html.encode()).body.startswith("Ann Lee · April 1, 2024")


def test_an_articles_own_html_opens_with_its_deck_under_the_h1():
    body = "<p>The first paragraph of the story is long enough to be one, and says what happened.</p>"
    result = extract("articles/a/f.html", f"<h1>Title</h1><h2>A deck line</h2><p>By Ann Lee</p>{body}".encode())
    assert (result.metadata.subtitle, result.metadata.authors, result.metadata.headings) == ("A deck line", ["Ann Lee"], [])
    # an <h2> followed by a heading of its own is a section's
    result = extract("articles/a/f.html", f"<h1>Title</h1><h2>Section one</h2><h3>Part</h3>{body}".encode())
    assert (result.metadata.subtitle, result.metadata.headings) == (None, ["Section one", "Part"])


LEAD_JA = "改正会社法の施行で、DAO が合同会社として登記できるようになった。メンバーの責任はどう変わるのか。"
SECTION_TEXT = "社員として登記されたメンバーは、出資の範囲でしか責任を負わない。"


def _saved_document(head: str, title: str, subtitle: str) -> bytes:
    return (
        f"<html><head>{head}</head><body><div class=WordSection1>{title}{subtitle}<p class=MsoNormal>文：佐藤花子</p>"
        f"<p class=MsoNormal>2025年6月12日</p><p class=MsoNormal>{LEAD_JA}</p><h1>有限責任になる意味</h1>"
        f"<p class=MsoNormal>{SECTION_TEXT}</p></div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("head", "title", "subtitle"),
    [
        # Word's "Save as Web Page": its styles name the title and the subtitle
        (
            '<meta http-equiv=Content-Type content="text/html; charset=utf-8"><title>Microsoft Word - dao.docx</title>',
            "<p class=MsoTitle>DAO の法人化、何が変わるか</p>",
            "<p class=MsoSubtitle>合同会社型 DAO の制度</p>",
        ),
        # Google Docs' "Download as web page"
        (
            '<meta content="text/html; charset=UTF-8" http-equiv="content-type"><style>.title{font-size:26pt}</style>',
            '<p class="c3 title"><span>DAO の法人化、何が変わるか</span></p>',
            '<p class="c3 subtitle"><span>合同会社型 DAO の制度</span></p>',
        ),
        # a file without the Title style, which says in <meta> what made it: its first line
        (
            '<meta name=Generator content="Microsoft Word 15"><title>Microsoft Word - dao.docx</title>',
            "<p class=MsoNormal>DAO の法人化、何が変わるか</p>",
            "",
        ),
    ],
)
def test_a_document_saved_as_html_reads_as_the_document(head, title, subtitle):
    result = extract("articles/a/dao.html", _saved_document(head, title, subtitle))
    metadata = result.metadata
    assert (metadata.title, metadata.authors, metadata.published_at[:10]) == ("DAO の法人化、何が変わるか", ["佐藤花子"], "2025-06-12")
    assert metadata.subtitle == ("合同会社型 DAO の制度" if subtitle else None)
    # its <h1>s are its sections, not its headline
    assert metadata.headings == ["有限責任になる意味"]
    assert result.body == f"{LEAD_JA}\n\n有限責任になる意味\n\n{SECTION_TEXT}"


def test_a_web_page_with_a_title_paragraph_stays_a_web_page():
    # its scripts, navigation or metadata say it is a page: its <h1> is its headline, its lines its text
    page = (
        '<html><head><link rel="canonical" href="https://example.com/a"></head><body><nav><a href="/">Home</a></nav>'
        f'<p class="title">Site name</p><h1>The headline</h1><p>{LEAD_JA}</p></body></html>'
    )
    assert extract("articles/a/p.html", page.encode()).metadata.title == "The headline"
    # and a plain page that no word processor made, and that marks no title paragraph, is read as a page
    plain = f'<html><head><meta charset="utf-8"><title>A plain page</title></head><body><p>Ann Lee · April 1, 2024</p><h1>The headline</h1><p>{LEAD_JA}</p></body></html>'
    result = extract("articles/a/plain.html", plain.encode())
    assert (result.metadata.title, result.body.startswith("Ann Lee · April 1, 2024")) == ("The headline", True)


@pytest.mark.parametrize(
    ("key", "data"),
    [
        ("articles/a/p.txt", f"表題の記事\n（文・写真／山田太郎）\n{NEXT}\n".encode()),
        ("articles/a/m.md", f"# 表題の記事\n\n（文・写真／山田太郎）\n\n{NEXT}\n".encode()),
        ("articles/a/w.docx", build_docx([(None, "表題の記事"), (None, "（文・写真／山田太郎）"), (None, NEXT)])),
        ("articles/a/f.html", f"<h1>表題の記事</h1><p>（文・写真／山田太郎）</p><p>{NEXT}</p>".encode()),
    ],
)
def test_a_credit_line_in_brackets_names_the_writer_in_every_format(key, data):
    assert extract(key, data).metadata.authors == ["山田太郎"]


@pytest.mark.parametrize(
    ("key", "data"),
    [
        (
            "articles/a/w.docx",
            build_docx(
                [
                    ("Title", "La regla llega"),
                    (None, "Por Ana García"),
                    (None, "Un párrafo del artículo con texto suficiente para ser el cuerpo."),
                ]
            ),
        ),
        (
            "articles/a/m.md",
            "# La regla llega\n\nPor Ana García\n\nUn párrafo del artículo con texto suficiente para ser el cuerpo.\n".encode(),
        ),
    ],
)
def test_a_byline_typed_in_the_articles_language_under_the_title(key, data):
    a = extract(key, data).as_dict(with_body=True)
    assert (a["authors"], a["body"]) == (["Ana García"], "Un párrafo del artículo con texto suficiente para ser el cuerpo.")


# Typed header lines: a date and a byline in either order, in the shapes and languages the corpus
# shows, under the title of a pasted page, a Markdown or Word file or an article's own HTML. Every
# combination gives the byline's names and the date; none leaves a label, a time, a count or a
# handle in a name (174 of 2,040 pasted ones did, over a larger grid, before the byline's end and the
# time's word were read).
_TYPED_DATES = ["April 1, 2024", "1. April 2024", "2024/04/01", "2024年4月1日", "April 1, 2024 10:20", "01.04.2024 10:20 Uhr"]
_TYPED_SEPARATORS = [" | ", " · ", " – "]
_TYPED_BYLINES = {
    "By Ann Lee": ["Ann Lee"],
    "Von Anna Müller": ["Anna Müller"],
    "Autor: Anna Müller": ["Anna Müller"],
    "Ann Lee": ["Ann Lee"],
    "by Ann Lee and Bo Chen": ["Ann Lee", "Bo Chen"],
    "文：山田太郎": ["山田太郎"],
    "Ann Lee, Staff Writer": ["Ann Lee"],
    "Ann Lee @annlee": ["Ann Lee"],
    "Ann Lee – 3 Kommentare": ["Ann Lee"],
    "Updated 10:20": [],
}
_HEADLINE = "The headline of the story"
_TEXT = " ".join(["The first paragraph of the story is long enough to be a paragraph of body text."] * 3)
_TYPED_FILES = {
    "txt": lambda line: f"{_HEADLINE}\n{line}\n{_TEXT}\n".encode(),
    "md": lambda line: f"# {_HEADLINE}\n\n{line}\n\n{_TEXT}\n".encode(),
    "docx": lambda line: build_docx([(None, _HEADLINE), (None, line), (None, _TEXT)]),
    "html": lambda line: f"<html><body><article><h1>{_HEADLINE}</h1><p>{line}</p><p>{_TEXT}</p></article></body></html>".encode(),
}


@pytest.mark.parametrize("suffix", list(_TYPED_FILES))
def test_a_typed_date_and_byline_line_gives_the_names_and_the_date_in_either_order(suffix):
    wrong = []
    for date, separator, (byline, names) in itertools.product(_TYPED_DATES, _TYPED_SEPARATORS, _TYPED_BYLINES.items()):
        for line in (date + separator + byline, byline + separator + date):
            found = extract(f"articles/typed.{suffix}", _TYPED_FILES[suffix](line)).metadata
            if found.status != "accepted" or found.authors != names or not found.published_at:
                wrong.append((line, found.authors, found.published_at))
    assert wrong == []


@pytest.mark.parametrize("suffix", list(_TYPED_FILES))
@pytest.mark.parametrize(
    "line, names, day",
    [
        ("April 1, 2024 · 5 min read", [], "2024-04-01"),  # the reading time after the date is no byline
        ("Ann Lee · April 1, 2024 · 5 min read", ["Ann Lee"], "2024-04-01"),
        ("01.04.2024 | Lesedauer: 8 Minuten", [], "2024-04-01"),
        ("By Ann Lee and Bo Chen, April 1, 2024", ["Ann Lee", "Bo Chen"], "2024-04-01"),  # a comma before the date
        ("Ann Lee | 01.04.24 10:20", ["Ann Lee"], "2024-04-01"),  # a year of two digits, typed
        ("By Ann Lee | 1.4.24", ["Ann Lee"], "2024-04-01"),
        ("01.04.24", [], "2024-04-01"),
    ],
)
def test_a_typed_date_line_with_a_reading_time_a_comma_or_a_short_year(suffix, line, names, day):
    found = extract(f"articles/typed.{suffix}", _TYPED_FILES[suffix](line)).metadata
    assert (found.authors, (found.published_at or "")[:10]) == (names, day)


@pytest.mark.parametrize("suffix", list(_TYPED_FILES))
@pytest.mark.parametrize(
    "line, names, when",
    [
        # a By-line that runs into its date without a bar (the date was lost, the name took "April 1")
        ("By Ann Lee April 1, 2024", ["Ann Lee"], "2024-04-01T00:00"),
        # the day of the week, or the place, in front of a date line with its byline
        ("Monday, April 1, 2024 | By Ann Lee", ["Ann Lee"], "2024-04-01T00:00"),
        ("Berlin, 1. April 2024 | Von Anna Müller", ["Anna Müller"], "2024-04-01T00:00"),
        # two people named before the bar without a "By"
        ("Ann Lee and Bo Chen | April 1, 2024", ["Ann Lee", "Bo Chen"], "2024-04-01T00:00"),
        # the reading time between the date and the byline
        ("April 1, 2024 · 5 min read · By Ann Lee", ["Ann Lee"], "2024-04-01T00:00"),
        # the day of the week in brackets after a Japanese date: part of the date, its time kept
        ("2024年4月1日（月） 10:00", [], "2024-04-01T10:00"),
        ("2024/04/01(月) 10:00 山田太郎", ["山田太郎"], "2024-04-01T10:00"),
        ("2024.04.01 (Mon) 09:30", [], "2024-04-01T09:30"),
        # a newsroom's signature and a wire agency before the bar are the byline
        ("Editors of Iolite | 2024/04/01", ["Editors of Iolite"], "2024-04-01T00:00"),
        ("Reuters | April 1, 2024", ["Reuters"], "2024-04-01T00:00"),
        ("Iolite編集部 2024.04.01", ["Iolite編集部"], "2024-04-01T00:00"),  # (one word: was read as a weekday)
        # the word that sets the date after the byline, and the time after "at"
        ("By Ann Lee on April 1, 2024 at 10:00", ["Ann Lee"], "2024-04-01T10:00"),
        ("Von Anna Müller am 1. April 2024", ["Anna Müller"], "2024-04-01T00:00"),
    ],
)
def test_a_typed_date_line_with_a_weekday_a_place_or_an_unmarked_byline(suffix, line, names, when):
    found = extract(f"articles/typed.{suffix}", _TYPED_FILES[suffix](line)).metadata
    assert (found.authors, (found.published_at or "")[:16]) == (names, when)


@pytest.mark.parametrize("suffix", ["md", "docx", "html"])
def test_the_byline_beside_an_update_date_names_the_authors(suffix):
    found = extract(f"articles/typed.{suffix}", _TYPED_FILES[suffix]("Updated April 2, 2024 | By Ann Lee")).metadata
    assert found.authors == ["Ann Lee"]
    assert (found.updated_at or "")[:10] == "2024-04-02"


@pytest.mark.parametrize("suffix", ["md", "docx"])
@pytest.mark.parametrize("line", ["Politics | April 1, 2024", "Business News | April 1, 2024", "Markets and Politics · April 1, 2024"])
def test_a_section_before_a_date_is_no_byline(suffix, line):
    # one capitalised word, or an outlet's words, before the bar name a section more often than a person
    found = extract(f"articles/typed.{suffix}", _TYPED_FILES[suffix](line)).metadata
    assert found.authors == []


@pytest.mark.parametrize("suffix", list(_TYPED_FILES))
@pytest.mark.parametrize("line", ["Text by Ann Lee", "Words: Ann Lee | Photos: Bo Chen", "By Ann Lee · Photography by Bo Chen"])
def test_a_byline_names_its_writer_not_the_photographer(suffix, line):
    assert extract(f"articles/typed.{suffix}", _TYPED_FILES[suffix](line)).metadata.authors == ["Ann Lee"]


@pytest.mark.parametrize("suffix", list(_TYPED_FILES))
@pytest.mark.parametrize(
    "line, names",
    [
        ("By Ann Lee, Iolite", ["Ann Lee"]),  # the outlet, the place or the degree after a full name
        ("By Ann Lee, PhD", ["Ann Lee"]),
        ("By Ann Lee, Reuters", ["Ann Lee", "Reuters"]),  # a wire agency is credited too
        ("By Ann Lee with Bo Chen", ["Ann Lee", "Bo Chen"]),
        ("Story and photos by Ann Lee", ["Ann Lee"]),
        ("Reporting by Ann Lee; Editing by Bo Chen", ["Ann Lee"]),  # the editor did not write it
        ("ライター：山田太郎", ["山田太郎"]),
        ("文：山田太郎／編集：佐藤花子", ["山田太郎"]),
        ("編集：佐藤花子", ["佐藤花子"]),  # an editor's credit alone is the byline
        ("執筆：山田太郎（Iolite編集部）", ["山田太郎"]),  # the outlet in brackets after the name
    ],
)
def test_a_typed_credit_names_the_writers_only(suffix, line, names):
    assert extract(f"articles/typed.{suffix}", _TYPED_FILES[suffix](line)).metadata.authors == names


def _one_paragraph_of_lines(suffix: str, lines: tuple[str, ...]) -> bytes:
    """The lines in one paragraph: Word's line breaks (Shift+Enter), Markdown's lines with no blank between."""
    if suffix == "docx":
        broken = RawXml("<w:p><w:r>" + "<w:br/>".join(f"<w:t>{line}</w:t>" for line in lines) + "</w:r></w:p>")
        return build_docx([("Title", _HEADLINE), (None, broken), (None, _TEXT)])
    return (f"# {_HEADLINE}\n\n" + "\n".join(lines) + f"\n\n{_TEXT}\n").encode()


@pytest.mark.parametrize("suffix", ["md", "docx"])
@pytest.mark.parametrize(
    "lines, names, day",
    [
        (("Ann Lee", "2024/04/01"), ["Ann Lee"], "2024-04-01"),  # (was read as the text "Ann Lee 2024/04/01")
        (("2024/04/01", "Editors of Iolite"), ["Editors of Iolite"], "2024-04-01"),
        (("Ann Lee", "April 1, 2024", "Updated April 2, 2024"), ["Ann Lee"], "2024-04-01"),
        (("文：山田太郎", "2024年4月1日"), ["山田太郎"], "2024-04-01"),
    ],
)
def test_header_lines_typed_in_one_paragraph_are_read_line_by_line(suffix, lines, names, day):
    found = extract(f"articles/typed.{suffix}", _one_paragraph_of_lines(suffix, lines)).as_dict(with_body=True)
    assert (found["authors"], (found["published_at"] or "")[:10], found["body"]) == (names, day, _TEXT)


@pytest.mark.parametrize(
    "header, names, day",
    [
        ("<small>By Ann Lee</small>", ["Ann Lee"], ""),
        ('<span class="date">April 1, 2024</span>', [], "2024-04-01"),
        ("<p>By Ann Lee</p>\n<p>April 1, 2024</p>", ["Ann Lee"], "2024-04-01"),
    ],
)
def test_inline_html_around_a_markdown_header_line_is_no_part_of_it(header, names, day):
    found = extract("articles/typed.md", f"# {_HEADLINE}\n\n{header}\n\n{_TEXT}\n".encode()).as_dict(with_body=True)
    assert (found["authors"], (found["published_at"] or "")[:10], found["body"]) == (names, day, _TEXT)


@pytest.mark.parametrize("suffix", ["md", "docx"])
@pytest.mark.parametrize("lines", [("Ann Lee", "Bo Chen"), ("Ann Lee", "The text starts on this line and goes on.")])
def test_lines_of_one_paragraph_that_are_not_all_header_lines_stay_text(suffix, lines):
    found = extract(f"articles/typed.{suffix}", _one_paragraph_of_lines(suffix, lines)).as_dict(with_body=True)
    assert found["authors"] == [] and found["body"].startswith("Ann Lee ")


def test_a_byline_that_goes_on_before_its_date_names_the_person_or_is_no_date_line():
    # where it goes on with a date's label, the person is read; where it goes on otherwise, the
    # line is left to the format's own reading (the name would be "Kathy Wise filed under News")
    line = "By Kathy Wise Published in FrontBurner December 14, 2016 2:24 pm"
    assert headerlines.date_byline(line) == ("December 14, 2016 2:24 pm", "Kathy Wise")
    assert headerlines.date_byline("By Kathy Wise filed under News December 14, 2016") is None


def test_a_sentence_that_runs_on_after_a_place_and_a_date_is_no_date_line():
    assert headerlines.date_byline("Berlin, 1. April 2024 Die Regierung sagt") is None
    assert headerlines.date_byline("Prices peaked April 1, 2024") is None
    assert headerlines.date_byline("By the end of April 1, 2024") is None


@pytest.mark.parametrize("suffix", ["md", "docx"])
@pytest.mark.parametrize("line", ["New York, April 1, 2024", "Prices peaked, April 1, 2024"])
def test_a_place_or_a_sentence_before_a_comma_and_a_date_is_no_byline(suffix, line):
    # a comma sets a date beside a byline only after its "By": a place there is no one's name
    found = extract(f"articles/typed.{suffix}", _TYPED_FILES[suffix](line)).as_dict(with_body=True)
    assert found["authors"] == [] and line in found["body"]


# A labelled date and a byline in the languages the corpus shows, on two lines in either order or on
# one: "Texto:", "Auteur :" and a label that names no kind of date ("Date:", "Datum:") were not read.
_LABELLED_DATES = [
    "Published: April 1, 2024",
    "Publié le 1 avril 2024",
    "Veröffentlicht am 1. April 2024",
    "公開日：2024年4月1日",
    "Date: 2024-04-01",
    "Datum: 01.04.2024",
]
_BYLINES_IN_LANGUAGES = {
    "By Ann Lee": ["Ann Lee"],
    "Por Ana García": ["Ana García"],
    "Door Jan de Vries": ["Jan de Vries"],
    "Von Anna Müller": ["Anna Müller"],
    "Texto: Ana García": ["Ana García"],
    "Auteur : Jean Dupont": ["Jean Dupont"],
    "Written by Ann Lee": ["Ann Lee"],
    "取材・文：山田太郎": ["山田太郎"],
}


@pytest.mark.parametrize("suffix", list(_TYPED_FILES))
def test_a_labelled_date_and_a_byline_in_any_language_give_the_names_and_the_date(suffix):
    wrong = []
    for date, (byline, names) in itertools.product(_LABELLED_DATES, _BYLINES_IN_LANGUAGES.items()):
        for lines in ((date, byline), (byline, date), (f"{date} {byline}",)):
            found = extract(f"articles/typed.{suffix}", _typed_file(suffix, lines)).metadata
            if found.status != "accepted" or found.authors != names or (found.published_at or "")[:10] != "2024-04-01":
                wrong.append((lines, found.authors, found.published_at))
    assert wrong == []


def _typed_file(suffix: str, lines: tuple[str, ...]) -> bytes:
    if suffix == "docx":
        return build_docx([(None, _HEADLINE), *[(None, line) for line in lines], (None, _TEXT)])
    if suffix == "html":
        return f"<html><body><article><h1>{_HEADLINE}</h1>{''.join(f'<p>{line}</p>' for line in lines)}<p>{_TEXT}</p></article></body></html>".encode()
    return _TYPED_FILES[suffix](("\n\n" if suffix == "md" else "\n").join(lines))


# Dates in the corpus's languages (a weekday or a place before one), and two or three names joined as
# each language joins them: Korean dates ("2024년 4월 1일"), Dutch "en", and a weekday in front of
# the date in Word and Markdown were not read.
_DATES_IN_LANGUAGES = [
    "1er avril 2024",
    "1º de abril de 2024",
    "1 kwietnia 2024",
    "2024년 4월 1일",
    "令和6年4月1日",
    "1 апреля 2024",
    "Monday, April 1, 2024",
    "Mon 1 Apr 2024",
]
_NAMES_IN_LANGUAGES = {
    "By Ann Lee, Bo Chen and Cy Dee": ["Ann Lee", "Bo Chen", "Cy Dee"],
    "Von Anna Müller und Bernd Weber": ["Anna Müller", "Bernd Weber"],
    "Door Jan de Vries en Piet Jansen": ["Jan de Vries", "Piet Jansen"],
    "Di Marco Rossi e Luca Bianchi": ["Marco Rossi", "Luca Bianchi"],
    "文：山田太郎、佐藤花子": ["山田太郎", "佐藤花子"],
}


@pytest.mark.parametrize("suffix", list(_TYPED_FILES))
def test_a_date_and_the_names_in_any_language_are_read_in_either_order(suffix):
    wrong = []
    for date, (byline, names) in itertools.product(_DATES_IN_LANGUAGES, _NAMES_IN_LANGUAGES.items()):
        for lines in ((date, byline), (byline, date)):
            found = extract(f"articles/typed.{suffix}", _typed_file(suffix, lines)).metadata
            if found.status != "accepted" or found.authors != names or (found.published_at or "")[:10] != "2024-04-01":
                wrong.append((lines, found.authors, found.published_at))
    assert wrong == []


# A byline without its "By" in Word and Markdown, as in a pasted page: a name alone or a newsroom's
# signature is the byline where a date line stands right above or under it (80 of these 240
# arrangements per format were read as text: the name was lost).
_HEADER_ORDERS = [
    ("date", "byline"),
    ("byline", "date"),
    ("deck", "date", "byline"),
    ("deck", "byline", "date"),
    ("date", "byline", "deck"),
]
_NAMES_ALONE = {
    "Editors of Iolite": ["Editors of Iolite"],
    "Ann Lee": ["Ann Lee"],
    "Iolite編集部": ["Iolite編集部"],
    "By Ann Lee": ["Ann Lee"],
}
_HEADER_FILES = {
    "md": lambda lines: "\n\n".join([_HEADLINE, *lines, _TEXT]).encode(),  # (the title its first line)
    "md-heading": lambda lines: "\n\n".join([f"# {_HEADLINE}", *lines, _TEXT]).encode(),
    "docx": lambda lines: build_docx([(None, _HEADLINE), *[(None, line) for line in lines], (None, _TEXT)]),
    "docx-title": lambda lines: build_docx([("Title", _HEADLINE), *[(None, line) for line in lines], (None, _TEXT)]),
}


@pytest.mark.parametrize("kind", list(_HEADER_FILES))
def test_a_name_alone_beside_a_date_line_is_the_byline_in_word_and_markdown(kind):
    wrong = []
    for order, date, (byline, names), deck in itertools.product(
        _HEADER_ORDERS, ["2024/04/01", "Published: April 1, 2024"], _NAMES_ALONE.items(), [None, "A deck that says what it is about."]
    ):
        parts = {"date": date, "byline": byline, "deck": deck}
        lines = [parts[name] for name in order if parts[name]]
        found = extract(f"articles/header.{kind.split('-')[0]}", _HEADER_FILES[kind](lines)).metadata
        got = (found.title, found.authors, (found.published_at or "")[:10]) if found.status == "accepted" else found.status
        if got != (_HEADLINE, names, "2024-04-01"):
            wrong.append((lines, got))
    assert wrong == []


@pytest.mark.parametrize("line", ["A Short Note On Markets Today", "Market analysis, Tokyo", "Ann Lee."])
def test_a_line_beside_a_date_that_is_no_name_alone_stays_text(line):
    result = extract("articles/header.md", f"# {_HEADLINE}\n\n2024/04/01\n\n{line}\n\n{_TEXT}\n".encode())
    assert result.metadata.authors == [] and line in result.body


@pytest.mark.parametrize("kind", list(_HEADER_FILES))
def test_two_capitalised_words_under_the_title_with_no_date_beside_them_name_no_one(kind):
    # (a kicker or a deck, "Market Analysis", reads as a name does: only a date line beside it tells)
    result = extract(f"articles/header.{kind.split('-')[0]}", _HEADER_FILES[kind](["Market Analysis"]))
    assert result.metadata.authors == []
