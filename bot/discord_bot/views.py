"""Buttons and menus that last: every one is a `DynamicItem` whose state lives in its custom_id,
registered at start-up, so it answers after a restart and for as long as the message exists.

Replies are built here too (embed + buttons), so commands, buttons and messages answer alike.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

import discord

from bot import render
from bot.discord_bot import client as app
from bot.discord_bot.embeds import card_to_embed, truncate
from bot.engine import Answer, Result
from bot.facts import Event, FactBase, Quote
from bot.render import Card

log = logging.getLogger(__name__)

# discord.py types an item's callback for any client; `factbot()` narrows it, checked at run time.
Interaction = discord.Interaction[Any]
TIMELINE_PER_PAGE = 7
QUOTES_PER_PAGE = 4
OPTIONS_MAX = 25
ALL_SPEAKERS = "all"


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


Callback = Callable[[Any, Interaction], Coroutine[Any, Any, None]]


def factbot(interaction: Interaction) -> app.FactBot:
    client = interaction.client
    if not isinstance(client, app.FactBot):
        raise TypeError(f"factbot's components need a FactBot, not {type(client).__name__}")
    return client


def guarded(callback: Callback) -> Callback:
    """discord.py only logs an exception from a dynamic item; the user gets the same apology as
    from a command instead of "This interaction failed"."""

    async def run(self: Any, interaction: Interaction) -> None:
        try:
            await callback(self, interaction)
        except Exception:
            log.exception("error in component %s (interaction %s)", getattr(self, "custom_id", "?"), interaction.id)
            await app.apologize(interaction)

    return run


def invoked_by_presser(interaction: Interaction) -> bool:
    """Whether the person pressing is the one the message answered (then it is turned in place)."""
    message = interaction.message
    meta = message.interaction_metadata if message is not None else None
    return meta is None or meta.user.id == interaction.user.id


async def send_or_turn(interaction: Interaction, embed: discord.Embed, view: discord.ui.View) -> None:
    """Edit the message for its owner; anyone else gets a private copy at that page."""
    if invoked_by_presser(interaction):
        await interaction.response.edit_message(embed=embed, view=view)
    else:  # the view was built private (see _is_private), "Post in channel" included
        await interaction.response.send_message(embed=embed, view=view, ephemeral=True)


# --- replies ------------------------------------------------------------------------------------


def link_buttons(view: discord.ui.View, card: Card) -> None:
    for label, url in card.links[:3]:
        view.add_item(discord.ui.Button(label=truncate(f"Open {label}", 80), url=url, style=discord.ButtonStyle.link))


def answer_reply(fb: FactBase, result: Result, private: bool) -> dict[str, Any]:
    """The reply to a question, from /ask, a button or a message. An answer is public unless
    `private`; "not in my sources" is private, with questions to try as buttons. Sources are cut
    until the whole reply, buttons included, fits one phone screen."""
    if not isinstance(result, Answer):
        private = True
    budgets = list(range(render.ANSWER_LINES, 1, -2))
    for attempt, budget in enumerate(budgets + [1] * 6):
        card = render.answer_card(fb, result, budget)
        if attempt >= len(budgets):  # one source left and still too long: the answer's own text gives way
            keep = max(80, len(card.description) * (10 - 2 * (attempt - len(budgets) + 1)) // 10)
            card.description = render.shorten(card.description, keep)
        embed, view = card_to_embed(card), discord.ui.View(timeout=None)
        if isinstance(result, Answer):
            for topic in list(dict.fromkeys(card.topics))[:1]:  # the closest; /compare lists the rest
                view.add_item(CompareButton(topic))
            shown = sum(1 for line in (card.fields[0][1] if card.fields else "").splitlines() if not line.startswith("*…"))
            if len(result.citations) > shown and result.facts:
                view.add_item(SourcesButton(result.facts, len(result.citations)))
            view.add_item(FeedbackButton(result.question, result.facts))
            link_buttons(view, card)
        else:
            for question in list(dict.fromkeys(card.suggestions))[:3]:
                view.add_item(AskButton(question))
        if private:
            view.add_item(PostButton())
        message = {"embeds": [embed.to_dict()], "components": view.to_components()}
        if render.message_phone_lines(message) <= render.SCREEN_LINES:
            break
    return {"embed": embed, "view": view, "ephemeral": private}


def reference_reply(card: Card, private: bool = True) -> dict[str, Any]:
    """Reference replies (/help, /about, /sources, a bare /quote) are private, with "Post in channel"."""
    view = discord.ui.View(timeout=None)
    link_buttons(view, card)
    if private:
        view.add_item(PostButton())
    return {"embed": card_to_embed(card), "view": view, "ephemeral": private}


def events_mask(fb: FactBase, events: Sequence[Event]) -> str:
    """A set of timeline events as a hex bitmask over the fact base's events (fits a custom_id)."""
    wanted = {id(e) for e in events}
    return format(sum(1 << i for i, e in enumerate(fb.events) if id(e) in wanted), "x")


def events_from_mask(fb: FactBase, mask: str) -> list[Event]:
    bits = int(mask, 16)
    return [e for i, e in enumerate(fb.events) if bits >> i & 1]


def timeline_page(fb: FactBase, events: Sequence[Event], page: int, private: bool) -> tuple[discord.Embed, discord.ui.View]:
    pages = render.timeline_pages(fb, events, TIMELINE_PER_PAGE)
    page = max(0, min(page, len(pages) - 1))
    mask = events_mask(fb, events)
    view = discord.ui.View(timeout=None)
    if len(pages) > 1:
        view.add_item(TimelinePage(page - 1, mask, "p", "◀ Previous", disabled=page == 0))
        view.add_item(TimelinePage(page + 1, mask, "n", "Next ▶", disabled=page >= len(pages) - 1))
    shown = events[page * TIMELINE_PER_PAGE : (page + 1) * TIMELINE_PER_PAGE]
    if any(not e.is_exact for e in shown):
        view.add_item(HowDatesButton(page, mask))
    if len(pages) > 1:
        view.add_item(TimelineJump(mask, events))
    if private:
        view.add_item(PostButton())
    return card_to_embed(pages[page]), view


def quote_page(fb: FactBase, quotes: Sequence[Quote], speaker: str, page: int, speakers: Sequence[tuple[str, str]],
               private: bool) -> tuple[discord.Embed, discord.ui.View]:
    """A page of quotes; `speaker` is a person id or ALL_SPEAKERS; `speakers` = (id, name) for the menu."""
    title = "Quotes from the articles" if speaker == ALL_SPEAKERS else f"What {fb.name_of(speaker)} said"
    pages = render.quote_pages(fb, quotes, title, QUOTES_PER_PAGE)
    page = max(0, min(page, len(pages) - 1))
    view = discord.ui.View(timeout=None)
    if len(pages) > 1:
        view.add_item(QuotePage(page - 1, speaker, "p", "◀ Previous", disabled=page == 0))
        view.add_item(QuotePage(page + 1, speaker, "n", "Next ▶", disabled=page >= len(pages) - 1))
    if len(speakers) > 1:
        view.add_item(QuoteSpeaker(speakers, speaker))
    if private:
        view.add_item(PostButton())
    return card_to_embed(pages[page]), view


# --- the items ----------------------------------------------------------------------------------


class PostButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"fb:post"):
    """Posts a private reply's embeds in the channel, for everyone to see."""

    def __init__(self) -> None:
        super().__init__(discord.ui.Button(label="Post in channel", style=discord.ButtonStyle.secondary, custom_id="fb:post"))

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]) -> PostButton:
        return cls()

    @guarded
    async def callback(self, interaction: Interaction) -> None:
        message = interaction.message
        if message is None or not (message.embeds or message.content):
            await interaction.response.send_message("There is nothing left to post.", ephemeral=True)
            return
        await interaction.response.send_message(content=message.content or None, embeds=message.embeds[:10])


class AskButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"fb:ask:(?P<key>[0-9a-f]{12})"):
    """A suggested question; the custom_id holds a hash of it, looked up among the known questions."""

    def __init__(self, question: str, key: str | None = None) -> None:
        self.key = key or short_hash(question)
        super().__init__(discord.ui.Button(label=truncate(question, 80), style=discord.ButtonStyle.secondary,
                                           custom_id=f"fb:ask:{self.key}"))

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]) -> AskButton:
        return cls(getattr(item, "label", None) or "", match["key"])

    @guarded
    async def callback(self, interaction: Interaction) -> None:
        bot = factbot(interaction)
        question = next((q for q in bot.engine.suggestions("", limit=10_000) if short_hash(q) == self.key), None)
        if question is None:
            await interaction.response.send_message("That suggestion is out of date — try `/ask`.", ephemeral=True)
            return
        if await bot.refuse_if_cooling(interaction):
            return
        await interaction.response.send_message(**answer_reply(bot.engine.fb, bot.engine.ask(question), private=True))


class CompareButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"fb:cmp:(?P<key>[0-9a-f]{12})"):
    """Where the outlets differ on a topic, shown privately."""

    def __init__(self, topic: str, key: str | None = None) -> None:
        self.key = key or short_hash(topic)
        super().__init__(discord.ui.Button(label=truncate(f"Outlets differ: {topic}", 80), style=discord.ButtonStyle.secondary,
                                           custom_id=f"fb:cmp:{self.key}"))

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]) -> CompareButton:
        return cls("", match["key"])

    @guarded
    async def callback(self, interaction: Interaction) -> None:
        bot = factbot(interaction)
        topic = next((t for t in bot.compare_topics() if short_hash(t) == self.key), None)
        comparison = bot.engine.compare(topic) if topic else None
        if comparison is None:
            await interaction.response.send_message("That comparison is out of date — try `/compare`.", ephemeral=True)
            return
        if await bot.refuse_if_cooling(interaction):
            return
        await interaction.response.send_message(**reference_reply(render.comparison_card(bot.engine.fb, comparison)))


def whole_ids(ids: Sequence[str], limit: int = 80) -> str:
    """Comma-separated ids, whole ones only, within `limit` characters (custom_ids hold 100)."""
    joined = ""
    for item in ids:
        candidate = f"{joined},{item}" if joined else item
        if len(candidate) > limit:
            break
        joined = candidate
    return joined


class SourcesButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"fb:src:(?P<facts>[\w,.-]+)"):
    """Every passage behind an answer's facts, shown privately, when the answer shows only some."""

    def __init__(self, facts: Sequence[str], count: int | None = None) -> None:
        self.facts = whole_ids(facts)
        super().__init__(discord.ui.Button(label=f"Sources ({count})" if count else "Sources", style=discord.ButtonStyle.secondary,
                                           custom_id=f"fb:src:{self.facts}"))

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]) -> SourcesButton:
        return cls(match["facts"].split(","))

    @guarded
    async def callback(self, interaction: Interaction) -> None:
        fb = factbot(interaction).engine.fb
        facts = [fb.fact_by_id[f] for f in self.facts.split(",") if f in fb.fact_by_id]
        if not facts:
            await interaction.response.send_message("Those sources are out of date — ask again.", ephemeral=True)
            return
        await interaction.response.send_message(**reference_reply(render.evidence_card(fb, facts)))


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                     template=r"fb:wrong:(?P<question>[0-9a-f]{12}):(?P<facts>[\w,.-]*)"):
    """"Wrong answer?": logs the interaction, a hash of the question and the facts used — never the text."""

    def __init__(self, question: str, facts: Sequence[str], key: str | None = None) -> None:
        self.key = key or short_hash(question)
        ids = self.facts = whole_ids(facts)
        super().__init__(discord.ui.Button(label="Wrong answer?", style=discord.ButtonStyle.secondary,
                                           custom_id=f"fb:wrong:{self.key}:{ids}"))

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]) -> FeedbackButton:
        return cls("", match["facts"].split(",") if match["facts"] else [], match["question"])

    @guarded
    async def callback(self, interaction: Interaction) -> None:
        message = interaction.message
        log.warning("feedback: wrong answer reported (interaction %s, message %s, question %s, facts %s)",
                    interaction.id, message.id if message else "?", self.key, self.facts or "-")
        await interaction.response.send_message(
            "Thanks — I've noted which facts that answer used, so the people who keep the fact base can check them. "
            "(Your question's text was not stored.)", ephemeral=True)


class TimelinePage(discord.ui.DynamicItem[discord.ui.Button[Any]],
                   template=r"fb:tl:(?P<page>-?\d+):(?P<mask>[0-9a-f]+):(?P<dir>[pn])"):
    def __init__(self, page: int, mask: str, direction: str, label: str = "Page", disabled: bool = False) -> None:
        self.page, self.mask = page, mask
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.primary if direction == "n" else discord.ButtonStyle.secondary,
                                           custom_id=f"fb:tl:{page}:{mask}:{direction}", disabled=disabled))

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]) -> TimelinePage:
        return cls(int(match["page"]), match["mask"], match["dir"])

    @guarded
    async def callback(self, interaction: Interaction) -> None:
        fb = factbot(interaction).engine.fb
        embed, view = timeline_page(fb, events_from_mask(fb, self.mask), self.page, private=_is_private(interaction))
        await send_or_turn(interaction, embed, view)


class TimelineJump(discord.ui.DynamicItem[discord.ui.Select[Any]], template=r"fb:tlsel:(?P<mask>[0-9a-f]+)"):
    """Jump to the page of a date: options read "9 Feb 2018 — Opening ceremony"."""

    def __init__(self, mask: str, events: Sequence[Event] = ()) -> None:
        self.mask = mask
        options = [discord.SelectOption(label=truncate(render.event_choice(e), 100), value=str(i))
                   for i, e in enumerate(events[:OPTIONS_MAX])]
        super().__init__(discord.ui.Select(placeholder="Jump to a date…", custom_id=f"fb:tlsel:{mask}",
                                           options=options or [discord.SelectOption(label="-", value="0")]))

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]) -> TimelineJump:
        return cls(match["mask"])

    @guarded
    async def callback(self, interaction: Interaction) -> None:
        fb = factbot(interaction).engine.fb
        chosen = int(self.item.values[0]) if self.item.values else 0
        embed, view = timeline_page(fb, events_from_mask(fb, self.mask), chosen // TIMELINE_PER_PAGE,
                                    private=_is_private(interaction))
        await send_or_turn(interaction, embed, view)


class HowDatesButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"fb:tlhow:(?P<page>\d+):(?P<mask>[0-9a-f]+)"):
    def __init__(self, page: int, mask: str) -> None:
        self.page, self.mask = page, mask
        super().__init__(discord.ui.Button(label="How are dates worked out?", style=discord.ButtonStyle.secondary,
                                           custom_id=f"fb:tlhow:{page}:{mask}"))

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]) -> HowDatesButton:
        return cls(int(match["page"]), match["mask"])

    @guarded
    async def callback(self, interaction: Interaction) -> None:
        events = events_from_mask(factbot(interaction).engine.fb, self.mask)
        shown = events[self.page * TIMELINE_PER_PAGE : (self.page + 1) * TIMELINE_PER_PAGE]
        await interaction.response.send_message(embed=card_to_embed(render.derivations_card(shown)), ephemeral=True)


class QuotePage(discord.ui.DynamicItem[discord.ui.Button[Any]],
                template=r"fb:q:(?P<page>-?\d+):(?P<speaker>[\w-]+):(?P<dir>[pn])"):
    def __init__(self, page: int, speaker: str, direction: str, label: str = "Page", disabled: bool = False) -> None:
        self.page, self.speaker = page, speaker
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.primary if direction == "n" else discord.ButtonStyle.secondary,
                                           custom_id=f"fb:q:{page}:{speaker}:{direction}", disabled=disabled))

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]) -> QuotePage:
        return cls(int(match["page"]), match["speaker"], match["dir"])

    @guarded
    async def callback(self, interaction: Interaction) -> None:
        embed, view = factbot(interaction).quote_page(self.speaker, self.page, private=_is_private(interaction))
        await send_or_turn(interaction, embed, view)


class QuoteSpeaker(discord.ui.DynamicItem[discord.ui.Select[Any]], template=r"fb:qsel"):
    def __init__(self, speakers: Sequence[tuple[str, str]] = (), current: str = ALL_SPEAKERS) -> None:
        options = [discord.SelectOption(label="Everyone", value=ALL_SPEAKERS, default=current == ALL_SPEAKERS)]
        options += [discord.SelectOption(label=truncate(name, 100), value=pid, default=pid == current)
                    for pid, name in speakers[: OPTIONS_MAX - 1]]
        super().__init__(discord.ui.Select(placeholder="Choose a speaker…", custom_id="fb:qsel", options=options))

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]) -> QuoteSpeaker:
        return cls()

    @guarded
    async def callback(self, interaction: Interaction) -> None:
        speaker = self.item.values[0] if self.item.values else ALL_SPEAKERS
        embed, view = factbot(interaction).quote_page(speaker, 0, private=_is_private(interaction))
        await send_or_turn(interaction, embed, view)


class RetiredButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"(?:timeline:(?:next|previous)|suggest:\d+)"):
    """Buttons from before they kept their state (in-memory views): they cannot be answered any
    more, so they are disabled, with a word, instead of failing."""

    def __init__(self, custom_id: str = "suggest:0") -> None:
        super().__init__(discord.ui.Button(label="…", custom_id=custom_id))

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]) -> RetiredButton:
        return cls(match[0])

    @guarded
    async def callback(self, interaction: Interaction) -> None:
        view = discord.ui.View.from_message(interaction.message) if interaction.message else discord.ui.View()
        for child in view.children:
            if isinstance(child, discord.ui.Button) and child.style is not discord.ButtonStyle.link:
                child.disabled = True
        await interaction.response.edit_message(view=view)
        await interaction.followup.send("These buttons have expired — run the command again for new ones.", ephemeral=True)


def _is_private(interaction: Interaction) -> bool:
    message = interaction.message
    return bool(message is not None and message.flags.ephemeral) or not invoked_by_presser(interaction)


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (
    PostButton, AskButton, CompareButton, SourcesButton, FeedbackButton, TimelinePage, TimelineJump, HowDatesButton, QuotePage, QuoteSpeaker,
    RetiredButton)
