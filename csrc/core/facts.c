/* facts.c: what a page prints as labelled facts ("<li><strong>Autorin/Autor</strong>
 * Jane Doe</li>", "<dt>Published</dt><dd>...</dd>") and the "By ..." line under the
 * headline that no class names: read by the metadata stage's walk (meta.c). */
#include "meta.h"
#include "meta_facts.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "authors.h"
#include "date.h"
#include "dom.h"
#include "phrases.h"
#include "tags.h"
#include "utext.h"
#include "words.h"
#include <utf8proc.h>

/* inside the site's navigation, footer or a side column */
int in_page_chrome(xmlNodePtr x) {
  for (xmlNodePtr p = x->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
    int t = p->name ? sapo_node_tag(p) : -1;
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
int fact_label_tag(int tag) {
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
    if (n) node_text_max(n, &b, FACT_VALUE_MAX);
  } else {
    for (xmlNodePtr n = label->next; n && b.len < FACT_VALUE_MAX; n = n->next) {
      if (n->type == XML_TEXT_NODE && n->content) { sapo_buf_adds(&b, (const char *)n->content); continue; }
      if (n->type != XML_ELEMENT_NODE) continue;
      int t = n->name ? sapo_node_tag(n) : T_UNKNOWN;
      if ((sapo_tag_flags[t] & TF_BLOCK) || t == T_BR) break;
      node_text_max(n, &b, FACT_VALUE_MAX);
    }
  }
  char *r = b.failed || b.len > FACT_VALUE_MAX ? NULL : dup_clean(sapo_buf_cstr(&b), b.len);
  sapo_buf_free(&b);
  return r;
}

/* the table's own rows (table > tr, table > thead|tbody|tfoot > tr; not
 * those of tables inside it), counted up to just past FACT_TABLE_ROWS */
static int table_rows(xmlNodePtr table) {
  int n = 0;
  for (xmlNodePtr x = table->children; x && n <= FACT_TABLE_ROWS; x = x->next) {
    if (x->type != XML_ELEMENT_NODE) continue;
    int t = sapo_node_tag(x);
    if (t == T_TR) n++;
    else if (t == T_THEAD || t == T_TBODY || t == T_TFOOT)
      for (xmlNodePtr r = x->children; r && n <= FACT_TABLE_ROWS; r = r->next)
        n += r->type == XML_ELEMENT_NODE && sapo_node_tag(r) == T_TR;
  }
  return n;
}

int fact_table_of_data(xmlNodePtr table) { return table_rows(table) > FACT_TABLE_ROWS; }

/* A labelled author (names, no digits) or date (one sapo_date_iso reads)
 * outside the page's chrome; the first of each is kept. */
void labelled_fact(facts *f, xmlNodePtr x, int tag) {
  char key[FACT_LABEL_MAX * 2 + 4];
  if (!fact_key(x, key, sizeof key)) return;
  int kind = sapo_fact_label(key);
  if (!kind || (kind == FACT_AUTHOR && f->fact_author) || (kind == FACT_DATE && f->fact_date)) return;
  /* not in the page's chrome, not in code ("GROUP BY a, b"), not in a
   * table of data (fixtures, events): the page's fact box */
  if (f->up & (ANC_CHROME | ANC_CODE | ANC_DATA_TABLE)) return;
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
               (sapo_tag_flags[sapo_node_tag(c)] & TF_SKIP);
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
    int tag = sapo_node_tag(x);
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
