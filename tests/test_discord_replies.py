"""What people see in Discord (issue 11): through the local Discord, one test per problem found."""

import asyncio
import json
import logging
import re

from bench.fake_discord import BOT_USER, USER_A, USER_B
from bench.preview import phone_lines
from tests.discord_helpers import components, custom_id, embed_text, followup, settings_for, start_bot, stop_bot

SCREEN = 30  # phone lines on one screen at 38 characters a line
UNNAMED = "Unnamed article, 21 Feb 2018"


async def ask(fake, question, **kw):
    interaction = await fake.slash("ask", {"question": question}, **kw)
    return interaction, (await fake.response(interaction))["data"]


def shown_text(data: dict) -> str:
    """Everything a reader can see: content, embeds (author too) and component labels."""
    parts = [data.get("content") or "", embed_text(data)]
    parts += [(e.get("author") or {}).get("name") or "" for e in data.get("embeds", [])]
    parts += [c.get("label") or c.get("placeholder") or "" for c in components(data)]
    parts += [o["label"] for c in components(data) for o in c.get("options", [])]
    return "\n".join(parts)


def quotes_in(text: str) -> list[str]:
    return re.findall(r"“([^”]+)”", text)


# 1. internal names ---------------------------------------------------------------------------


async def test_no_id_or_file_path_and_one_name_per_source(fake, bot):
    payloads = []
    for name, options in [("ask", {"question": "Who was Pence supposed to meet?"}), ("ask", {"question": "What did Nauert say?"}),
                          ("ask", {"question": "Did Pence shake hands with Kim Yo Jong?"}), ("sources", {}), ("about", {}),
                          ("quote", {}), ("quote", {"speaker": "Nick Ayers"}), ("timeline", {"picture": False}),
                          ("who", {"person": "Kim Yo Jong"}), ("compare", {"topic": "Why North Korea pulled out"})]:
        payloads.append((await fake.response(await fake.slash(name, options)))["data"])
    for data in payloads:
        text = shown_text(data)
        assert "src0" not in text and "seeds/" not in text and ".txt" not in text, text
        assert "Unnamed outlet" not in text and "(src" not in text
    everything = "\n".join(shown_text(d) for d in payloads)
    assert everything.count(UNNAMED) >= 5  # the same name in answers, /sources, /about, quotes, timeline
    sources = payloads[3]
    links = [c for c in components(sources) if c.get("style") == 5]
    assert [c["url"] for c in links] == ["https://p.dw.com/p/2t1s0"]  # the article that has a URL


# 2. quotes twice, fragments, doubled marks -------------------------------------------------------


async def test_quotes_are_shown_once_without_fragments_or_doubled_marks(fake, bot):
    _, data = await ask(fake, "What did Nauert say?")
    text = embed_text(data)
    quotes = quotes_in(text)
    assert len(quotes) == len(set(quotes)) >= 2
    assert len(quotes) == 3 or "more: /quote Heather Nauert" in text  # the rest are one command away
    assert "the last minute.”" not in text.replace("At the last minute", "")  # the fragment is not a quote of its own
    assert not any(a != b and a.rstrip(".,…") in b for a in quotes for b in quotes)
    assert phone_lines(data) <= SCREEN
    comparison = (await fake.response(await fake.slash("compare", {"topic": "Ayers's dangled a meeting quote"})))["data"]
    shown = embed_text(comparison)
    assert not re.search(r"[“\"]\s*[“\"]", shown)  # a quote never opens with two marks
    assert not any(a != b and a in b for a in quotes_in(shown) for b in quotes_in(shown))


# 3. /quote with no speaker ---------------------------------------------------------------------


async def test_all_quotes_are_private_paged_and_complete(fake, bot):
    interaction = await fake.slash("quote", {})
    data = (await fake.response(interaction))["data"]
    assert data["flags"] & 64 and len(data["embeds"]) == 1 and phone_lines(data) <= 2 * SCREEN
    footer = data["embeds"][0]["footer"]["text"]
    pages = int(re.search(r"Page 1 of (\d+)", footer)[1])
    seen = quotes_in(embed_text(data))
    message = interaction.message
    for _ in range(pages - 1):
        turned = await fake.response(await fake.press(message, custom_id(fake.messages[message["id"]], "Next")))
        seen += quotes_in(embed_text(turned["data"]))
    every = [q.text for q in bot.engine.fb.quotes]
    for text in every:  # each quote is shown, or a longer one containing it is
        core = text.strip("“”\"' ,.")[:40]
        assert any(core in s for s in seen), text
    speaker_menu = custom_id(fake.messages[message["id"]], "Choose a speaker")
    ayers = next(p.id for p in bot.engine.fb.people if p.name == "Nick Ayers")
    picked = await fake.response(await fake.select(message, speaker_menu, [ayers]))
    assert picked["data"]["embeds"][0]["title"] == "What Nick Ayers said" and quotes_in(embed_text(picked["data"]))


# 4. disagreements that concern the answer; curators' notes ---------------------------------------


async def test_curators_notes_stay_out_of_answers_and_compare(fake, bot):
    for question in ("Did Pence shake hands with Kim Yo Jong?", "did they shake hands?", "Who is Heather Nauert?"):
        _, data = await ask(fake, question)
        assert "Typing errors" not in shown_text(data) and "Misspelled" not in shown_text(data)
    choices = (await fake.response(await fake.autocomplete("compare", {"topic": ""}, focused="topic")))["data"]["choices"]
    names = [c["name"] for c in choices]
    assert "Why North Korea pulled out" in names
    assert "Typing errors in the articles" not in names and "Misspelled name" not in names


async def test_a_disagreement_about_the_answer_opens_privately(fake, bot):
    interaction, data = await ask(fake, "Who was Pence supposed to meet?")
    compare_id = custom_id(data, "Outlets differ")
    shown = await fake.response(await fake.press(interaction.message, compare_id, user=USER_B))
    assert shown["data"]["flags"] & 64 and shown["data"]["embeds"][0]["title"].startswith("Compare:")


# 5. the verdict is the title, the question a small line --------------------------------------------


async def test_title_is_the_verdict_and_the_question_a_small_line(fake, bot):
    question = "Why did Trump cancel the meeting?"
    _, data = await ask(fake, question)
    embed = data["embeds"][0]
    assert question not in embed["title"] and question in embed["author"]["name"]
    assert "Trump" in embed["title"]  # the correction is the headline: "It wasn't Donald Trump"
    _, no = await ask(fake, "did pence meet kim jong un?")
    _, plain = await ask(fake, "who cancelled the meeting?")
    assert no["embeds"][0]["title"] == "No" and no["embeds"][0]["color"] != plain["embeds"][0]["color"]
    _, typo = await ask(fake, "who did pense meat?")
    assert "pense" not in typo["embeds"][0]["title"]
    _, hostile = await ask(fake, "**bold** @everyone <@123> " + "x" * 200)
    assert len(hostile["embeds"][0]["author"]["name"]) <= 100 and hostile["allowed_mentions"] == {"parse": []}


async def test_an_answer_with_three_citations_fits_one_phone_screen(fake, bot):
    _, data = await ask(fake, "Did Pence shake hands with Kim Yo Jong?")
    assert len(re.findall(r"^\*\*|^\[", data["embeds"][0]["fields"][0]["value"], re.M)) == 3  # three sources
    assert phone_lines(data) <= SCREEN


# 7. private where it should be; the mention cooldown -------------------------------------------------


async def test_reference_replies_are_private_with_post_in_channel(fake, bot):
    for name, options in [("about", {}), ("help", {}), ("sources", {}), ("quote", {})]:
        data = (await fake.response(await fake.slash(name, options)))["data"]
        assert data["flags"] & 64, name
        assert "Post in channel" in [c.get("label") for c in components(data)], name
        assert phone_lines(data) <= 2 * SCREEN, name
    _, answer = await ask(fake, "Who cancelled the meeting?")
    assert not answer.get("flags", 0) & 64  # answers stay public


async def test_mention_cooldown_note_deletes_itself(fake, tmp_path):
    bot, task = await start_bot(fake, settings_for(fake, tmp_path, cooldown_rate=1, cooldown_per=1.0))
    try:
        first = await fake.say(f"<@{bot.user.id}> who is ayers?", mention_bot=True)
        await fake.wait_reply_to(first)
        second = await fake.say(f"<@{bot.user.id}> who is nauert?", mention_bot=True)
        note = await fake.wait_reply_to(second)
        assert "Easy there" in note["content"] and "<t:" in note["content"]
        for _ in range(100):
            if any(m["id"] == note["id"] for m in fake.deleted):
                break
            await asyncio.sleep(0.05)
        assert any(m["id"] == note["id"] for m in fake.deleted)
    finally:
        await stop_bot(bot, task)
    assert fake.errors == []


# 8. the timeline -----------------------------------------------------------------------------------


async def test_timeline_is_one_line_per_event_with_derivations_a_button_away(fake, bot):
    interaction = await fake.slash("timeline", {"picture": False})
    data = (await fake.response(interaction))["data"]
    assert phone_lines(data) <= SCREEN
    description = data["embeds"][0]["description"]
    assert len(description.splitlines()) == 7 and not data["embeds"][0].get("fields")
    how = await fake.response(await fake.press(interaction.message, custom_id(data, "How are dates")))
    assert how["data"]["flags"] & 64 and "Nov 2017" in embed_text(how["data"])
    ranged = (await fake.response(await fake.slash("timeline", {"from": "Feb 9", "to": "Feb 10"})))["data"]
    text = embed_text(ranged)
    assert "Opening ceremony" in text and "North Korea calls off the meeting" in text
    assert "c. Feb 2018" not in text and "Jan 2018" not in text


# 9. autocomplete -----------------------------------------------------------------------------------


async def test_autocomplete_by_prefix_with_readable_names(fake, bot):
    dates = (await fake.response(await fake.autocomplete("timeline", {"from": "feb"}, focused="from")))["data"]["choices"]
    assert dates and all("Feb" in c["name"] and re.match(r"^\d{4}(-\d{2}){0,2}$", c["value"]) for c in dates)
    assert any(c["name"] == "9 Feb 2018 — Opening ceremony; Pence snubs Kim Yo Jong" and c["value"] == "2018-02-09" for c in dates)
    kims = (await fake.response(await fake.autocomplete("who", {"person": "kim"}, focused="person")))["data"]["choices"]
    assert {c["name"] for c in kims} == {"Kim Yo Jong", "Kim Yong Nam", "Kim Jong Un"}
    everyone = (await fake.response(await fake.autocomplete("who", {"person": ""}, focused="person")))["data"]["choices"]
    names = {c["name"] for c in everyone}
    assert "Mike Pence" in names and not names & {"Matthias Hangst", "A. Messinis", "P. Semansky", "Vox", "DW"}


# 10. /help, small talk -----------------------------------------------------------------------------


async def test_help_has_clickable_command_mentions(fake, bot):
    data = (await fake.response(await fake.slash("help", {})))["data"]
    ids = {c["name"]: c["id"] for c in fake.commands["global"]}
    text = embed_text(data)
    assert f"</ask:{ids['ask']}>" in text and f"</timeline:{ids['timeline']}>" in text
    about = embed_text((await fake.response(await fake.slash("about", {})))["data"])
    assert f"</help:{ids['help']}>" in about


async def test_help_hi_and_thanks_are_small_talk_everywhere(fake, bot):
    _, helped = await ask(fake, "help")
    assert helped["embeds"][0]["title"] == "How to use factbot" and helped["flags"] & 64
    thanks = await fake.dm("thanks!")
    reply = await fake.wait_reply_to(thanks)
    assert reply["content"].startswith("You're welcome") and not reply["components"] and not reply["embeds"]
    # an acknowledgement in a chat's words is small talk too, not a follow-up on the last answer
    ok = await fake.dm("lol ok thx")
    assert (await fake.wait_reply_to(ok))["content"].startswith("You're welcome")
    cool = await fake.dm("got it, cool")
    assert (await fake.wait_reply_to(cool))["content"].startswith("Glad to help.")
    hi = await fake.say(f"<@{bot.user.id}> hi", mention_bot=True)
    assert (await fake.wait_reply_to(hi))["embeds"][0]["title"] == "How to use factbot"


# the fact-check message command, and feedback ------------------------------------------------------


async def test_fact_check_gives_a_verdict_per_claim_privately(fake, bot):
    target = await fake.say("Pence met Kim Jong Un at the Olympics. North Korea cancelled the meeting two hours "
                            "before it started. Trump loves pizza.", user=USER_B)
    interaction = await fake.message_command("Fact-check with factbot", target)
    data = (await fake.response(interaction))["data"]
    assert data["flags"] & 64
    fields = [f["name"] for f in data["embeds"][0]["fields"]]
    assert fields[0].startswith("❌ Contradicted") and "Kim Jong Un" in fields[0]
    assert fields[1].startswith("✅ Supported")
    assert fields[2].startswith("❔ Not in my sources")
    assert "“" in data["embeds"][0]["fields"][0]["value"]  # with citations
    dm = await fake.dm("Pence met Kim Jong Un.")
    private = await fake.response(await fake.message_command("Fact-check with factbot", dm, guild=False))
    assert private["data"]["embeds"][0]["fields"][0]["name"].startswith("❌")
    posted = await fake.response(await fake.press(interaction.message, custom_id(data, "Post in channel")))
    assert not posted["data"].get("flags", 0) & 64 and posted["data"]["embeds"][0]["title"] == "Fact-check"


async def test_fact_check_of_a_message_without_claims_says_so(fake, bot):
    target = await fake.say("lol ok", user=USER_B)
    data = (await fake.response(await fake.message_command("Fact-check with factbot", target)))["data"]
    assert data["embeds"][0]["title"] == "Nothing to check"


async def test_wrong_answer_logs_a_hash_and_the_facts_not_the_text(fake, bot, caplog):
    question = "Who was Pence supposed to meet?"
    interaction, data = await ask(fake, question)
    with caplog.at_level(logging.INFO):
        thanks = await fake.response(await fake.press(interaction.message, custom_id(data, "Wrong answer?"), user=USER_A))
    assert thanks["data"]["flags"] & 64
    logged = [r.getMessage() for r in caplog.records if "feedback" in r.getMessage()]
    assert len(logged) == 1 and "meeting-participants" in logged[0]
    assert question not in logged[0] and "Pence supposed" not in json.dumps(logged)


# limits and errors ---------------------------------------------------------------------------------


async def test_an_oversize_answer_is_trimmed_to_discords_limits(fake, bot, monkeypatch):
    from bot.engine import Answer, Citation

    src = bot.engine.fb.sources[2]
    text = bot.engine.fb.seed_texts[src.id]
    cites = tuple(Citation(src.file, src.id, src.outlet, text[i : i + 900], src.url) for i in range(0, 9000, 300))
    huge = Answer("q " * 300, "Word " * 2000, "fact", cites, facts=tuple(f"fact-{i}" for i in range(60)))
    monkeypatch.setattr(bot.engine, "ask", lambda question: huge)
    _, data = await ask(fake, "anything")
    embed = data["embeds"][0]
    assert len(embed["title"]) <= 256 and len(embed["description"]) <= 4096
    assert all(len(c.get("custom_id") or "") <= 100 for c in components(data))
    assert "more passage" in embed_text(data)  # citations beyond the first few are counted, not shown


async def test_a_failing_button_apologises_like_a_command(fake, bot, monkeypatch):
    interaction, _ = await ask(fake, "Who won the hockey gold medal?")

    def broken(question):
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(bot.engine, "ask", broken)
    pressed = await fake.response(await fake.press(interaction.message, components(interaction.message)[0]["custom_id"]))
    command = await fake.response(await fake.slash("ask", {"question": "anything"}))
    assert pressed["data"]["content"] == command["data"]["content"] and pressed["data"]["content"].startswith("Sorry")
    assert pressed["data"]["flags"] & 64


async def test_buttons_from_before_are_disabled_not_failed(fake, bot):
    old = await fake.say("x")  # a message as the previous version posted it, with in-memory buttons
    old["author"] = BOT_USER
    old["components"] = [{"type": 1, "components": [{"type": 2, "style": 1, "label": "Next", "custom_id": "timeline:next"}]}]
    pressed = await fake.press(old, "timeline:next")
    edited = await fake.response(pressed)
    assert edited["type"] == 7 and all(c["disabled"] for c in components(edited["data"]))
    assert "expired" in (await followup(pressed))["content"]


async def test_no_reply_is_longer_than_two_phone_screens():
    from bench.preview import collect

    shots, errors = await collect()
    assert errors == [] and len(shots) >= 19 and all(s.messages for s in shots)
    for shot in shots:
        assert shot.lines <= 2 * SCREEN, (shot.name, shot.lines)
        if shot.name.startswith("ask-") and shot.name != "ask-help":
            assert shot.lines <= SCREEN, (shot.name, shot.lines)


async def test_a_long_answer_offers_all_its_sources_privately(fake, bot):
    interaction, data = await ask(fake, "Who took the photos?")
    assert "more passage" in embed_text(data) and phone_lines(data) <= SCREEN
    shown = await fake.response(await fake.press(interaction.message, custom_id(data, "Sources ("), user=USER_B))
    assert shown["data"]["flags"] & 64
    passages = quotes_in(embed_text(shown["data"]))
    fact = bot.engine.fb.fact_by_id["photos"]
    assert len(passages) >= len({ev.quote for ev in fact.evidence}) - 1  # all, less fragments of longer ones


def test_every_known_question_is_answered_within_one_phone_screen(engine):
    from bot.discord_bot.views import answer_reply

    for question in engine.suggestions("", limit=10_000):
        reply = answer_reply(engine.fb, engine.ask(question), private=False)
        message = {"embeds": [reply["embed"].to_dict()], "components": reply["view"].to_components()}
        assert phone_lines(message) <= SCREEN, question


async def test_quotes_found_by_their_words_are_one_honest_page(fake, bot):
    data = (await fake.response(await fake.slash("quote", {"speaker": "the meeting"})))["data"]
    embed = data["embeds"][0]
    assert embed["title"] == "Quotes that match" and "Page" not in (embed.get("footer") or {}).get("text", "")
    assert 1 <= len(quotes_in(embed["description"])) <= 4 and phone_lines(data) <= 2 * SCREEN


async def test_buttons_answer_after_the_bot_process_restarts(fake, tmp_path):
    import signal

    from bench.load import start_bot_process

    async def run_until_connected():
        proc = await start_bot_process(fake, tmp_path)
        await fake.wait_connected(60)
        for _ in range(200):  # commands registered and the process ready to answer
            if fake.commands.get("global"):
                break
            await asyncio.sleep(0.05)
        return proc

    async def stop(proc):
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.communicate(), 30)

    proc = await run_until_connected()
    timeline = await fake.slash("timeline", {"picture": False})
    await fake.response(timeline, timeout=15)
    answer, data = await ask(fake, "Who was Pence supposed to meet?")
    await stop(proc)
    fake.connected.clear()
    proc = await run_until_connected()  # a new process: nothing of the old one's memory
    try:
        turned = await fake.response(await fake.press(timeline.message, custom_id(timeline.message, "Next")), timeout=15)
        assert turned["type"] == 7 and "Page 2 of 3" in embed_text(turned["data"])
        compared = await fake.response(await fake.press(answer.message, custom_id(data, "Outlets differ")), timeout=15)
        assert compared["data"]["embeds"][0]["title"].startswith("Compare:")
    finally:
        await stop(proc)
    assert fake.errors == []
