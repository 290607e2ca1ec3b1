"""Same extraction across formats: seeds 000 and 004 as .txt, .docx, .xlsx and .pdf.

``extract_path`` on each form of a seed (built at test time by ``seed_forms``) must find the
same indicators (name, value, unit) and the same tasks (seq, leaders, departments) as on the
.txt. The .xlsx form holds only the tables (and their titles), so it is compared on what the
tables carry: the tasks, and for seed 004 (a responsibility table and nothing else) the
indicators too.
"""
from __future__ import annotations

from collections import Counter

import pytest

from extract.seed_forms import Forms, build_forms
from seed_paths import SEEDS
from parkgov.extract.pipeline import extract_path

pytestmark = pytest.mark.slow

PREFIXES = ["000", "004"]


@pytest.fixture(scope="module")
def forms(tmp_path_factory) -> dict[str, Forms]:
    out = tmp_path_factory.mktemp("pipeline_forms")
    return {p: build_forms(next(SEEDS.glob(f"{p}_*.txt")), out / p) for p in PREFIXES}


def squash(s: str | None) -> str:
    return "".join((s or "").split())


def indicators(result) -> Counter:
    return Counter((squash(i.name), i.value, i.unit) for i in result.indicators)


def tasks(result) -> list[tuple]:
    return [(t.seq, tuple(squash(x) for x in t.leaders), tuple(squash(x) for x in t.departments))
            for t in result.tasks]


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_same_tasks_in_every_format(forms, prefix, fmt):
    base = extract_path(forms[prefix].txt)
    other = extract_path(forms[prefix].all()[fmt])
    assert other.source["format"] == fmt
    assert tasks(base), "the .txt form should give tasks"
    assert tasks(other) == tasks(base)


@pytest.mark.parametrize("prefix,fmt", [("000", "docx"), ("000", "pdf"), ("004", "docx"), ("004", "pdf"), ("004", "xlsx")])
def test_same_indicators_in_every_format(forms, prefix, fmt):
    base = extract_path(forms[prefix].txt)
    other = extract_path(forms[prefix].all()[fmt])
    assert indicators(base), "the .txt form should give indicators"
    missing = indicators(base) - indicators(other)
    extra = indicators(other) - indicators(base)
    assert not missing and not extra, f"missing in .{fmt}: {sorted(missing)}; only in .{fmt}: {sorted(extra)}"
