"""The district's village boundary file (GeoJSON) for the schematic map of the 贫困对象分布图.

The district supplies one GeoJSON ``FeatureCollection`` of village polygons. Each feature names its
village in ``properties`` by code (``code`` / ``代码``: the 12-digit 统计用区划代码 of the ``area`` row) or
by name (``name`` / ``名称``); a code wins over a name. Polygon and MultiPolygon geometries are read,
longitude/latitude (or already projected metres) alike; nothing is fetched from the internet. The file
is found at the setting ``village_map`` or, without one, at ``<data folder>/village_map.geojson``;
without either the chart draws a tile grid.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain.charts import ChartError

DEFAULT_NAME = "village_map.geojson"
CODE_KEYS = ("code", "代码", "CODE", "xzqhdm")
NAME_KEYS = ("name", "名称", "NAME", "村名")

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class Fitted:
    """The shapes placed in a box: rings, extent and label point of each place (drawing coordinates)."""

    rings: dict[str, list[Ring]]
    extent: dict[str, tuple[float, float, float, float]]
    centre: dict[str, tuple[float, float]]


@dataclass(frozen=True)
class MapShapes:
    """The polygons of the places found in the file (place id → outer rings, in the file's coordinates)."""

    rings: dict[str, list[Ring]]

    def fitted(self, box: tuple[float, float, float, float]) -> Fitted:
        x0, y0, w, h = box
        pts = [p for rings in self.rings.values() for ring in rings for p in ring]
        lat = sum(p[1] for p in pts) / len(pts)
        # longitude degrees shrink with latitude; projected coordinates (beyond ±180) are used as they are
        kx = math.cos(math.radians(lat)) if all(abs(p[0]) <= 180 and abs(p[1]) <= 90 for p in pts) else 1.0
        xs, ys = [p[0] * kx for p in pts], [p[1] for p in pts]
        minx, miny = min(xs), min(ys)
        span_x, span_y = (max(xs) - minx) or 1.0, (max(ys) - miny) or 1.0
        scale = min(w / span_x, h / span_y)
        ox, oy = x0 + (w - span_x * scale) / 2, y0 + (h - span_y * scale) / 2
        rings: dict[str, list[Ring]] = {}
        extent: dict[str, tuple[float, float, float, float]] = {}
        centre: dict[str, tuple[float, float]] = {}
        for place, place_rings in self.rings.items():
            placed = [[(ox + (x * kx - minx) * scale, oy + (y - miny) * scale) for x, y in ring]
                      for ring in place_rings]
            rings[place] = placed
            flat = [p for ring in placed for p in ring]
            extent[place] = (min(p[0] for p in flat), min(p[1] for p in flat), max(p[0] for p in flat),
                             max(p[1] for p in flat))
            biggest = max(placed, key=_area)
            centre[place] = _centroid(biggest)
        return Fitted(rings, extent, centre)


def _area(ring: Ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def _centroid(ring: Ring) -> tuple[float, float]:
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(a) < 1e-9:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return cx / (3 * a), cy / (3 * a)


def map_file(home: Path, setting: str) -> Path | None:
    """The boundary file to use: the setting's (which must exist), else the data folder's default, else None."""
    if setting:
        path = Path(setting).expanduser()
        if not path.is_file():
            raise ChartError(f"村界文件不存在：{path}（设置 village_map）")
        return path
    default = home / DEFAULT_NAME
    return default if default.is_file() else None


def _outer_rings(geometry: object, where: str) -> list[Ring]:
    if not isinstance(geometry, dict):
        raise ChartError(f"{where}：没有 geometry")
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    try:
        if kind == "Polygon":
            polygons = [coords]
        elif kind == "MultiPolygon":
            polygons = list(coords)  # type: ignore[arg-type]
        else:
            raise ChartError(f"{where}：只能是 Polygon 或 MultiPolygon，不是 {kind}")
        rings = [[(float(p[0]), float(p[1])) for p in polygon[0]] for polygon in polygons]  # type: ignore[index]
    except (TypeError, ValueError, IndexError) as exc:
        raise ChartError(f"{where}：坐标格式错误（{exc}）") from exc
    return [r for r in rings if len(r) >= 3]


def load(path: Path, places: Sequence[tuple[str, str | None, str]]) -> MapShapes | None:
    """The polygons of ``places`` ((area id, code, name)) found in the file; None when it has none of them.
    Raises :class:`ChartError` naming the problem for a file that is not a readable FeatureCollection."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ChartError(f"读不了村界文件 {path}：{exc.strerror or exc}") from exc
    except ValueError as exc:
        raise ChartError(f"村界文件 {path} 不是有效的 GeoJSON（{exc}）") from exc
    if not isinstance(raw, dict) or raw.get("type") != "FeatureCollection" or not isinstance(raw.get("features"), list):
        raise ChartError(f"村界文件 {path} 应为 GeoJSON FeatureCollection")
    by_code = {code: pid for pid, code, _ in places if code}
    by_name = {name: pid for pid, _, name in places}
    found: dict[str, list[Ring]] = {}
    for n, feature in enumerate(raw["features"], start=1):
        props = feature.get("properties") or {} if isinstance(feature, dict) else {}
        code = next((str(props[k]) for k in CODE_KEYS if props.get(k) not in (None, "")), None)
        name = next((str(props[k]) for k in NAME_KEYS if props.get(k) not in (None, "")), None)
        place = by_code.get(code or "") or by_name.get(name or "")
        if place is None:
            continue
        where = f"村界文件第 {n} 个要素（{name or code}）"
        found.setdefault(place, []).extend(_outer_rings(feature.get("geometry"), where))
    found = {k: v for k, v in found.items() if v}
    return MapShapes(found) if found else None
