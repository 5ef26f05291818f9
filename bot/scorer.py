"""Stage 3, score: one scorer for every candidate, its weights fitted from labelled questions.

Each candidate becomes a vector of named features (what kind of item it is, how much of the
question it covers, whether it can give the kind of answer asked for, how many of the question's
words the sources never use, and how common those words are in English …). Two weight vectors,
both read from `bot/data/weights.json` and both fitted by `python -m bench.fit` with
cross-validation:
- `rank` orders the candidates (a softmax over each answerable question's candidates);
- `decision` says whether the best one answers the question at all (a logistic model on the
  best candidate's features, how far it leads the next, and how well anything matched). An
  answer is given when that score is above 0, so the abstention threshold is fitted too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from bot.analyse import Query
from bot.candidates import KINDS, Candidate
from bot.index import Index

ANSWER_TYPES = ("date", "person", "place", "number", "reason", "quote")


def feature_names() -> list[str]:
    names = ["bias", "route", "cover", "template", "gap", "ent_missing", "ent_all", "unk_rare", "unk_mid", "unk_common",
             "unk_vcommon", "bm25", "bm25_top", "ev_cover", "focus_hit", "asks_unknown_thing", "count_hit", "count_miss",
             "n_known", "no_known", "type_ok", "outlet_miss", "date_match", "date_miss", "terse"]
    names += [f"kind_{k}" for k in KINDS]
    names += [f"yesno_{k}" for k in KINDS]
    names += [f"want_{t}_miss" for t in ANSWER_TYPES]
    names += [f"route_{k}" for k in KINDS]
    names += [f"quoting_{k}" for k in KINDS]
    return names


FEATURES = feature_names()
_INDEX = {name: i for i, name in enumerate(FEATURES)}
QUESTION_TYPES = ("what", "yesno", "date", "person", "place", "number", "reason", "quote")
DECISION_FEATURES = (["lead", "bm25_raw", "n_candidates_close", "uncovered"] + [f"asks_{t}" for t in QUESTION_TYPES]
                     + [f"best_{name}" for name in FEATURES])


def decision_features(ranked: list["Scored"], q: Query) -> list[float]:
    """What the answer-or-abstain decision looks at: the kind of question, the best candidate, how
    clearly it wins, and how many of the question's known words it leaves unanswered."""
    best = ranked[0]
    lead = best.score - ranked[1].score if len(ranked) > 1 else 5.0
    close = sum(1 for s in ranked[1:6] if best.score - s.score < 0.5)
    have = best.cand.tokens | best.cand.evidence
    uncovered = sum(1 for t in q.known_tokens if t not in have)
    asks = [1.0 if q.answer_type == t else 0.0 for t in QUESTION_TYPES]
    return [min(lead, 5.0) / 5, min(best.cand.bm25_raw, 15.0) / 15, close / 5, min(uncovered, 4) / 4] + asks + best.x


def features(ix: Index, q: Query, cand: Candidate, best_cover: float) -> list[float]:
    x = [0.0] * len(FEATURES)

    def put(name: str, value: float) -> None:
        x[_INDEX[name]] = value

    wanted = list(q.known_tokens) + ([q.wh] if q.wh else [])
    cover = ix._coverage(wanted, cand.tokens) if wanted else 0.0
    missing = sum(e not in cand.entities for e in q.entities)
    put("bias", 1.0)
    put("route", cand.route)
    put("cover", cover)
    put("template", cand.template)
    put("gap", cover - best_cover)
    put("ent_missing", min(missing, 3))
    put("ent_all", 1.0 if q.entities and not missing else 0.0)
    put("unk_rare", min(sum(z < 3.0 for _, z in q.unknown), 3))
    put("unk_mid", min(sum(3.0 <= z < 4.5 for _, z in q.unknown), 3))
    put("unk_common", min(sum(4.5 <= z < 5.3 for _, z in q.unknown), 3))
    put("unk_vcommon", min(sum(z >= 5.3 for _, z in q.unknown), 3))
    put("bm25", cand.bm25)
    if not q.focus_known:
        put("asks_unknown_thing", 1.0)  # "in what city …" when the articles never name a city
    if q.answer_type == "number" and q.focus:
        put("count_hit" if ix.counts_of(q.focus, cand) else "count_miss", 1.0)
    put("bm25_top", 1.0 if cand.bm25 >= 0.999 else 0.0)
    if wanted:
        put("ev_cover", ix._coverage(wanted, cand.tokens | cand.evidence))
        focus = max(q.known_tokens, key=lambda t: ix._idf.get(t, 0.0), default=None)
        put("focus_hit", 1.0 if focus in cand.tokens else 0.0)
    put("n_known", min(len(q.known_tokens), 6) / 6)
    put("no_known", 1.0 if not q.known_tokens else 0.0)
    put("terse", 1.0 if q.wh is None and not q.yes_no else 0.0)
    if q.dates:
        put("date_match" if set(q.dates) & cand.dates else "date_miss", 1.0)
    if q.quote_intent:
        put(f"quoting_{cand.kind}", 1.0)
    shows = set(cand.shows)
    if cand.entities - set(q.entities):
        shows.add("person")
    want = q.answer_type
    ok = want in ("what", "yesno") or want in shows
    put("type_ok", 1.0 if ok else 0.0)
    if want in ANSWER_TYPES and want not in shows:
        put(f"want_{want}_miss", 1.0)
    if q.outlet and cand.kind == "fact" and not any(ev.source == q.outlet for f in cand.facts for ev in ix.fb.fact_by_id[f].evidence):
        put("outlet_miss", 1.0)
    put(f"kind_{cand.kind}", 1.0)
    put(f"route_{cand.kind}", cand.route)
    if q.yes_no:
        put(f"yesno_{cand.kind}", 1.0)
    return x


@dataclass(frozen=True)
class Weights:
    rank: dict[str, float]
    decision: dict[str, float]
    fitted: dict  # how they were fitted: sets, folds, cross-validated figures

    @classmethod
    def load(cls) -> "Weights":
        data = json.loads(resources.files("bot").joinpath("data/weights.json").read_text(encoding="utf-8"))
        return cls(data.get("rank", {}), data.get("decision", {}), data.get("fitted", {}))

    def rank_vector(self) -> list[float]:
        """In FEATURES order (a feature the file lacks weighs 0, so an older file still loads)."""
        return [self.rank.get(name, 0.0) for name in FEATURES]

    def decision_vector(self) -> list[float]:
        return [self.decision.get(name, 0.0) for name in ["bias"] + DECISION_FEATURES]


def decision_score(ranked: list["Scored"], q: Query, weights: list[float]) -> float:
    """Above 0: the best candidate answers the question; otherwise abstain."""
    return weights[0] + sum(w * v for w, v in zip(weights[1:], decision_features(ranked, q)) if v)


@dataclass
class Scored:
    cand: Candidate
    score: float
    x: list[float]


def score_all(ix: Index, q: Query, cands: list[Candidate], weights: list[float]) -> list[Scored]:
    wanted = list(q.known_tokens) + ([q.wh] if q.wh else [])
    best_cover = max((ix._coverage(wanted, c.tokens) for c in cands if c.kind == "fact"), default=0.0) if wanted else 0.0
    out = []
    for c in cands:
        x = features(ix, q, c, best_cover)
        out.append(Scored(c, sum(w * v for w, v in zip(weights, x) if v), x))
    out.sort(key=lambda s: -s.score)
    return out
