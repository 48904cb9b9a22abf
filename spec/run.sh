#!/bin/sh
# Run the busted suites under Lua 5.4 and LuaJIT (OpenResty's ABI) and end
# with one line "N passed, N failed" (the sum of both runs).  Exit status is
# non-zero when any spec fails or errors, or when a suite did not run.
# Extra suites (make check) add their counts through $SAPO_EXTRA_COUNTS.
cd "$(dirname "$0")/.." || exit 2
passed=0; failed=0; status=0
run_suite() {
  label=$1; shift
  out=$(mktemp)
  "$@" >"$out" 2>&1
  rc=$?
  cat "$out"
  line=$(grep -a -E '[0-9]+ successes? / [0-9]+ failures? / [0-9]+ errors?' "$out" | tail -n 1)
  rm -f "$out"
  if [ -z "$line" ]; then
    echo "$label: no busted summary (exit $rc)"
    failed=$((failed + 1)); status=1
    return
  fi
  s=$(echo "$line" | sed -E 's/^[^0-9]*([0-9]+) success.*/\1/')
  f=$(echo "$line" | sed -E 's/.* ([0-9]+) failures?.*/\1/')
  e=$(echo "$line" | sed -E 's/.* ([0-9]+) errors?.*/\1/')
  echo "$label: $s passed, $((f + e)) failed"
  passed=$((passed + s)); failed=$((failed + f + e))
  [ "$rc" -eq 0 ] && [ $((f + e)) -eq 0 ] || status=1
}
run_suite "lua5.4" busted --lua=lua5.4 -o utfTerminal
run_suite "luajit" busted --lua=luajit --cpath=./build/luajit/?.so -o utfTerminal
echo "$passed passed, $failed failed"
exit $status
