local H = require "helper"

local function run(args, stdin)
  local cmd = H.env() .. H.lua_cmd() .. " " .. H.root .. "/bin/sapo " .. args .. " 2>/tmp/sapo-cli-err.txt"
  if stdin then
    local f = assert(io.open("/tmp/sapo-cli-in.txt", "wb"))
    f:write(stdin)
    f:close()
    cmd = cmd .. " < /tmp/sapo-cli-in.txt"
  end
  local p = assert(io.popen(cmd .. "; echo \"rc=$?\"", "r"))
  local out = p:read("*a")
  p:close()
  local rc = tonumber(out:match("rc=(%d+)%s*$"))
  return out:gsub("rc=%d+%s*$", ""), rc, H.read("/tmp/sapo-cli-err.txt")
end

describe("bin/sapo", function()
  it("extracts a saved page as text, markdown and json", function()
    local out, rc = run("extract " .. H.root .. "/examples/pages/english-news.html")
    assert.equal(0, rc)
    assert.truthy(out:find("^City council approves new bike lanes downtown\n\nThe city council voted"))
    out, rc = run("extract " .. H.root .. "/examples/pages/english-news.html --format markdown --url https://d.example/n/a.html")
    assert.equal(0, rc)
    assert.truthy(out:find("![A cyclist rides along Main Street.](https://d.example/img/bike-lane.jpg)", 1, true))
    out, rc = run("extract - --format json", H.page("english-news.html"))
    assert.equal(0, rc)
    assert.truthy(out:find('^{"title":"City council'))
  end)
  it("exits 2 on usage errors and 1 on failures, with errors on stderr", function()
    local _, rc, err = run("")
    assert.equal(2, rc)
    assert.truthy(err:find("usage", 1, true))
    _, rc, err = run("extract --format pdf x.html")
    assert.equal(2, rc)
    _, rc, err = run("extract /nonexistent/page.html")
    assert.equal(1, rc)
    assert.truthy(err:find("nonexistent", 1, true))
    _, rc = run("extract -", "<html><body></body></html>")
    assert.equal(1, rc)
  end)
  it("normalises Vietnamese text on stdin", function()
    local out, rc = run("vi tone old", "Thuỷ điện Hoà Bình")
    assert.equal(0, rc)
    assert.equal("Thủy điện Hòa Bình", out)
    assert.equal("da-nang-khai-mac", (run("vi slug", "Đà Nẵng: khai mạc")))
    assert.equal("Việt Nam", (run("vi decode viqr", "Vie^.t Nam")))
    assert.equal(2, select(2, run("vi tone sideways", "x")))
  end)
end)

describe("examples", function()
  it("extract_file.lua prints the title and body of a saved page", function()
    local p = assert(io.popen(H.env() .. H.lua_cmd() .. " " .. H.root .. "/examples/extract_file.lua " ..
      H.root .. "/examples/pages/baoquocte-like.html"))
    local out = p:read("*a")
    p:close()
    assert.truthy(out:find("Việt Nam và Nhật Bản thúc đẩy hợp tác chuyển đổi số", 1, true))
    assert.truthy(out:find("Hai bên nhất trí", 1, true))
  end)
  it("normalize_vi.lua shows every normalisation", function()
    local p = assert(io.popen(H.env() .. H.lua_cmd() .. " " .. H.root .. "/examples/normalize_vi.lua"))
    local out = p:read("*a")
    p:close()
    assert.truthy(out:find("old style:  Thủy điện Hòa Bình", 1, true))
    assert.truthy(out:find("slug:       thuy-dien-hoa-binh", 1, true))
  end)

  it("dir_to_jsonl.lua writes one JSON line per page", function()
    local p = assert(io.popen(H.env() .. H.lua_cmd() .. " " .. H.root .. "/examples/dir_to_jsonl.lua " ..
      H.root .. "/examples/pages 2>/dev/null"))
    local n = 0
    for line in p:lines() do
      assert.truthy(require("sapo.json").decode(line).title)
      n = n + 1
    end
    p:close()
    assert.equal(5, n)
  end)
  describe("fetch_urls.lua", function()
    local server = require "support.server"
    local srv
    setup(function() srv = server.start() end)
    teardown(function() server.stop(srv) end)
    it("prints each URL's title, and errors as such", function()
      local p = assert(io.popen(H.env() .. H.lua_cmd() .. " " .. H.root .. "/examples/fetch_urls.lua " ..
        srv.base .. "/page.html " .. srv.base .. "/404"))
      local out = p:read("*a")
      p:close()
      assert.truthy(out:find(srv.base .. "/page.html\tTrang thử", 1, true))
      assert.truthy(out:find("ERROR\tEHTTP", 1, true))
    end)
  end)
end)
