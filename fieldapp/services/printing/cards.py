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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldapp.services.context import AppContext
from fieldapp.services.printing.card_data import household_ids, load_cards
from fieldapp.services.printing.card_draw import CardLook
from fieldapp.services.printing.card_fields import PLATE_FIELDS
from fieldapp.services.printing.card_sheet import PAPERS, NoPlates, Slot, slots, unprintable, write_cards
from fieldapp.services.printing.common import Cancelled, Progress, atomic_output
from fieldapp.services.printing.layout import parse_colour
from fieldapp.settings import REGISTRY, Settings

log = logging.getLogger("fieldapp.services.printing")

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
class CardResult:
    path: Path
    cards: int
    pages: int
    skipped: tuple[str, ...] = ()  # households without a head (no plate to print), named for the user


def plate_paper(settings: Settings) -> str:
    paper = settings["plate_paper"]
    if paper not in PAPERS:
        log.warning("unknown plate_paper %r; using %s", paper, PAPERS[0])
        return PAPERS[0]
    return str(paper)


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
