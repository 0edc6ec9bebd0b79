"""People: every role × every permission through the services, the CLI and a received sync change;
logins, wrong passwords, throttling, password changes and resets, the audit log."""

from __future__ import annotations

import datetime as dt
import json
import stat
from collections.abc import Callable
from typing import Any

import pytest

from fieldapp.cli.main import main
from fieldapp.domain import people
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.ids import new_id
from fieldapp.domain.people import PermissionDenied, permission_table
from fieldapp.services import attendance, register, syncing, visits
from fieldapp.services.context import AppContext
from fieldapp.services.people import accounts, audit, keystore
from fieldapp.services.people import require as require_permission
from fieldapp.services.people.auth import LoginError, login, login_names, open_for, verify_password
from fieldapp.services.setup import villages
from fieldapp.services.signoff import service as signoff_service
from fieldapp.store.models import Area, AuditEvent, Cadre, Person
from fieldapp.store.writer import SYNCED_TABLES
from fieldapp.sync.body import Change
from fieldapp.sync.merge import Merger
from tests.helpers.people import PASSWORD, add_account, as_role, cli_user, logged_in

TABLE = permission_table()
PERMISSIONS = sorted(TABLE.permissions)
ROLES = people.ROLES
YESTERDAY = dt.date.today() - dt.timedelta(days=1)


def _other_cadre(ctx: AppContext) -> str:
    with ctx.writer.transaction() as txn:
        return txn.insert(Cadre, {"name": "赵六", "role": "member"})


def _change_household(c: AppContext, hid: str) -> None:
    original = register.load_record(c.db, hid)
    record = register.load_record(c.db, hid)
    record.household["group_no"] = (record.household["group_no"] or 1) % 5 + 1
    register.save_record(c.writer, c.ref, record, original)


# One act per permission through the service layer (the acts of later work — sign-off, approval,
# spot checks, the plain export — ask the same table through ``require``).
ACTS: dict[str, Callable[[AppContext, dict[str, Any]], object]] = {
    "register.edit": lambda c, w: _change_household(c, w["household"]),
    "household.delete": lambda c, w: register.delete_household(c.writer, w["household"]),
    "visit.edit": lambda c, w: visits.save_visit(c, visits.VisitDraft(
        date=dt.date.today(), type=c.ref["visit_type"].codes[0].code, village_id=c.settings["village_ids"][0],
        title="村民大会", found="开会")),
    "checkin.self": lambda c, w: attendance.checkin(c, w["day"]),
    "checkin.others": lambda c, w: attendance.checkin(c, w["day"], cadre_id=w["other_cadre"]),
    "checkin.confirm": lambda c, w: attendance.confirm_checkin(c, w["other_cadre"], w["late_day"]),
    "checkin.confirm_own": lambda c, w: attendance.confirm_checkin(c, c.cadre_id, w["own_late_day"]),
    "accounts.manage": lambda c, w: accounts.create_account(c, f"新人{new_id()[-6:]}", None, ["member"],
                                                            list(c.settings["village_ids"]), "password-1"),
    "district.edit": lambda c, w: _insert(c, Area, {"level": "village", "name": "新村", "parent_id": None}),
    "sync.run": lambda c, w: syncing.replica_of(c),
    "audit.write": lambda c, w: audit.log_event(c, "lock"),
    "audit.amend": lambda c, w: _amend_audit(c),
    "signoff": lambda c, w: signoff_service.sign_household(c, w["household"]),
}


def _amend_audit(c: AppContext) -> None:
    event = c.db.scalar("SELECT id FROM audit_event LIMIT 1")
    with c.writer.transaction() as txn:
        txn.update(AuditEvent, event, {"kind": "logout"})


def _insert(c: AppContext, model: Any, values: dict[str, Any]) -> str:
    with c.writer.transaction() as txn:
        return txn.insert(model, values)


def _late_checkins(ctx: AppContext, other_cadre: str, i: int) -> dt.date:
    """A check-in of ``other_cadre`` and one of the signed-in cadre, both entered ten days late."""
    day = YESTERDAY - dt.timedelta(days=20 + i)
    attendance.checkin(ctx, day, cadre_id=other_cadre, today=day + dt.timedelta(days=10))
    attendance.checkin(ctx, day, today=day + dt.timedelta(days=10))
    return day


def _act(permission: str) -> Callable[[AppContext, dict[str, Any]], object]:
    return ACTS.get(permission, lambda c, w: require_permission(c, permission))


def test_the_table_covers_every_role_permission_and_synced_table() -> None:
    assert set(TABLE.roles) == set(ROLES) and set(TABLE.permissions) >= {
        "register.edit", "household.delete", "visit.edit", "checkin.self", "checkin.confirm", "signoff", "approve",
        "spotcheck.draw", "accounts.manage", "export.plain", "district.edit", "sync.run", "settings.edit"}
    for tbl in SYNCED_TABLES:
        for op in people.OPS:
            assert TABLE.needed(tbl, op) in TABLE.permissions
    assert TABLE.needed("household", "delete") == "household.delete"
    assert TABLE.needed("checkin", "insert", {"cadre_id": "x"}, "x") == "checkin.self"
    assert TABLE.needed("checkin", "insert", {"cadre_id": "y"}, "x") == "checkin.others"
    assert TABLE.needed("checkin_confirm", "insert", {"cadre_id": "y"}, "x") == "checkin.confirm"
    assert TABLE.needed("checkin_confirm", "insert", {"cadre_id": "x"}, "x") == "checkin.confirm_own"
    assert not {"checkin.others", "checkin.confirm_own"} & TABLE.granted(ROLES)  # nobody may


@pytest.mark.parametrize("permission", PERMISSIONS)
def test_every_role_through_the_services(ctx: AppContext, make_household: Callable[..., str],
                                         permission: str) -> None:
    world = {"household": make_household(), "other_cadre": _other_cadre(ctx)}
    for i, role in enumerate(ROLES):
        world["day"] = YESTERDAY - dt.timedelta(days=i)  # a new act each time (the same check-in again is no write)
        if permission in ("checkin.confirm", "checkin.confirm_own"):  # a late check-in to confirm, each time anew
            world["late_day"] = world["own_late_day"] = _late_checkins(ctx, world["other_cadre"], i)
        c = as_role(ctx, role, name=f"人-{role}", cadre_id=ctx.settings["cadre_id"])
        try:
            if TABLE.allows([role], permission):
                _act(permission)(c, world)
                if permission == "household.delete":  # the next role needs a household again
                    world["household"] = make_household()
            else:
                with pytest.raises(PermissionDenied) as refused:
                    _act(permission)(c, world)
                assert refused.value.permission == permission
                assert TABLE.label(permission) in str(refused.value)
        finally:
            c.close()


def test_the_change_log_records_the_account(signed_in: Callable[..., AppContext]) -> None:
    c = signed_in("member", name="李四")
    audit.log_event(c, "lock")
    row = c.db.scalar("SELECT user_id || '|' || user_name FROM change_log WHERE tbl = 'audit_event' "
                      "ORDER BY seq DESC LIMIT 1")
    assert row == f"{c.session.person_id}|李四"


def _received(c: AppContext, permission: str, author: str, world: dict[str, Any]) -> Change:
    """A change another laptop's ``author`` made that needs ``permission``."""
    hid = world["household"]
    hlc = c.writer.clock.now() + 1000
    base = {"origin": "other-device", "seq": world.setdefault("seq", 0) + 1, "hlc": hlc, "prev": {},
            "user_id": author, "user_name": "别人"}
    world["seq"] = base["seq"]
    village = c.settings["village_ids"][0]
    made: dict[str, tuple[str, str, str | None, str, dict[str, Any]]] = {
        "register.edit": ("household", hid, hid, "update", {"group_no": 3 + world["seq"] % 2}),
        "household.delete": ("household", hid, hid, "delete", {"deleted": True}),
        "visit.edit": ("visit", new_id(), hid, "insert", {"household_id": hid, "village_id": village,
                                                           "date": YESTERDAY.isoformat(), "type": "01"}),
        "checkin.self": ("checkin", new_id(), None, "insert", {"cadre_id": world["own_cadre"],
                                                              "village_id": village, "date": YESTERDAY.isoformat()}),
        "checkin.others": ("checkin", new_id(), None, "insert", {"cadre_id": world["other_cadre"],
                                                                "village_id": village,
                                                                "date": YESTERDAY.isoformat()}),
        "checkin.confirm": ("checkin_confirm", new_id(), None, "insert", {
            "checkin_id": new_id(), "cadre_id": world["other_cadre"], "person_id": author, "at": 1}),
        "checkin.confirm_own": ("checkin_confirm", new_id(), None, "insert", {
            "checkin_id": new_id(), "cadre_id": world["own_cadre"], "person_id": author, "at": 1}),
        "attendance.close": ("attendance_reopen", new_id(), None, "insert", {
            "cadre_id": world["other_cadre"], "period": "2025-01", "reason": "补录", "person_id": author, "at": 1}),
        "district.edit": ("cadre", new_id(), None, "insert", {"name": "新干部", "role": "member"}),
        "accounts.manage": ("person", new_id(), None, "insert", {"name": f"新人{world['seq']}", "roles": "[]",
                                                                "village_ids": json.dumps([village])}),
        "audit.write": ("audit_event", new_id(), None, "insert", {"at": 1, "kind": "lock"}),
        "audit.amend": ("audit_event", world.get("event", ""), None, "update", {"kind": "login"}),
        "keys.register": ("signing_key", new_id(), None, "insert", {"person_id": author, "public_key": "00" * 32,
                                                                   "created_at": 1}),
        "signoff": ("signoff", new_id(), hid, "insert", {
            "subject": "household", "subject_id": hid, "period": "", "household_id": hid, "person_id": author,
            "role": "leader", "key_id": new_id(), "signed_at": 1, "snapshot": "{}", "snapshot_hash": "0" * 64,
            "signature": "00", "code": "00000-00000-0"}),
        "signoff.amend": ("signing_key", world.get("key", ""), None, "delete", {"deleted": True}),
        "photo.add": ("photo", new_id(), None, "insert", {"sha256": f"{world['seq']:064x}", "mime": "image/jpeg",
                                                          "width": 1, "height": 1, "bytes": 1}),
        "spotcheck.draw": ("spotcheck_draw", new_id(), None, "insert", {
            "level": "village", "area_id": village, "percent": 20, "role": "township", "strata": "", "seed": "s",
            "frame_hash": "0" * 64, "frame": "[]", "sample": "[]", "drawn_at": 1, "due_days": 30}),
        "spotcheck.check": ("spotcheck_item", new_id(), hid, "insert", {
            "draw_id": world.get("draw"), "household_id": hid, "position": 1, "kind": "eight.1", "shown": "{}",
            "sources": "[]"}),
        "rectification.confirm": ("rectification", new_id(), hid, "insert", {
            "item_id": world.get("item"), "draw_id": world.get("draw"), "household_id": hid,
            "due_date": YESTERDAY.isoformat(), "round": 1}),
        "rectification.close": ("rectification_report", new_id(), hid, "insert", {
            "rectification_id": world.get("rect"), "household_id": hid, "cadre_id": world["own_cadre"], "round": 1,
            "done_on": YESTERDAY.isoformat(), "note": "改了"}),
        "rectification.close_others": ("rectification_report", new_id(), hid, "insert", {
            "rectification_id": world.get("rect"), "household_id": hid, "cadre_id": world["other_cadre"],
            "round": 1, "done_on": YESTERDAY.isoformat(), "note": "代报"}),
        "workflow.start": ("workflow", new_id(), hid, "insert", {
            "household_id": hid, "kind": "identification", "started_at": 1, "origin": "app"}),
        # a decision whose role no step permission names: only the closed default applies (nobody)
        "workflow.amend": ("workflow_step", new_id(), hid, "insert", {
            "workflow_id": new_id(), "household_id": hid, "step": "01", "prev_id": "", "decision": "pass",
            "reason": "", "person_id": author, "person_name": "别人", "role": "admin", "decided_as": "admin",
            "decided_at": 1}),
        "workflow.sign": ("step_attachment", new_id(), hid, "insert", {
            "step_id": world.get("step"), "household_id": hid, "photo_id": world.get("photo"), "kind": "minutes",
            "caption": "会议记录", "position": 0}),
        "deliberation.record": ("deliberation", new_id(), None, "insert", {
            "village_id": village, "held_on": YESTERDAY.isoformat(), "present_count": 9, "present_names": "",
            "votes_for": 8, "votes_against": 1, "summary": ""}),
        "notice.issue": ("notice", new_id(), None, "insert", {
            "village_id": village, "kind": "identification", "step": "04", "households": json.dumps([hid]),
            "period_start": YESTERDAY.isoformat(), "period_end": YESTERDAY.isoformat(), "contact": "村委会",
            "issued_by": author, "issued_by_name": "别人", "issued_at": 1}),
        "objection.record": ("objection", new_id(), hid, "insert", {
            "household_id": hid, "workflow_id": world.get("workflow"), "step": "04",
            "received_on": YESTERDAY.isoformat(), "from_whom": "村民", "content": "收入不实"}),
        "objection.handle": ("objection", world.get("objection", ""), hid, "update", {
            "handling": "核实", "result": "dismissed", "handled_on": YESTERDAY.isoformat()}),
        "village.edit": ("village_year", new_id(), None, "insert", {
            "village_id": village, "year": 2024 + world["seq"], "poor_village": True,
            "collective_income": 5_000_000}),
        "project.edit": ("project", new_id(), None, "insert", {
            "village_id": village, "town_id": world.get("town"), "name": f"项目{world['seq']}", "type": "industry",
            "unit": "镇农业站", "budget_total": 0, "status": "planned"}),
        "project.approve": ("project", world.get("project", ""), None, "update", {
            "status": "approved", "approved_amount": 0, "approved_on": YESTERDAY.isoformat()}),
        "project.disburse": ("project_disbursement", new_id(), None, "insert", {
            "project_id": world.get("project"), "village_id": village, "date": YESTERDAY.isoformat(), "amount": 100,
            "channel": "superior", "payee": "镇农业站", "voucher_no": f"V{world['seq']}"}),
        "project.accept": ("project_acceptance", new_id(), None, "insert", {
            "project_id": world.get("project"), "village_id": village, "date": YESTERDAY.isoformat(),
            "members": "[]", "findings": "合格", "passed": True}),
        "asset.edit": ("asset_income", new_id(), None, "insert", {
            "asset_id": world.get("asset"), "village_id": village, "year": 2000 + world["seq"], "income": 100}),
        "asset.change": ("asset", world.get("asset", ""), None, "update", {
            "state": "idle" if world["seq"] % 2 else "in_use", "manager": f"管护人{world['seq']}"}),
        "asset.amend": ("asset_event", world.get("asset_event", ""), None, "delete", {"deleted": True}),
        "targets.edit": ("target", new_id(), None, "insert", {
            "area_id": village, "year": 2024 + world["seq"], "kind": "people_exit", "value": 30}),
        "report.write": ("summary", new_id(), None, "insert", {
            "village_id": village, "kind": "monthly", "period": f"2025-{1 + world['seq'] % 12:02d}",
            "figures": "{}", "narrative": "", "generated_at": 1, "author": author}),
    }
    tbl, row_id, household, op, fields = made[permission]
    return Change(tbl=tbl, row_id=row_id, household_id=household, op=op, fields=fields, **base)


WRITE_PERMISSIONS = sorted({r.permission for r in TABLE.rules} | {r.others for r in TABLE.rules if r.others})


def _spot_check(ctx: AppContext, world: dict[str, Any]) -> None:
    """A draw, one of its items and its rectification (what received spot-check changes refer to)."""
    from fieldapp.domain.ids import natural_id
    from fieldapp.store.models import (
        Asset,
        AssetEvent,
        Objection,
        Photo,
        Project,
        Rectification,
        SpotcheckDraw,
        SpotcheckItem,
        Workflow,
        WorkflowStep,
    )

    hid = world["household"]
    with ctx.writer.transaction() as txn:
        world["draw"] = txn.insert(SpotcheckDraw, {
            "level": "village", "area_id": ctx.settings["village_ids"][0], "percent": 20, "role": "township",
            "strata": "", "seed": "s", "frame_hash": "0" * 64, "frame": "[]", "sample": "[]", "drawn_at": 1,
            "due_days": 30})
        world["item"] = txn.insert(SpotcheckItem, {"draw_id": world["draw"], "household_id": hid, "position": 1,
                                                   "kind": "eight.1", "shown": "{}", "sources": "[]"})
        world["rect"] = natural_id("rectification", world["item"])
        world["workflow"] = txn.insert(Workflow, {"household_id": hid, "kind": "identification", "started_at": 1,
                                                  "origin": "app"})
        world["objection"] = txn.insert(Objection, {"household_id": hid, "workflow_id": world["workflow"],
                                                    "step": "04", "received_on": YESTERDAY, "from_whom": "村民",
                                                    "content": "人口不实"})
        village = ctx.settings["village_ids"][0]
        world["town"] = ctx.db.scalar("SELECT parent_id FROM area WHERE id = :v", v=village)
        world["project"] = txn.insert(Project, {  # a project that received disbursements and approvals refer to
            "village_id": village, "town_id": world["town"], "name": "核桃基地", "type": "industry",
            "unit": "镇农业站", "budget_total": 0, "status": "planned"})
        world["asset"] = txn.insert(Asset, {  # an asset whose income, change and signed events refer to
            "project_id": world["project"], "village_id": village, "kind": "operating", "name": "光伏电站",
            "value": 100, "manager": "村委会", "state": "in_use", "recorded_on": YESTERDAY})
        world["asset_event"] = txn.insert(AssetEvent, {
            "asset_id": world["asset"], "village_id": village, "kind": "damage", "date": YESTERDAY, "reason": "雷击",
            "manager_before": "村委会", "manager_after": "村委会", "state_before": "in_use", "state_after": "damaged"})
        world["step"] = txn.insert(WorkflowStep, {  # a decision and a photo an attachment refers to
            "workflow_id": world["workflow"], "household_id": hid, "step": "01", "prev_id": "", "decision": "pass",
            "reason": "", "person_id": new_id(), "person_name": "郑队员", "role": "member", "decided_as": "member",
            "decided_at": 1})
        world["photo"] = txn.insert(Photo, {"sha256": "f" * 64, "mime": "image/jpeg", "width": 1, "height": 1,
                                            "bytes": 1})
        txn.insert(Rectification, {"id": world["rect"], "item_id": world["item"], "draw_id": world["draw"],
                                   "household_id": hid, "cadre_id": world["own_cadre"], "due_date": YESTERDAY})


@pytest.mark.parametrize("permission", WRITE_PERMISSIONS)
def test_every_role_in_a_received_sync_change(ctx: AppContext, make_household: Callable[..., str],
                                              permission: str) -> None:
    add_account(ctx, "准备", ["admin"])
    world: dict[str, Any] = {"household": make_household(), "other_cadre": _other_cadre(ctx),
                             "own_cadre": ctx.settings["cadre_id"]}
    with ctx.writer.transaction() as txn:
        world["event"] = audit.record(txn, "lock")
    world["key"] = ctx.db.scalar("SELECT id FROM signing_key LIMIT 1")
    _spot_check(ctx, world)
    authors = {}
    for role in ROLES:
        add_account(ctx, f"作者-{role}", [role], cadre_id=ctx.settings["cadre_id"])
        authors[role] = ctx.db.scalar("SELECT id FROM person WHERE name = :n", n=f"作者-{role}")
    for role in ROLES:
        ch = _received(ctx, permission, authors[role], world)
        with ctx.db.transaction() as conn:
            merger = Merger(conn, ctx.writer.clock, {})
            merger.apply([ch])
            stats = merger.finish()
        allowed = TABLE.allows([role], permission)
        assert (stats.refused, stats.applied) == ((0, 1) if allowed else (1, 0)), (role, permission, stats)
        if not allowed:
            assert f"({permission})" in stats.refusals[0]["reason"].replace("（", "(").replace("）", ")")
        elif permission == "household.delete":
            world["household"] = make_household()


def test_a_role_revoked_at_the_district_arrives_by_sync(ctx: AppContext, make_household: Callable[..., str]) -> None:
    add_account(ctx, "王队员", ["member"])
    person_id = ctx.db.scalar("SELECT id FROM person WHERE name = '王队员'")
    hid = make_household()
    revoke = Change(origin="district", seq=1, hlc=ctx.writer.clock.now() + 1000, tbl="person", row_id=person_id,
                    household_id=None, op="update", fields={"roles": "[]"}, prev={}, user_id=None,
                    user_name="区县")
    edit = Change(origin="other", seq=1, hlc=ctx.writer.clock.now() + 2000, tbl="household", row_id=hid,
                  household_id=hid, op="update", fields={"group_no": 4}, prev={}, user_id=person_id,
                  user_name="王队员")
    with ctx.db.transaction() as conn:
        merger = Merger(conn, ctx.writer.clock, {})
        merger.apply([revoke, edit])
        stats = merger.finish()
    assert stats.applied == 1 and stats.refused == 1 and "register.edit" in stats.refusals[0]["reason"]
    c = logged_in(ctx.paths, "王队员")  # the laptop knows: the session has no role now
    try:
        assert c.session.roles == ()
        with pytest.raises(PermissionDenied):
            _change_household(c, hid)
    finally:
        c.close()


# -- the CLI ---------------------------------------------------------------------------------

CLI_ACTS: dict[str, Callable[[str], list[str]]] = {
    "accounts.manage": lambda n: ["people", "add", f"新{n}", "--role", "member"],
    "sync.run": lambda n: ["sync", "status"],
}


@pytest.mark.parametrize("permission", sorted(CLI_ACTS))
def test_every_role_through_the_cli(ctx: AppContext, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str], permission: str) -> None:
    for role in ROLES:
        add_account(ctx, f"命令-{role}", [role])
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "password-2")
    for i, role in enumerate(ROLES):
        cli_user(monkeypatch, f"命令-{role}")
        code = main(CLI_ACTS[permission](str(i)))
        err = capsys.readouterr().err
        if TABLE.allows([role], permission):
            assert f"({permission})" not in err.replace("（", "(").replace("）", ")"), (role, err)
        else:
            assert code == 1 and f"（{permission}）" in err, (role, err)


def test_the_cli_asks_who_and_refuses_a_wrong_password(ctx: AppContext, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    add_account(ctx, "队员甲", ["member"])
    monkeypatch.delenv("FIELDAPP_USER", raising=False)
    monkeypatch.setenv("FIELDAPP_PASSWORD", PASSWORD)
    assert main(["people", "list"]) == 1
    assert "--user" in capsys.readouterr().err
    assert main(["--user", "队员甲", "people", "list"]) == 0
    assert "队员甲" in capsys.readouterr().out
    monkeypatch.setenv("FIELDAPP_PASSWORD", "not-the-password")
    assert main(["--user", "队员甲", "people", "list"]) == 1
    assert "密码不正确" in capsys.readouterr().err


# -- logins ----------------------------------------------------------------------------------


def test_login_wrong_password_and_unknown_name(ctx: AppContext) -> None:
    add_account(ctx, "张三", ["member"])
    assert set(login_names(ctx.paths)) >= {"张三"}
    s = login(ctx.paths, "张三", PASSWORD)
    assert s.roles == ("member",) and "vault_key" not in repr(s) and len(s.vault_key) == 32
    with pytest.raises(LoginError) as wrong:
        login(ctx.paths, "张三", PASSWORD + "x")
    assert wrong.value.reason == "wrong_password" and "密码不正确" in str(wrong.value)
    with pytest.raises(LoginError) as unknown:
        login(ctx.paths, "没有这人", PASSWORD)
    assert unknown.value.reason == "unknown_user"
    assert verify_password(ctx.paths, "张三", PASSWORD) and not verify_password(ctx.paths, "张三", "nope")


def test_the_keystore_holds_no_password_and_is_private(ctx: AppContext) -> None:
    add_account(ctx, "张三", ["member"], password="secret-password")
    path = keystore.keystore_path(ctx.paths.home)
    text = path.read_text("utf-8")
    assert "secret-password" not in text and "张三" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "secret" not in ctx.db.scalar("SELECT group_concat(roles || name) FROM person")
    # every account unwraps the same vault key
    assert login(ctx.paths, "张三", "secret-password").vault_key == login(ctx.paths, "测试管理员", PASSWORD).vault_key


def test_logins_slow_down_after_five_failures(ctx: AppContext) -> None:
    add_account(ctx, "张三", ["member"])
    clock = [1000.0]
    for attempt in range(1, 6):
        with pytest.raises(LoginError) as failed:
            login(ctx.paths, "张三", "wrong-one", now=lambda: clock[0])
        assert failed.value.reason == "wrong_password"
        assert failed.value.wait_seconds == (0 if attempt < 5 else 2)
    with pytest.raises(LoginError) as throttled:  # even the right password waits
        login(ctx.paths, "张三", PASSWORD, now=lambda: clock[0] + 1)
    assert throttled.value.reason == "throttled" and throttled.value.wait_seconds >= 1
    assert "秒后再试" in str(throttled.value)
    clock[0] += 3
    assert login(ctx.paths, "张三", PASSWORD, now=lambda: clock[0]).name == "张三"
    assert keystore.Keystore.load(ctx.paths.home).failures == {}
    kinds = [e["kind"] for e in audit.events(ctx)]
    assert kinds.count("login_failed") == 5 and "throttled" in kinds and kinds[0] == "login"
    # the events kept while the register was closed held no name
    assert all(e["login_name"] is None for e in audit.events(ctx) if e["kind"] in ("login_failed", "throttled"))


def test_a_password_reset_by_a_leader_and_an_own_change(ctx: AppContext) -> None:
    add_account(ctx, "队长", ["leader"])
    add_account(ctx, "队员", ["member"])
    member = logged_in(ctx.paths, "队员")
    try:
        with pytest.raises(PermissionDenied) as refused:
            accounts.reset_password(member, "队长", "whatever-1")
        assert refused.value.permission == "accounts.manage"
    finally:
        member.close()
    leader = logged_in(ctx.paths, "队长")
    try:
        accounts.reset_password(leader, "队员", "brand-new-1")
        with pytest.raises(ValidationError):
            accounts.reset_password(leader, "队员", "short")
    finally:
        leader.close()
    with pytest.raises(LoginError):
        login(ctx.paths, "队员", PASSWORD)
    assert login(ctx.paths, "队员", "brand-new-1").roles == ("member",)
    accounts.change_password(ctx.paths, "队员", "brand-new-1", "my-own-pass")
    assert verify_password(ctx.paths, "队员", "my-own-pass")
    with pytest.raises(LoginError):
        accounts.change_password(ctx.paths, "队员", "brand-new-1", "another-1")
    login(ctx.paths, "队员", "my-own-pass")  # the change waited for the register to be open
    kinds = [e["kind"] for e in audit.events(ctx)]
    assert "password_reset" in kinds and "password_changed" in kinds


def test_a_leader_manages_only_team_roles_of_own_villages(ctx: AppContext) -> None:
    own = villages(ctx)
    add_account(ctx, "队长", ["leader"], villages=[own[0][0]])
    leader = logged_in(ctx.paths, "队长")
    try:
        with pytest.raises(ValidationError) as above:
            accounts.create_account(leader, "审核", None, ["township"], [own[0][0]], "password-1")
        assert "roles" in above.value.problems
        with pytest.raises(ValidationError) as outside:
            accounts.create_account(leader, "外村", None, ["member"], [own[1][0]], "password-1")
        assert "village_ids" in outside.value.problems
        accounts.create_account(leader, "新队员", None, ["member"], [own[0][0]], "password-1")
        accounts.set_roles(leader, "新队员", ["member", "committee"], [own[0][0]])
        assert {a.name: a.roles for a in accounts.list_accounts(leader)}["新队员"] == ("member", "committee")
    finally:
        leader.close()
    assert login(ctx.paths, "新队员", "password-1").roles == ("member", "committee")


def test_setup_creates_the_first_account(bare_ctx: AppContext) -> None:
    from fieldapp.services.setup import SetupInfo, run_setup

    run_setup(bare_ctx, SetupInfo(district="商州区", town="北宽坪镇", villages=["东村"], cadre_name="王伟",
                                  password="first-pass-1"))
    s = login(bare_ctx.paths, "王伟", "first-pass-1")
    assert set(s.roles) == {"admin", "leader"} and s.cadre_id == bare_ctx.settings["cadre_id"]
    c = open_for(bare_ctx.paths, s)
    try:
        assert c.session == s and c.writer.actor.user_id == s.person_id and c.writer.actor.roles == s.roles
        assert c.db.scalar("SELECT count(*) FROM person") == 1
        assert Person.__tablename__ == "person"
    finally:
        c.close()


def test_demo_prints_its_accounts(data_home: object, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["demo", "--households", "3"]) == 0
    out = capsys.readouterr().out
    assert "demo1234" in out and "乡镇审核员" in out and "区县审批员" in out
    cli_user(monkeypatch, "乡镇审核员", "demo1234")
    assert main(["people", "list"]) == 0
    assert "村两委" in capsys.readouterr().out


def test_an_enrolment_code_names_the_cadre_and_the_role_of_the_first_account(ctx: AppContext) -> None:
    from fieldapp.server import registry
    from fieldapp.services.identity import create as create_identity
    from fieldapp.sync import district
    from fieldapp.sync.http_client import Enrolment

    scope = list(ctx.settings["village_ids"])
    with ctx.db.transaction() as conn:
        with pytest.raises(ValueError, match="--role"):
            registry.create_code(conn, "王伟", scope, 1, role="boss")
        code, _expires = registry.create_code(conn, "王伟", scope, 1, role="leader")
        device = registry.redeem(conn, code, district.public_identity(
            create_identity(ctx.paths.home / "other-device"), "笔记本"))
    assert (device.cadre, device.role) == ("王伟", "leader")
    enrolment = Enrolment({}, scope, [], device.cadre, device.role)
    assert syncing.first_account(ctx, enrolment, "enrol-pass-1")
    s = login(ctx.paths, "王伟", "enrol-pass-1")
    assert s.roles == ("leader",) and s.cadre_id == ctx.settings["cadre_id"] and list(s.village_ids) == scope
    assert not syncing.first_account(ctx, enrolment, "again-pass-1")  # only the first


def test_a_received_update_is_judged_on_the_row_it_changes(ctx: AppContext, make_household: Callable[..., str]) -> None:
    """An update carries only what it changes: whose row it is comes from the stored row, for every rule
    that looks at an owner field (here a rectification report: one's own, or a leader's for others)."""
    from fieldapp.store.models import RectificationReport

    add_account(ctx, "准备", ["admin"])
    world: dict[str, Any] = {"household": make_household(), "other_cadre": _other_cadre(ctx),
                             "own_cadre": ctx.settings["cadre_id"]}
    _spot_check(ctx, world)
    with ctx.writer.transaction() as txn:  # the other cadre's report, written by the program itself
        report = txn.insert(RectificationReport, {
            "rectification_id": world["rect"], "household_id": world["household"], "cadre_id": world["other_cadre"],
            "round": 1, "done_on": YESTERDAY, "note": "已改"})
    add_account(ctx, "组员", ["member"], cadre_id=ctx.settings["cadre_id"])
    member = ctx.db.scalar("SELECT id FROM person WHERE name = '组员'")
    edit = Change(origin="other-device", seq=1, hlc=ctx.writer.clock.now() + 1000, tbl="rectification_report",
                  row_id=report, household_id=world["household"], op="update", fields={"note": "改成我的说法"},
                  prev={}, user_id=member, user_name="组员")
    with ctx.db.transaction() as conn:
        merger = Merger(conn, ctx.writer.clock, {})
        merger.apply([edit])
        stats = merger.finish()
    assert (stats.applied, stats.refused) == (0, 1)
    assert "rectification.close_others" in stats.refusals[0]["reason"]
    assert ctx.db.scalar("SELECT note FROM rectification_report WHERE id = :r", r=report) == "已改"
