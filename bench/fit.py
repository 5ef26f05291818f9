"""Fit the scorer's weights (bot/data/weights.json) from labelled questions, with cross-validation.

    python -m bench.fit                      # fit on the default sets, print CV figures, write weights
    python -m bench.fit --dry-run            # only the cross-validated figures

Every candidate the engine generates for a question is labelled by judging its own answer
against the question's expectation (bot.evaluation.judge). Three models are fitted:
- rank: a softmax over each answerable question's candidates that puts the right ones first;
- rerank: gradient-boosted trees on the first few candidates of that order (their features, their
  linear score and place), trained where some of them are right and some wrong, that reorder them
  (5-fold CV on every set, session 13: +0.6 points in scope on questions; --no-rerank compares);
- decision: gradient-boosted trees (scikit-learn, exported to plain JSON rows) on the best-ranked
  candidate (its features, its lead over the next, how well anything matched) that say whether it
  answers the question — trained on every question, out of scope included, so the abstention
  threshold is fitted, not chosen.
The rank model's L2 strength is chosen by k-fold CV over questions; the figures printed are on
questions the fold's weights never saw. Fitting needs the `fit` extra: pip install -e '.[fit]'.
Messages with several parts are answered part by part and are left out of fitting.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
from pathlib import Path

import numpy as np
import yaml

from bench.pin import DIALOGUE_SETS
from bot.analyse import analyse
from bot.candidates import generate
from bot.conversation import follow_up
from bot.engine import Engine
from bot.evaluation import EVAL_SETS, judge, load_eval_set
from bot.facts import DEFAULT_FACTS, load_factbase
from bot.scorer import (DECISION_FEATURES, FEATURES, RERANK_FEATURES, RERANKED, Decision, QueryContext, Scored, decision_features,
                         decision_score, features, is_complete, rank_key, rerank_span, rerank_x, reranked, vector)

ROOT = Path(__file__).resolve().parent.parent
# Every registered set is fitted on: the question sets (bot.evaluation.EVAL_SETS, the dev set among
# them) and the pinned dialogue sets, each turn as the engine was asked it (see dialogue_cases). A
# new blind set is scored unseen before it is registered, so no figure reported as blind was fitted on.
DIALOGUES = ROOT / "tests"
DEFAULT_SETS = list(EVAL_SETS.values()) + [DIALOGUES / name for name in DIALOGUE_SETS]
WEIGHTS = ROOT / "bot" / "data" / "weights.json"
# The decision's trees: chosen by 5-fold CV over all sets (100-300 trees, depth 2-4, rate 0.05-0.1).
TREES, DEPTH, RATE = 200, 3, 0.1
RERANK_TREES, RERANK_DEPTH = 200, 4  # the reranker's trees (CV: 100-200 trees, depth 3-4)
BAGS = 1  # decision models averaged; more only for steadier comparisons (--bags): each costs answer time
# Per-kind offsets are not shrunk: a kind with few labelled examples must still find its level.
NO_PENALTY = {FEATURES.index("bias")} | {i for i, name in enumerate(FEATURES) if name.startswith("kind_")}
# Signs we know before seeing data: missing what was asked never helps an answer, having it never hurts.
NEVER_POSITIVE = [i for i, name in enumerate(FEATURES)
                  if name.endswith("_miss") or name.startswith("unk_") or name in ("ent_missing", "asks_unknown_thing")]
NEVER_NEGATIVE = [i for i, name in enumerate(FEATURES)
                  if name in ("type_ok", "count_hit", "new_person", "date_match", "focus_hit", "ent_all", "cover", "said_by", "premise_full", "ev_cover", "bm25", "template")]


def dialogue_cases(engine: Engine, path: Path) -> list[dict]:
    """Each turn of each dialogue as the engine was asked it (a follow-up rewritten to stand
    alone); turns answered from the conversation itself ("sources?", "who said that?") are left out.
    How a follow-up is read depends on the answers before it, so on the weights in place: a refit
    after a refit can move the cross-validated figures by about half a point."""
    out = []
    for dialogue in yaml.safe_load(path.read_text(encoding="utf-8")):
        conversation = None
        for turn in dialogue["turns"]:
            step = follow_up(engine, turn["q"], conversation, now=0.0)
            conversation = step.conversation
            if step.read_as:
                out.append({**turn, "q": step.read_as})
    return out


def examples(engine: Engine, sets: list[Path]) -> list[dict]:
    ix = engine.ix
    out = []
    for path in sets:
        cases = dialogue_cases(engine, path) if path.parent == DIALOGUES else load_eval_set(path)
        for case in cases:
            q = analyse(ix, case["q"])
            if q.parts or not (q.tokens or q.dates):
                continue  # answered part by part / not a question: not what the scorer decides
            cands = generate(ix, q)
            if not cands:
                continue
            ctx = QueryContext(ix, q, cands)
            sparse = [features(ctx, c) for c in cands]
            results = [c.result() for c in cands]
            out.append({"q": q, "cands": cands, "sparse": sparse, "x": np.array([vector(x, FEATURES) for x in sparse]),
                        "y": np.array([judge(r, case) for r in results]),
                        "answers": np.array([r.answered for r in results]),
                        "abstain": bool(case.get("abstain") or case.get("covered") is False), "set": path.name})
    return out


def _project(w: np.ndarray, low: list[int], high: list[int]) -> None:
    w[low] = np.minimum(w[low], 0.0)
    w[high] = np.maximum(w[high], 0.0)


def adam(grad_fn, n: int, steps: int, lr: float, low: list[int], high: list[int]) -> np.ndarray:
    w = np.zeros(n)
    m = np.zeros(n)
    v = np.zeros(n)
    for t in range(1, steps + 1):
        g = grad_fn(w)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        _project(w, low, high)
    return w


def fit_rank(data: list[dict], l2: float, steps: int = 1500) -> np.ndarray:
    """Softmax over each question's candidates, the right ones as the target. For a question out
    of scope the right ones are those that say what the sources don't cover ("My sources don't
    quote X", "… don't say which 20 countries")."""
    rows = [ex for ex in data if ex["y"].any() and not (ex["abstain"] and ex["y"].all())]
    x = np.vstack([ex["x"] for ex in rows])
    qi = np.concatenate([np.full(len(ex["x"]), i) for i, ex in enumerate(rows)])
    y = np.concatenate([ex["y"] for ex in rows])
    starts = np.r_[0, np.flatnonzero(np.diff(qi)) + 1]
    k = len(rows)
    mask = np.ones(len(FEATURES))
    mask[list(NO_PENALTY)] = 0

    def grad(w: np.ndarray) -> np.ndarray:
        s = x @ w
        m = np.maximum.reduceat(s, starts)
        e = np.exp(s - m[qi])
        z = np.bincount(qi, e, k)
        ep = np.where(y, e, 0.0)
        zp = np.bincount(qi, ep, k)
        g = (e / z[qi]) @ x - (ep / zp[qi]) @ x
        return g / k + 2 * l2 * w * mask

    return adam(grad, len(FEATURES), steps, 0.05, NEVER_POSITIVE, NEVER_NEGATIVE)


def linear_order(ex: dict, w: np.ndarray) -> list[int]:
    s = ex["x"] @ w
    return sorted(range(len(s)), key=lambda i: rank_key(float(s[i]), ex["sparse"][i]))  # as bot.scorer.score_all orders them


def ranked(ex: dict, w: np.ndarray, rerank: Decision | None = None) -> tuple[list[Scored], int]:
    s = ex["x"] @ w
    order = linear_order(ex, w)
    top = [Scored(ex["cands"][i], float(s[i]), ex["sparse"][i]) for i in order]
    if rerank is not None:
        top = reranked(top, rerank)
    index = {id(c): i for i, c in enumerate(ex["cands"])}  # (the candidate the engine would give, by identity)
    return top[:6], index[id(top[0].cand)]


def rerank_rows(data: list[dict], w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The linear order's first few candidates of each question where they are not all right or all
    wrong, labelled by whether each is right to give."""
    xs, ys = [], []
    for ex in data:
        s = ex["x"] @ w
        order = linear_order(ex, w)
        top = [Scored(ex["cands"][i], float(s[i]), ex["sparse"][i]) for i in order]
        labels = [bool(ex["y"][i]) for i in order[: rerank_span(top)]]
        if len(labels) < 2 or all(labels) or not any(labels):
            continue
        for pos in range(len(labels)):
            xs.append(vector(rerank_x(top, pos), RERANK_FEATURES))
            ys.append(float(labels[pos]))
    return np.array(xs), np.array(ys)


def decision_rows(data: list[dict], w: np.ndarray, rerank: Decision | None = None) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for ex in data:
        top, best = ranked(ex, w, rerank)
        x = decision_features(top, ex["q"])
        if is_complete(top, x):
            continue  # answered whatever the model says (see bot.scorer.decision_score)
        xs.append(vector(x, DECISION_FEATURES))
        ys.append(float(ex["y"][best]))  # out of scope, a "my sources don't say …" candidate is right to give
    return np.array(xs), np.array(ys)


def fit_decision(x: np.ndarray, y: np.ndarray, trees: int = TREES, depth: int = DEPTH, rate: float = RATE, bags: int = BAGS,
                 names: list[str] = DECISION_FEATURES) -> dict:
    """Boosted regression trees on the log-odds that the best candidate is right to give (or, with
    the reranker's `names`, that a candidate is), exported as plain rows [feature, threshold, left,
    right, value] that bot.scorer.Decision walks."""
    from sklearn.ensemble import GradientBoostingClassifier  # only fitting needs it: pip install -e '.[fit]'

    models = [GradientBoostingClassifier(n_estimators=trees, max_depth=depth, learning_rate=rate, subsample=0.8,
                                         random_state=seed).fit(x, y) for seed in range(bags)]
    prior = float(models[0].init_.class_prior_[1])
    # bags > 1: the mean of several boosted models, each on its own subsamples. One model's CV figure
    # moves with the draw of its subsamples by about as much as a small change to the features does.
    out = {"base": math.log(prior / (1 - prior)), "rate": rate / len(models), "trees": []}
    for model in models:
        for est in model.estimators_[:, 0]:
            t = est.tree_
            out["trees"].append([[names[t.feature[i]] if t.children_left[i] >= 0 else None,
                                  float(t.threshold[i]) if t.children_left[i] >= 0 else 0.0,
                                  int(t.children_left[i]), int(t.children_right[i]), round(float(t.value[i, 0, 0]), 6)]
                                 for i in range(t.node_count)])
    check = Decision.of(out)
    sample = x[:300].astype(np.float32)  # the trees compare features as float32
    got = np.array([check.margin(dict(zip(names, map(float, row)))) for row in sample])
    want = np.mean([model.decision_function(sample) for model in models], axis=0)
    bad = np.flatnonzero(~np.isclose(got, want, atol=1e-3))
    assert not len(bad), f"exported trees disagree with the fitted model: {got[bad[:3]]} vs {want[bad[:3]]}"
    return out


def accuracy(w_rank: np.ndarray, decision: dict, data: list[dict], rerank: dict | None = None) -> tuple[int, int, int, int]:
    """(right in scope, in scope, right abstentions, out of scope) deciding as the engine does."""
    model = Decision.of(decision)
    reorder = Decision.of(rerank) if rerank else None
    ok_in = n_in = ok_out = n_out = 0
    for ex in data:
        top, best = ranked(ex, w_rank, reorder)
        answer = decision_score(top, ex["q"], model) > 0
        if ex["abstain"]:
            n_out += 1
            ok_out += not (answer and ex["answers"][best])
        else:
            n_in += 1
            ok_in += bool(answer and ex["y"][best])
    return ok_in, n_in, ok_out, n_out


def fit(data: list[dict], l2: float, bags: int = BAGS, trees: int = TREES, rerank: bool = True) -> tuple[np.ndarray, dict, dict | None]:
    w_rank = fit_rank(data, l2)
    reorder = fit_decision(*rerank_rows(data, w_rank), trees=RERANK_TREES, depth=RERANK_DEPTH, names=RERANK_FEATURES) if rerank else None
    # fewer trees take bigger steps, so that --trees changes the model's size, not how far it fits
    decision = fit_decision(*decision_rows(data, w_rank, Decision.of(reorder) if reorder else None),
                            trees=trees, rate=RATE * TREES / trees, bags=bags)
    return w_rank, decision, reorder


def cross_validate(data: list[dict], l2: float, folds: int, seed: int = 7, bags: int = BAGS, trees: int = TREES,
                   rerank: bool = True) -> tuple[int, ...]:
    order = list(range(len(data)))
    random.Random(seed).shuffle(order)
    total = np.zeros(8, dtype=int)  # questions (4), then dialogue turns (4)
    for k in range(folds):
        held = set(order[k::folds])
        train = [data[i] for i in range(len(data)) if i not in held]
        test = [data[i] for i in held]
        w_rank, decision, reorder = fit(train, l2, bags, trees, rerank)
        total += np.array(accuracy(w_rank, decision, [ex for ex in test if ex["set"] not in DIALOGUE_SETS], reorder)
                          + accuracy(w_rank, decision, [ex for ex in test if ex["set"] in DIALOGUE_SETS], reorder))
    return tuple(int(v) for v in total)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", type=Path, help="labelled question set (repeatable; default: every registered set)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, nargs="*", default=[3e-4, 1e-3, 3e-3])
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--bags", type=int, default=BAGS, help="boosted decision models averaged (each on its own subsample draws)")
    ap.add_argument("--trees", type=int, default=TREES, help="trees in each decision model")
    ap.add_argument("--no-rerank", action="store_true", help="rank by the linear scorer alone (for comparison)")
    args = ap.parse_args()
    sets = [s for s in (args.set or DEFAULT_SETS) if s.exists()]
    engine = Engine(load_factbase(DEFAULT_FACTS))
    data = examples(engine, sets)
    print(f"{len(data)} questions ({sum(d['abstain'] for d in data)} out of scope) from {', '.join(s.name for s in sets)}; "
          f"{sum(len(d['x']) for d in data)} candidates, {len(FEATURES)} features")
    best = None
    for l2 in args.l2:
        cv = cross_validate(data, l2, args.folds, bags=args.bags, trees=args.trees, rerank=not args.no_rerank)
        ok_in, n_in, ok_out, n_out = (cv[i] + cv[i + 4] for i in range(4))
        print(f"  l2={l2:g}: {args.folds}-fold CV  in scope {ok_in}/{n_in} = {100 * ok_in / n_in:.1f}%   "
              f"abstain {ok_out}/{n_out} = {100 * ok_out / n_out:.1f}%")
        for name, part in (("questions", cv[:4]), ("dialogue turns", cv[4:])):
            if part[1] and part[3]:
                print(f"    {name}: in scope {part[0]}/{part[1]} = {100 * part[0] / part[1]:.1f}%   "
                      f"abstain {part[2]}/{part[3]} = {100 * part[2] / part[3]:.1f}%")
        if best is None or ok_in + ok_out > best[1]:
            best = (l2, ok_in + ok_out, (ok_in, n_in, ok_out, n_out), cv)
    l2, _, (ok_in, n_in, ok_out, n_out), cv = best
    w_rank, w_dec, w_rerank = fit(data, l2, args.bags, args.trees, not args.no_rerank)
    tr = accuracy(w_rank, w_dec, data, w_rerank)
    print(f"chosen l2={l2:g}; on the fitting data itself: in scope {tr[0]}/{tr[1]}, abstain {tr[2]}/{tr[3]}")
    if args.dry_run:
        return
    trees = w_dec.pop("trees")
    rerank_trees = w_rerank.pop("trees") if w_rerank else []
    text = json.dumps({
        "rank": {name: round(float(v), 4) for name, v in zip(FEATURES, w_rank)},
        **({"rerank": {**w_rerank, "trees": "RERANK_TREES"}} if w_rerank else {}),
        "decision": {**w_dec, "trees": "TREES"},
        "fitted": {"by": "python -m bench.fit", "date": dt.date.today().isoformat(), "sets": [s.name for s in sets],
                   "questions": len(data), "l2": l2, "folds": args.folds,
                   "decision_trees": f"the mean of {args.bags} boosted models of {args.trees} trees of depth {DEPTH}",
                   "rerank_trees": (f"{RERANK_TREES} trees of depth {RERANK_DEPTH}, reordering the first {RERANKED}"
                                    if w_rerank else "none (--no-rerank)"),
                   "cv_in_scope": f"{ok_in}/{n_in}", "cv_abstain": f"{ok_out}/{n_out}",
                   "cv_questions": f"in scope {cv[0]}/{cv[1]}, abstain {cv[2]}/{cv[3]}",
                   "cv_dialogue_turns": f"in scope {cv[4]}/{cv[5]}, abstain {cv[6]}/{cv[7]}"},
    }, indent=1)
    def one_per_line(rows: list) -> str:
        return "[\n" + ",\n".join("  " + json.dumps(t, separators=(",", ":")) for t in rows) + "\n ]"

    text = text.replace('"TREES"', one_per_line(trees)).replace('"RERANK_TREES"', one_per_line(rerank_trees))
    WEIGHTS.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
