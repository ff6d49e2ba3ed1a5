#!/bin/bash
# check-console.sh — impostor-console end to end, in a real headless Chromium.
#
# Fills a temp state_dir the way production does: as root with Postfix
# installed, a private Postfix on 127.0.0.1 (tests/postfix/lib.sh) hands five
# messages over SMTP to the real impostor-milter, which quarantines them, and
# releases go back through Postfix to smtp-sink; elsewhere console_seed
# scans the same messages and adds them through the store API. Then it adds
# an admin, an operator and a viewer with `impostor-console useradd`, starts
# the console on a free 127.0.0.1 port and runs e2e.mjs (playwright-core
# driving /usr/bin/chromium). Prints "ok - ..." / "not ok - ..." per check and a
# closing count; exit 0 all passed, 1 a check failed, 77 skipped (no node,
# chromium or playwright-core). Everything started is stopped by PID.
#
# Run by `make check` (IMPOSTOR_CONSOLE, IMPOSTOR_MILTER, CONSOLE_SEED, srcdir set) or by hand:
#   IMPOSTOR_CONSOLE=/build/impostor-console CONSOLE_SEED=/build/tests/console/console_seed \
#     tests/console/check-console.sh
# Environment: SHOT_DIR (screenshots; default a temp dir, kept and printed),
# KEEP_TMP=1 keeps the state dir and logs.
set -u
export PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH"

here=$(cd "$(dirname "$0")" && pwd)
srcdir=${srcdir:-$(cd "$here/../.." && pwd)}
. "$srcdir/tests/postfix/lib.sh"  # h_*: ports, processes, the private Postfix
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
mkdir -p "$SHOT_DIR" "$T/state"
CONSOLE_PID=""
PASS=0
FAIL=0

ok() { echo "ok - $1"; PASS=$((PASS + 1)); }
not_ok() { echo "not ok - $1"; FAIL=$((FAIL + 1)); }

cleanup() {
  h_stop_pid "$CONSOLE_PID"
  [ -n "${H_DIR:-}" ] && h_stop_all  # Postfix, milter and sink, when they were started
  echo "# screenshots in $SHOT_DIR"
  if [ "${KEEP_TMP:-0}" = 1 ] || [ "$FAIL" -gt 0 ]; then
    echo "# state and logs kept in $T"
  else
    find "$T" -mindepth 1 -maxdepth 1 ! -path "$SHOT_DIR" -exec rm -rf {} +
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT_HTTP=$(h_free_ports 1 8625)
CONF="$T/impostor.conf"

MAIL_HOSTILE="$srcdir/tests/console/mail/hostile-html.eml"
MAIL_BULLETIN="$srcdir/tests/corpus/scam/fake-bulletin/en-06-critical-update-attached.eml"
MAIL_JA="$srcdir/tests/corpus/scam/lottery/ja-01-saishuu-tsuuchi.eml"
MAIL_NOTICE="$srcdir/tests/postfix/mail/lottery-notice.eml"
MAIL_CLEAN="$srcdir/tests/postfix/mail/clean-business.eml"
SEED_MAIL=("$MAIL_CLEAN" "$MAIL_NOTICE" "$MAIL_JA" "$MAIL_BULLETIN" "$MAIL_HOSTILE")
SINK_DIR=""

# ---- the store, filled by the real milter behind a real Postfix -----------------
# (tests/postfix/lib.sh): every message goes in over SMTP and is quarantined
# by impostor-milter (scams by their verdict; tag_threshold -100 +
# action.tag = quarantine holds the clean one too, which the test then marks
# "not a scam"; reject_threshold 1000 keeps every scam releasable); releases go back
# through Postfix's milter-less port and land in smtp-sink.
fill_through_postfix() {
  h_init "$T"
  local p_mta p_reinject p_sink p_milter f tok ids="" missing_ids=0
  read -r -d '' p_mta p_reinject p_sink p_milter < <(h_free_ports 4 2625)
  h_sink_start "$p_sink" keep || { not_ok "smtp-sink starts"; return 1; }
  h_milter_conf "$CONF" "$p_milter" "$p_reinject" <<EOC
tag_threshold        = -100
reject_threshold     = 1000
action.tag           = quarantine
EOC
  h_milter_start "$MILTER" "$CONF"
  h_postfix_start "$p_mta" "inet:127.0.0.1:$p_milter" "$p_reinject" "$p_sink" ||
    { not_ok "the private Postfix starts ($(tail -3 "$T/postfix-setup.log"))"; return 1; }
  h_milter_wait "$p_milter" 900 || { not_ok "impostor-milter starts ($(tail -3 "$T/milter.log"))"; return 1; }
  for f in "${SEED_MAIL[@]}"; do
    tok="console-$(basename "$f" .eml)-$$"
    h_send "$p_mta" "$f" --from sender@partner.example --to you@example.jp,boss@example.jp \
      --add-header "X-Test-Token: $tok" >"$T/send.log" 2>&1
    # The milter stores the message before Postfix answers 250.
    id=$(grep -l -- "X-Test-Token: $tok" "$T"/state/messages/*.eml 2>/dev/null | head -1)
    if [ -n "$id" ]; then
      seeded+="$(basename "$id" .eml)"$'\t'"$f"$'\n'
    else
      missing_ids=$((missing_ids + 1))
    fi
  done
  SINK_DIR="$T/sink"
  [ "$missing_ids" = 0 ]
}
fill_directly() {
  "$SEED" --config "$CONF" --from sender@partner.example --to you@example.jp,boss@example.jp \
    "${SEED_MAIL[@]}" 2>"$T/seed.log"
}

seeded=""
MILTER=${IMPOSTOR_MILTER:-$(dirname "$CONSOLE")/impostor-milter}
if [ -z "$(h_missing)" ] && [ -x "$MILTER" ]; then
  if fill_through_postfix; then
    ok "five messages sent through Postfix are quarantined by impostor-milter"
  else
    not_ok "filling the store through Postfix and the milter (see $T/milter.log, $T/postfix.log)"
    exit 1
  fi
else
  echo "# no private Postfix here ($(h_missing)): the store is filled directly"
  cat >"$CONF" <<EOC
state_dir = $T/state
relay     = 127.0.0.1:1
EOC
  if seeded=$(fill_directly); then
    ok "five scanned messages are in the quarantine store"
  else
    not_ok "seeding the store ($(cat "$T/seed.log"))"
    exit 1
  fi
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
if h_wait_port "$PORT_HTTP" 20; then
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

h_stop_pid "$CONSOLE_PID"
if grep -q 'stopping (signal 15)' "$T/console.log"; then ok "impostor-console stops cleanly on SIGTERM"; else not_ok "impostor-console stops cleanly on SIGTERM"; fi
CONSOLE_PID=""

echo "# $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
