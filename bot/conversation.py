"""Follow-up questions: a message read against the turns before it.

The engine stays pure: a conversation is a small value (`Conversation`) passed in and returned.
`follow_up` decides whether a message stands alone — it names its own people, or asks a whole
question — or leans on the last turn ("what did he say?", "and when?", "why?", "sources?",
"more"), and if so rewrites it into a question the engine can read alone, saying whom or what it
took the reference to mean when that is not obvious. The console and Discord both keep one
`Conversation` per (channel, user) in a `ConversationStore`: in memory only, bounded, expiring
after 15 minutes of silence, and holding no message text.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from bot.candidates import DATE_TEXT, fact_answer, quote_when, related_docs, said_to_lines
from bot.index import IN_PLACE
from bot.engine import Answer, Engine, NotCovered, Result
from bot.analyse import WHICH_NOUN, Query, analyse, asks, nameless_article, read
from bot.articles import article_name, article_named, reporting_articles
from bot.claims import as_question
from bot.decide import HEDGED, NOTHING_SPECIFIC
from bot.ordering import asks_order, event_cited, step_from
from bot.text import (ARTICLE_NOUN_AFTER, ARTICLE_NOUNS, PERSONAL_PRONOUN, PRONOUN_GENDER, REPORTING_VERBS, SPEECH_VERB, STOPWORDS, clip, find_dates, first_upper, listed, normalize, strip_checking,
                      without_question_words, wh_token)

EXPIRES_AFTER = 15 * 60  # seconds of silence after which a conversation is forgotten
MAX_CONVERSATIONS = 5000

_POINTERS = frozenset("it its that this these those".split())  # they point back; they name no topic
TOPIC_WORDS = 12  # at most this many words of the last question carried into a follow-up
_PLURAL = re.compile(r"\b(they|them|their|theirs)\b")
# what a news outlet does, besides the reporting verbs: "they" may be an outlet that does it
_OUTLETS_DO = re.compile(r"\b(?:" + "|".join(REPORTING_VERBS) + r"|reporting|written|publish|published|publishes|cover|covered|covers|"
                         r"print|printed|prints|quote|quoted|quotes|cite|cited|cites|mention|mentioned|mentions|article|story|piece|"
                         r"headline|interview|interviewed|break|broke|scoop)\b")
_PLURAL_SUBJECT = re.compile(r"\bthey\b")
_BARE_THING = re.compile(r"\b(?:it|that|this)$")  # "… take it", not "that interview"
_THING = re.compile(r"\b(that meeting|that|it|this)\b")  # "the meeting" is the episode's own: no reference back
_ELLIPTIC = re.compile(r"^(?:and|but|so|ok|okay|also)?\s*(who|when|where|why|how|what)"
                       r"(?:\s+(?:else|exactly|then|about it|so|not|that|this|it|said so|said that|did that|did it))?$")
_SOURCES = re.compile(r"^(?:and\s+)?(?:sources?|source pls|citations?|proof|evidence|links?|where does it say that|"
                      r"how do you know|"
                      r"(?:who|what|whose)(?: s| is| was|s)? (?:the |your )?sources? (?:for|of|on) (?:that|this|it))$")
# "is that true?", "really?", "u sure": whether the last answer holds — it again, with where it comes from
_CHECKED = re.compile(r"^(?:and\s+|but\s+|so\s+|wait\s+)?(?:(?:is|was) (?:that|this|it) (?:really )?(?:true|right|correct|accurate)"
                      r"|really|are you sure|u sure|you sure|for real|(?:that s |thats )?(?:true|right|correct))(?: (?:tho|though|really|lol))?$")
_DATE_NAMED = re.compile(r"\b(?:date|dates|day|time)\b")  # "which article gives that date?"
# "are you sure? which article says that": a doubt, then a question of its own after a stop
_CHECKING_FIRST = re.compile(r"^\s*(?:hmm+\s*|wait\s*)?(?:(?:are|r) (?:you|u) sure|u sure|you sure|really|is (?:that|this|it) (?:really )?(?:true|right|correct)"
                             r")\s*[?.!,:;]+\s*(?P<rest>\S+\s+\S.*)$", re.IGNORECASE)
# "no thats wrong", "are you sure it wasnt pence", "no he stood up i watched it": the last answer disputed,
# perhaps with a claim of the user's own (what follows the pushback)
_PUSHBACK = re.compile(r"^(?:(?:no+|nope|nah|wrong|false|incorrect|not true|(?:that s|thats|that is|ur|you re|youre|your) "
                       r"(?:wrong|not (?:right|true|correct)|incorrect|false|lying)|(?:are you|r u|are u|u|you) sure|"
                       r"i m (?:pretty |quite |very |100 )?sure|im (?:pretty |quite |very |100 )?sure|i (?:heard|read|saw) (?:that )?|"
                       r"but i (?:heard|read|thought|saw)(?: that)?)\b[ ,]*)+")
# what a pushback says besides the claim: nothing to check
_PUSHBACK_FILLER = frozenset("that s thats is it this wrong lol bro dude man tho though really actually totally i m im pretty sure "
                             "know saw it watched heard read".split())
# "who reported that?", "which outlet said it?", "which of the articles says that", "where did you read that"
# ("which article gives that date?", "what source has the two hours": the thing the answer said, named)
_REPORTED = re.compile(r"^(?:and\s+|but\s+|so\s+|ok\s+|okay\s+)?(?:(?:which|what) (?:(?:(?:one )?of (?:the |these |those |your )?)?(?:outlets?|sites?|papers?|newspapers?|articles?|sources?|news)|"
                       r"(?:one )?of them|one)\s+(?:reported|reports|report|said|says|say|wrote|writes|published|covered|mentions|mentioned|mention|has|had|is|"
                       r"gives|give|gave|states|stated|prints|printed|quotes|quoted)|"
                       r"who\s+(?:reported|reports|wrote|published|covered|broke))\s+(?:(?:that|this|it|so)|(?:that|this|the|those|these) "
                       r"(?:date|dates|time|day|number|figure|quote|words|bit|part|claim|detail|details|info|information|line|fact|thing))$|"
                       r"^where did you (?:read|get|see) (?:that|this|it)$|"
                       r"^(?:and\s+|so\s+)?where (?:was|is) (?:that|this|it) (?:published|printed|reported|from)$|"
                       # "which article?", "in what piece" (after "who said that?"; "which paper?" after "who was he
                       # talking to?" asks for Rogin's paper)
                       r"^(?:and\s+|so\s+|ok\s+)?(?:in\s+|from\s+|according\s+to\s+)?(?:which|what)\s+(?:articles?|pieces?|sources?)$|"
                       # "according to which outlet?": which of the three says so, not whose paper
                       r"^(?:and\s+|so\s+|ok\s+)?according\s+to\s+(?:which|what|whose)\s+(?:outlets?|papers?|newspapers?|sites?)$")
# "does DW agree?", "did vox say that too", "is that in the vox article or the others too", "was that in the first one"
# what a follow-up checks in an article: the last answer ("that", "the same"), or its words ("that quote")
_CHECKED_THING = (r"(?:that|it|this|so|him|her|them|the\s+same(?:\s+(?:thing|quote|quotes|line|words|wording|version|story|claim|statement|tweet))?|"
                  r"(?:that|this|those|these|the)\s+(?:quote|quotes|line|lines|words|bit|part|claim|statement|tweet|sentence|wording|detail|story))")
_CHECK_VERBS = r"(?:say|says|report|reports|mention|mentions|have|has|got|confirm|confirms|carry|carries|print|prints|run|runs|quote|quotes|include|includes|use|uses|give|gives)"
# "does DW agree?", "does vox carry that line too", "DW has the same quote?", "is that quote in DW as well"
_OUTLET_CHECK = re.compile(rf"^(?:and\s+|but\s+|so\s+|ok\s+)?(?:(?:does|did|do)\s+(?P<o1>.+?)\s+(?:agree(?:\s+with\s+(?:that|it|this))?|{_CHECK_VERBS}\s+{_CHECKED_THING})|"
                           rf"(?P<o3>.+?)\s+{_CHECK_VERBS}\s+{_CHECKED_THING}|"
                           rf"(?:is|was|are|were)\s+{_CHECKED_THING}\s+(?:also\s+)?in\s+(?P<o2>.+?)|"
                           # "what about vox, same quote?", "vox same words?"
                           r"(?:(?:what|how)\s+about\s+)?(?P<o4>.+?)\s+(?:the\s+)?same(?:\s+(?:quote|quotes|words|line|wording|thing))?)"
                           r"(?:\s+(?:too|as\s+well|also))?$")
# "who did he tell that to?", "to whom", "who was she talking to"
_SAID_TO = re.compile(r"^(?:and\s+|so\s+)?(?:who did (?:he|she|they) (?:tell|say|said|give) (?:that|this|it)(?: to)?|who did (?:he|she|they) tell|"
                      r"(?:to )?who did (?:he|she|they) (?:say|said) (?:that|this|it)(?: to)?|to whom|to who|who to|"
                      r"who (?:was|were) (?:he|she|they) (?:talking|speaking) to|who was (?:that|it) (?:said|told) to)$")
# "who else?", "anyone else?", "who else was there"
# ("what else did they accuse him of" is a question of its own, read with its pronouns resolved)
_ELSE = re.compile(r"^(?:and\s+)?(?:(?P<who>who|anyone|anybody|any one|someone) else\b|(?:what|anything) else(?: (?:is there|was there|happened))?$)")
# "what did he say next?", "what else did she say", "did he say anything else"
_SAID_NEXT = re.compile(r"\b(?:say|said|tweet|tweeted|add|added|suggest|suggested|claim|claimed)\b.*\b(?:next|else|after that|then|more|too|also)\b|"
                        r"\b(?:else|more|next)\b.*\b(?:say|said|tweet|tweeted|suggest|suggested|claim|claimed)\b")
# "who said that?", "says who", "who on his team said that", "according to whom"
_SAID_BY = re.compile(r"^(?:and\s+|but\s+|so\s+|ok\s+)?(?:who(?:\s+\S+){0,4}?\s+(?:said|says|claimed|claims|stated|announced|told you)"
                      r"(?:\s+(?:that|so|it|this)(?:\s+to\s+(?:the\s+)?\S+)?)?|says who|who says so|according to (?:who|whom)|who(?:'s| is) saying (?:that|so|this)|"
                      r"whose (?:words|claim|idea) (?:is|was|are|were) (?:that|this|those))$")
# "ok different thing. who is heather nauert": a fresh start, and no part of the question
_NEW_TOPIC = re.compile(r"^(?:(?:ok|okay|so|alright|anyway|and)[,.]?\s+)?(?:(?:a|on a|one)\s+)?(?:(?:different|diff|another|new|other|unrelated|separate)"
                        r"\s+(?:thing|question|topic|subject|one|q)|switching\s+(?:topics?|gears|subjects?)|chang(?:e|ing)\s+(?:the\s+)?"
                        r"(?:topic|subject)|unrelated(?:\s+but)?|moving on|on another note)\s*(?:[-–—.,:;!]+\s*|\s+(?=\w))", re.IGNORECASE)
# "when did they say it?", "where was he when he said that", "when was that said"
# "compare", "compare the outlets", "how do the articles compare": the last answer in each article's words
_COMPARED = r"(?:them|they|the (?:two |three )?(?:versions|quotes|wordings|outlets|articles|sources|accounts))"
_COMPARE = re.compile(r"^(?:and\s+|so\s+|ok\s+|now\s+)?(?:compare(?: (?:them|that|it|the (?:outlets|articles|sources|three)))?(?: pls| please)?|"
                      r"how do (?:they|the (?:outlets|articles|sources)) compare|side by side|"
                      r"(?:what|how) do the (?:others|other (?:articles|outlets|sources)) (?:say|put it)|"
                      # "any difference between the two versions", "how do they differ", "are the versions the same"
                      rf"(?:(?:is|are) there |whats |what is |what are )?(?:any |a |the )?differences? between {_COMPARED}|"
                      rf"(?:how|where) do {_COMPARED} differ|do {_COMPARED} differ|(?:is|are) {_COMPARED} (?:the same|different|identical))$")
_BARE_WHEN = re.compile(r"^(?:and\s+|so\s+|ok\s+)?(?:when|where|(?:on )?(?:what|which) (?:day|date))(?: (?:was|is) (?:that|this|it))?$")
_SAID_WHEN = re.compile(r"^(?:and\s+|so\s+)?(?:(?:when|where|how|(?:on |at )?(?:what|which) (?:day|date|time)) did (?:he|she|they|it|that) "
                        r"(?:say|said|tell|tweet|post|write|announce)"
                        r"(?: (?:it|that|this|so))?|(?:when|where) (?:was|were) (?:he|she|they) when (?:he|she|they) (?:said|told|tweeted|gave|made|did|posted|wrote) "
                        r"(?:it|that|this|them|(?:those|these|the|that|this|his|her) (?:comments?|remarks?|words|quotes?|interview|statement|tweets?))"
                        r"|(?:when|where) was (?:that|it|this) said)$")
# "what's the exact quote?", "word for word?", "what were his exact words"
_EXACT = re.compile(r"^(?:and\s+|so\s+|ok\s+)?(?:(?:what(?:s| is| was| were| are)?\s+)?(?:the\s+|his\s+|her\s+|their\s+)?"
                    r"(?:exact|actual|full|original|precise)\s+(?:quote|quotes|words|wording|text|phrasing)|quote (?:it|that|them)|"
                    r"word for word|verbatim|in (?:his|her|their) (?:own )?words)(?:\s+(?:pls|please))?$")
# "quote?", "quote pls", "any quotes?", "got a quote": the words themselves, of whoever the last answer reports
_QUOTE_ASKED = re.compile(r"^(?:and\s+|so\s+|ok\s+)?(?:(?:got|have|any|a|the|with)\s+)?(?:a\s+)?(?:quotes?|direct quotes?)(?:\s+(?:pls|please|plz))?$")
_ANYTHING_ELSE = re.compile(r"^(?:and\s+)?(?:what|anything) else\b")
_REPORTING_WORDS = frozenset(REPORTING_VERBS) | {"mention", "mentions", "mentioned", "named", "get", "gets", "got"}
# "and then?", "what happened next", "what came before that": a step along the timeline from the
# happening the last answer was about
_STEP_ON = re.compile(r"^(?:(?:and|so|ok|okay)\s+)?(?:then what(?: (?:happened|happens|did (?:they|he|she) do))?|what then|and then|then|what next|next|after that|whats next|what is next|"
                      r"what (?:happened|happens|came|comes) (?:next|then|after(?:wards?)?|later|after (?:that|this|it))|"
                      r"what did (?:they|he|she) do (?:next|then|after(?:wards?)?|after (?:that|this)))$")
_STEP_BACK = re.compile(r"^(?:(?:and|so|ok|okay)\s+)?(?:before that|and before that|what (?:happened|came) (?:right |just )?"
                        r"(?:before(?: (?:that|this|it))?|earlier|first))$")
# "who's the first one", "and the second guy?", "what did the other one say": one of the people the
# last answer listed ("the first one to report it" is no reference back)
_LISTED = re.compile(r"\bthe (?P<which>first|second|third|1st|2nd|3rd|last|latter|former|other) (?:one|guy|person|official|woman|lady|man|dude|girl|1)\b(?! (?:to|who|that|which)\b)",
                     re.IGNORECASE)
_PLACE_IN_LIST = {"first": 0, "1st": 0, "former": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "last": -1, "latter": -1}
_MORE = re.compile(r"^(?:and\s+)?(?:more|tell me more|go on|anything else|what else|and|continue|details?|more details?)$")


@dataclass(frozen=True)
class Conversation:
    """What a follow-up may refer to: the last turn's people (most recent first), its facts, and
    its question as the engine read it — ids and normalised words, never the user's message."""

    people: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()  # ids of the quotes already shown, so "what did he say next?" moves on
    reported: tuple[str, ...] = ()  # ids of the quotes the last answer's facts report in their own words
    question: str = ""
    citations: tuple = ()
    things: tuple[str, ...] = ()  # plural things the talk is about ("sanctions", "defectors"): what "them" may mean
    place: str = ""  # where the last answer put things ("in Japan"), or its question did: what "there" means
    # the last question read as a whole (not "why" or "by who?" with the topic's words added): what a
    # short follow-up is shown to follow up on
    anchor: str = ""
    told_whom: bool = False  # the last turn said whom words were said to: a bare "when?" asks when they were said
    # the people the last answer that named several listed, in its order: whom "the first one",
    # "the second one" and "the other one" mean
    listed: tuple[str, ...] = ()
    updated: float = field(default=0.0, compare=False)


@dataclass(frozen=True)
class Turn:
    result: Result
    note: str | None  # "(Taking 'he' as Nick Ayers.)" when the reading of a reference is not obvious
    conversation: Conversation
    read_as: str = ""  # the question as the engine was asked it


def follow_up(engine: Engine, text: str, before: Conversation | None, now: float | None = None) -> Turn:
    """Answer `text`, read against the conversation `before` (None: a fresh start)."""
    now = time.time() if now is None else now
    if before is not None and now - before.updated > EXPIRES_AFTER:
        before = None
    text = clip(text)
    just_told = before is not None and before.told_whom  # (a flag for the next message only)
    if just_told:
        before = replace(before, told_whom=False)
    corrected = _corrected(text, before) if before is not None and before.question else None
    corrected_note = None
    if corrected is not None:
        # "sorry, I meant his father. who reported that": what the asker meant is asked instead
        text, substituted = corrected
        corrected_note = f"(Reading that as: “{text}”.)" if substituted else None
    fresh = _NEW_TOPIC.match(text)
    if fresh and text[fresh.end():].strip():
        text, before = text[fresh.end():], None
    norm = engine.ix.english.plain(normalize(text)).strip(" ?!.")  # "y not" is "why not"
    note = there_note = None
    appended = False  # whether the last question's words were added to the message
    if before is not None and before.place and _THERE.search(norm):
        # "what did he do there" after "where did Pence's trip start?" (in Japan): there is that place
        text = _THERE.sub(f" {before.place}", text.rstrip(" ?!.")) + "?"
        norm = engine.ix.english.plain(normalize(text)).strip(" ?!.")
        there_note = f"(Taking “there” as {before.place.split(' ', 1)[1]}.)"  # "in Japan": Japan
    listed = _one_listed(engine, text, before) if before is not None and before.listed else None
    listed_note = None
    if listed is not None:
        text, listed_note = listed
        norm = engine.ix.english.plain(normalize(text)).strip(" ?!.")
    checking = _CHECKING_FIRST.match(text) if before is not None and before.citations else None
    if checking and asks(checking.group("rest")):
        # "are you sure? which article gives that date?": the doubt is answered by the question after it
        text = checking.group("rest")
        norm = engine.ix.english.plain(normalize(text)).strip(" ?!.")
    question = text
    that_one = spoke = None
    asked_again = of_outlet = None
    if before is not None and before.question:
        # ("does dw say that too" checks the last answer in DW, below; it does not ask it again of DW)
        checked_in = _checked_article(engine, norm) if before.facts or before.quotes else None
        of_outlet = None if checked_in else _outlet_again(engine, norm, before)
        asked_again = of_outlet or _what_about(engine, norm, before)
        if asked_again is not None:
            # "what about the state dept?" after "did trump say anything about it?": the same question of them
            message, text = text, asked_again
            norm = engine.ix.english.plain(normalize(text)).strip(" ?!.")
        if _CHECKED.match(norm) and before.citations and before.question:
            return _checked(engine, text, before, now)
        pushed = _PUSHBACK.match(norm) if before.citations else None
        if pushed and not asks(norm[pushed.end():]):
            return _pushed_back(engine, text, norm[pushed.end():].strip(), before, now)
        if _COMPARE.match(norm) and (before.facts or before.quotes):
            compared = _compared(engine, text, before, now)
            if compared is not None:
                return compared
        if _SOURCES.match(norm) and before.citations:
            return _reported_by(engine, text, before, now, lead="Here is where that comes from: ")
        said_then = replace(before, quotes=before.quotes or before.reported)  # the words the last answer was about
        if _SAID_BY.match(norm) and (said_then.quotes or before.facts):
            return _said_by(engine, text, said_then, now)
        if _REPORTED.match(norm) and before.citations:
            return _reported_by(engine, text, before, now)
        if checked_in:
            # "does DW agree?", "is that in the Vox article too?": whether that article reports the last answer
            turn = _in_article(engine, text, checked_in, before, now)
            if turn is not None:
                return turn
        # ("when?" right after whom someone's words were said to: when they said them)
        # ("what date was that" right after someone's words were shown: when they were said)
        if (_SAID_WHEN.match(norm) or (_BARE_WHEN.match(norm) and (just_told or before.quotes))) and said_then.quotes:
            said = _said_when(engine, text, said_then, now)
            if said is not None:
                return said
        elif _SAID_WHEN.match(norm) and before.facts:
            reported = _reported_when(engine, text, before, now)
            if reported is not None:
                return reported
        if _SAID_TO.match(norm) and said_then.quotes:
            said_to = _said_to(engine, text, said_then, now)
            if said_to is not None:
                return said_to
        if _QUOTE_ASKED.match(norm) and said_then.quotes:
            # "quote pls" after "did Ayers call it a win?": the words the last answer reports, as said
            said = _quotes(engine, said_then.quotes)
            speaker = said[0].speaker
            result = engine.quotes_answer(text, speaker, [x for x in said if x.speaker == speaker])
            return Turn(result, None, replace(before, quotes=tuple(x.id for x in result.quotes), updated=now))
        if (_EXACT.match(norm) or _QUOTE_ASKED.match(norm)) and before.citations:
            return _exact_words(engine, text, before, now)
        if _SAID_NEXT.search(norm) and len(norm.split()) <= 10:
            said = _said_next(engine, text, before, now)
            if said is not None:
                return said
        stepped = _STEP_ON.match(norm) or _STEP_BACK.match(norm)
        if stepped and before.citations:
            step = _timeline_step(engine, text, "after" if stepped.re is _STEP_ON else "before", before, now)
            if step is not None:
                return step
        if _ELSE.match(norm):
            if said_then.quotes and _ANYTHING_ELSE.match(norm):
                return _more(engine, text, before, now)  # "anything else?" after someone's words: more of them
            return _someone_else(engine, text, before, now)
        if _MORE.match(norm):
            return _more(engine, text, before, now)
        if before.facts:  # what the last answer's fact says of it: "against who?", "where was he at the time?"
            preposition = _PREPOSITION_WHO.match(norm)
            of_the_fact = (_of_the_last_facts(engine, text, preposition.group(1), before, now) if preposition
                           else _where_then(engine, text, before, now) if _WHERE_THEN.match(norm) else None)
            if of_the_fact is not None:
                return of_the_fact
        elliptic = _ELLIPTIC.match(norm)
        that_one = None if elliptic else _that_one(engine, norm, before, named=set(engine.entities_in(text)))
        if elliptic:
            # ("why not?" after "did Pence stand up?" — No: why he did not)
            asked = "why not" if elliptic.group(1) == "why" and norm.split()[-1] == "not" else elliptic.group(1)
            question = f"{asked} {_topic_of(engine, before.question, elliptic.group(1))}"
            answered_who = _answered_who(engine, before) if elliptic.group(1) == "why" else None
            if answered_who is not None:
                # "why?" after "who did he bring along?": why that one — the one the answer named
                question = f"{question} {answered_who.name}"
            note, appended = _following(before), True
        elif that_one is not None:
            question, note = that_one
        elif engine.entities_in(text):
            # "did he meet with the north koreans": a country named, but "he" is still someone from
            # before; "what did their media say about pence": a person named, "their" is not him
            named = [engine.fb.person_by_id[e] for e in engine.entities_in(text)]
            kinds = {p.kind == "person" for p in named}
            # "how did the south koreans take it": a country named, and "it" still the last topic
            bare_thing = True not in kinds and _BARE_THING.search(norm)
            # "when did she tweet about the pence meeting": "she" is not Pence; "was he supposed to be
            # at the pence meeting": a "he" or "she" before a name is not the one named after it
            low = normalize(text)
            personal = PERSONAL_PRONOUN.search(low)
            # "why did pence bring him along": "him" after a name is someone else (else "himself")
            other = personal is not None and all(
                (p.pronoun and p.pronoun != PRONOUN_GENDER[personal.group(1)])
                or (personal.group(1) in ("he", "she", "his", "her") and personal.start() < engine.ix.mention_at(low, p.id))
                or (personal.group(1) == "him" and personal.start() > engine.ix.mention_at(low, p.id))
                for p in named if p.kind == "person")
            spoke = _it_spoke(engine, text, before)
            question, note = spoke or _resolve_pronouns(
                engine, text, before, pronouns_only=not bare_thing, personal_ok=True not in kinds or other,
                plural_ok=False not in kinds, named={p.id for p in named})
            if question == text and len(norm.split()) <= 2 and wh_token(norm) is None:
                # "pences reaction?" after the joint march: a name and a word, about the last topic
                question = f"{text.rstrip(' ?!.')} {_topic_of(engine, before.question, text)}"
                note, appended = _following(before), True
        else:
            spoke = _it_spoke(engine, text, before)
            question, note = spoke or _resolve_pronouns(engine, text, before)
            if question == text and (len(norm.split()) <= 4 or _asks_only_a_kind(engine, norm)):
                # "by who?", "which reporter", "until when": a short question names no topic of its own
                question = f"{text.rstrip(' ?!.')} {_topic_of(engine, before.question, text)}"
                note, appended = _following(before), True
    result = engine.ask(question)
    # ("what did it tell pence?" after KCNA: an "it" that speaks is someone, whom the message alone cannot name)
    if question != text and not that_one and not spoke and not PERSONAL_PRONOUN.search(text.lower()) and not _PLURAL.search(text.lower()):
        # "how long before it was supposed to start": the words of the last question were added
        # for "it" or a short question; if the message is answered better alone, it stood alone.
        alone = engine.ask(text)
        # ("where was it held?" after the summit: "my sources don't say where the summit was held"
        # answers it; the Olympics' venue, read alone, does not)
        # — but "what do analysts think the point of all that was" after "did Moon accept?" is not
        # answered by "my sources don't say whether Moon accepted": that gap is of the added words
        own = _own_tokens(engine, text)
        said_open = _gap_of(engine, result, own)
        # ("what sanctions?" after why they backed out: read with the last question's words it only
        # gives the last answer again; alone, it gives something new)
        again = bool(result.facts) and set(result.facts) <= set(before.facts)
        repeats = again and not set(alone.facts) <= set(before.facts) and _asks_a_thing(engine, norm)
        # ("when was it" after the summit: alone, "it" is the episode's meeting — a reading for a
        # message with nothing before it, not a better one, unless the talk was about the meeting)
        read_alone = analyse(engine.ix, text)  # (the message read alone, once, for the two tests below)
        by_default = engine._episode_pointed_at(read_alone, norm) is not None and not _of_the_episode(engine, before)
        # ("why'd it get cancelled" after who Pence was to meet: read with those words, the story in
        # short; alone, why — the reading that gives the kind of answer asked is the better one)
        gives = _gives_kind(engine, read_alone, alone) and not _gives_kind(engine, read_alone, result)
        # ("what date was that" after what Pence did in Japan: alone it names nothing, and the date
        # it finds is of something else; the last answer's facts give no date — that is the answer)
        only_a_kind = (appended is False and read_alone.answer_type == "date" and _asks_only_a_kind(engine, norm)
                       and not any(engine.fb.fact_by_id[f].date for f in before.facts if f in engine.fb.fact_by_id))
        if alone.answered and not said_open and not by_default and not only_a_kind and (
                not result.answered or alone.confidence > result.confidence or repeats or gives):
            result, question, note = alone, text, None
        elif result.answered and again and _gap_of(engine, alone, own):
            # "what's that missile called" after the missile launch: the last answer again is a near
            # miss; alone, it is "my sources don't name the missile"
            result, question, note = alone, text, None
        elif result.answered and again:
            # "which city was that summit in" after the 20 countries: the last answer again does not
            # say where; the detail its fact leaves open does ("my sources don't say where the
            # US-Canada summit was held")
            result = _left_open_by(engine, question, result) or result
    elif question != text and _PLURAL_SUBJECT.search(text.lower()) and not PERSONAL_PRONOUN.search(text.lower()) and result.answered:
        # "why'd they cancel" after "who was he meeting?": read as the two people, it finds a fact
        # about them that says nothing of cancelling; alone, it finds who did cancel. When the answer
        # read with the people holds none of the message's own words, the message stands alone.
        alone = engine.ask(text)
        own = _own_tokens(engine, text)
        if alone.answered and not _covered(engine, result, own) and _covered(engine, alone, own):
            result, question, note = alone, text, None
    if asked_again is not None:
        about = set(engine.entities_in(message))
        involved = _involved(engine, result)
        if not of_outlet and (not result.answered or (about and involved and not about & involved)):
            # "what did nauert announce in japan" is not covered, or answered of someone else
            # (Pence announced it): "what about nauert" is her
            result, question, note = engine.ask(message), message, None
        else:
            note = note or f"(Reading that as: “{asked_again}”.)"
    named = _named_in(engine, question)
    # Whom a "he" or "she" may mean next: after "who …?", the people the answer brought in; after
    # any other question, the one it was about ("was Abe there? — did he meet them?"), then the rest.
    known = [engine.fb.fact_by_id[f] for f in result.facts if f in engine.fb.fact_by_id]  # ids from before a /reload may be gone
    # each fact's people led by the one its statement names first: "it is unclear why the North
    # Koreans backed out; the vice president's office said …" brings North Korea first, for "they" next
    brought = tuple(p for fact in known for p in _by_mention(engine, fact) if p not in named)
    # ("pence did an interview on the way home, with who?" asks who as much as "who …?" does)
    asks_people = bool(_ASKS_WHO.match(normalize(question))) or analyse(engine.ix, text).answer_type == "person"
    if asks_people:
        first = (*_doer_first(engine, question, result.text, brought), *named)
    elif named:
        first = (*named, *brought)
    else:  # "was the opening ceremony before that?" names no one: whom the talk was about stays first
        first = (*(before.people[:1] if before else ()), *brought)
    if getattr(result, "kind", None) in ("premise", "no") and named:
        # "why did Pence cancel the meeting with Kim Yo Jong?" — "It wasn't Pence …": whoever did
        # it, by the claims that hold, is whom "they" means next ("when did they pull out?")
        doers = [p for fact in known for claim in fact.claims if claim.holds for p in engine.entities_in(claim.text)[:1]
                 if p not in named]
        first = (*doers[:1], *first)
    people = tuple(dict.fromkeys(first)) or (before.people if before else ())
    facts = tuple(result.facts)
    asked = engine.ix.unglued(normalize(question))  # "who is pences chief of staff" is kept as "pence chief of staff"
    citations = tuple(result.citations)
    things = _plural_things(engine, asked) or (before.things if before is not None and not named else ())
    after = Conversation(people=_recent(people, before), facts=facts or (before.facts if before else ()),
                         # (a question read with the last one's words added follows up what that one was about)
                         anchor=(before.anchor or before.question) if appended and note else asked,
                         question=asked, citations=citations or (before.citations if before else ()), things=things,
                         place=_place_of(engine, asked, result) or (before.place if before is not None and not named else ""), updated=now)
    # (a list is what a question for people gets: the people a card or a story names are no list)
    # ("Kim Jong Un's sister Kim Yo Jong" lists her: a possessor only says whose she is)
    listing: list[str] = []
    if asks_people and getattr(result, "kind", None) != "person":
        plain_answer = normalize(result.text)
        listing = sorted((p for p in engine.entities_in(result.text) if p not in named and engine.fb.person_by_id[p].kind == "person"
                          and not _possessor(engine, result.text, p)), key=lambda p: engine.ix.mention_at(plain_answer, p))
    after = replace(after, listed=tuple(listing) if len(listing) >= 2 else (before.listed if before is not None else ()))
    shown = tuple(x.id for x in getattr(result, "quotes", ()))
    if shown:
        after = replace(after, quotes=shown)
    elif before is not None and before.quotes and _speakers(engine, before.quotes) & set(after.people[:2]):
        # "did she post that on twitter?" between two quotes of hers: "what else did she tweet"
        # still moves past the ones shown
        after = replace(after, quotes=before.quotes)
    if not shown:  # (the facts the talk is still about when this answer gave none: "would he talk to them?" unanswered)
        after = replace(after, reported=_quotes_behind(engine, after.facts))
    if isinstance(result, Answer) and result.person is not None and (result.person.id not in after.people or result.kind == "person"):
        # (someone's card is about them first: "whos the actual leader then" — Kim Jong Un — "how's he related to her")
        after = replace(after, people=tuple(dict.fromkeys((result.person.id, *after.people))))
    if isinstance(result, Answer) and result.kind == "person" and result.person is not None:
        # "who is Kim Yo Jong?" — "and him?": the people her card names ("Kim Jong Un's younger sister")
        # come after her, so a "him" finds one of them
        # (people only, and of the other pronoun: "they" after Ayers's card is not the Washington Post it
        # names, and "he" after it is still Ayers)
        card = tuple(p for p in engine.entities_in(result.text) if p not in after.people and engine.fb.person_by_id[p].kind == "person"
                     and result.person.pronoun and engine.fb.person_by_id[p].pronoun not in (None, result.person.pronoun))
        after = replace(after, people=(*after.people, *card))
    return Turn(result, note or listed_note or there_note or corrected_note, after, question)


_WHO_DID = re.compile(r"^(?:\S+\s+){0,2}?who\s+(?:(?:first|actually|originally|really|officially|publicly|was|were|is|are|did|does|had|has|have)\s+)*([a-z]{3,})\b")


def _possessor(engine: Engine, text: str, pid: str) -> bool:
    """Whether `text` names someone first as whose someone else is ("Kim Jong Un's sister")."""
    name = engine.fb.person_by_id[pid].name
    at = text.lower().find(name.lower())
    return at >= 0 and text[at + len(name): at + len(name) + 2] in ("'s", "’s")


def _one_listed(engine: Engine, text: str, before: Conversation) -> tuple[str, str] | None:
    """"who's the first one" after an answer that named Kim Yo Jong and Kim Yong Nam: the message
    with that one's name in place of the words, and a note saying so. "The other one" is the one
    listed whom the talk is not about now (None when that is not one person)."""
    found = _LISTED.search(text)
    if found is None:
        return None
    which = found.group("which").lower()
    if which == "other":
        others = [p for p in before.listed if p not in before.people[:1]]
        pid = others[0] if len(others) == 1 and len(others) < len(before.listed) else None
    else:
        at = _PLACE_IN_LIST[which]
        pid = before.listed[at] if at < len(before.listed) else None
    if pid is None:
        return None
    name = engine.fb.person_by_id[pid].name
    return text[: found.start()] + name + text[found.end():], f"(Taking “{found.group(0)}” as {name}.)"


def _named_in(engine: Engine, question: str) -> tuple[str, ...]:
    """Whom a question names, as the engine reads it: "what did pence's chief of staff say" names
    Nick Ayers, not Pence as well (a person's name read as part of another's is not theirs)."""
    read_as = set(analyse(engine.ix, question).entities)  # (cached: the engine has just asked it)
    return tuple(e for e in engine.entities_in(question) if e in read_as or engine.fb.person_by_id[e].kind != "person")


def _following(before: Conversation) -> str:
    """The note on a short follow-up read with the last question's words: which question it follows
    up, as that was asked (the words added to it would read as a garble)."""
    return f"(Following up on “{before.anchor or before.question}”.)"


def _by_mention(engine: Engine, fact) -> list[str]:
    """A fact's people, the one its statement names first leading (the others, some of whom it may
    describe without a name, "the father of the late Otto Warmbier", in their order)."""
    said = engine.ix.plain_statements[fact.id]
    first = min(fact.people, key=lambda p: engine.ix.mention_at(said, p), default=None)
    return [first, *(p for p in fact.people if p != first)] if first is not None else []


def _answered_who(engine: Engine, before: Conversation):
    """The person the last answer gave for a "who …?" question (None when it asked no who, or
    named no one new)."""
    if not _ASKS_WHO.match(before.question):
        return None
    asked = set(engine.entities_in(before.question))
    found = next((p for p in before.people if p not in asked), None)
    person = engine.fb.person_by_id.get(found) if found else None
    return person if person is not None and person.kind == "person" else None


def _doer_first(engine: Engine, question: str, answer: str, brought: tuple[str, ...]) -> tuple[str, ...]:
    """The people an answer to "who <did something>?" brought in, the one who did it first: the one
    named last before the answer's first word for what was asked ("who confirmed the meeting?" —
    "… Ashley Parker, and the State Department confirmed …" is the State Department's doing). A body
    is followed by the one who speaks for it, so that "what did she say?" is Heather Nauert."""
    verb = _WHO_DID.match(normalize(question))
    # the lexicon's word for the verb, as the question's tokens have it ("announced" is "reveal")
    done = engine.ix._canon_token(verb.group(1)) if verb else None
    if done is None or done not in engine.ix._analyse(question, correct=False)[0]:
        return brought  # "who is Nauert?" names someone, it asks no one's doing
    words = normalize(answer).split()
    at = next((i for i, w in enumerate(words) if engine.ix._canon_token(w) == done), None)
    if at is None or not brought:
        return brought
    said = " ".join(words[:at])
    named_at = {p: engine.ix.last_mention_at(said, p) for p in brought}
    doer = max(brought, key=named_at.__getitem__)
    if named_at[doer] < 0:
        return brought
    voice = engine.ix.speaks_for.get(doer)
    return tuple(dict.fromkeys((doer, *((voice,) if voice else ()), *brought)))


def _involved(engine: Engine, result) -> set[str]:
    """Whom an answer is about: its facts' people, the speakers of its quotes, and the bodies
    those speakers speak for (Heather Nauert's words are the State Department's)."""
    involved = {p for f in result.facts if f in engine.fb.fact_by_id for p in engine.fb.fact_by_id[f].people}
    involved |= _speakers(engine, tuple(x.id for x in getattr(result, "quotes", ())))
    return involved | {body for body, voice in engine.ix.speaks_for.items() if voice in involved}


def _quotes_behind(engine: Engine, fact_ids: tuple[str, ...]) -> tuple[str, ...]:
    """The quotes the last answer's facts report in their own words (Index.reported_quotes):
    after "what did Pence tell Rogin?", answered by the fact, "who did he say that to?" and "what
    did he say next?" are about them."""
    return tuple(dict.fromkeys(q for f in fact_ids for q in engine.ix.reported_quotes.get(f, ())))


def _quotes(engine: Engine, ids: tuple[str, ...]) -> list:
    """The quotes of these ids (an id from before a /reload may be gone)."""
    return [x for x in (engine.quote_by_id.get(q) for q in ids) if x is not None]


def _speakers(engine: Engine, quote_ids: tuple[str, ...]) -> set[str]:
    return {x.speaker for x in _quotes(engine, quote_ids) if x.speaker}


def ask_alone_first(engine: Engine, text: str, previous: Conversation | None, now: float | None = None) -> Turn:
    """/ask starts afresh: the question is read alone. Only when it cannot be (it is not answered
    alone, and read after the user's previous /ask it is) is that previous /ask used, and the
    reply says so."""
    alone = follow_up(engine, text, None, now)
    if alone.result.answered or previous is None:
        return alone
    leaning = follow_up(engine, text, previous, now)
    if not leaning.result.answered or leaning.read_as == clip(text):
        return alone
    return replace(leaning, note=f"(Reading this with your previous /ask, “{previous.question}”.)")


_ASKS_WHO = re.compile(r"^(?:\S+\s+){0,3}?(?:who|whom|whose)\b")


def _recent(people: tuple[str, ...], before: Conversation | None) -> tuple[str, ...]:
    older = before.people if before else ()
    return tuple(dict.fromkeys((*people, *older)))[:6]


# "that outlet", "this reporter"; "which reporter (specifically)?", "what agency?"
_DEMONSTRATIVE = re.compile(r"\b(?:that|this|the same)\s+([a-z]+)\b")
_WHICH_ONE = re.compile(r"^(?:and\s+|so\s+|ok\s+)?(?:which|what)\s+([a-z]+)(?:\s+(?:exactly|specifically|was it|is it|was that|is that))?$")


# "what sanctions?", "which sanctions were those": a thing of the last answer asked about in itself
# (not "which day?" or "what city?", which ask for something about it: chat.yaml's focus_types)
_WHICH_THING = re.compile(r"^(?:and\s+|so\s+|ok\s+)?(?:what|which)\s+([a-z]+)(?:\s+(?:were|was|are|is)\s+(?:those|these|that|they|it))?$")
# "what's the agency called", "what is the name of the agency": which one of the last answer's
# ("the name of that outlet" is read as "that outlet", in place)
_CALLED = re.compile(r"^(?:and\s+|so\s+|ok\s+)?(?:whats|what s|what is|what was)\s+(?:the\s+(?=[a-z]+\s+called$)|the name of the\s+)"
                     r"([a-z]+)(?:\s+called)?$")


_THERE = re.compile(r"(?<!\bis)(?<!\bare)\s+there\s*[?!.]*$", re.IGNORECASE)  # "what did he do there", not "is there"


_TO_PLACE = re.compile(r"\b(?:in|at|to|visit|visited|visiting)\s+(?:the\s+)?")


def _place_of(engine: Engine, asked: str, result) -> str:
    """The place a turn was about: for "where …?", the first place its answer names; otherwise the
    place its question named ("what happened in Japan?")."""
    if re.search(r"\bwhere\b", asked) and result.answered:
        found = engine.ix.places_in(normalize(result.text), IN_PLACE)
    else:  # ("pence went to japan first right": a place the question goes to is one too)
        found = engine.ix.places_in(asked, _TO_PLACE)
    found = [name for name in found if name not in engine.ix.setting_names]  # (the Olympics are everywhere in the story)
    if not found:
        return ""
    if found[0] in engine.ix.country_names or found[0] in engine.ix.english.places:
        return f"in {engine.ix.country_names.get(found[0], found[0].title())}"
    return f"at the {found[0]}"  # "at the opening ceremony", "at the stadium"


def _asks_only_a_kind(engine: Engine, norm: str) -> bool:
    """"what day of the week", "in which city was that": a question that asks for a time or a place
    and names nothing it is about — the last topic is what it asks of."""
    kinds = {w for w, kind in engine.ix.english.focus_type.items() if kind in ("date", "place")}  # (not "what's the headline")
    kinds |= {engine.ix._canon_token(w) for w in kinds}
    tokens = read(engine.ix, norm).tokens
    return bool(tokens) and all(t in kinds for t in tokens)


def _own_tokens(engine: Engine, text: str) -> set[str]:
    """The content words of the message itself, not of anyone it names."""
    return {t for t in read(engine.ix, text).tokens if not t.startswith("@")}


def _covered(engine: Engine, result, own: set[str]) -> int:
    """How many of the message's own words the fact an answer leads with holds (its statement,
    questions and evidence)."""
    if isinstance(result, Answer) and result.kind == "person" and not result.facts:
        return len(own & engine.ix.card_asks)  # (a card gives someone's role: "who do they work for")
    doc = engine.ix.doc_by_fact.get(result.facts[0]) if result.facts else None
    return len(own & doc.with_evidence) if doc is not None else 0


def _of_the_episode(engine: Engine, before: Conversation) -> bool:
    """Whether the talk was about the episode itself: its last answer's facts are about one of
    the episode's people."""
    people = {p for p in engine.fb.meta.episode.get("people", ()) if engine.fb.person_by_id[p].kind == "person"}
    return any(people & set(engine.fb.fact_by_id[f].people) for f in before.facts if f in engine.fb.fact_by_id)


def _gives_kind(engine: Engine, q: Query, result: Result) -> bool:
    """Whether an answer's facts give the kind of answer the message `q` asks for (a reason for
    "why", a day for "when" …)."""
    # (of a message with words of its own besides what it asks: "about which country" has none)
    own = {t for t in q.known_tokens if not t.startswith("@")} - {engine.ix._canon_token(q.focus) if q.focus else ""}
    return result.answered and bool(own) and q.answer_type in _GIVES_OR_WHY and any(
        q.answer_type in engine.ix.shows.get(f, ()) for f in result.facts)


def _left_open_by(engine: Engine, question: str, result: Answer) -> NotCovered | None:
    """What the facts of `result` leave open of the kind `question` asks for (a place, a day, a
    person, a number), as the question read finds it among its candidates — or None."""
    q = analyse(engine.ix, question)
    if q.yes_no or q.answer_type not in _GIVES:
        return None
    # (a gap of the very detail asked — "which city" — or of the kind, if the facts do not give it:
    # "where was that agreed" is told "at a joint US-Canada summit", though not in which city)
    shown = any(q.answer_type in engine.ix.shows[f] for f in result.facts)
    detail = engine.ix._canon_token(q.focus) if q.focus else None
    gap = next((s.cand for s in engine._scored(q) if s.cand.kind == "gap" and set(s.cand.facts) <= set(result.facts)
                and ((detail and detail in s.cand.own) or not shown)), None)
    said = gap.result() if gap is not None else None
    return said if isinstance(said, NotCovered) else None


_GIVES = frozenset({"place", "date", "person", "number"})  # the kinds of answer a fact shows or leaves open
_GIVES_OR_WHY = _GIVES | {"reason"}


def _gap_of(engine: Engine, result, own: set[str]) -> bool:
    """Whether `result` says the sources lack something the message itself asks about
    ("My sources don't name the missile" for "what's that missile called")."""
    if result.answered or NOTHING_SPECIFIC.match(result.text):
        return False
    gap = result.text.split(" What they do say")[0]
    return not own.isdisjoint(_own_tokens(engine, gap))


def _asks_a_thing(engine: Engine, norm: str) -> bool:
    """"What sanctions?" asks about a thing; "which day?", "what city?", "which one?" ask something about it."""
    thing = _WHICH_THING.match(norm)
    return thing is not None and thing.group(1) not in engine.ix.english.focus_type and thing.group(1) != "one"


def _that_one(engine: Engine, norm: str, before: Conversation, named: set[str] = frozenset()) -> tuple[str, str] | None:
    """"What's the name of that outlet?" after KCNA's words, "which reporter?" after the story of
    who broke the news: the one of the last answer's people (then the conversation's) whose role
    is that kind of thing. The question, rewritten with their name, and a note saying so. A question
    that names someone (`named`) may still point at a body: "did pence talk to that paper too"."""
    which = _WHICH_ONE.match(norm) or _CALLED.match(norm)
    if named and which:
        return None
    found = which or _DEMONSTRATIVE.search(norm)
    if found is not None and named and found.group(1) in ARTICLE_NOUNS:
        return None  # "per that article": one of the three, not a body the last answer named
    if found is None or PERSONAL_PRONOUN.search(norm) or _PLURAL.search(norm):
        return None
    if found.group(1).endswith(("s", "ies")) and not found.group(1).endswith("ss"):
        return None  # "which countries exactly" asks for several, not for one of the last answer's people
    kind = engine.ix._canon_token(found.group(1))
    if kind in engine.ix._stop_stems:
        return None
    ids = [p for f in before.facts if f in engine.fb.fact_by_id for p in engine.fb.fact_by_id[f].people] + list(before.people)
    # Whose own role is that kind first: "which reporter" after the cast list is Parker or Rogin, not
    # Kim Yong Nam, whose role names Vox only as the outlet that calls him "ceremonial"
    ids = list(dict.fromkeys(ids))
    pid = next((p for p in ids if kind in engine.ix._role_of.get(p, ())), None) or \
        next((p for p in ids if kind in engine.ix.card_tokens.get(p, ())), None)
    if pid is not None and named and engine.fb.person_by_id[pid].kind == "person":
        # "that paper" after Ashley Parker: the paper her role names
        pid = next((t[1:] for t in engine.ix._role_of.get(pid, ()) if t.startswith("@") and kind in engine.ix._role_of.get(t[1:], ())), None)
    if pid is None or pid in named or (named and engine.fb.person_by_id[pid].kind != "organisation"):
        return None
    name = engine.fb.person_by_id[pid].name
    question = f"who is {name}" if which else norm[: found.start()] + name + norm[found.end():]
    return question, f"(Taking “{found.group(0)}” as {name}.)"


# "sorry, I meant his father. who reported that", "no wait i meant the opening ceremony": the asker
# mends their last message
_CORRECTION = re.compile(r"^\W*(?:(?:no+|nope|sorry|soz|oops|whoops|wait|my bad|oh|ah|actually|hmm+|um+|erm)\b\W*)*"
                         r"(?:i meant|i mean|meant|(?:i was|i m|i'm|i’m|im) (?:asking|talking) about)\b\W*(?P<rest>.+)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.?!;])\s+|\s+[—–-]\s+")
_SUBSTITUTABLE = frozenset("the a an his her their its this that these those".split())


def _corrected(text: str, before: Conversation) -> tuple[str, bool] | None:
    """What a correction asks: the question after it ("sorry, I mean his father. who reported
    that"), else the last question with the thing meant put in place of the one of the same kind
    ("was the cold shoulder at the closing ceremony" — "i meant the opening ceremony"), else the
    last question of what was meant ("no wait i meant the sister": what about her)."""
    found = _CORRECTION.match(text.strip())
    if found is None:
        return None
    rest = found["rest"].strip()
    meant, *then = _SENTENCE_END.split(rest, maxsplit=1)
    if then and asks(then[0]):
        return then[0], False
    if asks(rest):
        return rest, False  # "no wait, I meant when did they cancel"
    meant = normalize(meant).strip(" ?!.")
    words = [w for w in meant.split() if w not in _SUBSTITUTABLE]
    last = before.question.split()
    if words and len(words) <= 4 and words[-1] in last:
        at = len(last) - 1 - last[::-1].index(words[-1])  # (the last mention of the head noun)
        start = at - len(words) + 1
        if start >= 0 and not set(last[start:at]) & (STOPWORDS | _SUBSTITUTABLE) and last[start:at + 1] != words:
            return " ".join([*last[:start], *words, *last[at + 1:]]), True
    return f"what about {meant}", False


# "what about the state dept", "and ayers?", "how about his sister": someone else, nothing more asked
_WHAT_ABOUT = re.compile(r"^(?:(?:ok|okay|so|but)\s+)?(?:(?:what|how)\s+about|and)\s+(?P<other>.+)$")
_ASKS_ITSELF = re.compile(r"\b(?:who|whom|whose|what|when|where|why|how|which|did|does|do|was|were|is|are|say|said)\b")


def _what_about(engine: Engine, norm: str, before: Conversation) -> str | None:
    """The last question asked again of someone else: "what about the state dept" after "did
    trump say anything about it" is "did the state dept say anything about it". None when the
    message asks something of its own, names no one new, or the last question named no one."""
    found = _WHAT_ABOUT.match(norm)
    if found is None or len(found.group("other").split()) > 4 or _ASKS_ITSELF.search(found.group("other")):
        return None
    other = found.group("other")
    named_now = engine.entities_in(other)
    named_before = engine.entities_in(before.question)
    if not named_now and not PERSONAL_PRONOUN.search(other) and not _PLURAL.search(other):
        # "and about human rights?" after "what did nauert say about the olympics": the same
        # question, of another thing
        about = before.question.rfind(" about ")
        return None if about < 0 else f"{before.question[:about]} about {other.removeprefix('about ')}"
    if not named_before:
        return None
    if set(named_now) & set(named_before) or (named_now and set(named_now) <= set(before.people)):
        return None  # ("what about kim yong nam" after the answer named him: a question about him)
    mention = engine.ix.mention(before.question, named_before[0])
    return None if mention is None else before.question[: mention[0]] + other + before.question[mention[1]:]


# The words around an outlet's name that ask nothing more than the last question of it: "what about
# DW", "and the Vox piece?", "what does DW say", "did Vox say the same too"
_OUTLET_FRAME = frozenset("what whats about and how does did do so ok okay but say says said report reports reported "
                          "write writes wrote have has put it that this the in on article piece version one story report "
                          "account coverage same too then also to from by why other".split())  # ("what did DW say about why", "the other article")
_ACCORDING = re.compile(r"^according to (?:the (?:first|unnamed) article|\S+) ")


def _outlet_again(engine: Engine, norm: str, before: Conversation) -> str | None:
    """The last question asked of one outlet's article: "what about dw" after "why did NK cancel"
    is "according to dw why did nk cancel" — not a question about DW, nor one where DW cancelled."""
    last = _ACCORDING.sub("", before.question)
    named_before = engine.entities_in(last)
    # ("the first one" is the first article when the last question was asked of an article)
    nameless = nameless_article(engine.ix, norm, first_one=bool(_ACCORDING.match(before.question)))
    if nameless is not None:
        span, outlet = nameless.span, f"the {nameless.word} article"
    else:
        named = engine.entities_in(norm)
        if len(named) != 1 or not engine.fb.person_by_id[named[0]].publishes:
            return None
        span = engine.ix.mention(norm, named[0])
        if span is None or named_before == named:
            return None  # ("who wrote the vox piece" — "what about vox?": nothing to ask of Vox again)
        outlet = norm[span[0]:span[1]]
        if norm[span[1]: span[1] + 2] in ("s", "s "):
            span = (span[0], span[1] + 1)  # "and voxs?": the possessive, without its apostrophe
    if not set((norm[: span[0]] + " " + norm[span[1]:]).split()) <= _OUTLET_FRAME:
        return None
    asked_of = [e for e in named_before if engine.fb.person_by_id[e].publishes]
    if asked_of and (at := engine.ix.mention(last, asked_of[0])) is not None:
        # "what does DW say?" — "and vox?": the same question of the other outlet; "who wrote the
        # DW piece?" — "and the first article?": "who wrote the first article", not "the the first article piece"
        named_as = ARTICLE_NOUN_AFTER.match(last, at[1])
        if nameless is not None and last[: at[0]].endswith("the ") and named_as:
            return last[: at[0] - 4] + outlet + last[named_as.end():]
        return last[: at[0]] + outlet + last[at[1]:]
    asked_of_nameless = nameless_article(engine.ix, last) if nameless is None else None
    if asked_of_nameless is not None:
        # "whats the first article called" — "and vox?": "whats the vox article called"
        start, end = asked_of_nameless.span
        noun = asked_of_nameless.words.split()[-1]
        return f"{last[:start]}the {outlet} {noun if noun != 'one' else 'article'}{last[end:]}"
    return f"according to {outlet} {last}"


# the part of a question that says what it asks for, not what about: "how long b4", "how many hrs
# before", "what time of day", "which day", "which city", a choice "public or secret", a number
_ASKED_FRAME = re.compile(r"^(?:\S+\s+){0,2}?(?:how (?:long|many|much|far|old|late|early|soon|often)(?: (?:hours?|hrs?|days?|minutes?|mins?|weeks?|times?))?"
                          r"(?: (?:before|after|b4|until|till|ahead|ago|earlier|later))?|(?:what|which) (?:time|day|date|year|month)(?: of (?:day|the day|week|the week))?|(?:what|which) (?:city|town|country|place|venue|building|location|hotel|room))\b"
                          r"|\b(?:(?:a|an|the) )?\w+ or (?:(?:a|an|the) )?\w+\b")
_NUMBER = re.compile(r"\b\d+\b")
_TRAILING_NUMBER = re.compile(r"\b\d+$")


_PLANNED = frozenset("supposed meant planned planning intended intending scheduled slated".split())


def _topic_of(engine: Engine, question: str, beside: str = "") -> str:
    """The last question's topic, to add to a follow-up that has none of its own: its words
    without the question word, and without words the sources never use ("re", "bruh"), which
    would only count against the follow-up."""
    # (a claim put to the bot is its topic without its wrapper: "member claims …, true?")
    # (nor what it asked about: "how long before", "what time of day", "public or secret", "3" are what
    # the last answer settled, and carried over they only find it again)
    last, checking = strip_checking(normalize(question))
    asked = analyse(engine.ix, question)
    if checking or _TRAILING_NUMBER.search(last) or asked.yes_no:
        # "cancelled 3 hours before, right?", "how many hours before, 3?", "was the meeting on feb 9?":
        # the number or the day was a claim, and settled
        for _, start, end in reversed(find_dates(last, engine.fb.meta.default_year)):
            last = last[:start] + " " + last[end:]
        last = _NUMBER.sub(" ", last)
    words = without_question_words(_ASKED_FRAME.sub(" ", last).strip()).split()
    unknown = {w for w, _ in asked.unknown}
    # Each word once, and no word that only points or asks: a follow-up of a follow-up would
    # otherwise carry "it held it held" or the whole chain of questions before it.
    there = set(normalize(beside).split())  # the follow-up's own words are not added again
    # ("who was Pence supposed to meet?" → "did it happen?": whether the meeting happened, not whether
    # it was planned — a plan in the last question is not the topic of asking whether it came about)
    planned = _PLANNED if engine.ix._canon_token("happen") in read(engine.ix, beside).tokens else frozenset()
    kept = dict.fromkeys(w for w in words if w not in unknown and w not in _POINTERS and w not in there and w not in planned)
    topic = list(kept)[:TOPIC_WORDS]
    while topic and topic[-1] in STOPWORDS:  # cut short, it ends on a word, not on "between the"
        topic.pop()
    return " ".join(topic)


def _resolve_pronouns(engine: Engine, text: str, before: Conversation, pronouns_only: bool = False,
                      personal_ok: bool = True, plural_ok: bool = True, named: set[str] = frozenset()) -> tuple[str, str | None]:
    """'he'/'she' -> the last person named; 'they' -> the last organisation or country (else the
    last person, when no 'he' took one); 'that meeting'/'it' stay, with the last question's topic
    words added."""
    people = [engine.fb.person_by_id[p] for p in before.people if p in engine.fb.person_by_id and p not in named]
    lowered = text.lower()
    personal = PERSONAL_PRONOUN.search(lowered) if personal_ok else None
    plural = _PLURAL.search(lowered) if plural_ok else None
    chosen = []
    if personal:
        wanted = PRONOUN_GENDER[personal.group(1)]
        # the last person the articles call so, else the last person they give no pronoun
        fitting = [p for p in people if p.kind == "person" and p.pronoun in (wanted, None)]
        if len(fitting) > 1 and _speaks_as(personal.group(1), lowered):
            # "what did he say about talks" after "who interviewed Pence?": the one the answer
            # brought in (Josh Rogin) is never quoted; the one the question was about is
            asked_about = set(engine.entities_in(before.question))
            if not engine.ix.quoted(fitting[0].id) and fitting[0].id not in asked_about:
                fitting.sort(key=lambda p: not (engine.ix.quoted(p.id) and p.id in asked_about))
        if fitting and _speaks_as(personal.group(1), lowered) and not engine.ix.quoted(fitting[0].id) \
                and fitting[0].id not in set(engine.entities_in(before.question)):
            # "what did she tweet" after the State Department confirmed what Ashley Parker reported:
            # the reporter is never quoted; the one who speaks for a body the answer named is
            voices = [engine.fb.person_by_id[v] for b in before.people if (v := engine.ix.speaks_for.get(b)) in engine.fb.person_by_id]
            speakers = [p for p in [*fitting, *voices] if engine.ix.quoted(p.id) and p.pronoun in (wanted, None) and p.kind == "person"]
            if speakers:
                fitting = [speakers[0], *(p for p in fitting if p != speakers[0])]
        if personal.group(1) in ("his", "her") and len(fitting) > 1:
            # "what about his sister" after Pence and Kim Jong Un: whoever has a sister the articles name
            after = lowered[personal.end():].split()[:1]
            def has(p) -> bool:  # "Kim Jong Un's sister" is someone's name, or a tie the articles give
                named = normalize(f"{p.name}'s {after[0]}")
                return tuple(named.split()) in engine.ix._aliases or any(k.search(named) for k in engine.ix.kin_patterns)
            related = [p for p in fitting if after and has(p)]
            fitting = related + [p for p in fitting if p not in related]
        target = fitting[0] if fitting else None
        if target is not None:
            chosen.append((personal.group(1), target))
    # "how did he describe them" after "those sanctions"; "what were their names" after "north korean defectors"
    # ("who were they" after the defectors, "how bad were they" after the sanctions: "they" is the thing
    # only as what is described — "why did they cancel" is someone who acts)
    thing = before.things[0] if plural and before.things and (plural.group(1) != "they" or _THEY_ARE.search(lowered)
                                                               or _thing_did(engine, before, before.things[0], lowered)) else None
    if thing is not None:
        text = re.sub(rf"\b{plural.group(1)}\b", f"the {thing}", text, count=1, flags=re.IGNORECASE)
        if not chosen:
            return text, f"(Taking “{plural.group(1)}” as the {thing}.)"
    elif plural:
        last = [engine.fb.person_by_id[p] for p in dict.fromkeys(engine.entities_in(before.question)) if p in engine.fb.person_by_id]
        pair = [p for p in last if p.kind == "person"]
        answered = _answered_who(engine, before)
        if len(pair) == 1 == len(last) and answered is not None:
            # "did they talk to each other?" after "who sat near Pence?": he and the one the answer named
            pair, last = [pair[0], answered], [pair[0], answered]
        # (a news outlet the last answer brought in is "they" only for what outlets do: "what did they
        # report" after a Washington Post story, not "until they gave up nukes"; one the user asked
        # about stays: "which wire services did they use" after "what did DW report")
        reporting = _OUTLETS_DO.search(lowered) is not None
        asked_of = set(engine.entities_in(before.question))
        aside = {p.id for p in people if not reporting and p.id in engine.ix.roles.known_outlets and p.id not in asked_of}
        outlets_set_aside = bool(aside)
        people = [p for p in people if p.id not in aside]
        body = next((p for p in people if p.kind != "person"), None)
        persons = [p for p in people if p.kind == "person"]
        if len(pair) != 2 and (_MUTUAL.search(lowered) or _BOTH.search(lowered) or _asks_only_a_card(engine, text)) \
                and len(persons) >= 2 and not chosen:
            # "what happened between them", "did they talk to each other", "both of them": two people, not a country;
            # "who do they work for" after Rogin, then Parker: what a person's card gives
            pair = last = persons[:2]
        if len(pair) == 2 == len(last) and not chosen and (not people or people[0] in pair or _MUTUAL.search(lowered)):
            # "were they sitting far apart?" after "did Pence talk to Kim Yo Jong": the two of them —
            # unless only the country or body of the last answer makes sense of it ("how late did
            # they pull out?" after "why did Pence cancel the meeting with Kim Yo Jong?"; nor when the
            # last answer put someone else first, as the one who did what the two were asked about)
            paired = re.sub(rf"\b{plural.group(1)}\b", f"{pair[0].name} and {pair[1].name}", text, count=1, flags=re.IGNORECASE)
            if body is None or engine.ask(paired).answered or not engine.ask(
                    re.sub(rf"\b{plural.group(1)}\b", body.name, text, count=1, flags=re.IGNORECASE)).answered:
                return paired, f"(Taking “{plural.group(1)}” as {pair[0].name} and {pair[1].name}.)"
        # (with only an outlet set aside, "they" is left as said, not taken as one of the people)
        target = body or (None if chosen or outlets_set_aside else next(iter(people), None))
        if target is not None:
            chosen.append((plural.group(1), target))
    if chosen:
        resolved, notes = text, []
        for pronoun, target in chosen:
            # "her" is hers only before what she has ("her title"), not at the end ("sent through her")
            possessive = pronoun in {"his", "hers", "their", "theirs"} or (pronoun == "her" and _HER_HAS.search(resolved) is not None)
            # ("she's the press secretary?" is "she is": the name is not hers to own)
            resolved, contracted = (re.subn(rf"\b{pronoun}['’]s\b", f"{target.name} is", resolved, count=1, flags=re.IGNORECASE)
                                    if pronoun in ("he", "she") else (resolved, 0))
            if not contracted:
                resolved = re.sub(rf"\b{pronoun}\b", target.name + ("'s" if possessive else ""), resolved, count=1, flags=re.IGNORECASE)
            if len([p for p in people if (p.kind == "person") == (target.kind == "person")]) > 1 or target not in people:
                notes.append(f"“{pronoun}” as {target.name}")  # (one the last answer did not name is never obvious)
        if len(normalize(text).split()) <= 3 and not _asks_something_of_its_own(engine, resolved):
            resolved = f"{resolved.rstrip(' ?!.')} {_topic_of(engine, before.question, resolved)}"  # "where was he?": still about the last topic
        if thing is not None:
            notes.append(f"“{plural.group(1)}” as the {thing}")
        return resolved, f"(Taking {' and '.join(notes)}.)" if notes else None
    if _THING.search(lowered) and before.question and asks_order(normalize(text)):
        # "was that before or after the news leaked", "was that before the summit": "that" is one side
        pointer = _THING.search(lowered)
        return f"{text[:pointer.start()]}{_topic_of(engine, before.question, text)}{text[pointer.end():]}", None
    if _THING.search(lowered) and before.question and not pronouns_only:
        return f"{text.rstrip(' ?!.')} {_topic_of(engine, before.question, text)}", None
    return text, None


def _asks_only_a_card(engine: Engine, text: str) -> bool:
    """"Who do they work for", "what are their jobs": what a person's card gives, and nothing else."""
    q = analyse(engine.ix, text)
    return bool(q.tokens) and not q.entities and set(q.tokens) <= engine.ix.card_asks


def _thing_did(engine: Engine, before: Conversation, thing: str, lowered: str) -> bool:
    """"When did they agree" after "20 countries agreed …": "they" is the thing when the last
    answer's facts have it do what is asked (its verb within a few words after it)."""
    verb = re.search(r"\bthey\s+(\w+)", lowered)
    asked = engine.ix._analyse(verb.group(1), correct=False)[0] if verb else []
    if not asked:
        return False
    for fact_id in before.facts:
        words = engine.ix.plain_statements.get(fact_id, "").split()  # (ids from before a /reload may be gone)
        for i, word in enumerate(words):
            if word == thing and any(engine.ix._analyse(w, correct=False)[0] == asked for w in words[i + 1 : i + 4]):
                return True
    return False


_THEY_ARE = re.compile(r"\b(?:were|are|r) they\b|\bthey (?:were|are|r)\b")
_BOTH = re.compile(r"\b(?:both|the two of them)\b")
_MUTUAL = re.compile(r"\b(?:between them|each other|one another|with each other)\b")
_HER_HAS = re.compile(r"\bher\s+(?!(?:about|to|for|with|at|in|on|from|by|thru|through|and|or|if|when|that|again|too|anything|something|at all)\b)\w", re.I)


def _plural_things(engine: Engine, norm: str) -> tuple[str, ...]:
    """The plural things a question names that the articles speak of ("those sanctions", "north
    korean defectors"): nouns ending in s, not names, not the setting, not the question's grammar."""
    ix = engine.ix
    words = norm.split()
    return tuple(dict.fromkeys(w for i, w in enumerate(words) if len(w) >= 5 and w.endswith("s") and not w.endswith(("ss", "us"))
                               and w in ix._raw_vocab and w not in ix._aliases_words and w not in STOPWORDS and w not in ix.setting_words
                               and w not in _NOT_THINGS and not _verb_at(words, i)))


_NOT_THINGS = frozenset("others things ones hours days weeks months years times words talks yours theirs".split())
_SUBJECTS = frozenset("he she it who".split())  # not "what/which/that": "what sanctions"
_PARTICLES = frozenset("off up out down back over away".split())


def _verb_at(words: list[str], i: int) -> bool:
    """A word in -s used as a verb, not a plural noun: after a subject ("it comes", "who makes")
    or before a particle ("before any pressure comes off")."""
    return (i > 0 and words[i - 1] in _SUBJECTS) or (i + 1 < len(words) and words[i + 1] in _PARTICLES)


def _speaks_as(pronoun: str, lowered: str) -> bool:
    """Whether the pronoun is the one who speaks: "what did he say", not "what did Abe say to him"."""
    verb = SPEECH_VERB.search(lowered)
    return verb is not None and pronoun in ("he", "she") and re.search(rf"\b{pronoun}\b", lowered[: verb.start()]) is not None


_IT_SPOKE = re.compile(rf"\bit\s+(?:{'|'.join(REPORTING_VERBS)})\b")
_IT_NAMED = re.compile(r"\b(?:was|is|s|whats)\s+it\s+(?:called|named)\b")  # "what was it called": its name, not its words


def _it_spoke(engine: Engine, text: str, before: Conversation) -> tuple[str, str] | None:
    """"What did it say about Pence?" after KCNA: "it" that speaks is the last body the articles
    quote (or that speaks through someone they quote), not the last topic. ("What was it called"
    asks a name: see `_it_named`.)"""
    lowered = text.lower()
    if not _IT_SPOKE.search(lowered):
        return None
    if _IT_NAMED.search(normalize(text)):
        return _it_named(engine, text, before)
    body = next((engine.fb.person_by_id[p] for p in before.people if p in engine.fb.person_by_id
                 and engine.fb.person_by_id[p].kind == "organisation"
                 and engine.ix.quoted(p)), None)
    if body is None:
        return None
    return re.sub(r"\bit\b", body.name, text, count=1, flags=re.IGNORECASE), f"(Taking “it” as {body.name}.)"


def _it_named(engine: Engine, text: str, before: Conversation) -> tuple[str, str] | None:
    """"What was it called?" after "what missile did NK launch?": "it" is the thing that question
    asked about (its name is what is asked, not what the last topic's words give)."""
    if not before.question:
        return None
    asked = WHICH_NOUN.match(normalize(before.question))
    noun = asked.group(1) if asked else None
    if noun is None or noun in engine.ix.english.focus_type or engine.ix._canon_token(noun) not in engine.ix._vocab:
        return None
    return re.sub(r"\bit\b", f"the {noun}", text, count=1, flags=re.IGNORECASE), f"(Taking “it” as the {noun}.)"


_WHO_IS = re.compile(r"^(?:and\s+|so\s+|ok\s+)?who(?:'s|\s+is|\s+was|\s+s)\s")


def _asks_something_of_its_own(engine: Engine, question: str) -> bool:
    """"what's Moon's title" asks for something besides the person; "where was Pence?" does not;
    "who is she?" asks who she is, not who she is in the last topic."""
    return bool(_WHO_IS.match(question.lower())) or any(not t.startswith("@") for t in analyse(engine.ix, question).known_tokens)


def _outlets(engine: Engine, citations) -> str:
    """"the first article and Vox": the articles behind citations, as a reply names them."""
    return listed(list(dict.fromkeys(article_name(engine.ix, c.source_id) for c in citations)))


def _report(engine: Engine, citations, verb: str = "report") -> str:
    """"Vox and DW report", "DW reports" (or "print"): the outlets behind citations, as the subject of a sentence."""
    return f"{_outlets(engine, citations)} {verb if len({c.source_id for c in citations}) > 1 else verb + 's'}"


_WROTE = re.compile(r"\bwho (?:wrote|writes|authored|penned)\b")


def _reported_by(engine: Engine, text: str, before: Conversation, now: float, lead: str = "") -> Turn:
    """The outlets behind the last answer, each with its own words for it."""
    speakers = [engine.fb.person_by_id[x.speaker].name for x in _quotes(engine, before.quotes) if x.speaker in engine.fb.person_by_id]
    who = f" The words are {speakers[0]}'s." if speakers and len(set(speakers)) == 1 else ""
    if _WROTE.search(normalize(text)):  # "who wrote that?": the article's byline too, where it has one
        sources = [engine.fb.source_by_id[c] for c in dict.fromkeys(c.source_id for c in before.citations)]
        who += "".join(f" {src.name}'s article is by {src.author}." if src.author else f" {first_upper(article_name(engine.ix, src.id))} names no author."
                       for src in sources)
    cites = before.citations
    asked = analyse(engine.ix, before.question)
    dated = tuple(c for c in cites if DATE_TEXT.search(c.quote))
    if before.facts and not speakers and dated and (asked.answer_type == "date" or _DATE_NAMED.search(normalize(text))):
        # "which article gives that date?" after "when was the meeting?": the articles that print a date
        # for it, whatever else their words say
        cites = dated
    elif before.facts and not speakers:
        # of the articles the last answer cites, those whose own words say what was asked: "which article?"
        # after "it got canceled like 2 hours before" is not DW's "at the last minute"
        sources, _ = reporting_articles(engine.ix, before.question, list(asked.known_tokens),
                                        Answer(before.question, "", "fact", cites, before.facts))
        cites = tuple(c for c in cites if c.source_id in sources) or cites
    reported = _report(engine, cites)
    result = Answer(text, f"{lead}{reported if lead else first_upper(reported)} it.{who}", "fact", cites, before.facts)
    return Turn(result, None, replace(before, updated=now))


def _checked_article(engine: Engine, norm: str) -> str | None:
    """The article a follow-up checks the last answer in ("does vox carry that line too": vox), None
    when the message is not such a check or what it names is not one of the articles."""
    checked = _OUTLET_CHECK.match(norm)
    if checked is None:
        return None
    named = checked.group("o1") or checked.group("o2") or checked.group("o3") or checked.group("o4")
    return named if article_named(engine.ix, named, first_one=True) is not None else None


# "does dw quote him too": the check is of the person quoted, not of the words
_ABOUT_SPEAKER = re.compile(r"\b(?:him|her|them)(?: too| as well| also)?\W*$")


def _quoting(engine: Engine, source: str, speaker: str | None) -> list[str]:
    """The words of `speaker` that the article `source` prints, in its wording."""
    printed = [x.text if x.source == source else next((v.text for v in x.versions if v.source == source), None)
               for x in engine.ix.quotes_by_speaker.get(speaker, ())]
    return [words for words in printed if words]


def _wordings_differ(quote) -> str:
    """How the other outlets' wordings of a quote differ from its first, as facts.yaml notes it ("" if alike)."""
    return " ".join(v.note for v in quote.versions if v.note)


def _in_article(engine: Engine, text: str, named: str, before: Conversation, now: float) -> Turn | None:
    """Whether the article `named` ("dw", "the vox article or the others") reports what the last
    answer said: "Yes —" with its own words, or "No —" and which articles do. None when it names
    no article of the sources."""
    source = article_named(engine.ix, named, first_one=True)
    facts = [engine.fb.fact_by_id[f] for f in before.facts if f in engine.fb.fact_by_id]
    said = _quotes(engine, before.quotes or before.reported)
    if source is None or not (facts or said):
        return None
    name = article_name(engine.ix, source)
    if said:
        # "is it in vox too?" after someone's words: whether that article prints them (the first shown), in any wording
        printing = [x for x in said[:1] if x.source == source or any(v.source == source for v in x.versions)]
        if printing:
            quote = printing[0]
            version = None if quote.source == source else next(v for v in quote.versions if v.source == source)
            cites = (engine.ix._cite(source, quote.text if version is None else version.text),)
            # "DW has the same quote?": the same words, but where its wording differs, how
            notes = _wordings_differ(quote)
            differs = (f", in its own wording: {version.note}" if version is not None and version.note
                       else f" too; the wordings differ: {notes}" if version is None and notes else " too:")
            result = Answer(text, f"Yes — {name} prints those words{differs}", "yes", cites, tuple(f.id for f in facts[:1]))
        elif _ABOUT_SPEAKER.search(normalize(text)) and (elsewhere := _quoting(engine, source, said[0].speaker)):
            # "does the dw article quote him too?": the speaker, not those words — DW quotes him otherwise
            speaker = engine.fb.person_by_id[said[0].speaker].name
            result = Answer(text, f"Yes — {name} quotes {speaker} too, though not those words:", "yes",
                            tuple(engine.ix._cite(source, words) for words in elsewhere[:2]), tuple(f.id for f in facts[:1]))
        else:
            theirs = tuple(dict.fromkeys([engine.ix._cite(x.source, x.text) for x in said[:1]]
                                         + [engine.ix._cite(v.source, v.text) for x in said[:1] for v in x.versions]))
            result = Answer(text, f"No — {name} doesn't print those words; {_report(engine, theirs, 'print')} them:",
                            "no", theirs, tuple(f.id for f in facts[:1]))
        return Turn(result, None, replace(before, citations=result.citations, updated=now))
    backing = [ev for f in facts[:1] for ev in f.evidence]
    own = [ev for ev in backing if ev.source == source]
    others = list(dict.fromkeys(ev.source for ev in backing if ev.source != source))
    differs = next((d for d in engine.ix._disc_by_fact.get(facts[0].id, []) if d.is_disagreement
                    and any(ev.source == source for ev in d.sides)), None)
    if differs is not None:
        # "does DW agree?" after why North Korea pulled out: the outlets are listed as differing on it
        result = Answer(text, f"Not quite — the outlets differ ({differs.topic}): {differs.summary}", "fact",
                        tuple(engine.ix._cite(ev.source, ev.quote) for ev in differs.sides), tuple(differs.facts), disagreements=(differs,))
    elif own:
        cites = tuple(engine.ix._cite(ev.source, ev.quote) for ev in own[:2])
        if others:
            also = _outlets(engine, [engine.ix._cite(ev.source, ev.quote) for ev in backing if ev.source in others])
            said = f"Yes — {name} reports it too, as {also} {'do' if len(others) > 1 else 'does'}:"
        else:
            said = f"Yes — only {name} reports it:"
        result = Answer(text, said, "yes", cites, tuple(f.id for f in facts[:1]))
    else:
        theirs = tuple(engine.ix._cite(ev.source, ev.quote) for ev in backing if ev.source in others)[:2]
        result = Answer(text, f"No — {name} doesn't report that; {_report(engine, theirs)} it:", "no", theirs, tuple(f.id for f in facts[:1]))
    return Turn(result, None, replace(before, citations=result.citations, updated=now))


_VERDICTS = frozenset({"yes", "no", "premise"})  # answers that give their verdict first ("No — …", "It wasn't …")


def _checked(engine: Engine, text: str, before: Conversation, now: float) -> Turn:
    """"Is that true?": the last question answered again — a verdict ("No — …") as it was given,
    anything else as what the sources report — with the outlets that report it."""
    again = engine.ask(before.question)
    if not again.answered:
        return _reported_by(engine, text, before, now, lead="Here is where that comes from: ")
    lead = "" if getattr(again, "kind", "") in _VERDICTS else f"That's what {_report(engine, again.citations)}: "
    return Turn(replace(again, question=text, text=lead + again.text), None, replace(before, updated=now))


def _pushed_back(engine: Engine, text: str, claim: str, before: Conversation, now: float) -> Turn:
    """"no thats wrong they totally met": the user's own claim checked against the sources where they
    say it is wrong ("No — …"), else the last answer again with the articles it comes from — the bot
    holds to its articles rather than to whoever insists. (A "Yes" to the claim is not given: read
    with the last turn's "it", a claim is too easily taken for another that holds.)"""
    verdict = None
    if set(claim.split()) - _PUSHBACK_FILLER:
        resolved, _ = _resolve_pronouns(engine, claim, before)
        verdict = engine.ask(as_question(resolved))
        kind = getattr(verdict, "kind", "")
        if verdict.answered and kind in ("no", "premise"):
            said = verdict.text[len("No — "):] if verdict.text.startswith("No — ") else verdict.text
            result = replace(verdict, question=text, text=f"My sources say otherwise — {said}")
            return Turn(result, None, replace(before, citations=result.citations, facts=result.facts, updated=now))
    again = engine.ask(before.question)
    if not again.answered and verdict is not None and verdict.answered:
        # the last answer was that the sources don't say; what they do say of the user's claim
        result = replace(verdict, question=text, text=f"{_going_by(engine)} They say: {verdict.text.removeprefix(HEDGED)}")
    elif not again.answered:
        result = replace(again, question=text, text=f"{_going_by(engine)} {again.text}")
    else:
        # (a verdict again: "are you sure it wasn't Pence?" — "No —" alone would read as "not sure")
        said = {"no": "No — ", "yes": "Yes — "}.get(getattr(again, "kind", ""))
        if said and again.text.startswith(said):
            told = f"{_going_by(engine)} They say {said.split()[0].lower()}: {again.text[len(said):]}"
        elif getattr(again, "kind", "") in _VERDICTS:
            told = f"{_going_by(engine)} {again.text}"
        else:
            told = f"{_going_by(engine)} {first_upper(_report(engine, again.citations))} it this way: {again.text}"
        result = replace(again, question=text, text=told)
    return Turn(result, None, replace(before, updated=now))



def _going_by(engine: Engine) -> str:
    """"I can only go by my three articles." — the sources counted as the fact base counts them."""
    return f"I can only go by my {engine.fb.meta.articles}."


def _compared(engine: Engine, text: str, before: Conversation, now: float) -> Turn | None:
    """"Compare": the last answer's words as each outlet prints them, where they differ; else its
    fact in each article's own words, led by how the outlets differ on it where that is listed; an
    article that doesn't report it is named as such. None when no article's words back the fact."""
    versioned = next((x for x in _quotes(engine, before.quotes) if x.versions), None)
    if versioned is not None:
        # "any difference between the versions?" after someone's words that the outlets print differently
        lines = [f"{first_upper(article_name(engine.ix, x.source))}: “{x.text}”" for x in (versioned, *versioned.versions)]
        notes = _wordings_differ(versioned)
        cites = tuple(engine.ix._cite(x.source, x.text) for x in (versioned, *versioned.versions))
        result = Answer(text, "\n".join([f"The outlets print those words differently: {notes}" if notes
                                         else "The outlets print those words alike:", *lines]), "fact", cites, before.facts[:1])
        return Turn(result, None, replace(before, citations=cites, updated=now))
    fact = engine.fb.fact_by_id.get(before.facts[0]) if before.facts else None
    if fact is None or not fact.evidence:
        return None
    first = {}
    for ev in fact.evidence:
        first.setdefault(ev.source, ev)
    differs = next((d for d in engine.ix._disc_by_fact.get(fact.id, []) if d.is_disagreement), None)
    lead = f"The outlets differ ({differs.topic}): {differs.summary}" if differs else "Each article's own words for it:"
    lines = [f"{first_upper(article_name(engine.ix, s.id))}: “{first[s.id].quote}”" for s in engine.fb.sources if s.id in first]
    silent = [article_name(engine.ix, s.id) for s in engine.fb.sources if s.id not in first]
    if silent:
        lines.append(f"{first_upper(listed(silent))} {'don' if len(silent) > 1 else 'doesn'}'t report it.")
    cites = tuple(engine.ix._cite(ev.source, ev.quote) for ev in first.values())
    result = Answer(text, "\n".join([lead, *lines]), "fact", cites, (fact.id,), disagreements=(differs,) if differs else ())
    return Turn(result, None, replace(before, citations=cites, updated=now))


def _exact_words(engine: Engine, text: str, before: Conversation, now: float) -> Turn:
    """"What's the exact quote?": the article passages behind the last answer, word for word."""
    cites = before.citations[:2]
    lines = [f"{engine.fb.source_by_id[c.source_id].name}, word for word: “{c.quote}”" for c in cites]
    return Turn(Answer(text, "\n".join(lines), "fact", cites, before.facts), None, replace(before, updated=now))


def _said_by(engine: Engine, text: str, before: Conversation, now: float) -> Turn:
    """"Who said that?": the speaker of the last quotes, else whom the articles attribute the last
    facts to (`said_by` in facts.yaml), else the outlets that report them."""
    speakers = [x.speaker for x in _quotes(engine, before.quotes) if x.speaker]
    facts = [engine.fb.fact_by_id[f] for f in before.facts if f in engine.fb.fact_by_id]
    ids = list(dict.fromkeys(speakers or [p for f in facts for p in f.said_by]))
    disclosure = engine.fb.meta.disclosure
    if not ids and disclosure is not None and any(set(f.topics) & set(disclosure.topics) for f in facts):
        # "who said so?" after "they pulled out two hours before": no one is named for the detail,
        # but the articles say where the story as a whole came from
        story = engine.fb.fact_by_id[disclosure.fact]
        cites = tuple(engine.ix._cite(ev.source, ev.quote) for ev in story.evidence)
        result = Answer(text, f"My sources name no one for that detail itself; {_report(engine, before.citations)} it. "
                              f"As for the story as a whole: {story.statement}", "fact", tuple(dict.fromkeys(before.citations + cites)), (story.id,))
        return Turn(result, None, replace(before, people=_recent(tuple(story.said_by or story.people), before), updated=now))
    if not ids:
        return _reported_by(engine, text, before, now, lead="My sources name no one who said it; ")
    people = [engine.fb.person_by_id[p] for p in ids if p in engine.fb.person_by_id]
    names = [f"{p.name} ({p.role})" if p.kind == "person" and p.role
             else p.name if p.kind == "country" or p.name.lower().startswith("the ") else f"the {p.name}" for p in people]
    # cited from the facts themselves: the last turn's citations may be a near miss's
    cites = tuple(engine.ix._cite(ev.source, ev.quote) for f in facts for ev in f.evidence) if not speakers else before.citations
    result = Answer(text, f"That was {listed(names)}, according to {_outlets(engine, cites)}.", "fact", cites, before.facts)
    return Turn(result, None, replace(before, people=_recent(tuple(ids), before), updated=now))


def _said_to(engine: Engine, text: str, before: Conversation, now: float) -> Turn | None:
    """"Who did he tell that to?": whom the last quotes were said to, as the articles give it."""
    shown = [x for x in _quotes(engine, before.quotes) if x.speaker]
    told = [x for x in shown if x.said_to]
    if not told:
        return None
    lines = said_to_lines(engine.ix, told[:3])
    return Turn(Answer(text, "\n".join(lines), "quotes", before.citations, quotes=tuple(told[:3])), None,
                replace(before, updated=now, told_whom=True))


def _said_when(engine: Engine, text: str, before: Conversation, now: float) -> Turn | None:
    """"When did they say it?": how, to whom and when the last quotes were said, and what the
    articles tell of the occasion (the quote's context in facts.yaml)."""
    quotes = _quotes(engine, before.quotes)
    persons = {x.speaker for x in quotes if x.speaker and engine.fb.person_by_id[x.speaker].kind == "person"}
    if _PLURAL.search(text.lower()) and persons == {x.speaker for x in quotes} and any(
            engine.fb.person_by_id[p].kind != "person" for p in before.people if p in engine.fb.person_by_id):
        return None  # "when did they say that": "they" is the agency, not the person quoted last
    # one line per occasion: two quotes from the same interview share it
    shown = list({(x.speaker, x.medium, x.said_to, x.date): x for x in reversed(quotes)}.values())[::-1][:2]
    lines = []
    for x in shown:
        who = engine.fb.name_of(x.speaker) if x.speaker else "The article does not say who"
        to = f", {engine.fb.told(x.said_to)}" if x.said_to else ""
        lines.append(f"{who} ({x.medium}{to}{quote_when(x)}): {x.context}")
    cites = tuple(engine.ix._cite(x.source, x.text) for x in shown)
    return Turn(Answer(text, "\n".join(dict.fromkeys(lines)), "quotes", cites, quotes=tuple(shown)), None,
                replace(before, updated=now))


# "against who?" after the sanctions Pence announced, "between who?" after the talks that would have been
_PREPOSITION_WHO = re.compile(r"^(?:and\s+|so\s+|ok\s+)?(by|against|between|with|for|from|toward|towards)\s+(?:who|whom|what|which\s+[a-z]+)$")


def _of_the_last_facts(engine: Engine, text: str, preposition: str, before: Conversation, now: float) -> Turn | None:
    """"Against who?" asks what follows that word in what the last answer said: the last answer's
    facts that have it ("sanctions against Pyongyang"), else nothing to say of it here."""
    # the words after it, to the end of the clause (at most ten): the answer, first
    after = re.compile(rf"\b{preposition}\s+[^.;:()—]+", re.IGNORECASE)
    facts = [engine.fb.fact_by_id[f] for f in before.facts if f in engine.fb.fact_by_id]
    fact, found = next(((f, found) for f in facts if (found := after.search(f.statement))), (None, None))
    if fact is None:
        return None
    words = re.split(r",\s+(?:and|but|which|who|while|where)\b", found.group(0))[0].split()
    phrase = " ".join(words[:10]).rstrip(",")
    return _fact_led_by(engine, text, fact, f"{phrase[0].upper()}{phrase[1:]}{'…' if len(words) > 10 else ''}", before, now)


def _fact_led_by(engine: Engine, text: str, fact, lead: str, before: Conversation, now: float) -> Turn:
    """The last question's answer from one fact of it, led by what the follow-up asked of it ("In Japan: …")."""
    result = fact_answer(engine.ix, analyse(engine.ix, before.question), [fact], 1.0, "fact", "")
    return Turn(replace(result, question=text, text=f"{lead}: {result.text}"), None, replace(before, updated=now))


# "where was he at the time?" after what Pence announced in Japan: where that happened
_WHERE_THEN = re.compile(r"^(?:and\s+|so\s+|ok\s+)?where\s+(?:was|were|is|are)\s+(?:he|she|they|it|that|this)\s+"
                         r"(?:at\s+the\s+time|then|at\s+that\s+(?:point|time|moment)|when\s+(?:that|this|it)\s+happened)$")


def _where_then(engine: Engine, text: str, before: Conversation, now: float) -> Turn | None:
    """The place the last answer's fact puts what it tells in ("At the start of his trip, in Japan, …"),
    first; None when it names none but the story's setting."""
    for fact_id in before.facts:  # (ids from before a /reload may be gone)
        places = [p for p in engine.ix.statement_places.get(fact_id, ()) if p not in engine.ix.setting_names]
        if places:
            place = engine.ix.country_names.get(places[0], places[0].title())
            return _fact_led_by(engine, text, engine.fb.fact_by_id[fact_id], f"In {place}", before, now)
    return None


def _reported_when(engine: Engine, text: str, before: Conversation, now: float) -> Turn | None:
    """"When did they say it?" after words the articles report rather than quote (KCNA's "on
    Saturday"): the facts that report them, which say all the articles say of when."""
    facts = [engine.fb.fact_by_id[f] for f in before.facts if f in engine.fb.fact_by_id]
    reported = [f for f in facts if f.said_by and f.date][:1]
    if not reported:
        return None
    result = fact_answer(engine.ix, analyse(engine.ix, before.question), reported, 1.0, "fact", "")
    return Turn(result, None, replace(before, updated=now))


def _someone_else(engine: Engine, text: str, before: Conversation, now: float) -> Turn:
    """"Who else?": the facts on the last question that bring in people the last answer did not name.
    "Who else was in that photo": asked as "who was in that photo", unless such a fact holds the
    message's own words too ("who else from vox gets mentioned": Vox's Alex Ward)."""
    q = analyse(engine.ix, before.question)
    named = set(before.people[:1]) | {p for f in before.facts if f in engine.fb.fact_by_id for p in engine.fb.fact_by_id[f].people}
    also = None
    for doc in related_docs(engine.ix, q, limit=8):
        new = [p for p in doc.fact.people if p not in named and engine.fb.person_by_id[p].kind == "person"]
        if doc.fact.id not in before.facts and new:
            also = doc, new
            break
    norm = normalize(text)
    asked = _ELSE.match(norm)
    own = asked.group("who") + norm[asked.end():] if asked and asked.group("who") else ""  # "who was in the box"
    # (its words of reporting say nothing of whom: "who else from vox gets mentioned")
    own_words = set(analyse(engine.ix, " ".join(w for w in own.split() if w not in _REPORTING_WORDS)).known_tokens) if own else set()
    if own_words and not (also and own_words <= also[0].all_tokens):
        question, note = _resolve_pronouns(engine, own, before)
        result = engine.ask(question)
        new = [p for p in engine.entities_in(result.text) if p not in named and p not in engine.entities_in(question)
               and engine.fb.person_by_id[p].kind == "person"] if result.answered else []
        if new:
            return Turn(result, note, replace(before, people=_recent(tuple(new), before),
                                               facts=tuple(result.facts), citations=tuple(result.citations), updated=now))
    if also:
        doc, new = also
        result = fact_answer(engine.ix, q, [doc.fact], 1.0, "fact", "Also: ")
        return Turn(result, None, replace(before, people=_recent(tuple(new), before), facts=before.facts + (doc.fact.id,),
                                           citations=tuple(result.citations), updated=now))
    return Turn(NotCovered(text, "My sources name no one else on that.", ()), None, replace(before, updated=now))


def _said_next(engine: Engine, text: str, before: Conversation, now: float, speaker: str | None = None,
               more: bool = False) -> Turn | None:
    """"What did he say next?": the speaker's next quote that was neither shown nor reported by the
    last answer ("more": the reported ones first). None: not about a speaker the conversation knows."""
    question, _ = _resolve_pronouns(engine, text, before)
    if speaker is None:
        # the speaker is named before the verb: in "what did their media say about pence", not Pence
        head = SPEECH_VERB.split(question, maxsplit=1)[0]
        named = engine.entities_in(head) or [x.speaker for x in _quotes(engine, before.quotes or before.reported) if x.speaker][:1]
        speaker = next((p for p in named if engine.quotes_by_speaker.get(p)), None)
    if speaker is None:
        return None
    seen = before.quotes if more else before.quotes + before.reported
    shown = [normalize(x.text) for x in _quotes(engine, seen)]
    # not yet shown, and not a piece of a quote shown already ("the last minute" of "At the last minute, …")
    fresh = [x for x in engine.quotes_by_speaker[speaker] if x.id not in seen and not any(normalize(x.text) in t for t in shown)]
    asked = analyse(engine.ix, question)
    if asked.outlet in engine.fb.source_by_id:  # "did he say anything else in the dw piece": that article's only
        fresh = [x for x in fresh if x.source == asked.outlet]
    topic = [t for t in asked.known_tokens if not t.startswith("@")]
    if topic:  # "what else did she say, about the olympics": the quote on that first
        fresh.sort(key=lambda x: -engine.ix._coverage(topic, engine.ix._quote_tokens[x.id]))
    fresh.sort(key=lambda x: x.id not in before.reported)  # "more" after a fact: first the words it reported
    person = engine.fb.person_by_id[speaker]
    if not fresh:
        return Turn(NotCovered(text, f"That's everything my sources quote {person.name} as saying.", ()), None, replace(before, updated=now))
    result = engine.quotes_answer(text, speaker, fresh[:1])
    return Turn(result, None, replace(before, people=_recent((speaker,), before), quotes=before.quotes + (fresh[0].id,),
                                      citations=tuple(result.citations), updated=now))


_WORDS_OF = re.compile(r"\b(?:comment|remark|word|quote|statement|tweet|said|say|says|told|tell)s?\b")  # "pence's pressure comments"


def _timeline_step(engine: Engine, text: str, rel: str, before: Conversation, now: float) -> Turn | None:
    """"And then?" after the cancellation: what the timeline has next after the happening the last
    answer was about ("before": just before it). None when that answer was about no dated event."""
    event = event_cited(engine.ix, before.citations, rel)
    if event is None:
        return None
    result = step_from(engine.ix, text, event, rel)
    people = tuple(dict.fromkeys(p for e in result.events for p in e.people if p in engine.fb.person_by_id))
    return Turn(result, None, replace(before, people=people or before.people, citations=tuple(result.citations), facts=(),
                                      question=normalize(result.events[0].title), anchor="", quotes=(), reported=(), updated=now),
                text)


def _more(engine: Engine, text: str, before: Conversation, now: float) -> Turn:
    """After someone's words, more of what they said; otherwise the next facts on the last
    question that were not in the last answer."""
    # (after a fact that reports someone's words, "more" is more of them only when the question was
    # about that someone: after "tell me about the sanctions" it is more on the sanctions)
    asked_of = set(engine.entities_in(before.question))
    # (nor after "tell me about pences trip": his trip, not his words)
    asked = analyse(engine.ix, before.question)
    about_more = not asked.quote_intent and not _WORDS_OF.search(asked.norm) and \
        {t for t in asked.known_tokens if not t.startswith("@")} - engine.ix._quote_word_tokens
    speakers = [x.speaker for x in _quotes(engine, before.quotes) if x.speaker] or \
               [x.speaker for x in _quotes(engine, before.reported) if x.speaker in asked_of and not about_more]
    if speakers and any(x.id not in before.quotes for x in engine.quotes_by_speaker.get(speakers[-1], ())):
        said = _said_next(engine, text, replace(before, people=(speakers[-1], *before.people)), now, speaker=speakers[-1], more=True)
        if said is not None:
            return said
    q = analyse(engine.ix, before.question)
    # the next best answer to the last question that says something new ("more" after why they
    # pulled out: another account of why), else the facts most like it
    ranked = [f for s in engine._scored(q) if s.cand.kind == "fact" for f in s.cand.facts]
    ranked += [d.fact.id for d in related_docs(engine.ix, q, limit=6)]
    fresh = [engine.fb.fact_by_id[f] for f in dict.fromkeys(ranked) if f not in before.facts and f in engine.fb.fact_by_id][:1]
    if not fresh:
        return Turn(NotCovered(text, "That's all my sources say on that.", ()), None, replace(before, updated=now))
    result = fact_answer(engine.ix, q, fresh, 1.0, "fact", "Also: ")
    return Turn(result, None, replace(before, facts=before.facts + tuple(f.id for f in fresh),
                                      citations=tuple(result.citations), updated=now))


class ConversationStore:
    """Conversations by (channel id, user id): least recently used dropped beyond `limit`,
    forgotten after `expires` seconds of silence. Memory only; no message text is kept."""

    def __init__(self, limit: int = MAX_CONVERSATIONS, expires: float = EXPIRES_AFTER):
        self.limit, self.expires = limit, expires
        self._items: OrderedDict[tuple[int, int], Conversation] = OrderedDict()

    def get(self, key: tuple[int, int], now: float | None = None) -> Conversation | None:
        now = time.time() if now is None else now
        found = self._items.get(key)
        if found is None or now - found.updated > self.expires:
            self._items.pop(key, None)
            return None
        self._items.move_to_end(key)
        return found

    def put(self, key: tuple[int, int], conversation: Conversation) -> None:
        self._items[key] = conversation
        self._items.move_to_end(key)
        while len(self._items) > self.limit:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
