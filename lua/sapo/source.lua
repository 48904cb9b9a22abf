--- Sources for pipelines: functions that return one item per call, then
-- nil (LuaSocket's ltn12 vocabulary, at the granularity of a page).
-- An item is `{ source = where, url = ..., html = bytes, content_type = ...,
-- charset = ... }`, or `{ source = ..., error = message, code = ... }` when
-- it could not be read; a bad item never stops the others.
-- @module sapo.source
local fetch = require "sapo.fetch"
local warc = require "sapo.warc"
local json = require "sapo.json"
local core = require "sapo.core"
local options = require "sapo.options"

local type, ipairs, error, tostring, format = type, ipairs, error, tostring, string.format
local M = {}

-- the default max_bytes of sapo.extract (the schema's)
M.MAX_BYTES = options.by_name.max_bytes.default
local READ_CHUNK = 65536

--- Read a file handle to its end, but never more than `max` + 1 bytes:
-- a device such as /dev/zero, or a file larger than the limit, is refused
-- after `max` + 1 bytes instead of being read whole.
-- @param fh an open file handle
-- @tparam[opt] integer max bytes (default: sapo.extract's max_bytes)
-- @return the bytes, or `nil, message, "ELIMIT"` (or "EIO")
function M.read_limited(fh, max)
  max = max or M.MAX_BYTES
  local parts, size = {}, 0
  while true do
    local chunk, err = fh:read(math.min(READ_CHUNK, max + 1 - size))
    if not chunk then
      if err then return nil, tostring(err), "EIO" end
      break
    end
    parts[#parts + 1] = chunk
    size = size + #chunk
    if size > max then return nil, format("larger than %d bytes (max_bytes)", max), "ELIMIT" end
  end
  return table.concat(parts)
end

-- Lines of a file handle, none longer than max: each call gives the next
-- line (without its newline), or false when the line was longer (it is
-- skipped to its end), or nil at the end.
local function bounded_lines(fh, max)
  local buf, pos, eof = "", 1, false
  return function()
    local parts, size, over = {}, 0, false
    while true do
      local e = buf:find("\n", pos, true)
      if e then
        local piece = buf:sub(pos, e - 1)
        pos = e + 1
        if over or size + #piece > max then return false end
        parts[#parts + 1] = piece
        return table.concat(parts)
      end
      local rest = buf:sub(pos)
      size = size + #rest
      if size > max then over, parts = true, {} elseif rest ~= "" then parts[#parts + 1] = rest end
      if eof then
        buf, pos = "", 1
        if over then return false end
        if size == 0 then return nil end
        return table.concat(parts)
      end
      buf, pos = fh:read(READ_CHUNK) or "", 1
      if buf == "" then eof = true end
    end
  end
end

local function read_file(path, max)
  local f, err = io.open(path, "rb")
  if not f then return nil, err, "EIO" end
  local s, rerr, code = M.read_limited(f, max)
  f:close()
  if not s then return nil, path .. ": " .. rerr, code end
  return s
end

local function file_item(path, url, max)
  local html, err, code = read_file(path, max)
  if not html then return { source = path, url = url, error = err, code = code } end
  return { source = path, url = url, html = html }
end

-- Every source is a function(skip) returning the next item, then nil.
-- With skip true it moves past the item without reading, fetching or
-- decoding it and returns SKIPPED: a --jobs worker takes its share of one
-- source that way.
local SKIPPED = { skipped = true }
M.SKIPPED = SKIPPED

--- One saved page.
-- @tparam string path
-- @tparam[opt] string url its address, the base for links
-- @tparam[opt] table opts `max_bytes` (larger files are an ELIMIT item, never read whole)
-- @treturn function the source (`skip -> item | nil`)
-- @raise when `path` is not a string
function M.file(path, url, opts)
  if type(path) ~= "string" then error("bad argument #1 to 'file' (string expected)", 2) end
  local done = false
  return function(skip)
    if done then return nil end
    done = true
    if skip then return SKIPPED end
    return file_item(path, url, opts and opts.max_bytes)
  end
end

-- shell glob (*, ?) -> Lua pattern, anchored
local function glob_pattern(g)
  return "^" .. g:gsub("[%^%$%(%)%%%.%[%]%+%-]", "%%%0"):gsub("%*", ".*"):gsub("%?", ".") .. "$"
end

-- The files of dir (and of its folders when recursive), whole paths in
-- byte order; a link to a file counts as the file, a dangling link or a
-- folder that cannot be read becomes an error entry.
local function walk(dir, recursive, keep, out)
  local entries, err, code = core.dir(dir)
  if not entries then out[#out + 1] = { path = dir, error = err, code = code }; return end
  local prefix = dir:sub(-1) == "/" and dir or dir .. "/"
  for _, e in ipairs(entries) do
    local path = prefix .. e.name
    local kind = e.kind == "link" and e.target or e.kind
    if kind == "dir" and e.kind == "dir" and recursive then
      walk(path, recursive, keep, out)
    elseif kind == "file" and keep(e.name) then
      out[#out + 1] = { path = path }
    elseif kind == "missing" and keep(e.name) then
      out[#out + 1] = { path = path, error = path .. ": a link to nothing (dangling)", code = "EIO" }
    end
  end
end

--- The files of a folder, sorted by path, recursive by default.  Names
-- are read whole (a newline in one is kept), links to files are followed,
-- dangling links are reported as error items.
-- @tparam string dir
-- @tparam[opt] table opts `glob` (a pattern or a list; default `*.html` and `*.htm`,
--   in any case), `recursive` (default true), `max_bytes` (per file)
-- @return the source, and the number of items
function M.dir(dir, opts)
  if type(dir) ~= "string" then error("bad argument #1 to 'dir' (string expected)", 2) end
  opts = opts or {}
  local pats = {}
  local globs = type(opts.glob) == "table" and opts.glob or { opts.glob or "*.html", not opts.glob and "*.htm" or nil }
  for _, g in ipairs(globs) do pats[#pats + 1] = glob_pattern(g) end
  local fold = not opts.glob   -- the default patterns match .HTML, .Htm ... too
  local function keep(name)
    if fold then name = name:lower() end
    for _, pat in ipairs(pats) do
      if name:match(pat) then return true end
    end
    return false
  end
  local files = {}
  walk(dir, opts.recursive ~= false, keep, files)
  table.sort(files, function(a, b) return a.path < b.path end)
  local i = 0
  return function(skip)
    i = i + 1
    local f = files[i]
    if not f then return nil end
    if skip then return SKIPPED end
    if f.error then return { source = f.path, error = f.error, code = f.code } end
    return file_item(f.path, nil, opts.max_bytes)
  end, #files
end

--- A list of paths and URLs (URLs are fetched with `fetch_opts`, whose
-- `max_bytes` also bounds the files read).
-- @tparam table items paths and http(s) URLs
-- @tparam[opt] table fetch_opts `sapo.fetch.fetch`'s options
-- @return the source, and the number of items
-- @raise when `items` is not a table
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
    return file_item(x, nil, fetch_opts and fetch_opts.max_bytes)
  end, #items
end

--- Fetch one URL into an item.
-- @tparam string url an http(s) URL
-- @tparam[opt] table fetch_opts `sapo.fetch.fetch`'s options
-- @treturn table `{ source, url, html, content_type, charset }`, or `{ source, url, error, code }`
function M.fetch_item(url, fetch_opts)
  local res, err, code = fetch.fetch(url, fetch_opts)
  if not res then return { source = url, url = url, error = err, code = code } end
  return { source = url, url = res.url, html = res.body, content_type = res.content_type, charset = res.charset }
end

--- The URLs of a file, one a line (blank lines and # comments skipped).
-- @tparam string path the file
-- @tparam[opt] table fetch_opts `sapo.fetch.fetch`'s options
-- @treturn function the source (an unreadable file is one error item)
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
-- @tparam table urls http(s) URLs
-- @tparam[opt] table fetch_opts `sapo.fetch.fetch`'s options
-- @return the source, and the number of items
function M.http(urls, fetch_opts)
  return M.list(urls, fetch_opts)
end

--- One page on standard input (or the given file handle), read up to
-- `max_bytes`.
-- @param[opt] fh a file handle (default io.stdin)
-- @tparam[opt] string url the page's address
-- @tparam[opt] table opts `max_bytes`
-- @treturn function the source (one item)
function M.stdin(fh, url, opts)
  local done = false
  return function()
    if done then return nil end
    done = true
    local s, err, code = M.read_limited(fh or io.stdin, opts and opts.max_bytes)
    if not s then return { source = "stdin", url = url, error = "standard input: " .. err, code = code } end
    return { source = "stdin", url = url, html = s }
  end
end

--- Pages given as strings (a table of HTML, or of `{html=, url=}` tables).
-- @tparam table pages the pages
-- @return the source, and the number of items
-- @raise when `pages` is not a table
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
-- @tparam string path
-- @tparam[opt] table opts `max_bytes` (a record or a decoded page over it is an ELIMIT item)
-- @treturn function the source (responses that are not HTML pages are items marked `skipped`)
function M.warc(path, opts)
  return warc.responses(path, opts)
end

--- JSON Lines: one `{"url": ..., "html": ...}` object a line (stdin by
-- default).  A line that is not such an object becomes an error item, so
-- outputs stay one line per input line; a line longer than what
-- `max_bytes` of HTML can take in JSON (6 bytes a byte) is one too, and is
-- never held whole.
-- @param[opt] fh a file handle
-- @tparam[opt] table opts `max_bytes`
-- @treturn function the source (one item a line)
function M.jsonl(fh, opts)
  fh = fh or io.stdin
  local max = (opts and opts.max_bytes or M.MAX_BYTES) * 6 + 65536
  local next_line = bounded_lines(fh, max)
  local n = 0
  return function(skip)
    local line = next_line()
    if line == nil then return nil end
    n = n + 1
    if skip then return SKIPPED end
    if line == false then
      return { source = "line " .. n, error = format("line %d: longer than %d bytes (max_bytes)", n, max), code = "ELIMIT" }
    end
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
