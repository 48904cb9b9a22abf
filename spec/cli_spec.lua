-- The `sapo` command as users meet it: installed with `luarocks --tree=T
-- make` (the README's way), on PATH, run from a scratch folder.  Tagged
-- #install: the lua5.4 suite runs it once; the other suites leave it out.
local H = require "helper"
local json = require "sapo.json"
local server = require "support.server"

local function abs_root()
  local p = io.popen("cd " .. H.root .. " && pwd")
  local r = p:read("*l")
  p:close()
  return r
end

local ROOT = abs_root()
local tree, work, env

local function sh(cmd, stdin_file)
  local full = "cd " .. work .. " && " .. env .. cmd .. (stdin_file and (" < " .. stdin_file) or "") ..
    " 2>" .. work .. "/err.txt; echo \"rc=$?\""
  local p = assert(io.popen(full))
  local out = p:read("*a")
  p:close()
  local rc = tonumber(out:match("rc=(%d+)%s*$"))
  return out:gsub("rc=%d+%s*$", ""), rc, H.read(work .. "/err.txt") or ""
end

local function write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

describe("the installed sapo command #install", function()
  setup(function()
    tree, work = H.tmpdir(), H.tmpdir()
    local log = tree .. "/install.log"
    local ok = os.execute("cd " .. ROOT .. " && luarocks --lua-version=5.4 --tree=" .. tree ..
      " make --deps-mode=none sapo-scm-1.rockspec >" .. log .. " 2>&1")
    assert(ok == true or ok == 0, "luarocks make failed: " .. tostring(H.read(log)))
    -- the tree's paths and bin as `luarocks path` gives them (the README's
    -- way), and nothing pointing into the source tree
    env = "unset LUA_PATH LUA_PATH_5_4 LUA_CPATH LUA_CPATH_5_4; eval \"$(luarocks --lua-version=5.4 --tree=" .. tree ..
      " path)\"; "
    os.execute("cp -r " .. ROOT .. "/examples/pages " .. work .. "/pages")
  end)

  teardown(function()
    os.execute("rm -rf " .. tree .. " " .. work)
  end)

  it("is the installed one, and says its version", function()
    local out, rc = sh("command -v sapo")
    assert.equal(0, rc)
    assert.equal(tree .. "/bin/sapo\n", out)
    out, rc = sh("sapo --version")
    assert.equal(0, rc)
    assert.truthy(out:find("^sapo %d+%.%d+%.%d+\n$"), out)
  end)

  it("exports luaopen_sapo_core alone from the module LuaRocks built", function()
    local so = tree .. "/lib/lua/5.4/sapo/core.so"
    assert.truthy(H.exists(so), so)
    local p = io.popen("nm -D --defined-only " .. so .. " 2>/dev/null")
    local names = {}
    for line in p:lines() do
      local name = line:match("%S+%s+[TDBR]%s+(%S+)$")
      if name and not name:match("^_") then names[#names + 1] = name end
    end
    p:close()
    assert.same({ "luaopen_sapo_core" }, names)
  end)

  it("answers -h and --help on every command", function()
    for _, c in ipairs({ "", "extract", "batch", "vi", "vi tone", "vi decode", "vi slug", "vi detect", "vi encode",
                         "explain" }) do
      for _, h in ipairs({ "-h", "--help" }) do
        local out, rc = sh("sapo " .. c .. " " .. h)
        assert.equal(0, rc, c .. " " .. h)
        assert.truthy(out:find("^Usage: sapo"), c .. ": " .. out)
        if c ~= "" then assert.truthy(out:find("sapo " .. c, 1, true), c) end
      end
    end
    local out, rc = sh("sapo help batch")
    assert.equal(0, rc)
    assert.truthy(out:find("--jobs", 1, true))
  end)

  it("prints text, Markdown, HTML and JSON a reader expects", function()
    local out, rc = sh("sapo extract pages/english-news.html")
    assert.equal(0, rc)
    assert.truthy(out:find("^City council approves new bike lanes downtown\nJane Doe · 2024%-03%-14\n\nThe city council voted"))
    out = sh("sapo extract pages/english-news.html --format=markdown --url https://d.example/n/a.html")
    assert.truthy(out:find("^# City council approves new bike lanes downtown\n\n%*Jane Doe · 2024%-03%-14%*\n"))
    assert.truthy(out:find("![A cyclist rides along Main Street.](https://d.example/img/bike-lane.jpg)", 1, true))
    assert.truthy(out:find("\n## ", 1, true))
    out = sh("sapo extract pages/english-news.html -f html")
    assert.truthy(out:find("^<!DOCTYPE html>"))
    assert.truthy(out:find("<h1>City council approves new bike lanes downtown</h1>", 1, true))
    assert.truthy(out:find('<time datetime="2024-03-14', 1, true))
    out = sh("sapo extract - --format json --pretty", "pages/english-news.html")
    assert.truthy(out:find('^{\n  "title": "City council'))
    assert.equal("Jane Doe", json.decode(out).byline)
    out = sh("sapo extract pages/english-news.html -f json --fields=title,date")
    assert.same({ "date", "title" }, (function() local k = {} for x in pairs(json.decode(out)) do k[#k + 1] = x end table.sort(k) return k end)())
  end)

  it("checks every flag before any work: one line and exit 2", function()
    local cases = {
      "extract pages/english-news.html --format pdf",
      "extract pages/english-news.html --tone middle",
      "extract pages/english-news.html --charset klingon",
      "extract pages/english-news.html --max-bytes lots",
      "extract pages/english-news.html --timeout=-1",
      "extract pages/english-news.html --bogus",
      "batch pages --formats markdown,pdf",
      "batch pages --jobs 0",
      "batch pages --fields title,colour",
      "batch pages --format=yaml",
      "vi tone sideways",
      "vi decode foo",
      "vi encode viqr",
      "nosuchcommand",
    }
    for _, c in ipairs(cases) do
      local out, rc, err = sh("timeout 10 sapo " .. c .. " < /dev/zero")
      assert.equal(2, rc, c .. ": " .. err)
      assert.equal("", out, c)
      assert.truthy(err:find("^sapo") and select(2, err:gsub("\n", "")) == 1, c .. ": " .. err)
    end
    -- extract and batch sources
    local _, rc, err = sh("sapo extract pages")
    assert.equal(2, rc)
    assert.truthy(err:find("sapo batch pages", 1, true), err)
    os.execute("mkdir -p " .. work .. "/empty")
    _, rc, err = sh("sapo batch empty")
    assert.equal(1, rc)
    assert.truthy(err:find("empty", 1, true), err)
    _, rc, err = sh("sapo batch /nonexistent/folder")
    assert.equal(1, rc)
    assert.truthy(err:find("/nonexistent/folder", 1, true), err)
  end)

  it("reads pages in legacy Vietnamese font encodings with --charset tcvn3 / vni", function()
    local vi = require "sapo.vi"
    local body = "Việt Nam hội nhập sâu rộng, phát triển kinh tế nhanh chóng trong nhiều năm qua."
    for _, enc in ipairs({ "tcvn3", "vni", "x-viet-tcvn3" }) do
      local bytes = vi.encode(body, enc == "x-viet-tcvn3" and "tcvn3" or enc)
      write(work .. "/legacy.html", "<html><body><article>" .. string.rep("<p>" .. bytes .. "</p>", 6) .. "</article></body></html>")
      local out, rc = sh("sapo extract legacy.html --charset " .. enc)
      assert.equal(0, rc, enc)
      assert.truthy(out:find(body, 1, true), enc)
    end
  end)

  it("runs the Vietnamese text tools", function()
    write(work .. "/vi.txt", "Thuỷ điện Hoà Bình\nĐà Nẵng: khai mạc\n")
    local out, rc = sh("sapo vi tone old", "vi.txt")
    assert.equal(0, rc)
    assert.equal("Thủy điện Hòa Bình\nĐà Nẵng: khai mạc\n", out)
    assert.equal("thuy-dien-hoa-binh\nda-nang-khai-mac\n", (sh("sapo vi slug", "vi.txt")))
    local enc = sh("sapo vi encode tcvn3", "vi.txt")
    write(work .. "/tcvn3.txt", enc)
    assert.equal("Thuỷ điện Hoà Bình\nĐà Nẵng: khai mạc\n", (sh("sapo vi decode tcvn3", "tcvn3.txt")))
    assert.truthy((sh("sapo vi detect", "vi.txt")):find("^vi "))
  end)

  it("writes every format into a folder it creates with --dir", function()
    for _, f in ipairs({ "json", "markdown", "text", "html" }) do
      local out, rc = sh("sapo batch pages --no-progress --dir out/" .. f .. " --format " .. f)
      assert.equal(0, rc, f)
      assert.equal("", out)
      local ext = ({ json = ".json", markdown = ".md", text = ".txt", html = ".html" })[f]
      local s = H.read(work .. "/out/" .. f .. "/city-council-approves-new-bike-lanes-downtown" .. ext)
      assert.truthy(s, f)
      if f == "markdown" then assert.truthy(s:find("^# City council")) end
      if f == "html" then assert.truthy(s:find("<h1>City council", 1, true)) end
      if f == "text" then assert.truthy(s:find("^City council approves new bike lanes downtown\nJane Doe")) end
      if f == "json" then assert.equal("Jane Doe", json.decode(s).byline) end
    end
  end)

  it("--jobs 2 from the installed command: one summary, the same bytes as --jobs 1", function()
    os.execute("mkdir -p " .. work .. "/many")
    for i = 1, 40 do os.execute(string.format("cp %s/pages/%s %s/many/p%02d.html", work,
      ({ "english-news.html", "baoquocte-like.html", "vnexpress-like.html", "amp-news.html" })[i % 4 + 1], work, i)) end
    write(work .. "/many/broken.html", "\137PNG\r\n\26\n" .. string.rep("\0", 64))
    local _, rc1, err1 = sh("sapo batch many --out one.jsonl")
    local _, rc2, err2 = sh("sapo batch many --jobs 2 --out two.jsonl")
    assert.equal(1, rc1)
    assert.equal(1, rc2)
    assert.equal(H.read(work .. "/one.jsonl"), H.read(work .. "/two.jsonl"))
    assert.truthy(err1:find("41 pages, 40 ok, 1 failed", 1, true), err1)
    local _, summaries = err2:gsub("sapo batch: %d+ pages", "")
    assert.equal(1, summaries, err2)
    assert.truthy(err2:find("41 pages, 40 ok, 1 failed", 1, true), err2)
    -- JSON Lines in, JSON Lines out: the input's url kept, line numbers global
    local lines = {}
    for i = 1, 7 do
      lines[#lines + 1] = i == 5 and "{not json" or
        json.encode({ url = "https://in.example/" .. i, html = H.page(i % 2 == 0 and "english-news.html" or "amp-news.html") })
    end
    write(work .. "/in.jsonl", table.concat(lines, "\n") .. "\n")
    local o1 = sh("sapo batch --stdin-jsonl", "in.jsonl")
    local o2, _, e2 = sh("sapo batch --stdin-jsonl --jobs 3", "in.jsonl")
    assert.equal(o1, o2)
    local recs = {}
    for l in o2:gmatch("[^\n]+") do recs[#recs + 1] = json.decode(l) end
    assert.equal(7, #recs)
    assert.equal("https://in.example/2", recs[2].url)
    assert.truthy(recs[2].canonical_url)
    assert.equal("line 5", recs[5].source)
    local _, n = e2:gsub("sapo batch: %d+ pages", "")
    assert.equal(1, n)
  end)

  it("draws one progress bar under a terminal, with --jobs too", function()
    if not H.ok("command -v script >/dev/null 2>&1") then pending("script(1) is not installed") return end
    local out = sh("script -qec 'sapo batch many --jobs 2 --out three.jsonl' /dev/null")
    assert.truthy(out:find("%[#+%.*%] 41/41"), out)
    assert.truthy(out:find("pages/s", 1, true))
    local _, n = out:gsub("sapo batch: %d+ pages", "")
    assert.equal(1, n)
  end)

  describe("fetching", function()
    local srv
    setup(function() srv = server.start() end)
    teardown(function() server.stop(srv) end)

    it("says what a fetched non-HTML response is, and honours --max-bytes and --timeout", function()
      local _, rc, err = sh("sapo extract " .. srv.base .. "/json")
      assert.equal(1, rc)
      assert.truthy(err:find("application/json", 1, true) and err:find("EPARSE", 1, true), err)
      _, rc, err = sh("sapo extract " .. srv.base .. "/big --max-bytes 100k")
      assert.equal(1, rc)
      assert.truthy(err:find("ELIMIT", 1, true), err)
      _, rc, err = sh("sapo extract " .. srv.base .. "/slow --timeout 1")
      assert.equal(1, rc)
      assert.truthy(err:find("ETIMEOUT", 1, true), err)
      local out
      out, rc = sh("sapo extract " .. srv.base .. "/page.html --user-agent probe/1")
      assert.equal(0, rc)
      assert.truthy(out:find("^Trang thử"))
    end)
  end)

  it("runs every command line of the README's command-line section", function()
    local readme = H.read(ROOT .. "/README.md")
    local section = readme:match("\n## Command line\n(.-)\n## ")
    assert.truthy(section, "no '## Command line' section")
    local n = 0
    for block in section:gmatch("```sh\n(.-)```") do
      for line in block:gmatch("[^\n]+") do
        local cmd = line:match("^%$ (sapo .*)$")
        if cmd then
          n = n + 1
          local _, rc, err = sh((cmd:gsub("examples/pages", "pages")))
          assert(rc == 0, cmd .. " -> " .. tostring(rc) .. ": " .. err)
        end
      end
    end
    assert.truthy(n >= 6, n .. " examples")
  end)
end)

describe("bin/sapo from the tree", function()
  local function run(args)
    local p = assert(io.popen(H.env() .. H.lua_cmd() .. " " .. H.root .. "/bin/sapo " .. args .. " 2>&1; echo \"rc=$?\""))
    local out = p:read("*a")
    p:close()
    return out:gsub("rc=%d+%s*$", ""), tonumber(out:match("rc=(%d+)%s*$"))
  end

  it("works under the interpreter running the specs", function()
    local out, rc = run("extract " .. H.root .. "/examples/pages/english-news.html")
    assert.equal(0, rc)
    assert.truthy(out:find("^City council approves new bike lanes downtown\n"))
    assert.equal(2, select(2, run("extract")))
  end)

  it("cli.main never exits the process and reports exit codes", function()
    local cli = require "sapo.cli"
    local outs, errs = {}, {}
    local io_ = { stdout = { write = function(_, ...) for _, s in ipairs({ ... }) do outs[#outs + 1] = s end end },
                  stderr = { write = function(_, ...) for _, s in ipairs({ ... }) do errs[#errs + 1] = s end end } }
    assert.equal(0, cli.main({ "--version" }, io_))
    assert.truthy(table.concat(outs):find("^sapo "))
    assert.equal(2, cli.main({ "extract", "--format", "pdf", "x" }, io_))
    assert.equal(2, cli.main({}, io_))
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

  it("run from the tree after `eval \"$(make env)\"`", function()
    local p = assert(io.popen("cd " .. ROOT .. " && eval \"$(env -u LD_PRELOAD make -s env)\" && " .. H.lua_cmd() ..
      " examples/extract_file.lua examples/pages/english-news.html 2>&1"))
    local out = p:read("*a")
    p:close()
    assert.truthy(out:find("City council approves new bike lanes downtown", 1, true), out)
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
