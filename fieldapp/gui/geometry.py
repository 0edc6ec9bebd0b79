"""Window sizes that fit a small laptop, and windows that come back where they were left.

A 1366×768 laptop with a taskbar and a title bar leaves about 1366×700 for a window. Each window and
dialog calls :func:`fit` once it is built, instead of a fixed ``resize``:

- its default size and its minimum size are cut to the screen's available area (less a title bar);
- its last geometry, kept in the setting ``window_geometry`` under the window's key, is restored,
  moved and cut so that it lies on the screen it is shown on (a second monitor may be gone);
- when it is hidden or closed, its geometry is written back.

Tall content goes in :func:`scrolling` so a window's buttons stay on screen when its body does not fit.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from fieldapp.settings import Settings

log = logging.getLogger("fieldapp.gui.geometry")

SETTING = "window_geometry"  # key → [frame x, frame y, width, height, maximised (0/1)]
#: what a window manager's title bar takes above a window's geometry (not known before the window is shown)
TITLE_BAR = 32


def available(widget: QWidget | None = None) -> QRect:
    """The part of the screen a window may use (without taskbars), on the widget's screen if it has one."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 700)


def room(area: QRect) -> QSize:
    """The largest window geometry that fits ``area`` with its title bar."""
    return QSize(area.width(), max(100, area.height() - TITLE_BAR))


def fitted(saved: object, minimum: QSize, area: QRect) -> QRect | None:
    """Where a window goes: ``saved`` ([frame x, frame y, width, height]) cut and moved onto ``area``, at
    least ``minimum``; None when nothing valid was saved."""
    space = room(area)
    if not (isinstance(saved, list) and len(saved) in (4, 5) and all(isinstance(v, int) for v in saved)):
        return None
    x, y, width, height = saved[:4]
    size = QSize(width, height).expandedTo(minimum).boundedTo(space)
    x = min(max(x, area.left()), area.left() + area.width() - size.width())
    y = min(max(y, area.top()), area.top() + space.height() - size.height())
    return QRect(QPoint(x, y), size)


class _Keeper(QObject):
    """Writes a window's geometry to the settings when it is hidden or closed."""

    def __init__(self, widget: QWidget, key: str, settings: Settings) -> None:
        super().__init__(widget)
        self.key = key
        self.settings = settings
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget):
            return False
        # (a window closed without ever being shown has no place worth keeping)
        if event.type() == QEvent.Type.Hide or (event.type() == QEvent.Type.Close and watched.isVisible()):
            remember(watched, self.key, self.settings)
        return False


def remember(widget: QWidget, key: str, settings: Settings) -> None:
    """Keep ``widget``'s place (frame's top left) and normal (not maximised) size under ``key``; save.

    The one settings write that does not go through :func:`fieldapp.gui.ops.run_op`, on purpose: it happens
    as a window closes, and the main window's close shuts the task manager down right after this filter
    runs (and windows hidden while the app quits come after the shutdown), so a queued save would be
    dropped or run against a closing app and the position lost. It is also a preference of the window
    itself that no page shows, so there is nothing to announce. So it is written here, synchronously;
    :meth:`Settings.save` writes a temporary file and renames it, so it never leaves a half-written file.
    """
    frame, size = widget.frameGeometry(), widget.normalGeometry().size()
    if not size.isValid() or size.isEmpty():
        size = widget.size()
    value = [frame.x(), frame.y(), size.width(), size.height(), int(widget.isMaximized())]
    stored = dict(settings[SETTING])
    if stored.get(key) == value:
        return
    stored[key] = value
    settings[SETTING] = stored
    try:
        settings.save()
    except OSError as exc:  # a read-only data folder: the window simply opens at its default size next time
        log.warning("cannot save window geometry: %s", exc)


def settings_of(widget: QWidget) -> Settings | None:
    """The settings of the app context that ``widget`` or one of its parents holds as ``ctx`` (if any)."""
    current: QObject | None = widget
    while current is not None:
        settings = getattr(getattr(current, "ctx", None), "settings", None)
        if isinstance(settings, Settings):
            return settings
        current = current.parent()
    return None


def fit(widget: QWidget, key: str, default: tuple[int, int] | None = None, settings: Settings | None = None) -> None:
    """Size ``widget`` (a window or dialog) to fit the screen, restore and remember its geometry.

    ``default`` is the size it opens at the first time (else Qt's fit to its contents); ``settings`` default to the
    settings of its (or a parent's) ``ctx``.
    """
    from fieldapp.gui import keys

    if settings is None:
        settings = settings_of(widget)
    keys.install()  # Tab leaves text boxes and tables in every window that fits itself
    area = available(widget)
    space = room(area)
    minimum = widget.minimumSize().boundedTo(space)
    widget.setMinimumSize(minimum)
    saved = settings[SETTING].get(key) if settings is not None else None
    place = fitted(saved, minimum, area)
    if place is None:
        if default is not None:  # else Qt sizes it to its contents when shown
            widget.resize(QSize(*default).boundedTo(space).expandedTo(minimum))
    else:
        widget.resize(place.size())
        widget.move(place.topLeft())
        if isinstance(saved, list) and saved[4:] == [1]:
            widget.setWindowState(widget.windowState() | Qt.WindowState.WindowMaximized)
    if settings is not None:
        _Keeper(widget, key, settings)


def scrolling(body: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``body`` in a frameless scroll area that resizes it: it scrolls only when the window is too small."""
    area = QScrollArea(parent)
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area
