#!/bin/sh
# Shipped scenarios: `tabletop scenarios`, and run/check/simulate finding a scenario by name.
. "$SRCDIR/tests/cli/tap.sh"
T=$TABLETOP
F=$SRCDIR/tests/install/fixtures
work=$(mktemp -d)
out=$work/out
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

# status CODE CMD...: CMD exits with CODE (output kept in $out).
status() { want=$1; shift; "$@" >"$out" 2>&1; [ $? -eq "$want" ]; }
# has TEXT: the last output contains TEXT.
has() { grep -qF -- "$1" "$out"; }

tap_ok "scenarios exits 0" status 0 "$T" scenarios
for f in "$SCENARIOS"/*.lua; do
	name=$(basename "$f" .lua)
	title=$(sed -n 's/^.*title = "\([^"]*\)".*$/\1/p' "$f" | head -1)
	tap_ok "it lists $name with its title" grep -qF -- "$title" "$out"
	tap_ok "its line starts with the name $name" grep -q "^$name " "$out"
done
tap_ok "it lists the scenarios only, not lib/" test "$(wc -l <"$out")" -eq "$(ls "$SCENARIOS"/*.lua | wc -l)"
tap_ok "with their durations" grep -q "^balkansecure  *[0-9][0-9hms]* " "$out"
tap_ok "scenarios --help names the directory" status 0 "$T" scenarios --help
tap_ok "the source tree's, for a binary in the build tree" has "$SCENARIOS"
tap_ok "scenarios with an argument is a usage error" status 2 "$T" scenarios extra

tap_ok "check finds a shipped scenario by name" status 0 "$T" check balkansecure
tap_ok "and by its file name" status 0 "$T" check tutorial.lua
tap_ok "simulate finds one by name" status 0 "$T" simulate tutorial --journal "$work/j.jsonl"
tap_ok "the journal names the shipped file" \
	grep -qF "\"scenario\":\"$SCENARIOS/tutorial.lua\"" "$work/j.jsonl"
tap_ok "an unknown name exits 1" status 1 "$T" check no-such-drill
tap_ok "and says what was looked for" has "no-such-drill: no such file, nor a shipped scenario"
tap_ok "run with an unknown name exits 1" status 1 "$T" run no-such-drill --listen 127.0.0.1:0
tap_ok "and says so" has "tabletop scenarios lists them"
cp "$F/shelf/alpha.lua" "$work/tutorial.lua"
tap_ok "a file in the current directory comes before a shipped name" \
	status 0 "$T" simulate tutorial.lua --journal "$work/k.jsonl"
tap_ok "the journal names that file" grep -qF '"scenario":"tutorial.lua"' "$work/k.jsonl"

export TABLETOP_SCENARIOS="$F/shelf"
tap_ok "TABLETOP_SCENARIOS: a scenario that does not load makes scenarios exit 1" \
	status 1 "$T" scenarios
tap_ok "the others are listed" has "alpha            1h30m   Alpha drill"
tap_ok "the bad one is named" has "shelf/broken.lua does not load"
tap_ok "files other than *.lua are left out" sh -c "! grep -q notes '$out'"
tap_ok "names are looked up there" status 0 "$T" check alpha
tap_ok "a directory that does not exist: exit 1" env TABLETOP_SCENARIOS=/nonexistent \
	sh -c "'$T' scenarios >'$out' 2>&1; [ \$? -eq 1 ]"
tap_ok "with a message" has "cannot read /nonexistent"
tap_done
