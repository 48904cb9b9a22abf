local sapo = require "sapo"
local H = require "helper"
local json = require "sapo.json"
local server = require "support.server"
local P, S, K = sapo.pipeline, sapo.source, sapo.sink

local tmpdir = H.tmpdir

local function write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

local function drain(src)
  local t = {}
  for item in src do t[#t + 1] = item end
  return t
end

local EN = H.page("english-news.html")
local VI = H.page("baoquocte-like.html")

describe("sapo.source", function()
  it("file: one item with its source; a missing file is an error item", function()
    local items = drain(S.file(H.root .. "/examples/pages/english-news.html", "https://x.example/a"))
    assert.equal(1, #items)
    assert.equal("https://x.example/a", items[1].url)
    assert.equal(EN, items[1].html)
    local bad = drain(S.file("/nonexistent/x.html"))
    assert.equal("EIO", bad[1].code)
  end)

  it("dir: sorted, recursive, with a glob", function()
    local d = tmpdir()
    os.execute("mkdir -p " .. d .. "/sub")
    write(d .. "/b.html", "<p>b</p>")
    write(d .. "/a.html", "<p>a</p>")
    write(d .. "/sub/c.htm", "<p>c</p>")
    write(d .. "/notes.txt", "x")
    local items = drain(S.dir(d))
    assert.equal(3, #items)
    assert.equal(d .. "/a.html", items[1].source)
    assert.equal(2, #drain(S.dir(d, { recursive = false })))
    assert.equal(1, #drain(S.dir(d, { glob = "*.txt" })))
    os.execute("rm -rf " .. d)
  end)

  it("strings, list, stdin and JSON Lines", function()
    assert.equal(2, #drain(S.strings({ "<p>a</p>", { html = "<p>b</p>", url = "https://b.example/" } })))
    local items = drain(S.list({ H.root .. "/examples/pages/english-news.html", 42 }))
    assert.equal(EN, items[1].html)
    assert.equal("EINVAL", items[2].code)
    local fh = io.tmpfile()
    fh:write(EN)
    fh:seek("set")
    assert.equal(EN, drain(S.stdin(fh))[1].html)
    local jl = io.tmpfile()
    jl:write(json.encode({ url = "https://j.example/1", html = EN }), "\nnot json\n", json.encode({ url = "u" }), "\n")
    jl:seek("set")
    local j = drain(S.jsonl(jl))
    assert.equal(3, #j)
    assert.equal("https://j.example/1", j[1].url)
    assert.equal("EJSON", j[2].code)
    assert.equal("EJSON", j[3].code)
  end)

  describe("over HTTP", function()
    local srv
    setup(function() srv = server.start() end)
    teardown(function() server.stop(srv) end)
    it("fetches URLs from a list and from a file of URLs", function()
      local items = drain(S.http({ srv.base .. "/page.html", srv.base .. "/404" }))
      assert.truthy(items[1].html:find("Hội nghị", 1, true))
      assert.equal("EHTTP", items[2].code)
      local f = os.tmpname()
      write(f, "# urls\n" .. srv.base .. "/r/1\n\n" .. srv.base .. "/gzip\n")
      local u = drain(S.urls_file(f))
      os.remove(f)
      assert.equal(2, #u)
      assert.equal(srv.base .. "/page.html", u[1].url)
    end)
    it("fetch stage in a pipeline, with errors as items", function()
      local got = {}
      local stats = P.run(S.strings({ { url = srv.base .. "/page.html" }, { url = srv.base .. "/404" } }),
        { P.fetch({ timeout = 5 }), P.extract() }, K.callback(function(r) got[#got + 1] = r end))
      assert.same({ ok = 1, failed = 1, skipped = 0, total = 2 }, { ok = stats.ok, failed = stats.failed, skipped = stats.skipped, total = stats.total })
      assert.equal("Trang thử", got[1].title)
      assert.equal("EHTTP", got[2].code)
    end)
  end)
end)

describe("sapo.pipeline", function()
  it("runs stages in order and counts ok, failed and skipped", function()
    local sink = K.table()
    local stats = P.run(S.strings({ EN, VI, "", EN }), {
      P.extract({ url = "https://p.example/a.html" }),
      P.filter(function(item) return item.article.lang ~= "vi" end),
      P.map(function(item) item.article.extra = 1 end),
      P.dedupe("title"),
    }, sink)
    assert.equal(4, stats.total)
    assert.equal(1, stats.ok)         -- EN; VI filtered; "" failed; the second EN a duplicate
    assert.equal(1, stats.failed)
    assert.equal(2, stats.skipped)
    assert.is_number(stats.elapsed)
    assert.equal(2, #sink.result)
    assert.equal(1, sink.result[1].extra)
    assert.equal("ENOCONTENT", sink.result[2].code)
  end)

  it("turns a stage that raises into a failed item, not a stopped batch", function()
    local stats = P.run(S.strings({ EN, EN }), { P.map(function() error("boom") end) }, K.table())
    assert.equal(2, stats.failed)
  end)

  it("normalizes tone style and adds folded keys", function()
    local html = "<html><body><article><p>" .. ("Thuỷ điện Hoà Bình khoẻ mạnh, mùa lũ năm nay. "):rep(20) .. "</p></article></body></html>"
    local sink = K.table()
    P.run(S.strings({ html }), { P.extract(), P.normalize({ tone = "old", fold = { "text" } }) }, sink)
    assert.truthy(sink.result[1].text:find("Thủy điện Hòa Bình", 1, true))
    assert.truthy(sink.result[1].text_folded:find("thuy dien hoa binh", 1, true))
  end)

  it("dedupes by URL", function()
    local stats = P.run(S.strings({ { html = EN, url = "https://a.example/1" }, { html = VI, url = "https://a.example/1" } }),
      { P.dedupe("url") }, K.table())
    assert.equal(1, stats.skipped)
  end)

  it("raises on programming errors", function()
    assert.error_matches(function() P.run(nil, {}, K.table()) end, "source function expected")
    assert.error_matches(function() P.filter(5) end, "function expected")
    assert.error_matches(function() P.dedupe(5) end, "dedupe")
    assert.error_matches(function() P.extract({ nope = 1 }) end, "bad option 'nope'")
  end)
end)

describe("sapo.sink", function()
  it("jsonl writes one valid line per item, errors included", function()
    local f = os.tmpname()
    P.run(S.strings({ EN, "" }), { P.extract() }, K.jsonl(f))
    local lines = {}
    for l in io.lines(f) do lines[#lines + 1] = l end
    os.remove(f)
    assert.equal(2, #lines)
    assert.equal("City council approves new bike lanes downtown", json.decode(lines[1]).title)
    assert.equal("ENOCONTENT", json.decode(lines[2]).code)
  end)

  it("files: one file per page named from the title's slug", function()
    local d = tmpdir()
    P.run(S.strings({ VI, VI, EN }), { P.extract({ formats = { "markdown" } }) }, K.files(d, "markdown"))
    local names = {}
    for n in io.popen("ls " .. d):lines() do names[#names + 1] = n end
    table.sort(names)
    assert.same({ "city-council-approves-new-bike-lanes-downtown.md", "viet-nam-va-nhat-ban-thuc-day-hop-tac-chuyen-doi-so-2.md",
      "viet-nam-va-nhat-ban-thuc-day-hop-tac-chuyen-doi-so.md" }, names)
    assert.truthy(H.read(d .. "/city-council-approves-new-bike-lanes-downtown.md"):find("^# City council"))
    os.execute("rm -rf " .. d)
  end)
end)
