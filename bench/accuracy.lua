#!/usr/bin/env lua5.4
--[[ bench/accuracy.lua: sapo's extraction accuracy on a corpus folder.

usage: lua5.4 bench/accuracy.lua CORPUS_DIR [--per-page] [--mask N]

CORPUS_DIR holds ID.html + ID.json pairs (ID.json: "body", and optionally
"title", "byline", "date", "url"); ID.expected.html files are skipped.
Prints token-level precision, recall and F1 with the ScrapingHub
article-extraction-benchmark metric (\w+ tokens, 4-gram shingles as
multisets per page, precision and recall macro-averaged, F1 of the means),
then field accuracy (title exact after whitespace collapsing; byline equal
ignoring case and spacing; date: same day), and the mean and median time
per page of sapo.extract.  Run by `make bench-accuracy CORPUS=dir`.
The project never needs a corpus: this script takes the path it is given.
]]
local sapo = require "sapo"
local words = require("sapo.core").text.words
local cjson_ok, cjson = pcall(require, "cjson")

local corpus, per_page, mask = nil, false, 0
do
  local i = 1
  while i <= #arg do
    if arg[i] == "--per-page" then per_page = true
    elseif arg[i] == "--mask" then i = i + 1; mask = tonumber(arg[i]) or 0
    else corpus = arg[i] end
    i = i + 1
  end
end
if not corpus then
  io.stderr:write("usage: lua5.4 bench/accuracy.lua CORPUS_DIR [--per-page]\n")
  os.exit(2)
end
if not cjson_ok then
  io.stderr:write("bench/accuracy.lua needs lua-cjson (Debian: lua-cjson)\n")
  os.exit(2)
end

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

local function shingles(text)
  local t = words(text or "")
  local out = {}
  if #t == 0 then return out end
  local n = math.max(1, #t - 3)
  for i = 1, n do
    local key = table.concat(t, "\1", i, math.min(i + 3, #t))
    out[key] = (out[key] or 0) + 1
  end
  return out
end

local function tp_fp_fn(truth, pred)
  local a, b = shingles(truth), shingles(pred)
  local tp, fp, fn = 0, 0, 0
  for k, c in pairs(b) do
    local t = a[k] or 0
    tp = tp + math.min(t, c)
    fp = fp + math.max(0, c - t)
  end
  for k, c in pairs(a) do fn = fn + math.max(0, c - (b[k] or 0)) end
  local total = tp + fp + fn
  if total == 0 then return 0, 0, 0 end
  return tp / total, fp / total, fn / total
end

local function collapse(s)
  if type(s) ~= "string" then return nil end
  s = sapo.text.nfc(s) or s
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

local function day(s)
  if type(s) ~= "string" then return nil end
  local y, m, d = s:match("(%d%d%d%d)%-(%d%d)%-(%d%d)")
  return y and (y .. "-" .. m .. "-" .. d)
end

local ids = {}
for name in io.popen("ls -1 '" .. corpus:gsub("'", "'\\''") .. "'"):lines() do
  local id = name:match("^(.*)%.html$")
  if id and not id:match("%.expected$") then ids[#ids + 1] = id end
end
table.sort(ids)

local P, R, np, nr = 0, 0, 0, 0
local fields = { title = { 0, 0 }, byline = { 0, 0 }, date = { 0, 0 } }
local times, rows = {}, {}
local clock = os.clock
for _, id in ipairs(ids) do
  local html = read(corpus .. "/" .. id .. ".html")
  local meta = cjson.decode(read(corpus .. "/" .. id .. ".json") or "{}")
  local t0 = clock()
  local art = sapo.extract(html, { url = type(meta.url) == "string" and meta.url or nil, _skip_filters = mask })
  times[#times + 1] = (clock() - t0) * 1000
  local text = art and art.text or ""
  if type(meta.body) == "string" then
    local tp, fp, fn = tp_fp_fn(meta.body, text)
    local p = (tp + fp) > 0 and tp / (tp + fp) or nil
    local r = (tp + fn) > 0 and tp / (tp + fn) or nil
    if p then P = P + p; np = np + 1 end
    if r then R = R + r; nr = nr + 1 end
    rows[#rows + 1] = { id = id, p = p or 0, r = r or 0 }
  end
  local checks = {
    title = { collapse(meta.title), art and collapse(art.title) },
    byline = { collapse(meta.byline), art and collapse(art.byline) },
    date = { day(meta.date), art and day(art.date) },
  }
  for k, v in pairs(checks) do
    if v[1] and v[1] ~= "" then
      fields[k][2] = fields[k][2] + 1
      local ok = v[2] and (k == "byline" and v[1]:lower() == v[2]:lower() or v[1] == v[2])
      if ok then fields[k][1] = fields[k][1] + 1 end
    end
  end
end

if per_page then
  table.sort(rows, function(a, b)
    local fa = (a.p + a.r) > 0 and 2 * a.p * a.r / (a.p + a.r) or 0
    local fb = (b.p + b.r) > 0 and 2 * b.p * b.r / (b.p + b.r) or 0
    return fa < fb
  end)
  for i = 1, math.min(15, #rows) do
    local r = rows[i]
    print(string.format("%-40s P %.3f R %.3f", r.id, r.p, r.r))
  end
end
local prec, rec = np > 0 and P / np or 0, nr > 0 and R / nr or 0
local f1 = (prec + rec) > 0 and 2 * prec * rec / (prec + rec) or 0
table.sort(times)
local sum = 0
for _, t in ipairs(times) do sum = sum + t end
local function acc(f) return f[2] > 0 and string.format("%.3f (%d/%d)", f[1] / f[2], f[1], f[2]) or "n/a" end
print(string.format("pages %d  F1 %.3f  P %.3f  R %.3f", #ids, f1, prec, rec))
print(string.format("title %s  byline %s  date %s", acc(fields.title), acc(fields.byline), acc(fields.date)))
print(string.format("time: mean %.2f ms/page, median %.2f ms/page (sapo.extract, CPU)", sum / #times,
  times[math.max(1, math.floor((#times + 1) / 2))]))
