--- Streaming WARC reader (`.warc` and `.warc.gz` with one gzip member per
-- record, as web archives and crawls publish them).  Never holds more than
-- one record in memory, and no record over `max_bytes` (it is skipped
-- unread and reported); reads in bounded pieces, in time linear in the
-- file (a gzip member is inflated a little at a time, header lines are at
-- most MAX_LINE bytes).
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
local MAX_BYTES = require("sapo.options").by_name.max_bytes.default
local CHUNK = 64 * 1024
local INFLATE_PIECE = 4096      -- compressed bytes inflated at a time
M.MAX_LINE = 65536              -- bytes of a WARC header line

-- A byte stream over a file, gunzipping member after member when asked.
-- The unread bytes are buf from pos on: nothing is copied twice.
local function reader(f, gz)
  local buf, pos, eof = "", 1, false
  local zlib, stream
  if gz then
    local ok, z = pcall(require, "zlib")
    if not ok then return nil, "lua-zlib is needed for .warc.gz" end
    zlib = z
  end
  local pending = ""   -- compressed bytes not yet fed
  local stream_in = 0  -- what the current member's stream has consumed
  -- the next piece of the stream, or false at the end, or nil, error
  local function more()
    if eof then return false end
    if not gz then
      local data = f:read(CHUNK)
      if not data then eof = true; return false end
      return data
    end
    if pending == "" then
      local data = f:read(CHUNK)
      if not data then eof = true; return false end
      pending = data
    end
    if not stream then stream, stream_in = zlib.inflate(31), 0 end
    local piece = pending:sub(1, INFLATE_PIECE)
    local ok, out, done, bytes_in = pcall(stream, piece)
    if not ok then eof = true; return nil, "corrupt gzip member: " .. tostring(out) end
    if done then
      -- lua-zlib counts input over the stream's life: this call used part of the piece
      pending = pending:sub(bytes_in - stream_in + 1)
      stream = nil            -- the next member starts a new stream
    else
      stream_in = bytes_in
      pending = pending:sub(#piece + 1)
    end
    return out
  end
  local function fill()
    local data, err = more()
    if not data then return data, err end
    buf, pos = buf:sub(pos) .. data, 1
    return true
  end
  local r = {}
  function r.line()   -- up to CRLF or LF, without it; nil at the end; nil, "too long"
    while true do
      local i = buf:find("\n", pos, true)
      if i then
        local line = buf:sub(pos, i - 1):gsub("\r$", "")
        pos = i + 1
        return line
      end
      if #buf - pos + 1 > M.MAX_LINE then return nil, "a header line over " .. M.MAX_LINE .. " bytes" end
      local ok, err = fill()
      if not ok then
        if err then return nil, err end
        if pos <= #buf then local l = buf:sub(pos); buf, pos = "", 1; return l end
        return nil
      end
    end
  end
  -- n bytes (keep) or n bytes passed over (not keep); nil, err when cut
  function r.bytes(n, keep)
    local parts, got = {}, 0
    while got < n do
      if pos > #buf then
        local data, err = more()
        if not data then return nil, err or "truncated" end
        buf, pos = data, 1
      end
      local piece = buf:sub(pos, pos + (n - got) - 1)
      pos = pos + #piece
      got = got + #piece
      if keep then parts[#parts + 1] = piece end
    end
    return keep and table.concat(parts) or true
  end
  return r
end

--- Iterate over the records of a WARC file.
-- @tparam string path
-- @tparam[opt] table opts `max_bytes`: a record block over it is passed over
--   and given as `{error, code = "ELIMIT", uri}` (default sapo.extract's max_bytes)
-- @treturn function the records (`{ type, uri, date, block }`), then nil
function M.records(path, opts)
  local max = opts and opts.max_bytes or MAX_BYTES
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
    if len > max then
      local ok, berr = r.bytes(len, false)
      if not ok then
        stopped = true; f:close()
        return { error = path .. ": truncated record (" .. tostring(berr) .. ")", code = "EWARC", source = path }
      end
      return { error = path .. ": a record of " .. len .. " bytes is over max_bytes (" .. max .. ")", code = "ELIMIT",
               source = path, uri = headers["warc-target-uri"], type = headers["warc-type"] }
    end
    local block, berr = r.bytes(len, true)
    if not block then
      stopped = true; f:close()
      return { error = path .. ": truncated record (" .. tostring(berr) .. ")", code = "EWARC", source = path,
               uri = headers["warc-target-uri"] }
    end
    return { type = headers["warc-type"], uri = headers["warc-target-uri"], headers = headers, block = block,
             source = path }
  end
end

-- the body of a response, decoded (bounded by max, as sapo.fetch does)
local function decode(body, enc, max)
  enc = lower(enc or "")
  if enc == "" or enc == "identity" then return body end
  return require("sapo.fetch").decode(body, enc, max)
end

-- a response that declares a type other than HTML (an image, a script, a
-- stylesheet, JSON) is no page; one that declares none may be
local function is_html_type(ctype)
  if not ctype or ctype == "" then return true end
  local t = lower(ctype:match("^%s*([^;%s]*)"))
  return t == "text/html" or t == "application/xhtml+xml" or t == "text/plain" or t == ""
end

--- Iterate over the pages of `response` records (other records skipped;
-- a response that is not an HTML page is an item marked `skipped`, which
-- `sapo.pipeline` counts as skipped).
-- @tparam string path
-- @tparam[opt] table opts `max_bytes`
-- @treturn function the pages (`{ url, html, status, content_type, charset, source }`), then nil
function M.responses(path, opts)
  local max = opts and opts.max_bytes or MAX_BYTES
  local next_record = M.records(path, opts)
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
        local ctype = h["content-type"]
        if not is_html_type(ctype) then
          return { skipped = true, source = path, url = rec.uri, reason = "not an HTML page (" .. ctype .. ")" }
        end
        local html, err, code = decode(body, h["content-encoding"], max)
        if not html then return { error = path .. ": " .. err, code = code or "EWARC", source = path, url = rec.uri } end
        local cs = ctype and ctype:match("[Cc][Hh][Aa][Rr][Ss][Ee][Tt]%s*=%s*\"?([^\";%s]+)")
        return { url = rec.uri, html = html, status = status, content_type = ctype,
                 charset = cs and core.text.charset(cs) or nil, source = path }
      end
    end
  end
end

return M
