"""Fit the scorer's weights (bot/data/weights.json) from labelled questions, with cross-validation.

    python -m bench.fit                      # fit on the default sets, print CV figures, write weights
    python -m bench.fit --dry-run            # only the cross-validated figures

Every candidate the engine generates for a question is labelled by judging its own answer
against the question's expectation (bot.evaluation.judge). The model is a softmax over a
question's candidates plus an "abstain" option whose score is fixed at 0: for an answerable
question it raises the right candidates above the rest and above abstaining; for an
out-of-scope one it pushes every candidate below 0. L2 strength is chosen by k-fold CV over
questions; the figure printed for each fold is on questions that fold's weights never saw.
Messages with several parts are answered part by part and are left out of fitting.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

import numpy as np

from bot.analyse import analyse
from bot.candidates import generate
from bot.engine import Engine
from bot.evaluation import judge, load_eval_set
from bot.facts import DEFAULT_FACTS, load_factbase
from bot.scorer import FEATURES, features

ROOT = Path(__file__).resolve().parent.parent
EVALSETS = ROOT / "bot" / "evalsets"
DEFAULT_SETS = [EVALSETS / "own_questions.yaml", EVALSETS / "probes.yaml", EVALSETS / "blind_a.yaml",
                ROOT.parent / "shared" / "eval" / "dev_questions.yaml"]
WEIGHTS = ROOT / "bot" / "data" / "weights.json"
# Per-kind offsets are not shrunk: a kind with few labelled examples must still find its level.
NO_PENALTY = {FEATURES.index("bias")} | {i for i, name in enumerate(FEATURES) if name.startswith("kind_")}


def examples(engine: Engine, sets: list[Path]) -> list[dict]:
    ix = engine.ix
    out = []
    for path in sets:
        for case in load_eval_set(path):
            q = analyse(ix, case["q"])
            if q.parts:
                continue
            cands = generate(ix, q)
            if not cands:
                x = np.zeros((0, len(FEATURES)))
                labels = np.zeros(0, dtype=bool)
            else:
                wanted = list(q.known_tokens) + ([q.wh] if q.wh else [])
                best_cover = max((ix._coverage(wanted, c.tokens) for c in cands if c.kind == "fact"), default=0.0) if wanted else 0.0
                x = np.array([features(ix, q, c, best_cover) for c in cands])
                labels = np.array([judge(c.result(), case) for c in cands])
            abstain = bool(case.get("abstain") or case.get("covered") is False)
            if not abstain and not labels.any():
                continue  # no candidate can answer it: nothing to learn about choosing
            out.append({"x": x, "y": labels, "abstain": abstain, "set": path.name})
    return out


class Stacked:
    """All questions' candidates in one matrix, so a loss and its gradient are a few array operations."""

    def __init__(self, data: list[dict]):
        rows = [ex for ex in data if len(ex["x"])]
        self.n = len(data)
        self.x = np.vstack([ex["x"] for ex in rows])
        self.q = np.concatenate([np.full(len(ex["x"]), i) for i, ex in enumerate(rows)])
        self.y = np.concatenate([ex["y"] & (not ex["abstain"]) for ex in rows])
        self.answerable = np.array([not ex["abstain"] for ex in rows])
        self.k = len(rows)


def loss_grad(w: np.ndarray, st: Stacked, l2: float) -> tuple[float, np.ndarray]:
    s = st.x @ w
    m = np.maximum(np.full(st.k, 0.0), np.maximum.reduceat(s, np.r_[0, np.flatnonzero(np.diff(st.q)) + 1]))
    e = np.exp(s - m[st.q])
    z = np.exp(-m) + np.bincount(st.q, e, st.k)
    loss = float((m + np.log(z)).sum())
    grad = (e / z[st.q]) @ st.x
    ep = np.where(st.y, e, 0.0)
    zp = np.bincount(st.q, ep, st.k)
    ans = st.answerable
    loss -= float((m[ans] + np.log(zp[ans])).sum())
    safe = np.where(zp > 0, zp, 1.0)
    grad -= (ep / safe[st.q]) @ st.x
    mask = np.ones_like(w)
    for i in NO_PENALTY:
        mask[i] = 0
    loss += l2 * float(((w * mask) ** 2).sum())
    grad += 2 * l2 * w * mask
    return loss / st.n, grad / st.n


def fit(data: list[dict], l2: float, steps: int = 1500, lr: float = 0.05) -> np.ndarray:
    """Adam on the mean loss: a few hundred features at most, so this takes seconds."""
    st = Stacked(data)
    w = np.zeros(len(FEATURES))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        _, g = loss_grad(w, st, l2 * len(data))
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def accuracy(w: np.ndarray, data: list[dict]) -> tuple[int, int, int, int]:
    """(right in scope, in scope, right abstentions, out of scope) deciding as the engine does."""
    ok_in = n_in = ok_out = n_out = 0
    for ex in data:
        s = ex["x"] @ w if len(ex["x"]) else np.zeros(0)
        answer = len(s) > 0 and s.max() > 0
        if ex["abstain"]:
            n_out += 1
            ok_out += not answer
        else:
            n_in += 1
            ok_in += bool(answer and ex["y"][int(s.argmax())])
    return ok_in, n_in, ok_out, n_out


def cross_validate(data: list[dict], l2: float, folds: int, seed: int = 7) -> tuple[int, int, int, int]:
    order = list(range(len(data)))
    random.Random(seed).shuffle(order)
    total = np.zeros(4, dtype=int)
    for k in range(folds):
        held = set(order[k::folds])
        train = [data[i] for i in range(len(data)) if i not in held]
        test = [data[i] for i in held]
        total += np.array(accuracy(fit(train, l2), test))
    return tuple(int(v) for v in total)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", type=Path, help="labelled question set (repeatable; default: own, probes, dev)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, nargs="*", default=[1e-4, 1e-3, 1e-2])
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    sets = [s for s in (args.set or DEFAULT_SETS) if s.exists()]
    engine = Engine(load_factbase(DEFAULT_FACTS))
    data = examples(engine, sets)
    print(f"{len(data)} questions ({sum(d['abstain'] for d in data)} out of scope) from {', '.join(s.name for s in sets)}; "
          f"{sum(len(d['x']) for d in data)} candidates, {len(FEATURES)} features")
    best = None
    for l2 in args.l2:
        ok_in, n_in, ok_out, n_out = cross_validate(data, l2, args.folds)
        print(f"  l2={l2:g}: {args.folds}-fold CV  in scope {ok_in}/{n_in} = {100 * ok_in / n_in:.1f}%   "
              f"abstain {ok_out}/{n_out} = {100 * ok_out / n_out:.1f}%")
        if best is None or ok_in + ok_out > best[1]:
            best = (l2, ok_in + ok_out, (ok_in, n_in, ok_out, n_out))
    l2, _, (ok_in, n_in, ok_out, n_out) = best
    w = fit(data, l2)
    tr = accuracy(w, data)
    print(f"chosen l2={l2:g}; on the fitting data itself: in scope {tr[0]}/{tr[1]}, abstain {tr[2]}/{tr[3]}")
    if args.dry_run:
        return
    WEIGHTS.write_text(json.dumps({
        "features": FEATURES,
        "weights": [round(float(v), 4) for v in w],
        "fitted": {"by": "python -m bench.fit", "date": dt.date.today().isoformat(), "sets": [s.name for s in sets],
                   "questions": len(data), "l2": l2, "folds": args.folds,
                   "cv_in_scope": f"{ok_in}/{n_in}", "cv_abstain": f"{ok_out}/{n_out}"},
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
