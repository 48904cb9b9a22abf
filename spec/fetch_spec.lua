local fetch = require "sapo.fetch"
local sapo = require "sapo"
local server = require "support.server"

describe("sapo.fetch", function()
  local srv
  setup(function() srv = server.start() end)
  teardown(function() server.stop(srv) end)

  it("fetches a page with its charset", function()
    local res = assert(fetch.fetch(srv.base .. "/page.html"))
    assert.equal(200, res.status)
    assert.equal("utf-8", res.charset)
    assert.truthy(res.body:find("Hội nghị", 1, true))
  end)

  it("follows redirect chains, relative Locations included", function()
    local res = assert(fetch.fetch(srv.base .. "/r/3"))
    assert.equal(srv.base .. "/page.html", res.url)
    assert.equal(srv.base .. "/page.html", assert(fetch.fetch(srv.base .. "/rel/a")).url)
  end)

  it("stops at max_redirects and at redirect loops", function()
    local r, err, code = fetch.fetch(srv.base .. "/r/9", { max_redirects = 3 })
    assert.is_nil(r)
    assert.equal("EREDIRECT", code)
    assert.truthy(err:find("redirects", 1, true))
    r, err, code = fetch.fetch(srv.base .. "/loop/a")
    assert.is_nil(r)
    assert.equal("EREDIRECT", code)
    assert.truthy(err:find("redirect", 1, true))
  end)

  it("decodes gzip and chunked bodies", function()
    assert.truthy(assert(fetch.fetch(srv.base .. "/gzip")).body:find("Hội nghị", 1, true))
    assert.truthy(assert(fetch.fetch(srv.base .. "/chunked")).body:find("</html>", 1, true))
  end)

  it("reports HTTP errors with their status", function()
    local r, err, code, status = fetch.fetch(srv.base .. "/404")
    assert.is_nil(r)
    assert.equal("EHTTP", code)
    assert.equal(404, status)
    assert.truthy(err:find("404", 1, true))
  end)

  it("times out", function()
    local t0 = os.time()
    local r, _, code = fetch.fetch(srv.base .. "/slow", { timeout = 1 })
    assert.is_nil(r)
    assert.equal("ETIMEOUT", code)
    assert.is_true(os.time() - t0 <= 3)
  end)

  it("refuses bodies over max_bytes, declared or streamed", function()
    assert.equal("ELIMIT", select(3, fetch.fetch(srv.base .. "/big", { max_bytes = 100000 })))
    assert.equal("ELIMIT", select(3, fetch.fetch(srv.base .. "/endless", { max_bytes = 100000 })))
  end)

  it("passes the header charset to the parser (windows-1258 declared only there)", function()
    local res = assert(fetch.fetch(srv.base .. "/cp1258"))
    assert.equal("windows-1258", res.charset)
    local art = assert(sapo.extract(res.body, { content_type = res.content_type, url = res.url }))
    assert.truthy(art.text:find("Việt Nam", 1, true))
  end)

  it("sends the configured User-Agent", function()
    assert.equal("sapo-test/1.0", assert(fetch.fetch(srv.base .. "/ua", { user_agent = "sapo-test/1.0" })).body)
  end)

  it("fails clearly on bad URLs and closed ports", function()
    assert.equal("EURL", select(3, fetch.fetch("ftp://example.invalid/x")))
    assert.equal("EURL", select(3, fetch.fetch("not a url")))
    assert.equal("ECONNECT", select(3, fetch.fetch("http://127.0.0.1:1/")))
    assert.error_matches(function() fetch.fetch(nil) end, "string expected")
  end)

  it("uses an injected fetcher instead of the network", function()
    local calls = 0
    local res = assert(fetch.fetch("https://example.vn/a", { fetcher = function(_url)
      calls = calls + 1
      return { status = 200, body = "<p>x</p>", headers = { ["content-type"] = "text/html; charset=windows-1258" } }
    end }))
    assert.equal(1, calls)
    assert.equal("windows-1258", res.charset)
    assert.equal("https://example.vn/a", res.url)
  end)

  it("waits between requests to one host (politeness)", function()
    local socket = require "socket"
    local state = {}
    local t0 = socket.gettime()
    fetch.fetch(srv.base .. "/page.html", { delay = 0.3, state = state })
    fetch.fetch(srv.base .. "/page.html", { delay = 0.3, state = state })
    assert.is_true(socket.gettime() - t0 >= 0.3)
  end)

  it("verifies TLS peers by default", function()
    assert.is_true(fetch.DEFAULTS.verify)
  end)
end)
