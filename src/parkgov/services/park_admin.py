"""Administration of a park: users and passwords, units, leaders, their aliases, and the park's settings."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from parkgov.domain.errors import DomainError
from parkgov.domain.light import Thresholds
from parkgov.domain.ranking import RankingWeights
from parkgov.services import audit, lookup
from parkgov.services.access import ROLE_LABELS, Actor, require_admin, require_coordinate
from parkgov.services.errors import Conflict, InvalidInput, NotFound
from parkgov.services.rankings import weights_of
from parkgov.services.status import thresholds_of
from parkgov.services.users import actor_of
from parkgov.store.database import begin_write
from parkgov.store.models import ParkSettings, Person, PersonAlias, Unit, UnitAlias, User

MIN_PASSWORD = 8


def _password_hash(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise InvalidInput(f"密码至少{MIN_PASSWORD}位")
    if len(password) > 200:
        raise InvalidInput("密码过长")
    return PasswordHasher().hash(password)


def overview(session: Session, actor: Actor, park: int | str) -> dict:
    """Users (admins only), units with aliases, leaders with aliases and the settings of a park."""
    park_row = lookup.park(session, park)
    require_coordinate(actor, park_row.id)
    users = []
    if actor.role.value == "admin":
        for u in session.scalars(select(User).where((User.park_id == park_row.id) | (User.park_id.is_(None)))
                                 .order_by(User.username)):
            try:
                role = ROLE_LABELS[actor_of(u).role]
            except Exception:  # a user without a usable role is still listed
                role = "无角色"
            users.append({"id": u.id, "username": u.username, "name": u.display_name, "role": role,
                          "unit": u.unit.name if u.unit else None, "active": u.is_active,
                          "last_login_at": u.last_login_at})
    units = [{"id": u.id, "name": u.name, "active": u.is_active, "aliases": [a.alias for a in u.aliases]}
             for u in session.scalars(select(Unit).where(Unit.park_id == park_row.id)
                                      .options(selectinload(Unit.aliases)).order_by(Unit.name))]
    people = [{"id": p.id, "name": p.name, "title": p.title, "aliases": [a.alias for a in p.aliases]}
              for p in session.scalars(select(Person).where(Person.park_id == park_row.id)
                                       .options(selectinload(Person.aliases)).order_by(Person.name))]
    settings = session.get(ParkSettings, park_row.id)
    t = thresholds_of(session, park_row.id)
    w = weights_of(session, park_row.id)
    return {"park": {"id": park_row.id, "name": park_row.name}, "users": users, "units": units, "people": people,
            "settings": {"green_gap_pct": t.green_gap_pct, "yellow_gap_pct": t.yellow_gap_pct,
                         "growth_yellow_gap_pct": t.growth_yellow_gap_pct, "timeliness": w.timeliness,
                         "green": w.green, "supervision": w.supervision,
                         "dispatch_deadline_day": settings.dispatch_deadline_day if settings else 5}}


def set_password(session: Session, actor: Actor, user_id: int, password: str) -> None:
    begin_write(session)
    require_admin(actor)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("找不到该用户")
    user.password_hash = _password_hash(password)
    audit.record(session, actor=actor.name, entity="user", entity_id=user.id, action="update", field="password",
                 park_id=user.park_id)
    session.commit()


def set_active(session: Session, actor: Actor, user_id: int, active: bool) -> None:
    begin_write(session)
    require_admin(actor)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("找不到该用户")
    if user.id == actor.user_id and not active:
        raise InvalidInput("不能停用自己的账号")
    user.is_active = active
    audit.record(session, actor=actor.name, entity="user", entity_id=user.id, action="update", field="is_active",
                 new=active, park_id=user.park_id)
    session.commit()


def _name(text: str, what: str) -> str:
    cleaned = " ".join((text or "").split())
    if not cleaned or len(cleaned) > 100:
        raise InvalidInput(f"{what}不能为空，且不超过100个字符")
    return cleaned


def add_unit(session: Session, actor: Actor, park: int | str, name: str) -> None:
    begin_write(session)
    park_row = lookup.park(session, park)
    require_coordinate(actor, park_row.id)
    name = _name(name, "单位名称")
    if session.scalars(select(Unit.id).where(Unit.park_id == park_row.id, Unit.name == name)).first():
        raise Conflict(f"单位已存在：{name}")
    unit = Unit(park_id=park_row.id, name=name)
    session.add(unit)
    session.flush()
    audit.record(session, actor=actor.name, entity="unit", entity_id=unit.id, action="create", new=name,
                 park_id=park_row.id)
    session.commit()


def add_unit_alias(session: Session, actor: Actor, park: int | str, unit: int | str, alias: str) -> None:
    begin_write(session)
    park_row = lookup.park(session, park)
    require_coordinate(actor, park_row.id)
    unit_row = lookup.unit(session, park_row.id, unit)
    alias = _name(alias, "别名")
    taken = session.scalars(select(UnitAlias).where(UnitAlias.park_id == park_row.id, UnitAlias.alias == alias)).first()
    if taken is not None or session.scalars(select(Unit.id).where(Unit.park_id == park_row.id,
                                                                  Unit.name == alias)).first():
        raise Conflict(f"“{alias}”已是本园区某个单位的名称或别名")
    session.add(UnitAlias(park_id=park_row.id, unit_id=unit_row.id, alias=alias))
    audit.record(session, actor=actor.name, entity="unit", entity_id=unit_row.id, action="update", field="alias",
                 new=alias, park_id=park_row.id)
    session.commit()


def add_person(session: Session, actor: Actor, park: int | str, name: str, title: str | None = None) -> None:
    begin_write(session)
    park_row = lookup.park(session, park)
    require_coordinate(actor, park_row.id)
    name = _name(name, "领导姓名")
    if session.scalars(select(Person.id).where(Person.park_id == park_row.id, Person.name == name)).first():
        raise Conflict(f"领导已存在：{name}")
    person = Person(park_id=park_row.id, name=name, title=(title or "").strip() or None)
    session.add(person)
    session.flush()
    audit.record(session, actor=actor.name, entity="person", entity_id=person.id, action="create", new=name,
                 park_id=park_row.id)
    session.commit()


def add_person_alias(session: Session, actor: Actor, park: int | str, person_id: int, alias: str) -> None:
    begin_write(session)
    park_row = lookup.park(session, park)
    require_coordinate(actor, park_row.id)
    person = session.get(Person, person_id)
    if person is None or person.park_id != park_row.id:
        raise NotFound("本园区没有该领导")
    alias = _name(alias, "别名")
    if session.scalars(select(PersonAlias.id).where(PersonAlias.park_id == park_row.id,
                                                    PersonAlias.alias == alias)).first():
        raise Conflict(f"“{alias}”已是本园区某位领导的别名")
    session.add(PersonAlias(park_id=park_row.id, person_id=person.id, alias=alias))
    session.commit()


def _decimal(value: str, what: str) -> Decimal:
    try:
        number = Decimal((value or "").strip())
    except InvalidOperation:
        raise InvalidInput(f"{what}应为数字") from None
    if not number.is_finite():
        raise InvalidInput(f"{what}应为数字")
    return number


def update_settings(session: Session, actor: Actor, park: int | str, values: dict[str, str]) -> None:
    """Thresholds, ranking weights and the dispatch deadline day, checked by the domain rules, in one go."""
    begin_write(session)
    park_row = lookup.park(session, park)
    require_coordinate(actor, park_row.id)
    try:
        thresholds = Thresholds(_decimal(values.get("green_gap_pct"), "绿灯容差"),
                                _decimal(values.get("yellow_gap_pct"), "黄灯容差"),
                                _decimal(values.get("growth_yellow_gap_pct"), "增速黄灯容差"))
        weights = RankingWeights(_decimal(values.get("timeliness"), "按时报送权重"),
                                 _decimal(values.get("green"), "绿灯占比权重"),
                                 _decimal(values.get("supervision"), "督办办结权重"))
    except DomainError as exc:
        raise InvalidInput(exc.message) from None
    day_text = (values.get("dispatch_deadline_day") or "").strip()
    if not day_text.isdigit() or not 1 <= int(day_text) <= 28:
        raise InvalidInput("报送截止日应为1到28之间的整数（每月几号）")
    settings = session.get(ParkSettings, park_row.id)
    if settings is None:
        settings = ParkSettings(park_id=park_row.id)
        session.add(settings)
    settings.green_gap_pct = thresholds.green_gap_pct
    settings.yellow_gap_pct = thresholds.yellow_gap_pct
    settings.growth_yellow_gap_pct = thresholds.growth_yellow_gap_pct
    settings.ranking_weights = {"timeliness": str(weights.timeliness), "green": str(weights.green),
                                "supervision": str(weights.supervision)}
    settings.dispatch_deadline_day = int(day_text)
    audit.record(session, actor=actor.name, entity="park_settings", entity_id=park_row.id, action="update",
                 note=f"阈值{thresholds.green_gap_pct}/{thresholds.yellow_gap_pct}/{thresholds.growth_yellow_gap_pct}，"
                      f"权重{weights.timeliness}/{weights.green}/{weights.supervision}，截止日{day_text}",
                 park_id=park_row.id)
    session.commit()
