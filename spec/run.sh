#!/bin/sh
# The whole test run behind `make test`, ending with one line
# "N passed, N failed" (the sum of every suite):
#   lua5.4   busted under Lua 5.4
#   luajit   busted under LuaJIT (OpenResty's ABI)
#   c        the C core's unit tests (spec/c/test_*.c, built with ASan+UBSan)
#   shape    tools/check_c.lua: no include circle, no function over 120
#            lines, no word list outside the table files, headers hidden
#   lint     luacheck (.luacheckrc) over lua/ bin/ spec/ examples/ tools/;
#            tools/check_docs.lua (every public function documented); LDoc
#            builds the API reference without a warning
#   asan     busted against the module built with ASan + UBSan
#   valgrind busted under valgrind (memory errors and definite leaks fail)
#   fuzz     each libFuzzer target for FUZZ_SECONDS (default 20) from the seeds
#   nginx    the OpenResty integration spec, when nginx has the Lua module
# SAPO_SUITES="lua5.4 luajit" limits the run (make test-fast).
cd "$(dirname "$0")/.." || exit 2
passed=0; failed=0; status=0
suites=${SAPO_SUITES:-"lua5.4 luajit c shape lint asan valgrind fuzz nginx"}
LUA=${LUA:-lua5.4}
BUSTED=$(command -v busted)
ASAN_LIB=$(${CC:-cc} -print-file-name=libasan.so)

count_busted() {  # label, output file, exit code
  line=$(grep -a -E '[0-9]+ successes? / [0-9]+ failures? / [0-9]+ errors?' "$2" | tail -n 1)
  if [ -z "$line" ]; then
    echo "$1: no busted summary (exit $3)"; tail -n 20 "$2"
    failed=$((failed + 1)); status=1; return
  fi
  s=$(echo "$line" | sed -E 's/^[^0-9]*([0-9]+) success.*/\1/')
  f=$(echo "$line" | sed -E 's/.* ([0-9]+) failures?.*/\1/')
  e=$(echo "$line" | sed -E 's/.* ([0-9]+) errors?.*/\1/')
  echo "$1: $s passed, $((f + e)) failed"
  passed=$((passed + s)); failed=$((failed + f + e))
  if [ "$3" -ne 0 ] || [ $((f + e)) -ne 0 ]; then
    status=1
    grep -a -E -A 12 '^(Failure|Error) (->|→)' "$2" | head -n 60
    grep -a -m 20 -E '==[0-9]+== (Invalid|Conditional|[0-9,]+ bytes in)|ERROR: AddressSanitizer|runtime error' "$2"
  fi
}

run() {  # label, command...
  label=$1; shift
  out=$(mktemp)
  "$@" >"$out" 2>&1
  count_busted "$label" "$out" $?
  rm -f "$out"
}

for suite in $suites; do
  case $suite in
  lua5.4) run lua5.4 "$BUSTED" --lua=lua5.4 --exclude-tags=nginx -o utfTerminal ;;
  luajit) run luajit "$BUSTED" --lua=luajit --cpath=./build/luajit/?.so --exclude-tags=nginx,install -o utfTerminal ;;
  c) run c env ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 build/ctest/run ;;
  shape)
    out=$(mktemp)
    "$LUA" tools/check_c.lua . >"$out" 2>&1
    if [ $? -eq 0 ]; then
      echo "shape: 1 passed, 0 failed"; passed=$((passed + 1))
    else
      echo "shape: 0 passed, 1 failed"; cat "$out"; failed=$((failed + 1)); status=1
    fi
    rm -f "$out" ;;
  lint)
    for check in luacheck docs ldoc; do
      out=$(mktemp)
      case $check in
      luacheck) luacheck -q --no-color lua bin spec examples tools >"$out" 2>&1 ;;
      docs) "$LUA" tools/check_docs.lua . >"$out" 2>&1 ;;
      ldoc) doc=$(mktemp -d)
            ldoc -d "$doc" . >"$out" 2>&1 && ! grep -v -e '^reading configuration' -e '^output written' "$out" >/dev/null
            rc=$?; rm -rf "$doc"; [ $rc -eq 0 ] ;;
      esac
      if [ $? -eq 0 ]; then
        echo "$check: 1 passed, 0 failed"; passed=$((passed + 1))
      else
        echo "$check: 0 passed, 1 failed"; cat "$out"; failed=$((failed + 1)); status=1
      fi
      rm -f "$out"
    done ;;
  asan)
    run asan env LD_PRELOAD="$ASAN_LIB" ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$LUA" "$BUSTED" --ignore-lua --exclude-tags=rss,nginx,install --cpath=./build/asan/?.so -o utfTerminal ;;
  valgrind)
    run valgrind valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
      --error-exitcode=1 --suppressions=spec/valgrind.supp \
      "$LUA" "$BUSTED" --ignore-lua --exclude-tags=huge,rss,nginx,install -o utfTerminal ;;
  fuzz)
    for target in extract text; do
      out=$(mktemp)
      (cd build/fuzz && ./fuzz_$target -max_total_time="${FUZZ_SECONDS:-20}" -timeout=10 -rss_limit_mb=2048 \
         -print_final_stats=1 corpus-$target) >"$out" 2>&1
      rc=$?
      runs=$(grep -a 'stat::number_of_executed_units' "$out" | awk '{print $2}')
      if [ $rc -eq 0 ]; then
        echo "fuzz_$target: ${runs:-0} runs, no crash: 1 passed, 0 failed"; passed=$((passed + 1))
      else
        echo "fuzz_$target: crashed (exit $rc): 0 passed, 1 failed"; tail -n 30 "$out"
        failed=$((failed + 1)); status=1
      fi
      rm -f "$out"
    done ;;
  nginx)
    if command -v nginx >/dev/null && [ -f /usr/lib/nginx/modules/ngx_http_lua_module.so ]; then
      run nginx "$BUSTED" --lua=lua5.4 --tags=nginx -o utfTerminal spec/openresty
    else
      echo "nginx: skipped (nginx with the Lua module is not installed)"
    fi ;;
  esac
done
echo "$passed passed, $failed failed"
exit $status
