from pathlib import Path

import pytest

from bot.facts import load_factbase

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def factbase():
    return load_factbase(ROOT / "facts.yaml")


@pytest.fixture(scope="session")
def engine(factbase):
    from bot.engine import Engine

    return Engine(factbase)
