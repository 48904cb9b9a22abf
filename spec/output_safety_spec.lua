-- Every output is attacker-controlled input to someone's browser: no URL a
-- page writes may become a script-running href or src in sapo's HTML or
-- Markdown, and no markup of the page may survive as markup.  The page
-- below holds the class of tricks, not one example: every invisible or
-- control character the WHATWG URL parser or sapo's text cleanup removes,
-- raw and as character references, before, inside and after the scheme of
-- javascript:, vbscript: and data:text/html URLs, in every case, in links,
-- images, <base>, the canonical URL and og:image; markup and Markdown
-- syntax in the title, byline, lead, body, captions and code.
local sapo = require "sapo"
local render = require "sapo.render"
local H = require "helper"

local LOREM = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p>"

-- code points a URL parser or sapo's cleanup strips or ignores
local INVISIBLE = {}
for cp = 0x01, 0x20 do INVISIBLE[#INVISIBLE + 1] = cp end
for cp = 0x7F, 0xA0 do INVISIBLE[#INVISIBLE + 1] = cp end
for _, cp in ipairs({ 0xAD, 0x200B, 0x200C, 0x200D, 0x200E, 0x2060, 0xFEFF, 0x2028, 0x3000 }) do
  INVISIBLE[#INVISIBLE + 1] = cp
end

local SCHEMES = { "javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
  "javascript&colon;alert(1)", "javascript&#58;alert(1)", "javascript&#x3a;alert(1)" }

-- every way to hide a scheme: a character (raw or as a reference) before
-- it, after its fourth letter, before its colon
local function hidden_urls()
  local out = {}
  for _, url in ipairs(SCHEMES) do
    out[#out + 1] = url
    local colon = url:find("[:&]")
    for _, cp in ipairs(INVISIBLE) do
      for _, ch in ipairs({ H.char(cp), string.format("&#x%X;", cp), string.format("&#%d;", cp) }) do
        out[#out + 1] = ch .. url
        out[#out + 1] = url:sub(1, 4) .. ch .. url:sub(5)
        out[#out + 1] = url:sub(1, colon - 1) .. ch .. url:sub(colon)
      end
    end
  end
  return out
end

local function attr(v) return (v:gsub('"', "&quot;")) end

local function trick_page(base_href)
  local urls = hidden_urls()
  local parts = {
    "<html><head><title>&lt;script&gt;alert('title')&lt;/script&gt; Headline</title>",
    '<meta property="og:title" content="<img src=x onerror=alert(1)> [t](javascript:alert(1)) Headline">',
    '<meta name="author" content="<script>alert(2)</script> Jane *Doe* [x](javascript:alert(3))">',
    '<meta name="description" content="Lead <b onmouseover=alert(4)>bold</b> `code` ![i](javascript:x)">',
    '<link rel="canonical" href="javascript:alert(5)">',
    '<meta property="og:image" content="javascript:alert(6)">',
    base_href and ('<base href="' .. attr(base_href) .. '">') or "",
    "</head><body><article><h1>&lt;img src=x onerror=alert(7)&gt; Headline</h1>",
    '<p class="sapo">Lead &lt;script&gt;alert(8)&lt;/script&gt; with [brackets](javascript:alert(9)) and a long ' ..
    "sentence that runs on to make it a lead of the article.</p>", LOREM,
  }
  for i, u in ipairs(urls) do
    if i % 25 == 1 then parts[#parts + 1] = "<p>Links of round " .. i .. ", each hiding a scheme:" end
    parts[#parts + 1] = ' <a href="' .. attr(u) .. '">link ' .. i .. "</a>, "
    if i % 25 == 0 then parts[#parts + 1] = " and the words that end the paragraph.</p>" end
  end
  parts[#parts + 1] = " end.</p>"
  for i, u in ipairs(urls) do
    if i % 97 == 0 then parts[#parts + 1] = '<img src="' .. attr(u) .. '" alt="pic ' .. i .. '">' end
  end
  parts[#parts + 1] = table.concat({
    '<p>A link whose href breaks out: <a href="/a)(javascript:alert(10))">paren</a>, ',
    '<a href="/b&#10;[x](javascript:alert(11))">newline</a>, <a href="/c&quot;onmouseover=&quot;alert(12)">quote</a>, ',
    '<a href="/d>&lt;script>alert(13)&lt;/script>">angle</a>, <a href="/e?x=1&amp;y=&amp;lt;">amp</a>.</p>',
    "<p>Text &lt;script&gt;alert(14)&lt;/script&gt; and &lt;img src=x onerror=alert(15)&gt; and *stars* _under_ ",
    "`tick` [bracket](javascript:alert(16)) ![img](javascript:alert(17)) &amp;lt;b&amp;gt; &amp;colon; | pipe ~~del~~</p>",
    "<p># not a heading</p><p>1. not a list</p><p>- not an item</p><p>&gt; not a quote</p><p>=====</p>",
    "<pre>```\n&lt;script&gt;alert(18)&lt;/script&gt;\n```\n<img src=x onerror=alert(19)>\n````</pre>",
    "<p><code>`&lt;script&gt;alert(20)&lt;/script&gt;`</code></p>",
    '<figure><img src="/ok.jpg"><figcaption>Caption &lt;script&gt;alert(21)&lt;/script&gt; [c](javascript:x)</figcaption></figure>',
    "<table><tr><th>a|b</th><th>&lt;script&gt;</th></tr><tr><td>1</td><td>[x](javascript:alert(22))</td></tr></table>",
    LOREM, LOREM, "</article></body></html>" })
  return table.concat(parts)
end

-- the decoded value of an HTML attribute, as a browser reads it
local function decode(v)
  v = v:gsub("&#[xX](%x+);?", function(h) return H.char(tonumber(h, 16)) end)
  v = v:gsub("&#(%d+);?", function(d) return H.char(tonumber(d)) end)
  v = v:gsub("&colon;", ":"):gsub("&quot;", '"'):gsub("&lt;", "<"):gsub("&gt;", ">"):gsub("&amp;", "&")
  return v
end

-- the scheme a browser would see: controls and spaces trimmed, tab and
-- newlines removed (WHATWG), and, to be strict, every other character
-- above stripped too
local function scheme_of(v)
  v = decode(v)
  for _, cp in ipairs(INVISIBLE) do v = v:gsub(H.char(cp), "") end
  v = v:gsub("%z", ""):lower()
  return v:match("^([%a][%w+.-]*):")
end

local ALLOWED_TAGS = {}
for t in ("html head body meta title link article h1 h2 h3 h4 h5 h6 p span time strong em code pre blockquote " ..
          "ul ol li a img figure figcaption small br table thead tbody tr th td hr del"):gmatch("%S+") do
  ALLOWED_TAGS[t] = true
end
local ALLOWED_ATTRS = { href = true, src = true, alt = true, class = true, datetime = true, lang = true, dir = true,
  charset = true, rel = true, align = true }
local SAFE_SCHEMES = { http = true, https = true, mailto = true }

-- every tag and attribute of an HTML text is one sapo (or a CommonMark
-- renderer) writes, and no href/src has a scheme off the list
local function assert_safe_html(html, what)
  for tag, attrs in html:gmatch("<(%a[%w]*)([^>]*)>") do
    tag = tag:lower()
    assert(ALLOWED_TAGS[tag], what .. ": the page's <" .. tag .. "> survived as markup")
    for name, _, value in attrs:gmatch('([%w%-:]+)%s*=%s*(["\'])(.-)%2') do
      name = name:lower()
      assert(ALLOWED_ATTRS[name], what .. ": attribute " .. name .. " on <" .. tag .. ">")
      if name == "href" or name == "src" then
        local s = scheme_of(value)
        assert(not s or SAFE_SCHEMES[s], what .. ": " .. name .. " with the scheme " .. tostring(s) .. ": " .. value)
      end
    end
    local bare = attrs:gsub('(["\']).-%1', "")
    assert(not bare:lower():find("on%a+%s*="), what .. ": an event attribute on <" .. tag .. ">")
  end
end

local function cmark()
  local p = io.popen("command -v cmark-gfm 2>/dev/null")
  local path = p:read("*l")
  p:close()
  return path
end

-- Markdown rendered by a real CommonMark (GFM) renderer that lets raw HTML
-- through: whatever markup the page slipped into the Markdown would show
local function render_markdown(md)
  local f = os.tmpname()
  local h = assert(io.open(f, "wb"))
  h:write(md)
  h:close()
  local p = io.popen("cmark-gfm --unsafe -e table -e strikethrough -e autolink < " .. f)
  local html = p:read("*a")
  p:close()
  os.remove(f)
  return html
end

describe("output that can carry script", function()
  local cases = {
    { name = "no base" },
    { name = "opts.url", opts = { url = "https://example.com/news/a.html" } },
    { name = "a javascript: <base>", base = "javascript:alert(23)//" },
    { name = "a <base> hiding javascript:", base = "\tjava\nscript:alert(24)//" },
    { name = "an http <base>", base = "https://cdn.example.com/x/", opts = { url = "https://example.com/" } },
  }
  for _, c in ipairs(cases) do
    it("links, images and fields are safe in the html output (" .. c.name .. ")", function()
      local opts = { formats = { "markdown", "html" } }
      for k, v in pairs(c.opts or {}) do opts[k] = v end
      local art = assert(sapo.extract(trick_page(c.base), opts))
      assert_safe_html(art.html, "art.html")
      assert_safe_html(render.html(art), "render.html")
      for _, im in ipairs(art.images) do
        local s = scheme_of(im.src)
        assert(not s or SAFE_SCHEMES[s], "image src " .. im.src)
      end
      if art.url then assert.truthy(art.url:match("^https?://"), "url " .. art.url) end
      if art.top_image then
        local s = scheme_of(art.top_image)
        assert(not s or s == "http" or s == "https", "top_image " .. art.top_image)
      end
      -- the links of the page are still there, only their hrefs went
      assert.truthy(art.text:find("link 1,", 1, true))
      assert.truthy(art.html:find('href="https?://[^"]*e%?x=1&amp;y=&amp;lt;"') or art.html:find('href="/e%?x=1&amp;y=&amp;lt;"'))
    end)

    it("the Markdown output, rendered by CommonMark, carries no markup of the page (" .. c.name .. ")", function()
      local opts = { formats = { "markdown" } }
      for k, v in pairs(c.opts or {}) do opts[k] = v end
      local art = assert(sapo.extract(trick_page(c.base), opts))
      local md = render.markdown(art)
      -- checked directly: nothing the page wrote is an unescaped "<"
      -- (raw HTML), and no destination holds a blank or a bare ")"
      local outside = {}   -- the lines outside code fences (a fence closes with as many backticks)
      local fence
      for line in (md .. "\n"):gmatch("(.-)\n") do
        local ticks = line:match("^(```+)")
        if fence then
          if ticks and #ticks >= fence then fence = nil end
        elseif ticks then
          fence = #ticks
        else
          outside[#outside + 1] = line
        end
      end
      local unescaped = table.concat(outside, "\n"):gsub("\\\\", ""):gsub("\\<", "")
      assert.is_nil(unescaped:find("<%a"), "raw HTML in the Markdown")
      for dest in md:gmatch("%]%(([^)]*)%)") do
        assert.is_nil(dest:find("[%s<>]"), "a destination with a blank or an angle bracket: " .. dest)
      end
      if not cmark() then
        pending("cmark-gfm is not installed (make deps installs it): Markdown not rendered")
        return
      end
      local html = render_markdown(md)
      assert_safe_html(html, "rendered Markdown")
      assert.truthy(html:find("alert(18)", 1, true), "the code block's text is kept as text")
      assert.is_nil(html:find("<h1># not", 1, true))
    end)
  end

  it("refuses a page URL that is not an absolute http(s) URL (EURL)", function()
    local page = "<html><body><article>" .. LOREM:rep(6) .. '<p><a href="rel">r</a></p></article></body></html>'
    for _, url in ipairs({ "javascript:alert(1)//", "JAVASCRIPT:alert(1)", " javascript:x", "data:text/html,x",
                           "file:///etc/passwd", "/relative/path", "example.com/a", "http://", "https://@/",
                           "http://exa mple.com/", "http://a\226\128\139.com/" }) do
      local art, err, code = sapo.extract(page, { url = url })
      assert.is_nil(art, url)
      assert.equal("EURL", code, url)
      assert.truthy(err:find("absolute http(s) URL", 1, true))
      local d, _, code2 = sapo.parse(page, { url = url })
      assert.is_nil(d)
      assert.equal("EURL", code2)
    end
    assert.truthy(sapo.extract(page, { url = "HTTPS://Example.COM/a?b#c" }))
    -- a NUL byte in an option string is a programming error, never read as a shorter string
    assert.error_matches(function() sapo.extract(page, { url = "http://example.com/\0x" }) end,
      "bad option 'url' to 'extract' %(a string without NUL bytes expected%)")
  end)

  it("takes no base from the page that is not http(s)", function()
    local page = '<html><head><base href="javascript:alert(1)//"><link rel="canonical" href="vbscript:x"></head>' ..
      "<body><article>" .. LOREM:rep(6) .. '<p>See <a href="rel/x">this</a>.</p><img src="p.jpg"></article></body></html>'
    local art = assert(sapo.extract(page, { formats = { "markdown", "html" } }))
    assert.truthy(art.html:find('href="rel/x"', 1, true))
    assert.equal("p.jpg", art.images[1].src)
    assert.is_nil(art.url)
  end)
end)
