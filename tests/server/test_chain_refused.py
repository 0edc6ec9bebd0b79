"""The district refuses a package whose sender's change log was edited behind the app's back, and shows where.

A laptop enrols with a real server process (SQLite, and PostgreSQL when FIELDAPP_TEST_PG is set) and
syncs; then an insider edits an entry not yet sent with sqlite. The next ``fieldapp sync now`` is refused
with reason ``chain``, nothing of the package is applied, the refusal is recorded, and the admin page
names the device and the entry where the chain broke.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

import httpx

from tests.server.conftest import Laptop, ServerProcess
from tests.server.util import add_household, count


def test_a_forged_entry_is_refused_by_the_server_and_shown_on_the_admin_page(
        server: ServerProcess, laptop: Callable[[str], Laptop]) -> None:
    a = laptop("a")
    east, _west = a.setup()
    with a.ctx() as c:
        add_household(c, east, "李大山")
    a.ok("enrol", server.url, server.code("王伟", [east]), "--name", "王伟的笔记本")
    assert "同步完成" in a.ok("sync", "now")
    with a.ctx() as c:
        assert c.identity is not None
        device = c.identity.device_id
        add_household(c, east, "张小河")
    con = sqlite3.connect(a.home / "register.sqlite3", isolation_level=None)
    seq = con.execute("SELECT origin_seq FROM change_log WHERE origin = ? AND tbl = 'member' "
                      "ORDER BY origin_seq DESC LIMIT 1", (device,)).fetchone()[0]
    con.execute("UPDATE change_log SET user_name = '李秀红' WHERE origin = ? AND origin_seq = ?", (device, seq))
    con.close()
    before = count(server.home, server.db_url, "SELECT count(*) FROM household")
    code, out, err = a.run("sync", "now")
    assert code != 0, out
    assert "记录链断裂" in out + err and f"第 {seq} 条" in out + err
    assert count(server.home, server.db_url, "SELECT count(*) FROM household") == before  # nothing applied
    _status, audit, _ = server.admin("audit", "--json", "--limit", "5")
    refused = next(r for r in json.loads(audit) if r["reason"] == "chain")
    assert refused["device_id"] == device and refused["detail"]["origin_seq"] == seq
    assert refused["detail"]["kind"] == "content"
    page = httpx.get(server.url + "/admin").text
    assert "记录链断裂" in page and "王伟的笔记本" in page and f"<td>{seq}</td>" in page
    breaks = httpx.get(server.url + "/admin/api/chain").json()
    assert breaks[0]["origin_seq"] == seq and breaks[0]["device_id"] == device
    # the laptop's own check agrees
    code, _out, err = a.run("audit", "verify")
    assert code == 4 and f"第 {seq} 条：记录内容与其哈希不符" in err


def test_a_chain_rewritten_after_the_server_holds_it_is_refused(
        server: ServerProcess, laptop: Callable[[str], Laptop]) -> None:
    from fieldapp.domain import audit as audit_domain

    a = laptop("a")
    east, _west = a.setup()
    with a.ctx() as c:
        add_household(c, east, "李大山")
    a.ok("enrol", server.url, server.code("王伟", [east]), "--name", "王伟的笔记本")
    assert "同步完成" in a.ok("sync", "now")
    with a.ctx() as c:
        assert c.identity is not None
        device = c.identity.device_id
    con = sqlite3.connect(a.home / "register.sqlite3", isolation_level=None)
    con.execute("UPDATE change_log SET user_name = '李秀红' WHERE origin = ? AND origin_seq = 3", (device,))
    previous = audit_domain.GENESIS  # every hash rewritten consistently; the device key is not at hand
    rows = con.execute("SELECT origin, origin_seq, hlc, tbl, row_id, household_id, op, fields, prev, user_id, "
                       "user_name, seq FROM change_log WHERE origin = ? ORDER BY origin_seq", (device,)).fetchall()
    for row in rows:
        digest = audit_domain.entry_hash(tuple(row[:11]), previous)
        con.execute("UPDATE change_log SET chain_prev = ?, chain_hash = ? WHERE seq = ?", (previous, digest, row[11]))
        previous = digest
    con.close()
    with a.ctx() as c:
        add_household(c, east, "张小河")  # a new entry linked to the rewritten chain
    code, out, err = a.run("sync", "now")
    assert code != 0 and "记录链断裂" in out + err
    breaks = httpx.get(server.url + "/admin/api/chain").json()
    assert breaks and breaks[0]["device_id"] == device and breaks[0]["kind"] in ("link", "head", "unsigned")
