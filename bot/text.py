"""Text handling shared by every stage: normalisation, stems, dates and question words."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from rapidfuzz import fuzz, process

MAX_QUESTION_CHARS = 500  # what a user types is read up to here; the fact base is indexed whole

# The second words of two-word verbs that may stand after the verb's object: the particles of phrasal
# verbs ("call the meeting off") and an object's complement ("made it public").
SEPARABLE = frozenset("off out up down away back through apart over public".split())
# What begins a verb's object standing inside a two-word verb.
OBJECT_LEADS = frozenset("the a an it that this them their his her its our your my those these".split())

# Function words and the words people wrap a question in. They carry no topic.
STOPWORDS = frozenset(
    """a an the and or but if then of to in on at by for with from about as into over after before
    during between is are was were be been being am do does did doing done have has had having
    will would shall should can could may might must i me my we our you your he him his she her
    it its they them their this that these those there here what which who whom whose when where
    why how whats whos wheres whens hows not no yes please tell tells told say says said saying
    quote quotes quoted words remark remarks show explain give given gave info information
    detail supposed meant details story anything something thing things stuff some any all just really
    actually exactly also so very much many more most anyone anybody someone somebody bot
    factbot hi hello hey thanks thank ok okay like want wanted get got go going goes went gone
    let lets deal list took take according keep keeps kept become became becomes make makes made under
    above without within while until against toward towards across around behind beyond upon via per because
    til till since whether either neither than myself yourself himself herself itself ourselves themselves
    re regarding concerning both""".split()
)
# "us" is not a stopword: in these questions it is nearly always the country.
QUOTE_WORDS = frozenset("quote quotes quoted say said says saying tweet tweeted tweets words remark remarks tell tells told statement claim claimed claims".split())
# The verb that puts someone's words in a question: who is named before it speaks ("what did Abe
# say to Pence"), who is named after it is spoken to or about.
SPEECH_VERB = re.compile(r"\b(?:say|said|says|tell|told|tweet|tweeted|add|added|quote)\b", re.IGNORECASE)
# A pronoun for one person, in any case: what "he" or "she" in a follow-up or a message's second part points back with
PERSONAL_PRONOUN = re.compile(r"\b(he|him|his|she|her|hers)\b")
# Words that address the bot itself ("what r u about", "what outlets r ur sources")
TO_THE_BOT = frozenset("you u your ur yours yourself factbot bot".split())
PRONOUN_GENDER = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she", "hers": "she"}  # the articles' Person.pronoun
# The verbs by which a body or an outlet puts out words: "what did KCNA tell Pence", "what did DW
# report about …" (each in every tense a question uses).
# the verb with which an article is said to report a claim ("Vox says …", "DW reported that …"), as a regex
# alternation (its plain form, "did DW report that …", only after "did" or "does")
ARTICLE_SAYS_VERB = r"reports|reported|says|said|writes|wrote|claims|claimed|states|stated"
REPORTING_VERBS = tuple("""say said says tell told tells claim claimed claims call called calls accuse accused
    accuses write wrote writes describe described describes report reported reports tweet tweeted tweets
    warn warned warns put puts""".split())
_QUESTION_LEAD = re.compile(r"^(?:(?:and|who|whom|whose|what|when|where|why|how|which|did|does|do|was|were|is|are)\s+)+")


def without_question_words(norm: str) -> str:
    """A normalised question without the words that only make it a question ("when was the
    meeting" → "the meeting"): its topic, to add to a follow-up or a part that has none."""
    return _QUESTION_LEAD.sub("", norm)


LEADING_FILLERS = frozenset("so and but ok okay hey hi well um uh then also just please quick question".split())
WH_WORDS = ("who", "when", "where", "why", "how", "what", "which")
WH_WEIGHT = 0.7  # a question word counts, but less than a topic word
YES_NO_STARTERS = frozenset("did does do was were is are has have had will would could can should isnt wasnt didnt doesnt".split())
WHO_STARTERS = ("who is", "who was", "who s", "whos", "who are", "who were")
PERSON_STARTERS = WHO_STARTERS + ("tell me about", "what is", "what was", "whats")

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
SEASONS = ("spring", "summer", "autumn", "fall", "winter")
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
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

_DIGIT = re.compile(r"\d")
_STEMMER = snowballstemmer.stemmer("english")
_NON_WORD = re.compile(r"[^\w\s-]+")
_SPACES = re.compile(r"\s+")
QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]|(?:^|(?<=\s))['‘]([^'‘’]{8,}?)['’](?=\W|$)")
_CONTRACTION = re.compile(r"\b(who|what|where|when|how|that|it|there|here)'s\b", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LOOSE_HYPHEN = re.compile(r"(?<!\w)-|-(?!\w)")  # a hyphen that joins no two words


def cue_pattern(cues: tuple[str, ...]) -> re.Pattern | None:
    """One search for any of a rewrite's cues (a rewrite is tried only on text holding one; None:
    always tried): a single regex search costs less than a loop of substring tests."""
    return re.compile("|".join(map(re.escape, cues))) if cues else None


@lru_cache(maxsize=256)  # (a question and its parts are normalised several times over while it is answered; the
# cache holds what one message and its parts read, not the questions of earlier messages)
def normalize(text: str) -> str:
    if not text.isascii():  # fold accents and drop marks and control/format characters
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch) and unicodedata.category(ch)[0] != "C" or ch in " \n\t")
    # (each substitution only where it can apply: a question is read several times over)
    if not text.isprintable():
        text = _CONTROL.sub(" ", text)
    text = text.replace("’", "'").replace("‘", "'")
    if "'" in text:
        text = _CONTRACTION.sub(r"\1 is", text)  # "who's" is not a possessive
        text = text.replace("'s ", " ").replace("s' ", "s ")
    text = text.lower().replace("'", "")
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    if "-" in text:
        text = _LOOSE_HYPHEN.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def plain_tokens(text: str) -> list[str]:
    return [t for part in normalize(text).split() for t in part.split("-") if t]


def clip(text) -> str:
    """User input as the engine reads it: a string, at most MAX_QUESTION_CHARS long."""
    return (text if isinstance(text, str) else str(text))[:MAX_QUESTION_CHARS]


def find_dates(norm: str, default_year: int) -> list[tuple[str, int, int]]:
    """(ISO partial date, start, end) for each date named in normalised text; a date without a
    year is in `default_year` (the fact base's meta.default_year)."""
    found: list[tuple[str, int, int]] = []
    if not _DIGIT.search(norm):
        return found  # every date pattern holds a number
    for pattern, order in DATE_PATTERNS:
        for m in pattern.finditer(norm):
            if any(start < m.end() and m.start() < end for _, start, end in found):
                continue
            vals = dict(zip(order, m.groups()))
            try:
                year = int(vals.get("y") or default_year)
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


def fix_question_words(norm: str) -> str:
    """Typos in the first two words that are clearly question words: "waht", "whta", "wen"."""
    words = norm.split(" ")
    for i, word in enumerate(words[:2]):
        if 3 <= len(word) <= 5 and word not in STOPWORDS:
            words[i] = _question_word(word)
    return " ".join(words)


@lru_cache(maxsize=4096)  # (a question's first words are few: "pence", "kcna", "waht")
def _question_word(word: str) -> str:
    hit = process.extractOne(word, QUESTION_WORDS, scorer=fuzz.ratio, score_cutoff=75)
    if hit and (sorted(hit[0]) == sorted(word) or len(word) < len(hit[0])):  # swapped or dropped letters
        return hit[0]
    return word


HYPOTHETICAL = re.compile(r"\b(?:supposed|meant|going|planned|scheduled|slated|set|due|would|was to|were to|intend|intended|intending|plan|planning|aim|aimed|hoped|hoping|wanted|want|wants|wanting)\b")
_CHECK_PREFIX = re.compile(r"^(?:is it (?:really |actually )?(?:true|right|correct)(?: that)?|i (?:heard|read|think) (?:that )?|apparently|"
                           # "might you confirm that …", "I am given to understand that …", "it has been put to me that …"
                           r"(?:(?:can|could|would|will|might) you (?:please |kindly )?)?(?:confirm|verify)(?: (?:that|whether|if))?|"
                           r"(?:are you|r u|are u|you|u) (?:sure|certain|positive)(?: that)?|"
                           r"(?:i am|i m|im|i was|i have been|i ve been) (?:given to understand|told|led to believe)(?: that)?|"
                           r"it (?:has been|was|is) (?:put to me|suggested|claimed|said)(?: that)?|i (?:understand|gather)(?: that)?|"
                           # a claim someone else made, put to the bot: "guy in chat says …", "member claims …", "claim: …"
                           r"(?:(?:some|a|the|my|other|these|those|this|our) )?(?:people|ppl|person|someone|somebody|guy|guys|dude|member|members|"
                           r"friend|friends|user|users|mod|mods|everyone|everybody|folks|teacher|"
                           # a text being checked against the articles: "draft says …", "my notes say …"
                           r"draft|notes|colleague|coworker|editor|boss|textbook|wiki|wikipedia|copy|script)"
                           r"(?: (?:in|on|from) (?:my |the |this |our )?(?:server|chat|discord|channel|class|thread|group))?"
                           r"(?: (?:keeps?|are|is|was|were|keep))? (?:saying|says|say|said|claiming|claims|claim|claimed|thinks|think|thought|reckons?|"
                           r"told me|tells me|swears?|insists?|insisting|posted)(?: that)?|claim|rumou?r|fact ?check)\b\s*")
# ("can you walk me through the trip?" asks for the walk-through: only "can you" goes)
# (and the formal ones: "I should be obliged if you would tell me", "would you be good enough to explain")
_REQUEST = r"(?:tell me|tell us|explain|say|let me know|set out|clarify|outline)"
_POLITE_PREFIX = re.compile(r"^(?:(?:can|could|would|will|might) you (?:please |kindly )?" + _REQUEST + r"|do you know|"
                            r"(?:i|we) (?:should|would|d|will|shall) be (?:most |very |much )?(?:obliged|grateful|glad|pleased|happy|thankful)"
                            r" if you (?:would|could|can|will|might) (?:please |kindly )?" + _REQUEST + r"?|"
                            r"(?:would|could|will) you (?:be (?:so )?(?:good|kind) (?:enough )?(?:as )?to|kindly|please) " + _REQUEST + r"?|"
                            r"(?:kindly|please) " + _REQUEST + r"|(?:i|we) (?:should|would|d) (?:like|love|want) to (?:know|ask|learn|understand)|"
                            r"(?:i|we) (?:wish|want|need|hope) to (?:know|ask|learn|understand)|"
                            r"(?:can|could|would|will) you(?: please)?(?=\s+(?:walk|run|give|list|show|summari[sz]e|describe|name|recap|remind)\b)|"
                            r"tell me|"
                            r"(?:do|does|did) (?:we|anyone|anybody|they) (?:actually |really )?know|is it (?:actually |really )?known)\s+")
_CHECK_SUFFIX = re.compile(r"\s*(?:is (?:that|this|it) (?:true|right|correct|accurate|legit)|true or false|(?:am i )?right|true|correct|accurate|legit"
                           # a tag after a statement: "the meeting was feb 12 yeah", "he was there, was not he"
                           r"|\b(?:yeah|yea|yes|yep|yup|innit|(?:is|was|did|were|does) not (?:it|he|she|they)))$")
# a request to check a statement: "pence met kim on feb 10 confirm", "… pls verify"
_CHECK_REQUEST = re.compile(r"(?P<claim>.+?)\s+(?:(?:can you |could you |pls |please )?(?:confirm|verify|check|fact check)"
                            r"(?: (?:pls|please|that|this))?|is that so)$")
_CHECK_REQUEST_ENDS = ("confirm", "verify", "check", "pls", "please", "that", "this", "so")  # (a cheap look first)
_ASKS_FIRST = frozenset(WH_WORDS) | YES_NO_STARTERS | {"whom", "whose"}  # ("what did the state department confirm" asks)
_CHECK_SUFFIX_ENDS = ("true", "right", "correct", "accurate", "legit", "false", "yeah", "yea", "yes", "yep", "yup", "innit", "it", "he", "she", "they")


def first_upper(text: str) -> str:
    """A phrase set at the start of a sentence: "the first article reports it" → "The first article …"."""
    return text[:1].upper() + text[1:]


def strip_checking(norm: str) -> tuple[str, bool]:
    """"Is it true that X?" / "I heard X, is that right?" -> ("X", True): a claim to check."""
    norm = _POLITE_PREFIX.sub("", norm, count=1) or norm  # "can you tell me why …" is not a yes/no question
    stripped = _CHECK_PREFIX.sub("", norm)
    if stripped.rstrip("\n").endswith(_CHECK_SUFFIX_ENDS):  # (most questions end otherwise: no search from every word)
        stripped = _CHECK_SUFFIX.sub("", stripped)
    elif stripped.endswith(_CHECK_REQUEST_ENDS) and stripped.split(" ", 1)[0] not in _ASKS_FIRST \
            and (request := _CHECK_REQUEST.match(stripped)) is not None:
        stripped = request["claim"]
    return (stripped, True) if stripped != norm and stripped else (norm, False)


def wh_token(norm: str) -> str | None:
    """The kind of question ("?when", "?why", ...) from its first question word, or from its last
    ("and the meeting was supposed to be when", "they met with who"; a "what" there fills a blank,
    "they were never what?", and asks nothing more than a statement does)."""
    words = norm.split()
    # ("according to the first article why …": the article named first takes up a few words more)
    named_article = words[:2] == ["according", "to"] and not ARTICLE_NOUNS.isdisjoint(words[2:6])
    for word in words[: 8 if named_article else 4]:
        if word in WH_WORDS:
            return "?" + word
    if words and words[-1] in _TRAILING_WH:
        return "?" + words[-1]
    # "pence was meeting with who from north korea": "who" or "where" left in place after a
    # preposition asks (a relative "who" follows its noun; "for when it dangled" is a conjunction)
    for before, word in zip(words, words[1:]):
        if word in _ASKED_IN_PLACE and before in _IN_PLACE_BEFORE:
            return "?" + word
    return None


_TRAILING_WH = frozenset({"who", "when", "where", "why"})
# The nouns an article is named by after its outlet or place ("the Vox piece", "the first one", "DW's account")
ARTICLE_NOUNS = frozenset({"article", "piece", "story", "report", "coverage", "version", "account", "one"})
ARTICLE_NOUN_AFTER = re.compile(r"\s+(?:s\s+)?(article|piece|story|report|one)\b")  # right after the name: "vox s piece"
_ASKED_IN_PLACE = frozenset({"who", "whom", "where"})
_IN_PLACE_BEFORE = frozenset("with to by for from at about".split())


def parse_dates(norm: str, default_year: int) -> list[str]:
    return [iso for iso, _, _ in find_dates(norm, default_year)]


def date_span(iso: str) -> tuple[str, str]:
    """The first and last day an ISO (partial) date covers, as ISO strings."""
    parts = iso.split("-")
    if len(parts) == 3:
        return iso, iso
    if len(parts) == 2:
        return f"{iso}-01", f"{iso}-31"
    return f"{iso}-01-01", f"{iso}-12-31"


def typed_day(iso: str) -> str:
    """A day as a person types it, for an example beside its ISO form: "2018-02-09" → "Feb 9"."""
    day = dt.date.fromisoformat(iso)
    return f"{day:%b} {day.day}"


def ordinal(iso: str) -> int:
    parts = [int(p) for p in iso.split("-")] + [15, 15]
    return dt.date(parts[0], parts[1], min(parts[2], 28)).toordinal()



def listed(items: list[str], last: str = "and") -> str:
    """"A", "A and B", "A, B and C"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} {items[-1]}"
