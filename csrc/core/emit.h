/* emit.h: the article subtree -> a flat list of blocks -> text, Markdown,
 * minimal HTML.
 *
 * emit_blocks walks the chosen subtree once and records each block
 * (paragraph, heading, list item, quote, preformatted text, table row,
 * image) with its cleaned plain text, its Markdown and HTML inline forms,
 * and the features later filters need (link share, bold share, alignment,
 * caption-like classes).  Filters (clean.c) mark blocks; emit_serialize
 * writes the kept ones. */
#ifndef SAPO_EMIT_H
#define SAPO_EMIT_H

#include "buf.h"
#include "dom.h"
#include "article.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

enum { B_PARA = 1, B_HEADING, B_LI, B_PRE, B_ROW, B_IMAGE };

/* block flags */
#define BF_DROP     0x001  /* filtered out                                 */
#define BF_RIGHT    0x002  /* right-aligned (style, align, class)          */
#define BF_CAPCLASS 0x004  /* in a caption/credit-like element             */
#define BF_CAPTION  0x008  /* used as an image caption                     */
#define BF_LEAD     0x010  /* the article's lead (sapo)                    */
#define BF_COMMENT  0x020  /* inside a comment section                     */
#define BF_INFIGURE 0x040  /* inside a <figure> or an image table          */
#define BF_TITLE    0x080  /* repeats the title                            */

typedef struct block {
  int kind, level, ordinal, quote;
  size_t t_off, t_len, m_off, m_len, h_off, h_len;
  uint32_t chars, link_chars, bold_chars;
  int32_t node;      /* the element that owns the block */
  int image;         /* B_IMAGE: index into images */
  unsigned flags;
  const char *rule;  /* the filter that dropped it (static), or NULL */
} block;

typedef struct emit_out {
  block *b; int n, cap;
  sapo_buf text, md, html;          /* block contents, by offset */
  sapo_image *images; int n_images, cap_images;
  int32_t *seen; size_t seen_cap;   /* images by src: open addressing, index + 1 (0 empty) */
} emit_out;

/* Walk root's subtree into blocks.  base: absolute URL links resolve
 * against (or NULL).  formats: SAPO_FMT_* (text is always made).
 * Returns 0 or -1 (out of memory). */
int  emit_blocks(const dtree *t, int32_t root, const char *base, int formats, emit_out *o);
/* Prepend a paragraph block (the lead found outside the article). */
int  emit_prepend(emit_out *o, const char *text, unsigned flags);
/* Append a paragraph block of n bytes of plain text (0 or -1). */
int  emit_append(emit_out *o, const char *text, size_t n, unsigned flags);
/* Write the kept blocks; strings are malloc'ed (caller frees). */
int  emit_serialize(const emit_out *o, int formats, char **text, size_t *tlen, char **md, size_t *mlen,
                    char **html, size_t *hlen, long *words);
void emit_free(emit_out *o);
/* Plain text as Markdown text: every inline special character escaped and
 * nothing at the head of a line that starts a block (0, or -1). */
int  emit_md_text(sapo_buf *b, const char *s, size_t n);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
