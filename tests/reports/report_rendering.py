"""Word → PDF → text and PNG with LibreOffice and poppler, for the report tests."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "reports"
FONTS_CONF = Path(__file__).with_name("fonts.conf")
_PAGE_NUMBER = re.compile(r"^\s*—\s*\d+\s*—\s*$")


@dataclass
class Rendered:
    """A .docx converted to PDF: its text (pdftotext) and page count."""

    pdf: Path
    text: str
    layout_text: str
    pages: int
    page_size_pt: tuple[float, float]

    @property
    def body(self) -> str:
        """The text without the page numbers (``— 2 —``), so a paragraph across pages reads whole."""
        return "\n".join(line for line in self.text.splitlines() if not _PAGE_NUMBER.match(line))


def _pdfinfo(pdf: Path) -> tuple[int, tuple[float, float]]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    size = next(line for line in info.splitlines() if line.startswith("Page size:")).split()
    return pages, (float(size[2]), float(size[4]))


def render(docx_files: list[Path], out_dir: Path, png_prefix: str | None = None) -> dict[str, Rendered]:
    """Convert ``docx_files`` to PDF in one LibreOffice run; save the first page of each as PNG."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = Path(f"/tmp/lo_profile_reports_{uuid.uuid4().hex}")
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
    try:
        subprocess.run(["libreoffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        "pdf", "--outdir", str(out_dir), *map(str, docx_files)],
                       env=env, capture_output=True, timeout=180, check=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    result = {}
    for docx in docx_files:
        pdf = out_dir / (docx.stem + ".pdf")
        assert pdf.exists(), f"LibreOffice did not convert {docx.name}"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                check=True).stdout
        pages, size = _pdfinfo(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(ARTIFACTS / f"{png_prefix or ''}{docx.stem}-page1")], env=env, check=True)
        result[docx.stem] = Rendered(pdf, text, layout, pages, size)
    return result


def squeeze(text: str) -> str:
    """Text without any whitespace, so line breaks of the PDF do not split figures or words."""
    return "".join(text.split())
