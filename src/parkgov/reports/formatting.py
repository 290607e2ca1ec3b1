"""How figures print in documents: rounding half up, units as stored, 「—」 where none exists."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

#: What a cell or a sentence shows where a figure cannot exist (no data, no target, zero divisor).
DASH = "—"

#: Decimals shown per unit; a unit not listed shows up to two decimals, trailing zeros dropped.
_PLACES = {"亿元": 2, "亿美元": 2, "%": 1, "个百分点": 1}
_COUNT_UNITS = {"家", "个", "项", "人", "人次", "家次", "次", "件", "名", "批", "户", "座", "条", "宗"}


def dec(value: object) -> Decimal | None:
    """``value`` as an exact Decimal (floats via their shortest text), or None if not a number."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    try:
        result = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        return None
    return result if result.is_finite() else None


def round_half_up(value: Decimal, places: int) -> Decimal:
    """``value`` rounded half up (四舍五入) to ``places`` decimals, however large it is."""
    context = Context(prec=max(value.adjusted(), 0) + places + 10, rounding=ROUND_HALF_UP)
    return value.quantize(Decimal(1).scaleb(-places), context=context)


def ratio_pct(numerator: object, denominator: object) -> Decimal | None:
    """``numerator / denominator`` in percent; None when either is missing or the divisor is 0."""
    num, den = dec(numerator), dec(denominator)
    if num is None or den is None or den == 0:
        return None
    return num * 100 / den


def _trim(text: str) -> str:
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt_number(value: object, unit: str | None = None) -> str:
    """A figure in its stored unit: 亿元 two decimals (``43.60``), counts whole, else up to 2 decimals."""
    number = dec(value)
    if number is None:
        return DASH
    if unit in _PLACES:
        text = f"{round_half_up(number, _PLACES[unit]):f}"
        return "0" if text.strip("-0.") == "" and unit not in ("亿元", "亿美元") else text
    if unit in _COUNT_UNITS and number == number.to_integral_value():
        return f"{number.to_integral_value():f}"
    return _trim(f"{round_half_up(number, 2):f}")


def fmt_amount(value: object, unit: str | None) -> str:
    """A figure with its unit as stored: ``32.97亿元``, ``6200万元``; 「—」 if there is no figure."""
    text = fmt_number(value, unit)
    return text if text == DASH else f"{text}{unit or ''}"


def fmt_pct(value: object, places: int = 1) -> str:
    """A percentage already in percent: ``9.1`` → ``9.1%``; 「—」 if missing."""
    number = dec(value)
    if number is None:
        return DASH
    return f"{round_half_up(number, places):f}%"


def fmt_pct_bare(value: object, places: int = 1) -> str:
    """A percentage without the sign, for table columns headed ``（%）``."""
    number = dec(value)
    return DASH if number is None else f"{round_half_up(number, places):f}"


def growth_phrase(yoy_pct: object, lead: str = "同比") -> str | None:
    """``同比增长9.1%`` / ``同比下降2.3%`` / ``与上年同期持平`` (as stored, at most 2 decimals)."""
    number = dec(yoy_pct)
    if number is None:
        return None
    rounded = round_half_up(number, 2)
    if rounded == 0:
        return "与上年同期持平"
    verb = "增长" if rounded > 0 else "下降"
    return f"{lead}{verb}{_trim(f'{abs(rounded):f}')}%"


def name_list(names: list[str], limit: int = 8, counter: str = "项") -> str:
    """``A、B、C``; past ``limit`` names, ``A、B…H等93项`` so a note stays one line or two."""
    if not names:
        return DASH
    if len(names) <= limit:
        return "、".join(names)
    return f"{'、'.join(names[:limit])}等{len(names)}{counter}"
