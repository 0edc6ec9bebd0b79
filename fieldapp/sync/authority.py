"""Who may write each synced table: the one place that says it, read by the district server's scope check.

Every synced table has an :class:`Owner`:

- ``HOUSEHOLD`` — a household's own data (the household row, or a row with a ``household_id``):
  a laptop writes it for the households of its villages. A row with no household (the parts of a
  village activity) is the laptop's own work and passes.
- ``VILLAGE`` — a village's data that carries its own ``village_id`` (visits, check-ins): written
  for the laptop's villages.
- ``DISTRICT`` — district-wide tables (areas, cadres, thresholds): written by the district only.
  From a laptop such a change is refused, recorded and reported back, never applied, except the
  first creation of the rows the district's own grant names (see :func:`adoptable`, and
  :func:`granted_person` for the reviewer's account an enrolment code names), the people and keys of
  the laptop's own team (:func:`team_person`, :func:`team_key_refusal`).
- ``SHARED`` — content-addressed rows nobody owns (a photo: its id is its hash); any device adds them.

A **child server** (a district server enrolled with its city, a city with its province) relays its
own laptops' changes and its own: from it, district-owned rows are taken when they lie inside its scope
(:func:`child_person`, :func:`child_key_refusal`; areas and targets by :class:`fieldapp.sync.scope.ScopeCheck`).
Reference data (thresholds) only comes down: a child's copy is skipped when it changes nothing, else refused.

A table missing here counts as ``DISTRICT`` (closed by default): a new synced table, such as the
people, roles and targets of later work or a synced reference-data override, adds one line to
:data:`OWNERS`, and ``tests/sync/test_authority.py`` fails until it has one. Roles can refine this
later by mapping (role, table) to an owner class instead of the table alone.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.sync.body import Change


class Owner(enum.StrEnum):
    HOUSEHOLD = "household"
    VILLAGE = "village"
    DISTRICT = "district"
    SHARED = "shared"


OWNERS: dict[str, Owner] = {
    "area": Owner.DISTRICT,
    "cadre": Owner.DISTRICT,
    "threshold": Owner.DISTRICT,
    "household": Owner.HOUSEHOLD,
    "member": Owner.HOUSEHOLD,
    "income_year": Owner.HOUSEHOLD,
    "indicator": Owner.HOUSEHOLD,
    "measure": Owner.HOUSEHOLD,
    "visit_cadre": Owner.HOUSEHOLD,
    "visit_measure": Owner.HOUSEHOLD,
    "visit_photo": Owner.HOUSEHOLD,
    "follow_up": Owner.HOUSEHOLD,
    "visit": Owner.VILLAGE,
    "checkin": Owner.VILLAGE,
    "photo": Owner.SHARED,
    # the district's registry; a leader/admin may add people of their villages (team_person), and a reviewer's
    # laptop sends the account its enrolment code names (granted_person)
    "person": Owner.DISTRICT,
    "audit_event": Owner.SHARED,  # append-only events of the device that logged them
    # about a cadre, not a village: who may write them is the permission table's (leaders only)
    "checkin_confirm": Owner.SHARED,
    "attendance_reopen": Owner.SHARED,
    # a person's public key: a laptop registers those of its own team, a reviewer's laptop its reviewer's
    "signing_key": Owner.DISTRICT,
    "signoff": Owner.HOUSEHOLD,  # a sign-off of a household's record or visit (none: a village's month, activity)
    # A draw holds ids, a seed and hashes, no household data, and may span a town: any device with a
    # reviewer passes it (the merge still checks its author holds spotcheck.draw). Its checklist items,
    # rectifications and the cadres' reports are the households' and are checked against the villages.
    "spotcheck_draw": Owner.SHARED,
    "spotcheck_item": Owner.HOUSEHOLD,
    "rectification": Owner.HOUSEHOLD,
    "rectification_report": Owner.HOUSEHOLD,
    # a household's workflows and their decisions: a township or district laptop decides for the
    # households of its scope (the merge checks the author holds the step's permission)
    "workflow": Owner.HOUSEHOLD,
    "workflow_step": Owner.HOUSEHOLD,
    # a village's 评议 meetings and notices; the households a meeting covers and objections are the households'
    "deliberation": Owner.VILLAGE,
    "deliberation_household": Owner.HOUSEHOLD,
    "notice": Owner.VILLAGE,
    "objection": Owner.HOUSEHOLD,
    # 挂图作战: a village's yearly record is the village team's; targets are the district's, synced down
    "village_year": Owner.VILLAGE,
    "target": Owner.DISTRICT,
    # 汇总上报: a village's weekly and monthly summaries, written by its team and rolled up above
    "summary": Owner.VILLAGE,
    # photos attached to a household's decision (signed with it) and to a village's 评议 meeting
    "step_attachment": Owner.HOUSEHOLD,
    "deliberation_attachment": Owner.VILLAGE,
    # projects and their money: the village's (a town's project: ``village_id`` is the town, inside the scope
    # of a device holding every village of the town, see sync/scope.py); a beneficiary row is its household's
    "project": Owner.VILLAGE,
    "project_budget": Owner.VILLAGE,
    "project_progress": Owner.VILLAGE,
    "project_progress_photo": Owner.VILLAGE,
    "project_disbursement": Owner.VILLAGE,
    "project_acceptance": Owner.VILLAGE,
    "project_beneficiary": Owner.HOUSEHOLD,
    # assets a project made, their income and signed changes: the project's village's (a town project's: the
    # town's, as above); a household's share of an income is its household's
    "asset": Owner.VILLAGE,
    "asset_income": Owner.VILLAGE,
    "asset_event": Owner.VILLAGE,
    "asset_distribution": Owner.HOUSEHOLD,
}

TABLE_LABELS = {"area": "区县、乡镇和村", "cadre": "干部名册", "threshold": "贫困线、退出标准与监测线",
                "person": "人员名册", "signing_key": "签名公钥",
                "target": "年度目标任务"}

# roles a laptop's team leader or administrator may give; the review roles are granted by the district
TEAM_ROLES = frozenset({"member", "leader", "committee", "admin"})


#: area levels from the bottom up (a child server writes the areas above its villages up to its own level)
LEVELS = ("village", "town", "district", "city", "province")
#: the roles a child server of a level may give the people of its villages (none above its level)
CHILD_ROLES = {"town": TEAM_ROLES | {"township"}}
ALL_ROLES = TEAM_ROLES | {"township", "district"}


def child_roles(level: str) -> frozenset[str]:
    return frozenset(CHILD_ROLES.get(level, ALL_ROLES))


def level_at_most(level: str | None, top: str) -> bool:
    """``level`` is a known area level no higher than ``top``."""
    return level in LEVELS and LEVELS.index(level) <= LEVELS.index(top if top in LEVELS else "district")


@dataclass(frozen=True)
class Grant:
    """What the district's enrolment code gave a device: the person it is for and that person's role."""

    device_id: str
    cadre: str
    role: str


@dataclass(frozen=True)
class KeyPerson:
    """A signing key's person as the receiver knows them: villages, roles and the device that created the row."""

    villages: tuple[str, ...]
    roles: tuple[str, ...]
    creator: str | None


def owner(tbl: str) -> Owner:
    return OWNERS.get(tbl, Owner.DISTRICT)


def tables(kind: Owner) -> frozenset[str]:
    return frozenset(t for t, o in OWNERS.items() if o is kind)


def district_refusal(tbl: str) -> str:
    """Why a laptop's change to a district-wide table is refused."""
    what = TABLE_LABELS.get(tbl, tbl)
    return f"{what}（{tbl}）由区县统一维护，笔记本不能修改，未应用（district-owned）"


def changes_nothing(ch: Change, stored: Mapping[str, Any] | None) -> bool:
    """``ch`` would leave the stored row as it is (the same values: a laptop's copy of the district's row).

    Such a change is not a write: the receiver skips it instead of refusing it, so the rows every
    laptop seeds alike (the shipped thresholds, with natural ids) cause no refusals once the district
    holds them.
    """
    if stored is None or ch.op == "delete":
        return False
    return all(stored.get(k) == v for k, v in ch.fields.items() if k in stored)


def adoptable(ch: Change, *, stored: bool, villages: Collection[str], granted_areas: Collection[str],
              cadre: str | None) -> bool:
    """The first creation of a district row that the district's grant to this device names.

    A laptop set up before the district knew its villages creates them (with their town and
    district) itself; the district grants such a village by its id at enrolment. The district
    takes those area rows, and the row of the cadre the enrolment code names, from the laptop once,
    when it does not hold them yet. Everything else from a laptop in a district table is refused.
    """
    if stored or ch.op != "insert":
        return False
    if ch.tbl == "area":
        return ch.row_id in villages or ch.row_id in granted_areas
    if ch.tbl == "cadre":
        return cadre is not None and str(ch.fields.get("name") or "").strip() == cadre.strip()
    return False


def _as_list(value: Any) -> list[Any]:
    """A JSON list field as received (a JSON text or a list); anything else reads as one unknown item."""
    import json

    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [None]
    return list(value) if isinstance(value, list) else [None]


def _person_in_villages(ch: Change, villages: Collection[str], stored_villages: Collection[str] | None) -> bool:
    """A change to a person row whose villages, those it had (``stored_villages``, None: a new person) and
    those it gets, all lie inside the sender's ``villages``. A new person of no village is the district's to
    create, never a sender's."""
    if ch.tbl != "person":
        return False
    new_villages = _as_list(ch.fields["village_ids"]) if "village_ids" in ch.fields else []
    if stored_villages is None and not new_villages:
        return False
    return set(new_villages) | set(stored_villages or ()) <= set(villages)


def team_person(ch: Change, *, villages: Collection[str], stored_villages: Collection[str] | None) -> bool:
    """A laptop's change to a person of its own team: every village the person had and gets is the laptop's,
    and the roles given are team roles. (Whether its author may manage accounts the merge checks.)"""
    if not _person_in_villages(ch, villages, stored_villages):
        return False
    return "roles" not in ch.fields or set(_as_list(ch.fields["roles"])) <= TEAM_ROLES


def granted_person(ch: Change, *, stored: bool, villages: Collection[str], grant: Grant | None,
                   taken: bool) -> bool:
    """The first creation of the account the district's enrolment code names, by the laptop enrolled with it.

    A township reviewer's or district approver's laptop is enrolled with a code naming the person and the
    review role (``fieldapp-server enrol-code --cadre 乡审 --role township``); the enrolment makes that
    account on the laptop (its first), and the district takes the person row once: created by the enrolled
    device itself, with the code's name, exactly the code's role and villages inside the code's. A laptop
    gives no other person a review role (:func:`team_person`), nor this one a second time (``taken``: the
    district holds a person this device created with the granted role already).
    """
    if grant is None or taken or stored or ch.tbl != "person" or ch.op != "insert" or ch.origin != grant.device_id:
        return False
    if str(ch.fields.get("name") or "").strip() != grant.cadre.strip():
        return False
    new_villages = _as_list(ch.fields.get("village_ids", "[]"))
    return (_as_list(ch.fields.get("roles", "[]")) == [grant.role] and bool(new_villages)
            and set(new_villages) <= set(villages))


#: the only field of a stored signing key that may change (retiring it); its key and person never do
KEY_MUTABLE = frozenset({"retired_at"})


def _key_change_refusal(ch: Change) -> str | None:
    """A stored key changed (beyond retiring it) or deleted."""
    if ch.op == "update" and not set(ch.fields) <= KEY_MUTABLE:
        changed = "、".join(sorted(set(ch.fields) - KEY_MUTABLE))
        return f"签名公钥登记后不能修改（{changed}），未应用（signing key is immutable）"
    if ch.op == "delete":
        return "签名公钥不能删除，只能停用，未应用（signing key is append-only）"
    return None


def _key_refusal(ch: Change, villages: Collection[str], person: KeyPerson | None, *, register: str,
                 holder: str) -> str | None:
    """The checks every sender of a signing key passes: a key, unchanged but for retiring it, of a known person
    whose villages all lie inside the sender's (``register``, ``holder``: how the refusal names them)."""
    if ch.tbl != "signing_key":
        return "not a signing key"
    changed = _key_change_refusal(ch)
    if changed:
        return changed
    if person is None:
        return f"签名公钥所属人员 {ch.fields.get('person_id') or ''} 不在{register}中，未应用（unknown person）"
    if not person.villages or not set(person.villages) <= set(villages):
        return f"签名公钥所属人员不属于{holder}负责的村，未应用（out of scope）"
    return None


def team_key_refusal(ch: Change, *, villages: Collection[str], person: KeyPerson | None) -> str | None:
    """Why a laptop may not register (or retire) this signing key, or None.

    A laptop registers the public keys of the people of its own team: the key's person must be known
    (here or earlier in the same package) with villages all inside the laptop's. The key of a person with
    a review role (township, district: an account the district granted at enrolment, see
    :func:`granted_person`) comes only from the device that created that person, the reviewer's own
    laptop. A stored key's public key and person never change; only ``retired_at`` may be set.
    """
    refused = _key_refusal(ch, villages, person, register="区县人员名册", holder="本设备")
    if refused or person is None:
        return refused
    if not set(person.roles) <= TEAM_ROLES and person.creator != ch.origin:
        return ("签名公钥所属人员担任审核角色，其公钥只能由该人员加入区县时所用的笔记本登记，未应用"
                "（reviewer's key from another device）")
    return None


def child_person(ch: Change, *, villages: Collection[str], stored_villages: Collection[str] | None,
                 stored_roles: Collection[str] | None, level: str) -> bool:
    """A child server's change to a person of its villages: every village the person had and gets is inside
    the child's scope, and no role the person had or gets is above the child's level."""
    if not _person_in_villages(ch, villages, stored_villages):
        return False
    roles = set(_as_list(ch.fields["roles"])) if "roles" in ch.fields else set()
    return roles | set(stored_roles or ()) <= child_roles(level)


def child_key_refusal(ch: Change, *, villages: Collection[str], person: KeyPerson | None, level: str) -> str | None:
    """Why a child server may not pass on this signing key, or None: still immutable, and its person must be
    one of the child's villages (every village) holding no role above the child's level."""
    refused = _key_refusal(ch, villages, person, register="人员名册", holder="下级服务器")
    if refused or person is None:
        return refused
    if not set(person.roles) <= child_roles(level):
        return "签名公钥所属人员的角色高于下级服务器的级别，未应用（role above the child's level）"
    return None


def child_refusal(tbl: str) -> str:
    """Why a child server's change to a table that only comes down (reference data) is refused."""
    what = TABLE_LABELS.get(tbl, tbl)
    return f"{what}（{tbl}）由上级统一维护，下级服务器不能修改，未应用（maintained above）"
