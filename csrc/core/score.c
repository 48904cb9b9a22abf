/* score.c: finding the article (see score.h for the cascade).
 *
 * This follows Mozilla Readability's grabArticle/prepArticle closely, so
 * that its well-studied behaviour (and test pages) carry over, but runs on
 * the compact dtree: "removing" a node is unlinking an index, a retry is a
 * memcpy of the original array, and libxml2's document is never changed.
 * Constants carry Readability's names and values. */
#include "score.h"
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "tags.h"
#include "utext.h"

#define FLAG_STRIP_UNLIKELYS     1
#define FLAG_WEIGHT_CLASSES      2
#define FLAG_CLEAN_CONDITIONALLY 4

/* ===== CLASS / ID VOCABULARY (Readability REGEXPS) ===== */

static const char *const UNLIKELY[] = {
  "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus",
  "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
  "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
  "pagination", "pager", "popup", "yom-remote", NULL};
static const char *const OK_MAYBE[] = {"and", "article", "body", "column", "content", "main", "shadow", NULL};
static const char *const POSITIVE[] = {
  "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post",
  "text", "blog", "story", NULL};
static const char *const NEGATIVE[] = {
  "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote", "gdpr",
  "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
  "skyscraper", "sponsor", "shopping", "tags", "widget", NULL};
static const char *const BYLINE[] = {"byline", "author", "dateline", "writtenby", "p-author", NULL};
static const char *const UNLIKELY_ROLES[] = {
  "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", NULL};
static const char *const VIDEO_HOSTS[] = {
  "dailymotion.com", "youtube.com", "youtube-nocookie.com", "player.vimeo.com", "v.qq.com",
  "archive.org", "upload.wikimedia.org", "player.twitch.tv", NULL};

/* Lower-case ASCII copy of s into dst (cap bytes, NUL-terminated). */
static size_t lower_copy(char *dst, size_t cap, const char *s, size_t at) {
  for (; s && *s && at + 1 < cap; s++) dst[at++] = (char)tolower((unsigned char)*s);
  dst[at] = '\0';
  return at;
}

static int has_any(const char *s, const char *const *list) {
  if (s[0] == '\0' || (s[0] == ' ' && s[1] == '\0')) return 0;   /* no class, no id */
  for (; *list; list++)
    if (strstr(s, *list)) return 1;
  return 0;
}

/* NEGATIVE also matches the word "hid" (^hid$| hid$| hid |^hid ). */
static int is_negative(const char *s) {
  if (has_any(s, NEGATIVE)) return 1;
  for (const char *p = s; (p = strstr(p, "hid")); p++)
    if ((p == s || p[-1] == ' ') && (p[3] == '\0' || p[3] == ' ')) return 1;
  return 0;
}

/* (\b|_)(share|sharedaddy)(\b|_) */
static int is_share(const char *s) {
  for (const char *p = s; (p = strstr(p, "share")); p++) {
    int before = p == s || !isalnum((unsigned char)p[-1]);
    const char *e = p + 5;
    if (!strncmp(e, "daddy", 5)) {
      const char *e2 = e + 5;
      if (before && !isalnum((unsigned char)*e2)) return 1;
    }
    if (before && !isalnum((unsigned char)*e)) return 1;
  }
  return 0;
}

/* Per-node aggregates, computed bottom-up once after the walk (when the
 * tree stops changing until the article is cleaned): what Readability
 * recomputes for every candidate becomes a lookup. */
typedef struct agg {
  uint32_t len;        /* score_inner_len of the node                      */
  uint32_t commas;     /* Unicode commas in its text                       */
  uint32_t ascii_commas;
  float link;          /* link text length (x0.3 for #anchors), nested too */
  /* sums over descendants (not the node itself), for conditional cleaning */
  uint32_t n_p, n_img, n_li, n_input, n_embed, n_video, n_datatable;
  uint32_t heading_len, textish_len, list_len;
  uint8_t f;           /* AG_* summary bits, for combining siblings        */
} agg;
#define AG_NONEMPTY 1  /* has non-space text                  */
#define AG_LEAD     2  /* starts with white space             */
#define AG_TRAIL    4  /* ends with white space               */
#define AG_WS       8  /* (empty nodes) contains white space  */

typedef struct ctx {
  dtree *t;
  agg *ag;                 /* valid for indices < ag_n when ag_valid */
  int32_t ag_n, ag_cap;
  int ag_valid;
  const score_input *in;
  int flags;
  char ms[512];            /* className + " " + id, lower case */
  sapo_buf tmp;
  char *byline;
  int32_t *list;           /* scratch node lists */
  int32_t list_n, list_cap;
} ctx;

static const char *match_string(ctx *c, int32_t i) {
  size_t at = lower_copy(c->ms, sizeof c->ms, dom_attr(c->t, i, "class"), 0);
  at = lower_copy(c->ms, sizeof c->ms, " ", at);
  lower_copy(c->ms, sizeof c->ms, dom_attr(c->t, i, "id"), at);
  return c->ms;
}

static int class_weight(ctx *c, int32_t i) {
  if (!(c->flags & FLAG_WEIGHT_CLASSES)) return 0;
  int w = 0;
  char s[512];
  const char *cls = dom_attr(c->t, i, "class"), *id = dom_attr(c->t, i, "id");
  if (cls && *cls) {
    lower_copy(s, sizeof s, cls, 0);
    if (is_negative(s)) w -= 25;
    if (has_any(s, POSITIVE)) w += 25;
  }
  if (id && *id) {
    lower_copy(s, sizeof s, id, 0);
    if (is_negative(s)) w -= 25;
    if (has_any(s, POSITIVE)) w += 25;
  }
  return w;
}

/* ===== TEXT MEASURES ===== */

/* Length (UTF-16 units) of textContent.trim().replace(/\s{2,}/g, " "):
 * every inner run of white space counts one. */
size_t score_inner_len(const dtree *t, int32_t i) {
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

/* The same string, into b (replacing its content). */
static void inner_text(const dtree *t, int32_t i, sapo_buf *b, int normalize) {
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

static int is_tag(const dtree *t, int32_t i, int tag) { return i >= 0 && t->n[i].type == DN_ELEM && t->n[i].tag == tag; }

static int is_js_ws_text(const dtree *t, int32_t i) {
  const unsigned char *s = (const unsigned char *)t->n[i].text;
  size_t m = t->n[i].tlen, k = 0;
  while (k < m) {
    unsigned char b = s[k];
    int32_t cp = b < 0x80 ? (k++, b) : sapo_u8_next(s, m, &k);
    if (!sapo_is_space(cp)) return 0;
  }
  return 1;
}

/* Whole subtree text is white space (textContent.trim() === ""). */
static int text_blank(const dtree *t, int32_t i) {
  if (t->n[i].type == DN_TEXT) return is_js_ws_text(t, i);
  for (int32_t n = t->n[i].first; n >= 0; n = dom_next_in(t, n, i, 0))
    if (t->n[n].type == DN_TEXT && !is_js_ws_text(t, n)) return 0;
  return 1;
}

static size_t raw_u16len(const dtree *t, int32_t i) {
  size_t k = 0;
  for (int32_t n = t->n[i].first; n >= 0; n = dom_next_in(t, n, i, 0))
    if (t->n[n].type == DN_TEXT) k += sapo_u16len(t->n[n].text, t->n[n].tlen);
  return k;
}

double score_link_density(const dtree *t, int32_t i) {
  size_t total = score_inner_len(t, i);
  if (!total) return 0;
  double links = 0;
  for (int32_t n = t->n[i].first; n >= 0; n = dom_next_in(t, n, i, 0)) {
    if (!is_tag(t, n, T_A)) continue;
    const char *href = dom_attr(t, n, "href");
    double coeff = (href && href[0] == '#' && href[1]) ? 0.3 : 1;
    links += (double)score_inner_len(t, n) * coeff;
  }
  return links / (double)total;
}

/* Commas of Latin, Arabic, Chinese and other scripts (Readability). */
static int is_comma(int32_t c) {
  return c == 0x2C || c == 0x60C || c == 0xFE50 || c == 0xFE10 || c == 0xFE11 || c == 0x2E41 ||
         c == 0x2E34 || c == 0x2E32 || c == 0xFF0C;
}

static size_t count_chars(const dtree *t, int32_t i, int unicode) {
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
      int32_t cp = sapo_u8_next(s, m, &j);
      if (unicode && is_comma(cp)) k++;
    }
  }
  return k;
}

static size_t count_desc(const dtree *t, int32_t i, int tag) {
  size_t k = 0;
  for (int32_t n = t->n[i].first; n >= 0; n = dom_next_in(t, n, i, 0)) k += is_tag(t, n, tag);
  return k;
}

/* ===== NODE PREDICATES ===== */

static int is_phrasing(const dtree *t, int32_t i) {
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
      if (!is_phrasing(t, c)) return 0;
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

static int is_without_content(const dtree *t, int32_t i) {
  if (!text_blank(t, i)) return 0;
  int kids = dom_elem_count(t, i);
  if (!kids) return 1;
  return (size_t)kids == count_desc(t, i, T_BR) + count_desc(t, i, T_HR);
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

static int style_has(const char *style, const char *prop, const char *val) {
  if (!style) return 0;
  char s[512];
  lower_copy(s, sizeof s, style, 0);
  for (char *p = s; (p = strstr(p, prop)); p++) {
    if (p != s && (isalnum((unsigned char)p[-1]) || p[-1] == '-')) continue;
    char *q = p + strlen(prop);
    while (*q == ' ' || *q == '\t') q++;
    if (*q != ':') continue;
    q++;
    while (*q == ' ' || *q == '\t') q++;
    if (!strncmp(q, val, strlen(val))) return 1;
  }
  return 0;
}

static int is_probably_visible(const dtree *t, int32_t i) {
  xmlNodePtr x = t->n[i].x;
  if (!x) return 1;
  const char *style = xml_attr(x, "style");
  if (style_has(style, "display", "none") || style_has(style, "visibility", "hidden")) return 0;
  if (xml_attr(x, "hidden")) return 0;
  const char *ah = xml_attr(x, "aria-hidden");
  if (ah && !strcmp(ah, "true")) {
    const char *cls = xml_attr(x, "class");
    return cls && strstr(cls, "fallback-image");
  }
  return 1;
}

static int is_video_embed(const dtree *t, int32_t i) {
  xmlNodePtr x = t->n[i].x;
  if (!x) return 0;
  for (xmlAttrPtr a = x->properties; a; a = a->next) {
    const char *v = a->children && a->children->content ? (const char *)a->children->content : NULL;
    if (!v) continue;
    for (const char *p = v; (p = strstr(p, "//")); p += 2) {
      const char *h = p + 2;
      if (!strncmp(h, "www.", 4)) h += 4;
      for (const char *const *d = VIDEO_HOSTS; *d; d++)
        if (!strncasecmp(h, *d, strlen(*d))) return 1;
    }
  }
  return 0;
}

/* ===== SCRATCH LISTS ===== */

static int list_push(ctx *c, int32_t v) {
  if (c->list_n == c->list_cap) {
    int32_t cap = c->list_cap ? c->list_cap * 2 : 256;
    int32_t *p = realloc(c->list, (size_t)cap * sizeof *p);
    if (!p) return -1;
    c->list = p;
    c->list_cap = cap;
  }
  c->list[c->list_n++] = v;
  return 0;
}

/* Descendants of root with tag (document order) into c->list. */
static int collect(ctx *c, int32_t root, int tag) {
  c->list_n = 0;
  for (int32_t n = c->t->n[root].first; n >= 0; n = dom_next_in(c->t, n, root, 0))
    if (is_tag(c->t, n, tag) && list_push(c, n)) return -1;
  return 0;
}

/* ===== AGGREGATES ===== */

static agg text_summary(const dnode *d) {
  agg a;
  memset(&a, 0, sizeof a);
  const unsigned char *s = (const unsigned char *)d->text;
  size_t m = d->tlen, k = 0;
  int ws = 0;
  while (k < m) {
    unsigned char b = s[k];
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

/* a followed by b, as one text (white space runs count one) */
static void agg_append(agg *a, const agg *b) {
  a->commas += b->commas;
  a->ascii_commas += b->ascii_commas;
  a->link += b->link;
  a->n_p += b->n_p; a->n_img += b->n_img; a->n_li += b->n_li; a->n_input += b->n_input;
  a->n_embed += b->n_embed; a->n_video += b->n_video; a->n_datatable += b->n_datatable;
  a->heading_len += b->heading_len; a->textish_len += b->textish_len; a->list_len += b->list_len;
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

static int is_video_embed(const dtree *t, int32_t i);

/* What a finished child adds to its parent beyond its text: itself as a
 * counted element (p, img, li, ...), its length as heading/list/"textish"
 * text, and its link text when it is a link. */
static void agg_finish(ctx *c, int32_t n, agg *out) {
  dtree *t = c->t;
  *out = c->ag[n];
  if (t->n[n].type != DN_ELEM) return;
  agg *a = &c->ag[n];
  switch (t->n[n].tag) {
  case T_A: {
    const char *href = dom_attr(t, n, "href");
    float l = (float)a->len * ((href && href[0] == '#' && href[1]) ? 0.3f : 1.0f);
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
  int tag = t->n[n].tag;
  if (tag >= T_H1 && tag <= T_H6) out->heading_len += a->len;
  if (tag == T_UL || tag == T_OL) out->list_len += a->len;
  if (tag == T_SPAN || tag == T_LI || tag == T_TD || tag == T_BLOCKQUOTE || tag == T_DL || tag == T_DIV ||
      tag == T_IMG || tag == T_OL || tag == T_P || tag == T_PRE || tag == T_TABLE || tag == T_UL)
    out->textish_len += a->len;
}

static int ag_reserve(ctx *c) {
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

/* Aggregates of every node under root (and root itself), bottom-up. */
static int compute_aggregates_at(ctx *c, int32_t root) {
  dtree *t = c->t;
  if (ag_reserve(c)) return -1;
  if (root < 0) { c->ag_valid = 1; return 0; }
  memset(&c->ag[root], 0, sizeof *c->ag);
  int32_t n = t->n[root].first;
  while (n >= 0) {
    dnode *d = &t->n[n];
    if (d->type == DN_TEXT) c->ag[n] = text_summary(d);
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

static int compute_aggregates(ctx *c) { return compute_aggregates_at(c, c->t->html); }

#define SUB(f) (a->f = a->f > d.f ? a->f - d.f : 0)

/* Before unlinking x: take its contribution out of every ancestor up to
 * stop (inclusive), in O(depth).  Counts and sums are exact; a text length
 * loses x's length and one separating space (exact for blocks separated by
 * white space, the normal case). */
static void unfold_up(ctx *c, int32_t x, int32_t stop) {
  dtree *t = c->t;
  agg d;
  agg_finish(c, x, &d);
  uint32_t dlen = d.len + ((d.f & AG_NONEMPTY) ? 1 : 0);
  for (int32_t p = t->n[x].parent; p >= 0; p = t->n[p].parent) {
    agg *a = &c->ag[p];
    SUB(commas); SUB(ascii_commas); SUB(n_p); SUB(n_img); SUB(n_li); SUB(n_input); SUB(n_embed);
    SUB(n_video); SUB(n_datatable); SUB(heading_len); SUB(textish_len); SUB(list_len);
    a->link = a->link > d.link ? a->link - d.link : 0;
    a->len = a->len > dlen ? a->len - dlen : 0;
    if (p == stop) break;
    /* what p passes up changes too: its own length where its tag counts it */
    int tag = t->n[p].tag;
    if (tag == T_A) {
      const char *href = dom_attr(t, p, "href");
      d.link += (float)dlen * ((href && href[0] == '#' && href[1]) ? 0.3f : 1.0f);
    }
    if (tag >= T_H1 && tag <= T_H6) d.heading_len += dlen;
    if (tag == T_UL || tag == T_OL) d.list_len += dlen;
    if (tag == T_SPAN || tag == T_LI || tag == T_TD || tag == T_BLOCKQUOTE || tag == T_DL || tag == T_DIV ||
        tag == T_IMG || tag == T_OL || tag == T_P || tag == T_PRE || tag == T_TABLE || tag == T_UL)
      d.textish_len += dlen;
  }
}
#undef SUB

static size_t len_of(ctx *c, int32_t i) {
  if (c->ag_valid && i < c->ag_n) return c->ag[i].len;
  return score_inner_len(c->t, i);
}

static double link_density_of(ctx *c, int32_t i) {
  if (c->ag_valid && i < c->ag_n) return c->ag[i].len ? (double)c->ag[i].link / (double)c->ag[i].len : 0;
  return score_link_density(c->t, i);
}

static size_t commas_of(ctx *c, int32_t i) {
  if (c->ag_valid && i < c->ag_n) return c->ag[i].commas;
  return count_chars(c->t, i, 1);
}

/* ===== PREP DOCUMENT: <br><br> chains become paragraphs ===== */

static int replace_brs(ctx *c, int32_t body) {
  dtree *t = c->t;
  if (collect(c, body, T_BR)) return -1;
  int32_t nbr = c->list_n;
  int32_t *brs = malloc((size_t)(nbr ? nbr : 1) * sizeof *brs);
  if (!brs) return -1;
  if (nbr) memcpy(brs, c->list, (size_t)nbr * sizeof *brs);
  for (int32_t k = 0; k < nbr; k++) {
    int32_t br = brs[k], next = t->n[br].next;
    int replaced = 0;
    while ((next = next_nonblank(t, next)) >= 0 && is_tag(t, next, T_BR)) {
      replaced = 1;
      int32_t sib = t->n[next].next;
      dom_unlink(t, next);
      next = sib;
    }
    if (!replaced || t->n[br].parent < 0) continue;
    int32_t p = dom_new(t, T_P);
    if (p < 0) { free(brs); return -1; }
    dom_replace(t, br, p);
    next = t->n[p].next;
    while (next >= 0) {
      if (is_tag(t, next, T_BR)) {
        int32_t ne = next_nonblank(t, t->n[next].next);
        if (ne >= 0 && is_tag(t, ne, T_BR)) break;
      }
      if (!is_phrasing(t, next)) break;
      int32_t sib = t->n[next].next;
      dom_append(t, p, next);
      next = sib;
    }
    while (t->n[p].last >= 0 && is_whitespace_node(t, t->n[p].last)) dom_unlink(t, t->n[p].last);
    int32_t parent = t->n[p].parent;
    if (parent >= 0 && is_tag(t, parent, T_P)) t->n[parent].tag = T_DIV;
  }
  free(brs);
  return 0;
}

/* ===== GRAB ARTICLE ===== */

static void init_node(ctx *c, int32_t i) {
  dnode *d = &c->t->n[i];
  float s = 0;
  switch (d->tag) {
  case T_DIV: s = 5; break;
  case T_PRE: case T_TD: case T_BLOCKQUOTE: s = 3; break;
  case T_ADDRESS: case T_OL: case T_UL: case T_DL: case T_DD: case T_DT: case T_LI: case T_FORM: s = -3; break;
  case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6: case T_TH: s = -5; break;
  default: break;
  }
  d->score = s + (float)class_weight(c, i);
  d->flags |= DF_SCORED;
}

static int header_duplicates_title(ctx *c, int32_t i) {
  dnode *d = &c->t->n[i];
  if (d->tag != T_H1 && d->tag != T_H2) return 0;
  if (!c->in->title) return 0;
  inner_text(c->t, i, &c->tmp, 0);
  return sapo_text_similarity(c->in->title, sapo_buf_cstr(&c->tmp)) > 0.75;
}

static int check_byline(ctx *c, int32_t i, const char *ms) {
  if (c->byline || c->in->have_byline) return 0;
  const char *rel = dom_attr(c->t, i, "rel"), *itemprop = dom_attr(c->t, i, "itemprop");
  if (!((rel && !strcmp(rel, "author")) || (itemprop && strstr(itemprop, "author")) || has_any(ms, BYLINE)))
    return 0;
  sapo_buf b = SAPO_BUF_INIT;
  inner_text(c->t, i, &b, 0);
  size_t len = sapo_u16len(sapo_buf_cstr(&b), b.len);
  if (len == 0 || len >= 100 || b.failed) { sapo_buf_free(&b); return 0; }
  c->byline = sapo_buf_detach(&b, NULL);
  return 1;
}

static int32_t remove_and_next(dtree *t, int32_t i) {
  int32_t next = dom_next(t, i, 1);
  dom_unlink(t, i);
  return next;
}

/* Wrap runs of phrasing content of a <div> into <p>s. */
static int wrap_phrasing(ctx *c, int32_t div) {
  dtree *t = c->t;
  int32_t p = -1, child = t->n[div].first;
  while (child >= 0) {
    int32_t next = t->n[child].next;
    if (is_phrasing(t, child)) {
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

static int in_list(const char *v, const char *const *list) {
  if (!v) return 0;
  for (; *list; list++) if (!strcmp(v, *list)) return 1;
  return 0;
}

/* ===== PREP ARTICLE ===== */

static void mark_data_tables(ctx *c, int32_t root) {
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

/* Unlink n inside the article and keep the article's aggregates exact. */
static void remove_in(ctx *c, int32_t n, int32_t art) {
  int32_t parent = c->t->n[n].parent;
  if (parent >= 0 && (parent == art || dom_is_ancestor(c->t, art, parent))) unfold_up(c, n, art);
  dom_unlink(c->t, n);
}

/* Remove every descendant with tag (embeds keep video players). */
static int clean_tag(ctx *c, int32_t root, int tag) {
  if (collect(c, root, tag)) return -1;
  int embed = tag == T_OBJECT || tag == T_EMBED || tag == T_IFRAME;
  for (int32_t k = c->list_n - 1; k >= 0; k--) {
    int32_t n = c->list[k];
    if (c->t->n[n].parent < 0) continue;
    if (embed && is_video_embed(c->t, n)) continue;
    remove_in(c, n, root);
  }
  return 0;
}

static int ci_equal(const char *a, size_t n, const char *lit) {
  return strlen(lit) == n && !strncasecmp(a, lit, n);
}

/* adWords / loadingWords: the whole text is an ad label or "loading". */
static int is_ad_or_loading(const char *s, size_t n) {
  static const char *const words[] = {
    "ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "Реклама",
    "Anuncio", "loading", "正在加载", "Загрузка", "chargement", "cargando", NULL};
  size_t m = n;
  if (m >= 3 && !memcmp(s + m - 3, "...", 3)) m -= 3;
  else if (m >= 3 && !memcmp(s + m - 3, "\xE2\x80\xA6", 3)) m -= 3;
  for (const char *const *w = words; *w; w++) {
    if (ci_equal(s, n, *w)) return 1;
    if (m != n && ci_equal(s, m, *w) && w - words >= 10) return 1;  /* only loading words take "..." */
  }
  return 0;
}


/* Readability's _cleanConditionally test for one node, on the aggregates
 * (valid for the article subtree while it is being cleaned). */
static int should_clean(ctx *c, int32_t node, int tag) {
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
  if (a->ascii_commas >= 10) return 0;
  if (a->n_video) return 0;
  long p = a->n_p, img = a->n_img, li = (long)a->n_li - 100, input = a->n_input, embeds = a->n_embed;
  double heading_density = inner ? (double)a->heading_len / (double)inner : 0;
  if (inner <= 20) {   /* only short texts can be an ad label or "loading..." */
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

static int clean_conditionally(ctx *c, int32_t root, int tag) {
  if (!(c->flags & FLAG_CLEAN_CONDITIONALLY)) return 0;
  if (collect(c, root, tag)) return -1;
  if (c->list_n == 0) return 0;
  int32_t n = c->list_n;
  int32_t *nodes = malloc((size_t)(n ? n : 1) * sizeof *nodes);
  if (!nodes) return -1;
  if (n) memcpy(nodes, c->list, (size_t)n * sizeof *nodes);
  for (int32_t k = n - 1; k >= 0; k--) {
    int32_t node = nodes[k];
    int32_t parent = c->t->n[node].parent;
    if (parent < 0 || !dom_is_ancestor(c->t, root, node)) continue;
    if (should_clean(c, node, tag)) {
      unfold_up(c, node, root);
      dom_unlink(c->t, node);
    }
  }
  free(nodes);
  return c->tmp.failed ? -1 : 0;
}

static int32_t single_child_elem(const dtree *t, int32_t i, int tag) {
  return has_single_tag_inside(t, i, tag) ? dom_first_elem(t, i) : -1;
}

static int prep_article(ctx *c, int32_t art) {
  dtree *t = c->t;
  mark_data_tables(c, art);
  /* aggregates of the article, kept exact by remove_in() from here on */
  if (compute_aggregates_at(c, art)) return -1;
  if (clean_conditionally(c, art, T_FORM) || clean_conditionally(c, art, T_FIELDSET)) return -1;
  static const int junk[] = {T_OBJECT, T_EMBED, T_FOOTER, T_LINK, T_ASIDE};
  for (size_t k = 0; k < sizeof junk / sizeof *junk; k++)
    if (clean_tag(c, art, junk[k])) return -1;
  /* share widgets under 500 characters, below each top-level child */
  for (int32_t top = dom_first_elem(t, art); top >= 0; top = dom_next_elem(t, top)) {
    int32_t end = -1;
    for (int32_t p = top; p >= 0 && p != art; p = t->n[p].parent) {
      end = dom_next_elem(t, p);
      if (end >= 0) break;
    }
    int32_t n = dom_first_elem(t, top);
    while (n >= 0 && n != end && dom_is_ancestor(t, top, n)) {
      if (is_share(match_string(c, n)) && raw_u16len(t, n) < 500) {
        int32_t next = dom_next(t, n, 1);
        remove_in(c, n, art);
        n = next;
      } else n = dom_next(t, n, 0);
    }
  }
  static const int junk2[] = {T_IFRAME, T_INPUT, T_TEXTAREA, T_SELECT, T_BUTTON};
  for (size_t k = 0; k < sizeof junk2 / sizeof *junk2; k++)
    if (clean_tag(c, art, junk2[k])) return -1;
  /* headers with a negative class weight */
  for (int h = 0; h < 2; h++) {
    if (collect(c, art, h ? T_H2 : T_H1)) return -1;
    for (int32_t k = c->list_n - 1; k >= 0; k--)
      if (t->n[c->list[k]].parent >= 0 && class_weight(c, c->list[k]) < 0) remove_in(c, c->list[k], art);
  }
  if (clean_conditionally(c, art, T_TABLE) || clean_conditionally(c, art, T_UL) ||
      clean_conditionally(c, art, T_DIV))
    return -1;
  c->ag_valid = 0;
  for (int32_t n = t->n[art].first; n >= 0; n = dom_next_in(t, n, art, 0))
    if (is_tag(t, n, T_H1)) t->n[n].tag = T_H2;
  /* empty paragraphs */
  if (collect(c, art, T_P)) return -1;
  for (int32_t k = c->list_n - 1; k >= 0; k--) {
    int32_t p = c->list[k];
    if (t->n[p].parent < 0) continue;
    if (count_desc(t, p, T_IMG) + count_desc(t, p, T_EMBED) + count_desc(t, p, T_OBJECT) +
        count_desc(t, p, T_IFRAME) == 0 && text_blank(t, p))
      dom_unlink(t, p);
  }
  if (collect(c, art, T_BR)) return -1;
  for (int32_t k = 0; k < c->list_n; k++) {
    int32_t br = c->list[k];
    int32_t next = next_nonblank(t, t->n[br].next);
    if (next >= 0 && is_tag(t, next, T_P)) dom_unlink(t, br);
  }
  /* single-cell tables become their cell */
  if (collect(c, art, T_TABLE)) return -1;
  for (int32_t k = 0; k < c->list_n; k++) {
    int32_t table = c->list[k];
    if (t->n[table].parent < 0) continue;
    int32_t tbody = single_child_elem(t, table, T_TBODY);
    if (tbody < 0) tbody = table;
    int32_t row = single_child_elem(t, tbody, T_TR);
    if (row < 0) continue;
    int32_t cell = single_child_elem(t, row, T_TD);
    if (cell < 0) continue;
    int all_phrasing = 1;
    for (int32_t ch = t->n[cell].first; ch >= 0; ch = t->n[ch].next)
      if (!is_phrasing(t, ch)) { all_phrasing = 0; break; }
    t->n[cell].tag = all_phrasing ? T_P : T_DIV;
    dom_replace(t, table, cell);
  }
  return 0;
}

/* One pass of grabArticle with the current flags.  Returns the article
 * node (a virtual div) or -1 (with *oom set on memory failure). */
static int32_t grab(ctx *c, int *oom, int32_t *dir_node) {
  dtree *t = c->t;
  int32_t body = t->body;
  c->list_n = 0;
  c->ag_valid = 0;
  int remove_title = 1;
  int32_t node = t->html;
  while (node >= 0) {
    dnode *d = &t->n[node];
    const char *ms = match_string(c, node);
    if (!is_probably_visible(t, node)) { node = remove_and_next(t, node); continue; }
    const char *modal = dom_attr(t, node, "aria-modal"), *role = dom_attr(t, node, "role");
    if (modal && !strcmp(modal, "true") && role && !strcmp(role, "dialog")) { node = remove_and_next(t, node); continue; }
    if (check_byline(c, node, ms)) { node = remove_and_next(t, node); continue; }
    if (remove_title && header_duplicates_title(c, node)) {
      remove_title = 0;
      node = remove_and_next(t, node);
      continue;
    }
    if (c->flags & FLAG_STRIP_UNLIKELYS) {
      if (has_any(ms, UNLIKELY) && !has_any(ms, OK_MAYBE) && !has_ancestor_tag(t, node, T_TABLE, 0, 0) &&
          !has_ancestor_tag(t, node, T_CODE, 0, 0) && d->tag != T_BODY && d->tag != T_A) {
        node = remove_and_next(t, node);
        continue;
      }
      if (in_list(role, UNLIKELY_ROLES)) { node = remove_and_next(t, node); continue; }
    }
    int tag = d->tag;
    if ((tag == T_DIV || tag == T_SECTION || tag == T_HEADER || tag == T_H1 || tag == T_H2 || tag == T_H3 ||
         tag == T_H4 || tag == T_H5 || tag == T_H6) && is_without_content(t, node)) {
      node = remove_and_next(t, node);
      continue;
    }
    if (tag == T_SECTION || tag == T_H2 || tag == T_H3 || tag == T_H4 || tag == T_H5 || tag == T_H6 ||
        tag == T_P || tag == T_TD || tag == T_PRE) {
      if (list_push(c, node)) { *oom = 1; return -1; }
    }
    if (tag == T_DIV) {
      if (wrap_phrasing(c, node)) { *oom = 1; return -1; }
      if (has_single_tag_inside(t, node, T_P) && score_link_density(t, node) < 0.25) {
        int32_t child = dom_first_elem(t, node);
        /* a paragraph sapo made keeps the div's attributes (class="sapo") */
        if (!t->n[child].x) t->n[child].x = t->n[node].x;
        dom_replace(t, node, child);
        node = child;
        if (list_push(c, node)) { *oom = 1; return -1; }
      } else if (!has_child_block(t, node)) {
        t->n[node].tag = T_P;
        if (list_push(c, node)) { *oom = 1; return -1; }
      }
    }
    node = dom_next(t, node, 0);
  }
  if (c->tmp.failed) { *oom = 1; return -1; }
  if (compute_aggregates(c)) { *oom = 1; return -1; }

  /* ---- score paragraphs into their ancestors ---- */
  int32_t nscore = c->list_n;
  int32_t *to_score = malloc((size_t)(nscore ? nscore : 1) * sizeof *to_score);
  if (!to_score) { *oom = 1; return -1; }
  if (nscore) memcpy(to_score, c->list, (size_t)nscore * sizeof *to_score);
  c->list_n = 0;  /* now: candidates */
  for (int32_t k = 0; k < nscore; k++) {
    int32_t e = to_score[k];
    int32_t parent = t->n[e].parent;
    if (parent < 0 || t->n[parent].type != DN_ELEM) continue;
    size_t len = len_of(c, e);
    if (len < 25) continue;
    double cs = 1 + (double)(commas_of(c, e) + 1) + (double)(len / 100 < 3 ? len / 100 : 3);
    int32_t anc = parent;
    for (int level = 0; anc >= 0 && level < 5; level++, anc = t->n[anc].parent) {
      if (t->n[anc].parent < 0) continue;   /* the document element is never a candidate */
      if (!(t->n[anc].flags & DF_SCORED)) {
        init_node(c, anc);
        if (list_push(c, anc)) { free(to_score); *oom = 1; return -1; }
      }
      double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      t->n[anc].score += (float)(cs / div);
    }
  }
  free(to_score);

  int nb = c->in->nb_top > 0 ? c->in->nb_top : 5;
  if (nb > 64) nb = 64;
  int32_t top[64];
  int ntop = 0;
  for (int32_t k = 0; k < c->list_n; k++) {
    int32_t cand = c->list[k];
    float s = t->n[cand].score * (float)(1 - link_density_of(c, cand));
    t->n[cand].score = s;
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
  if (tc < 0 || t->n[tc].tag == T_BODY) {
    int32_t page = body >= 0 ? body : t->html;
    tc = dom_new(t, T_DIV);
    if (tc < 0) { *oom = 1; return -1; }
    while (t->n[page].first >= 0) dom_append(t, tc, t->n[page].first);
    dom_append(t, page, tc);
    init_node(c, tc);
  } else {
    /* do three of the near-best candidates share an ancestor? */
    int nalt = 0;
    int32_t alt[64];
    for (int k = 1; k < ntop; k++)
      if (t->n[top[k]].score / t->n[tc].score >= 0.75f) alt[nalt++] = top[k];
    if (nalt >= 3) {
      for (int32_t p = t->n[tc].parent; p >= 0 && t->n[p].tag != T_BODY; p = t->n[p].parent) {
        int hits = 0;
        for (int k = 0; k < nalt && hits < 3; k++) hits += dom_is_ancestor(t, p, alt[k]);
        if (hits >= 3) { tc = p; break; }
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
  }

  /* ---- merge content-like siblings ---- */
  int32_t art = dom_new(t, T_DIV);
  if (art < 0) { *oom = 1; return -1; }
  float tscore = t->n[tc].score;
  float sib_threshold = tscore * 0.2f > 10 ? tscore * 0.2f : 10;
  int32_t parent = t->n[tc].parent;
  *dir_node = parent;
  const char *tcls = dom_attr(t, tc, "class");
  if (!tcls) tcls = "";
  if (parent < 0) {
    dom_append(t, art, tc);
  } else {
    int32_t s = dom_first_elem(t, parent);
    while (s >= 0) {
      int32_t next = dom_next_elem(t, s);
      int append = 0;
      if (s == tc) append = 1;
      else {
        float bonus = 0;
        const char *scls = dom_attr(t, s, "class");
        if (*tcls && scls && !strcmp(scls, tcls)) bonus += tscore * 0.2f;
        if ((t->n[s].flags & DF_SCORED) && t->n[s].score + bonus >= sib_threshold) append = 1;
        else if (t->n[s].tag == T_P) {
          double ld = link_density_of(c, s);
          inner_text(t, s, &c->tmp, 1);
          size_t len = sapo_u16len(sapo_buf_cstr(&c->tmp), c->tmp.len);
          const char *txt = sapo_buf_cstr(&c->tmp);
          if (len > 80 && ld < 0.25) append = 1;
          else if (len < 80 && len > 0 && ld == 0) {
            for (const char *q = txt; (q = strchr(q, '.')); q++)
              if (q[1] == ' ' || q[1] == '\0') { append = 1; break; }
          }
        }
      }
      if (append) {
        int tag = t->n[s].tag;
        if (tag != T_DIV && tag != T_ARTICLE && tag != T_SECTION && tag != T_P) t->n[s].tag = T_DIV;
        dom_append(t, art, s);
      }
      s = next;
    }
  }
  c->ag_valid = 0;   /* cleaning changes the tree from here on */
  if (prep_article(c, art)) { *oom = 1; return -1; }
  return art;
}

int score_article(dtree *t, const score_input *in, score_result *out) {
  ctx c;
  memset(&c, 0, sizeof c);
  c.t = t;
  c.in = in;
  c.flags = FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY;
  memset(out, 0, sizeof *out);
  out->article = -1;
  out->dir_node = -1;
  if (t->html < 0) return SAPO_OK;
  int rc = SAPO_OK;
  int32_t body = t->body >= 0 ? t->body : t->html;
  if (replace_brs(&c, body)) { rc = SAPO_ENOMEM; goto done; }
  dtree orig = {0};
  if (dom_copy(&orig, t)) { rc = SAPO_ENOMEM; goto done; }
  dtree best = {0};
  int32_t best_art = -1, best_dir = -1;
  size_t best_len = 0;
  int have_best = 0;
  size_t threshold = in->char_threshold > 0 ? (size_t)in->char_threshold : 500;
  for (;;) {
    int oom = 0;
    int32_t dir = -1;
    int32_t art = grab(&c, &oom, &dir);
    if (oom) { rc = SAPO_ENOMEM; break; }
    size_t len = art >= 0 ? score_inner_len(t, art) : 0;
    if (len >= threshold) {
      out->article = art;
      out->dir_node = dir;
      out->text_length = len;
      break;
    }
    if (!have_best || len > best_len) {
      if (dom_copy(&best, t)) { rc = SAPO_ENOMEM; break; }
      best_art = art;
      best_dir = dir;
      best_len = len;
      have_best = 1;
    }
    if (c.flags & FLAG_STRIP_UNLIKELYS) c.flags &= ~FLAG_STRIP_UNLIKELYS;
    else if (c.flags & FLAG_WEIGHT_CLASSES) c.flags &= ~FLAG_WEIGHT_CLASSES;
    else if (c.flags & FLAG_CLEAN_CONDITIONALLY) c.flags &= ~FLAG_CLEAN_CONDITIONALLY;
    else {
      if (best_len > 0) {
        free(t->n);
        *t = best;
        best.n = NULL;
        out->article = best_art;
        out->dir_node = best_dir;
        out->text_length = best_len;
      }
      break;
    }
    if (dom_copy(t, &orig)) { rc = SAPO_ENOMEM; break; }
  }
  dom_free(&orig);
  free(best.n);
done:
  out->byline = c.byline;
  if (rc != SAPO_OK) { free(c.byline); out->byline = NULL; }
  sapo_buf_free(&c.tmp);
  free(c.list);
  free(c.ag);
  return rc;
}
