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
# Environment: IMPOSTOR_MILTER (default: next to IMPOSTOR), PORT_MTA (2525),
# PORT_REINJECT (2526), PORT_SINK (2527), PORT_MILTER (2528),
# IMPOSTOR_START_TIMEOUT (seconds to wait for the engine to load, 900),
# KEEP_TMP=1 keeps the temp dir for a post-mortem.
set -u
export PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH"

here=$(cd "$(dirname "$0")" && pwd)
srcdir=${srcdir:-$(cd "$here/../.." && pwd)}
IMPOSTOR=${IMPOSTOR:-$(pwd)/impostor}
MILTER=${IMPOSTOR_MILTER:-$(dirname "$IMPOSTOR")/impostor-milter}
PORT_MTA=${PORT_MTA:-2525}
PORT_REINJECT=${PORT_REINJECT:-2526}
PORT_SINK=${PORT_SINK:-2527}
PORT_MILTER=${PORT_MILTER:-2528}
START_TIMEOUT=${IMPOSTOR_START_TIMEOUT:-900}
MAIL="$srcdir/tests/postfix/mail"

skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "needs root to run a private Postfix"
for tool in postfix postconf smtp-sink swaks; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed (scripts/install-deps.sh)"
done
id postfix >/dev/null 2>&1 || skip "no postfix user"
[ -x "$IMPOSTOR" ] || { echo "not ok - impostor binary at $IMPOSTOR"; exit 1; }
[ -x "$MILTER" ] || { echo "not ok - impostor-milter binary at $MILTER"; exit 1; }

T=$(mktemp -d /tmp/impostor-postfix.XXXXXX)
chmod 755 "$T"
PF="$T/postfix"
CONF="$T/impostor.conf"
SINK="$T/sink"
SINK_PID=""
MILTER_PID=""
OLD_ALT=$(postconf -h alternate_config_directories 2>/dev/null)
PASS=0
FAIL=0

ok() { echo "ok - $1"; PASS=$((PASS + 1)); }
not_ok() { echo "not ok - $1"; FAIL=$((FAIL + 1)); }
check() { local d=$1; shift; if "$@"; then ok "$d"; else not_ok "$d"; fi; }
note() { echo "# $*"; }

alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
stop_pid() {  # PID [signal]: TERM, wait up to 10 s, then KILL
  local pid=$1 i
  alive "$pid" || return 0
  kill -"${2:-TERM}" "$pid" 2>/dev/null
  for i in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
  alive "$pid" && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}

cleanup() {
  local master_pid=""
  if [ -f "$T/spool/pid/master.pid" ]; then
    master_pid=$(tr -d ' \n' < "$T/spool/pid/master.pid")
    postfix -c "$PF" stop >/dev/null 2>&1
    for _ in $(seq 1 50); do alive "$master_pid" || break; sleep 0.1; done
    stop_pid "$master_pid"
  fi
  stop_pid "$MILTER_PID"
  stop_pid "$SINK_PID"
  postconf -e "alternate_config_directories = $OLD_ALT"
  if [ "${KEEP_TMP:-0}" = 1 ] || [ "$FAIL" -gt 0 ]; then
    echo "# logs kept in $T (milter.log, postfix.log, sink/)"
  else
    rm -rf "$T"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_port() {  # PORT SECONDS
  local i
  for i in $(seq 1 $(($2 * 4))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.25
  done
  return 1
}
wait_log() {  # FILE PATTERN SECONDS
  local i
  for i in $(seq 1 $(($3 * 4))); do
    grep -q -- "$2" "$1" 2>/dev/null && return 0
    sleep 0.25
  done
  return 1
}
sink_files() { grep -l -- "$1" "$SINK"/* 2>/dev/null; }
wait_delivered() {  # TOKEN SECONDS
  local i
  for i in $(seq 1 $(($2 * 4))); do
    [ -n "$(sink_files "$1")" ] && return 0
    sleep 0.25
  done
  return 1
}
count_delivered() { sink_files "$1" | wc -l; }
# swaks into the milter-protected port; extra args go to swaks.
send() {  # FILE TOKEN [swaks args...]
  local file=$1 token=$2
  shift 2
  swaks --server 127.0.0.1 --port "$PORT_MTA" --helo client.example \
    --from sender@partner.example --to you@example.jp,boss@example.jp \
    --data "@$file" --add-header "X-Test-Token: $token" --timeout 120 "$@" 2>&1
}
store_ids() {  # STATE: quarantine IDs in that state
  "$IMPOSTOR" quarantine list --config "$CONF" --state "$1" --format json |
    grep -o '"id":"q-[0-9a-f-]*"' | cut -d'"' -f4
}

# ---- the sink ----------------------------------------------------------------
mkdir -p "$SINK"
chown postfix "$SINK"
smtp-sink -u postfix -d "$SINK/%M." "127.0.0.1:$PORT_SINK" 64 >"$T/sink.log" 2>&1 &
SINK_PID=$!

# ---- the milter --------------------------------------------------------------
mkdir -p "$T/rules" "$T/state"
cp "$srcdir"/conf/rules/*.rules "$T/rules/"
cat >"$CONF" <<EOF
# impostor.conf for the Postfix test: the strong scam (score ~40) rejects,
# the milder notice (score 8..25) is quarantined, clean mail is accepted.
socket    = inet:$PORT_MILTER@127.0.0.1
state_dir = $T/state
relay     = 127.0.0.1:$PORT_REINJECT
rules_dir = $T/rules
pid_file  = $T/milter.pid
on_error  = tempfail
tag_threshold        = 4
quarantine_threshold = 8
reject_threshold     = 25
reject_message = 5.7.1 Message refused as a suspected impersonation scam
milter_timeout = 60
EOF
"$MILTER" --config "$CONF" --foreground >"$T/milter.log" 2>&1 &
MILTER_PID=$!

# ---- Postfix -----------------------------------------------------------------
mkdir -p "$PF" "$T/spool" "$T/data"
chown postfix "$T/data"
cat >"$PF/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $T/spool
data_directory = $T/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
meta_directory = /etc/postfix
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
myhostname = mta.impostor-test.invalid
mydomain = impostor-test.invalid
myorigin = \$myhostname
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
relayhost = [127.0.0.1]:$PORT_SINK
default_transport = smtp
relay_transport = smtp
local_transport = error:5.1.1 local delivery is disabled in this test
alias_maps =
alias_database =
smtp_dns_support_level = disabled
disable_dns_lookups = yes
smtpd_peername_lookup = no
smtp_tls_security_level = none
smtpd_tls_security_level = none
biff = no
maillog_file = $T/postfix.log
maillog_file_prefixes = /var, /dev/stdout, /tmp
smtpd_milters = inet:127.0.0.1:$PORT_MILTER
non_smtpd_milters =
milter_protocol = 6
milter_default_action = tempfail
milter_connect_timeout = 10s
milter_command_timeout = 30s
milter_content_timeout = 120s
EOF
cat >"$PF/master.cf" <<EOF
127.0.0.1:$PORT_MTA      inet n - n - - smtpd
127.0.0.1:$PORT_REINJECT inet n - n - - smtpd -o smtpd_milters=
pickup    unix n - n 60 1 pickup
cleanup   unix n - n - 0 cleanup
qmgr      unix n - n 300 1 qmgr
rewrite   unix - - n - - trivial-rewrite
bounce    unix - - n - 0 bounce
defer     unix - - n - 0 bounce
trace     unix - - n - 0 bounce
verify    unix - - n - 1 verify
flush     unix n - n 1000? 0 flush
proxymap  unix - - n - - proxymap
smtp      unix - - n - - smtp
relay     unix - - n - - smtp
showq     unix n - n - - showq
error     unix - - n - - error
retry     unix - - n - - error
discard   unix - - n - - discard
local     unix - n n - - local
anvil     unix - - n - 1 anvil
scache    unix - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
EOF
postconf -e "alternate_config_directories = ${OLD_ALT:+$OLD_ALT, }$PF"
postfix -c "$PF" set-permissions >"$T/postfix-setup.log" 2>&1
postfix -c "$PF" check >>"$T/postfix-setup.log" 2>&1
postfix -c "$PF" start >>"$T/postfix-setup.log" 2>&1

check "Postfix listens on 127.0.0.1:$PORT_MTA and :$PORT_REINJECT" \
  eval "wait_port $PORT_MTA 30 && wait_port $PORT_REINJECT 10"
check "smtp-sink listens on 127.0.0.1:$PORT_SINK" wait_port "$PORT_SINK" 10
note "waiting up to ${START_TIMEOUT}s for the milter to load its rules"
check "impostor-milter starts and listens on $PORT_MILTER" \
  eval "wait_log '$T/milter.log' 'started: pid' $START_TIMEOUT && wait_port $PORT_MILTER 10"
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
  wait_log "$T/milter.log" "reload refused" "$START_TIMEOUT"
check "the milter is still running after the refused reload" alive "$MILTER_PID"
check "the refusal names file:line" grep -q "reload refused.*zz-broken.rules:[0-9]" "$T/milter.log"
tok="after-hup-$$-$RANDOM"
send "$MAIL/clean-business.eml" "$tok" >/dev/null
check "mail is still filtered after the refused reload" \
  eval "wait_delivered '$tok' 60 && grep -q '^X-Impostor-Verdict:' \"\$(sink_files '$tok' | head -1)\""
rm -f "$T/rules/zz-broken.rules"

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
