"""The bulk decision of plain updates (:mod:`fieldapp.store.lww`) on a real register: only a live row whose
stored rank is the one the change replaced, with one head per field, is taken; anything else is left to the
merge's careful path, and the write sets the value and the field's clock."""

from __future__ import annotations

import json

from fieldapp.store import guard, lww
from fieldapp.store.db import Database
from fieldapp.store.models import Household
from fieldapp.store.writer import ChangeWriter


def _households(writer: ChangeWriter, village: str, n: int) -> list[str]:
    with writer.transaction() as txn:
        return [txn.insert(Household, {"village_id": village, "hh_no": f"H-{i}"}) for i in range(n)]


def _stamp(db: Database, hid: str) -> tuple[int, str, dict[str, list[object]]]:
    with db.read() as conn:
        hlc, device, clocks = conn.exec_driver_sql(
            "SELECT row_hlc, row_device, field_clocks FROM household WHERE id = ?", (hid,)).one()
    return int(hlc), str(device), json.loads(clocks or "{}")


def _set(db: Database, hid: str, sql: str, *params: object) -> None:
    with db.transaction() as conn, guard.write_path():
        conn.exec_driver_sql(f"UPDATE household SET {sql} WHERE id = ?", (*params, hid))


def test_only_rows_at_the_replaced_rank_with_one_head_are_plain(db: Database, writer: ChangeWriter,
                                                                 village: str) -> None:
    plain, clocked, spaced, text, heads, gone, other = _households(writer, village, 7)
    hlc, device, _ = _stamp(db, plain)
    _set(db, clocked, "field_clocks = ?", json.dumps({"phone": [hlc + 5, "dev-b"]}, separators=(",", ":")))
    _set(db, spaced, "field_clocks = ?", f'{{"phone": [{hlc + 5}, "dev-b"]}}')  # the same rank, spaced
    _set(db, text, "field_clocks = ?", f'{{"phone": ["{hlc + 5}", "dev-b"]}}')  # its clock as a text
    _set(db, heads, "field_clocks = ?", json.dumps({"~h": {"note": []}}))
    _set(db, gone, "deleted = ?", True)
    changes = [(plain, [[hlc, device]]), (clocked, [[hlc + 5, "dev-b"]]), (spaced, [[hlc + 5, "dev-b"]]),
               (text, [[hlc + 5, "dev-b"]]), (heads, [[hlc, device]]), (gone, [[hlc, device]]),
               (other, [[hlc - 1, device]]), ("no-such-row", [[hlc, device]])]
    with db.read() as conn:
        found = lww.plain(conn, "household", ("phone",), changes)
    # the row's own stamp and a field clock are met however the clock's JSON is spaced; a clock in another
    # form (its hlc a text) is only sent to the careful path, never taken as the rank replaced
    assert found == {0, 1, 2}

    with db.transaction() as conn:
        lww.write(conn, "household", ("phone", "sanitary_toilet"),
                  [("139", True, hlc + 7, "dev-c", hlc + 8, "dev-c", plain)])
    _hlc, _device, clocks = _stamp(db, plain)
    assert clocks == {"phone": [hlc + 7, "dev-c"], "sanitary_toilet": [hlc + 8, "dev-c"]}
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT phone, sanitary_toilet FROM household WHERE id = ?",
                                    (plain,)).one() == ("139", 1)
