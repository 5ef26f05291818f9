"""What Discord lists beside each slash command and its options, in the words of the fact base the
bot serves (its episode, an example question, day, names and topic: facts.yaml's meta section).

Free of discord.py, so that `factbot check` can hold these to Discord's limits without loading it."""

from __future__ import annotations

from bot.facts import Meta
from bot.text import listed, typed_day

DESCRIPTION_MAX = 100  # Discord's limit for a command's description, and for each option's
PRIVATE = "Only you can see the reply"


def command_descriptions(meta: Meta) -> dict[str, tuple[str, dict[str, str]]]:
    """Each command's description and its options' (by parameter name), by command name."""
    examples = meta.examples
    names = f", e.g. {listed(examples.names, 'or')}" if examples.names else ""
    topic = f", e.g. “{examples.compare}”" if examples.compare else ""
    return {
        "ask": (f"Ask a question about {meta.topic}",
                {"question": f"Your question, e.g. “{examples.questions[0]}”", "private": PRIVATE}),
        "quote": ("Exact quotes from the articles, by speaker",
                  {"speaker": "Who said it (leave empty for everyone)", "private": PRIVATE}),
        "timeline": (f"The episode's timeline, {meta.timeline_span}",
                     {"date_from": f"First date, e.g. {examples.date} or “{typed_day(examples.date)}”", "date_to": "Last date",
                      "picture": "Also post the timeline as a picture (default: yes)", "private": PRIVATE}),
        "who": ("Who someone in the story is, with the articles' own words",
                {"person": f"A name{names} (misspellings are fine)", "private": PRIVATE}),
        "compare": ("What each outlet reported on a topic, side by side",
                    {"topic": f"A topic where outlets differ{topic}", "private": PRIVATE}),
        "sources": (f"The {meta.articles} everything here is drawn from", {}),
        "about": ("What this bot knows, where it comes from, and how to use it", {}),
        "help": ("How to use factbot: commands, messages and the fact-check menu", {}),
    }


def too_long(meta: Meta) -> list[str]:
    """Each description over Discord's limit, said so (Discord refuses a command whose description is
    longer at sync, and discord.py cuts an option's short)."""
    found = []
    for name, (description, options) in command_descriptions(meta).items():
        for what, text in ((f"/{name}'s description", description),
                           *((f"the description of /{name}'s {option}", text) for option, text in options.items())):
            if len(text) > DESCRIPTION_MAX:
                found.append(f"{what} would be {len(text)} characters; Discord allows {DESCRIPTION_MAX}: {text!r}")
    return found
