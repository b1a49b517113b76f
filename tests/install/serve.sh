# serve CMD...: run tabletop-service (CMD, with its environment given through env) until it says
# it listens, then stop it with SIGTERM and wait; all it printed goes to $work/serve.txt.
serve_run() {
	rm -f "$work/fifo"
	mkfifo "$work/fifo"
	"$@" >"$work/fifo" 2>&1 &
	pid=$!
	exec 3<"$work/fifo"
	: >"$work/serve.txt"
	while IFS= read -r line <&3; do
		echo "$line" >>"$work/serve.txt"
		case $line in *"listening on"*) break ;; esac
	done
	kill -TERM "$pid" 2>/dev/null
	cat <&3 >>"$work/serve.txt"
	exec 3<&-
	wait "$pid"
}
