--- Option names, types and checks for every sapo entry point (one place).
-- @module sapo.options
local pairs, ipairs, type, error, tostring = pairs, ipairs, type, error, tostring

local M = {}

local PARSE = {
  charset = "string", content_type = "string", url = "string",
  max_bytes = "number", max_depth = "number", max_nodes = "number", legacy = "boolean",
}
local EXTRACT = {
  formats = "table", tone = "string", char_threshold = "number", nb_top_candidates = "number",
  keep_captions = "boolean", legacy = "boolean", lang = "string",
  skip = "table",             -- precision filters to leave out, by name (csrc/core/clean.h)
  trace = "boolean",          -- art.trace: the finder's candidates, listings, dropped and kept blocks
}
for k, v in pairs(PARSE) do EXTRACT[k] = v end

local KNOWN = { parse = PARSE, extract = EXTRACT }

--- Raise (at `level`) when `opts` is not a table or holds an unknown or
-- mistyped option.
function M.check(opts, fname, level)
  if opts == nil then return end
  level = (level or 1) + 1
  if type(opts) ~= "table" then
    error("bad argument #2 to '" .. fname .. "' (table expected, got " .. type(opts) .. ")", level)
  end
  local known = KNOWN[fname]
  for k, v in pairs(opts) do
    local want = known[k]
    if not want then
      error("bad option '" .. tostring(k) .. "' to '" .. fname .. "'", level)
    end
    if type(v) ~= want then
      error("bad option '" .. k .. "' to '" .. fname .. "' (" .. want .. " expected, got " .. type(v) .. ")", level)
    end
  end
  if opts.tone ~= nil and opts.tone ~= "old" and opts.tone ~= "new" then
    error("bad option 'tone' to '" .. fname .. "' (\"old\" or \"new\" expected)", level)
  end
end

-- The article's text fields (tone style and normalisation apply to them).
local TEXT_FIELDS = { "title", "byline", "lead", "text", "markdown", "html", "description" }
M.TEXT_FIELDS = TEXT_FIELDS

--- Post-processing done after the C core returns an article: tone style,
-- and `lang` from detection when the page does not declare one.
function M.finish(art, opts, vi)
  if opts and opts.tone then
    for _, k in ipairs(TEXT_FIELDS) do
      if art[k] then art[k] = vi.tone(art[k], opts.tone) end
    end
    if art.authors then
      for i, a in ipairs(art.authors) do art.authors[i] = vi.tone(a, opts.tone) end
    end
    for _, im in ipairs(art.images or {}) do
      if im.caption then im.caption = vi.tone(im.caption, opts.tone) end
      if im.alt then im.alt = vi.tone(im.alt, opts.tone) end
    end
  end
  if opts and opts.lang then
    art.lang = opts.lang
  elseif not art.lang and art.text then
    if vi.detect(art.text:sub(1, 1500)) == "vi" then art.lang = "vi" end
  end
  return art
end

return M
