--- Sources for pipelines: functions that return one item per call, then
-- nil (LuaSocket's ltn12 vocabulary, at the granularity of a page).
-- An item is `{ source = where, url = ..., html = bytes, content_type = ...,
-- charset = ... }`, or `{ source = ..., error = message, code = ... }` when
-- it could not be read; a bad item never stops the others.
-- @module sapo.source
local fetch = require "sapo.fetch"
local warc = require "sapo.warc"
local json = require "sapo.json"

local type, ipairs, error, tostring, pcall = type, ipairs, error, tostring, pcall
local M = {}

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read("*a")
  f:close()
  if not s then return nil, path .. ": cannot read" end
  return s
end

local function file_item(path, url)
  local html, err = read_file(path)
  if not html then return { source = path, url = url, error = err, code = "EIO" } end
  return { source = path, url = url, html = html }
end

-- Every source is a function(skip) returning the next item, then nil.
-- With skip true it moves past the item without reading, fetching or
-- decoding it and returns SKIPPED: a --jobs worker takes its share of one
-- source that way.
local SKIPPED = { skipped = true }
M.SKIPPED = SKIPPED

--- One saved page.  `url` (optional) is its address, the base for links.
function M.file(path, url)
  if type(path) ~= "string" then error("bad argument #1 to 'file' (string expected)", 2) end
  local done = false
  return function(skip)
    if done then return nil end
    done = true
    if skip then return SKIPPED end
    return file_item(path, url)
  end
end

-- shell glob (*, ?) -> Lua pattern, anchored
local function glob_pattern(g)
  return "^" .. g:gsub("[%^%$%(%)%%%.%[%]%+%-]", "%%%0"):gsub("%*", ".*"):gsub("%?", ".") .. "$"
end

--- The files of a folder, sorted, recursive by default.
-- @tparam string dir
-- @tparam[opt] table opts `glob` (default "*.html", also "*.htm"), `recursive` (default true)
function M.dir(dir, opts)
  if type(dir) ~= "string" then error("bad argument #1 to 'dir' (string expected)", 2) end
  opts = opts or {}
  local pats = {}
  for _, g in ipairs(type(opts.glob) == "table" and opts.glob or { opts.glob or "*.html", not opts.glob and "*.htm" or nil }) do
    pats[#pats + 1] = glob_pattern(g)
  end
  local depth = opts.recursive == false and " -maxdepth 1" or ""
  local q = "'" .. dir:gsub("'", "'\\''") .. "'"
  local p = io.popen("find " .. q .. depth .. " -type f 2>/dev/null | LC_ALL=C sort")
  local files = {}
  for line in p:lines() do
    local base = line:match("([^/]+)$") or line
    for _, pat in ipairs(pats) do
      if base:match(pat) then files[#files + 1] = line; break end
    end
  end
  p:close()
  local i = 0
  return function(skip)
    i = i + 1
    if files[i] then return skip and SKIPPED or file_item(files[i]) end
  end, #files
end

--- A list of paths and URLs (URLs are fetched with `fetch_opts`).
function M.list(items, fetch_opts)
  if type(items) ~= "table" then error("bad argument #1 to 'list' (table expected)", 2) end
  local i = 0
  return function(skip)
    i = i + 1
    local x = items[i]
    if x == nil then return nil end
    if skip then return SKIPPED end
    if type(x) ~= "string" then return { source = tostring(x), error = "not a path or URL", code = "EINVAL" } end
    if x:match("^https?://") then return M.fetch_item(x, fetch_opts) end
    return file_item(x)
  end, #items
end

--- Fetch one URL into an item.
function M.fetch_item(url, fetch_opts)
  local res, err, code = fetch.fetch(url, fetch_opts)
  if not res then return { source = url, url = url, error = err, code = code } end
  return { source = url, url = res.url, html = res.body, content_type = res.content_type, charset = res.charset }
end

--- The URLs of a file, one a line (blank lines and # comments skipped).
function M.urls_file(path, fetch_opts)
  local f, err = io.open(path, "rb")
  if not f then
    local done = false
    return function() if not done then done = true; return { source = path, error = err, code = "EIO" } end end
  end
  return function(skip)
    while true do
      local line = f:read("*l")
      if not line then f:close(); return nil end
      line = line:gsub("^%s+", ""):gsub("%s+$", "")
      if line ~= "" and line:sub(1, 1) ~= "#" then return skip and SKIPPED or M.fetch_item(line, fetch_opts) end
    end
  end
end

--- HTTP: the given URLs, fetched one after the other.
function M.http(urls, fetch_opts)
  return M.list(urls, fetch_opts)
end

--- One page on standard input (or the given file handle).
function M.stdin(fh, url)
  local done = false
  return function()
    if done then return nil end
    done = true
    local s = (fh or io.stdin):read("*a")
    if not s then return { source = "stdin", url = url, error = "cannot read standard input", code = "EIO" } end
    return { source = "stdin", url = url, html = s }
  end
end

--- Pages given as strings (a table of HTML, or of `{html=, url=}` tables).
function M.strings(pages)
  if type(pages) ~= "table" then error("bad argument #1 to 'strings' (table expected)", 2) end
  local i = 0
  return function(skip)
    i = i + 1
    local p = pages[i]
    if p == nil then return nil end
    if skip then return SKIPPED end
    if type(p) == "string" then return { source = "string:" .. i, html = p } end
    return { source = p.source or ("string:" .. i), html = p.html, url = p.url, content_type = p.content_type }
  end, #pages
end

--- The response pages of a WARC file (`.warc` or `.warc.gz`), streamed.
function M.warc(path)
  return warc.responses(path)
end

--- JSON Lines: one `{"url": ..., "html": ...}` object a line (stdin by
-- default).  A line that is not such an object becomes an error item, so
-- outputs stay one line per input line.
function M.jsonl(fh)
  fh = fh or io.stdin
  local n = 0
  return function(skip)
    local line = fh:read("*l")
    if not line then return nil end
    n = n + 1
    if skip then return SKIPPED end
    local obj, err = json.decode(line)
    if type(obj) ~= "table" then
      return { source = "line " .. n, error = "line " .. n .. ": not a JSON object" .. (err and (": " .. err) or ""), code = "EJSON" }
    end
    if type(obj.html) ~= "string" then
      return { source = "line " .. n, url = obj.url, error = "line " .. n .. ": no \"html\" string", code = "EJSON", input = obj }
    end
    return { source = "line " .. n, url = type(obj.url) == "string" and obj.url or nil, html = obj.html,
             content_type = obj.content_type, input = obj }
  end
end

return M
