"""A document language per store: a Spanish desk packing for a German store prints that
store's slips and the app's own labels in German, chosen in the connection dialog and kept
with the connection; the other stores' papers follow the app's language."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from pypdf import PdfReader

from fulfillment_station.cli.main import main
from fulfillment_station.printing.samples import sample_order, sample_shipment
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.print_service import PrintService, document_language
from fulfillment_station.store.print_queue import PrintQueue
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import ConnectionProfile, Settings, SettingsStore
from tests.conftest import TEST_TOKEN
from tests.helpers.keyring import MemoryKeyring

GERMAN_STORE = ConnectionProfile(
    "de1", "Hamburg shop", "nexus", "https://de.example.com/api", document_language="de"
)
OTHER_STORE = ConnectionProfile("es1", "Madrid shop", "nexus", "https://es.example.com/api")


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def spanish_desk(active: str, printed: Path) -> Settings:
    """A desk whose app is in Spanish, with both stores, printing to a folder."""
    settings = Settings.defaults().replace(
        {
            "general.language": "es",
            "station.store_name": "Harbour Teas",
            "station.return_name": "Harbour Teas",
            "station.return_line1": "Große Elbstraße 12",
            "station.return_city": "Hamburg",
            "station.return_postal_code": "22767",
            "station.return_country": "DE",
            "printers.slip_printer": f"file:{printed / 'slips'}",
            "printers.label_printer": f"file:{printed / 'labels'}",
            "printers.label_format": "pdf",
            "printers.address_labels": True,
        }
    )
    for profile in (GERMAN_STORE, OTHER_STORE):
        settings = settings.with_profile(profile)
    return settings.replace({"connections.active": active})


def test_the_document_language_is_kept_with_the_connection(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(spanish_desk("de1", tmp_path))
    again = SettingsStore(tmp_path / "settings.json").load()
    assert again.profile("de1") == GERMAN_STORE
    assert again.profile("es1") == OTHER_STORE  # none chosen: nothing written, the app's
    assert document_language(again) == "de"
    assert document_language(again, "es1") == "es"
    # A language this version cannot print in keeps the connection; its papers follow the app.
    doc = json.loads((tmp_path / "settings.json").read_text())
    doc["connections"]["profiles"][0]["document_language"] = "tlh"
    (tmp_path / "settings.json").write_text(json.dumps(doc))
    kept = SettingsStore(tmp_path / "settings.json").load()
    assert kept.profile("de1") is not None and kept.profile("de1").document_language == ""
    assert document_language(kept, "de1") == "es"


@pytest.mark.parametrize(
    ("active", "slip_words", "label_words", "foreign"),
    [
        ("de1", ["Lieferschein", "Lieferadresse"], ["EMPFÄNGER:", "ABSENDER:"], "Albarán"),
        ("es1", ["Albarán", "Enviar a"], ["DESTINATARIO:"], "Lieferschein"),
    ],
)
def test_a_spanish_desk_prints_each_stores_papers_in_that_stores_language(
    tmp_path: Path, active: str, slip_words: list[str], label_words: list[str], foreign: str
) -> None:
    printed = tmp_path / "printed"
    for folder in ("slips", "labels"):
        (printed / folder).mkdir(parents=True)
    queue = PrintQueue.open(tmp_path / "queue.sqlite3")
    try:
        service = PrintService(queue, spanish_desk(active, printed))
        order = sample_order("5001", country="AT")
        assert service.print_slip(order).printed
        assert service.print_label(order, sample_shipment("DHL", "00340434161094042557")).printed
    finally:
        queue.close()
    (slip,) = (printed / "slips").iterdir()
    (label,) = (printed / "labels").iterdir()
    slip_text, label_text = pdf_text(slip.read_bytes()), pdf_text(label.read_bytes())
    for word in slip_words:
        assert word in slip_text
    for word in label_words:
        assert word in label_text
    assert foreign not in slip_text
    assert "Packing slip" not in slip_text and "SHIP TO:" not in label_text


@pytest.fixture
def memory_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.mark.integration
def test_the_command_line_prints_a_saved_stores_slip_in_its_language(
    memory_keyring: None,
    make_sandbox: Callable[..., SandboxServer],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    server = make_sandbox("nexus", orders=10)
    store = SettingsStore()  # the app's own settings file (tests point it at tmp_path)
    profile = ConnectionProfile("hh", "Hamburg", "nexus", server.base_url, document_language="de")
    store.save(store.load().replace({"general.language": "es"}).with_profile(profile))
    TokenStore().set("hh", TEST_TOKEN)
    order_id = server.db.query()[0].order.id

    out = tmp_path / "slip.pdf"
    assert main(["print", "slip", order_id, "--connection", "Hamburg", "--out", str(out)]) == 0
    assert "Lieferschein" in pdf_text(out.read_bytes())
    # --language still wins for one document.
    assert (
        main(
            ["print", "slip", order_id, "--connection", "hh", "--language", "es", "--out", str(out)]
        )
        == 0
    )
    assert "Albarán" in pdf_text(out.read_bytes())
    capsys.readouterr()


@pytest.mark.gui
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_the_connection_dialog_chooses_and_shows_the_document_language(
    qtbot: Any, tmp_path: Path
) -> None:
    from fulfillment_station.ui.dialogs.connection_dialog import ConnectionDialog

    store = SettingsStore(tmp_path / "settings.json")
    store.save(store.load().with_profile(OTHER_STORE))
    tokens = TokenStore(MemoryKeyring())
    dialog = ConnectionDialog(store, tokens, profile=OTHER_STORE)
    qtbot.addWidget(dialog)
    combo = dialog.document_language_combo
    assert combo.currentData() == "" and combo.currentText() == "Same as the app"
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "es", "pt_BR", "de"]
    combo.setCurrentIndex(combo.findData("de"))
    dialog.save()
    saved = store.load().profile("es1")
    assert saved is not None and saved.document_language == "de"
    assert saved.base_url == OTHER_STORE.base_url  # the rest as it was

    again = ConnectionDialog(store, tokens, profile=saved)
    qtbot.addWidget(again)
    assert again.document_language_combo.currentText() == "Deutsch"
    again.reject()


@pytest.mark.gui
@pytest.mark.e2e
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_a_spanish_window_prints_the_german_stores_slip_in_german(
    qtbot: Any,
    qapp: Any,
    make_sandbox: Callable[..., SandboxServer],
    tmp_path: Path,
) -> None:
    from PySide6.QtGui import QKeySequence

    from tests.helpers.langdesk_session import training_session

    server = make_sandbox("nexus", orders=10)
    hamburg = ConnectionProfile("hh", "Hamburg", "nexus", server.base_url, document_language="de")
    slips = tmp_path / "slips"
    with training_session(
        qtbot,
        qapp,
        tmp_path,
        {"general.language": "es", "printers.slip_printer": f"file:{slips}"},
        profiles=[hamburg],
        active="hh",
    ) as session:
        window = session.parts.window
        assert "&Pedido" in [a.text() for a in window.menuBar().actions()]  # a Spanish desk
        window.show()
        window.table.selectRow(0)
        (ref,) = window.selected_refs()
        number = next(s.number for s in window.model.summaries if s.order_id == ref.order_id)
        next(
            a
            for a in window.findChildren(type(window.pack_action))
            if a.shortcut() == QKeySequence("Ctrl+P")
        ).trigger()
        qtbot.waitUntil(lambda: slips.is_dir() and any(slips.glob("*.pdf")), timeout=30_000)
        (saved,) = slips.glob("*.pdf")
        text = pdf_text(saved.read_bytes())
        assert number in text
        assert "Lieferschein" in text and "Lieferadresse" in text
        assert "Albarán" not in text and "Packing slip" not in text
