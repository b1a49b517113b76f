#!/bin/sh
# The command line: help, version, usage errors, check's messages and exit codes.
. "$(dirname "$0")/tap.sh"
T=$TABLETOP
F=$SRCDIR/tests/cli/fixtures
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# status CODE CMD...: CMD exits with CODE (output kept in $out).
status() { want=$1; shift; "$@" >"$out" 2>&1; [ $? -eq "$want" ]; }
# has TEXT: the last output contains TEXT.
has() { grep -qF -- "$1" "$out"; }

tap_ok "--help exits 0" status 0 "$T" --help
tap_ok "--help lists every subcommand" sh -c "has() { grep -qF \"\$1\" '$out'; }; has run && has check && has simulate && has report && has import"
tap_ok "--version exits 0" status 0 "$T" --version
tap_ok "--version prints the version" has "tabletop 0."
tap_ok "no arguments is a usage error" status 2 "$T"
tap_ok "an unknown command is a usage error" status 2 "$T" frobnicate
tap_ok "it names the unknown command" has "unknown command 'frobnicate'"
for c in run check simulate report import; do
	tap_ok "$c --help exits 0" status 0 "$T" $c --help
	tap_ok "$c --help shows its usage" has "usage: tabletop $c"
	tap_ok "help $c exits 0" status 0 "$T" help $c
	tap_ok "help $c shows its usage" has "usage: tabletop $c"
done
tap_ok "help run shows run's options" sh -c "'$T' help run | grep -q -- '--journal FILE'"
tap_ok "help of an unknown command is a usage error" status 2 "$T" help frobnicate
tap_ok "check without a file is a usage error" status 2 "$T" check
tap_ok "check with an unknown flag is a usage error" status 2 "$T" check --frob x.lua
tap_ok "check of a clean scenario exits 0" status 0 "$T" check "$F/random.lua"
tap_ok "and prints nothing" test ! -s "$out"
tap_ok "check of a bad scenario exits 1" status 1 "$T" check "$F/bad.lua"
for line in 4 5 6 7 8 12; do
	tap_ok "check reports the problem at bad.lua:$line" has "bad.lua:$line: "
done
tap_ok "check of a missing file exits 1" status 1 "$T" check "$F/no-such-file.lua"
tap_ok "and names the file" has "no-such-file.lua"
tap_ok "simulate without a file is a usage error" status 2 "$T" simulate
tap_ok "simulate --policy must be known" status 2 "$T" simulate "$F/random.lua" --policy clever
tap_ok "simulate --seed must be a number" status 2 "$T" simulate "$F/random.lua" --seed 12abc
tap_ok "simulate --runs must be positive" status 2 "$T" simulate "$F/random.lua" --runs 0
tap_ok "simulate of a bad scenario exits 1" status 1 "$T" simulate "$F/bad.lua"
tap_ok "simulate --strict exits 1 when an inject is never fired" \
	status 1 "$T" simulate "$F/gap.lua" --runs 5 --strict
tap_ok "and names it with its line" has "gap.lua:5: inject I-2 was never fired"
tap_ok "a manual inject is no gap, but is listed" has "manual, fired only by the white cell: I-3"
tap_ok "without --strict a gap is only reported" status 0 "$T" simulate "$F/gap.lua" --runs 5
tap_ok "simulate prints no progress bar when not on a terminal" \
	sh -c "'$T' simulate '$F/random.lua' --runs 5 2>&1 >/dev/null | grep -q '#' && exit 1 || exit 0"
tap_done
