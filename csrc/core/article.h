/* article.h: the article sapo returns, as C: every string malloc'ed,
 * valid UTF-8 and NFC (or NULL).  Its own header, so the stages that fill
 * it (emit, fields) need not include the orchestrator's (extract.h).
 * sapo_article_free (extract.h) frees it. */
#ifndef SAPO_ARTICLE_H
#define SAPO_ARTICLE_H

#include <stddef.h>
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

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
