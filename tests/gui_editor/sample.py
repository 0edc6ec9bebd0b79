"""A realistic household for the editor tests and screenshots: 4 members, 2 income years,
all indicators checked, 3 measures."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.money import yuan_to_fen
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.setup import cadres, villages
from tests.helpers.idgen import resident_id


def realistic_household(ctx: AppContext, hh_no: str = "6110020010001") -> str:
    cadre_id = cadres(ctx)[0][0]
    household = {
        "village_id": villages(ctx)[0][0], "group_no": 3, "hh_no": hh_no, "address": "东村三组12号",
        "phone": "13991234567", "bank_name": "商州农商银行", "bank_account": "6217000011112222333",
        "standard": "01", "identified_on": dt.date(2014, 6, 1), "attribute": "04", "exit_status": "1",
        "exit_year": 2018, "main_cause": "01", "cause2": "07", "exit_deadline": 2018, "cadre_id": cadre_id,
        "fund_channel": "superior", "farmland_mu": "3.5", "forest_mu": "12", "house_area": "96",
        "danger_grade": "0", "sanitary_toilet": True, "electricity": True, "broadcast_tv": True,
        "road_type": "03", "road_distance_km": "0.8", "fuel": "01",
    }
    members = [
        {"name": "张建国", "relation": "01", "id_no": resident_id(11, dt.date(1966, 3, 12)), "ethnicity": "汉族",
         "education": "02", "schooling": "01", "health": "02", "labour_skill": "01", "work_status": "00",
         "medical_insurance": True, "critical_illness_insurance": True, "pension_insurance": True, "dibao": True},
        {"name": "李秀英", "relation": "02", "id_no": resident_id(22, dt.date(1968, 9, 3)), "ethnicity": "汉族",
         "education": "01", "schooling": "01", "health": "04", "disability_grade": "3", "labour_skill": "03",
         "medical_insurance": True, "dibao": True},
        {"name": "张伟", "relation": "03", "id_no": resident_id(31, dt.date(1992, 1, 20)), "ethnicity": "汉族",
         "education": "04", "schooling": "01", "health": "01", "labour_skill": "02", "work_status": "04",
         "work_months": 10, "employer": "深圳某电子厂", "medical_insurance": True},
        {"name": "张小梅", "relation": "08", "id_no": resident_id(42, dt.date(2013, 5, 6)), "ethnicity": "汉族",
         "education": "02", "schooling": "05", "health": "01", "labour_skill": "04", "medical_insurance": True},
    ]
    incomes = [
        {"year": 2017, "persons": 4, "wage": yuan_to_fen(18000), "production": yuan_to_fen(4200),
         "production_cost": yuan_to_fen(1300), "transfer_dibao": yuan_to_fen(3600), "transfer_eco": yuan_to_fen(480)},
        {"year": 2018, "persons": 4, "wage": yuan_to_fen(24000), "production": yuan_to_fen(5600),
         "production_cost": yuan_to_fen(1500), "transfer_dibao": yuan_to_fen(3600),
         "transfer_pension": yuan_to_fen(1080), "property_dividend": yuan_to_fen(500)},
    ]
    checked = dt.date(2018, 10, 15)
    indicators = [{"code": code, "met": code != "water_reliability", "checked_on": checked, "checked_by": cadre_id}
                  for code in ("food", "clothing", "compulsory_education", "basic_medical", "housing_safety",
                               "water_quantity", "water_quality", "water_convenience", "water_reliability")]
    indicators[-1]["note"] = "旱季供水不足，已列入安全饮水工程"
    measures = [
        {"type": "industry", "content": "发展核桃种植5亩，补助苗木", "amount": yuan_to_fen(2500),
         "fund_channel": "superior", "date": dt.date(2017, 3, 10), "responsible_unit": "镇农业站",
         "industry": "fruit"},
        {"type": "social_security", "content": "纳入农村低保（二类）", "amount": yuan_to_fen(3600),
         "fund_channel": "local_finance", "date": dt.date(2016, 1, 1), "responsible_unit": "镇民政办"},
        {"type": "employment", "content": "推荐张伟赴深圳务工，发放交通补贴", "amount": yuan_to_fen(800),
         "fund_channel": "superior", "date": dt.date(2018, 2, 20), "responsible_unit": "区人社局"},
    ]
    record = register.HouseholdRecord(household=household, members=members, incomes=incomes,
                                      indicators=indicators, measures=measures)
    return register.save_record(ctx.writer, ctx.ref, record)
