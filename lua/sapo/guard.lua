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
--    when any address is not public: loopback, RFC 1918, link-local, CGNAT
--    (100.64/10), this network, benchmarking, documentation (192.0.2/24,
--    198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20), multicast,
--    reserved, IETF assignments (Teredo among them), anything outside IPv6
--    global unicast (unique-local, link-local, ...), and the IPv4-mapped,
--    -translated, -compatible, NAT64 and 6to4 forms of those.  The checked
--    address is returned and the fetch connects to it (the Host header and
--    TLS name stay the host's), so a second lookup cannot answer
--    differently.  Hosts are read by `sapo.url` as the connection reads
--    them: "0177.0.0.1" is 127.0.0.1, and a host with a NUL byte is no host.
-- `allow_private = true` lifts rule 3's address check (trusted networks).
--
-- Resolution: inside nginx, a DNS query over `ngx.socket.udp` to
-- `nameservers` (default: those of /etc/resolv.conf) with `dns_timeout`
-- seconds (default 2); elsewhere LuaSocket's `socket.dns.getaddrinfo`.
-- `opts.resolve(host)` replaces both (it returns a list of addresses).
-- @module sapo.guard
local url = require "sapo.url"
local type, tonumber, ipairs, tostring, pcall, require, error = type, tonumber, ipairs, tostring, pcall, require, error
local byte, char, format, concat = string.byte, string.char, string.format, table.concat

local M = {}

-- ===== addresses ===========================================================
-- Which addresses are not public, as data (IANA's special-purpose address
-- registries).  An address that carries an IPv4 address inside it (mapped,
-- translated, compatible, NAT64, 6to4) is judged by that address.

local V4_PRIVATE = {      -- { a, b, c, d, prefix length, what }
  { 0, 0, 0, 0, 8, "this network" }, { 10, 0, 0, 0, 8, "private" }, { 100, 64, 0, 0, 10, "shared (CGNAT)" },
  { 127, 0, 0, 0, 8, "loopback" }, { 169, 254, 0, 0, 16, "link-local" }, { 172, 16, 0, 0, 12, "private" },
  { 192, 0, 0, 0, 24, "IETF protocol assignments" }, { 192, 0, 2, 0, 24, "documentation (TEST-NET-1)" },
  { 192, 88, 99, 0, 24, "6to4 relay anycast" }, { 192, 168, 0, 0, 16, "private" },
  { 198, 18, 0, 0, 15, "benchmarking" }, { 198, 51, 100, 0, 24, "documentation (TEST-NET-2)" },
  { 203, 0, 113, 0, 24, "documentation (TEST-NET-3)" }, { 224, 0, 0, 0, 4, "multicast" },
  { 240, 0, 0, 0, 4, "reserved" },
}

-- IPv6 forms that embed an IPv4 address in their last 32 bits (groups 7-8)
-- or, for 6to4, in groups 2-3: { prefix groups, prefix length, where }
local V6_EMBEDDING = {
  { { 0, 0, 0, 0, 0, 0xffff }, 96, 7, "IPv4-mapped" },
  { { 0, 0, 0, 0, 0xffff, 0 }, 96, 7, "IPv4-translated" },
  { { 0, 0, 0, 0, 0, 0 }, 96, 7, "IPv4-compatible" },
  { { 0x64, 0xff9b, 0, 0, 0, 0 }, 96, 7, "NAT64" },
  { { 0x2002 }, 16, 2, "6to4" },
}
-- inside global unicast (2000::/3), what is still not public
local V6_PRIVATE = {
  { { 0x2001, 0 }, 23, "IETF protocol assignments (Teredo, benchmarking, ORCHID)" },
  { { 0x2001, 0x0db8 }, 32, "documentation" },
  { { 0x3fff, 0 }, 20, "documentation" },
}

local function v4_in(a, b, c, d, r)
  local n = ((a * 256 + b) * 256 + c) * 256 + d
  local net = ((r[1] * 256 + r[2]) * 256 + r[3]) * 256 + r[4]
  local size = 2 ^ (32 - r[5])
  return math.floor(n / size) == math.floor(net / size)
end

local function v4_private(a, b, c, d)
  for _, r in ipairs(V4_PRIVATE) do
    if v4_in(a, b, c, d, r) then return true, r[6] end
  end
  return false
end

-- do the first len bits of groups g match the prefix p (missing groups are 0)?
local function v6_in(g, p, len)
  for i = 1, 8 do
    local bits = math.min(16, len - (i - 1) * 16)
    if bits <= 0 then return true end
    local size = 2 ^ (16 - bits)
    if math.floor(g[i] / size) ~= math.floor((p[i] or 0) / size) then return false end
  end
  return true
end

local function v6_private(g)
  if v6_in(g, {}, 128) then return true, "unspecified" end
  if v6_in(g, { 0, 0, 0, 0, 0, 0, 0, 1 }, 128) then return true, "loopback" end
  for _, r in ipairs(V6_EMBEDDING) do
    if v6_in(g, r[1], r[2]) then
      local hi, lo = g[r[3]], g[r[3] + 1]
      local private, what = v4_private(math.floor(hi / 256), hi % 256, math.floor(lo / 256), lo % 256)
      return private, private and (r[4] .. " " .. what) or nil
    end
  end
  if g[1] < 0x2000 or g[1] > 0x3fff then return true, "not global unicast" end
  for _, r in ipairs(V6_PRIVATE) do
    if v6_in(g, r[1], r[2]) then return true, r[3] end
  end
  return false
end

--- Is this IP address literal one sapo must not connect to for a user?
-- Any IPv4 form inet_aton reads ("0177.0.0.1", "0x7f.1", "2130706433") and
-- any IPv6 form are understood.
-- @tparam string s an address
-- @return true (and what it is), false, or nil when s is not an IP literal
function M.is_private(s)
  if type(s) ~= "string" then return nil end
  local a, b, c, d = url.ipv4(s)
  if a then return v4_private(a, b, c, d) end
  local g = url.ipv6(s)
  if not g then return nil end
  return v6_private(g)
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

--- The addresses a host name resolves to: `opts.resolve(host)` when given,
-- nginx's resolver inside OpenResty (`opts.resolver`), else LuaSocket's.
-- The guard checks every address it returns.
-- @tparam string host a host name
-- @tparam[opt] table opts the guard's options (`resolve`, `resolver`)
-- @return a list of addresses, or `nil, message`
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
    h = h:lower():gsub("%.$", "")
    if host == h or host:sub(-#h - 1) == "." .. h then return true end
  end
  return false
end

local function refuse(host, addr, what)
  return nil, "host " .. host .. (addr and addr ~= host and (" resolves to " .. addr) or "") ..
    " is not a public address (" .. tostring(what or "private") .. ")", "EFORBIDDEN"
end

--- A check(url) for sapo.fetch: returns the address to connect to (or
-- true), or nil, message, "EFORBIDDEN" (also "EURL", "ERESOLVE").
-- @tparam[opt] table opts `allow` (host names; each allows its subdomains),
--   `allow_public`, `allow_private`, `nameservers`, `dns_timeout`, `resolve`
-- @treturn function check(url)
-- @raise when `allow` is not a list
function M.new(opts)
  opts = opts or {}
  if opts.allow ~= nil and type(opts.allow) ~= "table" then error("guard: allow must be a list of host names", 2) end
  return function(target)
    local u, why, code = url.parse(target)
    if not u then return nil, why, code end
    local host = u.host
    if opts.allow and on_list(host, opts.allow) then
      -- the operator named it: no address check, but the address resolved
      -- here is the one connected to (nginx needs no resolver directive)
      if u.ip then return host end
      local addrs, err = M.resolve(host, opts)
      if not addrs or #addrs == 0 then return nil, err or ("cannot resolve " .. host), "ERESOLVE" end
      return addrs[1]
    end
    if not opts.allow_public then
      if opts.allow then return nil, "host " .. host .. " is not in the allow-list", "EFORBIDDEN" end
      return nil, "fetching URLs is off: the server sets no allow-list and not allow_public", "EFORBIDDEN"
    end
    if u.ip then
      local private, what = M.is_private(host)
      if private and not opts.allow_private then return refuse(host, nil, what) end
      return host
    end
    if (host == "localhost" or host:match("%.localhost$")) and not opts.allow_private then
      return refuse(host, nil, "localhost")
    end
    local addrs, err = M.resolve(host, opts)
    if not addrs or #addrs == 0 then return nil, err or ("cannot resolve " .. host), "ERESOLVE" end
    if not opts.allow_private then
      for _, a in ipairs(addrs) do
        local private, what = M.is_private(a)
        if private ~= false then return refuse(host, a, what or "not an address") end
      end
    end
    return addrs[1]
  end
end

-- for specs
M._parse_answer = parse_answer
M._encode_name = encode_name
return M
