"""Pack progress file: what is saved comes back after the file is reopened, per order."""

from __future__ import annotations

from pathlib import Path

import pytest

from fulfillment_station.store.db import StoreError
from fulfillment_station.store.pack_progress import PackProgress, SavedProgress


def test_saved_progress_survives_reopening_the_file(tmp_path: Path):
    path = tmp_path / "sub" / "pack.sqlite3"
    saved = SavedProgress(counts={"L1": 2, "L2": 0}, history=(("L1", 1), ("L1", 1)), printed=True)
    with PackProgress(path) as progress:
        progress.save("shop", "A1", saved)
    with PackProgress(path) as progress:
        assert progress.load("shop", "A1") == saved
        assert progress.load("shop", "B2") is None
        assert progress.load("other-shop", "A1") is None


def test_save_replaces_and_clear_forgets(tmp_path: Path):
    with PackProgress(tmp_path / "pack.sqlite3") as progress:
        progress.save("shop", "A1", SavedProgress(counts={"L1": 1}, history=(("L1", 1),)))
        progress.save("shop", "A1", SavedProgress(counts={"L1": 2}, history=(("L1", 2),)))
        progress.save("shop", "B2", SavedProgress(counts={"L9": 1}, history=(("L9", 1),)))
        assert progress.load("shop", "A1") == SavedProgress(counts={"L1": 2}, history=(("L1", 2),))
        assert set(progress.open_orders()) == {("shop", "A1"), ("shop", "B2")}
        progress.clear("shop", "A1")
        assert progress.load("shop", "A1") is None
        assert progress.open_orders() == [("shop", "B2")]


def test_a_damaged_row_is_a_clear_error(tmp_path: Path):
    with PackProgress(tmp_path / "pack.sqlite3") as progress:
        progress.save("shop", "A1", SavedProgress())
        progress._conn.execute("UPDATE pack_progress SET state = 'not json'")
        with pytest.raises(StoreError, match="reset the order"):
            progress.load("shop", "A1")


def test_boxes_come_back_with_their_types_and_weights(tmp_path: Path) -> None:
    from fulfillment_station.store.pack_progress import SavedBox

    saved = SavedProgress(
        counts={"L1": 1, "L2": 2},
        history=(("L1", 1), ("L2", 2)),
        boxes=(
            SavedBox(0, "Small", "20", "15", "10", "150", "BOX-S", typed=True, weight_g="310"),
            SavedBox(1, typed=False),
        ),
    )
    with PackProgress(tmp_path / "pack.sqlite3") as progress:
        progress.save("shop", "A1", saved)
    with PackProgress(tmp_path / "pack.sqlite3") as progress:
        assert progress.load("shop", "A1") == saved
        assert progress._conn.execute("SELECT format FROM pack_progress").fetchone() == (2,)


def test_a_file_from_before_boxes_opens_and_its_orders_resume_in_one_box(tmp_path: Path) -> None:
    """A schema-1 file (written by a build that saved no boxes) is migrated on open; its rows
    keep their counts and read as one box; the next save writes format 2."""
    from fulfillment_station.store.db import connect, migrate
    from fulfillment_station.store.pack_progress import COMPONENT, MIGRATIONS

    path = tmp_path / "pack.sqlite3"
    conn = connect(path)
    assert migrate(conn, COMPONENT, MIGRATIONS[:1]) == 1
    old = '{"counts": {"L1": 2}, "history": [["L1", 1], ["L1", 1]], "printed": true}'
    with conn:
        conn.execute(
            "INSERT INTO pack_progress (connection, order_id, state, updated_at)"
            " VALUES ('shop', 'A1', ?, 0)",
            (old,),
        )
    conn.close()
    with PackProgress(path) as progress:
        loaded = progress.load("shop", "A1")
        assert loaded == SavedProgress(
            counts={"L1": 2}, history=(("L1", 1), ("L1", 1)), printed=True
        )
        assert loaded.boxes == ()
        assert progress._conn.execute("SELECT format FROM pack_progress").fetchone() == (1,)
        progress.save("shop", "A1", loaded)
        assert progress._conn.execute("SELECT format FROM pack_progress").fetchone() == (2,)


@pytest.mark.parametrize(
    "boxes",
    [
        '"not a list"',
        '[{"start": 0}, {"start": 9}]',  # starts after the last scan
        '[{"start": 1}]',  # the first box must start at the first scan
        '[{"start": 0}, {"start": 0}]',
        '[{"start": -1}]',
        '[{"start": "0"}]',
        "[7]",
    ],
)
def test_damaged_boxes_cost_the_split_not_the_scans(tmp_path: Path, boxes: str) -> None:
    state = f'{{"counts": {{"L1": 2}}, "history": [["L1", 1], ["L1", 1]], "boxes": {boxes}}}'
    with PackProgress(tmp_path / "pack.sqlite3") as progress:
        progress.save("shop", "A1", SavedProgress())
        progress._conn.execute("UPDATE pack_progress SET state = ?", (state,))
        loaded = progress.load("shop", "A1")
    assert loaded is not None
    assert (loaded.counts, loaded.boxes) == ({"L1": 2}, ())
