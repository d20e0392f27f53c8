"""Every exception Masthead's runtime raises on purpose, in one place.

Two families, told apart by what the caller should do:
- an upload that cannot be indexed (`ExtractionRejected`, `ExtractionTimedOut`): extraction turns
  it into a Rejection with an editor-facing reason; it never leaves extraction;
- a message or change that cannot be processed now or ever: `Unprocessable` (dead-letter it at
  once), `ConcurrentChange` (re-plan and retry), `UnstorableChange` (record the upload as
  rejected), `ObjectGone` (the later event carries the truth), `OutputRefused` (retry the record).
"""

from __future__ import annotations


class MastheadError(Exception):
    """Base of every exception below."""


class ExtractionRejected(MastheadError):
    """Raised inside extraction when an upload cannot be indexed; carries an editor-facing reason."""

    def __init__(self, code: str, **details: object) -> None:
        from .extract.rejections import bounded_message  # the messages live with the extractor

        self.code = code
        self.message = bounded_message(code, **details)
        super().__init__(f"{code}: {self.message}")


class ExtractionTimedOut(MastheadError):
    """Raised (from a timer signal) when one upload's extraction runs past its time budget."""


class Unprocessable(MastheadError):
    """The message can never be processed, however often it is retried: dead-letter it at once."""


class NotAnS3Event(Unprocessable):
    """An ingest-queue message that is not an S3 object event in any shape Masthead reads."""


class ObjectGone(MastheadError):
    """The object (or the version the event names) no longer exists."""


class ConcurrentChange(MastheadError):
    """Another writer changed the key's document item between our read and our write."""


class UnstorableChange(MastheadError):
    """DynamoDB can never store this change as planned (an item or key too large, a number out of
    range, a value of a type it has no form for): retrying it would fail the same way."""
