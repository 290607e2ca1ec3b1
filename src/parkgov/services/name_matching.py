"""Matching a unit or leader name as written in a document to the park's existing ones.

Order: the exact name, then the park's alias table, then a normalised name
(``县自然资源局`` ~ ``自然资源局``: administrative prefixes such as 县/市/区/园区 and the
park's own name stripped, blanks removed). A normalised match is used only when exactly
one existing name has the same normal form; the caller reports it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Administrative prefixes that do not change which body is meant.
ADMIN_PREFIXES = ("园区", "县级", "市级", "区级", "省", "市", "县", "区", "镇", "乡")
#: Words that merely start with an administrative character (``市场监管局`` is not ``场监管局``).
_PROTECTED = ("市场", "市政", "区域", "县域", "乡村", "镇村", "省级")
_PARK_SUFFIX = re.compile(r"(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|开发区|"
                          r"工业园区|产业园区|管理区|园区)$")
_PROVINCE = re.compile(r"^(?:湖南|湖北|江西|广东|广西|四川|贵州|云南|浙江|江苏|安徽|福建|河南|河北|山东|山西|陕西|"
                       r"甘肃|青海|辽宁|吉林|黑龙江|海南|重庆|北京|上海|天津)(?:省)?")

EXACT = "exact"
ALIAS = "alias"
NORMALISED = "normalised"


def park_prefixes(*park_names: str | None) -> list[str]:
    """The ways a park's own name prefixes unit names: full name, short name and place stem."""
    out: set[str] = set()
    for name in park_names:
        if not name:
            continue
        name = re.sub(r"\s+", "", name)
        out.add(name)
        stem = _PARK_SUFFIX.sub("", name)
        for candidate in (stem, _PROVINCE.sub("", stem)):
            if len(candidate) >= 2:
                out.add(candidate)
    return sorted(out, key=len, reverse=True)


def normalise(name: str, prefixes: Iterable[str] = ()) -> str:
    """The name without blanks, the park's own name and administrative prefixes."""
    n = re.sub(r"\s+", "", name)
    strip = [*prefixes, *ADMIN_PREFIXES]
    changed = True
    while changed:
        changed = False
        if n.startswith(_PROTECTED):
            break
        for p in strip:
            if n.startswith(p) and len(n) - len(p) >= 2:
                n = n[len(p):]
                changed = True
                break
    return n


@dataclass(frozen=True)
class NameMatch:
    """How a written name was resolved: to an existing id (with how), or to nothing."""

    written: str
    existing_id: int | None
    existing_name: str | None
    how: str | None
    #: existing names sharing the normal form when there were several (no match is made then)
    ambiguous: tuple[str, ...] = ()


class NameIndex:
    """The existing names of one kind (units or leaders) of one park, ready to match against."""

    def __init__(self, names: dict[int, str], aliases: dict[str, int], prefixes: Iterable[str] = ()) -> None:
        self._names = dict(names)
        self._by_name = {v: k for k, v in names.items()}
        self._aliases = dict(aliases)
        self._prefixes = list(prefixes)

    def match(self, written: str) -> NameMatch:
        """Resolve ``written``: exact, alias, then an unambiguous normalised match."""
        clean = re.sub(r"\s+", "", written)
        if clean in self._by_name:
            return NameMatch(written, self._by_name[clean], clean, EXACT)
        if clean in self._aliases:
            uid = self._aliases[clean]
            return NameMatch(written, uid, self._names.get(uid), ALIAS)
        target = normalise(clean, self._prefixes)
        if not target:
            return NameMatch(written, None, None, None)
        hits = sorted({i for i, n in self._names.items() if normalise(n, self._prefixes) == target})
        if len(hits) == 1:
            return NameMatch(written, hits[0], self._names[hits[0]], NORMALISED)
        return NameMatch(written, None, None, None, tuple(sorted(self._names[i] for i in hits)))

    def add(self, ident: int, name: str) -> None:
        """Register a name created during this import, so later rows match it exactly."""
        self._names[ident] = name
        self._by_name[name] = ident
