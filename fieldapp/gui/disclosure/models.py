"""Table models of the 资金公示 tab: the notices (with where each stands and whether the ledger still agrees)
and the objections to them. Rows are read by the services on the database thread and replaced wholesale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject

from fieldapp.domain import disclosure as rules
from fieldapp.domain import notice as notice_rules
from fieldapp.domain.refdata import RefData
from fieldapp.gui.workflow.models import CONFLICT_COLOUR, _Rows
from fieldapp.services.disclosure.service import DisclosureView, Standing


@dataclass(frozen=True)
class DisclosureRow:
    view: DisclosureView
    standing: Standing


class DisclosureModel(_Rows):
    """资金公示: kind, what about, period, where it stands, posting, ledger check, issuer."""

    def __init__(self, ref: RefData, parent: QObject | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(ref, parent)
        self.today = today
        self.headers = (self.tr("类别"), self.tr("公示内容"), self.tr("公示期"), self.tr("状态"), self.tr("张贴"),
                        self.tr("账目核对"), self.tr("签发人"))
        self.status_words = {"unposted": self.tr("未张贴"), "posted": self.tr("已张贴，未到公示期"),
                             "running": self.tr("公示中"), "ended": self.tr("公示期已满")}
        self.kind_words = {rules.PLAN: self.tr("资金使用计划公示"), rules.PROJECT: self.tr("项目公示"),
                           rules.COMPLETION: self.tr("项目完成公告"), rules.SUBSIDY: self.tr("到户补助公示")}

    def set_notices(self, rows: Sequence[DisclosureRow]) -> None:
        self.set_rows(rows)

    def notice(self, row: int) -> DisclosureView | None:
        return self.rows[row].view if 0 <= row < len(self.rows) else None

    def kind_text(self, view: DisclosureView) -> str:
        return self.kind_words.get(view.kind, view.kind)

    def cell(self, row: DisclosureRow, column: int) -> str:
        v = row.view
        today = self.today or dt.date.today()
        posted = v.posted_on.isoformat() if v.posted_on else self.tr("未记录")
        check = {"一致": self.tr("一致"), "已过时": self.tr("已过时"), "签字不符": self.tr("签字不符")}.get(
            row.standing.short(), row.standing.short())
        values = (self.kind_text(v), v.scope, f"{v.period_start.isoformat()} – {v.period_end.isoformat()}",
                  self.status_words.get(v.status(today), v.status(today)), posted, check, v.issued_by_name)
        return values[column]

    def colour(self, row: DisclosureRow) -> str | None:
        return None if row.standing.holds else CONFLICT_COLOUR


class DisclosureObjectionModel(_Rows):
    """异议: received, notice, from whom, content, result."""

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(ref, parent)
        self.notices: dict[str, str] = {}
        self.headers = (self.tr("收到日期"), self.tr("公示"), self.tr("异议人"), self.tr("内容"), self.tr("办理结果"))

    def set_objections(self, found: Sequence[notice_rules.ObjectionView], notices: dict[str, str]) -> None:
        self.notices = dict(notices)
        self.set_rows(found)

    def objection(self, row: int) -> notice_rules.ObjectionView | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def cell(self, row: notice_rules.ObjectionView, column: int) -> str:
        result = {notice_rules.UPHELD: self.tr("异议成立"), notice_rules.DISMISSED: self.tr("异议不成立")}.get(
            row.result or "", self.tr("未办结"))
        values = (row.received_on.isoformat(), self.notices.get(row.notice_id or "", "—"), row.from_whom, row.content,
                  result)
        return values[column]

    def colour(self, row: notice_rules.ObjectionView) -> str | None:
        return None if row.handled else CONFLICT_COLOUR
