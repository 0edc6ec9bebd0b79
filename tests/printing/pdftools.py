"""Inspecting PDFs in tests with the poppler and qpdf command-line tools, and Pillow for pixels."""

from __future__ import annotations

import re
import statistics
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

FULL_ID = re.compile(r"\d{17}[\dX]")


def run(*args: str | Path) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, f"{args[0]} failed: {result.stderr or result.stdout}"
    return result.stdout


def qpdf_ok(path: Path) -> None:
    out = run("qpdf", "--check", path)
    assert "No syntax or stream encoding errors" in out, out


def text(path: Path, first: int | None = None, last: int | None = None, layout: bool = False) -> str:
    args: list[str | Path] = ["pdftotext", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    if layout:
        args.append("-layout")
    return run(*args, path, "-")


def pages(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", path), re.M).group(1))  # type: ignore[union-attr]


def page_size(path: Path) -> tuple[float, float]:
    m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", run("pdfinfo", path), re.M)
    assert m
    return float(m.group(1)), float(m.group(2))


def fonts(path: Path) -> list[list[str]]:
    """pdffonts rows: name, type, encoding, emb, sub, uni, object, generation."""
    lines = run("pdffonts", path).splitlines()[2:]
    return [line.split() for line in lines if line.strip()]


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def words(path: Path) -> tuple[list[Word], list[tuple[float, float]]]:
    """Every word with its box (points, origin top-left) and each page's size, from ``pdftotext -bbox``."""
    html = run("pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
    found, sizes = [], []
    for n, page in enumerate(re.findall(r"<page (.*?)</page>", html, re.S), start=1):
        size = re.match(r'width="([\d.]+)" height="([\d.]+)"', page)
        assert size
        sizes.append((float(size.group(1)), float(size.group(2))))
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                             page):
            found.append(Word(n, float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)),
                              m.group(5)))
    return found, sizes


def render(path: Path, out_dir: Path, page: int, dpi: int, gray: bool = False) -> Image.Image:
    prefix = out_dir / f"p{page}-{dpi}{'g' if gray else ''}"
    args: list[str | Path] = ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile"]
    if gray:
        args.append("-gray")
    run(*args, path, prefix)
    image = Image.open(f"{prefix}.png")
    return image.convert("L" if gray else "RGB")


def region(image: Image.Image, box_pt: tuple[float, float, float, float], page_h_pt: float,
           dpi: int) -> Image.Image:
    """The pixels of a rectangle given in PDF points (origin bottom-left)."""
    x, y, w, h = box_pt
    k = dpi / 72
    return image.crop((round(x * k), round((page_h_pt - y - h) * k), round((x + w) * k), round((page_h_pt - y) * k)))


def _pixels(image: Image.Image) -> Any:
    flat = getattr(image, "get_flattened_data", None)  # Pillow ≥ 12; getdata() is deprecated there
    return flat() if flat is not None else image.getdata()


def commonest_rgb(image: Image.Image) -> tuple[int, int, int]:
    """The most frequent colour (the fill, not the anti-aliased edges of a pattern over it)."""
    return Counter(_pixels(image.convert("RGB"))).most_common(1)[0][0]  # type: ignore[no-any-return]


def grey_stats(image: Image.Image) -> tuple[float, float]:
    """Mean and standard deviation of the grey levels."""
    values = list(_pixels(image.convert("L")))
    return statistics.fmean(values), statistics.pstdev(values)
