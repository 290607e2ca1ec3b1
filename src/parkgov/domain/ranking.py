"""Ranking units (排名) per dispatch round or per quarter, and the bottom N to interview.

A unit's score (0–100) is the weighted sum of three shares:
    timeliness    reports submitted on time / reports due
    green         green items / items the unit answers for (grey counts as not green)
    supervision   supervision orders finished on time / orders due in the period
Default weights 40/40/20 (``RankingWeights()``), configurable per park; they
must be non-negative and sum to 100. A share with nothing due earns full
marks (a unit without supervision orders loses nothing).
Scores are rounded half up to 2 decimals; equal rounded scores share a rank
(1, 2, 2, 4). Within a tie, units are listed by name. The bottom N are the
units in the last N places, plus any unit tied with the N-th from the bottom
(seed 004 interviews the bottom five each quarter).

Public API:
    UnitRecord(unit: str, reports_due=0, reports_on_time=0, items=0, green_items=0,
               orders_due=0, orders_on_time=0)       -- frozen, validated counts
        a + b (same unit) -> UnitRecord              -- sums counts, e.g. rounds of a quarter
        .timeliness_share, .green_share, .supervision_share -> Decimal in [0, 1]
    RankingWeights(timeliness=40, green=40, supervision=20)
        RankingWeights.from_mapping({"timeliness": .., "green": .., "supervision": ..})
    score(record: UnitRecord, weights: RankingWeights = DEFAULT_WEIGHTS) -> Decimal
    RankedUnit(rank: int, unit: str, score: Decimal, record: UnitRecord)
    rank_units(records: Iterable[UnitRecord], weights=DEFAULT_WEIGHTS) -> list[RankedUnit]
    combine_rounds(rounds: Iterable[Iterable[UnitRecord]]) -> list[UnitRecord]
        -- one record per unit over several rounds (a quarter), by unit name
    bottom(ranking: Sequence[RankedUnit], n: int = 5) -> list[RankedUnit]
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal

from parkgov.domain.errors import DomainError
from parkgov.domain.quantity import exact_decimal, round_half_up


@dataclass(frozen=True)
class UnitRecord:
    """What a unit did in a round or a quarter, as counts."""

    unit: str
    reports_due: int = 0
    reports_on_time: int = 0
    items: int = 0
    green_items: int = 0
    orders_due: int = 0
    orders_on_time: int = 0

    def __post_init__(self) -> None:
        if not self.unit.strip():
            raise DomainError("排名单位名称不能为空")
        for f in fields(self)[1:]:
            if getattr(self, f.name) < 0:
                raise DomainError(f"{self.unit}的统计数不能为负数")
        for part, whole, what in (
            (self.reports_on_time, self.reports_due, "按时报送数不能多于应报送数"),
            (self.green_items, self.items, "绿灯事项数不能多于事项总数"),
            (self.orders_on_time, self.orders_due, "按期办结督办单数不能多于督办单总数"),
        ):
            if part > whole:
                raise DomainError(f"{self.unit}：{what}")

    def __add__(self, other: UnitRecord) -> UnitRecord:
        if other.unit != self.unit:
            raise DomainError(f"不能合并不同单位的统计：{self.unit}、{other.unit}")
        counts = {f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)[1:]}
        return UnitRecord(self.unit, **counts)

    @property
    def timeliness_share(self) -> Decimal:
        return _share(self.reports_on_time, self.reports_due)

    @property
    def green_share(self) -> Decimal:
        return _share(self.green_items, self.items)

    @property
    def supervision_share(self) -> Decimal:
        return _share(self.orders_on_time, self.orders_due)


def _share(part: int, whole: int) -> Decimal:
    return Decimal(1) if whole == 0 else Decimal(part) / Decimal(whole)


@dataclass(frozen=True)
class RankingWeights:
    """Weights of the three shares, in points summing to 100."""

    timeliness: Decimal = Decimal(40)
    green: Decimal = Decimal(40)
    supervision: Decimal = Decimal(20)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            try:
                object.__setattr__(self, f.name, exact_decimal(value))
            except DomainError as err:
                raise DomainError(f"排名权重无效：{err.message}") from None
            if getattr(self, f.name) < 0:
                raise DomainError("排名权重不能为负数")
        if self.timeliness + self.green + self.supervision != 100:
            raise DomainError("排名权重之和必须为100")

    @classmethod
    def from_mapping(cls, weights: Mapping[str, Decimal | int | str]) -> RankingWeights:
        """Weights from settings (JSON numbers accepted); unknown keys are an error, missing keys keep defaults."""
        unknown = set(weights) - {f.name for f in fields(cls)}
        if unknown:
            raise DomainError(f"未知的排名权重项：{'、'.join(sorted(unknown))}")
        return cls(**{key: str(value) for key, value in weights.items()})  # type: ignore[arg-type]


DEFAULT_WEIGHTS = RankingWeights()


def score(record: UnitRecord, weights: RankingWeights = DEFAULT_WEIGHTS) -> Decimal:
    """The unit's score out of 100, rounded half up to 2 decimals."""
    raw = (weights.timeliness * record.timeliness_share + weights.green * record.green_share
           + weights.supervision * record.supervision_share)
    return round_half_up(raw, 2)


@dataclass(frozen=True)
class RankedUnit:
    """One line of a ranking."""

    rank: int
    unit: str
    score: Decimal
    record: UnitRecord


def rank_units(records: Iterable[UnitRecord], weights: RankingWeights = DEFAULT_WEIGHTS) -> list[RankedUnit]:
    """The units by score, best first, equal scores sharing a rank."""
    records = list(records)
    names = [r.unit for r in records]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise DomainError(f"排名中单位重复：{'、'.join(duplicates)}")
    scored = sorted(((score(r, weights), r) for r in records), key=lambda pair: (-pair[0], pair[1].unit))
    ranking: list[RankedUnit] = []
    for position, (value, record) in enumerate(scored, start=1):
        rank = ranking[-1].rank if ranking and ranking[-1].score == value else position
        ranking.append(RankedUnit(rank, record.unit, value, record))
    return ranking


def combine_rounds(rounds: Iterable[Iterable[UnitRecord]]) -> list[UnitRecord]:
    """One record per unit summing its records over ``rounds``, by unit name."""
    totals: dict[str, UnitRecord] = {}
    for records in rounds:
        for record in records:
            totals[record.unit] = totals[record.unit] + record if record.unit in totals else record
    return [totals[name] for name in sorted(totals)]


def bottom(ranking: Sequence[RankedUnit], n: int = 5) -> list[RankedUnit]:
    """The last ``n`` units of ``ranking``, with any unit tied with the n-th from the bottom."""
    if n < 0:
        raise DomainError("末位单位数不能为负数")
    if n == 0 or not ranking:
        return []
    cutoff = ranking[max(len(ranking) - n, 0)].score
    return [line for line in ranking if line.score <= cutoff]
