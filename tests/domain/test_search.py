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
