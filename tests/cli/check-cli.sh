#!/bin/bash
# The `impostor` command-line contract (../shared/CONTRACT.md): output shape,
# order, exit statuses, error lines, config and rule errors with file:line.
set -u
: "${IMPOSTOR:=./impostor}" "${srcdir:=.}"
. "$srcdir/tests/lib/tap.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/mail/b" "$tmp/mail/a"
printf 'From: a@example.org\nTo: b@example.org\nSubject: lunch\nMessage-ID: <m1@example.org>\n\nSee you at noon.\n' > "$tmp/mail/b/1.eml"
printf 'From MAILER-DAEMON Thu Nov 20 08:15:00 2026\nFrom: c@example.org\nSubject: mbox\nMessage-ID: <m2@example.org>\n\nhello\n' > "$tmp/mail/a/2.eml"

"$IMPOSTOR" scan "$tmp/mail" > "$tmp/out.jsonl"; status=$?
check "scan: exit 0 when every message got a verdict" test "$status" -eq 0
check "scan: one line per message" test "$(wc -l < "$tmp/out.jsonl")" -eq 2
check "scan: directory walked in sorted order" \
  python3 -c 'import json,sys; l=[json.loads(x)["file"] for x in open(sys.argv[1])]; assert l[0].endswith("a/2.eml") and l[1].endswith("b/1.eml"), l' "$tmp/out.jsonl"
check "scan: contract fields present and typed" python3 - "$tmp/out.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    assert r["verdict"] in ("accept", "tag", "quarantine", "reject")
    assert isinstance(r["score"], (int, float)) and isinstance(r["categories"], list)
    assert isinstance(r["rules"], list) and "message_id" in r and "file" in r
assert json.loads(open(sys.argv[1]).readline())["message_id"] == "<m2@example.org>"
PY

"$IMPOSTOR" scan "$tmp/mail/b/1.eml" "$tmp/missing.eml" > "$tmp/out2.jsonl"; status=$?
check "scan: exit 1 when a message could not be read" test "$status" -eq 1
check "scan: unreadable file gets an error line in order" python3 -c '
import json,sys; l=[json.loads(x) for x in open(sys.argv[1])]
assert len(l)==2 and "verdict" in l[0] and "error" in l[1] and l[1]["file"].endswith("missing.eml")' "$tmp/out2.jsonl"

"$IMPOSTOR" scan > /dev/null 2>&1; status=$?
check "scan: exit 2 on usage error (no PATH)" test "$status" -eq 2
"$IMPOSTOR" scan --bogus x > /dev/null 2>&1; status=$?
check "scan: exit 2 on unknown option" test "$status" -eq 2

"$IMPOSTOR" scan --format text "$tmp/mail/b/1.eml" > "$tmp/text.out"
check "scan --format text: human-readable verdict line" grep -q "1.eml: accept" "$tmp/text.out"

printf 'tag_threshold = 4\nnot a key line\n' > "$tmp/bad.conf"
"$IMPOSTOR" scan --config "$tmp/bad.conf" "$tmp/mail" > /dev/null 2> "$tmp/err"; status=$?
check "config: bad line is exit 78" test "$status" -eq 78
check "config: error names file:line" grep -q "bad.conf:2:" "$tmp/err"
printf 'frobnicate = 1\n' > "$tmp/unknown.conf"
"$IMPOSTOR" scan --config "$tmp/unknown.conf" "$tmp/mail" > /dev/null 2> "$tmp/err"
check "config: unknown key refused with file:line" grep -q "unknown.conf:1: unknown key 'frobnicate'" "$tmp/err"
printf 'quarantine_threshold = 1\ntag_threshold = 0.5\n' > "$tmp/low.conf"
check "config: a valid file loads" "$IMPOSTOR" scan --config "$tmp/low.conf" "$tmp/mail"

mkdir -p "$tmp/rules"
printf '[GOOD_RULE]\nfamily = lottery\nscore = 1\nwhere = body\npattern = prize\n\n[BAD_RULE]\nfamily = lottery\nscore = 1\nwhere = body\npattern = (unclosed\n' > "$tmp/rules/x.rules"
"$IMPOSTOR" rules check "$tmp/rules" > /dev/null 2> "$tmp/err"; status=$?
check "rules check: a bad pattern is refused (exit 78)" test "$status" -eq 78
check "rules check: error names file:line" grep -q "x.rules:[0-9]*:" "$tmp/err"
check "rules check: the shipped rules are valid" "$IMPOSTOR" rules check
check "rules check: the shipped rules directory is valid" "$IMPOSTOR" rules check "$srcdir/conf/rules"
finish
