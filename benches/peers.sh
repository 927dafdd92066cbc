#!/usr/bin/env bash
# Peer benchmark: gongkai against Hugo and Pagefind on comparable pages from the same corpus.
#
#   benches/peers.sh [REPORTS]      (default 1000)
#   RUNS=3   runs per tool (median of each column; default 3)
#   KEEP=1   keep the temporary folder (corpus, Hugo sites, outputs, logs) and print its path
#   TMPDIR=/dev/shm   to write to tmpfs instead of the disk (mktemp -d honours TMPDIR)
#
# 1. generates a corpus of REPORTS reports (benches/generate_corpus.py, seed 1) and converts it into
#    two Hugo sites (benches/hugo/to_hugo.py): one page per Chinese report, one section page per
#    unit, with the layouts benches/hugo/layouts-minimal/ and benches/hugo/layouts-chart-json/
#    (the latter adds an inline SVG chart of the expenditure parts and index.json per report);
# 2. times each of these as a whole process with /usr/bin/time -f "%e %U %S %M" (wall s, user s,
#    system s, peak resident KB), each run into an EMPTY output folder:
#      gongkai            full build: both languages, charts, data files, both search indexes
#      hugo-minimal       hugo --source SITE --destination EMPTY --cacheDir FRESH --quiet
#      hugo-chart-json    the same with the chart and JSON layouts
#      cp-hugo            the floor: cp -r of hugo-chart-json's output
#      cp-gongkai         the floor for gongkai's (larger) output: cp -r of it
#      pagefind           pagefind --site over hugo-chart-json's output (writes SITE/pagefind)
#    Hugo gets a new --cacheDir and no resources/ folder on every run, so nothing is reused.
#    The page cache is NOT dropped (not possible here): corpus, binaries and the cp sources are
#    read from memory, so this is "cold output folder, warm page cache".
# 3. prints Markdown tables (stdout) to paste into BENCHMARKS.md: per tool the medians, HTML pages,
#    files and bytes written (sum of file sizes); the ratios; gongkai's search index (OUT/search
#    and OUT/en/search, as in search_vs_pagefind.sh, and the Chinese one alone) against Pagefind's
#    (SITE/pagefind), whole folders and index data only; notes (warnings, page counts, what Hugo
#    does with "8250.00" as a string and as a number). Progress goes to stderr.
# Not like for like: gongkai writes both languages (every report in zh and en), figure tables,
# 4-5 chart files, JSON and CSV per report; Hugo one Chinese page (narrative only) per report.
# Pagefind here indexes Hugo's lean Chinese pages, not gongkai's output (search_vs_pagefind.sh
# does that), so its index is smaller than there.
# Needs python3 with PyYAML, hugo (apt-get install -y hugo), npm (Pagefind 1.6.0 from
# benches/package.json), cargo, GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
reports="${1:-1000}"
runs="${RUNS:-3}"
work="$(mktemp -d)"
if [ "${KEEP:-0}" = 1 ]; then
  trap 'echo "kept $work" >&2' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi
SECONDS=0
log() { echo "... [${SECONDS} s] $*" >&2; }

command -v hugo >/dev/null || { echo "needs hugo: apt-get install -y hugo" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time: apt-get install -y time" >&2; exit 1; }
(cd benches && npm install --no-audit --no-fund --loglevel=error >/dev/null)
cargo build --release --quiet
gongkai="${CARGO_TARGET_DIR:-$repo/target}/release/gongkai"
# Pagefind's own binary (the one its npm wrapper would spawn: extended, with Chinese segmentation),
# so that node's start-up is not timed; the wrapper if the binary is not where we expect it.
pagefind="$(find benches/node_modules/@pagefind -path '*/bin/pagefind_extended' -type f -print -quit 2>/dev/null || true)"
pagefind="${pagefind:+$repo/$pagefind}"
pagefind="${pagefind:-$repo/benches/node_modules/.bin/pagefind}"

# --- corpus and Hugo sites (not timed) -------------------------------------------------------
log "generating $reports reports into $work/corpus"
python3 benches/generate_corpus.py --reports "$reports" --seed 1 --out "$work/corpus" >/dev/null
for variant in minimal chart-json; do
  python3 benches/hugo/to_hugo.py "$work/corpus" "$work/site-$variant" --variant "$variant" >/dev/null
  # --quiet (used in the timed runs) also hides Hugo's warnings: one untimed run without it, to
  # report them and Hugo's own page counts.
  hugo --source "$work/site-$variant" --destination "$work/check-$variant" --cacheDir "$work/hugo-cache" \
    >"$work/hugo-$variant.check" 2>&1
  rm -rf "$work/check-$variant"
done

# --- helpers ---------------------------------------------------------------------------------
# timed NAME CMD...: one run of CMD under GNU time; appends "wall user sys peakKB" to
# $work/NAME.times; CMD's stdout/stderr go to $work/NAME.out and $work/NAME.err (last run kept).
timed() {
  local name="$1"; shift
  if ! /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err"; then
    echo "$name failed: $*" >&2
    tail -n 20 "$work/$name.err" >&2
    exit 1
  fi
  tail -n 1 "$work/$name.time" >>"$work/$name.times"
}
fresh() { rm -rf "$1" && mkdir -p "$1"; }           # an empty output folder (removal not timed)

run_gongkai() {
  fresh "$work/out-gongkai"
  timed gongkai "$gongkai" build --root "$work/corpus" --output "$work/out-gongkai"
}
run_hugo() { # minimal | chart-json
  local site="$work/site-$1"
  fresh "$work/out-hugo-$1"
  rm -rf "$site/resources" "$site/.hugo_build.lock" "$work/hugo-cache"
  timed "hugo-$1" hugo --source "$site" --destination "$work/out-hugo-$1" --cacheDir "$work/hugo-cache" --quiet
}
run_cp() { # NAME SOURCE
  fresh "$work/out-$1"
  timed "$1" cp -r "$2/." "$work/out-$1"
}
run_pagefind() {
  rm -rf "$work/out-hugo-chart-json/pagefind"
  timed pagefind "$pagefind" --site "$work/out-hugo-chart-json"
}

# median FILE COLUMN: median of one column of a .times file (mean of the middle two if even)
median() {
  sort -g -k"$2,$2" "$1" | awk -v c="$2" '{v[NR] = $c}
    END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
files_in() { find "$@" -type f | wc -l; }
bytes_in() { find "$@" -type f -printf '%s\n' | awk '{s += $1} END {printf "%d\n", s}'; }
html_in() { find "$@" -type f -name '*.html' | wc -l; }

declare -A WALL USER SYS MEM FILES BYTES HTML
# record NAME DIR...: medians of NAME's runs, and what is in DIR... now
record() {
  local name="$1"; shift
  WALL[$name]=$(median "$work/$name.times" 1)
  USER[$name]=$(median "$work/$name.times" 2)
  SYS[$name]=$(median "$work/$name.times" 3)
  MEM[$name]=$(median "$work/$name.times" 4)
  FILES[$name]=$(files_in "$@")
  BYTES[$name]=$(bytes_in "$@")
  HTML[$name]=$(html_in "$@")
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}'; }

# --- measurements ----------------------------------------------------------------------------
for ((i = 1; i <= runs; i++)); do log "gongkai run $i/$runs"; run_gongkai; done
record gongkai "$work/out-gongkai"
for variant in minimal chart-json; do
  for ((i = 1; i <= runs; i++)); do log "hugo $variant run $i/$runs"; run_hugo "$variant"; done
  record "hugo-$variant" "$work/out-hugo-$variant"
done
for ((i = 1; i <= runs; i++)); do log "cp -r floors run $i/$runs"; run_cp cp-hugo "$work/out-hugo-chart-json"; run_cp cp-gongkai "$work/out-gongkai"; done
record cp-hugo "$work/out-cp-hugo"
record cp-gongkai "$work/out-cp-gongkai"
for ((i = 1; i <= runs; i++)); do log "pagefind run $i/$runs"; run_pagefind; done
record pagefind "$work/out-hugo-chart-json/pagefind"
# Pagefind writes no HTML; its "pages" are the pages it indexed ("Indexed 2013 pages").
HTML[pagefind]=$(grep -oE 'Indexed [0-9]+ pages' "$work/pagefind.out" | grep -oE '[0-9]+' || echo "?")
# Search index sizes. "all": whole folders, as in search_vs_pagefind.sh (gongkai's include the
# search page, index.html; Pagefind's its UI scripts, styles and WASM). "data": only the index
# files (gongkai: the JSON files; Pagefind: fragments, index chunks, filters, metadata, entry file).
# gongkai indexes both languages (search/zh, en/search/en); Pagefind sees Hugo's Chinese pages only.
# size_of FIND-ARGS...: "bytes files"
size_of() { find "$@" -type f -printf '%s\n' | awk '{s += $1; n++} END {printf "%d %d\n", s, n}'; }
gk="$work/out-gongkai"
pf="$work/out-hugo-chart-json/pagefind"
read -r gk_all_b gk_all_f <<<"$(size_of "$gk/search" "$gk/en/search")"
read -r gk_zh_all_b gk_zh_all_f <<<"$(size_of "$gk/search")"
read -r pf_all_b pf_all_f <<<"$(size_of "$pf")"
read -r gk_data_b gk_data_f <<<"$(size_of "$gk/search" "$gk/en/search" ! -name '*.html')"
read -r gk_zh_data_b gk_zh_data_f <<<"$(size_of "$gk/search" ! -name '*.html')"
read -r pf_data_b pf_data_f <<<"$(size_of "$pf" ! -name '*.js' ! -name '*.css' ! -name '*wasm*')"

# --- report (stdout) -------------------------------------------------------------------------
units=$(find "$work/corpus/content" -mindepth 2 -maxdepth 2 -type d | wc -l)
translations=$(find "$work/corpus/content" -name '*.en.md' ! -name '_index*' | wc -l)
fs=$(df -T "$work" | awk 'NR == 2 {print $2}')
echo "## Peers: gongkai, Hugo and Pagefind, $reports reports (benches/peers.sh)"
echo
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM; output folders on $fs ($work)"
echo "- gongkai $(git describe --always --dirty 2>/dev/null || echo '?'); $(hugo version | cut -d' ' -f1-2); $("$pagefind" --version)"
echo "- corpus: $reports reports of $units units, $translations English translations (seed 1); Hugo gets the $reports Chinese reports and $units unit pages"
echo "- median of $runs run(s) per column; each run into an empty output folder; page cache not dropped (warm)"
echo "- HTML pages: .html files written (for pagefind: pages it indexed); bytes: sum of file sizes"
echo
echo "| tool | wall s | user s | sys s | peak MiB | HTML pages | files written | bytes written |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for name in gongkai hugo-minimal hugo-chart-json pagefind cp-hugo cp-gongkai; do
  printf "| %s | %.2f | %.2f | %.2f | %.1f | %s | %s | %s |\n" "$name" "${WALL[$name]}" "${USER[$name]}" \
    "${SYS[$name]}" "$(awk -v k="${MEM[$name]}" 'BEGIN {print k / 1024}')" "${HTML[$name]}" "${FILES[$name]}" "${BYTES[$name]}"
done
hp_wall=$(awk -v a="${WALL[hugo-chart-json]}" -v b="${WALL[pagefind]}" 'BEGIN {print a + b}')
hp_mem=$(awk -v a="${MEM[hugo-chart-json]}" -v b="${MEM[pagefind]}" 'BEGIN {print (a > b ? a : b)}')
per_page() { awk -v w="$1" -v p="$2" 'BEGIN {print w / p}'; }
echo
echo "| ratio | wall | peak memory |"
echo "|---|---:|---:|"
echo "| gongkai / hugo-minimal | $(ratio "${WALL[gongkai]}" "${WALL[hugo-minimal]}") | $(ratio "${MEM[gongkai]}" "${MEM[hugo-minimal]}") |"
echo "| gongkai / hugo-chart-json | $(ratio "${WALL[gongkai]}" "${WALL[hugo-chart-json]}") | $(ratio "${MEM[gongkai]}" "${MEM[hugo-chart-json]}") |"
echo "| gongkai / (hugo-chart-json + pagefind, run one after the other) | $(ratio "${WALL[gongkai]}" "$hp_wall") | $(ratio "${MEM[gongkai]}" "$hp_mem") |"
echo "| gongkai / hugo-chart-json, per HTML page | $(ratio "$(per_page "${WALL[gongkai]}" "${HTML[gongkai]}")" "$(per_page "${WALL[hugo-chart-json]}" "${HTML[hugo-chart-json]}")") | |"
echo "| gongkai / cp -r of its own output | $(ratio "${WALL[gongkai]}" "${WALL[cp-gongkai]}") | |"
echo "| hugo-chart-json / cp -r of its own output | $(ratio "${WALL[hugo-chart-json]}" "${WALL[cp-hugo]}") | |"
echo
echo "| search index | gongkai zh+en | gongkai zh | pagefind zh | gongkai zh+en / pagefind | gongkai zh / pagefind |"
echo "|---|---:|---:|---:|---:|---:|"
search_row() { # LABEL GK GK_ZH PF
  echo "| $1 | $2 | $3 | $4 | $(ratio "$2" "$4") | $(ratio "$3" "$4") |"
}
search_row "bytes, whole folders" "$gk_all_b" "$gk_zh_all_b" "$pf_all_b"
search_row "files, whole folders" "$gk_all_f" "$gk_zh_all_f" "$pf_all_f"
search_row "bytes, index data only" "$gk_data_b" "$gk_zh_data_b" "$pf_data_b"
search_row "files, index data only" "$gk_data_f" "$gk_zh_data_f" "$pf_data_f"
echo

# --- notes: what each tool said, and what Hugo does with the figures ---------------------------
echo "- gongkai: $(grep -hE '^built ' "$work/gongkai.out" "$work/gongkai.err" | head -n 1); $(grep -c 'warning:' "$work/gongkai.err" || true) warning lines on stderr"
for variant in minimal chart-json; do
  f="$work/hugo-$variant.check"
  echo "- hugo-$variant (untimed run without --quiet): $(grep -cE '^(WARN|ERROR)' "$f" || true) WARN/ERROR lines$(grep -m1 -E '^(WARN|ERROR)' "$f" | sed 's/^/, first: /' || true); Hugo counts $(awk -F'|' '/^ *Pages / {gsub(/ /, "", $2); print $2}' "$f") pages (HTML and JSON outputs)"
done
echo "- pagefind: $(grep -ciE 'warn|error' "$work/pagefind.err" "$work/pagefind.out" | awk -F: '{s += $NF} END {print s}') warning/error lines; $(grep -oE 'Indexed [0-9]+ (pages|words)' "$work/pagefind.out" | sed 's/Indexed //' | paste -sd, - | sed 's/,/, /') indexed"
# Hugo keeps the amounts written as strings ("8250.00") but prints YAML numbers its own way
# (8250.00 -> 8250, 637.10 -> 637.1). index.json has both: expenditure (strings) and
# expenditure_numbers (the same figures, unquoted in the front matter).
python3 - "$work/out-hugo-chart-json" <<'EOF'
import json, pathlib, re, sys
n = kept = changed = 0
example = None
for f in sorted(pathlib.Path(sys.argv[1]).rglob("index.json")):
    # numbers parsed as their literal text, i.e. as Hugo wrote them
    d = json.loads(f.read_text(encoding="utf-8"), parse_float=str, parse_int=str)
    strings, numbers = d.get("expenditure") or {}, d.get("expenditure_numbers") or {}
    for k, s in strings.items():
        n += 1
        kept += bool(re.fullmatch(r"-?\d+\.\d\d", s))
        written = numbers.get(k, s)
        if written != s:
            changed += 1
            example = example or (s, written)
print(f"- hugo decimals: amounts as strings: {kept}/{n} keep two decimals (\"8250.00\"); "
      f"as YAML numbers: {changed}/{n} printed differently in index.json"
      + (f" (e.g. {example[0]} -> {example[1]})" if example else ""))
EOF
echo "- script time: ${SECONDS} s"
