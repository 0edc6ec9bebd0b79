"""UI language: Qt translators for zh-Hant and en (the source strings are Simplified Chinese).

Translations are ``resources/translations/fieldapp_<lang>.qm`` (compiled from the
``.ts`` files with pyside6-lrelease). Reference-data labels follow the same choice.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from fieldapp import resources

log = logging.getLogger("fieldapp.gui.i18n")

LANGUAGES = {"zh-Hans": "简体中文", "zh-Hant": "繁體中文", "en": "English"}
_QM = {"zh-Hant": "fieldapp_zh_Hant.qm", "en": "fieldapp_en.qm"}
# by name, not by QLocale.Language/Script/Country: those enums (hundreds of members) cost ~10 ms to load,
# and the language is installed before the login window shows
_LOCALES = {"zh-Hans": "zh_Hans_CN", "zh-Hant": "zh_Hant_TW", "en": "en_GB"}

_state: dict[str, object] = {"language": "zh-Hans", "translator": None}


def ref_language() -> str:
    return str(_state["language"])


def install(language: str) -> bool:
    """Switch the running application's UI language; returns False if the file is missing."""
    app = QCoreApplication.instance()
    if language not in LANGUAGES:
        language = "zh-Hans"
    old = _state.get("translator")
    if app is not None and isinstance(old, QTranslator):
        app.removeTranslator(old)
    _state["translator"] = None
    _state["data"] = None
    _state["language"] = language
    QLocale.setDefault(QLocale(_LOCALES[language]))
    name = _QM.get(language)
    if name is None:
        return True
    try:
        data = resources.read_bytes("translations", name)
    except FileNotFoundError:
        log.warning("translation %s missing; UI stays in Simplified Chinese", name)
        return False
    translator = QTranslator()
    # QTranslator.load(data) does not copy the bytes: keep them alive as long as the translator.
    _state["data"] = data
    if not translator.load(data):
        log.warning("translation %s could not be loaded", name)
        return False
    if app is not None:
        app.installTranslator(translator)
    _state["translator"] = translator
    return True
