local sapo = require "sapo"
local H = require "helper"

describe("sapo.text", function()
  it("nfc composes and leaves NFC alone", function()
    assert.equal(H.char(0x1EC7), sapo.text.nfc("e" .. H.char(0x323) .. H.char(0x302)))
    assert.equal("plain", sapo.text.nfc("plain"))
    assert.equal("EUTF8", select(3, sapo.text.nfc("\255")))
    assert.error_matches(function() sapo.text.nfc(nil) end, "string expected")
  end)
  it("clean drops invisible characters and collapses white space", function()
    local s = " a" .. H.char(0xA0) .. H.char(0x200B) .. "b\t\n c" .. H.char(0xAD) .. "d" .. H.char(0xFEFF) .. "\1 "
    assert.equal("a b cd", sapo.text.clean(s))
    assert.equal("a\nb", sapo.text.clean("a \n  b", true))
  end)
  it("the NFC quick check never skips a change (every code point of its ranges)", function()
    local full = require("sapo.core").text._nfc_full
    local ranges = { {0x20, 0x2FF}, {0x1E00, 0x1EFF}, {0x2010, 0x2027}, {0x2030, 0x205E}, {0x20A0, 0x20C0},
      {0x388, 0x3FF}, {0x400, 0x482}, {0x48A, 0x52F}, {0x3000, 0x3029}, {0x3030, 0x303F}, {0x3041, 0x3096},
      {0x30A1, 0x30FA}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0xFF01, 0xFF60} }
    local bad = {}
    for _, r in ipairs(ranges) do
      for cp = r[1], r[2] do
        if cp ~= 0x387 then
          local c = H.char(cp)
          if full(c) ~= c or full("a" .. c) ~= "a" .. c then bad[#bad + 1] = string.format("U+%04X", cp) end
        end
      end
    end
    assert.same({}, bad)
  end)
end)
