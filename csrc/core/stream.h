/* stream.h: one article out of a stream of them (see stream.c). */
#ifndef SAPO_STREAM_H
#define SAPO_STREAM_H

#include "find.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* Pages that append the next article as the reader scrolls hold several
 * headline-led articles in one column (stream.c).  Before the winner's
 * siblings are merged: the unit the page's title heads when the winner
 * is another article of the title's region, else the winner (-1 when
 * memory runs out).  Needs the pass's aggregates. */
int32_t stream_choose(fctx *c, int32_t winner);

/* Unlinks from root the articles the title does not head: units beside
 * the title's own, or after the title heading.  anchor: a node on the
 * page where root was (root may be a detached merged container), or -1.
 * 0, or -1 (memory). */
int stream_prune(fctx *c, int32_t root, int32_t anchor);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
