"""Which village a received change belongs to, and whether the sender may write it.

A device holds only its villages (its *scope*). The district server applies a device's
package with the device's scope, table by table as :mod:`fieldapp.sync.authority` says: a
change to a household (or to one of its members, incomes, indicators, measures), a visit or a
check-in outside those villages is refused — logged and reported back, never applied. A change
to a district-wide table (areas, cadres, thresholds) is refused whatever the village, except the
first creation of what the device's grant names; one that changes nothing is skipped.
Content-addressed photos and the parts of a village activity pass; an objection to a disclosure notice
(no household) counts with its notice's village. A child server (``child_level``: a district server
enrolled with its city) writes the district-owned rows inside its scope: the areas of its villages and
above them up to its level, the people and keys of its villages, their cadres and the targets of those areas.

A household's village is read from the database once per household per merge (in
batches), and follows the changes of the package itself: a household inserted or moved
earlier in the same package counts with its new village.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Connection, Table, select, text

from fieldapp.store import batch
from fieldapp.store.models import Area
from fieldapp.sync import authority
from fieldapp.sync.authority import Grant, KeyPerson, Owner
from fieldapp.sync.body import Change

VILLAGE_TABLES = tuple(sorted(authority.tables(Owner.VILLAGE)))  # rows that carry their own village_id
_AREA: Table = Area.__table__  # type: ignore[assignment]
#: village tables whose ``village_id`` may be a town (a town's project, its rows and assets): inside the scope of a
#: device that holds every village of that town (a township laptop, the district)
TOWN_ROW_TABLES = frozenset({"project", "project_budget", "project_progress", "project_progress_photo",
                             "project_disbursement", "project_acceptance", "asset", "asset_income",
                             "asset_event"})

#: household tables whose rows may have no household and then belong to a village row: table -> (that village
#: table, the column naming its row)
HOUSEHOLDLESS_PARENTS = {"objection": ("notice", "notice_id")}


class ScopeCheck:
    """Decides, change by change in package order, whether a change is inside ``villages``."""

    def __init__(self, conn: Connection, villages: Collection[str], household_tables: Collection[str] = (), *,
                 cadre: str | None = None, grant: Grant | None = None, child_level: str | None = None) -> None:
        """``household_tables``: tables with a household_id column (the household-scoped ones besides
        :mod:`.authority`'s); ``cadre``: the cadre the device was enrolled for (its row may be adopted);
        ``grant``: the sender and the person and role its enrolment code named (that person may be adopted);
        ``child_level``: the sender is a child server of that level (see the module docstring)."""
        self.conn = conn
        self.child_level = child_level
        self._areas: dict[str, tuple[str | None, str | None]] | None = None  # stored: id -> (parent, level)
        self._batch_areas: dict[str, tuple[str | None, str | None]] = {}  # the batch's area rows
        self._above: set[str] | None = None  # the areas above the scope's villages (child server)
        self.villages = frozenset(villages)
        self.cadre = cadre
        self.grant = grant
        self._grant_taken: bool | None = None  # the district holds the granted person already (looked up once)
        self._granting: set[str] = set()  # person rows passed as the grant's, taken once applied
        self.household_tables = (frozenset(household_tables) | authority.tables(Owner.HOUSEHOLD)) - {"household"}
        self._granted_areas: set[str] = set()  # ancestors of granted villages that the package creates
        self._village_of: dict[str, str | None] = {}   # household id -> village
        self._owner: dict[tuple[str, str], str | None] = {}  # (table, row) -> household id / village
        self._declared: dict[str, str] = {}  # household -> village a (possibly refused) change gave it
        self._people: dict[str, KeyPerson] = {}  # person -> villages, roles, creator, as applied in this batch
        self._towns: dict[str, bool] = {}  # town -> every village of it is in the scope

    def prefetch(self, changes: list[Change]) -> None:
        """Read, in a few queries, the stored household and village of every row in the batch."""
        by_table: dict[str, set[str]] = {}
        for ch in changes:
            if (ch.tbl in self.household_tables or ch.tbl in VILLAGE_TABLES) and (ch.tbl, ch.row_id) not in self._owner:
                by_table.setdefault(ch.tbl, set()).add(ch.row_id)
        households = self._stored_owners(by_table)
        for ch in changes:
            if ch.tbl == "household":
                households.add(ch.row_id)
            elif ch.household_id:
                households.add(ch.household_id)
            hid = ch.fields.get("household_id")
            if isinstance(hid, str):
                households.add(hid)
        self._find_granted_areas(changes)
        if self.child_level is not None:
            self._note_areas(changes)
        wanted = sorted(h for h in households if h not in self._village_of)
        for hid in wanted:
            self._village_of[hid] = None
        sql = "SELECT id, village_id FROM household WHERE id IN ({marks})"
        for hid, village in batch.rows_in(self.conn, sql, wanted):
            self._village_of[hid] = village

    def _find_granted_areas(self, changes: list[Change]) -> None:
        """The towns and districts the batch creates above a granted village it creates (adoptable)."""
        parent = {ch.row_id: ch.fields.get("parent_id") for ch in changes if ch.tbl == "area" and ch.op == "insert"}
        for village in self.villages & parent.keys():
            up = parent.get(village)
            while isinstance(up, str) and up not in self._granted_areas and up not in self.villages:
                self._granted_areas.add(up)
                up = parent.get(up)

    def _stored_owners(self, by_table: dict[str, set[str]]) -> set[str]:
        """Fill ``_owner`` from the database; returns the households found."""
        households: set[str] = set()
        for tbl, ids in by_table.items():
            column = "village_id" if tbl in VILLAGE_TABLES else "household_id"
            for row_id in ids:
                self._owner[(tbl, row_id)] = None
            sql = f"SELECT id, {column} FROM {tbl} WHERE id IN ({{marks}})"
            for row_id, owner in batch.rows_in(self.conn, sql, ids):
                self._owner[(tbl, row_id)] = owner
                if column == "household_id" and owner:
                    households.add(owner)
        return households

    def refusal(self, ch: Change, stored: bool = False) -> str | None:
        """Why ``ch`` may not be applied (outside the sender's villages, or the district's), or None.

        ``stored``: this replica holds the row already (a district row is adopted only when it does not).
        """
        kind = authority.owner(ch.tbl)
        if kind is Owner.SHARED:
            return None
        if kind is Owner.DISTRICT:
            return self._district_refusal(ch, stored)
        return self._village_refusal(ch)

    def _district_refusal(self, ch: Change, stored: bool) -> str | None:
        """A district-owned row: taken only as :mod:`.authority` allows (adopted, the team's, the grant's)."""
        if self.child_level is not None:
            return self._child_refusal(ch)
        if authority.adoptable(ch, stored=stored, villages=self.villages, granted_areas=self._granted_areas,
                               cadre=self.cadre):
            return None
        if ch.tbl == "person" and authority.team_person(ch, villages=self.villages,
                                                        stored_villages=self._person_villages(ch.row_id)):
            return None
        if ch.tbl == "person" and authority.granted_person(ch, stored=stored, villages=self.villages,
                                                           grant=self.grant, taken=self._taken()):
            self._granting.add(ch.row_id)
            return None
        if ch.tbl == "signing_key":
            return authority.team_key_refusal(ch, villages=self.villages, person=self._key_person(ch))
        return authority.district_refusal(ch.tbl)

    # -- a child server's district-owned rows ----------------------------------------------------

    def _note_areas(self, changes: list[Change]) -> None:
        """The batch's area rows (parent, level): a town created with its villages counts as above them."""
        for ch in changes:
            if ch.tbl == "area" and ("parent_id" in ch.fields or "level" in ch.fields):
                parent, level = self._area(ch.row_id)
                self._batch_areas[ch.row_id] = (ch.fields.get("parent_id", parent), ch.fields.get("level", level))
                self._above = None

    def _area(self, area_id: str) -> tuple[str | None, str | None]:
        if area_id in self._batch_areas:
            return self._batch_areas[area_id]
        if self._areas is None:  # the area tree is small (tens of thousands of rows at a province): read once
            self._areas = {str(r[0]): (r[1], r[2]) for r in self.conn.exec_driver_sql(
                "SELECT id, parent_id, level FROM area")}
        return self._areas.get(area_id, (None, None))

    def _inside_area(self, area_id: object) -> bool:
        """A village of the scope, or an area above one of them no higher than the child's level."""
        if not isinstance(area_id, str):
            return False
        if area_id in self.villages:
            return True
        if self._above is None:
            above: set[str] = set()
            for village in self.villages:
                parent = self._area(village)[0]
                while isinstance(parent, str) and parent not in above:
                    above.add(parent)
                    parent = self._area(parent)[0]
            self._above = above
        assert self.child_level is not None
        return area_id in self._above and authority.level_at_most(self._area(area_id)[1], self.child_level)

    def _child_refusal(self, ch: Change) -> str | None:
        """A child server's change to a district-owned row: inside its scope, or refused."""
        level = self.child_level or "district"
        outside = "超出下级服务器负责的范围，未应用（out of scope）"
        if ch.tbl == "area":
            return None if self._inside_area(ch.row_id) else outside
        if ch.tbl == "target":
            area = ch.fields.get("area_id")
            if area is None:
                row = self.conn.exec_driver_sql("SELECT area_id FROM target WHERE id = ?", (ch.row_id,)).first()
                area = row[0] if row is not None else None
            return None if self._inside_area(area) else outside
        if ch.tbl == "person":
            known = self._people.get(ch.row_id) or self._stored_person(ch.row_id)
            ok = authority.child_person(ch, villages=self.villages, level=level,
                                        stored_villages=list(known.villages) if known else None,
                                        stored_roles=list(known.roles) if known else None)
            return None if ok else outside
        if ch.tbl == "signing_key":
            return authority.child_key_refusal(ch, villages=self.villages, person=self._key_person(ch), level=level)
        if ch.tbl == "cadre":  # a cadre has no village: refused only when a person outside the scope is that cadre
            rows = self.conn.exec_driver_sql("SELECT village_ids FROM person WHERE cadre_id = ?", (ch.row_id,))
            return outside if any(not set(_as_villages(r[0] or "[]")) <= self.villages for r in rows) else None
        return authority.child_refusal(ch.tbl)

    def _taken(self) -> bool:
        """The district holds a person the grant's device created with the granted role (one grant, one person)."""
        grant = self.grant
        if grant is None:
            return True
        if self._grant_taken is None:
            rows = self.conn.exec_driver_sql("SELECT roles FROM person WHERE row_device = ?", (grant.device_id,))
            self._grant_taken = any(grant.role in _as_villages(r[0]) for r in rows)
        return self._grant_taken

    def _stored_person(self, person_id: str) -> KeyPerson | None:
        """A stored person's villages, roles and creating device (None: no such person here)."""
        row = self.conn.exec_driver_sql("SELECT village_ids, roles, row_device FROM person WHERE id = ?",
                                        (person_id,)).first()
        if row is None:
            return None
        return KeyPerson(tuple(_as_villages(row[0] or "[]")), tuple(_as_villages(row[1] or "[]")), row[2])

    def _person_villages(self, person_id: str) -> list[str] | None:
        """The villages a stored person has (None: no such person here)."""
        found = self._stored_person(person_id)
        return list(found.villages) if found is not None else None

    def _key_person(self, ch: Change) -> KeyPerson | None:
        """A signing key's person: from this batch's applied person changes, else stored."""
        person_id = ch.fields.get("person_id")
        if not isinstance(person_id, str):
            row = self.conn.exec_driver_sql("SELECT person_id FROM signing_key WHERE id = ?", (ch.row_id,)).first()
            person_id = row[0] if row is not None else None
        if not isinstance(person_id, str):
            return None
        if person_id in self._people:
            return self._people[person_id]
        return self._stored_person(person_id)

    def _village_refusal(self, ch: Change) -> str | None:
        """A household's or a village's row: inside the sender's villages?"""
        villages: set[str | None] = set()
        if ch.tbl == "household":
            if isinstance(ch.fields.get("village_id"), str):
                self._declared.setdefault(ch.row_id, ch.fields["village_id"])
            stored_village = self._village_of.get(ch.row_id)
            if stored_village is not None:
                villages.add(stored_village)
            if "village_id" in ch.fields or not villages:
                villages.add(ch.fields.get("village_id"))
        elif ch.tbl in VILLAGE_TABLES:
            stored = self._owner.get((ch.tbl, ch.row_id))
            if stored is not None:
                villages.add(stored)
            if "village_id" in ch.fields or stored is None:
                villages.add(ch.fields.get("village_id"))
        elif ch.tbl in self.household_tables:
            found = self._household_row_villages(ch)
            if found is None:  # a row of a village activity (no household): not village data, as when sending
                return None
            villages |= found
        else:
            return None
        outside = sorted(str(v) if v else "未知村" for v in villages if v not in self.villages
                         and not (ch.tbl in TOWN_ROW_TABLES and self._whole_town(v)))
        if not outside:
            return None
        return f"超出本设备负责的村（{'、'.join(outside)}），未应用（out of scope）"

    def _household_row_villages(self, ch: Change) -> set[str | None] | None:
        """The villages of a household table's row: its households' (stored and new), else its parent row's."""
        stored = self._owner.get((ch.tbl, ch.row_id))
        owners = {h for h in (stored, ch.fields.get("household_id")) if h}
        if not owners and ch.household_id:
            owners.add(ch.household_id)
        if owners:
            return {self._village_of.get(h) or self._declared.get(h) for h in owners}
        parent = self._parent_village(ch)
        return None if parent is None else {parent}

    def _parent_village(self, ch: Change) -> str | None:
        """The village of the village row a household-less row hangs from (an objection to a disclosure
        notice: the notice's village), or None when it hangs from none. A notice this replica does not
        know reads as an unknown village (refused): nobody objects to a notice they cannot name."""
        link = HOUSEHOLDLESS_PARENTS.get(ch.tbl)
        if link is None:
            return None
        parent_tbl, column = link
        parent_id = ch.fields.get(column)
        if column not in ch.fields:
            row = self.conn.execute(text(f"SELECT {column} FROM {ch.tbl} WHERE id = :i"), {"i": ch.row_id}).first()
            parent_id = row[0] if row is not None else None
        if not isinstance(parent_id, str) or not parent_id:
            return None
        if (parent_tbl, parent_id) not in self._owner:
            row = self.conn.execute(text(f"SELECT village_id FROM {parent_tbl} WHERE id = :i"),
                                    {"i": parent_id}).first()
            self._owner[(parent_tbl, parent_id)] = row[0] if row is not None else None
        return self._owner[(parent_tbl, parent_id)] or ""

    def _whole_town(self, area_id: str | None) -> bool:
        """``area_id`` is a town every one of whose (one or more) villages is in this device's scope."""
        if not area_id:
            return False
        if area_id not in self._towns:
            level = self.conn.execute(select(_AREA.c.level).where(_AREA.c.id == area_id)).scalar()
            under = set(self.conn.execute(select(_AREA.c.id).where(
                _AREA.c.parent_id == area_id, _AREA.c.level == "village", _AREA.c.deleted.is_(False))).scalars())
            self._towns[area_id] = level == "town" and bool(under) and under <= self.villages
        return self._towns[area_id]

    def applied(self, ch: Change) -> None:
        """Follow an applied change: new households, moves, new rows of the batch."""
        if ch.tbl == "household" and "village_id" in ch.fields:
            self._village_of[ch.row_id] = ch.fields["village_id"]
        elif ch.tbl in VILLAGE_TABLES and "village_id" in ch.fields:
            self._owner[(ch.tbl, ch.row_id)] = ch.fields["village_id"]
        elif ch.tbl in self.household_tables and "household_id" in ch.fields:
            self._owner[(ch.tbl, ch.row_id)] = ch.fields["household_id"]
        elif ch.tbl == "person":
            known = self._people.get(ch.row_id) or self._stored_person(ch.row_id)
            if "village_ids" in ch.fields or "roles" in ch.fields or known is None:
                villages = _as_villages(ch.fields.get("village_ids", "[]")) if "village_ids" in ch.fields \
                    else list(known.villages if known else ())
                roles = _as_villages(ch.fields.get("roles", "[]")) if "roles" in ch.fields \
                    else list(known.roles if known else ())
                creator = known.creator if known is not None and known.creator else ch.origin
                self._people[ch.row_id] = KeyPerson(tuple(villages), tuple(roles), creator)
            if ch.row_id in self._granting:
                self._grant_taken = True


def _as_villages(value: object) -> list[str]:
    """A person's ``village_ids`` (or ``roles``) as received or stored (a JSON text or a list)."""
    import json

    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [""]
    return [str(v) for v in value] if isinstance(value, list) else [""]
