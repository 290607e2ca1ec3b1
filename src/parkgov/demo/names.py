"""Fictional parks, people, units, places and enterprises the demo documents speak of.

Every name here is invented. ``random_profile`` makes further parks for large corpora.
"""
from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class ParkProfile:
    """A fictional park: how it is named in titles, in 文号 and by its administration."""

    short: str          # 青禾经开区
    full: str           # 青禾经济开发区
    county: str         # 青禾县
    doc_prefix: str     # 青经开发
    kind: str           # econ | hitech | district
    industries: tuple[str, ...]
    seed: int
    table_layout: int | None = None     # header layout of the task table; None: drawn
    target_table: bool | None = None    # targets also as a table; None: drawn


DEMO_PARKS: tuple[ParkProfile, ...] = (
    ParkProfile("青禾经开区", "青禾经济开发区", "青禾县", "青经开发", "econ",
                ("新型建材", "食品加工", "智能装备"), 11, 0, False),
    ParkProfile("云溪高新区", "云溪高新技术产业开发区", "云溪市", "云高管发", "hitech",
                ("电子信息", "生物医药", "新能源材料"), 23, 2, False),
    ParkProfile("松岚经开区", "松岚经济技术开发区", "松岚县", "松经开字", "econ",
                ("竹木精深加工", "纺织服装", "先进制造"), 37, 1, False),
    ParkProfile("鹭川高新区", "鹭川高新技术产业开发区", "鹭川县", "鹭高新发", "hitech",
                ("精细化工", "新材料", "医疗器械"), 41, 1, False),
    ParkProfile("桐湾管理区", "桐湾管理区", "桐湾管理区", "桐管发", "district",
                ("绿色食品", "包装印刷", "现代物流"), 53, 2, False),
)

SURNAMES = "陈林周罗彭蒋谭曾邓付廖龚苏颜戴宁柯阮甘莫鲁晏卜柴裴钟严潘万雷汤宋温"
GIVEN = ("若岚", "景川", "书航", "雨桐", "启明", "思远", "立衡", "铭远", "知秋", "亦凡", "嘉树", "闻笛",
         "清和", "远帆", "望舒", "致宁", "砚池", "晓岑", "惟安", "季白", "星澜", "怀瑾", "南乔", "修竹",
         "岳", "凯", "湛", "朔", "璟", "骁", "珂", "彦", "旻", "翊")
LEADER_TITLES = ("党工委书记", "管委会主任", "党工委副书记", "管委会常务副主任", "管委会副主任", "管委会副主任",
                 "纪工委书记")

UNIT_POOL = ("党政办", "经济发展局", "招商合作局", "规划建设局", "财政金融局", "安全环保局", "企业服务中心",
             "科技创新局", "自然资源分局", "综合执法大队", "人力资源服务中心", "营商环境办", "党群工作部",
             "统计站", "征地拆迁办", "应急管理站", "政务服务中心", "纪工委")

PLACES = ("东区", "北片区", "滨江片区", "南岭片区", "高坪片区", "石门口片区", "河西组团", "新桥片区", "梧冈片区",
          "东湖组团", "月塘片区", "杉木冲片区")
ROADS = ("兴业大道", "科创路", "纬三路", "经五路", "滨河东路", "创业大道", "园区北环线", "工业一路", "致远路")

ENT_HEADS = ("鑫", "恒", "锐", "瑞", "达", "宏", "晟", "骏", "泓", "卓", "弘", "鼎", "凯", "润", "铂", "瀚",
             "航", "科", "越", "峰", "嘉", "澜", "誉", "拓")
ENT_TAILS = ("达", "锐", "宇", "源", "泰", "邦", "盛", "信", "元", "辰", "晖", "诺", "捷", "川", "丰", "驰")
PRODUCTS = {
    "新型建材": ("装配式构件", "新型墙材", "预拌砂浆", "岩棉板"),
    "食品加工": ("休闲食品", "调味品", "冷链预制菜", "植物饮料"),
    "智能装备": ("智能输送设备", "数控机床", "工业机器人", "液压件"),
    "电子信息": ("柔性线路板", "光电模组", "电子元器件", "智能终端"),
    "生物医药": ("原料药", "中药饮片", "医用敷料", "生物试剂"),
    "新能源材料": ("锂电正极材料", "电解液", "光伏组件", "储能电池"),
    "竹木精深加工": ("竹集成材", "竹纤维制品", "木塑型材", "竹炭制品"),
    "纺织服装": ("功能面料", "针织服装", "牛仔成衣", "家纺制品"),
    "先进制造": ("汽车零部件", "精密铸件", "电机", "五金工具"),
    "精细化工": ("医药中间体", "水处理剂", "电子化学品", "涂料助剂"),
    "新材料": ("高性能膜材料", "特种合金", "碳纤维复合材料", "功能陶瓷"),
    "医疗器械": ("一次性医用耗材", "康复器械", "体外诊断试剂", "医用导管"),
    "绿色食品": ("稻米深加工产品", "淡水鱼制品", "果蔬罐头", "禽蛋制品"),
    "包装印刷": ("环保纸箱", "彩印包装", "可降解餐盒", "标签材料"),
    "现代物流": ("冷链仓储", "智能分拣", "供应链服务", "城配物流"),
}
ENT_SUFFIX = {
    "新型建材": "建材", "食品加工": "食品", "智能装备": "智能装备", "电子信息": "电子科技",
    "生物医药": "生物医药", "新能源材料": "新能源", "竹木精深加工": "竹业", "纺织服装": "服饰",
    "先进制造": "精密制造", "精细化工": "化工", "新材料": "新材料", "医疗器械": "医疗器械",
    "绿色食品": "农业科技", "包装印刷": "包装", "现代物流": "物流",
}

#: Names of real people in the seed documents: never generated.
AVOID = frozenset({"王亮", "郑涵文", "谈海波", "辛勤", "覃政", "任立", "吴韬", "贺永亮", "杨云龙", "黄伟军"})

_PREFIX_CHARS = "澄岚溪禾桐鹭松柘枫湄汀棠蓉芷渚苓杉浔"
_SUFFIX_CHARS = "川湾溪岭源塘洲阳冈坪浦泉桥"


def leader_name(rng: random.Random, taken: set[str]) -> str:
    """A fictional full name, distinct from ``taken`` and from every seed person."""
    while True:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in taken and name not in AVOID:
            taken.add(name)
            return name


def enterprise(rng: random.Random, town: str, industry: str, taken: set[str]) -> tuple[str, str]:
    """(full name, short name) of a fictional enterprise of ``industry``."""
    while True:
        short = rng.choice(ENT_HEADS) + rng.choice(ENT_TAILS)
        if short[0] != short[1] and short not in taken:
            taken.add(short)
            return f"{town}{short}{ENT_SUFFIX[industry]}有限公司", short


def random_profile(rng: random.Random, index: int) -> ParkProfile:
    """A further fictional park for large corpora."""
    name = rng.choice(_PREFIX_CHARS) + rng.choice(_SUFFIX_CHARS)
    kind = rng.choice(("econ", "hitech", "district"))
    short, full = {
        "econ": (f"{name}经开区", f"{name}经济开发区"),
        "hitech": (f"{name}高新区", f"{name}高新技术产业开发区"),
        "district": (f"{name}管理区", f"{name}管理区"),
    }[kind]
    county = full if kind == "district" else f"{name}县"
    industries = tuple(rng.sample(sorted(PRODUCTS), 3))
    prefix = {"econ": "经开发", "hitech": "高新管发", "district": "管发"}[kind]
    return ParkProfile(short, full, county, name[0] + prefix, kind, industries, 1000 + index)
