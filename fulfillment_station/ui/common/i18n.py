"""Language of the app: which catalog to load, loading it, and locale-aware money and dates.

Translations are Qt's: widgets call ``self.tr("...")`` (or ``QCoreApplication.translate`` with
an explicit context); a sentence made below the UI arrives as a ``domain.messages.Message`` and
every view shows it through :func:`translate_message`. The catalogs are
``resources/translations/fulfillment_station_<lang>.ts`` (Qt Linguist XML, reviewed in git).
Qt loads only compiled ``.qm`` files, so:

- a frozen build ships ``.qm`` files next to the ``.ts`` files (``packaging/build.sh`` runs
  :func:`compile_bundled_translations` inside the installed package before PyInstaller);
- a ``pip install`` / source checkout compiles the ``.ts`` once into the cache folder the
  caller names (``launch`` and ``session`` pass the app's user cache dir) with ``lrelease``,
  which every PySide6-Essentials wheel ships (``PySide6/lrelease``). The cached file is named
  after a hash of the ``.ts`` so an edited catalog is recompiled, never stale.

The ``.qm`` files are not committed: they are build output that would drift from the ``.ts``.
A missing catalog (no lrelease, unreadable file) logs a warning and leaves the app in English.

Money and dates use babel's CLDR data, so a Spanish desk reads ``1234,50 €`` and a Brazilian
one ``R$ 1.234,50``; Qt's own ``QLocale`` is set to the same locale for Qt-drawn widgets.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Literal

import babel
import babel.dates
import babel.numbers
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fulfillment_station.domain.locales import babel_locale
from fulfillment_station.domain.messages import Message
from fulfillment_station.resources import RESOURCES_DIR

log = logging.getLogger(__name__)

#: The languages the UI is written in or translated to; English is the source language.
LANGUAGES: tuple[str, ...] = ("en", "es", "pt_BR")
SOURCE_LANGUAGE = "en"
CATALOG_PREFIX = "fulfillment_station_"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"


class TranslationError(RuntimeError):
    """A catalog could not be compiled; ``str()`` says which and why."""


@dataclass
class InstalledLanguage:
    """What :func:`install_translator` did: the UI language, the locale used for money and
    dates (may be more specific, e.g. ``es_MX``), and the translators it installed (kept here
    so they live as long as the caller wants them to)."""

    language: str
    locale: str
    translators: list[QTranslator] = field(default_factory=list)


def resolve_language(setting: str, system_locale: str) -> str:
    """The UI language for the ``general.language`` setting; ``"system"`` follows the system
    locale name (``es_MX`` -> ``es``, any Portuguese -> ``pt_BR``, anything else -> ``en``)."""
    if setting in LANGUAGES:
        return setting
    name = system_locale.replace("-", "_")
    if name in LANGUAGES:
        return name
    base = name.split("_", 1)[0]
    if base in LANGUAGES:
        return base
    # pt_BR is the only Portuguese catalog; a pt_PT desk reads it better than English.
    for language in LANGUAGES:
        if language.split("_", 1)[0] == base:
            return language
    return SOURCE_LANGUAGE


def resolve_locale(setting: str, system_locale: str) -> str:
    """The locale for money and dates: the system's own when the language follows the system
    (so ``es_MX`` keeps Mexican formats), else the chosen language's."""
    candidate = system_locale if setting not in LANGUAGES else setting
    return babel_locale(candidate.replace("-", "_"))


# Names a system gives when no language is set. Babel 2.19 parses "C" as en_US_POSIX (a real
# CLDR locale with ASCII-only formats); the desk wants the ordinary fallback instead.
# -- catalogs ---------------------------------------------------------------------------------


def catalog_source(language: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    return directory / f"{CATALOG_PREFIX}{language}.ts"


def find_lrelease() -> Path | None:
    """The lrelease that ships inside PySide6, else one on PATH."""
    import PySide6

    exe = "lrelease.exe" if os.name == "nt" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / exe
    if bundled.is_file():
        return bundled
    for name in ("pyside6-lrelease", "lrelease", "lrelease-qt6"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def compile_catalog(ts: Path, qm: Path, lrelease: Path | None = None) -> Path:
    """Compile one ``.ts`` into ``qm`` (written atomically: a half-written catalog is never
    loaded by a second app starting at the same moment)."""
    tool = lrelease or find_lrelease()
    if tool is None:
        raise TranslationError(f"cannot compile {ts.name}: lrelease is not installed")
    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_name(f"{qm.name}.{os.getpid()}.tmp")
    result = subprocess.run(
        [str(tool), "-silent", str(ts), "-qm", str(partial)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not partial.is_file():
        partial.unlink(missing_ok=True)
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise TranslationError(
            f"cannot compile {ts.name}: "
            f"{detail[-1] if detail else f'lrelease exit {result.returncode}'}"
        )
    os.replace(partial, qm)
    return qm


def compile_bundled_translations(
    directory: Path = TRANSLATIONS_DIR, lrelease: Path | None = None
) -> list[Path]:
    """Compile every catalog to a ``.qm`` beside it (build time; the frozen app loads those)."""
    return [
        compile_catalog(ts, ts.with_suffix(".qm"), lrelease)
        for ts in sorted(directory.glob(f"{CATALOG_PREFIX}*.ts"))
    ]


def catalog_file(
    language: str,
    *,
    translations_dir: Path = TRANSLATIONS_DIR,
    cache_dir: Path,
    lrelease: Path | None = None,
) -> Path | None:
    """The ``.qm`` to load for ``language``: a bundled one that is not older than its ``.ts``
    (or any bundled one where nothing can compile, as in the frozen app, whose file times
    are the copy's), else one compiled into ``cache_dir``/translations. ``None`` for the source
    language."""
    if language == SOURCE_LANGUAGE:
        return None
    ts = catalog_source(language, translations_dir)
    bundled = ts.with_suffix(".qm")
    if bundled.is_file():
        fresh = not ts.is_file() or bundled.stat().st_mtime >= ts.stat().st_mtime
        if fresh or (lrelease or find_lrelease()) is None:
            return bundled
    if not ts.is_file():
        raise TranslationError(f"no catalog for language {language!r} in {translations_dir}")
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    cached = cache_dir / "translations" / f"{ts.stem}-{digest}.qm"
    if not cached.is_file():
        compile_catalog(ts, cached, lrelease)
    return cached


def install_translator(
    app: QCoreApplication,
    language: str = "system",
    *,
    system_locale: str | None = None,
    translations_dir: Path = TRANSLATIONS_DIR,
    cache_dir: Path,
) -> InstalledLanguage:
    """Load the app's catalog (and Qt's own, for standard buttons) for the ``general.language``
    setting and make the matching locale Qt's default; a catalog that must be compiled goes
    into ``cache_dir`` (see :func:`catalog_file`). Never raises for a missing catalog: the
    packer gets an English app and the log says why."""
    system = system_locale if system_locale is not None else QLocale.system().name()
    chosen = resolve_language(language, system)
    installed = InstalledLanguage(chosen, resolve_locale(language, system))
    QLocale.setDefault(QLocale(installed.locale))
    if chosen == SOURCE_LANGUAGE:
        return installed
    try:
        qm = catalog_file(chosen, translations_dir=translations_dir, cache_dir=cache_dir)
    except TranslationError as exc:
        log.warning("UI stays in English: %s", exc)
        installed.language = SOURCE_LANGUAGE
        return installed
    catalogs = [qm] if qm is not None else []
    qt_catalog = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / (
        f"qtbase_{chosen}.qm"
    )
    if qt_catalog.is_file():
        catalogs.append(qt_catalog)
    for path in catalogs:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            installed.translators.append(translator)
        else:
            log.warning("cannot load translation catalog %s", path)
    if not installed.translators:
        installed.language = SOURCE_LANGUAGE
    return installed


def switch_language(
    app: QCoreApplication,
    language: str,
    previous: InstalledLanguage | None,
    *,
    system_locale: str | None = None,
    cache_dir: Path,
) -> InstalledLanguage:
    """Change the UI language of a running app: the catalogs of ``previous`` are removed and
    those of ``language`` installed (Qt then sends every widget a LanguageChange event). Texts
    a widget made once with ``tr`` stay as they were: the session rebuilds the window after
    this (``session.AppSession``), so every window, menu and panel is made afresh."""
    if previous is not None:
        for translator in previous.translators:
            app.removeTranslator(translator)
        previous.translators.clear()
    return install_translator(app, language, system_locale=system_locale, cache_dir=cache_dir)


# -- messages from the layers below ----------------------------------------------------------


def translate_message(text: str) -> str:
    """What a view shows for ``text``: a :class:`Message` in the UI language (its template
    looked up under its context, then filled in with its parameters, message parameters
    translated too); any other text (the API's own words, a name) exactly as it is."""
    if not isinstance(text, Message):
        return str.__str__(text)
    template = QCoreApplication.translate(text.context, text.template)
    if not text.params:
        return template
    params = {
        name: translate_message(value) if isinstance(value, str) else value
        for name, value in text.params.items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError) as exc:
        # A catalog with a broken placeholder (the completeness test catches it): English is
        # better than no sentence at all.
        log.warning("translation of %r does not fit its parameters: %s", text.template, exc)
        return text.template.format(**params)


# -- money and dates --------------------------------------------------------------------------


DateStyle = Literal["short", "medium", "long"]


def format_datetime(
    dt: datetime, locale: str, *, tz: tzinfo | None = None, style: DateStyle = "short"
) -> str:
    """A UTC timestamp as the desk reads it: in ``tz`` (default: the machine's time zone)
    and in the locale's order and separators (``es``: ``23/11/26, 9:43``)."""
    local = dt.astimezone(tz)
    return babel.dates.format_datetime(local, format=style, locale=babel_locale(locale))


def current_locale() -> str:
    """The locale :func:`install_translator` chose (Qt's default locale), for widgets that
    format money and dates."""
    return babel_locale(QLocale().name())
