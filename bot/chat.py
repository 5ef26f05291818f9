"""A conversation with the bot, as in a direct message: shared by the Discord DM handler and the
offline console (`factbot chat`), so both answer the same way."""

from __future__ import annotations

import json
import sys

from bot import render
from bot.conversation import Conversation, Turn, follow_up
from bot.engine import Engine, normalize

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


def respond_in(engine: Engine, text: str, conversation: Conversation | None) -> tuple[Turn | None, Conversation | None]:
    """The reply to one message of a conversation (a DM, a reply chain, the console): None means
    "show the help". Follow-ups ("what did he say?", "and when?") are read against `conversation`."""
    if is_help(text):
        return None, conversation
    turn = follow_up(engine, text, conversation)
    return turn, turn.conversation


def run_console(engine: Engine, json_mode: bool = False, stdin=None, stdout=None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty() and not json_mode
    conversation: Conversation | None = None  # the console is one conversation, as a DM is
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
        turn, conversation = respond_in(engine, text, conversation)
        if json_mode:
            payload = {"help": HELP_TEXT} if turn is None else {**render.result_json(turn.result), "note": turn.note}
            print(json.dumps(payload, ensure_ascii=False), file=stdout, flush=True)
        else:
            shown = HELP_TEXT if turn is None else ((turn.note + "\n") if turn.note else "") + render.result_text(turn.result)
            print(shown + "\n", file=stdout, flush=True)
    return 0
