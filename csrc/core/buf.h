/* buf.h: a growable byte buffer (always NUL-terminated when len > 0 or after
 * sapo_buf_cstr).  Memory comes from malloc; the owner calls sapo_buf_free.
 * Append functions return 0 on success and -1 when memory runs out, after
 * which the buffer is marked failed and further appends are no-ops, so a
 * caller may check once at the end (buf->failed). */
#ifndef SAPO_BUF_H
#define SAPO_BUF_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

typedef struct sapo_buf {
  char *data;
  size_t len, cap;
  int failed;
} sapo_buf;

#define SAPO_BUF_INIT {NULL, 0, 0, 0}

int  sapo_buf_reserve(sapo_buf *b, size_t extra);
int  sapo_buf_add(sapo_buf *b, const void *s, size_t n);
int  sapo_buf_addc(sapo_buf *b, char c);
int  sapo_buf_adds(sapo_buf *b, const char *s);
int  sapo_buf_add_cp(sapo_buf *b, int32_t cp);      /* UTF-8 encode one code point */
const char *sapo_buf_cstr(sapo_buf *b);             /* "" when empty or failed      */
void sapo_buf_free(sapo_buf *b);
/* Hand the data over to the caller (who frees it with free()). */
char *sapo_buf_detach(sapo_buf *b, size_t *len);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
