/* lvi.c: bindings for Vietnamese normalisation (sapo.core.vi). */
#include <string.h>
#include "lsapo.h"
#include "core/vi.h"

static int push_result(lua_State *L, sapo_buf *b, int rc, const char *what) {
  if (rc == SAPO_OK) {
    lua_pushlstring(L, sapo_buf_cstr(b), b->len);
    sapo_buf_free(b);
    return 1;
  }
  sapo_buf_free(b);
  lua_pushnil(L);
  if (rc == SAPO_EUTF8) lua_pushfstring(L, "invalid UTF-8 in argument #1 to '%s'", what);
  else if (rc == SAPO_EENCODING) lua_pushfstring(L, "unknown encoding for '%s'", what);
  else return luaL_error(L, "not enough memory");
  lua_pushstring(L, sapo_code_name(rc));
  return 3;
}

/* The index of the word at arg among words (NULL-ended); raises "bad
 * argument #arg to 'f' ("a", "b" or "c" expected, got x)" otherwise.
 * def: the word nil stands for, or NULL when nil is no choice. */
static int check_word(lua_State *L, int arg, const char *const *words, const char *def) {
  const char *w = def && lua_isnoneornil(L, arg) ? def : lua_tostring(L, arg);
  if (lua_type(L, arg) == LUA_TSTRING || (def && lua_isnoneornil(L, arg)))
    for (int k = 0; words[k]; k++)
      if (!strcmp(w, words[k])) return k;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (int k = 0; words[k]; k++) {
    if (k) luaL_addstring(&b, words[k + 1] ? ", " : " or ");
    luaL_addchar(&b, '"');
    luaL_addstring(&b, words[k]);
    luaL_addchar(&b, '"');
  }
  luaL_addstring(&b, " expected, got ");
  luaL_addstring(&b, lua_type(L, arg) == LUA_TSTRING ? lua_tostring(L, arg) : luaL_typename(L, arg));
  luaL_pushresult(&b);
  return luaL_argerror(L, arg, lua_tostring(L, -1));
}

#define SIMPLE(name, fn)                                        \
  static int l_##name(lua_State *L) {                           \
    size_t n;                                                   \
    const char *s = lsapo_checkstring(L, 1, &n);                \
    sapo_buf *b = lsapo_newbuf(L);                              \
    return push_result(L, b, fn(s, n, b), #name);               \
  }

SIMPLE(nfc, sapo_vi_nfc)
SIMPLE(strip, sapo_vi_strip)
SIMPLE(fold, sapo_vi_fold)
SIMPLE(slug, sapo_vi_slug)

static int l_tone(lua_State *L) {
  size_t n;
  const char *s = lsapo_checkstring(L, 1, &n);
  static const char *const styles[] = {"old", "new", NULL};
  int style = check_word(L, 2, styles, NULL);
  sapo_buf *b = lsapo_newbuf(L);
  return push_result(L, b, sapo_vi_tone(s, n, style == 0 ? SAPO_TONE_OLD : SAPO_TONE_NEW, b), "tone");
}

static const char *const ENCODINGS[] = {"tcvn3", "vni", "viqr", "viscii", "vps", "cp1258", NULL};

static int l_decode(lua_State *L) {
  size_t n;
  const char *s = lsapo_checkstring(L, 1, &n);
  const char *enc = ENCODINGS[check_word(L, 2, ENCODINGS, NULL)];
  sapo_buf *b = lsapo_newbuf(L);
  return push_result(L, b, sapo_vi_decode(s, n, enc, b), "decode");
}

static int l_encode(lua_State *L) {
  size_t n;
  const char *s = lsapo_checkstring(L, 1, &n);
  const char *enc = ENCODINGS[check_word(L, 2, ENCODINGS, NULL)];
  if (!strcmp(enc, "viqr")) luaL_argerror(L, 2, "viqr cannot be encoded");
  sapo_buf *b = lsapo_newbuf(L);
  return push_result(L, b, sapo_vi_encode(s, n, enc, b), "encode");
}

static int l_repair(lua_State *L) {
  size_t n;
  const char *s = lsapo_checkstring(L, 1, &n);
  static const char *const modes[] = {"utf8", "tcvn3", "vni", NULL};   /* nil is "utf8" */
  int m = check_word(L, 2, modes, "utf8");
  sapo_buf *b = lsapo_newbuf(L);
  return push_result(L, b, sapo_vi_repair(s, n, m == 0 ? NULL : modes[m], b), "repair");
}

static int l_detect(lua_State *L) {
  size_t n;
  const char *s = lsapo_checkstring(L, 1, &n);
  double score;
  int r = sapo_vi_detect(s, n, &score);
  if (r < 0) {
    lua_pushnil(L);
    lua_pushliteral(L, "invalid UTF-8 in argument #1 to 'detect'");
    lua_pushliteral(L, "EUTF8");
    return 3;
  }
  lua_pushstring(L, r ? "vi" : "other");
  lua_pushnumber(L, score);
  return 2;
}

static const luaL_Reg vi_funcs[] = {
  {"nfc", l_nfc}, {"tone", l_tone}, {"strip", l_strip}, {"fold", l_fold}, {"slug", l_slug},
  {"decode", l_decode}, {"encode", l_encode}, {"repair", l_repair}, {"detect", l_detect},
  {NULL, NULL}};

void lsapo_open_vi(lua_State *L) {
  sapo_newlib(L, vi_funcs);
  lua_setfield(L, -2, "vi");
}
