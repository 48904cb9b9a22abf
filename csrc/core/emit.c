/* emit.c: the serialise stage (see emit.h).  Walks the chosen subtree once
 * with enter/exit events; inline content accumulates in three line buffers
 * (plain, Markdown, HTML) that are flushed as one block at each block
 * boundary.  Captions go to the image list, never twice into the body. */
#include "emit.h"
#include <stdlib.h>
#include <string.h>
#include <libxml/uri.h>
#include "tags.h"
#include "utext.h"

char *emit_resolve(const char *base, const char *href) {
  if (!href) return NULL;
  while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r') href++;
  if (!*href) return NULL;
  if (!strncasecmp(href, "javascript:", 11) || !strncasecmp(href, "vbscript:", 9)) return NULL;
  if (!strncasecmp(href, "data:", 5) && strncasecmp(href, "data:image/", 11)) return NULL;
  xmlChar *r = base ? xmlBuildURI((const xmlChar *)href, (const xmlChar *)base) : NULL;
  char *out = strdup(r ? (const char *)r : href);
  if (r) xmlFree(r);
  return out;
}

typedef struct {
  const dtree *t;
  const char *base;
  int formats, keep_captions;
  emit_out *o;
  sapo_buf line, mline, hline;   /* the open block */
  int block_kind;                /* tag of the block that owns the line */
  int heading;                   /* 1..6 when inside a heading */
  int list_depth;
  int ol[16];                    /* counters for nested ordered lists (0 = ul) */
  int pre, quote, in_caption, in_link, cells;
  int pending_image;             /* index of the last image, for a caption */
  int fail;
} E;

static void md_escape(sapo_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>') sapo_buf_addc(b, '\\');
    sapo_buf_addc(b, c);
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

/* Text as it goes into a line: source line breaks are only spaces. */
static void add_inline_text(E *e, const char *s, size_t n) {
  if (e->in_caption && !e->keep_captions) {
    /* captions are collected into the image list by collect_caption */
    return;
  }
  size_t start = e->line.len;
  sapo_buf_add(&e->line, s, n);
  if (!e->pre && !e->line.failed)
    for (size_t i = start; i < e->line.len; i++)
      if (e->line.data[i] == '\n' || e->line.data[i] == '\r' || e->line.data[i] == '\t') e->line.data[i] = ' ';
  if (e->formats & SAPO_FMT_MARKDOWN) {
    if (e->pre) sapo_buf_add(&e->mline, s, n);
    else md_escape(&e->mline, s, n);
  }
  if (e->formats & SAPO_FMT_HTML) html_escape(&e->hline, s, n);
}

static int blank(const sapo_buf *b) {
  for (size_t i = 0; i < b->len; i++)
    if (b->data[i] != ' ' && b->data[i] != '\n' && b->data[i] != '\t' && b->data[i] != '\r') return 0;
  return 1;
}

static void sep(sapo_buf *b, const char *s) { if (b->len) sapo_buf_adds(b, s); }

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

/* Close the open block: write it to the three outputs. */
static void flush(E *e) {
  if (blank(&e->line) && !(e->formats & ~SAPO_FMT_TEXT && e->hline.len && strstr(sapo_buf_cstr(&e->hline), "<img"))) {
    e->line.len = e->mline.len = e->hline.len = 0;
    return;
  }
  sapo_buf clean = SAPO_BUF_INIT;
  if (e->pre) {
    /* keep preformatted text as it is, minus invisible characters */
    if (sapo_clean(sapo_buf_cstr(&e->line), e->line.len, &clean, 1)) e->fail = 1;
  } else if (sapo_clean(sapo_buf_cstr(&e->line), e->line.len, &clean, 1)) e->fail = 1;
  if (clean.len) {
    sep(&e->o->text, "\n\n");
    sapo_buf_add(&e->o->text, clean.data, clean.len);
    e->o->words += count_words(clean.data, clean.len);
  }
  if (e->formats & SAPO_FMT_MARKDOWN) {
    sapo_buf m = SAPO_BUF_INIT;
    if (sapo_clean(sapo_buf_cstr(&e->mline), e->mline.len, &m, 1)) e->fail = 1;
    if (m.len) {
      sep(&e->o->md, "\n\n");
      if (e->heading) {
        for (int k = 0; k < e->heading; k++) sapo_buf_addc(&e->o->md, '#');
        sapo_buf_addc(&e->o->md, ' ');
      } else if (e->block_kind == T_LI) {
        for (int k = 1; k < e->list_depth; k++) sapo_buf_adds(&e->o->md, "  ");
        int d = e->list_depth > 0 && e->list_depth <= 16 ? e->ol[e->list_depth - 1] : 0;
        if (d > 0) {
          char num[16];
          snprintf(num, sizeof num, "%d. ", d);
          sapo_buf_adds(&e->o->md, num);
        } else sapo_buf_adds(&e->o->md, "- ");
      }
      if (e->quote) sapo_buf_adds(&e->o->md, "> ");
      if (e->pre) sapo_buf_adds(&e->o->md, "```\n");
      sapo_buf_add(&e->o->md, m.data, m.len);
      if (e->pre) sapo_buf_adds(&e->o->md, "\n```");
    }
    sapo_buf_free(&m);
  }
  if (e->formats & SAPO_FMT_HTML) {
    sapo_buf h = SAPO_BUF_INIT;
    if (sapo_clean(sapo_buf_cstr(&e->hline), e->hline.len, &h, 1)) e->fail = 1;
    if (h.len) {
      const char *tag = e->heading ? NULL : e->pre ? "pre" : e->block_kind == T_LI ? "li" : "p";
      char open[8], close[8];
      if (e->heading) {
        snprintf(open, sizeof open, "<h%d>", e->heading);
        snprintf(close, sizeof close, "</h%d>", e->heading);
      } else {
        snprintf(open, sizeof open, "<%s>", tag);
        snprintf(close, sizeof close, "</%s>", tag);
      }
      if (e->o->html.len) sapo_buf_addc(&e->o->html, '\n');
      if (e->quote) sapo_buf_adds(&e->o->html, "<blockquote>");
      sapo_buf_adds(&e->o->html, open);
      /* sapo_clean turned <br> markers into "\n": make them <br> again */
      for (size_t i = 0; i < h.len; i++) {
        if (h.data[i] == '\n') sapo_buf_adds(&e->o->html, "<br>");
        else sapo_buf_addc(&e->o->html, h.data[i]);
      }
      sapo_buf_adds(&e->o->html, close);
      if (e->quote) sapo_buf_adds(&e->o->html, "</blockquote>");
    }
    sapo_buf_free(&h);
  }
  sapo_buf_free(&clean);
  if (e->line.failed || e->mline.failed || e->hline.failed) e->fail = 1;
  e->line.len = e->mline.len = e->hline.len = 0;
  if (e->line.data) e->line.data[0] = '\0';
  e->cells = 0;
}

static int is_block(int tag) {
  return (sapo_tag_flags[tag] & TF_BLOCK) && tag != T_SPAN;
}

static int push_image(E *e, int32_t i) {
  const dtree *t = e->t;
  const char *src = dom_attr(t, i, "src");
  static const char *const lazy[] = {"data-src", "data-original", "data-lazy-src", "data-srcset", "srcset", NULL};
  if (!src || !*src || !strncmp(src, "data:", 5))
    for (const char *const *a = lazy; *a; a++) {
      const char *v = dom_attr(t, i, *a);
      if (v && *v && strncmp(v, "data:", 5)) { src = v; break; }
    }
  if (!src || !*src) return 0;
  /* srcset: the first URL */
  char first[2048];
  size_t k = 0;
  while (src[k] && src[k] != ' ' && src[k] != ',' && k + 1 < sizeof first) { first[k] = src[k]; k++; }
  first[k] = '\0';
  char *abs = emit_resolve(e->base, first);
  if (!abs) return 0;
  emit_out *o = e->o;
  for (int j = 0; j < o->n_images; j++)
    if (!strcmp(o->images[j].src, abs)) { free(abs); e->pending_image = j; return 0; }
  if (o->n_images == o->cap_images) {
    int cap = o->cap_images ? o->cap_images * 2 : 8;
    sapo_image *p = realloc(o->images, (size_t)cap * sizeof *p);
    if (!p) { free(abs); return -1; }
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
  e->pending_image = o->n_images++;
  if (e->formats & SAPO_FMT_MARKDOWN) {
    sep(&o->md, "\n\n");
    sapo_buf_adds(&o->md, "![");
    if (im->alt) md_escape(&o->md, im->alt, strlen(im->alt));
    sapo_buf_adds(&o->md, "](");
    sapo_buf_adds(&o->md, abs);
    sapo_buf_adds(&o->md, ")");
  }
  if (e->formats & SAPO_FMT_HTML) {
    if (o->html.len) sapo_buf_addc(&o->html, '\n');
    sapo_buf_adds(&o->html, "<figure><img src=\"");
    html_escape(&o->html, abs, strlen(abs));
    sapo_buf_adds(&o->html, "\"");
    if (im->alt) {
      sapo_buf_adds(&o->html, " alt=\"");
      html_escape(&o->html, im->alt, strlen(im->alt));
      sapo_buf_adds(&o->html, "\"");
    }
    sapo_buf_adds(&o->html, "></figure>");
  }
  return 0;
}

/* Caption text of node i, attached to the last image (once, and never a
 * copy of its alt text). */
static void collect_caption(E *e, int32_t i) {
  if (e->pending_image < 0) return;
  sapo_buf raw = SAPO_BUF_INIT, c = SAPO_BUF_INIT;
  dom_text(e->t, i, &raw);
  if (!raw.failed && !sapo_clean(sapo_buf_cstr(&raw), raw.len, &c, 0) && c.len) {
    sapo_image *im = &e->o->images[e->pending_image];
    if (!im->caption) {
      im->caption = sapo_buf_detach(&c, NULL);
      if (im->alt && !strcmp(im->alt, im->caption)) { free(im->alt); im->alt = NULL; }
      if (e->formats & SAPO_FMT_MARKDOWN) {
        sapo_buf_adds(&e->o->md, "\n\n*");
        md_escape(&e->o->md, im->caption, strlen(im->caption));
        sapo_buf_adds(&e->o->md, "*");
      }
      if ((e->formats & SAPO_FMT_HTML) && e->o->html.len >= 9 &&
          !strcmp(e->o->html.data + e->o->html.len - 9, "</figure>")) {
        e->o->html.len -= 9;
        sapo_buf_adds(&e->o->html, "<figcaption>");
        html_escape(&e->o->html, im->caption, strlen(im->caption));
        sapo_buf_adds(&e->o->html, "</figcaption></figure>");
      }
    }
  }
  sapo_buf_free(&raw);
  sapo_buf_free(&c);
}

static void enter(E *e, int32_t i) {
  const dtree *t = e->t;
  int tag = t->n[i].tag;
  if (is_block(tag) || tag == T_TR) {
    flush(e);
    e->block_kind = tag;
  }
  switch (tag) {
  case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
    e->heading = tag == T_H1 ? 2 : tag - T_H1 + 1;
    break;
  case T_UL: case T_OL:
    if (e->list_depth < 16) e->ol[e->list_depth] = tag == T_OL ? 1 : 0;
    e->list_depth++;
    break;
  case T_LI:
    break;
  case T_PRE: e->pre++; break;
  case T_BLOCKQUOTE: e->quote++; break;
  case T_FIGCAPTION: case T_CAPTION:
    if (!e->keep_captions) collect_caption(e, i);
    e->in_caption++;
    break;
  case T_BR: sapo_buf_addc(&e->line, '\n'); sapo_buf_adds(&e->mline, "  \n"); sapo_buf_addc(&e->hline, '\n'); break;
  case T_IMG:
    if (push_image(e, i)) e->fail = 1;
    break;
  case T_TD: case T_TH:
    if (e->cells++ && !blank(&e->line)) { sapo_buf_adds(&e->line, " | "); sapo_buf_adds(&e->mline, " | "); sapo_buf_adds(&e->hline, " | "); }
    break;
  case T_A: {
    if (e->formats & (SAPO_FMT_MARKDOWN | SAPO_FMT_HTML)) {
      char *href = emit_resolve(e->base, dom_attr(t, i, "href"));
      if (href) {
        sapo_buf_addc(&e->mline, '[');
        sapo_buf_adds(&e->hline, "<a href=\"");
        html_escape(&e->hline, href, strlen(href));
        sapo_buf_adds(&e->hline, "\">");
        free(href);
        e->in_link = 1;
      }
    }
    break;
  }
  case T_STRONG: case T_B: sapo_buf_adds(&e->mline, "**"); sapo_buf_adds(&e->hline, "<strong>"); break;
  case T_EM: case T_I: sapo_buf_addc(&e->mline, '*'); sapo_buf_adds(&e->hline, "<em>"); break;
  case T_CODE: if (!e->pre) { sapo_buf_addc(&e->mline, '`'); sapo_buf_adds(&e->hline, "<code>"); } break;
  default: break;
  }
}

static void leave(E *e, int32_t i) {
  const dtree *t = e->t;
  int tag = t->n[i].tag;
  switch (tag) {
  case T_A:
    if (e->in_link) {
      char *href = emit_resolve(e->base, dom_attr(t, i, "href"));
      sapo_buf_adds(&e->mline, "](");
      if (href) sapo_buf_adds(&e->mline, href);
      sapo_buf_addc(&e->mline, ')');
      sapo_buf_adds(&e->hline, "</a>");
      free(href);
      e->in_link = 0;
    }
    break;
  case T_STRONG: case T_B: sapo_buf_adds(&e->mline, "**"); sapo_buf_adds(&e->hline, "</strong>"); break;
  case T_EM: case T_I: sapo_buf_addc(&e->mline, '*'); sapo_buf_adds(&e->hline, "</em>"); break;
  case T_CODE: if (!e->pre) { sapo_buf_addc(&e->mline, '`'); sapo_buf_adds(&e->hline, "</code>"); } break;
  default: break;
  }
  if (is_block(tag) || tag == T_TR) {
    flush(e);
    e->block_kind = 0;
  }
  switch (tag) {
  case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6: e->heading = 0; break;
  case T_UL: case T_OL: if (e->list_depth) e->list_depth--; break;
  case T_LI:
    if (e->list_depth > 0 && e->list_depth <= 16 && e->ol[e->list_depth - 1] > 0) e->ol[e->list_depth - 1]++;
    break;
  case T_PRE: if (e->pre) e->pre--; break;
  case T_BLOCKQUOTE: if (e->quote) e->quote--; break;
  case T_FIGCAPTION: case T_CAPTION: if (e->in_caption) e->in_caption--; break;
  case T_FIGURE: e->pending_image = -1; break;
  default: break;
  }
}

int emit_article(const dtree *t, int32_t root, const char *base, int formats, int keep_captions, emit_out *o) {
  memset(o, 0, sizeof *o);
  E e;
  memset(&e, 0, sizeof e);
  e.t = t;
  e.base = base;
  e.formats = formats;
  e.keep_captions = keep_captions;
  e.o = o;
  e.pending_image = -1;
  int32_t n = t->n[root].first;
  while (n >= 0) {
    const dnode *d = &t->n[n];
    if (d->type == DN_TEXT) add_inline_text(&e, d->text, d->tlen);
    else {
      enter(&e, n);
      if (d->first >= 0) { n = d->first; continue; }
      leave(&e, n);
    }
    while (n >= 0 && n != root && t->n[n].next < 0) {
      n = t->n[n].parent;
      if (n >= 0 && n != root) leave(&e, n);
    }
    if (n < 0 || n == root) break;
    n = t->n[n].next;
  }
  flush(&e);
  sapo_buf_free(&e.line);
  sapo_buf_free(&e.mline);
  sapo_buf_free(&e.hline);
  if (e.fail || o->text.failed || o->md.failed || o->html.failed) return -1;
  return 0;
}

void emit_free(emit_out *o) {
  sapo_buf_free(&o->text);
  sapo_buf_free(&o->md);
  sapo_buf_free(&o->html);
  for (int k = 0; k < o->n_images; k++) {
    free(o->images[k].src); free(o->images[k].alt); free(o->images[k].caption); free(o->images[k].credit);
  }
  free(o->images);
  memset(o, 0, sizeof *o);
}
