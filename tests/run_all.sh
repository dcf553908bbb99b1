#!/bin/sh
# Runs every suite (unit, CLI, fuzz-corpus replays) and ends with one line
# "N passed, N failed" summing them.  Environment: ISNAD (binary), B (build
# dir), SHARED (../shared).
B=${B:-build/release}
ISNAD=${ISNAD:-$B/isnad}
SHARED=${SHARED:-../shared}
export ISNAD SHARED
passed=0
failed=0
log=$(mktemp)

# run_suite NAME [--one] COMMAND...: --one counts the suite as one test
# (a corpus replay is one test however many files it reads)
run_suite() {
	name=$1
	shift
	one=0
	if [ "$1" = "--one" ]; then
		one=1
		shift
	fi
	"$@" >"$log" 2>&1
	rc=$?
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	p=$(echo "$line" | awk '{for (i = 2; i <= NF; i++) if ($i == "passed,") print $(i - 1)}')
	f=$(echo "$line" | awk '{for (i = 2; i <= NF; i++) if ($i ~ /^failed/) print $(i - 1)}')
	if [ -z "$line" ]; then
		p=0
		f=1
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # crashed or failed without saying so
	fi
	if [ "$one" -eq 1 ]; then
		if [ "$f" -ne 0 ]; then p=0; f=1; else p=1; fi
	fi
	if [ "$f" -ne 0 ]; then
		echo "---- $name: output"
		tail -n 60 "$log"
	fi
	echo "$name: $p passed, $f failed"
	passed=$((passed + p))
	failed=$((failed + f))
}

run_suite unit "$B/test_unit"
run_suite cli sh tests/cli/test_cli.sh
run_suite store sh tests/cli/test_store.sh
run_suite extract sh tests/cli/test_extract.sh
run_suite watch sh tests/cli/test_watch.sh
run_suite ner sh tests/cli/test_ner.sh
for r in "$B"/fuzz/replay_*; do
	[ -x "$r" ] || continue
	t=${r##*/replay_}
	[ -d "fuzz/corpus/$t" ] || continue
	run_suite "fuzz-replay-$t" --one "$r" "fuzz/corpus/$t"
done
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
