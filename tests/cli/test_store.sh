#!/bin/sh
# End-to-end checks of ingest, list, search and show on real pages, and of
# bad input: each reported by name, the rest ingested, the store never
# corrupted (also when the process is killed in the middle of an ingest).
# Ends with "store: N passed, N failed".
ISNAD=${ISNAD:-build/release/isnad}
SHARED=${SHARED:-../shared}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
DB=$T/isnad.db
. "$(dirname "$0")/lib.sh"
integrity() {
	python3 - "$1" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
r = c.execute("PRAGMA integrity_check").fetchone()[0]
sys.exit(0 if r == "ok" else 1)
EOF
}

# ---- ingest the seeds, twice: idempotent ------------------------------------
out=$("$ISNAD" ingest --db "$DB" --json "$SHARED"/seeds/*.txt 2>"$T/err")
check "ingest exits 0" [ $? -eq 0 ]
check "ingest --json summary" [ "$out" = '{"added":4,"duplicates":0,"failed":0,"near_duplicates":0,"empty":0}' ]
check "summary on stderr" grep -q "4 added" "$T/err"
out=$("$ISNAD" ingest --db "$DB" --json "$SHARED/seeds" 2>/dev/null)
check "ingest is idempotent (folder, gold JSON skipped as duplicates or data)" \
	sh -c "echo '$out' | grep -q '\"added\":0,\"duplicates\":4'"
n=$("$ISNAD" list --db "$DB" --json | wc -l)
check "list shows each document once" [ "$n" -eq 4 ]
ISNAD_DB=$DB "$ISNAD" list --json >"$T/list"
check "\$ISNAD_DB chooses the store" [ "$(wc -l <"$T/list")" -eq 4 ]
python3 - "$T/list" <<'EOF'
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    assert set(d) == {"id", "source", "title", "published", "outlet", "duplicate_of"}, d
EOF
check "list --json keys" [ $? -eq 0 ]

# ---- search -------------------------------------------------------------------
"$ISNAD" search --db "$DB" --json اجتماع >"$T/s1"
check "search exits 0" [ $? -eq 0 ]
python3 - "$T/s1" <<'EOF'
import json, sys
hits = [json.loads(l) for l in open(sys.argv[1])]
assert len(hits) >= 3, len(hits)
for h in hits:
    assert set(h) == {"id", "source", "title", "published", "score", "snippet"}, h
scores = [h["score"] for h in hits]
assert scores == sorted(scores, reverse=True), scores
# an inflected or clitic form is highlighted as written
assert any("[" in h["snippet"] for h in hits)
EOF
check "search --json: keys, best first, highlights" [ $? -eq 0 ]
n=$("$ISNAD" search --db "$DB" --json بالاجتماعات | wc -l)
check "a clitic form finds the same documents" [ "$n" -ge 3 ]
n=$("$ISNAD" search --db "$DB" --json --limit 1 اجتماع | wc -l)
check "--limit" [ "$n" -eq 1 ]
n=$("$ISNAD" search --db "$DB" --json '"نورديك مونيتور"' | wc -l)
check "phrase" [ "$n" -eq 2 ]
n=$("$ISNAD" search --db "$DB" --json اجتماع -نورديك | wc -l)
check "exclusion" [ "$n" -ge 2 ]
"$ISNAD" search --db "$DB" -- -داعش >/dev/null 2>&1
check "only exclusions is misuse" [ $? -eq 2 ]

# ---- show ---------------------------------------------------------------------
id=$(head -n 1 "$T/list" | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["id"])')
"$ISNAD" show --db "$DB" --json "$id" >"$T/show"
check "show exits 0" [ $? -eq 0 ]
python3 - "$T/show" "$id" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "isnad.extract/1" and d["id"] == sys.argv[2]
assert d["text"] and d["lang"] == "ar"
for k in ("mentions", "entities", "attributions", "events", "tags"):
    assert isinstance(d[k], list)
EOF
check "show --json is an extract object" [ $? -eq 0 ]
short=$(echo "$id" | cut -c1-8)
"$ISNAD" show --db "$DB" "$short" >/dev/null
check "show by id prefix" [ $? -eq 0 ]
"$ISNAD" show --db "$DB" ffffffffffffffff >/dev/null 2>"$T/err"
check "show unknown id exits 1" [ $? -eq 1 ]
check "show unknown id says so" grep -q "no document" "$T/err"

python3 - "$T/show" <<'EOF2'
import json, sys
d = json.load(open(sys.argv[1]))
# ingest stored the extraction: values of the seed are there
assert any(m["type"] == "DATE" for m in d["mentions"]), d["mentions"][:3]
EOF2
check "show returns the extraction stored by ingest" [ $? -eq 0 ]

# ---- bad input ----------------------------------------------------------------
head -c 5000 /dev/urandom >"$T/binary.bin"
: >"$T/empty.txt"
printf 'نص \377\376 عربي سليم بعد بايتات تالفة في سطر كامل من الكلام.\n' \
	>"$T/invalid.txt"
printf 'قال الوزير إن الاجتماع المقبل سيعقد في الرياض الأسبوع القادم لبحث التعاون.\n' \
	| gzip >"$T/good.txt.gz"
head -c 20 "$T/good.txt.gz" >"$T/truncated.gz"
python3 - "$T/deep.html" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write("<html><body>" + "<div>" * 100000 + "نص عميق" + "</div>" * 100000 + "</body></html>")
EOF
"$ISNAD" ingest --db "$DB" "$T/binary.bin" "$T/empty.txt" "$T/invalid.txt" \
	"$T/truncated.gz" "$T/deep.html" "$T/missing.txt" "$T/good.txt.gz" \
	>"$T/out" 2>"$T/err"
check "bad inputs: exit 1" [ $? -eq 1 ]
check "binary named" grep -q "binary.bin" "$T/err"
check "truncated gzip named" grep -q "truncated.gz" "$T/err"
check "missing named" grep -q "missing.txt" "$T/err"
n=$("$ISNAD" search --db "$DB" --json الرياض التعاون | wc -l)
check "the good gzip was still ingested" [ "$n" -ge 1 ]
check "integrity after bad input" integrity "$DB"

# ---- killed in the middle of an ingest ---------------------------------------
if [ -f "$SHARED/data/news/saudinewsnet.jsonl" ]; then
	head -n 3000 "$SHARED/data/news/saudinewsnet.jsonl" >"$T/news.jsonl"
	before=$("$ISNAD" list --db "$DB" --json | wc -l)
	"$ISNAD" ingest --db "$DB" --no-extract "$T/news.jsonl" >/dev/null 2>&1 &
	pid=$!
	sleep 0.7
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	check "integrity after kill -9" integrity "$DB"
	after=$("$ISNAD" list --db "$DB" --json | wc -l)
	check "nothing stored before the kill is lost" [ "$after" -ge "$before" ]
	"$ISNAD" ingest --db "$DB" --no-extract --json "$T/news.jsonl" >"$T/resume" 2>/dev/null
	check "ingest resumes after the kill" [ $? -eq 0 ]
	check "integrity after resuming" integrity "$DB"
	n=$("$ISNAD" search --db "$DB" --json --limit 5 الرياض | wc -l)
	check "news searchable" [ "$n" -eq 5 ]
fi

echo "store: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
