"""Completion rate (完成率): actual over target, never a division error.

Public API:
    completion_rate(actual: Decimal | Quantity | None,
                    target: Decimal | Quantity | None) -> Decimal | None
        a fraction (35/41 → 0.8537…); None when either is missing or the target
        is zero. Quantities are compared through ``quantity.convert`` (亿元 vs
        万元 is fine; 万元 vs 万美元 raises DomainError).
"""
from __future__ import annotations

from decimal import Decimal

from parkgov.domain.quantity import Quantity, convert


def completion_rate(
    actual: Decimal | Quantity | None, target: Decimal | Quantity | None
) -> Decimal | None:
    """``actual / target`` as a fraction, or None when it cannot be computed."""
    if actual is None or target is None:
        return None
    if isinstance(actual, Quantity) and isinstance(target, Quantity):
        actual_value, target_value = convert(actual.value, actual.unit, target.unit), target.value
    else:
        actual_value = actual.value if isinstance(actual, Quantity) else Decimal(actual)
        target_value = target.value if isinstance(target, Quantity) else Decimal(target)
    if target_value == 0:
        return None
    return actual_value / target_value
