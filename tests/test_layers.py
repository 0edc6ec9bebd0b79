"""The layers of ARCHITECTURE.md hold: only fieldapp.gui touches Qt, the domain touches no SQL."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "fieldapp"
QT = ("PySide6", "shiboken6")

# What each layer may import from fieldapp (ARCHITECTURE.md, "Layers"); fieldapp.resources is shared plumbing.
LAYER_IMPORTS = {
    "domain": {"fieldapp.domain", "fieldapp.resources"},
    "store": {"fieldapp.domain", "fieldapp.store", "fieldapp.resources"},
}
DOMAIN_THIRD_PARTY = {"stdnum", "pypinyin", "uuid6"}

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


@pytest.mark.parametrize("layer", sorted(LAYER_IMPORTS))
def test_inner_layers_do_not_import_outer_ones(layer: str) -> None:
    offenders = []
    for path in _python_files(PACKAGE / layer):
        rel = path.relative_to(ROOT).as_posix()
        for line, name in _imports(path):
            if name.startswith("fieldapp.") and not name.startswith(tuple(LAYER_IMPORTS[layer])):
                offenders.append(f"{rel}:{line}: {name}")
    assert offenders == []


def test_services_do_not_import_front_ends() -> None:
    offenders = []
    for path in _python_files(PACKAGE / "services"):
        rel = path.relative_to(ROOT).as_posix()
        offenders += [f"{rel}:{line}: {name}" for line, name in _imports(path)
                      if name.startswith(("fieldapp.gui", "fieldapp.cli"))]
    assert offenders == []
