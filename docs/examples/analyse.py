#!/usr/bin/env python3
"""What a journalist does first with the bulk downloads, as a script.

Run it on a built site's data folder (``public/data``, or the site's ``/data/`` downloaded):

    python3 docs/examples/analyse.py public/data

It reads every CSV with the types datapackage.json declares (the recipe of
docs/data-format.md), then prints:

1. total expenditure by unit and year, department reports only (a project report's
   figures are a part of some department's, so the two kinds are never added together);
2. the "three public expenses" (三公经费) by year: the stated total, and the sum of its three
   lines where a report states the lines;
3. a ranking by budget execution rate (执行率);
4. indicators met, per report (targets read from text such as 不少于10万平方米).

Amounts are added up only through ``value_wan`` (万元), one key at a time.
"""

import json
import sys
from pathlib import Path

import pandas as pd

TYPES = {"string": "string", "integer": "Int64", "number": "float64", "boolean": "string"}


def read_package(folder):
    """Every CSV of the data package, with its declared types (docs/data-format.md)."""
    folder = Path(folder)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    for r in package["resources"]:
        fields = r["schema"]["fields"]
        df = pd.read_csv(
            folder / r["path"],
            encoding="utf-8-sig",
            keep_default_na=False,
            na_values=[""],
            dtype={f["name"]: TYPES[f["type"]] for f in fields},
        )
        for f in fields:
            if f["type"] == "boolean":
                df[f["name"]] = df[f["name"]].map({"true": True, "false": False}).astype("boolean")
        text = [f["name"] for f in fields if f["type"] == "string"]
        df[text] = df[text].apply(lambda s: s.str.removeprefix("'"))
        tables[r["name"]] = df
    return package, tables


def section(title):
    print()
    print(title)
    print("=" * len(title))


def main(folder):
    package, t = read_package(folder)
    figures = t["figures"]
    parks = t["parks"].set_index("park")["name"]
    print(f"data package version {package.get('version')}, created {package.get('created', '(no date in the reports)')}")
    print(f"{len(figures)} figures of {figures.report_id.nunique()} reports of {figures.park.nunique()} units")

    dept = figures[figures.kind == "department"]

    section("1. Total expenditure (expenditure.total), department reports, 万元")
    total = dept[dept.key == "expenditure.total"]
    table = total.pivot_table(index="park", columns="year", values="value_wan", aggfunc="sum")
    table.index = [f"{p} {parks.get(p, '')}" for p in table.index]
    print(table.to_string(na_rep="—"))
    print("Sum of all units by year:")
    print(total.groupby("year")["value_wan"].sum().to_string())

    section("2. 三公经费 by year (actual), department reports, 万元")
    lines = ["overseas_travel", "hospitality", "vehicles"]
    actual = dept[dept.key.isin([f"three_public.{k}.actual" for k in ["total", *lines]])].copy()
    actual["line"] = actual.key.str.split(".").str[1]
    wide = actual.pivot_table(index=["year", "park"], columns="line", values="value_wan", aggfunc="sum")
    wide = wide.reindex(columns=["total", *lines])
    wide["sum_of_lines"] = wide[lines].sum(axis=1, min_count=len(lines))
    print(wide.to_string(na_rep="—"))
    trend = wide.groupby(level="year").agg(
        stated_total=("total", lambda s: s.sum(min_count=1)),
        sum_of_lines=("sum_of_lines", lambda s: s.sum(min_count=1)),
        reports=("total", "size"),
    )
    print("By year:")
    print(trend.to_string(na_rep="—"))

    section("3. Budget execution rate ranking, %")
    rate = figures[figures.key.isin(["final_accounts.execution_rate", "project.rate"])]
    rate = rate[["report_id", "kind", "key", "value"]].sort_values("value", ascending=False)
    rate.insert(0, "rank", range(1, len(rate) + 1))
    print(rate.to_string(index=False))

    section("4. Indicators met, per report")
    ind = t["indicators"]
    ind = ind[~ind["blank"].fillna(False)]
    met = ind.groupby("report_id").agg(
        indicators=("row", "size"),
        comparable=("met", lambda s: int(s.notna().sum())),
        met=("met", lambda s: int((s == True).sum())),  # noqa: E712 (nullable booleans)
        missed=("met", lambda s: int((s == False).sum())),  # noqa: E712
    )
    print(met.to_string() if len(met) else "(no indicator tables on this site)")
    missed = ind[ind["met"] == False]  # noqa: E712
    if len(missed):
        print("Missed:")
        print(
            missed[["report_id", "level3", "target", "actual", "target_op", "target_value", "actual_value", "target_unit"]]
            .to_string(index=False)
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "public/data")
