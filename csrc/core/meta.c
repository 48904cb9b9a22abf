/* meta.c: the metadata stage (see meta.h).  Walks the libxml2 document
 * once to collect <meta>, JSON-LD scripts, <title>, headings and links;
 * then chooses each field. */
#include "meta.h"
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

static char *dup_clean(const char *s, size_t n) {
  sapo_buf b = SAPO_BUF_INIT;
  if (sapo_clean(s, n, &b, 0)) { sapo_buf_free(&b); return NULL; }
  if (!b.len) { sapo_buf_free(&b); return NULL; }
  return sapo_buf_detach(&b, NULL);
}

static char *dup_str(const char *s) { return s ? dup_clean(s, strlen(s)) : NULL; }

/* Readability's _unescapeHtmlEntities: values are often escaped twice. */
static char *unescape_dup(const char *s) {
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

static int js_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* str.split(/\s+/).length */
static int word_count(const char *s) {
  int n = 1, in = 0;
  for (; *s; s++) {
    if (js_ws((unsigned char)*s)) { if (!in) n++; in = 1; }
    else in = 0;
  }
  return n;
}

/* ===== COLLECTED DOCUMENT FACTS ===== */

#define NVALS 48
typedef struct { const char *key; char *val; } kv;

typedef struct {
  kv vals[NVALS]; int nvals;
  xmlNodePtr title_el, html_el;
  xmlNodePtr *heads; int nheads, capheads;   /* h1 and h2 in order */
  int nh1; xmlNodePtr first_h1;
  xmlNodePtr *ld; int nld, capld;
  const char *canonical, *lang;
  const char *item_pub, *item_mod, *time_pub, *time_article;   /* microdata and <time> dates */
  const char *rel_author;                                       /* <a rel=author> text owner */
  xmlNodePtr rel_author_el;
  char *author_link;                                            /* first name-shaped link to an author page */
  char *fact_author, *fact_date;                                /* values of labelled facts ("Autor", "Datum") */
} facts;

static void set_val(facts *f, const char *key, const char *content) {
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

static const char *get_val(const facts *f, const char *key) {
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
    if (!js_ws((unsigned char)*p)) buf[o++] = (char)tolower((unsigned char)*p);
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

static char *node_text_clean(xmlNodePtr x);
static void node_text(xmlNodePtr top, sapo_buf *b);

/* inside the site's navigation, footer or a side column */
static int in_page_chrome(xmlNodePtr x) {
  for (xmlNodePtr p = x->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
    int t = p->name ? sapo_tag_id((const char *)p->name) : -1;
    if (t == T_NAV || t == T_FOOTER || t == T_ASIDE) return 1;
    const char *role = xml_attr(p, "role");
    if (role && (!strcmp(role, "navigation") || !strcmp(role, "contentinfo") || !strcmp(role, "complementary")))
      return 1;
  }
  return 0;
}

/* ===== LABELLED FACTS ===== */

#define FACT_LABEL_MAX 40    /* bytes of a label's text               */
#define FACT_VALUE_MAX 160   /* bytes of the value read after it      */
#define FACT_TABLE_ROWS 8    /* rows of a fact box drawn as a table   */

/* elements that hold a fact's label: inline emphasis, a definition term,
 * a header cell, or a lone span/div/label */
static int fact_label_tag(int tag) {
  return tag == T_STRONG || tag == T_B || tag == T_EM || tag == T_SPAN || tag == T_LABEL || tag == T_DT ||
         tag == T_TH || tag == T_DIV;
}

/* the label's text lower-cased, without white space at the ends or a colon
 * after it; 0 when x holds anything but one short text */
static int fact_key(xmlNodePtr x, char *key, size_t cap) {
  xmlNodePtr c = x->children;
  if (!c || c->next || c->type != XML_TEXT_NODE || !c->content) return 0;
  const unsigned char *s = c->content;
  size_t n = strlen((const char *)s);
  if (n == 0 || n > FACT_LABEL_MAX) return 0;
  size_t i = 0, o = 0;
  while (i < n) {
    int32_t cp = sapo_u8_next(s, n, &i);
    if (sapo_is_space(cp)) cp = ' ';
    else cp = utf8proc_tolower(cp);
    if (cp == ' ' && (o == 0 || key[o - 1] == ' ')) continue;
    unsigned char tmp[4];
    utf8proc_ssize_t k = utf8proc_encode_char(cp, tmp);
    if (k <= 0 || o + (size_t)k + 1 > cap) return 0;
    memcpy(key + o, tmp, (size_t)k);
    o += (size_t)k;
  }
  /* trailing spaces and colons (ASCII or fullwidth) */
  for (;;) {
    if (o && (key[o - 1] == ' ' || key[o - 1] == ':')) { o--; continue; }
    if (o >= 3 && !memcmp(key + o - 3, "\xEF\xBC\x9A", 3)) { o -= 3; continue; }
    break;
  }
  key[o] = '\0';
  return o > 0;
}

/* The value a label names: a term's dd, a header cell's td, a block's next
 * block; an inline label's following text up to a line break or block. */
static char *fact_value(xmlNodePtr label, int tag) {
  sapo_buf b = SAPO_BUF_INIT;
  if (tag == T_DT || tag == T_TH || tag == T_DIV) {
    xmlNodePtr n = label->next;
    while (n && n->type != XML_ELEMENT_NODE) n = n->next;
    if (n) node_text(n, &b);
  } else {
    for (xmlNodePtr n = label->next; n && b.len < FACT_VALUE_MAX; n = n->next) {
      if (n->type == XML_TEXT_NODE && n->content) { sapo_buf_adds(&b, (const char *)n->content); continue; }
      if (n->type != XML_ELEMENT_NODE) continue;
      int t = n->name ? sapo_tag_id((const char *)n->name) : T_UNKNOWN;
      if ((sapo_tag_flags[t] & TF_BLOCK) || t == T_BR) break;
      node_text(n, &b);
    }
  }
  char *r = b.failed || b.len > FACT_VALUE_MAX ? NULL : dup_clean(sapo_buf_cstr(&b), b.len);
  sapo_buf_free(&b);
  return r;
}

/* rows under a table, counted up to just past FACT_TABLE_ROWS */
static int table_rows(xmlNodePtr table) {
  int n = 0;
  for (xmlNodePtr x = table->children; x && n <= FACT_TABLE_ROWS; x = sapo_next_node(x, table, 0))
    n += x->type == XML_ELEMENT_NODE && x->name && sapo_tag_id((const char *)x->name) == T_TR;
  return n;
}

/* A labelled author (names, no digits) or date (one sapo_date_iso reads)
 * outside the page's chrome; the first of each is kept. */
static void labelled_fact(facts *f, xmlNodePtr x, int tag) {
  char key[FACT_LABEL_MAX * 2 + 4];
  if (!fact_key(x, key, sizeof key)) return;
  int kind = sapo_fact_label(key);
  if (!kind || (kind == FACT_AUTHOR && f->fact_author) || (kind == FACT_DATE && f->fact_date)) return;
  if (in_page_chrome(x)) return;
  for (xmlNodePtr p = x->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
    int t = p->name ? sapo_tag_id((const char *)p->name) : -1;
    if (t == T_PRE || t == T_CODE) return;   /* "GROUP BY a, b" */
    /* a table of data (fixtures, events) is not the page's fact box */
    if (t == T_TABLE && table_rows(p) > FACT_TABLE_ROWS) return;
  }
  char *v = fact_value(x, tag);
  if (!v) return;
  int ok = 0;
  if (kind == FACT_AUTHOR) {
    /* names: a capital or a letter of a script without case first; no
     * digits, no code or sentence punctuation */
    size_t i = 0, n0 = strlen(v);
    utf8proc_category_t cat = utf8proc_category(sapo_u8_next((const unsigned char *)v, n0, &i));
    ok = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LO;
    for (const char *p = v; *p; p++) ok &= !strchr("0123456789;_(){}[]=<>!?", *p);
    char **names = NULL;
    int n = 0;
    if (ok && !sapo_authors(v, &names, &n)) ok = n > 0;
    sapo_authors_free(names, n);
    if (ok) { f->fact_author = v; return; }
  } else {
    char iso[48];
    if (sapo_date_iso(v, iso, sizeof iso)) { f->fact_date = v; return; }
  }
  free(v);
}

static int collect_facts(xmlDocPtr doc, facts *f) {
  xmlNodePtr root = (xmlNodePtr)doc;
  for (xmlNodePtr x = doc->children; x; x = sapo_next_node(x, root, 0)) {
    if (x->type != XML_ELEMENT_NODE || !x->name) continue;
    int tag = sapo_tag_id((const char *)x->name);
    {
      const char *ip = xml_attr(x, "itemprop");
      if (ip && tag != T_TIME) {
        const char *v = xml_attr(x, "content");
        if (!v) v = xml_attr(x, "datetime");
        if (v && *v && strstr(ip, "datePublished") && !f->item_pub) f->item_pub = v;
        if (v && *v && strstr(ip, "dateModified") && !f->item_mod) f->item_mod = v;
      }
      if (!f->rel_author_el && tag == T_A) {
        const char *rel = xml_attr(x, "rel");
        if (rel && !strcmp(rel, "author")) f->rel_author_el = x;
      }
      if (!f->author_link && tag == T_A && sapo_author_href(xml_attr(x, "href")) && !in_page_chrome(x)) {
        char *t = node_text_clean(x);
        if (t && sapo_name_shaped(t)) f->author_link = t; else free(t);
      }
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
      const char *ip = xml_attr(x, "itemprop");
      if (!f->time_pub && (xml_attr(x, "pubdate") || (ip && strstr(ip, "datePublished")))) f->time_pub = dt;
      if (!f->time_article)
        for (xmlNodePtr p = x->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
          if (p->name && !strcmp((const char *)p->name, "article")) { f->time_article = dt; break; }
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
  }
  return 0;
}

static void facts_free(facts *f) {
  for (int k = 0; k < f->nvals; k++) free(f->vals[k].val);
  free(f->heads);
  free(f->ld);
  free(f->author_link);
  free(f->fact_author);
  free(f->fact_date);
}

/* ===== A "BY ..." LINE UNDER THE HEADLINE ===== */

#define BYLINE_NEAR_ELEMENTS 40    /* elements after the h1 searched          */
#define BYLINE_NEAR_MAX      160   /* bytes of the line                       */
#define BYLINE_TEXT_BEGUN    200   /* bytes of a paragraph that starts the text */
#define BYLINE_READ          2000  /* raw bytes read of an element (indented markup) */

/* The first words of x's text (white space folded) open with a byline's
 * lead-in ("By", "Von", "Text:", ...). */
static int opens_with_lead_in(xmlNodePtr x) {
  char head[48];
  size_t k = 0;
  for (xmlNodePtr c = x->children; c && k + 1 < sizeof head;) {
    int skip = c->type == XML_ELEMENT_NODE && c->name &&
               (sapo_tag_flags[sapo_tag_id((const char *)c->name)] & TF_SKIP);
    if (!skip && c->type == XML_TEXT_NODE && c->content)
      for (const xmlChar *p = c->content; *p && k + 1 < sizeof head; p++) {
        int ws = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
        if (ws && (k == 0 || head[k - 1] == ' ')) continue;
        head[k++] = ws ? ' ' : (char)*p;
      }
    c = sapo_next_node(c, x, skip);
  }
  head[k] = '\0';
  return k && sapo_byline_lead_in(head) != head;
}

/* The first short element after the h1 whose text opens with a byline's
 * lead-in and names in capitals ("By TPN, in News · 31 Jan 2025"), before
 * the text begins: sites that print "By …" with no class say who wrote it
 * this way.  The line up to its section list (", in News, …"), or NULL. */
char *meta_byline_near(const sapo_meta *m) {
  xmlNodePtr h1 = m->h1_el;
  if (!h1) return NULL;
  xmlNodePtr root = h1->doc ? (xmlNodePtr)h1->doc : NULL;
  int seen = 0;
  for (xmlNodePtr x = sapo_next_node(h1, root, 1); x && seen < BYLINE_NEAR_ELEMENTS; x = sapo_next_node(x, root, 0)) {
    if (x->type != XML_ELEMENT_NODE || !x->name) continue;
    seen++;
    int tag = sapo_tag_id((const char *)x->name);
    if (tag == T_SCRIPT || tag == T_STYLE || tag == T_H1 || tag == T_H2) break;
    if (tag != T_P && !opens_with_lead_in(x)) continue;   /* (a cheap look before reading it) */
    sapo_buf b = SAPO_BUF_INIT;
    dom_xml_text(x, &b, BYLINE_READ);
    char *t = b.failed ? NULL : dup_clean(sapo_buf_cstr(&b), b.len);
    sapo_buf_free(&b);
    if (!t) continue;
    if (tag == T_P && strlen(t) > BYLINE_TEXT_BEGUN) { free(t); break; }   /* the text has begun */
    const char *rest = sapo_byline_lead_in(t);
    if (rest == t || strlen(t) > BYLINE_NEAR_MAX) { free(t); continue; }
    /* "By TPN, in News, Portugal": the sections it was filed in go */
    char *in = strstr(t, ", in ");
    if (in) *in = '\0';
    /* the rest is names in capitals, a date or stamp after them at most */
    char *names = strdup(rest);
    if (!names) { free(t); return NULL; }
    sapo_byline_tidy(names);
    int ok2 = *names && sapo_names_line(names, strlen(names), 1);
    free(names);
    if (ok2 && !in_page_chrome(x)) return t;
    free(t);
  }
  return NULL;
}

/* ===== TITLE (Readability _getArticleTitle) ===== */

static void node_text(xmlNodePtr top, sapo_buf *b) {
  for (xmlNodePtr n = top->children; n; n = sapo_next_node(n, top, 0))
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
      sapo_buf_adds(b, (const char *)n->content);
}

static char *node_text_clean(xmlNodePtr x) {
  sapo_buf b = SAPO_BUF_INIT;
  node_text(x, &b);
  char *r = b.failed ? NULL : dup_clean(sapo_buf_cstr(&b), b.len);
  sapo_buf_free(&b);
  return r;
}

/* trim (JS white space) into a new string */
static char *trim_dup(const char *s, size_t n) {
  while (n && js_ws((unsigned char)*s)) { s++; n--; }
  while (n && js_ws((unsigned char)s[n - 1])) n--;
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

static char *title_from(facts *f, const char *orig) {
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

static char *doc_title(facts *f) {
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

/* ===== JSON-LD ===== */

static int is_article_type(const char *t) {

  if (!t) return 0;
  if (!strncmp(t, "Article", 7)) return 1;
  size_t n = strlen(t);
  if (n >= 12 && !strcmp(t + n - 12, "APIReference")) return 1;
  for (const char *const *p = W_LD_ARTICLE_TYPES; *p; p++)
    if (strstr(t, *p)) return 1;
  return 0;
}

/* a JSON-LD Person or Organization's name: "name", else "givenName
 * familyName" (malloc'ed, entities decoded by the caller), or NULL */
static char *ld_person(const jdoc *d, int v) {
  if (v < 0) return NULL;
  if (d->v[v].type == J_STR) return d->v[v].s && *d->v[v].s ? dup_str(d->v[v].s) : NULL;
  if (d->v[v].type != J_OBJ) return NULL;
  const char *name = json_str(d, v, "name");
  if (name && *name) return dup_str(name);
  const char *given = json_str(d, v, "givenName"), *family = json_str(d, v, "familyName");
  if (!given && !family) return NULL;
  sapo_buf b = SAPO_BUF_INIT;
  if (given) sapo_buf_adds(&b, given);
  if (given && family) sapo_buf_adds(&b, " ");
  if (family) sapo_buf_adds(&b, family);
  char *r = b.failed || !b.len ? NULL : dup_str(sapo_buf_cstr(&b));
  sapo_buf_free(&b);
  return r;
}

typedef struct { char *title, *byline, *excerpt, *site, *published, *modified, *image, *keywords, *body; char **authors; int n_authors; } ldmeta;

static void ld_free(ldmeta *l) {
  free(l->title); free(l->byline); free(l->excerpt); free(l->site); free(l->published);
  free(l->modified); free(l->image); free(l->keywords); free(l->body);
  for (int k = 0; k < l->n_authors; k++) free(l->authors[k]);
  free(l->authors);
}

#define LD_MAX_TOPS 32   /* objects of a root array looked at */

static void ld_read(facts *f, ldmeta *out) {
  for (int s = 0; s < f->nld; s++) {
    sapo_buf b = SAPO_BUF_INIT;
    node_text(f->ld[s], &b);
    const char *txt = sapo_buf_cstr(&b);
    size_t n = b.len;
    while (n && js_ws((unsigned char)*txt)) { txt++; n--; }
    if (n >= 9 && !strncmp(txt, "<![CDATA[", 9)) { txt += 9; n -= 9; }
    while (n && js_ws((unsigned char)txt[n - 1])) n--;
    if (n >= 3 && !strncmp(txt + n - 3, "]]>", 3)) n -= 3;
    jdoc d;
    int root = json_parse(&d, txt, n);
    sapo_buf_free(&b);
    int found = 0;
    /* the top objects: the root, or each object of a root array */
    int tops[LD_MAX_TOPS], nt = 0;
    if (root >= 0 && d.v[root].type == J_OBJ) tops[nt++] = root;
    else if (root >= 0 && d.v[root].type == J_ARR)
      for (int it = d.v[root].first; it >= 0 && nt < LD_MAX_TOPS; it = d.v[it].next)
        if (d.v[it].type == J_OBJ) tops[nt++] = it;
    for (int ti = 0; ti < nt && !found; ti++) {
      int rt = tops[ti];
      const char *ctx = json_str(&d, rt, "@context");
      int ok = ctx && (!strncmp(ctx, "http://schema.org", 17) || !strncmp(ctx, "https://schema.org", 18));
      if (ok) {
        const char *rest = ctx + (ctx[4] == 's' ? 18 : 17);
        ok = !*rest || !strcmp(rest, "/");
      }
      int obj = rt;
      if (ok && json_get(&d, rt, "@type") < 0) {
        int g = json_get(&d, rt, "@graph");
        obj = -1;
        if (g >= 0 && d.v[g].type == J_ARR)
          for (int it = d.v[g].first; it >= 0; it = d.v[it].next)
            if (is_article_type(json_str(&d, it, "@type"))) { obj = it; break; }
      }
      if (ok && obj >= 0 && is_article_type(json_str(&d, obj, "@type"))) {
        found = 1;
        const char *name = json_str(&d, obj, "name"), *head = json_str(&d, obj, "headline");
        if (name && head && strcmp(name, head)) {
          char *title = f->title_el ? doc_title(f) : strdup("");
          char *at = title ? title_from(f, title) : NULL;
          free(title);
          int nm = at && sapo_text_similarity(name, at) > 0.75, hm = at && sapo_text_similarity(head, at) > 0.75;
          free(at);
          out->title = dup_str(hm && !nm ? head : name);
        } else if (name) out->title = dup_str(name);
        else if (head) out->title = dup_str(head);
        int au = json_get(&d, obj, "author");
        if (au >= 0) {
          if (d.v[au].type == J_STR && d.v[au].s && *d.v[au].s) {
            out->byline = dup_str(d.v[au].s);
          } else if (d.v[au].type == J_OBJ) {
            out->byline = ld_person(&d, au);
          } else if (d.v[au].type == J_ARR) {
            sapo_buf j = SAPO_BUF_INIT;
            for (int a = d.v[au].first; a >= 0; a = d.v[a].next) {
              char *nm2 = ld_person(&d, a);
              if (!nm2) continue;
              char **grown = realloc(out->authors, (size_t)(out->n_authors + 1) * sizeof *grown);
              if (grown) {
                out->authors = grown;
                out->authors[out->n_authors] = strdup(nm2);
                if (out->authors[out->n_authors]) out->n_authors++;
              }
              if (j.len) sapo_buf_adds(&j, ", ");
              sapo_buf_adds(&j, nm2);
              free(nm2);
            }
            out->byline = j.failed || !j.len ? NULL : strdup(sapo_buf_cstr(&j));
            sapo_buf_free(&j);
          }
        }
        out->excerpt = dup_str(json_str(&d, obj, "description"));
        int pub = json_get(&d, obj, "publisher");
        if (pub >= 0) out->site = dup_str(json_str(&d, pub, "name"));
        out->published = dup_str(json_str(&d, obj, "datePublished"));
        out->modified = dup_str(json_str(&d, obj, "dateModified"));
        int img = json_get(&d, obj, "image");
        if (img >= 0) {
          if (d.v[img].type == J_STR) out->image = dup_str(d.v[img].s);
          else if (d.v[img].type == J_OBJ) out->image = dup_str(json_str(&d, img, "url"));
          else if (d.v[img].type == J_ARR && d.v[img].first >= 0) {
            int f0 = d.v[img].first;
            out->image = dup_str(d.v[f0].type == J_STR ? d.v[f0].s : json_str(&d, f0, "url"));
          }
        }
        out->keywords = dup_str(json_str(&d, obj, "keywords"));
        const char *ab = json_str(&d, obj, "articleBody");
        if (ab) {
          sapo_buf bb = SAPO_BUF_INIT;
          if (!sapo_clean(ab, strlen(ab), &bb, 1) && bb.len) out->body = sapo_buf_detach(&bb, NULL);
          sapo_buf_free(&bb);
        }
      }
        }
    json_free(&d);
    if (found) return;
  }
}

/* ===== ENTRY ===== */

static char *first_of(facts *f, const char *const *keys) {
  for (; *keys; keys++) {
    const char *v = get_val(f, *keys);
    if (v && *v) return unescape_dup(v);
  }
  return NULL;
}

int meta_read(xmlDocPtr doc, sapo_meta *m) {
  memset(m, 0, sizeof *m);
  facts f;
  memset(&f, 0, sizeof f);
  int rc = collect_facts(doc, &f);
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
