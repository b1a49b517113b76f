#!/bin/bash
# bash completion: subcommands, options (read from the binary's help), option values, scenario
# files and shipped scenario names.
. "$SRCDIR/tests/cli/tap.sh"
. "$SRCDIR/dist/bash-completion/tabletop"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
mkdir drills
touch a.lua notes.txt msel.csv drill.jsonl drills/b.lua

# complete WORD...: the completions of the last word after tabletop WORD..., one a line.
complete() {
	COMP_WORDS=("$TABLETOP" "$@")
	COMP_CWORD=$#
	COMPREPLY=()
	_tabletop 2>/dev/null
	: >"$work/out"
	[ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}" | sort >"$work/out"
}
# offers WORD...: the last completion offers each WORD.
offers() { for w; do grep -qxF -- "$w" "$work/out" || return 1; done; }
# offers_not WORD...: it offers none of them.
offers_not() { for w; do ! grep -qxF -- "$w" "$work/out" || return 1; done; }

complete ""
tap_ok "the subcommands" offers run check simulate report import scenarios --help --version
complete si
tap_ok "a subcommand from its start" offers simulate
tap_ok "and only the ones that match" offers_not run check
complete run --li
tap_ok "run's options" offers --listen
complete run x.lua --
tap_ok "all of them, from run --help" offers --listen --tls-listen --journal --resume --secrets --no-console
complete simulate x.lua --
tap_ok "simulate's options" offers --seed --policy --runs --strict --journal
complete simulate x.lua --policy ""
tap_ok "the values of --policy" offers first random default none
complete report j.jsonl --format ""
tap_ok "the values of --format" offers text md html json
complete run x.lua --listen ""
tap_ok "nothing for a value such as ADDR:PORT" test ! -s "$work/out"
complete run bal
tap_ok "a shipped scenario's name" offers balkansecure
complete check ""
tap_ok "scenario files and directories, and shipped names" offers a.lua drills tutorial
tap_ok "not other files" offers_not notes.txt msel.csv
complete check drills/
tap_ok "files in a directory" offers drills/b.lua
complete import ""
tap_ok "import: CSV files" offers msel.csv
tap_ok "not scenarios" offers_not a.lua
complete report ""
tap_ok "report: journals" offers drill.jsonl
complete run x.lua --journal ""
tap_ok "--journal: any file" offers drill.jsonl notes.txt
tap_done
