/* lsapo.c: luaopen_sapo_core, the one exported symbol.  Creates the module
 * table and lets each binding file add its part, the way LuaSocket's
 * luaopen_socket_core calls tcp_open and the rest; libxml2 and utf8proc are
 * linked once into this shared object. */
#include "lsapo.h"
#include <libxml/xmlversion.h>
#include <utf8proc.h>

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

static void opt_get(lua_State *L, int idx, const char *name) {
  if (lua_type(L, idx) == LUA_TTABLE) lua_getfield(L, idx, name);
  else lua_pushnil(L);
}

static void opt_type_error(lua_State *L, const char *name, const char *want) {
  luaL_error(L, "bad option '%s' (%s expected, got %s)", name, want, luaL_typename(L, -1));
}

/* The string stays valid while the options table holds it. */
const char *lsapo_optstring(lua_State *L, int idx, const char *name, const char *def) {
  opt_get(L, idx, name);
  const char *s = def;
  if (lua_type(L, -1) == LUA_TSTRING) s = lua_tostring(L, -1);
  else if (!lua_isnil(L, -1)) opt_type_error(L, name, "string");
  lua_pop(L, 1);
  return s;
}

lua_Number lsapo_optnumber(lua_State *L, int idx, const char *name, lua_Number def) {
  opt_get(L, idx, name);
  lua_Number v = def;
  if (lua_type(L, -1) == LUA_TNUMBER) v = lua_tonumber(L, -1);
  else if (!lua_isnil(L, -1)) opt_type_error(L, name, "number");
  lua_pop(L, 1);
  return v;
}

int lsapo_optboolean(lua_State *L, int idx, const char *name, int def) {
  opt_get(L, idx, name);
  int v = def;
  if (lua_type(L, -1) == LUA_TBOOLEAN) v = lua_toboolean(L, -1);
  else if (!lua_isnil(L, -1)) opt_type_error(L, name, "boolean");
  lua_pop(L, 1);
  return v;
}

SAPO_EXPORT int luaopen_sapo_core(lua_State *L) {
  lua_newtable(L);
  lua_pushliteral(L, SAPO_VERSION);
  lua_setfield(L, -2, "version");
  lua_pushstring(L, LIBXML_DOTTED_VERSION);
  lua_setfield(L, -2, "libxml2_version");
  lua_pushstring(L, utf8proc_version());
  lua_setfield(L, -2, "utf8proc_version");
  lsapo_open_doc(L);
  lsapo_open_text(L);
  lsapo_open_extract(L);
  lsapo_open_vi(L);
  return 1;
}
