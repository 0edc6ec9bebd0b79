"""Code lists in combo boxes: the register stores codes, widgets show labels in the UI language."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from fieldapp.domain.refdata import CodeList


def current_language() -> str:
    """The reference-data language matching the running UI (set by fieldapp.gui.i18n)."""
    from fieldapp.gui import i18n

    return i18n.ref_language()


def fill_code_combo(combo: QComboBox, codes: CodeList, *, blank: str | None = "", lang: str | None = None,
                    show_code: bool = False) -> None:
    """Fill ``combo`` with (label, code) items; ``blank`` adds a first item with code None."""
    lang = lang or current_language()
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for c in codes.codes:
        text = f"{c.code} {c.text(lang)}" if show_code else c.text(lang)
        combo.addItem(text, c.code)


def set_combo_code(combo: QComboBox, code: object) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(index if index >= 0 else 0)


def combo_code(combo: QComboBox) -> str | None:
    data = combo.currentData()
    return None if data in (None, "") else str(data)
