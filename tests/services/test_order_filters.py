"""The order list's engine, without Qt: a word is found in an order's own terms, its SKUs and
its barcodes, never across two of them, and stays found as sync changes rows; the shown rows a
filter keeps are right in every position and found only as far as read; the presets, their
counts, the structured filters and the sort keys keep what their names promise."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fulfillment_station.domain.summaries import OrderSummary
from fulfillment_station.services.order_filters import (
    PRESETS,
    Column,
    FilterState,
    RowTallies,
    SearchColumns,
    ShownRows,
    facet_counts,
    filter_structured,
    filter_text,
    local_day_start,
    preset_counts,
    sort_key,
    text_mask,
)
from tests.helpers.factories import build_order, cached_summaries


def found(columns: SearchColumns, text: str) -> set[int]:
    by_mask = {i for i, hit in enumerate(text_mask(columns, text)) if hit}
    by_scan = set(filter_text(columns, list(range(len(columns))), text))
    assert by_mask == by_scan, text
    return by_mask


def test_a_word_is_found_in_own_terms_skus_and_barcodes_but_not_across_them(tmp_path: Path) -> None:
    rows = cached_summaries(
        tmp_path,
        [
            build_order(
                "A1",
                customer={"name": "Ana Tee", "email": "ana@x.io"},
                lines=[{"id": "L1", "sku": "MUG-RED", "quantity": 1, "barcode": "4006381333931"}],
            ),
            build_order(
                "B2",
                customer={"name": "Bo", "email": "bo@x.io"},
                lines=[{"id": "L1", "sku": "TEE-M", "quantity": 1}],
            ),
        ],
    )
    columns = SearchColumns(rows)
    assert found(columns, "mug-red") == {0}
    assert found(columns, "tee") == {0, 1}  # a name in one, a SKU in the other
    assert found(columns, "4006381") == {0}
    assert found(columns, "tee mug") == {0}
    # the end of one column and the start of the next are not one word
    last_own_term = rows[0].search_text.rsplit("\n", 1)[-1]
    assert found(columns, last_own_term[-2:] + rows[0].search_skus[:2]) == set()


def test_columns_stay_in_step_as_sync_appends_replaces_and_deletes(tmp_path: Path) -> None:
    first = cached_summaries(
        tmp_path,
        [
            build_order(
                f"N{i}",
                lines=[
                    {"id": "L1", "sku": f"SKU-{i}", "quantity": 1, "barcode": f"40063813339{i:02d}"}
                ],
            )
            for i in range(6)
        ],
    )
    columns = SearchColumns(first)
    assert found(columns, "sku-3") == {3}
    assert found(columns, "3339") == set(range(6))

    renamed = cached_summaries(
        tmp_path,
        [
            build_order(
                "N3",
                lines=[{"id": "L1", "sku": "POSTER-A2", "quantity": 1, "barcode": "5901234123457"}],
            )
        ],
    )[0]
    added = cached_summaries(
        tmp_path, [build_order("N9", lines=[{"id": "L1", "sku": "SKU-3", "quantity": 1}])]
    )[0]
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


@pytest.mark.parametrize(
    ("n", "keep", "seed"),
    [(0, 0.5, 1), (1, 1.0, 2), (7, 0.5, 3), (3000, 0.02, 4), (3000, 0.5, 5), (3000, 1.0, 6)],
)
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


# -- the structured filters, presets and sort keys, without Qt or a cache ----------------------

DAY = datetime(2026, 11, 10, 12, 0).timestamp()  # local noon
TODAY = local_day_start(DAY)


def row(order_id: str, **changes: Any) -> OrderSummary:
    """One list row as the cache would give it; ``changes`` override its fields."""
    base = OrderSummary(
        pk=0,
        order_id=order_id,
        number=f"#{order_id}",
        created_at=TODAY - 86400.0,
        updated_at=TODAY - 86400.0,
        shipped_at=None,
        customer="Ana",
        email=None,
        item_count=1,
        total="10.00",
        problems=0,
        search_text="",
        search_skus="",
        search_barcodes="",
        holds="",
        connection="shop",
        dialect="nexus",
        status="pending",
        api_status=None,
        fulfillment="unfulfilled",
        channel=None,
        marketplace=None,
        fulfillment_method=None,
        country="DE",
        currency="EUR",
    )
    return base._replace(**changes)


ROWS = [
    row("new"),
    row("part", status="processing", fulfillment="partial", shipped_at=TODAY - 3600.0),
    row(
        "sent", status="shipped", fulfillment="fulfilled", shipped_at=TODAY + 3600.0, channel="Etsy"
    ),
    row("gone", status="cancelled", fulfillment="unfulfilled", problems=4),
    row("odd", status="unknown", api_status="ON_HOLD", problems=1, marketplace="Amazon.de"),
]


def ids(kept: Sequence[int]) -> list[str]:
    return [ROWS[i].order_id for i in kept]


def test_presets_keep_the_orders_their_names_promise() -> None:
    every = list(range(len(ROWS)))
    by_key = {p.key: p for p in PRESETS}
    assert ids(filter_structured(ROWS, every, by_key["to_pack"].state, TODAY)) == ["new", "part"]
    assert ids(filter_structured(ROWS, every, by_key["partly_shipped"].state, TODAY)) == ["part"]
    # Shipped before midnight is not "today"; after it is.
    assert ids(filter_structured(ROWS, every, by_key["shipped_today"].state, TODAY)) == ["sent"]
    assert ids(filter_structured(ROWS, every, by_key["problems"].state, TODAY)) == ["gone", "odd"]
    assert ids(filter_structured(ROWS, every, by_key["all"].state, TODAY)) == ids(every)


def test_preset_counts_from_facets_equal_the_filtered_rows() -> None:
    counts = preset_counts(facet_counts(ROWS, TODAY))
    every = list(range(len(ROWS)))
    for preset in PRESETS:
        assert counts[preset.key] == len(filter_structured(ROWS, every, preset.state, TODAY))


def test_tallies_follow_rows_added_and_removed_and_the_day() -> None:
    tallies = RowTallies()
    tallies.reset(ROWS[:2])
    assert tallies.facets(ROWS[:2], TODAY) == facet_counts(ROWS[:2], TODAY)
    tallies.add(ROWS[2])
    tallies.add(ROWS[4])
    assert tallies.facets(ROWS[:3] + ROWS[4:], TODAY) == facet_counts(ROWS[:3] + ROWS[4:], TODAY)
    assert tallies.channels() == ["Amazon.de", "Etsy"]
    tallies.remove(ROWS[2])
    assert tallies.channels() == ["Amazon.de"]
    # The next day "sent" no longer counts as shipped today.
    tomorrow = TODAY + 86400.0
    rows = ROWS[:2] + ROWS[4:]
    assert tallies.facets(rows, tomorrow) == facet_counts(rows, tomorrow)


def test_channel_method_and_date_range_narrow_the_rows() -> None:
    every = list(range(len(ROWS)))
    assert ids(filter_structured(ROWS, every, FilterState(channel="Etsy"), TODAY)) == ["sent"]
    assert ids(filter_structured(ROWS, every, FilterState(marketplace="Amazon.de"), TODAY)) == [
        "odd"
    ]
    yesterday = date.fromtimestamp(TODAY - 86400.0)
    assert ids(
        filter_structured(
            ROWS, every, FilterState(created_from=yesterday, created_to=yesterday), TODAY
        )
    ) == ids(every)
    assert (
        filter_structured(ROWS, every, FilterState(created_to=yesterday - timedelta(days=1)), TODAY)
        == []
    )


def test_sort_keys_order_numbers_naturally_money_by_value_and_statuses_by_workflow() -> None:
    numbers = [row("a", number="#1000"), row("b", number="#999"), row("c", number="#10000")]
    assert [r.number for r in sorted(numbers, key=lambda r: sort_key(r, Column.NUMBER))] == [
        "#999",
        "#1000",
        "#10000",
    ]
    totals = [row("a", total="100.00"), row("b", total="9.50"), row("c", total="10.00")]
    assert [r.total for r in sorted(totals, key=lambda r: sort_key(r, Column.TOTAL))] == [
        "9.50",
        "10.00",
        "100.00",
    ]
    by_status = sorted(ROWS, key=lambda r: sort_key(r, Column.STATUS))
    assert [r.status for r in by_status] == [
        "pending",
        "processing",
        "shipped",
        "cancelled",
        "unknown",
    ]
    assert sort_key(row("x", status="made-up"), Column.STATUS) > sort_key(
        row("y", status="unknown"), Column.STATUS
    )
    with pytest.raises(IndexError):
        sort_key(ROWS[0], len(Column))


def test_the_engine_loads_without_qt() -> None:
    code = (
        "import sys, fulfillment_station.services.order_filters; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
