"""The visit form: visits, follow-ups and photos created through the widgets; bad input shown inline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from fieldapp.gui.visits.visit_form import VisitForm
from fieldapp.services import photos as photo_service
from fieldapp.services import visits as svc
from fieldapp.services.context import AppContext
from tests.gui_visits.conftest import save_form


def _visits(ctx: AppContext) -> int:
    return int(ctx.db.scalar("SELECT count(*) FROM visit WHERE deleted = 0") or 0)


def test_a_household_visit_with_a_colleague_follow_ups_and_photos(  # noqa: PLR0917 (pytest fixtures)
        ctx: AppContext, qtbot: QtBot, open_form: Callable[..., VisitForm], household: str, me: str,
        make_cadre: Callable[..., str], image_file: Callable[..., Path], monkeypatch) -> None:
    colleague = make_cadre("赵敏", unit="区教育局")
    form = open_form(household)
    today = dt.date.today()
    assert form.date.value() == today
    assert form.type.value() == "01"
    assert form.household_label.text().startswith("李大山（")
    assert form.cadres.checked() == [me]
    form.cadres.set_checked(colleague)
    form.found_text.insertPlainText("户主腿伤未愈，不能下地")  # (QTest types Latin-1 only)
    form.done_text.insertPlainText("联系村医上门换药")
    qtbot.mouseClick(form.follow_ups.add_button, Qt.MouseButton.LeftButton)
    model = form.follow_ups.model
    model.setData(model.index(0, 0), "复查伤口")
    model.setData(model.index(0, 1), (today + dt.timedelta(days=10)).strftime("%Y/%m/%d"))
    assert model.rows[0]["due_date"] == (today + dt.timedelta(days=10)).isoformat()  # tidied
    files = [str(image_file("a.jpg")), str(image_file("b.png", (2400, 1800)))]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    with qtbot.waitSignal(form.photos.import_finished, timeout=10000) as done:
        qtbot.mouseClick(form.photos.add_button, Qt.MouseButton.LeftButton)
    assert done.args == [2, []]
    assert form.photos.view.count() == 2
    assert form.isWindowModified()
    with qtbot.waitSignal(form.saved) as saved:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    visit = svc.load_visit(ctx.db, saved.args[0])
    assert (visit.household_id, visit.date, visit.type) == (household, today, "01")
    assert visit.found == "户主腿伤未愈，不能下地" and visit.done == "联系村医上门换药"
    assert set(visit.cadre_ids) == {me, colleague}
    assert [(f.text, f.due_date, f.done_on) for f in visit.follow_ups] == [
        ("复查伤口", today + dt.timedelta(days=10), None)]
    assert len(visit.photos) == 2 and max(p.width for p in visit.photos) == photo_service.MAX_SIDE
    root = photo_service.photo_root(ctx.paths.home)
    assert all(photo_service.thumb_path(root, p.sha256).is_file() for p in visit.photos)
    assert not form.isVisible()


def test_a_village_activity_from_my_visits(ctx: AppContext, qtbot: QtBot, open_form: Callable[..., VisitForm],  # noqa: PLR0917 (pytest fixtures)
                                           village_ids: list[str], make_cadre: Callable[..., str], me: str) -> None:
    colleague = make_cadre("赵敏")
    form = open_form()
    assert form.picker.isVisible() and form.household_radio.isChecked()
    form.activity_radio.setChecked(True)
    assert form.type.value() == "02"  # 政策宣讲 suits an activity better than 入户走访
    assert form.village.isVisible() and form.title.isVisible() and not form.measures.isVisible()
    form.village.setValue(village_ids[1])
    form.type.setValue("07")
    form.title.setValue("第一季度民主评议会")
    form.found_text.setPlainText("评议新识别农户3户")
    form.cadres.set_checked(colleague)
    with qtbot.waitSignal(form.saved) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    visit = svc.load_visit(ctx.db, saved.args[0])
    assert (visit.household_id, visit.village_id, visit.type, visit.title) == (None, village_ids[1], "07",
                                                                               "第一季度民主评议会")
    assert set(visit.cadre_ids) == {me, colleague}


def test_the_household_is_picked_with_the_list_search(ctx: AppContext, qtbot: QtBot,
                                                      open_form: Callable[..., VisitForm], household: str,
                                                      make_household: Callable[..., str]) -> None:
    make_household("王小二")
    form = open_form()
    form.picker.setFocus()
    qtbot.keyClicks(form.picker, "ld")  # 李大山: initials l-d-s
    assert form.picker.search() == 1
    form.picker.choose_match(0)
    assert form.picker.household_id() == household
    assert form.picker.text().startswith("李大山（")
    form.found_text.setPlainText("了解种植情况")
    save_form(qtbot, form)
    with ctx.db.read() as conn:
        [row] = svc.household_visits_page(conn, household)
    assert row.found == "了解种植情况"
    assert _visits(ctx) == 1


def test_bad_input_is_refused_with_messages_next_to_the_fields(  # noqa: PLR0917 (pytest fixtures)
        ctx: AppContext, qtbot: QtBot, open_form: Callable[..., VisitForm], household: str,
        image_file: Callable[..., Path], tmp_path: Path) -> None:
    form = open_form(household)
    assert not form.save()  # an empty visit
    assert "走访记录是空的" in form.right.errors["found"].text()
    assert form.summary.text().startswith("有 1 处需要更正")
    form.found_text.setPlainText("正常")
    assert form.right.errors["found"].isHidden()  # corrected as the user types
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    form.date.setValue(tomorrow)
    assert not form.save()
    assert f"走访日期 {tomorrow.isoformat()} 晚于今天" in form.left.errors["date"].text()
    form.date.setValue(dt.date(2019, 5, 1))  # before 首次识别 (2020-01-01)
    assert "早于该户登记日期 2020-01-01" in form.left.errors["date"].text()
    form.date.setText("2024-13-45")
    assert form.left.errors["date"].text() == "日期应为 年-月-日，如 2024-03-05"
    form.date.setValue(dt.date.today())
    form.cadres.set_checked(form.cadres.checked()[0], False)
    assert form.left.errors["cadres"].text() == "请至少选择一名走访干部"
    form.cadres.set_checked(str(ctx.settings["cadre_id"]))
    form.follow_ups.add()
    model = form.follow_ups.model
    model.setData(model.index(0, 1), "")
    assert "第1项：" in form.right.errors["follow_ups"].text()
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "请填写后续事项内容"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "请填写后续事项的到期日期"
    form.follow_ups.remove_current()
    not_an_image = tmp_path / "src" / "notes.jpg"
    not_an_image.parent.mkdir(parents=True, exist_ok=True)
    not_an_image.write_text("这不是图片", encoding="utf-8")
    with qtbot.waitSignal(form.photos.import_finished, timeout=10000) as done:
        form.photos.import_files([not_an_image, image_file("ok.jpg")])
    assert done.args[0] == 1 and len(done.args[1]) == 1
    assert "notes.jpg" in form.photos.error_label.text() and "不是图片" in form.photos.error_label.text()
    assert form.photos.view.count() == 1
    assert _visits(ctx) == 0  # nothing was saved by the refusals
    save_form(qtbot, form)
    assert _visits(ctx) == 1


def test_a_camera_folder_is_imported_off_the_gui_thread(qtbot: QtBot, open_form: Callable[..., VisitForm],
                                                        household: str, image_file: Callable[..., Path]) -> None:
    for name in ("IMG_001.JPG", "IMG_002.png", "IMG_003.jpg"):
        image_file(name, folder="DCIM")
    folder = image_file("IMG_001.JPG", folder="DCIM").parent
    (folder / "readme.txt").write_text("not listed", encoding="utf-8")
    form = open_form(household)
    with qtbot.waitSignal(form.photos.busy_changed) as busy:
        task = form.photos.import_folder(folder)
    assert task is not None and busy.args == [True]
    assert not form.save_button.isEnabled()  # no saving while photos are still being imported
    with qtbot.waitSignal(form.photos.import_finished, timeout=10000) as done:
        pass
    assert done.args == [3, []]
    assert form.save_button.isEnabled()
    assert form.photos.count_label.text() == "3 张照片"
    again = image_file("IMG_001.JPG", folder="DCIM")  # the same photo again: stored and shown once
    with qtbot.waitSignal(form.photos.import_finished, timeout=10000) as done:
        form.photos.import_files([again])
    assert done.args == [0, []] and form.photos.view.count() == 3


def test_editing_a_visit_marks_a_follow_up_done(ctx: AppContext, qtbot: QtBot,
                                                open_form: Callable[..., VisitForm], household: str,
                                                add_visit: Callable[..., str]) -> None:
    day = dt.date.today() - dt.timedelta(days=10)
    visit_id = add_visit(household, day, "原来的情况", follow_ups=[("送药", day + dt.timedelta(days=3), None)])
    form = open_form(visit_id=visit_id)
    assert form.household_label.text().startswith("李大山") and not form.picker.isVisible()
    assert form.found_text.toPlainText() == "原来的情况" and not form.isWindowModified()
    model = form.follow_ups.model
    model.setData(model.index(0, 2), dt.date.today().isoformat())
    assert form.isWindowModified()
    save_form(qtbot, form)
    [follow_up] = svc.load_visit(ctx.db, visit_id).follow_ups
    assert follow_up.done_on == dt.date.today()


def test_delete_asks_first(ctx: AppContext, qtbot: QtBot, open_form: Callable[..., VisitForm], household: str,  # noqa: PLR0917 (pytest fixtures)
                           add_visit: Callable[..., str], boxes) -> None:
    visit_id = add_visit(household, dt.date.today())
    form = open_form(visit_id=visit_id)
    assert form.delete_button.isVisible()
    boxes.answer("不删除")
    assert not form.delete()
    assert _visits(ctx) == 1
    boxes.answer("删除")
    with qtbot.waitSignal(form.saved):
        form.delete()
    assert _visits(ctx) == 0


def test_escape_asks_before_dropping_changes(ctx: AppContext, qtbot: QtBot, open_form: Callable[..., VisitForm],
                                             household: str, boxes) -> None:
    form = open_form(household)
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not form.isVisible() and boxes.seen == []
    form = open_form(household)
    form.found_text.setPlainText("写了一半")
    boxes.answer("继续编辑")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible() and boxes.seen == ["这条走访记录有未保存的修改。要保存吗？"]
    boxes.answer("放弃修改")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert _visits(ctx) == 0


def test_measures_of_the_household_are_linked(ctx: AppContext, open_form: Callable[..., VisitForm],
                                              household: str, qtbot: QtBot) -> None:
    from fieldapp.services import register

    record = register.load_record(ctx.db, household)
    record.measures = [{"type": "industry", "content": "发展香菇种植", "date": dt.date(2024, 3, 1)},
                       {"type": "health", "content": "家庭医生签约服务", "date": dt.date(2024, 5, 1)}]
    register.save_record(ctx.writer, ctx.ref, record, register.load_record(ctx.db, household))
    ids = {m["content"]: m["id"] for m in register.load_record(ctx.db, household).measures}
    form = open_form(household)
    texts = [form.measures.item(i).text() for i in range(form.measures.count())]
    assert texts == ["健康扶贫：家庭医生签约服务（2024-05-01）", "产业发展：发展香菇种植（2024-03-01）"]
    form.measures.set_checked(ids["发展香菇种植"])
    form.done_text.setPlainText("香菇菌棒已到位")
    save_form(qtbot, form)
    visit_id = str(ctx.db.scalar("SELECT id FROM visit"))
    assert svc.load_visit(ctx.db, visit_id).measure_ids == [ids["发展香菇种植"]]


def test_the_form_and_the_visit_list_are_labelled_from_the_field_catalogue(
        ctx: AppContext, open_form: Callable[..., VisitForm]) -> None:
    """One field catalogue: the form calls each field what history, prints and Excel call it."""
    from fieldapp.gui.visits.models import VisitTableModel

    fields = ctx.ref.fields
    form = open_form()
    captions = {**{k: c.text() for k, c in form.left.captions.items()},
                **{k: c.text() for k, c in form.right.captions.items()}}
    captions.pop("household_id")  # 对象: the choice between a household and a village activity, not a field
    expected = {k: fields.label("visit", k) for k in ("date", "type", "village_id", "title", "found", "done")}
    expected.update(cadres=fields.table_label("visit_cadre"), measures=fields.table_label("visit_measure"),
                    follow_ups=fields.table_label("follow_up"), photos=fields.table_label("visit_photo"))
    assert captions == expected
    headers = [form.follow_ups.model.headerData(i, Qt.Orientation.Horizontal) for i in range(3)]
    assert headers == [fields.label("follow_up", k) for k in ("text", "due_date", "done_on")]
    model = VisitTableModel(ctx, ("date", "type", "cadres", "found", "done", "photos"))
    assert list(model.headers) == [fields.label("visit", "date"), fields.label("visit", "type"),
                                   fields.table_label("visit_cadre"), fields.label("visit", "found"),
                                   fields.label("visit", "done"), fields.table_label("visit_photo")]
