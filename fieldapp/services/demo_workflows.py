"""The demo's workflows (动态管理): real identifications, exits and a monitoring entry, run through the services.

After ``fieldapp demo`` has made its accounts, :func:`run_demo_workflows` plays a story of the last three
months as the accounts themselves (each decision signed with that account's own key, each act dated in the
past relative to the demo's "today"), so the 审核 page and the 动态管理 view have something to show:

- identification: one household at 评议 (its meeting recorded, not yet decided), one at 第一次公示 (the
  notice issued and posted, an objection received and not yet handled), one at 乡镇审核 (the township
  reviewer's queue);
- exit: one just started (对象确定, the team leader's queue), one at 公示, one at 乡镇核查 (the township
  reviewer's queue), one completed — its history holds a 退回 by the district approver;
- monitoring: a 边缘易致贫户 (因病) at 区县确定 (the district approver's queue).

Households already 已脱贫 in the register exited before the app came (their typed ``exit_status`` is the
imported value); the one exited here has a completed exit workflow. A household proposed for exit meets the
exit gate: its latest income is raised above that year's exit standard (a recorded wage rise), and only
households with every 两不愁三保障 indicator met are chosen. Acts run in date order across households, as
a 公示 lists every household at its step on the day it is issued.

Deterministic: households are chosen by 户编号 from the register the seed made; nothing is drawn at random.
A village of fewer than :data:`STORY_MINIMUM` households (a test's handful) gets no story: its households
stay free for whatever the test starts on them.
"""

from __future__ import annotations

import copy
import datetime as dt
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from fieldapp.domain import workflow as rules
from fieldapp.domain.income import net_income, per_person
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.people.auth import session_in
from fieldapp.services.workflow import attachments, deliberation, gate, notices, objections, service
from fieldapp.store.models import Household

ROLES = ("leader", "member", "committee", "township", "district")
CONTACT = {"leader": "村委会办公室 村两委主任（电话 0914-2345678）",  # where objections are received
           "township": "镇人民政府党政办（电话 0914-2361234）",
           "district": "区乡村振兴局监督电话 0914-2312345"}
STORY_MINIMUM = 30  # households: the story's eight stay a small part of the village
INCOME_MARGIN = 1.12  # a proposed household's latest income: 12% above the exit standard
MONITORING_CATEGORY, MONITORING_RISK = "02", "01"  # 边缘易致贫户, 因病
_H = Household.__table__


@dataclass(frozen=True)
class Act:
    """One dated act of the story, done by the account of ``role``."""

    day: dt.date
    role: str
    run: Callable[[AppContext, int], object]  # (ctx signed in as the role's account, the act's time in ms)


@dataclass(frozen=True)
class Told:
    """What the story did: households by the part they play (id → a short note), for the summary."""

    parts: Mapping[str, str]

    def summary(self) -> str:
        return "；".join(self.parts.values())


class Story:
    """The acts, collected per household and then run in date order."""

    def __init__(self, ctx: AppContext, today: dt.date, accounts: Mapping[str, str], password: str) -> None:
        self.ctx, self.today, self.accounts, self.password = ctx, today, accounts, password
        self.acts: list[Act] = []
        self.meetings: dict[str, str] = {}  # a key of the story → the meeting's id
        self.notices: dict[str, str] = {}

    def day(self, back: int) -> dt.date:
        return self.today - dt.timedelta(days=back)

    def add(self, back: int, role: str, run: Callable[[AppContext, int], object]) -> None:
        self.acts.append(Act(self.day(back), role, run))

    # -- the steps a household goes through -------------------------------------------------------------

    def start(self, back: int, hid: str, kind: str, role: str = "member", **extra: str) -> None:
        self.add(back, role, lambda c, at: service.start(c, hid, kind, at_ms=at, **extra))

    def decide(self, back: int, role: str, hid: str, step: str, *, reason: str = "",
               decision: str = rules.PASS, meeting: str | None = None, confirmation: bool = False) -> None:
        """``confirmation``: the decision carries the photo of the household's signed 脱贫确认书 (户认可)."""
        def run(c: AppContext, at: int) -> object:
            attach = [attachments.NewAttachment(_confirmation_photo(hid), attachments.CONFIRMATION,
                                                "户主签字的脱贫确认书")] if confirmation else []
            return service.decide(c, hid, step, decision, reason, at_ms=at, attach=attach,
                                  meeting_id=self.meetings[meeting] if meeting else None)
        self.add(back, role, run)

    def meeting(self, back: int, key: str, hids: list[str], votes: tuple[int, int], summary: str) -> None:
        def run(c: AppContext, _at: int) -> object:
            village = _village_of(c, hids[0])
            present = votes[0] + votes[1] + 2
            made = deliberation.record(c, village, self.day(back), present_count=present,
                                       present_names=f"村民代表 {present} 人（名单附后）", votes_for=votes[0],
                                       votes_against=votes[1], summary=summary, household_ids=hids,
                                       today=self.today)
            self.meetings[key] = made.id
            return made
        self.add(back, "committee", run)

    def notice(self, back: int, key: str, kind: str, step: str, role: str = "leader") -> None:
        """A notice issued (its period starting the next day, 7 days) and posted the day it is issued."""
        def run(c: AppContext, at: int) -> object:
            day = self.day(back)
            issued = notices.issue(c, kind, step, start=day + dt.timedelta(days=1), days=7,
                                   contact=CONTACT[role], at_ms=at)
            self.notices[key] = issued.id
            return notices.post(c, issued.id, day)
        self.add(back, role, run)

    def objection(self, back: int, hid: str, content: str) -> None:
        self.add(back, "member", lambda c, _at: objections.add(c, hid, from_whom="本组村民（署名来信）",
                                                              content=content, received_on=self.day(back)))

    # -- running ----------------------------------------------------------------------------------------------

    def run(self) -> None:
        ctx = self.ctx
        saved = ctx.session
        sessions = {saved.name: saved} if saved is not None else {}  # the team leader's, already open
        acts = sorted(enumerate(self.acts), key=lambda pair: (pair[1].day, pair[0]))
        minute: dict[dt.date, int] = {}
        try:
            for _n, act in acts:
                name = self.accounts[act.role]
                if name not in sessions:
                    sessions[name] = session_in(ctx, name, self.password)
                if ctx.session is not sessions[name]:
                    ctx.session = sessions[name]
                    ctx.reset_writer()
                # the day's acts a quarter of an hour apart from 9:00, in the order they were told
                minute[act.day] = minute.get(act.day, 9 * 60 - 15) + 15
                when = dt.datetime.combine(act.day, dt.time(minute[act.day] // 60, minute[act.day] % 60))
                act.run(ctx, int(when.timestamp() * 1000))
        finally:
            ctx.session = saved
            ctx.reset_writer()


def demo_households(ctx: AppContext) -> int:
    """The live households of the register (the story needs a village, not a test's handful)."""
    with ctx.db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(_H).where(_H.c.deleted.is_(False))).scalar_one())


def _village_of(ctx: AppContext, household_id: str) -> str:
    with ctx.db.read() as conn:
        return str(conn.execute(select(_H.c.village_id).where(_H.c.id == household_id)).scalar_one())


def _pools(ctx: AppContext) -> tuple[list[str], list[str], list[str]]:
    """Households that may play each part, by 户编号: not exited (to identify or to exit) and exited (to
    monitor, as a household at the margin again)."""
    with ctx.db.read() as conn:
        rows = conn.execute(select(_H.c.id, _H.c.exit_status, _H.c.identified_on, _H.c.main_cause)
                            .where(_H.c.deleted.is_(False)).order_by(_H.c.hh_no, _H.c.id)).all()
    poor = [r for r in rows if r.exit_status == "0"]
    # the most recently identified first: their entry is the one still running in the app
    newest = [r.id for r in sorted(poor, key=lambda r: (r.identified_on or dt.date.min), reverse=True)]
    # monitored for illness (因病): one whose record already names illness as its cause comes first
    exited = sorted((r for r in rows if r.exit_status in ("4", "1")), key=lambda r: r.main_cause != "01")
    return newest, [r.id for r in poor], [r.id for r in exited]


def _ready_to_exit(ctx: AppContext, household_id: str, today: dt.date) -> bool:
    """Make the household meet the exit standard by its latest income (a wage rise recorded for that year);
    False when it cannot (an indicator not met, no income year, no standard)."""
    found = gate.exit_gate_of(ctx, household_id)
    if found.unmet or found.year is None or found.standard is None:
        return False
    if found.passed:
        return True
    original = register.load_record(ctx.db, household_id)
    record = copy.deepcopy(original)
    income = next(r for r in record.incomes if int(r["year"]) == found.year)
    persons = int(income.get("persons") or len(record.members))
    wanted = int(found.standard * INCOME_MARGIN) * persons  # fen
    income["wage"] = int(income.get("wage") or 0) + -(-(wanted - net_income(income)) // 10_000) * 10_000
    register.save_record(ctx.writer, ctx.ref, record, original, today=today)
    again = gate.exit_gate_of(ctx, household_id)
    return again.passed and (per_person(net_income(income), persons) or 0) > found.standard


def _completed_exit(story: Story, hid: str) -> str:
    """An exit run to its end, with a 退回 by the district approver in its history."""
    story.start(92, hid, "exit", "leader")
    story.decide(92, "leader", hid, "10", reason="人均纯收入高于当年退出标准，两不愁三保障均已达标")
    story.meeting(90, "exit-done", [hid], (31, 0), "逐户介绍收入和两不愁三保障情况后举手表决，同意拟退出")
    story.decide(90, "committee", hid, "01", reason="村民代表 33 人到会，赞成 31 票", meeting="exit-done")
    story.decide(89, "leader", hid, "02", reason="入户核实收入台账与务工证明，属实")
    story.decide(88, "member", hid, "03", reason="户主签字认可《脱贫确认书》", confirmation=True)
    story.notice(88, "exit-done", "exit", "04")
    story.decide(80, "leader", hid, "04", reason="公示期满，无异议")
    story.decide(75, "township", hid, "11", reason="乡镇入户核查，收入与台账一致")
    story.decide(70, "district", hid, "12", decision=rules.RETURN, reason="务工收入缺少用工单位证明，请乡镇补充核查")
    story.decide(66, "township", hid, "11", reason="已补充用工单位出具的收入证明")
    story.decide(63, "district", hid, "12", reason="材料齐全，同意退出")
    story.notice(62, "exit-done-announce", "exit", "05", role="district")
    story.decide(55, "district", hid, "05", reason="公告期满，标注脱贫")
    return "一户已办结退出（历史中有区县退回）"


def _identification_at_review(story: Story, hid: str) -> str:
    """An identification past its first 公示, waiting for the township reviewer (乡镇审核)."""
    story.start(40, hid, "identification")
    story.decide(40, "member", hid, "01", reason="户主提交书面申请")
    story.meeting(37, "id-review", [hid], (27, 2), "介绍申请户家庭人口、收入和致贫原因后举手表决")
    story.decide(37, "committee", hid, "02", reason="村民代表 31 人到会，赞成 27 票", meeting="id-review")
    story.decide(36, "leader", hid, "03", reason="入户核实家庭收入、住房和人口，属实")
    story.notice(36, "id-review", "identification", "04")
    story.decide(27, "leader", hid, "04", reason="公示期满，无异议")
    return "一户识别待乡镇审核"


def _exit_at_check(story: Story, hid: str) -> str:
    """An exit past its 公示, waiting for the township reviewer (乡镇核查)."""
    story.start(34, hid, "exit", "leader")
    story.decide(34, "leader", hid, "10", reason="人均纯收入高于退出标准，两不愁三保障均已达标")
    story.meeting(32, "exit-check", [hid], (29, 1), "逐户介绍收入和两不愁三保障情况后举手表决")
    story.decide(32, "committee", hid, "01", reason="村民代表 32 人到会，赞成 29 票", meeting="exit-check")
    story.decide(31, "leader", hid, "02", reason="入户核实，属实")
    story.decide(30, "member", hid, "03", reason="户主签字认可《脱贫确认书》", confirmation=True)
    story.notice(30, "exit-check", "exit", "04")
    story.decide(21, "leader", hid, "04", reason="公示期满，无异议")
    return "一户退出待乡镇核查"


def _monitoring(story: Story, hid: str) -> str:
    """A household at the margin (边缘易致贫户, 因病), waiting for the district approver (区县确定)."""
    story.start(26, hid, "monitoring", category=MONITORING_CATEGORY, risk_type=MONITORING_RISK)
    story.decide(26, "member", hid, "01", reason="排查发现户主患病住院，医疗支出大，收入骤减")
    story.decide(25, "leader", hid, "03", reason="入户核实住院票据和收入情况，属实")
    story.meeting(24, "monitoring", [hid], (30, 0), "介绍该户因病致贫风险后举手表决，同意纳入监测")
    story.decide(24, "committee", hid, "02", reason="村民代表 32 人到会，赞成 30 票", meeting="monitoring")
    story.notice(24, "monitoring", "monitoring", "04")
    story.decide(15, "leader", hid, "04", reason="公示期满，无异议")
    story.decide(12, "township", hid, "05", reason="同意纳入监测，落实医疗救助")
    return "一户边缘易致贫户（因病）待区县确定"


def _exit_at_notice(story: Story, hid: str) -> str:
    """An exit whose 公示 is running."""
    story.start(12, hid, "exit", "leader")
    story.decide(12, "leader", hid, "10", reason="人均纯收入高于退出标准，两不愁三保障均已达标")
    story.meeting(10, "exit-notice", [hid], (28, 1), "逐户介绍收入和两不愁三保障情况后举手表决")
    story.decide(10, "committee", hid, "01", reason="村民代表 31 人到会，赞成 28 票", meeting="exit-notice")
    story.decide(6, "leader", hid, "02", reason="入户核实，属实")
    story.decide(4, "member", hid, "03", reason="户主签字认可《脱贫确认书》", confirmation=True)
    story.notice(4, "exit-notice", "exit", "04")
    return "一户退出在公示中"


def _identification_at_notice(story: Story, hid: str) -> str:
    """An identification at its first 公示, with an objection received and not yet handled."""
    story.start(14, hid, "identification")
    story.decide(14, "member", hid, "01", reason="户主提交书面申请")
    story.meeting(11, "id-notice", [hid], (24, 5), "介绍申请户情况后举手表决")
    story.decide(11, "committee", hid, "02", reason="村民代表 31 人到会，赞成 24 票", meeting="id-notice")
    story.decide(5, "leader", hid, "03", reason="入户核实家庭收入和人口，属实")
    story.notice(5, "id-notice", "identification", "04")
    story.objection(2, hid, "反映该户儿子在西安务工，收入较高，不应纳入")
    return "一户识别在第一次公示中，收到异议待办理"


def _identification_at_meeting(story: Story, hid: str) -> str:
    """An identification at 评议: the meeting is recorded, the committee's decision still to come."""
    story.start(6, hid, "identification")
    story.decide(6, "member", hid, "01", reason="户主提交书面申请")
    story.meeting(2, "id-meeting", [hid], (26, 3), "介绍申请户家庭人口和收入后举手表决")
    return "一户识别待评议决定（已登记评议会议）"


def _exit_proposed(story: Story, hid: str) -> str:
    """An exit just started: at 对象确定, in the team leader's queue, the household meeting the gate."""
    story.start(1, hid, "exit", "leader")
    return "一户拟退出待对象确定"


def run_demo_workflows(ctx: AppContext, today: dt.date, accounts: Mapping[str, str], password: str) -> Told:
    """Play the story (see the module's doc) as the demo ``accounts`` (role → account name), all with
    ``password``; ``ctx`` is signed in as the team leader. Returns what each household took part in."""
    story = Story(ctx, today, accounts, password)
    newest, poor, exited = _pools(ctx)
    if demo_households(ctx) < STORY_MINIMUM:
        return Told({})
    taken: set[str] = set()

    def pick(pool: list[str], ok: Callable[[str], bool] = lambda _h: True) -> str | None:
        for hid in pool:
            if hid not in taken and ok(hid):
                taken.add(hid)
                return hid
        return None

    def exiting(hid: str) -> bool:
        return _ready_to_exit(ctx, hid, today)

    # the parts, in the order households are given to them (with few households the last ones go without)
    parts = ((newest, None, _identification_at_meeting), (newest, None, _identification_at_notice),
             (newest, None, _identification_at_review), (poor, exiting, _exit_proposed),
             (poor, exiting, _exit_at_notice), (poor, exiting, _exit_at_check), (poor, exiting, _completed_exit),
             (exited, None, _monitoring))
    told: dict[str, str] = {}
    for pool, ok, part in parts:
        hid = pick(pool, ok) if ok is not None else pick(pool)
        if hid is not None:
            told[hid] = part(story, hid)
    story.run()
    return Told(told)


def _confirmation_photo(household_id: str) -> Path:
    """A stand-in photo of a signed 脱贫确认书 (a ruled page with a signature stroke), one per household so
    each is its own content-addressed photo; written to a temporary folder, which the photo store copies."""
    from PIL import Image, ImageDraw

    seed = int(household_id.replace("-", "")[-6:], 16)
    image = Image.new("RGB", (800, 1100), (250, 248, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 60, 740, 1040), outline=(60, 60, 60), width=3)
    for y in range(180, 900, 44):
        draw.line((100, y, 700 - (y * 7 + seed) % 160, y), fill=(70, 70, 90), width=3)
    draw.line((480, 960, 640, 930 + seed % 40), fill=(20, 20, 120), width=5)  # the household head's signature
    path = Path(tempfile.mkdtemp(prefix="fieldapp-demo-")) / f"{household_id}.jpg"
    image.save(path, "JPEG", quality=80)
    return path
