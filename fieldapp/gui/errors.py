"""Showing errors to the user: the environment's fault, invalid input, or a bug.

- Environment errors (disk full, read-only USB stick, locked or newer database, broken
  device identity): the message says what is wrong; no traceback.
- Validation errors: the problems are listed, one per line.
- Anything else is a bug: logged with its traceback, and the user is told where the log is.

:func:`error_box` builds the message box (for tests and for use before the event loop
runs); :func:`show_error` logs, builds and opens it without blocking.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldapp import logsetup
from fieldapp.domain.errors import ValidationError
from fieldapp.services.identity import IdentityError
from fieldapp.store.db import StoreError, environment_message

log = logging.getLogger("fieldapp.gui")

ENVIRONMENT = "environment"
VALIDATION = "validation"
BUG = "bug"



def current_log_path() -> Path | None:
    """The log file configured by :mod:`fieldapp.logsetup`, if any."""
    return logsetup.current_file()


def classify(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return VALIDATION
    if isinstance(exc, (StoreError, IdentityError)):
        return ENVIRONMENT
    if isinstance(exc, OSError) and environment_message(exc) is not None:
        return ENVIRONMENT
    return BUG


@dataclass(frozen=True)
class ErrorReport:
    """What to tell the user about one exception."""

    kind: str
    title: str
    text: str

    @property
    def is_bug(self) -> bool:
        return self.kind == BUG


def describe(exc: BaseException, log_path: Path | None = None) -> ErrorReport:
    """The user-facing title and text for ``exc`` (never a traceback)."""
    kind = classify(exc)
    if kind == VALIDATION:
        assert isinstance(exc, ValidationError)
        lines = [f"• {message}" if field.startswith("_") else f"• {field}：{message}"
                 for field, message in exc.problems.items()]
        title = QCoreApplication.translate("errors", "输入有误")
        intro = QCoreApplication.translate("errors", "请改正以下问题：")
        return ErrorReport(kind, title, intro + "\n" + "\n".join(lines))
    if kind == ENVIRONMENT:
        if isinstance(exc, OSError) and not isinstance(exc, StoreError):
            text = f"{environment_message(exc)}：{exc.filename or ''}"
        else:
            text = str(exc)
        return ErrorReport(kind, QCoreApplication.translate("errors", "无法完成操作"), text)
    path = log_path or current_log_path()
    where = str(path) if path is not None else QCoreApplication.translate("errors", "（未配置日志文件）")
    text = QCoreApplication.translate("errors", "程序错误，详情见日志 {0}").format(where)
    return ErrorReport(kind, QCoreApplication.translate("errors", "程序错误"), text)


def log_bug(exc: BaseException, what: str = "unexpected error") -> None:
    log.error("%s: %s", what, exc, exc_info=(type(exc), exc, exc.__traceback__))


def error_box(parent: QWidget | None, exc: BaseException, log_path: Path | None = None) -> QMessageBox:
    """A message box describing ``exc`` (not shown yet)."""
    report = describe(exc, log_path)
    icon = QMessageBox.Icon.Critical if report.kind != VALIDATION else QMessageBox.Icon.Warning
    box = QMessageBox(icon, report.title, report.text, QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setProperty("error_kind", report.kind)
    return box


def show_error(parent: QWidget | None, exc: BaseException, log_path: Path | None = None, *,
               logged: bool = False) -> QMessageBox:
    """Log a bug's traceback (unless ``logged``), then open a non-blocking message box; returns the box."""
    if logged:
        pass
    elif classify(exc) == BUG:
        log_bug(exc)
    else:
        log.info("shown to user: %s", exc)
    box = error_box(parent, exc, log_path)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
