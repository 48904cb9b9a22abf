/* readability.c: Mozilla Readability's grabArticle, as one of the finder's
 * candidate sources.  It follows Readability.js closely, so that its
 * well-studied behaviour (and test pages) carry over, on the compact tree:
 * "removing" a node is unlinking an index, and libxml2's document is never
 * changed.  Two changes: nodes inside teaser listings (listing.c) carry no
 * score, and ancestors of the title heading and of structural candidates
 * (NM_PROTECT) are never stripped as "unlikely" (a main column named
 * "sidebar-1" is still the main column). */
#include "readability.h"
#include "words.h"
#include <string.h>
#include "tags.h"
#include "utext.h"

/* Readability's initializeNode weights */
#define RD_W_DIV        5
#define RD_W_PRE        3
#define RD_W_LIST      -3
#define RD_W_HEADING   -5
/* scores reach this many ancestors, the distant ones divided down */
#define RD_LEVELS       5
/* candidates within this ratio of the top one share an ancestor test */
#define RD_ALT_RATIO    0.75f
#define RD_ALT_NEEDED   3
/* a byline is shorter than this (UTF-16 units) */
#define RD_BYLINE_MAX   100

int rd_is_phrasing(const dtree *t, int32_t i) {
  if (t->n[i].type == DN_TEXT) return 1;
  switch (t->n[i].tag) {
  case T_ABBR: case T_AUDIO: case T_B: case T_BDO: case T_BR: case T_BUTTON: case T_CITE: case T_CODE:
  case T_DATA: case T_DATALIST: case T_DFN: case T_EM: case T_EMBED: case T_I: case T_IMG: case T_INPUT:
  case T_KBD: case T_LABEL: case T_MARK: case T_MATH: case T_METER: case T_NOSCRIPT: case T_OBJECT:
  case T_OUTPUT: case T_PROGRESS: case T_Q: case T_RUBY: case T_SAMP: case T_SCRIPT: case T_SELECT:
  case T_SMALL: case T_SPAN: case T_STRONG: case T_SUB: case T_SUP: case T_TEXTAREA: case T_TIME:
  case T_VAR: case T_WBR:
    return 1;
  case T_A: case T_DEL: case T_INS:
    for (int32_t c = t->n[i].first; c >= 0; c = t->n[c].next)
      if (!rd_is_phrasing(t, c)) return 0;
    return 1;
  default:
    return 0;
  }
}

static int is_whitespace_node(const dtree *t, int32_t i) {
  return (t->n[i].type == DN_TEXT && is_js_ws_text(t, i)) || is_tag(t, i, T_BR);
}

/* Readability _nextNode: skip white-space-only text. */
static int32_t next_nonblank(const dtree *t, int32_t i) {
  while (i >= 0 && t->n[i].type != DN_ELEM && is_js_ws_text(t, i)) i = t->n[i].next;
  return i;
}

static int is_div_to_p_elem(int tag) {
  return tag == T_BLOCKQUOTE || tag == T_DL || tag == T_DIV || tag == T_IMG || tag == T_OL ||
         tag == T_P || tag == T_PRE || tag == T_TABLE || tag == T_UL;
}

static int has_child_block(const dtree *t, int32_t i) {
  for (int32_t n = t->n[i].first; n >= 0; n = dom_next_in(t, n, i, 0))
    if (t->n[n].type == DN_ELEM && is_div_to_p_elem(t->n[n].tag)) return 1;
  return 0;
}

static int text_ends_nonspace(const dtree *t, int32_t i) {
  const unsigned char *s = (const unsigned char *)t->n[i].text;
  size_t m = t->n[i].tlen;
  if (!m) return 0;
  size_t k = m - 1;
  while (k > 0 && (s[k] & 0xC0) == 0x80) k--;
  size_t j = k;
  return !sapo_is_space(sapo_u8_next(s, m, &j));
}

static int has_single_tag_inside(const dtree *t, int32_t i, int tag) {
  int32_t only = -1;
  int n = 0;
  for (int32_t c = t->n[i].first; c >= 0; c = t->n[c].next) {
    if (t->n[c].type == DN_ELEM) { n++; only = c; }
    else if (text_ends_nonspace(t, c)) return 0;
  }
  return n == 1 && t->n[only].tag == tag;
}

int32_t rd_single_child(const dtree *t, int32_t i, int tag) {
  return has_single_tag_inside(t, i, tag) ? dom_first_elem(t, i) : -1;
}

static int is_without_content(const dtree *t, int32_t i) {
  if (!text_blank(t, i)) return 0;
  int kids = dom_elem_count(t, i);
  if (!kids) return 1;
  return (size_t)kids == count_desc(t, i, T_BR) + count_desc(t, i, T_HR);
}

/* _hasAncestorTag within 3 levels */
static int near_ancestor(const dtree *t, int32_t i, int tag) {
  int depth = 0;
  for (int32_t p = t->n[i].parent; p >= 0 && depth <= 3; p = t->n[p].parent, depth++)
    if (t->n[p].tag == tag) return 1;
  return 0;
}

/* ===== PREP DOCUMENT ===== */

int rd_replace_brs(fctx *c, int32_t body) {
  dtree *t = c->t;
  /* the tree is as built (pre-order: body's subtree is the indices from
   * body to the node after it), so its <br>s are read off the array */
  nodelist brs = {0};
  int32_t end = dom_next(t, body, 1);
  if (end < 0) end = t->count;
  for (int32_t k = body + 1; k < end; k++)
    if (t->n[k].type == DN_ELEM && t->n[k].tag == T_BR && list_push(&brs, k)) { free(brs.v); return -1; }
  for (int32_t k = 0; k < brs.n; k++) {
    int32_t br = brs.v[k], next = t->n[br].next;
    int replaced = 0;
    while ((next = next_nonblank(t, next)) >= 0 && is_tag(t, next, T_BR)) {
      replaced = 1;
      int32_t sib = t->n[next].next;
      dom_unlink(t, next);
      next = sib;
    }
    if (!replaced || t->n[br].parent < 0) continue;
    int32_t p = dom_new(t, T_P);
    if (p < 0) { free(brs.v); return -1; }
    dom_replace(t, br, p);
    next = t->n[p].next;
    while (next >= 0) {
      if (is_tag(t, next, T_BR)) {
        int32_t ne = next_nonblank(t, t->n[next].next);
        if (ne >= 0 && is_tag(t, ne, T_BR)) break;
      }
      if (!rd_is_phrasing(t, next)) break;
      int32_t sib = t->n[next].next;
      dom_append(t, p, next);
      next = sib;
    }
    while (t->n[p].last >= 0 && is_whitespace_node(t, t->n[p].last)) dom_unlink(t, t->n[p].last);
    int32_t parent = t->n[p].parent;
    if (parent >= 0 && is_tag(t, parent, T_P)) t->n[parent].tag = T_DIV;
  }
  free(brs.v);
  return 0;
}

/* ===== THE WALK ===== */

static void init_node(fctx *c, int32_t i) {
  dnode *d = &c->t->n[i];
  float s = 0;
  switch (d->tag) {
  case T_DIV: s = RD_W_DIV; break;
  case T_PRE: case T_TD: case T_BLOCKQUOTE: s = RD_W_PRE; break;
  case T_ADDRESS: case T_OL: case T_UL: case T_DL: case T_DD: case T_DT: case T_LI: case T_FORM: s = RD_W_LIST; break;
  case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6: case T_TH: s = RD_W_HEADING; break;
  default: break;
  }
  d->score = s + (float)class_weight(c, i);
  d->flags |= DF_SCORED;
}

static int check_byline(fctx *c, int32_t i, nfeat f) {
  if (c->byline || c->in->have_byline) return 0;
  if (!(f.f & VF_BYLINE)) return 0;
  sapo_buf b = SAPO_BUF_INIT;
  inner_text(c->t, i, &b, 0);
  size_t len = sapo_u16len(sapo_buf_cstr(&b), b.len);
  if (len == 0 || len >= RD_BYLINE_MAX || b.failed) { sapo_buf_free(&b); return 0; }
  c->byline = sapo_buf_detach(&b, NULL);
  return 1;
}

static void drop_note(fctx *c, int32_t i, const char *rule) {
  if (!c->tr) return;
  sapo_buf b = SAPO_BUF_INIT;
  inner_text(c->t, i, &b, 1);
  if (b.len) trace_add(c->tr, TR_DROP, orig_of(c, i), rule, NULL, sapo_buf_cstr(&b), b.len);
  sapo_buf_free(&b);
}

static int32_t remove_and_next(fctx *c, int32_t i, const char *rule) {
  drop_note(c, i, rule);
  int32_t next = dom_next(c->t, i, 1);
  dom_unlink(c->t, i);
  return next;
}

/* Wrap runs of phrasing content of a <div> into <p>s. */
static int wrap_phrasing(fctx *c, int32_t div) {
  dtree *t = c->t;
  int32_t p = -1, child = t->n[div].first;
  while (child >= 0) {
    int32_t next = t->n[child].next;
    if (rd_is_phrasing(t, child)) {
      if (p >= 0) dom_append(t, p, child);
      else if (!is_whitespace_node(t, child)) {
        p = dom_new(t, T_P);
        if (p < 0) return -1;
        dom_replace(t, child, p);
        dom_append(t, p, child);
      }
    } else if (p >= 0) {
      while (t->n[p].last >= 0 && is_whitespace_node(t, t->n[p].last)) dom_unlink(t, t->n[p].last);
      p = -1;
    }
    child = next;
  }
  return 0;
}

static int protected_node(const fctx *c, int32_t i) { return i < c->orig_count && (c->mark[i] & NM_PROTECT); }

int rd_walk(fctx *c) {
  dtree *t = c->t;
  c->list.n = 0;
  /* The aggregates of the page as built stay right for a node the walk
   * reaches: it visits a node before anything below it changes, and
   * wrapping phrasing content changes no length.  New nodes fall back to
   * counting (link_density_of). */
  int32_t node = t->html;
  while (node >= 0) {
    dnode *d = &t->n[node];
    nfeat feat = vocab_feat(c, node);
    const char *chrome = chrome_of(c, node, feat);
    if (chrome && !protected_node(c, node) && !(c->keep_hidden && chrome[0] == 'h')) {
      node = remove_and_next(c, node, chrome);
      continue;
    }
    if (check_byline(c, node, feat)) { node = remove_and_next(c, node, "byline"); continue; }
    if (node == c->title_node) { node = remove_and_next(c, node, "title"); continue; }
    if ((c->flags & FLAG_STRIP_UNLIKELYS) && !protected_node(c, node)) {
      if ((feat.f & VF_UNLIKELY) && !near_ancestor(t, node, T_TABLE) && !near_ancestor(t, node, T_CODE) &&
          d->tag != T_BODY && d->tag != T_A) {
        if (node < c->orig_count) c->mark[node] |= NM_STRIPPED;
        node = remove_and_next(c, node, "unlikely");
        continue;
      }
      if (feat.f & VF_UNLIKELY_ROLE) { node = remove_and_next(c, node, "unlikely-role"); continue; }
    }
    int tag = d->tag;
    if ((tag == T_DIV || tag == T_SECTION || tag == T_HEADER || tag == T_H1 || tag == T_H2 || tag == T_H3 ||
         tag == T_H4 || tag == T_H5 || tag == T_H6) && is_without_content(t, node)) {
      node = remove_and_next(c, node, "empty");
      continue;
    }
    if (tag == T_SECTION || tag == T_H2 || tag == T_H3 || tag == T_H4 || tag == T_H5 || tag == T_H6 ||
        tag == T_P || tag == T_TD || tag == T_PRE) {
      if (list_push(&c->list, node)) return -1;
    }
    if (tag == T_DIV) {
      if (wrap_phrasing(c, node)) return -1;
      if (has_single_tag_inside(t, node, T_P) && !protected_node(c, node) && link_density_of(c, node) < 0.25) {
        int32_t child = dom_first_elem(t, node);
        /* a paragraph sapo made keeps the div's attributes (class="sapo") */
        if (!t->n[child].x) t->n[child].x = t->n[node].x;
        if (node < c->orig_count && child < c->orig_count) c->mark[child] |= c->mark[node] & (NM_IN_LISTING | NM_LISTING);
        dom_replace(t, node, child);
        node = child;
        if (list_push(&c->list, node)) return -1;
      } else if (!has_child_block(t, node)) {
        t->n[node].tag = T_P;
        if (list_push(&c->list, node)) return -1;
      }
    }
    node = dom_next(t, node, 0);
  }
  if (c->tmp.failed) return -1;
  return aggregates(c);
}

/* ===== SCORES AND THE TOP CANDIDATE ===== */

int32_t rd_top_candidate(fctx *c, int mask, float *score) {
  dtree *t = c->t;
  *score = 0;
  int32_t nscore = c->list.n;
  int32_t *to_score = malloc((size_t)(nscore ? nscore : 1) * sizeof *to_score);
  if (!to_score) return -2;
  if (nscore) memcpy(to_score, c->list.v, (size_t)nscore * sizeof *to_score);
  c->list.n = 0;  /* now: candidates */
  for (int32_t k = 0; k < nscore; k++) {
    int32_t e = to_score[k];
    int32_t parent = t->n[e].parent;
    if (parent < 0 || t->n[parent].type != DN_ELEM) continue;
    if (mask && in_listing(c, e)) continue;        /* teasers carry no score */
    size_t len = len_of(c, e);
    if (len < FIND_MIN_PARAGRAPH) continue;
    double cs = 1 + (double)(commas_of(c, e) + 1) + (double)(len / 100 < 3 ? len / 100 : 3);
    int32_t anc = parent;
    for (int level = 0; anc >= 0 && level < RD_LEVELS; level++, anc = t->n[anc].parent) {
      if (t->n[anc].parent < 0) continue;   /* the document element is never a candidate */
      if (!(t->n[anc].flags & DF_SCORED)) {
        init_node(c, anc);
        if (list_push(&c->list, anc)) { free(to_score); return -2; }
      }
      double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      t->n[anc].score += (float)(cs / div);
    }
  }
  free(to_score);

  int nb = c->in->nb_top > 0 ? c->in->nb_top : FIND_NB_TOP;
  if (nb > FIND_NB_TOP_MAX) nb = FIND_NB_TOP_MAX;
  int32_t top[FIND_NB_TOP_MAX];
  int ntop = 0;
  for (int32_t k = 0; k < c->list.n; k++) {
    int32_t cand = c->list.v[k];
    float s = t->n[cand].score * (float)(1 - link_density_of(c, cand));
    t->n[cand].score = s;
    if (mask && in_listing(c, cand)) continue;
    for (int j = 0; j < nb; j++) {
      if (j >= ntop || s > t->n[top[j]].score) {
        if (ntop < nb) ntop++;
        memmove(top + j + 1, top + j, (size_t)(ntop - j - 1) * sizeof *top);
        top[j] = cand;
        break;
      }
    }
  }
  int32_t tc = ntop ? top[0] : -1;
  if (tc < 0 || t->n[tc].tag == T_BODY) return -1;
  /* do three of the near-best candidates share an ancestor? */
  int nalt = 0;
  int32_t alt[FIND_NB_TOP_MAX];
  for (int k = 1; k < ntop; k++)
    if (t->n[top[k]].score / t->n[tc].score >= RD_ALT_RATIO) alt[nalt++] = top[k];
  if (nalt >= RD_ALT_NEEDED) {
    for (int32_t p = t->n[tc].parent; p >= 0 && t->n[p].tag != T_BODY; p = t->n[p].parent) {
      int hits = 0;
      for (int k = 0; k < nalt && hits < RD_ALT_NEEDED; k++) hits += dom_is_ancestor(t, p, alt[k]);
      if (hits >= RD_ALT_NEEDED) { tc = p; break; }
    }
  }
  if (!(t->n[tc].flags & DF_SCORED)) init_node(c, tc);
  /* climb while the parent's score is rising */
  int32_t p = t->n[tc].parent;
  float last = t->n[tc].score, threshold = last / 3;
  while (p >= 0 && t->n[p].tag != T_BODY) {
    if (!(t->n[p].flags & DF_SCORED)) { p = t->n[p].parent; continue; }
    float ps = t->n[p].score;
    if (ps < threshold) break;
    if (ps > last) { tc = p; break; }
    last = ps;
    p = t->n[p].parent;
  }
  /* an only child: use the parent, so the sibling merge sees more */
  p = t->n[tc].parent;
  while (p >= 0 && t->n[p].tag != T_BODY && t->n[p].parent >= 0 && dom_elem_count(t, p) == 1) {
    tc = p;
    p = t->n[tc].parent;
  }
  if (!(t->n[tc].flags & DF_SCORED)) init_node(c, tc);
  *score = t->n[tc].score;
  return tc;
}
