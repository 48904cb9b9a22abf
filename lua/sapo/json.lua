--- JSON text for articles: lua-cjson when installed, else a small encoder.
-- Keys are written in a stable order (the documented article fields first,
-- then the rest sorted), so outputs diff cleanly.
-- @module sapo.json
local type, pairs, ipairs, tostring, format = type, pairs, ipairs, tostring, string.format
local concat, sort = table.concat, table.sort
local floor, huge = math.floor, math.huge

local ok, cjson = pcall(require, "cjson")
if not ok then cjson = nil end

local M = {}

-- the article's fields in the core's order, then a failed item's
local ORDER = {}
for _, f in ipairs(require("sapo.core").fields) do
  if f.kind ~= "trace" then ORDER[#ORDER + 1] = f.name end
end
for _, k in ipairs({ "source", "error", "code" }) do ORDER[#ORDER + 1] = k end
local RANK = {}
for i, k in ipairs(ORDER) do RANK[k] = i end
-- list fields are written [] when empty
local ARRAYS = {}
for _, f in ipairs(require("sapo.core").fields) do
  if f.kind == "texts" or f.kind == "images" then ARRAYS[f.name] = true end
end

local ESC = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f", ["\n"] = "\\n",
  ["\r"] = "\\r", ["\t"] = "\\t" }

-- lua-cjson escapes "/" as "\/": valid, but URLs read badly.  "\/" only
-- ever comes from that escape (a backslash itself is written "\\"), so
-- undoing it is safe.
local function str(s)
  if cjson then return (cjson.encode(s):gsub("\\/", "/")) end
  return '"' .. s:gsub('[%c"\\]', function(c) return ESC[c] or format("\\u%04x", c:byte()) end) .. '"'
end

local function is_array(t)
  local n = 0
  for k in pairs(t) do
    if type(k) ~= "number" or k < 1 or floor(k) ~= k then return false end
    n = n + 1
  end
  return n == #t
end

local encode

local function keys_of(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  sort(ks, function(a, b)
    local ra, rb = RANK[a] or 1000, RANK[b] or 1000
    if ra ~= rb then return ra < rb end
    return tostring(a) < tostring(b)
  end)
  return ks
end

-- pretty: an indent string ("  "), or nil for one line
encode = function(v, depth, pretty)
  local t = type(v)
  if t == "string" then return str(v) end
  if t == "number" then
    if v ~= v or v == huge or v == -huge then return "null" end
    if floor(v) == v and v > -1e15 and v < 1e15 then return format("%d", v) end
    return format("%.14g", v)
  end
  if t == "boolean" then return tostring(v) end
  if t == "nil" then return "null" end
  if t ~= "table" then error("cannot encode a " .. t .. " as JSON", 0) end
  if depth > 64 then error("table nested too deeply to encode as JSON", 0) end
  local out = {}
  local nl, pad, pad_in, colon = "", "", "", ":"
  if pretty then
    nl, pad, pad_in, colon = "\n", pretty:rep(depth), pretty:rep(depth + 1), ": "
  end
  if next(v) ~= nil and is_array(v) then
    for i = 1, #v do out[i] = pad_in .. encode(v[i], depth + 1, pretty) end
    return "[" .. nl .. concat(out, "," .. nl) .. nl .. pad .. "]"
  end
  if next(v) == nil then return "{}" end
  for _, k in ipairs(keys_of(v)) do
    local x = v[k]
    local enc = (ARRAYS[k] and type(x) == "table" and next(x) == nil) and "[]" or encode(x, depth + 1, pretty)
    out[#out + 1] = pad_in .. str(tostring(k)) .. colon .. enc
  end
  return "{" .. nl .. concat(out, "," .. nl) .. nl .. pad .. "}"
end

--- JSON text of a value (tables with string keys in the stable order).
-- @param v the value
-- @tparam[opt] boolean pretty indented, one member a line
-- @return string, or `nil, message` for values JSON cannot hold
function M.encode(v, pretty)
  local okk, res = pcall(encode, v, 0, pretty and "  " or nil)
  if not okk then return nil, res end
  return res
end

--- Decode JSON text (lua-cjson required).
-- @tparam string s JSON text
-- @return value, or `nil, message`
function M.decode(s)
  if not cjson then return nil, "lua-cjson is not installed" end
  local okk, res = pcall(cjson.decode, s)
  if not okk then return nil, res end
  return res
end

M.has_cjson = cjson ~= nil

return M
