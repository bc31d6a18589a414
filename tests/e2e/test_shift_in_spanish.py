"""Issue 17's "Done when" as a test: a packer works a shift in the training store in Spanish
from install to the last order without a click outside pack mode, without an English word and
without a false STOP.

The app is built as the command builds it (training mode, the embedded sandbox, the worker
host, the outbox, a folder printer), in Spanish and once more under the pseudo-translation of
the sweep, where every visible text must be inside ⟦…⟧ or be the store's own data. F9 opens
pack mode; from then on only scanner bursts: the first order number, every item, one wrong
item (the only STOP of the shift, acknowledged with the OK command barcode), the tracking
numbers; each next order opens by itself after the green success."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from fulfillment_station.app import AppParts
from fulfillment_station.connectors import DIALECT_MODULES, connector_class
from fulfillment_station.domain import Order, OrderStatus
from fulfillment_station.domain.summaries import OrderRef
from fulfillment_station.domain.workflow import SHIPPABLE
from fulfillment_station.printing.doc_text import translator
from fulfillment_station.services.pack_session import PackCommand, command_payload
from fulfillment_station.ui.pack.pack_mode import PackPhase
from tests.helpers.desk_pseudo import untranslated_words, visible_texts
from tests.helpers.shift_app import Shift, finished_translations, shift_app
from tests.helpers.training_app import scan

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]

SHIFT_LENGTH = 5
# One valid UPS number per order (check digit right, each used once: a reused number would
# rightly stop the packer).
TRACKING = [
    "1Z999AA10123456784",
    "1Z999AA10123456793",
    "1Z999AA10123456800",
    "1Z999AA10123456819",
    "1Z999AA10123456828",
]
SPANISH = translator("es")


class MouseWatch(QObject):
    """Counts mouse presses anywhere in the application: the packer never needs one."""

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self.presses += 1
        return False


@pytest.fixture(params=["es", "pseudo"])
def shift(
    request: Any, qtbot: Any, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Shift]:
    with shift_app(qtbot, qapp, tmp_path, request.param, monkeypatch) as started:
        yield started


def scannable(order: Order | None) -> bool:
    return (
        order is not None
        and order.status in SHIPPABLE
        and not order.holds
        and 1 <= order.item_count <= 8
        and all(line.barcode for line in order.lines)
    )


def store_data(orders: list[Order]) -> set[str]:
    """The store's own words the screen shows as they are: order numbers, SKUs, names."""
    data = {"Ana", *(connector_class(d).CAPABILITIES.display_name for d in DIALECT_MODULES)}
    for order in orders:
        data |= {order.number, order.id, order.customer.name or ""}
        if order.ship_to is not None:
            data.add(order.ship_to.name or "")
        for line in order.lines:
            data |= {line.sku or "", line.name or "", line.barcode or ""}
    return {value for value in data if value}


def table_rows(widget: QWidget) -> list[tuple[str, str]]:
    """Every cell of pack mode's item table (``visible_texts`` reads only its header)."""
    model = widget.model()  # type: ignore[attr-defined]
    found = []
    for row in range(model.rowCount(QModelIndex())):
        for column in range(model.columnCount(QModelIndex())):
            value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            found.append(("pack row", str(value or "")))
    return found


def screen_texts(parts: AppParts) -> list[tuple[str, str]]:
    window = parts.window
    texts = visible_texts(parts.pack_view) + table_rows(parts.pack_view.table)
    texts.append(("status bar", window.statusBar().currentMessage()))
    texts += [
        ("status bar label", label.text())
        for label in window.statusBar().findChildren(QLabel)
        if label.isVisible()
    ]
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            texts += visible_texts(box)
    return [(where, text) for where, text in texts if text]


@pytest.fixture
def mouse(qapp: QApplication) -> Iterator[MouseWatch]:
    watch = MouseWatch()
    qapp.installEventFilter(watch)
    yield watch
    qapp.removeEventFilter(watch)


def test_a_shift_in_spanish_with_scans_only(
    qtbot: Any, shift: Shift, mouse: MouseWatch, tmp_path: Path
) -> None:
    parts = shift.parts
    ui = shift.ui
    window = parts.window
    pack = parts.pack_view
    sandbox = parts.sandbox
    assert sandbox is not None
    # Every red STOP and every error tone of the shift, as the flow shows and plays them.
    errors: list[str] = []
    tones: list[str] = []
    show_error = pack.show_error
    play_error = pack.flow.sounds.play_error

    def stop_shown(text: str) -> None:
        errors.append(str(text))
        show_error(text)

    def error_tone() -> None:
        tones.append("error")
        play_error()

    pack.show_error = stop_shown  # type: ignore[method-assign]
    pack.flow.sounds.play_error = error_tone  # type: ignore[method-assign]

    with qtbot.waitSignal(window.sync_finished, timeout=60_000):
        parts.start()
    assert parts.config.training

    def stored(ref: OrderRef | None) -> Order | None:
        found = None if ref is None else sandbox.db.get(ref.order_id)
        return None if found is None else found.order

    # Five orders the list (as it opens, no tab chosen) gives one after the other, all packable
    # with scans, one of them with a line of more than one unit.
    shift_orders: list[Order] = []
    for row in range(window.proxy.rowCount()):
        ref: OrderRef | None = window.proxy.key_at(row)
        chain: list[Order] = []
        while ref is not None and len(chain) < SHIFT_LENGTH and scannable(stored(ref)):
            chain.append(stored(ref))  # type: ignore[arg-type]
            ref = window.next_after(ref)
        if len(chain) == SHIFT_LENGTH and any(
            line.remaining > 1 for o in chain for line in o.lines
        ):
            shift_orders = chain
            break
    assert shift_orders, "the training list has no five packable orders in a row"
    data = store_data(shift_orders)
    # The wrong item: a barcode of another order that none of this order's lines has.
    wrong_at = 1
    own = {line.barcode for line in shift_orders[wrong_at].lines}
    wrong_item = next(
        line.barcode
        for o in shift_orders
        for line in o.lines
        if line.barcode and line.barcode not in own
    )
    assert any(line.quantity > 1 and line.remaining > 1 for o in shift_orders for line in o.lines)

    leaks: list[tuple[str, str]] = []

    def look() -> None:
        """What the packer reads now, in the language asked."""
        texts = screen_texts(parts)
        if ui == "pseudo":
            leaks.extend((where, text) for where, text in texts if untranslated_words(text, data))

    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.in_pack_mode
    look()
    with qtbot.waitSignal(pack.order_opened, timeout=20_000) as opened:
        scan(qtbot, pack, shift_orders[0].number)
    assert opened.args[0].id == shift_orders[0].id

    for index, order in enumerate(shift_orders):
        qtbot.waitUntil(
            lambda order=order: pack.session is not None and pack.session.order.id == order.id,
            timeout=20_000,
        )
        look()
        if ui == "es":
            # Spanish with Spanish plurals: "1 línea", "2 líneas", never "1 líneas".
            assert pack.session is not None
            count = len(pack.session.lines)
            lines_word = "línea" if count == 1 else "líneas"
            assert pack.header.text().endswith(f" · {count} {lines_word}"), pack.header.text()
            assert pack.message.text() == f"Pedido {order.number}: escanee los artículos."
        if index == wrong_at:
            # The deliberate mistake: an item of another order. STOP, acknowledged by scan.
            scan(qtbot, pack, wrong_item)
            qtbot.waitUntil(lambda: pack.error_shown, timeout=10_000)
            look()
            scan(qtbot, pack, command_payload(PackCommand.ACKNOWLEDGE))
            qtbot.waitUntil(lambda: not pack.error_shown, timeout=10_000)
        for line in order.lines:
            for _ in range(line.remaining):
                scan(qtbot, pack, line.barcode or "")
        qtbot.waitUntil(lambda: pack.phase is PackPhase.AWAIT_TRACKING, timeout=20_000)
        look()
        with qtbot.waitSignal(pack.order_shipped, timeout=20_000):
            scan(qtbot, pack, TRACKING[index])
        assert pack.phase is PackPhase.SHIPPED
        assert "#1e8e3e" in pack.message.styleSheet()  # the green success
        look()
        assert len(errors) == (1 if index >= wrong_at else 0), errors

    def shipments(order: Order) -> list[dict[str, Any]]:
        return [
            e
            for e in sandbox.db.journal()["effects"]
            if e["kind"] == "shipment" and e["order_id"] == order.id
        ]

    # Each order shipped once at the store, with its own tracking number.
    for index, order in enumerate(shift_orders):
        qtbot.waitUntil(lambda order=order: len(shipments(order)) == 1, timeout=30_000)
        assert shipments(order)[0]["detail"]["tracking_number"] == TRACKING[index]
        after = sandbox.db.get(order.id)
        assert after is not None and after.order.status is OrderStatus.SHIPPED

    # The only STOP and the only error tone of the shift: the deliberate wrong item.
    assert len(errors) == 1 and len(tones) == 1, (errors, tones)
    assert mouse.presses == 0
    assert leaks == [], "\n".join(f"{where}: {text}" for where, text in dict.fromkeys(leaks))

    # Paper: a Spanish slip (PDF) and a Spanish label (ZPL) per order.
    # From install (es) the training store prints to its own folder and, selling no labels
    # and with address labels off by default, prints slips only; the desk set up for address
    # labels (pseudo) prints a ZPL label per order too.
    prints = shift.prints
    labels_expected = SHIFT_LENGTH if ui == "pseudo" else 0
    qtbot.waitUntil(
        lambda: prints.is_dir() and len(list(prints.iterdir())) == SHIFT_LENGTH + labels_expected,
        timeout=20_000,
    )
    slips = [p for p in prints.iterdir() if p.read_bytes().startswith(b"%PDF")]
    labels = [p for p in prints.iterdir() if b"^XA" in p.read_bytes()]
    assert len(slips) == SHIFT_LENGTH and len(labels) == labels_expected
    for slip in slips:
        text = " ".join(
            page.extract_text() for page in PdfReader(io.BytesIO(slip.read_bytes())).pages
        )
        for caption in ("Packing slip", "Ship to"):
            assert SPANISH(caption) != caption and SPANISH(caption) in text, (caption, text)
    for label in labels:
        zpl = label.read_text()
        for caption in ("SHIP TO:", "FROM:"):
            assert SPANISH(caption) != caption and SPANISH(caption) in zpl, (caption, zpl)
    if ui == "pseudo":
        # Every sentence of the app the shift needed has a finished Spanish and Brazilian
        # translation (Qt's own contexts, "Q...", come with Qt's catalogs).
        ours = {(c, s) for c, s in shift.asked if not c.startswith("Q")}
        assert ours, "the pseudo-translation was never asked"
        for language in ("es", "pt_BR"):
            missing = sorted(ours - finished_translations(language))
            assert missing == [], (language, missing)


def test_a_spanish_training_label_without_a_ship_from_address_says_so_in_spanish() -> None:
    """Address labels turned on before the desk has a ship-from address: the practice
    sender on the label is in the document's language, not English."""
    from fulfillment_station.printing.samples import sample_order, sample_shipment
    from fulfillment_station.printing.zpl import render_label_zpl
    from fulfillment_station.services.print_service import print_settings_from
    from fulfillment_station.store.settings import Settings

    desk = Settings.defaults().replace({"general.language": "es"})
    zpl = render_label_zpl(sample_order("1001"), sample_shipment(), print_settings_from(desk))
    assert SPANISH("TRAINING — NOT A REAL SENDER").endswith("NO ES UN REMITENTE REAL")
    assert "NO ES UN REMITENTE REAL" in zpl  # (the ZPL writes "FORMACIÓN" hex-escaped)
    assert "TRAINING" not in zpl and "Practice" not in zpl
