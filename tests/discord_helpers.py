"""Starting the bot against the local Discord, and reading what it sent."""

import asyncio
from pathlib import Path

from bot.config import Settings
from bot.facts import DEFAULT_FACTS
from bot.discord_bot.client import create_bot
from bench.fake_discord import TOKEN


def settings_for(fake, tmp_path, **overrides) -> Settings:
    values = dict(token=TOKEN, api_base=fake.api_base, gateway_url=fake.gateway_url, state_dir=tmp_path / "state",
                  cooldown_rate=1000, cooldown_per=1.0)
    values.update(overrides)
    return Settings(**values)


async def start_bot(fake, settings, facts_path: Path = DEFAULT_FACTS):
    bot = create_bot(settings, facts_path, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(settings.token))
    await asyncio.wait_for(bot.wait_until_ready(), 15)
    return bot, task


async def stop_bot(bot, task):
    await bot.close()
    try:
        await asyncio.wait_for(task, 5)
    except (asyncio.CancelledError, Exception):
        pass


def embed_text(message: dict) -> str:
    parts = []
    for e in message.get("embeds", []):
        parts += [e.get("title") or "", e.get("description") or ""]
        parts += [f["name"] + "\n" + f["value"] for f in e.get("fields", [])]
        parts.append((e.get("footer") or {}).get("text") or "")
    return "\n".join(parts)


def components(message: dict) -> list[dict]:
    return [c for row in message.get("components", []) for c in row["components"]]


def custom_id(message: dict, label: str) -> str:
    """The custom_id of the button whose label starts with `label` (or of the select whose placeholder does)."""
    for c in components(message):
        if (c.get("label") or c.get("placeholder") or "").startswith(label):
            return c["custom_id"]
    raise KeyError(f"no component labelled {label!r}: {[c.get('label') or c.get('placeholder') for c in components(message)]}")


async def followup(interaction, timeout: float = 5.0) -> dict:
    for _ in range(int(timeout / 0.02)):
        if interaction.followups:
            return interaction.followups[-1]
        await asyncio.sleep(0.02)
    raise TimeoutError("no follow-up")
