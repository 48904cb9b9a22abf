--- An article as a reader gets it: plain text, Markdown or a small HTML
-- document, each with the title, the byline and date line, the lead and
-- the body.  Used by the `sapo` command and the nginx service.
--
--     local render = require "sapo.render"
--     local art = sapo.extract(html, { formats = { "markdown", "html" } })
--     io.write(render.markdown(art))
--
-- `markdown` and `html` need the article extracted with those formats
-- (`render.needs(format)` lists them); `text` needs nothing more.
-- @module sapo.render
local core = require "sapo.core"

local concat, gsub, find, type, error = table.concat, string.gsub, string.find, type, error
local md_text = core.text.markdown   -- the page's text as Markdown text: nothing in it is markup

local M = {}

--- The extraction formats a rendering needs.
-- @tparam string format "text", "markdown", "html" or "json"
-- @treturn table the `formats` option `sapo.extract` needs for it
function M.needs(format)
  if format == "markdown" then return { "markdown" } end
  if format == "html" then return { "html" } end
  if format == "json" then return { "markdown", "html" } end
  return {}
end

-- "Jane Doe · 2024-03-14", or nil
local function byline_date(art)
  local parts = {}
  if art.byline and art.byline ~= "" then parts[#parts + 1] = art.byline end
  if art.date and art.date ~= "" then parts[#parts + 1] = art.date:sub(1, 10) end
  if #parts == 0 then return nil end
  return concat(parts, " · ")
end

-- the lead is printed once: by the body, which holds it (marked: bold in
-- Markdown, <p class="lead"> in HTML) when sapo found it among the
-- article's blocks; on its own above the body only when it is not there
local LEAD_PROBE = 80      -- bytes of the lead looked for in the body ...
local LEAD_SENTENCE = 20   -- ... or its first sentence, when that is this long

local function lead_apart(art)
  local lead = art.lead
  if not lead or lead == "" then return nil end
  -- its opening words (a lead of key points is one line in art.lead, a
  -- list in the body)
  local first = lead:match("^(.-)\n\n") or lead
  local sentence = first:match("^(.-[%.!?])%s")
  if sentence and #sentence >= LEAD_SENTENCE then first = sentence end
  first = first:sub(1, LEAD_PROBE):gsub("[\192-\255][\128-\191]*$", "")
  if art.text and find(art.text, first, 1, true) then return nil end
  return lead
end

local function escape_html(s)
  return (gsub(s, "[&<>\"]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" }))
end

local function check(art, fn)
  if type(art) ~= "table" then error("bad argument #1 to '" .. fn .. "' (article table expected)", 3) end
end

--- Title, a "byline · date" line, then the text (lead first).
-- @tparam table art an article
-- @treturn string the text
-- @raise when `art` is not a table
function M.text(art)
  check(art, "text")
  local out = {}
  if art.title and art.title ~= "" then out[#out + 1] = art.title end
  local bd = byline_date(art)
  if bd then out[#out + 1] = bd end
  if #out > 0 then out[#out + 1] = "" end
  out[#out + 1] = art.text or ""
  return concat(out, "\n") .. "\n"
end

--- `# title`, an italic byline/date line, the body (its lead in bold).
-- @tparam table art an article extracted with `formats = { "markdown" }`
-- @treturn string the Markdown
-- @raise when `art` is not a table, or has no `markdown`
function M.markdown(art)
  check(art, "markdown")
  local md = art.markdown
  if not md then error("render.markdown: extract with formats = { \"markdown\" }", 2) end
  local out = {}
  if art.title and art.title ~= "" then out[#out + 1] = "# " .. md_text(art.title); out[#out + 1] = "" end
  local bd = byline_date(art)
  if bd then out[#out + 1] = "*" .. md_text(bd) .. "*"; out[#out + 1] = "" end
  local lead = lead_apart(art)
  if lead then
    for para in (md_text(lead) .. "\n\n"):gmatch("(.-)\n\n+") do
      if para ~= "" then out[#out + 1] = "**" .. para .. "**"; out[#out + 1] = "" end
    end
  end
  out[#out + 1] = md
  return concat(out, "\n") .. "\n"
end

--- A complete small HTML document: <h1>, byline, <time>, the body (its lead
-- as `<p class="lead">`).
-- @tparam table art an article extracted with `formats = { "html" }`
-- @treturn string the document
-- @raise when `art` is not a table, or has no `html`
function M.html(art)
  check(art, "html")
  local body = art.html
  if not body then error("render.html: extract with formats = { \"html\" }", 2) end
  local lang = art.lang and art.lang:match("^[%a%-]+$") and (' lang="' .. art.lang .. '"') or ""
  local dir = (art.dir == "rtl" or art.dir == "ltr") and (' dir="' .. art.dir .. '"') or ""
  local out = { "<!DOCTYPE html>", "<html" .. lang .. dir .. ">", "<head>", '<meta charset="utf-8">',
    "<title>" .. escape_html(art.title or "") .. "</title>" }
  if art.url then out[#out + 1] = '<link rel="canonical" href="' .. escape_html(art.url) .. '">' end
  out[#out + 1] = "</head>"
  out[#out + 1] = "<body>"
  out[#out + 1] = "<article>"
  if art.title and art.title ~= "" then out[#out + 1] = "<h1>" .. escape_html(art.title) .. "</h1>" end
  local meta = {}
  if art.byline and art.byline ~= "" then meta[#meta + 1] = '<span class="byline">' .. escape_html(art.byline) .. "</span>" end
  if art.date and art.date ~= "" then
    meta[#meta + 1] = '<time datetime="' .. escape_html(art.date) .. '">' .. escape_html(art.date:sub(1, 10)) .. "</time>"
  end
  if #meta > 0 then out[#out + 1] = "<p class=\"meta\">" .. concat(meta, " · ") .. "</p>" end
  local lead = lead_apart(art)
  if lead then out[#out + 1] = '<p class="lead"><strong>' .. escape_html(lead) .. "</strong></p>" end
  out[#out + 1] = body
  out[#out + 1] = "</article>"
  out[#out + 1] = "</body>"
  out[#out + 1] = "</html>"
  return concat(out, "\n") .. "\n"
end

M.CONTENT_TYPES = {
  text = "text/plain; charset=utf-8",
  markdown = "text/markdown; charset=utf-8",
  html = "text/html; charset=utf-8",
  json = "application/json; charset=utf-8",
}

return M
