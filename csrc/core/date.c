/* date.c: date recognition for metadata and visible date lines.  A small
 * scanner, not a regex engine: it looks for the first plausible date and
 * the time and zone that follow it. */
#include "date.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static int num(const char *s, size_t *i, int maxd, int *v) {
  int d = 0, x = 0;
  while (s[*i] >= '0' && s[*i] <= '9' && d < maxd) { x = x * 10 + (s[*i] - '0'); (*i)++; d++; }
  if (s[*i] >= '0' && s[*i] <= '9') return 0;  /* too many digits */
  *v = x;
  return d;
}

static int valid_ymd(int y, int m, int d) { return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31; }

static const char *const MONTHS[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

static int month_at(const char *s, size_t i, size_t *end) {
  for (int m = 0; m < 12; m++)
    if (!strncasecmp(s + i, MONTHS[m], 3)) {
      size_t j = i + 3;
      while (isalpha((unsigned char)s[j])) j++;
      if (j - i > 9) return 0;
      if (i > 0 && isalpha((unsigned char)s[i - 1])) return 0;
      *end = j;
      return m + 1;
    }
  return 0;
}

/* Time "HH:MM[:SS][.frac]" (optionally "h", "giờ" style not handled) and a
 * zone "Z", "+07:00", "+0700", "GMT+7", "(GMT+7)", "UTC+07:00". */
static void time_zone(const char *s, size_t i, int *hh, int *mm, int *ss, int *has_time, char *tz, size_t tzcap) {
  *has_time = 0;
  tz[0] = '\0';
  size_t j = i;
  for (int skip = 0; s[j] && skip < 12; skip++, j++) {
    if (s[j] >= '0' && s[j] <= '9') break;
    if (!strchr(" ,-T|(", s[j]) && !(s[j] == 'l' || s[j] == 'u' || s[j] == 'c' || s[j] == 'a' || s[j] == 't')) return;
  }
  int h, m, sec = 0;
  size_t k = j;
  if (!num(s, &k, 2, &h) || s[k] != ':') return;
  k++;
  if (num(s, &k, 2, &m) != 2) return;
  if (s[k] == ':') { k++; if (num(s, &k, 2, &sec) != 2) return; }
  if (s[k] == '.' || s[k] == ',') { k++; while (s[k] >= '0' && s[k] <= '9') k++; }
  if (h > 23 || m > 59 || sec > 60) return;
  /* am/pm */
  size_t q = k;
  while (s[q] == ' ') q++;
  if (!strncasecmp(s + q, "pm", 2) && h < 12) { h += 12; k = q + 2; }
  else if (!strncasecmp(s + q, "am", 2)) { if (h == 12) h = 0; k = q + 2; }
  *hh = h; *mm = m; *ss = sec;
  *has_time = 1;
  while (s[k] == ' ' || s[k] == '(') k++;
  if (s[k] == 'Z' && !isalpha((unsigned char)s[k + 1])) { snprintf(tz, tzcap, "+00:00"); return; }
  if (!strncasecmp(s + k, "GMT", 3) || !strncasecmp(s + k, "UTC", 3)) {
    k += 3;
    if (s[k] != '+' && s[k] != '-') { snprintf(tz, tzcap, "+00:00"); return; }
  }
  if (s[k] == '+' || s[k] == '-') {
    char sign = s[k++];
    int zh = 0, zm = 0;
    size_t st = k;
    int d = num(s, &k, 4, &zh);
    if (d == 4) { zm = zh % 100; zh /= 100; }
    else if (d >= 1 && s[k] == ':') { k++; num(s, &k, 2, &zm); }
    else if (d < 1) { (void)st; return; }
    if (zh >= 0 && zh <= 14 && zm >= 0 && zm < 60) snprintf(tz, tzcap, "%c%02u:%02u", sign, (unsigned)zh, (unsigned)zm);
  }
}

static int emit(char *out, size_t cap, int y, int mo, int d, const char *s, size_t after) {
  int hh = 0, mm = 0, ss = 0, has_time;
  char tz[16];
  time_zone(s, after, &hh, &mm, &ss, &has_time, tz, sizeof tz);
  if (!has_time) snprintf(out, cap, "%04d-%02d-%02d", y, mo, d);
  else snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, hh, mm, ss, tz);
  return 1;
}

int sapo_date_iso(const char *s, char *out, size_t cap) {
  if (!s || cap < 32) return 0;
  size_t n = strlen(s);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= '0' && c <= '9' && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9'))) {
      size_t j = i;
      int a, b, y;
      int da = num(s, &j, 4, &a);
      if (da == 4 && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {       /* Y-M-D */
        char sep = s[j++];
        if (!num(s, &j, 2, &b) || s[j] != sep) continue;
        j++;
        int d;
        if (!num(s, &j, 2, &d)) continue;
        if (valid_ymd(a, b, d)) return emit(out, cap, a, b, d, s, j);
        continue;
      }
      if (da == 8 && s[j] == 'T') {                                       /* YYYYMMDDThhmm */
        int y8 = a / 10000, m8 = a / 100 % 100, d8 = a % 100;
        if (valid_ymd(y8, m8, d8)) return emit(out, cap, y8, m8, d8, s, j);
      }
      if (da >= 1 && da <= 2 && (s[j] == '/' || s[j] == '-' || s[j] == '.')) {  /* D/M/Y, day first */
        char sep = s[j++];
        if (!num(s, &j, 2, &b) || s[j] != sep) continue;
        j++;
        if (num(s, &j, 4, &y) != 4) continue;
        if (valid_ymd(y, b, a)) return emit(out, cap, y, b, a, s, j);
        if (valid_ymd(y, a, b)) return emit(out, cap, y, a, b, s, j);   /* US order when day-first is impossible */
        continue;
      }
      if (da >= 1 && da <= 2) {                                           /* 25 April 2024 */
        size_t k = j, me;
        while (s[k] == ' ' || s[k] == '.') k++;
        int m = month_at(s, k, &me);
        if (m) {
          k = me;
          while (s[k] == ' ' || s[k] == ',' || s[k] == '.') k++;
          if (num(s, &k, 4, &y) == 4 && valid_ymd(y, m, a)) return emit(out, cap, y, m, a, s, k);
        }
      }
      if (da > 0) i = j - 1;
      continue;
    }
    /* "ngày 25 tháng 4 năm 2024" */
    if (!strncmp(s + i, "ngày ", 6) || !strncmp(s + i, "Ngày ", 6)) {
      size_t j = i + 6;
      int d, m, y;
      if (!num(s, &j, 2, &d)) continue;
      while (s[j] == ' ') j++;
      if (strncmp(s + j, "tháng ", 7)) continue;
      j += 7;
      if (!num(s, &j, 2, &m)) continue;
      while (s[j] == ' ') j++;
      if (strncmp(s + j, "năm ", 5)) continue;
      j += 5;
      if (num(s, &j, 4, &y) != 4) continue;
      if (valid_ymd(y, m, d)) return emit(out, cap, y, m, d, s, j);
      continue;
    }
    /* "April 25, 2024" */
    size_t me;
    int m = isalpha(c) ? month_at(s, i, &me) : 0;
    if (m) {
      size_t k = me;
      while (s[k] == ' ' || s[k] == '.') k++;
      int d, y;
      if (num(s, &k, 2, &d)) {
        while (s[k] == ',' || s[k] == ' ' || (s[k] >= 'a' && s[k] <= 'z' && k < me + 8)) k++;
        if (num(s, &k, 4, &y) == 4 && valid_ymd(y, m, d)) return emit(out, cap, y, m, d, s, k);
      }
      i = me - 1;
    }
  }
  return 0;
}
