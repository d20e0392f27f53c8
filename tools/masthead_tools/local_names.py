"""The resources of the one stack a local endpoint (`masthead up`) holds, found by their names'
endings: there is no CloudFormation stack there to ask."""

from __future__ import annotations


def one_index_table(session, endpoint_url: str) -> str | None:
    """The endpoint's `<stack>-IndexTable`; None when there is not exactly one."""
    tables = session.client("dynamodb", endpoint_url=endpoint_url).list_tables().get("TableNames", [])
    return _only([name for name in tables if name.endswith("-IndexTable")])


def one_reindex_state_machine(session, endpoint_url: str) -> str | None:
    """The ARN of the endpoint's `<stack>-reindex` state machine; None when there is not exactly one."""
    machines = session.client("stepfunctions", endpoint_url=endpoint_url).list_state_machines().get("stateMachines", [])
    return _only([m["stateMachineArn"] for m in machines if m["name"].endswith("-reindex")])


def _only(found: list[str]) -> str | None:
    return found[0] if len(found) == 1 else None
