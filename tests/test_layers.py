"""The layers of ARCHITECTURE.md hold: only fieldapp.gui touches Qt, the domain touches no SQL."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "fieldapp"
QT = ("PySide6", "shiboken6")

# What each layer may import from fieldapp (ARCHITECTURE.md, "Layers"). fieldapp.resources, .paths, .settings,
# .logsetup and the package's own __version__ are shared plumbing: inner layers take only what they need.
_SHARED = ("fieldapp.resources", "fieldapp.paths", "fieldapp.settings", "fieldapp.logsetup", "fieldapp.__version__")
LAYER_IMPORTS = {
    "domain": ("fieldapp.domain", "fieldapp.resources"),
    "store": ("fieldapp.domain", "fieldapp.store", "fieldapp.resources"),
    # sync sits below the services: it takes a replica (store handle) and an identity, never the app context
    "sync": ("fieldapp.domain", "fieldapp.store", "fieldapp.sync", "fieldapp.resources"),
    "services": ("fieldapp.domain", "fieldapp.store", "fieldapp.sync", "fieldapp.services", *_SHARED),
    "server": ("fieldapp.domain", "fieldapp.store", "fieldapp.sync", "fieldapp.services", "fieldapp.server", *_SHARED),
    # the GUI reads and writes through services and sync; from the store it takes only its errors
    "gui": ("fieldapp.domain", "fieldapp.store.db", "fieldapp.sync", "fieldapp.services", "fieldapp.gui", *_SHARED),
    "cli": ("fieldapp.domain", "fieldapp.store", "fieldapp.sync", "fieldapp.services", "fieldapp.cli",
            "fieldapp.selftest", "fieldapp.gui", *_SHARED),
}
DOMAIN_THIRD_PARTY = {"stdnum", "pypinyin", "msgspec"}

_IMPORT_ALL = r"""
import importlib, json, pkgutil, sys
import fieldapp
skip = ("fieldapp.gui", "fieldapp.__main__")  # (pkgutil.walk_packages would import fieldapp.gui to walk it)
names = []
def walk(path, prefix):
    for info in pkgutil.iter_modules(path, prefix):
        if info.name == skip[0] or info.name.startswith(skip[0] + ".") or info.name == skip[1]:
            continue
        module = importlib.import_module(info.name)
        names.append(info.name)
        if info.ispkg:
            walk(module.__path__, info.name + ".")
walk(fieldapp.__path__, "fieldapp.")
print(json.dumps({"imported": names, "modules": sorted(sys.modules)}))
"""


def _python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module name a file imports (absolute; relative imports resolved), with line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            found += [(node.lineno, f"{name}.{a.name}") for a in node.names if name == "fieldapp"]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute):
            func = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            if func in {"__import__", "import_module"} and node.args and isinstance(node.args[0], ast.Constant):
                found.append((node.lineno, str(node.args[0].value)))
    return found


def _top(name: str) -> str:
    return name.split(".", maxsplit=1)[0]


def test_importing_everything_but_the_gui_loads_no_qt() -> None:
    result = subprocess.run([sys.executable, "-c", _IMPORT_ALL], capture_output=True, text=True, cwd=ROOT,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    imported = report["imported"]
    for expected in ("fieldapp.domain.refdata", "fieldapp.store.writer", "fieldapp.services.register",
                     "fieldapp.services.setup", "fieldapp.cli.main", "fieldapp.settings"):
        assert expected in imported
    assert not [name for name in imported if name.startswith("fieldapp.gui")]
    loaded_qt = [m for m in report["modules"] if _top(m) in QT]
    assert loaded_qt == [], f"non-GUI modules pulled in Qt: {loaded_qt[:5]}"


def test_no_qt_import_outside_the_gui_package() -> None:
    offenders = []
    for path in _python_files(PACKAGE):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("fieldapp/gui/"):
            continue
        offenders += [f"{rel}:{line}: {name}" for line, name in _imports(path) if _top(name) in QT]
    assert offenders == []


def test_the_scan_sees_qt_imports_in_the_gui() -> None:
    gui = [name for path in _python_files(PACKAGE / "gui") for _, name in _imports(path)]
    assert any(_top(name) == "PySide6" for name in gui)


def test_the_domain_imports_no_sql_and_only_its_allowed_libraries() -> None:
    allowed = set(sys.stdlib_module_names) | DOMAIN_THIRD_PARTY | {"fieldapp"}
    offenders = []
    for path in _python_files(PACKAGE / "domain"):
        rel = path.relative_to(ROOT).as_posix()
        for line, name in _imports(path):
            if _top(name) in {"sqlalchemy", "alembic"} or _top(name) not in allowed:
                offenders.append(f"{rel}:{line}: {name}")
    assert offenders == []


def test_importing_the_domain_loads_no_sql_and_no_qt() -> None:
    code = ("import importlib, pkgutil, sys, fieldapp.domain as d\n"
            "[importlib.import_module(m.name) for m in pkgutil.iter_modules(d.__path__, 'fieldapp.domain.')]\n"
            "print(sorted({m.split('.')[0] for m in sys.modules}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60,
                            check=False)
    assert result.returncode == 0, result.stderr
    tops = set(ast.literal_eval(result.stdout.strip()))
    assert not tops & {"sqlalchemy", "alembic", *QT}


def _layer_offenders(layer: str) -> list[str]:
    offenders = []
    for path in _python_files(PACKAGE / layer):
        rel = path.relative_to(ROOT).as_posix()
        for line, name in _imports(path):
            if name.startswith("fieldapp.") and not any(name == a or name.startswith(a + ".")
                                                        for a in LAYER_IMPORTS[layer]):
                offenders.append(f"{rel}:{line}: {name}")
    return offenders


def test_every_package_has_its_rule() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert packages == set(LAYER_IMPORTS)


@pytest.mark.parametrize("layer", sorted(LAYER_IMPORTS))
def test_each_layer_imports_only_what_it_may(layer: str) -> None:
    assert _layer_offenders(layer) == []


def test_the_layer_scan_sees_imports() -> None:
    """The scan resolves relative and lazy imports (else the rules above would pass vacuously)."""
    names = {name for path in _python_files(PACKAGE / "cli") for _, name in _imports(path)}
    assert any(name.startswith("fieldapp.gui") for name in names)  # ``fieldapp`` with no command: lazily
    names = {name for path in _python_files(PACKAGE / "services") for _, name in _imports(path)}
    assert any(name.startswith("fieldapp.sync") for name in names)


def _module_level_imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            found.append((node.lineno, node.module or ""))
    return found


def test_the_cli_imports_the_gui_only_when_it_starts_it() -> None:
    """Commands run without Qt installed: the GUI is imported inside the function that opens it."""
    offenders = []
    for path in _python_files(PACKAGE / "cli"):
        rel = path.relative_to(ROOT).as_posix()
        offenders += [f"{rel}:{line}: {name}" for line, name in _module_level_imports(path)
                      if name.startswith("fieldapp.gui")]
    assert offenders == []


def test_sync_and_services_form_no_cycle() -> None:
    """Services may use sync; sync never imports services (nor, therefore, the app context)."""
    assert [o for o in _layer_offenders("sync") if "fieldapp.services" in o] == []
    assert "fieldapp.services" not in LAYER_IMPORTS["sync"]


def test_sync_never_takes_the_app_context() -> None:
    """Sync works on a replica and an identity: no sync function has a ``ctx`` parameter."""
    offenders = []
    for path in _python_files(PACKAGE / "sync"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
                if any(a.arg == "ctx" for a in args):
                    offenders.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}: {node.name}")
    assert offenders == []


def test_the_server_never_imports_a_front_end() -> None:
    offenders = []
    for path in _python_files(PACKAGE / "server"):
        rel = path.relative_to(ROOT).as_posix()
        offenders += [f"{rel}:{line}: {name}" for line, name in _imports(path)
                      if name.startswith(("fieldapp.gui", "fieldapp.cli")) or _top(name) in QT]
    assert offenders == []


SQL_RE = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA)\b", re.IGNORECASE)


def test_the_gui_runs_no_sql() -> None:
    """Queries live in store or services: no GUI module imports SQLAlchemy, a table, or holds SQL text,
    and none opens a database connection itself."""
    offenders = []
    for path in _python_files(PACKAGE / "gui"):
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        offenders += [f"{rel}:{line}: {name}" for line, name in _imports(path)
                      if _top(name) in {"sqlalchemy", "alembic", "sqlite3"}
                      or (name.startswith("fieldapp.store") and name != "fieldapp.store.db"
                          and not name.startswith("fieldapp.store.db."))]
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_RE.match(node.value) \
                    and " FROM " in node.value.upper():
                offenders.append(f"{rel}:{node.lineno}: SQL text")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in {"read", "transaction", "connect", "execute"} \
                    and isinstance(node.func.value, ast.Attribute) and node.func.value.attr in {"db", "engine"}:
                offenders.append(f"{rel}:{node.lineno}: {node.func.value.attr}.{node.func.attr}()")
    assert offenders == []
