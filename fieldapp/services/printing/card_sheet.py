"""A batch of door cards drawn into one PDF: the sheets, the cut line, and the child process that draws them.

Nothing here reads the register (the cards arrive as :class:`~.card_fields.CardData`), and nothing here imports
SQLAlchemy or the models: :func:`draw_in_child` is what a print job's child process runs
(:mod:`.apart`), and the fewer modules it imports, the sooner it starts drawing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.pdfgen.canvas import Canvas

from fieldapp.services.printing.card_draw import CARD_H, CARD_W, CardLook, Rect, draw_card
from fieldapp.services.printing.card_fields import CardData
from fieldapp.services.printing.common import RULE, Cancelled, Progress, check_cancel
from fieldapp.services.printing.fonts import missing_glyphs, register_fonts

log = logging.getLogger("fieldapp.services.printing")

PAPERS = ("A4-landscape", "A3-landscape", "A4-2up")


@dataclass(frozen=True)
class Slot:
    """Where one card goes on a sheet: lower-left corner and scale of the A4-landscape drawing."""

    x: float
    y: float
    scale: float

    def rect(self, r: Rect) -> Rect:
        """A rectangle in card coordinates, in sheet coordinates."""
        return Rect(self.x + r.x * self.scale, self.y + r.y * self.scale, r.w * self.scale, r.h * self.scale)


class NoPlates(LookupError):
    """None of the households asked for can have a plate (none has a head); nothing was written."""


def unprintable(card: CardData) -> str | None:
    """Why a household gets no plate (it has no head, so the plate would be blank), naming it; else None."""
    if card.head:
        return None
    name = f"户编号 {card.hh_no}" if card.hh_no else f"{card.village_group}未填户编号的一户（公示牌编码 {card.code}）"
    return f"{name}没有户主，未打印公示牌"


def slots(paper: str) -> tuple[tuple[float, float], list[Slot]]:
    """Page size and the card slots of one sheet."""
    if paper == "A3-landscape":
        size = landscape(A3)
        return size, [Slot(0, 0, size[0] / CARD_W)]
    if paper == "A4-2up":
        width, height = A4
        scale = width / CARD_W
        return A4, [Slot(0, height / 2, scale), Slot(0, height / 2 - CARD_H * scale, scale)]
    return landscape(A4), [Slot(0, 0, 1.0)]


def write_cards(cards: Iterable[CardData], total: int, look: CardLook, paper: str, path: Path, *,
                progress: Progress | None = None, cancelled: Cancelled | None = None) -> tuple[int, list[str]]:
    """Draw ``cards`` (``total`` of them) into a PDF at ``path``; returns (cards printed, households skipped).

    No database here: the cards are read first, so this part can run in another process.
    Raises :class:`NoPlates` when no card could be printed."""
    pagesize, sheet = slots(paper)
    canvas = Canvas(str(path), pagesize=pagesize, pageCompression=1, initialFontName=register_fonts())
    canvas.setTitle(look.title)
    canvas.setCreator("FieldApp")
    frames: set[str] = set()
    skipped: list[str] = []
    printed = 0
    for done, card in enumerate(cards, start=1):
        check_cancel(cancelled)
        reason = unprintable(card)
        if reason is not None:
            log.warning("%s", reason)
            skipped.append(reason)
            if progress is not None:
                progress(done, total)
            continue
        printed += 1
        slot = sheet[(printed - 1) % len(sheet)]
        if len(sheet) > 1 and slot is sheet[0]:
            _cut_line(canvas, pagesize)
        canvas.saveState()
        canvas.translate(slot.x, slot.y)
        canvas.scale(slot.scale, slot.scale)
        draw_card(canvas, card, look, frames)
        canvas.restoreState()
        if printed % len(sheet) == 0:
            canvas.showPage()
        if progress is not None:
            progress(done, total)
    check_cancel(cancelled)
    if skipped and not printed:
        raise NoPlates("；".join(skipped))
    if printed % len(sheet) or printed == 0:
        canvas.showPage()  # the last, part-filled sheet; an empty job still gives a valid one-page PDF
    canvas.save()
    return printed, skipped


def _cut_line(canvas: Canvas, pagesize: tuple[float, float]) -> None:
    """A dashed line between the two halves of a 2-up sheet, to cut along."""
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.setDash(4, 4)
    canvas.line(0, pagesize[1] / 2, pagesize[0], pagesize[1] / 2)
    canvas.restoreState()


def draw_in_child(send: Connection, cards: list[CardData], look: CardLook, paper: str, path: str) -> None:
    """A child process's work (:mod:`.apart`): draw, report progress, send the result (or the error), exit."""
    logging.getLogger("fieldapp").addHandler(logging.NullHandler())  # the parent logs what the job did
    found: set[str] = set()
    try:
        with missing_glyphs() as found:
            printed, skipped = write_cards(cards, len(cards), look, paper, Path(path),
                                           progress=lambda done, total: send.send(("progress", done, total)))
        send.send(("done", printed, skipped, sorted(found)))
    except Exception as exc:  # handed to the parent, which raises it in the job
        send.send(("error", _picklable(exc), sorted(found)))
    finally:
        send.close()


def _picklable(exc: Exception) -> Exception:
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
