/* pmatch.c: see pmatch.h. */
#include "pmatch.h"
#include <string.h>

void pm_init(pmatch *m) { memset(m, 0, sizeof *m); }

int pm_add(pmatch *m, const char *const *pats) {
  if (m->lists >= PM_MAX_LISTS) return -1;
  int j = m->lists++;
  for (; *pats; pats++) {
    const unsigned char *p = (const unsigned char *)*pats;
    size_t n = strlen(*pats);
    if (m->n >= PM_MAX_PATTERNS || n == 0 || n > 255) return -1;
    for (size_t i = 0; i < n; i++) if (p[i] >= 128) return -1;
    int k = m->n++;
    uint64_t bit = 1ull << k;
    m->pat[k] = *pats;
    m->len[k] = (uint8_t)n;
    m->list[k] = (uint8_t)j;
    m->of_list[j] |= bit;
    m->first[p[0]] |= bit;
    if (n == 1) {   /* any next byte: the NUL and non-ASCII ones through m->one */
      m->one |= bit;
      for (int c = 1; c < 128; c++) m->second[c] |= bit;
    } else m->second[p[1]] |= bit;
  }
  return 0;
}

uint32_t pm_scan(const pmatch *m, const char *s) {
  uint32_t got = 0;
  uint64_t live = 0;
  for (int j = 0; j < m->lists; j++) live |= m->of_list[j];
  for (const unsigned char *p = (const unsigned char *)s; *p && live; p++) {
    if (p[0] >= 128) continue;
    uint64_t next = p[1] && p[1] < 128 ? m->second[p[1]] : m->one;
    uint64_t bits = m->first[p[0]] & next & live;
    while (bits) {
      int k = __builtin_ctzll(bits);
      bits &= bits - 1;
      size_t n = m->len[k], q = 2;
      const char *pat = m->pat[k];
      while (q < n && p[q] == (unsigned char)pat[q]) q++;   /* p ends in NUL: a mismatch stops it */
      if (q >= n) {
        got |= 1u << m->list[k];
        live &= ~m->of_list[m->list[k]];
        bits &= live;
      }
    }
  }
  return got;
}
