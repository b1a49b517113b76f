#!/bin/sh
# The .deb: scripts/package builds it (lintian accepts it), dpkg installs it into an empty root,
# and the installed tabletop, run in that root (chroot), finds its shipped scenarios and library;
# the installed tabletop-service starts an exercise, then resumes it from its journal.
. "$SRCDIR/tests/cli/tap.sh"
. "$SRCDIR/tests/install/serve.sh"
work=$(mktemp -d)
root=$work/root
trap 'rm -rf "$work"' EXIT
if [ "$(id -u)" -ne 0 ]; then
	echo "1..0 # SKIP dpkg --root and chroot need root"
	exit 0
fi

tap_ok "scripts/package builds a .deb that lintian accepts" \
	sh -c "'$SRCDIR/scripts/package' '$work/out' >'$work/package.log' 2>&1"
deb=$(ls "$work"/out/tabletop_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { cat "$work/package.log"; tap_done; exit 1; }
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/tmp"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
tap_ok "dpkg installs it into an empty root" \
	sh -c "dpkg --root='$root' --force-depends -i '$deb' >'$work/dpkg.log' 2>&1"
tap_ok "dpkg lists it as installed" \
	sh -c "dpkg --root='$root' -s tabletop 2>/dev/null | grep -q '^Status: install ok installed'"
for f in usr/bin/tabletop usr/share/tabletop/scenarios/balkansecure.lua \
	usr/share/tabletop/scenarios/lib/media.lua usr/share/man/man1/tabletop.1.gz \
	usr/share/man/man5/tabletop-scenario.5.gz usr/share/man/man7/tabletop-protocol.7.gz \
	usr/share/doc/tabletop/README.md usr/share/bash-completion/completions/tabletop \
	lib/systemd/system/tabletop@.service usr/libexec/tabletop/tabletop-service; do
	tap_ok "it installs /$f" test -e "$root/$f"
done
tap_ok "/etc/tabletop/private is root's only" test "$(stat -c %a "$root/etc/tabletop/private")" = 700

# The root gets the C library and the libraries tabletop links, and a shell for the wrapper.
for exe in "$root/usr/bin/tabletop" /bin/sh; do
	ldd "$exe" | grep -oE '/[^ ]+' | while read -r lib; do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
done
mkdir -p "$root/bin"
cp -L /bin/sh "$root/bin/sh"
# in_root CMD...: run CMD in the root, output in $work/out.txt.
in_root() { chroot "$root" "$@" >"$work/out.txt" 2>&1; }
tap_ok "the installed tabletop runs in that root" in_root /usr/bin/tabletop --version
tap_ok "tabletop check passes an installed scenario" \
	in_root /usr/bin/tabletop check /usr/share/tabletop/scenarios/balkansecure.lua
tap_ok "and finds it by name (its modules from the installed lib)" \
	in_root /usr/bin/tabletop check balkansecure
tap_ok "tabletop scenarios lists the installed scenarios" in_root /usr/bin/tabletop scenarios
tap_ok "with their titles" grep -q "^tutorial  *2h  *Tutorial" "$work/out.txt"
tap_ok "from /usr/share/tabletop/scenarios" \
	sh -c "chroot '$root' /usr/bin/tabletop scenarios --help | grep -q /usr/share/tabletop/scenarios"
tap_ok "simulate plays one by name" in_root /usr/bin/tabletop simulate cyber-atlantic

# serve: start the installed wrapper in the root as the unit would; wait for its port, stop it.
serve() {
	serve_run env STATE_DIRECTORY=/var/lib/tabletop/drill SCENARIO=tutorial LISTEN=127.0.0.1:0 \
		chroot "$root" /usr/libexec/tabletop/tabletop-service drill
}
mkdir -p "$root/var/lib/tabletop/drill"
tap_ok "tabletop-service starts the exercise (first start)" serve
tap_ok "it listens" grep -q "listening on 127.0.0.1:" "$work/serve.txt"
tap_ok "it starts a journal" test -s "$root/var/lib/tabletop/drill/journal.jsonl"
head -1 "$root/var/lib/tabletop/drill/journal.jsonl" >"$work/header"
tap_ok "started again, it resumes from the journal" serve
tap_ok "and says so" grep -q "resuming drill from /var/lib/tabletop/drill/journal.jsonl" \
	"$work/serve.txt"
tap_ok "the journal is the same one" \
	sh -c "test -s '$work/header' && head -1 '$root/var/lib/tabletop/drill/journal.jsonl' | cmp -s - '$work/header'"
tap_done
