-- The package around the code: the licence, the changelog, the docs a new
-- user follows, the README's links, what `require "sapo"` reaches, and
-- what `luarocks test` runs (issue 23).
local H = require "helper"

local function read(path) return H.read(H.root .. "/" .. path) end

describe("the package", function()
  it("has an MIT licence, the one the rockspec names", function()
    local licence = assert(read("LICENSE"), "no LICENSE")
    assert.truthy(licence:find("^MIT License\n"))
    assert.truthy(licence:find('THE SOFTWARE IS PROVIDED "AS IS"', 1, true))
    assert.truthy(read("sapo-scm-1.rockspec"):find('license = "MIT"', 1, true))
  end)

  it("has a changelog in Keep a Changelog's form, with this version's section", function()
    local log = assert(read("CHANGELOG.md"), "no CHANGELOG.md")
    local version = read("csrc/core/sapo.h"):match('#define SAPO_VERSION "([^"]+)"')
    assert.truthy(log:find("keepachangelog.com", 1, true))
    assert.truthy(log:find("## [Unreleased]", 1, true))
    assert.truthy(log:find("## %[" .. version:gsub("%.", "%%.") .. "%] %- %d%d%d%d%-%d%d%-%d%d"), "no section for " .. version)
    assert.truthy(log:find("### Added", 1, true))
  end)

  it("links, from the README and CONTRIBUTING, only files that are in the repository", function()
    for _, doc in ipairs({ "README.md", "CONTRIBUTING.md", "CHANGELOG.md" }) do
      local text = assert(read(doc), doc)
      for target in text:gmatch("%]%(([^)#]+)[^)]*%)") do
        if not target:match("^%a+://") then
          assert.truthy(H.exists(H.root .. "/" .. target), doc .. " links " .. target .. ", which is not here")
        end
      end
    end
    -- the team's material outside the repository is named in CONTRIBUTING only
    local readme = read("README.md")
    assert.is_nil(readme:find("../shared", 1, true), "the README points outside the repository")
    assert.is_nil(readme:find("EXTRACTION.md", 1, true))
    assert.truthy(read("CONTRIBUTING.md"):find("../shared", 1, true))
  end)

  it("reaches every documented module from require \"sapo\", loading each on first use", function()
    local modules = { render = "sapo.render", guard = "sapo.guard", http = "sapo.http", pipeline = "sapo.pipeline",
                      source = "sapo.source", sink = "sapo.sink", url = "sapo.url", options = "sapo.options",
                      warc = "sapo.warc", fetch_module = "sapo.fetch" }
    -- a fresh interpreter: nothing but require "sapo" has run
    local script = os.tmpname()
    local f = assert(io.open(script, "w"))
    f:write([[
      local sapo = require "sapo"
      local mods = { ]])
    for k, m in pairs(modules) do f:write(k, " = '", m, "', ") end
    f:write([[ }
      -- (sapo.fetch, sapo.url and sapo.options are needed by sapo itself)
      for k, m in pairs(mods) do
        if package.loaded[m] and k ~= "fetch_module" and k ~= "url" and k ~= "options" then
          io.write("eager ", m, "\n")
        end
      end
      for k, m in pairs(mods) do
        if sapo[k] ~= require(m) then io.write("missing ", k, "\n") end
      end
      io.write(type(sapo.fetch) == "function" and type(sapo.explain) == "function" and "ok\n" or "functions\n")
    ]])
    f:close()
    local p = io.popen(H.env() .. " " .. H.lua_cmd() .. " " .. script .. " 2>&1")
    local out = p:read("a")
    p:close()
    os.remove(script)
    assert.equal("ok\n", out)
  end)

  it("runs the busted suite only under luarocks test, not make test", function()
    local spec = read("sapo-scm-1.rockspec")
    local test = spec:match("\ntest = (%b{})")
    assert.truthy(test, "no test section")
    assert.truthy(test:find("busted", 1, true))
    assert.is_nil(test:find("make", 1, true))
  end)

  it("documents every public function (tools/check_docs.lua), and LDoc builds the reference", function()
    local p = io.popen("cd " .. H.root .. " && " .. H.lua_cmd() .. " tools/check_docs.lua . 2>&1; echo rc=$?")
    local out = p:read("a")
    p:close()
    assert.truthy(out:find("rc=0", 1, true), out)
    assert.truthy(read("config.ld"):find('dir = "docs/api"', 1, true))
  end)
end)
