"""A conversation with the bot, as in a direct message: shared by the Discord DM handler and the
offline console (`factbot chat`), so both answer the same way."""

from __future__ import annotations

import json
import sys

from bot import render
from bot.engine import Engine, Result, normalize

GREETINGS = frozenset({"", "help", "hi", "hello", "hey", "start", "about", "what can you do", "what do you know"})

HELP_TEXT = (
    "I answer questions about one news story: the secret meeting between US Vice President Mike Pence "
    "and North Korean officials at the 2018 PyeongChang Winter Olympics, which North Korea called off "
    "two hours before it was to start. Everything I say comes from three news articles, and I quote them "
    "word for word. Try: “Who was Pence supposed to meet?”, “What did Nauert say?”, “What happened on Feb 10?”, "
    "“Did Pence meet Kim Jong Un?”."
)


THANKS = frozenset({"thanks", "thank you", "thx", "ty", "cheers", "thanks a lot", "thank you so much", "great thanks",
                    "ok thanks", "ok", "okay", "cool", "great", "nice", "bye", "goodbye"})
YOU_ARE_WELCOME = "You're welcome! Ask me anything else about the cancelled Pence–North Korea meeting."


def is_help(text: str) -> bool:
    return normalize(text).strip(" ?!") in GREETINGS


def is_thanks(text: str) -> bool:
    return normalize(text).strip(" ?!.") in THANKS


def respond(engine: Engine, text: str) -> Result | None:
    """The reply to one message: None means "show the help"."""
    if is_help(text):
        return None
    return engine.ask(text)


def run_console(engine: Engine, json_mode: bool = False, stdin=None, stdout=None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty() and not json_mode
    if interactive:
        print(HELP_TEXT + "\n(Ctrl-D or 'quit' to leave.)\n", file=stdout)
    while True:
        if interactive:
            print("you> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            break
        text = line.strip()
        if text.lower() in {"quit", "exit", "bye"}:
            break
        if is_thanks(text):
            print(json.dumps({"reply": YOU_ARE_WELCOME}) if json_mode else YOU_ARE_WELCOME + "\n", file=stdout, flush=True)
            continue
        result = respond(engine, text)
        if json_mode:
            payload = {"help": HELP_TEXT} if result is None else render.result_json(result)
            print(json.dumps(payload, ensure_ascii=False), file=stdout, flush=True)
        else:
            print((HELP_TEXT if result is None else render.result_text(result)) + "\n", file=stdout, flush=True)
    return 0
