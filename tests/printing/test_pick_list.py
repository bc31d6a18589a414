"""The pick list sums what is still to ship per SKU across the selected orders."""

from __future__ import annotations

import pytest

from fulfillment_station.printing.errors import DocumentError
from fulfillment_station.printing.pick_list import pick_rows, render_pick_list
from fulfillment_station.printing.samples import sample_order

from .conftest import pdf_pages_text


def test_quantities_are_summed_per_sku_and_fulfilled_units_left_out() -> None:
    first = sample_order("1001", lines=3)  # MUG x1, TEA x2, SCARF x3
    second = sample_order("1002", lines=2)  # MUG x1, TEA x2
    tea = second.lines[1].model_copy(update={"quantity_fulfilled": 1})
    second = second.model_copy(update={"lines": [second.lines[0], tea]})

    rows = {row.sku: row for row in pick_rows([first, second])}

    assert {sku: row.quantity for sku, row in rows.items()} == {
        "MUG-CER-01": 2,
        "TEA-EARL-100": 3,
        "SCARF-WOOL-RD": 3,
    }
    assert rows["MUG-CER-01"].orders == ["1001", "1002"]

    text = " ".join(pdf_pages_text(render_pick_list([first, second])))
    assert "Pick list · 2 orders · 3 SKUs · 8 units" in text
    for row in rows.values():
        assert row.sku in text
        assert row.name in text
    assert "Page 1 of 1" in text


def test_nothing_left_to_pick_is_a_clear_error() -> None:
    order = sample_order(lines=1)
    done = order.lines[0].model_copy(update={"quantity_fulfilled": order.lines[0].quantity})
    with pytest.raises(DocumentError, match="nothing left to pick"):
        render_pick_list([order.model_copy(update={"lines": [done]})])
