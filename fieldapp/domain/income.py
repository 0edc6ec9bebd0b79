"""Yearly household income: 家庭纯收入 and 人均纯收入 are computed here, never typed in.

All amounts are integer fen. Net income = wages + production income − production
costs + transfers + property income. Per-person net = net ÷ household size.

No typed amount is negative (the register's rules refuse one with a message; the form
keeps the minus sign so the cadre sees it): 生产经营性收入 is the gross takings and
生产经营性支出 the costs, so a business that lost money is a cost larger than its
takings and shows as a low or negative net income, which is computed, never typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Income fields of an ``income_year`` row and the sign each contributes to net income.
INCOME_FIELDS: dict[str, int] = {
    "wage": 1,  # 工资性收入
    "production": 1,  # 生产经营性收入
    "production_cost": -1,  # 生产经营性支出
    "transfer_dibao": 1,  # 低保金
    "transfer_tekun": 1,  # 特困供养金
    "transfer_pension": 1,  # 养老保险金
    "transfer_family_planning": 1,  # 计划生育金
    "transfer_eco": 1,  # 生态补偿金
    "transfer_other": 1,
    "property_dividend": 1,  # 资产收益分红
    "property_other": 1,
}


def net_income(row: Mapping[str, Any]) -> int:
    """家庭纯收入 in fen."""
    return sum(sign * int(row.get(name) or 0) for name, sign in INCOME_FIELDS.items())


def per_person(net_fen: int, persons: int | None) -> int | None:
    """人均纯收入 in fen, rounded half up; None when the household size is unknown or zero."""
    if not persons or persons <= 0:
        return None
    return (2 * net_fen + persons) // (2 * persons)
