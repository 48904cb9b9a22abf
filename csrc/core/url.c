/* url.c: which URLs of a page may reach sapo's output, and in what form
 * (see url.h).  The order matters: the text is cleaned *before* the scheme
 * is read, so that no later cleaning (invisible characters dropped, NFC,
 * white space collapsed) can turn a URL the check let through into
 * "javascript:".  Resolution is libxml2's RFC 3986 xmlBuildURI. */
#include "url.h"
#include "words.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/uri.h>
#include "charset.h"
#include "utext.h"

/* Schemes each kind of URL may have (relative references always may,
 * except the page's own URL). */

#define URL_SCHEME_MAX 32   /* longer "schemes" are refused, not truncated */

static int scheme_char(unsigned char c, int first) {
  int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first) return alpha;
  return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

int sapo_url_scheme(const char *url, char *out, size_t cap) {
  size_t k = 0;
  for (const unsigned char *p = (const unsigned char *)url; *p; p++, k++) {
    if (*p == ':') {
      if (k == 0 || k >= cap) return 0;
      for (size_t i = 0; i < k; i++) out[i] = (char)(url[i] | (url[i] >= 'A' && url[i] <= 'Z' ? 32 : 0));
      out[k] = '\0';
      return 1;
    }
    if (!scheme_char(*p, k == 0)) return 0;
  }
  return 0;
}

static int on_list(const char *scheme, const char *const *list) {
  for (; *list; list++)
    if (!strcmp(scheme, *list)) return 1;
  return 0;
}

static const char *const *schemes_of(sapo_url_kind kind) {
  return kind == SAPO_URL_LINK ? W_LINK_SCHEMES : kind == SAPO_URL_IMAGE ? W_IMAGE_SCHEMES : W_PAGE_SCHEMES;
}

int sapo_url_is_http(const char *url) {
  if (!url) return 0;
  size_t n = strlen(url);
  if (!sapo_utf8_valid((const unsigned char *)url, n)) return 0;
  size_t i = 0;
  while (i < n) {
    int32_t c = sapo_u8_next((const unsigned char *)url, n, &i);
    if (c <= 0x20 || sapo_is_invisible(c) || sapo_is_space(c)) return 0;
  }
  const char *rest;
  if (!strncasecmp(url, "http://", 7)) rest = url + 7;
  else if (!strncasecmp(url, "https://", 8)) rest = url + 8;
  else return 0;
  size_t auth = strcspn(rest, "/?#\\");
  const char *at = NULL;
  for (size_t k = 0; k < auth; k++)
    if (rest[k] == '@') at = rest + k;
  const char *host = at ? at + 1 : rest;
  return host < rest + auth && *host != ':';
}

/* ===== ENCODING ===== */

static int hex(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The bytes no URL written by sapo holds raw: white space, controls,
 * non-ASCII, and what breaks out of an attribute or a destination. */
static int needs_pct(unsigned char c) {
  return c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
         c == '{' || c == '|' || c == '}';
}

static void add_pct(sapo_buf *b, unsigned char c) {
  static const char X[] = "0123456789ABCDEF";
  char e[3] = {'%', X[c >> 4], X[c & 15]};
  sapo_buf_add(b, e, 3);
}

/* s percent-encoded into b: the bytes above, a "%" that starts no escape,
 * and every "#" after the first (a fragment holds none). */
static void encode(sapo_buf *b, const char *s, size_t n) {
  int hash = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (needs_pct(c) || (c == '%' && !(i + 2 < n && hex((unsigned char)s[i + 1]) && hex((unsigned char)s[i + 2]))) ||
        (c == '#' && hash++))
      add_pct(b, c);
    else
      sapo_buf_addc(b, (char)c);
  }
}

/* ===== CHARACTER REFERENCES LIBXML2 LEAVES =====
 * libxml2 2.9 knows HTML 4's named references only: "javascript&colon;x"
 * reaches sapo as written, while a browser reads it as "javascript:x".
 * The HTML 5 names for ASCII punctuation and for the characters a URL
 * parser strips or sapo's cleanup removes are decoded here (with their
 * semicolon, as browsers decode them in attribute values), so the check
 * sees what a browser sees. */
static const struct { const char *name; int32_t cp; } HTML5_REFS[] = {
  {"Tab", 9}, {"NewLine", 10}, {"excl", '!'}, {"QUOT", '"'}, {"num", '#'}, {"dollar", '$'}, {"percnt", '%'},
  {"AMP", '&'}, {"apos", '\''}, {"lpar", '('}, {"rpar", ')'}, {"ast", '*'}, {"midast", '*'}, {"plus", '+'},
  {"comma", ','}, {"period", '.'}, {"sol", '/'}, {"colon", ':'}, {"semi", ';'}, {"LT", '<'}, {"equals", '='},
  {"GT", '>'}, {"quest", '?'}, {"commat", '@'}, {"lsqb", '['}, {"lbrack", '['}, {"bsol", '\\'}, {"rsqb", ']'},
  {"rbrack", ']'}, {"Hat", '^'}, {"lowbar", '_'}, {"UnderBar", '_'}, {"grave", '`'}, {"DiacriticalGrave", '`'},
  {"lcub", '{'}, {"lbrace", '{'}, {"verbar", '|'}, {"vert", '|'}, {"VerticalLine", '|'}, {"rcub", '}'},
  {"rbrace", '}'}, {"NoBreak", 0x2060}, {"ZeroWidthSpace", 0x200B}, {"NegativeVeryThinSpace", 0x200B},
  {"NegativeThinSpace", 0x200B}, {"NegativeMediumSpace", 0x200B}, {"NegativeThickSpace", 0x200B},
  {"NonBreakingSpace", 0xA0}};   /* (HTML 4's own names, nbsp and amp among them, libxml2 decoded) */

/* s with those references decoded, into out. */
static void decode_refs(const char *s, size_t n, sapo_buf *out) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '&') continue;
    size_t k = i + 1;
    while (k < n && k - i <= 24 && ((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z')) k++;
    if (k >= n || s[k] != ';' || k == i + 1) continue;
    for (size_t r = 0; r < sizeof HTML5_REFS / sizeof *HTML5_REFS; r++) {
      if (strlen(HTML5_REFS[r].name) == k - i - 1 && !memcmp(s + i + 1, HTML5_REFS[r].name, k - i - 1)) {
        sapo_buf_add(out, s + run, i - run);
        sapo_buf_add_cp(out, HTML5_REFS[r].cp);
        run = k + 1;
        i = k;
        break;
      }
    }
  }
  sapo_buf_add(out, s + run, n - run);
}

/* ===== THE CHECK ===== */

/* href as a browser's URL parser and sapo's text cleanup would both see
 * it, into out: the character references above decoded, C0 controls and
 * spaces trimmed from both ends and ASCII tab and newlines removed
 * (WHATWG), then invisible characters dropped and NFC (sapo_clean).
 * Invalid UTF-8 is left to the percent-encoding. */
static int normalise(const char *href_in, sapo_buf *out) {
  sapo_buf dec = SAPO_BUF_INIT;
  decode_refs(href_in, strlen(href_in), &dec);
  const char *href = sapo_buf_cstr(&dec);
  size_t n = dec.len;
  while (n && (unsigned char)href[n - 1] <= 0x20) n--;
  while (n && (unsigned char)*href <= 0x20) { href++; n--; }
  sapo_buf raw = SAPO_BUF_INIT;
  for (size_t i = 0; i < n; i++)
    if (href[i] != '\t' && href[i] != '\n' && href[i] != '\r') sapo_buf_addc(&raw, href[i]);
  if (dec.failed) raw.failed = 1;
  sapo_buf_free(&dec);
  int rc = raw.failed ? -1 : 0;
  if (!rc) {
    const char *r = sapo_buf_cstr(&raw);
    if (sapo_utf8_valid((const unsigned char *)r, raw.len)) rc = sapo_clean(r, raw.len, out, 0);
    else rc = sapo_buf_add(out, r, raw.len);
  }
  sapo_buf_free(&raw);
  return rc;
}

/* A relative reference a browser could read as having a scheme (a colon
 * before the first "/", "?" or "#")? */
static int colon_first(const char *s) {
  size_t k = strcspn(s, ":/?#");
  return s[k] == ':';
}

char *sapo_url_safe(const char *base, const char *href, sapo_url_kind kind) {
  if (!href) return NULL;
  const char *const *allowed = schemes_of(kind);
  char scheme[URL_SCHEME_MAX];
  sapo_buf clean = SAPO_BUF_INIT, enc = SAPO_BUF_INIT, benc = SAPO_BUF_INIT;
  char *out = NULL;
  if (normalise(href, &clean) || clean.len == 0) goto done;
  const char *c = sapo_buf_cstr(&clean);
  int absolute = sapo_url_scheme(c, scheme, sizeof scheme);
  if (absolute && !on_list(scheme, allowed)) goto done;
  encode(&enc, c, clean.len);
  if (enc.failed) goto done;
  const char *e = sapo_buf_cstr(&enc);
  if (!absolute && base && sapo_url_is_http(base)) {
    encode(&benc, base, strlen(base));
    if (benc.failed) goto done;
    xmlChar *r = xmlBuildURI((const xmlChar *)e, (const xmlChar *)sapo_buf_cstr(&benc));
    if (!r) goto done;
    out = strdup((const char *)r);
    xmlFree(r);
  } else if (!absolute && kind != SAPO_URL_PAGE) {
    size_t n = enc.len;
    int dot = colon_first(e);
    out = malloc(n + 3);
    if (out) {
      memcpy(out, "./", dot ? 2 : 0);
      memcpy(out + (dot ? 2 : 0), e, n + 1);
    }
  } else if (absolute) {
    out = strdup(e);
  }
  /* the result again: resolution must not have made a scheme the list
   * refuses, nor left a page URL relative */
  if (out) {
    int abs2 = sapo_url_scheme(out, scheme, sizeof scheme);
    if ((abs2 && !on_list(scheme, allowed)) || (!abs2 && (kind == SAPO_URL_PAGE || colon_first(out)))) {
      free(out);
      out = NULL;
    }
  }
done:
  sapo_buf_free(&clean);
  sapo_buf_free(&enc);
  sapo_buf_free(&benc);
  return out;
}

int sapo_url_md(sapo_buf *out, const char *url) {
  for (const char *p = url; *p; p++) {
    if (*p == '(' || *p == ')') add_pct(out, (unsigned char)*p);
    else if (*p == '&') sapo_buf_adds(out, "&amp;");   /* renderers decode entities after escapes */
    else sapo_buf_addc(out, *p);
  }
  return out->failed ? -1 : 0;
}
