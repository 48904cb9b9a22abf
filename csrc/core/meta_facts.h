/* meta_facts.h: what the metadata stage collects from a page in one walk
 * (the facts: <meta> values by key, headings, JSON-LD scripts, dates,
 * author links, labelled facts), shared by its files: meta.c (the walk
 * and the choice of each field), facts.c (labelled facts, the "By" line),
 * jsonld.c (JSON-LD), title.c (the title algorithm).  Internal. */
#ifndef SAPO_META_FACTS_H
#define SAPO_META_FACTS_H

#include <stdint.h>
#include <libxml/tree.h>
#include "buf.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

#define NVALS 48
typedef struct { const char *key; char *val; } kv;

struct meta_facts {
  kv vals[NVALS]; int nvals;
  xmlNodePtr title_el, html_el;
  xmlNodePtr *heads; int nheads, capheads;   /* h1 and h2 in order */
  int nh1; xmlNodePtr first_h1;
  xmlNodePtr *ld; int nld, capld;
  const char *canonical, *lang;
  const char *item_pub, *item_mod, *time_pub, *time_article;   /* microdata and <time> dates */
  const char *rel_author;                                       /* <a rel=author> text owner */
  xmlNodePtr rel_author_el;
  char *author_link;                                            /* first name-shaped link to an author page */
  char *fact_author, *fact_date;                                /* values of labelled facts ("Autor", "Datum") */
  /* the path of elements being visited, each with what it and its
   * ancestors are (ANC_*); up: what the current element's ancestors are */
  struct { xmlNodePtr node; uint8_t flags; } *anc; int nanc, capanc;
  uint8_t up;
};
#define ANC_CHROME     1   /* navigation, footer, side column (nav, footer, aside, their roles) */
#define ANC_CODE       2   /* pre, code */
#define ANC_DATA_TABLE 4   /* a table of data: more rows than a fact box has */
#define ANC_ARTICLE    8   /* article */
typedef struct meta_facts facts;

/* JSON-LD's article fields (jsonld.c) */
typedef struct {
  char *title, *byline, *excerpt, *site, *published, *modified, *image, *keywords, *body;
  char **authors; int n_authors;
} ldmeta;

/* ===== meta.c: small helpers ===== */
char *dup_clean(const char *s, size_t n);          /* cleaned copy, or NULL when empty */
char *dup_str(const char *s);
char *unescape_dup(const char *s);                 /* entities decoded, cleaned (Readability's _unescapeHtmlEntities) */
int meta_js_ws(unsigned char c);
int word_count(const char *s);                     /* str.split(/\s+/).length */
void set_val(facts *f, const char *key, const char *content);
const char *get_val(const facts *f, const char *key);
void node_text(xmlNodePtr top, sapo_buf *b);
void node_text_max(xmlNodePtr top, sapo_buf *b, size_t max);   /* stops once past max bytes */
char *node_text_clean(xmlNodePtr x);

/* ===== facts.c ===== */
int in_page_chrome(xmlNodePtr x);                  /* inside navigation, footer or a side column */
int fact_label_tag(int tag);
void labelled_fact(facts *f, xmlNodePtr x, int tag);   /* f->up: what x's ancestors are */
int fact_table_of_data(xmlNodePtr table);           /* more rows than a fact box */

/* ===== jsonld.c ===== */
void ld_read(facts *f, ldmeta *out);
void ld_free(ldmeta *l);

/* ===== title.c ===== */
char *title_from(facts *f, const char *orig);      /* Readability's title algorithm on <title> */
char *doc_title(facts *f);                         /* the <title> text */

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
