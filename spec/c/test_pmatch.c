/* test_pmatch.c: several substring lists matched in one scan (pmatch.c),
 * checked against a plain strstr over every pattern. */
#include "test.h"
#include "core/pmatch.h"
#include <string.h>

static const char *const A[] = {"comment", "-ad-", "menu", "ot", NULL};
static const char *const B[] = {"byline", "author", NULL};
static const char *const C[] = {"x", "hid", NULL};   /* a one-byte pattern */

static uint32_t naive(const char *s) {
  const char *const *lists[] = {A, B, C};
  uint32_t got = 0;
  for (int j = 0; j < 3; j++)
    for (const char *const *p = lists[j]; *p; p++)
      if (strstr(s, *p)) got |= 1u << j;
  return got;
}

static void build(pmatch *m) {
  pm_init(m);
  EXPECT(pm_add(m, A) == 0);
  EXPECT(pm_add(m, B) == 0);
  EXPECT(pm_add(m, C) == 0);
}

TEST(pmatch_finds_each_list_where_strstr_does) {
  pmatch m;
  build(&m);
  static const char *const S[] = {
    "", "comment", "post-comments byline", "main-ad-slot", "nav menu", "foot", "o", "t", "x", "ax",
    "hi", "hid", "shidden", "author-box", "bylin", "autho", "commen", "-ad", "ad-", "café menu",
    "\xc3\xa9ot", "ot\xc3\xa9", "x\xc3\xa9", "\xc3\xa9x", "rotate", "prix",
  };
  for (size_t i = 0; i < sizeof S / sizeof *S; i++) {
    if (pm_scan(&m, S[i]) != naive(S[i])) fprintf(stderr, "  on \"%s\"\n", S[i]);
    EXPECT(pm_scan(&m, S[i]) == naive(S[i]));
  }
}

TEST(pmatch_agrees_with_strstr_on_random_strings) {
  pmatch m;
  build(&m);
  const char alphabet[] = "abcdehilmnortuxy-\xc3";
  unsigned seed = 12345;
  char s[24];
  for (int round = 0; round < 20000; round++) {
    size_t n = (seed = seed * 1103515245u + 12345u) >> 16 & 15;
    for (size_t i = 0; i < n; i++) s[i] = alphabet[((seed = seed * 1103515245u + 12345u) >> 16) % (sizeof alphabet - 1)];
    s[n] = '\0';
    if (pm_scan(&m, s) != naive(s)) { fprintf(stderr, "  on \"%s\"\n", s); EXPECT(0); break; }
  }
}

TEST(pmatch_refuses_what_it_cannot_hold) {
  pmatch m;
  pm_init(&m);
  static const char *const empty[] = {"", NULL};
  static const char *const wide[] = {"caf\xc3\xa9", NULL};
  EXPECT(pm_add(&m, empty) == -1);
  pm_init(&m);
  EXPECT(pm_add(&m, wide) == -1);
  pm_init(&m);
  static const char *const one[] = {"ab", NULL};
  int fails = 0;
  for (int k = 0; k < PM_MAX_PATTERNS + 1; k++) fails += pm_add(&m, one) != 0;
  EXPECT(fails == PM_MAX_PATTERNS + 1 - PM_MAX_LISTS);   /* one list each: the lists run out first */
  static const char *many[PM_MAX_PATTERNS + 2];
  for (int k = 0; k < PM_MAX_PATTERNS + 1; k++) many[k] = "ab";
  many[PM_MAX_PATTERNS + 1] = NULL;
  pm_init(&m);
  EXPECT(pm_add(&m, many) == -1);                         /* one list: the patterns run out */
}
