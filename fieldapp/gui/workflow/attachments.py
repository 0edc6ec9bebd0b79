"""Attachments of decisions in the workflow windows: chosen in the decide dialog, shown in the 动态管理 panel.

:class:`AttachmentPicker` (the decide dialog's 添加附件…): a kind (会议记录, 脱贫确认书, 其他), a caption and
files from a file dialog; a file that is not a JPEG or PNG image is refused at once, with the service's
message naming it. The files are stored (sealed) by the service when the decision is made.

:class:`AttachmentStrip` (the panel): the thumbnails of a workflow's attachments, read on the database
thread; Enter or a double click opens one at full size in :class:`PhotoViewer`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImageReader, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui import i18n
from fieldapp.gui.fields import ERROR_COLOR
from fieldapp.gui.tasks import TaskManager
from fieldapp.services.context import AppContext
from fieldapp.services.photos import PhotoError
from fieldapp.services.workflow import attachments as service
from fieldapp.services.workflow.attachments import Attachment, NewAttachment

log = logging.getLogger("fieldapp.gui.workflow")

ICON_SIDE = 56
THUMB_SIDE = 96
INDEX_ROLE = Qt.ItemDataRole.UserRole + 1


class AttachmentPicker(QWidget):
    """The attachments chosen for a decision (``items()``), with the kind and caption of each."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, required: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._items: list[NewAttachment] = []
        lang = i18n.ref_language()
        self.kind = QComboBox(self)
        for code in ctx.ref[service.KINDS].codes:
            self.kind.addItem(code.text(lang), code.code)
        self.kind.setCurrentIndex(max(self.kind.findData(required or service.OTHER), 0))
        self.caption = QLineEdit(self)
        self.caption.setPlaceholderText(self.tr("说明（可不填）"))
        self.add_button = QPushButton(self.tr("添加附件(&A)…"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list = QListWidget(self)
        self.list.setObjectName("attachment_list")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setIconSize(QSize(ICON_SIDE, ICON_SIDE))
        self.list.setGridSize(QSize(self.fontMetrics().horizontalAdvance("国") * 14,
                                    ICON_SIDE + 8 + self.fontMetrics().height()))
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setFixedHeight(ICON_SIDE + 28 + self.fontMetrics().height())
        self.list.itemSelectionChanged.connect(self._update)
        self.error = QLabel(self)
        self.error.setObjectName("attachment_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind)
        row.addWidget(self.caption, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)
        layout.addWidget(self.error)
        self._update()

    def items(self) -> list[NewAttachment]:
        return list(self._items)

    def choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, self.tr("选择附件照片"), "",
                                                      self.tr("图片 (*.jpg *.jpeg *.png);;所有文件 (*)"))
        self.add_files([Path(f) for f in files])

    def add_files(self, files: Sequence[Path]) -> int:
        """Add ``files`` with the chosen kind and caption; refuses (and lists) those not JPEG or PNG."""
        refused: list[str] = []
        added = 0
        kind, caption = str(self.kind.currentData()), self.caption.text().strip()
        for path in files:
            try:
                service.check_file(path)
            except PhotoError as exc:
                refused.append(str(exc))
                continue
            if any(i.path == path for i in self._items):
                continue
            item = NewAttachment(path, kind, caption)
            self._items.append(item)
            shown = QListWidgetItem(self._icon(path), self._text(item))
            shown.setToolTip(str(path))
            self.list.addItem(shown)
            added += 1
        self.error.setText("\n".join(refused))
        self.error.setVisible(bool(refused))
        self._update()
        self.changed.emit()
        return added

    def remove_selected(self) -> None:
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.list.takeItem(row)
            del self._items[row]
        self._update()
        self.changed.emit()

    def _text(self, item: NewAttachment) -> str:
        kind = service.kind_label(self.ctx, item.kind, i18n.ref_language())
        return f"{kind}：{item.caption or item.path.name}"

    @staticmethod
    def _icon(path: Path) -> QIcon:
        reader = QImageReader(str(path))  # scaled while decoding: a phone's photo is not loaded whole
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(ICON_SIDE * 2, ICON_SIDE * 2, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        return QIcon(QPixmap.fromImage(image)) if not image.isNull() else QIcon()

    def _update(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
        self.list.setVisible(bool(self._items))


@dataclass(frozen=True)
class Shown:
    """An attachment shown in the panel: what it is attached to (a step, or the step's 评议 meeting)."""

    attachment: Attachment
    where: str  # e.g. 03 户认可（脱贫确认书）


class AttachmentStrip(QListWidget):
    """Thumbnails of a workflow's attachments; Enter or a double click opens one (``opened`` signal)."""

    opened = Signal(object)  # Shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown: list[Shown] = []
        self.setObjectName("attachment_strip")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        width = self.fontMetrics().horizontalAdvance("国") * 22  # a kind and a short caption on one line
        self.setGridSize(QSize(width, THUMB_SIDE + 8 + self.fontMetrics().height() * 2))
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setFixedHeight(THUMB_SIDE + 28 + self.fontMetrics().height() * 2)
        self.itemActivated.connect(lambda item: self.opened.emit(self.shown[int(item.data(INDEX_ROLE))]))

    def set_attachments(self, shown: Sequence[Shown], thumbs: dict[str, bytes]) -> None:
        self.clear()
        self.shown = list(shown)
        for i, s in enumerate(self.shown):
            a = s.attachment
            pixmap = QPixmap()
            data = thumbs.get(a.sha256)
            if data is not None:
                pixmap.loadFromData(data)
            kind = service.kind_label(self.ctx, a.kind, i18n.ref_language())
            text = f"{s.where}\n{kind}" + (f"：{a.caption}" if a.caption else "")
            if data is None:
                text += "\n" + self.tr("（照片未同步到本机）")
            item = QListWidgetItem(QIcon(pixmap), text)
            item.setData(INDEX_ROLE, i)
            item.setToolTip(text + "\n" + self.tr("{0}×{1}，校验值 {2}（Enter 打开）").format(
                a.width, a.height, a.sha256[:12]))
            self.addItem(item)
        if self.shown and self.currentRow() < 0:
            self.setCurrentRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.opened.emit(self.shown[int(self.currentItem().data(INDEX_ROLE))])
            return
        super().keyPressEvent(event)


class PhotoViewer(QDialog):
    """One attachment at full size (read and unsealed on the database thread)."""

    def __init__(self, ctx: AppContext, shown: Shown, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        a = shown.attachment
        kind = service.kind_label(ctx, a.kind, i18n.ref_language())
        self.setWindowTitle(self.tr("附件：{0}").format(kind))
        self.caption = QLabel(f"{shown.where}　{kind}"
                              + (f"：{a.caption}" if a.caption else ""), self)
        self.caption.setWordWrap(True)
        self.image = QLabel(self.tr("正在打开…"), self)
        self.image.setObjectName("attachment_image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        self.resize(900, 640)
        photos = ctx.photos
        tasks.run_db(lambda _c: photos.read(a.sha256), on_done=self._loaded, on_error=self._failed)

    def _loaded(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data is None or not pixmap.loadFromData(data):
            self.image.setText(self.tr("照片文件不在本机（尚未同步），同步后可查看。"))
            return
        self.image.setPixmap(pixmap.scaled(QSize(860, 560), Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))

    def _failed(self, exc: BaseException) -> None:
        log.warning("attachment could not be opened: %s", exc)
        self.image.setText(self.tr("照片无法打开：{0}").format(exc))
