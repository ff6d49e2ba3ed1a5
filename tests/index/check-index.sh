#!/bin/bash
# The campaign index end to end: `impostor index` + `impostor campaigns` on
# the scam corpus (contract shape, every message in exactly one campaign,
# pairwise F1 against the generator's templates), search (fields, Japanese),
# the spool (milter hand-off -> index --spool), --rebuild, and the report in
# HTML/JSON/CSV with a screenshot of the HTML taken by headless Chromium.
set -u
: "${IMPOSTOR:=./impostor}" "${srcdir:=.}"
. "$srcdir/tests/lib/tap.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
corpus="$srcdir/tests/corpus/scam"
manifest="$srcdir/tests/corpus/gen/scam-manifest.tsv"

"$IMPOSTOR" index --db "$tmp/db" "$corpus" > "$tmp/index.jsonl"; status=$?
check "index: exit 0" test "$status" -eq 0
check "index: one line per message" test "$(wc -l < "$tmp/index.jsonl")" -eq "$(find "$corpus" -type f | wc -l)"

"$IMPOSTOR" campaigns --db "$tmp/db" --format json > "$tmp/campaigns.json"; status=$?
check "campaigns: exit 0" test "$status" -eq 0
check "campaigns: contract shape" python3 - "$tmp/campaigns.json" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
fams = {"lottery", "card-validation", "fake-bulletin", "tech-support", "unknown"}
iso = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
assert isinstance(d["campaigns"], list) and d["campaigns"]
for c in d["campaigns"]:
    assert re.match(r"^c-[0-9a-f]{6,}$", c["id"]), c["id"]
    assert c["family"] in fams, c["family"]
    assert c["size"] == len(c["members"]) >= 1
    assert iso.match(c["first_seen"]) and iso.match(c["last_seen"]) and c["first_seen"] <= c["last_seen"]
    for m in c["members"]:
        assert "message_id" in m and (m["file"] is None or isinstance(m["file"], str))
PY
check "campaigns: every message in exactly one campaign" python3 - "$tmp/campaigns.json" "$corpus" <<'PY'
import json, os, sys
files = [m["file"] for c in json.load(open(sys.argv[1]))["campaigns"] for m in c["members"]]
on_disk = [os.path.join(d, f) for d, _, fs in os.walk(sys.argv[2]) for f in fs]  # every file is a message
assert len(files) == len(set(files)) == len(on_disk), (len(files), len(set(files)), len(on_disk))
PY
python3 "$srcdir/tests/index/f1.py" "$manifest" "$tmp/campaigns.json" 0.9 > "$tmp/f1.txt"; status=$?
cat "$tmp/f1.txt" | sed 's/^/# /'
if [ "$status" -eq 0 ]; then ok "campaigns: pairwise F1 >= 0.9 against the templates"; else not_ok "campaigns: pairwise F1 >= 0.9 against the templates"; fi
check "campaigns: families never mixed" python3 - "$tmp/campaigns.json" "$tmp/index.jsonl" <<'PY'
import json, sys
fam = {json.loads(l)["file"]: json.loads(l)["family"] for l in open(sys.argv[2])}
for c in json.load(open(sys.argv[1]))["campaigns"]:
    assert all(fam[m["file"]] == c["family"] for m in c["members"]), c["id"]
PY

"$IMPOSTOR" index --db "$tmp/db" "$corpus/lottery" > "$tmp/again.jsonl"
check "index: indexing again changes nothing" python3 - "$tmp/again.jsonl" <<'PY'
import json, sys
assert all(json.loads(l)["duplicate"] for l in open(sys.argv[1]))
PY

check "search: family field" sh -c "'$IMPOSTOR' search --db '$tmp/db' --format json family:lottery --limit 500 | grep -q '/lottery/'"
check "search: Japanese free text" sh -c "'$IMPOSTOR' search --db '$tmp/db' --format json 宝くじ | grep -q '/lottery/ja-'"
camp=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["campaigns"][0]["id"])' "$tmp/campaigns.json")
check "search: campaign field" sh -c "'$IMPOSTOR' search --db '$tmp/db' --format json campaign:$camp | grep -q '\"$camp\"'"
check "search: no QUERY is a usage error" sh -c "'$IMPOSTOR' search --db '$tmp/db'; test \$? -eq 2"

# The spool: what the milter hands over, drained by `index --spool`.
mkdir -p "$tmp/state/spool/index"
sample=$(find "$corpus/tech-support" -name '*.eml' | sort | head -1)
cp "$sample" "$tmp/state/spool/index/0000000001-00000001.eml"
printf '{"scan":{"verdict":"quarantine","score":15,"categories":["tech-support"]},"envelope":{"rcpt_to":["you@example.jp"]},"quarantine_id":"q-1-aa","received":1795000000}' \
  > "$tmp/state/spool/index/0000000001-00000001.json"
printf 'broken' > "$tmp/state/spool/index/0000000002-00000002.json"
cp "$sample" "$tmp/state/spool/index/0000000002-00000002.eml"
"$IMPOSTOR" index --spool --state-dir "$tmp/state" 2>/dev/null; status=$?
check "spool: a good entry is indexed and removed" test ! -e "$tmp/state/spool/index/0000000001-00000001.json"
check "spool: a failing entry stays for retry (exit 1)" sh -c "test -e '$tmp/state/spool/index/0000000002-00000002.json' && test $status -eq 1"
check "spool: indexed with its quarantine state" sh -c "'$IMPOSTOR' search --state-dir '$tmp/state' --format json state:quarantined | grep -q tech-support"
rm -f "$tmp/state/spool/index/0000000002-00000002."*
"$IMPOSTOR" index --rebuild --state-dir "$tmp/state" 2>/dev/null; status=$?
check "rebuild: exit 0 and an index in place" sh -c "test $status -eq 0 && test -d '$tmp/state/index'"

# The report.
"$IMPOSTOR" report --db "$tmp/db" --since 2000-01-01 --until 2027-12-31 --format json --out "$tmp/report.json"
"$IMPOSTOR" report --db "$tmp/db" --since 2000-01-01 --until 2027-12-31 --format csv --out "$tmp/report.csv"
"$IMPOSTOR" report --db "$tmp/db" --since 2026-10-25 --until 2026-12-05 --format html --out "$tmp/report.html"; status=$?
check "report: html written" sh -c "test $status -eq 0 && test -s '$tmp/report.html'"
check "report: json carries every campaign with its data" python3 - "$tmp/report.json" "$tmp/campaigns.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); c = json.load(open(sys.argv[2]))
assert len(r["campaigns"]) == len(c["campaigns"])
assert sum(x["size"] for x in r["campaigns"]) == r["messages"] == sum(x["size"] for x in c["campaigns"])
for x in r["campaigns"]:
    for k in ("family", "first_seen", "last_seen", "daily", "sender_domains", "recipient_domains",
              "phones", "hosts", "attachments", "subject", "excerpt", "actions"):
        assert k in x, k
assert set(r["families"]) <= {"lottery", "card-validation", "fake-bulletin", "tech-support", "unknown"}
PY
check "report: csv has a row per campaign" python3 - "$tmp/report.csv" "$tmp/report.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert len(rows) == len(json.load(open(sys.argv[2]))["campaigns"])
assert all(r["id"].startswith("c-") and r["family"] for r in rows)
PY
check "report: html is self-contained (no external loads, no script)" python3 - "$tmp/report.html" <<'PY'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
assert "<svg" in h and "<style>" in h
assert not re.search(r"<script|<link|src=|@import|url\(", h, re.I)
PY

if command -v chromium >/dev/null 2>&1; then
  shot="${IMPOSTOR_REPORT_SCREENSHOT:-$tmp/report.png}"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$(mktemp -d -p "$tmp")" \
    --screenshot="$shot" --window-size=1280,2000 "file://$tmp/report.html" >/dev/null 2>&1
  check "report: chromium screenshot is a real picture" python3 - "$shot" <<'PY'
import struct, sys
b = open(sys.argv[1], "rb").read()
assert b[:8] == b"\x89PNG\r\n\x1a\n" and len(b) > 30000, len(b)
w, h = struct.unpack(">II", b[16:24])
assert (w, h) == (1280, 2000), (w, h)
PY
else
  not_ok "report: chromium not installed (scripts/install-deps.sh)"
fi
finish
