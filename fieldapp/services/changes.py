"""What a write changed: one typed record that every front end announces after a write.

A write (saving a household, a visit, a check-in, a threshold, an import, a sync merge, …)
returns or is described by a :class:`Changes`; the GUI runs the write as an operation on its
task manager and then hands this record to every page that shows data (see
:mod:`fieldapp.gui.ops`), and each page refreshes what it shows if the record concerns it.

It is Qt-free and meant to grow: new kinds of data (accounts, workflow steps, audit, projects)
add a field with an empty default, so existing writers and listeners keep working. ``by`` says
who acted, for whoever wants to show or audit it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace


@dataclass(frozen=True)
class Changes:
    """What one operation changed. Combine two with ``|``."""

    #: households whose record (household, members, income, indicators, measures) changed
    households: frozenset[str] = frozenset()
    #: visits (and their links, follow-ups, photos) saved or deleted
    visits: frozenset[str] = frozenset()
    #: any number of households, visits and check-ins (an Excel import, a sync merge)
    bulk: bool = False
    #: 在村 check-ins recorded or withdrawn
    checkins: bool = False
    #: district-wide data: thresholds, reference-data overrides, areas, cadres
    reference: bool = False
    #: local settings (settings.json: plate style, language, workbench days, …)
    settings: bool = False
    #: sync bookkeeping: conflicts, quarantine, version vectors, enrolment
    sync: bool = False
    #: accounts, roles and the registry of people (and the audit log of account changes)
    people: bool = False
    #: spot-check draws, findings, rectifications and their reports
    spotchecks: bool = False
    #: weekly and monthly summaries generated or signed (汇总上报)
    reports: bool = False
    #: 挂图作战: annual targets and villages' yearly records
    targets: bool = False
    #: projects (项目库): their budgets, approvals, beneficiaries and money
    projects: bool = False
    #: assets (扶贫资产), their income, its distribution to households and their signed changes
    assets: bool = False
    #: who acted (the account's or cadre's name), when known
    by: str | None = field(default=None, compare=False)

    @classmethod
    def of_households(cls, ids: Iterable[str | None], **kwargs: object) -> Changes:
        return cls(households=frozenset(i for i in ids if i), **kwargs)  # type: ignore[arg-type]

    @classmethod
    def of_visits(cls, ids: Iterable[str | None], households: Iterable[str | None] = (),
                  **kwargs: object) -> Changes:
        return cls(visits=frozenset(i for i in ids if i), households=frozenset(h for h in households if h),
                   **kwargs)  # type: ignore[arg-type]

    def __or__(self, other: Changes) -> Changes:
        values: dict[str, object] = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, frozenset):
                values[f.name] = mine | theirs
            elif f.name == "by":
                values[f.name] = mine or theirs
            else:
                values[f.name] = bool(mine or theirs)
        return replace(self, **values)  # type: ignore[arg-type]

    @property
    def is_empty(self) -> bool:
        return self == Changes()

    @property
    def register(self) -> bool:
        """The household register (list, cards, workbench figures) may show something else now."""
        return bool(self.households) or self.bulk

    @property
    def visit_data(self) -> bool:
        """Visits or attendance may show something else now."""
        return bool(self.visits) or self.checkins or self.bulk

    @property
    def database(self) -> bool:
        """Something in the register file changed (so, for example, the unsynced count may have)."""
        return (self.register or self.visit_data or self.reference or self.sync or self.spotchecks or self.targets
                or self.projects or self.assets)

    def touches_household(self, household_id: str | None) -> bool:
        return self.bulk or (household_id is not None and household_id in self.households)

    def touches_visit(self, visit_id: str | None) -> bool:
        return self.bulk or (visit_id is not None and visit_id in self.visits)
