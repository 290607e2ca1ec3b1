"""The grammar of Chinese figures on fictional phrasing."""
from __future__ import annotations

import pytest

from parkgov.extract.figures import find_growths, find_quantities, parse_number


@pytest.mark.parametrize("text, expected", [
    ("1,280.5", 1280.5), ("３２", 32.0), ("两千", 2000.0), ("3千", 3000.0), ("十二", 12.0),
    ("一百零五", 105.0), ("abc", None), ("", None), ("十百千", None),
])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text, value, unit, comparator", [
    ("全年引进资金两千万元", 2000, "万元", None),
    ("带动就业5千余人", 5000, "人", ">="),
    ("印发手册1200余份", 1200, "份", ">="),
    ("其中地方债3千万元", 3000, "万元", None),
    ("建成十二个服务站", 12, "个", None),
    ("占比达到百分之五", 5, "%", None),
    ("营业收入突破 52.6 亿元", 52.6, "亿元", ">="),
    ("力争培育2-4个品牌", 2, "个", ">="),
    ("失业率控制在3.8%以内", 3.8, "%", "<="),
    ("亩均税收超过 20 万元/亩", 20, "万元/亩", ">="),
    ("出口额１２３４万美元", 1234, "万美元", None),
    ("新建厂房4.2万平方米", 4.2, "万平方米", None),
    ("平整土地约800亩", 800, "亩", "≈"),
    ("接待来访60人次左右", 60, "人次", "≈"),
    ("进出口总额1.2亿美元以上", 1.2, "亿美元", ">="),
    ("研发投入强度提高0.5个百分点", 0.5, "个百分点", None),
    ("事故率低于千分之三", 3, "‰", "<="),
])
def test_find_quantities(text, value, unit, comparator):
    found = find_quantities(text)
    q = found[-1]
    assert (q.value, q.unit, q.comparator) == (value, unit, comparator)
    assert q.start <= q.num_start < q.end <= len(text)


@pytest.mark.parametrize("text", ["2025年3月15日", "园区〔2024〕12号", "G60科创走廊", "110KV变电站"])
def test_no_quantity_in_dates_numbers_and_names(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, pct, comparator", [
    ("税收1.2亿元，同比增长12.5%", 12.5, None),
    ("比上年同期增加7%", 7.0, None),
    ("能耗同比下降3.2%", -3.2, None),
    ("年均增速不低于 15%", 15.0, ">="),
    ("生产总值增长6%以上", 6.0, ">="),
    ("排放削减 8%", -8.0, None),
])
def test_find_growths(text, pct, comparator):
    g = find_growths(text)[-1]
    assert (g.pct, g.comparator) == (pct, comparator)


def test_spans_point_into_the_text():
    text = "园区实现营收８８亿元，增长９％"
    q = find_quantities(text)[0]
    assert text[q.num_start:q.end] == "８８亿元"
    g = find_growths(text)[0]
    assert text[g.start:g.end] == "增长９％"


def test_fraction_is_a_share_without_unit():
    [q] = find_quantities("占比不足三分之一")
    assert (q.value, q.unit, q.kind) == (0.3333, "", "percent")
    assert find_quantities("五分之七") == []


@pytest.mark.parametrize("text, pct, comparator", [
    ("增长5%-8%", 5.0, ">="), ("增长5-8%", 5.0, ">="), ("同比增长-3.5%", -3.5, None),
    ("增速≥6%", 6.0, ">="), ("较上年同期增长4.1%", 4.1, None),
])
def test_growth_ranges_signs_and_symbols(text, pct, comparator):
    [g] = find_growths(text)
    assert (g.pct, g.comparator) == (pct, comparator)


@pytest.mark.parametrize("text, comparator", [
    ("营收超100亿元", ">="), ("赶超50亿元", None), ("企业5家及以上", ">="), ("不到5%", "<="),
])
def test_more_comparators(text, comparator):
    assert find_quantities(text)[0].comparator == comparator


def test_repeated_scans_give_fresh_lists():
    first = find_quantities("新建厂房3栋，配套道路2.5公里")
    first.clear()
    assert [(q.value, q.unit) for q in find_quantities("新建厂房3栋，配套道路2.5公里")] == [(3, "栋"), (2.5, "公里")]
    growths = find_growths("税收同比增长6.5%")
    growths.append(None)
    assert len(find_growths("税收同比增长6.5%")) == 1
