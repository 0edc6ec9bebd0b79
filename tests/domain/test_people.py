"""The permission table as data: shipped file valid, a malformed override named, refusals naming the permission."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp import resources
from fieldapp.domain import people, refdata
from fieldapp.domain.people import PermissionDenied, PermissionTable, PermissionTableError


def _shipped() -> dict:
    return json.loads(resources.read_bytes("refdata", "permissions.json"))


def test_every_permission_has_three_labels_and_every_role_a_label() -> None:
    table = people.permission_table(refdata.shipped())
    for p in table.permissions.values():
        assert set(p.label) == set(refdata.LANGUAGES), p.code
    assert [c.code for c in refdata.shipped()["role"].codes] == list(people.ROLES)
    assert table.granted(["member"]) >= {"register.edit", "visit.edit", "checkin.self", "sync.run"}
    assert not table.allows([], "sync.run") and not table.allows(["nobody"], "sync.run")


@pytest.mark.parametrize(("change", "named"), [
    (lambda raw: raw["permissions"][0]["roles"].append("boss"), "boss"),
    (lambda raw: raw["writes"].append({"table": "x", "permission": "no.such"}), "no.such"),
    (lambda raw: raw["writes"].append({"table": "x", "op": "upsert", "permission": "sync.run"}), "upsert"),
    (lambda raw: raw.pop("writes"), "writes"),
])
def test_a_malformed_override_is_refused_by_name(tmp_path: Path, change, named: str) -> None:
    raw = _shipped()
    change(raw)
    (tmp_path / "permissions.json").write_text(json.dumps(raw), "utf-8")
    with pytest.raises(PermissionTableError) as bad:
        people.permission_table(refdata.RefData(tmp_path))
    assert "permissions.json" in str(bad.value) and named in str(bad.value)


def test_an_override_changes_who_may_do_what(tmp_path: Path) -> None:
    raw = _shipped()
    for p in raw["permissions"]:
        if p["code"] == "household.delete":
            p["roles"] = ["admin"]
    (tmp_path / "permissions.json").write_text(json.dumps(raw), "utf-8")
    table = people.permission_table(refdata.RefData(tmp_path))
    assert table.allows(["admin"], "household.delete") and not table.allows(["leader"], "household.delete")


def test_a_refusal_names_the_permission() -> None:
    table = PermissionTable.from_json(_shipped())
    with pytest.raises(PermissionDenied) as refused:
        table.require(["member"], "household.delete", "李四")
    assert refused.value.permission == "household.delete"
    assert str(refused.value) == "李四：没有“删除农户”的权限（household.delete），操作未执行"
