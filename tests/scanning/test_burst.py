"""BurstDetector: scanner bursts versus people typing, by key timing alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulfillment_station.scanning.burst import BurstDetector, Decision


def feed_all(detector: BurstDetector, text: str, start: float, gap: float) -> list[Decision]:
    return [detector.feed(char, start + i * gap) for i, char in enumerate(text)]


def test_fast_burst_with_enter_is_a_scan_and_swallows_everything() -> None:
    detector = BurstDetector(max_gap_ms=30, min_length=4)
    decisions = feed_all(detector, "0036000291452\r", start=0, gap=5)
    assert all(d.swallow for d in decisions)
    assert not any(d.replay for d in decisions)
    assert decisions[-1].scan == "0036000291452"
    assert detector.held == ""


def test_tab_terminates_a_scan_too() -> None:
    detector = BurstDetector()
    assert feed_all(detector, "ABCD\t", start=0, gap=2)[-1].scan == "ABCD"


def test_slow_typing_is_replayed_key_by_key_in_order() -> None:
    detector = BurstDetector(max_gap_ms=30)
    decisions = feed_all(detector, "abc", start=0, gap=150)
    assert [d.replay for d in decisions] == ["", "a", "b"]
    assert all(d.hold and d.scan is None for d in decisions)
    assert detector.end().replay == "c"
    assert detector.held == ""


def test_enter_after_slow_typing_passes_through_after_the_replay() -> None:
    detector = BurstDetector()
    feed_all(detector, "1001", start=0, gap=200)
    enter = detector.feed("\r", 900)
    assert enter == Decision(swallow=False, replay="1")


def test_short_fast_burst_with_enter_is_typing() -> None:
    detector = BurstDetector(min_length=4)
    feed_all(detector, "ab", start=0, gap=5)
    assert detector.feed("\r", 10) == Decision(swallow=False, replay="ab")


def test_enter_on_its_own_passes() -> None:
    assert BurstDetector().feed("\n", 0) == Decision()


def test_gap_exactly_at_the_limit_still_counts_as_fast() -> None:
    detector = BurstDetector(max_gap_ms=30, min_length=2)
    assert feed_all(detector, "12\r", start=0, gap=30)[-1].scan == "12"


def test_slow_enter_after_a_fast_burst_is_not_a_scan() -> None:
    detector = BurstDetector(max_gap_ms=30)
    feed_all(detector, "ABCDEF", start=0, gap=5)
    assert detector.feed("\r", 25 + 31) == Decision(swallow=False, replay="ABCDEF")


def test_scan_right_after_typing_keeps_the_typed_key() -> None:
    detector = BurstDetector()
    detector.feed("x", 0)
    decisions = feed_all(detector, "ABCD\r", start=500, gap=3)
    assert decisions[0].replay == "x"
    assert decisions[-1].scan == "ABCD"


def test_poll_waits_for_the_gap_then_releases() -> None:
    now = [0.0]
    detector = BurstDetector(max_gap_ms=30, clock=lambda: now[0])
    detector.feed("a")
    now[0] = 20
    assert detector.poll() is None
    assert detector.quiet_in() == pytest.approx(10)
    now[0] = 31
    assert detector.poll() == Decision(replay="a")
    assert detector.poll() == Decision()
    assert detector.quiet_in() == 0


def test_without_terminator_a_quiet_fast_burst_is_a_scan() -> None:
    detector = BurstDetector(require_terminator=False, min_length=4)
    feed_all(detector, "ABCDE", start=0, gap=3)
    assert detector.end() == Decision(scan="ABCDE")
    feed_all(detector, "AB", start=100, gap=3)
    assert detector.end() == Decision(replay="AB")


def test_without_terminator_next_burst_completes_the_previous_scan() -> None:
    detector = BurstDetector(require_terminator=False, min_length=4)
    feed_all(detector, "ABCD", start=0, gap=3)
    decision = detector.feed("x", 500)
    assert decision.scan == "ABCD" and decision.hold and decision.replay == ""


def test_interrupt_releases_held_keys() -> None:
    detector = BurstDetector()
    feed_all(detector, "ab", start=0, gap=5)
    assert detector.interrupt() == Decision(replay="ab")
    assert detector.held == ""


def test_endless_fast_input_is_not_held_forever() -> None:
    detector = BurstDetector(max_length=8, min_length=4)
    decisions = feed_all(detector, "x" * 9, start=0, gap=1)
    assert decisions[-1].replay == "x" * 8
    assert detector.held == "x"


@pytest.mark.parametrize(
    "kwargs", [{"max_gap_ms": 0}, {"min_length": 0}, {"min_length": 10, "max_length": 5}]
)
def test_bad_settings_are_rejected(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        BurstDetector(**kwargs)


@given(st.lists(st.tuples(st.sampled_from("ab1\r"), st.floats(0, 200)), max_size=40))
def test_no_key_is_ever_lost_or_duplicated(keys: list[tuple[str, float]]) -> None:
    """Every printable key comes back exactly once: replayed, inside a scan, or passed."""
    detector = BurstDetector(max_gap_ms=30, min_length=3)
    now = 0.0
    out: list[str] = []
    for char, gap in keys:
        now += gap
        decision = detector.feed(char, now)
        out.append(decision.replay)
        if decision.scan is not None:
            out.append(decision.scan)
        if not decision.swallow:
            out.append(char)
    final = detector.end(now + 1000)
    out.append(final.replay)
    sent = "".join(char for char, _ in keys)
    received = "".join(out)
    # Terminators of scans are swallowed on purpose; everything else arrives in order.
    assert received.replace("\r", "") == sent.replace("\r", "")
