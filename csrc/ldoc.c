/* ldoc.c: the Document userdata.  It owns one xmlDoc: created closed, then
 * filled, so a memory error in between leaves it consistent (liolib's
 * newprefile).  __gc and __close are one idempotent function. */
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>
#include "lsapo.h"
#include "core/html.h"
#include "core/extract.h"

typedef struct {
  xmlDocPtr doc;        /* NULL when closed */
  const char *charset;  /* static string    */
  char *url;            /* malloc'ed, or NULL: the page's URL given to parse */
} sapo_Doc;

static int doc_gc(lua_State *L) {
  sapo_Doc *d = luaL_checkudata(L, 1, SAPO_DOC_MT);
  if (d->doc) { xmlFreeDoc(d->doc); d->doc = NULL; }
  free(d->url);
  d->url = NULL;
  return 0;
}

static sapo_Doc *check_open(lua_State *L, int i) {
  sapo_Doc *d = luaL_checkudata(L, i, SAPO_DOC_MT);
  if (d->doc == NULL) luaL_error(L, "attempt to use a closed document");
  return d;
}

/* sapo.core.parse(html [, opts]) -> Document | nil, msg, code */
static int l_parse(lua_State *L) {
  size_t len;
  const char *s = lsapo_checkstring(L, 1, &len);
  sapo_options opt;
  lsapo_read_options(L, 2, "parse", SAPO_OPT_PARSE, &opt, 1);   /* may raise: nothing owned yet */
  sapo_Doc *d = lua_newuserdatauv(L, sizeof *d, 0);
  d->doc = NULL;
  d->charset = NULL;
  d->url = NULL;
  sapo_setmetatable(L, SAPO_DOC_MT);
  if (opt.url) {
    d->url = strdup(opt.url);
    if (!d->url) return luaL_error(L, "not enough memory");
  }
  sapo_error err;
  sapo_parsed p;
  int rc = sapo_html_parse(s, len, &opt, &p, &err);      /* no Lua calls inside */
  if (rc != SAPO_OK) return lsapo_pusherror(L, &err);   /* the userdata is garbage */
  d->doc = p.doc;
  d->charset = p.charset;
  /* The collector sees a small userdata, not the tree behind it (several
   * times the page's size): account for it, so documents left to __gc are
   * collected at the pace of the memory they really hold. */
  size_t kb = len / 128 + 1;
  lua_gc(L, LUA_GCSTEP, kb > 1 << 20 ? 1 << 20 : (int)kb);
  return 1;
}

static int doc_close(lua_State *L) {
  luaL_checkudata(L, 1, SAPO_DOC_MT);
  return doc_gc(L);
}

static int push_buf_result(lua_State *L, sapo_buf *b, int rc) {
  if (rc) return luaL_error(L, "not enough memory");
  lua_pushlstring(L, sapo_buf_cstr(b), b->len);
  sapo_buf_free(b);
  return 1;
}

static int doc_title(lua_State *L) {
  sapo_Doc *d = check_open(L, 1);
  sapo_buf *b = lsapo_newbuf(L);
  return push_buf_result(L, b, sapo_html_title(d->doc, b));
}

static int doc_text(lua_State *L) {
  sapo_Doc *d = check_open(L, 1);
  sapo_buf *b = lsapo_newbuf(L);
  return push_buf_result(L, b, sapo_html_text(d->doc, b));
}

static int doc_charset(lua_State *L) {
  sapo_Doc *d = check_open(L, 1);
  lua_pushstring(L, d->charset);
  return 1;
}

static int doc_closed(lua_State *L) {
  sapo_Doc *d = luaL_checkudata(L, 1, SAPO_DOC_MT);
  lua_pushboolean(L, d->doc == NULL);
  return 1;
}

static int doc_tostring(lua_State *L) {
  sapo_Doc *d = luaL_checkudata(L, 1, SAPO_DOC_MT);
  if (d->doc) lua_pushfstring(L, "sapo.Document (%p)", (void *)d);
  else lua_pushliteral(L, "sapo.Document (closed)");
  return 1;
}

/* doc:extract([opts]) -> article table | nil, msg, code */
static int doc_extract(lua_State *L) {
  sapo_Doc *d = check_open(L, 1);
  return lsapo_doc_extract(L, d->doc, d->url, 2);
}

static const luaL_Reg doc_methods[] = {
  {"close", doc_close},
  {"title", doc_title},
  {"text", doc_text},
  {"charset", doc_charset},
  {"closed", doc_closed},
  {"extract", doc_extract},
  {NULL, NULL}};

static const luaL_Reg doc_metamethods[] = {
  {"__gc", doc_gc},
  {"__close", doc_gc},
  {"__tostring", doc_tostring},
  {NULL, NULL}};

void lsapo_open_doc(lua_State *L) {
  luaL_newmetatable(L, SAPO_DOC_MT);
  sapo_setfuncs(L, doc_metamethods);
  sapo_newlib(L, doc_methods);
  lua_setfield(L, -2, "__index");
  lua_pushliteral(L, SAPO_DOC_MT);
  lua_setfield(L, -2, "__name");
  lua_pop(L, 1);
  lua_pushcfunction(L, l_parse);
  lua_setfield(L, -2, "parse");
}
