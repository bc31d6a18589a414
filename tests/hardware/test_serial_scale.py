"""Serial scales over a real pseudo-terminal: pyserial opens the pty like a /dev/ttyUSB port,
and the simulator behind it speaks MT-SICS, CAS continuous or NCI SCP-01."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fulfillment_station.domain.weight import Weight
from fulfillment_station.hardware.scale import ScaleError, ScaleReading, ScaleStatus, read_stable
from fulfillment_station.hardware.serial_scale import (
    SerialScale,
    parse_cas,
    parse_nci,
    parse_sics,
)
from tests.helpers.scale_sim import ScaleSimulator

PROTOCOLS = ("sics", "cas", "avery")


@pytest.fixture(params=PROTOCOLS)
def sim(request: pytest.FixtureRequest) -> Iterator[ScaleSimulator]:
    with ScaleSimulator(request.param, weight="1.250", unit="kg") as simulator:
        yield simulator


def open_scale(sim: ScaleSimulator) -> SerialScale:
    return SerialScale(sim.path, sim.protocol, name="Desk scale")  # type: ignore[arg-type]


def read_from(sim: ScaleSimulator, timeout: float) -> ScaleReading:
    """One stable reading through a real port, the port closed whatever happens."""
    scale = open_scale(sim)
    try:
        return read_stable(scale, timeout=timeout)
    finally:
        scale.close()


def test_stable_weight(sim: ScaleSimulator) -> None:
    reading = read_from(sim, timeout=3)
    assert reading.status is ScaleStatus.STABLE
    assert reading.stable_weight == Weight.of("1.25", "kg")
    assert sim.sent  # real bytes went over the pty


def test_in_motion_then_settles(sim: ScaleSimulator) -> None:
    sim.put("2.5", "stable", settle_after=3)
    reading = read_from(sim, timeout=3)
    assert reading.stable_weight == Weight.of("2.5", "kg")
    assert sim.settle_after == 0  # the motion answers were read and passed over


@pytest.mark.parametrize(
    ("weight", "state", "timeout", "status", "said"),
    [
        ("2.5", "motion", 0.6, ScaleStatus.MOTION, "did not settle"),
        ("99", "over", 0.6, ScaleStatus.OVER_CAPACITY, "over its capacity"),
        ("1", "silent", 0.5, ScaleStatus.NO_ANSWER, "did not answer within 0.5 seconds"),
        ("-0.020", "under", 0.6, ScaleStatus.UNDER_ZERO, ""),
    ],
)
def test_no_stable_weight_is_said_plainly(
    sim: ScaleSimulator, weight: str, state: str, timeout: float, status: ScaleStatus, said: str
) -> None:
    """A scale in motion, overloaded, silent or under zero gives no weight: the packer reads
    why, and the reading never becomes a number."""
    sim.put(weight, state)
    with pytest.raises(ScaleError) as caught:
        read_from(sim, timeout=timeout)
    assert caught.value.status is status
    assert said in str(caught.value.message)


def test_pounds_are_converted_once() -> None:
    with ScaleSimulator("sics", weight="2.000", unit="lb") as sim:
        reading = read_from(sim, timeout=3)
    assert reading.stable_weight is not None
    assert reading.stable_weight.in_unit("kg", 5) == Weight.of("0.90718", "kg").in_unit("kg", 5)
    assert reading.unit == "lb"


def test_zero_command_reaches_polled_scales() -> None:
    for protocol in ("sics", "avery"):
        with ScaleSimulator(protocol) as sim:  # type: ignore[arg-type]
            scale = open_scale(sim)
            try:
                scale.zero()
                read_stable(scale, timeout=3)  # the scale still answers after zeroing
            finally:
                scale.close()
            assert sim.commands[0].strip() == b"Z"


# -- the parsers on documented lines ---------------------------------------------------------


def test_sics_lines() -> None:
    stable = parse_sics("S S      0.256 kg")
    assert stable is not None and stable.stable_weight == Weight.of("0.256", "kg")
    dynamic = parse_sics("S D      0.250 kg")
    assert dynamic is not None and dynamic.status is ScaleStatus.MOTION
    assert dynamic.stable_weight is None
    assert parse_sics("S +").status is ScaleStatus.OVER_CAPACITY  # type: ignore[union-attr]
    assert parse_sics("S -").status is ScaleStatus.UNDER_ZERO  # type: ignore[union-attr]
    for error in ("ES", "ET", "EL"):
        assert parse_sics(error).status is ScaleStatus.ERROR  # type: ignore[union-attr]
    assert parse_sics("S S      0.000 g").status is ScaleStatus.ZERO  # type: ignore[union-attr]
    assert parse_sics("garbage") is None


def test_cas_frames() -> None:
    assert parse_cas("ST,GS,+  1.234kg").stable_weight == Weight.of(  # type: ignore[union-attr]
        "1.234", "kg"
    )
    assert parse_cas("\x02US,GS,+  1.230kg").status is ScaleStatus.MOTION  # type: ignore
    assert parse_cas("OL,GS,+   .   kg").status is ScaleStatus.OVER_CAPACITY  # type: ignore
    assert parse_cas("ST,NT,+  0.500lb").stable_weight == Weight.of(  # type: ignore[union-attr]
        "0.5", "lb"
    )
    assert parse_cas("S,GS,+ 1") is None
    assert parse_cas("") is None


def test_nci_frames() -> None:
    ok = parse_nci(b"\n  1.234KG\r\n00\r\x03")
    assert ok is not None and ok.stable_weight == Weight.of("1.234", "kg")
    moving = parse_nci(b"\n  1.234KG\r\n10\r\x03")  # 0x31: bit 0 of byte 1
    assert moving is not None and moving.status is ScaleStatus.MOTION
    over = parse_nci(b"\n^^^^^^KG\r\n02\r\x03")  # 0x32: bit 1 of byte 2
    assert over is not None and over.status is ScaleStatus.OVER_CAPACITY
    under = parse_nci(b"\n______KG\r\n01\r\x03")
    assert under is not None and under.status is ScaleStatus.UNDER_ZERO
    faulty = parse_nci(b"\n  1.000KG\r\n08\r\x03")  # faulty calibration
    assert faulty is not None and faulty.status is ScaleStatus.NEEDS_CALIBRATION
    assert parse_nci(b"\n?\r\x03") is None


@pytest.mark.parametrize(
    "noise",
    [
        b"\xff\xfe\x00\x80",  # a wrong baud rate's bytes, no line end
        b"\x00" * 300,  # longer than any frame
        b"garbage line\r\n",  # a whole line that is no answer
    ],
)
def test_line_noise_before_each_answer_is_passed_over(sim: ScaleSimulator, noise: bytes) -> None:
    sim.noise = noise
    reading = read_from(sim, timeout=3)
    assert reading.stable_weight == Weight.of("1.25", "kg")
