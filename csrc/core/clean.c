/* clean.c: the precision filters (see clean.h).  Each filter is a linear
 * pass over the blocks; nothing here walks the tree except the lead search,
 * which looks at class names once per element. */
#include "clean.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "date.h"
#include "html.h"
#include "find.h"
#include "listing.h"
#include "phrases.h"
#include "tags.h"
#include "utext.h"

static const char *btext(const emit_out *o, const block *b) { return o->text.data + b->t_off; }

/* Lower-case the first `cap` bytes' worth of s (whole code points) into dst. */
static size_t lower_prefix(const char *s, size_t n, char *dst, size_t cap) {
  size_t i = 0, o = 0;
  const unsigned char *u = (const unsigned char *)s;
  while (i < n) {
    if (u[i] < 0x80) {   /* ASCII: no table look-up */
      if (o + 2 > cap) break;
      dst[o++] = (char)((u[i] >= 'A' && u[i] <= 'Z') ? u[i] + 32 : u[i]);
      i++;
      continue;
    }
    int32_t c = sapo_u8_next(u, n, &i);
    c = utf8proc_tolower(c);
    unsigned char tmp[4];
    utf8proc_ssize_t k = utf8proc_encode_char(c, tmp);
    if (o + (size_t)k + 1 > cap) break;
    memcpy(dst + o, tmp, (size_t)k);
    o += (size_t)k;
  }
  dst[o] = '\0';
  return o;
}

static int starts_with(const char *s, const char *p) { return !strncmp(s, p, strlen(p)); }

/* The block's text, lower-cased, " :" as ":", trailing ":" and spaces removed. */
static void key_of(const emit_out *o, const block *b, char *dst, size_t cap) {
  size_t n = lower_prefix(btext(o, b), b->t_len, dst, cap);
  size_t w = 0;
  for (size_t r = 0; r < n; r++) {
    if (dst[r] == ' ' && r + 1 < n && dst[r + 1] == ':') continue;   /* French spacing, "MORE :" */
    dst[w++] = dst[r];
  }
  n = w;
  dst[n] = '\0';
  while (n && (dst[n - 1] == ':' || dst[n - 1] == ' ' || dst[n - 1] == '.')) dst[--n] = '\0';
}

/* social networks named in calls to action ("Follow us on X and Facebook") */
static const char *const SOCIAL[] = {
  "twitter", "facebook", "instagram", "tiktok", "youtube", "telegram", "whatsapp", "linkedin", "threads",
  "pinterest", "zalo", "line", "kakao", "weibo", "wechat", "vk", "x.com", NULL};

static int social_names(const char *key) {
  int k = 0;
  for (const char *const *w = SOCIAL; *w; w++) {
    const char *p = strstr(key, *w);
    if (!p) continue;
    size_t l = strlen(*w);
    int before = p == key || !((p[-1] >= 'a' && p[-1] <= 'z'));
    int after = !((p[l] >= 'a' && p[l] <= 'z'));
    k += before && after;
  }
  return k;
}

static int phrase_match(const char *key, int kind, int whole) {
  return whole ? sapo_phrase_is(key, kind) : sapo_phrase_prefix(key, kind);
}

static double link_share(const block *b) { return b->chars ? (double)b->link_chars / (double)b->chars : 0; }

static int kept(const block *b) { return !(b->flags & BF_DROP); }

static void drop(block *b, const char *rule) {
  b->flags |= BF_DROP;
  if (!b->rule) b->rule = rule;
}

static char *dup_block(const emit_out *o, const block *b) {
  char *s = malloc(b->t_len + 1);
  if (!s) return NULL;
  memcpy(s, btext(o, b), b->t_len);
  s[b->t_len] = '\0';
  return s;
}

static size_t u8chars(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

static int words(const char *s, size_t n) {
  int w = 0, in = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = s[i] == ' ' || s[i] == '\n';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

/* ===== CAPTIONS ===== */

static int same_table_or_figure(const dtree *t, int32_t a, int32_t b) {
  /* nearest table/figure ancestor of a that also contains b */
  for (int32_t p = t->n[a].parent; p >= 0; p = t->n[p].parent) {
    int tag = t->n[p].tag;
    if (tag == T_FIGURE || tag == T_TABLE) return dom_is_ancestor(t, p, b);
    if (tag == T_ARTICLE || tag == T_BODY) break;
  }
  return 0;
}

/* Labels that introduce a photo credit, in many languages (lower case;
 * matched at the start of the caption's last segment, or in parentheses) */
static const char *const CREDIT_LABELS[] = {
  "ảnh:", "ảnh :", "Ảnh:", "Ảnh :", "ẢNH:", "nguồn ảnh:", "Nguồn ảnh:", "Nguồn:", "nguồn:", "photo:", "photos:", "photo by", "photograph:", "image:", "picture:", "credit:",
  "credits:", "source:", "foto:", "fotos:", "bild:", "quelle:", "fotó:", "crédit :", "crédit:", "Crédit :", "Crédit:",
  "crédito:", "Crédito:", "créditos:", "Créditos:", "zdjęcie:", "Zdjęcie:", "fot.", "фото:", "Фото:", "фото ", "Фото ", "写真：", "照片：", "图片来源：", "사진=", "사진:", "© ", "(c) ", NULL};

/* agencies and picture desks whose name alone marks a credit */
static const char *const CREDIT_AGENCIES[] = {
  "getty images", "reuters", "afp", "ap photo", "epa", "dpa", "ttxvn", "shutterstock", "imago", "alamy",
  "xinhua", "anadolu", "picture alliance", "keystone", "ansa", "efe", "yonhap", "kyodo", NULL};

static int starts_label(const char *s, const char *const *list, size_t *len) {
  for (const char *const *l = list; *l; l++) {
    size_t n = strlen(*l);
    if (!strncasecmp(s, *l, n)) { *len = n; return 1; }
  }
  return 0;
}

static int has_agency(const char *s) {
  char low[200];
  size_t k = 0;
  for (; s[k] && k + 1 < sizeof low; k++) low[k] = (char)((s[k] >= 'A' && s[k] <= 'Z') ? s[k] + 32 : s[k]);
  low[k] = '\0';
  for (const char *const *a = CREDIT_AGENCIES; *a; a++) {
    const char *p = strstr(low, *a);
    size_t n = strlen(*a);
    if (p && (p == low || !((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z')) &&
        !((p[n] | 32) >= 'a' && (p[n] | 32) <= 'z'))
      return 1;
  }
  return 0;
}

static void trim_end(char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '-' || s[n - 1] == '|' || s[n - 1] == '/' || s[n - 1] == ',')) s[--n] = '\0';
}

#define CREDIT_MAX_CHARS 80   /* a credit is a name or two, not a sentence */

/* Splits a photo credit off a caption: "(Ảnh: X)", "Photo: X", "© X", a
 * last segment naming an agency ("... REUTERS/Jane Doe").  The caption
 * keeps the rest (NULL when it was only a credit). 0, or -1 on ENOMEM. */
static int split_credit(sapo_image *im) {
  char *c = im->caption;
  size_t n = strlen(c), len;
  char *cut = NULL, *credit = NULL;
  /* "(Photo: X)" or "(X/Getty Images)" at the end */
  if (n > 2 && c[n - 1] == ')') {
    char *open = strrchr(c, '(');
    if (open) {
      char *in = open + 1;
      size_t inner = (size_t)(c + n - 1 - in);
      if (inner > 0 && inner <= CREDIT_MAX_CHARS && (starts_label(in, CREDIT_LABELS, &len) || has_agency(in))) {
        if (starts_label(in, CREDIT_LABELS, &len)) in += len;
        while (*in == ' ') in++;
        credit = strndup(in, (size_t)(c + n - 1 - in));
        cut = open;
      }
    }
  }
  if (!cut) {
    /* the last segment after ". ", " - ", " | ", " / " or the whole caption */
    static const char *const SEPS[] = {". ", " - ", " – ", " | ", " / ", "  ", NULL};
    char *seg = c;
    for (const char *const *sp = SEPS; *sp; sp++) {
      char *q = c, *last = NULL;
      while ((q = strstr(q, *sp)) != NULL) { last = q; q += strlen(*sp); }
      if (last && last + strlen(*sp) > seg) seg = last + strlen(*sp);
    }
    while (*seg == ' ') seg++;
    size_t sl = strlen(seg);
    if (sl > 0 && sl <= CREDIT_MAX_CHARS) {
      if (starts_label(seg, CREDIT_LABELS, &len)) {
        char *v = seg + len;
        while (*v == ' ') v++;
        if (*v) { credit = strdup(v); cut = seg; }
      } else if (seg != c && has_agency(seg)) {
        credit = strdup(seg);
        cut = seg;
      }
    }
  }
  if (!cut) return 0;
  if (!credit) return -1;
  trim_end(credit);
  size_t cl = strlen(credit);
  if (cl && credit[cl - 1] == '.') credit[cl - 1] = '\0';
  if (!*credit) { free(credit); return 0; }
  *cut = '\0';
  trim_end(c);
  im->credit = credit;
  if (!*c) { free(im->caption); im->caption = NULL; }
  return 0;
}

static void set_caption(emit_out *o, int image, const block *b) {
  sapo_image *im = &o->images[image];
  if (im->caption) return;
  im->caption = dup_block(o, b);
  if (im->caption && !im->credit && split_credit(im)) { free(im->caption); im->caption = NULL; }
  if (im->caption && im->alt && !strcmp(im->alt, im->caption)) { free(im->alt); im->alt = NULL; }
}

static void captions(emit_out *o, const clean_input *in) {
  const dtree *t = in->t;
  int last_image = -1, since = 0;
  for (int k = 0; k < o->n; k++) {
    block *b = &o->b[k];
    if (b->kind == B_IMAGE) { last_image = k; since = 0; continue; }
    if (!kept(b)) continue;
    since++;
    int cap = 0;
    if (b->kind != B_PARA && b->kind != B_ROW) continue;
    if (last_image >= 0 && since <= 2 && u8chars(btext(o, b), b->t_len) < 400) {
      const block *img = &o->b[last_image];
      const sapo_image *im = &o->images[img->image];
      if (b->flags & BF_CAPCLASS) cap = 1;
      else if (im->alt && b->t_len == strlen(im->alt) && !memcmp(btext(o, b), im->alt, b->t_len)) cap = 1;
      else if ((b->flags & BF_INFIGURE) && since == 1 && b->node >= 0 && img->node >= 0 &&
               same_table_or_figure(t, img->node, b->node) && u8chars(btext(o, b), b->t_len) < 300)
        cap = 1;
      else if (since == 1 && b->node >= 0 && img->node >= 0 && same_table_or_figure(t, img->node, b->node) &&
               u8chars(btext(o, b), b->t_len) < 300)
        cap = 1;
      if (cap) {
        set_caption(o, img->image, b);
        b->flags |= BF_CAPTION;
        if (!in->keep_captions) drop(b, "caption");
        continue;
      }
    }
    /* a caption-like block far from any image: a photo credit or a
     * gallery label, not article text */
    if ((b->flags & BF_CAPCLASS) && u8chars(btext(o, b), b->t_len) < 300 && !in->keep_captions) drop(b, "caption-like");
  }
}

/* ===== MARKERS, WIDGETS, SECTIONS ===== */

#define CLEAN_LEAD_MAX_BLOCKS 2   /* a lead element holds at most this many blocks */
#define CLEAN_LEAD_MIN   40       /* characters of a lead                          */
#define CLEAN_LEAD_MAX   600
#define CLEAN_LEAD_ELEMENT_MAX 1500   /* characters of a lead-class element's text     */
#define CLEAN_LEAD_ELEMENT_BLOCKS 3   /* paragraphs of a lead-class element outside the body */
#define CLEAN_LEAD_ELEMENT_MIN 25     /* characters of a lead-class element (a short strapline) */
#define CLEAN_MEDIA_CLASS_UP 2        /* levels up a caption/photo class still owns a block */
#define CLEAN_DEK_WORDS 12            /* words of an opening heading that is a dek, not a section head */
#define CLEAN_INLINE_LEAD_SHARE 8     /* tenths of a paragraph's text an inline lead wrapper holds */
#define CLEAN_PITCH_UP 3              /* levels up a subscribe/promo box still owns a lead candidate */
#define CLEAN_LEAD_TITLE_SHARE 0.8    /* share of a candidate's words that are the title's: it repeats it */
#define CLEAN_LEAD_AFTER 2        /* ordinary paragraphs a bold first one must precede */
#define MARKER_MAX_CHARS 300

/* the whole text is NAME between runs of $ { } [ ] % # (a CMS's macro) */
static int placeholder(const char *s, size_t n) {
  size_t i = 0, open = 0, name = 0;
  while (i < n && strchr("${[%#", s[i]) && s[i]) { i++; open++; }
  while (i < n && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
                   s[i] == '_' || s[i] == '-' || s[i] == '.')) { i++; name++; }
  size_t close = 0;
  while (i < n && strchr("$}]%#", s[i]) && s[i]) { i++; close++; }
  return i == n && open >= 2 && close >= 2 && name > 0;
}

static void markers(emit_out *o) {
  char key[256];
  for (int k = 0; k < o->n; k++) {
    block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE) continue;
    size_t chars = u8chars(btext(o, b), b->t_len);
    if (chars >= MARKER_MAX_CHARS) continue;       /* every rule below is for short blocks */
    key_of(o, b, key, sizeof key);
    /* "Đọc thêm: <link>", "Read more: <link>" */
    if (chars < 300 && phrase_match(key, PH_INLINE, 0) && (link_share(b) >= 0.4 || chars < 60) &&
        !phrase_match(key, PH_SECTION, 1)) {
      drop(b, "read-more-line");
      continue;
    }
    /* a template placeholder left in the text: "$$ARTICLEAD$$", "{{ad}}", "%%AD_SLOT%%" */
    if (chars < 60 && placeholder(btext(o, b), b->t_len)) { drop(b, "placeholder"); continue; }
    /* an interface label on its own: "Anzeige", "Article content" */
    if (chars < 40 && b->kind != B_LI && sapo_phrase_is(key, PH_LABEL)) { drop(b, "label"); continue; }
    /* "Follow us on Twitter and Facebook" */
    if (chars < 250 && social_names(key) >= 2 && b->kind != B_HEADING) { drop(b, "social-cta"); continue; }
    /* share / follow / copyright chrome */
    if (chars < 160 && phrase_match(key, PH_WIDGET, 0)) {
      /* "Theo dõi X trên ..." needs "trên" to be the follow widget */
      if (starts_with(key, "theo dõi") && !strstr(key, " trên")) continue;
      drop(b, "widget-line");
      continue;
    }
    /* a related/comments section: the marker and the teasers after it */
    if (chars < 60 && (b->kind == B_HEADING || b->kind == B_PARA || b->kind == B_LI) &&
        phrase_match(key, PH_SECTION, 1)) {
      drop(b, "section-marker");
      for (int j = k + 1; j < o->n; j++) {
        block *n = &o->b[j];
        if (!kept(n)) continue;
        if (n->kind == B_IMAGE) { drop(n, "section-marker"); continue; }
        size_t nc = u8chars(btext(o, n), n->t_len);
        if (n->kind == B_HEADING) break;
        if (listing_teaser_line(nc, link_share(n), n->kind == B_LI)) drop(n, "section-marker");
        else break;
      }
    }
  }
}

/* Short blocks that are nearly all link text, before the first or after
 * the last real paragraph, are navigation (trafilatura's position-aware
 * gate: under ~30 characters, or ~60 for the last block, > 80% links). */
static void link_blocks(emit_out *o) {
  int first_real = -1, last_real = -1, last = -1;
  for (int k = 0; k < o->n; k++) {
    const block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE) continue;
    last = k;
    if (b->chars >= 80 && link_share(b) < 0.5) {
      if (first_real < 0) first_real = k;
      last_real = k;
    }
  }
  if (first_real < 0) return;
  for (int k = 0; k < o->n; k++) {
    block *b = &o->b[k];
    if (k >= first_real && k <= last_real) continue;   /* only the edges */
    if (!kept(b) || b->kind == B_IMAGE || b->kind == B_HEADING) continue;
    size_t limit = k == last ? 60 : 30;
    if (b->chars > 0 && b->chars < limit && link_share(b) > 0.8) drop(b, "edge-link");
  }
}

/* A run of list items that are each one link, ending the article:
 * related-story teasers.  (Inside the text such a run is as often a table
 * of contents or a list of sources: kept.) */
static void link_lists(emit_out *o) {
  /* the last kept text blocks, from the end, while they are one-link items */
  int k = o->n - 1, run = 0, start = -1;
  for (; k >= 0; k--) {
    const block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE) continue;
    if (b->kind == B_LI && link_share(b) >= 0.9 && u8chars(btext(o, b), b->t_len) < 150) { run++; start = k; continue; }
    break;
  }
  if (run >= 2)
    for (int i = start; i < o->n; i++)
      if (o->b[i].kind == B_LI) drop(&o->b[i], "trailing-links");
}

/* ===== DATE LINE, SIGNATURE, TITLE, REPEATS ===== */

/* A line that is a date: a date sapo_date_iso recognises, few letters
 * besides it (weekday, "Cập nhật", "GMT"), and no sentence end. */
static int is_date_line(const emit_out *o, const block *b) {
  const char *s = btext(o, b);
  size_t chars = u8chars(s, b->t_len);
  if (chars > 80 || b->kind == B_HEADING || b->t_len == 0) return 0;
  if (s[b->t_len - 1] == '.' && !(b->t_len >= 3 && s[b->t_len - 2] >= '0' && s[b->t_len - 2] <= '9')) return 0;
  char tmp[256], iso[48];
  size_t n = b->t_len < sizeof tmp - 1 ? b->t_len : sizeof tmp - 1;
  memcpy(tmp, s, n);
  tmp[n] = '\0';
  if (!sapo_date_iso(tmp, iso, sizeof iso)) return 0;
  size_t letters = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)tmp[i];
    if (((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= 0xC0)) letters++;   /* lead bytes of non-ASCII letters */
  }
  return letters <= 30;
}

static int has_digit(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) if (s[i] >= '0' && s[i] <= '9') return 1;
  return 0;
}

static void edges(emit_out *o, const clean_input *in, clean_found *f) {
  char key[256];
  /* date line among the first blocks */
  int seen = 0;
  for (int k = 0; k < o->n && seen < 3; k++) {
    block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE) continue;
    seen++;
    if (is_date_line(o, b)) {
      if (!f->date) f->date = dup_block(o, b);
      drop(b, "date-line");
      break;
    }
  }
  /* signature and source lines at the end */
  for (int round = 0; round < 2; round++) {
    int k = o->n - 1;
    while (k >= 0 && (!kept(&o->b[k]) || o->b[k].kind == B_IMAGE)) k--;
    if (k < 0) break;
    block *b = &o->b[k];
    const char *s = btext(o, b);
    size_t chars = u8chars(s, b->t_len);
    int w = words(s, b->t_len);
    key_of(o, b, key, sizeof key);
    if (chars <= 80 && phrase_match(key, PH_SOURCE, 0) && w <= 10 && b->kind == B_PARA) {
      if (!f->source) f->source = dup_block(o, b);
      drop(b, "source-line");
      continue;
    }
    int bold = b->chars && b->bold_chars * 10 >= b->chars * 8;
    if (chars <= 60 && w >= 1 && w <= 7 && (bold || (b->flags & BF_RIGHT)) && !has_digit(s, b->t_len) &&
        b->kind == B_PARA && link_share(b) < 0.5) {
      if (!f->byline) f->byline = dup_block(o, b);
      drop(b, "signature");
      continue;
    }
    break;
  }
  /* a first block that repeats the title */
  if (in->title && *in->title) {
    for (int k = 0; k < o->n; k++) {
      block *b = &o->b[k];
      if (!kept(b) || b->kind == B_IMAGE) continue;
      if (b->t_len == strlen(in->title) && !memcmp(btext(o, b), in->title, b->t_len)) drop(b, "title-repeat");
      break;
    }
  }
}

/* ===== LEAD ===== */

/* Raw text of a libxml2 subtree (up to cap bytes).  The compact tree may
 * have moved an element's children (a <div> swapped for its paragraph);
 * libxml2's tree is never changed, so elements outside the article are
 * read there. */
static void xml_text(xmlNodePtr x, sapo_buf *b, size_t cap) {
  for (xmlNodePtr c = x->children; c && b->len < cap;) {
    int fl = c->type == XML_ELEMENT_NODE && c->name ? sapo_tag_flags[sapo_tag_id((const char *)c->name)] : 0;
    int skip = fl & TF_SKIP;
    if ((fl & TF_BLOCK) && b->len) sapo_buf_adds(b, " ");   /* paragraphs stay apart */
    if (!skip && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      sapo_buf_adds(b, (const char *)c->content);
    c = sapo_next_node(c, x, skip);
  }
}

/* a lead's name in class, id, itemprop, type or a data-* attribute's
 * value ("article__preamble", itemprop="description", data-manual=
 * "teaserText", <div type="lead">) */
static int lead_class_x(xmlNodePtr x) {
  for (xmlAttrPtr a = x->properties; a; a = a->next) {
    const char *n = (const char *)a->name;
    if (!n || !a->children || a->children->type != XML_TEXT_NODE) continue;
    if (strcmp(n, "class") && strcmp(n, "id") && strcmp(n, "itemprop") && strcmp(n, "type") && strncmp(n, "data-", 5))
      continue;
    if (dom_has_token((const char *)a->children->content, sapo_lead_tokens)) return 1;
  }
  return 0;
}

static int lead_class(const dtree *t, int32_t i) { return t->n[i].x && lead_class_x(t->n[i].x); }

/* Words of s (ASCII letters lower-cased; any non-ASCII byte is a letter,
 * so Vietnamese or Cyrillic words stay whole) as a buffer of
 * NUL-separated tokens; returns the count. */
#define CLEAN_TITLE_WORDS 64
static int title_words(const char *s, char *buf, size_t cap, const char **w) {
  int n = 0;
  size_t k = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p && n < CLEAN_TITLE_WORDS;) {
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
  const char *wa[CLEAN_TITLE_WORDS], *wb[CLEAN_TITLE_WORDS];
  int na = title_words(text, ba, sizeof ba, wa), nb = title_words(title, bb, sizeof bb, wb);
  if (!na || !nb || na > nb + nb / 4 + 1) return 0;
  int hit = 0;
  for (int i = 0; i < na; i++)
    for (int j = 0; j < nb; j++)
      if (!strcmp(wa[i], wb[j])) { hit++; break; }
  return hit >= na * CLEAN_LEAD_TITLE_SHARE;
}

/* Never a lead, whatever its class says: an element named as a title
 * ("ArticleModuleTeaser_title", itemprop=headline), one inside a sales or
 * sign-up box ("article-subscribe--subtitle"), or text that repeats the
 * title. */
static int not_a_lead(xmlNodePtr x, const char *text, const char *title) {
  for (int up = 0; x && x->type == XML_ELEMENT_NODE && up <= CLEAN_PITCH_UP; x = x->parent, up++) {
    const char *cls = xml_attr(x, "class"), *id = xml_attr(x, "id");
    if (up == 0) {
      const char *ip = xml_attr(x, "itemprop");
      /* "sub-title", "sub-headline": a subtitle is what a lead is */
      static const char *const SUB[] = {"sub", NULL};
      if ((dom_has_token(cls, sapo_title_tokens) && !dom_has_token(cls, SUB)) ||
          (dom_has_token(id, sapo_title_tokens) && !dom_has_token(id, SUB)) || dom_has_token(ip, sapo_title_tokens))
        return 1;
      int tag = x->name ? sapo_tag_id((const char *)x->name) : 0;
      if (tag == T_H1) return 1;
    }
    if (dom_has_token(cls, sapo_pitch_tokens) || dom_has_token(id, sapo_pitch_tokens)) return 1;
  }
  return text && title && *title && repeats_title(text, title);
}

/* An inline element of block i named as a lead that holds most of the
 * block's text (a dateline such as "Neuss · " may stand before it). */
static xmlNodePtr inline_lead(const dtree *t, int32_t i, uint32_t chars) {
  xmlNodePtr x = i >= 0 ? t->n[i].x : NULL;
  if (!x || !chars) return NULL;
  for (xmlNodePtr c = x->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !c->name) continue;
    int tag = sapo_tag_id((const char *)c->name);
    if (sapo_tag_flags[tag] & TF_BLOCK) return NULL;
    if (tag == T_A || !lead_class_x(c)) continue;
    sapo_buf raw = SAPO_BUF_INIT;
    xml_text(c, &raw, 4000);
    size_t n = raw.failed ? 0 : u8chars(sapo_buf_cstr(&raw), raw.len);
    sapo_buf_free(&raw);
    return n * 10 >= (size_t)chars * CLEAN_INLINE_LEAD_SHARE ? c : NULL;
  }
  return NULL;
}

/* an element whose children are text and inline elements only (a <div>
 * that is one paragraph) */
static int text_only(xmlNodePtr x) {
  for (xmlNodePtr c = x->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && c->name &&
        (sapo_tag_flags[sapo_tag_id((const char *)c->name)] & (TF_BLOCK | TF_SKIP)))
      return 0;
  return 1;
}

/* the text ends as a sentence does: . ! ? … or a closing quote after one */
static int ends_sentence(const char *s, size_t n) {
  static const char *const CLOSE[] = {"\"", "'", ")", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\xE2\x80\x9C", NULL};
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\n')) n--;
  for (int again = 1; again && n;) {
    again = 0;
    for (const char *const *c = CLOSE; *c; c++) {
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

/* a paragraph its class sets in bold ("Typography_weight-bold", "bold") */
static int bold_class(const dtree *t, int32_t i) {
  static const char *const BOLD[] = {"bold", "bolder", "semibold", "medium", "strong", "fett", NULL};
  return i >= 0 && t->n[i].x && dom_has_token(xml_attr(t->n[i].x, "class"), BOLD);
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
    int tag = sapo_tag_id((const char *)c->name);
    if (tag >= T_H1 && tag <= T_H6) return 0;
    if ((tag == T_P || tag == T_LI) && ++paras > max_blocks) return 0;
  }
  return 1;
}

/* inside a figure, a figcaption or a picture/caption-class box */
static int in_figure(const dtree *t, int32_t i) {
  static const char *const MEDIA[] = {"caption", "figcaption", "credit", "figure", "photo", "image", "img", "media",
                                      "gallery", "picture", "video", NULL};
  int up = 0;
  for (int32_t p = i; p >= 0 && up < 5; p = t->n[p].parent, up++) {
    int tag = t->n[p].tag;
    if (tag == T_FIGURE || tag == T_FIGCAPTION) return 1;
    /* a media class names the box itself or its parent; further up it is
     * page layout ("video-player__stuck-container" around everything) */
    if (up <= CLEAN_MEDIA_CLASS_UP && t->n[p].x && dom_has_token(xml_attr(t->n[p].x, "class"), MEDIA)) return 1;
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

/* A lead found outside the article becomes its first block (c consumed). */
static int prepend_lead(emit_out *o, clean_found *f, sapo_buf *c, const char *src) {
  f->lead_src = src;
  f->lead = sapo_buf_detach(c, NULL);
  sapo_buf_free(c);
  if (!f->lead || emit_prepend(o, f->lead, BF_LEAD)) return -1;
  return 0;
}

/* text blocks kept under element p, counting up to cap */
static int blocks_under(const emit_out *o, const dtree *t, int32_t p, int cap) {
  int n = 0;
  for (int k = 0; k < o->n && n < cap; k++) {
    const block *b = &o->b[k];
    if (kept(b) && b->kind != B_IMAGE && (b->node == p || dom_is_ancestor(t, p, b->node))) n++;
  }
  return n;
}

static int lead(emit_out *o, const clean_input *in, clean_found *f) {
  const dtree *t = in->t;
  /* 1. the first text blocks of the article, when a lead class owns them
   * (and owns no more than a lead's blocks: "text-with-summary" bodies) */
  int seen = 0;
  for (int k = 0; k < o->n && seen < 2; k++) {
    block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE) continue;
    seen++;
    /* <p><strong data-cy="intro">…</strong></p>: the paragraph's own
     * wrapper of most of its text names it */
    xmlNodePtr il = inline_lead(t, b->node, b->chars);
    if (il) {
      if (!(f->lead = dup_block(o, b))) return -1;
      if (not_a_lead(il, f->lead, in->title)) { free(f->lead); f->lead = NULL; continue; }
      b->flags |= BF_LEAD;
      f->lead_src = "lead-class";
      return 0;
    }
    for (int32_t p = b->node; p >= 0 && p != in->article; p = t->n[p].parent)
      if (lead_class(t, p) && blocks_under(o, t, p, CLEAN_LEAD_MAX_BLOCKS + 1) <= CLEAN_LEAD_MAX_BLOCKS) {
        /* the lead is every block the element owns, joined */
        sapo_buf lb = SAPO_BUF_INIT;
        for (int j = k; j < o->n; j++) {
          const block *bj = &o->b[j];
          if (!kept(bj) || bj->kind == B_IMAGE || !(bj->node == p || dom_is_ancestor(t, p, bj->node))) continue;
          if (lb.len) sapo_buf_adds(&lb, " ");
          sapo_buf_add(&lb, btext(o, bj), bj->t_len);
        }
        if (lb.failed) { sapo_buf_free(&lb); return -1; }
        if (not_a_lead(t->n[p].x, sapo_buf_cstr(&lb), in->title)) { sapo_buf_free(&lb); break; }
        for (int j = k; j < o->n; j++) {
          block *bj = &o->b[j];
          if (kept(bj) && bj->kind != B_IMAGE && (bj->node == p || dom_is_ancestor(t, p, bj->node))) bj->flags |= BF_LEAD;
        }
        f->lead_src = "lead-class";
        f->lead = sapo_buf_detach(&lb, NULL);
        sapo_buf_free(&lb);
        return f->lead ? 0 : -1;
      }
  }
  /* 1b. the first paragraph set apart in bold, before ordinary ones */
  {
    int first = -1, after = 0;
    for (int k = 0; k < o->n; k++) {
      block *b = &o->b[k];
      if (!kept(b) || b->kind == B_IMAGE) continue;
      if (first < 0) {
        /* the title said again, a picture's caption and a player's
         * "00:00" come before it */
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
      if (after >= CLEAN_LEAD_AFTER) break;
    }
    if (first >= 0 && after >= CLEAN_LEAD_AFTER) {
      block *b = &o->b[first];
      size_t chars = u8chars(btext(o, b), b->t_len);
      long nw = words(btext(o, b), b->t_len);
      /* a short bold line that ends without a sentence's stop is a heading */
      if ((b->bold_chars * 10 >= b->chars * 9 || bold_class(t, b->node)) && chars >= CLEAN_LEAD_MIN && chars <= CLEAN_LEAD_MAX &&
          nw >= 6 && (nw >= CLEAN_DEK_WORDS || ends_sentence(btext(o, b), b->t_len)) && b->link_chars * 2 < b->chars) {
        b->flags |= BF_LEAD;
        f->lead_src = "bold-first-paragraph";
        f->lead = dup_block(o, b);
        return f->lead ? 0 : -1;
      }
    }
  }
  /* 1c. a long heading that opens the article, before its paragraphs: a
   * dek printed as a subheading (section headings are short) */
  for (int k = 0; k < o->n; k++) {
    block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE || (b->flags & (BF_TITLE | BF_CAPTION | BF_INFIGURE))) continue;
    /* (the finder may have renamed an h1 in the body; libxml2's tree has its name) */
    xmlNodePtr hx = b->node >= 0 ? t->n[b->node].x : NULL;
    if (b->kind != B_HEADING || !has_letters(o, b) || (b->node >= 0 && t->n[b->node].tag == T_H1) ||
        (hx && hx->name && !strcmp((const char *)hx->name, "h1")))
      break;
    size_t chars = u8chars(btext(o, b), b->t_len);
    char *h = dup_block(o, b);
    if (!h) return -1;
    int ok = words(h, b->t_len) >= CLEAN_DEK_WORDS && chars <= CLEAN_LEAD_MAX && b->link_chars * 2 < b->chars &&
             !(in->title && repeats_title(h, in->title));
    /* paragraphs follow it */
    int paras = 0;
    for (int j = k + 1; ok && j < o->n && paras < CLEAN_LEAD_AFTER; j++)
      if (kept(&o->b[j]) && o->b[j].kind != B_IMAGE) {
        if (o->b[j].kind != B_PARA) break;
        paras++;
      }
    if (ok && paras >= CLEAN_LEAD_AFTER) {
      b->flags |= BF_LEAD;
      f->lead_src = "opening-heading";
      f->lead = h;
      return 0;
    }
    free(h);
    break;
  }
  /* 2. a lead-class element before the article, outside it */
  int32_t first = -1;
  for (int32_t n = t->n[in->article].first; n >= 0; n = dom_next_in(t, n, in->article, 0))
    if (n < in->orig_count && t->n[n].type == DN_TEXT) { first = n; break; }
  if (first > 0) {
    /* a lead stands under the title: the search starts there */
    for (int32_t i = in->title_node > 0 ? in->title_node : 0; i < first; i++) {
      if (t->n[i].type != DN_ELEM || t->n[i].x == NULL || !lead_class(t, i)) continue;
      int tag = t->n[i].tag;
      if (tag == T_META || tag == T_BODY || tag == T_HTML || tag == T_IMG || in_chrome(t, i)) continue;
      /* and is never a picture's caption */
      if (in_figure(t, i)) continue;
      if (in->mark && (in->mark[i] & NM_IN_LISTING)) continue;   /* a teaser's snippet */
      if (dom_is_ancestor(t, in->article, i) || !lead_shaped(t->n[i].x, CLEAN_LEAD_ELEMENT_BLOCKS)) continue;
      if (not_a_lead(t->n[i].x, NULL, NULL)) continue;
      sapo_buf raw = SAPO_BUF_INIT, c = SAPO_BUF_INIT;
      xml_text(t->n[i].x, &raw, 20000);
      int rc = raw.failed ? -1 : sapo_clean(sapo_buf_cstr(&raw), raw.len, &c, 0);
      sapo_buf_free(&raw);
      if (rc) { sapo_buf_free(&c); return -1; }
      size_t chars = u8chars(sapo_buf_cstr(&c), c.len);
      int ok = chars >= CLEAN_LEAD_ELEMENT_MIN && chars <= CLEAN_LEAD_ELEMENT_MAX && words(sapo_buf_cstr(&c), c.len) >= 6 &&
               !not_a_lead(NULL, sapo_buf_cstr(&c), in->title);
      /* the article may start with it already: that block is the lead (a
       * body that repeats it further down keeps its own copy) */
      for (int k = 0; ok && k < o->n; k++) {
        block *b = &o->b[k];
        if (!kept(b) || b->kind == B_IMAGE) continue;
        if (b->t_len > c.len && !memcmp(btext(o, b), c.data, c.len)) ok = 0;   /* a body paragraph */
        else if (b->t_len == c.len && !memcmp(btext(o, b), c.data, c.len)) {
          sapo_buf_free(&c);
          b->flags |= BF_LEAD;
          f->lead_src = "lead-element";
          f->lead = dup_block(o, b);
          return f->lead ? 0 : -1;
        }
        break;
      }
      if (ok) return prepend_lead(o, f, &c, "lead-element");
      sapo_buf_free(&c);
    }
  }
  /* 2b. the paragraph or h2 right under the title's heading (a standfirst
   * without a class we know), read on libxml2's tree, which the finder
   * never changes */
  if (in->title_node >= 0 && in->title_node < in->orig_count && t->n[in->title_node].x) {
    xmlNodePtr h = t->n[in->title_node].x, next = NULL;
    for (int up = 0; up < 3 && h && !next; up++) {
      for (xmlNodePtr sib = h->next; sib && !next; sib = sib->next) {
        if (sib->type != XML_ELEMENT_NODE) continue;
        sapo_buf raw = SAPO_BUF_INIT;
        xml_text(sib, &raw, 4000);
        const char *r = sapo_buf_cstr(&raw);
        size_t k = 0;
        while (k < raw.len && (r[k] == ' ' || r[k] == '\n' || r[k] == '\t' || r[k] == '\r')) k++;
        int empty = k == raw.len;
        sapo_buf_free(&raw);
        if (!empty) next = sib;
      }
      if (!next) h = h->parent;
    }
    int tag = next && next->name ? sapo_tag_id((const char *)next->name) : 0;
    if ((tag == T_P && !ordinary_paragraph(next)) || tag == T_H2 || ((tag == T_DIV || tag == T_H3) && text_only(next))) {
      sapo_buf raw = SAPO_BUF_INIT, c = SAPO_BUF_INIT;
      xml_text(next, &raw, 20000);
      int rc = raw.failed ? -1 : sapo_clean(sapo_buf_cstr(&raw), raw.len, &c, 0);
      sapo_buf_free(&raw);
      if (rc) { sapo_buf_free(&c); return -1; }
      size_t chars = u8chars(sapo_buf_cstr(&c), c.len);
      char iso[64];
      /* a dated line under the title is a byline or date line, not a lead */
      int ok = chars >= CLEAN_LEAD_MIN && chars <= CLEAN_LEAD_MAX && words(sapo_buf_cstr(&c), c.len) >= 8 &&
               !sapo_date_iso(sapo_buf_cstr(&c), iso, sizeof iso) && !not_a_lead(next, sapo_buf_cstr(&c), in->title);
      /* kept in the article as its first text block: marked; kept later: not a lead */
      int first_block = 1;
      for (int k = 0; ok && k < o->n; k++) {
        block *b = &o->b[k];
        if (!kept(b) || b->kind == B_IMAGE) continue;
        if (b->t_len == c.len && !memcmp(btext(o, b), c.data, c.len)) {
          if (first_block && b->link_chars * 2 < b->chars) {
            b->flags |= BF_LEAD;
            f->lead_src = "under-title";
            f->lead = dup_block(o, b);
            sapo_buf_free(&c);
            return f->lead ? 0 : -1;
          }
          ok = 0;
        }
        first_block = 0;
      }
      if (ok) return prepend_lead(o, f, &c, "under-title");
      sapo_buf_free(&c);
    }
  }
  /* 3. the description, when it is the first paragraph (not an excerpt) */
  if (in->description) {
    size_t dn = strlen(in->description);
    int truncated = dn >= 3 && (!strcmp(in->description + dn - 3, "...") ||
                                (dn >= 3 && !strcmp(in->description + dn - 3, "\xE2\x80\xA6")));
    for (int k = 0; k < o->n && !truncated; k++) {
      block *b = &o->b[k];
      if (!kept(b) || b->kind == B_IMAGE) continue;
      if (b->t_len == dn && !memcmp(btext(o, b), in->description, dn) && u8chars(in->description, dn) >= 40) {
        b->flags |= BF_LEAD;
        f->lead_src = "description";
        f->lead = dup_block(o, b);
        return f->lead ? 0 : -1;
      }
      break;
    }
  }
  return 0;
}

const char *const clean_filter_names[] = {
  "comments", "captions", "markers", "linklists", "edges", "listings", "lead", "boilerplate", NULL};

unsigned clean_filter_bit(const char *name) {
  for (int k = 0; clean_filter_names[k]; k++)
    if (!strcmp(name, clean_filter_names[k])) return 1u << k;
  return 0;
}

/* The page node a block belongs to (virtual wrappers climb to theirs). */
static int32_t page_node(const clean_input *in, int32_t n) {
  while (n >= in->orig_count && n >= 0) n = in->t->n[n].parent;
  return n;
}

static void trace_blocks(const emit_out *o, const clean_input *in) {
  if (!in->tr) return;
  for (int k = 0; k < o->n; k++) {
    const block *b = &o->b[k];
    const char *what = (b->flags & BF_DROP) ? (b->rule ? b->rule : "dropped")
                       : (b->flags & BF_LEAD) ? "lead" : b->kind == B_IMAGE ? "image" : "body";
    trace_item *it = trace_add(in->tr, (b->flags & BF_DROP) ? TR_DROP : TR_KEEP,
                               b->node >= 0 ? page_node(in, b->node) : -1, what, NULL,
                               b->kind == B_IMAGE ? o->images[b->image].src : btext(o, b),
                               b->kind == B_IMAGE ? strlen(o->images[b->image].src) : b->t_len);
    if (it) { it->count = k; it->length = (long)u8chars(btext(o, b), b->kind == B_IMAGE ? 0 : b->t_len);
              it->link_density = link_share(b); }
  }
}

int clean_blocks(emit_out *o, const clean_input *in, clean_found *f) {
  memset(f, 0, sizeof *f);
  unsigned skip = in->skip;
  if (!(skip & CLEAN_COMMENTS))
    for (int k = 0; k < o->n; k++)
      if (o->b[k].flags & BF_COMMENT) drop(&o->b[k], "comments");
  if (!(skip & CLEAN_CAPTIONS)) captions(o, in);
  if (!(skip & CLEAN_MARKERS)) markers(o);
  if (!(skip & CLEAN_LINKLISTS)) { link_lists(o); link_blocks(o); }
  if (!(skip & CLEAN_EDGES)) edges(o, in, f);
  /* the filters may thin an article, never empty it */
  int any = 0;
  for (int k = 0; k < o->n && !any; k++) any = kept(&o->b[k]) && o->b[k].kind != B_IMAGE;
  if (!any)
    for (int k = 0; k < o->n; k++) { o->b[k].flags &= ~(unsigned)BF_DROP; o->b[k].rule = NULL; }
  if (!(skip & CLEAN_LEAD) && lead(o, in, f)) return -1;
  trace_blocks(o, in);
  return 0;
}

void clean_found_free(clean_found *f) {
  free(f->lead);
  free(f->byline);
  free(f->source);
  free(f->date);
  memset(f, 0, sizeof *f);
}

/* ===== DATE NEAR THE TITLE ===== */

static const char *const DATE_TOKENS[] = {
  "date", "time", "datetime", "dateline", "published", "publish", "pubdate", "posted", "timestamp", "meta",
  "ngay", "ngaydang", "thoigian", "timepost", "timeupdate", "detailtime", "updated", NULL};

char *clean_page_date(const clean_input *in) {
  const dtree *t = in->t;
  int32_t first = -1;
  for (int32_t n = t->n[in->article].first; n >= 0; n = dom_next_in(t, n, in->article, 0))
    if (n < in->orig_count && t->n[n].type == DN_TEXT) { first = n; break; }
  int32_t limit = first > 0 ? first + 200 : in->orig_count;   /* the top of the article counts too */
  if (limit > in->orig_count) limit = in->orig_count;
  for (int32_t i = 0; i < limit; i++) {
    if (t->n[i].type != DN_ELEM || !t->n[i].x) continue;
    xmlNodePtr x = t->n[i].x;
    if (!dom_has_token(xml_attr(x, "class"), DATE_TOKENS) && !dom_has_token(xml_attr(x, "id"), DATE_TOKENS)) continue;
    if (in->mark && (in->mark[i] & NM_IN_LISTING)) continue;   /* a teaser's date */
    int teaser = 0;
    for (xmlNodePtr p = x; p && p->type == XML_ELEMENT_NODE && !teaser; p = p->parent)
      teaser = p->name && (!strcmp((const char *)p->name, "a") || !strcmp((const char *)p->name, "li") ||
                           !strcmp((const char *)p->name, "footer"));
    if (teaser) continue;
    sapo_buf raw = SAPO_BUF_INIT;
    xml_text(x, &raw, 400);
    char iso[48];
    int ok = !raw.failed && raw.len > 0 && raw.len < 200 && sapo_date_iso(sapo_buf_cstr(&raw), iso, sizeof iso);
    sapo_buf_free(&raw);
    if (ok) return strdup(iso);
  }
  return NULL;
}
