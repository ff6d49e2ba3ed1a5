#!/bin/sh
# Runs the campaign-index benchmark at 10k and a larger N (default 50k).
#   bench/bench-index.sh [LARGE_N] [TEMPLATES]     (from the build directory)
set -e
large=${1:-50000}
templates=${2:-300}
make -s bench/bench_index
for n in 10000 "$large"; do
  echo "== N=$n"
  ./bench/bench_index "$n" "$templates" "${TMPDIR:-/tmp}"
done
