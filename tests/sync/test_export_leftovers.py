"""An export killed while writing leaves only a hidden ``.tmp`` that no import takes for a package,
and the next export to the same peer removes it (and an older version's ``*.fapk.part``)."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from fieldapp.domain.ids import short_id
from fieldapp.sync import service
from tests.sync.conftest import Node
from tests.sync.test_faults import ROOT, _edits

CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from fieldapp.services import identity
    from fieldapp.store.db import Database
    from fieldapp.sync import service

    folder, peer, stick = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    rep = service.Replica(Database.open(folder / "register.sqlite3"), identity.load(folder / "device"), None)
    def killed(fd):  # the package's bytes are written, not yet renamed: the moment a stick is pulled
        os.kill(os.getpid(), signal.SIGKILL)
    os.fsync = killed
    service.export_to(rep, peer, stick)
""")


def test_a_killed_export_leaves_no_package_and_the_next_export_cleans_up(
        nodes: Callable[[int], list[Node]], tmp_path: Path) -> None:
    a, b = nodes(2)
    _edits(a, 20)
    stick = tmp_path / "stick"
    stick.mkdir()
    done = subprocess.run([sys.executable, "-c", CHILD, str(a.db.path.parent), b.device_id, str(stick)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr
    (left,) = stick.iterdir()
    assert left.name.startswith(".fieldapp-") and left.name.endswith(".tmp") and ".fapk" not in left.name
    assert service.addressed_to_me(b.rep, stick) == []  # nobody takes it for a package
    pair = f"fieldapp-{short_id(a.device_id)}-to-{short_id(b.device_id)}-"
    legacy = stick / f"{pair}20260101T000000Z-0badf00d.fapk.part"  # what earlier versions left
    legacy.write_bytes(b"half a package")
    other = stick / ".fieldapp-11111111-to-22222222-20260101T000000Z-0badf00d.tmp"  # another export, under way
    other.write_bytes(b"someone else's")
    written = service.export_to(a.rep, b.device_id, stick)
    assert sorted(p.name for p in stick.iterdir()) == sorted([written.name, other.name])
    assert service.import_file(b.rep, written).stats.applied == 20
