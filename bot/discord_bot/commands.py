"""Slash commands: thin adapters from Discord to the engine and back through render.

Every command works in servers, in DMs and as a user-installed app, and has a `private` option
for an ephemeral reply.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from rapidfuzz import fuzz, process

from bot import render
from bot.chat import HELP_TEXT
from bot.discord_bot.embeds import CONTENT_MAX, card_to_embed, escape_user_text, truncate
from bot.discord_bot.views import SuggestionView, TimelineView
from bot.engine import normalize

if TYPE_CHECKING:
    from bot.discord_bot.client import FactBotMixin

log = logging.getLogger(__name__)

PRIVATE = "Only you can see the reply"
CHOICES_MAX = 25
CHOICE_MAX = 100

def everywhere(command):
    """In servers, in DMs with the bot and in group DMs; installable to a server or to a user."""
    command = app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)(command)
    return app_commands.allowed_installs(guilds=True, users=True)(command)


def _bot(interaction: discord.Interaction) -> "FactBotMixin":
    return interaction.client  # type: ignore[return-value]


def _choices(values: list[str]) -> list[app_commands.Choice[str]]:
    seen, out = set(), []
    for v in values:
        v = truncate(v, CHOICE_MAX)
        if v and v not in seen:
            seen.add(v)
            out.append(app_commands.Choice(name=v, value=v))
        if len(out) == CHOICES_MAX:
            break
    return out


def result_reply(result) -> dict:
    """The reply to an engine result: its embed (the title may echo the question, so it is
    escaped), and buttons for the suggested questions. Shared by /ask, the buttons and messages."""
    card = render.answer_card(result)
    card.title = escape_user_text(card.title)
    view = SuggestionView(card.suggestions, answer_question) if card.suggestions else discord.utils.MISSING
    return {"embed": card_to_embed(card), "view": view}


async def answer_question(interaction: discord.Interaction, question: str, ephemeral: bool) -> None:
    """Ask the engine and reply: shared by /ask and the suggestion buttons."""
    await interaction.response.send_message(**result_reply(_bot(interaction).engine.ask(question)), ephemeral=ephemeral)


# --- autocomplete -----------------------------------------------------------------------------


async def question_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    return _choices(_bot(interaction).engine.suggestions(current, limit=CHOICES_MAX))


async def speaker_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    names = [p.name for p in _bot(interaction).engine.speakers()]
    return _choices(_filter(names, current))


async def person_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    names = [p.name for p in _bot(interaction).engine.fb.people]
    return _choices(_filter(names, current))


async def topic_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    return _choices(_filter(_bot(interaction).engine.compare_topics(), current))


async def date_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    dates = list(dict.fromkeys(e.date for e in _bot(interaction).engine.fb.events))
    return _choices(_filter(dates, current))


def _filter(values: list[str], current: str) -> list[str]:
    if not current.strip():
        return values
    hits = process.extract(current, values, scorer=fuzz.WRatio, processor=normalize, limit=CHOICES_MAX, score_cutoff=45)
    return [h[0] for h in hits]


# --- commands ---------------------------------------------------------------------------------


@app_commands.command(name="ask", description="Ask a question about the cancelled Pence–North Korea meeting (2018 Olympics)")
@app_commands.describe(question="Your question, e.g. “Who was Pence supposed to meet?”", private=PRIVATE)
@app_commands.autocomplete(question=question_autocomplete)
@everywhere
async def ask(interaction: discord.Interaction, question: app_commands.Range[str, 1, 500], private: bool = False) -> None:
    await answer_question(interaction, question, ephemeral=private)


@app_commands.command(name="quote", description="Exact quotes from the articles, by speaker")
@app_commands.describe(speaker="Who said it (leave empty for everyone)", private=PRIVATE)
@app_commands.autocomplete(speaker=speaker_autocomplete)
@everywhere
async def quote(interaction: discord.Interaction, speaker: app_commands.Range[str, 1, 100] | None = None, private: bool = False) -> None:
    engine = _bot(interaction).engine
    quotes = engine.find_quotes(speaker or "")
    if not quotes:
        match = engine.find_person(speaker or "")
        hint = f" Did you mean {', '.join(match.suggestions)}?" if match.suggestions else ""
        await interaction.response.send_message(
            f"My sources quote no one like “{escape_user_text(truncate(speaker or '', 100))}”.{hint}", ephemeral=True)
        return
    cards = [render.quote_card(engine.fb, q) for q in quotes[:10]]
    embeds = _fit_embeds([card_to_embed(c) for c in cards])
    await interaction.response.send_message(embeds=embeds, ephemeral=private)


def _fit_embeds(embeds: list[discord.Embed]) -> list[discord.Embed]:
    """At most 10 embeds and 6000 characters in one message."""
    out, total = [], 0
    for e in embeds[:10]:
        if total + len(e) > 6000:
            break
        out.append(e)
        total += len(e)
    return out


@app_commands.command(name="timeline", description="The episode's timeline, from the 2017 missile launch to the 2018 reports")
@app_commands.rename(date_from="from", date_to="to")
@app_commands.describe(date_from="First date, e.g. 2018-02-09 or “Feb 9”", date_to="Last date",
                       picture="Attach the timeline as a picture (default: yes)", private=PRIVATE)
@app_commands.autocomplete(date_from=date_autocomplete, date_to=date_autocomplete)
@everywhere
async def timeline(interaction: discord.Interaction, date_from: app_commands.Range[str, 1, 40] | None = None,
                   date_to: app_commands.Range[str, 1, 40] | None = None, picture: bool = True, private: bool = False) -> None:
    bot = _bot(interaction)
    try:
        events = bot.engine.timeline(date_from=date_from, date_to=date_to)
    except ValueError as exc:
        await interaction.response.send_message(escape_user_text(str(exc)), ephemeral=True)
        return
    pages = render.timeline_cards(bot.engine.fb, events)
    view = TimelineView(pages, owner_id=interaction.user.id)
    embed = card_to_embed(pages[0])
    files = []
    image = bot.timeline_png() if picture and not date_from and not date_to else None
    if image is not None:
        files = [discord.File(image, filename="timeline.png")]
        embed.set_image(url="attachment://timeline.png")
    await interaction.response.send_message(embed=embed, view=view, files=files, ephemeral=private)
    view.origin = interaction


@app_commands.command(name="who", description="Who someone in the story is, with the articles' own words")
@app_commands.describe(person="A name, e.g. Kim Yo Jong or Nick Ayers (misspellings are fine)", private=PRIVATE)
@app_commands.autocomplete(person=person_autocomplete)
@everywhere
async def who(interaction: discord.Interaction, person: app_commands.Range[str, 1, 100], private: bool = False) -> None:
    engine = _bot(interaction).engine
    match = engine.find_person(person)
    if match.person is None:
        hint = f" Did you mean {', '.join(match.suggestions)}?" if match.suggestions else ""
        await interaction.response.send_message(
            f"My sources name no one like “{escape_user_text(person)}”.{hint}", ephemeral=True)
        return
    await interaction.response.send_message(embed=card_to_embed(render.person_card(engine, match.person)), ephemeral=private)


@app_commands.command(name="compare", description="What each outlet reported on a topic, side by side")
@app_commands.describe(topic="A topic where outlets differ, e.g. “Why North Korea pulled out”", private=PRIVATE)
@app_commands.autocomplete(topic=topic_autocomplete)
@everywhere
async def compare(interaction: discord.Interaction, topic: app_commands.Range[str, 1, 200], private: bool = False) -> None:
    engine = _bot(interaction).engine
    comparison = engine.compare(topic)
    if comparison is None:
        await interaction.response.send_message(
            f"My sources don't cover “{escape_user_text(topic)}”. Topics where the outlets differ include: "
            + "; ".join(engine.compare_topics()[:5]) + ".", ephemeral=True)
        return
    await interaction.response.send_message(embed=card_to_embed(render.comparison_card(comparison)), ephemeral=private)


@app_commands.command(name="sources", description="The three articles everything here is drawn from")
@app_commands.describe(private=PRIVATE)
@everywhere
async def sources(interaction: discord.Interaction, private: bool = False) -> None:
    fb = _bot(interaction).engine.fb
    await interaction.response.send_message(embed=card_to_embed(render.sources_card(fb)), ephemeral=private)


@app_commands.command(name="about", description="What this bot knows, where it comes from, and how to use it")
@app_commands.describe(private=PRIVATE)
@everywhere
async def about(interaction: discord.Interaction, private: bool = False) -> None:
    fb = _bot(interaction).engine.fb
    card = render.Card(
        "About factbot",
        HELP_TEXT,
        [
            ("Commands", "`/ask` a question · `/quote` exact words · `/timeline` the dates · `/who` the people · "
                         "`/compare` where outlets differ · `/sources` the articles. Every command has a `private` option."),
            ("Messages", "Write to me in a DM, or mention me in a channel, and I answer as `/ask` does."),
            ("Sources", "; ".join(f"{render.outlet_name(s.outlet)}: {s.title or '(no headline)'}" for s in fb.sources)),
            ("Honesty", "If the articles don't say, I say so. Every quote I show is verbatim from the article I name."),
        ],
        footer=f"{len(fb.facts)} facts · {len(fb.quotes)} quotes · {len(fb.events)} events · {len(fb.discrepancies)} disagreements",
    )
    await interaction.response.send_message(embed=card_to_embed(card), ephemeral=private)


@app_commands.command(name="reload", description="Owner only: reload facts.yaml if it passes the checker")
@app_commands.default_permissions()  # hidden from everyone but server admins; the owner check is below
@everywhere
async def reload(interaction: discord.Interaction) -> None:
    bot = _bot(interaction)
    if not await bot.is_owner(interaction.user):
        await interaction.response.send_message("Only the bot's owner can reload the fact base.", ephemeral=True)
        return
    await interaction.response.defer(ephemeral=True, thinking=True)
    report = await bot.reload_facts()
    await interaction.followup.send(truncate(report, CONTENT_MAX), ephemeral=True)


ALL_COMMANDS = [ask, quote, timeline, who, compare, sources, about, reload]
