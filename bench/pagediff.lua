#!/usr/bin/env lua5.4
--[[ bench/pagediff.lua: what sapo got wrong on one corpus page, block by block.

usage: lua5.4 bench/pagediff.lua CORPUS_DIR ID [ID ...]

For each page prints the extracted blocks that share no 4-gram shingle with
the truth ("+", leaked) and the truth paragraphs that share none with the
extraction ("-", lost), with the method the finder used.  A development
aid for reading kinds of failure; the scores come from bench/accuracy.lua. ]]
local sapo = require "sapo"
local words = require("sapo.core").text.words
local cjson = require "cjson"

local corpus = arg[1]
local function read(p) local f = io.open(p, "rb"); if not f then return nil end local s = f:read("a"); f:close(); return s end
local function shingles(text)
  local t, out = words(text or ""), {}
  for i = 1, math.max(1, #t - 3) do out[table.concat(t, "\1", i, math.min(i + 3, #t))] = true end
  return out
end
local function share(a, b)   -- share of a's shingles found in b
  local n, hit = 0, 0
  for k in pairs(a) do n = n + 1; if b[k] then hit = hit + 1 end end
  return n > 0 and hit / n or 1
end
local function paras(s) local t = {} for p in (s .. "\n\n"):gmatch("(.-)\n\n+") do if p:match("%S") then t[#t + 1] = p end end return t end

for i = 2, #arg do
  local id = arg[i]
  local html = read(corpus .. "/" .. id .. ".html")
  local meta = cjson.decode(read(corpus .. "/" .. id .. ".json") or "{}")
  local art, err = sapo.extract(html, { url = type(meta.url) == "string" and meta.url or nil })
  print(("== %s  method=%s"):format(id, art and art.method or ("error " .. tostring(err))))
  local truth = type(meta.body) == "string" and meta.body or ""
  local T, G = shingles(truth), shingles(art and art.text or "")
  for _, p in ipairs(paras(art and art.text or "")) do
    if share(shingles(p), T) < 0.5 then print("  + " .. p:sub(1, 160):gsub("\n", " ")) end
  end
  for _, p in ipairs(paras(truth)) do
    if share(shingles(p), G) < 0.5 then print("  - " .. p:sub(1, 160):gsub("\n", " ")) end
  end
end
