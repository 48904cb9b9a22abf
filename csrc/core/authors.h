/* authors.h: a byline line into a clean list of names (see authors.c). */
#ifndef SAPO_AUTHORS_H
#define SAPO_AUTHORS_H

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

/* *out: malloc'ed array of malloc'ed names (free with sapo_authors_free),
 * or NULL with *n 0.  Returns 0, or -1 when out of memory. */
int  sapo_authors(const char *byline, char ***out, int *n);
void sapo_authors_free(char **v, int n);
/* s past a lead-in such as "By ", "Von ", "Theo ", "Autor: " (s when none). */
const char *sapo_byline_lead_in(const char *s);
/* The byline line without a labelled lead-in ("Von: ", "Autor: ", "Text: "),
 * in place; a bare "By " stays, as readers write it. */
void sapo_byline_tidy(char *s);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
