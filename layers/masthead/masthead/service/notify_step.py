"""The notify step: one index-table stream record -> its notifications on SNS."""

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
        images = record.get("dynamodb") or {}
        old = from_attributes(images["OldImage"]) if images.get("OldImage") else None
        new = from_attributes(images["NewImage"]) if images.get("NewImage") else None
        return notifications_for(old, new)

    def handle(self, record: dict) -> list[Notification]:
        """One DynamoDB stream record: publish its notifications (none for a non-change)."""
        sent = self.notifications(record)
        for notification in sent:
            self.topic.publish(notification.body, notification.attributes)
        return sent
