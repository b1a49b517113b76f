#!/bin/sh
# A person at Debian's telnet, in tmux: types half a line, a burst of injects arrives, finishes the
# line; the screen shows the whole line once and the server received it whole. Then history, Tab
# completion and a decision. The facilitator is nc in a second tmux window (line mode, unchanged).
. "$SRCDIR/tests/cli/tap.sh"
if ! command -v tmux >/dev/null || ! command -v telnet >/dev/null || ! command -v nc >/dev/null; then
	echo "1..0 # SKIP tmux, telnet or nc is missing (scripts/setup installs them)"
	exit 0
fi
T=$TABLETOP
F=$SRCDIR/tests/net/fixtures
dir=$(mktemp -d)
sock="tabletop-tty-$$"
echo "set -g remain-on-exit on" >"$dir/tmux.conf" # a pane stays to be read when its program ends
tm() { tmux -L "$sock" -f "$dir/tmux.conf" "$@"; }
pid=""
cleanup() {
	tm kill-server 2>/dev/null
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' HUP INT PIPE TERM # a killed test leaves no server and no tmux behind
WAIT=${TTY_WAIT:-30} # seconds to wait for a screen, at most

# screen PANE: what the pane shows now, wrapped lines joined, into $dir/PANE.
screen() { tm capture-pane -p -J -S -200 -t "$1" >"$dir/$1"; }
# wait_for PANE TEXT [COUNT]: poll the pane until TEXT shows (COUNT times), for at most $WAIT s.
wait_for() {
	want=${3:-1}
	end=$(($(date +%s) + WAIT))
	while [ "$(date +%s)" -le "$end" ]; do
		screen "$1"
		[ "$(grep -cF -- "$2" "$dir/$1")" -ge "$want" ] && return 0
		sleep 0.1
	done
	echo "# timed out waiting for '$2' in $1:" >&2
	sed 's/^/#   /' "$dir/$1" >&2
	return 1
}
# said PANE TEXT: the pane's last capture holds TEXT, even where the server wrapped it.
said() { tr '\n' ' ' <"$dir/$1" | sed 's/  */ /g' | grep -qF -- "$2"; }
# wait_said PANE TEXT: poll the pane until said TEXT, for at most $WAIT s.
wait_said() {
	end=$(($(date +%s) + WAIT))
	while [ "$(date +%s)" -le "$end" ]; do
		screen "$1"
		said "$1" "$2" && return 0
		sleep 0.1
	done
	echo "# timed out waiting for '$2' in $1" >&2
	return 1
}
# count PANE TEXT: how many lines of the pane's last capture hold TEXT.
count() { grep -cF -- "$2" "$dir/$1"; }
# keys PANE KEYS...: type into the pane (tmux key names: Enter, Left, Up, Tab, C-u).
keys() { p=$1; shift; tm send-keys -t "$p" "$@"; }

"$T" run "$F/drill.lua" --listen 127.0.0.1:0 --secrets "$F/secrets.txt" --no-console \
	>"$dir/out" 2>"$dir/err" &
pid=$!
end=$(($(date +%s) + WAIT))
while ! grep -q "^listening on" "$dir/out" && [ "$(date +%s)" -le "$end" ]; do sleep 0.1; done
port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$dir/out" | head -1)
tap_ok "the server listens" test -n "$port"

tm new-session -d -s w -n tn -x 80 -y 50 "telnet 127.0.0.1 $port"
tm new-window -d -t w -n fac "nc 127.0.0.1 $port"
P=w:tn
Q=w:fac
tap_ok "telnet shows the banner" wait_for $P "EXERCISE EXERCISE EXERCISE"
keys $Q "login facilitator white-cell-secret" Enter
tap_ok "nc logs in as facilitator" wait_for $Q "Welcome"
keys $P "login al al-secret Arbër" Enter
tap_ok "telnet logs in" wait_for $P "Welcome, Arbër"
tap_ok "the prompt comes back" wait_for $P "al> "
# The server now keeps the line: Left moves the cursor instead of showing ^[[D.
keys $P "zz" Left "y"
tap_ok "the server edits the line (Left, insert)" wait_for $P "al> zyz"
keys $P End C-u "action Drafting a press statement for the minis"
tap_ok "the half-typed line shows" wait_for $P "al> action Drafting a press statement for the minis"
keys $Q "start" Enter "fire I-02" Enter "fire I-03 al" Enter "broadcast one" Enter \
	"broadcast two" Enter "broadcast three" Enter
keys $P "t" # while the burst arrives
tap_ok "the injects arrive while the person types" wait_for $P "BROADCAST: three"
keys $P "r"
tap_ok "the half-typed line is drawn again under them" \
	wait_for $P "al> action Drafting a press statement for the ministr"
keys $P "y" Enter
tap_ok "the server received the whole line" \
	wait_said $Q "ACTION al (Arbër): Drafting a press statement for the ministry facilitator>"
wait_for $P "al> " 2 >/dev/null
tap_ok "the screen shows the line once" \
	test "$(count $P "al> action Drafting a press statement for the ministry")" -eq 1
tap_ok "and no half of it" test "$(count $P "Drafting")" -eq "$(count $P "ministry")"
keys $P Up
tap_ok "Up recalls the line" \
	wait_for $P "al> action Drafting a press statement for the ministry" 2
keys $P C-u "say ë" Left "ç" Enter
tap_ok "ë and ç are one column each" wait_said $Q "SAY al (Arbër): çë"
keys $Q "advance 10m" Enter
tap_ok "a decision is awaited" wait_for $P "decide I-01 share"
keys $P "decide I-0" Tab
tap_ok "Tab completes the inject the team can decide" wait_for $P "al> decide I-01 "
keys $P "sh" Tab Enter
tap_ok "and the option" wait_for $Q "DECISION al on I-01: share"
keys $Q "quit" Enter
keys $P "quit" Enter
tap_ok "telnet sees the connection close" wait_for $P "Connection closed"
kill "$pid" 2>/dev/null
wait "$pid"
tap_ok "the server ends cleanly" test $? -eq 0
pid=""
tap_done
