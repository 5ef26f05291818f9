"""Engine results -> terminal text, JSON, and `Card`s (a neutral form of a Discord embed).

No discord.py import here: the Discord layer turns a Card into an embed within Discord's limits.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.engine import Answer, Citation, Comparison, Engine, NotCovered, Result
from bot.facts import Discrepancy, Event, Fact, FactBase, Person, Quote, Source, normalize_span, outlet_name
from bot.ordering import STEP_WORDS

COLOR_ANSWER = 0x2B6CB0
COLOR_YES = 0x2F855A
COLOR_NOT_COVERED = 0x718096
COLOR_NO = 0xC05621
PRECISION_NOTE = {"month": "dated to the month", "approximate": "approximate date", "before": "only an upper bound",
                  "after": "only a lower bound", "range": "somewhere in this range"}


@dataclass
class Card:
    title: str
    description: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    footer: str | None = None
    url: str | None = None
    color: int = COLOR_ANSWER
    suggestions: list[str] = field(default_factory=list)
    author: str = ""  # a small line above the title (the user's question)
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, url) of articles to open
    topics: list[str] = field(default_factory=list)  # disagreements the reader may compare


def _width() -> int:
    return max(40, min(100, shutil.get_terminal_size((88, 20)).columns))


def _wrap(text: str, indent: str = "") -> str:
    return "\n".join(textwrap.fill(line, _width(), initial_indent=indent, subsequent_indent=indent) if line else ""
                     for line in text.splitlines())


# --- answers ----------------------------------------------------------------------------------

_TIMELINE_STEP = re.compile(rf"((?:{'|'.join(STEP_WORDS.values())}), in the timeline \([^)]*\)): (.*)", re.S)  # (bot.ordering.step_from)
HEADLINE_MAX = 160  # a longer first sentence gives the title only its first clause
CLAUSE_MAX = 100
_CLAUSE_END = re.compile(r" \(|, | — |: |; ")
QUOTE_SHOWN_MAX = 140  # a citation in a reply: a verbatim prefix, cut at a word, when longer
CITATIONS_SHOWN = 3
QUOTE_ANSWER_MAX = 200  # a quote in an answer about what someone said
_OUTER_QUOTES = "\"“”„«»"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_VERDICT = {"yes": "Yes", "no": "No"}


def bare_quote(text: str) -> str:
    """A quote without its own outer quote marks, so that showing it in “…” never doubles them."""
    text = text.strip()
    while len(text) > 1:
        if text[0] in _OUTER_QUOTES and text[-1] in _OUTER_QUOTES:
            text = text[1:-1].strip()
        elif text[0] in _OUTER_QUOTES and not any(c in _OUTER_QUOTES for c in text[1:]):
            text = text[1:].strip()  # an opening mark whose closing one the span leaves out
        elif text[-1] in _OUTER_QUOTES and not any(c in _OUTER_QUOTES for c in text[:-1]):
            text = text[:-1].strip()
        else:
            break
    return text


def quoted(text: str, limit: int | None = None) -> str:
    """A quote in “…”; one that opens with its own quote mark (a quotation and who said it) keeps
    its marks instead, so they are never doubled."""
    text = bare_quote(text)
    if limit and len(text) > limit:
        text = shorten(text, limit)
    return text if text[:1] in _OUTER_QUOTES else f"“{text}”"


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary and mark the cut; what is left is still a verbatim prefix."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _key(text: str) -> str:
    return normalize_span(bare_quote(text)).lower().strip(" .,;:")


def without_fragments(texts: list[str]) -> list[str]:
    """Each text once, and none that is contained in a longer one also shown."""
    keys = [_key(t) for t in texts]
    out = []
    for i, (t, k) in enumerate(zip(texts, keys)):
        if any(k in other and (k != other or j < i) for j, other in enumerate(keys) if j != i):
            continue
        out.append(t)
    return out


def headline(result: Result) -> tuple[str, str]:
    """(title, description): the verdict or the answer's headline first, the rest below it."""
    if isinstance(result, NotCovered):
        return "Not in my sources", result.text
    text = result.text.strip()
    kind = getattr(result, "kind", "fact")
    person = getattr(result, "person", None)
    if kind == "person" and person is not None:
        return person.name, text
    if kind == "quotes" and person is not None:
        return f"What {person.name} said", text
    if kind in _VERDICT:
        verdict = _VERDICT[kind]
        rest = re.sub(rf"^{verdict}\b\s*[—,:-]*\s*", "", text)
        return verdict, rest
    if kind == "order" and re.match(r"(?:Before|After) — ", text):  # the order is the headline, the two dates below
        verdict, _, rest = text.partition(" — ")
        return verdict, rest
    lead, newline, rest = text.partition("\n")
    if newline and lead.endswith(":") and rest.startswith("• ") and len(lead) <= 2 * HEADLINE_MAX:
        # "DW reports, in short (…):", "Just before, in the timeline, in an order …:" over a list: the lead is the headline
        return re.sub(r"\s*\([^)]*\)", "", lead[:-1]), rest
    if kind == "order" and (step := _TIMELINE_STEP.match(text)):
        return step.group(1), step.group(2)  # "Next, in the timeline (between 10 and 20 February 2018): …"
    if kind == "premise":  # the engine leads with the correction: "It wasn't Donald Trump: …"
        correction = re.match(r"(.+?)(?:: |\. )(.*)", text, re.S)
        if correction and len(correction.group(1)) <= 2 * HEADLINE_MAX:
            return correction.group(1), correction.group(2)
        return "Not quite — the question assumes something my sources contradict", text
    first, _, rest = _split_first_sentence(text)
    if len(first) <= HEADLINE_MAX:  # the answer's first sentence is the headline, the rest below it
        return first, rest
    return first_clause(first), text  # a long sentence: its first clause above, all of it below


def first_clause(sentence: str, limit: int = CLAUSE_MAX) -> str:
    clause = _CLAUSE_END.split(sentence, maxsplit=1)[0].strip()
    return clause if len(clause) <= limit else shorten(sentence, limit)


def _split_first_sentence(text: str) -> tuple[str, str, str]:
    parts = _SENTENCE_END.split(text, maxsplit=1)
    return (parts[0], " ", parts[1]) if len(parts) == 2 else (text, "", "")


def question_line(question: str, limit: int = 90) -> str:
    """The user's question as a small line above the answer: one line, no control characters."""
    flat = " ".join(question.split())
    return "Q: " + shorten(flat, limit) if flat else ""


def concerning_disagreements(result: Result) -> list[Discrepancy]:
    """Disagreements between outlets about the answer's facts; curators' notes (typos) left out."""
    facts = set(result.facts)
    out = []
    for d in getattr(result, "disagreements", ()):
        if getattr(d, "kind", "disagreement") != "disagreement":
            continue
        if facts and d.facts and not facts & set(d.facts):
            continue
        out.append(d)
    return out


PHONE_COLUMNS = 38  # characters a line on a phone
PHONE_WIDTH = PHONE_COLUMNS - 4  # inside an embed
SCREEN_LINES = 30  # lines on one phone screen
IMAGE_LINES = 12  # an attached picture takes about this many lines
ANSWER_LINES = 26  # an answer's text, leaving room for a row of buttons on one screen
_MD_LINK = re.compile(r"\[([^\]]+)\]\(https?://[^)]+\)")
_COMMAND_MENTION = re.compile(r"</([\w -]+):\d+>")
_TIMESTAMP = re.compile(r"<t:(\d+):R>")


def citation_lines(fb: FactBase, citations: Sequence[Citation], limit: int = CITATIONS_SHOWN) -> list[str]:
    """One line per citation: display name (a link when the article has one) and the quote,
    with fragments of longer quotes left out."""
    kept = without_fragments([c.quote for c in citations])
    seen: set[str] = set()
    lines = []
    for c in citations:
        if c.quote not in kept or c.quote in seen:
            continue
        seen.add(c.quote)
        name = fb.source_name(c.source_id or c.source)
        label = f"[{name}]({c.url})" if c.url else f"**{name}**"
        lines.append(f"{label}: {quoted(c.quote, QUOTE_SHOWN_MAX)}")
    if len(lines) > limit:
        more = len(lines) - limit
        lines = lines[:limit] + [f"*…and {more} more passage{'s' if more > 1 else ''}*"]
    return lines


def quote_lines(fb: FactBase, quotes: Sequence[Quote], limit: int = 300, speaker_named: bool = True) -> list[str]:
    """Quotes once each (no fragment of a longer one), with who (unless the title says), how and where."""
    kept = without_fragments([q.text for q in quotes])
    out = []
    for q in quotes:
        if q.text not in kept:
            continue
        kept.remove(q.text)
        who = f"{_speaker(fb, q)}, " if speaker_named else ""
        out.append(f"{quoted(q.text, limit)}\n— {who}{q.medium} · *{fb.source_name(q.source)}*")
    return out


def readable(text: str) -> str:
    """Markdown as it reads: links show their label, commands their name, no emphasis marks."""
    text = _MD_LINK.sub(r"\1", text or "")
    text = _COMMAND_MENTION.sub(r"/\1", text)
    text = _TIMESTAMP.sub("in 30 seconds", text)
    return text.replace("**", "").replace("__", "").replace("`", "").replace("\\", "")


def phone_lines(text: str, width: int = PHONE_WIDTH) -> int:
    """About how many lines `text` takes in an embed on a phone."""
    plain = readable(text)
    return sum(max(1, len(textwrap.wrap(line, width))) for line in plain.splitlines()) if plain else 0


def message_phone_lines(message: dict, columns: int = PHONE_COLUMNS) -> int:
    """How many lines a Discord message (its JSON) takes on a phone: text wrapped, each embed part
    on its own lines, a row of buttons as wide as its labels (two lines tall), a picture as
    IMAGE_LINES. The measure behind "fits one screen" (SCREEN_LINES)."""
    lines = phone_lines(message["content"], columns) if message.get("content") else 0
    for e in message.get("embeds", []):
        for part in ((e.get("author") or {}).get("name"), e.get("title"), e.get("description")):
            lines += phone_lines(part or "", columns - 4)
        for f in e.get("fields", []):
            lines += phone_lines(f["name"], columns - 4) + phone_lines(f["value"], columns - 4)
        lines += phone_lines((e.get("footer") or {}).get("text") or "", columns - 4)
        lines += IMAGE_LINES if e.get("image") else 0
        lines += 1  # the embed's padding
    for row in message.get("components", []):
        labels = [c.get("label") or c.get("placeholder") or "" for c in row.get("components", [])]
        lines += 2 * max(1, -(-sum(len(label) + 6 for label in labels) // columns))
    return lines + IMAGE_LINES * len(message.get("attachments", []))


def _fit(items: list[str], used: int, budget: int, gap: int = 0) -> list[str]:
    """The first items that fit in `budget` lines after `used`, at least one."""
    kept: list[str] = []
    for item in items:
        used += phone_lines(item) + gap
        if kept and used > budget:
            break
        kept.append(item)
    return kept


def answer_card(fb: FactBase, result: Result, budget: int = ANSWER_LINES) -> Card:
    """The answer first, then as many sources as fit `budget` phone lines (the rest behind a button)."""
    title, description = headline(result)
    author = question_line(result.question)
    if isinstance(result, NotCovered):
        # a near miss shows the passage behind "what they do say", as an answer would
        cited = citation_lines(fb, result.citations, limit=1) if result.citations else []
        links = {c.url: fb.source_name(c.source_id or c.source) for c in result.citations[:1] if c.url}
        return Card(title, description, [("Source", "\n".join(cited))] if cited else [], color=COLOR_NOT_COVERED,
                    author=author, suggestions=list(result.suggestions), links=[(name, url) for url, name in links.items()])
    used = phone_lines(author) + phone_lines(title)
    fields = []
    quotes = list(getattr(result, "quotes", ()))
    if result.kind == "quotes" and quotes:
        one_speaker = getattr(result, "person", None) is not None and len({q.speaker for q in quotes}) == 1
        shown = quote_lines(fb, quotes, limit=QUOTE_ANSWER_MAX, speaker_named=not one_speaker)
        kept = _fit(shown, used, budget, gap=1)
        description = "\n\n".join(kept)
        if len(kept) < len(shown):
            more = len(shown) - len(kept)
            description += f"\n\n*…and {more} more: {'/quote ' + result.person.name if one_speaker and result.person else '/quote'}*"
    else:
        used += phone_lines(description) + 1
        lines = citation_lines(fb, result.citations, limit=len(result.citations))
        kept = _fit([line for line in lines if not line.startswith("*…")], used, budget)[:CITATIONS_SHOWN]
        if len(kept) < len(lines):
            more = len(result.citations) - len(kept)
            kept.append(f"*…and {more} more passage{'s' if more > 1 else ''}*")
        if kept:
            fields.append(("Sources", "\n".join(kept)))
    disagreements = concerning_disagreements(result)  # each one a button ("Outlets differ: …")
    color = COLOR_NO if result.kind in ("no", "premise") else COLOR_YES if result.kind == "yes" else COLOR_ANSWER
    links = {c.url: fb.source_name(c.source_id or c.source) for c in result.citations if c.url}
    return Card(title, description, fields, color=color, author=author,
                links=[(name, url) for url, name in links.items()],
                topics=[d.topic for d in disagreements])


def evidence_card(fb: FactBase, facts: Sequence[Fact]) -> Card:
    """Every passage behind some facts, by article, each once."""
    by_source: dict[str, list[str]] = {}
    for fact in facts:
        for ev in fact.evidence:
            by_source.setdefault(ev.source, []).append(ev.quote)
    fields = [(fb.source_name(src), "\n".join(quoted(q, QUOTE_SHOWN_MAX) for q in without_fragments(quotes)))
              for src, quotes in by_source.items()]
    return Card("Sources", f"The passages behind this answer, from {len(by_source)} article(s):", fields,
                links=[(s.name, s.url) for s in fb.sources if s.url and s.id in by_source])


def result_text(result: Result, fb: FactBase | None = None, shown: set[str] | None = None) -> str:
    """The answer as console text. `shown`: the ids of disagreements already set out in full in this
    conversation, which are named in one line this time (and the ids of this answer's are added)."""
    out = [_wrap(result.text)]
    if isinstance(result, NotCovered):
        for c in result.citations[:1]:  # the passage behind "what they do say"
            name = fb.source_name(c.source_id) if fb else outlet_name(c.outlet)
            out.append(_wrap(f"\nSource: [{name}] “{bare_quote(c.quote)}”", "  "))
        if result.suggestions:
            out.append("\nYou could ask:")
            out += [f"  • {s}" for s in result.suggestions]
        return "\n".join(out)
    if result.citations:  # ("the first article names no author": an absence has no passage to show)
        out.append("\nSources:")
    for c in result.citations:
        name = fb.source_name(c.source_id) if fb else outlet_name(c.outlet)
        out.append(_wrap(f"[{name}] “{bare_quote(c.quote)}”", "  "))
    urls = sorted({c.url for c in result.citations if c.url})
    for u in urls:
        out.append(f"  link: {u}")
    again = []
    for d in concerning_disagreements(result):
        if shown is not None and d.id in shown:
            again.append(d.topic)
            continue
        out.append(_wrap(f"\nOutlets differ ({d.topic}): {d.summary}"))
        if shown is not None:
            shown.add(d.id)
    if again:
        out.append(_wrap(f"\n(Outlets differ, as above: {'; '.join(again)}.)"))
    return "\n".join(out)


def result_json(result: Result) -> dict:
    payload = {
        "question": result.question,
        "answered": result.answered,
        "text": result.text,
        "citations": [{"source": c.source, "outlet": c.outlet, "quote": c.quote, **({"url": c.url} if c.url else {})}
                      for c in result.citations],
        "facts": list(result.facts),
        "confidence": result.confidence,
    }
    if isinstance(result, Answer):
        payload["kind"] = result.kind
        payload["outlets"] = list(result.outlets)
        payload["disagreements"] = [{"id": d.id, "topic": d.topic, "summary": d.summary} for d in result.disagreements]
    else:
        payload["suggestions"] = list(result.suggestions)
    return payload


# --- quotes, people, events, sources, comparisons ---------------------------------------------


def _speaker(fb: FactBase, q: Quote) -> str:
    return fb.person_by_id[q.speaker].name if q.speaker else "Unattributed"


def quote_text(fb: FactBase, q: Quote) -> str:
    src = fb.source_by_id[q.source]
    meta = [q.medium]
    if q.said_to:
        meta.append(fb.told(q.said_to))
    if q.date:
        meta.append(q.date_label() or q.date)
    lines = [_wrap(f"{_speaker(fb, q)}: “{bare_quote(q.text)}”"), _wrap(f"({', '.join(meta)}; {src.name})", "  "),
             _wrap(q.context, "  ")]
    for v in q.versions:
        lines.append(_wrap(f"{fb.source_name(v.source)} prints it as ({v.medium}): “{bare_quote(v.text)}”" + (f" — {v.note}" if v.note else ""), "  "))
    return "\n".join(lines)


def quote_json(fb: FactBase, q: Quote) -> dict:
    src = fb.source_by_id[q.source]
    return {"id": q.id, "speaker": _speaker(fb, q), "text": q.text, "source": src.file, "outlet": src.name,
            "medium": q.medium, "said_to": fb.name_of(q.said_to), "date": q.date, "date_precision": q.date_precision,
            "context": q.context,
            "versions": [{"source": fb.source_by_id[v.source].file, "outlet": fb.source_name(v.source),
                          "text": v.text, "medium": v.medium, "note": v.note} for v in q.versions]}


def paginate(items: Sequence, per_page: int) -> list[list]:
    return [list(items[i : i + per_page]) for i in range(0, len(items), per_page)] or [[]]


def quote_pages(fb: FactBase, quotes: Sequence[Quote], title: str, per_page: int = 4) -> list[Card]:
    """Quotes, a few per page, each once; a fragment of a longer quote is not shown on its own."""
    shown = [q for q in quotes if q.text in without_fragments([q.text for q in quotes])]
    pages = paginate(shown, per_page)
    return [Card(title, "\n\n".join(quote_lines(fb, page)) or "No quotes.",
                 footer=f"Page {n} of {len(pages)} · {len(shown)} quotes")
            for n, page in enumerate(pages, 1)]


def event_json(e: Event) -> dict:
    return {"id": e.id, "date": e.date, "precision": e.precision, "date_label": e.date_label(), "title": e.title,
            "description": e.description, "derivation": e.derivation, "people": e.people,
            "evidence": [{"source": ev.source, "quote": ev.quote} for ev in e.evidence]}


def event_outlets(fb: FactBase, e: Event) -> str:
    return ", ".join(dict.fromkeys(fb.source_name(ev.source) for ev in e.evidence))


def short_date(e: Event) -> str:
    """"9 Feb 2018", "c. Feb 2018": the date label with the month abbreviated."""
    return re.sub(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b",
                  lambda m: m.group(1)[:3], e.date_label())


def timeline_text(fb: FactBase, events: list[Event]) -> str:
    if not events:
        return "No events in that range."
    out = []
    for e in events:
        out.append(_wrap(f"{e.date_label():<20} {e.title}"))
        out.append(_wrap(e.description, "    "))
        if not e.is_exact:
            out.append(_wrap(f"({PRECISION_NOTE[e.precision]}: {e.derivation})", "    "))
        out.append(f"    sources: {event_outlets(fb, e)}")
    return "\n".join(out)


def timeline_pages(fb: FactBase, events: Sequence[Event], per_page: int = 7) -> list[Card]:
    """One line per event (date — title · outlets); an approximate date is marked, and how it was
    worked out is one button away (`derivations_card`)."""
    pages = paginate(events, per_page)
    cards = []
    for n, page in enumerate(pages, 1):
        lines = [f"**{short_date(e)}**{'' if e.is_exact else '*'} — {e.title} · *{event_outlets(fb, e)}*" for e in page]
        approximate = any(not e.is_exact for e in page)
        footer = f"Page {n} of {len(pages)}" + (" · * date worked out from the articles" if approximate else "")
        cards.append(Card(f"Timeline: {fb.meta.short_topic}", "\n".join(lines) if page else "No events in that range.", footer=footer))
    return cards


def derivations_card(events: Sequence[Event]) -> Card:
    lines = [f"**{short_date(e)}** — {e.title}: {e.derivation}" for e in events if not e.is_exact]
    return Card("How are dates worked out?",
                "\n\n".join(lines) or "Every date on this page is printed in the articles.")


def event_choice(e: Event) -> str:
    """"9 Feb 2018 — Opening ceremony": what a person picks from a list of dates."""
    return f"{short_date(e)} — {e.title}"


def person_text(engine: Engine, p: Person) -> str:
    out = [_wrap(f"{p.name} — {p.role}"), _wrap(p.description, "  ")]
    other = [a for a in p.aliases if a != p.name]
    if other:
        out.append(_wrap("Also written: " + ", ".join(other), "  "))
    for ev in p.evidence:
        out.append(_wrap(f"[{engine.fb.source_name(ev.source)}] “{bare_quote(ev.quote)}”", "  "))
    quotes = engine.quotes_by_speaker.get(p.id, [])
    if quotes:
        out.append(f"  Quoted {len(quotes)} time(s); see `factbot quote {p.name}`.")
    return "\n".join(out)


def person_json(engine: Engine, p: Person) -> dict:
    return {"id": p.id, "name": p.name, "role": p.role, "description": p.description, "aliases": p.aliases,
            "evidence": [{"source": engine.fb.source_by_id[ev.source].file, "outlet": engine.fb.source_name(ev.source),
                          "quote": ev.quote} for ev in p.evidence],
            "quotes": [q.id for q in engine.quotes_by_speaker.get(p.id, [])]}


def person_card(engine: Engine, p: Person) -> Card:
    fb = engine.fb
    kept = without_fragments([ev.quote for ev in p.evidence])
    lines = [f"**{fb.source_name(ev.source)}**: {quoted(ev.quote, QUOTE_SHOWN_MAX)}" for ev in p.evidence if ev.quote in kept]
    fields = [("Sources", "\n".join(lines[:CITATIONS_SHOWN]))] if lines else []
    quotes = engine.quotes_by_speaker.get(p.id, [])
    if quotes:
        fields.append(("Quoted", f"{len(quotes)} time(s) — try `/quote {p.name}`"))
    other = [a for a in p.aliases if a != p.name]
    return Card(p.name, f"**{p.role}**\n{p.description}", fields, footer=("Also written: " + ", ".join(other)) if other else None)


def source_json(fb: FactBase, s: Source) -> dict:
    return {"id": s.id, "file": s.file, "outlet": s.outlet, "name": s.name, "author": s.author,
            "published": s.published, "url": s.url, "title": s.title, "notes": s.notes}


def _source_summary(s: Source) -> str:
    bits = [f"by {s.author}" if s.author else "author not named",
            f"published {s.published}" if s.published else "date not given"]
    return ", ".join(bits)


def sources_text(fb: FactBase) -> str:
    out = []
    for s in fb.sources:
        out.append(f"{s.name}: {s.title or '(no headline)'}")
        out.append(f"  {_source_summary(s)}; {s.file}" + (f"; {s.url}" if s.url else ""))
    return "\n".join(out)


def sources_card(fb: FactBase) -> Card:
    lines = []
    for s in fb.sources:
        name = f"[{s.name}]({s.url})" if s.url else f"**{s.name}**"
        lines.append(f"{name} — {s.title or '(no headline)'}; {_source_summary(s)}")
    return Card("Sources", f"Everything I say is drawn from these {fb.meta.articles}, and every quote I show is "
                           "verbatim from the one I name.\n\n" + "\n\n".join(lines),
                links=[(s.name, s.url) for s in fb.sources if s.url])


def comparison_json(fb: FactBase, c: Comparison) -> dict:
    return {"topic": c.topic, "summary": c.summary,
            "outlets": [{"outlet": fb.source_name(src), "source": src, "quotes": list(qs)} for _, src, qs in c.by_outlet],
            "silent": [fb.outlet_source_name(o) for o in c.silent]}


def comparison_text(fb: FactBase, c: Comparison) -> str:
    out = [f"Compare: {c.topic}"]
    if c.summary:
        out.append(_wrap(c.summary, "  "))
    for _, src, quotes in c.by_outlet:
        out.append(f"\n{fb.source_name(src)}:")
        out += [_wrap(f"“{bare_quote(q)}”", "  ") for q in without_fragments(list(quotes))]
    if c.silent:
        out.append(f"\nNot reported by: {', '.join(fb.outlet_source_name(o) for o in c.silent)}")
    return "\n".join(out)


def comparison_card(fb: FactBase, c: Comparison) -> Card:
    fields = [(fb.source_name(src), "\n".join(quoted(q, QUOTE_SHOWN_MAX) for q in without_fragments(list(quotes))[:3]))
              for _, src, quotes in c.by_outlet]
    if c.silent:
        fields.append(("Not reported by", ", ".join(fb.outlet_source_name(o) for o in c.silent)))
    return Card(f"Compare: {c.topic}", c.summary or "What each outlet reported:", fields)


# --- fact-checking a message ------------------------------------------------------------------

CHECK_VERDICTS = {"supported": "✅ Supported", "contradicted": "❌ Contradicted",
                  "not covered": "❔ Not in my sources", "related": "ℹ️ Related facts (no verdict)"}


def check_verdict(result: Result) -> str:
    """The verdict on one claim from the engine's answer to "Is it true that <claim>?"."""
    if isinstance(result, NotCovered):
        return "not covered"
    kind = getattr(result, "kind", "fact")
    return {"yes": "supported", "no": "contradicted", "premise": "contradicted"}.get(kind, "related")


def factcheck_card(fb: FactBase, checks: Sequence[tuple[str, Result]]) -> Card:
    if not checks:
        return Card("Nothing to check", "I found no claim to check in that message — I check statements "
                                        f"of fact about {fb.meta.short_topic}.", color=COLOR_NOT_COVERED)
    fields = []
    verdicts = []
    for claim, result in checks:
        verdict = check_verdict(result)
        verdicts.append(verdict)
        title, rest = headline(result)
        explanation = rest if verdict in ("supported", "contradicted") and title in _VERDICT.values() else result.text
        body = shorten(explanation, 300) if verdict != "not covered" else "The articles don't say."
        cites = citation_lines(fb, result.citations, limit=2) if verdict != "not covered" else []
        fields.append((f"{CHECK_VERDICTS[verdict]}: {shorten(claim, 180)}", "\n".join([body] + cites)))
    counts = {v: verdicts.count(v) for v in CHECK_VERDICTS if v in verdicts}
    summary = " · ".join(f"{n} {v}" for v, n in counts.items())
    color = COLOR_NO if "contradicted" in counts else COLOR_YES if "supported" in counts else COLOR_NOT_COVERED
    return Card("Fact-check", f"{len(checks)} claim{'s' if len(checks) > 1 else ''} checked against {fb.meta.articles}: {summary}.",
                fields, color=color)
