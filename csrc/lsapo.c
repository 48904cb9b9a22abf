/* lsapo.c: luaopen_sapo_core, the one exported symbol.  Creates the module
 * table and lets each binding file add its part, the way LuaSocket's
 * luaopen_socket_core calls tcp_open and the rest; libxml2 and utf8proc are
 * linked once into this shared object.  (The helpers the binding files
 * share are in lutil.c, so no binding calls back into this file.) */
#include "lsapo.h"
#include <libxml/xmlversion.h>
#include <utf8proc.h>

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
