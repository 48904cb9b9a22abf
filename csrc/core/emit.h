/* emit.h: the article subtree -> text, Markdown, minimal HTML, images.
 * One walk of the chosen subtree emits blocks (paragraph, heading, list
 * item, quote, preformatted, table row, figure) into three buffers at once;
 * every block is cleaned (sapo_clean) before it is written. */
#ifndef SAPO_EMIT_H
#define SAPO_EMIT_H

#include "buf.h"
#include "dom.h"
#include "extract.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

typedef struct emit_out {
  sapo_buf text, md, html;
  sapo_image *images; int n_images, cap_images;
  long words;
} emit_out;

/* base: absolute URL the links resolve against (or NULL). formats: SAPO_FMT_*.
 * skip_text: a string (the lead or title) not to repeat as the first block, or NULL.
 * Returns 0 or -1 (out of memory). */
int  emit_article(const dtree *t, int32_t root, const char *base, int formats, int keep_captions, emit_out *o);
void emit_free(emit_out *o);
/* Resolve href against base into a malloc'ed string ("" hrefs give NULL;
 * javascript: and data: other than images give NULL). */
char *emit_resolve(const char *base, const char *href);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
