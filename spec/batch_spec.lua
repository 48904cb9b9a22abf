local H = require "helper"
local json = require "sapo.json"

local function sh(cmd)
  local p = assert(io.popen(cmd .. " 2>/tmp/sapo-batch-err.txt; echo \"rc=$?\""))
  local out = p:read("*a")
  p:close()
  return out:gsub("rc=%d+%s*$", ""), tonumber(out:match("rc=(%d+)%s*$")), H.read("/tmp/sapo-batch-err.txt")
end

local function sapo_cmd()
  return H.env() .. H.lua_cmd() .. " " .. H.root .. "/bin/sapo"
end

describe("sapo batch", function()
  local dir
  setup(function()
    dir = H.tmpdir()
    os.execute("mkdir -p " .. dir .. "/a " .. dir .. "/b")
    local pages = { H.page("english-news.html"), H.page("baoquocte-like.html"), H.page("vnexpress-like.html"),
      H.page("amp-news.html") }
    for i = 1, 990 do
      local f = io.open(string.format("%s/%s/p%04d.html", dir, i % 2 == 0 and "a" or "b", i), "wb")
      f:write(pages[i % 4 + 1])
      f:close()
    end
    -- ten broken files: binary, empty, markup without text
    for i = 1, 10 do
      local f = io.open(string.format("%s/b/broken%02d.html", dir, i), "wb")
      if i <= 4 then f:write("\137PNG\r\n\26\n" .. string.rep("\0", 100))
      elseif i <= 7 then f:write("")
      else f:write("<html><head><title>x</title></head><body><script>var x;</script></body></html>") end
      f:close()
    end
  end)
  teardown(function() os.execute("rm -rf " .. dir) end)

  it("extracts a folder of 1,000 pages, some broken, with exact counts #slow", function()
    local out, rc, err = sh(sapo_cmd() .. " batch " .. dir .. " --out " .. dir .. "/out.jsonl")
    assert.equal(1, rc)                                      -- some items failed
    assert.truthy(err:find("1000 pages, 990 ok, 10 failed", 1, true), err)
    local n, failed, titles = 0, 0, 0
    for line in io.lines(dir .. "/out.jsonl") do
      local r = assert(json.decode(line), "invalid JSON line")
      n = n + 1
      if r.error then failed = failed + 1 else titles = titles + (r.title and 1 or 0) end
    end
    assert.equal(1000, n)
    assert.equal(10, failed)
    assert.equal(990, titles)
    assert.equal("", out)
  end)

  it("gives the same lines, in the same order, with --jobs 2 #slow", function()
    sh(sapo_cmd() .. " batch " .. dir .. "/a --out " .. dir .. "/one.jsonl")
    sh(sapo_cmd() .. " batch " .. dir .. "/a --jobs 2 --out " .. dir .. "/two.jsonl")
    assert.equal(H.read(dir .. "/one.jsonl"), H.read(dir .. "/two.jsonl"))
  end)

  it("maps JSON Lines to JSON Lines, one output line per input line", function()
    local input = dir .. "/in.jsonl"
    local f = io.open(input, "wb")
    f:write(json.encode({ url = "https://a.example/1", html = H.page("english-news.html") }), "\n")
    f:write("{broken\n")
    f:write(json.encode({ url = "https://a.example/2", html = H.page("baoquocte-like.html") }), "\n")
    f:close()
    for _, jobs in ipairs({ "", " --jobs 2" }) do
      local out, rc = sh(sapo_cmd() .. " batch --stdin-jsonl" .. jobs .. " < " .. input)
      assert.equal(1, rc)
      local lines = {}
      for l in out:gmatch("[^\n]+") do lines[#lines + 1] = json.decode(l) end
      assert.equal(3, #lines)
      assert.equal("https://a.example/1", lines[1].url)
      assert.equal("EJSON", lines[2].code)
      assert.equal("Việt Nam và Nhật Bản thúc đẩy hợp tác chuyển đổi số", lines[3].title)
    end
  end)

  it("writes one file per page with --dir", function()
    os.execute("mkdir -p " .. dir .. "/md")
    local _, rc = sh(sapo_cmd() .. " batch " .. H.root .. "/examples/pages --dir " .. dir .. "/md --format markdown")
    assert.equal(0, rc)
    assert.truthy(H.exists(dir .. "/md/viet-nam-va-nhat-ban-thuc-day-hop-tac-chuyen-doi-so.md"))
  end)

  it("draws a progress bar on stderr when asked (or when stderr is a terminal), none when piped", function()
    local _, _, err = sh(sapo_cmd() .. " batch " .. H.root .. "/examples/pages --out /dev/null --progress")
    assert.truthy(err:find("\r[", 1, true))
    assert.truthy(err:find("pages/s", 1, true))
    local _, _, quiet = sh(sapo_cmd() .. " batch " .. H.root .. "/examples/pages --out /dev/null")
    assert.is_nil(quiet:find("\r", 1, true))
  end)

  it("exits 2 on usage errors", function()
    assert.equal(2, select(2, sh(sapo_cmd() .. " batch")))
    assert.equal(2, select(2, sh(sapo_cmd() .. " batch x --jobs zero")))
    assert.equal(2, select(2, sh(sapo_cmd() .. " batch x --frobnicate")))
  end)
end)
