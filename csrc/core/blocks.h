/* blocks.h: small readers of the emitted block list shared by the
 * precision filters (clean.c) and the lead search (lead.c). */
#ifndef SAPO_BLOCKS_H
#define SAPO_BLOCKS_H

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "emit.h"

/* the block's text (not NUL-terminated: b->t_len bytes) */
static inline const char *btext(const emit_out *o, const block *b) { return o->text.data ? o->text.data + b->t_off : ""; }

/* the page element a block was emitted from, on libxml2's tree (virtual
 * wrappers climb to theirs), or NULL */
static inline xmlNodePtr block_x(const dtree *t, const block *b) {
  int32_t n = b->node;
  while (n >= 0 && !t->n[n].x) n = t->n[n].parent;
  return n >= 0 ? t->n[n].x : NULL;
}

/* not dropped by a filter */
static inline int kept(const block *b) { return !(b->flags & BF_DROP); }

/* the block's text as a malloc'ed string, or NULL */
static inline char *dup_block(const emit_out *o, const block *b) {
  char *s = malloc(b->t_len + 1);
  if (!s) return NULL;
  memcpy(s, btext(o, b), b->t_len);
  s[b->t_len] = '\0';
  return s;
}

/* the share of the block's characters inside links */
static inline double link_share(const block *b) { return b->chars ? (double)b->link_chars / (double)b->chars : 0; }

/* a filter's verdict: the block is left out, the first rule named */
static inline void drop(block *b, const char *rule) {
  b->flags |= BF_DROP;
  if (!b->rule) b->rule = rule;
}

static inline int has_digit(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) if (s[i] >= '0' && s[i] <= '9') return 1;
  return 0;
}

/* letters in s[0, n): ASCII ones and the lead bytes of the others */
static inline size_t letter_count(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0xC0) k++;
  }
  return k;
}

/* s opens with one of list's labels, case aside for ASCII; its length in *len */
static inline int starts_label(const char *s, const char *const *list, size_t *len) {
  for (const char *const *l = list; *l; l++) {
    size_t n = strlen(*l);
    if (!strncasecmp(s, *l, n)) { if (len) *len = n; return 1; }
  }
  return 0;
}

/* libxml2 node d is a or inside it */
static inline int xml_owns(xmlNodePtr a, xmlNodePtr d) {
  for (; d; d = d->parent)
    if (d == a) return 1;
  return 0;
}

/* code points in s[0, n) */
static inline size_t u8chars(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

/* words (runs between spaces and line breaks) in s[0, n) */
static inline int words(const char *s, size_t n) {
  int w = 0, in = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = s[i] == ' ' || s[i] == '\n';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

#endif
