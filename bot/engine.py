"""The answer engine: a free-text question in, an `Answer` or a `NotCovered` out.

Pure Python over a verified `FactBase`; it never imports discord.py and never answers from
outside facts.yaml. Everything it needs is indexed once, when the Engine is built.

How a question is read:
1. normalised (Unicode, case, quote marks, punctuation), cut to a sane length;
2. names of people and organisations are found, misspellings included, and replaced by entity
   tokens; dates are parsed;
3. the remaining words are spell-corrected against the fact base's own vocabulary, mapped
   through the lexicon in facts.yaml and stemmed;
4. the question is routed: a date, a person ("who is …"), quotes ("what did X say"), a yes/no
   question or a false premise (matched against the facts' `claims`), or a general question
   scored against every fact;
5. words the fact base has never seen count against every candidate, so an out-of-scope
   question ("how old is Pence?") falls below the threshold and gets an honest NotCovered.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache

import snowballstemmer
from rapidfuzz import fuzz, process

from bot.facts import Discrepancy, Event, Fact, FactBase, Person, Quote, outlet_name

MAX_QUESTION_CHARS = 500  # what a user types is read up to here; the fact base is indexed whole

# Function words and the words people wrap a question in. They carry no topic.
STOPWORDS = frozenset(
    """a an the and or but if then of to in on at by for with from about as into over after before
    during between is are was were be been being am do does did doing done have has had having
    will would shall should can could may might must i me my we our you your he him his she her
    it its they them their this that these those there here what which who whom whose when where
    why how whats whos wheres whens hows not no yes please tell tells told say says said saying
    quote quotes quoted words remark remarks show explain give given gave info information
    detail supposed meant details story anything something thing things some any all just really
    actually exactly also so very much many more most anyone anybody someone somebody bot
    factbot hi hello hey thanks thank ok okay like want wanted get got go going goes went gone
    let lets deal list took take according keep keeps kept become became becomes make makes made under
    above without within while until against toward towards across around behind beyond upon via""".split()
)
# "us" is not a stopword: in these questions it is nearly always the country.
QUOTE_WORDS = frozenset("quote quotes quoted say said says saying tweet tweeted tweets words remark remarks tell tells told statement".split())
LEADING_FILLERS = frozenset("so and but ok okay hey hi well um uh then also just please quick question".split())
WH_WORDS = ("who", "when", "where", "why", "how", "what", "which")
WH_WEIGHT = 0.7  # a question word counts, but less than a topic word
YES_NO_STARTERS = frozenset("did does do was were is are has have had will would could can should isnt wasnt didnt doesnt".split())
WHO_STARTERS = ("who is", "who was", "who s", "whos", "who are", "who were")
PERSON_STARTERS = WHO_STARTERS + ("tell me about", "what is", "what was", "whats")

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(rf"\b{_MONTH}\s+{_ORD}(?:\s*,?\s*(\d{{4}}))?\b"), ("M", "d", "y")),
    (re.compile(rf"\b{_ORD}\s+(?:of\s+)?{_MONTH}(?:\s*,?\s*(\d{{4}}))?\b"), ("d", "M", "y")),
    (re.compile(rf"\b{_MONTH}\s+(\d{{4}})\b"), ("M", "y")),
    (re.compile(r"\b(\d{4})-(\d{1,2})\b"), ("y", "m")),
]
DEFAULT_YEAR = 2018

_STEMMER = snowballstemmer.stemmer("english")
_NON_WORD = re.compile(r"[^\w\s-]+")
_SPACES = re.compile(r"\s+")
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]")
_CONTRACTION = re.compile(r"\b(who|what|where|when|how|that|it|there|here)'s\b", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    source: str  # seed path, e.g. seeds/001_aad8bbd71d490321.txt
    source_id: str
    outlet: str
    quote: str  # verbatim from the seed
    url: str | None = None


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    kind: str  # fact, yes, no, premise, person, quotes, date
    citations: tuple[Citation, ...]
    facts: tuple[str, ...] = ()
    confidence: float = 1.0
    disagreements: tuple[Discrepancy, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    person: Person | None = None
    related: tuple[str, ...] = ()
    answered: bool = field(default=True, init=False)

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets that corroborate the answer, in order of first citation."""
        return tuple(dict.fromkeys(c.outlet for c in self.citations))


@dataclass(frozen=True)
class NotCovered:
    question: str
    text: str
    suggestions: tuple[str, ...]
    confidence: float = 0.0
    answered: bool = field(default=False, init=False)
    citations: tuple[Citation, ...] = ()
    facts: tuple[str, ...] = ()


Result = Answer | NotCovered


@dataclass(frozen=True)
class PersonMatch:
    person: Person | None
    suggestions: tuple[str, ...] = ()
    score: float = 0.0


@dataclass(frozen=True)
class Comparison:
    topic: str
    summary: str | None
    by_outlet: tuple[tuple[str, str, tuple[str, ...]], ...]  # (outlet, source path, quotes)
    silent: tuple[str, ...]  # outlets that report nothing on it
    discrepancy: Discrepancy | None


# --- text processing --------------------------------------------------------------------------


def normalize(text: str) -> str:
    if not text.isascii():  # fold accents and drop marks and control/format characters
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch) and unicodedata.category(ch)[0] != "C" or ch in " \n\t")
    text = _CONTROL.sub(" ", text)
    text = _CONTRACTION.sub(r"\1 is", text.replace("’", "'").replace("‘", "'"))  # "who's" is not a possessive
    text = text.replace("'s ", " ").replace("s' ", "s ").lower()
    text = text.replace("'", "")
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    text = re.sub(r"(?<!\w)-|-(?!\w)", " ", text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def _plain_tokens(text: str) -> list[str]:
    return [t for part in normalize(text).split() for t in part.split("-") if t]


@dataclass
class _Doc:
    """One retrievable unit (a fact) as token sets."""

    fact: Fact
    tokens: frozenset[str]
    entities: frozenset[str]
    templates: tuple[str, ...]

    def __post_init__(self):
        self.all_tokens = self.tokens | {"@" + e for e in self.entities}


@dataclass
class _ClaimDoc:
    fact: Fact
    text: str
    holds: bool
    tokens: frozenset[str]
    entities: frozenset[str]


@dataclass
class _Query:
    raw: str
    norm: str
    tokens: list[str]  # content tokens (canonical stems) and entity tokens (@id), in order
    unknown: list[str]  # content tokens the fact base has never seen
    entities: list[str]  # person ids in order of appearance
    dates: list[str]  # ISO (partial) dates
    first: str  # first word
    quote_intent: bool
    wh: str | None  # "?when", "?why", ... from the first question word
    checking: bool = False  # "is it true that …", "I heard …, is that right?": a yes/no question
    outlet: str | None = None  # "according to Vox …": the source id to answer from

    @property
    def yes_no(self) -> bool:
        """"Did Pence meet Kim?" is; "Did Nauert tweet or give a statement?" asks to choose."""
        return (self.first in YES_NO_STARTERS or self.checking) and " or " not in f" {self.norm} "


class Engine:
    """Answers questions from one FactBase. Build once; `ask` is fast and never raises."""

    ACCEPT = 0.63  # minimum score for a general answer
    MIN_COVERAGE = 0.6  # and the share of the question's words (by weight) the fact must contain
    CLAIM_ACCEPT = 0.72  # minimum agreement between a yes/no question and a claim
    PREMISE_ACCEPT = 0.85  # share of a wh-question that a false claim it fully states must cover

    def __init__(self, fb: FactBase):
        self.fb = fb
        self._init_caches()
        self._index_lexicon(fb.lexicon)
        self._aliases = self._build_aliases(fb.people)
        self._vocab: set[str] = set()
        self._raw_vocab: set[str] = set()
        disputed = {fid for d in fb.discrepancies for fid in d.facts}
        self.docs = [self._fact_doc(f, f.id in disputed) for f in fb.facts]
        self.claims = [self._claim_doc(f, c.text, c.holds) for f in fb.facts for c in f.claims]
        self._index_vocabulary()
        self._index_idf()
        self.quotes_by_speaker: dict[str, list[Quote]] = {}
        for q in fb.quotes:
            if q.speaker:
                self.quotes_by_speaker.setdefault(q.speaker, []).append(q)
        # Normalised once: every outlet's wording of each quote, and quote + speaker + context for search.
        self._quote_wordings = [(q, [normalize(t) for t in [q.text, *(v.text for v in q.versions)]]) for q in fb.quotes]
        self._quote_search = [(q, normalize(f"{q.text} {fb.name_of(q.speaker) or ''} {q.context}")) for q in fb.quotes]
        self._quote_tokens = {q.id: set(self._analyse(q.text + " " + q.context, correct=False)[0]) for q in fb.quotes}
        self._roles = [(p, self._role_tokens(p)) for p in fb.people]
        self.known_questions = tuple(dict.fromkeys(q for f in fb.facts for q in f.questions))
        self._index_discrepancies()

    def _init_caches(self) -> None:
        # Per engine, not per class: a reloaded fact base must not keep the old engine alive.
        self._correct = lru_cache(maxsize=8192)(self._correct_uncached)
        self._fuzzy_alias = lru_cache(maxsize=4096)(self._fuzzy_alias_uncached)

    def __getstate__(self) -> dict:  # the on-disk cache (bot/loader.py) pickles the engine
        state = self.__dict__.copy()
        del state["_correct"], state["_fuzzy_alias"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._init_caches()

    # --- index building -----------------------------------------------------------------------

    def _index_lexicon(self, lexicon: dict[str, list[str]]) -> None:
        self._canon = self._build_lexicon(lexicon)
        self._stop_stems = frozenset(stem(w) for w in STOPWORDS) | STOPWORDS
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first word -> multi-word variants
        for variant, canon in self._canon.items():
            if " " in variant:
                parts = tuple(variant.split())
                self._phrases.setdefault(parts[0], []).append((parts, canon))
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
            for t in _plain_tokens(text):
                self._raw_vocab.add(t)
                self._vocab.add(self._canon_token(t))
        self._spell_list = sorted(w for w in self._raw_vocab if len(w) >= 3 and not w.isdigit())

    def _role_tokens(self, person: Person) -> frozenset[str]:
        """A role's words, and the other names in it ("State Department spokeswoman" ->
        @state-department, spokeswoman), but not the person's own alias it may also spell."""
        tokens, _, _ = self._analyse(person.role, correct=False)
        words = {self._canon_token(w) for w in _plain_tokens(person.role) if w not in STOPWORDS}
        return frozenset(t for t in tokens if t != "@" + person.id) | words

    def _index_idf(self) -> None:
        n = len(self.docs)
        df: dict[str, int] = {}
        for d in self.docs:
            for t in d.tokens | d.entities:
                df[t] = df.get(t, 0) + 1
        self._idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self._idf_unknown = math.log(1 + n) + 1.5  # a word the sources never use weighs more than any they do

    def _index_discrepancies(self) -> None:
        self._disc_docs = []
        self._disc_by_fact: dict[str, list[Discrepancy]] = {}
        for d in self.fb.discrepancies:
            toks, ents, _ = self._analyse(d.topic + " " + d.summary, correct=False)
            have = set(toks) | {"@" + e for e in ents} | {self._canon_token("differ")}
            wh = _wh_token(normalize(d.topic))
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
        return canon

    def _canon_token(self, token: str) -> str:
        return self._canon.get(token) or self._canon.get(stem(token)) or stem(token)

    @staticmethod
    def _build_aliases(people: list[Person]) -> dict[tuple[str, ...], str]:
        aliases: dict[tuple[str, ...], str] = {}
        for p in people:
            for name in [p.name, *p.aliases]:
                key = tuple(_plain_tokens(name))
                if key and key not in aliases:
                    aliases[key] = p.id
        return aliases

    def _phrase_variants(self, tokens: list[str]) -> list[str]:
        """Replace multi-word lexicon variants ("called off") by their canonical token."""
        out, i = [], 0
        while i < len(tokens):
            for parts, canon in self._phrases.get(tokens[i], ()):
                if tuple(tokens[i : i + len(parts)]) == parts:
                    out.append("=" + canon)
                    i += len(parts)
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out

    def _analyse(self, text: str, *, correct: bool) -> tuple[list[str], list[str], list[str]]:
        """Tokens -> (content tokens, entity ids, unknown words)."""
        raw = _plain_tokens(text)
        entities: list[str] = []
        tokens: list[str] = []
        unknown: list[str] = []
        i = 0
        words = self._phrase_variants(raw)
        while i < len(words):
            match = self._entity_at(words, i, fuzzy=correct)
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
            if word in STOPWORDS:
                continue
            if correct and not word.isdigit() and not self._is_known(word):
                word = self._correct(word)
            canon = self._canon_token(word)
            if canon in self._stop_stems:
                continue
            if correct and canon not in self._vocab and canon not in self._idf:
                unknown.append(word)
            tokens.append(canon)
        return tokens, entities, unknown

    def _entity_at(self, words: list[str], i: int, fuzzy: bool) -> tuple[int, str] | None:
        """The longest name starting at words[i]: exact names of several words first, then
        misspelt ones ("kim yo jung", "kim yong"), and only then a name of one word (so "Kim"
        alone does not win over a misspelt "Kim Yong Nam")."""
        def exact(length: int) -> str | None:
            window = tuple(words[i : i + length])
            return self._aliases.get(window) if len(window) == length else None

        for length in (4, 3, 2):
            if pid := exact(length):
                return length, pid
        if fuzzy:
            for length in (3, 2):
                window = words[i : i + length]
                if len(window) == length and not any(w.startswith("=") for w in window):
                    if pid := self._fuzzy_alias(" ".join(window), length):
                        return length, pid
        if pid := exact(1):
            return 1, pid
        word = words[i]
        if not fuzzy or word.startswith("=") or len(word) < 5 or word in self._raw_vocab or word in STOPWORDS:
            return None
        best = self._fuzzy_alias(word, 1)  # one word keeps its first two letters: "pense" is Pence, "piece" is not
        if best and any(a[0][:2] == word[:2] for a in self._aliases if len(a) == 1 and self._aliases[a] == best):
            return 1, best
        return None

    def _is_known(self, word: str) -> bool:
        """A word used by the fact base or its lexicon, as written or by its stem: never "corrected"
        ("piece" is not a misspelt "pence", "aiming" not a misspelt "naming")."""
        return word in self._raw_vocab or word in self._canon or stem(word) in self._canon or stem(word) in self._vocab

    def _fuzzy_alias_uncached(self, joined: str, length: int) -> str | None:
        candidates = {" ".join(k): pid for k, pid in self._aliases.items() if len(k) == length}
        hit = process.extractOne(joined, list(candidates), scorer=fuzz.ratio, score_cutoff=84 if length > 1 else 80)
        if not hit:
            return None
        # Every word must be close on its own: "south koreans" is not "north koreans".
        if any(fuzz.ratio(a, b) < 70 for a, b in zip(joined.split(), hit[0].split())):
            return None
        return candidates[hit[0]]

    def _correct_uncached(self, word: str) -> str:
        if len(word) < 4:
            return word
        cutoff = 85 if len(word) == 4 else 80  # short words are often another real word: "tall" is not "talk"
        for candidate, _, _ in process.extract(word, self._spell_list, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5):
            if candidate in word and len(word) - len(candidate) >= 2:
                continue  # "rescheduled" is another word than "scheduled", not a typo of it
            if len(word) > 7 or abs(len(candidate) - len(word)) <= 1:  # "notice" is not a misspelt "nice"
                return candidate
        return word

    def _fact_doc(self, fact: Fact, disputed: bool) -> _Doc:
        parts = [fact.statement, *fact.questions, *fact.topics, *(c.text for c in fact.claims)]
        tokens: set[str] = set()
        entities: set[str] = set(fact.people)
        for part in parts:
            for t in _plain_tokens(part):
                self._raw_vocab.add(t)
            toks, ents, _ = self._analyse(part, correct=False)
            tokens.update(t for t in toks if not t.startswith("@"))
            entities.update(ents)
        tokens.add(self._canon_token("happen"))  # everything in the fact base happened (or was said)
        if fact.date:
            tokens.add(self._canon_token("date"))
        tokens.update(wh for wh in (_wh_token(normalize(q)) for q in fact.questions) if wh)
        if disputed:
            tokens.add(self._canon_token("differ"))
        self._vocab.update(tokens)
        templates = tuple(" ".join(self._analyse(q, correct=False)[0]) for q in fact.questions)
        return _Doc(fact, frozenset(tokens), frozenset(entities), templates)

    def _claim_doc(self, fact: Fact, text: str, holds: bool) -> _ClaimDoc:
        toks, ents, _ = self._analyse(text, correct=False)
        return _ClaimDoc(fact, text, holds, frozenset(t for t in toks if not t.startswith("@")), frozenset(ents))

    # --- question analysis --------------------------------------------------------------------

    def _query(self, question: str) -> _Query:
        norm = _fix_question_words(normalize(question))
        norm, checking = _strip_checking(norm)
        found = find_dates(norm)
        without_dates = norm
        for _, start, end in reversed(found):
            without_dates = without_dates[:start] + " " + without_dates[end:]
        tokens, entities, unknown = self._analyse(without_dates, correct=True)
        wh = _wh_token(norm)
        if wh in ("?what", "?which") and {self._canon_token("date"), self._canon_token("day")} & set(tokens):
            wh = "?when"  # "what date", "which day"
        words = norm.split()
        outlet = None
        others = [t for t in tokens if t != "@" + (entities[0] if entities else "")]
        for pid in entities:  # "according to Vox, …": the outlet chooses the source, it is not the topic
            source = self.fb.person_by_id[pid].publishes
            if source and len(tokens) > 1 and others:
                outlet = source
                entities = [e for e in entities if e != pid]
                tokens = [t for t in tokens if t != "@" + pid]
                break
        return _Query(
            raw=question,
            norm=norm,
            tokens=tokens,
            unknown=unknown,
            entities=entities,
            dates=[iso for iso, _, _ in found],
            first=next((w for w in words if w not in LEADING_FILLERS), ""),
            quote_intent=any(w in QUOTE_WORDS for w in words),
            wh=wh,
            checking=checking,
            outlet=outlet,
        )

    # --- public API ---------------------------------------------------------------------------

    def ask(self, question: str) -> Result:
        """Answer a question. Never raises on any input text."""
        q = self._query(_clip(question))
        if not q.tokens and not q.dates:
            return self._not_covered(q, "That doesn't look like a question I can work with — ask me about the "
                                        "cancelled Pence–North Korea meeting at the 2018 Olympics.")
        for route in (self._by_quoted_words, self._by_timeline, self._by_date, self._by_person, self._by_role, self._by_quotes,
                      self._by_claims, self._by_facts):
            result = route(q)
            if result is not None:
                return result
        return self._not_covered(q)

    def entities_in(self, text: str) -> list[str]:
        """Ids of the people and organisations a text names (misspellings included), in order."""
        return self._analyse(_clip(text), correct=True)[1]

    def suggestions(self, text: str, limit: int = 25) -> list[str]:
        """Known questions that match what the user has typed so far (for autocomplete)."""
        text = normalize(_clip(text))
        if not text:
            return list(self.known_questions[:limit])
        hits = process.extract(text, self.known_questions, scorer=fuzz.WRatio, processor=normalize, limit=limit, score_cutoff=50)
        return [h[0] for h in hits]

    def find_person(self, name: str) -> PersonMatch:
        name = _clip(name)
        key = tuple(_plain_tokens(name))
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

    def find_quotes(self, query: str) -> list[Quote]:
        if not query.strip():
            return list(self.fb.quotes)
        match = self.find_person(query)
        if match.person is not None:
            return list(self.quotes_by_speaker.get(match.person.id, []))
        scored = []
        norm = normalize(_clip(query))
        for quote, searchable in self._quote_search:
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
            start, end = date_span(e.date)
            if lo and end < lo or hi and start > hi:
                continue
            if pid and pid not in e.people:
                continue
            events.append(e)
        return events

    def _date_bound(self, text: str, which: str) -> str:
        dates = parse_dates(normalize(text))
        if not dates:
            raise ValueError(f"can't read {text!r} as a date; use e.g. 2018-02-10 or 'Feb 10'")
        start, end = date_span(dates[0])
        return start if which == "from" else end

    def compare_topics(self) -> list[str]:
        return [d.topic for d in self.fb.discrepancies]

    def compare(self, topic: str) -> Comparison | None:
        q = self._query(_clip(topic))
        wanted = q.tokens + ([q.wh] if q.wh else [])
        if not q.tokens:
            return None
        scored = []
        for d, have, template in self._disc_docs:
            score = 0.75 * self._coverage(wanted, have) + 0.25 * fuzz.token_sort_ratio(" ".join(q.tokens), template) / 100
            scored.append((score, d))
        best_score, best = max(scored, key=lambda x: x[0])
        if best_score < self.ACCEPT:
            result = self.ask(topic)
            if not isinstance(result, Answer) or not result.facts:
                return None
            return self._comparison(topic, None, [self.fb.fact_by_id[f] for f in result.facts], ())
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

    # --- routes -------------------------------------------------------------------------------

    def _by_timeline(self, q: _Query) -> Result | None:
        """"Give me the timeline": every event, in order."""
        if q.tokens != [self._canon_token("timeline")] or q.dates:
            return None
        events = self.fb.events
        lines = [f"{e.date_label()}: {e.title}." for e in events]
        cites = [self._cite(e.evidence[0].source, e.evidence[0].quote) for e in events]
        return Answer(q.raw, "\n".join(lines), "date", tuple(cites), confidence=1.0, events=tuple(events))

    def _by_date(self, q: _Query) -> Result | None:
        if not q.dates or q.yes_no:
            return None  # "did the meeting happen on Feb 10?" is a yes/no question
        if len(q.tokens) > 2:
            return None  # a fuller question that happens to name a date: score it as a question
        start, end = date_span(q.dates[0])
        if start == end:  # a day: only events dated to that day
            events = [e for e in self.fb.events if e.date == q.dates[0] and e.precision != "before"]
        else:
            events = [e for e in self.fb.events if date_span(e.date)[0] <= end and date_span(e.date)[1] >= start]
        label = q.dates[0]
        if not events:
            near = sorted(self.fb.events, key=lambda e: abs(_ordinal(e.date) - _ordinal(q.dates[0])))[:3]
            return NotCovered(q.raw, f"My sources record nothing on {label}.",
                              tuple(f"What happened on {e.date_label()}?" for e in near))
        lines = [f"{e.date_label()}: {e.title}. {e.description}" for e in events]
        cites = [self._cite(ev.source, ev.quote) for e in events for ev in e.evidence]
        return Answer(q.raw, "\n".join(lines), "date", tuple(cites), confidence=1.0, events=tuple(events))

    def _by_person(self, q: _Query) -> Result | None:
        if not q.entities:
            return self._by_unknown_name(q)
        if len(q.entities) != 1:
            return None
        others = [t for t in q.tokens if not t.startswith("@")]
        starts = any(q.norm.startswith(s + " ") for s in PERSON_STARTERS)
        terse = not others and not q.quote_intent
        if not (terse or (starts and not others)):
            return None
        person = self.fb.person_by_id[q.entities[0]]
        cites = [self._cite(ev.source, ev.quote) for ev in person.evidence]
        text = f"{person.name} — {person.role}. {person.description}"
        n = len(self.quotes_by_speaker.get(person.id, []))
        if n:
            text += f" My sources quote {person.name} {n} time{'s' if n > 1 else ''}."
        return Answer(q.raw, text, "person", tuple(cites), confidence=1.0, person=person)

    def _by_unknown_name(self, q: _Query) -> Result | None:
        """"Who is heather?" / "who is kym?": a name we could not place — a first name, or a
        misspelling too far off — gets the person, or "Did you mean …"."""
        starter = next((st for st in WHO_STARTERS if q.norm.startswith(st + " ")), None)
        name = q.norm[len(starter) + 1:] if starter else ""
        if not name or len(name.split()) > 3 or q.dates:
            return None
        match = self.find_person(name)
        if match.person is not None:
            return self._by_person(replace(q, entities=[match.person.id], tokens=["@" + match.person.id]))
        if not match.suggestions or match.score < 75:
            return None
        names = list(match.suggestions)
        listed = ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
        return NotCovered(q.raw, f"My sources name no one called “{name}”. Did you mean {listed}?",
                          tuple(f"Who is {n}?" for n in names))

    def _by_quoted_words(self, q: _Query) -> Result | None:
        """Who said "…"? A question that quotes words (in quote marks, or after "who said") is
        matched against every quote the articles print, in every outlet's version."""
        segments = [m for m in _QUOTED.findall(q.raw) if len(m.strip()) >= 8]
        if not segments and q.norm.startswith("who said "):
            segments = [q.norm[len("who said "):]]
        if not segments:
            return None
        best, best_score = None, 0.0
        for segment in segments:
            wanted = normalize(segment)
            for quote, wordings in self._quote_wordings:
                for text in wordings:
                    score = fuzz.partial_ratio(wanted, text) if len(wanted) <= len(text) else 0
                    if score > best_score:
                        best, best_score = quote, score
        if best is None or best_score < 90:
            return None
        who = self.fb.person_by_id[best.speaker].name if best.speaker else "The article does not say who"
        said = "said" if best.speaker else "said it"
        text = f"{who} {said}: “{best.text}” ({best.medium}{', to ' + self.fb.name_of(best.said_to) if best.said_to else ''}). {best.context}"
        person = self.fb.person_by_id.get(best.speaker or "")
        return Answer(q.raw, text, "quotes", (self._cite(best.source, best.text),), confidence=round(best_score / 100, 3),
                      quotes=(best,), person=person)

    def _by_role(self, q: _Query) -> Result | None:
        """"Who was the South Korean president?": a who-question naming no one, answered by a role."""
        if q.wh != "?who" or not q.tokens or any(self.fb.person_by_id[e].kind == "person" for e in q.entities):
            return None  # organisations may be part of a role: "the spokesperson of the State Department"
        matches = [p for p, role_tokens in self._roles if self._coverage(q.tokens, role_tokens) >= 0.9]
        if len(matches) != 1:
            return None  # no one, or several people (then the facts answer better)
        best = matches[0]
        return self._by_person(replace(q, entities=[best.id], tokens=["@" + best.id], quote_intent=False))

    def _by_quotes(self, q: _Query) -> Result | None:
        if not q.quote_intent or not q.entities or q.first in YES_NO_STARTERS:
            return None
        speaker = next((e for e in q.entities if e in self.quotes_by_speaker), None)
        if speaker is None:
            first = self.fb.person_by_id[q.entities[0]]
            if first.kind == "person" and q.wh == "?what":
                return self._not_covered(q, f"My sources don't quote {first.name}: none of the three articles "
                                            f"prints anything {first.name} said.")
            return None
        quotes = self.quotes_by_speaker[speaker]
        rest = set(q.tokens) - {"@" + e for e in q.entities} - self._quote_word_tokens
        if rest & self._reporting_tokens:
            return None  # "which article says Nauert tweeted?" is about the reporting, not the words
        if q.outlet:
            quotes = [x for x in quotes if x.source == q.outlet or any(v.source == q.outlet for v in x.versions)]
            if not quotes:
                return None
        listeners = [e for e in q.entities if e != speaker]
        if listeners:  # "what did Pence tell Rogin": keep the quotes said to that person, if any
            quotes = [x for x in quotes if x.said_to in listeners] or quotes
        if rest:  # "what did Ayers say about photo ops": rank by the other words
            ranked = sorted(quotes, key=lambda x: -self._coverage(list(rest), self._quote_tokens[x.id]))
            best = self._coverage(list(rest), self._quote_tokens[ranked[0].id])
            if best < 0.75:
                return None  # the other words point elsewhere: let the fact scorer decide
            quotes = ranked[:2]
        person = self.fb.person_by_id[speaker]
        printed = [self._as_printed_by(x, q.outlet) for x in quotes]
        text = "\n".join(f"{person.name}: “{words}” ({medium}{', to ' + self.fb.name_of(x.said_to) if x.said_to and source == x.source else ''})"
                         for x, (words, source, medium) in zip(quotes, printed))
        cites = [self._cite(source, words) for words, source, _ in printed]
        return Answer(q.raw, text, "quotes", tuple(cites), confidence=1.0, quotes=tuple(quotes), person=person)

    @staticmethod
    def _as_printed_by(quote: Quote, outlet: str | None) -> tuple[str, str, str]:
        """(words, source id, medium) as `outlet` printed the quote, if it did; else as first recorded."""
        for version in quote.versions:
            if version.source == outlet and quote.source != outlet:
                return version.text, version.source, version.medium
        return quote.text, quote.source, quote.medium

    def _by_claims(self, q: _Query) -> Result | None:
        if self._reporting_tokens & set(q.tokens):
            return None  # "do the outlets disagree about …" asks about the reporting, not the claim
        if q.unknown:
            return None  # "did South Korea know …": a word the articles never use; no yes or no from us
        if not q.yes_no and _HYPOTHETICAL.search(q.norm):
            return None  # "where was the meeting supposed to be held" does not claim it was held
        yes_no = q.yes_no
        wanted = [t for t in q.tokens]
        if not wanted:
            return None
        best, best_score = None, 0.0
        asked = set(wanted)
        happen = self._canon_token("happen")
        for c in self.claims:
            context = c.entities | set(c.fact.people)  # "was the Pence meeting secret": Pence is the fact's
            if not set(q.entities) <= (context if yes_no else c.entities):
                continue
            have = set(c.tokens) | {"@" + e for e in c.entities}
            if yes_no:
                if c.tokens and self._coverage(list(c.tokens), asked) < 0.5:
                    continue  # the question must ask about what the claim says happened, not only whom
                recall = self._coverage(wanted, have | {"@" + e for e in context})  # the question, covered by the claim
                precision = self._coverage(list(have), asked)  # the claim, covered by the question
                score = 2 * recall * precision / (recall + precision) if recall >= 0.7 else 0.0
            elif q.wh is None or c.holds or not c.tokens <= asked or set(q.entities) != c.entities:
                continue  # a wh-question is corrected only when it states the whole false claim
            elif q.wh in ("?what", "?which", "?who") and happen in c.tokens:
                continue  # "what happened to the meeting?" asks; it does not claim the meeting happened
            else:
                score = self._coverage(wanted, have)
            if score > best_score:
                best, best_score = c, score
        if best is None:
            return None
        threshold = self.CLAIM_ACCEPT if yes_no else self.PREMISE_ACCEPT
        if best_score < threshold:
            return None
        fact = best.fact
        if yes_no:
            kind, lead = ("yes", "Yes — ") if best.holds else ("no", "No — ")
        else:
            kind, lead = "premise", "That premise isn't right: "
        return self._fact_answer(q, [fact], best_score, kind=kind, lead=lead)

    def _by_facts(self, q: _Query) -> Result | None:
        scored = self._rank(q)
        top_score, top = scored[0]
        wanted = q.tokens + [q.wh] if q.wh else q.tokens
        if top_score < self.ACCEPT or self._coverage(wanted, top.all_tokens) < self.MIN_COVERAGE:
            return self._not_covered(q, related=[d for _, d in scored[:3]])
        chosen = [top.fact]
        if len(scored) > 1 and scored[1][0] >= max(self.ACCEPT, top_score - 0.03) and scored[1][1].fact.id not in self._related_ids(top.fact):
            chosen.append(scored[1][1].fact)
        lead = ""
        if q.yes_no:
            lead = "My sources don't answer that with a plain yes or no, but here is what they say: "
        return self._fact_answer(q, chosen, top_score, kind="fact", lead=lead)

    def _related_ids(self, fact: Fact) -> set[str]:
        return {f for d in self._disc_by_fact.get(fact.id, []) for f in d.facts}

    def _rank(self, q: _Query) -> list[tuple[float, _Doc]]:
        """Facts by score, best first. Coverage of the question's words decides most of it; the
        similarity to a fact's own questions (costlier) is computed for the leaders only."""
        wanted = q.tokens + [q.wh] if q.wh else q.tokens
        rough = []
        for doc in self.docs:
            score = 0.75 * self._coverage(wanted, doc.all_tokens)
            for e in q.entities:
                if e not in doc.entities:
                    score *= 0.75
            if q.outlet and not any(ev.source == q.outlet for ev in doc.fact.evidence):
                score *= 0.85  # "according to Vox": prefer what that outlet reported
            rough.append((score, doc))
        rough.sort(key=lambda x: -x[0])
        content = " ".join(q.tokens)
        scored = []
        for score, doc in rough[:8]:
            template = max((fuzz.token_sort_ratio(content, t) for t in doc.templates), default=0) / 100
            penalty = 0.75 ** sum(e not in doc.entities for e in q.entities)
            scored.append((score + 0.25 * template * penalty, doc))
        scored.sort(key=lambda x: -x[0])
        return scored + rough[8:]

    def _coverage(self, wanted: list[str], have: set[str]) -> float:
        total = matched = 0.0
        for t in dict.fromkeys(wanted):
            w = self._idf.get(t, self._idf_unknown)
            if t.startswith("?"):
                w *= WH_WEIGHT
            total += w
            if t in have:
                matched += w
        return matched / total if total else 0.0

    # --- building results ---------------------------------------------------------------------

    def _cite(self, source_id: str, quote: str) -> Citation:
        src = self.fb.source_by_id[source_id]
        return Citation(src.file, src.id, src.outlet, quote, src.url)

    def _fact_answer(self, q: _Query, facts: list[Fact], score: float, kind: str, lead: str) -> Answer:
        text = lead + " ".join(f.statement for f in facts)
        cites = [self._cite(ev.source, ev.quote) for f in facts for ev in f.evidence]
        if q.outlet:  # the outlet asked about first, or a plain note that it does not report this
            own = [c for c in cites if c.source_id == q.outlet]
            if not own:
                outlet = self.fb.source_by_id[q.outlet].outlet
                text = f"{outlet} does not report this; the other articles do. " + text
            cites = own + [c for c in cites if c.source_id != q.outlet]
        disagreements = tuple({d.id: d for f in facts for d in self._disc_by_fact.get(f.id, [])}.values())
        return Answer(q.raw, text, kind, tuple(cites), tuple(f.id for f in facts), round(min(score, 1.0), 3), disagreements)

    def _not_covered(self, q: _Query, text: str | None = None, related: list[_Doc] | None = None) -> NotCovered:
        if related is None:
            related = [d for _, d in self._rank(q)[:3]] if q.tokens else []
        suggestions = tuple(d.fact.questions[0] for d in related if d.fact.questions)
        if not suggestions:
            suggestions = tuple(self.known_questions[:3])
        if text is None:
            what = ", ".join(repr(w) for w in q.unknown[:3])
            text = ("My sources don't cover that" + (f" (they never mention {what})" if what else "") +
                    ". I only know what three articles reported about the cancelled Pence–North Korea "
                    "meeting at the 2018 Winter Olympics.")
        return NotCovered(q.raw, text, suggestions[:3])


# --- dates ------------------------------------------------------------------------------------


def _clip(text) -> str:
    """User input as the engine reads it: a string, at most MAX_QUESTION_CHARS long."""
    return (text if isinstance(text, str) else str(text))[:MAX_QUESTION_CHARS]


def find_dates(norm: str) -> list[tuple[str, int, int]]:
    """(ISO partial date, start, end) for each date named in normalised text; no year means 2018."""
    found: list[tuple[str, int, int]] = []
    for pattern, order in DATE_PATTERNS:
        for m in pattern.finditer(norm):
            if any(start < m.end() and m.start() < end for _, start, end in found):
                continue
            vals = dict(zip(order, m.groups()))
            try:
                year = int(vals.get("y") or DEFAULT_YEAR)
                month = int(vals["m"]) if "m" in vals else MONTHS[vals["M"]]
                iso = f"{year:04d}-{month:02d}"
                if "d" in vals:
                    dt.date(year, month, int(vals["d"]))
                    iso += f"-{int(vals['d']):02d}"
                else:
                    dt.date(year, month, 1)
            except (ValueError, KeyError):
                continue
            found.append((iso, m.start(), m.end()))
    return sorted(found, key=lambda x: x[1])


QUESTION_WORDS = ("what", "when", "where", "who", "why", "how", "which", "did", "does", "was", "were", "is", "are")


def _fix_question_words(norm: str) -> str:
    """Typos in the first two words that are clearly question words: "waht", "whta", "wen"."""
    words = norm.split(" ")
    for i, word in enumerate(words[:2]):
        if 3 <= len(word) <= 5 and word not in STOPWORDS:
            hit = process.extractOne(word, QUESTION_WORDS, scorer=fuzz.ratio, score_cutoff=75)
            if hit and (sorted(hit[0]) == sorted(word) or len(word) < len(hit[0])):  # swapped or dropped letters
                words[i] = hit[0]
    return " ".join(words)


_HYPOTHETICAL = re.compile(r"\b(?:supposed|meant|going|planned|scheduled|set|due|would|was to|were to)\b")
_CHECK_PREFIX = re.compile(r"^(?:is it (?:true|right|correct) that|i (?:heard|read|think) (?:that )?|apparently)\s*")
_POLITE_PREFIX = re.compile(r"^(?:(?:can|could|would|will) you (?:please )?(?:tell me|explain|say|let me know)|do you know|"
                            r"please (?:tell me|explain)|i (?:want|would like|d like) to know|tell me)\s+")
_CHECK_SUFFIX = re.compile(r"\s*(?:is that (?:true|right|correct)|right|true|correct)$")


def _strip_checking(norm: str) -> tuple[str, bool]:
    """"Is it true that X?" / "I heard X, is that right?" -> ("X", True): a claim to check."""
    norm = _POLITE_PREFIX.sub("", norm, count=1) or norm  # "can you tell me why …" is not a yes/no question
    stripped = _CHECK_SUFFIX.sub("", _CHECK_PREFIX.sub("", norm))
    return (stripped, True) if stripped != norm and stripped else (norm, False)


def _wh_token(norm: str) -> str | None:
    """The kind of question ("?when", "?why", ...) from its first question word."""
    for word in norm.split()[:4]:
        if word in WH_WORDS:
            return "?" + word
    return None


def parse_dates(norm: str) -> list[str]:
    return [iso for iso, _, _ in find_dates(norm)]


def date_span(iso: str) -> tuple[str, str]:
    """The first and last day an ISO (partial) date covers, as ISO strings."""
    parts = iso.split("-")
    if len(parts) == 3:
        return iso, iso
    if len(parts) == 2:
        return f"{iso}-01", f"{iso}-31"
    return f"{iso}-01-01", f"{iso}-12-31"


def _ordinal(iso: str) -> int:
    parts = [int(p) for p in iso.split("-")] + [15, 15]
    return dt.date(parts[0], parts[1], min(parts[2], 28)).toordinal()
