/* shapes.h: what a right value of each field looks like, in one place.
 * The field stage (fields.c, and the lead's sources in lead.c) runs every
 * candidate through these before choosing: a field is either right-shaped
 * or comes from the next source, never an impossible value.  Each returns
 * NULL for a right value, else why it is not one (a static string, shown
 * in the trace). */
#ifndef SAPO_SHAPES_H
#define SAPO_SHAPES_H

#include <stddef.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* A byline (tidied: lead-in, date and stamp tails cut): names as the
 * page's script writes them.  Never no letters (a number, an id), an
 * e-mail address, a date or a stamp ("Updated", "4 min read"), one word
 * of a cased script that is not an agency, an acronym or initials (a
 * section or an account: "capital", "Nachrichten"), a section's name. */
const char *shape_byline(const char *s);

/* An organisation's name rather than a person's ("Báo Tuổi Trẻ", "Acme
 * Media Group"): 1 or 0. */
int shape_organisation(const char *s);

/* A date: ISO 8601 as sapo writes it (YYYY-MM-DD, with THH:MM:SS and the
 * offset when known) and a day that exists. */
const char *shape_date(const char *iso);

/* A lead: sentence-shaped text of at least LEAD_WORDS words (a CJK
 * character counts as half a word), not a label ("Live"), not a caption
 * or credit ("Ảnh: …"), not names only (a byline), not the byline. */
const char *shape_lead(const char *s, const char *byline);

/* Words of s: runs between white space, and half a word per CJK character. */
size_t shape_words(const char *s);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
