#!/bin/sh
# Detection quality on the labelled corpus: per-family recall of the scams
# and the hard-ham false-positive count (see evaluate.py).
set -u
: "${IMPOSTOR:=./impostor}" "${srcdir:=.}"
out=$(mktemp) || exit 99
trap 'rm -f "$out"' EXIT
"$IMPOSTOR" scan "$srcdir/tests/corpus/scam" "$srcdir/tests/corpus/ham" > "$out"
python3 "$srcdir/tests/corpus/evaluate.py" "$out"
