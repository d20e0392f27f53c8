"""A Word file's two sources read alone (its properties, its styled paragraphs) and their merge order."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from masthead.extract import docx, extract
from masthead.extract.draft import Draft, merge_drafts
from tests.docx_factory import RawXml, build_docx

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


def test_the_title_comes_from_the_properties_a_typed_byline_and_date_from_the_text():
    # File > Info's title is set by hand; its author and date Word fills in by itself
    properties = Draft(title="Properties title", authors=["Anna Fink"], published="2024-03-01", paragraphs=["ignored"])
    body = Draft(title="Styled title", subtitle="Styled deck", authors=["Kim Lee"], published="2024年4月1日", paragraphs=["Body text."])
    merged = merge_drafts({"properties": properties, "body": body}, docx.PRIORITY)
    assert (merged.title, merged.subtitle, merged.authors, merged.published) == (
        "Properties title",
        "Styled deck",
        ["Kim Lee"],
        "2024年4月1日",
    )
    assert merged.paragraphs == ["Body text."]
    # without a byline or a date line, the properties' stand
    merged = merge_drafts({"properties": properties, "body": Draft(paragraphs=["Body text."])}, docx.PRIORITY)
    assert (merged.authors, merged.published) == (["Anna Fink"], "2024-03-01")


# --- the archive, read within budget -----------------------------------------------------------------


def _rebuilt(data: bytes, replace: dict[str, str] | None = None, drop: str | None = None, extra_parts: int = 0) -> bytes:
    """The .docx with a part replaced or dropped, or with more (empty) parts."""

    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != drop:
                archive.writestr(info.filename, (replace or {}).get(info.filename) or source.read(info.filename))
        for n in range(extra_parts):
            archive.writestr(f"customXml/item{n}.xml", "<a/>")
    return out.getvalue()


def _word_file() -> bytes:
    return build_docx([(None, "Body text long enough to be read as the article's body.")], core={"title": "Doc title"})


def test_a_tab_or_a_line_break_inside_a_paragraph_parts_its_words():

    data = _word_file()
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    runs = '<w:r><w:t>Name</w:t><w:tab/><w:t>Role</w:t><w:br/><w:t xml:space="preserve">Body text'
    edited = _rebuilt(data, {"word/document.xml": document.replace('<w:r><w:t xml:space="preserve">Body text', runs)})
    result = extract("articles/a/t.docx", edited)
    assert result.accepted and result.body == "Name Role Body text long enough to be read as the article's body."


def test_a_word_file_without_its_document_part_or_with_too_many_parts_is_refused():
    for data, detail in (
        (_rebuilt(_word_file(), drop="word/document.xml"), "it has no document text"),
        (_rebuilt(_word_file(), extra_parts=docx.MAX_MEMBERS), "it has too many parts"),
    ):
        rejected = extract("articles/a/t.docx", data).as_dict()
        assert rejected["status"] == "rejected" and rejected["error"]["code"] == "bad_docx"
        assert detail in rejected["error"]["message"]


def test_a_word_file_compressed_with_a_method_word_does_not_use_is_refused_with_that_reason():

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", zipfile.ZipFile(io.BytesIO(_word_file())).read("word/document.xml"))
    data = bytearray(out.getvalue())
    # the method field of the local header and of the central directory entry: 9 is Deflate64
    struct.pack_into("<H", data, 8, 9)
    struct.pack_into("<H", data, data.find(b"PK\x01\x02") + 10, 9)
    rejected = extract("articles/a/t.docx", bytes(data)).as_dict()
    assert rejected["error"]["code"] == "bad_docx"
    assert "compressed with a method Word does not use" in rejected["error"]["message"]


# --- what an editor typed under the title -------------------------------------------------------------

BODY_TEXT = "ビットコインETFの承認から一年が経ち、国内の投資家の関心も高まっている。今後の展望を専門家に聞いた。"


def _article(paragraphs: list[tuple[str | None, str]], core: dict[str, str] | None = None) -> dict:
    result = extract("articles/a/w.docx", build_docx(paragraphs, core))
    assert result.accepted, result.as_dict()
    return {**result.as_dict(), "body": result.body}


def test_a_subtitle_byline_and_date_typed_under_the_title_are_metadata_not_body():
    a = _article(
        [("Title", "記事のタイトル"), ("Subtitle", "サブタイトル"), (None, "文：山田太郎"), (None, "2024年4月1日"), (None, BODY_TEXT)]
    )
    assert (a["title"], a["subtitle"], a["authors"], a["published_at"][:10]) == (
        "記事のタイトル",
        "サブタイトル",
        ["山田太郎"],
        "2024-04-01",
    )
    assert a["body"] == BODY_TEXT


@pytest.mark.parametrize(
    ("lines", "authors", "published", "updated"),
    [
        (["文・写真：山田太郎"], ["山田太郎"], None, None),  # a credit line names the writer
        (["By Ann Lee", "April 1, 2024"], ["Ann Lee"], "2024-04-01", None),
        (["2024/04/01 山田太郎"], ["山田太郎"], "2024-04-01", None),  # a date glued to the byline
        (["Published: April 1, 2024", "Updated: April 3, 2024"], [], "2024-04-01", "2024-04-03"),
    ],
)
def test_byline_and_date_lines_under_the_title(lines, authors, published, updated):
    a = _article([("Title", "Article title"), *((None, line) for line in lines), (None, BODY_TEXT)])
    assert (a["authors"], (a["published_at"] or "")[:10] or None, (a["updated_at"] or "")[:10] or None) == (authors, published, updated)
    assert a["body"] == BODY_TEXT


def test_a_typed_byline_and_date_win_over_what_word_filled_in():
    core = {"creator": "Anna Fink", "created": "2024-03-01T00:00:00Z"}
    a = _article([("Title", "Article title"), (None, "By Ann Lee"), (None, "April 1, 2024"), (None, BODY_TEXT)], core)
    assert (a["authors"], a["published_at"][:10]) == (["Ann Lee"], "2024-04-01")
    a = _article([("Title", "Article title"), (None, BODY_TEXT)], core)
    assert (a["authors"], a["published_at"][:10]) == (["Anna Fink"], "2024-03-01")
    # the account Word names when no one set an author is no one
    a = _article([("Title", "Article title"), (None, BODY_TEXT)], {"creator": "Microsoft Office User"})
    assert a["authors"] == []


def test_a_file_without_a_title_style_takes_its_first_short_paragraph_as_the_title():
    a = _article([(None, "記事のタイトル"), (None, "文：山田太郎"), (None, BODY_TEXT)])
    assert (a["title"], a["authors"], a["body"]) == ("記事のタイトル", ["山田太郎"], BODY_TEXT)
    # but not a date line, nor a sentence: the file then has no title
    for first in ("2024/04/01 山田太郎", BODY_TEXT, "A first sentence of the story."):
        rejected = extract("articles/a/w.docx", build_docx([(None, first), (None, BODY_TEXT)])).as_dict()
        assert rejected["error"]["code"] == "missing_title", first


_TEXT_BOX = RawXml(
    '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp>'
    "<wps:txbx><w:txbxContent><w:p><w:r><w:t>Pull quote: banks first.</w:t></w:r></w:p></w:txbxContent></wps:txbx>"
    "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
    "<w:txbxContent><w:p><w:r><w:t>Pull quote: banks first.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>"
    "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
)


def test_a_text_box_is_read_once_not_again_from_the_copy_word_keeps_for_older_readers():
    result = extract("articles/a/w.docx", build_docx([("Title", "Rules arrive"), (None, BODY_TEXT), (None, _TEXT_BOX)]))
    assert result.body.split("\n\n") == [BODY_TEXT, "Pull quote: banks first."]


@pytest.mark.parametrize(
    ("vanish", "read"), [("<w:vanish/>", "Tracked: new words."), ('<w:vanish w:val="0"/>', "Tracked: new words. Note")]
)
def test_hidden_text_and_tracked_deletions_are_not_read(vanish, read):
    line = RawXml(
        '<w:p><w:r><w:t xml:space="preserve">Tracked: </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>old words</w:delText></w:r></w:del>'
        f'<w:ins w:id="2" w:author="A"><w:r><w:t>new words.</w:t></w:r></w:ins><w:r><w:rPr>{vanish}</w:rPr><w:t xml:space="preserve"> Note</w:t></w:r></w:p>'
    )
    result = extract("articles/a/w.docx", build_docx([("Title", "Rules arrive"), (None, BODY_TEXT), (None, line)]))
    assert result.body.split("\n\n") == [BODY_TEXT, read]


def _notes(kind: str, *notes: str) -> str:
    separators = "".join(
        f'<w:{kind} w:type="{t}" w:id="{n}"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        for n, t in ((-1, "separator"), (0, "continuationSeparator"))
    )
    return (
        f'<w:{kind}s xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{separators}'
        + "".join(f'<w:{kind} w:id="{n}">{body}</w:{kind}>' for n, body in enumerate(notes, 1))
        + f"</w:{kind}s>"
    )


def test_footnotes_and_endnotes_are_the_articles_references():
    footnote = '<w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Bank of Japan, Annual Report 2023.</w:t></w:r></w:p>'
    two_paragraphs = "<w:p><w:r><w:t>FSA rules,</w:t></w:r></w:p><w:p><w:r><w:t>April 2024.</w:t></w:r></w:p>"
    hidden = "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Ask the desk</w:t></w:r></w:p>"
    endnote = "<w:p><w:r><w:t>Interview, 3 May.</w:t></w:r></w:p>"
    parts = {"word/footnotes.xml": _notes("footnote", footnote, two_paragraphs, hidden), "word/endnotes.xml": _notes("endnote", endnote)}
    marked = RawXml(f'<w:p><w:r><w:t>{BODY_TEXT}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    a = extract("articles/a/w.docx", build_docx([("Title", "Rules arrive"), (None, marked)], parts=parts)).as_dict()
    assert a["references"] == ["Bank of Japan, Annual Report 2023.", "FSA rules, April 2024.", "Interview, 3 May."]


def test_notes_inside_notes_and_paragraphs_inside_paragraphs_are_read_once():
    nested = "<w:p><w:r><w:t>Outer</w:t></w:r><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:p>"
    inner_note = "<w:p><w:r><w:t>A</w:t></w:r></w:p><w:footnote><w:p><w:r><w:t>B</w:t></w:r></w:p></w:footnote>"
    parts = {"word/footnotes.xml": _notes("footnote", nested, inner_note)}
    a = extract("articles/a/w.docx", build_docx([("Title", "Rules arrive"), (None, BODY_TEXT)], parts=parts)).as_dict()
    assert a["references"] == ["Outer inner", "A", "B"]
