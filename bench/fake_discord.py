"""A small local Discord: API v10 REST routes and the gateway websocket on 127.0.0.1.

The unmodified discord.py client is pointed at it by setting `discord.http.Route.BASE` and
`DiscordWebSocket.DEFAULT_GATEWAY` (bot.config: DISCORD_API_BASE / DISCORD_GATEWAY_URL). It
validates what the bot sends the way Discord does — command definitions, message and embed
limits, allowed mentions, components, autocomplete choices, acknowledging an interaction once and
within 3 seconds — and answers 400 when something is broken. Every such rejection is recorded in
`FakeDiscord.errors`; tests assert that list stays empty.

Tests drive it as users would: `slash()`, `autocomplete()`, `press()`, `dm()`, `say()`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from dataclasses import dataclass, field

from aiohttp import WSMsgType, web

API = "/api/v10"
APP_ID = 500000000000000001
BOT_ID = APP_ID
OWNER_ID = 600000000000000001
GUILD_ID = 700000000000000001
CHANNEL_ID = 710000000000000001
TOKEN = "fake.bot.token-0123456789"

USER_A = {"id": "800000000000000001", "username": "alice", "discriminator": "0", "global_name": "Alice", "avatar": None}
USER_B = {"id": "800000000000000002", "username": "bob", "discriminator": "0", "global_name": "Bob", "avatar": None}
OWNER = {"id": str(OWNER_ID), "username": "owner", "discriminator": "0", "global_name": "Owner", "avatar": None}
BOT_USER = {"id": str(BOT_ID), "username": "factbot", "discriminator": "0", "global_name": None, "avatar": None, "bot": True}

NAME_RE = re.compile(r"^[-_\w]{1,32}$")
ACK_DEADLINE = 3.0  # seconds Discord gives an interaction to be acknowledged


def jr(data, status: int = 200, headers: dict | None = None) -> web.Response:
    """JSON as Discord sends it: discord.py wants exactly `application/json`, with no charset."""
    return web.Response(body=json.dumps(data).encode(), status=status, headers=headers, content_type="application/json")


DISCORD_EPOCH_MS = 1420070400000


def snowflake_gen(start: int | None = None):
    """Ids as Discord makes them: the time in their top bits (discord.py reads created_at from
    them), a counter below. `start` gives small fixed ids instead (session ids)."""
    counter = itertools.count(1)
    if start is not None:
        return lambda: str(start + next(counter))
    return lambda: str(((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | (next(counter) & 0x3FFFFF))


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000000+00:00", time.gmtime())


class Invalid(Exception):
    """A payload Discord would reject with 400."""


@dataclass
class Interaction:
    id: str
    token: str
    type: int
    payload: dict
    created: float
    acked: asyncio.Event = field(default_factory=asyncio.Event)
    ack_at: float | None = None
    callback: dict | None = None  # the first callback body the bot sent
    message: dict | None = None  # the message it created or edited
    followups: list[dict] = field(default_factory=list)
    edits: list[dict] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def latency(self) -> float | None:
        return None if self.ack_at is None else self.ack_at - self.created


@dataclass
class Session:
    ws: web.WebSocketResponse
    session_id: str
    shard: tuple[int, int]
    seq: int = 0
    sent: list[dict] = field(default_factory=list)  # recent events, replayed on RESUME as Discord does


class FakeDiscord:
    def __init__(self, guilds: int = 1):
        self.errors: list[str] = []
        self.requests: list[tuple[str, str]] = []
        self.commands: dict[str, list[dict]] = {}  # scope ("global" or guild id) -> registered commands
        self.sync_count = 0
        self.interactions: dict[str, Interaction] = {}
        self.messages: dict[str, dict] = {}
        self.channel_messages: list[dict] = []
        self.reactions: list[tuple[str, str]] = []  # (message id, emoji) the bot added
        self.deleted: list[dict] = []  # messages the bot deleted
        self.sessions: list[Session] = []
        self.identifies = 0
        self.resumes = 0
        self.connected = asyncio.Event()
        self._ids = snowflake_gen()
        self._session_ids = snowflake_gen(0)
        self.guild_ids = [str(GUILD_ID + (i << 22)) for i in range(guilds)]  # spread over shards
        self.dm_channels: dict[str, dict] = {}
        self.faults: list[dict] = []  # injected REST faults: {"route": regex, "status": int, "times": n, "delay": s}
        self.runner: web.AppRunner | None = None
        self.port = 0

    # --- server -----------------------------------------------------------------------------

    async def start(self) -> "FakeDiscord":
        app = web.Application(middlewares=[self._middleware], client_max_size=30 * 1024 * 1024)
        r = app.router
        r.add_get("/gateway", self.gateway)
        r.add_get(API + "/users/@me", self.get_me)
        r.add_get(API + "/oauth2/applications/@me", self.get_application)
        r.add_get(API + "/gateway", self.get_gateway)
        r.add_get(API + "/gateway/bot", self.get_gateway_bot)
        r.add_put(API + "/applications/{app}/commands", self.put_commands)
        r.add_put(API + "/applications/{app}/guilds/{guild}/commands", self.put_commands)
        r.add_get(API + "/applications/{app}/commands", self.get_commands)
        r.add_get(API + "/applications/{app}/guilds/{guild}/commands", self.get_commands)
        r.add_put(API + "/channels/{cid}/messages/{mid}/reactions/{emoji}/@me", self.add_reaction)
        r.add_delete(API + "/channels/{cid}/messages/{mid}", self.delete_message)
        r.add_post(API + "/interactions/{iid}/{token}/callback", self.interaction_callback)
        r.add_post(API + "/webhooks/{app}/{token}", self.followup)
        r.add_patch(API + "/webhooks/{app}/{token}/messages/{mid}", self.edit_webhook_message)
        r.add_get(API + "/webhooks/{app}/{token}/messages/{mid}", self.get_webhook_message)
        r.add_post(API + "/channels/{cid}/messages", self.create_message)
        r.add_post(API + "/users/@me/channels", self.create_dm)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        for s in list(self.sessions):
            await s.ws.close()
        if self.runner:
            await self.runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    @web.middleware
    async def _middleware(self, request: web.Request, handler):
        self.requests.append((request.method, request.path))
        if request.path.startswith(API) and not request.path.startswith(API + "/webhooks") and "/callback" not in request.path:
            if request.headers.get("Authorization") != f"Bot {TOKEN}":
                return jr({"message": "401: Unauthorized", "code": 0}, status=401)
        for fault in self.faults:
            if fault["times"] > 0 and re.search(fault["route"], request.path) and request.method == fault.get("method", request.method):
                fault["times"] -= 1
                fault.setdefault("hits", 0)
                fault["hits"] += 1
                if fault.get("delay"):
                    await asyncio.sleep(fault["delay"])
                if fault.get("status") == 429:
                    retry = fault.get("retry_after", 0.2)
                    return jr({"message": "You are being rate limited.", "retry_after": retry, "global": False},
                                             status=429, headers={"Retry-After": str(retry), "X-RateLimit-Scope": "user",
                                                "Via": "1.1 google"})  # without Via, discord.py assumes a Cloudflare ban
                if fault.get("status"):
                    return jr({"message": "fault", "code": 0}, status=fault["status"])
        try:
            return await handler(request)
        except Invalid as exc:
            self.errors.append(f"{request.method} {request.path}: {exc}")
            return jr({"message": f"Invalid Form Body: {exc}", "code": 50035}, status=400)

    # --- gateway ----------------------------------------------------------------------------

    async def gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 30000}, "s": None, "t": None})
        session: Session | None = None
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                data = json.loads(msg.data)
                op = data.get("op")
                if op == 1:
                    await ws.send_json({"op": 11, "d": None, "s": None, "t": None})
                elif op == 2:
                    d = data["d"]
                    if d.get("token") != TOKEN:
                        await ws.close(code=4004, message=b"Authentication failed.")
                        break
                    self.identifies += 1
                    shard = tuple(d.get("shard") or (0, 1))
                    session = Session(ws, "session-" + self._session_ids(), shard)
                    self.sessions.append(session)
                    await self._dispatch(session, "READY", {
                        "v": 10, "user": BOT_USER, "session_id": session.session_id, "resume_gateway_url": self.gateway_url,
                        "guilds": [{"id": g, "unavailable": True} for g in self._guilds_for(shard)],
                        "application": {"id": str(APP_ID), "flags": 0}, "shard": list(shard),
                        "private_channels": [], "relationships": [], "presences": [],
                    })
                    for g in self._guilds_for(shard):
                        await self._dispatch(session, "GUILD_CREATE", self.guild_payload(g))
                    self.connected.set()
                elif op == 6:
                    d = data["d"]
                    old = next((s for s in self.sessions if s.session_id == d.get("session_id")), None)
                    if d.get("token") != TOKEN or old is None:
                        await ws.send_json({"op": 9, "d": False, "s": None, "t": None})
                        continue
                    self.resumes += 1
                    old.ws = ws
                    session = old
                    for event in [e for e in old.sent if e["s"] > (d.get("seq") or 0)]:
                        await ws.send_json(event)
                    await self._dispatch(session, "RESUMED", {})
                    self.connected.set()
        finally:
            if all(s.ws.closed for s in self.sessions):
                self.connected.clear()
        return ws

    def _guilds_for(self, shard: tuple[int, int]) -> list[str]:
        shard_id, count = shard
        return [g for g in self.guild_ids if (int(g) >> 22) % count == shard_id]

    def _session_for(self, guild_id: str | None) -> Session:
        """The newest session of the shard that serves this guild (a dropped one buffers until it resumes)."""
        live = list(reversed(self.sessions))
        if not live:
            raise RuntimeError("no gateway connection")
        if guild_id is None:
            return next((s for s in live if s.shard[0] == 0), live[0])
        for s in live:
            if guild_id in self._guilds_for(s.shard):
                return s
        raise RuntimeError(f"no live shard for guild {guild_id}")

    async def _dispatch(self, session: Session, event: str, data: dict) -> None:
        session.seq += 1
        payload = {"op": 0, "t": event, "s": session.seq, "d": data}
        session.sent = session.sent[-2000:] + [payload]
        if session.ws.closed:
            return  # delivered when the client resumes
        try:
            await session.ws.send_json(payload)
        except ConnectionResetError:
            pass

    async def wait_connected(self, timeout: float = 10.0) -> None:
        await asyncio.wait_for(self.connected.wait(), timeout)

    async def drop_connections(self) -> None:
        """Close every gateway connection abnormally; the client should reconnect and resume."""
        self.connected.clear()
        for s in self.sessions:
            if not s.ws.closed:
                await s.ws.close(code=4000, message=b"Unknown error")

    def guild_payload(self, guild_id: str) -> dict:
        everyone = {"id": guild_id, "name": "@everyone", "permissions": "2248473465835073", "position": 0, "color": 0,
                    "hoist": False, "managed": False, "mentionable": False, "flags": 0}
        return {
            "id": guild_id, "name": f"Test Server {guild_id[-1]}", "icon": None, "owner_id": str(OWNER_ID),
            "roles": [everyone], "emojis": [], "stickers": [], "features": [], "verification_level": 0,
            "default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0, "nsfw_level": 0,
            "premium_tier": 0, "premium_subscription_count": 0, "preferred_locale": "en-US", "afk_timeout": 300,
            "system_channel_flags": 0, "member_count": 3, "large": False, "unavailable": False, "joined_at": now_iso(),
            "channels": [{"id": self.channel_id(guild_id), "type": 0, "name": "general", "position": 0,
                          "permission_overwrites": [], "guild_id": guild_id, "nsfw": False, "topic": None,
                          "last_message_id": None, "rate_limit_per_user": 0, "parent_id": None}],
            "members": [{"user": BOT_USER, "roles": [], "joined_at": now_iso(), "deaf": False, "mute": False, "flags": 0}],
            "voice_states": [], "presences": [], "stage_instances": [], "guild_scheduled_events": [],
            # one public thread under #general, started by user A
            "threads": [{"id": self.thread_id(guild_id), "type": 11, "name": "questions", "guild_id": guild_id,
                         "parent_id": self.channel_id(guild_id), "owner_id": USER_A["id"], "member_count": 2, "message_count": 0,
                         "rate_limit_per_user": 0, "flags": 0, "last_message_id": None,
                         "thread_metadata": {"archived": False, "auto_archive_duration": 1440, "archive_timestamp": now_iso(),
                                             "locked": False}}],
        }

    @staticmethod
    def channel_id(guild_id: str) -> str:
        return str(int(guild_id) - GUILD_ID + CHANNEL_ID)

    @staticmethod
    def thread_id(guild_id: str) -> str:
        return str(int(guild_id) - GUILD_ID + CHANNEL_ID + 1)

    # --- users acting ------------------------------------------------------------------------

    def _context(self, user: dict, guild: bool, guild_id: str | None = None) -> dict:
        if guild:
            gid = guild_id or self.guild_ids[0]
            return {
                "guild_id": gid, "channel_id": self.channel_id(gid),
                "channel": {"id": self.channel_id(gid), "type": 0, "name": "general", "guild_id": gid, "position": 0,
                            "permission_overwrites": [], "nsfw": False, "parent_id": None},
                "member": {"user": user, "roles": [], "joined_at": now_iso(), "deaf": False, "mute": False, "flags": 0,
                           "permissions": "2248473465835073"},
                "authorizing_integration_owners": {"0": gid}, "context": 0, "guild_locale": "en-US",
            }
        dm = self._dm_channel(user)
        return {"channel_id": dm["id"], "channel": {"id": dm["id"], "type": 1, "recipients": [user]}, "user": user,
                "authorizing_integration_owners": {"1": user["id"]}, "context": 1}

    def _dm_channel(self, user: dict) -> dict:
        if user["id"] not in self.dm_channels:
            self.dm_channels[user["id"]] = {"id": self._ids(), "type": 1, "recipients": [user], "last_message_id": None}
        return self.dm_channels[user["id"]]

    async def _interact(self, itype: int, data: dict, user: dict, guild: bool, guild_id: str | None = None,
                        message: dict | None = None) -> Interaction:
        iid = self._ids()
        payload = {"id": iid, "application_id": str(APP_ID), "type": itype, "token": f"itoken-{iid}", "version": 1,
                   "data": data, "locale": "en-US", "app_permissions": "2248473465835073", "entitlements": [],
                   "attachment_size_limit": 26214400, **self._context(user, guild, guild_id)}
        if message is not None:
            payload["message"] = message
        interaction = Interaction(iid, payload["token"], itype, payload, time.monotonic())
        self.interactions[iid] = interaction
        await self._dispatch(self._session_for(payload.get("guild_id")), "INTERACTION_CREATE", payload)
        return interaction

    def _command(self, name: str, guild_id: str | None) -> dict:
        for scope in ([guild_id] if guild_id else []) + ["global"]:
            for cmd in self.commands.get(scope, []):
                if cmd["name"] == name:
                    return cmd
        raise KeyError(f"/{name} is not registered")

    def _options(self, cmd: dict, options: dict, focused: str | None = None) -> list[dict]:
        out = []
        by_name = {o["name"]: o for o in cmd.get("options", [])}
        for name, value in options.items():
            spec = by_name[name]
            item = {"name": name, "type": spec["type"], "value": value}
            if name == focused:
                item["focused"] = True
            out.append(item)
        return out

    async def slash(self, name: str, options: dict | None = None, user: dict = USER_A, guild: bool = True,
                    guild_id: str | None = None) -> Interaction:
        cmd = self._command(name, (guild_id or self.guild_ids[0]) if guild else None)
        data = {"id": cmd["id"], "name": name, "type": 1, "options": self._options(cmd, options or {})}
        if guild and cmd in self.commands.get(guild_id or self.guild_ids[0], []):
            data["guild_id"] = guild_id or self.guild_ids[0]  # Discord marks a guild command's interactions
        return await self._interact(2, data, user, guild, guild_id)

    async def autocomplete(self, name: str, options: dict, focused: str, user: dict = USER_A, guild: bool = True) -> Interaction:
        cmd = self._command(name, None)
        data = {"id": cmd["id"], "name": name, "type": 1, "options": self._options(cmd, options, focused)}
        return await self._interact(4, data, user, guild)

    async def message_command(self, name: str, target: dict, user: dict = USER_A, guild: bool = True) -> Interaction:
        """Right-click a message → Apps → `name`: a message command (type 3) with the message resolved."""
        cmd = self._command(name, self.guild_ids[0] if guild else None)
        if cmd.get("type") != 3:
            raise KeyError(f"{name} is not a message command")
        data = {"id": cmd["id"], "name": name, "type": 3, "target_id": target["id"],
                "resolved": {"messages": {target["id"]: _public(target)}}}
        return await self._interact(2, data, user, guild)

    def _component(self, message: dict, custom_id: str) -> dict:
        """The component a user can act on: it must exist in the message and not be disabled."""
        current = self.messages.get(message["id"], message)
        for row in current.get("components", []):
            for c in row.get("components", []):
                if c.get("custom_id") == custom_id:
                    if c.get("disabled"):
                        raise ValueError(f"{custom_id} is disabled; Discord does not let anyone press it")
                    return c
        raise KeyError(f"no component {custom_id!r} in message {message['id']}")

    async def press(self, message: dict, custom_id: str, user: dict = USER_A, guild: bool = True) -> Interaction:
        self._component(message, custom_id)
        data = {"custom_id": custom_id, "component_type": 2}
        return await self._interact(3, data, user, guild, message=_public(self.messages.get(message["id"], message)))

    async def select(self, message: dict, custom_id: str, values: list[str], user: dict = USER_A, guild: bool = True) -> Interaction:
        component = self._component(message, custom_id)
        offered = {o["value"] for o in component.get("options", [])}
        if component.get("type") != 3 or not set(values) <= offered:
            raise ValueError(f"{values} are not options of select {custom_id}")
        data = {"custom_id": custom_id, "component_type": 3, "values": values}
        return await self._interact(3, data, user, guild, message=_public(self.messages.get(message["id"], message)))

    async def dm(self, content: str, user: dict = USER_A) -> dict:
        channel = self._dm_channel(user)
        msg = self._user_message(channel["id"], None, user, content, mentions=[])
        await self._dispatch(self._session_for(None), "MESSAGE_CREATE", msg)
        return msg

    async def say(self, content: str, user: dict = USER_A, mention_bot: bool = False, guild_id: str | None = None,
                  reply_to: dict | None = None, in_thread: bool = False) -> dict:
        """A message in a server channel (or, `in_thread`, in the guild's thread); `reply_to` makes it
        a Discord reply to that message (as Discord does, replying to the bot mentions it unless the
        user turns the ping off)."""
        gid = guild_id or self.guild_ids[0]
        mentions = [{**BOT_USER, "member": {"roles": [], "joined_at": now_iso(), "deaf": False, "mute": False, "flags": 0}}] if mention_bot else []
        msg = self._user_message(self.thread_id(gid) if in_thread else self.channel_id(gid), gid, user, content, mentions)
        if reply_to is not None:
            msg["type"] = 19
            msg["message_reference"] = {"message_id": reply_to["id"], "channel_id": reply_to["channel_id"], "guild_id": gid}
            msg["referenced_message"] = reply_to
        await self._dispatch(self._session_for(gid), "MESSAGE_CREATE", msg)
        return msg

    def _user_message(self, channel_id: str, guild_id: str | None, user: dict, content: str, mentions: list) -> dict:
        msg = {"id": self._ids(), "channel_id": channel_id, "author": user, "content": content, "timestamp": now_iso(),
               "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": mentions,
               "mention_roles": [], "attachments": [], "embeds": [], "pinned": False, "type": 0, "flags": 0, "components": []}
        if guild_id:
            msg["guild_id"] = guild_id
            msg["member"] = {"roles": [], "joined_at": now_iso(), "deaf": False, "mute": False, "flags": 0}
        self.messages[msg["id"]] = msg
        return msg

    async def wait_reply_to(self, message: dict, timeout: float = 5.0) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for m in self.channel_messages:
                if str((m.get("message_reference") or {}).get("message_id")) == message["id"]:
                    return m
            await asyncio.sleep(0.01)
        raise TimeoutError(f"no reply to message {message['id']}")

    async def response(self, interaction: Interaction, timeout: float = 5.0) -> dict:
        await asyncio.wait_for(interaction.acked.wait(), timeout)
        return interaction.callback

    # --- REST: identity and commands ---------------------------------------------------------

    async def get_me(self, request):
        return jr({**BOT_USER, "verified": True, "mfa_enabled": False, "flags": 0})

    async def get_application(self, request):
        return jr({
            "id": str(APP_ID), "name": "factbot", "icon": None, "description": "", "bot_public": True,
            "bot_require_code_grant": False, "owner": OWNER, "team": None, "verify_key": "0" * 64, "flags": 0,
            "summary": "", "interactions_endpoint_url": None,
        })

    async def get_gateway(self, request):
        return jr({"url": self.gateway_url})

    async def get_gateway_bot(self, request):
        return jr({"url": self.gateway_url, "shards": 1, "session_start_limit": {
            "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}})

    async def put_commands(self, request):
        body = await request.json()
        if not isinstance(body, list) or len(body) > 100:
            raise Invalid("expected a list of at most 100 commands")
        names = set()
        out = []
        for cmd in body:
            validate_command(cmd)
            if cmd["name"] in names:
                raise Invalid(f"duplicate command name {cmd['name']}")
            names.add(cmd["name"])
            out.append({**cmd, "id": self._ids(), "application_id": str(APP_ID), "version": self._ids(), "description": cmd.get("description", ""),
                        "default_member_permissions": cmd.get("default_member_permissions"), "type": cmd.get("type", 1)})
        scope = request.match_info.get("guild", "global")
        self.commands[scope] = out
        self.sync_count += 1
        return jr(out)

    async def get_commands(self, request):
        return jr(self.commands.get(request.match_info.get("guild", "global"), []))

    async def add_reaction(self, request):
        msg = self.messages.get(request.match_info["mid"])
        if msg is None:
            return jr({"message": "Unknown Message", "code": 10008}, status=404)
        self.reactions.append((msg["id"], request.match_info["emoji"]))
        return web.Response(status=204)

    async def delete_message(self, request):
        msg = self.messages.pop(request.match_info["mid"], None)
        if msg is None:
            return jr({"message": "Unknown Message", "code": 10008}, status=404)
        self.deleted.append(msg)
        self.channel_messages = [m for m in self.channel_messages if m["id"] != msg["id"]]
        return web.Response(status=204)

    # --- REST: interactions and messages -----------------------------------------------------

    async def _body(self, request) -> tuple[dict, list[dict]]:
        """JSON body, or multipart with payload_json and files."""
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            payload, files = {}, []
            async for part in reader:
                if part.name == "payload_json":
                    payload = json.loads(await part.text())
                else:
                    data = await part.read()
                    files.append({"name": part.name, "filename": part.filename, "size": len(data), "data": data})
            return payload, files
        return (await request.json() if request.can_read_body else {}), []

    def _message(self, body: dict, files: list[dict], channel_id: str, flags: int = 0, reference: dict | None = None,
                 interaction: Interaction | None = None) -> dict:
        validate_message(body, files)
        attachments = [{"id": self._ids(), "filename": f["filename"], "size": f["size"], "url": f"https://cdn.invalid/{f['filename']}",
                        "proxy_url": f"https://cdn.invalid/{f['filename']}", "content_type": "image/png", "data": f["data"]}
                       for f in files]
        msg = {"id": self._ids(), "channel_id": channel_id, "author": BOT_USER, "content": body.get("content") or "",
               "embeds": body.get("embeds") or [], "components": _materialize_components(body.get("components") or []),
               "attachments": attachments, "timestamp": now_iso(), "edited_timestamp": None, "tts": False,
               "mention_everyone": False, "mentions": [], "mention_roles": [], "pinned": False,
               "type": 19 if reference else (20 if interaction else 0), "flags": (body.get("flags") or 0) | flags,
               "allowed_mentions": body.get("allowed_mentions")}
        if reference:
            msg["message_reference"] = reference
        if interaction is not None:
            msg["interaction_metadata"] = {"id": interaction.id, "type": interaction.type,
                                           "user": interaction.payload.get("user") or interaction.payload["member"]["user"],
                                           "authorizing_integration_owners": interaction.payload["authorizing_integration_owners"]}
            if "guild_id" in interaction.payload:
                msg["guild_id"] = interaction.payload["guild_id"]
        self.messages[msg["id"]] = msg
        return msg

    async def interaction_callback(self, request):
        interaction = self.interactions.get(request.match_info["iid"])
        if interaction is None or interaction.token != request.match_info["token"]:
            return jr({"message": "Unknown interaction", "code": 10062}, status=404)
        if interaction.acked.is_set():
            self.errors.append(f"interaction {interaction.id} acknowledged twice")
            return jr({"message": "Interaction has already been acknowledged.", "code": 40060}, status=400)
        if time.monotonic() - interaction.created > ACK_DEADLINE:
            self.errors.append(f"interaction {interaction.id} acknowledged after {ACK_DEADLINE} s")
            return jr({"message": "Unknown interaction", "code": 10062}, status=404)
        body, files = await self._body(request)
        ctype = body.get("type")
        data = body.get("data") or {}
        allowed = {2: {1, 4, 5, 9}, 3: {4, 5, 6, 7, 9}, 4: {8}}[interaction.type]
        if ctype not in allowed:
            raise Invalid(f"callback type {ctype} is not valid for interaction type {interaction.type}")
        message = None
        channel_id = interaction.payload["channel_id"]
        if ctype == 8:
            validate_choices(data.get("choices"))
        elif ctype == 4:
            message = self._message(data, files, channel_id, interaction=interaction)
        elif ctype == 7:
            original = interaction.payload["message"]
            validate_message({**data, "allowed_mentions": data.get("allowed_mentions", {"parse": []})}, files, edit=True)
            message = {**self.messages.get(original["id"], original), **{k: v for k, v in data.items() if k in ("content", "embeds")}}
            if "components" in data:
                message["components"] = _materialize_components(data["components"])
            message["attachments"] = [a for a in message.get("attachments", []) if any(
                str(a["id"]) == str(k.get("id")) for k in data.get("attachments", []))] if "attachments" in data else message.get("attachments", [])
            self.messages[message["id"]] = message
        elif ctype == 5:
            message = self._message({"content": "", "flags": (data.get("flags") or 0) | 128, "allowed_mentions": {"parse": []}},
                                    [], channel_id, interaction=interaction)  # "thinking…" until a follow-up
        interaction.callback = {**body, "files": files}
        interaction.message = message
        interaction.ack_at = time.monotonic()
        interaction.acked.set()
        interaction.changed.set()
        response = {"interaction": {"id": interaction.id, "type": interaction.type,
                                    "response_message_id": message["id"] if message else None,
                                    "response_message_loading": ctype == 5,
                                    "response_message_ephemeral": bool((data.get("flags") or 0) & 64)}}
        if message is not None:
            response["resource"] = {"type": ctype, "message": _public(message)}
        return jr(response)

    def _interaction_by_token(self, token: str) -> Interaction:
        for i in self.interactions.values():
            if i.token == token:
                return i
        raise web.HTTPNotFound()

    async def followup(self, request):
        interaction = self._interaction_by_token(request.match_info["token"])
        if not interaction.acked.is_set():
            raise Invalid("follow-up before the interaction was acknowledged")
        body, files = await self._body(request)
        msg = self._message(body, files, interaction.payload["channel_id"], interaction=interaction)
        interaction.followups.append(msg)
        interaction.changed.set()
        return jr(_public(msg))

    async def edit_webhook_message(self, request):
        interaction = self._interaction_by_token(request.match_info["token"])
        body, files = await self._body(request)
        validate_message({**body, "allowed_mentions": body.get("allowed_mentions", {"parse": []})}, files, edit=True)
        mid = request.match_info["mid"]
        target = interaction.message if mid == "@original" else self.messages.get(mid)
        if target is None:
            return jr({"message": "Unknown Message", "code": 10008}, status=404)
        target.update({k: v for k, v in body.items() if k in ("content", "embeds")})
        if "components" in body:
            target["components"] = _materialize_components(body["components"])
        interaction.edits.append(body)
        interaction.changed.set()
        return jr(_public(target))

    async def get_webhook_message(self, request):
        interaction = self._interaction_by_token(request.match_info["token"])
        if interaction.message is None:
            return jr({"message": "Unknown Message", "code": 10008}, status=404)
        return jr(_public(interaction.message))

    async def create_message(self, request):
        body, files = await self._body(request)
        msg = self._message(body, files, request.match_info["cid"], reference=body.get("message_reference"))
        self.channel_messages.append(msg)
        return jr(_public(msg))

    async def create_dm(self, request):
        body = await request.json()
        user = next(u for u in (USER_A, USER_B, OWNER) if u["id"] == str(body["recipient_id"]))
        return jr(self._dm_channel(user))


# --- Discord's validation rules -----------------------------------------------------------------


def _public(msg: dict) -> dict:
    out = {k: v for k, v in msg.items() if k != "allowed_mentions"}
    out["attachments"] = [{k: v for k, v in a.items() if k != "data"} for a in msg.get("attachments", [])]
    return out


def _materialize_components(rows: list[dict]) -> list[dict]:
    return [{**row, "id": i + 1} for i, row in enumerate(rows)]


def validate_command(cmd: dict) -> None:
    if cmd.get("type", 1) in (2, 3):  # user and message commands: a display name, no description or options
        name = cmd.get("name", "")
        if not 1 <= len(name) <= 32 or name != name.strip():
            raise Invalid(f"context menu name {name!r} must be 1-32 characters")
        if cmd.get("description") or cmd.get("options"):
            raise Invalid(f"context menu {name!r} cannot have a description or options")
        return
    name = cmd.get("name", "")
    if not NAME_RE.match(name) or name != name.lower():
        raise Invalid(f"command name {name!r} is invalid")
    desc = cmd.get("description", "")
    if not 1 <= len(desc) <= 100:
        raise Invalid(f"/{name}: description must be 1-100 characters, has {len(desc)}")
    options = cmd.get("options", [])
    if len(options) > 25:
        raise Invalid(f"/{name}: more than 25 options")
    seen_optional = False
    total = len(name) + len(desc)
    for opt in options:
        oname, odesc = opt.get("name", ""), opt.get("description", "")
        if not NAME_RE.match(oname) or oname != oname.lower():
            raise Invalid(f"/{name}: option name {oname!r} is invalid")
        if not 1 <= len(odesc) <= 100:
            raise Invalid(f"/{name} {oname}: option description must be 1-100 characters, has {len(odesc)}")
        if opt.get("required"):
            if seen_optional:
                raise Invalid(f"/{name}: required option {oname} after an optional one")
        else:
            seen_optional = True
        if len(opt.get("choices", [])) > 25:
            raise Invalid(f"/{name} {oname}: more than 25 choices")
        if opt.get("choices") and opt.get("autocomplete"):
            raise Invalid(f"/{name} {oname}: choices and autocomplete together")
        total += len(oname) + len(odesc)
    if total > 4000:
        raise Invalid(f"/{name}: more than 4000 characters in names and descriptions")
    for key in ("contexts", "integration_types"):
        if key in cmd and cmd[key] is not None and not isinstance(cmd[key], list):
            raise Invalid(f"/{name}: {key} must be a list")


def validate_choices(choices) -> None:
    if not isinstance(choices, list) or len(choices) > 25:
        raise Invalid("autocomplete must return a list of at most 25 choices")
    for c in choices:
        if not 1 <= len(c.get("name", "")) <= 100:
            raise Invalid(f"choice name must be 1-100 characters: {c.get('name')!r}")
        if isinstance(c.get("value"), str) and len(c["value"]) > 100:
            raise Invalid(f"choice value over 100 characters: {c['value'][:30]!r}…")


def validate_message(body: dict, files: list[dict], edit: bool = False) -> None:
    content = body.get("content") or ""
    embeds = body.get("embeds") or []
    if len(content) > 2000:
        raise Invalid(f"content is {len(content)} characters (max 2000)")
    if not edit and not content and not embeds and not files and not body.get("components") and not (body.get("flags") or 0) & 128:
        raise Invalid("Cannot send an empty message")
    if len(embeds) > 10:
        raise Invalid("more than 10 embeds")
    total = 0
    for e in embeds:
        for key, limit in (("title", 256), ("description", 4096)):
            value = e.get(key) or ""
            if len(value) > limit:
                raise Invalid(f"embed {key} is {len(value)} characters (max {limit})")
            total += len(value)
        fields = e.get("fields") or []
        if len(fields) > 25:
            raise Invalid(f"embed has {len(fields)} fields (max 25)")
        for f in fields:
            if not 1 <= len(f.get("name") or "") <= 256:
                raise Invalid(f"field name must be 1-256 characters: {len(f.get('name') or '')}")
            if not 1 <= len(f.get("value") or "") <= 1024:
                raise Invalid(f"field value must be 1-1024 characters: {len(f.get('value') or '')}")
            total += len(f["name"]) + len(f["value"])
        footer = (e.get("footer") or {}).get("text") or ""
        if len(footer) > 2048:
            raise Invalid("footer over 2048 characters")
        author = (e.get("author") or {}).get("name") or ""
        if len(author) > 256:
            raise Invalid("author name over 256 characters")
        total += len(footer) + len(author)
        url = e.get("url")
        if url is not None and not re.match(r"^https?://", url):
            raise Invalid(f"embed url {url!r} is not http(s)")
    if total > 6000:
        raise Invalid(f"embeds total {total} characters (max 6000)")
    allowed = body.get("allowed_mentions")
    if allowed is None or allowed.get("parse") or allowed.get("users") or allowed.get("roles") or allowed.get("replied_user"):
        raise Invalid(f"allowed_mentions would ping someone: {allowed!r}")
    rows = body.get("components") or []
    custom_ids: set[str] = set()
    if len(rows) > 5:
        raise Invalid("more than 5 action rows")
    for row in rows:
        items = row.get("components", [])
        if row.get("type") != 1 or not 1 <= len(items) <= 5:
            raise Invalid("an action row needs 1-5 components")
        for c in items:
            if c.get("type") == 2:
                if len(c.get("label") or "") > 80:
                    raise Invalid("button label over 80 characters")
                if c.get("style") == 5:
                    if not re.match(r"^https?://", c.get("url") or "") or c.get("custom_id"):
                        raise Invalid("a link button needs an http(s) url and no custom_id")
                elif not 1 <= len(c.get("custom_id") or "") <= 100:
                    raise Invalid("button custom_id must be 1-100 characters")
            elif c.get("type") == 3:
                options = c.get("options") or []
                if len(items) != 1:
                    raise Invalid("a select menu needs an action row to itself")
                if not 1 <= len(options) <= 25 or len({o["value"] for o in options}) != len(options):
                    raise Invalid("a select menu needs 1-25 options with distinct values")
                if any(not 1 <= len(o.get("label") or "") <= 100 or len(o["value"]) > 100 for o in options):
                    raise Invalid("select option label must be 1-100 characters, value at most 100")
                if not 1 <= len(c.get("custom_id") or "") <= 100:
                    raise Invalid("select custom_id must be 1-100 characters")
            if c.get("custom_id"):
                if c["custom_id"] in custom_ids:
                    raise Invalid(f"custom_id {c['custom_id']!r} used twice in one message")
                custom_ids.add(c["custom_id"])
    for f in files:
        if f["size"] > 10 * 1024 * 1024:
            raise Invalid("attachment over 10 MiB")
