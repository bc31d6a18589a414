"""How text is folded for looking orders up, in one place for the cache, the order list's
filter engine and the scanner: free-text search terms (case- and accent-insensitive words)
and the exact-match form of a scanned code. Pure functions, no storage."""

from __future__ import annotations

import re
import unicodedata

# Combining marks left after NFKD decomposition (Latin accents, kana voicing marks, ...).
_COMBINING = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a\ufe20-\ufe2f]"
)

# Letters NFKD leaves whole but a packer types without the stroke: "Łódź" is found by "lodz".
_UNDECOMPOSABLE = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)


def normalize_text(text: str) -> str:
    """Case- and accent-insensitive form used for free-text search: "Müller" -> "muller"."""
    if text.isascii():
        return text.lower()
    folded = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()
    return folded.translate(_UNDECOMPOSABLE)


def search_tokens(text: str) -> list[str]:
    """The words of a search box entry; an order matches when it contains every one."""
    return normalize_text(text).split()


def normalize_code(text: str) -> str:
    """The exact-match form of a scanned code: no spaces, no leading ``#``, upper case."""
    return "".join(text.split()).lstrip("#").upper()
