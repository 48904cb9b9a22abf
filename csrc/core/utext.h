/* utext.h: UTF-8 text helpers shared by every stage: decoding one code point,
 * whitespace classes, NFC through utf8proc, and the cleanup applied to every
 * string sapo returns.  Inputs are valid UTF-8 unless a function says
 * otherwise; outputs are appended to a sapo_buf owned by the caller. */
#ifndef SAPO_UTEXT_H
#define SAPO_UTEXT_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

/* Decode the code point at s[*i] (valid UTF-8, *i < n) and advance *i. */
static inline int32_t sapo_u8_next(const unsigned char *s, size_t n, size_t *i) {
  unsigned char c = s[*i];
  if (c < 0x80) { (*i)++; return c; }
  if (c < 0xE0 && *i + 1 < n) { int32_t r = ((c & 0x1F) << 6) | (s[*i + 1] & 0x3F); *i += 2; return r; }
  if (c < 0xF0 && *i + 2 < n) {
    int32_t r = ((c & 0x0F) << 12) | ((s[*i + 1] & 0x3F) << 6) | (s[*i + 2] & 0x3F);
    *i += 3; return r;
  }
  if (*i + 3 < n) {
    int32_t r = ((c & 0x07) << 18) | ((s[*i + 1] & 0x3F) << 12) | ((s[*i + 2] & 0x3F) << 6) | (s[*i + 3] & 0x3F);
    *i += 4; return r;
  }
  (*i)++;
  return 0xFFFD;
}

/* White space as JavaScript's \s sees it (so lengths agree with the DOM
 * extractors users compare us with): ASCII space, tab, CR, LF, VT, FF, NBSP,
 * U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF. */
static inline int sapo_is_space(int32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 9 && c <= 13);
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* Characters removed from output text: zero-width spaces and joiners, word
 * joiner, soft hyphen, BOM, bidi controls, and C0/C1 controls other than the
 * white space above. */
int sapo_is_invisible(int32_t c);

/* 1 when a quick check proves s is already NFC (every character is a
 * starter that NFC never changes); 0 means "maybe not". */
/* the bytes of w equal to c: their high bits set (exact) */
static inline uint64_t sapo_bytes_eq(uint64_t w, unsigned char c) {
  const uint64_t low7 = UINT64_C(0x7F7F7F7F7F7F7F7F);
  uint64_t t = w ^ (UINT64_C(0x0101010101010101) * c);
  return ~(((t & low7) + low7) | t) & ~low7;
}

/* s[0..7] (w, the same bytes loaded) is plain prose: printable ASCII, no
 * space at either end, no two spaces side by side.  Text scanners step
 * over such words eight bytes at a time. */
static inline int sapo_plain8(const unsigned char *s, uint64_t w) {
  const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
  if (s[0] == ' ' || s[7] == ' ' || (w & high)) return 0;
  if ((w - ones * 0x20) & ~w & high) return 0;                    /* a control byte */
  if (sapo_bytes_eq(w, 0x7F)) return 0;
  uint64_t sp = sapo_bytes_eq(w, ' ');
  return !(sp & (sp >> 8));
}

int sapo_nfc_quick(const char *s, size_t n);

/* Append the NFC form of s to out.  Returns 0, -1 out of memory, -2 when s
 * is not valid UTF-8. */
int sapo_nfc(const char *s, size_t n, sapo_buf *out);

/* The cleanup every output string gets: invisible characters dropped, runs
 * of white space collapsed to one space (or, with keep_lines, to one "\n"
 * when they contain a line feed), leading and trailing space trimmed, NFC.
 * Appends to out; returns 0 or -1 (out of memory). */
int sapo_clean(const char *s, size_t n, sapo_buf *out, int keep_lines);

/* Readability's _textSimilarity: the share of B's words (runs of ASCII
 * letters, digits and "_", lower-cased) that also occur in A, weighted by
 * length; 0 when either has no word. */
double sapo_text_similarity(const char *a, const char *b);

/* s[0, n) lower-cased by Unicode into dst (cap bytes, whole code points,
 * NUL-terminated); returns the bytes written. */
size_t sapo_lower(const char *s, size_t n, char *dst, size_t cap);

/* 1 when one of list's phrases (lower case) stands in low as whole words
 * (bounded by the ends, spaces or punctuation). */
int sapo_has_phrase(const char *low, const char *const *list);

/* Length in UTF-16 code units (what JavaScript's .length counts). */
size_t sapo_u16len(const char *s, size_t n);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
