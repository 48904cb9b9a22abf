-- bench/scaling.lua: extraction time against page size (100 KB, 1 MB,
-- 10 MB synthetic news pages: paragraphs, links, a sidebar), to show the
-- cost grows linearly.  Prints ms and MB/s per size and the slope between
-- sizes (time ratio / size ratio: 1.0 is linear).
local sapo = require "sapo"
local PARA = "<p>Hội nghị thượng đỉnh diễn ra trong hai ngày, với sự tham gia của lãnh đạo nhiều nước, " ..
  "<a href='/x'>thảo luận</a> về hợp tác kinh tế, an ninh biển và biến đổi khí hậu.</p>\n"
local SIDE = "<li><a href='/tin'>Tin khác trong ngày</a></li>"
local function page(bytes)
  local parts, n = { "<html><head><title>Trang thử</title></head><body><nav><ul>" }, 0
  for _ = 1, 20 do parts[#parts + 1] = SIDE end
  parts[#parts + 1] = "</ul></nav><article><h1>Trang thử</h1>"
  while n < bytes do
    parts[#parts + 1] = PARA
    n = n + #PARA
    if #parts % 50 == 0 then parts[#parts + 1] = "<div class='ads'><a href='/ad'>Quảng cáo</a></div>" end
  end
  parts[#parts + 1] = "</article><footer>© 2024</footer></body></html>"
  return table.concat(parts)
end
local sizes, times = { 100e3, 1e6, 10e6 }, {}
print("scaling: sapo.extract on synthetic pages (CPU time, best of 3)")
for i, size in ipairs(sizes) do
  local html = page(size)
  local best = math.huge
  for _ = 1, 3 do
    local t0 = os.clock()
    assert(sapo.extract(html, { max_bytes = 64 * 1024 * 1024 }))
    best = math.min(best, os.clock() - t0)
  end
  times[i] = best
  print(string.format("  %8.1f KB  %9.2f ms  %6.1f MB/s%s", #html / 1e3, best * 1000, #html / 1e6 / best,
    i > 1 and string.format("  slope %.2f", (best / times[i - 1]) / (size / sizes[i - 1])) or ""))
end

-- deep trees: nesting 500, 1000, 2000, 4000 (the default max_depth is 4096)
print("scaling: nesting depth (each level holds a paragraph)")
local prev
for _, depth in ipairs({ 500, 1000, 2000, 4000 }) do
  local parts = { "<html><body>" }
  for i = 1, depth do parts[#parts + 1] = "<div><p>Đoạn văn ở tầng " .. i .. ", có dấu phẩy, và đủ dài để được tính điểm.</p>" end
  for _ = 1, depth do parts[#parts + 1] = "</div>" end
  local html = table.concat(parts)
  local best = math.huge
  for _ = 1, 3 do
    local t0 = os.clock()
    sapo.extract(html)
    best = math.min(best, os.clock() - t0)
  end
  print(string.format("  depth %5d  %9.2f ms%s", depth, best * 1000,
    prev and string.format("  slope %.2f", (best / prev[2]) / (depth / prev[1])) or ""))
  prev = { depth, best }
end

-- hostile shapes (issue: work that grows with the square of the input):
-- 10k to 160k images, attributes, links, blocks; the slope between sizes
-- (time ratio / size ratio in log-log: 1.0 is linear, 2.0 quadratic)
local P = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>"
local shapes = {
  { "images", function(n)
      local t = { "<html><body><article>", P:rep(10) }
      for i = 1, n do t[#t + 1] = "<img src='/i" .. i .. ".jpg'>" end
      return table.concat(t) .. "</article></body></html>"
    end },
  { "figures+captions", function(n)
      local t = { "<html><body><article>", P:rep(10) }
      for i = 1, n do t[#t + 1] = "<figure><img src='/f" .. i .. ".jpg'><figcaption>Caption " .. i .. "</figcaption></figure>" end
      return table.concat(t) .. "</article></body></html>"
    end },
  { "attributes (16 an element)", function(n)
      local t = { "<html><body><article>", P:rep(10) }
      for i = 1, n / 16 do
        t[#t + 1] = "<span"
        for k = 1, 16 do t[#t + 1] = " data-a" .. k .. "='" .. i .. "'" end
        t[#t + 1] = ">x</span>"
      end
      return table.concat(t) .. "</article></body></html>"
    end },
  { "attributes (one element, refused)", function(n)
      local t = { "<html><body><article><div" }
      for i = 1, n do t[#t + 1] = " a" .. i .. "='x'" end
      return table.concat(t) .. ">" .. P:rep(10) .. "</div></article></body></html>"
    end },
  { "links", function(n)
      local t = { "<html><body><article>", P:rep(10), "<p>" }
      for i = 1, n do t[#t + 1] = "<a href='/l" .. i .. "'>link " .. i .. "</a> " end
      return table.concat(t) .. "</p></article></body></html>"
    end },
  { "blocks", function(n)
      local t = { "<html><body><article>" }
      for i = 1, n do t[#t + 1] = "<p>Paragraph " .. i .. ", with a comma.</p>" end
      return table.concat(t) .. "</article></body></html>"
    end },
  { "paragraphs of falling lengths", function(n)
      local t = { "<html><body><article>" }
      for i = 1, n do t[#t + 1] = "<p>" .. ("word "):rep(8 + (n - i) % 40) .. "</p>" end
      return table.concat(t) .. "</article></body></html>"
    end },
  { "stray end tags under 2,000 divs", function(n)
      return "<html><body>" .. ("<div>"):rep(2000) .. ("</span>"):rep(n) .. P:rep(10) .. "</body></html>"
    end },
}
print("scaling: hostile shapes, 10k -> 160k items (CPU time, best of 3; slope of each 4x step, and of 10k -> 160k)")
for _, shape in ipairs(shapes) do
  local line, prev, first = { string.format("  %-34s", shape[1]) }, nil, nil
  local slopes = {}
  for _, n in ipairs({ 10000, 40000, 160000 }) do
    local html = shape[2](n)
    local best = math.huge
    for _ = 1, 3 do
      local t0 = os.clock()
      sapo.extract(html, { max_bytes = 1e9, max_nodes = 1e8 })
      best = math.min(best, os.clock() - t0)
    end
    line[#line + 1] = string.format("%8.1f ms", best * 1000)
    first = first or best
    if prev then slopes[#slopes + 1] = math.log(math.max(best, 1e-5) / math.max(prev, 1e-5)) / math.log(4) end
    prev = best
  end
  line[#line + 1] = string.format("  slopes %.2f %.2f  10k->160k %.2f", slopes[1], slopes[2],
    math.log(math.max(prev, 1e-5) / math.max(first, 1e-5)) / math.log(16))
  print(table.concat(line))
end
