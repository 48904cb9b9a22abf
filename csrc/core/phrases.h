/* phrases.h: language data for the cleaning stage, apart from the
 * algorithm (add a language by adding rows).  All phrases are lower-case
 * NFC; block texts are lower-cased the same way before matching. */
#ifndef SAPO_PHRASES_H
#define SAPO_PHRASES_H

#include <stddef.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

enum {
  PH_INLINE = 1,   /* "Đọc thêm: <link>" — a prefix of a link paragraph          */
  PH_WIDGET,       /* a short block starting with it is chrome (share, follow)   */
  PH_SECTION,      /* a heading equal to it starts a related/comments section    */
  PH_SOURCE,       /* "Theo ..." — a source line at the end of an article        */
  PH_LABEL         /* a whole block that is an interface label ("Anzeige")       */
};

typedef struct phrase { const char *text; int kind; } phrase;

extern const phrase sapo_phrases[];

/* 1 when key (lower-case NFC) equals a phrase of kind, or starts with one. */
int sapo_phrase_is(const char *key, int kind);
int sapo_phrase_prefix(const char *key, int kind);
/* Bytes of s that a phrase of kind opens (ASCII letters in any case), the
 * spaces after it included; 0 when none does ("Theo TTXVN" -> 5). */
size_t sapo_phrase_lead(const char *s, int kind);

/* Class/id tokens (lower case, split on non-alphanumerics). */
extern const char *const sapo_lead_tokens[];
/* class/id tokens of an element that holds a title, never a lead */
extern const char *const sapo_title_tokens[];
/* class/id tokens of a box that sells, never a lead ("article-subscribe--subtitle") */
extern const char *const sapo_pitch_tokens[];

/* Labels of a page's fact list ("<li><strong>Autorin/Autor</strong> Jane
 * Doe</li>", "<dt>Published</dt><dd>…</dd>"): the label's text, lower
 * case, without a trailing colon, is FACT_AUTHOR, FACT_DATE or 0. */
enum { FACT_AUTHOR = 1, FACT_DATE };
int sapo_fact_label(const char *key);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
