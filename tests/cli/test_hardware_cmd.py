"""`fulfillment-station scale read` and `printer status` through the real entry point, against
a serial scale simulator on a pseudo-terminal and a Zebra simulator on a loopback port."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from fulfillment_station.cli.main import main
from fulfillment_station.store.settings import Settings, SettingsStore
from tests.helpers.scale_sim import ScaleSimulator
from tests.helpers.zebra_sim import ZebraSimulator


@pytest.fixture
def zebra() -> Iterator[ZebraSimulator]:
    with ZebraSimulator() as simulator:
        yield simulator


@pytest.mark.parametrize("protocol", ["sics", "cas", "avery"])
def test_scale_read_prints_the_stable_weight(
    protocol: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with ScaleSimulator(protocol, weight="1.250", unit="kg") as sim:  # type: ignore[arg-type]
        sim.put("1.250", "stable", settle_after=2)
        code = main(["scale", "read", "--serial", sim.path, "--protocol", protocol, "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "status": "stable",
        "weight": "1.25",
        "unit": "kg",
        "grams": "1250",
    }


def test_scale_read_plain_words_and_pounds(capsys: pytest.CaptureFixture[str]) -> None:
    with ScaleSimulator("sics", weight="3.40", unit="lb") as sim:
        assert main(["scale", "read", "--serial", sim.path, "--protocol", "sics"]) == 0
    assert capsys.readouterr().out == "3.4 lb (stable)\n"


@pytest.mark.parametrize(
    ("state", "words"),
    [
        ("motion", "did not settle (still in motion)"),
        ("over", "is over its capacity"),
        ("silent", "did not answer within 0.5 seconds"),
    ],
)
def test_scale_read_says_why_there_is_no_weight(
    state: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with ScaleSimulator("sics") as sim:
        sim.put("2", state)  # type: ignore[arg-type]
        code = main(
            [
                "scale",
                "read",
                "--serial",
                sim.path,
                "--protocol",
                "sics",
                "--timeout",
                "0.5",
                "--json",
            ]
        )
    out, err = capsys.readouterr()
    assert code == 1
    assert words in err
    assert json.loads(out)["weight"] is None


def test_scale_read_uses_the_scale_chosen_in_settings(capsys: pytest.CaptureFixture[str]) -> None:
    with ScaleSimulator("avery", weight="0.500") as sim:
        SettingsStore().save(
            Settings.defaults().replace(
                {"scale.source": "serial", "scale.device": sim.path, "scale.protocol": "avery"}
            )
        )
        assert main(["scale", "read"]) == 0
    assert capsys.readouterr().out == "0.5 kg (stable)\n"


def test_scale_read_without_any_scale_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scale", "read"]) == 1
    assert "no scale is set up" in capsys.readouterr().err


def test_printer_status_ready_then_paper_out_and_head_open(
    zebra: ZebraSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    address = f"tcp://127.0.0.1:{zebra.port}"
    assert main(["printer", "status", address]) == 0
    assert capsys.readouterr().out == f"{address}: can print.\n"

    zebra.paper_out = True
    zebra.head_open = True
    assert main(["printer", "status", address]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"{address}: cannot print."
    assert "print head" in out and "is open" in out and "out of labels" in out
    assert zebra.jobs == []


def test_printer_status_by_name_as_json(
    zebra: ZebraSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    SettingsStore().save(
        Settings.defaults().replace(
            {"printers.named": [{"name": "Zebra desk 1", "uri": f"tcp://127.0.0.1:{zebra.port}"}]}
        )
    )
    zebra.paused = True
    assert main(["printer", "status", "zebra DESK 1", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["printer"] == "Zebra desk 1" and data["can_print"] is False
    assert data["problems"] == ["Printer Zebra desk 1 is paused; press its pause button to resume."]


def test_printer_status_unreachable_and_mute(
    zebra: ZebraSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    zebra.mute = True
    assert main(["printer", "status", f"tcp://127.0.0.1:{zebra.port}", "--timeout", "0.3"]) == 2
    assert "did not say whether it can print" in capsys.readouterr().out
    zebra.__exit__()
    assert main(["printer", "status", f"tcp://127.0.0.1:{zebra.port}"]) == 1
    assert "cannot be reached" in capsys.readouterr().out


def test_printer_status_of_a_folder(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["printer", "status", f"file:{tmp_path}"]) == 0
    assert main(["printer", "status", "file:/nonexistent/folder"]) == 1
    assert main(["printer", "status", "lpt1"]) == 1
    assert "neither a printer named in Settings" in capsys.readouterr().err


def test_scale_read_of_a_usb_scale_that_is_not_there(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scale", "read", "--hid", "/dev/hidraw-no-such-scale"]) == 1
    err = capsys.readouterr().err
    assert "The scale /dev/hidraw-no-such-scale cannot be opened" in err


def test_scale_read_protocol_without_a_serial_port(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scale", "read", "--protocol", "cas"]) == 1
    assert "--protocol goes with --serial DEVICE" in capsys.readouterr().err
