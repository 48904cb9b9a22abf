/* emit.c: the serialise stage (see emit.h).  Pass 1 walks the chosen
 * subtree once with enter/exit events and records blocks; pass 2 writes the
 * blocks the filters kept as text, Markdown (GFM tables) and minimal HTML. */
#include "emit.h"
#include "words.h"
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include "tags.h"
#include "url.h"
#include "utext.h"

/* ===== PASS 1: BLOCKS ===== */

#define EMIT_MAX_LINKS 8   /* links open inside links: deeper ones get no href */

#define EMIT_MAX_EMPH 16   /* nested emphasis tracked for its delimiters */

typedef struct {
  const dtree *t;
  int32_t root;
  const char *base;
  int formats;
  emit_out *o;
  sapo_buf line, mline, hline;   /* the open block, raw */
  uint32_t chars, link_chars, bold_chars;
  int32_t owners[64]; int nowners;   /* open block elements, innermost last */
  int heading, list_depth, ol[16], pre, quote, in_link, bold, cells;
  char *links[EMIT_MAX_LINKS];   /* checked hrefs of the open links, innermost last */
  int hidden;                    /* inside elements whose text no one sees (svg, button, video, ...) */
  int32_t group;                 /* table (rows) the open block belongs to */
  size_t emph_m[EMIT_MAX_EMPH], emph_h[EMIT_MAX_EMPH];   /* where each open <strong>/<em> began */
  int emph_n;
  unsigned *nf;                  /* inherited class flags per node (below root) */
  int32_t nf_n;
  int fail;
} E;

/* Text for Markdown: every character CommonMark (and GFM's tables and
 * strikethrough) gives a meaning inline is backslash-escaped, so the
 * page's text can open no emphasis, link, code span, raw HTML ("<"),
 * entity reference ("&") or table cell. */
static void md_escape(sapo_buf *b, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' ||
        c == '|' || c == '&' || c == '~') {
      sapo_buf_add(b, s + run, i - run);
      sapo_buf_addc(b, '\\');
      run = i;
    }
  }
  sapo_buf_add(b, s + run, n - run);
}

/* A block's Markdown with what would start another block at the head of
 * a line escaped: "#", "-", "+", "=" (headings, list items, thematic
 * breaks, setext underlines) and "1." / "1)" (ordered lists). */
static void md_lines(sapo_buf *b, const char *s, size_t n) {
  int bol = 1;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (bol) {
      if (c == '#' || c == '-' || c == '+' || c == '=') sapo_buf_addc(b, '\\');
      else if (c >= '0' && c <= '9') {
        size_t k = i;
        while (k < n && k - i < 10 && s[k] >= '0' && s[k] <= '9') k++;
        if (k < n && (s[k] == '.' || s[k] == ')')) {
          sapo_buf_add(b, s + i, k - i);
          sapo_buf_addc(b, '\\');
          i = k - 1;
          bol = 0;
          continue;
        }
      }
    }
    sapo_buf_addc(b, c);
    bol = c == '\n';
  }
}

static void html_escape(sapo_buf *b, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    const char *rep = NULL;
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    default: continue;
    }
    sapo_buf_add(b, s + run, i - run);
    sapo_buf_adds(b, rep);
    run = i + 1;
  }
  sapo_buf_add(b, s + run, n - run);
}

static void add_text(E *e, const char *s, size_t n) {
  size_t start = e->line.len;
  sapo_buf_add(&e->line, s, n);
  if (e->line.failed) return;
  uint32_t visible = 0;
  size_t i = start;
  /* eight ASCII bytes with no control byte at a time: the visible ones are
   * those above the space */
  for (; i + 8 <= e->line.len; i += 8) {
    uint64_t w;
    memcpy(&w, e->line.data + i, 8);
    const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
    if ((w & high) || ((w - ones * 0x20) & ~w & high)) break;     /* a non-ASCII or a control byte */
    uint64_t shown = ((w | high) - ones * 0x21) & high;            /* high bit kept in bytes above the space */
    visible += (uint32_t)__builtin_popcountll(shown);
  }
  for (; i < e->line.len; i++) {
    unsigned char c = (unsigned char)e->line.data[i];
    if (!e->pre && (c == '\n' || c == '\r' || c == '\t' || c == '\f')) e->line.data[i] = ' ';
    if (c > ' ' && (c & 0xC0) != 0x80) visible++;
  }
  e->chars += visible;
  if (e->in_link) e->link_chars += visible;
  if (e->bold) e->bold_chars += visible;
  if (e->formats & SAPO_FMT_MARKDOWN) {
    if (e->pre) sapo_buf_add(&e->mline, s, n);
    else md_escape(&e->mline, s, n);
  }
  if (e->formats & SAPO_FMT_HTML) html_escape(&e->hline, s, n);
}

static int blank(const sapo_buf *b) {
  for (size_t i = 0; i < b->len; i++) {
    unsigned char c = (unsigned char)b->data[i];
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return 0;
  }
  return 1;
}

/* Room for one more block: 0, or -1 when memory runs out. */
static int reserve_block(emit_out *o) {
  if (o->n < o->cap) return 0;
  int cap = o->cap ? o->cap * 2 : 32;
  block *p = realloc(o->b, (size_t)cap * sizeof *p);
  if (!p) return -1;
  o->b = p;
  o->cap = cap;
  return 0;
}

static block *new_block(E *e) {
  emit_out *o = e->o;
  if (reserve_block(o)) { e->fail = 1; return NULL; }
  block *b = &o->b[o->n++];
  memset(b, 0, sizeof *b);
  b->image = -1;
  return b;
}

/* Store cleaned raw text into buf, at off (len bytes). */
static int store_clean(sapo_buf *buf, const sapo_buf *raw, size_t *off, size_t *len, int keep_lines) {
  *off = buf->len;
  if (sapo_clean(sapo_buf_cstr((sapo_buf *)raw), raw->len, buf, keep_lines)) return -1;
  *len = buf->len - *off;
  return 0;
}

static int is_right(xmlNodePtr x) {
  const char *al = xml_attr(x, "align");
  if (al && !strcasecmp(al, "right")) return 1;
  const char *st = xml_attr(x, "style");
  if (st) {
    char low[256];
    size_t k = 0;
    for (; st[k] && k + 1 < sizeof low; k++) low[k] = (char)((st[k] >= 'A' && st[k] <= 'Z') ? st[k] + 32 : st[k]);
    low[k] = '\0';
    char *p = strstr(low, "text-align");
    if (p) {
      p += 10;
      while (*p == ' ' || *p == ':') p++;
      if (!strncmp(p, "right", 5)) return 1;
    }
  }

  const char *cls = xml_attr(x, "class");
  if (cls && dom_has_token(cls, W_RIGHT_TOKENS)) return 1;
  return 0;
}

/* caption and comment classes of one libxml2 element */
static unsigned class_flags(xmlNodePtr x) {
  unsigned f = 0;
  if (!x->properties) return 0;
  const char *cls = xml_attr(x, "class"), *id = xml_attr(x, "id");
  if (!cls && !id) return 0;
  /* (WordPress's "wp-caption-text" has the token "caption"; "wp" alone
   * is every block of a block theme) */
  const char *const *const lists[] = {W_CAPTION_TOKENS, W_COMMENT_TOKENS};
  unsigned got = dom_token_lists(cls, lists, 2) | dom_token_lists(id, lists, 2);
  if (got & 1) f |= BF_CAPCLASS;
  if (got & 2) f |= BF_COMMENT;
  return f;
}

/* Flags of node i from its own classes and tag, and those of the elements
 * the finder took out between it and its parent (a <div class="caption">
 * replaced by its only <p>: libxml2 still has them). */
static unsigned own_flags(const dtree *t, int32_t i) {
  unsigned f = 0;
  int tag = t->n[i].tag;
  if (tag == T_FIGURE || tag == T_FIGCAPTION || tag == T_CAPTION) f |= BF_INFIGURE;
  if (tag == T_FIGCAPTION || tag == T_CAPTION) f |= BF_CAPCLASS;
  xmlNodePtr x = t->n[i].x;
  if (!x) return f;
  f |= class_flags(x);
  int32_t q = t->n[i].parent;
  xmlNodePtr stop = q >= 0 ? t->n[q].x : NULL;
  int hops = 0;
  for (xmlNodePtr y = x->parent; stop && y && y != stop && y->type == XML_ELEMENT_NODE && hops < 3; y = y->parent, hops++)
    f |= class_flags(y);
  return f;
}

/* The flags a block owned by owner inherits: its ancestors' (computed
 * once per element on the way down, in e->nf) and right alignment of one
 * of its three nearest elements. */
static unsigned owner_flags(E *e, int32_t owner) {
  const dtree *t = e->t;
  unsigned f = owner >= 0 && owner < e->nf_n ? e->nf[owner] : 0;
  int depth = 0;
  for (int32_t p = owner; p >= 0 && p != e->root && depth < 3; p = t->n[p].parent, depth++)
    if (t->n[p].x && is_right(t->n[p].x)) { f |= BF_RIGHT; break; }
  return f;
}

static void flush(E *e) {
  if (blank(&e->line)) {
    e->line.len = e->mline.len = e->hline.len = 0;
    e->chars = e->link_chars = e->bold_chars = 0;
    e->cells = 0;
    return;
  }
  block *b = new_block(e);
  if (!b) return;
  int32_t owner = e->nowners ? e->owners[e->nowners > 64 ? 63 : e->nowners - 1] : e->root;
  b->node = owner;
  b->kind = e->heading ? B_HEADING : e->pre ? B_PRE : e->cells ? B_ROW
            : (owner >= 0 && e->t->n[owner].tag == T_LI) ? B_LI : B_PARA;
  b->level = e->heading ? e->heading : e->list_depth;
  b->ordinal = (b->kind == B_LI && e->list_depth > 0 && e->list_depth <= 16) ? e->ol[e->list_depth - 1] : 0;
  b->quote = e->quote;
  if (b->kind == B_ROW) b->level = e->group;
  b->chars = e->chars;
  b->link_chars = e->link_chars;
  b->bold_chars = e->bold_chars;
  b->flags = owner_flags(e, owner);
  if (store_clean(&e->o->text, &e->line, &b->t_off, &b->t_len, 1)) e->fail = 1;
  if ((e->formats & SAPO_FMT_MARKDOWN) && store_clean(&e->o->md, &e->mline, &b->m_off, &b->m_len, 1)) e->fail = 1;
  if ((e->formats & SAPO_FMT_HTML) && store_clean(&e->o->html, &e->hline, &b->h_off, &b->h_len, 1)) e->fail = 1;
  if (b->t_len == 0) e->o->n--;
  if (e->line.failed || e->mline.failed || e->hline.failed) e->fail = 1;
  e->line.len = e->mline.len = e->hline.len = 0;
  e->chars = e->link_chars = e->bold_chars = 0;
  e->cells = 0;
}

static int is_block(int tag) { return (sapo_tag_flags[tag] & TF_BLOCK) != 0; }

/* a src that only holds the place of a lazily loaded image: a data: URI,
 * or a blank/spacer/pixel/placeholder/loading picture */
static int placeholder_src(const char *src) {
  if (!src || !*src || !strncmp(src, "data:", 5)) return 1;

  char low[256];
  size_t k = 0;
  for (; src[k] && k + 1 < sizeof low; k++) low[k] = (char)((src[k] >= 'A' && src[k] <= 'Z') ? src[k] + 32 : src[k]);
  low[k] = '\0';
  for (const char *const *w = W_PLACEHOLDER_SRC; *w; w++)
    if (strstr(low, *w)) return 1;
  return 0;
}

/* the widest candidate of a srcset ("a.jpg 640w, b.jpg 1280w", or 1x/2x)
 * into out */
static void srcset_best(const char *v, char *out, size_t cap) {
  double best = -1;
  out[0] = '\0';
  for (const char *p = v; *p;) {
    while (*p == ' ' || *p == ',' || *p == '\n' || *p == '\t') p++;
    if (!*p) break;
    const char *u = p;
    while (*p && *p != ' ' && *p != '\n' && *p != '\t' && !(*p == ',' && (p[1] == ' ' || p[1] == '\0'))) p++;
    size_t ul = (size_t)(p - u);
    while (*p == ' ') p++;
    double w = 1;
    if (*p && *p != ',') {
      w = strtod(p, NULL);
      while (*p && *p != ',') p++;
    }
    if (w > best && ul > 0 && ul < cap && strncmp(u, "data:", 5)) {
      best = w;
      memcpy(out, u, ul);
      out[ul] = '\0';
    }
  }
}

/* ===== IMAGES SEEN (each src once, in constant time) ===== */

static uint32_t src_hash(const char *s) {
  uint32_t h = 2166136261u;                 /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

/* Index + 1 of an image with this src, or 0. */
static int32_t seen_find(const emit_out *o, const char *src, size_t *slot) {
  size_t mask = o->seen_cap - 1, k = src_hash(src) & mask;
  while (o->seen[k]) {
    if (!strcmp(o->images[o->seen[k] - 1].src, src)) break;
    k = (k + 1) & mask;
  }
  *slot = k;
  return o->seen[k];
}

/* 1 when an image with src was pushed already; 0 after noting that the
 * image about to be pushed (index o->n_images) has it; -1 out of memory. */
static int image_seen(emit_out *o, const char *src) {
  if ((size_t)(o->n_images + 1) * 2 > o->seen_cap) {   /* load factor under 1/2 */
    size_t cap = o->seen_cap ? o->seen_cap * 2 : 16;
    int32_t *old = o->seen;
    size_t old_cap = o->seen_cap;
    o->seen = calloc(cap, sizeof *o->seen);
    if (!o->seen) { o->seen = old; return -1; }
    o->seen_cap = cap;
    for (size_t k = 0; k < old_cap; k++)
      if (old[k]) {
        size_t slot;
        seen_find(o, o->images[old[k] - 1].src, &slot);
        o->seen[slot] = old[k];
      }
    free(old);
  }
  size_t slot;
  if (seen_find(o, src, &slot)) return 1;
  o->seen[slot] = o->n_images + 1;
  return 0;
}

static void push_image(E *e, int32_t i) {
  const dtree *t = e->t;
  const char *src = dom_attr(t, i, "src");
  char first[2048];
  first[0] = '\0';
  /* the real picture of a lazy-loading page: its data-* attribute, else
   * the widest srcset candidate when src only holds the place */

  for (const char *const *a = W_LAZY_SRC_ATTRS; *a && !first[0]; a++) {
    const char *v = dom_attr(t, i, *a);
    if (v && *v && !placeholder_src(v) && strlen(v) < sizeof first) strcpy(first, v);
  }
  if (!first[0] && placeholder_src(src)) {
    for (const char *const *a = W_SRCSET_ATTRS; *a && !first[0]; a++) {
      const char *v = dom_attr(t, i, *a);
      if (v && *v) srcset_best(v, first, sizeof first);
    }
    if (!first[0] && src && *src && strncmp(src, "data:", 5) && strlen(src) < sizeof first) strcpy(first, src);
  } else if (!first[0] && src && strlen(src) < sizeof first) {
    strcpy(first, src);
  }
  /* a src with spaces around it */
  size_t k = 0, len = strlen(first);
  while (k < len && first[k] == ' ') k++;
  if (k) memmove(first, first + k, len - k + 1);
  len = strlen(first);
  while (len && first[len - 1] == ' ') first[--len] = '\0';
  if (!first[0]) return;
  char *abs = sapo_url_safe(e->base, first, SAPO_URL_IMAGE);
  if (!abs) return;
  emit_out *o = e->o;
  int seen = image_seen(o, abs);
  if (seen) { free(abs); if (seen < 0) e->fail = 1; return; }
  if (o->n_images == o->cap_images) {
    int cap = o->cap_images ? o->cap_images * 2 : 8;
    sapo_image *p = realloc(o->images, (size_t)cap * sizeof *p);
    if (!p) { free(abs); e->fail = 1; return; }
    o->images = p;
    o->cap_images = cap;
  }
  sapo_image *im = &o->images[o->n_images];
  memset(im, 0, sizeof *im);
  im->src = abs;
  const char *alt = dom_attr(t, i, "alt");
  if (alt && *alt) {
    sapo_buf b = SAPO_BUF_INIT;
    if (!sapo_clean(alt, strlen(alt), &b, 0) && b.len) im->alt = sapo_buf_detach(&b, NULL);
    sapo_buf_free(&b);
  }
  block *b = new_block(e);
  if (!b) return;
  b->kind = B_IMAGE;
  b->node = i;
  b->image = o->n_images++;
  b->flags = owner_flags(e, i);
}

/* Cells of a data table add to their row's line; cells of a layout table
 * are blocks of their own. */
static int row_cell(const dtree *t, int32_t i) {
  for (int32_t p = t->n[i].parent; p >= 0; p = t->n[p].parent)
    if (t->n[p].tag == T_TABLE) return (t->n[p].flags & DF_DATATABLE) != 0;
  return 0;
}

/* A <br> in loose text of a container (a div or a layout cell holding
 * blocks and text side by side, as pages of the table era wrote "title
 * <br> date <br><br> lead"): the lines are blocks of their own.  Inside a
 * paragraph, a list item, a heading or any open markup it stays a line
 * break (a poem, an address). */
static int loose_break(const E *e, int32_t br) {
  const dtree *t = e->t;
  if (!e->nowners || e->nowners > 64 || e->heading || e->pre || e->quote || e->in_link || e->bold || e->cells) return 0;
  int32_t owner = e->owners[e->nowners - 1];
  int otag = t->n[owner].tag;
  if (otag != T_DIV && otag != T_TD && otag != T_SECTION && otag != T_ARTICLE && otag != T_MAIN && otag != T_BODY &&
      otag != T_CENTER)
    return 0;
  for (int32_t p = t->n[br].parent; p >= 0 && p != owner; p = t->n[p].parent)
    if (t->n[p].tag != T_FONT && t->n[p].tag != T_SPAN) return 0;
  return 1;
}

/* ===== EMPHASIS ===== */

/* Markdown bold ("**") inside m[0, n) */
static int has_bold(const char *m, size_t n) {
  for (size_t i = 0; i + 1 < n; i++)
    if (m[i] == '*' && m[i + 1] == '*' && (i == 0 || m[i - 1] != '\\')) return 1;
  return 0;
}

/* Emphasis holds its words only: an empty <strong></strong> writes
 * nothing (not "****"), and spaces just inside the delimiters go outside
 * them ("**a **" would not close in CommonMark). */
static void emph_open(E *e) {
  if (e->emph_n < EMIT_MAX_EMPH) { e->emph_m[e->emph_n] = e->mline.len; e->emph_h[e->emph_n] = e->hline.len; }
  e->emph_n++;
}

static int md_space(char c) { return c == ' ' || c == '\n'; }

static void emph_close(E *e, const char *md, const char *html) {
  if (!e->emph_n) return;
  e->emph_n--;
  if (e->emph_n >= EMIT_MAX_EMPH || e->mline.failed || e->hline.failed) {
    sapo_buf_adds(&e->mline, md);
    sapo_buf_adds(&e->hline, html);
    return;
  }
  size_t om = e->emph_m[e->emph_n], oh = e->emph_h[e->emph_n], len = strlen(md);
  char *m = e->mline.data;
  size_t from = om + len, to = e->mline.len, lead = 0, trail = 0;
  while (from + lead < to && md_space(m[from + lead])) lead++;
  if (from + lead == to) {   /* nothing but spaces inside: no emphasis */
    e->mline.len = om;
    e->hline.len = oh;
    if (lead) { sapo_buf_addc(&e->mline, ' '); sapo_buf_addc(&e->hline, ' '); }
    return;
  }
  if (lead) {   /* "** a" -> " **a" */
    memmove(m + om + lead, m + om, len);
    memset(m + om, ' ', lead);
  }
  while (to - trail > from && md_space(m[to - trail - 1])) trail++;
  e->mline.len = to - trail;
  sapo_buf_adds(&e->mline, md);
  if (trail) sapo_buf_addc(&e->mline, ' ');
  sapo_buf_adds(&e->hline, html);
}

static void enter(E *e, int32_t i) {
  const dtree *t = e->t;
  int tag = t->n[i].tag;
  if (i < e->nf_n) {
    int32_t p = t->n[i].parent;
    e->nf[i] = own_flags(t, i) | (p >= 0 && p != e->root && p < e->nf_n ? e->nf[p] : 0);
  }
  if (is_block(tag)) {
    if ((tag == T_TD || tag == T_TH) && row_cell(t, i)) {
      /* cells add to their row's line */
    } else {
      flush(e);
      if (e->nowners < 64) e->owners[e->nowners] = i;
      e->nowners++;
    }
  }
  switch (tag) {
  case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
    e->heading = tag == T_H1 ? 2 : tag - T_H1 + 1;
    break;
  case T_UL: case T_OL:
    if (e->list_depth < 16) e->ol[e->list_depth] = tag == T_OL ? 1 : 0;
    e->list_depth++;
    break;
  case T_TABLE: e->group = i; break;
  case T_PRE: e->pre++; break;
  case T_BLOCKQUOTE: e->quote++; break;
  case T_BR:
    if (loose_break(e, i)) { flush(e); break; }
    sapo_buf_addc(&e->line, '\n'); sapo_buf_adds(&e->mline, "  \n"); sapo_buf_addc(&e->hline, '\n'); break;
  case T_IMG: flush(e); push_image(e, i); break;
  case T_TD: case T_TH:
    if (!row_cell(t, i)) break;
    if (e->cells++) { sapo_buf_adds(&e->line, " | "); sapo_buf_adds(&e->mline, " | "); }
    sapo_buf_adds(&e->hline, tag == T_TH ? "<th>" : "<td>");
    break;
  case T_A: {
    /* the href is checked once, kept until the link closes */
    char *href = NULL;
    if ((e->formats & (SAPO_FMT_MARKDOWN | SAPO_FMT_HTML)) && e->in_link < EMIT_MAX_LINKS)
      href = sapo_url_safe(e->base, dom_attr(t, i, "href"), SAPO_URL_LINK);
    if (href) {
      sapo_buf_addc(&e->mline, '[');
      sapo_buf_adds(&e->hline, "<a href=\"");
      html_escape(&e->hline, href, strlen(href));
      sapo_buf_adds(&e->hline, "\">");
    }
    if (e->in_link < EMIT_MAX_LINKS) e->links[e->in_link] = href;
    e->in_link++;
    break;
  }
  case T_STRONG: case T_B:
    emph_open(e);
    sapo_buf_adds(&e->mline, "**"); sapo_buf_adds(&e->hline, "<strong>"); e->bold++;
    break;
  case T_EM: case T_I:
    emph_open(e);
    sapo_buf_addc(&e->mline, '*'); sapo_buf_adds(&e->hline, "<em>");
    break;
  case T_CODE: if (!e->pre) { sapo_buf_addc(&e->mline, '`'); sapo_buf_adds(&e->hline, "<code>"); } break;
  default: break;
  }
}

static void leave(E *e, int32_t i) {
  const dtree *t = e->t;
  int tag = t->n[i].tag;
  switch (tag) {
  case T_A:
    if (e->in_link) e->in_link--;
    if (e->in_link < EMIT_MAX_LINKS && e->links[e->in_link]) {
      char *href = e->links[e->in_link];
      sapo_buf_adds(&e->mline, "](");
      sapo_url_md(&e->mline, href);
      sapo_buf_addc(&e->mline, ')');
      sapo_buf_adds(&e->hline, "</a>");
      free(href);
      e->links[e->in_link] = NULL;
    }
    break;
  case T_STRONG: case T_B: emph_close(e, "**", "</strong>"); if (e->bold) e->bold--; break;
  case T_EM: case T_I: emph_close(e, "*", "</em>"); break;
  case T_CODE: if (!e->pre) { sapo_buf_addc(&e->mline, '`'); sapo_buf_adds(&e->hline, "</code>"); } break;
  case T_TD: case T_TH: if (row_cell(t, i)) sapo_buf_adds(&e->hline, tag == T_TH ? "</th>" : "</td>"); break;
  default: break;
  }
  if (is_block(tag) && !((tag == T_TD || tag == T_TH) && row_cell(t, i))) {
    flush(e);
    if (e->nowners) e->nowners--;
  }
  switch (tag) {
  case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6: e->heading = 0; break;
  case T_UL: case T_OL: if (e->list_depth) e->list_depth--; break;
  case T_LI:
    if (e->list_depth > 0 && e->list_depth <= 16 && e->ol[e->list_depth - 1] > 0) e->ol[e->list_depth - 1]++;
    break;
  case T_TABLE: e->group = 0; break;
  case T_PRE: if (e->pre) e->pre--; break;
  case T_BLOCKQUOTE: if (e->quote) e->quote--; break;
  default: break;
  }
}

int emit_blocks(const dtree *t, int32_t root, const char *base, int formats, emit_out *o) {
  memset(o, 0, sizeof *o);
  E e;
  memset(&e, 0, sizeof e);
  e.t = t;
  e.root = root;
  e.base = base;
  e.formats = formats;
  e.o = o;
  e.nf = calloc((size_t)(t->count ? t->count : 1), sizeof *e.nf);
  if (!e.nf) return -1;
  e.nf_n = t->count;
  int32_t n = t->n[root].first;
  while (n >= 0 && !e.fail) {
    const dnode *d = &t->n[n];
    if (d->type == DN_TEXT) {
      if (!e.hidden) add_text(&e, d->text, d->tlen);
    } else {
      enter(&e, n);
      if (d->first >= 0) { e.hidden += (sapo_tag_flags[d->tag] & TF_SKIP) != 0; n = d->first; continue; }
      leave(&e, n);
    }
    while (n >= 0 && n != root && t->n[n].next < 0) {
      n = t->n[n].parent;
      if (n >= 0 && n != root) {
        e.hidden -= (sapo_tag_flags[t->n[n].tag] & TF_SKIP) != 0;
        leave(&e, n);
      }
    }
    if (n < 0 || n == root) break;
    n = t->n[n].next;
  }
  flush(&e);
  for (int k = 0; k < EMIT_MAX_LINKS; k++) free(e.links[k]);
  sapo_buf_free(&e.line);
  sapo_buf_free(&e.mline);
  sapo_buf_free(&e.hline);
  free(e.nf);
  if (e.fail || o->text.failed || o->md.failed || o->html.failed) return -1;
  return 0;
}

/* A paragraph block from plain text, at the front or the end. */
static int add_para(emit_out *o, const char *text, size_t n, unsigned flags, int front) {
  if (reserve_block(o)) return -1;
  if (front) memmove(o->b + 1, o->b, (size_t)o->n * sizeof *o->b);
  block *b = &o->b[front ? 0 : o->n];
  o->n++;
  memset(b, 0, sizeof *b);
  b->kind = B_PARA;
  b->image = -1;
  b->node = -1;
  b->flags = flags;
  b->t_off = o->text.len;
  sapo_buf_add(&o->text, text, n);
  b->t_len = n;
  b->chars = (uint32_t)n;
  b->m_off = o->md.len;
  md_escape(&o->md, text, n);
  b->m_len = o->md.len - b->m_off;
  b->h_off = o->html.len;
  html_escape(&o->html, text, n);
  b->h_len = o->html.len - b->h_off;
  return (o->text.failed || o->md.failed || o->html.failed) ? -1 : 0;
}

int emit_prepend(emit_out *o, const char *text, unsigned flags) { return add_para(o, text, strlen(text), flags, 1); }

int emit_append(emit_out *o, const char *text, size_t n, unsigned flags) { return add_para(o, text, n, flags, 0); }

/* Backticks a code fence around s needs: three, or one more than the
 * longest run inside. */
static size_t md_fence(const char *s, size_t n) {
  size_t longest = 0, run = 0;
  for (size_t i = 0; i < n; i++) {
    run = s[i] == '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest >= 3 ? longest + 1 : 3;
}

int emit_md_text(sapo_buf *b, const char *s, size_t n) {
  sapo_buf tmp = SAPO_BUF_INIT;
  md_escape(&tmp, s, n);
  md_lines(b, sapo_buf_cstr(&tmp), tmp.len);
  int failed = tmp.failed || b->failed;
  sapo_buf_free(&tmp);
  return failed ? -1 : 0;
}

/* ===== PASS 2: SERIALISE ===== */

static long count_words(const char *s, size_t n) {
  long w = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int sp = c == ' ' || c == '\n';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

/* the image's alt text, or its caption when the alt said the same */
static const char *alt_text(const sapo_image *im) { return im->alt ? im->alt : im->caption; }

static void md_image(sapo_buf *md, const sapo_image *im) {
  const char *alt = alt_text(im);
  sapo_buf_adds(md, "![");
  if (alt) md_escape(md, alt, strlen(alt));
  sapo_buf_adds(md, "](");
  sapo_url_md(md, im->src);
  sapo_buf_addc(md, ')');
  if (im->caption || im->credit) {
    sapo_buf_adds(md, "\n\n*");
    if (im->caption) md_escape(md, im->caption, strlen(im->caption));
    if (im->caption && im->credit) sapo_buf_adds(md, " ");
    if (im->credit) {
      sapo_buf_adds(md, "(");
      md_escape(md, im->credit, strlen(im->credit));
      sapo_buf_adds(md, ")");
    }
    sapo_buf_addc(md, '*');
  }
}

static void html_image(sapo_buf *h, const sapo_image *im) {
  sapo_buf_adds(h, "<figure><img src=\"");
  html_escape(h, im->src, strlen(im->src));
  sapo_buf_addc(h, '"');
  const char *alt = alt_text(im);
  if (alt) {
    sapo_buf_adds(h, " alt=\"");
    html_escape(h, alt, strlen(alt));
    sapo_buf_addc(h, '"');
  }
  sapo_buf_addc(h, '>');
  if (im->caption || im->credit) {
    sapo_buf_adds(h, "<figcaption>");
    if (im->caption) html_escape(h, im->caption, strlen(im->caption));
    if (im->credit) {
      sapo_buf_adds(h, im->caption ? " <small>" : "<small>");
      html_escape(h, im->credit, strlen(im->credit));
      sapo_buf_adds(h, "</small>");
    }
    sapo_buf_adds(h, "</figcaption>");
  }
  sapo_buf_adds(h, "</figure>");
}

/* inline HTML with "\n" (from <br>) as <br> */
static void html_inline(sapo_buf *h, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\n') sapo_buf_adds(h, "<br>");
    else sapo_buf_addc(h, s[i]);
  }
}

static int count_cells(const char *s, size_t n) {
  int k = 1;
  for (size_t i = 0; i + 2 < n; i++)
    if (s[i] == ' ' && s[i + 1] == '|' && s[i + 2] == ' ' && (i == 0 || s[i - 1] != '\\')) k++;
  return k;
}

int emit_serialize(const emit_out *o, int formats, char **text, size_t *tlen, char **md, size_t *mlen,
                   char **html, size_t *hlen, long *words) {
  sapo_buf T = SAPO_BUF_INIT, M = SAPO_BUF_INIT, H = SAPO_BUF_INIT;
  *words = 0;
  int32_t last_table = -1;
  int list_open = 0;  /* 0 none, 1 ul, 2 ol */
  for (int k = 0; k < o->n; k++) {
    const block *b = &o->b[k];
    if (b->flags & BF_DROP) continue;
    if (b->kind == B_IMAGE) {
      const sapo_image *im = &o->images[b->image];
      if (formats & SAPO_FMT_MARKDOWN) { if (M.len) sapo_buf_adds(&M, "\n\n"); md_image(&M, im); }
      if (formats & SAPO_FMT_HTML) {
        if (list_open) { sapo_buf_adds(&H, list_open == 2 ? "</ol>" : "</ul>"); list_open = 0; }
        if (last_table >= 0) { sapo_buf_adds(&H, "</table>"); last_table = -1; }
        if (H.len) sapo_buf_addc(&H, '\n');
        html_image(&H, im);
      }
      continue;
    }
    const char *t = o->text.data ? o->text.data + b->t_off : "";
    if (T.len) sapo_buf_adds(&T, "\n\n");
    sapo_buf_add(&T, t, b->t_len);
    *words += count_words(t, b->t_len);
    if (formats & SAPO_FMT_MARKDOWN) {
      const char *m = o->md.data ? o->md.data + b->m_off : "";
      int same_table = b->kind == B_ROW && k > 0 && o->b[k - 1].kind == B_ROW && o->b[k - 1].level == b->level &&
                       !(o->b[k - 1].flags & BF_DROP);
      int first_row = b->kind == B_ROW && !same_table;
      if (M.len) sapo_buf_adds(&M, same_table ? "\n" : "\n\n");
      if (b->quote) sapo_buf_adds(&M, "> ");
      if (b->kind == B_HEADING) {
        for (int i = 0; i < b->level; i++) sapo_buf_addc(&M, '#');
        sapo_buf_addc(&M, ' ');
        md_lines(&M, m, b->m_len);
      } else if (b->kind == B_LI) {
        for (int i = 1; i < b->level; i++) sapo_buf_adds(&M, "  ");
        if (b->ordinal > 0) {
          char num[16];
          snprintf(num, sizeof num, "%d. ", b->ordinal);
          sapo_buf_adds(&M, num);
        } else sapo_buf_adds(&M, "- ");
        md_lines(&M, m, b->m_len);
      } else if (b->kind == B_PRE) {
        /* a fence longer than any run of backticks inside: the page's
         * text can never close it early */
        size_t fence = md_fence(m, b->m_len);
        for (size_t i = 0; i < fence; i++) sapo_buf_addc(&M, '`');
        sapo_buf_addc(&M, '\n');
        sapo_buf_add(&M, m, b->m_len);
        sapo_buf_addc(&M, '\n');
        for (size_t i = 0; i < fence; i++) sapo_buf_addc(&M, '`');
      } else if (b->kind == B_ROW) {
        sapo_buf_adds(&M, "| ");
        sapo_buf_add(&M, m, b->m_len);
        sapo_buf_adds(&M, " |");
        if (first_row) {
          int cells = count_cells(m, b->m_len);
          sapo_buf_addc(&M, '\n');
          for (int i = 0; i < cells; i++) sapo_buf_adds(&M, "| --- ");
          sapo_buf_addc(&M, '|');
        }
      } else if ((b->flags & BF_LEAD) && b->kind == B_PARA && b->m_len && !has_bold(m, b->m_len)) {
        /* the lead, in bold (unless it holds bold of its own) */
        sapo_buf_adds(&M, "**");
        md_lines(&M, m, b->m_len);
        sapo_buf_adds(&M, "**");
      } else md_lines(&M, m, b->m_len);
    }
    if (formats & SAPO_FMT_HTML) {
      const char *h = o->html.data ? o->html.data + b->h_off : "";
      int want_list = b->kind == B_LI ? (b->ordinal > 0 ? 2 : 1) : 0;
      if (list_open && list_open != want_list) { sapo_buf_adds(&H, list_open == 2 ? "</ol>" : "</ul>"); list_open = 0; }
      if (last_table >= 0 && (b->kind != B_ROW || b->level != last_table)) { sapo_buf_adds(&H, "</table>"); last_table = -1; }
      if (H.len) sapo_buf_addc(&H, '\n');
      if (want_list && !list_open) { sapo_buf_adds(&H, want_list == 2 ? "<ol>" : "<ul>"); list_open = want_list; }
      if (b->kind == B_ROW && last_table < 0) { sapo_buf_adds(&H, "<table>"); last_table = b->level; }
      if (b->quote) sapo_buf_adds(&H, "<blockquote>");
      char open[8] = "<p>", close[8] = "</p>";
      if (b->kind == B_HEADING) {
        snprintf(open, sizeof open, "<h%d>", b->level);
        snprintf(close, sizeof close, "</h%d>", b->level);
      } else if (b->kind == B_LI) { strcpy(open, "<li>"); strcpy(close, "</li>"); }
      else if (b->kind == B_PRE) { strcpy(open, "<pre>"); strcpy(close, "</pre>"); }
      else if (b->kind == B_ROW) { strcpy(open, "<tr>"); strcpy(close, "</tr>"); }
      sapo_buf_adds(&H, (b->flags & BF_LEAD) && b->kind == B_PARA ? "<p class=\"lead\">" : open);
      html_inline(&H, h, b->h_len);
      sapo_buf_adds(&H, close);
      if (b->quote) sapo_buf_adds(&H, "</blockquote>");
    }
  }
  if (list_open) sapo_buf_adds(&H, list_open == 2 ? "</ol>" : "</ul>");
  if (last_table >= 0) sapo_buf_adds(&H, "</table>");
  int fail = T.failed || M.failed || H.failed;
  *text = sapo_buf_detach(&T, tlen);
  if (!*text && !fail) { *text = strdup(""); *tlen = 0; }
  *md = (formats & SAPO_FMT_MARKDOWN) ? sapo_buf_detach(&M, mlen) : NULL;
  *html = (formats & SAPO_FMT_HTML) ? sapo_buf_detach(&H, hlen) : NULL;
  sapo_buf_free(&M);
  sapo_buf_free(&H);
  if ((formats & SAPO_FMT_MARKDOWN) && !*md) { *md = strdup(""); *mlen = 0; }
  if ((formats & SAPO_FMT_HTML) && !*html) { *html = strdup(""); *hlen = 0; }
  return fail || !*text ? -1 : 0;
}

void emit_free(emit_out *o) {
  free(o->b);
  sapo_buf_free(&o->text);
  sapo_buf_free(&o->md);
  sapo_buf_free(&o->html);
  for (int k = 0; k < o->n_images; k++) {
    free(o->images[k].src); free(o->images[k].alt); free(o->images[k].caption); free(o->images[k].credit);
  }
  free(o->images);
  free(o->seen);
  memset(o, 0, sizeof *o);
}
