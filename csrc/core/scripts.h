/* scripts.h: an article body printed into the page's scripts (see scripts.c). */
#ifndef SAPO_SCRIPTS_H
#define SAPO_SCRIPTS_H

#include <libxml/tree.h>
#include "sapo.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* The HTML held by the JSON strings of doc's scripts, parsed with opt's
 * limits into *out (NULL when there is none worth reading, or it is over
 * a limit).  0, or -1 when out of memory. */
int sapo_script_html(xmlDocPtr doc, const sapo_options *opt, xmlDocPtr *out);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
