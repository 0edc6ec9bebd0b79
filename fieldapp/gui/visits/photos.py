"""Photos of a visit: thumbnails in an icon view, imported from files or a camera folder.

Importing (downscale, strip metadata, store content-addressed: :mod:`fieldapp.services.photos`)
runs off the GUI thread through the :class:`~fieldapp.gui.tasks.TaskManager`, one file after
another with progress and a cancel button. A file that cannot become a photo (not an image,
over 30 MB, damaged) is listed with its message; the others are imported. The same photo
imported twice is shown once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui.fields import ERROR_COLOR
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.services import photos as photo_service
from fieldapp.services.photos import PhotoError, StoredPhoto

log = logging.getLogger("fieldapp.gui.visits")

ICON_SIDE = 96
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ImportResult = tuple[list[StoredPhoto], list[str]]


def _handled_by_signal(_exc: BaseException) -> None:
    """An on_error callback that leaves the failure to the task's ``failed`` signal."""


class PhotoStrip(QWidget):
    """The photos of one visit. ``photos()`` are the stored photos in their order."""

    changed = Signal()
    #: an import started (True) or ended (False)
    busy_changed = Signal(bool)
    #: an import ended: (photos added, error messages)
    import_finished = Signal(int, list)

    def __init__(self, folder: photo_service.PhotoFolder, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder  # sealed on disk when the data folder is encrypted
        self.tasks = tasks
        self._photos: list[StoredPhoto] = []
        self._task: Task | None = None
        self.errors: list[str] = []

        self.view = QListWidget(self)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(QSize(ICON_SIDE, ICON_SIDE))
        self.view.setGridSize(QSize(ICON_SIDE + 16, ICON_SIDE + 16))
        self.view.setMovement(QListView.Movement.Static)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setMinimumHeight(ICON_SIDE + 24)
        self.view.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("添加照片…"), self)
        self.folder_button = QPushButton(self.tr("从相机文件夹导入…"), self)
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.cancel_button = QPushButton(self.tr("停止导入"), self)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.count_label = QLabel(self)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.add_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.cancel_button.clicked.connect(self.cancel_import)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for widget in (self.add_button, self.folder_button, self.remove_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        busy = QHBoxLayout()
        busy.setContentsMargins(0, 0, 0, 0)
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addLayout(busy)
        layout.addWidget(self.error_label)
        self._show_busy(False)
        self._update_buttons()

    # -- content ---------------------------------------------------------------------------

    def photos(self) -> list[StoredPhoto]:
        return list(self._photos)

    def set_photos(self, photos: Sequence[StoredPhoto]) -> None:
        self._photos = []
        self.view.clear()
        self._add(photos)
        self._show_errors([])

    @property
    def root(self) -> Path:
        return self.folder.root

    def is_busy(self) -> bool:
        return self._task is not None

    def _add(self, photos: Sequence[StoredPhoto]) -> int:
        known = {p.id for p in self._photos}
        added = 0
        for photo in photos:
            if photo.id in known:
                continue
            known.add(photo.id)
            self._photos.append(photo)
            item = QListWidgetItem(self._icon(photo), "", self.view)
            item.setData(PHOTO_ID_ROLE, photo.id)
            taken = self.tr("，拍摄于 {0}").format(photo.taken_on.isoformat()) if photo.taken_on else ""
            item.setToolTip(self.tr("{0}×{1} 像素，{2} KB{3}").format(photo.width, photo.height,
                                                                   max(1, photo.bytes // 1024), taken))
            added += 1
        self._update_buttons()
        return added

    def _icon(self, photo: StoredPhoto) -> QIcon:
        pixmap = QPixmap()
        try:
            thumb = self.folder.read_thumb(photo.sha256)
        except (OSError, photo_service.SealedError):
            thumb = None
        if thumb is not None:
            pixmap.loadFromData(thumb)
        if pixmap.isNull():  # the thumbnail is missing (e.g. photo synced without its files yet)
            pixmap = QPixmap(ICON_SIDE, ICON_SIDE)
            pixmap.fill(Qt.GlobalColor.lightGray)
        return QIcon(pixmap)

    def remove_selected(self) -> None:
        ids = {item.data(PHOTO_ID_ROLE) for item in self.view.selectedItems()}
        if not ids:
            return
        for row in reversed(range(self.view.count())):
            if self.view.item(row).data(PHOTO_ID_ROLE) in ids:
                self.view.takeItem(row)
        self._photos = [p for p in self._photos if p.id not in ids]
        self._update_buttons()
        self.changed.emit()

    # -- importing ---------------------------------------------------------------------------------

    def choose_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in sorted(photo_service.IMAGE_SUFFIXES))
        files, _filter = QFileDialog.getOpenFileNames(self, self.tr("添加照片"), "",
                                                      self.tr("图片 ({0});;所有文件 (*)").format(patterns))
        if files:
            self.import_files([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择相机文件夹（如 DCIM）"))
        if folder:
            self.import_folder(Path(folder))

    def import_folder(self, folder: Path) -> Task | None:
        """Import every image directly in ``folder`` (a camera card's DCIM folder, say)."""
        try:
            files = photo_service.list_images(folder)
        except OSError as exc:
            self._show_errors([self.tr("无法读取文件夹“{0}”：{1}").format(folder, exc.strerror or exc)])
            return None
        if not files:
            self._show_errors([self.tr("文件夹“{0}”中没有图片").format(folder)])
            return None
        return self.import_files(files)

    def import_files(self, files: Sequence[Path]) -> Task | None:
        """Import ``files`` off the GUI thread; ``import_finished`` reports the outcome."""
        if self._task is not None or not files:
            return None
        folder = self.folder
        sources = [Path(f) for f in files]

        def work(control: TaskControl) -> ImportResult:
            stored: list[StoredPhoto] = []
            errors: list[str] = []
            for i, source in enumerate(sources):
                control.check()
                control.progress(i, len(sources), source.name)
                try:
                    stored.append(folder.import_file(source))
                except PhotoError as exc:
                    errors.append(exc.message)
            control.progress(len(sources), len(sources), "")
            return stored, errors

        self._show_errors([])
        self.progress.setRange(0, len(sources))
        self.progress.setValue(0)
        self._show_busy(True)
        # File work: kept off the serial database thread so the register stays responsive. The outcome
        # comes through the task's signals, which Qt disconnects if this widget is gone by then.
        self._task = self.tasks.run_net(work, on_error=_handled_by_signal)
        self._task.done.connect(self._imported)
        self._task.failed.connect(self._import_failed)
        self._task.progress.connect(self._progress)
        self._task.cancelled.connect(self._import_cancelled)
        return self._task

    def cancel_import(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("正在导入 {0}/{1} {2}").format(min(done + 1, total), total, name)
                                if name else self.tr("导入完成"))

    def _imported(self, result: ImportResult) -> None:
        stored, errors = result
        self._task = None
        self._show_busy(False)
        added = self._add(stored)
        self._show_errors(errors)
        if added:
            self.changed.emit()
        self.import_finished.emit(added, errors)

    def _import_failed(self, exc: BaseException) -> None:
        self._task = None
        self._show_busy(False)
        log.warning("photo import failed: %s", exc)
        message = str(exc) or type(exc).__name__
        self._show_errors([self.tr("导入照片失败：{0}").format(message)])
        self.import_finished.emit(0, [message])

    def _import_cancelled(self) -> None:
        if self._task is not None:
            self._task = None
            self._show_busy(False)
            self.import_finished.emit(0, [])

    def _show_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.add_button.setEnabled(not busy)
        self.folder_button.setEnabled(not busy)
        self.busy_changed.emit(busy)

    def _show_errors(self, errors: Sequence[str]) -> None:
        self.errors = list(errors)
        if errors:
            heading = self.tr("以下 {0} 个文件未导入：").format(len(errors))
            self.error_label.setText(heading + "\n" + "\n".join(f"• {e}" for e in errors))
        self.error_label.setVisible(bool(errors))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.view.selectedItems()))
        count = len(self._photos)
        self.count_label.setText(self.tr("{0} 张照片").format(count) if count else self.tr("没有照片"))
