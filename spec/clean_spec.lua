-- One spec per cleaning rule of csrc/core/clean.c, on small pages written
-- for the rule: the body must stay, the boilerplate must go.
local sapo = require "sapo"

local P = {
  "Thủ tướng Chính phủ vừa ký quyết định phê duyệt đề án phát triển kinh tế số đến năm 2030, với mục tiêu kinh tế số chiếm 30% GDP.",
  "Theo đề án, các bộ, ngành và địa phương sẽ tập trung xây dựng hạ tầng số, phát triển nguồn nhân lực và thúc đẩy doanh nghiệp công nghệ.",
  "Đề án cũng đặt mục tiêu đến năm 2030, 100% dịch vụ công đủ điều kiện được cung cấp trực tuyến toàn trình cho người dân và doanh nghiệp.",
  "Các chuyên gia đánh giá đây là bước đi cần thiết để nâng cao năng lực cạnh tranh của nền kinh tế trong bối cảnh chuyển đổi số toàn cầu.",
}

local function page(inner, head)
  return "<html><head><title>Đề án kinh tế số | Báo Mẫu</title>" .. (head or "") .. "</head><body>" ..
    "<nav><a href='/'>Trang chủ</a> <a href='/kt'>Kinh tế</a></nav>" ..
    "<article class='detail'>" .. inner .. "</article>" ..
    "<footer>© Báo Mẫu 2024</footer></body></html>"
end

local function paras(from, to)
  local t = {}
  for i = from or 1, to or #P do t[#t + 1] = "<p>" .. P[i] .. "</p>" end
  return table.concat(t)
end

local function extract(html, opts)
  return assert(sapo.extract(html, opts or { url = "https://baomau.example.vn/a.html" }))
end

local function body_ok(art)
  for _, p in ipairs(P) do assert.truthy(art.text:find(p, 1, true), "lost: " .. p) end
end

describe("cleaning inside the article", function()
  it("drops inline 'Đọc thêm:' / 'Read more:' link lines", function()
    local art = extract(page(paras(1, 2) .. "<p><strong>Đọc thêm:</strong> <a href='/x'>Giá vàng hôm nay tăng mạnh</a></p>" ..
      "<p>READ MORE: <a href='/y'>Markets rally on tech earnings</a></p>" .. paras(3, 4)))
    body_ok(art)
    assert.is_nil(art.text:find("Giá vàng hôm nay", 1, true))
    assert.is_nil(art.text:find("Markets rally", 1, true))
  end)

  it("drops follow and share widgets", function()
    local art = extract(page(paras(1, 2) .. "<div class='fl'>Theo dõi Báo Mẫu trên <a href='#'>Google News</a></div>" ..
      "<p>Chia sẻ <a href='#'>Facebook</a> <a href='#'>Zalo</a></p><p>Share on <a href='#'>Twitter</a></p>" .. paras(3, 4)))
    body_ok(art)
    assert.is_nil(art.text:find("Theo dõi Báo Mẫu", 1, true))
    assert.is_nil(art.text:find("Chia sẻ", 1, true))
    assert.is_nil(art.text:find("Share on", 1, true))
  end)

  it("drops a social bar that names itself so, however indented its markup", function()
    local pad = "\n" .. (" "):rep(40)
    local items = {}
    for _, w in ipairs { "Bình luận", "E-Mail", "Chia sẻ", "Thêm", "Twitter", "In bài", "Góp ý", "Báo lỗi" } do
      items[#items + 1] = pad .. "<li class='x'>" .. pad .. "<a href='#'>" .. pad .. "</a>" .. pad .. "<span>" .. w .. "</span>" .. pad .. "</li>"
    end
    local art = extract(page("<div id='article-social-holder'><ul id='article-social'>" .. table.concat(items) ..
      "</ul></div>" .. paras()))
    body_ok(art)
    for _, w in ipairs { "E-Mail", "Twitter", "Báo lỗi" } do assert.is_nil(art.text:find(w, 1, true), w) end
  end)

  it("drops the author's box after the text, not an author's note", function()
    local BOX = "<div class='author-container column'><div class='author-pic-name-wrapper'><a href='/a/1'>Nguyễn Thu Hà</a>" ..
      "</div><p>Phóng viên</p><p class='author-description typo-short-text'>Phụ trách mảng kinh tế số từ năm 2019, " ..
      "từng đoạt giải Báo chí quốc gia, quan tâm tới chuyển đổi số, hạ tầng dữ liệu và đời sống của người lao động.</p></div>"
    local art = extract(page(paras() .. BOX))
    body_ok(art)
    assert.is_nil(art.text:find("Phụ trách mảng", 1, true))
    assert.is_nil(art.text:find("Phóng viên", 1, true))
    -- an "author's note" is no box
    art = extract(page(paras() .. "<div class='author-note'><p>Bài viết thể hiện quan điểm riêng của tác giả, không nhất thiết phản ánh quan điểm của tòa soạn hay của các cơ quan được nhắc tới.</p></div>"))
    assert.truthy(art.text:find("quan điểm riêng", 1, true))
  end)

  it("keeps 'Theo dõi' when it is ordinary text", function()
    local art = extract(page(paras(1, 2) .. "<p>Theo dõi sát diễn biến thị trường là yêu cầu với mọi doanh nghiệp.</p>" .. paras(3, 4)))
    assert.truthy(art.text:find("Theo dõi sát diễn biến", 1, true))
  end)

  it("drops a related-stories section with its teasers", function()
    local art = extract(page(paras() .. "<h3>Tin liên quan</h3><p><a href='/a'>Xuất khẩu tăng trưởng</a></p>" ..
      "<p><a href='/b'>Doanh nghiệp số bứt phá</a></p>"))
    body_ok(art)
    assert.is_nil(art.text:find("Tin liên quan", 1, true))
    assert.is_nil(art.text:find("Xuất khẩu tăng trưởng", 1, true))
  end)

  it("drops a teaser list that ends the article", function()
    local art = extract(page(paras() .. "<ul><li><a href='/a'>Giá xăng tăng lần thứ ba liên tiếp</a></li>" ..
      "<li><a href='/b'>Xăng E5 sẽ thay thế xăng khoáng?</a></li></ul>"))
    body_ok(art)
    assert.is_nil(art.text:find("Giá xăng tăng", 1, true))
  end)

  it("keeps a list of links inside the text (a table of contents)", function()
    local art = extract(page(paras(1, 2) .. "<ul><li><a href='#a'>Mục tiêu</a></li><li><a href='#b'>Giải pháp</a></li>" ..
      "<li><a href='#c'>Tổ chức thực hiện</a></li></ul>" .. paras(3, 4)))
    assert.truthy(art.text:find("Tổ chức thực hiện", 1, true))
  end)

  it("drops comment sections", function()
    local art = extract(page(paras() .. "<div class='box_comment'><p>Bạn đọc Hoàng Long: mong đề án sớm đi vào cuộc sống, " ..
      "nhất là ở vùng sâu vùng xa nơi hạ tầng còn yếu.</p></div>"))
    body_ok(art)
    assert.is_nil(art.text:find("Hoàng Long", 1, true))
  end)

  it("moves captions to images, once, and never repeats the alt text", function()
    local art = extract(page(paras(1, 2) ..
      "<table class='image'><tr><td><img src='/a.jpg' alt='Quang cảnh hội nghị.'></td></tr>" ..
      "<tr><td>Quang cảnh hội nghị.</td></tr></table>" ..
      "<figure><img src='/b.jpg' alt='b'><figcaption>Lãnh đạo các bộ dự họp. Ảnh: TTXVN</figcaption></figure>" ..
      "<p><img src='/c.jpg' alt='Biểu đồ tăng trưởng'></p><p class='caption'>Biểu đồ tăng trưởng kinh tế số.</p>" ..
      paras(3, 4)))
    body_ok(art)
    assert.equal(3, #art.images)
    assert.equal("https://baomau.example.vn/a.jpg", art.images[1].src)
    assert.equal("Quang cảnh hội nghị.", art.images[1].caption)
    assert.is_nil(art.images[1].alt)                       -- alt equal to the caption: kept once
    assert.equal("Lãnh đạo các bộ dự họp.", art.images[2].caption)
    assert.equal("TTXVN", art.images[2].credit)
    assert.equal("Biểu đồ tăng trưởng kinh tế số.", art.images[3].caption)
    assert.equal("Biểu đồ tăng trưởng", art.images[3].alt)
    for _, c in ipairs({ "Quang cảnh hội nghị", "Lãnh đạo các bộ", "Biểu đồ tăng trưởng" }) do
      assert.is_nil(art.text:find(c, 1, true), "caption in text: " .. c)
    end
    local kept = extract(page(paras(1, 2) .. "<figure><img src='/b.jpg'><figcaption>Lãnh đạo các bộ dự họp.</figcaption></figure>" ..
      paras(3, 4)), { keep_captions = true })
    assert.truthy(kept.text:find("Lãnh đạo các bộ dự họp.", 1, true))
  end)

  it("takes the right-aligned bold name at the end as the byline", function()
    local art = extract(page(paras() .. "<p style='text-align: right;'><strong>Phạm Bích</strong></p>"))
    body_ok(art)
    assert.equal("Phạm Bích", art.byline)
    assert.is_nil(art.text:find("Phạm Bích", 1, true))
  end)

  it("takes a 'Theo ...' source line at the end when there is no author", function()
    local art = extract(page(paras() .. "<p><em>Theo Reuters</em></p>"))
    assert.equal("Reuters", art.byline)
    assert.is_nil(art.text:find("Theo Reuters", 1, true))
  end)

  it("moves a date line at the top to the date", function()
    local art = extract(page("<p class='date'>Thứ năm, 25/4/2024, 10:30 (GMT+7)</p>" .. paras()))
    body_ok(art)
    assert.equal("2024-04-25T10:30:00+07:00", art.date)
    assert.is_nil(art.text:find("25/4/2024", 1, true))
  end)

  it("finds the lead (sapo) before the article and puts it first", function()
    local html = "<html><head><title>T</title></head><body><h1>Đề án kinh tế số</h1>" ..
      "<h2 class='detail-sapo'>Chính phủ đặt mục tiêu kinh tế số chiếm 30% GDP vào năm 2030, với hàng loạt giải pháp đồng bộ.</h2>" ..
      "<div class='detail-content'>" .. paras() .. "</div></body></html>"
    local art = extract(html)
    assert.equal("Chính phủ đặt mục tiêu kinh tế số chiếm 30% GDP vào năm 2030, với hàng loạt giải pháp đồng bộ.", art.lead)
    assert.truthy(art.text:find("^Chính phủ đặt mục tiêu"))
    body_ok(art)
  end)

  it("finds a lead <div> before the article (a div the scorer turned into a paragraph)", function()
    local html = "<html><head><title>T</title></head><body><h1>Đề án</h1><div class='sapo'>" ..
      "Chính phủ đặt mục tiêu kinh tế số chiếm 30% GDP vào năm 2030, với nhiều giải pháp đồng bộ.</div>" ..
      "<div class='detail-content'>" .. paras() .. "</div></body></html>"
    local art = extract(html)
    assert.equal("Chính phủ đặt mục tiêu kinh tế số chiếm 30% GDP vào năm 2030, với nhiều giải pháp đồng bộ.", art.lead)
    assert.truthy(art.text:find("^Chính phủ đặt mục tiêu"))
  end)

  it("finds leads whose class is camelCase (ArticleLead) or a compound (singular-sapo)", function()
    for _, cls in ipairs({ "ArticleLead", "singular-sapo", "the-article-summary" }) do
      local html = "<html><head><title>T</title></head><body><h1>Đề án</h1><p class='" .. cls .. "'>" ..
        "Chính phủ đặt mục tiêu kinh tế số chiếm 30% GDP vào năm 2030, với nhiều giải pháp đồng bộ.</p>" ..
        "<div class='detail-content'>" .. paras() .. "</div></body></html>"
      assert.equal("Chính phủ đặt mục tiêu kinh tế số chiếm 30% GDP vào năm 2030, với nhiều giải pháp đồng bộ.",
        extract(html).lead, cls)
    end
  end)

  it("uses the description as the lead only when it is the first paragraph, not an excerpt", function()
    local full = extract(page(paras(), "<meta name='description' content='" .. P[1] .. "'>"))
    assert.equal(P[1], full.lead)
    local cut = extract(page(paras(), "<meta name='description' content='Thủ tướng Chính phủ vừa ký quyết định...'>"))
    assert.is_nil(cut.lead)
  end)

  it("drops short link-only navigation at the edges of the article", function()
    local art = extract(page("<p><a href='/a'>Kinh tế</a> / <a href='/b'>Số hóa</a></p>" .. paras() ..
      "<p><a href='/c'>Về đầu trang</a></p>"))
    body_ok(art)
    assert.is_nil(art.text:find("Số hóa", 1, true))
    assert.is_nil(art.text:find("Về đầu trang", 1, true))
  end)

  it("never empties an article", function()
    local art = extract("<html><body><article>" .. string.rep("<p><a href='/x'>" .. P[1] .. "</a></p>", 6) ..
      "</article></body></html>")
    assert.truthy(art.text:find(P[1], 1, true))
  end)
end)
