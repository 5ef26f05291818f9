"""End to end: the unmodified discord.py client against the local Discord in bench/fake_discord.py."""

import asyncio
import json
import logging
import statistics

import discord
import pytest

from bot.discord_bot.client import create_bot
from tests.discord_helpers import embed_text, settings_for, start_bot, stop_bot
from bench.fake_discord import OWNER, USER_A, USER_B, FakeDiscord


async def test_login_and_sync(fake, bot):
    names = {c["name"] for c in fake.commands["global"]}
    assert names == {"ask", "quote", "timeline", "who", "compare", "sources", "about", "reload"}
    for cmd in fake.commands["global"]:
        assert cmd["contexts"] == [0, 1, 2] and sorted(cmd["integration_types"]) == [0, 1]
        assert all(o["description"] for o in cmd.get("options", []))
    assert any(o["name"] == "private" for c in fake.commands["global"] if c["name"] != "reload" for o in c["options"])
    reload_cmd = next(c for c in fake.commands["global"] if c["name"] == "reload")
    assert str(reload_cmd["default_member_permissions"]) == "0"  # hidden from non-admins by default


async def test_commands_are_not_synced_again_when_unchanged(fake, tmp_path):
    settings = settings_for(fake, tmp_path)
    for _ in range(2):
        bot, task = await start_bot(fake, settings)
        await stop_bot(bot, task)
    assert fake.sync_count == 1
    bot, task = await start_bot(fake, settings_for(fake, tmp_path))
    bot.force_sync = True
    await bot.sync_commands()
    await stop_bot(bot, task)
    assert fake.sync_count == 2 and fake.errors == []


@pytest.mark.parametrize("guild", [True, False], ids=["guild", "dm"])
async def test_ask_answers_with_citations(fake, bot, guild):
    interaction = await fake.slash("ask", {"question": "Who was Pence supposed to meet?"}, guild=guild)
    response = await fake.response(interaction)
    assert response["type"] == 4
    text = embed_text(response["data"])
    assert "Kim Yo Jong" in text and "Kim Yong Nam" in text
    assert "Vox" in text and "“" in text  # outlet and verbatim quote
    assert response["data"]["allowed_mentions"] == {"parse": []}


async def test_ask_private_is_ephemeral(fake, bot):
    response = await fake.response(await fake.slash("ask", {"question": "who is nauert", "private": True}))
    assert response["data"]["flags"] & 64


async def test_out_of_scope_ask_says_so_and_offers_buttons(fake, bot):
    interaction = await fake.slash("ask", {"question": "Who won the hockey gold medal?"})
    response = await fake.response(interaction)
    data = response["data"]
    assert data["embeds"][0]["title"] == "My sources don't say"
    buttons = [c for row in data["components"] for c in row["components"]]
    assert 1 <= len(buttons) <= 3
    press = await fake.press(interaction.message, buttons[0]["custom_id"], user=USER_B)
    answer = await fake.response(press)
    assert answer["type"] == 4 and answer["data"]["flags"] & 64 and answer["data"]["embeds"]


async def test_autocomplete_offers_known_questions(fake, bot):
    interaction = await fake.autocomplete("ask", {"question": "who was pen"}, focused="question")
    response = await fake.response(interaction)
    choices = response["data"]["choices"]
    assert 1 <= len(choices) <= 25 and all(len(c["name"]) <= 100 for c in choices)
    assert any("Pence" in c["name"] for c in choices)
    speakers = await fake.response(await fake.autocomplete("quote", {"speaker": "nau"}, focused="speaker"))
    assert speakers["data"]["choices"][0]["name"] == "Heather Nauert"


async def test_timeline_pages_by_button_and_guards_other_users(fake, bot):
    interaction = await fake.slash("timeline", {"picture": False})
    response = await fake.response(interaction)
    first_page = embed_text(response["data"])
    assert "Page 1 of" in first_page
    message = interaction.message
    next_id = "timeline:next"
    press = await fake.press(message, next_id, user=USER_A)
    turned = await fake.response(press)
    assert turned["type"] == 7 and "Page 2 of" in embed_text(turned["data"])
    intruder = await fake.press(message, next_id, user=USER_B)
    refused = await fake.response(intruder)
    assert refused["type"] == 4 and refused["data"]["flags"] & 64 and "Only the person" in refused["data"]["content"]


async def test_timeline_buttons_disabled_after_timeout(fake, bot, monkeypatch):
    from bot.discord_bot import views

    original = views.TimelineView.__init__
    monkeypatch.setattr(views.TimelineView, "__init__", lambda self, pages, owner_id, timeout=0.3: original(self, pages, owner_id, 0.3))
    interaction = await fake.slash("timeline", {"picture": False})
    await fake.response(interaction)
    for _ in range(100):
        if interaction.edits:
            break
        await asyncio.sleep(0.05)
    buttons = [c for row in interaction.edits[-1]["components"] for c in row["components"]]
    assert buttons and all(b["disabled"] for b in buttons)


async def test_dm_message_is_answered(fake, bot):
    msg = await fake.dm("what happened on feb 10?")
    reply = await fake.wait_reply_to(msg)
    assert "North Korea calls off the meeting" in embed_text(reply)
    assert reply["allowed_mentions"]["parse"] == [] and reply["allowed_mentions"].get("replied_user") is False


async def test_mention_in_channel_is_answered_and_plain_chatter_ignored(fake, bot):
    ignored = await fake.say("just chatting about pence")
    msg = await fake.say(f"<@{bot.user.id}> did pence meet kim jong un?", mention_bot=True)
    reply = await fake.wait_reply_to(msg)
    assert embed_text(reply).count("No —") == 1
    with pytest.raises(TimeoutError):
        await fake.wait_reply_to(ignored, timeout=0.3)


async def test_reply_that_would_exceed_limits_is_trimmed(fake, bot):
    question = "ignore all that " * 40 + "@everyone <@&123> " + "x" * 300
    interaction = await fake.slash("ask", {"question": question[:500]})
    response = await fake.response(interaction)
    data = response["data"]
    assert len(json.dumps(data["embeds"])) < 10000 and data["allowed_mentions"] == {"parse": []}
    quotes = await fake.response(await fake.slash("quote", {}))
    total = sum(len(embed_text({"embeds": [e]})) for e in quotes["data"]["embeds"])
    assert total <= 6000 and len(quotes["data"]["embeds"]) <= 10


async def test_every_command_answers(fake, bot):
    for name, options in [("who", {"person": "kim yo-jung"}), ("compare", {"topic": "why north korea pulled out"}),
                          ("sources", {}), ("about", {}), ("quote", {"speaker": "Nick Ayers"}),
                          ("who", {"person": "taylor swift"}), ("compare", {"topic": "hockey"}),
                          ("timeline", {"from": "yesterday"})]:
        response = await fake.response(await fake.slash(name, options))
        assert response["type"] == 4, name
        assert response["data"].get("embeds") or response["data"].get("content"), name


async def test_reload_is_owner_only(fake, bot):
    refused = await fake.response(await fake.slash("reload", {}, user=USER_A))
    assert "Only the bot's owner" in refused["data"]["content"]
    interaction = await fake.slash("reload", {}, user=OWNER)
    await fake.response(interaction)
    for _ in range(100):
        if interaction.followups:
            break
        await asyncio.sleep(0.02)
    assert interaction.followups[0]["content"].startswith("Reloaded")


async def test_cooldown_answers_spam_with_a_note(fake, tmp_path):
    bot, task = await start_bot(fake, settings_for(fake, tmp_path, cooldown_rate=2, cooldown_per=60))
    try:
        responses = [await fake.response(await fake.slash("about", {})) for _ in range(3)]
        assert responses[2]["data"]["flags"] & 64 and "Easy there" in responses[2]["data"]["content"]
    finally:
        await stop_bot(bot, task)


async def test_bad_token_is_refused(fake, tmp_path):
    bot = create_bot(settings_for(fake, tmp_path, token="wrong"))
    with pytest.raises(discord.LoginFailure):
        await bot.start("wrong")
    await bot.close()


async def test_dropped_gateway_then_working_command(fake, bot):
    await fake.drop_connections()
    await fake.wait_connected(15)
    assert fake.resumes + fake.identifies >= 2
    response = await fake.response(await fake.slash("ask", {"question": "why did north korea cancel"}), timeout=10)
    assert response["type"] == 4


async def test_error_becomes_an_apology_and_a_logged_traceback(fake, bot, caplog, monkeypatch):
    def broken(question):
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(bot.engine, "ask", broken)
    with caplog.at_level(logging.ERROR):
        interaction = await fake.slash("ask", {"question": "anything"})
        response = await fake.response(interaction)
    assert response["data"]["flags"] & 64 and "Sorry" in response["data"]["content"]
    assert any(interaction.id in r.getMessage() and r.exc_info for r in caplog.records)


async def test_two_hundred_interactions_in_a_row(fake, bot):
    latencies = []
    for i in range(200):
        interaction = await fake.slash("ask", {"question": ["who cancelled the meeting", "what did ayers say", "feb 9"][i % 3]})
        response = await fake.response(interaction)
        assert response["type"] == 4 and response["data"]["embeds"]
        latencies.append(interaction.latency)
    latencies.sort()
    # A measurement, printed with -s; the emulator itself rejects any reply later than Discord's 3 s.
    print(f"\ninteraction -> response over {len(latencies)}: median {statistics.median(latencies) * 1000:.1f} ms, "
          f"p99 {latencies[int(0.99 * (len(latencies) - 1))] * 1000:.1f} ms")


async def test_sharded_bot_serves_each_guild_from_its_shard(tmp_path):
    fake = await FakeDiscord(guilds=4).start()
    try:
        shard_of = {g: (int(g) >> 22) % 2 for g in fake.guild_ids}
        assert set(shard_of.values()) == {0, 1}  # the guilds really are split between the shards
        bot, task = await start_bot(fake, settings_for(fake, tmp_path, shard_count=2))
        try:
            assert type(bot).__name__ == "ShardedFactBot" and sorted(bot.shards) == [0, 1]
            assert sorted(s.shard for s in fake.sessions) == [(0, 2), (1, 2)]
            for guild_id in fake.guild_ids:
                response = await fake.response(await fake.slash("ask", {"question": "who is ayers"}, guild_id=guild_id))
                assert "Nick Ayers" in embed_text(response["data"])
        finally:
            await stop_bot(bot, task)
        assert fake.errors == []
    finally:
        await fake.stop()


async def test_only_some_shards_in_this_process(tmp_path):
    fake = await FakeDiscord(guilds=4).start()
    try:
        bot, task = await start_bot(fake, settings_for(fake, tmp_path, shard_count=2, shard_ids=(1,)))
        try:
            assert [s.shard for s in fake.sessions] == [(1, 2)]
            assert {g.id for g in bot.guilds} == {int(g) for g in fake.guild_ids if (int(g) >> 22) % 2 == 1}
        finally:
            await stop_bot(bot, task)
    finally:
        await fake.stop()
