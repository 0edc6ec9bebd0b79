"""The tamper-evident change log on an encrypted laptop: an insider edits it with sqlite behind the app's back.

The register is opened with its SQLCipher key (as an insider who knows the password could), a
change-log row is altered, removed, reordered, or the whole chain is re-hashed consistently without
the device key; ``fieldapp audit verify`` must name the entry and exit non-zero, and the history must
mark the forged entry instead of showing its author as fact.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from fieldapp import paths
from fieldapp.domain import audit
from fieldapp.services import history
from fieldapp.services.audit import chain as audit_chain
from fieldapp.services.context import AppContext, open_context
from fieldapp.services.people.auth import login
from fieldapp.services.setup import run_setup
from fieldapp.store.crypt import register_key
from tests.helpers.people import ADMIN, PASSWORD, add_account, cli_user, logged_in
from tests.server.conftest import SETUP, Laptop
from tests.server.util import add_household

LEADER = "王队长"


@pytest.fixture
def laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Laptop, str]]:
    """An encrypted laptop with accounts and two households written by the signed-in team leader."""
    home = tmp_path / "home"
    home.mkdir()
    data = paths.DataPaths(home)
    ctx = open_context(data)
    run_setup(ctx, SETUP)
    add_account(ctx, "李秀红", ["member"])
    add_account(ctx, LEADER, ["leader"])
    village = ctx.settings["village_ids"][0]
    ctx.close()
    admin = logged_in(data, LEADER)
    try:
        household = add_household(admin, village, "张三")
        add_household(admin, village, "李四")
    finally:
        admin.close()
    cli_user(monkeypatch, ADMIN, PASSWORD)
    yield Laptop(home, monkeypatch), household


def _insider(home: Path) -> Any:
    """The register opened behind the app's back with its key (plain sqlite API, SQLCipher build)."""
    vault = login(paths.DataPaths(home), ADMIN, PASSWORD).vault_key
    conn = sqlcipher3.connect(str(home / "register.sqlite3"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{register_key(vault).hex()}'\"")
    return conn



def _device(laptop: Laptop) -> str:
    with _keyed(laptop.home) as ctx:
        assert ctx.identity is not None
        return ctx.identity.device_id


class _keyed:
    def __init__(self, home: Path) -> None:
        self.ctx = logged_in(paths.DataPaths(home), ADMIN)

    def __enter__(self) -> AppContext:
        return self.ctx

    def __exit__(self, *exc: object) -> None:
        self.ctx.close()


def _member_row(conn: Any, origin: str) -> tuple[int, str]:
    """(origin_seq, user_name) of this device's insert of a member (a row with a name in it)."""
    row = conn.execute("SELECT origin_seq, user_name FROM change_log WHERE origin = ? AND tbl = 'member' "
                       "AND op = 'insert' ORDER BY origin_seq LIMIT 1", (origin,)).fetchone()
    return int(row[0]), str(row[1])


def test_an_intact_chain_verifies(laptop: tuple[Laptop, str]) -> None:
    lap, _hid = laptop
    out = lap.ok("audit", "verify")
    assert "修改记录链完好" in out and "签名有效" in out


def test_a_forged_author_is_caught_and_marked_in_the_history(laptop: tuple[Laptop, str]) -> None:
    lap, household = laptop
    origin = _device(lap)
    conn = _insider(lap.home)
    seq, author = _member_row(conn, origin)
    assert author == LEADER
    forged = conn.execute("SELECT fields FROM change_log WHERE origin = ? AND origin_seq = ?",
                          (origin, seq)).fetchone()[0].replace("张三", "王五")
    conn.execute("UPDATE change_log SET user_name = '李秀红', fields = ? WHERE origin = ? AND origin_seq = ?",
                 (forged, origin, seq))
    conn.close()
    code, out, err = lap.run("audit", "verify")
    assert code == 4, out + err
    assert f"设备 {origin} 第 {seq} 条：记录内容与其哈希不符" in err
    assert "作者 李秀红" in err
    with _keyed(lap.home) as ctx, ctx.db.read() as rc:
        lines = history.full_household_history(rc, ctx.ref, household)
    forged_lines = [ln for ln in lines if not ln.intact]
    assert forged_lines and all("李秀红" in ln.user and "防篡改" in ln.user for ln in forged_lines)
    assert all(ln.intact for ln in lines if ln.seq != forged_lines[0].seq)


def test_a_deleted_entry_is_caught(laptop: tuple[Laptop, str]) -> None:
    lap, _hid = laptop
    origin = _device(lap)
    conn = _insider(lap.home)
    seq, _author = _member_row(conn, origin)
    conn.execute("DELETE FROM change_log WHERE origin = ? AND origin_seq = ?", (origin, seq))
    conn.close()
    code, _out, err = lap.run("audit", "verify")
    assert code == 4
    assert f"第 {seq} 条：记录缺失" in err and f"第 {seq + 1} 条：与前一条记录的哈希不衔接" in err


def test_deleting_the_last_entry_is_caught_by_the_signed_head(laptop: tuple[Laptop, str]) -> None:
    lap, _hid = laptop
    origin = _device(lap)
    conn = _insider(lap.home)
    top = conn.execute("SELECT max(origin_seq) FROM change_log WHERE origin = ?", (origin,)).fetchone()[0]
    conn.execute("DELETE FROM change_log WHERE origin = ? AND origin_seq = ?", (origin, top))
    conn.close()
    code, _out, err = lap.run("audit", "verify")
    # the next login's entry takes the removed number, unsigned: the signed head no longer matches there
    assert code == 4 and f"第 {top} 条：此处的哈希与设备签名的链头不符" in err


def test_reordered_entries_are_caught(laptop: tuple[Laptop, str]) -> None:
    lap, _hid = laptop
    origin = _device(lap)
    conn = _insider(lap.home)
    seq, _author = _member_row(conn, origin)
    conn.execute("UPDATE change_log SET origin_seq = -1 WHERE origin = ? AND origin_seq = ?", (origin, seq))
    conn.execute("UPDATE change_log SET origin_seq = ? WHERE origin = ? AND origin_seq = ?", (seq, origin, seq + 1))
    conn.execute("UPDATE change_log SET origin_seq = ? WHERE origin = ? AND origin_seq = -1", (seq + 1, origin))
    conn.close()
    code, _out, err = lap.run("audit", "verify")
    assert code == 4 and f"第 {seq} 条：记录内容与其哈希不符" in err


def test_a_chain_rehashed_without_the_device_key_is_caught(laptop: tuple[Laptop, str]) -> None:
    lap, _hid = laptop
    origin = _device(lap)
    conn = _insider(lap.home)
    seq, _author = _member_row(conn, origin)
    conn.execute("UPDATE change_log SET user_name = '李秀红' WHERE origin = ? AND origin_seq = ?", (origin, seq))
    previous = audit.GENESIS  # the insider knows the hashing (it is public) and rewrites every hash after
    rows = conn.execute("SELECT origin, origin_seq, hlc, tbl, row_id, household_id, op, fields, prev, user_id, "
                        "user_name, seq FROM change_log WHERE origin = ? ORDER BY origin_seq", (origin,)).fetchall()
    for row in rows:
        digest = audit.entry_hash(tuple(row[:11]), previous)
        conn.execute("UPDATE change_log SET chain_prev = ?, chain_hash = ? WHERE seq = ?", (previous, digest, row[11]))
        previous = digest
    conn.close()
    with _keyed(lap.home) as ctx:
        assert ctx.identity is not None
        report = audit_chain.verify(ctx.db, ctx.identity.device_id, ctx.identity.public_signing())
    kinds = {b.kind for b in report.breaks}
    assert audit.HEAD in kinds and audit.CONTENT not in kinds  # consistent hashes, but not what the device signed
    # and a head re-signed without the key: the insider's own signature does not verify
    conn = _insider(lap.home)
    top, top_hash = conn.execute("SELECT origin_seq, chain_hash FROM change_log WHERE origin = ? "
                                 "ORDER BY origin_seq DESC LIMIT 1", (origin,)).fetchone()
    conn.execute("UPDATE local_state SET value = ? WHERE key = ?",
                 (json.dumps({"seq": top, "hash": bytes(top_hash).hex(), "sig": "00" * 64}), "chain_head:" + origin))
    conn.close()
    code, _out, err = lap.run("audit", "verify")
    assert code == 4 and "链头签名无效" in err
