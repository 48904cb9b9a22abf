/* lutil.c: the helpers the binding files (l*.c) share: a Lua-owned byte
 * buffer, the nil, message, code triple, a strict string argument. */
#include "lsapo.h"

static int buf_gc(lua_State *L) {
  sapo_buf *b = luaL_checkudata(L, 1, SAPO_BUF_MT);
  sapo_buf_free(b);
  return 0;
}

sapo_buf *lsapo_newbuf(lua_State *L) {
  sapo_buf *b = lua_newuserdatauv(L, sizeof *b, 0);
  b->data = NULL;
  b->len = b->cap = 0;
  b->failed = 0;
  if (luaL_newmetatable(L, SAPO_BUF_MT)) {
    lua_pushcfunction(L, buf_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  return b;
}

int lsapo_pusherror(lua_State *L, const sapo_error *err) {
  lua_pushnil(L);
  lua_pushstring(L, err->msg);
  lua_pushstring(L, sapo_code_name(err->code));
  return 3;
}

const char *lsapo_checkstring(lua_State *L, int i, size_t *len) {
  if (lua_type(L, i) != LUA_TSTRING)
    luaL_argerror(L, i, lua_pushfstring(L, "string expected, got %s", luaL_typename(L, i)));
  return lua_tolstring(L, i, len);
}

