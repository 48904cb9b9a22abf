--- The options of `sapo.parse` and `sapo.extract`, as the C core checks
-- them.  The schema (name, type, range or allowed words, default, a line of
-- documentation) is one table in `csrc/core/options.c`; this module hands
-- it to Lua (the command line's choices and help, the HTTP handler's
-- checks of request parameters) and never checks anything itself.
--
--     local options = require "sapo.options"
--     options.by_name.max_bytes.default     --> 33554432
--     options.error("tone", "x")            --> '"old" or "new" expected, got x'
--
-- @module sapo.options
local core = require "sapo.core"
local ipairs = ipairs

local M = {}

--- The schema: a list of `{name, type, stage, doc, min, max, default, choices}`
-- (`type` is "string", "integer", "boolean", "choice" or "list").
M.schema = core.options

--- The schema's entries by option name.
M.by_name = {}
for _, o in ipairs(M.schema) do M.by_name[o.name] = o end

--- Raise as `sapo.extract` would for a bad options table.
-- @tparam table opts the options (nil is fine)
-- @tparam string fname the function to name in the message ("parse" checks parse options only)
-- @tparam[opt=1] integer level where the error points: 1 is the caller of `check`
-- @return nothing
-- @raise "bad option 'NAME' to 'FNAME' (...)"
function M.check(opts, fname, level)
  core.check_options(opts, fname, (level or 1) + 1)
end

--- Why `value` is not a valid value of option `name` (for values that come
-- as data: request parameters, command lines), or nil when it is.
-- @tparam string name an option name
-- @param value the value
-- @treturn string|nil what was expected
-- @raise when `name` is not an option
function M.error(name, value)
  return core.option_error(name, value)
end

--- The article's fields, in the order JSON writes them: `{name, kind}`
-- (kind "text", "url", "date", "code", "texts", "images", "number", "trace").
M.fields = core.fields

--- The names of the article's prose fields (what a tone style or a
-- normalisation rewrites).
M.TEXT_FIELDS = {}
for _, f in ipairs(core.fields) do
  if f.kind == "text" then M.TEXT_FIELDS[#M.TEXT_FIELDS + 1] = f.name end
end

return M
