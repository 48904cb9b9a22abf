/* arbiter.h: one choice among the finder's candidates (see arbiter.c). */
#ifndef SAPO_ARBITER_H
#define SAPO_ARBITER_H

#include "priors.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* Measure every candidate on the current tree (needs aggregates) and
 * choose one.  tcont/heading: the title anchor (or -1).  Sets each
 * candidate's verdict.  Returns the winner's index, or -1. */
int arbiter_choose(fctx *c, candidate *cands, int n, int32_t tcont, int32_t heading);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
