"""A sign-off's key travels to a real district server by sync, and ``fieldapp-server verify CODE`` (and the
admin page) check the code against the server's copy: valid, changed since signed, or forged."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from fieldapp import paths
from fieldapp.server.storage import open_server_db
from fieldapp.store import guard
from tests.helpers.people import add_account, cli_user, logged_in
from tests.server.conftest import Laptop, ServerProcess
from tests.server.util import add_household, edit_household

pytest_plugins = ["tests.server.conftest"]


def _code(out: str) -> str:
    line = next(x for x in out.splitlines() if x.startswith("验证码 "))
    return line.split()[1].split("（")[0]


def test_verify_a_code_on_the_server(server: ServerProcess, laptop: Callable[[str], Laptop],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    lap = laptop("a")
    east, west = lap.setup()
    with lap.ctx() as c:
        hid = add_household(c, east, "钱大有", phone="13700000001")
        add_account(c, "李队长", ["leader"], cadre_id=c.settings["cadre_id"])
    cli_user(monkeypatch, "李队长")
    lap.ok("enrol", server.url, server.code("王伟", [east, west], "--role", "leader"))
    assert "同步完成" in lap.ok("sync", "now")
    out = lap.ok("sign", "household", hid)
    assert "李队长" in out and "队长/第一书记" in out
    code = _code(out)
    assert "同步完成" in lap.ok("sync", "now")

    db = open_server_db(server.db_url, server.home)
    try:
        person = db.scalar("SELECT id FROM person WHERE name = '李队长'")
        assert person is not None
        assert db.scalar("SELECT count(*) FROM signing_key WHERE person_id = :p", p=person) == 1
        assert db.scalar("SELECT count(*) FROM signoff WHERE code = :c", c=code) == 1
    finally:
        db.close()

    status, out, err = server.admin("verify", code.lower().replace("-", " "))
    assert status == 0, err
    assert "签名有效，内容与区县当前数据一致" in out and "李队长（队长/第一书记）" in out and "钱大有" in out
    page = httpx.get(server.url + "/admin/verify", params={"code": code}).text
    assert "签名有效，内容与区县当前数据一致" in page and "李队长" in page

    ctx = logged_in(paths.DataPaths(lap.home), "李队长")
    try:
        edit_household(ctx, hid, phone="13700000002")
    finally:
        ctx.close()
    assert "同步完成" in lap.ok("sync", "now")
    status, out, _ = server.admin("verify", code)
    assert status == 3 and "签名有效，但签字后数据已修改" in out
    assert "联系电话：13700000001 → 13700000002" in out

    db = open_server_db(server.db_url, server.home)
    try:  # an insider at the district moves the sign-off to another role behind the app's back
        with guard.raw_writes_allowed(), db.transaction() as conn:
            conn.exec_driver_sql("UPDATE signoff SET role = 'district' WHERE code = ?", (code,))
    finally:
        db.close()
    status, out, _ = server.admin("verify", code)
    assert status == 1 and "签名无效" in out
    assert "签名无效" in httpx.get(server.url + "/admin/verify", params={"code": code}).text
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    status, _out, err = server.admin("verify", wrong)
    assert status == 1 and "校验位" in err
