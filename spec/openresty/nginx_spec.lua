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

local function request(port, method, path, body, headers, addr)
  local c = assert(socket.connect(addr or "127.0.0.1", port))
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

-- run cmd (which starts nginx as a daemon), wait until its pid file exists
-- and the port answers; the pid
local function start_nginx(cmd, errfile, pidfile, port)
  assert(H.ok(cmd .. " 2>" .. errfile))
  local pid
  for _ = 1, 100 do
    local pf = io.open(pidfile)
    if pf then pid = pf:read("*l"); pf:close() end
    if pid then
      local c = socket.connect("127.0.0.1", port)
      if c then c:close(); break end
    end
    socket.sleep(0.05)
  end
  assert(pid, "nginx did not start: " .. tostring(H.read(errfile)))
  return pid
end

describe("sapo.http in nginx #nginx", function()
  local prefix, port, pid, srv, other, dns

  setup(function()
    srv = server.start()
    other = server.start("127.0.0.2")              -- a host no option allows
    dns = server.start(nil, "dnsd", "127.0.0.1")   -- every name is 127.0.0.1
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
    error_page 400 404 405 408 413 414 494 500 502 503 504 /_sapo_error;
    location = /_sapo_error { internal; content_by_lua_block { require("sapo.http").error_page() } }
    location /bomb/ {
      content_by_lua_block {
        require("sapo.http").serve({ prefix = "/bomb", allow = { "127.0.0.1" }, fetch_timeout = 20 })
      }
    }
    location /small/ {
      client_max_body_size 1k;
      content_by_lua_block { require("sapo.http").serve({ prefix = "/small" }) }
    }
    location /public/ {
      content_by_lua_block {
        require("sapo.http").serve({ prefix = "/public", allow_public = true, nameservers = { "127.0.0.1:DNSPORT" },
          fetch_timeout = 2, dns_timeout = 1 })
      }
    }
    location /busy/ {
      content_by_lua_block { require("sapo.http").serve({ prefix = "/busy", allow = { "127.0.0.1" }, max_fetches = 0 }) }
    }
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
]]):gsub("ROOT", root):gsub("DNSPORT", tostring(dns.port)):gsub("PORT", tostring(port))
    local f = assert(io.open(prefix .. "/nginx.conf", "w"))
    f:write(conf)
    f:close()
    pid = start_nginx("nginx -p " .. prefix .. " -c nginx.conf", prefix .. "/start.err", prefix .. "/logs/nginx.pid", port)
  end)

  teardown(function()
    if pid then os.execute("kill " .. pid) end
    socket.sleep(0.2)
    server.stop(srv)
    server.stop(other)
    server.stop(dns)
    if prefix then os.execute("rm -rf " .. prefix) end
  end)

  it("answers /health", function()
    local status, body = request(port, "GET", "/health")
    assert.equal(200, status)
    assert.equal("ok", json.decode(body).status)
  end)

  it("extracts a POSTed page as JSON, or as the text asked for", function()
    local status, body = request(port, "POST", "/extract?url=https%3A%2F%2Fbaoquocte.example.vn%2Fa.html",
      H.page("baoquocte-like.html"), { ["Content-Type"] = "text/html; charset=utf-8" })
    assert.equal(200, status)
    local art = json.decode(body)
    assert.equal("Việt Nam và Nhật Bản thúc đẩy hợp tác chuyển đổi số", art.title)
    assert.truthy(art.text:find("Hai bên nhất trí", 1, true))
    assert.truthy(art.markdown and art.html)
    local s2, b2 = request(port, "POST", "/extract?format=text&tone=old", H.page("baoquocte-like.html"))
    assert.equal(200, s2)
    assert.is_nil(json.decode(b2))
    assert.truthy(b2:find("^Việt Nam và Nhật Bản thúc đẩy hợp tác chuyển đổi số\n"))
    assert.truthy(b2:find("Hai bên nhất trí", 1, true))
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

  it("fetches ?url= with cosockets, and answers 502 or 504 when the fetch fails", function()
    local status, body = request(port, "GET", "/extract?url=" .. srv.base .. "/r/2")
    assert.equal(200, status)
    assert.equal("Trang thử", json.decode(body).title)
    assert.equal(502, (request(port, "GET", "/extract?url=" .. srv.base .. "/404")))
    assert.equal(504, (request(port, "GET", "/extract?url=" .. srv.base .. "/slow")))
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

  local function hits(s)
    local _, body = request(s.port, "GET", "/hits", nil, nil, s.base:match("//([^:]+)"))
    return tonumber(body)
  end

  it("checks every redirect: an allowed host redirecting to a disallowed one is refused", function()
    local before = hits(other)
    local target = other.base .. "/page.html"
    local status, body = request(port, "GET", "/extract?url=" .. srv.base .. "/go?u=" .. target:gsub(":", "%%3A"):gsub("/", "%%2F"))
    assert.equal(403, status)
    assert.equal("EFORBIDDEN", json.decode(body).code)
    assert.equal(before, hits(other), "the refused host was asked")
  end)

  it("under allow_public, refuses a name that resolves to a private address (checked by DNS)", function()
    local before = hits(srv)
    local status, body = request(port, "GET", "/public/extract?url=http://news.example.test:" .. srv.port .. "/page.html")
    assert.equal(403, status)
    local obj = json.decode(body)
    assert.equal("EFORBIDDEN", obj.code)
    assert.truthy(obj.error:find("127.0.0.1", 1, true), obj.error)
    assert.equal(before, hits(srv), "the private address was connected to")
    assert.equal(403, (request(port, "GET", "/public/extract?url=http://10.0.0.5/admin")))
    assert.equal(403, (request(port, "GET", "/public/extract?url=http://[::1]:" .. srv.port .. "/page.html")))
  end)

  it("refuses GET ?url= when the server sets neither allow nor allow_public", function()
    local status, body = request(port, "GET", "/strict/extract?url=http://example.com/a.html")
    assert.equal(403, status)
    assert.truthy(json.decode(body).error:find("allow", 1, true))
  end)

  it("answers a body over nginx's own limit with JSON 413", function()
    local status, body, raw = request(port, "POST", "/small/extract", string.rep("<p>x</p>", 2000))
    assert.equal(413, status)
    assert.truthy(raw:lower():find("content%-type: application/json"), raw)
    assert.equal("ELIMIT", json.decode(body).code)
  end)

  it("answers each format with its own Content-Type", function()
    local page = H.page("english-news.html")
    local status, body, raw = request(port, "POST", "/extract?format=markdown", page)
    assert.equal(200, status)
    assert.truthy(raw:lower():find("content%-type: text/markdown; charset=utf%-8"), raw:sub(1, 300))
    assert.truthy(body:find("^# City council approves new bike lanes downtown\n"))
    status, body, raw = request(port, "POST", "/extract?format=text", page)
    assert.equal(200, status)
    assert.truthy(raw:lower():find("content%-type: text/plain; charset=utf%-8"))
    assert.truthy(body:find("^City council approves new bike lanes downtown\nJane Doe · 2024%-03%-14\n"))
    status, body, raw = request(port, "POST", "/extract?format=html", page)
    assert.equal(200, status)
    assert.truthy(raw:lower():find("content%-type: text/html; charset=utf%-8"))
    assert.truthy(body:find("<h1>City council approves new bike lanes downtown</h1>", 1, true))
  end)

  it("answers 429 when the worker's fetches in flight are at the limit", function()
    local status, body = request(port, "GET", "/busy/extract?url=" .. srv.base .. "/page.html")
    assert.equal(429, status)
    assert.equal("EBUSY", json.decode(body).code)
  end)

  it("answers 422 for a fetched response that is not HTML", function()
    local status, body = request(port, "GET", "/extract?url=" .. srv.base .. "/json")
    assert.equal(422, status)
    assert.truthy(json.decode(body).error:find("application/json", 1, true))
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

  -- the resident memory of nginx's workers (children of the master), KiB
  local function workers_rss()
    local total, n = 0, 0
    local p = io.popen("ls /proc")
    for d in p:lines() do
      if d:match("^%d+$") then
        local f = io.open("/proc/" .. d .. "/status")
        local st = f and f:read("*a")
        if f then f:close() end
        if st and st:match("PPid:%s*(%d+)") == tostring(pid) then
          total, n = total + tonumber(st:match("VmRSS:%s*(%d+)") or 0), n + 1
        end
      end
    end
    p:close()
    return total, n
  end

  it("cuts a trickling upstream at fetch_timeout, headers or body (504 within 1 s)", function()
    for _, route in ipairs({ "/trickle", "/trickle-head" }) do
      local t0 = socket.gettime()
      local status, body = request(port, "GET", "/extract?url=" .. srv.base .. route)
      local took = socket.gettime() - t0
      assert.equal(504, status, route)
      assert.equal("ETIMEOUT", json.decode(body).code)
      assert.is_true(took >= 1.5 and took <= 3.0, route .. " took " .. took .. " s (fetch_timeout 2)")
    end
  end)

  it("refuses a header flood and an endless header line from upstream, at once", function()
    for _, route in ipairs({ "/flood", "/longline" }) do
      local t0 = socket.gettime()
      local status, body = request(port, "GET", "/extract?url=" .. srv.base .. route)
      assert.equal(413, status, route)
      assert.equal("ELIMIT", json.decode(body).code)
      assert.is_true(socket.gettime() - t0 < 3, route)
    end
  end)

  it("refuses a gzip bomb while inflating it, the workers staying under 64 MB", function()
    local status, body = request(port, "GET", "/bomb/extract?url=" .. srv.base .. "/bomb")
    assert.equal(413, status)
    assert.truthy(json.decode(body).error:find("max_bytes", 1, true))
    local rss, n = workers_rss()
    assert.is_true(n >= 1)
    assert.is_true(rss / n < 64 * 1024, "worker RSS " .. rss / n .. " KiB")
  end)

  it("answers a redirect chain over the limit 502 EREDIRECT", function()
    local status, body = request(port, "GET", "/extract?url=" .. srv.base .. "/r/9")
    assert.equal(502, status)
    assert.equal("EREDIRECT", json.decode(body).code)
  end)

  it("answers nginx's own errors before a URI is read as JSON too", function()
    local function raw(req)
      local c = assert(socket.connect("127.0.0.1", port))
      c:settimeout(10)
      c:send(req)
      local r = c:receive("*a") or ""
      c:close()
      return tonumber(r:match("^HTTP/1%.%d (%d%d%d)")), r
    end
    local big = string.rep("a", 20000)
    for _, c in ipairs({ { "GARBAGE\r\n\r\n", 400 }, { "GET /" .. big .. " HTTP/1.1\r\nHost: x\r\n\r\n", 414 },
                         { "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " .. big .. "\r\n\r\n", 400 },
                         { "GET /\1 HTTP/1.1\r\nHost: x\r\n\r\n", 400 }, { "GET / HTTP/1.1\r\n\r\n", 400 },
                         { "GET /_sapo_error HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404 } }) do
      local status, resp = raw(c[1])
      assert.equal(c[2], status, c[1]:sub(1, 40))
      assert.truthy(resp:lower():find("content%-type: application/json", 1), resp:sub(1, 200))
      local obj = json.decode(resp:match("\r\n\r\n(.*)$"):gsub("^%x+\r\n", ""):gsub("\r\n0\r\n\r\n$", ""))
      assert.equal(c[2], obj.status)
    end
  end)

  it("keeps the workers' memory flat over 10,000 mixed requests", function()
    local page = H.page("english-news.html")
    local function round(n)
      for i = 1, n do
        local k = i % 5
        if k == 0 then request(port, "GET", "/health")
        elseif k == 1 then request(port, "POST", "/extract?format=markdown", page)
        elseif k == 2 then request(port, "GET", "/extract?url=" .. srv.base .. "/page.html")
        elseif k == 3 then request(port, "POST", "/extract", "\137PNG\r\n\26\n")
        else request(port, "GET", "/extract?url=" .. srv.base .. "/404") end
      end
    end
    round(1000)          -- warm: the workers' heaps reach their working size
    local before = workers_rss()
    round(9000)
    local after = workers_rss()
    assert.is_true(after - before < 8 * 1024, "workers grew by " .. (after - before) .. " KiB over 9,000 requests")
  end)

  it("logged no Lua errors", function()
    local log = H.read(prefix .. "/logs/error.log") or ""
    assert.is_nil(log:find("sapo.http:", 1, true), log)
    assert.is_nil(log:find("stack traceback", 1, true), log)
  end)
end)

describe("the shipped example, started as the README says #nginx", function()
  local tree, port, pid, srv

  setup(function()
    srv = server.start()
    tree = os.tmpname()
    os.remove(tree)
    port = free_port()
    -- the example's layout (examples/openresty beside lua/ and build/), its
    -- nginx.conf as shipped but for the port, so a spec run cannot collide
    -- with a server a user started on 8080
    local p = io.popen("cd " .. H.root .. " && pwd")
    local root = p:read("*l")
    p:close()
    assert(H.ok("mkdir -p " .. tree .. "/examples/openresty/logs && ln -s " .. root .. "/lua " .. tree ..
      "/lua && ln -s " .. root .. "/build " .. tree .. "/build"))
    local conf = H.read(H.root .. "/examples/openresty/nginx.conf")
    local n
    conf, n = conf:gsub("listen 127%.0%.0%.1:8080;", "listen 127.0.0.1:" .. port .. ";")
    assert.equal(1, n)
    local f = assert(io.open(tree .. "/examples/openresty/nginx.conf", "w"))
    f:write(conf)
    f:close()
    pid = start_nginx("cd " .. tree .. ' && nginx -p "$PWD/examples/openresty" -c nginx.conf', tree .. "/start.err",
      tree .. "/examples/openresty/logs/nginx.pid", port)
  end)

  teardown(function()
    if pid then os.execute("kill " .. pid) end
    socket.sleep(0.2)
    server.stop(srv)
    if tree then os.execute("rm -rf " .. tree) end
  end)

  it("listens where SAPO_LISTEN says with examples/openresty/run.sh, the file unedited", function()
    local other = free_port()
    local p = io.popen("cd " .. H.root .. " && pwd")
    local ex = p:read("*l") .. "/examples/openresty"
    p:close()
    local before = H.read(ex .. "/nginx.conf")
    os.remove(ex .. "/logs/nginx.pid")
    local rpid = start_nginx("cd /tmp && SAPO_LISTEN=127.0.0.1:" .. other .. " sh " .. ex .. "/run.sh",
      tree .. "/run.err", ex .. "/logs/nginx.pid", other)
    local status = request(other, "GET", "/health")
    assert(H.ok("sh " .. ex .. "/run.sh stop"))
    socket.sleep(0.3)
    assert.equal(200, status)
    assert.is_truthy(rpid)
    assert.equal(before, H.read(ex .. "/nginx.conf"))
    assert.is_false(H.ok("SAPO_LISTEN='8080; evil' sh " .. ex .. "/run.sh 2>/dev/null"))
  end)

  it("answers /health and extracts a POSTed page as text", function()
    assert.equal(200, (request(port, "GET", "/health")))
    local status, body = request(port, "POST", "/extract?format=text", H.page("baoquocte-like.html"))
    assert.equal(200, status)
    assert.truthy(body:find("^Việt Nam và Nhật Bản thúc đẩy hợp tác chuyển đổi số\n"))
  end)

  it("fetches only the hosts it names, as shipped: a local address is refused, as JSON", function()
    local status, body = request(port, "GET", "/extract?url=" .. srv.base .. "/page.html")
    assert.equal(403, status)
    assert.equal("EFORBIDDEN", json.decode(body).code)
    assert.truthy(json.decode(body).error:find("allow-list", 1, true))
    local conf = H.read(H.root .. "/examples/openresty/nginx.conf")
    for line in conf:gmatch("[^\n]+") do
      assert.is_nil(line:match("^%s*allow_public%s*=%s*true"), "allow_public is on as shipped: " .. line)
    end
  end)

  it("answers nginx's own errors as JSON, a bad request line and a URI too long included", function()
    for _, c in ipairs({ { "GARBAGE\r\n\r\n", 400 }, { "GET /" .. string.rep("a", 20000) .. " HTTP/1.1\r\nHost: x\r\n\r\n", 414 } }) do
      local sock = assert(socket.connect("127.0.0.1", port))
      sock:settimeout(10)
      sock:send(c[1])
      local resp = sock:receive("*a") or ""
      sock:close()
      assert.equal(c[2], tonumber(resp:match("^HTTP/1%.%d (%d%d%d)")), resp:sub(1, 100))
      assert.truthy(resp:lower():find("content%-type: application/json", 1), resp:sub(1, 300))
    end
  end)

  it("answers a body over client_max_body_size as JSON", function()
    local status, body = request(port, "POST", "/extract", string.rep("x", 17 * 1024 * 1024))
    assert.equal(413, status)
    assert.equal("ELIMIT", json.decode(body).code)
  end)
end)

describe("the README's nginx configuration #nginx", function()
  it("passes nginx -t as written, with /opt/sapo pointing at this tree", function()
    local readme = H.read(H.root .. "/README.md")
    local block = readme:match("```nginx\n(.-)```")
    assert.truthy(block, "no ```nginx block in the README")
    local dir = H.tmpdir()
    local p = io.popen("cd " .. H.root .. " && pwd")
    local root = p:read("*l")
    p:close()
    local conf = block:gsub("/opt/sapo", root):gsub("listen 127%.0%.0%.1:8080;", "listen 127.0.0.1:" .. free_port() .. ";")
    local f = assert(io.open(dir .. "/nginx.conf", "w"))
    f:write("pid " .. dir .. "/nginx.pid;\nerror_log " .. dir .. "/error.log;\n" .. conf)
    f:close()
    os.execute("mkdir -p " .. dir .. "/logs")
    local ok = H.ok("nginx -t -p " .. dir .. " -c nginx.conf >" .. dir .. "/t.log 2>&1")
    local log = H.read(dir .. "/t.log")
    os.execute("rm -rf " .. dir)
    assert.is_true(ok, log)
  end)
end)
