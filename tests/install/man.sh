#!/bin/sh
# tabletop(1) keeps in step with the binary: every subcommand and every option that the binary's
# own help lists (`tabletop --help`, `tabletop COMMAND --help`) is in the man page.
. "$SRCDIR/tests/cli/tap.sh"
T=$TABLETOP
page=$SRCDIR/dist/man/tabletop.1.scd
built=$BUILDDIR/dist/tabletop.1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$T" --help >"$work/help"
sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' "$work/help" >"$work/commands"
tap_ok "the binary's help lists its commands" test -s "$work/commands"
tap_ok "the man page was built" test -s "$built"
# options FILE: the options that a help text names ("--listen", "-o"), one a line.
options() {
	grep -oE -- '(^|[][ |(])--?[a-zA-Z][a-zA-Z0-9-]*' "$1" | sed 's/^[][ |(]//' | sort -u
}
options "$work/help" >"$work/options"
for opt in $(cat "$work/options"); do
	tap_ok "tabletop(1) has $opt" grep -qF -- "*$opt*" "$page"
done
for cmd in $(cat "$work/commands"); do
	tap_ok "tabletop(1) has the command $cmd" grep -q "^\*$cmd\*" "$page"
	tap_ok "the built page has the command $cmd" grep -qF -- "$cmd" "$built"
	"$T" "$cmd" --help >"$work/$cmd.help" 2>&1
	for opt in $(options "$work/$cmd.help"); do
		tap_ok "tabletop(1) has $cmd's option $opt" grep -qF -- "*$opt*" "$page"
		tap_ok "the built page has $cmd's option $opt" grep -qF -- "$opt" "$built"
	done
done
for sec in "tabletop-scenario.5" "tabletop-protocol.7"; do
	tap_ok "$sec was built" grep -q '^\.TH' "$BUILDDIR/dist/$sec"
done
tap_ok "man renders tabletop(1) without warnings" \
	sh -c "MANWIDTH=80 man --warnings -l '$built' 2>'$work/warn' >/dev/null && ! test -s '$work/warn'"
tap_done
