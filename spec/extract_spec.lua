local sapo = require "sapo"
local H = require "helper"

local function extract_page(name, opts)
  return assert(sapo.extract(H.page(name), opts or { url = "https://news.example.vn/a/b.html" }))
end

local function must(text, yes, no)
  local ok, missing = H.contains_all(text, yes)
  assert(ok, "missing: " .. tostring(missing))
  local ok2, found = H.contains_none(text, no or {})
  assert(ok2, "boilerplate kept: " .. tostring(found))
end

describe("sapo.extract()", function()
  it("raises on bad arguments", function()
    assert.error_matches(function() sapo.extract(nil) end, "bad argument #1 to 'extract'")
    assert.error_matches(function() sapo.extract("", { formats = "markdown" }) end, "bad option 'formats'")
    assert.error_matches(function() sapo.extract("", { tone = "middle" }) end, "bad option 'tone'")
    assert.error_matches(function() sapo.extract("<p>x</p>", { formats = { "pdf" } }) end,
      'bad option \'formats\' to \'extract\' %(a list of "text", "markdown" or "html" expected, got pdf in it%)')
  end)

  it("returns nil, msg, ENOCONTENT when there is no article", function()
    assert.same({ nil, "no article content found", "ENOCONTENT" }, { sapo.extract("") })
    assert.same({ nil, "no article content found", "ENOCONTENT" },
      { sapo.extract("<html><head><title>x</title></head><body><nav></nav></body></html>") })
  end)

  it("extracts an English news page without its boilerplate", function()
    local art = extract_page("english-news.html")
    assert.equal("City council approves new bike lanes downtown", art.title)
    assert.equal("Jane Doe", art.byline)
    assert.equal("2024-03-14T09:00:00+00:00", art.date)
    assert.equal("en", art.lang)
    must(art.text, {
      "The city council voted 7-2 on Tuesday night",
      "Opponents, including several downtown business owners",
      "Construction to begin this summer",
      "at an estimated cost of $4.2 million",
    }, { "We use cookies", "Sign up for our newsletter", "Mayor unveils transit plan", "All rights reserved",
         "Share on Facebook", "Home News Sports" })
    -- paragraphs separated by one blank line, no title in the body
    assert.truthy(art.text:find("during rush hour.\n\n\"This is a historic day", 1, true))
    assert.is_nil(art.text:find("City council approves new bike lanes downtown", 1, true))
    assert.is_nil(art.text:find("\n\n\n", 1, true))
  end)

  it("extracts a Vietnamese news page without menus, related lists, sidebars and footers", function()
    local art = extract_page("baoquocte-like.html")
    assert.equal("Việt Nam và Nhật Bản thúc đẩy hợp tác chuyển đổi số", art.title)
    assert.equal("vi", art.lang)
    must(art.text, {
      "Tại buổi làm việc, Thứ trưởng Bộ Thông tin và Truyền thông",
      "Hai bên nhất trí sẽ sớm tổ chức diễn đàn doanh nghiệp",
      "Nguồn nhân lực là trọng tâm",
      "mở ra nhiều cơ hội việc làm cho người lao động trẻ Việt Nam.",
    }, { "Thời sự", "Tin liên quan", "Thủ tướng tiếp Đại sứ", "Tử vi hôm nay", "Bạch Dương",
         "Phiên bản di động", "Cơ quan chủ quản", "Gửi bình luận", "Trang chủ" })
  end)

  it("gives the same article through parse + doc:extract", function()
    local html = H.page("english-news.html")
    local a = sapo.extract(html, { url = "https://x.example/a" })
    local doc = assert(sapo.parse(html, { url = "https://x.example/a" }))
    local b = assert(doc:extract())
    local c = assert(doc:extract())      -- the document is not changed by extraction
    assert.equal(a.text, b.text)
    assert.equal(b.text, c.text)
    assert.equal(a.title, b.title)
    doc:close()
  end)

  it("resolves image and link URLs against opts.url", function()
    local art = extract_page("english-news.html", { url = "https://daily.example/news/2024/bikes.html", formats = { "markdown", "html" } })
    assert.equal("https://daily.example/img/bike-lane.jpg", art.images[1].src)
    assert.truthy(art.markdown:find("](https://daily.example/img/bike-lane.jpg)", 1, true))
    assert.truthy(art.html:find('src="https://daily.example/img/bike-lane.jpg"', 1, true))
    assert.is_nil(art.markdown:find("parking.html", 1, true))   -- the "Read more:" line is boilerplate
    assert.is_nil(art.html:find('src="/img', 1, true))
  end)

  it("keeps captions out of the body and once in images", function()
    local art = extract_page("english-news.html")
    assert.equal("A cyclist rides along Main Street.", art.images[1].caption)
    assert.equal("John Smith", art.images[1].credit)
    assert.is_nil(art.text:find("A cyclist rides along Main Street", 1, true))
  end)

  it("leaves out the text no reader sees: svg titles, buttons, video fallbacks, screen-reader-only text (images stay)", function()
    local P = "<p>" .. ("The council met on Tuesday to approve three new ferry routes across the bay. "):rep(3) .. "</p>"
    local art = assert(sapo.extract("<html><body><article><h1>Ferries</h1>" .. P ..
      "<p>See <a href='/x'>the plan<svg><title>Link opens in a new tab</title><desc>An arrow.</desc></svg></a> online.</p>" ..
      "<figure><img src='/pier.jpg' alt='The pier'><svg><title>Zoom icon</title></svg></figure><button>Enlarge</button>" ..
      "<video src='/v.mp4'>Your browser does not support video.</video>" ..
      "<div class='box'><span class='expand-icon__a11y-open h-offscreen'>Box aufklappen</span>" ..
      "<span class='u-visually-hidden'>Opens a dialog</span></div>" .. P .. "</article></body></html>",
      { url = "https://example.com/a", formats = { "markdown" } }))
    assert.truthy(art.text:find("See the plan online.", 1, true))
    for _, s in ipairs { "new tab", "An arrow", "Zoom icon", "Enlarge", "does not support", "aufklappen", "Opens a dialog" } do
      assert.falsy(art.text:find(s, 1, true), s)
      assert.falsy(art.markdown:find(s, 1, true), s)
    end
    assert.equal("https://example.com/pier.jpg", art.images[1].src)
  end)

  it("writes Markdown and safe minimal HTML on request", function()
    local html = [[<html><head><title>T</title></head><body><article>
      <p>First paragraph with <a href="/x" onclick="evil()">a link</a> and <b>bold</b> text, long enough to count as content here.</p>
      <p>Second paragraph <a href="javascript:alert(1)">bad link</a> with more words, commas, and sentences. It goes on.</p>
      <ul><li>one item of a list with words</li><li>two items of a list with words</li></ul>
      <script>alert(1)</script><p onmouseover="x()">Third paragraph, with enough text to be kept by the extractor as body.</p>
      <blockquote>A quotation that is part of the article, with several words in it.</blockquote>
      <h2>A sub-heading</h2><p>Fourth paragraph after the heading, with more words so that it stays in the article.</p>
    </article></body></html>]]
    local art = assert(sapo.extract(html, { url = "https://e.example/d/p.html", formats = { "markdown", "html" } }))
    assert.truthy(art.markdown:find("[a link](https://e.example/x)", 1, true))
    assert.truthy(art.markdown:find("**bold**", 1, true))
    assert.truthy(art.markdown:find("\n## A sub-heading\n", 1, true))
    assert.truthy(art.markdown:find("- one item", 1, true))
    assert.truthy(art.markdown:find("> A quotation", 1, true))
    assert.truthy(art.html:find('<a href="https://e.example/x">a link</a>', 1, true))
    assert.is_nil(art.html:lower():find("<script", 1, true))
    assert.is_nil(art.html:lower():find("javascript:", 1, true))
    assert.is_nil(art.html:lower():find("onclick", 1, true))
    assert.is_nil(art.html:lower():find("onmouseover", 1, true))
    assert.truthy(art.html:find("<h2>A sub-heading</h2>", 1, true))
    assert.truthy(art.html:find("<li>one item", 1, true))
    assert.truthy(art.html:find("<blockquote><p>A quotation", 1, true))
  end)

  it("places tone marks in one style on request", function()
    local html = "<html><body><article><p>" .. ("Thuỷ điện Hoà Bình khoẻ mạnh, mùa lũ năm nay. "):rep(20) ..
      "</p></article></body></html>"
    local old = assert(sapo.extract(html, { tone = "old" }))
    assert.truthy(old.text:find("Thủy điện Hòa Bình khỏe", 1, true))
    local new = assert(sapo.extract(html, { tone = "new" }))
    assert.truthy(new.text:find("Thuỷ điện Hoà Bình khoẻ", 1, true))
  end)

  it("detects Vietnamese when the page does not declare a language", function()
    local html = "<html><body><article><p>" .. ("Hà Nội là thủ đô của Việt Nam, thành phố nghìn năm văn hiến. "):rep(12) ..
      "</p></article></body></html>"
    assert.equal("vi", assert(sapo.extract(html)).lang)
  end)

  it("returns NFC text for pages typed in decomposed form", function()
    local nfd = "Vie" .. H.char(0x323) .. H.char(0x302) .. "t Nam"
    local html = "<html><body><article><p>" .. (nfd .. " là một quốc gia ở Đông Nam Á, có bờ biển dài. "):rep(12) ..
      "</p></article></body></html>"
    local art = assert(sapo.extract(html))
    assert.truthy(art.text:find("Vi" .. H.char(0x1EC7) .. "t Nam", 1, true))
    assert.equal(art.text, sapo.text.nfc(art.text))
  end)

  it("reads windows-1258 pages", function()
    local p = ("<p>Vi\234\242t Nam h\244\242i nh\208p s\226u r\244\204ng, ph\225t tri\234\210n kinh t\234\236 nhanh ch\243ng.</p>"):rep(10)
    local html = '<html><head><meta charset="windows-1258"></head><body><article>' .. p .. "</article></body></html>"
    local art = assert(sapo.extract(html))
    assert.truthy(art.text:find("Vi" .. H.char(0x1EC7) .. "t Nam", 1, true))
    assert.equal("windows-1258", art.charset)
  end)

  describe("pages in legacy Vietnamese fonts", function()
    local P = "Thủ tướng Chính phủ vừa ký quyết định phê duyệt đề án phát triển kinh tế số đến năm 2030, với mục tiêu chiếm 30% GDP."
    local function page(enc, face)
      return '<html><head><meta charset="windows-1252"><title>x</title></head><body><div class="content"><font face="' ..
        face .. '">' .. string.rep("<p>" .. sapo.vi.encode(P, enc) .. "</p>", 6) .. "</font></div></body></html>"
    end
    for _, c in ipairs({ { "tcvn3", ".VnTime", "x-viet-tcvn3" }, { "vni", "VNI-Times", "x-viet-vni" } }) do
      it("decodes " .. c[1] .. " text shown through " .. c[2], function()
        local art = assert(sapo.extract(page(c[1], c[2])))
        assert.truthy(art.text:find(P, 1, true))
        assert.equal(c[3], art.charset)
        assert.equal("vi", art.lang)
        -- from byte patterns alone, without the font name
        assert.truthy(assert(sapo.extract((page(c[1], c[2]):gsub(c[2], "Arial")))).text:find(P, 1, true))
        -- opts.legacy = false keeps windows-1252
        local raw = assert(sapo.extract(page(c[1], c[2]), { legacy = false }))
        assert.is_nil(raw.text:find(P, 1, true))
        assert.equal("windows-1252", raw.charset)
      end)
    end
    it("leaves Latin-1 pages in other languages alone", function()
      local fr = '<html><head><meta charset="windows-1252"></head><body><article>' ..
        string.rep("<p>Le pr\233sident de la R\233publique a prononc\233 un discours \224 Paris, d\233clarant que l'\233conomie \233tait solide.</p>", 6) ..
        "</article></body></html>"
      local art = assert(sapo.extract(fr))
      assert.equal("windows-1252", art.charset)
      assert.truthy(art.text:find("Le président de la République", 1, true))
    end)
  end)
end)
