/* vocab.c: the class/id vocabulary of the finder, as data, and the small
 * predicates over it.  The lists are Readability.js's REGEXPS (matched as
 * substrings of className + " " + id, lower-cased, as Readability does),
 * plus the consent/paywall/newsletter interface tokens that real pages
 * wrap their dialogs in (matched as whole tokens). */
#include "find.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>
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
/* a dialog is interface text only while it is short */
#define DIALOG_MAX_LEN 1500

static size_t lower_copy(char *dst, size_t cap, const char *s, size_t at) {
  for (; s && *s && at + 1 < cap; s++) dst[at++] = (char)tolower((unsigned char)*s);
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

/* NEGATIVE also matches the word "hid" (^hid$| hid$| hid |^hid ). */
static int is_negative(const char *s) {
  if (has_any(s, NEGATIVE)) return 1;
  for (const char *p = s; (p = strstr(p, "hid")); p++)
    if ((p == s || p[-1] == ' ') && (p[3] == '\0' || p[3] == ' ')) return 1;
  return 0;
}

/* (\b|_)(share|sharedaddy)(\b|_) */
int is_share(const char *s) {
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

int class_weight(fctx *c, int32_t i) {
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

static int has_class(const char *cls, const char *const *list) {
  if (!cls) return 0;
  const char *p = cls;
  while (*p) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    const char *s = p;
    while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') p++;
    size_t n = (size_t)(p - s);
    for (const char *const *w = list; n && *w; w++)
      if (strlen(*w) == n && !strncasecmp(s, *w, n)) return 1;
  }
  return 0;
}

int is_probably_visible(const dtree *t, int32_t i) {
  xmlNodePtr x = t->n[i].x;
  if (!x) return 1;
  if (has_class(xml_attr(x, "class"), HIDDEN_CLASSES)) return 0;
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

int is_ad_slot(const dtree *t, int32_t i) {
  xmlNodePtr x = t->n[i].x;
  if (!x || t->n[i].tag == T_BODY || t->n[i].tag == T_HTML) return 0;
  const char *cls = xml_attr(x, "class"), *id = xml_attr(x, "id");
  int hit = 0;
  for (int k = 0; k < 2 && !hit; k++) {
    const char *p = k ? id : cls;
    while (p && *p && !hit) {
      while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
      const char *s = p;
      while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') p++;
      if (p > s) hit = ad_token(s, (size_t)(p - s));
    }
  }
  return hit && raw_u16len(t, i) < AD_SLOT_MAX_LEN;
}

int is_dialog_chrome(const dtree *t, int32_t i) {
  xmlNodePtr x = t->n[i].x;
  if (!x || t->n[i].tag == T_BODY || t->n[i].tag == T_HTML) return 0;
  const char *role = xml_attr(x, "role"), *modal = xml_attr(x, "aria-modal");
  int hit = (role && (!strcmp(role, "dialog") || !strcmp(role, "alertdialog"))) || (modal && !strcmp(modal, "true"));
  if (!hit) hit = dom_has_token(xml_attr(x, "class"), DIALOG_TOKENS) || dom_has_token(xml_attr(x, "id"), DIALOG_TOKENS);
  if (!hit) return 0;
  return raw_u16len(t, i) < DIALOG_MAX_LEN;
}
