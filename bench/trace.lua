#!/usr/bin/env lua5.4
--[[ bench/trace.lua: print art.trace for a page (a development aid).

usage: lua5.4 bench/trace.lua PAGE.html [dropped|kept|all] ]]
local sapo = require "sapo"
local f = assert(io.open(arg[1], "rb"))
local html = f:read("a")
f:close()
local what = arg[2] or "dropped"
local art, err = sapo.extract(html, { trace = true })
if not art then print("error", err) os.exit(1) end
local tr = art.trace
print("method", art.method, "length", #art.text)
for _, c in ipairs(tr.candidates) do
  print(("cand  p%d %-22s %-5s eff=%-6d ld=%.2f score=%.1f %s | %s"):format(c.pass, c.source, c.verdict,
    c.length, c.link_density, c.score, c.reason or "", c.path or ""))
end
for _, l in ipairs(tr.listings) do
  print(("list  %-8s %-4s x%-3d share=%.2f %s | %s"):format(l.kind, l.verdict, l.items, l.teaser_share, l.text or "", l.path or ""))
end
if what == "dropped" or what == "all" then
  for _, d in ipairs(tr.dropped) do
    print(("drop  %-20s %s | %s"):format(d.rule, (d.text or ""):sub(1, 90), d.path or ""))
  end
end
if what == "kept" or what == "all" then
  for _, d in ipairs(tr.kept) do print(("keep  %-6s %s"):format(d.role, (d.text or ""):sub(1, 100))) end
end
