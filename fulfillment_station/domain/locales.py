"""Locale names as babel's CLDR data knows them: one normalisation for everything that
formats money and dates (the views, the list, the slip). No Qt here: the UI hands over the
locale it chose (``ui.common.i18n``), the paperwork the desk's."""

from __future__ import annotations

#: What a desk gets when its locale says nothing about formats ("C", "POSIX", garbage).
FALLBACK_LOCALE = "en_US"

_NON_LANGUAGES = frozenset({"", "C", "POSIX"})


def babel_locale(name: str) -> str:
    """``"es_ES.UTF-8"`` -> ``"es_ES"``; a name babel cannot use -> :data:`FALLBACK_LOCALE`."""
    import babel  # here, not above: loading CLDR support is for the callers that format

    # "C.UTF-8", "de_DE.UTF-8@euro": the codeset and modifier say nothing about formats.
    base = name.split(".", 1)[0].split("@", 1)[0]
    if base.upper() in _NON_LANGUAGES:
        return FALLBACK_LOCALE
    try:
        locale = babel.Locale.parse(base)
    except (ValueError, TypeError, babel.UnknownLocaleError):
        return FALLBACK_LOCALE  # other non-languages
    if locale.variant == "POSIX":  # babel 2.19 reads "C" as en_US_POSIX
        return FALLBACK_LOCALE
    return str(locale)
