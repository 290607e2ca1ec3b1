"""Runs every extractor over one read document and assembles the contract's JSON."""
from __future__ import annotations

from pathlib import Path

from parkgov.extract.checks import find_checks
from parkgov.extract.document import Document
from parkgov.extract.facts import Extraction
from parkgov.extract.indicators import extract_indicators
from parkgov.extract.metadata import extract_metadata
from parkgov.extract.projects import extract_projects
from parkgov.extract.readers import read_document
from parkgov.extract.tasks import extract_tasks


def extract_document(doc: Document) -> Extraction:
    """Extract metadata, indicators, tasks, projects and checks from a read document."""
    info = extract_metadata(doc)
    indicators = extract_indicators(doc, info)
    tasks = extract_tasks(doc, info)
    projects = extract_projects(doc, info)
    checks = find_checks(doc, indicators)
    source = {"path": doc.path, "format": doc.format, "sha256": doc.sha256, "chars": len(doc.text)}
    return Extraction(source=source, document=info, indicators=indicators, tasks=tasks,
                      projects=projects, checks=checks)


def extract_path(path: str | Path) -> Extraction:
    """Read and extract one file; raises ``ExtractError`` with a Chinese message on bad input."""
    return extract_document(read_document(Path(path)))
