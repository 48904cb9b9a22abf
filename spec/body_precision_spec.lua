-- Body precision (issue 22): classes of boilerplate that real pages put
-- inside the article's container, each on pages of several structures
-- and languages built for it: the next article an infinite-scroll
-- template appends, embedded-content consent widgets, video teasers with
-- relative-time stamps, related-article markers and subscription promos,
-- "Published … • Updated … • 4 min read" stamp lines, and the author's
-- job-title line by the name.
local sapo = require "sapo"
local P = require "support.pages"

local BODY = P.paras(1, 5, 420)
local function first_para_words() return P.words(1 * 31 + 1, 10 + (1 + 1) % 8) end

local function extract(html)
  local art = assert(sapo.extract(html))
  assert.truthy(art.text:find(first_para_words(), 1, true), "the article's own text is missing")
  return art
end

local function absent(art, list)
  for _, s in ipairs(list) do assert.is_nil(art.text:find(s, 1, true), "leaked: " .. s) end
end

describe("body precision", function()
  describe("the next article of an infinite-scroll template", function()
    local NEXT = P.paras(50, 6, 450)
    local NEXT_WORDS = P.words(50 * 31 + 1, 10 + (50 + 1) % 8)
    local layouts = {
      -- <article> elements side by side in one column
      function(t)
        return P.page(t, "<main><article><h1>" .. t .. "</h1>" .. BODY .. "</article><article><h1>" ..
          "Harbour budget passes after a long night</h1><p class='byline'>By John Roe</p>" .. NEXT .. "</article></main>")
      end,
      -- divs of one class, each led by its h1
      function(t)
        return P.page(t, "<div class='stream'><div class='story' data-id='1'><h1>" .. t .. "</h1><div class='text'>" ..
          BODY .. "</div></div><div class='story' data-id='2'><h1>Harbour budget passes after a long night</h1>" ..
          "<div class='text'>" .. NEXT .. "</div></div></div>")
      end,
      -- the next article nested after the first one's body, inside its wrapper
      function(t)
        return P.page(t, "<div id='content'><h1>" .. t .. "</h1><section class='body'>" .. BODY ..
          "</section><article class='next-article'><header><h2>Harbour budget passes after a long night</h2></header>" ..
          NEXT .. "</article></div>")
      end,
    }

    it("is cut: the article ends where a second headline-led article begins", function()
      for i, layout in ipairs(layouts) do
        local art = extract(layout("Ferries return to the islands"))
        assert.is_nil(art.text:find(NEXT_WORDS, 1, true), "layout " .. i .. " kept the next article")
        assert.is_nil(art.text:find("Harbour budget passes", 1, true), "layout " .. i .. " kept the next headline")
      end
    end)

    it("is not a section of one article under its own sub-headings", function()
      local html = P.page("Ferries return", "<article><h1>Ferries return</h1>" .. BODY ..
        "<section><h2>What the islanders say</h2>" .. NEXT .. "</section></article>")
      local art = extract(html)
      assert.truthy(art.text:find(NEXT_WORDS, 1, true))
      -- sections in wrappers of one class, each under an h2
      local sections = {}
      for i = 1, 3 do
        sections[i] = "<div class='section-inner'><h2>Part " .. i .. " of the story</h2>" .. P.paras(60 + 10 * i, 3, 400) .. "</div>"
      end
      art = extract(P.page("Ferries return", "<div class='post'><h1>Ferries return</h1>" .. BODY .. table.concat(sections) .. "</div>"))
      for i = 1, 3 do assert.truthy(art.text:find("Part " .. i .. " of the story", 1, true), "section " .. i) end
    end)
  end)

  describe("an embedded-content consent widget", function()
    local widgets = {
      "<div class='embed'><p>Externer Inhalt</p><p>Wir benötigen Ihre Zustimmung, um den von unserer Redaktion " ..
        "eingebundenen Inhalt von YouTube anzuzeigen. Sie können diesen mit einem Klick anzeigen lassen.</p>" ..
        "<button>Inhalte erlauben</button></div>",
      "<div class='x1'><p>Empfohlener externer Inhalt</p><p>An dieser Stelle finden Sie einen externen Inhalt, der den " ..
        "Artikel ergänzt. Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.</p><p>Externe Inhalte " ..
        "laden</p></div>",
      "<div class='x2'><p>This content is provided by Twitter, which may be using cookies and other technologies. To " ..
        "show you this content, we need your permission to use cookies.</p><p>Manage cookie preferences</p>" ..
        "<p>Allow and continue</p></div>",
    }
    it("leaves the body, in German and in English", function()
      for i, w in ipairs(widgets) do
        local html = P.page("Ferries", "<article><h1>Ferries</h1>" .. P.paras(1, 3, 420) .. w .. P.paras(4, 2, 420) .. "</article>")
        local art = extract(html)
        absent(art, {"Inhalte erlauben", "Externer Inhalt", "externe Inhalte", "your permission to use cookies",
                     "Allow and continue", "Zustimmung"})
        assert.truthy(art.text:find(P.words(4 * 31 + 1, 10 + 5 % 8), 1, true), "widget " .. i .. ": text after it lost")
      end
    end)
  end)

  describe("video teasers with relative-time stamps", function()
    it("leave the body", function()
      local teaser = "<div class='media'><p><a href='/video/1'>WATCH | Council members argue over ferry fares</a></p>" ..
        "<p>14 hours ago</p><p>Duration 2:13</p></div>"
      local html = P.page("Ferries", "<article><h1>Ferries</h1>" .. P.paras(1, 3, 420) .. teaser .. P.paras(4, 2, 420) .. "</article>")
      local art = extract(html)
      absent(art, {"WATCH |", "14 hours ago", "Duration 2:13"})
    end)

    it("and a stamp on its own line, in any language", function()
      for _, stamp in ipairs({"3 hours ago", "vor 2 Stunden", "2 giờ trước", "il y a 5 minutes"}) do
        local html = P.page("Ferries", "<article><h1>Ferries</h1>" .. P.paras(1, 3, 420) .. "<p>" .. stamp .. "</p>" ..
          P.paras(4, 2, 420) .. "</article>")
        absent(extract(html), {stamp})
      end
    end)
  end)

  describe("related-article markers and subscription promos", function()
    it("leave the body", function()
      local cases = {
        {"<p>【関連記事】<a href='/a/1'>フェリー運航再開へ 島民が歓迎</a></p>", "関連記事"},
        {"<p><strong>関連記事</strong></p><p><a href='/a/2'>港の予算案 夜通しの審議で可決</a></p>", "港の予算案"},
        {"<div class='promo'><p>Subscribe for unlimited access to our journalism. Start your free trial today.</p></div>",
         "free trial"},
        {"<p>Become a subscriber and support local news: only $1 a week for the first year.</p>", "Become a subscriber"},
        {"<p>Jetzt abonnieren und alle Artikel lesen – vier Wochen kostenlos testen.</p>", "Jetzt abonnieren"},
      }
      for _, c in ipairs(cases) do
        local html = P.page("Ferries", "<article><h1>Ferries</h1>" .. P.paras(1, 3, 420) .. c[1] .. P.paras(4, 2, 420) ..
          "</article>")
        absent(extract(html), {c[2]})
      end
    end)
  end)

  describe("stamp lines", function()
    it("leave the body: published, updated and reading time in one line", function()
      local lines = {
        "Published 3:00 AM EST, Mon March 4, 2024 • Last updated 5:12 PM EST, Mon March 4, 2024 • 4 minute read",
        "Updated: 12 March 2024 | 6 min read",
        "Veröffentlicht am 27.04.2024 · Lesezeit: 3 Minuten",
      }
      for _, line in ipairs(lines) do
        local html = P.page("Ferries", "<article><h1>Ferries</h1><p class='x'>" .. line .. "</p>" .. BODY .. "</article>")
        local art = extract(html)
        absent(art, {line:sub(1, 20)})
        assert.truthy(art.date, line)
      end
    end)
  end)

  describe("the author's job title", function()
    it("leaves the body with the name, at the top and at the end", function()
      local roles = {"Senior Political Correspondent", "Staff Writer", "Chefredakteurin", "Phóng viên thường trú"}
      for _, role in ipairs(roles) do
        local top = P.page("Ferries", "<article><h1>Ferries</h1><div class='author'><a href='/by/jane'>Jane Doe</a></div>" ..
          "<p>" .. role .. "</p>" .. BODY .. "</article>")
        local art = extract(top)
        absent(art, {role})
        local bottom = P.page("Ferries", "<article><h1>Ferries</h1>" .. BODY ..
          "<p style='text-align:right'><strong>Jane Doe</strong></p><p>" .. role .. "</p></article>")
        art = extract(bottom)
        absent(art, {role, "Jane Doe"})
      end
    end)

    it("stays when it is a sentence of the text", function()
      local html = P.page("Ferries", "<article><h1>Ferries</h1>" .. BODY ..
        "<p>The staff writer who covered the harbour for years said the new routes were overdue.</p></article>")
      assert.truthy(extract(html).text:find("The staff writer who covered", 1, true))
    end)
  end)
end)
