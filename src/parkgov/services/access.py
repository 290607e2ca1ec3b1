"""Who may do what: roles, the acting user, and the checks every use case runs."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from parkgov.services.errors import Forbidden


class Role(str, Enum):
    """The five roles of the product."""

    admin = "admin"              # 系统管理员: everything, every park
    coordinator = "coordinator"  # 调度员: runs rounds, supervision and rankings of one park
    reporter = "reporter"        # 部门填报员: submits progress for the rows of one unit
    leader = "leader"            # 领导: reads one park, raises supervision orders
    viewer = "viewer"            # 上级部门: reads every park, writes nothing


ROLE_LABELS = {
    Role.admin: "系统管理员",
    Role.coordinator: "调度员",
    Role.reporter: "部门填报员",
    Role.leader: "领导",
    Role.viewer: "上级部门",
}


@dataclass(frozen=True)
class Actor:
    """The authenticated caller of a use case."""

    user_id: int | None
    name: str
    role: Role
    park_id: int | None = None
    unit_id: int | None = None

    @classmethod
    def system(cls) -> "Actor":
        """The local operator at the command line: acts as an administrator."""
        return cls(user_id=None, name="命令行", role=Role.admin)


def require_read(actor: Actor, park_id: int) -> None:
    """Anyone may read their own park; admins and viewers read every park."""
    if actor.role in (Role.admin, Role.viewer):
        return
    if actor.park_id != park_id:
        raise Forbidden("无权查看其他园区的数据")


def require_coordinate(actor: Actor, park_id: int) -> None:
    """Open rounds, manage orders, rank: an admin or the park's coordinator."""
    if actor.role is Role.admin:
        return
    if actor.role is Role.coordinator and actor.park_id == park_id:
        return
    raise Forbidden("只有本园区的调度员或管理员可以执行此操作")


def require_raise_order(actor: Actor, park_id: int) -> None:
    """Raise a supervision order: coordinators, admins, and the park's leaders."""
    if actor.role is Role.leader and actor.park_id == park_id:
        return
    require_coordinate(actor, park_id)


def require_unit_write(actor: Actor, park_id: int, unit_id: int | None) -> None:
    """Write a row owned by ``unit_id``: its own reporter, or a coordinator/admin of the park."""
    if actor.role is Role.reporter:
        if actor.park_id == park_id and unit_id is not None and actor.unit_id == unit_id:
            return
        raise Forbidden("只能填报本单位负责的事项，不能代其他单位填报")
    if actor.role in (Role.viewer, Role.leader):
        raise Forbidden("当前账号为只读角色，不能填报或修改数据")
    require_coordinate(actor, park_id)


def require_admin(actor: Actor) -> None:
    """Manage users and tokens."""
    if actor.role is not Role.admin:
        raise Forbidden("只有系统管理员可以管理用户")
