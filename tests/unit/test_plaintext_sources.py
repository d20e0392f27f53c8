"""Plain text's two sources read alone (the "Name: value" header, the layout of a pasted page) and their merge."""

from __future__ import annotations

import pytest

from masthead.extract import plaintext
from masthead.extract.draft import Draft

PASTED = [
    "Blockchain",
    "China's Belt and Road goes on chain",
    "2024/04/01Editors of Iolite",
    "Share",
    "A short deck line",
    "The first paragraph of the story is long enough to be a paragraph of body text.",
    "Related articles",
    "Another story",
]


def test_header_lines_alone_and_where_they_end():
    header, end = plaintext._header_fields(["Title: From the header", "Author: Anna Fink", "Tags: a, b", "Body line"])
    assert (header.title, header.authors, header.tags, end) == ("From the header", ["Anna Fink"], ["a", "b"], 3)


def test_the_layout_of_a_pasted_page_alone():
    found = plaintext._layout(PASTED, 0, Draft())
    assert (found.category, found.title, found.published, found.authors) == (
        "Blockchain",
        "China's Belt and Road goes on chain",
        "2024/04/01",
        ["Editors of Iolite"],
    )
    assert found.subtitle == "A short deck line" and found.related_titles == ["Another story"]
    assert found.paragraphs == ["The first paragraph of the story is long enough to be a paragraph of body text."]


def test_with_a_header_title_the_first_line_is_body_not_title():
    found = plaintext._layout(["A first line that is the start of the body text itself.", "More body."], 0, Draft(title="T"))
    assert found.title is None and found.paragraphs[0].startswith("A first line")


def test_header_fields_win_and_authors_add_up():
    source = "Title: From the header\nAuthor: Anna Fink\n\nBy Kim Lee\n\nBody text of the story, long enough.\n"
    draft = plaintext.parse_plaintext(source)
    assert draft.title == "From the header" and draft.authors == ["Anna Fink", "By Kim Lee"]


def test_a_byline_line_before_the_date_line_is_no_title_and_a_japanese_credit_line_is_a_byline():
    # "Title / 文：… / date": the short first line is the title, not a category over a byline "title"
    draft = plaintext.parse_plaintext(
        "\n\n".join(["見出しのタイトル", "文：山田太郎", "2024年4月1日", "本文の段落です。記事の内容がここに書かれています。"])
    )
    assert (draft.title, draft.category, draft.authors) == ("見出しのタイトル", None, ["文：山田太郎"])
    # a credit line with roles the byline pattern does not know is a byline too (its writers are read later)
    draft = plaintext.parse_plaintext(
        "\n\n".join(["見出しのタイトル", "文＝山田太郎、写真＝佐藤花子", "本文の段落です。記事の内容がここに書かれています。"])
    )
    assert (draft.title, draft.authors) == ("見出しのタイトル", ["文＝山田太郎、写真＝佐藤花子"])


BODY_LINE = "The first paragraph of the story is long enough to be a paragraph of body text."


@pytest.mark.parametrize(
    ("trail", "category"),
    [
        ("Home > News > Crypto", "Crypto"),
        ("TOP ＞ ニュース ＞ 暗号資産", "暗号資産"),
        ("Home » Markets", "Markets"),
        ("News › Markets › Home", None),  # a trail that ends at home names no category
    ],
)
def test_a_breadcrumb_trail_above_the_title_gives_the_category(trail, category):
    found = plaintext._layout([trail, "The title of the story", "2024/04/01", BODY_LINE], 0, Draft())
    assert (found.category, found.title, found.published) == (category, "The title of the story", "2024/04/01")


@pytest.mark.parametrize("title", ["Bitcoin > Gold? Analysts disagree on the year ahead", "Markets > Bitcoin"])
def test_a_title_with_one_angle_bracket_is_no_breadcrumb_trail(title):
    found = plaintext._layout([title, "2024/04/01", BODY_LINE], 0, Draft())
    assert (found.category, found.title) == (None, title)


def test_labelled_dates_under_the_title_are_the_publication_and_the_update():
    lines = ["The title", "By Ann Lee", "Published: April 1, 2024", "Updated April 3, 2024", BODY_LINE]
    found = plaintext._layout(lines, 0, Draft())
    assert (found.authors, found.published, found.updated) == (
        ["By Ann Lee"],
        "April 1, 2024",
        "April 3, 2024",
    )  # "By" goes when names are cleaned
    found = plaintext._layout(["タイトル", "更新日：2024年4月3日", "公開日：2024年4月1日 山田太郎", BODY_LINE], 0, Draft())
    assert (found.authors, found.published, found.updated) == (["山田太郎"], "2024年4月1日", "2024年4月3日")
    # a line that only starts with the word is body text
    found = plaintext._layout(["The title", "Published reports say the plan is new and untested.", BODY_LINE], 0, Draft())
    assert found.published is None and found.paragraphs[-1] == BODY_LINE


def test_a_tags_line_under_the_article_gives_tags_not_body():
    for line, tags in (("Tags: bitcoin, ETF", ["bitcoin", "ETF"]), ("タグ：ビットコイン、ETF", ["ビットコイン", "ETF"])):
        found = plaintext._layout(["The title", "2024/04/01", BODY_LINE, line, "Share this article"], 0, Draft())
        assert (found.tags, found.paragraphs) == (tags, [BODY_LINE])
