"""Every question of every evaluation set, pinned: each must be judged right, except the known
misses in tests/known_misses.yaml (expected failures, with the answer given when pinned)."""

from pathlib import Path

import pytest
import yaml

from bot.evaluation import EVAL_SETS, judge, load_eval_set
from tests.citations import assert_citations_verbatim

KNOWN_MISSES = yaml.safe_load((Path(__file__).with_name("known_misses.yaml")).read_text(encoding="utf-8"))


def _cases():
    for name, path in EVAL_SETS.items():
        if not path.exists():
            continue
        for i, case in enumerate(load_eval_set(path)):
            marks = []
            if case["q"] in KNOWN_MISSES.get(name, {}):
                marks = [pytest.mark.xfail(reason=f"known miss: {KNOWN_MISSES[name][case['q']]}", strict=False)]
            yield pytest.param(case, id=f"{name}-{i:03d}", marks=marks)


@pytest.mark.parametrize("case", list(_cases()))
def test_question(engine, case):
    result = engine.ask(case["q"])
    assert_citations_verbatim(engine, result)  # every citation shown is verbatim, right or wrong
    assert judge(result, case), result.text[:300]


def test_sets_are_there():
    assert all(EVAL_SETS[name].exists() for name in ("own", "probes", "blind_a"))
    assert len(load_eval_set(EVAL_SETS["blind_a"])) >= 150
