"""Plain text's two sources read alone (the "Name: value" header, the layout of a pasted page) and their merge."""

from __future__ import annotations

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
