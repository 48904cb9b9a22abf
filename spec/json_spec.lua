local sapo = require "sapo"
local json = require "sapo.json"

describe("sapo.json()", function()
  it("writes article fields in a stable order", function()
    local s = sapo.json({ text = "b", title = "a", zeta = 1, alpha = true, images = { { src = "x" } } })
    assert.equal('{"title":"a","text":"b","images":[{"src":"x"}],"alpha":true,"zeta":1}', s)
  end)
  it("escapes control characters and keeps UTF-8", function()
    assert.equal('{"text":"a\\nb\\"c\\\\ Việt"}', sapo.json({ text = 'a\nb"c\\ Việt' }))
  end)
  it("fails clearly on values JSON cannot hold", function()
    local r, err = sapo.json({ f = function() end })
    assert.is_nil(r)
    assert.truthy(err:find("function", 1, true))
  end)
  it("round-trips through lua-cjson when it is installed", function()
    if not json.has_cjson then return end
    local t = { title = "Việt", images = { { src = "a" } }, word_count = 3 }
    assert.same(t, json.decode(sapo.json(t)))
  end)
end)
