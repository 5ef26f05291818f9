from pathlib import Path

import pytest

from bot.facts import load_factbase
from tests.discord_helpers import settings_for, start_bot, stop_bot
from bench.fake_discord import FakeDiscord

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def factbase():
    return load_factbase(ROOT / "facts.yaml")


@pytest.fixture(scope="session")
def engine(factbase):
    from bot.engine import Engine

    return Engine(factbase)


@pytest.fixture
async def fake():
    server = await FakeDiscord().start()
    yield server
    await server.stop()


@pytest.fixture
async def bot(fake, tmp_path):
    bot, task = await start_bot(fake, settings_for(fake, tmp_path))
    yield bot
    await stop_bot(bot, task)
    assert fake.errors == [], fake.errors  # Discord never had to reject anything the bot sent
