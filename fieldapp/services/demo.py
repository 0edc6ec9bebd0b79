"""The demo village (演示村) behind ``fieldapp demo``: a realistic register to try the app on.

The default is modelled on the village of the seed speech (speech 3): 948 households,
3,014 people, about 1,200 labourers of whom 760 work away, 79 低保 and 7 五保 households,
a per-capita net income around 4,527元. Causes, incomes, members, indicators, measures
and paired cadres are drawn so that every record is consistent with itself (a 因残
household has a disabled member with a certificate, a 低保 household's members enjoy
低保 and it receives 低保金, an unmet 义务教育 indicator has a child out of school…).

Determinism: the register content is a pure function of (households, seed) when built into
an empty data folder. Only ``random.Random(seed)`` is drawn from, every id derives from it
(natural ids for income years and indicators, as the register service expects), and dates
count back from :data:`REFERENCE_DATE`. Only the sync clocks differ between two builds.
Everything is written through the one write path, one transaction per :data:`BATCH` households.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from fieldapp.domain.ids import natural_id
from fieldapp.domain.resident_id import check_digit
from fieldapp.services import demo_data as data
from fieldapp.services import demo_visits
from fieldapp.services import identity as identity_mod
from fieldapp.services.context import AppContext
from fieldapp.services.demo_household import HouseholdMaker, Stats
from fieldapp.services.demo_records import Place
from fieldapp.services.setup import SetupInfo, run_setup
from fieldapp.store import limits
from fieldapp.store.db import Database
from fieldapp.store.models import Area, Cadre, CheckIn, Household, IncomeYear, Indicator, Measure, Member
from fieldapp.sync import district

log = logging.getLogger("fieldapp.services.demo")

REFERENCE_DATE = dt.date(2026, 6, 30)  # "today" of the demo; clamped to the real today
BATCH = 500  # households per transaction
SPEECH_HOUSEHOLDS, SPEECH_PEOPLE, SPEECH_DIBAO, SPEECH_TEKUN, SPEECH_CADRES = 948, 3014, 79, 7, 30

Progress = Callable[[int, int], None]
_H, _M, _A, _C = Household.__table__, Member.__table__, Area.__table__, Cadre.__table__


def has_households(ctx: AppContext) -> bool:
    """Whether the register holds any (live) household."""
    with ctx.db.read() as conn:
        return conn.execute(select(_H.c.id).where(_H.c.deleted.is_(False)).limit(limits.fixed(1))).first() is not None


def reference_date() -> dt.date:
    """The demo's "today": :data:`REFERENCE_DATE`, or the real today if the machine's clock is earlier."""
    return min(REFERENCE_DATE, dt.date.today())


def demo_setup_info() -> SetupInfo:
    """The demo district, town, village and signed-in cadre (the work team leader)."""
    return SetupInfo(
        district=data.DISTRICT, town=data.TOWN, villages=list(data.VILLAGES), cadre_name=data.LEADER["name"],
        cadre_unit=data.LEADER["unit"], cadre_phone=data.LEADER["phone"], district_code=data.DISTRICT_CODE,
        cadre_role=data.LEADER["role"],
        village_codes=[f"{data.TOWN_CODE}{i + 1:03d}" for i in range(len(data.VILLAGES))],
    )


def attach_demo_district(ctx: AppContext) -> None:
    """Hook: give a demo laptop the demo district's sync identity.

    Registers a simulated district (``demo-district/`` in the data folder) as a sync peer,
    so the demo laptop can export a package to USB at once.
    """
    ensure_demo_district(ctx.db, ctx.paths.home, key=ctx.vault_key)


def ensure_demo_district(db: Database, home: Path, key: bytes | None = None) -> identity_mod.DeviceIdentity:
    """Create (once) the demo district identity under ``home/demo-district`` and register it as a peer.

    The same folder can be opened as the district's own data folder to ingest the laptop's packages.
    """
    folder = home / "demo-district" / "device"
    found = identity_mod.load(folder, key) or identity_mod.create(folder, key=key)
    district.register_peer(db, district.public_identity(found, district.DEMO_DISTRICT_NAME), scope=None)
    log.info("demo district peer registered: %s", found.device_id)
    return found


# Monitoring lines for the demo's recent income years. The shipped reference data holds only
# published figures, and none of them covers these years; without a line the workbench could
# not show its "below the monitoring line" list in the demo. Marked as demo data in the source.
DEMO_MONITORING_LINES = {2024: "4800", 2025: "5000", 2026: "5200"}  # 2023 has a published line


def add_demo_monitoring_lines(ctx: AppContext) -> None:
    from fieldapp.services.thresholds import set_threshold

    for year, amount in DEMO_MONITORING_LINES.items():
        set_threshold(ctx.writer, kind="monitoring_line", year=year, area_code=data.DISTRICT_CODE,
                      amount_yuan=amount, source="演示数据：虚构的示例监测线，不是任何地方的真实标准")


def add_demo_exit_standards(ctx: AppContext, lines: dict[int, int]) -> None:
    """An exit standard for each of the demo's income years that has none (the shipped ones end in 2018):
    that year's poverty line, so the exit gate judges the demo's exited households and its exit workflows.
    Marked as demo data in the source; a standard already there (a district's own) is left as it is."""
    from fieldapp.services.thresholds import set_threshold, threshold_for

    area = str(ctx.settings["district_code"] or data.DISTRICT_CODE)
    for year, amount in sorted(lines.items()):
        if threshold_for(ctx.db, "exit_standard", year, area) is None:
            set_threshold(ctx.writer, kind="exit_standard", year=year, area_code=area, amount_yuan=str(amount),
                          source="演示数据：以当年贫困线作示例退出标准，不是任何地方的真实标准")


def set_up_demo(ctx: AppContext, new_id: Callable[[], str], info: SetupInfo | None = None) -> None:
    """First start for the demo: :func:`fieldapp.services.setup.run_setup` with seeded ids
    (households point at the village and the cadre, so their ids must repeat with the seed)."""
    info = info or demo_setup_info()
    run_setup(ctx, info, make_id=new_id, town_code=data.TOWN_CODE)
    add_demo_monitoring_lines(ctx)
    attach_demo_district(ctx)
    log.info("demo laptop set up: %s %s %s", info.district, info.town, info.villages)


class SeededIds:
    """UUIDv7-shaped ids drawn from the seed: a counting "timestamp" and 74 random bits.

    Like the UUIDv7s the app issues they grow, so bulk inserts append to the primary-key
    indexes instead of landing at random pages (which made 100,000 households several times
    slower); unlike them they repeat with the seed.
    """

    def __init__(self, rng: random.Random, start: dt.datetime = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)) -> None:
        self.rng = rng
        self.ms = int(start.timestamp() * 1000)

    def __call__(self) -> str:
        self.ms += 1
        bits = self.rng.getrandbits(74)
        value = (self.ms << 80) | (0x7 << 76) | ((bits >> 62) << 64) | (0b10 << 62) | (bits & ((1 << 62) - 1))
        h = f"{value:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _places(ctx: AppContext) -> list[Place]:
    """The villages served, each with the 12-digit code its 户编号 start with."""
    ids = ctx.settings["village_ids"]
    with ctx.db.read() as conn:
        found = {r.id: r for r in conn.execute(select(_A.c.id, _A.c.name, _A.c.code).where(_A.c.id.in_(ids)))}
    district = ctx.settings["district_code"] or data.DISTRICT_CODE
    places = []
    for i, village_id in enumerate(v for v in ids if v in found):
        row = found[village_id]
        code = row.code if row.code and row.code.isdigit() else f"{district}100{i + 1:03d}"
        places.append(Place(village_id, row.name, code))
    if not places:
        raise RuntimeError("no village is set up")
    return places


def _make_cadres(ctx: AppContext, rng: random.Random, new_id: Callable[[], str], households: int,
                 places: list[Place]) -> list[str]:
    """Paired cadres (about 30 per 948 households) plus a unit leader and a village cadre.

    Returns the ids of the cadres households are paired with, the signed-in cadre first.
    """
    count = max(1, round(households * SPEECH_CADRES / SPEECH_HOUSEHOLDS))
    born_lo, born_hi = REFERENCE_DATE.year - 58, REFERENCE_DATE.year - 24
    used: set[str] = set()
    rows: list[dict[str, Any]] = []

    def add(unit: str, role: str) -> str:
        while True:
            gender = "1" if rng.random() < 0.7 else "2"
            name = data.SURNAMES.pick(rng) + data.given_name(rng, rng.randint(born_lo, born_hi), gender)
            if name not in used or len(used) > 5000:
                break
        used.add(name)
        rows.append({"id": new_id(), "name": name, "unit": unit, "phone": data.mobile(rng), "role": role})
        return str(rows[-1]["id"])

    paired = [add(data.UNITS.pick(rng), "member") for _ in range(count)]
    add("区国土资源局", "unit_leader")
    for place in places:
        add(f"{place.village_name}村民委员会", "village_committee")
    with ctx.writer.transaction() as txn:
        txn.insert_many(Cadre, rows)
    signed_in = ctx.settings["cadre_id"]
    return [signed_in, *paired] if signed_in else paired


def _poverty_lines(ctx: AppContext, years: list[int]) -> dict[int, int]:
    """Current-price poverty line (元) per year from reference data: latest year ≤ it, most specific area."""
    code = ctx.settings["district_code"] or data.DISTRICT_CODE
    chain = [code, code[:2] + "0000", "000000"]
    found = [t for t in ctx.ref.thresholds if t.kind == "poverty_line" and t.price_basis != "2010"
             and t.area_code in chain]
    lines = {}
    for year in years:
        usable = [t for t in found if t.year <= year]
        best = max(usable, key=lambda t: (t.year, -chain.index(t.area_code)), default=None)
        lines[year] = round(best.amount_yuan) if best else 4000
    return lines


def _existing(ctx: AppContext) -> tuple[int, set[str], set[str]]:
    """Households already stored (any state), their 户编号 and the IDs in use (first 17 characters)."""
    with ctx.db.read() as conn:
        count = int(conn.execute(select(func.count()).select_from(_H)).scalar() or 0)
        if not count:
            return 0, set(), set()
        hh_nos = {r[0] for r in conn.execute(select(_H.c.hh_no).where(_H.c.hh_no.is_not(None)))}
        ids = {r[0][:17] for r in conn.execute(select(_M.c.id_no).where(_M.c.id_no.is_not(None)))}
    return count, hh_nos, ids


def build_demo(ctx: AppContext, households: int = SPEECH_HOUSEHOLDS, seed: int = 1,
               progress: Progress | None = None, *, today: dt.date | None = None) -> str:
    """Fill the register with a demo village; returns a short summary (“948户 3014人，低保79户，五保7户…”).

    Sets the laptop up first (demo district 商洛市商州区, 北宽坪镇, 桃园村, team leader 张建华)
    unless it already is; then the households go to the villages already set up.
    A register that already holds households gets more (with ids and numbers that do not clash).
    Each household comes with a year of visits up to ``today`` (default :func:`reference_date`),
    written in the same transaction (:mod:`fieldapp.services.demo_visits`); then the village
    activities, the unit leaders' visits and the 在村 check-ins.
    """
    if households < 1:
        raise ValueError("households must be at least 1")
    started = time.perf_counter()
    existing, hh_nos, used_ids = _existing(ctx)
    rng = random.Random(seed if not existing else f"demo/{seed}/{existing}")
    new_id = SeededIds(rng)
    if not ctx.is_set_up:
        set_up_demo(ctx, new_id)
    places = _places(ctx)
    cadres = _make_cadres(ctx, rng, new_id, households, places)
    today = today or reference_date()
    years = [today.year - 3, today.year - 2, today.year - 1]
    dibao = round(households * SPEECH_DIBAO / SPEECH_HOUSEHOLDS)
    tekun = round(households * SPEECH_TEKUN / SPEECH_HOUSEHOLDS)
    lines = _poverty_lines(ctx, years)
    add_demo_exit_standards(ctx, lines)
    maker = HouseholdMaker(
        rng=rng, ref=ctx.ref, today=today, town=ctx.settings["town_name"] or data.TOWN,
        lines=lines, used_ids=used_ids, check_digit=check_digit, new_id=new_id,
        natural_id=natural_id,
    )
    people = round(households * SPEECH_PEOPLE / SPEECH_HOUSEHOLDS)
    plan = maker.plan(households, places, cadres, (dibao, tekun, people), hh_nos)
    stats = Stats()
    models = (Household, Member, IncomeYear, Indicator, Measure)
    # Visits draw from their own generator, so the households are the same with or without them.
    visit_rng = random.Random(f"visits/{seed}/{existing}")
    visit_maker = demo_visits.VisitMaker(visit_rng, SeededIds(visit_rng), today, ctx.settings["cadre_id"] or None,
                                         expected_households=households)
    for start in range(0, households, BATCH):
        rows: dict[Any, list[dict[str, Any]]] = {m: [] for m in models}
        for item in plan[start:start + BATCH]:
            maker.household(item, rows, stats)
        visit_rows = demo_visits.empty_rows()
        visit_maker.add_households(rows[Household], rows[Measure], visit_rows)
        with ctx.writer.transaction() as txn:
            for model in models:
                txn.insert_many(model, rows[model])
            for visit_model in demo_visits.VISIT_MODELS:
                txn.insert_many(visit_model, visit_rows[visit_model])
        done = min(households, start + BATCH)
        if progress is not None:
            progress(done, households)
    visit_rows = demo_visits.empty_rows()
    with ctx.db.read() as conn:
        unit_leaders = [r[0] for r in conn.execute(
            select(_C.c.id).where(_C.c.role == "unit_leader", _C.c.deleted.is_(False)).order_by(_C.c.id))]
        taken = frozenset(r[0] for r in conn.execute(select(CheckIn.__table__.c.id))) if existing else frozenset()
    visit_maker.finish(places, unit_leaders, visit_rows, taken)
    with ctx.writer.transaction() as txn:
        for visit_model in demo_visits.VISIT_MODELS:
            for chunk in range(0, len(visit_rows[visit_model]), 50_000):
                txn.insert_many(visit_model, visit_rows[visit_model][chunk:chunk + 50_000])
    from fieldapp.services.targets.demo import add_demo_targets

    add_demo_targets(ctx, today.year)  # 挂图作战: the villages' years and the targets
    from fieldapp.services.demo_reports import add_demo_plans

    add_demo_plans(ctx, today.year)  # this year's 摘帽 and industry plans (the charts' targets)
    log.info("demo village built: %d households in %.1fs (seed %s)", households, time.perf_counter() - started, seed)
    return stats.summary()
