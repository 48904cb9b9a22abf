#!/usr/bin/env lua5.4
--[[ tools/check_c.lua: the C tree's shape, checked by `make test`.

usage: lua5.4 tools/check_c.lua [ROOT]

  includes   the graph of #include "..." lines between csrc's files (a
             header and its .c count as one unit) has no circle;
  lengths    no function in csrc/core is longer than MAX_FUNCTION lines;
  hidden     every header of csrc/core that declares functions wraps
             them in `#pragma GCC visibility push(hidden)` (LuaRocks'
             builtin build passes no -fvisibility=hidden: the headers keep
             the shared object's exports to luaopen_sapo_core);
  words      no list of words (a `static const char *const NAME[] = {`
             of string literals) lives outside the table files
             (words.c, vocab.c, options.c, date.c, vi_tables.c).

Prints every violation, then one line "check_c: N problems" and exits 1
when there is any.  Plain Lua: the build machine needs nothing more. ]]
local root = arg[1] or "."
local MAX_FUNCTION = 120
-- the files that are tables: the vocabulary (words.c), the finder's class
-- vocabulary and its matchers (vocab.c), the option schema, the Vietnamese
-- tables (generated), month names (date.c)
local VOCABULARY = { ["csrc/core/words.c"] = true, ["csrc/core/vi_tables.c"] = true, ["csrc/core/vocab.c"] = true,
  ["csrc/core/options.c"] = true, ["csrc/core/date.c"] = true }

local function read(p)
  local f = io.open(p, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function files()
  local p = io.popen("cd '" .. root .. "' && find csrc -name '*.[ch]' | LC_ALL=C sort")
  local t = {}
  for l in p:lines() do t[#t + 1] = l end
  p:close()
  return t
end

local problems = {}
local function problem(fmt, ...) problems[#problems + 1] = string.format(fmt, ...) end

-- ===== includes: a unit is a file without its extension ====================
local function unit(path) return (path:gsub("%.[ch]$", "")) end

local edges = {}
for _, f in ipairs(files()) do
  local src = read(root .. "/" .. f)
  local dir = f:match("^(.*)/[^/]*$")
  local u = unit(f)
  edges[u] = edges[u] or {}
  for inc in src:gmatch('\n%s*#%s*include%s+"([^"]+)"') do
    local target
    for _, cand in ipairs({ dir .. "/" .. inc, "csrc/" .. inc }) do
      if read(root .. "/" .. cand) then target = cand; break end
    end
    if target and unit(target) ~= u then edges[u][unit(target)] = true end
  end
end

-- depth-first search for a back edge; each circle is printed once
local state, stack, seen_cycles = {}, {}, {}
local function visit(u)
  state[u] = "open"
  stack[#stack + 1] = u
  for v in pairs(edges[u] or {}) do
    if state[v] == "open" then
      local cyc, on = {}, false
      for _, w in ipairs(stack) do
        if w == v then on = true end
        if on then cyc[#cyc + 1] = w end
      end
      cyc[#cyc + 1] = v
      local key = table.concat(cyc, " -> ")
      if not seen_cycles[key] then seen_cycles[key] = true; problem("include circle: %s", key) end
    elseif not state[v] then
      visit(v)
    end
  end
  stack[#stack] = nil
  state[u] = "done"
end
local units = {}
for u in pairs(edges) do units[#units + 1] = u end
table.sort(units)
for _, u in ipairs(units) do if not state[u] then visit(u) end end

-- ===== function lengths and word lists =====================================
-- Strip comments and string/char literals (keeping line breaks) so braces
-- inside them do not count.
local function code_only(s)
  s = s:gsub("/%*.-%*/", function(c) return (c:gsub("[^\n]", " ")) end)
  s = s:gsub("//[^\n]*", "")
  s = s:gsub('"[^"\n\\]*(\\.[^"\n\\]*)*"', '""')
  s = s:gsub("'[^'\n\\]*(\\.[^'\n\\]*)*'", "''")
  return s
end

for _, f in ipairs(files()) do
  if f:match("^csrc/core/.*%.c$") then
    local raw = read(root .. "/" .. f)
    local src = code_only(raw)
    -- a function: a line opening a definition at column 0 that ends in "{"
    local lines = {}
    for l in (src .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = l end
    local i = 1
    while i <= #lines do
      local l = lines[i]
      local name = l:match("^[%w_][%w_%s%*]*[%s%*]([%w_]+)%s*%(")
      if name and not l:match(";%s*$") and not l:match("^%s*typedef") then
        -- find the opening brace (the signature may span lines)
        local j = i
        while j <= #lines and not lines[j]:find("{", 1, true) and not lines[j]:find(";", 1, true) do j = j + 1 end
        if j <= #lines and lines[j]:find("{", 1, true) then
          local depth, k = 0, j
          repeat
            local line = lines[k]
            for c in line:gmatch("[{}]") do depth = depth + (c == "{" and 1 or -1) end
            k = k + 1
          until depth <= 0 or k > #lines
          local len = k - i
          if len > MAX_FUNCTION then problem("%s:%d: %s is %d lines (max %d)", f, i, name, len, MAX_FUNCTION) end
          i = k
        else
          i = j + 1
        end
      else
        i = i + 1
      end
    end
    if not VOCABULARY[f] then
      for decl, body in raw:gmatch("(static%s+const%s+char%s*%*%s*const%s+[%w_]+%s*%[%s*%]%s*=%s*)(%b{})") do
        if body:match('^{%s*"') then
          local name = decl:match("([%w_]+)%s*%[")
          local n = select(2, raw:sub(1, raw:find(decl, 1, true)):gsub("\n", ""))
          problem("%s:%d: word list %s outside the vocabulary files", f, n + 1, name)
        end
      end
    end
  end
end

-- ===== hidden: headers that declare functions keep them hidden ==========
for _, f in ipairs(files()) do
  if f:match("^csrc/core/.*%.h$") then
    local src = code_only(read(root .. "/" .. f))
    local declares = false
    for line in src:gmatch("[^\n]+") do
      if line:match("^[%w_][%w_%s%*]*[%s%*][%w_]+%s*%(") and not line:match("^static") and not line:match("^typedef") then
        declares = true
      end
    end
    if declares and not read(root .. "/" .. f):find("visibility push%(hidden%)") then
      problem("%s: declares functions outside `#pragma GCC visibility push(hidden)`", f)
    end
  end
end

for _, p in ipairs(problems) do print(p) end
print(string.format("check_c: %d problems", #problems))
os.exit(#problems == 0 and 0 or 1)
