/* listing.h: teaser and listing detection (see listing.c). */
#ifndef SAPO_LISTING_H
#define SAPO_LISTING_H

#include "find.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* Runs of three or more sibling items of one tag-and-class signature whose
 * items are teasers (a headline link with an optional short snippet, date
 * and thumbnail) or bare links.  A run phrase table heading ("Tin liên
 * quan", "Related", "Lesen Sie auch") over it confirms a weaker run, and
 * is never required.  Needs the page's aggregates (aggregates(c)); marks
 * c->mark (NM_LISTING on items and boxes, NM_IN_LISTING below them,
 * NM_LIST_HEAD on the heading, NM_WEAK for bare-link runs).  Runs once,
 * on the page as built, before any scoring.  Returns 0, or -1 when memory
 * runs out. */
int listing_detect(fctx *c);

/* An element's tag and class tokens as one number (tokens with digits and
 * state words ignored, order free): siblings of one kind share it. */
uint32_t listing_signature(const dtree *t, int32_t i);

/* 1 when a block of `chars` characters with this link share and kind
 * reads as a teaser line (a headline link, or a short teaser snippet) in
 * a run that a marker phrase opened. */
int listing_teaser_line(size_t chars, double link_share, int is_item);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
