#!/bin/bash
# bench-console.sh — how fast the review console is on a big quarantine.
#
# Builds two stores with tests/console/console_seed (really scanned mail:
# the SpamAssassin corpus and tests/corpus, round-robin, each copy with its
# own Message-ID), a small one (SMALL, default 1,000 entries: the baseline,
# measured in the same run) and a big one (LARGE, default 100,000), indexes
# each with `impostor index --rebuild`, starts impostor-console on each and
# times every page a reviewer uses with bench/console_load.py (ROUNDS
# requests each, after two warm-ups). Prints p50/p95 per page at both sizes
# and the ratio big/small: a page whose time grows with the quarantine shows
# up as a ratio far above 1.
#
# usage: bench/bench-console.sh [BUILD_DIR]        (SMALL, LARGE, ROUNDS in the environment)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
small=${SMALL:-1000}
large=${LARGE:-100000}
rounds=${ROUNDS:-20}
make -s -C "$build" impostor impostor-console tests/console/console_seed >/dev/null
cache=${SA_CORPUS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/impostor/spamassassin}
"$src/tests/spamassassin/fetch-corpus.sh" "$cache" >/dev/null

work=$(mktemp -d /tmp/impostor-bench-console.XXXXXX)
console_pid=""
cleanup() {
  if [ -n "$console_pid" ] && kill -0 "$console_pid" 2>/dev/null; then
    kill "$console_pid"
    wait "$console_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/templates"
find "$cache/data" -name '*.txt' -exec ln -s {} "$work/templates/" \;
find "$src/tests/corpus/scam" -name '*.eml' | while read -r f; do
  ln -s "$f" "$work/templates/corpus-$(basename "$(dirname "$f")")-$(basename "$f")"
done

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# measure N: fills, indexes, serves and times a store of N entries into $work/N.json.
measure() {
  local n=$1 dir="$work/store-$1" port t0 t1 t2
  mkdir -p "$dir"
  printf 'state_dir = %s/state\n' "$dir" >"$dir/impostor.conf"
  t0=$(date +%s.%N)
  "$build/tests/console/console_seed" --config "$dir/impostor.conf" --count "$n" \
    --to you@example.jp,boss@example.jp,sales@example.jp,info@example.co.jp "$work/templates" 2>"$dir/seed.log"
  t1=$(date +%s.%N)
  "$build/impostor" index --rebuild --config "$dir/impostor.conf" >"$dir/index.log" 2>&1
  t2=$(date +%s.%N)
  echo 'bench-console-pw-1' | "$build/impostor-console" useradd --config "$dir/impostor.conf" bench --role viewer >/dev/null
  port=$(free_port)
  "$build/impostor-console" --config "$dir/impostor.conf" --listen "127.0.0.1:$port" >"$dir/console.log" 2>&1 &
  console_pid=$!
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  python3 "$src/bench/console_load.py" --port "$port" --user bench --password bench-console-pw-1 \
    --rounds "$rounds" >"$work/$n.json"
  kill "$console_pid"
  wait "$console_pid" 2>/dev/null || true
  console_pid=""
  python3 - "$work/$n.json" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" \
    "$(du -sk "$dir/state" | cut -f1)" <<'PY'
import json, sys
path, fill, index, kib = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
data = json.load(open(path))
data.update(fill_s=round(fill, 1), index_s=round(index, 1), state_kib=kib)
json.dump(data, open(path, "w"), ensure_ascii=False)
PY
}

echo "== filling and timing a store of $small entries (baseline)"
measure "$small"
echo "== filling and timing a store of $large entries"
measure "$large"

python3 - "$work/$small.json" "$work/$large.json" <<'PY'
import json, sys
small, large = (json.load(open(p)) for p in sys.argv[1:3])
print(f"\nstores: {small['messages']:,} and {large['messages']:,} quarantined messages")
for d in (small, large):
    print(f"  {d['messages']:>7,}: filled in {d['fill_s']} s, indexed in {d['index_s']} s, "
          f"{d['state_kib'] / 1024:.0f} MiB on disk")
print(f"\n{'page':<24}{'p50 small':>11}{'p50 large':>11}{'p95 large':>11}{'large/small':>13}")
worst = 0.0
for name, s in small["pages"].items():
    l = large["pages"][name]
    if "error" in s or "error" in l:
        print(f"{name:<24}  error: {s.get('error', '')} {l.get('error', '')}")
        continue
    ratio = l["p50_ms"] / max(s["p50_ms"], 0.01)
    worst = max(worst, ratio) if "baseline" not in name else worst
    print(f"{name:<24}{s['p50_ms']:>9.1f}ms{l['p50_ms']:>9.1f}ms{l['p95_ms']:>9.1f}ms{ratio:>12.2f}x")
slowest = max((l["p95_ms"], n) for n, l in large["pages"].items() if "p95_ms" in l)
print(f"\nslowest page at {large['messages']:,}: {slowest[1]} (p95 {slowest[0]:.1f} ms); "
      f"largest growth from {small['messages']:,}: {worst:.2f}x")
PY
