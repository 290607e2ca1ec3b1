"""Sample view-model data for the report tests: a realistic round, and a generated park of any size."""
from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from parkgov.reports.bulletin_data import (BulletinData, DocumentHead, IndicatorRow, Light, ProjectRow, RankingRow,
                                           ReportGap, SummaryData, SupervisionRow, TaskRow,
                                           LedgerData)

CATEGORIES = ["年度目标任务", "着力兴产业、优环境，在园区提质上实现新跃升", "全面推进安全环保与营商环境建设"]
DEPARTMENTS = ["发改局", "财政局", "科工局", "商务局", "人社局", "住建局", "市监局", "应急局"]
LEADERS = ["韩知远", "林川", "陶慕青", "邵启明", "葛蔚然"]


def indicators() -> list[IndicatorRow]:
    """Indicators of a fictional park (1-6月, 亿元 and 万元), one without target, one with target 0."""
    return [
        IndicatorRow("技工贸总收入", "亿元", Decimal("90"), Decimal("41.8"), Decimal("4.2"), Decimal("50"),
                     Light.YELLOW, ["发改局"], ["韩知远"]),
        IndicatorRow("规模工业总产值", "亿元", Decimal("60"), Decimal("31.38"), Decimal("7.8"), Decimal("50"),
                     Light.GREEN, ["科工局"], ["林川"]),
        IndicatorRow("工业固定资产投资", "万元", Decimal("120000"), Decimal("45600"), Decimal("58.3"), Decimal("50"),
                     Light.RED, ["发改局"], ["韩知远"]),
        IndicatorRow("税收", "亿元", Decimal("2.5"), Decimal("1.12"), Decimal("-3.62"), Decimal("50"),
                     Light.RED, ["财政局"], ["韩知远"]),
        IndicatorRow("进出口额", "亿元", None, Decimal("2.84"), Decimal("126.37"), Decimal("50"), None,
                     ["商务局"], ["林川"]),
        IndicatorRow("新增规上工业企业", "家", Decimal("0"), Decimal("3"), None, Decimal("50"), None,
                     ["科工局"], ["林川"]),
        IndicatorRow("全社会研发投入", "亿元", Decimal("2.2"), None, None, Decimal("50"), None, ["科工局"], ["林川"]),
    ]


def tasks(n: int = 12, seed: int = 7) -> list[TaskRow]:
    """``n`` tasks across the categories and departments, with lights, progress and issues."""
    rnd = random.Random(seed)
    rows = []
    for i in range(1, n + 1):
        light = rnd.choice([Light.GREEN, Light.GREEN, Light.YELLOW, Light.RED, None])
        done = light is Light.GREEN and rnd.random() < 0.3
        deps = rnd.sample(DEPARTMENTS, rnd.choice([1, 1, 2]))
        rows.append(TaskRow(
            seq=str(i), category=CATEGORIES[(i - 1) * len(CATEGORIES) // n], item=f"重点任务事项第{i}项",
            requirement=f"力争全年签约落地项目{i}个以上，完成年度目标任务。",
            leaders=rnd.sample(LEADERS, 1), departments=deps,
            status="已完成" if done else ("滞后" if light is Light.RED else "推进中"), done=done, light=light,
            latest_progress=None if i % 5 == 0 else f"已完成第{i}项工作的阶段性目标，累计推进{i * 3}家企业。",
            issues=f"第{i}项工作受用地指标制约进展缓慢。" if light is Light.RED else None,
            next_steps=f"加快推进第{i}项工作。" if i % 2 else None))
    return rows


def projects() -> list[ProjectRow]:
    return [
        ProjectRow("青禾污水处理厂扩容及管网延伸工程", "万元", "基础设施项目", "续建", ["住建局"], ["葛蔚然"],
                   Decimal("32000"), Decimal("12000"), Decimal("6860"), Light.GREEN),
        ProjectRow("新材料产业基地标准厂房（二期）", "万元", "产业项目", "新建", ["发改局"], ["韩知远"],
                   Decimal("85000"), Decimal("30000"), Decimal("8000"), Light.RED, "征拆未完成，主体工程未开工。"),
        ProjectRow("储能装备产业园建设项目", "万元", "产业项目", "前期", ["商务局"], ["林川"],
                   Decimal("41000"), Decimal("0"), None, None),
    ]


def head(title: str = "关于2025年6月重点工作调度情况的通报") -> DocumentHead:
    return DocumentHead(title=title, issuer="青禾高新技术产业开发区管理委员会", doc_number="青高新管〔2025〕12号",
                        signed_on=date(2025, 7, 5))


def bulletin(n_tasks: int = 12) -> BulletinData:
    ranking_units = DEPARTMENTS
    return BulletinData(
        park="青禾高新区", round_label="2025-06", period_label="2025年1-6月", head=head(),
        time_progress_pct=Decimal("50"), indicators=indicators(), tasks=tasks(n_tasks), projects=projects(),
        orders_opened=[SupervisionRow("督〔2025〕7号", "新材料产业基地征拆滞后", "发改局", date(2025, 6, 10),
                                      date(2025, 7, 10))],
        orders_closed=[SupervisionRow("督〔2025〕3号", "消防站建设进度滞后", "应急局", date(2025, 3, 2),
                                      date(2025, 5, 30), date(2025, 6, 20), "已建成并通过验收")],
        orders_still_open=4,
        ranking=[RankingRow(i, u, Decimal(100 - i * 3.5).quantize(Decimal("0.1")), 5 + i, i // 3)
                 for i, u in enumerate(ranking_units, 1)],
        bottom_n=3,
        report_gaps=[ReportGap("住建局", False, date(2025, 7, 3), date(2025, 7, 4)),
                     ReportGap("市监局", True, date(2025, 7, 3))],
        units_expected=8)


def empty_bulletin() -> BulletinData:
    return BulletinData(park="空白园区", round_label="2025-06", period_label="2025年1-6月",
                        head=DocumentHead(title="关于2025年6月重点工作调度情况的通报", issuer="空白园区管委会"))


def summary(annual: bool = False) -> SummaryData:
    return SummaryData(park="青禾高新区", year=2025, period_label="2025年1-6月",
                       head=head("青禾高新区2025年上半年工作总结"), annual=annual, indicators=indicators(),
                       tasks=tasks(12), projects=projects())


def ledger(n_tasks: int = 12) -> LedgerData:
    return LedgerData(park="青禾高新区", period_label="2025年1-6月", tasks=tasks(n_tasks), indicators=indicators(),
                      projects=projects())
