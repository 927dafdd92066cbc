#!/usr/bin/env python3
"""Where the bytes and files of a built gongkai site go (issue 19: "measure first").

    python3 benches/size_breakdown.py OUTPUT_DIR [--reports N]

Walks a built site (the folder `gongkai build --output` wrote) and prints Markdown tables:

* totals: files, bytes, files and bytes per report (N = number of report.json files, or
  --reports);
* files and bytes by kind (HTML by page type, standalone SVG charts, report.json, report.csv,
  data/ downloads, search index, feeds and sitemaps, assets);
* for the report pages (zh and en separately), the bytes of each part of the page, mean and
  median: <head>, chrome (everything in <body> outside <main>), inline <svg> charts, <table>
  markup outside the charts (self-evaluation form / data and chart-data tables), the narrative
  (div.prose.narrative, the report's Markdown body), its table of contents (nav.toc), the
  key-figure tiles (ul.key-figures) and the rest of <main>; plus the share of whitespace and
  the bytes taken by the most common attributes;
* the ten largest files.

Every byte of a report page is assigned to exactly one part (the script checks that the parts
add up to the file size). A region inside another counts for the one listed first in PARTS'
priority (an <svg> inside the narrative counts as svg, a <table> inside the narrative as
narrative). Standard library only; output is deterministic (sorted walks, no timestamps).
"""

import argparse
import os
import re
import statistics
import sys
from collections import Counter, defaultdict

# ---------------------------------------------------------------- tokenizer (bytes)

# The generator's output is well-formed: quoted attribute values never hold a raw '>'.
TOKEN = re.compile(
    rb"<!--.*?-->"
    rb"|<!\[CDATA\[.*?\]\]>"
    rb"|<![^>]*>"
    rb"|<(/?)([A-Za-z][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*(/?)>",
    re.S,
)
VOID = {
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
    b"source", b"track", b"wbr", b"param",
}
RAW = {b"script", b"style"}
ATTR = re.compile(rb"""\s([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
CLASS = re.compile(rb"""\sclass\s*=\s*("([^"]*)"|'([^']*)')""")


def elements(data):
    """Yield (tag, class_list, start, end, parents) for every non-void element, where
    [start, end) spans the start tag through the end tag and parents is the tuple of
    enclosing tags (lower-case bytes)."""
    stack = []  # (tag, classes, start)
    pos = 0
    n = len(data)
    while pos < n:
        m = TOKEN.search(data, pos)
        if not m:
            break
        pos = m.end()
        if m.group(2) is None:
            continue
        closing, tag, attrs, selfclose = m.group(1), m.group(2).lower(), m.group(3), m.group(4)
        if closing:
            # pop to the matching open tag (tolerates stray implicit closes)
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == tag:
                    while len(stack) > i:
                        t, c, s = stack.pop()
                        yield t, c, s, m.end(), tuple(x[0] for x in stack)
                    break
            continue
        if selfclose or tag in VOID:
            continue
        cm = CLASS.search(attrs)
        classes = tuple((cm.group(2) or cm.group(3) or b"").split()) if cm else ()
        if tag in RAW:
            end = data.find(b"</" + tag, pos)
            if end < 0:
                break
            close = data.find(b">", end) + 1
            yield tag, classes, m.start(), close, tuple(x[0] for x in stack)
            pos = close
            continue
        stack.append((tag, classes, m.start()))
    while stack:
        t, c, s = stack.pop()
        yield t, c, s, n, tuple(x[0] for x in stack)


# ---------------------------------------------------------------- report page parts

# Highest priority first.
PARTS = [
    "head",
    "svg",
    "narrative",
    "toc",
    "table_form",
    "table_chartdata",
    "table_data",
    "key_figures",
    "main_other",
    "chrome",
    "shell",  # doctype, <html>, whitespace between head and body, closing tags
]
PART_LABEL = {
    "head": "`<head>` (meta, links, inline style/script)",
    "chrome": "chrome: body outside `<main>` (header, nav, breadcrumbs, footer, scripts)",
    "svg": "inline `<svg>` charts",
    "table_form": "`<table>`: self-evaluation form (`table.form-table`)",
    "table_chartdata": "`<table>`: chart data (in `figure.chart`)",
    "table_data": "`<table>`: other data tables (`table.figures` …)",
    "narrative": "narrative (`div.prose.narrative`)",
    "toc": "narrative table of contents (`nav.toc`)",
    "key_figures": "key-figure tiles (`ul.key-figures`)",
    "main_other": "other `<main>` content",
    "shell": "document shell (doctype, `<html>`, `<body>` tags, gaps)",
}
PRIORITY = {p: i for i, p in enumerate(PARTS)}


def page_parts(data):
    """Bytes of each part of one HTML page; the values sum to len(data)."""
    intervals = []  # (start, end, part)
    for tag, classes, start, end, parents in elements(data):
        part = None
        if tag == b"head":
            part = "head"
        elif tag == b"body":
            part = "chrome"
        elif tag == b"main":
            part = "main_other"
        elif tag == b"svg" and b"svg" not in parents:
            part = "svg"
        elif tag == b"div" and b"narrative" in classes:
            part = "narrative"
        elif tag == b"nav" and b"toc" in classes:
            part = "toc"
        elif tag == b"table":
            if b"form-table" in classes:
                part = "table_form"
            elif b"figure" in parents:
                part = "table_chartdata"
            else:
                part = "table_data"
        elif tag == b"ul" and b"key-figures" in classes:
            part = "key_figures"
        if part:
            intervals.append((start, end, part))
    # sweep: between consecutive boundaries the set of covering intervals is constant
    bounds = sorted({0, len(data)} | {s for s, _, _ in intervals} | {e for _, e, _ in intervals})
    starts = defaultdict(list)
    ends = defaultdict(list)
    for s, e, p in intervals:
        starts[s].append(p)
        ends[e].append(p)
    active = Counter()
    out = Counter({p: 0 for p in PARTS})
    for a, b in zip(bounds, bounds[1:]):
        for p in ends.get(a, ()):
            active[p] -= 1
        for p in starts.get(a, ()):
            active[p] += 1
        live = [p for p, c in active.items() if c > 0]
        part = min(live, key=PRIORITY.__getitem__) if live else "shell"
        out[part] += b - a
    assert sum(out.values()) == len(data)
    return out


def svg_spans(data):
    return [(s, e) for tag, _, s, e, parents in elements(data) if tag == b"svg" and b"svg" not in parents]


WS = re.compile(rb"[ \t\r\n]+")


def whitespace_bytes(data):
    return sum(len(m.group(0)) for m in WS.finditer(data))


def attr_bytes(data, spans):
    """Bytes of ` name="value"` attribute text by name, split into inside/outside inline svg."""
    inside, outside = Counter(), Counter()
    cuts = [0]
    for s, e in spans:
        cuts += [s, e]
    cuts.append(len(data))
    for i in range(0, len(cuts) - 1):
        chunk = data[cuts[i]:cuts[i + 1]]
        target = inside if i % 2 == 1 else outside
        for tm in re.finditer(rb"<[A-Za-z][^>]*>", chunk):
            for am in ATTR.finditer(tm.group(0)):
                target[am.group(1).lower().decode("ascii", "replace")] += len(am.group(0))
    return inside, outside


# ---------------------------------------------------------------- classification


def walk(root):
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for f in sorted(filenames):
            full = os.path.join(dirpath, f)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            files.append((rel, os.path.getsize(full)))
    return files


def classify(rel, report_dirs, unit_dirs):
    """(kind, lang) of one output file; rel is relative to the output root."""
    lang = "en" if rel.startswith("en/") else "zh"
    p = rel[3:] if lang == "en" else rel
    d, _, name = p.rpartition("/")
    if name.endswith(".html"):
        if d in report_dirs and name == "index.html":
            kind = "html: report"
        elif d in unit_dirs and name == "index.html":
            kind = "html: unit"
        elif p == "index.html":
            kind = "html: home"
        elif p.startswith("years/") and "/by-" in p:
            kind = "html: year, sorted views"
        elif p.startswith("years/"):
            kind = "html: year (and year list)"
        elif p.startswith("search/"):
            kind = "html: search"
        elif p.startswith("glossary/"):
            kind = "html: glossary"
        elif p.startswith("data/"):
            kind = "html: data"
        elif p.endswith("/index.html") and d and "/" not in d:
            kind = "html: unit list"
        else:
            kind = "html: other"
        return kind, lang
    if p.startswith("search/"):
        return "search index (search/…)", lang
    if p.startswith("assets/") or name == "favicon.ico":
        return "assets", lang
    if p.startswith("data/"):
        if name.endswith(".csv"):
            if p.count("/") == 1:
                return "data/*.csv (site-wide tidy tables)", lang
            return "data/…/figures.csv (per-unit and per-year slices)", lang
        return "data/ other (json, schema, checksums)", lang
    if name.endswith(".svg"):
        if d in report_dirs:
            return "svg: report charts", lang
        if d in unit_dirs:
            return "svg: unit charts", lang
        return "svg: year and site charts", lang
    if name == "report.json":
        return "report.json", lang
    if name == "report.csv":
        return "report.csv", lang
    if d in unit_dirs and name.endswith(".json"):
        return "unit json (park.json …)", lang
    if name in ("feed.xml", "sitemap.xml", "robots.txt") or name.endswith((".xml", ".txt")):
        return "feeds, sitemap, robots", lang
    return "other", lang


KIND_ORDER = [
    "html: report", "html: unit", "html: unit list", "html: year (and year list)",
    "html: year, sorted views", "html: home", "html: search", "html: glossary", "html: data",
    "html: other", "svg: report charts", "svg: unit charts", "svg: year and site charts",
    "report.json", "report.csv", "unit json (park.json …)",
    "data/*.csv (site-wide tidy tables)", "data/…/figures.csv (per-unit and per-year slices)",
    "data/ other (json, schema, checksums)", "search index (search/…)", "feeds, sitemap, robots",
    "assets", "other",
]


# ---------------------------------------------------------------- output helpers


def n(x):
    return f"{x:,.0f}"


def f1(x):
    return f"{x:,.1f}"


def table(head, rows, align=None):
    align = align or ["---"] + ["---:"] * (len(head) - 1)
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("output_dir")
    ap.add_argument("--reports", type=int, help="number of reports (default: report.json files)")
    args = ap.parse_args()
    root = args.output_dir
    files = walk(root)
    if not files:
        sys.exit(f"no files under {root}")

    report_dirs = {rel.rpartition("/")[0] for rel, _ in files
                   if rel.endswith("/report.json") and not rel.startswith("en/")}
    unit_dirs = {d.rpartition("/")[0] for d in report_dirs}
    reports = args.reports or len(report_dirs)
    total_bytes = sum(s for _, s in files)

    print(f"# Output size breakdown: {os.path.basename(os.path.normpath(root))}\n")
    print(table(["total", "value"], [
        ["reports (N)", n(reports)],
        ["files", n(len(files))],
        ["bytes", n(total_bytes)],
        ["files per report", f1(len(files) / reports)],
        ["bytes per report", n(total_bytes / reports)],
    ]))

    # ---- by kind
    by_kind = defaultdict(lambda: [0, 0, 0, 0])  # zh files, zh bytes, en files, en bytes
    for rel, size in files:
        kind, lang = classify(rel, report_dirs, unit_dirs)
        k = by_kind[kind]
        i = 0 if lang == "zh" else 2
        k[i] += 1
        k[i + 1] += size
    rows = []
    for kind in KIND_ORDER:
        if kind not in by_kind:
            continue
        zf, zb, ef, eb = by_kind[kind]
        f, b = zf + ef, zb + eb
        rows.append([kind, n(zf), n(ef), n(f), f"{f / reports:.2f}", n(b),
                     f"{100 * b / total_bytes:.1f}%", n(b / reports)])
    rows.append(["**all**", n(sum(v[0] for v in by_kind.values())),
                 n(sum(v[2] for v in by_kind.values())), n(len(files)),
                 f"{len(files) / reports:.2f}", n(total_bytes), "100.0%", n(total_bytes / reports)])
    print("\n## Files and bytes by kind\n")
    print("(\"zh\" = outside en/, \"en\" = under en/; per report = divided by N)\n")
    print(table(["kind", "files zh", "files en", "files", "files / report", "bytes",
                 "share of bytes", "bytes / report"], rows))

    # ---- report pages by part
    print("\n## Report pages by part\n")
    for lang in ("zh", "en"):
        pages = [rel for rel, _ in files
                 if classify(rel, report_dirs, unit_dirs) == ("html: report", lang)]
        if not pages:
            continue
        per_part = defaultdict(list)
        sizes, ws = [], []
        attr_in, attr_out = Counter(), Counter()
        with_narr = 0
        for rel in pages:
            with open(os.path.join(root, rel), "rb") as fh:
                data = fh.read()
            parts = page_parts(data)
            for p in PARTS:
                per_part[p].append(parts[p])
            sizes.append(len(data))
            ws.append(whitespace_bytes(data))
            if parts["narrative"]:
                with_narr += 1
            i, o = attr_bytes(data, svg_spans(data))
            attr_in.update(i)
            attr_out.update(o)
        total = sum(sizes)
        count = len(pages)
        print(f"### {lang} report pages: {n(count)} pages, {n(with_narr)} with a narrative, "
              f"{n(total)} bytes (mean {n(total / count)}, median {n(statistics.median(sizes))})\n")
        rows = []
        for p in sorted(PARTS, key=lambda p: -sum(per_part[p])):
            v = per_part[p]
            rows.append([PART_LABEL[p], n(statistics.mean(v)), n(statistics.median(v)),
                         f"{100 * sum(v) / total:.1f}%"])
        rows.append(["**whole page**", n(statistics.mean(sizes)), n(statistics.median(sizes)),
                     "100.0%"])
        print(table(["part", "mean bytes", "median bytes", "share"], rows))
        check = all(sum(per_part[p][i] for p in PARTS) == sizes[i] for i in range(count))
        print(f"\nCheck: parts add up to the file size on {'all' if check else 'NOT all'} "
              f"{n(count)} pages.\n")
        print(f"Whitespace (ASCII spaces, tabs, newlines): {n(sum(ws) / count)} bytes per page "
              f"on average, {100 * sum(ws) / total:.1f}% of the bytes.\n")
        rows = []
        for where, c in (("inside inline svg", attr_in), ("outside svg", attr_out)):
            for name, b in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
                rows.append([where, f"`{name}=`", n(b / count), f"{100 * b / total:.1f}%"])
        print("Attribute text (` name=\"value\"`), top 8 names inside and outside inline svg:\n")
        print(table(["where", "attribute", "mean bytes / page", "share of page bytes"], rows,
                    ["---", "---", "---:", "---:"]))
        print()

    # ---- largest files
    print("## Ten largest files\n")
    big = sorted(files, key=lambda x: (-x[1], x[0]))[:10]
    print(table(["file", "bytes"], [[f"`{rel}`", n(s)] for rel, s in big], ["---", "---:"]))


if __name__ == "__main__":
    main()
