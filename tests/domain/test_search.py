"""Search keys (pinyin, initials) and classifying what was typed into the search box."""

from __future__ import annotations

import pytest

from fieldapp.domain import search


@pytest.mark.parametrize("name,initials,full", [
    ("张三明", "zsm", "zhangsanming"),
    ("李美", "lm", "limei"),
    ("王伟", "ww", "wangwei"),
    ("欧阳娜娜", "oynn", "ouyangnana"),
])
def test_pinyin_keys(name: str, initials: str, full: str) -> None:
    assert search.initials(name) == initials
    assert search.full_pinyin(name) == full


@pytest.mark.parametrize("name,initials,full", [
    ("尉迟恭", "ycg", "yuchigong"),  # a phrase read otherwise than its characters one by one (尉 alone: wei)
    ("长孙无忌", "zswj", "zhangsunwuji"),  # 长 alone: chang
    ("王建国", "wjg", "wangjianguo"),  # a phrase read as its characters: spelled from the table
])
def test_names_with_phrases_spell_as_pypinyin_reads_them(name: str, initials: str, full: str) -> None:
    assert search.initials(name) == initials
    assert search.full_pinyin(name) == full


def test_spelling_from_the_character_table_is_pypinyins() -> None:
    from pypinyin import Style, lazy_pinyin

    surnames, given = "王李张曾单仇解朴区尉长乐吕欧阳万俟", "伟芳建国春梅志红重行乐长华文"
    names = [a + b + c for a in surnames for b in given for c in given] + [
        a + b for a in surnames for b in given] + ["Tom王", "王 小明", "阿卜杜·热合曼", "王a伟", "〇", "单于", "万俟"]
    for name in names:
        for key, style in ((search.initials, Style.FIRST_LETTER), (search.full_pinyin, Style.NORMAL)):
            assert key(name) == "".join(lazy_pinyin(name, style=style, errors="default")).lower(), name


def test_keys_are_lower_case_and_keep_latin_letters() -> None:
    assert search.initials("李A") == "la"
    assert search.full_pinyin("Tom") == "tom"
    assert search.initials("") == ""


@pytest.mark.parametrize("text,kind", [
    ("", "empty"), ("   ", "empty"),
    ("611002", "digits"), ("61100219800101001X", "digits"), ("6110021980010100 1x".replace(" ", ""), "digits"),
    (" 0012 ", "digits"),
    ("zsm", "latin"), ("ZhangSan", "latin"), ("zhang san", "latin"), ("x", "latin"), ("X", "latin"),
    ("张", "name"), ("张三明", "name"), ("张s", "name"),
])
def test_classify_query(text: str, kind: str) -> None:
    assert search.classify_query(text) == kind
