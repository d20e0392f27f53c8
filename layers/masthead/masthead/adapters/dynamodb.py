"""DynamoDB adapter for the index writer: read a document item, apply a Plan as one transaction."""

from __future__ import annotations

from ..index.plan import Delete, Plan, Put, Update

_serializer = None
_deserializer = None


def _codec():
    global _serializer, _deserializer
    if _serializer is None:
        from boto3.dynamodb.types import TypeDeserializer, TypeSerializer

        _serializer, _deserializer = TypeSerializer(), TypeDeserializer()
    return _serializer, _deserializer


def to_attributes(item: dict) -> dict:
    serializer, _ = _codec()
    return {k: serializer.serialize(v) for k, v in item.items()}


def from_attributes(item: dict) -> dict:
    _, deserializer = _codec()
    return {k: deserializer.deserialize(v) for k, v in item.items()}


class ConcurrentChange(Exception):
    """Another writer changed the key's document item between our read and our write."""


class DynamoIndexStore:
    def __init__(self, client, table_name: str) -> None:
        self.client = client
        self.table = table_name

    def get(self, key: dict) -> dict | None:
        response = self.client.get_item(TableName=self.table, Key=to_attributes(key), ConsistentRead=True)
        item = response.get("Item")
        return from_attributes(item) if item else None

    def _operation(self, op) -> dict:
        if isinstance(op, Put):
            body = {"TableName": self.table, "Item": to_attributes(op.item)}
            if op.condition:
                body["ConditionExpression"] = op.condition
                if op.names:
                    body["ExpressionAttributeNames"] = op.names
                if op.values:
                    body["ExpressionAttributeValues"] = to_attributes(op.values)
            return {"Put": body}
        if isinstance(op, Delete):
            return {"Delete": {"TableName": self.table, "Key": to_attributes(op.key)}}
        if isinstance(op, Update):
            body = {"TableName": self.table, "Key": to_attributes(op.key), "UpdateExpression": op.expression}
            if op.names:
                body["ExpressionAttributeNames"] = op.names
            if op.values:
                body["ExpressionAttributeValues"] = to_attributes(op.values)
            return {"Update": body}
        raise TypeError(f"unknown operation {op!r}")

    def apply(self, plan: Plan) -> None:
        if not plan.ops:
            return
        from botocore.exceptions import ClientError

        try:
            self.client.transact_write_items(TransactItems=[self._operation(op) for op in plan.ops])
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code")
            if code == "TransactionCanceledException":
                reasons = [r.get("Code") for r in exc.response.get("CancellationReasons", [])]
                if "ConditionalCheckFailed" in reasons or "TransactionConflict" in reasons or not reasons:
                    raise ConcurrentChange(str(reasons)) from exc
            raise
