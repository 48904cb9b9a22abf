--- An nginx (OpenResty / lua-nginx-module) article-extraction service.
--
--     location / {
--       content_by_lua_block {
--         require("sapo.http").serve({ max_body = 8 * 1024 * 1024, allow = { "vnexpress.net" } })
--       }
--     }
--
-- Routes:
--   POST /extract          the page in the body; query: url (base for links),
--                          format (json|text|markdown|html), tone (old|new);
--                          the request's Content-Type charset is honoured
--   GET  /extract?url=U    fetch U with cosockets, then extract
--   GET  /health           {"status":"ok"}
-- Responses are JSON: 200 the article; 400 bad input; 403 a URL the
-- options forbid; 404 unknown route; 405 wrong method; 413 over the size
-- limit; 422 no article found; 502 the fetch failed.  A Lua error in the
-- handler is logged and answered 500, never leaked as a stack trace.
--
-- Options (all optional): max_body (bytes, default 8 MiB), max_fetch
-- (bytes, default 8 MiB), fetch_timeout (s, default 10), allow (array of
-- host names; when set only these are fetched), allow_private (default
-- false: IP literals in private, loopback and link-local ranges and local
-- names are refused), user_agent, prefix (a location prefix to strip from
-- the URI, e.g. "/api").  Nothing is kept between requests: the
-- module has no mutable state, so any number of workers can run it.
-- @module sapo.http
local sapo = require "sapo"
local fetch = require "sapo.fetch"
local json = require "sapo.json"

local ngx = ngx
local type, tonumber, pcall, ipairs, tostring = type, tonumber, pcall, ipairs, tostring

local M = {}

local FORMATS = { json = true, text = true, markdown = true, html = true }
local CODE_STATUS = { ENOCONTENT = 422, ELIMIT = 413, EPARSE = 400, EENCODING = 400, EUTF8 = 400 }

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

-- IPv4 literal in a private, loopback, link-local, CGNAT or unspecified range?
local function private_ipv4(host)
  local a, b = host:match("^(%d+)%.(%d+)%.%d+%.%d+$")
  a, b = tonumber(a), tonumber(b)
  if not a then return false end
  return a == 10 or a == 127 or a == 0 or (a == 172 and b >= 16 and b <= 31) or (a == 192 and b == 168) or
         (a == 169 and b == 254) or (a == 100 and b >= 64 and b <= 127)
end

local function forbidden_host(host, opts)
  if opts.allow then
    for _, h in ipairs(opts.allow) do
      if host == h or host:sub(-#h - 1) == "." .. h then return nil end
    end
    return "host " .. host .. " is not in the allow-list"
  end
  if opts.allow_private then return nil end
  if private_ipv4(host) or host:find(":", 1, true) or host == "localhost" or host:match("%.localhost$") or
     host:match("%.local$") or host:match("%.internal$") or not host:find(".", 1, true) then
    return "host " .. host .. " is private"
  end
  return nil
end

local function article_response(art, format)
  if format == "text" then art.markdown, art.html = nil, nil
  elseif format == "markdown" then art.html = nil
  elseif format == "html" then art.markdown = nil end
  return reply(200, art)
end

local function extract(html, q, ctype, opts)
  local formats = {}
  if q.format == "json" or q.format == "markdown" then formats[#formats + 1] = "markdown" end
  if q.format == "json" or q.format == "html" then formats[#formats + 1] = "html" end
  local art, err, code = sapo.extract(html, { url = q.url, content_type = ctype, tone = q.tone,
    formats = formats, max_bytes = opts.max_body })
  if not art then return fail(CODE_STATUS[code] or 400, err, code) end
  return article_response(art, q.format)
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
  if q.tone and q.tone ~= "old" and q.tone ~= "new" then return fail(400, "tone must be old or new", "EINVAL") end
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
    local scheme, host = fetch.parse_url(q.url)
    if not scheme then return fail(400, host, "EURL") end
    local why = forbidden_host(host, opts)
    if why then return fail(403, why, "EFORBIDDEN") end
    local res, err, code = fetch.fetch(q.url, { timeout = opts.fetch_timeout or 10, max_bytes = opts.max_fetch or 8 * 1024 * 1024,
      user_agent = opts.user_agent, max_redirects = 5 })
    if not res then
      if code == "ELIMIT" then return fail(413, err, code) end
      return fail(502, err, code)
    end
    -- a redirect may have left the allowed hosts
    local _, final_host = fetch.parse_url(res.url)
    why = final_host and forbidden_host(final_host, opts)
    if why then return fail(403, why, "EFORBIDDEN") end
    q.url = res.url
    return extract(res.body, q, res.content_type, opts)
  end
  return fail(405, "use GET or POST", "EMETHOD")
end

--- Serve one request (call from content_by_lua*).
-- @tparam[opt] table opts see the module description
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

M._private_ipv4 = private_ipv4
return M
