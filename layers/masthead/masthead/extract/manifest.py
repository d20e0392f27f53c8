"""Magazine issue manifests under issues/: YAML, JSON, or Markdown front matter."""

from __future__ import annotations

import re

from .. import model
from ..errors import ExtractionRejected
from . import dates, precompiled, text
from .draft import ExtractOptions, issue_id_for, normalise_issue
from .frontmatter import load_yaml, split_front_matter

_FIELDS = {
    "issue_id": ("issue_id", "issueid", "id"),
    "publication": ("publication", "magazine", "periodical", "publisher"),
    "volume": ("volume", "vol", "issue_number", "issuenumber", "number", "no", "issue"),
    "title": ("title", "name", "headline"),
    "released_on": ("released_on", "releasedon", "released", "release_date", "releasedate", "date", "published", "on_sale"),
    "cover": ("cover", "cover_image", "coverimage", "image"),
    "features": ("features", "contents", "highlights", "toc", "articles_list"),
    "description": ("description", "summary", "about", "blurb"),
}


def _get(data: dict, field: str):
    folded = {re.sub(r"[\s\-]", "_", str(k)).lower(): v for k, v in data.items()}
    for name in _FIELDS[field]:
        if folded.get(name) not in (None, "", []):
            return folded[name]
    return None


MAX_VOLUME = 99_999
_NUMBER = precompiled.pattern(r"\d++")


def _volume(value) -> int | None:
    """A volume number as written (11, "11", "Vol.11", "#11"); raises for one that cannot be used."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and (m := _NUMBER.search(value)) and len(m.group(0)) <= 6:
        number = int(m.group(0))
    else:
        raise ExtractionRejected("bad_manifest", detail=f"'volume' must be a number from 0 to {MAX_VOLUME:,}")
    if not 0 <= number <= MAX_VOLUME:
        raise ExtractionRejected("bad_manifest", detail=f"'volume' must be a number from 0 to {MAX_VOLUME:,}")
    return number


def _features(value) -> list:
    """Feature titles: a list of strings or {title: ...} items; one string is one feature."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ExtractionRejected("bad_manifest", detail="'features' must be a list of article titles")
    features = []
    for item in value:
        if isinstance(item, dict):
            item = item.get("title") or item.get("name")
        features.append(item)
    return features


def _markdown_body(body: str) -> tuple[str | None, str | None]:
    """A Markdown manifest's title (a level-1 heading before its text) and description (its
    paragraphs and list items, read as an article's are: no '**', '[link](url)' or '- ')."""
    from .markdown import blocks

    heading, paragraphs = None, list[str]()
    for kind, level, value in blocks(body):
        if kind == "heading":
            heading = value if heading is None and level == 1 and not paragraphs else heading
        elif kind == "paragraph":
            paragraphs.append(value)
    return heading, " ".join(paragraphs) or None  # (spaces are folded when it is cleaned)


def _issue_named(title: object, key: str, options: ExtractOptions) -> str | None:
    """The issue a manifest names only by its title ("Iolite Vol.19") or its file's name
    (issues/iolite-vol-20.yaml)."""
    if isinstance(title, str) and (named := normalise_issue(title, options.site_names)):
        return named
    return normalise_issue(key.rsplit("/", 1)[-1].rsplit(".", 1)[0])


def _from_the_id(issue_id: str, volume: int | None, publication: str | None, options: ExtractOptions) -> tuple[int | None, str | None]:
    """The volume and the publication an issue id spells ("iolite-vol-20": 20, and the site's name
    whose slug "iolite" is), where the manifest gives neither."""
    slug, _, number = issue_id.rpartition("-vol-")
    volume = volume if volume is not None else int(number) if number.isdigit() else None
    publication = publication or next((name for name in options.site_names if text.slug(name) == slug), None)
    return volume, publication


def parse_manifest(key: str, source: str, suffix: str, options: ExtractOptions) -> model.IssueMetadata:
    heading = description_body = None
    if suffix in (".yaml", ".yml"):
        data = load_yaml(source)
    elif suffix == ".json":
        from .jsondoc import load_json

        data = load_json(source, "bad_manifest")
    else:
        data, rest = split_front_matter(source)
        if data is None:
            raise ExtractionRejected(
                "bad_manifest", detail="a Markdown manifest needs a front matter block ('---' lines) with publication and volume"
            )
        heading, description_body = _markdown_body(rest[: model.DESCRIPTION_MAX * 8])  # cut to 2,000 below
    if not isinstance(data, dict):
        raise ExtractionRejected(
            "bad_manifest", detail="it must be a list of 'name: value' fields (publication, volume, title, released_on, ...)"
        )

    publication = text.clean(_get(data, "publication"), model.NAME_MAX)
    volume = _volume(_get(data, "volume"))
    given = _get(data, "issue_id")
    issue_id = (
        (normalise_issue(given, options.site_names) if given else None)
        or issue_id_for(publication, volume)
        or _issue_named(_get(data, "title"), key, options)
    )
    if not issue_id:
        raise ExtractionRejected(
            "bad_manifest",
            detail="it needs 'publication' and 'volume', an 'issue_id' like iolite-vol-11, or a file name like iolite-vol-11.yaml",
        )
    if volume is None or publication is None:
        volume, publication = _from_the_id(issue_id, volume, publication, options)
    released = _get(data, "released_on")
    released_on = dates.iso_date(released, options.default_tz)
    if released is not None and released_on is None:
        # (a month alone, "2025-03" or "March 2025", is the cover's more often than the day the issue goes on sale)
        detail = f"'released_on' is not a date: {text.clean(released, 40)!r} (write the day the issue goes on sale, e.g. 2025-01-28)"
        raise ExtractionRejected("bad_manifest", detail=detail)
    features = _features(_get(data, "features"))
    description = _get(data, "description") or description_body
    return model.IssueMetadata(
        key=key,
        issue_id=issue_id,
        publication=publication,
        volume=volume,
        title=text.clean(_get(data, "title") or heading, model.TITLE_MAX),
        released_on=released_on,
        cover=text.clean(_get(data, "cover"), model.LINE_MAX),
        features=[f for f in (text.clean(x, model.LINE_MAX) for x in features) if f][: model.MAX_LIST],
        description=text.truncate(text.clean(description) or "", model.DESCRIPTION_MAX) or None,
    )
