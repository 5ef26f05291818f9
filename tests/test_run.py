"""`factbot run` as an operator runs it: a real process against the local Discord."""

import asyncio
import os
import signal
import sys
from pathlib import Path

from bench.fake_discord import TOKEN

ROOT = Path(__file__).resolve().parent.parent


def bot_env(fake, tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")}
    env.update(DISCORD_API_BASE=fake.api_base, DISCORD_GATEWAY_URL=fake.gateway_url,
               FACTBOT_STATE_DIR=str(tmp_path / "state"), LOG_LEVEL="DEBUG", PYTHONPATH=str(ROOT))
    env.update(extra)
    return env


async def spawn(env, cwd, *args):
    return await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", *args, cwd=cwd, env=env,
                                                stdin=asyncio.subprocess.DEVNULL,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)


async def test_rejected_token_is_one_line_and_exit_2(fake, tmp_path):
    proc = await spawn(bot_env(fake, tmp_path, DISCORD_TOKEN="not-the-token-42"), tmp_path)
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 2
    final = err.decode().strip().splitlines()[-1]
    assert final.startswith("factbot: Discord rejected the token")
    assert "Traceback" not in err.decode() and "not-the-token-42" not in (out + err).decode()


async def test_run_without_a_token_is_one_line_and_exit_2(fake, tmp_path):
    proc = await spawn(bot_env(fake, tmp_path), tmp_path)
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 2 and err.decode().startswith("factbot: DISCORD_TOKEN is not set") and err.decode().count("\n") == 1


async def test_config_mistake_is_one_line(fake, tmp_path):
    proc = await spawn(bot_env(fake, tmp_path, DISCORD_TOKEN=TOKEN, SHARD_COUNT="many"), tmp_path)
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 2 and err.decode() == "factbot: SHARD_COUNT must be a whole number, got 'many'\n"


async def _lines_until(stream, marker: bytes) -> bytes:
    """The process's log read up to and including the first line holding `marker`."""
    lines = []
    while not lines or marker not in lines[-1]:
        line = await stream.readline()
        if not line:
            break
        lines.append(line)
    return b"".join(lines)


async def test_token_from_dotenv_sighup_reload_and_clean_sigterm(fake, tmp_path):
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={TOKEN}\n")
    proc = await spawn(bot_env(fake, tmp_path), tmp_path)
    try:
        await fake.wait_connected(60)
        response = await fake.response(await fake.slash("ask", {"question": "who is ayers"}), timeout=10)
        assert response["type"] == 4
        proc.send_signal(signal.SIGHUP)
        before = await asyncio.wait_for(_lines_until(proc.stderr, b"SIGHUP: "), 60)  # the reload builds a whole index
        proc.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(proc.communicate(), 30)
    finally:
        if proc.returncode is None:
            proc.kill()
    logs = (before + err).decode()
    assert proc.returncode == 0, logs[-2000:]
    assert "SIGHUP: Reloaded" in logs and "shutting down" in logs and "stopped" in logs
    assert "/ask in guild" in logs and "answered (interaction" in logs
    assert TOKEN not in logs + out.decode()  # not even at DEBUG level
    assert "Traceback" not in logs
