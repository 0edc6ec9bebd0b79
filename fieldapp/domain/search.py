"""Search keys for names: full pinyin and initials (``zsm`` finds 张三明), via pypinyin."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)  # names repeat a lot; pypinyin is the slow part of a projection rebuild
def initials(name: str) -> str:
    """First letters of each syllable, lower case; non-Chinese characters kept as is."""
    from pypinyin import Style, lazy_pinyin  # its dictionaries take ~0.3 s to load: only when writing

    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")).lower()


@lru_cache(maxsize=65536)
def full_pinyin(name: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(name, style=Style.NORMAL, errors="default")).lower()


def classify_query(text: str) -> str:
    """What a search box entry looks like: 'digits' (ID/户编号), 'latin' (pinyin) or 'name'."""
    stripped = text.strip()
    if not stripped:
        return "empty"
    if all(ch.isdigit() or ch in "xX" for ch in stripped) and any(ch.isdigit() for ch in stripped):
        return "digits"
    if stripped.isascii() and stripped.replace(" ", "").isalpha():
        return "latin"
    return "name"
