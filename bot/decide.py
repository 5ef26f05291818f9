"""Stage 4, decide: answer with the best-scored candidate, or say plainly what the sources
don't cover — and, when they come close, what they do say."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from rapidfuzz import fuzz, process

from bot.analyse import Query
from bot.candidates import asks_attitude, fact_answer, named_only_as_kin, related_docs
from bot.english import COMMON_WORD
from bot.index import Index
from bot.results import Answer, NotCovered, Result
from bot.roles import shown_as
from bot.scorer import Decision, Scored, decision_score
from bot.text import SPEECH_VERB, YES_NO_STARTERS, listed

SECOND_FACT = 0.8  # a second fact joins the answer when it is at least this likely, relative to the first
OTHER_THING_LEAD = 0.15  # by how much more of a question a fact on something else must hold for a premise not to be read into it
UNNAMED_COVER = 0.9  # how much of a question naming someone never mentioned a fact must cover to answer it still
STATED_WRONG_COVER = 0.5  # how much of the rest of the question a fact must cover for its value to correct the one stated
_REMARKED = re.compile(r"\b(?:comment|commented|comments|remark|remarked|remarks|react|reacted|respond|responded)\b")
SOMEONE_ELSE_COVER = 0.6  # how much of what a question asks a fact about someone else must hold to be said of them instead
NEAR_MISS = -1.5  # below the abstain line, but close enough that what the sources do say helps

_FOCUS = {"date": "when", "person": "who", "place": "where", "number": "how many", "reason": "why"}
UNKNOWN_DOER_ZIPF = 5.5  # "china", "russia" (5.1, 4.9); not "people" (6.9) or "anyone"
NAME_SPELLING = 65  # "pens" is Pence misspelt (ratio 67), "russia" spells no name of theirs
FULL_ROUTE = 0.999  # a candidate that holds every word the question asks about
HEDGED = "My sources don't answer that with a plain yes or no, but here is what they say: "
_CONFIRMED = "Yes — "
_SELF = {"he": "himself", "she": "herself"}
MAX_CONFIRMING_PEOPLE = 3  # a fact naming more is a list of the people in the story, not a statement about them
# words that deny or doubt what a sentence says: a fact with one confirms nothing by its other words
_DENIAL = re.compile(r"\b(?:not|never|no|none|nor|neither|nobody|nothing|declined|refused|refuse|without|unclear|n t|didn|wasn|won|instead|only)\b")
# The opening of an abstention that names no detail the sources leave open ("My sources don't say
# when.", or unsure, "I'm not sure …"), as `not_covered` words it: the engine and the conversation look past it.
UNSURE = "I'm not sure my sources answer exactly that."
NOTHING_SPECIFIC = re.compile(r"^(?:My sources don't (?:cover that(?: \([^)]*\))?|say (?:" + "|".join(_FOCUS.values()) + r"))|"
                              + re.escape(UNSURE[:-1]) + r")\.\s*")


def decide(ix: Index, q: Query, scored: list[Scored], decision: Decision) -> Result:
    if not q.tokens and not q.dates:
        return NotCovered(q.raw, f"That doesn't look like a question I can work with — ask me about {ix.fb.meta.topic}.",
                          tuple(ix.known_questions[:3]))
    scored = _without_premises_of_other_things(scored)
    stated_wrong = next((s for s in scored if s.cand.contradicts and s.cand.route >= STATED_WRONG_COVER), None)
    if stated_wrong is None and (q.strangers or (any(zipf < COMMON_WORD for _, zipf in q.unknown) and q.known_tokens
                                                 and set(q.known_tokens) <= ix.setting_tokens)):
        # "was Ivanka Trump at the Olympics?": nothing the articles say is about her; "who lit the
        # cauldron at PyeongChang": only the setting of everything is known, and a word that names
        # something ("cauldron", not "year" or "summer") is not theirs. (But "did CNN break the
        # story?" states something wrong about what they do say: that is corrected.)
        return not_covered(ix, q, [])
    if stated_wrong is None and q.unnamed and not (scored and scored[0].cand.route >= UNNAMED_COVER) \
            and ix._canon_token("tweet") not in q.tokens:
        # "what did press secretary Sarah Sanders say about it": someone the articles never mention,
        # named in full, and nothing they say is clearly what is asked ("why did John Kelly say North
        # Korea dangled a meeting" is: Ayers's words answer it; and the articles print the tweets of
        # one person only, whom "what did Sarah Sanders tweet" mistakes)
        # (what the articles do say of the rest of the question follows: "… KCNA claimed Pence was …")
        return not_covered(ix, replace(q, strangers=q.strangers + q.unnamed), scored,
                           decision_score(scored, q, decision) if scored else -10.0)
    if stated_wrong is None and q.yes_no and _unknown_doer(ix, q):
        # "did Russia agree to the sanctions?": the one asked about is never mentioned — what the
        # articles say of others gives no yes or no for it
        return not_covered(ix, q, scored)
    if q.outlet and scored and not _reports(ix, scored[0], q.outlet):
        # "according to DW, why did North Korea cancel?": what DW reports answers it, if anything it
        # reports does; only then is it told that DW does not report what the others do
        # (a yes or no is of the claim asked: "according to Vox, did Pence travel with Warmbier's father?"
        # is not answered by another thing Vox says of Pence's trip)
        own = [s for s in scored if _reports(ix, s, q.outlet) and (s.cand.kind != "fact" or q.answer_type not in _FOCUS
                                                                  or q.answer_type in ix.shows[s.cand.facts[0]])
               and not (q.yes_no and s.cand.route < scored[0].cand.route)]
        if own and decision_score(own, q, decision) > 0:
            scored = own
    verdict = decision_score(scored, q, decision) if scored else -10.0
    if stated_wrong is not None:
        # "why did they cancel three hours before?": a wrong premise is corrected before anything else
        result = stated_wrong.cand.result()
        return replace(result, confidence=_confidence(max(verdict, 0.0))) if isinstance(result, Answer) else result
    if q.other_thing and scored and ((q.yes_no and not q.checking) or not any(f" {q.other_thing[1]} " in ix.plain_statements[f]
                                                                            for f in scored[0].cand.facts)):
        # "who led the US delegation at the closing ceremony?": the articles speak only of the opening
        # ceremony; what they say of it answers only a question that takes one for the other
        # ("why did Pence snub her at the closing ceremony?" and the claim "he snubbed her at the
        # closing ceremony, right?" are told where he did; "did he attend the closing ceremony?" is not)
        return not_covered(ix, q, scored, verdict)
    if q.other_thing and q.checking and scored[0].cand.kind == "fact" and verdict > NEAR_MISS:
        # "he snubbed her at the closing ceremony, right?": the word that names the other thing is
        # understood (it is no word the sources lack); where he did, if that is nearly all it asks
        facts = [ix.fb.fact_by_id[f] for f in scored[0].cand.facts]
        return fact_answer(ix, q, facts, _confidence(verdict), "premise", _not_the_other_thing(q))
    if verdict <= 0:
        if scored and scored[0].cand.kind == "gap":
            return scored[0].cand.result()  # the detail asked for is one the sources leave open: say which
        if _gives_what_was_asked(ix, q, scored[0]) and verdict > NEAR_MISS:
            # "in which country was the meeting to take place?": "My sources don't say where. What they
            # do say: … in South Korea" would deny what it then says — the fact that holds every word
            # asked and gives the kind of answer asked for is the answer
            return fact_answer(ix, q, [ix.fb.fact_by_id[scored[0].cand.facts[0]]], _confidence(verdict), "fact", "")
        if verdict > NEAR_MISS:
            specific = scored[0].cand.result()  # "My sources don't quote X", "Did you mean …", "nothing on 14 Feb"
            if isinstance(specific, NotCovered):
                return specific
            instead = _said_of_someone_else(ix, q, scored[0])
            if instead is not None:
                return instead
        return not_covered(ix, q, scored, verdict)
    best = scored[0]
    confidence = _confidence(verdict)
    if best.cand.kind == "fact":  # (its answer is built here, with a second fact and a lead: not from the candidate)
        facts = [ix.fb.fact_by_id[f] for f in best.cand.facts]
        second = next((s for s in scored[1:] if s.cand.kind == "fact"), None)
        if second and math.exp(second.score - best.score) >= SECOND_FACT \
                and second.cand.facts[0] not in ix.related_ids(facts[0]):
            facts.append(ix.fb.fact_by_id[second.cand.facts[0]])
            # The answer first: the fact that gives what was asked (a reason, a date …) leads.
            facts.sort(key=lambda f: q.answer_type not in ix.shows[f.id])
        kin_of = named_only_as_kin(ix, q, ix.plain_statements[facts[0].id]) if q.yes_no else None
        if kin_of is not None:
            # "did Pence travel with Otto Warmbier?" — with his father: no, and whom he did
            person = ix.fb.person_by_id[kin_of]
            lead = f"No — not {' '.join(filter(None, (person.name, _SELF.get(person.pronoun))))}: "
        else:
            lead = (_CONFIRMED if _confirms(ix, q, facts[0]) else HEDGED) if q.yes_no else ""
        instead = _said_of_someone_else(ix, q, best) if q.yes_no else None
        if instead is not None:
            return replace(instead, confidence=confidence)
        if q.other_thing:  # (a fact on the thing of theirs, as the check above leaves only those)
            return fact_answer(ix, q, facts, confidence, "premise", _not_the_other_thing(q))
        return fact_answer(ix, q, facts, confidence, "fact", lead)
    result = best.cand.result()
    if isinstance(result, Answer):
        return replace(result, confidence=confidence)
    return result


def _confirms(ix: Index, q: Query, fact) -> bool:
    """"Did the two Koreas march together?", "was Shinzo Abe there too?": a fact that says, without a
    word of denial, every thing the question asks (its people too) answers yes. A question that
    denies something, names a word the articles never use, or gives a day is not confirmed here."""
    if q.unknown or q.dates or _DENIAL.search(q.norm) or _DENIAL.search(ix.plain_statements[fact.id]):
        return False
    things = [t for t in q.known_tokens if not t.startswith("@")]
    # ("is it ending?": one word is too little to confirm; "did north korea like that": whether
    # someone liked or wanted something is a mind the statement does not speak for; a fact that
    # lists the whole cast holds any role with anyone's name)
    if len(q.known_tokens) < 2 or not things or len(fact.people) > MAX_CONFIRMING_PEOPLE \
            or asks_attitude(ix, q):
        return False
    return set(q.known_tokens) <= ix.statement_tokens(fact.id)


def _unknown_doer(ix: Index, q: Query) -> bool:
    """Whether a yes/no question's subject, the word right after its auxiliary ("did Russia …"),
    is a name-like word the articles never use (rarer than the common words of chat) and spells
    none of their names ("did pens stand up": Pence)."""
    words = q.norm.split()
    if q.first not in YES_NO_STARTERS or q.first not in words:  # (its first word that is no filler: "wait did …")
        return False
    words = words[words.index(q.first):]
    if len(words) < 3:
        return False
    subject = words[2] if words[1] == "the" else words[1]
    if not any(w == subject and zipf < UNKNOWN_DOER_ZIPF for w, zipf in q.unknown):
        return False
    # (a misspelling keeps its first letter: "pens" is Pence, "china" is not KCNA)
    names = {w for alias in ix._aliases for w in alias if w[:1] == subject[:1]}
    return process.extractOne(subject, names, scorer=fuzz.ratio, score_cutoff=NAME_SPELLING) is None


def _without_premises_of_other_things(scored: list[Scored]) -> list[Scored]:
    """The candidates without those that correct a premise read into the question ("the meeting
    took place") when a fact on something else holds clearly more of it: "when did the US-Canada
    summit take place?" asks of the summit, not whether the meeting happened."""
    facts = [s for s in scored if s.cand.kind == "fact"]
    return [s for s in scored if not (s.cand.contradicts or s.cand.kind == "premise") or not any(
        f.cand.route >= s.cand.route + OTHER_THING_LEAD and not set(f.cand.facts) & set(s.cand.facts) for f in facts)]


def _gives_what_was_asked(ix: Index, q: Query, best: Scored) -> bool:
    """Whether the best candidate is a fact holding all the question asks about (route 1) that gives
    the kind of answer it asks for (a place for "where", a day for "when"), of a question with no
    word the sources lack and no yes or no to give."""
    # (of two words, holding both says little: "which city was the summit in" holds "city" and "meeting")
    return (best.cand.kind == "fact" and not q.yes_no and not q.unknown and q.answer_type in _FOCUS and len(q.known_tokens) >= 3
            and best.cand.route >= FULL_ROUTE and q.answer_type in ix.shows[best.cand.facts[0]])


def _said_of_someone_else(ix: Index, q: Query, best: Scored) -> Answer | None:
    """"Did Trump meet Kim Yo Jong at the opening ceremony?", "did Pence sit next to Kim Jong Un at
    the ceremony?": a yes/no question the best fact answers in all it asks but one person, where the
    fact has another — said first: "My sources say that of Mike Pence, not Donald Trump: …". None
    unless the fact holds at least two of the question's own words, and most of them."""
    if not q.yes_no or best.cand.kind != "fact":
        return None
    fact = ix.fb.fact_by_id[best.cand.facts[0]]
    persons = [e for e in q.entities if ix.fb.person_by_id[e].kind == "person"]
    if not persons:
        return None
    said = ix.plain_statements[fact.id]
    missing = [e for e in persons if e not in fact.people and ix.mention_at(said, e) >= len(said)]
    own = {t for t in q.known_tokens if not t.startswith("@")}
    held = own & ix.doc_by_fact[fact.id].with_evidence
    if len(missing) != 1 or missing[0] != q.entities[0] or len(held) < 2 or len(held) < SOMEONE_ELSE_COVER * len(own) \
            or q.unknown or SPEECH_VERB.search(q.norm) or _REMARKED.search(q.norm):
        # (only the one who does it, named first: "did Pence shake hands with Kim Yong Nam?" is not told
        # of his sister; and speaking of it is no deed another did: "did Kim Jong Un comment on it?")
        return None
    theirs = sorted((p for p in ix.named_in[fact.id] if p not in q.entities and ix.fb.person_by_id[p].kind == "person"),
                    key=lambda p: ix.mention_at(said, p))
    if not theirs:
        return None
    lead = f"My sources say that of {ix.fb.person_by_id[theirs[0]].name}, not {ix.fb.person_by_id[missing[0]].name}: "
    return fact_answer(ix, q, [fact], _confidence(0.0), "premise", lead)


def _reports(ix: Index, s: Scored, outlet: str) -> bool:
    """Whether the outlet reports the candidate's facts (any candidate that is not a fact counts:
    quotes are chosen by outlet where they are made)."""
    return s.cand.kind != "fact" or any(ev.source == outlet for f in s.cand.facts for ev in ix.fb.fact_by_id[f].evidence)


def _not_the_other_thing(q: Query) -> str:
    """"Not the closing ceremony but the opening ceremony: ", the lead of a fact on the thing of theirs."""
    return f"Not the {q.other_thing[0]} but the {q.other_thing[1]}: "


def _confidence(verdict: float) -> float:
    return round(1 / (1 + math.exp(-verdict)), 3)


def not_covered(ix: Index, q: Query, scored: list[Scored], verdict: float = -10.0) -> NotCovered:
    related = related_docs(ix, q)
    suggestions = tuple(d.fact.questions[0] for d in related if d.fact.questions) or tuple(ix.known_questions[:3])
    missing = list(dict.fromkeys(w for w, _ in q.unknown))[:3]  # ("far … far": each word once)
    focus = _FOCUS.get(q.answer_type)
    if q.strangers:
        said = f"My sources don't mention {listed(list(q.strangers))}."
    elif q.other_thing:
        said = f"My sources don't cover the {q.other_thing[0]}, only the {q.other_thing[1]}."
    elif missing:
        said = "My sources don't cover that (they never mention " + ", ".join(repr(shown_as(q.raw, w)) for w in missing) + ")."
    elif focus:
        said = f"My sources don't say {focus}."
    else:
        said = "My sources don't cover that."
    near = next((s for s in scored if s.cand.kind == "fact"), None)
    if near is not None and verdict > NEAR_MISS:
        fact = ix.fb.fact_by_id[near.cand.facts[0]]
        if not (q.strangers or q.other_thing or missing) and (focus is None or q.answer_type in ix.shows[fact.id]):
            # Nothing named is missing and the nearest fact gives the kind of answer asked for: it may
            # well answer, and "My sources don't say when. What they do say: … on 10 February" would
            # deny what it goes on to say. Unsure, not a denial.
            said, then = UNSURE, "The closest they come:"
        else:
            then = "What they do say:"
        return NotCovered(q.raw, f"{said} {then} {fact.statement}", suggestions[:3],
                          citations=tuple(ix._cite(ev.source, ev.quote) for ev in fact.evidence[:1]))
    return NotCovered(q.raw, f"{said} {ix.fb.meta.scope}", suggestions[:3])
