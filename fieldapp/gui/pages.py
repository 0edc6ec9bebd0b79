"""Refresh-when-shown for pages that read from the database: the StaleRefresh helper a page owns.

A page listens to the ChangeHub and decides which Changes flags concern it; when one does it calls
``mark()``. The helper then reads at once if the page is visible, else remembers the page is stale and
reads when the page is next shown. The page's own ``refresh`` does the read and calls ``clear()`` once
it really starts one (after its own early returns, e.g. when the task manager is shut down).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class StaleRefresh(QObject):
    """Whether a page's shown data is out of date, and the rule for when to read it again.

    Why: every write announces Changes to every page. A hidden page must not reload on every write
    (a bulk import would make all of them read the register many times over, for nothing anybody sees);
    a visible page must, at once, so what the user looks at is never older than the last write.
    The helper watches the page's Show events itself, so the page needs no showEvent override.
    """

    def __init__(self, page: QWidget, refresh: Callable[[], object], *, stale: bool = False) -> None:
        super().__init__(page)
        self.page = page
        self._refresh = refresh
        self.stale = stale
        page.installEventFilter(self)

    def mark(self) -> None:
        """The page's data changed: read now if the page is shown, else when it is next shown."""
        self.stale = True
        if self.page.isVisible():
            self._refresh()

    def clear(self) -> None:
        """A read has started; the page is no longer stale."""
        self.stale = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.Show and self.stale:
            self._refresh()
        return False  # never swallow the event: the page's own showEvent still runs
