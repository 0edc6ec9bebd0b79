"""A chart on the screen: the poster's reportlab drawing painted with QPainter, numbers clickable.

The 挂图作战 page shows the very drawings the posters print (:mod:`fieldapp.services.charts.drawings`):
this widget walks the drawing's shapes (rectangles, lines, polylines, polygons, strings) and paints
them scaled to fit, so screen and wall never disagree and no charting library is bundled. A click on a
number or a bar finds its hotspot and emits :attr:`ChartCanvas.picked` with it; from the keyboard the arrow
keys walk the numbers (a frame shows which) and Enter picks one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget
from reportlab.graphics.shapes import Group, Line, Polygon, PolyLine, Rect, String

from fieldapp.services.charts.drawings import ChartDrawing, Hotspot

TEXT_SCALE = 4.0  # strings are laid out at 4× their size and scaled down: sub-pixel sizes stay smooth


def _colour(value: Any) -> QColor | None:
    if value is None:
        return None
    return QColor.fromRgbF(float(value.red), float(value.green), float(value.blue), float(getattr(value, "alpha", 1)))


class ChartCanvas(QWidget):
    """Paints one :class:`ChartDrawing`; ``picked(Hotspot)`` when a number or bar is clicked."""

    picked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: ChartDrawing | None = None
        self.focused: Hotspot | None = None  # the number the keyboard is on
        self.setMouseTracking(True)
        self.setMinimumSize(480, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_chart(self, chart: ChartDrawing | None) -> None:
        self.chart = chart
        self.focused = None
        self.update()

    # -- keyboard: arrows (or Tab inside the chart) walk the numbers, Enter lists the households ------

    def _order(self) -> list[Hotspot]:
        """The hotspots in reading order: top to bottom, left to right."""
        if self.chart is None:
            return []
        return sorted(self.chart.hotspots, key=lambda h: (-round(h.y + h.h / 2, -1), h.x))

    def move_focus(self, step: int) -> Hotspot | None:
        order = self._order()
        if not order:
            return None
        index = order.index(self.focused) if self.focused in order else (-1 if step > 0 else 0)
        self.focused = order[(index + step) % len(order)]
        self.update()
        return self.focused

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.move_focus(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.move_focus(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.focused is not None:
            self.picked.emit(self.focused)
        else:
            super().keyPressEvent(event)

    # -- geometry ---------------------------------------------------------------------------------

    def _frame(self) -> tuple[float, float, float]:
        """(scale, x offset, y offset of the drawing's top) to fit the widget with a small margin."""
        assert self.chart is not None
        d = self.chart.drawing
        margin = 8.0
        scale = min((self.width() - 2 * margin) / d.width, (self.height() - 2 * margin) / d.height)
        scale = max(scale, 0.05)
        ox = (self.width() - d.width * scale) / 2
        oy = (self.height() - d.height * scale) / 2
        return scale, ox, oy

    def to_drawing(self, x: float, y: float) -> tuple[float, float]:
        """Widget coordinates → drawing coordinates (origin bottom left)."""
        scale, ox, oy = self._frame()
        assert self.chart is not None
        return (x - ox) / scale, self.chart.drawing.height - (y - oy) / scale

    def to_widget(self, x: float, y: float) -> QPointF:
        scale, ox, oy = self._frame()
        assert self.chart is not None
        return QPointF(ox + x * scale, oy + (self.chart.drawing.height - y) * scale)

    def hotspot_at(self, x: float, y: float) -> Hotspot | None:
        if self.chart is None:
            return None
        return self.chart.hit(*self.to_drawing(x, y))

    # -- events -----------------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        spot = self.hotspot_at(event.position().x(), event.position().y())
        self.setCursor(Qt.CursorShape.PointingHandCursor if spot else Qt.CursorShape.ArrowCursor)
        if spot is not None:
            QToolTip.showText(event.globalPosition().toPoint(),
                              self.tr("{0}：{1}户（点击列出）").format(spot.caption, len(spot.cell.households)), self)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            spot = self.hotspot_at(event.position().x(), event.position().y())
            if spot is not None:
                self.picked.emit(spot)
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if self.chart is not None:
            scale, ox, oy = self._frame()
            painter.translate(ox, oy + self.chart.drawing.height * scale)
            painter.scale(scale, -scale)
            self._paint(painter, self.chart.drawing.contents)
            if self.focused is not None and self.hasFocus():
                f = self.focused
                pen = QPen(self.palette().highlight().color(), 3 / scale)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(f.x - 3, f.y - 3, f.w + 6, f.h + 6))
        painter.end()

    # -- painting the shapes ----------------------------------------------------------------------

    def _pen(self, shape: Any) -> QPen:
        colour = _colour(getattr(shape, "strokeColor", None))
        if colour is None:
            return QPen(Qt.PenStyle.NoPen)
        width = float(getattr(shape, "strokeWidth", 1) or 1)
        pen = QPen(colour, width)
        dashes = getattr(shape, "strokeDashArray", None)
        if dashes:
            pen.setDashPattern([max(0.1, float(d) / width) for d in dashes])
        return pen

    def _brush(self, shape: Any) -> QBrush:
        colour = _colour(getattr(shape, "fillColor", None))
        return QBrush(colour) if colour is not None else QBrush(Qt.BrushStyle.NoBrush)

    def _paint(self, painter: QPainter, shapes: list[Any]) -> None:
        for shape in shapes:
            if isinstance(shape, Group):
                painter.save()
                painter.setTransform(QTransform(*(float(v) for v in shape.transform)), combine=True)
                self._paint(painter, shape.contents)
                painter.restore()
            elif isinstance(shape, Rect):
                painter.setPen(self._pen(shape))
                painter.setBrush(self._brush(shape))
                painter.drawRect(QRectF(float(shape.x), float(shape.y), float(shape.width), float(shape.height)))
            elif isinstance(shape, Line):
                painter.setPen(self._pen(shape))
                painter.drawLine(QPointF(shape.x1, shape.y1), QPointF(shape.x2, shape.y2))
            elif isinstance(shape, (Polygon, PolyLine)):
                pts = shape.points
                poly = QPolygonF([QPointF(pts[i], pts[i + 1]) for i in range(0, len(pts) - 1, 2)])
                painter.setPen(self._pen(shape))
                if isinstance(shape, Polygon):
                    painter.setBrush(self._brush(shape))
                    painter.drawPolygon(poly)
                else:
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawPolyline(poly)
            elif isinstance(shape, String):
                self._string(painter, shape)

    def _string(self, painter: QPainter, s: String) -> None:
        font = QFont(self.font())
        font.setPixelSize(max(1, round(float(s.fontSize) * TEXT_SCALE)))
        width = QFontMetricsF(font).horizontalAdvance(s.text) / TEXT_SCALE
        x = float(s.x) - (width / 2 if s.textAnchor == "middle" else width if s.textAnchor == "end" else 0)
        painter.save()
        painter.translate(x, float(s.y))
        painter.scale(1 / TEXT_SCALE, -1 / TEXT_SCALE)
        painter.setFont(font)
        painter.setPen(_colour(s.fillColor) or QColor("black"))
        painter.drawText(QPointF(0, 0), s.text)
        painter.restore()
