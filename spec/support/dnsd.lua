-- spec/support/dnsd.lua PORTFILE ADDR: a tiny DNS responder for the SSRF
-- specs.  Binds UDP on 127.0.0.1 (a free port, written to PORTFILE) and
-- answers every A question with ADDR and every other question with no
-- records, until the spec kills it by PID.
local socket = require "socket"

local udp = assert(socket.udp())
assert(udp:setsockname("127.0.0.1", 0))
local _, port = udp:getsockname()
local f = assert(io.open(arg[1], "w"))
f:write(port)
f:close()
local a, b, c, d = arg[2]:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$")

while true do
  local msg, ip, from = udp:receivefrom()
  if msg and #msg >= 12 then
    -- the question: name labels, then type and class
    local i = 13
    while msg:byte(i) and msg:byte(i) ~= 0 do i = i + 1 + msg:byte(i) end
    local qend = i + 4
    local qtype = msg:byte(i + 1) * 256 + msg:byte(i + 2)
    local question = msg:sub(13, qend)
    local an = qtype == 1 and 1 or 0
    local reply = msg:sub(1, 2) .. string.char(0x81, 0x80, 0, 1, 0, an, 0, 0, 0, 0) .. question
    if an == 1 then
      reply = reply .. string.char(0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, tonumber(a), tonumber(b), tonumber(c), tonumber(d))
    end
    udp:sendto(reply, ip, from)
  end
end
