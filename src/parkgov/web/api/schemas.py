"""Request bodies of the JSON API; unknown fields and malformed values are refused with 422."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from fastapi import Path
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from parkgov.services.lookup import MAX_ROW_ID
from parkgov.store.text_guard import holds_nul

#: a row id in a body, and in a path: a positive number the databases can hold
RowId = Annotated[int, Field(gt=0, le=MAX_ROW_ID)]
PathId = Annotated[int, Path(gt=0, le=MAX_ROW_ID)]


def _iso_date_text(value: object) -> object:
    """Dates are written 2025-07-05: a number is no date (pydantic would read it as a Unix time)."""
    if isinstance(value, date) or (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip())):
        return value.strip() if isinstance(value, str) else value
    raise ValueError("应为日期（如 2025-07-05）")


#: a calendar date written as YYYY-MM-DD (query, path or body)
IsoDate = Annotated[date, BeforeValidator(_iso_date_text)]


class ApiError(BaseModel):
    """Every refusal of the API: one Chinese sentence."""

    detail: str = Field(description="拒绝原因（中文）")


class Body(BaseModel):
    """A JSON body: no unknown field, and no text the databases cannot store (PostgreSQL refuses NUL)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*")
    @classmethod
    def _storable_text(cls, v: object) -> object:
        if holds_nul(v):
            raise ValueError("不能包含空字符（\\0）")
        return v


class UserCreate(Body):
    username: str = Field(min_length=1, max_length=100, description="用户名")
    role: str = Field(description="admin / coordinator / reporter / leader / viewer，或中文角色名")
    park: str | None = Field(default=None, description="园区编号或名称")
    unit: str | None = Field(default=None, description="单位编号或名称（部门填报员必填）")
    display_name: str | None = Field(default=None, max_length=100)
    password: str | None = Field(default=None, min_length=8, max_length=200)


class RoundOpen(Body):
    period: str = Field(description="调度月份，如 2025-06", examples=["2025-06"])
    deadline: IsoDate | None = Field(default=None, description="报送截止日期，默认为次月的园区截止日")


class NoteBody(Body):
    task_id: RowId = Field(description="任务编号")
    narrative: str = Field(min_length=1, max_length=5000, description="配合情况说明")
    unit_id: RowId | None = Field(default=None, description="配合单位（调度员代填时使用）")


class ProgressBody(Body):
    kind: Literal["task", "indicator", "project"] = Field(description="事项类型")
    item_id: RowId = Field(description="事项编号")
    state: str | None = Field(default=None, description="not_started / in_progress / completed / lagging 或中文")
    narrative: str | None = Field(default=None, max_length=5000, description="进展情况")
    value: Decimal | None = Field(default=None, description="指标累计完成值，或任务唯一量化目标的完成值")
    value_unit: str | None = Field(default=None, max_length=20)
    yoy_pct: Decimal | None = Field(default=None, ge=-1000, le=100000, description="同比增长（%）")
    target_values: dict[RowId, Decimal] = Field(default_factory=dict, description="任务量化目标编号 → 完成值")
    investment: Decimal | None = Field(default=None, description="项目本月完成投资")
    investment_unit: str | None = Field(default=None, max_length=10)
    milestones: dict[Literal["signed", "started", "completed", "in_production"], IsoDate] = Field(
        default_factory=dict, description="项目节点实际日期")
    unit_id: RowId | None = Field(default=None, description="代填单位（调度员代填时使用）")
    base_revision: int = Field(default=0, ge=0, description="提交前看到的本期最新版本号，首次填报为0")

    @field_validator("value", "investment", "yoy_pct")
    @classmethod
    def _finite(cls, v: Decimal | None) -> Decimal | None:
        if v is not None and not v.is_finite():
            raise ValueError("应为有限的数字")
        if v is not None and abs(v) >= Decimal("1e15"):
            raise ValueError("数值过大")
        return v


class OrderCreate(Body):
    reason: str = Field(min_length=1, max_length=2000, description="督办事由")
    due_date: IsoDate = Field(description="办理期限")
    kind: Literal["task", "indicator", "project"] | None = None
    item_id: RowId | None = None
    unit: str | None = Field(default=None, description="责任单位编号或名称；默认为事项的牵头单位")
    requirement: str | None = Field(default=None, max_length=2000)


class OrderAction(Body):
    action: Literal["assign", "reply", "return", "verify", "close", "escalate"]
    note: str = Field(default="", max_length=5000)
    version: int | None = Field(default=None, ge=1, description="看到的督办单版本号（乐观锁）")
    due_date: IsoDate | None = None


class ProposalsRaise(Body):
    as_of: IsoDate | None = None
    items: list[str] | None = Field(default=None, description="要发起的事项键，如 task:12；不填则全部发起")
    response_days: int = Field(default=10, ge=1, le=365)
