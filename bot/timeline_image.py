"""The timeline as a picture (PNG), drawn with Pillow and the DejaVu fonts shipped in bot/fonts.

A vertical timeline reads well on a phone: one row per event, months as section marks on the
axis, exact dates as filled dots and approximate ones as hollow dots with an "≈" date. The card
has its own opaque background, so it reads the same in Discord's light and dark themes.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bot.facts import Event, FactBase

FONTS = Path(__file__).with_name("fonts")
WIDTH = 760  # narrow, with large type: Discord shows it at the screen's width on a phone
MARGIN = 32
AXIS_X = 196
TEXT_X = AXIS_X + 26
SCALE = 2  # draw at twice the size and scale down: smooth edges without an antialiasing library
SUBTITLE_LINE = 26  # the subtitle (facts.yaml's meta.picture_subtitle) wraps like the title, at this height

BACKGROUND = (30, 33, 40)
CARD_TEXT = (236, 238, 242)
MUTED = (160, 167, 180)
ACCENT = (88, 166, 255)
APPROX = (255, 184, 77)
AXIS = (80, 88, 102)


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size * SCALE)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width_px: int) -> list[str]:
    """Wrap to a pixel width (character counts lie for proportional fonts)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        words, line = paragraph.split(), ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if draw.textlength(candidate, font=font) <= width_px * SCALE:
                line = candidate
            else:
                if line:
                    lines.append(line)
                line = word
        lines.append(line)
    return lines


def _date_text(event: Event) -> str:
    """A compact date for the axis, its uncertainty visible: "9 Feb 2018", "≈ 10 Feb 2018", "before 9 Feb"."""
    import datetime as dt

    parts = [int(p) for p in event.date.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        label = f"{day.day} {day:%b %Y}" if event.precision not in ("before", "after") else f"{day.day} {day:%b}"
    elif len(parts) == 2:
        label = f"{dt.date(parts[0], parts[1], 1):%b %Y}"
    else:
        label = str(parts[0])
    if event.precision == "range" and event.date_to:
        end = dt.date(*[int(p) for p in event.date_to.split("-")])
        return f"{label.split()[0]}–{end.day} {end:%b %Y}" if len(parts) == 3 else f"{label}–{end:%b %Y}"
    return {"approximate": "≈ ", "before": "before ", "after": "after "}.get(event.precision, "") + label


def _actors(fb: FactBase, event: Event) -> str:
    return ", ".join(fb.person_by_id[p].name for p in event.people if p in fb.person_by_id)


def layout(fb: FactBase, events: list[Event]) -> list[dict]:
    """What is drawn for each event, in order: the tests read this to check every event is there."""
    rows = []
    for e in events:
        rows.append({
            "id": e.id,
            "month": e.date[:7],
            "date": _date_text(e),
            "title": e.title,
            "actors": _actors(fb, e),
            "approximate": not e.is_exact and e.precision != "month",
            "precision": e.precision,
        })
    return rows


def render_timeline_png(fb: FactBase, events: list[Event]) -> bytes:
    rows = layout(fb, events)
    scratch = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    f_title, f_sub = _font(31, True), _font(18)
    f_month, f_date, f_event, f_actor = _font(16, True), _font(17, True), _font(23, True), _font(18)
    f_foot = _font(15)
    text_width = WIDTH - TEXT_X - MARGIN

    # Measure first, then draw on a canvas of the right height.
    heading_lines = _wrap(scratch, fb.meta.picture_title, f_title, WIDTH - 2 * MARGIN)
    subtitle_lines = _wrap(scratch, fb.meta.picture_subtitle, f_sub, WIDTH - 2 * MARGIN)
    below_subtitle = SUBTITLE_LINE * (len(subtitle_lines) - 1)  # its lines after the first
    blocks = []
    y = MARGIN + 44 * len(heading_lines) + below_subtitle + 90  # below the subtitle and the legend
    last_month = None
    for row in rows:
        if row["month"] != last_month:
            y += 44
            last_month = row["month"]
        title_lines = _wrap(scratch, row["title"], f_event, text_width)
        actor_lines = _wrap(scratch, row["actors"], f_actor, text_width) if row["actors"] else []
        height = 31 * len(title_lines) + 25 * len(actor_lines) + 24
        blocks.append((y, row, title_lines, actor_lines))
        y += height
    footer_lines = _wrap(scratch, _footer(fb), f_foot, WIDTH - 2 * MARGIN)
    height = y + 32 + 22 * len(footer_lines) + MARGIN // 2

    img = Image.new("RGB", (WIDTH * SCALE, height * SCALE), BACKGROUND)
    d = ImageDraw.Draw(img)
    s = SCALE

    ty = MARGIN
    for line in heading_lines:
        d.text((MARGIN * s, ty * s), line, font=f_title, fill=CARD_TEXT)
        ty += 44
    for i, line in enumerate(subtitle_lines):
        d.text((MARGIN * s, (ty + 4 + SUBTITLE_LINE * i) * s), line, font=f_sub, fill=MUTED)
    _legend(d, MARGIN, ty + 36 + below_subtitle, f_foot)

    top = blocks[0][0] - 30 if blocks else MARGIN + 120
    bottom = blocks[-1][0] + 20 if blocks else top
    d.line([(AXIS_X * s, top * s), (AXIS_X * s, bottom * s)], fill=AXIS, width=3 * s)

    last_month = None
    for y, row, title_lines, actor_lines in blocks:
        if row["month"] != last_month:
            last_month = row["month"]
            label = _month_label(row["month"])
            d.text(((AXIS_X + 16) * s, (y - 40) * s), label.upper(), font=f_month, fill=ACCENT)
        # the dot: filled for an exact date, hollow for an approximate one
        r = 9
        centre = (AXIS_X * s, (y + 14) * s)
        box = [centre[0] - r * s, centre[1] - r * s, centre[0] + r * s, centre[1] + r * s]
        if row["approximate"] or row["precision"] in ("before", "after", "range"):
            d.ellipse(box, fill=BACKGROUND, outline=APPROX, width=3 * s)
        else:
            d.ellipse(box, fill=ACCENT)
        date_color = APPROX if row["approximate"] or row["precision"] in ("before", "after", "range") else CARD_TEXT
        date_w = d.textlength(row["date"], font=f_date)
        d.text(((AXIS_X - 18) * s - date_w, (y + 3) * s), row["date"], font=f_date, fill=date_color)
        ty = y
        for line in title_lines:
            d.text((TEXT_X * s, ty * s), line, font=f_event, fill=CARD_TEXT)
            ty += 31
        for line in actor_lines:
            d.text((TEXT_X * s, ty * s), line, font=f_actor, fill=MUTED)
            ty += 25

    fy = bottom + 40
    d.line([(MARGIN * s, (fy - 14) * s), ((WIDTH - MARGIN) * s, (fy - 14) * s)], fill=AXIS, width=1 * s)
    for line in footer_lines:
        d.text((MARGIN * s, fy * s), line, font=f_foot, fill=MUTED)
        fy += 22

    img = img.resize((WIDTH, height), Image.LANCZOS)
    out = io.BytesIO()
    img.quantize(palette=_theme_palette(), dither=Image.Dither.NONE).save(out, format="PNG", optimize=True)
    return out.getvalue()


def _theme_palette() -> Image.Image:
    """Every theme colour blended with the background in steps: a 256-colour palette that keeps
    the rare accent colours exact (an adaptive palette merges them away) and the edges smooth."""
    colors = [BACKGROUND]
    for color in (CARD_TEXT, MUTED, ACCENT, APPROX, AXIS):
        for step in range(1, 51):
            t = step / 50
            colors.append(tuple(round(b + (c - b) * t) for b, c in zip(BACKGROUND, color)))
    colors = list(dict.fromkeys(colors))[:256]
    palette = Image.new("P", (1, 1))
    palette.putpalette([v for c in colors for v in c] + [0, 0, 0] * (256 - len(colors)))
    return palette


def _legend(d: ImageDraw.ImageDraw, x: int, y: int, font) -> None:
    s = SCALE
    r = 7
    d.ellipse([(x) * s, (y + 3) * s, (x + 2 * r) * s, (y + 3 + 2 * r) * s], fill=ACCENT)
    d.text(((x + 24) * s, y * s), "exact date (day or month)", font=font, fill=MUTED)
    x2 = x + 250
    d.ellipse([x2 * s, (y + 3) * s, (x2 + 2 * r) * s, (y + 3 + 2 * r) * s], fill=BACKGROUND, outline=APPROX, width=2 * s)
    d.text(((x2 + 24) * s, y * s), "≈ approximate, or a bound (\"before\")", font=font, fill=MUTED)


def _month_label(month: str) -> str:
    import datetime as dt

    year, mon = (int(p) for p in month.split("-")[:2])
    return dt.date(year, mon, 1).strftime("%B %Y")


def _footer(fb: FactBase) -> str:
    parts = []
    for src in fb.sources:
        bits = [src.name]
        if src.author:
            bits.append(src.author)
        if src.published:
            bits.append(src.published)
        parts.append(" · ".join(bits))
    return "Sources: " + "; ".join(parts) + ". Dates not printed in the articles are derived from them; see `timeline` for how."
