#!/bin/sh
# End-to-end checks of the isnad command: the spec'd commands on real text,
# exit codes, and bad input (missing, binary, invalid, NUL, huge).
# Ends with "cli: N passed, N failed".
ISNAD=${ISNAD:-build/release/isnad}
SHARED=${SHARED:-../shared}
SEED=$SHARED/seeds/000_d7045005b1b551ef.txt
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"


# ---- usage and exit codes ----------------------------------------------------
"$ISNAD" --help >"$T/out" 2>&1
check "help exits 0" [ $? -eq 0 ]
check "help lists commands" grep -q tokenize "$T/out"
for c in normalize tokenize sentences analyze; do
	"$ISNAD" $c --help >/dev/null 2>&1
	check "$c --help exits 0" [ $? -eq 0 ]
done
"$ISNAD" tokenize --bogus "$SEED" >/dev/null 2>"$T/err"
check "unknown option exits 2" [ $? -eq 2 ]
"$ISNAD" normalize --level nope "$SEED" >/dev/null 2>&1
check "bad level exits 2" [ $? -eq 2 ]
"$ISNAD" frobnicate >/dev/null 2>&1
check "unknown command exits 2" [ $? -eq 2 ]

# ---- normalize ------------------------------------------------------------------
out=$(printf 'كَتَبَ أحمدُ إلى مستشفى\n' | "$ISNAD" normalize -)
check "normalize search" [ "$out" = "كتب احمد الي مستشفي" ]
out=$(printf 'كَتَبَ\n' | "$ISNAD" normalize --level display)
check "normalize display keeps harakat" [ "$out" = "كَتَبَ" ]
out=$(printf 'ﻻ\342\200\217  ٣\n' | "$ISNAD" normalize --level=display)
check "normalize display folds forms, controls, space" [ "$out" = "لا ٣" ]
"$ISNAD" normalize "$SEED" >"$T/norm"
check "normalize seed" grep -q "حسبما ذكرت مصادر متعدده" "$T/norm"

# ---- tokenize ---------------------------------------------------------------------
"$ISNAD" tokenize --json "$SEED" >"$T/tok.json"
check "tokenize exits 0" [ $? -eq 0 ]
python3 - "$T/tok.json" "$SEED" <<'EOF'
import json, sys
raw = open(sys.argv[2], 'rb').read()
n = 0
keys = {"start", "end", "text", "type", "norm", "stem"}
for line in open(sys.argv[1], encoding='utf-8'):
    t = json.loads(line)
    assert set(t) == keys, t
    assert raw[t["start"]:t["end"]].decode() == t["text"], t
    n += 1
assert n > 500, n
EOF
check "tokenize --json: keys and byte offsets into the input" [ $? -eq 0 ]
check "tokenize splits بالاجتماعات" grep -q '"text":"ب","type":"proclitic"' "$T/tok.json"

# offsets in a Windows-1256 file point at its own bytes
head -c 2000 "$SEED" | iconv -f UTF-8 -t WINDOWS-1256 -c >"$T/cp1256.txt" 2>/dev/null
"$ISNAD" tokenize --json "$T/cp1256.txt" >"$T/tok1256.json"
python3 - "$T/tok1256.json" "$T/cp1256.txt" <<'EOF'
import json, sys
raw = open(sys.argv[2], 'rb').read()
n = 0
for line in open(sys.argv[1], encoding='utf-8'):
    t = json.loads(line)
    assert raw[t["start"]:t["end"]].decode('cp1256') == t["text"], t
    n += 1
assert n > 100
EOF
check "tokenize windows-1256: offsets into the original bytes" [ $? -eq 0 ]

# ---- sentences ------------------------------------------------------------------
"$ISNAD" sentences "$SEED" >"$T/sent"
n=$(wc -l <"$T/sent")
check "sentences: several per article" [ "$n" -ge 8 ]
check "sentences: first ends at its full stop" \
	grep -q '^نظم جهاز المخابرات.*نورديك مونيتور السويدى\.$' "$T/sent"
out=$(printf 'بلغ المؤشر 16.22 نقطة. ثم تراجع.\n' | "$ISNAD" sentences)
check "sentences: no split in 16.22" [ "$(echo "$out" | wc -l)" -eq 2 ]

# ---- the main job ---------------------------------------------------------------
"$ISNAD" "$SHARED/seeds" >"$T/an" 2>&1
check "analyze over the seeds" grep -q "documents" "$T/an"
check "analyze finds numbers" grep -q "«2014»=2014" "$T/an"
(cd "$T" && "$OLDPWD/$ISNAD" >"$T/an2" 2>&1) || (cd "$T" && "$ISNAD" >"$T/an2" 2>&1)
check "analyze with no input runs on the built-in sample" grep -q "1 document" "$T/an2"

# ---- bad input: each reported by name, others still processed --------------------
head -c 3000 /dev/urandom >"$T/binary.bin"
printf 'نص \377\376 سليم\n' >"$T/invalid.txt"
printf 'نص\000 فيه\000 صفر ولكنه نص طويل بما يكفي ليكون نصا\n' >"$T/nul.txt"
printf 'قال الوزير\n' >"$T/good.txt"
"$ISNAD" tokenize "$T/missing.txt" "$T/binary.bin" "$T/invalid.txt" \
	"$T/nul.txt" "$T/good.txt" >"$T/out" 2>"$T/err"
check "bad inputs: exit 1" [ $? -eq 1 ]
check "missing file named" grep -q "missing.txt" "$T/err"
check "binary file named" grep -q "binary.bin.*binary" "$T/err"
check "invalid UTF-8 named" grep -q "invalid.txt.*invalid" "$T/err"
check "NUL bytes named" grep -q "nul.txt.*NUL" "$T/err"
check "good file still tokenized" grep -q "وزير" "$T/out"
check "invalid file still tokenized" grep -q "سليم" "$T/out"
: >"$T/empty.txt"
"$ISNAD" tokenize "$T/empty.txt" >"$T/out" 2>&1
check "empty file is fine" [ $? -eq 0 ]

# folder input, read recursively; glob input
mkdir -p "$T/dir/sub"
cp "$T/good.txt" "$T/dir/sub/a.txt"
cp "$T/good.txt" "$T/dir/b.txt"
n=$("$ISNAD" tokenize "$T/dir" | grep -c "وزير")
check "folder read recursively" [ "$n" -eq 2 ]
n=$("$ISNAD" tokenize "$T/dir/*.txt" | grep -c "وزير")
check "glob input" [ "$n" -eq 1 ]

# a huge single line in bounded memory (smaller under sanitizers)
MB=${HUGE_MB:-100}
python3 - "$T/huge.txt" "$MB" <<'EOF'
import sys
word = "والاستخبارات لمقاتلي ٣٫٥ "
n = int(sys.argv[2]) * 1024 * 1024
with open(sys.argv[1], 'w') as f:
    chunk = word * 4096
    w = 0
    while w < n:
        f.write(chunk)
        w += len(chunk.encode())
EOF
python3 - "$ISNAD" "$T/huge.txt" "${RSS_LIMIT_MB:-400}" <<'EOF'
import resource, subprocess, sys
r = subprocess.run([sys.argv[1], "tokenize", sys.argv[2]],
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
assert r.returncode == 0, r.stderr[-500:]
lines = r.stdout.count(b"\n")
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print("huge line: %d tokens, peak RSS %.0f MB" % (lines, rss))
assert lines > 1000000
assert rss < float(sys.argv[3]), rss
EOF
check "100 MB single line: bounded memory" [ $? -eq 0 ]

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
