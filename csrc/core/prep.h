/* prep.h: cleaning of a chosen container (see prep.c). */
#ifndef SAPO_PREP_H
#define SAPO_PREP_H

#include "find.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* Clean the subtree of art in place: listings inside it, forms, embeds,
 * share widgets, link-heavy or image-heavy blocks (Readability's
 * conditional cleaning, when the pass flags allow it), empty paragraphs,
 * single-cell tables.  Works on any candidate.  0 or -1 (out of memory). */
int prep_container(fctx *c, int32_t art, int drop_listings);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
