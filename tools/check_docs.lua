-- tools/check_docs.lua: every public function of the documented modules
-- (config.ld's list) has an LDoc comment that names each of its parameters
-- (@param / @tparam) and what it returns (@return / @treturn, or says it
-- returns nothing).  Exit 1 with one line a problem.
--
--     lua5.4 tools/check_docs.lua [ROOT]
local root = arg[1] or "."

local function read(path)
  local f = assert(io.open(root .. "/" .. path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local files = {}
for f in read("config.ld"):gmatch('"(lua/sapo/[%w_]+%.lua)"') do files[#files + 1] = f end

local problems = 0
local function problem(file, line, msg)
  problems = problems + 1
  io.write(file, ":", line, ": ", msg, "\n")
end

-- the comment block right above line i (lines[i-1], lines[i-2], ...), as
-- one string, and whether it opens with "---"
local function doc_above(lines, i)
  local block, k = {}, i - 1
  while k >= 1 and lines[k]:match("^%s*%-%-") do
    table.insert(block, 1, lines[k])
    k = k - 1
  end
  if #block == 0 or not block[1]:match("^%s*%-%-%-") then return nil end
  return table.concat(block, "\n")
end

local function documents_param(doc, name)
  for line in doc:gmatch("[^\n]+") do
    local rest = line:match("@t?param%b[]%s+(.*)") or line:match("@t?param%s+(.*)")
    if rest then
      -- "@tparam table opts ...", "@param opts ...", "@param out, err, stdin file handles"
      local words = {}
      for w in rest:gmatch("[%w_]+") do words[#words + 1] = w; if #words == 4 then break end end
      for _, w in ipairs(words) do if w == name then return true end end
    end
  end
  return false
end

for _, file in ipairs(files) do
  local lines = {}
  for l in (read(file) .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = l end
  local modvar = read(file):match("\nreturn%s+([%w_]+)%s*$") or "M"
  for i, l in ipairs(lines) do
    local name, params = l:match("^function%s+" .. modvar .. "%.([%w_]+)%s*%(([^)]*)%)")
    local assigned = not name and l:match("^" .. modvar .. "%.([%w_]+)%s*=%s*[%w_.]+%s*$")
    if name then
      local doc = doc_above(lines, i)
      if not doc then problem(file, i, modvar .. "." .. name .. " has no doc comment")
      else
        for p in params:gmatch("[%w_]+") do
          if p ~= "self" and not documents_param(doc, p) then
            problem(file, i, modvar .. "." .. name .. ": parameter '" .. p .. "' is not documented")
          end
        end
        if not doc:find("@t?return") and not doc:find("[Rr]eturns nothing") then
          problem(file, i, modvar .. "." .. name .. ": no @return (or 'returns nothing')")
        end
      end
    elseif assigned and lines[i]:match("= c[%w_]*%.[%w_]+%s*$") then
      -- a C function bound by name: documented with @function
      local doc = doc_above(lines, i)
      if not doc then
        problem(file, i, modvar .. "." .. assigned .. " has no doc comment")
      end
    end
  end
end
if problems > 0 then io.write("check_docs: ", problems, " problems\n"); os.exit(1) end
io.write("check_docs: every public function documented\n")
