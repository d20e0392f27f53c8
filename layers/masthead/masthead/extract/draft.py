"""What a format parser finds (a Draft), and the one place that turns it into the field contract."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .. import model
from ..errors import ExtractionRejected
from ..ids import article_id_for_key
from . import dates, precompiled, text


@dataclass
class ExtractOptions:
    """Settings that change what extraction yields; the defaults are Iolite's."""

    max_bytes: int = 10 * 1024 * 1024
    max_docx_inflated: int = 50 * 1024 * 1024
    # Wall-clock seconds one upload may take; past it the upload is rejected as too_slow. The
    # parsers are linear with budgets checked up front, so this only catches what they missed.
    time_budget: float | None = 1.0
    default_tz: str = "Asia/Tokyo"
    site_names: tuple[str, ...] = ("Iolite",)


# A value as the upload gave it: a front matter, JSON or JSON-LD field may hold any type (a list
# where text belongs, a mapping, a number). finish_article() turns each into the contract's type or
# drops it; nothing before it may assume a type.
RawValue = object


@dataclass
class Draft:
    """Raw values from one parser; everything is optional and uncleaned."""

    title: RawValue = None
    title_candidates: list = field(default_factory=list)  # lower-priority titles (og:title, <title>)
    subtitle: RawValue = None
    authors: list = field(default_factory=list)
    published: RawValue = None
    updated: RawValue = None
    category: RawValue = None
    tags: list = field(default_factory=list)
    labels: list = field(default_factory=list)
    language: RawValue = None
    issue: RawValue = None  # an issue id, or (publication, volume)
    position: RawValue = None
    summary: RawValue = None
    release: RawValue = None  # not public before this time (publish_at, embargo, ninjs embargoed)
    expiry: RawValue = None  # not public after it (expiryDate, robots unavailable_after)
    draft: RawValue = None  # `draft: true`; `published: false` sets it too
    pubstatus: RawValue = None  # ninjs: withheld or canceled is not public
    headings: list[str] = field(default_factory=list)
    references: list = field(default_factory=list)
    image_credits: list = field(default_factory=list)
    related_titles: list = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)  # body text, in reading order

    def heading(self, line: str) -> None:
        """A section heading: one of the headings, and a line of the text where it stands."""
        self.headings.append(line)
        self.paragraphs.append(line)

    def credit_or_paragraph(self, line: str) -> None:
        """Route a body line: reference and image-credit lines go to their lists, the rest is body."""
        found = text.credit_line(line)
        if found:
            getattr(self, found[0]).extend(found[1])
        else:
            self.paragraphs.append(line)


_ISSUE_ID = precompiled.pattern(r"^[a-z0-9][a-z0-9-]{0,80}-vol-\d{1,5}$")
_ISSUE_NAME = precompiled.pattern(r"^(.{0,80}?)[\s._-]{0,3}(?:vol(?:ume)?|no|issue|号)\.?[\s._-]{0,3}(\d{1,4})\s*$", re.I)


MAX_VOLUME = 99_999


def _small_number(value) -> int | None:
    """An int written as an int or a short string of digits ('#11'); None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and 0 < len(digits := value.strip().lstrip("#")) <= 6 and digits.isdigit() and digits.isascii():
        return int(digits)
    return None


def issue_id_for(publication, volume) -> str | None:
    """'Iolite', 11 -> 'iolite-vol-11'."""
    number = _small_number(volume)
    name = text.slug(text.scalar_text(publication) or "")
    return f"{name}-vol-{number}" if name and number is not None and 0 <= number <= MAX_VOLUME else None


def merge_drafts(
    partials: dict[str, Draft], priority: dict[str, tuple[str, ...]], added: dict[str, tuple[str, ...]] | None = None
) -> Draft:
    """One Draft from the partial ones each source of a file yields (see merge_fields)."""
    return merge_fields(Draft(), partials, priority, added)


def merge_fields(merged, partials: dict, priority: dict[str, tuple[str, ...]], added: dict[str, tuple[str, ...]] | None = None):
    """Fill `merged` from the partial records of a file's sources: each field of `priority` from the
    first source, in the order declared for it, that has a value; each field of `added` from all of
    its sources, in that order; the rest keep their defaults."""
    for name, sources in priority.items():
        value = next((value for source in sources if (value := getattr(partials[source], name))), None)
        if value is not None:
            setattr(merged, name, value)
    for name, sources in (added or {}).items():
        setattr(merged, name, [value for source in sources for value in getattr(partials[source], name)])
    return merged


def normalise_issue(value, site_names=()) -> str | None:
    """An issue reference as written ('iolite-vol-11', 'Iolite Vol.11', ('Iolite', 11)) to an id."""
    if value is None or value == "":
        return None
    if isinstance(value, tuple):
        return issue_id_for(*value)
    if isinstance(value, dict):
        return issue_from_mapping(value, site_names)
    raw = text.clean(value, 120) or ""
    lowered = raw.lower()
    if _ISSUE_ID.match(lowered):
        return lowered
    if m := _ISSUE_NAME.match(raw):
        publication = m.group(1) or (site_names[0] if site_names else "")
        return issue_id_for(publication, m.group(2))
    if raw.isdigit() and site_names:
        return issue_id_for(site_names[0], raw)
    return None


def issue_from_mapping(value: dict, site_names=(), publisher: str | None = None) -> str | None:
    """An issue given as an object: {'id': ...}, schema.org PublicationIssue, or publication + volume."""
    direct = value.get("id") or value.get("issue_id")
    if isinstance(direct, str) and (found := normalise_issue(direct, site_names)):
        return found
    name = value.get("name") or value.get("title")
    if isinstance(name, str) and (found := normalise_issue(name, site_names)):
        return found
    number = value.get("volume") or value.get("issueNumber") or value.get("number")
    parent = value.get("isPartOf")
    publication = (
        value.get("publication")
        or (parent.get("name") if isinstance(parent, dict) else None)
        or publisher
        or (site_names[0] if site_names else None)
    )
    return issue_id_for(publication, number) if number is not None else None


def issue_from_key(key: str) -> str | None:
    """articles/<issue-id>/... links an article to that issue."""
    parts = key.split("/")
    if len(parts) >= 3 and parts[0] == "articles" and _ISSUE_ID.match(parts[1].lower()):
        return parts[1].lower()
    return None


def finish_article(draft: Draft, key: str, fmt: model.Format, options: ExtractOptions) -> tuple[model.ArticleMetadata, str]:
    """Clean and bound every field, fill derived ones, check the article is indexable.

    Returns the metadata and the body text (kept apart: the body never goes into the index).
    """
    title, labels = _title_and_labels(draft, options, fmt)
    paragraphs = [p for p in (text.clean(p) for p in draft.paragraphs) if p]
    # The title repeated as the first body line (pasted copies, Word headings) is not body.
    while paragraphs and text.same_text(text.split_labels(paragraphs[0])[0], title):
        paragraphs.pop(0)
    body = "\n\n".join(paragraphs)
    if not _A_WORD.search(body):
        raise ExtractionRejected("no_body")  # (symbols alone, "<<<<" or "* * *", are no text)

    subtitle = text.clean(draft.subtitle, model.SUBTITLE_MAX)
    if subtitle and text.same_text(subtitle, title):
        subtitle = None
    headings = [h for h in text.clean_list(draft.headings, model.HEADING_MAX, model.MAX_LIST) if not text.same_text(h, title)]
    summary = text.clean(draft.summary) or next((p for p in paragraphs if len(p) >= 40 and p not in headings), paragraphs[0])
    published, updated = _dates(draft, options, fmt)
    if published is None and not is_draft(draft.draft, draft.pubstatus):
        # Only an update is shown ("Updated: April 7, 2020"): the article was out by then, so it
        # sorts there, as a web page's revision date does (a draft's edit is no publication).
        published = updated
    release_at, expiry_at = (dates.iso_datetime(v, options.default_tz) for v in (_release(draft), draft.expiry))
    position = _small_number(draft.position)
    word_count, reading_minutes = text.paragraph_counts(paragraphs, body)
    metadata = model.ArticleMetadata(
        key=key,
        format=fmt,
        article_id=article_id_for_key(key),
        title=title,
        subtitle=subtitle,
        authors=text.clean_list(text.parse_authors(draft.authors), model.NAME_MAX, model.MAX_AUTHORS),
        published_at=published,
        updated_at=updated,
        category=text.clean(draft.category, model.TAG_MAX),
        tags=text.clean_list(draft.tags, model.TAG_MAX, model.MAX_TAGS),
        labels=text.clean_list([*labels, *draft.labels], model.TAG_MAX, model.MAX_TAGS),
        language=_language(draft, title, body),
        issue_id=normalise_issue(draft.issue, options.site_names) or issue_from_key(key),
        position=position if position is not None and 0 <= position < 100000 else None,
        summary=text.truncate(summary, model.SUMMARY_MAX),
        headings=headings,
        references=text.clean_list(draft.references, model.LINE_MAX, model.MAX_LIST),
        image_credits=text.clean_list(draft.image_credits, model.LINE_MAX, model.MAX_LIST),
        related_titles=text.clean_list(draft.related_titles, model.LINE_MAX, model.MAX_LIST),
        word_count=word_count,
        reading_minutes=reading_minutes,
        release_at=release_at,
        expiry_at=expiry_at,
        draft=is_draft(draft.draft, draft.pubstatus),
    )
    return metadata, body


_A_WORD = precompiled.pattern(r"\w")


_YES = frozenset({"true", "yes", "on", "1"})
# The statuses of an item that is not for readers: ninjs' withheld and canceled; a blog platform's
# draft, pending review, private, in the bin or hidden (WordPress, Ghost, Pelican).
_NOT_PUBLIC_STATUS = frozenset({"withheld", "canceled", "cancelled", "draft", "auto-draft", "pending", "private", "trash", "hidden"})
# An item a platform will publish at its date (WordPress' "future", Ghost's "scheduled").
_SCHEDULED_STATUS = frozenset({"future", "scheduled"})


def is_draft(flag: RawValue, pubstatus: RawValue) -> bool:
    """`draft: true` (or "yes"), or a status that keeps the item from readers."""
    if flag is True or (isinstance(flag, str) and flag.strip().lower() in _YES):
        return True
    return isinstance(pubstatus, str) and pubstatus.strip().lower() in _NOT_PUBLIC_STATUS


def _release(draft: Draft) -> RawValue:
    """When the article goes public: its own release time, or for an item its platform had
    scheduled, its publication date (WordPress and Ghost keep the planned time there)."""
    if draft.release is None and isinstance(draft.pubstatus, str) and draft.pubstatus.strip().lower() in _SCHEDULED_STATUS:
        return draft.published
    return draft.release


def _title_and_labels(draft: Draft, options: ExtractOptions, fmt: str) -> tuple[str, list[str]]:
    """The first usable title (without site name and "[NEW]"-style labels) and the labels seen."""
    labels: list[str] = []
    for candidate in [draft.title, *draft.title_candidates]:
        cleaned = text.clean(candidate, model.TITLE_MAX * 4)  # room for labels and a site name
        if not cleaned:
            continue
        cleaned = text.strip_site_suffix(cleaned, list(options.site_names))
        cleaned, found = text.split_labels(cleaned)
        labels.extend(found)
        if cleaned:
            return text.truncate(cleaned, model.TITLE_MAX), labels
    raise ExtractionRejected("missing_title", where=_WHERE_A_TITLE_GOES.get(fmt, _WHERE_A_TITLE_GOES["text"]))


# Where the editor puts the title that was not found, in the words of the file's own format.
_WHERE_A_TITLE_GOES: dict[str, str] = {
    "markdown": "Add a 'title:' line to the front matter, or a '# Title' heading above the text.",
    "html": "Give the page an <h1> with the headline, or a <title>.",
    "text": "Put the title on the first line, above the text.",
    "json": 'Add a "title" (or "headline") field.',
    "docx": "Put the title in the first paragraph, or give it Word's Title style.",
}


def _dates(draft: Draft, options: ExtractOptions, fmt: str) -> tuple[str | None, str | None]:
    published, updated = (_publishers_time(value, options.default_tz, fmt) for value in (draft.published, draft.updated))
    if updated and published and updated < published:
        updated = None  # a modified date before the creation date is a template artefact
    return published, updated


def _publishers_time(value: RawValue, default_tz: str, fmt: str) -> str | None:
    """The date-time as ISO 8601 in the publisher's own offset: a machine's UTC instant in an
    uploaded file (an epoch, an ISO time in "Z": front matter, a CMS export, Word's properties) is
    the same instant in the publisher's zone (DefaultTimeZone), so that its first ten characters
    are the publisher's day ("2024-03-31T16:00:00Z" is 1 April in Tokyo). Midnight UTC exactly is a
    day stored as an instant and stays; a time a person wrote in UTC ("12:44 PM UTC") is on the day
    they wrote. Web pages settle their own zone (htmldates)."""
    parsed = dates.parse_datetime(value, default_tz)
    if parsed is None:
        return None
    machine = isinstance(value, (int, float, dt.datetime)) or (isinstance(value, str) and _ISO_INSTANT.match(value.strip()) is not None)
    if fmt != "html" and machine and parsed.utcoffset() == dt.timedelta(0) and parsed.time() != dt.time(0, 0):
        parsed = parsed.astimezone(dates.zone(default_tz))
    return parsed.isoformat()


_ISO_INSTANT = precompiled.pattern(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _language(draft: Draft, title: str, body: str) -> str | None:
    """The declared language, unless the text says otherwise (an 'en' template over Japanese)."""
    language = text.normalise_language(draft.language)
    if language and language != "en":
        return language  # only an 'en' default is overruled, so nothing else needs detecting
    sample = f"{title}\n{body[:4000]}"
    if language:  # 'en': only Japanese, Chinese or Korean text overrules it, so only the script is read
        return text.cjk_language(sample) or language
    return text.detect_language(sample)
