"""Qt translations: the .ts files are complete, the .qm files are current, and the UI switches language.

The committed files are resources/translations/fieldapp_{zh_Hant,en}.{ts,qm}; they are
refreshed with ``scripts/translations.sh`` (pyside6-lupdate, OpenCC draft, pyside6-lrelease).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from fieldapp.gui import app as app_mod
from fieldapp.gui import i18n
from fieldapp.gui.household_model import COLUMN_KEYS
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services.context import AppContext

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGS = ("zh_Hant", "en")
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{\d+\}")


def ts_file(lang: str) -> Path:
    return TRANSLATIONS / f"fieldapp_{lang}.ts"


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in a .ts file."""
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, (name, message.findtext("source"))
            out.append((name, message.findtext("source") or "", translation))
    return out


def tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} not installed next to {sys.executable}")
    return path


@pytest.fixture
def restore_language() -> Iterator[None]:
    yield
    i18n.install("zh-Hans")


# -- the translation files -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang: str) -> None:
    found = messages(ts_file(lang))
    assert len(found) > 500  # the whole GUI, not an empty file
    unfinished = [(c, s) for c, s, t in found if t.get("type") is not None]
    assert unfinished == []
    # A bare space is allowed (a unit suffix such as " 年" needs none in English); nothing may be empty.
    empty = [(c, s) for c, s, t in found if not t.text]
    assert empty == []


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_placeholders_and_mnemonics(lang: str) -> None:
    for context, source, translation in messages(ts_file(lang)):
        text = translation.text or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (context, source, text)
        assert ("(&" in source) == ("&" in text), (context, source, text)


def test_english_has_no_chinese_and_traditional_has_no_simplified_terms() -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    leftover = [(c, s, t.text) for c, s, t in messages(ts_file("en")) if han.search(t.text or "")]
    assert leftover == []
    simplified = re.compile("[干农户们这为后台账]")
    wrong = [(c, s, t.text) for c, s, t in messages(ts_file("zh_Hant"))
             if simplified.search((t.text or "").replace("工作台", "").replace("這台", "").replace("台帳", ""))]
    assert wrong == []


@pytest.mark.parametrize("lang", LANGS)
def test_committed_qm_files_are_up_to_date(lang: str, tmp_path: Path) -> None:
    lrelease = tool("pyside6-lrelease")
    out = tmp_path / f"fieldapp_{lang}.qm"
    subprocess.run([str(lrelease), "-silent", str(ts_file(lang)), "-qm", str(out)], check=True, timeout=60)
    assert out.read_bytes() == (TRANSLATIONS / f"fieldapp_{lang}.qm").read_bytes(), \
        "run scripts/translations.sh and commit the .qm files"


@pytest.mark.parametrize("lang", LANGS)
def test_lupdate_finds_no_untranslated_source_string(lang: str, tmp_path: Path) -> None:
    lupdate = tool("pyside6-lupdate")
    copy = tmp_path / ts_file(lang).name
    shutil.copyfile(ts_file(lang), copy)
    sources = sorted(str(p) for p in (ROOT / "fieldapp" / "gui").rglob("*.py"))
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", "-source-language", "zh_CN",
                    "-target-language", lang, *sources, "-ts", str(copy)],
                   check=True, timeout=120, cwd=ROOT, capture_output=True)
    committed = {(c, s) for c, s, _t in messages(ts_file(lang))}
    updated = messages(copy)
    new = [(c, s) for c, s, t in updated if t.get("type") == "unfinished" or (c, s) not in committed]
    assert new == [], "new UI strings: run scripts/translations.sh and translate them"
    assert {(c, s) for c, s, _t in updated} == committed, "strings were removed: run scripts/translations.sh"


# -- switching at run time ---------------------------------------------------------------------------


def nav_texts(ctx: AppContext, qtbot: Any) -> list[str]:
    window = app_mod.create_main_window(ctx, SyncTaskManager())
    qtbot.addWidget(window)
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_main_window_follows_the_installed_language(ctx: AppContext, qtbot: Any, restore_language: None) -> None:
    assert nav_texts(ctx, qtbot)[:2] == ["工作台", "农户"]
    assert i18n.install("en")
    assert nav_texts(ctx, qtbot) == ["Workbench", "Households", "Visits", "Attendance", "Targets", "Wall charts",
                                      "Summaries", "Projects", "Asset ledger", "Print", "Sync"]
    assert i18n.install("zh-Hant")
    assert nav_texts(ctx, qtbot)[:2] == ["工作台", "農戶"]
    assert i18n.install("zh-Hans")
    assert nav_texts(ctx, qtbot)[:2] == ["工作台", "农户"]


def test_household_list_shows_reference_labels_in_the_ui_language(
        ctx: AppContext, make_household: Callable[..., str], qtbot: Any, restore_language: None) -> None:
    make_household("张三明", main_cause="02")
    expected = {lang: ctx.ref["poverty_cause"].label("02", lang) for lang in ("zh-Hans", "en", "zh-Hant")}
    assert expected["en"] != expected["zh-Hans"]
    headers = {"zh-Hans": "主要致贫原因", "en": "Main cause of poverty", "zh-Hant": "主要致貧原因"}
    column = COLUMN_KEYS.index("main_cause")
    for lang in ("en", "zh-Hant", "zh-Hans"):
        assert i18n.install(lang)
        window = app_mod.create_main_window(ctx, SyncTaskManager())
        qtbot.addWidget(window)
        window.show_page("households")
        model = window.households.model
        assert model.rowCount() == 1
        assert model.data(model.index(0, column)) == expected[lang]
        assert model.headerData(column, Qt.Orientation.Horizontal) == headers[lang]
