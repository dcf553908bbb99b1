# Shared by the CLI test scripts (sourced): counters and the check helper.
# check NAME COMMAND...: counts a pass if COMMAND succeeds, else prints
# "FAIL: NAME" on stderr and counts a failure.
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1))
	echo "FAIL: $*" >&2
}
check() {
	name=$1
	shift
	if "$@"; then ok; else bad "$name"; fi
}
