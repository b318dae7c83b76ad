#!/usr/bin/env python3
"""Reports the size of each file of a built folder, raw and gzipped (level 9), and the first
load (every file the page fetches on its first visit: all of dist/ is precached by the service
worker, so that is the whole folder).

    python3 scripts/size-report.py [DIR] [--budget-kb N]     (exit 1 when over the budget)
"""
import argparse
import gzip
import os
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default="dist")
    ap.add_argument("--budget-kb", type=float, default=None)
    args = ap.parse_args()
    rows = []
    for base, dirs, files in os.walk(args.dir):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            p = os.path.join(base, f)
            with open(p, "rb") as fh:
                data = fh.read()
            rows.append((os.path.relpath(p, args.dir), len(data), len(gzip.compress(data, 9))))
    rows.sort(key=lambda r: -r[2])
    print("%-48s %12s %12s" % ("file", "bytes", "gzip bytes"))
    for name, raw, gz in rows:
        print("%-48s %12d %12d" % (name, raw, gz))
    total_raw = sum(r[1] for r in rows)
    total_gz = sum(r[2] for r in rows)
    print("%-48s %12d %12d" % ("TOTAL (first load, all precached)", total_raw, total_gz))
    print("first load: %.1f KB gzipped (%.1f KB raw)" % (total_gz / 1024, total_raw / 1024))
    if args.budget_kb is not None:
        if total_gz > args.budget_kb * 1024:
            print("size: OVER BUDGET (%.1f KB > %.0f KB gzipped)" % (total_gz / 1024, args.budget_kb))
            sys.exit(1)
        print("size: within budget (%.1f KB <= %.0f KB gzipped)" % (total_gz / 1024, args.budget_kb))


if __name__ == "__main__":
    main()
