"""The ``fieldapp`` program's entry: with no command it starts the desktop app straight away.

The command-line machinery (argparse sub-commands, and through them the register, SQLAlchemy and sync)
takes about a second to import; the login window must not wait for it. So a bare start — no
arguments but ``--db PATH`` and ``--portable`` — goes directly to :func:`fieldapp.gui.first.run`;
anything else is :func:`fieldapp.cli.main.main`, unchanged.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def gui_request(argv: Sequence[str]) -> tuple[str | None, bool] | None:
    """(db, portable) when ``argv`` asks only for the desktop app; None for anything else."""
    db: str | None = None
    portable = False
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--portable":
            portable = True
        elif arg == "--db" and args and not args[0].startswith("-"):
            db = args.pop(0)
        elif arg.startswith("--db=") and len(arg) > len("--db="):
            db = arg[len("--db="):]
        else:
            return None
    return db, portable


def main(argv: Sequence[str] | None = None) -> int:
    request = gui_request(sys.argv[1:] if argv is None else argv)
    if request is None:
        from fieldapp.cli.main import main as cli_main

        return cli_main(argv)
    from fieldapp import paths
    from fieldapp.gui.first import run  # the login window before the rest of the app is imported

    db, portable = request
    return run(paths.resolve(db, portable=portable))
