/* lextract.c: doc:extract(opts) and sapo.core.extract(html, opts).
 * The options table is read once into a sapo_extract_options; the C result
 * lives in a guard userdata while the Lua table is built, so a memory error
 * while pushing cannot leak it. */
#include <string.h>
#include <libxml/tree.h>
#include "lsapo.h"
#include "core/extract.h"
#include "core/html.h"
#include "core/clean.h"

#define SAPO_ART_MT "sapo.ArticleGuard"

static int art_gc(lua_State *L) {
  sapo_article *a = luaL_checkudata(L, 1, SAPO_ART_MT);
  sapo_article_free(a);
  return 0;
}

static sapo_article *new_guard(lua_State *L) {
  sapo_article *a = lua_newuserdatauv(L, sizeof *a, 0);
  memset(a, 0, sizeof *a);
  if (luaL_newmetatable(L, SAPO_ART_MT)) {
    lua_pushcfunction(L, art_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  return a;
}

static void set_str(lua_State *L, const char *k, const char *v) {
  if (!v) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

static void set_lstr(lua_State *L, const char *k, const char *v, size_t n) {
  if (!v) return;
  lua_pushlstring(L, v, n);
  lua_setfield(L, -2, k);
}

static void set_array(lua_State *L, const char *k, char **v, int n) {
  if (!n) return;
  lua_createtable(L, n, 0);
  for (int i = 0; i < n; i++) {
    lua_pushstring(L, v[i]);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, k);
}

static void set_num(lua_State *L, const char *k, double v) {
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

/* art.trace: { candidates = {...}, listings = {...}, dropped = {...},
 * kept = {...} }, each item { node, path, rule|source|role, verdict,
 * text, length, score, link_density, count, pass }. */
static void push_trace(lua_State *L, const trace *tr) {
  static const char *const lists[] = {NULL, "candidates", "listings", "dropped", "kept", "fields", "outside"};
  static const char *const keys[] = {NULL, "source", "kind", "rule", "role", "field", "rule"};
  lua_createtable(L, 0, 7);
  int counts[7] = {0};
  for (int k = 1; k <= 6; k++) {
    lua_newtable(L);
    lua_setfield(L, -2, lists[k]);
  }
  for (int i = 0; i < tr->n; i++) {
    const trace_item *it = &tr->v[i];
    if (it->kind < 1 || it->kind > 6) continue;
    lua_getfield(L, -1, lists[it->kind]);
    lua_createtable(L, 0, 10);
    if (it->node >= 0) { lua_pushinteger(L, it->node); lua_setfield(L, -2, "node"); }
    set_str(L, "path", it->path);
    set_str(L, keys[it->kind], it->what);
    set_str(L, "verdict", it->verdict);
    set_str(L, it->kind == TR_CANDIDATE ? "reason" : it->kind == TR_FIELD ? "value" : "text", it->text);
    lua_pushinteger(L, it->length); lua_setfield(L, -2, "length");
    if (it->kind == TR_CANDIDATE) {
      set_num(L, "score", it->score);
      set_num(L, "link_density", it->link_density);
      if (it->count) { lua_pushinteger(L, it->count); lua_setfield(L, -2, "rank"); }
    } else if (it->kind == TR_LISTING) {
      lua_pushinteger(L, it->count); lua_setfield(L, -2, "items");
      set_num(L, "teaser_share", it->score);
    } else if (it->kind != TR_FIELD) {
      if (it->kind != TR_OUTSIDE) { lua_pushinteger(L, it->count + 1); lua_setfield(L, -2, "block"); }
      set_num(L, "link_density", it->link_density);
      int nk = 0;
      lua_newtable(L);
      for (int k = 0; k < 32; k++)
        if (it->cands & (1u << k)) { lua_pushinteger(L, k + 1); lua_rawseti(L, -2, ++nk); }
      lua_setfield(L, -2, "in_candidates");
    }
    lua_pushinteger(L, it->pass); lua_setfield(L, -2, "pass");
    lua_rawseti(L, -2, ++counts[it->kind]);
    lua_pop(L, 1);
  }
  lua_pushboolean(L, !tr->failed);
  lua_setfield(L, -2, "complete");
}

/* Push the article table for a (at stack top: the guard stays below). */
static void push_article(lua_State *L, const sapo_article *a) {
  lua_createtable(L, 0, 24);
  set_str(L, "title", a->title);
  set_str(L, "byline", a->byline);
  set_str(L, "date", a->date);
  set_str(L, "modified", a->modified);
  set_str(L, "lead", a->lead);
  set_str(L, "lang", a->lang);
  set_str(L, "site_name", a->site_name);
  set_str(L, "url", a->url);
  set_str(L, "description", a->description);
  set_str(L, "top_image", a->top_image);
  set_str(L, "dir", a->dir);
  set_lstr(L, "text", a->text, a->text_len);
  set_lstr(L, "markdown", a->markdown, a->markdown_len);
  set_lstr(L, "html", a->html, a->html_len);
  set_array(L, "authors", a->authors, a->n_authors);
  set_array(L, "tags", a->tags, a->n_tags);
  lua_createtable(L, a->n_images, 0);
  for (int i = 0; i < a->n_images; i++) {
    lua_createtable(L, 0, 4);
    set_str(L, "src", a->images[i].src);
    set_str(L, "alt", a->images[i].alt);
    set_str(L, "caption", a->images[i].caption);
    set_str(L, "credit", a->images[i].credit);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "images");
  lua_pushinteger(L, (lua_Integer)a->word_count);
  lua_setfield(L, -2, "word_count");
  set_str(L, "method", a->method);
  if (a->trace) {
    push_trace(L, a->trace);
    lua_setfield(L, -2, "trace");
  }
}

static int read_formats(lua_State *L, int idx) {
  int f = SAPO_FMT_TEXT;
  if (lua_type(L, idx) != LUA_TTABLE) return f;
  lua_getfield(L, idx, "formats");
  if (lua_istable(L, -1)) {
    int n = (int)lua_rawlen(L, -1);
    for (int i = 1; i <= n; i++) {
      lua_rawgeti(L, -1, i);
      const char *s = lua_tostring(L, -1);
      if (!s) luaL_error(L, "bad option 'formats' (strings expected)");
      if (!strcmp(s, "markdown")) f |= SAPO_FMT_MARKDOWN;
      else if (!strcmp(s, "html")) f |= SAPO_FMT_HTML;
      else if (strcmp(s, "text")) luaL_error(L, "bad option 'formats' (unknown format '%s')", s);
      lua_pop(L, 1);
    }
  } else if (!lua_isnil(L, -1)) luaL_error(L, "bad option 'formats' (table expected, got %s)", luaL_typename(L, -1));
  lua_pop(L, 1);
  return f;
}

/* opts.skip = {"captions", ...}: the CLEAN_* bits of the named filters */
static unsigned read_skip(lua_State *L, int idx) {
  unsigned bits = 0;
  if (lua_type(L, idx) != LUA_TTABLE) return 0;
  lua_getfield(L, idx, "skip");
  if (lua_istable(L, -1)) {
    int n = (int)lua_rawlen(L, -1);
    for (int i = 1; i <= n; i++) {
      lua_rawgeti(L, -1, i);
      const char *s = lua_tostring(L, -1);
      unsigned bit = s ? clean_filter_bit(s) : 0;
      if (!bit) {
        sapo_buf names = SAPO_BUF_INIT;
        for (int k = 0; clean_filter_names[k]; k++) {
          if (k) sapo_buf_adds(&names, ", ");
          sapo_buf_adds(&names, clean_filter_names[k]);
        }
        lua_pushfstring(L, "bad option 'skip' (unknown filter '%s'; known: %s)", s ? s : "?", sapo_buf_cstr(&names));
        sapo_buf_free(&names);
        lua_error(L);
      }
      bits |= bit;
      lua_pop(L, 1);
    }
  } else if (!lua_isnil(L, -1)) luaL_error(L, "bad option 'skip' (table expected, got %s)", luaL_typename(L, -1));
  lua_pop(L, 1);
  return bits;
}

static void read_extract_options(lua_State *L, int idx, const char *url, sapo_extract_options *o) {
  memset(o, 0, sizeof *o);
  if (!lua_isnoneornil(L, idx)) luaL_checktype(L, idx, LUA_TTABLE);
  o->url = lsapo_optstring(L, idx, "url", url);
  o->formats = read_formats(L, idx);
  o->char_threshold = (int)lsapo_optnumber(L, idx, "char_threshold", 0);
  o->nb_top_candidates = (int)lsapo_optnumber(L, idx, "nb_top_candidates", 0);
  o->keep_captions = lsapo_optboolean(L, idx, "keep_captions", 0);
  o->legacy = lsapo_optboolean(L, idx, "legacy", 1);
  o->skip_filters = read_skip(L, idx);
  o->trace = lsapo_optboolean(L, idx, "trace", 0);
}

int lsapo_doc_extract(lua_State *L, xmlDocPtr doc, const char *url, const char *charset, int idx) {
  sapo_extract_options o;
  read_extract_options(L, idx, url, &o);
  o.charset = charset;
  sapo_article *a = new_guard(L);
  sapo_error err;
  int rc = sapo_extract(doc, &o, a, &err);
  if (rc != SAPO_OK) {
    sapo_article_free(a);
    return lsapo_pusherror(L, &err);
  }
  push_article(L, a);
  sapo_article_free(a);  /* early: the guard would do it at collection */
  return 1;
}

/* core.extract(html [, opts]): parse + extract with the document freed as
 * soon as the article is built. */
static int l_extract(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  sapo_parse_options po;
  lsapo_read_parse_options(L, 2, &po);
  sapo_extract_options eo;
  read_extract_options(L, 2, NULL, &eo);
  sapo_article *a = new_guard(L);
  sapo_error err;
  sapo_parsed p;
  int rc = sapo_html_parse(s, len, &po, &p, &err);
  if (rc != SAPO_OK) return lsapo_pusherror(L, &err);
  eo.charset = p.charset;
  rc = sapo_extract(p.doc, &eo, a, &err);
  xmlFreeDoc(p.doc);
  if (rc != SAPO_OK) {
    sapo_article_free(a);
    return lsapo_pusherror(L, &err);
  }
  push_article(L, a);
  lua_pushstring(L, p.charset);
  lua_setfield(L, -2, "charset");
  sapo_article_free(a);
  return 1;
}

void lsapo_open_extract(lua_State *L) {
  lua_pushcfunction(L, l_extract);
  lua_setfield(L, -2, "extract");
}
