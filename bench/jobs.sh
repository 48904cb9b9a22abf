#!/bin/sh
# bench/jobs.sh [CORPUS] [COPIES]: `sapo batch --jobs 1` against `--jobs 2`
# on the corpus's pages repeated COPIES times (default: the news corpus,
# 15 copies, ~2,000 pages), wall-clock time of each and the speed-up; the
# two outputs must be identical.  Run it on an idle machine.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$here/../shared/corpus/news}
copies=${2:-15}
[ -d "$corpus" ] || { echo "bench/jobs.sh: no corpus at $corpus" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
i=0
while [ "$i" -lt "$copies" ]; do
  mkdir -p "$tmp/pages/$i"
  cp "$corpus"/*.html "$tmp/pages/$i/"
  i=$((i + 1))
done
n=$(find "$tmp/pages" -name '*.html' | wc -l)
sapo() { LUA_PATH_5_4="$here/lua/?.lua;$here/lua/?/init.lua;;" LUA_CPATH_5_4="$here/build/lua5.4/?.so;;" \
  lua5.4 "$here/bin/sapo" "$@"; }
now() { date +%s.%N; }
for round in 1 2; do
  t0=$(now); sapo batch "$tmp/pages" --no-progress --out "$tmp/one.jsonl" 2>/dev/null || true; t1=$(now)
  sapo batch "$tmp/pages" --no-progress --jobs 2 --out "$tmp/two.jsonl" 2>/dev/null || true; t2=$(now)
  cmp -s "$tmp/one.jsonl" "$tmp/two.jsonl" || { echo "bench/jobs.sh: outputs differ" >&2; exit 1; }
  awk -v n="$n" -v a="$t0" -v b="$t1" -v c="$t2" -v r="$round" 'BEGIN {
    printf "round %d: %d pages  --jobs 1 %.2f s (%.0f pages/s)  --jobs 2 %.2f s (%.0f pages/s)  speed-up %.2fx\n",
      r, n, b - a, n / (b - a), c - b, n / (c - b), (b - a) / (c - b) }'
done
