-- Field rules: visible date lines in many languages (month names are data
-- in date.c) and titles (site suffixes, the h1, entities).
local sapo = require "sapo"

local BODY = string.rep("<p>The harbour council approved three new ferry routes across the bay after a long debate.</p>", 6)

local function date_of(line)
  local html = "<html><head><title>Ferries</title></head><body><article><h1>Ferries</h1><p class=\"date\">" .. line ..
    "</p>" .. BODY .. "</article></body></html>"
  return assert(sapo.extract(html)).date
end

describe("visible date lines", function()
  it("read day-first, month-first and year-first forms in many languages", function()
    local cases = {
      { "24. April 2024", "2024-04-24" }, { "3. März 2024", "2024-03-03" },
      { "24.04.2024, 10:30 Uhr", "2024-04-24T10:30:00" }, { "25 avril 2024", "2024-04-25" },
      { "1er août 2024", "2024-08-01" }, { "25 de abril de 2024", "2024-04-25" }, { "25 aprile 2024", "2024-04-25" },
      { "25 maart 2024", "2024-03-25" }, { "25 kwietnia 2024", "2024-04-25" }, { "25. dubna 2024", "2024-04-25" },
      { "25 апреля 2024", "2024-04-25" }, { "25 Nisan 2024", "2024-04-25" }, { "April 25th, 2024", "2024-04-25" },
      { "2024年4月25日", "2024-04-25" }, { "2024년 4월 25일", "2024-04-25" }, { "2024.04.25", "2024-04-25" },
      { "25/4/2024 - 10:30", "2024-04-25T10:30:00" }, { "Thứ năm, 25/4/2024, 10:30 (GMT+7)", "2024-04-25T10:30:00+07:00" },
      { "ngày 25 tháng 4 năm 2024", "2024-04-25" },
    }
    for _, c in ipairs(cases) do assert.equal(c[2], date_of(c[1]), c[1]) end
  end)

  it("ignores relative forms that have no clock to count from", function()
    assert.is_nil(date_of("3 hours ago"))
    assert.is_nil(date_of("vor 2 Tagen"))
  end)
end)

describe("titles", function()
  local BODY2 = string.rep("<p>The harbour council approved three new ferry routes across the bay after a long debate.</p>", 6)
  local function title_of(head, h1)
    return assert(sapo.extract("<html><head>" .. head .. "</head><body><article>" .. (h1 and ("<h1>" .. h1 .. "</h1>") or "") ..
      BODY2 .. "</article></body></html>")).title
  end

  it("drop site and section suffixes after any separator when the h1 is the head", function()
    local h1 = "Ukrainische Gegenoffensive: Ziele, Chancen, Risiken"
    assert.equal(h1, title_of("<title>" .. h1 .. " | DW | 28.04.2023</title>", h1))
    assert.equal(h1, title_of("<title>" .. h1 .. " | Sport</title>", h1))
    assert.equal("장동혁, 한동훈 제명했지만 부담 커졌다", title_of("<title>장동혁, 한동훈 제명했지만 부담 커졌다-정치ㅣ한국일보</title>",
      "장동혁, 한동훈 제명했지만 부담 커졌다"))
    assert.equal("Ferries return to the bay", title_of("<title>Ferries return to the bay · Daily Example</title>" ..
      '<meta property="og:site_name" content="Daily Example">'))
  end)

  it("drop a site written after a CJK separator without spaces, with the section glued before it", function()
    -- no h1 to lean on: the site name alone says where the title ends
    assert.equal("민주당 선호투표제 도입 또다시 불발", title_of('<meta property="og:title" content="민주당 선호투표제 도입 또다시 불발-정치ㅣ한국일보">' ..
      '<meta property="og:site_name" content="한국일보">'))
    assert.equal("南海トラフ、一時調査 巨大地震、基準達せず", title_of('<meta property="og:title" content="南海トラフ、一時調査 巨大地震、基準達せず：中日新聞Web">' ..
      '<meta property="og:site_name" content="中日新聞Web">'))
    -- a Latin compound before a site suffix stays whole
    assert.equal("Spider-Man returns to the big screen", title_of('<meta property="og:title" content="Spider-Man returns to the big screen｜Example">' ..
      '<meta property="og:site_name" content="Example">'))
  end)

  it("know the site's name from application-name when nothing else names it", function()
    local art = assert(sapo.extract("<html><head><title>Ferries return to the bay - Harbour Times</title>" ..
      "<meta name='application-name' content='Harbour Times'></head><body><article>" .. BODY2 .. "</article></body></html>"))
    assert.equal("Ferries return to the bay", art.title)
    assert.equal("Harbour Times", art.site_name)
  end)

  it("take the h1 when the <title> only names the site", function()
    assert.equal("Ferries return to the bay after two years", title_of('<title>Газета «Коммерсантъ»</title>' ..
      '<meta property="og:site_name" content="Коммерсантъ">', "Ferries return to the bay after two years"))
  end)

  it("prefer the h1 to a truncated <title>", function()
    local h1 = "Harbour council approves three new ferry routes across the bay"
    assert.equal(h1, title_of("<title>Harbour council approves three new...</title>", h1))
  end)

  it("decode named entities in JSON-LD headlines", function()
    local ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",' ..
      '"headline":"Samsung soll Smartphones zerst&ouml;ren"}</script>'
    assert.equal("Samsung soll Smartphones zerstören", title_of(ld))
  end)
end)

describe("the lead", function()
  local P1 = "<p>The harbour council voted on Tuesday to approve three new ferry routes linking the old port with the islands.</p>"
  local P2 = "<p>Officials said the first boats would sail in June, once the new piers at the northern end are finished.</p>"
  local P3 = "<p>Residents welcomed the decision but asked for more evening sailings during the summer season.</p>"
  local LEAD = "Three new routes will link the old port with the northern islands and the airport pier from June."
  local function lead_of(body)
    return assert(sapo.extract("<html><head><title>Ferries return</title></head><body>" .. body .. "</body></html>")).lead
  end

  it("is found in the article's header, levels away from the body", function()
    assert.equal(LEAD, lead_of("<main><article><header><div class='head'><div class='inner'><h1>Ferries return</h1>" ..
      "<p class='article-header__lead'>" .. LEAD .. "</p></div></div></header><div class='body'>" .. P1 .. P2 .. P3 ..
      "</div></article></main>"))
  end)

  it("is the paragraph or h2 right under the title when it has no class we know", function()
    assert.equal(LEAD, lead_of("<div class='wrap'><h1>Ferries return</h1><h2 class='a_st'>" .. LEAD ..
      "</h2><div class='text'>" .. P1 .. P2 .. P3 .. "</div></div>"))
  end)

  it("is the paragraph or subtitle a wrapper holds right under the title", function()
    assert.equal(LEAD, lead_of("<div class='wrap'><h1>Ferries return</h1><div class='fs-4 font-semibold'><p>" .. LEAD ..
      "</p></div><p class='text-sm'>By Jane Doe, 31 Jan 2025</p><div class='text'>" .. P1 .. P2 .. P3 .. "</div></div>"))
    assert.equal(LEAD, lead_of("<div class='wrap'><div class='primary-title'><h1 class='article-title'>Ferries return</h1></div>" ..
      "<div class='tertiary-title'><h3 class='article-title article-title-tertiary'><span>" .. LEAD .. "</span></h3></div>" ..
      "<div class='text'>" .. P1 .. P2 .. P3 .. "</div></div>"))
    -- a wrapper of several paragraphs is the body, not a lead
    assert.is_nil(lead_of("<div class='wrap'><h1>Ferries return</h1><div class='story'>" .. P1 .. P2 .. P3 .. "</div></div>"))
  end)

  it("is the lines between the title and the names signed above the text", function()
    local art = assert(sapo.extract("<html><head><title>Mining blasts shatter homes</title></head><body><article>" ..
      "<h1>Mining blasts shatter homes</h1><p><em>…as villages cry foul over lost livelihoods</em></p>" ..
      "<p><em>…accuse chiefs of ignoring their concerns</em></p><p><strong>Mathatisi Sebusi/Mohalenyane Phakela</strong></p>" ..
      P1 .. P2 .. P3 .. "</article></body></html>"))
    assert.equal("…as villages cry foul over lost livelihoods …accuse chiefs of ignoring their concerns", art.lead)
    assert.equal("Mathatisi Sebusi, Mohalenyane Phakela", art.byline)
    assert.truthy(art.text:find("^…as villages"))
    -- a long paragraph above the names is text, not a lead
    local body = "<p>" .. ("The council met on Tuesday to approve three new ferry routes across the bay. "):rep(3) .. "</p>"
    assert.is_nil(lead_of("<article><h1>Ferries return</h1><p><strong>Jane Doe</strong></p>" .. body .. body .. "</article>"))
  end)

  it("is the lead element in the header rather than a paragraph the body sets in bold", function()
    assert.equal(LEAD, lead_of("<div class='singleHeader'><h1>Ferries return</h1><figure><img src='/a.jpg'><figcaption>" ..
      "The old pier at dawn.</figcaption></figure><p class='singleHeader-excerpt'>" .. LEAD .. "</p></div><article>" ..
      "<div class='singleContent'><p><strong>On Saturday the council decided. What do the islanders say? We asked " ..
      "two of them about the new ferries.</strong></p>" .. P1 .. P2 .. P3 .. "</div></article>"))
  end)

  it("is a short first paragraph that the description repeats whole, when it is a sentence of eight words", function()
    local SHORT
    local function page(desc)
      return assert(sapo.extract("<html><head><title>Ferries return</title><meta name='description' content='" .. desc .. "'></head><body><article>" ..
        "<h1>Ferries return</h1><p><strong>" .. SHORT .. "</strong></p>" .. P1 .. P2 .. P3 .. "</article></body></html>")).lead
    end
    SHORT = "A preventable crisis the islanders saw coming for years."
    assert.equal(SHORT, page(SHORT))
    -- three words are a kicker, not a lead (a lead is a sentence of eight words at the least)
    SHORT = "A preventable crisis."
    assert.is_nil(page(SHORT))
    assert.is_nil(page("The council approved three new ferry routes."))
  end)

  it("is a first paragraph set apart in bold", function()
    assert.equal(LEAD, lead_of("<article><h1>Ferries return</h1><p><strong>" .. LEAD .. "</strong></p>" .. P1 .. P2 .. P3 ..
      "</article>"))
  end)

  it("is named by itemprop or a data-* attribute, or by the words of other languages' newsrooms", function()
    assert.equal(LEAD, lead_of("<article><h1>Ferries return</h1><p class='css-1x2y' data-manual='teaserText'>" .. LEAD ..
      "</p><div class='text'>" .. P1 .. P2 .. P3 .. "</div></article>"))
    for _, cls in ipairs({ "article__preamble", "article-leadtext", "strapline", "c_kj perex", "ingress" }) do
      assert.equal(LEAD, lead_of("<article><h1>Ferries return</h1><div class='" .. cls .. "'><p>" .. LEAD ..
        "</p></div><div class='text'>" .. P1 .. P2 .. P3 .. "</div></article>"), cls)
    end
  end)

  it("keeps the paragraphs of a lead element apart, and takes a short strapline", function()
    assert.equal("Three new routes open in June. Evening sailings follow in July.",
      lead_of("<article><h1>Ferries return</h1><div class='article__preamble'><p>Three new routes open in June.</p>" ..
        "<p>Evening sailings follow in July.</p></div><div class='text'>" .. P1 .. P2 .. P3 .. "</div></article>"))
    assert.equal("A big shift, with some room to wiggle", lead_of("<article><h1>Ferries return</h1>" ..
      "<p class='strapline'>A big shift, with some room to wiggle</p><div class='text'>" .. P1 .. P2 .. P3 .. "</div></article>"))
  end)

  it("is the page's lead even when the body repeats it further down", function()
    local art = assert(sapo.extract("<html><head><title>Ferries return</title></head><body><article><header><h1>Ferries return" ..
      "</h1><div class='top-summary'><p>" .. LEAD .. "</p></div></header><div class='article-contents'>" .. P1 .. P2 .. P3 ..
      "<h2>Next steps</h2><p>" .. LEAD .. "</p></div></article></body></html>"))
    assert.equal(LEAD, art.lead)
    assert.equal(1, select(2, art.text:sub(1, #LEAD + 2):gsub(LEAD:gsub("%p", "%%%0"), "")))
  end)

  it("is never an element named as a title, a sales box's subtitle, or a repeat of the title", function()
    -- a teaser module's title before its teaser text
    assert.equal(LEAD, lead_of("<article><header><h1 class='crumb'>Ferries return to the islands</h1>" ..
      "<section class='ArticleModuleTeaser_wrapper'><h2 class='ArticleModuleTeaser_title'>Ferries return to the islands</h2>" ..
      "<p class='ArticleModuleTeaser_teaserText'>" .. LEAD .. "</p></section></header><div class='text'>" .. P1 .. P2 .. P3 ..
      "</div></article>"))
    assert.is_nil(lead_of("<article><h1>Ferries return</h1><div class='article-subscribe'><span class='article-subscribe--subtitle'>" ..
      "Just R20 for the first month. Support independent journalism by subscribing to our digital news package.</span></div>" ..
      "<div class='text'>" .. P1 .. P2 .. P3 .. "</div></article>"))
    assert.is_nil(lead_of("<div class='wrap'><h1 class='breadcrumb_last'>Ferries return</h1><h2 class='entry-title' itemprop='headline'>" ..
      "Six figures that show how the new ferry routes will change the islands</h2><div class='text'>" .. P1 .. P2 .. P3 ..
      "</div></div>"))
    -- a sub-title is what a lead is
    assert.equal(LEAD, lead_of("<article><h1>Ferries return</h1><p class='sub-title' itemprop='description'>" .. LEAD ..
      "</p><div class='text'>" .. P1 .. P2 .. P3 .. "</div></article>"))
  end)

  it("is a first paragraph its class sets in bold, after the title said again and a player's clock", function()
    assert.equal(LEAD, lead_of("<article><h2>Ferries return</h2><p>00:00</p><p class='Typography_weight-bold__uT6'>" .. LEAD ..
      "</p>" .. P1 .. P2 .. P3 .. "</article>"))
    assert.equal("Duisburg. " .. LEAD, lead_of("<article><h1>Ferries return</h1><div class='article-body'>" ..
      "<p class='font-sans font-medium'><span>Duisburg.</span> " .. LEAD .. "</p>" .. P1 .. P2 .. P3 .. "</div></article>"))
  end)

  it("is never a short bold line that ends without a sentence's stop (a heading)", function()
    assert.is_nil(lead_of("<article><h1>Ferries return</h1><p><b>The most important news about the ferries</b></p>" ..
      P1 .. P2 .. P3 .. "</article>"))
  end)

  it("is a lead named on an inline wrapper, or by a type attribute", function()
    assert.equal("Neuss · " .. LEAD, lead_of("<article><h1>Ferries return</h1><p class='text-50'>Neuss · <strong data-cy='intro'>" ..
      LEAD .. "</strong></p>" .. P1 .. P2 .. P3 .. "</article>"))
    assert.equal(LEAD, lead_of("<article><header><div type='title'><h2>Ferries return</h2></div><div type='lead'><p>" .. LEAD ..
      "</p></div></header><section>" .. P1 .. P2 .. P3 .. "</section></article>"))
  end)

  it("is a text-only div under the title, or under the heading a breadcrumb repeats", function()
    assert.equal(LEAD, lead_of("<div class='top'><h1 class='sc-jRB'>Ferries return</h1><div class='sc-wko'>" .. LEAD ..
      "</div></div><div class='text'>" .. P1 .. P2 .. P3 .. "</div>"))
    assert.equal(LEAD, lead_of("<ul class='nav'><li><a href='/'>Home</a></li><li><h1>Ferries return</h1></li></ul>" ..
      "<div class='head'><hgroup><h2>Ferries return</h2></hgroup><div class='copy-lg'><span>" .. LEAD .. "</span></div></div>" ..
      "<div class='text'>" .. P1 .. P2 .. P3 .. "</div>"))
  end)

  it("is a long heading that opens the article before its paragraphs, never its h1 or a short section head", function()
    local DEK = "Two years after the last crossing the council brings the ferries back, with three routes and a new pier"
    assert.equal(DEK, lead_of("<h1>Ferries return</h1><article><h2 class='sub-tit-ll'>" .. DEK .. "</h2>" .. P1 .. P2 .. P3 ..
      "</article>"))
    assert.is_nil(lead_of("<article><h2>Background</h2>" .. P1 .. P2 .. P3 .. "</article>"))
    assert.is_nil(lead_of("<article><h1>" .. DEK .. "</h1>" .. P1 .. P2 .. P3 .. "</article>"))
    -- one long paragraph, then a section heading: still the text after a dek
    local LONG = "<p>" .. ("The harbour council voted on Tuesday to approve three new ferry routes linking the old port. "):rep(3) .. "</p>"
    assert.equal(DEK, lead_of("<h1>Ferries return</h1><article><h2>" .. DEK .. "</h2><figure><img src='/a.jpg'></figure>" ..
      LONG .. "<h3>The new piers</h3>" .. P2 .. P3 .. "</article>"))
    -- one short paragraph, then another heading: headings of a list, not a dek
    assert.is_nil(lead_of("<h1>Ferries return</h1><article><h2>" .. DEK .. "</h2>" .. P1 .. "<h2>" .. DEK .. " again</h2>" ..
      P2 .. P3 .. "</article>"))
  end)

  it("is the lead element whose paragraph the finder put in its place, after a date line", function()
    assert.equal(LEAD, lead_of("<article id='article'><h1>Ferries return</h1><div class='articleContent'>" ..
      "<div class='displayDate'>Freitag, 28.04.2023, 19:25</div><div class='leadIn'>\n  <p>" .. LEAD .. "</p></div>" ..
      "<div class='affiliate_info'>Links marked with a symbol are affiliate links.</div>" .. P1 .. P2 .. P3 ..
      "</div></article>"))
  end)

  it("is a short list of key points named as a summary, after the picture; never a long list", function()
    local items = { "Three new routes will link the old port with the islands.", "The first boats sail in June.",
      "Residents asked for more evening sailings." }
    local function list(n, cls)
      local li = {}
      for k = 1, n do li[k] = "<li>" .. items[(k - 1) % 3 + 1] .. "</li>" end
      return "<article><h1>Ferries return</h1><figure><img src='/a.jpg'><figcaption>Future Publishing/Getty Images" ..
        "</figcaption></figure><ul class='" .. cls .. "'>" .. table.concat(li) .. "</ul>" .. P1 .. P2 .. P3 .. "</article>"
    end
    assert.equal(table.concat(items, " "), lead_of(list(3, "summary-list")))
    assert.is_nil(lead_of(list(6, "summary-list")))
    assert.is_nil(lead_of(list(3, "tags-list")))
  end)

  it("is found inside a page-wide media wrapper", function()
    assert.equal(LEAD, lead_of("<main class='site-body video-player__stuck-container'><div class='article site-body__columns'>" ..
      "<article class='site-body__column-2' id='content'><div class='article__inner'><h1>Ferries return</h1>" ..
      "<div class='article__preamble rich-text'><p>" .. LEAD .. "</p></div><div class='article__body rich-text'>" .. P1 .. P2 ..
      P3 .. "</div></div></article></div></main>"))
  end)

  it("is never a caption, a teaser before the title, or a body that calls itself a summary", function()
    assert.is_nil(lead_of("<article><h1>Ferries return</h1><figure><img src='/a.jpg'><figcaption class='teaser'>" ..
      LEAD .. "</figcaption></figure><div class='text'>" .. P1 .. P2 .. P3 .. "</div></article>"))
    assert.is_nil(lead_of("<div class='top'><p class='teaser'>" .. LEAD .. "</p></div><article><h1>Ferries return</h1>" ..
      "<div class='text'>" .. P1 .. P2 .. P3 .. "</div></article>"))
    assert.is_nil(lead_of("<article><h1>Ferries return</h1><div class='field--type-text-with-summary'>" .. P1 .. P2 .. P3 ..
      "</div></article>"))
    -- a dated line under the title is the date line
    assert.is_nil(lead_of("<div class='wrap'><h1>Ferries return</h1><p>By Jane Doe and John Roe, published on 25 April 2024 at the harbour office</p>" ..
      "<div class='text'>" .. P1 .. P2 .. P3 .. "</div></div>"))
  end)
end)
