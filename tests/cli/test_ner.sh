#!/bin/sh
# eval-ner and train-ner on CoNLL files: the score lines, the --output
# format (token, gold, predicted; a blank line between sentences), bad
# models and misuse.  Ends with "ner: N passed, N failed".
ISNAD=${ISNAD:-build/release/isnad}
SHARED=${SHARED:-../shared}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"

# A small file of our own, and a slice of ANERcorp dev when it is there.
printf 'قال\tO\nالرئيس\tO\nباراك\tB-PER\nأوباما\tI-PER\nفي\tO\nواشنطن\tB-LOC\n.\tO\n\nوزار\tO\nالعراق\tB-LOC\n.\tO\n' >"$T/own.conll"
dev="$SHARED/data/ner/anercorp/dev.conll"
if [ -f "$dev" ]; then
	awk 'BEGIN { n = 0 } /^$/ { n++ } n < 60 { print }' "$dev" >"$T/slice.conll"
else
	cp "$T/own.conll" "$T/slice.conll"
fi

"$ISNAD" eval-ner --output "$T/out.tsv" "$T/slice.conll" >"$T/score" 2>"$T/err"
check "eval-ner exits 0" [ $? -eq 0 ]
check "last line: overall precision P recall R f1 F" \
	sh -c "tail -n 1 '$T/score' | grep -Eq '^overall precision [0-9]+\.[0-9]+ recall [0-9]+\.[0-9]+ f1 [0-9]+\.[0-9]+$'"
for ty in PER ORG LOC MISC; do
	check "per-type line $ty" grep -Eq "^$ty precision [0-9.]+ recall [0-9.]+ f1 [0-9.]+" "$T/score"
done
words=$(grep -c . "$T/slice.conll")
sents=$(awk 'BEGIN { n = 0; prev = "" } /^$/ && prev != "" { n++ } { prev = $0 } END { if (prev != "") n++; print n }' "$T/slice.conll")
check "--output: one line per token" [ "$(grep -c . "$T/out.tsv")" -eq "$words" ]
check "--output: a blank line per sentence" [ "$(grep -c '^$' "$T/out.tsv")" -eq "$sents" ]
check "--output: token TAB gold TAB predicted" \
	awk -F '\t' 'NF == 0 { next } NF != 3 || $2 !~ /^(O|[BI]-(PER|ORG|LOC|MISC))$/ || $3 !~ /^(O|[BI]-(PER|ORG|LOC|MISC))$/ { exit 1 }' "$T/out.tsv"
grep . "$T/slice.conll" | cut -f1 >"$T/tokens"
cut -f1 "$T/out.tsv" | grep . >"$T/out.tokens"
check "--output: tokens as given" cmp -s "$T/tokens" "$T/out.tokens"
if [ -f "$dev" ]; then
	f1=$(tail -n 1 "$T/score" | awk '{ print $NF }')
	check "slice of ANERcorp dev: f1 $f1 >= 50" awk -v f="$f1" 'BEGIN { exit !(f >= 50) }'
fi

"$ISNAD" eval-ner "$T/own.conll" >"$T/own.score"
check "own sentences: gold 3 entities" grep -q "with 3 phrases" "$T/own.score"

# bad model files: clear errors, exit 1
printf 'ISNADNER\002\000\000\000' >"$T/v2.model"
"$ISNAD" eval-ner --model "$T/v2.model" "$T/own.conll" >/dev/null 2>"$T/err"
check "other version: exit 1" [ $? -eq 1 ]
check "other version: says so" grep -q "version 2" "$T/err"
printf 'ISNADNER\001\000\000\000\011\000' >"$T/short.model"
"$ISNAD" eval-ner --model "$T/short.model" "$T/own.conll" >/dev/null 2>"$T/err"
check "truncated model: exit 1" [ $? -eq 1 ]
check "truncated model: says so" grep -q "truncated" "$T/err"
"$ISNAD" eval-ner --model "$T/missing.model" "$T/own.conll" >/dev/null 2>"$T/err"
check "missing model: exit 1" [ $? -eq 1 ]
"$ISNAD" eval-ner "$T/nope.conll" >/dev/null 2>"$T/err"
check "missing input: exit 1" [ $? -eq 1 ]
check "missing input named" grep -q "nope.conll" "$T/err"
"$ISNAD" eval-ner >/dev/null 2>&1
check "no file: exit 2" [ $? -eq 2 ]
"$ISNAD" eval-ner --bogus "$T/own.conll" >/dev/null 2>&1
check "unknown option: exit 2" [ $? -eq 2 ]
"$ISNAD" eval-ner --help | grep -q "usage: isnad eval-ner"
check "eval-ner --help" [ $? -eq 0 ]
"$ISNAD" train-ner --help | grep -q "usage: isnad train-ner"
check "train-ner --help" [ $? -eq 0 ]

# train a tiny model and evaluate with it
"$ISNAD" train-ner --no-gazetteers --epochs 60 --out "$T/tiny.model" "$T/own.conll" >"$T/train.out" 2>/dev/null
check "train-ner exits 0" [ $? -eq 0 ]
check "train-ner reports the file" grep -q "wrote $T/tiny.model" "$T/train.out"
"$ISNAD" eval-ner --model "$T/tiny.model" "$T/own.conll" >"$T/tiny.score"
check "tiny model learns its data" grep -q "^overall precision 100.00 recall 100.00 f1 100.00$" "$T/tiny.score"
cat "$T/own.conll" | "$ISNAD" eval-ner --model "$T/tiny.model" - >"$T/stdin.score"
check "eval-ner reads -" sh -c "grep -v tokens/s '$T/tiny.score' >'$T/a'; grep -v tokens/s '$T/stdin.score' >'$T/b'; cmp -s '$T/a' '$T/b'"

# word dropout: the option changes training, still learns the data, and
# refuses a chance outside 0..0.9
"$ISNAD" train-ner --no-gazetteers --epochs 60 --word-dropout 0.3 --out "$T/drop.model" "$T/own.conll" >/dev/null 2>&1
check "train-ner --word-dropout exits 0" [ $? -eq 0 ]
check "word dropout trains another model" sh -c "! cmp -s '$T/tiny.model' '$T/drop.model'"
"$ISNAD" eval-ner --model "$T/drop.model" "$T/own.conll" >"$T/drop.score"
check "dropout model learns its data" grep -q "^overall precision 100.00 recall 100.00 f1 100.00$" "$T/drop.score"
"$ISNAD" train-ner --word-dropout 1.5 "$T/own.conll" >/dev/null 2>"$T/err"
check "bad --word-dropout: exit 2" [ $? -eq 2 ]
check "bad --word-dropout named" grep -q "word-dropout" "$T/err"

echo "ner: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
