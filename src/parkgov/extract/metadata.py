"""Document metadata: title, 文号, issuing organs, date, park, year and genre.

Everything is read from the head of the document (the lines before the body) with a
small grammar of official documents: a forwarding notice ``关于印发《X》的通知`` names
the real title X; a 文号 is ``机关代字〔年份〕序号号``; the issuers are the organ names
of the signature block just above the date line (or a ``来源：`` label on web pages).
"""
from __future__ import annotations

import re

from parkgov.extract.document import Document
from parkgov.extract.facts import DocumentInfo

HEAD_LINES = 40
TAIL_LINES = 15

_JUNK = re.compile(r"\[bookmark:[^\]]*\]|\*\*|[#>]+\s")
_WEB_NOISE = re.compile(r"IPv6|设为首页|加入收藏|字体[:：]?|【字体|打印本页|关闭窗口|当前位置|"
                        r"^首页|浏览次数|阅读次数|分享到|^来源[:：]|发布时间|发布日期|^附\s*件|^密\s*级|^特\s*急|"
                        r"^加\s*急|公开方式|签发人|^抄\s*送|^主\s*送|^[\u4e00-\u9fff]{0,4}印发$|无障碍|繁體|^登录|^注册|"
                        r"搜索|^索引号|^发文字号|^主题分类|^成文日期|^发布机构|^信息来源|^所属机构|^时间[:：]")
_FORWARD = re.compile(r"关于(?:印发|转发|下发|公布|发布)\s*《(?P<title>[^《》]{4,80})》\s*的?\s*通\s*知")
_FORWARD_BARE = re.compile(r"关于(?:印发|转发|下发|公布|发布)\s*(?P<title>[^《》，,。：:]{4,80}?(?:方案|计划|要点|清单|"
                           r"办法|细则|意见|规划|表|规定|措施|任务)(?:[（(][^（()）]{2,20}[)）])?)\s*的\s*通\s*知")
_DOC_NUMBER = re.compile(
    r"(?P<org>[\u4e00-\u9fff]{1,16})\s*[〔\[［(（【]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］)）】]"
    r"\s*(?P<no>\d{1,4})\s*号")
_DATE_CN = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0", "O": "0"}
_DATE_HAN = re.compile(r"(?P<y>[〇零○ＯO一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月"
                       r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日")
_DATE_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})")
_DATE_LABEL = re.compile(r"(?:发布时间|发布日期|成文日期|印发日期|发文日期|日期|^时间)\s*[:：]\s*")
_ISSUER_LABEL = re.compile(r"(?:来源|信息来源|发文机关|发布机构|发文单位|发布单位|所属机构)\s*[:：]\s*"
                           r"(?P<v>[^\s:：【]{2,40})")
_ORGAN_SUFFIX = ("委员会", "管委会", "工委", "人民政府", "政府", "办公室", "办公厅", "党委", "党组",
                 "领导小组", "指挥部", "局", "厅", "委", "部", "中心", "公司")
_PARK_SUFFIX = ("经济技术开发区", "高新技术产业开发区", "高新技术开发区", "经济开发区", "产业开发区",
                "工业开发区", "综合保税区", "工业集中区", "经开区", "高新区", "开发区", "工业园区",
                "产业园区", "工业园", "产业园", "管理区", "新区", "园区")
_PARK_RE = re.compile("(?:" + "|".join(_PARK_SUFFIX) + ")")
_VERBS = re.compile(r"关于|推进|推动|创建|加快|建设|打造|开展|实施|印发|做好|支持|促进")
_PARK_STOP = set("的在对和与及把将从向于为是等各本该全我县市省区内外中上下")
# A character confusion of scanned documents that turns a park suffix into a non-word.
_OCR_FIXES = (("径开区", "经开区"),)
_GENRES = (
    ("task_table", ("分解表", "任务分解", "责任分解", "任务清单", "责任清单", "任务表", "责任表", "台账")),
    ("project_table", ("项目计划表", "项目表", "项目清单", "项目库", "项目一览表", "项目汇总表", "项目建设计划",
                       "项目投资计划", "项目计划")),
    ("summary", ("总结", "工作报告", "述职报告", "工作情况", "进展情况", "完成情况", "情况汇报", "情况报告")),
    ("action_plan", ("行动方案", "实施方案", "工作方案", "行动计划", "三年行动")),
    ("plan", ("工作要点", "工作计划", "工作打算", "工作安排", "工作思路", "工作重点")),
)
_NUMBERED = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[、.．)）]")
_TITLE_WORDS = tuple(w for _, words in _GENRES for w in words) + (
    "方案", "计划", "要点", "通知", "意见", "办法", "规划", "报告", "情况", "目标", "措施", "决定",
    "细则", "规定", "通报", "公告")


def extract_metadata(doc: Document) -> DocumentInfo:
    """The document's title, 文号, issuer, date, park, year and genre (None where absent)."""
    try:
        return _extract(doc)
    except Exception:  # metadata is best effort: a malformed document yields empty fields
        return DocumentInfo()


def _extract(doc: Document) -> DocumentInfo:
    lines = head_lines(doc)
    title = find_title(lines)
    doc_number = find_doc_number(lines)
    date = find_date(lines)
    issuer = find_issuer(lines)
    if date is None or issuer is None:
        signed_by, signed_on = find_signature(all_lines(doc))
        date, issuer = date or signed_on, issuer or signed_by
    park = find_park(doc.text or "", title, issuer)
    year = find_year(title, doc_number, date, doc.text or "")
    genre = find_genre(title, doc)
    return DocumentInfo(title=title, doc_number=doc_number, issuer=issuer, date=date,
                        park=park, year=year, genre=genre)


def clean_line(text: str) -> str:
    """A line without export markup (bookmarks, Markdown bold) and outer blanks."""
    return _JUNK.sub("", text or "").strip(" \t\u3000\xa0")


def all_lines(doc: Document) -> list[str]:
    """Every non-blank running-text line of the document, cleaned."""
    text = doc.text or ""
    raw = [p.text for p in doc.paragraphs] if doc.blocks else text.split("\n")
    return [ln for ln in (clean_line(t) for t in raw) if ln]


def head_lines(doc: Document) -> list[str]:
    """The first and the last non-blank lines of the document (head and signature), cleaned."""
    lines = all_lines(doc)
    if len(lines) <= HEAD_LINES + TAIL_LINES:
        return lines
    return lines[:HEAD_LINES] + lines[-TAIL_LINES:]


def squeeze(text: str) -> str:
    """Removes blanks next to Chinese characters (``2024 年工作`` → ``2024年工作``)."""
    text = re.sub(r"\s+", " ", text.strip())
    return re.sub(r"(?<=[^A-Za-z0-9 ]) | (?=[^A-Za-z0-9 ])", "", text)


def _is_noise(line: str) -> bool:
    return bool(_WEB_NOISE.search(line))


def find_title(lines: list[str]) -> str | None:
    """The inner title of a forwarding notice, else the first title-like line of the head."""
    head = "".join(line for line in lines[:25] if len(line) <= 100)
    m = _FORWARD.search(head) or _FORWARD_BARE.search(head)
    if m:
        return squeeze(m.group("title"))
    candidates = []
    for i, line in enumerate(lines[:25]):
        if _is_noise(line) or _DOC_NUMBER.search(line) or _is_date_line(line):
            continue
        s = squeeze(line)
        if s.endswith("文件") or len(s) < 4 or len(s) > 60:
            continue
        if re.search(r"[。；：:，,]$", s) or not re.search(r"[\u4e00-\u9fff]", s):
            continue
        if s.count("，") + s.count(",") > 1 or _NUMBERED.match(s):
            continue
        candidates.append((_title_score(s), -i, s))
        nxt = squeeze(lines[i + 1]) if i + 1 < len(lines) else ""
        if (nxt and not _title_score(s) >= 2 and _title_score(nxt) >= 2 and len(s + nxt) <= 60
                and not is_organ(s) and not is_organ(nxt) and not _is_noise(nxt)
                and not re.search(r"[。；：:，,]", nxt) and not _NUMBERED.match(nxt)):
            candidates.append((_title_score(s + nxt) + 1, -i, s + nxt))
    if not candidates:
        return None
    best = max(candidates)
    return best[2] if best[0] > 0 else min(candidates, key=lambda c: -c[1])[2]


def _title_score(s: str) -> int:
    return sum(w in s for w in _TITLE_WORDS) * 2 + bool(re.search(r"(?:19|20)\d{2}年", s))


def find_doc_number(lines: list[str]) -> str | None:
    """A 文号 standing on its own line near the top, brackets normalised to 〔〕."""
    for line in lines[:25]:
        s = squeeze(line)
        m = _DOC_NUMBER.search(s)
        if m and len(s) - len(m.group(0)) <= 12:
            org = re.sub(r"^(?:签发人|文号)[:：]?", "", m.group("org"))
            return f"{org}〔{m.group('year')}〕{int(m.group('no'))}号"
    return None


def _han_number(text: str) -> int:
    """``二〇二五`` → 2025, ``十二`` → 12, ``二十五`` → 25."""
    if "十" not in text:
        return int("".join(_CN_DIGITS.get(c, c) for c in text))
    tens, _, ones = text.partition("十")
    return int(_CN_DIGITS.get(tens, "1") if tens else 1) * 10 + (int(_CN_DIGITS[ones]) if ones else 0)


def _date_of(m: re.Match) -> str | None:
    try:
        y, mo, d = (_han_number(m.group(k)) for k in ("y", "m", "d"))
    except (KeyError, ValueError):
        return None
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def find_date(lines: list[str]) -> str | None:
    """A labelled publication date, else a date standing alone on its line (the signature date)."""
    for line in lines:
        lm = _DATE_LABEL.search(line)
        if lm:
            rest = line[lm.end():]
            m = _DATE_ISO.match(rest) or _DATE_CN.match(rest)
            if m and _date_of(m):
                return _date_of(m)
    for line in lines:
        s = squeeze(line)
        m = _DATE_CN.fullmatch(s) or _DATE_ISO.fullmatch(s) or _DATE_HAN.fullmatch(s)
        if m and _date_of(m):
            return _date_of(m)
    return None


def is_organ(name: str) -> bool:
    """An organ's name: a short line without punctuation ending in an organ word."""
    s = squeeze(name)
    return (2 < len(s) <= 40 and not re.search(r"[。，,；;：:、《》“”\d]", s)
            and s.endswith(_ORGAN_SUFFIX))


def find_issuer(lines: list[str]) -> str | None:
    """A ``来源：`` label, else the organ lines of the signature block above the date line."""
    for line in lines:
        m = _ISSUER_LABEL.search(line)
        if m and is_organ(m.group("v")):
            return squeeze(m.group("v"))
    for i, line in enumerate(lines):
        if not _is_date_line(line):
            continue
        organs = _organs_above(lines, i)
        if organs:
            return organs
    for line in lines[:5]:
        s = squeeze(line)
        if s.endswith("文件") and is_organ(s[:-2]):
            return s[:-2]
    return None


def find_signature(lines: list[str]) -> tuple[str | None, str | None]:
    """The last signature block anywhere (organ lines over a date line): a long plan signed
    before a long annex has its signature in the middle of the document."""
    found: tuple[str | None, str | None] = (None, None)
    for i, line in enumerate(lines):
        if i == 0 or not _is_date_line(line) or not is_organ(lines[i - 1]):
            continue
        found = (_organs_above(lines, i), find_date([line]))
    return found


def _organs_above(lines: list[str], i: int) -> str:
    """The organ lines (at most six) right above line ``i``, joined with 、 ("" when none)."""
    organs: list[str] = []
    j = i - 1
    while j >= 0 and is_organ(lines[j]) and len(organs) < 6:
        organs.insert(0, squeeze(lines[j]))
        j -= 1
    return "、".join(dict.fromkeys(organs))


def _is_date_line(line: str) -> bool:
    s = squeeze(line)
    return bool(_DATE_CN.fullmatch(s) or _DATE_ISO.fullmatch(s) or _DATE_HAN.fullmatch(s))


def _fix_ocr(name: str) -> str:
    for wrong, right in _OCR_FIXES:
        name = name.replace(wrong, right)
    return name


def _park_in(text: str) -> str | None:
    """The park named at the start of a title or an organ name (``X经开区2025年…`` → X经开区)."""
    s = _fix_ocr(re.sub(r"^中共", "", squeeze(text)))
    s = re.sub(r"[（(][^）)]{0,12}[）)]", "", s)
    for m in _PARK_RE.finditer(s):
        name = s[:m.end()]
        if m.group(0) == "园区" or _VERBS.search(name):
            continue
        if 3 <= len(name) <= 24 and not re.search(r"[“”\"《》、，,。\d]", name):
            return name
    return None


def _park_by_frequency(text: str) -> str | None:
    """The park name written most often in the body: longest prefix that keeps the count."""
    text = _fix_ocr(re.sub(r"\s+", "", text))
    counts: dict[str, int] = {}
    for m in _PARK_RE.finditer(text):
        if len(m.group(0)) <= 2:
            continue
        for k in range(2, 7):
            start = m.start() - k
            if start < 0:
                break
            prefix = text[start:m.start()]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", prefix) or prefix[0] in _PARK_STOP:
                continue
            name = prefix + m.group(0)
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    top = max(counts.values())
    if top < 2:
        return None
    best = [n for n, c in counts.items() if c >= max(2, top * 0.8)]
    return max(best, key=lambda n: (counts[n] >= top * 0.8, len(n), counts[n]))


def find_park(text: str, title: str | None, issuer: str | None) -> str | None:
    """The park as named by the issuing organ, else by the title, else by the body."""
    for organ in (issuer or "").split("、"):
        park = _park_in(organ)
        if park:
            return park
    if title:
        park = _park_in(title)
        if park and len(park) > 3:
            return park
    return _park_by_frequency(text[:20000])


def find_year(title: str | None, doc_number: str | None, date: str | None, text: str) -> int | None:
    """The plan/report year: the title's first year, else the 文号's, the date's or the body's."""
    for source in (title, doc_number, date):
        m = re.search(r"((?:19|20)\d{2})", source or "")
        if m:
            return int(m.group(1))
    m = re.search(r"((?:19|20)\d{2})\s*年", text[:3000])
    return int(m.group(1)) if m else None


def genre_of_title(title: str | None) -> str | None:
    """The genre named by the title's words, or None when the title says nothing."""
    s = squeeze(title or "")
    if not s:
        return None
    for genre, words in _GENRES:
        if any(w in s for w in words):
            return genre
    return None


def find_genre(title: str | None, doc: Document) -> str:
    """The genre from the title, else from the content (tables and signal words)."""
    genre = genre_of_title(title)
    if genre:
        return genre
    for table in doc.tables:
        header = "".join(c for row in table.rows[:3] for c in row.cells)
        if "项目名称" in header and "投资" in header:
            return "project_table"
        if re.search(r"牵头|责任(?:单位|部门|领导)", header):
            return "task_table"
    body = squeeze((doc.text or "")[:4000])
    if re.search(r"工作总结|总结如下|取得(?:了)?(?:明显|显著)?成效|主要工作(?:开展)?情况", body):
        return "summary"
    if re.search(r"行动方案|实施方案|责任单位[:：]", body):
        return "action_plan"
    if re.search(r"工作要点|工作计划|主要任务|工作目标", body):
        return "plan"
    return "other"
