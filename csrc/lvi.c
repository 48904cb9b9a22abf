#include "lsapo.h"
void lsapo_open_vi(lua_State *L) { (void)L; }
