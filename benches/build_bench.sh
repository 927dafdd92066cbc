#!/usr/bin/env bash
# Build benchmark: whole-process timings of gongkai on a generated corpus.
#
#   benches/build_bench.sh [REPORTS...]       (default: 1000 10000)
#   RUNS=3          runs per measurement (the median is printed; default 3)
#   OUT_FS=/dev/shm where the output folder goes (default: a temp folder on the disk)
#   EDITS=5         edits timed during `gongkai serve` (0 to skip)
#
# For each corpus size (benches/generate_corpus.py, seed 1; cached in $CORPUS_DIR, default
# /tmp/gongkai-bench-corpora) it measures with /usr/bin/time -f "%e %U %S %M":
#   cold        full build into an empty output folder (no manifest): both languages, every
#               page, chart, data file and both search indexes;
#   no-change   the same build again over that output (the manifest lets it skip every file);
#   one edit    a build after one report's narrative changed (what a CI job or a cron run does);
# and prints wall, user and system CPU, peak memory, files written and the per-stage times of
# the last cold run (GONGKAI_TIMINGS=1: wall and process CPU per stage; stages that run side by
# side — pages, search — overlap). Then benches/serve_edit.py times edit → reload in `serve`.
# Cost per report is cold wall ÷ reports. The page cache is warm (corpus and binary are read
# from memory): this is "cold output folder", not "cold machine".
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
runs="${RUNS:-3}"
edits="${EDITS:-5}"
corpora="${CORPUS_DIR:-/tmp/gongkai-bench-corpora}"
out_parent="$(mktemp -d "${OUT_FS:-${TMPDIR:-/tmp}}/gongkai-bench.XXXXXX")"
trap 'rm -rf "$out_parent"' EXIT
cargo build --release --quiet
bin="$PWD/target/release/gongkai"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# time_build LABEL ROOT OUT: one whole-process build; appends "wall user sys peakKB" to $tmp/LABEL
time_build() {
  local label=$1 root=$2 out=$3
  GONGKAI_TIMINGS=1 /usr/bin/time -f "%e %U %S %M" -o "$out_parent/time" \
    "$bin" build --root "$root" --output "$out" >"$out_parent/stdout" 2>"$out_parent/stderr"
  cat "$out_parent/time" >>"$out_parent/$label"
  grep -o '[0-9]* written, [0-9]* unchanged, [0-9]* removed' "$out_parent/stdout" >"$out_parent/$label.files"
}

report() { # LABEL → "wall user sys peakMiB" medians
  local f="$out_parent/$1"
  printf "%s %s %s %s" \
    "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f2 "$f" | median)" \
    "$(cut -d' ' -f3 "$f" | median)" "$(cut -d' ' -f4 "$f" | median | awk '{printf "%.0f", $1/1024}')"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "output on: $(df -T "$out_parent" | awk 'NR==2 {print $2}') ($out_parent); runs: $runs; $(git describe --always --dirty)"
echo
echo "| reports | build | wall s | user s | sys s | peak MiB | files | ms per report |"
echo "|---:|---|---:|---:|---:|---:|---|---:|"
for n in "${sizes[@]}"; do
  corpus="$corpora/$n"
  if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    python3 benches/generate_corpus.py --reports "$n" --seed 1 --out "$corpus" >/dev/null
    touch "$corpus/.complete"
  fi
  out="$out_parent/out-$n"
  rm -f "$out_parent"/{cold,nochange,edit}
  for _ in $(seq "$runs"); do
    rm -rf "$out" "$out_parent/.out-$n.manifest"
    sync
    time_build cold "$corpus" "$out"
  done
  cp "$out_parent/stderr" "$out_parent/stages-$n"
  for _ in $(seq "$runs"); do
    time_build nochange "$corpus" "$out"
  done
  report_file=$(find "$corpus/content/parks" -name '20*.md' ! -name '*.en.md' | sort | head -1)
  cp "$report_file" "$out_parent/original.md"
  for i in $(seq "$runs"); do
    python3 - "$report_file" "$i" <<'EOF'
import sys
p, i = sys.argv[1], sys.argv[2]
s = open(p, encoding="utf-8").read()
open(p, "w", encoding="utf-8").write(s.replace("\n## ", f"\n基准测试修改{i}。\n\n## ", 1))
EOF
    time_build edit "$corpus" "$out"
    cp "$out_parent/original.md" "$report_file"
  done
  time_build nochange-restore "$corpus" "$out" # leave the output matching the corpus
  for label in cold nochange edit; do
    read -r wall user sys peak <<<"$(report $label)"
    per=$(awk -v w="$wall" -v n="$n" 'BEGIN {printf "%.2f", w * 1000 / n}')
    [ "$label" = cold ] || per=""
    echo "| $n | $label | $wall | $user | $sys | $peak | $(cat "$out_parent/$label.files") | $per |"
  done
done
echo
for n in "${sizes[@]}"; do
  echo "stages of the last cold build, $n reports (wall, process CPU, peak so far):"
  grep '^stage' "$out_parent/stages-$n" | grep -v 'search: ' | sed 's/^stage /  /'
done
if [ "$edits" -gt 0 ]; then
  for n in "${sizes[@]}"; do
    echo
    python3 benches/serve_edit.py "$corpora/$n" --edits "$edits" 2>/dev/null
  done
fi
