"""Pages: upload a plan, review what was extracted against the highlighted text, correct or drop rows, confirm."""
from __future__ import annotations

from fastapi import APIRouter
from starlette.datastructures import UploadFile
from fastapi.responses import RedirectResponse

from parkgov.services import staged_import
from parkgov.services.access import require_coordinate
from parkgov.services.document_view import fact_marks
from parkgov.services.errors import InvalidInput
from parkgov.web.pages.context import PageDep
from parkgov.web.pages.highlight import segments
from parkgov.web.pages.security import data_dir
from parkgov.web.pages.upload_limit import MAX_UPLOAD_BYTES, TOO_LARGE

router = APIRouter()
_CHUNK = 1024 * 1024


@router.get("/import")
def upload_form(page: PageDep):
    require_coordinate(page.actor, page.park_id)
    return page.render("import_upload.html")


@router.post("/import")
async def upload(page: PageDep):
    require_coordinate(page.actor, page.park_id)
    form = await page.request.form(max_files=1, max_fields=10)
    file = form.get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        raise InvalidInput("请选择要上传的文件（.txt、.docx、.xlsx 或 .pdf）")
    data = bytearray()
    while chunk := await file.read(_CHUNK):
        data += chunk
        if len(data) > MAX_UPLOAD_BYTES:
            raise InvalidInput(TOO_LARGE)
    token = staged_import.stage_upload(page.session, page.actor, page.park_id, file.filename, bytes(data), data_dir())
    return RedirectResponse(f"/import/{token}", status_code=303)


def _review_page(page, token: str, message: str | None = None):
    review = staged_import.review(page.session, page.actor, token, data_dir())
    extraction = review["staged"]["extraction"]
    parts = segments(review["text"], fact_marks(extraction)) if review["text"] else []
    dropped = {k: set(v) for k, v in review["staged"]["dropped"].items()}
    return page.render("import_review.html", review=review, x=extraction, parts=parts, dropped=dropped,
                       plan=review["plan"], flash=message)


@router.get("/import/{token}")
def review_page(token: str, page: PageDep):
    return _review_page(page, token)


@router.post("/import/{token}/rows/{kind}/{index}")
async def correct(token: str, kind: str, index: int, page: PageDep):
    form = await page.request.form()
    if form.get("drop") in ("1", "0"):
        staged_import.drop_row(page.actor, token, data_dir(), kind, index, form.get("drop") == "1")
        message = "已删除该行，确认导入时不会写入" if form.get("drop") == "1" else "已恢复该行"
    else:
        values = {k: v for k, v in form.items() if k in staged_import.EDITABLE.get(kind, ())}
        staged_import.correct_row(page.actor, token, data_dir(), kind, index, values)
        message = "已保存修改"
    return RedirectResponse(f"/import/{token}?saved={message}#{kind}-row-{index}", status_code=303)


@router.post("/import/{token}/confirm")
def confirm(token: str, page: PageDep):
    outcome = staged_import.confirm(page.request.app.state.session_factory, page.actor, token, data_dir())
    if not outcome.applied:
        return _review_page(page, token, outcome.message)
    return page.render("import_done.html", outcome=outcome)


@router.post("/import/{token}/discard")
def discard(token: str, page: PageDep):
    staged_import.discard(page.actor, token, data_dir())
    return RedirectResponse("/import", status_code=303)
