"""门牌样式: the district's one door-plate layout — paper, title, fields shown, the two colours.

A small live preview draws a sample card of each kind (兜底户, 脱贫户) with the
printing service's own card drawing and renders it with PDFium, a moment after the last
change (debounced) and off the GUI thread when a task manager is given. 保存 writes the
``plate_*`` settings; the next card printed uses them.
"""

from __future__ import annotations

import dataclasses
import io
import logging
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import cardcode
from fieldapp.gui import geometry, keys
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.printing.pdfdoc import PdfFile
from fieldapp.gui.tasks import SyncTaskManager, TaskControl, TaskManager
from fieldapp.services import setup
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.printing.card_draw import CardLook
from fieldapp.services.printing.card_fields import PLATE_FIELDS, CardData
from fieldapp.settings import REGISTRY

log = logging.getLogger("fieldapp.gui.printing")

PAPERS = ("A4-landscape", "A3-landscape", "A4-2up")
KINDS = ("safety_net", "development")
COLOUR_KEYS = {"safety_net": "plate_colour_safety_net", "development": "plate_colour_development"}
PREVIEW_DELAY_MS = 250
PREVIEW_BOX = QSize(330, 240)  # each sample page is fitted into this many pixels
SAMPLE_IDS = {"safety_net": "0190a0c4-5d2e-7a31-8f00-00000000d0d0",
              "development": "0190a0c4-5d2e-7a31-8f00-00000000f0f0"}


def sample_cards(ctx: AppContext) -> list[CardData]:
    """A made-up household of each kind, in the first village of this laptop."""
    kinds = ctx.ref["household_kind"]
    village = next((name for _id, name in setup.villages(ctx)), "")
    return [
        CardData(household_id=SAMPLE_IDS["safety_net"], kind="safety_net", kind_label=kinds.label("safety_net"),
                 village=village, group_no=2, head="周桂兰", size=2, attribute="低保贫困户", causes="因残、因病",
                 measures=("社保兜底：纳入农村低保，每人每月260元", "健康扶贫"), cadre="王伟",
                 cadre_unit="区国土资源局", cadre_phone="13912345678", exit_text="未脱贫，计划2027年脱贫",
                 code=cardcode.card_code(SAMPLE_IDS["safety_net"])),
        CardData(household_id=SAMPLE_IDS["development"], kind="development", kind_label=kinds.label("development"),
                 village=village, group_no=5, head="王德福", size=4, attribute="一般脱贫户", causes="缺技术",
                 measures=("产业发展：养殖中蜂10箱，发放蜂箱补助", "就业帮扶：推荐到区扶贫车间务工"), cadre="王伟",
                 cadre_unit="区国土资源局", cadre_phone="13912345678", exit_text="已脱贫(享受政策)，2019年脱贫",
                 code=cardcode.card_code(SAMPLE_IDS["development"])),
    ]


def render_sample(cards: list[CardData], look: CardLook, paper: str, box: QSize = PREVIEW_BOX) -> list[QImage]:
    """The sample cards laid out on ``paper`` as printing would, one image per sheet (any thread)."""
    from reportlab.pdfgen.canvas import Canvas

    from fieldapp.services.printing.card_draw import draw_card
    from fieldapp.services.printing.cards import slots
    from fieldapp.services.printing.fonts import register_fonts

    font = register_fonts()
    pagesize, sheet = slots(paper)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=pagesize, initialFontName=font)
    for n, card in enumerate(cards):
        slot = sheet[n % len(sheet)]
        canvas.saveState()
        canvas.translate(slot.x, slot.y)
        canvas.scale(slot.scale, slot.scale)
        draw_card(canvas, card, look)
        canvas.restoreState()
        if (n + 1) % len(sheet) == 0 or n + 1 == len(cards):
            canvas.showPage()
    canvas.save()
    images = []
    with PdfFile(buffer.getvalue()) as pdf:
        for i in range(pdf.page_count):
            w, h = pdf.page_size(i)
            images.append(pdf.render(i, min(box.width() / w, box.height() / h)))
    return images


class PlateSettingsDialog(QDialog):
    """设置 → 门牌样式…"""

    #: the preview images were replaced
    preview_updated = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager | None = None, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.hub = hub if hub is not None else ChangeHub(self)
        self.setWindowTitle(self.tr("门牌样式"))
        self.colours: dict[str, QColor] = {}
        self.preview_images: list[QImage] = []
        self._generation = 0
        self._samples = sample_cards(ctx)

        self.paper = QComboBox(self)
        for key, text in zip(PAPERS, (self.tr("A4 横向"), self.tr("A3 横向"), self.tr("A4 一纸两张（A5 大小）")),
                             strict=True):
            self.paper.addItem(text, key)
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(40)
        self.title_edit.setPlaceholderText(str(REGISTRY["plate_title"].default))
        self.field_boxes: dict[str, QCheckBox] = {}
        labels = self.field_labels()
        for key in PLATE_FIELDS:
            self.field_boxes[key] = QCheckBox(labels.get(key, PLATE_FIELDS[key]), self)
        self.colour_buttons: dict[str, QPushButton] = {}
        for kind, text in (("safety_net", self.tr("兜底户颜色…")), ("development", self.tr("脱贫户颜色…"))):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, k=kind: self.choose_colour(k))
            self.colour_buttons[kind] = button
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #b45309;")
        self.preview_labels = [QLabel(self), QLabel(self)]
        for label in self.preview_labels:
            label.setMinimumSize(PREVIEW_BOX)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            keys.with_key(self.tr("保存"), QKeySequence.StandardKey.Save))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).setText(self.tr("恢复默认"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self._layout()
        self.load(self.ctx.settings)
        self.paper.currentIndexChanged.connect(self._changed)
        self.title_edit.textChanged.connect(self._changed)
        for box in self.field_boxes.values():
            box.toggled.connect(self._changed)
        self._changed()

    def field_labels(self) -> dict[str, str]:
        return {"village_group": self.tr("所在村组"), "head": self.tr("户主"),
                "size_attribute": self.tr("家庭人口和户属性"), "causes": self.tr("致贫原因"),
                "measures": self.tr("帮扶措施（五个一批）"), "cadre": self.tr("包扶责任人、单位和电话"),
                "exit": self.tr("脱贫状态和年度"), "qr": self.tr("二维码（扫码或输入编码打开档案）")}

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("纸张"), self.paper)
        form.addRow(self.tr("标题"), self.title_edit)
        grid = QGridLayout()
        for i, box in enumerate(self.field_boxes.values()):
            grid.addWidget(box, i // 2, i % 2)
        form.addRow(self.tr("显示项"), grid)
        colours = QHBoxLayout()
        for button in self.colour_buttons.values():
            colours.addWidget(button)
        colours.addStretch(1)
        form.addRow(self.tr("颜色"), colours)
        form.addRow("", self.hint)
        note = QLabel(self.tr("兜底户的色带另加斜纹，两类户在黑白打印时也能区分。"), self)
        note.setWordWrap(True)
        form.addRow("", note)
        previews = QHBoxLayout()
        for label in self.preview_labels:
            previews.addWidget(label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("预览（示例户）"), self))
        layout.addLayout(previews)
        layout.addWidget(self.buttons)
        geometry.fit(self, "plate_settings")

    # -- values --------------------------------------------------------------------------------

    def load(self, settings: Any) -> None:
        """Show ``settings`` (the context's settings, or a mapping of plate_* keys)."""
        paper = settings["plate_paper"]
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        self.title_edit.setText(str(settings["plate_title"] or ""))
        shown = [f for f in settings["plate_fields"] if f in PLATE_FIELDS] or list(PLATE_FIELDS)
        for key, box in self.field_boxes.items():
            box.setChecked(key in shown)
        for kind, key in COLOUR_KEYS.items():
            colour = QColor(str(settings[key]))
            self.set_colour(kind, colour if colour.isValid() else QColor(str(REGISTRY[key].default)))

    def restore_defaults(self) -> None:
        self.load({key: REGISTRY[key].default for key in
                   ("plate_paper", "plate_title", "plate_fields", *COLOUR_KEYS.values())})

    def values(self) -> dict[str, Any]:
        """The plate_* settings as the dialog shows them."""
        title = self.title_edit.text().strip() or str(REGISTRY["plate_title"].default)
        return {"plate_paper": self.paper.currentData(), "plate_title": title,
                "plate_fields": [k for k, box in self.field_boxes.items() if box.isChecked()],
                **{key: self.colours[kind].name().upper() for kind, key in COLOUR_KEYS.items()}}

    def look(self) -> CardLook:
        from fieldapp.services.printing.cards import card_look
        from fieldapp.services.printing.layout import parse_colour

        values = self.values()
        fields = tuple(values["plate_fields"]) or tuple(PLATE_FIELDS)
        colours = {kind: parse_colour(values[key], str(REGISTRY[key].default)) for kind, key in COLOUR_KEYS.items()}
        return dataclasses.replace(card_look(self.ctx), title=values["plate_title"], fields=fields, colours=colours)

    def set_colour(self, kind: str, colour: QColor) -> None:
        if not colour.isValid():
            return
        self.colours[kind] = colour
        swatch = QPixmap(28, 16)
        swatch.fill(colour)
        button = self.colour_buttons[kind]
        button.setIcon(QIcon(swatch))
        button.setIconSize(swatch.size())
        button.setToolTip(colour.name().upper())
        self._changed()

    def choose_colour(self, kind: str) -> None:
        title = self.tr("兜底户颜色") if kind == "safety_net" else self.tr("脱贫户颜色")
        colour = QColorDialog.getColor(self.colours[kind], self, title)
        if colour.isValid():
            self.set_colour(kind, colour)

    def _changed(self) -> None:
        if not hasattr(self, "_timer") or len(self.colours) < len(KINDS):
            return
        problems = []
        if not any(box.isChecked() for box in self.field_boxes.values()):
            problems.append(self.tr("请至少选择一个显示项。"))
        a, b = self.colours["safety_net"], self.colours["development"]
        if abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60:
            problems.append(self.tr("两种颜色很接近，彩色打印时不易区分（斜纹和标签仍可区分）。"))
        self.hint.setText("\n".join(problems))
        self.hint.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            any(box.isChecked() for box in self.field_boxes.values()))
        self._timer.start()

    # -- preview ---------------------------------------------------------------------------------

    def update_preview(self) -> None:
        """Render the sample cards with the values shown now (the newest request wins)."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        cards, look, paper = self._samples, self.look(), str(self.paper.currentData())

        def work(_control: TaskControl) -> list[QImage]:
            return render_sample(cards, look, paper)

        def done(images: list[QImage]) -> None:
            if generation == self._generation:
                self._show_preview(images)

        if self.tasks is None:
            self._show_preview(render_sample(cards, look, paper))
        else:
            self.tasks.run_net(work, on_done=done, on_error=lambda exc: log.warning("plate preview failed: %s", exc))

    def _show_preview(self, images: list[QImage]) -> None:
        self.preview_images = images
        for i, label in enumerate(self.preview_labels):
            if i < len(images):
                label.setPixmap(QPixmap.fromImage(images[i]))
                label.show()
            else:
                label.clear()
                label.hide()
        self.preview_updated.emit()

    # -- saving ------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the layout as an operation (then announced); returns whether it was saved by the time this returns."""
        values = self.values()
        if not values["plate_fields"]:
            return False
        settings, saved = self.ctx.settings, [False]
        for key, value in values.items():
            settings[key] = value

        def done(_result: object) -> None:
            log.info("door-plate layout saved: %s", values)
            saved[0] = True
            self.accept()

        run_op(self.tasks if self.tasks is not None else SyncTaskManager(self), self.hub, settings.save,
               parent=self, on_done=done, changes=Changes(settings=True), message=self.tr("已保存门牌样式"))
        return saved[0]

    def done(self, result: int) -> None:
        self._timer.stop()
        self._generation += 1  # a preview still rendering is dropped
        super().done(result)
