/* title.c: the title algorithm: Readability's cut of <title> at its
 * separators (title_from), and (title.h) the site name stripped from a
 * title and the h1 preferred when <title> is it plus a suffix. */
#include "meta_facts.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "dom.h"
#include "html.h"
#include "utext.h"
#include "words.h"
#include "title.h"
#include "authors.h"
#include "vi.h"

/* ===== TITLE (Readability _getArticleTitle) ===== */

static char *trim_dup(const char *s, size_t n) {
  while (n && meta_js_ws((unsigned char)*s)) { s++; n--; }
  while (n && meta_js_ws((unsigned char)s[n - 1])) n--;
  char *r = malloc(n + 1);
  if (!r) return NULL;
  memcpy(r, s, n);
  r[n] = '\0';
  return r;
}

static int is_sep(unsigned char c) { return c == '|' || c == '-' || c == '\\' || c == '/' || c == '>'; }
/* separator at s[i]: one of |-\/> or » (UTF-8 C2 BB); returns its byte length */
static int sep_at(const char *s, size_t i) {
  if (is_sep((unsigned char)s[i])) return 1;
  if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xBB) return 2;
  /* en and em dashes, as current Readability also treats them */
  if ((unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
      ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
    return 3;
  return 0;
}
static int hier_at(const char *s, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (c == '\\' || c == '/' || c == '>') return 1;
  if (c == 0xC2 && (unsigned char)s[i + 1] == 0xBB) return 2;
  return 0;
}

char *title_from(facts *f, const char *orig) {
  size_t n = strlen(orig);
  char *cur = NULL;
  int has_sep = 0, hier = 0;
  for (size_t i = 0; i + 1 < n; i++) {
    if (orig[i] != ' ') continue;
    int k = sep_at(orig, i + 1);
    if (k && orig[i + 1 + k] == ' ') { has_sep = 1; if (hier_at(orig, i + 1)) hier = 1; }
  }
  if (has_sep) {
    /* (.*)[sep] .*  -> text before the last "sep " */
    size_t cut = n;
    for (size_t i = 0; i < n; i++) {
      int k = sep_at(orig, i);
      if (k && orig[i + k] == ' ') cut = i;
    }
    cur = trim_dup(orig, cut);
    if (cur && word_count(cur) < 3) {
      free(cur);
      size_t i = 0;
      while (i < n && !sep_at(orig, i)) i++;
      size_t k = i < n ? (size_t)sep_at(orig, i) : 0;
      cur = i < n ? strdup(orig + i + k) : strdup(orig);
    }
  } else if (strstr(orig, ": ")) {
    char *t = trim_dup(orig, n);
    int match = 0;
    for (int k = 0; t && k < f->nheads && !match; k++) {
      sapo_buf b = SAPO_BUF_INIT;
      node_text(f->heads[k], &b);
      char *h = trim_dup(sapo_buf_cstr(&b), b.len);
      match = h && !strcmp(h, t);
      free(h);
      sapo_buf_free(&b);
    }
    free(t);
    if (!match) {
      const char *last = strrchr(orig, ':'), *first = strchr(orig, ':');
      cur = strdup(last + 1);
      if (cur && word_count(cur) < 3) { free(cur); cur = strdup(first + 1); }
      else {
        /* substr(0, indexOf(":")) without trimming for the word count */
        char *raw = malloc((size_t)(first - orig) + 1);
        if (raw) { memcpy(raw, orig, (size_t)(first - orig)); raw[first - orig] = '\0'; }
        if (raw && word_count(raw) > 5) { free(cur); cur = strdup(orig); }
        free(raw);
      }
    } else cur = strdup(orig);
  } else {
    size_t u = sapo_u16len(orig, n);
    if ((u > 150 || u < 15) && f->nh1 == 1) cur = node_text_clean(f->first_h1);
    if (!cur) cur = strdup(orig);
  }
  if (!cur) return NULL;
  char *clean = dup_clean(cur, strlen(cur));
  free(cur);
  if (!clean) clean = strdup("");
  if (!clean) return NULL;
  int wc = word_count(clean);
  if (wc <= 4) {
    sapo_buf b = SAPO_BUF_INIT;
    for (size_t i = 0; i < n;) {
      int k = sep_at(orig, i);
      if (k) { i += (size_t)k; continue; }
      sapo_buf_addc(&b, orig[i++]);
    }
    int owc = word_count(sapo_buf_cstr(&b));
    sapo_buf_free(&b);
    if (!hier || wc != owc - 1) { free(clean); return strdup(orig); }
  }
  return clean;
}

char *doc_title(facts *f) {
  if (!f->title_el) return strdup("");
  sapo_buf b = SAPO_BUF_INIT;
  node_text(f->title_el, &b);
  /* document.title: strip and collapse ASCII white space */
  sapo_buf o = SAPO_BUF_INIT;
  int ws = 0;
  for (size_t i = 0; i < b.len; i++) {
    unsigned char c = (unsigned char)b.data[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') { ws = 1; continue; }
    if (ws && o.len) sapo_buf_addc(&o, ' ');
    ws = 0;
    sapo_buf_addc(&o, (char)c);
  }
  sapo_buf_free(&b);
  char *r = o.failed ? NULL : strdup(sapo_buf_cstr(&o));
  sapo_buf_free(&o);
  return r;
}

/* ===== THE SITE'S NAME ===== */

int site_contains(const char *hay, const char *needle) {
  /* needle (spaces removed, lower-cased ASCII) inside hay (same) */
  char a[512], b[256];
  size_t na = 0, nb = 0;
  for (const char *p = hay; *p && na + 1 < sizeof a; p++)
    if (*p != ' ' && *p != '.' && *p != '-') a[na++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
  for (const char *p = needle; *p && nb + 1 < sizeof b; p++)
    if (*p != ' ' && *p != '.' && *p != '-') b[nb++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
  a[na] = b[nb] = '\0';
  return nb >= 3 && strstr(a, b) != NULL;
}

/* The host name of url into host ("" when url is NULL) */
void site_url_host(const char *url, char *host, size_t cap) {
  size_t k = 0;
  if (url) {
    const char *h = strstr(url, "://");
    h = h ? h + 3 : url;
    while (h[k] && h[k] != '/' && h[k] != ':' && k + 1 < cap) { host[k] = h[k]; k++; }
  }
  host[k] = '\0';
}

/* host past a "www.", "m.", "amp." or "mobile." sub-domain */
const char *site_bare_host(const char *host) {
  for (const char *const *p = W_HOST_PREFIXES; *p; p++)
    if (!strncasecmp(host, *p, strlen(*p))) return host + strlen(*p);
  return host;
}

/* A byline that is really the site: equal to the site name, contained in
 * the page's host name, or the part of <title> after its last separator. */
int site_named(const char *by, const char *site, const char *doc_title, const char *url) {
  if (!by) return 0;
  by = sapo_byline_lead_in(by);
  if (site && !strcasecmp(by, site)) return 1;
  if (url) {
    char host[256];
    site_url_host(url, host, sizeof host);
    if (site_contains(host, by)) return 1;
    /* "Deutsche Welle (www.dw.com)": the byline names the host */
    const char *bare = site_bare_host(host);
    if (strchr(bare, '.') && site_contains(by, bare)) return 1;
  }
  /* a site named by its domain ("DW.COM") inside the byline */
  if (site && strchr(site, '.') && !strchr(site, ' ') && strlen(site) >= 4 && site_contains(by, site)) return 1;
  if (doc_title) {
    const char *cut = NULL;
    for (const char *p = doc_title; *p; p++)
      if ((*p == '|' || *p == '-' || !strncmp(p, "\xE2\x80\x93", 3) || !strncmp(p, "\xE2\x80\x94", 3)) &&
          p > doc_title && p[-1] == ' ')
        cut = p;
    if (cut) {
      while (*cut && *cut != ' ') cut++;
      while (*cut == ' ') cut++;
      size_t bl = strlen(by);
      if (*cut && !strncasecmp(cut, by, bl) && (cut[bl] == '\0' || cut[bl] == ' ')) return 1;
    }
  }
  return 0;
}

/* ===== A TITLE WITHOUT THE SITE ===== */

/* separators CJK titles write without spaces (the only ones that do not
 * start with an ASCII byte) */
static int cjk_sep(const char *sp) { return (unsigned char)sp[0] >= 0x80; }

/* "제목-정치" after "ㅣ한국일보" went: the section glued on with a hyphen
 * (letters only, so "COVID-19" keeps its number) */
#define SECTION_MAX_BYTES 24
static void strip_glued_section(char *title) {
  char *dash = strrchr(title, '-');
  if (!dash || dash == title || dash[-1] == ' ') return;
  size_t n = strlen(dash + 1);
  if (!n || n > SECTION_MAX_BYTES) return;
  for (const char *q = dash + 1; *q; q++)
    if (*q == ' ' || (*q >= '0' && *q <= '9') || ((unsigned char)*q < 0x80 && (*q | 32) >= 'a' && (*q | 32) <= 'z'))
      return;   /* a Latin compound ("Spider-Man") or a number stays */
  *dash = '\0';
}

/* A title part that names the host in its own letters: "Tuổi Trẻ Online"
 * on tuoitre.vn, "Le Monde.fr" on www.lemonde.fr, "Báo Thanh Niên" on
 * thanhnien.vn (the part folded to ASCII letters holds the host's first
 * label, which is at least half of it). */
#define HOST_LABEL_MIN 4    /* bytes of a host label worth matching */
static int names_host(const char *part, size_t n, const char *host) {
  const char *h = site_bare_host(host);
  const char *dot = strchr(h, '.');
  size_t hl = dot ? (size_t)(dot - h) : strlen(h);
  if (hl < HOST_LABEL_MIN) return 0;
  sapo_buf b = SAPO_BUF_INIT;
  int hit = 0;
  if (!sapo_vi_slug(part, n, &b) && !b.failed) {
    size_t o = 0;
    for (size_t k = 0; k < b.len; k++) if (b.data[k] != '-') b.data[o++] = b.data[k];
    /* the label is most of the part: "tuoitreonline" holds "tuoitre" */
    if (o <= 2 * hl)
      for (size_t k = 0; k + hl <= o && !hit; k++) hit = !strncasecmp(b.data + k, h, hl);
  }
  sapo_buf_free(&b);
  return hit;
}

/* "Title | Site", "Site - Title", "Site: Title" -> "Title" when Site is the
 * site's name (og:site_name / JSON-LD publisher / application-name) or the
 * host name; a title is never cut to fewer than two words. */
void title_strip_site(char *title, const char *site, const char *url) {
  if (!title) return;
  char host[256];
  site_url_host(url, host, sizeof host);
  for (const sapo_title_sep *ts = W_TITLE_SEPARATORS; ts->text; ts++) {
    if (!(ts->uses & SEP_SITE)) continue;
    const char *const *sp = &ts->text;
    size_t sl = strlen(*sp);
    /* suffix: the last separator */
    char *last = NULL;
    for (char *q = strstr(title, *sp); q; q = strstr(q + 1, *sp)) last = q;
    if (last && strcmp(*sp, ": ")) {
      const char *tail = last + sl;
      if ((site && !strcasecmp(tail, site)) ||
          (*host && (site_contains(host, tail) || names_host(tail, strlen(tail), host)))) {
        int words = 1;
        for (char *q = title; q < last; q++) words += *q == ' ';
        if (words >= 2) {
          *last = '\0';
          if (cjk_sep(*sp)) strip_glued_section(title);
          return;
        }
      }
    }
    /* prefix: the first separator */
    char *first = strstr(title, *sp);
    if (first) {
      char head[256];
      size_t hl = (size_t)(first - title);
      if (hl < sizeof head) {
        memcpy(head, title, hl);
        head[hl] = '\0';
        if ((site && !strcasecmp(head, site)) ||
            (*host && hl >= 3 && (site_contains(host, head) || (strcmp(*sp, ": ") && names_host(head, hl, host))))) {
          const char *rest = first + sl;
          int words = 1;
          for (const char *q = rest; *q; q++) words += *q == ' ';
          if (words >= 2) { memmove(title, rest, strlen(rest) + 1); return; }
        }
      }
    }
  }
}

/* "Headline | Site" where the page's <h1> is "Headline": the headline.
 * Only for short headlines (three words or fewer), where Readability's
 * separator rule gives up and keeps the whole <title>. */
#define H1_MIN_BYTES 15   /* an h1 this long can stand for the title */

/* The <h1> when <title> is it plus a site or section suffix ("H1 | Sport",
 * "H1 | DW | 28.04.2023", "H1-정치ㅣ한국일보"), or a truncated copy of it
 * ("First words of the h1..."). */
#define TITLE_SITE_SLACK 12   /* characters a site-name title may add ("Газета «…»") */

size_t title_chars(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

void title_prefer_h1(char **title, const char *h1) {
  if (!*title || !h1 || !*h1) return;
  size_t hl = strlen(h1), tl = strlen(*title);
  if (!strcmp(*title, h1)) return;
  /* a truncated title: "..." or "…" at the end, the rest a prefix of h1 */
  size_t cut = 0;
  if (tl > 3 && !strcmp(*title + tl - 3, "...")) cut = 3;
  else if (tl > 3 && !strcmp(*title + tl - 3, "\xE2\x80\xA6")) cut = 3;
  if (cut && tl - cut >= H1_MIN_BYTES && hl > tl - cut && !strncmp(h1, *title, tl - cut)) {
    char *t = strdup(h1);
    if (t) { free(*title); *title = t; }
    return;
  }
  int words = 1;
  for (const char *q = h1; *q; q++) words += *q == ' ';
  if (hl < H1_MIN_BYTES && words <= 3) {
    /* a short h1 only replaces an exact "h1 | site" title (Readability) */
    for (const sapo_title_sep *ts = W_TITLE_SEPARATORS; ts->text; ts++) {
      if (!(ts->uses & SEP_SHORT_H1)) continue;
      const char *const *sp = &ts->text;
      const char *at = strstr(*title, *sp);
      if (at && (size_t)(at - *title) == hl && !strncmp(*title, h1, hl)) { (*title)[hl] = '\0'; return; }
    }
    return;
  }
  if (tl <= hl || strncmp(*title, h1, hl)) return;
  /* the rest must start with a separator: | - – — · • :: » / ㅣ */
  const char *r = *title + hl;
  while (*r == ' ') r++;
  for (const sapo_title_sep *ts = W_TITLE_SEPARATORS; ts->text; ts++) {
    if (!(ts->uses & SEP_AFTER_H1)) continue;
    const char *l = ts->text;
    size_t ll = strlen(l);
    while (*l == ' ') { l++; ll--; }
    while (ll && l[ll - 1] == ' ') ll--;
    if (!strncmp(r, l, ll)) { (*title)[hl] = '\0'; return; }
  }
}

/* The title only names the site ("Báo Thanh Niên" for an article): equal
 * to the site's name, or the site's name with a few characters more; the
 * page's h1 then says what the page is. */
int title_names_site(const char *title, const char *site, const char *h1) {
  if (!title || !h1 || !*h1 || !strcmp(title, h1) || !site) return 0;
  return site_named(title, site, NULL, NULL) ||
         (site_contains(title, site) && title_chars(title) < title_chars(site) + TITLE_SITE_SLACK);
}
