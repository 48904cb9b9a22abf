-- spec/support/httpd.lua PORTFILE [ADDR]: a tiny HTTP server for the
-- fetch, pipeline and nginx specs.  Listens on ADDR (default 127.0.0.1) on
-- a free port (written to PORTFILE), serves the routes below one
-- connection at a time, and runs until the spec kills it by PID.  /hits
-- answers how many other requests it has served (the SSRF specs check a
-- refused host saw none).
local socket = require "socket"
local zlib = require "zlib"

local PAGE = "<html><head><title>Trang thử | Báo Mẫu</title></head><body><article><h1>Trang thử</h1>" ..
  string.rep("<p>Hội nghị thượng đỉnh diễn ra trong hai ngày với sự tham gia của lãnh đạo nhiều nước trong khu vực.</p>", 8) ..
  "</article></body></html>"
-- the same page in windows-1258 (Việt: ê EA + dot below F2), charset only in the header
local CP1258 = "<html><body><article>" ..
  string.rep("<p>Vi\234\242t Nam h\244\242i nh\208p s\226u r\244\204ng, ph\225t tri\234\210n kinh t\234\236 nhanh ch\243ng.</p>", 8) ..
  "</article></body></html>"

local server = assert(socket.bind(arg[2] or "127.0.0.1", 0))
local bomb
local hits = 0
local _, port = server:getsockname()
local f = assert(io.open(arg[1], "w"))
f:write(port)
f:close()

-- waits up to secs; true as soon as the client has closed the connection
-- (a trickling reply stops at once, so the next test's request is served)
local function closed_within(c, secs)
  local readable = socket.select({c}, nil, secs)
  if readable and #readable > 0 then
    c:settimeout(0)
    local _, err = c:receive(1)
    c:settimeout(nil)
    return err == "closed"
  end
  return false
end

local function respond(c, status, headers, body)
  local lines = { "HTTP/1.1 " .. status }
  for k, v in pairs(headers) do lines[#lines + 1] = k .. ": " .. v end
  if body and not headers["Transfer-Encoding"] then lines[#lines + 1] = "Content-Length: " .. #body end
  lines[#lines + 1] = "Connection: close"
  c:send(table.concat(lines, "\r\n") .. "\r\n\r\n" .. (body or ""))
end

while true do
  local c = server:accept()
  if c then
    c:settimeout(5)
    local req = c:receive("*l") or ""
    local headers = {}
    while true do
      local l = c:receive("*l")
      if not l or l == "" then break end
      local k, v = l:match("^([^:]+):%s*(.*)$")
      if k then headers[k:lower()] = v end
    end
    local path = req:match("^GET (%S+)") or "/"
    local n = tonumber(path:match("^/r/(%d+)$"))
    if path ~= "/hits" then hits = hits + 1 end
    local go = path:match("^/go%?u=(.*)$")
    if path == "/hits" then
      respond(c, "200 OK", { ["Content-Type"] = "text/plain" }, tostring(hits))
    elseif go then
      local target = go:gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end)
      respond(c, "302 Found", { Location = target }, "")
    elseif path == "/json" then
      respond(c, "200 OK", { ["Content-Type"] = "application/json" }, '{"a":1}')
    elseif path == "/page.html" then
      respond(c, "200 OK", { ["Content-Type"] = "text/html; charset=utf-8" }, PAGE)
    elseif path == "/ua" then
      respond(c, "200 OK", { ["Content-Type"] = "text/plain" }, headers["user-agent"] or "")
    elseif n then
      respond(c, "302 Found", { Location = n > 0 and ("/r/" .. (n - 1)) or "/page.html" }, "")
    elseif path == "/rel/a" then
      respond(c, "301 Moved Permanently", { Location = "../page.html" }, "")
    elseif path == "/loop/a" then
      respond(c, "302 Found", { Location = "/loop/b" }, "")
    elseif path == "/loop/b" then
      respond(c, "307 Temporary Redirect", { Location = "http://127.0.0.1:" .. port .. "/loop/a" }, "")
    elseif path == "/gzip" then
      local gz = zlib.deflate(6, 31)(PAGE, "finish")
      respond(c, "200 OK", { ["Content-Type"] = "text/html; charset=utf-8", ["Content-Encoding"] = "gzip" }, gz)
    elseif path == "/chunked" then
      c:send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
      for i = 1, #PAGE, 100 do
        local part = PAGE:sub(i, i + 99)
        c:send(string.format("%x\r\n%s\r\n", #part, part))
      end
      c:send("0\r\n\r\n")
    elseif path == "/cp1258" then
      respond(c, "200 OK", { ["Content-Type"] = "text/html; charset=windows-1258" }, CP1258)
    elseif path == "/slow" then
      socket.sleep(3)
      respond(c, "200 OK", { ["Content-Type"] = "text/html" }, PAGE)
    elseif path == "/big" then
      respond(c, "200 OK", { ["Content-Type"] = "text/html" }, string.rep("x", 300000))
    elseif path == "/endless" then
      c:send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
      for _ = 1, 100 do if not c:send(string.rep("y", 10000)) then break end end
    elseif path == "/trickle" then
      -- a body of 1 MB declared, sent 8 bytes a second (a peer that holds a fetch open)
      c:send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n\r\n")
      for _ = 1, 120 do if not c:send("<p>x</p>") or closed_within(c, 1) then break end end
    elseif path == "/trickle-head" then
      c:send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
      for i = 1, 120 do if not c:send("X-Slow-" .. i .. ": y\r\n") or closed_within(c, 1) then break end end
    elseif path == "/flood" then
      -- 100,000 repeated header lines
      c:send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
      local line = string.rep("Set-Cookie: a=b\r\n", 1000)
      for _ = 1, 100 do if not c:send(line) then break end end
      c:send("\r\n<p>x</p>")
    elseif path == "/longline" then
      c:send("HTTP/1.1 200 OK\r\nX-Long: ")
      for _ = 1, 1000 do if not c:send(string.rep("z", 10000)) then break end end
    elseif path == "/bomb" then
      -- about 200 KB of gzip that inflates to 200 MB of zeros
      bomb = bomb or (function()
        local z = zlib.deflate(9, 31)
        local zeros, parts = string.rep("\0", 1024 * 1024), {}
        for _ = 1, 200 do parts[#parts + 1] = z(zeros) end
        parts[#parts + 1] = z("", "finish")
        return table.concat(parts)
      end)()
      respond(c, "200 OK", { ["Content-Type"] = "text/html", ["Content-Encoding"] = "gzip" }, bomb)
    elseif path == "/empty-404" then
      respond(c, "404 Not Found", { ["Content-Type"] = "text/html" }, "")
    elseif path == "/empty-200" then
      respond(c, "200 OK", { ["Content-Type"] = "text/html" }, "")
    elseif path == "/500" then
      respond(c, "500 Internal Server Error", { ["Content-Type"] = "text/plain" }, "boom")
    else
      respond(c, "404 Not Found", { ["Content-Type"] = "text/plain" }, "not found")
    end
    c:close()
  end
end
