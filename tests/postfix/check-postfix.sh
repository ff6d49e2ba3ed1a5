#!/bin/bash
# check-postfix.sh — impostor-milter against a real Postfix on 127.0.0.1.
#
# Starts, all under one temp dir and each stopped by PID on exit:
#   smtp-sink      127.0.0.1:$PORT_SINK      one file per delivered message
#   impostor-milter inet:$PORT_MILTER@127.0.0.1
#   Postfix        127.0.0.1:$PORT_MTA       with the milter (tempfail, protocol 6)
#                  127.0.0.1:$PORT_REINJECT  without it (where releases go)
# then sends real SMTP with swaks and prints one line per check:
# "ok - ..." or "not ok - ...". Exit 0 when all passed, 1 otherwise, 77
# (skipped) when not root or Postfix/swaks are missing. Installs nothing and
# leaves the system's Postfix alone, except that the private config dir is
# listed in the default instance's alternate_config_directories while the
# test runs (postfix -c requires it); the previous value is put back.
#
# Run by `make check` (IMPOSTOR and srcdir set) or by hand:
#   IMPOSTOR=/path/to/build/impostor tests/postfix/check-postfix.sh
# Environment: IMPOSTOR_MILTER (default: next to IMPOSTOR), PORT_MTA,
# PORT_REINJECT, PORT_SINK, PORT_MILTER (default: the first free ports from
# 2525 up), IMPOSTOR_START_TIMEOUT (seconds to wait for the engine to load,
# 900), KEEP_TMP=1 keeps the temp dir for a post-mortem.
# The harness itself (Postfix, sink, milter; stop by PID) is tests/postfix/lib.sh.
set -u

here=$(cd "$(dirname "$0")" && pwd)
srcdir=${srcdir:-$(cd "$here/../.." && pwd)}
. "$here/lib.sh"
IMPOSTOR=${IMPOSTOR:-$(pwd)/impostor}
MILTER=${IMPOSTOR_MILTER:-$(dirname "$IMPOSTOR")/impostor-milter}
START_TIMEOUT=${IMPOSTOR_START_TIMEOUT:-900}
MAIL="$srcdir/tests/postfix/mail"

skip() { echo "SKIP: $*"; exit 77; }
missing=$(h_missing)
[ -z "$missing" ] || skip "needs $missing"
[ -x "$IMPOSTOR" ] || { echo "not ok - impostor binary at $IMPOSTOR"; exit 1; }
[ -x "$MILTER" ] || { echo "not ok - impostor-milter binary at $MILTER"; exit 1; }
read -r -d '' p1 p2 p3 p4 < <(h_free_ports 4 2525)
PORT_MTA=${PORT_MTA:-$p1}
PORT_REINJECT=${PORT_REINJECT:-$p2}
PORT_SINK=${PORT_SINK:-$p3}
PORT_MILTER=${PORT_MILTER:-$p4}

T=$(mktemp -d /tmp/impostor-postfix.XXXXXX)
h_init "$T"
CONF="$T/impostor.conf"
PASS=0
FAIL=0

ok() { echo "ok - $1"; PASS=$((PASS + 1)); }
not_ok() { echo "not ok - $1"; FAIL=$((FAIL + 1)); }
check() { local d=$1; shift; if "$@"; then ok "$d"; else not_ok "$d"; fi; }
note() { echo "# $*"; }

cleanup() {
  h_stop_all
  if [ "${KEEP_TMP:-0}" = 1 ] || [ "$FAIL" -gt 0 ]; then
    echo "# logs kept in $T (milter.log, postfix.log, sink/)"
  else
    rm -rf "$T"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sink_files() { h_sink_files "$@"; }
wait_delivered() { h_wait_delivered "$@"; }
count_delivered() { sink_files "$1" | wc -l; }
# Into the milter-protected port, with a token to find the message by.
send() {  # FILE TOKEN [swaks args...]
  local file=$1 token=$2
  shift 2
  h_send "$PORT_MTA" "$file" --from sender@partner.example --to you@example.jp,boss@example.jp \
    --add-header "X-Test-Token: $token" "$@"
}
store_ids() {  # STATE: quarantine IDs in that state
  "$IMPOSTOR" quarantine list --config "$CONF" --state "$1" --format json |
    grep -o '"id":"q-[0-9a-f-]*"' | cut -d'"' -f4
}

# ---- sink, milter, Postfix (tests/postfix/lib.sh) --------------------------------
h_sink_start "$PORT_SINK" keep
mkdir -p "$T/rules"
cp "$srcdir"/conf/rules/*.rules "$T/rules/"
# The strong scam rejects, the milder notice is quarantined, clean mail is
# accepted, whatever today's rule weights (h_test_thresholds).
if ! thresholds=$(h_test_thresholds "$IMPOSTOR" "$T/rules" "$MAIL" 2>&1); then
  not_ok "test thresholds: $thresholds"
  exit 1
fi
h_milter_conf "$CONF" "$PORT_MILTER" "$PORT_REINJECT" <<EOF
rules_dir = $T/rules
on_error  = tempfail
$thresholds
reject_message = 5.7.1 Message refused as a suspected impersonation scam
milter_timeout = 60
EOF
h_milter_start "$MILTER" "$CONF"
MILTER_PID=$H_MILTER_PID
h_postfix_start "$PORT_MTA" "inet:127.0.0.1:$PORT_MILTER" "$PORT_REINJECT" "$PORT_SINK"

check "Postfix listens on 127.0.0.1:$PORT_MTA and :$PORT_REINJECT" \
  eval "h_port_busy $PORT_MTA && h_port_busy $PORT_REINJECT"
check "smtp-sink listens on 127.0.0.1:$PORT_SINK" h_wait_port "$PORT_SINK" 10
note "waiting up to ${START_TIMEOUT}s for the milter to load its rules"
check "impostor-milter starts and listens on $PORT_MILTER" \
  h_milter_wait "$PORT_MILTER" "$START_TIMEOUT"
check "impostor-milter wrote its pid file" eval "[ \"\$(cat '$T/milter.pid' 2>/dev/null)\" = '$MILTER_PID' ]"

# ---- clean mail: delivered, with our headers ----------------------------------
tok="clean-$$-$RANDOM"
out=$(send "$MAIL/clean-business.eml" "$tok")
check "clean mail is accepted at end of data (250)" eval 'grep -q "<- *250 .*queued" <<<"$out"'
if wait_delivered "$tok" 60; then
  f=$(sink_files "$tok" | head -1)
  ok "clean mail is delivered"
  check "clean mail carries X-Impostor-Verdict: accept" grep -q '^X-Impostor-Verdict: accept$' "$f"
  check "clean mail carries X-Impostor-Score with one decimal" grep -Eq '^X-Impostor-Score: -?[0-9]+\.[0-9]$' "$f"
  check "clean mail carries X-Impostor-Categories" grep -q '^X-Impostor-Categories: *$' "$f"
else
  not_ok "clean mail is delivered"
fi

# ---- forged X-Impostor-* headers are stripped -----------------------------------
tok="forged-$$-$RANDOM"
send "$MAIL/clean-business.eml" "$tok" \
  --add-header "X-Impostor-Verdict: forged-by-sender" \
  --add-header "X-Impostor-Score: -99.9" \
  --add-header "x-impostor-categories: forged-by-sender" >/dev/null
if wait_delivered "$tok" 60; then
  f=$(sink_files "$tok" | head -1)
  check "forged X-Impostor-* headers are removed" eval "! grep -qi -e 'forged-by-sender' -e '-99.9' '$f'"
  check "exactly one X-Impostor-Verdict header remains" eval "[ \$(grep -ci '^X-Impostor-Verdict:' '$f') = 1 ]"
else
  not_ok "mail with forged X-Impostor-* headers is delivered"
fi

# ---- a strong scam: 550 at end of data, kept as rejected ---------------------------
tok="reject-$$-$RANDOM"
out=$(send "$MAIL/lottery-scam.eml" "$tok")
check "strong lottery scam is refused with 550 5.7.1 at end of data" \
  eval 'grep -q "<\*\* *550 5.7.1 .*(ref q-[0-9]*-[0-9a-f]*)" <<<"$out"'
ref=$(grep -o '(ref q-[0-9a-f-]*)' <<<"$out" | head -1 | sed 's/(ref \(.*\))/\1/')
check "the rejected scam is in the store as rejected ($ref)" \
  eval "[ -n '$ref' ] && store_ids rejected | grep -qx '$ref'"
sleep 2
check "the rejected scam is not delivered" eval "[ -z \"\$(sink_files '$tok')\" ]"

# ---- a milder scam: quarantined, then released ----------------------------------
tok="quarantine-$$-$RANDOM"
out=$(send "$MAIL/lottery-notice.eml" "$tok")
check "quarantined scam is accepted from the client (250)" eval 'grep -q "<- *250 .*queued" <<<"$out"'
qid=$(store_ids quarantined | head -1)
check "quarantined scam is in the store" eval "[ -n '$qid' ]"
check "the quarantined message file holds the original bytes" \
  eval "[ -n '$qid' ] && grep -q '$tok' '$T/state/messages/$qid.eml'"
sleep 3
check "quarantined scam is not delivered" eval "[ -z \"\$(sink_files '$tok')\" ]"
if [ -n "$qid" ]; then
  rel=$("$IMPOSTOR" quarantine release "$qid" --config "$CONF" --by postfix-test 2>&1)
  check "impostor quarantine release exits 0" eval '[ $? = 0 ] && grep -q "released" <<<"$rel"'
  check "released message is delivered" wait_delivered "$tok" 60
  f=$(sink_files "$tok" | head -1)
  check "released message keeps the original envelope" \
    eval "[ -n '$f' ] && grep -q 'sender@partner.example' '$f' && grep -q 'boss@example.jp' '$f'"
  rel2=$("$IMPOSTOR" quarantine release "$qid" --config "$CONF" --by postfix-test 2>&1)
  sleep 3
  check "releasing twice sends once" eval 'grep -q "already released" <<<"$rel2" && [ "$(count_delivered "$tok")" = 1 ]'
  check "the store says released, with an audit trail naming who" \
    eval "\"$IMPOSTOR\" quarantine show '$qid' --config '$CONF' --format json | grep -q '\"state\":\"released\"' &&
          \"$IMPOSTOR\" quarantine show '$qid' --config '$CONF' --format json | grep -q '\"who\":\"postfix-test\"'"
else
  not_ok "quarantined scam can be released"
fi

# ---- SIGHUP with a broken rules_dir keeps the old engine -------------------------
printf '[BROKEN RULE\nfamily = nonsense\n' >"$T/rules/zz-broken.rules"
kill -HUP "$MILTER_PID"
check "SIGHUP with a broken rules_dir is refused and logged" \
  h_wait_log "$T/milter.log" "reload refused" "$START_TIMEOUT"
check "the milter is still running after the refused reload" h_alive "$MILTER_PID"
check "the refusal names file:line" grep -q "reload refused.*zz-broken.rules:[0-9]" "$T/milter.log"
tok="after-hup-$$-$RANDOM"
send "$MAIL/clean-business.eml" "$tok" >/dev/null
check "mail is still filtered after the refused reload" \
  eval "wait_delivered '$tok' 60 && grep -q '^X-Impostor-Verdict:' \"\$(sink_files '$tok' | head -1)\""
rm -f "$T/rules/zz-broken.rules"

# ---- SIGHUP with a new config: a family action takes effect at once ----------------
# The milder lottery notice was quarantined above; action.lottery = reject
# must now refuse it at end of data, without restarting the milter.
echo "action.lottery = reject" >>"$CONF"
kill -HUP "$MILTER_PID"
check "SIGHUP reloads the config" h_wait_log "$T/milter.log" "reloaded $CONF" "$START_TIMEOUT"
tok="family-action-$$-$RANDOM"
out=$(send "$MAIL/lottery-notice.eml" "$tok")
check "after the reload action.lottery = reject refuses the notice with 550" \
  eval 'grep -q "<\*\* *550 5.7.1 .*(ref q-" <<<"$out"'
check "the milter pid is unchanged by the reload" eval "[ \"\$(cat '$T/milter.pid')\" = '$MILTER_PID' ]"

# ---- one log line per message, starting with the queue ID ------------------------
check "the milter logs one line per message starting with the queue ID" \
  grep -Eq 'impostor-milter info: [0-9A-F]+: client=[^ ]*\[127\.0\.0\.1\] from=<[^>]*> to=<.* verdict=reject score=[0-9.]+ rules=[A-Z_]+.* elapsed_ms=' "$T/milter.log"

# ---- the milter dies mid-session: the client gets 4xx, nothing is lost -------------
smtp_reply() {  # reads one (possibly multi-line) reply from fd 3
  local line
  while IFS= read -r -t 60 line <&3; do
    line=${line%$'\r'}
    case "$line" in [0-9][0-9][0-9]-*) continue ;; esac
    echo "$line"
    return 0
  done
  echo "(no reply)"
}
tok="killed-$$-$RANDOM"
final="(not reached)"
if exec 3<>"/dev/tcp/127.0.0.1/$PORT_MTA"; then
  smtp_reply >/dev/null
  printf 'EHLO client.example\r\n' >&3; smtp_reply >/dev/null
  printf 'MAIL FROM:<sender@partner.example>\r\n' >&3; smtp_reply >/dev/null
  printf 'RCPT TO:<you@example.jp>\r\n' >&3; smtp_reply >/dev/null
  printf 'DATA\r\n' >&3; smtp_reply >/dev/null
  printf 'From: <sender@partner.example>\r\nSubject: dies mid-session\r\nX-Test-Token: %s\r\n\r\n' "$tok" >&3
  sleep 1
  kill -KILL "$MILTER_PID"
  wait "$MILTER_PID" 2>/dev/null
  printf 'The filter was killed while this was being sent.\r\n.\r\n' >&3
  final=$(smtp_reply)
  printf 'QUIT\r\n' >&3
  exec 3>&-
fi
note "end-of-data reply with the milter killed: $final"
check "with the milter killed mid-session the client gets a 4xx" eval '[[ "$final" == 4* ]]'
sleep 3
check "the message refused with 4xx was not delivered (the client still has it)" \
  eval "[ -z \"\$(sink_files '$tok')\" ]"
MILTER_PID=""

echo "# $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
