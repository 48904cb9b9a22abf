/* extract.h: article extraction over a parsed document.
 *
 * sapo_extract reads the libxml2 document (never modifies it), finds the
 * article, cleans it, and fills a sapo_article whose strings are all
 * malloc'ed, valid UTF-8 and NFC.  The caller frees it with
 * sapo_article_free() whether the call succeeded or not. */
#ifndef SAPO_EXTRACT_H
#define SAPO_EXTRACT_H

#include <libxml/tree.h>
#include "sapo.h"
#include "trace.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

#define SAPO_FMT_TEXT     1
#define SAPO_FMT_MARKDOWN 2
#define SAPO_FMT_HTML     4


typedef struct sapo_image {
  char *src, *alt, *caption, *credit;  /* any may be NULL but src */
} sapo_image;

typedef struct sapo_article {
  char *title, *byline, *date, *modified, *lead, *lang, *site_name, *url,
       *description, *top_image, *dir;
  char *text, *markdown, *html;
  size_t text_len, markdown_len, html_len;
  char **authors; int n_authors;
  char **tags; int n_tags;
  sapo_image *images; int n_images;
  long word_count;
  const char *method;       /* how the body was found (static string)       */
  trace *trace;             /* the decisions (opts.trace), or NULL           */
} sapo_article;

/* Returns SAPO_OK, SAPO_ENOCONTENT (no article: out holds the metadata that
 * was found), SAPO_ELIMIT or SAPO_ENOMEM. */
int sapo_extract(xmlDocPtr doc, const sapo_options *opt, sapo_article *out, sapo_error *err);
void sapo_article_free(sapo_article *a);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
