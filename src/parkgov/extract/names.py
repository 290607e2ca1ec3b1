"""Lists of people and organs as written in responsibility cells and clauses.

``split_names("李  明\\n周远航")`` → ``["李明", "周远航"]``: names are separated by line
breaks, 、，,；;/ or blanks between multi-character words, while blanks inside a name
(``李  明``, ``工  会``, the typist's way of aligning two-character names) are removed.
Separators inside brackets (``住建（交通、水利）局``) do not split.
"""
from __future__ import annotations

import re

_SEPARATORS = "\n、，,；;/／|｜"
_OPEN, _CLOSE = "（(［[【", "）)］]】"
_LABEL = re.compile(r"^(?:牵头|责任|主责|配合|协办|负责)?(?:领导|单位|部门|人)?\s*[:：]")
_ORGAN_END = re.compile(
    r"(?:局|委|办|部|院|会|中心|公司|集团|区|街道|镇|乡|村|所|队|站|处|室|厅|组|团|社|馆|行|"
    r"单位|政府|监委|分局|支队|大队|园|场|厂|校|府|署|庭|科|股|段)$")
_ROLE_NOTE = re.compile(r"[（(](?:牵头|主责|主办|负责|配合|协办|协助|责任)(?:单位|部门)?[）)]")
_TRAILING = "。.；;，,、：: \t\u3000\xa0"


def _split_outside_brackets(text: str) -> list[str]:
    parts, buf, depth = [], [], 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if ch in _SEPARATORS and depth == 0:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts


def _join_spaced(part: str) -> list[str]:
    """Blank-separated words of one part: runs of single characters form one name."""
    tokens = part.split()
    out: list[str] = []
    run = ""
    for tok in tokens:
        if len(tok) == 1:
            run += tok
            continue
        if run:
            out.append(run)
            run = ""
        out.append(tok)
    if run:
        if len(run) == 1 and out:
            out[-1] += run
        else:
            out.append(run)
    return out


def split_names(text: str | None) -> list[str]:
    """Single names from a cell or clause, in order, without duplicates or empty entries."""
    if not isinstance(text, str):
        return []
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    names: list[str] = []
    for part in _split_outside_brackets(text):
        part = _LABEL.sub("", part.strip())
        for name in _join_spaced(part):
            name = name.strip(_TRAILING)
            name = re.sub(r"^(?:和|及|以及|与)", "", name)
            name = _ROLE_NOTE.sub("", name)
            if re.fullmatch(r"[\u4e00-\u9fff]{2,}等", name) and len(name) > 3:
                name = name[:-1]
            if name and name not in names and re.search(r"[\u4e00-\u9fffA-Za-z]", name):
                names.append(name)
    return names


def is_organ_name(name: str) -> bool:
    """An organ's name (``县发改局``, ``云溪经开区``, ``市生态环境局云溪分局``)."""
    return (2 <= len(name) <= 24 and not re.search(r"[\d。，,：:“”《》%]", name)
            and bool(_ORGAN_END.search(name)))
