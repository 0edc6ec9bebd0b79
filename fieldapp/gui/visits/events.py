"""One application-wide signal hub for visit records, so every page showing them can refresh.

A visit is saved from the visit form, which may have been opened from the workbench,
the archive page or a household's 走访记录 tab; check-ins come from the attendance page.
Each page connects to :func:`visit_events` instead of to whoever opened the form.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class VisitEvents(QObject):
    #: a visit was saved or deleted (its id)
    visit_saved = Signal(str)
    #: a 在村 check-in was recorded or withdrawn
    checked_in = Signal()


_hub: list[VisitEvents] = []


def visit_events() -> VisitEvents:
    """The hub (created on first use, after the QApplication)."""
    if not _hub:
        _hub.append(VisitEvents())
    return _hub[0]
