#!/bin/sh
# Every scenario in scenarios/ passes check, simulate runs it to ENDEX under every policy, and
# 200 random runs reach every inject and option but the manual ones.
. "$(dirname "$0")/tap.sh"
T=$TABLETOP
out=$(mktemp)
trap 'rm -f "$out"' EXIT

for f in "$SCENARIOS"/*.lua; do
	name=$(basename "$f")
	tap_ok "$name: check is clean" sh -c "'$T' check '$f' >'$out' 2>&1 && ! test -s '$out'"
	for p in first random default none; do
		tap_ok "$name: simulate --policy $p reaches ENDEX" \
			sh -c "'$T' simulate '$f' --policy $p >'$out' 2>&1 && grep -q ENDEX '$out' && grep -q 'script errors: 0' '$out'"
	done
	tap_ok "$name: 200 random runs reach every inject and option, with no script errors" \
		sh -c "'$T' simulate '$f' --runs 200 --policy random --strict >'$out' 2>&1 && grep -q 'script errors: 0' '$out'"
done
tap_done
