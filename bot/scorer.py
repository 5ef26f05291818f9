"""Stage 3, score: one scorer for every candidate, its weights fitted from labelled questions.

Each candidate becomes a vector of named features (what kind of item it is, how much of the
question it covers, whether it can give the kind of answer asked for, how many of the question's
words the sources never use, and how common those words are in English …). Three models, all
read from `bot/data/weights.json` and all fitted by `python -m bench.fit` with cross-validation:
- `rank` orders the candidates (a softmax over each answerable question's candidates);
- `rerank` reorders the first few of that order (boosted trees over the same features and the
  linear score, which weigh features together where one weight each cannot);
- `decision` says whether the best one answers the question at all (boosted trees giving the
  log-odds from the best candidate's features, how far it leads the next, and how well anything
  matched). An answer is given when that score is above 0, so the abstention threshold is fitted too.
"""

from __future__ import annotations

import json
import marshal
import types
from dataclasses import dataclass
from importlib import resources

from bot.analyse import Query
from bot.candidates import KINDS, Candidate, setting_of, topic_tokens
from bot.index import Index

ANSWER_TYPES = ("date", "person", "place", "number", "reason", "quote", "outlet")


def feature_names() -> list[str]:
    names = ["bias", "route", "cover", "template", "gap", "ent_missing", "ent_all", "unk_rare", "unk_mid", "unk_common",
             "unk_vcommon", "bm25", "bm25_top", "ev_cover", "focus_hit", "asks_unknown_thing", "count_hit", "count_miss",
             "n_known", "no_known", "type_ok", "outlet_miss", "date_match", "date_miss", "terse", "gap_focus", "new_person", "said_by", "only_places", "premise_full", "topic_hit", "card_asked"]
    names += [f"kind_{k}" for k in KINDS]
    names += [f"yesno_{k}" for k in KINDS]
    names += [f"want_{t}_miss" for t in ANSWER_TYPES]
    names += [f"route_{k}" for k in KINDS]
    names += [f"quoting_{k}" for k in KINDS]
    return names


FEATURES = feature_names()
QUESTION_TYPES = ("what", "yesno", "date", "person", "place", "number", "reason", "quote", "outlet")
DECISION_FEATURES = (["lead", "bm25_raw", "n_candidates_close", "uncovered", "complete"] + [f"asks_{t}" for t in QUESTION_TYPES]
                     + [f"best_{name}" for name in FEATURES])

Sparse = dict[str, float]  # feature name -> value, zeros left out

# Each kind's own feature names, and the decision's name of each feature of the best candidate:
# spelt once here rather than formatted for every candidate
_KIND_NAMES = {k: (f"kind_{k}", f"yesno_{k}", f"route_{k}", f"quoting_{k}") for k in KINDS}
_BEST_NAMES = {name: f"best_{name}" for name in FEATURES}


class QueryContext:
    """What every candidate's features need from the question, computed once per question."""

    def __init__(self, ix: Index, q: Query, cands: list[Candidate]):
        self.ix, self.q = ix, q
        self.entities = set(q.entities)
        self.asked = set(q.known_tokens)
        # a country named as where something was ("met him in South Korea") is the setting, not a party to it
        # ("who broke the story about the pence north korea meeting": the episode's own name is no party to it)
        self.setting = setting_of(ix, q) | set(q.episode)
        wanted = list(topic_tokens(ix, q)) + ([q.wh] if q.wh else [])
        self.weighed = ix.weigh(wanted) if wanted else None
        # each fact's cover, worked out here for the best of them and kept for its features
        self._covers = {id(c): self.weighed.cover(c.tokens) for c in cands if c.kind == "fact"} if wanted else {}
        self.best_cover = max(self._covers.values(), default=0.0)
        self.focus = max(q.known_tokens, key=lambda t: ix._idf.get(t, 0.0), default=None)
        self.dates = set(q.dates)
        base: Sparse = {"bias": 1.0, "n_known": min(len(q.known_tokens), 6) / 6}
        zipfs = [z for _, z in q.unknown]
        for name, lo, hi in (("unk_rare", 0, 3.0), ("unk_mid", 3.0, 4.5), ("unk_common", 4.5, 5.3), ("unk_vcommon", 5.3, 99)) if zipfs else ():
            n = sum(lo <= z < hi for z in zipfs)
            if n:
                base[name] = min(n, 3)
        if not q.known_tokens:
            base["no_known"] = 1.0
        if q.wh is None and not q.yes_no:
            base["terse"] = 1.0
        if not q.focus_known:
            base["asks_unknown_thing"] = 1.0  # "in what city …" when the articles never name a city
        self.base = base
        self.card_asked = (len(q.entities) == 1 and set(q.known_tokens) == {"@" + q.entities[0]} and not q.yes_no
                           and q.answer_type in ("what", "person"))
        self.unplaced = [e for e in q.entities if e not in self.setting]  # the names a candidate may leave out
        self.want = q.answer_type
        self.want_miss = f"want_{self.want}_miss" if self.want in ANSWER_TYPES else None
        self.counted = q.focus if self.want == "number" else None  # "how many countries": what is counted

    def cover(self, cand: Candidate) -> float:
        """How much of the question's weighed words a candidate's tokens cover."""
        cover = self._covers.get(id(cand))
        return self.weighed.cover(cand.tokens) if cover is None else cover


def features(ctx: QueryContext, cand: Candidate) -> Sparse:
    # (asked of every candidate of every question: what only some kinds of question need is worked
    # out only for them; the order in which features are set is the linear score's order of sums)
    ix, q = ctx.ix, ctx.q
    x = dict(ctx.base)
    kind = cand.kind
    is_fact = kind == "fact"
    weighed = ctx.weighed
    if weighed is not None:
        cover = ctx.cover(cand)
        x["cover"] = cover
        x["gap"] = cover - ctx.best_cover
        if cand.evidence:
            x["ev_cover"] = weighed.cover(cand.with_evidence if cand.with_evidence is not None else cand.tokens | cand.evidence)
        else:
            x["ev_cover"] = cover
        if ctx.focus in cand.tokens:
            x["focus_hit"] = 1.0
    if is_fact:
        topics = ix.doc_by_fact[cand.facts[0]].topics
        if topics:
            x["topic_hit"] = len(topics & ctx.asked) / len(topics)  # "the meeting's date" is about the meeting, not the articles
    route = cand.route
    x["route"] = route
    if cand.template:
        x["template"] = cand.template
    if cand.bm25:
        x["bm25"] = cand.bm25
        if cand.bm25 >= 0.999:
            x["bm25_top"] = 1.0
    if q.entities:
        missing = 0
        for e in ctx.unplaced:
            if e not in cand.entities:
                missing += 1
        if missing:
            x["ent_missing"] = min(missing, 3)
        else:
            x["ent_all"] = 1.0
    if cand.focus_open:
        x["gap_focus"] = 1.0  # "which 20 countries": the very thing asked for is what the sources leave open
    counted = None
    if ctx.counted:
        counted = ix.counts_of(ctx.counted, cand)
        x["count_hit" if counted else "count_miss"] = 1.0
    if q.dates:
        x["date_match" if ctx.dates & cand.dates else "date_miss"] = 1.0
    kind_name, yesno_name, route_name, quoting_name = _KIND_NAMES[kind]
    if q.quote_intent:
        x[quoting_name] = 1.0
        if is_fact and q.entities and any(q.entities[0] in ix.fb.fact_by_id[f].said_by for f in cand.facts):
            x["said_by"] = 1.0  # "what did the vice president's office say?": a fact reporting its words
    want = ctx.want
    if want == "what" or want == "yesno":
        x["type_ok"] = 1.0
    else:
        shows = cand.shows
        if counted is False and is_fact:
            shows = shows - {"number"}  # "how many athletes": "the two Koreas" counts something else
        if want == "person" or want == "outlet":
            brought = cand.entities - ctx.entities
            if is_fact:
                brought = brought & ix.named_in[cand.facts[0]]
            if want == "outlet":
                if brought & ix.roles.known_outlets:
                    shows = shows | {"outlet"}  # "which paper": an answer that brings in a news outlet
            elif brought:
                shows = shows | {"person"}
                people = ix.fb.person_by_id
                if any(people[e].kind == "person" for e in brought if e in people):
                    x["new_person"] = 1.0  # "who was Pence to meet?": a fact that brings in people, not only a place or a country
                elif all(people[e].kind == "country" for e in brought if e in people):
                    x["only_places"] = 1.0  # all it adds is a country: a "who" answer only as "North Korea" is
        elif want == "date":
            if "while" in shows and q.when_asked:
                shows = shows | {"date"}  # "when did he announce them?" — "at the start of his trip"
            if q.day_asked and "day" not in shows:
                shows = shows - {"date"}  # "on what date in November …": "November 2017" gives no day
        if want in shows:
            x["type_ok"] = 1.0
        elif ctx.want_miss:
            x[ctx.want_miss] = 1.0
    if q.outlet and is_fact and not any(ev.source == q.outlet for f in cand.facts for ev in ix.fb.fact_by_id[f].evidence):
        x["outlet_miss"] = 1.0
    x[kind_name] = 1.0
    if kind == "person" and ctx.card_asked:
        x["card_asked"] = 1.0  # "what's the DPRK?", "who is Nauert": the question is the name alone
    if (kind == "premise" or kind == "no") and route >= 0.999:
        x["premise_full"] = 1.0  # every word of a false claim is in the question: it takes it for granted
    if route:
        x[route_name] = route
    if q.yes_no:
        x[yesno_name] = 1.0
    return x


def vector(x: Sparse, names: list[str]) -> list[float]:
    return [x.get(name, 0.0) for name in names]


def decision_features(ranked: list["Scored"], q: Query) -> Sparse:
    """What the answer-or-abstain decision looks at: the kind of question, the best candidate, how
    clearly it wins, and how many of the question's known words it leaves unanswered."""
    best = ranked[0]
    # rivals: other answers, not the same item found twice (a date premise and a claim premise)
    kind, facts = best.cand.kind, best.cand.facts
    rivals = [s for s in ranked[1:] if s.cand.kind != kind or s.cand.facts != facts]
    lead = best.score - rivals[0].score if rivals else 5.0
    close = sum(1 for s in rivals[:5] if best.score - s.score < 0.5)
    tokens, evidence = best.cand.tokens, best.cand.evidence  # (asked of each word: no union of them built)
    # ("who was Pence to meet at the Olympics", "what was he to discuss at the Olympics": the setting of
    # everything need not be in the answer)
    setting = q.setting + tuple("@" + e for e in q.episode)
    uncovered = sum(1 for t in q.known_tokens if t not in tokens and t not in evidence and t not in setting)
    x: Sparse = {_BEST_NAMES[name]: v for name, v in best.x.items()}
    x.update({"lead": min(lead, 5.0) / 5, "bm25_raw": min(best.cand.bm25_raw, 15.0) / 15, "n_candidates_close": close / 5,
              "uncovered": min(uncovered, 4) / 4, f"asks_{q.answer_type}": 1.0})
    if not uncovered and not q.unknown and q.focus_known and best.x.get("type_ok") and q.known_tokens:
        x["complete"] = 1.0  # every word of the question found, nothing unknown, the kind of answer asked for
    return x


Node = tuple  # (feature, threshold, left, right, value); a leaf has feature None


@dataclass(frozen=True)
class Decision:
    """The answer-or-abstain model: log-odds that the best candidate answers the question, as a
    linear part (hand-set in tests, or only a bias) plus gradient-boosted regression trees
    (fitted by bench.fit: they let "an unknown common word" weigh differently for a close match and
    a loose one, which a single weight per feature cannot)."""
    linear: dict[str, float]
    trees: tuple[Node, ...] = ()
    rate: float = 1.0

    @classmethod
    def of(cls, data: "Decision | dict") -> "Decision":
        if isinstance(data, Decision):
            return data
        if "trees" in data:
            return cls({"bias": data["base"]}, tuple(_node(t, 0) for t in data["trees"]), data["rate"])
        return cls(dict(data))

    def __post_init__(self) -> None:
        # The trees as one compiled Python expression (a few microseconds instead of a walk over
        # hundreds of nodes); kept as marshalled bytes so that the pickled engine carries it too.
        object.__setattr__(self, "_tree_code", marshal.dumps(_compile_trees(self.trees)))
        object.__setattr__(self, "_weighs_features", any(name != "bias" for name in self.linear))
        self._bind()

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_tree_sum"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._bind()

    def _bind(self) -> None:
        object.__setattr__(self, "_tree_sum", types.FunctionType(marshal.loads(self._tree_code), {}))

    def margin(self, x: Sparse) -> float:
        w = self.linear
        score = w.get("bias", 0.0)
        if self._weighs_features:  # (fitted trees carry only a bias: nothing to add but zeros)
            score += sum(w.get(name, 0.0) * v for name, v in x.items())
        return score + self.rate * self._tree_sum(x.get)

    def contributions(self, x: Sparse) -> dict[str, float]:
        """How much each feature moved the margin (each split's change in the tree's value, credited
        to the feature it splits on): what `factbot ask --explain` shows."""
        out = {"bias": self.linear.get("bias", 0.0)}
        for name, v in x.items():
            if self.linear.get(name):
                out[name] = out.get(name, 0.0) + self.linear[name] * v
        for node in self.trees:
            out["bias"] += self.rate * node[4]
            while node[0] is not None:
                child = node[2] if x.get(node[0], 0.0) <= node[1] else node[3]
                out[node[0]] = out.get(node[0], 0.0) + self.rate * (child[4] - node[4])
                node = child
        return out


def _compile_trees(trees: tuple[Node, ...]) -> types.CodeType:
    """The code of `tree_sum(get)`: each feature read once, each tree a nested conditional, the
    leaves added in tree order (so the sum is bit for bit the walk's)."""
    local: dict[str, str] = {}

    def expression(node: Node) -> str:
        if node[0] is None:
            return repr(node[4])
        name = local.setdefault(node[0], f"f{len(local)}")
        return f"({expression(node[2])} if {name} <= {node[1]!r} else {expression(node[3])})"

    body = "".join(f" + {expression(tree)}" for tree in trees)
    reads = "".join(f"    {name} = get({feature!r}, 0.0)\n" for feature, name in local.items())
    source = f"def tree_sum(get):\n{reads}    return 0.0{body}\n"
    module = compile(source, "<decision trees>", "exec")
    return next(c for c in module.co_consts if isinstance(c, types.CodeType))


def _node(flat: list, i: int) -> Node:
    """A tree stored as rows [feature, threshold, left, right, value] → nested tuples."""
    feature, threshold, left, right, value = flat[i]
    if feature is None:
        return (None, 0.0, None, None, value)
    return (feature, threshold, _node(flat, left), _node(flat, right), value)


@dataclass(frozen=True)
class Weights:
    rank: dict[str, float]
    decision: Decision
    fitted: dict  # how they were fitted: sets, folds, cross-validated figures
    rerank: Decision | None = None  # boosted trees reordering the linear order's first few (None: the linear order)

    def __post_init__(self) -> None:
        object.__setattr__(self, "decision", Decision.of(self.decision))  # a dict of weights, or the fitted trees
        if self.rerank is not None:
            object.__setattr__(self, "rerank", Decision.of(self.rerank))

    @classmethod
    def load(cls) -> "Weights":
        data = json.loads(resources.files("bot").joinpath("data/weights.json").read_text(encoding="utf-8"))
        return cls(data.get("rank", {}), data.get("decision", {}), data.get("fitted", {}), data.get("rerank"))


def decision_score(ranked: list["Scored"], q: Query, decision: Decision) -> float:
    """Above 0: the best candidate answers the question; otherwise abstain. A question whose every
    word the best fact has, with nothing unknown and the kind of answer asked for, is answered
    ("when was the meeting?"): the fitted model decides the rest."""
    x = decision_features(ranked, q)
    score = decision.margin(x)
    if is_complete(ranked, x):
        return max(score, COMPLETE_SCORE)
    return score


COMPLETE_SCORE = 0.5  # the verdict a complete match gets at least (confidence about 0.62)


def is_complete(ranked: list["Scored"], x: Sparse) -> bool:
    return bool(x.get("complete")) and ranked[0].cand.kind == "fact"


@dataclass
class Scored:
    cand: Candidate
    score: float
    x: Sparse


RERANKED = 3  # how many of the linear order's first candidates the reranker may reorder
RERANK_FEATURES = [name for name in FEATURES if name != "bias"] + ["rank_score", "rank_gap", "rank_pos"]


def score_all(ix: Index, q: Query, cands: list[Candidate], weights: dict[str, float],
              rerank: "Decision | None" = None) -> list[Scored]:
    ctx = QueryContext(ix, q, cands)
    out = []
    weight = weights.get
    for c in cands:
        x = features(ctx, c)
        out.append(Scored(c, sum([weight(name, 0.0) * v for name, v in x.items()]), x))  # (a list sums faster than a generator)
    out.sort(key=lambda s: rank_key(s.score, s.x))
    return reranked(out, rerank) if rerank is not None else out


def rerank_x(ranked: list[Scored], i: int) -> Sparse:
    """A candidate's features for the reranker: its own, with its linear score, how far that is
    below the first one's, and its place in the linear order."""
    x = dict(ranked[i].x)
    x.pop("bias", None)  # (the trees' own base is the bias)
    x["rank_score"], x["rank_gap"], x["rank_pos"] = ranked[i].score, ranked[0].score - ranked[i].score, float(i)
    return x


def rerank_span(ranked: list[Scored]) -> int:
    """How many of the linear order's first candidates the reranker may reorder: up to RERANKED,
    all on the same side of `rank_key`'s rule (a false premise the question takes for granted keeps
    its place before everything)."""
    first = ranked[0].x.get("premise_full", 0.0) if ranked else 0.0
    return next((i for i, s in enumerate(ranked[:RERANKED]) if s.x.get("premise_full", 0.0) != first), min(len(ranked), RERANKED))


def reranked(ranked: list[Scored], rerank: "Decision") -> list[Scored]:
    """The linear order's first few reordered by boosted trees, which weigh features together (a
    template that matches well counts for more when the answer is of the kind asked)."""
    span = rerank_span(ranked)
    if span < 2:
        return ranked
    margins = [rerank.margin(rerank_x(ranked, i)) for i in range(span)]
    return [ranked[i] for i in sorted(range(span), key=lambda i: -margins[i])] + ranked[span:]


def rank_key(score: float, x: Sparse) -> tuple[float, float, float]:
    """The order of candidates (bench.fit ranks with it too). One fixed rule sits above the score:
    a false claim the question takes for granted, every word of it there, is corrected before
    anything else is said ("Why did Trump cancel the meeting?"); of two such corrections, the one
    about the day the question names goes first."""
    return -x.get("premise_full", 0.0), -score, -x.get("date_match", 0.0)
