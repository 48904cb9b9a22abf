--- The `sapo` command line.  `main(args, io)` returns an exit code and
-- never calls os.exit, so it is testable; bin/sapo is a thin launcher.
--   0 ok, 1 some items failed, 2 usage error.
-- @module sapo.cli
local sapo = require "sapo"

local M = {}

local USAGE = [[
usage: sapo <command> [options]

commands:
  extract FILE|URL|-   extract the article of one page
      --format text|markdown|html|json   output (default text)
      --url U          page URL (base for links), for files and stdin
      --charset C      force the page's character set
      --tone old|new   place tone marks in one style
  vi tone old|new      normalise tone marks of text on stdin
  vi fold|slug|strip|nfc   transform text on stdin
  vi decode tcvn3|vni|viqr|viscii|vps|cp1258   decode legacy bytes on stdin
  vi repair [tcvn3|vni]  repair mojibake on stdin
  batch SOURCE... [--out FILE] [--stdin-jsonl] [--jobs N]   many pages to JSON Lines
                       (sapo batch --help for the details)
  help                 this text
]]

local function read_all(f)
  local s = f:read("*a")
  return s or ""
end

local function parse_flags(args, i, spec)
  local flags, pos = {}, {}
  while i <= #args do
    local a = args[i]
    local name, val = a:match("^%-%-([%w%-]+)=(.*)$")
    if not name then name = a:match("^%-%-([%w%-]+)$") end
    if name then
      if spec[name] == nil then return nil, "unknown option --" .. name end
      if spec[name] == "flag" then flags[name] = true
      else
        if val == nil then
          i = i + 1
          val = args[i]
          if val == nil then return nil, "option --" .. name .. " needs a value" end
        end
        flags[name] = val
      end
    else
      pos[#pos + 1] = a
    end
    i = i + 1
  end
  return flags, pos
end

local function fetch_page(target, flags)
  local ok, fetch = pcall(require, "sapo.fetch")
  if not ok then return nil, "fetching needs sapo.fetch: " .. tostring(fetch) end
  return fetch.fetch(target, {})
end

local function cmd_extract(args, i, out, err, stdin)
  local flags, pos = parse_flags(args, i, { format = "value", url = "value", charset = "value", tone = "value" })
  if not flags then err:write("sapo: ", pos, "\n"); return 2 end
  if #pos ~= 1 then err:write("sapo: extract needs one FILE, URL or -\n"); return 2 end
  local format = flags.format or "text"
  local FORMATS = { text = true, markdown = true, html = true, json = true }
  if not FORMATS[format] then err:write("sapo: unknown format '", format, "'\n"); return 2 end
  if flags.tone and flags.tone ~= "old" and flags.tone ~= "new" then
    err:write("sapo: --tone must be old or new\n"); return 2
  end
  local target, html, ctype = pos[1], nil, nil
  local url = flags.url
  if target == "-" then
    html = read_all(stdin)
  elseif target:match("^https?://") then
    local res, ferr = fetch_page(target, flags)
    if not res then err:write("sapo: ", tostring(ferr), "\n"); return 1 end
    html, ctype, url = res.body, res.content_type, url or res.url
  else
    local f, ferr = io.open(target, "rb")
    if not f then err:write("sapo: ", ferr, "\n"); return 1 end
    html = read_all(f)
    f:close()
  end
  local opts = { url = url, charset = flags.charset, content_type = ctype, tone = flags.tone }
  if format == "markdown" or format == "html" or format == "json" then
    opts.formats = format == "json" and { "markdown", "html" } or { format }
  end
  local art, msg, code = sapo.extract(html, opts)
  if not art then err:write("sapo: ", target, ": ", msg, " (", code, ")\n"); return 1 end
  if format == "json" then
    out:write(assert(sapo.json(art)), "\n")
  elseif format == "text" then
    if art.title then out:write(art.title, "\n\n") end
    out:write(art.text, "\n")
  elseif format == "markdown" then
    if art.title then out:write("# ", art.title, "\n\n") end
    out:write(art.markdown, "\n")
  else
    out:write(art.html, "\n")
  end
  return 0
end

local function cmd_vi(args, i, out, err, stdin)
  local sub, arg2 = args[i], args[i + 1]
  local vi = sapo.vi
  local input = read_all(stdin)
  local res, msg
  if sub == "tone" then
    if arg2 ~= "old" and arg2 ~= "new" then err:write("sapo: vi tone needs old or new\n"); return 2 end
    res, msg = vi.tone(input, arg2)
  elseif sub == "fold" or sub == "slug" or sub == "strip" or sub == "nfc" then
    res, msg = vi[sub](input)
  elseif sub == "decode" then
    local ENC = { tcvn3 = true, vni = true, viqr = true, viscii = true, vps = true, cp1258 = true }
    if not ENC[arg2 or ""] then err:write("sapo: vi decode needs an encoding\n"); return 2 end
    res, msg = vi.decode(input, arg2)
  elseif sub == "repair" then
    if arg2 ~= nil and arg2 ~= "tcvn3" and arg2 ~= "vni" then err:write("sapo: vi repair [tcvn3|vni]\n"); return 2 end
    res, msg = vi.repair(input, arg2)
  else
    err:write(USAGE)
    return 2
  end
  if not res then err:write("sapo: ", msg, "\n"); return 1 end
  out:write(res)
  return 0
end

--- Run the command line.
-- @tparam table args the arguments (like `arg`)
-- @tparam[opt] table io_ `{stdout=, stderr=, stdin=}` (defaults: the process's)
-- @treturn integer exit code
function M.main(args, io_)
  io_ = io_ or {}
  local out, err, stdin = io_.stdout or io.stdout, io_.stderr or io.stderr, io_.stdin or io.stdin
  local cmd = args[1]
  if cmd == nil or cmd == "help" or cmd == "--help" or cmd == "-h" then
    (cmd == nil and err or out):write(USAGE)
    return cmd == nil and 2 or 0
  end
  if cmd == "extract" then return cmd_extract(args, 2, out, err, stdin) end
  if cmd == "vi" then return cmd_vi(args, 2, out, err, stdin) end
  if cmd == "batch" then
    local ok, batch = pcall(require, "sapo.batch")
    if ok then return batch.main(args, 2, out, err, stdin) end
  end
  err:write("sapo: unknown command '", tostring(cmd), "'\n", USAGE)
  return 2
end

return M
