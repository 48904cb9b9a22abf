-- Every limit is a total limit on time, memory and work, and every error
-- says what it is: the command line never reads more than max_bytes + 1
-- bytes of anything, no stage costs the square of its input, every numeric
-- option is checked once and named when wrong, input that is not HTML is
-- refused as such, and a folder is listed without losing or inventing a
-- file.  Time bounds here are generous: they catch a hang, not a slowdown.
local sapo = require "sapo"
local cli = require "sapo.cli"
local source = require "sapo.source"
local H = require "helper"

local function capture()
  local out, err = {}, {}
  return { stdout = { write = function(_, ...) for _, s in ipairs({ ... }) do out[#out + 1] = tostring(s) end end },
           stderr = { write = function(_, ...) for _, s in ipairs({ ... }) do err[#err + 1] = tostring(s) end end } },
    function() return table.concat(out), table.concat(err) end
end

local function clock(f)
  local t0 = os.clock()
  local a, b, c = f()
  return os.clock() - t0, a, b, c
end

describe("reading input", function()
  it("reads at most max_bytes + 1 bytes of a file, a device or standard input", function()
    local io_, got = capture()
    local t, rc = clock(function() return cli.main({ "extract", "/dev/zero", "--max-bytes", "1M" }, io_) end)
    local _, err = got()
    assert.equal(1, rc)
    assert.truthy(err:find("larger than 1048576 bytes (max_bytes)", 1, true), err)
    assert.is_true(t < 5, "read /dev/zero for " .. t .. " s")
    local zero = assert(io.open("/dev/zero", "rb"))
    io_, got = capture()
    io_.stdin = zero
    rc = cli.main({ "extract", "-", "--max-bytes", "64k" }, io_)
    assert.equal(1, rc)
    assert.truthy(select(2, got()):find("ELIMIT", 1, true))
    io_.stdin = zero
    assert.equal(1, cli.main({ "vi", "nfc", "--max-bytes", "64k" }, io_))
    zero:close()
    local s, msg, code = source.read_limited(assert(io.open("/dev/zero", "rb")), 10)
    assert.is_nil(s)
    assert.equal("ELIMIT", code)
    assert.truthy(msg:find("max_bytes", 1, true))
    local f = assert(io.open(H.root .. "/examples/pages/english-news.html", "rb"))
    assert.equal(H.page("english-news.html"), source.read_limited(f, 10 * 1024 * 1024))
    f:close()
  end)

  it("bounds a JSON Lines line and a WARC record by max_bytes", function()
    local tmp = os.tmpname()
    local fh = assert(io.open(tmp, "wb"))
    fh:write('{"html":"<p>', string.rep("x", 300000), '</p>"}\n{"html":"<p>ok</p>"}\n')
    fh:close()
    fh = assert(io.open(tmp, "rb"))
    local next_item = source.jsonl(fh, { max_bytes = 10000 })
    local first, second, third = next_item(), next_item(), next_item()
    fh:close()
    os.remove(tmp)
    assert.equal("ELIMIT", first.code)
    assert.equal("<p>ok</p>", second.html)
    assert.is_nil(third)
  end)
end)

local LOREM = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.</p>"

describe("work that could grow with the square of the input", function()
  local shapes = {
    images = function(n)
      local t = { "<html><body><article>", LOREM:rep(5) }
      for i = 1, n do t[#t + 1] = "<img src='/i" .. i .. ".jpg'>" end
      return table.concat(t) .. "</article></body></html>"
    end,
    figures = function(n)
      local t = { "<html><body><article>", LOREM:rep(5) }
      for i = 1, n do t[#t + 1] = "<figure><img src='/f" .. i .. ".jpg'><figcaption>Caption " .. i .. "</figcaption></figure>" end
      return table.concat(t) .. "</article></body></html>"
    end,
    links = function(n)
      local t = { "<html><body><article>", LOREM:rep(5), "<p>" }
      for i = 1, n do t[#t + 1] = "<a href='/l" .. i .. "'>link " .. i .. "</a> " end
      return table.concat(t) .. "</p></article></body></html>"
    end,
    blocks = function(n)
      local t = { "<html><body><article>" }
      for i = 1, n do t[#t + 1] = "<p>Paragraph " .. i .. ", with a comma.</p>" end
      return table.concat(t) .. "</article></body></html>"
    end,
    ["stray end tags"] = function(n)
      return "<html><body>" .. ("<div>"):rep(2000) .. ("</span>"):rep(n) .. LOREM:rep(5) .. "</body></html>"
    end,
  }
  -- paragraph lengths falling again and again (an insertion sort's worst
  -- case, as the paragraph median once used): four times the paragraphs
  -- must cost about four times the time, not sixteen
  it("grows linearly with paragraphs whose lengths keep falling #huge", function()
    local function page(n)
      local t = { "<html><body><article>" }
      for i = 1, n do t[#t + 1] = "<p>" .. ("word "):rep(8 + (n - i) % 40) .. "</p>" end
      return table.concat(t) .. "</article></body></html>"
    end
    local small, large = page(50000), page(200000)
    local opts = { max_bytes = 1e9, max_nodes = 1e8 }
    local t1 = clock(function() return sapo.extract(small, opts) end)
    local t4 = clock(function() return sapo.extract(large, opts) end)
    assert.is_true(t4 < 7 * t1, string.format("%.2f s for 50,000, %.2f s for 200,000", t1, t4))
  end)

  -- every question about an element's ancestors (in the page's chrome? in
  -- code or a data table? still in the container?) is answered once per
  -- element: under 4,000 nested elements the same items cost about what
  -- they cost near the top, not 4,000 steps more each
  local DEEP = {
    ["author links"] = function(n) local t = {}
      for i = 1, n do t[i] = "<a href='/author/x" .. i .. "'>not a name " .. i .. "</a> " end
      return table.concat(t) end,
    ["fact labels"] = function(n) local t = {}
      for i = 1, n do t[i] = "<p><strong>Autor:</strong> 123 " .. i .. "</p>" end
      return table.concat(t) end,
    ["time elements"] = function(n) local t = {}
      for i = 1, n do t[i] = "<p><time datetime='2024-01-0" .. (i % 9 + 1) .. "'>day " .. i .. "</time></p>" end
      return table.concat(t) end,
    ["share widgets"] = function(n) local t = {}
      for i = 1, n do t[i] = "<p>Text of the story " .. i .. ".</p><div class='share'><a href='/s'>Share</a></div>" end
      return table.concat(t) end,
  }
  for name, items in pairs(DEEP) do
    it("answers ancestor questions once per element: " .. name .. " under 4,000 levels #huge", function()
      local body = LOREM:rep(10) .. items(50000)
      local function page(depth) return "<html><body>" .. ("<div>"):rep(depth) .. body .. "</body></html>" end
      local opts = { max_bytes = 1e9, max_nodes = 1e8 }
      local near = clock(function() return sapo.extract(page(10), opts) end)
      local deep = clock(function() return sapo.extract(page(4000), opts) end)
      assert.is_true(deep < 4 * near + 0.2, string.format("%.2f s near the top, %.2f s under 4,000 levels", near, deep))
    end)
  end

  -- 200,000 of each: linear work takes about a second, the square of it
  -- hours (the slopes themselves are measured by bench/scaling.lua)
  for name, build in pairs(shapes) do
    it("ends in bounded time with 200,000 " .. name .. " #huge", function()
      local html = build(200000)
      local secs = clock(function() return sapo.extract(html, { max_bytes = 1e9, max_nodes = 1e8 }) end)
      assert.is_true(secs < 30, string.format("%s: %.1f s", name, secs))
    end)
  end

  it("refuses an element with more attributes than max_attributes before libxml2 sees it", function()
    local t = { "<html><body><article><div" }
    for i = 1, 40000 do t[#t + 1] = " a" .. i .. "='x'" end
    local html = table.concat(t) .. ">" .. LOREM:rep(5) .. "</div></article></body></html>"
    local secs, art, err, code = clock(function() return sapo.extract(html) end)
    assert.is_nil(art)
    assert.equal("ELIMIT", code)
    assert.equal("an element has more than 256 attributes (max_attributes)", err)
    assert.is_true(secs < 1, secs .. " s")
    assert.truthy(sapo.extract(html, { max_attributes = 40000 }))
    -- values in quotes, comments and script text are not attributes
    local ok = "<html><body><article><div title='" .. (" a=1"):rep(1000) .. "'><!-- <b" .. (" c"):rep(1000) ..
      " --><script>var s = '<i" .. (" d"):rep(1000) .. "';</script>" .. LOREM:rep(5) .. "</div></article></body></html>"
    assert.truthy(sapo.extract(ok))
  end)

  it("counts attributes however the tag writes them (unquoted, slash-separated, after a quoted '>')", function()
    local function page(tag) return "<html><body><article>" .. tag .. LOREM:rep(5) .. "</div></article></body></html>" end
    local function attrs(n, sep, value)
      local t = {}
      for i = 1, n do t[i] = sep .. "a" .. i .. (value or "") end
      return table.concat(t)
    end
    local refused = {
      unquoted = page("<div" .. attrs(257, " ") .. ">"),
      short_names = page("<div" .. (" a"):rep(257) .. ">"),
      slashes = page("<div" .. attrs(257, "/") .. ">"),
      unquoted_values = page("<div" .. attrs(257, " ", "=1") .. ">"),
      after_quoted_gt = page("<div title='>'" .. attrs(300, " ") .. ">"),
      after_dquoted_gt = page('<div title=">"' .. attrs(300, " ") .. ">"),
      upper_case = page("<DIV" .. attrs(257, "\t") .. ">"),
    }
    for name, html in pairs(refused) do
      local art, err, code = sapo.extract(html)
      assert.is_nil(art, name)
      assert.equal("ELIMIT", code, name .. ": " .. tostring(err))
    end
    -- 256 is the limit itself, in the shortest writing
    assert.truthy(sapo.extract(page("<div" .. (" a"):rep(256) .. ">")))
    assert.truthy(sapo.extract(page("<div" .. attrs(256, "/") .. ">")))
  end)

  it("applies the same limits to the HTML a stub page's scripts carry", function()
    -- an element of 40,000 attributes printed into a script string: the
    -- fallback document goes through the one parse entry point
    local attrs = {}
    for i = 1, 40000 do attrs[i] = " a" .. i .. "='x'" end
    local body = "<div" .. table.concat(attrs) .. ">" .. LOREM:rep(8) .. "</div>"
    local html = '<html><body><div id="root"><p>Loading</p></div><script>self.__next_f.push([1,"' .. body ..
      '"])</script></body></html>'
    local secs, art = clock(function() return sapo.extract(html) end)
    assert.is_true(secs < 2, secs .. " s")
    if art then assert.is_not.equal("script-html", art.method) end
  end)

  it("stops the parser when misplaced end tags under deep nesting would cost more than the input #huge", function()
    -- (2,000,000 stray end tags under 4,000 open elements: 8e9 steps of
    -- libxml2's search, about a minute, before the budget stopped it)
    local html = "<html><body>" .. ("<div>"):rep(4000) .. ("</span>"):rep(2000000) .. LOREM:rep(5) .. "</body></html>"
    local secs, art, err, code = clock(function() return sapo.extract(html) end)
    assert.is_nil(art)
    assert.equal("ELIMIT", code)
    assert.truthy(err:find("misplaced end tags", 1, true))
    assert.is_true(secs < 10, secs .. " s")
  end)
end)

describe("numeric options", function()
  local cases = {
    { "max_bytes", 2 ^ 64 }, { "max_bytes", 2 ^ 64 + 4096 }, { "max_bytes", -1 }, { "max_bytes", 0 }, { "max_bytes", 0 / 0 },
    { "max_bytes", 1.5 }, { "max_bytes", math.huge }, { "max_depth", 0 }, { "max_depth", 1e12 }, { "max_nodes", -5 },
    { "max_attributes", 0 }, { "char_threshold", -1 }, { "char_threshold", 0 / 0 }, { "char_threshold", 1e300 },
    { "nb_top_candidates", 0 }, { "nb_top_candidates", 1000 }, { "nb_top_candidates", 2.5 },
  }
  for _, c in ipairs(cases) do
    it("refuses " .. c[1] .. " = " .. tostring(c[2]) .. ", naming the option and the caller's line", function()
      local ok, err = pcall(function() sapo.extract("<p>x</p>", { [c[1]] = c[2] }) end)
      assert.is_false(ok)
      assert.truthy(err:find("limits_spec.lua:%d+: bad option '" .. c[1] .. "' to 'extract' %(a whole number from"), err)
    end)
  end

  it("takes the extremes of each range", function()
    assert.truthy(sapo.extract("<article>" .. LOREM:rep(6) .. "</article>", { max_bytes = 2 ^ 53, max_depth = 1000000,
      max_nodes = 1e9, max_attributes = 65536, char_threshold = 1, nb_top_candidates = 64 }))
  end)
end)

describe("input that is not HTML", function()
  it("is refused as EPARSE, by the library and the command line", function()
    math.randomseed(7)
    local noise = {}
    for i = 1, 20000 do noise[i] = string.char(math.random(0, 255)) end
    local samples = { table.concat(noise), "Plain text, no markup at all.\nSecond line.",
      "# A Markdown file\n\nWith *emphasis* and a [link](http://example.com).\n", '{"json": true}' }
    for _, s in ipairs(samples) do
      local art, err, code = sapo.extract(s)
      assert.is_nil(art)
      assert.equal("EPARSE", code)
      assert.truthy(err:find("not HTML", 1, true) or err:find("no HTML markup", 1, true), err)
      local tmp = os.tmpname()
      local f = assert(io.open(tmp, "wb"))
      f:write(s)
      f:close()
      local io_, got = capture()
      assert.equal(1, cli.main({ "extract", tmp }, io_))
      assert.truthy(select(2, got()):find("EPARSE", 1, true))
      os.remove(tmp)
    end
    -- TCVN3 writes capital letters with control bytes: a page set in its
    -- fonts, even one of capitals, is still a page; so is one with a
    -- headline in capitals and no font named
    local caps = string.rep("<p>\1\2\4\5\6 \17\18\19\20\21 h\181 n\184i</p>", 40)
    local tcvn = "<html><head><style>body { font-family: .VnTime }</style></head><body><article>" .. caps ..
      "</article></body></html>"
    assert.is_not.equal("EPARSE", select(3, sapo.extract(tcvn)) or "ok")
    local headline = "<html><head><title>Tin</title></head><body><article><h1>\17\18\19 \20\21 \4\5\6</h1>" ..
      string.rep("<p>Hai b\170n nh\174t tr\184 th\243c \174\169y h\238p t\184c, m\244t c\184ch ch\214t ch\245.</p>", 30) ..
      "</article></body></html>"
    assert.is_not.equal("EPARSE", select(3, sapo.extract(headline)) or "ok")
  end)
end)

describe("listing a folder", function()
  it("keeps every file, whatever its name, and invents none", function()
    local dir = H.tmpdir()
    local names = { "plain.html", "with\nnewline.html", "with space.htm", "UPPER.HTML", "quote'\".html", "x.HtM" }
    for _, n in ipairs(names) do
      local f = assert(io.open(dir .. "/" .. n, "wb"))
      f:write("<html><body><article>" .. LOREM:rep(6) .. "</article></body></html>")
      f:close()
    end
    assert(H.ok("mkdir -p '" .. dir .. "/sub\nfolder' && cp '" .. dir .. "/plain.html' '" .. dir .. "/sub\nfolder/in.html'"))
    assert(H.ok("ln -s /nonexistent/page.html '" .. dir .. "/dangling.html'"))
    local it, n = source.dir(dir)
    local seen, errors = {}, {}
    for item in it do
      if item.error then errors[#errors + 1] = item else seen[#seen + 1] = item.source:sub(#dir + 2) end
    end
    table.sort(seen)
    local want = { "UPPER.HTML", "plain.html", "quote'\".html", "sub\nfolder/in.html", "with space.htm", "with\nnewline.html",
                   "x.HtM" }
    table.sort(want)
    assert.same(want, seen)
    assert.equal(1, #errors)
    assert.truthy(errors[1].error:find("dangling", 1, true))
    assert.equal(#want + 1, n)
    os.execute("rm -rf '" .. dir .. "'")
  end)
end)
