"""Generates a fictional park and its documents, and records every figure, task and project it writes.

``generate_park(profile)`` is deterministic for a profile (``random.Random(profile.seed)``);
``variation`` re-draws the figures for large corpora. The returned ``DemoPark`` holds the
documents (as blocks, rendered by ``parkgov.demo.render``) and the ground truth.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from parkgov.demo import phrases as P
from parkgov.demo.names import (LEADER_TITLES, PLACES, PRODUCTS, ROADS, UNIT_POOL, ParkProfile,
                                enterprise, leader_name)
from parkgov.demo.truth import DemoDocument, Duty, Figure, Grid, Para, PlannedProject

YEAR = 2025

# name, unit, low, high (the year's target range)
CORE_INDICATORS = (
    ("技工贸总收入", "亿元", 60, 400), ("规模工业总产值", "亿元", 40, 300), ("规模工业增加值", "亿元", 10, 70),
    ("工业投资", "亿元", 8, 60), ("固定资产投资", "亿元", 10, 90), ("税收收入", "万元", 20000, 150000),
    ("高新技术产业增加值", "亿元", 5, 40), ("进出口总额", "万美元", 3000, 60000), ("实际使用外资", "万美元", 300, 5000),
    ("研发经费投入", "亿元", 0.5, 5), ("工业税收", "亿元", 2, 12), ("营业收入", "亿元", 50, 300),
)
GROWTH_ONLY = ("地区生产总值", "社会消费品零售总额", "一般公共预算收入", "全社会研发投入")
THEME_UNITS = {
    "industry": ("经济发展局", "科技创新局"), "investment": ("招商合作局", "经济发展局"),
    "projects": ("规划建设局", "经济发展局"), "innovation": ("科技创新局", "人力资源服务中心"),
    "service": ("企业服务中心", "营商环境办", "政务服务中心"), "land": ("自然资源分局", "征地拆迁办"),
    "safety": ("安全环保局", "应急管理站"), "reform": ("党政办", "党群工作部"),
    "party": ("党群工作部", "纪工委"), "livelihood": ("规划建设局", "综合执法大队"),
}
TASK_HEADERS = (
    ("序号", "类别", "项目", "任务要求", "牵头领导", "牵头部门", "完成时限"),
    ("序号", "类别", "工作任务", "具体措施", "完成时限", "责任领导", "责任单位"),
    ("序号", "类别", "项  目", "任 务 要 求", "牵头区领导", "牵头部门", "时间节点"),
    ("序号", "类别", "项目", "工作要求", "牵头领导", "牵头单位", "完成时限"),
)
# The column each field sits in, per header above.
TASK_LAYOUT = (
    ("seq", "category", "item", "requirement", "leaders", "departments", "deadline"),
    ("seq", "category", "item", "requirement", "deadline", "leaders", "departments"),
    ("seq", "category", "item", "requirement", "leaders", "departments", "deadline"),
    ("seq", "category", "item", "requirement", "leaders", "departments", "deadline"),
)
PROJECT_LAYOUTS = (
    ("序号", "项目名称", "类别", "建设性质", "总投资（万元）", "年度计划投资（万元）", "责任单位", "计划开工", "计划竣工"),
    ("序号", "类别", "项目名称", "建设性质", "责任单位", "总投资（万元）", "年度计划投资（万元）", "计划开工", "计划竣工"),
    ("序号", "项目名称", "建设性质", "类别", "总投资（万元）", "2025年计划投资（万元）", "计划开工时间", "计划竣工时间",
     "责任单位"),
)
#: Small counts a document may write in Chinese numerals (``两家``), and the units they go with.
CN_SMALL = {float(i): c for i, c in enumerate("一两三四五六七八九十", start=1)}
CN_COUNT_UNITS = ("家", "个", "项", "次", "场", "人", "件", "宗", "批次", "处", "期")
CATEGORY_LABEL = {"industrial": "产业项目", "infrastructure": "基础设施项目"}
STAGE_LABEL = {"new": "新建", "continued": "续建", "preliminary": "前期"}


@dataclass(frozen=True)
class Leader:
    name: str
    title: str


@dataclass
class PlanIndicator:
    """A yearly target of the plan and how the half year went."""

    name: str
    unit: str | None
    target: float | None
    growth: float
    comparator: str | None
    h1_actual: float | None = None
    h1_growth: float | None = None


@dataclass
class DemoPark:
    """A generated park: its people and units, its plan, and its documents."""

    profile: ParkProfile
    year: int
    leaders: list[Leader]
    units: list[str]
    enterprises: list[tuple[str, str]]
    indicators: list[PlanIndicator]
    duties: list[Duty]
    action_duties: list[Duty]
    projects: list[PlannedProject]
    documents: list[DemoDocument] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.profile.short

    def document(self, genre: str) -> DemoDocument:
        return next(d for d in self.documents if d.genre == genre)


def fmt_value(value: float, unit: str | None) -> tuple[str, float]:
    """The value as the document writes it, and the number that text means."""
    if unit in ("亿元", "亿美元"):
        text = f"{value:.2f}"
    elif unit in ("万元", "万美元") and value >= 100:
        text = f"{round(value)}"
    elif unit in ("%", "万平方米", "公里", "万元", "万美元"):
        text = f"{value:.1f}"
    else:
        text = f"{max(1, round(value))}"
    return text, float(text)


class Composer:
    """Writes paragraphs into a document and records every figure they state."""

    def __init__(self, doc: DemoDocument, rng: random.Random, spaced: bool = False,
                 cn_numerals: bool = False) -> None:
        self.doc = doc
        self.rng = rng
        self.spaced = spaced
        self.cn_numerals = cn_numerals

    def _n(self, text: str) -> str:
        return f" {text} " if self.spaced else text

    def figure(self, template: str, name: str, value: float | None, unit: str | None,
               growth: float | None = None, comparator: str | None = None, kind: str = "target",
               period: str | None = None) -> tuple[str, Figure]:
        """Fills ``template`` and records the figure it states."""
        vtext, vnum = fmt_value(value, unit) if value is not None else ("", None)
        if self.cn_numerals and vnum is not None and unit in CN_COUNT_UNITS and vnum in CN_SMALL:
            vtext = CN_SMALL[vnum]
        yoy = None
        gtext = ""
        if growth is not None:
            gtext, yoy = fmt_value(abs(growth), "%")
            yoy = -yoy if growth < 0 else yoy
        text = template.format(n=name, v=self._n(vtext), u=unit or "", g=self._n(gtext).rstrip(),
                               d="下降" if growth is not None and growth < 0 else "增长")
        fig = Figure(name=name, value=vnum, unit=unit if value is not None else None, yoy_pct=yoy,
                     comparator=comparator, kind=kind, period=period)
        self.doc.figures.append(fig)
        return text, fig

    def count(self, name: str, value: float, unit: str, kind: str, template: str = "{n}{v}{u}",
              comparator: str | None = None, period: str | None = None) -> str:
        return self.figure(template, name, value, unit, comparator=comparator, kind=kind, period=period)[0]

    def para(self, text: str) -> None:
        self.doc.blocks.append(Para(text))


def _fill(template: str, slots: dict[str, str]) -> str:
    return template.format(**slots)


def _slots(rng: random.Random, park: DemoPark) -> dict[str, str]:
    ents = rng.sample(park.enterprises, 2)
    inds = park.profile.industries
    return {"ind1": inds[0], "ind2": inds[1], "ind3": inds[2], "ent1": ents[0][1], "ent2": ents[1][1],
            "place": rng.choice(PLACES), "road": rng.choice(ROADS), "park": park.profile.short}


def _people(rng: random.Random, profile: ParkProfile) -> tuple[list[Leader], list[str], list[tuple[str, str]]]:
    taken: set[str] = set()
    n_leaders = rng.randint(4, 6)
    titles = list(LEADER_TITLES[:2]) + rng.sample(LEADER_TITLES[2:], n_leaders - 2)
    leaders = [Leader(leader_name(rng, taken), t) for t in titles]
    units = rng.sample(UNIT_POOL, rng.randint(7, 14)) + [f"{profile.short[:2]}城投公司"]
    ent_taken: set[str] = set()
    town = profile.short[:2]
    enterprises = [enterprise(rng, town, rng.choice(profile.industries), ent_taken) for _ in range(rng.randint(12, 22))]
    return leaders, units, enterprises


def _indicators(rng: random.Random) -> list[PlanIndicator]:
    out = []
    for name, unit, low, high in rng.sample(CORE_INDICATORS, rng.randint(7, 10)):
        target = rng.uniform(low, high)
        growth = round(rng.uniform(5, 18), 1)
        out.append(PlanIndicator(name, unit, target, growth, None))
    for name in rng.sample(GROWTH_ONLY, rng.randint(1, 2)):
        out.append(PlanIndicator(name, None, None, round(rng.uniform(4.5, 9.5), 1), ">="))
    if rng.random() < 0.5:
        out.append(PlanIndicator("城镇登记失业率", "%", round(rng.uniform(3.5, 5.0), 1), 0.0, "<="))
    for ind in out:
        ind.h1_growth = round(rng.uniform(-4, ind.growth + 8) if rng.random() < 0.2 else rng.gauss(ind.growth, 3), 1)
        if ind.target is not None and ind.comparator != "<=":
            ind.h1_actual = ind.target * (rng.uniform(0.30, 0.42) if rng.random() < 0.25 else rng.uniform(0.44, 0.58))
        elif ind.target is not None:
            ind.h1_actual = round(ind.target - rng.uniform(0.1, 0.8), 1)
    return out


class Deck:
    """Draws without repeating until every card has been drawn once, then reshuffles."""

    def __init__(self, rng: random.Random, cards: tuple) -> None:
        self.rng, self.cards, self.left = rng, cards, []

    def draw(self):
        if not self.left:
            self.left = list(self.cards)
            self.rng.shuffle(self.left)
        return self.left.pop()


def _target_sentence(rng: random.Random, target: tuple[str, str, float, float], c: Composer) -> tuple[str, Figure]:
    name, unit, low, high = target
    value = rng.uniform(low, high)
    template, comparator = rng.choice((("力争{n}{v}{u}以上。", ">="), ("全年{n}{v}{u}。", None),
                                       ("确保{n}不少于{v}{u}。", ">="), ("{n}达到{v}{u}。", None)))
    return c.figure(template, name, value, unit, comparator=comparator, kind="target")


def _assign(rng: random.Random, park: DemoPark, theme: P.Theme,
            owner: dict[str, Leader]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    leaders = [owner[theme.key].name]
    if rng.random() < 0.3:
        other = rng.choice(park.leaders).name
        if other not in leaders:
            leaders.append(other)
    prefer = [u for u in THEME_UNITS[theme.key] if u in park.units] or [rng.choice(park.units)]
    deps = [prefer[0]]
    for _ in range(rng.choice((0, 0, 1, 2))):
        extra = rng.choice(park.units)
        if extra not in deps:
            deps.append(extra)
    return tuple(leaders), tuple(deps)


def _plan_duties(rng: random.Random, park: DemoPark, c: Composer) -> list[Duty]:
    themes = rng.sample(P.THEMES, rng.randint(6, 9))
    owners = {t.key: rng.choice(park.leaders[1:]) for t in P.THEMES}
    wanted = rng.randint(30, 80)
    duties: list[Duty] = []
    for ti, theme in enumerate(themes):
        n_rows = wanted // len(themes) + (1 if ti < wanted % len(themes) else 0)
        items = rng.sample(theme.items, min(len(theme.items), n_rows))
        rows_per_item = [1] * len(items)
        for _ in range(min(n_rows - len(items), 2 * len(items))):
            rows_per_item[rng.randrange(len(items))] += 1
        category = rng.choice(theme.categories)
        sentences_deck = Deck(rng, theme.requirements)
        targets_left = rng.sample(theme.targets, len(theme.targets))
        for item_tpl, n in zip(items, rows_per_item):
            item = _fill(item_tpl, _slots(rng, park))
            for _ in range(n):
                slots = _slots(rng, park)
                sentences = list(dict.fromkeys(_fill(sentences_deck.draw(), slots) for _ in range(rng.randint(1, 2))))
                targets: tuple[Figure, ...] = ()
                if targets_left and rng.random() < 0.45:
                    text, fig = _target_sentence(rng, targets_left.pop(), c)
                    sentences.insert(rng.randint(0, len(sentences)), text)
                    targets = (fig,)
                leaders, deps = _assign(rng, park, theme, owners)
                duties.append(Duty(seq=str(len(duties) + 1), category=category, item=item,
                                   requirement="".join(sentences), leaders=leaders, departments=deps,
                                   deadline=rng.choice(P.DEADLINES), targets=targets))
    return duties


def _projects(rng: random.Random, park: DemoPark) -> list[PlannedProject]:
    out: list[PlannedProject] = []
    names: set[str] = set()
    n = rng.randint(10, 30)
    while len(out) < n:
        industrial = rng.random() < 0.6
        ent_full, ent_short = rng.choice(park.enterprises)
        ind = rng.choice(park.profile.industries)
        tpl = rng.choice(P.INDUSTRIAL_PROJECTS if industrial else P.INFRA_PROJECTS)
        name = tpl.format(ent=ent_short, q=rng.choice((5, 10, 20, 30, 50, 100)), prod=rng.choice(PRODUCTS[ind]),
                          park=park.profile.short, ind=ind, phase=rng.choice(P.PHASES), road=rng.choice(ROADS),
                          place=rng.choice(PLACES))
        if name in names:
            continue
        names.add(name)
        stage = rng.choices(("new", "continued", "preliminary"), (5, 4, 2))[0]
        total = round(rng.uniform(3000, 120000) / 100) * 100
        share = {"new": (0.3, 0.6), "continued": (0.35, 0.8), "preliminary": (0.05, 0.2)}[stage]
        annual = round(total * rng.uniform(*share) / 10) * 10
        start_m = {"new": rng.randint(2, 9), "continued": 1, "preliminary": rng.randint(9, 12)}[stage]
        start_y = YEAR - 1 if stage == "continued" else YEAR
        finish_y = YEAR + (0 if total < 20000 and stage != "preliminary" else rng.randint(1, 2))
        unit = rng.choice([u for u in ("经济发展局", "规划建设局", "招商合作局") if u in park.units]
                          or park.units) if not industrial else rng.choice(park.units)
        if not industrial and f"{park.profile.short[:2]}城投公司" in park.units and rng.random() < 0.5:
            unit = f"{park.profile.short[:2]}城投公司"
        out.append(PlannedProject(name=name, category="industrial" if industrial else "infrastructure",
                                  stage=stage, total_investment=float(total), annual_plan=float(annual), unit=unit,
                                  start=f"{start_y}-{start_m:02d}", finish=f"{finish_y}-{rng.randint(6, 12):02d}",
                                  enterprise=ent_full if industrial else None))
    return out


def _project_sentence(c: Composer, projects: list[PlannedProject], kind: str) -> str:
    ind = sum(p.category == "industrial" for p in projects)
    counts = {s: sum(p.stage == s for p in projects) for s in ("new", "continued", "preliminary")}
    total = sum(p.total_investment for p in projects)
    annual = sum(p.annual_plan for p in projects)
    parts = [c.count("重点建设项目", len(projects), "个", kind, template="全年安排{n}{v}{u}")]
    parts.append("，其中" + c.count("产业项目", ind, "个", kind) + "、"
                 + c.count("基础设施项目", len(projects) - ind, "个", kind))
    parts.append("；" + "、".join(c.count(f"{STAGE_LABEL[s]}项目", counts[s], "个", kind) for s in counts if counts[s]))
    parts.append("。" + c.count("项目总投资", total, "万元", kind) + "，"
                 + c.count("年度计划投资", annual, "万元", kind, template="{n}{v}{u}") + "。")
    return "".join(parts)


def _indicator_table(c: Composer, indicators: list[PlanIndicator]) -> Grid:
    """A target table: last year's result, this year's target and the growth between them."""
    rows = []
    for i, ind in enumerate(indicators):
        base_text, base = fmt_value(ind.target / (1 + ind.growth / 100), ind.unit)
        target_text, target = fmt_value(ind.target, ind.unit)
        growth_text, growth = fmt_value(ind.growth, "%")
        c.doc.figures.append(Figure(ind.name, base, ind.unit, kind="actual", period=f"{YEAR - 1}年"))
        c.doc.figures.append(Figure(ind.name, target, ind.unit, yoy_pct=growth, kind="target"))
        rows.append((str(i + 1), ind.name, ind.unit, base_text, target_text, growth_text))
    return Grid(header=("序号", "指标名称", "单位", f"{YEAR - 1}年完成", f"{YEAR}年目标", "增长（%）"), rows=tuple(rows))


def _plan(rng: random.Random, park: DemoPark) -> DemoDocument:
    pr = park.profile
    number = f"{pr.doc_prefix}〔{YEAR}〕{rng.randint(2, 19)}号"
    title = f"{pr.short}{YEAR}年工作要点"
    doc = DemoDocument(stem=f"{pr.short}{YEAR}年工作要点", genre="plan", title=title, formats=("txt", "docx"),
                       table_style="cells" if pr.seed % 3 == 1 else "tabs", date=f"{YEAR}-02-{rng.randint(10, 27):02d}",
                       doc_number=number)
    c = Composer(doc, rng, spaced=pr.seed % 4 == 3)
    y, m, d = doc.date.split("-")
    for text in (number, f"中共{pr.full}工作委员会", f"{pr.full}管理委员会",
                 f"关于印发《{title}》的通知", "各部门、各单位，园区各企业：",
                 f"现将《{title}》印发给你们，请结合工作实际，认真抓好贯彻落实。",
                 f"中共{pr.full}工作委员会", f"{pr.full}管理委员会", f"{y}年{int(m)}月{int(d)}日", title,
                 "一、总体要求", rng.choice(P.GUIDING), "二、主要目标"):
        c.para(text)
    targets = []
    with_table = rng.random() < 0.4 if pr.target_table is None else pr.target_table
    tabled = [i for i in park.indicators if i.unit not in (None, "%")] if with_table else []
    if tabled:
        c.para("（一）主要经济指标。全年主要经济指标目标如下表。")
        doc.blocks.append(_indicator_table(c, tabled))
    for ind in park.indicators:
        if ind in tabled:
            continue
        if ind.unit is None:
            tpl, cmp_ = rng.choice(P.TARGET_GROWTH)
            targets.append(c.figure(tpl, ind.name, None, None, growth=ind.growth, comparator=cmp_)[0])
        elif ind.comparator == "<=":
            targets.append(c.figure("{n}控制在{v}%以内", ind.name, ind.target, "%", comparator="<=")[0])
        elif rng.random() < 0.8:
            tpl, cmp_ = rng.choice(P.TARGET_VALUE_GROWTH)
            targets.append(c.figure(tpl, ind.name, ind.target, ind.unit, growth=ind.growth, comparator=cmp_)[0])
        else:
            tpl, cmp_ = rng.choice(P.TARGET_VALUE)
            targets.append(c.figure(tpl, ind.name, ind.target, ind.unit, comparator=cmp_)[0])
    if tabled:
        c.para("（二）其他发展目标。" + "；".join(targets) + "。")
    else:
        half = len(targets) // 2
        c.para(f"（一）经济发展目标。{rng.choice(P.TARGET_INTROS)}" + "；".join(targets[:half]) + "。")
        c.para("（二）质量效益目标。" + "；".join(targets[half:]) + "。")
    c.para("（三）项目建设目标。" + _project_sentence(c, park.projects, "target"))
    park.duties = _plan_duties(rng, park, c)
    c.para("三、重点任务")
    categories: list[str] = []
    for duty in park.duties:
        if duty.category not in categories:
            categories.append(duty.category)
    for ci, category in enumerate(categories):
        c.para(f"（{_cn(ci + 1)}）{category}")
        seen: list[str] = []
        for duty in park.duties:
            if duty.category == category and duty.item not in seen:
                seen.append(duty.item)
                plain = [s for s in duty.requirement.split("。") if s and not any(ch.isdigit() for ch in s)]
                body = (plain[0] + "。") if plain else "细化工作措施，明确时间节点，确保按期完成。"
                c.para(f"{len(seen)}.{duty.item}。{body}")
    c.para("四、保障措施")
    for i, (head, body) in enumerate(P.SAFEGUARDS):
        c.para(f"（{_cn(i + 1)}）{head}。{body}")
    c.para(f"附件：1.{pr.short}{YEAR}年重点工作任务责任分解表")
    c.para(f"2.{pr.short}{YEAR}年重点建设项目计划表")
    c.para("附件1")
    layout_i = rng.randrange(len(TASK_HEADERS)) if pr.table_layout is None else pr.table_layout
    layout = TASK_LAYOUT[layout_i]
    rows = []
    prev_cat = prev_item = None
    for duty in park.duties:
        values = {"seq": duty.seq, "category": "" if duty.category == prev_cat else duty.category,
                  "item": "" if (duty.item == prev_item and duty.category == prev_cat) else duty.item,
                  "requirement": duty.requirement, "leaders": "\n".join(duty.leaders),
                  "departments": "\n".join(duty.departments), "deadline": duty.deadline or ""}
        rows.append(tuple(values[k] for k in layout))
        prev_cat, prev_item = duty.category, duty.item
    doc.blocks.append(Grid(header=TASK_HEADERS[layout_i], rows=tuple(rows),
                           merge_down=frozenset({layout.index("category"), layout.index("item")}),
                           title=f"{pr.short}{YEAR}年重点工作任务责任分解表"))
    doc.duties = list(park.duties)
    return doc


def _action_plan(rng: random.Random, park: DemoPark) -> DemoDocument:
    pr = park.profile
    horizon = YEAR + 2
    title = f"{pr.short}产业高质量发展三年行动方案（{YEAR}—{horizon}年）"
    issuer = f"{pr.county}人民政府办公室" if pr.kind != "district" else f"{pr.full}管理委员会办公室"
    number = f"{pr.county[:2]}政办发〔{YEAR}〕{rng.randint(5, 40)}号"
    doc = DemoDocument(stem=f"{pr.short}产业高质量发展三年行动方案", genre="action_plan", title=title,
                       formats=("txt",), date=f"{YEAR}-03-{rng.randint(3, 28):02d}", doc_number=number)
    doc.encoding, doc.crlf = ("gb18030", True) if pr.seed % 5 == 3 else ("utf-8", False)
    c = Composer(doc, rng, spaced=pr.seed % 5 == 2, cn_numerals=pr.seed % 3 == 0)
    y, m, d = doc.date.split("-")
    for text in (f"{issuer}文件", number, f"{issuer}关于印发《{title}》的通知",
                 "各有关单位：", f"《{title}》已经研究同意，现印发给你们，请认真组织实施。", issuer,
                 f"{y}年{int(m)}月{int(d)}日", title,
                 f"为加快推进{pr.short}高质量发展，做大做强{'、'.join(pr.industries)}等产业，结合园区实际，制定本方案。",
                 "一、总体目标"):
        c.para(text)
    goals = []
    for name, unit, low, high in rng.sample(CORE_INDICATORS, 4):
        tpl, cmp_ = rng.choice(P.TARGET_VALUE)
        goals.append(c.figure(tpl, name, rng.uniform(low, high) * 1.3, unit, comparator=cmp_)[0])
    growth_name = rng.choice(GROWTH_ONLY)
    goals.append(c.figure("{n}年均增长{g}%以上", growth_name, None, None, growth=round(rng.uniform(6, 12), 1),
                          comparator=">=")[0])
    c.para(f"到{horizon}年，" + "，".join(goals) + "。")
    c.para("二、重点任务")
    themes = rng.sample(P.THEMES, rng.randint(4, 6))
    n = rng.randint(15, 25)
    label = "牵头单位" if pr.kind == "district" else "责任单位"
    targets_left = {t.key: rng.sample(t.targets, len(t.targets)) for t in themes}
    duties: list[Duty] = []
    for ti, theme in enumerate(themes):
        category = rng.choice(theme.categories)
        c.para(f"（{_cn(ti + 1)}）{category}")
        share = n // len(themes) + (1 if ti < n % len(themes) else 0)
        for item_tpl in rng.sample(theme.items, min(share, len(theme.items))):
            slots = _slots(rng, park)
            item = _fill(item_tpl, slots)
            sentences = [_fill(s, slots) for s in rng.sample(theme.requirements, 2)]
            targets: tuple[Figure, ...] = ()
            if targets_left[theme.key] and rng.random() < 0.4:
                text, fig = _target_sentence(rng, targets_left[theme.key].pop(), c)
                sentences.append(text)
                targets = (fig,)
            deadline = None
            if rng.random() < 0.3:
                deadline = f"{rng.choice((YEAR, YEAR + 1))}年{rng.choice((6, 12))}月底前"
                sentences.append(f"{deadline}完成。")
            first = rng.choice(THEME_UNITS[theme.key]) if rng.random() < 0.5 else rng.choice(park.units)
            deps = tuple(dict.fromkeys([first] + rng.sample(park.units, rng.randint(0, 3)) + [pr.short]))
            seq = str(len(duties) + 1)
            requirement = "".join(sentences)
            tail = f"（{label}：{'、'.join(deps)}）"
            if rng.random() < 0.2:
                c.para(f"{seq}. {item}。{requirement}")
                c.para(tail)
            else:
                c.para(f"{seq}. {item}。{requirement}{tail}")
            duties.append(Duty(seq=seq, category=category, item=item, requirement=requirement, leaders=(),
                               departments=deps, deadline=deadline, targets=targets))
    c.para("三、保障措施")
    for i, (head, body) in enumerate(rng.sample(P.SAFEGUARDS, 3)):
        c.para(f"（{_cn(i + 1)}）{head}。{body}")
    doc.duties = duties
    park.action_duties = duties
    return doc


def _project_table(rng: random.Random, park: DemoPark) -> DemoDocument:
    pr = park.profile
    title = f"{pr.short}{YEAR}年重点建设项目计划表"
    doc = DemoDocument(stem=title, genre="project_table", title=title, formats=("xlsx",))
    header = PROJECT_LAYOUTS[pr.seed % len(PROJECT_LAYOUTS)]
    if pr.table_layout is None and pr.seed % 3 == 1:
        doc.money_unit = "亿元"
        header = tuple(h.replace("（万元）", "（亿元）") for h in header)
    projects = sorted(park.projects, key=lambda p: (p.category, p.stage)) if "类别" == header[1] else park.projects
    rows = []
    dotted = pr.seed % 2 == 0

    def money(wan: float) -> str:
        return f"{wan / 10000:.2f}" if doc.money_unit == "亿元" else f"{wan:g}"

    for i, p in enumerate(projects):
        month = (lambda ym: ym.replace("-", ".")) if dotted else (lambda ym: f"{ym[:4]}年{int(ym[5:])}月")
        stage = STAGE_LABEL[p.stage]
        total, annual = money(p.total_investment), money(p.annual_plan)
        values = {"序号": str(i + 1), "项目名称": p.name, "类别": CATEGORY_LABEL[p.category], "建设性质": stage,
                  "总投资（万元）": total, "年度计划投资（万元）": annual, "2025年计划投资（万元）": annual,
                  "总投资（亿元）": total, "年度计划投资（亿元）": annual, "2025年计划投资（亿元）": annual,
                  "责任单位": p.unit,
                  "计划开工": "" if p.stage == "continued" and rng.random() < 0.5 else month(p.start),
                  "计划开工时间": month(p.start), "计划竣工": month(p.finish), "计划竣工时间": month(p.finish)}
        rows.append(tuple(values[h] for h in header))
    merge = frozenset({1}) if header[1] == "类别" else frozenset()
    if merge:
        last = None
        merged = []
        for r in rows:
            merged.append(r if r[1] != last else (r[0], "", *r[2:]))
            last = r[1]
        rows = merged
    total = tuple("合计" if h == "序号" else money(sum(p.total_investment for p in projects)) if h.startswith("总投资")
                  else money(sum(p.annual_plan for p in projects)) if "计划投资" in h else "" for h in header)
    doc.blocks.append(Grid(header=header, rows=tuple(rows), merge_down=merge, title=title, total=total))
    doc.projects = list(projects)
    return doc


def _summary(rng: random.Random, park: DemoPark) -> DemoDocument:
    pr = park.profile
    title = f"{pr.short}{YEAR}年上半年工作总结"
    doc = DemoDocument(stem=title, genre="summary", title=title, formats=("txt",),
                       date=f"{YEAR}-07-{rng.randint(5, 25):02d}")
    doc.encoding = "gb18030" if pr.seed % 5 == 3 else "utf-8"
    c = Composer(doc, rng, spaced=pr.seed % 6 == 5, cn_numerals=pr.seed % 3 == 0)
    period = f"{YEAR}年1-6月"
    c.para(title)
    c.para(f"{pr.full}管理委员会")
    c.para(f"{YEAR}年上半年，{pr.short}在县委、县政府的坚强领导下，紧扣年度目标任务，聚焦产业发展和项目建设，"
           "扎实推进招商引资、营商环境优化和安全生产等各项工作，园区经济保持平稳运行。现将有关情况总结如下：")
    c.para("一、主要经济指标完成情况")
    n_ent = rng.randint(90, 260)
    above = rng.randint(25, min(90, n_ent - 20))
    hitech = rng.randint(8, above)
    c.para("（一）市场主体。园区现有" + c.count("企业", n_ent, "家", "actual") + "，其中"
           + c.count("规上工业企业", above, "家", "actual") + "、" + c.count("高新技术企业", hitech, "家", "actual")
           + "，上半年" + c.count("新增规上工业企业", rng.randint(1, 6), "家", "actual") + "。")
    sentences = []
    for ind in park.indicators:
        if ind.unit is None:
            tpl = "{n}同比{d}{g}%"
            sentences.append(c.figure(tpl, ind.name, None, None, growth=ind.h1_growth, kind="actual", period=period)[0])
        elif ind.comparator == "<=":
            sentences.append(c.figure("{n}为{v}%", ind.name, ind.h1_actual, "%", kind="actual", period=period)[0])
        else:
            tpl = rng.choice(P.ACTUAL_VALUE_GROWTH)
            sentences.append(c.figure(tpl, ind.name, ind.h1_actual, ind.unit, growth=ind.h1_growth, kind="actual",
                                      period=period)[0])
    c.para(f"（二）经济运行。1-6月，园区" + "；".join(sentences) + "。")
    annual_yi = round(sum(p.annual_plan for p in park.projects) / 10000, 2)
    done_yi = round(annual_yi * rng.uniform(0.35, 0.65), 2)
    started = sum(p.stage == "new" for p in park.projects) * rng.randint(40, 90) // 100
    c.para("（三）项目建设。" + c.count("重点建设项目", len(park.projects), "个", "target", template="园区今年共安排{n}{v}{u}")
           + "，" + c.count("年度计划投资", annual_yi, "亿元", "target") + "；1-6月"
           + c.count("完成投资", done_yi, "亿元", "actual", template="累计{n}{v}{u}", period=period)
           + "，" + c.count("年度投资计划完成率", round(done_yi / annual_yi * 100, 2), "%", "actual",
                            template="完成年度计划的{v}{u}", period=period)
           + "；" + c.count("新开工项目", max(1, started), "个", "actual") + "。")
    for p in rng.sample(park.projects, min(4, len(park.projects))):
        c.para(f"{p.name}：{rng.choice(PROJECT_STATUS[p.stage])}。")
    c.para("二、重点工作推进情况")
    categories = list(dict.fromkeys(d.category for d in park.duties))
    for ci, category in enumerate(categories):
        theme = next(t for t in P.THEMES if category in t.categories)
        duties = list({d.item: d for d in park.duties if d.category == category}.values())
        parts = []
        for k, duty in enumerate(rng.sample(duties, min(3, len(duties)))):
            plain = [s for s in duty.requirement.split("。") if s and not any(ch.isdigit() for ch in s)]
            text = f"{_cn(k + 1)}是{duty.item}。" + (f"{rng.choice(DONE_OPENERS)}{plain[0]}" if plain else "")
            if duty.targets:
                t = duty.targets[0]
                done = t.value * rng.uniform(0.25, 0.75)
                text += "，上半年" + c.count(t.name, done, t.unit, "actual", period=period)
            parts.append(text + "。")
        result = _result(c, rng, _fill(rng.choice(theme.results).replace("{k}", "\0"), _slots(rng, park)), period)
        c.para(f"（{_cn(ci + 1)}）{category}。" + "".join(parts) + f"截至6月底，{result}。")
    found = rng.randint(120, 480)
    fixed = found - rng.randint(0, found // 8)
    c.para(f"（{_cn(len(categories) + 1)}）安全生产。上半年"
           + c.count("开展安全检查", rng.randint(80, 400), "家次", "actual", template="{n}{v}{u}")
           + "，" + c.count("发现隐患", found, "项", "actual") + "，" + c.count("已整改", fixed, "项", "actual")
           + "，" + c.count("整改完成率", round(fixed / found * 100, 1), "%", "actual") + "。")
    c.para("三、存在的问题")
    for i, (head, body) in enumerate(rng.sample(P.PROBLEMS, 3)):
        c.para(f"（{_cn(i + 1)}）{head}。{body}")
    c.para("四、下半年工作打算")
    for i, (head, body) in enumerate(rng.sample(P.NEXT_STEPS, 4)):
        c.para(f"（{_cn(i + 1)}）{head}。{body}")
    return doc


PROJECT_STATUS = {
    "new": ("已完成场地平整和桩基施工", "正在进行基础施工", "已办结施工许可并进场施工"),
    "continued": ("已完成主体结构施工", "正在进行设备安装调试", "部分车间已投入试生产"),
    "preliminary": ("前期手续正在办理中", "已完成可行性研究报告编制", "正在开展用地报批"),
}
DONE_OPENERS = ("按照年度部署，", "上半年以来，", "对照任务要求，", "聚焦薄弱环节，", "")
RESULT_UNITS = ("%", "家次", "人次", "批次", "场", "个", "件", "家", "处", "次", "项", "期", "宗", "人")


def _result(c: Composer, rng: random.Random, text: str, period: str) -> str:
    """A result sentence; ``\0`` marks where its count goes."""
    head, mark, tail = text.partition("\0")
    if not mark:
        return head
    unit = next(u for u in RESULT_UNITS if tail.startswith(u))
    k = rng.randint(20, 95) if unit == "%" else rng.randint(2, 60)
    rest = tail[len(unit):]
    if head in ("", "完成", "新增", "清理"):
        return c.count(rest, k, unit, "actual", template=head + "{v}{u}{n}", period=period)
    return c.count(head, k, unit, "actual", template="{n}{v}{u}" + rest, period=period)


def _annual_summary(rng: random.Random, park: DemoPark) -> DemoDocument:
    """Last year's results and this year's plan in one document (总结暨打算): actuals, then targets."""
    pr = park.profile
    last = YEAR - 1
    title = f"{pr.short}{last}年工作总结暨{YEAR}年工作打算"
    doc = DemoDocument(stem=title, genre="summary", title=title, formats=("txt", "docx"),
                       date=f"{YEAR}-01-{rng.randint(6, 28):02d}", in_demo_ledger=False)
    c = Composer(doc, rng, spaced=pr.seed % 7 == 2, cn_numerals=pr.seed % 3 == 2)
    period = f"{last}年"
    c.para(title)
    money = [i for i in park.indicators if i.unit not in (None, "%")][:3]
    results = []
    for ind in money:
        growth = round(rng.uniform(-3, 20), 1)
        results.append(c.figure(rng.choice(P.ACTUAL_VALUE_GROWTH), ind.name, ind.target / (1 + ind.growth / 100),
                                ind.unit, growth=growth, kind="actual", period=period)[0])
    c.para(f"{rng.choice(P.YEAR_REVIEW)}全年园区" + "；".join(results) + "。")
    c.para(f"一、{last}年主要工作")
    themes = rng.sample(P.THEMES, 4)
    for ti, theme in enumerate(themes):
        parts = []
        for template in rng.sample(theme.results, 2):
            parts.append(_result(c, rng, _fill(template.replace("{k}", "\0"), _slots(rng, park)), period))
        opener = _fill(rng.choice(theme.requirements), _slots(rng, park)).rstrip("。")
        c.para(f"（{_cn(ti + 1)}）{rng.choice(theme.categories)}。{opener}，" + "，".join(parts) + "。")
    c.para("二、存在的问题")
    c.para("".join(f"{_cn(i + 1)}是{head}。{body}" for i, (head, body) in enumerate(rng.sample(P.PROBLEMS, 3))))
    c.para(f"三、{YEAR}年工作打算")
    c.para(rng.choice(P.YEAR_AHEAD))
    ahead = rng.sample([t for t in P.THEMES if t not in themes] + themes[:1], 4)
    for ti, theme in enumerate(ahead):
        text, _fig = _target_sentence(rng, rng.choice(theme.targets), c)
        body = _fill(rng.choice(theme.requirements), _slots(rng, park))
        c.para(f"（{_cn(ti + 1)}）{rng.choice(theme.categories)}。{body}{text}")
    growth_ind = next((i for i in park.indicators if i.unit is None), None)
    if growth_ind is not None:
        c.para("全年力争" + c.figure("{n}增长{g}%以上", growth_ind.name, None, None, growth=growth_ind.growth,
                                   comparator=">=")[0] + "，确保各项目标任务圆满完成。")
    return doc


_CN_NUMS = "一二三四五六七八九十"


def _cn(i: int) -> str:
    return _CN_NUMS[i - 1] if i <= 10 else "十" + _CN_NUMS[i - 11]


def generate_park(profile: ParkProfile, variation: int = 0) -> DemoPark:
    """A park and its four documents; ``variation`` re-draws figures and wording for larger corpora."""
    rng = random.Random(profile.seed * 1000003 + variation)
    leaders, units, enterprises = _people(rng, profile)
    park = DemoPark(profile=profile, year=YEAR, leaders=leaders, units=units, enterprises=enterprises,
                    indicators=_indicators(rng), duties=[], action_duties=[], projects=[])
    park.projects = _projects(rng, park)
    park.documents = [_plan(rng, park), _action_plan(rng, park), _project_table(rng, park), _summary(rng, park),
                      _annual_summary(rng, park)]
    return park
