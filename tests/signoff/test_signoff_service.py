"""Sign-off through the services: a signature checked, then invalidated by a change until signed again;
forbidden roles refused naming the permission; keys made with accounts, at login, re-wrapped, reset."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from fieldapp.domain import signoff as rules
from fieldapp.domain.people import PermissionDenied
from fieldapp.services import register, visits
from fieldapp.services.context import AppContext
from fieldapp.services.people import accounts, keystore
from fieldapp.services.people.auth import login
from fieldapp.services.signoff import keys, service
from fieldapp.store import guard
from fieldapp.store.models import Signoff
from tests.helpers.idgen import resident_id
from tests.helpers.people import PASSWORD, logged_in


def _edit(c: AppContext, hid: str, **changes: object) -> None:
    original = register.load_record(c.db, hid)
    record = register.load_record(c.db, hid)
    record.household.update(changes)
    register.save_record(c.writer, c.ref, record, original)


def test_a_signature_checks_then_a_change_shows_until_signed_again(
        signed_in: Callable[..., AppContext], make_household: Callable[..., str]) -> None:
    hid = make_household("孙大成", members=3)
    leader = signed_in("leader", name="李队长")
    assert service.status(leader.db, "household", hid).state == service.UNSIGNED
    made = service.sign_household(leader, hid)
    assert made.code == rules.normalise_code(made.code.lower().replace("-", " "))
    now = service.status(leader.db, "household", hid)
    assert now.state == service.VALID and now.signoff is not None
    assert (now.signoff.person_name, now.signoff.role, now.signoff.code) == ("李队长", "leader", made.code)
    assert now.signoff.role_label(leader.ref) == "队长/第一书记"
    signed = json.loads(now.signoff.snapshot)
    assert {"household", "member", "income_year", "indicator", "measure"} <= set(signed["tables"])
    assert len(signed["tables"]["member"]) == 3

    member = signed["tables"]["member"][1]
    original = register.load_record(leader.db, hid)
    record = register.load_record(leader.db, hid)
    record.household["phone"] = "13900001111"
    target = next(m for m in record.members if m["id"] == member["id"])
    target["id_no"] = resident_id(int(target["id_no"][14:17]) + 2, target["birth_date"])  # same sex, next number
    register.save_record(leader.writer, leader.ref, record, original)

    changed = service.status(leader.db, "household", hid)
    assert changed.state == service.CHANGED
    fields = {(d.table, d.field) for d in changed.differences}
    assert fields == {("household", "phone"), ("member", "id_no")}
    words = {line.field: line for line in changed.lines}
    assert words["联系电话"].new == "13900001111" and words["联系电话"].old == ""
    id_line = words["证件号码"]
    assert "*" in id_line.old and "*" in id_line.new  # sensitive: masked as the catalogue says
    assert target["id_no"] not in id_line.new and id_line.where.startswith("成员 ")

    again = service.sign_household(leader, hid)
    assert service.status(leader.db, "household", hid).state == service.VALID
    assert again.code != made.code and len(service.history(leader.db, "household", hid)) == 2
    assert service.problems(leader.db, made) == []  # the first signature still verifies for what it signed


def test_a_forged_sign_off_is_invalid(signed_in: Callable[..., AppContext], make_household: Callable[..., str]) -> None:
    hid = make_household()
    leader = signed_in("committee", name="村委王")
    made = service.sign_household(leader, hid)
    # someone rewrites the stored snapshot and hash behind the app's back (as an insider with sqlite3)
    forged = json.loads(made.snapshot)
    forged["tables"]["household"][0]["phone"] = "13000000000"
    text = rules.canonical(forged)
    with guard.raw_writes_allowed(), leader.db.transaction() as conn:
        conn.exec_driver_sql("UPDATE signoff SET snapshot = ?, snapshot_hash = ? WHERE id = ?",
                             (text, rules.content_hash(text), made.id))
    bad = service.status(leader.db, "household", hid)
    assert bad.state == service.INVALID and any("签名无效" in p for p in bad.problems)


@pytest.mark.parametrize("role", ["member", "township", "district", "admin"])
def test_roles_without_signoff_are_refused_naming_the_permission(
        signed_in: Callable[..., AppContext], make_household: Callable[..., str], role: str) -> None:
    hid = make_household()
    c = signed_in(role)
    with pytest.raises(PermissionDenied) as refused:
        service.sign_household(c, hid)
    assert refused.value.permission == "signoff" and "签字背书" in str(refused.value)
    assert c.db.scalar("SELECT count(*) FROM signoff") == 0
    with pytest.raises(PermissionDenied), c.writer.transaction() as txn:  # the write path refuses too
        txn.insert(Signoff, {"subject": "household", "subject_id": hid, "period": "", "person_id": "x",
                             "role": role, "key_id": "k", "signed_at": 1, "snapshot": "{}", "snapshot_hash": "0",
                             "signature": "00", "code": "x"})


def test_a_visit_and_a_generic_subject_can_be_signed(ctx: AppContext, signed_in: Callable[..., AppContext],
                                                     make_household: Callable[..., str]) -> None:
    hid = make_household()
    leader = signed_in("leader", cadre_id=ctx.settings["cadre_id"])
    draft = visits.VisitDraft(date=dt.date.today(), type=leader.ref["visit_type"].codes[0].code, household_id=hid,
                              found="屋顶漏雨", done="联系维修")
    visit_id = visits.save_visit(leader, draft)
    made = service.sign_visit(leader, visit_id)
    assert made.household_id == hid and service.status(leader.db, "visit", visit_id).state == service.VALID
    loaded = visits.load_visit(leader.db, visit_id)
    loaded_copy = visits.load_visit(leader.db, visit_id)
    loaded.found = "屋顶漏雨，已修好"
    visits.save_visit(leader, loaded, original=loaded_copy)
    changed = service.status(leader.db, "visit", visit_id)
    assert changed.state == service.CHANGED and [d.field for d in changed.differences] == ["found"]
    assert changed.lines[0].field == leader.ref.fields.label("visit", "found")
    step = service.sign(leader, "workflow_step", "step-1", tables={"step": [{"id": "s1", "decision": "pass"}]},
                        household_id=hid)
    assert service.problems(leader.db, step) == []
    # a workflow decision's status is read from the register: a signature over rows it does not hold has changed
    assert service.status(leader.db, "workflow_step", "step-1").state == service.CHANGED
    cadre = leader.settings["cadre_id"]
    month = service.sign(leader, "attendance_month", cadre, dt.date.today().strftime("%Y-%m"))
    assert month.period and service.status(leader.db, "attendance_month", cadre, month.period).state == service.VALID


def test_keys_are_made_with_accounts_rewrapped_and_replaced_on_reset(
        ctx: AppContext, signed_in: Callable[..., AppContext], make_household: Callable[..., str]) -> None:
    hid = make_household()
    leader = signed_in("leader", "admin", name="赵队长")
    person = leader.session.person_id
    assert leader.session.signing is not None
    first = keys.keys_of(leader.db, person)
    assert [k.id for k in first] == [leader.session.signing.key_id] and first[0].retired_at is None
    old = service.sign_household(leader, hid)

    accounts.change_password(leader.paths, "赵队长", PASSWORD, "new-pass-22")
    after = login(leader.paths, "赵队长", "new-pass-22")
    assert after.signing is not None and after.signing.key_id == first[0].id  # the same key, re-wrapped

    admin = signed_in("admin", name="管理员乙")
    accounts.reset_password(admin, "赵队长", "reset-pass-33")
    keys_now = keys.keys_of(admin.db, person)
    assert len(keys_now) == 2 and keys_now[0].retired_at is not None and keys_now[1].retired_at is None
    again = logged_in(leader.paths, "赵队长", "reset-pass-33")
    try:
        assert again.session.signing is not None and again.session.signing.key_id == keys_now[1].id
        new = service.sign_household(again, hid)
        assert new.key_id != old.key_id
        assert service.problems(again.db, old) == [] and service.problems(again.db, new) == []
        # a signature dated after its key was retired does not count
        late = service.sign_household(leader, hid)  # the old session still holds the retired key
        assert any("停用" in p for p in service.problems(again.db, late))
    finally:
        again.close()


def test_an_old_keystore_slot_gets_a_key_at_the_next_login(signed_in: Callable[..., AppContext]) -> None:
    c = signed_in("leader", name="老账户")
    person, key_id = c.session.person_id, c.session.signing.key_id
    c.close()
    ks = keystore.Keystore.load(c.paths.home)
    slot = ks.slot("老账户")
    vault = slot.unwrap(PASSWORD)
    ks.put(keystore.Slot.make("老账户", person, PASSWORD, vault))  # as a keystore made before signing keys
    ks.save()
    assert "signing" not in json.dumps(json.loads(ks.path.read_text("utf-8"))["accounts"][-1])
    session = login(c.paths, "老账户", PASSWORD)
    assert session.signing is not None and session.signing.key_id != key_id
    assert keystore.Keystore.load(c.paths.home).slot("老账户").sign_key_id == session.signing.key_id
    again = logged_in(c.paths, "老账户")
    try:
        assert again.session.signing.key_id == session.signing.key_id
        assert [k.id for k in keys.keys_of(again.db, person)] == [key_id, session.signing.key_id]
    finally:
        again.close()


def test_codes_are_checked_when_typed() -> None:
    code = rules.verification_code("ab" * 64)
    assert rules.normalise_code(code) == code
    assert rules.normalise_code(f"{rules.CODE_PREFIX}:{code}") == code
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    with pytest.raises(rules.SignoffError, match="校验位"):
        rules.normalise_code(wrong)
    with pytest.raises(rules.SignoffError, match="11 位"):
        rules.normalise_code("ABC")
