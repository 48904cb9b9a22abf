/* sapo.h: types shared by the pure-C core of sapo (no Lua here).
 *
 * Every core function reports failure through its return value: SAPO_OK (0)
 * or one of the SAPO_E* codes below, with a human-readable message written
 * into a caller-supplied sapo_error.  Nothing in the core keeps global
 * mutable state: a process may run any number of extractions at once, as
 * OpenResty does with one Lua state per worker. */
#ifndef SAPO_H
#define SAPO_H

#include <stddef.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

#define SAPO_VERSION "0.1.0"

/* Error codes; sapo_code_name() gives the stable string Lua callers see. */
enum {
  SAPO_OK = 0,
  SAPO_ENOMEM,      /* "ENOMEM"     allocation failed                         */
  SAPO_ELIMIT,      /* "ELIMIT"     input bytes, depth or node count too big  */
  SAPO_EPARSE,      /* "EPARSE"     libxml2 could not build a document        */
  SAPO_EENCODING,   /* "EENCODING"  unknown or unsupported character set      */
  SAPO_ENOCONTENT,  /* "ENOCONTENT" no article content found                  */
  SAPO_EUTF8,       /* "EUTF8"      text argument is not valid UTF-8          */
  SAPO_EINVAL,      /* "EINVAL"     an option value is out of range           */
  SAPO_EURL         /* "EURL"       the page's URL is not an absolute http(s) URL */
};

typedef struct sapo_error {
  int code;
  char msg[200];
} sapo_error;

/* The options of one parse and extraction.  Fill with sapo_options_init
 * (options.h: the schema holds every default), then set what you need.
 * Strings are borrowed, not copied. */
typedef struct sapo_options {
  /* parsing */
  const char *charset;        /* forced encoding label, or NULL            */
  const char *content_type;   /* HTTP Content-Type header value, or NULL   */
  const char *url;            /* the page's URL (base for links), or NULL  */
  long long max_bytes;        /* input bytes                                */
  long long max_depth;        /* element nesting                            */
  long long max_nodes;        /* elements + texts                           */
  long long max_attributes;   /* on one element (libxml2 spends n² on them) */
  int legacy;                 /* 1: decode TCVN3/VNI font pages             */
  /* extraction */
  unsigned formats;           /* SAPO_FMT_* bits (text is always made)      */
  int tone;                   /* -1 as written, or a SAPO_TONE_* style      */
  const char *lang;           /* art.lang forced, or NULL                   */
  long long char_threshold;   /* shortest article before retrying           */
  long long nb_top_candidates;/* candidates compared for a shared parent    */
  int keep_captions;          /* 1: captions stay in the body text too      */
  unsigned skip;              /* CLEAN_* filters to leave out               */
  int trace;                  /* 1: record the decisions (art.trace)        */
} sapo_options;

const char *sapo_code_name(int code);

/* Fill err (if not NULL) and return code; fmt is printf-style. */
int sapo_fail(sapo_error *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
