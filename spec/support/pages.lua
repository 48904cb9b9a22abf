-- spec/support/pages.lua: small synthetic news pages for the finder specs.
-- Each builder returns HTML; the text is varied prose so that no two
-- paragraphs or teasers are alike (the finder measures repetition).
local P = {}

local WORDS = {
  "council", "river", "harbour", "budget", "school", "market", "railway", "bridge", "farmers", "museum",
  "hospital", "election", "drought", "festival", "library", "factory", "coastline", "tenants", "orchestra",
  "vaccine", "ferry", "mayor", "stadium", "forest", "engineers", "students", "pension", "airport",
}

-- n words of deterministic prose, seeded so each call differs (an LCG
-- picks the words, so sentences do not repeat across seeds)
local function words(seed, n)
  local out = {}
  local x = (seed * 2654435761) % 2147483647
  for i = 1, n do
    x = (x * 48271) % 2147483647
    local w = WORDS[x % #WORDS + 1]
    out[#out + 1] = (i == 1) and (w:sub(1, 1):upper() .. w:sub(2)) or w
    if i % 9 == 0 and i < n then out[#out] = out[#out] .. "," end
  end
  return table.concat(out, " ") .. "."
end
P.words = words

-- a paragraph of about `len` characters (several sentences)
function P.para(seed, len)
  local s, k = {}, 0
  while #table.concat(s, " ") < (len or 320) do
    k = k + 1
    s[#s + 1] = words(seed * 31 + k, 10 + (seed + k) % 8)
  end
  return "<p>" .. table.concat(s, " ") .. "</p>"
end

function P.paras(first, count, len)
  local out = {}
  for i = 0, count - 1 do out[#out + 1] = P.para(first + i, len) end
  return table.concat(out, "\n")
end

-- one teaser: thumbnail, headline link, date, snippet of ~150 characters
function P.teaser(i, tag)
  tag = tag or "article"
  return string.format('<%s class="story-item"><a class="thumb" href="/news/item-%d.html"><img src="/t/%d.jpg" alt=""></a>' ..
    '<h3 class="story-title"><a href="/news/item-%d.html">%s</a></h3><span class="time">%d/4/2024</span>' ..
    '<p class="sapo">%s</p></%s>', tag, i, i, i, words(900 + i, 8), (i % 27) + 1,
    words(500 + i, 14) .. " " .. words(700 + i, 10), tag)
end

function P.stream(n, first, tag)
  local out = {}
  for i = 1, n do out[#out + 1] = P.teaser((first or 0) + i, tag) end
  return table.concat(out, "\n")
end

-- a list of bare headline links
function P.links(n, first)
  local out = {}
  for i = 1, n do
    out[#out + 1] = string.format('<li><a href="/l/%d.html">%s</a></li>', (first or 0) + i, words(300 + (first or 0) + i, 7))
  end
  return "<ul>" .. table.concat(out) .. "</ul>"
end

P.HEADER = [[<header class="site-header"><div class="logo"><a href="/">Daily Example</a></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav></header>]]
P.FOOTER = [[<footer class="site-footer"><p>Copyright 2024 Daily Example. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></footer>]]

-- a whole page around `main` (the body's content between header and footer)
function P.page(title, main, head)
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" .. title ..
    " - Daily Example</title>" .. (head or "") .. "</head><body>" .. P.HEADER .. main .. P.FOOTER .. "</body></html>"
end

return P
