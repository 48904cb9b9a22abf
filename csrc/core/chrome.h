/* chrome.h: a page's interface lines inside the article (see chrome.c). */
#ifndef SAPO_CHROME_H
#define SAPO_CHROME_H

#include <stddef.h>
#include "clean_io.h"
#include "emit.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* Drops the consent widgets of embedded content, stamp lines ("Published
 * … • Updated … • 4 min read", "3 hours ago", "Duration 2:13") and media
 * teaser lines ("WATCH | …") among the blocks; the first stamp line's
 * date goes to f->date when none was found.  0, or -1 (memory). */
int chrome_lines(emit_out *o, const clean_input *in, clean_found *f);

/* 1 when s[0, n) is a job title on its own ("Senior Political
 * Correspondent", "Chefredakteurin", "Phóng viên thường trú"). */
int chrome_job_title(const char *s, size_t n);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
