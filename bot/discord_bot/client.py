"""The Discord client: intents, start-up, command sync, DMs and mentions, errors, shutdown."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import logging
import signal
import sys
import time
from collections import deque
from pathlib import Path

import discord
import yarl
from discord import app_commands

from bot.chat import HELP_TEXT, respond
from bot.config import Settings
from bot.discord_bot.commands import ALL_COMMANDS, result_reply
from bot.discord_bot.embeds import card_to_embed
from bot.facts import DEFAULT_FACTS, FactBaseError
from bot.loader import load_engine
from bot.render import Card

log = logging.getLogger("factbot")

APOLOGY = "Sorry — something went wrong while answering. It has been logged; please try again."


def cooldown_note(retry: float, per: float) -> str:
    return f"Easy there — you can ask again in {retry:.0f} s. (A few questions every {per:.0f} s.)"


def bot_intents() -> discord.Intents:
    """The least the bot needs: guilds (channels and app commands), and message events in servers
    (for mentions) and DMs. Message *content* is a privileged intent and not needed: Discord sends
    the content of DMs and of messages that mention the bot anyway."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    return intents


class UserCooldown:
    """At most `rate` answers per user in any `per` seconds, across commands and messages."""

    def __init__(self, rate: int, per: float):
        self.rate, self.per = rate, per
        self._hits: dict[int, deque[float]] = {}

    def hit(self, user_id: int, now: float | None = None) -> float | None:
        """None if allowed (and counted), else the seconds until the user may ask again."""
        now = time.monotonic() if now is None else now
        if len(self._hits) > 10_000:  # forget users who have been quiet for a whole window
            self._hits = {u: h for u, h in self._hits.items() if h and now - h[-1] < self.per}
        hits = self._hits.setdefault(user_id, deque())
        while hits and now - hits[0] >= self.per:
            hits.popleft()
        if len(hits) >= self.rate:
            return self.per - (now - hits[0])
        hits.append(now)
        return None


class FactTree(app_commands.CommandTree):
    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.type is discord.InteractionType.autocomplete:
            return True
        retry = self.client.cooldown.hit(interaction.user.id)  # type: ignore[attr-defined]
        if retry is None:
            return True
        await interaction.response.send_message(cooldown_note(retry, self.client.cooldown.per), ephemeral=True)  # type: ignore[attr-defined]
        return False

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        if isinstance(error, app_commands.CheckFailure):
            return  # already answered by interaction_check
        log.error("error in interaction %s (/%s)", interaction.id,
                  interaction.command.name if interaction.command else "?", exc_info=error)
        await apologize(interaction)


async def apologize(interaction: discord.Interaction) -> None:
    try:
        if interaction.response.is_done():
            await interaction.followup.send(APOLOGY, ephemeral=True)
        else:
            await interaction.response.send_message(APOLOGY, ephemeral=True)
    except discord.HTTPException:
        log.exception("could not apologise for interaction %s", interaction.id)


class FactBotMixin:
    """Behaviour shared by the single-process and the sharded client."""

    def __init__(self, settings: Settings, facts_path: Path | str = DEFAULT_FACTS, force_sync: bool = False, **options):
        super().__init__(intents=bot_intents(), allowed_mentions=discord.AllowedMentions.none(), **options)
        self.settings = settings
        self.facts_path = Path(facts_path)
        self.force_sync = force_sync
        self.tree = FactTree(self)
        self.cooldown = UserCooldown(settings.cooldown_rate, settings.cooldown_per)
        self.engine = None
        self._timeline_png: bytes | None = None
        self._reload_lock = asyncio.Lock()

    # --- start-up -----------------------------------------------------------------------------

    async def setup_hook(self) -> None:
        self.engine, self._timeline_png = await asyncio.get_running_loop().run_in_executor(None, self._prepare)
        log.info("fact base loaded: %s", ", ".join(f"{n} {k}" for k, n in self.engine.fb.counts().items()))
        for command in ALL_COMMANDS:
            self.tree.add_command(command)
        await self.sync_commands()

    async def sync_commands(self) -> None:
        """Sync only when the command definitions changed since the last sync (or when forced)."""
        guild = discord.Object(self.settings.guild_id) if self.settings.guild_id else None
        if guild:
            self.tree.copy_global_to(guild=guild)
        payload = json.dumps([c.to_dict(self.tree) for c in self.tree.get_commands(guild=guild)], sort_keys=True)
        digest = hashlib.sha256(payload.encode()).hexdigest()
        scope = f"guild-{guild.id}" if guild else "global"
        marker = self.settings.state_dir / f"commands-{self.application_id}-{scope}.sha256"
        if not self.force_sync and marker.is_file() and marker.read_text().strip() == digest:
            log.info("slash commands unchanged (%s); not syncing", scope)
            return
        synced = await self.tree.sync(guild=guild)
        log.info("synced %d slash commands (%s)", len(synced), scope)
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(digest)
        except OSError as exc:
            log.warning("could not record the command sync in %s: %s", marker, exc)

    async def on_app_command_completion(self, interaction: discord.Interaction, command) -> None:
        # What happened, without what the user typed: command, where, and how long it took.
        where = f"guild {interaction.guild_id}" if interaction.guild_id else "DM"
        elapsed = (discord.utils.utcnow() - interaction.created_at).total_seconds() * 1000
        log.info("/%s in %s answered (interaction %s, %.0f ms)", command.name, where, interaction.id, elapsed)

    async def on_ready(self) -> None:
        log.info("connected as %s (id %s) to %d server(s)", self.user, self.user.id if self.user else "?", len(self.guilds))

    # --- messages: DMs, and mentions in servers -----------------------------------------------

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.user is None or self.engine is None:
            return
        if message.guild is not None:
            if not any(u.id == self.user.id for u in message.mentions):
                return
            text = message.content.replace(f"<@{self.user.id}>", " ").replace(f"<@!{self.user.id}>", " ")
        else:
            text = message.content
        retry = self.cooldown.hit(message.author.id)
        try:
            if retry is not None:
                await message.reply(cooldown_note(retry, self.cooldown.per), mention_author=False)
                return
            result = respond(self.engine, text)
            if result is None:
                await message.reply(embed=card_to_embed(Card("Hello!", HELP_TEXT)), mention_author=False)
                return
            await message.reply(**result_reply(result), mention_author=False)
        except Exception:
            log.exception("error answering message %s from user %s", message.id, message.author.id)
            try:
                await message.reply(APOLOGY, mention_author=False)
            except discord.HTTPException:
                pass

    async def is_owner(self, user: discord.abc.User) -> bool:
        """The application's owner, or any member of its team."""
        app = self.application or await self.application_info()  # type: ignore[attr-defined]
        if app.team:
            return user.id in {m.id for m in app.team.members}
        return user.id == app.owner.id

    # --- run-time fact base -------------------------------------------------------------------

    async def reload_facts(self) -> str:
        """Swap in a new fact base only if it passes the checker; the old one serves until then."""
        async with self._reload_lock:
            try:
                engine, picture = await asyncio.get_running_loop().run_in_executor(None, self._prepare)
            except FactBaseError as exc:
                log.warning("reload refused: %d problem(s) in %s", len(exc.problems), self.facts_path)
                return "Reload refused — the old fact base keeps serving. Problems:\n" + "\n".join(str(p) for p in exc.problems[:20])
            # Two reference swaps, no await between them: requests in flight finish on the old engine.
            self.engine, self._timeline_png = engine, picture
            counts = engine.fb.counts()
            log.info("fact base reloaded: %s", counts)
            return "Reloaded: " + ", ".join(f"{n} {k}" for k, n in counts.items())

    def _prepare(self) -> tuple:
        """Off the event loop: the engine and the timeline picture (drawn once per fact base, so
        /timeline never draws it inside Discord's 3-second window)."""
        from bot import timeline_image

        engine = load_engine(self.facts_path)
        return engine, timeline_image.render_timeline_png(engine.fb, engine.fb.events)

    def timeline_png(self) -> io.BytesIO:
        return io.BytesIO(self._timeline_png)



class FactBot(FactBotMixin, discord.Client):
    pass


class ShardedFactBot(FactBotMixin, discord.AutoShardedClient):
    pass


def create_bot(settings: Settings, facts_path: Path | str = DEFAULT_FACTS, force_sync: bool = False,
               **client_options) -> FactBotMixin:
    """The bot for these settings: an AutoShardedClient when SHARD_COUNT is set. `client_options`
    go to discord.py's client (the tests shorten `guild_ready_timeout`)."""
    if settings.api_base:
        discord.http.Route.BASE = settings.api_base.rstrip("/")
    if settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)
    if settings.shard_count:
        return ShardedFactBot(settings, facts_path, force_sync, shard_count=settings.shard_count,
                              shard_ids=list(settings.shard_ids) if settings.shard_ids else None, **client_options)
    return FactBot(settings, facts_path, force_sync, **client_options)


# --- logging and the process ------------------------------------------------------------------


class RedactingFormatter(logging.Formatter):
    """Formats records (tracebacks included) and blanks out the token wherever it appears."""

    def __init__(self, secrets: list[str], fmt: str):
        super().__init__(fmt)
        self.secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, "[token redacted]")
        return text


def setup_logging(settings: Settings, stream=None) -> logging.Handler:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(RedactingFormatter([settings.token or ""], "%(asctime)s %(levelname)-7s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(settings.log_level)
    logging.getLogger("discord.http").setLevel(max(logging.INFO, logging.getLevelName(settings.log_level)))
    return handler


def run_bot(settings: Settings, facts_path: Path | str = DEFAULT_FACTS, force_sync: bool = False) -> int:
    """Run until SIGINT/SIGTERM. Exit codes: 0 clean, 2 configuration (bad token), 1 other."""
    setup_logging(settings)
    bot = create_bot(settings, facts_path, force_sync)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        stopping = asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stopping.set)
        loop.add_signal_handler(signal.SIGHUP, lambda: asyncio.ensure_future(_reload_and_log(bot)))
        async with bot:
            runner = asyncio.create_task(bot.start(settings.token))
            stopper = asyncio.create_task(stopping.wait())
            done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
            if stopper in done:
                log.info("shutting down")
                await bot.close()
            stopper.cancel()
            await runner

    try:
        asyncio.run(main())
    except discord.LoginFailure:
        print("factbot: Discord rejected the token (DISCORD_TOKEN). Check it in the Developer Portal → Bot → Reset Token.", file=sys.stderr)
        return 2
    except discord.PrivilegedIntentsRequired:
        print("factbot: Discord refused the gateway intents; factbot asks for no privileged intents — check the application.", file=sys.stderr)
        return 2
    except FactBaseError as exc:
        print(f"factbot: the fact base is broken ({len(exc.problems)} problem(s)); run `factbot check`", file=sys.stderr)
        return 1
    except (discord.GatewayNotFound, discord.ConnectionClosed, OSError) as exc:
        print(f"factbot: cannot reach Discord: {exc}", file=sys.stderr)
        return 1
    log.info("stopped")
    return 0


async def _reload_and_log(bot: FactBotMixin) -> None:
    log.info("SIGHUP: %s", await bot.reload_facts())
