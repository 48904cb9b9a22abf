/* vi.c: Vietnamese normalisation (see vi.h and shared rules in the README).
 *
 * Text is processed a word at a time: ASCII words are copied as they are
 * (they carry no diacritics), other words are decomposed with utf8proc into
 * a small code point buffer, modelled as letters (base + quality mark +
 * tone), rewritten, and composed again.  Unicode does not know the tone
 * rule, đ folding or the legacy code pages: those are here. */
#include "vi.h"
#include "words.h"
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "charset.h"
#include "sapo.h"
#include "utext.h"
#include "vi_tables.h"

/* combining marks of Vietnamese */
#define M_GRAVE 0x300
#define M_ACUTE 0x301
#define M_CIRC  0x302
#define M_TILDE 0x303
#define M_BREVE 0x306
#define M_HOOK  0x309
#define M_HORN  0x31B
#define M_DOT   0x323

enum { Q_NONE = 0, Q_CIRC, Q_BREVE, Q_HORN };
enum { TN_NONE = 0, TN_GRAVE, TN_ACUTE, TN_TILDE, TN_HOOK, TN_DOT };
static const int32_t TONE_MARK[] = {0, M_GRAVE, M_ACUTE, M_TILDE, M_HOOK, M_DOT};
static const int32_t QUAL_MARK[] = {0, M_CIRC, M_BREVE, M_HORN};

static int tone_of(int32_t m) {
  switch (m) {
  case M_GRAVE: return TN_GRAVE;
  case M_ACUTE: return TN_ACUTE;
  case M_TILDE: return TN_TILDE;
  case M_HOOK: return TN_HOOK;
  case M_DOT: return TN_DOT;
  default: return 0;
  }
}

static int is_word_cp(int32_t c) {
  if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
  utf8proc_category_t cat = utf8proc_category(c);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME);
}

static int is_mark(int32_t c) {
  utf8proc_category_t cat = utf8proc_category(c);
  return cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
}

/* ===== SCRATCH ===== */

typedef struct { int32_t *p; size_t n, cap; int32_t stack[128]; } cpbuf;

static void cp_init(cpbuf *b) { b->p = b->stack; b->n = 0; b->cap = 128; }
static void cp_free(cpbuf *b) { if (b->p != b->stack) free(b->p); b->p = b->stack; b->n = 0; b->cap = 128; }
static int cp_reserve(cpbuf *b, size_t need) {
  if (need <= b->cap) return 0;
  size_t cap = b->cap * 2;
  while (cap < need) cap *= 2;
  int32_t *p = b->p == b->stack ? malloc(cap * sizeof *p) : realloc(b->p, cap * sizeof *p);
  if (!p) return -1;
  if (b->p == b->stack) memcpy(p, b->stack, b->n * sizeof *p);
  b->p = p;
  b->cap = cap;
  return 0;
}
static int cp_push(cpbuf *b, int32_t c) {
  if (b->n == b->cap && cp_reserve(b, b->n + 1)) return -1;
  b->p[b->n++] = c;
  return 0;
}

/* Canonical decomposition (NFD) of UTF-8 s into b. */
static int decompose(const char *s, size_t n, cpbuf *b, utf8proc_option_t extra) {
  utf8proc_option_t opt = UTF8PROC_DECOMPOSE | UTF8PROC_STABLE | extra;
  utf8proc_ssize_t r = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, b->p,
                                          (utf8proc_ssize_t)b->cap, opt);
  if (r < 0) return -2;
  if ((size_t)r > b->cap) {
    if (cp_reserve(b, (size_t)r)) return -1;
    r = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, b->p, (utf8proc_ssize_t)b->cap, opt);
    if (r < 0) return -2;
  }
  b->n = (size_t)r;
  return 0;
}

/* Compose b (decomposed, canonically ordered) and append it as UTF-8. */
static int compose_out(cpbuf *b, sapo_buf *out) {
  if (b->n == 0) return 0;
  if (cp_reserve(b, b->n + 1)) return -1;
  utf8proc_ssize_t r = utf8proc_normalize_utf32(b->p, (utf8proc_ssize_t)b->n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
  if (r < 0) return -2;
  if (sapo_buf_reserve(out, (size_t)r * 4)) return -1;
  for (utf8proc_ssize_t k = 0; k < r; k++) {
    utf8proc_ssize_t w = utf8proc_encode_char(b->p[k], (utf8proc_uint8_t *)out->data + out->len);
    out->len += (size_t)w;
  }
  out->data[out->len] = '\0';
  return 0;
}

/* ===== SYLLABLES ===== */

typedef struct {
  int32_t base;      /* base letter as written (case kept), after decomposition */
  char lc;           /* lower-case ASCII base, or 'D' for đ, 0 when not Vietnamese */
  uint8_t qual, tone, other;  /* other: a mark Vietnamese does not use */
} unit;

#define MAX_UNITS 32

/* Split cps[0..n) (one decomposed word) into units.  Returns the count, or
 * -1 when the word is not made of Vietnamese letters (or too long). */
static int to_units(const int32_t *cps, size_t n, unit *u) {
  int k = -1;
  for (size_t i = 0; i < n; i++) {
    int32_t c = cps[i];
    if (is_mark(c)) {
      if (k < 0) return -1;
      int t = tone_of(c);
      if (t) {
        if (u[k].tone && u[k].tone != t) u[k].other = 1;  /* two different tones on one letter */
        u[k].tone = (uint8_t)t;
      } else if (c == M_CIRC || c == M_BREVE || c == M_HORN) {
        if (u[k].qual) u[k].other = 1;
        u[k].qual = (uint8_t)(c == M_CIRC ? Q_CIRC : c == M_BREVE ? Q_BREVE : Q_HORN);
      } else u[k].other = 1;
      continue;
    }
    if (++k >= MAX_UNITS) return -1;
    memset(&u[k], 0, sizeof u[k]);
    u[k].base = c;
    if (c < 0x80 && ((c | 32) >= 'a' && (c | 32) <= 'z')) u[k].lc = (char)(c | 32);
    else if (c == 0x111 || c == 0x110) u[k].lc = 'D';
    else return -1;
  }
  for (int j = 0; j <= k; j++) {
    if (u[j].other) return -1;
    char l = u[j].lc;
    if (u[j].qual == Q_CIRC && l != 'a' && l != 'e' && l != 'o') return -1;
    if (u[j].qual == Q_BREVE && l != 'a') return -1;
    if (u[j].qual == Q_HORN && l != 'o' && l != 'u') return -1;
  }
  return k + 1;
}

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

typedef struct { int onset, vstart, vend, fstart; } syl;  /* vowels in [vstart, vend) */

static int match(const unit *u, int at, int n, const char *s) {
  int k = 0;
  for (; s[k]; k++)
    if (at + k >= n || u[at + k].lc != s[k] || u[at + k].qual) return 0;
  return k;
}

/* Split units into onset, vowels, final.  Returns 0 when the word is a
 * Vietnamese syllable. */
static int split(const unit *u, int n, syl *s) {

  int on = 0;
  for (const char *const *o = W_VI_ONSETS; *o; o++) {
    int k = match(u, 0, n, *o);
    if (!k) continue;
    if (!strcmp(*o, "gi") && !(k < n && is_vowel(u[k].lc))) continue;  /* gì, gìn: i is the vowel */
    if (!strcmp(*o, "qu") && !(k < n && is_vowel(u[k].lc))) continue;
    on = k;
    break;
  }
  int fin = n;
  for (const char *const *f = W_VI_FINALS; *f; f++) {
    int len = (int)strlen(*f);
    if (n - len > on && match(u, n - len, n, *f)) { fin = n - len; break; }
  }
  int nv = fin - on;
  if (nv < 1 || nv > 3) return -1;
  for (int k = on; k < fin; k++)
    if (!is_vowel(u[k].lc)) return -1;
  s->onset = on;
  s->vstart = on;
  s->vend = fin;
  s->fstart = fin;
  return 0;
}

/* The vowel that carries the tone (the rule of shared/vi/README.md):
 * one vowel -> it; else the last vowel with a quality mark; else the middle
 * of three; else, of two, the second before a final consonant and the
 * first in an open syllable, except oa/oe/uy in the new style. */
static int choose_vowel(const unit *u, int n, const syl *s, int style) {
  int nv = s->vend - s->vstart;
  if (nv == 1) return s->vstart;
  for (int k = s->vend - 1; k >= s->vstart; k--)
    if (u[k].qual) return k;
  if (nv == 3) return s->vstart + 1;
  if (s->vend < n) return s->vstart + 1;
  char a = u[s->vstart].lc, b = u[s->vstart + 1].lc;
  if (style == SAPO_TONE_NEW && ((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y')))
    return s->vstart + 1;
  return s->vstart;
}

/* Append units back as decomposed code points, with the tone on `at`. */
static int emit_units(const unit *u, int n, int tone, int at, cpbuf *b) {
  for (int k = 0; k < n; k++) {
    if (cp_push(b, u[k].base)) return -1;
    if (u[k].qual == Q_HORN && cp_push(b, M_HORN)) return -1;
    if (k == at && tone == TN_DOT && cp_push(b, M_DOT)) return -1;
    if (u[k].qual && u[k].qual != Q_HORN && cp_push(b, QUAL_MARK[u[k].qual])) return -1;
    if (k == at && tone && tone != TN_DOT && cp_push(b, TONE_MARK[tone])) return -1;
  }
  return 0;
}

/* ===== WORD DRIVER ===== */

typedef int (*word_fn)(const char *w, size_t n, sapo_buf *out, void *ud, cpbuf *cp);

/* Split s into words (letters and marks) and other characters; ASCII-only
 * words and all non-word characters are copied, other words go to fn. */
static int for_words(const char *str, size_t n, sapo_buf *out, word_fn fn, void *ud, int copy_ascii) {
  const unsigned char *s = (const unsigned char *)str;
  if (!sapo_utf8_valid(s, n)) return SAPO_EUTF8;
  if (sapo_buf_reserve(out, n + 16)) return SAPO_ENOMEM;
  cpbuf cp;
  cp_init(&cp);
  size_t i = 0, run = 0;
  int rc = SAPO_OK;
  while (i < n) {
    size_t ws = i;
    int ascii = 1;
    while (i < n) {
      size_t j = i;
      int32_t c = s[j] < 0x80 ? s[j++] : sapo_u8_next(s, n, &j);
      if (!is_word_cp(c)) break;
      if (c >= 0x80) ascii = 0;
      i = j;
    }
    if (i > ws) {
      if (ascii && copy_ascii) continue;   /* stays in the copied run */
      sapo_buf_add(out, s + run, ws - run);
      int r = fn((const char *)s + ws, i - ws, out, ud, &cp);
      if (r) { rc = r == -1 ? SAPO_ENOMEM : SAPO_EUTF8; break; }
      run = i;
    } else {
      i += 1;
      while (i < n && (s[i] & 0xC0) == 0x80) i++;
    }
  }
  if (rc == SAPO_OK) sapo_buf_add(out, s + run, n - run);
  cp_free(&cp);
  if (out->failed) return SAPO_ENOMEM;
  return rc;
}

static int tone_word(const char *w, size_t n, sapo_buf *out, void *ud, cpbuf *cp) {
  int style = *(int *)ud;
  int r = decompose(w, n, cp, 0);
  if (r) return r;
  unit u[MAX_UNITS];
  int nu = to_units(cp->p, cp->n, u);
  syl s;
  int tone = 0;
  if (nu > 0) {
    for (int k = 0; k < nu; k++) {
      if (!u[k].tone) continue;
      if (tone && tone != u[k].tone) { nu = -1; break; }  /* two different tones: leave it */
      tone = u[k].tone;
    }
  }
  if (nu <= 0 || !tone || split(u, nu, &s)) return compose_out(cp, out);
  int at = choose_vowel(u, nu, &s, style);
  cp->n = 0;
  if (emit_units(u, nu, tone, at, cp)) return -1;
  return compose_out(cp, out);
}

int sapo_vi_tone(const char *s, size_t n, int style, sapo_buf *out) {
  return for_words(s, n, out, tone_word, &style, 1);
}

/* vi_nfc: quality marks before tones within each letter, then Đ for Ð. */
static int nfc_word(const char *w, size_t n, sapo_buf *out, void *ud, cpbuf *cp) {
  (void)ud;
  int r = decompose(w, n, cp, 0);
  if (r) return r;
  /* move ^ and ˘ before a grave/acute/tilde/hook that precedes them */
  for (size_t k = 1; k < cp->n; k++) {
    int32_t c = cp->p[k];
    if (c != M_CIRC && c != M_BREVE) continue;
    size_t j = k;
    while (j > 0) {
      int32_t p = cp->p[j - 1];
      if (p == M_GRAVE || p == M_ACUTE || p == M_TILDE || p == M_HOOK) {
        cp->p[j] = p;
        cp->p[j - 1] = c;
        j--;
      } else break;
    }
  }
  /* Ð/ð at the start of the word, when the word is a Vietnamese syllable */
  if (cp->n && (cp->p[0] == 0xD0 || cp->p[0] == 0xF0)) {
    int32_t save = cp->p[0];
    cp->p[0] = save == 0xD0 ? 0x110 : 0x111;
    unit u[MAX_UNITS];
    syl s;
    int nu = to_units(cp->p, cp->n, u);
    if (nu <= 0 || split(u, nu, &s)) cp->p[0] = save;
  }
  return compose_out(cp, out);
}

int sapo_vi_nfc(const char *s, size_t n, sapo_buf *out) {
  return for_words(s, n, out, nfc_word, NULL, 1);
}

/* ===== STRIP / FOLD / SLUG ===== */

static int32_t strip_cp(int32_t c) {
  if (c == 0x111 || c == 0xF0) return 'd';
  if (c == 0x110 || c == 0xD0) return 'D';
  return c;
}

static int strip_word(const char *w, size_t n, sapo_buf *out, void *ud, cpbuf *cp) {
  int lower = *(int *)ud;
  int r = decompose(w, n, cp, 0);
  if (r) return r;
  size_t o = 0;
  for (size_t k = 0; k < cp->n; k++) {
    int32_t c = cp->p[k];
    if (is_mark(c)) continue;
    c = strip_cp(c);
    if (lower) c = utf8proc_tolower(c);
    cp->p[o++] = c;
  }
  cp->n = o;
  return compose_out(cp, out);
}

int sapo_vi_strip(const char *s, size_t n, sapo_buf *out) {
  int lower = 0;
  return for_words(s, n, out, strip_word, &lower, 1);
}

static int lower_ascii_word(const char *w, size_t n, sapo_buf *out, void *ud, cpbuf *cp) {
  (void)cp;
  (void)ud;
  size_t at = out->len;
  if (sapo_buf_add(out, w, n)) return -1;
  for (size_t k = at; k < out->len; k++)
    if (out->data[k] >= 'A' && out->data[k] <= 'Z') out->data[k] = (char)(out->data[k] + 32);
  return 0;
}

static int fold_word(const char *w, size_t n, sapo_buf *out, void *ud, cpbuf *cp) {
  for (size_t k = 0; k < n; k++)
    if ((unsigned char)w[k] >= 0x80) return strip_word(w, n, out, ud, cp);
  return lower_ascii_word(w, n, out, ud, cp);
}

int sapo_vi_fold(const char *s, size_t n, sapo_buf *out) {
  int lower = 1;
  return for_words(s, n, out, fold_word, &lower, 0);
}

int sapo_vi_slug(const char *s, size_t n, sapo_buf *out) {
  sapo_buf f = SAPO_BUF_INIT;
  int rc = sapo_vi_fold(s, n, &f);
  if (rc) { sapo_buf_free(&f); return rc; }
  int dash = 0;
  size_t start = out->len;
  for (size_t k = 0; k < f.len; k++) {
    unsigned char c = (unsigned char)f.data[k];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && out->len > start) sapo_buf_addc(out, '-');
      dash = 0;
      sapo_buf_addc(out, (char)c);
    } else dash = 1;
  }
  sapo_buf_free(&f);
  return out->failed ? SAPO_ENOMEM : SAPO_OK;
}

/* ===== LEGACY ENCODINGS ===== */

static int vni_lookup2(unsigned char b1, unsigned char b2) {
  for (int k = 0; k < vi_vni_count && vi_vni[k].b2; k++)
    if (vi_vni[k].b1 == b1 && vi_vni[k].b2 == b2) return vi_vni[k].cp;
  return -1;
}

static int vni_lookup1(unsigned char b) {
  for (int k = 0; k < vi_vni_count; k++)
    if (!vi_vni[k].b2 && vi_vni[k].b1 == b) return vi_vni[k].cp;
  return -1;
}

/* VIQR: letter [quality] [tone]; DD/Dd/dd; backslash escapes. */
static int viqr_decode(const unsigned char *s, size_t n, cpbuf *cp) {
  int word_tone = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c == '\\' && i + 1 < n) { if (cp_push(cp, s[i + 1])) return -1; i += 2; word_tone = 0; continue; }
    int letter = (c | 32) >= 'a' && (c | 32) <= 'z';
    if (!letter) {
      if (cp_push(cp, c)) return -1;
      i++;
      word_tone = 0;
      continue;
    }
    if ((c == 'D' || c == 'd') && i + 1 < n && (s[i + 1] == 'D' || (s[i + 1] == 'd' && c == 'd') || (s[i + 1] == 'd' && c == 'D'))) {
      if (cp_push(cp, c == 'd' ? 0x111 : 0x110)) return -1;
      i += 2;
      continue;
    }
    if (cp_push(cp, c)) return -1;
    i++;
    char l = (char)(c | 32);
    if (!is_vowel(l)) continue;
    if (i < n) {
      unsigned char q = s[i];
      int32_t m = 0;
      if (q == '(' && l == 'a') m = M_BREVE;
      else if (q == '^' && (l == 'a' || l == 'e' || l == 'o')) m = M_CIRC;
      else if (q == '+' && (l == 'o' || l == 'u')) m = M_HORN;
      if (m) { if (cp_push(cp, m)) return -1; i++; }
    }
    if (i < n && !word_tone) {
      unsigned char t = s[i];
      int32_t m = t == '\'' ? M_ACUTE : t == '`' ? M_GRAVE : t == '?' ? M_HOOK : t == '~' ? M_TILDE : t == '.' ? M_DOT : 0;
      if (m) { if (cp_push(cp, m)) return -1; i++; word_tone = 1; }
    }
  }
  return 0;
}

static int canonical_enc(const char *enc) {
  if (!strcmp(enc, "tcvn3")) return 1;
  if (!strcmp(enc, "vni")) return 2;
  if (!strcmp(enc, "viqr")) return 3;
  if (!strcmp(enc, "viscii")) return 4;
  if (!strcmp(enc, "vps")) return 5;
  if (!strcmp(enc, "cp1258") || !strcmp(enc, "windows-1258")) return 6;
  return 0;
}

/* Decoded code points (decomposed or not) -> NFC UTF-8. */
static int finish_cps(cpbuf *cp, sapo_buf *out) {
  /* utf8proc composes only canonically ordered decomposed text: encode,
   * then run the full NFC over it. */
  sapo_buf tmp = SAPO_BUF_INIT;
  if (sapo_buf_reserve(&tmp, cp->n * 4 + 1)) return -1;
  for (size_t k = 0; k < cp->n; k++) sapo_buf_add_cp(&tmp, cp->p[k]);
  int r = tmp.failed ? -1 : sapo_nfc(tmp.data ? tmp.data : "", tmp.len, out);
  sapo_buf_free(&tmp);
  return r;
}

int sapo_vi_decode(const char *str, size_t n, const char *enc, sapo_buf *out) {
  const unsigned char *s = (const unsigned char *)str;
  int e = canonical_enc(enc);
  if (!e) return SAPO_EENCODING;
  cpbuf cp;
  cp_init(&cp);
  int r = 0;
  if (cp_reserve(&cp, n + 1)) return SAPO_ENOMEM;
  if (e == 3) r = viqr_decode(s, n, &cp);
  else if (e == 2) {
    for (size_t i = 0; i < n && !r; i++) {
      int c = i + 1 < n ? vni_lookup2(s[i], s[i + 1]) : -1;
      if (c >= 0) { r = cp_push(&cp, c); i++; continue; }
      c = vni_lookup1(s[i]);
      r = cp_push(&cp, c >= 0 ? c : sapo_cp1252_to_cp(s[i]));
    }
  } else {
    const uint16_t *t = e == 1 ? vi_tcvn3 : e == 4 ? vi_viscii : e == 5 ? vi_vps : vi_cp1258;
    for (size_t i = 0; i < n; i++) cp.p[cp.n++] = t[s[i]];
  }
  if (!r) r = finish_cps(&cp, out);
  cp_free(&cp);
  return r ? SAPO_ENOMEM : SAPO_OK;
}

/* Encode one code point into legacy bytes (1 or 2); 0 when impossible. */
static int encode_cp(int e, int32_t c, unsigned char *b) {
  if (e == 2) {
    for (int k = 0; k < vi_vni_count; k++)
      if (vi_vni[k].cp == c) { b[0] = vi_vni[k].b1; b[1] = vi_vni[k].b2; return vi_vni[k].b2 ? 2 : 1; }
    int x = sapo_cp1252_from_cp(c);
    if (x >= 0) { b[0] = (unsigned char)x; return 1; }
    return 0;
  }
  const uint16_t *t = e == 1 ? vi_tcvn3 : e == 4 ? vi_viscii : e == 5 ? vi_vps : vi_cp1258;
  for (int k = 0; k < 256; k++)
    if (t[k] == c) { b[0] = (unsigned char)k; return 1; }
  return 0;
}

int sapo_vi_encode(const char *s, size_t n, const char *enc, sapo_buf *out) {
  int e = canonical_enc(enc);
  if (!e || e == 3) return SAPO_EENCODING;
  if (!sapo_utf8_valid((const unsigned char *)s, n)) return SAPO_EUTF8;
  sapo_buf nfc = SAPO_BUF_INIT;
  if (sapo_nfc(s, n, &nfc)) { sapo_buf_free(&nfc); return SAPO_ENOMEM; }
  const unsigned char *u = (const unsigned char *)sapo_buf_cstr(&nfc);
  size_t m = nfc.len, i = 0;
  while (i < m) {
    int32_t c = sapo_u8_next(u, m, &i);
    unsigned char b[2];
    int k = encode_cp(e, c, b);
    if (k) { sapo_buf_add(out, b, (size_t)k); continue; }
    /* Not in the table as one character (cp1258 keeps tones apart): the
     * letter with its quality mark, then each tone as a combining byte. */
    int32_t d[8];
    int last = 0;
    utf8proc_ssize_t nd = utf8proc_decompose_char(c, d, 8, UTF8PROC_DECOMPOSE, &last);
    int32_t letter[8];
    int nl = 0, nt = 0;
    int32_t tones[8];
    for (utf8proc_ssize_t j = 0; j > -1 && j < nd && j < 8; j++) {
      if (tone_of(d[j])) tones[nt++] = d[j];
      else letter[nl++] = d[j];
    }
    int ok = nd > 0 && nd <= 8 && nl > 0;
    if (ok) {
      utf8proc_ssize_t r = utf8proc_normalize_utf32(letter, nl, UTF8PROC_COMPOSE);
      ok = r == 1 && encode_cp(e, letter[0], b) == 1;
      unsigned char tb[8];
      for (int j = 0; ok && j < nt; j++) ok = encode_cp(e, tones[j], tb + j) == 1;
      if (ok) {
        sapo_buf_add(out, b, 1);
        sapo_buf_add(out, tb, (size_t)nt);
      }
    }
    if (!ok) sapo_buf_addc(out, '?');
  }
  sapo_buf_free(&nfc);
  return out->failed ? SAPO_ENOMEM : SAPO_OK;
}

/* ===== MOJIBAKE ===== */

/* One round: each maximal run of characters that map to Windows-1252
 * bytes, turned back into bytes, replaces itself when those bytes are valid
 * UTF-8 with a multi-byte sequence.  Returns 1 when something changed. */
static int repair_round(const char *str, size_t n, sapo_buf *out) {
  const unsigned char *s = (const unsigned char *)str;
  sapo_buf bytes = SAPO_BUF_INIT;
  size_t i = 0, run_start = 0;
  int changed = 0;
  while (i <= n) {
    size_t j = i;
    int b = -1;
    if (i < n) {
      int32_t c = sapo_u8_next(s, n, &j);
      b = c >= 0x80 && c <= 0x9F ? (int)c : sapo_cp1252_from_cp(c);
    }
    if (b >= 0) {
      if (bytes.len == 0) run_start = i;
      sapo_buf_addc(&bytes, (char)b);
      i = j;
      continue;
    }
    if (bytes.len) {
      size_t k = 0;
      while (k < bytes.len && (unsigned char)bytes.data[k] < 0x80) k++;
      if (k < bytes.len && sapo_utf8_valid((const unsigned char *)bytes.data, bytes.len)) {
        sapo_buf_add(out, bytes.data, bytes.len);
        changed = 1;
      } else sapo_buf_add(out, s + run_start, i - run_start);
      bytes.len = 0;
    }
    if (i >= n) break;
    sapo_buf_add(out, s + i, j - i);
    i = j;
  }
  sapo_buf_free(&bytes);
  return changed;
}

int sapo_vi_repair(const char *s, size_t n, const char *mode, sapo_buf *out) {
  sapo_buf in = SAPO_BUF_INIT;
  sapo_error err;
  if (!sapo_utf8_valid((const unsigned char *)s, n)) {
    if (sapo_decode((const unsigned char *)s, n, "windows-1252", &in, &err)) { sapo_buf_free(&in); return SAPO_ENOMEM; }
  } else if (sapo_buf_add(&in, s, n)) { sapo_buf_free(&in); return SAPO_ENOMEM; }
  int rc = SAPO_OK;
  if (!mode) {
    for (int round = 0; round < 3; round++) {
      sapo_buf next = SAPO_BUF_INIT;
      int changed = repair_round(sapo_buf_cstr(&in), in.len, &next);
      if (next.failed) { sapo_buf_free(&next); rc = SAPO_ENOMEM; break; }
      sapo_buf_free(&in);
      in = next;
      if (!changed) break;
    }
    if (rc == SAPO_OK && sapo_nfc(sapo_buf_cstr(&in), in.len, out)) rc = SAPO_ENOMEM;
  } else {
    int e = canonical_enc(mode);
    if (e != 1 && e != 2) { sapo_buf_free(&in); return SAPO_EENCODING; }
    /* back to the bytes Windows-1252 showed, then the legacy table */
    sapo_buf bytes = SAPO_BUF_INIT;
    const unsigned char *u = (const unsigned char *)sapo_buf_cstr(&in);
    size_t i = 0;
    while (i < in.len) {
      size_t j = i;
      int32_t c = sapo_u8_next(u, in.len, &j);
      int b = c >= 0x80 && c <= 0x9F ? (int)c : sapo_cp1252_from_cp(c);
      if (b >= 0) sapo_buf_addc(&bytes, (char)b);
      else {
        /* not from a byte: decode what we have, keep this character */
        if (bytes.len) { rc = sapo_vi_decode(bytes.data, bytes.len, mode, out); bytes.len = 0; }
        sapo_buf_add(out, u + i, j - i);
      }
      i = j;
    }
    if (bytes.len && rc == SAPO_OK) rc = sapo_vi_decode(bytes.data, bytes.len, mode, out);
    sapo_buf_free(&bytes);
  }
  sapo_buf_free(&in);
  if (out->failed) rc = SAPO_ENOMEM;
  return rc;
}

/* ===== DETECTION ===== */

static int vi_only_letter(int32_t c) {
  return c == 0x103 || c == 0x102 || c == 0x111 || c == 0x110 || c == 0x1A1 || c == 0x1A0 || c == 0x1B0 ||
         c == 0x1AF || c == 0x129 || c == 0x128 || c == 0x169 || c == 0x168 || (c >= 0x1EA0 && c <= 0x1EF9);
}

typedef struct { long words, valid, letters, vi_letters; } detect_stats;

static int detect_word(const char *w, size_t n, sapo_buf *out, void *ud, cpbuf *cp) {
  (void)out;
  detect_stats *st = ud;
  const unsigned char *s = (const unsigned char *)w;
  size_t i = 0;
  while (i < n) {
    int32_t c = sapo_u8_next(s, n, &i);
    if (!is_mark(c)) { st->letters++; st->vi_letters += vi_only_letter(c); }
  }
  st->words++;
  int r = decompose(w, n, cp, 0);
  if (r) return r;
  unit u[MAX_UNITS];
  syl sy;
  int nu = to_units(cp->p, cp->n, u);
  int tones = 0;
  for (int k = 0; k < nu; k++) tones += u[k].tone != 0;
  if (nu > 0 && tones <= 1 && !split(u, nu, &sy)) st->valid++;
  return 0;
}

#define DETECT_VI_LETTERS 0.03   /* share of Vietnamese-only letters a text needs */

int sapo_vi_detect(const char *s, size_t n, double *score) {
  *score = 0;
  /* one cheap pass first: a valid text with too few Vietnamese-only letters
   * is "other" whatever its words look like (most pages of the world) */
  if (sapo_utf8_valid((const unsigned char *)s, n)) {
    const unsigned char *b = (const unsigned char *)s;
    size_t i = 0;
    long letters = 0, vi = 0;
    while (i < n) {
      int32_t c = b[i] < 0x80 ? b[i++] : sapo_u8_next(b, n, &i);
      if (c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : !is_mark(c)) { letters++; vi += vi_only_letter(c); }
    }
    if (letters == 0 || (double)vi / (double)letters < DETECT_VI_LETTERS * 0.5) return 0;
  }
  detect_stats st = {0, 0, 0, 0};
  sapo_buf sink = SAPO_BUF_INIT;
  int rc = for_words(s, n, &sink, detect_word, &st, 0);
  sapo_buf_free(&sink);
  *score = 0;
  if (rc == SAPO_EUTF8) return -1;
  if (rc) return 0;
  if (st.words == 0 || st.letters == 0) return 0;
  double valid = (double)st.valid / (double)st.words;
  double vil = (double)st.vi_letters / (double)st.letters;
  double lv = vil / DETECT_VI_LETTERS > 1 ? 1 : vil / DETECT_VI_LETTERS;
  *score = valid * lv;
  return st.words >= 3 && vil >= DETECT_VI_LETTERS && valid >= 0.6;
}

/* ===== LEGACY FONT PAGES ===== */

int sapo_vi_legacy_guess(const char *str, size_t n, const char **enc) {
  /* Text decoded as Windows-1252 from TCVN3 shows many of µ ¸ ¶ · ¹ ¨ © ®
   * ª « ¬ Ê Ë Î Ï Õ Ö ... inside words; VNI shows letters followed by
   * ø ù ú û õ ï ä å (its tone bytes).  Count letters of each kind. */
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  long tcvn = 0, vni = 0, letters = 0;
  int32_t prev = 0;
  while (i < n) {
    int32_t c = s[i] < 0x80 ? s[i++] : sapo_u8_next(s, n, &i);
    if ((c | 32) >= 'a' && (c | 32) <= 'z') letters++;
    if (c >= 0xA1 && c <= 0xFE) {
      int b = (int)c;
      if ((b >= 0xB5 && b <= 0xBE) || (b >= 0xC6 && b <= 0xD1) || (b >= 0xD5 && b <= 0xDE) ||
          (b >= 0xE7 && b <= 0xEB) || b == 0xA8 || b == 0xA9 || b == 0xAA || b == 0xAB || b == 0xAC || b == 0xAE)
        tcvn++;
      if (((prev | 32) >= 'a' && (prev | 32) <= 'z') &&
          (b == 0xF8 || b == 0xF9 || b == 0xFA || b == 0xFB || b == 0xF5 || b == 0xEF || b == 0xE4 || b == 0xE5 ||
           b == 0xD8 || b == 0xD9 || b == 0xDA || b == 0xDB || b == 0xD5 || b == 0xCF || b == 0xC4 || b == 0xC5))
        vni++;
    }
    prev = c;
  }
  if (letters < 20) return 0;
  if (vni * 20 > letters && vni >= tcvn / 2) { *enc = "vni"; return 1; }
  if (tcvn * 20 > letters) { *enc = "tcvn3"; return 1; }
  return 0;
}
