"""Questions about one article itself: who wrote it, which outlet published it, when, under what
headline, where to read it ("who wrote the Vox piece?", "and the first article, who published
that?"). They are answered from the source's own record in facts.yaml, whose author, title and
date are checked to stand in the article's text, and cited from it — not from the list of all
three sources, which buries the one asked about."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.analyse import analyse, nameless_article
from bot.claims import as_question
from bot.facts import date_label
from bot.index import Index
from bot.results import Answer, NotCovered
from bot.text import ARTICLE_SAYS_VERB, STOPWORDS, TO_THE_BOT, first_upper, listed, normalize, strip_checking, wh_token

# What is asked of the article, in the order a reply gives it
_ASKED = (
    # (the byline of a wire story names its agencies: "which news agencies does the DW piece cite")
    # ("who is the person that write the Vox article": a learner's tense, and the person asked for)
    ("author", re.compile(r"\b(?:who\s+(?:(?:is|was)\s+the\s+(?:person|one|guy|woman|man)\s+(?:that|who)\s+)?(?:wrote|writes?|authored|penned|is\s+behind)|author|authors|byline|writer\s+of|written\s+by|"
                          r"signed|by\s+who|by\s+whom|credits?|credited|initials|(?:news\s+)?agenc(?:y|ies)|wire\s+services?|wires)\b")),
    ("outlet", re.compile(r"\b(?:(?:which|what)\s+(?:outlet|publication|site|website|paper|newspaper|news\s+outlet|media|"
                          r"organi[sz]ation)|who\s+(?:published|publishes|put\s+out|ran)|published\s+by|from\s+which|source\s+is\s+it)\b")),
    ("date", re.compile(r"\b(?:when\s+(?:was|is|did|does)\b.*\b(?:publish|writ|wrote|out|post|dated|run|ran|release|come|came|appear)\w*|"
                        r"(?:publication|publish|published)\s+date|dated?|what\s+day\s+was\s+it\s+published)\b")),
    ("title", re.compile(r"\b(?:headline|title|headlined|titled|called)\b")),
    # ("the dw link", "link to the vox piece" — not "the 'read more' links" or "does DW link to")
    ("link", re.compile(r"\b(?:url|web\s*address|where\s+can\s+i\s+(?:read|find|see)|^link\s+(?:to|for)|"
                        r"(?:the|a|its)\s+(?:\w+\s+)?link$|(?:the|a|its)\s+link\s+(?:to|for)\s+(?:the|that|it))\b")),
)


# A word for one of the articles (or all of them): "the Vox piece", "which outlets", "your sources"
ARTICLE_WORDS = re.compile(r"\b(?:articles?|pieces?|stories|story|reports?|sources?|outlets?|papers?)\b", re.IGNORECASE)


# A question to the bot about its own sources ("what outlets r ur sources", "where do you get your
# news from"): it points at the bot, names a word for the articles, and asks nothing else.
_ADDRESSES_BOT = re.compile(r"\b(?:" + "|".join(sorted(TO_THE_BOT)) + r")\b", re.IGNORECASE)  # (a cheap look before the words are read)
_FOR_ARTICLES = frozenset("articles article pieces piece stories story reports report sources source outlets outlet papers "
                          "paper news info information websites website sites site publications publication".split())
_OWN_SOURCES_WORDS = TO_THE_BOT | _FOR_ARTICLES | frozenset(
    "what whats which where who how are r is s do does did use using used get got have has come comes from based rely on "
    "draw cite read know of the a an all exactly list name give me tell so ok and any other coming came taken pulled sourced "
    "these those three".split())


def own_sources(ix: Index, question: str) -> Answer | None:
    """The bot's own sources (the fact base's `sources_fact`), for a question to the bot about them."""
    if ix.fb.meta.sources_fact is None or not _ADDRESSES_BOT.search(question):
        return None  # (most questions: no reading of their words)
    words = set(normalize(question).replace("'", " ").split())
    if not (words & TO_THE_BOT and words & _FOR_ARTICLES and words <= _OWN_SOURCES_WORDS):
        return None
    fact = ix.fb.fact_by_id[ix.fb.meta.sources_fact]
    return Answer(question, fact.statement, "fact", tuple(ix._cite(ev.source, ev.quote) for ev in fact.evidence), (fact.id,), 1.0)


def names_an_article(ix: Index, text: str) -> bool:
    """Whether a question may name one of the articles: by its outlet, its author or a word for
    it (a cheap look before `article_details` reads it; most questions name none)."""
    return bool(ix.source_outlet_pattern.search(text) or ARTICLE_WORDS.search(text) or _author_pattern(ix).search(text))


@lru_cache(maxsize=4)
def _author_pattern(ix: Index) -> re.Pattern:
    names = [a for pid in _by_author(ix) for a in (ix.fb.person_by_id[pid].name, *ix.fb.person_by_id[pid].aliases)]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", re.IGNORECASE) if names else re.compile(r"(?!)")


def asked_of_article(norm: str) -> tuple[str, ...]:
    """What a question asks of an article's record, in reply order (empty: nothing of it)."""
    return tuple(name for name, pattern in _ASKED if pattern.search(norm))


def article_details(ix: Index, question: str, norm: str) -> Answer | None:
    """The answer to a question that names one article and asks who wrote it, who published it,
    when, its headline or its link; None for any other question."""
    if _DID_WRITE.match(norm):
        return _wrote_it(ix, question, ix.unglued(norm))
    asked = tuple(dict.fromkeys(asked_of_article(norm)))
    if not asked:
        return None
    norm = ix.unglued(norm)  # "whats voxs headline": Vox's, its apostrophe dropped
    nameless = nameless_article(ix, norm)
    # the article named by its outlet, or by its author ("when did Jen Kirby publish it")
    tokens, named, _ = ix._analyse(norm, correct=True)
    outlets = {p.publishes for p in (ix.fb.person_by_id[e] for e in named) if p.publishes}
    authors = {_by_author(ix)[e] for e in named if e in _by_author(ix)}
    if authors and ("title" in asked or "author" in asked):
        return None  # "What is Jen Kirby's title at Vox?" asks for her job's title
    outlets = outlets or (authors if nameless is None else set())  # ("when did Jen Kirby publish it")
    if nameless is not None and nameless.source is not None:
        source, called = nameless.source, f"the {nameless.word} article"
    elif nameless is None and len(outlets) == 1:
        source = outlets.pop()
        called = f"the {ix.fb.source_by_id[source].name} article"
    else:
        return None
    if _NAMES.search(norm) or _OTHER_PARTS.search(norm) or not set(tokens) <= _record_tokens(ix):
        # ("which news agencies does it credit … the headline of the dw article", "which Vox writer
        # pointed out …", "and the subhead": a question of its own; "the full names behind DW's
        # initials" it never gives)
        return None
    src = ix.fb.source_by_id[source]
    lines, cites, found = [], [], False
    for what in asked:
        the = "It" if lines else first_upper(called)  # the article named once
        if what == "author":
            lines.append(f"{the} is by {src.author}." if src.author else f"{the} names no author.")
            cites += [src.author] if src.author else []
            found |= bool(src.author)
        elif what == "outlet":
            known = src.outlet and src.outlet != "unknown"
            lines.append(f"{the} was published by {src.name}." if known else f"{the} names no outlet.")
            found |= bool(known)
        elif what == "date":
            lines.append(f"{the} is dated {date_label(src.published, 'day')}." if src.published else f"{the} gives no date.")
            cites += [src.published_evidence] if src.published and src.published_evidence else []
            found |= bool(src.published)
        elif what == "title":
            lines.append(f"{the} is headlined “{src.title}”." if src.title else f"{the} has no headline.")
            cites += [src.title] if src.title else []
            found |= bool(src.title)
        elif what == "link":
            lines.append(f"{the} is at {src.url}" if src.url else f"{the} has no link in my sources.")
            cites += [src.url] if src.url else []
            found |= bool(src.url)
    if not found:  # ("when was the Vox article published?": it gives no date) — the sources don't say
        return NotCovered(question, f"My sources don't say: {lines[0][0].lower()}{lines[0][1:]}", (), facts=_backing(ix, source))
    cited = tuple(dict.fromkeys(cites))
    return Answer(question, " ".join(lines), "fact", tuple(ix._cite(source, c) for c in cited), _backing(ix, source))


_DID_WRITE = re.compile(r"^(?:so |and |ok )?(?:did|does|was) .+? (?:write|wrote|written|author|pen|penned)\b")


def _wrote_it(ix: Index, question: str, norm: str) -> Answer | NotCovered | None:
    """"Did Ashley Parker write the Vox article?": yes or no, and whom it is by. None unless the
    question names one person and one article."""
    named = ix._analyse(norm, correct=True)[1]
    persons = [e for e in named if ix.fb.person_by_id[e].kind == "person" and not ix.fb.person_by_id[e].publishes]
    nameless = nameless_article(ix, norm)
    sources = {ix.fb.person_by_id[e].publishes for e in named if ix.fb.person_by_id[e].publishes}
    source = nameless.source if nameless is not None else sources.pop() if len(sources) == 1 else None
    if source is None or len(persons) != 1:
        return None
    src = ix.fb.source_by_id[source]
    called = f"the {nameless.word} article" if nameless is not None else f"the {src.name} article"
    if not src.author:  # ("did Rogin write the first article?": it names no one, so no "no" either)
        return NotCovered(question, f"My sources don't say: {called} names no author.", (), facts=_backing(ix, source))
    wrote = _by_author(ix).get(persons[0]) == source
    said = f"{called} is by {src.author}."
    verdict = "Yes — " if wrote else "No — "
    return Answer(question, verdict + said, "yes" if wrote else "no", (ix._cite(source, src.author),), _backing(ix, source))


# Parts of an article that are not its record: its subheadline, photos and captions
_OTHER_PARTS = re.compile(r"\b(?:sub\s*head\w*|subtitle|dek|standfirst|photos?|pictures?|pics?|images?|captions?|lede)\b")
_NAMES = re.compile(r"\b(?:name|names|full|stand\s+for|stands\s+for)\b")


# The words of asking about an article's record, besides what `_ASKED` finds and the outlets' names
_RECORD_WORDS = ("person wrote write written writes author authors byline writer signed published publish publication outlet site "
                 "website paper newspaper news media organisation organization date dated day headline title titled called "
                 "link url web address read find see article articles piece story source put out released appear came come "
                 "posted run ran behind penned authored give gives credit credits credited initials agency agencies wire "
                 "wires service services cite cites cited bottom end foot")


@lru_cache(maxsize=4)
def _by_author(ix: Index) -> dict[str, str]:
    """The people the fact base names who wrote one of the articles, to that article's id."""
    return {p.id: src.id for src in ix.fb.sources for p in ix.fb.people if src.author and p.name == src.author}


@lru_cache(maxsize=4)
def _record_tokens(ix: Index) -> frozenset[str]:
    """The tokens a question about one article's record may have: nothing else of the story."""
    names = " ".join(ix.source_outlet_names)
    nameless = "first unnamed unsigned untitled anonymous nameless one"
    tokens = set(ix._analyse(f"{names} {nameless} {_RECORD_WORDS}", correct=False)[0])
    return frozenset(tokens | {f"@{p.id}" for p in ix.fb.people if p.publishes} | {f"@{pid}" for pid in _by_author(ix)})


@lru_cache(maxsize=16)
def _backing(ix: Index, source: str) -> tuple[str, ...]:
    """The fact whose evidence from the article holds the most of its record (author, headline,
    date, link): the fact that lists the sources, for "sources?" and "which agencies?" next."""
    src = ix.fb.source_by_id[source]
    record = [v for v in (src.author, src.title, src.published_evidence, src.url) if v]
    def held(fact) -> int:
        return sum(any(v in ev.quote for ev in fact.evidence if ev.source == source) for v in record)
    best = max(ix.fb.facts, key=held, default=None)
    return (best.id,) if best is not None and held(best) else ()



# "which article says the meeting was the next morning?", "what outlet mentions Alex Ward": the rest
# is what is asked about, and the answer is led by the articles that report it ("which paper first
# reported it" asks who broke the story, which no article of the three did)
_WHICH_ARTICLE = re.compile(
    r"^(?:so |and |ok |but )?(?:which|what|how many) (?:(?:one )?of (?:the |these |those |your |my )?)?(?:(?:three|3) )?(?:articles?|outlets?|sources?|papers?|newspapers?|"
    r"pieces?|sites?|stories|story|reports?|publications?)\s+(?:(?:actually|also)\s+)?(?:says?|said|mentions?|mentioned|reports?|reported|"
    r"writes?|wrote|talks? about|talked about|covers?|covered|notes?|noted|claims?|claimed|describes?|described|quotes?|quoted|"
    r"calls?|called|names?|named|has|had|includes?|included|refers? to|referred to|brings? up|brought up|cites?|cited|uses?|used|"
    r"contains?|contained|prints?|printed)\s+(?:that\s+|about\s+)?",
    re.IGNORECASE)
_POINTING = frozenset({"that", "this", "it", "so", "the same", "those", "these", "them"})


# "the phrase hermit kingdom", "the word 'whitewash'": words asked about as words (words quoted
# alone, "which article says “landmark talks”", ask what they report: `quoted_in_article`)
_WORDING_ASKED = re.compile(r"^(?:the |that |this )?(?:exact |actual )?(?:phrase|word|words|term|expression|wording)s? [\"“'‘](?P<q>[^\"“”'‘’]+)[\"”'’]$"
                            r"|^(?:the |that |this )?(?:exact |actual )?(?:phrase|word|words|term|expression|wording)s? (?P<w>[a-z0-9 -]+)$", re.IGNORECASE)


def wording_asked(rest: str) -> str | None:
    """The words a question asks about as words ("the phrase hermit kingdom", "the word 'whitewash'"), or None."""
    found = _WORDING_ASKED.match(rest.strip(" ?!."))
    return (found.group("q") or found.group("w")).strip() if found else None


def printed_in(ix: Index, question: str, phrase: str, source: str | None = None) -> Answer | NotCovered:
    """"Which article uses the phrase hermit kingdom?", "does DW use the word 'claims'?": the articles
    whose text prints those words, each with its sentence (verbatim); with `source`, whether that one
    does. Read from the articles' text, not the fact base, so any word of theirs is found."""
    words = _plain(phrase)
    printing = _articles_printing(ix, words)
    cites = tuple(ix._cite(s, passage) for s in printing if (passage := printed_passage(ix, s, phrase)))
    names = listed([article_name(ix, s) for s in printing]) if printing else ""
    said = f"the {'words' if ' ' in words else 'word'} “{phrase}”"
    if source is not None:
        name = article_name(ix, source)
        if source in printing:
            return Answer(question, f"Yes — {name} uses {said}:", "yes", tuple(c for c in cites if c.source_id == source))
        if printing:
            return Answer(question, f"No — {name} doesn't use {said}; {names} {'do' if len(printing) > 1 else 'does'}:", "no", cites)
        return Answer(question, f"No — {name} doesn't use {said}, and neither do my other sources.", "no", ())
    if not printing:
        return NotCovered(question, f"None of my sources uses {said}.", ())
    return Answer(question, f"{first_upper(names)} {'use' if len(printing) > 1 else 'uses'} {said}:", "fact", cites)


def which_article_asks(question: str) -> str | None:
    """What "which article says …" asks about ("the meeting was the next morning"), or None when
    the question is not one (or points back, "which article says that": the last answer's)."""
    found = _WHICH_ARTICLE.match(question.strip())
    if found is None:
        return None
    rest = question.strip()[found.end():].strip(" ?!.")
    return rest if rest and rest.lower() not in _POINTING else None


def reporting_articles(ix: Index, asked_text: str, asked: list[str], answer: Answer, worded: bool = False) -> tuple[tuple[str, ...], str | None]:
    """The articles (source ids, in the sources' order) that print the words asked about ("which
    article calls North Korea 'the hermit kingdom'"), else whose own words for the answer hold the most
    of what is asked: the answer's first fact's evidence and its citations, or for someone's card
    every passage quoted from each article. With the articles that print the words, the words."""
    card = answer.kind == "person" and answer.person is not None
    named = card and _plain(asked_text) in (_plain(answer.person.name), _plain(f"the {answer.person.name}"))
    printed, phrase = _printing(ix, [m.group(1) for m in _QUOTED.finditer(asked_text)] + [asked_text])
    if printed:  # ("the hermit kingdom" is North Korea, a name that only one article uses)
        return printed, None if named else phrase
    if card:
        mentioned = _mentioning(ix)
        return tuple(s.id for s in ix.fb.sources if "@" + answer.person.id in mentioned[s.id]), None
    fact = ix.fb.fact_by_id.get(answer.facts[0]) if answer.facts else None
    # (what is said counts, not whether a name is repeated: Vox's "his decision to meet with North Korean
    # defectors" reports that Pence met them)
    said = [t for t in asked if not t.startswith("@")] or asked
    held = coverage_by_article(ix, said, [(ev.source, ev.quote) for ev in (fact.evidence if fact else ())]
                               + [(c.source_id, c.quote) for c in answer.citations])
    best = max(held.values(), default=0.0)
    chosen = [s.id for s in ix.fb.sources if best > 0 and held.get(s.id, 0.0) >= best - 0.05]
    # `worded`: asked which article calls it so, a word asked that some articles print and others don't
    # decides between them — "which outlet calls him ceremonial" is Vox's word (DW's "ceremony" shares
    # its stem); a paraphrase ("pulled out") is no one article's
    telling = [w for w in set(_plain(asked_text).split()) if len(w) > 3 and w not in STOPWORDS
               and 0 < sum(f" {w} " in _plain_seed(ix, src.id) for src in ix.fb.sources) < len(ix.fb.sources)] if worded else []
    printing = [sid for sid in chosen if all(f" {w} " in _plain_seed(ix, sid) for w in telling)]
    return tuple(printing or chosen), None


def articles_lead(ix: Index, sources: tuple[str, ...], answer: Answer, printed: bool = False, counted: bool = False) -> str:
    """"Vox reports it.", "The first article and DW report it.", "All three articles mention Kim Yo
    Jong.", "The first article prints those words."; `counted` ("how many of the articles …"): "Two
    of the three: the first article and Vox mention The Washington Post."."""
    total = len(ix.fb.sources)
    if len(sources) == total:
        subject = f"All {_COUNT.get(total, total)} articles"
    elif counted:
        subject = f"{first_upper(_COUNT.get(len(sources), str(len(sources))))} of the {_COUNT.get(total, total)}: " \
                  + listed([article_name(ix, s) for s in sources])
    else:
        subject = first_upper(listed([article_name(ix, s) for s in sources]))
    card = answer.kind == "person" and answer.person is not None and not printed
    verb = "print" if printed else "mention" if card else "report"
    verb = verb if len(sources) > 1 else verb + "s"
    return f"{subject} {verb} {'those words' if printed else answer.person.name if card else 'it'}."


_COUNT = {1: "one", 2: "two", 3: "three"}


def article_named(ix: Index, text: str, first_one: bool = False) -> str | None:
    """The id of the one article a text names — by its outlet ("dw", "the vox piece"), or by its place
    or namelessness ("the first article"; with `first_one`, "the first one" too) — else None."""
    nameless = nameless_article(ix, text.lower(), first_one=first_one)
    if nameless is not None:
        return nameless.source
    outlets = list(dict.fromkeys(p.publishes for p in (ix.fb.person_by_id[e] for e in ix._analyse(
        ix.unglued(normalize(text)), correct=True)[1]) if p.publishes))
    return outlets[0] if len(outlets) == 1 else None


def coverage_by_article(ix: Index, wanted: list[str], passages) -> dict[str, float]:
    """How much of `wanted` each article's passages hold together: `passages` are (source id, quote)."""
    held: dict[str, set[str]] = {}
    for source, quote in passages:
        held.setdefault(source, set()).update(_quote_tokens(ix, quote))
    return {source: ix._coverage(wanted, words) for source, words in held.items()} if wanted else {}


def _called(ix: Index, question: str, claim: str, checked: bool) -> Answer | NotCovered | None:
    """"Does Vox call it a secret meeting?", "DW calls Kim Yong Nam ceremonial, right?": whether that
    article prints the words it is said to call someone or something (whom it calls so — a pronoun or
    a name — is set aside), read from its text. `claim`: the question without "is it true that …",
    `checked`: whether it is put as a check. None for any other question."""
    found = _ARTICLE_CALLS.match(claim) if checked or claim.startswith(("does ", "did ", "do ")) else None
    if found is None or not _names_only_an_article(ix, found.group("art")):
        return None
    source = article_named(ix, found.group("art"))
    words = found.group("rest").split()
    for n in range(min(4, len(words) - 1), 0, -1):  # (the longest name first: "kim yong nam", not "kim")
        named, called = " ".join(words[:n]), words[n:]
        tokens, people = ix._analyse(named, correct=False)[:2]
        if named in _PRONOUN_OBJECT or (people and all(t.startswith("@") for t in tokens)):
            called = called[1:] if called[0] == "as" else called
            called = called[1:] if called and called[0] in ("a", "an", "the") else called
            return printed_in(ix, question, " ".join(called), source) if source and called else None
    return None


def _names_only_an_article(ix: Index, text: str) -> bool:
    """"Vox", "the first article", "DW's piece": words that name an article and nothing more (not
    "Pence told Vox", a claim of its own)."""
    plain = re.sub(r"^(?:the )?|(?:'?s)?(?: (?:article|piece|story|report|version|account))?$", "", text)
    named = ix.source_outlet_pattern.fullmatch(plain)
    nameless = nameless_article(ix, text)
    return named is not None or (nameless is not None and nameless.span == (0, len(text)))


def article_name(ix: Index, source: str) -> str:
    """How a reply names one article: its outlet ("Vox"), or "the first article" for the one that names none."""
    src = ix.fb.source_by_id[source]
    return src.name if src.outlet != "unknown" else "the first article"


@lru_cache(maxsize=4096)
def _quote_tokens(ix: Index, quote: str) -> frozenset[str]:
    return frozenset(ix._analyse(quote, correct=False)[0])


@lru_cache(maxsize=4)
def _mentioning(ix: Index) -> dict[str, frozenset[str]]:
    """Each article's id to the people (as "@id") named in any passage the fact base quotes from it."""
    quoted: dict[str, set[str]] = {s.id: set() for s in ix.fb.sources}
    passages = [(ev.source, ev.quote) for f in ix.fb.facts for ev in f.evidence] + \
               [(ev.source, ev.quote) for p in ix.fb.people for ev in p.evidence] + [(x.source, x.text) for x in ix.fb.quotes]
    for source, passage in passages:
        quoted[source].update(t for t in _quote_tokens(ix, passage) if t.startswith("@"))
    return {s: frozenset(t) for s, t in quoted.items()}


_QUOTED = re.compile(r"[\"“'‘]([^\"“”'‘’]{3,}?)[\"”'’](?!\w)")


def _printing(ix: Index, phrases: list[str]) -> tuple[tuple[str, ...], str | None]:
    """The articles whose text holds the first of `phrases` (two words at least) that one holds, word
    for word, and that phrase; empty when none does."""
    for phrase in phrases:
        words = _plain(phrase)
        if len(words.split()) < 2:
            continue
        found = _articles_printing(ix, words)
        if found:
            return found, phrase
    return (), None


def _articles_printing(ix: Index, words: str) -> tuple[str, ...]:
    """The articles whose text holds `words` (as `_plain` gives them), word for word."""
    return tuple(src.id for src in ix.fb.sources if words and f" {words} " in _plain_seed(ix, src.id))


def printed_passage(ix: Index, source: str, phrase: str) -> str | None:
    """The sentence of an article that prints `phrase` (as `_printing` reads it), verbatim; None
    when it does not."""
    words = _plain(phrase).split()
    if not words:
        return None
    text = ix.fb.seed_texts[source]
    found = re.search(r"(?<![A-Za-z0-9])" + r"(?:['’]s)?[^A-Za-z0-9]+".join(map(re.escape, words)) + r"(?![A-Za-z0-9])", text, re.IGNORECASE)
    if found is None:
        return None
    start = max(text.rfind(". ", 0, found.start()) + 2, text.rfind("\n", 0, found.start()) + 1)
    ends = [i for i in (text.find(". ", found.end()), text.find("\n", found.end())) if i >= 0]
    end = min(ends) + (1 if ends and text[min(ends)] == "." else 0) if ends else len(text)
    return text[start:end].strip()


def _plain(text: str) -> str:
    """Lower case words only, possessives dropped: "the hermit kingdom’s" → "the hermit kingdom"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", re.sub(r"['’]s\b|['’]", "", text.lower())).split())


@lru_cache(maxsize=16)
def _plain_seed(ix: Index, source: str) -> str:
    return f" {_plain(ix.fb.seed_texts[source])} "


def quoted_in_article(ix: Index, question: str) -> Answer | None:
    """"In the DW article Nauert says 'we will not apologize for American values', right?": whether the
    article named prints the words quoted, read from its text — "Yes —" with its sentence, or "No —" and
    the articles that do. None unless the question names one article, quotes three words or more of
    it, and asks whether it says them."""
    quoted = [m.group(1) for m in _QUOTED.finditer(question) if len(_plain(m.group(1)).split()) >= 3]
    if not quoted or not _ASKS_WHETHER.search(question):
        return None
    source = article_named(ix, _QUOTED.sub(" ", question))  # (the words quoted may name an outlet of their own)
    if source is None:
        return None
    name = article_name(ix, source)
    printed, phrase = _printing(ix, quoted)
    if phrase is None:
        return Answer(question, f"No — none of my sources prints those words, {name} included.", "no", ())
    cites = tuple(ix._cite(s, passage) for s in printed if (passage := printed_passage(ix, s, phrase)))
    if source in printed:
        return Answer(question, f"Yes — {name} prints those words:", "yes", tuple(c for c in cites if c.source_id == source))
    others = listed([article_name(ix, s) for s in printed])
    return Answer(question, f"No — {name} doesn't print those words; {others} {'do' if len(printed) > 1 else 'does'}:", "no", cites)


# (a yes or no: "…, right?", "does DW say …", "is it true that in Vox …")
_ASKS_WHETHER = re.compile(r"\b(?:right|correct|true|really)\s*\??\s*$|^\s*(?:does|did|do|is|was|are|were|has|have)\b", re.IGNORECASE)


# "does DW mention Otto Warmbier?", "does dw have any nauert quote", "is the rogin interview in all 3 articles?"
# (an article named by one word, "in vox", is an outlet's name if `article_named` finds one)
_DOES_ARTICLE = re.compile(
    r"^(?:so |and |but |ok )?(?:does|did|do) (?P<art>.+?) (?:(?:actually|even|also|ever) )?(?P<verb>mention|quote|report|cover|have|include|use|contain|print|"
    r"talk about|say anything about|name|cite|print|bring up|refer to)s?(?: any| anything about| about)? (?P<rest>.+?)(?: too| as well| at all)?$")
_IN_ARTICLES = re.compile(
    r"^(?:so |and |but |ok )?(?:is|was|are|were) (?P<rest>.+?) (?:mentioned |reported |covered )?in (?P<art>(?:all|each|every one) (?:of )?(?:the )?"
    r"(?:three |3 )?(?:articles?|sources?|stories|pieces)|the .+? (?:article|piece|story|one)|[a-z.]+)(?: too| as well)?$")
# "Vox says Pence brought Warmbier's father, right?", "they cancelled three hours before, per Vox?": a claim
# put in an article's mouth, as a statement to check
_ARTICLE_SAYS = re.compile(rf"^(?:so |and |but |ok )?(?P<art>.+?) (?P<verb>{ARTICLE_SAYS_VERB}|gives|gave|mentions|mentioned) (?:that )?(?P<rest>.+?)$")
# "does Vox call it a secret meeting", "the first article calls him ceremonial, right?": whether the
# article prints those words of it
_ARTICLE_CALLS = re.compile(r"^(?:so |and |but |ok )?(?:(?:does|did|do) )?(?P<art>.+?) (?:calls?|called|describes?|described|refers? to)"
                            r" (?P<rest>.+?)$")
_PRONOUN_OBJECT = frozenset("it him her them this that".split())
_PER_ARTICLE = re.compile(r"^(?:so |and |but |ok )?(?P<rest>.+?) (?:per|according to) (?P<art>.+?)$")
_ABOUT_ARTICLE = re.compile(r"^(?:and |so |ok )?(?:what|how) about (?P<art>.+?) (?P<verb>does|did|do) (?:it|they) ")
_ALL_ARTICLES = re.compile(r"^(?:all|each|every one)\b")
_QUOTE_WORDS = re.compile(r"\b(?:quotes?|quoted|words|statements?|tweets?)\b|^quote\b")


def article_reports(ix: Index, question: str, answer_of) -> Answer | None:
    """"Does DW mention Otto Warmbier?", "does dw have any nauert quote", "is the Rogin interview in
    all 3 articles?": whether that article (or every one) reports it — someone named in its text,
    someone's words printed in it, or what is asked reported in its own words (`answer_of` answers
    what is asked, as the engine does) — "Yes —" or "No —" and the articles that do. None for any
    other question, or one that names no single article."""
    norm = " ".join(re.sub(r"[^a-z0-9' ]+", " ", question.lower()).split()).strip()
    about = _ABOUT_ARTICLE.match(norm)
    if about is not None:  # "what about the vox article, does it mention kcna": "it" is that article
        norm = f"{about.group('verb')} {about.group('art')} {norm[about.end():]}"
    claim, checking = strip_checking(norm)
    checked = checking or question.rstrip().endswith("?")  # (a statement put as a question checks it)
    called = _called(ix, question, claim, checked)
    if called is not None:
        return called
    found = _DOES_ARTICLE.match(norm) or _IN_ARTICLES.match(norm)
    stated = False
    if found is None:
        found = (_ARTICLE_SAYS.match(claim) or _PER_ARTICLE.match(claim)) if checked else None
        stated = found is not None and wh_token(found.group("rest")) is None  # (a claim, not "why did they …, per Vox")
        if not stated:
            return None
    art, rest = found.group("art"), found.group("rest")
    every = _ALL_ARTICLES.match(art) is not None
    source = None if every else article_named(ix, art)
    if not every and (source is None or (stated and not _names_only_an_article(ix, art))):
        return None
    phrase = wording_asked(rest) if not every else None
    if phrase is not None:  # "does DW use the word 'claims'": its text, read for those words
        return printed_in(ix, question, phrase, source)
    quoting = found.groupdict().get("verb") == "quote" or _QUOTE_WORDS.search(rest) is not None
    who = [ix.fb.person_by_id[e] for e in ix._analyse(rest, correct=True)[1]]
    who = [p for p in who if p.kind != "country" and not p.publishes]
    answer = None
    if quoting and len(who) == 1 and who[0].id in ix.quotes_by_speaker:
        wordings = [(x.source, x.text) for x in ix.quotes_by_speaker[who[0].id]]
        wordings += [(v.source, v.text) for x in ix.quotes_by_speaker[who[0].id] for v in x.versions]
        sources, cites = {s for s, _ in wordings}, {s: ix._cite(s, words) for s, words in wordings}
        verb, said_of = "quote", who[0].name
    elif len(who) == 1 and not _QUOTE_WORDS.search(rest) and _plain(rest) in {_plain(n) for n in (who[0].name, *who[0].aliases)} | {_plain(f"the {who[0].name}")}:
        sources = {s.id for s in ix.fb.sources if "@" + who[0].id in _mentioning(ix)[s.id]}
        cites, verb, said_of = {}, "mention", who[0].name
    else:
        if stated or found.groupdict().get("verb") == "report" or rest.startswith("that "):
            # "did DW report that Pence called it off?": a claim none of the articles makes is corrected
            checked = answer_of(as_question(rest.removeprefix("that ")))
            if checked.answered and checked.kind in ("no", "premise"):
                verdict = checked.text.removeprefix("No — ")
                return Answer(question, f"No — none of my sources says that: {verdict}", "no", checked.citations, checked.facts)
        answer = answer_of(rest)
        if not answer.answered or not answer.citations:
            return None
        sources = set(reporting_articles(ix, rest, list(analyse(ix, rest).known_tokens), answer)[0])
        cites, verb, said_of = {c.source_id: c for c in answer.citations}, "report", "it"
    if not sources:
        return None
    ordered = [s.id for s in ix.fb.sources if s.id in sources]
    shown = tuple(cites[s] for s in ordered if s in cites)
    body = f" {answer.text}" if answer is not None else ""
    if every:
        if len(ordered) == len(ix.fb.sources):
            return Answer(question, f"Yes — all {_COUNT.get(len(ordered), len(ordered))} articles {verb} {said_of}.{body}", "yes", shown, getattr(answer, "facts", ()))
        who_does = listed([article_name(ix, s) for s in ordered])
        return Answer(question, f"No — only {who_does} {verb if len(ordered) > 1 else verb + 's'} {said_of}.{body}", "no", shown,
                      getattr(answer, "facts", ()))
    name = article_name(ix, source)
    if source in sources:
        return Answer(question, f"Yes — {name} {verb}s {said_of}.{body}", "yes", tuple(c for c in shown if c.source_id == source) or shown,
                      getattr(answer, "facts", ()))
    who_does = listed([article_name(ix, s) for s in ordered])
    return Answer(question, f"No — {name} doesn't {verb} {said_of}; {who_does} {'do' if len(ordered) > 1 else 'does'}.{body}", "no", shown,
                  getattr(answer, "facts", ()))
