#!/usr/bin/env python3
"""Times `gongkai serve` after an edit, the way a browser sees it.

    benches/serve_edit.py CORPUS [--edits 10] [--binary target/release/gongkai] [--time-v FILE]

Starts `gongkai serve --root CORPUS --port 0`, waits for the first build, then edits one
report's narrative EDITS times. For each edit it measures, from the moment the file is
written:
  - reload: the page's long poll (`__gongkai/status?since=…`, what the live-reload script
    waits on) answers with a new version;
  - served: a GET of the edited report's page returns the edited text (what the reloaded
    page shows);
  - background: serve prints that the listings (home, year pages), downloads and search
    index are up to date.
It waits for the background step before the next edit, restores the file at the end, and
prints the first build's time, the medians and maxima, and serve's peak memory (VmHWM).
With --time-v FILE, serve runs under `/usr/bin/time -v -o FILE` (its "Maximum resident set
size" is the same peak, as the operating system counts it at exit).
"""
import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path


def peak_mib(pid):
    """The process's peak resident memory so far (VmHWM), in MiB, or "?"."""
    try:
        status_text = Path(f"/proc/{pid}/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+)", status_text).group(1)) // 1024
    except (OSError, AttributeError):
        return "?"


def get(url, timeout=30):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.read().decode("utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--binary", default=str(Path(__file__).resolve().parent.parent / "target/release/gongkai"))
    ap.add_argument("--time-v", help="run serve under /usr/bin/time -v, writing its report here")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    report = sorted((corpus / "content/parks").glob("*/20*.md"))
    report = [r for r in report if not r.name.endswith(".en.md")][0]
    unit, slug = report.parent.name, report.stem
    original = report.read_text(encoding="utf-8")
    # Restore the edited file even when stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))

    start = time.monotonic()
    command = [args.binary, "serve", "--root", str(corpus), "--port", "0"]
    if args.time_v:
        command = ["/usr/bin/time", "-v", "-o", args.time_v] + command
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    base = None
    for line in proc.stdout:
        m = re.match(r"serving (http://\S+)", line)
        if m:
            base = m.group(1)
            break
    if base is None:
        sys.exit("serve did not start")
    first_build = time.monotonic() - start
    # Under time, serve is its child.
    server = proc.pid
    if args.time_v:
        try:
            server = int(Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()[0])
        except (OSError, IndexError, ValueError):
            pass
    first_peak = peak_mib(server)
    background = []
    lines_lock = threading.Condition()

    def reader():
        for line in proc.stdout:
            if line.startswith("updated the listings"):
                with lines_lock:
                    background.append(time.monotonic())
                    lines_lock.notify_all()

    threading.Thread(target=reader, daemon=True).start()
    page = f"{base}parks/{unit}/{slug}/"
    status = f"{base}__gongkai/status"
    reload_ms, served_ms, background_ms = [], [], []
    try:
        for i in range(args.edits):
            marker = f"编辑标记{i}号"
            edited = original.replace("\n## ", f"\n{marker}。\n\n## ", 1)
            before = json.loads(get(status))
            seen = len(background)
            t0 = time.monotonic()
            report.write_text(edited, encoding="utf-8")
            while True:
                s = json.loads(get(f"{status}?since={before['stamp']}"))
                if s["version"] != before["version"] or s["error"]:
                    break
                before = s
            t1 = time.monotonic()
            if s["error"]:
                sys.exit(s["error"])
            while marker not in get(page):
                time.sleep(0.005)
            t2 = time.monotonic()
            with lines_lock:
                lines_lock.wait_for(lambda: len(background) > seen, timeout=120)
            reload_ms.append((t1 - t0) * 1000)
            served_ms.append((t2 - t0) * 1000)
            if len(background) > seen:
                background_ms.append((background[-1] - t0) * 1000)
            print(f"edit {i + 1}: reload {reload_ms[-1]:.0f} ms, served {served_ms[-1]:.0f} ms, "
                  f"background done {background_ms[-1] if background_ms else float('nan'):.0f} ms", file=sys.stderr)
    finally:
        report.write_text(original, encoding="utf-8")
        peak = peak_mib(server)
        # Under time, stop serve itself: time then reports on it and exits.
        if server != proc.pid:
            os.kill(server, signal.SIGTERM)
        else:
            proc.terminate()
        proc.wait()

    reports = len([r for r in (corpus / "content/parks").glob("*/20*.md") if not r.name.endswith(".en.md")])
    print(f"serve on {reports} reports: first build {first_build:.1f} s, peak memory {peak} MiB "
          f"({first_peak} MiB after the first build)")
    print(f"edit → page reload signalled: median {statistics.median(reload_ms):.0f} ms, max {max(reload_ms):.0f} ms")
    print(f"edit → edited page served:    median {statistics.median(served_ms):.0f} ms, max {max(served_ms):.0f} ms")
    print(f"  each edit, reload: {', '.join(f'{x:.0f}' for x in reload_ms)} ms; served: "
          f"{', '.join(f'{x:.0f}' for x in served_ms)} ms")
    if background_ms:
        print(f"edit → listings, downloads and search index updated: median {statistics.median(background_ms):.0f} ms")


if __name__ == "__main__":
    main()
