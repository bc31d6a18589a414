"""The app as ``fulfillment-station`` builds it, opened on the embedded training store, for the
language and printer tests of the packer's desk: a real training sandbox, real workers, a
real window; the keyring in memory. Afterwards the UI catalogs the session installed are
removed, so other tests see the English app they expect."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import keyring
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from fulfillment_station.app import AppServices
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.session import AppSession
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import ConnectionProfile, SettingsStore
from fulfillment_station.ui.common.i18n import install_translator
from fulfillment_station.ui.orders.order_table import forget_translations
from tests.conftest import TEST_TOKEN
from tests.helpers.keyring import MemoryKeyring


@contextmanager
def training_session(
    qtbot: Any,
    qapp: QApplication,
    tmp_path: Path,
    settings: Mapping[str, Any] | None = None,
    *,
    profiles: Sequence[ConnectionProfile] = (),
    active: str = "",
) -> Iterator[AppSession]:
    """The app opened on the training store (or on ``active``, one of ``profiles``, whose
    tokens are in the keyring) in the language of ``settings`` (English unless they say),
    its first sync done; the data folder is ``tmp_path / "data"``."""
    previous_keyring, previous_locale = keyring.get_keyring(), QLocale()
    keyring.set_keyring(MemoryKeyring())
    store = SettingsStore(tmp_path / "config" / "settings.json")
    saved = store.load().replace(
        {
            "general.language": "en",
            "sounds.enabled": False,
            "pack.auto_print": False,
            **(settings or {}),
        }
    )
    for profile in profiles:
        saved = saved.with_profile(profile)
    store.save(saved.replace({"connections.active": active}))
    redactor = Redactor()
    tokens = TokenStore(on_secret=redactor.add)
    for profile in profiles:
        tokens.set(profile.id, TEST_TOKEN)
    services = AppServices(
        store,
        tokens,
        tmp_path / "data",
        redactor,
        configure_logging(tmp_path / "logs", redactor=redactor),
    )
    # As launch does: the catalogs of the saved language before any widget.
    language = install_translator(
        qapp, saved["general.language"], cache_dir=tmp_path / "translations"
    )
    try:
        session = AppSession(qapp, services, language=language)
    except BaseException:
        for translator in language.translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous_locale)
        keyring.set_keyring(previous_keyring)
        raise
    try:
        session.switched.connect(
            lambda parts: setattr(parts.window, "confirm_close", lambda _pending: True)
        )
        session.parts.window.confirm_close = lambda _pending: True
        with qtbot.waitSignal(session.parts.window.sync_finished, timeout=60_000):
            session.start()
        yield session
    finally:
        session.close()
        session.parts.window.close()
        if session.language is not None:
            for translator in session.language.translators:
                qapp.removeTranslator(translator)
        QLocale.setDefault(previous_locale)
        forget_translations()  # the order list's labels, looked up again in English
        keyring.set_keyring(previous_keyring)
