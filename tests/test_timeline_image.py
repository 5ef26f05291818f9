"""The timeline picture: a valid, small PNG that shows every event, attached by /timeline."""

import asyncio
import io

from PIL import Image

from bot import timeline_image
from bot.cli import main
from tests.discord_helpers import custom_id, embed_text, followup, settings_for, start_bot, stop_bot


def close(pixel, color, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, color))


def axis_runs(img: Image.Image, color) -> int:
    """Runs of `color` down the timeline's axis: one per filled dot, two per hollow one."""
    rgb = img.convert("RGB")
    runs, inside = 0, False
    for y in range(rgb.height):
        hit = close(rgb.getpixel((timeline_image.AXIS_X, y)), color)
        runs += hit and not inside
        inside = hit
    return runs


def test_png_is_valid_small_and_shows_every_event(factbase):
    events = factbase.events
    data = timeline_image.render_timeline_png(factbase, events)
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) < 300_000
    img = Image.open(io.BytesIO(data))
    img.verify()
    img = Image.open(io.BytesIO(data))
    assert img.format == "PNG" and img.width == timeline_image.WIDTH and 600 < img.height < 4000
    rows = timeline_image.layout(factbase, events)
    assert [r["id"] for r in rows] == [e.id for e in events]
    uncertain = [e for e in events if e.precision in ("approximate", "before", "after", "range")]
    exact = [e for e in events if e not in uncertain]
    assert uncertain and exact
    assert axis_runs(img, timeline_image.ACCENT) == len(exact)
    assert axis_runs(img, timeline_image.APPROX) == 2 * len(uncertain)
    assert all(r["date"].startswith(("≈", "before", "after")) or "–" in r["date"] for r in rows if r["id"] in {e.id for e in uncertain})


def test_fewer_events_fewer_dots(factbase):
    events = factbase.events[:3]
    img = Image.open(io.BytesIO(timeline_image.render_timeline_png(factbase, events)))
    dots = axis_runs(img, timeline_image.ACCENT) + axis_runs(img, timeline_image.APPROX) // 2
    assert dots == 3


def test_cli_writes_png(tmp_path, capsys):
    out = tmp_path / "t.png"
    assert main(["timeline", "--png", str(out)]) == 0
    assert Image.open(out).format == "PNG" and "wrote" in capsys.readouterr().out


async def test_timeline_command_attaches_the_picture_rendered_once(fake, tmp_path, monkeypatch):
    calls = []
    real = timeline_image.render_timeline_png
    monkeypatch.setattr(timeline_image, "render_timeline_png", lambda *a: calls.append(1) or real(*a))
    bot, task = await start_bot(fake, settings_for(fake, tmp_path))
    try:
        await _timeline_checks(fake, calls)
    finally:
        await stop_bot(bot, task)
    assert fake.errors == []


async def _timeline_checks(fake, calls):
    first = await fake.slash("timeline", {})
    response = await fake.response(first)
    picture = await followup(first)  # the picture is a message of its own, so paging never drops it
    files = picture["attachments"]
    assert len(files) == 1 and files[0]["filename"] == "timeline.png" and fake.messages[picture["id"]]["attachments"][0]["data"][:4] == b"\x89PNG"
    assert "Page 1 of" in embed_text(response["data"])
    second = await fake.slash("timeline", {})
    await fake.response(second)
    assert (await followup(second))["attachments"] and len(calls) == 1  # drawn once at start-up, not on every call
    without = await fake.slash("timeline", {"picture": False})
    assert not (await fake.response(without))["files"]
    await asyncio.sleep(0.1)
    assert without.followups == []
    turned = await fake.response(await fake.press(first.message, custom_id(first.message, "Next")))
    assert turned["type"] == 7 and "Page 2 of" in embed_text(turned["data"])
    assert fake.messages[picture["id"]]["attachments"]  # still there after paging


def test_a_subtitle_too_long_for_one_line_wraps_onto_more(factbase):
    from dataclasses import replace

    def height(subtitle: str) -> int:
        fb = replace(factbase, model=replace(factbase.model, meta=replace(factbase.meta, picture_subtitle=subtitle)))
        return Image.open(io.BytesIO(timeline_image.render_timeline_png(fb, fb.events))).height

    assert height("As reported in " + "many articles and more " * 8) == height("As reported") + 2 * timeline_image.SUBTITLE_LINE
