#!/bin/bash
# check-miltertest.sh — impostor-milter's side of the milter protocol,
# driven by miltertest(8) (Debian package miltertest) playing the MTA:
# every *.lua script here (sharing lib.lua) against one milter started on a
# free 127.0.0.1 port with a temp state_dir and the config below, stopped by
# PID at the end. Prints "ok - ..." / "not ok - ..." per check; exit 0 when
# all passed, 1 otherwise, 77 (skipped) without miltertest.
#
# Run by `make check` (IMPOSTOR and srcdir set) or by hand:
#   IMPOSTOR=/path/to/build/impostor tests/milter/check-miltertest.sh
# Environment: IMPOSTOR_MILTER (default: next to IMPOSTOR),
# IMPOSTOR_START_TIMEOUT (seconds for the rules to load, 900), KEEP_TMP=1.
set -u
here=$(cd "$(dirname "$0")" && pwd)
srcdir=${srcdir:-$(cd "$here/../.." && pwd)}
. "$srcdir/tests/postfix/lib.sh"  # the milter start/stop helpers
IMPOSTOR=${IMPOSTOR:-$(pwd)/impostor}
MILTER=${IMPOSTOR_MILTER:-$(dirname "$IMPOSTOR")/impostor-milter}

command -v miltertest >/dev/null 2>&1 || { echo "SKIP: miltertest is not installed"; exit 77; }
[ -x "$MILTER" ] || { echo "not ok - impostor-milter binary at $MILTER"; exit 1; }

T=$(mktemp -d /tmp/impostor-miltertest.XXXXXX)
h_init "$T"
port=$(h_free_ports 1 20000)
failed=0
cleanup() {
  h_stop_all
  if [ "${KEEP_TMP:-0}" = 1 ] || [ "$failed" -gt 0 ]; then echo "# logs kept in $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# lottery-scam.eml rejects, lottery-notice.eml is quarantined,
# clean-business.eml is accepted (h_test_thresholds).
MAIL="$srcdir/tests/postfix/mail"
if ! thresholds=$(h_test_thresholds "$IMPOSTOR" "$srcdir/conf/rules" "$MAIL" 2>&1); then
  echo "not ok - test thresholds: $thresholds"
  failed=1
  exit 1
fi
h_milter_conf "$T/impostor.conf" "$port" 9 <<CONF
rules_dir = $srcdir/conf/rules
$thresholds
allow_senders = trusted@allowed.example
CONF
h_milter_start "$MILTER" "$T/impostor.conf"
if ! h_milter_wait "$port" "${IMPOSTOR_START_TIMEOUT:-900}"; then
  echo "not ok - impostor-milter starts on inet:$port@127.0.0.1"
  sed 's/^/# /' "$T/milter.log"
  failed=1
  exit 1
fi

for script in "$here"/*.lua; do
  [ "$(basename "$script")" = lib.lua ] && continue
  out=$(miltertest -s "$script" -D socket="inet:$port@127.0.0.1" -D libdir="$here" \
    -D mail="$MAIL" 2>&1)
  rc=$?
  grep -E '^(not )?ok - ' <<<"$out"
  if [ "$rc" -ne 0 ] || grep -q '^not ok - ' <<<"$out"; then
    failed=$((failed + 1))
    echo "not ok - $(basename "$script") ran to the end (exit $rc)"
    grep -Ev '^(not )?ok - ' <<<"$out" | sed 's/^/# /'
  fi
done

# What miltertest cannot see: the replies' text ends in a random quarantine
# ref, so the log and the store say what scam.lua's messages became.
log_has() { grep -Eq "$1" "$T/milter.log"; }
store_has() {
  "$IMPOSTOR" quarantine list --config "$T/impostor.conf" --state "$1" --format json | grep -q '"queue_id":"'"$2"'"'
}
for c in "4REJECT: .* action=reject ref=q-[0-9]+-[0-9a-f]+ |the strong scam is logged as rejected with its ref" \
         "4QUARANTINE: .* action=quarantine ref=q-|the milder scam is logged as quarantined"; do
  if log_has "${c%%|*}"; then echo "ok - ${c#*|}"; else echo "not ok - ${c#*|}"; failed=$((failed + 1)); fi
done
for c in "rejected 4REJECT" "quarantined 4QUARANTINE"; do
  if store_has $c; then echo "ok - the store holds ${c#* } as ${c% *}"; else
    echo "not ok - the store holds ${c#* } as ${c% *}"; failed=$((failed + 1)); fi
done

# A unix: socket gets socket_mode (the MTA's user must be able to connect),
# and the compiled rules were cached in state_dir/cache by the first start.
sed -e "s|^socket .*|socket = unix:$T/milter.sock|" -e '/^pid_file/d' "$T/impostor.conf" >"$T/unix.conf"
echo "socket_mode = 0640" >>"$T/unix.conf"
"$MILTER" --config "$T/unix.conf" --foreground >"$T/unix.log" 2>&1 &
unix_pid=$!
echo "$unix_pid" >"$T/unix-milter.pid"
h_wait_listen "$T/milter.sock" 60
mode=$(stat -c %a "$T/milter.sock" 2>/dev/null)
if [ "$mode" = 640 ]; then echo "ok - a unix: socket is created with socket_mode 0640"; else
  echo "not ok - a unix: socket is created with socket_mode 0640 (got ${mode:-no socket})"; failed=$((failed + 1)); fi
h_stop_pid "$unix_pid"
if ls "$T"/state/cache/*.bin >/dev/null 2>&1; then echo "ok - compiled rules are cached in state_dir/cache"; else
  echo "not ok - compiled rules are cached in state_dir/cache"; failed=$((failed + 1)); fi
echo "# $(basename "$0"): $failed failed"
[ "$failed" -eq 0 ]
