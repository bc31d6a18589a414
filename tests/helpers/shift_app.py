"""A packer's shift for ``tests/e2e/test_shift_in_spanish.py``: the whole app as
``fulfillment-station`` builds it (training mode, files printed to a folder, an in-memory
keyring), with the UI language chosen *before* any widget exists as the launcher does it:
the real Spanish catalog from a fresh install, or the pseudo-translation the sweep uses, so
that every word that did not go through Qt's translation shows up outside ⟦…⟧."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication

from fulfillment_station.app import AppParts, AppServices
from fulfillment_station.services.connection_setup import is_first_run
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.services.training_printer import training_print_folder
from fulfillment_station.session import AppSession
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import SettingsStore
from fulfillment_station.ui.common.i18n import catalog_source, install_translator
from fulfillment_station.ui.shell.first_run import FirstRunDialog
from tests.helpers.desk_pseudo import PseudoTranslator
from tests.helpers.keyring import MemoryKeyring


class RecordingPseudoTranslator(PseudoTranslator):
    """The sweep's pseudo-translation, remembering every (context, source) the app asked
    for while it ran: the sentences a catalog must translate for this shift."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if source:
            self.asked.add((context, source))
        return super().translate(context, source, disambiguation, n)


@dataclass
class Shift:
    parts: AppParts
    ui: str
    #: the folder the slips (and labels) of the shift are printed to
    prints: Path
    #: under the pseudo-translation: every (context, source) the app translated
    asked: set[tuple[str, str]] = field(default_factory=set)


def finished_translations(language: str) -> set[tuple[str, str]]:
    """(context, source) of every message the ``language`` catalog translates for good (not
    unfinished, obsolete or empty)."""
    found: set[tuple[str, str]] = set()
    root = ET.parse(catalog_source(language)).getroot()  # the project's own reviewed file
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in (
                "unfinished",
                "obsolete",
                "vanished",
            ):
                continue
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if all(forms):
                found.add((name, message.findtext("source") or ""))
    return found


@contextmanager
def shift_app(
    qtbot: Any, qapp: QApplication, tmp_path: Path, ui: str, env: pytest.MonkeyPatch
) -> Iterator[Shift]:
    """The app for a shift. ``ui`` "es": from install on a Spanish desk (system locale
    es_ES, no settings file: the first-run wizard is answered with Enter, which chooses
    training mode; every setting at its default, so training prints to its own folder).
    ``ui`` "pseudo": the pseudo-translation on a desk set up for address labels (ZPL) with a
    ship-from address, documents in Spanish. Printed files land in ``Shift.prints``."""
    previous_keyring = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    previous_locale = QLocale()
    translators: list[Any] = []
    asked: set[tuple[str, str]] = set()
    store = SettingsStore(tmp_path / "config" / "settings.json")
    tokens = TokenStore()
    if ui == "pseudo":
        pseudo = RecordingPseudoTranslator()
        QCoreApplication.installTranslator(pseudo)
        translators.append(pseudo)
        asked = pseudo.asked
        prints = tmp_path / "prints"
        store.save(
            store.load().replace(
                {
                    "general.language": "es",  # the documents follow the packer's language
                    "printers.slip_printer": f"file:{prints}",
                    "printers.label_printer": f"file:{prints}",
                    "printers.label_format": "zpl",
                    "printers.address_labels": True,
                    "station.packer_name": "Ana",
                    "station.return_name": "Harbour Teas",
                    "station.return_line1": "12 Harbour Road",
                    "station.return_city": "Portland",
                    "station.return_country": "US",
                    "sounds.enabled": False,
                }
            )
        )
    else:
        # The desk's system language, as the launcher reads it ("system" is the default).
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            env.setenv(name, "es_ES.UTF-8")
        translators += install_translator(
            qapp, "system", system_locale="es_ES", cache_dir=tmp_path / "cache"
        ).translators
        prints = training_print_folder(tmp_path / "data", create=False)
        assert is_first_run(store)
        wizard = FirstRunDialog(store, tokens)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        with qtbot.waitSignal(wizard.accepted, timeout=5_000):
            qtbot.keyClick(wizard, Qt.Key.Key_Return)
        assert wizard.choice == "training"
    redactor = Redactor()
    logging_setup = configure_logging(tmp_path / "logs", redactor=redactor)
    services = AppServices(
        store, TokenStore(on_secret=redactor.add), tmp_path / "data", redactor, logging_setup
    )
    session = AppSession(qapp, services)
    built = session.parts
    qtbot.addWidget(built.window)
    built.window.confirm_close = lambda _pending: True
    try:
        yield Shift(built, ui, prints, asked)
    finally:
        session.close()
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(previous_locale)
        keyring.set_keyring(previous_keyring)
