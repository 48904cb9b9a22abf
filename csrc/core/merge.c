/* merge.c: siblings that belong to the chosen container.
 *
 * Readability appends a sibling of the top candidate when its score is
 * high enough (with a bonus for the same class) or when it reads like a
 * paragraph.  Two changes: a listing (listing.c) or a node whose text is
 * mostly listing is never appended, and a body split into same-class
 * chunks by ad slots or page-builder rows is put back together: chunks
 * with the container's tag and class, at the same depth under one of its
 * four nearest ancestors, each with enough paragraph text at a low link
 * density, and with nothing but thin separators (ads, spacers, figures)
 * between them. */
#include "merge.h"
#include <stdlib.h>
#include <string.h>
#include "tags.h"
#include "utext.h"

#define MERGE_CLASS_BONUS     0.2f   /* Readability: same class adds 20% of the top score */
#define MERGE_SIB_SHARE       0.2f   /* Readability: siblings need 20% of the top score  */
#define MERGE_SIB_FLOOR       10.0f  /* ... or at least this                               */
#define MERGE_P_LONG          80     /* Readability: a paragraph sibling this long ...     */
#define MERGE_P_LD            0.25   /* ... with a lower link density joins                */
#define MERGE_LISTING_SHARE   0.5    /* a sibling mostly made of listings never joins      */
#define SPLIT_LEVELS          4      /* chunks are cousins at most this far up             */
#define SPLIT_MIN_P           200    /* characters of <p> text in a chunk                  */
#define SPLIT_MAX_LD          0.3    /* link density of a chunk                            */
#define SPLIT_GAP_MAX         200    /* characters between two chunks (ad labels, captions) */

static int mostly_listing(const fctx *c, int32_t s) {
  if (s < c->orig_count && c->mark && (c->mark[s] & (NM_LISTING | NM_IN_LISTING))) return 1;
  const agg *a = &c->ag[s];
  return a->len && (double)a->listing_len >= MERGE_LISTING_SHARE * a->len;
}

static int readability_sibling(fctx *c, int32_t s, float tscore, const char *tcls) {
  dtree *t = c->t;
  float threshold = tscore * MERGE_SIB_SHARE > MERGE_SIB_FLOOR ? tscore * MERGE_SIB_SHARE : MERGE_SIB_FLOOR;
  float bonus = 0;
  const char *scls = dom_attr(t, s, "class");
  if (*tcls && scls && !strcmp(scls, tcls)) bonus += tscore * MERGE_CLASS_BONUS;
  if ((t->n[s].flags & DF_SCORED) && t->n[s].score + bonus >= threshold) return 1;
  if (t->n[s].tag != T_P) return 0;
  double ld = link_density_of(c, s);
  inner_text(t, s, &c->tmp, 1);
  size_t len = sapo_u16len(sapo_buf_cstr(&c->tmp), c->tmp.len);
  const char *txt = sapo_buf_cstr(&c->tmp);
  if (len > MERGE_P_LONG && ld < MERGE_P_LD) return 1;
  if (len < MERGE_P_LONG && len > 0 && ld == 0) {
    for (const char *q = txt; (q = strchr(q, '.')); q++)
      if (q[1] == ' ' || q[1] == '\0') return 1;
  }
  return 0;
}

static int body_chunk(fctx *c, int32_t n) {
  const agg *a = &c->ag[n];
  return a->p_len >= SPLIT_MIN_P && a->len && (double)a->link / a->len < SPLIT_MAX_LD && !mostly_listing(c, n);
}

static int same_shape(const dtree *t, int32_t a, int32_t b) {
  if (t->n[a].tag != t->n[b].tag) return 0;
  const char *x = dom_attr(t, a, "class"), *y = dom_attr(t, b, "class");
  return x && y && *x && !strcmp(x, y);
}

/* depth of n below anc (n inside anc) */
static int depth_below(const dtree *t, int32_t anc, int32_t n) {
  int d = 0;
  for (int32_t p = n; p >= 0 && p != anc; p = t->n[p].parent) d++;
  return d;
}

/* text (aggregated) in document order strictly between a and b, both page
 * nodes, a before b, outside a and b: the separators of two chunks */
static uint32_t gap_text(fctx *c, int32_t a, int32_t b) {
  const dtree *t = c->t;
  uint32_t sum = 0;
  /* walk from a's next sibling-or-ancestor-sibling until b or b's ancestor */
  int32_t n = dom_next(t, a, 1);
  while (n >= 0 && n != b) {
    if (dom_is_ancestor(t, n, b)) { n = dom_next(t, n, 0); continue; }
    sum += c->ag[n].len;
    if (sum > SPLIT_GAP_MAX) return sum;
    n = dom_next(t, n, 1);
  }
  return sum;
}

/* Split-body chunks that go with tc, into c->list (document order). */
static int split_chunks(fctx *c, int32_t tc) {
  const dtree *t = c->t;
  c->list.n = 0;
  if (!body_chunk(c, tc) || !dom_attr(t, tc, "class")) return 0;
  int32_t anc = tc;
  for (int up = 0; up < SPLIT_LEVELS && t->n[anc].parent >= 0; up++) anc = t->n[anc].parent;
  if (t->n[anc].tag == T_HTML) return 0;
  int depth = depth_below(t, anc, tc);
  int32_t last = -1;
  for (int32_t n = dom_first_elem(t, anc); n >= 0;) {
    int d = depth_below(t, anc, n);
    if (n != tc && d == depth && same_shape(t, n, tc) && body_chunk(c, n)) {
      if (list_push(&c->list, n)) return -1;
      n = dom_next(t, n, 1);
      continue;
    }
    if (n == tc) { if (list_push(&c->list, n)) return -1; n = dom_next(t, n, 1); continue; }
    n = d < depth ? dom_next(t, n, 0) : dom_next(t, n, 1);
    if (n >= 0 && !dom_is_ancestor(t, anc, n)) break;
  }
  /* keep the run of chunks around tc whose gaps are thin */
  int at = -1;
  for (int i = 0; i < c->list.n; i++) if (c->list.v[i] == tc) at = i;
  int lo = at, hi = at;
  while (lo > 0 && gap_text(c, c->list.v[lo - 1], c->list.v[lo]) <= SPLIT_GAP_MAX) lo--;
  while (hi + 1 < c->list.n && gap_text(c, c->list.v[hi], c->list.v[hi + 1]) <= SPLIT_GAP_MAX) hi++;
  (void)last;
  int k = 0;
  for (int i = lo; i <= hi; i++) c->list.v[k++] = c->list.v[i];
  c->list.n = k;
  return 0;
}

uint32_t merge_reach(fctx *c, int32_t tc) {
  dtree *t = c->t;
  int32_t parent = t->n[tc].parent;
  uint32_t sum = eff_len_of(c, tc);
  if (parent < 0) return sum;
  const char *tcls = dom_attr(t, tc, "class");
  if (!tcls) tcls = "";
  float tscore = t->n[tc].score;
  for (int32_t s = dom_first_elem(t, parent); s >= 0; s = dom_next_elem(t, s))
    if (s != tc && !mostly_listing(c, s) && readability_sibling(c, s, tscore, tcls)) sum += eff_len_of(c, s);
  return sum;
}

int32_t merge_container(fctx *c, int32_t tc, int readability, int32_t *dir_node) {
  dtree *t = c->t;
  int32_t parent = t->n[tc].parent;
  *dir_node = parent;
  if (split_chunks(c, tc)) return -1;
  nodelist chunks = {0};
  for (int i = 0; i < c->list.n; i++)
    if (list_push(&chunks, c->list.v[i])) { free(chunks.v); return -1; }
  int32_t art = dom_new(t, T_DIV);
  if (art < 0) { free(chunks.v); return -1; }
  if (parent < 0) {
    dom_append(t, art, tc);
    free(chunks.v);
    return art;
  }
  float tscore = t->n[tc].score;
  const char *tcls = dom_attr(t, tc, "class");
  if (!tcls) tcls = "";
  if (c->tr && chunks.n > 1) {
    trace_item *it = trace_add(c->tr, TR_CANDIDATE, orig_of(c, tc), "split-body", "merged", NULL, 0);
    if (it) it->count = chunks.n;
  }
  /* chunks before tc's parent's children, in document order, then the
   * siblings, then chunks after */
  int k = 0;
  while (k < chunks.n && chunks.v[k] != tc && !dom_is_ancestor(t, parent, chunks.v[k])) {
    int32_t ch = chunks.v[k++];
    dom_append(t, art, ch);
  }
  for (int32_t s = dom_first_elem(t, parent); s >= 0;) {
    int32_t next = dom_next_elem(t, s);
    int append = s == tc;
    if (!append) {
      for (int i = 0; i < chunks.n && !append; i++) append = chunks.v[i] == s;
    }
    if (!append && readability && !mostly_listing(c, s)) append = readability_sibling(c, s, tscore, tcls);
    if (append) {
      int tag = t->n[s].tag;
      if (tag != T_DIV && tag != T_ARTICLE && tag != T_SECTION && tag != T_P) t->n[s].tag = T_DIV;
      dom_append(t, art, s);
    }
    s = next;
  }
  for (; k < chunks.n; k++) {
    int32_t ch = chunks.v[k];
    if (t->n[ch].parent == art || ch == tc) continue;
    if (dom_is_ancestor(t, art, ch)) continue;
    dom_append(t, art, ch);
  }
  free(chunks.v);
  return art;
}
