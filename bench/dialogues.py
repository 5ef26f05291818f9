"""Score conversations: every turn of every dialogue, read as a follow-up of the turns before it.

    python -m bench.dialogues --set tests/dialogues.yaml [--quiet]

A dialogue file is a YAML list of {id, turns: [{q, all | abstain}]}; a turn is right as a question
of an evaluation set is (bot.evaluation.judge). Prints the wrong turns, then "turns right: N/M".
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from bot.conversation import follow_up
from bot.engine import Engine
from bot.evaluation import judge
from bot.facts import DEFAULT_FACTS, load_factbase


def score(engine: Engine, dialogues: list[dict]) -> tuple[int, int, list[str]]:
    right = total = 0
    wrong = []
    for dialogue in dialogues:
        conversation = None
        for i, turn in enumerate(dialogue["turns"]):
            step = follow_up(engine, turn["q"], conversation)
            conversation = step.conversation
            ok = judge(step.result, turn)
            right += ok
            total += 1
            if not ok:
                wrong.append(f"  {dialogue['id']} turn {i + 1}: {turn['q']!r} -> {step.result.text[:100]!r}")
    return right, total, wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, required=True)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    engine = Engine(load_factbase(DEFAULT_FACTS))
    right, total, wrong = score(engine, yaml.safe_load(args.set.read_text(encoding="utf-8")))
    if not args.quiet:
        print("\n".join(wrong))
    print(f"turns right: {right}/{total} = {100 * right / max(total, 1):.1f}%")


if __name__ == "__main__":
    main()
