/* loptions.c: options tables read through the schema of core/options.h
 * (the one place an option is checked), and the schema itself for Lua
 * (sapo.core.options: the command line's choices, defaults and help, the
 * HTTP handler's checks of request parameters). */
#include <stdio.h>
#include <string.h>
#include "lsapo.h"
#include "core/options.h"

static const char *const TYPE_NAMES[] = {"string", "integer", "boolean", "choice", "list"};

/* "a", "a" or "b", "a", "b" or "c" into buf */
static const char *words(const char *const *w, char *buf, size_t cap) {
  size_t n = 0;
  buf[0] = '\0';
  for (int k = 0; w[k] && n + 1 < cap; k++) {
    int r = snprintf(buf + n, cap - n, "%s\"%s\"", k ? (w[k + 1] ? ", " : " or ") : "", w[k]);
    if (r < 0) break;
    n += (size_t)r;
  }
  return buf;
}

static int word_index(const char *const *w, const char *s) {
  for (int k = 0; w[k]; k++)
    if (!strcmp(w[k], s)) return k;
  return -1;
}

static const char *push_why(lua_State *L, const char *s) {   /* lua_pushstring returns void in 5.1 */
  lua_pushstring(L, s);
  return lua_tostring(L, -1);
}

/* Check the value at vidx for opt; store it in o when o is not NULL.
 * Returns NULL, or pushes the reason (what was expected) and returns it. */
static const char *value_error(lua_State *L, const sapo_option *opt, int vidx, sapo_options *o) {
  int t = lua_type(L, vidx);
  char list[256];
  switch (opt->type) {
  case SAPO_OT_STRING: {
    if (t != LUA_TSTRING) break;
    size_t n;
    const char *s = lua_tolstring(L, vidx, &n);
    if (strlen(s) != n) return push_why(L, "a string without NUL bytes expected");
    if (o) sapo_option_set_string(o, opt, s);
    return NULL;
  }
  case SAPO_OT_INTEGER: {
    if (t != LUA_TNUMBER) break;
    char msg[160];
    double v = (double)lua_tonumber(L, vidx);
    const char *why = sapo_option_range_error(opt, v, msg, sizeof msg);
    if (why) return push_why(L, why);
    if (o) sapo_option_set_integer(o, opt, (long long)v);
    return NULL;
  }
  case SAPO_OT_BOOLEAN:
    if (t != LUA_TBOOLEAN) break;
    if (o) sapo_option_set_int(o, opt, lua_toboolean(L, vidx));
    return NULL;
  case SAPO_OT_CHOICE: {
    int k = t == LUA_TSTRING ? word_index(opt->choices, lua_tostring(L, vidx)) : -1;
    if (k < 0)
      return lua_pushfstring(L, "%s expected, got %s", words(opt->choices, list, sizeof list),
                             t == LUA_TSTRING ? lua_tostring(L, vidx) : luaL_typename(L, vidx));
    if (o) sapo_option_set_int(o, opt, k);
    return NULL;
  }
  case SAPO_OT_LIST: {
    if (t != LUA_TTABLE) break;
    unsigned bits = 0;
    int n = (int)lua_rawlen(L, vidx);
    for (int i = 1; i <= n; i++) {
      lua_rawgeti(L, vidx, i);
      int k = lua_type(L, -1) == LUA_TSTRING ? word_index(opt->choices, lua_tostring(L, -1)) : -1;
      if (k < 0)
        return lua_pushfstring(L, "a list of %s expected, got %s in it", words(opt->choices, list, sizeof list),
                               lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, -1));
      lua_pop(L, 1);
      bits |= 1u << k;
    }
    if (o) sapo_option_set_bits(o, opt, bits);
    return NULL;
  }
  }
  return lua_pushfstring(L, "%s expected, got %s", opt->type == SAPO_OT_LIST ? "table" :
                         opt->type == SAPO_OT_INTEGER ? "number" : TYPE_NAMES[opt->type], luaL_typename(L, vidx));
}

static int option_raise(lua_State *L, int level, const char *key, const char *fname, const char *why) {
  luaL_where(L, level);
  if (why) lua_pushfstring(L, "bad option '%s' to '%s' (%s)", key, fname, why);
  else lua_pushfstring(L, "bad option '%s' to '%s'", key, fname);
  lua_concat(L, 2);
  return lua_error(L);
}

void lsapo_read_options(lua_State *L, int idx, const char *fname, unsigned stages, sapo_options *o, int level) {
  sapo_options_init(o);
  if (lua_isnoneornil(L, idx)) return;
  if (lua_type(L, idx) != LUA_TTABLE) {
    luaL_where(L, level);
    lua_pushfstring(L, "bad argument #2 to '%s' (table expected, got %s)", fname, luaL_typename(L, idx));
    lua_concat(L, 2);
    lua_error(L);
  }
  if (idx < 0) idx = lua_gettop(L) + idx + 1;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    if (lua_type(L, -2) != LUA_TSTRING) {
      luaL_where(L, level);
      lua_pushfstring(L, "bad option key of type %s to '%s' (option names are strings)", luaL_typename(L, -3), fname);
      lua_concat(L, 2);
      lua_error(L);
    }
    const char *key = lua_tostring(L, -2);
    const sapo_option *opt = sapo_option_find(key);
    if (!opt || !(opt->stages & stages)) option_raise(L, level, key, fname, NULL);
    const char *why = value_error(L, opt, lua_gettop(L), o);
    if (why) option_raise(L, level, key, fname, why);
    lua_pop(L, 1);
  }
}

/* core.check_options(opts, fname [, level]): raise as the reader would,
 * `level` levels above this call (default 1: its caller). */
static int l_check_options(lua_State *L) {
  const char *fname = luaL_checkstring(L, 2);
  int level = (int)luaL_optinteger(L, 3, 1);
  sapo_options o;
  lsapo_read_options(L, 1, fname, strcmp(fname, "parse") ? SAPO_OPT_PARSE | SAPO_OPT_EXTRACT : SAPO_OPT_PARSE,
                     &o, level);
  return 0;
}

/* core.option_error(name, value) -> nil when value is valid for the
 * option, else what was expected (for values from requests and command
 * lines, which are data, not programming errors). */
static int l_option_error(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const sapo_option *opt = sapo_option_find(name);
  if (!opt) return luaL_argerror(L, 1, "unknown option");
  luaL_checkany(L, 2);
  const char *why = value_error(L, opt, 2, NULL);
  if (!why) lua_pushnil(L);
  return 1;
}

/* core.options: { {name=, type=, stages=, min=, max=, default=, choices=, doc=}, ... } */
static void push_schema(lua_State *L) {
  lua_newtable(L);
  int i = 0;
  for (const sapo_option *opt = sapo_option_table; opt->name; opt++) {
    lua_createtable(L, 0, 8);
    lua_pushstring(L, opt->name); lua_setfield(L, -2, "name");
    lua_pushstring(L, TYPE_NAMES[opt->type]); lua_setfield(L, -2, "type");
    lua_pushstring(L, opt->stages & SAPO_OPT_PARSE ? "parse" : "extract"); lua_setfield(L, -2, "stage");
    lua_pushstring(L, opt->doc); lua_setfield(L, -2, "doc");
    if (opt->type == SAPO_OT_INTEGER) {
      lua_pushnumber(L, opt->min); lua_setfield(L, -2, "min");
      lua_pushnumber(L, opt->max); lua_setfield(L, -2, "max");
      lua_pushnumber(L, opt->def); lua_setfield(L, -2, "default");
    } else if (opt->type == SAPO_OT_BOOLEAN) {
      lua_pushboolean(L, opt->def != 0); lua_setfield(L, -2, "default");
    }
    if (opt->choices) {
      lua_newtable(L);
      for (int k = 0; opt->choices[k]; k++) { lua_pushstring(L, opt->choices[k]); lua_rawseti(L, -2, k + 1); }
      lua_setfield(L, -2, "choices");
    }
    lua_rawseti(L, -2, ++i);
  }
}

void lsapo_open_options(lua_State *L) {
  push_schema(L);
  lua_setfield(L, -2, "options");
  lua_pushcfunction(L, l_check_options);
  lua_setfield(L, -2, "check_options");
  lua_pushcfunction(L, l_option_error);
  lua_setfield(L, -2, "option_error");
}
