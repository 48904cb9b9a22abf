/* pmatch.h: several lists of ASCII substrings matched in one scan of a
 * string.  Each pattern is indexed by its first two bytes, so a position
 * costs two table reads and an AND; only patterns whose first two bytes
 * are there are compared.  Built per extraction (on the caller's stack or
 * in its context), never global. */
#ifndef SAPO_PMATCH_H
#define SAPO_PMATCH_H

#include <stdint.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

#define PM_MAX_PATTERNS 64   /* patterns over every list of one matcher */
#define PM_MAX_LISTS    32

typedef struct pmatch {
  uint64_t first[128], second[128];   /* bit k: pattern k's byte 0 / byte 1 is this one */
  uint64_t of_list[PM_MAX_LISTS];     /* the patterns of list j */
  uint64_t one;                       /* the one-byte patterns */
  const char *pat[PM_MAX_PATTERNS];
  uint8_t len[PM_MAX_PATTERNS], list[PM_MAX_PATTERNS];
  int n, lists;
} pmatch;

void pm_init(pmatch *m);
/* adds a NULL-ended list as list number m->lists; 0, or -1 when the
 * matcher is full or a pattern is empty or not ASCII (a programming error
 * the C tests catch) */
int pm_add(pmatch *m, const char *const *pats);
/* bit j set when list j has a pattern in s (a NUL-ended string) */
uint32_t pm_scan(const pmatch *m, const char *s);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
