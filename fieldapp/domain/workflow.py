"""Workflows (动态管理), the pure part: definitions from reference data, state derived from decisions, the exit gate.

**Definitions.** ``refdata/workflows.json`` lists each workflow (identification, exit, return, monitoring,
risk elimination) as steps: code, labels, the role that decides, the least number of days between the
step becoming current and its decision, whether the decision is signed, whether it is a 公示 step.
A 公示 step shorter than ``notice_minimum_days`` (default 7) is refused when the file is read, so a
district adapts the steps without code but cannot shorten a notice below the minimum.

**Decisions form a chain.** Each decision row names the decision it follows (``prev_id``: the row that
made the step current, '' for the first step). The state is never stored: :func:`derive` walks the chain
from the start — pass moves to the next step (after the last: completed), fail closes the workflow,
return (退回) goes back one step — and keeps every decision in the history. A step passes no earlier
than ``min_days`` after it became current (a 公示 runs its full period); failing or returning it (an
objection upheld) may come at any time. Two decisions that follow
the same row (two laptops deciding one step offline) are a fork: the state is ``conflict`` with both
decisions, never one silently chosen. A person with the step's role settles it by a new decision on
the step that names every conflicting one (``settles``) with a reason; the decisions it sets aside are
kept as ``superseded``.

**The exit gate.** :func:`exit_gate` says why a household may not be proposed for exit: per-capita
income of the year at or below that year's exit standard, no standard known for the year, or a
两不愁三保障 indicator not met (or not recorded).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from fieldapp.domain import refdata

PASS, FAIL, RETURN = "pass", "fail", "return"
DECISIONS = (PASS, FAIL, RETURN)
DECISION_WORDS = {PASS: "通过", FAIL: "不通过", RETURN: "退回"}
DECIDING_ROLES = ("member", "leader", "committee", "township", "district")

# derived states
OPEN, COMPLETED, FAILED, CONFLICT, IMPORTED = "open", "completed", "failed", "conflict", "imported"
STATE_WORDS = {OPEN: "进行中", COMPLETED: "已完成", FAILED: "未通过（已结束）", CONFLICT: "有冲突，待处理",
               IMPORTED: "导入的状态"}
ORIGIN_APP, ORIGIN_IMPORTED = "app", "imported"
NOTICE_MINIMUM_DAYS = 7
#: the least number of days a disclosure notice (资金公示: plan, project, completion, subsidy) is posted
DISCLOSURE_MINIMUM_DAYS = 10

START_PERMISSION = "workflow.start"
OVERRIDE_PERMISSION = "workflow.override"


def decide_permission(role: str) -> str:
    """The permission that lets an account decide a step of ``role`` (permissions.json)."""
    return f"workflow.decide.{role}"


class WorkflowError(Exception):
    """A workflow act refused; the message names the problem."""


class TooEarly(WorkflowError):
    """A step decided before its minimum duration has passed; ``earliest`` is the first allowed day."""

    def __init__(self, step: Step, earliest: dt.date) -> None:
        self.earliest = earliest
        super().__init__(f"步骤“{step.text()}”（{step.code}）须满 {step.min_days} 天，"
                         f"{earliest.isoformat()} 起才能决定")


# ---------------------------------------------------------------- definitions


@dataclass(frozen=True)
class Step:
    code: str
    label: Mapping[str, str]
    role: str
    min_days: int = 0
    signature: bool = True
    notice: bool = False
    gate: str | None = None
    deliberation: bool = False  # a 评议 step: its decision names the meeting (deliberation)
    announcement: bool = False  # a 公告 step: its notice is made like a 公示's
    attachment: str | None = None  # an attachment kind (refdata attachment_kind) a pass must carry

    @property
    def posts_notice(self) -> bool:
        """Whether reaching this step makes a notice from the households at it (公示 or 公告)."""
        return self.notice or self.announcement

    def text(self, lang: str = refdata.DEFAULT_LANGUAGE) -> str:
        return self.label.get(lang) or self.label[refdata.DEFAULT_LANGUAGE]

    @property
    def permission(self) -> str:
        return decide_permission(self.role)


@dataclass(frozen=True)
class Definition:
    kind: str
    label: Mapping[str, str]
    result: str
    steps: tuple[Step, ...]
    needs: tuple[str, ...] = ()

    def text(self, lang: str = refdata.DEFAULT_LANGUAGE) -> str:
        return self.label.get(lang) or self.label[refdata.DEFAULT_LANGUAGE]

    def index(self, code: str) -> int:
        for i, s in enumerate(self.steps):
            if s.code == code:
                return i
        raise WorkflowError(f"“{self.text()}”没有步骤 {code}（步骤：{'、'.join(s.code for s in self.steps)}）")


@dataclass(frozen=True)
class Definitions:
    workflows: Mapping[str, Definition]
    notice_minimum_days: int = NOTICE_MINIMUM_DAYS
    source: str = ""
    disclosure_minimum_days: int = DISCLOSURE_MINIMUM_DAYS

    def get(self, kind: str) -> Definition:
        found = self.workflows.get(kind)
        if found is None:
            raise WorkflowError(f"未知的流程：{kind}（可用：{'、'.join(self.workflows)}）")
        return found


def parse_definitions(raw: Any, roles: Iterable[str] = DECIDING_ROLES) -> Definitions:
    """``workflows.json`` as definitions; raises ``RefDataError`` naming what is wrong."""
    known = set(roles)
    try:
        minimum = int(raw.get("notice_minimum_days", NOTICE_MINIMUM_DAYS))
        disclosure_minimum = int(raw.get("disclosure_minimum_days", DISCLOSURE_MINIMUM_DAYS))
        flows: dict[str, Definition] = {}
        for w in raw["workflows"]:
            steps = tuple(Step(str(s["code"]), dict(s["label"]), str(s["role"]), int(s.get("min_days", 0)),
                               bool(s.get("signature", True)), bool(s.get("notice", False)), s.get("gate"),
                               bool(s.get("deliberation", False)), bool(s.get("announcement", False)),
                               str(s["attachment"]) if s.get("attachment") else None)
                          for s in w["steps"])
            flows[str(w["kind"])] = Definition(str(w["kind"]), dict(w["label"]), str(w["result"]), steps,
                                               tuple(str(n) for n in w.get("needs", ())))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise refdata.RefDataError(f"workflows.json: 格式错误 ({exc!r})") from exc
    if minimum < 1 or disclosure_minimum < 1:
        raise refdata.RefDataError("workflows.json: 公示最短天数（notice_minimum_days、disclosure_minimum_days）"
                                   "应至少为 1 天")
    for d in flows.values():
        if not d.steps:
            raise refdata.RefDataError(f"workflows.json: 流程 {d.kind} 没有步骤")
        codes = [s.code for s in d.steps]
        if len(set(codes)) != len(codes):
            raise refdata.RefDataError(f"workflows.json: 流程 {d.kind} 的步骤代码重复")
        for s in d.steps:
            if s.role not in known:
                raise refdata.RefDataError(f"workflows.json: 流程 {d.kind} 步骤 {s.code} 的角色 {s.role} 不能决定步骤")
            if refdata.DEFAULT_LANGUAGE not in s.label:
                raise refdata.RefDataError(f"workflows.json: 流程 {d.kind} 步骤 {s.code} 缺少简体中文名称")
            if s.min_days < 0:
                raise refdata.RefDataError(f"workflows.json: 流程 {d.kind} 步骤 {s.code} 的天数不能为负")
            if s.notice and s.min_days < minimum:
                raise refdata.RefDataError(
                    f"workflows.json: 流程 {d.kind} 的公示步骤 {s.code} 只有 {s.min_days} 天，"
                    f"公示期不得少于 {minimum} 天")
            if s.gate not in (None, "exit"):
                raise refdata.RefDataError(f"workflows.json: 流程 {d.kind} 步骤 {s.code} 的条件 {s.gate} 不存在")
    return Definitions(flows, minimum, str(raw.get("source", "")), disclosure_minimum)


def definitions(ref: refdata.RefData | None = None) -> Definitions:
    """The workflows of ``ref`` (the process's reference data by default), read once per RefData."""
    ref = ref or refdata.default()
    cached = ref.__dict__.get("_workflow_definitions")
    if cached is None:
        cached = parse_definitions(ref._load_json("workflows.json"))
        ref.__dict__["_workflow_definitions"] = cached
    return cached


# ---------------------------------------------------------------- decisions and the derived state


@dataclass(frozen=True)
class Decision:
    """One stored decision on a step (a ``workflow_step`` row)."""

    id: str
    step: str
    decision: str
    reason: str
    prev_id: str
    person_id: str
    person_name: str
    role: str  # the step's role
    decided_at: int  # ms since the epoch
    signoff_id: str | None = None
    override: bool = False
    decided_as: str = ""  # the decider's own role
    settles: tuple[str, ...] = ()  # the conflicting decisions this one settles (a reviewer's explicit choice)
    meeting_id: str | None = None  # a deliberation step: the 评议 meeting the decision rests on


@dataclass(frozen=True)
class State:
    """Where a workflow stands, derived from its decisions (never stored)."""

    status: str
    position: int  # index of the current step (len(steps) once completed)
    since: int  # ms: when the current step became current (or the workflow ended)
    head_id: str  # the decision the next one follows ('' before the first)
    history: tuple[Decision, ...] = ()
    conflicts: tuple[Decision, ...] = ()
    problems: tuple[str, ...] = ()
    superseded: tuple[Decision, ...] = ()  # conflicting decisions a settling decision set aside (kept, shown)

    @property
    def is_open(self) -> bool:
        return self.status in (OPEN, CONFLICT)

    def current(self, definition: Definition) -> Step | None:
        return definition.steps[self.position] if self.status == OPEN else None


def derive(definition: Definition, started_at: int, decisions: Iterable[Decision], *,
           origin: str = ORIGIN_APP) -> State:
    """The state of a workflow from its decisions (in any order: they are chained by ``prev_id``)."""
    if origin == ORIGIN_IMPORTED:
        return State(IMPORTED, len(definition.steps), started_at, "")
    following: dict[str, list[Decision]] = {}
    for d in decisions:
        following.setdefault(d.prev_id, []).append(d)
    position, since, head = 0, started_at, ""
    history: list[Decision] = []
    superseded: list[Decision] = []
    problems: list[str] = []
    status = OPEN
    while True:
        nexts = sorted(following.pop(head, []), key=lambda d: (d.decided_at, d.id))
        if not nexts:
            break
        d = nexts[0]
        if len(nexts) > 1:
            settling = [s for s in nexts if {o.id for o in nexts if o is not s} <= set(s.settles)]
            if len(settling) != 1:
                return State(CONFLICT, position, since, head, tuple(history), tuple(nexts),
                             (*problems, _conflict_text(definition, nexts)), tuple(superseded))
            d = settling[0]
            superseded.extend(o for o in nexts if o is not d)
        expected = definition.steps[position].code
        if d.step != expected:
            problems.append(f"{when_text(d.decided_at)} {d.person_name} 决定的步骤 {d.step} 不是当时的步骤 {expected}")
        history.append(d)
        head, since = d.id, d.decided_at
        if d.decision == PASS:
            position += 1
            if position == len(definition.steps):
                status = COMPLETED
                break
        elif d.decision == FAIL:
            status = FAILED
            break
        elif d.decision == RETURN:
            position = max(position - 1, 0)
    left = sum(len(v) for v in following.values())
    if left and status == OPEN:
        problems.append(f"{left} 条决定接不上流程（前一条决定尚未同步到本机？）")
    return State(status, position, since, head, tuple(history), (), tuple(problems), tuple(superseded))


def _conflict_text(definition: Definition, rows: Sequence[Decision]) -> str:
    step = rows[0].step
    try:
        name = definition.steps[definition.index(step)].text()
    except WorkflowError:
        name = step
    who = "；".join(f"{d.person_name}（{when_text(d.decided_at)}）{DECISION_WORDS.get(d.decision, d.decision)}"
                   for d in rows)
    return f"步骤“{name}”（{step}）有 {len(rows)} 个互相冲突的决定：{who}"


def when_text(ms: int) -> str:
    return dt.datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d %H:%M")


def day_of(ms: int) -> dt.date:
    return dt.datetime.fromtimestamp(ms / 1000).date()


def earliest(step: Step, since_ms: int) -> dt.date:
    """The first day ``step`` may be decided: ``min_days`` calendar days after it became current."""
    return day_of(since_ms) + dt.timedelta(days=step.min_days)


def check_decision(definition: Definition, state: State, step_code: str, decision: str, *, reason: str,
                   now_ms: int, settle: bool = False) -> Step:
    """The step being decided, or ``WorkflowError`` naming why the decision is refused (not the role: the
    caller checks the step's permission). ``settle``: the decision settles the step's conflicting decisions
    (a reviewer's explicit choice, with a reason); only while there is a conflict."""
    if decision not in DECISIONS:
        raise WorkflowError(f"决定应为 {'、'.join(DECISIONS)} 之一：{decision}")
    if settle and state.status != CONFLICT:
        raise WorkflowError("该流程没有冲突的决定，无需处理冲突（去掉 --settle）")
    if settle and not reason.strip():
        raise WorkflowError("处理冲突须写明理由（--reason）")
    if state.status == CONFLICT and not settle:
        raise WorkflowError("；".join(state.problems) + "。请有权限的人核实后处理冲突（--settle，写明理由）")
    if state.status not in (OPEN, CONFLICT):
        raise WorkflowError(f"“{definition.text()}”{STATE_WORDS[state.status]}，不能再决定步骤")
    step = definition.steps[definition.index(step_code)]
    current = definition.steps[state.position]
    if step.code != current.code:
        raise WorkflowError(f"当前步骤是“{current.text()}”（{current.code}），不是“{step.text()}”（{step.code}）")
    if decision in (FAIL, RETURN) and not reason.strip():
        raise WorkflowError(f"{DECISION_WORDS[decision]}须写明原因（--reason）")
    if decision == RETURN and state.position == 0:
        raise WorkflowError("第一步没有可退回的上一步；不通过请用 fail")
    if now_ms < state.since:
        raise WorkflowError("决定时间早于上一步的决定时间")
    first = earliest(step, state.since)
    if decision == PASS and day_of(now_ms) < first:  # an objection may send a notice back before it ends
        raise TooEarly(step, first)
    return step


def check_attachment(step: Step, decision: str, kinds: Iterable[str], kind_label: str) -> None:
    """A step that names a required attachment kind (户认可: the signed 脱贫确认书) passes only with an
    attachment of that kind; ``kind_label`` is that kind in words, for the refusal."""
    if step.attachment and decision == PASS and step.attachment not in set(kinds):
        raise WorkflowError(f"“{step.text()}”须附上{kind_label}的照片（附件类别 {step.attachment}）才能通过")


# ---------------------------------------------------------------- the exit gate


@dataclass(frozen=True)
class Gate:
    """Whether a household may be proposed for exit, with the figures it was judged on."""

    year: int | None
    per_person: int | None  # fen
    standard: int | None  # fen
    unmet: tuple[str, ...] = ()  # indicator codes not met or not recorded
    problems: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.problems

    def snapshot(self) -> dict[str, Any]:
        return {"year": self.year, "per_person": self.per_person, "standard": self.standard,
                "unmet": list(self.unmet), "problems": list(self.problems)}


def exit_gate(year: int | None, per_person: int | None, standard: int | None,
              indicators: Mapping[str, bool | None], indicator_labels: Mapping[str, str]) -> Gate:
    """Judge the exit standard: income above the year's standard and every indicator of
    ``indicator_labels`` (code → label) met. ``indicators``: code → met as recorded (None: unanswered)."""
    problems: list[str] = []
    if year is None:
        problems.append("没有收入记录，无法判断人均纯收入是否高于退出标准")
    elif standard is None:
        problems.append(f"参考数据中没有 {year} 年本地的退出标准（exit_standard）")
    elif per_person is None:
        problems.append(f"{year} 年人均纯收入无法计算（人口数未知）")
    elif per_person <= standard:
        problems.append(f"{year} 年人均纯收入 {_yuan(per_person)} 元未高于当年退出标准 {_yuan(standard)} 元")
    unmet = tuple(code for code in indicator_labels if indicators.get(code) is not True)
    for code in unmet:
        state = "未填写" if indicators.get(code) is None else "未达到"
        problems.append(f"两不愁三保障指标“{indicator_labels[code]}”{state}")
    return Gate(year, per_person, standard, unmet, tuple(problems))


def _yuan(fen: int) -> str:
    return f"{fen / 100:.2f}"


# ---------------------------------------------------------------- where a household stands

EXITED_CODES = frozenset({"1", "4"})  # exit_status: 已脱贫 (still supported / support ended)


def is_monitored(finished_kinds: Sequence[str]) -> bool:
    """Whether a household is a monitored household (防返贫监测对象): its last completed monitoring or risk
    elimination workflow (``finished_kinds``: kinds of its completed workflows, oldest first) is a monitoring."""
    state = False
    for kind in finished_kinds:
        if kind == "monitoring":
            state = True
        elif kind == "risk_elimination":
            state = False
    return state


def has_exited(finished: Sequence[tuple[str, str | None]], typed_exit_status: str | None) -> bool:
    """Whether the household counts as exited: the last finished identification, exit or return decides
    (``finished``: (kind, imported value) of completed or imported workflows, oldest first); with none,
    the typed ``exit_status``. Monitoring and risk elimination leave it as it is (脱贫不脱政策)."""
    state: bool | None = None
    for kind, imported in finished:
        if kind == "exit":
            state = imported is None or imported in EXITED_CODES
        elif kind in ("identification", "return"):
            state = False
    if state is None:
        return typed_exit_status in EXITED_CODES
    return state


# The exit status a completed workflow of each kind leaves (exit_status codes; 脱贫不脱政策: an exit keeps
# the support, so 已脱贫(享受政策)). Monitoring and risk elimination leave the status as it is.
RESULT_STATUS = {"identification": "0", "exit": "1", "return": "3"}
SOURCE_WORKFLOW, SOURCE_IMPORTED = "workflow", "imported"
# A household's fields the workflows decide: set once by an import (a new household), never typed after.
DERIVED_FIELDS = ("exit_status", "exit_year")
TYPED_REFUSAL = ("{label}由动态管理流程确定，不能直接修改：脱贫请发起“退出”流程，返贫请发起“返贫”流程，"
                 "纳入请发起“精准识别”流程（审核页，或 fieldapp workflow start exit|return|identification）")
DERIVED_LABELS = {"exit_status": "脱贫状态", "exit_year": "脱贫年度"}


def typed_change_problems(values: Mapping[str, Any], before: Mapping[str, Any]) -> dict[str, str]:
    """field → why an update of an existing household may not change it (the fields the workflows decide)."""
    return {name: TYPED_REFUSAL.format(label=DERIVED_LABELS[name]) for name in DERIVED_FIELDS
            if name in values and (values.get(name) or None) != (before.get(name) or None)}


class Flow(Protocol):
    """What :func:`standing` reads of a workflow (``services.workflow.store.WorkflowView`` is one)."""

    @property
    def kind(self) -> str: ...
    @property
    def origin(self) -> str: ...
    @property
    def imported_value(self) -> str | None: ...
    @property
    def definition(self) -> Definition: ...
    @property
    def state(self) -> State: ...


@dataclass(frozen=True)
class Standing:
    """Where a household stands, derived from its workflows (never typed).

    ``exit_status``/``exit_year``: from the last finished identification, exit or return (an exit completed
    here: 已脱贫(享受政策) in the year of its completing decision); with none, the household's own value, which
    is the imported one (migration 0011, a household created by an import). ``source`` says which
    (``workflow`` | ``imported`` | '' when nothing is known). ``kind``/``step``: the open workflow and its
    current step (the step in conflict, with ``conflict``), or None."""

    exit_status: str | None
    exit_year: int | None
    source: str
    kind: str | None = None
    step: str | None = None
    conflict: bool = False

    @property
    def exited(self) -> bool:
        return self.exit_status in EXITED_CODES


def standing(flows: Sequence[Flow], imported_status: str | None, imported_year: int | None) -> Standing:
    """The household's :class:`Standing` from its workflows (oldest first) and its own (imported) values."""
    status, year = imported_status or None, imported_year
    source = SOURCE_IMPORTED if status is not None or year is not None else ""
    kind = step = None
    conflict = False
    for f in flows:
        state = f.state
        if f.kind in RESULT_STATUS and state.status in (COMPLETED, IMPORTED):
            if state.status == IMPORTED:
                status = f.imported_value or RESULT_STATUS[f.kind]
                year, source = imported_year, SOURCE_IMPORTED
            else:
                status, source = RESULT_STATUS[f.kind], SOURCE_WORKFLOW
                if f.kind == "exit":
                    year = day_of(state.since).year  # the completing decision
                elif f.kind == "identification":
                    year = None  # a return keeps the year the household had exited
        if state.is_open:
            steps = f.definition.steps
            kind, step = f.kind, steps[min(state.position, len(steps) - 1)].code
            conflict = state.status == CONFLICT
    return Standing(status, year, source, kind, step, conflict)


def where_text(defs: Definitions, kind: str | None, step: str | None, *, conflict: bool = False,
               lang: str = refdata.DEFAULT_LANGUAGE) -> str:
    """“退出（脱贫） · 公示”: a workflow and its step in words ('' for none; codes a laptop does not know
    are shown as codes)."""
    if not kind:
        return ""
    definition = defs.workflows.get(kind)
    if definition is None:
        return f"{kind} · {step}" if step else kind
    text = definition.text(lang)
    if step:
        found = next((s for s in definition.steps if s.code == step), None)
        text += " · " + (found.text(lang) if found else step)
    if conflict:
        text += " " + {"zh-Hans": "（有冲突）", "zh-Hant": "（有衝突）"}.get(lang, "(conflict)")
    return text
