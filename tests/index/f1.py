#!/usr/bin/env python3
"""Pairwise precision/recall/F1 of `impostor campaigns --format json` against
the corpus generator's manifest. The truth of a pair is "same family, same
language, same template": the generator reuses template names across the
two languages, and an English and a Japanese text are different templates.
usage: f1.py MANIFEST.tsv CAMPAIGNS.json MIN_F1"""
import csv, itertools, json, sys

manifest, campaigns, min_f1 = sys.argv[1], sys.argv[2], float(sys.argv[3])
truth = {}
for row in csv.DictReader(open(manifest, encoding="utf-8"), delimiter="\t"):
    truth[row["file"]] = (row["family"], row["lang"], row["template"])
pred = {}
for c in json.load(open(campaigns, encoding="utf-8"))["campaigns"]:
    for m in c["members"]:
        rel = m["file"].split("/scam/", 1)[-1]
        pred[rel] = c["id"]
files = sorted(f for f in pred if f in truth)
tp = fp = fn = 0
for a, b in itertools.combinations(files, 2):
    same_t, same_p = truth[a] == truth[b], pred[a] == pred[b]
    tp += same_t and same_p
    fp += same_p and not same_t
    fn += same_t and not same_p
p = tp / (tp + fp) if tp + fp else 1.0
r = tp / (tp + fn) if tp + fn else 1.0
f1 = 2 * p * r / (p + r) if p + r else 0.0
print(f"messages={len(files)} pairs: tp={tp} fp={fp} fn={fn} precision={p:.3f} recall={r:.3f} F1={f1:.3f}")
sys.exit(0 if f1 >= min_f1 and len(files) == len(truth) else 1)
