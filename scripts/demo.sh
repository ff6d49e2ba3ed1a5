#!/bin/bash
# demo.sh — the main job on the built-in defaults, end to end, on loopback:
#   1. builds Impostor (in ./build, or $BUILD_DIR);
#   2. scans samples/*.eml with `impostor scan` (the verdicts, offline);
#   3. starts, under $DEMO_DIR (/tmp/impostor-demo), with the harness of
#      tests/postfix/lib.sh:
#        impostor-milter   inet:2528@127.0.0.1  (built-in rules and thresholds)
#        private Postfix   127.0.0.1:2525 with the milter, 127.0.0.1:2526 without
#                          (where quarantined mail is released to)
#        smtp-sink         127.0.0.1:2527       (the "mailboxes": one file per message)
#        impostor-console  127.0.0.1:8025       (only when it was built)
#   4. sends every sample over SMTP and prints what became of each one —
#      delivered with its X-Impostor-* headers, quarantined or rejected with
#      550 — from Postfix's reply, the delivered copy and the quarantine
#      store, then `impostor quarantine list`.
# Everything is left running to be looked at; the last lines say how to
# stop it (by PID). Needs root for the private Postfix (re-runs itself under
# sudo when it can); without it the demo stops after step 2.
#
#   bash scripts/demo.sh          run the demo, leave it running
#   bash scripts/demo.sh --stop   run the demo, then stop everything
#   bash scripts/demo.sh stop     stop a demo left running
set -uo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$src/build}
DEMO_DIR=${DEMO_DIR:-/tmp/impostor-demo}
PORT_MTA=2525 PORT_REINJECT=2526 PORT_SINK=2527 PORT_MILTER=2528 CONSOLE=127.0.0.1:8025
. "$src/tests/postfix/lib.sh"
mode=${1:-run}

die() { echo "demo: $*" >&2; exit 1; }
say() { printf '\n== %s\n' "$*"; }

# A demo left running is stopped first, always by the pids it recorded.
stop_previous() {
  [ -d "$DEMO_DIR" ] || return 0
  h_init "$DEMO_DIR"
  h_stop_all
}

if [ "$mode" = stop ]; then
  [ "$(id -u)" = 0 ] || exec sudo -- bash "$0" stop
  stop_previous
  echo "demo: stopped everything under $DEMO_DIR"
  exit 0
fi

build_all() {
  mkdir -p "$build"
  echo "demo: building in $build (the first build takes a few minutes)"
  ( cd "$src" && { [ -x configure ] || autoreconf -fi; } ) >"$build/autoreconf.log" 2>&1 ||
    die "autoreconf failed, see $build/autoreconf.log"
  ( cd "$build" && { [ -f Makefile ] || "$src/configure" -q; } && make -j2 >"$build/make.log" 2>&1 ) ||
    die "the build failed, see $build/make.log"
}

# addr FILE HEADER: the address in that header field of FILE (folded and
# RFC 2047-encoded names included), for the SMTP envelope.
addr() {
  python3 -c 'import email, email.utils, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"))
print(email.utils.parseaddr(str(m.get(sys.argv[2], "")))[1])' "$1" "$2" 2>/dev/null
}

# The store as TSV: queue_id, id, state, verdict, score, families.
store_tsv() {
  "$build/impostor" quarantine list --config "$CONF" --format json | python3 -c '
import json, sys
for e in json.load(sys.stdin)["entries"]:
    print("\t".join([e["queue_id"], e["id"], e["state"], e["verdict"],
                     "%.1f" % e["score"], ", ".join(e["families"]) or "-"]))'
}

# header FILE NAME: a header's value in a delivered copy.
header() { sed -n "s/^$2: *//p" "$1" | head -1; }

start_services() {
  h_sink_start "$PORT_SINK" keep || die "smtp-sink did not start on 127.0.0.1:$PORT_SINK"
  h_milter_conf "$CONF" "$PORT_MILTER" "$PORT_REINJECT" </dev/null
  h_milter_start "$build/impostor-milter" "$CONF"
  h_milter_wait "$PORT_MILTER" 600 || die "impostor-milter did not start, see $DEMO_DIR/milter.log"
  h_postfix_start "$PORT_MTA" "inet:127.0.0.1:$PORT_MILTER" "$PORT_REINJECT" "$PORT_SINK" ||
    die "Postfix did not start, see $DEMO_DIR/postfix-setup.log and postfix.log"
}

# The console, when another part of the build provides it; silent otherwise.
start_console() {
  CONSOLE_URL=""
  [ -x "$build/impostor-console" ] || return 0
  CONSOLE_PASSWORD=$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 12)
  printf '%s\n' "$CONSOLE_PASSWORD" |
    "$build/impostor-console" useradd --config "$CONF" demo --role admin >"$DEMO_DIR/console-useradd.log" 2>&1 ||
    CONSOLE_PASSWORD=""
  "$build/impostor-console" --config "$CONF" --listen "$CONSOLE" >"$DEMO_DIR/console.log" 2>&1 &
  echo $! >"$DEMO_DIR/impostor-console.pid"
  h_wait_port "${CONSOLE##*:}" 20 && CONSOLE_URL="http://$CONSOLE/"
}

# send_all: every sample through Postfix; one TSV line per sample in
# $DEMO_DIR/sent.tsv: file, SMTP reply, queue id or quarantine ref.
send_all() {
  local f name from to out reply qid
  : >"$DEMO_DIR/sent.tsv"
  for f in "$src"/samples/*.eml; do
    name=$(basename "$f")
    from=$(addr "$f" From); to=$(addr "$f" To)
    out=$(h_send "$PORT_MTA" "$f" --from "${from:-sender@example.net}" --to "${to:-you@example.jp}" \
      --add-header "X-Demo-Sample: $name")
    reply=$(grep -a -E '^ *(<-|<\*\*) +[245][0-9][0-9] ' <<<"$out" | tail -2 | head -1 |
      sed -E 's/^ *(<-|<\*\*) +//')
    qid=$(grep -ao 'queued as [0-9A-F]*' <<<"$reply" | awk '{print $3}')
    [ -n "$qid" ] || qid=$(grep -ao 'ref q-[0-9a-f-]*' <<<"$reply" | awk '{print $2}')
    printf '%s\t%s\t%s\n' "$name" "$reply" "$qid" >>"$DEMO_DIR/sent.tsv"
  done
}

# The table: what Postfix answered, and where each message is now.
report() {
  local name reply qid store row file outcome verdict score cats where i accepted
  accepted=$(grep -c $'\t250 ' "$DEMO_DIR/sent.tsv")
  for i in $(seq 1 40); do  # mail Postfix accepted is either held or in the sink soon
    store=$(store_tsv)
    [ $(($(ls "$DEMO_DIR/sink" | wc -l) + $(grep -c $'\tquarantined\t' <<<"$store"))) -ge "$accepted" ] && break
    sleep 0.25
  done
  printf '%-28s %-10s %-12s %-11s %6s  %-26s %s\n' SAMPLE SMTP OUTCOME VERDICT SCORE CATEGORIES WHERE
  while IFS=$'\t' read -r name reply qid; do
    row=$(awk -F'\t' -v q="$qid" '$1 == q || $2 == q' <<<"$store" | head -1)
    file=$(h_sink_files "X-Demo-Sample: $name" | head -1)
    if [ -n "$row" ]; then
      IFS=$'\t' read -r _ where outcome verdict score cats <<<"$row"
    elif [ -n "$file" ]; then
      outcome=delivered where="sink/$(basename "$file")"
      verdict=$(header "$file" X-Impostor-Verdict) score=$(header "$file" X-Impostor-Score)
      cats=$(header "$file" X-Impostor-Categories)
    else
      outcome="not seen" where="" verdict="" score="" cats=""
    fi
    printf '%-28s %-10s %-12s %-11s %6s  %-26s %s\n' "$name" "${reply:0:9}" "$outcome" \
      "${verdict:--}" "${score:--}" "${cats:--}" "$where"
  done <"$DEMO_DIR/sent.tsv"
}

# ---- main --------------------------------------------------------------------
build_all
say "impostor scan samples/*.eml  (offline verdicts; --format text shows the evidence too)"
"$build/impostor" scan --format text "$src"/samples/*.eml | grep -av '^ '

missing=$(h_missing)
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && [ "$missing" = "root (a private Postfix needs it)" ]; then
    say "the live part (a private Postfix) needs root: re-running under sudo"
    exec sudo BUILD_DIR="$build" DEMO_DIR="$DEMO_DIR" bash "$0" "$@"
  fi
  echo "demo: skipping the live part: it needs $missing"
  exit 0
fi

stop_previous
# Start clean, but keep the compiled-rules cache: the next start takes 0.3 s, not 6.
find "$DEMO_DIR" -mindepth 1 -maxdepth 1 ! -name state -exec rm -rf {} + 2>/dev/null
find "$DEMO_DIR/state" -mindepth 1 -maxdepth 1 ! -name cache -exec rm -rf {} + 2>/dev/null
h_init "$DEMO_DIR"
CONF="$DEMO_DIR/impostor.conf"
for p in $PORT_MTA $PORT_REINJECT $PORT_SINK $PORT_MILTER; do
  h_port_busy "$p" && die "127.0.0.1:$p is in use by something else; free it and run again"
done

say "starting impostor-milter, a private Postfix and smtp-sink under $DEMO_DIR"
start_services
start_console

say "sending samples/*.eml to Postfix on 127.0.0.1:$PORT_MTA (swaks)"
send_all
report

say "impostor quarantine list --config $CONF"
"$build/impostor" quarantine list --config "$CONF"

if [ "$mode" = --stop ]; then
  stop_previous
  say "stopped everything (Postfix, impostor-milter, smtp-sink${CONSOLE_URL:+, console})"
  exit 0
fi

say "left running — look around, then stop it all with: bash scripts/demo.sh stop"
printf '  %-18s pid %-8s %s\n' \
  "Postfix (master)" "$(tr -d ' ' <"$DEMO_DIR/spool/pid/master.pid")" "127.0.0.1:$PORT_MTA (milter), :$PORT_REINJECT (release)" \
  "impostor-milter" "$(cat "$DEMO_DIR/impostor-milter.pid")" "inet:$PORT_MILTER@127.0.0.1, log $DEMO_DIR/milter.log" \
  "smtp-sink" "$(cat "$DEMO_DIR/sink.pid")" "127.0.0.1:$PORT_SINK, mail in $DEMO_DIR/sink/"
if [ -n "${CONSOLE_URL:-}" ]; then
  printf '  %-18s pid %-8s %s\n' "impostor-console" "$(cat "$DEMO_DIR/impostor-console.pid")" "$CONSOLE_URL"
  [ -n "$CONSOLE_PASSWORD" ] && echo "  console login: demo / $CONSOLE_PASSWORD"
fi
echo "  by hand: postfix -c $DEMO_DIR/postfix stop; kill <pid> for the others"
echo "  try:     $build/impostor quarantine release <id> --config $CONF"
