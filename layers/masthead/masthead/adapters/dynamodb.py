"""DynamoDB adapter for the index writer: read a document item, apply a Plan as one transaction."""

from __future__ import annotations

from ..errors import ConcurrentChange, UnstorableChange
from ..index import schema as s
from ..index.claims import CLAIM_SK_PREFIX, IssueClaims
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


class DynamoIndexStore:
    def __init__(self, client, table_name: str) -> None:
        self.client = client
        self.table = table_name

    def get(self, key: dict) -> dict | None:
        response = self.client.get_item(TableName=self.table, Key=to_attributes(key), ConsistentRead=True)
        item = response.get("Item")
        return from_attributes(item) if item else None

    def issue_claims(self, issue_id: str) -> IssueClaims:
        """The manifests claiming an issue and the issue's claims_version: one consistent Query of
        the issue's partition (the issue item sorts right after its claims)."""
        claims, version = [], None
        arguments = {
            "TableName": self.table,
            "ConsistentRead": True,
            "KeyConditionExpression": "#pk = :pk AND #sk BETWEEN :first AND :last",
            "ExpressionAttributeNames": {"#pk": s.TABLE_PK, "#sk": s.TABLE_SK},
            "ExpressionAttributeValues": to_attributes({":pk": s.issue_pk(issue_id), ":first": CLAIM_SK_PREFIX, ":last": s.ISSUE_SK}),
        }
        while True:
            response = self.client.query(**arguments)
            for raw in response.get("Items", []):
                item = from_attributes(raw)
                if item[s.TABLE_SK] == s.ISSUE_SK:
                    version = int(item["claims_version"]) if item.get("claims_version") is not None else None
                else:
                    claims.append(item)
            if not response.get("LastEvaluatedKey"):
                return IssueClaims(issue_id, tuple(claims), version)
            arguments["ExclusiveStartKey"] = response["LastEvaluatedKey"]

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
            if op.condition:
                body["ConditionExpression"] = op.condition
            if op.names:
                body["ExpressionAttributeNames"] = op.names
            if op.values:
                body["ExpressionAttributeValues"] = to_attributes(op.values)
            return {"Update": body}
        raise TypeError(f"unknown operation {op!r}")

    def list_members(self, list_name: str, limit: int = 1000) -> list[dict]:
        arguments = {
            "TableName": self.table,
            "IndexName": s.LIST_INDEX,
            "KeyConditionExpression": "#pk = :pk",
            "ExpressionAttributeNames": {"#pk": s.LIST_PK},
            "ExpressionAttributeValues": to_attributes({":pk": list_name}),
        }
        found: list[dict] = []
        while len(found) < limit:
            response = self.client.query(**arguments)
            found += [from_attributes(item) for item in response.get("Items", [])]
            if "LastEvaluatedKey" not in response:
                break
            arguments["ExclusiveStartKey"] = response["LastEvaluatedKey"]
        return found[:limit]

    @property
    def _single(self) -> dict:
        return {
            "Put": lambda r: self.client.put_item(**r),
            "Update": lambda r: self.client.update_item(**r),
            "Delete": lambda r: self.client.delete_item(**r),
        }

    def apply(self, plan: Plan) -> None:
        if not plan.ops:
            return
        from botocore.exceptions import ClientError

        try:
            items = [self._operation(op) for op in plan.ops]
        except (TypeError, ValueError, ArithmeticError) as exc:  # decimal.Inexact/Rounded are ArithmeticErrors
            raise UnstorableChange(f"a value has no DynamoDB form ({type(exc).__name__})") from exc
        try:
            if len(items) == 1:
                # One write needs no transaction (which costs twice the write capacity).
                ((kind, request),) = items[0].items()
                self._single[kind](request)
            else:
                self.client.transact_write_items(TransactItems=items)
        except ClientError as exc:
            error = exc.response.get("Error", {})
            code = error.get("Code")
            if code == "ConditionalCheckFailedException":
                raise ConcurrentChange("condition failed") from exc
            if code == "TransactionCanceledException":
                reasons = [r.get("Code") for r in exc.response.get("CancellationReasons", [])]
                if "ConditionalCheckFailed" in reasons or "TransactionConflict" in reasons or not reasons:
                    raise ConcurrentChange(str(reasons)) from exc
                if "ValidationError" in reasons:
                    raise UnstorableChange("an item is larger than the index allows") from exc
            if code == "ValidationException":
                raise UnstorableChange(str(error.get("Message") or "rejected by DynamoDB")[:200]) from exc
            raise
