/* clean.h: precision filters over the emitted block list (the article's
 * paragraphs in order), applied after the container is chosen:
 * comment sections, captions (moved to their image), "Đọc thêm:" / "Read
 * more:" link lines, share/follow widgets, related-story sections, link
 * lists at the end, the date line at the start, the signature line at the
 * end (a byline), a first block repeating the title; and
 * the lead (sapo), found in or before the article. */
#ifndef SAPO_CLEAN_H
#define SAPO_CLEAN_H

#include "dom.h"
#include "emit.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

typedef struct clean_input {
  const dtree *t;
  int32_t article;          /* the chosen subtree (blocks come from it) */
  int32_t orig_count;       /* nodes below this index are the page's own, in document order */
  const char *title;
  const char *description;  /* meta description, for the lead */
  int keep_captions;
  unsigned skip;            /* CLEAN_* filters to leave out */
} clean_input;

#define CLEAN_COMMENTS  0x01
#define CLEAN_CAPTIONS  0x02
#define CLEAN_MARKERS   0x04
#define CLEAN_LINKLISTS 0x08
#define CLEAN_EDGES     0x10
#define CLEAN_LEAD      0x40

typedef struct clean_found {
  char *lead;      /* malloc'ed or NULL */
  char *byline;    /* signature line at the end, or NULL */
  char *source;    /* "Theo ..." line, or NULL */
  char *date;      /* date line text, or NULL */
} clean_found;

/* Returns 0, or -1 when memory runs out. */
int  clean_blocks(emit_out *o, const clean_input *in, clean_found *f);

/* The first date shown in a date-like element (class or id: date, time,
 * publish, ngay...) before the article or at its top, outside links and
 * list items (teasers), written as sapo_date_iso writes it; or NULL. */
char *clean_page_date(const clean_input *in);
void clean_found_free(clean_found *f);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
