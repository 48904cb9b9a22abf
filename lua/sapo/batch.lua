--- `sapo batch`: many pages to JSON Lines (or one file per page).
--
--   sapo batch SOURCE... [--out FILE|--dir DIR] [--format json|markdown|text|html]
--              [--stdin-jsonl] [--jobs N] [--tone old|new] [--progress|--no-progress]
--
-- SOURCE: a file, a folder (recursive, *.html/*.htm), a URL, a file of URLs
-- (@urls.txt), a WARC file (.warc, .warc.gz).  --stdin-jsonl reads
-- {"url","html"} lines and writes one output line per input line, in order,
-- so it runs unchanged under GNU parallel, Hadoop Streaming or Spark's
-- RDD.pipe.  --jobs N splits the work over N processes on this machine and
-- merges their outputs in input order.
-- @module sapo.batch
local pipeline = require "sapo.pipeline"
local source = require "sapo.source"
local sink = require "sapo.sink"

local M = {}

local USAGE = [[
usage: sapo batch SOURCE... [options]
       sapo batch --stdin-jsonl [options] < in.jsonl > out.jsonl

sources: FILE, FOLDER, URL, @URLS_FILE, FILE.warc[.gz]
options:
  --out FILE            JSON Lines output (default: standard output)
  --dir DIR             one file per page in DIR instead (named from the title)
  --format F            for --dir: json (default), markdown, text, html
  --stdin-jsonl         read {"url": ..., "html": ...} lines from standard input
  --jobs N              N worker processes (default 1)
  --tone old|new        tone-mark style of the output text
  --formats LIST        extra outputs in the JSON: markdown,html
  --progress / --no-progress   progress bar on stderr (default: when a terminal)
exit status: 0 all pages extracted, 1 some failed, 2 usage error
]]

local function parse(args, i)
  local o = { sources = {}, jobs = 1 }
  while i <= #args do
    local a = args[i]
    local function val()
      i = i + 1
      if args[i] == nil then error("option " .. a .. " needs a value", 0) end
      return args[i]
    end
    if a == "--out" then o.out = val()
    elseif a == "--dir" then o.dir = val()
    elseif a == "--format" then o.format = val()
    elseif a == "--stdin-jsonl" then o.stdin_jsonl = true
    elseif a == "--jobs" then o.jobs = tonumber(val()) or error("--jobs needs a number", 0)
    elseif a == "--tone" then o.tone = val()
    elseif a == "--formats" then o.formats = val()
    elseif a == "--progress" then o.progress = true
    elseif a == "--no-progress" then o.progress = false
    elseif a == "--shard" then o.shard = val()             -- internal: "i/n" for --jobs workers
    elseif a == "--help" or a == "-h" then o.help = true
    elseif a:sub(1, 2) == "--" then error("unknown option " .. a, 0)
    else o.sources[#o.sources + 1] = a end
    i = i + 1
  end
  if o.tone and o.tone ~= "old" and o.tone ~= "new" then error("--tone must be old or new", 0) end
  if o.format and not ({ json = 1, markdown = 1, text = 1, html = 1 })[o.format] then error("unknown format " .. o.format, 0) end
  if o.jobs < 1 or o.jobs > 256 or o.jobs % 1 ~= 0 then error("--jobs must be 1 to 256", 0) end
  if not o.stdin_jsonl and #o.sources == 0 and not o.help then error("no source given", 0) end
  return o
end

local function is_dir(path)
  local ok = os.execute("test -d '" .. path:gsub("'", "'\\''") .. "'")
  return ok == true or ok == 0
end

-- All sources as one item iterator, and a total when it is known cheaply.
local function items_of(sources)
  local iters, total = {}, 0
  for _, s in ipairs(sources) do
    if s:match("^https?://") then iters[#iters + 1] = source.list({ s }); total = total + 1
    elseif s:sub(1, 1) == "@" then iters[#iters + 1] = source.urls_file(s:sub(2)); total = nil
    elseif s:match("%.warc$") or s:match("%.warc%.gz$") then iters[#iters + 1] = source.warc(s); total = nil
    elseif is_dir(s) then
      local it, n = source.dir(s)
      iters[#iters + 1] = it
      if total then total = total + n end
    else iters[#iters + 1] = source.file(s); if total then total = total + 1 end end
  end
  local k = 1
  return function()
    while iters[k] do
      local item = iters[k]()
      if item then return item end
      k = k + 1
    end
  end, total
end

-- Every n-th item from the i-th (1-based): a worker's share.
local function shard(iter, i, n)
  local idx = 0
  return function()
    while true do
      local item = iter()
      if not item then return nil end
      idx = idx + 1
      if (idx - 1) % n == i - 1 then return item end
    end
  end
end

local function isatty_stderr()
  local p = io.popen("test -t 2 && echo y")
  local r = p and p:read("*l")
  if p then p:close() end
  return r == "y"
end

local function progress_bar(err)
  local socket_ok, socket = pcall(require, "socket")
  local clock = socket_ok and socket.gettime or os.time
  local t0 = clock()
  return function(done, total, failed)
    local rate = done / math.max(1e-6, clock() - t0)
    local bar = ""
    if total and total > 0 then
      local w = 30
      local fill = math.floor(w * done / total)
      bar = "[" .. string.rep("#", fill) .. string.rep(".", w - fill) .. "] " .. done .. "/" .. total
    else
      bar = done .. " pages"
    end
    err:write(string.format("\r%s  %.1f pages/s  %d failed ", bar, rate, failed))
  end
end

local function sh_quote(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

-- --jobs N: run N copies of this command as shards, then merge in order.
local function run_jobs(args, o, out, err, stdin)
  local tmp = os.tmpname()
  os.remove(tmp)
  os.execute("mkdir -p " .. sh_quote(tmp))
  local base = {}
  for _, a in ipairs(args) do base[#base + 1] = a end
  -- the worker command line: this interpreter, this script, minus --jobs/--out/--progress
  local self_cmd = sh_quote(arg and arg[-1] or "lua5.4") .. " " .. sh_quote(arg and arg[0] or "bin/sapo")
  local filtered, skip = {}, false
  for _, a in ipairs(base) do
    if skip then skip = false
    elseif a == "--jobs" or a == "--out" or a == "--dir" then skip = true
    elseif a ~= "--progress" and a ~= "--no-progress" then filtered[#filtered + 1] = sh_quote(a) end
  end
  local input = nil
  if o.stdin_jsonl then
    -- split stdin by line number, so each worker reads its own share
    input = {}
    for i = 1, o.jobs do input[i] = assert(io.open(tmp .. "/in." .. i, "wb")) end
    local n = 0
    for line in stdin:lines() do
      input[n % o.jobs + 1]:write(line, "\n")
      n = n + 1
    end
    for i = 1, o.jobs do input[i]:close() end
  end
  local cmds = {}
  for i = 1, o.jobs do
    local c = self_cmd .. " batch " .. table.concat(filtered, " ") .. " --no-progress --out " .. sh_quote(tmp .. "/out." .. i)
    if o.stdin_jsonl then c = c .. " < " .. sh_quote(tmp .. "/in." .. i)
    else c = c .. " --shard " .. i .. "/" .. o.jobs end
    cmds[#cmds + 1] = "( " .. c .. " ; echo $? > " .. sh_quote(tmp .. "/rc." .. i) .. " ) 2>>" .. sh_quote(tmp .. "/err") .. " &"
  end
  os.execute(table.concat(cmds, " ") .. " wait")
  -- merge: line k of the output came from worker (k-1) % jobs + 1
  local files, lines_out, failed, rc = {}, 0, 0, 0
  for i = 1, o.jobs do
    files[i] = io.open(tmp .. "/out." .. i, "rb")
    local f = io.open(tmp .. "/rc." .. i)
    local r = f and tonumber(f:read("*l")) or 2
    if f then f:close() end
    if r > rc then rc = r end
  end
  local target = o.out and assert(io.open(o.out, "wb")) or out
  local k = 0
  while true do
    local f = files[k % o.jobs + 1]
    local line = f and f:read("*l")
    if not line then break end
    target:write(line, "\n")
    lines_out = lines_out + 1
    if line:find('"error":', 1, true) and line:find('"code":', 1, true) then failed = failed + 1 end
    k = k + 1
  end
  for i = 1, o.jobs do if files[i] then files[i]:close() end end
  if o.out then target:close() end
  local ef = io.open(tmp .. "/err")
  if ef then err:write(ef:read("*a")); ef:close() end
  os.execute("rm -rf " .. sh_quote(tmp))
  err:write(string.format("sapo batch: %d pages, %d ok, %d failed (%d jobs)\n", lines_out, lines_out - failed, failed, o.jobs))
  if rc >= 2 then return 2 end
  return failed > 0 and 1 or 0
end

--- Entry point from the CLI (`sapo batch ...`).
function M.main(args, i, out, err, stdin)
  local ok, o = pcall(parse, args, i)
  if not ok then err:write("sapo batch: ", o, "\n", USAGE); return 2 end
  if o.help then out:write(USAGE); return 0 end
  if o.jobs > 1 and not o.shard then return run_jobs({ table.unpack and table.unpack(args, i) or unpack(args, i) }, o, out, err, stdin) end
  local iter, total
  if o.stdin_jsonl then iter = source.jsonl(stdin)
  else iter, total = items_of(o.sources) end
  if o.shard then
    local si, sn = o.shard:match("^(%d+)/(%d+)$")
    iter = shard(iter, tonumber(si), tonumber(sn))
    total = nil
  end
  local ext = { tone = o.tone }
  if o.formats then
    ext.formats = {}
    for f in o.formats:gmatch("[^,]+") do ext.formats[#ext.formats + 1] = f end
  end
  local target
  if o.dir then target = sink.files(o.dir, o.format)
  elseif o.out then
    local sok, s = pcall(sink.jsonl, o.out)
    if not sok then err:write("sapo batch: ", tostring(s), "\n"); return 2 end
    target = s
  else target = sink.jsonl(out) end
  local show = o.progress
  if show == nil then show = isatty_stderr() end
  local stats = pipeline.run(iter, { pipeline.extract(ext) }, target,
    { total = total, progress = show and progress_bar(err) or nil })
  if show then err:write("\n") end
  if not o.shard then
    err:write(string.format("sapo batch: %d pages, %d ok, %d failed in %.2f s\n", stats.total, stats.ok, stats.failed, stats.elapsed))
  end
  if stats.sink_error then err:write("sapo batch: ", stats.sink_error, "\n"); return 2 end
  return stats.failed > 0 and 1 or 0
end

return M
