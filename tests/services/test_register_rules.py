"""The register's save path refuses records that cannot exist and text it would have to cut.

The rules live below every front end (editor, import, command line), so each is checked here
through :func:`fieldapp.services.register.save_record` and the Excel import.
"""

from __future__ import annotations

import pytest
from sqlalchemy import String

from fieldapp.domain import register as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.store.models import Household, Indicator, Measure, Member


def test_a_household_without_number_or_members_is_not_saved(ctx: AppContext) -> None:
    blank = register.HouseholdRecord(household={"village_id": villages(ctx)[0][0], "main_cause": "01"})
    with pytest.raises(ValidationError) as refused:
        register.save_record(ctx.writer, ctx.ref, blank)
    assert refused.value.problems == {"household.hh_no": "户编号为必填", "members": "本户没有成员，请添加户主"}
    assert ctx.db.scalar("SELECT count(*) FROM household") == 0


def test_negative_amounts_are_refused_not_made_positive(ctx: AppContext) -> None:
    problems = rules.income_problems({"year": 2024, "production": -500_00, "production_cost": -1})
    assert problems == {"production": "金额不能为负数（亏损请把成本填在“生产经营性支出”）",
                        "production_cost": "金额不能为负数"}


@pytest.mark.parametrize(("model", "limits"), [
    (Household, rules.HOUSEHOLD_TEXT_MAX), (Member, rules.MEMBER_TEXT_MAX), (Measure, rules.MEASURE_TEXT_MAX),
    (Indicator, rules.INDICATOR_TEXT_MAX),
])
def test_text_limits_are_the_stored_column_lengths(model: type, limits: dict[str, int]) -> None:
    columns = model.__table__.columns  # type: ignore[attr-defined]
    for name, limit in limits.items():
        assert isinstance(columns[name].type, String) and columns[name].type.length == limit, name
