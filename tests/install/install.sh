#!/bin/sh
# `meson install`: the layout under a DESTDIR, the installed binary's data directory, the unit
# (systemd-analyze verify and security), and tabletop-service: first start, then resume.
. "$SRCDIR/tests/cli/tap.sh"
. "$SRCDIR/tests/install/serve.sh"
work=$(mktemp -d)
D=$work/dest
trap 'rm -rf "$work"' EXIT
prefix=$(meson introspect --buildoptions "$BUILDDIR" |
	python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"][0])')

tap_ok "meson install --destdir works" \
	sh -c "meson install -C '$BUILDDIR' --destdir '$D' --no-rebuild --quiet >'$work/install.log' 2>&1"
P=$D$prefix
for f in bin/tabletop share/tabletop/scenarios/balkansecure.lua \
	share/tabletop/scenarios/lib/ladder.lua share/doc/tabletop/README.md \
	share/doc/tabletop/facilitator-guide.md share/doc/tabletop/examples/example.conf \
	share/man/man1/tabletop.1 share/man/man5/tabletop-scenario.5 \
	share/man/man7/tabletop-protocol.7 share/bash-completion/completions/tabletop \
	libexec/tabletop/tabletop-service; do
	tap_ok "it installs $f" test -f "$P/$f"
done
for f in "$SRCDIR"/scenarios/*.lua "$SRCDIR"/scenarios/lib/*.lua; do
	rel=${f#"$SRCDIR"/}
	tap_ok "it installs $rel" cmp -s "$f" "$P/share/tabletop/$rel"
done
tap_ok "the wrapper is executable" test -x "$P/libexec/tabletop/tabletop-service"
tap_ok "$prefix/etc/tabletop/private (or sysconfdir) is root's only" \
	sh -c "find '$D' -type d -path '*/tabletop/private' -perm 700 | grep -q ."
unit=$(find "$D" -name 'tabletop@.service' | head -1)
tap_ok "it installs tabletop@.service" test -n "$unit"
tap_ok "the installed binary looks in $prefix/share/tabletop/scenarios" \
	sh -c "'$P/bin/tabletop' scenarios --help | grep -qF '$prefix/share/tabletop/scenarios'"
tap_ok "and with TABLETOP_SCENARIOS and TABLETOP_LIB, checks a scenario by name" \
	env TABLETOP_SCENARIOS="$P/share/tabletop/scenarios" \
	TABLETOP_LIB="$P/share/tabletop/scenarios/lib" "$P/bin/tabletop" check balkansecure

# The unit, with its ExecStart pointing into DESTDIR so that systemd-analyze finds the wrapper.
mkdir "$work/units"
sed "s|$prefix/libexec|$P/libexec|" "$unit" >"$work/units/tabletop@.service"
tap_ok "systemd-analyze verify accepts tabletop@drill.service" \
	sh -c "MANPATH='$P/share/man' systemd-analyze verify '$work/units/tabletop@drill.service' \
		>'$work/verify.log' 2>&1 && ! test -s '$work/verify.log'"
sed 's/^/# /' "$work/verify.log"
systemd-analyze security --offline=true "$work/units/tabletop@drill.service" \
	>"$work/security.log" 2>&1
score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$work/security.log")
echo "# systemd-analyze security: exposure $score (0 best, 10 worst)"
tap_ok "systemd-analyze security rates its exposure 2.0 or better (it is $score)" \
	awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 2.0) }'
for key in DynamicUser=yes StateDirectory=tabletop/%i ProtectSystem=strict NoNewPrivileges=yes \
	SystemCallFilter=@system-service "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6"; do
	tap_ok "the unit sets $key" grep -qxF "$key" "$unit"
done

# tabletop-service as the unit runs it: $STATE_DIRECTORY, the conf's variables, credentials.
state=$work/state
creds=$work/creds
mkdir -p "$state" "$creds"
W=$P/libexec/tabletop/tabletop-service
echo "facilitator fac-secret" >"$creds/tabletop_drill.secrets"
# serve: run the wrapper until it listens, then stop it with SIGTERM; its output in serve.txt.
serve() {
	serve_run env STATE_DIRECTORY="$state" CREDENTIALS_DIRECTORY="$creds" SCENARIO=tutorial \
		LISTEN=127.0.0.1:0 OPTIONS="--speed 2 --max-conns 50" TABLETOP_PROGRAM="$TABLETOP" \
		"$W" drill
}
tap_ok "tabletop-service: the first start runs SCENARIO" serve
tap_ok "it listens where LISTEN says" grep -q "listening on 127.0.0.1:" "$work/serve.txt"
tap_ok "the facilitator's secret comes from the credentials: no join code for it" \
	sh -c "! grep -q 'login facilitator' '$work/serve.txt'"
tap_ok "the teams get join codes" grep -q "login port " "$work/serve.txt"
tap_ok "its journal is in STATE_DIRECTORY" test -s "$state/journal.jsonl"
tap_ok "OPTIONS reach tabletop run (the journal has speed 2)" grep -q '"speed":2' "$state/journal.jsonl"
head -1 "$state/journal.jsonl" >"$work/header"
tap_ok "a restart resumes the exercise from the journal" serve
tap_ok "it says so" grep -q "resuming drill from $state/journal.jsonl" "$work/serve.txt"
tap_ok "tabletop run resumed it" grep -q "^resumed from $state/journal.jsonl" "$work/serve.txt"
tap_ok "and listens again" grep -q "listening on 127.0.0.1:" "$work/serve.txt"
tap_ok "the journal goes on" sh -c "test -s '$work/header' && head -1 '$state/journal.jsonl' | cmp -s - '$work/header'"
tap_ok "without SCENARIO (and no journal) it stops with a message" \
	sh -c "STATE_DIRECTORY='$work/empty' '$W' drill >'$work/out' 2>&1; [ \$? -eq 2 ] && grep -q 'sets no SCENARIO' '$work/out'"
tap_ok "outside systemd (no STATE_DIRECTORY) it stops with a message" \
	sh -c "env -u STATE_DIRECTORY '$W' drill >'$work/out' 2>&1; [ \$? -eq 2 ] && grep -q 'STATE_DIRECTORY' '$work/out'"
tap_done
