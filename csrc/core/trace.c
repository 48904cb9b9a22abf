/* trace.c: the decision record (see trace.h). */
#include "trace.h"
#include <stdlib.h>
#include <string.h>

#define TRACE_TEXT_MAX 160   /* characters of a block's text kept in the trace */

static char *cut_copy(const char *s, size_t n) {
  size_t chars = 0, i = 0;
  for (; i < n; i++) {
    if (((unsigned char)s[i] & 0xC0) != 0x80 && chars++ == TRACE_TEXT_MAX) break;
  }
  char *r = malloc(i + 1);
  if (!r) return NULL;
  memcpy(r, s, i);
  r[i] = '\0';
  return r;
}

trace_item *trace_add(trace *tr, int kind, int32_t node, const char *what, const char *verdict,
                      const char *text, size_t tlen) {
  if (!tr) return NULL;
  if (tr->n == tr->cap) {
    int cap = tr->cap ? tr->cap * 2 : 64;
    trace_item *p = realloc(tr->v, (size_t)cap * sizeof *p);
    if (!p) { tr->failed = 1; return NULL; }
    tr->v = p;
    tr->cap = cap;
  }
  trace_item *it = &tr->v[tr->n];
  memset(it, 0, sizeof *it);
  it->kind = kind;
  it->pass = tr->pass;
  it->node = node;
  it->what = what;
  it->verdict = verdict;
  if (text) {
    it->text = cut_copy(text, tlen);
    if (!it->text) { tr->failed = 1; return NULL; }
  }
  tr->n++;
  return it;
}

void trace_keep_pass(trace *tr, int keep) {
  if (!tr) return;
  int o = 0;
  for (int i = 0; i < tr->n; i++) {
    trace_item *it = &tr->v[i];
    if ((it->kind == TR_DROP || it->kind == TR_KEEP) && it->pass != keep) {
      free(it->text);
      free(it->path);
      continue;
    }
    tr->v[o++] = *it;
  }
  tr->n = o;
}

void trace_free(trace *tr) {
  if (!tr) return;
  for (int i = 0; i < tr->n; i++) { free(tr->v[i].text); free(tr->v[i].path); }
  free(tr->v);
  memset(tr, 0, sizeof *tr);
}
