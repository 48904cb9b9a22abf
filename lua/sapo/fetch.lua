--- Fetching pages over HTTP(S), for pipelines and the command line.
--
-- One small HTTP/1.1 client over a socket interface, so the same code runs
-- on LuaSocket + LuaSec (plain Lua), on nginx cosockets (`ngx.socket.tcp`,
-- non-blocking inside OpenResty), or not at all when the caller injects a
-- fetcher.  Redirects (301/302/303/307/308, relative Location), gzip/deflate
-- bodies (lua-zlib), the Content-Type charset, a User-Agent, TLS peer and
-- host name checks on by default, and an optional per-host delay.
--
-- Every limit is a total limit, because the peer may be hostile:
-- `timeout` is one deadline for the whole fetch (connects, TLS, headers,
-- bodies, every redirect), checked between reads of at most a few KiB, so
-- a server that trickles a byte a second is cut when it runs out; the
-- headers are at most `MAX_HEADERS` lines of at most `MAX_LINE` bytes
-- (`MAX_HEADER_BYTES` in all) and merged in linear time; a compressed body
-- is inflated a piece at a time and refused as soon as it passes
-- `max_bytes`; every URL, the redirects' included, is read by `sapo.url`
-- (no control byte or space reaches a request line).
--
--     local fetch = require "sapo.fetch"
--     local res, err, code = fetch.fetch("https://example.vn/a.html", { timeout = 10 })
--     -- res = { url, status, headers, body, content_type, charset }
--
-- Errors are `nil, message, code` with code "EHTTP" (a status >= 400, also
-- returned as a fourth value), "ENOCONTENT" (a 2xx with an empty body),
-- "ETIMEOUT", "ELIMIT" (body or headers too big), "EREDIRECT" (a loop, or
-- more than `max_redirects`), "ECONNECT", "ETLS", "EPROTO" (not HTTP, a
-- body cut short), "EURL", "EFORBIDDEN" (refused by opts.check), or the
-- check's own code.
-- @module sapo.fetch
local core = require "sapo.core"
local urls = require "sapo.url"
-- lua-zlib (optional) is loaded with this module, in nginx's init phase:
-- it sets a global, which nginx warns about inside a request
local has_zlib, zlib = pcall(require, "zlib")

local type, tonumber, tostring, pairs, pcall, require, error = type, tonumber, tostring, pairs, pcall, require, error
local concat, lower, format, min, max, floor = table.concat, string.lower, string.format, math.min, math.max, math.floor

local M = {}

M.DEFAULTS = {
  timeout = 30,             -- seconds for the whole fetch, redirects included
  connect_timeout = 10,     -- seconds for one connection (within timeout)
  max_bytes = require("sapo.options").by_name.max_bytes.default,   -- sapo.extract's
  max_redirects = 5,
  user_agent = "sapo/" .. core.version .. " (+article extraction)",
  verify = true,            -- TLS: check the peer certificate and host name
  cafile = "/etc/ssl/certs/ca-certificates.crt",
}

local CHUNK = 16384              -- bytes asked of the socket at a time
M.MAX_LINE = 8192                -- bytes of the status line or one header line
M.MAX_HEADERS = 100              -- header lines of one response
M.MAX_HEADER_BYTES = 65536       -- all header lines of one response
local INFLATE_PIECE = 1024       -- compressed bytes inflated at a time (deflate expands at most ~1032x)

local function opt(opts, k)
  local v = opts and opts[k]
  if v == nil then return M.DEFAULTS[k] end
  return v
end

--- Split an absolute http(s) URL (see `sapo.url.parse`).
-- @tparam string url the URL
-- @return scheme, host, port, path (with query); or nil, message, "EURL"
function M.parse_url(url)
  local u, err, code = urls.parse(url)
  if not u then return nil, err, code end
  return u.scheme, u.host, u.port, u.path
end

-- ===== transports ==========================================================

local function now_fn()
  if ngx and ngx.now then return function() ngx.update_time(); return ngx.now() end end
  local ok, socket = pcall(require, "socket")
  if ok then return socket.gettime end
  return os.time
end

-- LuaSec: does the certificate name this host?  (LuaSec verifies the chain
-- when asked, but never the host name.)
local function host_matches(pattern, host)
  pattern = lower(pattern)
  if pattern == host then return true end
  local suffix = pattern:match("^%*(%..+)$")
  if suffix and host:sub(-#suffix) == suffix then
    local label = host:sub(1, #host - #suffix)
    return label ~= "" and not label:find(".", 1, true)
  end
  return false
end

local function cert_names_host(cert, host)
  local ok, ext = pcall(cert.extensions, cert)
  if ok and type(ext) == "table" then
    for oid, v in pairs(ext) do
      if oid == "2.5.29.17" and type(v) == "table" and type(v.dNSName) == "table" then
        for _, name in pairs(v.dNSName) do
          if host_matches(name, host) then return true end
        end
        return false
      end
    end
  end
  for _, e in pairs(cert:subject() or {}) do
    if e.name == "commonName" or e.shortname == "CN" then return host_matches(e.value, host) end
  end
  return false
end

-- LuaSocket has no "whatever has arrived" read: ask without waiting, and
-- wait for the socket to be readable (or TLS to want to write) at most
-- `timeout` seconds.  A trickle of bytes makes each call return soon with
-- what came, so the caller's deadline holds.
local function luasocket_some(socket, sock, n, timeout)
  local until_t = socket.gettime() + timeout
  while true do
    sock:settimeout(0)
    local data, err, partial = sock:receive(n)
    data = data or partial
    if data and #data > 0 then return data end
    if err == "closed" then return nil, "closed" end
    if err ~= "timeout" and err ~= "wantread" and err ~= "wantwrite" then return nil, err end
    local left = until_t - socket.gettime()
    if left <= 0 then return nil, "timeout" end
    if not (sock.dirty and sock:dirty()) then
      local r, w = {}, {}
      if err == "wantwrite" then w[1] = sock else r[1] = sock end
      local _, _, serr = socket.select(r, w, left)
      if serr == "timeout" then return nil, "timeout" end
    end
  end
end

local function luasocket_connect(scheme, host, port, opts, timeout, addr)
  local ok, socket = pcall(require, "socket")
  if not ok then return nil, "LuaSocket is not installed", "ECONNECT" end
  local sock = (addr and addr:find(":", 1, true) and socket.tcp6 or socket.tcp)()
  sock:settimeout(min(timeout, opt(opts, "connect_timeout")), "t")
  local r, err = sock:connect(addr or host, port)
  if not r then
    sock:close()
    return nil, format("cannot connect to %s:%d: %s", host, port, tostring(err)), err == "timeout" and "ETIMEOUT" or "ECONNECT"
  end
  if scheme == "https" then
    local okssl, ssl = pcall(require, "ssl")
    if not okssl then sock:close(); return nil, "LuaSec is not installed (https)", "ETLS" end
    local verify = opt(opts, "verify")
    local params = { mode = "client", protocol = "any", options = { "all", "no_sslv2", "no_sslv3" },
      verify = verify and "peer" or "none", cafile = verify and opt(opts, "cafile") or nil }
    local s, e = ssl.wrap(sock, params)
    if not s then sock:close(); return nil, "TLS setup failed: " .. tostring(e), "ETLS" end
    if s.sni then s:sni(host) end
    s:settimeout(min(timeout, opt(opts, "connect_timeout")), "t")
    local hok, herr = s:dohandshake()
    if not hok then s:close(); return nil, "TLS handshake with " .. host .. " failed: " .. tostring(herr), "ETLS" end
    if verify then
      local cert = s:getpeercertificate()
      if not cert or not cert_names_host(cert, host) then
        s:close()
        return nil, "TLS certificate does not name " .. host, "ETLS"
      end
    end
    sock = s
  end
  return {
    send = function(_, data, timeout_s) sock:settimeout(timeout_s, "t"); return sock:send(data) end,
    some = function(_, n, timeout_s) return luasocket_some(socket, sock, n, timeout_s) end,
    close = function() sock:close() end,
  }
end

local function cosocket_connect(scheme, host, port, opts, timeout, addr)
  local sock = ngx.socket.tcp()
  sock:settimeout(max(1, floor(min(timeout, opt(opts, "connect_timeout")) * 1000)))
  if addr and addr:find(":", 1, true) then addr = "[" .. addr .. "]" end
  local ok, err = sock:connect(addr or host, port)
  if not ok then
    return nil, format("cannot connect to %s:%d: %s", host, port, tostring(err)), err == "timeout" and "ETIMEOUT" or "ECONNECT"
  end
  if scheme == "https" then
    local sess, e = sock:sslhandshake(nil, host, opt(opts, "verify") and true or false)
    if not sess then sock:close(); return nil, "TLS handshake with " .. host .. " failed: " .. tostring(e), "ETLS" end
  end
  return {
    send = function(_, data, timeout_s) sock:settimeout(max(1, floor(timeout_s * 1000))); return sock:send(data) end,
    -- receiveany returns as soon as any bytes arrive: each read is short,
    -- and the caller checks the deadline between reads
    some = function(_, n, timeout_s) sock:settimeout(max(1, floor(timeout_s * 1000))); return sock:receiveany(n) end,
    close = function() sock:close() end,
  }
end

local function use_cosockets()
  if not (ngx and ngx.socket and ngx.socket.tcp and ngx.get_phase) then return false end
  local phase = ngx.get_phase()
  return phase == "rewrite" or phase == "access" or phase == "content" or phase == "timer" or phase == "ssl_cert"
end

-- ===== reading a response under a deadline ================================

-- A buffered reader over sock.some: lines of at most MAX_LINE bytes, bodies
-- in pieces, nothing read after the deadline.
local function reader(sock, deadline, now)
  local buf, pos = "", 1
  local R = {}
  local function fill()
    local left = deadline - now()
    if left <= 0 then return nil, "timeout" end
    local data, err = sock:some(CHUNK, left)
    if not data then return nil, err end
    if pos > #buf then buf, pos = data, 1 else buf = buf:sub(pos) .. data; pos = 1 end
    return true
  end
  -- one line without its CRLF; nil, "too long" past MAX_LINE
  function R.line()
    while true do
      local e = buf:find("\n", pos, true)
      if e then
        local line = buf:sub(pos, e - 1):gsub("\r$", "")
        pos = e + 1
        return line
      end
      if #buf - pos + 1 > M.MAX_LINE then return nil, "too long" end
      local ok, err = fill()
      if not ok then return nil, err end
    end
  end
  -- up to n bytes, at least one; nil, err at the end or the deadline
  function R.some(n)
    if pos > #buf then
      local ok, err = fill()
      if not ok then return nil, err end
    end
    local piece = buf:sub(pos, pos + n - 1)
    pos = pos + #piece
    return piece
  end
  return R
end

local function timeout_code(err)
  return (err == "timeout" or err == "wantread") and "ETIMEOUT" or "EPROTO"
end

-- the headers, lower-cased names; repeated ones joined by ", " (lists of
-- parts joined once, so a flood of repeats costs linear time)
local function read_headers(rd)
  local parts, count, bytes = {}, 0, 0
  while true do
    local line, err = rd.line()
    if not line then
      if err == "too long" then return nil, "a response header line longer than " .. M.MAX_LINE .. " bytes", "ELIMIT" end
      return nil, "headers cut: " .. tostring(err), timeout_code(err)
    end
    if line == "" then break end
    count, bytes = count + 1, bytes + #line
    if count > M.MAX_HEADERS then return nil, "more than " .. M.MAX_HEADERS .. " response header lines", "ELIMIT" end
    if bytes > M.MAX_HEADER_BYTES then return nil, "response headers over " .. M.MAX_HEADER_BYTES .. " bytes", "ELIMIT" end
    local k, v = line:match("^([^:%s]+):%s*(.-)%s*$")
    if k then
      k = lower(k)
      local list = parts[k]
      if list then list[#list + 1] = v else parts[k] = { v } end
    end
  end
  local headers = {}
  for k, list in pairs(parts) do headers[k] = concat(list, ", ") end
  return headers
end

-- A body sink: collects the bytes, inflating gzip/deflate a piece at a
-- time, and refuses as soon as the (decoded) size passes max.
local function body_sink(encoding, max_bytes)
  encoding = lower(encoding or "")
  local parts, size = {}, 0
  local S = {}
  local function keep(data)
    size = size + #data
    if size > max_bytes then return nil, format("body larger than %d bytes (max_bytes)", max_bytes), "ELIMIT" end
    parts[#parts + 1] = data
    return true
  end
  if encoding == "" or encoding == "identity" then
    S.add = keep
    function S.finish() return concat(parts) end
    return S
  end
  if encoding ~= "gzip" and encoding ~= "x-gzip" and encoding ~= "deflate" then
    return nil, "unsupported Content-Encoding: " .. encoding, "EPROTO"
  end
  if not has_zlib then return nil, "lua-zlib is needed for " .. encoding .. " bodies", "EPROTO" end
  -- window 47: zlib or gzip headers; a raw deflate stream ("deflate" as
  -- some servers send it) is tried when the first piece fails
  local stream, done, first = zlib.inflate(47), false, true
  local function inflate(data)
    for i = 1, #data, INFLATE_PIECE do
      if done then return true end
      local pok, out, eof = pcall(stream, data:sub(i, i + INFLATE_PIECE - 1))
      if not pok then return nil, "cannot decode the " .. encoding .. " body", "EPROTO" end
      if eof then done = true end
      if out and #out > 0 then
        local kept, kerr, kcode = keep(out)
        if not kept then return nil, kerr, kcode end
      end
    end
    return true
  end
  function S.add(data)
    if first and encoding == "deflate" then
      first = false
      local ok1, e1, c1 = inflate(data)
      if ok1 or c1 ~= "EPROTO" then return ok1, e1, c1 end
      stream, parts, size, done = zlib.inflate(-15), {}, 0, false
    end
    first = false
    return inflate(data)
  end
  function S.finish() return concat(parts) end
  return S
end

--- Decode a whole gzip or deflate body, a piece at a time, refusing it as
-- soon as the decoded size passes max (what fetching does, for bodies read
-- elsewhere: WARC records).
-- @tparam string body
-- @tparam string encoding "gzip", "x-gzip", "deflate" (or "identity")
-- @tparam integer limit bytes
-- @return the decoded body, or nil, message, code ("ELIMIT", "EPROTO")
function M.decode(body, encoding, limit)
  local sink, err, code = body_sink(encoding, limit)
  if not sink then return nil, err, code end
  for i = 1, #body, CHUNK do
    local ok, aerr, acode = sink.add(body:sub(i, i + CHUNK - 1))
    if not ok then return nil, aerr, acode end
  end
  return sink.finish()
end

local function read_body(rd, headers, status, sink)
  if (status >= 100 and status < 200) or status == 204 or status == 304 then return true end
  local te = headers["transfer-encoding"]
  if te and lower(te):find("chunked", 1, true) then
    while true do
      local line, e = rd.line()
      if not line then return nil, "chunked body cut: " .. tostring(e), e == "too long" and "EPROTO" or timeout_code(e) end
      local n = tonumber(line:match("^%s*(%x+)"), 16)
      if not n then return nil, "bad chunk size", "EPROTO" end
      if n == 0 then return true end
      while n > 0 do
        local data, e2 = rd.some(min(n, CHUNK))
        if not data then return nil, "chunk cut: " .. tostring(e2), timeout_code(e2) end
        n = n - #data
        local ok, err, code = sink.add(data)
        if not ok then return nil, err, code end
      end
      rd.line()
    end
  end
  local len = headers["content-length"]
  if len then
    len = tonumber(len:match("^%s*(%d+)%s*$"))
    if not len then return nil, "bad Content-Length", "EPROTO" end
    while len > 0 do
      local data, e = rd.some(min(len, CHUNK))
      if not data then return nil, "body cut: " .. tostring(e), timeout_code(e) end
      len = len - #data
      local ok, err, code = sink.add(data)
      if not ok then return nil, err, code end
    end
    return true
  end
  while true do                                   -- the body ends when the connection does
    local data, e = rd.some(CHUNK)
    if not data then
      if e == "closed" then return true end
      return nil, "body cut: " .. tostring(e), timeout_code(e)
    end
    local ok, err, code = sink.add(data)
    if not ok then return nil, err, code end
  end
end

-- ===== one request =========================================================

local function request(u, opts, deadline, now, addr)
  local remaining = deadline - now()
  if remaining <= 0 then return nil, "timed out", "ETIMEOUT" end
  local connect = use_cosockets() and cosocket_connect or luasocket_connect
  local sock, err, code = connect(u.scheme, u.host, u.port, opts, remaining, addr)
  if not sock then return nil, err, code end
  local default_port = (u.scheme == "https" and u.port == 443) or (u.scheme == "http" and u.port == 80)
  local lines = {
    "GET " .. u.path .. " HTTP/1.1",
    "Host: " .. (u.ip == 6 and "[" .. u.host .. "]" or u.host) .. (default_port and "" or ":" .. u.port),
    "User-Agent: " .. opt(opts, "user_agent"),
    "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    "Accept-Encoding: gzip, deflate",
    "Connection: close",
  }
  for k, v in pairs(opts.headers or {}) do lines[#lines + 1] = k .. ": " .. v end
  lines[#lines + 1] = ""
  lines[#lines + 1] = ""
  local ok, serr = sock:send(concat(lines, "\r\n"), max(0.001, deadline - now()))
  if not ok then sock:close(); return nil, "send failed: " .. tostring(serr), timeout_code(serr) end
  local rd = reader(sock, deadline, now)
  local status_line, rerr = rd.line()
  if not status_line then
    sock:close()
    if rerr == "too long" then return nil, "not an HTTP response (a first line of over " .. M.MAX_LINE .. " bytes)", "EPROTO" end
    return nil, "no response: " .. tostring(rerr), timeout_code(rerr)
  end
  local status = tonumber(status_line:match("^HTTP/%d[%.%d]* (%d%d%d)"))
  if not status then sock:close(); return nil, "not an HTTP response", "EPROTO" end
  local headers, herr, hcode = read_headers(rd)
  if not headers then sock:close(); return nil, herr, hcode end
  -- a redirect or an error status: its body is never read
  if (status >= 300 and status < 400) or status >= 400 then
    sock:close()
    return { status = status, headers = headers, body = "" }
  end
  local sink, serr2, scode = body_sink(headers["content-encoding"], opt(opts, "max_bytes"))
  if not sink then sock:close(); return nil, serr2, scode end
  local bok, berr, bcode = read_body(rd, headers, status, sink)
  sock:close()
  if not bok then return nil, berr, bcode end
  return { status = status, headers = headers, body = sink.finish() }
end

local function charset_of(ctype)
  if not ctype then return nil end
  local cs = ctype:match("[Cc][Hh][Aa][Rr][Ss][Ee][Tt]%s*=%s*\"?([^\";%s]+)")
  return cs and core.text.charset(cs) or nil
end

-- opts.check(url): true or an address to connect to; or nil, message, code
local function run_check(opts, url)
  if not opts.check then return true end
  local ok, why, wcode = opts.check(url)
  if not ok then return nil, url .. ": " .. tostring(why or "refused"), wcode or "EFORBIDDEN" end
  return ok
end

-- header names are tokens, values hold no CR, LF or NUL: a caller's header
-- can never end the request early
local function check_headers(opts)
  local function bad(v) return type(v) ~= "string" or v:find("[%z\r\n]") end
  if opts.user_agent ~= nil and bad(opts.user_agent) then
    error("bad option 'user_agent' to 'fetch' (a string without CR, LF or NUL expected)", 3)
  end
  if opts.headers ~= nil then
    if type(opts.headers) ~= "table" then error("bad option 'headers' to 'fetch' (table expected)", 3) end
    for k, v in pairs(opts.headers) do
      if type(k) ~= "string" or not k:match("^[!#$%%&'*+%-.%^_`|~%w]+$") or bad(v) then
        error("bad option 'headers' to 'fetch' (header " .. tostring(k) .. ": a token name and a value without CR, LF or NUL expected)", 3)
      end
    end
  end
end

--- Fetch a URL, following redirects.
-- @tparam string url absolute http(s) URL
-- @tparam[opt] table opts `timeout` (seconds for the whole fetch), `connect_timeout`,
--   `max_bytes` (of the decoded body), `max_redirects`, `user_agent`, `headers`, `verify`
--   (default true), `cafile`, `delay` and `state` (per-host politeness: seconds between
--   requests to one host, and the table that remembers them), `fetcher` (a function(url,
--   opts) used instead of the network), `check` (a function(url) run before every request,
--   redirects included: it returns true, or an IP address to connect to in place of the
--   host's, or nil, message[, code] to refuse the URL; see sapo.guard)
-- @return `{url, status, headers, body, content_type, charset}`, or `nil, message, code`
--   (and the status, for "EHTTP")
-- @raise when `url` is not a string or an option is malformed
function M.fetch(url, opts)
  if type(url) ~= "string" then error("bad argument #1 to 'fetch' (string expected, got " .. type(url) .. ")", 2) end
  if opts ~= nil and type(opts) ~= "table" then error("bad argument #2 to 'fetch' (table expected)", 2) end
  opts = opts or {}
  check_headers(opts)
  if opts.fetcher then
    local allowed, why, wcode = run_check(opts, url)
    if not allowed then return nil, why, wcode end
    local ok, res, err, code = pcall(opts.fetcher, url, opts)
    if not ok then return nil, "fetcher failed: " .. tostring(res), "EFETCHER" end
    if not res then return nil, err or "fetcher returned nothing", code or "EHTTP" end
    res.url = res.url or url
    res.content_type = res.content_type or (res.headers and res.headers["content-type"])
    res.charset = res.charset or charset_of(res.content_type)
    return res
  end
  local now = now_fn()
  local deadline = now() + opt(opts, "timeout")
  local seen = {}
  local redirects = 0
  while true do
    local u, uerr, ucode = urls.parse(url)
    if not u then return nil, uerr, ucode end
    url = u.href
    if seen[url] then return nil, url .. ": redirect loop", "EREDIRECT" end
    seen[url] = true
    local delay, state = opts.delay, opts.state
    if delay and state then
      local last = state[u.host]
      local wait = last and (last + delay - now()) or 0
      if wait > deadline - now() then return nil, url .. ": timed out waiting for the politeness delay", "ETIMEOUT" end
      if wait > 0 then
        if ngx and ngx.sleep then ngx.sleep(wait) else require("socket").sleep(wait) end
      end
      state[u.host] = now()
    end
    -- the caller's check runs before every request, redirects included;
    -- it may pin the address to connect to (see sapo.guard)
    local allowed, why, wcode = run_check(opts, url)
    if not allowed then return nil, why, wcode end
    local res, err, code = request(u, opts, deadline, now, type(allowed) == "string" and allowed or nil)
    if not res then return nil, url .. ": " .. err, code end
    local loc = res.headers.location
    if (res.status == 301 or res.status == 302 or res.status == 303 or res.status == 307 or res.status == 308) and loc then
      redirects = redirects + 1
      if redirects > opt(opts, "max_redirects") then
        return nil, format("%s: more than %d redirects (max_redirects)", url, opt(opts, "max_redirects")), "EREDIRECT"
      end
      local nexturl = core.text.resolve(url, loc)
      if not nexturl then return nil, url .. ": a redirect to a URL that is not http(s): " .. loc:sub(1, 120), "EURL" end
      url = nexturl
    elseif res.status >= 400 then
      return nil, format("%s: HTTP %d", url, res.status), "EHTTP", res.status
    elseif res.status >= 300 then
      return nil, format("%s: HTTP %d without a Location", url, res.status), "EHTTP", res.status
    else
      if res.body == "" then return nil, format("%s: HTTP %d with an empty body", url, res.status), "ENOCONTENT" end
      res.url = url
      res.content_type = res.headers["content-type"]
      res.charset = charset_of(res.content_type)
      return res
    end
  end
end

return M
