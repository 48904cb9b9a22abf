-- luacheck over lua/, bin/, spec/, examples/ (run by `make test`, suite "luacheck")
std = "max"                 -- Lua 5.1 to 5.4 and LuaJIT: the modules run under both
max_line_length = 140
codes = true
files["spec"] = { std = "+busted", max_line_length = false }   -- pages written inline
files["spec/openresty"] = { std = "+busted+ngx_lua" }
files["examples/openresty"] = { std = "+ngx_lua" }
exclude_files = { "build/", "dist/" }
-- the modules that also run inside OpenResty read its `ngx` when present
for _, f in ipairs({ "lua/sapo/fetch.lua", "lua/sapo/guard.lua" }) do
  files[f] = { read_globals = { "ngx" } }
end
files["lua/sapo/http.lua"] = { globals = { "ngx" } }   -- sets ngx.status and ngx.header
