/* prep.c: cleaning a chosen container, whichever source proposed it.
 *
 * First the listings (listing.c) inside it: teaser runs always go, with
 * their heading; runs of bare links go under a marker phrase heading
 * (a table of contents or a list of sources in the text stays).  Then Readability.js's
 * prepArticle: forms, embeds, footers, asides, share widgets, negative
 * headings, conditional cleaning of tables, lists and divs, empty
 * paragraphs, single-cell tables.  Aggregates of the container are kept
 * exact while it shrinks, so each test is O(1). */
#include "prep.h"
#include "words.h"
#include "readability.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "tags.h"
#include "utext.h"

#define PREP_AD_MAX_LEN     20    /* only texts this short can be an ad label       */
#define PREP_COMMAS_KEEP    10    /* Readability: ten commas keep a block           */

/* ===== TABLES ===== */

static void mark_data_tables(fctx *c, int32_t root) {
  dtree *t = c->t;
  for (int32_t n = t->n[root].first; n >= 0; n = dom_next_in(t, n, root, 0)) {
    if (!is_tag(t, n, T_TABLE)) continue;
    dnode *d = &t->n[n];
    d->flags &= (uint8_t)~DF_DATATABLE;
    const char *role = dom_attr(t, n, "role"), *dt = dom_attr(t, n, "datatable"), *sum = dom_attr(t, n, "summary");
    if (role && !strcmp(role, "presentation")) continue;
    if (dt && !strcmp(dt, "0")) continue;
    if (sum && *sum) { d->flags |= DF_DATATABLE; continue; }
    int data = 0, nested = 0;
    for (int32_t k = d->first; k >= 0; k = dom_next_in(t, k, n, 0)) {
      if (t->n[k].type != DN_ELEM) continue;
      int tag = t->n[k].tag;
      if (tag == T_CAPTION && data == 0 && t->n[k].first >= 0) data = 1;
      if (tag == T_COL || tag == T_COLGROUP || tag == T_TFOOT || tag == T_THEAD || tag == T_TH) data = 1;
      if (tag == T_TABLE) nested = 1;
    }
    if (data) { d->flags |= DF_DATATABLE; continue; }
    if (nested) continue;
    long rows = 0, cols = 0;
    for (int32_t tr = d->first; tr >= 0; tr = dom_next_in(t, tr, n, 0)) {
      if (!is_tag(t, tr, T_TR)) continue;
      const char *rs = dom_attr(t, tr, "rowspan");
      long r = rs ? strtol(rs, NULL, 10) : 0;
      rows += r > 0 ? r : 1;
      long inrow = 0;
      for (int32_t td = t->n[tr].first; td >= 0; td = dom_next_in(t, td, tr, 0)) {
        if (!is_tag(t, td, T_TD)) continue;
        const char *cs = dom_attr(t, td, "colspan");
        long cv = cs ? strtol(cs, NULL, 10) : 0;
        inrow += cv > 0 ? cv : 1;
      }
      if (inrow > cols) cols = inrow;
    }
    if (cols == 1 || rows == 1) continue;
    if (rows >= 10 || cols > 4 || rows * cols > 10) d->flags |= DF_DATATABLE;
  }
}

/* ===== THE CONTAINER'S ELEMENTS BY TAG, GATHERED ONCE ===== */

static const int GATHER[] = {T_FORM, T_FIELDSET, T_OBJECT, T_EMBED, T_FOOTER, T_LINK, T_ASIDE, T_IFRAME, T_INPUT,
                             T_TEXTAREA, T_SELECT, T_BUTTON, T_H1, T_H2, T_TABLE, T_UL, T_DIV, T_P, T_BR};
#define NGATHER ((int)(sizeof GATHER / sizeof *GATHER))

typedef struct gathered { nodelist by[NGATHER]; } gathered;

static int slot_of(int tag) {
  for (int k = 0; k < NGATHER; k++) if (GATHER[k] == tag) return k;
  return -1;
}

static int gather(const dtree *t, int32_t root, gathered *g) {
  memset(g, 0, sizeof *g);
  for (int32_t n = t->n[root].first; n >= 0; n = dom_next_in(t, n, root, 0)) {
    if (t->n[n].type != DN_ELEM) continue;
    int k = slot_of(t->n[n].tag);
    if (k >= 0 && list_push(&g->by[k], n)) return -1;
  }
  return 0;
}

static void gathered_free(gathered *g) {
  for (int k = 0; k < NGATHER; k++) free(g->by[k].v);
}

static const nodelist *with_tag(const gathered *g, int tag) { return &g->by[slot_of(tag)]; }

/* still inside the container (nothing above it was removed) */
/* A node gathered from the container is still in it unless a removal took
 * it out: one read (c->gone), not a climb to the container per question
 * (under thousands of nested elements that climb was the cost). */
static int inside(const fctx *c, int32_t n) { return n < c->gone_n && !c->gone[n]; }

/* n and its subtree leave the container */
static void mark_gone(fctx *c, int32_t n) {
  for (int32_t x = n; x >= 0; x = dom_next_in(c->t, x, n, 0))
    if (x < c->gone_n) c->gone[x] = 1;
}

static void unlink_from(fctx *c, int32_t n) {
  mark_gone(c, n);
  dom_unlink(c->t, n);
}

/* ===== REMOVAL WITH EXACT AGGREGATES ===== */

static void note(fctx *c, int32_t n, const char *rule) {
  if (!c->tr) return;
  inner_text(c->t, n, &c->tmp, 1);
  if (c->tmp.len) trace_add(c->tr, TR_DROP, orig_of(c, n), rule, NULL, sapo_buf_cstr(&c->tmp), c->tmp.len);
}

static void remove_in(fctx *c, int32_t n, int32_t art, const char *rule) {
  note(c, n, rule);
  int32_t parent = c->t->n[n].parent;
  if (parent >= 0 && (parent == art || inside(c, parent))) unfold_up(c, n, art);
  unlink_from(c, n);
}

/* Remove every descendant with tag (embeds keep video players). */
static void clean_tag(fctx *c, int32_t root, const gathered *g, int tag, const char *rule) {
  const nodelist *l = with_tag(g, tag);
  int embed = tag == T_OBJECT || tag == T_EMBED || tag == T_IFRAME;
  for (int32_t k = l->n - 1; k >= 0; k--) {
    int32_t n = l->v[k];
    if (!inside(c, n)) continue;
    if (embed && is_video_embed(c->t, n)) continue;
    remove_in(c, n, root, rule);
  }
}

/* ===== LISTINGS INSIDE THE CONTAINER ===== */

static int drop_listings(fctx *c, int32_t art) {
  dtree *t = c->t;
  if (!c->mark) return 0;
  /* the top-most listing nodes */
  nodelist found = {0};
  for (int32_t n = t->n[art].first; n >= 0;) {
    if (t->n[n].type == DN_ELEM && n < c->orig_count && (c->mark[n] & NM_LISTING)) {
      if (list_push(&found, n)) { free(found.v); return -1; }
      n = dom_next_in(t, n, art, 1);
      continue;
    }
    n = dom_next_in(t, n, art, 0);
  }
  for (int32_t i = 0; i < found.n; i++) {
    int32_t n = found.v[i];
    uint8_t m = c->mark[n];
    /* teaser runs go; runs of bare links go under a marker phrase
     * ("Related", "Tin liên quan"): elsewhere in the text they are as
     * often a table of contents or a list of sources */
    int drop = !(m & NM_WEAK) || (m & NM_CONFIRMED);
    if (drop && t->n[n].parent >= 0) remove_in(c, n, art, (m & NM_LIST_HEAD) ? "listing-heading" : "listing");
  }
  free(found.v);
  return 0;
}

/* ===== CONDITIONAL CLEANING ===== */

static int ci_equal(const char *a, size_t n, const char *lit) {
  return strlen(lit) == n && !strncasecmp(a, lit, n);
}

/* adWords / loadingWords: the whole text is an ad label or "loading". */
static int is_ad_or_loading(const char *s, size_t n) {
  size_t m = n;
  if (m >= 3 && !memcmp(s + m - 3, "...", 3)) m -= 3;
  else if (m >= 3 && !memcmp(s + m - 3, "\xE2\x80\xA6", 3)) m -= 3;
  for (const char *const *w = W_AD_LABELS; *w; w++) {
    if (ci_equal(s, n, *w)) return 1;
    if (m != n && ci_equal(s, m, *w) && w - W_AD_LABELS >= 10) return 1;  /* only loading words take "..." */
  }
  return 0;
}

/* _hasAncestorTag: max_depth < 0 means unlimited; 0 means the default 3. */
static int has_ancestor_tag(const dtree *t, int32_t i, int tag, int max_depth, int need_datatable) {
  if (max_depth == 0) max_depth = 3;
  int depth = 0;
  for (int32_t p = t->n[i].parent; p >= 0; p = t->n[p].parent, depth++) {
    if (max_depth > 0 && depth > max_depth) return 0;
    if (t->n[p].tag == tag && (!need_datatable || (t->n[p].flags & DF_DATATABLE))) return 1;
  }
  return 0;
}

/* Readability's _cleanConditionally test for one node, on the aggregates. */
static int should_clean(fctx *c, int32_t node, int tag) {
  dtree *t = c->t;
  const agg *a = &c->ag[node];
  int is_list = tag == T_UL || tag == T_OL;
  size_t inner = a->len;
  if (!is_list) is_list = inner ? (double)a->list_len / (double)inner > 0.9 : a->list_len > 0;
  if (tag == T_TABLE && (t->n[node].flags & DF_DATATABLE)) return 0;
  if (has_ancestor_tag(t, node, T_TABLE, -1, 1)) return 0;
  if (has_ancestor_tag(t, node, T_CODE, 0, 0)) return 0;
  if (a->n_datatable) return 0;
  int weight = class_weight(c, node);
  if (weight < 0) return 1;
  if (a->ascii_commas >= PREP_COMMAS_KEEP) return 0;
  if (a->n_video) return 0;
  long p = a->n_p, img = a->n_img, li = (long)a->n_li - 100, input = a->n_input, embeds = a->n_embed;
  double heading_density = inner ? (double)a->heading_len / (double)inner : 0;
  if (inner <= PREP_AD_MAX_LEN) {
    inner_text(t, node, &c->tmp, 1);
    if (is_ad_or_loading(sapo_buf_cstr(&c->tmp), c->tmp.len)) return 1;
  }
  size_t content_len = inner;
  double ld = inner ? (double)a->link / (double)inner : 0;
  double td = inner ? (double)a->textish_len / (double)inner : 0;
  int figure_child = has_ancestor_tag(t, node, T_FIGURE, 0, 0);
  int remove = 0;
  if (!figure_child && img > 1 && (double)p / (double)img < 0.5) remove = 1;
  if (!is_list && li > p) remove = 1;
  if (input > (long)floor((double)p / 3)) remove = 1;
  if (!is_list && !figure_child && heading_density < 0.9 && content_len < 25 && (img == 0 || img > 2) && ld > 0)
    remove = 1;
  if (!is_list && weight < 25 && ld > 0.2) remove = 1;
  if (weight >= 25 && ld > 0.5) remove = 1;
  if ((embeds == 1 && content_len < 75) || embeds > 1) remove = 1;
  if (img == 0 && td == 0) remove = 1;
  if (is_list && remove) {
    for (int32_t ch = dom_first_elem(t, node); ch >= 0; ch = dom_next_elem(t, ch))
      if (dom_elem_count(t, ch) > 1) return remove;
    if ((size_t)img == count_desc(t, node, T_LI)) return 0;
  }
  return remove;
}

static int clean_conditionally(fctx *c, int32_t root, const gathered *g, int tag) {
  if (!(c->flags & FLAG_CLEAN_CONDITIONALLY)) return 0;
  const nodelist *l = with_tag(g, tag);
  for (int32_t k = l->n - 1; k >= 0; k--) {
    int32_t node = l->v[k];
    if (!inside(c, node)) continue;
    if (should_clean(c, node, tag)) remove_in(c, node, root, "clean-conditionally");
  }
  return c->tmp.failed ? -1 : 0;
}

int prep_container(fctx *c, int32_t art, int listings) {
  dtree *t = c->t;
  gathered g;
  memset(&g, 0, sizeof g);
  int rc = 0;
  c->gone_n = t->count;
  c->gone = calloc((size_t)(t->count ? t->count : 1), 1);
  if (!c->gone) return -1;
  mark_data_tables(c, art);
  /* aggregates of the container, kept exact by remove_in() from here on */
  if (aggregates_at(c, art) || (listings && drop_listings(c, art)) || gather(t, art, &g)) { rc = -1; goto out; }
  if (clean_conditionally(c, art, &g, T_FORM) || clean_conditionally(c, art, &g, T_FIELDSET)) { rc = -1; goto out; }
  static const int junk[] = {T_OBJECT, T_EMBED, T_FOOTER, T_LINK, T_ASIDE};
  for (size_t k = 0; k < sizeof junk / sizeof *junk; k++) clean_tag(c, art, &g, junk[k], "junk-tag");
  /* share widgets under FIND_SHARE_MAX_LEN characters, below each top-level child */
  /* (no decision below reads the aggregates: they are counted again once,
   * after the widgets go, instead of once per widget up to the container) */
  int shared = 0;
  for (int32_t top = dom_first_elem(t, art); top >= 0; top = dom_next_elem(t, top)) {
    int32_t n = t->n[top].first;
    while (n >= 0) {
      if (t->n[n].type == DN_ELEM && (vocab_feat(c, n).f & VF_SHARE) && shown_u16len(t, n) < FIND_SHARE_MAX_LEN) {
        int32_t next = dom_next_in(t, n, top, 1);
        note(c, n, "share");
        unlink_from(c, n);
        shared = 1;
        n = next;
      } else n = dom_next_in(t, n, top, 0);
    }
  }
  if (shared && aggregates_at(c, art)) { rc = -1; goto out; }
  static const int junk2[] = {T_IFRAME, T_INPUT, T_TEXTAREA, T_SELECT, T_BUTTON};
  for (size_t k = 0; k < sizeof junk2 / sizeof *junk2; k++) clean_tag(c, art, &g, junk2[k], "junk-tag");
  /* headers with a negative class weight */
  for (int h = 0; h < 2; h++) {
    const nodelist *l = with_tag(&g, h ? T_H2 : T_H1);
    for (int32_t k = l->n - 1; k >= 0; k--)
      if (inside(c, l->v[k]) && class_weight(c, l->v[k]) < 0) remove_in(c, l->v[k], art, "negative-heading");
  }
  if (clean_conditionally(c, art, &g, T_TABLE) || clean_conditionally(c, art, &g, T_UL) ||
      clean_conditionally(c, art, &g, T_DIV)) { rc = -1; goto out; }
  c->ag_valid = 0;
  {
    const nodelist *l = with_tag(&g, T_H1);
    for (int32_t k = 0; k < l->n; k++) if (inside(c, l->v[k])) t->n[l->v[k]].tag = T_H2;
  }
  /* empty paragraphs */
  {
    const nodelist *l = with_tag(&g, T_P);
    for (int32_t k = l->n - 1; k >= 0; k--) {
      int32_t p = l->v[k];
      if (!inside(c, p)) continue;
      if (count_desc(t, p, T_IMG) + count_desc(t, p, T_EMBED) + count_desc(t, p, T_OBJECT) +
          count_desc(t, p, T_IFRAME) == 0 && text_blank(t, p))
        unlink_from(c, p);
    }
  }
  {
    const nodelist *l = with_tag(&g, T_BR);
    for (int32_t k = 0; k < l->n; k++) {
      int32_t br = l->v[k];
      if (!inside(c, br)) continue;
      int32_t next = t->n[br].next;
      while (next >= 0 && t->n[next].type != DN_ELEM && is_js_ws_text(t, next)) next = t->n[next].next;
      if (next >= 0 && is_tag(t, next, T_P)) unlink_from(c, br);
    }
  }
  /* single-cell tables become their cell */
  {
    const nodelist *l = with_tag(&g, T_TABLE);
    for (int32_t k = 0; k < l->n; k++) {
      int32_t table = l->v[k];
      if (!inside(c, table)) continue;
      int32_t tbody = rd_single_child(t, table, T_TBODY);
      if (tbody < 0) tbody = table;
      int32_t row = rd_single_child(t, tbody, T_TR);
      if (row < 0) continue;
      int32_t cell = rd_single_child(t, row, T_TD);
      if (cell < 0) continue;
      int all_phrasing = 1;
      for (int32_t ch = t->n[cell].first; ch >= 0; ch = t->n[ch].next)
        if (!rd_is_phrasing(t, ch)) { all_phrasing = 0; break; }
      t->n[cell].tag = all_phrasing ? T_P : T_DIV;
      /* the table, its body and its row leave (the cell stays) */
      c->gone[table] = c->gone[tbody] = c->gone[row] = 1;
      dom_replace(t, table, cell);
    }
  }
out:
  gathered_free(&g);
  free(c->gone);
  c->gone = NULL;
  c->gone_n = 0;
  return rc;
}
