"""贫困发生率 from the register for a village, a town or the district, and a village's exit judgement.

Numerator: the people of the households that count as poor at the end of the year
(:func:`standing.poor_in_year`). Denominator: the rural population of the villages' yearly records
(``village_year.rural_population``): the register holds only the poor households, so it cannot count
everyone. An area whose villages do not all have a population recorded for the year has no rate; the
villages lacking one are named (``missing_population``). The rate is rounded half-up to two decimals
(:func:`fieldapp.domain.targets.incidence_percent`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fieldapp.domain import targets as rules
from fieldapp.domain.refdata import RefData
from fieldapp.services.targets import standing
from fieldapp.services.targets.areas import AreaTree, area_tree
from fieldapp.services.targets.records import VillageYearRecord, village_year, village_years
from fieldapp.store.db import Database


@dataclass(frozen=True)
class Incidence:
    area_id: str
    year: int
    poor_households: int
    poor_people: int
    population: int | None  # the villages' rural population (None: some village has none recorded)
    villages: tuple[str, ...]
    missing_population: tuple[str, ...] = ()  # villages without a rural population for the year

    @property
    def percent(self) -> Decimal | None:
        return rules.incidence_percent(self.poor_people, self.population)


def incidence(db: Database, ref: RefData, area_id: str, year: int, *, tree: AreaTree | None = None) -> Incidence:
    """The incidence of a village, town or district at the end of ``year``."""
    tree = tree or area_tree(db)
    villages = tree.villages_under(area_id)
    populations = {r.village_id: r.rural_population for r in village_years(db, ref, villages, year)}
    with db.read() as conn:
        standings = [s for s in standing.poor_in_year(conn, ref, villages, year) if s.poor]
    missing = tuple(v for v in villages if not populations.get(v))
    population = None if missing or not villages else sum(int(populations[v] or 0) for v in villages)
    return Incidence(area_id, year, len(standings), sum(s.people for s in standings), population,
                     tuple(villages), missing)


def incidences(db: Database, ref: RefData, area_ids: list[str], year: int) -> list[Incidence]:
    tree = area_tree(db)
    return [incidence(db, ref, a, year, tree=tree) for a in area_ids]


@dataclass(frozen=True)
class VillageExitView:
    """A village's year: its record, the incidence computed from the register beside the official one,
    the standard that applies and what is missing for it to be lifted out."""

    record: VillageYearRecord
    incidence: Incidence
    standard: rules.ExitStandard
    judgement: rules.ExitJudgement
    name: str = ""

    @property
    def computed(self) -> Decimal | None:
        return self.incidence.percent

    @property
    def difference(self) -> Decimal | None:
        """Computed minus official, in percentage points (None unless both are known)."""
        if self.computed is None or self.record.official_incidence is None:
            return None
        return self.computed - self.record.official_incidence


def village_exit(db: Database, ref: RefData, village_id: str, year: int, *,
                 district_code: str = "") -> VillageExitView:
    """The village's exit view for the year; ``district_code`` is used when no area up the tree has a code."""
    tree = area_tree(db)
    record = village_year(db, ref, village_id, year)
    found = incidence(db, ref, village_id, year, tree=tree)
    code = tree.county_code(village_id) or district_code
    standard = rules.standard_for(ref.village_exit, code, ref["village_indicator"])
    judgement = rules.judge_village_exit(standard, incidence=found.percent, collective_income=record.collective_income,
                                         indicators=record.indicators)
    return VillageExitView(record, found, standard, judgement, tree.name(village_id))
