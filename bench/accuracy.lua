#!/usr/bin/env lua5.4
--[[ bench/accuracy.lua: sapo's extraction accuracy on a corpus folder.

usage: lua5.4 bench/accuracy.lua CORPUS_DIR [--per-page] [--skip a,b] [--json OUT]

CORPUS_DIR holds ID.html + ID.json pairs.  ID.json has "body" and, when
known, "title", "byline", "date", "lead", "url", "must_contain" and
"must_not_contain"; ID.expected.html files are skipped.

Text: the ScrapingHub article-extraction-benchmark metric (\w+ tokens,
4-gram shingles as multisets per page, precision and recall macro-averaged,
F1 of the means), after NFC.

Fields, counted as ../shared/bench/fields.py counts them:
  title   exact after NFC and white-space collapsing;
  byline  the same set of names, case-folded, once a leading By/Von/Par/
          Por/Di/Theo/Av is dropped and the line is split on , ; & | and
          the words and/und/et/y/e/og/och/en/và;
  date    same calendar day;
  lead    word overlap (Jaccard of token multisets) >= 0.9; lead_precision
          is the share of right leads among the leads returned on pages
          whose truth has one.
Must/must-not: every "must_contain" string is in the text, and no
"must_not_contain" string is (NFC, white space collapsed).
--per-page lists the worst pages and every must/must-not miss; --skip
turns precision filters off (names as in sapo.extract's `skip`); --json
writes {ID: {text, title, byline, date, lead, method}}.  Run by
`make bench-accuracy CORPUS=dir`. ]]
local sapo = require "sapo"
local words = require("sapo.core").text.words
local cjson_ok, cjson = pcall(require, "cjson")

local corpus, per_page, skip, json_out
do
  local i = 1
  while i <= #arg do
    local a = arg[i]
    if a == "--per-page" then per_page = true
    elseif a == "--skip" then i = i + 1; skip = {}; for w in (arg[i] or ""):gmatch("[^,]+") do skip[#skip + 1] = w end
    elseif a == "--json" then i = i + 1; json_out = arg[i]
    else corpus = a end
    i = i + 1
  end
end
if not corpus then
  io.stderr:write("usage: lua5.4 bench/accuracy.lua CORPUS_DIR [--per-page] [--skip a,b] [--json OUT]\n")
  os.exit(2)
end
if not cjson_ok then
  io.stderr:write("bench/accuracy.lua needs lua-cjson (Debian: lua-cjson)\n")
  os.exit(2)
end

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local nfc = sapo.text.nfc
-- Python's str.isspace() beyond ASCII (fields.py collapses \s): NEL, NBSP,
-- Ogham space, U+2000-200A, line/paragraph separators, NNBSP, MMSP, U+3000
local UNI_SPACE = { "\u{85}", "\u{A0}", "\u{1680}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}" }
for c = 0x2000, 0x200A do UNI_SPACE[#UNI_SPACE + 1] = utf8.char(c) end
local function norm(s)
  if type(s) ~= "string" then return nil end
  s = nfc(s) or s
  for _, u in ipairs(UNI_SPACE) do s = s:gsub(u, " ") end
  return (s:gsub("[%s\28-\31]+", " "):gsub("^ ", ""):gsub(" $", ""))
end

local function shingles(text)
  local t = words(nfc(text or "") or "")
  local out = {}
  if #t == 0 then return out end
  for i = 1, math.max(1, #t - 3) do
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
  return tp, fp, fn
end

-- ---- field rules (fields.py) ----
local LEAD_IN = { "by", "von", "par", "por", "di", "theo", "av" }
local SEP_WORDS = { "and", "und", "et", "y", "e", "og", "och", "en", "và" }
local function casefold(s) return (sapo.vi.fold and s:lower()) or s:lower() end
local lower = require("sapo.core").text.lower or casefold
local function names(s)
  s = norm(s) or ""
  local low = lower(s)
  for _, w in ipairs(LEAD_IN) do
    if low:sub(1, #w + 1) == w .. " " then s = s:sub(#w + 2); low = low:sub(#w + 2); break end
  end
  local parts = {}
  low = low:gsub("%s*[,;&|]%s*", "\0")
  for _, w in ipairs(SEP_WORDS) do low = low:gsub("%s+" .. w .. "%s+", "\0") end
  for part in (low .. "\0"):gmatch("(.-)%z") do
    part = part:gsub("^%s+", ""):gsub("%s+$", "")
    if part ~= "" then parts[part] = true end
  end
  return parts
end
local function same_set(a, b)
  for k in pairs(a) do if not b[k] then return false end end
  for k in pairs(b) do if not a[k] then return false end end
  return next(a) ~= nil
end
local function tokens(s)
  local c = {}
  for _, w in ipairs(words(lower(norm(s) or ""))) do c[w] = (c[w] or 0) + 1 end
  return c
end
local function lead_hit(g, t)
  local a, b = tokens(g), tokens(t)
  local inter, union = 0, 0
  for k, v in pairs(a) do inter = inter + math.min(v, b[k] or 0); union = union + math.max(v, b[k] or 0) end
  for k, v in pairs(b) do if not a[k] then union = union + v end end
  return union > 0 and inter / union >= 0.9
end
local function day(s) return type(s) == "string" and s:sub(1, 10) or nil end

local ids = {}
for name in io.popen("ls -1 '" .. corpus:gsub("'", "'\\''") .. "'"):lines() do
  local id = name:match("^(.*)%.html$")
  if id and not id:match("%.expected$") then ids[#ids + 1] = id end
end
table.sort(ids)

local P, R, np, nr = 0, 0, 0, 0
local FIELDS = { "title", "byline", "date", "lead", "lead_precision" }
local fields = {}
for _, f in ipairs(FIELDS) do fields[f] = { 0, 0 } end
local must_n, must_hit, mnot_n, mnot_hit, leak_pages = 0, 0, 0, 0, 0
local times, rows, misses, results = {}, {}, {}, {}
local clock = os.clock
for _, id in ipairs(ids) do
  local html = read(corpus .. "/" .. id .. ".html")
  local meta = cjson.decode(read(corpus .. "/" .. id .. ".json") or "{}")
  local t0 = clock()
  local art = sapo.extract(html, { url = type(meta.url) == "string" and meta.url or nil, skip = skip })
  times[#times + 1] = (clock() - t0) * 1000
  local text = art and art.text or ""
  results[id] = art and { text = art.text, title = art.title, byline = art.byline, date = art.date,
                          lead = art.lead, method = art.method } or { error = true }
  if type(meta.body) == "string" then
    local tp, fp, fn = tp_fp_fn(meta.body, text)
    local p = (tp + fp) > 0 and tp / (tp + fp) or nil
    local r = (tp + fn) > 0 and tp / (tp + fn) or nil
    if p then P = P + p; np = np + 1 end
    if r then R = R + r; nr = nr + 1 end
    rows[#rows + 1] = { id = id, p = p or 0, r = r or 0, method = art and art.method or "error" }
  end
  local function count(f, truth, hit)
    if truth == nil or truth == cjson.null or truth == "" then return end
    fields[f][2] = fields[f][2] + 1
    if hit then fields[f][1] = fields[f][1] + 1 else misses[#misses + 1] = ("%s %s: want %q got %q")
      :format(id, f, tostring(truth), tostring(art and art[f == "lead_precision" and "lead" or f])) end
  end
  local g = art or {}
  count("title", meta.title, norm(g.title) == norm(meta.title))
  count("byline", meta.byline, g.byline and type(meta.byline) == "string" and same_set(names(g.byline), names(meta.byline)))
  count("date", meta.date, g.date and day(g.date) == day(meta.date))
  count("lead", meta.lead, g.lead and type(meta.lead) == "string" and lead_hit(g.lead, meta.lead))
  if g.lead and type(meta.lead) == "string" then
    fields.lead_precision[2] = fields.lead_precision[2] + 1
    if lead_hit(g.lead, meta.lead) then fields.lead_precision[1] = fields.lead_precision[1] + 1 end
  end
  local ntext = norm(text)
  local leaked = false
  for _, s in ipairs(type(meta.must_contain) == "table" and meta.must_contain or {}) do
    must_n = must_n + 1
    if ntext:find(norm(s), 1, true) then must_hit = must_hit + 1
    else misses[#misses + 1] = ("%s must_contain missing: %q"):format(id, s) end
  end
  for _, s in ipairs(type(meta.must_not_contain) == "table" and meta.must_not_contain or {}) do
    mnot_n = mnot_n + 1
    if ntext:find(norm(s), 1, true) then
      leaked = true
      misses[#misses + 1] = ("%s must_not_contain found: %q"):format(id, s)
    else mnot_hit = mnot_hit + 1 end
  end
  if leaked then leak_pages = leak_pages + 1 end
end

local function f1(p, r) return (p + r) > 0 and 2 * p * r / (p + r) or 0 end
if per_page then
  table.sort(rows, function(a, b) return f1(a.p, a.r) < f1(b.p, b.r) end)
  for i = 1, math.min(20, #rows) do
    local r = rows[i]
    print(string.format("%-44s F1 %.3f P %.3f R %.3f  %s", r.id, f1(r.p, r.r), r.p, r.r, r.method))
  end
  for _, m in ipairs(misses) do print("  " .. m) end
end
if json_out then
  local f = assert(io.open(json_out, "wb"))
  f:write(cjson.encode(results))
  f:close()
end
local prec, rec = np > 0 and P / np or 0, nr > 0 and R / nr or 0
table.sort(times)
local sum = 0
for _, t in ipairs(times) do sum = sum + t end
local function acc(f) return f[2] > 0 and string.format("%.3f(%d)", f[1] / f[2], f[2]) or "n/a" end
print(string.format("pages %d  F1 %.3f  P %.3f  R %.3f", #ids, f1(prec, rec), prec, rec))
local fl = {}
for _, f in ipairs(FIELDS) do fl[#fl + 1] = f .. " " .. acc(fields[f]) end
print(table.concat(fl, "  "))
if must_n + mnot_n > 0 then
  print(string.format("must_contain %d/%d  must_not_contain %d/%d  (boilerplate leaked on %d pages)",
    must_hit, must_n, mnot_hit, mnot_n, leak_pages))
end
print(string.format("time: mean %.2f ms/page, median %.2f ms/page (sapo.extract, CPU)", sum / #times,
  times[math.max(1, math.floor((#times + 1) / 2))]))
