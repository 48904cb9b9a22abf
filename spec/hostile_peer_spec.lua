-- Hostile peers and hostile URLs, with LuaSocket against the local test
-- server (the same cases run through nginx's cosockets in
-- spec/openresty/nginx_spec.lua): no request is smuggled, no check is
-- fooled by how an address is written, and every limit is a total limit.
local fetch = require "sapo.fetch"
local guard = require "sapo.guard"
local url = require "sapo.url"
local socket = require "socket"
local server = require "support.server"
local H = require "helper"

local function hits(s)
  local c = assert(socket.connect("127.0.0.1", s.port))
  c:settimeout(5)
  c:send("GET /hits HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
  local resp = c:receive("*a")
  c:close()
  return tonumber(resp:match("\r\n\r\n(%d+)"))
end

describe("URLs that could smuggle a request or fool a check", function()
  it("refuses a control byte or a space anywhere in a URL, and never connects (EURL)", function()
    for _, bad in ipairs({ "http://127.0.0.1/a\r\nGET /evil HTTP/1.1", "http://127.0.0.1/a\nX: y", "http://127.0.0.1/a b",
                           "http://127.0.0.1/?q=\0", "http://127.0.0.1\r\n/", "http://exa\tmple.com/", "http://x/\127",
                           "http://localhost\0.allowed.test/", "http://127.0.0.1:80\r\n/", " http://127.0.0.1/" }) do
      local u, err, code = url.parse(bad)
      assert.is_nil(u, bad)
      assert.equal("EURL", code, bad)
      local res, _, fcode = fetch.fetch(bad, { timeout = 2 })
      assert.is_nil(res)
      assert.equal("EURL", fcode, bad)
      assert.equal("EURL", select(3, guard.new({ allow = { "allowed.test" } })(bad)), bad)
      assert.truthy(err)
    end
  end)

  it("percent-encodes what a request line may not hold, and drops the fragment", function()
    local u = assert(url.parse("http://Example.COM./a/ö\"<>\\^`{|}?x=ü#frag"))
    assert.equal("example.com", u.host)
    assert.equal("/a/%C3%B6%22%3C%3E/%5E%60%7B%7C%7D?x=%C3%BC", u.path)   -- "\\" is "/" (WHATWG)
    assert.equal("http://example.com/a/%C3%B6%22%3C%3E/%5E%60%7B%7C%7D?x=%C3%BC", u.href)
  end)

  it("refuses hosts that are not ASCII names or IP literals", function()
    for _, bad in ipairs({ "http://ex%61mple.com/", "http://exämple.com/", "http://a_b@/", "http:///x", "http://[::1/",
                           "http://[::g]/", "http://1.2.3.4.5/", "http://08.0.0.1/", "http://example.123/",
                           "http://host:99999/", "http://host:8x/" }) do
      assert.is_nil(url.parse(bad), bad)
    end
  end)

  it("reads IPv4 literals as inet_aton does, and connects to that address", function()
    local forms = { ["0177.0.0.1"] = "127.0.0.1", ["0x7f.0.0.1"] = "127.0.0.1", ["0x7f.1"] = "127.0.0.1",
      ["127.1"] = "127.0.0.1", ["2130706433"] = "127.0.0.1", ["017700000001"] = "127.0.0.1",
      ["0x7f000001"] = "127.0.0.1", ["10.0.258"] = "10.0.1.2", ["0"] = "0.0.0.0", ["169.254.43518"] = "169.254.169.254",
      ["127.0.0.1."] = "127.0.0.1" }
    for host, canon in pairs(forms) do
      local u = assert(url.parse("http://" .. host .. "/x"), host)
      assert.equal(canon, u.host, host)
      assert.equal(4, u.ip)
      assert.is_true(guard.is_private(host), host)
      local ok, _, code = guard.new({ allow_public = true })("http://" .. host .. "/x")
      assert.is_nil(ok, host)
      assert.equal("EFORBIDDEN", code)
    end
    -- the allow-list names what it names: 0177.0.0.1 is not "0177.0.0.1"
    assert.equal("127.0.0.1", guard.new({ allow = { "127.0.0.1" } })("http://0177.0.0.1/"))
  end)

  it("counts every IPv4 form hidden in IPv6, and the documentation ranges, as not public", function()
    for _, a in ipairs({ "::ffff:0:127.0.0.1", "::ffff:0:7f00:1", "::ffff:0:a00:1", "::127.0.0.1", "::ffff:192.168.0.1",
                         "2002:7f00:1::", "2002:a00:1::1", "2002:c0a8:101::", "64:ff9b::7f00:1", "64:ff9b:1::1",
                         "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:db8::1", "3fff::1", "100::1",
                         "192.0.2.1", "198.51.100.7", "203.0.113.255", "192.0.0.8", "198.18.0.1", "192.88.99.1",
                         "240.0.0.1", "fec0::1", "4000::1" }) do
      assert.is_true(guard.is_private(a), a)
    end
    for _, a in ipairs({ "2002:808:808::1", "::ffff:0:808:808", "64:ff9b::808:808", "2a00:1450:4001::1",
                         "8.8.8.8", "192.0.3.1", "203.0.114.1" }) do
      assert.is_false(guard.is_private(a), a)
    end
  end)
end)

describe("hostile peers", function()
  local srv
  setup(function() srv = server.start() end)
  teardown(function() server.stop(srv) end)

  it("sends no second request when a redirect's Location holds CR and LF", function()
    local before = hits(srv)
    local target = "/page.html%0D%0AGET%20/evil%20HTTP/1.1%0D%0AHost:%20x%0D%0A"
    local res, _, code = fetch.fetch(srv.base .. "/go?u=" .. target, { timeout = 5 })
    if res then assert.equal(200, res.status) else assert.truthy(code) end
    assert.is_true(hits(srv) - before <= 2, "the server saw a smuggled request")
  end)

  it("cuts a trickling body at the deadline, not at each read's timeout", function()
    local t0 = socket.gettime()
    local res, err, code = fetch.fetch(srv.base .. "/trickle", { timeout = 2 })
    local took = socket.gettime() - t0
    assert.is_nil(res)
    assert.equal("ETIMEOUT", code, err)
    assert.is_true(took >= 1.5 and took < 3.5, "took " .. took .. " s")
  end)

  it("cuts trickling headers at the deadline", function()
    local t0 = socket.gettime()
    local res, _, code = fetch.fetch(srv.base .. "/trickle-head", { timeout = 2 })
    assert.is_nil(res)
    assert.equal("ETIMEOUT", code)
    assert.is_true(socket.gettime() - t0 < 3.5)
  end)

  it("refuses a flood of header lines and an endless header line, in bounded time (ELIMIT)", function()
    local t0 = os.clock()
    local res, err, code = fetch.fetch(srv.base .. "/flood", { timeout = 10 })
    assert.is_nil(res)
    assert.equal("ELIMIT", code)
    assert.truthy(err:find("header", 1, true))
    res, err, code = fetch.fetch(srv.base .. "/longline", { timeout = 10 })
    assert.is_nil(res)
    assert.equal("ELIMIT", code)
    assert.truthy(err:find("line", 1, true), err)
    assert.is_true(os.clock() - t0 < 5, "CPU spent on headers")
  end)

  it("refuses a gzip bomb while inflating it, holding no more than the limit #rss", function()
    collectgarbage()
    local before = H.rss_kb()
    local res, err, code = fetch.fetch(srv.base .. "/bomb", { timeout = 20, max_bytes = 8 * 1024 * 1024 })
    assert.is_nil(res)
    assert.equal("ELIMIT", code)
    assert.truthy(err:find("max_bytes", 1, true))
    local after = H.rss_kb()
    if before and after then assert.is_true(after - before < 64 * 1024, "RSS grew by " .. (after - before) .. " KiB") end
  end)

  it("answers EHTTP for any status >= 400, and ENOCONTENT for an empty 200", function()
    local res, _, code, status = fetch.fetch(srv.base .. "/empty-404", { timeout = 5 })
    assert.is_nil(res)
    assert.equal("EHTTP", code)
    assert.equal(404, status)
    res, _, code = fetch.fetch(srv.base .. "/empty-200", { timeout = 5 })
    assert.is_nil(res)
    assert.equal("ENOCONTENT", code)
  end)

  it("answers EREDIRECT past max_redirects", function()
    local res, err, code = fetch.fetch(srv.base .. "/r/9", { max_redirects = 2, timeout = 5 })
    assert.is_nil(res)
    assert.equal("EREDIRECT", code)
    assert.truthy(err:find("max_redirects", 1, true))
  end)

  it("raises for a header of the caller's that could end the request early", function()
    assert.error_matches(function() fetch.fetch(srv.base .. "/ua", { user_agent = "a\r\nX-Evil: 1" }) end, "user_agent")
    assert.error_matches(function() fetch.fetch(srv.base .. "/ua", { headers = { ["X-A"] = "b\nc" } }) end, "headers")
    assert.error_matches(function() fetch.fetch(srv.base .. "/ua", { headers = { ["X A"] = "b" } }) end, "headers")
  end)
end)
