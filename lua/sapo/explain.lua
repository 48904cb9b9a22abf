--- `sapo explain`: why each part of a page was kept or dropped, as one
-- self-contained HTML report drawn from the finder's trace (`opts.trace`),
-- never from a second copy of its logic.
--
--     local report = assert(sapo.explain(html, { url = "https://example.vn/a" }))
--
-- The report shows the page's text blocks in document order, framed and
-- coloured by verdict (kept, lead, title/byline/date, caption, listing,
-- dropped by a named filter, outside every container), each with a margin
-- note (rule, length, link density, the listing it belongs to); the
-- candidate containers with their source, score and the arbiter's reason
-- (choosing one outlines the blocks inside it, with CSS only); the fields
-- and where each came from; and a summary line.  The page's own text is
-- escaped, nothing of its markup or scripts is copied, and a CSP <meta>
-- forbids every load and script.
-- @module sapo.explain
local options = require "sapo.options"

local concat, format, gsub, sort = table.concat, string.format, string.gsub, table.sort
local type, ipairs, pairs, tostring, error = type, ipairs, pairs, tostring, error

local M = {}

local function esc(s)
  return (gsub(tostring(s or ""), "[&<>\"']", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;",
    ["'"] = "&#39;" }))
end

-- verdict class of a dropped block's rule
local META_RULES = { title = true, ["title-repeat"] = true, byline = true, ["date-line"] = true, signature = true,
  ["source-line"] = true }
local CAPTION_RULES = { caption = true, ["caption-like"] = true }
local LISTING_RULES = { listing = true, ["listing-heading"] = true, ["trailing-links"] = true }

local LEGEND = {
  { "kept", "kept in the article" }, { "lead", "the lead" }, { "meta", "title, byline, date" },
  { "caption", "caption" }, { "listing", "dropped as a listing or teaser run" },
  { "dropped", "dropped by a named filter" }, { "outside", "outside every candidate" },
}

local CSS = [[
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header.sum{position:sticky;top:0;background:#222;color:#fff;padding:8px 16px;z-index:2}
header.sum b{color:#9f9}
main{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:16px;padding:16px}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px;margin-bottom:12px}
h2{font-size:15px;margin:4px 0 8px}
table{border-collapse:collapse;width:100%;font-size:12px}
td,th{border-bottom:1px solid #eee;padding:3px 4px;text-align:left;vertical-align:top}
.blk{display:grid;grid-template-columns:minmax(0,1fr) 220px;gap:10px;border-left:6px solid #999;
 margin:6px 0;padding:4px 8px;background:#fff}
.blk .t{white-space:pre-wrap;word-break:break-word}
.blk .n{font-size:11px;color:#555;border-left:1px dashed #ccc;padding-left:8px;word-break:break-all}
.kept{border-color:#2a2;background:#f3fbf3}.lead{border-color:#060;background:#e3f5e3;font-weight:600}
.meta{border-color:#26c;background:#eef4ff}.caption{border-color:#93c;background:#f7f0fc}
.listing{border-color:#e80;background:#fff6ea;color:#654}.dropped{border-color:#d22;background:#fdf0f0;color:#644}
.outside{border-color:#bbb;background:#f4f4f4;color:#777}
.key span{display:inline-block;border-left:6px solid;padding:0 6px;margin:2px 6px 2px 0}
input.cand{position:absolute;left:-9999px}
label{cursor:pointer;text-decoration:underline dotted}
.won{font-weight:700} .lost{color:#888}
aside code,aside small{word-break:break-all}
]]

local function note_for(b)
  local parts = {}
  if b.rule then parts[#parts + 1] = "rule: " .. b.rule end
  if b.role then parts[#parts + 1] = "role: " .. b.role end
  if b.length and b.length > 0 then parts[#parts + 1] = "length: " .. b.length end
  if b.link_density then parts[#parts + 1] = format("link density: %.2f", b.link_density) end
  if b.listing then parts[#parts + 1] = "listing: " .. b.listing end
  if b.in_candidates and #b.in_candidates > 0 then
    local c = {}
    for _, k in ipairs(b.in_candidates) do c[#c + 1] = "#" .. k end
    parts[#parts + 1] = "in candidates " .. concat(c, ", ")
  end
  if b.pass and b.pass > 0 then parts[#parts + 1] = "pass " .. b.pass end
  local note = esc(concat(parts, "\n")):gsub("\n", "<br>")
  if b.path then note = note .. "<br><code>" .. esc(b.path) .. "</code>" end
  return note
end

local function class_of(b)
  if b.kind == "kept" then return b.role == "lead" and "lead" or "kept" end
  if b.kind == "outside" then return "outside" end
  if META_RULES[b.rule] then return "meta" end
  if CAPTION_RULES[b.rule] then return "caption" end
  if LISTING_RULES[b.rule] then return "listing" end
  return "dropped"
end

-- the blocks in document order: kept blocks without a page node follow the
-- kept block before them
local function blocks_of(tr)
  local list, last = {}, -1
  -- a lead read from outside the container is kept at its own place
  local outside_at, taken = {}, {}
  for _, o in ipairs(tr.outside) do if o.text then outside_at[o.text] = o.node end end
  for i, k in ipairs(tr.kept) do
    local key = k.node or (k.text and outside_at[k.text]) or (last + 0.001 * i)
    if not k.node and k.text and outside_at[k.text] then taken[k.text] = true end
    if k.node then last = k.node end
    list[#list + 1] = { kind = "kept", key = key, seq = i, text = k.text, role = k.role, length = k.length,
      link_density = k.link_density, path = k.path, in_candidates = k.in_candidates, pass = k.pass }
  end
  local listing_at = {}
  for _, l in ipairs(tr.listings) do if l.node then listing_at[l.node] = l end end
  for i, d in ipairs(tr.dropped) do
    local l = d.node and listing_at[d.node]
    list[#list + 1] = { kind = "dropped", key = d.node or 1e12, seq = 1e6 + i, text = d.text, rule = d.rule,
      length = d.length, link_density = d.link_density, path = d.path, in_candidates = d.in_candidates, pass = d.pass,
      listing = l and format("%s %s (%s, %d items)", l.kind, l.verdict or "", l.text or "", l.items or 0) or nil }
  end
  for i, o in ipairs(tr.outside) do
    if not taken[o.text] then list[#list + 1] = { kind = "outside", key = o.node or 1e12, seq = 2e6 + i, text = o.text, length = o.length,
      path = o.path, in_candidates = o.in_candidates } end
  end
  sort(list, function(a, b)
    if a.key ~= b.key then return a.key < b.key end
    return a.seq < b.seq
  end)
  return list
end

--- Render the report for an article extracted with `trace = true`.
-- @tparam table art the article (with `art.trace`)
-- @tparam[opt] number ms the extraction's time, for the summary
-- @treturn string the report (a complete HTML document)
-- @raise when `art` has no trace
function M.report(art, ms)
  if type(art) ~= "table" or type(art.trace) ~= "table" then
    error("bad argument #1 to 'report' (article with a trace expected)", 2)
  end
  local tr = art.trace
  local blocks = blocks_of(tr)
  local counts = {}
  for _, b in ipairs(blocks) do b.class = class_of(b); counts[b.class] = (counts[b.class] or 0) + 1 end
  local kept_n = (counts.kept or 0) + (counts.lead or 0)
  local dropped_n = #tr.dropped
  local out = {}
  local function w(...) for _, s in ipairs({ ... }) do out[#out + 1] = s end end
  w("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n",
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; ",
    "img-src data:; form-action 'none'; base-uri 'none'\">\n",
    "<meta name=\"referrer\" content=\"no-referrer\">\n",
    "<title>sapo explain: ", esc(art.title or "untitled"), "</title>\n<style>", CSS)
  -- candidate outlines: one rule per candidate, CSS only
  for k = 1, math.min(#tr.candidates, 32) do
    w(format("#c%d:checked~main .in-c%d{outline:3px dashed #06c;outline-offset:2px}\n", k, k))
    w(format("#c%d:checked~main label[for=c%d]{background:#cde}\n", k, k))
  end
  w("</style></head><body>\n")
  w("<header class=\"sum\">", esc(art.title or "untitled"), " — method <b>", esc(art.method or "?"), "</b> · ",
    tostring(#(art.text or "")), " bytes of text · ", tostring(kept_n), " blocks kept · ", tostring(dropped_n),
    " dropped · ", tostring(counts.outside or 0), " outside", ms and format(" · %.1f ms", ms) or "",
    tr.complete and "" or " · trace incomplete", "</header>\n")
  for k = 1, math.min(#tr.candidates, 32) do w("<input type=\"radio\" name=\"cand\" class=\"cand\" id=\"c", k, "\">") end
  w("\n<main><div class=\"page\">\n<section class=\"key\"><h2>Legend</h2>")
  for _, l in ipairs(LEGEND) do w("<span class=\"", l[1], "\">", esc(l[2]), "</span>") end
  w("</section>\n<section><h2>The page, block by block</h2>\n")
  for _, b in ipairs(blocks) do
    local cls = { "blk", b.class }
    for _, k in ipairs(b.in_candidates or {}) do cls[#cls + 1] = "in-c" .. k end
    w("<div class=\"", concat(cls, " "), "\"><div class=\"t\">", esc(b.text), "</div><div class=\"n\">",
      esc(b.class), "<br>", note_for(b), "</div></div>\n")
  end
  w("</section></div>\n<aside>\n<section><h2>Fields</h2><p>Every candidate of each field, in the order its sources ",
    "are tried: the first that passes the field's check is chosen.</p>",
    "<table><tr><th>field</th><th>value</th><th>from</th><th>verdict</th></tr>")
  for _, f in ipairs(tr.fields) do
    w("<tr class=\"", f.verdict == "chosen" and "won" or "lost", "\"><td>", esc(f.field), "</td><td>", esc(f.value),
      "</td><td>", esc(f.source), "</td><td>", esc(f.verdict), "</td></tr>")
  end
  w("</table></section>\n<section><h2>Candidates</h2><p>Choose one to outline the blocks inside its container.</p>",
    "<table><tr><th>#</th><th>source</th><th>score</th><th>length</th><th>links</th><th>verdict</th></tr>")
  for k, c in ipairs(tr.candidates) do
    local label = k <= 32 and ("<label for=\"c" .. k .. "\">#" .. k .. "</label>") or ("#" .. k)
    w("<tr class=\"", c.verdict == "won" and "won" or "", "\"><td>", label, "</td><td>", esc(c.source),
      c.pass and c.pass > 0 and (" (pass " .. c.pass .. ")") or "", "</td><td>", format("%.1f", c.score or 0),
      "</td><td>", tostring(c.length or 0), "</td><td>", format("%.2f", c.link_density or 0), "</td><td>",
      esc(c.verdict), "<br><small>", esc(c.reason), "</small><br><code>", esc(c.path), "</code></td></tr>")
  end
  w("</table></section>\n<section><h2>Listings found</h2><table><tr><th>kind</th><th>items</th><th>where</th></tr>")
  for _, l in ipairs(tr.listings) do
    w("<tr><td>", esc(l.kind), " ", esc(l.verdict), "</td><td>", tostring(l.items or 0), " (", esc(l.text), ")</td><td><code>",
      esc(l.path), "</code></td></tr>")
  end
  w("</table></section>\n</aside></main>\n</body></html>\n")
  return concat(out)
end

local function now_fn()
  local ok, socket = pcall(require, "socket")
  return ok and socket.gettime or os.clock
end

--- Extract `html` with a trace and render the report.
-- @tparam string html the page
-- @tparam[opt] table opts `sapo.extract`'s options
-- @return report (string), article; or `nil, message, code[, report]`: when
--   no article is found (`"ENOCONTENT"`) the report of why every candidate
--   lost comes fourth
-- @raise when `html` is not a string or an option is wrong
function M.explain(html, opts)
  if type(html) ~= "string" then error("bad argument #1 to 'explain' (string expected, got " .. type(html) .. ")", 2) end
  options.check(opts, "explain", 2)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.trace = true
  local now = now_fn()
  local t0 = now()
  local art, msg, code, trace = require("sapo").extract(html, o)
  local ms = (now() - t0) * 1000
  if not art then
    if not trace then return nil, msg, code end
    return nil, msg, code, M.report({ text = "", trace = trace, title = "(no article: " .. msg .. ")" }, ms)
  end
  return M.report(art, ms), art
end

return M
