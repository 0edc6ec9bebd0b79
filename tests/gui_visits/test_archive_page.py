"""Page 走访 (包扶纪实档案): the cadre's archive, filtered by year, month, household and text; PDF export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from fieldapp.gui.tasks import TaskManager
from fieldapp.gui.visits.archive_page import ArchivePage
from fieldapp.gui.visits.models import VISIT_ID_ROLE
from fieldapp.gui.visits.visit_form import VisitForm
from fieldapp.services.context import AppContext
from tests.gui_visits.conftest import REGISTERED, close_quietly

LAST = dt.date.today().year - 1


@pytest.fixture
def archive(ctx: AppContext, qtbot: QtBot, tasks: TaskManager, household: str, me: str,  # noqa: PLR0917 (pytest fixtures)
            make_household: Callable[..., str], make_cadre: Callable[..., str], village_ids: list[str],
            add_visit: Callable[..., str]) -> tuple[ArchivePage, dict[str, str]]:
    other = make_household("王二", identified_on=REGISTERED)
    colleague = make_cadre("赵敏")
    ids = {
        "mar5": add_visit(household, dt.date(LAST, 3, 5), "核桃长势好"),
        "mar20": add_visit(other, dt.date(LAST, 3, 20), "老人住院", cadres=[me, colleague]),
        "jul1": add_visit(household, dt.date(LAST, 7, 1), "送去化肥"),
        "meeting": add_visit(None, dt.date(LAST, 3, 28), "评议", kind="07", village_id=village_ids[0],
                             title="民主评议会"),
        "thisyear": add_visit(household, dt.date(LAST + 1, 1, 1), "新年慰问"),
        "colleague": add_visit(other, dt.date(LAST, 4, 2), "同事独自走访", cadres=[colleague]),
    }
    page = ArchivePage(ctx, tasks, page_size=2)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page, ids


def _shown(page: ArchivePage) -> list[str]:
    while page.model.canFetchMore():
        page.model.fetchMore()
    return [page.model.data(page.model.index(r, 0), VISIT_ID_ROLE) for r in range(page.model.rowCount())]


def test_filters(archive: tuple[ArchivePage, dict[str, str]], qtbot: QtBot) -> None:
    page, ids = archive
    assert page.cadre_combo.currentText() == "王伟"
    assert [page.year_combo.itemData(i) for i in range(page.year_combo.count())] == [LAST + 1, LAST]
    assert page.period() == (LAST + 1, None)  # the latest year with a visit
    assert _shown(page) == [ids["thisyear"]]
    page.year_combo.setCurrentIndex(page.year_combo.findData(LAST))
    assert page.status.text() == f"{LAST}年：已显示前 2 条，向下滚动加载更多"
    assert _shown(page) == [ids["mar5"], ids["mar20"], ids["meeting"], ids["jul1"]]  # oldest first
    assert page.status.text() == f"{LAST}年：共 4 条记录"
    page.month_combo.setCurrentIndex(page.month_combo.findData(3))
    assert _shown(page) == [ids["mar5"], ids["mar20"], ids["meeting"]]
    page.picker.set_household(page.model.rows[0].household_id)
    assert _shown(page) == [ids["mar5"]]
    page.picker.set_household(None)
    page.search.setText("评议")
    page.apply_filters()  # (typing applies after a short pause)
    assert _shown(page) == [ids["meeting"]]
    page.search.setText("")
    page.month_combo.setCurrentIndex(0)
    page.cadre_combo.setCurrentIndex(page.cadre_combo.findText("赵敏"))
    assert page.period() == (LAST, None)
    assert _shown(page) == [ids["mar20"], ids["colleague"]]


def test_opening_and_recording_refresh_the_archive(archive: tuple[ArchivePage, dict[str, str]], qtbot: QtBot,
                                                   household: str) -> None:
    page, ids = archive
    form = page.open_visit(ids["thisyear"])
    assert isinstance(form, VisitForm) and form.found_text.toPlainText() == "新年慰问"
    form.found_text.setPlainText("新年慰问，送去米面油")
    with qtbot.waitSignal(page.model.modelReset), qtbot.waitSignal(form.saved):
        form.save()
    assert page.model.rows[0].found == "新年慰问，送去米面油"
    form = page.new_visit()
    assert isinstance(form, VisitForm) and form.picker.isVisible()
    close_quietly(form)


def test_export_pdf(archive: tuple[ArchivePage, dict[str, str]], qtbot: QtBot, tmp_path: Path,
                    monkeypatch: pytest.MonkeyPatch) -> None:
    page, _ids = archive
    page.year_combo.setCurrentIndex(page.year_combo.findData(LAST))
    target = tmp_path / "out" / "档案"
    seen: list[str] = []

    def save_dialog(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        seen.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    page.export_pdf()
    assert not page.export_button.isEnabled()
    qtbot.waitUntil(page.export_button.isEnabled, timeout=20000)
    pdf = target.with_suffix(".pdf")
    assert Path(seen[0]).name == f"包扶纪实档案_王伟_{LAST}年.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert page.status.text() == f"已导出：{pdf}"


def test_export_pdf_warns_about_a_character_no_font_has(  # noqa: PLR0917 (pytest fixtures)
        archive: tuple[ArchivePage, dict[str, str]], household: str, add_visit: Callable[..., str], qtbot: QtBot,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page, _ids = archive
    add_visit(household, dt.date(LAST, 5, 6), "帮\U0002ebf0家修房，\U00020bb7字不缺")
    page.year_combo.setCurrentIndex(page.year_combo.findData(LAST))
    target = tmp_path / "档案.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    page.export_pdf()
    qtbot.waitUntil(page.export_button.isEnabled, timeout=20000)
    box = page.glyph_warning
    assert box is not None and box.isVisible() and "U+2EBF0" in box.text() and "U+20BB7" not in box.text()
    box.accept()
