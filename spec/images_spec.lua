-- Images: credits split from captions, lazy-loaded sources, absolute URLs
-- against the page's own canonical URL.
local sapo = require "sapo"

local function para(day)
  return "<p>The harbour council voted on " .. day .. " to approve three new ferry routes linking the old port " ..
    "with the northern islands and the airport pier, after a debate that lasted two years.</p>"
end

local function page(figures, head)
  local body = { "<html><head>", head or "", "<title>Ferries</title></head><body><article><h1>Ferries</h1>", para("Monday") }
  for i, f in ipairs(figures) do
    body[#body + 1] = f
    body[#body + 1] = para(({ "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" })[i] or "Sunday")
  end
  body[#body + 1] = "</article></body></html>"
  return table.concat(body)
end

local function fig(src_attrs, caption)
  return "<figure><img " .. src_attrs .. "><figcaption>" .. caption .. "</figcaption></figure>"
end

describe("images", function()
  it("split the photo credit off the caption", function()
    local cases = {
      { "The new ferry leaves the old port. (Photo: Jane Roe)", "The new ferry leaves the old port.", "Jane Roe" },
      { "Passengers board at dawn. REUTERS/John Smith", "Passengers board at dawn.", "REUTERS/John Smith" },
      { "Ảnh: Phương Thảo", nil, "Phương Thảo" },
      { "Công nhân dọn cây đổ trên phố. (Ảnh: Phương Thảo)", "Công nhân dọn cây đổ trên phố.", "Phương Thảo" },
      { "Die Fähre im Hafen. Foto: Max Muster", "Die Fähre im Hafen.", "Max Muster" },
      { "Le ferry au port. Crédit : Marie Dupont", "Le ferry au port.", "Marie Dupont" },
      { "The quay at night (Getty Images)", "The quay at night", "Getty Images" },
      { "The quay at night. © Harbour Authority", "The quay at night.", "Harbour Authority" },
      { "A quiet morning on the quay before the first ferry leaves.", "A quiet morning on the quay before the first ferry leaves.", nil },
    }
    for _, c in ipairs(cases) do
      local art = assert(sapo.extract(page({ fig('src="https://x.example/a.jpg"', c[1]) })))
      local im = art.images[1]
      assert.equal(c[2], im.caption, c[1])
      assert.equal(c[3], im.credit, c[1])
      assert.is_nil(art.text:find(c[3] or "\0", 1, true), "credit in the text: " .. c[1])
    end
  end)

  it("prefer the lazy-loaded picture to a placeholder src", function()
    local art = assert(sapo.extract(page({
      fig('src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://x.example/real-1.jpg"', "One."),
      fig('src="https://x.example/static/blank.gif" data-original="https://x.example/real-2.jpg"', "Two."),
      fig('src="/img/spacer.png" srcset="/img/r3-640.jpg 640w, /img/r3-1600.jpg 1600w, /img/r3-1024.jpg 1024w"', "Three."),
      fig('src="https://x.example/lowres-4.jpg" data-src="https://x.example/real-4.jpg"', "Four."),
      fig('src="https://x.example/plain-5.jpg" srcset="https://x.example/plain-5@2x.jpg 2x"', "Five."),
    }), { url = "https://x.example/a/b.html" }))
    local srcs = {}
    for _, im in ipairs(art.images) do srcs[#srcs + 1] = im.src end
    assert.same({ "https://x.example/real-1.jpg", "https://x.example/real-2.jpg", "https://x.example/img/r3-1600.jpg",
                  "https://x.example/real-4.jpg", "https://x.example/plain-5.jpg" }, srcs)
  end)

  it("resolve against the canonical URL or og:url when opts.url is not given", function()
    local art = assert(sapo.extract(page({ fig('src="/img/a.jpg"', "A.") },
      '<link rel="canonical" href="https://news.example.com/2024/ferries.html">')))
    assert.equal("https://news.example.com/img/a.jpg", art.images[1].src)
    art = assert(sapo.extract(page({ fig('src="img/b.jpg"', "B.") },
      '<meta property="og:url" content="https://news.example.com/2024/ferries.html">')))
    assert.equal("https://news.example.com/2024/img/b.jpg", art.images[1].src)
    -- opts.url wins, and a relative canonical is not a base
    art = assert(sapo.extract(page({ fig('src="/img/c.jpg"', "C.") }, '<link rel="canonical" href="/2024/ferries.html">'),
      { url = "https://other.example/x.html" }))
    assert.equal("https://other.example/img/c.jpg", art.images[1].src)
  end)
end)
