#!/usr/bin/env bash
# Screenshots of the example site in headless Chromium, for a person to look at.
#
#   scripts/screenshots.sh [OUT_DIR]      (default: target/screenshots)
#
# Builds content/ into a temp dir, serves it under its base_url sub-path on 127.0.0.1, and
# captures a report, a unit and a year page (and the home page) in Chinese and English, at
# desktop and phone widths. Needs Debian's chromium and fonts-noto-cjk (installed when missing
# and running as root); without the CJK fonts Chinese renders as boxes.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/screenshots}"
mkdir -p "$out"

need=()
command -v chromium >/dev/null || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "please install: ${need[*]}" >&2
    exit 2
  fi
fi

cargo build --release --quiet
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
base_path="$(sed -n 's/^base_url *= *"https\?:\/\/[^/]*\(\/[^"]*\)".*/\1/p' site.toml)"
base_path="${base_path:-/}"
mkdir -p "$work/root$base_path"
./target/release/gongkai build --output "$work/site" >/dev/null
rmdir "$work/root$base_path"
ln -s "$work/site" "$work/root${base_path%/}"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/root" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port$base_path" >/dev/null && break; sleep 0.1; done

shoot() { # name url width height
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
    --hide-scrollbars --window-size="$3,$4" --screenshot="$out/$1.png" "$2" >/dev/null 2>&1
  echo "$out/$1.png"
}
for lang in zh en; do
  prefix=""; [ "$lang" = en ] && prefix="en/"
  for page in "report:parks/wangcheng/2019/" "report-project-items:parks/daoxian/2023/" "unit:parks/wangcheng/" "year:years/2021/" "home:"; do
    name="${page%%:*}"; path="${page#*:}"
    shoot "$lang-$name" "http://127.0.0.1:$port$base_path$prefix$path" 1280 4200
  done
  shoot "$lang-report-phone" "http://127.0.0.1:$port$base_path${prefix}parks/lengshuitan/2021/" 360 3600
done
