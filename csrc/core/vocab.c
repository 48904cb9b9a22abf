/* vocab.c: the class/id vocabulary of the finder, as data, and the small
 * predicates over it.  The lists are Readability.js's REGEXPS (matched as
 * substrings of className + " " + id, lower-cased, as Readability does),
 * plus the consent/paywall/newsletter interface tokens that real pages
 * wrap their dialogs in (matched as whole tokens). */
#include "find.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "pmatch.h"
#include "words.h"
#include "tags.h"

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
/* consent managers, paywall meters and sign-up boxes (whole class/id tokens) */
static const char *const DIALOG_TOKENS[] = {
  "onetrust", "ot", "cookie", "cookies", "cookiebanner", "consent", "gdpr", "cmp", "didomi", "usercentrics",
  "capping", "newsletter", "newsletters", "signup", "modal", NULL};
/* every DIALOG_TOKENS entry holds one of these (the cheap pre-test) */
static const char *const DIALOG_PIECES[] = {"ot", "cookie", "consent", "gdpr", "cmp", "didomi", "usercentrics",
                                            "capping", "newsletter", "signup", "modal", NULL};
/* every HIDDEN_CLASSES entry holds one of these */
static const char *const HIDDEN_PIECES[] = {"hid", "none", "sr-only", "screen", "invisible", "offscreen", NULL};
/* every ad token or prefix holds one of these */
static const char *const AD_PIECES[] = {"ad", "dfp-", "gpt-", NULL};
/* a dialog is interface text only while it is short */
#define DIALOG_MAX_LEN 1500

/* every share word (SHARE_WORDS below) starts with one of these */
static const char *const SHARE_STEMS[] = {"shar", "soci", NULL};

/* ===== SUBSTRING LISTS, MATCHED IN ONE SCAN ===== */
/* The lists as pmatch tables (pmatch.h): a string is scanned once for
 * several lists.  Built per extraction (in the finder's context). */
enum { L_UNLIKELY, L_BYLINE, L_HIDDEN, L_AD, L_DIALOG, L_SHARE };   /* the lists of vocab_sets.element */
struct vocab_pre { vocab_sets *vs; nfeat *feat; int32_t n, cap; };

struct vocab_sets {
  pmatch element;   /* every element's class and id: UNLIKELY, BYLINE, the hidden/ad/dialog pieces */
  pmatch ok_maybe, negative, positive;
  pmatch stems;     /* list k: W_BODY_STEMS[k] alone */
};

static vocab_sets *vocab_sets_new(void) {
  vocab_sets *v = malloc(sizeof *v);
  if (!v) return NULL;
  pm_init(&v->element);
  pm_init(&v->ok_maybe);
  pm_init(&v->negative);
  pm_init(&v->positive);
  /* (the order of the element lists is L_*) */
  if (pm_add(&v->element, UNLIKELY) || pm_add(&v->element, BYLINE) || pm_add(&v->element, HIDDEN_PIECES) ||
      pm_add(&v->element, AD_PIECES) || pm_add(&v->element, DIALOG_PIECES) || pm_add(&v->element, SHARE_STEMS) ||
      pm_add(&v->ok_maybe, OK_MAYBE) ||
      pm_add(&v->negative, NEGATIVE) || pm_add(&v->positive, POSITIVE)) {
    free(v);
    return NULL;
  }
  pm_init(&v->stems);
  for (int k = 0; W_BODY_STEMS[k]; k++) {
    const char *one[] = {W_BODY_STEMS[k], NULL};
    if (pm_add(&v->stems, one)) { free(v); return NULL; }
  }
  return v;
}

unsigned vocab_body_stems(const fctx *c, const char *s) { return s ? pm_scan(&c->vs->stems, s) : 0; }

static size_t lower_copy(char *dst, size_t cap, const char *s, size_t at) {
  for (; s && *s && at + 1 < cap; s++) dst[at++] = (char)((*s >= 'A' && *s <= 'Z') ? *s + 32 : *s);
  dst[at] = '\0';
  return at;
}

const char *match_string(fctx *c, int32_t i) {
  size_t at = lower_copy(c->ms, sizeof c->ms, dom_attr(c->t, i, "class"), 0);
  at = lower_copy(c->ms, sizeof c->ms, " ", at);
  lower_copy(c->ms, sizeof c->ms, dom_attr(c->t, i, "id"), at);
  return c->ms;
}

int has_any(const char *s, const char *const *list) {
  if (s[0] == '\0' || (s[0] == ' ' && s[1] == '\0')) return 0;   /* no class, no id */
  for (; *list; list++)
    if (strstr(s, *list)) return 1;
  return 0;
}

/* share widgets: Readability's (\b|_)(share|sharedaddy)(\b|_), and the
 * social-network bars that call themselves so ("article-social",
 * "social-share", "sharing-tools") */
static const char *const SHARE_WORDS[] = {"share", "sharedaddy", "sharing", "social", "socials", NULL};

/* (one scan per stem: "shar" and "soci" start every word of the list) */
int is_share(const char *s) {
  for (const char *const *st = SHARE_STEMS; *st; st++)
    for (const char *p = s; (p = strstr(p, *st)); p++) {
      if (p != s && isalnum((unsigned char)p[-1])) continue;
      for (const char *const *w = SHARE_WORDS; *w; w++) {
        size_t n = strlen(*w);
        if (!strncmp(p, *w, n) && !isalnum((unsigned char)p[n])) return 1;
      }
    }
  return 0;
}

static int weight_of(fctx *c, int32_t i);

int class_weight(fctx *c, int32_t i) {
  if (!(c->flags & FLAG_WEIGHT_CLASSES)) return 0;
  return weight_of(c, i);
}

/* NEGATIVE, and the word "hid" (^hid$| hid$| hid |^hid ) */
static int negative_in(const vocab_sets *v, const char *s) {
  if (v ? pm_scan(&v->negative, s) != 0 : has_any(s, NEGATIVE)) return 1;
  for (const char *p = s; (p = strstr(p, "hid")); p++)
    if ((p == s || p[-1] == ' ') && (p[3] == '\0' || p[3] == ' ')) return 1;
  return 0;
}

static int raw_class_weight(const vocab_sets *v, const char *cls, const char *id) {
  int w = 0;
  char s[512];
  if (cls && *cls) {
    lower_copy(s, sizeof s, cls, 0);
    if (negative_in(v, s)) w -= 25;
    if (v ? pm_scan(&v->positive, s) != 0 : has_any(s, POSITIVE)) w += 25;
  }
  if (id && *id) {
    lower_copy(s, sizeof s, id, 0);
    if (negative_in(v, s)) w -= 25;
    if (v ? pm_scan(&v->positive, s) != 0 : has_any(s, POSITIVE)) w += 25;
  }
  return w;
}

int is_unlikely(const char *ms) { return has_any(ms, UNLIKELY) && !has_any(ms, OK_MAYBE); }

int is_unlikely_role(const char *role) {
  if (!role) return 0;
  for (const char *const *r = UNLIKELY_ROLES; *r; r++)
    if (!strcmp(role, *r)) return 1;
  return 0;
}

int is_byline_class(const char *ms) { return has_any(ms, BYLINE); }

int is_video_embed(const dtree *t, int32_t i) {
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

/* utility classes that hide an element (whole class tokens) */
static const char *const HIDDEN_CLASSES[] = {
  "hidden", "d-none", "is-hidden", "u-hidden", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text",
  "screenreader-only", "element-invisible", "invisible", "hide", "offscreen", NULL};

/* endings of utility classes that hide for the eye only ("h-offscreen",
 * "u-visually-hidden", "is-sr-only"): screen-reader text, no reader's */
static const char *const HIDDEN_ENDINGS[] = {
  "-offscreen", "-sr-only", "-visually-hidden", "-visuallyhidden", "-screen-reader-text", "-a11y-hidden", NULL};

/* a class token that hides: one of HIDDEN_CLASSES, or ending in one of
 * HIDDEN_ENDINGS (one pass over the tokens) */
static int hidden_class(const char *cls) {
  const char *p = cls;
  while (*p) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    const char *s = p;
    while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') p++;
    size_t n = (size_t)(p - s);
    if (!n) continue;
    for (const char *const *w = HIDDEN_CLASSES; *w; w++)
      if (strlen(*w) == n && !strncasecmp(s, *w, n)) return 1;
    for (const char *const *w = HIDDEN_ENDINGS; *w; w++) {
      size_t k = strlen(*w);
      if (n > k && !strncasecmp(p - k, *w, k)) return 1;
    }
  }
  return 0;
}

/* ad slots: class tokens "ad", "ads", "advert"... or starting "ad-", "ad_",
 * "ads-", "adv-", "dfp-", "gpt-"; short (an ad label, a placeholder) */
#define AD_SLOT_MAX_LEN 300
static int ad_token(const char *s, size_t n) {
  static const char *const whole[] = {"ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising",
                                      "adslot", "adunit", "adbox", "adsbygoogle", NULL};
  static const char *const pre[] = {"ad-", "ad_", "ads-", "ads_", "adv-", "advert-", "dfp-", "gpt-", "ad__", NULL};
  for (const char *const *w = whole; *w; w++) if (strlen(*w) == n && !strncasecmp(s, *w, n)) return 1;
  for (const char *const *w = pre; *w; w++) if (n > strlen(*w) && !strncasecmp(s, *w, strlen(*w))) return 1;
  return 0;
}

/* maybe_hidden_class: 0 when the caller knows no class token can be a
 * hidden one (none holds a HIDDEN_PIECES piece) */
static int visible_attrs_ex(const dom_attrs *a, int maybe_hidden_class) {
  if (a->hidden) return 0;
  if (a->cls && maybe_hidden_class && hidden_class(a->cls)) return 0;
  if (a->style && (style_has(a->style, "display", "none") || style_has(a->style, "visibility", "hidden"))) return 0;
  if (a->aria_hidden && !strcmp(a->aria_hidden, "true")) return a->cls && strstr(a->cls, "fallback-image");
  return 1;
}

static int visible_attrs(const dom_attrs *a) { return visible_attrs_ex(a, 1); }

static int any_ad_token(const char *p) {
  while (p && *p) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    const char *s = p;
    while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') p++;
    if (p > s && ad_token(s, (size_t)(p - s))) return 1;
  }
  return 0;
}

int is_probably_visible(const dtree *t, int32_t i) {
  xmlNodePtr x = t->n[i].x;
  if (!x) return 1;
  dom_attrs a;
  dom_read_attrs(x, &a);
  return visible_attrs(&a);
}

const char *chrome_kind(const dtree *t, int32_t i) {
  xmlNodePtr x = t->n[i].x;
  if (!x) return NULL;
  dom_attrs a;
  dom_read_attrs(x, &a);
  if (!visible_attrs(&a)) return "hidden";
  int tag = t->n[i].tag;
  if (tag == T_BODY || tag == T_HTML) return NULL;
  if (!a.cls && !a.id && !a.role && !a.aria_modal) return NULL;
  if (any_ad_token(a.cls) || any_ad_token(a.id)) {
    if (raw_u16len(t, i) < AD_SLOT_MAX_LEN) return "ad-slot";
  }
  int dialog = (a.role && (!strcmp(a.role, "dialog") || !strcmp(a.role, "alertdialog"))) ||
               (a.aria_modal && !strcmp(a.aria_modal, "true")) || dom_has_token(a.cls, DIALOG_TOKENS) ||
               dom_has_token(a.id, DIALOG_TOKENS);
  if (dialog && raw_u16len(t, i) < DIALOG_MAX_LEN) return "dialog";
  return NULL;
}

/* ===== ONE READING OF EVERY ELEMENT ===== */

/* the features of element i; pre: its attributes when already read */
static void scan_with(const vocab_sets *v, const dtree *t, int32_t i, const dom_attrs *pre, nfeat *out) {
  memset(out, 0, sizeof *out);
  out->done = 1;   /* bit 1: features; bit 2: weight */
  out->tag = t->n[i].tag;
  xmlNodePtr x = t->n[i].x;
  /* every feature below is read from an attribute: an element with none
   * (most of an article's) has none */
  if (!x || t->n[i].type != DN_ELEM || !x->properties) return;
  dom_attrs a;
  if (pre) a = *pre;
  else dom_read_attrs(x, &a);
  const char *rel = a.rel, *itemprop = a.itemprop;
  int tag = t->n[i].tag;
  char ms[512];
  size_t at = lower_copy(ms, sizeof ms, a.cls, 0);
  at = lower_copy(ms, sizeof ms, " ", at);
  at = lower_copy(ms, sizeof ms, a.id, at);
  int have = ms[0] != ' ' || ms[1] != '\0';   /* a class or an id */
  /* one scan of class and id for every list: unlikely, byline, and the
   * pieces every hidden, ad and dialog token holds (a class too long for
   * ms is tested token by token) */
  enum { H_UNLIKELY = 1 << L_UNLIKELY, H_BYLINE = 1 << L_BYLINE, H_HIDDEN = 1 << L_HIDDEN, H_AD = 1 << L_AD,
         H_DIALOG = 1 << L_DIALOG, H_SHARE = 1 << L_SHARE };
  unsigned hit = 0;   /* no class, no id: nothing matches */
  int whole = v && at + 2 < sizeof ms;   /* class and id fit in ms */
  if (have && whole) {
    hit = pm_scan(&v->element, ms);
    /* the body stems matter only where the priors' class rules look
     * (no stem holds the space between class and id) */
    if (prior_class_tag(tag)) out->stems = (uint16_t)pm_scan(&v->stems, ms);
  } else if (have) {
    hit = (is_unlikely(ms) ? H_UNLIKELY : 0) | (is_byline_class(ms) ? H_BYLINE : 0) | H_HIDDEN | H_AD | H_DIALOG |
          H_SHARE;
    if (prior_class_tag(tag)) out->stems = UINT16_MAX;   /* maybe: the priors read the attributes themselves */
  }
  if (!visible_attrs_ex(&a, (hit & H_HIDDEN) != 0)) out->f |= VF_HIDDEN;
  if (tag != T_BODY && tag != T_HTML) {
    if ((hit & H_AD) && (any_ad_token(a.cls) || any_ad_token(a.id))) out->f |= VF_AD;
    if ((a.role && (!strcmp(a.role, "dialog") || !strcmp(a.role, "alertdialog"))) || (a.aria_modal && !strcmp(a.aria_modal, "true")) ||
        ((hit & H_DIALOG) && (dom_has_token(a.cls, DIALOG_TOKENS) || dom_has_token(a.id, DIALOG_TOKENS))))
      out->f |= VF_DIALOG;
  }
  if ((hit & H_UNLIKELY) && (!v || !pm_scan(&v->ok_maybe, ms))) out->f |= VF_UNLIKELY;
  if (is_unlikely_role(a.role)) out->f |= VF_UNLIKELY_ROLE;
  if ((rel && !strcmp(rel, "author")) || (itemprop && strstr(itemprop, "author")) || (hit & H_BYLINE)) out->f |= VF_BYLINE;
  if ((hit & H_SHARE) && is_share(ms)) out->f |= VF_SHARE;
  if (a.itemprop || a.role) out->f |= VF_ITEMPROP_ROLE;
}

static void scan(const vocab_sets *v, const dtree *t, int32_t i, nfeat *out) { scan_with(v, t, i, NULL, out); }

/* Features are read when first asked for and kept for the page's later
 * passes; the class weight (the costliest) only for nodes that are scored. */
int vocab_features(fctx *c, vocab_pre *pre) {
  size_t n = (size_t)(c->orig_count ? c->orig_count : 1);
  if (!pre || !pre->vs) {
    c->feat = calloc(n, sizeof *c->feat);
    c->vs = vocab_sets_new();
    return c->feat && c->vs ? 0 : -1;
  }
  /* the features read while the tree was built are taken over; nodes made
   * since (a <br> chain's paragraph) are read when asked, and so is an
   * element whose tag changed since (a <p> that became a <div>) */
  nfeat *f = realloc(pre->feat, n * sizeof *f);
  if (!f) return -1;
  if (n > (size_t)pre->n) memset(f + pre->n, 0, (n - (size_t)pre->n) * sizeof *f);
  for (int32_t i = 0; i < pre->n && i < c->orig_count; i++)
    if ((f[i].done & 1) && f[i].tag != c->t->n[i].tag) f[i].done &= (uint8_t)~1;
  c->feat = f;
  c->vs = pre->vs;
  pre->feat = NULL;
  pre->vs = NULL;
  pre->n = pre->cap = 0;
  return 0;
}

vocab_pre *vocab_pre_new(void) {
  vocab_pre *v = calloc(1, sizeof *v);
  if (!v) return NULL;
  if (!(v->vs = vocab_sets_new())) { free(v); return NULL; }
  return v;
}

int vocab_pre_read(vocab_pre *v, const dtree *t, int32_t i, const dom_attrs *a) {
  if (i >= v->cap) {
    int32_t cap = v->cap ? v->cap * 2 : 1024;
    while (cap <= i) cap *= 2;
    nfeat *f = realloc(v->feat, (size_t)cap * sizeof *f);
    if (!f) return -1;
    memset(f + v->cap, 0, (size_t)(cap - v->cap) * sizeof *f);
    v->feat = f;
    v->cap = cap;
  }
  if (i >= v->n) v->n = i + 1;
  scan_with(v->vs, t, i, a, &v->feat[i]);
  return 0;
}

void vocab_pre_free(vocab_pre *v) {
  if (!v) return;
  free(v->feat);
  free(v->vs);
  free(v);
}

nfeat vocab_feat(fctx *c, int32_t i) {
  if (c->feat && i < c->orig_count) {
    if (!(c->feat[i].done & 1)) { uint8_t d = c->feat[i].done; int8_t w = c->feat[i].weight; scan(c->vs, c->t, i, &c->feat[i]);
                                  c->feat[i].done |= d; if (d & 2) c->feat[i].weight = w; }
    return c->feat[i];
  }
  nfeat f;
  scan(c->vs, c->t, i, &f);
  return f;
}

static int weight_of(fctx *c, int32_t i) {
  if (c->feat && i < c->orig_count) {
    if (!(c->feat[i].done & 2)) {
      c->feat[i].weight = (int8_t)raw_class_weight(c->vs, dom_attr(c->t, i, "class"), dom_attr(c->t, i, "id"));
      c->feat[i].done |= 2;
    }
    return c->feat[i].weight;
  }
  return raw_class_weight(c->vs, dom_attr(c->t, i, "class"), dom_attr(c->t, i, "id"));
}

const char *chrome_of(fctx *c, int32_t i, nfeat f) {
  const dtree *t = c->t;
  if (f.f & VF_HIDDEN) return "hidden";
  if ((f.f & VF_AD) && raw_u16len(t, i) < AD_SLOT_MAX_LEN) return "ad-slot";
  if ((f.f & VF_DIALOG) && raw_u16len(t, i) < DIALOG_MAX_LEN) return "dialog";
  return NULL;
}
