"""Starting the bot against the local Discord, and reading what it sent."""

import asyncio

from bot.config import Settings
from bot.discord_bot.client import create_bot
from bench.fake_discord import TOKEN


def settings_for(fake, tmp_path, **overrides) -> Settings:
    values = dict(token=TOKEN, api_base=fake.api_base, gateway_url=fake.gateway_url, state_dir=tmp_path / "state",
                  cooldown_rate=1000, cooldown_per=1.0)
    values.update(overrides)
    return Settings(**values)


async def start_bot(fake, settings):
    bot = create_bot(settings, guild_ready_timeout=0.05)
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
