"""`fulfillment-station tracking parse` through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fulfillment_station.cli.main import main


def test_human_output_names_carrier_number_verdict_and_url(capsys) -> None:
    assert main(["tracking", "parse", "1Z 999 AA1 0123 4567 84"]) == 0
    out, err = capsys.readouterr()
    assert "UPS" in out
    assert "1Z999AA10123456784" in out
    assert "check digit: valid" in out
    assert "https://www.ups.com/track?tracknum=1Z999AA10123456784" in out
    assert err == ""


def test_json_output(capsys) -> None:
    assert main(["tracking", "parse", "420 22153 9101026837331000039521", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["carrier"] == "usps"
    assert data["number"] == "9101026837331000039521"
    assert data["check_digit"] == "valid"
    assert data["url"].endswith("tLabels=9101026837331000039521")
    assert data["postal_code"] == "22153"
    assert data["ambiguous"] is False


def test_json_for_a_format_without_check_digit(capsys) -> None:
    assert main(["tracking", "parse", "TBA502887274000", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["check_digit"] == "none"


def test_wrong_check_digit_prints_the_parse_and_exits_3(capsys) -> None:
    assert main(["tracking", "parse", "1Z999AA10123456785", "--json"]) == 3
    out, err = capsys.readouterr()
    assert json.loads(out)["check_digit"] == "invalid"
    assert err.count("\n") == 1 and "check digit" in err


def test_unrecognised_number_is_one_line_on_stderr_and_exit_1(capsys) -> None:
    assert main(["tracking", "parse", "hello world"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert "'hello world' is not a tracking number" in err


def test_unrecognised_number_with_json_still_prints_json(capsys) -> None:
    assert main(["tracking", "parse", "hello", "--json"]) == 1
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["carrier"] is None and data["check_digit"] is None
    assert data["candidates"] == []
    assert "not a tracking number" in err


def test_tracking_without_action_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["tracking"])
    assert exc.value.code == 2


@pytest.mark.e2e
def test_python_dash_m_entry_point() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "fulfillment_station",
            "tracking",
            "parse",
            "RB123456785GB",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["carrier"], data["check_digit"]) == ("royal_mail", "valid")
