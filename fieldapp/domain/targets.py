"""挂图作战 rules: annual target kinds, the 贫困发生率 and the village-exit judgement (pure, no SQL).

- Target kinds are the reference list ``target_kind`` (a district adds its own codes there); a code is
  lower-case letters, digits and underscores so it can be typed in a spreadsheet and a command line.
  Besides them, ``industry_<code>`` is an industry's planned households (code of refdata ``industry``),
  what the 产业发展规划图 compares against.
- 贫困发生率 = poor people / rural population × 100, rounded half-up to two decimals (how the official
  figure is published). The judgement compares that rounded figure, so what is shown is what is judged.
- A village is fit to be lifted out (摘帽) when its incidence is below the standard of its area, its
  collective income reaches the standard, and every indicator of ``village_indicator`` is met. The
  standards are reference data (``village_exit.json``), looked up most specific area first (county,
  province, national) as the money thresholds are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from fieldapp.domain.refdata import DEFAULT_LANGUAGE, CodeList, RefDataError

NATIONAL = "000000"
KIND_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,23}$")
TWO_PLACES = Decimal("0.01")
MAX_TARGET = 100_000_000  # a count beyond any district: a typing slip, not a target

# shortfall codes of a village-exit judgement (an indicator's shortfall is its refdata code)
NO_POPULATION = "no_population"
INCIDENCE = "incidence"
NO_INCOME = "no_income"
INCOME = "income"
NO_STANDARD = "no_standard"


# -------------------------------------------------------------------------------- target kinds


INDUSTRY_PREFIX = "industry_"  # industry_<code of refdata industry>: planned households of that industry
_PLAN_WORDS = {"zh-Hans": "{0}产业计划户数", "zh-Hant": "{0}產業計劃戶數", "en": "Planned households: {0}"}
_PLAN_SUFFIXES = ("产业计划户数", "產業計劃戶數", "计划户数", "計劃戶數", "（计划户数）", "（計劃戶數）")
_HOUSEHOLDS = {"zh-Hans": "户", "zh-Hant": "戶", "en": "households"}


def industry_kind(industry: str) -> str:
    """The target kind of an industry's planned households (``industry_<code>``)."""
    return f"{INDUSTRY_PREFIX}{industry}"


def industry_of(kind: str) -> str | None:
    """The industry code of an ``industry_<code>`` kind (None: another kind)."""
    return kind[len(INDUSTRY_PREFIX):] if kind.startswith(INDUSTRY_PREFIX) else None


def kind_problem(code: str, kinds: CodeList, industries: CodeList | None = None) -> str | None:
    """Why ``code`` is no target kind (None when it is one): a code of ``target_kind``, or ``industry_<code>``
    of an industry of ``industries`` (refdata ``industry``; None: industry kinds are not accepted)."""
    if code in kinds:
        return None
    industry = industry_of(code)
    if industry is not None and industries is not None:
        if industry in industries:
            return None
        listed = "、".join(f"{c.code}（{c.text()}）" for c in industries.codes)
        return f"产业计划“{code}”：产业代码“{industry}”不在参考数据 industry 中（可用：{listed}）"
    known = "、".join(f"{c.code}（{c.text()}）" for c in kinds.codes)
    plans = f"；各产业计划户数写作 {INDUSTRY_PREFIX}<产业代码>，如 {industry_kind(industries.codes[0].code)}" \
        if industries is not None and industries.codes else ""
    return f"目标项目“{code}”不在参考数据 target_kind 中（可用：{known}{plans}；区县可在参考数据中增加）"


def kind_for(text: str, kinds: CodeList, industries: CodeList | None = None) -> str | None:
    """The kind a spreadsheet cell names: its code, or any label or synonym; with ``industries``, also
    ``industry_<code>`` and an industry's label followed by (产业)计划户数 (e.g. 果产业计划户数)."""
    text = str(text).strip()
    found = kinds.code_for(text)
    if found is not None or industries is None:
        return found
    industry = industry_of(text)
    if industry is not None:
        return text if industry in industries else None
    for suffix in _PLAN_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            code = industries.code_for(text[:-len(suffix)].strip(" ：:（("))
            if code is not None:
                return industry_kind(code)
    return None


def kind_label(code: str, kinds: CodeList, lang: str = DEFAULT_LANGUAGE, industries: CodeList | None = None) -> str:
    """The kind's label (an industry plan: the industry's label and 计划户数); a code this laptop's list
    lacks (a district's own, not yet received) shows as itself."""
    found = kinds.by_code.get(code)
    if found is not None:
        return found.text(lang)
    industry = industry_of(code)
    if industry is not None and industries is not None and industry in industries:
        words = _PLAN_WORDS.get(lang, _PLAN_WORDS[DEFAULT_LANGUAGE])
        return words.format(industries.by_code[industry].text(lang))
    return code


def kind_unit(code: str, kinds: CodeList, lang: str = DEFAULT_LANGUAGE) -> str:
    """The kind's unit (户 for an industry plan; empty when the list gives none)."""
    if code in kinds:
        unit = kinds.by_code[code].attrs.get("unit", {})
        return str(unit.get(lang) or unit.get(DEFAULT_LANGUAGE) or "") if isinstance(unit, Mapping) else ""
    if industry_of(code) is not None:
        return _HOUSEHOLDS.get(lang, _HOUSEHOLDS[DEFAULT_LANGUAGE])
    return ""


def kind_choices(kinds: CodeList, industries: CodeList, lang: str = DEFAULT_LANGUAGE) -> list[tuple[str, str]]:
    """Every kind a target may have, (code, label): the ``target_kind`` list, then one plan per industry."""
    return [(c.code, c.text(lang)) for c in kinds.codes] + [
        (industry_kind(c.code), kind_label(industry_kind(c.code), kinds, lang, industries)) for c in industries.codes]


def check_kinds(kinds: CodeList) -> None:
    """Refuse a ``target_kind`` list whose codes could not be typed (a district's addition with a typo)."""
    for c in kinds.codes:
        if not KIND_PATTERN.match(c.code):
            raise RefDataError(f"enums/target_kind.json: 代码“{c.code}”应由小写字母、数字和下划线组成，"
                               "以字母开头，不超过24个字符")


def _whole(value: Any) -> int | str:
    """A cell as a whole number, or why it is none."""
    if isinstance(value, bool) or value is None or (isinstance(value, str) and not value.strip()):
        return "目标值为空"
    if isinstance(value, float):
        return int(value) if value.is_integer() else f"目标值应为整数：{value:g}"
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        return int(text) if re.fullmatch(r"-?\d+", text) else f"目标值应为不小于0的整数：{value.strip()}"
    return value if isinstance(value, int) else f"目标值应为整数：{value!r}"


def target_value_problem(value: Any) -> tuple[int | None, str | None]:
    """A target's value as a whole non-negative number, or why it is none."""
    number = _whole(value)
    if isinstance(number, str):
        return None, number
    if number < 0:
        return None, f"目标值不能为负数：{number}"
    if number > MAX_TARGET:
        return None, f"目标值过大：{number}"
    return number, None


# -------------------------------------------------------------------------------- incidence


def incidence_percent(poor_people: int, population: int | None) -> Decimal | None:
    """贫困发生率 in percent, rounded half-up to two decimals; None without a population to divide by."""
    if not population or population <= 0:
        return None
    exact = Decimal(poor_people * 100) / Decimal(population)
    return exact.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def parse_percent(text: str | None) -> Decimal | None:
    """An official incidence typed as decimal text ("2.35", "2.35%"): 0–100, at most two decimals.

    Raises ``ValueError`` naming the problem; empty text is None (not recorded)."""
    if text is None or not str(text).strip():
        return None
    cleaned = str(text).strip().removesuffix("%").removesuffix("％").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"贫困发生率应为百分数，例如 2.35：{text}") from None
    if not value.is_finite() or value < 0 or value > 100:
        raise ValueError(f"贫困发生率应在0到100之间：{text}")
    if value != value.quantize(TWO_PLACES):
        raise ValueError(f"贫困发生率最多保留两位小数：{text}")
    return value


def percent_text(value: Decimal | None) -> str:
    return "" if value is None else f"{value.quantize(TWO_PLACES)}"


# -------------------------------------------------------------------------------- village exit standard


@dataclass(frozen=True)
class AreaStandard:
    area_code: str
    value: Decimal | int  # percent (incidence) or fen (collective income)
    source: str


@dataclass(frozen=True)
class ExitRules:
    """``village_exit.json``: the incidence and collective-income standards by area."""

    incidence: tuple[AreaStandard, ...]
    collective_income: tuple[AreaStandard, ...]
    source: str = ""


@dataclass(frozen=True)
class ExitStandard:
    """The standard that applies to one village: incidence below ``incidence_below`` percent, collective
    income at least ``income_at_least`` fen (None: no such standard in the reference data), every indicator."""

    incidence_below: Decimal | None
    income_at_least: int | None
    indicators: tuple[str, ...]
    incidence_source: str = ""
    income_source: str = ""


def parse_exit_rules(raw: Any) -> ExitRules:
    try:
        incidence = tuple(AreaStandard(str(e["area_code"]), Decimal(str(e["below_percent"])), str(e.get("source", "")))
                          for e in raw["incidence"])
        income = tuple(AreaStandard(str(e["area_code"]), int(Decimal(str(e["at_least_yuan"])) * 100),
                                    str(e.get("source", "")))
                       for e in raw["collective_income"])
    except (KeyError, TypeError, ValueError, InvalidOperation) as exc:
        raise RefDataError(f"village_exit.json: 条目格式错误 ({exc})") from exc
    for e in incidence:
        if not 0 < e.value <= 100:
            raise RefDataError(f"village_exit.json: {e.area_code} 的贫困发生率标准应在0到100之间")
    return ExitRules(incidence, income, str(raw.get("source", "")))


def area_chain(area_code: str) -> list[str]:
    """County → province → national, e.g. 611002 → [611002, 610000, 000000] (a longer code: its county first)."""
    code = area_code[:6] if area_code and area_code[:6].isdigit() else ""
    chain = [code] if code and code != NATIONAL else []
    if len(code) == 6 and code[2:] != "0000":
        chain.append(code[:2] + "0000")
    chain.append(NATIONAL)
    return chain


def _most_specific(entries: Iterable[AreaStandard], area_code: str) -> AreaStandard | None:
    found = {e.area_code: e for e in entries}
    return next((found[c] for c in area_chain(area_code) if c in found), None)


def standard_for(rules: ExitRules, area_code: str, indicators: CodeList) -> ExitStandard:
    inc = _most_specific(rules.incidence, area_code)
    income = _most_specific(rules.collective_income, area_code)
    return ExitStandard(
        incidence_below=inc.value if inc else None,  # type: ignore[arg-type]
        income_at_least=int(income.value) if income else None,
        indicators=tuple(c.code for c in indicators.codes),
        incidence_source=inc.source if inc else "", income_source=income.source if income else "")


# -------------------------------------------------------------------------------- the judgement


@dataclass(frozen=True)
class Shortfall:
    """One thing missing for the village to be lifted out: ``code`` (a constant above or an indicator's
    code), what is needed and what there is (display text, already formatted)."""

    code: str
    needed: str = ""
    actual: str = ""


@dataclass(frozen=True)
class ExitJudgement:
    missing: tuple[Shortfall, ...]

    @property
    def met(self) -> bool:
        return not self.missing


def judge_village_exit(standard: ExitStandard, *, incidence: Decimal | None, collective_income: int | None,
                       indicators: Mapping[str, bool]) -> ExitJudgement:
    """What is missing for the village to be lifted out (nothing: it meets the standard).

    ``incidence`` is the rate computed from the register (None: no population to divide by);
    ``collective_income`` fen (None: not recorded); ``indicators`` code → met.
    """
    missing: list[Shortfall] = []
    if standard.incidence_below is None:
        missing.append(Shortfall(NO_STANDARD, "贫困发生率"))
    elif incidence is None:
        missing.append(Shortfall(NO_POPULATION, f"< {standard.incidence_below}%"))
    elif not incidence < standard.incidence_below:
        missing.append(Shortfall(INCIDENCE, f"< {standard.incidence_below}%", f"{percent_text(incidence)}%"))
    if standard.income_at_least is None:
        missing.append(Shortfall(NO_STANDARD, "村集体经济收入"))
    elif collective_income is None:
        missing.append(Shortfall(NO_INCOME, f"≥ {yuan_text(standard.income_at_least)}"))
    elif collective_income < standard.income_at_least:
        missing.append(Shortfall(INCOME, f"≥ {yuan_text(standard.income_at_least)}", yuan_text(collective_income)))
    missing.extend(Shortfall(code) for code in standard.indicators if not indicators.get(code))
    return ExitJudgement(tuple(missing))


def yuan_text(fen: int) -> str:
    """Whole yuan where there are no fen ("50000元"), else two decimals."""
    return f"{fen // 100}元" if fen % 100 == 0 else f"{fen / 100:.2f}元"


def describe(shortfall: Shortfall, indicators: CodeList, lang: str = DEFAULT_LANGUAGE) -> str:
    """A shortfall in words (Simplified Chinese; the GUI words its own through ``tr``)."""
    words = {
        NO_POPULATION: f"贫困发生率无法计算：未填农村人口（标准 {shortfall.needed}）",
        INCIDENCE: f"贫困发生率 {shortfall.actual} 未低于 {shortfall.needed.removeprefix('< ')}",
        NO_INCOME: f"未填村集体经济收入（标准 {shortfall.needed}）",
        INCOME: f"村集体经济收入 {shortfall.actual} 未达到 {shortfall.needed.removeprefix('≥ ')}",
        NO_STANDARD: f"参考数据中没有{shortfall.needed}的退出标准",
    }
    if shortfall.code in words:
        return words[shortfall.code]
    return f"{indicators.label(shortfall.code, lang).removeprefix('?') or shortfall.code}未达标"


def indicators_of(text: str | None, indicators: CodeList) -> dict[str, bool]:
    """The stored indicators JSON as code → met for every listed indicator (unlisted codes are kept)."""
    import json

    try:
        stored = json.loads(text or "{}")
    except ValueError:
        stored = {}
    if not isinstance(stored, dict):
        stored = {}
    found = {c.code: bool(stored.get(c.code, False)) for c in indicators.codes}
    found.update({str(k): bool(v) for k, v in stored.items() if k not in found})
    return found
