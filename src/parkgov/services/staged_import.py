"""Import from the web: upload a document, review and correct what was extracted, then confirm.

The upload is kept under the data directory (named by its sha256, never served or executed);
the extraction waits in a staging file until the coordinator confirms, then goes through the
import use case (``importing.import_extraction``) in one transaction.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
from dataclasses import fields
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from parkgov.extract.facts import (Amount, CheckFact, DocumentInfo, Extraction, IndicatorFact, ProjectFact,
                                   TargetFact, TaskFact)
from parkgov.services import importing, lookup
from parkgov.services.access import Actor, require_coordinate
from parkgov.services.errors import Forbidden, InvalidInput, NotFound

ALLOWED_SUFFIXES = (".txt", ".docx", ".xlsx", ".pdf")
MAX_BYTES = 20 * 1024 * 1024
KINDS = ("tasks", "indicators", "projects")
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
#: the fields a reviewer may correct, per kind; list fields are typed with 、 or commas between names
EDITABLE = {
    "tasks": ("seq", "category", "item", "requirement", "leaders", "departments", "deadline"),
    "indicators": ("name", "value", "unit", "yoy_pct", "period"),
    "projects": ("name", "unit"),
}
_LIST_FIELDS = {"leaders", "departments"}
_NUMBER_FIELDS = {"value", "yoy_pct"}


def uploads_dir(data_dir: Path) -> Path:
    path = Path(data_dir) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _staging_dir(data_dir: Path) -> Path:
    path = Path(data_dir) / "staging"
    path.mkdir(parents=True, exist_ok=True)
    return path


def stored_upload(data_dir: Path, sha256: str) -> Path | None:
    """The kept original of an uploaded document, if it was uploaded through the web."""
    if not re.fullmatch(r"[0-9a-f]{64}", sha256 or ""):
        return None
    return next((p for p in (uploads_dir(data_dir) / f"{sha256}{s}" for s in ALLOWED_SUFFIXES) if p.is_file()), None)


def _display_name(name: str) -> str:
    base = Path((name or "").replace("\\", "/")).name.strip()
    return re.sub(r"[\x00-\x1f]", "", base)[:200] or "未命名文件"


def _extraction(data: dict) -> Extraction:
    def build(cls, d):
        return cls(**{f.name: d[f.name] for f in fields(cls) if f.name in d})

    tasks = []
    for t in data.get("tasks", []):
        task = build(TaskFact, t)
        task.targets = [build(TargetFact, x) for x in t.get("targets", [])]
        tasks.append(task)
    projects = []
    for p in data.get("projects", []):
        project = build(ProjectFact, p)
        for name in ("total_investment", "annual_plan", "completed"):
            value = p.get(name)
            setattr(project, name, build(Amount, value) if value else None)
        projects.append(project)
    return Extraction(source=dict(data["source"]), document=build(DocumentInfo, data["document"]),
                      indicators=[build(IndicatorFact, i) for i in data.get("indicators", [])], tasks=tasks,
                      projects=projects, checks=[build(CheckFact, c) for c in data.get("checks", [])])


def _path(data_dir: Path, token: str) -> Path:
    if not _TOKEN.fullmatch(token or ""):
        raise NotFound("找不到该导入批次，可能已确认或已过期，请重新上传")
    return _staging_dir(data_dir) / f"{token}.json"


def _load(data_dir: Path, actor: Actor, token: str) -> dict:
    path = _path(data_dir, token)
    if not path.is_file():
        raise NotFound("找不到该导入批次，可能已确认或已过期，请重新上传")
    staged = json.loads(path.read_text("utf-8"))
    if staged["user_id"] != actor.user_id:
        raise Forbidden("这是其他用户上传的文件，不能查看或确认")
    return staged


def _save(data_dir: Path, token: str, staged: dict) -> None:
    path = _path(data_dir, token)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(staged, ensure_ascii=False), "utf-8")
    os.replace(tmp, path)


def stage_upload(session: Session, actor: Actor, park: int | str, file_name: str, data: bytes,
                 data_dir: Path) -> str:
    """Keep the upload, extract it and stage the result; returns the staging token.

    Statements about several projects at once (totals, counts by stage) start out dropped: they are
    not projects of the ledger, though the reviewer may take them back in.
    """
    park_row = lookup.park(session, park)
    require_coordinate(actor, park_row.id)
    shown = _display_name(file_name)
    suffix = Path(shown).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise InvalidInput(f"不支持“{shown}”的文件类型，请上传 .txt、.docx、.xlsx 或 .pdf 文件")
    if not data:
        raise InvalidInput(f"“{shown}”是空文件，请重新选择")
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"“{shown}”超过20MB，请拆分或压缩后再上传")
    sha = hashlib.sha256(data).hexdigest()
    stored = uploads_dir(data_dir) / f"{sha}{suffix}"
    if not stored.exists():
        tmp = stored.with_name(f".{sha}.{secrets.token_hex(4)}.part")
        tmp.write_bytes(data)
        os.replace(tmp, stored)
    try:
        extraction = importing.extract_file(stored)
    except importing.ImportRefused as exc:
        raise InvalidInput(exc.message.replace(stored.name, shown)) from None
    extraction.source["path"] = shown
    token = secrets.token_urlsafe(24)
    dropped = {k: [] for k in KINDS}
    dropped["projects"] = [i for i, p in enumerate(extraction.projects) if p.aggregate]
    _save(data_dir, token, {"user_id": actor.user_id, "park_id": park_row.id, "park": park_row.name,
                            "file_name": shown, "sha256": sha, "suffix": suffix,
                            "staged_at": datetime.now(timezone.utc).isoformat(),
                            "extraction": extraction.to_json(), "dropped": dropped})
    return token


def _kept(staged: dict) -> Extraction:
    data = dict(staged["extraction"])
    for kind in KINDS:
        dropped = set(staged["dropped"].get(kind, []))
        data[kind] = [row for i, row in enumerate(data.get(kind, [])) if i not in dropped]
    return _extraction(data)


def review(session: Session, actor: Actor, token: str, data_dir: Path) -> dict:
    """The staged extraction, the document text and what importing it would change (nothing is written)."""
    from parkgov.extract.readers import read_document

    staged = _load(data_dir, actor, token)
    require_coordinate(actor, staged["park_id"])
    path = uploads_dir(data_dir) / f"{staged['sha256']}{staged['suffix']}"
    text = read_document(path).text if path.is_file() else ""
    plan, refusal = None, None
    try:
        plan = importing.plan_import(session, _kept(staged), staged["park"], file_name=staged["file_name"])
    except importing.ImportRefused as exc:
        refusal = exc.message
    finally:
        session.rollback()
    return {"token": token, "staged": staged, "text": text, "plan": plan, "refusal": refusal}


def _parse(field_name: str, raw: str):
    text = (raw or "").strip()
    if field_name in _LIST_FIELDS:
        return [n for n in re.split(r"[、,，;；\s]+", text) if n]
    if field_name in _NUMBER_FIELDS:
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            raise InvalidInput(f"“{text}”不是数字") from None
    return text or None


def correct_row(actor: Actor, token: str, data_dir: Path, kind: str, index: int, values: dict[str, str]) -> dict:
    """Correct the fields of one extracted row; returns the row as it now stands."""
    staged = _load(data_dir, actor, token)
    require_coordinate(actor, staged["park_id"])
    rows = staged["extraction"].get(kind) if kind in KINDS else None
    if rows is None or not 0 <= index < len(rows):
        raise NotFound("找不到要修改的行")
    row = rows[index]
    for name, raw in values.items():
        if name in EDITABLE[kind]:
            row[name] = _parse(name, raw)
    if kind == "tasks" and not (row.get("item") or row.get("requirement")):
        raise InvalidInput("任务的“项目”和“任务要求”不能都为空")
    if kind in ("indicators", "projects") and not row.get("name"):
        raise InvalidInput("名称不能为空")
    _save(data_dir, token, staged)
    return row


def drop_row(actor: Actor, token: str, data_dir: Path, kind: str, index: int, dropped: bool = True) -> None:
    """Leave a row out of the import (or take it back in)."""
    staged = _load(data_dir, actor, token)
    require_coordinate(actor, staged["park_id"])
    if kind not in KINDS or not 0 <= index < len(staged["extraction"].get(kind, [])):
        raise NotFound("找不到要删除的行")
    marks = set(staged["dropped"].get(kind, []))
    (marks.add if dropped else marks.discard)(index)
    staged["dropped"][kind] = sorted(marks)
    _save(data_dir, token, staged)


def confirm(factory: sessionmaker[Session], actor: Actor, token: str, data_dir: Path) -> importing.ImportOutcome:
    """Import the reviewed rows (a revision is confirmed by this call) in one transaction."""
    staged = _load(data_dir, actor, token)
    with factory() as session:
        require_coordinate(actor, staged["park_id"])
    try:
        outcome = importing.import_extraction(factory, _kept(staged), staged["park"], file_name=staged["file_name"],
                                              confirm=lambda _plan: True, actor=actor.name)
    except importing.ImportRefused as exc:
        raise InvalidInput(exc.message) from None
    _path(data_dir, token).unlink(missing_ok=True)
    return outcome


def discard(actor: Actor, token: str, data_dir: Path) -> None:
    """Forget a staged import (the kept upload stays, named by its hash)."""
    _load(data_dir, actor, token)
    _path(data_dir, token).unlink(missing_ok=True)
