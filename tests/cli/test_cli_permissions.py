"""Every role × every permission that has a command, through the real ``fieldapp`` command line.

One demo laptop for the module (its team leader and administrator creates one account per role);
each test runs one act per role: a permitted act succeeds, a forbidden one ends with exit code 1 and
a message naming the missing permission. Permissions whose command needs more than an account
(visits and check-ins need the account's own cadre, confirmations a late check-in) or that have no
command (approval) are covered through the services and sync (``tests/services/test_people.py``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from fieldapp import paths
from fieldapp.cli.main import main
from fieldapp.domain import people
from fieldapp.services import identity as identity_mod
from fieldapp.services.excel.layout import HOUSEHOLD_LAYOUT
from fieldapp.sync.district import public_identity
from tests.helpers import people as people_helpers
from tests.helpers.people import DEMO_LEADER, DEMO_PASSWORD, cli_user

TABLE = people.permission_table()
ROLES = people.ROLES
PASSWORD = "role-pass-1"


def account(role: str) -> str:
    return f"角色{role}"


@dataclass
class Laptop:
    """The shared demo laptop: its folder, households still to delete, a counter for unique values."""

    home: Path
    households: list[str]
    export: Path
    peer_file: Path
    counter: Iterator[int]


@pytest.fixture(scope="module")
def laptop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Laptop]:
    home = tmp_path_factory.mktemp("cli-roles") / "home"
    work = home.parent
    with pytest.MonkeyPatch.context() as mp:
        people_helpers.fast_scrypt(mp)  # the demo's accounts too: a cheap scrypt, recorded in their slots
        mp.setenv(paths.ENV_HOME, str(home))
        assert main(["demo", "--households", "12"]) == 0
        cli_user(mp, DEMO_LEADER, DEMO_PASSWORD)
        mp.setenv("FIELDAPP_NEW_PASSWORD", PASSWORD)
        for role in ROLES:
            assert main(["people", "add", account(role), "--role", role]) == 0
        export = work / "households.xlsx"
        assert main(["export", "households", "--out", str(export)]) == 0
    book = openpyxl.load_workbook(export, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    hh_col = list(rows[0]).index(_label("hh_no"))
    households = sorted({str(r[hh_col]) for r in rows[1:] if r[hh_col]})
    peer = identity_mod.create(work / "peer-device")
    peer_file = work / "peer.json"
    peer_file.write_text(json.dumps(public_identity(peer, "另一台")), encoding="utf-8")
    yield Laptop(home, households, export, peer_file, itertools.count(1))


def _label(key: str) -> str:
    return next(f.label for f in HOUSEHOLD_LAYOUT.fields if f.key == key)


def _edited_household(laptop: Laptop, n: int) -> Path:
    """The export's first household alone, with a new address: importing it is one register edit."""
    book = openpyxl.load_workbook(laptop.export)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    hh_col, address_col = header.index(_label("hh_no")), header.index(_label("address"))
    first = sheet.cell(row=2, column=hh_col + 1).value
    for row in range(sheet.max_row, 1, -1):
        if sheet.cell(row=row, column=hh_col + 1).value != first:
            sheet.delete_rows(row)
        else:
            sheet.cell(row=row, column=address_col + 1).value = f"新地址{n}号"
    out = laptop.home.parent / f"edit-{n}.xlsx"
    book.save(out)
    return out


def _last_month() -> str:
    last = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    return f"{last.year:04d}-{last.month:02d}"


Act = Callable[[Laptop, int], list[str]]

# permission → (name, argv for the n-th act); several commands per permission where several exist
CLI_ACTS: dict[str, list[tuple[str, Act]]] = {
    "register.edit": [("import households", lambda lp, n: ["import", "households", str(_edited_household(lp, n))])],
    "household.delete": [("household delete", lambda lp, n: ["household", "delete", lp.households.pop(), "--yes"])],
    "accounts.manage": [
        ("people add", lambda lp, n: ["people", "add", f"新人{n}", "--role", "member"]),
        ("people reset", lambda lp, n: ["people", "reset", f"新人{n - 1}"]),
        ("people roles", lambda lp, n: ["people", "roles", f"新人{n - 2}", "--role", "member", "--role", "committee"]),
    ],
    "export.plain": [("db export-plain", lambda lp, n: ["db", "export-plain", "--out",
                                                        str(lp.home.parent / f"plain-{n}.sqlite3")])],
    "district.edit": [("thresholds set", lambda lp, n: ["thresholds", "set", "--kind", "poverty_line", "--year",
                                                        str(2030 + n), "--area", "611002", "--amount", "5000",
                                                        "--source", "测试"])],
    "sync.run": [("sync status", lambda lp, n: ["sync", "status"]),
                 ("sync export", lambda lp, n: ["sync", "export", "--to", str(lp.home.parent / f"out-{n}")])],
    "audit.verify": [("audit verify", lambda lp, n: ["audit", "verify"])],
    "signoff": [("sign household", lambda lp, n: ["sign", "household", lp.households[0]])],
    "spotcheck.draw": [("spotcheck draw", lambda lp, n: ["spotcheck", "draw", "--village", "桃园村", "--percent",
                                                          "50", "--seed", f"s{n}"])],
    "attendance.close": [("attendance close", lambda lp, n: ["attendance", "close", "李秀红", _last_month()])],
    "settings.edit": [
        ("sync peer-add", lambda lp, n: ["sync", "peer-add", str(lp.peer_file), "--name", f"对象{n}"]),
        ("refdata export", lambda lp, n: ["refdata", "export", "relation"]),
        ("enrol", lambda lp, n: ["enrol", "http://127.0.0.1:9", "CODE-1234"]),
    ],
}
CASES = [(permission, name, act) for permission, acts in CLI_ACTS.items() for name, act in acts]


def test_the_cli_acts_cover_the_permissions_with_commands() -> None:
    assert set(CLI_ACTS) <= set(TABLE.permissions)
    assert set(ROLES) == set(TABLE.roles)


@pytest.mark.parametrize(("permission", "name", "act"), CASES, ids=[f"{p}:{n}" for p, n, _a in CASES])
def test_every_role_through_the_cli(laptop: Laptop, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str], permission: str, name: str, *,
                                    act: Act) -> None:
    monkeypatch.setenv(paths.ENV_HOME, str(laptop.home))
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "password-2")
    if name in ("people reset", "people roles"):  # accounts to act on, made by the administrator
        cli_user(monkeypatch, DEMO_LEADER, DEMO_PASSWORD)
    for role in ROLES:
        n = next(laptop.counter)
        if name in ("people reset", "people roles"):
            cli_user(monkeypatch, DEMO_LEADER, DEMO_PASSWORD)
            for k in (n - 1, n - 2):
                main(["people", "add", f"新人{k}", "--role", "member"])
            capsys.readouterr()
        cli_user(monkeypatch, account(role), PASSWORD)
        code = main(act(laptop, n))
        out = capsys.readouterr()
        err = out.err.replace("（", "(").replace("）", ")")
        if TABLE.allows([role], permission):
            assert f"({permission})" not in err, (role, name, out)
            if name == "enrol":  # permitted: it goes on to the server, which is not there
                assert code == 1 and "127.0.0.1:9" in out.err, (role, out)
            else:
                assert code == 0, (role, name, out)
        else:
            assert code == 1 and f"({permission})" in err, (role, name, out)
            assert TABLE.label(permission) in out.err


def test_a_wrong_password_says_how_to_recover_before_anyone_starts_over(
        laptop: Laptop, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(paths.ENV_HOME, str(laptop.home))
    cli_user(monkeypatch, account("member"), "not-the-password")
    assert main(["sync", "status"]) == 1
    err = capsys.readouterr().err
    assert "密码不正确" in err and "fieldapp people reset" in err
    assert "重新加入区县服务器" in err and "尚未同步的修改届时将全部丢失" in err
