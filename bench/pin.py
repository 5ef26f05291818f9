"""Pin which questions of every evaluation set the engine answers right today.

    python -m bench.pin        # rewrites tests/known_misses.yaml

tests/test_evalsets.py asks every question of every set and expects it to be judged right,
except the ones listed in tests/known_misses.yaml, which are expected failures (xfail) with the
answer the engine gave when they were pinned. A question that breaks fails by name; one that
starts passing shows as XPASS, and re-running this script moves it out of the list.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.engine import Engine
from bot.evaluation import EVAL_SETS, judge, load_eval_set
from bot.facts import DEFAULT_FACTS, load_factbase

OUT = Path(__file__).resolve().parent.parent / "tests" / "known_misses.yaml"
DIALOGUE_SETS = ("dialogues.yaml", "blind_dialogues.yaml", "more_dialogues.yaml", "blind_dialogues_2.yaml", "blind_dialogues_3.yaml", "blind_dialogues_4.yaml", "blind_dialogues_5.yaml", "blind_dialogues_6.yaml", "blind_dialogues_7.yaml", "blind_dialogues_8.yaml", "blind_dialogues_9.yaml", "blind_dialogues_10.yaml", "blind_dialogues_11.yaml", "blind_dialogues_12.yaml", "blind_dialogues_13.yaml", "blind_dialogues_14.yaml", "blind_dialogues_15.yaml", "blind_dialogues_16.yaml", "blind_dialogues_17.yaml", "blind_dialogues_18.yaml", "blind_dialogues_19.yaml", "blind_dialogues_20.yaml", "blind_dialogues_21.yaml", "blind_dialogues_22.yaml", "blind_dialogues_23.yaml", "blind_dialogues_24.yaml", "blind_dialogues_25.yaml", "blind_dialogues_26.yaml", "blind_dialogues_27.yaml", "blind_dialogues_28.yaml", "blind_dialogues_29.yaml", "blind_dialogues_30.yaml", "blind_dialogues_31.yaml", "blind_dialogues_32.yaml", "blind_dialogues_33.yaml", "blind_dialogues_34.yaml", "blind_dialogues_35.yaml", "blind_dialogues_36.yaml", "blind_dialogues_37.yaml", "blind_dialogues_38.yaml", "blind_dialogues_39.yaml", "blind_dialogues_40.yaml", "blind_dialogues_41.yaml", "blind_dialogues_42.yaml", "blind_dialogues_43.yaml", "blind_dialogues_44.yaml", "blind_dialogues_45.yaml", "blind_dialogues_46.yaml", "blind_dialogues_47.yaml", "blind_dialogues_48.yaml", "blind_dialogues_49.yaml", "blind_dialogues_50.yaml", "blind_dialogues_51.yaml", "blind_dialogues_52.yaml", "blind_dialogues_53.yaml", "blind_dialogues_54.yaml", "blind_dialogues_55.yaml", "blind_dialogues_56.yaml", "blind_dialogues_57.yaml", "blind_dialogues_58.yaml", "blind_dialogues_59.yaml", "blind_dialogues_60.yaml", "blind_dialogues_61.yaml", "blind_dialogues_62.yaml", "blind_dialogues_63.yaml", "blind_dialogues_64.yaml", "blind_dialogues_65.yaml", "blind_dialogues_66.yaml", "blind_dialogues_67.yaml", "blind_dialogues_68.yaml", "blind_dialogues_69.yaml", "blind_dialogues_70.yaml", "blind_dialogues_71.yaml", "blind_dialogues_72.yaml",
                 "blind_dialogues_73.yaml", "blind_dialogues_74.yaml", "blind_dialogues_75.yaml",
                 "blind_dialogues_76.yaml", "blind_dialogues_77.yaml", "blind_dialogues_78.yaml",
                 "blind_dialogues_79.yaml", "blind_dialogues_80.yaml", "blind_dialogues_81.yaml",
                 "blind_dialogues_82.yaml", "blind_dialogues_83.yaml", "blind_dialogues_84.yaml")


def main() -> None:
    engine = Engine(load_factbase(DEFAULT_FACTS))
    misses: dict[str, dict[str, str]] = {}
    for name, path in EVAL_SETS.items():
        if not path.exists():
            continue
        wrong = {}
        cases = load_eval_set(path)
        for case in cases:
            result = engine.ask(case["q"])
            if not judge(result, case):
                wrong[case["q"]] = ("answered: " if result.answered else "abstained: ") + result.text[:100].replace("\n", " ")
        misses[name] = wrong
        print(f"{name}: {len(cases) - len(wrong)}/{len(cases)} right")
    from bench.dialogues import follow_up  # the conversation sets: one entry per wrong turn, "c01/2"

    for name in DIALOGUE_SETS:
        dialogues = yaml.safe_load((OUT.parent / name).read_text(encoding="utf-8"))
        wrong = {}
        for d in dialogues:
            conversation = None
            for i, turn in enumerate(d["turns"]):
                step = follow_up(engine, turn["q"], conversation)
                conversation = step.conversation
                if not judge(step.result, turn):
                    wrong[f"{d['id']}/{i + 1}"] = step.result.text[:100].replace("\n", " ")
        misses[name] = wrong
        print(f"{name}: {sum(len(d['turns']) for d in dialogues) - len(wrong)}/{sum(len(d['turns']) for d in dialogues)} turns right")
    OUT.write_text("# Written by `python -m bench.pin`: the questions each set's test expects to fail, with the\n"
                   "# answer given when pinned. Everything else in the sets must be answered right.\n"
                   + yaml.safe_dump(misses, allow_unicode=True, sort_keys=True, width=200), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
