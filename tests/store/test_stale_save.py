"""A save is checked against the field stamps its editor loaded: a stale one is refused, never silently wins."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from fieldapp.domain.errors import ValidationError
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.store.models import Household
from fieldapp.store.writer import Actor, ChangeWriter, StaleWrite
from tests.store.test_register_service import snapshot


def edit(ctx: AppContext, household_id: str, change: Callable[[register.HouseholdRecord], object],
         original: register.HouseholdRecord | None = None) -> str:
    """One editor's save: load (or use ``original``), change a copy, save against what was loaded."""
    loaded = original if original is not None else register.load_record(ctx.db, household_id)
    record = copy.deepcopy(loaded)
    change(record)
    return register.save_record(ctx.writer, ctx.ref, record, copy.deepcopy(loaded))


def test_two_editors_on_one_field_the_stale_one_is_refused_with_both_values(
        ctx: AppContext, make_household: Callable[..., str]) -> None:
    hid = make_household(phone="0914-1111111")
    first = register.load_record(ctx.db, hid)
    second = register.load_record(ctx.db, hid)
    edit(ctx, hid, lambda r: r.household.update(phone="0914-2222222"), first)
    before = snapshot(ctx)

    with pytest.raises(StaleWrite) as refused:
        edit(ctx, hid, lambda r: r.household.update(phone="0914-3333333"), second)

    assert snapshot(ctx) == before  # nothing written, not even the change log
    [field] = refused.value.fields
    assert (field.table, field.row_id, field.field) == ("household", hid, "phone")
    assert (field.mine, field.theirs) == ("0914-3333333", "0914-2222222")
    assert field.by == "王伟" and field.at is not None
    assert register.load_record(ctx.db, hid).household["phone"] == "0914-2222222"


def test_fields_changed_elsewhere_that_this_editor_did_not_touch_are_kept(
        ctx: AppContext, make_household: Callable[..., str]) -> None:
    hid = make_household(phone="0914-1111111", address="东村三组")
    stale = register.load_record(ctx.db, hid)
    edit(ctx, hid, lambda r: (r.household.update(phone="0914-2222222"), r.members[1].update(employer="县农机厂")))
    # the stale editor changes only the address: it saves, and reverts neither the phone nor the member
    edit(ctx, hid, lambda r: r.household.update(address="东村四组"), stale)
    now = register.load_record(ctx.db, hid)
    assert now.household["phone"] == "0914-2222222" and now.household["address"] == "东村四组"
    assert now.members[1]["employer"] == "县农机厂"


def test_a_member_field_and_an_income_changed_elsewhere_are_refused_too(
        ctx: AppContext, make_household: Callable[..., str]) -> None:
    hid = make_household()
    edit(ctx, hid, lambda r: r.incomes.append({"year": 2024, "wage": 100_00}))
    stale = register.load_record(ctx.db, hid)
    edit(ctx, hid, lambda r: (r.members[1].update(name="李美丽"), r.incomes[0].update(wage=200_00)))

    def mine(r: register.HouseholdRecord) -> None:
        r.members[1]["name"] = "李美华"
        r.incomes[0]["wage"] = 300_00

    with pytest.raises(StaleWrite) as refused:
        edit(ctx, hid, mine, stale)
    assert {(f.table, f.field, f.mine, f.theirs) for f in refused.value.fields} == {
        ("member", "name", "李美华", "李美丽"), ("income_year", "wage", 300_00, 200_00)}


def test_rebase_saves_the_chosen_values_against_the_fresh_stamps(
        ctx: AppContext, make_household: Callable[..., str]) -> None:
    hid = make_household(phone="0914-1111111", address="东村三组")
    stale = register.load_record(ctx.db, hid)
    edit(ctx, hid, lambda r: r.household.update(phone="0914-2222222", address="东村五组"))
    record = copy.deepcopy(stale)
    record.household.update(phone="0914-3333333", address="东村四组", note="新备注")
    with pytest.raises(StaleWrite) as refused:
        register.save_record(ctx.writer, ctx.ref, copy.deepcopy(record), copy.deepcopy(stale))

    keep_mine = {("household", hid, "phone")}  # the cadre keeps their phone, takes the other address
    base, mine = register.rebase(stale, record, refused.value.fields, keep_mine)
    register.save_record(ctx.writer, ctx.ref, mine, base)
    now = register.load_record(ctx.db, hid)
    assert (now.household["phone"], now.household["address"], now.household["note"]) == (
        "0914-3333333", "东村五组", "新备注")


def test_the_same_value_typed_in_both_editors_is_not_a_conflict(
        ctx: AppContext, make_household: Callable[..., str]) -> None:
    hid = make_household(phone="0914-1111111")
    stale = register.load_record(ctx.db, hid)
    edit(ctx, hid, lambda r: r.household.update(phone="0914-2222222"))
    edit(ctx, hid, lambda r: r.household.update(phone="0914-2222222"), stale)


def test_another_device_or_user_is_named(ctx: AppContext, make_household: Callable[..., str]) -> None:
    hid = make_household(phone="0914-1111111")
    stale = register.load_record(ctx.db, hid)
    other = ChangeWriter(ctx.db, Actor("0190a0a0-0000-7000-8000-0000000000ff", "u2", "李娜"))
    with other.transaction() as txn:
        txn.update(Household, hid, {"phone": "0914-9999999"})
    with pytest.raises(StaleWrite) as refused:
        edit(ctx, hid, lambda r: r.household.update(phone="0914-3333333"), stale)
    [field] = refused.value.fields
    assert field.by == "李娜" and field.stamp[1] == "0190a0a0-0000-7000-8000-0000000000ff"


def test_validation_still_comes_first(ctx: AppContext, make_household: Callable[..., str]) -> None:
    hid = make_household()
    stale = register.load_record(ctx.db, hid)
    edit(ctx, hid, lambda r: r.household.update(phone="0914-2222222"))
    with pytest.raises(ValidationError):
        edit(ctx, hid, lambda r: r.household.update(main_cause=None, phone="0914-3"), stale)


def test_deleting_a_member_or_measure_changed_elsewhere_is_refused_then_done_as_chosen(
        ctx: AppContext, make_household: Callable[..., str]) -> None:
    hid = make_household(members=3)
    edit(ctx, hid, lambda r: r.measures.append({"type": "industry", "content": "养猪", "industry": "livestock"}))
    stale = register.load_record(ctx.db, hid)
    # elsewhere: the member gets a phone number, the measure a new wording
    edit(ctx, hid, lambda r: (r.members[2].update(employer="县农机厂"), r.measures[0].update(content="养猪20头")))
    before = snapshot(ctx)
    member_id, measure_id = stale.members[2]["id"], stale.measures[0]["id"]

    def remove(r: register.HouseholdRecord) -> None:
        del r.members[2]
        r.measures.clear()

    record = copy.deepcopy(stale)
    remove(record)
    with pytest.raises(StaleWrite) as refused:
        register.save_record(ctx.writer, ctx.ref, record, copy.deepcopy(stale))
    assert snapshot(ctx) == before  # nothing removed unseen
    assert {(f.table, f.row_id, f.field, f.deleting, f.theirs) for f in refused.value.fields} == {
        ("member", member_id, "employer", True, "县农机厂"), ("measure", measure_id, "content", True, "养猪20头")}

    # the cadre keeps the member (theirs) and removes the measure (mine)
    base, mine = register.rebase(stale, record, refused.value.fields, {("measure", measure_id, "content")})
    register.save_record(ctx.writer, ctx.ref, mine, base)
    now = register.load_record(ctx.db, hid)
    assert [m["employer"] for m in now.members if m["id"] == member_id] == ["县农机厂"]
    assert now.measures == []


def test_deleting_an_unchanged_member_still_works(ctx: AppContext, make_household: Callable[..., str]) -> None:
    hid = make_household(members=3)
    stale = register.load_record(ctx.db, hid)
    edit(ctx, hid, lambda r: r.household.update(phone="0914-2222222"))
    edit(ctx, hid, lambda r: r.members.pop(2), stale)
    assert len(register.load_record(ctx.db, hid).members) == 2
