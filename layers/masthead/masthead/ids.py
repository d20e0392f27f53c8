"""Stable identifiers derived from S3 keys.

An article's id is a readable slug of its file name plus a short hash of the whole key, so two
files with the same name in different folders never collide, and the same key always gives the
same id. A moved or renamed file therefore gets a new id: the move is a delete plus a create.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata


def slug(value: str, limit: int = 60) -> str:
    """ASCII, lower case, words joined by '-' (non-ASCII letters are dropped)."""
    text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:limit].strip("-")


def key_hash(key: str, length: int = 10) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:length]


def article_id_for_key(key: str) -> str:
    """articles/2024/04/china-belt-and-road.txt -> china-belt-and-road-<10 hex of sha256(key)>."""
    name = key.rsplit("/", 1)[-1]
    stem = name.split(".", 1)[0] if not name.startswith(".") else name
    return f"{slug(stem, 60) or 'article'}-{key_hash(key)}"


def manifest_id_for_key(key: str) -> str:
    """The id of the manifest file itself (one issue may be declared by more than one file)."""
    return article_id_for_key(key)


# The folders the pipeline indexes: the bucket notifies the ingest queue of these (template.yaml's
# NotificationConfiguration), and a reindex run looks only at these.
PIPELINE_PREFIXES = ("articles/", "issues/")


def is_pipeline_key(key: str) -> bool:
    return key.startswith(PIPELINE_PREFIXES) and not key.endswith("/")


def is_issue_key(key: str) -> bool:
    return key.startswith("issues/")
