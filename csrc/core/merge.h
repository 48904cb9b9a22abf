/* merge.h: what joins the chosen container (see merge.c). */
#ifndef SAPO_MERGE_H
#define SAPO_MERGE_H

#include "find.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* Move the container tc, and the siblings that belong with it, into a new
 * virtual <div>, in document order.  With readability set, Readability's
 * sibling rule applies (score, class bonus, paragraph-like siblings); the
 * split-body rule always does (same-class chunks of body text separated by
 * ad slots, siblings or cousins up to four levels up).  Listings are never
 * merged.  *dir_node gets the node whose dir attribute applies.  Returns
 * the new node, or -1 when memory runs out. */
/* The text Readability's container tc would hold with the siblings its
 * merge takes (nothing is changed). */
uint32_t merge_reach(fctx *c, int32_t tc);
int32_t merge_container(fctx *c, int32_t tc, int readability, int32_t *dir_node);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
