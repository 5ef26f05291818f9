"""The trimming to Discord's limits, with answers far too big for them."""

import pytest

from bench.fake_discord import Invalid, validate_message
from bot.discord_bot.embeds import CONTENT_MAX, card_to_embed, escape_user_text, truncate
from bot.render import Card


def valid(embed) -> None:
    validate_message({"embeds": [embed.to_dict()], "allowed_mentions": {"parse": []}}, [])


def test_an_oversize_card_is_cut_to_every_limit():
    card = Card("T" * 400, "D" * 5000, [(f"name {i} " * 40, "v" * 1500) for i in range(40)], footer="F" * 3000,
                author="A" * 400)
    embed = card_to_embed(card)
    valid(embed)
    assert len(embed) <= 6000 and len(embed.fields) < 25
    assert embed.title.endswith("…") and embed.description.endswith("…") and embed.author.name.endswith("…")
    assert "did not fit" in embed.footer.text


def test_the_budget_keeps_fields_that_fit_whole():
    card = Card("title", "short", [("a", "x" * 1000), ("b", "y" * 1000), ("c", "z" * 1000)])
    embed = card_to_embed(card)
    valid(embed)
    assert [f.value for f in embed.fields] == ["x" * 1000, "y" * 1000, "z" * 1000] and embed.footer.text is None


def test_the_emulator_would_have_refused_the_untrimmed_card():
    import discord

    raw = discord.Embed(title="t", description="D" * 4000)
    for i in range(3):
        raw.add_field(name="n", value="v" * 1000)
    with pytest.raises(Invalid):
        valid(raw)


def test_truncate_cuts_at_a_word_and_says_so():
    assert truncate("a few words here and there", 22) == "a few words here and…"
    assert truncate("x" * 50, 10) == "x" * 9 + "…" and truncate("short", 10) == "short"
    assert len(truncate("word " * 1000, CONTENT_MAX)) <= CONTENT_MAX


def test_user_text_can_neither_ping_nor_format():
    shown = escape_user_text("@everyone **bold** <@123> https://evil.example")
    assert "@everyone" not in shown.replace("@\u200beveryone", "") and "<@" not in shown and "**" not in shown
    assert "://" not in shown
