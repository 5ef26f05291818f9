"""A conversation with the bot, as in a direct message: shared by the Discord DM handler and the
offline console (`factbot chat`), so both answer the same way."""

from __future__ import annotations

import json
import logging
import re
import sys

from bot import render
from bot.conversation import Conversation, Turn, follow_up
from bot.engine import Engine, normalize
from bot.text import TO_THE_BOT
from bot.facts import Meta

log = logging.getLogger(__name__)

# What a user is told when answering their message failed (the error itself goes to the log)
APOLOGY = "Sorry — something went wrong while answering. It has been logged; please try again."

# Greetings and "what are you?" in a chat's words ("hi there", "who r u", "what can u tell me"): the help
GREETINGS = re.compile(r"^(?:(?:hi|hello|hey|yo|hiya|howdy|greetings)(?: there| bot| factbot)?|help(?: me)?|start|about|commands|"
                       r"(?:who|what) (?:are|r) (?:you|u)|what is this|how does this work|"
                       r"what (?:can|do) (?:you|u) (?:do|know|tell me)(?: about)?)?$")
# A message of nothing but thanks or acknowledgement ("lol ok thx", "got it, cool"): no question to answer
_THANKING = frozenset("thanks thank thx ty tysm tyvm cheers appreciate appreciated".split())
_ACKNOWLEDGING = _THANKING | frozenset(
    "you u so much a lot very ok okay k kk cool great nice bye goodbye lol lmao haha got it gotcha alright sure awesome "
    "perfect neat makes sense i see ah oh fair enough good np nvm man bro dude helpful that s thats was is really".split())


def help_text(meta: Meta) -> str:
    """What the bot is and what to ask it (the fact base's about and example questions): the answer
    to a greeting, the console's welcome and the help card."""
    return f"{meta.about} Try: " + ", ".join(f"“{q}”" for q in meta.examples.questions) + "."


def you_are_welcome(meta: Meta, text: str = "thanks") -> str:
    """The answer to thanks ("You're welcome!") or another acknowledgement ("ok cool"): never counted
    as a question, and never "not in my sources"."""
    lead = "You're welcome!" if _THANKING & set(normalize(text).split()) else "Glad to help."
    return f"{lead} Ask me anything else about {meta.short_topic}."


# A message every word of which is about the bot itself ("what r u about", "what is this bot", "how do
# i use you", "what can i ask"): the help, as for "who are you". It must point at the bot (one of
# _POINTING) so that "what is it about", a follow-up on the meeting, stays a question.
_ABOUT_THE_BOT = frozenset(
    "what whats who how why are r is s do does did can could should would i im me my you u your ur yourself bot factbot "
    "this thing here about know tell ask use work works working supposed to for exactly even again so ok okay hey yo "
    "lol bro anyway actually doing of a an the".split())
_POINTING = TO_THE_BOT | {"this", "ask"}


def is_help(text: str) -> bool:
    norm = normalize(text).strip(" ?!.")
    if GREETINGS.match(norm):
        return True
    words = set(norm.replace("'", " ").split())
    return bool(words & _POINTING) and words <= _ABOUT_THE_BOT and bool(words & {"what", "whats", "who", "how", "tell"})


def is_thanks(text: str) -> bool:
    """Thanks or an acknowledgement alone: every word one of them ("lol ok thx", "got it, cool")."""
    words = normalize(text).strip(" ?!.").split()
    return bool(words) and all(w in _ACKNOWLEDGING for w in words) and not set(words) <= _FILLER_ONLY


_FILLER_ONLY = frozenset("you u so much a lot very i that s thats was is really".split())  # ("you", "really" alone: not thanks)


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
    help_ = help_text(engine.fb.meta)
    differences: set[str] = set()  # outlets' disagreements set out in full so far: named in a line after that
    if interactive:
        print(help_ + "\n(Ctrl-D or 'quit' to leave.)\n", file=stdout)
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
            welcome = you_are_welcome(engine.fb.meta, text)
            print(json.dumps({"reply": welcome}) if json_mode else welcome + "\n", file=stdout, flush=True)
            continue
        try:
            turn, conversation = respond_in(engine, text, conversation)
        except Exception:  # one message that trips the engine is apologised for; the console keeps going
            log.exception("error answering a console message")
            print(json.dumps({"error": APOLOGY}) if json_mode else APOLOGY + "\n", file=stdout, flush=True)
            continue
        if json_mode:
            payload = {"help": help_} if turn is None else {**render.result_json(turn.result), "note": turn.note}
            print(json.dumps(payload, ensure_ascii=False), file=stdout, flush=True)
        else:
            shown = help_ if turn is None else ((turn.note + "\n") if turn.note else "") + render.result_text(turn.result, shown=differences)
            print(shown + "\n", file=stdout, flush=True)
    return 0
