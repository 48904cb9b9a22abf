/* lead.c: the article's lead (the sapo, standfirst, dek, chapeau,
 * Vorspann, perex, ...), found over the emitted blocks and, around the
 * chosen container, on libxml2's tree (which the finder never changes).
 * Sources, in order: an element named as a lead (class, id, itemprop,
 * type, data-*) owning the first blocks; a lead element between the title
 * and the article; a first paragraph set apart in bold; the lines above
 * names signed over the text; a long heading that opens the body; the
 * paragraph, h2 or one-paragraph div right under the title (or in a
 * wrapper of one child); the description when it is the first paragraph.  Never
 * a caption, a dated line, an element named as a title, a sales box or a
 * repeat of the title: nil rather than a guess. */
#include "lead.h"
#include "words.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "blocks.h"
#include "date.h"
#include "dom.h"
#include "find.h"
#include "html.h"
#include "phrases.h"
#include "shapes.h"
#include "tags.h"
#include "utext.h"

#define LEAD_MAX_BLOCKS 2   /* a lead element holds at most this many blocks */
#define LEAD_LIST_ITEMS 4   /* items of a lead list ("summary-list" of key points) */
#define LEAD_MIN   40       /* characters of a lead                          */
#define LEAD_MAX   600
#define LEAD_ELEMENT_MAX 1500   /* characters of a lead-class element's text     */
#define LEAD_ELEMENT_BLOCKS 3   /* paragraphs of a lead-class element outside the body */
#define LEAD_ELEMENT_MIN 25     /* characters of a lead-class element (a short strapline) */
#define LEAD_MEDIA_CLASS_UP 2        /* levels up a caption/photo class still owns a block */
#define LEAD_DEK_WORDS 12            /* words of an opening heading that is a dek, not a section head */
#define LEAD_INLINE_SHARE 8          /* tenths of a paragraph's text an inline lead wrapper holds */
#define LEAD_PITCH_UP 3              /* levels up a subscribe/promo box still owns a lead candidate */
#define LEAD_TITLE_SHARE 0.8    /* share of a candidate's words that are the title's: it repeats it */
#define LEAD_AFTER 2        /* ordinary paragraphs a bold first one must precede */
#define LEAD_DESC_WORDS 3   /* words of a first paragraph the description repeats whole */
#define LEAD_WRAP_DEPTH 2   /* wrappers of one child around the element under the title */
#define LEAD_TEXT_PARA 200  /* characters of one paragraph that is surely the text */

/* a lead's name in class, id, itemprop, type or a data-* attribute's
 * value ("article__preamble", itemprop="description", data-manual=
 * "teaserText", <div type="lead">) */
#define LEAD_DATA_MAX 64   /* bytes of a data-* value that names something (longer: data, JSON) */
static int lead_class_x(xmlNodePtr x) {
  for (xmlAttrPtr a = x->properties; a; a = a->next) {
    const char *n = (const char *)a->name;
    if (!n || !a->children || a->children->type != XML_TEXT_NODE || !a->children->content) continue;
    const char *v = (const char *)a->children->content;
    if (!strncmp(n, "data-", 5)) {
      if (strnlen(v, LEAD_DATA_MAX + 1) > LEAD_DATA_MAX) continue;
    } else if (strcmp(n, "class") && strcmp(n, "id") && strcmp(n, "itemprop") && strcmp(n, "type"))
      continue;
    if (dom_has_token(v, sapo_lead_tokens)) return 1;
  }
  return 0;
}

static int lead_class(const dtree *t, int32_t i) { return t->n[i].x && lead_class_x(t->n[i].x); }

/* Words of s (ASCII letters lower-cased; any non-ASCII byte is a letter,
 * so Vietnamese or Cyrillic words stay whole) as a buffer of
 * NUL-separated tokens; returns the count. */
#define LEAD_TITLE_WORDS 64
static int title_words(const char *s, char *buf, size_t cap, const char **w) {
  int n = 0;
  size_t k = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p && n < LEAD_TITLE_WORDS;) {
    while (*p && *p < 0x80 && !isalnum(*p)) p++;
    if (!*p) break;
    if (k + 2 >= cap) break;
    w[n++] = buf + k;
    while (*p && (*p >= 0x80 || isalnum(*p)) && k + 2 < cap) buf[k++] = (char)tolower(*p++);
    buf[k++] = '\0';
  }
  return n;
}

/* text says the title again: most of its words are the title's and it is
 * not much longer (Unicode-safe, unlike Readability's similarity) */
static int repeats_title(const char *text, const char *title) {
  char ba[1024], bb[1024];
  const char *wa[LEAD_TITLE_WORDS], *wb[LEAD_TITLE_WORDS];
  int na = title_words(text, ba, sizeof ba, wa), nb = title_words(title, bb, sizeof bb, wb);
  if (!na || !nb || na > nb + nb / 4 + 1) return 0;
  int hit = 0;
  for (int i = 0; i < na; i++)
    for (int j = 0; j < nb; j++)
      if (!strcmp(wa[i], wb[j])) { hit++; break; }
  return hit >= na * LEAD_TITLE_SHARE;
}

/* Never a lead, whatever its class says: an element named as a title
 * ("ArticleModuleTeaser_title", itemprop=headline), one inside a sales or
 * sign-up box ("article-subscribe--subtitle"), or text that repeats the
 * title. */
static int not_a_lead(xmlNodePtr x, const char *text, const char *title) {
  for (int up = 0; x && x->type == XML_ELEMENT_NODE && up <= LEAD_PITCH_UP; x = x->parent, up++) {
    const char *cls = xml_attr(x, "class"), *id = xml_attr(x, "id");
    if (up == 0) {
      const char *ip = xml_attr(x, "itemprop");
      /* "sub-title", "sub-headline", "article-title-tertiary": a
       * subtitle is what a lead is */

      if ((dom_has_token(cls, sapo_title_tokens) && !dom_has_token(cls, W_SUBTITLE_TOKENS)) ||
          (dom_has_token(id, sapo_title_tokens) && !dom_has_token(id, W_SUBTITLE_TOKENS)) || dom_has_token(ip, sapo_title_tokens))
        return 1;
      int tag = x->name ? sapo_node_tag(x) : 0;
      if (tag == T_H1) return 1;
    }
    if (dom_has_token(cls, sapo_pitch_tokens) || dom_has_token(id, sapo_pitch_tokens)) return 1;
  }
  /* not sentence-shaped: a label ("Live"), a name, a credit (shapes.c);
   * the source reads on to its next candidate */
  if (text && shape_lead(text, NULL)) return 1;
  return text && title && *title && repeats_title(text, title);
}

/* An inline element of block i named as a lead that holds most of the
 * block's text (a dateline such as "Neuss · " may stand before it). */
static xmlNodePtr inline_lead(const dtree *t, int32_t i, uint32_t chars) {
  xmlNodePtr x = i >= 0 ? t->n[i].x : NULL;
  if (!x || !chars) return NULL;
  for (xmlNodePtr c = x->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !c->name) continue;
    int tag = sapo_node_tag(c);
    if (sapo_tag_flags[tag] & TF_BLOCK) return NULL;
    if (tag == T_A || !lead_class_x(c)) continue;
    sapo_buf raw = SAPO_BUF_INIT;
    dom_xml_text(c, &raw, 4000);
    size_t n = raw.failed ? 0 : u8chars(sapo_buf_cstr(&raw), raw.len);
    sapo_buf_free(&raw);
    return n * 10 >= (size_t)chars * LEAD_INLINE_SHARE ? c : NULL;
  }
  return NULL;
}

/* an element whose children are text and inline elements only (a <div>
 * that is one paragraph) */
static int text_only(xmlNodePtr x) {
  for (xmlNodePtr c = x->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && c->name &&
        (sapo_tag_flags[sapo_node_tag(c)] & (TF_BLOCK | TF_SKIP)))
      return 0;
  return 1;
}

/* the text ends as a sentence does: . ! ? … or a closing quote after one */
static int ends_sentence(const char *s, size_t n) {
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\n')) n--;
  for (int again = 1; again && n;) {
    again = 0;
    for (const char *const *c = W_QUOTE_CLOSERS; *c; c++) {
      size_t k = strlen(*c);
      if (n >= k && !memcmp(s + n - k, *c, k)) { n -= k; again = 1; break; }
    }
  }
  if (!n) return 0;
  char last = s[n - 1];
  if (last == '.' || last == '!' || last == '?' || last == ':') return 1;
  if (n >= 3 && !memcmp(s + n - 3, "\xE2\x80\xA6", 3)) return 1;                  /* … */
  if (n >= 3 && (!memcmp(s + n - 3, "\xE3\x80\x82", 3) || !memcmp(s + n - 3, "\xEF\xBC\x81", 3) ||
                 !memcmp(s + n - 3, "\xEF\xBC\x9F", 3)))
    return 1;                                                                      /* 。！？ */
  return 0;
}

/* a <p> followed by a sibling <p> of the same class is the body's first
 * paragraph, not a standfirst set apart from it */
static int ordinary_paragraph(xmlNodePtr x) {
  xmlNodePtr n = x->next;
  while (n && n->type != XML_ELEMENT_NODE) n = n->next;
  if (!n || !n->name || strcmp((const char *)n->name, "p")) return 0;
  const char *a = xml_attr(x, "class"), *b = xml_attr(n, "class");
  return (!a && !b) || (a && b && !strcmp(a, b));
}

/* the one element child of x, when nothing else in it holds text */
static xmlNodePtr lone_child(xmlNodePtr x) {
  xmlNodePtr only = NULL;
  for (xmlNodePtr c = x->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) {
      if (only) return NULL;
      only = c;
    } else if (c->type == XML_TEXT_NODE && c->content) {
      for (const xmlChar *p = c->content; *p; p++)
        if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') return NULL;
    }
  }
  return only;
}

/* a paragraph its class sets in bold ("Typography_weight-bold", "bold") */
static int bold_class(const dtree *t, int32_t i) {
  return i >= 0 && t->n[i].x && dom_has_token(xml_attr(t->n[i].x, "class"), W_BOLD_TOKENS);
}

/* a block with at least one letter (not "00:00" or "|") */
static int has_letters(const emit_out *o, const block *b) {
  const unsigned char *s = (const unsigned char *)btext(o, b);
  for (uint32_t k = 0; k < b->t_len; k++)
    if (s[k] >= 0x80 || isalpha(s[k])) return 1;
  return 0;
}

/* a lead element is a paragraph or two under the title, never a header
 * holding the title, a heading or several paragraphs */
static int lead_shaped(xmlNodePtr x, int max_blocks) {
  int paras = 0;
  for (xmlNodePtr c = x->children; c; c = sapo_next_node(c, x, 0)) {
    if (c->type != XML_ELEMENT_NODE || !c->name) continue;
    int tag = sapo_node_tag(c);
    if (tag >= T_H1 && tag <= T_H6) return 0;
    if ((tag == T_P || tag == T_LI) && ++paras > max_blocks) return 0;
  }
  return 1;
}

/* inside a figure, a figcaption or a picture/caption-class box */
static int in_figure(const dtree *t, int32_t i) {
  int up = 0;
  for (int32_t p = i; p >= 0 && up < 5; p = t->n[p].parent, up++) {
    int tag = t->n[p].tag;
    if (tag == T_FIGURE || tag == T_FIGCAPTION) return 1;
    /* a media class names the box itself or its parent; further up it is
     * page layout ("video-player__stuck-container" around everything) */
    if (up <= LEAD_MEDIA_CLASS_UP && t->n[p].x && dom_has_token(xml_attr(t->n[p].x, "class"), W_MEDIA_TOKENS)) return 1;
  }
  return 0;
}

/* a <header> that holds an h1, or sits in an <article>/<main>, is the
 * article's header, not the site's */
static int article_header(const dtree *t, int32_t h) {
  for (int32_t p = t->n[h].parent; p >= 0; p = t->n[p].parent)
    if (t->n[p].tag == T_ARTICLE || t->n[p].tag == T_MAIN) return 1;
  for (int32_t c = t->n[h].first; c >= 0; c = dom_next_in(t, c, h, 0))
    if (t->n[c].tag == T_H1 && t->n[c].type == DN_ELEM) return 1;
  return 0;
}

static int in_chrome(const dtree *t, int32_t i) {
  for (int32_t p = t->n[i].parent; p >= 0; p = t->n[p].parent) {
    int tag = t->n[p].tag;
    if (tag == T_NAV || tag == T_FOOTER || tag == T_ASIDE || tag == T_A || tag == T_LI) return 1;
    if (tag == T_HEADER && !article_header(t, p)) return 1;
  }
  return 0;
}

/* The cleaned text of libxml2 element x into c (emptied first); -1 when
 * memory runs out. */
static int element_text(xmlNodePtr x, sapo_buf *c) {
  sapo_buf raw = SAPO_BUF_INIT;
  c->len = 0;
  dom_xml_text(x, &raw, 20000);
  int rc = raw.failed ? -1 : sapo_clean(sapo_buf_cstr(&raw), raw.len, c, 0);
  sapo_buf_free(&raw);
  return rc;
}

/* libxml2 element a is d or holds it */

/* text blocks kept under libxml2 element x, counting up to cap */
static int xml_blocks_under(const emit_out *o, const dtree *t, xmlNodePtr x, int cap) {
  int n = 0;
  for (int k = 0; k < o->n && n < cap; k++) {
    const block *b = &o->b[k];
    if (kept(b) && b->kind != B_IMAGE && xml_owns(x, block_x(t, b))) n++;
  }
  return n;
}

/* ===== CANDIDATES ===== */

/* A lead a source proposes: its text, and what taking it does to the
 * blocks: the blocks it marks as the lead (indices), or a block of its
 * own put first (the lead stood outside the article). */
typedef struct lead_cand {
  char *text;                  /* malloc'ed */
  int *marks; int n_marks, cap_marks;
  int prepend;
} lead_cand;

static int cand_mark(lead_cand *c, int k) {
  if (c->n_marks == c->cap_marks) {
    int cap = c->cap_marks ? c->cap_marks * 2 : 4;
    int *p = realloc(c->marks, (size_t)cap * sizeof *p);
    if (!p) return -1;
    c->marks = p;
    c->cap_marks = cap;
  }
  c->marks[c->n_marks++] = k;
  return 0;
}

/* block k, as it is */
static int cand_block(const emit_out *o, lead_cand *c, int k) {
  if (!(c->text = dup_block(o, &o->b[k])) || cand_mark(c, k)) return -1;
  return 1;
}

/* the text in b (taken), as a block of its own put first */
static int cand_prepend(lead_cand *c, sapo_buf *b) {
  c->text = sapo_buf_detach(b, NULL);
  sapo_buf_free(b);
  c->prepend = 1;
  return c->text ? 1 : -1;
}

static void cand_free(lead_cand *c) {
  free(c->text);
  free(c->marks);
  memset(c, 0, sizeof *c);
}

/* ===== SOURCES, IN THE ORDER THEY ARE TRIED =====
 * Each returns 1 with a candidate, 0 for none, -1 when memory runs out. */

/* 1. the first text blocks of the article, when a lead class owns them
 * (and owns no more than a lead's blocks: "text-with-summary" bodies) */
static int src_lead_class(emit_out *o, const clean_input *in, const clean_found *f, lead_cand *c) {
  (void)f;
  const dtree *t = in->t;
  int seen = 0;
  for (int k = 0; k < o->n && seen < 2; k++) {
    block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE || (b->flags & (BF_CAPTION | BF_CAPCLASS | BF_INFIGURE))) continue;
    seen++;
    /* <p><strong data-cy="intro">…</strong></p>: the paragraph's own
     * wrapper of most of its text names it */
    xmlNodePtr il = inline_lead(t, b->node, b->chars);
    if (il) {
      char *text = dup_block(o, b);
      if (!text) return -1;
      int no = not_a_lead(il, text, in->title);
      free(text);
      if (no) continue;
      return cand_block(o, c, k);
    }
    /* read on libxml2's tree: the finder may have put a wrapper's
     * paragraph in its place ("<div class=leadIn><p>" became the <p>) */
    xmlNodePtr top = in->article >= 0 ? t->n[in->article].x : NULL;
    for (xmlNodePtr px = block_x(t, b); px && px->type == XML_ELEMENT_NODE && px != top; px = px->parent) {
      /* a list of key points may hold a few more */
      int tag = px->name ? sapo_node_tag(px) : 0;
      int most = tag == T_UL || tag == T_OL ? LEAD_LIST_ITEMS : LEAD_MAX_BLOCKS;
      if (!lead_class_x(px) || xml_blocks_under(o, t, px, most + 1) > most) continue;
      /* the lead is every block the element owns, joined */
      sapo_buf lb = SAPO_BUF_INIT;
      for (int j = k; j < o->n; j++) {
        const block *bj = &o->b[j];
        if (!kept(bj) || bj->kind == B_IMAGE || !xml_owns(px, block_x(t, bj))) continue;
        if (lb.len) sapo_buf_adds(&lb, " ");
        sapo_buf_add(&lb, btext(o, bj), bj->t_len);
        if (cand_mark(c, j)) lb.failed = 1;
      }
      if (lb.failed) { sapo_buf_free(&lb); return -1; }
      if (not_a_lead(px, sapo_buf_cstr(&lb), in->title)) { sapo_buf_free(&lb); c->n_marks = 0; break; }
      c->text = sapo_buf_detach(&lb, NULL);
      sapo_buf_free(&lb);
      return c->text ? 1 : -1;
    }
  }
  return 0;
}

/* 1a. a lead-class element before the article, outside it (named, it wins
 * over a paragraph the body sets in bold) */
static int src_lead_element(emit_out *o, const clean_input *in, const clean_found *f, lead_cand *c) {
  (void)f;
  const dtree *t = in->t;
  int32_t first_text = -1;
  for (int32_t n = t->n[in->article].first; n >= 0; n = dom_next_in(t, n, in->article, 0))
    if (n < in->orig_count && t->n[n].type == DN_TEXT) { first_text = n; break; }
  if (first_text <= 0) return 0;
  /* a lead stands under the title: the search starts there */
  for (int32_t i = in->title_node > 0 ? in->title_node : 0; i < first_text; i++) {
    if (t->n[i].type != DN_ELEM || t->n[i].x == NULL || !lead_class(t, i)) continue;
    int tag = t->n[i].tag;
    if (tag == T_META || tag == T_BODY || tag == T_HTML || tag == T_IMG || in_chrome(t, i)) continue;
    /* and is never a picture's caption */
    if (in_figure(t, i)) continue;
    if (in->mark && (in->mark[i] & NM_IN_LISTING)) continue;   /* a teaser's snippet */
    if (dom_is_ancestor(t, in->article, i) || !lead_shaped(t->n[i].x, LEAD_ELEMENT_BLOCKS)) continue;
    if (not_a_lead(t->n[i].x, NULL, NULL)) continue;
    sapo_buf b = SAPO_BUF_INIT;
    if (element_text(t->n[i].x, &b)) { sapo_buf_free(&b); return -1; }
    size_t chars = u8chars(sapo_buf_cstr(&b), b.len);
    int ok = chars >= LEAD_ELEMENT_MIN && chars <= LEAD_ELEMENT_MAX && words(sapo_buf_cstr(&b), b.len) >= 6 &&
             !not_a_lead(NULL, sapo_buf_cstr(&b), in->title);
    /* the article may start with it already: that block is the lead (a
     * body that repeats it further down keeps its own copy) */
    for (int k = 0; ok && k < o->n; k++) {
      const block *bk = &o->b[k];
      if (!kept(bk) || bk->kind == B_IMAGE) continue;
      if (bk->t_len > b.len && !memcmp(btext(o, bk), b.data, b.len)) ok = 0;   /* a body paragraph */
      else if (bk->t_len == b.len && !memcmp(btext(o, bk), b.data, b.len)) {
        sapo_buf_free(&b);
        return cand_block(o, c, k);
      }
      break;
    }
    if (ok) return cand_prepend(c, &b);
    sapo_buf_free(&b);
  }
  return 0;
}

/* 1b. the first paragraph set apart in bold, before ordinary ones */
static int src_bold_first(emit_out *o, const clean_input *in, const clean_found *f, lead_cand *c) {
  (void)f;
  const dtree *t = in->t;
  int first = -1, after = 0;
  for (int k = 0; k < o->n; k++) {
    const block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE) continue;
    if (first < 0) {
      /* the title said again, a picture's caption and a player's "00:00"
       * come before it */
      if (!has_letters(o, b) || (b->flags & (BF_CAPTION | BF_CAPCLASS | BF_INFIGURE | BF_TITLE))) continue;
      if (b->kind == B_HEADING) {
        char *h = dup_block(o, b);
        if (!h) return -1;
        int again = in->title && repeats_title(h, in->title);
        free(h);
        if (again) continue;
      }
      if (b->kind != B_PARA) break;
      first = k;
      continue;
    }
    if (b->kind == B_PARA && b->bold_chars * 2 < b->chars && !bold_class(t, b->node)) after++;
    if (after >= LEAD_AFTER) break;
  }
  if (first < 0 || after < LEAD_AFTER) return 0;
  const block *b = &o->b[first];
  size_t chars = u8chars(btext(o, b), b->t_len);
  long nw = words(btext(o, b), b->t_len);
  /* a short bold line that ends without a sentence's stop is a heading */
  if ((b->bold_chars * 10 >= b->chars * 9 || bold_class(t, b->node)) && chars >= LEAD_MIN && chars <= LEAD_MAX &&
      nw >= 6 && (nw >= LEAD_DEK_WORDS || ends_sentence(btext(o, b), b->t_len)) && b->link_chars * 2 < b->chars)
    return cand_block(o, c, first);
  return 0;
}

/* 1b'. the lines between the title and names signed above the text
 * (title, standfirst, byline, text) */
static int src_above_signature(emit_out *o, const clean_input *in, const clean_found *f, lead_cand *c) {
  if (f->opening_at <= 0) return 0;
  sapo_buf lb = SAPO_BUF_INIT;
  int n = 0, ok = 1;
  for (int k = 0; k < f->opening_at && ok; k++) {
    const block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE || (b->flags & (BF_CAPTION | BF_CAPCLASS | BF_INFIGURE | BF_TITLE))) continue;
    ok = (b->kind == B_PARA || b->kind == B_HEADING) && b->chars < LEAD_TEXT_PARA && ++n <= LEAD_ELEMENT_BLOCKS &&
         b->link_chars * 2 < b->chars;
    if (lb.len) sapo_buf_adds(&lb, " ");
    sapo_buf_add(&lb, btext(o, b), b->t_len);
    if (cand_mark(c, k)) lb.failed = 1;
  }
  if (lb.failed) { sapo_buf_free(&lb); return -1; }
  size_t chars = u8chars(sapo_buf_cstr(&lb), lb.len);
  if (ok && n && chars >= LEAD_MIN && chars <= LEAD_MAX && !not_a_lead(NULL, sapo_buf_cstr(&lb), in->title)) {
    c->text = sapo_buf_detach(&lb, NULL);
    sapo_buf_free(&lb);
    return c->text ? 1 : -1;
  }
  c->n_marks = 0;
  sapo_buf_free(&lb);
  return 0;
}

/* 1c. a long heading that opens the article, before its paragraphs: a dek
 * printed as a subheading (section headings are short) */
static int src_opening_heading(emit_out *o, const clean_input *in, const clean_found *f, lead_cand *c) {
  (void)f;
  const dtree *t = in->t;
  for (int k = 0; k < o->n; k++) {
    const block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE || (b->flags & (BF_TITLE | BF_CAPTION | BF_INFIGURE))) continue;
    /* (the finder may have renamed an h1 in the body; libxml2's tree has its name) */
    xmlNodePtr hx = b->node >= 0 ? t->n[b->node].x : NULL;
    if (b->kind != B_HEADING || !has_letters(o, b) || (b->node >= 0 && t->n[b->node].tag == T_H1) ||
        (hx && hx->name && !strcmp((const char *)hx->name, "h1")))
      return 0;
    size_t chars = u8chars(btext(o, b), b->t_len);
    char *h = dup_block(o, b);
    if (!h) return -1;
    int ok = words(h, b->t_len) >= LEAD_DEK_WORDS && chars <= LEAD_MAX && b->link_chars * 2 < b->chars &&
             !(in->title && repeats_title(h, in->title));
    free(h);
    /* the text follows it: two paragraphs, or one long one (a section
     * heading may come next) */
    int paras = 0;
    uint32_t first_chars = 0;
    for (int j = k + 1; ok && j < o->n && paras < LEAD_AFTER; j++)
      if (kept(&o->b[j]) && o->b[j].kind != B_IMAGE) {
        if (o->b[j].kind != B_PARA) break;
        if (!paras++) first_chars = o->b[j].chars;
      }
    if (ok && (paras >= LEAD_AFTER || (paras == 1 && first_chars >= LEAD_TEXT_PARA))) return cand_block(o, c, k);
    return 0;
  }
  return 0;
}

/* the element right after the title's heading (climbing while it is the
 * last of its parent), through wrappers of one child */
static xmlNodePtr under_title(const dtree *t, int32_t title_node) {
  xmlNodePtr h = t->n[title_node].x, next = NULL;
  for (int up = 0; up < 3 && h && !next; up++) {
    for (xmlNodePtr sib = h->next; sib && !next; sib = sib->next) {
      if (sib->type != XML_ELEMENT_NODE) continue;
      sapo_buf raw = SAPO_BUF_INIT;
      dom_xml_text(sib, &raw, 4000);
      const char *r = sapo_buf_cstr(&raw);
      size_t k = 0;
      while (k < raw.len && (r[k] == ' ' || r[k] == '\n' || r[k] == '\t' || r[k] == '\r')) k++;
      int empty = k == raw.len;
      sapo_buf_free(&raw);
      if (!empty) next = sib;
    }
    if (!next) h = h->parent;
  }
  /* <div class="tertiary-title"><h3>…</h3></div>: the wrapper's only child */
  for (int depth = 0; next && depth < LEAD_WRAP_DEPTH && next->name && sapo_node_tag(next) == T_DIV;
       depth++) {
    xmlNodePtr only = text_only(next) ? NULL : lone_child(next);
    if (!only || !only->name || !(sapo_tag_flags[sapo_node_tag(only)] & TF_BLOCK)) break;
    next = only;
  }
  return next;
}

/* 2b. the paragraph or h2 right under the title's heading (a standfirst
 * without a class we know), read on libxml2's tree, which the finder
 * never changes */
static int src_under_title(emit_out *o, const clean_input *in, const clean_found *f, lead_cand *c) {
  (void)f;
  const dtree *t = in->t;
  if (in->title_node < 0 || in->title_node >= in->orig_count || !t->n[in->title_node].x) return 0;
  xmlNodePtr next = under_title(t, in->title_node);
  int tag = next && next->name ? sapo_node_tag(next) : 0;
  if (!((tag == T_P && !ordinary_paragraph(next)) || tag == T_H2 || ((tag == T_DIV || tag == T_H3) && text_only(next))))
    return 0;
  sapo_buf b = SAPO_BUF_INIT;
  if (element_text(next, &b)) { sapo_buf_free(&b); return -1; }
  size_t chars = u8chars(sapo_buf_cstr(&b), b.len);
  char iso[64];
  /* a dated line under the title is a byline or date line, not a lead */
  int ok = chars >= LEAD_MIN && chars <= LEAD_MAX && words(sapo_buf_cstr(&b), b.len) >= 8 &&
           !sapo_date_iso(sapo_buf_cstr(&b), iso, sizeof iso) && !not_a_lead(next, sapo_buf_cstr(&b), in->title);
  /* kept in the article as its first text block: marked; kept later: not a lead */
  int first_block = 1;
  for (int k = 0; ok && k < o->n; k++) {
    const block *bk = &o->b[k];
    if (!kept(bk) || bk->kind == B_IMAGE) continue;
    if (bk->t_len == b.len && !memcmp(btext(o, bk), b.data, b.len)) {
      if (first_block && bk->link_chars * 2 < bk->chars) {
        sapo_buf_free(&b);
        return cand_block(o, c, k);
      }
      ok = 0;
    }
    first_block = 0;
  }
  if (ok) return cand_prepend(c, &b);
  sapo_buf_free(&b);
  return 0;
}

/* 3. the description, when it is the first paragraph (not an excerpt) */
static int src_description(emit_out *o, const clean_input *in, const clean_found *f, lead_cand *c) {
  (void)f;
  if (!in->description) return 0;
  size_t dn = strlen(in->description);
  int truncated = dn >= 3 && (!strcmp(in->description + dn - 3, "...") || !strcmp(in->description + dn - 3, "\xE2\x80\xA6"));
  for (int k = 0; k < o->n; k++) {
    const block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE) continue;
    if (b->flags & (BF_CAPTION | BF_CAPCLASS | BF_INFIGURE) || b->kind != B_PARA) return 0;
    if (!truncated && b->t_len == dn && !memcmp(btext(o, b), in->description, dn) &&
        words(in->description, dn) >= LEAD_DESC_WORDS)
      return cand_block(o, c, k);
    return 0;
  }
  return 0;
}

typedef int (*lead_source_fn)(emit_out *o, const clean_input *in, const clean_found *f, lead_cand *c);
static const struct { const char *name; lead_source_fn fn; } LEAD_SOURCES[] = {
  {"lead-class", src_lead_class}, {"lead-element", src_lead_element}, {"bold-first-paragraph", src_bold_first},
  {"above-signature", src_above_signature}, {"opening-heading", src_opening_heading},
  {"under-title", src_under_title}, {"description", src_description}, {NULL, NULL}};

/* ===== THE CHOICE ===== */

/* Why text is not a lead, whatever its source said (NULL when it is):
 * the lead's shape (shapes.c). */
static const char *lead_check(const char *text) { return shape_lead(text, NULL); }

static void lead_note(const clean_input *in, const char *source, const char *text, const char *verdict) {
  trace_item *it = trace_add(in->tr, TR_FIELD, -1, "lead", verdict, text, strlen(text));
  if (it) it->source = source;
}

/* Take candidate c as the article's lead. */
static int lead_take(emit_out *o, clean_found *f, lead_cand *c, const char *source) {
  for (int i = 0; i < c->n_marks; i++) o->b[c->marks[i]].flags |= BF_LEAD;
  f->lead_src = source;
  f->lead = c->text;
  c->text = NULL;
  return c->prepend && emit_prepend(o, f->lead, BF_LEAD) ? -1 : 0;
}

int lead_find(emit_out *o, const clean_input *in, clean_found *f) {
  for (int s = 0; LEAD_SOURCES[s].name; s++) {
    lead_cand c;
    memset(&c, 0, sizeof c);
    int got = LEAD_SOURCES[s].fn(o, in, f, &c);
    if (got < 0) { cand_free(&c); return -1; }
    if (got == 0) { cand_free(&c); continue; }
    const char *why = lead_check(c.text);
    if (why) {
      lead_note(in, LEAD_SOURCES[s].name, c.text, why);
      cand_free(&c);
      continue;
    }
    int rc = lead_take(o, f, &c, LEAD_SOURCES[s].name);
    cand_free(&c);
    return rc;
  }
  return 0;
}
