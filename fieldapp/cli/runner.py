"""Running one sub-command on the logged-in account's context: open it, run, report, close.

A command is ``command(ctx, args) -> exit code``. A :class:`LookupError` (no such household,
cadre, person or draw) ends it with ``错误：…`` and exit code 1; characters a PDF could not print
are reported as a warning (the PDF is written, with “〓” in their place). Other expected errors
(validation, permissions, the store) reach the entry point, which prints them the same way.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

OpenCtx = Callable[[argparse.Namespace], Any]
Command = Callable[[Any, argparse.Namespace], int]


def run(open_ctx: OpenCtx, args: argparse.Namespace, command: Command) -> int:
    from fieldapp.services.printing.fonts import missing_glyphs, missing_message

    ctx = open_ctx(args)
    try:
        with missing_glyphs() as missing:
            code = command(ctx, args)
        if missing:
            print(f"警告：{missing_message(missing)}", file=sys.stderr)
        return code
    except LookupError as exc:
        print(f"错误：{exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 1
    finally:
        ctx.close()
