"""The notify step: index-table stream records -> their notifications, published in batches."""

from __future__ import annotations

from dataclasses import dataclass

from ..adapters.aws import SnsPublisher
from ..adapters.dynamodb import from_attributes
from ..notify import Notification, notifications_for


@dataclass
class NotifyStep:
    topic: SnsPublisher

    @staticmethod
    def notifications(record: dict) -> list[Notification]:
        """One DynamoDB stream record's notifications (none for a non-change)."""
        images = record.get("dynamodb") or {}
        old = from_attributes(images["OldImage"]) if images.get("OldImage") else None
        new = from_attributes(images["NewImage"]) if images.get("NewImage") else None
        return notifications_for(old, new)

    def send(self, notifications: list[tuple[str, Notification]]) -> set[str]:
        """Publish (owner id, notification) pairs in as few requests as possible."""
        return self.topic.publish_batch([(owner, n.body, n.attributes) for owner, n in notifications])
