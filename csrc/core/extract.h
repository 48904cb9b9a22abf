/* extract.h: article extraction over a parsed document.
 *
 * sapo_extract reads the libxml2 document (never modifies it), finds the
 * article, cleans it, and fills a sapo_article whose strings are all
 * malloc'ed, valid UTF-8 and NFC.  The caller frees it with
 * sapo_article_free() whether the call succeeded or not. */
#ifndef SAPO_EXTRACT_H
#define SAPO_EXTRACT_H

#include <libxml/tree.h>
#include "sapo.h"
#include "article.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* Returns SAPO_OK, SAPO_ENOCONTENT (no article: out holds the metadata that
 * was found), SAPO_ELIMIT or SAPO_ENOMEM. */
int sapo_extract(xmlDocPtr doc, const sapo_options *opt, sapo_article *out, sapo_error *err);
void sapo_article_free(sapo_article *a);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
