"""Document metadata on fictional documents and on the seeds' gold annotations."""
from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seed_paths import GOLD, SEEDS

from parkgov.extract.document import Document, Paragraph
from parkgov.extract.metadata import extract_metadata, find_title, genre_of_title, squeeze
from parkgov.extract.readers import read_document


def make_doc(text: str) -> Document:
    blocks, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Paragraph(line, pos))
        pos += len(line) + 1
    return Document(path="x.txt", format="txt", sha256="0", text=text, blocks=blocks)


NOTICE = """青山经济技术开发区管理委员会文件

青开管发[2024]12号

中共青山经济技术开发区工作委员会
青山经济技术开发区管理委员会
关于印发《青山经济技术开发区2024年重点工作实施方案》的
通  知

各部门、各企业：
现将《青山经济技术开发区2024年重点工作实施方案》印发给你们，请认真执行。

中共青山经济技术开发区工作委员会
青山经济技术开发区管理委员会
2024年3月8日

青山经开区 2024 年重点工作实施方案
一、总体要求
坚持稳中求进，2023年完成规模工业总产值80亿元。
"""

WEB_PAGE = """网站支持IPv6
设为首页 加入收藏
当前位置：首页 > 政务公开
白河高新区2023年工作总结
来源：白河高新技术产业开发区管理委员会 发布时间：2024-01-10 09:30 【字体：大 中 小】
2023年，白河高新区坚持项目为王，全年完成技工贸总收入120亿元。
"""


def test_forwarding_notice_has_the_inner_title_and_the_signature_issuers():
    info = extract_metadata(make_doc(NOTICE))
    assert info.title == "青山经济技术开发区2024年重点工作实施方案"
    assert info.doc_number == "青开管发〔2024〕12号"
    assert info.issuer == "中共青山经济技术开发区工作委员会、青山经济技术开发区管理委员会"
    assert info.date == "2024-03-08"
    assert info.park == "青山经济技术开发区"
    assert info.year == 2024
    assert info.genre == "action_plan"


def test_web_page_noise_is_not_the_title_and_labels_give_issuer_and_date():
    info = extract_metadata(make_doc(WEB_PAGE))
    assert info.title == "白河高新区2023年工作总结"
    assert info.issuer == "白河高新技术产业开发区管理委员会"
    assert info.date == "2024-01-10"
    assert info.park == "白河高新技术产业开发区"
    assert info.year == 2023
    assert info.genre == "summary"
    assert info.doc_number is None


def test_round_brackets_in_document_number_are_normalised():
    doc = make_doc("石门县人民政府办公室\n石政办函（2022）7号\n石门工业园区2022年工作要点\n一、目标\n")
    info = extract_metadata(doc)
    assert info.doc_number == "石政办函〔2022〕7号"
    assert info.genre == "plan"
    assert info.park == "石门工业园区"


def test_park_from_the_body_when_title_and_issuer_do_not_name_it():
    body = "\n".join(f"{i}. 支持松岭经开区建设标准厂房，推动松岭经开区扩区。" for i in range(1, 4))
    doc = make_doc("松岭县推进园区高质量发展三年行动方案\n" + body)
    info = extract_metadata(doc)
    assert info.park == "松岭经开区"
    assert info.genre == "action_plan"
    assert info.year is None or info.year > 1900


@pytest.mark.parametrize("title,genre", [
    ("某某园区2025年工作要点", "plan"),
    ("某某园区2025年重点工作任务分解表", "task_table"),
    ("某某园区2025年建设项目计划表", "project_table"),
    ("某某园区2024年工作总结暨2025年工作打算", "summary"),
    ("某某园区优化营商环境行动方案", "action_plan"),
    ("某某园区简介", None),
    ("某某园区2025年重点项目建设计划", "project_table"),
    ("某某园区2025年重点工作任务分解", "task_table"),
    ("某某园区2025年工作计划", "plan"),
])
def test_genre_from_title_words(title, genre):
    assert genre_of_title(title) == genre


def test_genre_from_content_when_the_title_is_silent():
    doc = make_doc("金沙园区2025年上半年情况\n现将上半年工作总结如下：\n一、主要工作开展情况\n")
    assert extract_metadata(doc).genre == "summary"


def test_squeeze_removes_blanks_next_to_chinese_only():
    assert squeeze("兴隆经开区 2024 年工作 总结") == "兴隆经开区2024年工作总结"
    assert squeeze("SPCS ABC 项目") == "SPCS ABC项目"


def test_title_skips_numbered_lines_and_sentences():
    lines = ["一、指导思想", "坚持稳中求进，持续推动经济增长。", "平江高新区年度工作计划"]
    assert find_title(lines) == "平江高新区年度工作计划"


@pytest.mark.parametrize("text", ["", "\n\n", "。。。", "\t\t\t", "2025年", "〔〕号"])
def test_bad_input_never_raises(text):
    info = extract_metadata(make_doc(text))
    assert info.genre in {"plan", "action_plan", "summary", "task_table", "project_table", "other"}


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _gold_cases():
    return sorted(GOLD.glob("*.json")) if GOLD.is_dir() else []


@pytest.mark.parametrize("gold_path", _gold_cases(), ids=lambda p: p.name[:3])
def test_seed_documents_match_their_gold_fields(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = read_document(SEEDS / gold["file"])
    info = extract_metadata(doc)
    elapsed = min(_timed(lambda: extract_metadata(doc)) for _ in range(3))
    for key in ("title", "doc_number", "issuer", "date", "park", "year", "genre"):
        assert getattr(info, key) == gold["document"][key], key
    assert elapsed < 0.05


def test_title_on_two_lines_and_a_date_in_chinese_numerals():
    doc = make_doc("湘潭天易经开区2026年\n工作要点\n一、总体思路\n坚持稳中求进。\n"
                   "湘潭天易经开区管理委员会\n二〇二六年一月十八日\n")
    info = extract_metadata(doc)
    assert info.title == "湘潭天易经开区2026年工作要点"
    assert info.date == "2026-01-18"
    assert info.issuer == "湘潭天易经开区管理委员会"
    assert info.park == "湘潭天易经开区"
    assert info.genre == "plan"


def test_issuer_from_the_document_header_when_unsigned():
    doc = make_doc("临澧县人民政府办公室文件\n临政办发〔2023〕9号\n关于加快临澧高新区发展的若干措施\n一、目标\n")
    info = extract_metadata(doc)
    assert info.issuer == "临澧县人民政府办公室"
    assert info.title == "关于加快临澧高新区发展的若干措施"
    assert info.year == 2023


def test_government_site_metadata_block():
    doc = make_doc("无障碍 | 繁體 | 登录\n索引号：4313-00-2025-001\n发布机构：清溪县人民政府办公室\n"
                   "发文字号：清政办发〔2025〕3号\n成文日期：2025年03月12日\n"
                   "清溪县人民政府办公室关于印发《清溪工业集中区2025年工作要点》的通知\n各乡镇：\n")
    info = extract_metadata(doc)
    assert info.title == "清溪工业集中区2025年工作要点"
    assert info.doc_number == "清政办发〔2025〕3号"
    assert info.issuer == "清溪县人民政府办公室"
    assert info.date == "2025-03-12"
    assert info.park == "清溪工业集中区"


_ALPHABET = "关于印发《》的通知〔〕[]()（）2025年月日号区经开高新管委会委员会\n -:：来源发布时间一二〇十文件总结要点"


@settings(max_examples=80, deadline=None)
@given(st.text(_ALPHABET, max_size=200))
def test_fuzzed_heads_never_raise(text):
    from parkgov.extract.metadata import _extract
    info = _extract(make_doc(text))
    assert info.date is None or len(info.date) == 10


def test_forwarding_notice_without_title_brackets():
    doc = make_doc("临江县人民政府办公室\n关于印发临江县工业园区提质升级三年行动方案（2024—2026年）的通知\n各乡镇：\n"
                   "临江工业园区要……\n临江县人民政府办公室\n2024年1月5日\n")
    info = extract_metadata(doc)
    assert info.title == "临江县工业园区提质升级三年行动方案（2024—2026年）"
    assert info.genre == "action_plan" and info.year == 2024 and info.date == "2024-01-05"
    assert info.park == "临江县工业园区"


def test_a_notice_about_something_else_keeps_its_own_title():
    info = extract_metadata(make_doc("白沙经济开发区管理委员会\n关于做好2024年安全生产检查的通知\n各企业：\n"))
    assert info.title == "关于做好2024年安全生产检查的通知"


def test_signature_before_a_long_annex():
    body = "\n".join(f"{k}.推进第{k}项重点工作，确保按期完成。" for k in range(1, 60))
    annex = "\n".join(f"{k}\t第{k}项\t经发局" for k in range(1, 40))
    doc = make_doc(f"松岭经开区2025年工作要点\n{body}\n松岭经济开发区管理委员会\n2025年2月10日\n附件\n{annex}\n")
    info = extract_metadata(doc)
    assert info.issuer == "松岭经济开发区管理委员会" and info.date == "2025-02-10"
    assert info.title == "松岭经开区2025年工作要点"
