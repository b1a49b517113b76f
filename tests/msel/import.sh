#!/bin/sh
# tabletop import end to end: MSELs in, scenarios out that check cleanly and simulate to ENDEX.
. "$SRCDIR/tests/cli/tap.sh"
T=$TABLETOP
F=$SRCDIR/tests/msel/fixtures
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# imports CSV NAME: import CSV into $dir/NAME.lua, exit 0 and nothing on stderr.
imports() { "$T" import "$1" >"$dir/$2.lua" 2>"$dir/$2.err" && test ! -s "$dir/$2.err"; }
# clean NAME: check prints nothing and exits 0 for the imported scenario.
clean() { "$T" check "$dir/$1.lua" >"$dir/$1.check" 2>&1 && test ! -s "$dir/$1.check"; }
# endex NAME: simulate runs the imported scenario to its ENDEX.
endex() { "$T" simulate "$dir/$1.lua" >"$dir/$1.sim" 2>&1 && grep -q "ENDEX: duration" "$dir/$1.sim"; }
# refused CSV NAME TEXT: import exits 1, writes nothing on stdout, and stderr holds TEXT.
refused() {
	"$T" import "$1" >"$dir/$2.out" 2>"$dir/$2.err"
	[ $? -eq 1 ] && test ! -s "$dir/$2.out" && grep -qF -- "$3" "$dir/$2.err"
}
# status CODE CMD...: CMD exits with CODE.
status() { want=$1; shift; "$@" >"$dir/out" 2>&1; [ $? -eq "$want" ]; }

tap_ok "the shipped sample MSEL imports" imports "$SCENARIOS/msel/sample-msel.csv" sample
tap_ok "its scenario checks clean" clean sample
tap_ok "its scenario simulates to ENDEX" endex sample
tap_ok "the sample has its 19 injects fired" grep -q "injects fired: 19 of 19" "$dir/sample.sim"
tap_ok "the sample's notes carry the expected action" \
	grep -q "Expected action: Triage the alert" "$dir/sample.lua"
tap_ok "the sample's recipients 'All' go to all" grep -q 'to = "all",' "$dir/sample.lua"
for name in european hseep hostile; do
	tap_ok "fixture $name imports" imports "$F/$name.csv" $name
	tap_ok "fixture $name checks clean" clean $name
	tap_ok "fixture $name simulates to ENDEX" endex $name
done
tap_ok "semicolons, CRLF and a BOM: three injects" grep -q "injects fired: 3 of 3" "$dir/european.sim"
tap_ok "a decimal comma stays in its cell" grep -q "1,5 Mio. EUR" "$dir/european.lua"
sed -n '/^-- Injects/,$p' "$dir/hseep.lua" >"$dir/hseep.inj"
tap_ok "the HSEEP template's ids keep their numbers" grep -q 'id = "MSEL-2.1",' "$dir/hseep.lua"
tap_ok "the title rows above the header are not imported" \
	grep -q "Rows above the header (row 3) were not imported" "$dir/hseep.lua"
tap_ok "the column not imported is named" \
	grep -q 'Column not imported: "Responsible Controller"' "$dir/hseep.lua"
tap_ok "hostile text comes out in a long bracket that it does not close" \
	grep -q '^  body = \[====\[$' "$dir/hostile.lua"

"$T" import - <"$F/hseep.csv" >"$dir/stdin.lua" 2>&1
tap_ok "'-' reads standard input" grep -q 'from standard input (5 injects' "$dir/stdin.lua"
tap_ok "and gives the same injects" \
	sh -c "sed -n '/^-- Injects/,\$p' '$dir/stdin.lua' | cmp -s - '$dir/hseep.inj'"
tap_ok "its scenario checks clean" clean stdin
printf 'ID,Time,To,Subject\n1,0:1,SOC,x\n' | "$T" import - >/dev/null 2>"$dir/stdin.err"
tap_ok "errors on standard input name it 'stdin'" grep -q "^stdin:row 2: time '0:1'" "$dir/stdin.err"
tap_ok "a bad time is refused with its row" \
	refused "$F/bad-time.csv" bad-time "bad-time.csv:row 4: time '25:99' is not a time (use h:mm, like 1:30)"
tap_ok "missing columns are listed with what was found" \
	refused "$F/missing.csv" missing 'has no column for to (like "To"); it reads "Inject #", "Time"'
printf 'ID,Time,To,Subject\n1,0:10:15,SOC,x\n2,0:20:30,SOC,y\n3,1:00,SOC,z\n' >"$dir/seconds.csv"
tap_ok "times with seconds import" imports "$dir/seconds.csv" seconds
tap_ok "the tick divides every time (15s)" grep -q '^  tick = "15s",' "$dir/seconds.lua"
tap_ok "and the scenario checks clean" clean seconds
tap_ok "and simulates to ENDEX" endex seconds
printf 'ID,Time,To,Subject\n1,0:10:17,SOC,x\n' >"$dir/odd.csv"
tap_ok "a time with odd seconds gives a one-second tick" \
	sh -c "'$T' import '$dir/odd.csv' | grep -q '^  tick = \"1s\",'"
printf 'ID,Time,To,Subject\n1,0:10,Minist\350re,x\n' >"$dir/latin1.csv"
tap_ok "Latin-1 bytes are refused, advising CSV UTF-8" \
	refused "$dir/latin1.csv" latin1 'latin1.csv:row 2: this is not UTF-8 text: save the sheet as "CSV UTF-8'
printf 'ID,Time,To,Subject\n1,0:10,SOC,"never closed\n2,0:20,SOC,x\n' >"$dir/open.csv"
tap_ok "an unclosed quote is refused with its row" \
	refused "$dir/open.csv" open 'open.csv:row 2: a quoted field is not closed'
tap_ok "a missing file is refused" refused "$dir/none.csv" none "none.csv: cannot open"
tap_ok "import --help exits 0" status 0 "$T" import --help
tap_ok "and points to the docs" grep -q "docs/msel-import.md" "$dir/out"
tap_ok "import without a file is a usage error" status 2 "$T" import
tap_ok "import with an unknown option is a usage error" status 2 "$T" import --frob x.csv
tap_ok "import of two files is a usage error" status 2 "$T" import a.csv b.csv
tap_done
