--- `sapo batch`: many pages to JSON Lines (or one file per page).
--
-- Sources: a file, a folder (recursive, *.html/*.htm), a URL, a file of
-- URLs (@urls.txt), a WARC file (.warc, .warc.gz); `--stdin-jsonl` reads
-- {"url","html"} lines and writes one output line per input line, in order.
--
-- `--jobs N` runs N workers on this machine.  Each worker is this same
-- program, started again by the exact command line that started this one
-- (interpreter, its options such as LuaRocks' package.path, and the script
-- by absolute path), so it works from a source tree, under `lua5.4
-- bin/sapo` and from an installed rock alike; Debian's lua-posix has no
-- Lua 5.4 build, so fork() is not an option there.  Worker K of N reads
-- every source but only extracts items K, K+N, K+2N, ... (the others are
-- skipped without being read, fetched or decoded), and writes each result
-- encoded for the output (a JSON line, or a file's name and content) to
-- its standard output in a small frame.  This process reads the frames in
-- item order, so the output is byte for byte that of `--jobs 1`, with one
-- progress bar, one summary and the items' own line numbers.  Standard
-- input (--stdin-jsonl) is spooled to a temporary file first, which every
-- worker reads.
-- @module sapo.batch
local pipeline = require "sapo.pipeline"
local source = require "sapo.source"
local sink = require "sapo.sink"
local render = require "sapo.render"

local M = {}

local function is_dir(path)
  local f = io.open(path .. "/.", "rb")
  if f then f:close(); return true end
  return false
end

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close(); return true end
  return false
end

-- All sources as one item iterator (taking skip), and a total when it is
-- known cheaply; or nil, message when a source is missing or empty.
local function items_of(sources, fetch_opts, stdin)
  local iters, total = {}, 0
  for _, s in ipairs(sources) do
    if s == "-" then iters[#iters + 1] = source.stdin(stdin, nil, { max_bytes = fetch_opts.max_bytes }); if total then total = total + 1 end
    elseif s:match("^https?://") then iters[#iters + 1] = source.list({ s }, fetch_opts); if total then total = total + 1 end
    elseif s:sub(1, 1) == "@" then
      if not exists(s:sub(2)) then return nil, s:sub(2) .. ": no such file" end
      iters[#iters + 1] = source.urls_file(s:sub(2), fetch_opts); total = nil
    elseif s:match("%.warc$") or s:match("%.warc%.gz$") then
      if not exists(s) then return nil, s .. ": no such file" end
      iters[#iters + 1] = source.warc(s, fetch_opts); total = nil
    elseif is_dir(s) then
      local it, n = source.dir(s, { max_bytes = fetch_opts.max_bytes })
      if n == 0 then return nil, s .. ": no .html or .htm files in this folder" end
      iters[#iters + 1] = it
      if total then total = total + n end
    elseif exists(s) then
      iters[#iters + 1] = source.file(s, nil, fetch_opts); if total then total = total + 1 end
    else
      return nil, s .. ": no such file or folder"
    end
  end
  local k = 1
  return function(skip)
    while iters[k] do
      local item = iters[k](skip)
      if item then return item end
      k = k + 1
    end
  end, total
end

-- Worker k of n: items k, k+n, ... ; the others skipped unread.
local function share(iter, k, n)
  local idx = 0
  return function()
    while true do
      idx = idx + 1
      local mine = (idx - 1) % n == k - 1
      local item = iter(not mine)
      if not item then return nil end
      if mine then return item end
    end
  end
end

local function isatty_stderr()
  local p = io.popen("test -t 2 && echo y")
  local r = p and p:read("*l")
  if p then p:close() end
  return r == "y"
end

local function clock_fn()
  local ok, socket = pcall(require, "socket")
  return ok and socket.gettime or os.time
end

local function progress_bar(err)
  local clock = clock_fn()
  local t0 = clock()
  return function(done, total, failed)
    local rate = done / math.max(1e-6, clock() - t0)
    local bar
    if total and total > 0 then
      local w = 30
      local fill = math.floor(w * math.min(done, total) / total)
      bar = "[" .. string.rep("#", fill) .. string.rep(".", w - fill) .. "] " .. done .. "/" .. total
    else
      bar = done .. " pages"
    end
    err:write(string.format("\r%s  %.1f pages/s  %d failed ", bar, rate, failed))
  end
end

local function sh_quote(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

-- The command line that started this process, the script by absolute path.
local function self_command()
  if type(arg) ~= "table" or not arg[0] then return nil end
  local lo = 0
  while arg[lo - 1] ~= nil do lo = lo - 1 end
  local parts = {}
  for i = lo, -1 do parts[#parts + 1] = sh_quote(arg[i]) end
  local script = arg[0]
  if script:sub(1, 1) ~= "/" then
    local p = io.popen("pwd")
    local cwd = p and p:read("*l")
    if p then p:close() end
    if not cwd then return nil end
    script = cwd .. "/" .. script
  end
  if lo == 0 then parts[#parts + 1] = "lua5.4" end
  parts[#parts + 1] = sh_quote(script)
  return table.concat(parts, " ")
end

-- "sapo batch: 4 pages, 2 ok, 1 failed, 1 skipped in 0.12 s (2 jobs)"
local function summary(stats, elapsed, jobs)
  return string.format("sapo batch: %d page%s, %d ok, %d failed%s in %.2f s%s\n", stats.total,
    stats.total == 1 and "" or "s", stats.ok, stats.failed,
    (stats.skipped or 0) > 0 and (", " .. stats.skipped .. " skipped") or "", elapsed,
    jobs and (" (" .. jobs .. " jobs)") or "")
end

-- The sink for the options, or nil, message.
local function make_sink(a, out)
  local fields = a.fields
  if a.dir then
    local ok, s = pcall(sink.files, a.dir, a.format, { fields = fields, pretty = a.pretty })
    if not ok then return nil, tostring(s):gsub("^.-: ", "") end
    return s
  end
  if a.out then
    local ok, s = pcall(sink.jsonl, a.out, { fields = fields })
    if not ok then return nil, tostring(s):gsub("^.-: ", "") end
    return s
  end
  return sink.jsonl(out, { fields = fields })
end

local function extract_stage(a)
  local formats = {}
  local seen = {}
  for _, f in ipairs(a.formats or {}) do if not seen[f] then formats[#formats + 1] = f; seen[f] = true end end
  if a.dir then
    for _, f in ipairs(render.needs(a.format)) do if not seen[f] then formats[#formats + 1] = f; seen[f] = true end end
  end
  return pipeline.extract({ tone = a.tone, formats = formats, charset = a.charset, url = a.url, max_bytes = a.max_bytes })
end

local function fetch_opts(a) return { timeout = a.timeout, max_bytes = a.max_bytes, user_agent = a.user_agent } end

-- "sapo batch: SOURCE: ERROR (CODE)": one line a failed item
local function failure_line(item)
  local where = item.source or item.url or "?"
  local msg = tostring(item.error or "no article")
  if msg:sub(1, #where + 2) == where .. ": " then msg = msg:sub(#where + 3) end
  return "sapo batch: " .. where .. ": " .. msg .. " (" .. tostring(item.code or "ENOCONTENT") .. ")\n"
end

-- a sink that also names each failed item on err
local function reporting(target, err)
  local write = target.write
  return setmetatable({ write = function(item)
    if item.error then err:write(failure_line(item)) end
    return write(item)
  end }, { __index = target })
end

-- the worker: its share of the items, each as "ok|fail|skip LEN[ MSGLEN]\n" ..
-- encoded .. failure line
local function run_worker(a, iter, stdout)
  local k, n = a.worker:match("^(%d+)/(%d+)$")
  k, n = tonumber(k), tonumber(n)
  a.out = nil   -- (the parent writes the output file: a worker only encodes)
  local target = assert(make_sink(a, stdout))
  local enc = target.encode
  local stats = pipeline.run(share(iter, k, n), { extract_stage(a) }, function(item)
    local e = enc(item)
    if e == false then e = "" end
    if item.error then
      local line = failure_line(item)
      stdout:write("fail ", #e, " ", #line, "\n", e, line)
    else
      stdout:write("ok ", #e, "\n", e)
    end
  end, { on_skip = function() stdout:write("skip 0\n") end })
  stdout:flush()
  return stats.failed > 0 and 1 or 0
end

-- the parent of --jobs N: start the workers, merge their frames in order
local function run_parent(a, out, err, stdin, total, argv)
  local cmd = self_command()
  if not cmd then err:write("sapo batch: cannot tell how this program was started, so --jobs cannot start workers\n"); return 2 end
  local target, serr = make_sink(a, out)
  if not target then err:write("sapo batch: ", serr, "\n"); return 2 end
  local spool
  local args = {}
  if a.stdin_jsonl then
    spool = os.tmpname()
    local f = assert(io.open(spool, "wb"))
    while true do
      local chunk = stdin:read(65536)
      if not chunk then break end
      f:write(chunk)
    end
    f:close()
  end
  -- the workers get this command's own arguments, as they were given
  for _, x in ipairs(argv or {}) do args[#args + 1] = sh_quote(x) end
  local n = a.jobs
  local workers = {}
  for k = 1, n do
    local c = cmd .. " " .. table.concat(args, " ") .. " --worker=" .. k .. "/" .. n
    if spool then c = c .. " < " .. sh_quote(spool) end
    workers[k] = assert(io.popen(c, "r"))
  end
  local show = a.progress or (not a.no_progress and isatty_stderr())
  local bar = show and progress_bar(err) or nil
  local clock = clock_fn()
  local t0 = clock()
  local stats = { total = 0, ok = 0, failed = 0, skipped = 0 }
  local put_error
  local idx = 0
  while true do
    local w = workers[idx % n + 1]
    local head = w:read("*l")
    if not head then break end
    local status, len, mlen = head:match("^(%a+) (%d+) ?(%d*)$")
    if not status then err:write("sapo batch: a worker wrote a broken frame\n"); put_error = "broken frame"; break end
    local payload = tonumber(len) > 0 and w:read(tonumber(len)) or ""
    if mlen ~= "" and tonumber(mlen) > 0 then err:write(w:read(tonumber(mlen))) end
    idx = idx + 1
    stats.total = idx
    if status == "skip" then stats.skipped = stats.skipped + 1
    elseif status == "ok" then stats.ok = stats.ok + 1 else stats.failed = stats.failed + 1 end
    if status ~= "skip" and not put_error then
      local ok, perr = pcall(target.put, (payload ~= "" or not a.dir) and payload or false)
      if not ok then put_error = tostring(perr) end
    end
    if bar then bar(stats.total, total, stats.failed) end
  end
  local crashed = false
  for k = 1, n do
    local ok, why, code = workers[k]:close()
    if not ok and not (why == "exit" and code == 1) then crashed = true end
  end
  if target.close then target.close() end
  if spool then os.remove(spool) end
  if bar then err:write("\n") end
  err:write(summary(stats, clock() - t0, n))
  if put_error then err:write("sapo batch: ", put_error, "\n"); return 2 end
  if crashed then err:write("sapo batch: a worker failed\n"); return 2 end
  return stats.failed > 0 and 1 or 0
end

--- Run `sapo batch` with the options the command line parsed.
-- @tparam table a the parsed options
-- @param out, err, stdin file handles
-- @tparam table argv the command's own arguments ("batch", ...), as given:
--   `--jobs` workers are started with them
-- @treturn integer exit code
function M.run(a, out, err, stdin, argv)
  a.jobs = tonumber(a.jobs) or 1
  if a.out and a.dir then err:write("sapo batch: --out and --dir exclude each other\n"); return 2 end
  if not a.stdin_jsonl and #(a.sources or {}) == 0 then
    err:write("sapo batch: no source given (FILE, FOLDER, URL, @URLS_FILE, WARC or --stdin-jsonl)\n")
    return 2
  end
  if a.stdin_jsonl and #(a.sources or {}) > 0 then
    err:write("sapo batch: --stdin-jsonl takes no other source\n")
    return 2
  end
  local iter, total
  if a.stdin_jsonl then iter = source.jsonl(stdin, { max_bytes = a.max_bytes })
  else
    local msg
    iter, msg = items_of(a.sources, fetch_opts(a), stdin)
    if not iter then err:write("sapo batch: ", msg, "\n"); return 1 end
    total = msg
  end
  if a.worker then return run_worker(a, iter, out) end
  if a.jobs > 1 then return run_parent(a, out, err, stdin, total, argv) end
  local target, serr = make_sink(a, out)
  if not target then err:write("sapo batch: ", serr, "\n"); return 2 end
  local show = a.progress or (not a.no_progress and isatty_stderr())
  local bar = show and progress_bar(err) or nil
  local stats = pipeline.run(iter, { extract_stage(a) }, reporting(target, bar and {
      write = function(_, line) err:write("\r\27[K", line) end } or err),
    { total = total, progress = bar })
  if show then err:write("\n") end
  err:write(summary(stats, stats.elapsed))
  if stats.sink_error then err:write("sapo batch: ", stats.sink_error, "\n"); return 2 end
  return stats.failed > 0 and 1 or 0
end

return M
