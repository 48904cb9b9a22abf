/* clean.h: precision filters over the emitted block list (the article's
 * paragraphs in order), applied after the container is chosen:
 * comment sections, captions (moved to their image), "Đọc thêm:" / "Read
 * more:" link lines, share/follow widgets, related-story sections, link
 * lists at the end, the date line at the start, the signature line at the
 * end (a byline), a first block repeating the title; and
 * the lead (sapo), found in or before the article by lead.c. */
#ifndef SAPO_CLEAN_H
#define SAPO_CLEAN_H

#include <stdint.h>
#include "clean_io.h"
#include "emit.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* The filters, by the names users give in opts.skip. */
#define CLEAN_COMMENTS  0x01   /* "comments"  */
#define CLEAN_CAPTIONS  0x02   /* "captions"  */
#define CLEAN_MARKERS   0x04   /* "markers"   ("see also" lines, related sections) */
#define CLEAN_LINKLISTS 0x08   /* "linklists" */
#define CLEAN_EDGES     0x10   /* "edges"     */
#define CLEAN_LISTINGS  0x20   /* "listings"  (teaser runs inside the container) */
#define CLEAN_LEAD      0x40   /* "lead"      */
#define CLEAN_BOILERPLATE 0x80 /* "boilerplate" (share/follow/subscribe lines, labels, placeholders) */

/* The CLEAN_* bit of a filter name, or 0 when unknown. */
unsigned clean_filter_bit(const char *name);
/* Names, in bit order, NULL-terminated (the option schema's words). */
extern const char *const clean_filter_names[];
/* 1 when a filter runs for the bit (every name's does: checked by the C tests). */
int clean_filter_runs(unsigned bit);

/* Returns 0, or -1 when memory runs out. */
int  clean_blocks(emit_out *o, const clean_input *in, clean_found *f);

/* The first date shown in a date-like element (class or id: date, time,
 * publish, ngay...) before the article or at its top, outside links and
 * list items (teasers), written as sapo_date_iso writes it; or NULL. */
char *clean_page_date(const clean_input *in);
/* The date line next to the headline (in->title_node): the nearest
 * element after it, before the text begins, whose whole text is a date;
 * else one just before it; or NULL. */
char *clean_title_date(const clean_input *in);
void clean_found_free(clean_found *f);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
