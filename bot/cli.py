"""Command line: `factbot COMMAND` / `python -m bot COMMAND`.

Imports are kept lazy so that `ask` and `check` start fast and never load discord.py.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from bot.facts import FactBaseError, load_factbase, read_meta, SECTIONS
from bot.text import typed_day


class CliError(Exception):
    """A user mistake: printed as one line, exit code 2."""


def default_facts_path() -> Path:
    from bot.facts import DEFAULT_FACTS

    return Path(os.environ.get("FACTBOT_FACTS", DEFAULT_FACTS))


def _load(args):
    return load_factbase(args.facts)


def _engine(args):
    from bot.loader import load_engine

    return load_engine(args.facts)


def _emit(args, payload, text: str) -> None:
    if args.json:
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(text)


# --- commands ---------------------------------------------------------------------------------


def cmd_check(args) -> int:
    path = Path(args.path) if args.path else args.facts
    try:
        fb = load_factbase(path)
    except FactBaseError as exc:
        if args.json:
            print(json.dumps({"ok": False, "problems": [str(p) for p in exc.problems]}))
        else:
            for problem in exc.problems:
                print(problem)
            print(f"{len(exc.problems)} problem(s) found", file=sys.stderr)
        return 1
    counts = fb.counts()
    per_source = fb.counts_per_source()
    if args.json:
        print(json.dumps({"ok": True, "counts": counts, "citations_per_source": per_source}))
        return 0
    print(f"{fb.path}: OK — every citation is verbatim in its seed")
    for name in SECTIONS:
        print(f"  {name:<14}{counts[name]:>4}")
    print("  citations per source:")
    for src in fb.sources:
        print(f"    {src.id:<6} {src.outlet:<8} {src.file:<34}{per_source[src.id]:>4}")
    return 0


def cmd_ask(args) -> int:
    from bot import render

    engine = _engine(args)
    if args.explain:
        if not args.question:
            raise CliError('ask --explain needs a question, e.g. factbot ask --explain "Who cancelled the meeting?"')
        print(json.dumps(engine.explain(" ".join(args.question)), ensure_ascii=False, indent=2))
        return 0
    if args.question:
        result = engine.ask(" ".join(args.question))
        _emit(args, render.result_json(result), render.result_text(result, engine.fb))
        return 0
    if not args.json:
        raise CliError('ask needs a question, e.g. factbot ask "Who cancelled the meeting?" (or --json to read stdin)')
    for line in sys.stdin:
        question = line.rstrip("\n")
        if not question.strip():
            continue
        print(json.dumps(render.result_json(engine.ask(question)), ensure_ascii=False), flush=True)
    return 0


def cmd_quote(args) -> int:
    from bot import render

    engine = _engine(args)
    quotes = engine.find_quotes(" ".join(args.query) if args.query else "")
    if not quotes:
        raise CliError(f"no quotes match {' '.join(args.query)!r}; try `factbot quote` to list them all")
    _emit(args, [render.quote_json(engine.fb, q) for q in quotes], "\n\n".join(render.quote_text(engine.fb, q) for q in quotes))
    return 0


def cmd_timeline(args) -> int:
    from bot import render

    engine = _engine(args)
    try:
        events = engine.timeline(date_from=args.date_from, date_to=args.date_to, person=args.person)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if args.png:
        from bot.timeline_image import render_timeline_png

        Path(args.png).write_bytes(render_timeline_png(engine.fb, events))
        if not args.json:
            print(f"wrote {args.png} ({len(events)} events)")
            return 0
    _emit(args, [render.event_json(e) for e in events], render.timeline_text(engine.fb, events))
    return 0


def cmd_who(args) -> int:
    from bot import render

    engine = _engine(args)
    name = " ".join(args.name)
    match = engine.find_person(name)
    if match.person is None:
        hint = f" Did you mean {', '.join(match.suggestions)}?" if match.suggestions else ""
        raise CliError(f"my sources name no one like {name!r}.{hint}")
    _emit(args, render.person_json(engine, match.person), render.person_text(engine, match.person))
    return 0


def cmd_sources(args) -> int:
    from bot import render

    fb = _load(args)
    _emit(args, [render.source_json(fb, s) for s in fb.sources], render.sources_text(fb))
    return 0


def cmd_compare(args) -> int:
    from bot import render

    engine = _engine(args)
    topic = " ".join(args.topic)
    comparison = engine.compare(topic)
    if comparison is None:
        raise CliError(f"my sources don't cover {topic!r}; try a topic such as: {', '.join(engine.compare_topics()[:5])}")
    _emit(args, render.comparison_json(engine.fb, comparison), render.comparison_text(engine.fb, comparison))
    return 0


def cmd_chat(args) -> int:
    from bot.chat import run_console

    return run_console(_engine(args), json_mode=args.json)


def _settings():
    from bot.config import ConfigError, load_settings

    try:
        return load_settings()
    except ConfigError as exc:
        raise CliError(str(exc)) from None


def cmd_default(args) -> int:
    """`factbot` with no command: the Discord bot if a token is set, else the offline console."""
    settings = _settings()
    if settings.token is None:
        print("No DISCORD_TOKEN set: starting the offline console (the bot answers here as it would in a DM).", file=sys.stderr)
        return cmd_chat(args)
    return _run_bot(settings, args)


def cmd_run(args) -> int:
    """`factbot run`: the Discord bot, which needs a token."""
    settings = _settings()
    if settings.token is None:
        raise CliError("DISCORD_TOKEN is not set (in the environment or a .env file); "
                       "run `factbot chat` for the offline console")
    return _run_bot(settings, args)


def _run_bot(settings, args) -> int:
    from bot.discord_bot.client import run_bot

    return run_bot(settings, facts_path=args.facts, force_sync=args.sync)


def cmd_bench(args) -> int:
    from bot.bench import main as bench_main

    return bench_main(args)


# --- parser -----------------------------------------------------------------------------------


def episode_words(facts: Path) -> dict[str, str]:
    """What the help says of the episode, from the default fact base's meta section (read alone);
    plain words where it can't be read, as `factbot check` must still run on a broken fact base."""
    meta = read_meta(facts)
    examples = meta.get("examples") if isinstance(meta.get("examples"), dict) else {}
    try:
        day = f"{examples['date']} or '{typed_day(examples['date'])}'"
    except (KeyError, TypeError, ValueError):
        day = "YYYY-MM-DD"
    return {"topic": str(meta.get("topic") or "one news episode"), "articles": str(meta.get("articles") or "articles"), "day": day}


def build_parser() -> argparse.ArgumentParser:
    facts = default_facts_path()
    episode = episode_words(facts)
    parser = argparse.ArgumentParser(prog="factbot", description=f"Sourced answers about {episode['topic']}.")
    parser.add_argument("--facts", type=Path, default=facts, help="fact base to use (default: facts.yaml)")
    parser.set_defaults(func=cmd_default, json=False, sync=False)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, func, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--json", action="store_true", help="machine-readable output")
        p.set_defaults(func=func)
        return p

    p = command("check", cmd_check, "validate facts.yaml and verify every citation against seeds/")
    p.add_argument("path", nargs="?", help="fact base to check (default: facts.yaml)")
    p = command("ask", cmd_ask, "answer a question (with --json and no question: one per stdin line)")
    p.add_argument("question", nargs="*")
    p.add_argument("--explain", action="store_true", help="show what each stage (analyse, candidates, scores, decision) decided")
    p = command("quote", cmd_quote, "exact quotes, by speaker or by words")
    p.add_argument("query", nargs="*")
    p = command("timeline", cmd_timeline, "the episode's timeline")
    p.add_argument("--from", dest="date_from", help=f"first date, e.g. {episode['day']}")
    p.add_argument("--to", dest="date_to", help="last date")
    p.add_argument("--person", help="only events involving this person")
    p.add_argument("--png", metavar="FILE", help="write the timeline as a PNG picture")
    p = command("who", cmd_who, "who someone is, and what they said")
    p.add_argument("name", nargs="+")
    command("sources", cmd_sources, f"the {episode['articles']} the fact base is drawn from")
    p = command("compare", cmd_compare, "what each outlet reported on a topic, side by side")
    p.add_argument("topic", nargs="+")
    command("chat", cmd_chat, "interactive console: answers as a direct message to the bot would")
    p = command("run", cmd_run, "run the Discord bot (needs DISCORD_TOKEN; plain `factbot` falls back to the console)")
    p.add_argument("--sync", action="store_true", help="sync slash commands even if unchanged")
    p = command("bench", cmd_bench, "benchmark load time, latency, cold start, memory and a BM25 baseline")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except CliError as exc:
        print(f"factbot: {exc}", file=sys.stderr)
        return 2
    except FactBaseError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print("factbot: the fact base is broken; run `factbot check` for details", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
