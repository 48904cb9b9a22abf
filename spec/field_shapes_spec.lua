-- No impossible value (issue 22): every field candidate is checked against
-- its shape (csrc/core/shapes.c) before it is chosen, and a candidate of
-- the wrong shape gives way to the next source instead of being returned.
local sapo = require "sapo"
local P = require "support.pages"

local BODY = P.paras(1, 5, 400)

local function page(head, top)
  return "<html><head><title>Ferries return - Daily Example</title>" .. (head or "") .. "</head><body><article>" ..
    "<h1>Ferries return</h1>" .. (top or "") .. BODY .. "</article></body></html>"
end

local function meta_author(v) return "<meta name='author' content='" .. v .. "'>" end
local function ld(fields)
  return '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",' ..
    '"headline":"Ferries return"' .. fields .. "}</script>"
end

describe("field shapes", function()
  describe("a byline", function()
    local IMPOSSIBLE = {
      "jane.doe@example.com",                       -- an e-mail address
      "48213",                                      -- a CMS id
      "Veröffentlicht am 27.04.24 um 07:39 Uhr",    -- a date line
      "2 minute read",                              -- a stamp
      "capital",                                    -- one lower-case word: a section or an account
      "amw",
      "Nachrichten",                                -- a section's name
    }

    it("is never an e-mail, a number, a date, a stamp, an account or a section", function()
      for _, v in ipairs(IMPOSSIBLE) do
        local art = assert(sapo.extract(page(meta_author(v))))
        assert.is_nil(art.byline, v)
        assert.same({}, art.authors or {}, v)
      end
    end)

    it("gives way to the next source: the byline element after an impossible metadata author", function()
      for _, v in ipairs(IMPOSSIBLE) do
        local art = assert(sapo.extract(page(ld(',"author":{"@type":"Person","name":"' .. v .. '"}'),
          "<p class='byline'>By Jane Doe</p>")))
        assert.equal("By Jane Doe", art.byline, v)
        assert.same({"Jane Doe"}, art.authors, v)
      end
    end)

    it("loses a stamp or a date glued to the names", function()
      local cases = {
        {"Jane Doe Published 3 hours ago · 2 minute read", "Jane Doe"},
        {"Jane Doe jane.doe@example.com", "Jane Doe"},
        {"Jane Doe22 Dec 2016", "Jane Doe"},
      }
      for _, c in ipairs(cases) do
        local art = assert(sapo.extract(page(nil, "<div class='byline'>" .. c[1] .. "</div>")))
        assert.equal(c[2], art.byline, c[1])
      end
    end)

    it("and the authors agree", function()
      local art = assert(sapo.extract(page(ld(',"author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}]'))))
      assert.equal("Jane Doe, John Roe", art.byline)
      assert.same({"Jane Doe", "John Roe"}, art.authors)
      art = assert(sapo.extract(page(meta_author("Acme Media Group"), "<p class='byline'>By Jane Doe</p>")))
      assert.equal("By Jane Doe", art.byline)
      assert.same({"Jane Doe"}, art.authors)
    end)

    it("keeps one capitalised name, an agency and initials", function()
      for _, v in ipairs({"Heryadi", "dpa", "TTXVN", "Q.A."}) do
        assert.equal(v, assert(sapo.extract(page(meta_author(v)))).byline)
      end
    end)
  end)

  describe("a date", function()
    it("is ISO 8601 whatever form the metadata writes", function()
      local cases = {
        {"Fri Apr 28 19:20:36 CEST 2023", "2023-04-28T19:20:36+02:00"},
        {"Thu, 25 Apr 2024 10:30:00 +0700", "2024-04-25T10:30:00+07:00"},
        {"April 25, 2024", "2024-04-25"},
        {"2024-04-25T10:30:00+07:00", "2024-04-25T10:30:00+07:00"},
      }
      for _, c in ipairs(cases) do
        local art = assert(sapo.extract(page(ld(',"datePublished":"' .. c[1] .. '","dateModified":"' .. c[1] .. '"'))))
        assert.equal(c[2], art.date, c[1])
        assert.equal(c[2], art.modified, c[1])
      end
    end)

    it("that cannot be read gives way to the date line, and a modified date that cannot be read is absent", function()
      local art = assert(sapo.extract(page(ld(',"datePublished":"yesterday","dateModified":"2024-02-30"'),
        "<p class='date'>25/04/2024 10:30</p>")))
      assert.equal("2024-04-25T10:30:00", art.date)
      assert.is_nil(art.modified)
    end)
  end)

  describe("a lead", function()
    local LEAD = "The council approved three new ferry routes to the outer islands on Monday night."

    it("is never a label, a caption or the author's name", function()
      local tops = {
        "<p class='sapo'>Live</p>",
        "<figure><img src='/a.jpg'><figcaption>The old pier at dawn, photographed by Jane Doe.</figcaption></figure>",
        "<p class='lead'><strong>Jane Doe</strong></p>",
      }
      for _, top in ipairs(tops) do
        local art = assert(sapo.extract(page(meta_author("Jane Doe"), top)))
        assert.truthy(art.lead == nil or #art.lead > 60, top)
        assert.is_not.equal("Live", art.lead)
        assert.is_not.equal("Jane Doe", art.lead)
      end
    end)

    it("gives way to the next source", function()
      local art = assert(sapo.extract(page(nil, "<p class='sapo'>Live</p><p class='lead'>" .. LEAD .. "</p>")))
      assert.equal(LEAD, art.lead)
    end)
  end)
end)
