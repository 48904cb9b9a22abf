/* meta.h: article metadata read from the whole document before extraction:
 * <meta> names and properties (OpenGraph, Dublin Core, Twitter, Parse.ly),
 * JSON-LD (schema.org Article types), <title>/<h1>, <html lang>, canonical
 * link.  Each field takes the first source that has it, in the order
 * Readability uses, so results agree with the extractor users know.
 * All strings are malloc'ed (or NULL); free with meta_free(). */
#ifndef SAPO_META_H
#define SAPO_META_H

#include <libxml/tree.h>
#include "dom.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

typedef struct sapo_meta {
  char *title, *byline, *excerpt, *site_name, *published, *modified, *lang,
       *canonical, *image, *keywords, *doc_title,
       *rel_author,            /* text of <a rel=author> (a fallback byline) */
       *author_link,           /* text of the first link to an author's page */
       *fact_author,           /* value of a labelled author ("Autorin/Autor: …") */
       *fact_date,             /* value of a labelled date ("Datum: 28.04.2023")   */
       *h1,                    /* text of the first <h1>                  */
       *ld_body;               /* JSON-LD articleBody (lines kept)        */
  char **authors; int n_authors;
  xmlNodePtr h1_el;            /* the first <h1> (the document's, not owned) */
  const char *title_src, *byline_src, *date_src;   /* where each came from (static), or NULL */
} sapo_meta;

/* The facts the metadata is chosen from (<meta> values, headings, JSON-LD
 * scripts, dates, author links), collected element by element in document
 * order: by the walk that builds the compact tree (dom_build_visit, with
 * meta_facts_visit as its visitor), so the document is walked once. */
typedef struct meta_facts meta_facts;
meta_facts *meta_facts_new(void);                          /* NULL when out of memory */
/* one element, in document order: 0, or -1 (out of memory) */
int  meta_facts_visit(meta_facts *f, xmlNodePtr x, int tag, const dom_attrs *a);
void meta_facts_free(meta_facts *f);

/* The fields from the facts of a document (f is consumed: freed here).  Returns
 * 0, or -1 when memory runs out (m holds what was found so far). */
int  meta_read_facts(meta_facts *f, sapo_meta *m);
void meta_free(sapo_meta *m);

/* A "By …" line right under the h1 with no byline class (malloc'ed), or
 * NULL; read only when no other source named a person. */
char *meta_byline_near(const sapo_meta *m);

/* Readability's _getArticleTitle over doc (exposed for tests). */
char *meta_article_title(xmlDocPtr doc);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
