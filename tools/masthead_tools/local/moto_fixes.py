"""Where the embedded AWS (moto) differs from AWS in a way the local pipeline feels, put right.

DynamoDB transactions. moto's `transact_write_items` keeps a deep copy of every table the
transaction names, made again for each of its operations, to roll back to; on a cancelled
transaction it puts the copy in the table's place. Each index write (a transaction) so costs a copy
of the whole table and its stream, which is tens of milliseconds and megabytes at a few hundred
items; and after a rollback the stream readers hold the replaced table's shard and never see
another record. On AWS a cancelled transaction changes nothing, the stream included.

Here the rollback keeps only what the transaction can change: the items it names, and how many
records the table's stream held. The table stays the same object.
"""

from __future__ import annotations

import copy
import threading
from types import SimpleNamespace
from typing import Any

_installed = threading.Lock()


def install() -> None:
    """Put the fixes in place for this process (once; later calls do nothing)."""
    from moto.dynamodb import models
    from moto.dynamodb.models.table import Table

    with _installed:
        if getattr(models.DynamoDBBackend.transact_write_items, "masthead_fixed", False):
            return
        moto_transaction = models.DynamoDBBackend.transact_write_items

        def deepcopy_but_tables(value: Any, memo: dict | None = None) -> Any:
            return value if isinstance(value, Table) else copy.deepcopy(value, memo)

        # moto's module reaches copy.deepcopy for its rollback copies (and an item's, in update_item).
        models.copy = SimpleNamespace(deepcopy=deepcopy_but_tables, copy=copy.copy)  # type: ignore[attr-defined]

        def transact_write_items(backend, transact_items: list[dict[str, Any]]) -> None:
            undo = _Undo(backend, transact_items)
            try:
                moto_transaction(backend, transact_items)
            except Exception:
                undo.restore()
                raise

        transact_write_items.masthead_fixed = True  # type: ignore[attr-defined]
        models.DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]


class _Undo:
    """The items a transaction names as they were (None: absent), and each table's stream length."""

    def __init__(self, backend, transact_items: list[dict[str, Any]]) -> None:
        self.before: list[tuple[Any, Any, Any, Any]] = []  # (table, hash, range, item or None)
        self.streams: dict[int, tuple[Any, list, int]] = {}  # id(shard) -> (shard, its record list, length)
        for entry in transact_items:
            located = _locate(backend, entry)
            if located is None:
                continue  # moto rejects it before writing anything
            table, hash_value, range_value = located
            item = table.get_item(hash_value, range_value)
            self.before.append((table, hash_value, range_value, copy.deepcopy(item)))
            shard = table.stream_shard
            if shard is not None and id(shard) not in self.streams:
                self.streams[id(shard)] = (shard, shard.items, len(shard.items))

    def restore(self) -> None:
        for table, hash_value, range_value, item in reversed(self.before):
            if range_value is None:
                if item is None:
                    table.items.pop(hash_value, None)
                else:
                    table.items[hash_value] = item
            elif item is None:
                table.items[hash_value].pop(range_value, None)
            else:
                table.items[hash_value][range_value] = item
        for shard, records, length in self.streams.values():
            if shard.items is records:  # the records a cancelled transaction added are not seen
                del records[length:]


def _locate(backend, entry: dict[str, Any]):
    """(table, hash key, range key or None) of one transaction entry, None when moto would refuse it."""
    try:
        (op_type, op), *_ = entry.items()
        table = backend.get_table(op["TableName"])
        key = op["Item"] if op_type == "Put" else op["Key"]
        hash_value, range_value = backend.get_keys_value(table, key)
    except Exception:  # noqa: BLE001 - whatever moto makes of a malformed entry, it raises before writing
        return None
    return table, hash_value, range_value if table.has_range_key else None
