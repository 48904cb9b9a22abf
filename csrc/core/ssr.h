/* ssr.h: React streaming segments moved to their place, as a browser's
 * $RC/$RS scripts would (see ssr.c). */
#ifndef SAPO_SSR_H
#define SAPO_SSR_H

#include <libxml/tree.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* 0, or -1 when out of memory (the document is then unchanged) */
int sapo_ssr_reveal(xmlDocPtr doc);

/* 0 when the page's bytes hold no instruction ($R... calls, data-rci or
 * data-rsi attributes in any case): sapo_ssr_reveal would change nothing,
 * and its walk of the tree can be skipped. */
int sapo_ssr_possible(const char *s, size_t n);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
