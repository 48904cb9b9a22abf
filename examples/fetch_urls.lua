-- Fetch a list of URLs and print each article's title and first words.
--   lua5.4 examples/fetch_urls.lua https://example.vn/a.html https://example.vn/b.html
local sapo = require "sapo"
local P, S, K = sapo.pipeline, sapo.source, sapo.sink

if #arg == 0 then
  io.stderr:write("usage: fetch_urls.lua URL...\n")
  os.exit(2)
end
local stats = P.run(S.http(arg, { timeout = 15, delay = 1, state = {} }), { P.extract() },
  K.callback(function(r)
    if r.error then print(r.url, "ERROR", r.code, r.error)
    else print(r.url, r.title, (r.text:sub(1, 60):gsub("\n", " "))) end
  end))
os.exit(stats.failed > 0 and 1 or 0)
