"""A Word file's two sources read alone (its properties, its styled paragraphs) and their merge order."""

from __future__ import annotations

from masthead.extract import docx
from masthead.extract.draft import Draft, merge_drafts

CORE = (
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    b' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
    b"<dc:title>Properties title</dc:title><dc:creator>Anna Fink</dc:creator><dc:subject>The deck</dc:subject>"
    b"<cp:keywords>bitcoin; ETF, policy</cp:keywords><dc:description>python-docx generated</dc:description>"
    b"</cp:coreProperties>"
)


def test_core_properties_alone():
    found = docx._core_properties(CORE)
    assert (found.title, found.authors, found.subtitle) == ("Properties title", ["Anna Fink"], "The deck")
    assert found.tags == ["bitcoin", "ETF", "policy"]
    assert found.summary is None  # the library's boilerplate description is not a summary


def test_styled_paragraphs_alone():
    paragraphs = [(0, "Styled title"), (0, "Styled deck"), (None, "By Kim Lee"), (2, "A section"), (None, "Body text.")]
    found = docx._body(paragraphs, Draft())
    assert (found.title, found.subtitle, found.authors) == ("Styled title", "Styled deck", ["Kim Lee"])
    assert found.headings == ["A section"] and found.paragraphs == ["A section", "Body text."]


def test_a_heading_1_that_is_not_the_properties_title_is_a_heading():
    found = docx._body([(1, "Background"), (None, "Body text.")], Draft(title="Properties title"))
    assert found.title is None and found.headings == ["Background"]


def test_a_name_line_of_the_known_author_is_a_byline_not_body():
    found = docx._body([(0, "Title"), (None, "Anna Fink"), (None, "Body text.")], Draft(authors=["Anna Fink"]))
    assert found.paragraphs == ["Body text."]


def test_properties_come_before_the_styles_and_the_body_only_from_the_paragraphs():
    properties = Draft(title="Properties title", authors=["Anna Fink"], paragraphs=["ignored"])
    body = Draft(title="Styled title", subtitle="Styled deck", authors=["Kim Lee"], paragraphs=["Body text."])
    merged = merge_drafts({"properties": properties, "body": body}, docx.PRIORITY)
    assert (merged.title, merged.subtitle, merged.authors) == ("Properties title", "Styled deck", ["Anna Fink"])
    assert merged.paragraphs == ["Body text."]
