#!/usr/bin/env python3
"""Converts a gongkai corpus (from benches/generate_corpus.py) into a Hugo site, for benches/peers.sh.

    benches/hugo/to_hugo.py CORPUS HUGODIR [--variant minimal|chart-json]

What it writes (HUGODIR is emptied first):
  HUGODIR/hugo.toml                    a minimal one-language site (zh-cn): no taxonomies, no RSS;
                                       the chart-json variant also asks for a JSON output per page
  HUGODIR/layouts/                     a copy of benches/hugo/layouts-<variant>/ (no internet themes)
  HUGODIR/content/<section>/<unit>/_index.md   one section page per unit, from the unit's profile
                                       (CORPUS/content/<section>/<unit>/_index.md)
  HUGODIR/content/<section>/<unit>/<stem>.md   one page per Chinese report: every .md that is not a
                                       translation (*.en.md) and not a profile (_index*.md)

A report page's front matter (YAML) has title, unit (the unit's Chinese name), unit_id, year, kind,
and:
  expenditure           total and its parts (basic, personnel, public, project) as strings, for the
                        chart template (which converts them with `float`)
  figures               the report's whole front matter, every scalar as a string exactly as typed
                        (read with YAML's base loader), so "8250.00" stays "8250.00"
  expenditure_numbers   the same expenditure figures as plain YAML numbers, as typed in the source,
                        to show what Hugo does with numbers (8250.00 becomes 8250)
The Markdown body (the narrative) is copied unchanged. Needs PyYAML (Debian: python3-yaml).
"""
import argparse
import re
import shutil
import tomllib
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
# libyaml when available: a 10,000-report corpus converts in seconds instead of a minute.
Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
Dumper0 = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Dumper(Dumper0):
    """Writes strings double-quoted (keys and other plain words excepted), so that Hugo reads
    "8250.00" or "2024-05-15 11:00" back as the same string and not as a number or a date."""


PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def represent_str(dumper, s):
    plain = PLAIN.fullmatch(s) and s.lower() not in YAML11_WORDS
    return dumper.represent_scalar("tag:yaml.org,2002:str", s, style=None if plain else '"')


Dumper.add_representer(str, represent_str)

EXPENDITURE_PARTS = ["total", "basic", "personnel", "public", "project"]
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def split_front_matter(text):
    """(front matter dict with string scalars, body) of a gongkai Markdown file."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 3)
    if end < 0:
        raise ValueError("front matter not closed")
    fm = yaml.load(text[4:end], Loader=Loader) or {}
    return fm, text[end + 5:]


def dump(d):
    return yaml.dump(d, Dumper=Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)


def hugo_config(corpus, variant):
    site = {}
    if (corpus / "site.toml").exists():
        site = tomllib.loads((corpus / "site.toml").read_text(encoding="utf-8"))
    base = site.get("base_url", "https://www.example.gov.cn/")
    title = site.get("title", "gongkai corpus")
    out = [
        "# Written by benches/hugo/to_hugo.py: a minimal one-language Hugo site for benches/peers.sh.",
        f"baseURL = {tomllib_str(base)}",
        'languageCode = "zh-cn"',
        'defaultContentLanguage = "zh"',
        f"title = {tomllib_str(title)}",
        "# Chinese text: word counts and summaries by character, not by space.",
        "hasCJKLanguage = true",
        "# No tags/categories pages and no RSS: only the home page, section lists, report pages",
        "# and the sitemap (gongkai writes one too).",
        'disableKinds = ["taxonomy", "term", "RSS", "404"]',
        "enableRobotsTXT = false",
    ]
    if variant == "chart-json":
        out += [
            "# Each report page also gets index.json (layouts/_default/single.json) beside index.html.",
            "[outputs]",
            'page = ["html", "json"]',
        ]
    return "\n".join(out) + "\n"


def tomllib_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def convert(corpus, dest, variant):
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "content").mkdir(parents=True)
    (dest / "hugo.toml").write_text(hugo_config(corpus, variant), encoding="utf-8")
    shutil.copytree(HERE / f"layouts-{variant}", dest / "layouts")
    src_content = corpus / "content"
    reports = units = 0
    for unit_dir in sorted(p for p in src_content.glob("*/*") if p.is_dir()):
        rel = unit_dir.relative_to(src_content)
        out_dir = dest / "content" / rel
        out_dir.mkdir(parents=True)
        profile, profile_body = {}, ""
        if (unit_dir / "_index.md").exists():
            profile, profile_body = split_front_matter((unit_dir / "_index.md").read_text(encoding="utf-8"))
        unit_name = profile.get("name", unit_dir.name)
        section = {"title": unit_name, "unit_id": unit_dir.name}
        if "region" in profile:
            section["region"] = profile["region"]
        (out_dir / "_index.md").write_text(f"---\n{dump(section)}---\n{profile_body}", encoding="utf-8")
        units += 1
        for f in sorted(unit_dir.glob("*.md")):
            if f.name.startswith("_index") or f.name.endswith(".en.md"):
                continue
            fm, body = split_front_matter(f.read_text(encoding="utf-8"))
            exp = fm.get("expenditure") or {}
            page = {
                "title": fm.get("title", f.stem),
                "unit": unit_name,
                "unit_id": unit_dir.name,
                "year": int(fm["year"]) if str(fm.get("year", "")).isdigit() else fm.get("year", ""),
                "kind": fm.get("kind", ""),
                "expenditure": {k: exp[k] for k in EXPENDITURE_PARTS if k in exp},
                "figures": {k: v for k, v in fm.items() if k != "title"},
            }
            # The same figures as unquoted YAML numbers, exactly as typed in the source.
            numbers = "".join(f"  {k}: {exp[k]}\n" for k in EXPENDITURE_PARTS
                              if k in exp and isinstance(exp[k], str) and NUMBER.fullmatch(exp[k]))
            extra = f"expenditure_numbers:\n{numbers}" if numbers else ""
            (out_dir / f.name).write_text(f"---\n{dump(page)}{extra}---\n{body}", encoding="utf-8")
            reports += 1
    return reports, units


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("dest", type=Path)
    ap.add_argument("--variant", choices=["minimal", "chart-json"], default="minimal")
    a = ap.parse_args()
    reports, units = convert(a.corpus, a.dest, a.variant)
    print(f"wrote {reports} report pages of {units} units to {a.dest} ({a.variant} layouts)")


if __name__ == "__main__":
    main()
