/* options.c: the option schema (see options.h).  Every default, range and
 * allowed word of sapo's options is in the table below and nowhere else. */
#include "options.h"
#include <stdio.h>
#include <string.h>
#include "clean.h"
#include "extract.h"
#include "find.h"
#include "vi.h"

#define MiB (1024.0 * 1024.0)
#define EXACT_INTEGERS 9007199254740992.0   /* 2^53: every whole number below is exact as a double */

/* bit i is SAPO_FMT_* 1 << i */
static const char *const FORMATS[] = {"text", "markdown", "html", NULL};
/* index is the SAPO_TONE_* style */
static const char *const TONES[] = {"old", "new", NULL};

#define F(field) offsetof(sapo_options, field)
#define P SAPO_OPT_PARSE
#define X SAPO_OPT_EXTRACT

const sapo_option sapo_option_table[] = {
  {"charset", P, SAPO_OT_STRING, F(charset), 0, 0, 0, NULL,
   "decode the page with this encoding (a WHATWG label, or tcvn3, vni, vps, viqr)"},
  {"content_type", P, SAPO_OT_STRING, F(content_type), 0, 0, 0, NULL,
   "the HTTP Content-Type the page came with (its charset is honoured)"},
  {"url", P, SAPO_OT_STRING, F(url), 0, 0, 0, NULL,
   "the page's absolute http(s) URL: the base for links and images (EURL otherwise)"},
  {"max_bytes", P, SAPO_OT_INTEGER, F(max_bytes), 1, EXACT_INTEGERS, 32 * MiB, NULL,
   "refuse pages larger than this many bytes (ELIMIT)"},
  {"max_depth", P, SAPO_OT_INTEGER, F(max_depth), 1, 1000000, 4096, NULL,
   "refuse pages whose elements nest deeper than this (ELIMIT)"},
  {"max_nodes", P, SAPO_OT_INTEGER, F(max_nodes), 1, 1e9, 4000000, NULL,
   "refuse pages of more elements and texts than this (ELIMIT)"},
  {"max_attributes", P, SAPO_OT_INTEGER, F(max_attributes), 1, 65536, 256, NULL,
   "refuse pages with an element of more attributes than this (ELIMIT)"},
  {"legacy", P, SAPO_OT_BOOLEAN, F(legacy), 0, 0, 1, NULL,
   "read windows-1252 pages typed in TCVN3 or VNI fonts as Vietnamese"},
  {"formats", X, SAPO_OT_LIST, F(formats), 0, 0, 0, FORMATS,
   "outputs besides text: markdown, html"},
  {"tone", X, SAPO_OT_CHOICE, F(tone), 0, 0, -1, TONES,
   "place Vietnamese tone marks in one style: old (hòa) or new (hoà)"},
  {"lang", X, SAPO_OT_STRING, F(lang), 0, 0, 0, NULL,
   "the article's language, instead of the page's or the detected one"},
  {"char_threshold", X, SAPO_OT_INTEGER, F(char_threshold), 1, 1e7, FIND_CHAR_THRESHOLD, NULL,
   "an article shorter than this many characters is searched again with relaxed rules"},
  {"nb_top_candidates", X, SAPO_OT_INTEGER, F(nb_top_candidates), 1, FIND_NB_TOP_MAX, FIND_NB_TOP, NULL,
   "best-scored candidates compared for a shared parent"},
  {"keep_captions", X, SAPO_OT_BOOLEAN, F(keep_captions), 0, 0, 0, NULL,
   "keep image captions in the body text as well"},
  {"skip", X, SAPO_OT_LIST, F(skip), 0, 0, 0, clean_filter_names,
   "precision filters to leave out, by name"},
  {"trace", X, SAPO_OT_BOOLEAN, F(trace), 0, 0, 0, NULL,
   "record every decision in art.trace (what sapo explain draws)"},
  {NULL, 0, 0, 0, 0, 0, 0, NULL, NULL}};

#undef F
#undef P
#undef X

const sapo_option *sapo_option_find(const char *name) {
  for (const sapo_option *o = sapo_option_table; o->name; o++)
    if (!strcmp(o->name, name)) return o;
  return NULL;
}

static void *field(sapo_options *o, const sapo_option *opt) { return (char *)o + opt->offset; }

void sapo_option_set_string(sapo_options *o, const sapo_option *opt, const char *v) {
  *(const char **)field(o, opt) = v;
}
void sapo_option_set_integer(sapo_options *o, const sapo_option *opt, long long v) {
  *(long long *)field(o, opt) = v;
}
void sapo_option_set_int(sapo_options *o, const sapo_option *opt, int v) { *(int *)field(o, opt) = v; }
void sapo_option_set_bits(sapo_options *o, const sapo_option *opt, unsigned v) {
  *(unsigned *)field(o, opt) = v;
}

void sapo_options_init(sapo_options *o) {
  memset(o, 0, sizeof *o);
  for (const sapo_option *opt = sapo_option_table; opt->name; opt++) {
    switch (opt->type) {
    case SAPO_OT_INTEGER: sapo_option_set_integer(o, opt, (long long)opt->def); break;
    case SAPO_OT_BOOLEAN: case SAPO_OT_CHOICE: sapo_option_set_int(o, opt, (int)opt->def); break;
    case SAPO_OT_LIST: sapo_option_set_bits(o, opt, (unsigned)opt->def); break;
    case SAPO_OT_STRING: break;
    }
  }
}

const char *sapo_option_range_error(const sapo_option *opt, double v, char *buf, size_t cap) {
  if (v == v && v >= opt->min && v <= opt->max && v == (double)(long long)v) return NULL;
  if (v != v) snprintf(buf, cap, "a whole number from %.0f to %.0f expected, got NaN", opt->min, opt->max);
  else snprintf(buf, cap, "a whole number from %.0f to %.0f expected, got %.14g", opt->min, opt->max, v);
  return buf;
}
