"""The write-path guard: synced tables are written through the change writer only.

At run time an engine hook refuses raw writes; at review time a scan of the source tree
fails when code outside the writer (and migrations) builds a write to a synced table.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, text, update

from fieldapp.store import guard
from fieldapp.store.db import Database
from fieldapp.store.guard import WritePathViolation
from fieldapp.store.models import SYNCED_MODELS, SYNCED_TABLES, Household, Measure, Member
from fieldapp.store.writer import ChangeWriter
from tests.store.util import count, row

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "fieldapp"


@pytest.fixture
def filled(writer: ChangeWriter, household: str) -> dict[str, str]:
    with writer.transaction() as txn:
        mid = txn.insert(Member, {"household_id": household, "name": "张三", "relation": "01"})
        meid = txn.insert(Measure, {"household_id": household, "type": "industry", "content": "养牛"})
    return {"household": household, "member": mid, "measure": meid}


def _snapshot(db: Database) -> tuple[int, ...]:
    return tuple(count(db, t) for t in ("household", "member", "measure", "change_log", "household_list"))


@pytest.mark.parametrize("sql", [
    "UPDATE member SET name = '李四'",
    "update member set name = '李四'",
    "INSERT INTO household (id, village_id, row_hlc, row_device) VALUES ('h2', 'v', 1, 'd')",
    "INSERT OR REPLACE INTO household (id, village_id, row_hlc, row_device) VALUES ('h2', 'v', 1, 'd')",
    "REPLACE INTO household (id, village_id, row_hlc, row_device) VALUES ('h2', 'v', 1, 'd')",
    "DELETE FROM measure",
    'DELETE FROM "measure"',
    "UPDATE main.member SET name = '李四'",
    'UPDATE "main"."member" SET name = \'李四\'',
    "/* sneaky */ UPDATE member SET name = '李四'",
    "-- comment\nDELETE FROM measure",
    "WITH x AS (SELECT 1) UPDATE member SET name = '李四'",
    "UPDATE OR IGNORE member SET name = '李四'",
])
def test_raw_writes_are_refused_and_change_nothing(db: Database, filled: dict[str, str], sql: str) -> None:
    before = _snapshot(db)
    with pytest.raises(WritePathViolation, match="outside the change writer"), db.transaction() as conn:
        conn.execute(text(sql))
    with pytest.raises(WritePathViolation), db.transaction() as conn:
        conn.exec_driver_sql(sql)
    assert _snapshot(db) == before
    assert row(db, "member", filled["member"])["name"] == "张三"


def test_core_statements_are_refused_too(db: Database, filled: dict[str, str]) -> None:
    before = _snapshot(db)
    for stmt in (update(Member).values(name="李四"), Member.__table__.update().values(name="李四"),
                 insert(Household).values(id="x", village_id="v", row_hlc=1, row_device="d"),
                 delete(Measure), Measure.__table__.delete()):
        with pytest.raises(WritePathViolation), db.transaction() as conn:
            conn.execute(stmt)
    assert _snapshot(db) == before


def test_every_synced_table_is_guarded(db: Database) -> None:
    assert {m.__tablename__ for m in SYNCED_MODELS} == SYNCED_TABLES  # type: ignore[attr-defined]
    for table in sorted(SYNCED_TABLES):
        with pytest.raises(WritePathViolation, match=table), db.transaction() as conn:
            conn.exec_driver_sql(f"DELETE FROM {table}")


def test_local_tables_and_reads_are_allowed(db: Database, filled: dict[str, str]) -> None:
    with db.transaction() as conn:
        conn.exec_driver_sql("INSERT INTO local_state (key, value) VALUES ('k', 'v')")
        conn.exec_driver_sql("UPDATE local_state SET value = 'w' WHERE key = 'k'")
        assert conn.exec_driver_sql("SELECT count(*) FROM member WHERE name = 'update member'").scalar() == 0
    assert db.scalar("SELECT value FROM local_state WHERE key = 'k'") == "w"


def test_writes_inside_the_write_path_are_allowed(db: Database, filled: dict[str, str]) -> None:
    with db.transaction() as conn, guard.write_path():
        conn.exec_driver_sql("UPDATE member SET name = name WHERE id = ?", (filled["member"],))
    with pytest.raises(WritePathViolation), db.transaction() as conn:  # the permission ends with the block
        conn.exec_driver_sql("UPDATE member SET name = name")


# ------------------------------------------------------------------ source scan

_SQL_WRITE = re.compile(
    r"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"
    r"(?:[\"`\[]?\w+[\"`\]]?\s*\.\s*)?[\"`\[]?(\w+)", re.IGNORECASE)
_BUILDERS = {"insert", "update", "delete"}
_CHAINED = {"where", "values", "returning", "on_conflict_do_update", "on_conflict_do_nothing", "prefix_with",
            "ordered_values", "from_select", "filter_by"}
_LOCAL = ("ChangeLog", "HouseholdListRow", "LocalState", "change_log", "household_list", "local_state",
          "_CHANGE_LOG")
_SYNCED_NAMES = {m.__name__ for m in SYNCED_MODELS}
# Files allowed to write synced tables directly, and places allowed to write local tables.
# removal.py deletes rows locally without a change (scope exits, purged tombstones): nothing to sync.
WRITER_FILES = ("fieldapp/store/writer.py", "fieldapp/store/removal.py")
WRITER_DIRS = ("fieldapp/store/migrations/",)
ALLOWED_RECEIVERS = {"fieldapp/store/derived.py": {"_L"}}  # _L is household_list


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def scan_source(source: str, rel: str) -> list[str]:
    """Bypasses of the write path in one file: SQL text writing a synced table, or SQLAlchemy write builders."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    sa_builders = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            sa_builders |= {a.asname or a.name for a in node.names if a.name in _BUILDERS}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            for m in _SQL_WRITE.finditer(node.value):
                if m.group(1).lower() in SYNCED_TABLES:
                    found.append(f"{rel}:{node.lineno}: SQL write to {m.group(1)}")
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        # insert(Model) / sa.update(table) / sqlalchemy.delete(...)
        is_function = (isinstance(func, ast.Name) and func.id in sa_builders) or (
            isinstance(func, ast.Attribute) and func.attr in _BUILDERS and isinstance(func.value, ast.Name)
            and func.value.id in {"sa", "sqlalchemy"})
        if is_function and node.args:
            target = ast.unparse(node.args[0])
            if not any(name in target for name in _LOCAL):
                found.append(f"{rel}:{node.lineno}: {ast.unparse(node)[:60]}")
            continue
        # table.insert() / Model.__table__.update() – zero-argument builders on a table
        if isinstance(func, ast.Attribute) and func.attr in _BUILDERS and not node.args and not node.keywords:
            receiver = ast.unparse(func.value)
            parent = parents.get(id(node))
            chained = isinstance(parent, ast.Attribute) and parent.attr in _CHAINED
            executed = isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and \
                parent.func.attr in {"execute", "executemany"}
            tableish = "__table__" in receiver or any(n in receiver.split(".") for n in _SYNCED_NAMES)
            if not (chained or executed or tableish):
                continue  # e.g. QWidget.update()
            if any(name in receiver for name in _LOCAL) or receiver in ALLOWED_RECEIVERS.get(rel, set()):
                continue
            found.append(f"{rel}:{node.lineno}: {receiver}.{func.attr}()")
    return found


def test_scanner_finds_bypasses_and_ignores_harmless_calls() -> None:
    bad = '''
from sqlalchemy import update as upd, insert, text
import sqlalchemy as sa
def f(conn, t):
    conn.execute(text("UPDATE member SET name = 'x'"))
    conn.exec_driver_sql("delete from main.measure")
    conn.execute(Member.__table__.update().values(name="x"))
    conn.execute(t.delete().where(t.c.id == 1))
    conn.execute(t.insert(), [{}])
    conn.execute(upd(Household).values(x=1))
    conn.execute(insert(Area))
    conn.execute(sa.delete(Measure))
    Household.__table__.insert()
'''
    assert len(scan_source(bad, "x.py")) == 9
    harmless = '''
"""Docstring: UPDATE member SET name is what the writer does."""
from sqlalchemy import insert
def f(conn, widget, d, txn):
    widget.update()
    d.update({"a": 1})
    txn.update(Member, "id", {"name": "x"})
    txn.insert(Household, {})
    txn.delete(Measure, "id")
    conn.execute(insert(ChangeLog))
    conn.execute(LocalState.__table__.update().values(value="x"))
    conn.exec_driver_sql("UPDATE local_state SET value = 1")
    conn.exec_driver_sql("SELECT * FROM member")
'''
    assert scan_source(harmless, "x.py") == []
    assert scan_source("def f(conn):\n    conn.execute(_L.insert(), [])\n", "fieldapp/store/derived.py") == []
    assert scan_source("def f(conn):\n    conn.execute(_L.insert(), [])\n", "fieldapp/gui/x.py") != []


def test_no_write_path_bypass_in_the_source_tree() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    problems = []
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        if rel in WRITER_FILES or rel.startswith(WRITER_DIRS):
            continue
        problems += scan_source(path.read_text(encoding="utf-8"), rel)
    assert problems == [], "writes to synced tables outside fieldapp/store/writer.py:\n" + "\n".join(problems)


def test_the_writer_itself_is_seen_by_the_scan() -> None:
    """Guards the scanner against silently matching nothing: the writer does build table writes."""
    source = (PACKAGE / "store" / "writer.py").read_text(encoding="utf-8")
    assert len(scan_source(source, "elsewhere.py")) >= 3
