/* compat.h: the few Lua C API differences between Lua 5.4 and the 5.1 API
 * of LuaJIT (OpenResty) that sapo's bindings meet.  Read it in a minute. */
#ifndef SAPO_COMPAT_H
#define SAPO_COMPAT_H

#include <lua.h>
#include <lauxlib.h>

#if !defined(LUA_VERSION_NUM) || LUA_VERSION_NUM < 501
#  error "sapo needs Lua 5.1 (LuaJIT) or later"
#endif

/* The Makefile builds one object per Lua ABI and says which it means: the
 * headers found must be that ABI's (a 5.1 object must never see 5.4's). */
#if defined(SAPO_NEED_LUA_VER) && SAPO_NEED_LUA_VER != LUA_VERSION_NUM
#  error "sapo: SAPO_NEED_LUA_VER does not match the Lua headers found (LUA_VERSION_NUM): wrong include path"
#endif

#if defined(__GNUC__)
#  define SAPO_EXPORT __attribute__((visibility("default")))
#else
#  define SAPO_EXPORT
#endif

#if LUA_VERSION_NUM < 502                        /* 5.1 and LuaJIT */
#  define lua_rawlen(L, i) lua_objlen(L, (i))
/* LuaJIT 2.1 declares luaL_setmetatable and luaL_testudata; plain 5.1 does
 * not, so use our own names for both. */
static inline void sapo_setmetatable(lua_State *L, const char *t) {
  luaL_getmetatable(L, t);
  lua_setmetatable(L, -2);
}
static inline void *sapo_testudata(lua_State *L, int i, const char *t) {
  void *p = lua_touserdata(L, i);
  if (p == NULL || !lua_getmetatable(L, i)) return NULL;
  luaL_getmetatable(L, t);
  int same = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  return same ? p : NULL;
}
static inline void sapo_setfuncs(lua_State *L, const luaL_Reg *l) {
  for (; l->name; l++) { lua_pushcfunction(L, l->func); lua_setfield(L, -2, l->name); }
}
#else
#  define sapo_setmetatable(L, t) luaL_setmetatable(L, (t))
#  define sapo_testudata(L, i, t) luaL_testudata(L, (i), (t))
#  define sapo_setfuncs(L, l) luaL_setfuncs(L, (l), 0)
#endif

#if LUA_VERSION_NUM < 504
#  define lua_newuserdatauv(L, sz, nuv) lua_newuserdata(L, (sz))
#endif

/* A new table with the functions of l. */
static inline void sapo_newlib(lua_State *L, const luaL_Reg *l) {
  lua_newtable(L);
  sapo_setfuncs(L, l);
}

#endif
