"""A year of visits for the demo village (:mod:`fieldapp.services.demo`): 包扶纪实档案 and 驻村考勤 to look at.

What is drawn, for the twelve calendar months that end with the demo's "today":

- each paired cadre visits each of their households about monthly (some months are
  skipped, so the workbench has households "not visited in N days"), on a handful of
  field days per month; now and then the team leader or a colleague comes along;
- some visits link one of the household's assistance measures, about one in six
  leaves a follow-up with a due date — most of them done, some still open, a few overdue;
- village-level activities (民主评议, 政策宣讲, training, meetings) attended by
  several cadres together;
- 在村 check-ins on days without a visit, so that most cadres reach 15 days a month
  and some do not;
- two more unit leaders (包扶单位领导, three in all) with one to five visits a year each.

Pure generation from the caller's ``random.Random`` and id source, so the visits are
as deterministic as the households. Link rows use natural ids
(``natural_id("visit_cadre", visit_id, cadre_id)``…) and copy the visit's
``household_id``/``date`` exactly as :mod:`fieldapp.services.visits` does.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain.ids import natural_id
from fieldapp.services import demo_data as data
from fieldapp.services.demo_records import Place
from fieldapp.store.models import Cadre, CheckIn, FollowUp, Visit, VisitCadre, VisitMeasure

Row = dict[str, Any]
Rows = dict[Any, list[Row]]
VISIT_MODELS = (Cadre, Visit, VisitCadre, VisitMeasure, FollowUp, CheckIn)  # in insertion order

SKIP_MONTH = 0.12  # a household is not visited in a given month
JOINT = 0.08  # a colleague or the team leader comes along
LEADER_JOINS_PER_YEAR = 120  # household visits the team leader joins (however big the village)
LINK_MEASURE = 0.15
FOLLOW_UP = 0.17
COMPLIANT = 0.72  # a cadre-month reaching 15 days
HOUSEHOLD_TYPE = data.Weighted([("01", 72), ("03", 8), ("04", 6), ("05", 6), ("06", 5), ("02", 3)])
LEADER_VISITS = data.Weighted([(1, 2), (2, 3), (3, 3), (4, 2), (5, 1)])

_PLACES = ("核桃园", "香菇大棚", "养殖场", "村卫生室", "镇上", "合作社")
_CROPS = ("核桃", "香菇", "中药材", "玉米", "土豆", "魔芋", "茶叶")
FOUND: dict[str, tuple[str, ...]] = {
    "01": ("户主在家，家庭成员身体状况稳定，{crop}长势良好。", "了解家庭收入情况，外出务工人员收入稳定。",
           "户主反映家中老人慢性病用药开支较大。", "家中住房安全，饮水正常，孩子按时上学。",
           "户主在{place}务工，家中由老人照看。", "询问今年{crop}收成，预计较去年有所增加。",
           "核实家庭人口变化，无新增或减少人员。", "户主对帮扶措施满意，希望继续发展{crop}种植。"),
    "02": ("户主对健康扶贫报销政策不够了解。", "家中有学生，对雨露计划申请流程不清楚。"),
    "03": ("{crop}出现病虫害，长势一般。", "计划扩大{crop}种植面积，缺少技术。"),
    "04": ("家中有富余劳动力，希望就近务工。", "外出务工人员返乡，暂未找到工作。"),
    "05": ("户主患慢性病，需长期服药。", "家中老人行动不便，近期血压偏高。"),
    "06": ("临近节日，走访慰问。", "产业扶持物资到位情况核查。"),
}
DONE: dict[str, tuple[str, ...]] = {
    "01": ("宣讲产业扶持和健康扶贫政策，核实收入台账。", "帮助填写收入明细，讲解家庭医生签约服务。",
           "鼓励继续发展{crop}产业，联系合作社收购。", "核实两不愁三保障情况，均已达标。",
           "协调村医上门测量血压，讲解慢病报销政策。", "宣讲防返贫监测政策，留下联系电话。"),
    "02": ("讲解医疗报销“一站式”结算流程，发放政策明白纸。", "讲解雨露计划申请条件和材料，协助准备申请。"),
    "03": ("请区农技站技术员现场指导{crop}病虫害防治。", "送去{crop}种植技术资料，联系合作社提供种苗。"),
    "04": ("推荐到{place}务工，月收入约2800元。", "登记就业意愿，推荐参加区人社局招聘会。"),
    "05": ("联系村医送药上门，讲解用药注意事项。", "协助办理慢性病门诊卡。"),
    "06": ("送去米、面、油等慰问物资。", "核对物资发放清单，户主签字确认。"),
}
FOLLOW_UPS = ("协助办理慢性病门诊卡", "跟进雨露计划补助发放", "联系农技员再次上门指导", "核实医疗报销到账情况",
              "帮助联系{crop}销路", "回访务工安置情况", "督促危房改造进度", "协调解决饮水管道维修",
              "落实小额信贷贴息", "补充完善收入台账")
ACTIVITIES: tuple[tuple[str, str, str, str], ...] = (  # type, title, found, done
    ("07", "{year}年第{q}季度民主评议会", "召开村民代表大会，评议新识别和拟退出农户。",
     "评议结果在村务公开栏公示，无异议。"),
    ("02", "健康扶贫和产业扶持政策宣讲会", "组织群众学习健康扶贫、产业奖补政策。",
     "发放政策明白纸，现场解答群众提问。"),
    ("03", "{crop}种植技术培训", "邀请区农技站技术员讲授{crop}种植管理技术。", "培训群众约40人次，发放技术手册。"),
    ("99", "驻村工作队和村两委联席会议", "研究本月帮扶工作，梳理未解决事项。", "明确责任人和完成时限。"),
    ("04", "就业帮扶专场招聘会", "联系区内企业进村招聘。", "现场登记就业意愿，达成意向多人。"),
)
CHECKIN_NOTES = ("村委会值班", "整理扶贫档案资料", "参加镇上扶贫工作会", None, None, None, None)


def _text(template: str, rng: random.Random) -> str:
    return template.format(crop=rng.choice(_CROPS), place=rng.choice(_PLACES))


def months_back(today: dt.date, count: int = 12) -> list[tuple[int, int]]:
    """The ``count`` calendar months ending with today's, oldest first."""
    index = today.year * 12 + today.month - 1
    return [divmod(i, 12) for i in range(index - count + 1, index + 1)]


@dataclass
class VisitMaker:
    """Draws visits household by household, then the village activities and the check-ins."""

    rng: random.Random
    new_id: Callable[[], str]
    today: dt.date
    leader_id: str | None  # the team leader (the signed-in cadre), who sometimes comes along
    expected_households: int = 1000  # how many households will be added (sizes the leader's share)
    months: list[tuple[int, int]] = field(init=False)
    leader_share: float = field(init=False)
    field_days: dict[tuple[str, int, int], list[dt.date]] = field(default_factory=dict)
    days: dict[str, set[dt.date]] = field(default_factory=dict)  # cadre → days in the village (from visits)
    village_of: dict[str, str] = field(default_factory=dict)  # cadre → a village they work in
    cadres_of: dict[str, list[str]] = field(default_factory=dict)  # village → paired cadres
    households: list[Row] = field(default_factory=list)  # a sample for the unit leaders' visits

    def __post_init__(self) -> None:
        self.months = [(y, m + 1) for y, m in months_back(self.today)]
        joint_per_year = max(1.0, self.expected_households * 12 * (1 - SKIP_MONTH) * JOINT)
        self.leader_share = min(0.5, LEADER_JOINS_PER_YEAR / joint_per_year)

    # -- households ---------------------------------------------------------------------------

    def add_households(self, houses: Iterable[Row], measures: Iterable[Row], rows: Rows) -> None:
        """Append a year of visits of each household (and their links) to ``rows``."""
        by_household: dict[str, list[str]] = {}
        for m in measures:
            by_household.setdefault(m["household_id"], []).append(m["id"])
        for house in houses:
            cadre = house["cadre_id"]
            village = house["village_id"]
            if not cadre:
                continue
            self.village_of.setdefault(cadre, village)
            team = self.cadres_of.setdefault(village, [])
            if cadre not in team:
                team.append(cadre)
            if len(self.households) < 400 or self.rng.random() < 0.01:
                self.households.append({"id": house["id"], "village_id": village, "cadre_id": cadre,
                                        "registered": house["identified_on"]})
            for year, month in self.months:
                if self.rng.random() < SKIP_MONTH:
                    continue
                choices = [d for d in self._field_days(cadre, year, month) if d >= house["identified_on"]]
                if choices:
                    self._household_visit(house, self.rng.choice(choices), by_household.get(house["id"], []), rows)

    def _field_days(self, cadre: str, year: int, month: int) -> list[dt.date]:
        key = (cadre, year, month)
        found = self.field_days.get(key)
        if found is None:
            open_days = self._month_days(year, month)
            count = min(len(open_days), self.rng.randint(6, 12))
            found = sorted(self.rng.sample(open_days, count)) if open_days else []
            self.field_days[key] = found
        return found

    def _month_days(self, year: int, month: int) -> list[dt.date]:
        last = min(calendar.monthrange(year, month)[1], self.today.day if (year, month) == self.months[-1] else 31)
        return [dt.date(year, month, d) for d in range(1, last + 1)]

    def _household_visit(self, house: Row, day: dt.date, measures: list[str], rows: Rows) -> None:
        rng = self.rng
        cadre = house["cadre_id"]
        kind = HOUSEHOLD_TYPE.pick(rng)
        if kind == "05" and house["main_cause"] not in ("01", "02"):
            kind = "01"
        cadres = [cadre]
        if rng.random() < JOINT:
            team = self.cadres_of.get(house["village_id"], [])
            leader = self.leader_id if rng.random() < self.leader_share else None
            other = leader or (rng.choice(team) if team else None)
            if other and other != cadre:
                cadres.append(other)
        visit_id = self._visit(rows, {"household_id": house["id"], "village_id": house["village_id"], "date": day,
                                      "type": kind, "found": _text(rng.choice(FOUND[kind]), rng),
                                      "done": _text(rng.choice(DONE[kind]), rng)}, cadres)
        if measures and rng.random() < LINK_MEASURE:
            measure = rng.choice(measures)
            rows[VisitMeasure].append({"id": natural_id("visit_measure", visit_id, measure), "visit_id": visit_id,
                                       "measure_id": measure, "household_id": house["id"]})
        if rng.random() < FOLLOW_UP:
            self._follow_up(rows, visit_id, house["id"], day)

    def _visit(self, rows: Rows, visit: Row, cadres: list[str]) -> str:
        """Append a visit (household_id, village_id, date, type, found, done; title for activities)."""
        visit_id = self.new_id()
        rows[Visit].append({"id": visit_id, "title": None, **visit, "created_by": cadres[0]})
        household_id, day = visit["household_id"], visit["date"]
        for cadre in cadres:
            rows[VisitCadre].append({"id": natural_id("visit_cadre", visit_id, cadre), "visit_id": visit_id,
                                     "cadre_id": cadre, "household_id": household_id, "date": day})
            self.days.setdefault(cadre, set()).add(day)
        return visit_id

    def _follow_up(self, rows: Rows, visit_id: str, household_id: str, day: dt.date) -> None:
        rng = self.rng
        due = day + dt.timedelta(days=rng.randint(7, 45))
        done_on = None
        overdue_days = (self.today - due).days
        chance = 0.99 if overdue_days > 30 else 0.85 if overdue_days >= 0 else 0.2
        if rng.random() < chance:
            latest = min(due + dt.timedelta(days=5), self.today)
            done_on = day + dt.timedelta(days=rng.randint(0, max(0, (latest - day).days)))
        rows[FollowUp].append({"id": self.new_id(), "visit_id": visit_id, "household_id": household_id,
                               "text": _text(rng.choice(FOLLOW_UPS), rng), "due_date": due, "done_on": done_on})

    # -- village, unit leaders, check-ins --------------------------------------------------------------

    def finish(self, places: list[Place], unit_leaders: list[str], rows: Rows,
               taken_checkins: frozenset[str] = frozenset()) -> None:
        """Village activities, the unit leaders' visits (two more unit leaders are added) and the check-ins.

        ``taken_checkins`` are check-in ids already in the register (a demo added to a demo).
        """
        rng = self.rng
        for place in places:
            self._activities(place, rows)
        leaders = list(unit_leaders)
        for _ in range(max(0, 3 - len(leaders))):
            gender = "1" if rng.random() < 0.8 else "2"
            name = data.SURNAMES.pick(rng) + data.given_name(rng, self.today.year - rng.randint(45, 56), gender)
            leaders.append(self.new_id())
            rows[Cadre].append({"id": leaders[-1], "name": name, "unit": data.UNITS.pick(rng),
                                "phone": data.mobile(rng), "role": "unit_leader"})
        for leader in leaders:
            for _ in range(LEADER_VISITS.pick(rng) if self.households else 0):
                house = rng.choice(self.households)
                year, month = rng.choice(self.months)
                days = [d for d in self._month_days(year, month) if d >= house["registered"]]
                if days:
                    kind = rng.choice(("01", "06"))
                    self._visit(rows, {"household_id": house["id"], "village_id": house["village_id"],
                                       "date": rng.choice(days), "type": kind,
                                       "found": _text(rng.choice(FOUND[kind]), rng),
                                       "done": "单位领导入户走访，" + _text(rng.choice(DONE[kind]), rng)},
                                [leader, house["cadre_id"]])
        self._checkins(rows, set(leaders), taken_checkins)

    def _activities(self, place: Place, rows: Rows) -> None:
        rng = self.rng
        team = self.cadres_of.get(place.village_id, [])
        for year, month in self.months:
            days = self._month_days(year, month)
            picks = [ACTIVITIES[0]] if month % 3 == 0 else []
            picks += rng.sample(ACTIVITIES[1:], rng.randint(0, 2))
            for kind, title, found, done in picks:
                crop = rng.choice(_CROPS)
                values = {"year": year, "q": (month - 1) // 3 + 1, "crop": crop}
                people = [p for p in (self.leader_id,) if p]
                people += [c for c in rng.sample(team, min(len(team), rng.randint(3, 8))) if c not in people]
                if people:
                    self._visit(rows, {"household_id": None, "village_id": place.village_id,
                                       "date": rng.choice(days), "type": kind, "title": title.format(**values),
                                       "found": found.format(**values), "done": done.format(**values)}, people)

    def _checkins(self, rows: Rows, skip: set[str], taken: frozenset[str]) -> None:
        rng = self.rng
        late_cadre = next((c for c in sorted(self.days)  # a team member, so that the team leader confirms them
                           if c not in skip and c in self.village_of and c != self.leader_id), None)
        for cadre in sorted(self.days):
            if cadre in skip:
                continue
            village = self.village_of.get(cadre)
            if village is None:
                continue
            seen = self.days[cadre]
            for year, month in self.months:
                open_days = self._month_days(year, month)
                target = rng.randint(15, 21) if rng.random() < COMPLIANT else rng.randint(8, 14)
                target = round(target * len(open_days) / calendar.monthrange(year, month)[1])
                free = [d for d in open_days if d not in seen]
                need = target - (len(open_days) - len(free))
                for day in sorted(rng.sample(free, max(0, min(need, len(free))))):
                    row_id = natural_id("checkin", cadre, day.isoformat())
                    note = rng.choice(CHECKIN_NOTES)
                    # one cadre entered two days of last month a week late (补登): they wait for the leader
                    entered = day
                    if cadre == late_cadre and (year, month) == self.months[-2] and day.day > 26 \
                            and day + dt.timedelta(days=7) <= self.today:
                        entered = day + dt.timedelta(days=7)
                    if row_id not in taken:
                        rows[CheckIn].append({"id": row_id, "cadre_id": cadre, "village_id": village, "date": day,
                                              "note": note, "entered_on": entered})


def empty_rows() -> Rows:
    return {m: [] for m in VISIT_MODELS}
