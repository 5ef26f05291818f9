"""What the engine returns: answers, abstentions and the pieces they are made of."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.facts import Discrepancy, Event, Person, Quote



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

