"""Records around a demo household (for :mod:`fieldapp.services.demo`): its house, incomes, indicators, measures.

A mixin of :class:`fieldapp.services.demo_household.HouseholdMaker`; everything is drawn
from the maker's ``random.Random`` and counts back from its reference date.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from fieldapp.services import demo_data as data

Row = dict[str, Any]
DAY = dt.timedelta(days=1)
FURTHER_SCHOOLING = frozenset(f"{c:02d}" for c in range(7, 17))  # 高中, 中职, 高职, 大专及以上
VOCATIONAL = frozenset(f"{c:02d}" for c in range(10, 16))  # 中职, 高职: 雨露计划
ROAD = data.Weighted([("03", 70), ("02", 20), ("01", 10)])
FUEL = data.Weighted([("01", 50), ("03", 25), ("04", 15), ("02", 10)])
MEASURE_COUNT = data.Weighted([(1, 25), (2, 35), (3, 25), (4, 15)])
ATTRIBUTE = {("general", True): "05", ("general", False): "01", ("dibao", True): "02", ("dibao", False): "04",
             ("tekun", True): "03", ("tekun", False): "06"}


class Place(NamedTuple):
    village_id: str
    village_name: str
    code: str  # 12-digit village code: 户编号 = code + sequence


class Plan(NamedTuple):
    place: Place
    group: int
    hh_no: str
    size: int  # members
    support: str  # general | dibao | tekun
    cadre_id: str


@dataclass
class Home:
    """One household being drawn: its plan and what has been drawn so far."""

    hid: str
    plan: Plan
    status: str  # 脱贫状态
    exit_year: int | None = None
    members: list[Row] = field(default_factory=list)
    ages: list[int] = field(default_factory=list)
    school_ages: list[int] = field(default_factory=list)  # age on 1 September of this school year
    house: Row = field(default_factory=dict)
    transfers: dict[str, int] = field(default_factory=dict)  # yearly transfers and property income (元)

    def with_labour(self) -> list[Row]:
        return [m for m in self.members if m["labour_skill"] in ("01", "02")]

    def students(self) -> list[Row]:
        return [m for m in self.members if m["schooling"] in FURTHER_SCHOOLING]

    def sick(self) -> list[Row]:
        return [m for m in self.members if m["health"] != "01"]


def fen(yuan: float) -> int:
    return round(yuan) * 100


class RecordMaker:
    """House, incomes, indicators and measures of one household (mixed into the household maker)."""

    rng: random.Random
    today: dt.date
    town: str
    lines: dict[int, int]  # poverty line per income year (元)
    indicator_codes: list[str]
    new_id: Callable[[], str]
    natural_id: Callable[..., str]

    def _house(self, home: Home, identified: int, causes: tuple[str, str | None, str | None]) -> Row:
        rng, today, plan, status, exit_year = self.rng, self.today, home.plan, home.status, home.exit_year
        exited = status in ("1", "4")
        relocated = rng.random() < 0.08
        central = relocated and rng.random() < 0.7
        danger = "0" if relocated or rng.random() < 0.965 else ("C" if rng.random() < 0.75 else "D")
        bank = rng.random() < 0.7
        id_day = dt.date(identified, 1, 1) + DAY * rng.randrange(365)
        return {
            "id": home.hid, "village_id": plan.place.village_id, "group_no": plan.group, "hh_no": plan.hh_no,
            "address": f"{self.town}{plan.place.village_name}{plan.group}组",
            "phone": data.mobile(rng) if rng.random() < 0.88 else None,
            "bank_name": "商州区农村信用合作联社" if bank else "中国邮政储蓄银行商州区支行",
            "bank_account": ("621177" if bank else "621799") + f"{rng.randrange(10**13):013d}",
            "standard": "01" if rng.random() < 0.85 else "02", "identified_on": min(id_day, today - DAY),
            "attribute": ATTRIBUTE[(plan.support, exited)], "exit_status": status, "exit_year": exit_year,
            "plate_kind": None, "main_cause": causes[0], "cause2": causes[1], "cause3": causes[2],
            "exit_deadline": exit_year if exited else today.year + (rng.random() < 0.3),
            "cadre_id": plan.cadre_id,
            "fund_channel": "superior" if rng.random() < 0.7 else ("local_finance" if rng.random() < 0.8 else "social"),
            "farmland_mu": f"{rng.randint(5, 60) / 10:.1f}", "forest_mu": f"{rng.randint(0, 200) / 10:.1f}",
            "grain_to_green_mu": f"{rng.randint(5, 50) / 10:.1f}" if rng.random() < 0.5 else None,
            "house_area": f"{rng.randint(40, 150)}", "danger_grade": danger,
            "sanitary_toilet": rng.random() < 0.72, "electricity": True, "broadcast_tv": rng.random() < 0.95,
            "road_type": ROAD.pick(rng), "road_distance_km": f"{rng.randint(1, 30) / 10:.1f}", "fuel": FUEL.pick(rng),
            "relocation_type": ("01" if central else "02") if relocated else None,
            "relocation_site": (f"{self.town}移民安置小区" if central else f"{plan.place.village_name}{plan.group}组")
            if relocated else None,
            "note": None,
        }

    # -- incomes, indicators -----------------------------------------------------------------------

    def _incomes(self, home: Home) -> list[Row]:
        """Two or three years of income whose latest per-person net income fits the exit status."""
        rng, status, house, members, support = self.rng, home.status, home.house, home.members, home.plan.support
        years = sorted(self.lines)[-3:] if rng.random() < 0.7 else sorted(self.lines)[-2:]
        size = len(members)
        r = rng.random()
        if status in ("1", "4"):
            factor = rng.uniform(1.03, 1.3) if r < 0.92 else rng.uniform(1.3, 2.2)
        else:
            factor = rng.uniform(0.62, 0.97) if status == "0" else rng.uniform(0.55, 0.95)
        growth = rng.uniform(1.03, 1.12)
        elderly = sum(a >= 60 for a in home.ages)
        away = sum(m["work_status"] in ("02", "03", "04") for m in members)
        local = sum(m["work_status"] == "01" for m in members)
        wage_share = rng.uniform(0.65, 0.9) if away else rng.uniform(0.3, 0.6) if local else rng.uniform(0, 0.15)
        cost_ratio = rng.uniform(0.25, 0.45)
        fixed = {
            "transfer_dibao": rng.randint(180, 320) * 12 * size if support == "dibao" else 0,
            "transfer_tekun": rng.randint(6000, 7800) * size if support == "tekun" else 0,
            "transfer_pension": rng.randint(150, 210) * 12 * elderly,
            "transfer_family_planning": 960 if elderly and rng.random() < 0.07 else 0,
            "transfer_eco": round(float(house["forest_mu"]) * rng.randint(10, 16)
                                  + float(house["grain_to_green_mu"] or 0) * rng.randint(90, 160)),
            "transfer_other": round(float(house["farmland_mu"]) * rng.randint(80, 110)) if rng.random() < 0.85 else 0,
            "property_dividend": rng.randint(2, 10) * 100 if rng.random() < 0.4 else 0,
            "property_other": rng.randint(3, 15) * 100 if rng.random() < 0.05 else 0,
        }
        if status in ("0", "3"):  # still poor: what it receives leaves it below the line
            ceiling = 0.8 * factor * self.lines[years[-1]] * size
            total = sum(fixed.values())
            if total > ceiling:
                fixed = {key: int(value * ceiling / total) for key, value in fixed.items()}
                fixed["transfer_dibao"] -= fixed["transfer_dibao"] % (12 * size)  # whole 元 per person and month
                fixed["transfer_tekun"] -= fixed["transfer_tekun"] % size
        home.transfers = fixed
        rows = []
        for k, year in enumerate(years):
            back = len(years) - 1 - k
            f = rng.uniform(1.05, 1.35) if status == "3" and back else factor / growth ** back
            if status in ("1", "4") and home.exit_year is not None and year >= home.exit_year:
                f = max(f, 1.03)
            rest = f * self.lines[year] * size - sum(fixed.values())
            if rest < 300 * size:
                rest = rng.uniform(300, 700) * size
            wage = rest * wage_share
            production = (rest - wage) / (1 - cost_ratio)
            row = {"id": self.natural_id("income_year", home.hid, year), "household_id": home.hid, "year": year,
                   "persons": size, "wage": fen(wage), "production": fen(production),
                   "production_cost": fen(production - (rest - wage))}
            row.update({key: value * 100 for key, value in fixed.items()})
            rows.append(row)
        return rows

    def _indicators(self, home: Home) -> list[Row]:
        """两不愁三保障 and drinking water, checked on one visit by the paired cadre; a few are unmet."""
        rng, house, members = self.rng, home.house, home.members
        dropout = any(m["schooling"] == "01" and 6 <= a <= 14
                      for m, a in zip(members, home.school_ages, strict=True))
        checked = self.today - DAY * rng.randint(5, 330)
        exited = home.status in ("1", "4")  # met the exit standard: nothing left unmet (the draws are kept)
        rows = []
        for code in self.indicator_codes:
            note = None
            if code == "compulsory_education":
                met = not dropout
                note = None if met else "有义务教育阶段适龄儿童辍学，正在劝返"
            elif code == "basic_medical":
                met = all(m["medical_insurance"] for m in members)
                note = None if met else "有家庭成员未参加基本医疗保险，已督促办理"
            elif code == "housing_safety":
                met = house["danger_grade"] == "0"
                note = None if met else f"住房为{house['danger_grade']}级危房，已列入改造计划"
            elif code in ("food", "clothing"):
                met = rng.random() > 0.003 or exited
            else:
                met = rng.random() > (0.25 if house["main_cause"] == "06" else 0.012) or exited
                note = None if met else "旱季供水不足，需建设蓄水池"
            rows.append({"id": self.natural_id("indicator", home.hid, code), "household_id": home.hid, "code": code,
                         "met": met, "checked_on": checked, "checked_by": home.plan.cadre_id, "note": note})
        return rows

    # -- measures ----------------------------------------------------------------------------------

    def _measures(self, home: Home) -> list[Row]:
        """One to four measures that fit the household (低保/五保 households always have 社保兜底)."""
        rng, house = self.rng, home.house
        weights = {"industry": 10.0, "health": 8.0 if home.sick() else 2.0, "living_conditions": 2.0,
                   "motivation": 1.0}
        if home.with_labour():
            weights.update(employment=3.0, public_welfare_job=3.0, finance=3.0)
        if home.students():
            weights["education"] = 8.0
        if house["danger_grade"] != "0" or rng.random() < 0.1:
            weights["housing_renovation"] = 30.0 if house["danger_grade"] != "0" else 5.0
        if house["relocation_type"]:
            weights["relocation"] = 30.0
        if float(house["forest_mu"]) > 5:
            weights["ecological"] = 2.0
        chosen = ["social_security"] if home.plan.support != "general" else []
        wanted = max(MEASURE_COUNT.pick(rng), len(chosen))
        while len(chosen) < wanted and weights:
            kind = data.Weighted(list(weights.items())).pick(rng)
            chosen.append(kind)
            del weights[kind]
        start = house["identified_on"]
        rows = []
        for kind in chosen:
            row: Row = {"id": self.new_id(), "household_id": home.hid, "type": kind, "content": "", "amount": None,
                        "fund_channel": "superior", "date": start + DAY * rng.randrange(1, (self.today - start).days),
                        "end_date": None, "responsible_unit": data.MEASURE_UNITS[kind], "industry": None,
                        "post": None, "member_id": None}
            getattr(self, f"_m_{kind}")(row, home)
            if row["amount"] is not None:
                row["amount"] = fen(row["amount"])
            rows.append(row)
        return rows

    def _recent(self) -> dt.date:
        return self.today - DAY * self.rng.randint(20, 300)

    def _m_industry(self, row: Row, home: Home) -> None:
        rng = self.rng
        industry = data.INDUSTRY.pick(rng)
        template, (lo, hi), (n_lo, n_hi) = rng.choice(data.INDUSTRY_MEASURES[industry])
        n = rng.randint(n_lo, n_hi)
        amount = min(8000, round(n * rng.randint(lo, hi), -1))
        row.update(industry=industry, content=template.format(n=n), amount=amount,
                   fund_channel="superior" if rng.random() < 0.6 else "local_finance")

    def _m_public_welfare_job(self, row: Row, home: Home) -> None:
        rng = self.rng
        worker = rng.choice(home.with_labour())
        forest = rng.random() < 0.6
        monthly = 500 if forest else rng.choice((300, 400, 500))
        row.update(post="forest" if forest else "cleaning", member_id=worker["id"], amount=monthly * 12,
                   content=f"{worker['name']}聘为{'生态护林员' if forest else '村保洁员'}，每月补助{monthly}元",
                   responsible_unit="区林业局" if forest else f"{self.town}人民政府",
                   fund_channel="superior" if forest else "local_finance")
        if rng.random() < 0.2:
            row["end_date"] = min(self.today - DAY, row["date"] + DAY * rng.randint(180, 900))

    def _m_education(self, row: Row, home: Home) -> None:
        student = self.rng.choice(home.students())
        if student["schooling"] in VOCATIONAL:
            content, amount, channel = "雨露计划职业教育补助，每年3000元", 3000, "superior"
        elif student["schooling"] == "16":
            content, amount, channel = "生源地信用助学贷款8000元，在校期间财政贴息", 8000, "financial"
        else:
            content, amount, channel = "普通高中国家助学金，每年2000元", 2000, "superior"
        row.update(member_id=student["id"], content=f"{student['name']}：{content}", amount=amount,
                   fund_channel=channel, date=self._recent())

    def _m_social_security(self, row: Row, home: Home) -> None:
        rng = self.rng
        size = len(home.members)
        if home.plan.support == "tekun":  # the same money as the latest year's 特困供养金
            yearly = home.transfers["transfer_tekun"] // size
            row.update(content=f"纳入农村特困人员分散供养，每人每年{yearly}元", amount=yearly * size)
        elif home.plan.support == "dibao":  # the same money as the latest year's 低保金
            monthly = home.transfers["transfer_dibao"] // (12 * size)
            row.update(content=f"纳入农村低保，每人每月{monthly}元", amount=monthly * 12 * size)
        else:
            row.update(content="临时救助", amount=rng.randint(5, 20) * 100)

    def _m_health(self, row: Row, home: Home) -> None:
        rng, sick = self.rng, home.sick()
        template, span = rng.choice(data.HEALTH_MEASURES[:3] if not sick else data.HEALTH_MEASURES)
        amount = rng.randint(*span) if span else None
        row.update(content=template.format(a=amount), amount=amount, date=self._recent())
        if sick and template.startswith("住院"):
            row["member_id"] = rng.choice(sick)["id"]

    def _m_housing_renovation(self, row: Row, home: Home) -> None:
        rng = self.rng
        grade = home.house["danger_grade"]
        if grade != "0":
            amount = rng.randint(80, 100) * 100 if grade == "C" else rng.randint(200, 250) * 100
            how = "加固改造" if grade == "C" else "拆除重建"
            row.update(content=f"{grade}级危房{how}，已列入{self.today.year}年改造计划", amount=amount,
                       date=self._recent())
        else:
            amount = rng.randint(200, 250) * 100
            row.update(content=f"D级危房拆除重建，补助{amount}元，已竣工入住", amount=amount)

    def _m_finance(self, row: Row, home: Home) -> None:
        rng = self.rng
        wan = rng.choice((3, 5, 5))
        use = data.INDUSTRY_MEASURES[rng.choice(("fruit", "livestock", "vegetable", "medicinal"))][0][0]
        row.update(content=f"扶贫小额信贷{wan}万元，期限3年，财政全额贴息，用于{use.split('{')[0]}",
                   amount=wan * 10000, fund_channel="financial")

    def _m_employment(self, row: Row, home: Home) -> None:
        rng = self.rng
        worker = rng.choice(home.with_labour())
        template = rng.choice(data.EMPLOYMENT_MEASURES)
        amount = rng.randint(3, 10) * 100 if "{a}" in template else None
        employer = rng.choice(data.EMPLOYERS[worker["work_status"] if worker["work_status"] in ("02", "03", "04")
                                             else "02"])
        row.update(member_id=worker["id"], content=f"{worker['name']}：" + template.format(e=employer, a=amount),
                   amount=amount)

    def _m_relocation(self, row: Row, home: Home) -> None:
        how = "集中安置" if home.house["relocation_type"] == "01" else "分散安置"
        row.update(content=f"易地扶贫搬迁，{how}至{home.house['relocation_site']}，人均补助2.5万元",
                   amount=25000 * len(home.members))

    def _m_ecological(self, row: Row, home: Home) -> None:
        forest = home.house["forest_mu"]
        row.update(content=f"公益林生态效益补偿，林地{forest}亩", amount=round(float(forest) * 15))

    def _m_living_conditions(self, row: Row, home: Home) -> None:
        template, span = self.rng.choice(data.LIVING_MEASURES)
        amount = self.rng.randint(*span)
        row.update(content=template.format(a=amount), amount=amount, fund_channel="local_finance")

    def _m_motivation(self, row: Row, home: Home) -> None:
        row.update(content=self.rng.choice(data.MOTIVATION_MEASURES), amount=None)
