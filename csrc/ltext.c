/* ltext.c: bindings for the Unicode text helpers (sapo.text). */
#include "lsapo.h"
#include "core/charset.h"
#include "core/utext.h"
#include "core/url.h"
#include "core/emit.h"
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static int utf8_error(lua_State *L) {
  lua_pushnil(L);
  lua_pushliteral(L, "invalid UTF-8 in argument #1");
  lua_pushliteral(L, "EUTF8");
  return 3;
}

/* text.nfc(s) -> s in NFC | nil, msg, "EUTF8" */
static int l_nfc(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  if (!sapo_utf8_valid((const unsigned char *)s, n)) return utf8_error(L);
  if (sapo_nfc_quick(s, n)) { lua_settop(L, 1); return 1; }
  sapo_buf *b = lsapo_newbuf(L);
  if (sapo_nfc(s, n, b)) return luaL_error(L, "not enough memory");
  lua_pushlstring(L, b->data, b->len);
  sapo_buf_free(b);
  return 1;
}

/* text._nfc_full(s): NFC without the quick check (for tests of the check). */
static int l_nfc_full(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  if (!sapo_utf8_valid((const unsigned char *)s, n)) return utf8_error(L);
  /* a leading combining mark defeats the quick check; strip it after */
  sapo_buf *in = lsapo_newbuf(L);
  sapo_buf_add(in, "\xCC\x81", 2);
  sapo_buf_add(in, s, n);
  sapo_buf *b = lsapo_newbuf(L);
  if (in->failed || sapo_nfc(in->data, in->len, b)) return luaL_error(L, "not enough memory");
  lua_pushlstring(L, b->data + 2, b->len - 2);
  sapo_buf_free(b);
  sapo_buf_free(in);
  return 1;
}

/* text.clean(s [, keep_lines]) -> cleaned s | nil, msg, "EUTF8" */
static int l_clean(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  int keep = lua_toboolean(L, 2);
  if (!sapo_utf8_valid((const unsigned char *)s, n)) return utf8_error(L);
  sapo_buf *b = lsapo_newbuf(L);
  if (sapo_clean(s, n, b, keep)) return luaL_error(L, "not enough memory");
  lua_pushlstring(L, sapo_buf_cstr(b), b->len);
  sapo_buf_free(b);
  return 1;
}

/* text.utf8_valid(s) -> boolean */
static int l_valid(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  lua_pushboolean(L, sapo_utf8_valid((const unsigned char *)s, n));
  return 1;
}

/* text.charset(label) -> canonical WHATWG name | nil */
static int l_charset(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  const char *c = sapo_charset_canonical(s, n);
  if (!c && strlen(s) == n && sapo_font_encoding(s)) c = sapo_font_label(sapo_font_encoding(s));
  if (c) lua_pushstring(L, c);
  else lua_pushnil(L);
  return 1;
}

/* text.decode(bytes, charset) -> UTF-8 | nil, msg, code (page decoding) */
static int l_decode(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  const char *cs = luaL_checkstring(L, 2);
  sapo_buf *b = lsapo_newbuf(L);
  sapo_error err;
  if (sapo_decode((const unsigned char *)s, n, cs, b, &err)) return lsapo_pusherror(L, &err);
  lua_pushlstring(L, sapo_buf_cstr(b), b->len);
  sapo_buf_free(b);
  return 1;
}

/* text.words(s) -> array of \w+ tokens (letters, numbers, "_"), the
 * tokenisation of the ScrapingHub article-extraction benchmark. */
static int l_words(lua_State *L) {
  size_t n;
  const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &n);
  lua_newtable(L);
  int k = 0;
  size_t i = 0, start = 0;
  int in = 0;
  while (i <= n) {
    size_t at = i;
    int word = 0;
    if (i < n) {
      int32_t c = sapo_u8_next(s, n, &i);
      utf8proc_category_t cat = utf8proc_category(c);
      word = c == '_' || (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
             (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    } else i++;
    if (word && !in) { start = at; in = 1; }
    else if (!word && in) {
      lua_pushlstring(L, (const char *)s + start, at - start);
      lua_rawseti(L, -2, ++k);
      in = 0;
    }
  }
  return 1;
}

/* text.lower(s) -> s with every code point lower-cased (utf8proc's simple
 * case mapping); s must be valid UTF-8 (else nil, msg, "EUTF8"). */
static int l_lower(lua_State *L) {
  size_t n;
  const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &n);
  if (!sapo_utf8_valid(s, n)) return utf8_error(L);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  size_t i = 0;
  while (i < n) {
    int32_t c = sapo_u8_next(s, n, &i);
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_tolower(c), tmp);
    luaL_addlstring(&b, (const char *)tmp, (size_t)k);
  }
  luaL_pushresult(&b);
  return 1;
}

/* text.resolve(base, href) -> absolute http(s) URL | nil (a redirect's
 * Location against the URL that answered it; anything else is refused) */
static int l_resolve(lua_State *L) {
  const char *base = luaL_optstring(L, 1, NULL);
  const char *href = luaL_checkstring(L, 2);
  sapo_buf *b = lsapo_newbuf(L);          /* owns the copy if pushing raises */
  char *r = sapo_url_safe(base, href, SAPO_URL_PAGE);
  if (!r) { lua_pushnil(L); return 1; }
  int failed = sapo_buf_adds(b, r);
  free(r);
  if (failed) return luaL_error(L, "not enough memory");
  lua_pushlstring(L, b->data, b->len);
  sapo_buf_free(b);
  return 1;
}

/* text.markdown(s) -> s as Markdown text (escaped; see emit_md_text) */
static int l_markdown(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  sapo_buf *b = lsapo_newbuf(L);
  if (emit_md_text(b, s, n)) return luaL_error(L, "not enough memory");
  lua_pushlstring(L, sapo_buf_cstr(b), b->len);
  sapo_buf_free(b);
  return 1;
}

/* text.is_http_url(s) -> true when s is an absolute http(s) URL with a host
 * and nothing invisible in it (what options.url must be) */
static int l_is_http_url(lua_State *L) {
  lua_pushboolean(L, lua_type(L, 1) == LUA_TSTRING && sapo_url_is_http(lua_tostring(L, 1)) &&
                     strlen(lua_tostring(L, 1)) == lua_rawlen(L, 1));
  return 1;
}

static const luaL_Reg text_funcs[] = {
  {"resolve", l_resolve}, {"is_http_url", l_is_http_url}, {"markdown", l_markdown},
  {"words", l_words}, {"lower", l_lower},
  {"nfc", l_nfc}, {"_nfc_full", l_nfc_full}, {"clean", l_clean}, {"utf8_valid", l_valid},
  {"charset", l_charset}, {"decode", l_decode}, {NULL, NULL}};

void lsapo_open_text(lua_State *L) {
  sapo_newlib(L, text_funcs);
  lua_setfield(L, -2, "text");
}
