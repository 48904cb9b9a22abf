local sapo = require "sapo"
local H = require "helper"
local vi = sapo.vi
local u = H.unescape

-- Our own cases, one or more for every rule (the project's tests stand
-- without ../shared).  Each row: input, expected (with \uXXXX escapes).
local CASES = {
  tone_old = {
    { "ho\\u00E0", "h\\u00F2a" },                    -- oa open: first vowel
    { "HO\\u00C0", "H\\u00D2A" },                    -- capitals
    { "hO\\u00C0", "h\\u00D2A" },                    -- each letter keeps its case
    { "kho\\u1EBB", "kh\\u1ECFe" },                  -- oe
    { "thu\\u1EF7", "th\\u1EE7y" },                  -- uy
    { "U\\u1EF7 ban", "\\u1EE6y ban" },              -- no onset
    { "ho\\u00E0n", "ho\\u00E0n" },                  -- closed: second vowel in both styles
    { "h\\u00F2an", "ho\\u00E0n" },                  -- wrong place repaired
    { "ng\\u1EEB\\u01A1i", "ng\\u01B0\\u1EDDi" },   -- horns: last vowel with a quality mark
    { "tu\\u1ED5i", "tu\\u1ED5i" },
    { "chuy\\u1EC7n", "chuy\\u1EC7n" },
    { "ngo\\u00E0i", "ngo\\u00E0i" },                -- three vowels: the middle one
    { "kh\\u1EE7yu", "khu\\u1EF7u" },
    { "m\\u00F9a", "m\\u00F9a" },                    -- two vowels open: first
    { "q\\u00FAy", "qu\\u00FD" },                    -- qu: u belongs to the onset
    { "g\\u00ECa", "gi\\u00E0" },                    -- gi + vowel: i belongs to the onset
    { "g\\u00ECn", "g\\u00ECn" },                    -- gi without another vowel: i is the vowel
    { "l\\u1EF1\\u01A1ng", "l\\u01B0\\u1EE3ng" },
    { "caf\\u00E9", "caf\\u00E9" },                  -- not a Vietnamese syllable
    { "No\\u00EBl", "No\\u00EBl" },
    { "h\\u00F2\\u00E1", "h\\u00F2\\u00E1" },        -- two different tones: unchanged
    { "h\\u00F2\\u00E0", "h\\u00F2a" },              -- the same tone twice: one kept
    { "Ho\\u0300a", "H\\u00F2a" },                   -- decomposed input
    { "abc 123 ho\\u00E0-b\\u00ECnh", "abc 123 h\\u00F2a-b\\u00ECnh" },
    { "\\u0111o\\u00E0n", "\\u0111o\\u00E0n" },
  },
  tone_new = {
    { "h\\u00F2a", "ho\\u00E0" },
    { "kh\\u1ECFe", "kho\\u1EBB" },
    { "th\\u1EE7y", "thu\\u1EF7" },
    { "\\u1EE6y ban", "U\\u1EF7 ban" },
    { "ho\\u00E0n", "ho\\u00E0n" },
    { "m\\u00F9a", "m\\u00F9a" },                    -- ua stays on the first vowel
    { "qu\\u00FD", "qu\\u00FD" },
    { "gi\\u00E0", "gi\\u00E0" },
  },
  vi_nfc = {
    { "e\\u0301\\u0302", "\\u1EBF" },
    { "a\\u0301\\u0306", "\\u1EAF" },
    { "Vi\\u00EA\\u0323t", "Vi\\u1EC7t" },
    { "\\u00D0\\u00E0 N\\u1EB5ng", "\\u0110\\u00E0 N\\u1EB5ng" },
    { "Gu\\u00F0mundsson", "Gu\\u00F0mundsson" },
    { "Ho\\u0300a", "H\\u00F2a" },
  },
  strip = {
    { "Ti\\u1EBFng Vi\\u1EC7t", "Tieng Viet" },
    { "\\u0110\\u00E0 N\\u1EB5ng", "Da Nang" },
    { "\\u00D0\\u00E0 L\\u1EA1t", "Da Lat" },
    { "Cr\\u00E8me br\\u00FBl\\u00E9e", "Creme brulee" },
    { "12,5% GDP", "12,5% GDP" },
  },
  fold = {
    { "\\u0110\\u1EA0I H\\u1ECCC QU\\u1ED0C GIA", "dai hoc quoc gia" },
    { "Thu\\u1EF7", "thuy" },
    { "Th\\u1EE7y", "thuy" },
    { "ABC xyz", "abc xyz" },
  },
  slug = {
    { "\\u0110\\u00E0 N\\u1EB5ng: Khai m\\u1EA1c 2024", "da-nang-khai-mac-2024" },
    { "  Gi\\u00E1 v\\u00E0ng (12/3) t\\u0103ng!  ", "gia-vang-12-3-tang" },
    { "---", "" },
    { "TP.HCM \\u2013 H\\u00E0 N\\u1ED9i", "tp-hcm-ha-noi" },
    { "Ti\\u1EC1n Giang_B\\u1EBFn Tre", "tien-giang-ben-tre" },
  },
  repair = {
    { "Vi\\u00E1\\u00BB\\u2021t Nam", "Vi\\u1EC7t Nam" },
    { "Vi\\u00C3\\u00A1\\u00C2\\u00BB\\u00E2\\u20AC\\u00A1t Nam", "Vi\\u1EC7t Nam" },   -- twice
    { "Cr\\u00E8me br\\u00FBl\\u00E9e", "Cr\\u00E8me br\\u00FBl\\u00E9e" },            -- real Latin-1
    { "Vi\\u1EC7t Nam", "Vi\\u1EC7t Nam" },
  },
}

local function run(op, input)
  if op == "tone_old" then return vi.tone(input, "old") end
  if op == "tone_new" then return vi.tone(input, "new") end
  if op == "vi_nfc" then return vi.nfc(input) end
  if op == "strip" then return vi.strip(input) end
  if op == "repair" then return vi.repair(input) end
  return vi[op](input)
end

describe("sapo.vi", function()
  for op, rows in pairs(CASES) do
    describe(op, function()
      for _, row in ipairs(rows) do
        it(row[1] .. " -> " .. row[2], function()
          assert.equal(u(row[2]), run(op, u(row[1])))
        end)
      end
    end)
  end

  describe("legacy encodings", function()
    local TEXT = u("Ti\\u1EBFng Vi\\u1EC7t c\\u00F3 s\\u00E1u thanh: ngang, huy\\u1EC1n, s\\u1EAFc, " ..
      "h\\u1ECFi, ng\\u00E3, n\\u1EB7ng. \\u0110\\u01B0\\u1EDDng \\u0111\\u1EBFn tr\\u01B0\\u1EDDng " ..
      "\\u0111\\u1EA1i h\\u1ECDc Qu\\u1ED1c gia H\\u00E0 N\\u1ED9i")
    it("decodes known bytes", function()
      assert.equal(u("Vi\\u1EC7t Nam"), vi.decode(H.hex("56 69 D6 74 20 4E 61 6D"), "tcvn3"))
      assert.equal(u("Vi\\u1EC7t Nam"), vi.decode("Vie\228t Nam", "vni"))
      assert.equal(u("Vi\\u1EC7t Nam"), vi.decode("Vie^.t Nam", "viqr"))
      assert.equal(u("H\\u00E0 N\\u1ED9i."), vi.decode("Ha` No^.i.", "viqr"))  -- the second tone is literal
      assert.equal(u("Ai?"), vi.decode("Ai\\?", "viqr"))
      assert.equal(u("\\u0110\\u00E0"), vi.decode("DDa`", "viqr"))
      assert.equal(u("Vi\\u1EC7t Nam"), vi.decode("Vi\234\242t Nam", "cp1258"))
    end)
    for _, enc in ipairs({ "tcvn3", "vni", "viscii", "vps", "cp1258" }) do
      it("round-trips long text through " .. enc, function()
        local text = enc == "tcvn3" and vi.fold(TEXT) == vi.fold(TEXT:lower()) and TEXT:lower() or TEXT
        if enc == "tcvn3" then
          -- TCVN3 has no capital toned letters: compare lower-cased text
          local lower = vi.decode(vi.encode(TEXT, enc), enc)
          assert.equal(vi.fold(TEXT), vi.fold(lower))
        else
          assert.equal(text, vi.decode(vi.encode(text, enc), enc))
        end
      end)
    end
    it("repairs TCVN3 and VNI pages shown as windows-1252", function()
      assert.equal(u("Vi\\u1EC7t Nam"), vi.repair(u("Vi\\u00D6t Nam"), "tcvn3"))
      assert.equal(u("H\\u00E0 N\\u1ED9i"), vi.repair(u("Ha\\u00F8 No\\u00E4i"), "vni"))
    end)
  end)

  describe("round trips of tone styles", function()
    it("tone(tone(s,'new'),'old') == tone(s,'old') on long text", function()
      local s = u("Ho\\u00E0 b\\u00ECnh, thu\\u1EF7 \\u0111i\\u1EC7n, kho\\u1EBB m\\u1EA1nh, " ..
        "ng\\u01B0\\u1EDDi Vi\\u1EC7t, qu\\u00FD kh\\u00E1ch, gi\\u00E0 tr\\u1EBB, U\\u1EF7 ban. ")
      s = s:rep(200)
      assert.equal(vi.tone(s, "old"), vi.tone(vi.tone(s, "new"), "old"))
      assert.equal(vi.tone(s, "new"), vi.tone(vi.tone(s, "old"), "new"))
    end)
  end)

  describe("detect()", function()
    it("says vi for Vietnamese sentences and other otherwise", function()
      local lang, score = vi.detect(u("H\\u00E0 N\\u1ED9i l\\u00E0 th\\u1EE7 \\u0111\\u00F4 c\\u1EE7a Vi\\u1EC7t Nam."))
      assert.equal("vi", lang)
      assert.is_true(score > 0.5 and score <= 1)
      assert.equal("other", (vi.detect("The prime minister signed the decision on Monday.")))
      assert.equal("other", (vi.detect(u("H\\u00E0 N\\u1ED9i"))))
    end)
  end)

  describe("errors", function()
    it("returns nil, msg, EUTF8 for invalid UTF-8", function()
      for _, f in ipairs({ "nfc", "strip", "fold", "slug" }) do
        local r, msg, code = vi[f]("a\255b")
        assert.is_nil(r)
        assert.equal("EUTF8", code)
        assert.truthy(msg:find("UTF-8", 1, true))
      end
      assert.equal("EUTF8", select(3, vi.tone("\192", "old")))
      assert.equal("EUTF8", select(3, vi.detect("\192")))
    end)
    it("repairs invalid UTF-8 instead of failing", function()
      assert.equal("caf" .. H.char(0xE9), vi.repair("caf\233"))
    end)
    it("raises on wrong argument types", function()
      assert.error_matches(function() vi.tone(nil, "old") end, "string expected")
      assert.error_matches(function() vi.tone("x", "middle") end, "\"old\" or \"new\"")
      assert.error_matches(function() vi.fold({}) end, "string expected")
      assert.error_matches(function() vi.decode("x", "koi8") end, "\"cp1258\" expected, got koi8")
      assert.error_matches(function() vi.encode("x", "viqr") end, "viqr cannot be encoded")
      assert.error_matches(function() vi.repair("x", "utf16") end, "bad argument #2")
    end)
    it("is binary-safe", function()
      assert.equal("a\0" .. u("h\\u00F2a"), vi.tone("a\0" .. u("ho\\u00E0"), "old"))
      assert.equal("a-b", vi.slug("a\0b"))
    end)
  end)
end)

-- The team's vectors, when ../shared is beside the project.
local VECTORS = H.root .. "/../shared/vi/vectors.tsv"
if H.exists(VECTORS) then
  describe("shared/vi/vectors.tsv", function()
    local ops = {
      nfc = function(s) return sapo.text.nfc(s) end, vi_nfc = vi.nfc,
      tone_old = function(s) return vi.tone(s, "old") end, tone_new = function(s) return vi.tone(s, "new") end,
      strip_diacritics = vi.strip, fold = vi.fold, slug = vi.slug,
      repair_mojibake = function(s) return vi.repair(s) end,
      repair_tcvn3_cp1252 = function(s) return vi.repair(s, "tcvn3") end,
      repair_vni_cp1252 = function(s) return vi.repair(s, "vni") end,
      detect_vi = function(s) return (vi.detect(s)) end,
    }
    local n, first = 0, true
    for line in io.lines(VECTORS) do
      if first then first = false else
        local op, input, _, note, ie, ee = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)$")
        if op then
          n = n + 1
          it(("%d %s: %s"):format(n, op, note), function()
            local enc = op:match("^decode_(.*)$")
            local got = enc and vi.decode(H.hex(input), enc) or ops[op](u(ie))
            assert.equal(u(ee), got)
          end)
        end
      end
    end
  end)
end
