"""Made-up workflow records for looking at the workflow windows (:mod:`fieldapp.gui.screens`): an exit at
户认可 with photos attached to its 评议 meeting and its decisions, and pictures to attach. Nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from fieldapp.domain import workflow as rules
from fieldapp.gui.workflow.data import HouseholdFlows, SignatureLine
from fieldapp.services.context import AppContext
from fieldapp.services.workflow.attachments import Attachment
from fieldapp.services.workflow.store import WorkflowView

DAY_MS = 86_400_000
STARTED = 1765000000000


def page_image(title: str, width: int = 480, height: int = 640, *, stamp: bool = True) -> QImage:
    """A photographed page: a title, lines of writing, signatures and a red seal."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(246, 243, 232))
    painter = QPainter(image)
    font = QFont(painter.font())
    font.setPixelSize(max(height // 18, 12))
    painter.setFont(font)
    painter.setPen(QColor(30, 30, 40))
    painter.drawText(QRect(0, height // 16, width, height // 10), Qt.AlignmentFlag.AlignHCenter, title)
    painter.setPen(QPen(QColor(60, 60, 80), 2))
    for i, y in enumerate(range(height // 4, height * 3 // 4, height // 22)):
        painter.drawLine(width // 10, y, width * 9 // 10 - (i * 37) % (width // 4), y)
    if stamp:
        painter.setPen(QPen(QColor(200, 30, 30), 5))
        side = width // 4
        painter.drawEllipse(width * 3 // 5, height * 3 // 4, side, side)
    painter.end()
    return image


def jpeg(image: QImage, side: int = 240) -> bytes:
    scaled = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    scaled.save(buffer, "JPEG", 85)
    return bytes(data.data())


def image_files(folder: Path) -> list[Path]:
    """Two pictures to attach in the decide dialog (the minutes, the signed confirmation)."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for name, title in (("会议记录.jpg", "乡镇审核会议记录"), ("确认书.jpg", "脱贫确认书")):
        path = folder / name
        page_image(title).save(str(path), "JPEG", 85)
        made.append(path)
    return made


def exit_with_attachments(ctx: AppContext, household_id: str, title: str) -> HouseholdFlows:
    """An exit decided through 户认可 (03), with the meeting's minutes and the signed confirmation attached."""
    definition = rules.definitions(ctx.ref).get("exit")
    people = {"leader": "张建华", "committee": "惠志兵", "member": "李秀红"}
    decisions: list[rules.Decision] = []
    prev = ""
    for i, step in enumerate(definition.steps[:4]):
        decision = rules.Decision(f"sample-{i}", step.code, rules.PASS, "", prev, f"p-{step.role}",
                                  people[step.role], step.role, STARTED + (i + 1) * DAY_MS, f"sig-{i}",
                                  decided_as=step.role, meeting_id="sample-meeting" if step.deliberation else None)
        decisions.append(decision)
        prev = decision.id
    state = rules.derive(definition, STARTED, decisions)
    view = WorkflowView("sample-exit", household_id, "exit", definition, STARTED, "张建华", rules.ORIGIN_APP, None,
                        None, None, state)
    pictures = {"a" * 64: ("村民代表大会会议记录", "minutes", "sample-meeting"),
                "b" * 64: ("户主签字的脱贫确认书", "confirmation", "sample-3"),
                "c" * 64: ("入户核实照片", "other", "sample-2")}
    thumbs = {sha: jpeg(page_image(caption, stamp=kind != "other")) for sha, (caption, kind, _o) in pictures.items()}
    found = {sha: Attachment(f"att-{sha[0]}", owner, f"photo-{sha[0]}", sha, kind, caption, 0, 1200, 1600)
             for sha, (caption, kind, owner) in pictures.items()}
    by_step = {"sample-3": [found["b" * 64]], "sample-2": [found["c" * 64]]}
    codes = ("7K2QM-XD4T9-P", "H3VNB-8RC2Z-4", "Q9TWE-1MF6K-A", "C5ZJR-2NP8X-7")
    # the 评议 was decided for three households at once: one batch signature
    signatures = {d.id: SignatureLine(code, batch=3 if d.step == "01" else 0)
                  for d, code in zip(decisions, codes, strict=True)}
    return HouseholdFlows(household_id, title, (view,), False, "typed", "0", signatures, by_step,
                          {"sample-meeting": [found["a" * 64]]}, thumbs)
