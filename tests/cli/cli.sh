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
for c in run check simulate report import; do
	tap_ok "help $c shows the same usage as $c --help" sh -c "'$T' help $c >'$out.1' && '$T' $c --help >'$out.2' && cmp -s '$out.1' '$out.2' && grep -qF 'usage: tabletop $c' '$out.1'"
	tap_ok "help $c fits 80 columns" sh -c "'$T' help $c | awk 'length > 80 { bad = 1 } END { exit bad }'"
done
rm -f "$out.1" "$out.2"
tap_ok "help run lists run's options" sh -c "'$T' help run | grep -qF -- '--journal FILE' && '$T' help run | grep -qF -- '--listen ADDR:PORT'"
tap_ok "help of an unknown command is a usage error" status 2 "$T" help frobnicate
tap_ok "simulate takes --seed=N as run does" status 0 "$T" simulate "$F/random.lua" --seed=5
tap_ok "run and simulate read --seed the same way" sh -c "'$T' simulate '$F/random.lua' --seed 5 >'$out.a' 2>&1; '$T' simulate '$F/random.lua' --seed=5 >'$out.b' 2>&1; cmp -s '$out.a' '$out.b'; r=\$?; rm -f '$out.a' '$out.b'; exit \$r"
tap_ok "a misspelt option is a usage error" status 2 "$T" simulate "$F/random.lua" --sede 5
tap_ok "that suggests the right one" has "did you mean '--seed'?"
for cmd in simulate check; do
	tap_ok "$cmd with a one-dash option (-seed) is a usage error, not a crash" \
		status 2 "$T" $cmd -seed 1 "$F/random.lua"
done
tap_ok "report too" status 2 "$T" report -format md "$F/random.lua"
tap_ok "run suggests too" status 2 "$T" run "$F/random.lua" --autstart
tap_ok "naming --autostart" has "did you mean '--autostart'?"
tap_ok "check without a file is a usage error" status 2 "$T" check
tap_ok "check with an unknown flag is a usage error" status 2 "$T" check --frob x.lua
tap_ok "check of a clean scenario exits 0" status 0 "$T" check "$F/random.lua"
tap_ok "and prints nothing" test ! -s "$out"
tap_ok "check of a bad scenario exits 1" status 1 "$T" check "$F/bad.lua"
for line in 4 5 6 7 10; do
	tap_ok "check reports the problem at bad.lua:$line" has "bad.lua:$line: "
done
tap_ok "an inject nothing fires is no problem (bad.lua:12)" sh -c "! grep -q 'bad.lua:12:' '$out'"
tap_ok "check of white-cell injects exits 0" status 0 "$T" check "$F/whitecell.lua"
tap_ok "simulate of white-cell injects exits 0" status 0 "$T" simulate "$F/whitecell.lua"
tap_ok "and fires the ids built in a loop" sh -c "grep -q 'inject L-2 -> a' '$out'"
tap_ok "simulate --runs of white-cell injects exits 0" status 0 "$T" simulate "$F/whitecell.lua" --runs 3
tap_ok "and lists the never-fired reserve apart, with its line" has "whitecell.lua:6: inject W-1 was never fired (it has no 'at'"
tap_ok "simulate --runs plays the random policy by default" has "runs, seeds 1..3, policy random"
tap_ok "one simulate run plays first by default" status 0 "$T" simulate "$F/random.lua"
tap_ok "and says so" has "policy first"
tap_ok "--policy still wins over --runs" status 0 "$T" simulate "$F/random.lua" --runs 2 --policy default
tap_ok "and says so" has "policy default"
tap_ok "check of a missing file exits 1" status 1 "$T" check "$F/no-such-file.lua"
tap_ok "and names the file" has "no-such-file.lua"
tap_ok "check of an author's first draft exits 1" status 1 "$T" check "$F/firsthour.lua"
tap_ok "and reports all nine problems in one pass" sh -c "test \$(grep -c 'firsthour.lua:' '$out') -eq 9"
tap_ok "a misspelt on() event does not stop it, and gets a hint" \
	has "firsthour.lua:10: on: unknown event 'decison' (did you mean 'decision'?)"
tap_ok "an in-world time in at: at its field's line, with the offset meant" \
	has "firsthour.lua:14: inject I-01: at 9h5m is after the end of the exercise (duration 2h): 'at' counts from STARTEX, not the in-world clock: for 09:05 (the exercise starts at 09:00) write at = \"0:05\""
tap_ok "to = \"hosp, cert\": the list it means" \
	has "firsthour.lua:15: inject I-01: 'to' names unknown team 'hosp, cert' (teams: hosp, cert); several teams are a list: to = { \"hosp\", \"cert\" }"
tap_ok "options written as a map: the list it means" \
	has "firsthour.lua:22: inject I-01: decision.options must be a list, not a table of keys: write options = { {\"isolate\", \"Take it offline\"}, {\"share\", \"Alert the CERT\"} }"
tap_ok "deadline = \"15 min\": the time it means" \
	has "firsthour.lua:23: inject I-01: bad time '15 min' for decision.deadline: write \"15m\""
tap_ok "an at that is not a whole number of ticks is no longer rounded silently" \
	has "firsthour.lua:26: inject I-02: at 90s is not a whole number of ticks (tick 1m): the clock would fire it at 2m; write 1m or 2m"
tap_ok "a bad time in at() does not stop it" has "firsthour.lua:27: at: bad time '0:7'"
tap_ok "nor does fire() before STARTEX" has "firsthour.lua:28: fire() is only allowed once the exercise runs"
tap_ok "a field after a comment that looks like one is found" \
	has "firsthour.lua:30: inject I-03: 'from' must be a string, not a number"
tap_ok "run refuses it with the same problems" status 1 "$T" run "$F/firsthour.lua" --listen 127.0.0.1:0
tap_ok "and says so at the field's line" has "firsthour.lua:23: inject I-01: bad time '15 min'"
tap_ok "simulate too" status 1 "$T" simulate "$F/firsthour.lua"
tap_ok "and says so at the field's line" has "firsthour.lua:26: inject I-02: at 90s is not a whole number of ticks"
tap_ok "check of a scenario with a short secret exits 0" status 0 "$T" check "$F/secrets.lua"
tap_ok "and warns about it at its line" \
	has "secrets.lua:4: warning: team a: 'secret' is only 2 characters long, a few guesses away: use 8 or more"
tap_ok "but not about secrets of 8 characters or more" sh -c "test \$(wc -l <'$out') -eq 1"
tap_ok "check plays the scenario and fails on a run-time script error" status 1 "$T" check "$F/typo.lua"
tap_ok "and reports it at its line" has "typo.lua:8: fire: unknown inject 'B-0a' (script error in a headless run"
tap_ok "check --runs 0 only loads it" status 0 "$T" check --runs 0 "$F/typo.lua"
tap_ok "check --runs must be a number" status 2 "$T" check --runs x "$F/typo.lua"
tap_ok "check stops a runaway send loop at the byte cap" status 1 "$T" check "$F/runaway.lua"
tap_ok "and names its line and the cap" has "runaway.lua:4: stopped: this callback reached its cap of 512 KiB of text (--callback-bytes)"
tap_ok "and the loop behind an action too" has "runaway.lua:6: stopped: this callback reached its cap of 1000 events (--callback-events)"
tap_ok "check --callback-events sets the event cap" status 1 "$T" check --callback-events 10 "$F/runaway.lua"
tap_ok "and the message names it" has "runaway.lua:6: stopped: this callback reached its cap of 10 events"
tap_ok "check --callback-bytes must be a number" status 2 "$T" check --callback-bytes lots "$F/runaway.lua"
j=$(mktemp -u)
tap_ok "simulate obeys the caps and goes on to ENDEX" status 0 "$T" simulate "$F/runaway.lua" --journal "$j"
tap_ok "and counts the stopped callback as a script error" has "script errors: 1"
tap_ok "and its journal holds what the cap allows, not gigabytes" \
	sh -c "test \$(wc -c <'$j') -lt 5000000 && test \$(grep -c '\"type\":\"inject\"' '$j') -le 1000"
rm -f "$j"
tap_ok "simulate --callback-events sets the event cap" status 0 "$T" simulate "$F/runaway.lua" --callback-events 5 --callback-bytes 1073741824
tap_ok "and the timeline shows the script error at its line" has "script error: $F/runaway.lua:4: stopped: this callback reached its cap of 5 events"
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
