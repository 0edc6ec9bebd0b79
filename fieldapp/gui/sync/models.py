"""Table models of the 同步 page: peers, open conflicts, quarantined changes.

Each model takes a :class:`~fieldapp.gui.sync.data.SyncSnapshot` (read on the database
thread) and formats its rows once, on the GUI thread. ``ID_ROLE`` gives a row's
conflict or quarantine id (the peer's device id for peers); ``KIND_ROLE`` a conflict's
kind (``field``, ``delete`` or ``clock``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from fieldapp.domain.refdata import RefData
from fieldapp.gui.sync import texts
from fieldapp.gui.sync.data import SyncSnapshot, decode
from fieldapp.gui.visits.models import _FixedHeaderTable

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _SnapshotTable(_FixedHeaderTable):
    """Rows of display texts (with tooltips) built from a snapshot."""

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ref = ref
        self.rows: list[tuple[str, ...]] = []
        self.tips: list[tuple[str, ...]] = []
        self.ids: list[Any] = []
        self.kinds: list[str] = []

    def set_snapshot(self, snap: SyncSnapshot) -> None:
        self.beginResetModel()
        try:
            self.rows, self.tips, self.ids, self.kinds = [], [], [], []
            self._fill(snap)
        finally:
            self.endResetModel()

    def _fill(self, snap: SyncSnapshot) -> None:
        raise NotImplementedError

    def _add(self, row_id: Any, texts_: tuple[str, ...], tips: tuple[str, ...] = (), kind: str = "") -> None:
        self.ids.append(row_id)
        self.rows.append(texts_)
        self.tips.append(tips or texts_)
        self.kinds.append(kind)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or index.column() >= len(self.headers):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips[row][column] or None
        if role == ID_ROLE:
            return self.ids[row]
        if role == KIND_ROLE:
            return self.kinds[row]
        return None

    def row_id(self, row: int) -> Any:
        return self.ids[row]


def _peer_names(snap: SyncSnapshot) -> dict[str, str]:
    return {p.device_id: p.name for p in snap.peers}


class PeerModel(_SnapshotTable):
    """同步对象: pending changes and the last exchange with each peer."""

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(ref, parent)
        self.headers = (self.tr("同步对象"), self.tr("范围"), self.tr("待发送"), self.tr("上次导出"),
                        self.tr("上次导入"))

    def _fill(self, snap: SyncSnapshot) -> None:
        for p in snap.peers:
            if p.scope is None:
                scope = self.tr("全区县")
            else:
                scope = "、".join(snap.names.get(v, v[-8:]) for v in p.scope) or "—"
            name = p.name + (self.tr("（默认）") if p.device_id == snap.default_peer else "")
            texts_ = (name, scope, self.tr("{0} 条").format(p.pending), texts.iso_time(p.last_sent),
                      texts.iso_time(p.last_received))
            self._add(p.device_id, texts_, (p.device_id, scope, *texts_[2:]))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and index.column() == 2:
            return _RIGHT
        return super().data(index, role)


class ConflictModel(_SnapshotTable):
    """Open conflicts: the value LWW kept (当前值) and the one it overwrote (另一值), who and when."""

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(ref, parent)
        self.headers = (self.tr("农户"), self.tr("记录"), self.tr("字段"), self.tr("当前值"), self.tr("当前值来自"),
                        self.tr("另一值"), self.tr("另一值来自"))

    def _fill(self, snap: SyncSnapshot) -> None:
        peers = _peer_names(snap)
        for c in snap.conflicts:
            record = texts.table_label(c["tbl"])
            if c["tbl"] == "member" and c["row_id"] in snap.names:
                record = f"{record} {snap.names[c['row_id']]}"
            sides = []
            for side in ("winner", "loser"):
                device = texts.device_text(c[f"{side}_device"], snap.device_id, peers)
                user = snap.users.get((c["tbl"], c["row_id"], c[f"{side}_device"], int(c[f"{side}_hlc"])))
                sides.append(f"{texts.who_text(user, device)} {texts.hlc_time(c[f'{side}_hlc'])}")
            field, current, other = self._values(c, snap)
            household = texts.household_text(c["household_id"], snap.heads)
            tips = (household, c["row_id"], field, current, c["winner_device"], other, c["loser_device"])
            self._add(c["id"], (household, record, field, current, sides[0], other, sides[1]), tips, c["kind"])

    def _values(self, c: dict[str, Any], snap: SyncSnapshot) -> tuple[str, str, str]:
        tbl, kind = c["tbl"], c["kind"]
        winner, loser = decode(c["winner_value"]), decode(c["loser_value"])
        if kind == "clock":
            return (self.tr("时钟超前"), self.tr("对方时钟 {0}").format(texts.hlc_time(c["winner_hlc"])),
                    self.tr("已校正为 {0}").format(texts.hlc_time(c["loser_hlc"])))
        if kind == "delete":
            names = [texts.field_label(tbl, n, self.ref) for n in c["field"].split(",") if n]
            field = self.tr("删除与修改：{0}").format("、".join(names))
            current = self.tr("已删除") if winner is True else self._any(tbl, winner, snap)
            return field, current, self._any(tbl, loser, snap)
        name = c["field"]
        return (texts.field_label(tbl, name, self.ref), texts.value_text(tbl, name, winner, self.ref, snap.names),
                texts.value_text(tbl, name, loser, self.ref, snap.names))

    def _any(self, tbl: str, value: Any, snap: SyncSnapshot) -> str:
        if isinstance(value, dict):
            return texts.fields_text(tbl, value, self.ref, snap.names)
        if value is True:
            return self.tr("已删除")
        return str(value) if value is not None else ""

    def kind(self, row: int) -> str:
        return self.kinds[row]


class QuarantineModel(_SnapshotTable):
    """Quarantined changes: what they would write, who sent them, and the rule they broke."""

    wide_columns = (2,)  # the reason

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(ref, parent)
        self.headers = (self.tr("农户"), self.tr("记录"), self.tr("原因"), self.tr("修改内容"), self.tr("来自"),
                        self.tr("收到时间"))

    def _fill(self, snap: SyncSnapshot) -> None:
        peers = _peer_names(snap)
        for q in snap.quarantine:
            change = q["change"]
            values = change.get("fields") or {}
            tbl = q["tbl"]
            record = texts.table_label(tbl)
            name = values.get("name") if tbl == "member" else None
            name = name or (snap.names.get(q["row_id"]) if tbl == "member" else None)
            if name:
                record = f"{record} {name}"
            if change.get("op") == "delete":
                content = self.tr("删除")
            else:
                content = texts.fields_text(tbl, values, self.ref, snap.names)
            device = texts.device_text(q["origin"], snap.device_id, peers)
            who = texts.who_text(change.get("user"), device)
            if change.get("hlc"):
                who = f"{who} {texts.hlc_time(change['hlc'])}"
            hid = change.get("household_id") or values.get("household_id")
            household = texts.household_text(hid, snap.heads)
            reason = texts.readable_reason(q["reason"], snap.heads)
            row = (household, record, reason, content, who, texts.iso_time(q["received_at"]))
            self._add(q["id"], row, (household, q["row_id"], q["reason"], content, q["origin"], row[5]),
                      change.get("op", ""))


def make_view(model: _SnapshotTable, parent: QWidget) -> QTableView:
    """A read-only table of whole rows (several may be selected for one action)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(parent.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def fit_columns(view: QTableView, widest: int) -> None:
    """Columns as wide as their contents, at most ``widest`` pixels (the full text is in the tooltip);
    a model's ``wide_columns`` may take half as much again."""
    view.resizeColumnsToContents()
    wide = getattr(view.model(), "wide_columns", ())
    for column in range(view.model().columnCount() - 1):
        limit = widest * 3 // 2 if column in wide else widest
        view.setColumnWidth(column, min(limit, view.columnWidth(column) + 12))
