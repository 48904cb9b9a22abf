--- sapo: turn a news web page into a clean article.
--
-- The facade over the C core (`sapo.core`).  Every function that can fail on
-- data returns `nil, message, code`; wrong argument types raise.
--
--     local sapo = require "sapo"
--     local art, err, code = sapo.extract(html, { url = "https://example.vn/a.html" })
--
-- @module sapo
local core = require "sapo.core"
local vi = require "sapo.vi"
local json = require "sapo.json"

local type, setmetatable, rawset, require = type, setmetatable, rawset, require

local sapo = {
  _VERSION = "sapo " .. core.version,
  _CORE = core,
}

--- Parse HTML bytes into a Document.
-- @function parse
-- @tparam string html the page, in any encoding
-- @tparam[opt] table opts `charset`, `content_type`, `url`, `max_bytes`, `max_depth`,
--   `max_nodes`, `max_attributes`, `legacy` (see `sapo.options`)
-- @return Document, or `nil, message, code` (`"ELIMIT"`, `"EENCODING"`, `"EPARSE"`, `"EURL"`)
-- @raise when `html` is not a string, or an option is unknown or of the wrong type or range
sapo.parse = core.parse

--- Parse and extract in one call; the document is freed before returning.
-- @function extract
-- @tparam string html the page
-- @tparam[opt] table opts parse options plus `formats` (`{"markdown","html"}`),
--   `tone` (`"old"`/`"new"`), `lang`, `char_threshold`, `nb_top_candidates`,
--   `keep_captions`, `skip`, `trace` (see `sapo.options`)
-- @treturn table the article (`title`, `byline`, `date`, `lead`, `text`, `images`, ...),
--   or `nil, message, code` (`"ENOCONTENT"` when no article is found)
-- @raise when `html` is not a string, or an option is unknown or of the wrong type or range
sapo.extract = core.extract

--- Text helpers: `sapo.text.nfc(s)` (Unicode NFC), `sapo.text.clean(s)`
-- (the cleanup every output string gets).
sapo.text = {
  nfc = function(s)
    if type(s) ~= "string" then error("bad argument #1 to 'nfc' (string expected, got " .. type(s) .. ")", 2) end
    return core.text.nfc(s)
  end,
  clean = function(s, keep_lines)
    if type(s) ~= "string" then error("bad argument #1 to 'clean' (string expected, got " .. type(s) .. ")", 2) end
    return core.text.clean(s, keep_lines)
  end,
}

sapo.vi = vi

-- The other modules, loaded on first use (`require "sapo"` stays light):
-- `sapo.pipeline`, `sapo.source`, `sapo.sink`, `sapo.render`, `sapo.guard`,
-- `sapo.http`, `sapo.url`, `sapo.options`, `sapo.warc`, and `sapo.fetch_module`
-- (`sapo.fetch` is the function below).
local lazy = { pipeline = "sapo.pipeline", source = "sapo.source", sink = "sapo.sink",
               fetch_module = "sapo.fetch", warc = "sapo.warc", render = "sapo.render", guard = "sapo.guard",
               http = "sapo.http", url = "sapo.url", options = "sapo.options" }
setmetatable(sapo, { __index = function(t, k)
  local name = lazy[k]
  if not name then return nil end
  local m = require(name)
  rawset(t, k, m)
  return m
end })

--- Fetch a page (see the `sapo.fetch` module: `sapo.fetch_module`).
-- @tparam string url an absolute http(s) URL
-- @tparam[opt] table opts `timeout`, `max_bytes`, `max_redirects`, `user_agent`, `guard`, ...
-- @treturn table `{ url, status, body, content_type, charset, headers }`, or `nil, message, code`
-- @raise when an option is of the wrong type
function sapo.fetch(url, opts)
  return require("sapo.fetch").fetch(url, opts)
end

--- An HTML report of why each part of the page was kept or dropped.
-- @tparam string html the page
-- @tparam[opt] table opts `sapo.extract`'s options
-- @return the report, then the article; or `nil, message, code[, report]` (with
--   `"ENOCONTENT"`, the report of why every candidate lost comes fourth)
-- @raise when `html` is not a string, or an option is wrong
function sapo.explain(html, opts)
  return require("sapo.explain").explain(html, opts)
end

--- JSON text of an article (stable key order; lua-cjson when installed).
-- @tparam table art an article
-- @return string, or `nil, message`
function sapo.json(art)
  return json.encode(art)
end

return sapo
