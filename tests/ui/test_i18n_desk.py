"""Spanish and Brazilian desks: the bulk-ship dialog, the ship dialog's duplicate warning and
the print preview speak the packer's language, with real plural forms (never "faltan 1")."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from fulfillment_station.connectors.nexus import CAPABILITIES as NEXUS
from fulfillment_station.domain.models import LineItem, Order, OrderStatus
from fulfillment_station.printing.samples import sample_order, sample_settings
from fulfillment_station.printing.slip import render_slip
from fulfillment_station.services.tracking_reuse import TrackingGuard
from fulfillment_station.ui.common.i18n import InstalledLanguage, install_translator
from fulfillment_station.ui.common.print_actions import DocumentPreview
from fulfillment_station.ui.dialogs.bulk_ship_dialog import BulkShipDialog
from fulfillment_station.ui.dialogs.ship_dialog import ShipDialog
from tests.helpers.desk_tracking import UPS, cache_with_shipped_order

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture
def language(qapp: QApplication, tmp_path: Path) -> Iterator[Any]:
    done: list[InstalledLanguage] = []
    previous_locale = QLocale()

    def run(name: str) -> None:
        done.append(install_translator(qapp, name, cache_dir=tmp_path / "cache"))

    yield run
    for result in done:
        for translator in result.translators:
            qapp.removeTranslator(translator)
    QLocale.setDefault(previous_locale)


def order(n: int) -> Order:
    return Order(
        id=f"o{n}",
        number=f"{1000 + n}",
        dialect="nexus",
        status=OrderStatus.CONFIRMED,
        lines=[LineItem(id="L1", sku="MUG", name="Mug", quantity=1)],
        created_at=NOW,
        updated_at=NOW,
    )


@pytest.mark.parametrize(
    ("lang", "one", "three"),
    [
        ("es", "Enviar 1 pedido", "Enviar 3 pedidos"),
        ("pt_BR", "Enviar 1 pedido", "Enviar 3 pedidos"),
    ],
)
def test_bulk_ship_title_has_real_plurals(
    lang: str, one: str, three: str, language: Any, qtbot: Any
) -> None:
    language(lang)
    single = BulkShipDialog([order(1)], NEXUS)
    several = BulkShipDialog([order(1), order(2), order(3)], NEXUS)
    qtbot.addWidget(single)
    qtbot.addWidget(several)
    assert (single.windowTitle(), several.windowTitle()) == (one, three)


def test_the_duplicate_warning_is_spanish(language: Any, qtbot: Any, tmp_path: Path) -> None:
    language("es")
    cache_with_shipped_order(tmp_path)
    dlg = ShipDialog(
        order(5), NEXUS, now=lambda: NOW, tracking_guard=TrackingGuard(tmp_path, connection="shop")
    )
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.rows[0].tracking.setText(UPS)
    dlg.ok_button.click()
    assert "ya se usa en el pedido #A1" in dlg.error_label.text()
    assert "Enviar de todos modos" in dlg.rows[0].reuse_override.text()


def test_the_print_preview_is_brazilian(language: Any, qtbot: Any) -> None:
    language("pt_BR")
    preview = DocumentPreview(render_slip(sample_order("1"), sample_settings()), "1")
    qtbot.addWidget(preview)
    assert preview.save_button.text() == "&Salvar como PDF…"
    assert preview.print_button.text() == "&Imprimir…"


def test_pack_mode_help_and_the_guide_are_spanish(language: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QMainWindow

    from fulfillment_station.services.pack_session import COMMANDS
    from fulfillment_station.ui.shell.help_dialogs import AboutDialog
    from fulfillment_station.ui.shell.shortcuts_help import ShortcutsHelpDialog

    language("es")
    window = QMainWindow()
    qtbot.addWidget(window)
    dialog = ShortcutsHelpDialog(window)
    titles = [dialog.pack_table.item(r, 0).text() for r in range(dialog.pack_table.rowCount())]
    assert "Cerrar pedido" in titles and "Elegir una línea" in titles
    # Every pack-mode command title has its Spanish words.
    english = {info.title for info in COMMANDS.values()}
    assert not english & set(titles)
    about = AboutDialog()
    qtbot.addWidget(about)
    assert about.windowTitle() == "Acerca de Fulfillment Station"


def test_a_paid_order_says_so_in_spanish(language: Any, qtbot: Any) -> None:
    from fulfillment_station.ui.orders.detail_pane import OrderDetailPane
    from tests.store.factories import build_order

    language("es")
    pane = OrderDetailPane(locale="es")
    qtbot.addWidget(pane)
    pane.show_order(build_order(payment_status="paid"))
    assert "pagado" in pane.badges.text() and "paid" not in pane.badges.text()
    pane.show_order(build_order(payment_status="on account"))  # a store's own word stays
    assert "on account" in pane.badges.text()


def test_this_desks_timeline_entries_are_spanish(language: Any, tmp_path: Path) -> None:
    from fulfillment_station.connectors.base import Operation
    from fulfillment_station.domain.requests import ShipRequest
    from fulfillment_station.services.actions import Action
    from fulfillment_station.store.audit import AuditLog
    from fulfillment_station.store.db import connect
    from fulfillment_station.store.outbox import Outbox
    from fulfillment_station.ui.orders.audit_text import audit_timeline_line
    from tests.store.factories import build_order

    conn = connect(tmp_path / "outbox.sqlite3")
    try:
        audit = AuditLog(conn, station="Desk 1")
        outbox: Outbox[Action] = Outbox(conn, audit, decode=Action.model_validate)
        record = outbox.enqueue(
            Action(
                kind=Operation.SHIP,
                connection_id="shop",
                order_id="A1",
                packer="Ana",
                payload=ShipRequest(carrier="UPS", tracking_number=UPS, lines={"L1": 2}),
            ),
            build_order("A1", lines=[{"id": "L1", "sku": "S", "quantity": 2}]),
        )
        outbox.claim(record.id)
        outbox.mark_done(record.id)
        entries = audit.for_order("A1")
    finally:
        conn.close()
    language("es")
    lines = [audit_timeline_line(e) for e in entries]
    assert lines[0] == f"Desk 1 · Ana: Enviar: 2 artículo(s) por UPS {UPS} — en cola"
    assert lines[-1].endswith("— hecho")
    # A line this version does not know is shown as it was written.
    from fulfillment_station.ui.orders.audit_text import summary_text

    assert summary_text("Something older") == "Something older"
