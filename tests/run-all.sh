#!/bin/bash
# The whole test suite: configure and build out of tree (in ./build unless
# BUILD_DIR says otherwise), run `make check`, then count every check of every
# suite and end with the line "N passed, N failed".
#   Boost.Test unit tests count their test cases; the shell suites print one
#   "ok - …" / "not ok - …" line per check; a suite that died without
#   reporting counts as one failure.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$src/build}
jobs=${JOBS:-2}

mkdir -p "$build"
( cd "$src" && { [ -x configure ] || autoreconf -fi; } ) >"$build/autoreconf.log" 2>&1 \
  || { cat "$build/autoreconf.log"; echo "0 passed, 1 failed"; exit 1; }
( cd "$build" && { [ -f Makefile ] || "$src/configure" -q; } && make -j"$jobs" >/dev/null ) \
  || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
( cd "$build" && make -j"$jobs" check ) >"$build/check.log" 2>&1
check_status=$?
grep -E "^(PASS|FAIL|ERROR|SKIP|XFAIL|XPASS):" "$build/check.log"

passed=0 failed=0
while IFS= read -r trs; do
  log=${trs%.trs}.log
  result=$(sed -n 's/^:test-result: //p' "$trs" | head -1)
  if grep -q "test cases out of" "$log" 2>/dev/null; then
    p=$(grep -oE "[0-9]+ test cases? out of [0-9]+ passed" "$log" | head -1 | awk '{print $1}')
    f=$(grep -oE "[0-9]+ test cases? out of [0-9]+ failed" "$log" | head -1 | awk '{print $1}')
    a=$(grep -oE "[0-9]+ test cases? out of [0-9]+ aborted" "$log" | head -1 | awk '{print $1}')
    p=${p:-0}; f=$(( ${f:-0} + ${a:-0} ))
  else
    p=$(grep -c "^ok - " "$log" 2>/dev/null); f=$(grep -c "^not ok - " "$log" 2>/dev/null)
    p=${p:-0}; f=${f:-0}
  fi
  if [ "$result" != PASS ] && [ "$result" != SKIP ] && [ "$f" -eq 0 ]; then
    f=1  # died or failed without saying which check
    echo "suite ${log#$build/} failed without a per-check report:"; tail -20 "$log"
  fi
  passed=$((passed + p)); failed=$((failed + f))
  grep -h "^not ok - \|error: in \"" "$log" 2>/dev/null | head -40
done < <(find "$build/tests" -name '*.trs' | sort)

if [ "$check_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # make check itself failed (a test program did not build, say).
  echo "make check failed before reporting:"; tail -30 "$build/check.log"
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
