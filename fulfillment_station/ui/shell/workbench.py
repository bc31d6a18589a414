"""Puts the parts the wiring module built onto the main window: the File menu (with the
Connection submenu), the outbox and print queue panels, the Order and Print menus (actions the
connection cannot do are shown disabled with the reason), pack mode, application-wide scanning
and the shortcuts help; and the sentences and question of switching connections.

Nothing here creates a service or a worker; ``app.py`` hands them in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMenu, QMessageBox

from fulfillment_station.connectors.base import Capabilities, Operation
from fulfillment_station.domain import Order
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.services import operations
from fulfillment_station.services.pack_session import command_sheet_entries
from fulfillment_station.store.outbox import ActionRecord, ActionState
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.common.print_actions import (
    BatchPrint,
    PrintQueueActions,
    preview_document,
)
from fulfillment_station.ui.common.tasks import ConnectionWorker
from fulfillment_station.ui.orders.audit_text import audit_timeline_line
from fulfillment_station.ui.orders.order_actions import OrderActions
from fulfillment_station.ui.panels.print_queue_panel import PrintQueuePanel
from fulfillment_station.ui.shell.help_dialogs import AboutDialog, UserGuideDialog
from fulfillment_station.ui.shell.main_window import MainWindow
from fulfillment_station.ui.shell.shortcuts_help import ShortcutsHelpDialog

if TYPE_CHECKING:
    from fulfillment_station.domain.requests import CreateOrderRequest
    from fulfillment_station.services.actions import Action
    from fulfillment_station.services.new_orders import CatalogueItem
    from fulfillment_station.services.resources import (
        PrintResources,
        ReaderResources,
        SyncResources,
    )
    from fulfillment_station.services.tracking_reuse import TrackingGuard
    from fulfillment_station.store.settings import Settings
    from fulfillment_station.ui.common.scanner_filter import ScannerFilter
    from fulfillment_station.ui.dialogs.create_order_dialog import CreateOrderDialog
    from fulfillment_station.ui.pack.scale_weigher import ScaleWeigher

log = logging.getLogger(__name__)


@dataclass
class Workbench:
    window: MainWindow
    actions: OrderActions
    print_worker: ConnectionWorker[PrintResources]
    print_panel: PrintQueuePanel
    print_actions: PrintQueueActions
    menus: dict[str, QMenu]


def _release_hold(window: MainWindow, actions: OrderActions) -> None:
    if window.detail.order is not None:
        actions.set_hold(window.detail.order, None)


def _hold_action(window: MainWindow, actions: OrderActions) -> QAction:
    """ "Put on hold…": the shown order stays out of "To pack" and every ship path refuses it
    until the hold is released (``domain.holds``)."""
    action = QAction(window.tr("Put on &hold…"), window)

    def ask() -> None:
        order = window.detail.order
        if order is None:
            return
        reason, ok = QInputDialog.getText(
            window,
            window.tr("Put order {number} on hold").format(number=order.number),
            window.tr("Why must this order wait? (shown to every packer)"),
        )
        if ok and reason.strip():
            actions.set_hold(order, reason)

    action.triggered.connect(ask)
    return action


def build_workbench(
    window: MainWindow,
    *,
    capabilities: Capabilities,
    actions: OrderActions,
    print_worker: ConnectionWorker[PrintResources],
    open_dialog: Callable[[Operation], None] | None = None,
    language: str = "en",
    sync_worker: ConnectionWorker[SyncResources] | None = None,
) -> Workbench:
    """``open_dialog(operation)`` opens the write dialog for the selected order(s) (ship,
    fulfill, cancel, update, create, bulk ship); without it those menu entries are left out.
    ``language`` is the UI language the Help menu's user guide opens in. ``sync_worker``: the
    connection's, for Order → Channel sync where the store can fetch marketplace orders."""
    menus: dict[str, QMenu] = {}

    # -- outbox -------------------------------------------------------------------------------
    pending = window.statusBar()
    actions.pending_changed.connect(lambda n: window.set_pending(n))
    actions.action_failed.connect(lambda text: window.error_banner.show_message(text, "outbox"))
    outbox_failed = [False]

    def outbox_problem_gone(records: list[ActionRecord[Action]]) -> None:
        # The banner's failure goes once no write is left failed (retried, or dismissed).
        failed = any(record.state is ActionState.FAILED for record in records)
        if outbox_failed[0] and not failed:
            window.error_banner.clear("outbox")
        outbox_failed[0] = failed

    actions.records_changed.connect(outbox_problem_gone)
    actions.refused.connect(window.error_banner.show_message)
    actions.orders_changed.connect(window.apply_orders)
    actions.queued.connect(
        lambda record: pending.showMessage(
            window.tr("Queued: {summary}").format(
                summary=translate_message(record.action.summary())
            ),
            6000,
        )
    )

    # -- order menu ---------------------------------------------------------------------------
    if open_dialog is not None:
        order_menu = window.menuBar().addMenu(window.tr("&Order"))
        menus["order"] = order_menu
        entries = (
            (Operation.SHIP, window.tr("&Ship…"), "Ctrl+Shift+S"),
            (Operation.FULFILL, window.tr("&Fulfill…"), None),
            (Operation.BULK_SHIP, window.tr("&Bulk ship…"), "Ctrl+Shift+B"),
            (Operation.CANCEL, window.tr("&Cancel order…"), None),
            (Operation.UPDATE, window.tr("&Edit order…"), "Ctrl+E"),
            (Operation.CREATE, window.tr("&New order…"), "Ctrl+N"),
        )
        for op, text, shortcut in entries:
            action = QAction(text, window)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            supported = capabilities.supports(op) or (
                op is Operation.BULK_SHIP and capabilities.supports(Operation.SHIP)
            )
            action.setEnabled(supported)
            action.setToolTip(
                window.tr("Not available: {why}").format(
                    why=translate_message(capabilities.why_not(op))
                )
                if not supported
                else text.replace("&", "")
            )
            order_menu.setToolTipsVisible(True)
            action.triggered.connect(lambda _c=False, o=op: open_dialog(o))
            order_menu.addAction(action)
            if op is not Operation.CREATE:  # the right-click menu: what acts on a selection
                window.add_order_context_action(action, several=op is Operation.BULK_SHIP)
        order_menu.addSeparator()
        hold = _hold_action(window, actions)
        order_menu.addAction(hold)
        release = QAction(window.tr("&Release hold"), window)
        release.triggered.connect(lambda: _release_hold(window, actions))
        order_menu.addAction(release)
        window.add_order_context_action(hold)
        window.add_order_context_action(release)
        if sync_worker is not None and capabilities.supports(Operation.CHANNEL_SYNC):
            from fulfillment_station.ui.dialogs.channel_sync_dialog import ChannelSyncDialog

            worker = sync_worker
            channel_sync = order_menu.addAction(window.tr("Channel sync…"))
            channel_sync.triggered.connect(lambda: ChannelSyncDialog(worker, window).open())

    # -- this desk's history in the order timeline, and the audit export ----------------------
    def audit_of(order: Order) -> None:
        task = actions.worker.call(operations.audit_entries_for_order, order.id)
        task.succeeded.connect(
            lambda entries, oid=order.id: window.detail.add_local_events(
                oid, [(entry.at, audit_timeline_line(entry)) for entry in entries]
            )
        )

    window.order_shown.connect(audit_of)

    def show_pending(records: list[Any]) -> None:
        window.model.set_pending(
            {
                ref: translate_message(PENDING_VERBS[kind])
                for ref, kind in operations.waiting_writes(records).items()
            }
        )

    actions.records_changed.connect(show_pending)

    def export_audit() -> None:
        path, _ = QFileDialog.getSaveFileName(
            window, window.tr("Export audit log"), "audit-log.csv", "CSV (*.csv)"
        )
        if not path:
            return
        task = actions.worker.call(operations.export_audit, path)
        task.succeeded.connect(
            lambda _r: pending.showMessage(
                window.tr("Audit log exported to {path}").format(path=path), 8000
            )
        )
        task.failed.connect(
            lambda exc: window.error_banner.show_message(
                window.tr("The audit log could not be exported: {error}").format(error=exc)
            )
        )

    export_action = QAction(window.tr("Export audit &log (CSV)…"), window)
    export_action.triggered.connect(export_audit)
    window.view_menu.addSeparator()
    window.view_menu.addAction(export_action)

    # -- outbox panel -------------------------------------------------------------------------
    from fulfillment_station.ui.panels.outbox_panel import OutboxPanel

    outbox_panel = OutboxPanel()
    actions.records_changed.connect(outbox_panel.set_records)
    outbox_panel.retry_requested.connect(actions.retry)
    outbox_panel.dismiss_requested.connect(actions.dismiss)
    window.add_panel("outbox", window.tr("Outbox"), outbox_panel, "Ctrl+Shift+O")

    # -- printing -----------------------------------------------------------------------------
    print_panel = PrintQueuePanel()
    print_actions = PrintQueueActions(print_panel, print_worker)
    print_actions.message.connect(lambda text: pending.showMessage(text, 8000))
    window.add_panel("print-queue", window.tr("Print queue"), print_panel, "Ctrl+Shift+P")
    print_actions.refresh()

    print_menu = window.menuBar().addMenu(window.tr("&Print"))
    menus["print"] = print_menu

    def print_slip() -> None:
        refs = window.selected_refs()
        if not refs:
            pending.showMessage(window.tr("Select an order first."), 5000)
            return
        task = print_worker.call(operations.print_cached_slip, refs[0])
        task.succeeded.connect(lambda text: pending.showMessage(translate_message(text), 8000))
        task.succeeded.connect(lambda _t: print_actions.refresh())
        task.succeeded.connect(lambda _t: window.error_banner.clear("print"))  # printing again
        task.failed.connect(
            lambda exc: window.error_banner.show_message(
                translate_message(
                    str(exc.args[0])
                    if isinstance(exc, LookupError)
                    and exc.args
                    and isinstance(exc.args[0], Message)
                    else str(exc)
                ),
                "print",
            )
        )

    def batch(kind: str) -> None:
        refs = window.selected_refs()
        if not refs:
            pending.showMessage(window.tr("Select one or more orders first."), 5000)
            return

        if kind == "slips":
            task = print_worker.submit(
                lambda ctx: operations.render_slips(
                    ctx.resources, refs, progress=ctx.report, cancelled=ctx.cancelled
                ),
                "batch slips",
            )
        else:
            task = print_worker.call(operations.render_pick_list, refs)
        title = (
            window.tr("Packing slips ({n})")
            if kind == "slips"
            else window.tr("Pick list ({n} orders)")
        ).format(n=len(refs))
        from fulfillment_station.ui.common.print_actions import ask_save_path
        from fulfillment_station.ui.common.print_preview import pdfium_pages

        job = BatchPrint(window, task, len(refs), title, pdfium_pages, ask_save_path, None)
        job.failed.connect(window.error_banner.show_message)
        job.cancelled.connect(lambda text: pending.showMessage(text, 6000))

    def command_sheet() -> None:
        from fulfillment_station.printing.command_sheet import render_command_sheet

        preview_document(
            window, render_command_sheet(command_sheet_entries()), window.tr("Command barcodes")
        )

    for text, shortcut, slot, on_list in (
        (window.tr("Print &slip of the selected order"), "Ctrl+P", print_slip, "one"),
        (
            window.tr("Print slips of the selected orders…"),
            "Ctrl+Shift+L",
            lambda: batch("slips"),
            "several",
        ),
        (window.tr("Pick &list of the selected orders…"), None, lambda: batch("pick"), "several"),
        (window.tr("&Command barcodes sheet…"), None, command_sheet, ""),
    ):
        action = QAction(text, window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        print_menu.addAction(action)
        if on_list:  # also in the right-click menu on the list
            window.add_order_context_action(action, several=on_list == "several")

    # -- help ---------------------------------------------------------------------------------
    help_menu = window.menuBar().addMenu(window.tr("&Help"))
    menus["help"] = help_menu
    shortcuts = QAction(window.tr("&Keyboard shortcuts"), window)
    shortcuts.setShortcut(QKeySequence("F1"))
    shortcuts.triggered.connect(lambda: ShortcutsHelpDialog(window, window).open())
    help_menu.addAction(shortcuts)
    guide = QAction(window.tr("&User guide"), window)
    guide.triggered.connect(lambda: UserGuideDialog(language, parent=window).open())
    help_menu.addAction(guide)
    about = QAction(window.tr("&About Fulfillment Station"), window)
    about.triggered.connect(lambda: AboutDialog(window).open())
    help_menu.addAction(about)
    return Workbench(window, actions, print_worker, print_panel, print_actions, menus)


#: What an order with a write waiting in the outbox shows next to its status.
#: Marked for the catalogs under the window's context; ``translate_message`` translates them.
PENDING_VERBS: dict[Operation, Message] = {
    Operation.SHIP: QT_TRANSLATE_NOOP("MainWindow", "shipping…"),
    Operation.BULK_SHIP: QT_TRANSLATE_NOOP("MainWindow", "shipping…"),
    Operation.FULFILL: QT_TRANSLATE_NOOP("MainWindow", "fulfilling…"),
    Operation.CANCEL: QT_TRANSLATE_NOOP("MainWindow", "cancelling…"),
    Operation.UPDATE: QT_TRANSLATE_NOOP("MainWindow", "saving…"),
    Operation.CREATE: QT_TRANSLATE_NOOP("MainWindow", "creating…"),
}


class OrderDialogs:
    """Opens the write dialogs for the selected order(s) and hands what the packer confirmed
    to the outbox. Orders come from the cache on the reader worker; the outbox service
    re-reads each one from the store before it queues anything."""

    def __init__(
        self,
        window: MainWindow,
        reader: ConnectionWorker[ReaderResources],
        actions: OrderActions,
        capabilities: Capabilities,
        *,
        settings: Callable[[], Settings] | None = None,
        tracking_guard: Callable[[], TrackingGuard] | None = None,
    ) -> None:
        """``settings`` (read at each opening) gives the Ship dialog the desk's label carrier
        and service and its scale; without it the dialog has neither. ``tracking_guard``
        (made at each opening, for the packer at the desk then) stops the Ship dialog on a
        tracking number already used on another order."""
        self.window = window
        self.reader = reader
        self.actions = actions
        self.capabilities = capabilities
        self.settings = settings
        self.tracking_guard = tracking_guard
        self.open_dialogs: list[Any] = []  # kept alive while open

    def open(self, kind: Operation) -> None:
        if kind is Operation.CREATE:
            catalogue = self.reader.call(
                operations.create_catalogue, self.window.options.connection_id
            )
            catalogue.succeeded.connect(self._create)
            catalogue.failed.connect(lambda exc: self.window.error_banner.show_message(str(exc)))
            return
        refs = self.window.selected_refs()
        if not refs:
            self.window.statusBar().showMessage(self.window.tr("Select an order first."), 5000)
            return
        if kind is not Operation.BULK_SHIP:
            refs = refs[:1]
        task = self.reader.call(operations.cached_orders, refs)
        task.succeeded.connect(lambda orders, k=kind: self._with_orders(k, orders))
        task.failed.connect(lambda exc: self.window.error_banner.show_message(str(exc)))

    def _create(self, catalogue: dict[str, CatalogueItem]) -> None:
        """The create dialog, offering the SKUs of the cached orders; OK sends the create
        through the outbox on its worker and the dialog stays open for the store's answer
        (an OUT_OF_STOCK refusal marks the short lines; the created order closes it)."""
        from fulfillment_station.ui.dialogs.create_order_dialog import CreateOrderDialog

        holder: list[CreateOrderDialog] = []

        def submit(request: CreateOrderRequest) -> None:
            task = self.actions.worker.call(
                operations.create_order, request, packer=self.actions.packer()
            )
            task.succeeded.connect(holder[0].finish)
            task.failed.connect(holder[0].finish)
            task.succeeded.connect(lambda _answer: self.actions.pump())

        create = CreateOrderDialog(self.capabilities, catalogue, self.window, submit=submit)
        holder.append(create)
        self._show(create, lambda: self._created(create))

    def _created(self, dialog: CreateOrderDialog) -> None:
        if dialog.created is not None:
            self.window.apply_orders([dialog.created])
            self.window.statusBar().showMessage(
                self.window.tr("Order {number} created.").format(number=dialog.created.number),
                8000,
            )

    def _weigher(self) -> ScaleWeigher | None:
        """The desk's scale for the Ship dialog, where Settings name one."""
        if self.settings is None or self.settings()["scale.source"] == "manual":
            return None
        from fulfillment_station.services.weighing import open_scale
        from fulfillment_station.ui.pack.scale_weigher import ScaleWeigher

        current = self.settings()
        return ScaleWeigher(lambda: open_scale(current))

    def _with_orders(self, kind: Operation, orders: list[Order]) -> None:
        if not orders:
            return
        caps, parent, submit = self.capabilities, self.window, self.actions.submit
        order = orders[0]
        if kind in (Operation.SHIP, Operation.FULFILL):
            from fulfillment_station.services.store_labels import label_defaults_from
            from fulfillment_station.ui.dialogs.ship_dialog import ShipDialog

            ship = ShipDialog(
                order,
                caps,
                parent,
                mode=kind,
                weigher=self._weigher(),
                label_defaults=(
                    label_defaults_from(self.settings()) if self.settings is not None else None
                ),
                tracking_guard=self.tracking_guard() if self.tracking_guard else None,
            )
            self._show(
                ship,
                lambda: submit(order, ship.request(), hold_override=ship.hold_override),
            )
        elif kind is Operation.CANCEL:
            from fulfillment_station.ui.dialogs.cancel_dialog import CancelDialog

            cancel = CancelDialog(order, caps, parent)
            self._show(cancel, lambda: submit(order, cancel.request()))
        elif kind is Operation.UPDATE:
            from fulfillment_station.ui.dialogs.edit_dialog import EditOrderDialog

            edit = EditOrderDialog(order, caps, parent)
            self._show(edit, lambda: submit(order, edit.changes()))
        elif kind is Operation.BULK_SHIP:
            from fulfillment_station.ui.dialogs.bulk_ship_dialog import BulkShipDialog

            bulk = BulkShipDialog(orders, caps, parent)
            by_id = {o.id: o for o in orders}
            self._show(bulk, lambda: self._bulk(bulk.items(), by_id))

    def _bulk(self, items: list[Any], orders: dict[str, Order]) -> None:
        """NexusCommerce's bulk endpoint where there is one; one outbox action per order
        otherwise."""
        if self.capabilities.supports(Operation.BULK_SHIP):
            from fulfillment_station.services.actions import BulkShipRequest

            self.actions.submit(None, BulkShipRequest(items=items))
            return
        from fulfillment_station.domain.requests import ShipRequest

        for item in items:
            self.actions.submit(
                orders[item.order_id],
                ShipRequest(
                    carrier=item.carrier,
                    tracking_number=item.tracking_number,
                    service=item.service,
                    lines=item.lines,
                ),
            )

    def _show(self, dialog: Any, on_accept: Callable[[], None]) -> None:
        self.open_dialogs.append(dialog)
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(lambda _r: self.open_dialogs.remove(dialog))
        dialog.open()


def install_scanner(
    app: QApplication, window: MainWindow, *, max_gap_ms: int, min_length: int
) -> ScannerFilter:
    """Application-wide scanner input: every burst goes to the window, never into a field."""
    from fulfillment_station.scanning.burst import BurstDetector
    from fulfillment_station.ui.common.scanner_filter import ScannerFilter

    scanner = ScannerFilter(BurstDetector(max_gap_ms=max_gap_ms, min_length=min_length))
    scanner.install(app)
    scanner.scanned.connect(window.on_scan)
    return scanner


# -- the File menu and switching connections ----------------------------------------------------

#: Pops the Connection submenu up wherever the packer is (the list view or pack mode).
SWITCH_SHORTCUT = "Ctrl+K"


@dataclass(frozen=True)
class FileMenuEntries:
    """``connections``: (id, label) of every connection, the training store first;
    ``current``: the id of the one open. ``switch_to(id)`` is called for another one."""

    connections: list[tuple[str, str]]
    current: str
    switch_to: Callable[[str], object]
    open_settings: Callable[[], None]
    copy_diagnostics: Callable[[], None]


@dataclass
class FileMenu:
    menu: QMenu
    connection_menu: QMenu
    connection_actions: dict[str, QAction]  # by connection id
    switch_action: QAction  # the window-wide shortcut that opens the Connection submenu


def build_file_menu(window: MainWindow, entries: FileMenuEntries) -> FileMenu:
    """File: Connection ▸ (every connection, the open one checked), Settings, Copy
    diagnostics, Quit. The first connection is the training store."""
    menu = QMenu(window.tr("&File"), window)
    window.menuBar().insertMenu(window.menuBar().actions()[0], menu)

    connection_menu = menu.addMenu(window.tr("&Connection"))
    group = QActionGroup(connection_menu)
    group.setExclusive(True)
    actions: dict[str, QAction] = {}
    for index, (connection_id, label) in enumerate(entries.connections):
        text = window.tr("Training store (practice orders)") if index == 0 else label
        action = QAction(text.replace("&", "&&"), connection_menu)  # a label is not a mnemonic
        action.setCheckable(True)
        action.setChecked(connection_id == entries.current)
        action.setActionGroup(group)
        action.triggered.connect(
            lambda _c=False, c=connection_id: _choose(window, entries, actions, c)
        )
        connection_menu.addAction(action)
        actions[connection_id] = action

    switch_action = QAction(window.tr("Switch &connection…"), window)
    switch_action.setShortcut(QKeySequence(SWITCH_SHORTCUT))
    switch_action.setToolTip(window.tr("Open another store, or the training store"))
    switch_action.triggered.connect(
        lambda: connection_menu.popup(window.mapToGlobal(window.rect().center()))
    )
    window.addAction(switch_action)

    settings_action = QAction(window.tr("&Settings…"), window)
    settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
    settings_action.triggered.connect(entries.open_settings)
    copy_action = QAction(window.tr("Copy &diagnostics"), window)

    def copy_diagnostics() -> None:
        entries.copy_diagnostics()
        window.statusBar().showMessage(window.tr("Diagnostics copied (no tokens)."), 5000)

    copy_action.triggered.connect(copy_diagnostics)
    quit_action = QAction(window.tr("&Quit"), window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    menu.addSeparator()
    menu.addActions([settings_action, copy_action])
    menu.addSeparator()
    menu.addAction(quit_action)
    return FileMenu(menu, connection_menu, actions, switch_action)


def _choose(
    window: MainWindow, entries: FileMenuEntries, actions: dict[str, QAction], connection_id: str
) -> None:
    # The check mark stays on the open connection until the switch is done: the new window
    # shows the new one checked, and a refused switch leaves the old one checked.
    actions[entries.current].setChecked(True)
    if connection_id == entries.current:
        window.statusBar().showMessage(window.tr("This connection is already open."), 5000)
        return
    entries.switch_to(connection_id)


def switching_message(window: MainWindow, name: str) -> str:
    return window.tr("Switching to {name}: finishing the write in progress first…").format(
        name=name
    )


def waiting_sentence(window: MainWindow, count: int, name: str) -> str:
    """What the packer is told when writes stay behind in the outbox of the connection left."""
    return window.tr(
        "{n} action(s) for {name} are still waiting; they stay saved and are sent "
        "when {name} is opened again."
    ).format(n=count, name=name)


def refused_sentence(window: MainWindow, name: str, reason: str, current: str) -> str:
    return window.tr("{name} could not be opened: {reason} You are still on {current}.").format(
        name=name, reason=translate_message(reason), current=current
    )


def ask_switch(window: MainWindow, name: str) -> bool:
    """Asked when saved settings name another connection (or change the open one)."""
    answer = QMessageBox.question(
        window,
        window.tr("Switch connection"),
        window.tr(
            "Open {name} now? Writes still waiting for the connection open now stay saved "
            "and are sent when it is opened again."
        ).format(name=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def settings_saved_message(
    window: MainWindow, *, later: bool, notes: list[Message] | None = None
) -> str:
    """What the packer is told after saving: every option applies at once, except those
    ``notes`` explain (one sentence each)."""
    text = (
        window.tr("Settings saved. A changed connection opens at the next start.")
        if later
        else window.tr("Settings saved.")
    )
    return " ".join([text, *(translate_message(note) for note in notes or [])])
