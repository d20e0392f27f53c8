"""Extraction of each format, with files written here (plain data, no AWS)."""

from __future__ import annotations

import json
import random

import pytest

from masthead.extract import extract
from tests.docx_factory import build_docx


def article(key: str, data: bytes | str) -> dict:
    result = extract(key, data.encode("utf-8") if isinstance(data, str) else data)
    assert result.accepted, result.as_dict()
    return {**result.as_dict(), "body": result.body}


def test_markdown_yaml_front_matter_with_comma_authors_and_long_date():
    a = article(
        "articles/x/post.md",
        "---\ntitle: Hello markets\nauthor: Ann Lee and Bo Chen\ndate: January 10, 2025\n"
        "tags: defi, policy\ncategory: Policy\nsummary: A short summary.\n---\n\nFirst paragraph of the body.\n\n## Section one\n\nMore text.\n",
    )
    assert a["format"] == "markdown"
    assert a["title"] == "Hello markets"
    assert a["authors"] == ["Ann Lee", "Bo Chen"]
    assert a["published_at"] == "2025-01-10T00:00:00+09:00"
    assert a["tags"] == ["defi", "policy"]
    assert a["category"] == "Policy"
    assert a["summary"] == "A short summary."
    assert a["headings"] == ["Section one"]
    assert "title: Hello" not in a["body"] and "---" not in a["body"]


def test_markdown_toml_front_matter():
    a = article(
        "articles/x/t.md",
        '+++\ntitle = "TOML post"\nauthors = ["A One", "B Two"]\ndate = 2024-09-28\ntags = ["x"]\n+++\n\nBody text here.\n',
    )
    assert a["title"] == "TOML post"
    assert a["authors"] == ["A One", "B Two"]
    assert a["published_at"].startswith("2024-09-28")


def test_markdown_without_front_matter_takes_the_first_heading_as_title():
    a = article("articles/x/n.md", "# The real title\n\nIntro paragraph.\n\n## Part two\n\nText.\n")
    assert a["title"] == "The real title"
    assert a["headings"] == ["Part two"]
    assert "The real title" not in a["body"]


def test_markdown_inline_syntax_is_removed_from_body():
    a = article("articles/x/i.md", "# T\n\nSee [the report](https://example.com) and **bold** `code` ![img](a.png).\n")
    assert a["body"] == "See the report and bold code ."


def test_japanese_dates_and_era_dates():
    assert article("articles/x/j.md", "---\ntitle: T\ndate: 2024年11月28日\n---\n本文です。")["published_at"] == "2024-11-28T00:00:00+09:00"
    assert article("articles/x/e.md", "---\ntitle: T\ndate: 令和6年4月1日\n---\n本文です。")["published_at"] == "2024-04-01T00:00:00+09:00"
    assert article("articles/x/g.md", "---\ntitle: T\ndate: 令和元年5月1日\n---\n本文です。")["published_at"] == "2019-05-01T00:00:00+09:00"


def test_html_prefers_visible_headline_and_strips_site_suffix():
    html = (
        "<html><head><title>Fallback title | Iolite</title></head><body><article><h1>[NEW] Visible headline</h1>"
        "<p>Body paragraph long enough to count as the lede of the article.</p></article></body></html>"
    )
    a = article("articles/x/a.html", html)
    assert a["title"] == "Visible headline"
    assert a["labels"] == ["NEW"]
    no_h1 = article("articles/x/b.html", "<html><head><title>Only title – Iolite</title></head><body><p>Body text here.</p></body></html>")
    assert no_h1["title"] == "Only title"


def test_html_json_ld_graph_with_author_reference_and_issue():
    html = """<html lang="en"><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "Person", "@id": "#p1", "name": "Kato Mei"},
      {"@type": "BlogPosting", "headline": "Graph headline", "author": [{"@id": "#p1"}],
       "datePublished": "2024-06-01T08:00:00Z", "dateModified": "2024-06-02T08:00:00Z", "articleSection": "Tech",
       "isPartOf": {"@type": "PublicationIssue", "issueNumber": 7, "isPartOf": {"@type": "Periodical", "name": "Iolite"}}}]}
    </script></head><body><article><p>Body text of the blog post, long enough to be a lede.</p></article></body></html>"""
    a = article("articles/x/g.html", html)
    assert a["title"] == "Graph headline"
    assert a["authors"] == ["Kato Mei"]
    assert a["published_at"] == "2024-06-01T08:00:00+00:00"
    assert a["updated_at"] == "2024-06-02T08:00:00+00:00"
    assert a["category"] == "Tech"
    assert a["issue_id"] == "iolite-vol-7"


def test_html_removes_scripts_handlers_and_boilerplate_from_every_field():
    html = """<html><head><title>T<script>alert(1)</script></title><meta name="author" content="<b>Ed</b> Smith"></head>
    <body onload="steal()"><nav>Home News</nav><article><h1>Safe <i>title</i><img src=x onerror="alert(2)"></h1>
    <p>Real text that readers see.</p><script>document.write('injected')</script><div class="share">SHARE X</div>
    <p>More real text.</p></article><aside class="related"><h3>Related articles</h3><ul><li>Other story</li></ul></aside>
    <footer>All rights reserved</footer></body></html>"""
    a = article("articles/x/h.html", html)
    flat = json.dumps(a)
    for bad in ("<", "onerror", "alert", "steal", "injected", "All rights reserved", "SHARE"):
        assert bad not in flat, bad
    assert a["title"] == "Safe title"
    assert a["authors"] == ["Ed Smith"]
    assert a["related_titles"] == ["Other story"]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        # the text's own "<" and ">" stay: they open no markup
        ("Fees stay &lt; 1% while t &lt;= 24 hours &gt; 0", "Fees stay < 1% while t <= 24 hours > 0"),
        ("See you Sunday &lt;3 -&gt; the next issue", "See you Sunday <3 -> the next issue"),
        # what would open a tag in a page is taken out, however it was written
        ("A &lt;b&gt;bold&lt;/b&gt; claim", "A bold claim"),
        ("A &lt;&lt;&lt;script&gt;x() claim", "A <<"),  # (an unclosed script runs to the end)
        ("An unclosed &lt;img src=x onerror=alert(1) claim", "An unclosed img src=x onerror=alert(1) claim"),
        ("A &lt;!-- note --&gt; claim &lt;/", "A claim /"),
        ("Odd &lt;&lt;&lt;b claim", "Odd b claim"),  # the whole run in front of the letter
    ],
)
def test_a_texts_own_angle_brackets_stay_and_nothing_that_opens_markup_does(written, read):
    html = f"<html><body><article><h1>{written}</h1><p>{PARAGRAPH}</p><p>{written}</p></article></body></html>"
    a = article("articles/x/lt.html", html)
    assert (a["title"], a["body"].split("\n\n")[-1]) == (read, read)
    # the same typed as characters in Markdown, or as entities (read once more after they are decoded)
    assert article("articles/x/lt.md", f"# {written.replace('&lt;', '<').replace('&gt;', '>')}\n\n{PARAGRAPH}\n")["title"] == read
    assert article("articles/x/lt.md", f"# {written}\n\n{PARAGRAPH}\n")["title"] == read


@pytest.mark.parametrize("body", ["&lt;" * 5000, "* * *", "![![![", "🎉 🎉"])
def test_a_body_of_symbols_alone_is_no_body(body):
    result = extract("articles/x/s.html", f"<html><body><h1>Title</h1><p>{body}</p></body></html>".encode())
    assert result.as_dict()["error"]["code"] == "no_body"


def test_html_visible_byline_and_date_when_no_metadata():
    html = (
        "<html><body><article><h1>Headline</h1><p class='byline'>By Ann Lee and Bo Chen · 2024/05/06</p>"
        "<p>The article body starts here and goes on.</p></article></body></html>"
    )
    a = article("articles/x/v.html", html)
    assert a["authors"] == ["Ann Lee", "Bo Chen"]
    assert a["published_at"] == "2024-05-06T00:00:00+09:00"


def test_pasted_web_copy_layout():
    text = (
        "Markets\n\n[NEW] Title of the pasted page\n\n2024/04/01Editors of Iolite\nSHARE\n  • sns-x-icon\n"
        "[NEW] Title of the pasted page\n\nA short deck line\n\nFirst body paragraph that is clearly longer than the deck line above it.\n\n"
        "A section heading\n\nSecond body paragraph, also long enough to be a paragraph of the article.\n\n"
        "Reference:Source one,Source two\nImage: Photographer\n\nRelated articles\n\nAnother story\n\nSHARE\nSide Banner\nMAGAZINE\nIolite Vol.11\n"
    )
    a = article("articles/2024/04/p.txt", text)
    assert a["format"] == "text"
    assert a["category"] == "Markets"
    assert a["title"] == "Title of the pasted page"
    assert a["labels"] == ["NEW"]
    assert a["subtitle"] == "A short deck line"
    assert a["authors"] == ["Editors of Iolite"]
    assert a["published_at"] == "2024-04-01T00:00:00+09:00"
    assert a["headings"] == ["A section heading"]
    assert a["references"] == ["Source one", "Source two"]
    assert a["image_credits"] == ["Photographer"]
    assert a["related_titles"] == ["Another story"]
    assert a["issue_id"] is None  # the magazine promo is not the article's issue
    for furniture in ("SHARE", "sns-x-icon", "Side Banner", "MAGAZINE", "Iolite Vol.11", "Reference:"):
        assert furniture not in a["body"]


def test_json_ninjs_2_and_3_and_schema_org():
    ninjs2 = {
        "headline": "N2",
        "byline": "Ann Lee",
        "firstcreated": "2024-01-02T03:04:05+09:00",
        "subject": [{"name": "Crypto"}, {"name": "China"}],
        "body_text": "Para one.\n\nPara two.",
    }
    a = article("articles/x/n2.json", json.dumps(ninjs2))
    assert (a["title"], a["authors"], a["category"]) == ("N2", ["Ann Lee"], "Crypto")
    assert "China" in a["tags"] and a["body"] == "Para one.\n\nPara two."
    ninjs3 = {
        "headlines": [{"role": "main", "value": "N3"}, {"role": "subtitle", "value": "Sub"}],
        "by": "Bo Chen",
        "firstCreated": "2024-02-03",
        "subjects": [{"name": "Tax"}],
        "bodies": [{"role": "main", "contentType": "text/html", "value": "<p>Html body.</p><script>x()</script>"}],
    }
    b = article("articles/x/n3.json", json.dumps(ninjs3))
    assert (b["title"], b["subtitle"], b["authors"], b["body"]) == ("N3", "Sub", ["Bo Chen"], "Html body.")
    schema = {
        "@type": "NewsArticle",
        "headline": "S",
        "author": {"@type": "Person", "name": "Cy"},
        "datePublished": "2024-03-04",
        "articleBody": "Schema body.",
    }
    c = article("articles/x/s.json", json.dumps(schema))
    assert (c["title"], c["authors"], c["body"]) == ("S", ["Cy"], "Schema body.")


def test_docx_core_properties_styles_and_paragraph_order():
    data = build_docx(
        [
            ("Title", "Doc title"),
            (None, "By Ann Lee"),
            (None, "First paragraph."),
            ("Heading2", "Section"),
            (None, "Second paragraph."),
            (None, "Image: Agency"),
        ],
        core={"title": "Doc title", "created": "2024-05-06T01:02:03Z", "keywords": "a; b", "category": "Cat", "language": "ja-JP"},
    )
    a = article("articles/x/d.docx", data)
    assert a["format"] == "docx"
    assert a["title"] == "Doc title"
    assert a["authors"] == ["Ann Lee"]
    assert a["tags"] == ["a", "b"]
    assert a["category"] == "Cat"
    assert a["headings"] == ["Section"]
    assert a["image_credits"] == ["Agency"]
    assert a["body"] == "First paragraph.\n\nSection\n\nSecond paragraph."


def test_docx_localised_heading_style_names():
    data = build_docx(
        [("a1", "見出しのタイトル"), (None, "本文の段落です。"), ("a2", "小見出し"), (None, "続きの段落。")],
        styles={"a1": "heading 1", "a2": "heading 2"},
    )
    a = article("articles/x/ja.docx", data)
    assert a["title"] == "見出しのタイトル"
    assert a["headings"] == ["小見出し"]
    assert a["language"] == "ja"


@pytest.mark.parametrize(
    "encoding, data_fn",
    [
        ("utf-8", lambda s: s.encode("utf-8")),
        ("utf-8-sig", lambda s: s.encode("utf-8-sig")),
        ("utf-16", lambda s: s.encode("utf-16")),
        ("shift_jis", lambda s: s.encode("cp932")),
        ("euc-jp", lambda s: s.encode("euc_jp")),
        ("iso-2022-jp", lambda s: s.encode("iso2022_jp")),
    ],
)
def test_japanese_text_in_every_supported_encoding(encoding, data_fn):
    text = "カテゴリ：政策\n上海市、実施計画を公表\n2024/05/20　Iolite編集部\n\n上海市は、ブロックチェーンを活用した仕組みを構築するための計画を公表した。\n"
    a = article("articles/x/ja.txt", data_fn(text))
    assert a["title"] == "上海市、実施計画を公表", encoding
    assert a["category"] == "政策"
    assert a["authors"] == ["Iolite編集部"]
    assert a["language"] == "ja"


def test_cp1252_and_declared_charset():
    a = article("articles/x/w.txt", "Café prices\n\nThe café raised prices – again, said the owner’s son.\n".encode("cp1252"))
    assert a["title"] == "Café prices"
    html = '<html><head><meta charset="euc-jp"><title>記事</title></head><body><h1>見出し</h1><p>本文です。</p></body></html>'
    b = article("articles/x/e.html", html.encode("euc_jp"))
    assert b["title"] == "見出し"


@pytest.mark.parametrize("declared", ["iso-8859-15", "iso-8859-1", "windows-1252", "shift_jis"])
def test_a_page_saved_as_utf8_under_another_declared_charset_is_read_as_utf8(declared):
    # elmundo.es: "charset=iso-8859-15" over UTF-8 bytes, as a saved copy of a page often keeps it
    html = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}"><title>Lesaka</title></head>'
        "<body><h1>Cae en Francia Izaskun Lesaka</h1><p>La Guardia Civil ha detenido en un hotel de Macon, a 70 kilómetros "
        "de Lyon, a Izaskun Lesaka. ¿Quién sustituyó a Ángeles? Otra pregunta más, para que el párrafo sea largo.</p></body></html>"
    )
    a = article("articles/x/m.html", html.encode("utf-8"))
    assert "kilómetros" in a["summary"] and "Ã" not in a["summary"]
    # a page in its declared single-byte charset stays in it
    b = article("articles/x/l.html", html.replace(declared, "iso-8859-15").encode("iso-8859-15"))
    assert "kilómetros" in b["summary"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The market rallied as the central bank held rates and traders bought.", "en"),
        ("ビットコインの価格が上昇し、市場では期待が高まっている。", "ja"),
        ("比特币价格上涨，市场情绪明显改善。", "zh"),
        ("비트코인 가격이 오르면서 시장의 기대가 커지고 있다.", "ko"),
    ],
)
def test_language_detection(text, lang):
    assert article("articles/x/l.txt", f"Title line\n\n{text}\n")["language"] == lang


@pytest.mark.parametrize(
    "text, lang",
    [
        ("ビットコインの価格が上昇し、市場では期待が高まっている。", "ja"),  # the script overrules an 'en' template
        ("비트코인 가격이 오르면서 시장의 기대가 커지고 있다.", "ko"),
        ("Der Markt stieg, und die Händler kauften, als die Bank die Zinsen hielt.", "en"),  # stop words do not
    ],
)
def test_a_declared_english_is_overruled_only_by_japanese_chinese_or_korean_text(text, lang):
    html = f'<html lang="en"><head><title>T</title></head><body><h1>Title</h1><p>{text}</p></body></html>'
    assert article("articles/x/l.html", html)["language"] == lang


def test_word_count_counts_cjk_characters_and_reading_minutes():
    a = article("articles/x/c.md", "# T\n\n" + "語" * 1000 + "\n\n" + "word " * 200)
    assert a["word_count"] == 1200
    assert a["reading_minutes"] == 3  # 1000 chars / 500 + 200 words / 200


def test_issue_from_key_folder():
    a = article("articles/iolite-vol-11/x.md", "# T\n\nBody.")
    assert a["issue_id"] == "iolite-vol-11"


def test_field_lengths_are_bounded():
    long_title = "word " * 200
    a = article("articles/x/long.md", f"---\ntitle: {long_title}\ntags: [{', '.join('t' + str(i) for i in range(50))}]\n---\n\nBody.")
    assert len(a["title"]) <= 300
    assert len(a["tags"]) == 20
    assert len(a["summary"]) <= 300


@pytest.mark.parametrize(
    "key, body, manifest",
    [
        (
            "issues/a.yaml",
            "publication: Iolite\nvolume: 11\ntitle: January\nreleased_on: 2024-11-28\nfeatures: [a, b]\n",
            {"issue_id": "iolite-vol-11", "volume": 11, "released_on": "2024-11-28", "features": ["a", "b"]},
        ),
        (
            "issues/b.json",
            '{"publication": "Iolite", "volume": "Vol.10", "released_on": "2024/09/28"}',
            {"issue_id": "iolite-vol-10", "volume": 10, "released_on": "2024-09-28"},
        ),
        (
            "issues/c.md",
            "---\nissue_id: special-vol-1\ntitle: Special\n---\nAbout the issue.\n",
            {"issue_id": "special-vol-1", "description": "About the issue."},
        ),
        (
            # a Markdown body is read as an article's is: no Markdown syntax in the description, and
            # its heading is the title where the front matter names none
            "issues/d.md",
            "---\npublication: Iolite\nvolume: 20\n---\n# Iolite Vol.20\n\nThis **special issue** covers [ETFs](https://example.com)"
            " and _stablecoins_.\n\n## Features\n\n- First feature\n- Second feature\n",
            {"title": "Iolite Vol.20", "description": "This special issue covers ETFs and stablecoins. First feature Second feature"},
        ),
        (
            "issues/e.md",
            "---\npublication: Iolite\nvolume: 21\ntitle: March issue\n---\n# Iolite Vol.21\n\nAbout the issue.\n",
            {"title": "March issue", "description": "About the issue."},
        ),
    ],
)
def test_issue_manifests(key, body, manifest):
    result = extract(key, body.encode())
    assert result.accepted
    data = result.as_dict()
    assert data["kind"] == "issue"
    for field, value in manifest.items():
        assert data[field] == value


@pytest.mark.parametrize(
    "byline, authors",
    [
        ("Text: Kato Mei", ["Kato Mei"]),
        ("文：山田太郎　2024年4月1日", ["山田太郎"]),
        ("By Ann Lee, Bo Chen and Cy Diaz", ["Ann Lee", "Bo Chen", "Cy Diaz"]),
        ("Words by Ann Lee | Photography by Bo Chen", ["Ann Lee"]),
    ],
)
def test_visible_byline_patterns(byline, authors):
    html = (
        f"<html><body><article><h1>Headline</h1><p class='byline'>{byline}</p><p>Body paragraph of the article.</p></article></body></html>"
    )
    assert article("articles/x/b.html", html)["authors"] == authors


def test_xml_prolog_charset_and_configurable_time_zone():
    from masthead.extract import ExtractOptions

    html = '<?xml version="1.0" encoding="Shift_JIS"?><html><body><h1>見出し</h1><p>本文です。</p></body></html>'
    assert article("articles/x/x.html", html.encode("cp932"))["title"] == "見出し"
    result = extract("articles/x/d.md", b"---\ntitle: T\ndate: 2024-04-01\n---\nBody.", ExtractOptions(default_tz="Europe/Paris"))
    assert result.metadata.published_at == "2024-04-01T00:00:00+02:00"


def test_control_characters_never_reach_a_field():
    a = article("articles/x/c.md", '---\ntitle: "Bad\\u0007 title\\u200b here"\nauthor: "Ann\\u0000 Lee"\n---\n\nBody\u0001 text.\n')
    flat = json.dumps({k: v for k, v in a.items() if k != "body"}, ensure_ascii=True)
    assert "\\u0007" not in flat and "\\u200b" not in flat and "\\u0000" not in flat
    assert a["title"] == "Bad title here"


def test_byline_and_dateline_outside_the_content_container():
    html = (
        '<html><body><h1>No metadata page</h1><div>Posted on March 3, 2024 by <a rel="author" href="/u/kim">Kim Park</a></div>'
        '<div class="entry-content"><p>Story text goes here and is long enough to count.</p></div></body></html>'
    )
    a = article("articles/x/e.html", html)
    assert a["authors"] == ["Kim Park"]
    assert a["published_at"] == "2024-03-03T00:00:00+09:00"
    assert a["body"] == "Story text goes here and is long enough to count."


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        ("文＝山田太郎、写真＝佐藤花子", ["山田太郎"]),  # the writer, not the photographer
        ("取材・文●山田太郎 撮影●佐藤花子", ["山田太郎"]),
        ("文・写真：山田太郎", ["山田太郎"]),  # a writer who took the photos too
        ("写真＝佐藤花子", []),
        ("山田太郎・佐藤花子", ["山田太郎", "佐藤花子"]),  # no roles: two people
        ("佐藤文／ASCII編集部", ["佐藤文", "ASCII編集部"]),  # a name that ends in 文 is no role
    ],
)
def test_japanese_credit_lines_name_their_writers(credit, authors):
    assert _authors_in_markdown_and_html(credit, "ja", "見出し", "本文の段落です。記事の内容がここに書かれています。") == [authors, authors]


def _authors_in_markdown_and_html(byline: str, lang: str, title: str, sentence: str) -> list[list[str]]:
    """The authors of an article whose byline is `byline`: as the author in Markdown front matter,
    and as a byline box in an HTML page."""
    markdown = f"---\ntitle: {title}\nauthor: {byline}\n---\n\n{sentence}\n"
    html = f'<html lang="{lang}"><body><article><h1>{title}</h1><div class="byline">{byline}</div><p>{sentence * 5}</p></article></body></html>'
    return [extract(f"articles/x.{suffix}", data.encode()).metadata.authors for suffix, data in (("md", markdown), ("html", html))]


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("(서울=연합뉴스) 홍길동 기자 =", ["홍길동"]),  # where it was written and the agency before "="
        ("[부산=스포츠조선 선수민 기자]", ["선수민"]),  # the outlet in front of the name
        ("스포츠조선=선수민 기자", ["선수민"]),
        ("배윤경·이상현 기자", ["배윤경", "이상현"]),
        ("김철수 선임기자 kim@example.co.kr", ["김철수"]),  # a rank before the role, an address after it
        ("홍길동 기자, 사진=김철수 기자", ["홍길동"]),  # the reporter, not the photographer
        ("김철수 사진기자", []),
    ],
)
def test_korean_bylines_name_their_reporters(byline, authors):
    assert _authors_in_markdown_and_html(byline, "ko", "제목", "본문 문단입니다. 기사의 내용이 여기에 있습니다. ") == [authors, authors]


def test_semicolon_separated_authors():
    assert article("articles/x/s.md", '---\ntitle: T\nauthors: "Ann Lee; Bo Chen"\n---\nBody.')["authors"] == ["Ann Lee", "Bo Chen"]


def test_an_h1_that_is_a_logo_or_section_label_is_not_the_title():
    html = (
        "<html><head><title>Regulators tighten stablecoin reserve rules | Ledger</title>"
        '<meta property="og:title" content="Regulators tighten stablecoin reserve rules"></head>'
        '<body><h1 class="section">Markets</h1><p>Regulators said on Monday that issuers must hold reserves in cash.</p></body></html>'
    )
    assert article("articles/x/l.html", html)["title"] == "Regulators tighten stablecoin reserve rules"
    no_meta = (
        "<html><head><title>Regulators tighten stablecoin reserve rules - Ledger</title></head>"
        "<body><h1>Markets</h1><p>Regulators said on Monday that issuers must hold reserves in cash.</p></body></html>"
    )
    assert article("articles/x/m.html", no_meta)["title"] == "Regulators tighten stablecoin reserve rules"


def test_structured_person_names_are_not_split_and_roles_are_dropped():
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", '
        '"author": [{"@type": "Person", "name": "Doe, Jane"}, {"@type": "Person", "name": "Smith and Sons Ltd"}]}</script></head>'
        "<body><article><h1>H</h1><p>Body text of the article.</p></article></body></html>"
    )
    assert article("articles/x/p.html", html)["authors"] == ["Doe, Jane", "Smith and Sons Ltd"]
    md = article("articles/x/r.md", "---\ntitle: T\nauthor: Ann Lee, Reporter\n---\nBody.")
    assert md["authors"] == ["Ann Lee"]


def test_json_ld_nested_keywords_and_list_scalars():
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": ["Listed headline"], '
        '"datePublished": ["2020-01-19T12:25:36Z"], "keywords": [["US", "Awards"]], "author": {"@type": "Person", "name": "Jill S"}}'
        '</script><meta property="og:article:published_time" content="2020-01-19T12:25:36Z"></head>'
        "<body><div><p>Body text of the article.</p></div></body></html>"
    )
    a = article("articles/x/k.html", html)
    assert (a["title"], a["tags"], a["published_at"]) == ("Listed headline", ["US", "Awards"], "2020-01-19T12:25:36+00:00")


def test_word_count_is_exact_past_the_counting_chunk():
    from masthead.extract.text import text_counts

    # Longer than the megabyte the counter reads at a time: no word is split or counted twice.
    assert text_counts("alpha beta,  gamma\n" * 120_000 + "– end")[0] == 360_001
    assert text_counts("語" * 2_000_000 + " word")[0] == 2_000_001


@pytest.mark.parametrize(
    "body, words",
    [
        ("– Opening dash then words", 4),  # a punctuation token first
        ("one – two · three | four", 4),
        ("a - - b", 2),
        ("dots… stay words, “quotes” too", 5),
        ("— … —", 0),
        ("東京 – 大阪", 4),  # CJK characters count one each
    ],
)
def test_punctuation_tokens_are_not_words(body, words):
    from masthead.extract.text import text_counts

    assert text_counts(body)[0] == words


def test_counting_a_body_by_its_spaces_is_counting_its_words():
    """The body finish_article builds (clean paragraphs joined by blank lines) is counted from its
    spaces, not cut into words: the same counts as text_counts, whatever the paragraphs held."""
    from masthead.extract.text import clean, paragraph_counts, text_counts

    pick = random.Random(8)
    alphabet = "ab 1,–·|…“”\t\n\u3000\xa0-"
    for case in range(2000):
        cjk = "語カ" if case % 10 == 0 else ""  # a body with CJK is counted as any text
        pieces = ["".join(pick.choices(alphabet + cjk, k=pick.randint(0, 30))) for _ in range(pick.randint(1, 8))]
        paragraphs = [p for p in (clean(piece) for piece in pieces) if p]
        body = "\n\n".join(paragraphs)
        assert paragraph_counts(paragraphs, body) == text_counts(body), pieces


def test_control_and_format_characters_leave_non_ascii_text():
    from masthead.extract.text import clean

    assert clean("Zürich\u200b\u202enews\x07 ünd\ufeff mehr") == "Zürichnews ünd mehr"
    assert clean("Überblick der Woche") == "Überblick der Woche"


PARAGRAPH = "A paragraph of the article with enough words in it to be read as the body."


@pytest.mark.parametrize(
    "source",
    [
        f"---\n---\n# Heading title\n\n{PARAGRAPH}\n",  # Jekyll: a page's front matter may hold nothing
        f"---\r\n---\r\n# Heading title\r\n\r\n{PARAGRAPH}\r\n",
        f"---\n\n---\n# Heading title\n\n{PARAGRAPH}\n",
        f"---\n# a comment only\n---\n# Heading title\n\n{PARAGRAPH}\n",
        f"+++\n+++\n# Heading title\n\n{PARAGRAPH}\n",
    ],
)
def test_an_empty_front_matter_block_is_no_front_matter(source):
    a = article("articles/a/empty-front.md", source)
    assert (a["title"], a["body"]) == ("Heading title", PARAGRAPH)


@pytest.mark.parametrize(
    ("key", "source", "fmt", "title"),
    [
        (
            "articles/a/no-suffix",
            f"<!doctype html><html><body><h1>Sniffed page</h1><p>{PARAGRAPH}</p></body></html>",
            "html",
            "Sniffed page",
        ),
        ("articles/a/saved.txt", f"  <html><body><h1>Sniffed page</h1><p>{PARAGRAPH}</p></body></html>", "html", "Sniffed page"),
        ("articles/a/no-suffix", f"---\ntitle: Sniffed notes\n---\n{PARAGRAPH}\n", "markdown", "Sniffed notes"),
        ("articles/a/notes.txt", f"+++\ntitle = 'Sniffed notes'\n+++\n{PARAGRAPH}\n", "markdown", "Sniffed notes"),
        ("articles/a/no-suffix", json.dumps({"headline": "Sniffed JSON", "articleBody": PARAGRAPH}), "json", "Sniffed JSON"),
        # a JSON object saved as .txt; prose that only opens with a brace stays text
        ("articles/a/export.txt", json.dumps({"headline": "Sniffed JSON", "articleBody": PARAGRAPH}, indent=2), "json", "Sniffed JSON"),
        ("articles/a/braces.txt", f"{{Note}} A title line\n\n{PARAGRAPH}\n", "text", "{Note} A title line"),
        ("articles/a/no-suffix", f"Plain title line\n\n{PARAGRAPH}\n", "text", "Plain title line"),
    ],
)
def test_an_upload_without_a_format_suffix_is_read_by_how_it_starts(key, source, fmt, title):
    a = article(key, source)
    assert (a["format"], a["title"], a["body"]) == (fmt, title, PARAGRAPH)


@pytest.mark.parametrize(
    ("issue", "expected"),
    [
        ("Iolite Vol.11", "iolite-vol-11"),
        ("Iolite No. 12", "iolite-vol-12"),
        ("iolite-vol-11", "iolite-vol-11"),
        ("Vol.16", "iolite-vol-16"),  # the publication is the site's own
        ("号12", "iolite-vol-12"),
        ("'11'", "iolite-vol-11"),
        ("11", "iolite-vol-11"),
        ("\n  name: Iolite Vol.13", "iolite-vol-13"),
        ("\n  id: iolite-vol-14", "iolite-vol-14"),
        ("\n  volume: 15\n  publication: Iolite", "iolite-vol-15"),
        ("\n  volume: true\n  publication: Iolite", None),  # a yes/no is no number
        ("next month", None),
    ],
)
def test_an_issue_reference_as_editors_write_it(issue, expected):
    a = article("articles/2024/04/a.md", f"---\ntitle: T\nissue: {issue}\n---\n{PARAGRAPH}\n")
    assert a["issue_id"] == expected


def test_an_issue_number_alone_needs_the_sites_name():
    from masthead.extract import ExtractOptions

    for issue in ("11", "Vol.16"):
        source = f"---\ntitle: T\nissue: {issue}\n---\n{PARAGRAPH}\n"
        result = extract("articles/2024/04/a.md", source.encode(), ExtractOptions(site_names=()))
        assert result.accepted and result.metadata.issue_id is None, issue


@pytest.mark.parametrize(
    ("position", "expected"), [("4", 4), ("'#3'", 3), ("' 7 '", 7), ("true", None), ("'1234567'", None), ("'3a'", None)]
)
def test_an_articles_position_in_its_issue_is_a_small_number(position, expected):
    a = article("articles/2024/04/a.md", f"---\ntitle: T\nposition: {position}\n---\n{PARAGRAPH}\n")
    assert a["position"] == expected


@pytest.mark.parametrize(("position", "expected"), [(3, 3), ("#4", 4), (True, None), (2.5, None), ({"value": 2}, None)])
def test_a_json_articles_position_is_a_small_number_not_a_yes_or_no(position, expected):
    document = {"headline": "T", "articleBody": PARAGRAPH, "position": position}
    assert article("articles/a/p.json", json.dumps(document))["position"] == expected


def test_an_update_dated_before_the_publication_is_dropped():
    a = article("articles/a/d.md", f"---\ntitle: T\ndate: 2024-04-02\nupdated: 2024-04-01\n---\n{PARAGRAPH}\n")
    assert (a["published_at"][:10], a["updated_at"]) == ("2024-04-02", None)
    a = article("articles/a/d.md", f"---\ntitle: T\ndate: 2024-04-02\nupdated: 2024-04-03\n---\n{PARAGRAPH}\n")
    assert (a["published_at"][:10], a["updated_at"][:10]) == ("2024-04-02", "2024-04-03")


def test_markdown_code_fences_keep_their_lines_out_of_the_headings():
    source = f"# Title\n\n{PARAGRAPH}\n\n```python\n# not a heading\nx = 1\n```\n\n## Real heading\n\nAfter the code.\n"
    a = article("articles/a/code.md", source)
    assert a["headings"] == ["Real heading"]
    assert a["body"] == f"{PARAGRAPH}\n\n# not a heading x = 1\n\nReal heading\n\nAfter the code."
    # a fence left open keeps its lines to the end
    a = article("articles/a/open.md", f"# Title\n\n{PARAGRAPH}\n\n~~~\n## inside\nnever closed\n")
    assert (a["headings"], a["body"]) == ([], f"{PARAGRAPH}\n\n## inside never closed")


def test_markdown_emphasis_is_dropped_but_not_underscores_inside_words():
    a = article("articles/a/em.md", f"# T\n\nUse snake_case_name, _emphasis_ and *stars* and __strong__ here.\n\n{PARAGRAPH}\n")
    assert a["summary"] == "Use snake_case_name, emphasis and stars and strong here."


@pytest.mark.parametrize(
    "document",
    [
        [{"headline": "The article", "articleBody": PARAGRAPH}, {"headline": "Another"}],  # a list: its first object
        {
            "@graph": [
                {"@type": "WebPage", "name": "The page"},
                {"@type": "NewsArticle", "headline": "The article", "articleBody": PARAGRAPH},
            ]
        },
    ],
)
def test_json_article_object_in_a_list_or_a_json_ld_graph(document):
    a = article("articles/a/doc.json", json.dumps(document))
    assert (a["title"], a["body"]) == ("The article", PARAGRAPH)


@pytest.mark.parametrize(
    ("descriptions", "summary"),
    [
        (
            [{"role": "main", "value": "Main one."}, {"role": "summary", "value": "The summary written for lists."}],
            "The summary written for lists.",
        ),
        ("A plain description.", "A plain description."),
    ],
)
def test_ninjs_descriptions_give_the_summary(descriptions, summary):
    document = {"headlines": [{"role": "main", "value": "T"}], "descriptions": descriptions, "body_text": PARAGRAPH}
    assert article("articles/a/n.json", json.dumps(document))["summary"] == summary


def test_a_pasted_page_share_lines_and_a_byline_under_the_date():
    pasted = f"Share\nTweet\nThe real title of the piece\n2024年4月2日\n田中太郎\n{PARAGRAPH}\n{PARAGRAPH}\nShare\nMore from the site today"
    a = article("articles/a/pasted.txt", pasted)
    assert (a["title"], a["authors"], a["published_at"][:10]) == ("The real title of the piece", ["田中太郎"], "2024-04-02")
    assert a["body"] == f"{PARAGRAPH}\n\n{PARAGRAPH}"  # the share bar ends the article


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Ann Lee, 2024/04/02", ["Ann Lee"]),
        ("Ann Lee 2024/04/02", ["Ann Lee"]),
        ("Ann Lee - 12/03/2024", ["Ann Lee"]),
        ("Ann Lee 2024-04-02T10:00", ["Ann Lee"]),
        ("Ann Lee, 2024", ["Ann Lee"]),  # the year alone is no second author
        ("田中太郎 2024/04/02", ["田中太郎"]),
        ("Ann Lee/Bo Chen", ["Ann Lee", "Bo Chen"]),
    ],
)
def test_a_date_written_into_a_byline_is_no_author_in_any_format(byline, authors):
    # its slashes and dashes split it into "names" ("2024", "04", "02") where it was not cut first
    as_json = article("articles/a/a.json", json.dumps({"headline": "T", "articleBody": PARAGRAPH, "author": byline}))
    as_markdown = article("articles/a/a.md", f"---\ntitle: T\nauthor: {json.dumps(byline)}\n---\n{PARAGRAPH}\n")
    as_text = article("articles/a/a.txt", f"The title line\nBy {byline}\n{PARAGRAPH}\n")
    as_html = article(
        "articles/a/a.html", f'<html><head><meta name="author" content="{byline}"></head><body><h1>T</h1><p>{PARAGRAPH}</p></body></html>'
    )
    assert as_json["authors"] == as_markdown["authors"] == as_text["authors"] == as_html["authors"] == authors


@pytest.mark.parametrize(("language", "code"), [("Japanese", "ja"), ("日本語", "ja"), ("Korean", "ko"), ("ja_JP", "ja"), ("en-US", "en")])
def test_a_language_named_or_tagged_in_front_matter_is_its_code(language, code):
    assert article("articles/a/l.md", f"---\ntitle: T\nlanguage: {language}\n---\n{PARAGRAPH}\n")["language"] == code


@pytest.mark.parametrize(("date", "published"), [("2024-04-02", "2024-04-02"), ("1850-01-01", None), ("2300-01-01", None), ("0", None)])
def test_a_publication_date_is_a_plausible_day_or_none(date, published):
    # a date before 1900 or after 2200 is a typo or a placeholder, as is the epoch (0)
    a = article("articles/a/d.md", f"---\ntitle: T\ndate: {date}\n---\n{PARAGRAPH}\n")
    assert (a["published_at"] or "")[:10] == (published or "")


def test_a_yaml_value_read_as_a_date_keeps_its_text():
    assert article("articles/a/t.md", f"---\ntitle: 2024-04-01\n---\n{PARAGRAPH}\n")["title"] == "2024-04-01"


def test_markdown_underlined_headings_rules_and_reference_definitions():
    source = (
        f"Setext title\n============\n\n{PARAGRAPH}\n\nA section\n---------\n\nMore text here.\n\n* * *\n\n"
        "[ref]: https://example.com/ref\n\nLast words.\n"
    )
    a = article("articles/a/setext.md", source)
    assert (a["title"], a["headings"]) == ("Setext title", ["A section"])
    assert a["body"] == f"{PARAGRAPH}\n\nA section\n\nMore text here.\n\nLast words."  # no rule, no link definition


def test_json_authors_as_objects_strings_and_links():
    authors = [{"name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chen"}, "https://example.com/authors/cy", {"url": "https://x"}]
    a = article("articles/a/a.json", json.dumps({"headline": "T", "articleBody": PARAGRAPH, "author": authors}))
    assert a["authors"] == ["Ann Lee", "Bo Chen"]  # a link to an author's page names no one


@pytest.mark.parametrize(
    ("author", "authors"),
    [
        ("Ann Lee, PhD", ["Ann Lee"]),  # a degree after the name is no one's name
        ("Ann Lee MS, RDN", ["Ann Lee"]),
        ("Dr. Ann Lee, MD, MPH", ["Dr. Ann Lee"]),
        ("Ann Lee, Bo Chen MD", ["Ann Lee", "Bo Chen"]),
        ("Ann Ma", ["Ann Ma"]),  # a surname that is a degree in capitals
        ("MD", ["MD"]),  # alone, it is what the file says
    ],
)
def test_degrees_after_a_declared_author_are_no_names(author, authors):
    a = article("articles/a/a.json", json.dumps({"headline": "T", "articleBody": PARAGRAPH, "author": author}))
    assert a["authors"] == authors
    a = article("articles/a/a.md", f"---\ntitle: T\nauthor: {author}\n---\n\n{PARAGRAPH}\n")
    assert a["authors"] == authors


@pytest.mark.parametrize(
    "author",
    [
        [{"firstName": "Ann", "lastName": "Lee"}],  # a CMS export's person
        {"givenName": "Ann", "familyName": "Lee"},  # schema.org's
        [{"first_name": "Ann", "last_name": "Lee"}],
        [{"given": "Ann", "family": "Lee"}],  # CSL-JSON's
    ],
)
def test_an_author_written_as_a_first_and_a_last_name_is_one_name(author):
    a = article("articles/a/a.json", json.dumps({"headline": "T", "articleBody": PARAGRAPH, "author": author}))
    assert a["authors"] == ["Ann Lee"]
    a = article("articles/a/a.md", "---\ntitle: T\nauthor:\n  first_name: Ann\n  last_name: Lee\n---\n\n" + PARAGRAPH + "\n")
    assert a["authors"] == ["Ann Lee"]


@pytest.mark.parametrize(
    "document",
    [
        {"title": "The article", "body": f"{PARAGRAPH}\n\nSecond."},  # a plain CMS export
        {"title": "The article", "content": f"<p>{PARAGRAPH}</p><p>Second.</p>"},  # its content as HTML
        {"title": "The article", "html": f"<p>{PARAGRAPH}</p><p>Second.</p>"},  # Ghost
        # WordPress' REST API: every text as {"rendered": html}
        {
            "title": {"rendered": "The article"},
            "content": {"rendered": f"<p>{PARAGRAPH}</p>\n<p>Second.</p>", "protected": False},
            "author": 3,
        },
        {"data": {"title": "The article", "body": f"{PARAGRAPH}\n\nSecond."}, "meta": {"page": 1}},  # wrapped
        {"title": "The article", "body": f"{PARAGRAPH}\n\nSecond.", "data": {"views": 3}},  # not wrapped: it has a title
        {"posts": [{"title": "The article", "body": f"{PARAGRAPH}\n\nSecond."}]},
        {"data": {"id": "1", "attributes": {"title": "The article", "content": f"{PARAGRAPH}\n\nSecond."}}},  # JSON:API (Strapi)
        {"sys": {"id": "x"}, "fields": {"title": "The article", "body": f"{PARAGRAPH}\n\nSecond."}},  # Contentful
    ],
)
def test_json_exported_by_a_blog_platform_or_cms(document):
    a = article("articles/a/export.json", json.dumps(document))
    assert (a["title"], a["body"], a["authors"]) == ("The article", f"{PARAGRAPH}\n\nSecond.", [])


def test_a_wordpress_posts_rendered_title_excerpt_and_dates():
    post = {
        "date": "2024-04-01T10:00:00",
        "modified": "2024-04-02T10:00:00",
        "title": {"rendered": "Bitcoin &#8211; a year of ETFs"},
        "excerpt": {"rendered": "<p>What a year of spot ETFs changed.</p>\n", "protected": False},
        "content": {"rendered": f"<p>{PARAGRAPH}</p>"},
        "author": 7,
        "categories": [12],
        "tags": [40, 41],  # ids of terms the export lists elsewhere: no names
    }
    a = article("articles/a/wp.json", json.dumps(post))
    assert (a["title"], a["summary"]) == ("Bitcoin – a year of ETFs", "What a year of spot ETFs changed.")
    assert (a["authors"], a["category"], a["tags"]) == ([], None, [])
    assert (a["published_at"], a["updated_at"]) == ("2024-04-01T10:00:00+09:00", "2024-04-02T10:00:00+09:00")


@pytest.mark.parametrize(
    ("key", "body", "expected"),
    [
        # the number called the issue's, not its volume
        ("issues/c.yaml", "publication: Iolite\nissue: 16\n", ("iolite-vol-16", "Iolite", 16)),
        # named only by its title, or by its file's name
        ("issues/f.yaml", "title: Iolite Vol.19\nreleased_on: 2025-09-28\n", ("iolite-vol-19", "Iolite", 19)),
        ("issues/iolite-vol-20.yaml", "title: January issue\n", ("iolite-vol-20", "Iolite", 20)),
        # an id alone spells the volume, and the publication where it is the site's
        ("issues/a.yaml", "issue_id: iolite-vol-22\n", ("iolite-vol-22", "Iolite", 22)),
        ("issues/other-mag-vol-3.yaml", "title: Spring\n", ("other-mag-vol-3", None, 3)),
    ],
)
def test_an_issue_manifest_named_by_its_title_file_name_or_issue_number(key, body, expected):
    data = extract(key, body.encode()).as_dict()
    assert (data["issue_id"], data["publication"], data["volume"]) == expected


def test_a_manifest_that_names_no_issue_says_how_to_name_one():
    error = extract("issues/notes.yaml", b"title: January issue\n").as_dict()["error"]
    assert error["code"] == "bad_manifest" and "a file name like iolite-vol-11.yaml" in error["message"]


def test_a_markdown_tables_rows_are_lines_of_their_cells():
    source = f"# T\n\n{PARAGRAPH}\n\n| Exchange | Share |\n|---|:-:|\n| A | **40%** |\n| B | 35% |\n\nAfter the table.\n"
    a = article("articles/a/table.md", source)
    assert a["body"] == f"{PARAGRAPH}\n\nExchange Share\n\nA 40%\n\nB 35%\n\nAfter the table."


def _wordpress_post(**fields) -> str:
    post = {
        "date": "2025-06-03T09:30:00",
        "title": {"rendered": "Three banks begin a pilot"},
        "content": {"rendered": f"<p>{PARAGRAPH}</p>"},
        "author": 7,
        "categories": [12, 13],
        "tags": [40],
    }
    return json.dumps({**post, **fields})


def test_a_wordpress_export_with_embed_names_its_author_terms_and_picture_credit():
    embedded = {
        "author": [{"id": 7, "name": "Jane Doe", "slug": "jane"}, {"code": "rest_user_invalid_id"}, {"id": 8, "name": 12345}],
        "wp:term": [
            [
                {"id": 11, "name": 11, "taxonomy": "category"},
                {"id": 12, "name": "Payments", "taxonomy": "category"},
                {"id": 13, "name": "Banks", "taxonomy": "category"},
            ],
            [{"id": 40, "name": "Tokenisation", "taxonomy": "post_tag"}, {"id": 41, "name": 41, "taxonomy": "post_tag"}],
            [{"id": 90, "name": "Weekly", "taxonomy": "series"}],  # a custom taxonomy: neither
        ],
        "wp:featuredmedia": [{"caption": {"rendered": "<p>Photo: Bo Chen</p>\n"}, "media_details": {"image_meta": {"credit": "Reuters"}}}],
    }
    a = article("articles/a/wp.json", _wordpress_post(_embedded=embedded))
    assert (a["authors"], a["category"], a["tags"]) == (["Jane Doe"], "Payments", ["Banks", "Tokenisation"])
    assert a["image_credits"] == ["Reuters", "Bo Chen"]


def test_a_wordpress_posts_own_author_name_comes_before_the_embedded_one():
    a = article("articles/a/wp.json", _wordpress_post(author="Ann Lee", _embedded={"author": [{"id": 7, "name": "Jane Doe"}]}))
    assert a["authors"] == ["Ann Lee"]


def test_a_wordpress_caption_that_is_no_credit_line_is_neither_credit_nor_body():
    embedded = {"wp:featuredmedia": [{"caption": {"rendered": "<p>The bank's head office in Osaka</p>"}}]}
    a = article("articles/a/wp.json", _wordpress_post(_embedded=embedded))
    assert (a["image_credits"], a["body"]) == ([], PARAGRAPH)


@pytest.mark.parametrize(
    ("local", "utc", "published"),
    [
        ("2025-06-03T09:30:00", "2025-06-03T13:30:00", "2025-06-03T09:30:00-04:00"),  # New York
        ("2025-06-03T09:30:00", "2025-06-03T04:00:00", "2025-06-03T09:30:00+05:30"),  # Delhi
        ("2025-06-03T00:30:00", "2025-06-02T23:30:00", "2025-06-03T00:30:00+01:00"),  # the day before in UTC
        # no offset the two can be: the default zone, as for a bare time
        ("2025-06-03T09:30:00", "2025-06-03T13:30:07", "2025-06-03T09:30:00+09:00"),
        ("2025-06-03T09:30:00", "2025-06-03T09:23:00", "2025-06-03T09:30:00+09:00"),  # no zone is 7 minutes off
        ("2025-06-03T09:30:00", "2025-06-05T13:30:00", "2025-06-03T09:30:00+09:00"),
        ("2025-06-03T09:30:00", "0000-00-00T00:00:00", "2025-06-03T09:30:00+09:00"),  # a draft's
        ("2025-06-03T09:30:00", None, "2025-06-03T09:30:00+09:00"),
    ],
)
def test_a_wordpress_time_takes_the_sites_offset_from_its_utc_twin(local, utc, published):
    post = _wordpress_post(date=local, date_gmt=utc, modified=local, modified_gmt=utc)
    a = article("articles/a/wp.json", post)
    assert (a["published_at"], a["updated_at"]) == (published, published)


def test_a_wordpress_time_with_its_own_offset_or_from_another_field_keeps_it():
    post = _wordpress_post(date="2025-06-03T09:30:00+02:00", date_gmt="2025-06-03T07:30:00")
    assert article("articles/a/wp.json", post)["published_at"] == "2025-06-03T09:30:00+02:00"
    post = _wordpress_post(published="2025-06-01T08:00:00", date="2025-06-03T09:30:00", date_gmt="2025-06-03T13:30:00")
    assert article("articles/a/wp.json", post)["published_at"] == "2025-06-01T08:00:00+09:00"  # "date" is not its date


def test_a_ghost_export_gives_its_excerpt_primary_tag_and_caption_credit():
    post = {
        "title": "Stablecoin rules arrive",
        "html": f"<p>{PARAGRAPH}</p>",
        "excerpt": "The body's first words",
        "custom_excerpt": "The editor's summary.",
        "primary_tag": {"id": "t2", "name": "Regulation"},
        "tags": [{"name": "Stablecoins"}, {"name": "Regulation"}],
        "feature_image_caption": 'Photo: <a href="https://x">Ann Lee</a>',
    }
    a = article("articles/a/ghost.json", json.dumps({"posts": [post]}))
    assert (a["summary"], a["category"], a["image_credits"]) == ("The editor's summary.", "Regulation", ["Ann Lee"])


def test_an_html_body_in_json_is_read_as_a_pages_article_is():
    content = (
        f"<p>{PARAGRAPH}</p><h2>How it works</h2>"
        "<blockquote class='wp-block-quote'><p>A quote that matters here.</p></blockquote>"
        "<ul><li><p>First point</p></li><li>Second point</li></ul>"
        "<figure><img src='x.jpg'><figcaption>Photo: Bo Chen</figcaption></figure>"
        "<iframe src='https://video'>Watch</iframe><script>track()</script>"
        "<form><p>Sign up for our newsletter</p><input name=mail></form><h1>A section</h1><p>End.</p>"
    )
    a = article("articles/a/export.json", json.dumps({"title": "The article", "content": content}))
    assert a["body"].split("\n\n") == [
        PARAGRAPH,
        "How it works",
        "A quote that matters here.",
        "First point",
        "Second point",
        "A section",
        "End.",
    ]
    assert (a["headings"], a["image_credits"]) == (["How it works", "A section"], ["Bo Chen"])


def test_text_without_blocks_in_an_html_field_is_read_a_line_at_a_time():
    a = article("articles/a/export.json", json.dumps({"title": "The article", "content": f"{PARAGRAPH}\n\nSecond line."}))
    assert a["body"] == f"{PARAGRAPH}\n\nSecond line."


@pytest.mark.parametrize(
    ("status", "draft"),
    [
        ("draft", True),
        ("auto-draft", True),
        ("pending", True),
        ("private", True),
        ("trash", True),
        (" Draft ", True),
        ("publish", False),
        ("published", False),
        ("usable", False),
        ("in review", False),  # a status no platform spells: the article is public as before
    ],
)
def test_a_blog_platforms_status_keeps_an_unpublished_post_a_draft(status, draft):
    a = article("articles/a/wp.json", _wordpress_post(status=status))
    assert (a["draft"], a["release_at"]) == (draft, None)


@pytest.mark.parametrize("status", ["future", "scheduled"])
def test_a_post_the_platform_scheduled_is_released_at_its_date(status):
    a = article("articles/a/wp.json", _wordpress_post(status=status, date="2031-06-03T09:30:00"))
    assert (a["draft"], a["release_at"]) == (False, "2031-06-03T09:30:00+09:00")
    a = article("articles/a/wp.json", _wordpress_post(status=status, date="2031-06-03T09:30:00", release_at="2031-07-01T00:00:00Z"))
    assert a["release_at"] == "2031-07-01T00:00:00+00:00"  # a release time of its own comes first


def test_a_status_in_front_matter_or_schema_org_keeps_an_article_a_draft():
    assert article("articles/a/a.md", f"---\ntitle: A\nstatus: draft\n---\n\n{PARAGRAPH}\n")["draft"] is True
    document = {"headline": "A", "articleBody": PARAGRAPH, "creativeWorkStatus": "Draft"}
    assert article("articles/a/a.json", json.dumps(document))["draft"] is True


def _strapi_entry(**attributes) -> str:
    fields = {"title": "Bitcoin ETF flows", "body": PARAGRAPH, "createdAt": "2024-04-01T09:00:00.000Z", **attributes}
    return json.dumps({"data": {"id": 3, "attributes": fields}, "meta": {}})


@pytest.mark.parametrize(
    ("document", "draft"),
    [
        (_strapi_entry(publishedAt=None), True),  # Strapi's draft: published when the time is set
        (_strapi_entry(publishedAt="2024-04-02T09:00:00.000Z"), False),
        (_strapi_entry(), False),  # no publication field at all: nothing says "draft"
        (_strapi_entry(publishedAt=None, status="published"), False),  # the document's own status says more
        (json.dumps({"_id": "drafts.4f1c", "_type": "post", "title": "A", "body": PARAGRAPH}), True),  # Sanity
        (json.dumps({"_id": "4f1c", "_type": "post", "title": "A", "body": PARAGRAPH}), False),
        (json.dumps({"id": "65f", "title": "A", "_status": "draft", "content": PARAGRAPH}), True),  # Payload
    ],
)
def test_a_cms_entry_never_published_is_a_draft(document, draft):
    assert article("articles/a/entry.json", document)["draft"] is draft


def test_an_update_alone_dates_the_article_unless_it_is_a_draft():
    # Hugo reads `lastmod` as the date where there is no `date`; a web page's revision date does the same
    a = article("articles/a/a.md", f"---\ntitle: A\nlastmod: 2024-04-02\n---\n\n{PARAGRAPH}\n")
    assert (a["published_at"], a["updated_at"]) == ("2024-04-02T00:00:00+09:00", "2024-04-02T00:00:00+09:00")
    a = article("articles/a/a.md", f"---\ntitle: A\nlastmod: 2024-04-02\ndraft: true\n---\n\n{PARAGRAPH}\n")
    assert (a["published_at"], a["updated_at"], a["draft"]) == (None, "2024-04-02T00:00:00+09:00", True)


def test_a_markdown_line_that_starts_with_a_day_first_date_keeps_its_day():
    a = article("articles/a/a.md", f"# A\n\n{PARAGRAPH}\n\n1. Mai 2024 war ein Feiertag\n2. Juni 2024 auch\n\n3. Punkt am 4. Mai 2024\n")
    assert a["body"].split("\n\n") == [PARAGRAPH, "1. Mai 2024 war ein Feiertag", "2. Juni 2024 auch", "Punkt am 4. Mai 2024"]


def test_only_a_texts_first_ordered_items_are_searched_for_a_day_first_date():
    # (a date search per item: a file of tens of thousands of them is read as a list past the first)
    from masthead.extract import markdown

    items = "\n".join(["1. Punkt"] * (markdown._DATE_ITEMS - 1))
    a = article("articles/a/a.md", f"# A\n\n{PARAGRAPH}\n\n{items}\n2. Mai 2024 war ein Feiertag\n3. Juni 2024 auch\n")
    assert a["body"].split("\n\n")[-2:] == ["2. Mai 2024 war ein Feiertag", "Juni 2024 auch"]


def test_markdown_metadata_lines_without_fences_are_its_front_matter():
    source = (
        "Title: Stablecoin rules arrive\nAuthors: Ann Lee, Bo Chen\nDate: 2024-04-01 10:20\nTags: regulation,\n"
        "    stablecoins\nSummary:\nStatus: draft\n\n"
        f"{PARAGRAPH}\n"
    )
    a = article("articles/a/pelican.md", source)
    assert (a["title"], a["authors"], a["published_at"]) == ("Stablecoin rules arrive", ["Ann Lee", "Bo Chen"], "2024-04-01T10:20:00+09:00")
    assert (a["tags"], a["draft"], a["body"]) == (["regulation", "stablecoins"], True, PARAGRAPH)


@pytest.mark.parametrize(
    ("source", "outcome"),
    [
        # the first name is not the title's: the line is the title, as any short first line
        (f"Note: this text opens with a label\n\n{PARAGRAPH}\n", "Note: this text opens with a label"),
        (f"Title: A\nThe text goes on without a blank line\n\n{PARAGRAPH}\n", "Title: A The text goes on without a blank line"),
        # more lines than a header has: one long paragraph, no title
        ("Title: A\nDate: 2024-04-01\n" + "".join(f"Item {n}: value\n" for n in range(120)) + f"\n{PARAGRAPH}\n", "missing_title"),
    ],
)
def test_name_value_lines_that_are_no_metadata_block_stay_text(source, outcome):
    result = extract("articles/a/a.md", source.encode()).as_dict()
    assert (result.get("title") or result["error"]["code"]) == outcome
    assert result.get("published_at") is None


def _span(value: str) -> dict:
    return {"type": "text", "text": value}


@pytest.mark.parametrize(
    "document",
    [
        # Contentful: an entry's fields, its body a Rich Text document
        {
            "sys": {"id": "e1", "type": "Entry"},
            "fields": {
                "title": "The article",
                "body": {
                    "nodeType": "document",
                    "content": [
                        {"nodeType": "paragraph", "content": [{"nodeType": "text", "value": PARAGRAPH}]},
                        {"nodeType": "heading-2", "content": [{"nodeType": "text", "value": "A section"}]},
                        {"nodeType": "paragraph", "content": [{"nodeType": "text", "value": "Photo: Ann Lee"}]},
                    ],
                },
            },
        },
        # Sanity: Portable Text
        {
            "_type": "post",
            "title": "The article",
            "body": [
                {"_type": "block", "style": "normal", "children": [{"_type": "span", "text": PARAGRAPH}]},
                {"_type": "block", "style": "h2", "children": [{"_type": "span", "text": "A section"}]},
                {"_type": "block", "style": "normal", "children": [{"_type": "span", "text": "Photo: Ann Lee"}]},
            ],
        },
        # Strapi 5: Blocks in "content", the entry wrapped in "data"
        {
            "data": {
                "title": "The article",
                "content": [
                    {"type": "paragraph", "children": [_span(PARAGRAPH)]},
                    {"type": "heading", "level": 2, "children": [_span("A section")]},
                    {"type": "paragraph", "children": [_span("Photo: Ann Lee")]},
                ],
            }
        },
        # Payload CMS: Lexical's editor state
        {
            "title": "The article",
            "content": {
                "root": {
                    "type": "root",
                    "children": [
                        {"type": "paragraph", "children": [_span(PARAGRAPH)]},
                        {"type": "heading", "tag": "h2", "children": [_span("A section")]},
                        {"type": "paragraph", "children": [_span("Photo: Ann Lee")]},
                    ],
                }
            },
        },
        # Editor.js
        {
            "title": "The article",
            "blocks": [
                {"type": "paragraph", "data": {"text": PARAGRAPH}},
                {"type": "header", "data": {"text": "A section", "level": 2}},
                {"type": "paragraph", "data": {"text": "Photo: Ann Lee"}},
            ],
        },
    ],
)
def test_a_cms_body_kept_as_structured_rich_text(document):
    a = article("articles/a/cms.json", json.dumps(document))
    assert (a["title"], a["body"], a["headings"], a["image_credits"]) == (
        "The article",
        f"{PARAGRAPH}\n\nA section",
        ["A section"],
        ["Ann Lee"],
    )


def test_a_structured_body_without_text_is_no_body():
    document = {"title": "The article", "body": {"nodeType": "document", "content": [{"nodeType": "embedded-asset-block", "content": []}]}}
    assert extract("articles/a/cms.json", json.dumps(document).encode()).as_dict()["error"]["code"] == "no_body"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ('{{< figure src="/img/a.jpg" caption="The office" >}}', None),  # a Hugo shortcode alone: no paragraph
        ("{{% notice info %}}\nOnly banks may issue.\n{{% /notice %}}", "Only banks may issue."),  # what a pair holds stays
        ("{% include ad.html %}", None),  # Liquid (Jekyll)
        ("{% raw %}Verbatim{% endraw %} words", "Verbatim words"),
        ("Visit {{ site.url }} today", "Visit today"),
        ("{: .lead}", None),  # kramdown's attribute list
        ("A claim.[^1] Another.[^note]", "A claim. Another."),  # footnote markers
        ("Sets {a, b}, {c} and {...} stay", "Sets {a, b}, {c} and {...} stay"),  # braces that are text
    ],
)
def test_a_site_generators_syntax_in_markdown_is_no_text(written, read):
    a = article("articles/a/hugo.md", f"# Title\n\n{PARAGRAPH}\n\n{written}\n\nEnd.\n")
    assert a["body"].split("\n\n") == [PARAGRAPH, *([read] if read else []), "End."]


def test_a_shortcode_above_the_title_line_leaves_it_the_first_line():
    a = article("articles/a/hugo.md", f'{{{{< youtube id="x" >}}}}\n\nThe title line\n\n{PARAGRAPH}\n')
    assert (a["title"], a["body"]) == ("The title line", PARAGRAPH)


def test_markdown_footnotes_are_the_articles_references_and_an_attribute_list_leaves_a_heading():
    source = f"# Title\n\n{PARAGRAPH}[^1]\n\n## Sources {{#sources}}\n\nMore.\n\n[^1]: Bank of Japan, *Annual Report* 2023.\n[^long-note]: A second note.\n"
    a = article("articles/a/notes.md", source)
    assert (a["body"], a["headings"]) == (f"{PARAGRAPH}\n\nSources\n\nMore.", ["Sources"])
    assert a["references"] == ["Bank of Japan, Annual Report 2023.", "A second note."]


def test_a_markdown_manifests_footnotes_are_not_its_description():
    issue = extract(
        "issues/iolite-vol-21.md", b"---\npublication: Iolite\nvolume: 21\n---\n\nThe stablecoin issue.[^1]\n\n[^1]: Printed in May.\n"
    ).as_dict()
    assert issue["description"] == "The stablecoin issue."


def test_an_mdx_files_imports_exports_comments_and_components_are_no_text():
    source = (
        "---\ntitle: Staking explained\n---\nimport { Callout } from '@/components/callout'\n\nimport Chart from \"../charts/yield.tsx\"\n\n"
        "import '../styles.css'\n\nexport const meta = {\n  featured: true,\n}\n\n"
        f'{PARAGRAPH}\n\n{{/* TODO: the chart\'s caption */}}\n\n<Callout type="warning">\nStaked coins may be locked.\n</Callout>\n\n'
        '<Chart data={yields} />\n\nImport duties from China stay text, as does import of "goods".\n'
    )
    a = article("articles/a/staking.mdx", source)
    assert (a["format"], a["title"]) == ("markdown", "Staking explained")
    assert a["body"].split("\n\n") == [
        PARAGRAPH,
        "Staked coins may be locked.",
        'Import duties from China stay text, as does import of "goods".',
    ]


@pytest.mark.parametrize(
    ("declared", "published"),
    [
        ("2024-03-31T16:00:00Z", "2024-04-01T01:00:00+09:00"),  # a machine's UTC instant: the publisher's day (Tokyo)
        (1711900800, "2024-04-01T01:00:00+09:00"),  # the same instant as epoch seconds
        ("2020-01-10T00:00:00Z", "2020-01-10T00:00:00+00:00"),  # midnight UTC exactly: a day stored as an instant
        ("2024-04-01T10:00:00+02:00", "2024-04-01T10:00:00+02:00"),  # an offset of its own stays
    ],
)
def test_a_utc_instant_in_an_uploaded_file_is_given_in_the_publishers_zone(declared, published):
    exported = json.dumps({"headline": "T", "articleBody": PARAGRAPH, "datePublished": declared})
    assert article("articles/a/a.json", exported)["published_at"] == published
    if isinstance(declared, str):
        assert article("articles/a/a.md", f"---\ntitle: T\ndate: {declared}\n---\n\n{PARAGRAPH}\n")["published_at"] == published
        docx = build_docx([("Title", "T"), (None, PARAGRAPH)], core={"created": declared})
        assert article("articles/a/a.docx", docx)["published_at"] == published
