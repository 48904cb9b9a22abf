/* html.h: bytes -> libxml2 document.
 *
 * sapo_html_parse decides the encoding (charset.h), converts the page to
 * UTF-8, and parses it with a private libxml2 HTML parser context (never the
 * global error handlers, never the network).  The caller owns the returned
 * document and frees it with xmlFreeDoc(). */
#ifndef SAPO_HTML_H
#define SAPO_HTML_H

#include <libxml/tree.h>
#include "buf.h"
#include "sapo.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

typedef struct sapo_parsed {
  xmlDocPtr doc;          /* owned by the caller                        */
  const char *charset;    /* canonical encoding name (static string)    */
  int charset_source;     /* a sapo_charset_source                      */
  long nodes;             /* element and text nodes in the document     */
  int depth;              /* deepest element nesting                    */
} sapo_parsed;

/* Parse len bytes with opt (filled by sapo_options_init, never NULL).
 * On success returns SAPO_OK and fills *out (out->doc is
 * never NULL: empty input gives an empty document).  On failure returns
 * SAPO_ELIMIT (too many bytes, too deep, too many nodes), SAPO_EENCODING
 * (unknown forced charset), SAPO_EPARSE or SAPO_ENOMEM, with err filled and
 * nothing left allocated. Never longjmps. */
int sapo_html_parse(const char *buf, size_t len, const sapo_options *opt,
                    sapo_parsed *out, sapo_error *err);

/* The <title> text of a document, whitespace-collapsed and NFC, appended to
 * out.  Returns 0, or -1 when memory runs out. */
int sapo_html_title(xmlDocPtr doc, sapo_buf *out);

/* All visible text: script, style, noscript, template and the like left
 * out, block elements on their own lines, spaces collapsed, NFC. */
int sapo_html_text(xmlDocPtr doc, sapo_buf *out);


#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
