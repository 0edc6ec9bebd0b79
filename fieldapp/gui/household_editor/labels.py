"""Field labels and value texts for the GUI, in the UI language, read from the field catalogue.

The labels themselves are data (:mod:`fieldapp.domain.fields`, ``resources/refdata/fields.json``);
this module only adds the UI language, so editor tabs, tables and history call a field the
same as printed documents and the Excel export do.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldapp.domain import refdata
from fieldapp.domain.fields import FieldCatalogue
from fieldapp.domain.refdata import RefData
from fieldapp.gui.codes import current_language


def catalogue(ref: RefData | None = None) -> FieldCatalogue:
    return (ref or refdata.shipped()).fields


CODE_LISTS: Mapping[tuple[str, str], str] = catalogue().code_lists
# Fields holding the id of another record; shown by name through ``names``.
REFERENCES: frozenset[tuple[str, str]] = frozenset(catalogue().references)


def field_label(table: str, column: str, ref: RefData | None = None) -> str:
    """The label of a column, e.g. ("member", "id_no") → 证件号码; unknown columns show their name."""
    return catalogue(ref).label(table, column, current_language())


def table_label(table: str, ref: RefData | None = None) -> str:
    return catalogue(ref).table_label(table, current_language())


def indicator_group_label(group: str, ref: RefData | None = None) -> str:
    return (ref or refdata.shipped())["indicator_group"].label(group, current_language()) if group else ""


def format_value(table: str, column: str, value: Any, ref: RefData,
                 names: Mapping[str, str] | None = None) -> str:
    """A stored value (or its JSON form from the change log) as the user reads it."""
    return catalogue(ref).format_value(table, column, value, current_language(), names=names)
