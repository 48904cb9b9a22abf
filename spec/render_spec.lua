-- sapo.render: the lead printed once in every format, emphasis that holds
-- words only (issue 22), on leads of several kinds: a lead paragraph of
-- the text, one with its own markup, a lead found outside the article's
-- container, a lead of key points, and a lead the body does not hold.
local sapo = require "sapo"
local render = require "sapo.render"
local P = require "support.pages"

local LEAD = "The council approved three new ferry routes to the outer islands on Monday night."
local FORMATS = {formats = {"markdown", "html"}}

local function count(hay, needle)
  local n, i = 0, 1
  while true do
    local s = hay:find(needle, i, true)
    if not s then return n end
    n, i = n + 1, s + 1
  end
end

local function once_everywhere(art, probe)
  probe = probe or "three new ferry routes"
  for fmt, out in pairs({text = render.text(art), markdown = render.markdown(art), html = render.html(art)}) do
    assert.equal(1, count(out, probe), fmt .. " prints the lead " .. count(out, probe) .. " times:\n" .. out)
  end
end

local function page(top, head)
  return "<html><head><title>Ferries return</title>" .. (head or "") .. "</head><body><article><h1>Ferries return</h1>" ..
    top .. P.paras(1, 4, 400) .. "</article></body></html>"
end

describe("render", function()
  describe("prints the lead once", function()
    it("when it is the text's first paragraph, marked as the lead", function()
      local art = assert(sapo.extract(page("<p class='sapo'>" .. LEAD .. "</p>"), FORMATS))
      assert.equal(LEAD, art.lead)
      once_everywhere(art)
      assert.truthy(art.html:find('<p class="lead">', 1, true))
      assert.truthy(render.markdown(art):find("**" .. LEAD .. "**", 1, true))
    end)

    it("when it holds links and bold of its own", function()
      local lead = "<p class='lead'><strong>The council</strong> approved <a href='/routes'>three new ferry routes</a> " ..
        "to the outer islands on Monday night.</p>"
      local art = assert(sapo.extract(page(lead), FORMATS))
      once_everywhere(art, "outer islands")
    end)

    it("when it stands outside the article's container", function()
      local html = "<html><head><title>Ferries return</title></head><body><header><h1>Ferries return</h1>" ..
        "<p class='article-lead'>" .. LEAD .. "</p></header><div class='content'>" .. P.paras(1, 4, 400) ..
        "</div></body></html>"
      local art = assert(sapo.extract(html, FORMATS))
      assert.equal(LEAD, art.lead)
      once_everywhere(art)
    end)

    it("when it is a list of key points", function()
      local points = "<ul class='summary-list'><li>The council approved three new ferry routes on Monday night.</li>" ..
        "<li>Fares for islanders stay at last year's level until the spring.</li></ul>"
      local art = assert(sapo.extract(page(points), FORMATS))
      assert.truthy(art.lead, "no lead read from the key points")
      once_everywhere(art)
    end)

    it("above the body when the body does not hold it", function()
      local body = "The harbour master said the first boat would leave at dawn on Tuesday."
      local art = { title = "Ferries return", lead = LEAD, text = body, markdown = body, html = "<p>" .. body .. "</p>" }
      for fmt, out in pairs({ markdown = render.markdown(art), html = render.html(art) }) do
        assert.equal(1, count(out, LEAD), fmt)
        assert.truthy(out:find(LEAD, 1, true) < out:find(body, 1, true), fmt .. ": the lead comes first")
      end
      assert.truthy(render.markdown(art):find("**" .. LEAD .. "**", 1, true))
      assert.truthy(render.html(art):find('<p class="lead"><strong>' .. LEAD, 1, true))
    end)
  end)

  describe("emphasis", function()
    local function md_of(inner)
      local art = assert(sapo.extract(page("<p>" .. inner .. "</p>"), FORMATS))
      return art.markdown, art.html
    end

    it("empty <strong> and <em> write nothing", function()
      local md, html = md_of("Start <strong></strong>middle <em></em>end <b> </b>of it, and a lot more words to read.")
      assert.is_nil(md:find("**", 1, true))
      assert.is_nil(md:find("Start *", 1, true))
      assert.is_nil(html:find("<strong></strong>", 1, true))
      assert.is_nil(html:find("<em></em>", 1, true))
      assert.truthy(md:find("Start middle end of it", 1, true))
    end)

    it("spaces inside the delimiters go outside them, so that CommonMark closes them", function()
      local md = md_of("Ferries <strong>return </strong>to the <em> islands</em> on Monday, with more words after.")
      assert.truthy(md:find("Ferries **return** to the *islands* on Monday", 1, true), md)
    end)
  end)
end)
