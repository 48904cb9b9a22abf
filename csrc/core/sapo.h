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
  SAPO_EINVAL       /* "EINVAL"     an option value is out of range           */
};

/* Default limits (each can be changed per call through sapo_options). */
#define SAPO_DEFAULT_MAX_BYTES  ((size_t)32 * 1024 * 1024) /* 32 MiB of input   */
#define SAPO_DEFAULT_MAX_DEPTH  4096                      /* element nesting   */
#define SAPO_DEFAULT_MAX_NODES  4000000                   /* elements + texts  */

typedef struct sapo_error {
  int code;
  char msg[200];
} sapo_error;

/* Options of one parse.  Zero-initialise, then set what you need:
 * a zero limit means "the default". Strings are borrowed, not copied. */
typedef struct sapo_parse_options {
  const char *charset;        /* forced encoding label, or NULL            */
  const char *content_type;   /* HTTP Content-Type header value, or NULL   */
  const char *url;            /* document URL (base for links), or NULL    */
  size_t max_bytes;
  int max_depth;
  long max_nodes;
  int no_legacy;              /* 1: never decode as TCVN3/VNI font pages  */
} sapo_parse_options;

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
