"""挂图作战 on the district server: the page's access (the admin page's), its four charts — the app's and the
posters' drawings as SVG — with the seeded district's figures (read back from the SVG's spots and text), scope
links, no personal data, bad input; over a real server process on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import httpx
import pytest

from fieldapp.services.charts import figures
from tests.helpers.district import District, seed_server
from tests.server.conftest import Laptop, ServerProcess
from tests.server.util import add_household

SVG = "{http://www.w3.org/2000/svg}"
PROXIED = {"X-Forwarded-For": "203.0.113.9"}  # as if from elsewhere: the loopback exemption does not apply


def charts_of(page: str) -> dict[str, ET.Element]:
    found = {}
    for block in re.findall(r"<svg\b.*?</svg>", page, flags=re.S):
        root = ET.fromstring(block)
        found[root.get("data-chart") or ""] = root
    return found


def spots(svg: ET.Element) -> dict[str, str]:
    """caption → value of every number a person can pick (the first of a caption drawn twice)."""
    found: dict[str, str] = {}
    for el in svg.iter(f"{SVG}rect"):
        if el.get("class") == "spot":
            found.setdefault(el.get("data-caption") or "", el.get("data-value") or "")
    return found


def texts(svg: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in svg.iter(f"{SVG}text")]


def personal(d: District) -> list[str]:
    """Every distinctive personal value the seed wrote, and the households' and members' ids."""
    return ([p.name for p in d.people] + [p.id_no for p in d.people] + [p.phone for p in d.people]
            + d.bank_accounts + d.household_ids + d.member_ids)


@pytest.fixture
def district(server: ServerProcess) -> District:
    return seed_server(server.home, server.db_url)


def test_the_dashboard_needs_the_admin_login_from_elsewhere(server: ServerProcess, district: District) -> None:
    token = server.admin("admin-token")[1].splitlines()[0].strip()
    for path in ("/dashboard", "/dashboard/api/status", "/dashboard/font.ttf"):
        refused = httpx.get(server.url + path, headers=PROXIED)
        assert refused.status_code == 401 and refused.json()["reason"] == "admin-only", path
        assert refused.headers["www-authenticate"].startswith("Basic")
        assert httpx.get(server.url + path, headers=PROXIED, auth=("x", "wrong")).status_code == 401
        assert httpx.get(server.url + path, headers=PROXIED, auth=("admin", token)).status_code == 200, path
    assert httpx.post(server.url + "/dashboard").status_code == 405  # read-only


def test_the_four_charts_show_the_district_figures(server: ServerProcess, district: District) -> None:
    answer = httpx.get(server.url + "/dashboard", params={"year": 2026})
    assert answer.status_code == 200 and answer.headers["cache-control"] == "no-store"
    page = answer.text
    assert "挂图作战 · 商州区（区县）2026年" in page
    charts = charts_of(page)
    assert sorted(charts) == ["distribution", "industries", "measures", "progress"]

    dist = spots(charts["distribution"])
    assert {k: dist[k] for k in ("北宽坪镇：未脱贫户", "北宽坪镇：已脱贫户", "杨峪河镇：未脱贫户", "杨峪河镇：已脱贫户",
                                 "北宽坪镇：监测对象", "商州区：全部户")} == {
        "北宽坪镇：未脱贫户": "2", "北宽坪镇：已脱贫户": "2", "杨峪河镇：未脱贫户": "1", "杨峪河镇：已脱贫户": "1",
        "北宽坪镇：监测对象": "1", "商州区：全部户": "6"}
    assert "合计 6户 17人 · 未脱贫 3户 · 已脱贫 3户 · 监测对象 1户" in texts(charts["distribution"])
    assert re.search(r"<td class=\"name\">合计</td><td>6</td><td>17</td><td>3</td><td>1</td><td>2</td>", page)

    measures = spots(charts["measures"])
    assert (measures["产业发展：已落实"], measures["产业发展：覆盖户"]) == ("1", "2")
    assert (measures["社保兜底：已落实"], measures["社保兜底：覆盖户"]) == ("1", "1")
    assert "1/2项" in texts(charts["measures"])

    industries = charts["industries"]
    assert spots(industries)["果：产业户"] == "1" and spots(industries)["北宽坪镇：果"] == "1"
    # 东村's 果业 plan rolled up to the district, and its project's money (20万 budget, 6万 paid this year)
    assert "1户 / 计划2 · 3000元 · 项目1个 20.0万元/拨6.0万元" in texts(industries)
    assert any(t.startswith("项目资金 2026年：1个项目 · 预算 20.0万元 · 已拨付 6.0万元")
               for t in texts(charts["measures"]))

    progress = charts["progress"]
    assert (spots(progress)["本年脱贫户"], spots(progress)["本年脱贫人口"]) == ("3", "11")
    assert {"3/4户", "11/12人", "还差 1户（75%）", "目标 4户"} <= set(texts(progress))
    assert spots(progress)["月份不详的脱贫户"] == "1"
    assert "本年脱贫户 3" in progress.get("aria-label", "")

    status = re.search(r'<section id="villages">.*?</section>', page, flags=re.S)
    assert status is not None and "各村进展（3 个村）" in status.group(0)
    east = re.search(r">东村</a></td><td>北宽坪镇</td>((?:<td>.*?</td>){10})", status.group(0))
    assert east is not None
    cells = re.findall(r"<td>(.*?)</td>", east.group(1))
    assert cells[:5] == ["3", "6", "2", "1", "1"] and cells[6] == "1/2" and "差 1 户" in cells[7]
    assert cells[8:] == ["是", "2026"]

    for value in personal(district):
        assert value not in page, value  # counts only: no name, ID, phone, bank account or record id


def test_scope_links_lead_to_each_town_and_village(server: ServerProcess, district: District) -> None:
    page = httpx.get(server.url + "/dashboard", params={"year": 2026}).text
    nav = re.search(r'<nav aria-label="范围">.*?</nav>', page)
    assert nav is not None
    links = dict(re.findall(r'<a href="/dashboard\?area=([0-9a-f-]+)&amp;year=2026"[^>]*>([^<]+)</a>', nav.group(0)))
    assert {links[district.ids[k]] for k in ("district", "town1", "town2", "east", "west", "south")} == {
        "商州区", "北宽坪镇", "杨峪河镇", "东村", "西村", "南村"}
    town = httpx.get(server.url + "/dashboard", params={"area": district.ids["town2"], "year": 2026}).text
    assert "挂图作战 · 杨峪河镇（乡镇）2026年" in town
    assert spots(charts_of(town)["distribution"]) == {  # its one village
        "南村：全部户": "2", "南村：未脱贫户": "1", "南村：已脱贫户": "1", "南村：监测对象": "0",
        "杨峪河镇：全部户": "2", "南村：一般户": "1", "南村：特困户": "1"}
    assert 'aria-current="page">杨峪河镇</a>' in town
    village = httpx.get(server.url + "/dashboard", params={"area": district.ids["east"], "year": 2026}).text
    dist = spots(charts_of(village)["distribution"])
    assert (dist["1组：全部户"], dist["2组：全部户"], dist["东村：全部户"]) == ("2", "1", "3")
    assert "目标 2户" in "".join(charts_of(village)["progress"].itertext())  # 东村's own exit target


def test_status_json_and_bad_input(server: ServerProcess, district: District) -> None:
    rows = httpx.get(server.url + "/dashboard/api/status", params={"year": 2026}).json()
    assert [(r["village"]["name"], r["households"], r["people"], r["exits"]) for r in rows] == [
        ("东村", 3, 6, {"done": 1, "target": 2, "gap": 1}), ("西村", 1, 4, {"done": 1, "target": None, "gap": None}),
        ("南村", 2, 7, {"done": 1, "target": None, "gap": None})]
    unknown = httpx.get(server.url + "/dashboard", params={"area": "no-such-area"})
    assert unknown.status_code == 404 and unknown.json()["reason"] == "unknown-area"
    assert "没有这个区域" in unknown.json()["message"]
    assert httpx.get(server.url + "/dashboard", params={"year": 1800}).status_code == 422
    assert httpx.get(server.url + "/dashboard", params={"year": "soon"}).status_code == 422
    font = httpx.get(server.url + "/dashboard/font.ttf")
    assert font.headers["content-type"] == "font/ttf" and font.content[:4] == b"\x00\x01\x00\x00"


def test_a_server_without_areas_says_so(server: ServerProcess) -> None:
    page = httpx.get(server.url + "/dashboard")
    assert page.status_code == 200 and "服务器上还没有区县、乡镇和村的数据" in page.text
    assert httpx.get(server.url + "/dashboard/api/status").json() == []



def test_the_dashboard_shows_what_laptops_synced(server: ServerProcess, laptop: Callable[[str], Laptop]) -> None:
    """A laptop's households reach the server by sync; the server's figures are the laptop's own."""
    a = laptop("a")
    east, west = a.setup()
    with a.ctx() as c:
        for head, village, attribute in (("钮祜禄甲", east, "01"), ("钮祜禄乙", east, "04"), ("钮祜禄丙", west, "05")):
            add_household(c, village, head, attribute=attribute)
        on_laptop = figures.village_statuses(c.db, c.ref, east, 2026)
    a.ok("enrol", server.url, server.code("王伟", [east, west]), "--name", "王伟的笔记本")
    assert "同步完成" in a.ok("sync", "now")
    rows = {r["village"]["name"]: r for r in httpx.get(server.url + "/dashboard/api/status",
                                                       params={"year": 2026}).json()}
    assert (rows["东村"]["households"], rows["东村"]["people"], rows["西村"]["households"]) == (2, 4, 1)
    assert (rows["东村"]["households"], rows["东村"]["poor"]) == (on_laptop[0].households, on_laptop[0].poor)
    page = httpx.get(server.url + "/dashboard", params={"area": east, "year": 2026}).text
    assert "挂图作战 · 东村（村）2026年" in page and "钮祜禄" not in page
