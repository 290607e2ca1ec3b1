"""Per-mu efficiency and enterprise classing."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parkgov.domain.errors import DomainError
from parkgov.domain.per_mu import (
    DEFAULT_SCHEME, Criterion, EnterpriseFigures, EvaluationScheme, GradeThresholds, evaluate, per_mu,
)
from parkgov.domain.quantity import Quantity, round_half_up


def test_per_mu_in_mu_and_square_metres() -> None:
    assert per_mu(Quantity.of(300, "万元"), Quantity.of(20, "亩")) == Quantity.of(15, "万元/亩")
    by_area = per_mu(Quantity.of("0.03", "亿元"), Quantity.of("13333.4", "平方米"))
    assert by_area.unit.symbol == "万元/亩"
    assert round_half_up(by_area.value, 2) == D("15.00")
    assert per_mu(Quantity.of(150, "万元"), Quantity.of(1, "公顷")).value == D(10)


@pytest.mark.parametrize(("amount", "land", "message"), [
    (Quantity.of(1, "万元"), Quantity.of(0, "亩"), "必须大于零"),
    (Quantity.of(1, "万元"), Quantity.of(5, "万元"), "单位无效"),
    (Quantity.of(1, "万美元"), Quantity.of(5, "亩"), "币种不同"),
])
def test_per_mu_errors(amount, land, message) -> None:
    with pytest.raises(DomainError, match=message):
        per_mu(amount, land)


def test_default_scheme_weights() -> None:
    assert [(c.key, c.weight) for c in DEFAULT_SCHEME.criteria] == [
        ("tax_per_mu", D("0.5")), ("revenue_per_mu", D("0.3")), ("rd_intensity", D("0.2"))]


def test_grades_with_configured_benchmarks() -> None:
    scheme = EvaluationScheme((
        Criterion("tax_per_mu", "亩均税收", D("0.5"), benchmark=D(20)),
        Criterion("revenue_per_mu", "亩均营业收入", D("0.3"), benchmark=D(500)),
        Criterion("rd_intensity", "研发投入强度", D("0.2"), benchmark=D(3)),
    ))
    firms = [
        EnterpriseFigures("天鼎丰", Quantity.of(100, "亩"), Quantity.of(2500, "万元"), Quantity.of(6, "亿元"),
                          {"rd_intensity": D("3.5")}),
        EnterpriseFigures("巧佳宴", Quantity.of(50, "亩"), Quantity.of(800, "万元"), Quantity.of(20000, "万元"),
                          {"rd_intensity": D("1.5")}),
        EnterpriseFigures("格微科技", Quantity.of(20, "亩"), Quantity.of(40, "万元"), Quantity.of(1000, "万元")),
    ]
    results = {r.name: r for r in evaluate(firms, scheme)}
    # 16 万元/亩 of 20 → 80; 400 of 500 → 80; 1.5 of 3 → 50: 40 + 24 + 10
    assert results["巧佳宴"].score == D("74.00") and results["巧佳宴"].grade == "B"
    assert results["天鼎丰"].score == D("100.00") and results["天鼎丰"].grade == "A"
    # 2 of 20 → 10; 50 of 500 → 10; no R&D → 0
    assert results["格微科技"].score == D("8.00") and results["格微科技"].grade == "D"
    assert results["巧佳宴"].metrics["tax_per_mu"] == D(16)
    assert [r.name for r in evaluate(firms, scheme)] == ["天鼎丰", "巧佳宴", "格微科技"]


def test_default_benchmark_is_the_mean() -> None:
    scheme = EvaluationScheme((Criterion("tax_per_mu", "亩均税收", D(1)),))
    firms = [EnterpriseFigures("甲", Quantity.of(10, "亩"), Quantity.of(300, "万元")),
             EnterpriseFigures("乙", Quantity.of(10, "亩"), Quantity.of(100, "万元"))]
    results = {r.name: r for r in evaluate(firms, scheme)}
    assert results["甲"].score == D("100.00") and results["乙"].score == D("50.00")
    assert (results["甲"].grade, results["乙"].grade) == ("A", "C")


def test_lower_is_better_criterion() -> None:
    energy = Criterion("energy", "单位能耗", D(1), benchmark=D("0.5"), higher_is_better=False)
    assert energy.score(D("0.25"), D("0.5")) == 100
    assert energy.score(D(1), D("0.5")) == 50
    assert energy.score(D(0), D("0.5")) == 100
    assert energy.score(None, D("0.5")) == 0


@pytest.mark.parametrize(("score", "grade"), [(D(100), "A"), (D(90), "A"), (D("89.99"), "B"), (D(70), "B"),
                                              (D(50), "C"), (D("49.99"), "D"), (D(0), "D")])
def test_default_grade_thresholds(score, grade) -> None:
    assert GradeThresholds().grade(score) == grade


@pytest.mark.parametrize("build", [
    lambda: GradeThresholds(a=D(70), b=D(80)),
    lambda: EvaluationScheme((Criterion("a", "甲", D("0.5")),)),
    lambda: EvaluationScheme(()),
    lambda: EvaluationScheme((Criterion("a", "甲", D("0.5")), Criterion("a", "乙", D("0.5")))),
    lambda: Criterion("a", "甲", D(-1)),
    lambda: Criterion("a", "甲", D(1), benchmark=D(0)),
    lambda: Criterion("a", "甲", 0.5),
])
def test_invalid_configuration(build) -> None:
    with pytest.raises(DomainError):
        build()


firm = st.builds(
    lambda i, land, tax, rev: EnterpriseFigures(f"企业{i}", Quantity.of(land, "亩"), Quantity.of(tax, "万元"),
                                                Quantity.of(rev, "万元")),
    st.integers(0, 10_000),
    st.decimals(min_value=D("0.1"), max_value=D(1000), places=1),
    st.decimals(min_value=D(0), max_value=D(10000), places=1),
    st.decimals(min_value=D(0), max_value=D(100000), places=1),
)


@given(st.lists(firm, max_size=15, unique_by=lambda f: f.name))
def test_scores_bounded_and_grades_consistent(firms) -> None:
    results = evaluate(firms)
    assert sorted(r.name for r in results) == sorted(f.name for f in firms)
    for r in results:
        assert D(0) <= r.score <= D(100)
        assert r.grade == DEFAULT_SCHEME.grades.grade(r.score)
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)


def test_output_per_mu_can_replace_revenue() -> None:
    scheme = EvaluationScheme((Criterion("tax_per_mu", "亩均税收", D("0.5"), benchmark=D(10)),
                               Criterion("output_per_mu", "亩均产值", D("0.5"), benchmark=D(400))))
    firm = EnterpriseFigures("伊康食品", Quantity.of(80, "亩"), Quantity.of(400, "万元"),
                             output=Quantity.of("2.4", "亿元"))
    assert firm.metrics() == {"tax_per_mu": D(5), "output_per_mu": D(300)}
    (result,) = evaluate([firm], scheme)
    assert result.score == D("62.50") and result.grade == "C"
