"""Assets (扶贫资产) made by accepted projects, their yearly income and its distribution, and their signed changes.

Pure rules, no SQL; money is integer fen. Every check returns *every* problem (:class:`Problem`, a stable code and a
Chinese message), so a front end shows them all before anything is saved.

What must hold:

- **From a project.** Only an accepted project (已验收) makes assets. Each asset has a name, a ``asset_kind`` code
  (经营性 operating / 公益性 public / 到户类 household) and a value above zero. The assets of one project are worth
  together at most the project's **approved amount** (批复金额): an asset is what the project's money bought, and the
  approved amount bounds that money (disbursed ≤ approved always holds; the final payment is often disbursed after
  acceptance, so the disbursed sum would refuse honest assets for a while).
- **Ownership (产权归属).** ``owner_household_id`` None is the village collective (村集体). A 到户类 asset belongs to a
  household, and that household must be one of the project's beneficiaries (资金跟着贫困户走); a 公益性 asset belongs
  to the collective. A 经营性 asset belongs to either.
- **Income (收益).** One income record per asset and year, the amount ≥ 0, and never a year after the asset left the
  ledger (disposed or transferred away).
- **Distribution (收益分配).** Each household's share is above zero, a household is listed once per income, and the
  shares add up to *at most* the year's income (the rest stays with the collective: 村集体留存).
  A lowered income may not fall below what is already distributed.
- **Changes (变更).** A transfer (移交) changes the owner or the manager; damage (毁损) makes the asset damaged or
  idle; disposal (处置) makes it disposed. Each has a date (not before the asset was recorded nor before the last
  change) and a reason, is signed, and is never changed or deleted. A disposed or transferred-away asset takes no
  further change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from fieldapp.domain.money import format_yuan
from fieldapp.domain.projects import ACCEPTED, Problem  # one way figures disagree, as for a project
from fieldapp.domain.projects import status_word as project_status_word

# asset_kind codes
OPERATING = "operating"  # 经营性
PUBLIC = "public"        # 公益性
HOUSEHOLD = "household"  # 到户类
KINDS = (OPERATING, PUBLIC, HOUSEHOLD)
KIND_WORDS = {OPERATING: "经营性", PUBLIC: "公益性", HOUSEHOLD: "到户类"}

# asset_state codes
IN_USE = "in_use"            # 在用
IDLE = "idle"                # 闲置
DAMAGED = "damaged"          # 毁损
TRANSFERRED = "transferred"  # 已移交（移出本村台账）
DISPOSED = "disposed"        # 已处置
STATES = (IN_USE, IDLE, DAMAGED, TRANSFERRED, DISPOSED)
STATE_WORDS = {IN_USE: "在用", IDLE: "闲置", DAMAGED: "毁损", TRANSFERRED: "已移交", DISPOSED: "已处置"}
#: states after which an asset takes no income and no change
FINAL_STATES = frozenset({TRANSFERRED, DISPOSED})

# asset_event codes
TRANSFER = "transfer"  # 移交（产权或管护主体变更）
DAMAGE = "damage"      # 毁损
DISPOSAL = "disposal"  # 处置（报废、拍卖、核销）
EVENTS = (TRANSFER, DAMAGE, DISPOSAL)
EVENT_WORDS = {TRANSFER: "移交", DAMAGE: "毁损", DISPOSAL: "处置"}
#: the states each change may leave the asset in (the first: when none is given)
EVENT_STATES: Mapping[str, tuple[str, ...]] = {
    TRANSFER: (IN_USE, IDLE, TRANSFERRED),
    DAMAGE: (DAMAGED, IDLE),
    DISPOSAL: (DISPOSED,),
}

# permission codes (permissions.json)
EDIT = "asset.edit"      # record assets from a project, income, distributions
CHANGE = "asset.change"  # transfer, damage, disposal (signed)

COLLECTIVE_WORDS = "村集体"


class AssetError(ValueError):
    """Bad asset input; the message says what, in Chinese."""


class InconsistentAsset(AssetError):
    """A save refused because the figures would disagree: ``problems`` lists every one."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("资产数据不一致，未保存：" + "；".join(p.message for p in self.problems))


def yuan(fen: int) -> str:
    return f"{format_yuan(fen)}元"


def kind_word(code: str) -> str:
    return KIND_WORDS.get(code, code)


def state_word(code: str) -> str:
    return STATE_WORDS.get(code, code)


def event_word(code: str) -> str:
    return EVENT_WORDS.get(code, code)


def check(found: Sequence[Problem]) -> None:
    if found:
        raise InconsistentAsset(found)


# -- from a project ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewAsset:
    """One asset as the checks see it (value in fen; ``owner``: a household id, None for the collective)."""

    name: str
    kind: str
    value: int
    owner: str | None = None
    state: str = IN_USE
    manager: str = "-"


def project_problems(status: str, approved: int | None, existing_value: int, assets: Sequence[NewAsset],
                     beneficiaries: Collection[str], *, project_name: str = "") -> list[Problem]:
    """Why these assets may not be recorded for the project (empty: they may). ``existing_value``: the value of
    the project's assets already recorded; ``beneficiaries``: the project's beneficiary households."""
    named = f"项目“{project_name}”" if project_name else "项目"
    found: list[Problem] = []
    if status != ACCEPTED:
        found.append(Problem("not_accepted",
                             f"{named}处于“{project_status_word(status)}”，验收合格（已验收）后才能登记资产"))
    if not assets:
        found.append(Problem("no_assets", "请至少填写一项资产"))
    for i, a in enumerate(assets, 1):
        found += asset_problems(a, beneficiaries, f"第 {i} 项资产")
    total = existing_value + sum(a.value for a in assets)
    if approved is None:
        found.append(Problem("no_approved", f"{named}没有批复金额，无法核对资产价值"))
    elif total > approved:
        already = f"（已登记 {yuan(existing_value)}）" if existing_value else ""
        found.append(Problem("value_over_approved", f"资产价值合计 {yuan(total)}{already}，超过{named}批复金额 "
                                                    f"{yuan(approved)}（超出 {yuan(total - approved)}）"))
    return found


def asset_problems(a: NewAsset, beneficiaries: Collection[str], where: str = "资产") -> list[Problem]:
    found: list[Problem] = []
    if not a.name.strip():
        found.append(Problem("name", f"{where}：请填写资产名称"))
    if a.kind not in KINDS:
        found.append(Problem("kind", f"{where}：资产类别“{a.kind}”不存在（可用：{'、'.join(KINDS)}）"))
    if not a.manager.strip():
        found.append(Problem("manager", f"{where}：请填写管护主体（谁管理这项资产）"))
    if a.value <= 0:
        found.append(Problem("value", f"{where}：资产价值应大于零（{yuan(a.value)}）"))
    if a.state not in STATES or a.state in FINAL_STATES:
        found.append(Problem("state", f"{where}：新登记的资产状态只能是在用、闲置或毁损（“{a.state}”）"))
    if a.kind == HOUSEHOLD and a.owner is None:
        found.append(Problem("household_owner", f"{where}：到户类资产的产权应归受益农户，请选择农户"))
    if a.kind == PUBLIC and a.owner is not None:
        found.append(Problem("public_owner", f"{where}：公益性资产的产权归村集体，不能归一户"))
    if a.owner is not None and a.owner not in beneficiaries:
        found.append(Problem("owner_not_beneficiary", f"{where}：产权户不是该项目的受益户"))
    return found


# -- income and its distribution --------------------------------------------------------------------


def income_problems(year: int, income: int, distributed: int, state: str, final_year: int | None) -> list[Problem]:
    """A year's income: ≥ 0, not below what is already distributed from it, not after the asset left the ledger
    (``final_year``: the year of its disposal or transfer away, None while it is on the ledger)."""
    found: list[Problem] = []
    if not 1990 <= year <= 2100:
        found.append(Problem("year", f"年度 {year} 不正确"))
    if income < 0:
        found.append(Problem("income_negative", f"收益不能为负数（{yuan(income)}）"))
    if income < distributed:
        found.append(Problem("income_below_distributed", f"{year} 年收益 {yuan(income)} 少于已分配的 "
                                                         f"{yuan(distributed)}（差 {yuan(distributed - income)}）"))
    if state in FINAL_STATES and final_year is not None and year > final_year:
        found.append(Problem("income_after_final",
                             f"资产于 {final_year} 年{state_word(state)}，不能登记 {year} 年的收益"))
    return found


def distribution_problems(income: int, year: int, shares: Mapping[str, int]) -> list[Problem]:
    """The shares of a year's income after the change (household -> fen): each above zero, together ≤ the income."""
    found: list[Problem] = []
    bad = sorted(h for h, amount in shares.items() if amount <= 0)
    if bad:
        found.append(Problem("share_amount", f"分配给农户的金额应大于零（{len(bad)} 户）"))
    total = sum(shares.values())
    if total > income:
        found.append(Problem("distributed_over_income", f"{year} 年分配合计 {yuan(total)}，超过当年收益 {yuan(income)}"
                                                        f"（超出 {yuan(total - income)}）"))
    return found


def retained(income: int, shares: Mapping[str, int]) -> int:
    """What stays with the collective (村集体留存)."""
    return income - sum(shares.values())


def split_evenly(total: int, households: Sequence[str]) -> dict[str, int]:
    """``total`` fen shared among ``households`` to the fen: equal shares, the remainder one fen each to the first."""
    if not households:
        return {}
    share, rest = divmod(total, len(households))
    return {h: share + (1 if i < rest else 0) for i, h in enumerate(households)}


# -- changes -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssetNow:
    """An asset's current owner, manager, state and dates, as a change is checked against them."""

    owner: str | None
    manager: str
    state: str
    recorded_on: dt.date | None
    last_change: dt.date | None = None


def event_problems(kind: str, day: dt.date, reason: str, now: AssetNow, *, owner: str | None, manager: str,
                   state: str) -> list[Problem]:
    """Why the change may not be recorded (empty: it may); ``owner``/``manager``/``state``: after the change."""
    if kind not in EVENTS:
        return [Problem("event_kind", f"资产变更类型“{kind}”不存在（可用：{'、'.join(EVENTS)}）")]
    found: list[Problem] = []
    word = event_word(kind)
    if now.state in FINAL_STATES:
        found.append(Problem("final", f"资产{state_word(now.state)}，不能再登记{word}"))
    if not reason.strip():
        found.append(Problem("reason", f"请填写{word}原因"))
    if state not in EVENT_STATES[kind]:
        allowed = "、".join(state_word(s) for s in EVENT_STATES[kind])
        found.append(Problem("event_state", f"{word}后的资产状态只能是：{allowed}（“{state_word(state)}”）"))
    if kind == TRANSFER and owner == now.owner and manager.strip() == now.manager.strip() and state == now.state:
        found.append(Problem("transfer_nothing", "移交须改变产权归属、管护主体或状态"))
    if not manager.strip():
        found.append(Problem("manager", "请填写管护主体（谁管理这项资产）"))
    if now.recorded_on is not None and day < now.recorded_on:
        found.append(Problem("event_before_asset", f"{word}日期 {day.isoformat()} 早于资产登记日期 "
                                                   f"{now.recorded_on.isoformat()}"))
    if now.last_change is not None and day < now.last_change:
        found.append(Problem("event_before_last", f"{word}日期 {day.isoformat()} 早于上一次变更 "
                                                  f"{now.last_change.isoformat()}"))
    return found


def default_state(kind: str) -> str:
    return EVENT_STATES[kind][0] if kind in EVENT_STATES else IN_USE
