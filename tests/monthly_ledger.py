"""A small fictional park ledger for service and API tests: units, a leader, tasks, indicators, projects."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from parkgov.services.access import Actor
from parkgov.services.users import add_user
from parkgov.store.models import Indicator, Park, ParkSettings, Person, Project, Task, TaskTarget, Unit


@dataclass
class Ledger:
    park_id: int
    units: dict[str, int]
    tasks: dict[str, int]
    indicators: dict[str, int]
    projects: dict[str, int]
    tokens: dict[str, str]


UNITS = ("商务局", "科工局", "财政局", "发改局", "人社局", "住建局")


def build_ledger(factory: sessionmaker[Session], park_name: str = "白沙洲经开区", users: bool = True) -> Ledger:
    """Create the ledger and, when ``users``, one token per role: admin, coord, leader, viewer, rep_<unit>."""
    with factory() as s:
        park = Park(name=park_name)
        s.add(park)
        s.flush()
        s.add(ParkSettings(park_id=park.id, green_gap_pct=Decimal(0), yellow_gap_pct=Decimal(10),
                           ranking_weights={}, dispatch_deadline_day=5))
        units = {name: Unit(park_id=park.id, name=name) for name in UNITS}
        s.add_all(units.values())
        leader = Person(park_id=park.id, name="韩知远")
        s.add(leader)
        s.flush()

        def task(seq: str, item: str, unit: str, deadline: date | None = None, targets=()) -> Task:
            t = Task(park_id=park.id, year=2025, seq=seq, category="园区提质", item=item, requirement=item,
                     deadline=deadline, deadline_text=deadline.isoformat() if deadline else None)
            t.lead_units = [units[unit]]
            t.leaders = [leader]
            t.targets = [TaskTarget(name=n, value=Decimal(v), unit=u, comparator=">=") for n, v, u in targets]
            s.add(t)
            return t

        tasks = {
            "8": task("8", "开展产业链精准招商攻坚", "商务局", date(2025, 12, 31), [("新引进产业项目", "12", "个")]),
            "12": task("12", "实施企业梯度培育计划", "科工局", date(2025, 12, 31), [("新增规上工业企业", "5", "家")]),
            "20": task("20", "完成预算绩效改革", "财政局", date(2025, 6, 30)),
            "21": task("21", "推进重点项目前期工作", "发改局", date(2025, 12, 31)),
        }
        indicators = {
            "规模工业总产值": Indicator(park_id=park.id, year=2025, name="规模工业总产值", unit="亿元",
                                  target_value=Decimal("80"), comparator=">=", lead_unit_id=units["科工局"].id),
            "税收": Indicator(park_id=park.id, year=2025, name="税收", unit="万元", target_value=Decimal("50000"),
                            comparator=">=", lead_unit_id=units["财政局"].id),
            "城镇登记失业率": Indicator(park_id=park.id, year=2025, name="城镇登记失业率", unit="%",
                                 target_value=Decimal("4.5"), comparator="<=", lead_unit_id=units["人社局"].id),
        }
        projects = {
            "新材料产业园": Project(park_id=park.id, year=2025, name="新材料产业园", category="industrial",
                               stage="new", total_investment=Decimal("50000"), total_investment_unit="万元",
                               annual_plan=Decimal("1.2"), annual_plan_unit="亿元", lead_unit_id=units["住建局"].id,
                               started_planned=date(2025, 4, 30)),
        }
        s.add_all([*indicators.values(), *projects.values()])
        s.commit()
        ledger = Ledger(park.id, {k: u.id for k, u in units.items()}, {k: t.id for k, t in tasks.items()},
                        {k: i.id for k, i in indicators.items()}, {k: p.id for k, p in projects.items()}, {})
    if users:
        with factory() as s:
            system = Actor.system()
            specs = [("admin", "admin", None, None), ("coord", "coordinator", park_name, None),
                     ("leader", "leader", park_name, None), ("viewer", "viewer", None, None)]
            specs += [(f"rep_{name}", "reporter", park_name, name) for name in UNITS]
            for username, role, park_ref, unit in specs:
                issued = add_user(s, system, username=f"{park_name}-{username}", role=role, park=park_ref,
                                  unit=unit)
                ledger.tokens[username] = issued.token
    return ledger
