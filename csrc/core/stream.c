/* stream.c: one article out of an infinite-scroll stream.
 *
 * A template that loads the next story as the reader scrolls leaves the
 * saved page with two or three articles in one column, each led by its
 * own headline: <article> elements side by side, repeated story wrappers
 * of one class, or the next <article> nested after the first one's text.
 * The scorer may take the next one (it is as long) or the column holding
 * both.  The principle: the article is the unit the page's title heads;
 * every other headline-led unit in its region is another article.
 *
 * A unit is an element whose first words are a heading (a short kicker
 * may stand before it), with paragraphs of its own: an <article> led by
 * an h1-h3, or an element led by a heading of the title heading's own
 * level that repeats the tag and class of a sibling unit.  The sections
 * of one article under sub-headings (a level below the title) are not.  More units than
 * STREAM_MAX_UNITS are a live blog or a feed, left whole. */
#include "stream.h"
#include <string.h>
#include "listing.h"
#include "tags.h"

#define STREAM_UP         4     /* levels climbed from the container to the title's region */
#define STREAM_UNIT_MIN   400   /* paragraph characters of an article unit                  */
#define STREAM_KICKER     40    /* characters before the headline (a kicker, a category)     */
#define STREAM_MAX_UNITS  4     /* more units are a live blog or a feed                      */

static int is_headline(int tag) { return tag == T_H1 || tag == T_H2 || tag == T_H3; }

/* the tag of the nearest h1-h3 around text node n, inside x, or 0 */
static int in_headline(const dtree *t, int32_t n, int32_t x) {
  for (int32_t p = t->n[n].parent; p >= 0 && p != t->n[x].parent; p = t->n[p].parent)
    if (is_headline(t->n[p].tag)) return t->n[p].tag;
  return 0;
}

/* the tag of the headline x's first words are in (h1-h3), or 0 */
static int headline_led(const dtree *t, int32_t x) {
  size_t before = 0;
  for (int32_t n = t->n[x].first; n >= 0; n = dom_next_in(t, n, x, 0)) {
    if (t->n[n].type != DN_TEXT || text_blank(t, n)) continue;
    int h = in_headline(t, n, x);
    if (h) return h;
    before += shown_u16len(t, n);
    if (before >= STREAM_KICKER) return 0;
  }
  return 0;
}

/* x holds the title heading (on the page as built: a pass may have dropped it) */
static int holds_title(const fctx *c, int32_t x) {
  for (int k = 0; k < c->title_anc_n; k++)
    if (c->title_anc[k] == x) return 1;
  return 0;
}

/* led by a headline that is a peer of the title's (the same tag: the
 * next article repeats the template; a sub-heading is a level below), or
 * by the title heading itself (a pass may have dropped it as a repeat);
 * an <article> led by any h1-h3 */
static int led(const fctx *c, int32_t x) {
  if (holds_title(c, x)) return 1;
  int h = headline_led(c->t, x);
  return h && (h == c->t->n[c->title_anc[0]].tag || c->t->n[x].tag == T_ARTICLE);
}

static int same_kind_sibling(const fctx *c, int32_t x) {
  const dtree *t = c->t;
  int32_t p = t->n[x].parent;
  if (p < 0) return 0;
  uint32_t sig = listing_signature(t, x);
  for (int32_t s = dom_first_elem(t, p); s >= 0; s = dom_next_elem(t, s))
    if (s != x && listing_signature(t, s) == sig && c->ag[s].p_len >= STREAM_UNIT_MIN && led(c, s)) return 1;
  return 0;
}

/* inside the <article> element that holds the title: one article, whose
 * parts are sections (only an <article> nested in it is another) */
static int in_title_article(const fctx *c, int32_t x, int32_t anchor) {
  const dtree *t = c->t;
  int32_t p = t->n[x].parent;
  for (int hop = 0; hop < 2; hop++, p = anchor) {   /* a merged container is detached: its anchor's chain next */
    for (; p >= 0; p = t->n[p].parent)
      if (t->n[p].tag == T_ARTICLE && holds_title(c, p)) return 1;
    if (anchor < 0) break;
  }
  return 0;
}

static int is_unit(const fctx *c, int32_t x, int32_t anchor) {
  const dtree *t = c->t;
  if (x >= c->ag_n || c->ag[x].p_len < STREAM_UNIT_MIN || !led(c, x)) return 0;
  if (t->n[x].tag == T_ARTICLE) return 1;
  return !in_title_article(c, x, anchor) && same_kind_sibling(c, x);
}

/* the top-most units under scope, into c->list (at most STREAM_MAX_UNITS + 1) */
static int units_under(fctx *c, int32_t scope, int32_t anchor) {
  const dtree *t = c->t;
  c->list.n = 0;
  for (int32_t n = dom_first_elem(t, scope); n >= 0;) {
    if (t->n[n].type == DN_ELEM && is_unit(c, n, anchor)) {
      if (list_push(&c->list, n)) return -1;
      if (c->list.n > STREAM_MAX_UNITS) return 0;
      n = dom_next_in(t, n, scope, 1);
      continue;
    }
    n = dom_next_in(t, n, scope, 0);
  }
  return 0;
}

static int32_t unit_holding_title(const fctx *c) {
  for (int32_t k = 0; k < c->list.n; k++)
    if (holds_title(c, c->list.v[k])) return c->list.v[k];
  return -1;
}


static void drop_unit(fctx *c, int32_t u) {
  if (c->tr) {
    inner_text(c->t, u, &c->tmp, 1);
    if (c->tmp.len) trace_add(c->tr, TR_DROP, orig_of(c, u), "next-article", NULL, sapo_buf_cstr(&c->tmp), c->tmp.len);
  }
  dom_unlink(c->t, u);
  c->ag_valid = 0;
}

/* root holds the title heading, or one of its wrappers still attached */
static int region_holds_title(const fctx *c, int32_t root) {
  for (int k = 0; k < c->title_anc_n; k++)
    if (c->title_anc[k] == root || dom_is_ancestor(c->t, root, c->title_anc[k])) return 1;
  return 0;
}

int32_t stream_choose(fctx *c, int32_t winner) {
  const dtree *t = c->t;
  if (!c->title_anc_n || winner < 0 || winner >= c->ag_n || !c->ag_valid) return winner;
  int32_t scope = winner;
  for (int up = 0; !holds_title(c, scope); up++) {
    if (up == STREAM_UP || scope == t->body || scope == t->html) return winner;
    scope = t->n[scope].parent;
    if (scope < 0) return winner;
  }
  if (units_under(c, scope, -1)) return -1;
  if (c->list.n < 2 || c->list.n > STREAM_MAX_UNITS) return winner;
  int32_t own = unit_holding_title(c);
  if (own < 0 || own == winner || dom_is_ancestor(t, own, winner)) return winner;
  if (c->tr) trace_add(c->tr, TR_DROP, orig_of(c, winner), "next-article", NULL, "", 0);
  return own;
}

int stream_prune(fctx *c, int32_t root, int32_t anchor) {
  if (!c->title_anc_n || root < 0 || !region_holds_title(c, root)) return 0;
  if (units_under(c, root, anchor)) return -1;
  if (c->list.n == 0 || c->list.n > STREAM_MAX_UNITS) return 0;
  int32_t own = unit_holding_title(c), heading = c->title_anc[0];
  nodelist *l = &c->list;
  for (int32_t k = 0; k < l->n; k++) {
    int32_t u = l->v[k];
    /* another article: beside the title's own unit, or after the heading */
    if (u != own && (own >= 0 || u > heading)) drop_unit(c, u);
  }
  return 0;
}
