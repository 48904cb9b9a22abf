/* test_utext.c: the NFC quick check (utext.c) against utf8proc: text it
 * calls NFC is NFC, at every offset of its eight-byte ASCII steps. */
#include "test.h"
#include "core/buf.h"
#include "core/utext.h"
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* 1 when utf8proc's NFC of s is s */
static int is_nfc(const char *s, size_t n) {
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  int same = m >= 0 && (size_t)m == n && !memcmp(out, s, n);
  free(out);
  return same;
}

static size_t put(char *b, size_t at, int32_t cp) {
  return at + (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)b + at);
}

TEST(nfc_quick_never_calls_a_text_nfc_that_is_not) {
  /* ASCII runs of every length around the eight-byte step, with
   * precomposed letters, a combining mark that composes, Hangul, CJK */
  static const int32_t PIECES[] = {0x1EA1, 0x0301, 0x00E9, 0xAC00, 0x11A8, 0x4E2D, 0x0416, 0x2014, 0x0065};
  unsigned seed = 7;
  char s[256];
  for (int round = 0; round < 20000; round++) {
    size_t n = 0;
    int parts = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 5;
    for (int p = 0; p < parts && n < 200; p++) {
      size_t ascii = ((seed = seed * 1103515245u + 12345u) >> 16) % 19;
      for (size_t k = 0; k < ascii; k++) s[n++] = (char)('a' + (k % 26));
      if (((seed = seed * 1103515245u + 12345u) >> 16) % 3)
        n = put(s, n, PIECES[((seed = seed * 1103515245u + 12345u) >> 16) % (sizeof PIECES / sizeof *PIECES)]);
    }
    if (sapo_nfc_quick(s, n) && !is_nfc(s, n)) {
      s[n] = '\0';
      fprintf(stderr, "  quick says NFC: \"%s\"\n", s);
      EXPECT(0);
      break;
    }
  }
}

TEST(nfc_quick_sees_a_combining_mark_after_ascii) {
  char s[64];
  for (size_t lead = 1; lead < 20; lead++) {   /* (a mark with nothing before it stays) */
    size_t n = 0;
    for (size_t k = 0; k < lead; k++) s[n++] = 'e';
    n = put(s, n, 0x0301);   /* e + acute composes: not NFC */
    EXPECT(!sapo_nfc_quick(s, n));
    EXPECT(!is_nfc(s, n));
  }
}

TEST(nfc_normalises_what_the_quick_check_refuses) {
  sapo_buf b = SAPO_BUF_INIT;
  const char *nfd = "Vie\xcc\x82\xcc\xa3t Nam cafe\xcc\x81";   /* e + circumflex + dot below; e + acute */
  EXPECT(!sapo_nfc_quick(nfd, strlen(nfd)));
  EXPECT(sapo_nfc(nfd, strlen(nfd), &b) == 0);
  EXPECT_STR(sapo_buf_cstr(&b), "Vi\xe1\xbb\x87t Nam caf\xc3\xa9");
  sapo_buf_free(&b);
}

/* sapo_clean as the byte rules say it (the clean-up without the eight-byte
 * steps): white space runs become one space (or a line break, keep_lines),
 * invisible characters go, the ends are trimmed, the result is NFC */
static void reference_clean(const char *str, size_t n, sapo_buf *out, int keep_lines) {
  const unsigned char *s = (const unsigned char *)str;
  sapo_buf tmp = SAPO_BUF_INIT;
  size_t i = 0;
  int pending = 0;
  while (i < n) {
    int32_t c = s[i] < 0x80 ? s[i++] : sapo_u8_next(s, n, &i);
    if (sapo_is_space(c)) {
      if (keep_lines && (c == '\n' || c == 0x2028 || c == 0x2029)) pending = 2;
      else if (!pending) pending = 1;
      continue;
    }
    if (sapo_is_invisible(c)) continue;
    if (pending && tmp.len) sapo_buf_addc(&tmp, pending == 2 ? '\n' : ' ');
    pending = 0;
    sapo_buf_add_cp(&tmp, c);
  }
  sapo_nfc(tmp.data ? tmp.data : "", tmp.len, out);
  sapo_buf_free(&tmp);
}

TEST(clean_agrees_with_the_byte_rules) {
  static const char *const PIECES[] = {"word", "ab", "x", ".", ",", " ", "  ", "\n", "\t", "\xc2\xa0",
                                       "\xe2\x80\x8b", "e\xcc\x81", "\xe1\xbb\x87", "\x7f", "longerword"};
  unsigned seed = 3;
  char s[200];
  for (int round = 0; round < 30000; round++) {
    size_t n = test_random_text(&seed, PIECES, sizeof PIECES / sizeof *PIECES, 30, s, sizeof s);
    int keep = round & 1;
    sapo_buf got = SAPO_BUF_INIT, want = SAPO_BUF_INIT;
    sapo_buf_adds(&got, "prefix|");   /* (cleaned text is appended) */
    sapo_buf_adds(&want, "prefix|");
    EXPECT(sapo_clean(s, n, &got, keep) == 0);
    reference_clean(s, n, &want, keep);
    int same = got.len == want.len && !memcmp(sapo_buf_cstr(&got), sapo_buf_cstr(&want), got.len);
    if (!same) {
      s[n] = '\0';
      fprintf(stderr, "  on \"%s\": \"%s\" / \"%s\"\n", s, sapo_buf_cstr(&got), sapo_buf_cstr(&want));
    }
    sapo_buf_free(&got);
    sapo_buf_free(&want);
    if (!same) { EXPECT(0); break; }
  }
}
