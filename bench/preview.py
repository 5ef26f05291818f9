"""See the bot's replies as a person on a phone would: run a set of commands through the local
Discord, measure each reply in phone lines (about 38 characters a line), render them as a
Discord-like HTML page and, when Chromium is installed, screenshot each reply.

    python -m bench.preview                 # bench/out/preview.html, one PNG per reply, a table
    python -m bench.preview --no-screenshots

The measurements (`phone_lines`) are plain functions, used by the tests too; Chromium is only
needed for the pictures.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.fake_discord import USER_A, USER_B, FakeDiscord, TOKEN
from bot.render import message_phone_lines as phone_lines

OUT = Path(__file__).resolve().parent / "out"


# --- measuring: bot.render.message_phone_lines, the same measure the bot fits its answers to ----


def characters(message: dict) -> int:
    n = len(message.get("content") or "")
    for e in message.get("embeds", []):
        n += sum(len(e.get(k) or "") for k in ("title", "description")) + len((e.get("author") or {}).get("name") or "")
        n += sum(len(f["name"]) + len(f["value"]) for f in e.get("fields", [])) + len((e.get("footer") or {}).get("text") or "")
    return n


# --- the scenarios ----------------------------------------------------------------------------

SCENARIOS: list[tuple[str, str, dict]] = [
    ("ask-participants", "ask", {"question": "Who was Pence supposed to meet?"}),
    ("ask-nauert", "ask", {"question": "What did Nauert say?"}),
    ("ask-no", "ask", {"question": "Did Pence meet Kim Jong Un?"}),
    ("ask-premise", "ask", {"question": "Why did Trump cancel the meeting?"}),
    ("ask-wrong-role", "ask", {"question": "What did Nick Ayers, Pence's press secretary, say about the meeting?"}),
    ("ask-wrong-place", "ask", {"question": "Why was the meeting in Pyongyang canceled?"}),
    ("ask-wrong-relative", "ask", {"question": "Did Otto Warmbier's mother travel with Pence?"}),
    ("ask-handshake", "ask", {"question": "Did Pence shake hands with Kim Yo Jong?"}),
    ("ask-order", "ask", {"question": "was the meeting before or after the opening ceremony?"}),
    ("ask-said-anything", "ask", {"question": "did nauert say anything about the meeting?"}),
    ("ask-why", "ask", {"question": "why did north korea cancel"}),
    ("ask-not-covered", "ask", {"question": "Who won the hockey gold medal?"}),
    ("ask-open-detail", "ask", {"question": "which 20 countries agreed to consider new sanctions?"}),
    ("ask-unquoted", "ask", {"question": "What did Shinzo Abe say to Pence at the opening ceremony?"}),
    ("ask-outlet-summary", "ask", {"question": "what's the dw article about?"}),
    ("ask-disagree", "ask", {"question": "do vox and dw disagree on how late north korea pulled out?"}),
    ("ask-help", "ask", {"question": "help"}),
    ("quote-all", "quote", {}),
    ("quote-ayers", "quote", {"speaker": "Nick Ayers"}),
    ("timeline", "timeline", {}),
    ("timeline-range", "timeline", {"from": "Feb 9", "to": "Feb 10"}),
    ("who-kim", "who", {"person": "Kim Yo Jong"}),
    ("compare-reasons", "compare", {"topic": "Why North Korea pulled out"}),
    ("sources", "sources", {}),
    ("about", "about", {}),
    ("help", "help", {}),
]
FACT_CHECK_MESSAGE = ("Pence met Kim Jong Un at the Olympics. North Korea cancelled the meeting two hours before it "
                      "started. Trump loves pizza.")


@dataclass
class Shot:
    name: str
    messages: list[dict] = field(default_factory=list)
    note: str = ""

    @property
    def lines(self) -> int:
        return sum(phone_lines(m) for m in self.messages)

    @property
    def chars(self) -> int:
        return sum(characters(m) for m in self.messages)


async def _settle(interaction, wait: float = 0.3) -> list[dict]:
    await asyncio.sleep(wait)
    out = [interaction.message] if interaction.message else []
    return out + list(interaction.followups)


async def collect() -> tuple[list[Shot], list[str]]:
    """Run every scenario against the local Discord and keep what a user would see, with
    whatever the local Discord rejected."""
    from bot.config import Settings
    from bot.discord_bot.client import create_bot

    fake = await FakeDiscord().start()
    shots: list[Shot] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(token=TOKEN, api_base=fake.api_base, gateway_url=fake.gateway_url, state_dir=Path(tmp),
                            cooldown_rate=1000, cooldown_per=1.0)
        bot = create_bot(settings, guild_ready_timeout=0.05)
        task = asyncio.create_task(bot.start(TOKEN))
        try:
            await asyncio.wait_for(bot.wait_until_ready(), 30)
            for name, command, options in SCENARIOS:
                try:
                    interaction = await fake.slash(command, options)
                except KeyError as exc:
                    shots.append(Shot(name, note=str(exc)))
                    continue
                await fake.response(interaction)
                shots.append(Shot(name, await _settle(interaction)))
            try:
                target = await fake.say(FACT_CHECK_MESSAGE, user=USER_B)
                interaction = await fake.message_command("Fact-check with factbot", target)
                await fake.response(interaction)
                shots.append(Shot("fact-check", await _settle(interaction, 0.5)))
            except KeyError as exc:
                shots.append(Shot("fact-check", note=str(exc)))
            thanks = await fake.dm("thanks!", user=USER_A)
            shots.append(Shot("dm-thanks", [await fake.wait_reply_to(thanks)]))
        finally:
            await bot.close()
            try:
                await asyncio.wait_for(task, 5)
            except BaseException:
                pass
            errors = list(fake.errors)
            await fake.stop()
    return shots, errors


# --- HTML -----------------------------------------------------------------------------------------

CSS = """
body { background:#313338; color:#dbdee1; font:15px/1.375 "gg sans","Noto Sans","DejaVu Sans",sans-serif; margin:0; }
.phone { width: 360px; padding: 12px 10px; }
.who { color:#f2f3f5; font-weight:600; } .bot { background:#5865f2; color:#fff; font-size:10px; border-radius:3px; padding:0 4px; margin-left:4px; }
.only { color:#949ba4; font-size:12px; margin-top:4px; }
.content { white-space: pre-wrap; margin: 2px 0 4px; }
.embed { background:#2b2d31; border-left:4px solid; border-radius:4px; padding:8px 12px 12px 10px; margin:4px 0; }
.author { font-size:13px; color:#f2f3f5; margin-bottom:4px; } .title { font-weight:700; color:#f2f3f5; margin-bottom:4px; }
.desc, .fv { font-size:14px; white-space:pre-wrap; } .fn { font-size:14px; font-weight:700; color:#f2f3f5; margin-top:8px; }
.footer { font-size:12px; color:#b5bac1; margin-top:8px; } a { color:#00a8fc; text-decoration:none; }
.cmd { background:#3c4270; color:#c9cdfb; border-radius:3px; padding:0 2px; }
.row { display:flex; flex-wrap:wrap; gap:8px; margin-top:8px; }
.btn { border-radius:3px; padding:2px 16px; min-height:32px; display:flex; align-items:center; font-size:14px; color:#fff; background:#4e5058; }
.btn.primary { background:#5865f2; } .btn.link::after { content:" ↗"; } .btn.disabled { opacity:.5; }
.select { width:100%; background:#1e1f22; border-radius:4px; padding:8px; color:#949ba4; font-size:14px; }
.img { background:#1e1f22; color:#949ba4; height:200px; display:flex; align-items:center; justify-content:center; border-radius:4px; }
.meta { color:#949ba4; font-size:12px; border-top:1px solid #3f4147; padding-top:6px; margin-top:10px; }
"""


def markdown(text: str) -> str:
    text = html.escape(text or "", quote=False)
    text = re.sub(r"\[([^\]]+)\]\((https?://[^)]+)\)", r'<a href="\2">\1</a>', text)
    text = re.sub(r"&lt;/([\w -]+):\d+&gt;", r'<span class="cmd">/\1</span>', text)
    text = re.sub(r"&lt;t:(\d+):R&gt;", lambda m: f"in {max(0, int(m[1]) - int(time.time()))} seconds", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", text)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    return text.replace("\\", "")


def message_html(m: dict) -> str:
    out = ['<div><span class="who">factbot</span><span class="bot">APP</span></div>']
    if m.get("content"):
        out.append(f'<div class="content">{markdown(m["content"])}</div>')
    for e in m.get("embeds", []):
        color = f"#{e.get('color', 0x1e1f22):06x}"
        parts = [f'<div class="embed" style="border-color:{color}">']
        if (e.get("author") or {}).get("name"):
            parts.append(f'<div class="author">{html.escape(e["author"]["name"])}</div>')
        if e.get("title"):
            parts.append(f'<div class="title">{html.escape(e["title"])}</div>')
        if e.get("description"):
            parts.append(f'<div class="desc">{markdown(e["description"])}</div>')
        for f in e.get("fields", []):
            parts.append(f'<div class="fn">{markdown(f["name"])}</div><div class="fv">{markdown(f["value"])}</div>')
        if e.get("image"):
            parts.append('<div class="img">[timeline picture]</div>')
        if (e.get("footer") or {}).get("text"):
            parts.append(f'<div class="footer">{html.escape(e["footer"]["text"])}</div>')
        out.append("".join(parts) + "</div>")
    for a in m.get("attachments", []):
        out.append(f'<div class="img">[{html.escape(a["filename"])}]</div>')
    for row in m.get("components", []):
        items = []
        for c in row.get("components", []):
            if c.get("type") == 3:
                items.append(f'<div class="select">{html.escape(c.get("placeholder") or "")} ▾</div>')
                continue
            cls = {1: "primary", 5: "link"}.get(c.get("style"), "")
            items.append(f'<div class="btn {cls}{" disabled" if c.get("disabled") else ""}">{html.escape(c.get("label") or "")}</div>')
        out.append('<div class="row">' + "".join(items) + "</div>")
    if (m.get("flags") or 0) & 64:
        out.append('<div class="only">Only you can see this · Dismiss message</div>')
    return "\n".join(out)


def page_html(shot: Shot) -> str:
    body = "\n".join(message_html(m) for m in shot.messages) or f"<i>{html.escape(shot.note)}</i>"
    meta = f"{shot.name}: {shot.lines} phone lines, {shot.chars} characters, {len(shot.messages)} message(s)"
    return (f'<!doctype html><meta charset="utf-8"><style>{CSS}</style>'
            f'<div class="phone">{body}<div class="meta">{html.escape(meta)}</div></div>')


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def screenshot(browser: str, page: Path, png: Path, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--hide-scrollbars", f"--user-data-dir={profile}", f"--screenshot={png}",
                        f"--window-size=380,{height}", page.as_uri()],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--no-screenshots", action="store_true")
    args = parser.parse_args(argv)
    shots, errors = asyncio.run(collect())
    if errors:
        print("the local Discord rejected:", *errors, sep="\n  ", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    browser = None if args.no_screenshots else chromium()
    index = []
    print(f"{'reply':<20}{'lines':>7}{'screens':>9}{'chars':>7}{'msgs':>6}")
    for shot in shots:
        page = args.out / f"{shot.name}.html"
        page.write_text(page_html(shot), encoding="utf-8")
        index.append(page_html(shot))
        if browser:
            screenshot(browser, page, args.out / f"{shot.name}.png", min(6000, 120 + 23 * max(shot.lines, 4)))
        print(f"{shot.name:<20}{shot.lines:>7}{shot.lines / 30:>9.1f}{shot.chars:>7}{len(shot.messages):>6}"
              + (f"  ({shot.note})" if shot.note else ""))
    (args.out / "preview.html").write_text("\n<hr>\n".join(index), encoding="utf-8")
    print(f"wrote {args.out}/preview.html" + (" and one PNG per reply" if browser else " (no Chromium: no screenshots)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
