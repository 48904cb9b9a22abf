--- An nginx (OpenResty / lua-nginx-module) article-extraction service.
--
--     location / {
--       content_by_lua_block {
--         require("sapo.http").serve({ allow = { "vnexpress.net" } })
--       }
--     }
--     # nginx's own errors as JSON: a URI, not a named location (nginx
--     # cannot redirect to a named location before it has read a URI)
--     error_page 400 404 405 408 413 414 494 500 502 503 504 /_sapo_error;
--     location = /_sapo_error {
--       internal;
--       content_by_lua_block { require("sapo.http").error_page() }
--     }
--
-- Routes:
--   POST /extract          the page in the body; query: url (the page's
--                          absolute http(s) URL, the base for links),
--                          format (json|text|markdown|html), tone (old|new);
--                          the request's Content-Type charset is honoured
--   GET  /extract?url=U    fetch U with cosockets, then extract
--   GET  /health           {"status":"ok"}
-- format=json (the default) answers the article as JSON; text, markdown
-- and html answer the rendering (sapo.render) with its Content-Type.
-- Errors are always JSON {error, code, status}; M.STATUS maps each code
-- to its status (400 bad input, 403 a URL the options forbid, 404 unknown
-- route, 405 wrong method, 413 over a size limit, 422 no article, 429 too
-- many fetches in flight, 502 the fetch failed or redirected too often,
-- 504 it timed out).  A Lua error in the handler is logged and answered
-- 500, never leaked as a stack trace.
--
-- Fetching (GET ?url=) is off unless the options say what may be fetched
-- (sapo.guard, checked before every request, redirects included):
--   allow          list of host names (and their subdomains) to fetch
--   allow_public   true: any host whose every address is public (the
--                  name is resolved through nameservers, by UDP, and the
--                  checked address is the one connected to)
--   allow_private  true: no address check (trusted networks, tests)
--   nameservers    list of "addr" or "addr:port" (default /etc/resolv.conf)
-- Limits: max_body (bytes, default 8 MiB), max_fetch (bytes of the decoded
-- fetched page, default 8 MiB), fetch_timeout (s, default 10: one deadline
-- for the whole fetch, connects, headers, bodies and redirects included),
-- max_fetches (fetches in flight per worker, default 16), user_agent,
-- prefix (a location prefix to strip from the URI, "/api").
-- The only state is the per-worker count of fetches in flight.
-- @module sapo.http
local sapo = require "sapo"
local fetch = require "sapo.fetch"
local guard = require "sapo.guard"
local json = require "sapo.json"
local render = require "sapo.render"
local options = require "sapo.options"
local core = require "sapo.core"

local ngx = ngx
local type, tonumber, pcall, ipairs, tostring = type, tonumber, pcall, ipairs, tostring

local M = {}

local FORMATS = { json = true, text = true, markdown = true, html = true }

--- The HTTP status of each error code the service answers with.
M.STATUS = {
  EINVAL = 400, EURL = 400, EPARSE = 400, EENCODING = 400, EUTF8 = 400,   -- the request is wrong
  EFORBIDDEN = 403,                                                        -- a URL the options forbid
  ENOTFOUND = 404, EMETHOD = 405,
  ELIMIT = 413,                                                            -- over a size limit
  ENOCONTENT = 422,                                                        -- no article (or an empty page)
  EBUSY = 429,                                                             -- too many fetches in flight
  EINTERNAL = 500,
  EHTTP = 502, ECONNECT = 502, ETLS = 502, EPROTO = 502, ERESOLVE = 502,   -- the fetch failed
  EREDIRECT = 502,                                                         -- a loop, or too many redirects
  ETIMEOUT = 504,                                                          -- the fetch ran out of time
}

local function reply(status, body)
  ngx.status = status
  ngx.header["Content-Type"] = "application/json; charset=utf-8"
  ngx.header["Cache-Control"] = "no-store"
  ngx.print(json.encode(body) or '{"error":"cannot encode the response"}')
  return ngx.exit(status)
end

local function fail(status, msg, code)
  return reply(status, { error = msg, code = code, status = status })
end

local function article_response(art, format)
  if format == "json" then return reply(200, art) end
  local ok, body = pcall(render[format], art)
  if not ok then return fail(500, "cannot render the article", "EINTERNAL") end
  ngx.status = 200
  ngx.header["Content-Type"] = render.CONTENT_TYPES[format]
  ngx.header["Cache-Control"] = "no-store"
  ngx.print(body)
  return ngx.exit(200)
end

local function extract(html, q, ctype, opts)
  local art, err, code = sapo.extract(html, { url = q.url, content_type = ctype, tone = q.tone,
    formats = render.needs(q.format), max_bytes = opts.max_body })
  if not art then return fail(M.STATUS[code] or 400, err, code) end
  return article_response(art, q.format)
end

-- fetches in flight in this worker (the module's one piece of state)
local inflight = 0

local function fetch_and_extract(q, opts)
  local max = opts.max_fetches or 16
  if inflight >= max then
    return fail(429, "too many fetches in flight (" .. max .. " per worker): retry later", "EBUSY")
  end
  inflight = inflight + 1
  local ok, res, err, code = pcall(fetch.fetch, q.url, {
    timeout = opts.fetch_timeout or 10, max_bytes = opts.max_fetch or 8 * 1024 * 1024,
    user_agent = opts.user_agent, max_redirects = 5, check = guard.new(opts) })
  inflight = inflight - 1
  if not ok then error(res, 0) end
  if not res then return fail(M.STATUS[code] or 502, err, code) end
  local ctype = res.content_type or ""
  if ctype ~= "" and not (ctype:lower():find("html", 1, true) or ctype:lower():find("text/plain", 1, true)) then
    return fail(422, "the URL answered " .. ctype:match("^[^;]*") .. ", not HTML", "EPARSE")
  end
  q.url = res.url
  return extract(res.body, q, res.content_type, opts)
end

local function handle(opts)
  local uri, method = ngx.var.uri, ngx.req.get_method()
  local prefix = opts.prefix
  if prefix and uri:sub(1, #prefix) == prefix then uri = uri:sub(#prefix + 1) end
  if uri == "/health" then
    if method ~= "GET" and method ~= "HEAD" then return fail(405, "use GET", "EMETHOD") end
    return reply(200, { status = "ok", version = sapo._VERSION })
  end
  if uri ~= "/extract" then return fail(404, "unknown route " .. uri, "ENOTFOUND") end
  local args = ngx.req.get_uri_args(20)
  local q = {}
  for _, k in ipairs({ "url", "format", "tone" }) do
    local v = args[k]
    if type(v) == "table" then return fail(400, "parameter " .. k .. " given twice", "EINVAL") end
    if v == true then v = nil end
    q[k] = v
  end
  q.format = q.format or "json"
  if not FORMATS[q.format] then return fail(400, "format must be json, text, markdown or html", "EINVAL") end
  if q.tone and options.error("tone", q.tone) then return fail(400, "tone: " .. options.error("tone", q.tone), "EINVAL") end
  if q.url and not core.text.is_http_url(q.url) then
    return fail(400, "url must be an absolute http(s) URL", "EURL")
  end
  if method == "POST" then
    local max = opts.max_body or 8 * 1024 * 1024
    local len = tonumber(ngx.var.http_content_length or "")
    if len and len > max then return fail(413, "body of " .. len .. " bytes is over the limit of " .. max, "ELIMIT") end
    ngx.req.read_body()
    local body = ngx.req.get_body_data()
    if not body then
      if ngx.req.get_body_file() then
        return fail(413, "body over the in-memory limit (client_body_buffer_size)", "ELIMIT")
      end
      return fail(400, "empty body: POST the page's HTML", "EINVAL")
    end
    if #body > max then return fail(413, "body of " .. #body .. " bytes is over the limit of " .. max, "ELIMIT") end
    return extract(body, q, ngx.var.http_content_type, opts)
  elseif method == "GET" then
    if not q.url then return fail(400, "GET /extract needs ?url=", "EINVAL") end
    local scheme, host, code = fetch.parse_url(q.url)
    if not scheme then return fail(400, host, code) end
    return fetch_and_extract(q, opts)
  end
  return fail(405, "use GET or POST", "EMETHOD")
end

--- Serve one request (call from content_by_lua*).
-- @tparam[opt] table opts see the module description
-- @return nothing: the answer is sent with `ngx.say` and `ngx.exit`
function M.serve(opts)
  opts = opts or {}
  local ok, err = pcall(handle, opts)
  if not ok then
    ngx.log(ngx.ERR, "sapo.http: ", tostring(err))
    if not ngx.headers_sent then
      ngx.status = 500
      ngx.header["Content-Type"] = "application/json; charset=utf-8"
      ngx.print('{"error":"internal error","code":"EINTERNAL","status":500}')
    end
    return ngx.exit(500)
  end
end

local REASONS = { [400] = "bad request", [404] = "not found", [405] = "method not allowed",
  [408] = "request timeout", [413] = "request body too large", [414] = "URI too long",
  [431] = "request headers too large", [494] = "request headers too large", [500] = "internal error",
  [502] = "bad gateway", [503] = "unavailable", [504] = "gateway timeout" }
local REASON_CODES = { [400] = "EINVAL", [404] = "ENOTFOUND", [405] = "EMETHOD", [408] = "ETIMEOUT", [413] = "ELIMIT",
  [414] = "ELIMIT", [431] = "ELIMIT", [494] = "ELIMIT", [500] = "EINTERNAL", [502] = "EHTTP", [504] = "ETIMEOUT" }

--- Answer one of nginx's own errors as JSON, from the location that
-- `error_page 400 404 405 408 413 414 494 500 502 503 504 /_sapo_error;`
-- names (a URI: a named location fails for requests whose URI nginx could
-- not read, such as a bad request line).
-- @return nothing: the answer is sent with `ngx.say`
function M.error_page()
  local status = tonumber(ngx.status) or 500
  if status < 400 then status = 500 end
  ngx.status = status
  ngx.header["Content-Type"] = "application/json; charset=utf-8"
  ngx.header["Cache-Control"] = "no-store"
  ngx.print(json.encode({ error = REASONS[status] or "error", code = REASON_CODES[status] or "EHTTP", status = status }))
  return ngx.exit(status)
end

return M
