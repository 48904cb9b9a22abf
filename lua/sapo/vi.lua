--- Vietnamese text normalisation (C core over utf8proc).
--
-- Every function takes a string and returns a string, or `nil, message,
-- "EUTF8"` when the text is not valid UTF-8; a non-string argument raises.
-- Outputs are NFC.
--
--     local vi = require "sapo.vi"
--     vi.tone("hoà bình, thuỷ điện", "old")  --> "hòa bình, thủy điện"
--     vi.slug("Đà Nẵng: lễ hội pháo hoa")     --> "da-nang-le-hoi-phao-hoa"
--
-- @module sapo.vi
local core = require "sapo.core"
local cvi = core.vi
local type, error = type, error

local M = {}

local function check(s, fname)
  if type(s) ~= "string" then
    error("bad argument #1 to '" .. fname .. "' (string expected, got " .. type(s) .. ")", 3)
  end
end

--- NFC plus Vietnamese repairs (tone typed before ^/˘, Ð used for Đ).
function M.nfc(s) check(s, "nfc"); return cvi.nfc(s) end

--- Put every syllable's tone mark where `style` wants it.
-- @tparam string s text
-- @tparam string style `"old"` (hòa, thủy) or `"new"` (hoà, thuỷ)
function M.tone(s, style)
  check(s, "tone")
  if style ~= "old" and style ~= "new" then
    error("bad argument #2 to 'tone' (\"old\" or \"new\" expected, got " .. tostring(style) .. ")", 2)
  end
  return cvi.tone(s, style)
end

--- Remove every diacritic (đ→d, Đ→D), keep case.
function M.strip(s) check(s, "strip"); return cvi.strip(s) end
--- strip, then lower case: a search key.
function M.fold(s) check(s, "fold"); return cvi.fold(s) end
--- fold, then runs of anything but [a-z0-9] become "-".
function M.slug(s) check(s, "slug"); return cvi.slug(s) end

local ENCODINGS = { tcvn3 = true, vni = true, viqr = true, viscii = true, vps = true, cp1258 = true }

--- Decode legacy Vietnamese bytes.
-- @tparam string bytes
-- @tparam string enc `"tcvn3"`, `"vni"`, `"viqr"`, `"viscii"`, `"vps"` or `"cp1258"`
function M.decode(bytes, enc)
  check(bytes, "decode")
  if not ENCODINGS[enc] then
    error("bad argument #2 to 'decode' (unknown encoding " .. tostring(enc) .. ")", 2)
  end
  return cvi.decode(bytes, enc)
end

--- Encode text into a legacy code page (the inverse of decode; `"?"` for
-- characters the code page lacks).  Not for VIQR.
function M.encode(s, enc)
  check(s, "encode")
  if not ENCODINGS[enc] or enc == "viqr" then
    error("bad argument #2 to 'encode' (unknown encoding " .. tostring(enc) .. ")", 2)
  end
  return cvi.encode(s, enc)
end

--- Repair mojibake.
-- @tparam string s text
-- @tparam[opt] string mode nil: UTF-8 read as Windows-1252 (once or twice);
--   `"tcvn3"` or `"vni"`: legacy font bytes read as Windows-1252
function M.repair(s, mode)
  check(s, "repair")
  if mode ~= nil and mode ~= "tcvn3" and mode ~= "vni" then
    error("bad argument #2 to 'repair' (nil, \"tcvn3\" or \"vni\" expected)", 2)
  end
  return cvi.repair(s, mode)
end

--- Is this Vietnamese?  Returns `"vi"` or `"other"`, then a score in [0, 1].
function M.detect(s) check(s, "detect"); return cvi.detect(s) end

return M
