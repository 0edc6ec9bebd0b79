"""The first-start wizard (首次使用设置): service area, the signed-in cadre, the first account's password
(once the people services are installed: that cadre becomes the laptop's team leader and administrator),
and a summary.

Each field is checked as it changes with :meth:`SetupInfo.problems`; the message shows
in red under a field once the user has edited it, and "下一步" stays disabled while the
page has problems. "完成" runs :func:`fieldapp.services.setup.run_setup`, which also
creates this laptop's device identity.
"""

from __future__ import annotations

import dataclasses
import html
import logging

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fieldapp.gui import codes, geometry
from fieldapp.gui.errors import show_error
from fieldapp.services.context import AppContext
from fieldapp.services.setup import SetupInfo, run_setup

#: the setup creates the first account (the people services are installed): the wizard asks for its password
WITH_ACCOUNT = "password" in getattr(SetupInfo, "__dataclass_fields__", {})

log = logging.getLogger("fieldapp.gui.wizard")

ERROR_STYLE = "color: #c62828;"


class _FieldPage(QWizardPage):
    """A form page whose completeness is "none of my fields has a problem"."""

    FIELDS: tuple[str, ...] = ()

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setup_wizard = wizard
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setVerticalSpacing(4)
        self.errors: dict[str, QLabel] = {}
        self._touched: set[str] = set()

    def add_field(self, name: str, label: str, widget: QWidget) -> None:
        error = QLabel(self)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setObjectName(f"error_{name}")
        error.hide()
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 6)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        # rows keep their natural height (the message right under its field); spare space stays below
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.form.addRow(label, box)
        self.errors[name] = error
        signal = widget.textChanged if isinstance(widget, (QLineEdit, QPlainTextEdit)) else None
        if signal is not None:
            signal.connect(lambda *_args, n=name: self._edited(n))

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        self.update_errors()
        self.completeChanged.emit()

    def problems(self) -> dict[str, str]:
        all_problems = self.setup_wizard.info().problems()
        return {k: v for k, v in all_problems.items() if k in self.FIELDS}

    def update_errors(self, show_all: bool = False) -> None:
        problems = self.problems()
        for name, label in self.errors.items():
            message = problems.get(name) if (show_all or name in self._touched) else None
            label.setText(message or "")
            label.setVisible(bool(message))

    def isComplete(self) -> bool:
        return not self.problems()

    def validatePage(self) -> bool:
        self.update_errors(show_all=True)
        return self.isComplete()


class AreaPage(_FieldPage):
    FIELDS = ("district", "district_code", "town", "villages")

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("服务区域"))
        self.setSubTitle(self.tr("这台电脑为哪个乡镇、哪些村服务。"))
        self.district = QLineEdit(self)
        self.district.setPlaceholderText(self.tr("例如：商州区"))
        self.district_code = QLineEdit(self)
        self.district_code.setPlaceholderText(self.tr("可不填；6位数字，例如 611002"))
        self.district_code.setMaxLength(6)
        self.town = QLineEdit(self)
        self.town.setPlaceholderText(self.tr("例如：北宽坪镇"))
        self.villages = QPlainTextEdit(self)
        self.villages.setPlaceholderText(self.tr("每行一个村名"))
        self.villages.setTabChangesFocus(True)
        self.villages.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.add_field("district", self.tr("区县"), self.district)
        self.add_field("district_code", self.tr("区县代码"), self.district_code)
        self.add_field("town", self.tr("乡镇"), self.town)
        self.add_field("villages", self.tr("村（每行一个）"), self.villages)

    def village_names(self) -> list[str]:
        return [line.strip() for line in self.villages.toPlainText().splitlines() if line.strip()]


class CadrePage(_FieldPage):
    FIELDS = ("cadre_name", "cadre_phone")

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("包扶干部"))
        self.setSubTitle(self.tr("使用这台电脑的干部。每条修改都会记下填报人。"))
        self.name = QLineEdit(self)
        self.unit = QLineEdit(self)
        self.unit.setPlaceholderText(self.tr("例如：区国土资源局"))
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("手机号11位，或座机如 0914-1234567"))
        self.role = QComboBox(self)
        codes.fill_code_combo(self.role, wizard.ctx.ref["cadre_role"], blank=None)
        codes.set_combo_code(self.role, "member")
        self.add_field("cadre_name", self.tr("姓名"), self.name)
        self.add_field("cadre_unit", self.tr("派出单位"), self.unit)
        self.add_field("cadre_phone", self.tr("电话"), self.phone)
        self.add_field("cadre_role", self.tr("角色"), self.role)


class PasswordPage(_FieldPage):
    """The first account's password, twice: the cadre signs in with their name and this password."""

    FIELDS = ("password", "password_again")

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("登录密码"))
        self.setSubTitle(self.tr("以后用姓名和这个密码登录。这个账号是本机的队长和管理员，可以为队员添加账号。"
                                 "密码不会保存，忘记后只能由本机的队长或管理员重设。"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("password")
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setObjectName("password_again")
        self.add_field("password", self.tr("密码"), self.password)
        self.add_field("password_again", self.tr("再输一遍"), self.again)

    def problems(self) -> dict[str, str]:
        found = super().problems()
        if not self.password.text():
            found.setdefault("password", self.tr("请设置登录密码"))
        if self.again.text() != self.password.text():
            found["password_again"] = self.tr("两次输入的密码不一致")
        return found


class SummaryPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setup_wizard = wizard
        self.setTitle(self.tr("确认"))
        self.setSubTitle(self.tr("点击“完成”保存设置。"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.identity_note = QLabel(self.tr(
            "完成后将为这台电脑创建设备身份：一个设备编号和一对用于数据同步的密钥。"
            "密钥只保存在本机的数据文件夹中，请勿复制给他人。"), self)
        self.identity_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(12)
        layout.addWidget(self.identity_note)
        layout.addStretch(1)

    def initializePage(self) -> None:
        info = self.setup_wizard.info()
        role = self.setup_wizard.ctx.ref["cadre_role"].label(info.cadre_role, codes.current_language())
        rows = [
            (self.tr("区县"), info.district + (f"（{info.district_code}）" if info.district_code else "")),
            (self.tr("乡镇"), info.town),
            (self.tr("村"), "、".join(info.villages)),
            (self.tr("包扶干部"), info.cadre_name),
            (self.tr("派出单位"), info.cadre_unit or "—"),
            (self.tr("电话"), info.cadre_phone or "—"),
            (self.tr("角色"), role),
        ]
        body = "".join(f"<tr><td style='padding-right:16px'>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
                       for k, v in rows)
        self.summary.setText(f"<table>{body}</table>")

    def validatePage(self) -> bool:
        return self.setup_wizard.commit()


class SetupWizard(QWizard):
    """首次使用设置. ``accepted`` means the setup ran and ``ctx.is_set_up`` is now true."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("首次使用设置"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步 >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.area_page = AreaPage(self)
        self.cadre_page = CadrePage(self)
        self.password_page = PasswordPage(self) if WITH_ACCOUNT else None
        self.summary_page = SummaryPage(self)
        for page in (self.area_page, self.cadre_page, self.password_page, self.summary_page):
            if page is not None:
                self.addPage(page)
        geometry.fit(self, "setup_wizard", (640, 520))

    def info(self) -> SetupInfo:
        area, cadre = self.area_page, self.cadre_page
        info = SetupInfo(
            district=area.district.text().strip(), town=area.town.text().strip(),
            villages=area.village_names(), district_code=area.district_code.text().strip(),
            cadre_name=cadre.name.text().strip(), cadre_unit=cadre.unit.text().strip(),
            cadre_phone=cadre.phone.text().strip(), cadre_role=codes.combo_code(cadre.role) or "member",
        )
        if self.password_page is not None:
            info = dataclasses.replace(info, password=self.password_page.password.text())  # type: ignore[call-arg, unused-ignore]
        return info

    def commit(self) -> bool:
        """Run the setup; on failure show why and stay on the page."""
        try:
            run_setup(self.ctx, self.info())
        except Exception as exc:
            show_error(self, exc)
            return False
        log.info("first-start setup finished")
        return True
