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
