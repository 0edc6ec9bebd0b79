"""Door cards drawn in a child process, so the app's memory returns to what it was once the batch is done.

Drawing a batch costs the process that does it tens of megabytes it never gives back: reportlab parses the
CJK font into Python objects it keeps for the rest of the session (its font registry), and the drawing and
QR objects of a thousand cards are freed into a heap the C library keeps (on the worker thread's arena too;
``malloc_trim`` returns only part of it). The desktop app stays open all day on a 4 GB laptop, so its print
jobs read the cards here (the register is open here, and the read is small), then a fresh interpreter
(``multiprocessing``'s *spawn*, the same on Linux and Windows) draws them into the PDF and exits, taking that
memory with it. The command line prints in its own process and exits anyway: it uses
:func:`~fieldapp.services.printing.cards.render_cards` directly.

Progress and the characters printed as the mark come back over a pipe; cancelling kills the child, and
the half-written file is removed (the output is written through a temporary name, as in-process).
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Sequence
from pathlib import Path

from fieldapp.services.context import AppContext
from fieldapp.services.printing.card_data import load_cards
from fieldapp.services.printing.card_draw import CardLook
from fieldapp.services.printing.card_fields import CardData
from fieldapp.services.printing.card_sheet import draw_in_child
from fieldapp.services.printing.cards import CardResult, card_look, card_result, chosen_paper
from fieldapp.services.printing.common import Cancelled, PrintCancelled, Progress, atomic_output, check_cancel
from fieldapp.services.printing.fonts import note_missing

log = logging.getLogger("fieldapp.services.printing")

#: how often the waiting side looks at the cancel flag (seconds)
POLL = 0.05


def render_cards_apart(ctx: AppContext, ids: Sequence[str], out_path: Path | str, *,
                       progress: Progress | None = None, cancelled: Cancelled | None = None,
                       paper: str | None = None) -> CardResult:
    """As :func:`~fieldapp.services.printing.cards.render_cards`, the drawing done by a child process.

    Raises LookupError (nothing written) for a household that does not exist, :class:`PrintCancelled` when
    ``cancelled()`` turns true, and re-raises what the child raised (e.g. ``NoPlates``)."""
    paper = chosen_paper(ctx, paper)
    look = card_look(ctx)
    cards: list[CardData] = []
    for card in load_cards(ctx, ids):
        check_cancel(cancelled)
        cards.append(card)
    target = Path(out_path)
    with atomic_output(target) as tmp:
        printed, skipped = _draw_in_child(cards, look, paper, tmp, progress=progress, cancelled=cancelled)
    for reason in skipped:
        log.warning("%s", reason)
    return card_result(target, printed, paper, skipped)


def _draw_in_child(cards: list[CardData], look: CardLook, paper: str, path: Path, *, progress: Progress | None,
                   cancelled: Cancelled | None) -> tuple[int, list[str]]:
    spawn = multiprocessing.get_context("spawn")
    receive, send = spawn.Pipe(duplex=False)
    child = spawn.Process(target=draw_in_child, args=(send, cards, look, paper, str(path)), name="fieldapp-print",
                          daemon=True)
    child.start()
    send.close()  # the child holds its end: EOF here once it has gone
    try:
        while True:
            if cancelled is not None and cancelled():
                child.kill()
                raise PrintCancelled("已取消")
            if not receive.poll(POLL):
                continue
            try:
                message = receive.recv()
            except EOFError:
                child.join()
                raise RuntimeError(f"the print process ended without a result (exit code {child.exitcode})") from None
            kind = message[0]
            if kind == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif kind == "done":
                note_missing(message[3])
                return int(message[1]), list(message[2])
            else:
                note_missing(message[2])
                raise message[1]
    finally:
        if child.is_alive() and child.exitcode is None:
            child.join(5)
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()


__all__ = ["render_cards_apart"]
