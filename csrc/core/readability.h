/* readability.h: Readability.js's grabArticle as one candidate source. */
#ifndef SAPO_READABILITY_H
#define SAPO_READABILITY_H

#include "find.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* <br><br> chains become paragraphs (Readability's prepDocument); once,
 * before the first pass.  0 or -1 (out of memory). */
int rd_replace_brs(fctx *c, int32_t body);

/* The first walk of a pass: drop hidden nodes, dialogs, bylines, the
 * heading that repeats the title (c->title_node), "unlikely" class/id/role
 * nodes (never an NM_PROTECT one); turn <div>s used as paragraphs into
 * paragraphs; collect the nodes to score into c->list.  Then aggregates.
 * 0 or -1 (out of memory). */
int rd_walk(fctx *c);

/* Score the collected paragraphs into up to five ancestors (listings
 * masked when mask is set), scale by link density, pick the top candidate
 * and climb to a shared or better-scoring parent.  Returns the node, or -1
 * when nothing scored; *score gets its score.  -2 on out of memory. */
int32_t rd_top_candidate(fctx *c, int mask, float *score);

/* Readability's phrasing content test, and the only element child of i
 * when it has tag and i holds no other text (else -1). */
int rd_is_phrasing(const dtree *t, int32_t i);
int32_t rd_single_child(const dtree *t, int32_t i, int tag);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
