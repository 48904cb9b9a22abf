/* url.h: the one place that decides which URLs of a page may be written
 * into sapo's output, and in what form.
 *
 * Every href and src sapo emits (links in Markdown and HTML, image
 * sources, the canonical URL, the top image, <base>) comes out of
 * sapo_url_safe: cleaned the way output text is cleaned, so nothing done to
 * the output afterwards can change what the check saw; its scheme decided
 * as the WHATWG URL parser decides it; kept only when that scheme is on an
 * allow list; resolved against an http(s) base; and percent-encoded so it
 * holds no white space, control, quote or angle bracket. */
#ifndef SAPO_URL_H
#define SAPO_URL_H

#include <stddef.h>
#include "buf.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

typedef enum {
  SAPO_URL_LINK,    /* <a href>: http, https, mailto, or relative */
  SAPO_URL_IMAGE,   /* <img src>, og:image: http, https, or relative */
  SAPO_URL_PAGE     /* the page's own URL (canonical, <base>): http, https */
} sapo_url_kind;

/* The scheme of url, lower-cased into out (cap bytes), as the WHATWG URL
 * parser's scheme state reads it: an ASCII letter, then letters, digits,
 * "+", "-" or "." up to a ":".  Returns 1 when url has one, 0 when it is a
 * relative reference (or the scheme does not fit in out). */
int sapo_url_scheme(const char *url, char *out, size_t cap);

/* 1 when url is an absolute http: or https: URL with a host and no white
 * space, control character or invisible character anywhere. */
int sapo_url_is_http(const char *url);

/* href made safe to write as a kind of URL: a malloc'ed string the caller
 * frees, or NULL when href is empty, refused (a scheme off the kind's allow
 * list, before or after resolution), or memory runs out.  base, when it is
 * an absolute http(s) URL, is what relative references resolve against;
 * without one a relative reference stays relative, with "./" put before
 * it when a browser could read its first segment as a scheme. */
char *sapo_url_safe(const char *base, const char *href, sapo_url_kind kind);

/* Append url as a CommonMark link destination: "(" and ")" percent-encoded
 * and "&" written "&amp;" (renderers decode entity references in a
 * destination after its backslash escapes, so "\&" would not do), so the
 * destination can neither end early nor hold an entity reference.  url comes from
 * sapo_url_safe (no space, control or angle bracket).  0, or -1 when
 * memory runs out. */
int sapo_url_md(sapo_buf *out, const char *url);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
