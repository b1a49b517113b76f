#!/bin/sh
# tabletop@.service under a real systemd: a Debian root (debootstrap) gets the .deb, boots systemd
# as PID 1 of its own PID and mount namespaces (this machine's PID 1 is not systemd), and serves an
# exercise as tabletop@drill with the unit's whole hardening. A facilitator starts it and moves the
# clock; `systemctl restart` and a SIGKILL (Restart=on-failure) both bring it back paused where it
# was, with the same join codes. Slow and needs the network: only with --suite service.
. "$SRCDIR/tests/cli/tap.sh"
for tool in debootstrap unshare nsenter nc dpkg-deb; do
	command -v "$tool" >/dev/null || { echo "1..0 # SKIP no $tool"; exit 0; }
done
[ "$(id -u)" -eq 0 ] || { echo "1..0 # SKIP needs root (debootstrap, namespaces)"; exit 0; }
work=$(mktemp -d /var/tmp/tabletop-service-XXXXXX)
root=$work/root
port=$((20000 + $$ % 20000))
init=""
# cleanup: end the namespace's systemd (and so everything in it), then the files.
cleanup() {
	[ -z "$init" ] || kill -9 "$init" 2>/dev/null
	sleep 0.2 # the namespace's mounts go with its last process
	rm -rf "$work"
}
trap cleanup EXIT

"$SRCDIR/scripts/package" "$work/out" >"$work/package.log" 2>&1 || {
	tail -20 "$work/package.log"
	exit 1
}
deb=$(ls "$work"/out/tabletop_*.deb)
# The packages the .deb depends on, without their versions.
deps=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/[(|].*//; s/ //g' | grep . | paste -sd,)
tap_ok "debootstrap makes a Debian root with systemd" \
	sh -c "debootstrap --variant=minbase --include=systemd,systemd-sysv,$deps bookworm \
		'$root' http://deb.debian.org/debian >'$work/debootstrap.log' 2>&1"
cp "$deb" "$root/tmp/"
tap_ok "dpkg installs the .deb in it" \
	sh -c "chroot '$root' dpkg -i /tmp/$(basename "$deb") >'$work/dpkg.log' 2>&1"
cat >"$root/etc/tabletop/drill.conf" <<EOF
SCENARIO=balkansecure
LISTEN=127.0.0.1:$port
OPTIONS=--http 127.0.0.1:$((port + 1))
EOF
chroot "$root" systemctl enable tabletop@drill >/dev/null 2>&1

# The root becomes / of new PID and mount namespaces, with systemd as their PID 1.
cat >"$work/boot.sh" <<EOF
set -e
mount --make-rprivate /
mount --bind '$root' '$root'
mount -t proc proc '$root/proc'
mount --rbind /sys '$root/sys'
mount --rbind /dev '$root/dev'
mount -t tmpfs tmpfs '$root/run'
mount -t tmpfs tmpfs '$root/tmp'
cd '$root'
mkdir -p old
pivot_root . old
umount -l /old
export container=other
exec /lib/systemd/systemd --system
EOF
unshare --pid --fork --mount --uts --ipc sh "$work/boot.sh" >"$work/boot.log" 2>&1 &
ns=$!
# in_ns CMD...: run CMD inside, as root of the booted system.
in_ns() { nsenter -t "$init" -m -p -r -w "$@"; }
# await WHAT CMD...: retry CMD (up to 30 s) until it succeeds.
await() {
	what=$1
	shift
	for _ in $(seq 300); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	echo "# timed out waiting for $what" >&2
	return 1
}
await "systemd to start" sh -c "pgrep -P $ns -f '^/lib/systemd/systemd --system'"
init=$(pgrep -P "$ns" -f '^/lib/systemd/systemd --system')
tap_ok "systemd runs as PID 1 of the namespace" \
	await "the system to boot" sh -c "nsenter -t $init -m -p -r -w systemctl is-system-running |
		grep -qE 'running|degraded'"
tap_ok "tabletop@drill is active" await "the service" in_ns systemctl is-active tabletop@drill
# say LINES: send lines to the exercise as one client; its output in $work/said.
say() { printf '%b' "$1" | nc -N 127.0.0.1 "$port" >"$work/said" 2>&1; }
await "the port" nc -z 127.0.0.1 "$port"
code=$(in_ns journalctl --no-pager -u tabletop@drill | sed -n 's/.*login facilitator \([^ ]*\)$/\1/p' |
	tail -1)
tap_ok "the journal shows the join codes" test -n "$code"
say "login facilitator $code Ana\nstart\nadvance 30m\nstatus\n"
tap_ok "a facilitator starts the exercise and moves the clock" \
	grep -q "running at T+00:30:00" "$work/said"
tap_ok "the web console answers" \
	sh -c "printf 'GET / HTTP/1.0\r\n\r\n' | nc -N 127.0.0.1 $((port + 1)) | head -1 | grep -q ' 200 '"
tap_ok "systemd-analyze security rates it 2.0 or better" \
	sh -c "nsenter -t $init -m -p -r -w systemd-analyze security tabletop@drill.service |
		awk '/Overall exposure/ { exit !(\$(NF-2) <= 2.0) }'"

# resumed: the exercise answers with the same code, paused where it was.
resumed() {
	await "the port" nc -z 127.0.0.1 "$port" &&
		say "login facilitator $code Ana\nstatus\n" &&
		grep -q "paused at T+00:30:00" "$work/said"
}
pid=$(in_ns systemctl show -p MainPID --value tabletop@drill)
in_ns systemctl restart tabletop@drill
tap_ok "systemctl restart resumes it, paused at T+00:30:00, same codes" resumed
tap_ok "with a new process" test "$(in_ns systemctl show -p MainPID --value tabletop@drill)" != "$pid"
in_ns systemctl kill -s KILL tabletop@drill
tap_ok "after a SIGKILL systemd restarts it" \
	await "the restart" sh -c "nsenter -t $init -m -p -r -w journalctl --no-pager -u tabletop@drill |
		grep -q 'Scheduled restart job'"
tap_ok "and it resumes again, paused at T+00:30:00" resumed
tap_ok "its state lives in the dynamic user's state directory" \
	test -s "$root/var/lib/private/tabletop/drill/journal.jsonl"
tap_done
