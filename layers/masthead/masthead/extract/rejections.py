"""Rejection codes: stable identifiers for why an upload was not indexed.

Codes are part of the notification contract (docs/events.md); messages are written for editors,
who receive them by e-mail, and say what to do next.
"""

from __future__ import annotations

REJECTION_MESSAGES: dict[str, str] = {
    "empty_file": "The file is empty (or only blank space). Upload the article text again.",
    "too_large": "The file is larger than the {limit} limit. Upload the article text without embedded images or attachments.",
    "binary_content": "This file is {what}, not article text. Upload the article as Markdown, HTML, plain text, JSON or Word (.docx).",
    "unsupported_format": "Files ending in '{suffix}' are not supported. Upload Markdown (.md), HTML (.html), plain text (.txt), JSON (.json) or Word (.docx); issue manifests as .yaml, .json or .md.",
    "undecodable": "The text encoding of this file could not be recognised. Save it as UTF-8 and upload it again.",
    "bad_front_matter": "The front matter (the block between the '---' lines at the top) could not be read: {detail}. Fix it and upload again.",
    "front_matter_too_complex": "The front matter expands to too much data (it repeats blocks with YAML aliases). Write the values out plainly and upload again.",
    "bad_json": "The JSON could not be read: {detail}. Fix it and upload again.",
    "bad_manifest": "The issue manifest could not be read: {detail}.",
    "bad_docx": "The Word file could not be opened: {detail}. Save it again as .docx and upload it.",
    "docx_too_large": "The Word file unpacks to more than {limit}. Remove embedded media or upload the text alone.",
    "too_deeply_nested": "The HTML is nested too deeply to be read safely. Upload the article's own HTML, not a full saved page.",
    "too_complex": "The file is too complex to be read safely: {detail}. Upload the article's own text, without generated or repeated markup.",
    "too_slow": "Reading this file took longer than the {limit} allowed for one upload. Upload the article's own text, without generated or repeated markup.",
    "missing_title": "No title was found. {where} Then upload it again.",
    "no_body": "The article has a title but no body text. Upload the full article.",
    "script_rendered": "This page's text is written by a script when it opens in a browser, so the saved file holds none of the article. Upload the article's text (Markdown, Word or plain text), or save the page from the browser once it has loaded.",
    "duplicate_issue": "Another manifest, {owner}, describes issue {issue_id} too and is newer, so this file is not used. Delete the file you do not want.",
    "cannot_index": "The metadata of this file could not be stored in the index ({detail}). Shorten its longest fields (title, tags, headings) and upload it again.",
    "internal_error": "Masthead could not read this file because of an internal error. The team has been alerted; you do not need to upload it again.",
}


# Details quote the upload (a YAML error, a suffix, a value): each is cut so that no upload can make
# a message longer than the contract allows (model.ERROR_MESSAGE_MAX).
DETAIL_MAX = 160
MESSAGE_MAX = 500


def bounded_message(code: str, **details: object) -> str:
    """The editor-facing message for `code`, with every quoted detail cut to DETAIL_MAX characters."""
    template = REJECTION_MESSAGES[code]
    if details:
        template = template.format(**{k: _cut(str(v), DETAIL_MAX) for k, v in details.items()})
    return _cut(template, MESSAGE_MAX)


def _cut(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"
