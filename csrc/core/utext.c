/* utext.c: NFC through utf8proc and the output text cleanup. */
#include "utext.h"
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int sapo_is_invisible(int32_t c) {
  if (c < 0x20) return !(c >= 9 && c <= 13);
  if (c < 0x7F) return 0;
  if (c <= 0x9F) return 1;                       /* DEL and C1 controls */
  return c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F ||
         c == 0x2060 || c == 0xFEFF || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Ranges whose characters are all NFC_Quick_Check=Yes starters (checked
 * against utf8proc by spec/c/test_core.c): text made only of them is NFC. */
static int nfc_stable(int32_t c) {
  return c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2010 && c <= 0x2027) ||
         (c >= 0x2030 && c <= 0x205E) || (c >= 0x20A0 && c <= 0x20C0) ||
         (c >= 0x0388 && c <= 0x03FF && c != 0x387) || (c >= 0x0400 && c <= 0x0482) ||
         (c >= 0x048A && c <= 0x052F) || (c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x303F) ||
         (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xFF01 && c <= 0xFF60);
}

int sapo_nfc_quick(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < n) {
    /* eight ASCII bytes at a time (ASCII is NFC) */
    if (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (!(w & UINT64_C(0x8080808080808080))) { i += 8; continue; }
    }
    if (s[i] < 0xCC) { i += s[i] < 0x80 ? 1 : 2; continue; }  /* < U+0300 */
    if (!nfc_stable(sapo_u8_next(s, n, &i))) return 0;
  }
  return 1;
}

int sapo_nfc(const char *s, size_t n, sapo_buf *out) {
  if (sapo_nfc_quick(s, n)) return sapo_buf_add(out, s, n);
  const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
  int32_t stackbuf[256];
  utf8proc_ssize_t need = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                                             stackbuf, 256, opt);
  if (need < 0) return -2;
  int32_t *buf = stackbuf;
  if (need > 256) {
    if ((size_t)need > SIZE_MAX / 4 - 1) return -1;
    buf = malloc(((size_t)need + 1) * sizeof *buf);
    if (!buf) return -1;
    need = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, buf, need, opt);
    if (need < 0) { free(buf); return -2; }
  }
  /* utf8proc_reencode composes in place and writes UTF-8 over the int32
   * buffer, which it needs to hold need+1 code points. */
  int rc = 0;
  if (buf == stackbuf && need == 256) {
    buf = malloc(257 * sizeof *buf);
    if (!buf) return -1;
    memcpy(buf, stackbuf, 256 * sizeof *buf);
  }
  utf8proc_ssize_t len = utf8proc_reencode(buf, need, opt);
  if (len < 0) rc = -2;
  else rc = sapo_buf_add(out, buf, (size_t)len);
  if (buf != stackbuf) free(buf);
  return rc;
}

int sapo_clean(const char *str, size_t n, sapo_buf *out, int keep_lines) {
  const unsigned char *s = (const unsigned char *)str;
  /* written straight into out (no copy): most text is NFC as it stands,
   * which one quick check over what was written says */
  size_t base = out->len;
  if (sapo_buf_reserve(out, n)) return -1;
  size_t i = 0, run = 0;   /* s[run, i) is kept text not yet copied */
  int pending = 0;         /* 0 none, 1 space, 2 newline */
  while (i < n) {
    /* plain prose extends the run eight bytes at a time */
    if (!pending && i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (sapo_plain8(s + i, w)) { i += 8; continue; }
    }
    /* printable ASCII extends the run: the common case, one test a byte */
    if (s[i] > 0x20 && s[i] < 0x7F && !pending) { i++; continue; }
    /* so does one ASCII space between two of them, once text has begun */
    if (s[i] == ' ' && !pending && i > run && i + 1 < n && s[i + 1] > 0x20 && s[i + 1] < 0x7F) { i++; continue; }
    size_t start = i;
    int32_t c = s[i] < 0x80 ? s[i++] : sapo_u8_next(s, n, &i);
    if (sapo_is_space(c) || sapo_is_invisible(c)) {
      sapo_buf_add(out, s + run, start - run);
      run = i;
      if (sapo_is_space(c)) {
        if (keep_lines && (c == '\n' || c == 0x2028 || c == 0x2029)) pending = 2;
        else if (!pending) pending = 1;
      }
      continue;
    }
    if (pending) {
      sapo_buf_add(out, s + run, start - run);
      if (out->len > base) sapo_buf_addc(out, pending == 2 ? '\n' : ' ');
      run = start;
      pending = 0;
    }
  }
  sapo_buf_add(out, s + run, n - run);
  if (out->failed) return -1;
  if (out->len == base || sapo_nfc_quick(out->data + base, out->len - base)) return 0;
  /* not NFC: the cleaned text is taken back and normalised */
  size_t len = out->len - base;
  char *cleaned = malloc(len ? len : 1);
  if (!cleaned) return -1;
  memcpy(cleaned, out->data + base, len);
  out->len = base;
  if (out->data) out->data[base] = '\0';
  int rc = sapo_nfc(cleaned, len, out);
  free(cleaned);
  return rc == 0 ? 0 : -1;
}

size_t sapo_u16len(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = s[i];
    if ((c & 0xC0) != 0x80) k += (c >= 0xF0) ? 2 : 1;
  }
  return k;
}

double sapo_text_similarity(const char *a, const char *b) {
  /* tokens: runs of [A-Za-z0-9_], lower-cased */
  char ta[2048], tb[2048];
  size_t na = 0, nb = 0;
  for (const char *p = a; *p && na + 2 < sizeof ta; p++) {
    int w = isalnum((unsigned char)*p) || *p == '_';
    if (w) ta[na++] = (char)tolower((unsigned char)*p);
    else if (na && ta[na - 1] != ' ') ta[na++] = ' ';
  }
  ta[na] = '\0';
  for (const char *p = b; *p && nb + 2 < sizeof tb; p++) {
    int w = isalnum((unsigned char)*p) || *p == '_';
    if (w) tb[nb++] = (char)tolower((unsigned char)*p);
    else if (nb && tb[nb - 1] != ' ') tb[nb++] = ' ';
  }
  tb[nb] = '\0';
  while (na && ta[na - 1] == ' ') ta[--na] = '\0';
  while (nb && tb[nb - 1] == ' ') tb[--nb] = '\0';
  if (!na || !nb) return 0;
  /* uniq tokens of B not in A */
  size_t uniq_len = 0, uniq_count = 0;
  for (char *p = tb; *p;) {
    char *e = strchr(p, ' ');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    int found = 0;
    for (char *q = ta; *q;) {
      char *f = strchr(q, ' ');
      size_t l2 = f ? (size_t)(f - q) : strlen(q);
      if (l2 == len && !memcmp(p, q, len)) { found = 1; break; }
      if (!f) break;
      q = f + 1;
    }
    if (!found) { uniq_len += len; uniq_count++; }
    if (!e) break;
    p = e + 1;
  }
  if (uniq_count) uniq_len += uniq_count - 1;
  return 1.0 - (double)uniq_len / (double)nb;
}


/* ===== LOWER CASE AND PHRASES ===== */

size_t sapo_lower(const char *s, size_t n, char *dst, size_t cap) {
  size_t i = 0, o = 0;
  const unsigned char *u = (const unsigned char *)s;
  while (i < n) {
    if (u[i] < 0x80) {   /* ASCII: no table look-up */
      if (o + 2 > cap) break;
      dst[o++] = (char)((u[i] >= 'A' && u[i] <= 'Z') ? u[i] + 32 : u[i]);
      i++;
      continue;
    }
    int32_t c = sapo_u8_next(u, n, &i);
    c = utf8proc_tolower(c);
    unsigned char tmp[4];
    utf8proc_ssize_t k = utf8proc_encode_char(c, tmp);
    if (o + (size_t)k + 1 > cap) break;
    memcpy(dst + o, tmp, (size_t)k);
    o += (size_t)k;
  }
  dst[o] = '\0';
  return o;
}

static int phrase_edge(unsigned char c) {
  return !c || c == ' ' || c == ',' || c == ':' || c == ')' || c == '(' || c == '.' || c == '|' || c == ';' ||
         c == '!' || c == '?' || c == '/' || c == '\n';
}

int sapo_has_phrase(const char *low, const char *const *list) {
  for (; *list; list++) {
    size_t n = strlen(*list);
    for (const char *p = strstr(low, *list); p; p = strstr(p + 1, *list))
      if ((p == low || phrase_edge((unsigned char)p[-1])) && phrase_edge((unsigned char)p[n])) return 1;
  }
  return 0;
}
