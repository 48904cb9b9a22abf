-- Extract one saved page: prints the title, byline, date and body text.
--   lua5.4 examples/extract_file.lua examples/pages/baoquocte-like.html [URL]
--   lua5.4 examples/extract_file.lua - < page.html
local sapo = require "sapo"

local path, url = arg[1], arg[2]
if not path then
  io.stderr:write("usage: extract_file.lua FILE|- [URL]\n")
  os.exit(2)
end
local f = path == "-" and io.stdin or assert(io.open(path, "rb"))
local html = f:read("*a")
if f ~= io.stdin then f:close() end

local art, err, code = sapo.extract(html, { url = url })
if not art then
  io.stderr:write(path, ": ", err, " (", code, ")\n")
  os.exit(1)
end
print(art.title or "(no title)")
if art.byline then print("by " .. art.byline) end
if art.date then print(art.date) end
print()
print(art.text)
