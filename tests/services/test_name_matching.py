"""Matching written unit and leader names: exact, alias, unambiguous normalised."""
from __future__ import annotations

from parkgov.services.name_matching import ALIAS, EXACT, NORMALISED, NameIndex, normalise, park_prefixes


def test_normalise_strips_administrative_prefixes_and_the_parks_name():
    prefixes = park_prefixes("湖南青禾经济开发区", "青禾经开区")
    assert normalise("县自然资源局", prefixes) == "自然资源局"
    assert normalise("青禾县发改局", prefixes) == "发改局"
    assert normalise("青禾经开区规划建设局", prefixes) == "规划建设局"
    assert normalise("园区 规划 建设局", prefixes) == "规划建设局"
    assert normalise("区商务局", prefixes) == "商务局"


def test_normalise_keeps_words_that_only_start_like_a_prefix():
    assert normalise("市场监管局") == "市场监管局"
    assert normalise("县市场监督管理局") == "市场监督管理局"
    assert normalise("区域发展中心") == "区域发展中心"
    assert normalise("县局") == "县局"  # nothing meaningful would be left


def test_match_order_and_ambiguity():
    index = NameIndex({1: "自然资源局", 2: "发改局", 3: "区发改局", 4: "商务局"}, {"招商局": 4},
                      park_prefixes("云溪经开区"))
    assert (index.match("自然资源局").how, index.match("自然资源局").existing_id) == (EXACT, 1)
    assert (index.match("招商局").how, index.match("招商局").existing_id) == (ALIAS, 4)
    m = index.match("县自然资源局")
    assert (m.how, m.existing_id, m.existing_name) == (NORMALISED, 1, "自然资源局")
    assert index.match("云溪经开区商务局").existing_id == 4
    ambiguous = index.match("县发改局")
    assert ambiguous.existing_id is None and ambiguous.ambiguous == ("区发改局", "发改局")
    assert index.match("财政局").existing_id is None and index.match("财政局").ambiguous == ()
