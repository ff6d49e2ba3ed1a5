#!/bin/bash
# Scan throughput on the SpamAssassin public corpus, with the GMime
# parse-only baseline measured in the same run (see bench_scan.cc).
# usage: bench/run-bench-scan.sh [BUILD_DIR]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
cache=${SA_CORPUS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/impostor/spamassassin}
"$src/tests/spamassassin/fetch-corpus.sh" "$cache"
make -C "$build" bench/bench_scan > /dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# Only the raw messages (*.txt), not the JSON copies beside them.
find "$cache/data" -name '*.txt' -exec ln -s {} "$dir/" \;
"$build/bench/bench_scan" --rounds "${ROUNDS:-3}" "$dir"
