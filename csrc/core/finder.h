/* finder.h: finding the article in a compact tree (the cascade in finder.c). */
#ifndef SAPO_FINDER_H
#define SAPO_FINDER_H

#include "find.h"
#include "sapo.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

typedef struct find_result {
  int32_t article;          /* virtual <div> holding the article, -1 if none */
  char *byline;             /* byline element found in the page (malloc'ed) or NULL */
  int32_t dir_node;         /* node whose dir attribute applies, or -1       */
  size_t text_length;
  const char *method;       /* the winning source (static string)            */
  uint8_t *mark;            /* NM_* per page node (malloc'ed, caller frees)   */
  int32_t orig_count;       /* nodes below this index are the page's own      */
  int32_t title_node;       /* the heading that repeats the title, or -1      */
  int use_ld_text;          /* the visible page is a stub: the body is the JSON-LD copy */
} find_result;

/* Runs the cascade on t (which it changes).  Returns SAPO_OK (article may
 * still be -1 when the page has no text at all) or SAPO_ENOMEM.  Free
 * out->byline and out->mark whatever it returns. */
int find_article(dtree *t, const find_input *in, find_result *out);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
