"""Questions about the order of happenings: which of two came first ("was the meeting before or
after the opening ceremony?", "which came first, the sanctions or the snub?"), and what came next
or just before ("what happened after the meeting was called off?", or "and then?" in a talk).
Questions that ask which of two happenings came first ("was the meeting before or after the
opening ceremony?", "which came first, the sanctions or the snub?"): each side is matched to the
dated event of the timeline that covers it best, and the answer says the order — or, where the
articles date them too loosely to tell, says that — with both dates and their evidence.

What comes next is the next step of the articles' order, not of the list: the happenings that
follow it with none between; where the articles do not order those, they are given as such.

Dates keep their uncertainty: an event dated only "before 10 February" is not put before one on
9 February.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.facts import Event
from bot.index import Index
from bot.results import Answer

# "X before or after Y", "X or Y first", "which came first, X or Y"
_BEFORE_OR_AFTER = re.compile(r"^(?:(?:was|were|did|is|are|does|do|had|has)\s+)?(?P<a>.+?)\s+(?:happen\s+|come\s+|take place\s+)?"
                              r"before or after\s+(?P<b>.+?)$")
_WHICH_FIRST = re.compile(r"^(?:which|what)\s+(?:came|happened|was|come|happen|is)\s+first\s+(?P<a>.+?)\s+or\s+(?P<b>.+?)$")
_FIRST_OF_TWO = re.compile(r"^(?:was|did)\s+(?P<a>.+?)\s+or\s+(?P<b>.+?)\s+(?:come\s+|happen\s+|take place\s+)?first$")
# "was the meeting cancelled before the opening ceremony?": a yes or no about the order
_ONE_SIDE = re.compile(r"^(?:was|were|did|is|had)\s+(?P<a>.+?)\s+(?:happen\s+|come\s+|take place\s+)?(?P<rel>before|after)\s+(?P<b>.+?)$")
_SPAN_OF_TIME = re.compile(r"\b(?:\d+|a|an|one|two|three|few|couple|several)\s+(?:minutes?|hours?|days?|weeks?|months?)\b|\bjust\b")
# "what time exactly was the meeting before or after the ceremony": it asks something else
_ASKS_ELSE = re.compile(r"\b(?:what|when|who|whom|whose|where|why|how|which)\b")
_NEWS = "news"
# "what happened after the meeting was cancelled", "what came right before the opening ceremony"
_STEP = re.compile(r"^(?:(?:and|so|ok|okay)\s+)?what\s+(?:(?:happened|happens|came|comes|was|were)|did\s+(?P<who>.+?)\s+do)\s+(?:next\s+|then\s+)?"
                   r"(?:right\s+|just\s+|immediately\s+|shortly\s+|straight\s+)?(?P<rel>after|before)\s+(?P<x>.+)$")
_CAREER = re.compile(r"\b(?:became|become|becomes|becoming|being|joined|joining|took office|taking office|was hired|got the job)\b")
STEP_WORDS = {"after": "Next", "before": "Just before"}
_STEP_PLACE = {"after": "next", "before": "just before"}
MATCH_COVER = 0.4  # how much of a side's words an event (or its title) must cover to be taken as it
CLEAR_LEAD = 0.1  # and by how much it must lead the next event that is dated otherwise


def asks_order(norm: str) -> tuple[str, str, str | None] | None:
    """The two sides of an ordering question, in normalised words, and the order a yes-or-no
    question proposes ("before"/"after"; None: it asks which), or None."""
    for pattern in (_BEFORE_OR_AFTER, _WHICH_FIRST, _FIRST_OF_TWO):
        if pattern is _BEFORE_OR_AFTER and "before or after" not in norm:
            continue  # (its words first: the pattern tries every word of a question without them)
        found = pattern.match(norm)
        if found and not _ASKS_ELSE.search(found.group("a")):
            return found.group("a"), found.group("b"), None
    found = _ONE_SIDE.match(norm)
    if found and not _ASKS_ELSE.search(found.group("a")) and not _SPAN_OF_TIME.search(found.group("a")):
        return found.group("a"), found.group("b"), found.group("rel")  # ("two hours before": a span, not an order)
    return None


def order_answer(ix: Index, question: str, norm: str) -> Answer | None:
    """The order of the two happenings a question names, or None when it does not ask for one or
    either side matches no dated event clearly. `norm`: the question normalised, without its end
    punctuation."""
    sides = asks_order(norm)
    if sides is None:
        return None
    pair = _events_for(ix, sides[0], sides[1])
    if pair is None:
        return None
    first, second = pair
    steps = _order(ix, first, second)
    verdict = "Before" if steps is not None else None
    if steps is None:
        steps = _order(ix, second, first)
        verdict = "After" if steps is not None else None
    dated = f"{first.title}: {first.date_label()}. {second.title}: {second.date_label()}."
    proposed = sides[2]
    if verdict and proposed:  # "was X before Y?": yes or no, with the dates
        verdict = "Yes" if verdict.lower() == proposed else "No"
    # where the dates overlap, the order is the articles' words: said, and their words cited
    in_words = [(x, y) for x, y, by_words in steps or () if by_words]
    told = "The dates alone overlap; the articles' own words give the order (quoted below)." if in_words else ""
    text = (f"{verdict} — {dated}" + (f" {told}" if told else "") if verdict else
            f"My sources don't date them closely enough to say which came first. {dated}")
    shown = [ev for e in (first, second) for ev in e.evidence[:1]]
    shown += [ev for _, y in in_words for ev in y.evidence if ev not in shown]
    cites = tuple(ix._cite(ev.source, ev.quote) for ev in shown)
    return Answer(question, text, "order", cites, confidence=1.0 if verdict else 0.5)


def _events_for(ix: Index, a: str, b: str) -> tuple[Event, Event] | None:
    """The two different events the sides name, each clearly ("the meeting cancelled" and "the
    news leaked" are the cancellation and the reveal, though the reveal's title has both)."""
    fits = [_fits(ix, side) for side in (a, b)]
    if not fits[0] or not fits[1]:
        return None
    best = max(((fa + fb, ea, eb) for fa, ea in fits[0] for fb, eb in fits[1] if ea.id != eb.id), key=lambda x: x[0], default=None)
    if best is None:
        return None
    _, first, second = best
    for chosen, other, side in ((first, second, fits[0]), (second, first, fits[1])):
        fit = next(f for f, e in side if e.id == chosen.id)
        rival = max((f for f, e in side if e.id != other.id and e.id != chosen.id and e.span() != chosen.span()), default=0.0)
        if fit - rival < CLEAR_LEAD:
            return None
    return first, second


def _fits(ix: Index, side: str, whole: bool = False) -> list[tuple[float, Event]]:
    """How well each event fits a side: most of its words among the event's (or its title's),
    and the title most about them ("the news leaked" is the reveal, though the interview's
    evidence mentions it)."""
    # (not the "s" of "pence's"; nor "happen": every event happened — "the meeting was supposed to
    # happen" is not the atrocities "happening in North Korea")
    happen, reveal = ix._canon_token("happen"), ix._canon_token("reveal")
    wanted = [t for t in ix._analyse(side, correct=True)[0] if not t.startswith("?") and len(t) > 1 and t != happen]
    # ("the news of the cancelled meeting": when it became known, not when it was cancelled)
    wanted = [reveal if t == _NEWS else t for t in wanted]
    out = []
    for event in ix.fb.events if wanted else ():
        title = ix.event_titles[event.id]
        # (whole: by what the timeline says of it, not the evidence's other words: "he became chief of staff")
        words = _told_words(ix)[event.id] if whole else ix.event_words[event.id]
        in_words, in_title = ix._coverage(wanted, words), ix._coverage(wanted, title)
        if max(in_words, in_title) >= (1.0 if whole else MATCH_COVER):
            about = ix._coverage(list(title), set(wanted)) if title else 0.0
            out.append((in_title + about + in_words / 2, event))
    return out


@lru_cache(maxsize=4)
def _told_words(ix: Index) -> dict[str, frozenset[str]]:
    """Each event's words as the timeline tells it: its title, description and date (once per index)."""
    return {e.id: frozenset(ix._analyse(f"{e.title} {e.description} {e.date_label()}", correct=False)[0]) for e in ix.fb.events}


@lru_cache(maxsize=4)
def _later_events(ix: Index) -> dict[str, frozenset[str]]:
    """For each event, the events the articles put after it, by dates or words, steps followed
    through (`_order`), worked out once per index."""
    return {a.id: frozenset(b.id for b in ix.fb.events if b.id != a.id and _order(ix, a, b) is not None) for a in ix.fb.events}


def _order(ix: Index, a: Event, b: Event) -> list[tuple[Event, Event, bool]] | None:
    """The steps by which the articles put `a` before `b`, or None: each step (earlier, later, in
    words) is either their dates (`Event.span`: its last possible day before the other's first —
    or the same day, when that day is a bound a "before" or an "after" excludes) or their words
    (`Event.follows`, where the dates overlap), and steps are followed through."""
    came_from: dict[str, tuple[Event, bool]] = {}
    todo = [a]
    while todo:
        x = todo.pop(0)
        for y in ix.fb.events:
            if y.id in came_from or y.id == a.id:
                continue
            dated = _dated_before(x, y)
            if dated or x.id in y.follows:
                came_from[y.id] = (x, not dated)
                if y.id == b.id:
                    steps, at = [], y
                    while at.id != a.id:
                        earlier, words = came_from[at.id]
                        steps.append((earlier, at, words))
                        at = earlier
                    return steps[::-1]
                todo.append(y)
    return None


def _dated_before(a: Event, b: Event) -> bool:
    a_last, b_first = a.span()[1], b.span()[0]
    return a_last < b_first or (a_last == b_first and (a.precision == "before" or b.precision == "after"))


def step_answer(ix: Index, question: str, norm: str) -> Answer | None:
    """"What happened after the meeting was cancelled?": the next step of the timeline from the
    happening it names (None: it asks no such thing, or names no dated event clearly)."""
    found = _STEP.match(norm)
    if found is None:
        return None
    side = found.group("x")
    if _CAREER.search(side):
        return None  # ("what did Ayers do before he became chief of staff": a life before the story, not a step of it)
    tokens, _, unknown = ix._analyse(side, correct=True)
    if unknown or any(t.startswith("?") for t in tokens):
        return None  # ("after the closing ceremony", "after the missile launch in December": not as the articles tell it)
    event = _event_for(ix, side, whole=True)
    if event is None:
        return None
    doer = None
    if found.group("who"):  # "what did Pence do after it got cancelled": what came next of what he did
        named = ix._analyse(found.group("who"), correct=True)[1]
        if len(named) != 1:
            return None
        doer = named[0]
    return step_from(ix, question, event, found.group("rel"), doer)


def step_from(ix: Index, question: str, event: Event, rel: str, doer: str | None = None) -> Answer:
    """The happenings that come next after `event` (rel "after") or just before it ("before"),
    in the articles' order: those with none between (of those `doer` had a part in, if given).
    Said as such when the articles put none there, or do not order the ones they put."""
    later = _later_events(ix)
    def beyond(x: Event, y: Event) -> bool:  # y lies on the `rel` side of x
        return y.id in later[x.id] if rel == "after" else x.id in later[y.id]
    around = [e for e in ix.fb.events if not e.background and e.id != event.id and beyond(event, e)]
    steps = [e for e in around if not any(beyond(z, e) for z in around if z.id != e.id)]
    if doer is not None and steps and not any(doer in e.people for e in steps):
        return Answer(question, f"My sources don't say what {ix.fb.person_by_id[doer].name} did {rel} that. What comes {_STEP_PLACE[rel]} "
                      f"in the timeline ({steps[0].date_label()}): {steps[0].description}", "order",
                      tuple(ix._cite(ev.source, ev.quote) for ev in steps[0].evidence[:1]), events=(steps[0],), confidence=0.5)
    if doer is not None:
        steps = [e for e in steps if doer in e.people] or steps
    told = f"{event.title}, {event.date_label()}"
    if not steps:
        return Answer(question, f"My sources put nothing {rel} it in the timeline ({told}).", "order",
                      tuple(ix._cite(ev.source, ev.quote) for ev in event.evidence[:1]), events=(event,), confidence=0.5)
    lead = STEP_WORDS[rel]
    if len(steps) == 1:
        text = f"{lead}, in the timeline ({steps[0].date_label()}): {steps[0].description}"
    else:
        text = f"{lead}, in the timeline, in an order my sources don't fix:" + "".join(
            f"\n• {e.date_label()} — {e.description}" for e in steps)
    text += f"\n({rel.capitalize()}: {told}.)"
    cites = tuple(ix._cite(ev.source, ev.quote) for e in steps for ev in e.evidence[:1])
    return Answer(question, text, "order", cites, events=tuple(steps))


def event_cited(ix: Index, citations, rel: str) -> Event | None:
    """The event a shown answer is about: the one most of whose evidence its citations quote
    (one within the other), and of equals the latest for what came next, the earliest for what
    came before. None: it cites none."""
    counts = []
    for at, event in enumerate(ix.fb.events):
        held = sum(1 for ev in event.evidence for c in citations
                   if c.source_id == ev.source and (c.quote in ev.quote or ev.quote in c.quote))
        if held and not event.background:
            counts.append((held, at if rel == "after" else -at, event))
    return max(counts, key=lambda x: x[:2])[2] if counts else None


def _event_for(ix: Index, side: str, whole: bool = False) -> Event | None:
    """The one event a phrase names clearly (see `_events_for`); `whole`: one that holds every
    word of it."""
    fits = sorted(_fits(ix, side, whole), key=lambda x: -x[0])
    if not fits:
        return None
    best_fit, best = fits[0]
    rival = max((f for f, e in fits[1:] if e.span() != best.span()), default=0.0)
    return best if best_fit - rival >= CLEAR_LEAD else None
