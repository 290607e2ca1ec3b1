"""Per-mu efficiency (亩均效益) of enterprises and their A/B/C/D classing.

Per-mu figures divide an amount by the land an enterprise uses, in 亩 (land
in 平方米/公顷 goes through ``quantity.convert``; 1 亩 ≈ 666.67 m²).

Scoring, with the default scheme (a default, every part configurable):
    亩均税收      ``tax_per_mu``      weight 0.5
    亩均营业收入  ``revenue_per_mu``  weight 0.3   (``output_per_mu``, 亩均产值, to score output instead)
    研发投入强度  ``rd_intensity``    weight 0.2   (the "others" share)
Each criterion scores ``min(value / benchmark, 1) × 100`` (``benchmark /
value`` when lower is better); the benchmark is the criterion's configured
value or, when None, the mean over the enterprises evaluated together. A
missing or negative value scores 0. The total is the weighted sum, 0–100,
rounded half up to 2 decimals. Default grades: A ≥ 90, B ≥ 70, C ≥ 50, else D.

Public API:
    per_mu(amount: Quantity, land: Quantity, unit: str = "万元") -> Quantity   -- e.g. 万元/亩
    Criterion(key, name, weight: Decimal, benchmark: Decimal | None = None,
              higher_is_better: bool = True)
    GradeThresholds(a=Decimal(90), b=Decimal(70), c=Decimal(50))
        .grade(score: Decimal) -> str   -- "A" | "B" | "C" | "D"
    EvaluationScheme(criteria: tuple[Criterion, ...], grades: GradeThresholds)  -- weights sum to 1
    DEFAULT_SCHEME
    EnterpriseFigures(name, land: Quantity, tax: Quantity | None = None,
                      revenue: Quantity | None = None, others: Mapping[str, Decimal] = {},
                      output: Quantity | None = None)
        .metrics() -> dict[str, Decimal]   -- tax_per_mu, revenue_per_mu, output_per_mu
                                              (万元/亩, those given) and others
    EnterpriseGrade(name, score: Decimal, grade: str, criterion_scores: dict[str, Decimal],
                    metrics: dict[str, Decimal])
    evaluate(enterprises: Iterable[EnterpriseFigures],
             scheme: EvaluationScheme = DEFAULT_SCHEME) -> list[EnterpriseGrade]  -- best first
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from parkgov.domain.errors import DomainError
from parkgov.domain.quantity import MU, Quantity, convert, exact_decimal, parse_unit, round_half_up


def per_mu(amount: Quantity, land: Quantity, unit: str = "万元") -> Quantity:
    """``amount`` per 亩 of ``land``, in ``unit``/亩."""
    if not land.unit.is_area:
        raise DomainError(f"用地面积的单位无效：{land.unit.symbol}")
    area = convert(land.value, land.unit, MU)
    if area <= 0:
        raise DomainError("用地面积必须大于零")
    value = convert(amount.value, amount.unit, parse_unit(unit))
    return Quantity(value / area, parse_unit(f"{unit}/亩"))


@dataclass(frozen=True)
class Criterion:
    """One scored indicator of the evaluation."""

    key: str
    name: str
    weight: Decimal
    benchmark: Decimal | None = None
    higher_is_better: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "weight", exact_decimal(self.weight))
        if self.benchmark is not None:
            object.__setattr__(self, "benchmark", exact_decimal(self.benchmark))
        if self.weight < 0:
            raise DomainError(f"{self.name}的权重不能为负数")
        if self.benchmark is not None and self.benchmark <= 0:
            raise DomainError(f"{self.name}的基准值必须大于零")

    def score(self, value: Decimal | None, benchmark: Decimal | None) -> Decimal:
        """0–100: how close ``value`` is to ``benchmark``."""
        if value is None or value < 0 or benchmark is None or benchmark <= 0:
            return Decimal(0)
        if self.higher_is_better:
            ratio = value / benchmark
        else:
            ratio = Decimal(1) if value == 0 else benchmark / value
        return min(ratio, Decimal(1)) * 100


@dataclass(frozen=True)
class GradeThresholds:
    """Lowest scores of grades A, B and C; below C is D."""

    a: Decimal = Decimal(90)
    b: Decimal = Decimal(70)
    c: Decimal = Decimal(50)

    def __post_init__(self) -> None:
        for name in ("a", "b", "c"):
            object.__setattr__(self, name, exact_decimal(getattr(self, name)))
        if not Decimal(100) >= self.a > self.b > self.c >= 0:
            raise DomainError("分类分数线设置无效：须满足 100 ≥ A > B > C ≥ 0")

    def grade(self, score: Decimal) -> str:
        if score >= self.a:
            return "A"
        if score >= self.b:
            return "B"
        if score >= self.c:
            return "C"
        return "D"


@dataclass(frozen=True)
class EvaluationScheme:
    """The criteria, their weights (summing to 1) and the grade thresholds."""

    criteria: tuple[Criterion, ...]
    grades: GradeThresholds = GradeThresholds()

    def __post_init__(self) -> None:
        if not self.criteria:
            raise DomainError("评价方案至少需要一项指标")
        keys = [c.key for c in self.criteria]
        if len(set(keys)) != len(keys):
            raise DomainError("评价方案中指标重复")
        if sum(c.weight for c in self.criteria) != 1:
            raise DomainError("评价指标权重之和必须为1")


DEFAULT_SCHEME = EvaluationScheme((
    Criterion("tax_per_mu", "亩均税收", Decimal("0.5")),
    Criterion("revenue_per_mu", "亩均营业收入", Decimal("0.3")),
    Criterion("rd_intensity", "研发投入强度", Decimal("0.2")),
))


@dataclass(frozen=True)
class EnterpriseFigures:
    """An enterprise's land and yearly figures, in the units as written."""

    name: str
    land: Quantity
    tax: Quantity | None = None
    revenue: Quantity | None = None
    others: Mapping[str, Decimal] = field(default_factory=dict)
    output: Quantity | None = None

    def metrics(self) -> dict[str, Decimal]:
        """Per-mu tax, revenue and output (万元/亩) where given, and the other metrics as given."""
        values = dict(self.others)
        for key, amount in (("tax_per_mu", self.tax), ("revenue_per_mu", self.revenue),
                            ("output_per_mu", self.output)):
            if amount is not None:
                values[key] = per_mu(amount, self.land).value
        return values


@dataclass(frozen=True)
class EnterpriseGrade:
    """An enterprise's evaluation result."""

    name: str
    score: Decimal
    grade: str
    criterion_scores: dict[str, Decimal]
    metrics: dict[str, Decimal]


def _mean(values: list[Decimal]) -> Decimal | None:
    return sum(values, Decimal(0)) / len(values) if values else None


def evaluate(
    enterprises: Iterable[EnterpriseFigures], scheme: EvaluationScheme = DEFAULT_SCHEME
) -> list[EnterpriseGrade]:
    """Score and grade enterprises together, best first (ties by name)."""
    table = [(e.name, e.metrics()) for e in enterprises]
    benchmarks = {}
    for c in scheme.criteria:
        if c.benchmark is not None:
            benchmarks[c.key] = c.benchmark
        else:
            benchmarks[c.key] = _mean([m[c.key] for _, m in table if m.get(c.key) is not None and m[c.key] >= 0])
    results = []
    for name, metrics in table:
        scores = {c.key: c.score(metrics.get(c.key), benchmarks[c.key]) for c in scheme.criteria}
        total = round_half_up(sum((c.weight * scores[c.key] for c in scheme.criteria), Decimal(0)), 2)
        results.append(EnterpriseGrade(name, total, scheme.grades.grade(total), scores, metrics))
    return sorted(results, key=lambda r: (-r.score, r.name))
