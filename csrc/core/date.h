/* date.h: dates as pages write them -> ISO 8601. */
#ifndef SAPO_DATE_H
#define SAPO_DATE_H

#include <stddef.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* Parse a date in s (ISO 8601 and its common variants, RFC 2822,
 * day-first numeric "25/4/2024 10:30 (GMT+7)", Vietnamese "ngày 25 tháng 4
 * năm 2024", English "April 25, 2024" / "25 April 2024", with an optional
 * time and zone).  Writes "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" or
 * "YYYY-MM-DDTHH:MM:SS+HH:MM" (what the text states, nothing guessed) to
 * out (at least 32 bytes) and returns 1; returns 0 when s holds no date. */
int sapo_date_iso(const char *s, char *out, size_t cap);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
