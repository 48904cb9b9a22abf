-- TLS: LuaSec verifies nothing unless asked; sapo.fetch asks, and checks
-- the host name too.  A local HTTPS server with a self-signed certificate.
local fetch = require "sapo.fetch"
local H = require "helper"

local function have_openssl() return os.execute("command -v openssl >/dev/null 2>&1") end

describe("sapo.fetch over TLS", function()
  local dir, pid, port
  setup(function()
    if not (have_openssl() == true or have_openssl() == 0) then return end
    dir = H.tmpdir()
    assert(H.ok("openssl req -x509 -newkey rsa:2048 -nodes -keyout " .. dir .. "/key.pem -out " .. dir ..
      "/cert.pem -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost >/dev/null 2>&1"))
    local p = io.popen(H.env() .. H.lua_cmd() .. " " .. H.root .. "/spec/support/tlsd.lua " .. dir .. "/port " ..
      dir .. "/cert.pem " .. dir .. "/key.pem >/dev/null 2>&1 & echo $!")
    pid = p:read("*l")
    p:close()
    for _ = 1, 200 do
      local f = io.open(dir .. "/port")
      if f then port = f:read("*a"); f:close() end
      if port and port ~= "" then break end
      os.execute("sleep 0.05")
    end
  end)
  teardown(function()
    if pid then os.execute("kill " .. pid .. " 2>/dev/null") end
    if dir then os.execute("rm -rf " .. dir) end
  end)

  it("refuses a certificate it cannot verify, by default", function()
    assert(port, "no TLS server")
    local r, err, code = fetch.fetch("https://localhost:" .. port .. "/", { timeout = 5 })
    assert.is_nil(r)
    assert.equal("ETLS", code)
    assert.truthy(err:find("TLS", 1, true))
  end)

  it("accepts it when its CA is trusted, and checks the host name", function()
    local ok = assert(fetch.fetch("https://localhost:" .. port .. "/", { timeout = 5, cafile = dir .. "/cert.pem" }))
    assert.equal(200, ok.status)
    assert.truthy(ok.body:find("Trang qua TLS", 1, true))
    local r, err, code = fetch.fetch("https://127.0.0.1:" .. port .. "/", { timeout = 5, cafile = dir .. "/cert.pem" })
    assert.is_nil(r)
    assert.equal("ETLS", code)
    assert.truthy(err:find("does not name", 1, true))
  end)

  it("fetches without checks only when told to", function()
    assert.equal(200, assert(fetch.fetch("https://127.0.0.1:" .. port .. "/", { timeout = 5, verify = false })).status)
  end)
end)
