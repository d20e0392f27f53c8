"""The hostile regression corpus (tests/safety/cases.py) through the whole pipeline on moto."""

from __future__ import annotations

from masthead_tools.local.demo import run_pipeline
from tests.builders import TEMPLATE
from tests.safety.cases import CASES


def test_the_whole_corpus_through_the_pipeline_is_listed_once_with_no_dead_letters(tmp_path):
    for case in CASES:
        path = tmp_path / case.key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case.data())
    state = run_pipeline(tmp_path, TEMPLATE)
    listed = [a["key"] for a in state["articles"]] + [r["key"] for r in state["rejected"]]
    listed += [i["manifest_key"] for i in state["issues"]]
    assert sorted(listed) == sorted(c.key for c in CASES)  # each exactly once
    outcomes = {r["key"]: r["error"]["code"] for r in state["rejected"]}
    for case in CASES:
        if case.outcome != "accepted":
            assert outcomes[case.key] == case.outcome, case.name
    assert not any(state["dead_letters"].values())
