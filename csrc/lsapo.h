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

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

#define SAPO_BUF_MT "sapo.Buffer"
#define SAPO_DOC_MT "sapo.Document"

/* Push a new userdata that owns an empty sapo_buf (freed by __gc). */
sapo_buf *lsapo_newbuf(lua_State *L);

/* Push nil, message, code; returns 3. */
int lsapo_pusherror(lua_State *L, const sapo_error *err);

/* Options: string/number/boolean fields of the table at idx, or a default
 * when the table or field is absent.  A field of the wrong type raises
 * "bad option 'NAME' (string expected, got TYPE)". */
const char *lsapo_optstring(lua_State *L, int idx, const char *name, const char *def);
lua_Number lsapo_optnumber(lua_State *L, int idx, const char *name, lua_Number def);
int lsapo_optboolean(lua_State *L, int idx, const char *name, int def);

void lsapo_open_doc(lua_State *L);   /* adds parse + the Document type   */
void lsapo_open_text(lua_State *L);  /* adds nfc, clean                   */
void lsapo_open_vi(lua_State *L);    /* adds the vi sub-table             */
void lsapo_open_extract(lua_State *L); /* adds extract                    */

/* Read parse options (charset, content_type, url, max_*) from table idx. */
void lsapo_read_parse_options(lua_State *L, int idx, sapo_parse_options *o);
/* doc:extract on an open document; pushes the article or nil, msg, code. */
int lsapo_doc_extract(lua_State *L, xmlDocPtr doc, const char *url, const char *charset, int opts_idx);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
