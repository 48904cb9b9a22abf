/* buf.c: the growable byte buffer used by every stage that builds strings. */
#include "buf.h"
#include <stdlib.h>
#include <string.h>

int sapo_buf_reserve(sapo_buf *b, size_t extra) {
  if (b->failed) return -1;
  if (extra >= SIZE_MAX - b->len - 1) { b->failed = 1; return -1; }
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  char *p = realloc(b->data, cap);
  if (!p) { b->failed = 1; return -1; }
  b->data = p;
  b->cap = cap;
  return 0;
}

int sapo_buf_add(sapo_buf *b, const void *s, size_t n) {
  if (n == 0) return b->failed ? -1 : 0;
  if (sapo_buf_reserve(b, n)) return -1;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 0;
}

int sapo_buf_addc(sapo_buf *b, char c) {
  if (b->len + 1 < b->cap && !b->failed) {
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return 0;
  }
  return sapo_buf_add(b, &c, 1);
}

int sapo_buf_adds(sapo_buf *b, const char *s) { return sapo_buf_add(b, s, strlen(s)); }

int sapo_buf_add_cp(sapo_buf *b, int32_t cp) {
  unsigned char u[4];
  size_t n;
  if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) { u[0] = (unsigned char)cp; n = 1; }
  else if (cp < 0x800) { u[0] = 0xC0 | (cp >> 6); u[1] = 0x80 | (cp & 0x3F); n = 2; }
  else if (cp < 0x10000) {
    u[0] = 0xE0 | (cp >> 12); u[1] = 0x80 | ((cp >> 6) & 0x3F); u[2] = 0x80 | (cp & 0x3F); n = 3;
  } else {
    u[0] = 0xF0 | (cp >> 18); u[1] = 0x80 | ((cp >> 12) & 0x3F);
    u[2] = 0x80 | ((cp >> 6) & 0x3F); u[3] = 0x80 | (cp & 0x3F); n = 4;
  }
  return sapo_buf_add(b, u, n);
}

const char *sapo_buf_cstr(sapo_buf *b) {
  return (b->data && !b->failed) ? b->data : "";
}

void sapo_buf_free(sapo_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
  b->failed = 0;
}

char *sapo_buf_detach(sapo_buf *b, size_t *len) {
  char *p = b->data;
  if (b->failed) { free(p); p = NULL; }
  if (len) *len = p ? b->len : 0;
  b->data = NULL;
  b->len = b->cap = 0;
  b->failed = 0;
  return p;
}
