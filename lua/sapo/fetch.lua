--- Fetching pages over HTTP(S), for pipelines and the command line.
--
-- One small HTTP/1.1 client over a socket interface, so the same code runs
-- on LuaSocket + LuaSec (plain Lua), on nginx cosockets (`ngx.socket.tcp`,
-- non-blocking inside OpenResty), or not at all when the caller injects a
-- fetcher.  Redirects (301/302/303/307/308, relative Location), a connect
-- and a total timeout, a body size limit, gzip/deflate bodies (lua-zlib),
-- the Content-Type charset, a User-Agent, TLS peer and host name checks on
-- by default, and an optional per-host delay.
--
--     local fetch = require "sapo.fetch"
--     local res, err, code = fetch.fetch("https://example.vn/a.html", { timeout = 10 })
--     -- res = { url, status, headers, body, content_type, charset }
--
-- Errors are `nil, message, code` with code "EHTTP" (a status >= 400),
-- "ETIMEOUT", "ELIMIT" (body too big, too many redirects), "EREDIRECT"
-- (a loop), "ECONNECT", "ETLS", "EPROTO", "EURL", "EFORBIDDEN" (refused by
-- opts.check).
-- @module sapo.fetch
local core = require "sapo.core"

local type, tonumber, tostring, pairs, pcall, require, error = type, tonumber, tostring, pairs, pcall, require, error
local concat, lower, format, min, floor = table.concat, string.lower, string.format, math.min, math.floor

local M = {}

M.DEFAULTS = {
  timeout = 30,             -- seconds for the whole fetch, redirects included
  connect_timeout = 10,     -- seconds for one connection
  max_bytes = 32 * 1024 * 1024,
  max_redirects = 5,
  user_agent = "sapo/" .. core.version .. " (+article extraction)",
  verify = true,            -- TLS: check the peer certificate and host name
  cafile = "/etc/ssl/certs/ca-certificates.crt",
}

local function opt(opts, k)
  local v = opts and opts[k]
  if v == nil then return M.DEFAULTS[k] end
  return v
end

--- Split an absolute http(s) URL.
-- @return scheme, host, port, path (with query) or nil, message
function M.parse_url(url)
  if type(url) ~= "string" then return nil, "URL expected" end
  local scheme, rest = url:match("^(%a[%w+.-]*)://(.*)$")
  if not scheme then return nil, "not an absolute URL: " .. url end
  scheme = lower(scheme)
  if scheme ~= "http" and scheme ~= "https" then return nil, "unsupported scheme: " .. scheme end
  local authority, path = rest:match("^([^/?#]*)(.*)$")
  path = path:gsub("#.*$", "")
  if path == "" or path:sub(1, 1) == "?" then path = "/" .. path end
  authority = authority:gsub("^.*@", "")
  local host, port = authority:match("^%[([^%]]+)%]:?(%d*)$")
  if not host then host, port = authority:match("^([^:]+):?(%d*)$") end
  if not host or host == "" then return nil, "no host in URL: " .. url end
  port = tonumber(port) or (scheme == "https" and 443 or 80)
  return scheme, lower(host), port, path
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

local function luasocket_connect(scheme, host, port, opts, timeout, addr)
  local ok, socket = pcall(require, "socket")
  if not ok then return nil, "LuaSocket is not installed", "ECONNECT" end
  local sock = (addr and addr:find(":", 1, true) and socket.tcp6 or socket.tcp)()
  sock:settimeout(min(timeout, opt(opts, "connect_timeout")))
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
    s:settimeout(min(timeout, opt(opts, "connect_timeout")))
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
    send = function(_, data) return sock:send(data) end,
    receive = function(_, pattern) return sock:receive(pattern) end,
    settimeout = function(_, t) sock:settimeout(t) end,
    close = function() sock:close() end,
  }
end

local function cosocket_connect(scheme, host, port, opts, timeout, addr)
  local sock = ngx.socket.tcp()
  sock:settimeout(floor(min(timeout, opt(opts, "connect_timeout")) * 1000))
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
    send = function(_, data) return sock:send(data) end,
    receive = function(_, pattern) return sock:receive(pattern) end,
    settimeout = function(_, t) sock:settimeout(floor(t * 1000)) end,
    close = function() sock:close() end,
  }
end

local function use_cosockets()
  if not (ngx and ngx.socket and ngx.socket.tcp and ngx.get_phase) then return false end
  local phase = ngx.get_phase()
  return phase == "rewrite" or phase == "access" or phase == "content" or phase == "timer" or phase == "ssl_cert"
end

-- ===== one request =========================================================

local function timeout_code(err)
  return (err == "timeout" or err == "wantread") and "ETIMEOUT" or "EPROTO"
end

local function request(url, opts, deadline, now, addr)
  local scheme, host, port, path = M.parse_url(url)
  if not scheme then return nil, host, "EURL" end
  local remaining = deadline - now()
  if remaining <= 0 then return nil, "timed out", "ETIMEOUT" end
  local connect = use_cosockets() and cosocket_connect or luasocket_connect
  local sock, err, code = connect(scheme, host, port, opts, remaining, addr)
  if not sock then return nil, err, code end
  local default_port = (scheme == "https" and port == 443) or (scheme == "http" and port == 80)
  local lines = {
    "GET " .. path .. " HTTP/1.1",
    "Host: " .. (host:find(":", 1, true) and "[" .. host .. "]" or host) .. (default_port and "" or ":" .. port),
    "User-Agent: " .. opt(opts, "user_agent"),
    "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    "Accept-Encoding: gzip, deflate",
    "Connection: close",
  }
  for k, v in pairs(opts and opts.headers or {}) do lines[#lines + 1] = k .. ": " .. v end
  lines[#lines + 1] = ""
  lines[#lines + 1] = ""
  local function left() return deadline - now() end
  sock:settimeout(math.max(0.001, left()))
  local ok, serr = sock:send(concat(lines, "\r\n"))
  if not ok then sock:close(); return nil, "send failed: " .. tostring(serr), timeout_code(serr) end
  local status_line, rerr = sock:receive("*l")
  if not status_line then sock:close(); return nil, "no response: " .. tostring(rerr), timeout_code(rerr) end
  local status = tonumber(status_line:match("^HTTP/%d[%.%d]* (%d%d%d)"))
  if not status then sock:close(); return nil, "not an HTTP response", "EPROTO" end
  local headers = {}
  while true do
    sock:settimeout(math.max(0.001, left()))
    local line, herr = sock:receive("*l")
    if not line then sock:close(); return nil, "headers cut: " .. tostring(herr), timeout_code(herr) end
    if line == "" then break end
    local k, v = line:match("^([^:]+):%s*(.-)%s*$")
    if k then
      k = lower(k)
      headers[k] = headers[k] and (headers[k] .. ", " .. v) or v
    end
  end
  local max = opt(opts, "max_bytes")
  local parts, size = {}, 0
  local function take(n)
    sock:settimeout(math.max(0.001, left()))
    local data, e, partial = sock:receive(n)
    return data, e, partial
  end
  local body_err, body_code
  if status >= 300 and status < 400 or status == 204 or status == 304 then
    -- no body needed
  elseif headers["transfer-encoding"] and headers["transfer-encoding"]:lower():find("chunked", 1, true) then
    while true do
      local line, e = take("*l")
      if not line then body_err, body_code = "chunked body cut: " .. tostring(e), timeout_code(e); break end
      local n = tonumber(line:match("^%s*(%x+)"), 16)
      if not n then body_err, body_code = "bad chunk size", "EPROTO"; break end
      if n == 0 then take("*l"); break end
      if size + n > max then body_err, body_code = format("body larger than %d bytes (max_bytes)", max), "ELIMIT"; break end
      local data, e2 = take(n)
      if not data then body_err, body_code = "chunk cut: " .. tostring(e2), timeout_code(e2); break end
      parts[#parts + 1] = data
      size = size + n
      take("*l")
    end
  else
    local len = tonumber(headers["content-length"] or "")
    if len and len > max then
      body_err, body_code = format("body of %d bytes is larger than %d (max_bytes)", len, max), "ELIMIT"
    elseif len then
      local data, e, partial = take(len)
      if not data then body_err, body_code = "body cut: " .. tostring(e), timeout_code(e); data = partial end
      parts[1] = data
    else
      while true do
        local data, e, partial = take(8192)
        data = data or partial
        if data and #data > 0 then
          size = size + #data
          if size > max then body_err, body_code = format("body larger than %d bytes (max_bytes)", max), "ELIMIT"; break end
          parts[#parts + 1] = data
        end
        if e == "closed" then break end
        if e then body_err, body_code = "body cut: " .. tostring(e), timeout_code(e); break end
      end
    end
  end
  sock:close()
  if body_err then return nil, body_err, body_code end
  return { status = status, headers = headers, body = concat(parts) }
end

-- ===== decoding ============================================================

local function decode_body(body, encoding, max)
  encoding = lower(encoding or "")
  if encoding == "" or encoding == "identity" then return body end
  if encoding ~= "gzip" and encoding ~= "x-gzip" and encoding ~= "deflate" then
    return nil, "unsupported Content-Encoding: " .. encoding, "EPROTO"
  end
  local ok, zlib = pcall(require, "zlib")
  if not ok then return nil, "lua-zlib is needed for " .. encoding .. " bodies", "EPROTO" end
  local function inflate(window)
    local stream = zlib.inflate(window)
    local pok, out = pcall(stream, body)
    if pok then return out end
  end
  local out = inflate(47) or (encoding == "deflate" and inflate(-15))
  if not out then return nil, "cannot decode the " .. encoding .. " body", "EPROTO" end
  if #out > max then return nil, format("decoded body larger than %d bytes (max_bytes)", max), "ELIMIT" end
  return out
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

--- Fetch a URL, following redirects.
-- @tparam string url absolute http(s) URL
-- @tparam[opt] table opts `timeout`, `connect_timeout`, `max_bytes`, `max_redirects`,
--   `user_agent`, `headers`, `verify` (default true), `cafile`, `delay` and `state`
--   (per-host politeness: seconds between requests to one host, and the table that
--   remembers them), `fetcher` (a function(url, opts) used instead of the network),
--   `check` (a function(url) run before every request, redirects included: it returns
--   true, or an IP address to connect to in place of the host's, or nil, message[, code]
--   to refuse the URL; see sapo.guard)
-- @return `{url, status, headers, body, content_type, charset}` or `nil, message, code`
function M.fetch(url, opts)
  if type(url) ~= "string" then error("bad argument #1 to 'fetch' (string expected, got " .. type(url) .. ")", 2) end
  if opts ~= nil and type(opts) ~= "table" then error("bad argument #2 to 'fetch' (table expected)", 2) end
  opts = opts or {}
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
  local seen = { [url] = true }
  local redirects = 0
  while true do
    local scheme, host = M.parse_url(url)
    if not scheme then return nil, host, "EURL" end
    local delay, state = opts.delay, opts.state
    if delay and state then
      local last = state[host]
      local wait = last and (last + delay - now()) or 0
      if wait > 0 then
        if ngx and ngx.sleep then ngx.sleep(wait) else require("socket").sleep(wait) end
      end
      state[host] = now()
    end
    -- the caller's check runs before every request, redirects included;
    -- it may pin the address to connect to (see sapo.guard)
    local allowed, why, wcode = run_check(opts, url)
    if not allowed then return nil, why, wcode end
    local res, err, code = request(url, opts, deadline, now, type(allowed) == "string" and allowed or nil)
    if not res then return nil, url .. ": " .. err, code end
    local loc = res.headers.location
    if (res.status == 301 or res.status == 302 or res.status == 303 or res.status == 307 or res.status == 308) and loc then
      redirects = redirects + 1
      if redirects > opt(opts, "max_redirects") then
        return nil, format("%s: more than %d redirects", url, opt(opts, "max_redirects")), "ELIMIT"
      end
      local nexturl = core.text.resolve(url, loc)
      if not nexturl then return nil, url .. ": bad redirect to " .. loc, "EURL" end
      if seen[nexturl] then return nil, url .. ": redirect loop through " .. nexturl, "EREDIRECT" end
      seen[nexturl] = true
      url = nexturl
    else
      if res.status >= 400 then return nil, format("%s: HTTP %d", url, res.status), "EHTTP", res.status end
      local body, derr, dcode = decode_body(res.body, res.headers["content-encoding"], opt(opts, "max_bytes"))
      if not body then return nil, url .. ": " .. derr, dcode end
      res.body = body
      res.url = url
      res.content_type = res.headers["content-type"]
      res.charset = charset_of(res.content_type)
      return res
    end
  end
end

return M
