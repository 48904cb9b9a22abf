-- Hostile input: every case gets a result or nil, message, code, in
-- bounded time and memory.  Cases tagged #huge build inputs of tens of MiB;
-- `make valgrind` leaves them out (they are run by `make test` and `make asan`).
local sapo = require "sapo"
local H = require "helper"

local function outcome(html, opts)
  local ok, art, err, code = pcall(sapo.extract, html, opts)
  assert(ok, "raised: " .. tostring(art))
  if art then
    assert.is_string(art.text)
    assert.is_true(require("sapo.core").text.utf8_valid(art.text))
    return art
  end
  assert.is_string(err)
  assert.is_string(code)
  return nil, err, code
end

local LOREM = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p>"

describe("hostile input", function()
  it("empty input and one byte", function()
    assert.same({ nil, "no article content found", "ENOCONTENT" }, { sapo.extract("") })
    for _, b in ipairs({ "<", ">", "\0", "\255", "&", "a" }) do outcome(b) end
    assert.same({ nil, "input has no HTML markup (no tag anywhere): plain text is not a page", "EPARSE" },
      { sapo.parse("<") })
    assert.truthy(sapo.parse("<p"))
  end)

  it("64 MiB of text is over the default limit, and works when allowed #huge", function()
    local big = string.rep("word ", math.floor(64 * 1024 * 1024 / 5))
    local _, _, code = outcome(big)
    assert.equal("ELIMIT", code)
    local art = outcome("<p>" .. big .. "</p>", { max_bytes = 128 * 1024 * 1024 })
    assert.is_true(#art.text > 60 * 1024 * 1024)
  end)

  it("a million nested <div>s #huge", function()
    local deep = string.rep("<div>", 1000000) .. "text" .. string.rep("</div>", 1000000)
    outcome(deep)
    outcome(deep, { max_depth = 100 })
  end)

  it("100,000 sibling paragraphs #huge", function()
    local art = outcome("<html><body><article>" .. string.rep(LOREM, 100000) .. "</article></body></html>")
    assert.is_true(#art.text > 100000 * 90)
  end)

  it("attributes of 10 MiB #huge", function()
    local art = outcome("<html><body><article title='" .. string.rep("x", 10 * 1024 * 1024) .. "'>" ..
      string.rep(LOREM, 8) .. "</article></body></html>")
    assert.truthy(art.text:find("Lorem ipsum", 1, true))
  end)

  it("invalid UTF-8 everywhere and NUL bytes", function()
    local junk = {}
    for i = 1, 2000 do junk[i] = string.char((i * 37) % 256) end
    outcome("<meta charset=utf-8><article>" .. table.concat(junk) .. string.rep(LOREM, 6) .. "</article>")
    outcome("<article>" .. string.rep(LOREM .. "\0", 6) .. "</article>")
  end)

  it("UTF-16 with and without a BOM, and a BOM that contradicts the meta", function()
    local function u16le(s) return (s:gsub(".", function(c) return c .. "\0" end)) end
    local page = "<html><body><article>" .. string.rep(LOREM, 6) .. "</article></body></html>"
    assert.truthy(outcome("\255\254" .. u16le(page)).text:find("Lorem", 1, true))
    assert.truthy(outcome(u16le(page)).text:find("Lorem", 1, true))
    local art = outcome("\239\187\191<meta charset='windows-1252'>" .. page:gsub("Lorem", "Lörem"))
    assert.truthy(art.text:find("Lörem", 1, true))
  end)

  it("unknown charsets and EBCDIC", function()
    outcome("<meta charset='x-klingon'>" .. string.rep(LOREM, 6))
    outcome("<meta charset='IBM037'>" .. string.rep(LOREM, 6))
    local _, _, code = outcome(string.rep(LOREM, 6), { charset = "ebcdic-cp-us" })
    assert.equal("EENCODING", code)
  end)

  it("binary files are refused as such", function()
    for _, magic in ipairs({ "\137PNG\r\n\26\n", "%PDF-1.7\n", "\31\139\8\0", "GIF89a", "PK\3\4" }) do
      local _, err, code = outcome(magic .. string.rep("\0\1\2\255", 1000))
      assert.equal("EPARSE", code)
      assert.truthy(err:find("not HTML", 1, true))
    end
    local _, _, code = outcome(string.rep("\0\0\1\2", 1000))
    assert.equal("EPARSE", code)
  end)

  it("external entities and billion laughs are neither fetched nor expanded", function()
    local art = outcome([[<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><article>]] ..
      string.rep(LOREM, 6) .. "<p>&xxe;</p></article></body></html>")
    assert.is_nil(art.text:find("root:", 1, true))
    local lol = [[<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]] ..
      [[<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><html><body><article>]] ..
      string.rep(LOREM, 6) .. "<p>&lol3;</p></article></body></html>"
    local a2 = outcome(lol)
    assert.is_true(#a2.text < 10000)
  end)

  it("unclosed script, style and comments", function()
    outcome("<html><body>" .. string.rep(LOREM, 6) .. "<script>var a = '" .. string.rep("x", 100000))
    outcome("<html><body>" .. string.rep(LOREM, 6) .. "<style>p{" .. string.rep("x", 100000))
    outcome("<html><body>" .. string.rep(LOREM, 6) .. "<!-- " .. string.rep("x", 100000))
  end)

  it("framesets, SVG, MathML, template, noscript", function()
    outcome("<html><frameset><frame src='a.html'><frame src='b.html'></frameset></html>")
    local art = outcome("<html><body><article>" .. string.rep(LOREM, 4) ..
      "<svg><text>svg text</text><foreignObject><p>inside svg</p></foreignObject></svg>" ..
      "<math><mi>x</mi><mo>=</mo><mn>2</mn></math><template><p>template text</p></template>" ..
      "<noscript><p>noscript text</p></noscript>" .. LOREM .. "</article></body></html>")
    assert.is_nil(art.text:find("template text", 1, true))
    assert.is_nil(art.text:find("noscript text", 1, true))
  end)

  it("a byline of 200 KB with a date at its end, and labels and signatures at every turn", function()
    -- (each tail test of the byline line reads the rest of it from every word)
    local art = outcome("<html><head><meta name='author' content='" .. ("a "):rep(100000) .. "2024-01-01'></head>" ..
      "<body><article>" .. LOREM:rep(5) .. "</article></body></html>")
    assert.is_nil(art.byline)   -- letters and a date name no one
    local labels = ("<li><strong>Autor</strong> Jane Doe</li><li><b>Datum</b> 28.04.2023</li>"):rep(20000)
    outcome("<html><body><h1>T</h1><p><strong>Jane Doe</strong></p>" .. ("<p>By Jane Doe</p>"):rep(20000) .. "<ul>" ..
      labels .. "</ul><article>" .. LOREM:rep(5) .. "</article></body></html>")
  end)

  it("a page that is one giant <pre> #huge", function()
    local art = outcome("<html><body><pre>" .. string.rep("local x = 1 -- a line of code\n", 100000) .. "</pre></body></html>")
    assert.is_true(#art.text > 100000 * 20)
  end)

  it("every fuzzer crash stays fixed", function()
    local dir = H.root .. "/spec/fixtures/crashes"
    local p = io.popen("ls " .. dir .. " 2>/dev/null")
    for name in p:lines() do outcome(H.read(dir .. "/" .. name)) end
    p:close()
  end)
end)
