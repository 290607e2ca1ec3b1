"""Traffic lights and thresholds."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parkgov.domain.errors import DomainError
from parkgov.domain.light import DEFAULT_THRESHOLDS, Light, Thresholds, light_against_time_progress, worst

fractions = st.decimals(min_value=D(0), max_value=D("1.5"), places=4)
progresses = st.decimals(min_value=D(0), max_value=D(1), places=4)


@pytest.mark.parametrize(
    ("rate", "progress", "expected"),
    [
        (D("0.4167"), D(5) / D(12), Light.GREEN),
        (D("0.5716"), D("0.5"), Light.GREEN),
        (D("0.40"), D("0.4167"), Light.YELLOW),
        (D("0.3167"), D("0.4167"), Light.YELLOW),
        (D("0.3166"), D("0.4167"), Light.RED),
        (D("0.10"), D("0.5"), Light.RED),
        (D("0.99"), D(1), Light.RED),
        (D(1), D(1), Light.GREEN),
        (D("1.2"), D("0.3"), Light.GREEN),
        (None, D("0.5"), Light.GREY),
        (D(0), D(0), Light.GREEN),
    ],
)
def test_default_rule(rate, progress, expected) -> None:
    assert light_against_time_progress(rate, progress) is expected


def test_overdue_is_red_unless_complete() -> None:
    assert light_against_time_progress(D("0.9"), D("0.5"), overdue=True) is Light.RED
    assert light_against_time_progress(D(1), D("0.5"), overdue=True) is Light.GREEN


def test_configurable_thresholds() -> None:
    lenient = Thresholds(green_gap_pct=D(5), yellow_gap_pct=D(20))
    assert light_against_time_progress(D("0.37"), D("0.4167"), lenient) is Light.GREEN
    assert light_against_time_progress(D("0.25"), D("0.4167"), lenient) is Light.YELLOW
    assert light_against_time_progress(D("0.20"), D("0.4167"), lenient) is Light.RED
    assert light_against_time_progress(D("0.37"), D("0.4167")) is Light.YELLOW


@pytest.mark.parametrize(
    "kwargs",
    [{"green_gap_pct": D(-1)}, {"green_gap_pct": D(20), "yellow_gap_pct": D(10)},
     {"yellow_gap_pct": D(101)}, {"growth_yellow_gap_pct": D(-1)}, {"yellow_gap_pct": 10.0}],
)
def test_invalid_thresholds(kwargs) -> None:
    with pytest.raises(DomainError, match="阈值"):
        Thresholds(**kwargs)


def test_thresholds_accept_ints_and_default_values() -> None:
    assert Thresholds(green_gap_pct=0, yellow_gap_pct=10) == DEFAULT_THRESHOLDS
    assert DEFAULT_THRESHOLDS.yellow_gap_pct == D(10)


def test_labels_and_worst() -> None:
    assert [light.label for light in Light] == ["绿灯", "黄灯", "红灯", "灰灯"]
    assert worst([Light.GREEN, Light.GREY, Light.YELLOW]) is Light.YELLOW
    assert worst([Light.GREY, Light.RED, Light.GREEN]) is Light.RED
    assert worst([Light.GREY]) is Light.GREY
    assert worst([]) is Light.GREY


@given(fractions, progresses, st.booleans())
def test_never_green_when_overdue_and_incomplete(rate: D, progress: D, overdue: bool) -> None:
    light = light_against_time_progress(rate, progress, overdue=overdue)
    if rate < 1 and (overdue or progress >= 1):
        assert light is Light.RED
    if rate >= progress:
        assert light is Light.GREEN or (overdue and rate < 1) or (progress >= 1 and rate < 1)


@given(fractions, fractions, progresses)
def test_more_completion_never_worsens_the_light(a: D, b: D, progress: D) -> None:
    order = {Light.RED: 0, Light.YELLOW: 1, Light.GREEN: 2}
    low, high = sorted((a, b))
    assert order[light_against_time_progress(low, progress)] <= order[light_against_time_progress(high, progress)]
