"""Text from the outside made safe once, at the edge, and text made safe for a terminal.

Every string an Orders API sends passes :func:`clean_api_text` when its answer is decoded, so
storage (SQLite refuses lone surrogates), PDF, ZPL and the screen never see it raw: a lone
surrogate (what cutting an emoji in half gives) becomes U+FFFD, control characters go (tab and
newline stay; a carriage return becomes a newline) and an absurd length is cut. What reaches a
terminal passes :func:`for_terminal` as well, which also escapes bidirectional overrides, so a
buyer's name cannot move the cursor, ring the bell or reverse the line. :func:`short_message`
turns an error body into one plain line (never a page of HTML).
"""

from __future__ import annotations

import re

#: Longest text kept from one API field; a notes field is far shorter in practice.
MAX_FIELD_CHARS = 20_000
#: Longest API message kept in an error.
MAX_MESSAGE_CHARS = 300

_SURROGATES = re.compile("[\ud800-\udfff]")
# C0 controls except tab and newline, DEL and the C1 controls.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates: they reverse the text around them.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_HTML = re.compile(r"^\s*<(?:!doctype|html|head|body|\?xml|title|h1|div|p\b)", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def clean_api_text(value: str, max_chars: int = MAX_FIELD_CHARS) -> str:
    """``value`` without lone surrogates, control characters or an absurd length."""
    if len(value) <= max_chars and value.isprintable():
        return value  # the common case: nothing to do
    if len(value) > max_chars:
        value = value[: max_chars - 1] + "\u2026"
    value = _SURROGATES.sub("\ufffd", value)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", value)


def _escape_char(char: str) -> str:
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def for_terminal(value: object, max_chars: int | None = None) -> str:
    """``value`` as one line a terminal shows as text: controls, surrogates and bidi
    overrides escaped (``\\x1b``), optionally cut to ``max_chars``."""
    text = str(value)
    if max_chars is not None and len(text) > max_chars:
        text = text[: max_chars - 1] + "\u2026"
    if text.isprintable():
        return text
    # Anything not printable (controls, surrogates, bidi and other format characters, line
    # separators, unassigned code points) is shown escaped.
    return "".join(c if c.isprintable() else _escape_char(c) for c in text)


def looks_like_html(text: str) -> bool:
    return bool(_HTML.match(text[:200]))


def short_message(text: str, max_chars: int = MAX_MESSAGE_CHARS) -> str:
    """An API's error text as one plain line: an HTML page is named, not pasted."""
    if not text:
        return ""
    if looks_like_html(text):
        return "(an HTML page instead of the API's answer)"
    line = _SPACES.sub(
        " ", _BIDI.sub("", clean_api_text(text[: max_chars * 4], max_chars * 4))
    ).strip()
    if len(line) > max_chars:
        line = line[: max_chars - 1] + "\u2026"
    return line


def is_text_safe(value: str) -> bool:
    """Whether ``value`` is what :func:`clean_api_text` lets through (tests and asserts)."""
    return not _SURROGATES.search(value) and not _CONTROLS.search(value) and "\r" not in value
