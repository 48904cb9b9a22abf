/* lextract.c: doc:extract(opts) and sapo.core.extract(html, opts).
 * The options table is read once, through the schema, into sapo_options; the C result
 * lives in a guard userdata while the Lua table is built, so a memory error
 * while pushing cannot leak it. */
#include <stddef.h>
#include <string.h>
#include <libxml/tree.h>
#include "lsapo.h"
#include "core/extract.h"
#include "core/html.h"

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
    if (it->kind == TR_FIELD) set_str(L, "source", it->source);
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

/* ===== THE ARTICLE'S FIELDS =====
 * One list, in the order JSON writes them: sapo.core.fields hands it to
 * Lua (the JSON encoder's key order, the command line's --fields, the
 * text fields a normalisation rewrites), and push_article fills the
 * strings from it.  kind: "text" (prose, NFC), "url", "date" (ISO 8601),
 * "code" (a short identifier), "texts" (a list), "images", "number",
 * "trace"; offset: the char * in sapo_article, or -1. */
#define OFF(f) ((int)offsetof(sapo_article, f))
static const struct { const char *name, *kind; int offset; } FIELDS[] = {
  {"url", "url", OFF(url)}, {"canonical_url", "url", -1}, {"title", "text", OFF(title)},
  {"byline", "text", OFF(byline)}, {"authors", "texts", -1}, {"date", "date", OFF(date)},
  {"modified", "date", OFF(modified)}, {"lead", "text", OFF(lead)}, {"text", "text", -1},
  {"markdown", "text", -1}, {"html", "text", -1}, {"images", "images", -1}, {"top_image", "url", OFF(top_image)},
  {"lang", "code", OFF(lang)}, {"site_name", "text", OFF(site_name)}, {"description", "text", OFF(description)},
  {"tags", "texts", -1}, {"word_count", "number", -1}, {"dir", "code", OFF(dir)}, {"charset", "code", -1},
  {"method", "code", -1}, {"trace", "trace", -1}};
#undef OFF

/* Push the article table for a (at stack top: the guard stays below). */
static void push_article(lua_State *L, const sapo_article *a) {
  lua_createtable(L, 0, 24);
  for (size_t k = 0; k < sizeof FIELDS / sizeof *FIELDS; k++)
    if (FIELDS[k].offset >= 0) set_str(L, FIELDS[k].name, *(char *const *)((const char *)a + FIELDS[k].offset));
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

/* core.fields: { {name=, kind=}, ... } */
static void push_fields(lua_State *L) {
  lua_createtable(L, (int)(sizeof FIELDS / sizeof *FIELDS), 0);
  for (size_t k = 0; k < sizeof FIELDS / sizeof *FIELDS; k++) {
    lua_createtable(L, 0, 2);
    lua_pushstring(L, FIELDS[k].name);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, FIELDS[k].kind);
    lua_setfield(L, -2, "kind");
    lua_rawseti(L, -2, (int)k + 1);
  }
}

/* nil, message, code; and the trace, when one was asked for and kept
 * (ENOCONTENT: why every candidate lost) */
static int push_failure(lua_State *L, sapo_article *a, const sapo_error *err) {
  int n = lsapo_pusherror(L, err);
  if (a->trace) { push_trace(L, a->trace); n++; }
  sapo_article_free(a);
  return n;
}

int lsapo_doc_extract(lua_State *L, xmlDocPtr doc, const char *url, int idx) {
  sapo_options o;
  lsapo_read_options(L, idx, "extract", SAPO_OPT_EXTRACT, &o, 1);
  o.url = url;
  sapo_article *a = new_guard(L);
  sapo_error err;
  int rc = sapo_extract(doc, &o, a, &err);
  if (rc != SAPO_OK) return push_failure(L, a, &err);
  push_article(L, a);
  sapo_article_free(a);  /* early: the guard would do it at collection */
  return 1;
}

/* core.extract(html [, opts]): parse + extract with the document freed as
 * soon as the article is built. */
static int l_extract(lua_State *L) {
  size_t len;
  const char *s = lsapo_checkstring(L, 1, &len);
  sapo_options o;
  lsapo_read_options(L, 2, "extract", SAPO_OPT_PARSE | SAPO_OPT_EXTRACT, &o, 1);
  sapo_article *a = new_guard(L);
  sapo_error err;
  sapo_parsed p;
  int rc = sapo_html_parse(s, len, &o, &p, &err);
  if (rc != SAPO_OK) return lsapo_pusherror(L, &err);
  rc = sapo_extract(p.doc, &o, a, &err);
  xmlFreeDoc(p.doc);
  if (rc != SAPO_OK) return push_failure(L, a, &err);
  push_article(L, a);
  lua_pushstring(L, p.charset);
  lua_setfield(L, -2, "charset");
  sapo_article_free(a);
  return 1;
}

void lsapo_open_extract(lua_State *L) {
  lua_pushcfunction(L, l_extract);
  lua_setfield(L, -2, "extract");
  push_fields(L);
  lua_setfield(L, -2, "fields");
}
