--- The `sapo` command line, parsed with lua-argparse.  `main(args, io)`
-- returns an exit code and never calls os.exit, so it is testable;
-- bin/sapo is a thin launcher.  Exit codes: 0 ok, 1 some items failed (or
-- the input could not be read), 2 usage error.
-- @module sapo.cli
local argparse = require "argparse"
local sapo = require "sapo"
local core = require "sapo.core"
local render = require "sapo.render"
local json = require "sapo.json"
local source = require "sapo.source"
local options = require "sapo.options"

local M = {}

local FORMATS = { "text", "markdown", "html", "json" }
local VI_ENCODINGS = { "tcvn3", "vni", "viqr", "viscii", "vps", "cp1258" }
local ARTICLE_FIELDS = {}
for _, f in ipairs(options.fields) do
  if f.kind ~= "trace" then ARTICLE_FIELDS[#ARTICLE_FIELDS + 1] = f.name end
end

-- ===== checks shared by the commands (run before any work) =================

local function check_charset(v)
  if core.text.charset(v) then return v end
  return nil, "unknown charset '" .. v .. "' (a WHATWG label such as windows-1258, or tcvn3, vni, vps, viqr)"
end

local function check_bytes(v)
  local n, unit = v:match("^(%-?%d+)([kKmMgG]?)[bB]?$")
  n = tonumber(n)
  if not n then return nil, "expected a size in bytes (e.g. 50M), got '" .. v .. "'" end
  if n < 1 then return nil, "must be positive, got '" .. v .. "'" end
  local mul = ({ k = 1024, m = 1024 ^ 2, g = 1024 ^ 3 })[unit:lower()] or 1
  return math.floor(n * mul)
end

-- 33554432 -> "32M"
local function human_bytes(n)
  for _, u in ipairs({ { "G", 1024 ^ 3 }, { "M", 1024 ^ 2 }, { "k", 1024 } }) do
    if n >= u[2] and n % u[2] == 0 then return string.format("%d%s", n / u[2], u[1]) end
  end
  return tostring(n)
end

local function check_seconds(v)
  local n = tonumber(v)
  if not n then return nil, "expected a number of seconds, got '" .. v .. "'" end
  if n <= 0 or n ~= n then return nil, "must be positive, got '" .. v .. "'" end
  return n
end

local function check_list(allowed, what)
  local set = {}
  for _, a in ipairs(allowed) do set[a] = true end
  return function(v)
    local list = {}
    for x in v:gmatch("[^,%s]+") do
      if not set[x] then return nil, "unknown " .. what .. " '" .. x .. "' (one of " .. table.concat(allowed, ", ") .. ")" end
      list[#list + 1] = x
    end
    if #list == 0 then return nil, "an empty " .. what .. " list" end
    return list
  end
end

local function check_jobs(v)
  local n = tonumber(v)
  if n and n < 1 then return nil, "must be positive, got '" .. v .. "'" end
  if not n or n % 1 ~= 0 or n > 256 then return nil, "--jobs must be a whole number from 1 to 256" end
  return n
end

-- options that take a number: "--timeout -5" reaches the converter (and its
-- "must be positive") instead of being read as an unknown option "-5"
local NUMERIC = { ["--max-bytes"] = true, ["--timeout"] = true, ["--jobs"] = true, ["-j"] = true }

local function join_negative_numbers(list)
  local out, i = {}, 1
  while i <= #list do
    local x, nx = list[i], list[i + 1]
    if NUMERIC[x] and type(nx) == "string" and nx:match("^%-[%d.]") then
      out[#out + 1] = (x == "-j" and "--jobs" or x) .. "=" .. nx
      i = i + 2
    else
      out[#out + 1] = x
      i = i + 1
    end
    if x == "--" then for k = i, #list do out[#out + 1] = list[k] end; break end
  end
  return out
end

-- a converter whose messages name its option ("--timeout must be positive, got '-1'")
local function named(option, check)
  return function(v)
    local r, msg = check(v)
    if r == nil and msg and not msg:find("^%-%-") then msg = option .. " " .. msg end
    return r, msg
  end
end

-- the options every extracting command takes
local function extract_options(cmd)
  cmd:option("--url", "The page's URL (base for links) for files and standard input.")
  cmd:option("--charset", "Decode the page with this character set (tcvn3 and vni too)."):convert(check_charset)
  cmd:option("--tone", "Place tone marks in one style."):choices(options.by_name.tone.choices)
  cmd:option("--max-bytes", "Refuse pages larger than this (default " .. human_bytes(options.by_name.max_bytes.default) ..
    "); suffixes k, M, G."):convert(named("--max-bytes", check_bytes))
  cmd:option("--timeout", "Seconds for a fetch, redirects included (default 30)."):convert(named("--timeout", check_seconds))
  cmd:option("--user-agent", "User-Agent header of fetches.")
end

function M.parser()
  local p = argparse("sapo", "Turn news web pages into clean articles: title, byline, date, lead, body.")
    :add_help(false)
    :epilog("Exit status: 0 ok, 1 some input failed, 2 usage or output error.\n" ..
            "Run 'sapo COMMAND -h' for a command's options.")
  p:flag("-h --help", "Show this help and exit.")
  p:flag("--version", "Show the version and exit.")
  p:command_target("command")
  p:require_command(false)

  local ex = p:command("extract", "Extract the article of one page (a file, a URL, or - for standard input).")
    :add_help(false)
  ex:flag("-h --help", "Show this help and exit.")
  ex:argument("input", "FILE, URL or -."):args("?")
  ex:option("-f --format", "Output format."):choices(FORMATS):default("text")
  ex:flag("--pretty", "Indent JSON output.")
  ex:option("--fields", "JSON: only these article fields, comma-separated."):convert(check_list(ARTICLE_FIELDS, "field"))
  extract_options(ex)

  local b = p:command("batch", "Extract many pages to JSON Lines (or one file per page).")
    :add_help(false)
    :epilog("Sources: FILE, FOLDER (recursive *.html, *.htm), URL, @URLS_FILE, FILE.warc[.gz].\n" ..
            "--stdin-jsonl reads {\"url\": ..., \"html\": ...} lines and writes one line per input line, in\n" ..
            "order: it runs unchanged under GNU parallel, Hadoop Streaming or Spark's RDD.pipe.")
  b:flag("-h --help", "Show this help and exit.")
  b:argument("sources", "Pages to read."):args("*")
  b:option("-o --out", "Write JSON Lines to this file (default: standard output).")
  b:option("-d --dir", "Write one file per page into this folder (created when missing).")
  b:option("-f --format", "Format of --dir files."):choices(FORMATS):default("json")
  b:option("--formats", "Extra outputs in the JSON: markdown, html."):convert(check_list({ "markdown", "html" }, "format"))
  b:option("--fields", "JSON: only these article fields, comma-separated."):convert(check_list(ARTICLE_FIELDS, "field"))
  b:flag("--pretty", "Indent JSON files written with --dir.")
  b:flag("--stdin-jsonl", "Read {\"url\", \"html\"} JSON Lines from standard input.")
  b:option("-j --jobs", "Worker processes on this machine."):convert(named("--jobs", check_jobs)):default("1")
  b:flag("--progress", "Show a progress bar on standard error (default: when it is a terminal).")
  b:flag("--no-progress", "Never show the progress bar.")
  b:option("--worker"):hidden(true)   -- internal: "K/N", a --jobs worker's share
  extract_options(b)

  local v = p:command("vi", "Vietnamese text tools (text on standard input, result on standard output).")
    :add_help(false)
  v:flag("-h --help", "Show this help and exit.")
  v:command_target("vi_command")
  v:require_command(false)
  local function vsub(name, desc)
    local c = v:command(name, desc):add_help(false)
    c:flag("-h --help", "Show this help and exit.")
    c:option("--max-bytes", "Refuse input larger than this (default " .. human_bytes(options.by_name.max_bytes.default) ..
      "); suffixes k, M, G."):convert(named("--max-bytes", check_bytes))
    return c
  end
  vsub("tone", "Place tone marks in one style."):argument("style", "old (hòa) or new (hoà)."):choices(options.by_name.tone.choices)
  vsub("fold", "Remove diacritics (Việt -> Viet).")
  vsub("slug", "One URL slug per input line.")
  vsub("strip", "Remove every diacritic, keep case (Việt -> Viet, ă -> a, đ -> d).")
  vsub("nfc", "Compose to Unicode NFC.")
  vsub("decode", "Decode legacy bytes to UTF-8."):argument("encoding"):choices(VI_ENCODINGS)
  vsub("encode", "Encode UTF-8 text into a legacy code page."):argument("encoding")
    :choices({ "tcvn3", "vni", "viscii", "vps", "cp1258" })
  vsub("detect", "Say whether the text is Vietnamese (vi or other) and the score.")
  vsub("repair", "Repair mojibake (UTF-8 read as Windows-1252, or legacy font bytes)."):argument("from")
    :choices({ "tcvn3", "vni" }):args("?")

  local e = p:command("explain", "Write an HTML report of why each part of a page was kept or dropped.")
    :add_help(false)
  e:flag("-h --help", "Show this help and exit.")
  e:argument("input", "FILE, URL or -."):args("?")
  e:option("-o --output", "Write the report to this file (default: standard output).")
  extract_options(e)

  local h = p:command("help", "Show help for a command."):add_help(false)
  h:argument("topic"):args("?")
  return p
end

-- ===== commands ============================================================

local function fetch_opts(a)
  return { timeout = a.timeout, max_bytes = a.max_bytes, user_agent = a.user_agent }
end

-- the page bytes of an input: FILE, URL or "-"; or nil, message, exit code
local function read_input(target, a, stdin)
  if target == "-" then
    local s, err, code = source.read_limited(stdin, a.max_bytes)
    if not s then return nil, "standard input: " .. err .. " (" .. code .. ")", 1 end
    return s, nil, nil, nil
  end
  if target:match("^%a[%w+.-]*://") then
    local fetch = require "sapo.fetch"
    local res, err, code = fetch.fetch(target, fetch_opts(a))
    if not res then return nil, err .. (code and (" (" .. code .. ")") or ""), 1 end
    local ctype = (res.content_type or ""):lower()
    if ctype ~= "" and not (ctype:find("html", 1, true) or ctype:find("text/plain", 1, true)) then
      return nil, target .. ": the server answered " .. ctype:match("^[^;]*") .. ", not HTML (EPARSE)", 1
    end
    return res.body, res.content_type, res.url
  end
  local d = io.open(target .. "/.", "rb")
  if d then
    d:close()
    return nil, target .. " is a folder: use 'sapo batch " .. target .. "' for many pages", 2
  end
  local f, err = io.open(target, "rb")
  if not f then return nil, err, 1 end
  -- never more than max_bytes + 1 bytes, whatever the file is (/dev/zero)
  local s, rerr, code = source.read_limited(f, a.max_bytes)
  f:close()
  if not s then return nil, target .. ": " .. rerr .. " (" .. code .. ")", 1 end
  return s
end

local function extract_opts(a, url, ctype, formats)
  return { url = a.url or url, charset = a.charset, content_type = ctype, tone = a.tone, max_bytes = a.max_bytes,
    formats = formats }
end

local function select_fields(art, fields)
  if not fields then return art end
  local r = {}
  for _, k in ipairs(fields) do r[k] = art[k] end
  return r
end

-- the page a command reads: html, content type, url; or nil, exit code
-- (the message written)
local function load_page(cmd, a, err, stdin)
  if not a.input then err:write("sapo ", cmd, ": needs FILE, URL or -\n"); return nil, 2 end
  local html, ctype, url = read_input(a.input, a, stdin)
  if not html then err:write("sapo ", cmd, ": ", ctype, "\n"); return nil, url end
  return html, ctype, url
end

local function cmd_extract(a, out, err, stdin)
  local target = a.input
  local html, ctype, url = load_page("extract", a, err, stdin)
  if not html then return ctype end
  local art, msg, code = sapo.extract(html, extract_opts(a, url, ctype, render.needs(a.format)))
  if not art then err:write("sapo extract: ", target, ": ", msg, " (", code, ")\n"); return 1 end
  if a.format == "json" then
    if art.url == nil then art.url = a.url or url end
    out:write(assert(json.encode(select_fields(art, a.fields), a.pretty)), "\n")
  else
    out:write(render[a.format](art))
  end
  return 0
end

local function help_for(p, path)
  local cmd = p
  for _, name in ipairs(path) do
    local sub
    for _, c in ipairs(cmd._commands or {}) do
      for _, n in ipairs(c._aliases or { c._name }) do if n == name then sub = c end end
    end
    if not sub then return nil, name end
    cmd = sub
  end
  return cmd:get_help()
end

local function cmd_vi(a, out, err, stdin)
  local vi = sapo.vi
  local sub = a.vi_command
  if not sub then
    err:write(help_for(M.parser(), { "vi" }), "\n\nsapo vi: needs a tool (tone, fold, slug, strip, nfc, decode, encode, detect, repair)\n")
    return 2
  end
  local input, rerr, rcode = source.read_limited(stdin, a.max_bytes)
  if not input then err:write("sapo vi ", sub, ": standard input: ", rerr, " (", rcode, ")\n"); return 1 end
  local res, msg
  if sub == "tone" then res, msg = vi.tone(input, a.style)
  elseif sub == "decode" then res, msg = vi.decode(input, a.encoding)
  elseif sub == "encode" then res, msg = vi.encode(input, a.encoding)
  elseif sub == "repair" then res, msg = vi.repair(input, a.from)
  elseif sub == "detect" then
    local lang, score = vi.detect(input)
    out:write(string.format("%s %.2f\n", lang, score or 0))
    return 0
  elseif sub == "slug" then
    for line in (input .. (input:sub(-1) == "\n" and "" or "\n")):gmatch("([^\n]*)\n") do
      if line ~= "" then out:write(vi.slug(line), "\n") end
    end
    return 0
  else res, msg = vi[sub](input) end
  if not res then err:write("sapo vi ", sub, ": ", tostring(msg), "\n"); return 1 end
  out:write(res)
  return 0
end

local function cmd_explain(a, out, err, stdin)
  local target = a.input
  local html, ctype, url = load_page("explain", a, err, stdin)
  if not html then return ctype end
  local report, msg, code, why = sapo.explain(html, extract_opts(a, url, ctype))
  local status = 0
  if not report then
    err:write("sapo explain: ", target, ": ", msg, " (", code, ")", why and "; the report says why every candidate lost" or "", "\n")
    if not why then return 1 end
    report, status = why, 1
  end
  if a.output then
    local f, ferr = io.open(a.output, "wb")
    if not f then err:write("sapo explain: ", ferr, "\n"); return 1 end
    f:write(report)
    f:close()
  else
    out:write(report)
  end
  return status
end

-- "sapo batch -h", "sapo vi tone --help": the words before the first
-- -h/--help that name commands; nil when no help flag is given
local function help_path(args)
  for i, x in ipairs(args) do
    if x == "--" then return nil end
    if x == "-h" or x == "--help" then
      local path = {}
      for k = 1, i - 1 do
        if args[k]:sub(1, 1) ~= "-" then path[#path + 1] = args[k] end
      end
      return path
    end
  end
  return nil
end

-- Options that do not apply to what was asked: the message of a usage
-- error, or nil (a harmless one is a one-line warning on err)
local function usage_errors(a, err)
  local function warn(msg) err:write("sapo ", a.command, ": warning: ", msg, "\n") end
  if a.url then
    local u = require("sapo.url").parse(a.url)
    if not u or (u.scheme ~= "http" and u.scheme ~= "https") then
      return "--url must be an absolute http(s) URL, got '" .. a.url .. "'"
    end
  end
  if a.command == "extract" then
    if a.fields and a.format ~= "json" then return "--fields applies to -f json only" end
    if a.pretty and a.format ~= "json" then warn("--pretty applies to -f json only (ignored)") end
  elseif a.command == "batch" then
    if a.progress and a.no_progress then return "--progress and --no-progress exclude each other" end
    if a.format ~= "json" and not a.dir then
      return "-f " .. a.format .. " is the format of --dir files (batch writes JSON Lines otherwise)"
    end
    if a.pretty and not a.dir then warn("--pretty applies to the JSON files of --dir only (ignored)") end
    if a.fields and a.dir and a.format ~= "json" then return "--fields applies to JSON output only" end
  end
  return nil
end

--- Run the command line.
-- @tparam table args the arguments (like `arg`)
-- @tparam[opt] table io_ `{stdout=, stderr=, stdin=}` (defaults: the process's)
-- @treturn integer exit code
function M.main(args, io_)
  io_ = io_ or {}
  local out, err, stdin = io_.stdout or io.stdout, io_.stderr or io.stderr, io_.stdin or io.stdin
  local list = {}
  for i = 1, #args do list[i] = args[i] end
  local p = M.parser()
  local hp = help_path(list)
  if hp then
    local help, unknown = help_for(p, hp)
    if not help then err:write("sapo: unknown command '", unknown, "'\n"); return 2 end
    out:write(help, "\n")
    return 0
  end
  if #list == 0 then err:write(p:get_help(), "\n"); return 2 end
  local ok, a = p:pparse(join_negative_numbers(list))
  if not ok then
    err:write("sapo: ", tostring(a), "\n")
    return 2
  end
  if a.version then out:write("sapo ", core.version, "\n"); return 0 end
  if a.command == "help" then
    local help, unknown = help_for(p, { a.topic })
    if not help then err:write("sapo help: unknown command '", unknown, "'\n"); return 2 end
    out:write(help, "\n")
    return 0
  end
  local usage = usage_errors(a, err)
  if usage then err:write("sapo ", a.command, ": ", usage, "\n"); return 2 end
  if a.command == "extract" then return cmd_extract(a, out, err, stdin) end
  if a.command == "vi" then return cmd_vi(a, out, err, stdin) end
  if a.command == "explain" then return cmd_explain(a, out, err, stdin) end
  if a.command == "batch" then return require("sapo.batch").run(a, out, err, stdin, list) end
  err:write(p:get_help(), "\n")
  return 2
end

return M
