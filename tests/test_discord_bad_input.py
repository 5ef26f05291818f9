"""Hostile input through the local Discord: slash options, autocomplete, DMs and mentions.
Every reply must be valid for Discord (the emulator rejects anything else), ping nobody, show
user text only escaped, and the bot must keep serving."""

import random
import re

from tests.discord_helpers import embed_text
from bench.fake_discord import USER_B
from tests.nasty_inputs import FAMILIES

RAW_MENTION = re.compile(r"@(everyone|here)|<@[&!#]?\d+>|<#\d+>")


def discord_inputs(limit: int) -> list[str]:
    """Every family, plus seeded random Unicode (all planes but surrogates), cut to what a user can type."""
    rng = random.Random(20180210)
    alphabet = [chr(c) for c in range(0x20, 0x2FFF) if not 0xD800 <= c <= 0xDFFF] + ["\n", "\t", "\u202e", "\u200b", "🇰🇵", "👨‍👩‍👧"]
    randoms = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400))) for _ in range(12)]
    return [t[:limit] for t in list(FAMILIES.values()) + randoms]


def assert_safe(message: dict) -> None:
    text = (message.get("content") or "") + "\n" + embed_text(message)
    assert not RAW_MENTION.search(text), RAW_MENTION.search(text)
    allowed = message.get("allowed_mentions") or {}
    assert not allowed.get("parse") and not allowed.get("users") and not allowed.get("roles")


async def test_hostile_slash_options_and_autocomplete(fake, bot):
    for text in discord_inputs(500):
        if not text.strip():
            continue  # Discord itself refuses an empty required option
        for name, option in (("ask", "question"), ("who", "person"), ("compare", "topic"), ("quote", "speaker")):
            value = text[:100] if name in ("who", "quote") else text[:200] if name == "compare" else text
            interaction = await fake.slash(name, {option: value})
            response = await fake.response(interaction)
            assert response["type"] == 4
            assert_safe(interaction.message)
        auto = await fake.response(await fake.autocomplete("ask", {"question": text[:100]}, focused="question"))
        assert len(auto["data"]["choices"]) <= 25
    timeline = await fake.response(await fake.slash("timeline", {"from": "@everyone <@&1>", "picture": False}))
    assert "@everyone" not in timeline["data"]["content"].replace("@\u200beveryone", "")
    assert fake.errors == []


async def test_hostile_dms_and_mentions(fake, bot):
    for text in discord_inputs(2000):
        msg = await fake.dm(text, user=USER_B)
        assert_safe(await fake.wait_reply_to(msg))
    for text in list(FAMILIES.values())[:6]:
        msg = await fake.say(f"<@{bot.user.id}> {text}", mention_bot=True)
        assert_safe(await fake.wait_reply_to(msg))
    # and it still answers normally afterwards
    response = await fake.response(await fake.slash("ask", {"question": "who cancelled the meeting"}))
    assert "North Korea" in embed_text(response["data"])
    assert fake.errors == []


def test_autocomplete_ranks_prefix_then_words_then_close_misspellings():
    from bot.discord_bot.commands import rank

    names = ["Kim Yo Jong", "Jen Kirby", "Moon Jae-in", "Kim Jong Un", "Mike Pence"]
    assert rank(names, "kim") == ["Kim Yo Jong", "Kim Jong Un"]
    assert rank(names, "jong kim") == ["Kim Yo Jong", "Kim Jong Un"]
    assert rank(names, "pense") == ["Mike Pence"]
    assert rank(names, "zzzz") == [] and rank(names, "") == names
