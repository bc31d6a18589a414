"""Pack mode's outside world for tests, without Qt and without a worker: hosts that answer at
once (``FakeHost``) or when the test says (``Host`` with ``hold``, ``DeferredHost``), a display
and sounds that only record, and the small orders the pack tests scan. Shared by the flow's
Qt-free tests (tests/services) and pack mode's widget tests (tests/ui)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fulfillment_station.domain.models import Order
from fulfillment_station.domain.search_text import normalize_code
from fulfillment_station.domain.summaries import OrderRef
from fulfillment_station.services.boxes import BoxShipping
from fulfillment_station.services.pack_session import PackSession, PrintOutcome
from tests.helpers.factories import build_order

UPC_A = "036000291452"
EAN = "4006381333931"
OTHER_EAN = "5901234123457"
UPS = "1Z999AA10123456784"


def tee_line() -> dict[str, Any]:
    """One T-shirt, barcode UPC-A: the first line of every pack-test order."""
    return {
        "id": "L1",
        "sku": "TEE-M",
        "name": "T-shirt M",
        "quantity": 1,
        "unit_price": "10",
        "barcode": UPC_A,
    }


def mug_line(quantity: int = 1) -> dict[str, Any]:
    """Black mugs, barcode EAN-13: the second line of every pack-test order."""
    return {
        "id": "L2",
        "sku": "MUG-BLK",
        "name": "Mug black",
        "quantity": quantity,
        "unit_price": "5",
        "barcode": EAN,
    }


def two_line_order(order_id: str, number: str, status: str = "confirmed") -> Order:
    return build_order(order_id, number=number, status=status, lines=[tee_line(), mug_line()])


class HostDefaults:
    """What a pack host says besides its calls, as a plain desk has it: the store sells no
    labels, several boxes go as one shipment, no record of tracking numbers used elsewhere,
    and no product known by a code that is no line of the order."""

    store_sells_labels = False
    box_shipping = BoxShipping.ONE
    tracking_guard: Callable[[], Any] | None = None

    def describe_item(
        self, scan: str, done: Callable[[str | None], None], failed: Callable[[str], None]
    ) -> None:
        done(None)


class Host(HostDefaults):
    """Answers at once unless ``hold`` is set; then the test calls ``answer()``."""

    def __init__(self, orders: list[Order]) -> None:
        self.orders = {OrderRef("shop", o.id): o for o in orders}
        self.calls: list[tuple[Any, ...]] = []
        self.hold = False
        self.waiting: list[Callable[[], None]] = []
        self.ship_error: str | None = None
        #: (call, the boxes it was given: None for one box)
        self.boxes_given: list[tuple[str, Any]] = []

    def _answer(self, fn: Callable[[], None]) -> None:
        if self.hold:
            self.waiting.append(fn)
        else:
            fn()

    def answer(self) -> None:
        self.waiting.pop(0)()

    def find_orders(
        self, scan: str, done: Callable[[list[OrderRef]], None], failed: Callable[[str], None]
    ) -> None:
        self.calls.append(("find", scan))
        self._answer(
            lambda: done(
                [
                    r
                    for r, o in self.orders.items()
                    if normalize_code(o.number) == normalize_code(scan)
                ]
            )
        )

    def load_order(
        self, ref: OrderRef, done: Callable[[Order], None], failed: Callable[[str], None]
    ) -> None:
        self.calls.append(("load", ref.order_id))
        self._answer(lambda: done(self.orders[ref]))

    def print_documents(
        self,
        order: Order,
        reprint: bool,
        done: Callable[[PrintOutcome], None],
        failed: Callable[[str], None],
        *,
        boxes: Any = None,
    ) -> None:
        self.calls.append(("print", order.id, reprint))
        self.boxes_given.append(("print", boxes))
        self._answer(lambda: done(PrintOutcome()))

    def ship(
        self,
        order: Order,
        lines: dict[str, int],
        tracking: str | None,
        carrier: str | None,
        done: Callable[[], None],
        failed: Callable[[str], None],
        *,
        boxes: Any = None,
        hold_override: str | None = None,
    ) -> None:
        self.calls.append(("ship", order.id, lines, tracking))
        self.boxes_given.append(("ship", boxes))
        error = self.ship_error
        self._answer(lambda: failed(error) if error else done())

    def next_order_after(
        self, ref: OrderRef, done: Callable[[OrderRef | None], None], failed: Callable[[str], None]
    ) -> None:
        self.calls.append(("next", ref.order_id))
        refs = list(self.orders)
        position = refs.index(ref)
        self._answer(lambda: done(refs[position + 1] if position + 1 < len(refs) else None))

    def named(self, name: str) -> list[tuple[Any, ...]]:
        return [c for c in self.calls if c[0] == name]


class Display:
    def __init__(self) -> None:
        self.infos: list[str] = []
        self.errors: list[str] = []
        self.opened_orders: list[str] = []
        self.shipped_orders: list[str] = []
        self.session: PackSession | None = None

    def show_info(self, text: str, *, good: bool = False) -> None:
        self.infos.append(text)

    def show_error(self, text: str) -> None:
        self.errors.append(text)

    def show_session(self, session: PackSession | None) -> None:
        self.session = session

    def select_line(self, line_id: str) -> None:
        pass

    def opened(self, order: Order) -> None:
        self.opened_orders.append(order.id)

    def shipped(self, order: Order) -> None:
        self.shipped_orders.append(order.id)


class RecordedSounds:
    def __init__(self) -> None:
        self.played: list[str] = []

    def play_success(self) -> None:
        self.played.append("success")

    def play_error(self) -> None:
        self.played.append("error")

    def play_complete(self) -> None:
        self.played.append("complete")


def make_order(
    order_id: str, number: str, *, mug_quantity: int = 1, card_barcode: str | None = "CARD-0001"
) -> Order:
    """The T-shirt and mugs, and a gift card (without a barcode when ``card_barcode`` is None)."""
    card = {
        "id": "L3",
        "sku": "CARD",
        "name": "Gift card",
        "quantity": 1,
        "unit_price": "1",
        "barcode": card_barcode,
    }
    return build_order(order_id, number=number, lines=[tee_line(), mug_line(mug_quantity), card])


class FakeHost(HostDefaults):
    """Answers at once, like a worker that is very fast; records every call."""

    def __init__(self, orders: list[Order], label_tracking: str | None = None) -> None:
        self.orders = {OrderRef("shop", o.id): o for o in orders}
        self.label_tracking = label_tracking
        self.calls: list[tuple[Any, ...]] = []

    def find_orders(
        self, scan: str, done: Callable[[list[OrderRef]], None], failed: Callable[[str], None]
    ) -> None:
        self.calls.append(("find", scan))
        done(
            [
                ref
                for ref, o in self.orders.items()
                if normalize_code(o.number) == normalize_code(scan)
            ]
        )

    def load_order(
        self, ref: OrderRef, done: Callable[[Order], None], failed: Callable[[str], None]
    ) -> None:
        self.calls.append(("load", ref.order_id))
        done(self.orders[ref])

    def print_documents(
        self,
        order: Order,
        reprint: bool,
        done: Callable[[PrintOutcome], None],
        failed: Callable[[str], None],
        *,
        boxes: Any = None,
    ) -> None:
        self.calls.append(("print", order.id, reprint))
        done(
            PrintOutcome(
                tracking=self.label_tracking, carrier="ups" if self.label_tracking else None
            )
        )

    def ship(
        self,
        order: Order,
        lines: dict[str, int],
        tracking: str | None,
        carrier: str | None,
        done: Callable[[], None],
        failed: Callable[[str], None],
        *,
        boxes: Any = None,
        hold_override: str | None = None,
    ) -> None:
        self.calls.append(("ship", order.id, lines, tracking, carrier))
        done()

    def next_order_after(
        self, ref: OrderRef, done: Callable[[OrderRef | None], None], failed: Callable[[str], None]
    ) -> None:
        self.calls.append(("next", ref.order_id))
        refs = list(self.orders)
        position = refs.index(ref)
        done(refs[position + 1] if position + 1 < len(refs) else None)

    def named(self, name: str) -> list[tuple[Any, ...]]:
        return [call for call in self.calls if call[0] == name]


class DeferredHost(FakeHost):
    """Answers only when the test says so, like a worker thread that takes its time."""

    def __init__(self, orders: list[Order]) -> None:
        super().__init__(orders)
        self.waiting: list[Callable[[], None]] = []

    def find_orders(self, scan, done, failed) -> None:
        self.waiting.append(lambda: FakeHost.find_orders(self, scan, done, failed))

    def load_order(self, ref, done, failed) -> None:
        self.waiting.append(lambda: FakeHost.load_order(self, ref, done, failed))

    def answer(self) -> None:
        self.waiting.pop(0)()
