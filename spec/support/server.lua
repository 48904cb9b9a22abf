-- Start and stop spec/support/httpd.lua (by PID) for a describe block.
local H = require "helper"
local S = {}

-- script: "httpd" (default) or "dnsd"; extra: its further arguments
function S.start(addr, script, extra)
  local portfile = os.tmpname()
  os.remove(portfile)
  local lua = H.is_luajit and "luajit" or "lua5.4"
  local p = io.popen(H.env() .. lua .. " " .. H.root .. "/spec/support/" .. (script or "httpd") .. ".lua " .. portfile ..
    " " .. (extra or addr or "") .. " >/dev/null 2>&1 & echo $!")
  local pid = p:read("*l")
  p:close()
  local port
  for _ = 1, 200 do
    local f = io.open(portfile)
    if f then port = f:read("*a"); f:close() end
    if port and port ~= "" then break end
    os.execute("sleep 0.05")
  end
  os.remove(portfile)
  assert(port and port ~= "", "the test HTTP server did not start")
  return { pid = pid, port = tonumber(port), base = "http://" .. (addr or "127.0.0.1") .. ":" .. port }
end

function S.stop(srv)
  if srv and srv.pid then os.execute("kill " .. srv.pid .. " 2>/dev/null") end
end

return S
