/* fields.h: the field stage.  Once the body is found and cleaned, each of
 * the article's fields (title, byline and authors, date, top image) is
 * chosen from a table of sources in priority order: each source is a small
 * function that proposes a candidate; one chooser runs every candidate
 * through the field's check and takes the first that passes, and records
 * in the trace what each candidate was, where it came from, and why it
 * won or lost.  The lead is the cleaning stage's (lead.c: it marks the
 * blocks it takes) but is chosen the same way. */
#ifndef SAPO_FIELDS_H
#define SAPO_FIELDS_H

#include <libxml/tree.h>
#include "article.h"
#include "clean_io.h"
#include "finder.h"
#include "meta.h"
#include "sapo.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* What the sources read.  Strings of m, sr and cf are taken (set to NULL)
 * when a source proposes them. */
typedef struct field_ctx {
  const sapo_options *opt;
  sapo_meta *m;               /* the page's metadata                       */
  find_result *sr;            /* the finder's result (its byline element)   */
  clean_found *cf;            /* what cleaning found: signatures, date line */
  const clean_input *ci;      /* the cleaned article (the page's date)      */
  sapo_article *a;            /* filled: the fields chosen                  */
  const char *base;           /* the base URL of the page's links, or NULL  */
  const char *page_url;       /* opts.url, else the page's http(s) canonical URL, or NULL (the site's host) */
  char *site_byline;          /* a metadata author that names the site (owned) */
  trace *tr;                  /* candidates are recorded here, or NULL      */
  int oom;                    /* a source ran out of memory                 */
  int title_named_site;       /* the metadata's title only named the site   */
} field_ctx;

/* A source: proposes a malloc'ed candidate, or NULL (none; c->oom set when
 * memory ran out).  *name is the source's name, which it may refine
 * ("json-ld" or "meta" for the metadata). */
typedef char *(*field_propose)(field_ctx *c, const char **name);
typedef struct field_source {
  const char *name;
  field_propose propose;
} field_source;

/* Why value is not a right value for the field, or NULL when it is. */
typedef const char *(*field_check)(field_ctx *c, const char *value, const char *source);

/* A candidate written as the field writes it (in place; may set *v to
 * NULL when nothing is left): a byline tidied, a date in ISO 8601. */
typedef void (*field_tidy)(char **v);

/* A field: its sources (a table ending with a NULL name) in priority
 * order, how each candidate is written, and its shape (NULL: any). */
typedef struct field_rule {
  const char *field;
  const field_source *sources;
  field_tidy tidy;
  field_check check;
} field_rule;

/* The first candidate of the rule's sources, tidied, that its check
 * passes, malloc'ed, its source in *src (src may be NULL); or NULL.  Every
 * candidate proposed is recorded in the trace with its verdict. */
char *field_choose(field_ctx *c, const field_rule *rule, const char **src);

/* The title, byline and authors, dates and top image of c->a.  0, or -1
 * when memory runs out. */
int fields_choose(field_ctx *c);

/* Free what c owns. */
void fields_done(field_ctx *c);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
