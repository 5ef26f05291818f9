"""The answer engine: a free-text question in, an `Answer` or a `NotCovered` out.

Pure Python over a verified `FactBase`; it never imports discord.py and never answers from
outside facts.yaml. A question goes through named stages, each its own module:

1. analyse (bot/analyse.py): names, dates, the kind of answer wanted, unknown words, parts;
2. retrieve (bot/candidates.py): candidate answers from facts, claims, quotes, people, events;
3. score (bot/scorer.py): one linear scorer whose weights are fitted data (bot/data/weights.json,
   written by `python -m bot.fit`);
4. decide (bot/decide.py): the best candidate, or an honest "my sources don't cover that".

A message that asks several things is answered part by part. `explain` shows every stage.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

from rapidfuzz import fuzz, process

from bot.analyse import Query, asks, analyse, capitalised, trailing_guess, meeting_owner, nameless_article, points_back, query_of, read, split_parts, wrong_journey, wrong_relative, wrong_setting
from bot.ordering import order_answer, step_answer
from bot.claims import as_question
from bot.candidates import _quotes_answer, fact_answer, generate, related_docs, unmentioned_actor
from bot.articles import (ARTICLE_WORDS, article_details, article_name, article_reports, articles_lead, coverage_by_article, names_an_article, own_sources, printed_in, printed_passage, quoted_in_article,
                          reporting_articles, which_article_asks, wording_asked)
from bot.decide import HEDGED, NOTHING_SPECIFIC, STATED_WRONG_COVER, decide
from bot.facts import Discrepancy, Event, FactBase, Person, Quote, date_label, outlet_name
from bot.index import Index, Journey
from bot.roles import WrongRole, shown_as
from bot.results import Answer, Citation, Comparison, NotCovered, PersonMatch, Result
from bot.scorer import Scored, Weights, decision_features, decision_score, score_all
from bot.text import (PERSONAL_PRONOUN, first_upper, PRONOUN_GENDER, QUOTED, SPEECH_VERB, STOPWORDS, clip, date_span, find_dates, listed, normalize, parse_dates, plain_tokens, typed_day,
                      WH_WORDS, wh_token, without_question_words)

__all__ = ["Answer", "Citation", "Comparison", "Engine", "NotCovered", "PersonMatch", "Result", "normalize"]

_TWO_SPEAKERS = re.compile(r"^(?P<pre>(?:\S+ ){0,2}?(?:did|does|do|has|have|had|would|will) )(?P<a>\S+(?: \S+){0,2}) and (?P<b>\S+(?: \S+){0,2}) "
                           r"(?P<verb>say|said|tell|told|tweet|tweeted|claim|claimed)\b(?P<rest>.*)$")
_DIFFERENCE_COVER = 0.5  # how much of what is asked a listed difference between the outlets must speak of
_WORDING = re.compile(r"\b(?:calls?|called|describes?|described|uses?|used|words?|term|terms|refers? to|referred to|phrases?)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)])[.!]+\s+")
_PRONOUN = re.compile(r"\b(he|she|they|him|her|them)\b")
_POSSESSIVE = re.compile(r"\b(his|their)\b")
# "who cancelled the meeting, north korea or pence": a who-question, then the two it may be
_CHOICE = re.compile(r"^(?:(?:and|n|so|ok|but)\s+)?(?:who|which one|which of them)\s+(?P<rest>.+?)\s+(?P<a>[^ ]+(?: [^ ]+){0,2}?)\s+or\s+(?P<b>[^ ]+(?: [^ ]+){0,2})$")
# "was it Kamala Harris who …", "wasn't it Tillerson that …": someone put in the place of whoever did it
_CLEFT = re.compile(r"^(?:(?:so|and|wait|but|ok|hmm|um)\s+)*(?:was|is|wasn t|isn t|wasnt|isnt) it (?:really |actually )?(?P<name>(?:[a-z.]+ ){1,4}?)(?:who|that) (?P<rest>.+)$")
_NAME_ASKED = re.compile(r"^(?:(?:and|so|what|whats|what s|what is|what was|wats)\s+)*(?:the\s+)?(?P<who>.+?)(?:\s+s)?\s+name(?:\s+again)?(?:\s+(?:pls|please))?$")
_POINTER = re.compile(r"\b(?:it|(?:the|this|that) (?:whole )?(?:thing|story|episode))\b")  # ("who said that": "that" is words, not the episode)
_TITLES = frozenset("vp mr mrs ms dr sen senator rep secretary president vice general gen".split())


def _about_part_before(ix: Index, text: str, previous: Query) -> Query:
    """A part of a message read with what the part before it asked about ("… and on what date?")."""
    return analyse(ix, f"{text} {without_question_words(previous.norm)}")


def _as_a_name(typed: str) -> str:
    """A name as typed, capitalised when it was typed all in lower case ("john kelly" → "John Kelly")."""
    return typed.title() if typed.islower() else typed


_GUESS_SPELLING = 90  # a guess written close to how the answer spells it is the answer ("pyongchang")
_VERDICT = re.compile(r"^(?:Yes — |No — |" + re.escape(HEDGED) + ")")


_HOW_MANY_ARTICLES = re.compile(r"^(?:so |and |ok |but )?how many\b", re.IGNORECASE)

# "is the South Korean president named anywhere?", "do the articles mention Shinzo Abe": whether any
# article names someone or something (asked of the articles, not of what happened)
_MENTIONED_ANYWHERE = re.compile(
    r"^(?:so |and |ok |but )?(?:(?:is|was|are|were) (?P<x>.+?) (?:ever )?(?:named|mentioned|brought up|referred to)"
    r"(?: anywhere| at all| in (?:the|any|your|all) (?:three )?(?:articles?|sources?|of them))+"
    r"|(?:do|does|did) (?:the|any|your|all)(?: three)? (?:articles?|sources?|outlets?)(?: of them)? (?:ever )?(?:name|mention|talk about|bring up|refer to) (?P<y>.+?))$")

class Engine:
    """Answers questions from one FactBase. Build once; `ask` is fast and never raises."""

    COMPARE_ACCEPT = 0.63  # how closely a /compare topic must match a listed disagreement

    def __init__(self, fb: FactBase, weights: Weights | None = None):
        self.fb = fb
        self.ix = Index(fb)
        self.weights = weights or Weights.load()
        self._w = self.weights.rank
        self._d = self.weights.decision
        self._r = self.weights.rerank

    @property
    def known_questions(self) -> tuple[str, ...]:
        return self.ix.known_questions

    # --- answering ----------------------------------------------------------------------------

    def ask(self, question: str) -> Result:
        """Answer a question. Never raises on any input text."""
        text = clip(question)
        guessed = trailing_guess(self.ix, text)
        if guessed is not None:
            checked = self._check_guess(text, *guessed)
            if checked is not None:
                return checked
        choice = self.ix.roles.chosen(text)
        if choice is not None:  # "is pence vp or secretary of state": the one that is his, in their words
            holder, _, other = choice
            return self._described(text, holder, "fact", tail=f", not as {shown_as(text, other)}")
        words, wrong = self.ix.roles.check(text)
        if wrong:
            return self._correct_roles(text, words, wrong)
        holder = self.ix.roles.confirmed(text)
        if holder is not None:  # "is heather nauert the state department spokeswoman?": yes, in their words
            return self._described(text, holder, "yes", lead="Yes — ")
        outlets = self.ix.roles.unknown_outlets(words) if words else ()
        if outlets:
            return self._correct_outlets(text, words, outlets)
        renamed = self.ix.roles.other_names(words, self._name_word(text)) if words else ()
        if renamed:
            return self._correct_names(text, words, renamed)
        named = self._name_of_someone_named(text) if "name" in text.lower() else None
        if named is not None:
            return named
        cleft = self._cleft_stranger(text)
        if cleft is not None:
            return cleft
        owner = meeting_owner(self.ix, text)
        if owner is not None:
            return self._correct_owner(text, *owner)
        setting = wrong_setting(self.ix, text) if self.fb.meta.setting_fact else None
        if setting is not None:
            return self._correct_setting(text, *setting)
        journey = wrong_journey(self.ix, text)
        if journey is not None:
            return self._correct_journey(text, *journey)
        relative = wrong_relative(self.ix, text)
        if relative is not None:
            return self._correct_relative(text, *relative)
        compared = _COMPARING.search(text)
        if compared and (compared.group(0).lower() not in _AGREEING or self.ix.source_outlet_pattern.search(text, 0, compared.start())
                         or ARTICLE_WORDS.search(text, 0, compared.start())):
            # ("20 countries agreed to consider sanctions" is no question whether the articles agree)
            differ = self._disagreement(text)
            if differ is not None:
                return differ
        quoted = quoted_in_article(self.ix, text) if "'" in text or '"' in text or "“" in text or "‘" in text else None
        if quoted is not None:
            return quoted
        alone = _ALONE.search(normalize(text))
        if alone is not None:  # ("what does DW report that the others don't": not whether it reports)
            told = self._outlet_summary(text)
            if told is not None:
                return told
        own = own_sources(self.ix, text)
        if own is not None:
            return own
        reported = article_reports(self.ix, text, self.ask) if names_an_article(self.ix, text) else None
        if reported is not None:
            return reported
        mentioned = _MENTIONED_ANYWHERE.match(normalize(text))
        if mentioned and not split_parts(text):
            # "is the South Korean president named anywhere?": which articles mention them, as a yes
            return self._reported_in(text, mentioned.group("x") or mentioned.group("y"), whether=True)
        asked = which_article_asks(text)
        if asked is not None and not split_parts(text):  # ("which says X and which says Y": part by part)
            return self._reported_in(text, asked)
        if names_an_article(self.ix, text) and not split_parts(text):
            # ("who wrote the Vox piece?": the article's own record; most questions name no article, and
            # "who wrote the Vox piece and who took its photo?" is answered part by part)
            details = article_details(self.ix, text, normalize(text))
            if details is not None:
                return details
        told = self._outlet_summary(text) if alone is None else None  # (asked above already)
        if told is not None:
            return told
        return self._ask(text)

    def _check_guess(self, text: str, asked: str, guess: str, read_guess: Query) -> Answer | None:
        """"When was the meeting, feb 12?": the question answered alone, led by "Not 12 February:"
        when the answer holds no such thing (a guess it holds needs no word more). None when the
        question alone is not answered: the whole message is read as it stands."""
        result = self.ask(asked)
        if not isinstance(result, Answer):
            return None
        if result.kind in ("premise", "no") or result.text.startswith(("Not ", "No ")):
            return replace(result, question=text)  # (the answer corrects something already)
        said = normalize(result.text)  # (what the reader is told: a name in a cited quote is not the answer)
        tokens = set(self.ix._analyse(said, correct=False)[0])
        held = all(t in tokens for t in read_guess.tokens) and (
            not read_guess.dates or set(read_guess.dates) <= {iso for iso, _, _ in find_dates(said, self.fb.meta.default_year)})
        if held or fuzz.partial_ratio(normalize(guess), said) >= _GUESS_SPELLING:
            return replace(result, question=text)
        persons = [self.fb.person_by_id[e].name for e in read_guess.entities]
        if len(persons) == 1 and len(read_guess.tokens) == 1:
            shown = persons[0]
        elif read_guess.dates and not read_guess.tokens:
            shown = date_label(read_guess.dates[0], "day") if len(read_guess.dates[0]) == 10 else shown_as(text, guess)
        else:
            shown = shown_as(text, guess)
            if shown.islower():  # ("the us": "the US", "korea": "Korea")
                shown = " ".join(w.upper() if len(w) == 2 else w if w == "the" else w.capitalize() for w in shown.split())
        return replace(result, question=text, text=f"Not {shown}: {result.text}", kind="premise")

    def _outlet_summary(self, question: str) -> Answer | None:
        """"What's the DW article about?", "what does Vox say?", "and the first article?": what one
        article reports, in its own words — its first passages in the order of the facts they back.
        None unless the question names one article and asks nothing of it but what it says."""
        lowered = question.lower()
        if not _TELLS.search(lowered) or not (self.ix.source_outlet_pattern.search(lowered) or nameless_article(self.ix, lowered)):
            return None  # (most questions name no article: two searches before reading names)
        # "what does Vox say that the others don't?": what it alone reports, asked without those words
        norm = normalize(question)
        alone = _ALONE.search(norm)
        asked = question if alone is None else norm[: alone.start()] + norm[alone.end():]
        norm = normalize(asked)
        nameless = nameless_article(self.ix, norm)
        outlets = [e for e in self.entities_in(question) if self.fb.person_by_id[e].publishes]
        if nameless is not None:
            source = nameless.source
        elif len(outlets) == 1:
            source = self.fb.person_by_id[outlets[0]].publishes
        else:
            return None
        q = analyse(self.ix, asked)
        if source is None or q.yes_no or set(norm.split()) & _OTHER_WH \
                or (q.focus is not None and not _TELLS.search(q.focus) and not self.ix.source_outlet_pattern.search(q.focus)):
            # ("what Vox say": a verb left without "does" does not make "Vox" the kind of thing asked for)
            return None  # ("what is Vox?" asks what Vox is; "… what kind of talks?" asks for a kind)
        telling = self._outlet_names | self._telling_tokens | (frozenset(self.ix._analyse(nameless.words, correct=False)[0]) if nameless else frozenset())
        if any(t not in telling for t in q.tokens):
            return None  # ("what does DW say about Warmbier": a question of its own)
        src = self.fb.source_by_id[source]
        passages, said, facts = [], set(), []
        for fact in self.fb.facts:  # one passage of each fact, each saying something the ones before did not
            if alone is not None and {ev.source for ev in fact.evidence} != {source}:
                continue
            ev = next((ev for ev in fact.evidence if ev.source == source and len(ev.quote.split()) >= _PASSAGE_WORDS
                       and ev.quote != src.title), None)
            words = set(plain_tokens(ev.quote)) if ev else set()
            if ev is None or len(words & said) * 2 > len(words):
                continue
            passages.append(ev)
            facts.append(fact.id)
            said |= words
            if len(passages) == _SUMMARY_PASSAGES:
                break
        if not passages:
            return None
        lead = (f"Only {article_name(self.ix, source)} reports these (its own words are quoted below):" if alone is not None
                else f"{src.name} reports, in short (its own words are quoted below):")
        # (what it reports said first, in a line each: the passages alone left the answer to the sources)
        told = "".join(f"\n• {self.fb.fact_by_id[f].statement}" for f in facts)
        return Answer(question, lead + told, "fact",
                      tuple(self.ix._cite(ev.source, ev.quote) for ev in passages), tuple(facts))

    @cached_property
    def _outlet_names(self) -> frozenset[str]:
        """The tokens of the articles' outlets' names."""
        return frozenset(self.ix._analyse(" ".join(self.ix.source_outlet_names), correct=False)[0])

    @cached_property
    def _telling_tokens(self) -> frozenset[str]:
        """The tokens of asking what an article says of the story as a whole: the episode's own
        topic and the words for saying, reporting and summing up."""
        return frozenset(self.ix._analyse(f"{self.fb.meta.topic} {' '.join(_TELLING_WORDS)}", correct=False)[0])

    def _disagreement(self, question: str) -> Answer | None:
        """"Do Vox and DW disagree on why North Korea pulled out?", "which outlets differ on who
        broke the story": the listed disagreement on that topic, each side in its own words. None
        when no listed disagreement is about what the question names."""
        q = analyse(self.ix, _COMPARING.sub(" ", question))
        asked = {t for t in q.tokens if t not in self._outlet_tokens}
        cue = _COMPARING.search(question)
        if not asked and (q.tokens or ARTICLE_WORDS.search(question)):
            return self._differences_overall(question, q, cue)  # "do all the outlets agree?": on nothing in particular
        if not asked or len(asked) == len(q.tokens):
            return None  # the outlets or articles are not what is compared ("when was it compared to that")
        # the disagreements whose topic names all that is asked ("why North Korea pulled out" for
        # "why did NK cancel"), the narrowest first, and one whose topic asks as the question does
        # (the question words of what is compared: "which outlets differ on who broke it" compares who)
        whs = {"?" + w for w in normalize(question[cue.end():]).split() if w in WH_WORDS} if cue else set()
        named = [(bool(whs) and wh_token(normalize(d.topic)) not in whs, len(template.split()), i, d)
                 for i, (d, _, template) in enumerate(self.ix._disc_docs) if d.is_disagreement and asked <= set(template.split())]
        if not named or min(named)[0]:
            # "do the outlets agree on what date the meeting was?": none is listed as differing on it —
            # what they report, if it answers what follows "on" ("when did NK pull out" is not why)
            rest = _ON_TOPIC.sub("", question[cue.end():]) if cue else ""
            told = self._ask(rest) if len(rest.split()) >= 2 else None
            if told is None or not told.answered or getattr(told, "kind", "") in ("premise", "no", "yes") \
                    or any(d.is_disagreement and asked & set(template.split()) for d, _, template in self.ix._disc_docs
                           if d in getattr(told, "disagreements", ())):
                return None  # (an answer the outlets are listed as differing on, on what is asked, says so itself)
            agreeing = cue.group(0).lower() in _AGREEING
            lead = "No — my sources list no disagreement on that: " if q.yes_no and not agreeing else \
                "My sources list no disagreement on that: "
            return replace(told, question=question, text=lead + told.text)
        found = min(named)[3]
        named_first = any(self.ix.mention_at(normalize(found.topic), p) == 0 for p in self.entities_in(found.topic))
        topic = found.topic if named_first else found.topic[0].lower() + found.topic[1:]  # ("Kim Yong Nam's title" keeps its capital)
        lead = "Yes — the" if q.yes_no else "The"
        return Answer(question, f"{lead} outlets differ on {topic}: {found.summary}", "fact",
                      tuple(self.ix._cite(ev.source, ev.quote) for ev in found.sides), tuple(found.facts), disagreements=(found,))

    def _differences_overall(self, question: str, q: Query, cue: re.Match | None) -> Answer | None:
        """"Do all the outlets agree?", "do the articles contradict each other?": where they differ,
        in short (the fact on the differences, by its topic), with "No —"/"Yes —" to a yes or no."""
        overview = next((f for f in self.fb.facts if "differ" in f.topics), None)
        if overview is None:
            return None
        lead = ("No — " if cue.group(0).lower() in _AGREEING else "Yes — ") if q.yes_no and cue else ""
        return replace(fact_answer(self.ix, q, [overview], 1.0, "fact", lead), question=question)

    @cached_property
    def _outlet_tokens(self) -> frozenset[str]:
        """The tokens that only say "the articles" or name an outlet: what a comparison compares, not its topic."""
        return self._outlet_names | frozenset(self.ix._analyse(" ".join(_SOURCE_WORDS + _COVERING_WORDS), correct=False)[0])

    def _correct_relative(self, question: str, asked: str, owner: str, relative: str, right: str) -> Result:
        """"Why did Pence bring Otto Warmbier's mother?": the relative the articles do speak of first
        ("No — not Otto Warmbier's mother: my sources speak of Otto Warmbier's father."), then the
        question asked of them; "what was his mother's name?" only says whom they speak of."""
        owner_p, relative_p = self.fb.person_by_id[owner], self.fb.person_by_id[relative]
        his = {"he": "his", "she": "her"}.get(owner_p.pronoun or "", f"{owner_p.name}'s")  # (the articles give Otto Warmbier none)
        whom = f"{his} {right}" + (f", {relative_p.name}" if relative_p.named else "")
        cites = [self.ix._cite(ev.source, ev.quote) for ev in relative_p.evidence[:1]]
        theirs = [f for f in self.fb.facts if relative in f.people]
        instead = re.sub(rf"\b{re.escape(asked)}\b", right, question, count=1, flags=re.IGNORECASE)
        # Only a question that puts them in the story ("why did Pence bring …") is corrected; "what
        # was Otto Warmbier's mother's name" asks about someone the articles never mention
        told = set().union(*(self.ix.doc_by_fact[f.id].all_tokens for f in theirs))
        if not {t for t in analyse(self.ix, instead).known_tokens if not t.startswith("@")} & told:
            return NotCovered(question, f"My sources don't mention {owner_p.name}'s {asked}; they speak only of {whom}.",
                              (), citations=tuple(cites))
        yes_no = analyse(self.ix, question).yes_no
        fact = next((f for f in theirs if owner in f.people), theirs[0])
        lead = f"{'No — n' if yes_no else 'N'}ot {owner_p.name}'s {asked}: my sources speak of {whom}."
        return self._lead_then_answer(question, lead, fact.id, cites, instead, yes_no)

    def _correct_journey(self, question: str, asked: str, span: tuple[int, int], journey: Journey) -> Result:
        """"What did Pence tell Rogin on his flight to South Korea?": the journey the articles give
        first ("Not on his flight to South Korea: it was on his flight home from South Korea."),
        then the question answered of that journey."""
        fact = self.fb.fact_by_id[journey.fact]
        yes_no = analyse(self.ix, question).yes_no
        where = journey.phrase[0].lower() + journey.phrase[1:]
        words = set(plain_tokens(journey.phrase))
        evidence = max(fact.evidence, key=lambda ev: len(words & set(plain_tokens(ev.quote))))
        return self._lead_then_answer(question, f"{'No — n' if yes_no else 'N'}ot {asked}: it was {where}.", fact.id,
                                      [self.ix._cite(evidence.source, evidence.quote)], question[: span[0]] + where + question[span[1] :], yes_no)

    def _correct_setting(self, question: str, name: str, span: tuple[int, int]) -> Answer:
        """"What was Pence going to discuss at the Tokyo Olympics?": where and when the setting
        really was first, then the question answered of it."""
        setting = self.fb.fact_by_id[self.fb.meta.setting_fact]
        yes_no = analyse(self.ix, question).yes_no
        return self._lead_then_answer(question, f"{'No — n' if yes_no else 'N'}ot the {name}: {setting.statement}", setting.id,
                                      [self.ix._cite(ev.source, ev.quote) for ev in setting.evidence],
                                      question[: span[0]] + name.split()[-1] + question[span[1] :], yes_no,  # "at the Olympics"
                                      repeat=False)

    def _lead_then_answer(self, question: str, lead: str, fact_id: str, cites: list[Citation], instead: str, yes_no: bool,
                          repeat: bool = True) -> Answer:
        """A correction from fact `fact_id` first, then the question as it should have been asked
        (`instead`) answered, if it can be (its "Yes —"/"No —" dropped: the lead gave the verdict).
        `repeat`: whether that answer may be the correcting fact again."""
        lines, facts = [lead], [fact_id]
        answer = self._ask(instead)
        if answer.answered and (repeat or fact_id not in answer.facts):
            lines.append(_VERDICT.sub("", answer.text) if yes_no else answer.text)
            cites = cites + list(answer.citations)
            facts += answer.facts
        return Answer(question, "\n".join(lines), "premise", tuple(dict.fromkeys(cites)), tuple(dict.fromkeys(facts)), 1.0)

    def _correct_owner(self, question: str, name: str, span: tuple[int, int]) -> Result:
        """"Why did Trump's meeting with Kim Yo Jong get called off?": whose meeting it was first,
        then the question answered of that meeting."""
        owner = self.fb.person_by_id[self.fb.meta.episode["people"][0]]
        lead = f"It wasn't {name}'s meeting but {owner.name}'s."
        answer = self._ask(question[: span[0]] + owner.name + question[span[1] :])
        if not answer.answered:
            return NotCovered(question, f"{lead} {answer.text}", answer.suggestions, citations=answer.citations)
        return replace(answer, question=question, text=f"{lead} {answer.text}", kind="premise")

    def _reported_in(self, question: str, asked: str, whether: bool = False) -> Result:
        """"Which article says the meeting was the next morning?": what is asked about, answered, led by
        the articles whose own words report it; a claim none of them makes is corrected instead.
        `whether` ("is X mentioned anywhere?"): the articles that do, led by "Yes —"."""
        phrase = wording_asked(asked)
        if phrase is not None:  # "which article uses the phrase hermit kingdom": the articles' text, read for it
            return printed_in(self.ix, question, phrase)
        checked = self.ask(as_question(asked))
        if checked.answered and checked.kind in ("no", "premise"):
            verdict = checked.text[len("No — "):] if checked.text.startswith("No — ") else checked.text
            return replace(checked, question=question, text=f"None of my sources says that — {verdict}")
        found = self.ask(asked)
        if not found.answered or not found.citations:
            return replace(found, question=question)
        worded = _WORDING.search(question) is not None  # ("which outlet calls him ceremonial": its very word)
        sources, printed = reporting_articles(self.ix, asked, list(analyse(self.ix, asked).known_tokens), found, worded)
        if not sources:
            return replace(found, question=question)
        # the passages of the articles named come first: for words asked about, the sentences that print them
        shown = [self.ix._cite(s, passage) for s in sources if printed and (passage := printed_passage(self.ix, s, printed))]
        cites = tuple(dict.fromkeys(shown + sorted(found.citations, key=lambda c: c.source_id not in sources)))
        lead = articles_lead(self.ix, sources, found, printed is not None, counted=_HOW_MANY_ARTICLES.match(question) is not None)
        if whether and found.kind != "premise":  # "is X mentioned anywhere?": yes, and where
            return replace(found, question=question, text=f"Yes — {lead} {found.text}", citations=cites, kind="yes")
        return replace(found, question=question, text=f"{lead} {found.text}", citations=cites)

    def _as_the_outlet_has_it(self, q: Query, result: Answer) -> Answer:
        """"According to DW, how many hours before did they cancel?": where the outlets are listed as
        differing on what is asked and the one named is a side, the difference is the answer — DW
        says only "at the last minute" — not the others' figure under DW's name."""
        wanted = [t for t in q.known_tokens if not t.startswith("@")]
        fact = self.fb.fact_by_id.get(result.facts[0])
        covers = coverage_by_article(self.ix, wanted, [(ev.source, ev.quote) for ev in (fact.evidence if fact else ())])
        if not covers or covers.get(q.outlet, 0.0) >= max(covers.values()):
            return result  # ("according to Vox, why …": Vox's own words say it as well as any)
        for d in self.ix._disc_by_fact.get(result.facts[0], []):
            if not d.is_disagreement or not any(ev.source == q.outlet for ev in d.sides):
                continue
            said = set(self.ix._analyse(f"{d.topic} {d.summary}", correct=False)[0])
            if wanted and self.ix._coverage(wanted, said) >= _DIFFERENCE_COVER:
                sides = tuple(sorted((self.ix._cite(ev.source, ev.quote) for ev in d.sides), key=lambda c: c.source_id != q.outlet))
                return replace(result, text=f"The outlets differ on this ({d.topic}): {d.summary}", citations=sides,
                               disagreements=(d,))
        return result

    def _ask(self, text: str) -> Result:
        norm = normalize(text).strip(" ?!.")  # (read once for the two kinds of question tried first)
        ordered = order_answer(self.ix, text, norm)  # "was the meeting before or after the ceremony?": an order, not a fact
        if ordered is not None:
            return ordered
        step = step_answer(self.ix, text, norm)  # "what happened after the meeting was called off?": the timeline's next step
        if step is not None:
            return step
        chosen = self._choose(text, norm)
        if chosen is not None:
            return chosen
        parts = split_parts(text) or self._speakers_apart(norm)
        if parts:
            return self._ask_parts(text, parts)
        q = analyse(self.ix, text)
        episode = self._episode_pointed_at(q, norm)
        if episode is not None:
            return replace(self._ask(episode), question=text)
        result = self._decide(q)
        if q.outlet and not q.yes_no and getattr(result, "kind", "") in ("fact", "date") and result.facts:
            result = self._as_the_outlet_has_it(q, result)
        sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
        if not result.answered and len(sentences) > 1 and asks(sentences[-1]):
            # "ok different thing. who is heather nauert": the chat around a question is not part of it
            last = analyse(self.ix, sentences[-1])
            alone = self._decide(last)
            if alone.answered:
                return replace(alone, question=text)
        return result

    def _episode_pointed_at(self, q: Query, norm: str) -> str | None:
        """"When was it", "where did it happen" with nothing before them to point back to: about the
        episode itself — the question with "the meeting" for "it" (None: the question names
        something). In a conversation "it" was read against the talk before this."""
        nouns = self.fb.meta.episode.get("nouns")
        pointer = _POINTER.search(norm) if not q.tokens and not q.dates and nouns else None
        if pointer is None:
            return None
        return f"{norm[:pointer.start()]}the {nouns[0]}{norm[pointer.end():]}"

    def _speakers_apart(self, norm: str) -> tuple[str, ...]:
        """"What did Nauert and Ayers say?": one question for each of two people the articles quote."""
        both = _TWO_SPEAKERS.match(norm)
        if both is None:
            return ()
        named = [self.entities_in(both[side]) for side in ("a", "b")]
        if not all(len(n) == 1 and self.ix.quoted(n[0]) for n in named):
            return ()
        return tuple(f"{both['pre']}{both[side]} {both['verb']}{both['rest']}" for side in ("a", "b"))

    def _correct_roles(self, question: str, words: list, wrong: tuple[WrongRole, ...]) -> Answer:
        """"What did Nick Ayers, Pence's press secretary, say?": the role corrected first, then the
        question answered without it."""
        dropped = {i for w in wrong for i in range(*w.span)}
        rest = _joined([w for i, w in enumerate(words) if i not in dropped])
        lines, cites = [], []
        for w in wrong:
            person = self.fb.person_by_id[w.person]
            said = shown_as(question, w.phrase)
            said = re.sub(r"['’]s$", "", said) if w.outlet else said
            wrong_part = (f"say {person.name} works for {self.fb.person_by_id[w.works_for].name}" if w.works_for
                          else f"place {person.name} at {said}" if w.outlet else f"call {person.name} {said}")
            lines.append(f"My sources don't {wrong_part}. They describe {person.name} as “{person.role}”.")
            cites += [self.ix._cite(ev.source, ev.quote) for ev in person.evidence[:1]]
            holder = self.ix.roles.holder_of(w)
            if holder is not None:  # whom the user may have meant
                meant = self.fb.person_by_id[holder]
                lines[-1] += f" The one they describe as “{meant.role}” is {meant.name}."
                cites += [self.ix._cite(ev.source, ev.quote) for ev in meant.evidence[:1]]
        yes_no = analyse(self.ix, question).yes_no
        if yes_no:
            lines[0] = "No — m" + lines[0][1:]
        answer = self._ask(rest) if rest else None
        facts: tuple[str, ...] = ()
        if answer is not None and answer.answered:
            # (after "No —", the rest's own "yes", "no" or "no plain yes or no" would contradict it)
            lines.append(_VERDICT.sub("", answer.text) if yes_no else answer.text)
            cites += answer.citations
            facts = answer.facts
        return Answer(question, "\n".join(lines), "premise", tuple(dict.fromkeys(cites)), facts, 1.0,
                      person=self.fb.person_by_id[wrong[0].person])

    def _name_word(self, question: str):
        """Whether a word of the question may be part of a name the fact base never uses: no word
        of its own, and written with a capital or no very common English word ("john kelly" may
        be a name, "came along" is not)."""
        written = capitalised(question)
        return lambda w: not self.ix._is_known(w) and (w in written or self.ix.english.zipf(w) < _NAME_ZIPF)

    def _correct_names(self, question: str, words: list, renamed: tuple) -> Result:
        """"What did Pence's chief of staff John Kelly say?": the articles give that role to someone
        else by another name — said first, then the question answered without the name."""
        pid, (start, end) = renamed[0]
        person = self.fb.person_by_id[pid]
        name = _as_a_name(shown_as(question, " ".join(w.text for w in words[start:end])))
        dropped = set(range(start, end)) | ({start - 1} if start and words[start - 1].boundary else set())
        rest = _joined([w for i, w in enumerate(words) if i not in dropped])
        lead = f"My sources don't name {name}; the one they describe as “{person.role}” is {person.name}."
        q = analyse(self.ix, question)
        if q.yes_no or (q.wh is None and question.rstrip().endswith("?")):  # ("his chief of staff was John Kelly?" asks too)
            lead = "No — m" + lead[1:]
        cites = [self.ix._cite(ev.source, ev.quote) for ev in person.evidence[:1]]
        answer = self._ask(rest) if rest else None
        if answer is None or not answer.answered:
            return Answer(question, lead, "premise", tuple(cites), (), 1.0, person=person)
        said = _VERDICT.sub("", answer.text)
        return replace(answer, question=question, text=f"{lead}\n{said}", kind="premise",
                       citations=tuple(dict.fromkeys([*cites, *answer.citations])))

    def _name_of_someone_named(self, question: str) -> Result | None:
        """"Whats his name again" (read as "whats Nick Ayers's name again"), "pence chief of staff
        name?": the name of someone the question already names — who they are. None for the name of
        someone the articles know only as "Otto Warmbier's father", which they never give, or for a
        part of a name ("messinis's full name"), which they may give only as an initial."""
        named = _NAME_ASKED.match(" ".join(w for w in normalize(question).strip(" ?!.").split() if not self.ix.english.is_filler(w)))
        if named is None or named["who"].split()[-1] in ("full", "first", "last", "middle", "real"):
            return None
        whose = named["who"]
        people = [p for p in self.entities_in(whose) if self.fb.person_by_id[p].kind == "person"
                  and "'" not in self.fb.person_by_id[p].name and not self._relative_named(whose, p)]
        return replace(self.ask(f"who is {whose}"), question=question) if len(people) == 1 else None

    def _described(self, question: str, pid: str, kind: str, lead: str = "", tail: str = "") -> Answer:
        """Someone's role in the articles' words, cited: "Yes — my sources describe Heather Nauert as …"."""
        person = self.fb.person_by_id[pid]
        return Answer(question, first_upper(f"{lead}my sources describe {person.name} as “{person.role}”{tail}."), kind,
                      tuple(self.ix._cite(ev.source, ev.quote) for ev in person.evidence[:1]), (), 1.0, person=person)

    def _relative_named(self, words: str, pid: str) -> bool:
        """Whether `words` name a relative of the person rather than the person: "otto warmbier s dad"
        (a word of kin outside the words that name them), not "kim jong un s sister" (her name)."""
        span = self.ix.mention(words, pid)
        outside = words if span is None else words[: span[0]] + " " + words[span[1]:]
        kin = self.ix.english.kin_gender  # ("dads": a possessive typed without its apostrophe)
        return any(w in kin or (w.endswith("s") and w[:-1] in kin) for w in outside.split())

    def _cleft_stranger(self, question: str) -> Result | None:
        """"Was it Kamala Harris who was to meet North Korea?", "was it Tillerson who led the
        delegation": someone the articles never mention, put in the place of whoever did it —
        "No — my sources don't mention Kamala Harris", then who did, asked without the name."""
        cleft = _CLEFT.match(normalize(question))
        if cleft is None or QUOTED.search(question):
            return None  # (words put to someone are the quote stage's: whose words they are)
        name_word = self._name_word(question)
        put = cleft["name"].split()
        # (a people the articles never mention is as much a stranger: "was it the chinese who canceled?")
        strangers = [w for w in put if name_word(w) or (w not in STOPWORDS and not self.ix._is_known(w) and self.ix.english.zipf(w))]
        if not strangers or not all(w in strangers or w in self.ix.roles.group or w in _TITLES or w in ("the", "a") for w in put):
            return None  # "was it pence who …": someone they do mention, for the claims to check
        answer = self.ask(f"who {cleft['rest']}")
        if not answer.answered:
            return None
        name = ("the " if put[0] == "the" else "") + _as_a_name(shown_as(question, " ".join(strangers)))
        return replace(answer, question=question, text=f"No — my sources don't mention {name}. {_VERDICT.sub('', answer.text)}",
                       kind="premise")

    def _correct_outlets(self, question: str, words: list, outlets: tuple) -> Result:
        """"Which New York Times reporter broke the story?": an outlet the articles never mention
        is said to be none of theirs first, then the question is answered without it."""
        done = next(iter(unmentioned_actor(self.ix, analyse(self.ix, question))), None)
        if done is not None and done.route >= STATED_WRONG_COVER:
            return replace(done.result(), question=question)  # "did CNN break the story?": no, the Washington Post did
        dropped = {i for _, span in outlets for i in range(*span)}
        rest = _joined([w for i, w in enumerate(words) if i not in dropped])
        names = listed(list(dict.fromkeys(("the " if words[span[0]].text == "the" else "") + self.ix.roles.shown(question, name)
                                          for name, span in outlets)))
        lead = f"My sources don't mention {names}."
        spoke = any(SPEECH_VERB.fullmatch(w.text) for _, (_, end) in outlets for w in words[end : end + 2])
        # ("what did Nauert write in her Facebook post?": someone else is named, who still speaks)
        answer = self._ask(rest) if rest and (not spoke or self.entities_in(rest)) else None
        if answer is None:  # "what did the BBC say?": without its speaker the rest asks nothing
            return NotCovered(question, lead, ())
        said = _VERDICT.sub("", NOTHING_SPECIFIC.sub("", answer.text))
        yes_no = analyse(self.ix, question).yes_no
        if yes_no and not said.startswith(("What they do say", "The closest they come")):
            # "Did CNN report it?": silence about CNN is no "no"; what the sources do say instead
            said = f"What they do say: {said}"
        if answer.answered:
            return replace(answer, question=question, text=f"{lead} {said}", kind="premise")
        if answer.citations and not yes_no:  # "which NYT reporter broke the story?": whoever the sources say did
            return Answer(question, f"{lead} {said}", "premise", answer.citations, answer.facts, 0.5)
        return NotCovered(question, f"{lead} {said}" if answer.citations else lead, answer.suggestions, citations=answer.citations)

    def _scored(self, q: Query) -> list[Scored]:
        """The stages after analyse: every candidate, scored and ordered."""
        return score_all(self.ix, q, generate(self.ix, q), self._w, self._r)

    def _decide(self, q: Query) -> Result:
        return decide(self.ix, q, self._scored(q), self._d)

    def _ask_parts(self, question: str, parts: tuple[str, ...]) -> Result:
        """Each question of the message answered on its own, in order; a part that points back
        ("and what did he say?") reads the names of the part before it."""
        results: list[Result] = []
        previous: Query | None = None
        for text in parts:
            reading = read(self.ix, text)  # (analysed in full only when it is the part's own question)
            referent = self._referent(text, previous, results[-1]) if previous is not None and not reading.entities else None
            if referent is not None and points_back(text):
                part = analyse(self.ix, _resolve(text, referent))
            elif (previous is not None and len(reading.known_tokens) <= 1 and not (reading.entities or reading.unknown)
                  and len(previous.known_tokens) >= 2):
                # "… and on what date?": about what the part before asked
                part = _about_part_before(self.ix, text, previous)
            else:
                part = query_of(self.ix, reading)
            episode = self._episode_pointed_at(part, part.norm)
            if episode is not None:
                # "which rocket test put the area on edge, and when was it?": "it" is the thing the part
                # before named; "who were the north koreans, when was it": no thing — the meeting
                named_a_thing = previous is not None and any(not t.startswith("@") for t in previous.known_tokens)
                part = _about_part_before(self.ix, text, previous) if named_a_thing else analyse(self.ix, episode)
            results.append(self._decide(part))
            previous = part
        answered = [r for r in results if r.answered]
        if not answered:  # none of the parts alone: the message as a whole may still match
            q = analyse(self.ix, question)
            return self._decide(q)
        if len(answered) == 1 and len(results) == 1:
            return answered[0]
        text = "\n".join(dict.fromkeys(r.text for r in results))  # (two parts one fact answers get it once)
        cites = tuple(dict.fromkeys(c for r in answered for c in r.citations))
        facts = tuple(dict.fromkeys(f for r in answered for f in r.facts))
        first = answered[0]
        return Answer(question, text, "parts", cites, facts, min(r.confidence for r in answered),
                      tuple({d.id: d for r in answered for d in getattr(r, "disagreements", ())}.values()),
                      quotes=tuple(x for r in answered for x in getattr(r, "quotes", ())),
                      person=getattr(first, "person", None))

    def _choose(self, question: str, norm: str) -> Answer | None:
        """"Who cancelled the meeting, North Korea or Pence?": each option asked as a yes or no
        ("did North Korea cancel the meeting?"); when exactly one is a yes, that one, with why.
        `norm`: the question normalised, without its end punctuation."""
        found = _CHOICE.match(norm)
        if found is None:
            return None
        options = [found.group("a"), found.group("b")]
        named = [self.entities_in(o) for o in options]
        if not all(len(ids) == 1 for ids in named):
            return None
        verdicts = [self._ask(f"did {option} {found.group('rest')}") for option in options]
        yes = [(ids[0], v) for ids, v in zip(named, verdicts) if getattr(v, "kind", "") == "yes"]
        if len(yes) != 1:
            return None
        pid, verdict = yes[0]
        return replace(verdict, question=question, text=f"{self.fb.person_by_id[pid].name} — " + _VERDICT.sub("", verdict.text), kind="fact")

    def _referent(self, text: str, previous: Query, answer: Result) -> str | None:
        """Whom a part's pronoun means: someone the part before named, else someone its answer
        named ("Who led the US delegation, and whose father did he travel with?": not the
        delegation but Pence). "He" and "she" are people the articles do not call otherwise."""
        named = list(previous.entities)
        brought = [p for f in answer.facts if f in self.fb.fact_by_id for p in self.fb.fact_by_id[f].people
                   if p in self.ix.named_in[f] and p not in named]
        personal = PERSONAL_PRONOUN.search(normalize(text))
        wanted = PRONOUN_GENDER[personal.group(1)] if personal else None
        for pid in dict.fromkeys([*named, *brought]):
            person = self.fb.person_by_id[pid]
            if not wanted or (person.kind == "person" and person.pronoun in (wanted, None)):
                return person.name
        return None

    def explain(self, question: str) -> dict:
        """What each stage decided, for `factbot ask --explain`."""
        q = analyse(self.ix, clip(question))
        out: dict = {"analyse": {"tokens": list(q.tokens), "known": list(q.known_tokens), "entities": list(q.entities),
                                 "dates": list(q.dates), "answer_type": q.answer_type, "yes_no": q.yes_no,
                                 "unknown": [{"word": w, "zipf": z} for w, z in q.unknown], "outlet": q.outlet,
                                 "parts": list(q.parts)}}
        scored = self._scored(q)
        out["decision_score"] = round(decision_score(scored, q, self._d), 3) if scored else None
        if scored:
            why = self._d.contributions(decision_features(scored, q))
            out["decision_why"] = dict(sorted(((n, round(v, 3)) for n, v in why.items() if abs(v) >= 0.001),
                                              key=lambda x: -abs(x[1]))[:10])
        top = []
        for s in scored[:5]:
            contrib = sorted(((name, round(self._w.get(name, 0.0) * v, 3)) for name, v in s.x.items() if self._w.get(name)),
                             key=lambda x: -abs(x[1]))
            top.append({"kind": s.cand.kind, "facts": list(s.cand.facts), "score": round(s.score, 3),
                        "route": round(s.cand.route, 3), "why": dict(contrib[:8])})
        out["candidates"] = top
        result = self.ask(question)
        out["decision"] = {"answered": result.answered, "kind": getattr(result, "kind", "not covered"),
                           "facts": list(result.facts), "text": result.text}
        return out

    def entities_in(self, text: str) -> list[str]:
        """Ids of the people and organisations a text names (misspellings included), in order."""
        return self.ix._analyse(self.ix.unglued(normalize(clip(text))), correct=True)[1]  # ("and voxs?": Vox's)

    def suggestions(self, text: str, limit: int = 25) -> list[str]:
        """Known questions that match what the user has typed so far (for autocomplete)."""
        text = normalize(clip(text))
        if not text:
            return list(self.known_questions[:limit])
        hits = process.extract(text, self.known_questions, scorer=fuzz.WRatio, processor=normalize, limit=limit, score_cutoff=50)
        return [h[0] for h in hits]

    def find_person(self, name: str) -> PersonMatch:
        return self.ix.find_person(name)

    @property
    def quotes_by_speaker(self) -> dict[str, list[Quote]]:
        return self.ix.quotes_by_speaker

    @property
    def quote_by_id(self) -> dict[str, Quote]:
        return self.ix.quote_by_id

    def quotes_answer(self, question: str, speaker: str, chosen: list[Quote]) -> Answer:
        """An answer that gives `chosen` quotes of `speaker`, as a quote question would."""
        return _quotes_answer(self.ix, analyse(self.ix, clip(question)), speaker, chosen)

    def find_quotes(self, query: str) -> list[Quote]:
        if not query.strip():
            return list(self.fb.quotes)
        match = self.find_person(query)
        if match.person is not None:
            return list(self.quotes_by_speaker.get(match.person.id, []))
        scored = []
        norm = normalize(clip(query))
        for quote, searchable in self.ix._quote_search:
            score = fuzz.partial_ratio(norm, searchable)
            if score >= 80:
                scored.append((score, quote))
        return [q for _, q in sorted(scored, key=lambda x: -x[0])]

    def speakers(self) -> list[Person]:
        return [self.fb.person_by_id[pid] for pid in self.quotes_by_speaker]

    def timeline(self, date_from: str | None = None, date_to: str | None = None, person: str | None = None) -> list[Event]:
        lo = self._date_bound(date_from, "from") if date_from else None
        hi = self._date_bound(date_to, "to") if date_to else None
        pid = None
        if person:
            match = self.find_person(person)
            if match.person is None:
                hint = f" Did you mean {', '.join(match.suggestions)}?" if match.suggestions else ""
                raise ValueError(f"no one called {person!r} appears in the timeline.{hint}")
            pid = match.person.id
        events = []
        for e in self.fb.events:
            start, end = e.span()
            if lo and end < lo or hi and start > hi:
                continue
            if pid and pid not in e.people:
                continue
            events.append(e)
        return events

    def _date_bound(self, text: str, which: str) -> str:
        dates = parse_dates(normalize(text), self.fb.meta.default_year)
        if not dates:
            day = self.fb.meta.examples.date
            raise ValueError(f"can't read {text!r} as a date; use e.g. {day} or '{typed_day(day)}'")
        start, end = date_span(dates[0])
        return start if which == "from" else end

    def compare_topics(self) -> list[str]:
        return [d.topic for d in self.fb.discrepancies]

    def compare(self, topic: str) -> Comparison | None:
        q = analyse(self.ix, clip(topic))
        wanted = list(q.tokens) + ([q.wh] if q.wh else [])
        if not q.tokens:
            return None
        scored = []
        for d, have, template in self.ix._disc_docs:
            score = 0.75 * self.ix._coverage(wanted, have) + 0.25 * fuzz.token_sort_ratio(" ".join(q.tokens), template) / 100
            scored.append((score, d))
        best_score, best = max(scored, key=lambda x: x[0])
        if best_score < self.COMPARE_ACCEPT:  # no listed disagreement: what each outlet says of the closest fact
            docs = related_docs(self.ix, q, 1)
            if not docs or self.ix._coverage(wanted, docs[0].all_tokens) < self.COMPARE_ACCEPT:
                return None
            return self._comparison(topic, None, [docs[0].fact], ())
        facts = [self.fb.fact_by_id[f] for f in best.facts]
        return self._comparison(best.topic, best.summary, facts, tuple(best.sides), best)

    def _comparison(self, topic, summary, facts, sides, disc: Discrepancy | None = None) -> Comparison:
        per: dict[str, list[str]] = {s.id: [] for s in self.fb.sources}
        for ev in list(sides) + [ev for f in facts for ev in f.evidence]:
            if ev.quote not in per[ev.source]:
                per[ev.source].append(ev.quote)
        rows = tuple((outlet_name(self.fb.source_by_id[s].outlet) + (f" ({s})" if self.fb.source_by_id[s].outlet == "unknown" else ""),
                      self.fb.source_by_id[s].file, tuple(qs)) for s, qs in per.items() if qs)
        silent = tuple(self.fb.source_by_id[s].outlet for s, qs in per.items() if not qs)
        return Comparison(topic, summary, rows, silent, disc)


# "do the outlets disagree", "how do Vox and DW differ", "compare the articles on …"
_COMPARING = re.compile(r"\b(?:disagree\w*|differ\w*|difference\w*|contradict\w*|compare[sd]?|comparing|comparison|discrepanc\w*|conflict\w*"
                        r"|agree|agreed|agreement|consistent)\b", re.IGNORECASE)
_AGREEING = ("agree", "agreed", "agreement", "consistent")
_ON_TOPIC = re.compile(r"^\W*(?:with each other |each other |with one another )?(?:on|about|over|in|regarding|as to|as for|when it comes to)\s+",
                       re.IGNORECASE)
_TELLING_WORDS = ("say", "says", "said", "report", "reports", "reported", "article", "piece", "cover", "covers", "covered", "about",
                  "happen", "happened", "story", "summary", "summarize", "summarise", "sum", "tldr", "gist", "overview", "main",
                  "point", "points", "version", "account", "tell", "describe", "mention", "content", "contents",
                  # "what's Vox's take on the whole thing", "DW's angle"
                  "take", "angle", "spin", "framing", "frame", "perspective", "view", "whole", "thing", "overall")
_TELLS = re.compile(r"\b(?:say|says|said|report\w*|article|piece|story|about|cover\w*|summar\w*|sum up|tl ?dr|gist|overview|"
                    r"happen\w*|account|version|contents?|mention\w*|describe\w*|take|angle|spin|fram\w+|perspective|view)\b")
# "… that the others don't", "… that no other article does", "only": what one article alone reports
_ALONE = re.compile(r"\s*\b(?:that|which)\s+(?:the\s+)?(?:other (?:two|ones?|articles?|outlets?|sources?)|others?|no other (?:article|outlet|source)s?)"
                    r"(?:\s+(?:don t|do not|dont|didn t|did not|does not|doesn t|don t say|lack|miss))?\b|\b(?:only|alone)\b")
_OTHER_WH = frozenset(WH_WORDS) - {"what"}  # ("according to the first article, why …" asks why)
_PASSAGE_WORDS = 6  # a passage this long says something; a shorter one ("Politics", a caption credit) does not
_SUMMARY_PASSAGES = 3  # how many of an article's passages tell what it reports (as many as a reply on a phone shows)
_NAME_ZIPF = 5.45  # a word commoner than this ("came", "told", "says") is no one's name unless written with a capital ("john": 5.38)
_SOURCE_WORDS = ("outlet", "outlets", "article", "articles", "source", "sources", "report", "reports", "paper", "papers", "coverage")
# how an outlet tells the story is what a comparison compares, not its topic ("compare how Vox and DW cover it")
_COVERING_WORDS = ("cover", "covers", "covered", "covering", "handle", "handles", "handled", "treat", "treats", "treated",
                   "portray", "portrays", "portrayed", "frame", "frames", "framed", "framing", "tell", "tells", "told")


def _joined(words: list) -> str:
    """The question's words (roles.Word) back into a sentence, without the commas left empty."""
    rest = " ".join(w.text for w in words)
    return re.sub(r"\s+([,;:?!.)])", r"\1", re.sub(r"(?:,\s*)+(?=[,?!.]|$)", "", rest)).strip(" ,")


def _resolve(text: str, name: str) -> str:
    """A part's first pronoun read as the name the part before it used."""
    text, n = _POSSESSIVE.subn(name + "'s", text, count=1)
    if n:
        return text
    return _PRONOUN.sub(name, text, count=1)
