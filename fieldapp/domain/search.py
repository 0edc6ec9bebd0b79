"""Search keys for names: full pinyin and initials (``zsm`` finds 张三明), via pypinyin.

pypinyin costs about 0.1 ms a call (segmenting the name against its phrase dictionary), and a
projection rebuild spells every head name twice: 100,000 households cost 20 s of an import.
pypinyin reads a name as words: phrases of its dictionary, each with the phrase's reading, and
single characters, each with its first reading. When every phrase inside the name (建国, 春梅)
reads as its characters do one by one, the name's spelling is that of its characters, whatever
the words: such names (almost all) are spelled here from a table of single characters, filled
from pypinyin one character (and one phrase, for the check) at a time, so the result is
pypinyin's. A name holding a phrase read otherwise (尉迟 yu chi, 长孙 zhang sun) goes to pypinyin.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# style ("initials" or "full") → character → its spelling in that style (lower case), filled on first use
_CHARS: dict[str, dict[str, str]] = {"initials": {}, "full": {}}
# style → phrase of pypinyin's dictionary met in a name → whether it reads as its characters do (bounded by
# the dictionary)
_PHRASES: dict[str, dict[str, bool]] = {"initials": {}, "full": {}}


@lru_cache(maxsize=65536)  # names repeat a lot
def initials(name: str) -> str:
    """First letters of each syllable, lower case; non-Chinese characters kept as is."""
    return _spelled(name, "initials")


@lru_cache(maxsize=65536)
def full_pinyin(name: str) -> str:
    return _spelled(name, "full")


def _style(kind: str) -> Any:
    from pypinyin import Style  # its dictionaries take ~0.3 s to load: only when writing

    return Style.FIRST_LETTER if kind == "initials" else Style.NORMAL


def _pypinyin(name: str, kind: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(name, style=_style(kind), errors="default")).lower()


def _spelled(name: str, kind: str) -> str:
    from pypinyin.constants import PHRASES_DICT

    n = len(name)
    checked = _PHRASES[kind]
    for i in range(n - 1):
        for j in range(i + 2, n + 1):
            word = name[i:j]
            if word in PHRASES_DICT:
                same = checked.get(word)
                if same is None:
                    same = checked[word] = _pypinyin(word, kind) == _by_character(word, kind)
                if not same:
                    return _pypinyin(name, kind)
    return _by_character(name, kind)


def _by_character(name: str, kind: str) -> str:
    table = _CHARS[kind]
    parts = []
    for ch in name:
        spelled = table.get(ch)
        if spelled is None:
            spelled = table[ch] = _pypinyin(ch, kind)
        parts.append(spelled)
    return "".join(parts)


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
