"""One demo household (for :mod:`fieldapp.services.demo`): its family, members, causes and work.

Pure generation: rows are plain dicts keyed by column names, drawn from the caller's
``random.Random`` only; :mod:`fieldapp.services.demo` writes them.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fieldapp.domain.refdata import RefData
from fieldapp.services import demo_data as data
from fieldapp.services.demo_records import DAY, FURTHER_SCHOOLING, Home, Place, Plan, RecordMaker
from fieldapp.store.models import Household, IncomeYear, Indicator, Measure, Member

Row = dict[str, Any]

STATUS = {  # support kind → 脱贫状态 weights
    "general": data.Weighted([("1", 60), ("4", 14), ("0", 20), ("3", 6)]),
    "dibao": data.Weighted([("1", 62), ("0", 30), ("3", 8)]),
    "tekun": data.Weighted([("1", 85), ("0", 15)]),
}
MAIN_CAUSE = {
    "general": data.Weighted([("01", 52), ("03", 10), ("07", 9), ("09", 8), ("02", 6), ("08", 4), ("04", 3),
                              ("11", 3), ("10", 2), ("05", 1.5), ("06", 1), ("12", 0.5)]),
    "dibao": data.Weighted([("01", 45), ("02", 30), ("08", 20), ("99", 5)]),
    "tekun": data.Weighted([("08", 60), ("01", 25), ("02", 15)]),
}
SOFT_CAUSES = ("07", "09", "08", "10", "11", "04")
EXIT_BACK = data.Weighted([(1, 14), (2, 12), (3, 10), (4, 8), (5, 8), (6, 20), (7, 12), (8, 8), (9, 5), (10, 3)])
IDENTIFIED_BACK = data.Weighted([(12, 50), (11, 20), (10, 12), (9, 6), (8, 4), (7, 3), (6, 3), (5, 2)])
CAUSE_HEALTH = {"01": ("02", "03"), "02": ("04",)}  # 因病: chronic or serious illness; 因残: disability
EXITED = ("1", "4")  # 已脱贫: such a household met the exit standard, so every 两不愁三保障 indicator holds


@dataclass
class Stats:
    households: int = 0
    people: int = 0
    dibao: int = 0
    tekun: int = 0
    labourers: int = 0
    away: int = 0

    def summary(self) -> str:
        return (f"{self.households}户 {self.people}人，低保{self.dibao}户，五保{self.tekun}户，"
                f"劳动力{self.labourers}人，外出务工{self.away}人")


def _years(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _opposite(gender: str) -> str:
    return "2" if gender == "1" else "1"


@dataclass
class HouseholdMaker(RecordMaker):
    rng: random.Random
    ref: RefData
    today: dt.date
    town: str
    lines: dict[int, int]  # poverty line per income year (元)
    used_ids: set[str]  # first 17 characters of resident IDs in use
    check_digit: Callable[[str], str]
    new_id: Callable[[], str]
    natural_id: Callable[..., str]

    def __post_init__(self) -> None:
        self.school_start = dt.date(self.today.year if self.today.month >= 9 else self.today.year - 1, 9, 1)
        self.indicator_codes = [c.code for c in self.ref["indicator"].codes]
        self.clans: dict[tuple[str, int], list[str]] = {}

    # -- the whole village -------------------------------------------------------------------

    def plan(self, n: int, places: list[Place], cadres: list[str], quota: tuple[int, int, int],
             taken: set[str]) -> list[Plan]:
        """Village, group, 户编号, size, support kind and paired cadre of each household, in 户编号 order.

        ``quota`` is (低保 households, 五保 households, people); ``taken`` the 户编号 already in use.
        """
        rng = self.rng
        dibao, tekun, people = quota
        support = ["general"] * n
        for k, i in enumerate(rng.sample(range(n), dibao + tekun)):
            support[i] = "dibao" if k < dibao else "tekun"
        sizes = [self._size(kind) for kind in support]
        general = [i for i, kind in enumerate(support) if kind == "general"]
        missing = people - sum(sizes)
        for _ in range(20 * abs(missing) if general else 0):  # nudge sizes until the total is right
            if not missing:
                break
            i = rng.choice(general)
            if 1 < sizes[i] + (step := 1 if missing > 0 else -1) <= 7:
                sizes[i] += step
                missing -= step
        plans: list[Plan] = []
        for p, place in enumerate(places):
            count = n * (p + 1) // len(places) - n * p // len(places)
            groups = data.Weighted([(g, rng.uniform(0.6, 1.4)) for g in range(1, 13)])
            width = max(4, len(str(count)))
            seq = 0
            for group in sorted(groups.pick(rng) for _ in range(count)):
                seq += 1
                while f"{place.code}{seq:0{width}d}" in taken:
                    seq += 1
                k = len(plans)
                plans.append(Plan(place, group, f"{place.code}{seq:0{width}d}", sizes[k], support[k], ""))
        return [p._replace(cadre_id=cadres[i * len(cadres) // n]) for i, p in enumerate(plans)]

    # -- one household ---------------------------------------------------------------------------

    def household(self, plan: Plan, rows: dict[Any, list[Row]], stats: Stats) -> None:
        """Draw one household and append its rows (household, members, incomes, indicators, measures)."""
        rng, today = self.rng, self.today
        home = Home(hid=self.new_id(), plan=plan, status=STATUS[plan.support].pick(rng))
        if home.status in ("1", "4"):
            home.exit_year = today.year - EXIT_BACK.pick(rng)
        elif home.status == "3":  # 返贫: it had left poverty, and keeps that year
            home.exit_year = today.year - rng.randint(3, 9)
        identified = min(today.year - IDENTIFIED_BACK.pick(rng), (home.exit_year or today.year) - 1)
        self._members(home)
        causes = self._causes(home)
        self._work(home, stats)
        home.house = self._house(home, identified, causes)
        if home.status in EXITED:
            self._exit_conditions(home)
        rows[Household].append(home.house)
        rows[Member].extend(home.members)
        rows[IncomeYear].extend(self._incomes(home))
        rows[Indicator].extend(self._indicators(home))
        rows[Measure].extend(self._measures(home))
        stats.households += 1
        stats.people += len(home.members)
        stats.dibao += plan.support == "dibao"
        stats.tekun += plan.support == "tekun"

    def _exit_conditions(self, home: Home) -> None:
        """An exited household left poverty with 两不愁三保障 secured: its children are at school, everyone
        has basic medical insurance and the house is safe (a 危房 was renovated before the exit). The
        draws that made them otherwise are kept, so the rest of the village does not change."""
        for m, school_age in zip(home.members, home.school_ages, strict=True):
            m["medical_insurance"] = True
            if m["schooling"] == "01" and 6 <= school_age <= 14:
                m["education"], m["schooling"] = ("02", "03") if school_age < 12 else ("03", f"{school_age - 8:02d}")
        home.house["danger_grade"] = "0"

    def _size(self, support: str) -> int:
        if support == "tekun":  # 五保: a single elderly person, sometimes an elderly couple
            return 2 if self.rng.random() < 0.15 else 1
        size = data.HOUSEHOLD_SIZE.pick(self.rng)
        if support == "dibao" and size > 3 and self.rng.random() < 0.5:
            size -= 2
        return size

    # -- members -----------------------------------------------------------------------------------

    def _family(self, support: str, size: int, surname: str) -> list[tuple[str, str, int, str]]:
        """(relation, gender, age, surname) of each of ``size`` members, the head first."""
        rng, other = self.rng, self._other_surname
        if support == "tekun":
            age, gender = rng.randint(62, 89), "1" if rng.random() < 0.72 else "2"
            family = [("01", gender, age, surname)]
            if size > 1:
                family.append(("02", _opposite(gender), max(60, min(95, age + rng.randint(-5, 5))), other(surname)))
            return family
        peak = 72 if size == 1 else 66 if size == 2 else 56
        head_age = int(rng.triangular(27 if size > 2 else 35, 88, peak))
        gender = "1" if rng.random() < (0.6 if size == 1 else 0.9) else "2"
        family = [("01", gender, head_age, surname)]
        spouse_surname = other(surname)
        kin = surname if gender == "1" else spouse_surname  # children carry the father's surname
        slots = size - 1
        if slots and rng.random() > 0.06 + max(0, head_age - 55) * 0.012:
            delta = rng.randint(-6, 2) if gender == "1" else rng.randint(-2, 6)
            family.append(("02", _opposite(gender), max(20, min(95, head_age + delta)), spouse_surname))
            slots -= 1
        if slots >= 2 and head_age >= 58 and rng.random() < 0.75:  # the son's family lives with them
            son = max(21, head_age - rng.randint(23, 32))
            family.append(("03", "1", son, kin))
            slots -= 1
            if rng.random() < 0.85:
                family.append(("05", "2", max(20, son + rng.randint(-5, 2)), other(kin)))
                slots -= 1
            for _ in range(slots):
                g = rng.choice("12")
                family.append(("07" if g == "1" else "08", g, max(0, son - rng.randint(21, 33)), kin))
            return family
        parents = 0
        if slots >= 2 and head_age < 50 and rng.random() < 0.35:
            parents = 1 if slots == 2 or rng.random() < 0.6 else 2
        youngest = min(a for _, _, a, _ in family)
        for _ in range(slots - parents):
            g = rng.choice("12")
            age = rng.randint(max(0, youngest - 40), max(0, youngest - 20))
            family.append(("03" if g == "1" else "04", g, age, kin))
        if parents:
            in_law = (gender == "2" and len(family) > 1 and rng.random() < 0.7) or rng.random() < 0.1
            codes = (("15", "16") if gender == "2" else ("13", "14")) if in_law else ("11", "12")
            father_surname = surname if not in_law else spouse_surname
            wanted = [(codes[0], "1"), (codes[1], "2")] if parents == 2 else [
                (codes[1], "2") if rng.random() < 0.7 else (codes[0], "1")]
            for code, g in wanted:
                age = min(97, head_age + rng.randint(22, 34))
                family.append((code, g, age, father_surname if g == "1" else other(father_surname)))
        return family

    def _other_surname(self, avoid: str) -> str:
        name = data.SURNAMES.pick(self.rng)
        return data.SURNAMES.pick(self.rng) if name == avoid else name

    def _resident_id(self, born: dt.date, gender: str) -> str:
        rng = self.rng
        region = (data.REGIONS_OLD if born.year < 2002 else data.REGIONS_NEW).pick(rng)
        stem = f"{region}{born.year:04d}{born.month:02d}{born.day:02d}"
        odd = 1 if gender == "1" else 0
        while True:
            first17 = f"{stem}{rng.randrange(500) * 2 + odd:03d}"
            if first17 not in self.used_ids:
                self.used_ids.add(first17)
                return first17 + self.check_digit(first17)

    def _members(self, home: Home) -> None:
        rng, today, plan = self.rng, self.today, home.plan
        clan = self.clans.get((plan.place.village_id, plan.group))
        if clan is None:
            clan = self.clans[(plan.place.village_id, plan.group)] = [data.SURNAMES.pick(rng) for _ in range(3)]
        surname = rng.choice(clan) if rng.random() < 0.55 else data.SURNAMES.pick(rng)
        names: set[str] = set()
        for relation, gender, years_old, family_name in self._family(plan.support, plan.size, surname):
            born = today - DAY * (int(years_old * 365.2425) + rng.randrange(365))
            age = _years(born, today)
            school_age = _years(born, self.school_start) if born < self.school_start else -1
            id_no = self._resident_id(born, gender)
            name = family_name + data.given_name(rng, born.year, gender)
            if name in names:
                name = family_name + data.given_name(rng, born.year, gender)
            names.add(name)
            education, schooling = self._schooling(school_age, born.year)
            health, grade, cert = self._health(age, id_no)
            home.members.append({
                "id": self.new_id(), "household_id": home.hid, "name": name, "id_no": id_no, "gender": gender,
                "birth_date": born, "relation": relation, "ethnicity": "汉族", "education": education,
                "schooling": schooling, "health": health, "disability_grade": grade, "disability_cert": cert,
                "labour_skill": None, "work_status": None, "work_months": None, "employer": None,
                "medical_insurance": rng.random() < 0.994,
                "critical_illness_insurance": rng.random() < 0.96,
                "pension_insurance": age >= 16 and schooling == "01" and rng.random() < 0.88,
                "dibao": plan.support == "dibao", "tekun": plan.support == "tekun", "military": False,
            })
            home.ages.append(age)
            home.school_ages.append(school_age)

    def _schooling(self, school_age: int, born_year: int) -> tuple[str, str]:  # noqa: PLR0911
        """(文化程度, 在校生状况) consistent with the age on 1 September of the current school year."""
        r = self.rng.random()
        if school_age < 3:
            return "06", "01"
        if school_age < 6:
            return "06", "02" if r < 0.85 else "01"
        if school_age <= 14:
            if r < 0.006:  # a drop-out: the compulsory-education indicator is not met
                return ("02" if school_age < 12 else "03"), "01"
            return ("02", "03") if school_age < 12 else ("03", f"{school_age - 8:02d}")
        if school_age <= 17:
            grade = school_age - 15
            if r < 0.75:  # 高中 or 中职
                return "04", f"{(7 if r < 0.5 else 10) + grade:02d}"
            return "03", "01"
        if school_age <= 20 and r < 0.3:
            return "05", f"{13 + school_age - 18:02d}" if r < 0.24 else "16"
        if school_age <= 22 and r < 0.15:
            return "05", "16"
        r = self.rng.random()
        if born_year < 1960:
            cuts = (0.45, 0.85, 0.98, 1.0)
        elif born_year < 1980:
            cuts = (0.15, 0.55, 0.93, 0.99)
        else:
            cuts = (0.03, 0.22, 0.76, 0.92)
        return next((c for c, cut in zip(("01", "02", "03", "04"), cuts, strict=True) if r < cut), "05"), "01"

    def _health(self, age: int, id_no: str) -> tuple[str, str | None, str | None]:
        r = self.rng.random()
        chronic, serious, disabled = (0.25, 0.04, 0.06) if age >= 60 else (0.10, 0.03, 0.04) if age >= 40 \
            else (0.02, 0.01, 0.02)
        if r < disabled:
            return self._disabled(id_no)
        if r < disabled + serious:
            return "03", None, None
        if r < disabled + serious + chronic:
            return "02", None, None
        return "01", None, None

    def _disabled(self, id_no: str) -> tuple[str, str, str]:
        grade = data.DISABILITY_GRADE.pick(self.rng)
        return "04", grade, id_no + data.DISABILITY_KIND.pick(self.rng) + grade

    # -- causes, work --------------------------------------------------------------------------------

    def _causes(self, home: Home) -> tuple[str, str | None, str | None]:
        """Main and secondary causes; the members are adjusted so the main cause is visible in them."""
        rng, members = self.rng, home.members
        main = MAIN_CAUSE[home.plan.support].pick(rng)
        in_school = sum(m["schooling"] not in ("01", "02") for m in members)
        students = in_school >= 2 or any(m["schooling"] in FURTHER_SCHOOLING for m in members)
        if main == "03" and not students:
            main = "07" if rng.random() < 0.5 else "09"
        if main in ("01", "02") and not any(m["health"] in CAUSE_HEALTH[main] for m in members):
            adults = [m for m, a in zip(members, home.ages, strict=True) if a >= 18 and m["health"] == "01"]
            m = rng.choice(adults or members)
            if main == "01":
                m.update(health="02" if rng.random() < 0.65 else "03", disability_grade=None, disability_cert=None)
            else:
                health, grade, cert = self._disabled(m["id_no"])
                m.update(health=health, disability_grade=grade, disability_cert=cert)
        present = [c for c, codes in CAUSE_HEALTH.items() if any(m["health"] in codes for m in members)]
        pool = [c for c in (*present, *(["03"] if students else []), *SOFT_CAUSES) if c != main]
        cause2 = rng.choice(pool) if rng.random() < 0.55 else None
        rest = [c for c in pool if c != cause2]
        cause3 = rng.choice(rest) if cause2 and rng.random() < 0.35 else None
        return main, cause2, cause3

    def _work(self, home: Home, stats: Stats) -> None:
        """劳动技能 and 务工状况 (with months and employer), after health and schooling are known."""
        rng = self.rng
        for m, age in zip(home.members, home.ages, strict=True):
            if age < 16 or m["schooling"] != "01":
                m["labour_skill"] = "04"
                m["work_status"] = None if age < 16 else "00"
                continue
            m["work_status"] = "00"
            if m["health"] == "03" or (m["health"] == "04" and m["disability_grade"] in ("1", "2")):
                m["labour_skill"] = "03"
                continue
            still_working = 0.5 if age < 60 else 0.2 if age < 70 else 0.0
            if age >= 55 and not (m["health"] == "01" and rng.random() < still_working):
                m["labour_skill"] = "04"
                continue
            if m["health"] != "01" and rng.random() < 0.5:  # a chronic illness or disability that stops work
                m["labour_skill"] = "03"
                continue
            m["labour_skill"] = "02" if rng.random() < 0.18 else "01"
            stats.labourers += 1
            away = 0.86 if age <= 45 else 0.53 if age < 60 else 0.05
            if m["health"] != "01" or m["dibao"] or m["tekun"]:
                away *= 0.5
            if home.status in ("0", "3"):  # still poor: few have a steady job away
                away *= 0.35
            if 18 <= age <= 24 and m["gender"] == "1" and rng.random() < 0.01:
                m.update(military=True, work_status="99", work_months=12)
            elif rng.random() < away:
                status = data.WORK_AWAY.pick(rng)
                employer = rng.choice(data.EMPLOYERS[status])
                m.update(work_status=status, work_months=rng.randint(6, 12), employer=employer)
                stats.away += 1
            elif rng.random() < 0.25:
                m.update(work_status="01", work_months=rng.randint(3, 10), employer=rng.choice(data.EMPLOYERS["01"]))
