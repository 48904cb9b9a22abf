/* lead.h: the article's lead (see lead.c). */
#ifndef SAPO_LEAD_H
#define SAPO_LEAD_H

#include "clean_io.h"
#include "emit.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

/* Finds the lead: f->lead (malloc'ed) and f->lead_src, the block(s) it is
 * marked BF_LEAD, or a block prepended when it stands outside the article.
 * Returns 0 (with or without a lead), or -1 when memory runs out. */
int lead_find(emit_out *o, const clean_input *in, clean_found *f);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
