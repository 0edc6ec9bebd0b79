"""Money thresholds per year and area (poverty line, exit standard, monitoring line).

They live in the register as synced rows (seeded from the shipped reference data at
setup), so a district administrator's correction travels to every laptop. Lookups
prefer the most specific area: the county code, then its province, then national.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table, select

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.ids import natural_id
from fieldapp.domain.money import MoneyError, yuan_to_fen
from fieldapp.store.db import Database
from fieldapp.store.models import Threshold
from fieldapp.store.writer import ChangeWriter

KINDS = ("poverty_line", "exit_standard", "monitoring_line")
NATIONAL = "000000"
_T: Table = Threshold.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class ThresholdRow:
    id: str
    kind: str
    year: int
    area_code: str
    amount: int  # fen
    price_basis: str | None
    source: str | None
    note: str | None


def list_thresholds(db: Database, kind: str | None = None) -> list[ThresholdRow]:
    stmt = select(_T.c.id, _T.c.kind, _T.c.year, _T.c.area_code, _T.c.amount, _T.c.price_basis, _T.c.source,
                  _T.c.note).where(_T.c.deleted.is_(False))
    if kind:
        stmt = stmt.where(_T.c.kind == kind)
    with db.read() as conn:
        rows = conn.execute(stmt.order_by(_T.c.kind, _T.c.year, _T.c.area_code)).all()
    return [ThresholdRow(*r) for r in rows]


def area_chain(area_code: str) -> list[str]:
    """County → province → national, e.g. 611002 → [611002, 610000, 000000]."""
    chain = [area_code] if area_code else []
    if len(area_code) == 6 and area_code[2:] != "0000":
        chain.append(area_code[:2] + "0000")
    chain.append(NATIONAL)
    return chain


def threshold_for(db: Database, kind: str, year: int, area_code: str = "") -> ThresholdRow | None:
    """The current-price threshold of ``kind`` for ``year``, most specific area first."""
    chain = area_chain(area_code)
    candidates = [t for t in list_thresholds(db, kind) if t.year == year and t.price_basis != "2010"]
    for code in chain:
        for t in candidates:
            if t.area_code == code:
                return t
    return None


def set_threshold(writer: ChangeWriter, *, kind: str, year: int, area_code: str, amount_yuan: str,
                  source: str, price_basis: str = "current", note: str | None = None) -> str:
    problems: dict[str, str] = {}
    if kind not in KINDS:
        problems["kind"] = f"类型应为 {', '.join(KINDS)} 之一"
    if not (area_code.isdigit() and len(area_code) == 6):
        problems["area_code"] = "地区代码应为6位数字（全国为000000）"
    if not 2000 <= year <= 2100:
        problems["year"] = "年份应在2000到2100之间"
    if not source.strip():
        problems["source"] = "请注明来源（文件或通知）"
    try:
        fen = yuan_to_fen(amount_yuan)
    except MoneyError as exc:
        problems["amount"] = str(exc)
        fen = None
    if fen is None or fen <= 0:
        problems.setdefault("amount", "金额应大于0")
    if problems:
        raise ValidationError(problems)
    row_id = natural_id("threshold", kind, year, area_code, price_basis)
    with writer.transaction() as txn:
        txn.put(Threshold, row_id, {"kind": kind, "year": year, "area_code": area_code, "amount": fen,
                                    "price_basis": price_basis, "source": source.strip(), "note": note})
    return row_id
