-- Turn a folder of saved pages into JSON Lines (one article a line).
--   lua5.4 examples/dir_to_jsonl.lua examples/pages > articles.jsonl
local sapo = require "sapo"
local P, S, K = sapo.pipeline, sapo.source, sapo.sink

local dir = arg[1]
if not dir then
  io.stderr:write("usage: dir_to_jsonl.lua DIR [OUT.jsonl]\n")
  os.exit(2)
end
local stats = P.run(S.dir(dir), { P.extract(), P.normalize({ tone = "new" }) }, K.jsonl(arg[2] or io.stdout))
io.stderr:write(string.format("%d pages: %d ok, %d failed, %.2f s\n", stats.total, stats.ok, stats.failed, stats.elapsed))
os.exit(stats.failed > 0 and 1 or 0)
