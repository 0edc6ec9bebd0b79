"""Draw FieldApp's icon (resources/icons/): a white house with a golden door on Chinese red.

    python scripts/make_icons.py

Writes ``fieldapp.svg`` (the scalable master, also installed on Linux), ``fieldapp.png``
(256 px: the window icon, read through importlib.resources) and ``fieldapp.ico`` (16–256 px:
the Windows executables and the installer). Plain shapes only, so it needs no font.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
RED, WHITE, GOLD = "#c8102e", "#ffffff", "#f6c344"
# Shapes on a 256 × 256 grid: rounded square, roof, walls, door.
ROOF = [(128, 40), (216, 120), (40, 120)]
WALLS = (64, 112, 192, 208)
DOOR = (110, 148, 146, 208)

SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect x="8" y="8" width="240" height="240" rx="48" fill="{RED}"/>
  <polygon points="{' '.join(f'{x},{y}' for x, y in ROOF)}" fill="{WHITE}"/>
  <rect x="{WALLS[0]}" y="{WALLS[1]}" width="{WALLS[2] - WALLS[0]}" height="{WALLS[3] - WALLS[1]}" fill="{WHITE}"/>
  <rect x="{DOOR[0]}" y="{DOOR[1]}" width="{DOOR[2] - DOOR[0]}" height="{DOOR[3] - DOOR[1]}" rx="6" fill="{GOLD}"/>
</svg>
"""


def draw(size: int) -> Image.Image:
    scale = 4  # draw large, then downsample: smooth edges
    big = size * scale
    k = big / 256
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([8 * k, 8 * k, 248 * k, 248 * k], radius=48 * k, fill=RED)
    d.polygon([(x * k, y * k) for x, y in ROOF], fill=WHITE)
    d.rectangle([c * k for c in WALLS], fill=WHITE)
    d.rounded_rectangle([c * k for c in DOOR], radius=6 * k, fill=GOLD)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "fieldapp.svg").write_text(SVG, encoding="utf-8")
    draw(256).save(OUT / "fieldapp.png", optimize=True)
    draw(256).save(OUT / "fieldapp.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128),
                                                (256, 256)])
    print(f"icons written to {OUT}")


if __name__ == "__main__":
    main()
