# tap.sh — sourced by the shell test scripts: one `ok - …` / `not ok - …`
# line per check (tests/run-all.sh counts them), exit status = any failure.
failures=0
ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; failures=$((failures + 1)); }
# check DESCRIPTION COMMAND... — passes when COMMAND succeeds.
check() {
  desc=$1; shift
  if "$@" >/dev/null 2>&1; then ok "$desc"; else not_ok "$desc"; fi
}
finish() { [ "$failures" -eq 0 ]; exit $?; }
