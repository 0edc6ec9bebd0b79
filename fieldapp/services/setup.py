"""First start (首次使用): the area this laptop serves, the signed-in cadre, the device identity.

Also seeds the shipped money thresholds into the register as synced rows, so a
district can correct them and the correction travels to every laptop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from fieldapp.domain import validation
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.ids import natural_id, new_id
from fieldapp.domain.money import yuan_to_fen
from fieldapp.domain.refdata import RefData
from fieldapp.services import identity as identity_mod
from fieldapp.services.context import AppContext
from fieldapp.store.models import Area, Cadre, Threshold
from fieldapp.store.writer import WriteTxn

log = logging.getLogger("fieldapp.services.setup")

#: the first account of a laptop: its team leader, who also manages the laptop
FIRST_ROLES = ("admin", "leader")


@dataclass
class SetupInfo:
    district: str
    town: str
    villages: list[str]
    cadre_name: str
    cadre_unit: str = ""
    cadre_phone: str = ""
    district_code: str = ""
    cadre_role: str = "member"
    village_codes: list[str] = field(default_factory=list)
    #: the first account's password (the cadre becomes team leader and administrator); empty: no account yet
    password: str = field(default="", repr=False)

    def problems(self) -> dict[str, str]:
        p: dict[str, str] = {}
        if not self.district.strip():
            p["district"] = "请填写区县"
        if not self.town.strip():
            p["town"] = "请填写乡镇"
        names = [v.strip() for v in self.villages if v.strip()]
        if not names:
            p["villages"] = "请至少填写一个村"
        elif len(names) != len(set(names)):
            p["villages"] = "村名重复"
        if not self.cadre_name.strip():
            p["cadre_name"] = "请填写姓名"
        phone = validation.phone_problem(self.cadre_phone)
        if phone:
            p["cadre_phone"] = phone
        if self.district_code and not (self.district_code.isdigit() and len(self.district_code) == 6):
            p["district_code"] = "区县代码应为6位数字"
        if self.password:
            from fieldapp.services.people.accounts import password_problem

            problem = password_problem(self.password)
            if problem:
                p["password"] = problem
        return p


def seed_thresholds(ctx: AppContext, txn: WriteTxn) -> int:
    """Insert shipped thresholds that the register does not have yet (natural ids: idempotent)."""
    return seed_threshold_rows(ctx.ref, txn)


def seed_threshold_rows(ref: RefData, txn: WriteTxn) -> int:
    """:func:`seed_thresholds` for a register without an app context (the district server seeds the same
    rows with the same natural ids, so a laptop's identical copies are skipped there, not refused)."""
    table = Threshold.__table__
    have = {r[0] for r in txn.conn.execute(select(table.c.id))}
    count = 0
    for t in ref.thresholds:
        row_id = natural_id("threshold", t.kind, t.year, t.area_code, t.price_basis)
        if row_id in have:
            continue
        txn.insert(Threshold, {
            "id": row_id, "kind": t.kind, "year": t.year, "area_code": t.area_code,
            "amount": yuan_to_fen(str(t.amount_yuan)), "price_basis": t.price_basis, "source": t.source,
            "note": t.note or None,
        })
        count += 1
    return count


def run_setup(ctx: AppContext, info: SetupInfo, *, make_id: Callable[[], str] = new_id,
              town_code: str | None = None) -> None:
    """Create identity, areas, cadre and thresholds; save settings. Refuses invalid input.

    ``make_id`` issues the ids of the new area and cadre rows (the demo passes seeded ids).
    """
    problems = info.problems()
    if problems:
        raise ValidationError(problems)
    if ctx.identity is None:
        ctx.identity = identity_mod.create(ctx.paths.identity, key=ctx.vault_key)
    ctx.reset_writer()
    with ctx.writer.transaction() as txn:
        district_id = txn.insert(Area, {"id": make_id(), "level": "district", "name": info.district.strip(),
                                        "code": info.district_code or None})
        town_id = txn.insert(Area, {"id": make_id(), "level": "town", "name": info.town.strip(),
                                    "parent_id": district_id, "code": town_code})
        village_ids = []
        for i, name in enumerate(v.strip() for v in info.villages if v.strip()):
            code = info.village_codes[i] if i < len(info.village_codes) else None
            village_ids.append(txn.insert(Area, {"id": make_id(), "level": "village", "name": name,
                                                 "parent_id": town_id, "code": code}))
        cadre_id = txn.insert(Cadre, {"id": make_id(), "name": info.cadre_name.strip(),
                                      "unit": info.cadre_unit.strip() or None,
                                      "phone": info.cadre_phone.strip() or None, "role": info.cadre_role})
        seed_thresholds(ctx, txn)
    ctx.settings["district_name"] = info.district.strip()
    ctx.settings["district_code"] = info.district_code
    ctx.settings["town_name"] = info.town.strip()
    ctx.settings["village_ids"] = village_ids
    ctx.settings["cadre_id"] = cadre_id
    ctx.settings.save()
    ctx.reset_writer()
    if info.password:
        from fieldapp.services.people.accounts import create_account

        create_account(ctx, info.cadre_name.strip(), cadre_id, FIRST_ROLES, village_ids, info.password)
    log.info("laptop set up for %s %s %s (device %s)", info.district, info.town, village_ids, ctx.identity.device_id)


def villages(ctx: AppContext) -> list[tuple[str, str]]:
    """(id, name) of the villages this laptop serves, in setup order."""
    table = Area.__table__
    ids = ctx.settings["village_ids"]
    if not ids:
        return []
    with ctx.db.read() as conn:
        names = dict(conn.execute(select(table.c.id, table.c.name).where(table.c.id.in_(ids))).all())
    return [(i, names[i]) for i in ids if i in names]


def cadres(ctx: AppContext) -> list[tuple[str, str]]:
    table = Cadre.__table__
    with ctx.db.read() as conn:
        rows = conn.execute(select(table.c.id, table.c.name).where(table.c.deleted.is_(False)).order_by(table.c.name))
        return [(r.id, r.name) for r in rows]
