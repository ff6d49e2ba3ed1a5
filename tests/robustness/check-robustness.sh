#!/bin/bash
# Bad input gets a verdict or an error line — never a crash, a hang or
# unbounded memory. Each hostile file is scanned alone under a time and
# address-space limit.
set -u
: "${IMPOSTOR:=./impostor}" "${srcdir:=.}"
. "$srcdir/tests/lib/tap.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
python3 "$srcdir/tests/robustness/make_hostile.py" "$tmp/in" || exit 99

for f in "$tmp"/in/*; do
  name=$(basename "$f")
  start=$(date +%s%N)
  ( ulimit -v 4000000; timeout 60 "$IMPOSTOR" scan "$f" ) > "$tmp/out" 2> "$tmp/err"
  status=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ "$status" -gt 1 ]; then
    not_ok "robustness: $name exit $status after ${ms} ms ($(head -c 200 "$tmp/err"))"
  elif ! python3 -c 'import json,sys; r=json.loads(open(sys.argv[1]).read()); assert "verdict" in r or "error" in r' "$tmp/out" 2>/dev/null; then
    not_ok "robustness: $name produced no verdict/error line"
  else
    ok "robustness: $name -> $(python3 -c 'import json,sys; r=json.loads(open(sys.argv[1]).read()); print(r.get("verdict") or "error: " + r["error"])' "$tmp/out") in ${ms} ms"
  fi
done
finish
