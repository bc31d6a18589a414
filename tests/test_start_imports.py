"""What the GUI imports before its window exists decides the cold start (a packer waits for it
every morning, `python -m benchmarks gui`). The heavy libraries that only some desks use load
when first used: reportlab when a document is drawn (on the print worker), psycopg when a
station database is set."""

from __future__ import annotations

import subprocess
import sys

import pytest

#: The modules ``launch.run_gui`` imports to build the first window.
START_MODULES = (
    "fulfillment_station.launch",
    "fulfillment_station.session",
    "fulfillment_station.ui.shell.workbench",
    "fulfillment_station.ui.shell.main_window",
)


@pytest.mark.parametrize("heavy", ["reportlab", "psycopg"])
def test_starting_the_window_does_not_load(heavy: str) -> None:
    code = f"import sys, {', '.join(START_MODULES)}; print({heavy!r} in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip() == "False"


def test_a_station_database_still_gets_its_driver() -> None:
    """The lazy import is not a missing one: connecting loads psycopg and reaches libpq."""
    from fulfillment_station.station.coordinator import connect_station_db

    with pytest.raises(Exception) as raised:
        # Port 1 on loopback: nothing listens, so libpq itself refuses (no server needed).
        connect_station_db("host=127.0.0.1 port=1 dbname=x user=x connect_timeout=2")
    assert type(raised.value).__module__.startswith("psycopg")
