-- spec/helper.lua: shared by the specs (loaded with require "helper").
local H = {}

local function here()
  local src = debug.getinfo(1, "S").source:sub(2)
  return src:match("^(.*)/spec/helper%.lua$") or "."
end
H.root = here()
H.is_luajit = type(jit) == "table"

function H.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

function H.page(name) return H.read(H.root .. "/examples/pages/" .. name) end

-- true when the shell command exits 0 (os.execute returns true in 5.2+,
-- a status number in 5.1 and LuaJIT, where any number is truthy)
function H.ok(cmd)
  local r, _, code = os.execute(cmd)
  if type(r) == "number" then return r == 0 end
  return r == true and (code == nil or code == 0)
end

-- a new empty directory under the system's temporary directory
function H.tmpdir()
  local d = os.tmpname()
  os.remove(d)
  assert(H.ok("mkdir -p '" .. d .. "'"))
  return d
end

function H.exists(path)
  local f = io.open(path, "rb")
  if f then f:close() return true end
  return false
end

-- UTF-8 encoding of a code point (LuaJIT has no utf8 library).
function H.char(cp)
  if cp < 0x80 then return string.char(cp) end
  if cp < 0x800 then return string.char(0xC0 + math.floor(cp / 64), 0x80 + cp % 64) end
  if cp < 0x10000 then
    return string.char(0xE0 + math.floor(cp / 4096), 0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64)
  end
  return string.char(0xF0 + math.floor(cp / 262144), 0x80 + math.floor(cp / 4096) % 64,
    0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64)
end

-- "\u1EC7"-style escapes, as in shared/vi/vectors.tsv's escaped columns.
function H.unescape(s)
  return (s:gsub("\\u(%x%x%x%x)", function(h) return H.char(tonumber(h, 16)) end):gsub("\\\\", "\\"))
end

function H.hex(s)
  return (s:gsub("%s*(%x%x)%s*", function(h) return string.char(tonumber(h, 16)) end))
end

-- Resident set size of this process in KiB (Linux), or nil.
function H.rss_kb()
  local f = io.open("/proc/self/status", "r")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  local kb = s:match("VmRSS:%s*(%d+)")
  return kb and tonumber(kb)
end

function H.contains_all(text, list)
  for _, needle in ipairs(list) do
    if not text:find(needle, 1, true) then return false, needle end
  end
  return true
end

function H.contains_none(text, list)
  for _, needle in ipairs(list) do
    if text:find(needle, 1, true) then return false, needle end
  end
  return true
end

-- The interpreter running the specs, for io.popen of examples and the CLI.
function H.lua_cmd()
  return H.is_luajit and "luajit" or "lua5.4"
end

function H.abi() return H.is_luajit and "luajit" or "lua5.4" end

-- Environment prefix so a child interpreter finds this tree's modules.
function H.env()
  local r = H.root
  return string.format("LUA_PATH='%s/lua/?.lua;%s/lua/?/init.lua;;' LUA_PATH_5_4='%s/lua/?.lua;%s/lua/?/init.lua;;' " ..
    "LUA_CPATH='%s/build/%s/?.so;;' LUA_CPATH_5_4='%s/build/%s/?.so;;' ", r, r, r, r, r, H.abi(), r, H.abi())
end

return H
