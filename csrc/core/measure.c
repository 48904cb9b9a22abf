/* measure.c: text measures and bottom-up aggregates for the finder.
 *
 * Readability recomputes a node's text length, link density and comma
 * count for every candidate it looks at; here they are summed bottom-up
 * once per pass (aggregates), kept exact when cleaning unlinks a node
 * (unfold_up, O(depth)), and read in O(1).  Lengths count UTF-16 units
 * of textContent with inner white space runs as one, as Readability's
 * measures do, so thresholds carry over. */
#include "find.h"
#include <stdlib.h>
#include <string.h>
#include "tags.h"
#include "utext.h"

int list_push(nodelist *l, int32_t v) {
  if (l->n == l->cap) {
    int32_t cap = l->cap ? l->cap * 2 : 256;
    int32_t *p = realloc(l->v, (size_t)cap * sizeof *p);
    if (!p) return -1;
    l->v = p;
    l->cap = cap;
  }
  l->v[l->n++] = v;
  return 0;
}

int is_tag(const dtree *t, int32_t i, int tag) { return i >= 0 && t->n[i].type == DN_ELEM && t->n[i].tag == tag; }

int is_js_ws_text(const dtree *t, int32_t i) { return (t->n[i].flags & DF_BLANK) != 0; }   /* (dom_build) */

/* Whole subtree text is white space (textContent.trim() === ""). */
int text_blank(const dtree *t, int32_t i) {
  if (t->n[i].type == DN_TEXT) return is_js_ws_text(t, i);
  for (int32_t n = t->n[i].first; n >= 0; n = dom_next_in(t, n, i, 0))
    if (t->n[n].type == DN_TEXT && !is_js_ws_text(t, n)) return 0;
  return 1;
}

/* raw_u16len with each run of white space counted once (what a reader
 * sees of an indented widget) */
size_t shown_u16len(const dtree *t, int32_t i) {
  size_t k = 0;
  int space = 1;
  for (int32_t n = t->n[i].first; n >= 0; n = dom_next_in(t, n, i, 0)) {
    if (t->n[n].type != DN_TEXT) continue;
    const unsigned char *s = (const unsigned char *)t->n[n].text;
    size_t len = t->n[n].tlen;
    for (size_t j = 0; j < len;) {
      int32_t cp = sapo_u8_next(s, len, &j);
      if (sapo_is_space(cp)) { if (!space) k++; space = 1; continue; }
      space = 0;
      k += cp >= 0x10000 ? 2 : 1;
    }
  }
  return k;
}

size_t count_desc(const dtree *t, int32_t i, int tag) {
  size_t k = 0;
  for (int32_t n = t->n[i].first; n >= 0; n = dom_next_in(t, n, i, 0)) k += is_tag(t, n, tag);
  return k;
}

/* Commas of Latin, Arabic, Chinese and other scripts (Readability). */
int is_comma(int32_t c) {
  return c == 0x2C || c == 0x60C || c == 0xFE50 || c == 0xFE10 || c == 0xFE11 || c == 0x2E41 ||
         c == 0x2E34 || c == 0x2E32 || c == 0xFF0C;
}

size_t count_commas(const dtree *t, int32_t i) {
  size_t k = 0;
  for (int32_t n = t->n[i].type == DN_TEXT ? i : t->n[i].first; n >= 0;
       n = (n == i) ? -1 : dom_next_in(t, n, i, 0)) {
    if (t->n[n].type != DN_TEXT) continue;
    const unsigned char *s = (const unsigned char *)t->n[n].text;
    size_t m = t->n[n].tlen, j = 0;
    while (j < m) {
      unsigned char b = s[j];
      if (b == ',') { k++; j++; continue; }
      if (b < 0x80) { j++; continue; }
      if (is_comma(sapo_u8_next(s, m, &j))) k++;
    }
  }
  return k;
}

/* textContent into b (replacing its content): trimmed, and with
 * normalize, inner white space runs as one space. */
void inner_text(const dtree *t, int32_t i, sapo_buf *b, int normalize) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
  int ws = 0, started = 0;
  int32_t n = t->n[i].type == DN_TEXT ? i : t->n[i].first;
  size_t wstart = 0;
  for (; n >= 0; n = (n == i) ? -1 : dom_next_in(t, n, i, 0)) {
    if (t->n[n].type != DN_TEXT) continue;
    const unsigned char *s = (const unsigned char *)t->n[n].text;
    size_t m = t->n[n].tlen, k = 0;
    while (k < m) {
      size_t at = k;
      unsigned char ch = s[k];
      int32_t cp = ch < 0x80 ? (k++, ch) : sapo_u8_next(s, m, &k);
      if (sapo_is_space(cp)) {
        if (!ws) wstart = b->len;
        ws++;
        if (started && !normalize) sapo_buf_add(b, s + at, k - at);
        continue;
      }
      if (ws && started && normalize) sapo_buf_addc(b, ' ');
      ws = 0;
      started = 1;
      sapo_buf_add(b, s + at, k - at);
    }
  }
  if (!normalize && ws && started) b->len = wstart;  /* trim the end */
  if (b->data) b->data[b->len] = '\0';
}

/* ===== AGGREGATES ===== */

agg measure_text(const char *str, size_t m) {
  agg a;
  memset(&a, 0, sizeof a);
  const unsigned char *s = (const unsigned char *)str;
  size_t k = 0;
  int ws = 0;
  while (k < m) {
    if (k + 8 <= m) {
      uint64_t w;
      memcpy(&w, s + k, 8);
      if (sapo_plain8(s + k, w)) {
        if (ws && (a.f & AG_NONEMPTY)) a.len++;
        ws = 0;
        a.f |= AG_NONEMPTY;
        a.len += 8;
        uint32_t commas = (uint32_t)__builtin_popcountll(sapo_bytes_eq(w, ','));
        a.commas += commas;
        a.ascii_commas += commas;
        k += 8;
        continue;
      }
    }
    unsigned char b = s[k];
    if (b > 0x20 && b < 0x7F) {
      /* a run of printable ASCII: counted in one go */
      if (ws && (a.f & AG_NONEMPTY)) a.len++;
      ws = 0;
      a.f |= AG_NONEMPTY;
      size_t st = k;
      for (; k < m && s[k] > 0x20 && s[k] < 0x7F; k++)
        if (s[k] == ',') { a.commas++; a.ascii_commas++; }
      a.len += (uint32_t)(k - st);
      continue;
    }
    int32_t cp = b < 0x80 ? (k++, b) : sapo_u8_next(s, m, &k);
    if (sapo_is_space(cp)) {
      ws = 1;
      if (!(a.f & AG_NONEMPTY)) a.f |= AG_LEAD | AG_WS;
      continue;
    }
    if (ws && (a.f & AG_NONEMPTY)) a.len++;
    ws = 0;
    a.f |= AG_NONEMPTY;
    a.len += cp >= 0x10000 ? 2 : 1;
    if (b == ',') { a.commas++; a.ascii_commas++; }
    else if (cp >= 0x80 && is_comma(cp)) a.commas++;
  }
  if (ws) a.f |= (a.f & AG_NONEMPTY) ? AG_TRAIL : AG_WS;
  if (!(a.f & AG_NONEMPTY)) a.f &= (uint8_t)~(AG_LEAD | AG_TRAIL);
  return a;
}

static agg text_summary(const dnode *d) {
  if (d->flags & DF_BLANK) {   /* white space only (dom_build read it): what measure_text would say */
    agg a;
    memset(&a, 0, sizeof a);
    a.f = d->tlen ? AG_WS : 0;
    return a;
  }
  return measure_text(d->text, d->tlen);
}

/* a followed by b, as one text (white space runs count one) */
static void agg_append(agg *a, const agg *b) {
  a->commas += b->commas;
  a->ascii_commas += b->ascii_commas;
  a->link += b->link;
  a->n_p += b->n_p; a->n_img += b->n_img; a->n_li += b->n_li; a->n_input += b->n_input;
  a->n_embed += b->n_embed; a->n_video += b->n_video; a->n_datatable += b->n_datatable;
  a->heading_len += b->heading_len; a->textish_len += b->textish_len; a->list_len += b->list_len;
  a->listing_len += b->listing_len; a->p_len += b->p_len;
  if (!(b->f & AG_NONEMPTY)) {
    if (b->f & AG_WS) a->f |= (a->f & AG_NONEMPTY) ? AG_TRAIL : AG_WS;
    return;
  }
  if (!(a->f & AG_NONEMPTY)) {
    uint8_t lead = (a->f & AG_WS) || (b->f & AG_LEAD) ? AG_LEAD : 0;
    a->len = b->len;
    a->f = (uint8_t)(AG_NONEMPTY | lead | (b->f & AG_TRAIL));
    return;
  }
  a->len += b->len + (((a->f & AG_TRAIL) || (b->f & AG_LEAD)) ? 1 : 0);
  a->f = (uint8_t)((a->f & ~AG_TRAIL) | (b->f & AG_TRAIL));
}

static int textish(int tag) {
  return tag == T_SPAN || tag == T_LI || tag == T_TD || tag == T_BLOCKQUOTE || tag == T_DL || tag == T_DIV ||
         tag == T_IMG || tag == T_OL || tag == T_P || tag == T_PRE || tag == T_TABLE || tag == T_UL;
}

static int is_listing_node(const fctx *c, int32_t n) {
  return n < c->orig_count && c->mark && (c->mark[n] & NM_LISTING);
}

/* What a finished node adds to its parent beyond its text: itself as a
 * counted element (p, img, li, ...), its length as heading/list/"textish"
 * text, its link text when it is a link, its text as listing text when it
 * is a listing. */
static void agg_finish(fctx *c, int32_t n, agg *out) {
  dtree *t = c->t;
  *out = c->ag[n];
  if (t->n[n].type != DN_ELEM) return;
  agg *a = &c->ag[n];
  int tag = t->n[n].tag;
  switch (tag) {
  case T_A: {
    float l = (float)a->len * ((t->n[n].flags & DF_LINKHASH) ? 0.3f : 1.0f);
    a->link += l;
    out->link += l;
    break;
  }
  case T_P: out->n_p++; break;
  case T_IMG: out->n_img++; break;
  case T_LI: out->n_li++; break;
  case T_INPUT: out->n_input++; break;
  case T_OBJECT: case T_EMBED: case T_IFRAME:
    if (is_video_embed(t, n)) out->n_video++; else out->n_embed++;
    break;
  case T_TABLE: if (t->n[n].flags & DF_DATATABLE) out->n_datatable++; break;
  default: break;
  }
  if (tag >= T_H1 && tag <= T_H6) out->heading_len += a->len;
  if (tag == T_UL || tag == T_OL) out->list_len += a->len;
  if (textish(tag)) out->textish_len += a->len;
  if (tag == T_P || tag == T_PRE || tag == T_BLOCKQUOTE) out->p_len = a->len;   /* nested p count once */
  if (is_listing_node(c, n)) out->listing_len = a->len;
}

static int ag_reserve(fctx *c) {
  dtree *t = c->t;
  if (t->count > c->ag_cap) {
    int32_t cap = t->count + t->count / 2 + 16;
    agg *p = realloc(c->ag, (size_t)cap * sizeof *p);
    if (!p) return -1;
    c->ag = p;
    c->ag_cap = cap;
  }
  c->ag_n = t->count;
  return 0;
}

int aggregates_at(fctx *c, int32_t root) {
  dtree *t = c->t;
  if (ag_reserve(c)) return -1;
  if (root < 0) { c->ag_valid = 1; return 0; }
  memset(&c->ag[root], 0, sizeof *c->ag);
  int32_t n = t->n[root].first;
  while (n >= 0) {
    dnode *d = &t->n[n];
    if (d->type == DN_TEXT) {
      /* a text node's summary never changes: the page's own are read once */
      if (n >= c->text_ready) c->ag[n] = text_summary(d);
    }
    else {
      memset(&c->ag[n], 0, sizeof *c->ag);
      if (d->first >= 0) { n = d->first; continue; }
    }
    /* n is finished: fold it into its parent, climbing while parents finish */
    for (;;) {
      int32_t p = t->n[n].parent;
      agg add;
      agg_finish(c, n, &add);
      agg_append(&c->ag[p], &add);
      if (t->n[n].next >= 0) { n = t->n[n].next; break; }
      n = p;
      if (n == root) { n = -1; break; }
    }
  }
  agg self;
  agg_finish(c, root, &self);   /* a link at the root counts for itself */
  c->ag_valid = 1;
  return 0;
}

int aggregates(fctx *c) {
  if (aggregates_at(c, c->t->html)) return -1;
  /* every text node of the page is under <html>: their summaries stay in
   * ag[] (nothing else writes a text node's entry) */
  if (c->t->html >= 0 && c->text_ready < c->orig_count) c->text_ready = c->orig_count;
  return 0;
}

#define SUB(f) (a->f = a->f > d.f ? a->f - d.f : 0)

/* Before unlinking x: take its contribution out of every ancestor up to
 * stop (inclusive), in O(depth).  Counts and sums are exact; a text length
 * loses x's length and one separating space (exact for blocks separated by
 * white space, the normal case). */
void unfold_up(fctx *c, int32_t x, int32_t stop) {
  dtree *t = c->t;
  agg d;
  agg_finish(c, x, &d);
  uint32_t dlen = d.len + ((d.f & AG_NONEMPTY) ? 1 : 0);
  for (int32_t p = t->n[x].parent; p >= 0; p = t->n[p].parent) {
    agg *a = &c->ag[p];
    SUB(commas); SUB(ascii_commas); SUB(n_p); SUB(n_img); SUB(n_li); SUB(n_input); SUB(n_embed);
    SUB(n_video); SUB(n_datatable); SUB(heading_len); SUB(textish_len); SUB(list_len);
    SUB(listing_len); SUB(p_len);
    a->link = a->link > d.link ? a->link - d.link : 0;
    a->len = a->len > dlen ? a->len - dlen : 0;
    if (p == stop) break;
    /* what p passes up changes too: its own length where its tag counts it */
    int tag = t->n[p].tag;
    if (tag == T_A) {
      d.link += (float)dlen * ((t->n[p].flags & DF_LINKHASH) ? 0.3f : 1.0f);
    }
    if (tag >= T_H1 && tag <= T_H6) d.heading_len += dlen;
    if (tag == T_UL || tag == T_OL) d.list_len += dlen;
    if (textish(tag)) d.textish_len += dlen;
    /* a paragraph or a listing passes up its whole length */
    if (tag == T_P || tag == T_PRE || tag == T_BLOCKQUOTE) d.p_len = dlen;
    if (is_listing_node(c, p)) d.listing_len = dlen;
  }
}
#undef SUB

/* Length (UTF-16 units) of textContent.trim().replace(/\s{2,}/g, " "). */
static size_t inner_len(const dtree *t, int32_t i) {
  size_t len = 0;
  int ws = 0, started = 0;
  int32_t n = t->n[i].type == DN_TEXT ? i : t->n[i].first;
  for (; n >= 0; n = (n == i) ? -1 : dom_next_in(t, n, i, 0)) {
    if (t->n[n].type != DN_TEXT) continue;
    const unsigned char *s = (const unsigned char *)t->n[n].text;
    size_t m = t->n[n].tlen, k = 0;
    while (k < m) {
      unsigned char b = s[k];
      int32_t cp = b < 0x80 ? (k++, b) : sapo_u8_next(s, m, &k);
      if (sapo_is_space(cp)) { ws = 1; continue; }
      if (ws && started) len++;
      ws = 0;
      started = 1;
      len += cp >= 0x10000 ? 2 : 1;
    }
  }
  return len;
}

static double link_density(const dtree *t, int32_t i) {
  size_t total = inner_len(t, i);
  if (!total) return 0;
  double links = 0;
  for (int32_t n = t->n[i].first; n >= 0; n = dom_next_in(t, n, i, 0)) {
    if (!is_tag(t, n, T_A)) continue;
    double coeff = (t->n[n].flags & DF_LINKHASH) ? 0.3 : 1;
    links += (double)inner_len(t, n) * coeff;
  }
  return links / (double)total;
}

/* inner_len from the summaries ag[] keeps of the page's text nodes (read
 * once, by the first aggregates): the subtree's texts folded as
 * aggregates fold them, without reading their bytes again */
static size_t folded_len(fctx *c, int32_t i) {
  const dtree *t = c->t;
  agg acc;
  memset(&acc, 0, sizeof acc);
  int32_t n = t->n[i].type == DN_TEXT ? i : t->n[i].first;
  for (; n >= 0; n = (n == i) ? -1 : dom_next_in(t, n, i, 0)) {
    if (t->n[n].type != DN_TEXT) continue;
    agg one = n < c->text_ready && n < c->ag_n ? c->ag[n] : text_summary(&t->n[n]);
    agg_append(&acc, &one);
  }
  return acc.len;
}

size_t len_of(fctx *c, int32_t i) {
  if (c->ag_valid && i < c->ag_n) return c->ag[i].len;
  return c->ag ? folded_len(c, i) : inner_len(c->t, i);
}

double link_density_of(fctx *c, int32_t i) {
  if (c->ag_valid && i < c->ag_n) return c->ag[i].len ? (double)c->ag[i].link / (double)c->ag[i].len : 0;
  return link_density(c->t, i);
}

size_t commas_of(fctx *c, int32_t i) {
  if (c->ag_valid && i < c->ag_n) return c->ag[i].commas;
  return count_commas(c->t, i);
}

uint32_t eff_len_of(const fctx *c, int32_t i) {
  const agg *a = &c->ag[i];
  return a->len > a->listing_len ? a->len - a->listing_len : 0;
}

int32_t orig_of(const fctx *c, int32_t i) {
  while (i >= c->orig_count && i >= 0) i = c->t->n[i].parent;
  return i;
}

int in_listing(const fctx *c, int32_t i) {
  if (!c->mark) return 0;
  i = orig_of(c, i);
  return i >= 0 && (c->mark[i] & NM_IN_LISTING);
}
