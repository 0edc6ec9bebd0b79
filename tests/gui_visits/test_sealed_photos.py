"""The photo strip of the visit form shows thumbnails that are sealed on disk (encrypted data folder)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from fieldapp.gui.tasks import TaskManager
from fieldapp.gui.visits.photos import PhotoStrip
from fieldapp.services import photos as photo_service
from fieldapp.store import sealed

pytestmark = pytest.mark.gui


def test_sealed_thumbnails_are_shown_and_imports_are_sealed(qtbot: QtBot, tasks: TaskManager, tmp_path: Path,
                                                            image_file: Callable[..., Path]) -> None:
    folder = photo_service.PhotoFolder.for_home(tmp_path / "home", bytes(range(32)))
    strip = PhotoStrip(folder, tasks)
    qtbot.addWidget(strip)
    with qtbot.waitSignal(strip.import_finished, timeout=10000) as done:
        strip.import_files([image_file("a.jpg")])
    assert done.args[0] == 1
    [photo] = strip.photos()
    assert sealed.is_sealed(photo_service.thumb_path(folder.root, photo.sha256).read_bytes())
    pixmap = strip.view.item(0).icon().pixmap(QSize(64, 64))
    image = pixmap.toImage()
    # the thumbnail, not the grey placeholder: the picture is blue (40, 120, 200)
    colour = image.pixelColor(image.width() // 2, image.height() // 2)
    assert colour.blue() > 150 and colour.red() < 100
