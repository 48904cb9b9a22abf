/* extract.c: the extraction pipeline in one place:
 *   metadata (meta.c) -> compact tree (dom.c) -> find and clean the article
 *   (score.c) -> serialise (emit.c) -> fill the sapo_article.
 * Every string handed out is malloc'ed, cleaned and NFC. */
#include "extract.h"
#include "words.h"
#include <stdlib.h>
#include <string.h>
#include "dom.h"
#include "authors.h"
#include "clean.h"
#include "date.h"
#include "emit.h"
#include "meta.h"
#include "phrases.h"
#include "vi.h"
#include "find.h"
#include "finder.h"
#include "tags.h"
#include "scripts.h"
#include "url.h"
#include "utext.h"


void sapo_article_free(sapo_article *a) {
  free(a->title); free(a->byline); free(a->date); free(a->modified); free(a->lead); free(a->lang);
  free(a->site_name); free(a->url); free(a->description); free(a->top_image); free(a->dir);
  free(a->text); free(a->markdown); free(a->html);
  for (int k = 0; k < a->n_authors; k++) free(a->authors[k]);
  free(a->authors);
  for (int k = 0; k < a->n_tags; k++) free(a->tags[k]);
  free(a->tags);
  for (int k = 0; k < a->n_images; k++) {
    free(a->images[k].src); free(a->images[k].alt); free(a->images[k].caption); free(a->images[k].credit);
  }
  free(a->images);
  if (a->trace) { trace_free(a->trace); free(a->trace); }
  memset(a, 0, sizeof *a);
}

/* *s replaced by its cleaned text (white space collapsed, invisible
 * characters dropped, NFC), or NULL when nothing is left; -1 when memory
 * runs out (*s then unchanged). */
static int clean_line(char **s) {
  if (!*s) return 0;
  sapo_buf b = SAPO_BUF_INIT;
  if (sapo_clean(*s, strlen(*s), &b, 0)) { sapo_buf_free(&b); return -1; }
  free(*s);
  *s = b.len ? sapo_buf_detach(&b, NULL) : NULL;
  sapo_buf_free(&b);
  return 0;
}

/* Split a keywords string on commas into a[] (trimmed, non-empty). */
static int split_tags(const char *s, sapo_article *a) {
  if (!s) return 0;
  int cap = 0;
  while (*s) {
    const char *e = strchr(s, ',');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    sapo_buf b = SAPO_BUF_INIT;
    if (sapo_clean(s, n, &b, 0)) { sapo_buf_free(&b); return -1; }
    if (b.len) {
      if (a->n_tags == cap) {
        cap = cap ? cap * 2 : 8;
        char **p = realloc(a->tags, (size_t)cap * sizeof *p);
        if (!p) { sapo_buf_free(&b); return -1; }
        a->tags = p;
      }
      a->tags[a->n_tags++] = sapo_buf_detach(&b, NULL);
    }
    sapo_buf_free(&b);
    if (!e) break;
    s = e + 1;
  }
  return 0;
}

/* <base href> resolved against the page URL, else the page URL; either
 * only when it is an http(s) URL. */
static char *base_url(xmlDocPtr doc, const char *url) {
  xmlNodePtr html = xmlDocGetRootElement(doc);
  for (xmlNodePtr h = html ? html->children : NULL; h; h = h->next) {
    if (h->type != XML_ELEMENT_NODE || strcmp((const char *)h->name, "head")) continue;
    for (xmlNodePtr b = h->children; b; b = b->next)
      if (b->type == XML_ELEMENT_NODE && !strcmp((const char *)b->name, "base")) {
        const char *href = xml_attr(b, "href");
        char *r = href && *href ? sapo_url_safe(url, href, SAPO_URL_PAGE) : NULL;
        if (r) return r;
      }
  }
  return url ? sapo_url_safe(NULL, url, SAPO_URL_PAGE) : NULL;
}

/* ===== FIELD RULES ===== */

static int ci_contains_nospace(const char *hay, const char *needle) {
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
static void url_host(const char *url, char *host, size_t cap) {
  size_t k = 0;
  if (url) {
    const char *h = strstr(url, "://");
    h = h ? h + 3 : url;
    while (h[k] && h[k] != '/' && h[k] != ':' && k + 1 < cap) { host[k] = h[k]; k++; }
  }
  host[k] = '\0';
}

/* host past a "www.", "m.", "amp." or "mobile." sub-domain */
static const char *bare_host(const char *host) {

  for (const char *const *p = W_HOST_PREFIXES; *p; p++)
    if (!strncasecmp(host, *p, strlen(*p))) return host + strlen(*p);
  return host;
}

/* A byline that is really the site: equal to the site name, contained in
 * the page's host name, or the part of <title> after its last separator. */
static int looks_like_site(const char *by, const char *site, const char *doc_title, const char *url) {
  if (!by) return 0;
  by = sapo_byline_lead_in(by);
  if (site && !strcasecmp(by, site)) return 1;
  if (url) {
    char host[256];
    url_host(url, host, sizeof host);
    if (ci_contains_nospace(host, by)) return 1;
    /* "Deutsche Welle (www.dw.com)": the byline names the host */
    const char *bare = bare_host(host);
    if (strchr(bare, '.') && ci_contains_nospace(by, bare)) return 1;
  }
  /* a site named by its domain ("DW.COM") inside the byline */
  if (site && strchr(site, '.') && !strchr(site, ' ') && strlen(site) >= 4 && ci_contains_nospace(by, site)) return 1;
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

/* "Theo Reuters" -> "Reuters": a source line names an agency (the lead-ins
 * are the cleaning stage's source phrases, phrases.c). */
static void strip_source_prefix(char *s) {
  size_t n = sapo_phrase_lead(s, PH_SOURCE);
  if (n) memmove(s, s + n, strlen(s + n) + 1);
}

/* art.authors: JSON-LD's names (each cleaned), else the byline's */
static int set_authors(sapo_article *a, char **ld, int n_ld) {
  if (n_ld) {
    for (int k = 0; k < n_ld; k++) {
      char **v = NULL;
      int n = 0;
      if (sapo_authors(ld[k], &v, &n)) return -1;
      for (int j = 0; j < n; j++) {
        int dup = 0;
        for (int i = 0; i < a->n_authors; i++) dup |= !strcmp(a->authors[i], v[j]);
        if (dup) continue;
        char **g = realloc(a->authors, (size_t)(a->n_authors + 1) * sizeof *g);
        if (!g) { sapo_authors_free(v, n); return -1; }
        a->authors = g;
        a->authors[a->n_authors++] = v[j];
        v[j] = NULL;
      }
      sapo_authors_free(v, n);
    }
    return 0;
  }
  return sapo_authors(a->byline, &a->authors, &a->n_authors);
}

/* art.byline as "A, B, C" from art.authors */
static int join_names(sapo_article *a) {
  sapo_buf b = SAPO_BUF_INIT;
  for (int k = 0; k < a->n_authors; k++) {
    if (k) sapo_buf_adds(&b, ", ");
    sapo_buf_adds(&b, a->authors[k]);
  }
  if (b.failed) { sapo_buf_free(&b); return -1; }
  free(a->byline);
  a->byline = sapo_buf_detach(&b, NULL);
  return a->byline ? 0 : -1;
}

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
  const char *h = bare_host(host);
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
static void strip_site(char *title, const char *site, const char *url) {
  if (!title) return;
  char host[256];
  url_host(url, host, sizeof host);
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
          (*host && (ci_contains_nospace(host, tail) || names_host(tail, strlen(tail), host)))) {
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
            (*host && hl >= 3 && (ci_contains_nospace(host, head) || (strcmp(*sp, ": ") && names_host(head, hl, host))))) {
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

static size_t u8_chars(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

static void prefer_h1(char **title, const char *h1) {
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

static void iso_date(char **d) {
  if (!*d) return;
  char iso[48];
  if (sapo_date_iso(*d, iso, sizeof iso)) {
    char *n = strdup(iso);
    if (n) { free(*d); *d = n; }
  }
}

/* "div.main > article#story > p": a readable name of a page node, from
 * its libxml2 ancestors (the last five). */
static char *node_path(xmlNodePtr x) {
  xmlNodePtr chain[5];
  int n = 0;
  for (xmlNodePtr p = x; p && p->type == XML_ELEMENT_NODE && n < 5; p = p->parent) chain[n++] = p;
  sapo_buf b = SAPO_BUF_INIT;
  for (int k = n - 1; k >= 0; k--) {
    sapo_buf_adds(&b, (const char *)chain[k]->name);
    const char *id = xml_attr(chain[k], "id"), *cls = xml_attr(chain[k], "class");
    if (id && *id) { sapo_buf_addc(&b, '#'); sapo_buf_add(&b, id, strnlen(id, 40)); }
    if (cls && *cls) {
      sapo_buf_addc(&b, '.');
      size_t l = strnlen(cls, 60);
      for (size_t i = 0; i < l; i++) sapo_buf_addc(&b, cls[i] == ' ' ? '.' : cls[i]);
    }
    if (k) sapo_buf_adds(&b, " > ");
  }
  char *r = b.failed ? NULL : sapo_buf_detach(&b, NULL);
  sapo_buf_free(&b);
  return r;
}

#define TRACE_MAX_CANDS   32     /* candidates whose containers are marked on items */
#define TRACE_OUTSIDE_MAX 5000   /* blocks outside every container, reported at most */

static int xml_inside(xmlNodePtr x, xmlNodePtr anc) {
  for (; x; x = x->parent)
    if (x == anc) return 1;
  return 0;
}

/* paths, and for each item the candidates (by order, bit k) whose
 * container holds it, read on libxml2's tree (never changed) */
static void trace_paths(trace *tr, const dtree *t, int32_t orig_count) {
  xmlNodePtr cands[TRACE_MAX_CANDS];
  int nc = 0;
  for (int i = 0; i < tr->n && nc < TRACE_MAX_CANDS; i++) {
    const trace_item *it = &tr->v[i];
    if (it->kind == TR_CANDIDATE)
      cands[nc++] = it->node >= 0 && it->node < orig_count ? t->n[it->node].x : NULL;
  }
  for (int i = 0; i < tr->n; i++) {
    trace_item *it = &tr->v[i];
    if (it->node < 0 || it->node >= orig_count || !t->n[it->node].x) continue;
    it->path = node_path(t->n[it->node].x);
    if (!it->path) tr->failed = 1;
    if (it->kind == TR_DROP || it->kind == TR_KEEP || it->kind == TR_OUTSIDE)
      for (int k = 0; k < nc; k++)
        if (cands[k] && xml_inside(t->n[it->node].x, cands[k])) it->cands |= 1u << k;
  }
}

static void trace_field(trace *tr, const char *field, const char *value, const char *src) {
  if (!value) return;
  trace_add(tr, TR_FIELD, -1, field, src ? src : "page", value, strlen(value));
}

/* The page's text blocks that are neither in the article nor inside a
 * dropped node: outside every container the finder chose. */
static void trace_outside(trace *tr, const dtree *t, int32_t orig_count, int32_t article) {
  int budget = TRACE_OUTSIDE_MAX;
  sapo_buf b = SAPO_BUF_INIT;
  for (int32_t i = 0; i < orig_count && budget > 0; i++) {
    if (t->n[i].type != DN_ELEM || !(sapo_tag_flags[t->n[i].tag] & TF_BLOCK)) continue;
    b.len = 0;
    for (int32_t c = t->n[i].first; c >= 0; c = t->n[c].next)
      if (t->n[c].type == DN_TEXT) sapo_buf_add(&b, t->n[c].text, t->n[c].tlen);
      else if (t->n[c].type == DN_ELEM && !(sapo_tag_flags[t->n[c].tag] & TF_BLOCK)) dom_text(t, c, &b);
    const char *s = sapo_buf_cstr(&b);
    size_t k = 0;
    while (k < b.len && (s[k] == ' ' || s[k] == '\n' || s[k] == '\t' || s[k] == '\r')) k++;
    if (k == b.len) continue;
    int32_t r = i, in_article = 0, in_body = 0;
    for (; r >= 0; r = t->n[r].parent) {
      if (r == article) in_article = 1;
      if (r == t->body) in_body = 1;
      if (t->n[r].parent < 0) break;
    }
    if (in_article || !in_body || r != t->html) continue;
    trace_add(tr, TR_OUTSIDE, i, "outside", NULL, s + k, b.len - k);
    budget--;
  }
  sapo_buf_free(&b);
}

/* The JSON-LD articleBody as paragraphs (a stub page's body). */
static int emit_ld_text(emit_out *o, const char *body) {
  memset(o, 0, sizeof *o);
  for (const char *p = body; *p;) {
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (n && emit_append(o, p, n, 0)) return -1;
    if (!e) break;
    p = e + 1;
  }
  return 0;
}

/* When the page shows (almost) nothing, the body its scripts carry as
 * HTML strings: the finder runs again on that document and, when it finds
 * more there, its tree and result replace the page's.  *sdoc keeps the
 * document alive for the caller.  0, or -1 when out of memory. */
static int script_fallback(xmlDocPtr doc, dtree *t, const find_input *in, find_result *sr, xmlDocPtr *sdoc) {
  if (sapo_script_html(doc, sdoc)) return -1;
  if (!*sdoc) return 0;
  dtree t2;
  memset(&t2, 0, sizeof t2);
  find_result s2;
  memset(&s2, 0, sizeof s2);
  if (dom_build(&t2, *sdoc) || find_article(&t2, in, &s2)) {
    free(s2.byline); free(s2.mark); dom_free(&t2);
    return -1;
  }
  if (s2.article < 0 || s2.text_length <= sr->text_length || s2.text_length < FIND_MIN_TEXT) {
    free(s2.byline); free(s2.mark); dom_free(&t2);
    xmlFreeDoc(*sdoc);
    *sdoc = NULL;
    return 0;
  }
  if (!s2.byline) { s2.byline = sr->byline; sr->byline = NULL; }
  free(sr->byline);
  free(sr->mark);
  *sr = s2;
  sr->method = "script-html";
  dom_free(t);
  *t = t2;
  return 0;
}

/* ===== TEXT FINISHING: TONE STYLE AND LANGUAGE ===== */

#define LANG_SAMPLE 1500   /* bytes of text the language is detected on */

/* *s (n bytes, or its strlen when len is NULL) in the tone style. */
static int tone_one(char **s, size_t *len, int style) {
  if (!*s) return 0;
  size_t n = len ? *len : strlen(*s);
  sapo_buf b = SAPO_BUF_INIT;
  int rc = sapo_vi_tone(*s, n, style, &b);
  if (rc == SAPO_ENOMEM || b.failed) { sapo_buf_free(&b); return -1; }
  if (rc != SAPO_OK) { sapo_buf_free(&b); return 0; }   /* not UTF-8: left as it is */
  size_t m;
  char *t = sapo_buf_detach(&b, &m);
  if (!t) { t = strdup(""); m = 0; if (!t) return -1; }
  free(*s);
  *s = t;
  if (len) *len = m;
  return 0;
}

/* Every text of the article in opt->tone's style, and art.lang: forced,
 * else the page's, else "vi" when the text reads as Vietnamese. */
static int finish_text(sapo_article *a, const sapo_options *opt) {
  if (opt->tone >= 0) {
    char **one[] = {&a->title, &a->byline, &a->lead, &a->description, &a->site_name};
    for (size_t k = 0; k < sizeof one / sizeof *one; k++)
      if (tone_one(one[k], NULL, opt->tone)) return -1;
    if (tone_one(&a->text, &a->text_len, opt->tone) || tone_one(&a->markdown, &a->markdown_len, opt->tone) ||
        tone_one(&a->html, &a->html_len, opt->tone))
      return -1;
    for (int k = 0; k < a->n_authors; k++) if (tone_one(&a->authors[k], NULL, opt->tone)) return -1;
    for (int k = 0; k < a->n_tags; k++) if (tone_one(&a->tags[k], NULL, opt->tone)) return -1;
    for (int k = 0; k < a->n_images; k++)
      if (tone_one(&a->images[k].alt, NULL, opt->tone) || tone_one(&a->images[k].caption, NULL, opt->tone) ||
          tone_one(&a->images[k].credit, NULL, opt->tone))
        return -1;
  }
  if (opt->lang) {
    char *l = strdup(opt->lang);
    if (!l) return -1;
    free(a->lang);
    a->lang = l;
  } else if (!a->lang && a->text) {
    size_t n = a->text_len < LANG_SAMPLE ? a->text_len : LANG_SAMPLE;
    while (n < a->text_len && n > 0 && ((unsigned char)a->text[n] & 0xC0) == 0x80) n--;   /* whole characters */
    double score;
    if (sapo_vi_detect(a->text, n, &score) == 1 && !(a->lang = strdup("vi"))) return -1;
  }
  return 0;
}

int sapo_extract(xmlDocPtr doc, const sapo_options *opt, sapo_article *a, sapo_error *err) {
  memset(a, 0, sizeof *a);
  sapo_meta m;
  memset(&m, 0, sizeof m);
  dtree t;
  emit_out eo;
  memset(&eo, 0, sizeof eo);
  memset(&t, 0, sizeof t);
  find_result sr;
  memset(&sr, 0, sizeof sr);
  trace *tr = NULL;
  clean_found cf;
  memset(&cf, 0, sizeof cf);
  int rc = SAPO_OK;
  char *base = NULL;
  xmlDocPtr sdoc = NULL;   /* the body printed into the page's scripts, when read */
  char *site_byline = NULL; /* a metadata author that names the publication */
  if (opt->trace) {
    tr = calloc(1, sizeof *tr);
    if (!tr) { rc = SAPO_ENOMEM; goto out; }
    a->trace = tr;
  }
  if (opt->url && !sapo_url_is_http(opt->url)) {
    rc = sapo_fail(err, SAPO_EURL, "the page's URL must be an absolute http(s) URL (url): %.80s", opt->url);
    goto out;
  }
  if (meta_read(doc, &m)) { rc = SAPO_ENOMEM; goto out; }
  /* links and images resolve against opts.url, else the page's own
   * canonical URL (link rel=canonical, og:url) when it is absolute */
  {
    const char *page_url = opt->url;
    if (!page_url && sapo_url_is_http(m.canonical)) page_url = m.canonical;
    base = base_url(doc, page_url);
  }
  if (dom_build(&t, doc)) { rc = SAPO_ENOMEM; goto out; }
  /* a meta author naming the publication is no byline: the page's own
   * byline element may then be read */
  if (looks_like_site(m.byline, m.site_name, m.doc_title, opt->url)) { site_byline = m.byline; m.byline = NULL; }
  find_input in = {m.title, m.byline != NULL, (int)opt->char_threshold, (int)opt->nb_top_candidates, m.ld_body, tr,
                   (opt->skip & CLEAN_LISTINGS) != 0};
  if (find_article(&t, &in, &sr)) { rc = SAPO_ENOMEM; goto out; }
  if (!sr.use_ld_text && sr.text_length < FIND_MIN_TEXT && script_fallback(doc, &t, &in, &sr, &sdoc)) {
    rc = SAPO_ENOMEM;
    goto out;
  }
  int32_t orig_count = sr.orig_count;
  /* metadata first: an article without a body still has them */
  const char *byline_src = m.byline ? m.byline_src : sr.byline ? "byline-element" : NULL;
  const char *date_src = m.date_src;
  a->title = m.title; m.title = NULL;
  a->byline = m.byline ? m.byline : sr.byline;
  if (m.byline) { m.byline = NULL; free(sr.byline); } else m.byline = NULL;
  sr.byline = NULL;
  if (clean_line(&a->byline)) { rc = SAPO_ENOMEM; goto out; }
  a->date = m.published; m.published = NULL;
  a->modified = m.modified; m.modified = NULL;
  a->description = m.excerpt; m.excerpt = NULL;
  a->site_name = m.site_name; m.site_name = NULL;
  a->lang = m.lang; m.lang = NULL;
  a->url = m.canonical ? sapo_url_safe(base, m.canonical, SAPO_URL_PAGE) : NULL;
  if (!a->url && opt->url) a->url = sapo_url_safe(NULL, opt->url, SAPO_URL_PAGE);
  a->top_image = m.image ? sapo_url_safe(base, m.image, SAPO_URL_IMAGE) : NULL;
  if (split_tags(m.keywords, a)) { rc = SAPO_ENOMEM; goto out; }
  if (sr.dir_node >= 0) {
    for (int32_t p = sr.dir_node; p >= 0; p = t.n[p].parent) {
      const char *d = dom_attr(&t, p, "dir");
      if (d && *d) { a->dir = strdup(d); break; }
    }
  }
  if (!sr.use_ld_text && (sr.article < 0 || sr.text_length == 0)) {
    rc = sapo_fail(err, SAPO_ENOCONTENT, "no article content found");
    goto out;
  }
  int formats = (int)opt->formats | SAPO_FMT_TEXT;
  if (sr.use_ld_text ? emit_ld_text(&eo, m.ld_body) : emit_blocks(&t, sr.article, base, formats, &eo)) {
    rc = SAPO_ENOMEM;
    goto out;
  }
  if (sr.use_ld_text && sr.article < 0) {
    /* nothing of the page to clean against: an empty virtual container */
    sr.article = dom_new(&t, T_DIV);
    if (sr.article < 0) { rc = SAPO_ENOMEM; goto out; }
  }
  clean_input ci = {&t, sr.article, orig_count, a->title, a->description, sr.title_node, opt->keep_captions,
                    opt->skip, sr.mark, tr};
  if (clean_blocks(&eo, &ci, &cf)) { rc = SAPO_ENOMEM; goto out; }
  long words = 0;
  if (emit_serialize(&eo, formats, &a->text, &a->text_len, &a->markdown, &a->markdown_len, &a->html,
                     &a->html_len, &words)) {
    rc = SAPO_ENOMEM;
    goto out;
  }
  if (a->text_len == 0) { rc = sapo_fail(err, SAPO_ENOCONTENT, "no article content found"); goto out; }
  a->images = eo.images; a->n_images = eo.n_images;
  eo.images = NULL; eo.n_images = 0;
  a->word_count = words;
  a->lead = cf.lead; cf.lead = NULL;
  /* byline: metadata, the page's byline element, the signature line at
   * the end, a rel=author link, a "Theo ..." source line; a site name is
   * not an author */
  if (looks_like_site(a->byline, a->site_name, m.doc_title, opt->url)) { free(a->byline); a->byline = NULL; }
  /* names signed in bold above the text are what the reader sees: they
   * beat metadata (often a CMS account), not the page's byline element */
  int ld_authors = 1;
  if (cf.opening_byline && (!a->byline || !byline_src || strcmp(byline_src, "byline-element"))) {
    free(a->byline);
    a->byline = cf.opening_byline;
    cf.opening_byline = NULL;
    byline_src = "opening-signature";
    ld_authors = 0;
  }
  if (!a->byline && cf.byline) { a->byline = cf.byline; cf.byline = NULL; byline_src = "signature"; }
  if (!a->byline && m.fact_author) { a->byline = m.fact_author; m.fact_author = NULL; byline_src = "labelled"; }
  if (!a->byline && m.rel_author) { a->byline = m.rel_author; m.rel_author = NULL; byline_src = "rel-author"; }
  if (!a->byline && m.author_link) { a->byline = m.author_link; m.author_link = NULL; byline_src = "author-link"; }
  if (!a->byline && (a->byline = meta_byline_near(&m))) byline_src = "by-line";
  if (!a->byline && cf.source) {
    strip_source_prefix(cf.source);
    a->byline = cf.source;
    cf.source = NULL;
    byline_src = "source-line";
  }
  if (looks_like_site(a->byline, a->site_name, m.doc_title, opt->url)) { free(a->byline); a->byline = NULL; }
  /* no person signs it anywhere: the publication that the metadata names
   * as the author is the byline (Readability and the sites' own parsers
   * agree) */
  if (!a->byline && site_byline) {
    if (clean_line(&site_byline)) { rc = SAPO_ENOMEM; goto out; }
    a->byline = site_byline;
    site_byline = NULL;
    byline_src = "publisher";
  }
  if (set_authors(a, m.authors, ld_authors ? m.n_authors : 0)) { rc = SAPO_ENOMEM; goto out; }
  sapo_byline_tidy(a->byline);
  /* a line of names only, slashed ("A / B", "A | B"): written as a list,
   * as bylines are (the names are the authors read from it) */
  if (a->byline && a->n_authors > 1 && (!ld_authors || !m.n_authors) && strpbrk(a->byline, "/|")) {
    const char *names = sapo_byline_lead_in(a->byline);
    if (sapo_names_line(names, strlen(names), 1) && join_names(a)) { rc = SAPO_ENOMEM; goto out; }
  }
  if (a->byline && !*a->byline) { free(a->byline); a->byline = NULL; }
  if (!a->date && m.fact_date) { a->date = m.fact_date; m.fact_date = NULL; date_src = "labelled"; }
  if (!a->date && cf.date) { a->date = cf.date; cf.date = NULL; date_src = "date-line"; }
  if (!a->date) { a->date = clean_page_date(&ci); date_src = "page-date"; }
  strip_site(a->title, a->site_name, a->url ? a->url : opt->url);
  prefer_h1(&a->title, m.h1);
  /* a title that only names the site: the page's h1 says what it is */
  if (a->title && m.h1 && *m.h1 && strcmp(a->title, m.h1) &&
      ((a->site_name && looks_like_site(a->title, a->site_name, NULL, NULL)) ||
       (a->site_name && ci_contains_nospace(a->title, a->site_name) &&
        u8_chars(a->title) < u8_chars(a->site_name) + TITLE_SITE_SLACK))) {
    char *h = strdup(m.h1);
    if (h) { free(a->title); a->title = h; }
  }
  iso_date(&a->date);
  iso_date(&a->modified);
  if (!a->top_image && a->n_images) a->top_image = strdup(a->images[0].src);
  if (!a->description) {
    /* Readability: the first paragraph stands in for a missing excerpt */
    const char *e = strstr(a->text, "\n\n");
    size_t n = e ? (size_t)(e - a->text) : a->text_len;
    a->description = malloc(n + 1);
    if (a->description) { memcpy(a->description, a->text, n); a->description[n] = '\0'; }
  }
  a->method = sr.method;
  if (finish_text(a, opt)) { rc = SAPO_ENOMEM; goto out; }
  if (tr) {
    trace_field(tr, "title", a->title, m.title_src);
    trace_field(tr, "byline", a->byline, a->byline ? byline_src : NULL);
    trace_field(tr, "date", a->date, a->date ? date_src : NULL);
    trace_field(tr, "lead", a->lead, cf.lead_src);
    trace_field(tr, "method", a->method, "finder");
    trace_outside(tr, &t, orig_count, sr.article);
    trace_paths(tr, &t, orig_count);
  }
out:
  if (rc == SAPO_ENOMEM) sapo_fail(err, SAPO_ENOMEM, "out of memory");
  free(site_byline);
  if (sdoc) xmlFreeDoc(sdoc);
  free(base);
  free(sr.byline);
  free(sr.mark);
  meta_free(&m);
  dom_free(&t);
  emit_free(&eo);
  clean_found_free(&cf);
  return rc;
}
