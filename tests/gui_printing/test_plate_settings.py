"""设置 → 门牌样式: the dialog shows and saves the district's card layout; the next cards use it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QColorDialog, QDialogButtonBox

from fieldapp.gui.printing.plate_settings import PlateSettingsDialog
from fieldapp.gui.tasks import TaskManager
from fieldapp.services.context import AppContext
from fieldapp.services.printing.cards import render_cards
from fieldapp.settings import Settings
from tests.printing import pdftools


@pytest.fixture
def dialog(ctx: AppContext, qtbot: Any) -> PlateSettingsDialog:
    widget = PlateSettingsDialog(ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pixels_near(image: QImage, colour: QColor, tolerance: int = 24) -> int:
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            distance = abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue())
            count += distance < tolerance
    return count


def test_shows_the_current_settings(ctx: AppContext, qtbot: Any) -> None:
    ctx.settings["plate_title"] = "商州区精准扶贫公示牌"
    ctx.settings["plate_paper"] = "A3-landscape"
    ctx.settings["plate_fields"] = ["head", "cadre"]
    ctx.settings["plate_colour_safety_net"] = "#884400"
    widget = PlateSettingsDialog(ctx)
    qtbot.addWidget(widget)
    assert widget.title_edit.text() == "商州区精准扶贫公示牌"
    assert widget.paper.currentData() == "A3-landscape"
    assert [k for k, box in widget.field_boxes.items() if box.isChecked()] == ["head", "cadre"]
    assert widget.colours["safety_net"].name().upper() == "#884400"
    assert widget.colours["development"].name().upper() == "#2E7D32"


def test_saved_settings_are_used_by_the_next_cards(ctx: AppContext, register: dict[str, Any],
                                                   dialog: PlateSettingsDialog, tmp_path: Path, qtbot: Any) -> None:
    dialog.title_edit.setText("东村脱贫攻坚信息牌")
    dialog.paper.setCurrentIndex(dialog.paper.findData("A4-2up"))
    dialog.field_boxes["qr"].setChecked(False)
    dialog.field_boxes["measures"].setChecked(False)
    dialog.set_colour("development", QColor("#AA3300"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    on_disk = Settings.load(ctx.settings.path)
    assert on_disk["plate_title"] == "东村脱贫攻坚信息牌"
    assert on_disk["plate_paper"] == "A4-2up"
    assert "qr" not in on_disk["plate_fields"] and "head" in on_disk["plate_fields"]
    assert on_disk["plate_colour_development"] == "#AA3300"

    out = render_cards(ctx, register["east"][:3], tmp_path / "after.pdf").path
    text = pdftools.text(out)
    assert "东村脱贫攻坚信息牌" in text and "精准扶贫信息公示牌" not in text
    assert "帮扶措施" not in text and "致贫原因" in text
    assert pdftools.pages(out) == 2  # two cards to a sheet
    w, h = pdftools.page_size(out)
    assert h > w


def test_live_preview_follows_the_changes(dialog: PlateSettingsDialog, qtbot: Any) -> None:
    # the first preview, a moment after opening; A4 landscape: a sheet per sample card
    qtbot.waitUntil(lambda: len(dialog.preview_images) == 2)
    assert pixels_near(dialog.preview_images[1], QColor("#2E7D32")) > 200
    colour = QColor("#C0398F")
    assert pixels_near(dialog.preview_images[1], colour) == 0
    with qtbot.waitSignal(dialog.preview_updated, timeout=5000):
        dialog.set_colour("development", colour)
        dialog.paper.setCurrentIndex(dialog.paper.findData("A4-2up"))
    assert len(dialog.preview_images) == 1  # both samples on one sheet
    assert pixels_near(dialog.preview_images[0], colour) > 100
    assert dialog.preview_labels[0].pixmap().size() == dialog.preview_images[0].size()


def test_preview_off_the_gui_thread(ctx: AppContext, tasks: TaskManager, qtbot: Any) -> None:
    widget = PlateSettingsDialog(ctx, tasks)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: len(widget.preview_images) == 2, timeout=10000)
    with qtbot.waitSignal(widget.preview_updated, timeout=10000):
        widget.title_edit.setText("新标题")
    assert len(widget.preview_images) == 2


def test_needs_at_least_one_field(dialog: PlateSettingsDialog, ctx: AppContext) -> None:
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    for box in dialog.field_boxes.values():
        box.setChecked(False)
    assert not save.isEnabled() and "至少" in dialog.hint.text()
    assert dialog.save() is False
    dialog.field_boxes["head"].setChecked(True)
    assert save.isEnabled()


def test_similar_colours_are_flagged_and_defaults_restore(dialog: PlateSettingsDialog, ctx: AppContext) -> None:
    dialog.set_colour("safety_net", QColor("#2E7D33"))
    assert "接近" in dialog.hint.text() and dialog.hint.isVisibleTo(dialog)
    dialog.title_edit.setText("别的标题")
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.title_edit.text() == "精准扶贫信息公示牌"
    assert dialog.colours["safety_net"].name().upper() == "#1F5C99"
    assert all(box.isChecked() for box in dialog.field_boxes.values())
    assert not dialog.hint.isVisibleTo(dialog)


def test_colour_buttons_ask_qt_for_a_colour(dialog: PlateSettingsDialog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *_a, **_k: QColor("#123456")))
    dialog.colour_buttons["safety_net"].click()
    assert dialog.values()["plate_colour_safety_net"] == "#123456"
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *_a, **_k: QColor()))  # cancelled
    dialog.colour_buttons["safety_net"].click()
    assert dialog.values()["plate_colour_safety_net"] == "#123456"


def test_cancel_saves_nothing(dialog: PlateSettingsDialog, ctx: AppContext) -> None:
    dialog.title_edit.setText("不保存")
    dialog.reject()
    assert ctx.settings["plate_title"] == "精准扶贫信息公示牌"
