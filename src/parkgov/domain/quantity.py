"""Quantities with their unit as written, and the one conversion between units.

Every amount keeps the unit it was written in (``Decimal("32.97")`` 亿元).
Converting is explicit and happens only in :func:`convert`: money within one
currency (元/千元/万元/亿元, 美元/千美元/万美元/亿美元) and area
(平方米/亩/公顷/平方公里, 1 亩 = 10000/15 m² ≈ 666.67 m²). Anything else
(万元 → 万美元, 亩 → 万元, 个 → 家) raises :class:`DomainError`.

Public API:
    Unit(symbol, dimension, factor)       -- frozen; ``factor`` in base units
        Unit.is_money, Unit.is_area
    YUAN, QIAN_YUAN, WAN_YUAN, YI_YUAN, USD, QIAN_USD, WAN_USD, YI_USD,
    SQUARE_METRE, MU, HECTARE, SQUARE_KM, PERCENT   -- the known units
    parse_unit(text: str) -> Unit         -- "万元", "（万元）", "亿", "平方米",
        "m²", "%"; unknown non-empty text becomes a unit of its own dimension
    convert(value: Decimal, source: Unit | str, target: Unit | str) -> Decimal
    Quantity(value: Decimal, unit: Unit)  -- frozen value object
        Quantity.of(value, unit_text)     -- from str/int/Decimal and a unit string
        q.to(unit) -> Quantity            -- through convert()
        q + q, q - q, q * k, q / k, q / q (same dimension → Decimal ratio)
        comparisons across convertible units; str(q) == "32.97亿元"
    round_half_up(value: Decimal, places: int = 2) -> Decimal   -- 四舍五入
    format_quantity(q: Quantity, places: int = 2) -> str        -- "32.97亿元"
    format_percent(rate: Decimal | None, places: int = 2) -> str
        -- a rate as a fraction: Decimal("0.8537") -> "85.37%"; None -> "—"
    exact_decimal(value: Decimal | int | str) -> Decimal
        -- "1,234.5" -> Decimal("1234.5"); floats, NaN and bad text raise DomainError
"""
from __future__ import annotations

import decimal
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import total_ordering

from parkgov.domain.errors import DomainError

_EXACT = decimal.Context(prec=60, rounding=ROUND_HALF_UP)
_DIVIDE = decimal.Context(prec=34, rounding=ROUND_HALF_UP)

MONEY_CNY = "money_cny"
MONEY_USD = "money_usd"
AREA = "area"
RATIO = "percent"


@dataclass(frozen=True)
class Unit:
    """A unit: its written symbol, its dimension and its size in base units."""

    symbol: str
    dimension: str
    factor: Decimal = Decimal(1)

    @property
    def is_money(self) -> bool:
        return self.dimension in (MONEY_CNY, MONEY_USD)

    @property
    def is_area(self) -> bool:
        return self.dimension == AREA

    def __str__(self) -> str:
        return self.symbol


YUAN = Unit("元", MONEY_CNY, Decimal(1))
QIAN_YUAN = Unit("千元", MONEY_CNY, Decimal(1000))
WAN_YUAN = Unit("万元", MONEY_CNY, Decimal(10_000))
YI_YUAN = Unit("亿元", MONEY_CNY, Decimal(100_000_000))
USD = Unit("美元", MONEY_USD, Decimal(1))
QIAN_USD = Unit("千美元", MONEY_USD, Decimal(1000))
WAN_USD = Unit("万美元", MONEY_USD, Decimal(10_000))
YI_USD = Unit("亿美元", MONEY_USD, Decimal(100_000_000))
# Area in 亩 as base: 1 m² = 0.0015 亩 exactly (1 亩 = 10000/15 m² ≈ 666.67 m²).
MU = Unit("亩", AREA, Decimal(1))
SQUARE_METRE = Unit("平方米", AREA, Decimal("0.0015"))
HECTARE = Unit("公顷", AREA, Decimal(15))
SQUARE_KM = Unit("平方公里", AREA, Decimal(1500))
PERCENT = Unit("%", RATIO, Decimal(1))

_KNOWN = {u.symbol: u for u in (
    YUAN, QIAN_YUAN, WAN_YUAN, YI_YUAN, USD, QIAN_USD, WAN_USD, YI_USD,
    MU, SQUARE_METRE, HECTARE, SQUARE_KM, PERCENT,
)}
_ALIASES = {
    "人民币": "元", "人民币元": "元", "万": "万元", "亿": "亿元", "人民币万元": "万元",
    "人民币亿元": "亿元", "万元人民币": "万元", "亿元人民币": "亿元", "元人民币": "元", "千": "千元", "美金": "美元", "万美金": "万美元",
    "亿美金": "亿美元", "$": "美元", "usd": "美元", "万usd": "万美元",
    "m²": "平方米", "m2": "平方米", "㎡": "平方米", "平米": "平方米",
    "平方米(㎡)": "平方米", "km²": "平方公里", "km2": "平方公里", "k㎡": "平方公里",
    "平方千米": "平方公里", "ha": "公顷", "hm²": "公顷", "％": "%", "百分比": "%",
}
_STRIP = " \t\u3000（）()[]【】：:/"


def parse_unit(text: str) -> Unit:
    """The unit written as ``text``; an unknown unit is kept as written."""
    cleaned = (text or "").strip(_STRIP).replace(" ", "").replace("\u3000", "")
    if cleaned.startswith("单位"):
        cleaned = cleaned[2:].strip(_STRIP)
    if not cleaned:
        raise DomainError("单位不能为空")
    key = cleaned.lower()
    symbol = _ALIASES.get(key, _ALIASES.get(cleaned, cleaned))
    return _KNOWN.get(symbol) or Unit(symbol, f"unit:{symbol}", Decimal(1))


def _unit(unit: Unit | str) -> Unit:
    return unit if isinstance(unit, Unit) else parse_unit(unit)


def convert(value: Decimal, source: Unit | str, target: Unit | str) -> Decimal:
    """``value`` in ``source`` expressed in ``target``; the only conversion in parkgov."""
    src, dst = _unit(source), _unit(target)
    if src.dimension != dst.dimension:
        raise DomainError(f"无法将{src.symbol}换算为{dst.symbol}：{_why(src, dst)}")
    if src.factor == dst.factor:
        return value
    return _DIVIDE.divide(_EXACT.multiply(Decimal(value), src.factor), dst.factor)


def _why(src: Unit, dst: Unit) -> str:
    if src.is_money and dst.is_money:
        return "币种不同，须按汇率另行折算"
    return "计量单位不属于同一类"


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """``value`` rounded half up (四舍五入) to ``places`` decimals."""
    exponent = Decimal(1).scaleb(-places)
    return Decimal(value).quantize(exponent, rounding=ROUND_HALF_UP, context=_EXACT)


def format_percent(rate: Decimal | None, places: int = 2) -> str:
    """A fraction shown as a percentage: ``0.8537`` → ``"85.37%"``; no rate → ``"—"``."""
    if rate is None:
        return "—"
    return f"{round_half_up(Decimal(rate) * 100, places):f}%"


@total_ordering
@dataclass(frozen=True)
class Quantity:
    """A value with the unit it was written in."""

    value: Decimal
    unit: Unit

    def __post_init__(self) -> None:
        if not isinstance(self.value, Decimal):
            object.__setattr__(self, "value", _decimal(self.value))
        if not self.value.is_finite():
            raise DomainError(f"数值无效：{self.value}")
        if isinstance(self.unit, str):
            object.__setattr__(self, "unit", parse_unit(self.unit))

    @classmethod
    def of(cls, value: Decimal | int | str, unit: Unit | str) -> Quantity:
        """A quantity from a number (or its text) and a unit (or its text)."""
        return cls(_decimal(value), _unit(unit))

    def to(self, unit: Unit | str) -> Quantity:
        target = _unit(unit)
        return Quantity(convert(self.value, self.unit, target), target)

    def _aligned(self, other: Quantity) -> Decimal:
        if not isinstance(other, Quantity):
            raise DomainError("只能与带单位的数量进行运算")
        return convert(other.value, other.unit, self.unit)

    def __add__(self, other: Quantity) -> Quantity:
        return Quantity(self.value + self._aligned(other), self.unit)

    def __sub__(self, other: Quantity) -> Quantity:
        return Quantity(self.value - self._aligned(other), self.unit)

    def __mul__(self, factor: Decimal | int) -> Quantity:
        return Quantity(self.value * _decimal(factor), self.unit)

    __rmul__ = __mul__

    def __truediv__(self, other: Quantity | Decimal | int) -> Quantity | Decimal:
        if isinstance(other, Quantity):
            divisor = self._aligned(other)
            if divisor == 0:
                raise DomainError("除数为零，无法计算比值")
            return self.value / divisor
        divisor = _decimal(other)
        if divisor == 0:
            raise DomainError("除数为零，无法计算")
        return Quantity(self.value / divisor, self.unit)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Quantity):
            return NotImplemented
        if self.unit.dimension != other.unit.dimension:
            return False
        return _EXACT.multiply(self.value, self.unit.factor) == _EXACT.multiply(
            other.value, other.unit.factor
        )

    def __hash__(self) -> int:
        return hash((self.unit.dimension, _EXACT.multiply(self.value, self.unit.factor).normalize()))

    def __lt__(self, other: Quantity) -> bool:
        return self.value < self._aligned(other)

    def __str__(self) -> str:
        return f"{self.value:f}{self.unit.symbol}"


def format_quantity(quantity: Quantity, places: int = 2) -> str:
    """A quantity for display, rounded half up: ``32.97亿元``."""
    return f"{round_half_up(quantity.value, places):f}{quantity.unit.symbol}"


def exact_decimal(value: Decimal | int | str) -> Decimal:
    """``value`` as a finite Decimal; floats and unreadable text raise DomainError."""
    result = _decimal(value)
    if not result.is_finite():
        raise DomainError(f"数值无效：{value}")
    return result


def _decimal(value: Decimal | int | str) -> Decimal:
    if isinstance(value, bool):
        raise DomainError(f"无法识别的数值：{value}")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        raise DomainError("数值须以精确的十进制数给出，不接受浮点数")
    try:
        return Decimal(str(value).replace(",", "").replace("，", "").strip())
    except decimal.InvalidOperation:
        raise DomainError(f"无法识别的数值：{value}") from None
