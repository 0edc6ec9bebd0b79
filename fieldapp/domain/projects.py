"""Projects (帮扶项目) and their money: the status machine and the consistency of a project's figures.

Pure rules, no SQL. Money is integer fen throughout. A project's figures are one :class:`Figures`
(budget per fund channel, the total budget, the approved amount, each beneficiary household's
planned amount, each disbursement, the dates); :func:`problems` returns *every* way they disagree,
each with a clear Chinese message, so a front end shows them all before anything is saved.

What the figures must satisfy (the project's money can never disagree with itself):

- the budget per channel adds up to the total budget, every channel is a ``fund_channel`` code, and
  no amount is negative;
- the approved amount (批复金额) is not above the total budget;
- what is disbursed on a channel is not above that channel's budget (a channel without budget gets nothing);
- everything disbursed together is not above the approved amount, and nothing is disbursed before
  the project is approved (no approved amount, or a disbursement dated before the approval);
- the beneficiary households' planned amounts add up to at most the approved amount (before approval:
  at most the total budget). "Add up" means *at most*, not *equal*: a project's money may also pay for
  what no single household receives (a road, a shared greenhouse, training), so the households' part is
  bounded by the project's money and never exceeds it; each household is listed once, with an amount ≥ 0;
- the dates are ordered: planned start ≤ planned finish, actual start ≤ actual finish, approval no later
  than the actual start.

The status (``project_status`` codes) moves only along :data:`TRANSITIONS`; each target status says which
permission moving there needs (:data:`STATUS_PERMISSION`) and what must hold first (:func:`transition_problems`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from fieldapp.domain.money import format_yuan

# Status codes (enums/project_status.json)
PLANNED = "planned"          # 储备
APPROVED = "approved"        # 已批复
IN_PROGRESS = "in_progress"  # 实施中
COMPLETED = "completed"      # 已完工
ACCEPTED = "accepted"        # 已验收
STATUSES = (PLANNED, APPROVED, IN_PROGRESS, COMPLETED, ACCEPTED)
STATUS_WORDS = {PLANNED: "储备", APPROVED: "已批复", IN_PROGRESS: "实施中", COMPLETED: "已完工", ACCEPTED: "已验收"}

#: the moves a project's status may make. Backward moves exist for two real events: an approval withdrawn
#: before work starts (已批复 → 储备) and a finished project sent back to work (已完工 → 实施中, e.g. after an
#: acceptance found defects). 已验收 is final: it is reached only through a signed acceptance.
TRANSITIONS: Mapping[str, frozenset[str]] = {
    PLANNED: frozenset({APPROVED}),
    APPROVED: frozenset({PLANNED, IN_PROGRESS}),
    IN_PROGRESS: frozenset({COMPLETED}),
    COMPLETED: frozenset({IN_PROGRESS, ACCEPTED}),
    ACCEPTED: frozenset(),
}

# Permission codes (permissions.json)
EDIT = "project.edit"
APPROVE = "project.approve"
DISBURSE = "project.disburse"
ACCEPT = "project.accept"

#: the permission a move *to* a status needs (approving and withdrawing an approval: the approvers;
#: accepting: the acceptors). The write rule of ``project`` says the same, keyed by the new status.
STATUS_PERMISSION: Mapping[str, str] = {PLANNED: EDIT, APPROVED: APPROVE, IN_PROGRESS: EDIT, COMPLETED: EDIT,
                                        ACCEPTED: ACCEPT}


def move_permission(current: str, target: str) -> str:
    """The permission moving from ``current`` to ``target`` needs: withdrawing an approval (已批复 → 储备) is the
    approvers' as approving is; otherwise the target's (:data:`STATUS_PERMISSION`)."""
    if current == APPROVED and target == PLANNED:
        return APPROVE
    return STATUS_PERMISSION.get(target, EDIT)


class ProjectError(ValueError):
    """Bad project input (unknown code, refused move); the message says which, in Chinese."""


@dataclass(frozen=True)
class Problem:
    """One way a project's figures disagree: ``code`` (stable, for tests and front ends) and the message."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


class InconsistentProject(ProjectError):
    """A save refused because the figures would disagree: ``problems`` lists every one."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("项目数据不一致，未保存：" + "；".join(p.message for p in self.problems))


@dataclass(frozen=True)
class Disbursement:
    """One 资金拨付 as the checks see it."""

    date: dt.date
    amount: int  # fen
    channel: str


@dataclass(frozen=True)
class Figures:
    """Everything a project's consistency depends on (amounts in fen)."""

    budget_total: int
    budget: Mapping[str, int] = field(default_factory=dict)        # channel -> fen
    approved: int | None = None
    approved_on: dt.date | None = None
    beneficiaries: Mapping[str, int] = field(default_factory=dict)  # household id -> planned fen
    disbursements: Sequence[Disbursement] = ()
    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None

    @property
    def disbursed(self) -> int:
        return sum(d.amount for d in self.disbursements)

    def disbursed_by_channel(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for d in self.disbursements:
            found[d.channel] = found.get(d.channel, 0) + d.amount
        return found

    @property
    def beneficiary_total(self) -> int:
        return sum(self.beneficiaries.values())


def yuan(fen: int) -> str:
    return f"{format_yuan(fen)}元"


def problems(f: Figures, channels: Collection[str], channel_label: Mapping[str, str] | None = None) -> list[Problem]:
    """Every way ``f`` disagrees with itself (empty: consistent). ``channels``: the ``fund_channel`` codes."""
    label = dict(channel_label or {})

    def ch(code: str) -> str:
        return f"“{label.get(code, code)}”"

    found: list[Problem] = []
    if f.budget_total < 0:
        found.append(Problem("budget_negative", f"总预算不能为负数（{yuan(f.budget_total)}）"))
    for code, amount in sorted(f.budget.items()):
        if code not in channels:
            found.append(Problem("channel_unknown", f"资金渠道“{code}”不存在（可用：{'、'.join(channels)}）"))
        if amount < 0:
            found.append(Problem("budget_negative", f"资金渠道{ch(code)}的预算不能为负数（{yuan(amount)}）"))
    by_channel = sum(f.budget.values())
    if f.budget and by_channel != f.budget_total:
        found.append(Problem("budget_sum", f"各资金渠道预算合计 {yuan(by_channel)}，与总预算 {yuan(f.budget_total)} "
                                           f"不相等（相差 {yuan(abs(by_channel - f.budget_total))}）"))
    if f.approved is not None:
        if f.approved < 0:
            found.append(Problem("approved_negative", f"批复金额不能为负数（{yuan(f.approved)}）"))
        if f.approved > f.budget_total:
            found.append(Problem("approved_over_budget",
                                 f"批复金额 {yuan(f.approved)} 超过总预算 {yuan(f.budget_total)}"))
    found += _disbursement_problems(f, channels, ch)
    found += _beneficiary_problems(f)
    found += _date_problems(f)
    return found


def _disbursement_problems(f: Figures, channels: Collection[str], name: Callable[[str], str]) -> list[Problem]:
    found: list[Problem] = []
    for d in f.disbursements:
        if d.amount <= 0:
            found.append(Problem("disbursement_amount", f"{d.date.isoformat()} 的拨付金额应大于零（{yuan(d.amount)}）"))
        if d.channel not in channels:
            found.append(Problem("channel_unknown", f"{d.date.isoformat()} 的拨付资金渠道“{d.channel}”不存在"))
        if f.approved_on is not None and d.date < f.approved_on:
            found.append(Problem("disbursed_before_approval", f"{d.date.isoformat()} 的拨付早于项目批复日期 "
                                                              f"{f.approved_on.isoformat()}"))
    for code, amount in sorted(f.disbursed_by_channel().items()):
        budget = f.budget.get(code, 0)
        if amount > budget:
            found.append(Problem("disbursed_over_channel", f"资金渠道{name(code)}已拨付 {yuan(amount)}，超过该渠道预算 "
                                                           f"{yuan(budget)}（超出 {yuan(amount - budget)}）"))
    if f.disbursements and f.approved is None:
        found.append(Problem("disbursed_unapproved",
                             f"项目尚未批复（没有批复金额），不能拨付资金（已录 {yuan(f.disbursed)}）"))
    elif f.approved is not None and f.disbursed > f.approved:
        found.append(Problem("disbursed_over_approved", f"累计拨付 {yuan(f.disbursed)}，超过批复金额 {yuan(f.approved)}"
                                                        f"（超出 {yuan(f.disbursed - f.approved)}）"))
    return found


def _beneficiary_problems(f: Figures) -> list[Problem]:
    found: list[Problem] = []
    negative = sorted(h for h, amount in f.beneficiaries.items() if amount < 0)
    if negative:
        found.append(Problem("beneficiary_negative", f"受益户的计划金额不能为负数（{len(negative)} 户）"))
    total = f.beneficiary_total
    if f.approved is not None:
        if total > f.approved:
            found.append(Problem("beneficiaries_over_approved",
                                 f"受益户计划金额合计 {yuan(total)}，超过批复金额 {yuan(f.approved)}"
                                 f"（超出 {yuan(total - f.approved)}）"))
    elif f.beneficiaries and total > f.budget_total:
        found.append(Problem("beneficiaries_over_budget",
                             f"受益户计划金额合计 {yuan(total)}，超过总预算 {yuan(f.budget_total)}"
                             f"（超出 {yuan(total - f.budget_total)}）"))
    return found


def _date_problems(f: Figures) -> list[Problem]:
    found: list[Problem] = []
    if f.planned_start and f.planned_end and f.planned_end < f.planned_start:
        found.append(Problem("planned_dates", f"计划完工日期 {f.planned_end.isoformat()} 早于计划开工日期 "
                                              f"{f.planned_start.isoformat()}"))
    if f.actual_start and f.actual_end and f.actual_end < f.actual_start:
        found.append(Problem("actual_dates", f"实际完工日期 {f.actual_end.isoformat()} 早于实际开工日期 "
                                             f"{f.actual_start.isoformat()}"))
    if f.actual_end and not f.actual_start:
        found.append(Problem("actual_dates", "填写了实际完工日期，却没有实际开工日期"))
    if f.approved_on and f.actual_start and f.actual_start < f.approved_on:
        found.append(Problem("started_before_approval", f"实际开工日期 {f.actual_start.isoformat()} 早于批复日期 "
                                                        f"{f.approved_on.isoformat()}"))
    return found


def check(f: Figures, channels: Collection[str], channel_label: Mapping[str, str] | None = None) -> None:
    """Raise :class:`InconsistentProject` naming every problem, or return."""
    found = problems(f, channels, channel_label)
    if found:
        raise InconsistentProject(found)


# -- status ---------------------------------------------------------------------------------------


def status_word(code: str) -> str:
    return STATUS_WORDS.get(code, code)


def transition_problems(current: str, target: str, f: Figures, *, via_acceptance: bool = False) -> list[Problem]:
    """Why the project may not move from ``current`` to ``target`` (empty: it may).

    Approving needs an approved amount and date; starting needs an actual start date; finishing an
    actual finish date; 已验收 is reached only by recording a signed acceptance (``via_acceptance``).
    """
    if target not in STATUSES:
        return [Problem("status_unknown", f"项目状态“{target}”不存在（可用：{'、'.join(STATUSES)}）")]
    if target not in TRANSITIONS.get(current, frozenset()):
        allowed = "、".join(status_word(s) for s in sorted(TRANSITIONS.get(current, ()), key=STATUSES.index)) or "无"
        return [Problem("transition", f"项目状态不能从“{status_word(current)}”改为“{status_word(target)}”"
                                      f"（可改为：{allowed}）")]
    found: list[Problem] = []
    if target == APPROVED and (f.approved is None or f.approved_on is None):
        found.append(Problem("approval_missing", "批复须填写批复金额和批复日期"))
    if target == IN_PROGRESS and current == APPROVED and f.actual_start is None:
        found.append(Problem("start_missing", "开始实施须填写实际开工日期"))
    if target == COMPLETED and f.actual_end is None:
        found.append(Problem("end_missing", "完工须填写实际完工日期"))
    if target == PLANNED and f.disbursements:
        found.append(Problem("withdraw_disbursed", f"已拨付 {yuan(f.disbursed)}，不能撤回批复"))
    if target == ACCEPTED and not via_acceptance:
        found.append(Problem("accept_by_acceptance", "“已验收”只能通过记录验收并签字（fieldapp project accept）"))
    return found


def progress_problems(percent: int, day: dt.date, status: str,
                      earlier: Sequence[tuple[dt.date, int]] = ()) -> list[Problem]:
    """A progress update: 0–100 %, on a project being carried out, not behind a later update's percentage."""
    found: list[Problem] = []
    if not 0 <= percent <= 100:
        found.append(Problem("percent", f"进度应在 0 到 100 之间（{percent}）"))
    if status not in (IN_PROGRESS, COMPLETED):
        found.append(Problem("progress_status", f"项目处于“{status_word(status)}”，只有实施中或已完工的项目才能报进度"))
    before = [p for d, p in earlier if d <= day]
    if before and percent < max(before):
        found.append(Problem("percent_back", f"进度 {percent}% 低于此前已报的 {max(before)}%"))
    return found


def project_year(approved_on: dt.date | None, planned_start: dt.date | None) -> int | None:
    """The year a project's money is budgeted in (the ledgers' 年度): its approval's, else its planned start's;
    None for a project with neither (a reserve project not yet scheduled)."""
    day = approved_on or planned_start
    return day.year if day else None
