"""The GUI imports the printing layer before its window exists; reportlab (a few tenths of a
second) must come only when a document is drawn, on the print worker."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "fulfillment_station.printing.errors",
        "fulfillment_station.services.print_service",
        "fulfillment_station.ui.shell.workbench",
    ],
)
def test_importing_does_not_load_reportlab(module: str) -> None:
    code = f"import sys, {module}; print('reportlab' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip() == "False"


def test_the_package_still_offers_every_name() -> None:
    import fulfillment_station.printing as printing

    for name in printing.__all__:
        assert getattr(printing, name) is not None
    with pytest.raises(AttributeError):
        printing.no_such_name  # noqa: B018
