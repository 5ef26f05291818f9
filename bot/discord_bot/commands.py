"""Slash commands and the "Fact-check with factbot" message command: thin adapters from Discord to
the engine and back through render and views.

Every command works in servers, in DMs and as a user-installed app. Answers (/ask, /quote with a
speaker, /timeline, /who, /compare) are public unless `private`; reference replies and
non-answers are private with a "Post in channel" button. Only answers count against the cooldown.
"""

from __future__ import annotations

import logging
from typing import Any, TypeVar

import discord
from discord import app_commands
from rapidfuzz import fuzz, process

from bot import render
from bot.chat import is_help, is_thanks, you_are_welcome
from bot.claims import as_question, split_claims
from bot.conversation import ask_alone_first
from bot.discord_bot import client as app
from bot.discord_bot.descriptions import command_descriptions
from bot.discord_bot.embeds import CONTENT_MAX, escape_user_text, truncate
from bot.discord_bot import views
from bot.text import date_span, normalize, parse_dates
from bot.facts import Event, Meta

log = logging.getLogger(__name__)

Interaction = discord.Interaction["app.FactBot"]
T = TypeVar("T")
CHOICES_MAX = 25
FUZZY_CUTOFF = 70
QUOTES_BY_WORDS = 4


def everywhere(command: T) -> T:
    """In servers, in DMs with the bot and in group DMs; installable to a server or to a user."""
    command = app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)(command)
    return app_commands.allowed_installs(guilds=True, users=True)(command)


# --- autocomplete -------------------------------------------------------------------------------


def rank(names: list[str], current: str, limit: int = CHOICES_MAX) -> list[str]:
    """Names starting with what was typed, then names in which every typed word starts a word, and
    only when neither matches, close misspellings."""
    typed = normalize(current)
    if not typed:
        return names[:limit]
    keys = [normalize(n) for n in names]
    prefix = [n for n, k in zip(names, keys) if k.startswith(typed)]
    words = [n for n, k in zip(names, keys)
             if n not in prefix and all(any(w.startswith(t) for w in k.split()) for t in typed.split())]
    if prefix or words:
        return (prefix + words)[:limit]
    hits = process.extract(typed, keys, scorer=fuzz.WRatio, limit=limit, score_cutoff=FUZZY_CUTOFF)
    return [names[h[2]] for h in hits]


def _choices(pairs: list[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    """(name shown, value sent) pairs as choices within Discord's limits, each name once."""
    seen: set[str] = set()
    out = []
    for name, value in pairs:
        name = truncate(name, 100)
        if name and value and name not in seen and len(value) <= 100:
            seen.add(name)
            out.append(app_commands.Choice(name=name, value=value))
    return out[:CHOICES_MAX]


async def question_autocomplete(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    known = interaction.client.engine.suggestions("", limit=10_000)
    return _choices([(q, q) for q in rank(known, current)])


async def speaker_autocomplete(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    names = [p.name for p in interaction.client.engine.speakers()]
    return _choices([(n, n) for n in rank(names, current)])


async def person_autocomplete(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    names = [p.name for p in interaction.client.lookup_people()]
    return _choices([(n, n) for n in rank(names, current)])


async def topic_autocomplete(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    return _choices([(t, t) for t in rank(interaction.client.compare_topics(), current)])


async def date_autocomplete(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    events = interaction.client.engine.fb.events
    labels = {render.event_choice(e): e for e in events}
    return _choices([(label, labels[label].date) for label in rank(list(labels), current)])


# --- the commands -------------------------------------------------------------------------------
# What Discord lists beside them names the episode (an example question, day, names): each is made
# a command by `global_commands`, for the fact base the bot serves, not at import.


@app_commands.autocomplete(question=question_autocomplete)
@everywhere
async def ask(interaction: Interaction, question: app_commands.Range[str, 1, 500], private: bool = False) -> None:
    bot = interaction.client
    if is_help(question):
        await interaction.response.send_message(**views.reference_reply(bot.help_card()))
        return
    if is_thanks(question):
        await interaction.response.send_message(you_are_welcome(bot.engine.fb.meta, question), ephemeral=True)
        return
    await app.spend_answer(interaction)
    key = (interaction.channel_id or 0, interaction.user.id)
    turn = ask_alone_first(bot.engine, question, bot.asked.get(key))
    bot.asked.put(key, turn.conversation)
    reply = views.answer_reply(bot.engine.fb, turn.result, private)
    await interaction.response.send_message(content=turn.note, **reply)


@app_commands.autocomplete(speaker=speaker_autocomplete)
@everywhere
async def quote(interaction: Interaction, speaker: app_commands.Range[str, 1, 100] | None = None, private: bool = False) -> None:
    bot = interaction.client
    if not speaker:  # the whole collection is reference, not an answer: private, paged, by speaker
        embed, view = bot.quote_page(views.ALL_SPEAKERS, 0, private=True)
        await interaction.response.send_message(embed=embed, view=view, ephemeral=True)
        return
    match = bot.engine.find_person(speaker)
    quotes = bot.engine.find_quotes(speaker)
    if not quotes:
        hint = f" Did you mean {', '.join(match.suggestions)}?" if match.suggestions else ""
        await interaction.response.send_message(
            f"My sources quote no one like “{escape_user_text(truncate(speaker, 100))}”.{hint}", ephemeral=True)
        return
    await app.spend_answer(interaction)
    who = match.person.id if match.person is not None and quotes[0].speaker == match.person.id else views.ALL_SPEAKERS
    if who == views.ALL_SPEAKERS:  # quotes found by their words, not by speaker: the best few
        shown = quotes[:QUOTES_BY_WORDS]
        card = render.quote_pages(bot.engine.fb, shown, "Quotes that match", per_page=len(shown))[0]
        card.footer = f"{len(quotes) - len(shown)} more match — try more words" if len(quotes) > len(shown) else None
        await interaction.response.send_message(**views.reference_reply(card, private))
        return
    embed, view = bot.quote_page(who, 0, private=private)
    await interaction.response.send_message(embed=embed, view=view, ephemeral=private)


def within_range(events: list[Event], date_from: str | None, date_to: str | None, year: int) -> list[Event]:
    """Events whose whole date lies in the range: "Feb 9 to Feb 10" leaves out "c. February 2018"."""
    lo = date_span(parse_dates(normalize(date_from), year)[0])[0] if date_from else None
    hi = date_span(parse_dates(normalize(date_to), year)[0])[1] if date_to else None
    kept = []
    for e in events:
        start, end = e.span()
        if (lo is None or start >= lo or e.precision == "before") and (hi is None or end <= hi or e.precision == "after"):
            kept.append(e)
    return kept


@app_commands.rename(date_from="from", date_to="to")
@app_commands.autocomplete(date_from=date_autocomplete, date_to=date_autocomplete)
@everywhere
async def timeline(interaction: Interaction, date_from: app_commands.Range[str, 1, 40] | None = None,
                   date_to: app_commands.Range[str, 1, 40] | None = None, picture: bool = True, private: bool = False) -> None:
    bot = interaction.client
    try:
        events = within_range(bot.engine.timeline(date_from=date_from, date_to=date_to), date_from, date_to,
                              bot.engine.fb.meta.default_year)
    except ValueError as exc:
        await interaction.response.send_message(escape_user_text(str(exc)), ephemeral=True)
        return
    await app.spend_answer(interaction)
    embed, view = views.timeline_page(bot.engine.fb, events, 0, private)
    await interaction.response.send_message(embed=embed, view=view, ephemeral=private)
    if picture and not date_from and not date_to:  # its own message, so paging never drops it
        await interaction.followup.send(file=discord.File(bot.timeline_png(), filename="timeline.png"), ephemeral=private)


@app_commands.autocomplete(person=person_autocomplete)
@everywhere
async def who(interaction: Interaction, person: app_commands.Range[str, 1, 100], private: bool = False) -> None:
    engine = interaction.client.engine
    match = engine.find_person(person)
    if match.person is None:
        hint = f" Did you mean {', '.join(match.suggestions)}?" if match.suggestions else ""
        await interaction.response.send_message(
            f"My sources name no one like “{escape_user_text(person)}”.{hint}", ephemeral=True)
        return
    await app.spend_answer(interaction)
    card = render.person_card(engine, match.person)
    await interaction.response.send_message(**views.reference_reply(card, private))


@app_commands.autocomplete(topic=topic_autocomplete)
@everywhere
async def compare(interaction: Interaction, topic: app_commands.Range[str, 1, 200], private: bool = False) -> None:
    bot = interaction.client
    comparison = bot.engine.compare(topic)
    if comparison is None:
        await interaction.response.send_message(
            f"My sources don't cover “{escape_user_text(topic)}”. Topics where the outlets differ include: "
            + "; ".join(bot.compare_topics()[:5]) + ".", ephemeral=True)
        return
    await app.spend_answer(interaction)
    card = render.comparison_card(bot.engine.fb, comparison)
    await interaction.response.send_message(**views.reference_reply(card, private))


@everywhere
async def sources(interaction: Interaction) -> None:
    await interaction.response.send_message(**views.reference_reply(render.sources_card(interaction.client.engine.fb)))


@everywhere
async def about(interaction: Interaction) -> None:
    await interaction.response.send_message(**views.reference_reply(interaction.client.about_card()))


@everywhere
async def help_command(interaction: Interaction) -> None:
    await interaction.response.send_message(**views.reference_reply(interaction.client.help_card()))


@app_commands.context_menu(name="Fact-check with factbot")
@everywhere
async def fact_check(interaction: Interaction, message: discord.Message) -> None:
    """Each claim in the message, asked as "Is it true that …?", with the engine's verdict."""
    await app.spend_answer(interaction)
    engine = interaction.client.engine
    checks = [(claim, engine.ask(as_question(claim))) for claim in split_claims(message.content)]
    await interaction.response.send_message(**views.reference_reply(render.factcheck_card(engine.fb, checks)))


@app_commands.command(name="reload", description="Owner only: reload facts.yaml if it passes the checker")
@app_commands.default_permissions()  # hidden from everyone but server admins; the owner check is below
@app_commands.guild_only()
async def reload(interaction: Interaction) -> None:
    bot = interaction.client
    if not await bot.is_owner(interaction.user):
        await interaction.response.send_message("Only the bot's owner can reload the fact base.", ephemeral=True)
        return
    await interaction.response.defer(ephemeral=True, thinking=True)
    report = await bot.reload_facts()
    await interaction.followup.send(truncate(report, CONTENT_MAX), ephemeral=True)


def global_commands(meta: Meta) -> list[Any]:
    """The commands everyone sees, described in the words of the fact base the bot serves, so that a
    bot serving another episode describes that one."""
    said = command_descriptions(meta)

    def slash(name: str, callback: Any) -> app_commands.Command:
        description, options = said[name]
        return app_commands.command(name=name, description=description)(app_commands.describe(**options)(callback))

    return [slash("ask", ask), slash("quote", quote), slash("timeline", timeline), slash("who", who), slash("compare", compare),
            slash("sources", sources), slash("about", about), slash("help", help_command), fact_check]


OWNER_COMMANDS: list[Any] = [reload]  # registered only in the owner's development server
