"""Rankings: scores, ties, quarters and the bottom N."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parkgov.domain.errors import DomainError
from parkgov.domain.ranking import (
    DEFAULT_WEIGHTS, RankingWeights, UnitRecord, bottom, combine_rounds, rank_units, score,
)


def test_default_weights_40_40_20() -> None:
    record = UnitRecord("科工局", reports_due=4, reports_on_time=3, items=10, green_items=7,
                        orders_due=2, orders_on_time=1)
    # 40 × 3/4 + 40 × 7/10 + 20 × 1/2 = 30 + 28 + 10
    assert score(record) == D("68.00")
    assert (DEFAULT_WEIGHTS.timeliness, DEFAULT_WEIGHTS.green, DEFAULT_WEIGHTS.supervision) == (40, 40, 20)


def test_nothing_due_earns_full_marks_and_rounding() -> None:
    assert score(UnitRecord("财政局")) == D("100.00")
    assert score(UnitRecord("发改局", reports_due=3, reports_on_time=1, items=3, green_items=3)) == D("73.33")


def test_custom_weights() -> None:
    weights = RankingWeights.from_mapping({"timeliness": 20, "green": 60, "supervision": "20"})
    record = UnitRecord("商务局", reports_due=1, reports_on_time=1, items=4, green_items=1)
    assert score(record, weights) == D("55.00")


@pytest.mark.parametrize(("kwargs", "message"), [({"timeliness": 50}, "之和必须为100"),
                                                 ({"timeliness": -10, "green": 90}, "不能为负数"),
                                                 ({"green": 40.0}, "精确")])
def test_invalid_weights(kwargs, message) -> None:
    with pytest.raises(DomainError, match=message):
        RankingWeights(**kwargs)


def test_unknown_weight_key() -> None:
    with pytest.raises(DomainError, match="未知的排名权重项：completion"):
        RankingWeights.from_mapping({"completion": 60})


@pytest.mark.parametrize("kwargs", [{"reports_due": 1, "reports_on_time": 2}, {"items": -1},
                                    {"orders_due": 0, "orders_on_time": 1}])
def test_invalid_records(kwargs) -> None:
    with pytest.raises(DomainError):
        UnitRecord("人社局", **kwargs)


def test_ties_share_a_rank() -> None:
    records = [UnitRecord("A局", items=2, green_items=1), UnitRecord("B局", items=4, green_items=2),
               UnitRecord("C局"), UnitRecord("D局", items=1)]
    ranking = rank_units(records)
    assert [(r.rank, r.unit, r.score) for r in ranking] == [
        (1, "C局", D("100.00")), (2, "A局", D("80.00")), (2, "B局", D("80.00")), (4, "D局", D("60.00"))]


def test_duplicate_units_rejected() -> None:
    with pytest.raises(DomainError, match="单位重复：A局"):
        rank_units([UnitRecord("A局"), UnitRecord("A局")])


def test_quarter_combines_rounds() -> None:
    april = [UnitRecord("A局", reports_due=1, reports_on_time=1, items=5, green_items=5)]
    may = [UnitRecord("A局", reports_due=1, reports_on_time=0, items=5, green_items=3), UnitRecord("B局", items=1)]
    quarter = combine_rounds([april, may])
    assert quarter == [UnitRecord("A局", reports_due=2, reports_on_time=1, items=10, green_items=8), UnitRecord("B局", items=1)]
    with pytest.raises(DomainError, match="不能合并"):
        UnitRecord("A局") + UnitRecord("B局")


def test_bottom_five_with_tie_at_the_boundary() -> None:
    records = [UnitRecord(f"单位{i:02d}", items=10, green_items=i) for i in range(10)]
    records.append(UnitRecord("单位X", items=10, green_items=4))
    ranking = rank_units(records)
    last = bottom(ranking, 5)
    assert [r.unit for r in last] == ["单位04", "单位X", "单位03", "单位02", "单位01", "单位00"]
    assert bottom(ranking, 0) == [] and bottom([], 5) == []
    assert len(bottom(ranking, 50)) == len(ranking)
    with pytest.raises(DomainError):
        bottom(ranking, -1)


counts = st.integers(0, 20)


@st.composite
def records(draw) -> list[UnitRecord]:
    n = draw(st.integers(0, 25))
    out = []
    for i in range(n):
        due, items, orders = draw(counts), draw(counts), draw(counts)
        out.append(UnitRecord(f"单位{i}", due, draw(st.integers(0, due)), items, draw(st.integers(0, items)),
                              orders, draw(st.integers(0, orders))))
    return out


@given(records(), st.integers(0, 30))
def test_ranking_is_a_permutation_with_consistent_ranks(recs: list[UnitRecord], n: int) -> None:
    ranking = rank_units(recs)
    assert sorted(r.unit for r in ranking) == sorted(r.unit for r in recs)
    for i, line in enumerate(ranking):
        assert D(0) <= line.score <= D(100)
        assert line.rank == 1 + sum(1 for other in ranking if other.score > line.score)
        if i:
            assert ranking[i - 1].score >= line.score
    last = bottom(ranking, n)
    assert len(last) >= min(n, len(ranking))
    assert all(line in ranking for line in last)
    outside = [line for line in ranking if line not in last]
    assert all(o.score > b.score for o in outside for b in last)


def test_weights_from_json_numbers() -> None:
    weights = RankingWeights.from_mapping({"timeliness": 30.0, "green": 50, "supervision": "20"})
    assert (weights.timeliness, weights.green, weights.supervision) == (D(30), D(50), D(20))
    with pytest.raises(DomainError, match="排名权重无效"):
        RankingWeights.from_mapping({"green": "四十"})
