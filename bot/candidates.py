"""Stage 2, retrieve: every answer the fact base could give to a query, from every kind of item.

Each generator proposes candidates — a fact, a yes/no verdict from a fact's claims, a premise
correction, a person's card, someone's quotes, the quote that holds words the user quoted, the
events of a date, the whole timeline — with the evidence of how well it fits (`route`, 0..1) and
what it could answer (a date, a person, a number …). None of them decides: the scorer weighs
them all with one set of fitted weights, and `decide` picks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable

from rapidfuzz import fuzz, process

from bot.analyse import Query, episode_named, nameless_article
from bot.articles import article_name
from bot.facts import Fact, Person, Quote, date_label
from bot.index import IN_PLACE, Index, _ClaimDoc, _Doc
from bot.results import Answer, NotCovered, Result
from bot.roles import shown_as
from bot.text import (ARTICLE_NOUNS, ARTICLE_SAYS_VERB, HYPOTHETICAL, MONTH_NAMES, SEPARABLE, plain_tokens, PERSON_STARTERS, QUOTED, REPORTING_VERBS, SPEECH_VERB, STOPWORDS, WHO_STARTERS, YES_NO_STARTERS,
                      date_span, listed, normalize, ordinal, stem)

KINDS = ("fact", "yes", "no", "premise", "person", "quotes", "said", "date", "timeline", "didyoumean", "gap")

_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DATE_TEXT = re.compile(rf"\b(?:{_MONTH}|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s*\d+(?:st|nd|rd|th)?|{_WEEKDAY}|morning|evening|night|hours?|"
                        r"\d{4}(?!\s+(?-i:[A-Z]))|last minute|next day|same day)\b", re.I)  # "2018 Winter Olympics" names, it does not date
# A day, not only a month or a year: what "what date" and "which day" ask for
_NAMED_DAY = rf"{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}|{_WEEKDAY}"
_DAY_TEXT = re.compile(rf"\b(?:{_NAMED_DAY}|next (?:day|morning)|morning after|same day)\b", re.I)
# A day named outright, not by another's ("next morning"): a statement that names none is told its day
_OWN_DAY_TEXT = re.compile(rf"\b(?:{_NAMED_DAY})\b", re.I)
# A time told by what was happening, no date: it answers "when", not "what date"
_WHILE_TEXT = re.compile(r"\b(?:at the (?:start|beginning|end) of (?:his|her|the|their) (?:trip|visit|tour)|"
                         r"on (?:his|her|the|their) (?:flight|way) (?:home|back))\b", re.I)
_NUMBER_TEXT = re.compile(r"\b(?:(?!(?:19|20)\d\d\b)\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozen|hundred|thousand)\b", re.I)
_REASON_TEXT = re.compile(r"\b(?:because|avoid|in hopes?|hoping|so that|unclear|reasons?|why|to highlight|to remind|"
                          r"in order to|unhappy|not been happy|angry|in protest|to press|to call attention)\b", re.I)


@dataclass
class Candidate:
    kind: str
    route: float  # how well this item fits, as the generator that found it measured it
    build: Callable[[], Result] = field(repr=False)
    facts: tuple[str, ...] = ()
    tokens: frozenset[str] = frozenset()  # content tokens and @entities the candidate's answer covers
    entities: frozenset[str] = frozenset()
    shows: frozenset[str] = frozenset()  # answer types its text can satisfy: date, number, reason, place, quote
    template: float = 0.0  # similarity to a question this item was written to answer
    dates: frozenset[str] = frozenset()  # ISO dates (and their months) the answer is about
    bm25: float = 0.0  # BM25 of the question against the fact's text, relative to the best fact (0..1)
    bm25_raw: float = 0.0  # the same, not relative: how well the best fact matches at all
    evidence: frozenset[str] = frozenset()  # tokens of the article passages behind it
    with_evidence: frozenset[str] | None = None  # tokens | evidence, when known in advance
    own: frozenset[str] = frozenset()  # a gap's own words: the detail it says the sources leave open
    focus_open: bool = False  # a gap naming the very thing a "which …" question asks for
    contradicts: bool = False  # a day, place, time, number or span the question states that its fact gives otherwise

    def result(self) -> Result:
        return self.build()


def text_shows(ix: Index, text: str) -> frozenset[str]:
    shows = set()
    if DATE_TEXT.search(text):
        shows.add("date")
    if _WHILE_TEXT.search(text):
        shows.add("while")
    if _DAY_TEXT.search(text):
        shows.add("day")
    if _NUMBER_TEXT.search(text):
        shows.add("number")
    if _REASON_TEXT.search(text):
        shows.add("reason")
    if ix.place_pattern.search(text):
        shows.add("place")
    if "“" in text or '"' in text:
        shows.add("quote")
    if ix.outlet_pattern.search(text):
        shows.add("outlet")
    return frozenset(shows)


def generate(ix: Index, q: Query) -> list[Candidate]:
    unreported = unreported_mind(ix, q) or another_time(ix, q) or initial_only(ix, q) or unnamed_relative(ix, q)
    if unreported is not None:
        # "how did Kim Yo Jong feel about it?", "what was Ayers's job before?": nothing the articles report
        return [unreported]
    said = quoted_words(ix, q)
    if said and q.quote_intent and q.wh in ("?who", None):
        return said  # "who said '…'?" / "did Pence say '…'?": only a quote can answer that, or nothing
    unquoted = unquoted_speaker(ix, q)
    if unquoted and unquoted.entities.isdisjoint(ix.reported_in):
        return [unquoted]  # "what did Abe say to Pence?": the articles give no words of Abe's, quoted or reported
    found: list[Candidate] = [unquoted] if unquoted else []
    found.extend(said)
    for generator in (timeline, by_date, people, quotes, speakers_of, told_whom, claims, unmentioned_actor, dated, placed, timed, counted, durations, facts,
                      gaps, precision, coarser_place, opposite_said, never_happened):
        found.extend(generator(ix, q))
    return found


# --- generators -------------------------------------------------------------------------------


def setting_of(ix: Index, q: Query) -> set[str]:
    """The countries the question names as where something was ("met him in South Korea"): the
    setting, not a party to it."""
    return {e for e in q.entities if q.place and ix.fb.person_by_id[e].kind == "country"
            and ix.fb.person_by_id[e].name.lower() == q.place}


_FINER_PLACE = {"city": "city", "cities": "city", "town": "town"}  # finer than a country: what each asks for
_AREA_KINDS = frozenset({"country", "countries", *_FINER_PLACE})  # (a building or venue is a thing the articles may speak of)


def topic_tokens(ix: Index, q: Query) -> tuple[str, ...]:
    """The known words a fact must match: all of them, but for a "who" question not its setting
    ("who was Pence to meet in South Korea" is not answered by a fact that only says where, nor
    "who was Pence to meet at the 2018 Olympics" by one that says where everything happened)."""
    if q.answer_type == "place" and q.focus in _AREA_KINDS:
        # "in what country was the meeting to happen": "country" says what kind of answer is
        # wanted, not what the fact is about (the summit of "20 countries" is no answer)
        kind = ix._canon_token(q.focus)
        return tuple(t for t in q.known_tokens if t != kind) or q.known_tokens
    if q.answer_type != "person" or not q.place:
        return q.known_tokens
    setting = {"@" + e for e in setting_of(ix, q)} | set(q.setting)
    return tuple(t for t in q.known_tokens if t not in setting) or q.known_tokens


FACT_CANDIDATES = 10  # facts scored in full per question: the ones that cover it best by words or by BM25


def facts(ix: Index, q: Query) -> list[Candidate]:
    """The facts that match the question best, by coverage of its words and by BM25."""
    topic = list(topic_tokens(ix, q))
    wanted = topic + ([q.wh] if q.wh else []) if topic else []  # "what is bitcoin" matches nothing
    # a fact sharing no word scores 0 on both (a fact base may have fewer facts than that)
    ids = ix.doc_ids_sharing(wanted) or range(min(FACT_CANDIDATES, len(ix.docs)))
    covers = ix.covers(ix.weigh(wanted))
    bm25 = ix.bm25_scores(topic)
    top = max([bm25[i] for i in ids], default=0.0) or 1.0
    # A fact is scored in full when it covers the question's words, matches it by BM25, or was
    # written to answer a question like it: "who was Pence to meet at the Olympics" is the
    # participants' fact, though "Olympics" is not in it. (Each order's keys are worked out first:
    # sorting by a lambda costs a Python call per fact.)
    keys = {i: -(covers[i] + bm25[i] / top) for i in ids}
    rough = sorted(ids, key=keys.__getitem__)[:2 * FACT_CANDIDATES]
    templates = ix.template_likeness(" ".join(q.known_tokens), rough)
    keys = {i: -(covers[i] + bm25[i] / top + templates[i]) for i in rough}
    rough = sorted(rough, key=keys.__getitem__)[:FACT_CANDIDATES]
    out = []
    # "where did Pence go before South Korea": a fact that puts it only in the place set aside does not say where
    elsewhere = set(ix._analyse(" ".join(q.aside), correct=False)[1]) if q.aside and q.answer_type == "place" else set()
    for i in rough:
        doc, cover = ix.docs[i], covers[i]
        shows = ix.shows[doc.fact.id]
        if elsewhere and set(ix._analyse(" ".join(ix.statement_places[doc.fact.id]), correct=False)[1]) <= elsewhere:
            shows = shows - {"place"}
        out.append(Candidate("fact", cover, _fact_builder(ix, q, [doc.fact], cover, "fact", ""), (doc.fact.id,),
                             doc.all_tokens, doc.entities, shows, templates[i], _dates(doc.fact.date),
                             bm25[i] / top, bm25[i], doc.evidence_tokens, doc.with_evidence))
    return out


GAP_CANDIDATES = 3
_ANY_TYPE = frozenset({"date", "person", "place", "number", "reason", "quote"})  # "don't say" answers any kind of question


def gaps(ix: Index, q: Query) -> list[Candidate]:
    """The details a fact leaves open that the question asks for ("which 20 countries?", "the
    defectors' names"): "My sources don't say …", with what the fact does say."""
    if not ix.gaps or not q.known_tokens:
        return []
    wanted = list(q.known_tokens) + ([q.wh] if q.wh else [])
    weighed = ix.weigh(wanted)
    asked = set(wanted)
    focus = ix._canon_token(q.focus) if q.focus else None
    found = []
    for g in ix.gaps:
        if g.topic.isdisjoint(asked):
            continue  # about another fact (the test below needs a word of its topic asked)
        focus_open = focus in g.own and _same_kind_of_question(q.wh, g.wh) and not _one_of_many(q.focus, g.phrase)
        same_type = q.answer_type in _TYPED and q.answer_type == ix.gap_type(g)  # "where was the summit held"
        # "why did Pence not stand": every word of "say why Pence did not stand" asked, with its question word
        # (with its polarity: "why did Pence stand and applaud?" asks no "why he did not stand")
        same_type = same_type or (g.wh in _REASON_OR_TIME and g.wh == q.wh and g.own - {g.wh} <= asked
                                  and bool(_NEGATED.search(g.phrase)) == bool(_NEGATED.search(q.norm)))
        trigger = (g.distinct & asked) | ({focus} if focus_open else set())
        # and the question must be about this fact by some other word: "in which country was
        # Pence" asks nothing of "which 20 countries" though both say "country"
        if (trigger or same_type) and (g.topic & asked) - trigger:
            found.append((weighed.cover(g.own), focus_open, g))
    found.sort(key=lambda x: -x[0])
    content = " ".join(q.known_tokens)
    out = []
    for own_cover, focus_open, gap in found[:GAP_CANDIDATES]:
        # as like the question as a question the fact answers, with the open detail's words added
        template = max(fuzz.token_sort_ratio(content, f"{t} {gap.template}") for t in (*gap.doc.templates, "")) / 100
        out.append(Candidate("gap", own_cover, _open_detail(ix, q, gap.phrase, gap.doc.fact), (gap.doc.fact.id,), gap.tokens, gap.doc.entities,
                             _ANY_TYPE, template, _dates(gap.doc.fact.date), own=gap.own, focus_open=focus_open))
    return out


_PRECISE = re.compile(r"\b(?:exact|exactly|precise|precisely|specific|specifically)\b")
_CLOCK_ASKED = re.compile(r"\b(?:hour|clock|time of day|(?:what|which|exact|precise) (?:exact |precise )?time|a ?m|p ?m)\b")  # "at what exact time"
_SPAN_ASKED = re.compile(r"\bhow (?:long|many (?:hours|days|minutes))\b")  # a span of time, not a day
_CLOCK_TEXT = re.compile(r"\b(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m|p\.?m)\b|\d{1,2}:\d{2}|\d{4} (?:UTC|GMT)\b|o'clock|noon|midnight)", re.I)
_PART_OF_DAY_ASKED = re.compile(r"\btime of (?:the )?day\b|\bpart of the day\b")
_PART_OF_DAY_TEXT = re.compile(r"\b(?:morning|afternoon|evening|night)\b", re.I)


def precision(ix: Index, q: Query) -> list[Candidate]:
    """"What exact day was the summit?" when the articles give only "January 2018"; "what exact
    time …" when they give no time of day: the detail is finer than the sources go."""
    if q.answer_type != "date" or not q.known_tokens:
        return []
    clock = bool(_CLOCK_ASKED.search(q.norm))
    precise = bool(_PRECISE.search(q.norm))
    # ("which date was that Saturday": a date, where "what day" is answered by "on Saturday")
    date_asked = not precise and bool(_DATE_ASKED.search(q.norm))
    # ("what time did they cancel" is asked for "when"; "what time on tuesday" is not)
    if not (precise or date_asked or clock and (not q.norm.startswith("what time") or _TIME_ON.match(q.norm))):
        return []
    covers = ix.covers(ix.weigh(list(q.known_tokens) + ([q.wh] if q.wh else [])))
    out = []
    for i in sorted(ix.doc_ids_sharing(q.known_tokens), key=lambda i: -covers[i])[:2]:
        doc = ix.docs[i]
        fact, iso = doc.fact, doc.fact.date
        if clock and _PART_OF_DAY_ASKED.search(q.norm) and not precise and _PART_OF_DAY_TEXT.search(fact.statement):
            continue  # "what time of day": "the morning after" says it ("what time of day exactly" asks for more)
        if clock and not _CLOCK_TEXT.search(fact.statement):
            detail = "give a time of day" + (" beyond “the morning”" if "morning" in fact.statement else "")
        elif not clock and iso and len(iso) == 7 and not date_asked:
            detail = f"give the exact day, only {date_label(iso, 'month')}"
        elif not clock and not iso and (weekday := _WEEKDAY.search(fact.statement)):
            detail = f"give the date, only “{weekday.group(0)}”"  # "which date was that Saturday?"
        else:
            continue
        out.append(Candidate("gap", covers[i], _open_detail(ix, q, detail, fact), (fact.id,),
                             doc.all_tokens, doc.entities, _ANY_TYPE, 0.0, _dates(iso), focus_open=True))
    return out


_TIME_ON = re.compile(r"what time (?:on|that|of the|exactly|precisely)\b")
_DATE_ASKED = re.compile(r"\b(?:what|which) date\b")
_WEEKDAY = re.compile(r"\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_ON_OCCASION = re.compile(r"\b(?:in|at|on|aboard|during)\s+(?:the\s+|his\s+|her\s+|their\s+)?")  # "on his flight home"


def coarser_place(ix: Index, q: Query) -> list[Candidate]:
    """"What city in Japan did Pence announce the sanctions in?" when the fact that answers it
    says only "in Japan": the place is finer than the sources go."""
    if q.answer_type != "place" or q.focus not in _FINER_PLACE or not q.known_tokens:
        return []
    cover, docs = _best_docs(ix, list(topic_tokens(ix, q)) + ([q.wh] if q.wh else []))
    # Of the facts that cover the question best, the first that says where (equals are common:
    # "announce the sanctions" is as much the sanctions of the reasons as of the announcement)
    saying_where = ((d, ix.statement_places[d.fact.id]) for d in docs if cover)
    doc, named = next(((d, places) for d, places in saying_where if places), (None, []))
    if doc is None or not set(named) <= ix.country_names.keys():
        return []
    detail = f"name the {_FINER_PLACE[q.focus]}, only the country ({ix.country_names[named[0]]})"
    return [Candidate("gap", cover, _open_detail(ix, q, detail, doc.fact), (doc.fact.id,), doc.all_tokens, doc.entities,
                      _ANY_TYPE, 0.0, _dates(doc.fact.date), focus_open=True)]


_IDENTIFY = ("?which", "?who", "?what")
_TYPED = ("place",)  # a "where" question asks what a gap saying where leaves open


_REASON_OR_TIME = ("?why", "?when", "?where")  # gaps asked for by their question word alone
_NEGATED = re.compile(r"\b(?:not|never|no|refus\w*|declin\w*|didn t|didnt|wouldn t|wouldnt|won t|wont|doesn t|doesnt|don t|without)\b")


_LEADING_NEGATION = re.compile(r"^(?:(?:did|is|was|does|do|are|were|would|will|has|had|could)(?:n ?t| not)|won ?t|will not)\b")
_REFUSING = re.compile(r"\b(?:refuse|refused|refusing|decline|declined|declining|reject|rejected|fail|failed|avoid|avoided|"
                       r"(?:did not|didnt|would not|wouldnt|not) want)\s+(?:to\s+)?$")


def _refused(ix: Index, norm: str, action: str) -> bool:
    """"why did Pence refuse to meet the defectors": the question says the action was refused
    (a refusal right before it)."""
    words = norm.split()
    return any(ix._canon_token(w) == action and _REFUSING.search(" ".join(words[max(0, i - 3):i]) + " ") for i, w in enumerate(words))


def _refusal_tokens(ix: Index) -> frozenset[str]:
    """The tokens of refusing ("decline"), which a question of refusal holds beside the claim's words."""
    return frozenset(ix._canon_token(w) for w in ("refuse", "decline", "reject", "fail", "avoid", "want"))


def _denies(ix: Index, norm: str, action: str) -> bool:
    """"what did Nauert say the US won't apologize for": the question itself says the action did not
    happen, so it takes no false claim for granted (a negation up to five words before it: "won't
    the US say sorry")."""
    words = norm.split()
    return any(ix._canon_token(w) == action and _NEGATED.search(" ".join(words[max(0, i - 5):i])) for i, w in enumerate(words))


def _one_of_many(focus: str | None, phrase: str) -> bool:
    """"which country" asks for one; "say which 20 countries they were" leaves open a list."""
    words = phrase.split()
    return bool(focus) and focus not in words and any(w in (focus + "s", focus + "es", focus[:-1] + "ies") for w in words)


def _same_kind_of_question(asked: str | None, gap: str | None) -> bool:
    """"which diplomats" asks what "name the diplomats" leaves open; "how many diplomats" does not."""
    return asked == gap or asked in _IDENTIFY and (gap is None or gap in _IDENTIFY)


def _open_detail(ix: Index, q: Query, detail: str, fact: Fact, suggest: bool = True) -> Callable[[], Result]:
    """"My sources don't <detail>. What they do say: <the fact>", with the fact's first passage
    (and, when `suggest`, the fact's own first question to ask next)."""
    text = f"My sources don't {detail}. What they do say: {fact.statement}"
    cites = tuple(ix._cite(ev.source, ev.quote) for ev in fact.evidence[:1])
    return lambda: NotCovered(q.raw, text, tuple(fact.questions[:1]) if suggest else (), citations=cites)


_HOW = re.compile(r"\bhow (\w+)")


# "was Kim Yo Jong at the ceremony", "were they there": a question whether someone attended
_PRESENT_AT = re.compile(r"^(?:(?:so|and|but|wait)\s+)?(?:was|were|is|are)\s+\S+(?:\s+\S+){0,3}?\s+(?:at|present|there)\b")
# a claim of what something was, not of what someone did: "the meeting was secret"
_STATE = re.compile(r"(?:the )?\w+(?: \w+)? (?:was|were|is|are) (?:not )?\w+")


_KIN_OF = re.compile(r"\b([a-z]+) of (?:the )?(?:late )?$")  # "the father of the late …"


def named_only_as_kin(ix: Index, q: Query, plain: str) -> str | None:
    """Someone the question names who is in the statement only as whose relative another is:
    "did Pence travel with Otto Warmbier?" — he travelled with "the father of the late Otto
    Warmbier" (a question that names the tie, "with Warmbier's dad", asks about the relative)."""
    kin = ix.english.kin_words_all
    if not kin.isdisjoint(q.norm.split()):
        return None
    for pid in q.entities:
        span = ix.mention(plain, pid)
        if span is None:
            continue
        of = _KIN_OF.search(plain[: span[0]])
        after = [w for w in plain[span[1]:].split()[:2] if w != "s"]  # ("warmbier s father": its possessive, if kept)
        if (of is not None and of.group(1) in kin) or (after and after[0] in kin):
            return pid
    return None


def claims(ix: Index, q: Query) -> list[Candidate]:
    """The claim a yes/no question checks ("Did Pence meet Kim?" → No), or the false claim a
    wh-question takes for granted ("Why did Pence apologise?" → he did not)."""
    if ix._reporting_tokens & set(q.tokens):
        return []  # "do the outlets disagree about …" asks about the reporting, not the claim
    q = _claim_reported(ix, q)
    telling = _ACCORDING_TO.search(q.norm)
    if telling and q.entities:
        # "why, according to Ayers, might North Korea have walked away": the one it is according to
        # tells what happened; no claim makes them its doer
        told_by = ix._analyse(" ".join(q.norm[telling.end():].split()[:4]), correct=True)[1][:1]
        q = replace(q, entities=tuple(e for e in q.entities if e not in told_by))
    hypothetical = HYPOTHETICAL.search(q.norm)
    if not q.yes_no and hypothetical:
        return []  # "where was the meeting supposed to be held" does not claim it was held
    if q.unknown:
        return []  # "did South Korea know …": a word the articles never use; no yes or no from us
    wanted = list(q.known_tokens)
    if not wanted:
        return []
    asked = set(wanted)
    # "was Kim Yo Jong at the opening ceremony": whether she attended it (a claim of her own attending)
    attending = asked | {ix._canon_token("attend")} if q.yes_no and _PRESENT_AT.match(q.norm) else asked
    # A person stands for whom they act for: "Pence" asks about what "the US" did.
    acting_for = set().union(*(ix._role_of.get(e, frozenset()) for e in q.entities)) if q.entities else set()
    happen = ix._canon_token("happen")
    # what the question speaks of after a verb of speech ("what did Nauert say about the cancelled
    # meeting") or of comment ("did Pence comment on the cancellation"): read once, for every claim
    said, comment = SPEECH_VERB.search(q.norm), _COMMENTED.search(q.norm)
    spoken = _spoken_of(ix, q.norm, said)
    # (a verb of speech is most often the verb of comment too, "said": the same words after it, read once)
    commented = spoken if said and comment and said.end() == comment.end() else _spoken_of(ix, q.norm, comment)
    # what happens in a clause of its own ("what did Pence do after the meeting fell through") has a
    # doer of its own: the one the question asks about does not do it
    aside = _spoken_of(ix, q.norm, _SUBORDINATE.search(q.norm))
    best, best_score, wrong_actor, wrong_place = None, 0.0, None, None
    asked_places = ix.places_in(q.norm, IN_PLACE) if q.yes_no else []
    how = _HOW.search(q.norm) if "how " in q.norm else None
    degree = ix._canon_token(how.group(1)) if how else None  # "how long", "how close": what is asked, not claimed
    asked_place_tokens = {t for name in asked_places for t in ix._analyse(name, correct=False)[0]}
    # (the same for every claim: worked out once; a claim's own words only for a claim that gets this far)
    named, asked_or_acting = set(q.entities), asked | acting_for
    for c in ix.claims_sharing(wanted):
        context = c.context
        actor = place = None
        # "Why did Trump cancel the meeting?", "Did Trump cancel it?": the claim that holds has another
        # actor (a claim that names no action, "the meeting was to be in South Korea", has no actor to
        # be wrong about). A yes or no names the actor right before the action, not what they spoke of.
        # ("why did Trump cancel the meeting with North Korea": the one who acts is named first; the
        # claim's own actor may be named after it, as the other party — but no one else of the claim's)
        other_actor = (c.holds and c.action and c.entities and q.entities and q.entities[0] not in c.entities
                       and (not named & context or (c.subject or "@")[1:] in q.entities[1:])
                       and c.tokens <= asked_or_acting
                       # "how did Kim Yo Jong travel to South Korea?" does not claim she travelled with
                       # Warmbier's father: the claim's other people must be named too
                       and c.entities - {(c.subject or "@")[1:]} <= named
                       and (q.yes_no or (q.wh is not None and c.tokens and not (q.wh in ("?what", "?which", "?who") and happen in c.tokens)))
                       and _acts(q, set(q.entities[:1]), c.action, (spoken | commented if q.yes_no else spoken) | aside, reach=1 if q.yes_no else 2))
        if other_actor:
            actor = ix.fb.person_by_id[q.entities[0]].name
            score = ix._coverage([t for t in wanted if not t.startswith("@")], _claim_words(c))
        elif q.yes_no:
            # (those the claim names stand for whom they act for: "did Pence speak with the North Koreans
            # at the ceremony" asks the claim of Kim Yo Jong)
            if not {e for e in q.entities if ix.fb.person_by_id[e].kind != "country"} <= context | {
                    t[1:] for e in context for t in ix._role_of.get(e, ()) if t.startswith("@")}:
                continue  # a country named as the place ("in South Korea") need not be the claim's
            claimed = attending if c.subject in asked else asked
            if c.holds and named_only_as_kin(ix, q, normalize(c.text)):
                continue  # "did Pence travel with Otto Warmbier?": the claim is of his father
            if c.tokens and ix._coverage(list(c.tokens), claimed) < 0.5:
                continue  # the question must ask about what the claim says happened, not only whom
            if not c.holds and c.action and c.action not in claimed and named and c.entities - named - {(c.subject or "@")[1:]}:
                # "was Pence at the opening ceremony" does not ask whether he spoke with Kim Yo Jong there: a
                # claim's other party the question does not name, by an action it does not ask about
                continue
            if c.subject and c.subject.startswith("@") and c.subject not in asked and c.action not in asked:
                continue  # "was Kim Yo Jong at the ceremony" does not ask whether Pence spoke with her there
            if (c.action in commented or set(c.tokens) & spoken) and not SPEECH_VERB.search(c.text):
                # "did Pence comment on the cancellation" asks whether he spoke, not who cancelled; "did
                # Pence say anything about talking to North Korea" asks what he said, not whether they talked
                continue
            if hypothetical and not HYPOTHETICAL.search(c.text) and not _STATE.fullmatch(c.text):
                # "was Pence supposed to meet them" asks what was planned, not whether it happened (but
                # "was the meeting going to be secret" asks what "the meeting was secret" says of it)
                continue
            # "was the meeting going to be in Japan?" checks "the meeting was to be in South Korea"
            # in another place the articles do use: no, and where it was (the place asked is then
            # the premise, not what the claim must match)
            there = ix.places_in(normalize(c.text), IN_PLACE) if c.holds and asked_places else []
            if there and not set(there) & set(asked_places):
                place = f"in {ix.country_names.get(there[0], there[0].title())}, not {asked_places[0].title()}"
            have = _claim_words(c)
            recall = ix._coverage([t for t in wanted if not place or t not in asked_place_tokens], have | c.context_tokens)
            precision = ix._coverage(list(have), claimed)
            score = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
        elif q.wh is None or not c.tokens or not c.tokens <= asked_or_acting:
            continue  # a wh-question is corrected only when it states the whole claim's action
        elif degree in c.tokens:
            continue  # "how long before the talks …" asks how long; it does not claim the talks were to be long
        elif q.wh in ("?what", "?which", "?who") and happen in c.tokens:
            continue  # "what happened to the meeting?" asks; it does not claim the meeting happened
        elif not c.holds and c.entities <= named and _acts(q, _actors(ix, q, c.subject), c.action, spoken | aside) \
                and not _denies(ix, q.norm, c.action):
            # "why did Pence apologise?": it takes a false claim for granted
            score = ix._coverage([t for t in wanted if not t.startswith("@")], _claim_words(c) | acting_for)
        elif c.holds and c.action and _refused(ix, q.norm, c.action) and (
                c.entities <= named
                # "the defectors" are the claim's "North Korean defectors": the doer named and every word of
                # the claim asked, its other names may be left out
                or ((c.subject or "@")[1:] in named and c.tokens <= asked)):
            # "why did Pence refuse to meet the defectors?": it takes for granted what did not happen — he did
            score = ix._coverage([t for t in wanted if not t.startswith("@")], _claim_words(c) | acting_for | _refusal_tokens(ix))
        else:
            continue
        if score > best_score:
            best, best_score, wrong_actor, wrong_place = c, score, actor, place
    if best is None:
        return []
    if q.yes_no and not wrong_actor and not wrong_place and asks_attitude(ix, q) and not _claim_words(best) & ix.feeling_tokens:
        return []  # "did north korea like the defectors meeting?": that the meeting took place says nothing of liking it
    if q.yes_no and best.holds and q.dates and len(q.dates[0]) == 10 and best.fact.date and len(best.fact.date) == 10 \
            and best.fact.date != q.dates[0]:
        return []  # "was Pence to meet Kim Yo Jong on Feb 14?": it holds, on another day — "No", and which, is the date's to say
    if q.yes_no and q.outlet and best.holds and not wrong_actor and not wrong_place and not _outlet_says(ix, best, q.outlet):
        # "did Vox say Nauert tweeted?", "DW said two hours, correct?": it holds, by another article's
        # words; where the outlets are listed as differing on it, "No" and how; else no verdict
        differs = next((d for d in ix._disc_by_fact.get(best.fact.id, []) if d.is_disagreement
                        and any(ev.source == q.outlet for ev in d.sides)), None)
        if differs is None:
            return []
        def told() -> Answer:
            return Answer(q.raw, f"No — {differs.summary}", "no", tuple(ix._cite(ev.source, ev.quote) for ev in differs.sides),
                          tuple(differs.facts), best_score, disagreements=(differs,))
        return [Candidate("no", best_score, told, tuple(differs.facts), ix.doc_by_fact[best.fact.id].all_tokens,
                          ix.doc_by_fact[best.fact.id].entities, ix.shows[best.fact.id] | {"yesno"})]
    if q.yes_no and wrong_place:
        kind, lead = "no", f"No — {wrong_place}: "
    elif wrong_actor and "@" + (best.subject or "@")[1:] in ix._role_of.get(q.entities[0], ()):
        # "why did Kim Yo Jong cancel?": she acts for North Korea, which did — whether she had a hand in
        # it the articles don't say, so it is not denied
        kind, lead = ("no" if q.yes_no else "premise"), f"My sources don't say it was {wrong_actor} — they say {best.text}: "
    elif q.yes_no and wrong_actor:
        kind, lead = "no", f"No — it wasn't {wrong_actor}: "
    elif q.yes_no:
        # "is it true that the US won't apologize?" asks whether it did not: the claim "the US apologized"
        # is false, so yes (a question opening on a negation, "didn't Pence meet them?", asks whether he did)
        negated = bool(best.action) and _denies(ix, _LEADING_NEGATION.sub("", q.norm), best.action)
        kind, lead = ("yes", "Yes — ") if best.holds != negated else ("no", "No — ")
    elif wrong_actor:
        kind, lead = "premise", f"It wasn't {wrong_actor}: "
    elif (doer := _someone_else_did(ix, q, best)) is not None:
        # "why did Pence cancel the meeting?": someone did — not the one asked about
        kind, lead = "premise", f"It wasn't {doer}: "
    elif best.holds:  # (a refusal of what did happen)
        kind, lead = "premise", f"That premise isn't right — my sources say {best.text}: "
    else:
        kind, lead = "premise", f"That premise isn't right — my sources don't say {best.text}. "
    doc = ix.doc_by_fact[best.fact.id]
    # a correction speaks to the people the false claim names ("It wasn't Trump"), as the fact does
    named = frozenset(q.entities) if kind in ("premise", "no") else frozenset()
    # ("why did Pence cancel his meeting with Kim Jong Un?": and the meeting was not with him either)
    never_met = _never_met(ix, q) if kind in ("premise", "no") else None
    facts = [best.fact] + ([never_met.fact] if never_met is not None and never_met.fact.id != best.fact.id else [])
    return [Candidate(kind, best_score, _fact_builder(ix, q, facts, best_score, kind, lead), tuple(f.id for f in facts),
                      doc.all_tokens | {"@" + e for e in named}, doc.entities | named, ix.shows[best.fact.id] | {"yesno"})]


_ACCORDING_TO = re.compile(r"\baccording to\b")
_REPORTS_THAT = re.compile(rf"(?:s\s+)?(?:(?:article|piece|story|report)\s+)?(?:report|say|write|claim|state|{ARTICLE_SAYS_VERB})\s+(?:that\s+)?")


def _claim_reported(ix: Index, q: Query) -> Query:
    """"Did DW report that Pence called it off?", "the first article says they met, right?": the
    claim is what follows the article's verb, read without it (what the article is said to report is
    no speech of the claim's doer). The article stays the question's outlet."""
    if not (q.yes_no and q.outlet):
        return q
    nameless = nameless_article(ix, q.norm)
    ends = [m.end() for m in ix.source_outlet_pattern.finditer(q.norm)] + ([nameless.span[1]] if nameless else [])
    for end in ends:
        verb = _REPORTS_THAT.match(q.norm, end + 1) if q.norm[end:end + 1] == " " else None
        if verb is not None and verb.end() < len(q.norm):
            return replace(q, norm=q.norm[verb.end():])
    return q


def _someone_else_did(ix: Index, q: Query, c: _ClaimDoc) -> str | None:
    """The one a false claim makes the doer of what another did ("Pence canceled the meeting"
    beside "North Korea canceled the meeting", which holds): the person the question names first,
    when it names them as that doer; else None."""
    if c.holds or not c.action or not c.subject:
        return None
    done = any(o.holds and o.fact is c.fact and o.action == c.action and o.subject != c.subject for o in ix.claims_sharing([c.action]))
    if not done:
        return None
    if q.entities and ("@" + q.entities[0] == c.subject or c.subject in ix._role_of.get(q.entities[0], ())):
        return ix.fb.person_by_id[q.entities[0]].name
    # ("why did the US cancel it": its doer named by no name of ours, in the claim's own words, "the US")
    words = c.text.split()
    at = next((i for i, w in enumerate(words) if ix._canon_token(w.lower()) == c.action), 0)
    asked_doer = not c.subject.startswith("@") and c.subject in q.norm.split()
    return " ".join(words[:at]) if at and asked_doer and c.subject in normalize(" ".join(words[:at])).split() else None


def _outlet_says(ix: Index, c: _ClaimDoc, outlet: str) -> bool:
    """Whether the outlet's own words for the claim's fact (its evidence, its side of a
    disagreement) have what the claim says happened."""
    said = [ev.quote for ev in c.fact.evidence if ev.source == outlet]
    said += [ev.quote for d in ix._disc_by_fact.get(c.fact.id, []) for ev in d.sides if ev.source == outlet]
    have = set(ix._analyse(" ".join(said), correct=False)[0]) if said else set()
    return set(c.tokens) <= have


def _claim_words(c: _ClaimDoc) -> set[str]:
    """A claim's tokens and its names as tokens."""
    return set(c.tokens) | {"@" + e for e in c.entities}


def unmentioned_actor(ix: Index, q: Query) -> list[Candidate]:
    """"The Pentagon confirmed the meeting, right?", "did CNN break the story?": a body the articles
    never mention (an institution or news outlet of general English) doing what they say someone
    else did. The one who did it is named first ("No — it wasn't the Pentagon: …")."""
    if not (q.yes_no or q.wh):
        return []
    words = q.norm.split()
    asked = set(q.known_tokens)
    for start, end in ix.roles.unmentioned_bodies(words):
        if end < len(words) and words[end] in ix.roles.role_words:
            continue  # "which NYT reporter broke it?": the body only qualifies a role; it did nothing itself
        following = ix._analyse(" ".join(words[end : end + 2]), correct=False)[0]  # "confirmed", "first reported"
        head = start - 1 if start and words[start - 1] == "the" else start  # ("the Pentagon")
        done = " ".join(words[max(head - 3, 0) : head])
        if _PASSIVE_BY.search(done):  # or what was done before "by": "was the meeting cancelled by the chinese"
            following = [*following, *ix._analyse(done.removesuffix(" by"), correct=False)[0]]
        for c in ix.claims_sharing(following):
            if not (c.holds and c.action in following and c.subject and c.subject.startswith("@") and c.tokens <= asked):
                continue
            doc = ix.doc_by_fact[c.fact.id]
            said = ("the " if head < start else "") + ix.roles.shown(q.raw, " ".join(words[start:end]))
            kind, lead = ("no", f"No — it wasn't {said}: ") if q.yes_no else ("premise", f"It wasn't {said}: ")
            body = set(ix._analyse(" ".join(words[start:end]), correct=False)[0])  # "white house": not what the fact must say
            cover = ix._coverage([t for t in q.known_tokens if t not in body] or list(c.tokens), doc.all_tokens | c.tokens)
            return [_correction(ix, q, doc, cover, kind, lead, {"yesno", "person"})]
    return []


def _correction(ix: Index, q: Query, doc: _Doc, cover: float, kind: str, lead: str, shows: set[str],
                dates: frozenset[str] = frozenset()) -> Candidate:
    """The fact `doc` correcting a day, place, time, number or span the question states otherwise
    ("Not three hours: …"), or the "no" to a yes/no question that states it."""
    return Candidate(kind, cover, _fact_builder(ix, q, [doc.fact], cover, kind, lead), (doc.fact.id,), doc.all_tokens,
                     doc.entities, ix.shows[doc.fact.id] | shows, dates=dates, contradicts=True)


def _actors(ix: Index, q: Query, subject: str | None) -> set[str]:
    """The question's people that a claim's subject stands for: the person it names, or those
    who act for it ("Pence" for "the US")."""
    if subject is None:
        return set()
    if subject.startswith("@"):
        return {subject[1:]}
    return {e for e in q.entities if subject in ix._role_of.get(e, frozenset())}


def _acts(q: Query, actors: set[str] | frozenset[str], action: str | None, spoken: frozenset[str], reach: int = 2) -> bool:
    """Is one of `actors` the one doing `action` in the question ("why did Pence cancel" — not
    "why did the Pence–North Korea meeting fall through")? Read from word order: the actor's
    name comes right before the action, or (`reach` 2) one word before it, and the action is not
    only what they spoke about ("what did Nauert say about the cancelled meeting")."""
    if not actors or action is None:
        return True
    tokens = q.tokens
    for i, t in enumerate(tokens):
        if t.startswith("@") and t[1:] in actors and action in tokens[i + 1 : i + 1 + reach]:
            return action not in spoken
    # or in the passive, right after it: "was the meeting cancelled by South Korea"
    return action not in spoken and _PASSIVE_BY.search(q.norm) is not None and any(
        t == action and done_by.startswith("@") and done_by[1:] in actors for t, done_by in zip(tokens, tokens[1:]))


# the words that open a clause with a doer of its own: "after the meeting fell through"
_SUBORDINATE = re.compile(r"\b(?:after|before|when|once|since|until|while)\b")
# "cancelled by", "called off by": a verb's past participle, or a two-word verb's particle, before "by"
_PASSIVE_BY = re.compile(rf"\b(?:\w+(?:ed|en|lt|ld)|{'|'.join(sorted(SEPARABLE))}) by\b")


_COMMENTED = re.compile(rf"\b(?:{'|'.join(REPORTING_VERBS)}|comment|commented|comments|remark|remarked|mention|mentioned)\b")


def _spoken_of(ix: Index, norm: str, verb: re.Match | None) -> frozenset[str]:
    """What the question speaks of: the tokens after its first verb of speech (`verb`, found in
    `norm`), phrases included ("about the meeting that fell through" speaks of cancelling)."""
    return frozenset(ix._analyse(norm[verb.end():], correct=False)[0]) if verb else frozenset()


_ARTICLE_DATED = re.compile(rf"\b(?:{'|'.join(sorted(ARTICLE_NOUNS - {'one'}))}|stories)s?\b.*\b(?:dated|published|posted|written|came out)\b")
DATED_EVENT_COVER = 0.9  # a what-question claims a day only when it is all about the fact that has one
_DATED_EVENT = re.compile(r"\b(?:meeting|talks|summit|ceremony|interview)\b.*\b(?:on|for)\b")


# "in January", "during march": a month named without a day (a month with a year is one of q.dates)
_IN_MONTH = re.compile(rf"\b(?:in|during|early|late|mid|last|this)\s+(?:-\s*)?({'|'.join(MONTH_NAMES)})\b(?!\s*\d)")


def _month_asked(ix: Index, q: Query) -> tuple[str, str | None] | None:
    """The month a question puts something in, as an ISO month, and the word to leave out of what it
    is about ("in january" → ("2018-01", "januari")); None when it names a day or no month."""
    if q.dates:
        return (q.dates[0], None) if len(q.dates[0]) == 7 else None
    found = _IN_MONTH.search(q.norm)
    if found is None:
        return None
    return f"{ix.fb.meta.default_year:04d}-{MONTH_NAMES.index(found[1]) + 1:02d}", ix._analyse(found[1], correct=False)[0][0]


def dated(ix: Index, q: Query) -> list[Candidate]:
    """A question that puts something on a day ("Was the meeting on Feb 21?", "Why did they cancel
    on the 12th?") or in a month ("what day in January did they launch the missile?"): the fact it
    names, and whether its date agrees — "No — it was 10 February"."""
    if not (q.yes_no or q.wh in ("?why", "?how", "?what", "?when")) or not q.known_tokens:
        return []  # "why did they cancel on the 12th?" claims a day
    month = None
    if not q.dates or len(q.dates[0]) != 10:
        month = _month_asked(ix, q)
        if month is None:
            return []
    elif q.wh == "?when":
        return []  # "when … on Feb 10?" asks which of that day's happenings
    # a month is checked against facts dated to a month or a day, a day only against facts dated to a day
    size = 7 if month else 10
    # (of "what day in January …" the day is what is asked, not a word of the fact)
    wanted = [t for t in q.known_tokens if month is None or t not in (month[1], "day", "date")]
    covered = [(ix._coverage(wanted, d.all_tokens), d) for d in ix.docs if d.fact.date and len(d.fact.date) >= size]
    cover, doc = max(covered, key=lambda x: x[0], default=(0.0, None))
    if doc is None or (q.wh == "?what" and (cover < DATED_EVENT_COVER or not _DATED_EVENT.search(q.norm))):
        return []  # "what happened on 10 Feb?" asks; "what happened at the meeting on the 12th?" claims its day
    if month is not None:
        if len(wanted) < 3:
            return []  # "was the summit in march": too little said to know which thing it puts in March
        if len({d.fact.date[:7] for c, d in covered if c >= cover - MONTH_MARGIN}) > 1:
            return []  # "when in December did they fire the missile?" fits November's launch and January's summit alike
        return _wrong_month(ix, q, doc, cover, month[0])
    asked = q.dates[0]
    if _ARTICLE_DATED.search(q.norm):
        return []  # "are the articles dated Feb 21?": the day of the reporting, not of anything reported
    timeline_days = {e.date[:10] for e in ix.fb.events if ix._coverage(wanted, ix.event_titles[e.id]) >= cover}
    if timeline_days and doc.fact.date not in timeline_days:
        return []  # "was the opening ceremony on Feb 9?": a day of the timeline's, not of the fact that mentions it
    asked_tokens = set(q.known_tokens)
    if doc.fact.date == asked:
        # the right day: "was the meeting scheduled for Feb 10?" — yes, when the fact is all the
        # question is about and it takes nothing false for granted ("did Pence meet Kim Yo Jong on
        # Feb 10?": they never met — that "No" is the claims' to say)
        if not q.yes_no or cover < DATED_EVENT_COVER or q.unknown or any(
                not c.holds and _claim_words(c) <= asked_tokens for c in ix.claims_sharing(wanted)):
            return []
        lead = f"Yes — on {date_label(doc.fact.date, 'day')}: "
        return [Candidate("yes", cover, _fact_builder(ix, q, [doc.fact], cover, "yes", lead), (doc.fact.id,), doc.all_tokens,
                          doc.entities, ix.shows[doc.fact.id] | {"yesno", "date"}, dates=_dates(doc.fact.date))]
    if q.yes_no and not HYPOTHETICAL.search(q.norm) and any(c.fact.id == doc.fact.id and not c.holds and _claim_words(c) <= asked_tokens
                                                            for c in ix.claims_sharing(wanted)):
        return []  # "did Pence meet Kim Yo Jong on Feb 9?": they never met, on any day — "No" is the claim's to say
    day = dt.date.fromisoformat(asked)
    # (the fact may not say its day in words; a year is said when it is the year that is wrong)
    right = date_label(doc.fact.date, "day")
    wrong = f"{day.day} {day.strftime('%B')}" + (f" {day.year}" if str(day.year) != doc.fact.date[:4] else "")
    kind, lead = ("no", f"No — on {right}, not {wrong}: ") if q.yes_no else ("premise", f"Not on {wrong} but on {right}: ")
    # it answers the day asked about: by correcting it
    return [_correction(ix, q, doc, cover, kind, lead, {"yesno", "date"}, dates=_dates(doc.fact.date) | {asked})]


MONTH_COVER = 0.95  # a month is claimed of the fact the question is wholly about
MONTH_MARGIN = 0.1  # … and only when no fact of another month is about as near


def _wrong_month(ix: Index, q: Query, doc: _Doc, cover: float, asked: str) -> list[Candidate]:
    """"Why did North Korea launch a missile in January?" of a November launch: "Not in January but
    in November 2017". A month the question names without a year is taken in whichever year the
    fact is (the articles' January is 2018's, their November 2017's)."""
    if cover < MONTH_COVER or _ARTICLE_DATED.search(q.norm):
        return []
    fact_month = doc.fact.date[:7]
    year_given = bool(q.dates)
    if fact_month[5:7] == asked[5:7] and (not year_given or fact_month[:4] == asked[:4]):
        return []
    month = dt.date(int(asked[:4]), int(asked[5:7]), 1)
    wrong = month.strftime("%B") + (f" {month.year}" if year_given and str(month.year) != fact_month[:4] else "")
    right = date_label(fact_month, "month")
    kind, lead = ("no", f"No — in {right}, not {wrong}: ") if q.yes_no else ("premise", f"Not in {wrong} but in {right}: ")
    return [_correction(ix, q, doc, cover, kind, lead, {"yesno", "date"}, dates=_dates(doc.fact.date))]


def placed(ix: Index, q: Query) -> list[Candidate]:
    """A question that puts something in a place the articles never put anything in ("Was the
    Rogin interview done in Seoul?", "why was the meeting in Pyongyang cancelled?"), about a fact
    that says where it was: the place is a premise to correct. A fact that names no place is
    silence, and a place the articles do use may be part of another (a ceremony in a country)."""
    if q.place is None or q.place not in ix.english.places or q.place in ix.places_used or not (q.yes_no or q.wh is not None):
        return []
    named = set(ix._analyse(q.place, correct=False)[0])
    wanted = [t for t in q.tokens if t not in named]  # words the sources never use count against the fact
    if not wanted or (q.wh == "?what" and not any(t.startswith("@") for t in wanted)):
        return []  # "what happened at the Singapore summit" asks about another event; "… at the Pence meeting in Tokyo" places ours
    # of the facts that cover the question equally, the one that says where
    cover, docs = _best_docs(ix, wanted)
    doc = next((d for d in docs if ix.fact_places[d.fact.id]), None)
    if doc is None or cover < PLACE_COVER or not set(q.entities) <= doc.entities:
        return []  # (where Pence was is said by a fact on Pence, not by Nauert's words on the Olympics)
    kind, lead = ("no", f"No — not in {q.place.title()}: ") if q.yes_no else ("premise", f"Not in {q.place.title()}: ")
    return [_correction(ix, q, doc, cover, kind, lead, {"yesno", "place"})]


_TIME_WORDS = {**{d: "weekday" for d in "monday tuesday wednesday thursday friday saturday sunday".split()},
               **{p: "part of day" for p in "morning afternoon evening night noon midnight".split()},
               **{s: "season" for s in "spring summer autumn winter".split()}}  # ("fall" is also falling through)


def _took_place_named(ix: Index, norm: str) -> bool:
    """"What was agreed at the Pence and Kim Yo Jong meeting?": the meeting taken as having
    happened, named by its people — read as it would be without their names ("at the … meeting")."""
    named = episode_named(ix, norm)
    if not named:
        return False
    for pid in named:
        while (span := ix.mention(norm, pid)) is not None:
            norm = norm[: span[0]] + norm[span[1]:]
    return ix.took_place.search(" ".join(norm.split())) is not None


def _never_met(ix: Index, q: Query) -> _ClaimDoc | None:
    """A claim that does not hold that someone the question names, who was never to be at the
    episode's meeting, met one of its people ("Pence met Kim Jong Un"), or None."""
    parties = set(ix.fb.meta.episode.get("people", ()))
    strangers = {e for e in q.entities if e not in parties and ix.fb.person_by_id[e].kind == "person"}
    return next((c for c in ix.claims_sharing([f"@{e}" for e in strangers]) if not c.holds and c.entities <= set(q.entities)
                 and ix._canon_token("meet") in c.tokens), None) if strangers else None


def never_happened(ix: Index, q: Query) -> list[Candidate]:
    """"What did Pence and Kim Yo Jong agree on during their meeting?": a question that takes the
    episode's meeting as having taken place, when a fact's claim says it never did."""
    claim = ix.unhappened
    if (claim is None or q.yes_no or ix.unhappened_undone & set(q.tokens)  # "after the meeting fell through" takes none for granted
            or HYPOTHETICAL.search(q.norm) or ix.took_place is None):
        return []
    # Someone named who was never to be at it ("what did Pence and Kim Jong Un talk about when they
    # met"): a claim that they met that does not hold — corrected too, by its fact
    parties = set(ix.fb.meta.episode.get("people", ()))
    never_met = _never_met(ix, q)
    # ("when they met" is the episode's meeting only between its people, or people it says never met:
    # Pence and Moon Jae-in did meet)
    if not (ix.took_place.search(q.norm) or (ix.they_met is not None and ix.they_met.search(q.norm)
                                             and (set(q.entities) <= parties or never_met is not None))
            or _took_place_named(ix, q.norm)):
        return []
    facts = [claim.fact] + ([never_met.fact] if never_met is not None and never_met.fact.id != claim.fact.id else [])
    docs = [ix.doc_by_fact[f.id] for f in facts]
    return [Candidate("premise", 1.0, _fact_builder(ix, q, facts, 1.0, "premise", "That meeting never took place: "),
                      tuple(f.id for f in facts), frozenset().union(*(d.all_tokens for d in docs)) | frozenset(q.tokens),
                      frozenset().union(*(d.entities for d in docs)), frozenset().union(*(ix.shows[f.id] for f in facts)) | _ANY_TYPE)]


def opposite_said(ix: Index, q: Query) -> list[Candidate]:
    """"Were they sitting far apart?" when the fact it asks about says they sat close: a yes or no
    whose word the articles never use, but whose opposite they use of the same thing — "No — …"."""
    if not q.yes_no or q.contrasted is None:
        return []
    opposite = {ix._canon_token(w) for w in ix.english.contraries.get(q.contrasted, ()) if w in ix._raw_vocab}
    if not opposite:
        return []  # "did Pence attend the closing ceremony": another event, not the contrary of the opening one
    # (of the facts that cover the question alike, one that uses the opposite: "his older sister" —
    # the one that calls her his younger sister)
    # (every contrary asked is left out of what the fact must cover: "far apart" is one thing said)
    contrary = {t for w in q.norm.split() if w in ix.english.contraries for t in ix._analyse(w, correct=True)[0]}
    # (nor a word of a name of someone asked about: "his older sister" is Kim Jong Un's sister, Kim Yo Jong)
    naming = {ix._canon_token(w) for e in q.entities for alias in ix.fb.person_by_id[e].aliases for w in plain_tokens(alias)}
    cover, docs = _best_docs(ix, [t for t in q.known_tokens if t not in contrary and t not in naming] or list(q.known_tokens))
    doc = next((d for d in docs if opposite & d.all_tokens), None) or next((d for d in docs if opposite & d.with_evidence), None)
    if doc is None or cover < PLACE_COVER:
        return []
    return [Candidate("no", cover, _fact_builder(ix, q, [doc.fact], cover, "no", "No — "), (doc.fact.id,),
                      doc.all_tokens | frozenset(q.tokens), doc.entities, ix.shows[doc.fact.id] | {"yesno"})]


def _premise_about(ix: Index, q: Query, word: str) -> tuple[float, _Doc] | None:
    """The fact the rest of the question (without `word`) is about, if it is clearly about one."""
    wanted = [t for t in q.tokens if t != ix._canon_token(word) and t != word]
    if not wanted:
        return None
    cover, doc = _best_doc(ix, wanted)
    return (cover, doc) if doc is not None and cover >= PLACE_COVER else None


def _best_docs(ix: Index, wanted: list[str]) -> tuple[float, list[_Doc]]:
    """The facts that cover `wanted` best (equals in the index's order), and how well."""
    covers = ix.covers(ix.weigh(wanted))
    best = max(covers, default=0.0)
    return best, [ix.docs[i] for i, cover in enumerate(covers) if cover == best]


def _best_doc(ix: Index, wanted: list[str]) -> tuple[float, _Doc | None]:
    """The fact that covers `wanted` best (the first of equals), and how well."""
    cover, docs = _best_docs(ix, wanted)
    return (cover, docs[0]) if docs else (0.0, None)


def _fact_words(fact: Fact) -> list[str]:
    return [w for text in [fact.statement, *(ev.quote for ev in fact.evidence)] for w in normalize(text).split()]


def timed(ix: Index, q: Query) -> list[Candidate]:
    """A question that puts something on a weekday or at a time of day ("What did KCNA say on
    Sunday?", "the meeting set for the evening …") against the fact that says when: another day
    or time of day of the same kind is a premise to correct; a fact that says none is silence."""
    asked = next((w for w in q.norm.split() if w in _TIME_WORDS), None)
    if asked is None or not (q.yes_no or q.wh or q.checking):
        return []
    found = _premise_about(ix, q, asked)
    if found is None:
        return []
    cover, doc = found
    stated = {w for w in _fact_words(doc.fact) if _TIME_WORDS.get(w) == _TIME_WORDS[asked]}
    if not stated or asked in stated:
        return []
    kind_of = _TIME_WORDS[asked]
    said = f"on {asked.title()}" if kind_of == "weekday" else f"in the {asked}" if asked != "night" else "at night"
    correction = f"{' and '.join(sorted(stated)).capitalize()}, not {asked}: " if kind_of == "season" else f"Not {said}: "
    kind, lead = ("no", "No — ") if q.yes_no else ("premise", correction)
    return [_correction(ix, q, doc, cover, kind, lead, {"yesno", "date"})]


_COUNT = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundred)\s+([a-z]+)")
_NUMBER_VALUE = {"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}


def counted(ix: Index, q: Query) -> list[Candidate]:
    """A question that states a number ("How many of the 30 countries …?") against the fact that
    counts the same thing: another number is a premise to correct."""
    # (a word of the language's grammar follows a day of the month, "feb 11 the day before", never a count)
    m = next((m for m in _COUNT.finditer(q.norm) if m.group(2) not in STOPWORDS), None)
    if m is None or not (q.yes_no or q.wh or q.checking) or duration_of(q.norm):
        return []  # spans of time are for `durations`
    number, noun = m.group(1), m.group(2)
    value = int(number) if number.isdigit() else _NUMBERS.get(number, _NUMBER_VALUE.get(number))
    found = _premise_about(ix, q, number)
    if found is None or value is None:
        return []
    cover, doc = found
    root = stem(noun)[:5]
    stated = {int(n) if n.isdigit() else _NUMBERS.get(n, _NUMBER_VALUE.get(n)) for n, w in _COUNT.findall(" ".join(_fact_words(doc.fact)))
              if stem(w)[:5] == root}
    if not stated or value in stated:
        return []
    kind, lead = ("no", "No — ") if q.yes_no else ("premise", f"Not {number} {noun}: ")
    return [_correction(ix, q, doc, cover, kind, lead, {"yesno", "number"})]


PLACE_COVER = 0.6  # how much of the rest of the question the fact must cover to be what it is about


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "twelve": 12, "twenty": 20, "few": 3, "couple": 2, "several": 3}
_DURATION = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|few|couple of|several|\d+)"
                       r"\s+(?:whole\s+|full\s+)?(minute|hour|day|week|month|year)s?\b"
                       r"(?:\s+(?:in advance|ahead of time|beforehand|ahead|early|earlier)\b)?", re.I)  # "a week in advance" is one span
_SPAN_UNIT = re.compile(r"minute|hour|day|week|month|year", re.I)  # what every span above holds


def duration_of(text: str) -> tuple[int, str] | None:
    """"two hours" -> (2, "hour"); "a whole day" -> (1, "day")."""
    m = _DURATION.search(text) if _SPAN_UNIT.search(text) else None  # (the unit first: a quicker test, and seldom there)
    if not m:
        return None
    word = m.group(1).lower().split()[0]
    return (int(word) if word.isdigit() else _NUMBERS.get(word, 1)), m.group(2).lower()


def durations(ix: Index, q: Query) -> list[Candidate]:
    """A question that states how long ("why did they cancel a week before?") against the fact
    that says how long it was: a different span is a premise to correct."""
    asked = duration_of(q.norm)
    if asked is None or not q.known_tokens or not (q.yes_no or q.wh):
        return []
    span = set(ix._analyse(_DURATION.search(q.norm).group(0), correct=False)[0])
    # the span asked is the premise, not what the fact must match; nor is how the question says the
    # event was planned ("two days before it was scheduled" against "set to start")
    planned = set(ix._analyse(" ".join(HYPOTHETICAL.findall(q.norm)), correct=False)[0])
    wanted = [t for t in q.known_tokens if t not in span | planned]
    if not wanted:
        return []
    weighed = ix.weigh(wanted)
    best = None
    for d in ix.docs:
        stated = ix.durations.get(d.fact.id)
        if stated is not None:
            cover = weighed.cover(d.all_tokens)
            if best is None or cover > best[0]:
                best = (cover, d, stated)
    if best is None or best[2] == asked:
        return []
    cover, doc, _ = best
    said = _DURATION.search(q.norm).group(0)
    kind, lead = ("no", "No — ") if q.yes_no else ("premise", f"Not {said}: ")
    return [_correction(ix, q, doc, cover, kind, lead, {"yesno", "date", "number"})]


def people(ix: Index, q: Query) -> list[Candidate]:
    """"Who is X?" → X's card; "who was the South Korean president?" → the person whose role
    that is; a name we cannot place → "Did you mean …"."""
    out = []
    others = [t for t in q.tokens if not t.startswith("@")]
    if len(q.entities) == 1:
        # "kim yong nam title", "nauert's job", "who is she related to", "the name of that agency": what a
        # card gives, not another topic
        card = ix.card_tokens[q.entities[0]]
        others = [t for t in others if t not in ix.card_asks and not ix.kin_asks.get(t, frozenset()) & card]
    group_asked_who = (len(q.entities) == 1 and ix.fb.person_by_id[q.entities[0]].kind != "person" and q.wh == "?who"
                       and not any(q.norm.startswith(s + " ") and ix.mention_at(q.norm, q.entities[0]) <= len(s) + 5 for s in WHO_STARTERS))
    if len(q.entities) == 1 and not group_asked_who and ix.english.mind_words.isdisjoint(q.norm.split()):
        # ("who would have been there from North Korea" asks for people of it, not its card; "how did
        # South Korea react" for what it felt, which no card says)
        starts = any(q.norm.startswith(s + " ") for s in PERSON_STARTERS)
        fit = 1.0 if not others and (starts or not q.quote_intent) else 1 / (1 + len(others))
        out.append(_person_candidate(ix, q, q.entities[0], fit))
    named = [ix.fb.person_by_id[e] for e in q.entities]
    if (len(named) > 1 and all(p.kind == "person" for p in named) and not q.yes_no and not (set(others) - ix.card_asks)
            and (others or any(q.norm.startswith(s + " ") for s in WHO_STARTERS))):
        # "who do Rogin and Parker work for", "what are Nauert's and Ayers's jobs": each one's card
        out.append(_cards_candidate(ix, q, named))
    if q.answer_type == "person" and q.known_tokens and not any(ix.fb.person_by_id[e].kind == "person" for e in q.entities):
        # "who was the South Korean president?": people whose role the question names
        asked = set(q.known_tokens)
        asked_weighed = ix.weigh(list(asked))  # (the same for every role)
        fits = sorted(((min(ix.role_weighed(p.id, role).cover(asked), asked_weighed.cover(role)), p)
                       for p, role in ix._roles if role and p.id not in q.entities), key=lambda x: -x[0])
        for fit, person in fits[:2]:
            if fit >= 0.6:
                out.append(_person_candidate(ix, q, person.id, fit))
    if q.answer_type == "person" and q.wh == "?who":
        # "who was the VP's top aide?": someone whose role is given in relation to a person named
        # ("chief of staff to Vice President Pence"), by a word of the same role ("aide", "chief")
        asked = [ix.roles.group[w] for w in q.norm.split() if w in ix.roles.group]
        for e in q.entities if asked else ():
            for pid, heads in ix.role_heads.items():  # "chief of staff to …": the role's words before the name
                if e in heads and any(g & heads[e] for g in asked):
                    out.append(_person_candidate(ix, q, pid, 0.8))
    if not q.entities:
        out.extend(_unknown_name(ix, q))
    return out


_SAYS = frozenset({"?what"})  # someone's words answer "what did X say?"


_JOB_WORDS = frozenset("job role position title career work do".split())  # "what did she do before …"


def another_time(ix: Index, q: Query) -> Candidate | None:
    """"What job did Ayers have before becoming chief of staff?", "who succeeded Nauert as
    spokesperson?": a person's role at another time than the story's, which the articles never
    give; they say only what the person was then."""
    if not ix.english.other_times.search(q.norm):
        return None
    people = [ix.fb.person_by_id[e] for e in q.entities if ix.fb.person_by_id[e].kind == "person"]
    words = set(q.norm.split())
    if not people or not (words & _JOB_WORDS or words & ix.roles.role_words):
        return None
    person = people[0]
    return _card_gap(ix, q, person, f"My sources only say what {person.name} was at the time of the story: {person.role}.")


def _card_gap(ix: Index, q: Query, person: Person, text: str) -> Candidate:
    """A detail about someone the articles do not give (`text` says so), cited by their card's evidence."""
    return Candidate("gap", 1.0, lambda: NotCovered(q.raw, text, (), citations=tuple(
        ix._cite(ev.source, ev.quote) for ev in person.evidence[:1])), (), frozenset(q.tokens), frozenset({person.id}), frozenset())


_INITIAL = re.compile(r"^[A-Z]\.\s")  # "A. Messinis": a name the articles give with an initial
_NAME_IN_FULL = re.compile(r"\b(?:first|full|given|whole|real) name\b|\b(?:stand|stands|short) for\b")


def initial_only(ix: Index, q: Query) -> Candidate | None:
    """"What's the first name of A. Messinis?", "what does the P. in P. Semansky stand for?": a name
    the articles give only with an initial, asked for in full."""
    if not _NAME_IN_FULL.search(normalize(q.raw)):  # (as written: "what does X stand for" is read as "what is X")
        return None
    person = next((p for p in (ix.fb.person_by_id[e] for e in q.entities) if _INITIAL.match(p.name)), None)
    if person is None:
        return None
    return _card_gap(ix, q, person, f"My sources give only an initial: “{person.name}”. {person.name} — {person.role}.")


_ASKER = frozenset("i we you u".split())


def unreported_mind(ix: Index, q: Query) -> Candidate | None:
    """"How did Kim Yo Jong react?", "what was Pence privately thinking?": someone's thoughts or
    feelings, named before the words that ask for them, when the articles report none of theirs
    (no words of theirs, no reaction of theirs; see `Index.reacts`) — or asked for in private,
    which the articles never report. Then that is the answer, with the nearest thing they do say."""
    words = q.norm.split()
    at = next((i for i, w in enumerate(words) if w in ix.english.mind_words), None)
    if at is None or not q.entities or q.wh in ("?why", "?who") or (at and words[at - 1] in _ASKER):
        return None  # "why does Ayers think …" asks for a reason he gave; "i thought …" is the asker's
    upto = len(" ".join(words[:at]))
    subject = next((e for e in q.entities if ix.mention_at(q.norm, e) < upto), None)
    if subject is None:
        return None
    private = any(w in ix.english.private_words for w in words)
    if subject in ix.reacts and not private:
        return None
    detail = f"say what {ix.fb.person_by_id[subject].name} thought or felt{' in private' if private else ''}"
    wanted = [t for t in q.known_tokens if t not in {ix._canon_token(w) for w in ix.english.mind_words}]
    cover, doc = _best_doc(ix, wanted) if wanted else (0.0, None)
    if doc is None or cover < PLACE_COVER:
        build = lambda: NotCovered(q.raw, f"My sources don't {detail}. {ix.fb.meta.scope}", ())  # noqa: E731
    else:
        build = _open_detail(ix, q, detail, doc.fact, suggest=False)
    return Candidate("gap", 1.0, build, (), frozenset(q.tokens), frozenset({subject}), frozenset())


def unnamed_relative(ix: Index, q: Query) -> Candidate | None:
    """"Was Pence's wife there?", "who is Pence's brother": a relative of someone the articles name
    whom they never name as such (the word is no one's name in them). They may still name someone of
    the same family name, with nothing said of the tie: that person is shown, as the articles have them."""
    unknown = {w for w, _ in q.unknown}
    words = q.norm.split()
    at = next((i for i, w in enumerate(words) if w in unknown and w in ix.english.kin_gender), None)
    people = [ix.fb.person_by_id[e] for e in q.entities if ix.fb.person_by_id[e].kind == "person"]
    if at is None or len(people) != 1:
        return None
    person, kin = people[0], words[at]
    before = " ".join(words[max(0, at - 3):at])
    if not (ix.mention(before, person.id) or words[at - 1] in ("his", "her")):
        return None
    if person.id in ix.kin_of:
        return None  # ("Kim Yo Jong's brother": she is named as Kim Jong Un's sister, and the tie goes both ways)
    family = person.name.split()[-1]
    same_name = [p for p in ix.fb.people if p.id != person.id and p.kind == "person" and p.name.split()[-1] == family]
    if not same_name:
        return Candidate("gap", 1.0, lambda: NotCovered(q.raw, f"My sources don't say who {person.name}'s {kin} is. {ix.fb.meta.scope}", ()),
                         (), frozenset(q.tokens), frozenset({person.id}), frozenset())
    text = " ".join(f"{p.name}: {p.description} My sources don't say whether {p.name} is {person.name}'s {kin}." for p in same_name)
    cites = tuple(ix._cite(ev.source, ev.quote) for p in same_name for ev in p.evidence)
    return Candidate("gap", 1.0, lambda: Answer(q.raw, text, "fact", cites), (), frozenset(q.tokens), frozenset({person.id}), frozenset())


def unquoted_speaker(ix: Index, q: Query) -> Candidate | None:
    """"What did X say …?" where X, named before the verb, is a person the articles never quote:
    "My sources don't quote X". When no fact reports X's words either (`said_by`), that is the
    whole answer; otherwise it competes with those facts."""
    # ("did Kim Yo Jong say anything about Pence?" asks the same, to be answered "No —")
    asks_whether = q.first in YES_NO_STARTERS and (_ANY_WORDS.search(q.norm) is not None or _COMMENTED_ON.search(q.norm) is not None)
    asks_what = q.quote_intent and q.wh == "?what" and q.first not in YES_NO_STARTERS
    if not (asks_whether or asks_what) or not q.entities or _speaker(ix, q):
        return None
    first = ix.fb.person_by_id[q.entities[0]]
    verb = SPEECH_VERB.search(q.norm)
    if first.kind != "person" or verb is None or ix.mention_at(q.norm, first.id) > verb.start():
        return None
    if first.id in ix.reported_in:
        # "what had the Trump administration said about talks": a fact reporting their words on
        # everything else the question names is the answer, not "my sources don't quote them"
        rest = set(q.known_tokens) - {"@" + first.id} - ix._quote_word_tokens - _SAYS
        if rest and any(rest <= d.all_tokens | d.evidence_tokens for d in ix.reported_in[first.id]):
            return None
    reported = "" if first.id in ix.reported_in else " or reports"
    text = f"{'No — my' if asks_whether else 'My'} sources don't quote {first.name}: none of the {ix.fb.meta.articles} prints{reported} anything {first.name} said."
    return Candidate("quotes", 1.0, lambda: NotCovered(q.raw, text, ()), (), frozenset({"@" + first.id}) | ix._quote_word_tokens | _SAYS,
                     frozenset({first.id}), frozenset({"quote"}))


def quotes(ix: Index, q: Query) -> list[Candidate]:
    """"What did X say (about Y)?" → X's own words, ranked by the other words of the question.
    The speaker is the first person named who has quotes; someone named after "about" or "to"
    is the subject or listener, never the speaker."""
    asks_for_words = q.first in YES_NO_STARTERS and _ANY_WORDS.search(q.norm) is not None
    if not q.quote_intent or not q.entities or (q.first in YES_NO_STARTERS and not asks_for_words):
        return []  # "did Nauert tweet or give a statement?" asks about the quote, not for it
    if q.wh in ("?when", "?where"):
        return []  # "when did Nauert tweet?", "where was Pence when he told Rogin …": a day or a place, not the words again
    speaker = _speaker(ix, q)
    if speaker is None:
        return []  # no one quoted speaks: see unquoted_speaker
    chosen = ix.quotes_by_speaker[speaker]
    rest = set(q.known_tokens) - {"@" + e for e in q.entities} - ix._quote_word_tokens
    if rest & ix._reporting_tokens:
        return []  # "which article says Nauert tweeted?" is about the reporting, not the words
    if q.outlet:
        chosen = [x for x in chosen if x.source == q.outlet or any(v.source == q.outlet for v in x.versions)]
        if not chosen:
            return []
    listeners = [e for e in q.entities if e != speaker]
    about = _about_whom(ix, q, speaker)
    if about and not any("@" + about in ix._quote_tokens[x.id] for x in chosen):
        # "what did Nauert say about Abe": none of her words is about him, and they are not an answer
        return [Candidate("gap", 1.0, lambda: _not_quoted_on(ix, q, speaker, about, chosen), (), frozenset({"@" + speaker, "@" + about}),
                          frozenset({speaker, about}), frozenset({"quote"}))]
    told = [e for e in listeners if q.wh == "?what" and _TOLD.search(q.norm[: ix.mention_at(q.norm, e)])
            and not re.match(r"\S*(?:\s+\S+)?\s+to\s", q.norm[ix.mention_at(q.norm, e):])]  # not "tell Pence to stop"
    heard_by = {x.said_to for x in chosen if x.said_to} | {t[1:] for x in chosen if x.said_to in ix.card_tokens
                                                              for t in ix.card_tokens[x.said_to] if t.startswith("@")}
    if told and not heard_by & set(told):
        # "what did Pence say to Moon": nothing of his the articles print was said to Moon. A fact
        # about the two of them ("sat close to Kim Yo Jong but did not interact with her") may
        # still say what passed between them: it competes.
        detail = f"saying anything to {ix.fb.person_by_id[told[0]].name}"
        # where it was said, if the question says ("on his flight home"): a place of the articles'
        occasion = {t for name in ix.places_in(q.norm, _ON_OCCASION) for t in ix._analyse(name, correct=False)[0]}
        heard = [x for x in chosen if x.said_to in ix.fb.person_by_id and occasion and occasion <= ix._quote_tokens[x.id]]
        if heard:
            # "what did Pence tell Vox's Alex Ward on his flight home?": there he spoke to someone
            # else (Josh Rogin) — said first, then his words there
            to = heard[0].said_to
            said = [x for x in heard if x.said_to == to][:2]
            after = listeners[listeners.index(told[0]):]  # ("Vox's Alex Ward": the one told is the person)
            wrong = next((e for e in after if ix.fb.person_by_id[e].kind == "person"), told[0])
            lead = f"Not to {ix.fb.person_by_id[wrong].name}: my sources quote {ix.fb.person_by_id[speaker].name} saying this to {ix.fb.name_of(to)}.\n"
            return [Candidate("premise", 1.0, lambda: replace(_quotes_answer(ix, q, speaker, said, lead), kind="premise"), (),
                              frozenset(q.tokens) | _SAYS, frozenset({speaker, to, told[0]}), frozenset({"quote"}) | _ANY_TYPE)]
        return [Candidate("gap", 0.5, lambda: _not_quoted_on(ix, q, speaker, detail, chosen), (), frozenset(q.tokens) | _SAYS,
                          frozenset({speaker, told[0]}), frozenset({"quote"}))]
    if (q.wh == "?what" or asks_for_words) and _TWEETED.search(q.norm) and not any(_tweeted(x) for x in chosen):
        # "what did Pence tweet", "did Pence tweet anything": the articles print no tweet of his, only what he said
        return [Candidate("gap", 1.0, lambda: _not_quoted_on(ix, q, speaker, "tweeting anything", chosen), (), frozenset(q.tokens) | _SAYS,
                          frozenset({speaker}), frozenset({"quote"}))]
    if _TWEETED.search(q.norm):  # "what else did Nauert tweet": her tweets, not her statement
        chosen = [x for x in chosen if _tweeted(x)] or chosen
    if listeners:  # "what did Pence tell Rogin": keep the quotes said to that person, if any
        chosen = [x for x in chosen if x.said_to in listeners] or chosen
    if q.aside:
        # "what else did Nauert tweet besides the regret part": the quotes the words set aside come
        # from are not the answer while others are left
        skipped = set(ix._analyse(" ".join(q.aside), correct=False)[0]) - {"@" + speaker}
        chosen = [x for x in chosen if skipped.isdisjoint(ix._quote_tokens[x.id])] or chosen
        rest -= skipped
    # "what did Nauert say": her words, not a fragment of them an article quotes again ("the last
    # minute." of "At the last minute, …")
    chosen = [x for x in chosen if x.id not in ix.quote_fragments] or chosen
    fit = 1.0
    if rest:  # "what did Ayers say about photo ops": rank by the other words
        chosen = sorted(chosen, key=lambda x: -ix._coverage(list(rest), ix._quote_tokens[x.id]))
        fit = ix._coverage(list(rest), ix._quote_tokens[chosen[0].id])
        chosen = chosen[:2]
    tokens = frozenset().union(*(ix._quote_tokens[x.id] for x in chosen)) | {"@" + speaker}
    lead = "Yes — " if asks_for_words else ""  # "did Nauert say anything about it?": yes, these words
    return [Candidate("quotes", fit, lambda: _quotes_answer(ix, q, speaker, chosen, lead), (), frozenset(tokens) | ix._quote_word_tokens | _SAYS,
                      frozenset({speaker, *(x.said_to for x in chosen if x.said_to)}), frozenset({"quote"}) | _quote_shows(ix, chosen))]


def _tweeted(quote: Quote) -> bool:
    """Whether the quote was a tweet, as any outlet prints it."""
    return any("tweet" in v.medium for v in (quote, *quote.versions))


def speakers_of(ix: Index, q: Query) -> list[Candidate]:
    """"Who tweeted about the cancellation?", "who said the US would not apologize?": whose words
    (tweets, when tweets are asked) are about what the question names — them, with those words."""
    if q.wh != "?who" or q.entities or q.yes_no or not (SPEECH_VERB.search(q.norm) or _TWEETED.search(q.norm)):
        return []
    rest = [t for t in q.known_tokens if t not in ix._quote_word_tokens]
    if not rest:
        return []
    tweets = _TWEETED.search(q.norm) is not None
    best, fit, chosen = None, 0.0, []
    for speaker, said in ix.quotes_by_speaker.items():
        if tweets:
            said = [x for x in said if _tweeted(x)]
        scored = sorted(((ix._coverage(rest, ix._quote_tokens[x.id]), x) for x in said), key=lambda c: -c[0])
        if scored and scored[0][0] > fit:
            best, fit, chosen = speaker, scored[0][0], [x for c, x in scored if c == scored[0][0]][:2]
    if best is None or fit < 0.5:
        return []
    tokens = frozenset().union(*(ix._quote_tokens[x.id] for x in chosen)) | {"@" + best}
    return [Candidate("quotes", fit, lambda: _quotes_answer(ix, q, best, chosen), (), tokens | ix._quote_word_tokens | _SAYS,
                      frozenset({best}), frozenset({"quote", "person"}) | _quote_shows(ix, chosen))]


# "which paper did Ayers give his comments to?", "who was Pence talking to": whom someone's words were for
_TALKED_TO = re.compile(r"(?:\b(?:talk|talked|talking|speak|spoke|speaking|comment|commented|tell|told|say|said)"
                        r"|\b(?:give|gave|giving|gives)\s+(?:his\s+|her\s+|their\s+|the\s+|an?\s+)?(?:comments?|remarks?|interview|quotes?|words|statement))"
                        r"\s+to$|\b(?:talk|talked|talking|speak|spoke|speaking|interview|interviewed)\s+with$")


def said_to_lines(ix: Index, quotes) -> list[str]:
    """"Nick Ayers said it to The Washington Post (interview).": one line for each speaker, listener
    and medium of quotes that were said to someone."""
    return list(dict.fromkeys(f"{ix.fb.name_of(x.speaker)} said it {ix.fb.told(x.said_to) or 'in public'} ({x.medium})." for x in quotes))


def told_whom(ix: Index, q: Query) -> list[Candidate]:
    """"Which newspaper did Nick Ayers talk to?": the one each of the speaker's quotes was said
    to, as facts.yaml gives it."""
    if q.yes_no or q.wh not in ("?which", "?what", "?who", "?whom") or not _TALKED_TO.search(q.norm) or HYPOTHETICAL.search(q.norm):
        return []  # ("who was Pence slated to talk with": whom he was to meet, not whom his words were for)
    def heard(x) -> bool:  # said to someone the articles name, not "to the public"
        return x.said_to in ix.fb.person_by_id

    speaker = next((e for e in q.entities if any(heard(x) for x in ix.quotes_by_speaker.get(e, ()))), None)
    if speaker is None:
        return []
    told = [x for x in ix.quotes_by_speaker[speaker] if heard(x)]

    def build() -> Result:
        return Answer(q.raw, "\n".join(said_to_lines(ix, told)[:3]), "quotes", tuple(ix._cite(x.source, x.text) for x in told[:3]),
                      quotes=tuple(told[:3]))

    tokens = frozenset(q.tokens).union(*(ix._quote_tokens[x.id] for x in told))
    return [Candidate("quotes", 1.0, build, (), tokens, frozenset({speaker, *(x.said_to for x in told)}),
                      frozenset({"quote", "person", "outlet"}))]


# "did Nauert say anything about it?": a yes or no that asks for the words themselves
_COMMENTED_ON = re.compile(r"\b(?:comment|commented|remark|remarked|speak|spoke|respond|responded|react|reacted)\s+(?:on|about|to)\b")
_ANY_WORDS = re.compile(rf"\b(?:{'|'.join(REPORTING_VERBS)}|post|posted)\s+(?:anything|something)\b")

QUOTE_MATCH = 70  # how closely (rapidfuzz partial ratio) quoted words must match a quote to be taken as it


def quoted_words(ix: Index, q: Query) -> list[Candidate]:
    """Who said "…"? Words in quote marks, or after "who said", matched against every quote in
    every outlet's version."""
    segments = [m for pair in QUOTED.findall(q.raw) for m in pair if len(m.strip()) >= 8]
    paraphrased = not segments and q.norm.startswith("who said ")
    if paraphrased:
        segments = [q.norm[len("who said "):]]
    if not segments:
        return []
    best, best_score, best_wordings = None, 0.0, []
    for segment in segments:
        wanted = normalize(segment)
        # words not in quote marks may be in another order ("who said the Olympics were sacred" of
        # "abusing the sacred Olympics"): then how much of what they name the quote has counts too
        weighed = ix.weigh(ix._analyse(wanted, correct=False)[0]) if paraphrased else None
        # one word in quote marks ("the quote about 'dangling' a meeting") is a word of the quote in any form
        word = ix._canon_token(wanted) if " " not in wanted else None
        for quote, wordings in ix._quote_wordings:
            cover = 100 * weighed.cover(ix._quote_tokens[quote.id]) if weighed else 0.0
            if word is not None and word in ix._quote_tokens[quote.id]:
                cover = 100.0
            for text in wordings:
                score = max(fuzz.partial_ratio(wanted, text) if len(wanted) <= len(text) else 0, cover)
                if score > best_score:
                    best, best_score, best_wordings = quote, score, wordings
    if best is None:
        return []
    if best_score < QUOTE_MATCH and QUOTED.search(q.raw):  # "who said 'I love pizza'": no one says anything like it
        shown = segments[0].strip()
        shown = shown if len(shown) <= 80 else shown[:79] + "…"
        return [Candidate("said", best_score / 100, lambda: NotCovered(q.raw, f"My sources quote no one saying “{shown}”.", ()),
                          (), frozenset(q.tokens), frozenset(), frozenset({"quote", "person"}))]
    # words in quote marks that the quote does not have ("American sanctions" of "American values")
    quoted = [] if paraphrased else segments

    def said() -> Answer:
        return _said_answer(ix, q, best, best_score, [w for seg in quoted for w in _words_not_in(normalize(seg), best_wordings)])
    return [Candidate("said", best_score / 100, said, (),
                      frozenset(ix._quote_tokens[best.id]) | {"@" + (best.speaker or "")}, frozenset({best.speaker or ""}),
                      frozenset({"quote", "person"}))]


def timeline(ix: Index, q: Query) -> list[Candidate]:
    """"Give me the timeline": every event, in order."""
    asked = ix._canon_token("timeline")
    if asked not in q.tokens or q.dates:
        return []
    # ("walk me through Pence's trip": the words the events tell of fit the whole timeline too)
    told = ix.timeline_words
    fit = sum(t == asked or t in told for t in q.known_tokens) / max(len(q.known_tokens), 1)

    def build() -> Result:
        events = ix.fb.events
        lines = [f"{e.date_label()}: {e.title}." for e in events]
        cites = [ix._cite(e.evidence[0].source, e.evidence[0].quote) for e in events]
        return Answer(q.raw, "\n".join(lines), "date", tuple(cites), confidence=1.0, events=tuple(events))

    people = frozenset(ix.fb.meta.episode["people"])  # the whole timeline is the episode's own people's story
    return [Candidate("timeline", fit, build, (), frozenset(q.tokens), people, frozenset({"date"}))]


def by_date(ix: Index, q: Query) -> list[Candidate]:
    """"What happened on Feb 10?": the events of that day (or month)."""
    if not q.dates or q.yes_no:
        return []
    start, end = date_span(q.dates[0])
    if start == end:  # a day: events dated to that day, and ranges that hold it (not open bounds)
        events = [e for e in ix.fb.events if e.precision not in ("before", "after") and e.span()[0] <= start <= e.span()[1]]
    else:
        events = [e for e in ix.fb.events if e.precision not in ("before", "after") and e.span()[0] <= end and e.span()[1] >= start]
    # ("walk me through February 10", "the timeline of that day": a day's events are its timeline)
    timeline = ix._canon_token("timeline")
    fit = 1 / (1 + sum(t != timeline for t in q.known_tokens))

    def build() -> Result:
        if not events:
            near = sorted(ix.fb.events, key=lambda e: abs(ordinal(e.date) - ordinal(q.dates[0])))[:3]
            return NotCovered(q.raw, f"My sources record nothing on {q.dates[0]}.",
                              tuple(f"What happened on {e.date_label()}?" for e in near))
        lines = [f"{e.date_label()}: {e.title}. {e.description}" for e in events]
        cites = [ix._cite(ev.source, ev.quote) for e in events for ev in e.evidence]
        return Answer(q.raw, "\n".join(lines), "date", tuple(cites), confidence=1.0, events=tuple(events))

    tokens = frozenset(t for e in events for t in ix.event_tokens[e.id]) | {"?when", timeline}
    dates = frozenset(q.dates)  # ("nothing on 3 March" speaks of the day asked as much as a list of its events)
    return [Candidate("date", fit, build, (), tokens, frozenset(p for e in events for p in e.people), frozenset({"date"}), dates=dates)]


# --- helpers ----------------------------------------------------------------------------------


@lru_cache(maxsize=1024)  # (the facts' few dates, for every fact candidate of every question)
def _dates(iso: str | None) -> frozenset[str]:
    """A fact's date as the forms a question may name it in: the day and its month."""
    return frozenset({iso, iso[:7]}) if iso else frozenset()


def _speaker(ix: Index, q: Query) -> str | None:
    """The one who speaks: named before "about"/"on"/"regarding"/"to" (or a clause saying when:
    "what did Kim Yo Jong say after Pence snubbed her"), if several are named."""
    # ("the wording of Nauert's tweet", "according to DW, what did Ayers say": no subject follows)
    plain = q.norm.replace("according to ", "according ")
    subject_at = min((plain.find(f" {w} ") for w in _SUBJECT_AFTER if f" {w} " in plain), default=-1)
    speakers = [e for e in q.entities if e in ix.quotes_by_speaker]
    people = [e for e in q.entities if ix.fb.person_by_id[e].kind == "person"]
    if subject_at >= 0 and people and people[0] not in speakers and ix.mention_at(q.norm, people[0]) < subject_at:
        return None  # "what did Moon say to Pence": Moon speaks, and the articles quote him nowhere
    unknown = {w for w, _ in q.unknown}
    if subject_at >= 0 and unknown & set(q.norm[:subject_at].split()) and not any(ix.mention_at(q.norm, e) < subject_at for e in q.entities):
        return None  # "what did the IOC say about the Pence meeting": someone the articles never name speaks
    if subject_at >= 0 and any(ix.mention_at(q.norm, e) < subject_at for e in q.entities):
        # "what did the State Department say about the Pence meeting": Pence is the subject
        speakers = [e for e in speakers if ix.mention_at(q.norm, e) < subject_at]
    bodies = [e for e in q.entities if e in ix.speaks_for and e not in ix.quotes_by_speaker
              and (subject_at < 0 or ix.mention_at(q.norm, e) < subject_at)]
    if bodies and (not speakers or ix.mention_at(q.norm, bodies[0]) < ix.mention_at(q.norm, speakers[0])):
        # "what did the State Department tweet?": its spokeswoman's words; "what did North Korea tell
        # Pence to do": its agency's, not Pence's, who is named after it
        return ix.speaks_for[bodies[0]]
    return speakers[0] if speakers else None


_SUBJECT_AFTER = ("about", "regarding", "on", "to", "after", "before", "when", "while")


def _quote_shows(ix: Index, chosen: list[Quote]) -> frozenset[str]:
    shows = frozenset().union(*(ix.quote_shows[x.id] for x in chosen))
    return shows | {"date"} if any(quote_when(x) for x in chosen) else shows


def _person_candidate(ix: Index, q: Query, pid: str, fit: float) -> Candidate:
    person = ix.fb.person_by_id[pid]

    def build() -> Result:
        cites = [ix._cite(ev.source, ev.quote) for ev in person.evidence]
        text = _card_line(person)
        # (a fragment an article quotes again, "the last minute.", is no quote of its own: as the lists show them)
        n = len([x for x in ix.quotes_by_speaker.get(person.id, []) if x.id not in ix.quote_fragments])
        if n:
            text += f" My sources quote {person.name} {n} time{'s' if n > 1 else ''}."
        return Answer(q.raw, text, "person", tuple(cites), confidence=1.0, person=person)

    return Candidate("person", fit, build, (), ix.card_tokens[pid] | {"@" + pid, "?who", ix.role_token}, frozenset({pid}),
                     ix.card_shows[pid] | {"person"})


def _card_line(person: Person) -> str:
    return f"{person.name} — {person.role}. {person.description}"


def _cards_candidate(ix: Index, q: Query, people: list[Person]) -> Candidate:
    def build() -> Result:
        cites = tuple(ix._cite(ev.source, ev.quote) for p in people for ev in p.evidence)
        return Answer(q.raw, "\n".join(map(_card_line, people)), "person", cites)

    tokens = frozenset().union(*(ix.card_tokens[p.id] | {"@" + p.id} for p in people)) | {"?who", ix.role_token}
    return Candidate("person", 1.0, build, (), tokens, frozenset(p.id for p in people), frozenset().union(*(ix.card_shows[p.id] for p in people)) | {"person"})


def _unknown_name(ix: Index, q: Query) -> list[Candidate]:
    """"Who is heather?" / "who is kym?": a first name, or a misspelling too far off."""
    starter = next((st for st in WHO_STARTERS if q.norm.startswith(st + " ")), None)
    name = q.norm[len(starter) + 1:] if starter else ""
    if not name or len(name.split()) > 3 or q.dates:
        return []
    if all(w in STOPWORDS or ix._is_known(w) for w in name.split()):
        return []  # "who is the leader": a description in the articles' own words, not a name
    match = ix.find_person(name)
    if match.person is not None:
        return [_person_candidate(ix, q, match.person.id, 1.0)]
    if not match.suggestions or match.score < 75:
        return []
    names = list(match.suggestions)
    text = f"My sources name no one called “{name}”. Did you mean {listed(names, 'or')}?"
    return [Candidate("didyoumean", match.score / 100, lambda: NotCovered(q.raw, text, tuple(f"Who is {n}?" for n in names)),
                      (), frozenset(q.tokens) | {"?who"}, frozenset(), frozenset({"person"}))]


def _about_whom(ix: Index, q: Query, speaker: str) -> str | None:
    """The one a question asks someone's words about ("what did Nauert say about Abe"): named
    right after "about" or "regarding"."""
    for m in re.finditer(r"\b(?:about|regarding)\s+", q.norm):
        after = q.norm[m.end():]
        for e in q.entities:
            if e != speaker and ix.mention_at(after, e) == 0:
                return e
    return None


# right before the one spoken to: "say to Moon", "told Rogin" (not "talk to North Korea")
_TOLD = re.compile(r"\b(?:(?:say|said|says|saying|speak|spoke|tweet|tweeted|write|wrote)\s+to|tell|tells|told|telling)\s+(?:the\s+)?$")
_TWEETED = re.compile(r"\b(?:tweet|tweets|tweeted|tweeting|twitter|posted online|post online)\b")


def _not_quoted_on(ix: Index, q: Query, speaker: str, detail: str, said: list[Quote]) -> NotCovered:
    """"My sources don't quote Pence on Abe / tweeting anything / saying anything to Moon", and
    the words of his they do print. `detail` is a person's id (quoted on them) or the words."""
    person = ix.fb.person_by_id[speaker]
    if detail in ix.fb.person_by_id:
        detail = f"on {ix.fb.person_by_id[detail].name}"
    words, source, _ = _as_printed_by(said[0], q.outlet)
    text = (f"My sources don't quote {person.name} {detail}. What they do quote {person.name} saying: "
            f"“{words}”")
    return NotCovered(q.raw, text, (), citations=(ix._cite(source, words),))


def _quotes_answer(ix: Index, q: Query, speaker: str, chosen: list[Quote], lead: str = "") -> Answer:
    person = ix.fb.person_by_id[speaker]
    printed = [_as_printed_by(x, q.outlet) for x in chosen]
    text = lead + "\n".join(f"{person.name}: “{words}” ({medium}{', ' + ix.fb.told(x.said_to) if x.said_to and source == x.source else ''}"
                     f"{quote_when(x)})" for x, (words, source, medium) in zip(chosen, printed))
    cites = [ix._cite(source, words) for words, source, _ in printed]
    return Answer(q.raw, text, "quotes", tuple(cites), confidence=1.0, quotes=tuple(chosen), person=person)


_NAME_ZIPF = 3.0  # a word the articles never use, this rare in English, may be someone's name


MISQUOTED_WORD = 85  # how closely (rapidfuzz ratio) a quoted word must match a word of the quote to be its ("apologise")


def _words_not_in(wanted: str, wordings: list[str]) -> list[str]:
    """The words of `wanted` (normalized) that the closest of a quote's wordings lacks, in any
    spelling close to theirs: [] when it has them all."""
    def lacking(text: str) -> list[str]:
        have = set(text.split())
        return [w for w in wanted.split() if w not in have
                and process.extractOne(w, have, scorer=fuzz.ratio, score_cutoff=MISQUOTED_WORD) is None]
    return min((lacking(text) for text in wordings), key=len, default=[])


def _said_answer(ix: Index, q: Query, best: Quote, score: float, misquoted: list[str]) -> Answer:
    who = ix.fb.person_by_id[best.speaker].name if best.speaker else "The article does not say who"
    said = "said" if best.speaker else "said it"
    text = f"{who} {said}: “{best.text}” ({best.medium}{', ' + ix.fb.told(best.said_to) if best.said_to else ''}{quote_when(best)}). {best.context}"
    named = [e for e in q.entities if ix.fb.person_by_id[e].kind == "person" or e in ix.quotes_by_speaker]
    strangers = [w for w, zipf in q.unknown if zipf < _NAME_ZIPF and " " not in w]  # ("was it Tillerson who tweeted '…'?")
    # "Nauert said 'we will not apologize for American sanctions', right?": not in those words
    lacking = f"the quote has no {listed([f'“{w}”' for w in misquoted])}" if misquoted else ""
    if named and best.speaker not in named:  # "Did Pence say '…'?": someone else did
        text = f"No — those are not {ix.fb.person_by_id[named[0]].name}'s words{', and ' + lacking if lacking else ''}. " + text
    elif lacking:
        text = f"{'No — not' if q.yes_no or named else 'No one in my sources said that'} in those words: {lacking}. The closest: " + text
    elif q.yes_no and best.speaker in named:
        text = "Yes — " + text
    elif q.yes_no and not named and strangers:
        text = f"No — my sources don't mention {strangers[-1].title()}. " + text
    person = ix.fb.person_by_id.get(best.speaker or "")
    return Answer(q.raw, text, "quotes", (ix._cite(best.source, best.text),), confidence=round(score / 100, 3),
                  quotes=(best,), person=person)


def quote_when(quote: Quote) -> str:
    """", 21 February 2018" — or ", on a Saturday, 10 or 17 February 2018" where the articles leave it open."""
    label = quote.date_label()
    return f", {label}" if label else ""


def _as_printed_by(quote: Quote, outlet: str | None) -> tuple[str, str, str]:
    """(words, source id, medium) as `outlet` printed the quote, if it did; else as first recorded."""
    for version in quote.versions:
        if version.source == outlet and quote.source != outlet:
            return version.text, version.source, version.medium
    return quote.text, quote.source, quote.medium


def _fact_builder(ix: Index, q: Query, chosen: list[Fact], score: float, kind: str, lead: str) -> Callable[[], Result]:
    return lambda: fact_answer(ix, q, chosen, score, kind, lead)


def asks_attitude(ix: Index, q: Query) -> bool:
    """Whether a question asks whether someone liked, thought or felt something (its words as
    typed: "like" is chat filler to the rest of the reading)."""
    return not ix.english.attitude_words.isdisjoint(re.findall(r"[a-z]+", q.raw.lower()))


def fact_answer(ix: Index, q: Query, chosen: list[Fact], score: float, kind: str, lead: str) -> Answer:
    said = " ".join(f.statement for f in chosen)
    text = lead + said
    if q.answer_type == "date" and not lead and not _CLOCK_ASKED.search(q.norm) and not _SPAN_ASKED.search(q.norm):
        # "when …" gets the day; "what time …" and "how long before …" ask for none
        text = _dated_lead(ix, chosen[0]) + text
    cites = [ix._cite(ev.source, ev.quote) for f in chosen for ev in f.evidence]
    if q.outlet:  # the outlet asked about first, or a plain note that it does not report this
        own = [c for c in cites if c.source_id == q.outlet]
        if not own and kind not in ("no", "premise"):  # (a correction is of the claim, not of who reports it)
            outlet = ix.fb.source_by_id[q.outlet].outlet
            others = [article_name(ix, s) for s in dict.fromkeys(c.source_id for c in cites)]
            note = f"{outlet} does not report this; {listed(others)} {'do' if len(others) > 1 else 'does'}. "
            if q.yes_no:  # "does Vox carry the whitewash line?": no — and who does, for any verdict on the rest
                text, kind = "No — " + note + said, "no"
            else:
                text = note + text
        cites = own + [c for c in cites if c.source_id != q.outlet]
    disagreements = tuple({d.id: d for f in chosen for d in ix._disc_by_fact.get(f.id, [])}.values())
    return Answer(q.raw, text, kind, tuple(cites), tuple(f.id for f in chosen), round(min(score, 1.0), 3), disagreements)


def _dated_lead(ix: Index, fact: Fact) -> str:
    """A "when" question answered by a fact that does not print its own day ("the North Koreans
    cancelled the meeting at the last minute"): its day first, as the fact base dates it."""
    if not fact.date:
        return ""
    day = len(fact.date) == 10
    # ("at the last minute" dates it, but gives no day; "the meeting planned for the next morning"
    # gives another thing's day, not the ceremony's)
    if _OWN_DAY_TEXT.search(fact.statement) if day else "date" in ix.shows[fact.id]:
        return ""
    return f"{date_label(fact.date, 'day' if day else 'month')} — "


def related_docs(ix: Index, q: Query, limit: int = 3) -> list[_Doc]:
    wanted = list(q.known_tokens) + ([q.wh] if q.wh else [])
    covers = ix.covers(ix.weigh(wanted))
    ids = ix.doc_ids_sharing(q.known_tokens) or range(len(ix.docs))
    return [ix.docs[i] for i in sorted(ids, key=lambda i: -covers[i])[:limit]]
