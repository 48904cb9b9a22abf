/* ldir.c: sapo.core.dir(path), the entries of a folder as readdir(3) gives
 * them.  Lua has no way to list a folder; piping `find` through a shell
 * splits names on newlines (a name holding one was lost, and a bogus path
 * invented).  Each name comes back whole, with what it is. */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include "lsapo.h"

#define SAPO_DIR_MT "sapo.DirGuard"

typedef struct { DIR *d; } dir_guard;

static int guard_gc(lua_State *L) {
  dir_guard *g = luaL_checkudata(L, 1, SAPO_DIR_MT);
  if (g->d) { closedir(g->d); g->d = NULL; }
  return 0;
}

static const char *kind_of(mode_t m) {
  return S_ISREG(m) ? "file" : S_ISDIR(m) ? "dir" : S_ISLNK(m) ? "link" : "other";
}

/* core.dir(path) -> { {name=, kind=, target=}, ... } in the order readdir
 * gives (the caller sorts), "." and ".." left out; kind is "file", "dir",
 * "link" or "other", and a link has target = the kind it points to, or
 * "missing" when it dangles.  nil, message, "EIO" when path cannot be read. */
static int l_dir(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  dir_guard *g = lua_newuserdatauv(L, sizeof *g, 0);   /* closes the folder if a push raises */
  g->d = NULL;
  if (luaL_newmetatable(L, SAPO_DIR_MT)) {
    lua_pushcfunction(L, guard_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  g->d = opendir(path);
  if (!g->d) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    lua_pushliteral(L, "EIO");
    return 3;
  }
  int fd = dirfd(g->d);
  lua_newtable(L);
  int n = 0;
  struct dirent *e;
  while ((errno = 0, e = readdir(g->d)) != NULL) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    struct stat st;
    const char *kind = fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) ? "other" : kind_of(st.st_mode);
    lua_createtable(L, 0, 3);
    lua_pushstring(L, e->d_name);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, kind);
    lua_setfield(L, -2, "kind");
    if (!strcmp(kind, "link")) {
      lua_pushstring(L, fstatat(fd, e->d_name, &st, 0) ? "missing" : kind_of(st.st_mode));
      lua_setfield(L, -2, "target");
    }
    lua_rawseti(L, -2, ++n);
  }
  int read_errno = errno;
  closedir(g->d);
  g->d = NULL;
  if (read_errno) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(read_errno));
    lua_pushliteral(L, "EIO");
    return 3;
  }
  return 1;
}

void lsapo_open_dir(lua_State *L) {
  lua_pushcfunction(L, l_dir);
  lua_setfield(L, -2, "dir");
}
