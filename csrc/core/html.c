/* html.c: the parse stage.  Owns the libxml2 parser context for the length
 * of one call, checks the limits, and offers the plain-text views of a
 * document (title, all visible text) that do not need extraction. */
#include "html.h"
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLtree.h>
#include "buf.h"
#include "charset.h"
#include "dom.h"
#include "tags.h"
#include "ssr.h"
#include "url.h"
#include "utext.h"
#include "vi.h"

/* ===== LIMITS, COUNTED WHILE PARSING =====
 * The parser's SAX callbacks are wrapped: each node the tree builder makes
 * is counted, and the depth of the deepest element that gets a child is
 * kept, as a walk of the finished tree would find them.  A document over a
 * limit stops the parser at once (no second walk over the tree, and a
 * hostile page is never built whole). */
typedef struct {
  startElementSAXFunc start;
  endElementSAXFunc end;
  charactersSAXFunc chars, cdata;
  commentSAXFunc comment;
  long nodes, max_nodes;
  int depth, deepest, max_depth;
  double work, max_work;   /* open elements searched for misplaced end tags */
  int over;   /* 1: max_depth, 2: max_nodes, 3: max_work */
  int ssr_tag;   /* a React 19 instruction element was made (ssr.h) */
} sax_limits;

static sax_limits *limits_of(void *ctx) { return (sax_limits *)((htmlParserCtxtPtr)ctx)->_private; }

/* a node is about to be made under the open elements */
static void count_node(void *ctx, sax_limits *l) {
  l->nodes++;
  if (l->depth > l->deepest) l->deepest = l->depth;
  if (!l->over && l->deepest > l->max_depth) l->over = 1;
  if (!l->over && l->nodes > l->max_nodes) l->over = 2;
  if (l->over) xmlStopParser((htmlParserCtxtPtr)ctx);
}

static void lim_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
  htmlParserCtxtPtr ctxt = ctx;
  sax_limits *l = limits_of(ctx);
  count_node(ctx, l);
  if (l->over) return;
  int open = ctxt->nodeNr;
  l->start(ctx, name, atts);
  l->depth++;
  /* the element just made is stamped with its tag id (dom.h, sapo_node_tag):
   * every later stage reads it instead of looking the name up */
  if (ctxt->nodeNr == open + 1 && ctxt->node && name)
    ctxt->node->_private = (void *)((uintptr_t)sapo_tag_id((const char *)name) + 1);
  if (!l->ssr_tag && name) l->ssr_tag = sapo_ssr_instruction_tag((const char *)name, (const char *const *)atts);
}

static void lim_end(void *ctx, const xmlChar *name) {
  sax_limits *l = limits_of(ctx);
  if (l->over) return;   /* stopped: the tree is dropped, and its start may not have been made */
  if (l->depth) l->depth--;
  l->end(ctx, name);
}

/* text joins the text node before it when there is one */
static int makes_text_node(void *ctx, xmlElementType type) {
  xmlNodePtr parent = ((htmlParserCtxtPtr)ctx)->node;
  return !(parent && parent->last && parent->last->type == type);
}

static void lim_chars(void *ctx, const xmlChar *ch, int len) {
  sax_limits *l = limits_of(ctx);
  if (makes_text_node(ctx, XML_TEXT_NODE)) count_node(ctx, l);
  if (!l->over) l->chars(ctx, ch, len);
}

static void lim_cdata(void *ctx, const xmlChar *ch, int len) {
  sax_limits *l = limits_of(ctx);
  if (makes_text_node(ctx, XML_CDATA_SECTION_NODE) && makes_text_node(ctx, XML_TEXT_NODE)) count_node(ctx, l);
  if (!l->over) l->cdata(ctx, ch, len);
}

static void lim_comment(void *ctx, const xmlChar *value) {
  sax_limits *l = limits_of(ctx);
  count_node(ctx, l);
  if (!l->over) l->comment(ctx, value);
}

/* libxml2 searches the whole stack of open elements for each end tag
 * that closes none of them ("Unexpected end tag", reported as a tag name
 * mismatch): under 4,000 open <div>s, a page of stray "</span>"s costs
 * 4,000 steps a tag.  Each such report adds the stack's height to the
 * parse's work; past PARSE_WORK_PER_BYTE per input byte the parser stops
 * (ELIMIT), so parsing stays linear in the input. */
#define PARSE_WORK_PER_BYTE 16.0
#define PARSE_WORK_FLOOR    4194304.0   /* small pages may nest and misplace freely */

static void lim_error(void *ctx, const char *msg, ...) {
  htmlParserCtxtPtr ctxt = ctx;
  sax_limits *l = limits_of(ctx);
  (void)msg;
  if (ctxt->errNo != XML_ERR_TAG_NAME_MISMATCH || l->over) return;
  l->work += ctxt->nameNr;
  if (l->work > l->max_work) {
    l->over = 3;
    xmlStopParser(ctxt);
  }
}

static void limits_install(htmlParserCtxtPtr ctxt, sax_limits *l, const sapo_options *opt, size_t len) {
  memset(l, 0, sizeof *l);
  l->max_depth = opt->max_depth > INT_MAX ? INT_MAX : (int)opt->max_depth;
  l->max_nodes = (long)opt->max_nodes;
  l->max_work = PARSE_WORK_FLOOR + PARSE_WORK_PER_BYTE * (double)len;
  xmlSAXHandlerPtr sax = (xmlSAXHandlerPtr)ctxt->sax;
  ctxt->_private = l;
  if (sax->startElement) { l->start = sax->startElement; sax->startElement = lim_start; }
  if (sax->endElement) { l->end = sax->endElement; sax->endElement = lim_end; }
  if (sax->characters) { l->chars = sax->characters; sax->characters = lim_chars; }
  if (sax->cdataBlock) { l->cdata = sax->cdataBlock; sax->cdataBlock = lim_cdata; }
  if (sax->comment) { l->comment = sax->comment; sax->comment = lim_comment; }
  sax->error = lim_error;   /* HTML_PARSE_NOERROR cleared it: reports reach only us */
}

static int limits_verdict(const sax_limits *l, sapo_parsed *out, sapo_error *err) {
  if (l->over == 1)
    return sapo_fail(err, SAPO_ELIMIT, "document nested deeper than %d elements (max_depth)", l->max_depth);
  if (l->over == 2)
    return sapo_fail(err, SAPO_ELIMIT, "document has more than %ld nodes (max_nodes)", l->max_nodes);
  if (l->over == 3)
    return sapo_fail(err, SAPO_ELIMIT, "document has too many misplaced end tags under deep nesting "
                     "(the parser searched %.0f open elements, over %.0f per input byte)", l->work, PARSE_WORK_PER_BYTE);
  out->nodes = l->nodes;
  out->depth = l->deepest;
  return SAPO_OK;
}

/* ===== ATTRIBUTES, COUNTED BEFORE PARSING =====
 * libxml2 2.9 compares each attribute of a start tag with every one before
 * it and appends each to the element by walking the list: a tag of n
 * attributes costs n² steps (40,000 take 8 s), before any callback could
 * stop it.  One pass over the bytes, split as the tokenizer splits them
 * (quoted values skipped whole, <script>/<style> text and comments
 * skipped as libxml2 skips them), finds the largest count first. */

/* byte classes of the tokenizer's tag state */
enum { C_BLANK = 1, C_GT = 2, C_EQ = 4, C_SLASH = 8 };
static const unsigned char TAG_CLASS[256] = {
  ['\t'] = C_BLANK, ['\n'] = C_BLANK, ['\r'] = C_BLANK, ['\f'] = C_BLANK, [' '] = C_BLANK,
  ['>'] = C_GT, ['='] = C_EQ, ['/'] = C_SLASH};

static int blank(unsigned char c) { return TAG_CLASS[c] & C_BLANK; }
static int alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* The position after the first "</name" (any case) at or after i, or n. */
static size_t raw_text_end(const char *s, size_t n, size_t i, const char *name, size_t nl) {
  while (i < n) {
    const char *p = memchr(s + i, '<', n - i);
    if (!p) return n;
    i = (size_t)(p - s) + 1;
    if (i + nl < n && s[i] == '/' && !strncasecmp(s + i + 1, name, nl)) return i + 1 + nl;
  }
  return n;
}

/* The position after the first occurrence of lit (len ll) at or after i, or n. */
static size_t skip_past(const char *s, size_t n, size_t i, const char *lit, size_t ll) {
  while (i + ll <= n) {
    const char *p = memchr(s + i, lit[0], n - i);
    if (!p || (size_t)(p - s) + ll > n) return n;
    i = (size_t)(p - s);
    if (!memcmp(s + i, lit, ll)) return i + ll;
    i++;
  }
  return n;
}

/* The end of the tag name that begins at s[i]. */
static size_t tag_name_end(const char *s, size_t n, size_t i) {
  const unsigned char *u = (const unsigned char *)s;
  while (i < n && !(TAG_CLASS[u[i]] & (C_BLANK | C_GT | C_SLASH))) i++;
  return i;
}

/* script and style hold raw text, which the tokenizer skips whole */
static int raw_text_tag(const char *name, size_t nl) {
  return (nl == 6 && !strncasecmp(name, "script", 6)) || (nl == 5 && !strncasecmp(name, "style", 5));
}

/* Attributes of the start tag whose name begins at s[*i]; *i is moved
 * past the tag (and past the text of script and style). */
static size_t tag_attributes(const char *s, size_t n, size_t *pos, size_t limit) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = *pos, name = i, count = 0;
  i = tag_name_end(s, n, i);
  size_t nl = i - name;
  while (i < n && count <= limit) {
    while (i < n && (TAG_CLASS[u[i]] & (C_BLANK | C_SLASH))) i++;
    if (i >= n) break;
    if (u[i] == '>') { i++; break; }
    count++;
    while (i < n && !TAG_CLASS[u[i]]) i++;   /* the name: up to a blank, "=", "/" or ">" */
    while (i < n && (TAG_CLASS[u[i]] & C_BLANK)) i++;
    if (i < n && u[i] == '=') {
      i++;
      while (i < n && (TAG_CLASS[u[i]] & C_BLANK)) i++;
      if (i < n && (u[i] == '"' || u[i] == '\'')) {
        const char *q = memchr(s + i + 1, s[i], n - i - 1);
        i = q ? (size_t)(q - s) + 1 : n;
      } else {
        while (i < n && !(TAG_CLASS[u[i]] & (C_BLANK | C_GT))) i++;
      }
    }
  }
  if (raw_text_tag(s + name, nl)) i = raw_text_end(s, n, i, s + name, nl);
  *pos = i;
  return count;
}

/* The position after a start tag (name at s[i]) that cannot hold more than
 * limit attributes, or 0 when only the tokenizer can say.  Each attribute
 * takes a separator and a name byte, so a tag whose '>' comes within
 * 2 x limit bytes after its name, with no quote before it (a quoted '>'
 * does not end a tag) and no raw text after it (script, style), has at most
 * limit: most tags are passed over with two memchr calls. */
static size_t short_tag_end(const char *s, size_t n, size_t i, size_t limit) {
  size_t name = i;
  i = tag_name_end(s, n, i);
  if (raw_text_tag(s + name, i - name)) return 0;
  size_t span = n - i < 2 * limit + 1 ? n - i : 2 * limit + 1;
  const char *gt = memchr(s + i, '>', span);
  if (!gt) return 0;
  size_t m = (size_t)(gt - (s + i));
  if (memchr(s + i, '"', m) || memchr(s + i, '\'', m)) return 0;
  return (size_t)(gt - s) + 1;
}

/* The most attributes any start tag of s holds (counting stops past limit). */
static size_t most_attributes(const char *s, size_t n, size_t limit) {
  size_t most = 0, i = 0;
  while (i < n && most <= limit) {
    const char *p = memchr(s + i, '<', n - i);
    if (!p) break;
    i = (size_t)(p - s) + 1;
    if (i >= n) break;
    unsigned char c = (unsigned char)s[i];
    if (c == '!' && i + 2 < n && s[i + 1] == '-' && s[i + 2] == '-') {
      i = skip_past(s, n, i + 3, "-->", 3);
    } else if (c == '!' || c == '?' || c == '/') {
      const char *q = memchr(s + i, '>', n - i);
      i = q ? (size_t)(q - s) + 1 : n;
    } else if (alpha(c)) {
      size_t end = short_tag_end(s, n, i, limit);
      if (end) { i = end; continue; }
      size_t k = tag_attributes(s, n, &i, limit);
      if (k > most) most = k;
    }
  }
  return most;
}

/* Binary formats that are sometimes fed to extractors by mistake (a saved
 * image, a gzip body nobody decoded): their magic numbers, and a density of
 * NUL bytes no text encoding but UTF-16/32 has. */
static const char *binary_kind(const unsigned char *s, size_t n) {
  static const struct { const char *magic; size_t len; const char *name; } M[] = {
    {"\x89PNG\r\n\x1a\n", 8, "a PNG image"}, {"GIF87a", 6, "a GIF image"}, {"GIF89a", 6, "a GIF image"},
    {"\xff\xd8\xff", 3, "a JPEG image"}, {"%PDF-", 5, "a PDF document"}, {"\x1f\x8b", 2, "gzip data"},
    {"PK\x03\x04", 4, "a ZIP archive"}, {"\x7f" "ELF", 4, "an executable"}, {"RIFF", 4, "RIFF media"},
    {"\x28\xb5\x2f\xfd", 4, "zstd data"}, {"BZh", 3, "bzip2 data"}, {"\xfd" "7zXZ", 5, "xz data"}};
  for (size_t k = 0; k < sizeof M / sizeof M[0]; k++)
    if (n >= M[k].len && !memcmp(s, M[k].magic, M[k].len)) return M[k].name;
  return NULL;
}

/* Binary data that no magic number names: the share of the bytes the
 * MIME Sniffing Standard calls binary data bytes (C0 controls other than
 * tab, line feed, form feed, carriage return and escape) in the first
 * SNIFF_BYTES.  Random bytes hold about one in ten; text in any 8-bit
 * encoding almost none (TCVN3 puts a few capital letters there: a page of
 * capitals stays far under one in SNIFF_BINARY_SHARE). */
#define SNIFF_BYTES        4096
#define SNIFF_MIN          64
#define SNIFF_BINARY_SHARE 16

static size_t binary_bytes(const unsigned char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\f' && s[i] != '\r' && s[i] != 0x1B;
  return k;
}

/* Some markup: "<" and a letter, "!", "/" or "?" (a tag, comment,
 * doctype or end tag) anywhere in the text. */
static int has_markup(const char *s, size_t n) {
  for (const char *p = s, *e = s + n; (p = memchr(p, '<', (size_t)(e - p))) && p + 1 < e; p++) {
    unsigned char c = (unsigned char)p[1];
    if (alpha(c) || c == '!' || c == '/' || c == '?') return 1;
  }
  return 0;
}

static int only_space(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!blank((unsigned char)s[i]) && s[i] != '\v') return 0;
  return 1;
}

/* ===== LEGACY FONT PAGES ===== */

/* ".VnTime", ".VnArial"... (TCVN3) or "VNI-Times" (VNI) in the page. */
static const char *font_hint(const unsigned char *s, size_t n) {
  for (size_t i = 0; i + 4 < n; i++) {
    if (s[i] == '.' && (s[i + 1] | 32) == 'v' && (s[i + 2] | 32) == 'n' && s[i + 3] >= 'A' && s[i + 3] <= 'Z')
      return "tcvn3";
    if ((s[i] | 32) == 'v' && (s[i + 1] | 32) == 'n' && (s[i + 2] | 32) == 'i' && s[i + 3] == '-' &&
        i > 0 && (s[i - 1] == '"' || s[i - 1] == '\'' || s[i - 1] == ' ' || s[i - 1] == ':' || s[i - 1] == ','))
      return "vni";
  }
  return NULL;
}

/* Text of an HTML buffer with tags crudely removed (a detection sample). */
static void strip_tags(const char *s, size_t n, sapo_buf *out, size_t cap) {
  int in = 0;
  for (size_t i = 0; i < n && out->len < cap; i++) {
    if (s[i] == '<') in = 1;
    else if (s[i] == '>') { in = 0; sapo_buf_addc(out, ' '); }
    else if (!in) sapo_buf_addc(out, s[i]);
  }
}

/* A page labelled (or defaulted to) windows-1252 whose text is TCVN3 or VNI
 * bytes shown through .VnTime / VNI-Times fonts: decode it with that table
 * when the result reads as Vietnamese and the windows-1252 reading does not.
 * Returns the legacy name and fills *out, or NULL. */
static const char *legacy_decode(const unsigned char *s, size_t n, const sapo_buf *cp1252, sapo_buf *out) {
  const char *enc = font_hint(s, n < 65536 ? n : 65536), *guess = NULL;
  if (!enc) {
    sapo_buf sample = SAPO_BUF_INIT;
    strip_tags(cp1252->data ? cp1252->data : "", cp1252->len, &sample, 200000);
    int g = sapo_vi_legacy_guess(sapo_buf_cstr(&sample), sample.len, &guess);
    sapo_buf_free(&sample);
    if (!g) return NULL;
    enc = guess;
  }
  sapo_buf a = SAPO_BUF_INIT, b = SAPO_BUF_INIT;
  double sa, sb;
  strip_tags(cp1252->data ? cp1252->data : "", cp1252->len, &a, 200000);
  int was_vi = sapo_vi_detect(sapo_buf_cstr(&a), a.len, &sa) == 1;
  sapo_buf_free(&a);
  if (was_vi) return NULL;
  if (sapo_vi_decode((const char *)s, n, enc, out) != SAPO_OK) { sapo_buf_free(out); return NULL; }
  strip_tags(sapo_buf_cstr(out), out->len, &b, 200000);
  int is_vi = sapo_vi_detect(sapo_buf_cstr(&b), b.len, &sb) == 1;
  sapo_buf_free(&b);
  if (!is_vi) { sapo_buf_free(out); return NULL; }
  return enc;
}

/* Parses UTF-8 bytes, read in place, into out->doc. */
static int parse_utf8_bytes(const char *data, size_t len, const sapo_options *opt, sapo_parsed *out,
                            sapo_error *err) {
  int rc;
  if (len > INT_MAX)
    return sapo_fail(err, SAPO_ELIMIT, "input too large for libxml2 (%zu bytes after decoding)", len);
  /* XML_PARSE_HUGE lifts libxml2's own caps (text nodes cut at 10 MB,
   * parsing stopped at depth 256), which would lose data silently; sapo's
   * limits (max_bytes, max_depth, max_nodes) apply instead, as errors. */
  int flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
              HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD | XML_PARSE_HUGE;
  xmlDocPtr doc = NULL;
  sax_limits lim;
  memset(&lim, 0, sizeof lim);
  if (len > 0 && !has_markup(data, len) && !only_space(data, len))
    return sapo_fail(err, SAPO_EPARSE, "input has no HTML markup (no tag anywhere): plain text is not a page");
  size_t max_attrs = (size_t)opt->max_attributes;
  size_t attrs = most_attributes(data, len, max_attrs);
  if (attrs > max_attrs)
    return sapo_fail(err, SAPO_ELIMIT, "an element has more than %zu attributes (max_attributes)", max_attrs);
  if (len > 0) {
    /* The bytes are UTF-8 already: the context is told so by its charset,
     * not by an encoding handler, which would copy the whole page through
     * a UTF-8 to UTF-8 conversion. */
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(data, (int)len);
    if (!ctxt) return sapo_fail(err, SAPO_ENOMEM, "cannot create a parser context");
    htmlCtxtUseOptions(ctxt, flags);
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    limits_install(ctxt, &lim, opt, len);
    if (opt->url && ctxt->input && !ctxt->input->filename)
      ctxt->input->filename = (char *)xmlStrdup((const xmlChar *)opt->url);
    htmlParseDocument(ctxt);
    doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    htmlFreeParserCtxt(ctxt);
    rc = limits_verdict(&lim, out, err);
    if (rc) { if (doc) xmlFreeDoc(doc); return rc; }
  }
  if (!doc) {
    /* libxml2 gives no document for input with no markup at all (or none
     * for empty input): an empty document is the honest answer there. */
    doc = htmlNewDocNoDtD(NULL, NULL);
    if (!doc) return sapo_fail(err, SAPO_ENOMEM, "cannot create an empty document");
  }
  if ((lim.ssr_tag || sapo_ssr_calls_possible(data, len)) && sapo_ssr_reveal(doc)) {
    xmlFreeDoc(doc);
    return sapo_fail(err, SAPO_ENOMEM, "out of memory");
  }
  out->doc = doc;
  return SAPO_OK;
}

/* Parses UTF-8 bytes (consumed: u8 is freed) into out->doc. */
static int parse_utf8(sapo_buf *u8b, const sapo_options *opt, sapo_parsed *out, sapo_error *err) {
  sapo_buf u8 = *u8b;
  *u8b = (sapo_buf)SAPO_BUF_INIT;
  int rc = parse_utf8_bytes(u8.data, u8.len, opt, out, err);
  sapo_buf_free(&u8);
  return rc;
}

int sapo_html_parse(const char *buf, size_t len, const sapo_options *opt,
                    sapo_parsed *out, sapo_error *err) {
  size_t max_bytes = (size_t)opt->max_bytes;
  memset(out, 0, sizeof *out);
  if (opt->url && !sapo_url_is_http(opt->url))
    return sapo_fail(err, SAPO_EURL, "the page's URL must be an absolute http(s) URL (url): %.80s", opt->url);
  if (len > max_bytes)
    return sapo_fail(err, SAPO_ELIMIT, "input too large (%zu bytes > %zu, max_bytes)", len, max_bytes);
  const unsigned char *s = (const unsigned char *)buf;
  const char *bin = binary_kind(s, len);
  if (bin) return sapo_fail(err, SAPO_EPARSE, "input is %s, not HTML", bin);
  const char *cs;
  size_t bom = 0;
  sapo_charset_source src;
  const char *font = opt->charset ? sapo_font_encoding(opt->charset) : NULL;
  int rc = font ? SAPO_OK : sapo_charset_decide(s, len, opt->charset, opt->content_type,
                                                &cs, &bom, &src, err);
  if (rc) return rc;
  if (font) {   /* a page typed in a legacy Vietnamese font encoding, as the caller says */
    sapo_buf vb = SAPO_BUF_INIT;
    if (sapo_vi_decode((const char *)s, len, font, &vb) != SAPO_OK) {
      sapo_buf_free(&vb);
      return sapo_fail(err, SAPO_EENCODING, "cannot decode the page as %s", font);
    }
    rc = parse_utf8(&vb, opt, out, err);
    if (rc == SAPO_OK) { out->charset = sapo_font_label(font); out->charset_source = (int)SAPO_CS_OPTION; }
    return rc;
  }
  if (strncmp(cs, "utf-16", 6)) {
    size_t m = len < SNIFF_BYTES ? len : SNIFF_BYTES, nbin = binary_bytes(s, m);
    /* (a page set in TCVN3 or VNI fonts writes letters with those bytes) */
    if (m >= SNIFF_MIN && nbin * SNIFF_BINARY_SHARE > m && !font_hint(s, len < 65536 ? len : 65536))
      return sapo_fail(err, SAPO_EPARSE, "input is binary data (%zu control bytes in the first %zu), not HTML", nbin, m);
  }
  /* clean UTF-8 (most pages) is parsed where it lies: no copy of the page */
  if (!strcmp(cs, "utf-8") && sapo_utf8_clean(s + bom, len - bom)) {
    rc = parse_utf8_bytes((const char *)s + bom, len - bom, opt, out, err);
    if (rc) return rc;
    out->charset = cs;
    out->charset_source = (int)src;
    return SAPO_OK;
  }
  sapo_buf u8 = SAPO_BUF_INIT;
  rc = sapo_decode(s + bom, len - bom, cs, &u8, err);
  if (rc) { sapo_buf_free(&u8); return rc; }
  if (!strcmp(cs, "windows-1252") && src != SAPO_CS_OPTION && opt->legacy) {
    sapo_buf legacy = SAPO_BUF_INIT;
    const char *enc = legacy_decode(s + bom, len - bom, &u8, &legacy);
    if (enc) {
      sapo_buf_free(&u8);
      u8 = legacy;
      cs = enc[0] == 't' ? "x-viet-tcvn3" : "x-viet-vni";
    }
  }
  rc = parse_utf8(&u8, opt, out, err);
  if (rc) return rc;
  out->charset = cs;
  out->charset_source = (int)src;
  return SAPO_OK;
}

/* ===== TEXT VIEWS ===== */

static xmlNodePtr find_element(xmlDocPtr doc, const char *name) {
  xmlNodePtr root = (xmlNodePtr)doc;
  for (xmlNodePtr n = doc->children; n; n = sapo_next_node(n, root, 0))
    if (n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name)) return n;
  return NULL;
}

/* Append text with its ASCII line breaks and tabs turned into spaces, so
 * that only structure (blocks, <br>) makes lines in the result. */
static void add_flat(sapo_buf *b, const char *s) {
  size_t start = b->len;
  sapo_buf_adds(b, s);
  if (b->failed) return;
  for (size_t i = start; i < b->len; i++)
    if (b->data[i] == '\n' || b->data[i] == '\r' || b->data[i] == '\t' || b->data[i] == '\f') b->data[i] = ' ';
}

/* Raw text of a subtree (text and CDATA nodes), for cleaning afterwards. */
static void raw_text(xmlNodePtr top, sapo_buf *b) {
  for (xmlNodePtr n = top->children; n; n = sapo_next_node(n, top, 0))
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
      sapo_buf_adds(b, (const char *)n->content);
}

int sapo_html_title(xmlDocPtr doc, sapo_buf *out) {
  xmlNodePtr t = find_element(doc, "title");
  if (!t) return 0;
  sapo_buf raw = SAPO_BUF_INIT;
  raw_text(t, &raw);
  int rc = raw.failed ? -1 : sapo_clean(sapo_buf_cstr(&raw), raw.len, out, 0);
  sapo_buf_free(&raw);
  return rc;
}

static int is_hidden_text_tag(int tag) {
  return tag == T_SCRIPT || tag == T_STYLE || tag == T_NOSCRIPT || tag == T_TEMPLATE ||
         tag == T_HEAD || tag == T_TITLE || tag == T_IFRAME || tag == T_OBJECT ||
         tag == T_SELECT || tag == T_TEXTAREA || tag == T_NOFRAMES || tag == T_SVG;
}

int sapo_html_text(xmlDocPtr doc, sapo_buf *out) {
  sapo_buf raw = SAPO_BUF_INIT;
  xmlNodePtr root = (xmlNodePtr)doc;
  xmlNodePtr n = doc->children;
  while (n) {
    if (n->type == XML_ELEMENT_NODE) {
      int tag = sapo_node_tag(n);
      if (is_hidden_text_tag(tag)) { n = sapo_next_node(n, root, 1); continue; }
      if ((sapo_tag_flags[tag] & TF_BLOCK) || tag == T_BR) sapo_buf_addc(&raw, '\n');
      /* a block's end also breaks the line: add it when leaving */
      if (!n->children && (sapo_tag_flags[tag] & TF_BLOCK)) sapo_buf_addc(&raw, '\n');
      if (n->children) { n = n->children; continue; }
    } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
      add_flat(&raw, (const char *)n->content);
    }
    /* climb, closing blocks on the way */
    while (n && n != root && !n->next) {
      n = n->parent;
      if (n && n->type == XML_ELEMENT_NODE && (sapo_tag_flags[sapo_node_tag(n)] & TF_BLOCK))
        sapo_buf_addc(&raw, '\n');
    }
    if (!n || n == root) break;
    n = n->next;
  }
  int rc = raw.failed ? -1 : sapo_clean(sapo_buf_cstr(&raw), raw.len, out, 1);
  sapo_buf_free(&raw);
  return rc;
}
