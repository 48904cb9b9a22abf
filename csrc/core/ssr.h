/* ssr.h: React streaming segments moved to their place, as a browser's
 * $RC/$RS scripts would (see ssr.c). */
#ifndef SAPO_SSR_H
#define SAPO_SSR_H

#include <libxml/tree.h>

/* 0, or -1 when out of memory (the document is then unchanged) */
int sapo_ssr_reveal(xmlDocPtr doc);

#endif
