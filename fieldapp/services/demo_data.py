"""Data tables for the demo village (:mod:`fieldapp.services.demo`): names, places, units, measures.

Everything here is plain data plus tiny pickers that draw from a caller's
``random.Random``; nothing reads the clock or global random state, so the demo
stays a pure function of its seed. Names, units and products are plausible for
商洛市商州区 (Shaanxi), the district the default demo village is modelled on.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence
from typing import Generic, TypeVar

#: every demo account's password (documented in the README and filled in by `make run`)
DEMO_PASSWORD = "demo1234"

T = TypeVar("T")


class Weighted(Generic[T]):
    """A weighted choice table, drawn with one ``rng.random()`` call (fast, deterministic)."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in pairs]
        self.cum = list(itertools.accumulate(weight for _, weight in pairs))

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


def split_pairs(text: str) -> list[tuple[str, float]]:
    """"王18 李16 …" → [("王", 18.0), ("李", 16.0), …]."""
    pairs = []
    for token in text.split():
        name = token.rstrip("0123456789.")
        pairs.append((name, float(token[len(name):])))
    return pairs


# -- the default place (商洛市商州区; codes follow the 统计用区划代码 pattern) -----------------

DISTRICT = "商洛市商州区"
DISTRICT_CODE = "611002"
TOWN = "北宽坪镇"
TOWN_CODE = "611002105"
VILLAGES = ("桃园村",)
LEADER = {"name": "张建华", "unit": "区国土资源局", "phone": "13992450168", "role": "leader"}

# Birth-place codes on resident IDs: before 2002 the area was 商洛地区 (6125xx, 612501 = 商州市),
# since then 商洛市 (6110xx, 611002 = 商州区). Spouses often come from a neighbouring county.
REGIONS_OLD = Weighted([("612501", 80), ("612522", 4), ("612523", 4), ("612524", 3), ("612525", 4),
                        ("612526", 3), ("612527", 2)])
REGIONS_NEW = Weighted([("611002", 90), ("611021", 2), ("611022", 2), ("611023", 1), ("611024", 2),
                        ("611025", 2), ("611026", 1)])

# -- people ----------------------------------------------------------------------------------

SURNAMES = Weighted(split_pairs(
    "王18 李16 张14 刘12 陈9 杨8 赵6 黄3 周5 吴4 徐3 孙3 胡4 朱3 高5 何4 郭4 马4 罗2 梁2 宋3 郑2 谢2 韩3 "
    "唐2 冯3 于1 董3 程3 曹2 袁2 邓2 许2 沈1 曾1 彭2 吕2 苏2 卢1 蒋1 蔡1 贾3 丁2 魏3 薛2 叶1 闫2 余2 "
    "潘1 杜3 夏1 田4 任3 姜1 范2 方1 石2 姚2 谭1 邹1 金1 陆1 郝2 孔1 白3 崔2 康2 毛1 秦2 史2 侯2 邵1 "
    "孟2 段2 雷3 汤1 尹1 易1 常2 武2 乔1 贺3 龚1 文1 党2 惠1 屈2 巩1 柯1 鱼1 卫1 仝1 "
))

# Given names by birth cohort and gender: (whole given names, first characters, second characters).
_GIVEN: dict[tuple[int, str], tuple[str, str, str]] = {
    (0, "1"): ("德 福 贵 发 才 山 林 仓 生 成", "德建国振长有永富志玉满树天文万金世",
               "华 发 才 贵 山 林 仓 生 成 明 海 祥 荣 福 堂 忠 喜"),
    (0, "2"): ("英 兰 珍 花 秀 娥 凤 莲 芝 梅", "秀桂玉凤翠金爱淑素兰彩月",
               "英 兰 珍 花 娥 凤 莲 芝 梅 琴 霞 芳 香 云"),
    (1, "1"): ("军 伟 勇 强 平 刚 斌 峰 涛 明 林 波", "建红卫新小海文志国永利向",
               "军 华 平 东 民 斌 峰 强 林 明 刚 伟 利 锋 涛 兵"),
    (1, "2"): ("丽 艳 霞 娟 芳 燕 红 梅 琴 萍 敏", "红春海丽小彩秀玉晓爱新翠",
               "梅 霞 燕 娟 丽 艳 红 芳 琴 萍 莉 玲 侠 荣"),
    (2, "1"): ("浩 鹏 超 杰 磊 帅 亮 龙 鑫 博 凯 涛 阳 波", "文俊浩家鹏嘉志明国子宏晓",
               "博 杰 然 豪 鹏 飞 辉 龙 宇 轩 亮 林 伟 强 乐"),
    (2, "2"): ("婷 静 倩 雪 敏 佳 欣 璐 瑶 娜 洁 蕾", "晶婷佳雨梦欣思晓美丹丽春",
               "晶 婷 琪 欣 雪 瑶 怡 茹 丹 蕾 娜 颖 悦 洁"),
    (3, "1"): ("睿 轩 宇 浩 泽 铭 博 航", "子浩宇梓一俊皓奕睿嘉沐", "轩 宇 豪 辰 墨 泽 熙 航 鸣 铭 阳 宸 川 凡"),
    (3, "2"): ("涵 萱 琪 瑶 彤 妍 诺 悦", "梓欣诗雨子可一语思若佳紫", "涵 怡 萱 馨 诺 桐 彤 汐 琪 妍 晴 然 悦 菲"),
}
_GIVEN_SPLIT = {k: (a.split(), b.replace(" ", ""), c.split()) for k, (a, b, c) in _GIVEN.items()}


def cohort(birth_year: int) -> int:
    if birth_year < 1960:
        return 0
    if birth_year < 1985:
        return 1
    if birth_year < 2006:
        return 2
    return 3


def given_name(rng: random.Random, birth_year: int, gender: str) -> str:
    """A one- or two-character given name typical of the person's generation."""
    singles, firsts, seconds = _GIVEN_SPLIT[(cohort(birth_year), gender)]
    if rng.random() < 0.22:
        return rng.choice(singles)
    return rng.choice(firsts) + rng.choice(seconds)


MOBILE_PREFIXES = ("134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159",
                   "182", "183", "187", "188", "198", "130", "131", "132", "155", "156", "185", "186",
                   "176", "133", "153", "177", "180", "181", "189", "199")


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


HOUSEHOLD_SIZE = Weighted([(1, 14), (2, 24), (3, 22), (4, 20), (5, 13), (6, 5), (7, 2)])
DISABILITY_GRADE = Weighted([("1", 10), ("2", 20), ("3", 35), ("4", 35)])
# 残疾证号 = ID number + 残疾类别 (1 视力 … 7 多重) + 等级.
DISABILITY_KIND = Weighted([("1", 15), ("2", 12), ("3", 3), ("4", 45), ("5", 10), ("6", 10), ("7", 5)])
WORK_AWAY = Weighted([("02", 30), ("03", 36), ("04", 34)])

EMPLOYERS = {
    "01": ("北宽坪镇香菇种植合作社", "北宽坪镇建筑队", "桃园村核桃专业合作社", "北宽坪镇农家乐", "镇中心小学食堂"),
    "02": ("商州区城区建筑工地", "商洛市鑫源建筑劳务有限公司", "商州区物流园", "商洛尧柏水泥有限公司",
           "商洛比亚迪实业有限公司", "商州区餐饮服务公司", "商洛市顺达运输公司", "商州区家政服务中心"),
    "03": ("西安市雁塔区建筑工地", "西安中铁建筑劳务有限公司", "西安高新区电子厂", "西安市未央区物业公司",
           "咸阳市纺织厂", "宝鸡市机械加工厂", "西安市碑林区餐饮店", "延安市油田服务公司", "西安市装修公司"),
    "04": ("浙江宁波服装厂", "广东东莞电子厂", "江苏苏州工业园区电子厂", "北京市建筑工地", "新疆昌吉棉花农场",
           "上海市物流公司", "浙江义乌小商品市场", "广东深圳电子厂", "山西大同煤矿", "河南郑州富士康"),
}

# -- cadres ------------------------------------------------------------------------------------

UNITS = Weighted([
    ("区国土资源局", 40), ("区财政局", 6), ("区教育局", 5), ("区卫生健康局", 5), ("区农业农村局", 5),
    ("区林业局", 4), ("区水利局", 4), ("区民政局", 4), ("区人力资源和社会保障局", 4), ("区交通运输局", 3),
    ("区住房和城乡建设局", 3), ("区扶贫开发局", 4), ("区发展和改革局", 3), ("区审计局", 2), ("区统计局", 2),
    ("区司法局", 2), ("区市场监督管理局", 2), ("区文化和旅游局", 2), ("区供电分局", 2), ("区农村信用合作联社", 2),
])

# -- measures ----------------------------------------------------------------------------------

# industry code → [(content template, yuan per unit of {n}, range of {n})]
INDUSTRY_MEASURES: dict[str, tuple[tuple[str, tuple[int, int], tuple[int, int]], ...]] = {
    "fruit": (("发展核桃种植{n}亩，发放苗木和管护补助", (150, 300), (2, 10)),
              ("板栗嫁接改良{n}亩，产业奖补", (100, 200), (3, 12)),
              ("种植猕猴桃{n}亩，产业奖补", (300, 500), (1, 5))),
    "livestock": (("养殖生猪{n}头，产业奖补", (200, 400), (2, 10)),
                  ("养殖土鸡{n}只，发放鸡苗", (10, 20), (50, 300)),
                  ("养殖肉牛{n}头，产业奖补", (1000, 2000), (1, 4)),
                  ("养蜂{n}箱，产业奖补", (100, 200), (5, 30)),
                  ("稻田综合种养（稻蟹共生）{n}亩，产业奖补", (200, 400), (2, 10))),
    "vegetable": (("种植香菇{n}袋，菌袋补助", (1, 1), (1000, 5000)),
                  ("种植木耳{n}袋，菌袋补助", (1, 1), (1000, 4000)),
                  ("发展大棚蔬菜{n}亩，产业奖补", (500, 1000), (1, 3))),
    "medicinal": (("种植丹参{n}亩，发放种苗补助", (200, 400), (2, 8)),
                  ("种植连翘{n}亩，产业奖补", (150, 300), (3, 15)),
                  ("种植五味子{n}亩，产业奖补", (300, 500), (1, 5)),
                  ("种植桔梗{n}亩，产业奖补", (200, 400), (1, 6))),
    "labour": (("参加{n}天劳务技能培训（电焊/家政/厨师），发放务工交通补助", (20, 50), (5, 20)),),
    "ecommerce": (("通过村电商服务站线上销售核桃、香菇等农产品，电商扶贫奖补", (500, 2000), (1, 1)),),
    "other": (("小麦、水稻良种补贴{n}亩", (20, 50), (2, 8)),),
}
INDUSTRY = Weighted([("fruit", 22), ("livestock", 22), ("vegetable", 20), ("medicinal", 16), ("labour", 10),
                     ("ecommerce", 5), ("other", 5)])

MEASURE_UNITS = {
    "industry": "区农业农村局", "relocation": "区发展和改革局", "ecological": "区林业局", "education": "区教育局",
    "social_security": "区民政局", "employment": "区人力资源和社会保障局", "public_welfare_job": "区林业局",
    "health": "区卫生健康局", "housing_renovation": "区住房和城乡建设局", "finance": "区农村信用合作联社",
    "living_conditions": "北宽坪镇人民政府", "motivation": "桃园村驻村工作队", "other": "北宽坪镇人民政府",
}

HEALTH_MEASURES = (("家庭医生签约服务，每年免费体检一次", None),
                   ("资助参加城乡居民基本医疗保险，个人缴费{a}元", (250, 380)),
                   ("办理慢性病门诊卡，门诊费用按比例报销", None),
                   ("住院医疗救助{a}元", (1500, 8000)))  # keep last: only for households with a sick member
LIVING_MEASURES = (("卫生厕所改造，补助{a}元", (1000, 1500)), ("入户道路硬化，补助{a}元", (2000, 5000)),
                   ("自来水入户工程，补助{a}元", (500, 1500)))
MOTIVATION_MEASURES = ("评为“脱贫光荣户”，参加村级表彰", "参加“新时代农民讲习所”扶志教育",
                       "签订脱贫承诺书，制定家庭发展计划")
EMPLOYMENT_MEASURES = ("推荐到{e}务工", "参加区人社局组织的招聘会，推荐到{e}就业", "发放外出务工一次性交通补助{a}元")
