"""The embedded AWS's DynamoDB transactions behave as AWS's: a cancelled transaction changes no item
and adds no stream record, and the stream's readers go on seeing what is written after it."""

from __future__ import annotations

import boto3
import pytest
from botocore.exceptions import ClientError

from masthead_tools.local.stack import embedded_aws

TABLE = "fixes-table"
SET_V_TO_2 = {"UpdateExpression": "SET v = :two", "ExpressionAttributeValues": {":two": {"N": "2"}}}


@pytest.fixture
def dynamodb():
    with embedded_aws():
        client = boto3.client("dynamodb")
        client.create_table(
            TableName=TABLE,
            KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "PK", "AttributeType": "S"}, {"AttributeName": "SK", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
        )
        yield client


def _key(pk: str, sk: str = "A") -> dict:
    return {"PK": {"S": pk}, "SK": {"S": sk}}


def _items(client) -> dict[str, dict]:
    return {i["PK"]["S"] + "/" + i["SK"]["S"]: i for i in client.scan(TableName=TABLE)["Items"]}


def _stream_reader(dynamodb):
    streams = boto3.client("dynamodbstreams")
    arn = dynamodb.describe_table(TableName=TABLE)["Table"]["LatestStreamArn"]
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]

    def read() -> list[tuple[str, str]]:
        nonlocal iterator
        page = streams.get_records(ShardIterator=iterator)
        iterator = page["NextShardIterator"]
        return [(r["eventName"], r["dynamodb"]["Keys"]["PK"]["S"]) for r in page["Records"]]

    return read


def test_a_cancelled_transaction_changes_no_item_and_no_stream_record(dynamodb):
    dynamodb.put_item(TableName=TABLE, Item={**_key("kept"), "v": {"N": "1"}})
    dynamodb.put_item(TableName=TABLE, Item={**_key("gone"), "v": {"N": "1"}})
    read = _stream_reader(dynamodb)
    assert read() == [("INSERT", "kept"), ("INSERT", "gone")]
    before = _items(dynamodb)

    with pytest.raises(ClientError, match="TransactionCanceled"):
        dynamodb.transact_write_items(
            TransactItems=[
                {"Put": {"TableName": TABLE, "Item": {**_key("new"), "v": {"N": "1"}}}},
                {"Update": {"TableName": TABLE, "Key": _key("kept"), **SET_V_TO_2}},
                {"Delete": {"TableName": TABLE, "Key": _key("gone")}},
                {"ConditionCheck": {"TableName": TABLE, "Key": _key("absent"), "ConditionExpression": "attribute_exists(PK)"}},
            ]
        )

    assert _items(dynamodb) == before
    assert read() == []  # nothing of the cancelled transaction reaches the stream
    dynamodb.put_item(TableName=TABLE, Item={**_key("after"), "v": {"N": "1"}})
    assert read() == [("INSERT", "after")]  # the same reader sees what comes after it


def test_a_transaction_that_goes_through_writes_every_operation_and_streams_each(dynamodb):
    dynamodb.put_item(TableName=TABLE, Item={**_key("kept"), "v": {"N": "1"}})
    read = _stream_reader(dynamodb)
    read()
    dynamodb.transact_write_items(
        TransactItems=[
            {"Put": {"TableName": TABLE, "Item": {**_key("new", "B"), "v": {"N": "1"}}}},
            {"Update": {"TableName": TABLE, "Key": _key("kept"), **SET_V_TO_2}},
        ]
    )
    items = _items(dynamodb)
    assert items["kept/A"]["v"] == {"N": "2"} and "new/B" in items
    assert read() == [("INSERT", "new"), ("MODIFY", "kept")]


def test_two_operations_on_one_item_are_refused_and_change_nothing(dynamodb):
    dynamodb.put_item(TableName=TABLE, Item={**_key("kept"), "v": {"N": "1"}})
    before = _items(dynamodb)
    with pytest.raises(ClientError):
        dynamodb.transact_write_items(
            TransactItems=[
                {"Put": {"TableName": TABLE, "Item": {**_key("new"), "v": {"N": "1"}}}},
                {"Delete": {"TableName": TABLE, "Key": _key("new")}},
            ]
        )
    assert _items(dynamodb) == before
