#!/usr/bin/env lua5.4
--[[ bench/snapshot.lua: every output of sapo on a corpus, one JSON line a page.

usage: lua5.4 bench/snapshot.lua OUT.jsonl CORPUS_DIR [CORPUS_DIR ...]

For each ID.html of each folder (sorted) writes {"id": ..., "article": ...}
with every field sapo returns (text, markdown and html included, the trace
left out), or {"id": ..., "error": ..., "code": ...}.  Two snapshots of the
same corpora taken before and after a change that should not change
behaviour must be byte for byte equal:

    lua5.4 bench/snapshot.lua /tmp/before.jsonl ../shared/corpus/dev bench/corpus-vi
    ... change ...
    lua5.4 bench/snapshot.lua /tmp/after.jsonl ../shared/corpus/dev bench/corpus-vi
    cmp /tmp/before.jsonl /tmp/after.jsonl

`make snapshot OUT=FILE` takes one of every corpus present. ]]
local sapo = require "sapo"

local out_path = arg[1]
if not out_path or not arg[2] then
  io.stderr:write("usage: lua5.4 bench/snapshot.lua OUT.jsonl CORPUS_DIR [CORPUS_DIR ...]\n")
  os.exit(2)
end

local function read(p)
  local f = io.open(p, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function list(dir)
  local p = io.popen("find '" .. dir:gsub("'", "'\\''") .. "' -maxdepth 1 -name '*.html' ! -name '*.expected.html' | LC_ALL=C sort")
  local t = {}
  for line in p:lines() do t[#t + 1] = line end
  p:close()
  return t
end

local out = assert(io.open(out_path, "wb"))
local n = 0
for i = 2, #arg do
  for _, path in ipairs(list(arg[i])) do
    local id = path:match("([^/]+)%.html$")
    local meta = read(path:gsub("%.html$", ".json"))
    local url = meta and meta:match('"url"%s*:%s*"([^"]+)"')
    local art, err, code = sapo.extract(read(path), { url = url, formats = { "markdown", "html" } })
    local rec = art and { id = id, article = art } or { id = id, error = err, code = code }
    out:write(assert(sapo.json(rec)), "\n")
    n = n + 1
  end
end
out:close()
io.stderr:write(string.format("snapshot: %d pages -> %s\n", n, out_path))
