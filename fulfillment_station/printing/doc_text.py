"""The words printed on slips and the app's own labels, in the document's language.

A slip goes to the customer, so it is written in the store's document language
(``PrintSettings.document_language``, by default the packer's UI language), which need not be
the language of the screen. The printing layer has no Qt, so it cannot ask Qt's translator;
it reads the same reviewed catalogs the UI uses (``resources/translations/*.ts``, context
``Document``) with the standard library's XML parser, once per language.

Captions are marked with :func:`doc` (``QT_TRANSLATE_NOOP`` under another name is not found
by ``lupdate``, so the catalog entries are written by hand under the ``Document`` context).
A language without a catalog, or a caption the catalog lacks, prints in English.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from fulfillment_station.resources import RESOURCES_DIR

log = logging.getLogger(__name__)

CONTEXT = "Document"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"


def doc(text: str) -> str:
    """Marks an English caption for the ``Document`` catalog context; returns it unchanged."""
    return text


def _catalog_path(language: str, directory: Path) -> Path | None:
    """``pt_BR`` -> ``..._pt_BR.ts``; ``es_ES`` falls back to ``..._es.ts``."""
    name = language.replace("-", "_")
    for candidate in (name, name.split("_")[0]):
        path = directory / f"fulfillment_station_{candidate}.ts"
        if candidate and path.is_file():
            return path
    return None


@lru_cache(maxsize=8)
def _catalog(language: str, directory: Path = TRANSLATIONS_DIR) -> dict[str, str]:
    path = _catalog_path(language, directory)
    if path is None or language.split("_")[0].lower() == "en":
        return {}
    try:
        root = ET.parse(path).getroot()  # our own reviewed file, not outside input
    except (OSError, ET.ParseError) as exc:
        log.warning("document captions stay English: %s is unreadable (%s)", path, exc)
        return {}
    found: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if (
                source
                and translation is not None
                and translation.text
                and translation.get("type") not in ("unfinished", "obsolete")
            ):
                found[source] = translation.text
    return found


def translator(language: str) -> Callable[[str], str]:
    """A function giving each English caption in ``language`` (English where none)."""
    catalog = _catalog(language or "en")
    return lambda text: catalog.get(text, text)
