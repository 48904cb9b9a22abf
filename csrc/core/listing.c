/* listing.c: finding the teaser streams, related boxes, "most read"
 * sidebars, category lists and tag clouds of a page before anything is
 * scored, so that they can never be chosen as the article, never be merged
 * onto it, and are dropped when they sit inside it.
 *
 * The signals are structural and language-independent, used together:
 *   - a run: three or more element siblings with one signature (tag and
 *     class tokens, digits and state words ignored), the dominant one
 *     among the parent's children;
 *   - items that are teasers: one headline link (not a #fragment) making
 *     up a fair share of the item, plus at most a snippet, a date, a
 *     thumbnail; or bare links (menus, tag clouds: "weak" runs);
 *   - item texts short next to the page's prose paragraphs;
 *   - a heading over the run (marked with it).
 * A phrase table heading ("Tin liên quan", "Related", "Lesen Sie auch")
 * lowers the share of teaser items a run needs; it is never required.
 * Cost: one pass over the elements, each item's subtree read once. */
#include "listing.h"
#include "blocks.h"
#include "words.h"
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "phrases.h"
#include "tags.h"
#include "title.h"
#include "utext.h"

/* ===== NAMED KNOBS ===== */
#define LISTING_MIN_ITEMS        3     /* a run is at least this many items            */
#define LISTING_TEASER_SHARE     0.7   /* of the items must read as teasers            */
#define LISTING_TEASER_SHARE_HEAD 0.5  /* ... when a marker heading confirms the run   */
#define LISTING_HEADLINE_MIN     10    /* characters in the headline link              */
#define LISTING_SNIPPET_MAX      350   /* non-link characters a teaser may carry       */
#define LISTING_SNIPPET_MIN      40    /* ... and a snippet at least this long          */
#define LISTING_BARE_SHARE       0.6   /* link share of a bare-link item                */
#define LISTING_STANDALONE       0.8   /* the headline is this share of its block       */
#define LISTING_LINK_SHARE_MIN   0.2   /* link text share of a teaser                  */
#define LISTING_ITEM_MAX         700   /* an item longer than this is no teaser        */
#define LISTING_PARA_FACTOR      2.5   /* items at most this times the median paragraph */
#define LISTING_PARA_FLOOR       320   /* ... or this many characters                  */
#define LISTING_BOX_SHARE        0.8   /* items hold this share of the parent: a box   */
#define LISTING_HEAD_MAX         80    /* characters of a heading over a run           */
#define LISTING_INLINE_SHARE     0.8   /* inline items must be this share of the parent */
#define LISTING_HEADLINE_WORDS   5     /* words of a linked headline (a title, not a term) */
#define LISTING_BOX_CONTEXT      2     /* a headline box sits in text this many times its own */
#define LISTING_BOX_UP           3     /* ... within this many levels up                */

static uint32_t fnv(uint32_t h, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 16777619u; }
  return h;
}

static int is_state_word(const char *s, size_t n) {
  for (const char *const *w = W_STATE_TOKENS; *w; w++)
    if ((*w)[0] == s[0] && strlen(*w) == n && !strncmp(*w, s, n)) return 1;
  return 0;
}

/* tag + class tokens (order-free: tokens hashed and summed), ignoring
 * tokens with digits and state words */
uint32_t listing_signature(const dtree *t, int32_t i) {
  uint32_t h = 2166136261u ^ t->n[i].tag;
  h *= 16777619u;
  const char *cls = dom_attr(t, i, "class");
  uint32_t sum = 0;
  if (cls) {
    const char *p = cls;
    while (*p) {
      while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
      const char *s = p;
      int digit = 0;
      while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') { digit |= *p >= '0' && *p <= '9'; p++; }
      size_t n = (size_t)(p - s);
      if (n && !digit && !is_state_word(s, n)) sum += fnv(2166136261u, s, n);
    }
  }
  return h ^ (sum * 2654435761u);
}

static int bad_href(const char *h) {
  if (!h) return 1;
  while (*h == ' ') h++;
  return !*h || *h == '#' || !strncasecmp(h, "javascript:", 11) || !strncasecmp(h, "mailto:", 7) ||
         !strncasecmp(h, "tel:", 4);
}

/* The headline link stands alone: the nearest block around it (inside
 * the item) is nearly all that link's text, as in "<h3><a>...</a></h3>"
 * and unlike a link inside a sentence. */
static int standalone(const fctx *c, int32_t link, int32_t item) {
  const dtree *t = c->t;
  int32_t b = t->n[link].parent;
  while (b >= 0 && b != item && !(sapo_tag_flags[t->n[b].tag] & TF_BLOCK)) b = t->n[b].parent;
  if (b < 0) b = item;
  return c->ag[link].len >= LISTING_STANDALONE * c->ag[b].len;
}

/* 1 teaser, 2 bare link, 0 neither */
static int eval_item(fctx *c, int32_t item) {
  const dtree *t = c->t;
  const agg *a = &c->ag[item];
  uint32_t len = a->len;
  if (len == 0 || len > LISTING_ITEM_MAX) return 0;
  if (is_tag(t, item, T_A)) return bad_href(dom_attr(t, item, "href")) ? 0 : 2;
  uint32_t headline = 0;
  int32_t head_link = -1;
  int img = 0, heading = 0, links = 0;
  for (int32_t n = t->n[item].first; n >= 0; n = dom_next_in(t, n, item, 0)) {
    if (t->n[n].type != DN_ELEM) continue;
    int tag = t->n[n].tag;
    if (tag == T_IMG || tag == T_PICTURE) img = 1;
    else if (tag >= T_H1 && tag <= T_H6) heading = 1;
    else if (tag == T_A) {
      if (bad_href(dom_attr(t, n, "href"))) continue;
      links++;
      if (c->ag[n].len > headline) { headline = c->ag[n].len; head_link = n; }
    }
  }
  if (!links) return 0;
  double share = (double)a->link / (double)len;
  uint32_t nonlink = a->link < (float)len ? len - (uint32_t)a->link : 0;
  uint32_t rest = len > headline ? len - headline : 0;   /* snippet, date, category: linked or not */
  if (headline >= LISTING_HEADLINE_MIN && nonlink <= LISTING_SNIPPET_MAX && share >= LISTING_LINK_SHARE_MIN &&
      standalone(c, head_link, item) && (img || heading || rest >= LISTING_SNIPPET_MIN))
    return 1;
  return share >= LISTING_BARE_SHARE && nonlink < LISTING_HEADLINE_MIN ? 2 : 0;
}

/* ===== BOXES OF LINKED HEADLINES ===== */

/* the host an href names ("" when relative: the page's own) into host */
static void href_host(const char *h, char *host, size_t cap) {
  size_t k = 0;
  while (*h == ' ') h++;
  const char *p = strstr(h, "//");
  if (p && (p == h || p[-1] == ':')) {
    for (p += 2; *p && *p != '/' && *p != '?' && *p != '#' && k + 1 < cap; p++)
      host[k++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
  }
  host[k] = '\0';
}

/* Every item of the run is one link to the page's own site (relative, or
 * its host) whose text is a headline, not a term: a box of the site's own
 * stories ("relate" boxes between two paragraphs), whatever its class.  A
 * table of contents links #fragments, a list of sources other sites. */
static int headline_links(fctx *c, int32_t parent, uint32_t sig) {
  const dtree *t = c->t;
  char host[128], own[128] = "";
  if (c->in->page_url) href_host(c->in->page_url, own, sizeof own);
  int items = 0;
  for (int32_t k = dom_first_elem(t, parent); k >= 0; k = dom_next_elem(t, k)) {
    if (c->ag[k].len == 0 || listing_signature(t, k) != sig) continue;
    int32_t link = is_tag(t, k, T_A) ? k : -1;
    for (int32_t n = t->n[k].first; n >= 0 && link < 0; n = dom_next_in(t, n, k, 0))
      if (t->n[n].type == DN_ELEM && t->n[n].tag == T_A) link = n;
    if (link < 0) return 0;
    const char *href = dom_attr(t, link, "href");
    if (bad_href(href)) return 0;
    href_host(href, host, sizeof host);
    if (*host && strcmp(site_bare_host(host), site_bare_host(own))) return 0;
    inner_text(t, link, &c->tmp, 1);
    if (words(sapo_buf_cstr(&c->tmp), c->tmp.len) < LISTING_HEADLINE_WORDS) return 0;
    items++;
  }
  if (items < LISTING_MIN_ITEMS) return 0;
  /* a box inside an article's text (its wrappers climbed), not a page
   * that is only the links */
  int32_t up = t->n[parent].parent;
  for (int level = 0; up >= 0 && level < LISTING_BOX_UP; level++, up = t->n[up].parent)
    if (c->ag[up].len >= LISTING_BOX_CONTEXT * c->ag[parent].len) return 1;
  return 0;
}

/* ===== HEADINGS OVER A RUN ===== */

static int marker_phrase(fctx *c, int32_t i) {
  inner_text(c->t, i, &c->tmp, 1);
  const char *s = sapo_buf_cstr(&c->tmp);
  size_t n = c->tmp.len;
  if (!n || n > 200) return 0;
  char low[256];
  size_t o = 0, k = 0;
  const unsigned char *u = (const unsigned char *)s;
  while (k < n) {
    int32_t cp = utf8proc_tolower(sapo_u8_next(u, n, &k));
    unsigned char tmp[4];
    utf8proc_ssize_t w = utf8proc_encode_char(cp, tmp);
    if (o + (size_t)w + 1 >= sizeof low) break;
    memcpy(low + o, tmp, (size_t)w);
    o += (size_t)w;
  }
  while (o && (low[o - 1] == ':' || low[o - 1] == ' ' || low[o - 1] == '.')) o--;
  low[o] = '\0';
  return sapo_phrase_is(low, PH_SECTION);
}

/* the element right before `first` (skipping empty ones) when it reads as
 * a heading: h1-h6, or a short block without sentences */
static int32_t heading_before(fctx *c, int32_t first) {
  const dtree *t = c->t;
  for (int32_t p = dom_prev_elem(t, first); p >= 0; p = dom_prev_elem(t, p)) {
    uint32_t len = c->ag[p].len;
    if (len == 0) continue;            /* spacer, <hr>, empty ad slot */
    if (len > LISTING_HEAD_MAX) return -1;
    int tag = t->n[p].tag;
    if ((tag >= T_H1 && tag <= T_H6) || tag == T_DIV || tag == T_P || tag == T_SPAN || tag == T_HEADER ||
        tag == T_STRONG || tag == T_B)
      return p;
    return -1;
  }
  return -1;
}

static void mark_subtree(fctx *c, int32_t i, uint8_t bits) {
  const dtree *t = c->t;
  if (i >= c->orig_count) return;
  c->mark[i] |= bits;
  for (int32_t n = t->n[i].first; n >= 0; n = dom_next_in(t, n, i, 0))
    if (n < c->orig_count) c->mark[n] |= bits;
}

typedef struct { uint32_t sig; int32_t node; } sigpair;

static int by_sig(const void *a, const void *b) {
  uint32_t x = ((const sigpair *)a)->sig, y = ((const sigpair *)b)->sig;
  return x < y ? -1 : x > y;
}

/* the page's median prose paragraph length (p elements of 40+ characters,
 * link share under 0.3) */
static int by_int(const void *a, const void *b) {
  int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
  return (x > y) - (x < y);
}

static double median_paragraph(fctx *c) {
  const dtree *t = c->t;
  nodelist l = {0};
  for (int32_t i = 0; i < c->orig_count; i++) {
    if (!is_tag(t, i, T_P)) continue;
    const agg *a = &c->ag[i];
    if (a->len >= 40 && a->link < 0.3f * (float)a->len && list_push(&l, (int32_t)a->len)) { free(l.v); return 200; }
  }
  if (!l.n) { free(l.v); return 200; }
  /* (sorted in n log n: a page of many thousand paragraphs stays linear-ish) */
  qsort(l.v, (size_t)l.n, sizeof *l.v, by_int);
  double m = l.v[l.n / 2];
  free(l.v);
  return m;
}

int listing_detect(fctx *c) {
  dtree *t = c->t;
  if (t->html < 0) return 0;
  c->para_median = median_paragraph(c);
  double item_cap = c->para_median * LISTING_PARA_FACTOR;
  if (item_cap < LISTING_PARA_FLOOR) item_cap = LISTING_PARA_FLOOR;
  sigpair *sp = NULL;
  int32_t sp_cap = 0;
  int rc = 0;
  int32_t n = t->html;
  while (n >= 0) {
    if (n < c->orig_count && (c->mark[n] & NM_IN_LISTING)) { n = dom_next(t, n, 1); continue; }
    int kids = 0;
    for (int32_t k = dom_first_elem(t, n); k >= 0; k = dom_next_elem(t, k))
      if (c->ag[k].len > 0) kids++;
    if (kids < LISTING_MIN_ITEMS || c->ag[n].len == 0) { n = dom_next(t, n, 0); continue; }
    if (kids > sp_cap) {
      sigpair *p = realloc(sp, (size_t)kids * sizeof *p);
      if (!p) { rc = -1; break; }
      sp = p;
      sp_cap = kids;
    }
    int32_t m = 0;
    for (int32_t k = dom_first_elem(t, n); k >= 0; k = dom_next_elem(t, k))
      if (c->ag[k].len > 0) { sp[m].sig = listing_signature(t, k); sp[m].node = k; m++; }
    qsort(sp, (size_t)m, sizeof *sp, by_sig);
    /* the dominant signature */
    int32_t best_at = 0, best_n = 0;
    for (int32_t i = 0; i < m;) {
      int32_t j = i;
      while (j < m && sp[j].sig == sp[i].sig) j++;
      if (j - i > best_n) { best_n = j - i; best_at = i; }
      i = j;
    }
    if (best_n < LISTING_MIN_ITEMS) { n = dom_next(t, n, 0); continue; }
    uint32_t sig = sp[best_at].sig;
    int teasers = 0, bare = 0;
    uint64_t items_len = 0;
    int32_t first = -1;
    for (int32_t k = dom_first_elem(t, n); k >= 0; k = dom_next_elem(t, k)) {
      if (c->ag[k].len == 0 || listing_signature(t, k) != sig) continue;
      if (first < 0) first = k;
      int e = eval_item(c, k);
      teasers += e == 1;
      bare += e == 2;
      items_len += c->ag[k].len;
    }
    double mean = (double)items_len / best_n;
    /* inline items (links, spans) are a run only when they are the
     * parent's text, as in a tag cloud; not links inside a sentence */
    int inline_items = !(sapo_tag_flags[t->n[first].tag] & TF_BLOCK);
    if (inline_items && (double)items_len < LISTING_INLINE_SHARE * c->ag[n].len) { n = dom_next(t, n, 0); continue; }
    int32_t head = heading_before(c, first);
    int confirmed = head >= 0 && marker_phrase(c, head);
    double need = confirmed ? LISTING_TEASER_SHARE_HEAD : LISTING_TEASER_SHARE;
    int is_run = (double)(teasers + bare) >= need * best_n && mean <= item_cap;
    if (!is_run) { n = dom_next(t, n, 0); continue; }
    int weak = bare > teasers;
    uint8_t kind = (weak ? NM_WEAK : 0) | (confirmed ? NM_CONFIRMED : 0);
    int box = (double)items_len >= LISTING_BOX_SHARE * c->ag[n].len;
    for (int32_t k = dom_first_elem(t, n); k >= 0; k = dom_next_elem(t, k)) {
      if (c->ag[k].len == 0 || listing_signature(t, k) != sig) continue;
      mark_subtree(c, k, NM_IN_LISTING | kind);
      if (k < c->orig_count) c->mark[k] |= NM_LISTING;
    }
    if (box) {
      mark_subtree(c, n, NM_IN_LISTING | kind);
      c->mark[n] |= NM_LISTING;
      head = heading_before(c, n);
      if (head < 0) {   /* the heading may sit one level up, before the box's wrapper */
        int32_t p = t->n[n].parent;
        if (p >= 0 && dom_first_elem(t, p) == n) head = heading_before(c, p);
      }
    }
    /* a box of bare links under its own h2-h6 is a "see also" box in any
     * language, and so is a box of the site's own linked headlines:
     * confirmed as if its heading were in the phrase table */
    if (weak && box && ((head >= 0 && t->n[head].tag >= T_H2 && t->n[head].tag <= T_H6) || headline_links(c, n, sig))) {
      kind |= NM_CONFIRMED;
      mark_subtree(c, n, NM_CONFIRMED);
    }
    if (head >= 0 && head < c->orig_count) {
      mark_subtree(c, head, NM_IN_LISTING | kind);
      c->mark[head] |= NM_LISTING | NM_LIST_HEAD;
    }
    if (c->tr) {
      char sigtxt[200];
      const char *cls = dom_attr(t, first, "class");
      snprintf(sigtxt, sizeof sigtxt, "%s%s%.150s x%d", sapo_tag_names[t->n[first].tag], cls && *cls ? "." : "",
               cls ? cls : "", (int)best_n);
      trace_item *it = trace_add(c->tr, TR_LISTING, box ? n : first, weak ? "links" : "teasers",
                                 box ? "box" : "run", sigtxt, strlen(sigtxt));
      if (it) { it->count = best_n; it->length = (long)items_len; it->score = (double)(teasers + bare) / best_n; }
    }
    n = dom_next(t, n, box);
  }
  free(sp);
  return rc;
}

int listing_teaser_line(size_t chars, double link_share, int is_item) {
  return link_share >= 0.5 || chars < 80 || (is_item && chars < 160);
}
