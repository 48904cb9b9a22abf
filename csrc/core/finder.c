/* finder.c: the content finder's cascade, in one place.
 *
 *  1. once, on the page as built: <br><br> chains become paragraphs;
 *     aggregates; listings (listing.c); the title heading and its region,
 *     the structural priors and the JSON-LD container (priors.c), whose
 *     ancestors are protected from "unlikely" stripping;
 *  2. a pass: Readability's walk and scores with listings masked
 *     (readability.c), then one choice among Readability's top candidate,
 *     the priors, the JSON-LD container and the title region
 *     (arbiter.c); the winner's siblings that belong to it (merge.c); the
 *     container cleaned (prep.c);
 *  3. when fewer than char_threshold characters remain, another pass from
 *     the page as built without the unlikely-stripping, then without class
 *     weights, then without conditional cleaning, then (when hidden
 *     elements held the text) with hidden elements kept.  Of the tries the
 *     longest is kept, except that a later try's container that the first
 *     pass had stripped as unlikely (comments, sidebars, profiles,
 *     footers) never beats a first container inside an article, a
 *     .hentry/.post or a structural prior;
 *  4. when even that leaves a stub and the JSON-LD articleBody is several
 *     times longer, the body is that copy. */
#include "finder.h"
#include "words.h"
#include <stdlib.h>
#include <string.h>
#include "arbiter.h"
#include "listing.h"
#include "merge.h"
#include "prep.h"
#include "stream.h"
#include "priors.h"
#include "readability.h"
#include "tags.h"

#define FIND_LD_FALLBACK_MIN     500    /* characters of articleBody worth falling back to */
#define FIND_LD_FALLBACK_FACTOR  4.0    /* ... when it is this many times the page's text  */
#define FIND_HIDDEN_FACTOR       2.0    /* hidden text this many times the best try: keep hidden */
#define FIND_MAX_CANDIDATES      (PRIORS_MAX + 4)
#define FLAG_KEEP_HIDDEN         8

/* the parent of p on the page as built; a node the pass created (a merge
 * wrapper) is not in orig, so its parent comes from the working tree t */
static int32_t built_parent(const dtree *t, const dtree *orig, int32_t p) {
  return p < orig->count ? orig->n[p].parent : t->n[p].parent;
}

/* n or an ancestor in the page as built is an <article>, a .hentry/.post,
 * or (rank <= 3) a structural prior */
static int article_like(const dtree *t, const dtree *orig, int32_t n, const candidate *pri, int np) {
  for (int32_t p = n; p >= 0; p = built_parent(t, orig, p)) {
    if (p >= orig->count) continue;
    if (orig->n[p].tag == T_ARTICLE) return 1;
    if (dom_has_token(dom_attr(orig, p, "class"), W_ARTICLE_TOKENS)) return 1;
    for (int k = 0; k < np; k++) if (pri[k].node == p && pri[k].rank <= 3) return 1;
  }
  return 0;
}

static int stripped_in_first(const fctx *c, const dtree *orig, int32_t n) {
  for (int32_t p = n; p >= 0; p = built_parent(c->t, orig, p))
    if (p < c->orig_count && (c->mark[p] & NM_STRIPPED)) return 1;
  return 0;
}

/* the text the page's listings hold */
static uint32_t listing_text(fctx *c) {
  const dtree *t = c->t;
  uint32_t sum = 0;
  for (int32_t n = t->html; n >= 0;) {
    if (c->mark[n] & NM_LISTING) {
      sum += c->ag[n].len;
      n = dom_next(t, n, 1);
    } else n = dom_next(t, n, 0);
  }
  return sum;
}

/* the largest p-text held by a hidden element, on the page as built */
static uint32_t hidden_text(fctx *c) {
  const dtree *t = c->t;
  uint32_t best = 0;
  for (int32_t n = t->html; n >= 0;) {
    if (vocab_feat(c, n).f & VF_HIDDEN) {   /* read once per node, kept for the scoring */
      if (c->ag[n].p_len > best) best = c->ag[n].p_len;
      n = dom_next(t, n, 1);
    } else n = dom_next(t, n, 0);
  }
  return best;
}

static void trace_candidates(fctx *c, const candidate *cands, int n, int win) {
  if (!c->tr) return;

  for (int i = 0; i < n; i++) {
    const candidate *cd = &cands[i];
    const char *what = cd->source == SRC_PRIOR ? cd->rule : W_SOURCE_NAMES[cd->source];
    trace_item *it = trace_add(c->tr, TR_CANDIDATE, orig_of(c, cd->node), what, i == win ? "won" : "lost",
                               cd->verdict, cd->verdict ? strlen(cd->verdict) : 0);
    if (!it) continue;
    it->score = cd->score;
    it->length = cd->eff;
    it->link_density = cd->ld;
    it->count = cd->rank;
  }
}

/* Everything under the page's body in one virtual <div> (no candidate). */
static int32_t whole_page(fctx *c) {
  dtree *t = c->t;
  int32_t page = t->body >= 0 ? t->body : t->html;
  int32_t div = dom_new(t, T_DIV);
  if (div < 0) return -1;
  while (t->n[page].first >= 0) dom_append(t, div, t->n[page].first);
  dom_append(t, page, div);
  return div;
}

/* The page as built again for the next pass: the tree from orig, its
 * aggregates computed on the first retry and copied on later ones (the
 * marks they read do not change between retries). */
static int restore_page(fctx *c, dtree *t, const dtree *orig, agg **saved) {
  if (dom_copy(t, orig)) return -1;
  if (*saved) {
    if (c->ag_cap < t->count) return aggregates(c);
    memcpy(c->ag, *saved, (size_t)t->count * sizeof **saved);
    c->ag_n = t->count;
    c->ag_valid = 1;
    return 0;
  }
  if (aggregates(c)) return -1;
  *saved = malloc((size_t)(t->count ? t->count : 1) * sizeof **saved);
  if (!*saved) return -1;
  memcpy(*saved, c->ag, (size_t)t->count * sizeof **saved);
  return 0;
}

/* One pass: returns the article node (virtual div), or -1 with *oom. */
static int32_t one_pass(fctx *c, const candidate *pri, int np, int32_t jnode, int32_t heading, int32_t tcont,
                        int32_t *dir, int32_t *winner, const char **method, int *oom) {
  dtree *t = c->t;
  *winner = -1;
  if (rd_walk(c)) { *oom = 1; return -1; }
  float score = 0;
  int32_t top = rd_top_candidate(c, 1, &score);
  if (top == -2) { *oom = 1; return -1; }
  candidate cands[FIND_MAX_CANDIDATES];
  int n = 0;
  if (top >= 0) {
    memset(&cands[n], 0, sizeof cands[n]);
    cands[n].node = top; cands[n].source = SRC_READABILITY; cands[n].rule = "readability"; cands[n].score = score;
    n++;
  }
  for (int k = 0; k < np && n < FIND_MAX_CANDIDATES - 2; k++) cands[n++] = pri[k];
  if (jnode >= 0) {
    memset(&cands[n], 0, sizeof cands[n]);
    cands[n].node = jnode; cands[n].source = SRC_JSONLD; cands[n].rule = "jsonld";
    n++;
  }
  if (tcont >= 0) {
    memset(&cands[n], 0, sizeof cands[n]);
    cands[n].node = tcont; cands[n].source = SRC_TITLE; cands[n].rule = "title";
    n++;
  }
  int win = arbiter_choose(c, cands, n, tcont, heading);
  trace_candidates(c, cands, n, win);
  int32_t art;
  if (win < 0) {
    *method = "page";
    art = whole_page(c);
    if (art < 0) { *oom = 1; return -1; }
    *dir = t->n[art].parent;
  } else {
    const candidate *w = &cands[win];

    *method = w->source == SRC_PRIOR ? w->rule : W_SOURCE_NAMES[w->source];
    /* one article of an infinite-scroll stream: the title's */
    int32_t node = stream_choose(c, w->node);
    if (node < 0 || stream_prune(c, node, -1)) { *oom = 1; return -1; }
    int32_t anchor = t->n[node].parent;
    *winner = node;
    if (!(t->n[node].flags & DF_SCORED)) t->n[node].score = 0;
    art = merge_container(c, node, w->source == SRC_READABILITY && node == w->node, dir);
    if (art < 0 || stream_prune(c, art, anchor)) { *oom = 1; return -1; }
  }
  c->ag_valid = 0;
  if (prep_container(c, art, !c->in->keep_listings)) { *oom = 1; return -1; }
  return art;
}

int find_article(dtree *t, const find_input *in, find_result *out) {
  fctx c;
  memset(&c, 0, sizeof c);
  c.t = t;
  c.in = in;
  c.tr = in->tr;
  c.title_node = -1;
  memset(out, 0, sizeof *out);
  out->article = -1;
  out->dir_node = -1;
  out->title_node = -1;
  out->method = "none";
  if (t->html < 0) return SAPO_OK;
  int rc = SAPO_OK;
  dtree orig = {0}, best = {0};
  agg *ag_built = NULL;
  candidate pri[PRIORS_MAX];
  int32_t body = t->body >= 0 ? t->body : t->html;
  /* ---- 1. once, on the page as built ---- */
  if (rd_replace_brs(&c, body)) { rc = SAPO_ENOMEM; goto done; }
  c.orig_count = t->count;
  c.mark = calloc((size_t)(t->count ? t->count : 1), 1);
  if (!c.mark) { rc = SAPO_ENOMEM; goto done; }
  if (vocab_features(&c, in->features) || aggregates(&c) || listing_detect(&c)) { rc = SAPO_ENOMEM; goto done; }
  int32_t heading = priors_title_heading(&c, in->title);
  /* where the heading sits, remembered: a pass may drop it as a repeat */
  for (int32_t p = heading; p >= 0 && c.title_anc_n < (int)(sizeof c.title_anc / sizeof *c.title_anc); p = t->n[p].parent)
    c.title_anc[c.title_anc_n++] = p;
  int32_t tcont = priors_title_container(&c, heading);
  int np = priors_find(&c, pri, PRIORS_MAX);
  int32_t jnode = priors_jsonld_node(&c, in->ld_body);
  uint32_t hidden = hidden_text(&c);
  uint32_t listed = listing_text(&c);
  if (c.tmp.failed) { rc = SAPO_ENOMEM; goto done; }
  if (dom_copy(&orig, t)) { rc = SAPO_ENOMEM; goto done; }
  /* ---- 2, 3. passes ---- */
  size_t threshold = in->char_threshold > 0 ? (size_t)in->char_threshold : FIND_CHAR_THRESHOLD;
  static const int PASSES[] = {
    FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY,
    FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY, FLAG_CLEAN_CONDITIONALLY, 0,
    FLAG_KEEP_HIDDEN | FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY};
  int npasses = (int)(sizeof PASSES / sizeof *PASSES);
  int32_t best_art = -1, best_dir = -1;
  size_t best_len = 0;
  int have_best = 0, best_pass = 0, first_article_like = 0;
  const char *best_method = "none";
  for (int pass = 0; pass < npasses; pass++) {
    if (PASSES[pass] & FLAG_KEEP_HIDDEN) {
      if ((double)hidden < FIND_HIDDEN_FACTOR * (double)best_len || hidden < threshold) break;
    }
    if (pass > 0 && restore_page(&c, t, &orig, &ag_built)) { rc = SAPO_ENOMEM; break; }
    c.flags = PASSES[pass] & ~FLAG_KEEP_HIDDEN;
    c.pass = pass;
    c.keep_hidden = (PASSES[pass] & FLAG_KEEP_HIDDEN) != 0;
    if (c.tr) c.tr->pass = pass;
    int oom = 0;
    int32_t dir = -1, winner = -1;
    const char *method = "none";
    int32_t art = one_pass(&c, pri, np, jnode, heading, tcont, &dir, &winner, &method, &oom);
    if (oom) { rc = SAPO_ENOMEM; break; }
    size_t len = art >= 0 ? len_of(&c, art) : 0;
    if (pass == 0) {
      first_article_like = winner >= 0 && article_like(t, &orig, winner, pri, np);
    }
    int qualified = pass == 0 || !(first_article_like && winner >= 0 && stripped_in_first(&c, &orig, winner));
    if (qualified && len >= threshold) {
      out->article = art; out->dir_node = dir; out->text_length = len; out->method = method;
      best_pass = pass;
      have_best = 0;
      goto chosen;
    }
    if (qualified && (!have_best || len > best_len)) {
      if (dom_copy(&best, t)) { rc = SAPO_ENOMEM; break; }
      best_art = art; best_dir = dir; best_len = len; best_method = method; best_pass = pass;
      have_best = 1;
    }
  }
  if (rc == SAPO_OK && have_best && best_len > 0) {
    free(t->n);
    *t = best;
    best.n = NULL;
    out->article = best_art; out->dir_node = best_dir; out->text_length = best_len; out->method = best_method;
  }
chosen:
  if (c.tr) trace_keep_pass(c.tr, best_pass);
  if (rc == SAPO_OK && !strcmp(out->method, "page") && out->text_length < FIND_MIN_TEXT &&
      listed >= FIND_MIN_TEXT) {
    out->article = -1;
    out->text_length = 0;
    out->method = "none";
  }
  /* ---- 4. a stub page with the body in JSON-LD ---- */
  if (rc == SAPO_OK && in->ld_body) {
    size_t ld = strlen(in->ld_body);
    if (ld >= FIND_LD_FALLBACK_MIN && (double)ld >= FIND_LD_FALLBACK_FACTOR * (double)out->text_length) {
      out->use_ld_text = 1;
      out->method = "jsonld-text";
    }
  }
done:
  dom_free(&orig);
  free(best.n);
  free(ag_built);
  out->byline = c.byline;
  out->mark = c.mark;
  out->orig_count = c.orig_count;
  out->title_node = c.title_node;
  if (rc != SAPO_OK) { free(c.byline); out->byline = NULL; }
  sapo_buf_free(&c.tmp);
  free(c.list.v);
  free(c.ag);
  free(c.feat);
  free(c.vs);
  return rc;
}
