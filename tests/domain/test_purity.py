"""The domain layer stays pure: no I/O, no framework, no other parkgov layer."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import parkgov.domain

DOMAIN = Path(parkgov.domain.__file__).parent
MODULES = sorted(DOMAIN.glob("*.py"))
ALLOWED = {"__future__", "calendar", "collections", "dataclasses", "datetime", "decimal", "enum",
           "functools", "re", "typing", "parkgov"}
FORBIDDEN_CALLS = {"open", "print", "input"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_imports_only_the_standard_library_and_the_domain(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        for name in names:
            assert name.split(".")[0] in ALLOWED, f"{path.name} imports {name}"
            if name.startswith("parkgov"):
                assert name.startswith("parkgov.domain"), f"{path.name} imports {name}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in FORBIDDEN_CALLS, f"{path.name} calls {node.func.id}()"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_every_module_documents_its_public_api(path: Path) -> None:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc, f"{path.name} has no module docstring"
    if path.name != "__init__.py":
        assert "Public API" in doc, f"{path.name} does not list its public API"
