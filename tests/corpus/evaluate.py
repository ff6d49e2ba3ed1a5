#!/usr/bin/env python3
"""Scores `impostor scan` output against the labelled corpus.

Labels come from the path: tests/corpus/scam/<family>/... must be quarantined
or rejected with <family> among its categories; tests/corpus/ham/... must not
be quarantined or rejected. Prints one `ok - ...` / `not ok - ...` line per
check (the test runner counts them), then the misses for whoever fixes them.

usage: evaluate.py SCAN_OUTPUT.jsonl [--min-recall 0.95] [--max-ham-fp 0]
"""
import argparse
import collections
import json
import sys

FAMILIES = ["lottery", "card-validation", "fake-bulletin", "tech-support"]
FLAGGED = {"quarantine", "reject"}


def label_of(path):
    parts = path.replace("\\", "/").split("/")
    if "scam" in parts:
        i = parts.index("scam")
        if i + 1 < len(parts) and parts[i + 1] in FAMILIES:
            return parts[i + 1]
    if "ham" in parts:
        return "ham"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scan_output")
    ap.add_argument("--min-recall", type=float, default=0.95)
    ap.add_argument("--max-ham-fp", type=int, default=0)
    args = ap.parse_args()

    caught = collections.Counter()
    total = collections.Counter()
    misses, ham_fp, errors = [], [], []
    with open(args.scan_output, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            label = label_of(rec["file"]) if rec["file"].endswith(".eml") else None
            if label is None:
                continue
            if "error" in rec:
                errors.append(rec)
                continue
            total[label] += 1
            flagged = rec["verdict"] in FLAGGED
            if label == "ham":
                if flagged:
                    ham_fp.append(rec)
            elif flagged and label in rec["categories"]:
                caught[label] += 1
            else:
                misses.append(rec)

    failed = 0

    def check(ok, what):
        nonlocal failed
        print(("ok - " if ok else "not ok - ") + what)
        failed += 0 if ok else 1

    check(not errors and sum(total.values()) > 0,
          f"corpus: every message scanned ({sum(total.values())} scanned, {len(errors)} errors)")
    for fam in FAMILIES:
        n = total[fam]
        recall = caught[fam] / n if n else 0.0
        check(n > 0 and recall >= args.min_recall,
              f"corpus: {fam} recall {caught[fam]}/{n} = {recall:.3f} (min {args.min_recall})")
    check(total["ham"] > 0 and len(ham_fp) <= args.max_ham_fp,
          f"corpus: hard ham quarantined or rejected {len(ham_fp)}/{total['ham']} "
          f"(max {args.max_ham_fp})")

    for rec in misses:
        print(f"# missed {rec['file']}: {rec['verdict']} {rec['score']} "
              f"{rec['categories']} {[r['id'] for r in rec['rules']]}")
    for rec in ham_fp:
        print(f"# false positive {rec['file']}: {rec['verdict']} {rec['score']} "
              f"{rec['categories']} {[r['id'] for r in rec['rules']]}")
    for rec in errors:
        print(f"# error {rec['file']}: {rec['error']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
