-- Article metadata: each field from each source, and the traps.
local sapo = require "sapo"

local BODY = "<p>" .. ("Hội nghị thượng đỉnh diễn ra trong hai ngày với sự tham gia của lãnh đạo nhiều nước trong khu vực. "):rep(3) ..
  "</p><p>" .. ("Các bên đã thảo luận về hợp tác kinh tế, an ninh biển và ứng phó biến đổi khí hậu, đạt nhiều đồng thuận quan trọng. "):rep(3) .. "</p>"

local function page(head, before, after, url)
  local html = "<html><head>" .. (head or "") .. "</head><body>" .. (before or "") ..
    "<article>" .. BODY .. (after or "") .. "</article></body></html>"
  return assert(sapo.extract(html, { url = url or "https://baomau.example.vn/tin/a.html" }))
end

describe("metadata", function()
  describe("title", function()
    it("drops the site-name suffix of <title> and og:title", function()
      assert.equal("Hội nghị thượng đỉnh khép lại", page("<title>Hội nghị thượng đỉnh khép lại | Báo Quốc tế</title>" ..
        "<meta property='og:site_name' content='Báo Quốc tế'>").title)
      assert.equal("Giá xăng giảm mạnh từ chiều nay", page("<meta property='og:title' content='Giá xăng giảm mạnh từ chiều nay - VnExpress'>",
        nil, nil, "https://vnexpress.net/gia-xang.html").title)
      assert.equal("Apple unveils a new headset", page("<title>The Verge: Apple unveils a new headset</title>" ..
        "<meta property='og:site_name' content='The Verge'>").title)
    end)
    it("drops a site name written with the host's letters (diacritics, spaces, a domain)", function()
      assert.equal("Giá vàng tăng mạnh phiên sáng nay", page("<title>Giá vàng tăng mạnh phiên sáng nay - Tuổi Trẻ Online</title>",
        nil, nil, "https://tuoitre.vn/gia-vang.htm").title)
      assert.equal("Réforme des retraites : le Sénat vote", page("<title>Le Monde.fr - Réforme des retraites : le Sénat vote</title>",
        nil, nil, "https://www.lemonde.fr/politique/a.html").title)
      -- a headline that mentions the host is not the site's name
      assert.equal("How we designed Dropbox’s ATF - an async task framework",
        page("<meta property='og:title' content='How we designed Dropbox’s ATF - an async task framework'>", nil, nil,
          "https://dropbox.tech/a").title)
    end)
    it("keeps a title whose last part is not the site", function()
      assert.equal("Hà Nội - Hải Phòng: cao tốc mới thông xe", page("<meta property='og:title' content='Hà Nội - Hải Phòng: cao tốc mới thông xe'>").title)
    end)
    it("prefers JSON-LD headline", function()
      assert.equal("Tiêu đề JSON-LD", page("<title>Khác | Site</title><script type='application/ld+json'>" ..
        '{"@context":"https://schema.org","@type":"NewsArticle","headline":"Tiêu đề JSON-LD"}</script>').title)
    end)
  end)

  describe("byline and authors", function()
    it("reads JSON-LD authors (several)", function()
      local art = page("<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"," ..
        "\"headline\":\"H\",\"author\":[{\"@type\":\"Person\",\"name\":\"Minh Anh\"},{\"@type\":\"Person\",\"name\":\"Thu Hà\"}]}</script>")
      assert.equal("Minh Anh, Thu Hà", art.byline)
      assert.same({ "Minh Anh", "Thu Hà" }, art.authors)
    end)
    it("reads meta author; one naming the site gives way to a person's byline on the page", function()
      assert.equal("Jane Doe", page("<meta name='author' content='Jane Doe'>").byline)
      assert.equal("Phạm Bích", page("<meta name='author' content='VnExpress'>", "<div class='author-name'>Phạm Bích</div>",
        nil, "https://vnexpress.net/a.html").byline)
      assert.equal("Phạm Bích", page("<meta name='author' content='Báo Mẫu'><meta property='og:site_name' content='Báo Mẫu'>",
        "<div class='author-name'>Phạm Bích</div>").byline)
    end)
    it("names the publication when no person signs the article (its metadata's author)", function()
      local art = page("<meta name='author' content='VnExpress'>", nil, nil, "https://vnexpress.net/a.html")
      assert.equal("VnExpress", art.byline)
      assert.equal("Báo Mẫu", page("<meta name='author' content='Báo Mẫu'><meta property='og:site_name' content='Báo Mẫu'>").byline)
    end)
    it("builds a JSON-LD author's name from givenName and familyName", function()
      local art = page("<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"," ..
        "\"headline\":\"H\",\"author\":[{\"@type\":\"Person\",\"givenName\":\"Anna Giulia\",\"familyName\":\"Fink\"}," ..
        "{\"@type\":\"Person\",\"givenName\":\"Jan\",\"familyName\":\"Marchart\"}]}</script>")
      assert.equal("Anna Giulia Fink, Jan Marchart", art.byline)
      assert.same({ "Anna Giulia Fink", "Jan Marchart" }, art.authors)
    end)
    it("reads the first link to an author's page, outside the site's navigation and footer", function()
      assert.equal("Dr. Max Kolter", page(nil, "<p class='meta-info'>von <a href='/autoren/name/max-kolter'>Dr. Max Kolter</a></p>").byline)
      -- an index of authors and a footer link are not bylines
      assert.is_nil(page(nil, "<p><a href='/authors/'>Our Authors</a></p>").byline)
      assert.is_nil(page(nil, "<footer><a href='/author/jane-roe'>Jane Roe</a></footer>").byline)
      assert.is_nil(page(nil, "<nav><a href='/tac-gia/nguyen-van-a'>Nguyễn Văn A</a></nav>").byline)
    end)
    it("reads names signed in bold above the text, over a CMS account in the metadata", function()
      local PARA = "<p>" .. ("The council met on Tuesday to approve three new ferry routes across the bay. "):rep(3) .. "</p>"
      local function signed(line, head, before)
        return assert(sapo.extract("<html><head>" .. (head or "") .. "</head><body>" .. (before or "") .. "<article>" ..
          "<h1>Ferry routes approved</h1>" .. line .. PARA .. PARA .. "</article></body></html>"))
      end
      local ld = "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"," ..
        "\"headline\":\"Ferry routes approved\",\"author\":{\"@type\":\"Person\",\"name\":\"Site Admin\"}}</script>"
      local art = signed("<p><strong>MTHOBISI SITHOLE&nbsp;</strong></p>", ld)
      assert.equal("MTHOBISI SITHOLE", art.byline)
      assert.same({ "MTHOBISI SITHOLE" }, art.authors)
      assert.falsy(art.text:find("SITHOLE", 1, true))
      -- two names, and decks above them
      art = signed("<p>…as villages cry foul over lost homes</p><p><strong>Ana da Silva/John Roe</strong></p>")
      assert.equal("Ana da Silva, John Roe", art.byline)
      assert.same({ "Ana da Silva", "John Roe" }, art.authors)
      -- the page's byline element still wins
      assert.equal("Jane Doe", signed("<p><strong>Ana da Silva</strong></p>", nil,
        "<div class='byline'>Jane Doe</div>").byline)
    end)
    it("takes no bold kicker, sentence or later line as the names above the text", function()
      local PARA = "<p>" .. ("The council met on Tuesday to approve three new ferry routes across the bay. "):rep(3) .. "</p>"
      local function signed(body)
        return assert(sapo.extract("<html><body><article><h1>Ferry routes approved</h1>" .. body ..
          "</article></body></html>"))
      end
      for _, line in ipairs { "<p><strong>Breaking News</strong></p>", "<p><strong>Editor's Note</strong></p>",
        "<p><strong>The council votes.</strong></p>", "<p><strong>Jane</strong></p>",
        "<p><strong>Jane Doe: the interview</strong></p>", "<p>Jane Doe</p>", "<h2>Jane Doe</h2>" } do
        local art = signed(line .. PARA .. PARA)
        assert.is_nil(art.byline, line)
      end
      -- once the text has begun, a bold name is a subheading of the story
      assert.is_nil(signed(PARA .. "<p><strong>Jane Doe</strong></p>" .. PARA).byline)
    end)
    it("reads a 'By …' line under the headline that has no byline class", function()
      local PARA = "<p>" .. ("The council met on Tuesday to approve three new ferry routes across the bay. "):rep(3) .. "</p>"
      local function under(line)
        return assert(sapo.extract("<html><body><div class='head'><h1 class='article-heading'>Ferry routes approved</h1>" ..
          line .. "</div><div class='body'>" .. PARA .. PARA .. "</div></body></html>")).byline
      end
      assert.equal("By TPN", under("<p class='text-sm'>\n      By TPN,\n      in <a href='/news'>News</a>, <a href='/pt'>Portugal</a> " ..
        "&middot; <span>31 Jan 2025, 20:02</span> &middot; <a href='#c'>0 Comments</a></p>"))
      assert.equal("Von Anna Müller und Jan Roe", under("<div class='meta'>Von Anna Müller und Jan Roe</div>"))
      -- a sentence, a lower-case word, a date or the text itself is no byline
      assert.is_nil(under("<p>By Monday the council will decide.</p>"))
      assert.is_nil(under("<p>By the way, the ferries are back.</p>"))
      assert.is_nil(under("<p>By 2030 the port will be rebuilt.</p>"))
      assert.is_nil(under("<p>Por fin llegan los nuevos ferris a la bahía después de dos años de obras y de espera.</p>"))
    end)
    it("reads an author and a date from the page's labelled facts", function()
      local art = page(nil, "<ul class='smallList'><li><strong>Datum</strong> 28.04.2023</li>" ..
        "<li><strong>Autorin/Autor</strong> Roman Goncharenko</li></ul>")
      assert.equal("Roman Goncharenko", art.byline)
      assert.equal("2023-04-28", art.date)
      art = page(nil, "<dl><dt>Author:</dt><dd>Jane Doe and John Roe</dd><dt>Published</dt><dd>March 14, 2024</dd></dl>")
      assert.equal("Jane Doe and John Roe", art.byline)
      assert.same({ "Jane Doe", "John Roe" }, art.authors)
      assert.equal("2024-03-14", art.date)
      art = page(nil, "<table><tr><th>Tác giả</th><td>Phạm Bích</td></tr><tr><th>Ngày</th><td>25/4/2024</td></tr></table>")
      assert.equal("Phạm Bích", art.byline)
      assert.equal("2024-04-25", art.date)
      -- metadata comes first
      assert.equal("2024-05-02T15:05:00+07:00", page("<meta property='article:published_time' content='2024-05-02T15:05:00+07:00'>",
        "<p><b>Date:</b> 28.04.2023</p>").date)
    end)
    it("reads no labelled fact from code, the footer, or a label with no name or date after it", function()
      local art = page(nil, "<pre><code>SELECT count(*) FROM log GROUP <span>BY</span> Period, Status</code></pre>" ..
        "<footer><strong>Author:</strong> Jane Doe <strong>Date:</strong> 01.01.2020</footer>")
      assert.is_nil(art.byline)
      assert.is_nil(art.date)
      -- a table of fixtures is data, not the page's facts
      local rows = {}
      for k = 1, 12 do rows[k] = "<tr><th>Date</th><td>" .. k .. ".05.2024</td></tr>" end
      assert.is_nil(page(nil, nil, BODY .. "<table>" .. table.concat(rows) .. "</table>").date)
      art = page(nil, "<p><strong>Author:</strong> see the list of 12 contributors (below)</p><p><b>Date:</b> soon</p>")
      assert.is_nil(art.byline)
      assert.is_nil(art.date)
    end)
    it("takes no metadata author that names the site's domain", function()
      assert.equal("Jane Doe", page("<meta name='author' content='Deutsche Welle (www.dw.com)'>",
        "<div class='author-name'>Jane Doe</div>", nil, "https://www.dw.com/de/a-1").byline)
      assert.equal("Roman Goncharenko", page("<meta name='author' content='DW (dw.com)'><meta property='og:site_name' content='DW.COM'>",
        "<ul><li><strong>Autorin/Autor</strong> Roman Goncharenko</li></ul>").byline)
      -- no person signs it: the publication stands
      assert.equal("DW (dw.com)", page("<meta name='author' content='DW (dw.com)'><meta property='og:site_name' content='DW.COM'>").byline)
    end)
    it("ignores an author given as a URL", function()
      assert.is_nil(page("<meta property='article:author' content='https://facebook.com/someone'>").byline)
    end)
    it("reads byline elements and rel=author", function()
      assert.equal("Phạm Bích", page(nil, "<div class='author-name'>Phạm Bích</div>").byline)
      assert.equal("Lê Văn Tám", page(nil, nil, "<p>Bài viết của <a rel='author' href='/tg/lvt'>Lê Văn Tám</a>, phóng viên thường trú tại Đà Nẵng, cho chuyên mục thời sự quốc tế.</p>").byline)
    end)
    it("splits a byline into authors", function()
      assert.same({ "Hoàng Long", "Mai Anh" }, page("<meta name='author' content='Hoàng Long và Mai Anh'>").authors)
    end)
  end)

  describe("date", function()
    it("normalises to ISO 8601 from every source", function()
      assert.equal("2024-04-25T10:30:00+07:00", page("<meta property='article:published_time' content='2024-04-25T10:30:00+07:00'>").date)
      assert.equal("2021-11-01T10:52:50+01:00", page("<script type='application/ld+json'>{\"@context\":\"http://schema.org\"," ..
        "\"@type\":\"Article\",\"headline\":\"x\",\"datePublished\":\"2021-11-01T10:52:50+0100\"}</script>").date)
      assert.equal("2024-05-02T15:05:00+07:00", page("<meta itemprop='datePublished' content='2024-05-02T15:05:00+07:00'>").date)
      assert.equal("2024-04-25", page(nil, nil, "<p><time datetime='2024-04-25' pubdate>25/4</time></p>").date)
    end)
    it("reads visible Vietnamese and English dates", function()
      local function visible(line)
        return assert(sapo.extract("<html><body><article><p class='date'>" .. line .. "</p>" .. BODY .. "</article></body></html>")).date
      end
      assert.equal("2024-04-25T10:30:00+07:00", visible("Thứ năm, 25/4/2024, 10:30 (GMT+7)"))
      assert.equal("2024-04-25T06:45:00", visible("25/04/2024 06:45"))
      assert.equal("2024-04-25", visible("Cập nhật ngày 25 tháng 4 năm 2024"))
      assert.equal("2024-03-14", visible("March 14, 2024"))
    end)
    it("reads the date shown next to the title, outside the article", function()
      local art = assert(sapo.extract("<html><body><h1>Tiêu đề</h1><div class='header-content'><span class='date'>" ..
        "Thứ năm, 2/5/2024, 15:05 (GMT+7)</span></div><article>" .. BODY .. "</article></body></html>"))
      assert.equal("2024-05-02T15:05:00+07:00", art.date)
      local art2 = assert(sapo.extract("<html><body><div class='detailTime'>25/04/2024 06:45</div><article>" .. BODY ..
        "</article></body></html>"))
      assert.equal("2024-04-25T06:45:00", art2.date)
    end)
    it("does not take a teaser's or the copyright line's date", function()
      local art = assert(sapo.extract("<html><body><div class='today'>Thứ Sáu, 26/04/2024</div><article>" .. BODY ..
        "</article><ul class='related'><li><a href='/x'>Tin cũ</a> 01/01/2020</li></ul>" ..
        "<footer>© 2005-2024 Báo Mẫu, cập nhật 03/03/2023</footer></body></html>"))
      assert.is_nil(art.date)
    end)
  end)

  describe("other fields", function()
    it("reads site name, canonical URL, top image, tags, language, word count", function()
      local art = page("<meta property='og:site_name' content='Báo Mẫu'><link rel='canonical' href='/tin/a-123.html'>" ..
        "<meta property='og:image' content='/img/top.jpg'><meta name='keywords' content='kinh tế, hội nghị , , biển'>")
      assert.equal("Báo Mẫu", art.site_name)
      assert.equal("https://baomau.example.vn/tin/a-123.html", art.url)
      assert.equal("https://baomau.example.vn/img/top.jpg", art.top_image)
      assert.same({ "kinh tế", "hội nghị", "biển" }, art.tags)
      assert.equal("vi", art.lang)
      assert.is_true(art.word_count > 50)
    end)
    it("reads the language from <html lang>", function()
      local art = assert(sapo.extract("<html lang='en-GB'><body><article><p>" .. ("The summit closed today. "):rep(40) ..
        "</p></article></body></html>"))
      assert.equal("en-GB", art.lang)
    end)
  end)
end)
