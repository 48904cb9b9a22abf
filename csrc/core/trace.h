/* trace.h: a record of what the content finder and the cleaning stage
 * decided, for art.trace, the specs and `sapo explain`.
 *
 * Every stage takes a trace pointer that is NULL unless the caller asked
 * for one (opts.trace), and records through trace_add(), which does
 * nothing on NULL: collecting costs one test per decision when off.
 * Nodes are named by their index in the compact tree of the page as
 * built (document order), and by a readable path filled in at the end. */
#ifndef SAPO_TRACE_H
#define SAPO_TRACE_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

enum {
  TR_CANDIDATE = 1,  /* a container proposed by a source (what = source)    */
  TR_LISTING,        /* a run of teasers or links (what = kind)              */
  TR_DROP,           /* a node or block removed (what = rule)                */
  TR_KEEP,           /* a block kept in the article (what = role)            */
  TR_FIELD,          /* a field's candidate (what = field, source, verdict:
                        "chosen" or why it lost)                             */
  TR_OUTSIDE         /* a text block outside every chosen container          */
};

typedef struct trace_item {
  int kind;
  int pass;                /* the finder pass it belongs to (0 = first)     */
  int32_t node;            /* page node, or -1                              */
  const char *what;        /* static string                                 */
  const char *verdict;     /* static string, or NULL                        */
  const char *source;      /* TR_FIELD: where the candidate came from (static) */
  char *text;              /* malloc'ed: reason, signature, value; or NULL   */
  char *path;              /* malloc'ed "div.main > article#a" or NULL       */
  double score, link_density;
  long length;             /* text length in characters                     */
  int count;               /* listing items, prior rank, block index        */
  uint32_t cands;          /* bit k: inside the k-th candidate's container  */
} trace_item;

typedef struct trace {
  trace_item *v;
  int n, cap;
  int pass;                /* stamped on new items                          */
  int failed;              /* an allocation failed: the trace is partial    */
} trace;

/* Append an item (text copied, up to tlen bytes, cut at 160 characters;
 * NULL for none).  Returns the item, or NULL when tr is NULL or memory
 * ran out (then tr->failed is set). */
trace_item *trace_add(trace *tr, int kind, int32_t node, const char *what, const char *verdict,
                      const char *text, size_t tlen);
/* Drop the TR_DROP and TR_KEEP items of passes other than keep (the
 * passes whose result was not kept). */
void trace_keep_pass(trace *tr, int keep);
void trace_free(trace *tr);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
