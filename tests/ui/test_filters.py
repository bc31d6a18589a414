"""The search columns behind the order list: a word is found in an order's own terms, its
SKUs and its barcodes, never across two of them, and stays found as sync changes rows."""

from __future__ import annotations

from pathlib import Path

from fulfillment_station.store.cache import OrderCache, OrderSummary
from fulfillment_station.ui.filters import SearchColumns, filter_text, text_mask
from tests.store.factories import build_order


def rows_of(tmp_path: Path, *orders: object) -> list[OrderSummary]:
    with OrderCache(tmp_path / "cache.sqlite3") as cache:
        result = cache.upsert_many(list(orders), connection="shop")  # type: ignore[arg-type]
        return cache.summaries_for("shop", result.touched)


def found(columns: SearchColumns, text: str) -> set[int]:
    by_mask = {i for i, hit in enumerate(text_mask(columns, text)) if hit}
    by_scan = set(filter_text(columns, list(range(len(columns))), text))
    assert by_mask == by_scan, text
    return by_mask


def test_a_word_is_found_in_own_terms_skus_and_barcodes_but_not_across_them(
        tmp_path: Path) -> None:
    rows = rows_of(tmp_path,
                   build_order("A1", customer={"name": "Ana Tee", "email": "ana@x.io"},
                               lines=[{"id": "L1", "sku": "MUG-RED", "quantity": 1,
                                       "barcode": "4006381333931"}]),
                   build_order("B2", customer={"name": "Bo", "email": "bo@x.io"},
                               lines=[{"id": "L1", "sku": "TEE-M", "quantity": 1}]))
    columns = SearchColumns(rows)
    assert found(columns, "mug-red") == {0}
    assert found(columns, "tee") == {0, 1}  # a name in one, a SKU in the other
    assert found(columns, "4006381") == {0}
    assert found(columns, "tee mug") == {0}
    # the end of one column and the start of the next are not one word
    last_own_term = rows[0].search_text.rsplit("\n", 1)[-1]
    assert found(columns, last_own_term[-2:] + rows[0].search_skus[:2]) == set()


def test_columns_stay_in_step_as_sync_appends_replaces_and_deletes(tmp_path: Path) -> None:
    first = rows_of(tmp_path, *(build_order(f"N{i}", lines=[
        {"id": "L1", "sku": f"SKU-{i}", "quantity": 1, "barcode": f"40063813339{i:02d}"}])
        for i in range(6)))
    columns = SearchColumns(first)
    assert found(columns, "sku-3") == {3}
    assert found(columns, "3339") == set(range(6))

    renamed = rows_of(tmp_path, build_order("N3", lines=[
        {"id": "L1", "sku": "POSTER-A2", "quantity": 1, "barcode": "5901234123457"}]))[0]
    added = rows_of(tmp_path, build_order("N9", lines=[
        {"id": "L1", "sku": "SKU-3", "quantity": 1}]))[0]
    columns.replace(3, renamed)
    columns.append(added)
    columns.delete(0, 1)

    assert found(columns, "sku-3") == {4}  # only the appended order, now at index 4
    assert found(columns, "poster") == {1}
    assert found(columns, "5901234") == {1}
    final = [first[2], renamed, first[4], first[5], added]
    fresh = SearchColumns(final)
    for word in ("sku", "3339", "poster", "n9", "a2", "4006"):
        assert found(columns, word) == found(fresh, word), word
