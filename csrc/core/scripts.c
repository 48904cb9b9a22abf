/* scripts.c: an article body printed into the page's scripts.
 *
 * Some pages send the body only as data for their JavaScript: Next.js
 * streams it in self.__next_f.push([1,"<div>...</div>"]) chunks or a
 * __NEXT_DATA__ object, other frameworks in window.__STATE__ = {...}.  The
 * visible page is then a stub.  When the finder finds nothing in the page,
 * the JSON string literals of its scripts that hold HTML paragraphs are
 * decoded and parsed as one more document, in which the finder looks again.
 *
 * A JSON string is read the JSON way (RFC 8259 escapes, \uXXXX with
 * surrogate pairs); JSON-LD blocks are left to meta.c.  Cost: one scan of
 * each script's text, only on pages where nothing else was found. */
#include <stdint.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "buf.h"
#include "dom.h"
#include "html.h"
#include "scripts.h"

#define SCRIPT_HTML_MIN   200     /* characters of a string worth reading as HTML */
#define SCRIPT_TOTAL_MIN  400     /* characters of HTML worth parsing             */
#define SCRIPT_MAX_BYTES  (32u << 20)   /* HTML gathered at most                  */

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static int hex4(const char *p, const char *end, unsigned *out) {
  if (end - p < 4) return 0;
  unsigned v = 0;
  for (int k = 0; k < 4; k++) {
    int h = hexval((unsigned char)p[k]);
    if (h < 0) return 0;
    v = v * 16 + (unsigned)h;
  }
  *out = v;
  return 1;
}

static void put_utf8(sapo_buf *b, unsigned cp) {
  char u[4];
  int n;
  if (cp < 0x80) { u[0] = (char)cp; n = 1; }
  else if (cp < 0x800) { u[0] = (char)(0xC0 | cp >> 6); u[1] = (char)(0x80 | (cp & 63)); n = 2; }
  else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | cp >> 12); u[1] = (char)(0x80 | ((cp >> 6) & 63)); u[2] = (char)(0x80 | (cp & 63)); n = 3;
  } else {
    u[0] = (char)(0xF0 | cp >> 18); u[1] = (char)(0x80 | ((cp >> 12) & 63));
    u[2] = (char)(0x80 | ((cp >> 6) & 63)); u[3] = (char)(0x80 | (cp & 63)); n = 4;
  }
  sapo_buf_add(b, u, (size_t)n);
}

/* Decodes the string literal whose opening quote is at p into b; returns
 * the position after the closing quote, or NULL when it is not closed. */
static const char *json_string(const char *p, const char *end, sapo_buf *b) {
  b->len = 0;
  for (p++; p < end; p++) {
    char c = *p;
    if (c == '"') return p + 1;
    if (c == '\n') return NULL;                  /* not a JSON string */
    if (c != '\\') { sapo_buf_addc(b, c); continue; }
    if (++p >= end) return NULL;
    switch (*p) {
    case 'n': sapo_buf_addc(b, '\n'); break;
    case 't': sapo_buf_addc(b, '\t'); break;
    case 'r': sapo_buf_addc(b, '\r'); break;
    case 'b': case 'f': sapo_buf_addc(b, ' '); break;
    case 'u': {
      unsigned cp, lo;
      if (!hex4(p + 1, end, &cp)) return NULL;
      p += 4;
      if (cp >= 0xD800 && cp < 0xDC00 && end - p > 6 && p[1] == '\\' && p[2] == 'u' && hex4(p + 3, end, &lo) &&
          lo >= 0xDC00 && lo < 0xE000) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        p += 6;
      } else if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;
      if (cp == 0) cp = 0xFFFD;
      put_utf8(b, cp);
      break;
    }
    default: sapo_buf_addc(b, *p); break;      /* \" \\ \/ and the lenient rest */
    }
  }
  return NULL;
}

/* a decoded string that carries paragraphs of markup */
static int html_with_paragraphs(sapo_buf *s) {
  if (s->len < SCRIPT_HTML_MIN) return 0;
  const char *d = sapo_buf_cstr(s);
  return strstr(d, "<p>") || strstr(d, "<p ") || strstr(d, "<P>") || strstr(d, "</p>");
}

static void scan_script(const char *text, sapo_buf *out, sapo_buf *tmp) {
  const char *end = text + strlen(text);
  for (const char *p = text; p < end && out->len < SCRIPT_MAX_BYTES;) {
    p = memchr(p, '"', (size_t)(end - p));
    if (!p) break;
    const char *next = json_string(p, end, tmp);
    if (!next) { p++; continue; }
    if (html_with_paragraphs(tmp)) {
      sapo_buf_add(out, tmp->data, tmp->len);
      sapo_buf_addc(out, '\n');
    }
    p = next;
  }
}

int sapo_script_html(xmlDocPtr doc, const sapo_options *opt, xmlDocPtr *out) {
  *out = NULL;
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (!root) return 0;
  sapo_buf html = SAPO_BUF_INIT, tmp = SAPO_BUF_INIT, code = SAPO_BUF_INIT;
  sapo_buf_adds(&html, "<html><body>");
  size_t start = html.len;
  for (xmlNodePtr x = root; x; x = sapo_next_node(x, root, 0)) {
    if (x->type != XML_ELEMENT_NODE || !x->name || strcmp((const char *)x->name, "script")) continue;
    const char *type = xml_attr(x, "type");
    if (type && strstr(type, "ld+json")) continue;
    code.len = 0;
    for (xmlNodePtr c = x->children; c; c = c->next)
      if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
        sapo_buf_adds(&code, (const char *)c->content);
    if (code.len) scan_script(sapo_buf_cstr(&code), &html, &tmp);
  }
  int rc = 0;
  if (html.failed || tmp.failed || code.failed) rc = -1;
  else if (html.len - start >= SCRIPT_TOTAL_MIN) {
    sapo_buf_adds(&html, "</body></html>");
    /* the one parse entry point, with the caller's limits: a page's
     * scripts are as hostile as the page (an element of 40,000
     * attributes costs libxml2 the same here); over a limit, or not
     * HTML, there is no fallback document */
    sapo_options o = *opt;
    o.charset = "utf-8";
    o.content_type = NULL;
    o.url = NULL;
    sapo_parsed p;
    sapo_error err;
    if (html.failed) rc = -1;
    else {
      int prc = sapo_html_parse(html.data, html.len, &o, &p, &err);
      if (prc == SAPO_ENOMEM) rc = -1;
      else if (prc == SAPO_OK) *out = p.doc;
    }
  }
  sapo_buf_free(&html);
  sapo_buf_free(&tmp);
  sapo_buf_free(&code);
  return rc;
}
