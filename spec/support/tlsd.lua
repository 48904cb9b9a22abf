-- spec/support/tlsd.lua PORTFILE CERT KEY: a tiny HTTPS server (LuaSec) on
-- 127.0.0.1 for the TLS specs; serves one page; killed by PID.
local socket = require "socket"
local ssl = require "ssl"
local server = assert(socket.bind("127.0.0.1", 0))
local _, port = server:getsockname()
local f = assert(io.open(arg[1], "w"))
f:write(port)
f:close()
local params = { mode = "server", protocol = "any", key = arg[3], certificate = arg[2], options = { "all" } }
local BODY = "<html><body><article><p>" .. string.rep("Trang qua TLS, có nội dung đầy đủ. ", 20) .. "</p></article></body></html>"
while true do
  local c = server:accept()
  if c then
    c:settimeout(5)
    local s = ssl.wrap(c, params)
    if s and s:dohandshake() then
      repeat local l = s:receive("*l") until not l or l == ""
      s:send("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " .. #BODY ..
        "\r\nConnection: close\r\n\r\n" .. BODY)
      s:close()
    else
      c:close()
    end
  end
end
