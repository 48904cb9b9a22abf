/* ssr.h: React streaming segments moved to their place, as a browser's
 * $RC/$RS scripts would (see ssr.c). */
#ifndef SAPO_SSR_H
#define SAPO_SSR_H

#include <libxml/tree.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* 0, or -1 when out of memory (the document is then unchanged) */
int sapo_ssr_reveal(xmlDocPtr doc);

/* 0 when the page's bytes hold no $R... call: no script of the page can
 * be an instruction.  (The template form is seen by the parser as it
 * makes the element: sapo_ssr_instruction_tag.) */
int sapo_ssr_calls_possible(const char *s, size_t n);

/* 1 when a start tag, as the parser passes it (lower-case names, NULL-ended
 * name/value pairs or NULL), is React 19's instruction element: <template
 * data-rci ...> or <template data-rsi ...>.  A page with neither this nor a
 * $R call gives sapo_ssr_reveal nothing to do, and its walk is skipped. */
int sapo_ssr_instruction_tag(const char *name, const char *const *atts);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
