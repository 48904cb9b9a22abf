--- URLs that sapo fetches, and the IP address literals in them: the one
-- place they are read (`sapo.fetch` and `sapo.guard` both use it).
--
-- `url.parse` reads an absolute http(s) URL the way the WHATWG URL parser
-- and the resolver that will connect read it, so that what a check sees
-- is what is requested:
--
-- * any control byte, and a space, anywhere is refused (`EURL`): a CR or
--   LF in a request line would smuggle a second request;
-- * the host is an IP literal or ASCII letters, digits, "-", "." and "_"
--   (a host with "%", a NUL byte or non-ASCII letters is refused: give an
--   internationalised name in its xn-- form), lower-cased, one trailing dot
--   dropped;
-- * a host that ends in a number is an IPv4 address read as inet_aton and
--   the WHATWG parser read it (octal "0177", hex "0x7f", the short forms
--   "127.1" and "2130706433") and written back in dotted decimal, so
--   "0177.0.0.1" is 127.0.0.1 for the check and for the connection; a host
--   that ends in a number but is no address is refused;
-- * the path and query are percent-encoded where they hold what a request
--   line may not (non-ASCII bytes, `"`, `<`, `>`, `\`, `^`, backquote, braces,
--   `|`); the fragment is dropped.
--
--     local url = require "sapo.url"
--     local u = assert(url.parse("http://0x7f.1/a b?q#f"))
--     -- u = { scheme = "http", host = "127.0.0.1", port = 80, path = "/a%20b?q", ip = 4,
--     --       href = "http://127.0.0.1/a%20b?q" }
--
-- @module sapo.url
local tonumber, type, format, concat, ipairs = tonumber, type, string.format, table.concat, ipairs
local floor = math.floor

local M = {}

-- ===== IP addresses =========================================================

-- one part of an IPv4 address as inet_aton reads it: decimal, octal with a
-- leading 0, hex with 0x; nil when it is none of them
local function v4_part(p)
  if p == "" then return nil end
  if p:match("^0[xX]%x*$") then return #p == 2 and 0 or tonumber(p:sub(3), 16) end
  if p:match("^0[0-7]+$") then return tonumber(p, 8) end
  if p:match("^%d+$") and not p:match("^0%d") then return tonumber(p) end
  return nil
end

--- The four bytes of an IPv4 address in any form inet_aton accepts
-- ("127.0.0.1", "0177.1", "0x7f000001", "2130706433"), or nil.
-- @tparam string s
-- @return a, b, c, d (numbers) or nil
function M.ipv4(s)
  if type(s) ~= "string" or #s > 64 then return nil end
  local parts = {}
  for p in (s .. "."):gmatch("([^.]*)%.") do parts[#parts + 1] = p end
  if parts[#parts] == "" and #parts > 1 then parts[#parts] = nil end   -- "1.2.3.4." (a trailing dot)
  if #parts == 0 or #parts > 4 then return nil end
  local nums = {}
  for i, p in ipairs(parts) do
    nums[i] = v4_part(p)
    if not nums[i] then return nil end
  end
  for i = 1, #nums - 1 do if nums[i] > 255 then return nil end end
  local last = nums[#nums]
  if last >= 256 ^ (5 - #nums) then return nil end
  local bytes = {}
  for i = 1, #nums - 1 do bytes[i] = nums[i] end
  for i = 4, #nums, -1 do
    bytes[i] = last % 256
    last = floor(last / 256)
  end
  return bytes[1], bytes[2], bytes[3], bytes[4]
end

--- The eight 16-bit groups of an IPv6 literal (brackets and a zone id
-- allowed), or nil.
-- @tparam string s
-- @treturn table|nil
function M.ipv6(s)
  if type(s) ~= "string" or #s > 64 then return nil end
  s = s:gsub("^%[(.*)%]$", "%1"):lower():gsub("%%.*$", "")
  if not s:find(":", 1, true) then return nil end
  local v4 = s:match(":(%d+%.%d+%.%d+%.%d+)$")
  if v4 then
    local a, b, c, d = v4:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$")
    a, b, c, d = tonumber(a), tonumber(b), tonumber(c), tonumber(d)
    if a > 255 or b > 255 or c > 255 or d > 255 then return nil end
    s = s:sub(1, #s - #v4) .. format("%x:%x", a * 256 + b, c * 256 + d)
  end
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
  local head, tail = s:match("^(.-)::(.*)$")
  local groups
  if head then
    if tail:find("::", 1, true) then return nil end
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

--- An IP literal written one way: IPv4 in dotted decimal, IPv6 in its
-- groups; with the version (4 or 6).  nil when s is not an IP literal.
-- @tparam string s a host
-- @return the address and 4 or 6, or nil
function M.canonical_ip(s)
  local a, b, c, d = M.ipv4(s)
  if a then return format("%d.%d.%d.%d", a, b, c, d), 4 end
  local g = M.ipv6(s)
  if g then
    local t = {}
    for i = 1, 8 do t[i] = format("%x", g[i]) end
    return concat(t, ":"), 6
  end
  return nil
end

-- ===== URLs ================================================================

local DEFAULT_PORT = { http = 80, https = 443 }

-- what a request line may not hold raw, percent-encoded (controls and
-- spaces were refused before)
local function encode_path(p)
  return (p:gsub('[%z\128-\255"<>\\^`{|}]', function(c) return format("%%%02X", c:byte()) end))
end

local function fail(msg) return nil, msg, "EURL" end

--- Read an absolute http(s) URL for fetching.
-- @tparam string s the URL
-- @return `{scheme, host, port, path, ip, href}` (`ip` 4 or 6 for an IP
--   literal, `href` the URL as it will be requested), or `nil, message, "EURL"`
function M.parse(s)
  if type(s) ~= "string" then return fail("URL expected") end
  if s:find("[%z\1-\32\127]") then
    return fail("a URL with a control character or a space in it is refused: " .. format("%q", s):sub(1, 120))
  end
  local scheme, rest = s:match("^(%a[%w+.-]*)://(.*)$")
  if not scheme then return fail("not an absolute URL: " .. s:sub(1, 120)) end
  scheme = scheme:lower()
  if not DEFAULT_PORT[scheme] then return fail("unsupported scheme: " .. scheme) end
  local authority, path = rest:match("^([^/?#\\]*)(.*)$")
  path = path:gsub("#.*$", ""):gsub("\\", "/")
  if path == "" or path:sub(1, 1) == "?" then path = "/" .. path end
  authority = authority:match("@([^@]*)$") or authority        -- user:password@ is not sent
  local host, port = authority:match("^(%[[^%]]*%])(.*)$")
  if not host then host, port = authority:match("^([^:]*)(.*)$") end
  if port ~= "" then
    port = port:match("^:(%d*)$")
    if not port then return fail("bad port in URL: " .. s:sub(1, 120)) end
  end
  port = tonumber(port ~= "" and port or nil) or DEFAULT_PORT[scheme]
  if port < 1 or port > 65535 then return fail("port out of range in URL: " .. s:sub(1, 120)) end
  local ip
  if host:sub(1, 1) == "[" then
    if not M.ipv6(host) then return fail("bad IPv6 address in URL: " .. host) end
    host, ip = M.canonical_ip(host)
  else
    host = host:lower():gsub("%.$", "")
    if host == "" then return fail("no host in URL: " .. s:sub(1, 120)) end
    if not host:match("^[%w%-%._]+$") then
      return fail("a host of other than ASCII letters, digits, '-', '.' and '_' is refused " ..
                  "(write an international name in its xn-- form): " .. host:sub(1, 80))
    end
    -- a host ending in a number is an IPv4 address (WHATWG), whatever its form
    local last = host:match("([^.]*)$")
    if last:match("^%d+$") or last:match("^0[xX]%x*$") then
      local canon = M.canonical_ip(host)
      if not canon then return fail("not a valid IPv4 address: " .. host) end
      host, ip = canon, 4
    end
  end
  path = encode_path(path)
  local shown = ip == 6 and "[" .. host .. "]" or host
  local href = scheme .. "://" .. shown .. (port == DEFAULT_PORT[scheme] and "" or ":" .. port) .. path
  return { scheme = scheme, host = host, port = port, path = path, ip = ip, href = href }
end

return M
