/* test_measure.c: a text's summary (measure.c's measure_text), eight bytes
 * at a time where it can, against the byte-by-byte rules it stands for:
 * each character counts 1 (2 beyond U+FFFF), a run of white space between
 * characters counts 1, white space at the ends counts 0 and is flagged,
 * commas are counted. */
#include "test.h"
#include "core/find.h"
#include "core/utext.h"
#include <string.h>

static agg reference(const char *str, size_t m) {
  agg a;
  memset(&a, 0, sizeof a);
  const unsigned char *s = (const unsigned char *)str;
  size_t k = 0;
  int ws = 0;
  while (k < m) {
    unsigned char b = s[k];
    int32_t cp = b < 0x80 ? (k++, b) : sapo_u8_next(s, m, &k);
    if (sapo_is_space(cp)) {
      ws = 1;
      if (!(a.f & AG_NONEMPTY)) a.f |= AG_LEAD | AG_WS;
      continue;
    }
    if (ws && (a.f & AG_NONEMPTY)) a.len++;
    ws = 0;
    a.f |= AG_NONEMPTY;
    a.len += cp >= 0x10000 ? 2 : 1;
    if (cp == ',') { a.commas++; a.ascii_commas++; }
    else if (cp >= 0x80 && is_comma(cp)) a.commas++;
  }
  if (ws) a.f |= (a.f & AG_NONEMPTY) ? AG_TRAIL : AG_WS;
  if (!(a.f & AG_NONEMPTY)) a.f &= (uint8_t)~(AG_LEAD | AG_TRAIL);
  return a;
}

static int same(agg x, agg y) {
  return x.len == y.len && x.commas == y.commas && x.ascii_commas == y.ascii_commas && x.f == y.f;
}

TEST(measure_text_counts_as_the_byte_rules_do) {
  static const char *const PIECES[] = {"a", "b", "Z", " ", "  ", ",", ".", "\n", "\t", "\x7f", "\x01",
                                       "\xc3\xa9", "\xe1\xbb\x87", "\xf0\x9f\x98\x80", "\xc2\xa0", "\xef\xbc\x8c"};
  unsigned seed = 99;
  char s[128];
  for (int round = 0; round < 50000; round++) {
    size_t n = test_random_text(&seed, PIECES, sizeof PIECES / sizeof *PIECES, 40, s, sizeof s);
    agg got = measure_text(s, n), want = reference(s, n);
    if (!same(got, want)) {
      s[n] = '\0';
      fprintf(stderr, "  on \"%s\": len %u/%u commas %u/%u f %u/%u\n", s, got.len, want.len, got.commas,
              want.commas, got.f, want.f);
      EXPECT(0);
      break;
    }
  }
}

TEST(measure_text_reads_prose) {
  const char *s = "  Hello, world and   all of you, here.  ";
  agg a = measure_text(s, strlen(s));
  EXPECT(a.len == 34);   /* "Hello, world and all of you, here." */
  EXPECT(a.commas == 2);
  EXPECT((a.f & (AG_NONEMPTY | AG_LEAD | AG_TRAIL)) == (AG_NONEMPTY | AG_LEAD | AG_TRAIL));
}
