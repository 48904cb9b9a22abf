-- Lua-side robustness: every public function with wrong arguments,
-- coroutines extracting side by side, collector pressure, and memory over
-- many extractions.
local sapo = require "sapo"
local H = require "helper"

local PAGE = H.page("english-news.html")
local BAD = { { "nil", nil }, { "number", 42 }, { "table", {} }, { "boolean", true }, { "userdata", io.stdout },
  { "function", print } }

-- A call must raise a clear error, or return nil, message, code: never crash.
local function clear(fn, ...)
  local r = table.pack and table.pack(pcall(fn, ...)) or { n = select("#", pcall(fn, ...)), pcall(fn, ...) }
  if not r[1] then
    assert.is_string(r[2])
    assert.truthy(r[2]:find("bad argument", 1, true) or r[2]:find("expected", 1, true) or r[2]:find("bad option", 1, true),
      "unclear error: " .. r[2])
    return "raised"
  end
  if r[2] == nil then
    assert.is_string(r[3])
    assert.is_string(r[4])
    return "nil"
  end
  return "value"
end

describe("robustness", function()
  it("every public function rejects wrong argument types clearly", function()
    local one_string = {
      sapo.parse, sapo.extract, sapo.text.nfc, sapo.text.clean, sapo.vi.nfc, sapo.vi.strip, sapo.vi.fold,
      sapo.vi.slug, sapo.vi.detect, sapo.vi.repair, function(x) return sapo.vi.tone(x, "old") end,
      function(x) return sapo.vi.decode(x, "tcvn3") end, function(x) return sapo.vi.encode(x, "vni") end,
      sapo.fetch,
    }
    for i, fn in ipairs(one_string) do
      for _, b in ipairs(BAD) do
        local how = clear(fn, b[2])
        assert.equal("raised", how, "function #" .. i .. " with a " .. b[1])
      end
    end
    -- options of the wrong type or unknown
    for _, b in ipairs(BAD) do
      if b[2] ~= nil then
        assert.equal("raised", clear(sapo.extract, PAGE, { url = b[2] }), "url = a " .. b[1])
        assert.equal("raised", clear(sapo.extract, PAGE, { charset = b[2] }), "charset = a " .. b[1])
      end
    end
    assert.equal("raised", clear(sapo.extract, PAGE, { no_such_option = true }))
    assert.equal("raised", clear(sapo.extract, PAGE, "opts"))
    assert.equal("raised", clear(sapo.vi.tone, "x", 5))
    assert.equal("raised", clear(sapo.vi.decode, "x", nil))
    assert.equal("raised", clear(sapo.pipeline.run, 5, {}, sapo.sink.table()))
    assert.equal("raised", clear(sapo.sink.files, "/tmp", "pdf"))
    assert.equal("raised", clear(sapo.source.dir, nil))
  end)

  it("methods of a Document check their receiver and its state", function()
    local d = assert(sapo.parse(PAGE))
    assert.equal("raised", clear(d.title, "not a document"))
    assert.equal("raised", clear(d.extract, {}))
    d:close()
    for _, m in ipairs({ "title", "text", "charset", "extract" }) do
      local ok, err = pcall(d[m], d)
      assert.is_false(ok)
      assert.truthy(err:find("closed document", 1, true))
    end
    assert.is_true(d:closed())
  end)

  it("huge strings as text arguments", function()
    local big = string.rep("Thuỷ điện Hoà Bình ", 500000)     -- ~12 MB
    assert.equal(#big, #assert(sapo.vi.tone(big, "new")))
    assert.is_string(assert(sapo.vi.fold(big)))
    assert.is_string(assert(sapo.text.clean(big)))
  end)

  it("coroutines extracting side by side share nothing", function()
    local pages = { H.page("english-news.html"), H.page("baoquocte-like.html"), H.page("vnexpress-like.html") }
    local expect = {}
    for i, p in ipairs(pages) do expect[i] = assert(sapo.extract(p)).text end
    local cos = {}
    for i = 1, 30 do
      cos[i] = coroutine.create(function()
        for round = 1, 5 do
          local k = (i + round) % 3 + 1
          local doc = assert(sapo.parse(pages[k]))
          coroutine.yield()
          local art = assert(doc:extract())
          assert.equal(expect[k], art.text)
          coroutine.yield()
          doc:close()
        end
      end)
    end
    local alive = true
    while alive do
      alive = false
      for _, co in ipairs(cos) do
        if coroutine.status(co) ~= "dead" then
          local ok, err = coroutine.resume(co)
          assert(ok, err)
          alive = true
        end
      end
    end
  end)

  it("survives collector pressure during extraction", function()
    local gen = collectgarbage and pcall(collectgarbage, "generational")
    for i = 1, 200 do
      local doc = sapo.parse(PAGE)
      collectgarbage("step", 1)
      local art = assert(doc:extract({ formats = { "markdown", "html" } }))
      assert.truthy(art.text:find("bike lanes", 1, true))
      if i % 3 == 0 then collectgarbage() end
    end
    if gen then pcall(collectgarbage, "incremental") end
  end)

  it("returns to its memory after 10,000 extractions #rss", function()
    local page = H.page("baoquocte-like.html")
    for _ = 1, 500 do sapo.extract(page) end
    collectgarbage()
    collectgarbage()
    local before = H.rss_kb()
    for _ = 1, 10000 do sapo.extract(page) end
    collectgarbage()
    collectgarbage()
    local after = H.rss_kb()
    if before and after then
      assert.is_true(after - before < 16 * 1024, "RSS grew by " .. (after - before) .. " KiB")
    end
  end)
end)
