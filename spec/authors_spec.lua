-- art.authors: a clean list of names from the byline or JSON-LD.
local sapo = require "sapo"

local BODY = "<article><p>" .. string.rep("The harbour council approved three new ferry routes across the bay. ", 10) ..
  "</p></article>"

local function authors_of(head)
  local art = assert(sapo.extract("<html><head>" .. head .. "</head><body>" .. BODY .. "</body></html>"))
  return art.authors, art.byline
end

local function meta(author) return '<meta name="author" content="' .. author .. '">' end

describe("art.authors", function()
  it("drops By/Von/Par/Por/Di/Theo/Av/Door and splits names joined in many languages", function()
    local cases = {
      { "By Jane Doe and John Roe", { "Jane Doe", "John Roe" } },
      { "BY JANE DOE", { "JANE DOE" } },
      { "Von Anna Müller und Peter Schmidt", { "Anna Müller", "Peter Schmidt" } },
      { "Par Marie Dupont et Jean Martin", { "Marie Dupont", "Jean Martin" } },
      { "Por María García y José López", { "María García", "José López" } },
      { "Di Mario Rossi e Luca Bianchi", { "Mario Rossi", "Luca Bianchi" } },
      { "Door Jan Jansen en Piet de Vries", { "Jan Jansen", "Piet de Vries" } },
      { "Av Kari Nordmann og Ola Nordmann", { "Kari Nordmann", "Ola Nordmann" } },
      { "Theo Phạm Bích, Nguyễn Văn An và Lê Thu Hà", { "Phạm Bích", "Nguyễn Văn An", "Lê Thu Hà" } },
      { "Jane Doe & John Roe", { "Jane Doe", "John Roe" } },
    }
    for _, c in ipairs(cases) do assert.same(c[2], (authors_of(meta(c[1]))), c[1]) end
  end)

  it("splits off roles, agencies, e-mail addresses, places and 'Updated' stamps; keeps the byline line", function()
    local cases = {
      { "Jane Doe / Staff Writer", { "Jane Doe" } },
      { "Jane Doe, Reuters", { "Jane Doe" } },
      { "By Jane Doe jane.doe@example.com", { "Jane Doe" } },
      { "Jane Doe | Updated March 14, 2024 10:30", { "Jane Doe" } },
      { "Von Seb Dumitru, Lille", { "Seb Dumitru" } },
      { "Phóng viên Thu Hà", { "Thu Hà" } },
      { "Theo TTXVN", { "TTXVN" } },
      { "dpa", { "dpa" } },
    }
    for _, c in ipairs(cases) do
      local authors, byline = authors_of(meta(c[1]))
      assert.same(c[2], authors, c[1])
      assert.truthy(byline, c[1])
    end
  end)

  it("ends the byline line with the names: no date, stamp, relative time or dash after them", function()
    local function byline_of(line)
      return assert(sapo.extract("<html><body><div class='byline'>" .. line .. "</div>" .. BODY .. "</body></html>")).byline
    end
    local cases = {
      { "Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Dan Goodin" },
      { "By Nathan Willis March 25, 2015", "By Nathan Willis" },
      { "Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC", "Joe Wee" },
      { "Jane Doe on March 3, 2024", "Jane Doe" },
      { "Alex Perry 1 day ago", "Alex Perry" },
      { "Anna Müller vor 3 Stunden", "Anna Müller" },
      { "Nicolas Perriault —", "Nicolas Perriault" },
      { "Jane Doe | Updated March 14, 2024 10:30", "Jane Doe" },
      { "Phạm Bích, 25/4/2024 10:30", "Phạm Bích" },
      -- names stay whole; a leading stamp that names someone stays
      { "Posted by Jane Doe", "Posted by Jane Doe" },
      { "Jane Doe, Lille", "Jane Doe, Lille" },
      { "Jane Doe and John Roe", "Jane Doe and John Roe" },
      -- names slashed apart are written as a list; a role after a slash stays as printed
      { "Jane Doe / John Roe", "Jane Doe, John Roe" },
      { "By Ana da Silva|Jo Roe", "Ana da Silva, Jo Roe" },
      { "Jane Doe / Staff Writer", "Jane Doe / Staff Writer" },
    }
    for _, c in ipairs(cases) do assert.equal(c[2], byline_of(c[1]), c[1]) end
    -- a line that is only a date or a stamp names no one
    assert.is_nil(byline_of("Last Updated: January 7, 2025"))
    assert.is_nil(byline_of("April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm"))
  end)

  it("cleans JSON-LD author names, objects and arrays alike", function()
    local ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",' ..
      '"headline":"Ferries","author":[{"@type":"Person","name":"By Jane Doe"},{"@type":"Person","name":"John Roe"}]}</script>'
    assert.same({ "Jane Doe", "John Roe" }, (authors_of(ld)))
  end)
end)

describe("JSON-LD in the forms sites print it", function()
  it("reads a root array of objects and an author given as a string", function()
    local ld = '<script type="application/ld+json">[{"@context":"http://schema.org","@type":"NewsMediaOrganization",' ..
      '"name":"Daily Example"},{"@context":"http://schema.org","@type":"NewsArticle","headline":"Ferries return",' ..
      '"datePublished":"2024-11-26T21:27:00+08:00","author":"Samya Kullab and Vasilisa Stepanenko"}]</script>'
    local art = assert(sapo.extract("<html><head>" .. ld .. "</head><body>" .. BODY .. "</body></html>"))
    assert.equal("2024-11-26T21:27:00+08:00", art.date)
    assert.equal("Samya Kullab and Vasilisa Stepanenko", art.byline)
    assert.same({ "Samya Kullab", "Vasilisa Stepanenko" }, art.authors)
  end)
end)

describe("meta names of large CMSs", function()
  it("read sailthru.author, sailthru.date and publish-date", function()
    local art = assert(sapo.extract('<html><head><meta name="sailthru.author" content="Sarah Lazare">' ..
      '<meta name="sailthru.date" content="2023-05-15 05:00:00"></head><body>' .. BODY .. "</body></html>"))
    assert.equal("Sarah Lazare", art.byline)
    assert.equal("2023-05-15", art.date:sub(1, 10))
    art = assert(sapo.extract('<html><head><meta name="publish-date" content="2024-04-25"></head><body>' .. BODY ..
      "</body></html>"))
    assert.equal("2024-04-25", art.date:sub(1, 10))
  end)
end)
