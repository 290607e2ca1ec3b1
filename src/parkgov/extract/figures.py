"""The grammar of Chinese figures: numbers, units, comparators, growths and ranges.

``find_quantities`` finds every number written with a unit (``18.6亿元``,
``3千余人``, ``两千万元``, ``百分之五``, ``3-5个``) and ``find_growths`` every
growth rate (``同比增长7.4%``, ``下降5%``). Values are kept as written, in the
unit as written: a 万/亿 magnitude directly before the unit belongs to the unit
(``3.85亿元`` → 3.85 亿元, ``2千万元`` → 2000 万元). Nothing here raises.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

_FULLWIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                            "．": ".", "％": "%", "－": "-", "～": "~", "＋": "+"})

_FULLWIDTH_RE = re.compile("[０-９．％－～＋]")

GE, LE, APPROX = ">=", "<=", "≈"

MONEY_UNITS = ("亿美元", "万美元", "美元", "亿元", "万元", "元")
PERCENT_UNITS = ("个百分点", "%", "‰")
COUNT_UNITS = ("家次", "人次", "户次", "场次", "批次", "家", "个", "项", "人", "次", "件", "名",
               "批", "份", "篇", "处", "盏", "座", "条", "户", "套", "台", "块", "所", "栋",
               "间", "辆", "位", "场", "期", "款", "种", "宗", "根", "张", "本", "枚", "株", "棵",
               "只", "头", "支", "组", "部", "分")
PHYSICAL_UNITS = ("平方公里", "平方千米", "平方米", "立方米", "公顷", "亩", "公里", "千米", "米",
                  "吨标准煤", "吨", "千瓦时", "千瓦", "兆瓦", "度", "个工作日", "工作日", "天",
                  "个月", "小时", "标箱", "公斤", "千克", "床", "千伏安")
UNIT_KIND = {**{u: "money" for u in MONEY_UNITS}, **{u: "percent" for u in PERCENT_UNITS},
             **{u: "count" for u in COUNT_UNITS}, **{u: "physical" for u in PHYSICAL_UNITS}}
_PER = ("亩", "平方米", "人", "年", "吨", "户", "家", "个")

_WORD_BEFORE_ONE_CHAR = frozenset("通经越度跨错改难超不最接附将邻靠赶高提目此以当日年月之")
_PRE_COMP = {"突破": GE, "超过": GE, "不低于": GE, "不少于": GE, "不小于": GE, "至少": GE,
             "逾": GE, "过": GE, "超": GE, "大于": GE, "高于": GE, "≥": GE, ">=": GE,
             "不到": LE, "≤": LE, "<=": LE,
             "不超过": LE, "不高于": LE, "控制在": LE, "低于": LE, "小于": LE, "不足": LE,
             "约": APPROX, "近": APPROX, "大约": APPROX, "前": LE}
_POST_COMP = {"以上": GE, "及以上": GE, "余": GE, "多": GE, "以内": LE, "以下": LE, "及以下": LE,
              "左右": APPROX, "上下": APPROX}

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_DIGIT = "零〇一二两三四五六七八九"
_CN = rf"[{_CN_DIGIT}十百千]*[十百千][{_CN_DIGIT}十百千]*|[{_CN_DIGIT}]"
_NUM = rf"(?:{_ARABIC})(?:[十百千](?![米瓦克伏]))?|{_CN}"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNITS = _alt(UNIT_KIND)
_UNIT_FIRST = re.escape("".join(sorted({u[0] for u in UNIT_KIND})))  # fails fast before trying every unit
_QTY_RE = re.compile(
    rf"(?=[{_CN_DIGIT}百千十\d])"
    rf"(?:(?P<per_of>[百千])分之(?P<pct>{_ARABIC}|{_CN})"
    rf"|(?P<den>[二三四五六七八九十]|\d{{1,2}})分之(?P<numer>[一二三四五六七八九]|\d{{1,2}})"
    rf"|(?P<num>{_NUM})(?:\s*[-—–~至到]\s*(?P<num2>{_NUM}))?\s*(?P<approx1>[余多])?"
    rf"\s*(?P<mag>[万亿])?(?P<approx2>[余多])?\s?(?=[{_UNIT_FIRST}])(?P<unit>{_UNITS})(?:/(?P<per>{_alt(_PER)}))?)"
    rf"(?P<post>{_alt(_POST_COMP)})?")
_GROWTH_RE = re.compile(
    r"(?=[同比较年增提上下减降削回])(?P<verb>(?:同比|(?:比|较)(?:上年同期|去年同期|上年|去年|同期|上月|年初|上季度)|年均|年平均)?"
    r"(?:增长率|增速|增幅|增长|增加|提高|上升|下降|减少|降低|削减|回落))"
    r"(?P<mid>(?:了|为|达到|达|是|[：:\s]){0,3}?)"
    rf"(?:(?P<pre>{_alt(_PRE_COMP)})\s*)?(?P<sign>[-−])?(?P<num>{_ARABIC})"
    rf"(?:\s*%?\s*[-—–~至到]\s*(?P<num2>{_ARABIC}))?\s*%(?P<post>以上|左右|以内|以下)?")
_NEGATIVE = ("下降", "减少", "降低", "削减", "回落")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit: value as written, comparator, and its span in the text.

    ``start`` includes a comparator written before the number (``突破``), ``num_start`` and
    ``num_end`` delimit the (first) number itself; ``end`` includes a trailing ``以上``/``余``.
    """

    value: float
    unit: str
    comparator: str | None
    start: int
    end: int
    num_start: int
    chinese: bool = False
    num_end: int = -1

    @property
    def kind(self) -> str:
        """money, percent, count or physical (a fraction, with no unit, is a percent)."""
        if not self.unit:
            return "percent"
        base = self.unit.split("/")[0]
        if base[:1] in "万亿" and base[1:] in UNIT_KIND:
            base = base[1:]
        return UNIT_KIND.get(base, "count")


@dataclass(frozen=True)
class Growth:
    """A growth rate in percent (negative for a decline) and its span."""

    pct: float
    comparator: str | None
    start: int
    end: int


def normalize(text: str) -> str:
    """Full-width digits and signs to ASCII, character for character (offsets are kept)."""
    return text.translate(_FULLWIDTH) if _FULLWIDTH_RE.search(text) else text


_FIGURE_CHAR = re.compile(rf"[{_CN_DIGIT}百千十\d]")


def may_hold_figure(text: str) -> bool:
    """Whether ``text`` has a digit or a Chinese numeral: without one there is no figure or growth."""
    return _FIGURE_CHAR.search(text) is not None


def parse_number(text: str) -> float | None:
    """``"1,234.5"``, ``"３２"``, ``"两千"``, ``"3千"``, ``"十二"`` → a float; None when not a number."""
    if not isinstance(text, str):
        return None
    return _parse_number(text)


_NUMBER_RE = re.compile(rf"(?:{_ARABIC})[十百千万亿]?|[{_CN_DIGIT}十百千万亿点]+")


@lru_cache(maxsize=8192)
def _parse_number(text: str) -> float | None:
    s = normalize(text).strip().replace(",", "")
    if not s:
        return None
    try:
        return float(s)
    except ValueError:
        pass
    if not _NUMBER_RE.fullmatch(s):
        return None
    if s[0] in "百千":
        s = "一" + s  # 百余家 → 一百
    try:
        value = cn2an.cn2an(s, "smart")
    except Exception:  # cn2an raises many kinds of errors on malformed numerals
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


_PRE_LENGTHS = tuple(sorted({len(w) for w in _PRE_COMP}, reverse=True))


def _pre_before(text: str, pos: int) -> tuple[str | None, int]:
    """The comparator written just before a number (``突破 380``), and where it starts."""
    i = pos
    while i > 0 and pos - i < 2 and text[i - 1] in " \t":
        i -= 1
    for n in _PRE_LENGTHS:  # the longest word first; one word of each length can end at i
        at = i - n
        if at >= 0 and text[at:i] in _PRE_COMP:
            if n == 1 and at > 0 and text[at - 1] in _WORD_BEFORE_ONE_CHAR:
                return None, pos  # 通过, 接近, 将近: the end of another word
            return text[at:i], at
    return None, pos


def comparator_before(text: str) -> str | None:
    """The comparator a text ends with (``占比尚不足`` → ``<=``), if any."""
    if not isinstance(text, str):
        return None
    pre, _ = _pre_before(text, len(text))
    return _PRE_COMP[pre] if pre else None


def find_quantities(text: str) -> list[Quantity]:
    """Every number-with-unit in ``text``, left to right, spans in the caller's offsets."""
    if not isinstance(text, str) or not text:
        return []
    return list(_quantities(text))


@lru_cache(maxsize=4096)
def _quantities(text: str) -> tuple[Quantity, ...]:
    norm = normalize(text)
    out: list[Quantity] = []
    for m in _QTY_RE.finditer(norm):
        try:
            q = _quantity(norm, m)
        except (ValueError, OverflowError):
            q = None
        if q is not None:
            out.append(q)
    return tuple(out)


def _quantity(text: str, m: re.Match) -> Quantity | None:
    pre, start = _pre_before(text, m.start())
    post = m.group("post")
    if post:
        comparator = _POST_COMP[post]
    elif m.group("approx1") or m.group("approx2"):
        comparator = GE
    else:
        comparator = _PRE_COMP[pre] if pre else None
    if m.group("pct") is not None:
        value = parse_number(m.group("pct"))
        if value is None:
            return None
        unit = "%" if m.group("per_of") == "百" else "‰"
        return Quantity(value, unit, comparator, start, m.end(), m.start("per_of"), True, m.end("pct"))
    if m.group("den") is not None:  # 三分之一: a share, no unit
        den, numer = parse_number(m.group("den")), parse_number(m.group("numer"))
        if not den or numer is None or numer >= den:
            return None
        return Quantity(round(numer / den, 4), "", comparator, start, m.end(), m.start("den"), True,
                        m.end("numer"))
    raw = m.group("num")
    value = parse_number(raw)
    if value is None:
        return None
    if m.group("num2") is not None:
        comparator = GE
    num_start = m.start("num")
    # digits glued to letters or to a previous number belong to a name (220KV, G60)
    if num_start > 0 and (text[num_start - 1].isascii() and text[num_start - 1].isalnum()
                          or text[num_start - 1] in "._"):
        return None
    unit = (m.group("mag") or "") + m.group("unit")
    if m.group("per"):
        unit += "/" + m.group("per")
    chinese = not raw[:1].isdigit()
    return Quantity(value, unit, comparator, start, m.end(), num_start, chinese, m.end("num"))


def find_growths(text: str) -> list[Growth]:
    """Every growth rate in ``text`` (``同比增长7.4%`` → 7.4, ``下降5%`` → -5)."""
    if not isinstance(text, str) or not text:
        return []
    return list(_growths(text))


@lru_cache(maxsize=4096)
def _growths(text: str) -> tuple[Growth, ...]:
    norm = normalize(text)
    if "%" not in norm:
        return ()
    out: list[Growth] = []
    for m in _GROWTH_RE.finditer(norm):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        if any(v in m.group("verb") for v in _NEGATIVE) != bool(m.group("sign")):
            value = -value
        post, pre = m.group("post"), m.group("pre")
        comparator = _POST_COMP.get(post) if post else (_PRE_COMP.get(pre) if pre else None)
        if m.group("num2") is not None:
            comparator = GE  # 增长5%-8%: at least the lower bound
        out.append(Growth(value, comparator, m.start(), m.end()))
    return tuple(out)
