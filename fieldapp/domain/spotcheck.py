"""Spot checks (抽查), the pure part: the reproducible draw, the checklist of a record, the summary maths.

**The draw.** The sampling frame is the sorted list of (household id, stratum) in scope (the stratum
is '' unless the draw is stratified). ``frame_hash`` is the SHA-256 of its canonical text (one
``id<TAB>stratum`` line per household, sorted, joined by newlines). Each household is ranked by
``SHA-256(seed ‖ frame_hash ‖ household_id)`` (UTF-8 text concatenated; frame hash and household id
have fixed lengths, so the concatenation is unambiguous) and the lowest ``k`` of each stratum are
taken, ``k = ceil(n × percent / 100)``. Anyone holding the seed and the frame gets the same sample,
and the frame hash shows the frame was not changed: no Python ``random`` anywhere.

**Rates.** ``refdata/spotcheck.json`` holds the minimum rate of each reviewing role (township 20%,
district 10%, after the speech); a draw below the drawing role's minimum is refused.

**The checklist.** :func:`build_checklist` turns a household record (the rows as loaded, plain
dicts keyed by column) into items: each of the 八个搞清楚, each member, the latest income year, each
两不愁三保障 indicator and each measure. An item keeps the values it shows (``shown``: column → JSON
value, codes never labels) and the fields they came from (``sources``), so the checklist stays what
the record was at the draw and the person who entered a value can be found.

**Rectifications.** :func:`rectification_status` and :func:`summarise` do the arithmetic of
findings: open, awaiting the reviewer's confirmation, closed, on time or overdue; error rates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain import refdata
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.income import INCOME_FIELDS, net_income, per_person

# Review roles that draw, in the order a person holding several draws by default (the stricter first).
REVIEW_ROLES = ("township", "district")
STRATA = ("", "village", "type")
LEVELS = ("village", "town")
CORRECT, INCORRECT = "correct", "incorrect"
RESULTS = (CORRECT, INCORRECT)

# Rectification states
OPEN, AWAITING, CLOSED = "open", "awaiting", "closed"
STATUS_WORDS = {OPEN: "待整改", AWAITING: "待确认", CLOSED: "已确认"}  # printed and in the CLI


# ---------------------------------------------------------------- rates


@dataclass(frozen=True)
class Rates:
    """Minimum sampling rates (percent) per reviewing role, and the default rectification deadline."""

    minimum: Mapping[str, int]
    rectification_days: int = 30
    source: str = ""

    def minimum_for(self, role: str) -> int:
        if role not in self.minimum:
            raise ValidationError({"role": f"角色 {role} 不能抽查（可抽查的角色：{'、'.join(sorted(self.minimum))}）"})
        return int(self.minimum[role])


def rates(ref: refdata.RefData | None = None) -> Rates:
    """The rates of ``ref`` (the process's reference data by default): ``refdata/spotcheck.json``."""
    ref = ref or refdata.default()
    raw = ref._load_json("spotcheck.json")
    try:
        minimum = {str(k): int(v) for k, v in dict(raw["minimum_percent"]).items()}
        days = int(raw.get("rectification_days", 30))
    except (KeyError, TypeError, ValueError) as exc:
        raise refdata.RefDataError(f"spotcheck.json: 格式错误 ({exc!r})") from exc
    if any(not 0 < v <= 100 for v in minimum.values()) or days <= 0:
        raise refdata.RefDataError("spotcheck.json: 抽查比例应在 1 到 100 之间，整改期限应大于 0 天")
    return Rates(minimum, days, str(raw.get("source", "")))


def drawing_role(roles: Iterable[str], wanted: str | None = None) -> str:
    """The review role a person draws in: ``wanted`` if they hold it, else their first review role."""
    held = [r for r in REVIEW_ROLES if r in set(roles)]
    if wanted is not None:
        if wanted not in held:
            raise ValidationError({"role": f"没有“{wanted}”角色，不能以该角色抽查"})
        return wanted
    if not held:
        raise ValidationError({"role": "只有乡镇审核员或区县审批员可以抽查"})
    return held[0]


def check_percent(percent: int, role: str, r: Rates) -> None:
    """Refuse a rate outside 1–100 or below the role's minimum (raises ValidationError)."""
    low = r.minimum_for(role)
    if not 0 < percent <= 100:
        raise ValidationError({"percent": f"抽查比例应在 1 到 100 之间（填写的是 {percent}）"})
    if percent < low:
        raise ValidationError({"percent": f"抽查比例 {percent}% 低于{_ROLE_NAMES.get(role, role)}的最低比例 {low}%"})


_ROLE_NAMES = {"township": "乡镇", "district": "区县"}


# ---------------------------------------------------------------- the draw


@dataclass(frozen=True)
class FrameEntry:
    household_id: str
    stratum: str = ""


def canonical_frame(entries: Iterable[FrameEntry]) -> list[FrameEntry]:
    """The frame in its one order (by household id); a household listed twice is an error."""
    ordered = sorted(entries, key=lambda e: (e.household_id, e.stratum))
    ids = [e.household_id for e in ordered]
    if len(set(ids)) != len(ids):
        raise ValueError("抽样框中有重复的户")
    return ordered


def frame_hash(entries: Iterable[FrameEntry]) -> str:
    text = "\n".join(f"{e.household_id}\t{e.stratum}" for e in canonical_frame(entries))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rank(seed: str, frame_digest: str, household_id: str) -> str:
    """SHA-256(seed ‖ frame_hash ‖ household_id), hex: the lower, the earlier drawn."""
    return hashlib.sha256((seed + frame_digest + household_id).encode("utf-8")).hexdigest()


def sample_size(population: int, percent: int) -> int:
    """ceil(population × percent / 100): at least the rate, never more than the population."""
    return min(population, math.ceil(population * percent / 100)) if population > 0 else 0


@dataclass(frozen=True)
class Draw:
    """The outcome of a draw: the sample in drawing order (stratum, then rank) with the frame's hash."""

    seed: str
    percent: int
    frame_hash: str
    frame_size: int
    sample: tuple[str, ...]
    per_stratum: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # stratum → (drawn, of)


def draw(seed: str, entries: Iterable[FrameEntry], percent: int) -> Draw:
    """Draw ``percent``% of each stratum of the frame (see the module docstring)."""
    if not seed:
        raise ValueError("种子不能为空")
    frame = canonical_frame(entries)
    digest = frame_hash(frame)
    strata: dict[str, list[str]] = {}
    for e in frame:
        strata.setdefault(e.stratum, []).append(e.household_id)
    sample: list[str] = []
    counts: dict[str, tuple[int, int]] = {}
    for stratum in sorted(strata):
        ids = strata[stratum]
        k = sample_size(len(ids), percent)
        chosen = sorted(ids, key=lambda hid: rank(seed, digest, hid))[:k]
        sample.extend(chosen)
        counts[stratum] = (k, len(ids))
    return Draw(seed, percent, digest, len(frame), tuple(sample), counts)


def new_seed() -> str:
    """A fresh seed from the operating system's random source (recorded with the draw)."""
    import secrets

    return secrets.token_hex(8)


# ---------------------------------------------------------------- the checklist

Row = Mapping[str, Any]
Source = tuple[str, str, str]  # (table, row id, column)

# Fields a checklist shows per part of the record (codes and ids: the front ends label them).
PLACE_FIELDS = ("village_id", "group_no", "hh_no", "address")
CAUSE_FIELDS = ("main_cause", "cause2", "cause3")
DEADLINE_FIELDS = ("exit_deadline", "exit_status", "exit_year")
MEMBER_FIELDS = ("name", "relation", "id_no", "gender", "birth_date", "health", "disability_grade", "education",
                 "schooling", "work_status", "medical_insurance", "pension_insurance", "dibao", "tekun")
INDICATOR_FIELDS = ("met", "note")
MEASURE_FIELDS = ("type", "content", "amount", "fund_channel", "date")


@dataclass(frozen=True)
class ChecklistItem:
    """One thing to check: ``kind`` (code list ``spotcheck_item``), the row it is about, what it shows."""

    kind: str
    ref_id: str | None
    shown: Mapping[str, Any]  # key → JSON value; keys are columns, or "table.column" where tables mix
    sources: tuple[Source, ...]


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _pick(row: Row, names: Sequence[str]) -> dict[str, Any]:
    return {n: _json(row.get(n)) for n in names}


def build_checklist(household: Row, members: Sequence[Row], incomes: Sequence[Row], indicators: Sequence[Row],
                    measures: Sequence[Row]) -> list[ChecklistItem]:
    """The items of one household's checklist, in the order they are printed and checked."""
    hid = str(household["id"])
    h_src = lambda names: tuple(("household", hid, n) for n in names)  # noqa: E731
    items = [ChecklistItem("eight.1", hid, _pick(household, PLACE_FIELDS), h_src(PLACE_FIELDS))]
    items.append(ChecklistItem(
        "eight.2", hid, {"count": len(members), "names": [str(m.get("name") or "") for m in members]},
        tuple(("member", str(m["id"]), n) for m in members for n in ("name", "relation"))))
    items.append(ChecklistItem("eight.3", hid, _pick(household, CAUSE_FIELDS), h_src(CAUSE_FIELDS)))
    items.append(ChecklistItem(
        "eight.4", hid, {"count": len(measures), "types": [m.get("type") for m in measures],
                         "contents": [str(m.get("content") or "") for m in measures]},
        tuple(("measure", str(m["id"]), n) for m in measures for n in ("type", "content"))))
    items.append(ChecklistItem(
        "eight.5", hid, {"count": sum(1 for m in measures if m.get("amount")),
                         "amount": sum(int(m.get("amount") or 0) for m in measures)},
        tuple(("measure", str(m["id"]), "amount") for m in measures if m.get("amount"))))
    items.append(ChecklistItem("eight.6", hid, _pick(household, DEADLINE_FIELDS), h_src(DEADLINE_FIELDS)))
    items.append(ChecklistItem("eight.7", hid, _pick(household, ("cadre_id",)), h_src(("cadre_id",))))
    items.append(ChecklistItem("eight.8", hid, _pick(household, ("fund_channel",)), h_src(("fund_channel",))))
    for m in members:
        items.append(ChecklistItem("member", str(m["id"]), _pick(m, MEMBER_FIELDS),
                                   tuple(("member", str(m["id"]), n) for n in MEMBER_FIELDS)))
    if incomes:
        latest = max(incomes, key=lambda r: int(r.get("year") or 0))
        names = ("year", "persons", *INCOME_FIELDS)
        net = net_income(latest)
        shown = _pick(latest, names) | {"net": net, "per_person": per_person(net, latest.get("persons"))}
        items.append(ChecklistItem("income", str(latest["id"]), shown,
                                   tuple(("income_year", str(latest["id"]), n) for n in names)))
    for ind in indicators:
        shown = {"code": ind.get("code"), **_pick(ind, INDICATOR_FIELDS)}
        items.append(ChecklistItem("indicator", str(ind["id"]), shown,
                                   tuple(("indicator", str(ind["id"]), n) for n in INDICATOR_FIELDS)))
    for me in measures:
        items.append(ChecklistItem("measure", str(me["id"]), _pick(me, MEASURE_FIELDS),
                                   tuple(("measure", str(me["id"]), n) for n in MEASURE_FIELDS)))
    return items


# ---------------------------------------------------------------- rectifications and the summary


@dataclass(frozen=True)
class RectificationFacts:
    """What decides a rectification's state: its deadline, round, confirmation and the cadre's reports."""

    due_date: dt.date
    round: int
    confirmed: bool
    reported_rounds: frozenset[int] = frozenset()
    done_on: dt.date | None = None  # the date the cadre gave in the report of the current round


def rectification_status(f: RectificationFacts) -> str:
    """``closed`` (confirmed), ``awaiting`` (reported done this round, not yet confirmed) or ``open``."""
    if f.confirmed:
        return CLOSED
    if f.round in f.reported_rounds:
        return AWAITING
    return OPEN


def overdue(f: RectificationFacts, today: dt.date) -> bool:
    """Still open (not reported done this round) after its deadline."""
    return rectification_status(f) == OPEN and today > f.due_date


def on_time(f: RectificationFacts) -> bool:
    """Closed, and the work confirmed was done by the deadline."""
    return f.confirmed and f.done_on is not None and f.done_on <= f.due_date


@dataclass
class Tally:
    """One line of the summary (a village or a cadre)."""

    key: str
    checked: int = 0
    incorrect: int = 0
    rectifications: int = 0
    closed: int = 0
    closed_on_time: int = 0
    open_overdue: int = 0

    @property
    def error_rate(self) -> float | None:
        return self.incorrect / self.checked if self.checked else None

    @property
    def on_time_rate(self) -> float | None:
        return self.closed_on_time / self.rectifications if self.rectifications else None


def summarise(items: Iterable[tuple[str, str | None]], rects: Iterable[tuple[str, RectificationFacts]],
              today: dt.date) -> dict[str, Tally]:
    """Tallies per key: ``items`` are (key, result or None), ``rects`` (key, facts). Unchecked items don't count."""
    out: dict[str, Tally] = {}
    for key, result in items:
        if result not in RESULTS:
            continue
        t = out.setdefault(key, Tally(key))
        t.checked += 1
        t.incorrect += result == INCORRECT
    for key, f in rects:
        t = out.setdefault(key, Tally(key))
        t.rectifications += 1
        t.closed += f.confirmed
        t.closed_on_time += on_time(f)
        t.open_overdue += overdue(f, today)
    return out


def percent_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"
