#!/bin/bash
# check-console.sh — impostor-console end to end, in a real headless Chromium.
#
# Builds a temp state_dir through the real quarantine store (console_seed
# scans real messages with the engine and adds them exactly as the milter
# does), adds an admin, an operator and a viewer with `impostor-console
# useradd`, starts smtp-sink as the release relay (when installed) and the
# console on free 127.0.0.1 ports, then runs e2e.mjs (playwright-core driving
# /usr/bin/chromium). Prints "ok - ..." / "not ok - ..." per check and a
# closing count; exit 0 all passed, 1 a check failed, 77 skipped (no node,
# chromium or playwright-core). Everything started is stopped by PID.
#
# Run by `make check` (IMPOSTOR_CONSOLE, CONSOLE_SEED, srcdir set) or by hand:
#   IMPOSTOR_CONSOLE=/build/impostor-console CONSOLE_SEED=/build/tests/console/console_seed \
#     tests/console/check-console.sh
# Environment: SHOT_DIR (screenshots; default a temp dir, kept and printed),
# KEEP_TMP=1 keeps the state dir and logs.
set -u
export PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH"

here=$(cd "$(dirname "$0")" && pwd)
srcdir=${srcdir:-$(cd "$here/../.." && pwd)}
CONSOLE=${IMPOSTOR_CONSOLE:-$(pwd)/impostor-console}
SEED=${CONSOLE_SEED:-$(pwd)/tests/console/console_seed}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

skip() { echo "SKIP: $*"; exit 77; }
command -v node >/dev/null 2>&1 || skip "node is not installed"
[ -x "$CHROMIUM" ] || skip "chromium is not installed (scripts/install-deps.sh)"
[ -x "$CONSOLE" ] || { echo "not ok - impostor-console binary at $CONSOLE"; exit 1; }
[ -x "$SEED" ] || { echo "not ok - console_seed binary at $SEED"; exit 1; }
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --silent >/dev/null 2>&1) ||
    skip "playwright-core is missing and npm ci failed (run npm ci in tests/console)"
fi

T=$(mktemp -d /tmp/impostor-console.XXXXXX)
chmod 755 "$T"
SHOT_DIR=${SHOT_DIR:-$T/screenshots}
mkdir -p "$SHOT_DIR" "$T/state" "$T/sink"
CONSOLE_PID=""
SINK_PID=""
PASS=0
FAIL=0

ok() { echo "ok - $1"; PASS=$((PASS + 1)); }
not_ok() { echo "not ok - $1"; FAIL=$((FAIL + 1)); }

alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
stop_pid() {
  local pid=$1 i
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null
  for i in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
  alive "$pid" && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}
cleanup() {
  stop_pid "$CONSOLE_PID"
  stop_pid "$SINK_PID"
  echo "# screenshots in $SHOT_DIR"
  if [ "${KEEP_TMP:-0}" = 1 ] || [ "$FAIL" -gt 0 ]; then
    echo "# state and logs kept in $T"
  else
    find "$T" -mindepth 1 -maxdepth 1 ! -path "$SHOT_DIR" -exec rm -rf {} +
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
wait_port() {  # PORT SECONDS
  local i
  for i in $(seq 1 $(($2 * 10))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

PORT_HTTP=$(free_port)
PORT_SINK=$(free_port)
CONF="$T/impostor.conf"
cat >"$CONF" <<EOC
state_dir = $T/state
relay     = 127.0.0.1:$PORT_SINK
EOC

# ---- the relay: smtp-sink when Postfix's tools are installed -------------------
SINK_DIR=""
if command -v smtp-sink >/dev/null 2>&1; then
  sink_user=()
  if [ "$(id -u)" = 0 ] && id postfix >/dev/null 2>&1; then
    chown postfix "$T/sink"
    sink_user=(-u postfix)
  fi
  smtp-sink "${sink_user[@]}" -d "$T/sink/%M." "127.0.0.1:$PORT_SINK" 16 >"$T/sink.log" 2>&1 &
  SINK_PID=$!
  if wait_port "$PORT_SINK" 10; then SINK_DIR="$T/sink"; else echo "# smtp-sink did not start; delivery is not checked"; fi
else
  echo "# smtp-sink is not installed; delivery is not checked"
fi

# ---- the store, filled through the real engine and store API -------------------
MAIL_HOSTILE="$srcdir/tests/console/mail/hostile-html.eml"
MAIL_BULLETIN="$srcdir/tests/corpus/scam/fake-bulletin/en-06-critical-update-attached.eml"
MAIL_JA="$srcdir/tests/corpus/scam/lottery/ja-01-saishuu-tsuuchi.eml"
MAIL_NOTICE="$srcdir/tests/postfix/mail/lottery-notice.eml"
MAIL_CLEAN="$srcdir/tests/postfix/mail/clean-business.eml"
if seeded=$("$SEED" --config "$CONF" --from sender@partner.example --to you@example.jp,boss@example.jp \
    "$MAIL_CLEAN" "$MAIL_NOTICE" "$MAIL_JA" "$MAIL_BULLETIN" "$MAIL_HOSTILE" 2>"$T/seed.log"); then
  ok "five scanned messages are in the quarantine store"
else
  not_ok "seeding the store ($(cat "$T/seed.log"))"
  exit 1
fi
id_of() { grep -F "$1" <<<"$seeded" | cut -f1; }
# The campaign index, rebuilt from the store, serves the console's search box.
IMPOSTOR_BIN=${IMPOSTOR:-$(pwd)/impostor}
if "$IMPOSTOR_BIN" index --rebuild --config "$CONF" >"$T/index.log" 2>&1; then
  ok "the search index is rebuilt from the quarantine store"
else
  not_ok "index --rebuild ($(tail -3 "$T/index.log"))"
fi
SEED_IDS=$(printf '{"hostile":"%s","bulletin":"%s","ja":"%s","notice":"%s","clean":"%s"}' \
  "$(id_of hostile-html)" "$(id_of en-06-critical)" "$(id_of ja-01-saishuu)" \
  "$(id_of lottery-notice)" "$(id_of clean-business)")

# ---- accounts ------------------------------------------------------------------
add_user() {  # NAME ROLE PASSWORD
  echo "$3" | "$CONSOLE" useradd --config "$CONF" "$1" --role "$2" >>"$T/useradd.log" 2>&1
}
if add_user ada admin 'ada-admin-pw-1' && add_user olga operator 'olga-op-pw-1' && add_user vic viewer 'vic-view-pw-1'; then
  ok "useradd creates an admin, an operator and a viewer"
else
  not_ok "useradd ($(cat "$T/useradd.log"))"
fi
if echo short | "$CONSOLE" useradd --config "$CONF" eve --role viewer >/dev/null 2>&1; then
  not_ok "useradd refuses a short password"
else
  ok "useradd refuses a short password"
fi
check_mode=$(stat -c %a "$T/state/console.db" 2>/dev/null)
if [ "$check_mode" = 600 ]; then ok "console.db is readable by its owner only"; else not_ok "console.db mode is $check_mode"; fi
USERS='{"admin":["ada","ada-admin-pw-1"],"operator":["olga","olga-op-pw-1"],"viewer":["vic","vic-view-pw-1"]}'

# ---- the console -----------------------------------------------------------------
"$CONSOLE" --config "$CONF" --listen "127.0.0.1:$PORT_HTTP" >"$T/console.log" 2>&1 &
CONSOLE_PID=$!
if wait_port "$PORT_HTTP" 20; then
  ok "impostor-console listens on 127.0.0.1:$PORT_HTTP"
else
  not_ok "impostor-console listens on 127.0.0.1:$PORT_HTTP ($(tail -3 "$T/console.log"))"
  exit 1
fi

# ---- the browser -----------------------------------------------------------------
BASE_URL="http://127.0.0.1:$PORT_HTTP" SEED_IDS="$SEED_IDS" USERS="$USERS" SINK_DIR="$SINK_DIR" \
  SHOT_DIR="$SHOT_DIR" node "$here/e2e.mjs" >"$T/e2e.out" 2>&1
cat "$T/e2e.out"
PASS=$((PASS + $(grep -c '^ok - ' "$T/e2e.out")))
FAIL=$((FAIL + $(grep -c '^not ok - ' "$T/e2e.out")))
if ! grep -q '^\(not \)\?ok - ' "$T/e2e.out"; then not_ok "e2e.mjs ran no check"; fi

stop_pid "$CONSOLE_PID"
if grep -q 'stopping (signal 15)' "$T/console.log"; then ok "impostor-console stops cleanly on SIGTERM"; else not_ok "impostor-console stops cleanly on SIGTERM"; fi
CONSOLE_PID=""

echo "# $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
