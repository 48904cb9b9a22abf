/* json.h: a small JSON reader for JSON-LD blocks.  Parses into an arena of
 * values; nesting is limited (JSON_MAX_DEPTH) so hostile input cannot
 * exhaust the stack.  Strings are unescaped to UTF-8 (lone surrogates become
 * U+FFFD).  Free with json_free(). */
#ifndef SAPO_JSON_H
#define SAPO_JSON_H

#include <stddef.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

#define JSON_MAX_DEPTH 48

enum { J_NULL, J_FALSE, J_TRUE, J_NUM, J_STR, J_ARR, J_OBJ };

typedef struct jval {
  int type;
  const char *s;       /* J_STR: NUL-terminated; J_NUM: the literal */
  size_t len;
  int first, next;     /* children (index), next sibling; -1 none   */
  const char *key;     /* member name when inside an object         */
} jval;

typedef struct jdoc {
  jval *v; int n, cap;
  char *strings; size_t slen, scap;
} jdoc;

/* Returns the root index (>= 0) or -1 when s is not JSON (or too deep,
 * or out of memory).  The jdoc must be json_free()d in both cases. */
int json_parse(jdoc *d, const char *s, size_t n);
void json_free(jdoc *d);
/* Member of object o named key, or -1. */
int json_get(const jdoc *d, int o, const char *key);
/* String value of member key of o, or NULL. */
const char *json_str(const jdoc *d, int o, const char *key);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
