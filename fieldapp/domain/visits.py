"""Rules of a visit record (走访/活动记录) and the attendance arithmetic (驻村考勤). Pure: no SQL.

A visit belongs to a household, or is a village-level activity (no household).
It is refused when its date lies in the future or before the household was
registered, when the household or village is not one this laptop serves, when it
says nothing (no 情况, no 措施, no photo, no follow-up), or when a part is invalid.
Each problem is a Simplified-Chinese message under a field key, as in
:mod:`fieldapp.domain.register`.

Attendance (speech 3): a resident team member is in the village at least
:data:`MIN_DAYS_PER_MONTH` days a month; the days are the distinct dates of the
visits the cadre took part in together with the days of explicit 在村 check-ins.
The unit leader visits at least :data:`MIN_LEADER_VISITS_PER_YEAR` times a year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, Literal, NamedTuple

from fieldapp.domain.hlc import physical_ms
from fieldapp.domain.refdata import RefData

MIN_DAYS_PER_MONTH = 15  # speech 3: 每月在村不少于15天
MIN_LEADER_VISITS_PER_YEAR = 3  # speech 3: 单位领导每年至少走访3次
TITLE_MAX = 100
TEXT_MAX = 5000
NOTE_MAX = 200
LATE_CHECKIN_DAYS = 3  # default of the setting late_checkin_days

MonthStatus = Literal["met", "short", "open", "future"]


class Month(NamedTuple):
    """A calendar month (year, month); sorts chronologically."""

    year: int
    month: int

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


# ---------------------------------------------------------------- visit rules


def registered_on(identified_on: dt.date | None, row_hlc: int) -> dt.date:
    """When a household was registered: 首次识别时间 if known, else the local date its row was inserted."""
    if identified_on is not None:
        return identified_on
    return dt.datetime.fromtimestamp(physical_ms(row_hlc) / 1000).date()


def clean_text(value: str | None) -> str | None:
    """Stripped text, or None for empty/whitespace-only text (stored as NULL, never '')."""
    if value is None:
        return None
    text = value.strip()
    return text or None


def visit_problems(
    visit: Mapping[str, Any],
    ref: RefData,
    *,
    today: dt.date,
    registered: dt.date | None,
    village_ids: Collection[str],
    cadre_ids: Sequence[str],
    follow_ups: Sequence[Mapping[str, Any]],
    photo_count: int,
) -> dict[str, str]:
    """Problems of one visit, keyed by field (``date``, ``type``, ``household_id``, ``village_id``,
    ``title``, ``found``, ``done``, ``cadres``, ``follow_up[i].<field>``). Empty dict: valid.

    ``visit`` holds the visit columns; for a household visit ``village_id`` must be the household's
    own village. ``registered`` is the household's registration date (None for an activity).
    ``village_ids`` are the villages this laptop serves.
    """
    p = _date_problems(visit.get("date"), today, registered)
    p.update(_place_problems(visit, village_ids))
    code = visit.get("type")
    if not code:
        p["type"] = "请选择走访类型"
    elif code not in ref["visit_type"]:
        p["type"] = f"代码 {code} 不在“{ref['visit_type'].title['zh-Hans']}”代码表中"
    title = visit.get("title")
    if title and len(title) > TITLE_MAX:
        p["title"] = f"标题不能超过{TITLE_MAX}字"
    for name, label in (("found", "情况"), ("done", "措施/成效")):
        text = visit.get(name)
        if text and len(text) > TEXT_MAX:
            p[name] = f"{label}不能超过{TEXT_MAX}字"
    if not cadre_ids:
        p["cadres"] = "请至少选择一名走访干部"
    if not (visit.get("found") or visit.get("done") or photo_count or follow_ups):
        p["found"] = "走访记录是空的：请至少填写情况、措施/成效、后续事项或添加照片"
    for i, row in enumerate(follow_ups):
        p.update({f"follow_up[{i}].{k}": v for k, v in follow_up_problems(row, visit.get("date"), today).items()})
    return p


def _date_problems(day: dt.date | None, today: dt.date, registered: dt.date | None) -> dict[str, str]:
    if day is None:
        return {"date": "请填写走访日期"}
    if day > today:
        return {"date": f"走访日期 {day.isoformat()} 晚于今天，不能记录将来的走访"}
    if registered is not None and day < registered:
        return {"date": f"走访日期 {day.isoformat()} 早于该户登记日期 {registered.isoformat()}；"
                        "如该户实际登记更早，请先在户档案中填写首次识别时间"}
    return {}


def _place_problems(visit: Mapping[str, Any], village_ids: Collection[str]) -> dict[str, str]:
    village = visit.get("village_id")
    if visit.get("household_id"):
        if village not in village_ids:
            return {"household_id": "该户不属于本机负责的村，不能在本机记录走访"}
    elif not village:
        return {"village_id": "村级活动请选择村"}
    elif village not in village_ids:
        return {"village_id": "所选村不属于本机负责的村"}
    return {}


def follow_up_problems(row: Mapping[str, Any], visit_date: dt.date | None, today: dt.date) -> dict[str, str]:
    """Problems of one follow-up (后续事项): text and due date required, dates in order."""
    p: dict[str, str] = {}
    if not row.get("text"):
        p["text"] = "请填写后续事项内容"
    elif len(row["text"]) > TEXT_MAX:
        p["text"] = f"后续事项不能超过{TEXT_MAX}字"
    due = row.get("due_date")
    if due is None:
        p["due_date"] = "请填写后续事项的到期日期"
    elif visit_date is not None and due < visit_date:
        p["due_date"] = "到期日期不能早于走访日期"
    done = row.get("done_on")
    if done is not None:
        if done > today:
            p["done_on"] = "完成日期不能晚于今天"
        elif visit_date is not None and done < visit_date:
            p["done_on"] = "完成日期不能早于走访日期"
    return p


def checkin_problems(day: dt.date | None, village_id: str | None, village_ids: Collection[str],
                     note: str | None, today: dt.date) -> dict[str, str]:
    """Problems of a 在村 check-in."""
    p: dict[str, str] = {}
    if day is None:
        p["date"] = "请填写日期"
    elif day > today:
        p["date"] = f"{day.isoformat()} 晚于今天，不能提前签到"
    if not village_id:
        p["village_id"] = "请选择村"
    elif village_id not in village_ids:
        p["village_id"] = "所选村不属于本机负责的村"
    if note and len(note) > NOTE_MAX:
        p["note"] = f"备注不能超过{NOTE_MAX}字"
    return p


def is_late_checkin(day: dt.date, entered_on: dt.date | None, late_after: int = LATE_CHECKIN_DAYS) -> bool:
    """A check-in entered more than ``late_after`` days after its date (补登): it counts only once a
    team leader confirms it. Check-ins from before entry dates were kept (``entered_on`` None) are not."""
    return entered_on is not None and (entered_on - day).days > late_after


# ---------------------------------------------------------------- attendance


def days_in_village(visit_days: Iterable[tuple[str, dt.date]],
                    checkin_days: Iterable[tuple[str, dt.date]]) -> dict[str, dict[Month, int]]:
    """Days in the village per cadre per month: distinct (cadre, date) of visits ∪ check-ins.

    A check-in and a visit on the same day count once; each cadre on a shared visit gets the day.
    """
    days = set(visit_days) | set(checkin_days)
    result: dict[str, dict[Month, int]] = {}
    for cadre, day in days:
        months = result.setdefault(cadre, {})
        month = Month.of(day)
        months[month] = months.get(month, 0) + 1
    return result


def month_status(month: Month, days: int, today: dt.date, minimum: int = MIN_DAYS_PER_MONTH) -> MonthStatus:
    """``met`` (≥ minimum days), ``short`` (month over, fewer days), ``open`` (current month, not yet
    reached) or ``future``."""
    if month.first > today:
        return "future"
    if days >= minimum:
        return "met"
    if month.last >= today:
        return "open"
    return "short"


def leader_status(year: int, visits: int, today: dt.date,
                  minimum: int = MIN_LEADER_VISITS_PER_YEAR) -> MonthStatus:
    """The unit leader's year: ``met``, ``short`` (year over), ``open`` (year in progress) or ``future``."""
    if year > today.year:
        return "future"
    if visits >= minimum:
        return "met"
    return "open" if year == today.year else "short"


def months_of_year(year: int) -> list[Month]:
    return [Month(year, m) for m in range(1, 13)]
