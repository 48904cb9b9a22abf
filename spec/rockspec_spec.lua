-- The rockspecs: the scm one lists every C source and Lua module of the
-- tree (the Makefile builds from the same list), the versioned one is its
-- generated copy, and the release tarball installs with it.
local H = require "helper"

local function lines_of(cmd)
  local p = assert(io.popen(cmd))
  local t = {}
  for l in p:lines() do t[#t + 1] = l end
  p:close()
  return t
end

local ROOT = lines_of("cd " .. H.root .. " && pwd")[1]
local VERSION = H.read(ROOT .. "/csrc/core/sapo.h"):match('#define SAPO_VERSION "([^"]+)"')

-- make dist and the release tarball need git archive: pending outside a checkout
local function in_checkout()
  if H.ok("cd " .. ROOT .. " && git rev-parse --git-dir >/dev/null 2>&1") then return true end
  pending("not a git checkout: make dist needs git archive")
  return false
end

describe("the rockspecs", function()
  local spec = H.read(ROOT .. "/sapo-scm-1.rockspec")

  it("list every C source of csrc/ and nothing that is not there", function()
    local listed = {}
    for f in spec:gmatch('"(csrc/[^"]+%.c)"') do listed[f] = true end
    for _, f in ipairs(lines_of("cd " .. ROOT .. " && find csrc -name '*.c' | sort")) do
      assert(listed[f], f .. " is not in sapo-scm-1.rockspec")
      listed[f] = nil
    end
    assert.same({}, listed)
  end)

  it("list every Lua module of lua/sapo", function()
    for _, f in ipairs(lines_of("cd " .. ROOT .. " && ls lua/sapo/*.lua")) do
      assert(spec:find('"' .. f .. '"', 1, true), f .. " is not in sapo-scm-1.rockspec")
    end
  end)

  it("keep the versioned rockspec generated from the scm one", function()
    local name = lines_of("cd " .. ROOT .. " && ls rockspecs/*.rockspec")[1]
    assert.truthy(name, "no versioned rockspec")
    local before = H.read(ROOT .. "/" .. name)
    -- (make itself runs without the sanitizer a suite may preload)
    assert(H.ok("cd " .. ROOT .. " && env -u LD_PRELOAD make -s rockspec >/dev/null"))
    assert.equal(H.read(ROOT .. "/" .. name), before)
    local version = VERSION
    assert.equal("rockspecs/sapo-" .. version .. "-1.rockspec", name)
  end)

  it("install offline with `luarocks build` of the rockspec make dist writes, whose command runs from its bin/ alone #install", function()
    if not in_checkout() then return end
    local tmp = H.tmpdir()
    local version = VERSION
    -- a copy of the checkout, so dist/ is written there and not in the tree under test
    assert(H.ok("git clone -q " .. ROOT .. " " .. tmp .. "/src"))
    local ok = os.execute("cd " .. tmp .. "/src && env -u LD_PRELOAD make -s dist >" .. tmp .. "/dist.log 2>&1")
    assert(ok == true or ok == 0, H.read(tmp .. "/dist.log"))
    local rs = H.read(tmp .. "/src/dist/sapo-" .. version .. "-1.rockspec")
    assert.truthy(rs and rs:find('url = "file://' .. tmp .. "/src/dist/sapo%-" .. version:gsub("%.", "%%.") .. '%.tar%.gz"'), rs)
    ok = os.execute("cd /tmp && env -u LD_PRELOAD luarocks --lua-version=5.4 --tree=" .. tmp .. "/tree build --deps-mode=none " ..
      tmp .. "/src/dist/sapo-" .. version .. "-1.rockspec >" .. tmp .. "/build.log 2>&1")
    local log = H.read(tmp .. "/build.log") or ""
    -- only the tree's bin/ on PATH, no Lua paths at all
    local out = lines_of("unset LUA_PATH LUA_PATH_5_4 LUA_CPATH LUA_CPATH_5_4; cd /tmp && PATH=" .. tmp ..
      "/tree/bin:/usr/bin:/bin sapo --version 2>&1; PATH=" .. tmp .. "/tree/bin:/usr/bin:/bin sapo extract " .. ROOT ..
      "/examples/pages/english-news.html 2>&1 | head -1")
    os.execute("rm -rf " .. tmp)
    assert(ok == true or ok == 0, log)
    assert.equal("sapo " .. version, out[1])
    assert.equal("City council approves new bike lanes downtown", out[2])
  end)

  it("install from the release tarball with the versioned rockspec #install", function()
    if not in_checkout() then return end
    local tmp = H.tmpdir()
    local version = VERSION
    local ok = os.execute("cd " .. ROOT .. " && git archive --format=tar.gz --prefix=sapo-" .. version .. "/ -o " ..
      tmp .. "/sapo.tar.gz HEAD && cd " .. tmp .. " && tar xzf sapo.tar.gz && cd sapo-" .. version ..
      " && luarocks --lua-version=5.4 --tree=" .. tmp .. "/tree make --deps-mode=none rockspecs/sapo-" .. version ..
      "-1.rockspec >" .. tmp .. "/log 2>&1")
    local log = H.read(tmp .. "/log") or ""
    local out = lines_of("unset LUA_PATH LUA_PATH_5_4 LUA_CPATH LUA_CPATH_5_4; eval \"$(luarocks --lua-version=5.4 --tree=" ..
      tmp .. "/tree path)\"; cd " .. tmp .. " && sapo --version 2>&1")
    os.execute("rm -rf " .. tmp)
    assert(ok == true or ok == 0, log)
    assert.equal("sapo " .. version, out[1])
  end)
end)
