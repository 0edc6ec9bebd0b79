"""What a test leaves in the shared QApplication, settled before the next test of the same process runs.

A pytest-xdist worker runs its own mix of tests in one QApplication, so whatever one test leaves behind meets
whichever test comes next:

- Windows pytest-qt closed are only ``deleteLater``-ed, which runs at some later event loop, maybe in the next
  test: until then they and the dialogs they own stay (an application-modal one blocks input to every other
  window), and so do their timers and application event filters (the idle lock's watcher). They are deleted here.
- Windows still shown after that belong to no widget the test registered: a bug of the test or of the app.
  :func:`settle` hides and deletes them so the next test starts clean and returns their names: the test fails.
- Keyboard modifiers: after ``QTest.keyClick(w, key, Ctrl)`` Qt still reports Ctrl as held
  (``QGuiApplication.keyboardModifiers()``) until the next key event, because QTest's release of Ctrl carries
  Ctrl in its modifiers and QApplication records those. Item views read that state for programmatic selection
  too (Ctrl: toggle), so a later test's ``selectRow(0)`` deselected the row it meant to select. A real keyboard's
  release reports no modifier; this is QTest's artefact, so it is released here without failing anything.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def describe(widget: QWidget) -> str:
    title = widget.windowTitle()
    modal = " (modal)" if widget.isModal() else ""
    return f"{type(widget).__name__}{f' “{title}”' if title else ''}{modal}"


def settle() -> list[str]:
    """Delete the windows already closed, then hide and delete those still shown, release held modifiers.

    Returns the windows still shown once the closed ones (and the dialogs they own) were deleted."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return []
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    left = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    names = [describe(w) for w in left]
    for widget in left:
        widget.hide()  # not close(): a window may refuse it (the unlock dialog does)
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if QApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        # any key event without modifiers resets what Qt records as held; a hidden widget takes it unseen
        sink = QWidget()
        QTest.keyRelease(sink, Qt.Key.Key_Control, Qt.KeyboardModifier.NoModifier)
        sink.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return names
