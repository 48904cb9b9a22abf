-- spec/support/vi_pages.lua: Vietnamese news pages built for the page
-- conventions most Vietnamese sites share (issue 22), on six site
-- structures that bench/corpus-vi does not use, in five encodings.
--
-- Every page carries the same traps in its own markup: a "today" bar in
-- the site header, teasers with their own dates, the publisher's name as
-- <meta name=author>, the author's signature at the end (right-aligned
-- and/or bold, sometimes followed by a photo credit or a source line), a
-- box of bare headline links between two paragraphs, and a list of dated
-- teasers after the last paragraph in the same container.  VI.pages()
-- returns {id, html, expect = {title, byline, date, lead, paras, absent}}
-- where html is in the page's encoding and the expectations in UTF-8.
local vi = require "sapo.vi"

local VI = {}

local SYLLABLES = {
  "người", "dân", "thành", "phố", "tỉnh", "huyện", "xã", "đường", "cầu", "sông", "nước", "điện", "trường",
  "học", "sinh", "giáo", "viên", "bệnh", "viện", "bác", "sĩ", "nông", "dân", "lúa", "gạo", "cà", "phê",
  "giá", "vàng", "thị", "trường", "doanh", "nghiệp", "xuất", "khẩu", "lao", "động", "công", "nhân", "nhà",
  "máy", "dự", "án", "kinh", "phí", "ngân", "sách", "chính", "quyền", "địa", "phương", "mùa", "mưa", "bão",
  "lũ", "hạn", "mặn", "rừng", "biển", "đảo", "cảng", "tàu", "xe", "buýt", "đô", "thị", "du", "lịch",
  "khách", "sạn", "lễ", "hội", "văn", "hóa", "thể", "thao", "bóng", "đá", "cầu", "thủ", "huấn", "luyện",
}

-- n syllables of deterministic prose (an LCG picks them; commas now and then)
local function words(seed, n)
  local out, x = {}, (seed * 2654435761) % 2147483647
  for i = 1, n do
    x = (x * 48271) % 2147483647
    local w = SYLLABLES[x % #SYLLABLES + 1]
    if i == 1 then w = vi.nfc(w:gsub("^[%z\1-\127\194-\244][\128-\191]*", string.upper)) end
    if i % 11 == 0 and i < n then w = w .. "," end
    out[#out + 1] = w
  end
  return table.concat(out, " ")
end
VI.words = words

local function sentence(seed, n) return words(seed, n) .. "." end

local function para(seed)
  local s = {}
  for k = 1, 3 + seed % 3 do s[#s + 1] = sentence(seed * 17 + k, 14 + (seed + k) % 9) end
  return table.concat(s, " ")
end

-- the "Title (10/01/2024)" teasers of a related list, and their snippets
local function teasers(seed, n)
  local out = {}
  for i = 1, n do
    out[i] = {title = words(seed * 7 + i, 9 + i % 3), date = string.format("%02d/%02d/2024", i + 3, (i % 3) + 1),
              snippet = sentence(seed * 11 + i, 22), href = string.format("/tin-%d-%d.html", seed, i)}
  end
  return out
end

local function links(seed, n)
  local out = {}
  for i = 1, n do out[i] = {title = words(seed * 13 + i, 8 + i % 4), href = string.format("/bai-%d-%d.html", seed, i)} end
  return out
end

local MENU = {"Thời sự", "Thế giới", "Kinh doanh", "Giải trí", "Thể thao", "Pháp luật", "Giáo dục", "Sức khỏe"}

local function menu(fmt)
  local out = {}
  for i, m in ipairs(MENU) do out[#out + 1] = string.format(fmt, i, m) end
  return table.concat(out)
end

-- ===== THE ARTICLE EVERY STRUCTURE LAYS OUT =====

local function article(seed, site, author)
  local a = {seed = seed, site = site, author = author}
  a.title = words(seed * 3, 12) -- no full stop: a headline
  a.lead = sentence(seed * 5, 26)
  a.paras = {}
  for i = 1, 6 do a.paras[i] = para(seed * 100 + i) end
  a.subhead = words(seed * 9, 6)
  a.caption = sentence(seed * 19, 10)
  a.inline = links(seed, 3)
  a.related = teasers(seed, 5)
  a.sidebar = teasers(seed + 50, 4)
  a.today = "Thứ sáu, 23/1/2026"
  a.credit = "Ảnh: Hoàng Hà"
  a.source = "Theo Thông tấn xã Việt Nam"
  return a
end

-- the strings that must not reach the article's text
local function absent(a, extra)
  local out = {a.today, "Phiên bản di động", "Bản quyền thuộc về", a.credit, a.source, a.author, MENU[3]}
  for _, l in ipairs(a.inline) do out[#out + 1] = l.title end
  for _, t in ipairs(a.related) do out[#out + 1] = t.title; out[#out + 1] = t.snippet end
  for _, t in ipairs(a.sidebar) do out[#out + 1] = t.title end
  for _, s in ipairs(extra or {}) do out[#out + 1] = s end
  return out
end

local function esc(s) return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;")) end

local FOOTER_TEXT = "Bản quyền thuộc về tòa soạn. Phiên bản di động"

-- ===== SIX STRUCTURES =====

-- 1. A table layout of the 2000s: the text in one cell, paragraphs
-- separated by <br><br>, a right-aligned bold signature, and "Các tin
-- liên quan:" with dated links in the same cell.
local function table_layout(a)
  local p = {}
  p[#p + 1] = "<html><head><title>" .. esc(a.title) .. " - " .. a.site .. "</title>"
  p[#p + 1] = '<meta name="author" content="' .. a.site .. '"></head><body>'
  p[#p + 1] = '<table width="980" border="0"><tr><td colspan="2" class="top">' .. a.today ..
    ' | <a href="/">Trang chủ</a></td></tr><tr><td width="200" valign="top" class="left">' ..
    menu('<a href="/m/%d">%s</a><br>') .. "</td><td valign=\"top\" class=\"main\">"
  p[#p + 1] = '<span class="tieude">' .. esc(a.title) .. "</span><br>"
  p[#p + 1] = '<span class="ngay">Cập nhật lúc 10:30, Thứ năm, 25/04/2024</span><br><br>'
  p[#p + 1] = "<b>" .. esc(a.lead) .. "</b><br><br>"
  for i = 1, 3 do p[#p + 1] = esc(a.paras[i]) .. "<br><br>" end
  p[#p + 1] = '<table align="center"><tr><td><img src="/anh/' .. a.seed .. '.jpg"></td></tr><tr><td><i>' ..
    esc(a.caption) .. "</i></td></tr></table><br>"
  p[#p + 1] = "<b>Xem thêm:</b><br>"
  for _, l in ipairs(a.inline) do p[#p + 1] = '<a href="' .. l.href .. '">' .. esc(l.title) .. "</a><br>" end
  p[#p + 1] = "<br>"
  for i = 4, 6 do p[#p + 1] = esc(a.paras[i]) .. "<br><br>" end
  p[#p + 1] = '<p align="right"><b>' .. a.author .. "</b></p>"
  p[#p + 1] = "<b>Các tin liên quan:</b><br>"
  for _, t in ipairs(a.related) do
    p[#p + 1] = '<a href="' .. t.href .. '">' .. esc(t.title) .. "</a> <i>(" .. t.date .. ")</i><br>"
  end
  p[#p + 1] = "</td></tr></table>"
  p[#p + 1] = '<table width="980"><tr><td class="sidebar">'
  for _, t in ipairs(a.sidebar) do p[#p + 1] = '<a href="' .. t.href .. '">' .. esc(t.title) .. "</a> (" .. t.date .. ")<br>" end
  p[#p + 1] = '</td></tr><tr><td class="bottom">' .. FOOTER_TEXT .. "</td></tr></table></body></html>"
  return table.concat(p, "\n"), {date = "2024-04-25T10:30"}
end

-- 2. A div layout with a "time-now" bar, the date line under the headline,
-- the lead in an <h2>, a box of bare links mid-body without a known class,
-- the signature in a right-aligned paragraph, then a photo credit and a
-- source line, then "Tin khác" teasers with snippets in the same column.
local function div_layout(a)
  local p = {}
  p[#p + 1] = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>' .. esc(a.title) .. " | " ..
    a.site .. "</title>"
  p[#p + 1] = '<meta property="og:site_name" content="' .. a.site .. '"><meta name="author" content="' .. a.site .. '">'
  p[#p + 1] = '<link rel="canonical" href="https://' .. a.site:lower() .. '.example.vn/tin/' .. a.seed .. '.html"></head><body>'
  p[#p + 1] = '<div class="header"><div class="time-now">' .. a.today .. '</div><ul class="nav">' ..
    menu('<li><a href="/c/%d">%s</a></li>') .. "</ul></div>"
  p[#p + 1] = '<div class="wrap"><div class="col-left"><div class="detail">'
  p[#p + 1] = '<h1 class="title-detail">' .. esc(a.title) .. "</h1>"
  p[#p + 1] = '<div class="date-time">Thứ năm, 25/4/2024, 10:30 (GMT+7)</div>'
  p[#p + 1] = '<h2 class="sapo">' .. esc(a.lead) .. "</h2>"
  p[#p + 1] = '<div class="content">'
  for i = 1, 2 do p[#p + 1] = "<p>" .. esc(a.paras[i]) .. "</p>" end
  p[#p + 1] = '<div class="vbx"><ul>'
  for _, l in ipairs(a.inline) do p[#p + 1] = '<li><a href="' .. l.href .. '">' .. esc(l.title) .. "</a></li>" end
  p[#p + 1] = "</ul></div>"
  p[#p + 1] = "<p>" .. esc(a.paras[3]) .. "</p><h3>" .. esc(a.subhead) .. "</h3>"
  p[#p + 1] = '<figure><img src="/anh/' .. a.seed .. '.jpg" alt=""><figcaption>' .. esc(a.caption) .. "</figcaption></figure>"
  for i = 4, 6 do p[#p + 1] = "<p>" .. esc(a.paras[i]) .. "</p>" end
  p[#p + 1] = '<p style="text-align:right"><strong>' .. a.author .. "</strong></p>"
  p[#p + 1] = "<p><em>" .. a.credit .. "</em></p><p>" .. a.source .. "</p>"
  p[#p + 1] = '<div class="other"><h3>Tin khác</h3>'
  for _, t in ipairs(a.related) do
    p[#p + 1] = '<div class="it"><h4><a href="' .. t.href .. '">' .. esc(t.title) .. "</a></h4><p>" ..
      esc(t.snippet) .. "</p></div>"
  end
  p[#p + 1] = "</div></div></div></div>"
  p[#p + 1] = '<div class="col-right"><div class="box">'
  for _, t in ipairs(a.sidebar) do
    p[#p + 1] = '<div class="it"><a href="' .. t.href .. '">' .. esc(t.title) .. '</a><span>' .. t.date .. "</span></div>"
  end
  p[#p + 1] = '</div></div></div><div class="footer">' .. FOOTER_TEXT .. "</div></body></html>"
  return table.concat(p, "\n"), {date = "2024-04-25T10:30:00+07:00"}
end

-- 3. An <article> layout: a "date-now" bar, the date line in the article's
-- header, the signature as <p class="author"> followed by the source
-- line, and "Tin cùng chuyên mục" with dated teasers inside the <article>.
local function article_layout(a, charset)
  local p = {}
  p[#p + 1] = '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=' ..
    charset .. '"><title>' .. esc(a.title) .. "</title>"
  p[#p + 1] = '<meta name="author" content="' .. a.site .. '"><meta property="og:url" content="https://www.' ..
    a.site:lower() .. '.vn/bai/' .. a.seed .. '"></head><body>'
  p[#p + 1] = '<header><span class="date-now">' .. a.today .. '</span><nav>' .. menu('<a href="/s/%d">%s</a> ') ..
    "</nav></header><main>"
  p[#p + 1] = '<article class="post"><header><h1>' .. esc(a.title) .. '</h1><p class="meta"><span class="cat">' ..
    MENU[2] .. '</span> - <span class="time">25/04/2024 10:30</span></p></header>'
  p[#p + 1] = '<p class="lead"><strong>' .. esc(a.lead) .. "</strong></p>"
  for i = 1, 3 do p[#p + 1] = "<p>" .. esc(a.paras[i]) .. "</p>" end
  p[#p + 1] = '<table class="tbl"><tr><td>'
  for _, l in ipairs(a.inline) do p[#p + 1] = '<p><a href="' .. l.href .. '">' .. esc(l.title) .. "</a></p>" end
  p[#p + 1] = "</td></tr></table>"
  for i = 4, 6 do p[#p + 1] = "<p>" .. esc(a.paras[i]) .. "</p>" end
  p[#p + 1] = '<p class="author">' .. a.author .. '</p><p class="source">' .. a.source .. "</p>"
  p[#p + 1] = '<section class="more"><h2>Tin cùng chuyên mục</h2><ul>'
  for _, t in ipairs(a.related) do
    p[#p + 1] = '<li><a href="' .. t.href .. '">' .. esc(t.title) .. "</a> (" .. t.date .. ")</li>"
  end
  p[#p + 1] = "</ul></section></article><aside>"
  for _, t in ipairs(a.sidebar) do
    p[#p + 1] = '<div><a href="' .. t.href .. '">' .. esc(t.title) .. "</a><time>" .. t.date .. "</time></div>"
  end
  p[#p + 1] = "</aside></main><footer>" .. FOOTER_TEXT .. "</footer></body></html>"
  return table.concat(p, "\n"), {date = "2024-04-25T10:30"}
end

-- 4. A font-tag layout in a legacy font encoding: <font face> on every
-- text run, the signature in <div align="right"><b>, "Các tin đã đưa"
-- with the dates in parentheses.
local function font_layout(a, face)
  local function f(s) return '<font face="' .. face .. '">' .. s .. "</font>" end
  local p = {}
  p[#p + 1] = "<html><head><title>" .. esc(a.title) .. "</title></head><body>"
  p[#p + 1] = '<div id="top">' .. f(a.today) .. "<br>" .. menu('<a href="/d/%d">' .. f("%s") .. "</a> ") .. "</div>"
  p[#p + 1] = '<div id="noidung"><div class="tit">' .. f("<b>" .. esc(a.title) .. "</b>") .. "</div>"
  p[#p + 1] = '<div class="ngaydang">' .. f("Thứ Năm, 25/04/2024 - 10:30") .. "</div>"
  p[#p + 1] = "<p>" .. f("<b><i>" .. esc(a.lead) .. "</i></b>") .. "</p>"
  for i = 1, 3 do p[#p + 1] = "<p>" .. f(esc(a.paras[i])) .. "</p>" end
  p[#p + 1] = "<ul>"
  for _, l in ipairs(a.inline) do p[#p + 1] = '<li><a href="' .. l.href .. '">' .. f(esc(l.title)) .. "</a></li>" end
  p[#p + 1] = "</ul>"
  for i = 4, 6 do p[#p + 1] = "<p>" .. f(esc(a.paras[i])) .. "</p>" end
  p[#p + 1] = '<div align="right"><b>' .. f(a.author) .. "</b></div>"
  p[#p + 1] = "<p>" .. f("<i>" .. a.credit .. "</i>") .. "</p>"
  p[#p + 1] = "<br>" .. f("<b>Các tin đã đưa</b>") .. "<br>"
  for _, t in ipairs(a.related) do
    p[#p + 1] = '<a href="' .. t.href .. '">' .. f(esc(t.title)) .. "</a> " .. f("(" .. t.date .. ")") .. "<br>"
  end
  p[#p + 1] = '</div><div id="phai">'
  for _, t in ipairs(a.sidebar) do p[#p + 1] = '<a href="' .. t.href .. '">' .. f(esc(t.title)) .. "</a><br>" end
  p[#p + 1] = '</div><div id="chan">' .. f(FOOTER_TEXT) .. "</div></body></html>"
  return table.concat(p, "\n"), {date = "2024-04-25T10:30"}
end

-- 5. A <section> layout written in decomposed Unicode (NFD), with JSON-LD
-- naming the publisher as the author, the lead in a "summary" div, the
-- signature bold and italic in a "text-right" paragraph.
local function section_layout(a)
  local ld = '{"@context":"https://schema.org","@type":"NewsArticle","headline":"' .. a.title ..
    '","datePublished":"2024-04-25T10:30:00+07:00","author":{"@type":"Organization","name":"' .. a.site ..
    '"},"publisher":{"@type":"Organization","name":"' .. a.site .. '"}}'
  local p = {}
  p[#p + 1] = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>' .. esc(a.title) .. " - " ..
    a.site .. '</title><script type="application/ld+json">' .. ld .. "</script></head><body>"
  p[#p + 1] = '<div class="topbar"><span class="today">' .. a.today .. '</span></div><div class="menu">' ..
    menu('<a href="/x/%d">%s</a>') .. "</div>"
  p[#p + 1] = '<div class="container"><section class="detail-main"><div class="breadcrumb"><a href="/">' ..
    MENU[4] .. "</a></div><h1>" .. esc(a.title) .. "</h1>"
  p[#p + 1] = '<div class="summary">' .. esc(a.lead) .. "</div><div class=\"body-text\">"
  for i = 1, 2 do p[#p + 1] = "<p>" .. esc(a.paras[i]) .. "</p>" end
  p[#p + 1] = '<div class="x1"><p><strong>Đọc thêm:</strong></p><ul>'
  for _, l in ipairs(a.inline) do p[#p + 1] = '<li><a href="' .. l.href .. '">' .. esc(l.title) .. "</a></li>" end
  p[#p + 1] = "</ul></div>"
  for i = 3, 6 do p[#p + 1] = "<p>" .. esc(a.paras[i]) .. "</p>" end
  p[#p + 1] = '<p class="text-right"><strong><em>' .. a.author .. "</em></strong></p>"
  p[#p + 1] = "<p>" .. a.source .. "</p></div>"
  p[#p + 1] = '<div class="lq"><div class="lq-title">Các tin liên quan:</div>'
  for _, t in ipairs(a.related) do
    p[#p + 1] = '<div class="lq-item"><a href="' .. t.href .. '">' .. esc(t.title) .. "</a><p>" .. esc(t.snippet) .. "</p></div>"
  end
  p[#p + 1] = "</div></section><section class=\"side\">"
  for _, t in ipairs(a.sidebar) do p[#p + 1] = '<p><a href="' .. t.href .. '">' .. esc(t.title) .. "</a> " .. t.date .. "</p>" end
  p[#p + 1] = "</section></div><div class=\"ft\">" .. FOOTER_TEXT .. "</div></body></html>"
  return table.concat(p, "\n"), {date = "2024-04-25T10:30:00+07:00"}
end

-- 6. A mobile page with no metadata at all: the sidebar's dated teasers
-- come before the article in the markup, the date line follows the
-- headline, the signature is <p align="right"><b> with a credit line
-- after it, "Tin cùng chuyên mục" teasers follow in the same div.
local function mobile_layout(a, charset)
  local p = {}
  p[#p + 1] = '<html><head><meta charset="' .. charset .. '"><title>' .. esc(a.title) .. "</title></head><body>"
  p[#p + 1] = '<div class="m-header"><div class="ngay-hom-nay">' .. a.today .. '</div><a href="/">' .. a.site .. "</a></div>"
  p[#p + 1] = '<div class="m-hot">'
  for _, t in ipairs(a.sidebar) do p[#p + 1] = '<div class="m-it"><a href="' .. t.href .. '">' .. esc(t.title) ..
    "</a> <span>" .. t.date .. " 08:00</span></div>" end
  p[#p + 1] = '</div><div class="m-body"><h1>' .. esc(a.title) .. "</h1>"
  p[#p + 1] = '<div class="m-date">25/04/2024 10:30 GMT+7</div>'
  p[#p + 1] = '<p class="m-sapo"><b>' .. esc(a.lead) .. "</b></p>"
  for i = 1, 4 do p[#p + 1] = "<p>" .. esc(a.paras[i]) .. "</p>" end
  p[#p + 1] = '<div class="m-box">'
  for _, l in ipairs(a.inline) do p[#p + 1] = '<div><a href="' .. l.href .. '">' .. esc(l.title) .. "</a></div>" end
  p[#p + 1] = "</div>"
  for i = 5, 6 do p[#p + 1] = "<p>" .. esc(a.paras[i]) .. "</p>" end
  p[#p + 1] = '<p align="right"><b>' .. a.author .. "</b></p><p>" .. a.credit .. "</p>"
  p[#p + 1] = "<p><b>Tin cùng chuyên mục</b></p>"
  for _, t in ipairs(a.related) do
    p[#p + 1] = '<p><a href="' .. t.href .. '">' .. esc(t.title) .. "</a> (" .. t.date .. ")</p>"
  end
  p[#p + 1] = '</div><div class="m-foot">' .. FOOTER_TEXT .. "</div></body></html>"
  return table.concat(p, "\n"), {date = "2024-04-25T10:30:00+07:00"}
end

-- ===== THE PAGES =====

-- structure, encoding (how the bytes are written), the author and the site
local PLAN = {
  {"table-tcvn3", table_layout, "tcvn3", "Tâm Giao", "BaoCu"},
  {"table-utf8", table_layout, "utf-8", "Ngọc Lan", "TinNhanh"},
  {"div-utf8", div_layout, "utf-8", "Minh Anh", "DoiSong"},
  {"div-nfd", div_layout, "nfd", "Thu Hằng", "NhipSong"},
  {"article-cp1258", article_layout, "windows-1258", "Đức Minh", "BaoMoi"},
  {"article-utf8", article_layout, "utf-8", "Lê Văn Tám", "TinTuc"},
  {"font-vni", font_layout, "vni", "Hồng Nhung", "VanNghe"},
  {"font-tcvn3", font_layout, "tcvn3", "Quốc Việt", "NongThon"},
  {"section-nfd", section_layout, "nfd", "Phạm Hải", "KhoaHoc"},
  {"section-utf8", section_layout, "utf-8", "Bảo Châu", "ThoiBao"},
  {"mobile-viscii", mobile_layout, "viscii", "Trần Hùng", "DiDong"},
  {"mobile-cp1258", mobile_layout, "windows-1258", "Kim Oanh", "TinNhanh24"},
}

local FACES = {tcvn3 = ".VnTime", vni = "VNI-Times"}

-- decomposed Vietnamese (NFD): every letter with a mark written as its
-- base letter and combining marks, the table built by composing them
local NFD
local function nfd(s)
  if not NFD then
    NFD = {}
    local BASES = {"a", "a\204\134", "a\204\130", "e", "e\204\130", "i", "o", "o\204\130", "o\204\155",
                   "u", "u\204\155", "y"}
    local TONES = {"", "\204\128", "\204\129", "\204\137", "\204\131", "\204\163"}
    for _, b in ipairs(BASES) do
      for _, up in ipairs({false, true}) do
        local base = up and (b:sub(1, 1):upper() .. b:sub(2)) or b
        for _, t in ipairs(TONES) do
          local d = base .. t
          local c = vi.nfc(d)
          if c ~= d then NFD[c] = d end
        end
      end
    end
  end
  return (s:gsub("[\195-\225][\128-\191]+", function(ch) return NFD[ch] end))
end

local function encode(html, enc)
  if enc == "utf-8" then return html end
  if enc == "nfd" then return nfd(html) end
  local out = assert(vi.encode(html, enc == "windows-1258" and "cp1258" or enc))
  assert(select(2, out:gsub("%?", "")) == select(2, html:gsub("%?", "")), "a letter " .. enc .. " lacks")
  return out
end

function VI.pages()
  local out = {}
  for i, plan in ipairs(PLAN) do
    local id, layout, enc, author, site = plan[1], plan[2], plan[3], plan[4], plan[5]
    local a = article(i * 7, site, author)
    -- TCVN3 has no capitals with tone marks (pages set them in .VnTimeH)
    if enc == "tcvn3" then a.credit = "Nguồn ảnh: Hoàng Hà" end
    local charset = (enc == "nfd" or enc == "tcvn3" or enc == "vni") and "utf-8" or enc
    local html, got
    if layout == font_layout then
      html, got = layout(a, FACES[enc] or "Arial")
    elseif layout == table_layout and FACES[enc] then
      -- a font encoding declares no charset: the text runs name the font
      html, got = layout(a)
      html = html:gsub('<body>', '<body><font face="' .. FACES[enc] .. '">', 1):gsub("</body>", "</font></body>", 1)
    else
      html, got = layout(a, charset)
    end
    out[#out + 1] = {
      id = id, encoding = enc, html = encode(html, enc),
      expect = {title = a.title, byline = author, date = got.date, lead = a.lead, paras = a.paras,
                subhead = layout == div_layout and a.subhead or nil,
                absent = absent(a)},
    }
  end
  return out
end

return VI
