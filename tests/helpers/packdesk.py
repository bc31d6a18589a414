"""Pack mode at the desk (issue 17): a host that answers at once from a list of orders, sounds
that are only recorded, and orders whose lines are long or held, for the layout, success and
next-order tests of ``tests/ui/test_pack_mode_*.py``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fulfillment_station.domain.models import Order
from fulfillment_station.domain.search_text import normalize_code
from fulfillment_station.domain.summaries import OrderRef
from fulfillment_station.services.pack_session import PrintOutcome
from tests.helpers.factories import build_order
from tests.helpers.pack_fakes import (
    EAN,
    OTHER_EAN,
    UPC_A,
    UPS,
    HostDefaults,
    RecordedSounds,
    mug_line,
    tee_line,
)

__all__ = ["EAN", "OTHER_EAN", "UPC_A", "UPS", "DeskHost", "RecordedSounds"]


def desk_order(order_id: str, number: str, **fields: Any) -> Order:
    """A two-line order: one T-shirt (UPC-A) and three mugs (EAN-13)."""
    return build_order(order_id, number=number, lines=[tee_line(), mug_line(3)], **fields)


def long_order(order_id: str, number: str) -> Order:
    """Lines a store may well send: a SKU of 60 characters, a name of 200 with no break for
    60 of them, a quantity of four digits."""
    return build_order(
        order_id,
        number=number,
        ship_to={
            "name": "Maximiliane Alexandra von Hohenzollern-Sigmaringen " * 3,
            "line1": "1 Main St",
            "city": "Berlin",
            "country": "DE",
        },
        lines=[
            {
                "id": f"L{i}",
                "sku": f"SKU-{i}-" + "X" * 56,
                "name": "Stainless steel vacuum-insulated bottle "
                + "W" * 60
                + " with a bamboo lid and a carrying loop, matte forest green " * 2,
                "quantity": 1000 + i,
                "unit_price": "1",
                "barcode": f"BC-{i}",
            }
            for i in range(1, 9)
        ],
    )


class DeskHost(HostDefaults):
    """Pack mode's host answering at once from ``orders`` (in list order); records calls."""

    def __init__(self, orders: list[Order]) -> None:
        self.orders = {OrderRef("shop", o.id): o for o in orders}
        self.calls: list[tuple[Any, ...]] = []

    def find_orders(
        self, scan: str, done: Callable[[list[OrderRef]], None], failed: Callable[[str], None]
    ) -> None:
        self.calls.append(("find", scan))
        wanted = normalize_code(scan)
        done([r for r, o in self.orders.items() if normalize_code(o.number) == wanted])

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
        done(PrintOutcome())

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
