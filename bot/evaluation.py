"""Judging the engine against an evaluation set (bot/evalsets/own_questions.yaml); shared by the
evaluation test and the benchmark."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.engine import Answer, Result
from bot.facts import PROJECT_ROOT

EVAL_SET = Path(__file__).with_name("evalsets") / "own_questions.yaml"


def load_eval_set(path: Path = EVAL_SET) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def judge(result: Result, case: dict) -> bool:
    """Is `result` a right answer to `case`? (See the header of the evaluation set.)"""
    if "any_of" in case:
        return any(judge(result, alternative) for alternative in case["any_of"])
    if case.get("covered") is False:
        return not result.answered
    if not isinstance(result, Answer):
        return False
    expected_kind = {True: "yes", False: "no"}.get(case.get("answer"), case.get("answer"))  # YAML reads yes/no as booleans
    if expected_kind is not None and result.kind != expected_kind:
        return False
    if "facts" in case and (not result.facts or result.facts[0] not in case["facts"]):
        return False
    if "person" in case and (result.kind != "person" or result.person is None or result.person.id != case["person"]):
        return False
    if "quotes" in case and (result.kind != "quotes" or not result.quotes or result.quotes[0].speaker != case["quotes"]):
        return False
    if "event" in case and (result.kind != "date" or case["event"] not in {e.id for e in result.events}):
        return False
    return True
