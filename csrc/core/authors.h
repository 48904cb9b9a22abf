/* authors.h: a byline line into a clean list of names (see authors.c). */
#ifndef SAPO_AUTHORS_H
#define SAPO_AUTHORS_H

#include <stddef.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

/* *out: malloc'ed array of malloc'ed names (free with sapo_authors_free),
 * or NULL with *n 0.  Returns 0, or -1 when out of memory. */
int  sapo_authors(const char *byline, char ***out, int *n);
void sapo_authors_free(char **v, int n);
/* s past a lead-in such as "By ", "Von ", "Theo ", "Autor: " (s when none). */
const char *sapo_byline_lead_in(const char *s);
/* The byline line without a labelled lead-in ("Von: ", "Autor: ", "Text: ")
 * and without what follows the names on the line: an "Updated …" stamp, a
 * date after a separator ("Dan Goodin - Apr 16, 2015 8:02 pm UTC"), a
 * relative time ("1 day ago"), trailing dashes; in place.  A bare "By "
 * stays, as readers write it. */
void sapo_byline_tidy(char *s);
/* 1 when s reads as a person's name: 1 to 5 words, letters, no digits. */
int  sapo_name_shaped(const char *s);
/* 1 when s[0, n) is nothing but names written with capitals: one to four
 * names of min_words to four words ("Jane Doe", "MTHOBISI SITHOLE", "Ana
 * da Silva / Jo Roe", "A. Smith and B. Jones"), no digits, no other words,
 * no sentence punctuation. */
int  sapo_names_line(const char *s, size_t n, int min_words);
/* 1 when href points at an author's page ("/author/jane-doe",
 * "/autoren/name/max-kolter", "/tac-gia/nguyen-van-a.html"). */
int  sapo_author_href(const char *href);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
