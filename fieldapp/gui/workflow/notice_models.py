"""Table models of the 公示与评议 page: meetings, notices (with where each stands), open objections, and the
households a meeting deliberates (ticked, with an optional vote of their own).

The list models show rows the services read on the database thread and are replaced wholesale; the meeting's
household model is the one editable model: column 0 is ticked (Space) and the two vote columns take a whole
number or nothing (the meeting voted once).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from fieldapp.domain import notice as rules
from fieldapp.domain.refdata import RefData
from fieldapp.gui import i18n
from fieldapp.gui.tables import Index, RowsModel
from fieldapp.gui.workflow.models import CONFLICT_COLOUR, CURRENT_COLOUR, DUE_COLOUR, _Rows
from fieldapp.services.workflow.deliberation import Meeting
from fieldapp.services.workflow.notices import NoticeView
from fieldapp.services.workflow.store import AtStep, Named


class MeetingModel(_Rows):
    """评议会议: date, village, present, votes, summary, recorder, households (last: long)."""

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(ref, parent)
        self.villages: Mapping[str, str] = {}
        self.headers = (self.tr("日期"), self.tr("村"), self.tr("到会代表"), self.tr("赞成"), self.tr("反对"),
                        self.tr("纪要"), self.tr("记录人"), self.tr("评议的户"))

    def set_meetings(self, meetings: Sequence[Meeting], villages: Mapping[str, str]) -> None:
        self.villages = dict(villages)
        self.set_rows(meetings)

    def cell(self, row: Meeting, column: int) -> str:
        names = f"（{row.present_names}）" if row.present_names else ""
        households = "、".join(f"{h.head_name or '—'}（{h.hh_no or '—'}）" for h in row.households)
        values = (row.held_on.isoformat(), self.villages.get(row.village_id, "—"),
                  self.tr("{0} 人").format(row.present_count) + names, str(row.votes_for), str(row.votes_against),
                  row.summary, row.recorded_by_name or "—", households)
        return values[column]


class NoticeModel(_Rows):
    """公示、公告: workflow step, village, period, where it stands, posting, issuer, households (last: long)."""

    def __init__(self, ref: RefData, parent: QObject | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(ref, parent)
        self.today = today
        self.villages: Mapping[str, str] = {}
        self.names: Mapping[str, Named] = {}
        self.headers = (self.tr("流程步骤"), self.tr("村"), self.tr("公示期"), self.tr("状态"), self.tr("张贴"),
                        self.tr("签发人"), self.tr("公示的户"))

    def set_notices(self, found: Sequence[NoticeView], villages: Mapping[str, str],
                    names: Mapping[str, Named]) -> None:
        self.villages, self.names = dict(villages), dict(names)
        self.set_rows(found)

    def notice(self, row: int) -> NoticeView | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def status(self, n: NoticeView) -> str:
        return n.status(self.today or dt.date.today())

    def status_text(self, n: NoticeView) -> str:
        status = self.status(n)
        if status == rules.UNPOSTED:
            return self.tr("未张贴")
        if status == rules.POSTED:
            return self.tr("已张贴，{0} 起公示").format(n.period_start.isoformat())
        if status == rules.RUNNING:
            return self.tr("公示中，{0} 期满").format(n.period_end.isoformat())
        return self.tr("公示期已满")

    def step_text(self, n: NoticeView) -> str:
        from fieldapp.domain import workflow as flows

        lang = i18n.ref_language()
        try:
            definition = flows.definitions(self.ref).get(n.kind)
            step = definition.steps[definition.index(n.step)]
        except flows.WorkflowError:
            return f"{n.kind} {n.step}"
        return f"{definition.text(lang)} · {step.code} {step.text(lang)}"

    def cell(self, row: NoticeView, column: int) -> str:
        names = [self.names[h].text() if h in self.names else h[-8:] for h in row.household_ids]
        households = self.tr("{0} 户：").format(len(names)) + "、".join(names)
        period = self.tr("{0} 至 {1}（{2} 天）").format(row.period_start.isoformat(), row.period_end.isoformat(),
                                                      row.days)
        posted = row.posted_on.isoformat() if row.posted_on else "—"
        values = (self.step_text(row), self.villages.get(row.village_id, "—"), period, self.status_text(row), posted,
                  row.issued_by_name or "—", households)
        return values[column]

    def colour(self, row: NoticeView) -> str | None:
        return {rules.UNPOSTED: CONFLICT_COLOUR, rules.RUNNING: CURRENT_COLOUR,
                rules.ENDED: DUE_COLOUR}.get(self.status(row))


class ObjectionModel(_Rows):
    """Objections not yet handled: household, the notice's step, received on, from whom, state, content."""

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(ref, parent)
        self.names: Mapping[str, Named] = {}
        self.steps: Mapping[str, str] = {}
        self.headers = (self.tr("农户"), self.tr("步骤"), self.tr("收到日期"), self.tr("异议人"), self.tr("状态"),
                        self.tr("内容"))

    def set_objections(self, found: Sequence[rules.ObjectionView], names: Mapping[str, Named],
                       steps: Mapping[str, str] | None = None) -> None:
        """``steps``: notice id → the text of its workflow step."""
        self.names, self.steps = dict(names), dict(steps or {})
        self.set_rows(found)

    def objection(self, row: int) -> rules.ObjectionView | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def cell(self, row: rules.ObjectionView, column: int) -> str:
        named = self.names.get(row.household_id or "")
        who = named.text() if named is not None else (row.hh_no or "—")
        state = self.tr("未办结") if row.result is None else (
            self.tr("异议成立") if row.result == rules.UPHELD else self.tr("异议不成立"))
        step = self.steps.get(row.notice_id or "", row.step)
        values = (who, step, row.received_on.isoformat(), row.from_whom, state, row.content)
        return values[column]

    def colour(self, row: rules.ObjectionView) -> str | None:
        return CONFLICT_COLOUR if row.result is None else None


class DeliberatedModel(RowsModel):
    """The households a meeting may deliberate (at a 评议 step of the village): ticked ones are deliberated;
    ``votes`` for or against are optional (empty: the meeting's own vote)."""

    CHECK, FOR, AGAINST = 0, 5, 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checked: set[str] = set()
        self.votes: dict[str, list[int | None]] = {}
        self.headers = (self.tr("评议"), self.tr("户编号"), self.tr("户主"), self.tr("流程"), self.tr("步骤"),
                        self.tr("本户赞成"), self.tr("本户反对"))

    def set_households(self, found: Sequence[AtStep]) -> None:
        keep = {a.household_id for a in found}
        self.checked &= keep
        self.votes = {k: v for k, v in self.votes.items() if k in keep}
        self.set_rows(found)

    def chosen(self) -> list[str]:
        return [a.household_id for a in self.rows if a.household_id in self.checked]

    def household_votes(self) -> dict[str, tuple[int, int]]:
        """The per-household votes of the ticked households that have both numbers."""
        out: dict[str, tuple[int, int]] = {}
        for hid in self.chosen():
            yes, no = self.votes.get(hid, [None, None])
            if yes is not None and no is not None:
                out[hid] = (yes, no)
        return out

    def half_votes(self) -> list[str]:
        """Ticked households with only one of the two numbers (a vote that cannot be stored)."""
        return [a.household.text() for a in self.rows if a.household_id in self.checked
                and (self.votes.get(a.household_id, [None, None]).count(None) == 1)]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.CHECK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (self.FOR, self.AGAINST):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        a: AtStep = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.CHECK:
            return Qt.CheckState.Checked if a.household_id in self.checked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column in (self.FOR, self.AGAINST):
                value = self.votes.get(a.household_id, [None, None])[column - self.FOR]
                return ("" if value is None else str(value)) if role == Qt.ItemDataRole.DisplayRole else value
            lang = i18n.ref_language()
            values = ("", a.household.hh_no or "—", a.household.head_name or "—", a.workflow.definition.text(lang),
                      f"{a.step.code} {a.step.text(lang)}")
            return values[column] if column < len(values) else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return False
        hid = self.rows[index.row()].household_id
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.CHECK:
            state = value.value if isinstance(value, Qt.CheckState) else int(value)
            if state == Qt.CheckState.Checked.value:
                self.checked.add(hid)
            else:
                self.checked.discard(hid)
            self.dataChanged.emit(index, index, [role])
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() in (self.FOR, self.AGAINST):
            text = "" if value is None else str(value).strip()
            if text and not text.isdigit():
                return False  # a vote is a whole number (or nothing)
            self.votes.setdefault(hid, [None, None])[index.column() - self.FOR] = int(text) if text else None
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
            return True
        return False

    def check_all(self, on: bool) -> None:
        self.checked = {a.household_id for a in self.rows} if on else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, self.CHECK), self.index(len(self.rows) - 1, self.CHECK),
                                  [Qt.ItemDataRole.CheckStateRole])
