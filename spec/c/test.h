/* test.h: a tiny harness for the C core's unit tests (spec/c/test_*.c),
 * no Lua involved.  A test is
 *
 *     TEST(date_reads_vietnamese_lines) {
 *       EXPECT_STR(iso("Thứ năm, 25/4/2024, 10:30 (GMT+7)"), "2024-04-25T10:30:00+07:00");
 *     }
 *
 * registered before main() runs (a constructor), run by test_main.c in
 * file order; EXPECT* report the file, line and both values and let the
 * test go on.  The runner ends with busted's summary line, so spec/run.sh
 * counts these tests with the others. */
#ifndef SAPO_TEST_H
#define SAPO_TEST_H

#include <stdio.h>
#include <string.h>

typedef void (*test_fn)(void);

/* A random text for differential tests: up to max_parts pieces drawn from
 * pieces (n of them) by the LCG in *seed, concatenated into out (cap bytes,
 * NUL-ended); returns its length. */
size_t test_random_text(unsigned *seed, const char *const *pieces, size_t n, int max_parts, char *out, size_t cap);
void test_register(const char *name, test_fn fn);
void test_fail(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;

#define TEST(name)                                                            \
  static void test_##name(void);                                              \
  __attribute__((constructor)) static void reg_##name(void) {                 \
    test_register(#name, test_##name);                                        \
  }                                                                           \
  static void test_##name(void)

#define EXPECT(cond)                                                          \
  do { if (!(cond)) test_fail(__FILE__, __LINE__, "expected %s", #cond); } while (0)

#define EXPECT_INT(got, want)                                                 \
  do {                                                                        \
    long long g_ = (long long)(got), w_ = (long long)(want);                  \
    if (g_ != w_) test_fail(__FILE__, __LINE__, "%s is %lld, expected %lld", #got, g_, w_); \
  } while (0)

#define EXPECT_STR(got, want)                                                 \
  do {                                                                        \
    const char *g_ = (got), *w_ = (want);                                     \
    if ((g_ == NULL) != (w_ == NULL) || (g_ && strcmp(g_, w_)))               \
      test_fail(__FILE__, __LINE__, "%s is \"%s\", expected \"%s\"", #got,   \
                g_ ? g_ : "(null)", w_ ? w_ : "(null)");                      \
  } while (0)

#endif
