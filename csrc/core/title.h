/* title.h: the site's name and the title (title.c): what names the site,
 * the site name stripped from a title, the h1 preferred over a <title>
 * that is it plus a suffix. */
#ifndef SAPO_TITLE_H
#define SAPO_TITLE_H

#include <stddef.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* needle inside hay, both folded to lower-case ASCII without spaces, dots
 * and dashes ("Le Monde" in "lemonde.fr"); needle of 3 bytes or more */
int site_contains(const char *hay, const char *needle);
/* the host of url into host ("" for NULL) */
void site_url_host(const char *url, char *host, size_t cap);
/* host past a "www.", "m.", ... sub-domain */
const char *site_bare_host(const char *host);
/* 1 when by (a byline) is the site: its name, its host, the <title>'s
 * part after the last separator; doc_title and url may be NULL */
int site_named(const char *by, const char *site, const char *doc_title, const char *url);

/* "Title | Site", "Site - Title", "Site: Title" -> "Title" in place, when
 * Site names the site (site, or the host of url). */
void title_strip_site(char *title, const char *site, const char *url);
/* *title replaced by h1 when it is h1 plus a site or section suffix, or a
 * truncated copy of it */
void title_prefer_h1(char **title, const char *h1);
/* 1 when title only names the site (and h1 is another text) */
int title_names_site(const char *title, const char *site, const char *h1);
/* characters (code points) of s */
size_t title_chars(const char *s);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
