# lib.sh — a private Postfix on 127.0.0.1 with mail filters, for the scripts
# that need real SMTP: tests/postfix/check-postfix.sh, scripts/demo.sh and
# bench/bench-milter.sh. Source it; it defines functions and starts nothing.
#
# Everything lives under one directory ($H_DIR, set by h_init) and every
# process is stopped by its PID, never by name:
#   $H_DIR/postfix/      main.cf, master.cf of the private instance
#   $H_DIR/spool, data   its queue and data directories
#   $H_DIR/postfix.log   its log (no syslog needed)
#   $H_DIR/sink/         one file per delivered message (when the sink keeps mail)
#   $H_DIR/*.pid         pids of what h_* started, so another shell can stop it
# The system's own Postfix is left alone except for one entry in its
# alternate_config_directories (postfix -c requires it), removed again by
# h_postfix_stop.
#
# Facts this relies on (Debian 12, Postfix 3.7): see ../shared/NOTES-postfix.md.

export PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH"

# h_missing: prints what this machine lacks for a private Postfix; "" = ready.
h_missing() {
  local tool
  [ "$(id -u)" = 0 ] || { echo "root (a private Postfix needs it)"; return; }
  for tool in postfix postconf smtp-sink swaks; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool (scripts/install-deps.sh)"; return; }
  done
  id postfix >/dev/null 2>&1 || echo "the postfix user"
}

# h_init DIR: DIR becomes the home of everything started from here on.
h_init() {
  H_DIR=$1
  mkdir -p "$H_DIR"
  chmod 755 "$H_DIR"
}

h_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# h_stop_pid PID: TERM, up to 10 s to go, then KILL.
h_stop_pid() {
  local pid=${1:-} i
  h_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null
  for i in $(seq 1 100); do h_alive "$pid" || break; sleep 0.1; done
  h_alive "$pid" && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}

# h_stop_named NAME: stops the process recorded in $H_DIR/NAME.pid.
h_stop_named() {
  local f="$H_DIR/$1.pid"
  [ -f "$f" ] || return 0
  h_stop_pid "$(tr -d ' \n' <"$f")"
  rm -f "$f"
}

h_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# h_free_ports N [FIRST]: N distinct ports from FIRST (2525) up that nobody
# listens on now.
h_free_ports() {
  local n=$1 port=${2:-2525} found=0
  while [ "$found" -lt "$n" ] && [ "$port" -lt 65000 ]; do
    if ! h_port_busy "$port"; then echo "$port"; found=$((found + 1)); fi
    port=$((port + 1))
  done
}

# h_wait_port PORT SECONDS
h_wait_port() {
  local i
  for i in $(seq 1 $(($2 * 4))); do
    h_port_busy "$1" && return 0
    sleep 0.25
  done
  return 1
}

# h_wait_listen PORT|/path SECONDS: a TCP port on 127.0.0.1 or a unix socket.
h_wait_listen() {
  local i
  case $1 in
    /*) for i in $(seq 1 $(($2 * 4))); do [ -S "$1" ] && return 0; sleep 0.25; done; return 1 ;;
    *) h_wait_port "$@" ;;
  esac
}

# h_wait_log FILE PATTERN SECONDS
h_wait_log() {
  local i
  for i in $(seq 1 $(($3 * 4))); do
    grep -q -- "$2" "$1" 2>/dev/null && return 0
    sleep 0.25
  done
  return 1
}

# ---- smtp-sink: where the private Postfix delivers -------------------------

# h_sink_start PORT [keep]: with "keep", each message lands in $H_DIR/sink/
# with X-Mail-Args:/X-Rcpt-Args: lines carrying its envelope; without, mail
# is read and dropped (benchmarks).
h_sink_start() {
  local args=()
  if [ "${2:-}" = keep ]; then
    mkdir -p "$H_DIR/sink"
    chown postfix "$H_DIR/sink"
    args=(-d "$H_DIR/sink/%M.")
  fi
  smtp-sink -u postfix "${args[@]}" "127.0.0.1:$1" 256 >"$H_DIR/sink.log" 2>&1 &
  echo $! >"$H_DIR/sink.pid"
  h_wait_port "$1" 10
}

# Files in the sink holding TOKEN; h_wait_delivered TOKEN SECONDS.
h_sink_files() { grep -l -- "$1" "$H_DIR"/sink/* 2>/dev/null; }
h_wait_delivered() {
  local i
  for i in $(seq 1 $(($2 * 4))); do
    [ -n "$(h_sink_files "$1")" ] && return 0
    sleep 0.25
  done
  return 1
}

# ---- impostor-milter -------------------------------------------------------

# h_milter_conf FILE PORT|/path RELAY_PORT: a config for a milter on
# inet:PORT@127.0.0.1 (or unix:/path) with its state under $H_DIR/state,
# releasing to 127.0.0.1:RELAY_PORT. Lines on standard input are appended (thresholds,
# rules_dir ...); keys left out keep the built-in defaults.
h_milter_conf() {
  mkdir -p "$H_DIR/state"
  {
    case $2 in /*) echo "socket    = unix:$2" ;; *) echo "socket    = inet:$2@127.0.0.1" ;; esac
    echo "state_dir = $H_DIR/state"
    echo "relay     = 127.0.0.1:$3"
    echo "pid_file  = $H_DIR/milter.pid"
    cat
  } >"$1"
}

# h_test_thresholds IMPOSTOR RULES_DIR MAILDIR: threshold lines for a test
# config under which MAILDIR/clean-business.eml is accepted,
# lottery-notice.eml quarantined and lottery-scam.eml rejected, whatever the
# rule weights are today: the protocol tests check what the milter does with
# a verdict; tests/corpus checks the scoring. Fails if the three no longer
# score in that order.
h_test_thresholds() {
  local conf="$H_DIR/thresholds-scan.conf"
  echo "rules_dir = $2" >"$conf"
  "$1" scan --config "$conf" "$3/clean-business.eml" "$3/lottery-notice.eml" "$3/lottery-scam.eml" |
    python3 -c 'import json, sys
clean, notice, scam = (json.loads(line)["score"] for line in sys.stdin)
if not clean < 4 <= notice < scam:
    sys.exit("test mail scores out of order: %s %s %s" % (clean, notice, scam))
print("tag_threshold = 4\nquarantine_threshold = %r\nreject_threshold = %r" % (notice, scam))'
}

# h_milter_start MILTER CONF: starts it in the foreground (logging to
# $H_DIR/milter.log) as $H_MILTER_PID, recorded at once (the milter writes
# its own pid_file only once its rules are loaded); h_milter_wait PORT
# SECONDS waits until it has loaded them and listens.
h_milter_start() {
  "$1" --config "$2" --foreground >"$H_DIR/milter.log" 2>&1 &
  H_MILTER_PID=$!
  echo "$H_MILTER_PID" >"$H_DIR/impostor-milter.pid"
}
h_milter_wait() {  # PORT or /socket/path; gives up at once if the milter exits
  local i
  for i in $(seq 1 $(($2 * 4))); do
    grep -q 'started: pid' "$H_DIR/milter.log" 2>/dev/null && { h_wait_listen "$1" 10; return; }
    h_alive "$H_MILTER_PID" || return 1
    sleep 0.25
  done
  return 1
}

# ---- the private Postfix ---------------------------------------------------

# h_postfix_start PORT_MTA MILTER_SPEC PORT_REINJECT PORT_SINK: an instance
# listening on PORT_MTA with MILTER_SPEC ("inet:127.0.0.1:N", or "" for none)
# and on PORT_REINJECT with no milter, relaying everything to the sink.
# Extra master.cf lines may be given in $H_EXTRA_MASTER (e.g. one more smtpd
# with -o smtpd_milters=...). Returns non-zero if it does not come up.
h_postfix_start() {
  local pf="$H_DIR/postfix" alt
  mkdir -p "$pf" "$H_DIR/spool" "$H_DIR/data"
  chown postfix "$H_DIR/data"
  cat >"$pf/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $H_DIR/spool
data_directory = $H_DIR/data
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
relayhost = [127.0.0.1]:$4
default_transport = smtp
relay_transport = smtp
local_transport = error:5.1.1 local delivery is disabled here
alias_maps =
alias_database =
smtp_dns_support_level = disabled
disable_dns_lookups = yes
smtpd_peername_lookup = no
smtp_tls_security_level = none
smtpd_tls_security_level = none
biff = no
maillog_file = $H_DIR/postfix.log
maillog_file_prefixes = /var, /dev/stdout, /tmp
smtpd_milters = $2
non_smtpd_milters =
milter_protocol = 6
milter_default_action = tempfail
milter_connect_timeout = 10s
milter_command_timeout = 30s
milter_content_timeout = 120s
EOF
  cat >"$pf/master.cf" <<EOF
127.0.0.1:$1 inet n - n - - smtpd
127.0.0.1:$3 inet n - n - - smtpd -o smtpd_milters=
${H_EXTRA_MASTER:-}
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
  alt=$(postconf -h alternate_config_directories 2>/dev/null)
  case ", $alt," in
    *", $pf,"*) ;;
    *) postconf -e "alternate_config_directories = ${alt:+$alt, }$pf" ;;
  esac
  {
    postfix -c "$pf" set-permissions && postfix -c "$pf" check && postfix -c "$pf" start
  } >"$H_DIR/postfix-setup.log" 2>&1
  h_wait_port "$1" 30 && h_wait_port "$3" 10
}

# h_postfix_stop: stops the instance by its master's pid and takes its entry
# out of alternate_config_directories.
h_postfix_stop() {
  local pf="$H_DIR/postfix" master="" alt
  if [ -f "$H_DIR/spool/pid/master.pid" ]; then
    master=$(tr -d ' \n' <"$H_DIR/spool/pid/master.pid")
    postfix -c "$pf" stop >/dev/null 2>&1
    for _ in $(seq 1 50); do h_alive "$master" || break; sleep 0.1; done
    h_stop_pid "$master"
  fi
  alt=$(postconf -h alternate_config_directories 2>/dev/null)
  alt=$(tr ',' '\n' <<<"$alt" | sed 's/^ *//; s/ *$//' | grep -vx -- "$pf" | grep . | paste -sd, - | sed 's/,/, /g')
  postconf -e "alternate_config_directories = $alt"
}

# h_stop_all: the Postfix instance, then every process with a pid file here.
h_stop_all() {
  local f
  h_postfix_stop
  for f in "$H_DIR"/*.pid; do
    [ -f "$f" ] && h_stop_named "$(basename "$f" .pid)"
  done
  return 0
}

# ---- sending ---------------------------------------------------------------

# h_send PORT FILE [swaks args...]: one message over SMTP; prints the dialogue.
h_send() {
  local port=$1 file=$2
  shift 2
  swaks --server 127.0.0.1 --port "$port" --helo client.example \
    --data "@$file" --timeout 120 "$@" 2>&1
}
