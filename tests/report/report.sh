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

# A BalkanSecure run played by the bots (actions, shares, RFIs), reported in every format.
"$T" simulate "$SCENARIOS/balkansecure.lua" --seed 1 --policy random --journal "$dir/bs1.jsonl" >/dev/null
"$T" simulate "$SCENARIOS/balkansecure.lua" --seed 2 --policy first --journal "$dir/bs2.jsonl" >/dev/null
tap_ok "balkansecure: text" status 0 "$T" report "$dir/bs1.jsonl"
# line TEXT: the number of the first line of the last stdout that is exactly TEXT (0: none).
line() { grep -n -m1 -x -- "$1" "$out" | cut -d: -f1 | grep . || echo 0; }
tap_ok "the executive summary comes first" sh -c "[ $(line 'EXECUTIVE SUMMARY') -gt 0 ] && [ $(line 'EXECUTIVE SUMMARY') -lt $(line 'SUMMARY') ]"
tap_ok "every action is in a team's log" \
	test "$(grep -c '"type":"action"' "$dir/bs1.jsonl")" -eq "$(grep -cE '^    T\+[0-9:]+  action ' "$out")"
tap_ok "no local path" sh -c "! grep -q '$dir' '$out'"
# narrow: no line of the last stdout is wider than 80 columns.
narrow() { python3 -c "import sys; sys.exit(max(len(l.rstrip('\\n')) for l in open('$out', encoding='utf-8')) > 80)"; }
tap_ok "seven teams: no line wider than 80 columns" narrow
tap_ok "the scenario by name and SHA-256" has "balkansecure.lua, SHA-256"
tap_ok "objectives by team" has "OBJECTIVES BY TEAM"
tap_ok "response times" has "RESPONSE TIMES"
tap_ok "balkansecure: md" status 0 "$T" report "$dir/bs1.jsonl" --format md
tap_ok "md: the log" has "| T+ | What | By | Text |"
tap_ok "balkansecure: json" status 0 "$T" report "$dir/bs1.jsonl" --format json
tap_ok "json: every action in a team's log" python3 -c "
import json
d = json.load(open('$out'))
acts = [l for l in open('$dir/bs1.jsonl') if '\"type\":\"action\"' in l]
logged = [e for t in d['teams'] for e in t['log'] if e['kind'] == 'action']
assert len(acts) == len(logged) > 0, (len(acts), len(logged))
assert all(e['text'] for e in logged)
sent = [e for t in d['teams'] for e in t['log'] if e['kind'] == 'share_sent']
assert len(sent) == d['counts']['shares'] and all(e['text'] for e in sent)
"
tap_ok "balkansecure: html" status 0 "$T" report "$dir/bs1.jsonl" --format html -o "$dir/bs1.html"
tap_ok "html: four inline charts" test "$(grep -c '<svg xmlns' "$dir/bs1.html")" -eq 4
if command -v chromium >/dev/null && command -v pdftotext >/dev/null; then
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$dir/bs1.pdf" "$dir/bs1.html" >/dev/null 2>&1
	pages=$(pdfinfo "$dir/bs1.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	tap_ok "print: a PDF of several pages" test "${pages:-0}" -gt 3
	ok_pages=0
	team_tops=0
	for p in $(seq 1 "${pages:-0}"); do
		pdftotext -layout -f "$p" -l "$p" "$dir/bs1.pdf" "$dir/page.txt"
		[ "$(grep -c 'E X E R C I S E   E X E R C I S E   E X E R C I S E\|EXERCISE EXERCISE EXERCISE' "$dir/page.txt")" -ge 2 ] &&
			grep -q "Page $p of $pages" "$dir/page.txt" && ok_pages=$((ok_pages + 1))
		grep -v 'E X E R C I S E\|EXERCISE EXERCISE' "$dir/page.txt" | grep -v '^\s*$' | head -2 |
			grep -q '^ *\(Teams\|Team [a-z]*:\)' && team_tops=$((team_tops + 1))
	done
	tap_ok "print: the marking top and bottom and the page number on every page" test "$ok_pages" -eq "$pages"
	tap_ok "print: every team starts a page" test "$team_tops" -ge 7
	tap_ok "print: no hover hint" sh -c "! pdftotext '$dir/bs1.pdf' - | grep -qi 'hover'"
	# A 4,000-character token must not widen the page: Chromium would shrink it all to fit.
	"$T" report "$F/hostile.jsonl" --format html -o "$dir/hostile.html"
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$dir/hostile.pdf" "$dir/hostile.html" >/dev/null 2>&1
	tap_ok "print: a 4,000-character token leaves the headings full size" python3 -c "
import re, subprocess
box = subprocess.run(['pdftotext', '-bbox', '$dir/hostile.pdf', '-'], capture_output=True, text=True).stdout
y0, y1 = map(float, re.search(r'yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">Executive<', box).groups())
assert y1 - y0 > 14, y1 - y0
"
else
	tap_ok "print: skipped (no chromium or pdftotext)" true
fi
# Several journals: the exercises compared.
tap_ok "two runs of one scenario: compared" status 0 "$T" report "$dir/bs1.jsonl" "$dir/bs2.jsonl"
tap_ok "as the same scenario" has "The same scenario (balkansecure.lua, SHA-256"
tap_ok "no line wider than 80 columns" narrow
tap_ok "side by side" has "  al    11m10s (12 of 12)  14m35s (12 of 12)"
tap_ok "different scenarios: the teams in several" status 0 "$T" report "$F/drill.jsonl" "$F/hostile.jsonl"
tap_ok "says so" has "Different scenarios: only the teams that took part in two exercises"
sed '1s/"sha256":"9f2c/"sha256":"0000/' "$F/drill.jsonl" >"$dir/drill-v2.jsonl"
tap_ok "the same scenario file, changed: compared" status 0 "$T" report "$F/drill.jsonl" "$dir/drill-v2.jsonl" --format md
tap_ok "and says the scenario changed" has "but not the same SHA-256: the scenario changed between exercises"
tap_ok "compare as json" status 0 "$T" report "$dir/bs1.jsonl" "$dir/bs2.jsonl" --format json
tap_ok "json: the basis and each team per exercise" python3 -c "
import json
d = json.load(open('$out'))
assert d['compare'] == 1 and d['basis'] == 'scenario' and len(d['exercises']) == 2
al = d['teams'][0]
assert al['id'] == 'al' and al['in'][0]['mean_response'] == 670 and al['in'][1]['in_time'] == 12
"
tap_ok "compare as html" status 0 "$T" report "$dir/bs1.jsonl" "$dir/bs2.jsonl" --format html
tap_ok "html: marked" has '<div class="marking">EXERCISE EXERCISE EXERCISE</div>'
tap_ok "a bad journal among several: exit 1" status 1 "$T" report "$dir/bs1.jsonl" "$F/badline.jsonl"
tap_ok "names it" err "badline.jsonl:3: not JSON"
tap_ok "-o onto one of the journals: exit 2" status 2 "$T" report "$dir/bs1.jsonl" "$dir/bs2.jsonl" -o "$dir/bs2.jsonl"
tap_done
