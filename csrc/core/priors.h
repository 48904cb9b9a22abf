/* priors.h: candidate sources other than Readability's score (priors.c). */
#ifndef SAPO_PRIORS_H
#define SAPO_PRIORS_H

#include "find.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* Candidate sources */
enum { SRC_READABILITY = 1, SRC_PRIOR, SRC_JSONLD, SRC_TITLE, SRC_PAGE };

typedef struct candidate {
  int32_t node;            /* page node (original index)                    */
  int source;              /* SRC_*                                         */
  const char *rule;        /* priors: the rule's name; else the source name */
  int rank;                /* priors: 1 (most specific) .. 5                */
  float score;             /* Readability's score, or 0                     */
  /* measured by the arbiter */
  uint32_t len, eff, p_len;
  double ld;
  int near_title;          /* follows the title heading in its region       */
  int valid;
  const char *verdict;     /* static: the arbiter's reason                  */
} candidate;

#define PRIORS_MAX 48

/* Elements matching the structural rule table (itemprop=articleBody, CMS
 * body classes, <article>, main columns, <main>), on the page as built;
 * at most max, the most specific ranks first.  Their ancestors get
 * NM_PROTECT.  Returns how many. */
int priors_find(fctx *c, candidate *out, int max);

/* The heading that repeats the title: Readability's (first visible h1 or
 * h2 whose text is > 0.75 similar) into c->title_node; returns the anchor
 * heading (the first such h1, else that one), or -1.  Its ancestors get
 * NM_PROTECT. */
int32_t priors_title_heading(fctx *c, const char *title);

/* The smallest element whose text covers probes taken along the JSON-LD
 * articleBody text, or -1. */
int32_t priors_jsonld_node(fctx *c, const char *ld_body);

/* The title anchor's container: the nearest ancestor of heading h that
 * holds enough text (outside listings) after it, on the page as built
 * (before the walk unlinks the heading; needs aggregates), or -1. */
int32_t priors_title_container(fctx *c, int32_t h);

/* Is node n in the title's region: after the heading in document order,
 * under the title container (or containing the heading)? */
int priors_near_title(const fctx *c, int32_t tcont, int32_t h, int32_t n);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
