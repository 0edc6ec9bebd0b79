"""Reference data: code lists with zh-Hans/zh-Hant/en labels, and yearly money thresholds.

Shipped as JSON under ``resources/refdata``; an administrator overrides a file by
placing an edited copy under ``<data folder>/refdata`` with the same relative path.
The register stores codes only; labels are looked up here for display.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp import resources

if TYPE_CHECKING:
    from fieldapp.domain.fields import FieldCatalogue
    from fieldapp.domain.targets import ExitRules

log = logging.getLogger("fieldapp.refdata")

LANGUAGES = ("zh-Hans", "zh-Hant", "en")
DEFAULT_LANGUAGE = "zh-Hans"


@cache
def shipped() -> RefData:
    """The reference data as shipped (no overrides), for labels looked up without an app context."""
    return RefData()


class RefDataError(ValueError):
    """A reference data file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Code:
    code: str
    label: dict[str, str]
    synonyms: tuple[str, ...] = ()
    attrs: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.label.get(lang) or self.label[DEFAULT_LANGUAGE]


@dataclass(frozen=True)
class CodeList:
    name: str
    title: dict[str, str]
    source: str
    codes: tuple[Code, ...]

    @cached_property
    def by_code(self) -> dict[str, Code]:
        return {c.code: c for c in self.codes}

    @cached_property
    def by_text(self) -> dict[str, str]:
        """Every label in every language and every synonym → code (for imports)."""
        index: dict[str, str] = {}
        for c in self.codes:
            for text in (*c.label.values(), *c.synonyms):
                index.setdefault(text.strip(), c.code)
        return index

    def __contains__(self, code: object) -> bool:
        return code in self.by_code

    def label(self, code: str | None, lang: str = DEFAULT_LANGUAGE) -> str:
        if code is None or code == "":
            return ""
        found = self.by_code.get(code)
        return found.text(lang) if found else f"?{code}"

    def code_for(self, text: str) -> str | None:
        text = text.strip()
        if text in self.by_code:
            return text
        return self.by_text.get(text)


@dataclass(frozen=True)
class Threshold:
    kind: str  # poverty_line | exit_standard | monitoring_line
    year: int
    area_code: str
    amount_yuan: float
    price_basis: str
    source: str
    area_name: dict[str, str] = field(default_factory=dict)
    note: str = ""


class RefData:
    """All code lists and thresholds, loaded once; overrides folder first."""

    def __init__(self, override_dir: Path | None = None) -> None:
        self.override_dir = override_dir
        self._lists: dict[str, CodeList] = {}

    def _load_json(self, *parts: str) -> Any:
        if self.override_dir is not None:
            candidate = self.override_dir.joinpath(*parts)
            if candidate.is_file():
                log.info("reference data override: %s", candidate)
                return _parse(candidate.read_bytes(), str(candidate))
        name = "/".join(("refdata", *parts))
        return _parse(resources.read_bytes("refdata", *parts), name)

    def names(self) -> list[str]:
        shipped = resources.root() / "refdata" / "enums"
        return sorted(p.name[:-5] for p in shipped.iterdir() if p.name.endswith(".json"))

    def __getitem__(self, name: str) -> CodeList:
        found = self._lists.get(name)
        if found is None:
            found = self._lists[name] = _code_list(self._load_json("enums", f"{name}.json"), name)
        return found

    @cached_property
    def fields(self) -> FieldCatalogue:
        """The field catalogue (labels, kinds and flags of every field), from ``fields.json``."""
        from fieldapp.domain.fields import parse_catalogue

        return parse_catalogue(self._load_json("fields.json"), self)

    @cached_property
    def village_exit(self) -> ExitRules:
        """The village-exit standards (贫困发生率, 村集体经济收入) by area, from ``village_exit.json``."""
        from fieldapp.domain.targets import parse_exit_rules

        return parse_exit_rules(self._load_json("village_exit.json"))

    @cached_property
    def thresholds(self) -> tuple[Threshold, ...]:
        raw = self._load_json("thresholds.json")
        try:
            return tuple(
                Threshold(
                    kind=t["kind"], year=int(t["year"]), area_code=str(t["area_code"]),
                    amount_yuan=float(t["amount"]), price_basis=t.get("price_basis", ""),
                    source=t["source"], area_name=t.get("area_name", {}), note=t.get("note", ""),
                )
                for t in raw
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise RefDataError(f"thresholds.json: 条目格式错误 ({exc})") from exc


def _parse(data: bytes, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RefDataError(f"{name}: 不是有效的 JSON ({exc})") from exc


def _code_list(raw: Any, name: str) -> CodeList:
    try:
        codes = tuple(
            Code(
                code=str(c["code"]), label=dict(c["label"]),
                synonyms=tuple(c.get("synonyms", ())), attrs=dict(c.get("attrs", {})),
            )
            for c in raw["codes"]
        )
        result = CodeList(name=raw["name"], title=dict(raw["title"]), source=raw.get("source", ""), codes=codes)
    except KeyError as exc:
        raise RefDataError(f"enums/{name}.json: 格式错误，缺少 {exc}") from exc
    except (TypeError, ValueError) as exc:  # e.g. a label given as a string instead of an object
        raise RefDataError(f"enums/{name}.json: 格式错误 ({exc})") from exc
    seen: set[str] = set()
    for c in codes:
        if c.code in seen:
            raise RefDataError(f"enums/{name}.json: 代码 {c.code} 重复")
        seen.add(c.code)
        if DEFAULT_LANGUAGE not in c.label:
            raise RefDataError(f"enums/{name}.json: 代码 {c.code} 缺少简体中文名称")
    return result


_current: dict[str, RefData] = {}


def default() -> RefData:
    """The process-wide reference data (shipped files plus the configured override folder)."""
    if "ref" not in _current:
        _current["ref"] = RefData()
    return _current["ref"]


def configure(override_dir: Path | None) -> RefData:
    _current["ref"] = RefData(override_dir)
    return _current["ref"]
