"""Bundled fonts, and drawing untrusted text in any script with them.

DejaVu Sans covers Latin with accents, Greek and Cyrillic. Characters it lacks (Chinese,
Japanese, Korean) switch, run by run, to Droid Sans Fallback. Both fonts are bundled under
``resources/fonts`` with their licences, and reportlab embeds only the glyphs used, so the PDFs
stay small and print the same on any machine. reportlab's CID fonts (STSong-Light, HeiseiMin-W3)
were tried first and rejected: they are not embedded, and viewers without Adobe's Asian font
packs (pdfium, poppler) draw empty boxes.

reportlab keeps fonts in its own process-wide registry; registering is idempotent, so fonts are
registered on first use (the 3 MB CJK font only when a CJK character first appears).

Every string that reaches a PDF passes through here: ``markup`` escapes it for Paragraph markup
so a customer called ``<b>&`` prints literally.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from fulfillment_station.resources import RESOURCES_DIR

FONTS_DIR = RESOURCES_DIR / "fonts"

SANS = "FS-Sans"
SANS_BOLD = "FS-Sans-Bold"
FALLBACK = "FS-Fallback"

Align = Literal["left", "right", "center"]

# C0/C1 control characters other than tab and newline; an API string may carry them and
# they have no business on paper.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@cache
def _base_fonts() -> frozenset[int]:
    """Register DejaVu Sans (regular and bold); return the code points it can draw."""
    regular = TTFont(SANS, str(FONTS_DIR / "DejaVuSans.ttf"))
    bold = TTFont(SANS_BOLD, str(FONTS_DIR / "DejaVuSans-Bold.ttf"))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(bold)
    for italic in (0, 1):
        addMapping(SANS, 0, italic, SANS)
        addMapping(SANS, 1, italic, SANS_BOLD)
    return frozenset(regular.face.charToGlyph)


@cache
def _fallback_font() -> frozenset[int]:
    """Register the CJK fallback; return the code points it can draw."""
    font = TTFont(FALLBACK, str(FONTS_DIR / "DroidSansFallback.ttf"))
    pdfmetrics.registerFont(font)
    # The fallback has no bold face; bold CJK prints in the regular weight.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FALLBACK, bold, italic, FALLBACK)
    return frozenset(font.face.charToGlyph)


def ensure_fonts() -> None:
    """Register the base fonts (cheap after the first call)."""
    _base_fonts()


def clean(text: str | None) -> str:
    """Untrusted text with control characters turned into spaces; None becomes ''."""
    if not text:
        return ""
    return _CONTROL.sub(" ", text)


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split text into (font name, text) runs: base font where it has the glyph, else fallback."""
    base = SANS_BOLD if bold else SANS
    if text.isascii():
        return [(base, text)] if text else []
    covered = _base_fonts()
    out: list[tuple[str, str]] = []
    current = base
    start = 0
    for i, ch in enumerate(text):
        code = ord(ch)
        font = base if code in covered or code not in _fallback_font() else FALLBACK
        if font != current and i > start:
            out.append((current, text[start:i]))
            start = i
        current = font
    if start < len(text):
        out.append((current, text[start:]))
    return out


def markup(text: str | None, bold: bool = False) -> str:
    """Paragraph markup that shows ``text`` literally, with CJK runs in the fallback font."""
    parts: list[str] = []
    for font, chunk in runs(clean(text), bold):
        escaped = escape(chunk).replace("\n", "<br/>")
        parts.append(escaped if font != FALLBACK else f'<font name="{FALLBACK}">{escaped}</font>')
    body = "".join(parts)
    return f"<b>{body}</b>" if bold and body else body


def string_width(text: str, size: float, bold: bool = False) -> float:
    return sum(pdfmetrics.stringWidth(chunk, font, size) for font, chunk in runs(text, bold))


def fit_size(
    text: str, max_width: float, size: float, min_size: float, bold: bool = False
) -> float:
    """The largest font size from ``size`` down to ``min_size`` at which text fits the width."""
    width = string_width(text, size, bold)
    if width <= max_width or width == 0:
        return size
    return max(min_size, size * max_width / width)


def clip(text: str, max_width: float, size: float, bold: bool = False) -> str:
    """Text cut with an ellipsis so it fits ``max_width`` at ``size``."""
    if string_width(text, size, bold) <= max_width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if string_width(text[:mid] + "…", size, bold) <= max_width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def draw_string(
    canvas: Canvas,
    x: float,
    y: float,
    text: str | None,
    size: float,
    *,
    bold: bool = False,
    align: Align = "left",
    max_width: float | None = None,
    min_size: float | None = None,
) -> float:
    """Draw one line of untrusted text; shrink then clip it to ``max_width``. Returns its width."""
    line = clean(text).replace("\n", " ").replace("\t", " ")
    if max_width is not None:
        size = fit_size(line, max_width, size, min_size or size, bold)
        line = clip(line, max_width, size, bold)
    width = string_width(line, size, bold)
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    for font, chunk in runs(line, bold):
        canvas.setFont(font, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, font, size)
    return width
