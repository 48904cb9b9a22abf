-- The conventions Vietnamese news pages share (issue 22), on pages built
-- for them in six site structures and five encodings
-- (spec/support/vi_pages.lua): the signature is the byline and leaves the
-- body with its photo credit and source line; the date line by the
-- headline wins over the site's clock and the teasers' dates; related
-- lists after the text and link boxes inside it are no article text.
local sapo = require "sapo"
local VI = require "support.vi_pages"
local P0 = require "support.pages"

local PAGES = VI.pages()

local function find(id)
  for _, p in ipairs(PAGES) do if p.id == id then return p end end
  error("no page " .. id)
end

describe("Vietnamese page conventions", function()
  it("builds pages in six structures and five encodings", function()
    local structures, encodings = {}, {}
    for _, p in ipairs(PAGES) do
      structures[p.id:match("^[^-]+")] = true
      encodings[p.encoding] = true
    end
    local ns, ne = 0, 0
    for _ in pairs(structures) do ns = ns + 1 end
    for _ in pairs(encodings) do ne = ne + 1 end
    assert.is_true(ns >= 6 and ne >= 5, ns .. " structures, " .. ne .. " encodings")
  end)

  for _, p in ipairs(PAGES) do
    describe(p.id, function()
      local art
      setup(function() art = assert(sapo.extract(p.html)) end)

      it("reads the title, the signature as the byline, the date line and the lead", function()
        local e = p.expect
        assert.equal(e.title, art.title)
        assert.equal(e.byline, art.byline)
        assert.same({e.byline}, art.authors)
        assert.truthy(art.date and art.date:sub(1, #e.date) == e.date, "date " .. tostring(art.date))
        assert.equal(e.lead, art.lead)
      end)

      it("keeps every paragraph and leaves every trap out", function()
        local text = art.text
        for i, para in ipairs(p.expect.paras) do assert.truthy(text:find(para, 1, true), "paragraph " .. i .. " missing") end
        if p.expect.subhead then assert.truthy(text:find(p.expect.subhead, 1, true), "the sub-heading is missing") end
        for _, s in ipairs(p.expect.absent) do
          assert.is_nil(text:find(s, 1, true), "leaked: " .. s)
        end
      end)
    end)
  end

  describe("the date", function()
    local base = find("section-utf8").html:gsub('<script type="application/ld%+json">.-</script>', "")

    it("is the date line above the headline when the metadata has none, not the header's clock", function()
      local html = base:gsub("<h1>", '<div class="x7">Thứ năm, 25/4/2024 - 10:30</div><h1>', 1)
      local art = assert(sapo.extract(html))
      assert.equal("2024-04-25T10:30:00", art.date)
    end)

    it("is the date line under the headline, whatever its class, before any teaser's date", function()
      local teasers = '<div class="hot"><a href="/a-1.html">Tin nóng một hai ba bốn năm</a> 22/04/2024 08:00</div>'
      local html = base:gsub('<div class="container">', '<div class="container">' .. teasers, 1)
        :gsub("</h1>", '</h1><div class="x8">Cập nhật lúc 10:30, Thứ năm, 25/04/2024</div>', 1)
      local art = assert(sapo.extract(html))
      assert.equal("2024-04-25T10:30:00", art.date)
    end)

    it("is absent rather than the header's clock or a teaser's date when the page has no date line", function()
      local art = assert(sapo.extract(base))
      assert.is_nil(art.date)
    end)
  end)

  describe("the byline", function()
    it("reads the publisher's host from the canonical URL when no opts.url is given", function()
      -- the signature names a person; the meta author is the site's host name
      local html = find("div-utf8").html:gsub('<meta name="author" content="[^"]*">',
        '<meta name="author" content="doisong.example.vn">', 1)
      local art = assert(sapo.extract(html))
      assert.equal("Minh Anh", art.byline)
    end)

    it("is the publisher's name only when no person signs", function()
      local html = find("div-utf8").html:gsub('<p style="text%-align:right"><strong>Minh Anh</strong></p>', "", 1)
      local art = assert(sapo.extract(html))
      assert.equal("DoiSong", art.byline)
    end)
  end)

  describe("a list of dated links after the text, in any language", function()
    local P = require "support.pages"
    local function page(list)
      return P.page("A title", "<div class='story'><h1>A title</h1>" .. P.paras(1, 5, 400) .. list .. "</div>")
    end

    it("goes with its label when its lines share one block", function()
      local lines = {}
      for i = 1, 4 do lines[i] = '<a href="/s/' .. i .. '">' .. P.words(40 + i, 8) .. "</a> (" .. i .. "/3/2024)<br>" end
      local art = assert(sapo.extract(page("<b>Earlier stories</b><br>" .. table.concat(lines))))
      assert.is_nil(art.text:find(P.words(41, 8), 1, true))
      assert.is_nil(art.text:find("Earlier stories", 1, true))
    end)

    it("goes as a run of paragraphs each ending with a date", function()
      local lines = {}
      for i = 1, 3 do lines[i] = '<p><a href="/s/' .. i .. '">' .. P.words(60 + i, 9) .. "</a> [March " .. i .. ", 2024]</p>" end
      local art = assert(sapo.extract(page(table.concat(lines))))
      assert.is_nil(art.text:find(P.words(61, 9), 1, true))
    end)

    it("stays when the lines are sentences (references that end with a date and a full stop)", function()
      local refs = {}
      for i = 1, 4 do
        refs[i] = '<li><a href="https://other.example/' .. i .. '">' .. P.words(80 + i, 6) .. "</a>. Retrieved 2014-03-2" .. i .. ".</li>"
      end
      local art = assert(sapo.extract(page("<ol>" .. table.concat(refs) .. "</ol>")))
      assert.truthy(art.text:find(P.words(81, 6), 1, true))
    end)
  end)

  describe("a box of linked headlines between two paragraphs", function()
    local P = require "support.pages"
    local function page(box, head)
      return P.page("A title", "<div class='story'><h1>A title</h1>" .. P.paras(1, 3, 400) .. box .. P.paras(4, 3, 400) ..
        "</div>", head)
    end
    local function box(href)
      local items = {}
      for i = 1, 3 do items[i] = '<li><a href="' .. href(i) .. '">' .. P.words(200 + i, 9) .. "</a></li>" end
      return '<div class="q' .. #items .. '"><ul>' .. table.concat(items) .. "</ul></div>"
    end

    it("leaves the body when the links are the site's own (relative or its host)", function()
      local art = assert(sapo.extract(page(box(function(i) return "/news/" .. i .. ".html" end))))
      assert.is_nil(art.text:find(P.words(201, 9), 1, true))
      art = assert(sapo.extract(page(box(function(i) return "https://daily.example/news/" .. i end),
        '<link rel="canonical" href="https://www.daily.example/story/1">')))
      assert.is_nil(art.text:find(P.words(201, 9), 1, true))
    end)

    it("stays when the links go to other sites (a list of sources) or are short terms", function()
      local art = assert(sapo.extract(page(box(function(i) return "https://source" .. i .. ".example/report" end))))
      assert.truthy(art.text:find(P.words(201, 9), 1, true))
      local terms = '<ul><li><a href="/t/1">Budget</a></li><li><a href="/t/2">Railway</a></li><li><a href="/t/3">Harbour</a></li></ul>'
      art = assert(sapo.extract(page(terms)))
      assert.truthy(art.text:find("Railway", 1, true))
    end)
  end)

  it("decodes a page that declares VISCII", function()
    local p = find("mobile-viscii")
    assert.truthy(p.html:find('charset="viscii"', 1, true))
    local art = assert(sapo.extract(p.html))
    assert.equal(p.expect.title, art.title)
  end)

  it("splits loose lines of a layout cell, never a paragraph's", function()
    local html = "<html><body><table><tr><td>" .. string.rep("<p>" .. P0.words(1, 60) .. "</p>", 3) ..
      "<p>Số 1 Tràng Tiền<br>Hoàn Kiếm, Hà Nội</p></td></tr></table></body></html>"
    local art = assert(sapo.extract(html))
    assert.truthy(art.text:find("Số 1 Tràng Tiền\nHoàn Kiếm, Hà Nội", 1, true))
  end)
end)
