"""Deadlines as written: from a deadline cell, or the first time limit inside a requirement.

A deadline cell is kept as written (``2026年9月底前``, ``上半年``, ``每月``, ``长期坚持``).
In running text only explicit limits count: ``…前`` (``2026 年 9 月底前``, ``6月底前``,
``2025年前``), ``“十四五”期间``, a period (``上半年``, ``三季度``, ``年底``) or a year
that opens a clause (``到2025年，``, ``2026年，要…``). Blanks are removed.
"""
from __future__ import annotations

import re

_YEAR = r"(?:19|20)\d{2}\s*年"
_MONTH = r"\d{1,2}\s*月"
_BEFORE = re.compile(
    rf"(?:{_YEAR}\s*(?:{_MONTH})?|{_MONTH}|年(?=\s*[底末初]))\s*(?:份|底|末|初|中旬|上旬|下旬|\d{{1,2}}\s*日)?\s*"
    r"(?:前|以前|之前)(?![\u4e00-\u9fff]{0,1}[提期])")
_PERIOD = re.compile(r"[“\"]?[十][一二三四五六七八九]?五[”\"]?(?:期间|时期|末)")
_PLAIN_PERIOD = re.compile(r"(?<![0-9一二三四五六七八九十])(?:上半年|下半年|年底|年末|第?[一二三四]季度末?)"
                           r"(?:前|内|完成|基本完成|全面完成)")
_OPENING_YEAR = re.compile(rf"(?:^|[。；;，,]|到|至|力争|计划|预计|确保|争取|在)\s*(?P<y>{_YEAR})(?:底|末)?\s*[，,]")
_MULTI_YEAR = re.compile(rf"(?:19|20)\d{{2}}\s*[-—–至到]\s*(?:19|20)\d{{2}}\s*年")


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text)


def deadline_of_cell(text: str | None) -> str | None:
    """A deadline cell's text, blanks removed; None when empty."""
    if not isinstance(text, str):
        return None
    s = _clean(text).strip("。.；;，,")
    return s or None


def deadline_in(text: str | None) -> str | None:
    """The first explicit time limit in a requirement, as written without blanks."""
    if not isinstance(text, str) or not text:
        return None
    found = []
    for rx in (_BEFORE, _PERIOD, _MULTI_YEAR):
        m = rx.search(text)
        if m:
            found.append((m.start(), _clean(m.group(0))))
    m = _OPENING_YEAR.search(text)
    if m:
        found.append((m.start("y"), _clean(m.group("y"))))
    m = _PLAIN_PERIOD.search(text)
    if m:
        found.append((m.start(), _clean(re.sub(r"(?:基本|全面)?完成$|内$", "", m.group(0)))))
    if not found:
        return None
    return min(found)[1]
