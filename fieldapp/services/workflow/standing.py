"""A household's exited state and exit date from its workflows: the one function every capability asks.

The domain rule is :func:`fieldapp.domain.workflow.has_exited` (the last finished identification, exit or
return decides; without one, the typed 脱贫状态). :func:`exit_state` applies it to a household's workflows
as read (:class:`fieldapp.services.workflow.store.WorkflowView`) — today, or as things stood at the end of
a year — and says when the exit that holds happened: the day of its last decision, or only its year for
an exit imported from the typed 脱贫年度 (a state migration) or typed without any workflow.

Who uses it: the 贫困发生率 and village-exit judgement (``services.targets.standing``), the 挂图作战
charts (``services.charts.sources``) and the workflow page (``store.exited``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.domain import workflow as rules
from fieldapp.services.workflow.store import WorkflowView

EXIT = "exit"


@dataclass(frozen=True)
class ExitState:
    """Whether a household counts as exited, and when the exit that holds happened.

    ``exit_on``: the day of the exit workflow's last decision (None: known by its year only, or not
    exited); ``exit_year``: the year of that exit (None: not exited, or exited with no year known)."""

    exited: bool
    exit_year: int | None = None
    exit_on: dt.date | None = None


def year_end_ms(year: int) -> int:
    """The first instant of the next year (local time, as decisions are dated), in ms."""
    return int(dt.datetime(year + 1, 1, 1).timestamp() * 1000)


day_of = rules.day_of  # the day a decision was made (one definition, the domain's)


def finished_by(view: WorkflowView, typed_exit_year: int | None, year: int | None) -> bool:
    """Whether the workflow had finished (completed or imported) by now (``year`` None) or the end of ``year``."""
    status = view.state.status
    if status == rules.COMPLETED:
        return year is None or view.state.since < year_end_ms(year)
    if status == rules.IMPORTED:
        # a state migration's exit is dated by the typed 脱贫年度, not by the migration
        return year is None or not (view.kind == EXIT and (typed_exit_year or 0) > year)
    return False


def exit_state(views: Sequence[WorkflowView], typed_exit_status: str | None, typed_exit_year: int | None,
               *, year: int | None = None) -> ExitState:
    """The household's exited state from its workflows (``views``, oldest first) and typed 脱贫状态 / 脱贫年度:
    now (``year`` None) or at the end of ``year``, when an exit typed for a later year had not happened."""
    finished = [v for v in views if finished_by(v, typed_exit_year, year)]
    typed = typed_exit_status
    if year is not None and typed in rules.EXITED_CODES and typed_exit_year is not None and typed_exit_year > year:
        typed = "0"
    exited = rules.has_exited([(v.kind, v.imported_value) for v in finished], typed)
    if not exited:
        return ExitState(False)
    last_exit = next((v for v in reversed(finished) if v.kind == EXIT), None)
    if last_exit is not None and last_exit.state.status == rules.COMPLETED:
        on = day_of(last_exit.state.since)
        return ExitState(True, on.year, on)
    return ExitState(True, typed_exit_year, None)  # imported or typed: its year only
