/* score.h: finding the article in a dtree (Readability's grabArticle and
 * prepArticle, run on sapo's own tree so the libxml2 document is untouched).
 *
 * The cascade, in one place:
 *   1. walk the tree once: drop hidden nodes, bylines, the heading that
 *      repeats the title, "unlikely" class/id/role nodes; turn <div>s used
 *      as paragraphs into paragraphs; collect the nodes to score;
 *   2. score paragraphs, add the scores to up to five ancestors, scale by
 *      link density, pick the top candidate, climb to a shared or better
 *      parent, and merge the siblings that look like content;
 *   3. clean the result (forms, embeds, share widgets, link-heavy or
 *      image-heavy blocks, empty paragraphs);
 *   4. if fewer than char_threshold characters remain, retry from the
 *      original tree without the unlikely-stripping, then without class
 *      weights, then without conditional cleaning; keep the longest try. */
#ifndef SAPO_SCORE_H
#define SAPO_SCORE_H

#include "dom.h"
#include "sapo.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

typedef struct score_input {
  const char *title;        /* article title (for the repeated heading), or NULL */
  int have_byline;          /* metadata already has a byline: don't look for one  */
  int char_threshold;
  int nb_top;
} score_input;

typedef struct score_result {
  int32_t article;          /* virtual <div> holding the article, -1 if none   */
  char *byline;             /* byline found in the page (malloc'ed) or NULL     */
  int32_t dir_node;         /* node whose dir attribute applies, or -1          */
  size_t text_length;
} score_result;

/* Runs the cascade on t (which it changes).  Returns SAPO_OK (article may
 * still be -1 when the page has no text at all) or SAPO_ENOMEM. */
int score_article(dtree *t, const score_input *in, score_result *out);

/* Readability's text measures, shared with the cleaning and emit stages. */
size_t score_inner_len(const dtree *t, int32_t i);
double score_link_density(const dtree *t, int32_t i);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
