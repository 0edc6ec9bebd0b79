"""Door-plate information cards (信息公示牌) in one PDF: the batch job behind ``fieldapp print cards``.

One unified layout per district, from the settings: paper (``plate_paper``: A4
landscape, A3 landscape, or two A5 cards on an A4 sheet), title (``plate_title``),
fields shown (``plate_fields``; empty = all) and a colour for each kind
(``plate_colour_safety_net``, ``plate_colour_development``).

:func:`render_cards` reports progress, can be cancelled between cards (the GUI runs it
off its thread) and writes through a temporary file: a cancelled or failed job leaves
nothing behind, and an existing file of the same name stays as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.pdfgen.canvas import Canvas

from fieldapp.services.context import AppContext
from fieldapp.services.printing.card_data import PLATE_FIELDS, CardData, household_ids, load_cards
from fieldapp.services.printing.card_draw import CARD_H, CARD_W, CardLook, Rect, draw_card
from fieldapp.services.printing.common import RULE, Cancelled, Progress, atomic_output, check_cancel
from fieldapp.services.printing.fonts import register_fonts
from fieldapp.services.printing.layout import parse_colour
from fieldapp.settings import REGISTRY, Settings

log = logging.getLogger("fieldapp.services.printing")

PAPERS = ("A4-landscape", "A3-landscape", "A4-2up")
KIND_SETTINGS = {"safety_net": "plate_colour_safety_net", "development": "plate_colour_development"}

__all__ = [
    "PAPERS",
    "CardResult",
    "NoPlates",
    "Slot",
    "card_look",
    "card_result",
    "chosen_paper",
    "household_ids",
    "plate_paper",
    "render_cards",
    "slots",
    "unprintable",
    "write_cards",
]


@dataclass(frozen=True)
class Slot:
    """Where one card goes on a sheet: lower-left corner and scale of the A4-landscape drawing."""

    x: float
    y: float
    scale: float

    def rect(self, r: Rect) -> Rect:
        """A rectangle in card coordinates, in sheet coordinates."""
        return Rect(self.x + r.x * self.scale, self.y + r.y * self.scale, r.w * self.scale, r.h * self.scale)


@dataclass(frozen=True)
class CardResult:
    path: Path
    cards: int
    pages: int
    skipped: tuple[str, ...] = ()  # households without a head (no plate to print), named for the user


class NoPlates(LookupError):
    """None of the households asked for can have a plate (none has a head); nothing was written."""


def unprintable(card: CardData) -> str | None:
    """Why a household gets no plate (it has no head, so the plate would be blank), naming it; else None."""
    if card.head:
        return None
    name = f"户编号 {card.hh_no}" if card.hh_no else f"{card.village_group}未填户编号的一户（公示牌编码 {card.code}）"
    return f"{name}没有户主，未打印公示牌"


def plate_paper(settings: Settings) -> str:
    paper = settings["plate_paper"]
    if paper not in PAPERS:
        log.warning("unknown plate_paper %r; using %s", paper, PAPERS[0])
        return PAPERS[0]
    return str(paper)


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


def card_look(ctx: AppContext, today: dt.date | None = None) -> CardLook:
    """The district's card settings, with defaults for anything missing or malformed."""
    settings = ctx.settings
    wanted = [f for f in settings["plate_fields"] if isinstance(f, str)]
    unknown = [f for f in wanted if f not in PLATE_FIELDS]
    if unknown:
        log.warning("unknown plate_fields %s ignored", unknown)
    fields = tuple(f for f in PLATE_FIELDS if f in wanted) or tuple(PLATE_FIELDS)
    colours = {kind: parse_colour(settings[key], str(REGISTRY[key].default)) for kind, key in KIND_SETTINGS.items()}
    if colours["safety_net"] == colours["development"]:
        log.warning("both door-plate colours are the same; the hatching and the label still tell the kinds apart")
    title = (settings["plate_title"] or "").strip() or str(REGISTRY["plate_title"].default)
    day = today or dt.date.today()
    place = " ".join(p for p in (settings["district_name"], settings["town_name"]) if p)
    return CardLook(title=title, fields=fields, colours=colours, footer=place,
                    date_text=f"信息更新：{day.year}年{day.month}月")


def render_cards(ctx: AppContext, ids: Sequence[str], out_path: Path | str, *, progress: Progress | None = None,
                 cancelled: Cancelled | None = None, paper: str | None = None,
                 look: CardLook | None = None) -> CardResult:
    """Cards of ``ids`` (in that order) into one PDF at ``out_path``.

    ``progress(done, total)`` is called after each card; ``cancelled()`` is polled before
    each card and, when true, ends the job with :class:`PrintCancelled` and no file.
    Raises LookupError (and writes nothing) if a household does not exist. A household
    without a head is left out (its plate would be blank) and named in ``skipped``.
    (:func:`fieldapp.services.printing.apart.render_cards_apart` draws them in a child process.)
    """
    paper = chosen_paper(ctx, paper)
    look = look or card_look(ctx)
    target = Path(out_path)
    with atomic_output(target) as tmp:
        printed, skipped = write_cards(load_cards(ctx, ids), len(ids), look, paper, tmp, progress=progress,
                                       cancelled=cancelled)
    return card_result(target, printed, paper, skipped)


def chosen_paper(ctx: AppContext, paper: str | None) -> str:
    """``paper``, else the district's; ValueError for a paper there is no layout for."""
    paper = paper or plate_paper(ctx.settings)
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}")
    return paper


def card_result(target: Path, printed: int, paper: str, skipped: Sequence[str]) -> CardResult:
    pages = max(1, math.ceil(printed / len(slots(paper)[1])))
    log.info("%d cards (%s) written to %s, %d households skipped", printed, paper, target, len(skipped))
    return CardResult(target, printed, pages, tuple(skipped))


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


