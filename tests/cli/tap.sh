# A tiny TAP producer for shell tests: ok CONDITION-DESCRIPTION after running a check.
tap_n=0
tap_failed=0
# tap_ok DESC CMD...: run CMD, report ok when it succeeds.
tap_ok() {
	desc=$1; shift
	tap_n=$((tap_n + 1))
	if "$@"; then
		echo "ok $tap_n - $desc"
	else
		echo "not ok $tap_n - $desc"
		tap_failed=$((tap_failed + 1))
	fi
}
# tap_done: print the plan and exit non-zero when anything failed.
tap_done() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
# With TABLETOP_WRAPPER (e.g. valgrind), tabletop runs through it (see wrap).
if [ -n "${TABLETOP_WRAPPER:-}" ]; then
	export TABLETOP_REAL="$TABLETOP" TABLETOP_WRAPPER
	TABLETOP=$SRCDIR/tests/cli/wrap
fi
