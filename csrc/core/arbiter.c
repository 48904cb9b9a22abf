/* arbiter.c: choosing the article's container among the candidates of
 * Readability's score, the structural priors, the JSON-LD text and the
 * title anchor.
 *
 * Where candidates agree (one inside the other, holding most of its text)
 * the more specific one is taken; a publisher's body class or articleBody
 * is trusted over Readability's guess inside it.  Where they disagree
 * (disjoint), the one in the title's region wins unless it is much
 * shorter, then trafilatura's comparison rules decide (EXTRACTION.md §7):
 * an alternate wins only when it is more than twice as long and made of
 * paragraphs; an own result much longer but not made of paragraphs is
 * over-extraction.  JSON-LD text coverage overrules a disjoint choice.
 * Every number is in W, one table. */
#include "arbiter.h"
#include "merge.h"
#include "tags.h"

static const struct {
  uint32_t min_text;          /* characters outside listings a candidate needs    */
  double inner_share;         /* nested: the inner candidate wins with this share  */
  double inner_share_body;    /* ... when the outer one is a publisher's body      */
  double prior_inner_share;   /* a prior inside Readability's choice wins with this */
  double prior_inner_body;    /* ... a body-class prior                            */
  double title_share;         /* the title's region wins down to this share        */
  double alt_factor;          /* §7: an alternate needs this times the length ...   */
  double alt_p_share;         /* ... and this share of paragraph text               */
  double alt_ld_slack;        /* ... and a link density at most this much higher     */
  double over_factor;         /* §7: own this many times longer ...                 */
  double over_p_share;        /* ... with less paragraph text is over-extraction     */
  double jsonld_share;        /* a disjoint JSON-LD container wins with this share   */
  double jsonld_inner;        /* a JSON-LD container inside the choice wins with this */
  int body_rank;              /* priors of this rank or better are publisher bodies */
  double reach_min;           /* nested: R's own share before its merge's reach counts */
} W = {
  .min_text = FIND_MIN_TEXT, .inner_share = 0.6, .inner_share_body = 0.95, .prior_inner_share = 0.75,
  .prior_inner_body = 0.5, .title_share = 0.33, .alt_factor = 2.0, .alt_p_share = 0.4,
  .alt_ld_slack = 0.1, .over_factor = 4.0, .over_p_share = 0.4, .jsonld_share = 0.5,
  .jsonld_inner = 0.8, .body_rank = 2, .reach_min = 0.35,
};

static int attached(const dtree *t, int32_t n) {
  while (n >= 0 && n != t->html) n = t->n[n].parent;
  return n == t->html;
}

static void measure(fctx *c, candidate *cd, int32_t tcont, int32_t heading) {
  const dtree *t = c->t;
  cd->valid = 0;
  if (cd->node < 0 || !attached(t, cd->node)) { cd->verdict = "rejected: removed"; return; }
  const agg *a = &c->ag[cd->node];
  cd->len = a->len;
  cd->eff = eff_len_of(c, cd->node);
  cd->p_len = a->p_len;
  cd->ld = a->len ? a->link / a->len : 0;
  cd->near_title = priors_near_title(c, tcont, heading, cd->node);
  if (in_listing(c, cd->node)) { cd->verdict = "rejected: inside a listing"; return; }
  if (cd->eff < W.min_text) { cd->verdict = "rejected: too little text"; return; }
  int tag = t->n[cd->node].tag;
  if (tag == T_BODY || tag == T_HTML) { cd->verdict = "rejected: the whole page"; return; }
  cd->valid = 1;
}

static double p_share(const candidate *cd) { return cd->len ? (double)cd->p_len / cd->len : 0; }

/* 1: a inside b, 2: b inside a, 3: same, 0: disjoint */
static int relation(const dtree *t, int32_t a, int32_t b) {
  if (a == b) return 3;
  if (dom_is_ancestor(t, b, a)) return 1;
  if (dom_is_ancestor(t, a, b)) return 2;
  return 0;
}

/* §7 between own and alt (disjoint); returns the winner */
static candidate *compare(candidate *own, candidate *alt, const char **why) {
  if ((double)alt->eff > W.alt_factor * own->eff && p_share(alt) >= W.alt_p_share && alt->ld <= own->ld + W.alt_ld_slack) {
    *why = "alternate more than twice as long, in paragraphs";
    return alt;
  }
  if ((double)own->eff > W.over_factor * alt->eff && p_share(own) < W.over_p_share && p_share(alt) >= W.alt_p_share) {
    *why = "own result over-extracted (few paragraphs)";
    return alt;
  }
  *why = "own result kept";
  return own;
}

/* the best valid prior: most specific rank first, the longest of that
 * rank, or a same-rank prior inside it holding most of its text */
static candidate *best_prior(fctx *c, candidate *cands, int n) {
  candidate *best = NULL;
  for (int i = 0; i < n; i++) {
    candidate *cd = &cands[i];
    if (cd->source != SRC_PRIOR || !cd->valid) continue;
    if (best && cd->rank > best->rank) break;     /* sorted by rank */
    if (!best || cd->eff > best->eff) best = cd;
  }
  if (!best) return NULL;
  for (int i = 0; i < n; i++) {
    candidate *cd = &cands[i];
    if (cd == best || cd->source != SRC_PRIOR || !cd->valid || cd->rank != best->rank) continue;
    if (relation(c->t, cd->node, best->node) == 1 && cd->eff >= W.inner_share * best->eff) best = cd;
  }
  return best;
}

int arbiter_choose(fctx *c, candidate *cands, int n, int32_t tcont, int32_t heading) {
  const dtree *t = c->t;
  candidate *R = NULL, *J = NULL, *T = NULL;
  for (int i = 0; i < n; i++) {
    measure(c, &cands[i], tcont, heading);
    if (!cands[i].valid) continue;
    if (cands[i].source == SRC_READABILITY) R = &cands[i];
    if (cands[i].source == SRC_JSONLD) J = &cands[i];
    if (cands[i].source == SRC_TITLE) T = &cands[i];
  }
  candidate *S = best_prior(c, cands, n);
  candidate *win = NULL;
  const char *why = NULL;
  if (S && R) {
    switch (relation(t, R->node, S->node)) {
    case 3: win = S; why = "Readability and the structure agree"; break;
    case 1: {   /* R inside S; when R holds a fair part itself, counted with
                 * the siblings its merge takes */
      double share = S->eff ? (double)R->eff / S->eff : 0;
      if (share >= W.reach_min) {
        uint32_t reach = merge_reach(c, R->node);
        share = (double)(reach < S->eff ? reach : S->eff) / S->eff;
      }
      double need = S->rank <= W.body_rank ? W.inner_share_body : W.inner_share;
      if (share >= need) { win = R; why = "Readability's choice inside the structure holds most of it"; }
      else { win = S; why = "the structure holds more of the article than Readability's choice"; }
      break;
    }
    case 2: {   /* S inside R */
      double share = R->eff ? (double)S->eff / R->eff : 0;
      double need = S->rank <= W.body_rank ? W.prior_inner_body : W.prior_inner_share;
      if (share >= need) { win = S; why = "the structure inside Readability's choice holds most of it"; }
      else { win = R; why = "Readability's choice holds much more than the structure"; }
      break;
    }
    default:
      if (S->near_title && !R->near_title && (double)S->eff >= W.title_share * R->eff) {
        win = S; why = "the structure follows the title, Readability's choice does not";
      } else if (R->near_title && !S->near_title && (double)R->eff >= W.title_share * S->eff) {
        win = R; why = "Readability's choice follows the title, the structure does not";
      } else win = compare(S, R, &why);
    }
  } else if (S) { win = S; why = "structure only"; }
  else if (R) { win = R; why = "Readability only"; }
  if (J) {
    if (!win) { win = J; why = "JSON-LD only"; }
    else {
      int rel = relation(t, J->node, win->node);
      if (rel == 0 && (double)J->eff >= W.jsonld_share * win->eff) { win = J; why = "JSON-LD articleBody is elsewhere"; }
      else if (rel == 1 && (double)J->eff >= W.jsonld_inner * win->eff) { win = J; why = "JSON-LD articleBody narrows it"; }
    }
  }
  if (!win && T) { win = T; why = "title anchor only"; }
  int idx = -1;
  for (int i = 0; i < n; i++) {
    if (&cands[i] == win) { cands[i].verdict = why; idx = i; }
    else if (cands[i].valid) cands[i].verdict = "lost";
  }
  return idx;
}
