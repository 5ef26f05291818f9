"""Load, faults, run-time reload and secrets."""

import asyncio
import io
import logging
import shutil
from pathlib import Path

from bench.load import run_load
from bot.config import Settings
from bot.discord_bot.client import setup_logging
from tests.discord_helpers import embed_text, settings_for, stop_bot

ROOT = Path(__file__).resolve().parent.parent


async def test_load_with_faults_loses_nothing():
    # Faults overlap at this size; shorter slow responses keep the worst case (a 500 retried after 1 s,
    # then a slow response) well inside Discord's 3 s, which the emulator enforces.
    report = await run_load(interactions=300, concurrency=50, faults=True, slow_seconds=0.3)
    assert report.sent == 300 and report.answered == 300 and report.lost == [] and report.apologies == 0
    assert set(report.faults) == {"gateway dropped", "callback 429", "callback 500", "slow REST (0.3 s)"}
    assert "1 resume" in report.gateway or "2 identify" in report.gateway  # the client really reconnected
    assert report.emulator_errors == []
    assert "Traceback" not in report.bot_log


async def test_failed_callback_is_logged_with_the_interaction_id(fake, bot, caplog):
    fake.faults.append({"route": r"/callback$", "status": 404, "times": 2})  # e.g. the interaction expired
    with caplog.at_level(logging.ERROR):
        interaction = await fake.slash("about", {})
        for _ in range(200):
            if any(interaction.id in r.getMessage() for r in caplog.records):
                break
            await asyncio.sleep(0.05)
    assert any(interaction.id in r.getMessage() for r in caplog.records)
    fake.faults.clear()
    response = await fake.response(await fake.slash("about", {}))  # and it keeps serving
    assert response["type"] == 4


async def test_reload_swaps_only_a_valid_fact_base_without_failing_requests(fake, tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    facts = tmp_path / "facts.yaml"
    good = (ROOT / "facts.yaml").read_text()
    facts.write_text(good)
    from bot.discord_bot.client import create_bot

    bot = create_bot(settings_for(fake, tmp_path), facts_path=facts, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(bot.settings.token))
    await asyncio.wait_for(bot.wait_until_ready(), 15)
    try:
        old_engine = bot.engine
        facts.write_text(good.replace("Nauret tweeted", "Nauert tweeted loudly"))
        asks = [fake.slash("ask", {"question": "who is nauert"}) for _ in range(40)]
        interactions_and_report = await asyncio.gather(*asks, bot.reload_facts())
        report = interactions_and_report[-1]
        assert report.startswith("Reload refused") and "quote not found verbatim" in report and "facts.yaml:" in report
        assert bot.engine is old_engine
        facts.write_text(good.replace("Pence's chief of staff, who told the Washington Post", "Pence's chief of staff; he told the Washington Post"))
        more = [fake.slash("ask", {"question": "who is nick ayers"}) for _ in range(40)]
        results = await asyncio.gather(*more, bot.reload_facts())
        assert results[-1].startswith("Reloaded") and bot.engine is not old_engine
        for interaction in list(interactions_and_report[:-1]) + list(results[:-1]):
            response = await fake.response(interaction, timeout=30)  # (a reload on a loaded machine takes seconds)
            assert response["type"] == 4 and embed_text(response["data"])
        latest = await fake.response(await fake.slash("who", {"person": "ayers"}))
        assert "he told the Washington Post" in embed_text(latest["data"])
    finally:
        await stop_bot(bot, task)
    assert fake.errors == []


def test_token_never_reaches_the_logs_even_in_tracebacks():
    token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.token"
    stream = io.StringIO()
    handler = setup_logging(Settings(token=token, log_level="DEBUG"), stream=stream)
    try:
        log = logging.getLogger("factbot.test")
        log.debug("identify with %s", token)
        try:
            raise RuntimeError(f"connection failed for Bot {token}")
        except RuntimeError:
            log.exception("boom")
        handler.flush()
    finally:
        logging.getLogger().handlers = []
    text = stream.getvalue()
    assert "RuntimeError" in text and "[token redacted]" in text and token not in text


def test_settings_repr_hides_the_token():
    assert "secret" not in repr(Settings(token="secret"))


def test_env_file_is_ignored_by_git():
    assert ".env" in (ROOT / ".gitignore").read_text().splitlines()
