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

local M = {}

-- Each function is the C one: it checks its arguments (a string, and a
-- style or encoding among its words) and raises "bad argument ..." itself.

--- NFC plus Vietnamese repairs (tone typed before ^/˘, Ð used for Đ).
-- @function nfc
-- @tparam string s text
-- @return string, or `nil, message, "EUTF8"`
M.nfc = cvi.nfc

--- Put every syllable's tone mark where `style` wants it.
-- @function tone
-- @tparam string s text
-- @tparam string style `"old"` (hòa, thủy) or `"new"` (hoà, thuỷ)
-- @return string, or `nil, message, "EUTF8"`
-- @raise when `style` is neither
M.tone = cvi.tone

--- Remove every diacritic (đ→d, Đ→D), keep case.
-- @function strip
-- @tparam string s text
M.strip = cvi.strip

--- strip, then lower case: a search key.
-- @function fold
-- @tparam string s text
M.fold = cvi.fold

--- fold, then runs of anything but [a-z0-9] become "-".
-- @function slug
-- @tparam string s text
M.slug = cvi.slug

--- Decode legacy Vietnamese bytes.
-- @function decode
-- @tparam string bytes
-- @tparam string enc `"tcvn3"`, `"vni"`, `"viqr"`, `"viscii"`, `"vps"` or `"cp1258"`
-- @raise for another encoding
M.decode = cvi.decode

--- Encode text into a legacy code page (the inverse of decode; `"?"` for
-- characters the code page lacks).  Not for VIQR.
-- @function encode
-- @tparam string s text
-- @tparam string enc as for decode, but `"viqr"`
M.encode = cvi.encode

--- Repair mojibake.
-- @function repair
-- @tparam string s text
-- @tparam[opt] string mode nil: UTF-8 read as Windows-1252 (once or twice);
--   `"tcvn3"` or `"vni"`: legacy font bytes read as Windows-1252
M.repair = cvi.repair

--- Is this Vietnamese?  Returns `"vi"` or `"other"`, then a score in [0, 1].
-- @function detect
-- @tparam string s text
M.detect = cvi.detect

return M
