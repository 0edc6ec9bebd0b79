"""Guard against Qt bindings that corrupt Python's reference counts.

PySide6 6.12.0 under Python 3.11 returned ``True``/``None`` from ``Signal.emit()`` and
from void methods without a new reference: each call lowered the count, and a few
thousand keystrokes later the interpreter aborted (``Fatal Python error: bool_dealloc``).
pyproject.toml excludes that release; this test fails if such a binding is installed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    ping = Signal()
    text = Signal(str)


def test_signal_emit_keeps_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    emitter.ping.connect(lambda: None)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        emitter.ping.emit()
        emitter.text.emit("x")
    # Other threads may take or drop a few references meanwhile; a leak is 200 or more.
    assert sys.getrefcount(True) - true_before > -50
    assert sys.getrefcount(None) - none_before > -50


def test_void_methods_keep_reference_counts(qapp: object) -> None:
    label = QLabel()
    none_before = sys.getrefcount(None)
    for i in range(200):
        label.setText(str(i))
    assert sys.getrefcount(None) - none_before > -50
