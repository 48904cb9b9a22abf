#!/bin/sh
# bench/speed.sh [CORPUS_DIR] [ROUNDS]: the phases of one extraction, side
# by side in one run, alternating over rounds (this machine is shared and
# noisy): (a) libxml2 parse floor (C), (b) sapo.parse, (c) sapo.extract
# (text), (d) + Markdown and HTML, (e) vi.tone + vi.fold over the text.
# Prints MB/s, pages/s, median and p95 ms/page and peak RSS per phase
# (medians over rounds), and the ratio (c)/(a).  `make bench` runs it.
set -eu
cd "$(dirname "$0")/.."
corpus=${1:-}
rounds=${2:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "$corpus" ]; then
  ls "$corpus"/*.html | grep -v '\.expected\.html$' > "$tmp/files"
else
  ls examples/pages/*.html spec/fixtures/*.html 2>/dev/null > "$tmp/files"
fi
[ -s "$tmp/files" ] || { echo "no pages"; exit 1; }
export LUA_PATH_5_4="./lua/?.lua;./lua/?/init.lua;;" LUA_CPATH_5_4="./build/lua5.4/?.so;;"
for r in $(seq 1 "$rounds"); do
  build/bench/floor $(cat "$tmp/files") > "$tmp/floor.$r" 2>/dev/null
  for p in parse extract formats vi; do
    lua5.4 bench/phase.lua $p $(cat "$tmp/files") > "$tmp/$p.$r"
  done
done
lua5.4 - "$tmp" "$rounds" "$(wc -l < "$tmp/files")" <<'LUA'
local dir, rounds, npages = arg[1], tonumber(arg[2]), tonumber(arg[3])
local function load(name)
  local ms, summary = {}, nil
  for line in io.lines(dir .. "/" .. name) do
    local a = line:match("^([%d%.]+) %d+$")
    if a then ms[#ms + 1] = tonumber(a) else summary = line end
  end
  local t = {}
  for k, v in summary:gmatch("([%w_]+)=([%d%.]+)") do t[k] = tonumber(v) end
  table.sort(ms)
  t.median = ms[math.max(1, math.floor((#ms + 1) / 2))] or 0
  t.p95 = ms[math.max(1, math.ceil(#ms * 0.95))] or 0
  return t
end
local function median(xs) table.sort(xs); return xs[math.floor((#xs + 1) / 2)] end
local rows = { { "floor", "(a) libxml2 parse only" }, { "parse", "(b) sapo.parse" },
  { "extract", "(c) sapo.extract, text" }, { "formats", "(d) + Markdown and HTML" }, { "vi", "(e) vi.tone + vi.fold" } }
print(string.format("%d pages, %d rounds, CPU time, medians over rounds", npages, rounds))
print(string.format("%-26s %9s %9s %10s %10s %10s", "phase", "MB/s", "pages/s", "median ms", "p95 ms", "peak RSS"))
local c_over_a = {}
local by = {}
for _, row in ipairs(rows) do
  local mbs, pps, med, p95, rss = {}, {}, {}, {}, {}
  for r = 1, rounds do
    local t = load(row[1] .. "." .. r)
    mbs[#mbs + 1] = t.bytes / 1e6 / t.total_s
    pps[#pps + 1] = t.pages / t.total_s
    med[#med + 1], p95[#p95 + 1], rss[#rss + 1] = t.median, t.p95, t.peak_rss_kb
    by[row[1] .. r] = t.total_s
  end
  print(string.format("%-26s %9.1f %9.0f %10.3f %10.3f %8.1f MB", row[2], median(mbs), median(pps),
    median(med), median(p95), median(rss) / 1024))
end
for r = 1, rounds do c_over_a[#c_over_a + 1] = by["extract" .. r] / by["floor" .. r] end
print(string.format("ratio (c)/(a): %.2fx (median over rounds; the floor is 1x)", median(c_over_a)))
LUA
