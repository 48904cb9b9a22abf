-- sapo.guard (which URLs a server may fetch) and sapo.fetch's check hook,
-- with LuaSocket against local test servers.
local guard = require "sapo.guard"
local fetch = require "sapo.fetch"
local socket = require "socket"
local server = require "support.server"

local function hits(s)
  local c = assert(socket.connect(s.base:match("//([^:]+)"), s.port))
  c:settimeout(5)
  c:send("GET /hits HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
  local resp = c:receive("*a")
  c:close()
  return tonumber(resp:match("\r\n\r\n(%d+)"))
end

local function enc(u) return (u:gsub("[:/?=]", function(ch) return string.format("%%%02X", ch:byte()) end)) end

describe("sapo.guard", function()
  it("classifies addresses", function()
    for _, a in ipairs({ "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
                         "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1", "fd12:3456::1",
                         "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "[::1]", "ff02::1" }) do
      assert.is_true(guard.is_private(a), a)
    end
    for _, a in ipairs({ "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8" }) do
      assert.is_false(guard.is_private(a), a)
    end
    for _, a in ipairs({ "example.com", "999.1.1.1", "1.2.3.4.5", "08.1.1.1", "::g", "1:2:3:4:5:6:7:8:9", "1::2::3" }) do
      assert.is_nil(guard.is_private(a), a)
    end
  end)

  it("refuses everything unless allow or allow_public is set", function()
    local ok, msg, code = guard.new({})("https://example.com/a")
    assert.is_nil(ok)
    assert.equal("EFORBIDDEN", code)
    assert.truthy(msg:find("allow", 1, true))
  end)

  it("allows the hosts on the allow-list and their subdomains, and no others", function()
    local resolved = {}
    local check = guard.new({ allow = { "example.vn" }, resolve = function(h) resolved[#resolved + 1] = h; return { "93.184.216.34" } end })
    assert.equal("93.184.216.34", check("https://example.vn/a"))
    assert.equal("93.184.216.34", check("https://news.example.vn/a"))
    assert.same({ "example.vn", "news.example.vn" }, resolved)
    local ok, _, code = check("https://badexample.vn/a")
    assert.is_nil(ok)
    assert.equal("EFORBIDDEN", code)
  end)

  it("under allow_public, refuses names with any private address and pins a public one", function()
    local answers = { ["good.test"] = { "93.184.216.34" }, ["rebind.test"] = { "93.184.216.34", "10.0.0.5" },
                      ["local.test"] = { "127.0.0.1" } }
    local check = guard.new({ allow_public = true, resolve = function(h) return answers[h] or {} end })
    assert.equal("93.184.216.34", check("http://good.test/x"))
    assert.is_nil((check("http://rebind.test/x")))
    assert.is_nil((check("http://local.test/x")))
    assert.is_nil((check("http://10.0.0.5/x")))
    assert.is_nil((check("http://localhost/x")))
    local ok, _, code = check("http://nowhere.test/x")
    assert.is_nil(ok)
    assert.equal("ERESOLVE", code)
  end)

  it("reads DNS answers, compressed names and CNAME chains included", function()
    local q = "\18\52\129\128\0\1\0\2\0\0\0\0" .. guard._encode_name("a.example.test") .. "\0\1\0\1"
    local cname = "\192\12\0\5\0\1\0\0\0\60\0\2\192\12"
    local a = "\192\12\0\1\0\1\0\0\0\60\0\4\93\184\216\34"
    assert.same({ "93.184.216.34" }, guard._parse_answer(q .. cname .. a, 0x1234))
    assert.is_nil((guard._parse_answer(q .. cname .. a, 0x4321)))           -- another query's answer
    assert.is_nil((guard._parse_answer(q .. "\192\12\0\1", 0x1234)))        -- cut
  end)

  describe("as sapo.fetch's check hook", function()
    local srv, other
    setup(function()
      srv = server.start()
      other = server.start("127.0.0.2")
    end)
    teardown(function()
      server.stop(srv)
      server.stop(other)
    end)

    it("runs before every redirect: a refused host is never asked", function()
      local before = hits(other)
      local check = guard.new({ allow = { "127.0.0.1" } })
      local res, err, code = fetch.fetch(srv.base .. "/go?u=" .. enc(other.base .. "/page.html"), { check = check, timeout = 5 })
      assert.is_nil(res)
      assert.equal("EFORBIDDEN", code)
      assert.truthy(err:find("127.0.0.2", 1, true))
      assert.equal(before, hits(other))
    end)

    it("connects to the address the check returns, sending the URL's host", function()
      local port = srv.port
      local res = assert(fetch.fetch("http://pinned.test:" .. port .. "/page.html", {
        check = function() return "127.0.0.1" end, timeout = 5 }))
      assert.equal(200, res.status)
      assert.truthy(res.body:find("Trang thử", 1, true))
    end)

    it("applies to an injected fetcher too", function()
      local called = false
      local res, _, code = fetch.fetch("http://x.test/", { check = function() return nil, "no" end,
        fetcher = function() called = true; return { status = 200, body = "" } end })
      assert.is_nil(res)
      assert.equal("EFORBIDDEN", code)
      assert.is_false(called)
    end)
  end)
end)
