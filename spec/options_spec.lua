-- The option schema (csrc/core/options.c) is the one place options are
-- checked: every documented option, given a value of the wrong type and a
-- wrong value of the right type, is refused with a message that names the
-- option, the function and the caller's line; every name `skip` accepts
-- changes the output of a page built for it.
local sapo = require "sapo"
local options = require "sapo.options"
local P = require "support.pages"

local WRONG_TYPE = { string = 42, integer = "many", boolean = "yes", choice = 7, list = "text" }
local WRONG_VALUE = { integer = -3, choice = "sideways", list = { "nope" } }

local function raises_here(f, name, fname)
  local ok, err = pcall(f)
  assert.is_false(ok, name .. ": no error")
  -- the message names the caller's file and line, then the option
  assert.truthy(err:find("options_spec%.lua:%d+: bad option '" .. name .. "' to '" .. fname .. "'"), err)
  return err
end

describe("the option schema", function()
  it("documents every option with a type, a default or range, and a line", function()
    assert.is_true(#options.schema >= 15)
    for _, o in ipairs(options.schema) do
      assert.is_string(o.doc, o.name)
      assert.truthy(({ string = 1, integer = 1, boolean = 1, choice = 1, list = 1 })[o.type], o.name)
      if o.type == "integer" then assert.is_true(o.min <= o.default and o.default <= o.max, o.name) end
      if o.type == "choice" or o.type == "list" then assert.is_table(o.choices, o.name) end
    end
  end)

  for _, o in ipairs(options.schema) do
    local fnames = o.stage == "parse" and { "parse", "extract" } or { "extract" }
    for _, fname in ipairs(fnames) do
      it("refuses " .. o.name .. " of the wrong type to " .. fname, function()
        local err = raises_here(function() sapo[fname]("<p>x</p>", { [o.name] = WRONG_TYPE[o.type] }) end, o.name, fname)
        assert.truthy(err:find("expected", 1, true))
      end)
      if WRONG_VALUE[o.type] ~= nil then
        it("refuses a wrong value of " .. o.name .. " to " .. fname, function()
          raises_here(function() sapo[fname]("<p>x</p>", { [o.name] = WRONG_VALUE[o.type] }) end, o.name, fname)
        end)
      end
    end
  end

  it("refuses extraction options to parse, and unknown options everywhere", function()
    raises_here(function() sapo.parse("<p>x</p>", { tone = "old" }) end, "tone", "parse")
    raises_here(function() sapo.extract("<p>x</p>", { colour = "blue" }) end, "colour", "extract")
    local doc = assert(sapo.parse("<p>x</p>"))
    raises_here(function() doc:extract({ max_bytes = -1 }) end, "max_bytes", "extract")
    doc:close()
  end)

  it("checks options given to pipeline stages and explain where they are given", function()
    local pipeline = require "sapo.pipeline"
    raises_here(function() pipeline.extract({ tone = "up" }) end, "tone", "extract")
    raises_here(function() pipeline.normalize({ tone = 1 }) end, "tone", "normalize")
    raises_here(function() sapo.explain("<p>x</p>", { trace = "yes" }) end, "trace", "explain")
  end)

  it("gives the command line and the service its words and defaults", function()
    assert.same({ "old", "new" }, options.by_name.tone.choices)
    assert.equal(32 * 1024 * 1024, options.by_name.max_bytes.default)
    assert.is_nil(options.error("tone", "new"))
    assert.truthy(options.error("tone", "x"):find('"old" or "new" expected', 1, true))
    assert.truthy(options.error("max_bytes", 0):find("whole number", 1, true))
  end)
end)

-- a run of teasers with a snippet and a date each: a listing the finder
-- drops inside the container (and Readability's cleaning keeps: its links
-- are only the headlines)
local function teasers()
  local items = {}
  for i = 1, 4 do
    items[i] = "<div class='item'><h3><a href='/n/" .. i .. ".html'>" .. P.words(600 + i, 7) .. "</a></h3><p>" ..
      P.words(700 + i, 14) .. ", " .. P.words(800 + i, 10) .. " (10/01/2026)</p></div>"
  end
  return "<div class='stream'>" .. table.concat(items) .. "</div>"
end

-- a page with a little of everything each filter removes
local function page()
  local body = table.concat({
    P.para(1, 400), '<figure><img src="/a.jpg"><figcaption>A caption under the picture</figcaption></figure>',
    P.para(2, 400), "<p>Đọc thêm: <a href='/x.html'>Một bài khác rất đáng đọc về chủ đề này</a></p>",
    "<p>Follow us on Twitter and Facebook</p>", P.para(3, 400), teasers(),
    P.para(4, 400), P.para(5, 400), "<div class='related'><h3>Tin liên quan</h3></div>",
    "<div class='ykien'><p>A reader wrote a long comment about the council and the river works here.</p></div>",
    "<ul><li><a href='/l/1.html'>One more link at the end of the story</a></li>",
    "<li><a href='/l/2.html'>And another link at the end of the story</a></li></ul>",
  })
  return P.page("The council votes", "<article><h1>The council votes</h1>" ..
    "<p class='sapo'>" .. P.words(77, 30) .. "</p><p>Thứ năm, 25/4/2024, 10:30 (GMT+7)</p>" .. body ..
    "<p style='text-align:right'><strong>Tâm Giao</strong></p></article>")
end

describe("opts.skip", function()
  local base = assert(sapo.extract(page()))
  for _, name in ipairs(options.by_name.skip.choices) do
    it("'" .. name .. "' changes the article of a page built for it", function()
      local art = assert(sapo.extract(page(), { skip = { name } }))
      local changed = art.text ~= base.text or art.lead ~= base.lead or art.byline ~= base.byline or
                      art.date ~= base.date or #art.images ~= #base.images or
                      (art.images[1] or {}).caption ~= (base.images[1] or {}).caption
      assert.is_true(changed, "skip " .. name .. " changed nothing")
    end)
  end
end)
