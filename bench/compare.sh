#!/bin/sh
# bench/compare.sh REF_TREE CORPUS: per-page F1 of this tree against another
# checkout (built with `make`) on one corpus; pages that moved by more
# than 0.02 in either direction, worst first.  A development aid: every
# rule moves other pages, so read both lists after each change.
set -eu
ref=$1; corpus=$2
here=$(cd "$(dirname "$0")/.." && pwd)
run() {  # tree out
  LUA_PATH_5_4="$here/lua/?.lua;$here/lua/?/init.lua;;" LUA_CPATH_5_4="$1/build/lua5.4/?.so;;" \
    lua5.4 "$here/bench/accuracy.lua" "$corpus" --json "$2" >/dev/null
}
a=$(mktemp); b=$(mktemp)
run "$ref" "$a"; run "$here" "$b"
python3 - "$corpus" "$a" "$b" <<'PY'
import json, re, sys, unicodedata, collections
corpus, a, b = sys.argv[1:]
A, B = json.load(open(a)), json.load(open(b))
def sh(t):
    w = re.findall(r'\w+', unicodedata.normalize('NFC', t or ''))
    return collections.Counter(tuple(w[i:i+4]) for i in range(max(1, len(w) - 3)))
def f1(truth, got):
    T, G = sh(truth), sh(got)
    tp = sum((T & G).values()); p = tp / max(1, sum(G.values())); r = tp / max(1, sum(T.values()))
    return 0 if p + r == 0 else 2 * p * r / (p + r)
rows = []
for pid in sorted(A):
    t = json.load(open(f"{corpus}/{pid}.json")).get('body') or ''
    fa, fb = f1(t, A[pid].get('text')), f1(t, B[pid].get('text'))
    if abs(fa - fb) > 0.02: rows.append((fb - fa, pid, fa, fb, A[pid].get('method'), B[pid].get('method')))
rows.sort()
for d, pid, fa, fb, ma, mb in rows: print(f"{d:+.3f} {pid:44s} {fa:.3f} -> {fb:.3f}  {ma} -> {mb}")
print(f"{sum(1 for r in rows if r[0] < 0)} worse, {sum(1 for r in rows if r[0] > 0)} better")
PY
rm -f "$a" "$b"
