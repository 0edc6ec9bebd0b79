"""Door-plate cards: 1,000 cards vs a bare reportlab script drawing the same text and QR codes.

The baseline gets the cards' strings ready-made (no database, no wrapping, no band or
hatching) and draws them with ``drawString`` in the same bundled font, plus the same
QR codes (segno → vector rectangles). Ours is :func:`render_cards` end to end: reading
the register, laying out, drawing, writing atomically. Prints the ratio (limit 1.5×),
the PDF size for 1,000 cards (limit 2 MB: the font subset is embedded once) and the
time at 250/500/1,000 cards (linear growth). No asserts: figures only.

    python -m bench.bench_cards [--households 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from bench.common import best_and_median, demo_home, report
from fieldapp import paths
from fieldapp.services.context import AppContext, open_context
from fieldapp.services.printing import card_data
from fieldapp.services.printing.cards import card_look, household_ids, render_cards
from fieldapp.services.printing.fonts import register_fonts
from fieldapp.services.printing.layout import draw_qr

LIMIT_RATIO = 1.5
LIMIT_BYTES = 2 * 1024 * 1024


def card_strings(ctx: AppContext, ids: list[str]) -> list[tuple[list[str], str]]:
    """Every text line each card shows, and its QR payload (prepared outside the timed baseline)."""
    look = card_look(ctx)
    cards = []
    for c in card_data.load_cards(ctx, ids):
        lines = [look.title, c.kind_label, "所在村组", c.village_group, "户主", c.head, "家庭人口",
                 f"{c.size}人 户属性：{c.attribute}", "致贫原因", c.causes, "帮扶措施", *c.measures, "包扶责任人",
                 f"{c.cadre} {c.cadre_unit} 电话 {c.cadre_phone}", "脱贫情况", c.exit_text, "档案核验码",
                 c.code, look.footer, look.date_text]
        cards.append((lines, c.code))
    return cards


def bare(cards: list[tuple[list[str], str]], out: Path) -> None:
    """The baseline: one page per card, each line drawn where it goes, the QR code beside."""
    font = register_fonts()
    canvas = Canvas(str(out), pagesize=landscape(A4), pageCompression=1, initialFontName=font)
    for lines, code in cards:
        y = 540.0
        for line in lines:
            canvas.setFont(font, 16)
            canvas.drawString(60, y, line)
            y -= 24
        draw_qr(canvas, code, 640, 340, 156)
        canvas.showPage()
    canvas.save()


def interleaved(ours: Callable[[], object], base: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best time of each, running them turn about so a busy machine slows both alike."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for i, fn in enumerate((ours, base)):
            start = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - start)
    return best[0], best[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    ctx = open_context(paths.DataPaths(home=demo_home(args.households)))
    register_fonts()
    try:
        ids = household_ids(ctx)[: args.households]
        with tempfile.TemporaryDirectory() as tmp:
            ours_pdf, bare_pdf = Path(tmp) / "ours.pdf", Path(tmp) / "bare.pdf"
            strings = card_strings(ctx, ids)
            ours, base = interleaved(lambda: render_cards(ctx, ids, ours_pdf), lambda: bare(strings, bare_pdf),
                                     args.repeat)
            report(f"{len(ids)} cards vs bare reportlab (best of {args.repeat})", ours, base, LIMIT_RATIO)
            size = ours_pdf.stat().st_size
            bare_mb = bare_pdf.stat().st_size / 1024 / 1024
            print(f"PDF size for {len(ids)} cards: {size / 1024 / 1024:.2f} MB (bare script {bare_mb:.2f} MB), "
                  f"limit 2 MB: {'OK' if size < LIMIT_BYTES else 'OVER'}", flush=True)
            times = {}
            for n in (len(ids) // 4, len(ids) // 2, len(ids)):
                times[n], _ = best_and_median(lambda n=n: render_cards(ctx, ids[:n], ours_pdf), repeat=args.repeat,
                                              warmup=0)
                print(f"{n:>5} cards: {times[n]:.2f} s ({times[n] / n * 1000:.2f} ms per card)", flush=True)
            first, last = min(times), max(times)
            growth = (times[last] / times[first]) / (last / first)
            print(f"time per card at {last} vs {first} cards: ×{growth:.2f} (1.00 = linear)")
    finally:
        ctx.close()


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"(bench took {time.perf_counter() - start:.0f} s)")
