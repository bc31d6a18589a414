"""The search columns behind the order list: a word is found in an order's own terms, its
SKUs and its barcodes, never across two of them, and stays found as sync changes rows. And
the shown rows a filter keeps: right in every position, and found only as far as read."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from fulfillment_station.domain.summaries import OrderSummary
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.ui.filters import SearchColumns, ShownRows, filter_text, text_mask
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


class Projections:
    """``project_all`` for :class:`ShownRows`, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, order: Sequence[int], mask: bytes) -> list[int]:
        self.calls += 1
        return [r for r in order if mask[r]]


def shown_rows(n: int, keep: float, seed: int) -> tuple[ShownRows, list[int], Projections]:
    rng = random.Random(seed)
    order = list(range(n))
    rng.shuffle(order)
    mask = bytes(int(rng.random() < keep) for _ in range(n))
    project = Projections()
    return ShownRows(order, mask, mask.count(1), project), [r for r in order if mask[r]], project


@pytest.mark.parametrize(("n", "keep", "seed"), [(0, 0.5, 1), (1, 1.0, 2), (7, 0.5, 3),
                                                 (3000, 0.02, 4), (3000, 0.5, 5), (3000, 1.0, 6)])
def test_shown_rows_are_the_kept_rows_in_shown_order(n: int, keep: float, seed: int) -> None:
    rows, expected, _ = shown_rows(n, keep, seed)
    assert len(rows) == len(expected)
    positions = list(range(len(expected)))
    random.Random(seed).shuffle(positions)
    assert [rows[i] for i in positions] == [expected[i] for i in positions]
    assert list(rows) == expected
    assert rows[-1:] == expected[-1:]
    if expected:
        assert rows[-1] == expected[-1]
    with pytest.raises(IndexError):
        rows[len(expected)]

    rows, expected, _ = shown_rows(n, keep, seed)  # positions asked for before anything read
    for r in random.Random(seed).sample(range(n), min(n, 50)):
        if r in expected:
            assert r in rows
            assert rows.index(r) == expected.index(r)
        else:
            assert r not in rows
            with pytest.raises(ValueError, match="not shown"):
                rows.index(r)


def test_a_screenful_is_found_without_laying_the_whole_mask_over_the_order() -> None:
    rows, expected, project = shown_rows(100_000, 0.3, 7)
    assert [rows[i] for i in range(40)] == expected[:40]
    assert rows.index(expected[100]) == 100
    assert project.calls == 0
    assert list(rows) == expected  # the rest, found where the first ones left off
    assert project.calls == 0

    rows, expected, project = shown_rows(100_000, 0.3, 8)
    assert rows[len(expected) - 1] == expected[-1]  # the last row: all found in one pass
    assert project.calls == 1
    assert list(rows) == expected
    assert project.calls == 1
