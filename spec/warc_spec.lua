local sapo = require "sapo"
local zlib = require "zlib"

local function record(typ, uri, block, extra)
  local h = { "WARC/1.0", "WARC-Type: " .. typ, "WARC-Record-ID: <urn:uuid:" .. math.random(1e9) .. ">",
    "WARC-Date: 2024-04-25T10:00:00Z" }
  if uri then h[#h + 1] = "WARC-Target-URI: " .. uri end
  if extra then h[#h + 1] = extra end
  h[#h + 1] = "Content-Length: " .. #block
  return table.concat(h, "\r\n") .. "\r\n\r\n" .. block .. "\r\n\r\n"
end

local BODY = "<html><body><article>" .. string.rep("<p>Hội nghị thượng đỉnh diễn ra trong hai ngày với sự tham gia của lãnh đạo nhiều nước.</p>", 8) ..
  "</article></body></html>"
local CP1258 = "<html><body><article>" ..
  string.rep("<p>Vi\234\242t Nam h\244\242i nh\208p s\226u r\244\204ng, ph\225t tri\234\210n kinh t\234\236 nhanh.</p>", 8) .. "</article></body></html>"

local function http(headers, body)
  return "HTTP/1.1 200 OK\r\n" .. headers .. "Content-Length: " .. #body .. "\r\n\r\n" .. body
end

local function build(gz)
  local recs = {
    record("warcinfo", nil, "software: sapo-spec\r\n"),
    record("request", "https://a.example/1", "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n"),
    record("response", "https://a.example/1", http("Content-Type: text/html; charset=utf-8\r\n", BODY)),
    record("metadata", "https://a.example/1", "fetchTimeMs: 12\r\n"),
    record("response", "https://a.example/gz", http("Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
      zlib.deflate(6, 31)(BODY, "finish"))),
    record("response", "https://a.example/vn", http("Content-Type: text/html; charset=windows-1258\r\n", CP1258)),
  }
  local last = record("response", "https://a.example/cut", http("Content-Type: text/html\r\n", BODY))
  recs[#recs + 1] = last:sub(1, #last - 200)   -- truncated last record
  if not gz then return table.concat(recs) end
  local out = {}
  for i, r in ipairs(recs) do
    local member = zlib.deflate(6, 31)(r, "finish")
    if i == #recs then member = member:sub(1, #member - 40) end
    out[#out + 1] = member
  end
  return table.concat(out)
end

describe("sapo.warc", function()
  for _, gz in ipairs({ true, false }) do
    it("yields exactly the response pages, with URL and charset (" .. (gz and ".warc.gz" or ".warc") .. ")", function()
      local path = os.tmpname() .. (gz and ".warc.gz" or ".warc")
      local f = assert(io.open(path, "wb"))
      f:write(build(gz))
      f:close()
      local items = {}
      for item in sapo.source.warc(path) do items[#items + 1] = item end
      os.remove(path)
      assert.equal(4, #items)
      assert.equal("https://a.example/1", items[1].url)
      assert.equal("utf-8", items[1].charset)
      assert.equal("https://a.example/gz", items[2].url)
      assert.truthy(items[2].html:find("Hội nghị", 1, true))
      assert.equal("windows-1258", items[3].charset)
      local art = assert(sapo.extract(items[3].html, { content_type = items[3].content_type }))
      assert.truthy(art.text:find("Việt Nam", 1, true))
      assert.equal("EWARC", items[4].code)       -- the truncated record, reported, then the end
      assert.truthy(items[4].error:find("truncated", 1, true))
    end)
  end

  it("marks responses that are not HTML pages skipped, which a pipeline counts as skipped, not failed", function()
    local path = os.tmpname() .. ".warc"
    local f = assert(io.open(path, "wb"))
    f:write(record("response", "https://a.example/page", http("Content-Type: text/html; charset=utf-8\r\n", BODY)),
      record("response", "https://a.example/logo.png", http("Content-Type: image/png\r\n", "\137PNG\r\n\26\n" .. ("\0"):rep(64))),
      record("response", "https://a.example/app.js", http("Content-Type: application/javascript\r\n", "var a = 1;")),
      record("response", "https://a.example/feed", http("Content-Type: application/json\r\n", "{}")))
    f:close()
    local skipped = {}
    for item in sapo.source.warc(path) do
      if item.skipped then skipped[#skipped + 1] = item.url end
    end
    assert.same({ "https://a.example/logo.png", "https://a.example/app.js", "https://a.example/feed" }, skipped)
    local records = {}
    local stats = sapo.pipeline.run(sapo.source.warc(path), { sapo.pipeline.extract() }, sapo.sink.table(records))
    os.remove(path)
    assert.same({ ok = 1, failed = 0, skipped = 3, total = 4 }, { ok = stats.ok, failed = stats.failed, skipped = stats.skipped,
      total = stats.total })
    assert.equal(1, #records)
  end)

  it("streams a large file record by record", function()
    local path = os.tmpname() .. ".warc.gz"
    local f = assert(io.open(path, "wb"))
    for i = 1, 300 do
      f:write((zlib.deflate(6, 31)(record("response", "https://a.example/" .. i, http("Content-Type: text/html\r\n", BODY)), "finish")))
    end
    f:close()
    local n = 0
    for item in sapo.source.warc(path) do
      assert.is_nil(item.error)
      n = n + 1
    end
    os.remove(path)
    assert.equal(300, n)
  end)

  it("reports a missing file and a file that is not WARC", function()
    local items = {}
    for item in sapo.source.warc("/nonexistent.warc") do items[#items + 1] = item end
    assert.equal("EIO", items[1].code)
    local path = os.tmpname()
    local f = io.open(path, "wb")
    f:write("<html>not warc</html>\n")
    f:close()
    items = {}
    for item in sapo.source.warc(path) do items[#items + 1] = item end
    os.remove(path)
    assert.equal("EWARC", items[1].code)
  end)
end)
