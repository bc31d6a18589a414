"""``print slip`` and ``print label`` against a sandbox, read back from the files."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from fulfillment_station.cli.main import main
from fulfillment_station.sandbox.server import SandboxServer

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


SHIP_FROM = [
    "--from-name",
    "Harbour Goods",
    "--from-line1",
    "1 Quay Street",
    "--from-city",
    "Portland",
    "--from-region",
    "OR",
    "--from-postal-code",
    "97201",
    "--from-country",
    "US",
]


def conn(server: SandboxServer) -> list[str]:
    return ["--dialect", server.dialect, "--base-url", server.base_url, "--token", server.token]


def pick(server: SandboxServer, capsys: pytest.CaptureFixture[str], shipped: bool) -> dict:
    """An order's full detail (the nexus list gives summaries, ``show`` the detail)."""
    status = "shipped" if shipped else "confirmed"
    assert (
        main(["orders", "list", *conn(server), "--status", status, "--limit", "5", "--json"]) == 0
    )
    for summary in json.loads(capsys.readouterr().out):
        assert main(["orders", "show", summary["id"], *conn(server), "--json"]) == 0
        order = json.loads(capsys.readouterr().out)
        if order["ship_to"] and bool(order["shipments"]) == shipped:
            return order
    raise AssertionError("the sandbox has no such order")


def test_print_slip_writes_a_readable_pdf(
    shared_sandbox: Callable[[str], SandboxServer],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    server = shared_sandbox("nexus")
    order = pick(server, capsys, shipped=False)
    out = tmp_path / "slip.pdf"
    assert main(["print", "slip", order["id"], *conn(server), "--out", str(out)]) == 0
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert order["number"] in text
    for line in order["lines"]:
        assert line["sku"] in text


def test_print_label_zpl_and_pdf(
    shared_sandbox: Callable[[str], SandboxServer],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    server = shared_sandbox("nexus")
    order = pick(server, capsys, shipped=True)
    zpl = tmp_path / "label.zpl"
    assert (
        main(
            [
                "print",
                "label",
                order["id"],
                *conn(server),
                "--format",
                "zpl",
                "--out",
                str(zpl),
                *SHIP_FROM,
            ]
        )
        == 0
    )
    text = zpl.read_text()
    assert text.count("^XA") == 1 and text.rstrip().endswith("^XZ")
    pdf = tmp_path / "label.pdf"
    assert (
        main(
            [
                "print",
                "label",
                order["id"],
                *conn(server),
                "--format",
                "pdf",
                "--out",
                str(pdf),
                *SHIP_FROM,
            ]
        )
        == 0
    )
    page = PdfReader(io.BytesIO(pdf.read_bytes())).pages[0]
    assert round(float(page.mediabox.width)) == 288 and round(float(page.mediabox.height)) == 432


def test_label_without_shipment_is_refused_clearly(
    shared_sandbox: Callable[[str], SandboxServer],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    server = shared_sandbox("nexus")
    order = pick(server, capsys, shipped=False)
    code = main(
        [
            "print",
            "label",
            order["id"],
            *conn(server),
            "--format",
            "zpl",
            "--out",
            str(tmp_path / "x.zpl"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and "no shipment yet" in err
    assert not (tmp_path / "x.zpl").exists()


def test_missing_folder_is_one_clear_line(
    shared_sandbox: Callable[[str], SandboxServer],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    server = shared_sandbox("nexus")
    order = pick(server, capsys, shipped=False)
    code = main(
        ["print", "slip", order["id"], *conn(server), "--out", str(tmp_path / "nope" / "slip.pdf")]
    )
    assert code == 1 and "does not exist" in capsys.readouterr().err
