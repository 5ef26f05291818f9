"""Follow-ups through the local Discord: a DM is one conversation, a reply to the bot's message
continues one, a fresh mention starts afresh."""

from pathlib import Path

import yaml

from bot.conversation import follow_up
from bot.evaluation import judge
from tests.discord_helpers import embed_text

DIALOGUES = yaml.safe_load((Path(__file__).with_name("dialogues.yaml")).read_text(encoding="utf-8"))


def _shown(reply: dict):
    """A Discord reply judged like an engine result: its note, embed text and quotes."""
    class Shown:
        answered = not (reply["embeds"] and reply["embeds"][0].get("title", "").startswith("Not in my sources"))
        text = (reply.get("content") or "") + "\n" + embed_text(reply)
        citations = ()
    return Shown


async def test_a_dm_follow_up_uses_the_turn_before(fake, bot):
    first = await fake.dm("who is nick ayers")
    await fake.wait_reply_to(first)
    follow = await fake.dm("what did he say")
    reply = await fake.wait_reply_to(follow)
    assert "dangled" in embed_text(reply) or "whitewash" in embed_text(reply)


async def test_a_reply_to_the_bot_continues_and_a_new_mention_starts_afresh(fake, bot):
    asked = await fake.say(f"<@{bot.user.id}> who is nick ayers", mention_bot=True)
    answer = await fake.wait_reply_to(asked)
    follow = await fake.say(f"<@{bot.user.id}> what did he say", mention_bot=True, reply_to=answer)
    assert "dangled" in embed_text(await fake.wait_reply_to(follow))
    fresh = await fake.say(f"<@{bot.user.id}> what did he say", mention_bot=True)
    assert "dangled" not in embed_text(await fake.wait_reply_to(fresh))


async def test_dialogues_in_dms_are_read_as_the_engine_reads_them(fake, bot, engine):
    for dialogue in DIALOGUES[:8]:
        conversation = None
        for turn in dialogue["turns"]:
            sent = await fake.dm(turn["q"], user={**fake_user(dialogue["id"])})
            reply = await fake.wait_reply_to(sent)
            expected = follow_up(engine, turn["q"], conversation)
            conversation = expected.conversation
            assert judge(_shown(reply), turn) == judge(expected.result, turn) or not expected.result.answered
            if expected.note:
                assert expected.note in (reply.get("content") or "")


def fake_user(dialogue_id: str) -> dict:
    """One user per dialogue, so each is its own conversation."""
    number = int(dialogue_id[1:])
    return {"id": str(900_000_000_000_000_000 + number), "username": f"tester{number}", "discriminator": "0",
            "global_name": None, "avatar": None, "bot": False}


async def test_in_a_thread_the_bot_answered_in_a_mention_continues_the_conversation(fake, bot):
    asked = await fake.say(f"<@{bot.user.id}> who is nick ayers", mention_bot=True, in_thread=True)
    answer = await fake.wait_reply_to(asked)
    assert answer["channel_id"] == fake.thread_id(fake.guild_ids[0])
    follow = await fake.say(f"<@{bot.user.id}> what did he say", mention_bot=True, in_thread=True)
    assert "dangled" in embed_text(await fake.wait_reply_to(follow))
    elsewhere = await fake.say(f"<@{bot.user.id}> what did he say", mention_bot=True)  # the channel is not the thread
    assert "dangled" not in embed_text(await fake.wait_reply_to(elsewhere))


async def test_ask_uses_the_previous_ask_only_when_a_question_cannot_be_read_alone(fake, bot):
    await fake.response(await fake.slash("ask", {"question": "who is nick ayers"}))
    shown = (await fake.response(await fake.slash("ask", {"question": "what did he say"})))["data"]
    assert "Reading this with your previous /ask" in (shown.get("content") or "")
    assert "dangled" in embed_text(shown)
    shown = (await fake.response(await fake.slash("ask", {"question": "what did nauert tweet"})))["data"]
    assert not shown.get("content") and "seize this opportunity" in embed_text(shown)
