/* options.h: every option of parsing and extraction, described once.
 *
 * sapo_option_table is the schema: name, where it applies, type, range or
 * allowed words, default and a line of documentation.  sapo_options_init
 * fills a sapo_options with the defaults from it; the Lua binding reads an
 * options table through it (the only place an option is checked); the
 * command line and the HTTP handler read their choices, defaults and help
 * from it (sapo.core.options).  Nothing else holds a default. */
#ifndef SAPO_OPTIONS_H
#define SAPO_OPTIONS_H

#include <stddef.h>
#include "sapo.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

typedef enum {
  SAPO_OT_STRING,    /* const char *, borrowed                          */
  SAPO_OT_INTEGER,   /* long long: a whole number in [min, max]          */
  SAPO_OT_BOOLEAN,   /* int 0/1                                          */
  SAPO_OT_CHOICE,    /* int: index into choices, -1 when not given       */
  SAPO_OT_LIST       /* unsigned: bit i set for choices[i]               */
} sapo_option_type;

#define SAPO_OPT_PARSE   1u   /* sapo.parse, and extraction of a page    */
#define SAPO_OPT_EXTRACT 2u   /* extraction only                          */

typedef struct sapo_option {
  const char *name;
  unsigned stages;                 /* SAPO_OPT_* */
  sapo_option_type type;
  size_t offset;                   /* of the field in sapo_options */
  double min, max, def;            /* INTEGER: range and default; BOOLEAN: default */
  const char *const *choices;      /* CHOICE, LIST: the allowed words, NULL-ended */
  const char *doc;
} sapo_option;

/* The schema, ending with an entry whose name is NULL. */
extern const sapo_option sapo_option_table[];

/* The entry of an option name, or NULL. */
const sapo_option *sapo_option_find(const char *name);

/* Fill o with every option's default. */
void sapo_options_init(sapo_options *o);

/* Why value v is not valid for the INTEGER option opt (a message in buf,
 * which is returned), or NULL when it is. */
const char *sapo_option_range_error(const sapo_option *opt, double v, char *buf, size_t cap);

/* Store a checked value into o's field for opt. */
void sapo_option_set_string(sapo_options *o, const sapo_option *opt, const char *v);
void sapo_option_set_integer(sapo_options *o, const sapo_option *opt, long long v);
void sapo_option_set_int(sapo_options *o, const sapo_option *opt, int v);          /* BOOLEAN, CHOICE */
void sapo_option_set_bits(sapo_options *o, const sapo_option *opt, unsigned v);    /* LIST */

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
