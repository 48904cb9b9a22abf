/* test_main.c: runs every TEST of spec/c/test_*.c, in registration order,
 * and ends with busted's summary line ("N successes / M failures / 0
 * errors"), which spec/run.sh counts.  Exit 1 when any test failed. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "test.h"
#include <string.h>

#define MAX_TESTS 512

static struct { const char *name; test_fn fn; } tests[MAX_TESTS];
static int n_tests;
static int current_failed;
static const char *current_name;

void test_register(const char *name, test_fn fn) {
  if (n_tests < MAX_TESTS) { tests[n_tests].name = name; tests[n_tests].fn = fn; n_tests++; }
}

void test_fail(const char *file, int line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stdout, "Failure -> %s:%d (%s): ", file, line, current_name);
  vfprintf(stdout, fmt, ap);
  fputc('\n', stdout);
  va_end(ap);
  current_failed = 1;
}

size_t test_random_text(unsigned *seed, const char *const *pieces, size_t n, int max_parts, char *out, size_t cap) {
  size_t len = 0;
  int parts = (int)((*seed = *seed * 1103515245u + 12345u) >> 16) % max_parts;
  for (int p = 0; p < parts; p++) {
    const char *piece = pieces[((*seed = *seed * 1103515245u + 12345u) >> 16) % n];
    size_t l = strlen(piece);
    if (len + l >= cap) break;
    memcpy(out + len, piece, l);
    len += l;
  }
  out[len] = '\0';
  return len;
}

int main(int argc, char **argv) {
  int failed = 0, ran = 0;
  for (int i = 0; i < n_tests; i++) {
    if (argc > 1 && !strstr(tests[i].name, argv[1])) continue;
    current_failed = 0;
    ran++;
    current_name = tests[i].name;
    tests[i].fn();
    failed += current_failed;
    if (argc > 1) printf("%s %s\n", current_failed ? "FAIL" : "ok  ", tests[i].name);
  }
  printf("%d successes / %d failures / 0 errors\n", ran - failed, failed);
  return failed ? 1 : 0;
}
