"""Cards -> discord.Embed, always within Discord's limits, and escaping of user text."""

from __future__ import annotations

import discord

from bot.render import Card

TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
AUTHOR_MAX = 256
EMBED_TOTAL_MAX = 6000
CONTENT_MAX = 2000
ELLIPSIS = "…"


def truncate(text: str, limit: int) -> str:
    """Cut at a word boundary where one is near, and say that something was cut."""
    text = text or ""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space > limit * 0.8:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def escape_user_text(text: str) -> str:
    """User text shown back: no markdown, no mentions, no masked links."""
    text = discord.utils.escape_markdown(text, as_needed=False)
    text = discord.utils.escape_mentions(text)
    return text.replace("<", "<\u200b").replace("://", ":\u200b//")


def card_to_embed(card: Card) -> discord.Embed:
    embed = discord.Embed(
        title=truncate(card.title, TITLE_MAX) or None,
        description=truncate(card.description, DESCRIPTION_MAX) or None,
        color=card.color,
        url=card.url,
    )
    if card.author:
        embed.set_author(name=truncate(card.author, AUTHOR_MAX))
    budget = EMBED_TOTAL_MAX - len(embed.title or "") - len(embed.description or "") - len(embed.author.name or "")
    footer = truncate(card.footer, FOOTER_MAX) if card.footer else None
    if footer:
        budget -= len(footer)
    fields = card.fields[:FIELDS_MAX]
    dropped = len(card.fields) - len(fields)
    for i, (name, value) in enumerate(fields):
        name = truncate(name, FIELD_NAME_MAX) or "\u200b"
        value = truncate(value, FIELD_VALUE_MAX) or "\u200b"
        # Keep room for the note about fields that do not fit.
        if len(name) + len(value) > budget - 80:
            value = truncate(value, max(1, budget - 80 - len(name)))
            if budget - 80 - len(name) < 20:
                dropped += len(fields) - i
                break
        embed.add_field(name=name, value=value, inline=False)
        budget -= len(name) + len(value)
    if dropped:
        note = f"{dropped} more item(s) did not fit; ask a narrower question."
        footer = truncate(f"{footer} · {note}" if footer else note, FOOTER_MAX)
        if len(embed) + len(footer) > EMBED_TOTAL_MAX:
            footer = note
    if footer:
        embed.set_footer(text=footer)
    while len(embed) > EMBED_TOTAL_MAX and embed.fields:  # last resort; the budget above should prevent it
        embed.remove_field(len(embed.fields) - 1)
    return embed
