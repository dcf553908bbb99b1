#!/bin/sh
# End-to-end checks of `isnad watch` against a local HTTP server
# (tests/cli/feed_server.py on 127.0.0.1): new articles ingested, nothing
# fetched again the second time (ETag and Last-Modified -> 304), a failing
# feed gives exit 1 and backs off while the others are processed, misuse,
# and a clean exit on SIGTERM.  Ends with "watch: N passed, N failed".
ISNAD=${ISNAD:-build/release/isnad}
T=$(mktemp -d)
. "$(dirname "$0")/lib.sh"
srv=

cleanup() {
	if [ -n "$srv" ]; then
		kill "$srv" 2>/dev/null
		wait "$srv" 2>/dev/null
	fi
	rm -rf "$T"
}
trap cleanup EXIT

finish() {
	echo "watch: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit $?
}

# requests in the server log matching a path (and optional JSON fields)
count() {
	python3 - "$T/log" "$@" <<'EOF'
import json, sys
log, path = sys.argv[1], sys.argv[2]
want = dict(a.split("=", 1) for a in sys.argv[3:])
n = 0
for line in open(log, encoding="utf-8"):
    r = json.loads(line)
    if r["path"] == path and all(str(r.get(k)) == v for k, v in want.items()):
        n += 1
print(n)
EOF
}

# ---- usage -----------------------------------------------------------------
"$ISNAD" watch --help >"$T/out" 2>&1
check "watch --help exits 0" [ $? -eq 0 ]
check "watch --help shows usage" grep -q "FEED_URL" "$T/out"
"$ISNAD" watch --db "$T/x.db" >/dev/null 2>&1
check "watch without a URL exits 2" [ $? -eq 2 ]
"$ISNAD" watch --db "$T/x.db" --every 5x http://127.0.0.1:9/f >/dev/null 2>&1
check "watch --every 5x exits 2" [ $? -eq 2 ]
"$ISNAD" watch --db "$T/x.db" --bogus http://127.0.0.1:9/f >/dev/null 2>&1
check "watch unknown option exits 2" [ $? -eq 2 ]
"$ISNAD" watch --db "$T/x.db" file:///etc/passwd >/dev/null 2>&1
check "watch non-http URL exits 2" [ $? -eq 2 ]

# ---- the server ----------------------------------------------------------------
python3 tests/cli/feed_server.py "$T/port" "$T/log" 60 &
srv=$!
i=0
while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
if [ ! -s "$T/port" ]; then
	bad "feed server did not start"
	finish
fi
U=http://127.0.0.1:$(cat "$T/port")
DB=$T/w.db

# ---- first round: everything new, one feed failing ------------------------------
"$ISNAD" watch --db "$DB" --once --json "$U/feed.rss" "$U/fail.rss" \
	"$U/feed.atom" >"$T/r1.json" 2>"$T/r1.err"
rc=$?
check "first round with a failing feed exits 1" [ $rc -eq 1 ]
check "failing feed named" grep -q "fail.rss': HTTP 500" "$T/r1.err"
check "summary line on stderr" grep -q "watch: 3 feeds" "$T/r1.err"
check "3 articles added" grep -q '"added":3' "$T/r1.json"
check "1 failed feed" grep -q '"failed_feeds":1' "$T/r1.json"
check "page a/1 fetched once" [ "$(count /a/1)" -eq 1 ]
check "redirect followed to a/2" [ "$(count /a/2)" -eq 1 ]
check "page b/1 fetched once" [ "$(count /b/1)" -eq 1 ]
check "user agent sent" [ "$(count /feed.rss user_agent=None)" -eq 0 ]
if "$ISNAD" list --help >/dev/null 2>&1; then
	"$ISNAD" list --db "$DB" --json >"$T/list.json" 2>"$T/list.err"
	check "list exits 0" [ $? -eq 0 ]
	python3 - "$T/list.json" "$U" <<'EOF'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
u = sys.argv[2]
srcs = sorted(d["source"] for d in docs)
assert srcs == sorted([u + "/a/1", u + "/r/2", u + "/b/1"]), srcs
titles = " ".join(d["title"] or "" for d in docs)
assert "مكتبة" in titles and "روبوتات" in titles, titles
EOF
	check "list shows the three articles" [ $? -eq 0 ]
fi

# ---- second round: nothing new, validators honoured, failing feed waits -----------
"$ISNAD" watch --db "$DB" --once --json "$U/feed.rss" "$U/fail.rss" \
	"$U/feed.atom" >"$T/r2.json" 2>"$T/r2.err"
rc=$?
check "second round exits 0" [ $rc -eq 0 ]
check "rss: If-None-Match sent, 304" \
	[ "$(count /feed.rss 'if_none_match="rss-v1"' status=304)" -eq 1 ]
check "atom: If-Modified-Since sent, 304" \
	[ "$(count /feed.atom 'if_modified_since=Tue, 05 Mar 2024 10:00:00 GMT' status=304)" -eq 1 ]
check "2 feeds not modified" grep -q '"not_modified":2' "$T/r2.json"
check "failing feed backs off" grep -q '"backing_off":1' "$T/r2.json"
check "failing feed not fetched again" [ "$(count /fail.rss)" -eq 1 ]
check "back-off reported" grep -q "fail.rss': failed 1 time" "$T/r2.err"
check "no page fetched again" \
	[ "$(count /a/1)" -eq 1 ] && [ "$(count /a/2)" -eq 1 ] && [ "$(count /b/1)" -eq 1 ]
check "nothing added" grep -q '"added":0' "$T/r2.json"

# ---- a page that fails: exit 1, and the feed's validators are not kept ----------------
for round in 1 2; do
	"$ISNAD" watch --db "$DB" --once "$U/mixed.rss" >/dev/null 2>"$T/m.err"
	check "failed page exits 1 ($round)" [ $? -eq 1 ]
done
check "failed page named" grep -q "missing': HTTP 404" "$T/m.err"
check "feed with a failed page fetched in full again" \
	[ "$(count /mixed.rss status=200 if_none_match=None)" -eq 2 ]
check "failed page retried" [ "$(count /missing)" -eq 2 ]
check "known page not refetched" [ "$(count /a/1)" -eq 1 ]

# ---- the loop: SIGTERM ends it with 0 -------------------------------------------------
"$ISNAD" watch --db "$T/loop.db" --every 1s "$U/feed.atom" \
	>/dev/null 2>"$T/loop.err" &
pid=$!
i=0
while [ "$(count /b/1)" -lt 2 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
sleep 1.5
kill -TERM "$pid"
wait "$pid"
rc=$?
check "loop ends with 0 on SIGTERM" [ $rc -eq 0 ]
check "loop polled again (304)" \
	[ "$(count /feed.atom status=304)" -ge 2 ]

wget_quit() {
	python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1]).read()" "$U/quit" >/dev/null 2>&1
}
wget_quit
wait "$srv" 2>/dev/null
srv=
finish
