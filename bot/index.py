"""The fact base as the engine reads it: names and their misspellings, the lexicon, the
vocabulary, word weights (IDF), and every fact, claim and quote as token sets. Built once per
fact base; `Index.tokens_of` turns any text into the same kind of tokens.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from bot.english import English
from bot.roles import RoleChecker
from bot.facts import Discrepancy, Fact, FactBase, Person, Quote
from bot.results import Citation, PersonMatch
from bot.text import OBJECT_LEADS, SEPARABLE, QUOTE_WORDS, STOPWORDS, WH_WEIGHT, clip, cue_pattern, normalize, plain_tokens, stem, wh_token


# "On his flight home from South Korea", "during their trip to Japan"
JOURNEY_IN_FACT = re.compile(r"\b(?i:on|during) (?:his|her|their|the) (?:flight|way|trip|journey)(?: home| back)? "
                             r"(?P<dir>from|to) (?P<place>[A-Z][\w-]*(?: [A-Z][\w-]*)*)")


@dataclass(frozen=True)
class Journey:
    fact: str  # id of the fact that says it
    phrase: str  # as the fact says it: "On his flight home from South Korea"
    direction: str  # "from" or "to"
    places: frozenset[str]  # ids of the places it names
    people: frozenset[str]  # the fact's people


@dataclass
class _Doc:
    """One retrievable unit (a fact) as token sets."""

    fact: Fact
    tokens: frozenset[str]
    entities: frozenset[str]
    templates: tuple[str, ...]
    counts: dict[str, int]  # token -> occurrences in statement, questions and evidence (for BM25)
    evidence_tokens: frozenset[str]  # the words of the article passages that back it
    topics: frozenset[str] = frozenset()  # the tokens of what the fact is about (its `topics`)

    def __post_init__(self):
        self.all_tokens = self.tokens | {"@" + e for e in self.entities}
        self.with_evidence = self.all_tokens | self.evidence_tokens
        self.length = sum(self.counts.values())


@dataclass(frozen=True)
class _GapDoc:
    """A detail a fact leaves open ("say where the summit was held"), as token sets."""

    doc: _Doc
    phrase: str
    own: frozenset[str]  # the phrase's own words (and question word)
    tokens: frozenset[str]  # those and the fact's
    template: str
    wh: str | None
    distinct: frozenset[str] = frozenset()  # its telling words: not the fact's, not common in the fact base
    topic: frozenset[str] = frozenset()  # the fact's own telling words: a question must be about this fact


QUOTE_REPORTED = 0.6  # share of a quote's words a fact's passages must hold for the fact to report that quote
REACTION_WINDOW = 6  # words between a name and a reaction word for the reaction to be theirs
NAMESAKE_ZIPF = 4.0  # a first name is rarer than this as an English word ("ivanka" 2.9; "mr", "lol" are not)
BARE_POSSESSIVE_ZIPF = 3.0  # "uns" (2.8), "nauerts" are a name and its "s"; "sisters", "presidents", "trumps" (3.5) are words
GAP_COMMON_DF = 7  # a word in more facts than this ("meet", "cancel") does not tell an open detail apart
_FOLK_WORDS = ("people", "peoples", "persons", "folks", "guys")  # "north korea people": the North Koreans
_CREW_WORDS = ("people", "team", "camp", "staff", "side", "folks", "guys", "aides", "crew", "entourage", "office")  # "pence s people"
_NUMBER_WORDS = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens?|hundreds?|thousands?)"


@lru_cache(maxsize=512)
def _count_pattern(root: str) -> re.Pattern:
    return re.compile(rf"\b{_NUMBER_WORDS}\s+(?:\w+\s+){{0,3}}{re.escape(root)}", re.I)


@dataclass(frozen=True)
class Weighed:
    """Tokens with weights: `cover(have)` is the weighted share of them that `have` contains."""

    pairs: tuple[tuple[str, float], ...]
    total: float

    def cover(self, have) -> float:
        if not self.total:
            return 0.0
        matched = 0.0
        for t, w in self.pairs:
            if t in have:
                matched += w
        return matched / self.total


@dataclass
class _ClaimDoc:
    fact: Fact
    text: str
    holds: bool
    tokens: frozenset[str]
    entities: frozenset[str]
    subject: str | None = None  # who or what the claim is about first: "@pence", or "us" in "the US apologized"
    action: str | None = None  # the word after it: "cancel" in "Pence canceled the meeting"

    def __post_init__(self):
        # whom it is about: its own names and its fact's people ("was the Pence meeting secret": Pence is the fact's)
        self.context = self.entities | frozenset(self.fact.people)
        self.context_tokens = frozenset("@" + e for e in self.context)



_SLIP_ZIPF = 3.0  # how common an English word must be to be what a typo meant (about "medals")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_slip(word: str) -> set[str]:
    """Every string one letter dropped, doubled-up, swapped, changed or added away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in _LETTERS} | {a + c + b for a, b in splits for c in _LETTERS})


_GLUED_POSSESSIVE = re.compile(r"(?<=\w)['’]s(?=[^\w\s])")
_LOCATIVE = re.compile(r"\b(?:in|at|aboard|from)\s+(?:the\s+|his\s+|her\s+)?")  # "pressure on North Korea" puts nothing there
IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?")  # where a statement itself puts what it tells ("in Japan", "at the ceremony")


class Index:
    """Everything about one FactBase that answering needs, as tokens. Build once."""

    def __init__(self, fb: FactBase):
        self.fb = fb
        self.english = English()
        self._init_caches()
        self._index_lexicon(fb.lexicon)
        self._aliases = self._build_aliases(fb.people)
        # each one's aliases as normalised text, in the aliases' order (where a text names someone is asked per question)
        self._alias_texts: dict[str, list[str]] = {}
        for key, pid in self._aliases.items():
            self._alias_texts.setdefault(pid, []).append(" ".join(key))
        self._aliases_words = frozenset(w for key in self._aliases for w in key)
        self._aliases_word_list = sorted(self._aliases_words)  # (what a word is fuzzily compared with)
        self._alias_starts = frozenset(key[0] for key in self._aliases if len(key) > 1)  # where a name of several words can begin
        self.role_token = self._canon_token("role")  # "what's his job": what a person's card answers
        self.roles = RoleChecker(fb.people, self._aliases, self.english.roles, self.english.news_outlets, self.english.institutions,
                                 self.english.casual)
        self._vocab: set[str] = set()
        self._raw_vocab: set[str] = set()
        self._raw_stems: frozenset[str] | None = None  # their stems, for reading a typo (worked out when one is first met)
        disputed = {fid for d in fb.discrepancies for fid in d.facts}
        self.docs = [self._fact_doc(f, f.id in disputed) for f in fb.facts]
        self.claims = [self._claim_doc(f, c.text, c.holds) for f in fb.facts for c in f.claims]
        self.claim_doers = frozenset(c.subject for c in self.claims if c.subject)  # who the claims say did something ("@pence", "us")
        self.gaps = [self._gap_doc(d, phrase) for d in self.docs for phrase in d.fact.unsaid]
        self._gap_types: dict[str, str] = {}
        self._index_vocabulary()
        self._index_idf()
        common = math.log(1 + len(self.docs) / GAP_COMMON_DF)
        self.gaps = [replace(g, distinct=frozenset(t for t in g.own - g.doc.all_tokens
                                                   if not t.startswith("?") and self._idf.get(t, 99.0) > common),
                             topic=frozenset(t for t in g.doc.all_tokens if not t.startswith("?") and self._idf.get(t, 99.0) > common
                                             and (not t.startswith("@") or t in g.own)))  # "what's Ayers's name" is not the defectors'
                     for g in self.gaps]
        # Each fact's statement in plain words: "the opening ceremony" is a thing the articles speak of,
        # so "the closing ceremony" is another one (bot.analyse: Query.other_thing)
        self.plain_statements = {f.id: f" {normalize(f.statement)} " for f in fb.facts}
        self._statement_tokens: dict[str, frozenset[str]] = {}
        # the tokens of words for liking or feeling something: a claim with one speaks of a feeling
        self.feeling_tokens = frozenset(self._canon_token(w) for w in self.english.attitude_words)
        self._plain_text = " ".join(self.plain_statements.values())
        self.country_names = {p.name.lower(): p.name for p in fb.people if p.kind == "country"}  # as plain words → as written
        self.reported_in: dict[str, list[_Doc]] = {}  # the facts that report someone's words (`said_by`), by person
        for d in self.docs:
            for pid in d.fact.said_by:
                self.reported_in.setdefault(pid, []).append(d)
        self.quotes_by_speaker: dict[str, list[Quote]] = {}
        for q in fb.quotes:
            if q.speaker:
                self.quotes_by_speaker.setdefault(q.speaker, []).append(q)
        # A quote that is a fragment of another of its speaker's ("the last minute." of "At the last
        # minute, …"): not another thing they said
        plain = {q.id: normalize(q.text) for q in fb.quotes}
        self.quote_fragments = frozenset(x.id for said in self.quotes_by_speaker.values() for x in said
                                         if any(x is not y and plain[x.id] in plain[y.id] for y in said))
        # Normalised once: every outlet's wording of each quote, and quote + speaker + context for search.
        self._quote_wordings = [(q, [normalize(t) for t in [q.text, *(v.text for v in q.versions)]]) for q in fb.quotes]
        self._quote_search = [(q, normalize(f"{q.text} {fb.name_of(q.speaker) or ''} {q.context}")) for q in fb.quotes]
        self._quote_tokens = {q.id: set(self._analyse(q.text + " " + q.context, correct=False)[0]) for q in fb.quotes}
        self._roles = [(p, self._role_tokens(p)) for p in fb.people]
        self._role_of = {p.id: tokens for p, tokens in self._roles}
        # What a card answers: its role's words, and what the bodies named in the role are
        # ("Washington Post journalist" answers "which paper is he with": the Post is a newspaper).
        self.card_tokens = {pid: tokens.union(*(w for t in tokens if t.startswith("@")
                                                for w in [{x for x in self._role_of.get(t[1:], ()) if not x.startswith("@")}]))
                            for pid, tokens in self._role_of.items()}
        self.card_asks = frozenset({self._canon_token("role"), self._canon_token("title")})  # "nauert title", "ayers job"
        # A role given in relation to someone ("Chief of staff to Vice President Pence"): the role's
        # words before each name in it, by whom (what "who was the VP's top aide" is matched against)
        self.role_heads: dict[str, dict[str, frozenset[str]]] = {}
        for p in fb.people:
            said = normalize(p.role)
            for other in {t[1:] for t in self._role_of.get(p.id, ()) if t.startswith("@")} - {p.id}:
                at = self.mention(said, other)
                if at:
                    self.role_heads.setdefault(p.id, {})[other] = frozenset(said[: at[0]].split())
        # A family tie asked about ("related", "brother") → the ties a card must give to answer it
        ties = [frozenset(self._canon_token(w) for w in tie) for tie in self.english.kin_ties]
        self.kin_asks = {t: tie for tie in ties for t in tie}
        self.kin_asks.update({self._canon_token(w): frozenset().union(*ties) for w in self.english.kin_general})
        # "Kim Yo Jong's brother" is the one whose sister her role says she is: a tie a role gives,
        # read from the other side
        kin: dict[tuple[str, int], str] = {}
        for p in fb.people:
            for k, words in enumerate(self.english.kin_ties):
                # "Sister of North Korean leader Kim Jong Un", "Father of Otto Warmbier; travelled with Pence"
                found = re.search(r"\b(?:" + "|".join(map(re.escape, words)) + r")\s+of\s+([^;,.()]+)", p.role, re.I)
                if found is None:
                    continue
                named = [e for e in self._analyse(found.group(1), correct=False)[1] if fb.person_by_id[e].kind == "person" and e != p.id]
                if named:  # they are p's <inverse tie> (p as their <tie> is in p's own aliases: "Kim Jong Un's sister")
                    kin.setdefault((p.id, self.english.kin_inverse[k]), named[-1])
        self.kin_of = frozenset(pid for (pid, _), other in kin.items() for pid in (pid, other))  # everyone in a tie the articles give
        # ("Otto Warmbier's mother" is not his father: a tie word of the other gender names no one)
        kin_names = []
        for (pid, k), other in kin.items():
            if fb.person_by_id[other].kind == "person":
                words, _ = self.english.kin_words(k, fb.person_by_id[other].pronoun)
                kin_names.append((re.compile(rf"\b(?:{self._names_of(pid)})\s+(?:s\s+)?(?:" + "|".join(map(re.escape, words)) + r")\b"),
                                  " ".join(plain_tokens(fb.person_by_id[other].name)), tuple(words)))
        # "Otto Warmbier's mother", "Kim Jong Un's brother": the relative the articles give is of the
        # other gender (each tie read both ways): (pattern of the wrong words after the owner's name,
        # the owner, the relative, the word for the relative)
        self.wrong_relatives: list[tuple[re.Pattern, str, str, str]] = []
        wrong_words: set[str] = set()
        for (pid, k), other in kin.items():
            for owner, tie, relative in ((pid, k, other), (other, self.english.kin_inverse[k], pid)):
                gender = fb.person_by_id[relative].pronoun
                fits, wrong = self.english.kin_words(tie, gender)
                right = next((w for w in fits if self.english.kin_gender.get(w) == gender), None)  # "father", not "parent"
                if wrong and right:
                    wrong_words.update(wrong)
                    self.wrong_relatives.append((re.compile(rf"\b(?:{self._names_of(owner)})\s+(?:s\s+)?({'|'.join(map(re.escape, wrong))})\b"),
                                                 owner, relative, right))
        self.wrong_relative_cue = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(wrong_words)))})\b", re.IGNORECASE) if wrong_words else None
        # Who speaks for a body the articles never quote itself: the one quoted person whose role
        # names it ("State Department spokeswoman" Heather Nauert for the State Department).
        voices: dict[str, list[str]] = {}
        for pid in self.quotes_by_speaker:
            for t in self._role_of.get(pid, ()):
                if t.startswith("@") and t[1:] not in self.quotes_by_speaker and fb.person_by_id[t[1:]].kind == "organisation":
                    voices.setdefault(t[1:], []).append(pid)
        self.speaks_for = {org: ids[0] for org, ids in voices.items() if len(ids) == 1}
        self.doc_by_fact = {d.fact.id: d for d in self.docs}
        self.quote_by_id = {q.id: q for q in fb.quotes}
        # The quotes a fact reports in its own words: from someone it attributes its words to, most
        # of the quote's words in its article passages ("who did he say that to?" after the fact).
        self.reported_quotes: dict[str, tuple[str, ...]] = {}
        for d in self.docs:
            found = []
            for speaker in d.fact.said_by:
                for quote in self.quotes_by_speaker.get(speaker, ()):
                    words = set(self._analyse(quote.text, correct=False)[0])
                    if words and len(words & d.evidence_tokens) >= QUOTE_REPORTED * len(words):
                        found.append(quote.id)
            if found:
                self.reported_quotes[d.fact.id] = tuple(dict.fromkeys(found))
        # Which facts hold each token (a question only needs to look at those), and each word's
        # share of every fact's coverage and BM25, so a question sums a few postings instead of
        # scoring every fact word by word.
        self.fact_postings: dict[str, list[int]] = {}
        self._cover_postings: dict[str, list[int]] = {}
        self._bm25_postings: dict[str, list[tuple[int, float]]] = {}
        for i, d in enumerate(self.docs):
            for t in d.all_tokens | set(d.counts):
                self.fact_postings.setdefault(t, []).append(i)
            for t in d.all_tokens:
                self._cover_postings.setdefault(t, []).append(i)
            for t, tf in d.counts.items():
                self._bm25_postings.setdefault(t, []).append((i, self._bm25_term(t, tf, d.length)))
        self._sorted_templates = [tuple(" ".join(sorted(t.split())) for t in d.templates) for d in self.docs]
        self.claim_postings: dict[str, list[int]] = {}
        for i, c in enumerate(self.claims):
            for t in c.tokens | {"@" + e for e in c.entities} | {"@" + p for p in c.fact.people}:
                self.claim_postings.setdefault(t, []).append(i)
        # "in South Korea", "on his flight home": a place the articles name, as where something was
        self.place_pattern = re.compile(r"\b(?:in|at|aboard|on|from|to|reaching)\s+(?:the\s+|his\s+|her\s+)?(?:"
                                        + "|".join(map(re.escape, fb.meta.places)) + r")\b", re.I)
        # A news outlet named in a text ("the Washington Post's Josh Rogin"), as the articles write it
        outlet_names = {n for p in fb.people if p.id in self.roles.known_outlets for n in (p.name, *p.aliases)}
        self.outlet_pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(outlet_names, key=len, reverse=True))) + r")\b"
                                         if outlet_names else r"(?!)")
        # The outlets of the articles themselves, by every name ("Vox", "Deutsche Welle"): a question
        # that names one may ask what that article says
        self.source_outlet_names = tuple(sorted({n for p in fb.people if p.publishes for n in (p.name, *p.aliases)}, key=len, reverse=True))
        # ("dws angle": a possessive typed without its apostrophe)
        self.source_outlet_pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, self.source_outlet_names)) + r")s?\b", re.I) \
            if self.source_outlet_names else re.compile(r"(?!)")
        # Names a question gives by their relation to someone, rewritten (in this order) before it is
        # read: "north korea people" are the North Koreans, not the people of the story; "pence s
        # people" (or camp, team) are the body the articles call his office; "kim yo jong s brother"
        # is the one whose sister her role says she is (kin_names, above). Each is (pattern, what it
        # reads as, its cues: words one of which any match holds, so that most questions skip it;
        # none: always tried).
        countries = [pid for pid in fb.person_by_id if "country" in (fb.person_by_id[pid].kind, fb.person_by_id[pid].role.lower())]
        folk = [(re.compile(rf"\b({'|'.join(self._names_of(pid) for pid in countries)})\s+(?:{'|'.join(_FOLK_WORDS)})\b"), r"\1", _FOLK_WORDS)] \
            if countries else []
        crews = {}
        for key, pid in self._aliases.items():
            owner = self._aliases.get(key[:-1]) if len(key) >= 2 and key[-1] in ("office", "team", "staff") else None  # ("pence's office")
            if owner and owner != pid and fb.person_by_id[pid].kind == "organisation" and fb.person_by_id[owner].kind == "person":
                crews.setdefault(owner, " ".join(key))
        for p in fb.people:  # "Kim's people": the country whose leader his role says he is
            led = self.english.heads_of_country.match(p.role.lower()) if p.kind == "person" else None
            country = self._aliases.get(tuple(plain_tokens(led.group(1)))) if led else None
            if country in countries:
                crews.setdefault(p.id, " ".join(plain_tokens(fb.person_by_id[country].name)))
        # "kim jong uns sister", "pences chief of staff", "dws angle": a name (not a country's) with the
        # possessive's s and no apostrophe is the name, as normalize reads "un's" ("koreas", a word of
        # the articles, stays)
        bare = sorted({k[-1] for k, pid in self._aliases.items() if fb.person_by_id[pid].kind != "country" and len(k[-1]) >= 2
                       and k[-1] + "s" not in self._raw_vocab and k[-1] + "s" not in self._aliases_words
                       and self.english.zipf(k[-1] + "s") < BARE_POSSESSIVE_ZIPF}, key=len, reverse=True)
        possessive = [(re.compile(rf"\b({'|'.join(map(re.escape, bare))})s\b"), r"\1", ())] if bare else []
        self._bare_possessive = possessive[0][0] if possessive else None
        self.kin_patterns = tuple(pattern for pattern, _, _ in kin_names)  # "kim jong un s sister": someone's relative, named so
        # "the VP's chief of staff", "the vice president's chief of staff": someone named as another's
        # ("Pence's chief of staff", an alias) is so named by any of the other's names
        owned_names = []
        for p in fb.people:
            for text in self._alias_texts.get(p.id, ()) if p.kind == "person" else ():  # ("Pence's office" has its own ways)
                words = text.split()
                for n in range(1, len(words)):
                    owner = self._aliases.get(tuple(words[:n]))
                    if owner and owner != p.id and fb.person_by_id[owner].kind == "person":
                        rest = " ".join(words[n:])
                        owned_names.append((re.compile(rf"\b(?:{self._names_of(owner)})\s+(?:s\s+)?{re.escape(rest)}\b"),
                                            " ".join(plain_tokens(p.name)), (rest,)))
                        break
        # "did it happen?", "so did that ever take place": asked alone, "it" is the episode's meeting
        episode_noun = fb.meta.episode.get("nouns", [None])[0]
        unnamed = [(re.compile(r"^((?:so |and |but |ok )*(?:did|has|had) )(?:it|that|this)( (?:ever |actually |even |really |finally )?"
                               r"(?:happen|happened|take place|taken place|go ahead|gone ahead))$"), rf"\1the {episode_noun}\2", ("it", "that", "this"))] \
            if episode_noun else []
        # "was Karen Pence there?", asked alone: there is where the whole episode was
        if fb.meta.setting:
            unnamed.append((re.compile(r"^((?:so |and |but |ok )*(?:was|were|is|are) \S+(?: \S+){0,3}?) (?:(?:also|even|actually|really) )?there(?: too| as well| at all)?$"),
                            rf"\1 at the {fb.meta.setting[0]}", ("there",)))
        # (a rewrite with no cue is its own: a search that finds nothing costs less than a substitution)
        self.rewrites = [(pattern, meant, cue_pattern(cues) or pattern) for pattern, meant, cues in
                         possessive + folk + [(re.compile(rf"\b(?:{self._names_of(owner)})\s+(?:{'|'.join(_CREW_WORDS)})\b"), body, _CREW_WORDS)
                                              for owner, body in crews.items()] + kin_names + owned_names + unnamed]
        # "during their meeting", "the meeting went well": the episode's meeting taken as having happened
        nouns = "|".join(map(re.escape, fb.meta.episode.get("nouns", ())))
        before = "|".join(map(re.escape, self.english.took_place_before))
        after = "|".join(map(re.escape, self.english.took_place_after))
        # "Trump's meeting with Kim Yo Jong": the episode's meeting with an owner (the words before "'s")
        qualifiers = "|".join(map(re.escape, self.english.meeting_qualifiers))
        self.owned_meeting = re.compile(rf"\b((?:[a-z][\w.-]*\s+){{0,2}}[a-z][\w.-]*)['’]s\s+(?:(?:{qualifiers})\s+)*(?:{nouns})\b") \
            if nouns else None
        self.took_place = re.compile(rf"\b(?:{before})\s+(?:\S+\s+){{0,2}}(?:{nouns})\b|\b(?:{nouns})\b(?:\s+\S+){{0,5}}?\s+(?:{after})\b") \
            if nouns else None
        # "what did they talk about when they met": a meeting taken as having happened, without its noun
        self.they_met = re.compile(rf"\b(?:{'|'.join(map(re.escape, self.english.took_place_whole))})\b") if self.english.took_place_whole else None
        # "the secret pence north korea meeting": a name of the episode's people followed by its noun
        # (bot.analyse.episode_named); "the meeting with pence": its noun before the name
        self.episode_noun_next = re.compile(rf"^(?:{nouns})\b") if nouns else None
        # what may stand between two of its people's names or before its noun ("pence and the north korea scrapped meeting")
        self.episode_joint = re.compile(rf"^(?:\s*(?:s|and|with|x|vs|v|the|{qualifiers}))*\s*")
        self.episode_noun_before = re.compile(rf"\b(?:{nouns})\s+(?:with|between)(?:\s+(?:the|\w+\s+and(?:\s+the)?))?\s*$") if nouns else None
        # The false claim that the meeting took place ("what did they agree on during their meeting"
        # is told it never did), with the actions of the fact's true claims ("cancel"): a question
        # speaking of one takes no meeting for granted (bot.candidates.never_happened)
        unhappened = next((c for c in self.claims if not c.holds and re.search(r"\b(?:took place|happened)\b", c.text)), None)
        self.unhappened = unhappened
        self.unhappened_undone = frozenset(c.action for c in self.claims if unhappened and c.fact is unhappened.fact and c.holds and c.action)
        self.setting_names = frozenset(" ".join(plain_tokens(p)) for p in fb.meta.setting)
        self.setting_words = frozenset(w for name in self.setting_names for w in name.split())
        self.setting_tokens = frozenset(t for name in self.setting_names for t in self._analyse(name, correct=False)[0])
        # "the Tokyo Olympics": the setting's own noun, which a question may qualify with another place, season or year
        heads = sorted({name.split()[-1] for name in self.setting_names}, key=len, reverse=True)
        self.setting_head = re.compile(r"\b(?:" + "|".join(map(re.escape, heads)) + r")\b") if heads else None
        self._place_names = self.english.places | {" ".join(plain_tokens(p)) for p in fb.meta.places} | self.setting_names
        self._longest_place = max(len(p.split()) for p in self._place_names)
        # The journeys facts put something on ("on his flight home from South Korea"): a question that
        # puts it on another one ("on his flight to South Korea") is corrected first (bot.analyse.wrong_journey)
        self.journeys = tuple(
            Journey(f.id, m.group(0), m.group("dir").lower(), frozenset(self._analyse(m.group("place"), correct=False)[1]),
                    frozenset(f.people))
            for f in fb.facts for m in JOURNEY_IN_FACT.finditer(f.statement))
        # Where the articles put each fact: the places named after "in", "at", "from" … in it.
        self.fact_places = {f.id: frozenset(p for text in [f.statement, *(ev.quote for ev in f.evidence)]
                                            for p in self.places_in(" ".join(plain_tokens(text)), _LOCATIVE))
                            for f in fb.facts}
        self.places_used = frozenset(p for ps in self.fact_places.values() for p in ps)
        # the places each statement itself names after "in" or "at", in order ("At the start of his trip, in Japan, …")
        self.statement_places = {fid: tuple(self.places_in(text, IN_PLACE)) for fid, text in self.plain_statements.items()}
        from bot.candidates import duration_of, text_shows  # the same readings of a text, for facts and questions

        self.shows = {f.id: text_shows(self, f.statement) for f in fb.facts}
        # read once, not per question: what each quote (with its context) and each person's card shows
        self.quote_shows = {x.id: text_shows(self, x.text + " " + x.context) for x in fb.quotes}
        self.card_shows = {p.id: text_shows(self, p.role + " " + p.description) for p in fb.people}
        self.reacts = self._reacting_people()
        # The people a fact's statement names, not only lists: "the meeting was scheduled for 10
        # February" answers no "who", though the meeting's people are among the fact's
        self.named_in = {f.id: frozenset(p for said in [normalize(f.statement)] for p in f.people if self.mention_at(said, p) < 10**6)
                         for f in fb.facts}
        self.durations = {f.id: span for f in fb.facts if (span := duration_of(f.statement)) is not None}
        self.event_tokens = {e.id: frozenset(self._analyse(f"{e.title} {e.description}", correct=False)[0]) for e in fb.events}
        # What a side of "was X before Y?" is matched against (bot/ordering.py): an event's title,
        # and all its words — title, description, evidence and people
        self.event_titles = {e.id: frozenset(self._analyse(e.title, correct=False)[0]) for e in fb.events}
        self.event_words = {e.id: frozenset(self._analyse(" ".join([e.title, e.description, *(ev.quote for ev in e.evidence)]),
                                                          correct=False)[0]) | {"@" + p for p in e.people} for e in fb.events}
        self.timeline_words = frozenset().union(*self.event_words.values())
        self._vocab.add(self._canon_token("timeline"))  # "what's the timeline": the events together are a thing the index knows
        self.known_questions = tuple(dict.fromkeys(q for f in fb.facts for q in f.questions))
        self._index_discrepancies()

    def _init_caches(self) -> None:
        # Per engine, not per class: a reloaded fact base must not keep the old engine alive.
        self._correct = lru_cache(maxsize=8192)(self._correct_uncached)
        self._slipped = lru_cache(maxsize=8192)(self._slipped_uncached)  # (some hundred strings tried per typo)
        self._fuzzy_alias = lru_cache(maxsize=4096)(self._fuzzy_alias_uncached)
        self._like_a_name_word = lru_cache(maxsize=8192)(self._like_a_name_word_uncached)
        self._names_by_length: dict[int, tuple[dict[str, str], list[str]]] = {}
        self._weigh = lru_cache(maxsize=4096)(self._weigh_uncached)
        self._fact_counts = lru_cache(maxsize=8192)(self._fact_counts_uncached)  # (by noun and fact: asked of every candidate)
        self._cite = lru_cache(maxsize=4096)(self._cite_uncached)  # (the same few passages cited for every answer)
        self._canon_tokens = lru_cache(maxsize=64)(self._canon_tokens_uncached)
        self._role_weighed: dict[str, Weighed] = {}  # see role_weighed

    def __getstate__(self) -> dict:  # the on-disk cache (bot/loader.py) pickles the engine
        state = self.__dict__.copy()
        del state["_correct"], state["_fuzzy_alias"], state["_like_a_name_word"], state["_names_by_length"], state["_weigh"], state["_fact_counts"]
        del state["_cite"], state["_canon_tokens"], state["_role_weighed"], state["_slipped"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._init_caches()

    # --- index building -----------------------------------------------------------------------

    def _index_lexicon(self, lexicon: dict[str, list[str]]) -> None:
        self._canon = self._build_lexicon(lexicon)
        # "bailing" is read as "bailed" is: every inflection of a one-word variant maps to its key
        self._canon_stems = {stem(v): c for v, c in self._canon.items() if " " not in v}
        self._canon_stems.update({v: c for v, c in self._canon.items() if " " not in v})
        self._stop_stems = frozenset(stem(w) for w in STOPWORDS) | STOPWORDS
        # first word's stem -> multi-word variants, as stems: "pulling the plug" is "pulled the plug"
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for variant, canon in self._canon.items():
            if " " in variant:
                parts = tuple(stem(w) for w in variant.split())
                self._phrases.setdefault(parts[0], []).append((parts, canon))
        for variants in self._phrases.values():
            variants.sort(key=lambda v: -len(v[0]))  # the longest phrase first
        self._quote_word_tokens = frozenset(self._canon_token(w) for w in QUOTE_WORDS)
        self._reporting_tokens = frozenset(self._canon_token(w) for w in ("outlet", "differ"))  # words about the coverage

    def _index_vocabulary(self) -> None:
        """Every word the fact base uses anywhere: what spelling is corrected towards, and what
        counts as known (a word outside it is evidence that a question is out of scope)."""
        fb = self.fb
        texts = [f"{p.name} {p.role} {p.description} {' '.join(p.aliases)}" for p in fb.people]
        texts += [f"{q.text} {q.context}" for q in fb.quotes]
        texts += [f"{e.title} {e.description}" for e in fb.events]
        texts += [f"{d.topic} {d.summary}" for d in fb.discrepancies]
        for text in texts:
            # ("DW's," is DW's: a possessive before punctuation, which normalize leaves glued, is no word of its own)
            for t in plain_tokens(_GLUED_POSSESSIVE.sub("", text)):
                self._raw_vocab.add(t)
                self._vocab.add(self._canon_token(t))
        self._spell_list = sorted(w for w in self._raw_vocab if len(w) >= 3 and not w.isdigit())

    def unglued(self, norm: str) -> str:
        """Normalised text with a name's possessive "s" typed without its apostrophe taken off
        ("pences reaction", "and voxs"), as `read` does first: for whatever reads names in a
        question before or without it."""
        return self._bare_possessive.sub(r"\1", norm) if self._bare_possessive is not None else norm

    def quoted(self, pid: str) -> bool:
        """Whether the articles give any words of theirs (or of a body that speaks through them)."""
        return pid in self.quotes_by_speaker or pid in self.speaks_for

    def _reacting_people(self) -> frozenset[str]:
        """Whose thoughts or feelings the articles report: anyone they quote, and anyone a fact
        names within a few words of a reaction ("the North Korean
        officials had not been happy", "angered his South Korean hosts")."""
        out = {pid for pid in self.fb.person_by_id if self.quoted(pid)}  # (a stance a fact attributes is no reaction)
        for fact in self.fb.facts:
            said = normalize(fact.statement)
            words = said.split()
            near = [i for i, w in enumerate(words) if w in self.english.reaction_words]
            for pid in self.fb.person_by_id:  # anyone the statement names, listed among its people or not
                at = self.mention_at(said, pid)
                if at < len(said):
                    position = len(said[:at].split())
                    if any(abs(i - position) <= REACTION_WINDOW for i in near):
                        out.add(pid)
        return frozenset(out)

    def _role_tokens(self, person: Person) -> frozenset[str]:
        """A role's words, and the other names in it ("State Department spokeswoman" ->
        @state-department, spokeswoman), but not the person's own alias it may also spell."""
        tokens, entities, _ = self._analyse(person.role, correct=False)
        # (the words of a name in it are that name's, not the role's: "Washington Post journalist"
        # does not act for Washington, the US)
        rest = person.role
        for e in (e for e in entities if e != person.id and self.fb.person_by_id[e].kind == "organisation"):
            for alias in sorted({self.fb.person_by_id[e].name, *self.fb.person_by_id[e].aliases}, key=len, reverse=True):
                rest = re.sub(rf"(?i)\b{re.escape(alias)}\b", " ", rest)
        words = {self._canon_token(w) for w in plain_tokens(rest) if w not in STOPWORDS}
        return frozenset(t for t in tokens if t != "@" + person.id) | words

    def doc_ids_sharing(self, tokens) -> list[int]:
        """The positions in `docs` of the facts that use at least one of `tokens`, in order."""
        postings = self.fact_postings
        return sorted({i for t in tokens for i in postings.get(t, ())})

    def template_likeness(self, content: str, ids) -> dict[int, float]:
        """How like the question's content words each fact's own example questions are, at best
        (0–1): token_sort_ratio, with the templates' words sorted once at build time."""
        if not content:
            return {i: 0.0 for i in ids}
        content = " ".join(sorted(content.split()))
        likeness = {}
        for i in ids:  # (one extractOne per fact: the best of its templates' ratios, in one call)
            best = process.extractOne(content, self._sorted_templates[i], scorer=fuzz.ratio)
            likeness[i] = (best[1] if best else 0) / 100
        return likeness

    def claims_sharing(self, tokens) -> list[_ClaimDoc]:
        hits = sorted({i for t in tokens for i in self.claim_postings.get(t, ())})
        return [self.claims[i] for i in hits]

    def bm25_scores(self, query: list[str]) -> list[float]:
        """Okapi BM25 of a question's tokens against every fact's statement, questions and
        evidence, indexed like `docs`."""
        scores = [0.0] * len(self.docs)
        postings = self._bm25_postings
        for t in query:
            for i, part in postings.get(t, ()):
                scores[i] += part
        return scores

    def _bm25_term(self, token: str, tf: int, length: int, k1: float = 1.2, b: float = 0.75) -> float:
        return self._bm25_idf.get(token, 0.0) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / self._avg_length))

    def covers(self, weighed: "Weighed") -> list[float]:
        """`weighed.cover(d.all_tokens)` for every fact, indexed like `docs`."""
        matched = [0.0] * len(self.docs)
        postings = self._cover_postings
        for t, w in weighed.pairs:
            for i in postings.get(t, ()):
                matched[i] += w
        total = weighed.total
        return [m / total for m in matched] if total else matched

    def _index_idf(self) -> None:
        n = len(self.docs)
        self._avg_length = sum(d.length for d in self.docs) / max(n, 1)
        df_counts: dict[str, int] = {}
        for d in self.docs:
            for t in d.counts:
                df_counts[t] = df_counts.get(t, 0) + 1
        self._bm25_idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df_counts.items()}
        df: dict[str, int] = {}
        for d in self.docs:
            for t in d.all_tokens:  # entities as "@id", the way questions carry them
                df[t] = df.get(t, 0) + 1
        self._idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self._idf_unknown = math.log(1 + n) + 1.5  # a word the sources never use weighs more than any they do

    def _index_discrepancies(self) -> None:
        self._disc_docs = []
        self._disc_by_fact: dict[str, list[Discrepancy]] = {}
        for d in self.fb.discrepancies:
            toks, ents, _ = self._analyse(d.topic + " " + d.summary, correct=False)
            have = set(toks) | {"@" + e for e in ents} | {self._canon_token("differ")}
            wh = wh_token(normalize(d.topic))
            if wh:
                have.add(wh)
            self._disc_docs.append((d, have, " ".join(self._analyse(d.topic, correct=False)[0])))
            for fid in d.facts:
                self._disc_by_fact.setdefault(fid, []).append(d)

    @staticmethod
    def _build_lexicon(lexicon: dict[str, list[str]]) -> dict[str, str]:
        """Variant (normalised, possibly several words) -> canonical stem."""
        canon = {}
        for key, variants in lexicon.items():
            target = stem(normalize(key))
            canon[normalize(key)] = target
            for v in variants:
                canon[normalize(v)] = target
                if "-" in v:  # questions are read with hyphens as spaces: "hush-hush" is the phrase "hush hush"
                    canon.setdefault(" ".join(plain_tokens(v)), target)
        return canon

    def _canon_token(self, token: str) -> str:
        return self._canon.get(token) or self._canon_stems.get(stem(token)) or stem(token)

    def _canon_tokens_uncached(self, words: frozenset[str]) -> frozenset[str]:
        """The tokens of a fixed set of words (read once, for every question)."""
        return frozenset(map(self._canon_token, words))

    @staticmethod
    def _build_aliases(people: list[Person]) -> dict[tuple[str, ...], str]:
        aliases: dict[tuple[str, ...], str] = {}
        for p in people:
            for name in [p.name, *p.aliases]:
                key = tuple(plain_tokens(name))
                if key and key not in aliases:
                    aliases[key] = p.id
        # A first name no one else in the story has names that person ("who is heather"); "kim" is four people's
        firsts: dict[str, list[str]] = {}
        for p in people:
            names = plain_tokens(p.name)
            if p.kind == "person" and p.named and len(names) >= 2:
                firsts.setdefault(names[0], []).append(p.id)
        for first, ids in firsts.items():
            if len(ids) == 1 and len(first) >= 3 and first not in STOPWORDS:
                aliases.setdefault((first,), ids[0])
        return aliases

    def _phrase_variants(self, tokens: list[str], names: bool = False) -> list[str]:
        """Replace multi-word lexicon variants ("called off") by their canonical token; with `names`,
        not inside a name of several words."""
        out, i = [], 0
        stems = [stem(t) for t in tokens]
        if self._phrases.keys().isdisjoint(stems) and not (names and not self._alias_starts.isdisjoint(tokens)):
            return list(tokens)  # (no phrase and no name of several words can start anywhere: most short texts)
        while i < len(tokens):
            # ("Korean Central News Agency" is a name: its "news agency" is not the lexicon's)
            name = names and tokens[i] in self._alias_starts and next(
                (n for n in (4, 3, 2) if i + n <= len(tokens) and tuple(tokens[i : i + n]) in self._aliases), 0)
            if name:
                out.extend(tokens[i : i + name])
                i += name
                continue
            for parts, canon in self._phrases.get(stems[i], ()):
                if tuple(stems[i : i + len(parts)]) == parts:
                    out.append("=" + canon)
                    i += len(parts)
                    break
            else:
                split = self._split_phrasal(tokens, stems, i)
                if split:
                    canon, end = split
                    out.extend(["=" + canon, *tokens[i + 1 : end]])  # "called the meeting off": cancel, meeting
                    i = end + 1
                else:
                    out.append(tokens[i])
                    i += 1
        return out

    def _compound(self, word: str) -> list[str] | None:
        """A two-word phrase of the lexicon written as one word ("pullout", "sitdown", "noshow"):
        its two words, or None."""
        for cut in range(2, len(word) - 1):
            first, second = stem(word[:cut]), stem(word[cut:])
            if any(len(parts) == 2 and parts[1] == second for parts, _ in self._phrases.get(first, ())):
                return [word[:cut], word[cut:]]
        return None

    def _split_phrasal(self, tokens: list[str], stems: list[str], i: int) -> tuple[str, int] | None:
        """A phrasal verb of the lexicon with its object between verb and particle ("called the
        meeting off", "pull their people out"): the key and where the particle stands."""
        for parts, canon in self._phrases.get(stems[i], ()):
            if len(parts) != 2 or parts[1] not in SEPARABLE:
                continue
            for end in range(i + 2, min(i + 5, len(tokens))):
                if stems[end] == parts[1]:
                    between = tokens[i + 1 : end]
                    # an object is a pronoun, or a noun led by a determiner: "called the meeting off"
                    if (len(between) == 1 and between[0] not in SEPARABLE) or (between[0] in OBJECT_LEADS and not set(between) & SEPARABLE):
                        return canon, end
                    break
        return None

    def _analyse(self, text: str, *, correct: bool, capitalised: frozenset[str] = frozenset(),
                 fixes: dict[str, str] | None = None) -> tuple[list[str], list[str], list[str]]:
        """Tokens -> (content tokens, entity ids, unknown words). `capitalised`: the words the
        writer capitalised inside a sentence (lowercased), which may be names; `fixes` receives
        each misspelt word with the word it was read as."""
        raw = plain_tokens(text)
        if correct:
            read_as: list[str] = []
            for t in raw:
                if t in self._raw_vocab or t in STOPWORDS:
                    read_as.append(t)
                elif not self.english.zipf(t) and stem(fixed := self._slipped(t)) in self._phrases:
                    read_as.append(fixed)  # "pul out": a typo that begins a phrase is read before the phrases are ("pull out" is cancelling)
                else:  # "the pullout": a phrase of the lexicon written as one word
                    read_as.extend(self._compound(t) or [t])
            raw = read_as
        entities: list[str] = []
        tokens: list[str] = []
        unknown: list[str] = []
        i = 0
        words = self._phrase_variants(raw, names=correct)
        # What each word could be in a misspelt name: 0 a lexicon phrase (never), 2 a name's own word
        # or one the sources never use, 1 any other word ("the meeting" names no one).
        name_part = [0 if w.startswith("=") else 2 if w in self._aliases_words or w not in self._raw_vocab else 1
                     for w in words] if correct else None
        windows = self._name_windows(words, name_part) if correct else None
        while i < len(words):
            match = self._entity_at(words, i, name_part, windows)
            if match and match[0] == 1 and i and words[i - 1] in capitalised and self._namesake(words[i - 1], words[i], match[1]):
                # "Ivanka Trump": a first name the articles never give, before one of their surnames, is someone else
                if unknown and unknown[-1] == words[i - 1]:
                    unknown[-1] = f"{words[i - 1]} {words[i]}"  # "they never mention 'ivanka trump'"
                else:
                    unknown.append(words[i])
                i += 1
                continue
            if match:
                length, pid = match
                if pid not in entities:
                    entities.append(pid)
                tokens.append("@" + pid)
                i += length
                continue
            word = words[i]
            i += 1
            if word.startswith("="):
                if word[1:] not in self._stop_stems:
                    tokens.append(word[1:])
                continue
            if word in STOPWORDS or correct and self.english.is_filler(word):
                continue
            if correct and not word.isdigit() and not self._is_known(word):
                fixed = self._graded(word) or self._correct(word)
                if fixes is not None and fixed != word and not self.english.zipf(word):  # a typo, not another word
                    fixes[word] = fixed
                word = fixed
            canon = self._canon_token(word)
            if canon in self._stop_stems:
                continue
            if correct and canon not in self._vocab and canon not in self._idf:
                unknown.append(word)
            tokens.append(canon)
        return tokens, entities, unknown

    def _entity_at(self, words: list[str], i: int, name_part: list[int] | None,
                   windows: dict[int, list[int]] | None) -> tuple[int, str] | None:
        """The longest name starting at words[i]: exact names of several words first, then
        misspelt ones ("kim yo jung", "kim yong") where `windows` (see `_name_windows`) allow,
        and only then a name of one word (so "Kim" alone does not win over a misspelt "Kim Yong
        Nam"). Without `name_part` (see `_analyse`), nothing misspelt."""
        if words[i] in self._alias_starts:
            for length in (4, 3, 2):
                if i + length <= len(words) and (pid := self._aliases.get(tuple(words[i : i + length]))):
                    # "the vice president office": a longer name that starts inside this one wins
                    if any(self._aliases.get(tuple(words[i + j : i + j + m])) and i + j + m <= len(words)
                           for j in range(1, length) for m in range(length - j + 1, 5)):
                        return None
                    # "the north koreens": a longer name misspelt in the word after wins over "the North"
                    # ("otto warmbier fate" is no misspelt "father": the word after is no English word)
                    longer = length + 1
                    if (windows and longer in windows.get(i, ()) and name_part[i + length] == 2 and not self.english.zipf(words[i + length])
                            and (other := self._fuzzy_alias(" ".join(words[i : i + longer]), longer))):
                        return longer, other
                    return length, pid
            # "pence s chief of staf": a name of four words misspelt in its last (windows hold three)
            if name_part is not None and i + 4 <= len(words) and 2 in name_part[i + 1 : i + 4] \
                    and (pid := self._fuzzy_alias(" ".join(words[i : i + 4]), 4)):
                return 4, pid
        if windows:
            for length in windows.get(i, ()):
                if pid := self._fuzzy_alias(" ".join(words[i : i + length]), length):
                    return length, pid
        if pid := self._aliases.get((words[i],)):
            return 1, pid
        word = words[i]
        if name_part is None or word.startswith("=") or len(word) < 4 or word in self._raw_vocab or word in STOPWORDS:
            return None
        # "KCAN" for KCNA: two letters swapped, the commonest slip, which fuzz.ratio scores low in a short word
        for j in range(len(word) - 1):
            if pid := self._aliases.get((word[:j] + word[j + 1] + word[j] + word[j + 2:],)):
                return 1, pid
        if len(word) < 5:
            return None
        # one word keeps its first two letters: "pense" is Pence, "piece" is not
        best = self._fuzzy_alias(word, 1) if self._like_a_name_word(word) else None
        if best and any(a[0][:2] == word[:2] for a in self._aliases if len(a) == 1 and self._aliases[a] == best):
            return 1, best
        return None

    def _name_windows(self, words: list[str], name_part: list[int]) -> dict[int, list[int]]:
        """Where a misspelt name of three or two words may start, with its lengths (three first):
        each of its words may be part of a name (`name_part` not 0, and like some word of a name),
        and one at least is a name's own word or one the sources never use. (Each word is looked
        at once here, not again for every window it is in.)"""
        like = self._like_a_name_word
        nameish = [part and like(w) for w, part in zip(words, name_part)]
        windows: dict[int, list[int]] = {}
        for i in range(len(words) - 1):
            if nameish[i] and nameish[i + 1]:
                if i + 2 < len(words) and nameish[i + 2] and 2 in name_part[i : i + 3]:
                    windows[i] = [3, 2] if 2 in name_part[i : i + 2] else [3]
                elif 2 in name_part[i : i + 2]:
                    windows[i] = [2]
        return windows

    def _namesake(self, before: str, surname: str, pid: str) -> bool:
        """Whether `before surname` names another person than `pid`: a capitalised rare word the
        articles never use, not a misspelling of `pid`'s own first names, before the last word of
        `pid`'s name."""
        person = self.fb.person_by_id[pid]
        names = plain_tokens(person.name)
        if person.kind != "person" or len(names) < 2 or names[-1] != surname:
            return False
        if (not before.isalpha() or before in STOPWORDS or before in self._raw_vocab or before in self._aliases_words
                or self.english.is_filler(before) or self.english.zipf(before) >= NAMESAKE_ZIPF):
            return False
        return all(fuzz.ratio(before, own) < 70 for own in names[:-1])

    def _is_known(self, word: str) -> bool:
        """A word used by the fact base or its lexicon, as written or by its stem: never "corrected"
        ("piece" is not a misspelt "pence", "aiming" not a misspelt "naming")."""
        if word in self._raw_vocab or word in self._canon:
            return True
        # By its stem only if it is an English word: "hous" shares the stem of "house" but is a misspelt "hours"
        return (stem(word) in self._canon_stems or stem(word) in self._vocab) and bool(self.english.zipf(word) or len(word) > 7)

    def _fuzzy_alias_uncached(self, joined: str, length: int) -> str | None:
        if length not in self._names_by_length:  # built once per length
            names = {" ".join(k): pid for k, pid in self._aliases.items() if len(k) == length}
            self._names_by_length[length] = (names, list(names))
        candidates, choices = self._names_by_length[length]
        hit = process.extractOne(joined, choices, scorer=fuzz.ratio, score_cutoff=84 if length > 1 else 80)
        if not hit:
            return None
        # Every word must be close on its own: "south koreans" is not "north koreans"; a word that is
        # no English word may be further off ("heather nowert" is Heather Nauert)
        # no English word may be further off ("heather nowert" is Heather Nauert) — and one slip in one word, the
        # others exact, is close enough ("kim yong nan" is Kim Yong Nam, though "nan" is a word)
        pairs = list(zip(joined.split(), hit[0].split()))
        off = [(a, b) for a, b in pairs if a != b]
        if len(off) == 1 and len(pairs) > 1 and min(map(len, off[0])) >= 3 and off[0][0] not in STOPWORDS \
                and Levenshtein.distance(*off[0]) == 1:  # ("in korea" is no "N. Korea")
            return candidates[hit[0]]
        if any(fuzz.ratio(a, b) < (70 if self.english.zipf(a) else 60) for a, b in pairs):
            return None
        return candidates[hit[0]]

    def _like_a_name_word_uncached(self, word: str) -> bool:
        """Whether a word is at all like some word of a name (fuzz.ratio 60 or more, the least
        `_fuzzy_alias` accepts for each word of a name): one like none is in no misspelt name, so
        a window of words holding it is not looked up."""
        return process.extractOne(word, self._aliases_word_list, scorer=fuzz.ratio, score_cutoff=60) is not None

    def _correct_uncached(self, word: str) -> str:
        if len(word) < 4 or word in self.english.kin_gender:
            # ("mother" is a word of its own, not a misspelt "other"; "pul" may be "pull", one slip away)
            return self._slipped(word) if len(word) == 3 else word
        cutoff = 85 if len(word) == 4 else 80  # short words are often another real word: "tall" is not "talk"
        found = process.extract(word, self._spell_list, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
        if not self.english.zipf(word):
            # of words equally close to a typo, one that begins as it does: "tweat" is "tweet", not "treat"
            found.sort(key=lambda hit: (-hit[1], hit[0][:2] != word[:2]))
        for candidate, _, _ in found:
            if candidate in word and len(word) - len(candidate) >= 2:
                continue  # "rescheduled" is another word than "scheduled", not a typo of it
            if (candidate in self._aliases_words or candidate in STOPWORDS) and self.english.zipf(word) >= NAMESAKE_ZIPF:
                continue  # a common word is not a misspelt name or grammar word: "weather" is not "heather" or "whether"
            if len(word) > 7 or abs(len(candidate) - len(word)) <= 1:  # "notice" is not a misspelt "nice"
                return candidate
        return self._slipped(word)

    def _graded(self, word: str) -> str | None:
        """The articles' word for the most of an English word they never use as it is: "how tough
        were the sanctions" asks of the "toughest" ones. (Not -er: "leader" is no more of "lead".)"""
        if not self.english.zipf(word) or len(word) < 3:
            return None
        # ("tough" → "toughest", "big" → "biggest", "early" → "earliest", "late" → "latest")
        forms = [word + "est", word + word[-1] + "est"]
        if word.endswith(("y", "e")):
            forms.append(word[:-1] + "iest" if word.endswith("y") else word + "st")
        return next((f for f in forms if f in self._raw_vocab), None)

    def _slipped_uncached(self, word: str) -> str:
        """The English word one slip away from a word that is none, whose stem the articles use
        ("supose" is "suppose", as in "supposed"; "pul" is "pull"), the commonest; else the word."""
        if self.english.zipf(word):
            return word
        if self._raw_stems is None:
            self._raw_stems = frozenset(stem(w) for w in self._raw_vocab)
        near = [w for w in _one_slip(word) if self.english.zipf(w) >= _SLIP_ZIPF and stem(w) in self._raw_stems]
        return max(near, key=self.english.zipf) if near else word

    def _fact_doc(self, fact: Fact, disputed: bool) -> _Doc:
        parts = [fact.statement, *fact.questions, *fact.topics, *(c.text for c in fact.claims)]
        tokens: set[str] = set()
        entities: set[str] = set(fact.people)
        counts: dict[str, int] = {}
        for part in parts:
            for t in plain_tokens(part):
                self._raw_vocab.add(t)
            toks, ents, _ = self._analyse(part, correct=False)
            tokens.update(t for t in toks if not t.startswith("@"))
            entities.update(ents)
            for t in toks:
                counts[t] = counts.get(t, 0) + 1
        evidence: set[str] = set()
        for ev in fact.evidence:  # the article's own words count as known, and as weaker evidence of a match
            for t in plain_tokens(ev.quote):
                self._raw_vocab.add(t)
            toks, _, _ = self._analyse(ev.quote, correct=False)
            evidence.update(toks)
            for t in toks:
                counts[t] = counts.get(t, 0) + 1
        self._vocab.update(t for t in evidence if not t.startswith("@"))
        tokens.add(self._canon_token("happen"))  # everything in the fact base happened (or was said)
        if fact.date:
            tokens.add(self._canon_token("date"))
        if self.english.reaction_words.intersection(normalize(fact.statement).split()):
            # "angered his South Korean hosts" tells how they reacted, felt: what "how did South Korea react?" asks
            tokens.update(self._canon_token(w) for w in ("react", "feel"))
        tokens.update(wh for wh in (wh_token(normalize(q)) for q in fact.questions) if wh)
        if disputed:
            tokens.add(self._canon_token("differ"))
        self._vocab.update(tokens)
        templates = tuple(" ".join(self._analyse(q, correct=False)[0]) for q in fact.questions)
        topics = frozenset(t for topic in fact.topics for t in self._analyse(topic.replace("-", " "), correct=False)[0])
        return _Doc(fact, frozenset(tokens), frozenset(entities), templates, counts, frozenset(evidence), topics)

    def gap_type(self, gap: _GapDoc) -> str:
        """The kind of answer an open detail is ("say where the summit was held" → place)."""
        if gap.phrase not in self._gap_types:
            from bot.analyse import analyse  # analysing needs the finished index

            self._gap_types[gap.phrase] = analyse(self, gap.phrase.split(" ", 1)[-1]).answer_type
        return self._gap_types[gap.phrase]

    def _gap_doc(self, doc: _Doc, phrase: str) -> _GapDoc:
        for t in plain_tokens(phrase):
            self._raw_vocab.add(t)
        toks, ents, _ = self._analyse(phrase, correct=False)
        wh = wh_token(normalize(phrase.split(" ", 1)[-1]))  # "say where …": the question word after the verb
        own = frozenset(toks) | ({wh} if wh else set())
        self._vocab.update(t for t in own if not t.startswith(("@", "?")))
        return _GapDoc(doc, phrase, own, own | doc.all_tokens, " ".join(toks), wh)

    def _claim_doc(self, fact: Fact, text: str, holds: bool) -> _ClaimDoc:
        toks, ents, _ = self._analyse(text, correct=False)
        subject = toks[0] if toks else None
        action = next((t for t in toks[1:] if not t.startswith("@")), None)
        return _ClaimDoc(fact, text, holds, frozenset(t for t in toks if not t.startswith("@")), frozenset(ents), subject, action)

    # --- question analysis --------------------------------------------------------------------

    def weigh(self, wanted) -> "Weighed":
        """The question's tokens with their weights (every stage asks for the same few: cached)."""
        return self._weigh(tuple(wanted))

    def _weigh_uncached(self, wanted: tuple[str, ...]) -> "Weighed":
        pairs = []
        for t in dict.fromkeys(wanted):
            w = self._idf.get(t, self._idf_unknown)
            if t.startswith("?"):
                w *= WH_WEIGHT
            pairs.append((t, w))
        return Weighed(tuple(pairs), sum(w for _, w in pairs))

    def role_weighed(self, pid: str, role: frozenset[str]) -> "Weighed":
        """`weigh(list(role))` of a person's role tokens (`_roles`), kept: every "who" question
        weighs every role. (Kept per process, as the order of a set's tokens is.)"""
        weighed = self._role_weighed.get(pid)
        if weighed is None:
            weighed = self._role_weighed[pid] = self.weigh(list(role))
        return weighed

    def _coverage(self, wanted: list[str], have: set[str]) -> float:
        """The weighted share of `wanted` that `have` contains (see `weigh`)."""
        return self.weigh(wanted).cover(have)

    # --- building results ---------------------------------------------------------------------

    def _cite_uncached(self, source_id: str, quote: str) -> Citation:
        src = self.fb.source_by_id[source_id]
        return Citation(src.file, src.id, src.outlet, quote, src.url)

    def opposite_thing(self, words: list[str], at: int) -> str | None:
        """The thing of theirs that word `at` and the next name with its opposite: "closing
        ceremony" → "opening ceremony" (None when they speak of no such thing)."""
        if at + 1 >= len(words):
            return None
        return next((f"{o} {words[at + 1]}" for o in sorted(self.english.opposites.get(words[at], ()))
                     if f" {o} {words[at + 1]} " in self._plain_text), None)

    def places_in(self, norm: str, before: re.Pattern) -> list[str]:
        """Places (countries, big cities, the fact base's own places) named right after `before`
        in normalised text, the longest name first at each spot."""
        found = []
        for m in before.finditer(norm):
            words = norm[m.end():].split()[: self._longest_place]
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n])
                if name in self._place_names:
                    if not any(tuple(words[:k]) in self._aliases for k in range(n + 1, len(words) + 1)):
                        found.append(name)  # "in the Washington Post" names a newspaper, not a place
                    break
        return found

    def mention_at(self, norm: str, pid: str) -> int:
        """Where in normalised text a person is first named (by any alias), or a large number."""
        at = [norm.find(a) for a in self._alias_texts.get(pid, ()) if a in norm]
        return min(at) if at else 10**6

    def last_mention_at(self, norm: str, pid: str) -> int:
        """Where in normalised text a person is last named (by any alias), or -1."""
        return max((norm.rfind(a) for a in self._alias_texts.get(pid, ())), default=-1)

    def _names_of(self, pid: str) -> str:
        """A regex alternation of someone's aliases as normalised text, the longest first."""
        return "|".join(sorted(map(re.escape, self._alias_texts.get(pid, ())), key=len, reverse=True))

    def mention(self, norm: str, pid: str) -> tuple[int, int] | None:
        """Where in normalised text a person is first named: the (start, end) of the longest of
        their aliases that begins there, or None."""
        at = self.mention_at(norm, pid)
        ends = [at + len(a) for a in self._alias_texts.get(pid, ()) if norm.startswith(a, at)]
        return (at, max(ends)) if ends else None

    def find_person(self, name: str) -> PersonMatch:
        name = clip(name)
        key = tuple(plain_tokens(name))
        if key in self._aliases:
            return PersonMatch(self.fb.person_by_id[self._aliases[key]], score=100)
        _, entities, _ = self._analyse(name, correct=True)
        if len(entities) == 1:
            return PersonMatch(self.fb.person_by_id[entities[0]], score=90)
        joined = " ".join(key)
        if not joined:
            return PersonMatch(None)
        names = {" ".join(k): pid for k, pid in self._aliases.items()}
        hits = process.extract(joined, list(names), scorer=fuzz.WRatio, limit=8, score_cutoff=60)
        ordered = list(dict.fromkeys(names[h[0]] for h in hits))
        if hits and hits[0][1] >= 88 and (len(ordered) == 1 or hits[0][1] - max(h[1] for h in hits if names[h[0]] != ordered[0]) >= 5):
            return PersonMatch(self.fb.person_by_id[ordered[0]], score=hits[0][1])
        return PersonMatch(None, tuple(self.fb.person_by_id[p].name for p in ordered[:3]), hits[0][1] if hits else 0)

    def statement_tokens(self, fid: str) -> frozenset[str]:
        """The tokens of a fact's own statement (its people as "@id"), read when first asked for."""
        found = self._statement_tokens.get(fid)
        if found is None:
            found = self._statement_tokens[fid] = frozenset(self._analyse(self.plain_statements[fid], correct=False)[0])
        return found

    def related_ids(self, fact: Fact) -> set[str]:
        """Facts that a listed disagreement ties to this one (the same story told differently)."""
        return {f for d in self._disc_by_fact.get(fact.id, []) for f in d.facts}

    def counts_of(self, noun: str, cand) -> bool:
        """Does the candidate's text give a number of `noun` ("20 countries", "two hours")?"""
        root = stem(noun)[:5]
        return any(self._fact_counts(root, f) for f in cand.facts)

    def _fact_counts_uncached(self, root: str, fact_id: str) -> bool:
        """Does a fact's statement or one of its passages give a number of things whose word begins with `root`?"""
        fact, pattern = self.fb.fact_by_id[fact_id], _count_pattern(root)
        return any(pattern.search(t) for t in [fact.statement, *(ev.quote for ev in fact.evidence)])

