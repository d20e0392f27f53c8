"""Builds small .docx files for tests and samples (core properties, styled paragraphs), without python-docx."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""


class RawXml(str):
    """Body XML written into document.xml as it is (w:, mc:, wp:, a:, wps: and v: are declared)."""


_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def build_docx(
    paragraphs: list[tuple[str | None, str]],
    core: dict[str, str] | None = None,
    styles: dict[str, str] | None = None,
    parts: dict[str, str] | None = None,
) -> bytes:
    """paragraphs: (style id or None, text), or (None, RawXml(...)) for markup written as it is;
    core: title, creator, created, keywords, category, language; parts: more members, by name."""
    body = []
    for style, text in paragraphs:
        if isinstance(text, RawXml):
            body.append(text)
            continue
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        body.append(f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {_NAMESPACES}><w:body>" + "".join(body) + "</w:body></w:document>"
    )
    tags = {
        "title": "dc:title",
        "creator": "dc:creator",
        "subject": "dc:subject",
        "language": "dc:language",
        "keywords": "cp:keywords",
        "category": "cp:category",
        "created": "dcterms:created",
        "modified": "dcterms:modified",
    }
    fields = []
    for name, value in (core or {}).items():
        tag = tags[name]
        attr = ' xsi:type="dcterms:W3CDTF"' if tag.startswith("dcterms") else ""
        fields.append(f"<{tag}{attr}>{escape(value)}</{tag}>")
    core_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' + "".join(fields) + "</cp:coreProperties>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("docProps/core.xml", core_xml)
        for name, xml in (parts or {}).items():
            archive.writestr(name, xml)
        if styles:
            style_xml = "".join(
                f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{escape(name)}"/></w:style>' for sid, name in styles.items()
            )
            archive.writestr(
                "word/styles.xml",
                '<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                + style_xml
                + "</w:styles>",
            )
    return out.getvalue()
