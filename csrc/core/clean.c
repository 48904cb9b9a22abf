/* clean.c: the precision filters (see clean.h).  Each filter is a linear
 * pass over the blocks; the lead search, which also reads the tree around
 * the article, is lead.c's. */
#include "clean.h"
#include "words.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "authors.h"
#include "blocks.h"
#include "chrome.h"
#include "date.h"
#include "find.h"
#include "html.h"
#include "lead.h"
#include "listing.h"
#include "phrases.h"
#include "tags.h"
#include "utext.h"

static int starts_with(const char *s, const char *p) { return !strncmp(s, p, strlen(p)); }

/* The block's text, lower-cased, " :" as ":", trailing ":" and spaces removed. */
static void key_of(const emit_out *o, const block *b, char *dst, size_t cap) {
  size_t n = sapo_lower(btext(o, b), b->t_len, dst, cap);
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

static int social_names(const char *key) {
  int k = 0;
  for (const char *const *w = W_SOCIAL_NETWORKS; *w; w++) {
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
  if (whole ? sapo_phrase_is(key, kind) : sapo_phrase_prefix(key, kind)) return 1;
  for (const char *const *b = W_LABEL_BRACKETS; *b; b++)
    if (!strncmp(key, *b, strlen(*b))) return sapo_phrase_prefix(key + strlen(*b), kind);
  return 0;
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

static int has_agency(const char *s) {
  char low[200];
  size_t k = 0;
  for (; s[k] && k + 1 < sizeof low; k++) low[k] = (char)((s[k] >= 'A' && s[k] <= 'Z') ? s[k] + 32 : s[k]);
  low[k] = '\0';
  for (const char *const *a = W_CREDIT_AGENCIES; *a; a++) {
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
      if (inner > 0 && inner <= CREDIT_MAX_CHARS && (starts_label(in, W_CREDIT_LABELS, &len) || has_agency(in))) {
        if (starts_label(in, W_CREDIT_LABELS, &len)) in += len;
        while (*in == ' ') in++;
        credit = strndup(in, (size_t)(c + n - 1 - in));
        cut = open;
      }
    }
  }
  if (!cut) {
    /* the last segment after ". ", " - ", " | ", " / " or the whole caption */

    char *seg = c;
    for (const char *const *sp = W_CREDIT_SEPARATORS; *sp; sp++) {
      char *q = c, *last = NULL;
      while ((q = strstr(q, *sp)) != NULL) { last = q; q += strlen(*sp); }
      if (last && last + strlen(*sp) > seg) seg = last + strlen(*sp);
    }
    while (*seg == ' ') seg++;
    size_t sl = strlen(seg);
    if (sl > 0 && sl <= CREDIT_MAX_CHARS) {
      if (starts_label(seg, W_CREDIT_LABELS, &len)) {
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

#define CAPTION_AFTER_IMAGE 2     /* text blocks after an image that may be its caption   */
#define CAPTION_NEAR_MAX    400   /* characters of a caption-classed block by an image    */
#define CAPTION_MAX         300   /* characters of any other caption                      */

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
    if (last_image >= 0 && since <= CAPTION_AFTER_IMAGE && u8chars(btext(o, b), b->t_len) < CAPTION_NEAR_MAX) {
      const block *img = &o->b[last_image];
      const sapo_image *im = &o->images[img->image];
      if (b->flags & BF_CAPCLASS) cap = 1;
      else if (im->alt && b->t_len == strlen(im->alt) && !memcmp(btext(o, b), im->alt, b->t_len)) cap = 1;
      else if ((b->flags & BF_INFIGURE) && since == 1 && b->node >= 0 && img->node >= 0 &&
               same_table_or_figure(t, img->node, b->node) && u8chars(btext(o, b), b->t_len) < CAPTION_MAX)
        cap = 1;
      else if (since == 1 && b->node >= 0 && img->node >= 0 && same_table_or_figure(t, img->node, b->node) &&
               u8chars(btext(o, b), b->t_len) < CAPTION_MAX)
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
    if ((b->flags & BF_CAPCLASS) && u8chars(btext(o, b), b->t_len) < CAPTION_MAX && !in->keep_captions)
      drop(b, "caption-like");
  }
}

/* ===== MARKERS, WIDGETS, SECTIONS ===== */

#define MARKER_MAX_CHARS 300    /* every marker rule is for blocks shorter than this   */
#define READ_MORE_LINKS  0.4     /* link share of a "Read more: <link>" line             */
#define SHORT_LINE       60      /* a line this short needs no links to be a marker     */
#define LABEL_MAX        40      /* characters of an interface label on its own         */
#define SOCIAL_CTA_MAX   250     /* characters of a "follow us on X and Y" line          */
#define WIDGET_MAX       160     /* characters of a share/follow/copyright line          */

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

/* ===== DATED TEASER LINES ===== */

/* Older layouts print a related list as lines of one block: a label
 * ("Các tin liên quan:", "Tin khác") and "<a>Headline</a> (10/01/2024)"
 * lines separated by <br>.  A line is a dated teaser when it ends with a
 * date (in parentheses or not) after some words; a block of them, mostly
 * links, is a listing whatever its container or language. */
#define TEASER_DATE_MAX   40    /* bytes of the date at a line's end            */
#define TEASER_LINES_MIN  2     /* dated lines of a listing                     */
#define TEASER_LINE_LINKS 0.5   /* link share of the block's dated lines        */
#define TEASER_LABEL_MAX  60    /* characters of the label line above them      */

/* s[0, n) ends with a date after at least one word: "(10/01/2024)",
 * "[March 3, 2024]", or bare digits "10/01/2024 08:00" */
static int ends_with_date(const char *s, size_t n) {
  while (n && s[n - 1] == ' ') n--;
  if (n && s[n - 1] == '.') return 0;   /* a sentence ("Retrieved 2014-03-27.") */
  size_t i = n;
  if (n && (s[n - 1] == ')' || s[n - 1] == ']')) {
    char open = s[n - 1] == ')' ? '(' : '[';
    n--;
    i = n;
    while (i && n - i <= TEASER_DATE_MAX && s[i - 1] != open) i--;
    if (!i || n - i > TEASER_DATE_MAX) return 0;
  } else {
    /* back over the date's own characters: digits, separators, a time */
    while (i && ((s[i - 1] >= '0' && s[i - 1] <= '9') || strchr("/.-: ,h", s[i - 1]))) i--;
  }
  if (n - i < 6 || n - i > TEASER_DATE_MAX || i < 10) return 0;   /* "1/1/24" at the least, a headline before */
  char tmp[TEASER_DATE_MAX + 1], iso[48];
  memcpy(tmp, s + i, n - i);
  tmp[n - i] = '\0';
  return has_digit(tmp, n - i) && sapo_date_iso(tmp, iso, sizeof iso);
}

/* the dated teaser lines of b when all its lines are (a first line may be
 * the list's label: *label is then 1), else 0 */
static int dated_lines(const emit_out *o, const block *b, int *label) {
  *label = 0;
  if (!kept(b) || (b->kind != B_PARA && b->kind != B_LI)) return 0;
  const char *s = btext(o, b), *end = s + b->t_len;
  int dated = 0, line = 0;
  for (const char *p = s; p < end; line++) {
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (!e) e = end;
    if (ends_with_date(p, (size_t)(e - p))) dated++;
    else if (line == 0 && u8chars(p, (size_t)(e - p)) <= TEASER_LABEL_MAX) *label = 1;
    else return 0;
    p = e + 1;
  }
  if (!dated || link_share(b) < TEASER_LINE_LINKS * dated / (dated + *label)) return 0;
  return dated;
}

/* a short line of no date, standing alone: the label a list may have */
static int label_line(const emit_out *o, const block *b) {
  return kept(b) && b->kind != B_IMAGE && u8chars(btext(o, b), b->t_len) <= TEASER_LABEL_MAX &&
         !memchr(btext(o, b), '\n', b->t_len) && !has_digit(btext(o, b), b->t_len);
}

/* Runs of blocks whose lines are all dated teasers, TEASER_LINES_MIN lines
 * at the least, go with the label line right before them. */
static void dated_teasers(emit_out *o) {
  int prev = -1;   /* the previous kept text block */
  for (int k = 0; k < o->n;) {
    int label, n = dated_lines(o, &o->b[k], &label);
    if (!n) {
      if (kept(&o->b[k]) && o->b[k].kind != B_IMAGE) prev = k;
      k++;
      continue;
    }
    int total = n, j = k + 1;
    for (; j < o->n; j++) {
      if (!kept(&o->b[j]) || o->b[j].kind == B_IMAGE) continue;
      int l2, m = dated_lines(o, &o->b[j], &l2);
      if (!m || l2) break;
      total += m;
    }
    if (total >= TEASER_LINES_MIN) {
      for (int i = k; i < j; i++)
        if (kept(&o->b[i])) drop(&o->b[i], "dated-teasers");
      if (!label && prev >= 0 && label_line(o, &o->b[prev])) drop(&o->b[prev], "dated-teasers");
    }
    prev = -1;
    k = j;
  }
}

/* Short lines that are not the article's (one pass, one key a block):
 * "see also" lines and the related/comments sections a marker heading
 * opens (opts.skip "markers"); interface chrome: template placeholders,
 * labels on their own, "follow us" lines, share/follow/subscribe/copyright
 * lines (opts.skip "boilerplate"). */
static void lines(emit_out *o, unsigned skip) {
  int mk = !(skip & CLEAN_MARKERS), bp = !(skip & CLEAN_BOILERPLATE);
  char key[256];
  if (mk) dated_teasers(o);
  for (int k = 0; k < o->n; k++) {
    block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE) continue;
    size_t chars = u8chars(btext(o, b), b->t_len);
    if (chars >= MARKER_MAX_CHARS) continue;       /* every rule below is for short blocks */
    key_of(o, b, key, sizeof key);
    /* "Đọc thêm: <link>", "Read more: <link>" */
    if (mk && phrase_match(key, PH_INLINE, 0) && (link_share(b) >= READ_MORE_LINKS || chars < SHORT_LINE) &&
        !phrase_match(key, PH_SECTION, 1)) {
      drop(b, "read-more-line");
      continue;
    }
    if (bp) {
      /* a template placeholder left in the text: "$$ARTICLEAD$$", "{{ad}}", "%%AD_SLOT%%" */
      if (chars < SHORT_LINE && placeholder(btext(o, b), b->t_len)) { drop(b, "placeholder"); continue; }
      /* an interface label on its own: "Anzeige", "Article content" */
      if (chars < LABEL_MAX && b->kind != B_LI && sapo_phrase_is(key, PH_LABEL)) { drop(b, "label"); continue; }
      /* "Follow us on Twitter and Facebook" */
      if (chars < SOCIAL_CTA_MAX && social_names(key) >= 2 && b->kind != B_HEADING) { drop(b, "social-cta"); continue; }
      /* share / follow / copyright chrome */
      if (chars < WIDGET_MAX && phrase_match(key, PH_WIDGET, 0)) {
        /* "Theo dõi X trên ..." needs "trên" to be the follow widget */
        if (starts_with(key, "theo dõi") && !strstr(key, " trên")) continue;
        drop(b, "widget-line");
        continue;
      }
    }
    /* a related/comments section: the marker and the teasers after it */
    if (mk && chars < SHORT_LINE && (b->kind == B_HEADING || b->kind == B_PARA || b->kind == B_LI) &&
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
#define EDGE_REAL_MIN   80    /* characters of a real paragraph (the edges are outside them) */
#define EDGE_REAL_LINKS 0.5   /* ... with links under this share                         */
#define EDGE_MAX        30    /* characters of a navigation link at an edge               */
#define EDGE_LAST_MAX   60    /* ... when it is the last block                            */
#define EDGE_LINKS      0.8   /* link share of a navigation block                         */

static void link_blocks(emit_out *o) {
  int first_real = -1, last_real = -1, last = -1;
  for (int k = 0; k < o->n; k++) {
    const block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE) continue;
    last = k;
    if (b->chars >= EDGE_REAL_MIN && link_share(b) < EDGE_REAL_LINKS) {
      if (first_real < 0) first_real = k;
      last_real = k;
    }
  }
  if (first_real < 0) return;
  for (int k = 0; k < o->n; k++) {
    block *b = &o->b[k];
    if (k >= first_real && k <= last_real) continue;   /* only the edges */
    if (!kept(b) || b->kind == B_IMAGE || b->kind == B_HEADING) continue;
    size_t limit = k == last ? EDGE_LAST_MAX : EDGE_MAX;
    if (b->chars > 0 && b->chars < limit && link_share(b) > EDGE_LINKS) drop(b, "edge-link");
  }
}

/* A run of list items that are each one link, ending the article:
 * related-story teasers.  (Inside the text such a run is as often a table
 * of contents or a list of sources: kept.) */
#define LINK_ITEM_SHARE 0.9   /* link share of a list item that is one link  */
#define LINK_ITEM_MAX   150   /* characters of such an item                  */
#define LINK_RUN_MIN    2     /* items of a trailing run                     */

static void link_lists(emit_out *o) {
  /* the last kept text blocks, from the end, while they are one-link items */
  int k = o->n - 1, run = 0, start = -1;
  for (; k >= 0; k--) {
    const block *b = &o->b[k];
    if (!kept(b) || b->kind == B_IMAGE) continue;
    if (b->kind == B_LI && link_share(b) >= LINK_ITEM_SHARE && u8chars(btext(o, b), b->t_len) < LINK_ITEM_MAX) {
      run++;
      start = k;
      continue;
    }
    break;
  }
  if (run >= LINK_RUN_MIN)
    for (int i = start; i < o->n; i++)
      if (o->b[i].kind == B_LI) drop(&o->b[i], "trailing-links");
}

/* ===== DATE LINE, SIGNATURE, TITLE, REPEATS ===== */

/* A line that is a date: a date sapo_date_iso recognises, few letters
 * besides it (weekday, "Cập nhật", "GMT"), and no sentence end. */
#define DATE_LINE_MAX     80   /* characters of a date line            */
#define DATE_LINE_LETTERS 30   /* letters besides the date             */
static int date_line_text(const char *s, size_t len, char *iso, size_t cap) {
  if (len == 0 || u8chars(s, len) > DATE_LINE_MAX) return 0;
  if (s[len - 1] == '.' && !(len >= 3 && s[len - 2] >= '0' && s[len - 2] <= '9')) return 0;
  char tmp[256];
  size_t n = len < sizeof tmp - 1 ? len : sizeof tmp - 1;
  memcpy(tmp, s, n);
  tmp[n] = '\0';
  return sapo_date_iso(tmp, iso, cap) && letter_count(tmp, n) <= DATE_LINE_LETTERS;
}

static int is_date_line(const emit_out *o, const block *b) {
  char iso[48];
  return b->kind != B_HEADING && date_line_text(btext(o, b), b->t_len, iso, sizeof iso);
}

/* The opening signature: among the first text blocks, before the first
 * real paragraph, a bold paragraph that is only people's names
 * ("<p><strong>Jane Doe / John Roe</strong></p>"), followed by that
 * paragraph.  Sites that sign at the top this way print no byline element. */
#define OPENING_SIG_WITHIN   4    /* text blocks from the article's start  */
#define OPENING_SIG_MAX      80   /* characters of the line                */
#define OPENING_SIG_NEXT_MIN 80   /* characters of the paragraph after it  */
#define OPENING_SIG_NAME_WORDS 2  /* words of each name (a lone word is a kicker) */
#define BOLD_SHARE(b) ((b)->chars && (b)->bold_chars * 10 >= (b)->chars * 8)

static int next_text(const emit_out *o, int k) {
  for (k++; k < o->n; k++)
    if (kept(&o->b[k]) && o->b[k].kind != B_IMAGE) return k;
  return -1;
}

static void opening_signature(emit_out *o, clean_found *f) {
  char key[256];
  int seen = 0;
  for (int k = next_text(o, -1); k >= 0 && seen < OPENING_SIG_WITHIN; k = next_text(o, k), seen++) {
    block *b = &o->b[k];
    if (b->kind == B_PARA && b->chars >= OPENING_SIG_NEXT_MIN) return;   /* the text has begun */
    if (b->kind != B_PARA || !BOLD_SHARE(b) || b->chars > OPENING_SIG_MAX || link_share(b) >= 0.5) continue;
    if (!sapo_names_line(btext(o, b), b->t_len, OPENING_SIG_NAME_WORDS)) continue;
    key_of(o, b, key, sizeof key);
    if (phrase_match(key, PH_LABEL, 1) || phrase_match(key, PH_WIDGET, 0) || phrase_match(key, PH_SECTION, 1))
      continue;
    int next = next_text(o, k);
    if (next < 0 || o->b[next].kind != B_PARA || o->b[next].chars < OPENING_SIG_NEXT_MIN) return;
    f->opening_byline = dup_block(o, b);
    f->opening_at = k;
    drop(b, "opening-signature");
    return;
  }
}

/* The author's box after the text: name, role and a few lines of
 * biography in an element whose class says so ("author-container",
 * "author-bio", "autor-box"); the byline says who wrote it. */
#define AUTHOR_BOX_UP 4   /* levels up from a block to the box */
static int in_author_box(const clean_input *in, const block *b) {

  xmlNodePtr x = block_x(in->t, b);
  for (int up = 0; x && x->type == XML_ELEMENT_NODE && up < AUTHOR_BOX_UP; x = x->parent, up++) {
    const char *cls = xml_attr(x, "class");
    if (cls && dom_has_token(cls, W_AUTHOR_BOX_STEMS) && dom_has_token(cls, W_AUTHOR_BOX_PARTS)) return 1;
  }
  return 0;
}

static void author_box(emit_out *o, const clean_input *in) {
  for (int k = o->n - 1; k >= 0; k--) {
    block *b = &o->b[k];
    if (!kept(b)) continue;
    if (!in_author_box(in, b)) return;
    drop(b, "author-box");
  }
}

#define DATE_LINE_WITHIN  3    /* text blocks from the start a date line may be      */
#define END_LINES         4    /* signature, job title, credit and source lines read from the end */
#define SOURCE_LINE_MAX   80   /* characters of a "Theo ..." source line              */
#define SOURCE_LINE_WORDS 10
#define SIGNATURE_MAX     60   /* characters of a signature line (names only)         */
#define SIGNATURE_WORDS   7
#define SIGNATURE_LINKS   0.5  /* link share a signature stays under                  */

static void edges(emit_out *o, const clean_input *in, clean_found *f) {
  char key[256];
  author_box(o, in);
  opening_signature(o, f);
  /* the author's job title above the text (its name went with the byline) */
  for (int k = next_text(o, -1); k >= 0; k = next_text(o, k)) {
    block *b = &o->b[k];
    if (b->kind == B_PARA && b->chars >= OPENING_SIG_NEXT_MIN) break;   /* the text has begun */
    if (b->kind == B_PARA && chrome_job_title(btext(o, b), b->t_len)) drop(b, "job-title");
  }
  /* date line among the first blocks */
  int seen = 0;
  for (int k = 0; k < o->n && seen < DATE_LINE_WITHIN; k++) {
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
  for (int round = 0; round < END_LINES; round++) {
    int k = o->n - 1;
    while (k >= 0 && (!kept(&o->b[k]) || o->b[k].kind == B_IMAGE)) k--;
    if (k < 0) break;
    block *b = &o->b[k];
    const char *s = btext(o, b);
    size_t chars = u8chars(s, b->t_len);
    int w = words(s, b->t_len);
    key_of(o, b, key, sizeof key);
    if (chars <= SOURCE_LINE_MAX && phrase_match(key, PH_SOURCE, 0) && w <= SOURCE_LINE_WORDS && b->kind == B_PARA) {
      if (!f->source) f->source = dup_block(o, b);
      drop(b, "source-line");
      continue;
    }
    /* the author's job title under the signature */
    if (b->kind == B_PARA && chrome_job_title(s, b->t_len)) {
      drop(b, "job-title");
      continue;
    }
    /* "Ảnh: Hoàng Hà", "Photo: AFP" on its own line after the signature */
    size_t label;
    if (chars <= SOURCE_LINE_MAX && w <= SOURCE_LINE_WORDS && b->kind == B_PARA && starts_label(s, W_CREDIT_LABELS, &label)) {
      drop(b, "credit-line");
      continue;
    }
    int bold = BOLD_SHARE(b);
    if (chars <= SIGNATURE_MAX && w >= 1 && w <= SIGNATURE_WORDS && (bold || (b->flags & BF_RIGHT)) &&
        !has_digit(s, b->t_len) && b->kind == B_PARA && link_share(b) < SIGNATURE_LINKS) {
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

/* ===== THE FILTERS, IN THE ORDER THEY RUN ===== */

static int f_comments(emit_out *o, const clean_input *in, clean_found *f) {
  (void)in; (void)f;
  for (int k = 0; k < o->n; k++)
    if (o->b[k].flags & BF_COMMENT) drop(&o->b[k], "comments");
  return 0;
}
static int f_captions(emit_out *o, const clean_input *in, clean_found *f) { (void)f; captions(o, in); return 0; }
static int f_lines(emit_out *o, const clean_input *in, clean_found *f) {
  lines(o, in->skip);
  return (in->skip & CLEAN_BOILERPLATE) ? 0 : chrome_lines(o, in, f);
}
static int f_linklists(emit_out *o, const clean_input *in, clean_found *f) {
  (void)in; (void)f;
  link_lists(o);
  link_blocks(o);
  return 0;
}
static int f_edges(emit_out *o, const clean_input *in, clean_found *f) { edges(o, in, f); return 0; }
static int f_lead(emit_out *o, const clean_input *in, clean_found *f) { return lead_find(o, in, f); }

/* Each name of opts.skip and what it leaves out (one function may serve
 * two names: it reads which of them are skipped).  "listings" is the
 * finder's (teaser runs dropped inside the container: find_input); the
 * lead runs after the "never empty" rule below. */
typedef struct clean_filter {
  unsigned bits;
  int (*fn)(emit_out *o, const clean_input *in, clean_found *f);
  int after_rescue;   /* runs after the rule that an article is never emptied */
} clean_filter;

static const clean_filter FILTERS[] = {
  {CLEAN_COMMENTS, f_comments, 0}, {CLEAN_CAPTIONS, f_captions, 0}, {CLEAN_MARKERS | CLEAN_BOILERPLATE, f_lines, 0},
  {CLEAN_LINKLISTS, f_linklists, 0}, {CLEAN_EDGES, f_edges, 0}, {CLEAN_LEAD, f_lead, 1}};

int clean_filter_runs(unsigned bit) {
  if (bit == CLEAN_LISTINGS) return 1;   /* in the finder */
  for (size_t k = 0; k < sizeof FILTERS / sizeof *FILTERS; k++)
    if (FILTERS[k].bits & bit) return 1;
  return 0;
}

static int run_filters(emit_out *o, const clean_input *in, clean_found *f, int after_rescue) {
  for (size_t k = 0; k < sizeof FILTERS / sizeof *FILTERS; k++)
    if (FILTERS[k].after_rescue == after_rescue && (FILTERS[k].bits & ~in->skip) && FILTERS[k].fn(o, in, f)) return -1;
  return 0;
}

int clean_blocks(emit_out *o, const clean_input *in, clean_found *f) {
  memset(f, 0, sizeof *f);
  f->opening_at = -1;
  if (run_filters(o, in, f, 0)) return -1;
  /* the filters may thin an article, never empty it */
  int any = 0;
  for (int k = 0; k < o->n && !any; k++) any = kept(&o->b[k]) && o->b[k].kind != B_IMAGE;
  if (!any)
    for (int k = 0; k < o->n; k++) { o->b[k].flags &= ~(unsigned)BF_DROP; o->b[k].rule = NULL; }
  if (run_filters(o, in, f, 1)) return -1;
  trace_blocks(o, in);
  return 0;
}

void clean_found_free(clean_found *f) {
  free(f->lead);
  free(f->byline);
  free(f->opening_byline);
  free(f->source);
  free(f->date);
  memset(f, 0, sizeof *f);
}

/* ===== DATE NEAR THE TITLE ===== */

/* The date line next to the headline ("Thứ năm, 25/4/2024, 10:30
 * (GMT+7)" under the <h1>): the nearest element after the heading, before
 * the text begins, whose whole text is a date line; else the nearest one
 * just before it.  A site header's clock and the teasers' dates are
 * further away, or in a listing or a link. */
#define DATE_NEAR_AFTER   80    /* page nodes read after the heading          */
#define DATE_NEAR_BEFORE  24    /* ... and before it                          */
#define DATE_NEAR_TEXT    160   /* bytes of an element read as a line         */
#define DATE_NEAR_PROSE   150   /* a paragraph this long: the text has begun  */

static int date_node(const clean_input *in, int32_t i, char *iso, size_t cap, int *prose) {
  const dtree *t = in->t;
  if (t->n[i].type != DN_ELEM || !t->n[i].x) return 0;
  if (in->mark && (in->mark[i] & NM_IN_LISTING)) return 0;
  xmlNodePtr x = t->n[i].x;
  for (xmlNodePtr p = x; p && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (p->name && (!strcmp((const char *)p->name, "a") || !strcmp((const char *)p->name, "li"))) return 0;
  sapo_buf raw = SAPO_BUF_INIT;
  dom_xml_text(x, &raw, DATE_NEAR_TEXT + 1);
  int ok = 0;
  if (!raw.failed && raw.len > 0 && raw.len <= DATE_NEAR_TEXT) {
    ok = date_line_text(sapo_buf_cstr(&raw), raw.len, iso, cap);
    if (!ok && t->n[i].tag == T_P && raw.len >= DATE_NEAR_PROSE) *prose = 1;
  } else if (!raw.failed && t->n[i].tag == T_P) {
    *prose = 1;
  }
  sapo_buf_free(&raw);
  return ok;
}

char *clean_title_date(const clean_input *in) {
  int32_t h = in->title_node;
  if (h < 0 || h >= in->orig_count) return NULL;
  char iso[48];
  int prose = 0;
  const dtree *t = in->t;
  /* after the heading's own subtree */
  int32_t after = h + 1;
  while (after < in->orig_count && dom_is_ancestor(t, h, after)) after++;
  for (int32_t i = after; i < in->orig_count && i < after + DATE_NEAR_AFTER && !prose; i++)
    if (date_node(in, i, iso, sizeof iso, &prose)) return strdup(iso);
  for (int32_t i = h - 1; i >= 0 && i >= h - DATE_NEAR_BEFORE; i--) {
    if (dom_is_ancestor(t, i, h)) continue;   /* the heading's wrappers */
    if (date_node(in, i, iso, sizeof iso, &prose)) return strdup(iso);
  }
  return NULL;
}

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
    if (!dom_has_token(xml_attr(x, "class"), W_DATE_TOKENS) && !dom_has_token(xml_attr(x, "id"), W_DATE_TOKENS)) continue;
    if (in->mark && (in->mark[i] & NM_IN_LISTING)) continue;   /* a teaser's date */
    int teaser = 0;
    for (xmlNodePtr p = x; p && p->type == XML_ELEMENT_NODE && !teaser; p = p->parent)
      teaser = p->name && (!strcmp((const char *)p->name, "a") || !strcmp((const char *)p->name, "li") ||
                           !strcmp((const char *)p->name, "footer"));
    if (teaser) continue;
    sapo_buf raw = SAPO_BUF_INIT;
    dom_xml_text(x, &raw, 400);
    char iso[48];
    int ok = !raw.failed && raw.len > 0 && raw.len < 200 && sapo_date_iso(sapo_buf_cstr(&raw), iso, sizeof iso);
    sapo_buf_free(&raw);
    if (ok) return strdup(iso);
  }
  return NULL;
}
