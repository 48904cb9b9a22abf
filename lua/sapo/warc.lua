--- Streaming WARC reader (`.warc` and `.warc.gz` with one gzip member per
-- record, as web archives and crawls publish them).  Never holds more than
-- one record in memory.
--
--     for rec in warc.records("crawl.warc.gz") do ... end
--     -- rec = { type, uri, headers = {...WARC headers...}, block = "..." }
--     -- or { error = msg, code = "EWARC" } for a damaged record (then stops)
--
-- `warc.responses(path)` yields pages from `response` records: `{ url,
-- html, status, content_type, charset }` with the HTTP headers parsed, a
-- gzip/deflate Content-Encoding decoded, and the charset of Content-Type.
-- @module sapo.warc
local core = require "sapo.core"
local type, tonumber, pcall, require, lower = type, tonumber, pcall, require, string.lower

local M = {}
local CHUNK = 64 * 1024

-- A byte stream over a file, gunzipping member after member when asked.
local function reader(f, gz)
  local buf, eof = "", false
  local zlib, stream
  if gz then
    local ok, z = pcall(require, "zlib")
    if not ok then return nil, "lua-zlib is needed for .warc.gz" end
    zlib = z
  end
  local pending = ""   -- compressed bytes not yet fed
  local stream_in = 0  -- what the current member's stream has consumed
  local function fill()
    if eof then return false end
    if not gz then
      local data = f:read(CHUNK)
      if not data then eof = true; return false end
      buf = buf .. data
      return true
    end
    if pending == "" then
      local data = f:read(CHUNK)
      if not data then eof = true; return false end
      pending = data
    end
    if not stream then stream, stream_in = zlib.inflate(31), 0 end
    local ok, out, done, bytes_in = pcall(stream, pending)
    if not ok then eof = true; return nil, "corrupt gzip member: " .. tostring(out) end
    buf = buf .. out
    if done then
      -- lua-zlib counts input over the stream's life: this call used the rest
      pending = pending:sub(bytes_in - stream_in + 1)
      stream = nil            -- the next member starts a new stream
    else
      stream_in = bytes_in
      pending = ""
    end
    return true
  end
  local r = {}
  function r.line()   -- up to CRLF or LF, without it; nil at the end
    while true do
      local i = buf:find("\n", 1, true)
      if i then
        local line = buf:sub(1, i - 1):gsub("\r$", "")
        buf = buf:sub(i + 1)
        return line
      end
      local ok, err = fill()
      if not ok then
        if err then return nil, err end
        if buf ~= "" then local l = buf; buf = ""; return l end
        return nil
      end
    end
  end
  function r.bytes(n)
    while #buf < n do
      local ok, err = fill()
      if not ok then return nil, err or "truncated" end
    end
    local s = buf:sub(1, n)
    buf = buf:sub(n + 1)
    return s
  end
  return r
end

--- Iterate over the records of a WARC file.
function M.records(path)
  if type(path) ~= "string" then error("bad argument #1 to 'records' (string expected)", 2) end
  local f, err = io.open(path, "rb")
  if not f then
    local done = false
    return function()
      if done then return nil end
      done = true
      return { error = err, code = "EIO", source = path }
    end
  end
  local r, rerr = reader(f, path:match("%.gz$") ~= nil)
  local stopped = false
  return function()
    if stopped then return nil end
    if not r then stopped = true; f:close(); return { error = rerr, code = "EWARC", source = path } end
    local line, lerr
    repeat line, lerr = r.line() until line == nil or line ~= ""
    if not line then
      stopped = true
      f:close()
      if lerr then return { error = path .. ": " .. lerr, code = "EWARC", source = path } end
      return nil
    end
    if not line:match("^WARC/%d") then
      stopped = true
      f:close()
      return { error = path .. ": not a WARC record header: " .. line:sub(1, 40), code = "EWARC", source = path }
    end
    local headers = {}
    while true do
      local h = r.line()
      if not h then
        stopped = true; f:close()
        return { error = path .. ": truncated record headers", code = "EWARC", source = path }
      end
      if h == "" then break end
      local k, v = h:match("^([^:]+):%s*(.-)%s*$")
      if k then headers[lower(k)] = v end
    end
    local len = tonumber(headers["content-length"] or "")
    if not len then
      stopped = true; f:close()
      return { error = path .. ": record without Content-Length", code = "EWARC", source = path }
    end
    local block, berr = r.bytes(len)
    if not block then
      stopped = true; f:close()
      return { error = path .. ": truncated record (" .. tostring(berr) .. ")", code = "EWARC", source = path,
               uri = headers["warc-target-uri"] }
    end
    return { type = headers["warc-type"], uri = headers["warc-target-uri"], headers = headers, block = block,
             source = path }
  end
end

local function decode(body, enc)
  enc = lower(enc or "")
  if enc == "" or enc == "identity" then return body end
  local ok, zlib = pcall(require, "zlib")
  if not ok then return nil, "lua-zlib is needed for " .. enc end
  local sok, out = pcall(zlib.inflate(47), body)
  if sok then return out end
  sok, out = pcall(zlib.inflate(-15), body)
  if sok then return out end
  return nil, "cannot decode " .. enc .. " body"
end

--- Iterate over the pages of `response` records (other records skipped).
function M.responses(path)
  local next_record = M.records(path)
  return function(skip)
    while true do
      local rec = next_record()
      if not rec then return nil end
      if rec.error then return { error = rec.error, code = rec.code, source = path, url = rec.uri } end
      if rec.type == "response" and skip then return { skipped = true } end
      if rec.type == "response" then
        local b = rec.block
        local head_end = b:find("\r\n\r\n", 1, true)
        local sep = 4
        if not head_end then head_end = b:find("\n\n", 1, true); sep = 2 end
        if not head_end then
          return { error = "response record without HTTP headers", code = "EWARC", source = path, url = rec.uri }
        end
        local head, body = b:sub(1, head_end - 1), b:sub(head_end + sep)
        local status = tonumber(head:match("^HTTP/%d[%.%d]* (%d%d%d)"))
        local h = {}
        for line in head:gmatch("[^\r\n]+") do
          local k, v = line:match("^([^:]+):%s*(.-)%s*$")
          if k then h[lower(k)] = v end
        end
        local html, err = decode(body, h["content-encoding"])
        if not html then return { error = err, code = "EWARC", source = path, url = rec.uri } end
        local ctype = h["content-type"]
        local cs = ctype and ctype:match("[Cc][Hh][Aa][Rr][Ss][Ee][Tt]%s*=%s*\"?([^\";%s]+)")
        return { url = rec.uri, html = html, status = status, content_type = ctype,
                 charset = cs and core.text.charset(cs) or nil, source = path }
      end
    end
  end
end

return M
