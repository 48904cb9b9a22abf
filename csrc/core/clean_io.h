/* clean_io.h: what the clean stage reads (clean_input) and what it found
 * besides the kept blocks (clean_found), in a header of their own so that
 * its helpers (lead.c) need not include the stage's (clean.h). */
#ifndef SAPO_CLEAN_IO_H
#define SAPO_CLEAN_IO_H

#include <stdint.h>
#include "dom.h"
#include "trace.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

typedef struct clean_input {
  const dtree *t;
  int32_t article;          /* the chosen subtree (blocks come from it) */
  int32_t orig_count;       /* nodes below this index are the page's own, in document order */
  const char *title;
  const char *description;  /* meta description, for the lead */
  int32_t title_node;       /* the heading that repeats the title, or -1 */
  int keep_captions;
  unsigned skip;            /* CLEAN_* filters to leave out */
  const uint8_t *mark;      /* the finder's NM_* marks per page node, or NULL */
  trace *tr;                /* kept and dropped blocks are recorded here, or NULL */
} clean_input;

typedef struct clean_found {
  char *lead;      /* malloc'ed or NULL */
  const char *lead_src;   /* where the lead came from (static), or NULL */
  char *byline;    /* signature line at the end, or NULL */
  char *opening_byline;   /* names signed in bold above the text, or NULL */
  int opening_at;         /* its block, or -1 */
  char *source;    /* "Theo ..." line, or NULL */
  char *date;      /* date line text, or NULL */
} clean_found;

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
