"""The bulk-ship CSV as a hostile file: every row with a problem gets one sentence with its
number, the good rows still count, and nothing a file holds makes the import raise."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from fulfillment_station.services.bulk_ship_csv import (
    MAX_TEXT_CHARS,
    CsvImport,
    parse_bulk_ship_csv,
)
from tests.store.factories import build_order

UPS = "1Z999AA10123456784"
ORDERS = [
    build_order(
        "o1",
        number="1001",
        lines=[{"id": "L1", "sku": "MUG", "name": "Mug", "quantity": 3, "unit_price": "5.00"}],
    ),
    build_order("o2", number="1002"),
]


def parse(text: str) -> CsvImport:
    return parse_bulk_ship_csv(text, ORDERS)


def test_good_rows_fill_and_bad_rows_are_named() -> None:
    result = parse(
        "order number,carrier,tracking,lines\n"
        f"1001,UPS,{UPS},L1:2\n"
        f"9999,UPS,{UPS}\n"
        f"#1002,DHL Express,JD014600000016000001\n"
    )
    assert [(s.row, s.order_index, s.carrier, s.tracking, s.lines) for s in result.shipments] == [
        (2, 0, "UPS", UPS, {"L1": 2}),
        (4, 1, "DHL Express", "JD014600000016000001", {}),
    ]
    assert result.problems == ["Row 3: order 9999 is not one of the selected orders."]


def test_a_superscript_quantity_is_a_row_problem_not_a_crash() -> None:
    """``"²".isdigit()`` is True and ``int("²")`` raises: that used to stop the import."""
    result = parse(f"1001,UPS,{UPS},L1:²\n1002,UPS,{UPS}\n")
    assert result.problems == ["Row 1: L1:² is not a quantity between 1 and 3."]
    assert [s.order_index for s in result.shipments] == [1]


def test_a_128_kb_field_is_refused_for_its_row_only() -> None:
    result = parse(f"1001,UPS,{'9' * 131_072}\n1002,UPS,{UPS}\n")
    assert result.problems == ["Row 1: the row is longer than 2500 characters."]
    assert [s.order_index for s in result.shipments] == [1]
    result = parse(f"1001,UPS,{'9' * 200}\n")
    assert result.problems == ["Row 1: the tracking number is longer than 100 characters."]


def test_control_characters_are_refused_in_every_column() -> None:
    rows = [
        f"1001,UP\x00S,{UPS}",
        f"1001,UPS,{UPS}\x1b[2J",
        f"1001,UPS,1Z\x07{UPS}",
        f"10\x0001,UPS,{UPS}",
        f"1001,UPS,{UPS}\u202e",
        f"1001,UPS,{UPS},L1:1\x1b",
    ]
    result = parse("\n".join(rows) + f"\n1002,UPS,{UPS}\n")
    assert result.problems == [
        "Row 1: the carrier holds a control character; type it again.",
        "Row 2: the tracking number holds a control character; type it again.",
        "Row 3: the tracking number holds a control character; type it again.",
        "Row 4: the order number holds a control character; type it again.",
        "Row 5: the tracking number holds a control character; type it again.",
        "Row 6: the line list holds a control character; type it again.",
    ]
    assert [s.order_index for s in result.shipments] == [1]


def test_formula_prefixes_are_refused_in_carrier_and_tracking() -> None:
    rows = [
        '1001,=HYPERLINK("http://x"),1Z1',
        "1001,UPS,+1Z999",
        "1001,UPS,-1Z999",
        "1001,@SUM(A1),1Z999",
        f"1002,UPS,{UPS}",
    ]
    result = parse("\n".join(rows))
    assert result.problems == [
        "Row 1: the carrier starts with =, which a spreadsheet would run as a formula.",
        "Row 2: the tracking number starts with +, which a spreadsheet would run as a formula.",
        "Row 3: the tracking number starts with -, which a spreadsheet would run as a formula.",
        "Row 4: the carrier starts with @, which a spreadsheet would run as a formula.",
    ]
    assert len(result.shipments) == 1


def test_a_file_too_large_or_unreadable_rows_end_in_one_sentence() -> None:
    assert parse("x" * (MAX_TEXT_CHARS + 1)).problems == [
        "The file is too large to be a list of tracking numbers."
    ]
    # A quoted field over a line break would cut the tracking number: both rows are refused.
    result = parse(f'1001,UPS,"{UPS[:9]}\n{UPS[9:]}"\n1002,UPS,{UPS}\n')
    assert result.problems == [
        "Row 1: the row cannot be read as CSV.",
        "Row 2: the row cannot be read as CSV.",
    ]
    assert [s.order_index for s in result.shipments] == [1]


def test_problems_are_translatable_messages() -> None:
    problem = parse(f"1001,=x,{UPS}\n").problems[0]
    assert problem.context == "BulkShipCsv" and problem.template == "Row {n}: {problem}"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=3000))
def test_any_text_at_all_never_raises(text: str) -> None:
    """Arbitrary Unicode: lone surrogates, controls, right-to-left, NUL, quotes, newlines."""
    result = parse(text)
    for shipment in result.shipments:
        for value in (shipment.carrier, shipment.tracking):
            assert value.isprintable() and not value.startswith(("=", "+", "-", "@"))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["1001", "1002", "#1001", "x"]),
            st.text(max_size=12),
            st.text(max_size=30),
            st.text(alphabet=string.printable + "²³¹٣", max_size=12),
        ),
        max_size=20,
    )
)
def test_any_row_shaped_file_never_raises_and_counts_every_row(
    rows: list[tuple[str, str, str, str]],
) -> None:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    result = parse(buffer.getvalue())
    assert len(result.shipments) <= len(buffer.getvalue().splitlines())
