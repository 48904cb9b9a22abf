rockspec_format = "3.0"
package = "sapo"
version = "0.1.0-1"
source = {
  url = "https://example.invalid/sapo/releases/sapo-0.1.0.tar.gz",  -- `make dist` builds it
  dir = "sapo-0.1.0",
}
description = {
  summary = "Turn a news web page into a clean article (C core over libxml2 and utf8proc)",
  detailed = [[
sapo finds a page's article (title, byline, date, lead, body, images and
captions) and throws the rest away.  Output as a Lua table, plain text,
Markdown, clean HTML or JSON; text in NFC with Vietnamese diacritics
normalised (tone-mark style, folding, slugs, legacy encodings).
Works with Lua 5.4 and LuaJIT (OpenResty).]],
  license = "MIT",
  labels = { "html", "extraction", "readability", "vietnamese", "unicode", "openresty" },
}
-- Debian's Lua libraries are invisible to LuaRocks: the optional ones
-- (lua-cjson, lua-socket, lua-sec, lua-zlib, lua-argparse) are used when
-- present and are not listed here, so `luarocks make` needs no network.
dependencies = { "lua >= 5.1" }
external_dependencies = {
  LIBXML2 = { header = "libxml2/libxml/HTMLparser.h", library = "xml2" },
  UTF8PROC = { header = "utf8proc.h", library = "utf8proc" },
}
build = {
  type = "builtin",
  modules = {
    ["sapo.core"] = {
      sources = {
        "csrc/lsapo.c", "csrc/lutil.c", "csrc/ldir.c", "csrc/ldoc.c", "csrc/lextract.c", "csrc/loptions.c", "csrc/ltext.c", "csrc/lvi.c",
        "csrc/core/arbiter.c", "csrc/core/authors.c", "csrc/core/buf.c", "csrc/core/charset.c", "csrc/core/chrome.c", "csrc/core/clean.c",
        "csrc/core/date.c", "csrc/core/dom.c", "csrc/core/emit.c", "csrc/core/extract.c", "csrc/core/fields.c",
        "csrc/core/finder.c", "csrc/core/html.c", "csrc/core/json.c", "csrc/core/lead.c", "csrc/core/listing.c",
        "csrc/core/measure.c", "csrc/core/merge.c", "csrc/core/meta.c", "csrc/core/facts.c", "csrc/core/jsonld.c", "csrc/core/title.c", "csrc/core/options.c", "csrc/core/phrases.c",
        "csrc/core/prep.c", "csrc/core/priors.c", "csrc/core/readability.c", "csrc/core/scripts.c", "csrc/core/shapes.c", "csrc/core/ssr.c", "csrc/core/stream.c", "csrc/core/tags.c",
        "csrc/core/trace.c", "csrc/core/url.c", "csrc/core/utext.c", "csrc/core/vi.c", "csrc/core/vi_tables.c",
        "csrc/core/vocab.c", "csrc/core/words.c", "csrc/core/pmatch.c",
      },
      defines = { "_DEFAULT_SOURCE" },
      libraries = { "xml2", "utf8proc" },
      incdirs = { "csrc", "$(LIBXML2_INCDIR)/libxml2", "$(UTF8PROC_INCDIR)" },
      libdirs = { "$(LIBXML2_LIBDIR)", "$(UTF8PROC_LIBDIR)" },
    },
    ["sapo"] = "lua/sapo/init.lua",
    ["sapo.options"] = "lua/sapo/options.lua",
    ["sapo.vi"] = "lua/sapo/vi.lua",
    ["sapo.json"] = "lua/sapo/json.lua",
    ["sapo.cli"] = "lua/sapo/cli.lua",
    ["sapo.fetch"] = "lua/sapo/fetch.lua",
    ["sapo.warc"] = "lua/sapo/warc.lua",
    ["sapo.source"] = "lua/sapo/source.lua",
    ["sapo.sink"] = "lua/sapo/sink.lua",
    ["sapo.pipeline"] = "lua/sapo/pipeline.lua",
    ["sapo.batch"] = "lua/sapo/batch.lua",
    ["sapo.http"] = "lua/sapo/http.lua",
    ["sapo.guard"] = "lua/sapo/guard.lua",
    ["sapo.url"] = "lua/sapo/url.lua",
    ["sapo.render"] = "lua/sapo/render.lua",
    ["sapo.explain"] = "lua/sapo/explain.lua",
  },
  install = {
    bin = { sapo = "bin/sapo" },
  },
}
-- `luarocks test`: the busted suite (.busted) against the module built in
-- build/ (`make`) or installed by `luarocks make`; the nginx and install
-- specs, the sanitizers and the fuzzers are `make test`'s.  (A "command"
-- test, not "busted": Debian's busted is invisible to LuaRocks, which
-- would try to download the busted rock.)
test = {
  type = "command",
  command = "busted --exclude-tags=nginx,install",
}
