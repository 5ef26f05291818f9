"""The Discord client: intents, start-up, command sync, DMs and mentions, errors, shutdown."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
import hashlib
import io
import json
import logging
import signal
import sys
import time
from pathlib import Path
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.ext.commands import CooldownMapping

from bot import render
from bot.chat import APOLOGY, help_text, is_thanks, respond_in, you_are_welcome
from bot.conversation import ConversationStore
from bot.config import Settings
from bot.engine import Engine
from bot.facts import DEFAULT_FACTS, FactBaseError, Person
from bot.loader import load_engine

# These two use this module's FactBot and apologize by module reference, at call time.
from bot.discord_bot import commands, embeds, views  # noqa: E402  (after the names they need)

log = logging.getLogger("factbot")

COOLDOWN_REACTION = "⏳"


def cooldown_note(retry: float) -> str:
    """With a live Discord timestamp ("in 12 seconds"), counting down on the reader's screen."""
    return f"Easy there — you can ask again <t:{int(time.time() + retry) + 1}:R>."


MAX_THREADS = 5000  # threads remembered as ones the bot answered in


def bot_intents() -> discord.Intents:
    """The least the bot needs: guilds (channels and app commands), and message events in servers
    (for mentions) and DMs. Message *content* is a privileged intent and not needed: Discord sends
    the content of DMs and of messages that mention the bot anyway."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    return intents


async def apologize(interaction: discord.Interaction[Any]) -> None:
    """The one short apology for anything that went wrong in a command, button or menu."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(APOLOGY, ephemeral=True)
        else:
            await interaction.response.send_message(APOLOGY, ephemeral=True)
    except discord.HTTPException:
        log.exception("could not apologise for interaction %s", interaction.id)


async def spend_answer(interaction: discord.Interaction[FactBot]) -> None:
    """Count one answer against the user's cooldown; raises CommandOnCooldown (answered by the tree)."""
    retry = interaction.client.cooldown_retry(interaction.user)
    if retry:
        raise app_commands.CommandOnCooldown(interaction.client.cooldown_rule, retry)


class FactTree(app_commands.CommandTree["FactBot"]):
    async def on_error(self, interaction: discord.Interaction[FactBot], error: app_commands.AppCommandError) -> None:
        if isinstance(error, app_commands.CommandOnCooldown):
            await interaction.response.send_message(cooldown_note(error.retry_after), ephemeral=True)
            return
        log.error("error in interaction %s (/%s)", interaction.id,
                  interaction.command.name if interaction.command else "?", exc_info=error)
        await apologize(interaction)


class FactBot(discord.AutoShardedClient):
    """The bot: one process serves the shards it is given (all of them by default)."""

    def __init__(self, settings: Settings, facts_path: Path | str = DEFAULT_FACTS, force_sync: bool = False, **options: Any):
        super().__init__(intents=bot_intents(), allowed_mentions=discord.AllowedMentions.none(), **options)
        self.settings = settings
        self.facts_path = Path(facts_path)
        self.force_sync = force_sync
        self.tree = FactTree(self)
        self.cooldown: CooldownMapping[discord.abc.User] = CooldownMapping.from_cooldown(
            settings.cooldown_rate, settings.cooldown_per, lambda user: user.id)
        self.cooldown_rule = app_commands.Cooldown(settings.cooldown_rate, settings.cooldown_per)
        self.command_ids: dict[str, int] = {}
        self._engine: Engine | None = None
        self._timeline_png: bytes = b""
        self._reload_lock = asyncio.Lock()
        self.conversations = ConversationStore()  # follow-ups in DMs, reply chains and threads; memory only
        self.asked = ConversationStore()  # each user's last /ask per channel, for a question that can't be read alone
        self.answered_threads: OrderedDict[int, None] = OrderedDict()  # threads the bot answered in (ids only, bounded)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("the fact base is not loaded yet")
        return self._engine

    # --- start-up -----------------------------------------------------------------------------

    async def setup_hook(self) -> None:
        self._engine, self._timeline_png = await asyncio.get_running_loop().run_in_executor(None, self._prepare)
        log.info("fact base loaded: %s", ", ".join(f"{n} {k}" for k, n in self.engine.fb.counts().items()))
        self.add_dynamic_items(*views.DYNAMIC_ITEMS)  # buttons answer after a restart
        for command in commands.global_commands(self.engine.fb.meta):
            self.tree.add_command(command)
        owner_guild = discord.Object(self.settings.guild_id) if self.settings.guild_id else None
        if owner_guild is not None:
            for command in commands.OWNER_COMMANDS:
                self.tree.add_command(command, guild=owner_guild)
        await self.sync_commands(None)
        if owner_guild is not None:
            await self.sync_commands(owner_guild)

    async def sync_commands(self, guild: discord.Object | None = None) -> None:
        """Sync only when the command definitions changed since the last sync (or when forced);
        either way learn the commands' ids, for clickable mentions (</ask:id>)."""
        payload = json.dumps([c.to_dict(self.tree) for c in self.tree.get_commands(guild=guild)], sort_keys=True)
        digest = hashlib.sha256(payload.encode()).hexdigest()
        scope = f"guild-{guild.id}" if guild else "global"
        marker = self.settings.state_dir / f"commands-{self.application_id}-{scope}.sha256"
        if not self.force_sync and marker.is_file() and marker.read_text().strip() == digest:
            log.info("slash commands unchanged (%s); not syncing", scope)
            synced = await self.tree.fetch_commands(guild=guild)
        else:
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands (%s)", len(synced), scope)
            try:
                marker.parent.mkdir(parents=True, exist_ok=True)
                marker.write_text(digest)
            except OSError as exc:
                log.warning("could not record the command sync in %s: %s", marker, exc)
        if guild is None:
            self.command_ids = {c.name: c.id for c in synced}

    async def on_app_command_completion(self, interaction: discord.Interaction[FactBot], command: Any) -> None:
        # What happened, without what the user typed: command, where, and how long it took.
        where = f"guild {interaction.guild_id}" if interaction.guild_id else "DM"
        elapsed = (discord.utils.utcnow() - interaction.created_at).total_seconds() * 1000
        log.info("/%s in %s answered (interaction %s, %.0f ms)", command.name, where, interaction.id, elapsed)

    async def on_ready(self) -> None:
        log.info("connected as %s (id %s) to %d server(s)", self.user, self.user.id if self.user else "?", len(self.guilds))

    # --- what the commands and buttons share --------------------------------------------------

    def cooldown_retry(self, user: discord.abc.User) -> float | None:
        """Count one answer for `user`: None if allowed, else the seconds until the next."""
        return self.cooldown.update_rate_limit(user)

    async def refuse_if_cooling(self, interaction: discord.Interaction[FactBot]) -> bool:
        retry = self.cooldown_retry(interaction.user)
        if retry:
            await interaction.response.send_message(cooldown_note(retry), ephemeral=True)
            return True
        return False

    def mention(self, name: str) -> str:
        """A clickable command mention when the command's id is known, else `/name`."""
        cid = self.command_ids.get(name)
        return f"</{name}:{cid}>" if cid else f"`/{name}`"

    def help_card(self) -> render.Card:
        m = self.mention
        return render.Card("How to use factbot", help_text(self.engine.fb.meta), [
            ("Commands", f"{m('ask')} a question · {m('quote')} exact words · {m('timeline')} the dates · "
                         f"{m('who')} the people · {m('compare')} where outlets differ · {m('sources')} the articles · "
                         f"{m('about')} this bot"),
            ("Fact-check a message", "Right-click (or long-press) a message → Apps → **Fact-check with factbot**: "
                                     "I check each claim in it and tell only you."),
            ("Messages", "Write to me in a DM, or mention me in a channel, and I answer as /ask does."),
        ])

    def about_card(self) -> render.Card:
        fb = self.engine.fb
        return render.Card("About factbot", fb.meta.about, [
            ("Sources", "\n".join(f"**{s.name}** — {s.title or '(no headline)'}" for s in fb.sources)),
            ("Honesty", "If the articles don't say, I say so. Every quote I show is verbatim from the article I name."),
            ("Start", f"{self.mention('help')} lists everything; or just {self.mention('ask')}."),
        ], footer=f"{len(fb.facts)} facts · {len(fb.quotes)} quotes · {len(fb.events)} events")

    def compare_topics(self) -> list[str]:
        """Topics where the outlets differ; curators' notes on typos are not among them."""
        notes = {d.topic for d in self.engine.fb.discrepancies if getattr(d, "kind", "disagreement") != "disagreement"}
        return [t for t in self.engine.compare_topics() if t not in notes]

    def lookup_people(self) -> list[Person]:
        """The people /who offers: not the photographers credited in captions, not the outlets."""
        return [p for p in self.engine.fb.people if p.publishes is None and not p.role.lower().startswith("photographer")]

    def quote_page(self, speaker: str, page: int, private: bool) -> tuple[discord.Embed, discord.ui.View]:
        fb = self.engine.fb
        quotes = [q for q in fb.quotes if speaker in (views.ALL_SPEAKERS, q.speaker)]
        speakers = [(p.id, p.name) for p in self.engine.speakers()]
        return views.quote_page(fb, quotes, speaker, page, speakers, private)

    # --- messages: DMs, and mentions in servers -----------------------------------------------

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.user is None or self._engine is None:
            return
        continues = message.guild is None  # a DM is one conversation
        if message.guild is not None:
            if not any(u.id == self.user.id for u in message.mentions):
                return
            text = message.content.replace(f"<@{self.user.id}>", " ").replace(f"<@!{self.user.id}>", " ")
            reply_to = message.reference.resolved if message.reference is not None else None
            # A reply to one of the bot's messages, or a mention in a thread the bot answered in,
            # continues that conversation; a new mention anywhere else starts afresh.
            continues = (isinstance(reply_to, discord.Message) and reply_to.author.id == self.user.id
                         or isinstance(message.channel, discord.Thread) and message.channel.id in self.answered_threads)
        else:
            text = message.content
        key = (message.channel.id, message.author.id)
        try:
            # Help, greetings and thanks: never counted, never "not in my sources".
            if is_thanks(text):
                await message.reply(you_are_welcome(self.engine.fb.meta, text), mention_author=False)
                return
            turn, conversation = respond_in(self.engine, text, self.conversations.get(key) if continues else None)
            if turn is None:
                await message.reply(embed=embeds.card_to_embed(self.help_card()), mention_author=False)
                return
            retry = self.cooldown_retry(message.author)
            if retry:
                await self._cool_down(message, retry)
                return
            if conversation is not None:
                self.conversations.put(key, conversation)
            reply = views.answer_reply(self.engine.fb, turn.result, private=False)
            reply.pop("ephemeral")
            await message.reply(content=turn.note, **reply, mention_author=False)
            if isinstance(message.channel, discord.Thread):
                self._answered_in(message.channel.id)
        except Exception:
            log.exception("error answering message %s from user %s", message.id, message.author.id)
            try:
                await message.reply(APOLOGY, mention_author=False)
            except discord.HTTPException:
                pass

    def _answered_in(self, thread_id: int) -> None:
        self.answered_threads[thread_id] = None
        self.answered_threads.move_to_end(thread_id)
        while len(self.answered_threads) > MAX_THREADS:
            self.answered_threads.popitem(last=False)

    async def _cool_down(self, message: discord.Message, retry: float) -> None:
        """A reaction on the message, and a note that deletes itself when the wait is over."""
        try:
            await message.add_reaction(COOLDOWN_REACTION)
        except discord.HTTPException:
            pass
        await message.reply(cooldown_note(retry), mention_author=False, delete_after=retry)

    async def is_owner(self, user: discord.abc.User) -> bool:
        """The application's owner, or any member of its team."""
        app_info = self.application or await self.application_info()
        if app_info.team:
            return user.id in {m.id for m in app_info.team.members}
        return user.id == app_info.owner.id

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
            self._engine, self._timeline_png = engine, picture
            counts = engine.fb.counts()
            log.info("fact base reloaded: %s", counts)
            return "Reloaded: " + ", ".join(f"{n} {k}" for k, n in counts.items())

    def _prepare(self) -> tuple[Engine, bytes]:
        """Off the event loop: the engine and the timeline picture (drawn once per fact base, so
        /timeline never draws it inside Discord's 3-second window)."""
        from bot import timeline_image

        engine = load_engine(self.facts_path)
        return engine, timeline_image.render_timeline_png(engine.fb, engine.fb.events)

    def timeline_png(self) -> io.BytesIO:
        return io.BytesIO(self._timeline_png)


def create_bot(settings: Settings, facts_path: Path | str = DEFAULT_FACTS, force_sync: bool = False,
               **client_options: Any) -> FactBot:
    """The bot for these settings, serving SHARD_IDS of SHARD_COUNT shards when they are set.
    `client_options` go to discord.py's client (the tests shorten `guild_ready_timeout`)."""
    if settings.api_base:
        discord.http.Route.BASE = settings.api_base.rstrip("/")
    if settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)
    if settings.shard_count:
        client_options.update(shard_count=settings.shard_count,
                              shard_ids=list(settings.shard_ids) if settings.shard_ids else None)
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
    if not settings.token:
        print("factbot: DISCORD_TOKEN is not set", file=sys.stderr)
        return 2
    token = settings.token
    setup_logging(settings)
    bot = create_bot(settings, facts_path, force_sync)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        stopping = asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stopping.set)
        loop.add_signal_handler(signal.SIGHUP, lambda: asyncio.ensure_future(_reload_and_log(bot)))
        async with bot:
            runner = asyncio.create_task(bot.start(token))
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


async def _reload_and_log(bot: FactBot) -> None:
    log.info("SIGHUP: %s", await bot.reload_facts())
