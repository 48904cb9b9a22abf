-- bench/phase.lua PHASE FILE...: one benchmark phase in its own process, so
-- its peak RSS is its own.  Phases: parse (sapo.parse + close), extract
-- (sapo.extract, text), formats (with Markdown and HTML), vi (vi.tone old
-- and vi.fold over each page's extracted text; the extraction is not
-- timed).  Prints "ms bytes" per page, then a summary line like floor.c's.
local sapo = require "sapo"
local core = require "sapo.core"
local phase = arg[1]
local clock = os.clock
local total, bytes, pages = 0, 0, 0
for i = 2, #arg do
  local f = io.open(arg[i], "rb")
  if f then
    local html = f:read("*a")
    f:close()
    local dt, n
    if phase == "parse" then
      local t0 = clock()
      local d = core.parse(html)
      if d then d:close() end
      dt, n = clock() - t0, #html
    elseif phase == "extract" then
      local t0 = clock()
      core.extract(html)
      dt, n = clock() - t0, #html
    elseif phase == "formats" then
      local t0 = clock()
      core.extract(html, { formats = { "markdown", "html" } })
      dt, n = clock() - t0, #html
    elseif phase == "vi" then
      local art = core.extract(html)
      local text = art and art.text or ""
      local t0 = clock()
      core.vi.tone(text, "old")
      core.vi.fold(text)
      dt, n = clock() - t0, #text * 2
    else
      io.stderr:write("unknown phase ", tostring(phase), "\n")
      os.exit(2)
    end
    total, bytes, pages = total + dt, bytes + n, pages + 1
    print(string.format("%.4f %d", dt * 1000, n))
  end
end
local st = io.open("/proc/self/status"):read("*a")
print(string.format("%s pages=%d bytes=%d total_s=%.6f peak_rss_kb=%s", phase, pages, bytes, total,
  st:match("VmHWM:%s*(%d+)") or "0"))
