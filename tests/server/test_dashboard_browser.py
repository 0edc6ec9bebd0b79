"""挂图作战 in a real browser: Debian's Chromium, headless, against a real server process (uvicorn on a free
port). The DOM Chromium built holds the four charts' SVG with the seeded figures (not an error page), its
screenshot at 1366×900 has the charts' colours painted, and the browser fetched the page's own Chinese font
(the machine has no Chinese font of its own). The screenshot is kept: in ``FIELDAPP_SCREENSHOTS`` when set,
else in the test's folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from fieldapp.services.charts import drawings
from tests.helpers.district import District, seed_server
from tests.server.conftest import ServerProcess

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (scripts/bootstrap.sh installs Debian's "
                                                "chromium package; run it as root, or apt-get install chromium)"),
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / "chromium-profile"  # our own: never another run's profile lock
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
               "--disable-extensions", "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, f"chromium failed ({done.returncode}):\n{done.stderr[-3000:]}"
    return done


def colour_pixels(image: Image.Image, colour: str, tolerance: int = 8) -> int:
    want = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return sum(count for count, pixel in image.getcolors(maxcolors=1 << 24) or []
               if all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], want, strict=True)))


@pytest.fixture
def served(tmp_path: Path) -> tuple[ServerProcess, District]:
    home = tmp_path / "server-home"
    url = str(tmp_path / "server.sqlite3")
    district = seed_server(home, url)
    proc = ServerProcess(home, url).start()
    yield proc, district  # type: ignore[misc]
    proc.stop()


def test_the_dashboard_renders_its_charts_in_chromium(tmp_path: Path, served: tuple[ServerProcess, District]) -> None:
    server, district = served
    page = f"{server.url}/dashboard?year=2026"

    dom = chromium(tmp_path, "--dump-dom", "--virtual-time-budget=10000", page).stdout
    assert "<title>挂图作战 · 商州区 2026年</title>" in dom and '"reason"' not in dom
    charts = re.findall(r'<svg[^>]*data-chart="(\w+)"', dom)
    assert charts == ["distribution", "measures", "industries", "progress"]
    spots = re.findall(r'class="spot" data-caption="([^"]+)" data-value="(\d+)"', dom)
    assert {("北宽坪镇：未脱贫户", "2"), ("北宽坪镇：已脱贫户", "2"), ("果：产业户", "1")} <= set(spots)
    assert ">合计 6户 17人 · 未脱贫 3户 · 已脱贫 3户 · 监测对象 1户</text>" in dom
    assert ">3/4户</text>" in dom and ">目标 4户</text>" in dom
    for person in district.people:
        assert person.name not in dom and person.id_no not in dom

    shots = Path(os.environ.get("FIELDAPP_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / "dashboard.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1366,900", "--virtual-time-budget=10000", page)
    image = Image.open(shot).convert("RGB")
    assert image.size == (1366, 900)
    # The bars were painted: the first chart's colours cover a real area of the first screen.
    for series in (drawings.GENERAL, drawings.DIBAO):
        assert colour_pixels(image, series.fill.hexval().replace("0x", "#")) > 400, series.name
    # The text is set in the server's own Chinese font (this machine has none): the browser fetched it.
    assert re.search(r'"GET /dashboard/font\.ttf HTTP/1\.1" 200', server.log()), server.log()[-2000:]
