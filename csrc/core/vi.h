/* vi.h: Vietnamese text normalisation on utf8proc.
 *
 * All functions append to a caller-owned sapo_buf and return SAPO_OK,
 * SAPO_EUTF8 (a text argument is not valid UTF-8) or SAPO_ENOMEM.  Outputs
 * are NFC.  Binary-safe: NUL bytes are ordinary characters.  No global
 * state, no allocation per character (one scratch buffer per call). */
#ifndef SAPO_VI_H
#define SAPO_VI_H

#include <stddef.h>
#include "buf.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)  /* only luaopen_sapo_core is exported */
#endif

enum { SAPO_TONE_OLD = 0, SAPO_TONE_NEW = 1 };

/* NFC plus Vietnamese repairs: a tone typed before ^ or ˘ is moved after
 * it, and Ð/ð used for Đ/đ at the start of a Vietnamese syllable. */
int sapo_vi_nfc(const char *s, size_t n, sapo_buf *out);
/* Each syllable's tone mark on the vowel the chosen style puts it on. */
int sapo_vi_tone(const char *s, size_t n, int style, sapo_buf *out);
/* Every diacritic removed (đ→d, Đ→D, ð→d, Ð→D), case kept. */
int sapo_vi_strip(const char *s, size_t n, sapo_buf *out);
/* strip, then lower case: a search key. */
int sapo_vi_fold(const char *s, size_t n, sapo_buf *out);
/* fold, then runs of anything but [a-z0-9] become "-", trimmed. */
int sapo_vi_slug(const char *s, size_t n, sapo_buf *out);

/* Legacy encodings: "tcvn3", "vni", "viqr", "viscii", "vps", "cp1258".
 * Returns SAPO_EENCODING for an unknown name.  Any bytes are accepted. */
int sapo_vi_decode(const char *s, size_t n, const char *enc, sapo_buf *out);
/* The inverse where the table has the character; others are written as
 * '?' (used by tests for round trips). */
int sapo_vi_encode(const char *s, size_t n, const char *enc, sapo_buf *out);

/* mode NULL: UTF-8 read as Windows-1252/Latin-1 (once or twice) -> text.
 * "tcvn3" / "vni": legacy bytes read as Windows-1252 -> text.  Text that is
 * not such mojibake comes back unchanged.  Invalid UTF-8 input is taken as
 * Windows-1252 bytes first. */
int sapo_vi_repair(const char *s, size_t n, const char *mode, sapo_buf *out);

/* 1 when s looks Vietnamese (>= 3 words, >= 3% Vietnamese-only letters,
 * >= 60% valid syllables); *score in [0,1].  Returns -1 on invalid UTF-8. */
int sapo_vi_detect(const char *s, size_t n, double *score);

/* 1 when the text (a page's body) looks like TCVN3 or VNI bytes decoded as
 * Windows-1252: sets *enc to "tcvn3" or "vni".  Cheap byte statistics. */
int sapo_vi_legacy_guess(const char *s, size_t n, const char **enc);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
