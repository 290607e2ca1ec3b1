"""Scores an extraction (the extract contract's JSON) against what the generator wrote.

Indicators match one to one as in ``score_extract.py``: same unit, same value (or both
without value and the same growth), compatible names. Tasks match by 序号; their leaders
and departments are then compared as sets. Projects match by name.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

from parkgov.demo.truth import DemoDocument, Figure

VERBS = ("完成", "实现", "达到", "累计", "全年", "预计", "力争", "共有", "发现", "出动", "开展", "确保", "新增")


def norm_name(name: str | None) -> str:
    s = "".join(ch for ch in (name or "") if not ch.isspace() and ch not in "“”\"'（）()、，,：:")
    for verb in VERBS:
        if s.startswith(verb) and len(s) > len(verb):
            s = s[len(verb):]
    return s


def names_compatible(a: str | None, b: str | None) -> bool:
    a, b = norm_name(a), norm_name(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return len(set(a) & set(b)) / min(len(set(a)), len(set(b))) >= 0.6


def _same(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is None and y is None
    try:
        x, y = float(x), float(y)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y))


def _unit(u: str | None) -> str:
    return (u or "").replace(" ", "").replace("％", "%")


def indicator_matches(truth: Figure, found: dict) -> bool:
    if _unit(truth.unit) != _unit(found.get("unit")):
        return False
    if truth.value is None:
        if found.get("value") is not None or not _same(truth.yoy_pct, found.get("yoy_pct")):
            return False
    elif not _same(truth.value, found.get("value")):
        return False
    return names_compatible(truth.name, found.get("name"))


def _people(names) -> frozenset[str]:
    return frozenset("".join(str(n).split()) for n in (names or ()) if str(n).strip())


@dataclass
class Score:
    """Counts over one or more documents; ``misses`` explains what was not found."""

    indicators: int = 0
    indicators_found: int = 0
    indicators_matched: int = 0
    growth_ok: int = 0
    comparator_ok: int = 0
    kind_ok: int = 0
    tasks: int = 0
    tasks_found: int = 0
    tasks_matched: int = 0
    people_exact: int = 0
    projects: int = 0
    projects_found: int = 0
    projects_matched: int = 0
    project_money_ok: int = 0
    documents: int = 0
    park_ok: int = 0
    genre_ok: int = 0
    misses: list[str] = field(default_factory=list)

    def __iadd__(self, other: "Score") -> "Score":
        for f in fields(self):
            if f.name == "misses":
                self.misses.extend(other.misses)
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def indicator_recall(self) -> float:
        return self._ratio(self.indicators_matched, self.indicators)

    @property
    def indicator_precision(self) -> float:
        return self._ratio(self.indicators_matched, self.indicators_found)

    @property
    def task_recall(self) -> float:
        return self._ratio(self.tasks_matched, self.tasks)

    @property
    def people_rate(self) -> float:
        return self._ratio(self.people_exact, self.tasks_matched)

    @property
    def project_recall(self) -> float:
        return self._ratio(self.projects_matched, self.projects)

    def summary(self) -> str:
        return (f"indicators R={self.indicator_recall:.3f} P={self.indicator_precision:.3f} "
                f"({self.indicators_matched}/{self.indicators}, found {self.indicators_found}); "
                f"growth ok {self.growth_ok}, comparator ok {self.comparator_ok}, kind ok {self.kind_ok}; "
                f"tasks R={self.task_recall:.3f} ({self.tasks_matched}/{self.tasks}, found {self.tasks_found}), "
                f"leaders+departments exact {self.people_exact}/{self.tasks_matched}; "
                f"projects R={self.project_recall:.3f} ({self.projects_matched}/{self.projects}, "
                f"found {self.projects_found}), "
                f"money ok {self.project_money_ok}; park {self.park_ok}/{self.documents}, "
                f"genre {self.genre_ok}/{self.documents}")


def score_document(doc: DemoDocument, result: dict, park_names: tuple[str, ...] = ()) -> Score:
    """Compares one document's extraction with what the generator wrote into it."""
    s = Score(documents=1)
    info = result.get("document") or {}
    s.genre_ok = int(info.get("genre") == doc.genre)
    s.park_ok = int(any(names_compatible(info.get("park"), p) for p in park_names)) if park_names else 0

    found = list(result.get("indicators") or [])
    used: set[int] = set()
    s.indicators, s.indicators_found = len(doc.figures), len(found)
    for fig in doc.figures:
        hit = next((i for i, f in enumerate(found) if i not in used and indicator_matches(fig, f)), None)
        if hit is None:
            s.misses.append(f"{doc.stem}: indicator {fig.name} {fig.value} {fig.unit} yoy={fig.yoy_pct}")
            continue
        used.add(hit)
        f = found[hit]
        s.indicators_matched += 1
        s.growth_ok += int(_same(fig.yoy_pct, f.get("yoy_pct")))
        s.comparator_ok += int((fig.comparator or None) == (f.get("comparator") or None))
        s.kind_ok += int(fig.kind == f.get("kind"))

    tasks = {str(t.get("seq")): t for t in result.get("tasks") or [] if t.get("seq") is not None}
    s.tasks, s.tasks_found = len(doc.duties), len(result.get("tasks") or [])
    for duty in doc.duties:
        t = tasks.get(duty.seq)
        if t is None:
            s.misses.append(f"{doc.stem}: task {duty.seq} {duty.item}")
            continue
        s.tasks_matched += 1
        if (_people(t.get("leaders")) == _people(duty.leaders)
                and _people(t.get("departments")) == _people(duty.departments)):
            s.people_exact += 1
        else:
            s.misses.append(f"{doc.stem}: task {duty.seq} people {t.get('leaders')} {t.get('departments')} "
                            f"!= {list(duty.leaders)} {list(duty.departments)}")

    projects = list(result.get("projects") or [])
    s.projects, s.projects_found = len(doc.projects), len(projects)
    for p in doc.projects:
        hit = next((q for q in projects if norm_name(q.get("name")) == norm_name(p.name)), None)
        if hit is None:
            s.misses.append(f"{doc.stem}: project {p.name}")
            continue
        s.projects_matched += 1
        total = hit.get("total_investment") or {}
        expected = round(p.total_investment / 10000, 2) if doc.money_unit == "亿元" else p.total_investment
        s.project_money_ok += int(_same(total.get("value"), expected) and total.get("unit") == doc.money_unit)
    return s
