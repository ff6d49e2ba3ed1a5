#!/bin/bash
# bench-milter.sh — what impostor-milter costs a real Postfix, with its
# baselines in the same run: one private Postfix (tests/postfix/lib.sh) with
# three SMTP listeners relaying to a discarding smtp-sink,
#   Postfix alone        a listener with no milter
#   + null milter        one with bench/null_milter (same protocol, no work)
#   + impostor-milter    one with impostor-milter (built-in rules and config)
# and the same sample of the SpamAssassin public corpus (N messages of at
# most MAX_KB, fetched by tests/spamassassin/fetch-corpus.sh) sent to each
# over SESSIONS concurrent SMTP sessions by bench/smtp_load.py, which times
# every message client-side (MAIL FROM to the reply to end of DATA).
# ROUNDS rounds, the three interleaved, each round twice: as fast as Postfix
# takes the mail (throughput; latency there is mostly queueing for 2 CPUs),
# then paced at RATE messages/s (latency below saturation). The median
# round of each is reported: messages/s, p50/p99 latency, and what each
# milter adds to Postfix alone; then impostor's throughput as a share of
# the null milter's (goal >= 80%) and its p99 added latency at RATE (goal
# < 10 ms).
#
#   bench/bench-milter.sh [BUILD_DIR]     (root: a private Postfix)
# Both milters listen on unix sockets, as they usually do beside Postfix;
# MILTER_SOCKET=inet puts them on 127.0.0.1 TCP ports instead.
# Environment: N (2000), MAX_KB (100), SESSIONS (16), ROUNDS (3), RATE (100),
# MILTER_SOCKET,
# SA_CORPUS_DIR (~/.cache/impostor/spamassassin), KEEP_TMP=1.
set -uo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
N=${N:-2000} MAX_KB=${MAX_KB:-100} SESSIONS=${SESSIONS:-16} ROUNDS=${ROUNDS:-3}
MILTER_SOCKET=${MILTER_SOCKET:-unix} RATE=${RATE:-100}
cache=${SA_CORPUS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/impostor/spamassassin}
. "$src/tests/postfix/lib.sh"

missing=$(h_missing)
[ -z "$missing" ] || { echo "bench-milter: needs $missing" >&2; exit 1; }
"$src/tests/spamassassin/fetch-corpus.sh" "$cache" || exit 1
make -C "$build" impostor-milter bench/null_milter >"${TMPDIR:-/tmp}/bench-milter-make.log" 2>&1 ||
  { cat "${TMPDIR:-/tmp}/bench-milter-make.log" >&2; exit 1; }

T=$(mktemp -d /tmp/impostor-bench.XXXXXX)
h_init "$T"
cleanup() {
  h_stop_all
  if [ "${KEEP_TMP:-0}" = 1 ]; then echo "# kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The sample: every k-th raw message (*.txt, not the JSON beside them) of at
# most MAX_KB in sorted order, so every run sends the same N messages.
find "$cache/data" -name '*.txt' -size -$((MAX_KB + 1))k | sort >"$T/all"
awk -v n="$N" -v total="$(wc -l <"$T/all")" \
  'BEGIN { step = total / n } NR > (taken * step) && taken < n { print; taken++ }' "$T/all" >"$T/sample"
mapfile -t sample <"$T/sample"
echo "# sample: ${#sample[@]} of $(wc -l <"$T/all") SpamAssassin messages <= ${MAX_KB} KB," \
  "$(cat "${sample[@]}" | wc -c | awk '{printf "%.1f MB", $1 / 1048576}'); $SESSIONS sessions;" \
  "$ROUNDS rounds; milters on $MILTER_SOCKET sockets"

read -r -d '' p_impostor p_alone p_null p_sink m_impostor m_null < <(h_free_ports 6 2525)
if [ "$MILTER_SOCKET" = unix ]; then
  m_impostor=$T/impostor.sock m_null=$T/null.sock
  spec_null=unix:$m_null pf_impostor=unix:$m_impostor pf_null=unix:$m_null
else
  spec_null=inet:$m_null@127.0.0.1
  pf_impostor=inet:127.0.0.1:$m_impostor pf_null=inet:127.0.0.1:$m_null
fi
h_sink_start "$p_sink" || { echo "smtp-sink did not start" >&2; exit 1; }
# socket_mode 0666: the socket is root's here and Postfix's smtpd must connect.
h_milter_conf "$T/impostor.conf" "$m_impostor" "$p_alone" <<EOF
max_threads = 64
socket_mode = 0666
EOF
h_milter_start "$build/impostor-milter" "$T/impostor.conf"
(umask 000 && exec "$build/bench/null_milter" "$spec_null") >"$T/null.log" 2>&1 &
echo $! >"$T/null-milter.pid"
h_milter_wait "$m_impostor" 600 && h_wait_listen "$m_null" 10 || { echo "a milter did not start" >&2; exit 1; }
H_EXTRA_MASTER="127.0.0.1:$p_null inet n - n - - smtpd -o smtpd_milters=$pf_null"
h_postfix_start "$p_impostor" "$pf_impostor" "$p_alone" "$p_sink" ||
  { echo "Postfix did not start (see $T/postfix.log)" >&2; exit 1; }

# Each round starts with an empty queue, so no run pays for the last one's deliveries.
queue_empty() {
  local i
  for i in $(seq 1 600); do
    [ -z "$(find "$T/spool/incoming" "$T/spool/active" "$T/spool/maildrop" -type f 2>/dev/null | head -1)" ] && return 0
    sleep 0.2
  done
}
load() {  # PORT [--rate R]
  local port=$1
  shift
  python3 "$src/bench/smtp_load.py" --port "$port" --sessions "$SESSIONS" "$@" "${sample[@]}"
}

# Warm-up: every process forked, every page in the cache.
for port in $p_alone $p_null $p_impostor; do
  python3 "$src/bench/smtp_load.py" --port "$port" --sessions "$SESSIONS" "${sample[@]:0:200}" >/dev/null
done
# CPU a milter process has used (ms), and per message since a reading.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }
cpu_ms_per_msg() {  # PID MS_BEFORE MESSAGES
  awk -v now="$(cpu_ms "$1")" -v before="$2" -v n="$3" 'BEGIN { printf "%.2f", (now - before) / n }'
}
cpu_impostor=$(cpu_ms "$H_MILTER_PID") cpu_null=$(cpu_ms "$(cat "$T/null-milter.pid")")
: >"$T/results"
for round in $(seq 1 "$ROUNDS"); do
  for pair in "alone:$p_alone" "null:$p_null" "impostor:$p_impostor"; do
    queue_empty
    echo "${pair%%:*} $(load "${pair#*:}")" >>"$T/results"
    queue_empty
    echo "${pair%%:*}@rate $(load "${pair#*:}" --rate "$RATE")" >>"$T/results"
  done
done

seen=$((2 * ${#sample[@]} * ROUNDS))
echo "# CPU per message after the warm-up: impostor-milter $(cpu_ms_per_msg "$H_MILTER_PID" "$cpu_impostor" "$seen") ms," \
  "null milter $(cpu_ms_per_msg "$(cat "$T/null-milter.pid")" "$cpu_null" "$seen") ms"
python3 - "$T/results" "$RATE" <<'EOF'
import json, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, data = line.split(" ", 1)
    runs.setdefault(name, []).append(json.loads(data))
def median(name, key):
    return statistics.median(r[key] for r in runs[name])
labels = {"alone": "Postfix alone", "null": "+ null milter", "impostor": "+ impostor-milter"}
for suffix, title in (("", "flat out"), ("@rate", "at %s msgs/s" % sys.argv[2])):
    print("%-18s %9s %8s %8s %10s %10s %s" % (title[:18], "msgs/s", "p50 ms", "p99 ms", "+p50 ms", "+p99 ms", "refused/deferred"))
    for name in ("alone", "null", "impostor"):
        n, base = name + suffix, "alone" + suffix
        print("%-18s %9.1f %8.2f %8.2f %10.2f %10.2f %d/%d" % (
            labels[name], median(n, "msgs_per_s"), median(n, "p50_ms"), median(n, "p99_ms"),
            median(n, "p50_ms") - median(base, "p50_ms"), median(n, "p99_ms") - median(base, "p99_ms"),
            runs[n][-1]["refused"], runs[n][-1]["deferred"]))
ratio = median("impostor", "msgs_per_s") / median("null", "msgs_per_s")
print("impostor-milter throughput / null milter: %.0f%% (goal >= 80%%)" % (100 * ratio))
for base in ("null", "alone"):
    added = median("impostor@rate", "p99_ms") - median(base + "@rate", "p99_ms")
    print("impostor-milter p99 added over %s at %s msgs/s: %.2f ms (goal < 10 ms)" % (labels[base].lstrip("+ "), sys.argv[2], added))
EOF
