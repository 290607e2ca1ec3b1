"""Matching an indicator name as a document writes it to the park's indicators of the year.

Order: the exact name (blanks removed), then a compatible name: the same key once quotes and
punctuation are dropped and the usual variants are folded (``规模以上``/``规上`` → ``规模``,
``总收入``/``总产值``/``总额`` → ``收入``/``产值``/``额``, a final ``额`` dropped), so that a summary's
``技工贸收入`` is the plan's ``技工贸总收入``. A compatible match is used only when exactly one
indicator has that key; the caller reports it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

EXACT = "exact"
COMPATIBLE = "compatible"

_DROP = re.compile(r"[\s“”\"'‘’「」《》（）()、，,。·:：]")
_FOLDS = ((re.compile(r"规模以上|规上"), "规模"), (re.compile(r"总(?=收入|产值|额)"), ""),
          (re.compile(r"额$"), ""))


def indicator_key(name: str) -> str:
    """The compatible form of an indicator name."""
    key = _DROP.sub("", name or "")
    for pattern, replacement in _FOLDS:
        key = pattern.sub(replacement, key)
    return key or "".join((name or "").split())


@dataclass(frozen=True)
class IndicatorMatch:
    """How an indicator name of the document was resolved to an existing indicator (or to none)."""

    written: str
    existing_id: int | None
    existing_name: str | None
    how: str | None
    #: existing names sharing the compatible key when there were several (no match is made then)
    ambiguous: tuple[str, ...] = ()


class IndicatorIndex:
    """The park's active indicators of one year (id → name), ready to match names against."""

    def __init__(self, indicators: Iterable[tuple[int, str]]) -> None:
        self._names = dict(indicators)
        self._exact = {"".join(n.split()): i for i, n in sorted(self._names.items(), reverse=True)}

    def match(self, written: str) -> IndicatorMatch:
        clean = "".join(written.split())
        if clean in self._exact:
            ident = self._exact[clean]
            return IndicatorMatch(written, ident, self._names[ident], EXACT)
        key = indicator_key(clean)
        hits = sorted(i for i, n in self._names.items() if indicator_key(n) == key)
        if len(hits) == 1:
            return IndicatorMatch(written, hits[0], self._names[hits[0]], COMPATIBLE)
        return IndicatorMatch(written, None, None, None, tuple(sorted(self._names[i] for i in hits)))
