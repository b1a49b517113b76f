#!/bin/sh
# tabletop report from the outside: formats, -o, warnings, exit codes and messages.
. "$SRCDIR/tests/cli/tap.sh"
T=$TABLETOP
F=$SRCDIR/tests/report/fixtures
dir=$(mktemp -d)
out=$dir/out
trap 'rm -rf "$dir"' EXIT

# status CODE CMD...: CMD exits with CODE (stdout in $out, stderr in $out.err).
status() { want=$1; shift; "$@" >"$out" 2>"$out.err"; [ $? -eq "$want" ]; }
# has TEXT: the last stdout contains TEXT; err TEXT: the last stderr does.
has() { grep -qF -- "$1" "$out"; }
err() { grep -qF -- "$1" "$out.err"; }

tap_ok "report --help exits 0" status 0 "$T" report --help
tap_ok "and shows the usage" has "usage: tabletop report JOURNAL"
tap_ok "text is the default" status 0 "$T" report "$F/drill.jsonl"
tap_ok "text: a decision's response time" has "I-01    T+00:15:00  T+00:20:00        5m  share"
tap_ok "text: the sharing matrix" has "al          -   2   1     2"
tap_ok "text: a missed deadline" has "XK-01   T+01:00:00  T+01:30:00  disable (the default)"
tap_ok "text: an RFI's answer time" has "answered after 43m"
tap_ok "text: a note" has "mk never joined the regional call."
tap_ok "text: a hotwash answer" has "A faster legal review."
tap_ok "text: nothing on stderr" test ! -s "$out.err"
tap_ok "text: no line wider than 80 columns" \
	python3 -c "import sys; sys.exit(max(len(l.rstrip('\\n')) for l in open('$out', encoding='utf-8')) > 80)"
tap_ok "--format md" status 0 "$T" report "$F/drill.jsonl" --format md
tap_ok "md: a table" has "| I-01 | T+00:15:00 | T+00:20:00 | 5m |"
tap_ok "md: its alignment row" has "| --- | --- | --- | ---: | --- | --- |"
tap_ok "--format=html" status 0 "$T" report "$F/drill.jsonl" --format=html
tap_ok "html: an SVG timeline" has "<svg xmlns="
tap_ok "html: journal text escaped" has "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
tap_ok "html: no script element" sh -c "! grep -q '<script' '$out'"
tap_ok "html: nothing fetched" sh -c "! grep -v 'xmlns=\"http://www.w3.org/2000/svg\"' '$out' | grep -Eq 'https?://'"
tap_ok "html: marked at top and bottom" test "$(grep -c '<div class="marking">EXERCISE EXERCISE EXERCISE</div>' "$out")" -eq 2
tap_ok "html: and on every printed page, top and bottom" \
	grep -q '@top-center{content:"EXERCISE EXERCISE EXERCISE".*@bottom-center{content:"EXERCISE EXERCISE EXERCISE"' "$out"
tap_ok "html: printed pages are numbered" grep -qF 'counter(page) " of " counter(pages)' "$out"
tap_ok "--format json" status 0 "$T" report "$F/drill.jsonl" --format json
tap_ok "json: parses, with the documented numbers" python3 -c "
import json, sys
d = json.load(open('$out'))
al = d['teams'][0]
assert d['report'] == 1 and d['ended']['reason'] == 'facilitator'
assert al['id'] == 'al' and al['score'] == 8 and al['response']['mean'] == 450
assert al['decisions'][0]['response'] == 300
assert d['sharing'][0] == {'from': 'al', 'to': 'xk', 'count': 2, 'first': 1260, 'after_first_inject': 360}
assert d['rfis'][1]['answer_time'] == 2580
assert d['teams'][1]['missed_deadlines'][0]['inject'] == 'XK-01'
"
tap_ok "-o writes the file" status 0 "$T" report "$F/drill.jsonl" --format html -o "$dir/aar.html"
tap_ok "and nothing on stdout" test ! -s "$out"
tap_ok "the file holds the page" grep -q '</html>' "$dir/aar.html"
tap_ok "no temporary file is left beside it" test "$(ls "$dir" | grep -c aar)" -eq 1
tap_ok "-o into a missing directory exits 1" status 1 "$T" report "$F/drill.jsonl" -o "$dir/no/such/aar.txt"
tap_ok "and says why" err "cannot write $dir/no/such/aar.txt"
mkdir "$dir/adir"
tap_ok "-o onto a directory exits 1" status 1 "$T" report "$F/drill.jsonl" -o "$dir/adir"
tap_ok "and leaves no temporary file" test "$(ls "$dir" | grep -c adir)" -eq 1
cp "$F/drill.jsonl" "$dir/j.jsonl"
tap_ok "-o onto the journal itself: exit 2" status 2 "$T" report "$dir/j.jsonl" -o "$dir/j.jsonl"
tap_ok "and the journal is untouched" cmp -s "$F/drill.jsonl" "$dir/j.jsonl"
tap_ok "a full disk on stdout: exit 1" \
	sh -c "'$T' report '$F/drill.jsonl' --format html >/dev/full 2>'$out.err'; [ \$? -eq 1 ]"
tap_ok "and says so" err "cannot write the report"
tap_ok "a journal cut off mid-line still reports" status 0 "$T" report "$F/partial.jsonl"
tap_ok "with a warning naming the line" err "partial.jsonl:4: warning: the last line is cut off"
tap_ok "and what came before it" has "Shares: 1 sent"
tap_ok "a missing journal exits 1" status 1 "$T" report "$dir/nope.jsonl"
tap_ok "and names it" err "nope.jsonl: cannot read"
tap_ok "a scenario is not a journal: exit 1" status 1 "$T" report "$F/notjournal.jsonl"
tap_ok "FILE:LINE: message" err "notjournal.jsonl:1: not a tabletop journal"
tap_ok "a version 2 journal: exit 1" status 1 "$T" report "$F/version2.jsonl"
tap_ok "says which version" err "version2.jsonl:1: journal version 2 is not supported"
tap_ok "a broken line: exit 1" status 1 "$T" report "$F/badline.jsonl"
tap_ok "names the line" err "badline.jsonl:3: not JSON"
tap_ok "an unknown team: exit 1" status 1 "$T" report "$F/unknownteam.jsonl"
tap_ok "names the line and the team" err "unknownteam.jsonl:2: unknown team 'zz'"
tap_ok "no journal: exit 2" status 2 "$T" report
tap_ok "with the usage" err "usage: tabletop report JOURNAL"
tap_ok "an unknown flag: exit 2" status 2 "$T" report "$F/drill.jsonl" --frob
tap_ok "names it, with the usage" sh -c "grep -qF \"unknown option '--frob'\" '$out.err' && grep -qF 'usage:' '$out.err'"
tap_ok "a bad --format: exit 2" status 2 "$T" report "$F/drill.jsonl" --format pdf
tap_ok "names the formats" err "--format is text, md, html or json, not 'pdf'"
tap_ok "--format without a value: exit 2" status 2 "$T" report "$F/drill.jsonl" --format
tap_ok "-o without a file: exit 2" status 2 "$T" report "$F/drill.jsonl" -o
tap_ok "two journals: exit 2" status 2 "$T" report "$F/drill.jsonl" "$F/partial.jsonl"
tap_done
