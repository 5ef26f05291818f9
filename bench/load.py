"""Load and fault benchmark: the bot as a real process (`python -m bot run`) against the local
Discord, driven with many interactions at a time, optionally with faults injected mid-load:
the gateway dropped, the interaction callback answering 429 (with retry_after) and 500, and a
slow REST response. Prints answered/lost counts, latency and the bot's memory.

    python -m bench.load [--interactions 1000] [--concurrency 50] [--no-faults]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.evaluation import load_eval_set  # noqa: E402
from bench.fake_discord import TOKEN, FakeDiscord  # noqa: E402


@dataclass
class LoadReport:
    sent: int = 0
    answered: int = 0
    apologies: int = 0  # answered, but with the "something went wrong" note
    lost: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    rss_before_kib: int = 0
    rss_after_kib: int = 0
    faults: dict[str, int] = field(default_factory=dict)
    emulator_errors: list[str] = field(default_factory=list)
    gateway: str = ""
    bot_log: str = ""
    seconds: float = 0.0

    def lines(self) -> list[str]:
        lat = sorted(self.latencies) or [0.0]
        p99 = lat[min(len(lat) - 1, int(0.99 * (len(lat) - 1)))]
        return [
            f"interactions: {self.sent} sent, {self.answered} answered ({self.apologies} of them with an apology), "
            f"{len(self.lost)} lost ({self.seconds:.1f} s)",
            f"latency (interaction -> response): median {statistics.median(lat) * 1000:.1f} ms, "
            f"p99 {p99 * 1000:.1f} ms, max {lat[-1] * 1000:.1f} ms",
            f"bot memory (RSS): {self.rss_before_kib / 1024:.1f} MiB before, {self.rss_after_kib / 1024:.1f} MiB after",
            "faults survived: " + (", ".join(f"{k} x{v}" for k, v in self.faults.items()) or "none injected"),
            f"gateway: {self.gateway}",
            f"requests Discord rejected: {len(self.emulator_errors)}",
        ]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def start_bot_process(fake: FakeDiscord, state_dir: Path) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")}
    env.update(DISCORD_TOKEN=TOKEN, DISCORD_API_BASE=fake.api_base, DISCORD_GATEWAY_URL=fake.gateway_url,
               FACTBOT_STATE_DIR=str(state_dir), LOG_LEVEL="INFO", PYTHONPATH=str(ROOT))
    return await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", cwd=state_dir, env=env,
                                                stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL,
                                                stderr=asyncio.subprocess.PIPE)


async def run_load(interactions: int = 1000, concurrency: int = 50, faults: bool = True, slow_seconds: float = 1.0) -> LoadReport:
    report = LoadReport()
    questions = [c["q"] for c in load_eval_set()]
    fake = await FakeDiscord().start()
    with tempfile.TemporaryDirectory() as tmp:
        proc = await start_bot_process(fake, Path(tmp))
        try:
            await fake.wait_connected(60)
            await asyncio.sleep(0.2)
            report.rss_before_kib = rss_kib(proc.pid)
            gate = asyncio.Semaphore(concurrency)
            fault_points = {interactions * 3 // 10: "gateway dropped", interactions // 2: "callback 429",
                            interactions * 6 // 10: "callback 500", interactions * 7 // 10: f"slow REST ({slow_seconds:g} s)"} if faults else {}

            async def one(i: int) -> None:
                async with gate:
                    if i in fault_points:
                        await inject(fake, fault_points[i], report, slow_seconds)
                    user = {"id": str(810000000000000000 + i), "username": f"user{i}", "discriminator": "0",
                            "global_name": None, "avatar": None}
                    interaction = await fake.slash("ask", {"question": questions[i % len(questions)][:500]}, user=user,
                                                   guild=i % 4 != 0)
                    report.sent += 1
                    try:
                        callback = await fake.response(interaction, timeout=15)
                        report.answered += 1
                        report.apologies += "Sorry" in ((callback.get("data") or {}).get("content") or "")
                        report.latencies.append(interaction.latency)
                    except asyncio.TimeoutError:
                        report.lost.append(interaction.id)

            start = time.monotonic()
            await asyncio.gather(*(one(i) for i in range(interactions)))
            report.seconds = time.monotonic() - start
            await asyncio.sleep(0.2)
            report.rss_after_kib = rss_kib(proc.pid)
            report.emulator_errors = list(fake.errors)
            hits = sum(f.get("hits", 0) for f in fake.faults)
            report.gateway = f"{fake.identifies} identify, {fake.resumes} resume; {hits} REST requests hit a fault"
        finally:
            if proc.returncode is None:
                proc.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(proc.communicate(), 30)
            report.bot_log = err.decode(errors="replace")
            await fake.stop()
    return report


async def inject(fake: FakeDiscord, fault: str, report: LoadReport, slow_seconds: float) -> None:
    report.faults[fault] = report.faults.get(fault, 0) + 1
    if fault == "gateway dropped":
        asyncio.ensure_future(fake.drop_connections())
    elif fault == "callback 429":
        fake.faults.append({"route": r"/callback$", "status": 429, "retry_after": 0.3, "times": 2})
    elif fault == "callback 500":
        fake.faults.append({"route": r"/callback$", "status": 500, "times": 1})
    elif fault.startswith("slow REST"):
        fake.faults.append({"route": r"/callback$", "delay": slow_seconds, "times": 3})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interactions", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--no-faults", action="store_true")
    args = parser.parse_args()
    report = asyncio.run(run_load(args.interactions, args.concurrency, not args.no_faults))
    print(f"factbot load benchmark: {args.interactions} interactions, {args.concurrency} at a time")
    for line in report.lines():
        print("  " + line)
    if report.lost:
        print("  lost interaction ids:", ", ".join(report.lost[:20]))
    return 0 if not report.lost and not report.emulator_errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
