"""Every top-level window and dialog of the app, built on one context: for checking that each fits a
small laptop screen (tests) and for screenshots (``scripts/screenshots.py``).

:func:`top_levels` yields ``(name, widget)`` one at a time; the caller shows, checks or grabs the
widget and closes it before asking for the next one. Pages of the main window and tabs of the household
editor are yielded as the same widget switched to each page or tab, so each is looked at.
Given the people services and a signed-in session, the login window, the 账号 page, the lock prompt and
the account and password dialogs are yielded too, and the main window is the signed-in one.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QDialog, QWidget

from fieldapp.gui.tasks import TaskManager
from fieldapp.services import lookups
from fieldapp.services.context import AppContext

if TYPE_CHECKING:
    from fieldapp.gui.people.shell import PeopleApi


def sample_pdf(folder: Path) -> Path:
    """A one-page PDF to preview (reportlab, as every print is made)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = folder / "sample.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.drawString(72, 760, "FieldApp preview")
    page.save()
    return path


def top_levels(ctx: AppContext, tasks: TaskManager, api: PeopleApi | None = None,
               session: Any = None) -> Iterator[tuple[str, QWidget]]:
    """Each window and dialog (and each page / tab of the big ones), built on ``ctx``; with ``api`` and the
    ``session`` ``ctx`` was opened for, the people windows too (see the module's doc)."""
    from fieldapp.gui.excel.crosscheck_dialog import CrossCheckDialog
    from fieldapp.gui.excel.export_dialog import ExportDialog as ExcelExportDialog
    from fieldapp.gui.excel.import_dialog import ImportDialog as ExcelImportDialog
    from fieldapp.gui.household_editor.dialog import HouseholdEditor
    from fieldapp.gui.printing.plate_settings import PlateSettingsDialog
    from fieldapp.gui.printing.preview import PreviewDialog
    from fieldapp.gui.sync.dialogs import ExportDialog, ImportDialog
    from fieldapp.gui.sync.enrol_dialog import EnrolDialog
    from fieldapp.gui.visits.visit_form import VisitForm
    from fieldapp.gui.wizard import SetupWizard

    people = api is not None and session is not None
    shell = yield from _main_window(ctx, tasks, api if people else None, session)

    household_id, visit_id = lookups.first_live_ids(ctx.db)
    editor = HouseholdEditor(ctx, household_id)
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        yield f"household-editor-tab{index + 1}", editor
    editor.done(0)
    new = HouseholdEditor(ctx, None)
    yield "household-editor-new", new
    new.done(0)

    yield from _one("visit-form-new", lambda: VisitForm(ctx, tasks=tasks))
    if household_id is not None:
        yield from _one("visit-form-household", lambda: VisitForm(ctx, household_id=household_id, tasks=tasks))
    if visit_id is not None:
        yield from _one("visit-form-edit", lambda: VisitForm(ctx, visit_id=visit_id, tasks=tasks))
    if household_id is not None:
        yield from _one("signoff-diff", lambda: _signoff_diff(ctx, household_id))
    yield from _one("setup-wizard", lambda: SetupWizard(ctx))
    yield from _one("enrol-dialog", lambda: EnrolDialog(ctx, tasks))
    yield from _one("sync-export-dialog", lambda: ExportDialog([], None))
    yield from _one("sync-import-dialog", ImportDialog)
    yield from _one("plate-settings", lambda: PlateSettingsDialog(ctx, tasks))
    yield from _one("excel-import", lambda: ExcelImportDialog(ctx, tasks))
    yield from _one("excel-export", lambda: ExcelExportDialog(ctx, tasks))
    yield from _one("excel-crosscheck", lambda: CrossCheckDialog(ctx, tasks))
    yield from _spotcheck_dialogs(ctx)
    if household_id is not None:
        yield from _workflow_dialogs(ctx, tasks, household_id)
    yield from _project_dialogs(ctx, tasks)
    with tempfile.TemporaryDirectory() as folder:
        pdf = sample_pdf(Path(folder))
        yield from _one("print-preview", lambda: PreviewDialog(pdf, "sample", tasks=tasks))
    if people:
        assert api is not None
        yield from _people_dialogs(ctx, api, session, shell)


def _signoff_diff(ctx: AppContext, household_id: str) -> QWidget:
    """The 签字后已修改 dialog: the household's own when it changed since signed, else a sample (no writes here)."""
    from fieldapp.domain.signoff import DiffLine
    from fieldapp.gui.signoff.diff_dialog import SignoffDiffDialog
    from fieldapp.services.signoff import service

    status = service.status(ctx.db, "household", household_id, ref=ctx.ref)
    if status.state != service.CHANGED:
        label = ctx.ref.fields.label
        record = service.SignoffRecord("sample", "household", household_id, "", household_id, "", "张建华", "leader",
                                       "", 1765000000000, "{}", "", "", "6J4JV-B4TNQ-U")
        status = service.Status(service.CHANGED, record, lines=(
            DiffLine(ctx.ref.fields.table_label("household"), label("household", "phone"), "13912345678",
                     "13800001111"),
            DiffLine("成员 王秀兰", label("member", "id_no"), "611002********1021", "611002********1047"),
            DiffLine("收入 2025年", label("income_year", "wage"), "12,000.00", "15,600.00"),
            DiffLine("措施 产业扶持：养殖", "", "", ctx.ref.fields.word("created"))))
    role = status.signoff.role_label(ctx.ref) if status.signoff else ""
    return SignoffDiffDialog(status, role)


def _main_window(ctx: AppContext, tasks: TaskManager, api: PeopleApi | None,
                 session: Any) -> Generator[tuple[str, QWidget], None, Any]:
    """The login window (with ``api``), then the main window at each page, signed in as ``session`` with ``api``
    (the 账号 menu and page, the idle lock); returns the shell that holds it (None without ``api``)."""
    from fieldapp.gui.main_window import MainWindow

    if api is not None:
        from fieldapp.gui.people.login import LoginWindow

        yield from _one("login-window", lambda: LoginWindow(api.login_names(), api.authenticate,
                                                            hint=session.name))
    window = MainWindow(ctx, tasks)
    shell = None
    if api is not None:
        from fieldapp.gui.people.shell import Shell

        shell = Shell(api, lambda c: MainWindow(c, tasks), tasks)
        shell.adopt(ctx, session, window)
    for key in window.page_keys():
        window.show_page(key)
        yield f"main-{key}", window
        if window.page(key) is window.printing:  # each document's form on the 打印 page
            for form_key in list(window.printing.forms)[1:]:
                window.printing.choose(form_key)
                yield f"main-{key}-{form_key}", window
            window.printing.choose(next(iter(window.printing.forms)))
        notices = getattr(window, "notices", None)
        if notices is not None and window.page(key) is notices:  # each tab of 公示与评议
            for tab in range(1, notices.tabs.count()):
                notices.tabs.setCurrentIndex(tab)
                yield f"main-{key}-tab{tab + 1}", window
            notices.tabs.setCurrentIndex(0)
    if shell is not None and shell.lock is not None:
        shell.lock.stop()
    window.close()
    return shell


def _people_dialogs(ctx: AppContext, api: PeopleApi, session: Any, shell: Any) -> Iterator[tuple[str, QWidget]]:
    """The lock prompt, the account and password dialogs (filled as when opened from the 账号 menu/page)."""
    from fieldapp.gui.people.accounts_page import AccountDialog, ResetPasswordDialog
    from fieldapp.gui.people.lock import IdleLockDialog, UnlockDialog
    from fieldapp.gui.people.login import SwitchAccountDialog
    from fieldapp.gui.people.passwords import ChangePasswordDialog, FirstAccountDialog

    yield from _one("unlock-dialog", lambda: UnlockDialog(session.name, api.verify))
    yield from _one("switch-account", lambda: SwitchAccountDialog(api.login_names(), api.authenticate,
                                                                  current=session.name))
    yield from _one("change-password", lambda: ChangePasswordDialog(session.name, api.change_password))
    yield from _one("idle-lock-settings", lambda: IdleLockDialog(int(ctx.settings["idle_lock_minutes"])))
    yield from _one("first-account", lambda: FirstAccountDialog(session.name, lambda _n, _p: None))
    page = shell.accounts_page if shell is not None else None
    if page is not None:
        choices = page.choices
        rows = page.backend.list()
        yield from _one("account-new", lambda: AccountDialog(choices))
        if rows:
            yield from _one("account-edit", lambda: AccountDialog(choices, rows[0]))
            yield from _one("reset-password", lambda: ResetPasswordDialog(rows[0].name))


def _spotcheck_dialogs(ctx: AppContext) -> Iterator[tuple[str, QWidget]]:
    """抽查: the new-draw dialog and the note dialogs (a finding with a photo, a rectification report)."""
    from fieldapp.domain import spotcheck as sc
    from fieldapp.gui.spotcheck.dialogs import DrawDialog, NoteDialog
    from fieldapp.services.spotcheck import draw

    yield from _one("spotcheck-draw", lambda: DrawDialog(draw.drawable_areas(ctx), sc.rates(ctx.ref),
                                                         sc.REVIEW_ROLES))
    yield from _one("spotcheck-finding", lambda: NoteDialog("不正确", "哪里不对、应当如何（将生成整改任务）：",
                                                            photo=True))
    yield from _one("spotcheck-report", lambda: NoteDialog("报告整改完成", "整改了什么（审核员确认后关闭）：",
                                                           date=True))


def _workflow_dialogs(ctx: AppContext, tasks: TaskManager, household_id: str) -> Iterator[tuple[str, QWidget]]:
    """动态管理: a household's workflows, starting an exit (the gate's verdict) and a batch decision at 乡镇审核
    (on a workflow made up here, at that step: nothing is written)."""
    from fieldapp.domain import workflow as rules
    from fieldapp.gui.workflow.decide import DecideDialog, Target
    from fieldapp.gui.workflow.panel import WorkflowDialog
    from fieldapp.gui.workflow.start import StartDialog
    from fieldapp.services.workflow import gate
    from fieldapp.services.workflow.store import WorkflowView

    yield from _one("workflow-household", lambda: WorkflowDialog(ctx, household_id, tasks=tasks))
    yield from _one("workflow-start", lambda: StartDialog(ctx, household_id, "", gate.exit_gate_of(ctx, household_id),
                                                          kind="exit", tasks=tasks))
    definition = rules.definitions(ctx.ref).get("identification")
    since = 1765000000000
    state = rules.State(rules.OPEN, 4, since, "")
    targets = [Target(household_id, name, WorkflowView("sample", household_id, "identification", definition, since,
                                                       "张建华", rules.ORIGIN_APP, None, None, None, state),
                      definition.steps[4]) for name in ("王德福（611002001001）", "李春梅（611002001007）")]
    yield from _one("workflow-decide-batch", lambda: _with_attachments(DecideDialog(ctx, targets, tasks=tasks)))
    yield from _one("workflow-attachments", lambda: _panel_with_attachments(ctx, tasks, household_id))
    yield from _notice_dialogs(ctx, tasks, household_id)


def _notice_dialogs(ctx: AppContext, tasks: TaskManager, household_id: str) -> Iterator[tuple[str, QWidget]]:
    """公示与评议: recording a meeting, issuing a notice, recording its posting, an objection and its handling
    (the posting and the objections on records made up here: nothing is written)."""
    import datetime as dt

    from fieldapp.domain.notice import ObjectionView
    from fieldapp.gui.workflow.meeting_dialog import MeetingDialog
    from fieldapp.gui.workflow.notice_dialogs import IssueNoticeDialog, PostDialog
    from fieldapp.gui.workflow.objection_dialogs import HandleDialog, ObjectionDialog
    from fieldapp.services.workflow.notices import NoticeView
    from fieldapp.services.workflow.store import Named

    today = dt.date.today()
    sample = NoticeView("sample-notice-0000000000000000000001", "", "identification", "04", (household_id,), today,
                        today + dt.timedelta(days=6), "村委会办公室 李主任 13900000000", "张建华", 0, None, None, None)
    names = {household_id: Named(household_id, "611002001001", "王德福", "")}
    objection = ObjectionView("sample-objection-00000000000000000001", household_id, "", sample.id, "04", today,
                              "村民 张某", "该户家里新盖了两层楼房，收入填报不实", None, None, None, None,
                              "611002001001")
    yield from _one("notices-meeting", lambda: MeetingDialog(ctx, tasks=tasks))
    yield from _one("notices-issue", lambda: IssueNoticeDialog(ctx, tasks=tasks))
    yield from _one("notices-post", lambda: PostDialog(ctx, sample, tasks=tasks))
    yield from _one("notices-objection", lambda: ObjectionDialog(ctx, [sample], names, tasks=tasks))
    yield from _one("notices-handle", lambda: HandleDialog(ctx, objection, "王德福（611002001001）", tasks=tasks))



def _with_attachments(dialog: Any) -> Any:
    """The batch dialog with the minutes chosen (made-up pictures in a temporary folder)."""
    from fieldapp.gui.workflow import samples

    dialog.attach.kind.setCurrentIndex(dialog.attach.kind.findData("minutes"))
    dialog.attach.add_files(samples.image_files(Path(tempfile.mkdtemp(prefix="fieldapp-attach-")))[:1])
    dialog.reason.setPlainText("材料齐全，经乡镇审核会议逐户核对，同意")
    return dialog


def _panel_with_attachments(ctx: AppContext, tasks: TaskManager, household_id: str) -> QWidget:
    """动态管理 of an exit at 户认可 with photos attached (made-up records shown in the panel: nothing written)."""
    from fieldapp.gui.workflow import samples
    from fieldapp.gui.workflow.panel import WorkflowDialog

    dialog = WorkflowDialog(ctx, household_id, tasks=tasks)
    dialog.panel._loaded(samples.exit_with_attachments(ctx, household_id, "王德福（611002001001）"))
    return dialog


def _project_dialogs(ctx: AppContext, tasks: TaskManager) -> Iterator[tuple[str, QWidget]]:
    from fieldapp.gui.projects.samples import project_dialogs

    for name, dialog in project_dialogs(ctx, tasks):
        yield from _one(name, lambda d=dialog: d)  # type: ignore[misc]


def _one(name: str, make: Callable[[], QWidget]) -> Iterator[tuple[str, QWidget]]:
    widget = make()
    try:
        yield name, widget
    finally:
        if isinstance(widget, QDialog):
            widget.done(0)
        widget.close()
        widget.deleteLater()


def cut_off(window: QWidget, area: QRect) -> list[str]:
    """What of a shown ``window`` a user cannot reach on ``area``: the window's frame beyond the screen, and
    each visible button not wholly inside the window (texts); empty when everything fits."""
    problems = []
    if not area.contains(window.frameGeometry()):
        problems.append(f"window {window.frameGeometry().getRect()} beyond screen {area.getRect()}")
    inside = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        top_left = button.mapTo(window, QPoint(0, 0))
        if not inside.contains(QRect(top_left, button.size())):
            problems.append(f"button {button.text() or button.objectName()!r} cut off")
    return problems
