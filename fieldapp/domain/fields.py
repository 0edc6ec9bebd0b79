"""The field catalogue: label, kind and flags of every field of every record kind, in one table.

Like Calibre's ``FieldMetadata``, this is data, not code: ``resources/refdata/fields.json``
(overridable like every reference data file) lists per field its record kind (``table``),
``column``, trilingual ``label`` (or ``label_codes``: the labels of a code list whose codes
are the column names, e.g. the income items), ``kind``, the code list of a coded field,
and the flags later work reads:

- ``sensitive``: ID numbers, health, bank data: masked on anything public;
- ``public``: may be shown on public prints (door plates, notices, ledgers);
- ``stored``: False for values FieldApp computes (age, net income) or that only a
  spreadsheet has (其他致贫原因 in one cell);
- ``headers``: the national system's column names of the field, the first written by the
  Excel export, every one recognised by the import.

The GUI, printed documents, the Excel layout, the sync page and the change history all
take labels and value formatting from here, so a field is called the same everywhere.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from fieldapp.domain.money import format_yuan
from fieldapp.domain.refdata import RefDataError
from fieldapp.domain.resident_id import mask

if TYPE_CHECKING:
    from fieldapp.domain.refdata import RefData

DEFAULT_LANGUAGE = "zh-Hans"
ANY_TABLE = "*"
# Kinds whose value is the id of another record, shown by its name (or 户编号).
REFERENCE_KINDS = frozenset({"area", "cadre", "member", "household", "visit", "measure", "photo"})
PERSON_KINDS = frozenset({"cadre", "member"})
VALUE_KINDS = frozenset({"text", "int", "year", "decimal", "date", "bool", "code", "codes", "money"})
KINDS = VALUE_KINDS | REFERENCE_KINDS
WORDS = ("yes", "no", "deleted", "restored", "year", "list_separator")


class CatalogueError(RefDataError):
    """The field catalogue file is malformed; the message says where."""


@dataclass(frozen=True)
class FieldMeta:
    """One field of one record kind."""

    table: str
    column: str
    label: Mapping[str, str]
    kind: str
    codes: str | None = None
    sensitive: bool = False
    bank: bool = False  # bank data: shown in full only on its own explicit request, never with full IDs
    public: bool = False
    stored: bool = True
    headers: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return self.table, self.column

    @property
    def is_reference(self) -> bool:
        return self.kind in REFERENCE_KINDS

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.label.get(lang) or self.label[DEFAULT_LANGUAGE]


class FieldCatalogue:
    """Every field of every record kind; look fields up by (table, column)."""

    def __init__(self, tables: Mapping[str, Mapping[str, str]], fields: Iterable[FieldMeta],
                 words: Mapping[str, Mapping[str, str]], code_labels: Any = None) -> None:
        self._tables = dict(tables)
        self.fields = tuple(fields)
        self._words = dict(words)
        self._code_labels = code_labels  # RefData, for code values
        self._by_key = {f.key: f for f in self.fields}
        if len(self._by_key) != len(self.fields):
            raise CatalogueError("fields.json: 字段重复")

    def get(self, table: str, column: str) -> FieldMeta | None:
        return self._by_key.get((table, column)) or self._by_key.get((ANY_TABLE, column))

    def __getitem__(self, key: tuple[str, str]) -> FieldMeta:
        found = self.get(*key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and len(key) == 2 and self.get(*key) is not None

    def of_table(self, table: str) -> list[FieldMeta]:
        return [f for f in self.fields if f.table == table]

    def label(self, table: str, column: str, lang: str = DEFAULT_LANGUAGE) -> str:
        """A field's label, e.g. ("member", "id_no") → 证件号码; an unknown field shows its column name."""
        found = self.get(table, column)
        return found.text(lang) if found else column

    def table_label(self, table: str, lang: str = DEFAULT_LANGUAGE) -> str:
        """A record kind in words: ``follow_up`` → 后续事项."""
        label = self._tables.get(table)
        return (label.get(lang) or label[DEFAULT_LANGUAGE]) if label else table

    def word(self, name: str, lang: str = DEFAULT_LANGUAGE) -> str:
        label = self._words[name]
        return label.get(lang) or label[DEFAULT_LANGUAGE]

    @cached_property
    def code_lists(self) -> dict[tuple[str, str], str]:
        """(table, column) → code list name, for every coded field."""
        return {f.key: f.codes for f in self.fields if f.codes and f.kind == "code"}

    @cached_property
    def references(self) -> dict[tuple[str, str], str]:
        """(table, column) → the kind of record the field's value is the id of."""
        return {f.key: f.kind for f in self.fields if f.is_reference}

    @cached_property
    def sensitive(self) -> frozenset[tuple[str, str]]:
        return frozenset(f.key for f in self.fields if f.sensitive)

    def format_value(self, table: str, column: str, value: Any, lang: str = DEFAULT_LANGUAGE, *,
                     names: Mapping[str, str] | None = None, masked: bool = False, bank: bool = False) -> str:
        """A stored value (or its JSON form from the change log) in words.

        Codes as their labels, money (fen) as yuan, booleans as 是/否, ids of other records
        through ``names`` (id → name or 户编号; an unknown id shows its first 8 characters),
        a sensitive number (ID, certificate) masked when ``masked``; bank data masked unless ``bank``
        (its own explicit choice, independent of ``masked``);
        whether a sensitive code is shown at all is the caller's choice (``public``).
        """
        meta = self.get(table, column)
        kind = meta.kind if meta else None
        value = list_value(value, kind)
        if value is None or value == "":
            text = ""
        elif column == "deleted":
            text = self.word("deleted" if value else "restored", lang)
        elif isinstance(value, bool) or kind == "bool":
            text = self.word("yes" if value else "no", lang)
        elif meta is not None and meta.bank:
            text = str(value) if bank else mask(str(value))
        elif meta is not None and meta.sensitive and masked and kind == "text":  # numbers; codes show as labels
            text = mask(str(value))
        elif meta is not None and meta.codes and self._code_labels is not None:
            codes = self._code_labels[meta.codes]
            values = value if kind == "codes" and isinstance(value, (list, tuple)) else [value]
            text = self.word("list_separator", lang).join(codes.label(str(v), lang) for v in values)
        elif kind == "money":
            text = format_yuan(int(value))
        elif meta is not None and meta.is_reference:
            ids = value if isinstance(value, list) else [value]
            text = self.word("list_separator", lang).join((names or {}).get(str(v)) or str(v)[:8] for v in ids)
        elif isinstance(value, dt.date):
            text = value.isoformat()
        else:
            text = str(value)
        return text


def list_value(value: Any, kind: str | None) -> Any:
    """A list of codes or ids kept as JSON text (a person's roles and villages) as the list; else ``value``."""
    if isinstance(value, str) and value.startswith("[") and (kind == "codes" or kind in REFERENCE_KINDS):
        try:
            decoded = json.loads(value)
        except ValueError:
            return value
        return decoded if isinstance(decoded, list) else value
    return value


def parse_catalogue(raw: Any, ref: RefData | None, name: str = "fields.json") -> FieldCatalogue:
    """The catalogue from its JSON form; ``label_codes`` labels are read from ``ref``'s code lists."""
    try:
        tables = {str(t["table"]): dict(t["label"]) for t in raw["tables"]}
        words = {str(k): dict(v) for k, v in raw["words"].items()}
        fields = [_field(f, ref) for f in raw["fields"]]
    except KeyError as exc:
        raise CatalogueError(f"{name}: 格式错误，缺少 {exc}") from exc
    except (TypeError, ValueError, AttributeError) as exc:
        raise CatalogueError(f"{name}: 格式错误 ({exc})") from exc
    missing = [w for w in WORDS if w not in words]
    if missing:
        raise CatalogueError(f"{name}: 缺少 words {', '.join(missing)}")
    return FieldCatalogue(tables, fields, words, ref)


def _field(raw: Mapping[str, Any], ref: RefData | None) -> FieldMeta:
    table, column = str(raw["table"]), str(raw["column"])
    kind = str(raw["kind"])
    if kind not in KINDS:
        raise ValueError(f"{table}.{column}: 未知类型 {kind}")
    if "label_codes" in raw:
        if ref is None:
            raise ValueError(f"{table}.{column}: label_codes 需要参考数据")
        label = dict(ref[str(raw["label_codes"])].by_code[column].label)
    else:
        label = dict(raw["label"])
    if DEFAULT_LANGUAGE not in label:
        raise ValueError(f"{table}.{column}: 缺少 {DEFAULT_LANGUAGE} 标签")
    return FieldMeta(table=table, column=column, label=label, kind=kind, codes=raw.get("codes"),
                     sensitive=bool(raw.get("sensitive", False)),
                     bank=bool(raw.get("bank", False)), public=bool(raw.get("public", False)),
                     stored=bool(raw.get("stored", True)), headers=tuple(str(h) for h in raw.get("headers", ())))
