/* meta.c: the metadata stage (see meta.h).  Walks the libxml2 document
 * once to collect <meta>, JSON-LD scripts, <title>, headings and links;
 * then chooses each field. */
#include "meta.h"
#include "meta_facts.h"
#include "words.h"
#include <libxml/HTMLparser.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "authors.h"
#include "buf.h"
#include "dom.h"
#include "html.h"
#include "date.h"
#include "json.h"
#include "phrases.h"
#include "tags.h"
#include "utext.h"
#include <utf8proc.h>

/* ===== SMALL STRING HELPERS ===== */

char *dup_clean(const char *s, size_t n) {
  sapo_buf b = SAPO_BUF_INIT;
  if (sapo_clean(s, n, &b, 0)) { sapo_buf_free(&b); return NULL; }
  if (!b.len) { sapo_buf_free(&b); return NULL; }
  return sapo_buf_detach(&b, NULL);
}

char *dup_str(const char *s) { return s ? dup_clean(s, strlen(s)) : NULL; }

/* Readability's _unescapeHtmlEntities: values are often escaped twice. */
char *unescape_dup(const char *s) {
  if (!s) return NULL;
  sapo_buf b = SAPO_BUF_INIT;
  for (const char *p = s; *p;) {
    if (*p == '&') {
      static const struct { const char *e; char c; } ents[] = {
        {"&quot;", '"'}, {"&amp;", '&'}, {"&apos;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}};
      int done = 0;
      for (size_t k = 0; k < 5; k++) {
        size_t l = strlen(ents[k].e);
        if (!strncmp(p, ents[k].e, l)) { sapo_buf_addc(&b, ents[k].c); p += l; done = 1; break; }
      }
      if (done) continue;
      if (p[1] != '#') {   /* any other named entity libxml2 knows: "&ouml;", "&eacute;" */
        char name[33];
        size_t k = 0;
        while (k < sizeof name - 1 && ((p[1 + k] >= 'a' && p[1 + k] <= 'z') || (p[1 + k] >= 'A' && p[1 + k] <= 'Z') ||
                                       (p[1 + k] >= '0' && p[1 + k] <= '9')))
          { name[k] = p[1 + k]; k++; }
        name[k] = '\0';
        const htmlEntityDesc *ent = k && p[1 + k] == ';' ? htmlEntityLookup((const xmlChar *)name) : NULL;
        if (ent) {
          sapo_buf_add_cp(&b, (int32_t)ent->value);
          p += k + 2;
          continue;
        }
      }
      if (p[1] == '#') {
        const char *q = p + 2;
        int hex = (*q == 'x' || *q == 'X');
        if (hex) q++;
        char *end;
        long v = strtol(q, &end, hex ? 16 : 10);
        if (end != q && *end == ';') {
          if (v <= 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
          sapo_buf_add_cp(&b, (int32_t)v);
          p = end + 1;
          continue;
        }
      }
    }
    sapo_buf_addc(&b, *p++);
  }
  char *r = dup_clean(sapo_buf_cstr(&b), b.len);
  sapo_buf_free(&b);
  return r;
}

static void lower_in_place(char *s) { for (; *s; s++) *s = (char)tolower((unsigned char)*s); }

int meta_js_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* str.split(/\s+/).length */
int word_count(const char *s) {
  int n = 1, in = 0;
  for (; *s; s++) {
    if (meta_js_ws((unsigned char)*s)) { if (!in) n++; in = 1; }
    else in = 0;
  }
  return n;
}

/* ===== COLLECTED DOCUMENT FACTS ===== */

void set_val(facts *f, const char *key, const char *content) {
  for (int k = 0; k < f->nvals; k++)
    if (!strcmp(f->vals[k].key, key)) {
      free(f->vals[k].val);
      f->vals[k].val = strdup(content);
      return;
    }
  if (f->nvals == NVALS) return;
  f->vals[f->nvals].key = key;
  f->vals[f->nvals].val = strdup(content);
  f->nvals++;
}

const char *get_val(const facts *f, const char *key) {
  for (int k = 0; k < f->nvals; k++)
    if (!strcmp(f->vals[k].key, key)) return f->vals[k].val;
  return NULL;
}

/* Canonical keys we keep (the interned strings the map stores). */

static const char *intern(const char *k) {
  for (const char *const *p = W_META_KEYS; *p; p++)
    if (!strcmp(*p, k)) return *p;
  return NULL;
}

/* property: space-separated list; each (article|dc|dcterm|og|twitter):(author|creator|description|
 * published_time|title|site_name) token counts (Readability keeps the first match). */
static int meta_property(facts *f, const char *prop, const char *content) {
  char buf[256];
  size_t n = strlen(prop);
  if (n >= sizeof buf) return 0;
  memcpy(buf, prop, n + 1);
  lower_in_place(buf);

  int matched = 0;
  char *save = NULL;
  for (char *tok = strtok_r(buf, " \t\n", &save); tok; tok = strtok_r(NULL, " \t\n", &save)) {
    char *colon = strchr(tok, ':');
    if (!colon) continue;
    *colon = '\0';
    const char *a = tok, *b = colon + 1;
    int okp = 0, oks = 0;
    for (const char *const *p = W_META_PROPERTY_PREFIXES; *p; p++) okp |= !strcmp(a, *p);
    for (const char *const *p = W_META_PROPERTY_NAMES; *p; p++) oks |= !strcmp(b, *p);
    if (!okp || !oks) continue;
    char key[300];
    snprintf(key, sizeof key, "%s:%s", a, b);
    const char *ik = intern(key);
    int readability_suffix = strcmp(b, "modified_time") && strcmp(b, "image") && strcmp(b, "updated_time") && strcmp(b, "url");
    if (ik) set_val(f, ik, content);
    if (readability_suffix) matched = 1;
  }
  return matched;
}

/* name: ^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-\.:]\s*)?
 *        (author|creator|pub-date|description|title|site_name)\s*$ (case-insensitive) */
static void meta_name(facts *f, const char *name, const char *content) {
  char buf[128];
  size_t o = 0;
  for (const char *p = name; *p && o + 1 < sizeof buf; p++)
    if (!meta_js_ws((unsigned char)*p)) buf[o++] = (char)tolower((unsigned char)*p);
  buf[o] = '\0';
  for (char *p = buf; *p; p++) if (*p == '.') *p = ':';
  /* whole names kept as they are (dates of large CMSs among them) */

  for (const char *const *w = W_META_WHOLE_NAMES; *w; w++)
    if (!strcmp(buf, *w)) { set_val(f, intern(buf), content); return; }

  for (const char *const *l = W_META_NAME_ENDINGS; *l; l++) {
    size_t ln = strlen(*l), bn = strlen(buf);
    if (bn < ln || strcmp(buf + bn - ln, *l)) continue;
    if (bn == ln) { if (intern(buf)) set_val(f, intern(buf), content); return; }
    char sep = buf[bn - ln - 1];
    if (sep != '-' && sep != ':' ) return;
    buf[bn - ln - 1] = '\0';
    for (const char *const *p = W_META_NAME_PREFIXES; *p; p++)
      if (!strcmp(buf, *p)) {
        char key[160];
        snprintf(key, sizeof key, "%s%c%s", buf, sep, *l);
        /* Readability's map keys keep the separator as written (":" after the dot fix-up). */
        const char *ik = intern(key);
        if (ik) set_val(f, ik, content);
        return;
      }
    return;
  }
}

static int push_node(xmlNodePtr **arr, int *n, int *cap, xmlNodePtr x) {
  if (*n == *cap) {
    int c = *cap ? *cap * 2 : 16;
    xmlNodePtr *p = realloc(*arr, (size_t)c * sizeof *p);
    if (!p) return -1;
    *arr = p;
    *cap = c;
  }
  (*arr)[(*n)++] = x;
  return 0;
}

/* What x's ancestors are, from the path of elements the visit is on (the
 * visits come in document order, so the stack holds x's ancestors once the
 * elements that are not are popped): every question about ancestors is
 * answered once per element, not by a climb per question. */
static int enter_element(facts *f, xmlNodePtr x, int tag, const dom_attrs *a) {
  while (f->nanc && f->anc[f->nanc - 1].node != x->parent) f->nanc--;
  f->up = f->nanc ? f->anc[f->nanc - 1].flags : 0;
  uint8_t self = 0;
  if (tag == T_NAV || tag == T_FOOTER || tag == T_ASIDE ||
      (a->role && (!strcmp(a->role, "navigation") || !strcmp(a->role, "contentinfo") || !strcmp(a->role, "complementary"))))
    self |= ANC_CHROME;
  if (tag == T_PRE || tag == T_CODE) self |= ANC_CODE;
  if (tag == T_ARTICLE) self |= ANC_ARTICLE;
  if (tag == T_TABLE && fact_table_of_data(x)) self |= ANC_DATA_TABLE;
  if (f->nanc == f->capanc) {
    int cap = f->capanc ? f->capanc * 2 : 64;
    void *p = realloc(f->anc, (size_t)cap * sizeof *f->anc);
    if (!p) return -1;
    f->anc = p;
    f->capanc = cap;
  }
  f->anc[f->nanc].node = x;
  f->anc[f->nanc].flags = (uint8_t)(f->up | self);
  f->nanc++;
  return 0;
}

int meta_facts_visit(meta_facts *f, xmlNodePtr x, int tag, const dom_attrs *a) {
  if (enter_element(f, x, tag, a)) return -1;
  if (!x->name) return 0;
  const char *ip = a->itemprop;
  if (ip && tag != T_TIME) {
    const char *v = xml_attr(x, "content");
    if (!v) v = xml_attr(x, "datetime");
    if (v && *v && strstr(ip, "datePublished") && !f->item_pub) f->item_pub = v;
    if (v && *v && strstr(ip, "dateModified") && !f->item_mod) f->item_mod = v;
  }
  if (!f->rel_author_el && tag == T_A && a->rel && !strcmp(a->rel, "author")) f->rel_author_el = x;
  if (!f->author_link && tag == T_A && sapo_author_href(a->href) && !(f->up & ANC_CHROME)) {
    char *t = node_text_clean(x);
    if (t && sapo_name_shaped(t)) f->author_link = t; else free(t);
  }
  if (fact_label_tag(tag) && (!f->fact_author || !f->fact_date)) labelled_fact(f, x, tag);
  switch (tag) {
  case T_HTML:
    if (!f->html_el) { f->html_el = x; f->lang = xml_attr(x, "lang"); }
    break;
  case T_TITLE:
    if (!f->title_el) f->title_el = x;
    break;
  case T_TIME: {
    const char *dt = xml_attr(x, "datetime");
    if (!dt || !*dt) break;
    if (!f->time_pub && (xml_attr(x, "pubdate") || (ip && strstr(ip, "datePublished")))) f->time_pub = dt;
    if (!f->time_article && (f->up & ANC_ARTICLE)) f->time_article = dt;
    break;
  }
  case T_META: {
    const char *name = xml_attr(x, "name"), *prop = xml_attr(x, "property"), *content = xml_attr(x, "content");
    if (!content || !*content) break;
    int matched = prop ? meta_property(f, prop, content) : 0;
    if (!matched && name) meta_name(f, name, content);
    const char *he = xml_attr(x, "http-equiv");
    if (he && !strcasecmp(he, "content-language") && !f->lang) f->lang = content;
    break;
  }
  case T_LINK: {
    const char *rel = xml_attr(x, "rel"), *href = xml_attr(x, "href");
    if (rel && href && !strcasecmp(rel, "canonical") && !f->canonical) f->canonical = href;
    break;
  }
  case T_SCRIPT: {
    const char *type = xml_attr(x, "type");
    if (type && !strcasecmp(type, "application/ld+json") && push_node(&f->ld, &f->nld, &f->capld, x)) return -1;
    break;
  }
  case T_H1: case T_H2:
    if (tag == T_H1 && !f->nh1++) f->first_h1 = x;
    if (push_node(&f->heads, &f->nheads, &f->capheads, x)) return -1;
    break;
  default: break;
  }
  return 0;
}

/* every element of doc, in document order, to meta_facts_visit */
static int collect_facts(xmlDocPtr doc, facts *f) {
  xmlNodePtr root = (xmlNodePtr)doc;
  for (xmlNodePtr x = doc->children; x; x = sapo_next_node(x, root, 0))
    if (x->type == XML_ELEMENT_NODE) {
      dom_attrs a;
      dom_read_attrs(x, &a);
      if (meta_facts_visit(f, x, sapo_node_tag(x), &a)) return -1;
    }
  return 0;
}

static void facts_free(facts *f) {
  free(f->anc);
  for (int k = 0; k < f->nvals; k++) free(f->vals[k].val);
  free(f->heads);
  free(f->ld);
  free(f->author_link);
  free(f->fact_author);
  free(f->fact_date);
}

void node_text_max(xmlNodePtr top, sapo_buf *b, size_t max) {
  for (xmlNodePtr n = top->children; n && b->len <= max; n = sapo_next_node(n, top, 0))
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
      sapo_buf_adds(b, (const char *)n->content);
}

void node_text(xmlNodePtr top, sapo_buf *b) { node_text_max(top, b, SIZE_MAX); }

char *node_text_clean(xmlNodePtr x) {
  sapo_buf b = SAPO_BUF_INIT;
  node_text(x, &b);
  char *r = b.failed ? NULL : dup_clean(sapo_buf_cstr(&b), b.len);
  sapo_buf_free(&b);
  return r;
}

/* trim (JS white space) into a new string */
/* ===== ENTRY ===== */

static char *first_of(facts *f, const char *const *keys) {
  for (; *keys; keys++) {
    const char *v = get_val(f, *keys);
    if (v && *v) return unescape_dup(v);
  }
  return NULL;
}

meta_facts *meta_facts_new(void) { return calloc(1, sizeof(meta_facts)); }

void meta_facts_free(meta_facts *f) {
  if (!f) return;
  facts_free(f);
  free(f);
}

int meta_read_facts(meta_facts *fp, sapo_meta *m) {
  memset(m, 0, sizeof *m);
  facts f = *fp;   /* the facts are taken over (and freed below) */
  free(fp);
  int rc = 0;
  ldmeta ld;
  memset(&ld, 0, sizeof ld);
  if (rc == 0) ld_read(&f, &ld);

  m->doc_title = doc_title(&f);
  m->title = ld.title ? unescape_dup(ld.title) : first_of(&f, W_META_TITLE);
  m->title_src = ld.title ? "json-ld" : m->title ? "meta" : NULL;
  if (!m->title && m->doc_title) {
    char *t = title_from(&f, m->doc_title);
    m->title = t ? unescape_dup(t) : NULL;
    free(t);
    if (m->title) m->title_src = "title-element";
  }
  m->byline = ld.byline ? unescape_dup(ld.byline) : first_of(&f, W_META_BYLINE);
  m->byline_src = ld.byline ? "json-ld" : m->byline ? "meta" : NULL;
  /* an author given as a URL (article:author) is not a name */
  if (m->byline && (!strncmp(m->byline, "http://", 7) || !strncmp(m->byline, "https://", 8))) {
    free(m->byline);
    m->byline = NULL;
  }
  m->excerpt = ld.excerpt ? unescape_dup(ld.excerpt) : first_of(&f, W_META_EXCERPT);
  /* the site's name: JSON-LD's publisher, og:site_name, the web app's name */
  m->site_name = ld.site ? unescape_dup(ld.site)
               : get_val(&f, "og:site_name") ? unescape_dup(get_val(&f, "og:site_name"))
                                             : unescape_dup(get_val(&f, "application-name"));
  m->published = ld.published ? unescape_dup(ld.published) : first_of(&f, W_META_PUBLISHED);
  m->date_src = ld.published ? "json-ld" : m->published ? "meta" : NULL;
  if (!m->published) {
    const char *v = f.item_pub ? f.item_pub : f.time_pub ? f.time_pub : f.time_article;
    m->published = v ? dup_str(v) : first_of(&f, W_META_PUBLISHED_LATE);
    if (m->published) m->date_src = f.item_pub ? "itemprop" : v ? "time-element" : "meta";
  }
  m->modified = ld.modified ? unescape_dup(ld.modified) : first_of(&f, W_META_MODIFIED);
  if (!m->modified && f.item_mod) m->modified = dup_str(f.item_mod);
  if (!m->byline && f.rel_author_el) {
    char *t = node_text_clean(f.rel_author_el);
    if (t && strlen(t) < 100) m->rel_author = t; else free(t);
  }
  if (f.first_h1) m->h1 = node_text_clean(f.first_h1);
  m->h1_el = f.first_h1;
  m->author_link = f.author_link;
  f.author_link = NULL;
  m->fact_author = f.fact_author;
  m->fact_date = f.fact_date;
  f.fact_author = f.fact_date = NULL;
  m->authors = ld.authors;
  m->n_authors = ld.n_authors;
  ld.authors = NULL;
  ld.n_authors = 0;
  m->image = ld.image ? dup_str(ld.image) : unescape_dup(get_val(&f, "og:image"));
  m->keywords = ld.keywords ? dup_str(ld.keywords) : first_of(&f, W_META_KEYWORDS);
  m->ld_body = ld.body;
  ld.body = NULL;
  m->lang = dup_str(f.lang);
  m->canonical = dup_str(f.canonical ? f.canonical : get_val(&f, "og:url"));
  ld_free(&ld);
  facts_free(&f);
  return rc;
}

void meta_free(sapo_meta *m) {
  free(m->title); free(m->byline); free(m->excerpt); free(m->site_name); free(m->published);
  free(m->modified); free(m->lang); free(m->canonical); free(m->image); free(m->keywords); free(m->doc_title);
  free(m->rel_author);
  free(m->author_link);
  free(m->fact_author);
  free(m->fact_date);
  free(m->h1);
  free(m->ld_body);
  for (int k = 0; k < m->n_authors; k++) free(m->authors[k]);
  free(m->authors);
  memset(m, 0, sizeof *m);
}

char *meta_article_title(xmlDocPtr doc) {
  facts f;
  memset(&f, 0, sizeof f);
  char *r = NULL;
  if (collect_facts(doc, &f) == 0) {
    char *orig = doc_title(&f);
    if (orig) r = title_from(&f, orig);
    free(orig);
  }
  facts_free(&f);
  return r;
}
