"""The fact base: schema, loading and verification against the seed articles.

`load_factbase(path)` returns a verified `FactBase` or raises `FactBaseError` carrying every
problem found, each as `PATH:LINE: message` with the line taken from the YAML node.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml

from bot.text import MONTH_NAMES, SEASONS, date_span

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The fact base and its seeds ship inside the package (bot/data/facts.yaml and bot/data/seeds/;
# in a source checkout these are links to the top-level facts.yaml and seeds/), so an installed
# factbot finds them from any directory. FACTBOT_FACTS points elsewhere.
DEFAULT_FACTS = Path(str(resources.files("bot").joinpath("data", "facts.yaml")))

_ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})
_WS = re.compile(r"\s+")


def normalize_span(text: str) -> str:
    """The form in which citations are compared: quote marks straightened, whitespace folded."""
    return _WS.sub(" ", text.translate(_QUOTE_MARKS)).strip()


def outlet_name(outlet: str) -> str:
    """How an outlet is shown: the one the text does not name is "Unnamed outlet"."""
    return "Unnamed outlet" if outlet == "unknown" else outlet


def check_iso(value: str | None) -> str | None:
    """Raise ValueError unless `value` is None or an ISO date: YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is None:
        return None
    if not _ISO_PARTIAL.match(value):
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise ValueError(f"not a real date: {value!r} ({exc})") from None
    return value


# The schema. Plain dataclasses keep `import bot.facts` fast for the CLI; pydantic validates
# them (types, required fields, unknown fields) only when a fact base is actually parsed.
_STRICT = {"extra": "forbid"}
_frozen = dataclass(frozen=True, eq=False)


@_frozen
class Evidence:
    __pydantic_config__ = _STRICT
    source: str
    quote: str


@_frozen
class Source:
    __pydantic_config__ = _STRICT
    id: str
    file: str
    outlet: str
    author: str | None = None
    published: str | None = None
    published_evidence: str | None = None
    url: str | None = None
    title: str | None = None
    notes: str | None = None
    display_name: str | None = None  # how replies name it; defaults to the outlet

    @property
    def name(self) -> str:
        """The one name every reply, list and picture uses for this article."""
        return self.display_name or outlet_name(self.outlet)


@_frozen
class Person:
    __pydantic_config__ = _STRICT
    id: str
    name: str
    role: str
    description: str
    kind: Literal["person", "organisation", "country"] = "person"
    publishes: str | None = None  # for a news outlet: the id of its article among the sources
    pronoun: Literal["he", "she"] | None = None  # only where the articles use one (or "sister", "father")
    named: bool = True  # False when `name` describes someone the articles never name ("Otto Warmbier's father")
    aliases: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@_frozen
class Claim:
    __pydantic_config__ = _STRICT
    text: str
    holds: bool


@_frozen
class Fact:
    __pydantic_config__ = _STRICT
    id: str
    statement: str
    evidence: list[Evidence]
    topics: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    date: str | None = None
    questions: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # What a reader would ask next that the articles leave open, read after "My sources don't …"
    # ("say where the summit was held", "name the defectors"): a question that asks for one of
    # these is told so, with what the fact does say, instead of getting the fact as an answer.
    unsaid: list[str] = field(default_factory=list)
    # Whose words or claim the fact reports, as the articles attribute it ("the vice president's
    # office said …"): the answer to "who said that?" after this fact. Each is one of `people`.
    said_by: list[str] = field(default_factory=list)


@_frozen
class QuoteVersion:
    __pydantic_config__ = _STRICT
    source: str
    text: str
    medium: str
    note: str | None = None


@_frozen
class Quote:
    __pydantic_config__ = _STRICT
    id: str
    speaker: str | None
    text: str
    source: str
    medium: str
    context: str
    said_to: str | None = None
    date: str | None = None
    date_precision: Literal["day", "month", "approximate", "before", "after", "range", "unknown"] = "unknown"
    versions: list[QuoteVersion] = field(default_factory=list)
    date_to: str | None = None  # the end of a range ("on Saturday": the 10th or the 17th)

    def date_label(self) -> str | None:
        return date_label(self.date, self.date_precision, self.date_to) if self.date else None


Precision = Literal["day", "month", "approximate", "before", "after", "range"]


def _day_label(iso: str) -> str:
    parts = iso.split("-")
    day = dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return day.strftime("%B %Y")
    return f"{day.day} {day.strftime('%B %Y')}"


def date_label(date: str, precision: str, date_to: str | None = None) -> str:
    """A date as a person reads it, with its uncertainty visible: "c. 10 February 2018",
    "before 21 February 2018", "between 10 and 17 February 2018" — and a range of a week from one
    weekday to the same as the weekday it is: "on a Saturday, 10 or 17 February 2018" (an article's
    "on Saturday" is one of two days, not any day between them)."""
    label = _day_label(date)
    if precision == "range" and date_to:
        days = len(date) == len(date_to) == 10
        start, end = _day_label(date), _day_label(date_to)
        if days and date[:7] == date_to[:7]:
            start = start.split()[0]  # "10 and 17 February 2018"
        if days and (dt.date.fromisoformat(date_to) - dt.date.fromisoformat(date)).days == 7:
            return f"on a {dt.date.fromisoformat(date).strftime('%A')}, {start} or {end}"
        return f"between {start} and {end}"
    return {"approximate": f"c. {label}", "before": f"before {label}", "after": f"after {label}"}.get(precision, label)


@_frozen
class Event:
    """A dated happening. `date` and `precision` carry what the articles leave uncertain: a day,
    a month, an approximate day, a bound ("before"/"after" the date), or a range up to
    `date_to`. `background` marks context the articles give without a date of its own."""

    __pydantic_config__ = _STRICT
    id: str
    date: str
    precision: Precision
    derivation: str
    title: str
    description: str
    evidence: list[Evidence]
    people: list[str] = field(default_factory=list)
    date_to: str | None = None
    background: bool = False
    # Events the articles put this one after in words, where the dates alone overlap ("a short time
    # after he was literally set to talk to North Korea"); the evidence says so
    follows: list[str] = field(default_factory=list)

    @property
    def is_exact(self) -> bool:
        return self.precision == "day"

    def span(self) -> tuple[str, str]:
        """The first and last day the event may fall on, as ISO dates ("before" and "after" are
        open-ended: only their bound is known)."""
        first = date_span(self.date)[0]
        last = date_span(self.date_to or self.date)[1]
        if self.precision == "before":
            return "0000-01-01", last
        if self.precision == "after":
            return first, "9999-12-31"
        return first, last

    def date_label(self) -> str:
        label = date_label(self.date, self.precision, self.date_to)
        return "Background, undated" if self.background else label


@_frozen
class Discrepancy:
    __pydantic_config__ = _STRICT
    id: str
    topic: str
    summary: str
    sides: list[Evidence]
    facts: list[str] = field(default_factory=list)
    # "curator-note": the curators' remark on the texts themselves (typos, misspellings), not a
    # disagreement about the story; answers and /compare leave those out.
    kind: Literal["disagreement", "curator-note"] = "disagreement"

    @property
    def is_disagreement(self) -> bool:
        return self.kind == "disagreement"


@_frozen
class Disclosure:
    __pydantic_config__ = _STRICT
    fact: str  # the fact that says who disclosed the story
    topics: list[str]  # the topics of the facts that story is made of


@_frozen
class Examples:
    """What the bot offers as examples of what to type, each checked against the fact base (a day
    the timeline has, a person's name, a disagreement's topic)."""

    __pydantic_config__ = _STRICT
    questions: list[str]  # in the help ("Try: …"); the first also in /ask's description of its question
    date: str  # a day the timeline has events on, ISO: how a date is written ("2018-02-09 or 'Feb 9'")
    names: list[str] = field(default_factory=list)  # people to look up with /who, each a person's name or alias
    compare: str | None = None  # the topic of a disagreement between the outlets, for /compare


@_frozen
class Meta:
    """What the code says about the episode, kept with the facts it describes: the code names
    nothing of the episode itself, so another fact base makes another bot."""

    __pydantic_config__ = _STRICT
    scope: str  # one sentence: what the bot knows ("what three articles reported about …")
    default_year: int  # the year a date without one means
    # The episode as a phrase after "about": "ask me about …", "Sourced answers about …", /ask's description.
    topic: str
    short_topic: str  # the same where the setting goes without saying: the timeline's title, "anything else about …"
    about: str  # what the bot is, in a few sentences: the about card, and the help before its examples
    # The sources counted, as replies name them together: a plural, read after "these" and "none of the"
    # ("drawn from these three articles", "none of the three articles prints anything Abe said").
    articles: str
    timeline_span: str  # what the timeline spans, after "The episode's timeline, " (/timeline's description)
    picture_title: str  # the timeline picture's heading
    picture_subtitle: str  # the line under it
    examples: Examples
    places: list[str] = field(default_factory=list)  # places the articles name, as they write them (lowercase)
    # The episode's setting as a whole, as a question names it ("at the 2018 Olympics"): where
    # everything happened, so it tells no fact from another in "who was Pence to meet at the Olympics".
    setting: list[str] = field(default_factory=list)
    setting_fact: str | None = None  # the fact that says where and when the setting was ("at the 2018 Winter Olympics in …")
    # The episode's own name: {people: [...], nouns: [...]} ("the Pence–North Korea meeting")
    episode: dict[str, list[str]] = field(default_factory=dict)
    # A season the articles never name, as the month they do (lowercase): "last fall" is "in november".
    season_months: dict[str, str] = field(default_factory=dict)
    # Where the story as a whole came from: "who said so?" about a fact on one of these topics that no
    # one is named for ("they pulled out two hours before") is answered with this fact.
    disclosure: Disclosure | None = None
    # The fact that lists the bot's own sources: the answer to "what outlets r ur sources", "where do
    # you get your news from".
    sources_fact: str | None = None


@_frozen
class FactBaseModel:
    __pydantic_config__ = _STRICT
    meta: Meta
    sources: list[Source]
    people: list[Person] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    lexicon: dict[str, list[str]] = field(default_factory=dict)


SECTIONS = ("sources", "people", "facts", "quotes", "events", "discrepancies")
# Lexicon keys the engine looks words up by: "happen" (did it take place), "differ" (do the
# outlets disagree), "outlet" (a question about the reporting), "timeline" (give me the timeline),
# "role" (what someone's job is: every person's card answers it), "summary" (what a message that
# names nothing, "what happened?" or "tldr", is read as asking for: the fact base's words for it
# find the whole story).
LEXICON_KEYS = ("happen", "differ", "outlet", "timeline", "role", "summary")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class FactBaseError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class FactBase:
    """A verified fact base with the seed texts it cites."""

    model: FactBaseModel
    path: Path
    seed_texts: dict[str, str] = field(repr=False)  # source id -> raw text

    @property
    def sources(self) -> list[Source]:
        return self.model.sources

    @property
    def people(self) -> list[Person]:
        return self.model.people

    @property
    def facts(self) -> list[Fact]:
        return self.model.facts

    @property
    def quotes(self) -> list[Quote]:
        return self.model.quotes

    @cached_property
    def events(self) -> list[Event]:
        """Background first, then in date order (an upper bound, "before 9 Feb", sorts before that
        day's events)."""
        return sorted(self.model.events, key=lambda e: (not e.background, e.date, e.precision != "before"))

    @property
    def discrepancies(self) -> list[Discrepancy]:
        return self.model.discrepancies

    @property
    def lexicon(self) -> dict[str, list[str]]:
        return self.model.lexicon

    @property
    def meta(self) -> Meta:
        return self.model.meta

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def source_by_file(self) -> dict[str, Source]:
        return {s.file: s for s in self.sources}

    def source_name(self, source: str) -> str:
        """The display name for a source id or seed path (citations carry both)."""
        src = self.source_by_id.get(source) or self.source_by_file.get(source)
        return src.name if src else outlet_name(source)

    def outlet_source_name(self, outlet: str) -> str:
        """The display name of the article an outlet string (as in `Citation.outlet`) belongs to."""
        return next((s.name for s in self.sources if s.outlet == outlet), outlet_name(outlet))

    @cached_property
    def person_by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    @cached_property
    def fact_by_id(self) -> dict[str, Fact]:
        return {f.id: f for f in self.facts}

    def told(self, said_to: str | None) -> str | None:
        """Whom words were said to, as a reply puts it: "to Josh Rogin", or "in public"."""
        if not said_to:
            return None
        # ("public (Twitter, @statedeptspox)": in public, on Twitter)
        return f"in {said_to}" if said_to.split(" ")[0] == "public" else f"to {self.name_of(said_to)}"

    def name_of(self, ref: str | None) -> str | None:
        """A person's name for a person id; any other text (e.g. "public") as it is."""
        if not ref:
            return None
        person = self.person_by_id.get(ref)
        return person.name if person else ref

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self.model, name)) for name in SECTIONS}

    def counts_per_source(self) -> dict[str, int]:
        """How many evidence spans, quotes and discrepancy sides cite each source."""
        per = {s.id: 0 for s in self.sources}
        for _, ev in iter_citations(self.model):
            per[ev[0]] = per.get(ev[0], 0) + 1
        return per


def iter_citations(model: FactBaseModel):
    """Every (source id, verbatim text) pair the fact base claims, with its location."""
    for section in ("people", "facts", "events"):
        for i, item in enumerate(getattr(model, section)):
            for j, ev in enumerate(item.evidence):
                yield (section, i, "evidence", j, "quote"), (ev.source, ev.quote)
    for i, d in enumerate(model.discrepancies):
        for j, ev in enumerate(d.sides):
            yield ("discrepancies", i, "sides", j, "quote"), (ev.source, ev.quote)
    for i, q in enumerate(model.quotes):
        yield ("quotes", i, "text"), (q.source, q.text)
        for j, v in enumerate(q.versions):
            yield ("quotes", i, "versions", j, "text"), (v.source, v.text)


# --- YAML with line numbers -------------------------------------------------------------------


def _node_lines(node: yaml.Node, path: tuple = (), out: dict | None = None) -> dict[tuple, int]:
    """Map each path in the document (keys and list indexes) to its 1-based line."""
    out = {} if out is None else out
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[path + (key,)] = key_node.start_mark.line + 1
            _node_lines(value_node, path + (key,), out)
            out[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _node_lines(item, path + (i,), out)
    return out


def _duplicate_keys(node: yaml.Node, display: str) -> list[Problem]:
    problems = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.value in seen:
                problems.append(Problem(display, line, f"duplicate key {key_node.value!r} (first on line {seen[key_node.value]})"))
            seen.setdefault(key_node.value, line)
            problems += _duplicate_keys(value_node, display)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _duplicate_keys(item, display)
    return problems


def _line_for(lines: dict[tuple, int], loc: tuple) -> int:
    loc = tuple(loc)
    while loc and loc not in lines:
        loc = loc[:-1]
    return lines.get(loc, 1)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# --- verification -----------------------------------------------------------------------------


def _closest(needle: str, haystack: str) -> str:
    from rapidfuzz import fuzz

    align = fuzz.partial_ratio_alignment(needle, haystack)
    return haystack[align.dest_start : align.dest_end]


def _first_difference(expected: str, found: str) -> str:
    for i, (a, b) in enumerate(zip(expected, found)):
        if a != b:
            return f"first difference at character {i + 1}: {expected[i:i + 20]!r} vs source {found[i:i + 20]!r}"
    return "lengths differ"


def verify(model: FactBaseModel, root: Path, lines: dict[tuple, int], display: str) -> tuple[list[Problem], dict[str, str]]:
    problems: list[Problem] = []

    def add(loc: tuple, message: str) -> None:
        problems.append(Problem(display, _line_for(lines, loc), message))

    # Unique ids per section, and across people (they share one namespace with speakers).
    ids: dict[str, set[str]] = {}
    for section in SECTIONS:
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(model, section)):
            if item.id in seen:
                add((section, i, "id"), f"duplicate id {item.id!r} in {section} (first at line {_line_for(lines, (section, seen[item.id], 'id'))})")
            seen.setdefault(item.id, i)
        ids[section] = set(seen)

    # Source files exist; read once.
    texts: dict[str, str] = {}
    normalized: dict[str, str] = {}
    for i, src in enumerate(model.sources):
        file = root / src.file
        if not file.is_file():
            add(("sources", i, "file"), f"source file not found: {src.file}")
            continue
        texts[src.id] = file.read_text(encoding="utf-8")
        normalized[src.id] = normalize_span(texts[src.id])
        for field_name in ("published_evidence", "url", "title", "author"):
            value = getattr(src, field_name)
            if value is not None and normalize_span(value) not in normalized[src.id]:
                add(("sources", i, field_name), f"{field_name} {value!r} is not in {src.file}")

    # Values the types alone do not pin down.
    def check_value(loc: tuple, check) -> None:
        try:
            check()
        except ValueError as exc:
            add(loc, f"{'.'.join(str(p) for p in loc)}: {exc}")

    if not model.sources:
        add(("sources",), "sources: at least one source is required")
    for key in LEXICON_KEYS:
        if key not in model.lexicon:
            add(("lexicon",), f"lexicon: the engine needs the key {key!r} (its synonyms may be empty)")
    for section, attr in (("sources", "published"), ("facts", "date"), ("quotes", "date"), ("events", "date"),
                          ("quotes", "date_to"), ("events", "date_to")):
        for i, item in enumerate(getattr(model, section)):
            check_value((section, i, attr), lambda v=getattr(item, attr): check_iso(v))
    for section, attr in (("quotes", "date_precision"), ("events", "precision")):
        for i, item in enumerate(getattr(model, section)):
            if problem := precision_problem(item.date, getattr(item, attr), item.date_to):
                add((section, i, attr), f"{section}.{i}.{attr}: {problem}")
    for i, src in enumerate(model.sources):
        if src.url is not None and not re.match(r"^https?://\S+$", src.url):
            add(("sources", i, "url"), f"sources.{i}.url: not an http(s) URL: {src.url!r}")
    for section, attr in (("facts", "evidence"), ("events", "evidence"), ("discrepancies", "sides")):
        for i, item in enumerate(getattr(model, section)):
            if not getattr(item, attr):
                add((section, i, attr), f"{section}.{i}.{attr}: needs at least one verbatim quote")
    for loc, (_, text) in iter_citations(model):
        if not text.strip():
            add(loc, f"{'.'.join(str(p) for p in loc)}: empty quote")
    for i, f in enumerate(model.facts):  # shown as "My sources don't <phrase>."
        for j, phrase in enumerate(f.unsaid):
            if not re.match(r"^(?:say|give|name|list|show|tell|quote|date)\b\s+\S", phrase):
                add(("facts", i, "unsaid", j), f"facts.{i}.unsaid.{j}: {phrase!r} must read after \"My sources don't\" "
                                               "(start with say, give, name, list, show, tell, quote or date)")

    # References resolve.
    def ref(loc: tuple, value: str | None, section: str, what: str) -> None:
        if value is not None and value not in ids[section]:
            add(loc, f"unknown {what} {value!r}")

    for i, f in enumerate(model.facts):
        for j, pid in enumerate(f.people):
            ref(("facts", i, "people", j), pid, "people", "person")
        for j, pid in enumerate(f.said_by):
            if pid not in f.people:
                add(("facts", i, "said_by", j), f"facts.{i}.said_by.{j}: {pid!r} must be one of the fact's people")
    for i, e in enumerate(model.events):
        for j, pid in enumerate(e.people):
            ref(("events", i, "people", j), pid, "people", "person")
        for j, eid in enumerate(e.follows):
            ref(("events", i, "follows", j), eid, "events", "event")
            if eid == e.id:
                add(("events", i, "follows", j), f"events.{i}.follows.{j}: an event cannot follow itself")
    for i, q in enumerate(model.quotes):
        ref(("quotes", i, "speaker"), q.speaker, "people", "speaker")
    for i, p in enumerate(model.people):
        ref(("people", i, "publishes"), p.publishes, "sources", "source")
    for j, pid in enumerate(model.meta.episode.get("people", ())):  # the first is whose meeting it was
        ref(("meta", "episode", "people", j), pid, "people", "person")
    if model.meta.setting_fact is not None:
        ref(("meta", "setting_fact"), model.meta.setting_fact, "facts", "fact")
    if model.meta.disclosure is not None:
        ref(("meta", "disclosure", "fact"), model.meta.disclosure.fact, "facts", "fact")
    if model.meta.sources_fact is not None:
        ref(("meta", "sources_fact"), model.meta.sources_fact, "facts", "fact")
    for loc, message in meta_problems(model):
        add(loc, message)
    for i, d in enumerate(model.discrepancies):
        for j, fid in enumerate(d.facts):
            ref(("discrepancies", i, "facts", j), fid, "facts", "fact")

    # Every citation is a verbatim span of its source.
    for loc, (source_id, text) in iter_citations(model):
        src_loc = loc[:-1] + ("source",)
        if source_id not in ids["sources"]:
            add(src_loc, f"unknown source {source_id!r}")
            continue
        if source_id not in normalized:
            continue  # its missing file is already reported
        wanted = normalize_span(text)
        if wanted and wanted not in normalized[source_id]:
            closest = _closest(wanted, normalized[source_id])
            add(loc, f"quote not found verbatim in {model_source(model, source_id).file}: {wanted[:80]!r}; "
                     f"closest text is {closest[:80]!r} ({_first_difference(wanted, closest)})")
    return problems, texts


_TEXTS = ("scope", "topic", "short_topic", "about", "articles", "timeline_span", "picture_title", "picture_subtitle")
_COUNTS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


def meta_problems(model: FactBaseModel) -> list[tuple[tuple, str]]:
    """(location, message) for each thing in the meta section the code could not use as written:
    a text left empty, a reference to nothing, an example of something the fact base does not have,
    a slash command description over Discord's limit."""
    meta = model.meta
    found: list[tuple[tuple, str]] = []
    for name in _TEXTS:
        if not getattr(meta, name).strip():
            found.append((("meta", name), f"meta.{name}: must not be empty (replies show it)"))
    count = meta.articles.split()[0].lower() if meta.articles.strip() else ""
    if _COUNTS.get(count, int(count) if count.isdigit() else None) not in (None, len(model.sources)):
        found.append((("meta", "articles"), f"meta.articles: {meta.articles!r}, but the fact base has {len(model.sources)} source(s)"))
    if not 1 <= meta.default_year <= 9999:
        found.append((("meta", "default_year"), f"meta.default_year: not a year: {meta.default_year}"))

    for key in meta.episode:  # (its people and setting_fact are checked with the other references, in verify)
        if key not in ("people", "nouns"):
            found.append((("meta", "episode"), f"meta.episode: unknown key {key!r} (the engine reads people and nouns)"))
    for season, month in meta.season_months.items():
        if season not in SEASONS or month not in MONTH_NAMES:
            found.append((("meta", "season_months", season), f"meta.season_months: {season!r}: {month!r} is not a season "
                                                               f"({', '.join(SEASONS)}) and a month (lowercase, in full)"))

    examples = meta.examples
    described = bool(examples.questions)  # the descriptions quote the first question and the day
    if not examples.questions or not all(q.strip() for q in examples.questions):
        found.append((("meta", "examples", "questions"), "meta.examples.questions: give at least one, none empty"))
    try:
        check_iso(examples.date)
        day = dt.date.fromisoformat(examples.date).isoformat()  # a whole day: a month or a year is no example of one
    except ValueError:
        described = False
        found.append((("meta", "examples", "date"), f"meta.examples.date: not a day (YYYY-MM-DD): {examples.date!r}"))
    else:  # (without events there is no timeline to show, and any day shows how a date is written)
        if model.events and not any(e.span()[0] <= day <= e.span()[1] for e in model.events):
            found.append((("meta", "examples", "date"), f"meta.examples.date: the timeline has no event on {day}"))
    names = {n.lower() for p in model.people for n in (p.name, *p.aliases)}
    for j, name in enumerate(examples.names):
        if name.lower() not in names:
            found.append((("meta", "examples", "names", j), f"meta.examples.names.{j}: no person is named {name!r}"))
    if examples.compare is not None and examples.compare not in {d.topic for d in model.discrepancies if d.is_disagreement}:
        found.append((("meta", "examples", "compare"), f"meta.examples.compare: {examples.compare!r} is no disagreement's topic"))
    if described:
        from bot.discord_bot.descriptions import too_long  # the words only: no discord.py

        found += [(("meta",), f"meta: {problem}") for problem in too_long(meta)]
    return found


def precision_problem(date: str | None, precision: str, date_to: str | None) -> str | None:
    """Why a date says more (or other) than its precision allows, or None."""
    if precision == "unknown":
        return f"precision 'unknown' but a date is given ({date})" if date else None
    if date is None:
        return f"precision {precision!r} needs a date"
    parts = len(date.split("-"))
    if precision == "day" and parts != 3:
        return f"precision 'day' needs a full date, not {date!r}"
    if precision == "month" and parts != 2:
        return f"precision 'month' needs a year and month only (YYYY-MM), not {date!r}"
    if precision == "range":
        if not date_to:
            return "precision 'range' needs date_to"
        if date_to <= date:
            return f"date_to {date_to} must come after date {date}"
    elif date_to:
        return f"date_to is only for precision 'range', not {precision!r}"
    return None


def model_source(model: FactBaseModel, source_id: str) -> Source:
    return next(s for s in model.sources if s.id == source_id)


def _pydantic_message(err: dict[str, Any]) -> str:
    loc = ".".join(str(p) for p in err["loc"])
    if err["type"] in ("missing", "missing_argument"):
        return f"{loc}: required field is missing"
    if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        return f"{loc}: unknown field"
    value = err.get("input")
    return f"{loc}: {err['msg']}" + ("" if isinstance(value, (dict, list)) else f" (got {value!r})")


def _parse(path: Path, display: str) -> tuple[FactBaseModel, dict[tuple, int], list[Problem]]:
    """YAML (with line numbers) -> validated model, or FactBaseError."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FactBaseError([Problem(display, 0, "file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FactBaseError([Problem(display, 0, f"cannot read file: {exc}")]) from None
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(raw, Loader=loader_class)
        data = loader_class(raw).construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problem = getattr(exc, "problem", None) or str(exc)
        raise FactBaseError([Problem(display, line, f"malformed YAML: {problem}")]) from None
    if not isinstance(node, yaml.MappingNode):
        raise FactBaseError([Problem(display, 1, "the file must be a mapping with sections: " + ", ".join(SECTIONS))])
    problems = _duplicate_keys(node, display)
    lines = _node_lines(node)
    from pydantic import TypeAdapter, ValidationError  # only when parsing: keeps start-up fast

    try:
        model = TypeAdapter(FactBaseModel).validate_python(data)
    except ValidationError as exc:
        problems += [Problem(display, _line_for(lines, err["loc"]), _pydantic_message(err)) for err in exc.errors()]
        raise FactBaseError(sorted(problems, key=lambda p: p.line)) from None
    return model, lines, problems


_META_SECTION = re.compile(r"^meta:.*?(?=^\S|\Z)", re.M | re.S)  # up to the next top-level key or comment


def read_meta(path: Path | str) -> dict[str, Any]:
    """The meta section of a fact base as written, read alone and unchecked: for words wanted
    before any fact base is loaded (the command line's help), where loading the whole one would
    slow every command. {} when it can't be read."""
    try:
        found = _META_SECTION.search(Path(path).read_text(encoding="utf-8"))
        meta = yaml.load(found.group(0), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["meta"] if found else {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError, TypeError):
        return {}
    return meta if isinstance(meta, dict) else {}


def load_factbase(path: Path | str = DEFAULT_FACTS, root: Path | None = None) -> FactBase:
    """Load, validate and verify a fact base. Source files are resolved against `root`
    (default: the folder holding the YAML file)."""
    path = Path(path)
    display = _display(path)
    root = path.resolve().parent if root is None else root
    model, lines, problems = _parse(path, display)
    verify_problems, texts = verify(model, root, lines, display)
    problems += verify_problems
    if problems:
        raise FactBaseError(sorted(problems, key=lambda p: p.line))
    return FactBase(model=model, path=path, seed_texts=texts)
