--- Pipelines: a source, stages, a sink.  `pipeline.run` pulls items from
-- the source, passes each through the stages in order and hands it to the
-- sink; one bad page never stops a batch.
--
--     local sapo = require "sapo"
--     local P, S, K = sapo.pipeline, sapo.source, sapo.sink
--     local stats = P.run(S.dir("saved/"), { P.extract(), P.normalize{ tone = "new" } },
--                         K.jsonl(io.stdout))
--     -- stats = { ok = 998, failed = 2, skipped = 0, total = 1000, elapsed = 3.2 }
--
-- A stage is `function(item) -> item | nil` (nil drops the item: counted
-- as skipped, as is an item a source marks `skipped`).  A stage that raises marks the item failed ("ESTAGE").
-- Items that failed go on to the sink as `{source, url, error, code}`, so
-- an output line stands for every input.
-- @module sapo.pipeline
local sapo_core = require "sapo.core"
local options = require "sapo.options"
local vi = require "sapo.vi"
local fetch = require "sapo.fetch"

local type, pairs, ipairs, pcall, error, tostring = type, pairs, ipairs, pcall, error, tostring
local M = {}

local function now_fn()
  local ok, socket = pcall(require, "socket")
  if ok then return socket.gettime end
  return os.clock
end

local is_http = sapo_core.text.is_http_url

local function copy(t)
  local c = {}
  for k, v in pairs(t or {}) do c[k] = v end
  return c
end

--- Run a pipeline.
-- @param source a function returning items, then nil
-- @tparam table stages functions `item -> item | nil`
-- @param sink a function(item), or a table with `write(item)` (and `close()`)
-- @tparam[opt] table opts `progress` = function(done, total, failed), `total` (for progress),
--   `on_skip` = function() called for each item a stage dropped or the source marked `skipped`
-- @treturn table `{ ok, failed, skipped, total, elapsed }`
-- @raise when an argument is of the wrong type
function M.run(source, stages, sink, opts)
  if type(source) ~= "function" then error("bad argument #1 to 'run' (source function expected)", 2) end
  if type(stages) ~= "table" then error("bad argument #2 to 'run' (table of stages expected)", 2) end
  local write = type(sink) == "function" and sink or (type(sink) == "table" and sink.write)
  if not write then error("bad argument #3 to 'run' (sink expected)", 2) end
  opts = opts or {}
  local now = now_fn()
  local t0 = now()
  local stats = { ok = 0, failed = 0, skipped = 0, total = 0 }
  while true do
    local item = source()
    if item == nil then break end
    stats.total = stats.total + 1
    if item.skipped then item = nil end   -- a source's own skip (a WARC record that is no HTML page)
    for _, stage in ipairs(item and stages or {}) do
      if item.error then break end
      local ok, res = pcall(stage, item)
      if not ok then
        item.error, item.code = "stage failed: " .. tostring(res), "ESTAGE"
        break
      end
      item = res
      if item == nil then break end
    end
    if item == nil then
      stats.skipped = stats.skipped + 1
      if opts.on_skip then opts.on_skip() end
    else
      if item.error then stats.failed = stats.failed + 1 else stats.ok = stats.ok + 1 end
      local ok, err = pcall(write, item)
      if not ok then
        stats.sink_error = tostring(err)
        break
      end
    end
    if opts.progress then opts.progress(stats.total, opts.total, stats.failed) end
  end
  if type(sink) == "table" and sink.close then sink.close() end
  stats.elapsed = now() - t0
  return stats
end

--- Stage: fetch items that have a URL and no HTML yet.
-- @tparam[opt] table fetch_opts `sapo.fetch.fetch`'s options
-- @treturn function the stage (`item -> item`; a failed fetch sets `error` and `code`)
function M.fetch(fetch_opts)
  fetch_opts = copy(fetch_opts)
  fetch_opts.state = fetch_opts.state or {}   -- per pipeline: per-host politeness
  return function(item)
    if item.html or not item.url then return item end
    local res, err, code = fetch.fetch(item.url, fetch_opts)
    if not res then item.error, item.code = err, code; return item end
    item.html, item.url, item.content_type, item.charset = res.body, res.url, res.content_type, res.charset
    return item
  end
end

--- Stage: extract the article (`item.article`); the page's bytes are
-- dropped afterwards unless `keep_html` is set.
-- @tparam[opt] table opts `sapo.extract`'s options, and `keep_html`
-- @treturn function the stage (`item -> item`; no article sets `error` and `code`)
-- @raise when an option is unknown or of the wrong type (checked once, here)
function M.extract(opts)
  opts = copy(opts)
  local keep = opts.keep_html
  opts.keep_html = nil
  options.check(opts, "extract", 2)
  return function(item)
    if type(item.html) ~= "string" then item.error, item.code = "no page", "EINVAL"; return item end
    local o = copy(opts)
    -- an item's own URL is a base for links only when it is an http(s) URL
    -- (a WARC or JSON Lines record may carry anything)
    if not o.url and is_http(item.url) then o.url = item.url end
    o.content_type = o.content_type or item.content_type
    if item.charset and not o.charset and not item.content_type then o.charset = item.charset end
    local art, err, code = sapo_core.extract(item.html, o)
    if not art then item.error, item.code = err, code
    else item.article = art end
    if not keep then item.html = nil end
    return item
  end
end

local TEXT_FIELDS = options.TEXT_FIELDS

--- Stage: normalise the article's text fields.
-- @tparam table opts `tone` ("old"/"new"), `nfc` (default true: Vietnamese
--   NFC repairs), `fold` (field names to add a folded `<name>_folded` key for)
-- @treturn function the stage (`item -> item`)
function M.normalize(opts)
  opts = opts or {}
  options.check({ tone = opts.tone }, "normalize", 2)
  return function(item)
    local a = item.article
    if not a then return item end
    for _, k in ipairs(TEXT_FIELDS) do
      local v = a[k]
      if type(v) == "string" then
        if opts.nfc ~= false then v = vi.nfc(v) or v end
        if opts.tone then v = vi.tone(v, opts.tone) or v end
        a[k] = v
      end
    end
    for _, k in ipairs(opts.fold or {}) do
      if type(a[k]) == "string" then a[k .. "_folded"] = vi.fold(a[k]) end
    end
    return item
  end
end

--- Stage: keep the items for which `fn(item)` is true.
-- @tparam function fn `item -> boolean` (failed items always pass on)
-- @treturn function the stage (`item -> item | nil`)
-- @raise when `fn` is not a function
function M.filter(fn)
  if type(fn) ~= "function" then error("bad argument #1 to 'filter' (function expected)", 2) end
  return function(item)
    if item.error or fn(item) then return item end
    return nil
  end
end

--- Stage: replace each item by `fn(item)` (nil keeps the item as it is).
-- @tparam function fn `item -> item | nil`
-- @treturn function the stage
-- @raise when `fn` is not a function
function M.map(fn)
  if type(fn) ~= "function" then error("bad argument #1 to 'map' (function expected)", 2) end
  return function(item)
    local r = fn(item)
    if r == nil then return item end
    return r
  end
end

--- Stage: drop items whose key was seen before in this pipeline.
-- @param key a function(item) -> string, or "url" (canonical URL) or "title"
--   (folded title: tone style, case and diacritics do not matter)
-- @treturn function the stage (`item -> item | nil`)
-- @raise when `key` is none of these
function M.dedupe(key)
  local seen = {}
  local fn
  if key == nil or key == "url" then
    fn = function(item) return (item.article and item.article.url) or item.url end
  elseif key == "title" then
    fn = function(item)
      local t = item.article and item.article.title
      return t and vi.fold(t):gsub("%s+", " ") or nil
    end
  elseif type(key) == "function" then
    fn = key
  else
    error("bad argument #1 to 'dedupe' (\"url\", \"title\" or a function expected)", 2)
  end
  return function(item)
    if item.error then return item end
    local k = fn(item)
    if k == nil then return item end
    if seen[k] then return nil end
    seen[k] = true
    return item
  end
end

return M
