"""Settings from the environment and an optional `.env` file (environment wins)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class ConfigError(Exception):
    """A configuration mistake, reported as one line without a traceback."""


@dataclass(frozen=True)
class Settings:
    token: str | None
    guild_id: int | None = None
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    log_level: str = "INFO"
    cooldown_rate: int = 5  # answers per user ...
    cooldown_per: float = 30.0  # ... per this many seconds
    state_dir: Path = Path(".factbot-state")
    api_base: str | None = None  # e.g. a REST proxy; default Discord's own
    gateway_url: str | None = None

    def __repr__(self) -> str:  # never show the token
        return f"Settings(token={'<set>' if self.token else None}, guild_id={self.guild_id}, shard_count={self.shard_count}, shard_ids={self.shard_ids})"


def _int(env: dict, name: str) -> int | None:
    value = env.get(name, "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {value!r}") from None


def load_settings(env: dict | None = None, dotenv_path: Path | str | None = ".env") -> Settings:
    values: dict[str, str] = {}
    if dotenv_path and Path(dotenv_path).is_file():
        from dotenv import dotenv_values

        values.update({k: v for k, v in dotenv_values(dotenv_path).items() if v is not None})
    values.update(os.environ if env is None else env)
    token = values.get("DISCORD_TOKEN", "").strip() or None
    shard_count = _int(values, "SHARD_COUNT")
    shard_ids = None
    if values.get("SHARD_IDS", "").strip():
        try:
            shard_ids = tuple(int(s) for s in values["SHARD_IDS"].replace(" ", "").split(",") if s)
        except ValueError:
            raise ConfigError(f"SHARD_IDS must be comma-separated whole numbers, got {values['SHARD_IDS']!r}") from None
        if shard_count is None:
            raise ConfigError("SHARD_IDS needs SHARD_COUNT (the total number of shards)")
        bad = [s for s in shard_ids if not 0 <= s < shard_count]
        if bad:
            raise ConfigError(f"SHARD_IDS {bad} are outside 0..{shard_count - 1}")
    if shard_count is not None and shard_count < 1:
        raise ConfigError("SHARD_COUNT must be at least 1")
    level = values.get("LOG_LEVEL", "INFO").upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise ConfigError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")
    return Settings(
        token=token,
        guild_id=_int(values, "DISCORD_GUILD_ID"),
        shard_count=shard_count,
        shard_ids=shard_ids,
        log_level=level,
        state_dir=Path(values.get("FACTBOT_STATE_DIR", ".factbot-state")),
        api_base=values.get("DISCORD_API_BASE", "").strip() or None,
        gateway_url=values.get("DISCORD_GATEWAY_URL", "").strip() or None,
    )
