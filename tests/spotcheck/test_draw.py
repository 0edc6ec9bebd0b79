"""The reproducible draw: same seed and frame give the same sample, another seed another, rates enforced."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

import pytest

from fieldapp.domain import spotcheck as sc
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.people import PermissionDenied
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.services.spotcheck import checklist, draw


def _frame(n: int, strata: Callable[[int], str] = lambda i: "") -> list[sc.FrameEntry]:
    return [sc.FrameEntry(f"0190{i:04d}-0000-7000-8000-000000000000", strata(i)) for i in range(n)]


def test_same_seed_and_frame_give_the_same_sample_in_any_order() -> None:
    frame = _frame(95)
    one = sc.draw("abc", frame, 20)
    again = sc.draw("abc", list(reversed(frame)), 20)
    assert one == again and len(one.sample) == 19  # ceil(95 × 20%)
    assert len(set(one.sample)) == 19 and set(one.sample) <= {e.household_id for e in frame}
    other = sc.draw("abd", frame, 20)
    assert set(other.sample) != set(one.sample)
    assert other.frame_hash == one.frame_hash  # the frame is the same, only the seed differs


def test_the_rank_is_the_documented_hash_so_anyone_can_redraw_by_hand() -> None:
    frame = _frame(10)
    text = "\n".join(f"{e.household_id}\t" for e in frame)
    digest = hashlib.sha256(text.encode()).hexdigest()
    assert sc.frame_hash(frame) == digest
    by_hand = sorted((hashlib.sha256(("s1" + digest + e.household_id).encode()).hexdigest(), e.household_id)
                     for e in frame)
    assert sc.draw("s1", frame, 30).sample == tuple(h for _, h in by_hand[:3])


def test_a_changed_frame_changes_its_hash_and_stratified_draws_take_each_stratum() -> None:
    frame = _frame(40, lambda i: "safety_net" if i % 4 == 0 else "development")
    assert sc.frame_hash(frame) != sc.frame_hash(frame[1:])
    d = sc.draw("x", frame, 10)
    assert d.per_stratum == {"development": (3, 30), "safety_net": (1, 10)}
    drawn = {e.household_id: e.stratum for e in frame}
    assert [drawn[h] for h in d.sample] == ["development"] * 3 + ["safety_net"]
    with pytest.raises(ValueError, match="重复"):
        sc.frame_hash([*frame, frame[0]])


def test_the_minimum_rate_of_each_role_is_reference_data_and_enforced() -> None:
    rates = sc.rates()
    assert rates.minimum_for("township") == 20 and rates.minimum_for("district") == 10
    sc.check_percent(10, "district", rates)
    with pytest.raises(ValidationError, match="低于乡镇的最低比例 20%"):
        sc.check_percent(19, "township", rates)
    with pytest.raises(ValidationError, match="1 到 100"):
        sc.check_percent(101, "district", rates)
    assert sc.drawing_role(["member", "district", "township"]) == "township"
    with pytest.raises(ValidationError, match="乡镇审核员或区县审批员"):
        sc.drawing_role(["member"])


def test_a_draw_is_recorded_with_its_checklists_and_verifies(ctx: AppContext, make_household: Callable[..., str],
                                                            signed_in: Callable[..., AppContext]) -> None:
    made = [make_household(f"户主{i}", members=2) for i in range(12)]
    east = villages(ctx)[0][0]
    reviewer = signed_in("township", name="乡审")
    with pytest.raises(ValidationError, match="低于乡镇的最低比例"):
        draw.draw_sample(reviewer, level="village", area_id=east, percent=15, seed="s")
    result = draw.draw_sample(reviewer, level="village", area_id=east, percent=20, seed="s")
    assert result.draw.frame_size == 12 and len(result.households) == 3 and set(result.draw.sample) <= set(made)
    again = draw.draw_sample(reviewer, level="village", area_id=east, percent=20, seed="s")
    assert again.draw.sample == result.draw.sample  # same seed, same frame: same sample
    assert draw.draw_sample(reviewer, level="village", area_id=east, percent=20, seed="t").draw.sample \
        != result.draw.sample
    info = checklist.get_draw(reviewer.db, result.draw_id)
    assert (info.seed, info.percent, info.role, info.drawn_by_name) == ("s", 20, "township", "乡审")
    assert info.frame_hash == result.draw.frame_hash and info.frame_size == 12
    items = checklist.draw_items(reviewer.db, result.draw_id, result.draw.sample[0])
    kinds = [i.kind for i in items]
    assert kinds[:8] == [f"eight.{n}" for n in range(1, 9)] and kinds.count("member") == 2
    names = checklist.names_for(reviewer.db)
    text = checklist.item_text(reviewer.ref, items[0], names)
    assert "东村" in text and "组" in text
    member = next(i for i in items if i.kind == "member")
    assert "*" in checklist.item_text(reviewer.ref, member, names)  # the ID number is masked
    # every value was entered by the set-up cadre (no account then): the household's cadre answers for it
    assert {(i.cadre_id, i.entered_by_name) for i in items} == {(ctx.settings["cadre_id"], "王伟")}, \
        [(i.kind, i.cadre_id, i.entered_by_name) for i in items]
    check = draw.verify_draw(reviewer, result.draw_id)
    assert check.ok and check.redrawn_sample == result.draw.sample and check.added_since == 0
    make_household("新户")
    assert draw.verify_draw(reviewer, result.draw_id).added_since == 1  # shown, but the draw still verifies


def test_a_tampered_sample_does_not_verify_and_members_cannot_draw(ctx: AppContext,
                                                                  make_household: Callable[..., str],
                                                                  signed_in: Callable[..., AppContext]) -> None:
    for i in range(6):
        make_household(f"户主{i}")
    east = villages(ctx)[0][0]
    with pytest.raises(PermissionDenied):
        draw.draw_sample(signed_in("member"), level="village", area_id=east, percent=50)
    reviewer = signed_in("district")
    result = draw.draw_sample(reviewer, level="town", area_id=_town(ctx), percent=10, strata="village")
    assert len(result.draw.seed) == 16  # a fresh seed, printed and recorded
    assert result.draw.per_stratum == {east: (1, 6)}
    frame = json.loads(reviewer.db.scalar("SELECT frame FROM spotcheck_draw WHERE id = :d", d=result.draw_id))
    others = [h for h, _ in frame if h not in result.draw.sample]
    with reviewer.db.transaction() as conn:  # picked by hand, behind the app's back
        from fieldapp.store import guard

        with guard.raw_writes_allowed():
            conn.exec_driver_sql("UPDATE spotcheck_draw SET sample = ? WHERE id = ?",
                                 (json.dumps([others[0]]), result.draw_id))
    check = draw.verify_draw(reviewer, result.draw_id)
    assert not check.ok and "样本与按种子重抽的结果不同" in check.problems[0]


def _town(ctx: AppContext) -> str:
    return str(ctx.db.scalar("SELECT id FROM area WHERE level = 'town'"))
