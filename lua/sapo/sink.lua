--- Sinks for pipelines: where items go.  Each is a table with `write(item)`
-- and `close()`, usable as `pipeline.run`'s third argument.
-- @module sapo.sink
local json = require "sapo.json"
local vi = require "sapo.vi"
local render = require "sapo.render"

local type, pairs, ipairs, error, tostring = type, pairs, ipairs, error, tostring
local M = {}

--- The record a sink writes for an item: the article's fields with the
-- item's `url` (the input's, as given) and `canonical_url` (the page's),
-- and `source`; or `{ source, url, error, code }`.  `fields` (a list)
-- keeps only those article fields (url, source, error and code stay).
-- @tparam table item a pipeline item
-- @tparam[opt] table fields article field names
-- @treturn table the record
function M.record(item, fields)
  local given = item.input and type(item.input.url) == "string" and item.input.url or nil
  if item.error or not item.article then
    return { source = item.source, url = given or item.url, error = item.error or "no article", code = item.code or "ENOCONTENT" }
  end
  local r = {}
  local a = item.article
  if fields then
    for _, k in ipairs(fields) do r[k] = a[k] end
  else
    for k, v in pairs(a) do r[k] = v end
  end
  r.canonical_url = (not fields or r.canonical_url ~= nil or r.url ~= nil) and a.url or nil
  r.url = given or item.url or a.url
  r.source = item.source
  return r
end

--- Collect records into a Lua array (returned by `.result`).
-- @tparam[opt] table t the array to fill (a new one by default)
-- @treturn table the sink (`write`, `close`, `result`)
function M.table(t)
  t = t or {}
  return { result = t, write = function(item) t[#t + 1] = M.record(item) end, close = function() end }
end

--- JSON Lines: one line per item, in order (errors too).
-- @param fh a file handle (default io.stdout) or a path
-- @tparam[opt] table opts `fields` (a list of article fields to keep)
-- A sink's `encode(item)` gives what `put(encoded)` writes: `write` is the
-- two in one; `sapo batch --jobs` encodes in its workers and puts in order.
-- @treturn table the sink (`write`, `encode`, `put`, `close`)
-- @raise when the path cannot be opened for writing
function M.jsonl(fh, opts)
  local own = false
  if type(fh) == "string" then
    local f, err = io.open(fh, "wb")
    if not f then error("cannot open " .. fh .. ": " .. tostring(err), 2) end
    fh, own = f, true
  end
  fh = fh or io.stdout
  local fields = opts and opts.fields
  local self = {}
  function self.encode(item)
    local line, err = json.encode(M.record(item, fields))
    if not line then line = json.encode({ source = item.source, url = item.url, error = err, code = "EJSON" }) end
    return line
  end
  function self.put(line) fh:write(line, "\n") end
  function self.write(item) self.put(self.encode(item)) end
  function self.close() if own then fh:close() else fh:flush() end end
  return self
end

local EXT = { json = ".json", markdown = ".md", text = ".txt", html = ".html" }

-- a file name: the title's slug when it has Latin letters, else the slug
-- of the source's own name (a file's stem, a URL's last path part), else
-- "page" (a title in Japanese gives no slug worth a name; "157" neither)
local function file_base(title, src)
  local base = title and vi.slug(title) or ""
  if base:find("%a") then return base end
  if type(src) == "string" then
    local stem = src:gsub("[?#].*$", ""):gsub("/+$", ""):match("([^/]+)$") or ""
    stem = vi.slug((stem:gsub("%.[%w]+$", "")))
    if stem:find("%a") then return stem end
  end
  return "page"
end

--- One file per page in a folder (created when missing), named from the
-- title's slug (`sapo.vi.slug`; the source's file name when the title has
-- no Latin letters), numbered when names repeat.  Failed items
-- are skipped.  The content is `sapo.render`'s for the format (the
-- article must hold `markdown`/`html` for those), or the JSON record.
-- @tparam string dir a folder
-- @tparam[opt] string format "json" (default), "markdown", "text" or "html"
-- @tparam[opt] table opts `fields`, `pretty` (JSON)
-- @treturn table the sink (`write`, `encode`, `put`, `close`, `written`: the paths)
-- @raise when the folder cannot be made, or a file cannot be written
function M.files(dir, format, opts)
  format = format or "json"
  if not EXT[format] then error("bad argument #2 to 'files' (json, markdown, text or html expected)", 2) end
  if type(dir) ~= "string" or dir == "" then error("bad argument #1 to 'files' (folder expected)", 2) end
  local q = "'" .. dir:gsub("'", "'\\''") .. "'"
  local ok = os.execute("mkdir -p " .. q .. " 2>/dev/null")
  if not (ok == true or ok == 0) then error("cannot create the folder " .. dir, 2) end
  opts = opts or {}
  local used = {}
  local self = { written = {} }
  -- "slug\ncontent", or false for an item with no article
  function self.encode(item)
    if item.error or not item.article then return false end
    local a = item.article
    local base = file_base(a.title, item.source or item.url)
    local content
    if format == "json" then content = json.encode(M.record(item, opts.fields), opts.pretty) .. "\n"
    else content = render[format](a) end
    return base:sub(1, 100) .. "\n" .. content
  end
  function self.put(enc)
    if not enc then return end
    local base, content = enc:match("^([^\n]*)\n(.*)$")
    local name, n = base, 1
    while used[name] do n = n + 1; name = base .. "-" .. n end
    used[name] = true
    local path = dir .. "/" .. name .. EXT[format]
    local f, err = io.open(path, "wb")
    if not f then error("cannot write " .. path .. ": " .. tostring(err)) end
    f:write(content)
    f:close()
    self.written[#self.written + 1] = path
  end
  function self.write(item) self.put(self.encode(item)) end
  function self.close() end
  return self
end

--- Call `fn(record, item)` for each item.
-- @tparam function fn `(record, item)`
-- @treturn table the sink
-- @raise when `fn` is not a function
function M.callback(fn)
  if type(fn) ~= "function" then error("bad argument #1 to 'callback' (function expected)", 2) end
  return { write = function(item) fn(M.record(item), item) end, close = function() end }
end

return M
