"""Extraction scored on the generated documents: a second corpus nobody annotated by hand.

Ten parks: the five demo parks and five whose table layouts are drawn at random; 70 files
(.txt in UTF-8 or GB18030, .docx, .xlsx). Observed on 2026-11-22 at 02:30 UTC: indicators
1578/1595 found (the misses are counts in Chinese numerals, ``新增省级专精特新企业四家``),
precision 1.0, growth, comparator and kind right on every match; tasks 1286/1286 with
leaders and departments exact; projects 227/227 with their money; 3 project facts per plan
(the prose counts). Earlier the same day indicators were at 0.988, tasks at 0.77 and plans
gave 20-50 project rows each; the floors leave room for such swings and catch regressions.
"""
from __future__ import annotations

import pytest

from parkgov.demo.scoring import Score, score_document
from parkgov.extract.pipeline import extract_path


@pytest.fixture(scope="module")
def scores(demo_parks, variety_parks, demo_folder) -> dict[str, Score]:
    by_kind: dict[str, Score] = {}
    for park in demo_parks + variety_parks:
        names = (park.profile.short, park.profile.full)
        for doc in park.documents:
            for fmt in doc.formats:
                result = extract_path(demo_folder / f"{doc.stem}.{fmt}").to_json()
                by_kind.setdefault(f"{doc.genre}.{fmt}", Score()).__iadd__(score_document(doc, result, names))
    total = Score()
    for kind, score in sorted(by_kind.items()):
        print(f"{kind}: {score.summary()}")
        total += score
    by_kind["all"] = total
    print(f"all: {total.summary()}")
    return by_kind


def test_indicators_recalled(scores):
    for kind in ("plan.txt", "plan.docx", "action_plan.txt", "summary.txt"):
        assert scores[kind].indicator_recall >= 0.9, (kind, scores[kind].misses[:10])
    assert scores["all"].indicator_recall >= 0.97


def test_growth_comparator_and_kind_of_matched_indicators(scores):
    s = scores["all"]
    assert s.growth_ok >= 0.9 * s.indicators_matched
    assert s.comparator_ok >= 0.85 * s.indicators_matched
    assert s.kind_ok >= 0.85 * s.indicators_matched


def test_tasks_recalled_with_exact_people(scores):
    assert scores["action_plan.txt"].task_recall >= 0.9
    for kind in ("plan.txt", "plan.docx"):
        assert scores[kind].task_recall >= 0.95, (kind, scores[kind].misses[:10])
    assert scores["all"].people_rate >= 0.97


def test_projects_read_from_the_project_table(scores):
    s = scores["project_table.xlsx"]
    assert s.project_recall >= 0.9
    assert s.project_money_ok >= 0.9 * s.projects_matched


def test_genre_and_park_named(scores):
    s = scores["all"]
    assert s.genre_ok >= 0.8 * s.documents
    assert s.park_ok >= 0.8 * s.documents


def test_plans_yield_no_project_rows(scores):
    """A responsibility table has a 项目 column and a target table a 单位 column: neither is a project table."""
    s = scores["plan.txt"]
    assert s.projects_found <= 8 * s.documents
