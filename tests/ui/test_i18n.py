"""Translations and locale formats: a Spanish desk sees Spanish words and Spanish numbers, the
catalogs cover every string the detail pane shows, and a missing catalog leaves a working
English app."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QWidget

from fulfillment_station.domain.models import OrderStatus
from fulfillment_station.domain.money import format_money
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import OPTIONS, SECTIONS, Settings, SettingsStore
from fulfillment_station.ui.common import i18n
from fulfillment_station.ui.common.i18n import (
    InstalledLanguage,
    catalog_file,
    catalog_source,
    format_datetime,
    install_translator,
    resolve_language,
    resolve_locale,
    translate_message,
)
from fulfillment_station.ui.orders.detail_pane import OrderDetailPane
from tests.helpers.factories import build_order
from tests.helpers.keyring import MemoryKeyring

pytestmark = pytest.mark.gui


@pytest.fixture
def install(qapp: QApplication, tmp_path: Path) -> Iterator[Any]:
    """``install(language, **kw)`` with a per-test cache; undone after the test so other tests
    see the English app they expect."""
    done: list[InstalledLanguage] = []
    previous_locale = QLocale()

    def run(language: str, **kwargs: Any) -> InstalledLanguage:
        kwargs.setdefault("cache_dir", tmp_path / "cache")
        result = install_translator(qapp, language, **kwargs)
        done.append(result)
        return result

    yield run
    for result in done:
        for translator in result.translators:
            qapp.removeTranslator(translator)
    QLocale.setDefault(previous_locale)


class Greeting(QWidget):
    """A widget that uses tr with a source text the Spanish catalog knows."""

    def __init__(self) -> None:
        super().__init__()
        self.text = QCoreApplication.translate("OrderDetailPane", "No shipments yet")


def test_spanish_ui_shows_spanish_strings(install: Any, qtbot: Any) -> None:
    result = install("es")
    assert result.language == "es"
    assert Greeting().text == "Aún no hay envíos"
    pane = OrderDetailPane(locale="es")
    qtbot.addWidget(pane)
    assert pane.title.text() == "Ningún pedido seleccionado"
    assert pane.copy_address.text() == "Copiar"
    header = pane.lines_model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "Nombre"


def test_spanish_detail_pane_shows_money_with_a_decimal_comma(install: Any, qtbot: Any) -> None:
    install("es")
    pane = OrderDetailPane(locale="es")
    qtbot.addWidget(pane)
    pane.show_order(build_order(currency="EUR", subtotal="1234.50", total="1234.50"))
    assert pane.title.text() == "Pedido #A1"
    assert "Total 1.234,50\xa0€" in pane.totals.text()
    assert "Envío" in pane.totals.text()


def test_brazilian_plural_forms(install: Any) -> None:
    install("pt_BR")
    item = QCoreApplication.translate("OrderDetailPane", "%n item(s)", "", 1)
    items = QCoreApplication.translate("OrderDetailPane", "%n item(s)", "", 3)
    assert (item, items) == ("1 item", "3 itens")


def test_system_language_is_followed_unless_settings_choose(install: Any) -> None:
    assert install("system", system_locale="pt_BR").language == "pt_BR"
    assert install("en", system_locale="es_ES").language == "en"


@pytest.mark.parametrize(
    ("setting", "system", "language", "locale"),
    [
        ("system", "es_MX", "es", "es_MX"),
        ("system", "pt_PT", "pt_BR", "pt_PT"),
        ("system", "de_DE", "en", "de_DE"),
        ("system", "C", "en", "en_US"),
        ("system", "C.UTF-8", "en", "en_US"),
        ("system", "POSIX", "en", "en_US"),
        ("system", "de_DE.UTF-8@euro", "en", "de_DE"),
        ("es", "de_DE", "es", "es"),
        ("pt_BR", "en_US", "pt_BR", "pt_BR"),
    ],
)
def test_language_and_locale_resolution(
    setting: str, system: str, language: str, locale: str
) -> None:
    assert resolve_language(setting, system) == language
    assert resolve_locale(setting, system) == locale


def test_money_uses_the_locale() -> None:
    assert format_money(Decimal("1234.5"), "EUR", "es") == "1.234,50\xa0€"
    assert format_money(Decimal("1234.5"), "BRL", "pt_BR") == "R$\xa01.234,50"
    assert format_money(Decimal("1234.5"), "USD", "en_US") == "$1,234.50"
    # Half up to the minor unit, as domain.money and the packing slip round.
    assert format_money(Decimal("0.125"), "USD", "en_US") == "$0.13"
    assert format_money(Decimal("1500"), "JPY", "en_US") == "¥1,500"


def test_money_with_no_usable_currency_code_keeps_the_number() -> None:
    assert format_money(Decimal("12.5"), None, "es") == "12,50"
    assert format_money(Decimal("12.5"), "<b>", "es") == "12,50 <b>"


def test_datetime_uses_the_locale_and_zone() -> None:
    at = datetime(2026, 11, 23, 9, 43, tzinfo=UTC)
    assert format_datetime(at, "es", tz=UTC) == "23/11/26, 9:43"
    assert format_datetime(at, "en_US", tz=UTC) == "11/23/26, 9:43\u202fAM"


def test_compiled_catalog_is_cached_and_recompiled_when_the_source_changes(tmp_path: Path) -> None:
    sources = tmp_path / "translations"
    sources.mkdir()
    ts = shutil.copy(catalog_source("es"), sources / catalog_source("es").name)
    first = catalog_file("es", translations_dir=sources, cache_dir=tmp_path / "cache")
    assert first is not None and first.is_file()
    again = catalog_file("es", translations_dir=sources, cache_dir=tmp_path / "cache")
    assert again == first
    Path(ts).write_text(
        Path(ts).read_text(encoding="utf-8").replace("Aún no hay envíos", "Todavía no hay envíos"),
        encoding="utf-8",
    )
    edited = catalog_file("es", translations_dir=sources, cache_dir=tmp_path / "cache")
    assert edited != first and edited is not None and edited.is_file()


def test_missing_catalog_leaves_an_english_app(
    install: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger=i18n.__name__):
        result = install("es", translations_dir=tmp_path / "nothing-here")
    assert result.language == "en"
    assert result.translators == []
    assert "UI stays in English" in caplog.text
    assert QCoreApplication.translate("OrderDetailPane", "No shipments yet") == "No shipments yet"


def _catalog_sources(ts: Path) -> dict[tuple[str, str], list[str]]:
    entries: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                forms = []
            entries[(name, message.findtext("source", ""))] = forms
    return entries


#: UI modules whose tr() strings the catalogs must cover (main_window's are listed in the catalogs
#: ahead of its wrapping; once wrapped with the same source texts they are checked here too).
TRANSLATED_MODULES = (
    "detail_pane.py",
    "main_window.py",
    "shortcuts_help.py",
    "pack_mode.py",
    "settings_dialog.py",
    "connection_dialog.py",
    "first_run.py",
    "crash.py",
    "filter_bar.py",
    "outbox_panel.py",
    "workbench.py",
    "ship_dialog.py",
    "cancel_dialog.py",
    "edit_dialog.py",
    "print_queue_panel.py",
    "order_table.py",
    "filters.py",
    "shift_report_dialog.py",
)
#: The same, for words marked outside ui/ and shown by the views (the preset tabs).
TRANSLATED_ELSEWHERE = ("services/order_filters.py",)

#: lupdate names the context of ``window.tr(...)`` after the variable; at run time Qt uses the
#: object's class, so workbench's menu texts live in the catalogs under "MainWindow" and the
#: ship dialog's row texts (``owner.tr``) under "ShipDialog".
_RUNTIME_CONTEXTS = {"window": "MainWindow", "self.window": "MainWindow", "owner": "ShipDialog"}


@pytest.mark.parametrize("language", ["es", "pt_BR"])
def test_catalogs_translate_every_wrapped_string(language: str, tmp_path: Path) -> None:
    import PySide6

    lupdate = Path(PySide6.__file__).parent / "lupdate"
    if not lupdate.is_file():
        pytest.skip("this PySide6 ships no lupdate")
    extracted = tmp_path / "extracted.ts"
    ui_package = Path(i18n.__file__).resolve().parent.parent
    by_name = {path.name: path for path in ui_package.rglob("*.py")}
    sources = [str(by_name[name]) for name in TRANSLATED_MODULES]
    sources += [str(ui_package.parent / path) for path in TRANSLATED_ELSEWHERE]
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(extracted)], check=True)
    wanted = {
        (_RUNTIME_CONTEXTS.get(context, context), source)
        for context, source in _catalog_sources(extracted)
    }
    assert len(wanted) > 25  # the extraction itself worked
    catalog = _catalog_sources(catalog_source(language))
    # An absent, unfinished or empty translation all count as missing (all([]) is True).
    missing = sorted(k for k in wanted if not catalog.get(k) or not all(catalog[k]))
    assert missing == []


def _lower_layer_sources() -> list[Path]:
    """Every module below the UI that marks message templates (``domain.messages``): found by
    the marker, so a new module's templates are checked without editing this test."""
    package = Path(i18n.__file__).resolve().parent.parent.parent
    return sorted(
        path
        for path in package.rglob("*.py")
        if "ui" not in path.relative_to(package).parts[:1]
        and "QT_TRANSLATE_NOOP(" in path.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("language", ["es", "pt_BR"])
def test_catalogs_translate_every_message_template_below_the_ui(
    language: str, tmp_path: Path
) -> None:
    """Pack refusals, scan rejections, connector errors and capability notes, outbox and print
    sentences: lupdate finds them by the ``QT_TRANSLATE_NOOP`` marker of domain.messages."""
    import PySide6

    lupdate = Path(PySide6.__file__).parent / "lupdate"
    if not lupdate.is_file():
        pytest.skip("this PySide6 ships no lupdate")
    sources = _lower_layer_sources()
    names = {path.name for path in sources}
    assert {"pack_session.py", "barcodes.py", "errors.py", "outbox_runner.py"} <= names
    extracted = tmp_path / "extracted.ts"
    subprocess.run([str(lupdate), "-silent", *map(str, sources), "-ts", str(extracted)], check=True)
    wanted = set(_catalog_sources(extracted))
    assert len(wanted) > 100  # the extraction itself worked
    catalog = _catalog_sources(catalog_source(language))
    missing = sorted(k for k in wanted if not catalog.get(k) or not all(catalog[k]))
    assert missing == []


@pytest.mark.parametrize("language", ["es", "pt_BR"])
def test_translations_keep_every_placeholder(language: str) -> None:
    """A translation that drops or renames ``{order}`` would raise KeyError in ``.format`` (or
    hide the order number) only in that language; Qt's ``%n``/``%v`` likewise."""

    def holes(text: str) -> set[str]:
        return set(re.findall(r"\{\w+\}|%[nvm]", text))

    broken = sorted(
        (context, source)
        for (context, source), forms in _catalog_sources(catalog_source(language)).items()
        if any(holes(form) != holes(source) for form in forms)
    )
    assert broken == []


def _settings_texts() -> set[str]:
    texts = set(SECTIONS.values())
    for option in OPTIONS:
        texts.update((option.label, option.description))
        texts.update(shown for _stored, shown in option.choices)
    return texts


@pytest.mark.parametrize("language", ["es", "pt_BR"])
def test_catalogs_translate_every_settings_text(language: str) -> None:
    """The settings dialog translates store/settings.py's labels, descriptions, choices and tab
    titles at display time under the context "Settings"; lupdate cannot see those, so the
    option table itself is the list."""
    catalog = _catalog_sources(catalog_source(language))
    missing = sorted(
        t
        for t in _settings_texts()
        if not catalog.get(("Settings", t)) or not all(catalog[("Settings", t)])
    )
    assert missing == []


def test_spanish_pack_mode(install: Any, qtbot: Any, tmp_path: Path) -> None:
    from fulfillment_station.store.pack_progress import PackProgress
    from fulfillment_station.ui.pack.pack_mode import PackModeView
    from tests.helpers.pack_fakes import FakeHost, RecordedSounds, make_order

    install("es")
    store = PackProgress(tmp_path / "pack.sqlite3")
    view = PackModeView(FakeHost([make_order("A1", "#100001")]), store, RecordedSounds())
    qtbot.addWidget(view)
    assert view.message.text() == (
        "Escanee un número de pedido, un albarán o un número de seguimiento para empezar."
    )
    view.on_scan("#100001")
    assert view.message.text() == "Pedido #100001: escanee los artículos."
    assert view.model.headerData(2, Qt.Orientation.Horizontal) == "Escaneado"
    view.on_scan("NOT-ON-THIS-ORDER")
    assert view.message.text().startswith("ALTO — ")
    store.close()


def test_spanish_settings_dialog(install: Any, qtbot: Any, tmp_path: Path) -> None:
    from fulfillment_station.ui.dialogs.settings_dialog import SettingsDialog

    install("es")
    dialog = SettingsDialog(
        SettingsStore(tmp_path / "settings.json"), TokenStore(MemoryKeyring()), Settings.defaults()
    )
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Configuración"
    assert [dialog.tabs.tabText(i) for i in range(2)] == ["Conexiones", "Puesto"]
    assert dialog.editor("station.station_name").toolTip().startswith("Nombre de este puesto")


def test_a_bundled_catalog_is_used_as_is(tmp_path: Path) -> None:
    """The frozen app's case: .qm files compiled at build time sit beside the .ts."""
    sources = tmp_path / "translations"
    sources.mkdir()
    shutil.copy(catalog_source("pt_BR"), sources / catalog_source("pt_BR").name)
    compiled = i18n.compile_bundled_translations(sources)
    assert [p.name for p in compiled] == ["fulfillment_station_pt_BR.qm"]
    cache = tmp_path / "cache"
    assert catalog_file("pt_BR", translations_dir=sources, cache_dir=cache) == compiled[0]
    assert not cache.exists()  # nothing compiled at run time


# -- messages from the layers below, as a Spanish desk sees them --------------------------------


def test_a_message_is_translated_with_its_parameters(install: Any) -> None:
    from fulfillment_station.domain.messages import status_word
    from fulfillment_station.services.outbox_runner import GAVE_UP
    from fulfillment_station.services.pack_session import NOT_PACKABLE

    install("es")
    refusal = NOT_PACKABLE.format(order="#7", status=status_word(OrderStatus.CANCELLED))
    assert str(refusal) == "Order #7 is cancelled: it cannot be packed."
    assert translate_message(refusal) == "El pedido #7 está cancelado: no se puede embalar."
    # A message inside a message is translated too; the API's own words are left alone.
    nested = GAVE_UP.format(attempts=3, error=refusal)
    assert translate_message(nested) == (
        "Se abandonó tras 3 intentos: El pedido #7 está cancelado: no se puede embalar."
    )
    assert translate_message("carrier_code: invalid") == "carrier_code: invalid"


def test_a_template_missing_from_the_catalog_shows_in_english(install: Any) -> None:
    from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP

    install("es")
    message = QT_TRANSLATE_NOOP("Nowhere", "Order {order} is odd.").format(order="#1")
    assert translate_message(message) == "Order #1 is odd."


def test_spanish_pack_mode_refuses_in_spanish(install: Any, qtbot: Any, tmp_path: Path) -> None:
    from fulfillment_station.store.pack_progress import PackProgress
    from fulfillment_station.ui.pack.pack_mode import PackModeView
    from tests.helpers.pack_fakes import OTHER_EAN, FakeHost, RecordedSounds, make_order

    install("es")
    store = PackProgress(tmp_path / "pack.sqlite3")
    view = PackModeView(FakeHost([make_order("A1", "#100001")]), store, RecordedSounds())
    qtbot.addWidget(view)
    view.on_scan("#100001")
    assert view.model.index(0, 3).data() == "Falta 1"  # a plural form, never "faltan 1"
    view.on_scan(OTHER_EAN)
    assert view.message.text().startswith(
        f"ALTO — Artículo equivocado: {OTHER_EAN} no está en el pedido #100001. "
        "Devuélvalo a su sitio."
    )
    view.on_scan("]C1420100233424")  # the postal-code barcode on a USPS label
    assert view.message.text().startswith(
        "ALTO — Este es el código de barras del código postal de destino (100233424), no el "
        "número de seguimiento"
    )
    store.close()


def test_spanish_tooltip_says_why_an_action_is_unavailable(install: Any, qtbot: Any) -> None:
    from fulfillment_station.connectors.squarespace import CAPABILITIES
    from fulfillment_station.ui.dialogs.edit_dialog import EditOrderDialog

    install("es")
    dialog = EditOrderDialog(build_order(), CAPABILITIES)
    qtbot.addWidget(dialog)
    assert not dialog.notes.isEnabled()
    assert dialog.notes.toolTip() == (
        "La API de Squarespace no permite modificar pedidos; edítelo en el panel de Squarespace."
    )


def test_spanish_dialogs_refuse_with_the_workflow_rule_in_spanish(install: Any, qtbot: Any) -> None:
    from fulfillment_station.connectors.nexus import CAPABILITIES
    from fulfillment_station.domain.models import FulfillmentStatus
    from fulfillment_station.ui.dialogs.cancel_dialog import CancelDialog

    install("es")
    partly_shipped = build_order(
        status="processing",
        fulfillment_status="partial",
        lines=[{"id": "L1", "sku": "X", "quantity": 2, "quantity_fulfilled": 1}],
    )
    assert partly_shipped.fulfillment_status == FulfillmentStatus.PARTIAL
    dialog = CancelDialog(partly_shipped, CAPABILITIES)
    qtbot.addWidget(dialog)
    assert dialog.refusal == "Parte de este pedido ya salió; ya no se puede cancelar."


def test_spanish_error_banner_text_keeps_the_apis_own_words(install: Any) -> None:
    from fulfillment_station.connectors.errors import AuthenticationError
    from fulfillment_station.ui.shell.main_window import describe_error

    install("es")
    text = describe_error(AuthenticationError("Token expired", code="UNAUTHORIZED"))
    assert text.startswith("La tienda rechazó el token de la API.")
    assert text.endswith("La API dijo: [UNAUTHORIZED] Token expired")


def test_spanish_window_names_the_training_store_in_spanish(install: Any, qtbot: Any) -> None:
    from fulfillment_station.app import TRAINING_LABEL
    from fulfillment_station.ui.common.tasks import ConnectionWorker
    from fulfillment_station.ui.shell.main_window import MainWindow, WindowOptions

    install("es")
    workers = [
        ConnectionWorker(lambda: None, close_resources=lambda _r: None, name=n)
        for n in ("sync", "reader")
    ]
    try:
        window = MainWindow(
            WindowOptions("training", TRAINING_LABEL, training=True, sync_on_start=False), *workers
        )
        qtbot.addWidget(window)
        assert "Tienda de formación (sandbox de NexusCommerce)" in window.windowTitle()
        assert window.connection_label.text().strip() == (
            "Tienda de formación (sandbox de NexusCommerce)"
        )
    finally:
        for worker in workers:
            worker.stop()


def test_spanish_outbox_panel_shows_a_stored_failure_in_spanish(install: Any, qtbot: Any) -> None:
    from fulfillment_station.connectors.errors import MarketplaceRejection
    from fulfillment_station.domain.messages import Message
    from fulfillment_station.services.outbox_runner import GAVE_UP
    from fulfillment_station.store.outbox import ActionState
    from fulfillment_station.ui.panels.outbox_panel import Column, OutboxPanel
    from tests.ui.test_outbox_panel import record

    install("es")
    stored = GAVE_UP.format(attempts=5, error=MarketplaceRejection().user_message)
    panel = OutboxPanel()
    qtbot.addWidget(panel)
    # As the store gives it back after a restart: rebuilt from its JSON.
    panel.set_records([record(1, ActionState.FAILED, message=Message.from_json(stored.to_json()))])
    assert panel.model.index(0, Column.MESSAGE).data() == (
        "Se abandonó tras 5 intentos: El marketplace rechazó el envío. Revise el transportista "
        "y el número de seguimiento y vuelva a intentarlo."
    )
    assert panel.model.index(0, Column.ACTION).data() == (
        "Enviar: 2 artículo(s) por UPS 1Z999AA10123456784"
    )
