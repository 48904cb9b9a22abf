/* charset.c: encoding labels, the HTML Standard's prescan, BOM and
 * Content-Type handling, and conversion of page bytes to valid UTF-8.
 *
 * libxml2 2.9 guesses Latin-1 for pages that do not declare an encoding, and
 * switches encodings when it meets a <meta> half-way through a document.  To
 * agree with browsers sapo decides the encoding itself, with the algorithms
 * of the WHATWG Encoding Standard and HTML Standard, converts to UTF-8 here,
 * and hands libxml2 UTF-8 only.  UTF-8 and windows-1252 (the web's two most
 * common encodings, and the fallback) are decoded in this file; the rest go
 * through the C library's iconv. */
#include "charset.h"
#include "words.h"
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ===== ERRORS ===== */

const char *sapo_code_name(int code) {
  switch (code) {
  case SAPO_OK: return "OK";
  case SAPO_ENOMEM: return "ENOMEM";
  case SAPO_ELIMIT: return "ELIMIT";
  case SAPO_EPARSE: return "EPARSE";
  case SAPO_EENCODING: return "EENCODING";
  case SAPO_ENOCONTENT: return "ENOCONTENT";
  case SAPO_EUTF8: return "EUTF8";
  case SAPO_EINVAL: return "EINVAL";
  case SAPO_EURL: return "EURL";
  default: return "EUNKNOWN";
  }
}

int sapo_fail(sapo_error *err, int code, const char *fmt, ...) {
  if (err) {
    va_list ap;
    va_start(ap, fmt);
    err->code = code;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
  }
  return code;
}

/* ===== LABELS (WHATWG Encoding Standard, "Encodings" table) ===== */

typedef struct { const char *name; const char *iconv; const char *labels; } encoding;

/* Labels are separated by '|'.  `iconv` names the glibc converter. */
static const encoding ENCODINGS[] = {
  {"utf-8", NULL, "unicode-1-1-utf-8|unicode11utf8|unicode20utf8|utf-8|utf8|x-unicode20utf8"},
  {"windows-1252", NULL,
   "ansi_x3.4-1968|ascii|cp1252|cp819|csisolatin1|ibm819|iso-8859-1|iso-ir-100|iso8859-1|"
   "iso88591|iso_8859-1|iso_8859-1:1987|l1|latin1|us-ascii|windows-1252|x-cp1252"},
  {"windows-1258", "CP1258", "cp1258|windows-1258|x-cp1258"},
  {"ibm866", "IBM866", "866|cp866|csibm866|ibm866"},
  {"iso-8859-2", "ISO-8859-2", "csisolatin2|iso-8859-2|iso-ir-101|iso8859-2|iso88592|iso_8859-2|iso_8859-2:1987|l2|latin2"},
  {"iso-8859-3", "ISO-8859-3", "csisolatin3|iso-8859-3|iso-ir-109|iso8859-3|iso88593|iso_8859-3|iso_8859-3:1988|l3|latin3"},
  {"iso-8859-4", "ISO-8859-4", "csisolatin4|iso-8859-4|iso-ir-110|iso8859-4|iso88594|iso_8859-4|iso_8859-4:1988|l4|latin4"},
  {"iso-8859-5", "ISO-8859-5", "csisolatincyrillic|cyrillic|iso-8859-5|iso-ir-144|iso8859-5|iso88595|iso_8859-5|iso_8859-5:1988"},
  {"iso-8859-6", "ISO-8859-6",
   "arabic|asmo-708|csiso88596e|csiso88596i|csisolatinarabic|ecma-114|iso-8859-6|iso-8859-6-e|"
   "iso-8859-6-i|iso-ir-127|iso8859-6|iso88596|iso_8859-6|iso_8859-6:1987"},
  {"iso-8859-7", "ISO-8859-7",
   "csisolatingreek|ecma-118|elot_928|greek|greek8|iso-8859-7|iso-ir-126|iso8859-7|iso88597|"
   "iso_8859-7|iso_8859-7:1987|sun_eu_greek"},
  {"iso-8859-8", "ISO-8859-8",
   "csiso88598e|csisolatinhebrew|hebrew|iso-8859-8|iso-8859-8-e|iso-ir-138|iso8859-8|iso88598|"
   "iso_8859-8|iso_8859-8:1988|visual"},
  {"iso-8859-8-i", "ISO-8859-8", "csiso88598i|iso-8859-8-i|logical"},
  {"iso-8859-10", "ISO-8859-10", "csisolatin6|iso-8859-10|iso-ir-157|iso8859-10|iso885910|l6|latin6"},
  {"iso-8859-13", "ISO-8859-13", "iso-8859-13|iso8859-13|iso885913"},
  {"iso-8859-14", "ISO-8859-14", "iso-8859-14|iso8859-14|iso885914"},
  {"iso-8859-15", "ISO-8859-15", "csisolatin9|iso-8859-15|iso8859-15|iso885915|iso_8859-15|l9"},
  {"iso-8859-16", "ISO-8859-16", "iso-8859-16"},
  {"koi8-r", "KOI8-R", "cskoi8r|koi|koi8|koi8-r|koi8_r"},
  {"koi8-u", "KOI8-U", "koi8-ru|koi8-u"},
  {"macintosh", "MACINTOSH", "csmacintosh|mac|macintosh|x-mac-roman"},
  {"windows-874", "CP874", "dos-874|iso-8859-11|iso8859-11|iso885911|tis-620|windows-874"},
  {"windows-1250", "CP1250", "cp1250|windows-1250|x-cp1250"},
  {"windows-1251", "CP1251", "cp1251|windows-1251|x-cp1251"},
  {"windows-1253", "CP1253", "cp1253|windows-1253|x-cp1253"},
  {"windows-1254", "CP1254",
   "cp1254|csisolatin5|iso-8859-9|iso-ir-148|iso8859-9|iso88599|iso_8859-9|iso_8859-9:1989|"
   "l5|latin5|windows-1254|x-cp1254"},
  {"windows-1255", "CP1255", "cp1255|windows-1255|x-cp1255"},
  {"windows-1256", "CP1256", "cp1256|windows-1256|x-cp1256"},
  {"windows-1257", "CP1257", "cp1257|windows-1257|x-cp1257"},
  {"x-mac-cyrillic", "MAC-CYRILLIC", "x-mac-cyrillic|x-mac-ukrainian"},
  {"gbk", "GB18030", "chinese|csgb2312|csiso58gb231280|gb2312|gb_2312|gb_2312-80|gbk|iso-ir-58|x-gbk"},
  {"gb18030", "GB18030", "gb18030"},
  {"big5", "BIG5-HKSCS", "big5|big5-hkscs|cn-big5|csbig5|x-x-big5"},
  {"euc-jp", "EUC-JP", "cseucpkdfmtjapanese|euc-jp|x-euc-jp"},
  {"iso-2022-jp", "ISO-2022-JP", "csiso2022jp|iso-2022-jp"},
  {"shift_jis", "CP932", "csshiftjis|ms932|ms_kanji|shift-jis|shift_jis|sjis|windows-31j|x-sjis"},
  {"euc-kr", "CP949",
   "cseuckr|csksc56011987|euc-kr|iso-ir-149|korean|ks_c_5601-1987|ks_c_5601-1989|ksc5601|"
   "ksc_5601|windows-949"},
  {"replacement", NULL, "csiso2022kr|hz-gb-2312|iso-2022-cn|iso-2022-cn-ext|iso-2022-kr|replacement"},
  {"utf-16be", "UTF-16BE", "unicodefffe|utf-16be"},
  {"utf-16le", "UTF-16LE", "csunicode|iso-10646-ucs-2|ucs-2|unicode|unicodefeff|utf-16|utf-16le"},
  {"x-user-defined", NULL, "x-user-defined"},
  /* beyond the standard (browsers read it as windows-1252): Vietnamese
   * pages of the 1990s declare VISCII, which iconv decodes */
  {"viscii", "VISCII", "csviscii|viscii|viscii1.1-1|x-viet-viscii"},
};
#define N_ENCODINGS (sizeof ENCODINGS / sizeof ENCODINGS[0])

static int is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
static unsigned char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

static const encoding *find_encoding(const char *label, size_t len) {
  while (len && is_ws((unsigned char)*label)) { label++; len--; }
  while (len && is_ws((unsigned char)label[len - 1])) len--;
  if (len == 0 || len > 40) return NULL;
  for (size_t i = 0; i < N_ENCODINGS; i++) {
    const char *p = ENCODINGS[i].labels;
    while (*p) {
      const char *e = strchr(p, '|');
      size_t n = e ? (size_t)(e - p) : strlen(p);
      if (n == len) {
        size_t k = 0;
        while (k < n && lower((unsigned char)label[k]) == (unsigned char)p[k]) k++;
        if (k == n) return &ENCODINGS[i];
      }
      if (!e) break;
      p = e + 1;
    }
  }
  return NULL;
}

const char *sapo_charset_canonical(const char *label, size_t len) {
  const encoding *e = find_encoding(label, len);
  return e ? e->name : NULL;
}

/* ===== META CONTENT AND CONTENT-TYPE ===== */

/* HTML Standard: "extract a character encoding from a meta element"; also
 * good enough for the charset parameter of a Content-Type header. */
static const char *charset_from_content(const unsigned char *s, size_t n) {
  size_t i = 0;
  for (;;) {
    size_t j = i;
    for (; j + 7 <= n; j++) {
      size_t k = 0;
      while (k < 7 && lower(s[j + k]) == (unsigned char)"charset"[k]) k++;
      if (k == 7) break;
    }
    if (j + 7 > n) return NULL;
    i = j + 7;
    while (i < n && is_ws(s[i])) i++;
    if (i >= n || s[i] != '=') continue;  /* look for the next "charset" */
    i++;
    while (i < n && is_ws(s[i])) i++;
    if (i >= n) return NULL;
    if (s[i] == '"' || s[i] == '\'') {
      unsigned char q = s[i++];
      size_t start = i;
      while (i < n && s[i] != q) i++;
      if (i >= n) return NULL;
      return sapo_charset_canonical((const char *)s + start, i - start);
    }
    size_t start = i;
    while (i < n && !is_ws(s[i]) && s[i] != ';') i++;
    return sapo_charset_canonical((const char *)s + start, i - start);
  }
}

const char *sapo_charset_from_content_type(const char *value) {
  if (!value) return NULL;
  return charset_from_content((const unsigned char *)value, strlen(value));
}

/* ===== PRESCAN (HTML Standard 13.2.3.2) ===== */

typedef struct { char name[32]; size_t nlen; char value[128]; size_t vlen; } attr;

static void attr_push(char *dst, size_t *len, size_t cap, unsigned char c) {
  if (*len + 1 < cap) dst[(*len)++] = (char)lower(c);
  else *len = cap;  /* too long to be anything we care about: poison */
}

/* "get an attribute": returns 1 with *a filled, or 0 when there is none. */
static int get_attr(const unsigned char *s, size_t n, size_t *pos, attr *a) {
  size_t i = *pos;
  a->nlen = a->vlen = 0;
  while (i < n && (is_ws(s[i]) || s[i] == '/')) i++;
  if (i >= n || s[i] == '>') { *pos = i; return 0; }
  for (;; i++) {
    if (i >= n) { *pos = i; return 0; }
    unsigned char c = s[i];
    if (c == '=' && a->nlen > 0) { i++; goto value; }
    if (is_ws(c)) break;
    if (c == '/' || c == '>') { *pos = i; return 1; }
    attr_push(a->name, &a->nlen, sizeof a->name, c);
  }
  while (i < n && is_ws(s[i])) i++;
  if (i >= n || s[i] != '=') { *pos = i; return 1; }
  i++;
value:
  while (i < n && is_ws(s[i])) i++;
  if (i >= n) { *pos = i; return 0; }
  if (s[i] == '"' || s[i] == '\'') {
    unsigned char q = s[i++];
    for (; i < n; i++) {
      if (s[i] == q) { *pos = i + 1; return 1; }
      attr_push(a->value, &a->vlen, sizeof a->value, s[i]);
    }
    *pos = i;
    return 0;
  }
  if (s[i] == '>') { *pos = i; return 1; }
  for (; i < n && !is_ws(s[i]) && s[i] != '>'; i++) attr_push(a->value, &a->vlen, sizeof a->value, s[i]);
  *pos = i;
  return 1;
}

static int starts_ci(const unsigned char *s, size_t n, size_t i, const char *lit) {
  size_t k = 0;
  for (; lit[k]; k++)
    if (i + k >= n || lower(s[i + k]) != (unsigned char)lit[k]) return 0;
  return 1;
}

static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* the end of the raw-text element (script, style, ...) whose content
 * starts at i: the position of its "</name", or n */
static size_t raw_text_end(const unsigned char *s, size_t n, size_t i, const char *name) {
  size_t k = strlen(name);
  for (; i + 2 + k <= n; i++)
    if (s[i] == '<' && s[i + 1] == '/' && starts_ci(s, n, i + 2, name) &&
        (i + 2 + k == n || is_ws(s[i + 2 + k]) || s[i + 2 + k] == '>' || s[i + 2 + k] == '/'))
      return i;
  return n;
}

/* The prescan over s[0..n).  late: the scan past the first 1024 bytes, as
 * the HTML Standard's "change the encoding" step sees it: the content of
 * script, style, template, noscript and textarea is skipped, and the scan
 * ends at <body> or </head>. */
static const char *prescan(const unsigned char *s, size_t n, int late) {
  size_t i = 0;
  while (i < n) {
    if (s[i] != '<') {   /* every rule starts at a '<' */
      const unsigned char *lt = memchr(s + i, '<', n - i);
      if (!lt) break;
      i = (size_t)(lt - s);
    }
    if (late && (starts_ci(s, n, i, "<body") || starts_ci(s, n, i, "</head"))) return NULL;
    if (starts_ci(s, n, i, "<!--")) {
      size_t j = i + 4;
      while (j + 2 < n && !(s[j] == '-' && s[j + 1] == '-' && s[j + 2] == '>')) j++;
      i = j + 3;
      continue;
    }
    if (starts_ci(s, n, i, "<meta") && i + 5 < n && (is_ws(s[i + 5]) || s[i + 5] == '/')) {
      size_t pos = i + 6;
      int got_pragma = 0, need_pragma = -1, seen_he = 0, seen_ct = 0, seen_cs = 0;
      const char *charset = NULL;
      attr a;
      while (get_attr(s, n, &pos, &a)) {
        if (a.nlen >= sizeof a.name || a.vlen > sizeof a.value) continue;
        if (a.nlen == 10 && !memcmp(a.name, "http-equiv", 10)) {
          if (seen_he++) continue;
          if (a.vlen == 12 && !memcmp(a.value, "content-type", 12)) got_pragma = 1;
        } else if (a.nlen == 7 && !memcmp(a.name, "content", 7)) {
          if (seen_ct++) continue;
          if (!charset && a.vlen < sizeof a.value) {
            charset = charset_from_content((const unsigned char *)a.value, a.vlen);
            if (charset) need_pragma = 1;
          }
        } else if (a.nlen == 7 && !memcmp(a.name, "charset", 7)) {
          if (seen_cs++) continue;
          if (a.vlen < sizeof a.value) charset = sapo_charset_canonical(a.value, a.vlen);
          need_pragma = 0;
        }
      }
      i = pos + 1;
      /* a <meta> the scanned bytes end inside (no ">") is no declaration */
      if (pos >= n) return NULL;
      if (need_pragma < 0 || (need_pragma == 1 && !got_pragma) || !charset) continue;
      if (!strcmp(charset, "utf-16be") || !strcmp(charset, "utf-16le")) return "utf-8";
      if (!strcmp(charset, "x-user-defined")) return "windows-1252";
      return charset;
    }
    if (s[i] == '<' && i + 1 < n && (is_alpha(s[i + 1]) || (s[i + 1] == '/' && i + 2 < n && is_alpha(s[i + 2])))) {
      size_t pos = i + 1;
      while (pos < n && !is_ws(s[pos]) && s[pos] != '>') pos++;
      attr a;
      while (get_attr(s, n, &pos, &a)) {}
      if (late && s[i + 1] != '/') {
        for (const char *const *r = W_RAW_TEXT_ELEMENTS; *r; r++) {
          size_t k = strlen(*r);
          if (starts_ci(s, n, i + 1, *r) && i + 1 + k < n && (is_ws(s[i + 1 + k]) || s[i + 1 + k] == '>' || s[i + 1 + k] == '/')) {
            pos = raw_text_end(s, n, pos + 1, *r) - 1;
            break;
          }
        }
      }
      i = pos + 1;
      continue;
    }
    if (s[i] == '<' && i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
      size_t j = i + 2;
      while (j < n && s[j] != '>') j++;
      i = j + 1;
      continue;
    }
    i++;
  }
  return NULL;
}

#define CHARSET_PRESCAN_BYTES 1024        /* the HTML Standard's prescan window     */
#define CHARSET_LATE_BYTES    (4u << 20)  /* the late scan's bound (a <head> rarely  */
                                          /* holds more)                             */

const char *sapo_charset_prescan(const unsigned char *s, size_t len) {
  const char *c = prescan(s, len < CHARSET_PRESCAN_BYTES ? len : CHARSET_PRESCAN_BYTES, 0);
  if (c || len <= CHARSET_PRESCAN_BYTES) return c;
  /* nothing in the first 1024 bytes: a browser still changes the encoding
   * for a <meta> later in <head> (after long inline scripts) */
  return prescan(s, len < CHARSET_LATE_BYTES ? len : CHARSET_LATE_BYTES, 1);
}

/* ===== UTF-8 ===== */

/* Length of the valid UTF-8 sequence at s[i] (1..4), or 0 when it is not
 * valid; *bad gets the length of the maximal invalid subpart to replace with
 * one U+FFFD, as the Encoding Standard's decoder does. */
static size_t utf8_seq(const unsigned char *s, size_t n, size_t i, size_t *bad) {
  unsigned char c = s[i];
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) need = 1;
  else if (c >= 0xE0 && c <= 0xEF) { need = 2; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
  else if (c >= 0xF0 && c <= 0xF4) { need = 3; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
  else { *bad = 1; return 0; }
  size_t k = 1;
  for (; k <= need; k++) {
    if (i + k >= n) { *bad = k; return 0; }
    unsigned char d = s[i + k];
    if (d < lo || d > hi) { *bad = k; return 0; }
    lo = 0x80; hi = 0xBF;
  }
  return need + 1;
}

/* 1 when none of the 8 bytes at p is NUL or has the high bit set. */
static int ascii8(const unsigned char *p) {
  uint64_t w;
  memcpy(&w, p, 8);
  return !(w & 0x8080808080808080ULL) && !((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL);
}

#define HIGH_BITS 0x8080808080808080ULL

/* 1 when s is well-formed UTF-8.  Markup is mostly ASCII: 32 bytes are
 * tested at a time, 8 near a non-ASCII byte, one sequence at a time in
 * between. */
int sapo_utf8_valid(const unsigned char *s, size_t n) {
  size_t i = 0, bad;
  while (i < n) {
    for (; i + 32 <= n; i += 32) {
      uint64_t a, b, c, d;
      memcpy(&a, s + i, 8); memcpy(&b, s + i + 8, 8); memcpy(&c, s + i + 16, 8); memcpy(&d, s + i + 24, 8);
      if ((a | b | c | d) & HIGH_BITS) break;
    }
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & HIGH_BITS) break;
    }
    while (i < n && s[i] < 0x80) i++;
    if (i >= n) break;
    size_t k = utf8_seq(s, n, i, &bad);
    if (!k) return 0;
    i += k;
    /* text in a non-Latin script: sequence after sequence */
    while (i < n && s[i] >= 0x80) {
      k = utf8_seq(s, n, i, &bad);
      if (!k) return 0;
      i += k;
    }
  }
  return 1;
}

int sapo_utf8_clean(const unsigned char *s, size_t n) {
  return !memchr(s, 0, n) && sapo_utf8_valid(s, n);
}

static int decode_utf8(const unsigned char *s, size_t n, sapo_buf *out) {
  if (sapo_buf_reserve(out, n)) return -1;
  size_t i = 0, run = 0, bad;
  while (i < n) {
    if (i + 8 <= n && ascii8(s + i)) { i += 8; continue; }
    unsigned char c = s[i];
    if (c < 0x80 && c != 0) { i++; continue; }
    size_t k = c ? utf8_seq(s, n, i, &bad) : 0;
    if (c == 0) bad = 1;
    if (k) { i += k; continue; }
    sapo_buf_add(out, s + run, i - run);
    sapo_buf_add(out, "\xEF\xBF\xBD", 3);
    i += bad;
    run = i;
  }
  sapo_buf_add(out, s + run, n - run);
  return out->failed ? -1 : 0;
}

/* ===== WINDOWS-1252 ===== */

static const uint16_t CP1252_HIGH[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

int32_t sapo_cp1252_to_cp(unsigned char b) {
  return (b >= 0x80 && b < 0xA0) ? CP1252_HIGH[b - 0x80] : b;
}

int sapo_cp1252_from_cp(int32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return (int)cp;
  for (int i = 0; i < 32; i++)
    if (CP1252_HIGH[i] == cp) return 0x80 + i;
  return -1;
}

static int decode_cp1252(const unsigned char *s, size_t n, sapo_buf *out) {
  if (sapo_buf_reserve(out, n + n / 2)) return -1;
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] >= 0x80 || s[i] == 0) {
      sapo_buf_add(out, s + run, i - run);
      sapo_buf_add_cp(out, s[i] ? sapo_cp1252_to_cp(s[i]) : 0xFFFD);
      run = i + 1;
    }
  }
  sapo_buf_add(out, s + run, n - run);
  return out->failed ? -1 : 0;
}

/* ===== ICONV ===== */

static int decode_iconv(const unsigned char *s, size_t n, const char *from,
                        sapo_buf *out, sapo_error *err) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1)
    return sapo_fail(err, SAPO_EENCODING, "encoding %s is not supported by this system's iconv", from);
  char *in = (char *)s;
  size_t inleft = n;
  int rc = SAPO_OK;
  while (inleft > 0) {
    if (sapo_buf_reserve(out, inleft * 2 + 16)) { rc = SAPO_ENOMEM; break; }
    char *o = out->data + out->len;
    size_t oleft = out->cap - out->len - 1;
    size_t r = iconv(cd, &in, &inleft, &o, &oleft);
    out->len = (size_t)(o - out->data);
    if (r != (size_t)-1) break;
    if (errno == E2BIG) continue;
    /* EILSEQ: one bad byte; EINVAL: a sequence cut off by the end. */
    sapo_buf_add(out, "\xEF\xBF\xBD", 3);
    if (errno == EINVAL) break;
    in++;
    inleft--;
  }
  if (rc == SAPO_OK) {  /* flush the state of stateful encodings */
    if (sapo_buf_reserve(out, 16) == 0) {
      char *o = out->data + out->len;
      size_t oleft = out->cap - out->len - 1;
      iconv(cd, NULL, NULL, &o, &oleft);
      out->len = (size_t)(o - out->data);
    } else rc = SAPO_ENOMEM;
  }
  iconv_close(cd);
  if (rc == SAPO_ENOMEM || out->failed) return sapo_fail(err, SAPO_ENOMEM, "out of memory decoding %s", from);
  if (out->data) out->data[out->len] = '\0';
  /* iconv may pass NUL through: make it U+FFFD like the UTF-8 path. */
  if (memchr(out->data ? out->data : "", 0, out->len)) {
    sapo_buf tmp = SAPO_BUF_INIT;
    if (decode_utf8((unsigned char *)out->data, out->len, &tmp)) {
      sapo_buf_free(&tmp);
      return sapo_fail(err, SAPO_ENOMEM, "out of memory");
    }
    sapo_buf_free(out);
    *out = tmp;
  }
  return SAPO_OK;
}

int sapo_decode(const unsigned char *s, size_t n, const char *name, sapo_buf *out, sapo_error *err) {
  const encoding *e = find_encoding(name, strlen(name));
  if (!e) return sapo_fail(err, SAPO_EENCODING, "unknown encoding '%s'", name);
  int r = 0;
  if (!strcmp(e->name, "utf-8")) r = decode_utf8(s, n, out);
  else if (!strcmp(e->name, "windows-1252")) r = decode_cp1252(s, n, out);
  else if (!strcmp(e->name, "replacement")) r = n ? sapo_buf_add(out, "\xEF\xBF\xBD", 3) : 0;
  else if (!strcmp(e->name, "x-user-defined")) {
    for (size_t i = 0; i < n && !r; i++)
      r = sapo_buf_add_cp(out, s[i] < 0x80 ? (s[i] ? s[i] : 0xFFFD) : 0xF780 + s[i] - 0x80);
  } else return decode_iconv(s, n, e->iconv, out, err);
  if (r) return sapo_fail(err, SAPO_ENOMEM, "out of memory decoding %s", e->name);
  return SAPO_OK;
}

/* ===== DECISION ===== */

/* UTF-16 without a BOM or declaration: browsers would show garbage, but a
 * page that is clearly "<\0h\0t\0m\0l\0" deserves better. */
static const char *sniff_utf16(const unsigned char *s, size_t n) {
  if (n < 8) return NULL;
  size_t m = n < 512 ? n & ~(size_t)1 : 512, even = 0, odd = 0;
  for (size_t i = 0; i < m; i += 2) {
    even += s[i] == 0;
    odd += s[i + 1] == 0;
  }
  if (odd * 10 > m * 4 && even == 0) return "utf-16le";
  if (even * 10 > m * 4 && odd == 0) return "utf-16be";
  return NULL;
}

/* Valid UTF-8 that has at least one multi-byte sequence. */
static int has_utf8_multibyte(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] < 0x80) i++;
  return i < n && sapo_utf8_valid(s + i, n - i);
}

int sapo_charset_decide(const unsigned char *s, size_t len, const char *forced,
                        const char *content_type, const char **name,
                        size_t *bom_len, sapo_charset_source *source, sapo_error *err) {
  *bom_len = 0;
  if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) *bom_len = 3;
  else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) *bom_len = 2;
  else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) *bom_len = 2;
  if (forced) {
    const char *c = sapo_charset_canonical(forced, strlen(forced));
    if (!c) return sapo_fail(err, SAPO_EENCODING, "unknown charset '%.60s'", forced);
    *name = c;
    *source = SAPO_CS_OPTION;
    /* A BOM that agrees with the forced encoding is still not content. */
    if ((*bom_len == 3 && strcmp(c, "utf-8")) || (*bom_len == 2 && s[0] == 0xFE && strcmp(c, "utf-16be")) ||
        (*bom_len == 2 && s[0] == 0xFF && strcmp(c, "utf-16le")))
      *bom_len = 0;
    return SAPO_OK;
  }
  if (*bom_len) {
    *name = *bom_len == 3 ? "utf-8" : (s[0] == 0xFE ? "utf-16be" : "utf-16le");
    *source = SAPO_CS_BOM;
    return SAPO_OK;
  }
  const char *c = sapo_charset_from_content_type(content_type);
  sapo_charset_source from = SAPO_CS_HEADER;
  if (!c) { c = sapo_charset_prescan(s, len); from = SAPO_CS_META; }
  /* A declared legacy encoding loses to bytes that are valid UTF-8 with
   * multi-byte sequences: pages re-saved as UTF-8 keep their old <meta>, and
   * servers mislabel UTF-8 as ISO-8859-1; real legacy text is almost never
   * valid UTF-8.  (Browsers follow the label; a forced charset still does.) */
  if (c && strcmp(c, "utf-8") && strncmp(c, "utf-16", 6) && has_utf8_multibyte(s, len)) {
    *name = "utf-8";
    *source = SAPO_CS_SNIFF;
    return SAPO_OK;
  }
  if (c) { *name = c; *source = from; return SAPO_OK; }
  c = sniff_utf16(s, len);
  if (c) { *name = c; *source = SAPO_CS_SNIFF; return SAPO_OK; }
  if (sapo_utf8_valid(s, len)) { *name = "utf-8"; *source = SAPO_CS_SNIFF; return SAPO_OK; }
  *name = "windows-1252";
  *source = SAPO_CS_DEFAULT;
  return SAPO_OK;
}

/* ===== LEGACY VIETNAMESE FONT ENCODINGS ===== */

/* The legacy font encodings a caller may name as the page's charset:
 * decoded by sapo's own tables, not iconv */
const char *sapo_font_encoding(const char *label) {
  static const char *const NAMES[][2] = {
    {"tcvn3", "tcvn3"}, {"x-viet-tcvn3", "tcvn3"}, {"tcvn", "tcvn3"}, {"vni", "vni"}, {"x-viet-vni", "vni"},
    {"vps", "vps"}, {"x-viet-vps", "vps"}, {"viqr", "viqr"}, {"x-viet-viqr", "viqr"}};
  for (size_t k = 0; k < sizeof NAMES / sizeof *NAMES; k++)
    if (!strcasecmp(label, NAMES[k][0])) return NAMES[k][1];
  return NULL;
}

const char *sapo_font_label(const char *enc) {
  if (!strcmp(enc, "tcvn3")) return "x-viet-tcvn3";
  if (!strcmp(enc, "vni")) return "x-viet-vni";
  if (!strcmp(enc, "vps")) return "x-viet-vps";
  return "x-viet-viqr";
}
