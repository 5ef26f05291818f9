"""Engine results -> terminal text, JSON, and `Card`s (a neutral form of a Discord embed).

No discord.py import here: the Discord layer turns a Card into an embed within Discord's limits.
"""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import dataclass, field

from bot.engine import Answer, Citation, Comparison, Engine, NotCovered, Result
from bot.facts import Event, FactBase, Person, Quote, Source, outlet_name

COLOR_ANSWER = 0x2B6CB0
COLOR_NOT_COVERED = 0x718096
COLOR_NO = 0xC05621
PRECISION_NOTE = {"month": "dated to the month", "approximate": "approximate date", "before": "only an upper bound"}


@dataclass
class Card:
    title: str
    description: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    footer: str | None = None
    url: str | None = None
    color: int = COLOR_ANSWER
    suggestions: list[str] = field(default_factory=list)


def _width() -> int:
    return max(40, min(100, shutil.get_terminal_size((88, 20)).columns))


def _wrap(text: str, indent: str = "") -> str:
    return "\n".join(textwrap.fill(line, _width(), initial_indent=indent, subsequent_indent=indent) if line else ""
                     for line in text.splitlines())


# --- answers ----------------------------------------------------------------------------------


def answer_card(result: Result) -> Card:
    if isinstance(result, NotCovered):
        return Card("My sources don't say", result.text, color=COLOR_NOT_COVERED,
                    fields=[("You could ask", "\n".join(f"• {s}" for s in result.suggestions))] if result.suggestions else [],
                    suggestions=list(result.suggestions))
    fields = []
    by_source: dict[str, list[Citation]] = {}
    for c in result.citations:
        by_source.setdefault(c.source, []).append(c)
    for cites in by_source.values():
        first = cites[0]
        name = outlet_name(first.outlet) + (f" ({first.source_id})" if first.outlet == "unknown" else "")
        value = "\n".join(f"“{c.quote}”" for c in cites)
        if first.url:
            value += f"\n[Read the article]({first.url})"
        fields.append((name, value))
    for d in result.disagreements:
        fields.append((f"Outlets differ: {d.topic}", d.summary))
    footer = f"Corroborated by: {', '.join(outlet_name(o) for o in result.outlets)}" if result.outlets else None
    color = COLOR_NO if result.kind in ("no", "premise") else COLOR_ANSWER
    title = _title(result)
    return Card(title, result.text, fields, footer, color=color)


def _title(a: Answer) -> str:
    if a.kind == "person" and a.person:
        return a.person.name
    if a.kind == "quotes" and a.person:
        return f"What {a.person.name} said"
    if a.kind == "date":
        return "On that date"
    return a.question.strip()[:200] or "Answer"


def result_text(result: Result) -> str:
    out = [_wrap(result.text)]
    if isinstance(result, NotCovered):
        if result.suggestions:
            out.append("\nYou could ask:")
            out += [f"  • {s}" for s in result.suggestions]
        return "\n".join(out)
    out.append("\nSources:")
    for c in result.citations:
        out.append(_wrap(f"[{outlet_name(c.outlet)}, {c.source}] “{c.quote}”", "  "))
    urls = sorted({c.url for c in result.citations if c.url})
    for u in urls:
        out.append(f"  link: {u}")
    for d in result.disagreements:
        out.append(_wrap(f"\nOutlets differ ({d.topic}): {d.summary}"))
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
    if fb.name_of(q.said_to):
        meta.append(f"to {fb.name_of(q.said_to)}")
    if q.date:
        meta.append(q.date + ("" if q.date_precision == "day" else f" ({q.date_precision})"))
    lines = [_wrap(f"{_speaker(fb, q)}: “{q.text}”"), _wrap(f"({', '.join(meta)}; {outlet_name(src.outlet)}, {src.file})", "  "),
             _wrap(q.context, "  ")]
    for v in q.versions:
        vs = fb.source_by_id[v.source]
        lines.append(_wrap(f"{outlet_name(vs.outlet)} prints it as ({v.medium}): “{v.text}”" + (f" — {v.note}" if v.note else ""), "  "))
    return "\n".join(lines)


def quote_json(fb: FactBase, q: Quote) -> dict:
    src = fb.source_by_id[q.source]
    return {"id": q.id, "speaker": _speaker(fb, q), "text": q.text, "source": src.file, "outlet": src.outlet,
            "medium": q.medium, "said_to": fb.name_of(q.said_to), "date": q.date, "date_precision": q.date_precision,
            "context": q.context,
            "versions": [{"source": fb.source_by_id[v.source].file, "outlet": fb.source_by_id[v.source].outlet,
                          "text": v.text, "medium": v.medium, "note": v.note} for v in q.versions]}


def quote_card(fb: FactBase, q: Quote) -> Card:
    src = fb.source_by_id[q.source]
    fields = [("Context", q.context)]
    for v in q.versions:
        fields.append((f"As {outlet_name(fb.source_by_id[v.source].outlet)} prints it ({v.medium})", f"“{v.text}”" + (f"\n{v.note}" if v.note else "")))
    meta = q.medium + (f", to {fb.name_of(q.said_to)}" if fb.name_of(q.said_to) else "") + (f", {q.date}" if q.date else "")
    return Card(_speaker(fb, q), f"“{q.text}”\n— {meta}", fields, footer=f"{outlet_name(src.outlet)} · {src.file}", url=src.url)


def event_json(e: Event) -> dict:
    return {"id": e.id, "date": e.date, "precision": e.precision, "date_label": e.date_label(), "title": e.title,
            "description": e.description, "derivation": e.derivation, "people": e.people,
            "evidence": [{"source": ev.source, "quote": ev.quote} for ev in e.evidence]}


def timeline_text(fb: FactBase, events: list[Event]) -> str:
    if not events:
        return "No events in that range."
    out = []
    for e in events:
        out.append(_wrap(f"{e.date_label():<20} {e.title}"))
        out.append(_wrap(e.description, "    "))
        if not e.is_exact:
            out.append(_wrap(f"({PRECISION_NOTE[e.precision]}: {e.derivation})", "    "))
        outlets = ", ".join(dict.fromkeys(outlet_name(fb.source_by_id[ev.source].outlet) for ev in e.evidence))
        out.append(f"    sources: {outlets}")
    return "\n".join(out)


def timeline_cards(fb: FactBase, events: list[Event], per_page: int = 4) -> list[Card]:
    pages = [events[i : i + per_page] for i in range(0, len(events), per_page)] or [[]]
    cards = []
    for n, page in enumerate(pages, 1):
        fields = []
        for e in page:
            outlets = ", ".join(dict.fromkeys(outlet_name(fb.source_by_id[ev.source].outlet) for ev in e.evidence))
            value = f"{e.description}\n*Sources: {outlets}*"
            if not e.is_exact:
                value += f"\n*{PRECISION_NOTE[e.precision].capitalize()}: {e.derivation}*"
            fields.append((f"{e.date_label()} — {e.title}", value))
        cards.append(Card("Timeline: the cancelled Pence–North Korea meeting",
                          "" if page else "No events in that range.", fields, footer=f"Page {n} of {len(pages)}"))
    return cards


def person_text(engine: Engine, p: Person) -> str:
    out = [_wrap(f"{p.name} — {p.role}"), _wrap(p.description, "  ")]
    other = [a for a in p.aliases if a != p.name]
    if other:
        out.append(_wrap("Also written: " + ", ".join(other), "  "))
    for ev in p.evidence:
        out.append(_wrap(f"[{outlet_name(engine.fb.source_by_id[ev.source].outlet)}] “{ev.quote}”", "  "))
    quotes = engine.quotes_by_speaker.get(p.id, [])
    if quotes:
        out.append(f"  Quoted {len(quotes)} time(s); see `factbot quote {p.name}`.")
    return "\n".join(out)


def person_json(engine: Engine, p: Person) -> dict:
    return {"id": p.id, "name": p.name, "role": p.role, "description": p.description, "aliases": p.aliases,
            "evidence": [{"source": engine.fb.source_by_id[ev.source].file, "outlet": engine.fb.source_by_id[ev.source].outlet,
                          "quote": ev.quote} for ev in p.evidence],
            "quotes": [q.id for q in engine.quotes_by_speaker.get(p.id, [])]}


def person_card(engine: Engine, p: Person) -> Card:
    fields = [(outlet_name(engine.fb.source_by_id[ev.source].outlet), f"“{ev.quote}”") for ev in p.evidence]
    quotes = engine.quotes_by_speaker.get(p.id, [])
    if quotes:
        fields.append(("Quoted", f"{len(quotes)} time(s) — try `/quote {p.name}`"))
    other = [a for a in p.aliases if a != p.name]
    return Card(p.name, f"**{p.role}**\n{p.description}", fields, footer=("Also written: " + ", ".join(other)) if other else None)


def source_json(fb: FactBase, s: Source) -> dict:
    return {"id": s.id, "file": s.file, "outlet": s.outlet, "author": s.author, "published": s.published,
            "url": s.url, "title": s.title, "notes": s.notes}


def _source_summary(s: Source) -> str:
    bits = [f"by {s.author}" if s.author else "author not named",
            f"published {s.published}" if s.published else "date not given"]
    return ", ".join(bits)


def sources_text(fb: FactBase) -> str:
    out = []
    for s in fb.sources:
        out.append(f"{outlet_name(s.outlet)}: {s.title or '(no headline)'}")
        out.append(f"  {_source_summary(s)}; {s.file}" + (f"; {s.url}" if s.url else ""))
    return "\n".join(out)


def sources_card(fb: FactBase) -> Card:
    fields = []
    for s in fb.sources:
        value = f"{s.title or '(no headline)'}\n{_source_summary(s)}\n`{s.file}`"
        if s.url:
            value += f"\n[Read the article]({s.url})"
        fields.append((outlet_name(s.outlet), value))
    return Card("Sources", "Everything factbot says is drawn from these three articles, and every quote it shows is verbatim from one of them.", fields)


def comparison_json(c: Comparison) -> dict:
    return {"topic": c.topic, "summary": c.summary,
            "outlets": [{"outlet": o, "source": src, "quotes": list(qs)} for o, src, qs in c.by_outlet],
            "silent": list(c.silent)}


def comparison_text(c: Comparison) -> str:
    out = [f"Compare: {c.topic}"]
    if c.summary:
        out.append(_wrap(c.summary, "  "))
    for outlet, src, quotes in c.by_outlet:
        out.append(f"\n{outlet} ({src}):")
        out += [_wrap(f"“{q}”", "  ") for q in quotes]
    if c.silent:
        out.append(f"\nNot reported by: {', '.join(outlet_name(o) for o in c.silent)}")
    return "\n".join(out)


def comparison_card(c: Comparison) -> Card:
    fields = [(outlet, "\n".join(f"“{q}”" for q in quotes)) for outlet, _, quotes in c.by_outlet]
    if c.silent:
        fields.append(("Not reported by", ", ".join(outlet_name(o) for o in c.silent)))
    return Card(f"Compare: {c.topic}", c.summary or "What each outlet reported:", fields)
