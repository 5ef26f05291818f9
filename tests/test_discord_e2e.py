"""End to end: the unmodified discord.py client against the local Discord in bench/fake_discord.py."""

import json
import re
import logging
import statistics

import discord
import pytest

from bot.discord_bot.client import create_bot
from tests.discord_helpers import components, custom_id, embed_text, followup, settings_for, start_bot, stop_bot
from bench.fake_discord import OWNER, USER_A, USER_B, FakeDiscord
from tests.tiny_factbase import write_tiny_factbase


async def test_login_and_sync(fake, bot):
    names = {c["name"] for c in fake.commands["global"]}
    assert names == {"ask", "quote", "timeline", "who", "compare", "sources", "about", "help", "Fact-check with factbot"}
    for cmd in fake.commands["global"]:
        assert cmd["contexts"] == [0, 1, 2] and sorted(cmd["integration_types"]) == [0, 1]
        assert all(o["description"] for o in cmd.get("options", []))
    menu = next(c for c in fake.commands["global"] if c["name"] == "Fact-check with factbot")
    assert menu["type"] == 3  # a message command: right-click a message → Apps
    assert any(o["name"] == "private" for c in fake.commands["global"] if c["name"] == "ask" for o in c["options"])


async def test_a_bot_serving_another_fact_base_describes_that_one(fake, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTBOT_CACHE_DIR", str(tmp_path / "cache"))  # (the real fact base's cached engine stays)
    (tmp_path / "tiny").mkdir()
    bot, task = await start_bot(fake, settings_for(fake, tmp_path), write_tiny_factbase(tmp_path / "tiny"))
    try:
        described = {c["name"]: c for c in fake.commands["global"]}
        assert described["ask"]["description"] == "Ask a question about the cancelled Alice–Bob talks in Paris"
        assert described["ask"]["options"][0]["description"] == "Your question, e.g. “Who cancelled the talks?”"
        assert described["sources"]["description"] == "The articles everything here is drawn from"
        # (ids are time-based snowflakes whose digits can hold "2018": only what users read is checked)
        described_text = json.dumps([{k: v for k, v in c.items() if k not in ("id", "version", "application_id")}
                                     for c in fake.commands["global"]], ensure_ascii=False)
        assert not any(word in described_text for word in ("Pence", "Korea", "2018"))
        shown = embed_text((await fake.response(await fake.slash("help", {})))["data"])
        assert "one short article on the talks between Alice Smith and Bob Jones" in shown and "Pence" not in shown
        thanked = await fake.response(await fake.slash("ask", {"question": "thanks"}))
        assert thanked["data"]["content"] == "You're welcome! Ask me anything else about the cancelled Alice–Bob talks."
    finally:
        await stop_bot(bot, task)
    assert fake.errors == []


async def test_reload_exists_only_in_the_owners_server(fake, tmp_path):
    bot, task = await start_bot(fake, settings_for(fake, tmp_path, guild_id=int(fake.guild_ids[0])))
    try:
        assert "reload" not in {c["name"] for c in fake.commands["global"]}
        guild_commands = fake.commands[fake.guild_ids[0]]
        assert [c["name"] for c in guild_commands] == ["reload"]
        assert str(guild_commands[0]["default_member_permissions"]) == "0"  # hidden from non-admins there too
        refused = await fake.response(await fake.slash("reload", {}, user=USER_A))
        assert "Only the bot's owner" in refused["data"]["content"]
        interaction = await fake.slash("reload", {}, user=OWNER)
        await fake.response(interaction)
        assert (await followup(interaction))["content"].startswith("Reloaded")
    finally:
        await stop_bot(bot, task)
    assert fake.errors == []


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


async def test_out_of_scope_ask_is_private_shows_the_question_and_offers_buttons(fake, bot):
    interaction = await fake.slash("ask", {"question": "Who won the hockey gold medal?"})
    data = (await fake.response(interaction))["data"]
    embed = data["embeds"][0]
    assert embed["title"] == "Not in my sources" and data["flags"] & 64
    assert "hockey gold medal" in embed["author"]["name"]
    labels = [c["label"] for c in components(data)]
    assert labels[-1] == "Post in channel" and 1 <= len(labels) - 1 <= 3
    press = await fake.press(interaction.message, components(data)[0]["custom_id"], user=USER_B)
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


async def test_timeline_pages_by_button_and_others_get_a_private_copy(fake, bot):
    interaction = await fake.slash("timeline", {"picture": False})
    response = await fake.response(interaction)
    assert "Page 1 of 3" in embed_text(response["data"])
    message = interaction.message
    turned = await fake.response(await fake.press(message, custom_id(message, "Next")))
    assert turned["type"] == 7 and "Page 2 of 3" in embed_text(turned["data"])
    current = fake.messages[message["id"]]
    copy = await fake.response(await fake.press(current, custom_id(current, "◀ Previous"), user=USER_B))
    assert copy["type"] == 4 and copy["data"]["flags"] & 64 and "Page 1 of 3" in embed_text(copy["data"])
    assert "Page 2 of 3" in embed_text(fake.messages[message["id"]])  # the owner's message is left alone
    assert "Post in channel" in [c["label"] for c in components(copy["data"]) if c.get("label")]
    # the date menu jumps to the page of the chosen event
    jump = await fake.select(message, custom_id(fake.messages[message["id"]], "Jump"), ["0"])
    assert "Page 1 of 3" in embed_text((await fake.response(jump))["data"])


async def test_buttons_answer_after_the_bot_restarts(fake, tmp_path):
    settings = settings_for(fake, tmp_path)
    bot, task = await start_bot(fake, settings)
    timeline = await fake.slash("timeline", {"picture": False})
    await fake.response(timeline)
    unknown = await fake.slash("ask", {"question": "Who won the hockey gold medal?"})
    await fake.response(unknown)
    await stop_bot(bot, task)
    bot, task = await start_bot(fake, settings)  # a new process's worth of state: nothing kept in memory
    try:
        turned = await fake.response(await fake.press(timeline.message, custom_id(timeline.message, "Next")))
        assert turned["type"] == 7 and "Page 2 of 3" in embed_text(turned["data"])
        suggestion = await fake.response(await fake.press(unknown.message, components(unknown.message)[0]["custom_id"]))
        assert suggestion["type"] == 4 and suggestion["data"]["embeds"]
        posted = await fake.response(await fake.press(unknown.message, custom_id(unknown.message, "Post in channel")))
        assert not posted["data"].get("flags", 0) & 64 and posted["data"]["embeds"][0]["title"] == "Not in my sources"
    finally:
        await stop_bot(bot, task)
    assert fake.errors == []


async def test_dm_message_is_answered(fake, bot):
    msg = await fake.dm("what happened on feb 10?")
    reply = await fake.wait_reply_to(msg)
    assert "North Korea calls off the meeting" in embed_text(reply)
    assert reply["allowed_mentions"]["parse"] == [] and reply["allowed_mentions"].get("replied_user") is False


async def test_mention_in_channel_is_answered_and_plain_chatter_ignored(fake, bot):
    ignored = await fake.say("just chatting about pence")
    msg = await fake.say(f"<@{bot.user.id}> did pence meet kim jong un?", mention_bot=True)
    reply = await fake.wait_reply_to(msg)
    assert reply["embeds"][0]["title"] == "No" and "Kim Yo Jong" in reply["embeds"][0]["description"]
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


async def test_cooldown_counts_answers_and_buttons_not_reference_replies(fake, tmp_path):
    bot, task = await start_bot(fake, settings_for(fake, tmp_path, cooldown_rate=2, cooldown_per=60))
    try:
        for name in ("about", "help", "sources", "about"):  # reference replies are free
            assert (await fake.response(await fake.slash(name, {})))["data"]["embeds"]
        unknown = await fake.slash("ask", {"question": "Who won the hockey gold medal?"})  # answer 1
        await fake.response(unknown)
        suggestion = await fake.response(await fake.press(unknown.message, components(unknown.message)[0]["custom_id"]))
        assert suggestion["data"]["embeds"]  # answer 2, by button
        refused = await fake.response(await fake.press(unknown.message, components(unknown.message)[0]["custom_id"]))
        assert refused["data"]["flags"] & 64 and "Easy there" in refused["data"]["content"]
        assert re.search(r"<t:\d+:R>", refused["data"]["content"])  # a live countdown
        slash = await fake.response(await fake.slash("ask", {"question": "who is nauert"}))
        assert slash["data"]["flags"] & 64 and "Easy there" in slash["data"]["content"]
        msg = await fake.say(f"<@{bot.user.id}> who is ayers?", mention_bot=True)
        note = await fake.wait_reply_to(msg)
        assert "Easy there" in note["content"] and (msg["id"], "⏳") in fake.reactions
    finally:
        await stop_bot(bot, task)
    assert fake.errors == []


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
            assert sorted(bot.shards) == [0, 1]
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
