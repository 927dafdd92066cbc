#!/usr/bin/env python3
"""Writes a synthetic gongkai site with N reports, for benchmarks.

    benches/generate_corpus.py --reports 10000 --seed 1 --out /tmp/corpus

Units get 5 fiscal years each (2019–2023). Every report has all figure sections (figures that
add up, with the odd rounding difference), a Chinese narrative of 3–6 KB made of sentences from
the bundled real reports, an English translation for about a third of them, and an indicator
table for the project reports (every fifth). The same seed gives the same files.
"""
import argparse
import os
import random
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROVINCES = [("湖南省", "Hunan"), ("江西省", "Jiangxi"), ("湖北省", "Hubei"), ("广东省", "Guangdong"), ("四川省", "Sichuan")]
KINDS = [("高新技术产业开发区", "High-tech Industrial Development Zone"), ("经济技术开发区", "Economic and Technological Development Zone"),
         ("工业集中区", "Industrial Concentration Zone"), ("工业园", "Industrial Park")]
SYLLABLES = ["an", "bei", "chang", "da", "dong", "feng", "gu", "he", "hua", "jiang", "jin", "kai", "lin", "long", "ming",
             "nan", "ping", "qing", "shan", "shi", "tai", "wan", "xi", "xin", "yang", "yong", "yuan", "ze", "zhong"]
HAN = "安北昌大东丰谷和华江金开林龙明南平青山石泰湾溪新阳永源泽中"
HEADINGS = ["一、部门概况", "二、部门整体支出管理及使用情况", "三、部门整体支出绩效情况", "四、绩效自评得分情况",
            "五、存在的问题", "六、改进措施和有关建议"]
HEADINGS_EN = ["I. Overview", "II. Management and use of department-wide expenditure", "III. Performance",
               "IV. Self-evaluation score", "V. Problems", "VI. Measures and recommendations"]


def sentences(lang):
    """Sentences of the bundled reports' narratives."""
    out = []
    for f in sorted((REPO / "content" / "parks").glob("*/20*.md")):
        if f.name.endswith(".en.md") != (lang == "en"):
            continue
        body = f.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        body = re.sub(r"[#*|>]", "", body)
        parts = re.split(r"(?<=[。；！？])" if lang == "zh" else r"(?<=[.;!?]) ", body)
        out += [p.strip() for p in parts if 20 <= len(p.strip()) <= 400]
    return out


def narrative(rng, pool, headings, size):
    out, n = [], 0
    for h in headings:
        out.append(f"## {h}\n")
        for _ in range(3):
            para = "".join(rng.choice(pool) for _ in range(rng.randint(2, 5))) if headings is HEADINGS else " ".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))
            out.append(para + "\n")
            n += len(para.encode("utf-8"))
        if n > size:
            break
    return "\n".join(out)


def money(rng, lo, hi, scale=2):
    return round(rng.uniform(lo, hi), scale)


def fmt(x):
    return f"{x:.2f}"


def report(rng, year, kind, name):
    personnel, public = money(rng, 300, 900), money(rng, 50, 200)
    basic = round(personnel + public + rng.choice([0, 0, 0, 0.01]), 2)
    project = money(rng, 100, 20000)
    total = round(basic + project, 2)
    hosp, cars, trips = money(rng, 0, 20), money(rng, 0, 30), rng.choice([0, 0, money(rng, 0, 20)])
    three = round(hosp + cars + trips, 2)
    score = round(rng.uniform(70, 99), 1)
    grade = "优" if score >= 90 else "良" if score >= 80 else "中"
    lines = [
        "---",
        f"title: {year}年度{name}{'部门整体支出' if kind == 'department' else '专项资金'}绩效自评报告",
        f"year: {year}",
        f"kind: {kind}",
        f'published: "{year + 1}-0{rng.randint(3, 9)}-{rng.randint(10, 28)} {rng.randint(9, 17):02d}:00"',
        "evaluation:",
        f"  score: {score}",
        f"  grade: {grade}",
        "budget:",
        f"  income: {fmt(total * 1.02)}",
        "  income_sources:",
        "    - key: general_public",
        f"      value: {fmt(total * 1.02)}",
        f"  expenditure: {fmt(total * 1.02)}",
        f"  full_year: {fmt(total * 1.02)}",
        "final_accounts:",
        "  opening_balance: 0.00",
        f"  income: {fmt(total)}",
        f"  closing_balance: 0.00",
        f"  execution_rate: {round(100 / 1.02, 2)}",
        "expenditure:",
        f"  total: {fmt(total)}",
        f"  basic: {fmt(basic)}",
        f"  personnel: {fmt(personnel)}",
        f"  personnel_share: {round(personnel / basic * 100, 2)}",
        f"  public: {fmt(public)}",
        f"  project: {fmt(project)}",
        "three_public:",
        "  total:",
        f"    actual: {fmt(three)}",
        "  overseas_travel:",
        f"    actual: {fmt(trips)}",
        "  hospitality:",
        f"    actual: {fmt(hosp)}",
        f"    batches: {rng.randint(5, 120)}",
        f"    people: {rng.randint(20, 600)}",
        "  vehicles:",
        f"    actual: {fmt(cars)}",
        "assets:",
        f"  total: {fmt(money(rng, 100, 5000))}",
        "staffing:",
        f"  authorized: {rng.randint(20, 120)}",
        "economy:",
        "  - key: industrial_output",
        f"    value: {money(rng, 10, 900, 1)}",
        "    unit: 亿元",
        f"    change_pct: {money(rng, -5, 30, 1)}",
        "  - key: tax_revenue",
        f"    value: {money(rng, 1, 50, 2)}",
        "    unit: 亿元",
    ]
    if kind == "project":
        lines += ["project_name: 标准厂房建设专项资金", "project:", "  full_year: 500.00", "  actual: 480.50",
                  "  rate: 96.10", "  weight: 10", "  score: 10", "indicators:"]
        weights = [20, 20, 10, 10, 20, 10]
        for i, w in enumerate(weights):
            lines += [f"  - level1: {'产出指标' if i < 4 else '效益指标'}", "    level2: 数量指标", f"    level3: 指标{i + 1}",
                      "    target: 不少于10", "    actual: 12", f"    weight: {w}", f"    score: {w}"]
        lines[lines.index(f"  score: {score}")] = "  score: 100"
        lines[lines.index(f"  grade: {grade}")] = "  grade: 优"
    return "\n".join(lines) + "\n---\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    out = Path(a.out)
    if out.exists():
        shutil.rmtree(out)
    (out / "content" / "parks").mkdir(parents=True)
    shutil.copy(REPO / "site.toml", out / "site.toml")
    shutil.copytree(REPO / "themes", out / "themes")
    zh_pool, en_pool = sentences("zh"), sentences("en")
    units = (a.reports + 4) // 5
    written = 0
    for u in range(units):
        pname, pen = rng.choice(PROVINCES)
        kname, ken = rng.choice(KINDS)
        a1, a2 = rng.choice(HAN), rng.choice(HAN)
        s1, s2 = HAN.index(a1), HAN.index(a2)
        uid = f"{SYLLABLES[s1 % len(SYLLABLES)]}{SYLLABLES[s2 % len(SYLLABLES)]}-{u}"
        name = f"{a1}{a2}{kname}"
        name_en = f"{SYLLABLES[s1 % len(SYLLABLES)].title()}{SYLLABLES[s2 % len(SYLLABLES)]} {ken} {u}"
        d = out / "content" / "parks" / uid
        d.mkdir()
        (d / "_index.md").write_text(
            f"---\nname: {name}{u}\nname_en: {name_en}\nregion:\n  province: {pname}\nregion_en:\n  province: {pen}\n---\n"
            + "".join(rng.choice(zh_pool) for _ in range(3)) + "\n", encoding="utf-8")
        for year in range(2019, 2024):
            if written >= a.reports:
                break
            kind = "project" if written % 5 == 4 else "department"
            stem = f"{year}" if kind == "department" else f"{year}-project"
            body = narrative(rng, zh_pool, HEADINGS, rng.randint(3000, 6000))
            (d / f"{stem}.md").write_text(report(rng, year, kind, name) + body, encoding="utf-8")
            if rng.random() < 0.33:
                en = narrative(rng, en_pool, HEADINGS_EN, rng.randint(2000, 5000))
                (d / f"{stem}.en.md").write_text(f"---\ntitle: {year} Self-Evaluation Report of {name_en}\n---\n{en}", encoding="utf-8")
            written += 1
    print(f"wrote {written} reports of {units} units to {out}")


if __name__ == "__main__":
    main()
