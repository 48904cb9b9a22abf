--- Which URLs a server may fetch for its users (SSRF guard).
--
-- `guard.new(opts)` returns a `check(url)` function for `sapo.fetch`'s
-- `check` option, which runs it before every request, redirects included:
--
--     local check = require("sapo.guard").new({ allow_public = true })
--     fetch.fetch(url, { check = check })
--
-- The rules, in order:
--
-- 1. A host on `allow` (a list of names; "example.com" also allows its
--    subdomains) is fetched, whatever its addresses: the operator named it.
-- 2. Otherwise, without `allow_public = true`, the URL is refused: a server
--    fetches nothing for its users unless told what.
-- 3. With `allow_public`, the host is resolved (A and AAAA) and refused
--    when any address is private: loopback, RFC 1918, link-local, CGNAT
--    (100.64/10), unspecified, multicast, reserved, unique-local (fc00::/7),
--    IPv4-mapped and NAT64 forms of those.  The checked address is returned
--    and the fetch connects to it (the Host header and TLS name stay the
--    host's), so a second lookup cannot answer differently.
-- `allow_private = true` lifts rule 3's address check (trusted networks).
--
-- Resolution: inside nginx, a DNS query over `ngx.socket.udp` to
-- `nameservers` (default: those of /etc/resolv.conf) with `dns_timeout`
-- seconds (default 2); elsewhere LuaSocket's `socket.dns.getaddrinfo`.
-- `opts.resolve(host)` replaces both (it returns a list of addresses).
-- @module sapo.guard
local type, tonumber, ipairs, tostring, pcall, require, error = type, tonumber, ipairs, tostring, pcall, require, error
local byte, char, format, concat = string.byte, string.char, string.format, table.concat

local M = {}

-- ===== addresses ===========================================================

local function ipv4_parts(s)
  local a, b, c, d = s:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$")
  a, b, c, d = tonumber(a), tonumber(b), tonumber(c), tonumber(d)
  if not (a and a <= 255 and b <= 255 and c <= 255 and d <= 255) then return nil end
  return a, b, c, d
end

local function private_v4(a, b)
  return a == 0 or a == 10 or a == 127 or (a == 100 and b >= 64 and b <= 127) or (a == 169 and b == 254) or
         (a == 172 and b >= 16 and b <= 31) or (a == 192 and b == 168) or (a == 192 and b == 0) or
         (a == 198 and (b == 18 or b == 19)) or a >= 224
end

-- eight 16-bit groups of an IPv6 literal, or nil
local function ipv6_groups(s)
  s = s:lower():gsub("%%.*$", "")                      -- zone id
  local v4 = s:match(":(%d+%.%d+%.%d+%.%d+)$")
  if v4 then
    local a, b, c, d = ipv4_parts(v4)
    if not a then return nil end
    s = s:sub(1, #s - #v4) .. format("%x:%x", a * 256 + b, c * 256 + d)
  end
  local head, tail = s:match("^(.-)::(.*)$")
  local function split(x)
    local g = {}
    if x == "" then return g end
    for part in (x .. ":"):gmatch("([^:]*):") do
      local v = part:match("^%x%x?%x?%x?$") and tonumber(part, 16)
      if not v then return nil end
      g[#g + 1] = v
    end
    return g
  end
  local groups
  if head then
    local h, t = split(head), split(tail)
    if not h or not t or #h + #t > 7 then return nil end
    groups = h
    for _ = 1, 8 - #h - #t do groups[#groups + 1] = 0 end
    for _, v in ipairs(t) do groups[#groups + 1] = v end
  else
    groups = split(s)
    if not groups or #groups ~= 8 then return nil end
  end
  return groups
end

--- Is this IP address literal private (or not an address at all)?
-- @return true, false, or nil when s is not an IP literal
function M.is_private(s)
  if type(s) ~= "string" then return nil end
  local a, b = ipv4_parts(s)
  if a then return private_v4(a, b) end
  local g = ipv6_groups(s:gsub("^%[(.*)%]$", "%1"))
  if not g then return nil end
  local zero6 = g[1] == 0 and g[2] == 0 and g[3] == 0 and g[4] == 0 and g[5] == 0
  if zero6 and (g[6] == 0 or g[6] == 0xffff) then            -- ::, ::1, ::a.b.c.d, ::ffff:a.b.c.d
    if g[6] == 0 and g[7] == 0 then return true end
    return private_v4(math.floor(g[7] / 256), g[7] % 256)
  end
  if g[1] == 0x64 and g[2] == 0xff9b then                     -- NAT64 64:ff9b::a.b.c.d
    return private_v4(math.floor(g[7] / 256), g[7] % 256)
  end
  local top = g[1]
  return top >= 0xfc00 and top <= 0xfdff or                   -- unique local
         top >= 0xfe80 and top <= 0xfebf or                   -- link local
         top >= 0xfec0 and top <= 0xfeff or                   -- site local (deprecated)
         top >= 0xff00 or                                     -- multicast
         (top == 0x2001 and g[2] == 0x0db8)                   -- documentation
end

-- ===== resolution ==========================================================

local function nameservers_of_resolv_conf()
  local list = {}
  local f = io.open("/etc/resolv.conf", "r")
  if not f then return list end
  for line in f:lines() do
    local ns = line:match("^%s*nameserver%s+(%S+)")
    if ns then list[#list + 1] = ns end
  end
  f:close()
  return list
end

local function encode_name(name)
  local out = {}
  for label in name:gmatch("[^.]+") do
    if #label > 63 then return nil end
    out[#out + 1] = char(#label) .. label
  end
  out[#out + 1] = "\0"
  return concat(out)
end

-- skip a (possibly compressed) name at i; position after it
local function skip_name(msg, i)
  for _ = 1, 128 do
    local len = byte(msg, i)
    if not len then return nil end
    if len == 0 then return i + 1 end
    if len >= 192 then return i + 2 end
    i = i + 1 + len
  end
  return nil
end

local function u16(msg, i) local a, b = byte(msg, i, i + 1); return a and b and a * 256 + b end

-- addresses (A/AAAA) in the answer section of a DNS response to query id
local function parse_answer(msg, id)
  if #msg < 12 or u16(msg, 1) ~= id then return nil, "bad DNS answer" end
  local rcode = byte(msg, 4) % 16
  if rcode == 3 then return {} end                              -- NXDOMAIN
  if rcode ~= 0 then return nil, "DNS error " .. rcode end
  local qd, an = u16(msg, 5), u16(msg, 7)
  local i = 13
  for _ = 1, qd do
    i = skip_name(msg, i)
    if not i then return nil, "bad DNS answer" end
    i = i + 4
  end
  local addrs = {}
  for _ = 1, an do
    i = skip_name(msg, i)
    if not i or i + 10 > #msg + 1 then return nil, "bad DNS answer" end
    local rtype, rdlen = u16(msg, i), u16(msg, i + 8)
    local rd = i + 10
    if rd + rdlen - 1 > #msg then return nil, "bad DNS answer" end
    if rtype == 1 and rdlen == 4 then
      addrs[#addrs + 1] = format("%d.%d.%d.%d", byte(msg, rd, rd + 3))
    elseif rtype == 28 and rdlen == 16 then
      local g = {}
      for k = 0, 7 do g[#g + 1] = format("%x", u16(msg, rd + 2 * k)) end
      addrs[#addrs + 1] = concat(g, ":")
    end
    i = rd + rdlen
  end
  return addrs
end

local function split_server(s)
  local host, port = s:match("^%[(.+)%]:(%d+)$")
  if not host then host, port = s:match("^([^:]+):(%d+)$") end
  return host or s, tonumber(port) or 53
end

-- one query over nginx's UDP cosocket
local function ngx_query(server, name, qtype, timeout)
  local qname = encode_name(name)
  if not qname then return nil, "bad host name" end
  local id = math.random(0, 65535)
  local packet = char(math.floor(id / 256), id % 256, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0) .. qname ..
                 char(0, qtype, 0, 1)
  local sock = ngx.socket.udp()
  sock:settimeout(math.floor(timeout * 1000))
  local host, port = split_server(server)
  local ok, err = sock:setpeername(host, port)
  if not ok then return nil, "DNS: " .. tostring(err) end
  ok, err = sock:send(packet)
  if not ok then sock:close(); return nil, "DNS: " .. tostring(err) end
  for _ = 1, 4 do                     -- ignore stray datagrams with another id
    local msg, rerr = sock:receive()
    if not msg then sock:close(); return nil, "DNS: " .. tostring(rerr) end
    local addrs, perr = parse_answer(msg, id)
    if addrs or perr ~= "bad DNS answer" then sock:close(); return addrs, perr end
  end
  sock:close()
  return nil, "DNS: no answer"
end

local function ngx_resolve(host, opts)
  local servers = opts.nameservers or nameservers_of_resolv_conf()
  if #servers == 0 then return nil, "no nameserver (set nameservers)" end
  local last
  for _, server in ipairs(servers) do
    local all, failed = {}, nil
    for _, qtype in ipairs({ 1, 28 }) do
      local addrs, err = ngx_query(server, host, qtype, opts.dns_timeout or 2)
      if addrs then for _, a in ipairs(addrs) do all[#all + 1] = a end else failed = err end
    end
    if #all > 0 then return all end
    last = failed or ("cannot resolve " .. host)
  end
  return nil, last
end

local function socket_resolve(host)
  local ok, socket = pcall(require, "socket")
  if not ok or not socket.dns or not socket.dns.getaddrinfo then return nil, "LuaSocket cannot resolve names" end
  local info, err = socket.dns.getaddrinfo(host)
  if not info then return nil, "cannot resolve " .. host .. ": " .. tostring(err) end
  local addrs = {}
  for _, a in ipairs(info) do addrs[#addrs + 1] = a.addr end
  return addrs
end

function M.resolve(host, opts)
  opts = opts or {}
  if opts.resolve then return opts.resolve(host) end
  if ngx and ngx.socket and ngx.socket.udp and ngx.get_phase and ngx.get_phase() ~= "init" then
    return ngx_resolve(host, opts)
  end
  return socket_resolve(host)
end

-- ===== the check ===========================================================

local function on_list(host, list)
  for _, h in ipairs(list) do
    if host == h or host:sub(-#h - 1) == "." .. h then return true end
  end
  return false
end

--- A check(url) for sapo.fetch: returns the address to connect to (or
-- true), or nil, message, "EFORBIDDEN".
function M.new(opts)
  opts = opts or {}
  if opts.allow ~= nil and type(opts.allow) ~= "table" then error("guard: allow must be a list of host names", 2) end
  local parse_url = require("sapo.fetch").parse_url
  return function(url)
    local scheme, host = parse_url(url)
    if not scheme then return nil, host, "EURL" end
    if opts.allow and on_list(host, opts.allow) then
      -- the operator named it: no address check, but the address resolved
      -- here is the one connected to (nginx needs no resolver directive)
      if M.is_private(host) ~= nil then return host end
      local addrs, err = M.resolve(host, opts)
      if not addrs or #addrs == 0 then return nil, err or ("cannot resolve " .. host), "ERESOLVE" end
      return addrs[1]
    end
    if not opts.allow_public then
      if opts.allow then return nil, "host " .. host .. " is not in the allow-list", "EFORBIDDEN" end
      return nil, "fetching URLs is off: the server sets no allow-list and not allow_public", "EFORBIDDEN"
    end
    local literal = M.is_private(host)
    if literal ~= nil then
      if literal and not opts.allow_private then return nil, "host " .. host .. " is a private address", "EFORBIDDEN" end
      return host
    end
    if host == "localhost" or host:match("%.localhost$") then
      if not opts.allow_private then return nil, "host " .. host .. " is private", "EFORBIDDEN" end
    end
    local addrs, err = M.resolve(host, opts)
    if not addrs or #addrs == 0 then return nil, err or ("cannot resolve " .. host), "ERESOLVE" end
    if not opts.allow_private then
      for _, a in ipairs(addrs) do
        if M.is_private(a) ~= false then
          return nil, "host " .. host .. " resolves to the private address " .. a, "EFORBIDDEN"
        end
      end
    end
    return addrs[1]
  end
end

-- for specs
M._parse_answer = parse_answer
M._encode_name = encode_name
return M
