"""The pair index behind the search box: a word is found in exactly the orders a scan finds,
before and after sync changes rows, and an index that no longer fits is never used."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from fulfillment_station.domain.summaries import OrderSummary
from fulfillment_station.services.order_filters import SearchColumns, text_mask
from fulfillment_station.services.search_index import PairIndex
from tests.helpers.factories import cached_summaries, make_orders


def scanned(rows: list[OrderSummary], word: str) -> set[int]:
    """The rows a plain scan finds (no index)."""
    columns = SearchColumns(rows)
    return {i for i, hit in enumerate(text_mask(columns, word)) if hit}


def indexed(columns: SearchColumns) -> SearchColumns:
    snapshot, texts = columns.index_snapshot()
    assert columns.attach_index(snapshot, PairIndex.build(texts))
    return columns


def words_of(rows: list[OrderSummary], rng: random.Random, count: int) -> list[str]:
    """Pieces of the rows' own terms, 1 to 6 characters, and some that are in no row."""
    words = ["zq", "qqx", "@@", "1z", "ab"]
    for _ in range(count):
        text = rng.choice(rows).search_text.replace("\n", " ")
        start = rng.randrange(len(text))
        word = text[start : start + rng.randint(1, 6)].strip()
        if word and " " not in word:
            words.append(word)
    return words


@pytest.fixture(scope="module")
def fleet(tmp_path_factory: pytest.TempPathFactory) -> list[OrderSummary]:
    return cached_summaries(tmp_path_factory.mktemp("fleet"), make_orders(400, seed=21))


def test_pairs_give_exactly_the_rows_with_a_two_character_word() -> None:
    index = PairIndex.build(["abc", "xbca", "", "aab"])
    assert list(index.candidates("ab")) == [0, 3]
    assert list(index.candidates("bc")) == [0, 1]
    assert list(index.candidates("zz")) == []
    assert list(index.candidates("abc")) == [0, 3]  # its rarest pair: then looked at
    with pytest.raises(ValueError, match="pair"):
        index.candidates("a")


def test_built_a_slice_at_a_time_it_is_the_same_index(fleet: list[OrderSummary]) -> None:
    texts = [row.search_text for row in fleet]
    whole = PairIndex.build(texts)
    steps = PairIndex.build_in_steps(texts, 64)
    done = []
    with pytest.raises(StopIteration) as finished:
        while True:
            done.append(next(steps))
    assert done == [*range(64, len(texts), 64), len(texts)]
    sliced: PairIndex = finished.value.value
    assert sliced.rows == whole.rows == len(texts)
    for pair in ("cu", "@e", "10", "zz", "an"):
        assert list(sliced.candidates(pair)) == list(whole.candidates(pair))


def test_an_indexed_search_finds_what_a_scan_finds(fleet: list[OrderSummary]) -> None:
    columns = indexed(SearchColumns(fleet))
    for word in words_of(fleet, random.Random(3), 150):
        assert {i for i, hit in enumerate(text_mask(columns, word)) if hit} == scanned(
            fleet, word
        ), word


def test_rows_changed_or_added_after_the_index_are_found_as_they_are_now(
    tmp_path: Path, fleet: list[OrderSummary]
) -> None:
    rows = list(fleet[:200])
    columns = indexed(SearchColumns(rows))
    others = fleet[200:260]
    for at, row in zip(range(0, 120, 2), others, strict=True):  # 60 orders change
        columns.replace(at, row)
        rows[at] = row
    for row in fleet[300:340]:  # 40 arrive
        columns.append(row)
        rows.append(row)
    for word in words_of(rows, random.Random(4), 150):
        assert {i for i, hit in enumerate(text_mask(columns, word)) if hit} == scanned(
            rows, word
        ), word
    assert columns.wants_index()  # 100 of 240 rows unindexed: worth building again
    indexed(columns)
    assert not columns.wants_index()


def test_an_index_that_no_longer_fits_is_not_used(fleet: list[OrderSummary]) -> None:
    columns = indexed(SearchColumns(fleet[:100]))
    columns.delete(0, 9)  # every row moves up ten places
    word = fleet[50].search_text.split("\n")[0][-3:]
    assert {i for i, hit in enumerate(text_mask(columns, word)) if hit} == scanned(
        fleet[10:100], word
    )
    assert columns.wants_index()

    # An index built from a snapshot taken before a deletion, or superseded, is refused.
    snapshot, texts = columns.index_snapshot()
    assert not columns.wants_index()  # one is being built
    columns.delete(0, 0)
    assert not columns.attach_index(snapshot, PairIndex.build(texts))
    first, texts = columns.index_snapshot()
    second, newer = columns.index_snapshot()
    assert not columns.attach_index(first, PairIndex.build(texts))
    assert columns.attach_index(second, PairIndex.build(newer))
    assert {i for i, hit in enumerate(text_mask(columns, word)) if hit} == scanned(
        fleet[11:100], word
    )


def test_a_failed_build_lets_the_next_one_start(fleet: list[OrderSummary]) -> None:
    columns = SearchColumns(fleet[:50])
    snapshot, _texts = columns.index_snapshot()
    assert not columns.wants_index()
    columns.forget_snapshot(snapshot)
    assert columns.wants_index()
