"""The DynamoDB adapter against moto: what DynamoDB refuses becomes a rejection, never a retry loop."""

from __future__ import annotations

from dataclasses import replace

from masthead.adapters.dynamodb import DynamoIndexStore
from masthead.model import Rejection, RejectionError
from masthead.service.index_step import IndexStep
from tests.builders import message


def test_a_value_dynamodb_cannot_store_becomes_a_rejection_of_that_upload(stack):
    """Against moto: a number DynamoDB has no form for (60 digits) is refused by the real adapter;
    the upload is recorded as rejected (cannot_index) instead of failing until the dead-letter queue."""
    store = DynamoIndexStore(stack.dynamodb, stack.table)
    poisoned = message(seq="0A", title="Huge").model_copy()
    poisoned = poisoned.model_copy(update={"extraction": replace(poisoned.extraction, word_count=10**60)})
    plan = IndexStep(store).handle(poisoned)
    assert plan.outcome == "rejected"
    (item,) = stack.reader().rejected().items
    assert item["error"]["code"] == "cannot_index" and item["key"] == poisoned.key


def test_a_key_longer_than_a_sort_key_allows_is_still_listed_as_rejected(stack):
    store = DynamoIndexStore(stack.dynamodb, stack.table)
    long_key = "articles/" + "長" * 330 + ".md"  # 999 bytes: within S3's 1,024, beyond a sort key's with the time
    rejected = message(seq="0A").model_copy(
        update={"key": long_key, "extraction": Rejection(key=long_key, error=RejectionError(code="no_body", message="x"))}
    )
    IndexStep(store).handle(rejected)
    (item,) = stack.reader().rejected().items
    assert item["key"] == long_key
