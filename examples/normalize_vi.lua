-- Vietnamese normalisation, one function per line.
--   lua5.4 examples/normalize_vi.lua ["text"]
local vi = require("sapo").vi

local s = arg[1] or "Thuỷ điện Hoà Bình"
print("input:      " .. s)
print("old style:  " .. assert(vi.tone(s, "old")))
print("new style:  " .. assert(vi.tone(s, "new")))
print("stripped:   " .. assert(vi.strip(s)))
print("search key: " .. assert(vi.fold(s)))
print("slug:       " .. assert(vi.slug(s)))
print("from VIQR:  " .. assert(vi.decode("Tie^'ng Vie^.t", "viqr")))
print("repaired:   " .. assert(vi.repair("Viá»‡t Nam")))
print("language:   " .. table.concat({ vi.detect("Hà Nội là thủ đô của Việt Nam.") }, " "))
