"""Fixtures of the 同步 page tests: a laptop (``ctx``) and the demo district as a second real replica.

The district is the identity ``fieldapp demo`` registers (:func:`ensure_demo_district`), opened
as its own data folder (``<home>/demo-district``), with the laptop registered as its peer for the
laptop's villages. Its writer's clock runs one second ahead, so its edits are the later ones.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fieldapp import paths
from fieldapp.domain.hlc import HybridClock
from fieldapp.gui.sync.page import SyncPage
from fieldapp.gui.tasks import TaskManager
from fieldapp.services import syncing
from fieldapp.services.context import AppContext, open_context
from fieldapp.services.demo import ensure_demo_district
from fieldapp.store.writer import Actor, ChangeWriter
from fieldapp.sync import service
from fieldapp.sync.district import public_identity, register_peer
from tests.helpers.dialogs import BoxAnswerer, boxes  # noqa: F401  (the `boxes` fixture)
from tests.helpers.qt import mark_gui_folder, sync_tasks, tasks  # noqa: F401  (fixtures)

_HERE = Path(__file__).parent
OFFSCREEN_SIZE_HINTS = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_gui_folder(items, _HERE, OFFSCREEN_SIZE_HINTS)


@dataclass
class District:
    ctx: AppContext
    rep: service.Replica
    writer: ChangeWriter

    @property
    def device_id(self) -> str:
        return self.rep.device_id

    def import_file(self, path: Path) -> service.ImportResult:
        return service.import_file(self.rep, path)

    def reply(self, laptop: AppContext, stick: Path) -> Path:
        assert laptop.identity is not None
        return service.export_to(self.rep, laptop.identity.device_id, stick)


@pytest.fixture
def district(ctx: AppContext) -> Iterator[District]:
    ensure_demo_district(ctx.db, ctx.paths.home)
    dctx = open_context(paths.DataPaths(ctx.paths.home / "demo-district"))
    assert ctx.identity is not None and dctx.identity is not None
    register_peer(dctx.db, public_identity(ctx.identity, "王伟的笔记本"), scope=list(ctx.settings["village_ids"]))
    ahead = HybridClock(wall_ms=lambda: time.time_ns() // 1_000_000 + 1000)
    writer = ChangeWriter(dctx.db, Actor(dctx.identity.device_id, None, "区县审核员"), ahead)
    yield District(dctx, syncing.replica_of(dctx), writer)
    dctx.close()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder



@pytest.fixture
def two_households(make_household: Callable[..., str]) -> tuple[str, str]:
    return make_household("李大山"), make_household("张小河")


def close_boxes(page: SyncPage) -> None:
    if page.report_box is not None:
        page.report_box.done(0)
    if page.dialog is not None:
        page.dialog.done(0)


@pytest.fixture
def open_page(ctx: AppContext, qtbot: QtBot) -> Callable[[TaskManager], SyncPage]:
    def make(manager: TaskManager) -> SyncPage:
        page = SyncPage(ctx, manager)
        qtbot.addWidget(page, before_close_func=close_boxes)
        page.resize(1100, 720)
        page.show()
        qtbot.waitExposed(page)
        return page
    return make


def round_trip(page: SyncPage, district: District, stick: Path, qtbot: QtBot) -> Any:
    """Laptop → district through the page; the district's reply back through the page. Returns the batch."""
    with qtbot.waitSignal(page.export_finished, timeout=20000) as exported:
        page.export(district.device_id, stick)
    district.import_file(exported.args[0].path)
    district.reply(page.ctx, stick)
    with qtbot.waitSignal(page.import_finished, timeout=20000) as blocker:
        page.import_from(stick)
    return blocker.args[0]
