"""Packing slips read back the way a packer and a scanner would read them."""

from __future__ import annotations

import pytest
import zxingcpp

from fulfillment_station.printing.errors import BatchCancelled, DocumentError
from fulfillment_station.printing.samples import sample_order, sample_settings
from fulfillment_station.printing.settings import PrintSettings
from fulfillment_station.printing.slip import money, render_slip, render_slips_batch

from .conftest import decode_barcodes, flat, pdf_pages_text

MULTILINGUAL = [
    "Zoë Ñandú-Łukasiewicz",
    "Юлия Смирнова",
    "Γιώργος Παπαδόπουλος",
    "王小明",
    "山田太郎",
]


@pytest.mark.parametrize("page_size", ["letter", "a4", "4x6"])
def test_slip_shows_order_addresses_and_every_line(page_size: str) -> None:
    order = sample_order("1001", lines=6)
    pdf = render_slip(order, sample_settings(page_size))  # type: ignore[arg-type]
    text = " ".join(pdf_pages_text(pdf))

    assert "Order 1001" in text
    assert "Fulfillment Station Demo Store" in text
    assert "12 Harbour Road" in text  # return address from the settings
    for address in (order.ship_to, order.bill_to):
        assert address is not None
        assert flat(address.line1) in text
    assert "MOUNTAIN VIEW, CA 94043" in text
    for line in order.lines:
        assert flat(line.name) in text
        assert line.sku in text
        if line.barcode:
            assert line.barcode in text
    assert "Please leave at the back door." in text
    assert money(order.total, order.currency) in text


@pytest.mark.parametrize("page_size", ["letter", "a4", "4x6"])
def test_order_number_barcode_scans_back_to_the_order_number(page_size: str) -> None:
    for number in ("1001", "#SQ-20931", "PB/2026/0042"):
        pdf = render_slip(sample_order(number), sample_settings(page_size))  # type: ignore[arg-type]
        codes = decode_barcodes(pdf)
        assert [c.text for c in codes] == [number]
        assert codes[0].format == zxingcpp.BarcodeFormat.Code128


@pytest.mark.parametrize("name", MULTILINGUAL)
def test_names_in_any_script_print_as_text(name: str) -> None:
    order = sample_order(customer=name)
    text = " ".join(pdf_pages_text(render_slip(order, sample_settings())))
    assert name in text


def test_long_order_flows_over_pages_with_page_x_of_y_and_repeated_header() -> None:
    order = sample_order("7007", lines=90)
    pages = pdf_pages_text(render_slip(order, sample_settings("letter")))

    assert len(pages) >= 3
    for index, page in enumerate(pages, start=1):
        assert f"Page {index} of {len(pages)}" in page
        assert "Order 7007" in page  # the header is on every page
        assert "Fulfillment Station Demo Store" in page
        assert "Qty SKU Item" in page  # and so is the table's column header
    every_page = " ".join(pages)
    for line in order.lines:
        assert line.sku in every_page
    # The barcode is repeated too, so any page opens the order.
    assert [c.text for c in decode_barcodes(render_slip(order, sample_settings()), page=2)] == [
        "7007"
    ]


def test_hostile_text_prints_literally() -> None:
    hostile = "^XZ~JA <b>bold</b> & <font size=40>x</font>"
    order = sample_order(customer=hostile, notes="<para>& notes</para>")
    text = " ".join(pdf_pages_text(render_slip(order, sample_settings())))
    assert hostile in text
    assert "<para>& notes</para>" in text


def test_gift_order_hides_prices_when_the_setting_says_so() -> None:
    order = sample_order(gift_message="Happy birthday, Ана! ❤")
    total = money(order.total, order.currency)

    hidden = " ".join(pdf_pages_text(render_slip(order, sample_settings())))
    assert "Happy birthday, Ана!" in hidden
    assert total not in hidden
    assert "$" not in hidden

    shown = render_slip(order, sample_settings(hide_prices_for_gifts=False))
    assert total in " ".join(pdf_pages_text(shown))


def test_batch_puts_each_order_on_its_own_pages_with_its_own_numbering() -> None:
    orders = [sample_order("A-1"), sample_order("A-2", lines=90), sample_order("A-3")]
    seen: list[tuple[int, int]] = []
    pdf = render_slips_batch(orders, sample_settings(), progress=lambda d, t: seen.append((d, t)))
    pages = pdf_pages_text(pdf)

    assert "Order A-1" in pages[0] and "Page 1 of 1" in pages[0]
    middle = [p for p in pages if "Order A-2" in p]
    assert [f"Page {i} of {len(middle)}" in p for i, p in enumerate(middle, 1)] == [True] * len(
        middle
    )
    assert "Order A-3" in pages[-1] and "Page 1 of 1" in pages[-1]
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_batch_can_be_cancelled() -> None:
    orders = [sample_order(str(n)) for n in range(10)]
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(BatchCancelled, match="3 of 10"):
        render_slips_batch(orders, sample_settings(), cancelled=cancelled)


def test_unreadable_logo_is_a_clear_error(tmp_path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"not a picture")
    with pytest.raises(DocumentError, match="logo"):
        render_slip(sample_order(), sample_settings(logo_path=logo))


def test_logo_is_drawn(tmp_path, settings: PrintSettings) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 60), (200, 30, 30)).save(logo)
    with_logo = render_slip(sample_order(), sample_settings(logo_path=logo))
    assert b"/Subtype /Image" in with_logo
    assert b"/Subtype /Image" not in render_slip(sample_order(), settings)


def test_no_orders_is_a_clear_error(settings: PrintSettings) -> None:
    with pytest.raises(DocumentError, match="No orders"):
        render_slips_batch([], settings)


def test_same_order_twice_in_a_batch_numbers_each_copy_on_its_own() -> None:
    order = sample_order("1001")
    pages = pdf_pages_text(render_slips_batch([order, order], sample_settings()))
    assert len(pages) == 2
    assert all("Page 1 of 1" in page for page in pages)


def test_order_number_a_barcode_cannot_carry_is_still_printed_as_text() -> None:
    pdf = render_slip(sample_order("Заказ-77"), sample_settings())
    assert decode_barcodes(pdf) == []
    text = pdf_pages_text(pdf)[0]
    assert "Order Заказ-77" in text
    assert "cannot be shown as a barcode" in text


def test_a_slip_of_two_boxes_says_which_items_are_in_which_box() -> None:
    order = sample_order("1001", lines=3)
    first, second, third = order.lines
    boxes = [("Small", {first.id: first.quantity}), ("Large <b>", {second.id: 1, third.id: 1})]
    text = " ".join(pdf_pages_text(render_slip(order, sample_settings("letter"), boxes)))
    assert "Boxes" in text
    assert f"Box 1 of 2 (Small): {first.quantity} × {first.sku}" in text
    assert f"Box 2 of 2 (Large <b>): 1 × {second.sku}" in text  # a box name prints literally
    assert f"1 × {third.sku}" in text
    # One box: nothing to tell apart, no Boxes block.
    single = " ".join(pdf_pages_text(render_slip(order, sample_settings("letter"), boxes[:1])))
    assert "Box 1 of" not in single


def test_a_slip_of_weighed_boxes_gives_each_box_its_weight() -> None:
    order = sample_order("1002", lines=2)
    first, second = order.lines
    boxes = [
        ("Small", {first.id: first.quantity}, "0.310 kg"),
        ("", {second.id: second.quantity}, ""),  # no type, not weighed
    ]
    text = " ".join(pdf_pages_text(render_slip(order, sample_settings("letter"), boxes)))
    assert f"Box 1 of 2 (Small) · 0.310 kg: {first.quantity} × {first.sku}" in text
    assert f"Box 2 of 2: {second.quantity} × {second.sku}" in text
