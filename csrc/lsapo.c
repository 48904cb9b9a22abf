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

const char *lsapo_checkstring(lua_State *L, int i, size_t *len) {
  if (lua_type(L, i) != LUA_TSTRING)
    luaL_argerror(L, i, lua_pushfstring(L, "string expected, got %s", luaL_typename(L, i)));
  return lua_tolstring(L, i, len);
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
  lsapo_open_options(L);
  lsapo_open_dir(L);
  return 1;
}
