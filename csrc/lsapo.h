/* lsapo.h: helpers shared by the binding files (l*.c).  The bindings check
 * arguments, read an options table once into a C struct, call the core, and
 * push the result; they never hold malloc'ed memory across a Lua call that
 * can raise, except inside a guard userdata that frees it when collected. */
#ifndef SAPO_LSAPO_H
#define SAPO_LSAPO_H

#include "compat.h"
#include "core/buf.h"
#include "core/sapo.h"
#include "core/html.h"
#include "core/options.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

#define SAPO_BUF_MT "sapo.Buffer"
#define SAPO_DOC_MT "sapo.Document"

/* Push a new userdata that owns an empty sapo_buf (freed by __gc). */
sapo_buf *lsapo_newbuf(lua_State *L);

/* The string at i (a number is not taken for one, as luaL_checklstring
 * would); raises "bad argument #i to 'f' (string expected, got T)". */
const char *lsapo_checkstring(lua_State *L, int i, size_t *len);

/* Push nil, message, code; returns 3. */
int lsapo_pusherror(lua_State *L, const sapo_error *err);

/* Read the options table at idx (nil: the defaults) for function fname,
 * through the schema (core/options.h), into o.  Only options of stages
 * (SAPO_OPT_*) are known.  Raises "bad option 'NAME' to 'FNAME' (...)",
 * positioned `level` levels above the running C function, for an unknown
 * option or a value of the wrong type, range or word.  Strings in o are
 * borrowed from the table. */
void lsapo_read_options(lua_State *L, int idx, const char *fname, unsigned stages, sapo_options *o, int level);

SAPO_EXPORT int luaopen_sapo_core(lua_State *L);   /* the one exported symbol */

void lsapo_open_doc(lua_State *L);   /* adds parse + the Document type   */
void lsapo_open_text(lua_State *L);  /* adds nfc, clean                   */
void lsapo_open_vi(lua_State *L);    /* adds the vi sub-table             */
void lsapo_open_extract(lua_State *L); /* adds extract                    */
void lsapo_open_options(lua_State *L);
void lsapo_open_dir(lua_State *L);     /* adds dir                        */ /* adds options, check_options, option_error */

/* doc:extract on an open document; pushes the article or nil, msg, code. */
int lsapo_doc_extract(lua_State *L, xmlDocPtr doc, const char *url, int opts_idx);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
