--- Sinks for pipelines: where items go.  Each is a table with `write(item)`
-- and `close()`, usable as `pipeline.run`'s third argument.
-- @module sapo.sink
local json = require "sapo.json"
local vi = require "sapo.vi"

local type, pairs, ipairs, error, tostring = type, pairs, ipairs, error, tostring
local M = {}

--- The record a sink writes for an item: the article's fields with the
-- item's `url` and `source`, or `{ source, url, error, code }`.
function M.record(item)
  if item.error or not item.article then
    return { source = item.source, url = item.url, error = item.error or "no article", code = item.code or "ENOCONTENT" }
  end
  local r = {}
  for k, v in pairs(item.article) do r[k] = v end
  r.url = r.url or item.url
  r.source = item.source
  return r
end

--- Collect records into a Lua array (returned by `.result`).
function M.table(t)
  t = t or {}
  return { result = t, write = function(item) t[#t + 1] = M.record(item) end, close = function() end }
end

--- JSON Lines: one line per item, in order (errors too).
-- @param fh a file handle (default io.stdout) or a path
function M.jsonl(fh)
  local own = false
  if type(fh) == "string" then
    local f, err = io.open(fh, "wb")
    if not f then error("cannot open " .. fh .. ": " .. tostring(err), 2) end
    fh, own = f, true
  end
  fh = fh or io.stdout
  return {
    write = function(item)
      local line, err = json.encode(M.record(item))
      if not line then line = json.encode({ source = item.source, url = item.url, error = err, code = "EJSON" }) end
      fh:write(line, "\n")
    end,
    close = function() if own then fh:close() else fh:flush() end end,
  }
end

local EXT = { json = ".json", markdown = ".md", text = ".txt", html = ".html" }

--- One file per page in a folder, named from the title's slug
-- (`sapo.vi.slug`), numbered when names repeat.  Failed items are skipped.
-- @tparam string dir an existing folder
-- @tparam[opt] string format "json" (default), "markdown", "text" or "html"
function M.files(dir, format)
  format = format or "json"
  if not EXT[format] then error("bad argument #2 to 'files' (json, markdown, text or html expected)", 2) end
  local used = {}
  return {
    written = {},
    write = function(item)
      if item.error or not item.article then return end
      local a = item.article
      local base = (a.title and vi.slug(a.title)) or ""
      if base == "" then base = "page" end
      base = base:sub(1, 100)
      local name, n = base, 1
      while used[name] do n = n + 1; name = base .. "-" .. n end
      used[name] = true
      local path = dir .. "/" .. name .. EXT[format]
      local f, err = io.open(path, "wb")
      if not f then error("cannot write " .. path .. ": " .. tostring(err)) end
      if format == "json" then f:write(json.encode(M.record(item)), "\n")
      elseif format == "markdown" then f:write(a.title and ("# " .. a.title .. "\n\n") or "", a.markdown or a.text, "\n")
      elseif format == "html" then f:write(a.html or "", "\n")
      else f:write(a.title and (a.title .. "\n\n") or "", a.text, "\n") end
      f:close()
    end,
    close = function() end,
  }
end

--- Call `fn(record, item)` for each item.
function M.callback(fn)
  if type(fn) ~= "function" then error("bad argument #1 to 'callback' (function expected)", 2) end
  return { write = function(item) fn(M.record(item), item) end, close = function() end }
end

return M
