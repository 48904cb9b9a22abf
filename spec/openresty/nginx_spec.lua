-- The OpenResty integration spec: a real nginx with the Lua module (LuaJIT)
-- serving sapo.http from this tree, on 127.0.0.1, started with a temporary
-- prefix and stopped by its PID.  Run once, by the "nginx" suite of
-- spec/run.sh (tag #nginx: the other suites leave it out).
local socket = require "socket"
local json = require "sapo.json"
local H = require "helper"
local server = require "support.server"

local function free_port()
  local s = assert(socket.bind("127.0.0.1", 0))
  local _, port = s:getsockname()
  s:close()
  return port
end

local function request(port, method, path, body, headers)
  local c = assert(socket.connect("127.0.0.1", port))
  c:settimeout(30)
  local lines = { method .. " " .. path .. " HTTP/1.1", "Host: 127.0.0.1", "Connection: close" }
  for k, v in pairs(headers or {}) do lines[#lines + 1] = k .. ": " .. v end
  if body then lines[#lines + 1] = "Content-Length: " .. #body end
  c:send(table.concat(lines, "\r\n") .. "\r\n\r\n" .. (body or ""))
  local resp = c:receive("*a")
  c:close()
  local status = tonumber(resp:match("^HTTP/1%.%d (%d%d%d)"))
  local rbody = resp:match("\r\n\r\n(.*)$") or ""
  if resp:lower():find("transfer%-encoding: chunked") then
    local out, rest = {}, rbody
    while true do
      local size, after = rest:match("^(%x+)\r\n(.*)$")
      size = tonumber(size or "", 16)
      if not size or size == 0 then break end
      out[#out + 1] = after:sub(1, size)
      rest = after:sub(size + 3)
    end
    rbody = table.concat(out)
  end
  return status, rbody, resp
end

describe("sapo.http in nginx #nginx", function()
  local prefix, port, pid, srv

  setup(function()
    srv = server.start()
    prefix = os.tmpname()
    os.remove(prefix)
    os.execute("mkdir -p " .. prefix .. "/logs")
    port = free_port()
    local root = H.root
    local conf = ([[
load_module /usr/lib/nginx/modules/ndk_http_module.so;
load_module /usr/lib/nginx/modules/ngx_http_lua_module.so;
worker_processes 2;
pid logs/nginx.pid;
error_log logs/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  lua_package_path "ROOT/lua/?.lua;ROOT/lua/?/init.lua;;";
  lua_package_cpath "ROOT/build/luajit/?.so;;";
  client_max_body_size 64m;
  client_body_buffer_size 64m;
  lua_socket_log_errors off;
  init_by_lua_block { require "sapo"; require "sapo.http" }
  server {
    listen 127.0.0.1:PORT;
    location /strict/ {
      content_by_lua_block { require("sapo.http").serve({ prefix = "/strict", max_body = 1048576 }) }
    }
    location / {
      content_by_lua_block {
        require("sapo.http").serve({ max_body = 1048576, allow = { "127.0.0.1" }, fetch_timeout = 2, max_fetch = 200000 })
      }
    }
  }
}
]]):gsub("ROOT", root):gsub("PORT", tostring(port))
    local f = assert(io.open(prefix .. "/nginx.conf", "w"))
    f:write(conf)
    f:close()
    assert(os.execute("nginx -p " .. prefix .. " -c nginx.conf 2>" .. prefix .. "/start.err"))
    for _ = 1, 100 do
      local pf = io.open(prefix .. "/logs/nginx.pid")
      if pf then pid = pf:read("*l"); pf:close() end
      if pid then
        local c = socket.connect("127.0.0.1", port)
        if c then c:close(); break end
      end
      socket.sleep(0.05)
    end
    assert(pid, "nginx did not start: " .. (H.read(prefix .. "/start.err") or ""))
  end)

  teardown(function()
    if pid then os.execute("kill " .. pid) end
    socket.sleep(0.2)
    server.stop(srv)
    if prefix then os.execute("rm -rf " .. prefix) end
  end)

  it("answers /health", function()
    local status, body = request(port, "GET", "/health")
    assert.equal(200, status)
    assert.equal("ok", json.decode(body).status)
  end)

  it("extracts a POSTed page as JSON, with the formats asked for", function()
    local status, body = request(port, "POST", "/extract?url=https%3A%2F%2Fbaoquocte.example.vn%2Fa.html",
      H.page("baoquocte-like.html"), { ["Content-Type"] = "text/html; charset=utf-8" })
    assert.equal(200, status)
    local art = json.decode(body)
    assert.equal("Việt Nam và Nhật Bản thúc đẩy hợp tác chuyển đổi số", art.title)
    assert.truthy(art.text:find("Hai bên nhất trí", 1, true))
    assert.truthy(art.markdown and art.html)
    local s2, b2 = request(port, "POST", "/extract?format=text&tone=old", H.page("baoquocte-like.html"))
    assert.equal(200, s2)
    local a2 = json.decode(b2)
    assert.is_nil(a2.markdown)
    assert.is_nil(a2.html)
  end)

  it("honours the request's charset (windows-1258)", function()
    local page = "<html><body><article>" ..
      string.rep("<p>Vi\234\242t Nam h\244\242i nh\208p s\226u r\244\204ng, ph\225t tri\234\210n kinh t\234\236.</p>", 8) ..
      "</article></body></html>"
    local status, body = request(port, "POST", "/extract", page, { ["Content-Type"] = "text/html; charset=windows-1258" })
    assert.equal(200, status)
    assert.truthy(json.decode(body).text:find("Việt Nam", 1, true))
  end)

  it("answers 400, 413, 422, 404 and 405 with JSON, never 500", function()
    local cases = {
      { "POST", "/extract?format=pdf", "<p>x</p>", 400 },
      { "POST", "/extract?tone=up", "<p>x</p>", 400 },
      { "POST", "/extract", nil, 400 },
      { "POST", "/extract", "\137PNG\r\n\26\n" .. string.rep("\0", 200), 400 },
      { "POST", "/extract", string.rep("<p>too big</p>", 100000), 413 },
      { "POST", "/extract", "<html><body><nav></nav></body></html>", 422 },
      { "GET", "/nowhere", nil, 404 },
      { "PUT", "/extract", "<p>x</p>", 405 },
      { "GET", "/extract", nil, 400 },
      { "GET", "/extract?url=notaurl", nil, 400 },
    }
    for _, c in ipairs(cases) do
      local status, body = request(port, c[1], c[2], c[3])
      assert.equal(c[4], status, c[1] .. " " .. c[2])
      local obj = json.decode(body)
      assert.is_table(obj, "not JSON: " .. tostring(body))
      assert.is_string(obj.error)
    end
  end)

  it("fetches ?url= with cosockets, and answers 502 when the fetch fails", function()
    local status, body = request(port, "GET", "/extract?url=" .. srv.base .. "/r/2")
    assert.equal(200, status)
    assert.equal("Trang thử", json.decode(body).title)
    assert.equal(502, (request(port, "GET", "/extract?url=" .. srv.base .. "/404")))
    assert.equal(502, (request(port, "GET", "/extract?url=" .. srv.base .. "/slow")))
    assert.equal(413, (request(port, "GET", "/extract?url=" .. srv.base .. "/big")))
  end)

  it("refuses private addresses and hosts outside the allow-list (SSRF)", function()
    local status, body = request(port, "GET", "/strict/extract?url=" .. srv.base .. "/page.html")
    assert.equal(403, status)
    assert.equal("EFORBIDDEN", json.decode(body).code)
    assert.equal(403, (request(port, "GET", "/strict/extract?url=http://localhost/x")))
    assert.equal(403, (request(port, "GET", "/strict/extract?url=http://10.1.2.3/x")))
    assert.equal(403, (request(port, "GET", "/extract?url=http://example.com/x")))   -- not allowed
  end)

  it("serves concurrent requests", function()
    local page = H.page("english-news.html")
    local conns = {}
    for i = 1, 24 do
      local c = assert(socket.connect("127.0.0.1", port))
      c:settimeout(30)
      local path = i % 3 == 0 and "/health" or "/extract"
      local body = path == "/extract" and page or nil
      c:send((body and "POST " or "GET ") .. path .. " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" ..
        (body and ("Content-Length: " .. #body .. "\r\n") or "") .. "\r\n" .. (body or ""))
      conns[#conns + 1] = c
    end
    for _, c in ipairs(conns) do
      local resp = c:receive("*a")
      c:close()
      assert.equal("200", resp:match("^HTTP/1%.%d (%d%d%d)"))
    end
  end)

  it("logged no Lua errors", function()
    local log = H.read(prefix .. "/logs/error.log") or ""
    assert.is_nil(log:find("sapo.http:", 1, true), log)
    assert.is_nil(log:find("stack traceback", 1, true), log)
  end)
end)
