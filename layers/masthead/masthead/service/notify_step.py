"""The notify step: index-table stream records -> their notifications, published in batches."""

from __future__ import annotations

from dataclasses import dataclass

from ..adapters.dynamodb import from_attributes
from ..errors import Unprocessable
from ..notify import Notification, notifications_for
from ..ports import Publisher


@dataclass(frozen=True)
class ItemChange:
    """One stream record's item before and after (None: it did not exist), as plain values."""

    old: dict | None
    new: dict | None


@dataclass
class NotifyStep:
    topic: Publisher

    @staticmethod
    def parse(record: dict) -> ItemChange:
        """A DynamoDB stream record's images, read once into plain values."""
        images = record.get("dynamodb")
        if not isinstance(images, dict):
            raise Unprocessable("not a DynamoDB stream record")
        old = from_attributes(images["OldImage"]) if images.get("OldImage") else None
        new = from_attributes(images["NewImage"]) if images.get("NewImage") else None
        return ItemChange(old, new)

    @staticmethod
    def notifications(change: ItemChange) -> list[Notification]:
        """One item change's notifications (none for a non-change)."""
        return notifications_for(change.old, change.new)

    def send(self, notifications: list[tuple[str, Notification]]) -> set[str]:
        """Publish (owner id, notification) pairs in as few requests as possible."""
        return self.topic.publish_batch([(owner, n.body, n.attributes) for owner, n in notifications])
