"""Stage 1, analyse: what a question names and what kind of answer it wants.

A question becomes a `Query`: its content tokens (lexicon-mapped stems), the people and
organisations it names, dates, the kind of answer it asks for (a person, a date, a place, a
number, a reason, a yes or no, someone's words), words the fact base never uses (each with how
common it is in English, so chat filler and generic words weigh less than a missing topic), and,
for a message that asks several things, its parts.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import cached_property, lru_cache

from bot.index import Index, Journey
from bot.text import (
    ARTICLE_NOUN_AFTER,
    ARTICLE_NOUNS,
    LEADING_FILLERS,
    STOPWORDS,
    QUOTE_WORDS,
    REPORTING_VERBS,
    SEASONS,
    WH_WORDS,
    YES_NO_STARTERS,
    cue_pattern,
    find_dates,
    fix_question_words,
    normalize,
    stem,
    strip_checking,
    wh_token,
)

# The answer a question wants, from how it asks.
_NUMBER = re.compile(r"\bhow (?:many|much|old|often|far)\b|\bwhat (?:number|percentage|share)\b|^(?:the )?(?:number|count) of\b"
                     r"|\bin (?:kilometers|kilometres|km|miles|meters|metres|feet|dollars|euros|won|tons|tonnes|pounds|percent)\b")  # "the range in kilometers"
_TIMING = re.compile(r"\bhow (?:long|soon|early|late)\b")
# "last fall": in the month the fact base gives for a season the articles never name (meta.season_months)
_IN_ITS_MONTH = object()
# Ways of asking read as the plain question they are, in this order: each pattern, what it reads
# as, and its cues (words one of which any match holds, so that most questions skip the pattern;
# none: always tried)
_HAPPEN = r"(?:happen|happened|happening|take place|took place|taking place|go ahead|went ahead|going ahead|occur|occurred|go through|went through|be held|held)"
_ATTEND = r"(?:show up|showed up|show|turn up|turned up|attend|attended|come|came|appear|appeared|make it)"
# The openers and the endings of a request for the whole story ("so tldr … in 3 bullet points pls")
_STORY_OPENERS = r"^(?:so |ok |okay |hey |yo |um |hmm |wait |and )*"
_STORY_TOLD_IN = r"(?: (?:in|as|with) (?:\d+|one|two|three|four|five|a few|some) (?:bullet points?|bullets?|points|lines?|sentences?|words))?"
_STORY_PLEASE = r"(?: pls| please| plz| thx)?$"
# what an asker writes for: "… for my essay" (a word of these is the pattern's cue, and its last word)
_ASKERS_WORK = ("essay", "homework", "assignment", "paper", "report", "project", "presentation", "thesis", "class", "research", "notes",
                "slides", "hw", "coursework")
_PHRASINGS = (
    (re.compile(r"\bhow much (?:advance )?(?:notice|time|warning|heads up|lead time)\b"), "how long", ("how much",)),  # "how much notice"
    (re.compile(r"\bhow far (?:ahead|in advance)\b"), "how long before", ("how far",)),  # "how far ahead of the talks"
    # "how close was the meeting to actually happening", "how close to the start": in time, not where anyone sat
    (re.compile(r"\bhow close\b(?=(?: \S+){0,5}? (?:to|before) (?:(?:actually|really|even|the|it|its) )*"
                r"(?:happen|happening|happened|start|starting|started|begin|beginning|take place|taking place|go ahead|going ahead)\b)"),
     "how long before", ("how close",)),
    (re.compile(r"^how come\b|^what (?:triggered|caused|prompted|sparked|led to|motivated)\b"), "why", ()),  # "how come …", "what triggered it"
    # "what is the number of the hours before …", "what was the number of countries": how many
    (re.compile(r"^(?:what|wat) (?:is|was|s) the (?:total |exact )?(?:number|count|amount) of (?:the )?"), "how many ", ("number", "count", "amount")),
    # "why didn't the meeting happen", "why did NK not show up", "why was there no meeting": a thing that
    # did not happen was called off (asked with a question word; "didn't it happen?" is left as it is)
    (re.compile(r"^(?=(?:\S+ ){0,3}?(?:why|how come|when|who|what)\b)(.*?)\b(?:(?:didnt|did not|wasnt|was not|werent|were not|never|couldnt|could not|wouldnt|would not|doesnt|does not) ((?:\S+ ){0,4}?)"
                r"|(did|does|was|were|would|could) ((?:\S+ ){1,4}?)not )(?:end up |ever |actually |really )?(?:" + _HAPPEN + "|" + _ATTEND + r")\b"),
     lambda m: f"{m[1]}{m[3] or 'was'} {m[2] or m[4] or ''}cancelled", ("not", "nt ", "never")),
    (re.compile(r"^(?=(?:\S+ ){0,3}?(?:why|how come|when|who)\b)(.*?)\b(?:wasnt|was not|werent|were not) there (?:a |any |the )?|\b(?:was|were) there no "),
     lambda m: f"{m[1] or ''}was it cancelled, the ", ("not", "nt ", "no ")),
    # "what happened?", "what's the story", "tldr": a message that names nothing asks for the whole story
    (re.compile(_STORY_OPENERS +
                r"(?:(?:(?:can you |could you |pls |please )?(?:explain|tell me|summari[sz]e|describe|recap) )?(?:(?:in|with) (?:\d+|one|two|three|a few) (?:lines?|sentences?|words) )?"
                r"(?:(?:briefly|quickly|real quick|simply) )?)?"
                r"(?:(?:what|wat|wut) (?:(?:exactly |actually |even )?(?:happened|happen|went down|is going on|s going on|was going on)"
                r"|(?:is|s|was) (?:the|this|that) (?:story|deal|news)(?: about)?|(?:is|was) (?:this|that|it|this all|it all) about)|tl ?dr|gist)(?: here| exactly)?"
                # "tldr of the whole thing for my students in 3 bullet points": how it is to be told is no topic
                r"(?: (?:of|on) (?:the|this|that) (?:whole )?(?:thing|story|episode))?(?: for (?:my|the|our) (?:students|class|kids|readers|friends|server|chat|followers))?"
                + _STORY_TOLD_IN + _STORY_PLEASE),
     "summary", ("what", "wat", "wut", "tl", "gist")),
    # "summarize the articles", "sum it all up", "give me a quick rundown of the story": a summary asked of
    # the articles as a whole is the whole story ("summarize what Vox says" asks of one outlet, and stays)
    (re.compile(_STORY_OPENERS + r"(?:(?:can|could|would) (?:you|u) |pls |please |just )?"
                r"(?:(?:summari[sz]e|sum up|recap|give (?:me|us) (?:a |the )?(?:quick |short |brief )?(?:summary|rundown|recap|overview|gist|synopsis)"
                r"(?: of)?|(?:a |the )?(?:quick |short |brief )?(?:summary|rundown|recap|overview|synopsis) of"
                r"|(?:what|wat) (?:is|s|was|are|re) the (?:gist|summary|overview|short version|main points?|key points?) (?:of|in)(?! (?:it|this|that|them)\b))"
                r" (?:all )?(?:of )?"
                r"|sum (?=(?:it|this|that|everything|them|(?:the|these|those) \S+(?: \S+)?)(?: all)? up))"
                r"(?:it|this|that|everything|them|(?:the|these|those|your|all the) (?:three |3 |whole |entire )?(?:articles?|sources|stories|story|reports?|news|"
                r"coverage|episode|thing|situation|events?|incident|saga|drama))(?: all)?(?: up)?(?: for (?:me|us))?" + _STORY_TOLD_IN + _STORY_PLEASE),
     "summary", ("summar", "sum ", "recap", "rundown", "overview", "synopsis", "gist", "point", "short version")),
    # "what was Pence going to say to them": words planned for a meeting that never took place were
    # never said; they are what he meant to discuss (and what he hoped or wanted to say is what he
    # planned to: not the hopes the articles speak of, North Korea's)
    (re.compile(r"\b(?:(going to|gonna|planning to|planned to|plan to|meant to|supposed to|intended to|intending to|was to|were to)|"
                r"wanted to|want to|wants to|hoping to|hoped to|hopes to|hope to) (?:say|tell|talk about|speak about|bring up|raise|push|press|discuss)\b"),
     lambda m: f"{m.group(1) or 'planned to'} discuss", ("say", "tell", "talk", "speak", "bring up", "raise", "push", "press", "discuss")),
    # "did North Korea say why they cancelled?", "did they ever explain why they …": whether they gave a
    # reason ("did the VP's office say why North Korea pulled out" asks for someone else's)
    (re.compile(r"^((?:so |and |but |ok )*(?:did|has|have|had|do|does) .+? )(?:ever |even |actually )?(?:say|said|explain|explained|tell (?:us|anyone)|told (?:us|anyone)) why(?= (?:they|he|she|it) )"),
     r"\1give a reason why", ("say why", "said why", "explain why", "explained why", "us why", "anyone why")),
    # "who runs the VP's staff", "who is in charge of Pence's staff": the head of someone's staff is their chief of staff
    (re.compile(r"\b(?:is |was |s )?(?:heads?|headed|runs?|ran|leads?|led|manages?|managed|oversees|oversaw|in charge of|"
                r"the (?:head|boss|chief|leader|manager) of) ((?:\S+ ){1,3}?)staff\b"), r"is \1chief of staff", ("staff",)),
    # "i need a good quote from Pence", "we'd like some usable lines from Nauert": a request for someone's words
    (re.compile(r"^((?:so |ok |okay |hey |um |and )*)(?:i|we) (?:really )?(?:need|want|would like|d like|m looking for|am looking for|are looking for) "
                r"(?:a |an |some |one |two |a few |a couple of )?(?:good |nice |great |short |strong |juicy |solid |usable |quick |real |direct |exact )*"
                r"(?=(?:quotes?|lines?|quotations?)\b)"), r"\1give me ", ("need", "want", "like", "looking")),
    # "a quote from Pence for my essay", "a summary I can put in my paper": what the asker will do with
    # the answer is no topic of the articles
    (re.compile(r"\b(?:(?:that |which )?(?:i|we) (?:can|could|will|ll|might|want to|wanna|need to|am going to|m going to|gonna) "
                r"(?:put|use|cite|quote|include|add) )?(?:for|in|into|to) (?:my|our) (?:school |history |english |politics |class |final |uni |college )?"
                r"(?:" + "|".join(_ASKERS_WORK) + r")\b"), "", _ASKERS_WORK),
    # "where does Nauert work": for whom (an employer is no place of its own in the articles)
    (re.compile(r"\bwhere (does|did|do) (.+?) work\b"), r"who \1 \2 work for", ("work",)),
    # "did the meeting end up happening": whether it happened; "did Pence actually end up meeting them":
    # whether they met ("did they end up meeting later / at a summit" asks of another meeting, and is left as it is)
    (re.compile(r"\b(?:end|ended|ends|wind|wound) up (?:actually |really )?(?:(happening|taking place|going ahead|being held|occurring)\b"
                r"|(?:ever )?(?:meeting|sitting down)\b(?!.*\b(?:later|after|afterwards?|since|eventually|again|another|summit|future|next|then)\b))"),
     lambda m: "happen" if m[1] else "meet", ("end", "wind", "wound")),
    # "which olympics are we talking about": the talk is this conversation, not anyone's talks
    (re.compile(r"\b(?:are|were|r) (?:we|you|u) (?:even |actually )?(?:talking|speaking) (?:about|of)\b|\bwe re (?:talking|speaking) (?:about|of)\b"), "",
     ("talking", "speaking")),
    # "for what reason did they …", "what was the reason for …": why
    (re.compile(r"^(?:for|with) (?:what|which) (?:reason|reasons|purpose|motive)\b|^what (?:is|was|s) the (?:reason|motive|rationale)(?: (?:for|behind|that|why))?\b"),
     "why", ("reason", "purpose", "motive", "rationale")),
    (re.compile(r"\b(what|which) (?:kind|kinds|type|types|sort|sorts) of\b"), r"\1", ("kind", "type", "sort")),  # "at what kind of meeting": at what meeting
    (re.compile(r"\b(?:relative|compared|in relation|in comparison)\s+(?=to\b)"), "",
     ("relative", "compared", "in relation", "in comparison")),  # "when was it relative to the ceremony"
    # "when did NK last launch a missile": "last" before the verb is "most recently", not how long something lasts
    (re.compile(r"\b((?:did|does|do|has|have|had|was|were) (?:(?!the |a |an |his |her |their |its |that |this |at )\S+ ){1,2})last "
                r"(?!long|for|more|than|over|past|only|just|about|around|until|till|minute|\d)(?=\w)"), r"\1", ("last ",)),
    # "the meeting planned for February 14": set for a day, not its purpose ("what was planned for the meeting" stays)
    (re.compile(r"\bplanned (?=for (?:the )?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
                r"next|following|morning|day|week)\w*\b)"), "scheduled ", ("planned ",)),
    # "what does 'hermit kingdom' refer to", "what does KCNA stand for": what that is
    (re.compile(r"^(?:and |so |ok )?what (?:does|do|did) (.+?) (?:refer to|refers to|mean|stand for)$"), r"what is \1",
     ("refer", "mean", "stand for")),
    # "what's the state dept spokesperson called": the name of the one meant
    (re.compile(r"^(?:what is|what was|what s|whats) (the |that |this )?(.+?) (?:called|named)$"), r"what is the name of \1\2",
     ("called", "named")),
    # "the missile fired last fall": "last" before a time is the one before, not how long something lasts
    # (a season the articles never name is the month they do, if the fact base says which: _IN_ITS_MONTH)
    (re.compile(rf"\blast ({'|'.join(SEASONS)})\b"), _IN_ITS_MONTH, ("last ",)),
    (re.compile(r"\blast (?=(?:spring|summer|winter|year|month|week|november|january|time)\b)"), "", ("last ",)),
    # "did Pence and Kim Yo Jong talk to each other": the two named already say who with whom
    (re.compile(r"\s(?:with|to|at)?\s*(?:each other|one another)\b"), "", ("each other", "one another")),
    # "did Nauert bring up human rights", "did Ayers mention the defectors": whether their words did
    (re.compile(r"^((?:did|does|do|has|had) (?:\S+ ){1,3}?)(?:ever )?(?:mention|mentioned|bring up|brought up|raise|raised|talk about|talked about"
                r"|speak about|spoke about|speak of|spoke of|refer to|referred to|comment on|commented on)\b(?: about)?"), r"\1say anything about",
     ("mention", "bring up", "brought up", "raise", "talk", "speak", "spoke", "refer", "comment")),
    # "which side called it off": which party to it, who ("who on the US side" stays a question about people)
    (re.compile(r"\bwhich (?:side|party|camp)\b"), "who", ("side", "party", "camp")),
    # "who is the person that Pence travelled with", "who were the officials who …": who
    (re.compile(r"^who (?:is|was|are|were) (?:the|that|this) (?:person|people|guy|guys|man|woman|one|ones|individual|official|officials) (?:that|who|whom)\b"), "who", ()),
)
# (and every cue at once: most questions hold none, and one search for all costs less than one for each)
_ANY_PHRASING_CUE = cue_pattern(tuple(cue for _, _, cues in _PHRASINGS for cue in cues))
_PHRASINGS = tuple((pattern, plain, cue_pattern(cues)) for pattern, plain, cues in _PHRASINGS)
# "what's the name of the south korean president", "what was Kim Jong Un's sister called": who someone named
# by a description is (the rest is taken as such only when it names one person and nothing else)
_NAME_OF = re.compile(r"^what (?:is|was) (?:(?:the|their|his|her) (?:full )?name of (?P<of>.+)|(?P<owner>.+?) (?:full )?name|(?P<called>.+?) (?:called|named))$")
_IN_THE_ARTICLES = re.compile(r"\s+(?:in|from|according to) (?:the|these|those|your) (?:articles?|stories|story|reports?|pieces?|sources?)$")
_DATE_WORDS = frozenset("date day days time year month week weekday".split())
_DAY_ASKED = re.compile(r"\b(?:what|which) (?:date|day)\b")
_PERSON_WH = frozenset({"?who", "?whom", "?whose"})
# Where a message asks a second question: "…, and when was it?", "…? Why?"
_PART_SPLIT = re.compile(r"\s*\?+\s*|\s*[,;]?\s+\b(?:and|also|plus)\s+(?=(?:(?:on|in|at|from|for|by|with|to)\s+(?=wh))?"
                         r"(?:who|whom|whose|what|when|where|why|how|which|did|does|do|was|were|is|are)\b)"
                         r"|\s*[,;]\s*(?=(?:who|whom|whose|what|when|where|why|how|which)\b)")
_PRONOUNS = frozenset("he him his she her they them their it its that this".split())
# The thing a question asks for: "what city", "which countries", "how many defectors", "the name of".
_FOCUS = re.compile(r"\b(?:what|which)\s+(?:is|was|were|are)\s+(?:the\s+)?(\w+)\s+of\b|\b(name|headline|title|location|date|age)\b"
                    r"|(?:\b(?:what|which|how many|how much)|^(?:the )?(?:number|count) of)\s+(?:of\s+(?:(?:the|his|her|their|its|these|those)\s+)?)?"
                    r"(?:(?:kind|sort|type|exact|specific|other)\s+(?:of\s+)?)?(?:(?:\d+|two|three|four|five|both)\s+)?(\w+)")  # ("how many of Nauert's tweets", "which two officials")
_KIND_NEXT = re.compile(r"\s+the\s+(?:(?:exact|precise|specific|actual)\s+)?(\w+)\b")
_ATTRIBUTE = re.compile(r"\b(age)\b")  # (a name, title or date after "what is" is read by other means)
_AT_PLACE = re.compile(r"\b(?:in|at|during)\s+(?:the\s+)?|\bthe\s+(?=\S+(?:\s+\S+)?\s+(?:meeting|olympics|games|summit|talks)\b)")  # "in Tokyo", "at the stadium", "the Tokyo meeting"
_THINKS = frozenset("think thinks thought thinking".split())  # (how someone felt is not in their words)
_NOT_FOCUS = frozenset("is was were are did does do the a an had has have will would could should can".split())
_VAGUE_FOCUS = frozenset("thing things stuff".split())


@dataclass(frozen=True)
class Query:
    raw: str
    norm: str
    tokens: tuple[str, ...]  # content tokens (canonical stems) and entity tokens (@id), in order
    unknown: tuple[tuple[str, float], ...]  # (word, Zipf frequency in English) for words the fact base never uses
    entities: tuple[str, ...]  # person/organisation ids in order of appearance
    dates: tuple[str, ...]  # ISO (partial) dates
    first: str  # first word that is not filler
    quote_intent: bool
    wh: str | None  # "?when", "?why", ... from the first question word
    answer_type: str  # person, date, place, number, reason, yesno, quote, what
    checking: bool = False  # "is it true that …", "I heard …, is that right?"
    outlet: str | None = None  # "according to Vox …": the source id to answer from
    known_tokens: tuple[str, ...] = ()  # the tokens the fact base uses somewhere
    focus: str | None = None  # the noun a what/which/how-many question asks for ("city", "countries")
    focus_known: bool = True  # whether the fact base ever uses that word
    place: str | None = None  # a place the question puts something in ("in tokyo"), in plain words
    setting: tuple[str, ...] = ()  # tokens of the episode's setting as the question names it ("at the 2018 olympics")
    episode: tuple[str, ...] = ()  # people named only as part of the episode's name ("the pence north korea meeting")
    contrasted: str | None = None  # a word the articles never use whose opposite they do ("far" beside "close")
    other_thing: tuple[str, str] | None = None  # ("closing ceremony", "opening ceremony"): the contrasted word names another thing
    day_asked: bool = False  # "what date", "which day": a day, not only a month or "at the start of his trip"
    when_asked: bool = False  # "when …": a time told by what was happening answers it too
    strangers: tuple[str, ...] = ()  # people the articles never mention, named beside one of theirs ("Ivanka Trump")
    unnamed: tuple[str, ...] = ()  # full names of no one the articles mention ("Sarah Sanders")
    aside: tuple[str, ...] = ()  # words the question sets aside ("besides the regret part"): what is not asked for

    @cached_property  # (only `explain` shows them: not read for every query)
    def parts(self) -> tuple[str, ...]:
        """The separate questions of a message that asks several."""
        return split_parts(self.raw)

    @cached_property  # (asked of every candidate: read once per query)
    def yes_no(self) -> bool:
        """"Did Pence meet Kim?" is; "Did Nauert tweet or give a statement?" asks to choose; "did
        they meet or not?" ("or no", "or what") still asks yes or no."""
        return asks_yes_no(self.norm, self.first, self.checking)



_YES_NO_TAIL = re.compile(r" or (?:not|no|nah|nope|what|something|anything)(?: \w+)? $")


def asks_yes_no(norm: str, first: str, checking: bool) -> bool:
    """Query.yes_no, from the normalised question, its first word and whether it checks a claim."""
    choice = _YES_NO_TAIL.sub("", f" {norm} ")
    return (first in YES_NO_STARTERS or checking) and " or " not in choice


@lru_cache(maxsize=16)  # (a message is read by several stages in a row: the article and parts checks, then the answer)
def analyse(ix: Index, question: str) -> Query:
    return query_of(ix, read(ix, question))


@dataclass
class Reading:
    """The first half of analysing a question: its words as read, with the names, known tokens
    and unknown words among them. That much tells whether a part of a message stands alone
    (`Engine._ask_parts` reads a part again, with words of the part before, when it does not), so
    the rest of the analysis (`query_of`) is done only for the reading that is answered."""
    raw: str
    norm: str
    checking: bool
    found: list[tuple[str, int, int]]  # the dates in `norm`: (ISO date, start, end)
    tokens: list[str]
    entities: list[str]
    unknown: list[str]
    known_tokens: tuple[str, ...]
    wh: str | None
    words: list[str]
    outlet: str | None
    contrasted: str | None
    other_thing: tuple[str, str] | None
    aside: tuple[str, ...] = ()


# "besides the regret part", "other than the tweet": words set aside at the end of a question
# "what missile …", "which city …": the noun a question asks about, right after its question word
WHICH_NOUN = re.compile(r"^(?:and\s+|so\s+|ok\s+)?(?:what|which)\s+([a-z]+)\b")
_WHERE_ASKED = re.compile(r"^(?:and\s+|so\s+|ok\s+)?where\b")
_ELSEWHERE = re.compile(r"\s\b(?:before|besides|other than|apart from|aside from|except)\s+(?:(?:he|she|they)\s+)?"
                        r"(?:(?:go|goes|going|went|come|came|coming|fly|flew|flying|got|travel|travelled|traveled|arriving|arrived)\s+to\s+|"
                        r"(?:visit|visits|visiting|visited)\s+)?(?:the\s+)?(.+)$")
WORD_START = re.compile(r"\b(?=\w)")  # for `places_in`: a place named anywhere, with no "in" before it
_CLAUSE_AFTER_PLACE = re.compile(r"\s+(?:and|to|for|in order to|so as to|where|when)\s+")


def _place_and_rest(words: str) -> tuple[str, str]:
    """"korea to announce sanctions" → ("korea", "announce sanctions"): the place set aside, and a
    clause of the question's own after it."""
    place, *rest = _CLAUSE_AFTER_PLACE.split(words, maxsplit=1)
    return place, " ".join(rest)


_SET_ASIDE = re.compile(r"\s\b(?:besides|other than|apart from|aside from|except(?: for)?|not counting)\s+(.+)$")


def _asks_where(ix: Index, norm: str) -> bool:
    """"Where …", or "what country …", "which city …": a noun of places after the question word."""
    if _WHERE_ASKED.match(norm):
        return True
    asked = WHICH_NOUN.match(norm)
    return asked is not None and ix.english.focus_type.get(asked.group(1)) == "place"


def _in_its_month(ix: Index):
    """"last fall" → "in november" where the fact base's meta gives November for fall; else as it was."""
    months = ix.fb.meta.season_months
    return lambda m: f"in {months[m[1]]}" if m[1] in months else m[0]


# A statement with a question mark: three words or more, with no question word anywhere and none
# of the words a yes/no question or a request begins with ("did …", "tell me …", "any news …")
_DECLARATIVE_CHECK = re.compile(r"^(?!(?:" + "|".join(sorted(YES_NO_STARTERS)) + r"|tell|any|anything|so|and|or|but|ok|okay|hmm|wait|hey)\b)"
                                r"(?!.*\b(?:" + "|".join(WH_WORDS) + r"|whats|whos|wat|wut|wen|wher|whom|whose)\b)\S+(?: \S+){2,}$")

# A statement's verb, if it has one ("exact date of the missile launch?" asks for something, as
# "the meeting was in tokyo?" or "pence cancelled it?" does not)
_STATING = frozenset("was were is are s did does had has have will would could can got went came said told met sat gave made "
                     "took left knew saw ran called pulled backed".split())
_CLAUSES = re.compile(r"[.,;:!?]")  # (a statement of several clauses or sentences is no one claim)


def read(ix: Index, question: str) -> Reading:
    norm = fix_question_words(ix.english.plain(normalize(question)))
    norm, checking = strip_checking(norm)
    cued = _ANY_PHRASING_CUE.search(norm) is not None  # whether any cue may be in the text as it now reads
    for phrasing, plain, cues in _PHRASINGS:
        meant = _in_its_month(ix) if plain is _IN_ITS_MONTH else plain
        if cues is None:
            read_as = phrasing.sub(meant, norm)
            if read_as != norm:
                norm, cued = read_as, cued or _ANY_PHRASING_CUE.search(read_as) is not None
        elif cued and cues.search(norm):
            norm = phrasing.sub(meant, norm)
    told = _SAYS_ABOUT_WH.match(norm) if " about " in norm else None
    if told and (ix.source_outlet_pattern.search(told["source"]) or not ARTICLE_NOUNS.isdisjoint(told["source"].split())):
        # "what does the Vox article say about why they canceled": why, according to it
        norm = f"according to {told['source']} {told['wh']} {told['rest']}"
    absent = None  # a cue just looked for in vain, in the text as it still reads (the crews' rewrites share theirs)
    for name, meant, cues in ix.rewrites:  # "north korea people", "pence s people", "kim yo jong s brother"
        if cues is None or (cues is not absent and cues.search(norm)):
            norm, absent = name.sub(meant, norm), None
        else:
            absent = cues
    norm = _who_by_name(ix, norm)
    aside = _SET_ASIDE.search(norm)
    if aside and not QUOTE_WORDS.isdisjoint(norm[: aside.start()].split()):
        # "what else did Nauert tweet besides the regret part": the words set aside are not asked
        # for ("which officials besides Pence …" still names who the question is about)
        norm, aside = norm[: aside.start()], tuple(aside.group(1).split())
    elif (elsewhere := _ELSEWHERE.search(norm)) and _asks_where(ix, norm) and (
            ix._analyse(elsewhere.group(1), correct=False)[1] or ix.places_in(elsewhere.group(1), WORD_START)):
        # "where did Pence go before South Korea": somewhere else — the place named is not the answer
        # (up to a clause of its own: "… before Korea and announced sanctions there", "… before Korea to
        # announce sanctions" still ask that)
        place, rest = _place_and_rest(elsewhere.group(1))
        norm, aside = f"{norm[: elsewhere.start()]} {rest}".rstrip(), tuple(place.split())
    else:
        aside = ()
    found = find_dates(norm, ix.fb.meta.default_year)
    without_dates = norm
    for _, start, end in reversed(found):
        without_dates = without_dates[:start] + " " + without_dates[end:]
    fixes: dict[str, str] = {}
    tokens, entities, unknown = ix._analyse(without_dates, correct=True, capitalised=capitalised(question), fixes=fixes)
    if fixes:  # "what did ayers say about the meetng": the rest of the reading sees the words meant
        norm = " ".join(fixes.get(w, w) for w in norm.split(" "))
    wh = wh_token(norm)
    if wh in ("?what", "?which") and not ix._canon_tokens(_DATE_WORDS).isdisjoint(tokens):
        wh = "?when"  # "what date", "which day"
    words = norm.split()
    outlet = None
    others = [t for t in tokens if t != "@" + (entities[0] if entities else "")]
    for pid in entities:  # "according to Vox, …": the outlet chooses the source, it is not the topic
        source = ix.fb.person_by_id[pid].publishes
        reporting = _reported_by(ix, norm, pid) if source and len(tokens) > 1 and others else None
        if reporting is not None:
            outlet = source
            entities = [e for e in entities if e != pid]
            tokens = [t for t in tokens if t != "@" + pid]
            # "what did DW report about …", "what did Vox write about …": a verb the lexicon reads as
            # the outlets or the author is the outlet's reporting here, not a question about them
            # ("the DW article" stays a question about the article; "describe" stays a verb)
            concept = ix._canon_token(reporting)
            if reporting in REPORTING_VERBS and concept != stem(reporting) and concept in tokens and len(tokens) > 1:
                tokens.remove(concept)
            # "what does the Vox article say about why they canceled": its "article" names the source
            # the answer comes from, when something else is asked of it
            at = ix.mention(norm, pid)
            named_as = ARTICLE_NOUN_AFTER.match(norm, at[1]) if at else None
            if named_as and reporting not in ARTICLE_NOUNS and (concept := ix._canon_token(named_as.group(1))) in tokens \
                    and len([t for t in tokens if t != concept]) >= 1:  # ("who edited Jen Kirby's Vox piece" asks of the piece)
                tokens.remove(concept)
            break
    if outlet is None and len(tokens) > 2 and (article := nameless_article(ix, norm)) is not None:
        # "according to the first article, …", "what does the unnamed article say about …": an
        # article with no outlet's name is named by its place or its namelessness
        reporting = _REPORTED.search(norm[: article.span[0]]) or _REPORTS.match(norm[article.span[1]:])
        outlet = article.source if reporting else None
    # "the closing ceremony": a word the articles never use whose opposite they do names another
    # thing; it is not the word of theirs it stems like ("closing" is not "sat close to")
    # ("fell apart" is a lexicon phrase for cancelling: its "apart" is no word of its own)
    opposites = ix.english.opposites  # (most words have none: that is asked first)
    contrasting = [w for w in words if w in opposites and w not in ix._raw_vocab and any(o in ix._raw_vocab for o in opposites[w])]
    if contrasting:
        in_phrases = set(words) - set(ix._phrase_variants(words, names=True))
        contrasting = [w for w in contrasting if w not in in_phrases]
    contrasted = contrasting[0] if contrasting else None
    other_thing = None
    if contrasted:
        if ix._canon_token(contrasted) in tokens:
            tokens.remove(ix._canon_token(contrasted))
        unknown = [*unknown, contrasted]
        at = words.index(contrasted)
        theirs = ix.opposite_thing(words, at)
        other_thing = (f"{contrasted} {words[at + 1]}", theirs) if theirs else None
    known_tokens = tuple(t for t in tokens if t.startswith("@") or t in ix._vocab or t in ix._idf)
    if (not checking and question.rstrip().endswith("?") and len(tokens) + len(unknown) >= 2 and _DECLARATIVE_CHECK.match(norm)
            and not _CLAUSES.search(question.rstrip(" ?!")) and any(w in _STATING or (len(w) > 4 and w.endswith("ed")) for w in words)):
        # "meeting was in tokyo?", "north korea missile launch on december?": a statement asked as
        # a question checks it, as "is it true that …" does (a name alone, "kim yo jong?", asks about her)
        checking = True
    return Reading(question, norm, checking, found, tokens, entities, unknown, known_tokens, wh, words, outlet, contrasted, other_thing, aside)


# someone's words asked for as a reason: "what did they say the reason was", "what did he think caused it"
_SAID_REASON = re.compile(r"\b(?:say|said|says|think|thought|thinks|claim|claimed|claims|believe|believed)\s+(?:that\s+)?(?:was\s+)?"
                          r"(?:(?:the|their|its|his|her)\s+)?(?:main\s+|real\s+|official\s+)?(?:reasons?|cause|motives?|explanation)\b")


def query_of(ix: Index, r: Reading) -> Query:
    """The rest of the analysis of a question read."""
    norm, words, entities, wh, checking = r.norm, r.words, r.entities, r.wh, r.checking
    first = next((w for w in words if w not in LEADING_FILLERS and not ix.english.is_filler(w)), "")
    if r.outlet is not None and first in ("according", "per", "in"):
        first = _after_attribution(ix, norm) or first  # "according to Vox, did Pence …" asks yes or no
    # ("tell me", "tell us": the writer asks the bot; it is no one's words)
    quote_intent = any(w in QUOTE_WORDS and not (w == "tell" and words[i + 1:i + 2] in (["me"], ["us"])) for i, w in enumerate(words))
    thinks = next((i for i, w in enumerate(words) if w in _THINKS), None)
    if not quote_intent and thinks is not None and entities and ix.quoted(entities[0]):
        # "what did Ayers think North Korea wanted?": what someone thought is known by what they said
        quote_intent = ix.mention_at(norm, entities[0]) < len(" ".join(words[:thinks]))
    focus = find_focus(norm, ix._aliases, ix.english.focus_type)
    # ("wat olympcs": a misspelt thing is known as the word it is a typo of)
    focus_known = focus is None or ix._is_known(focus) or focus in ix._aliases_words or (not ix.english.zipf(focus) and ix._is_known(ix._correct(focus)))
    kind = answer_type(norm, asks_yes_no(norm, first, checking), wh, quote_intent, entities)
    if kind == "quote" and _SAID_REASON.search(norm):
        # "what did Pence's office say the reason was": a reason, as they gave it — not any words of theirs
        kind, quote_intent = "reason", False
    if focus and kind in ("what", "quote", "person") and focus in ix.english.focus_type:
        kind = ix.english.focus_type[focus]  # "what city", "the missile's name", "which photographer"
    places = ix.places_in(norm, _AT_PLACE)
    day_asked = bool(_DAY_ASKED.search(norm))
    setting = tuple(ix._analyse(places[0], correct=False)[0]) if places and places[0] in ix.setting_names else ()
    return Query(
        raw=r.raw,
        norm=norm,
        tokens=tuple(r.tokens),
        unknown=tuple((w, ix.english.zipf(w)) for w in r.unknown),
        strangers=tuple(w.title() for w in r.unknown if " " in w),  # only a namesake is an unknown of two words
        unnamed=_full_names_unknown(r),
        entities=tuple(entities),
        dates=tuple(iso for iso, _, _ in r.found),
        first=first,
        quote_intent=quote_intent,
        wh=wh,
        answer_type=kind,
        checking=checking,
        outlet=r.outlet,
        contrasted=r.contrasted,
        other_thing=r.other_thing,
        aside=r.aside,
        known_tokens=r.known_tokens,
        focus=focus,
        focus_known=focus_known,
        place=places[0] if places else None,
        day_asked=day_asked,
        setting=setting,
        episode=episode_named(ix, norm),
        when_asked=first == "when" or (" when " in f" {norm} " and not day_asked),
    )


# two or three words written with capitals, one after another ("press secretary Sarah Sanders")
_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b")


def _full_names_unknown(r: Reading) -> tuple[str, ...]:
    """People the articles never mention, named in full: a namesake ("Ivanka Trump") is an unknown
    of two words already; so is a run of capitalised words inside a sentence that are all words the
    articles never use ("Sarah Sanders", "Rex Tillerson")."""
    if len(r.unknown) < 2:
        return ()
    unknown, inside = set(r.unknown), capitalised(r.raw)
    return tuple(m[0] for m in _NAME_RUN.finditer(r.raw)
                 if m[0].split()[0].lower() in inside and all(w.lower() in unknown for w in m[0].split()))


# (the capital first and what stands before it looked back at from there: the search then skips
# straight to capitals instead of looking back from every character)
_CAPITALISED = re.compile(r"[A-Z](?<=[a-z,;:]\s[A-Z])[a-z]+\b")


def capitalised(question: str) -> frozenset[str]:
    """Words written with a capital inside a sentence ("what did Ivanka Trump do"), lowercased:
    a writer's mark of a name ("KCNA" and a sentence's first word are not)."""
    return frozenset(w.lower() for w in _CAPITALISED.findall(question))


def _who_by_name(ix: Index, norm: str) -> str:
    """"What is the name of the south korean president" asks who the south korean president is
    (unless the articles never name them: "what is Warmbier's father's name" asks what they lack)."""
    found = _NAME_OF.match(norm)
    if found is None:
        return norm
    described = _IN_THE_ARTICLES.sub("", found.group("of") or found.group("owner") or found.group("called"))
    tokens, entities, unknown = ix._analyse(described, correct=True)
    if len(entities) == 1 and tokens == ["@" + entities[0]] and not unknown and ix.fb.person_by_id[entities[0]].named:
        return f"who {norm.split()[1]} {described}"
    return norm


def episode_named(ix: Index, norm: str) -> tuple[str, ...]:
    """The episode's people named as part of its name: "the secret pence north korea meeting",
    "pence's talks with the north koreans", "the meeting between pence and north korea"."""
    nouns = ix.fb.meta.episode.get("nouns", ())
    if not nouns or not any(f" {n} " in f" {norm} " for n in nouns):
        return ()
    spans = sorted((span, pid) for pid in ix.fb.meta.episode.get("people", ()) for span in [ix.mention(norm, pid)] if span)
    named = set()
    for i, ((start, end), pid) in enumerate(spans):
        joined = i + 1 < len(spans) and ix.episode_joint.fullmatch(norm[end:spans[i + 1][0][0]])  # "pence north korea meeting"
        rest = ix.episode_joint.sub("", norm[spans[i + 1][0][1]:] if joined else norm[end:], count=1)
        if ix.episode_noun_next.match(rest) or ix.episode_noun_before.search(norm[:start]):
            named.add(pid)
            if joined:
                named.add(spans[i + 1][1])
    return tuple(sorted(named))


def meeting_owner(ix: Index, question: str) -> tuple[str, tuple[int, int]] | None:
    """"Why did Trump's meeting with Kim Yo Jong get called off?": the episode's meeting given to
    someone who was never one of its parties (facts.yaml meta.episode). Their name as written and
    where it stands in the question (up to its "'s"); None when the owner is a party or no name."""
    lowered = question.lower()
    # (its possessive looked for first: most questions have none, and the search for an owner tries every word)
    found = ix.owned_meeting.search(lowered) if ix.owned_meeting and ("'s" in lowered or "’s" in lowered) else None
    parties = set(ix.fb.meta.episode.get("people", ()))
    if found is None or not parties:
        return None
    words = found.group(1).split()
    starts = [found.start(1) + m.start() for m in re.finditer(r"\S+", found.group(1))]  # where each word begins
    for n in range(len(words)):  # the longest name ending at the possessive: "rex tillerson", "president trump"
        if words[n] in STOPWORDS:
            continue  # "why did trump's meeting": a name starts at a word of its own, not at "why did"
        named = ix._analyse(" ".join(words[n:]), correct=False)[1]
        if named:
            if parties & set(named):
                return None  # "Pence's meeting", "North Korea's meeting with him"
            return ix.fb.person_by_id[named[-1]].name, (starts[n], found.end(1))
    last = words[-1]
    if last in ix._raw_vocab or last in STOPWORDS or not ix.english.zipf(last) < 3.5:
        return None  # "the vice president's meeting", "this week's meeting": no name, or a word of the articles
    n = len(words) - 2 if len(words) > 1 and words[-2] not in STOPWORDS else len(words) - 1  # "rex tillerson"
    return question[starts[n] : found.end(1)], (starts[n], found.end(1))


# "on his flight to South Korea", "during the trip home from Japan"
_JOURNEY_ASKED = re.compile(r"\b(?:on|during|in) (?:his|her|their|the|a|that) (?:flight|plane ride|plane|way|trip|journey|ride)"
                            r"(?: home| back| over)? (?P<dir>to|into|from) (?:the )?(?P<place>[a-z][\w-]*(?: [a-z][\w-]*)?)")


def wrong_journey(ix: Index, question: str) -> tuple[str, tuple[int, int], Journey] | None:
    """"What did Pence tell Rogin on his flight to South Korea?": a journey the question puts
    something on, where the one fact sharing its people puts it on another ("On his flight home
    from South Korea"). The question's words for it, where they stand, and the fact's journey;
    None when a fact's journey agrees, or none shares the question's people."""
    lowered = question.lower()
    found = _JOURNEY_ASKED.search(lowered)
    if found is None or not ix.journeys:
        return None
    places = frozenset(ix._analyse(found.group("place"), correct=False)[1])
    if not places:
        return None  # "on his way to the meeting": no place, no journey to compare
    people = set(ix._analyse(lowered[: found.start()] + " " + lowered[found.end() :], correct=False)[1])
    direction = "from" if found.group("dir") == "from" else "to"
    sharing = [j for j in ix.journeys if people & j.people - j.places]
    if not sharing or any(j.direction == direction and j.places == places for j in sharing):
        return None
    return question[found.start() : found.end()], (found.start(), found.end()), sharing[0]


def wrong_relative(ix: Index, question: str) -> tuple[str, str, str, str] | None:
    """"Why did Pence bring Otto Warmbier's mother?": a relative the articles give as of the other
    gender (his father). The word asked ("mother"), the owner's id, the relative's id and the word
    for the relative ("father"); None when no such tie is asked about."""
    if ix.wrong_relative_cue is None or not ix.wrong_relative_cue.search(question):
        return None  # (most questions name no relative at all: one search instead of normalising)
    norm = ix.unglued(normalize(question))  # ("otto warmbiers mom")
    for pattern, owner, relative, right in ix.wrong_relatives:
        if found := pattern.search(norm):
            return found.group(1), owner, relative, right
    return None


_SEASONS = frozenset(SEASONS)
_YEAR = re.compile(r"(?:19|20)\d\d")


def wrong_setting(ix: Index, question: str) -> tuple[str, tuple[int, int]] | None:
    """"What did Pence do at the Tokyo Olympics?", "the 2020 Summer Games": the setting of the
    episode (facts.yaml meta.setting) named with a place, season or year it never had. That name
    as written and where it stands in the question; None when every word before its noun is one
    of the setting's own ("the 2018 Winter Olympics") or names nothing of the kind."""
    if ix.setting_head is None:
        return None
    lowered = question.lower()
    for head in ix.setting_head.finditer(lowered):
        start, wrong = None, False
        for word in reversed(list(re.finditer(r"[\w.-]+", lowered[: head.start()]))[-3:]):
            text = word.group(0)
            if text in ix.setting_words:
                start = word.start()
            elif _YEAR.fullmatch(text) or text in _SEASONS or text in ix.english.places:
                start, wrong = word.start(), True
            else:
                break
        end = head.end()
        # ("the winter olympics in 2016": a year named after the setting is its year too)
        year = re.match(r"\s+(?:in|of|back in)\s+(\d{4})\b", lowered[end:])
        if year and year.group(1) not in ix.setting_words:
            start, wrong, end = head.start() if start is None else start, True, end + year.end()
        # ("the winter olympics in beijing": so is a place named after it)
        place = re.match(r"\s+(?:in|at)\s+([a-z][\w.-]*)(?:\s+([a-z][\w.-]*))?", lowered[end:])
        if place and not wrong:
            two = f"{place.group(1)} {place.group(2)}" if place.group(2) else None
            named = two if two and two in ix.english.places else place.group(1) if place.group(1) in ix.english.places else None
            if named and not set(named.split()) & ix.setting_words:
                start, wrong = head.start() if start is None else start, True
                end = end + place.start(1) + len(named)
        if wrong:
            return question[start:end], (start, end)
    return None


def find_focus(norm: str, aliases: dict[tuple[str, ...], str] | None = None, kinds: Container[str] = ()) -> str | None:
    """The thing a question asks for; `kinds` are the words that name a kind of answer ("city")."""
    m = _FOCUS.search(norm)
    if not m:
        return None
    group = next(g for g in (1, 2, 3) if m.group(g))
    word, after, at = m.group(group), norm[m.start(group):].split(), 0
    if group == 3 and aliases:
        # "how many North Korean officials": a name that qualifies the noun is not what is counted
        for n in range(min(4, len(after) - 1), 0, -1):
            if tuple(after[:n]) in aliases and after[n] not in _NOT_FOCUS and after[n] not in STOPWORDS:
                word, at = after[n], n
                break
    if word in _VAGUE_FOCUS:
        return None  # "what three things …": no kind of thing is asked for
    if word in _NOT_FOCUS:
        # "what was the exact hour": after "what is", a kind of answer named right after it
        kind = _KIND_NEXT.match(norm, m.end())
        if kind and kind.group(1) in kinds:
            return kind.group(1)
        # "what is Otto Warmbier's age": after "what is", the attribute named further on
        attribute = _ATTRIBUTE.search(norm, m.end())
        return attribute.group(1) if attribute else None
    if (word not in kinds and at + 1 < len(after) and after[at + 1] in kinds
            and not any(word in name for name in aliases or ())):
        return after[at + 1]  # "which Japanese city": a word (not a name: "which US officials") qualifying the kind asked for
    return word


_REPORTED = re.compile(r"\b(?:according to|per|in|from|by)\s+(?:the\s+)?$")
_SAYS_ABOUT_WH = re.compile(r"^(?:so |and |ok )?what (?:does|did|do) (?P<source>(?:\S+ ){1,4}?)(?:say|report|write|claim|tell us)s? about "
                            r"(?P<wh>why|how|when|who|where) (?P<rest>.+)$")
# ("which quote does vox have from nauert", "what does DW print of it": what the outlet prints is its words)
_REPORTS = re.compile(rf"^\s*(?:s\s+)?({'|'.join(REPORTING_VERBS)}|version|account|article|piece|story|coverage|"
                      r"have|has|had|quote|quotes|quoted|print|prints|printed|carry|carries|carried|run|runs|ran)\b")


# "the first article", "the unnamed piece", "the anonymous one": an article named by no outlet's name
# ("the first one" only where the talk is of articles: `nameless_article(…, first_one=True)`)
_NAMELESS = "first|unnamed|unsigned|untitled|anonymous|nameless"
_NAMELESS_ARTICLE = re.compile(rf"\b(?:the\s+)?(?P<word>{_NAMELESS})\s+(?:article|piece|story|source)\b"
                               r"|\b(?:the\s+)?(?P<one>unnamed|unsigned|untitled|anonymous|nameless)\s+one\b")
_FIRST_ONE = re.compile(r"\b(?:the\s+)?(?P<word>first)\s+one\b")


@dataclass(frozen=True)
class NamelessArticle:
    source: str | None  # the source it means: "first", the first listed; otherwise the one whose outlet is unknown
    word: str  # "first", "unnamed", …
    words: str  # as the text names it ("the first article")
    span: tuple[int, int]


def nameless_article(ix: Index, text: str, first_one: bool = False) -> NamelessArticle | None:
    """The article a text names by its place or its namelessness, if it does."""
    found = _NAMELESS_ARTICLE.search(text) or (_FIRST_ONE.search(text) if first_one else None)
    if found is None:
        return None
    word = found.group("word") or found.group("one")
    source = ix.fb.sources[0].id if word == "first" else next((src.id for src in ix.fb.sources if src.outlet == "unknown"), None)
    return NamelessArticle(source, word, found.group(0), found.span())


_ATTRIBUTION = re.compile(r"^(?:\S+ )*?(?:according to|per|in) (?:the )?")
_ARTICLE_AFTER_OUTLET = re.compile(r"(?:s )?(?:(?:article|piece|story|report|version|account) )?")


def _after_attribution(ix: Index, norm: str) -> str | None:
    """The first word after an opening "according to Vox", "per the first article", "in DW's piece",
    or None when the question opens otherwise."""
    lead = _ATTRIBUTION.match(norm)
    if lead is None:
        return None
    named = ix.source_outlet_pattern.match(norm, lead.end())
    if named is not None:
        end = named.end()
    else:
        nameless = nameless_article(ix, norm)
        if nameless is None or nameless.span[0] > lead.end():
            return None
        end = nameless.span[1]
    rest = norm[end:].lstrip()
    rest = rest[_ARTICLE_AFTER_OUTLET.match(rest).end():]
    return next(iter(rest.split()), None)


def _reported_by(ix: Index, norm: str, pid: str) -> str | None:
    """"According to Vox …", "what does DW say …", "in Vox's piece": the outlet is the source
    asked about, not the subject ("when did the DW article come out" is about DW's article).
    Returns the word that makes it the source ("report"; "" for "according to"), else None."""
    span = ix.mention(norm, pid)
    if span is None:
        return None
    before, after = norm[: span[0]], norm[span[1]:]
    if _REPORTED.search(before):
        return ""
    reports = _REPORTS.match(after)
    if reports and not re.search(r"\b(?:when|what day|what date|who wrote|headline|title|author)\b", norm):
        return reports.group(1)
    return None


def answer_type(norm: str, yes_no: bool, wh: str | None, quote_intent: bool, entities) -> str:
    """The kind of answer a question wants, from how it asks (before what its focus names)."""
    if "how " in norm and _TIMING.search(norm):  # (a quicker test first: most questions ask no "how")
        return "date"  # "how long before …": a time, counted or named ("two hours", "the morning after")
    if _NUMBER.search(norm):
        return "number"
    if yes_no:
        return "yesno"
    if wh == "?when":
        return "date"
    if wh == "?where":
        return "place"
    if wh in _PERSON_WH:
        return "person"
    if wh == "?why":
        return "reason"
    if quote_intent and entities:
        return "quote"
    return "what"


def split_parts(question: str) -> tuple[str, ...]:
    """The separate questions of one message ("Who is Ayers, and what did he say?"), each
    standing alone; a part that only points back ("what did he say") gets the names of the part
    before it. One question gives ()."""
    # each piece, and whether it asks something: a question word, or the writer's "?" after it
    # ("pence was gonna meet them?? when …")
    pieces: list[tuple[str, bool]] = []
    start = 0
    for sep in [*_PART_SPLIT.finditer(question), None]:
        piece = question[start : sep.start() if sep else len(question)].strip(" ,;.!")
        marked = "?" in sep.group() if sep else question.rstrip().endswith("?")
        if piece:
            pieces.append((piece, marked or asks(piece)))
        start = sep.end() if sep else start
    merged: list[tuple[str, bool]] = []
    for piece, asking in pieces:  # "According to DW, what did Ayers say?" is one question: a piece that asks nothing joins the next
        if merged and not merged[-1][1]:
            merged[-1] = (f"{merged[-1][0]}, {piece}", asking)
        else:
            merged.append((piece, asking))
    if len(merged) > 1 and not merged[-1][1]:
        merged[-2:] = [(f"{merged[-2][0]}, {merged[-1][0]}", True)]
    # "who cancelled it and why": a question word alone asks it of the part before ("why cancelled it")
    for i in range(1, len(merged)):
        word = normalize(merged[i][0]).strip()
        if word in WH_WORDS:
            before = normalize(merged[i - 1][0]).split()
            rest = before[1:] if before and before[0] in WH_WORDS else before
            merged[i] = (" ".join([word, *rest]), True)
    parts = tuple(p for p, _ in merged if len(p.split()) >= 2)
    return parts if len(parts) >= 2 else ()


_ASKS = re.compile(r"\b(?:who|whom|whose|what|when|where|why|how|which)\b|^(?:did|does|do|was|were|is|are|has|have|had|will|would|could|can)\b")


def asks(piece: str) -> bool:
    return bool(_ASKS.search(normalize(piece)))


def points_back(text: str) -> bool:
    """A part or follow-up that refers to something named before it ("what did he say")."""
    return bool(_PRONOUNS & set(normalize(text).split()))


# "when was the meeting, feb 12?", "who cancelled, the us?", "where, was it in korea?": a question,
# then after its last comma a guess at the answer (a few words: no question word, no second clause)
_GUESS = re.compile(r"^(?P<asked>[^,]+\S)\s*,\s*(?:(?:like|maybe|probably|was it|is it|it was|wasnt it|i think)\s+)?"
                    r"(?:(?:in|on|at|by)\s+)?(?P<guess>[^,]+?)(?:\s+(?:right|correct|yes|maybe|i think|or something|lol))?\s*$")
_NOT_A_GUESS = frozenset("according per says said does did do is was are were has have had can could would will should and or but who what when where why how which whose whom please pls plz exactly".split())


def trailing_guess(ix: Index, text: str) -> tuple[str, str, Query] | None:
    """A wh-question with a guess at its answer after its last comma: the question alone, the guess
    as written, and the guess read. None unless the guess names only what the index knows (a name,
    a date, a number or a word of its own: "some kingdom thing" is left to the whole question)."""
    found = _GUESS.match(text.strip().rstrip("?!. ")) if "," in text else None
    if found is None or wh_token(normalize(found.group("asked"))) is None:
        return None
    guess = found.group("guess").strip()
    plain = normalize(guess)
    words = plain.split()
    if not words or len(words) > 4 or not _NOT_A_GUESS.isdisjoint(words):
        return None
    read_guess = analyse(ix, guess)
    # an answer's value: a name, a place, a number, a day, or someone the articles say did something
    # without a name of ours ("the us"); "their official message", "exact clock time" are no guess
    placed = {t for place in ix.places_in(plain, WORD_START) for t in ix._analyse(place, correct=False)[0]}
    if not (read_guess.tokens or read_guess.dates) or any(
            not (t.startswith("@") or t.isdigit() or t in ix.claim_doers or t in placed) for t in read_guess.tokens):
        return None
    return found.group("asked"), guess, read_guess
