-- The content finder: each candidate source, each listing shape, the
-- arbiter's choice named in art.method, and the trace.
local sapo = require "sapo"
local H = require "helper"
package.path = H.root .. "/spec/support/?.lua;" .. package.path
local P = require "pages"

local T = "Harbour council approves new ferry routes"
local H1 = "<h1>" .. T .. "</h1>"

local function extract(html, opts)
  opts = opts or {}
  opts.trace = true
  return assert(sapo.extract(html, opts))
end

-- the text of paragraphs first..first+count-1 as the builders print them
local function para_text(seed, len) return (P.para(seed, len):gsub("</?p>", "")) end

local function has_paras(text, first, count, len)
  for i = first, first + count - 1 do
    assert(text:find(para_text(i, len), 1, true), "paragraph " .. i .. " missing")
  end
end

-- no teaser headline or snippet of items first+1..first+n in text
local function no_teasers(text, n, first)
  for i = (first or 0) + 1, (first or 0) + n do
    assert.is_nil(text:find(P.words(900 + i, 8), 1, true), "teaser headline " .. i .. " kept")
    assert.is_nil(text:find(P.words(500 + i, 14), 1, true), "teaser snippet " .. i .. " kept")
  end
end

local function stream_text(n) -- characters of teaser text in a stream of n
  local s = 0
  for i = 1, n do s = s + #P.words(900 + i, 8) + #P.words(500 + i, 14) + #P.words(700 + i, 10) end
  return s
end

describe("the content finder", function()
  describe("names the winning source in art.method", function()
    it("Readability's score when nothing else speaks", function()
      local art = extract(P.page(T, '<div class="wrap"><div class="col1"><div class="x1">' .. P.paras(1, 6) ..
        '</div></div><div class="col2"><div class="widget">' .. P.links(6) .. '</div></div></div>'))
      assert.equal("readability", art.method)
      has_paras(art.text, 1, 6)
    end)

    it("a structural prior: itemprop=articleBody, <article>, a CMS body class", function()
      local cases = {
        { '<div itemprop="articleBody">', "</div>", "prior:itemprop-articlebody" },
        { "<article>", "</article>", "prior:article" },
        { '<div class="fck_detail">', "</div>", "prior:vn-body" },
        { '<div class="entry-content">', "</div>", "prior:entry-content" },
      }
      for _, c in ipairs(cases) do
        local art = extract(P.page(T, '<div class="wrap">' .. H1 .. c[1] .. P.paras(1, 5) .. c[2] ..
          "<aside>" .. P.links(6) .. "</aside></div>"))
        assert.equal(c[3], art.method)
        has_paras(art.text, 1, 5)
        -- the trace shows the same source winning
        local won
        for _, cd in ipairs(art.trace.candidates) do if cd.verdict == "won" then won = cd.source end end
        assert.equal(c[3], won)
      end
    end)

    it("the JSON-LD articleBody's container over a longer unrelated block", function()
      local plain = {}
      for i = 1, 4 do plain[i] = para_text(i) end
      local ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",' ..
        '"headline":"' .. T .. '","articleBody":"' .. table.concat(plain, "\\n") .. '"}</script>'
      local art = extract(P.page(T, '<div class="a"><div class="b">' .. P.paras(1, 4) .. '</div><div class="c">' ..
        P.paras(40, 7) .. "</div></div>", ld))
      assert.equal("jsonld", art.method)
      has_paras(art.text, 1, 4)
      assert.is_nil(art.text:find(para_text(40), 1, true))
    end)

    it("the JSON-LD text itself when the visible page is a stub", function()
      local plain = {}
      for i = 1, 6 do plain[i] = para_text(i) end
      local ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",' ..
        '"headline":"' .. T .. '","articleBody":"' .. table.concat(plain, "\\n") .. '"}</script>'
      local art = extract(P.page(T, '<div class="a">' .. H1 .. "<p>Subscribe to read the full story.</p></div>", ld))
      assert.equal("jsonld-text", art.method)
      has_paras(art.text, 1, 6)
    end)

    it("the title anchor: its container is proposed, recorded in the trace", function()
      local art = extract(P.page(T, '<div class="a"><div class="b">' .. H1 .. '<div class="c">' .. P.paras(1, 4) ..
        "</div></div></div>"))
      local title
      for _, cd in ipairs(art.trace.candidates) do if cd.source == "title" then title = cd end end
      assert.truthy(title, "no title candidate")
      assert.truthy(title.path:find("div.b$"), title.path)
      has_paras(art.text, 1, 4)
    end)
  end)

  describe("listings are found before scoring and never returned", function()
    it("a stream of 20 teasers after the article in the same column, holding more text", function()
      local html = P.page(T, '<div class="col-main"><article class="detail">' .. H1 .. P.paras(1, 5) ..
        '</article><section class="stream">' .. P.stream(20) .. "</section></div>")
      local art = extract(html)
      assert.truthy(stream_text(20) > 2 * #art.text, "the stream should outweigh the article")
      has_paras(art.text, 1, 5)
      no_teasers(art.text, 20)
      local teasers = 0
      for _, l in ipairs(art.trace.listings) do if l.kind == "teasers" then teasers = teasers + 1 end end
      assert.truthy(teasers >= 1)
    end)

    it("the stream as a grid section after the main column", function()
      local art = extract(P.page(T, '<div class="row"><div class="col-main"><div class="detail">' .. H1 .. P.paras(1, 5) ..
        '</div></div><div class="col-side">' .. P.links(5) .. '</div></div><section class="grid"><div class="g">' ..
        P.stream(18, 0, "div") .. "</div></section>"))
      has_paras(art.text, 1, 5)
      no_teasers(art.text, 18)
    end)

    it("the stream inside <article> after the body", function()
      local art = extract(P.page(T, '<div class="col-main"><article>' .. H1 .. '<div class="body">' .. P.paras(1, 5) ..
        '</div><div class="more">' .. P.stream(20) .. "</div></article></div>"))
      has_paras(art.text, 1, 5)
      no_teasers(art.text, 20)
    end)

    it("a box of related links in the middle of the body, under a heading in any language", function()
      for _, head in ipairs({ "Tin liên quan", "Zum Weiterlesen", "Xyzzy plugh" }) do
        local art = extract(P.page(T, '<div class="col-main"><article>' .. H1 .. P.paras(1, 3) .. '<div class="box"><h4>' ..
          head .. "</h4>" .. P.links(4, 50) .. "</div>" .. P.paras(10, 3) .. "</article></div>"))
        has_paras(art.text, 1, 3)
        has_paras(art.text, 10, 3)
        assert.is_nil(art.text:find(P.words(351, 7), 1, true), "related link kept under " .. head)
        assert.is_nil(art.text:find(head, 1, true))
      end
    end)

    it("'most read' and 'latest' sidebars", function()
      local art = extract(P.page(T, '<div class="row"><div class="main"><div class="story">' .. H1 .. P.paras(1, 4) ..
        '</div></div><aside class="col"><div class="box"><h3>Most read</h3>' .. P.stream(8, 100, "div") ..
        '</div><div class="box"><h3>Latest</h3>' .. P.links(10, 200) .. "</div></aside></div>"))
      has_paras(art.text, 1, 4)
      no_teasers(art.text, 8, 100)
      assert.is_nil(art.text:find("Most read", 1, true))
    end)

    it("a tag cloud at the end of the article", function()
      local art = extract(P.page(T, '<div class="col-main"><article>' .. H1 .. P.paras(1, 4) ..
        '<ul class="tags"><li><a href="/t/a">ferries</a></li><li><a href="/t/b">harbour</a></li>' ..
        '<li><a href="/t/c">council</a></li><li><a href="/t/d">transport</a></li></ul></article></div>'))
      has_paras(art.text, 1, 4)
      assert.is_nil(art.text:find("ferries", 1, true))
    end)

    it("a paginated category page is no article", function()
      local html = P.page("World news", '<div class="col-main"><h1>World</h1><div class="list">' .. P.stream(20) ..
        '</div><div class="pages"><a href="?p=1">1</a> <a href="?p=2">2</a></div></div>')
      assert.same({ nil, "no article content found", "ENOCONTENT" }, { sapo.extract(html) })
    end)

    it("keeps a list of prose items inside the body", function()
      local items = { "The first route links the old harbour with the northern islands, running every forty minutes.",
        "The second serves the airport pier at peak hours only, from seven until ten in the morning.",
        "A night service will run on Fridays and Saturdays during the summer season." }
      local art = extract(P.page(T, '<div class="col-main"><article>' .. H1 .. P.paras(1, 3) .. "<ul><li>" ..
        table.concat(items, "</li><li>") .. "</li></ul>" .. P.paras(10, 2) .. "</article></div>"))
      assert.truthy(H.contains_all(art.text, items))
      has_paras(art.text, 10, 2)
    end)
  end)

  describe("the arbiter and the retries", function()
    it("keeps a short post over thirty comments (the retry never lets stripped comments win)", function()
      local comments = {}
      for i = 1, 30 do
        comments[i] = '<li class="comment"><div class="comment-author">Reader ' .. i .. "</div>" .. P.para(300 + i, 180) .. "</li>"
      end
      local art = extract(P.page(T, '<div id="content"><div class="hentry"><h2>' .. T .. '</h2><div class="entry-content">' ..
        P.paras(1, 2, 200) .. '</div></div><div id="comments"><ol class="commentlist">' .. table.concat(comments) ..
        "</ol></div></div>"))
      has_paras(art.text, 1, 2, 200)
      assert.is_nil(art.text:find("Reader", 1, true))
      assert.is_nil(art.text:find(para_text(301, 180), 1, true))
    end)

    it("joins a body split by an ad slot", function()
      local art = extract(P.page(T, '<div class="page-chunks">' .. H1 .. '<div class="body-inner">' .. P.paras(1, 3) ..
        '</div><div class="ad-slot">Advertisement</div><div class="body-inner">' .. P.paras(10, 3) ..
        "</div></div><aside>" .. P.links(6) .. "</aside>"))
      has_paras(art.text, 1, 3)
      has_paras(art.text, 10, 3)
      assert.is_nil(art.text:find("Advertisement", 1, true))
    end)

    it("never strips the title's column as unlikely (a main column named sidebar-1)", function()
      local art = extract(P.page(T, '<div class="container"><div class="sidebar-1">' .. H1 .. '<div class="content">' ..
        P.paras(1, 4) .. '</div></div><div class="sidebar-2">' .. P.stream(20) .. "</div></div>"))
      has_paras(art.text, 1, 4)
      no_teasers(art.text, 20)
    end)

    it("reads a body held in a hidden paywall element", function()
      local art = extract(P.page(T, '<div class="col-main">' .. H1 .. '<div class="paywall" hidden>' .. P.paras(1, 5) ..
        "</div><p>Subscribe to read.</p></div>"))
      has_paras(art.text, 1, 5)
    end)

    it("puts React streaming segments where their boundary stands", function()
      local art = extract(P.page(T, "<main>" .. H1 .. '<!--$?--><template id="B:0"></template><p>Loading the story</p><!--/$-->' ..
        '</main><div hidden id="S:0"><div class="body">' .. P.paras(1, 4) .. '</div></div><script>$RC("B:0","S:0")</script>'))
      has_paras(art.text, 1, 4)
      assert.is_nil(art.text:find("Loading the story", 1, true))
      -- the same through $RS into a placeholder, and React 19's template form: the
      -- segment lands before the main column's closing line (a reader that only
      -- fell back to the hidden element would not have that line)
      local CLOSING = "<p>This closing line of the story stands in the main column after the placeholder.</p>"
      local function in_place(a)
        has_paras(a.text, 1, 4)
        local last, closing = a.text:find(P.para(4):sub(4, 40), 1, true), a.text:find("This closing line", 1, true)
        assert.truthy(closing, "the main column's own text is kept")
        assert.is_true(last < closing, "the segment stands where its placeholder was")
      end
      art = extract(P.page(T, "<main>" .. H1 .. '<template id="P:1"></template>' .. CLOSING .. '</main><div hidden id="S:1">' ..
        P.paras(1, 4) .. '</div><template data-rsi="" data-sid="S:1" data-pid="P:1"></template>'))
      in_place(art)
      -- attribute names in capitals are the same attributes
      art = extract(P.page(T, "<main>" .. H1 .. '<template id="P:1"></template>' .. CLOSING .. '</main><div hidden id="S:1">' ..
        P.paras(1, 4) .. '</div><TEMPLATE DATA-RSI="" DATA-SID="S:1" DATA-PID="P:1"></TEMPLATE>'))
      in_place(art)
      art = extract(P.page(T, "<main>" .. H1 .. '<!--$?--><template id="B:0"></template><p>Loading the story</p><!--/$-->' ..
        CLOSING .. '</main><div hidden id="S:0">' .. P.paras(1, 4) ..
        '</div><template data-rci="" data-bid="B:0" data-sid="S:0"></template>'))
      in_place(art)
      assert.is_nil(art.text:find("Loading the story", 1, true))
    end)

    it("reads a body printed into scripts when the page is a stub (Next.js chunks, __NEXT_DATA__)", function()
      local html_body = P.paras(1, 4):gsub("<", "\\u003c"):gsub(">", "\\u003e"):gsub('"', '\\"'):gsub("\n", "\\n")
      local art = extract(P.page(T, '<div id="root">' .. H1 .. '<p>Loading</p></div>' ..
        '<script>self.__next_f.push([1,"' .. html_body .. '"])</script>'))
      assert.equal("script-html", art.method)
      has_paras(art.text, 1, 4)
      local data = P.paras(1, 4):gsub('"', '\\"'):gsub("\n", "\\n")
      art = extract(P.page(T, '<div id="__next"></div><script id="__NEXT_DATA__" type="application/json">' ..
        '{"props":{"pageProps":{"article":{"title":"' .. T .. '","body":"' .. data .. '"}}}}</script>'))
      assert.equal("script-html", art.method)
      has_paras(art.text, 1, 4)
    end)

    it("leaves script strings alone when the page shows its article", function()
      local art = extract(P.page(T, "<article>" .. H1 .. P.paras(1, 4) .. '</article><script>var t = "' ..
        P.paras(40, 3) .. '";</script>'))
      assert.equal("prior:article", art.method)
      assert.is_nil(art.text:find(para_text(40), 1, true))
    end)

    it("drops template placeholders left in the text", function()
      local art = extract(P.page(T, "<article>" .. H1 .. P.paras(1, 2) .. "<p>$$ARTICLEAD$$</p><p>{{ad_slot}}</p>" ..
        P.paras(3, 2) .. "</article>"))
      has_paras(art.text, 1, 4)
      assert.is_nil(art.text:find("ARTICLEAD", 1, true))
      assert.is_nil(art.text:find("ad_slot", 1, true))
    end)

    it("ignores malformed streaming instructions", function()
      local art = extract(P.page(T, "<main>" .. H1 .. P.paras(1, 4) .. '<template id="B:0"></template></main>' ..
        '<script>$RC("B:0","S:9"); $RC("B:0"; $RS(</script><div hidden id="S:0"><p>never shown</p></div>'))
      has_paras(art.text, 1, 4)
      assert.is_nil(art.text:find("never shown", 1, true))
    end)
  end)

  describe("the trace", function()
    local html = P.page(T, '<div class="col-main"><article class="detail">' .. H1 .. P.paras(1, 4) ..
      '<div class="box"><h4>Related</h4>' .. P.links(4, 50) .. "</div>" .. P.paras(10, 2) ..
      '</article><section class="stream">' .. P.stream(20) .. "</section></div>")

    it("lists candidates with source, score, length and verdict; exactly one won", function()
      local art = extract(html)
      local won = 0
      assert.truthy(#art.trace.candidates >= 2)
      for _, c in ipairs(art.trace.candidates) do
        assert.is_string(c.source)
        assert.is_number(c.score)
        assert.is_number(c.length)
        assert.is_string(c.reason)
        assert.is_string(c.path)
        if c.verdict == "won" then won = won + 1 end
      end
      assert.equal(1, won)
    end)

    it("explains every dropped block with a rule", function()
      local art = extract(html)
      assert.truthy(#art.trace.dropped > 0)
      for _, d in ipairs(art.trace.dropped) do
        assert.is_string(d.rule)
        assert.truthy(#d.rule > 0)
        assert.is_string(d.path)
      end
      -- every text block of the page that is not in the article is dropped
      -- by a named rule or lies outside the chosen container
      local rules = {}
      for _, d in ipairs(art.trace.dropped) do rules[d.rule] = true end
      assert.truthy(rules.listing or rules["listing-heading"], "the related box is dropped as a listing")
      for _, k in ipairs(art.trace.kept) do assert.is_string(k.text) end
      assert.is_true(art.trace.complete)
    end)

    it("costs nothing and is absent when off", function()
      local art = assert(sapo.extract(html))
      assert.is_nil(art.trace)
    end)
  end)
end)
