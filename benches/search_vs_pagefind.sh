#!/usr/bin/env bash
# Search benchmark: gongkai's index against Pagefind on the same pages.
#
#   benches/search_vs_pagefind.sh [REPORTS]     (default 2000)
#
# 1. the example site (content/) with the query set tests/search-queries.json (top-3 hit rate);
# 2. a generated corpus of REPORTS reports (benches/generate_corpus.py, seed 1): index build
#    time, bytes and files on disk, bytes a typical query downloads, client payload.
# Needs python3, node, Debian's chromium; installs Pagefind and playwright-core from npm into
# benches/node_modules (Pagefind's npm package carries its binary).
set -euo pipefail
cd "$(dirname "$0")/.."
reports="${1:-2000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd benches && npm install --no-audit --no-fund --loglevel=error >/dev/null)
cargo build --release --quiet
base=/xxgk/jxpj/

index_stats() { # dir → bytes files
  du -sb "$@" | awk '{s+=$1} END {printf "%d", s}'
  printf " "
  find "$@" -type f | wc -l
}

echo "== example site (content/)"
./target/release/gongkai build --output "$work/example" >/dev/null 2>&1
benches/node_modules/.bin/pagefind --site "$work/example" >/dev/null
node benches/search_bench.mjs "$work/example" "$base" tests/search-queries.json "example site"

echo "== generated corpus: $reports reports"
python3 benches/generate_corpus.py --reports "$reports" --seed 1 --out "$work/corpus" >/dev/null
GONGKAI_TIMINGS=1 ./target/release/gongkai build --root "$work/corpus" 2>"$work/timings" >/dev/null
ours_ms=$(grep -E '^stage search [0-9]+ ms' "$work/timings" | awk '{print $3}')
read -r ours_bytes ours_files <<<"$(index_stats "$work/corpus/public/search" "$work/corpus/public/en/search")"
pages=$(find "$work/corpus/public" -name '*.html' | wc -l)
start=$(date +%s%N)
/usr/bin/time -f "%M" -o "$work/pf_mem" benches/node_modules/.bin/pagefind --site "$work/corpus/public" >/dev/null
pf_ms=$(( ($(date +%s%N) - start) / 1000000 ))
read -r pf_bytes pf_files <<<"$(index_stats "$work/corpus/public/pagefind")"
echo "pages indexed: $pages HTML files"
echo "engine    index build ms   index bytes   index files"
printf "gongkai   %14s %13s %13s\n" "$ours_ms" "$ours_bytes" "$ours_files"
printf "pagefind  %14s %13s %13s   (peak %s KB)\n" "$pf_ms" "$pf_bytes" "$pf_files" "$(cat "$work/pf_mem")"
node benches/search_bench.mjs "$work/corpus/public" "$base" benches/corpus-queries.json "$reports generated reports"
